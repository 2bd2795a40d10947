"""Reading QGIS feature sources into frames: only the attributes asked for, geometries as shapely objects.

:func:`read_layer` is the one way in: it reads through QGIS's feature source
(the requested attributes only, no geometry when none is wanted, reprojected
while read) or, when :func:`~.fast_path.fast_path` decided so for an input
written back to a new GeoPackage, with pyogrio. Both give the same frame for
the requested columns (PostGIS inputs too: qgis_io/postgis.py).
:func:`read_attributes` reads attributes alone;
:func:`read_geometries` is the older call, kept for callers being migrated.
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..toolbelt.i18n import tr
from . import compat
from .fast_path import FastPath, read_file
from .postgis import read_table

#: Features read (and written) between two progress reports and cancellation checks.
BATCH = 10000


def is_null(value):
    """True for None and QGIS NULL (an invalid ``QVariant``)."""
    return value is None or isinstance(value, QVariant)


def check_progress(feedback, done, total):
    """Report ``done`` of ``total`` to ``feedback`` (if any); raise when the user canceled."""
    if feedback is None:
        return
    if feedback.isCanceled():
        raise QgsProcessingException(tr("Canceled."))
    if total and total > 0:
        feedback.setProgress(100.0 * done / total)


@dataclass
class FileTable:
    """Every attribute of an input read with pyogrio, to be written back with pyogrio (see ``fast_path``)."""

    frame: object  # pandas.DataFrame: every field pyogrio read, and ``geometry``
    meta: dict  # pyogrio's: fields, dtypes, fid column...
    fast: FastPath
    fids: object  # the GeoPackage fids to write back (QGIS shows the fid column as a field), else None
    crs_wkt: str
    wkb_type: int  # the input's QgsWkbTypes.Type
    crs_id: str = ""  # the input CRS's authority id (EPSG:2154): the SRID of a PostGIS output


@dataclass
class InputFeatures:
    """The features of one input, read once.

    ``frame``: indexed by feature id, the requested columns (QGIS NULL as None)
    and ``geometry`` (shapely, in the CRS asked for; absent without
    geometry). ``attributes``: None, or what writing the features back needs
    (``keep=True``): every attribute list in source order (QGIS's path) or a
    :class:`FileTable` (pyogrio's). ``own_frame``: with ``keep=True``, a frame
    whose ``geometry`` is in the source's own CRS (``frame`` itself when not
    reprojected).
    """

    frame: object
    attributes: object = None
    own_frame: object = None


def read_layer(source, names=(), feedback=None, *, crs=None, context=None, geometry=True, keep=False, fast=None):
    """The features of ``source``: attributes ``names``, geometries, and (``keep``) all to write them back.

    Only the attributes ``names`` are read unless ``keep`` (writing the
    features back needs them all); no geometry is read with ``geometry=False``.
    With ``crs`` (and the processing ``context`` for its transform settings)
    the geometries are reprojected into it while being read; with ``keep``,
    the geometries in the source's own CRS come in the same pass
    (``own_frame``). ``fast``, a :class:`~.fast_path.FastPath` decided for
    this input, reads it with pyogrio. Invalid geometries are reported
    (:func:`report_invalid`) when the context checks them. Returns
    :class:`InputFeatures`.
    """
    names = list(names)
    if fast is not None:
        return _read_fast(source, names, feedback, context, fast)
    import pandas as pd
    import shapely

    fields = source.fields()
    positions = [fields.lookupField(name) for name in names]
    request = QgsFeatureRequest()
    if not keep:
        request.setSubsetOfAttributes(positions)
    if not geometry:
        request.setFlags(compat.FeatureRequestFlag.NoGeometry)
    transform = None
    if geometry and crs is not None and crs != source.sourceCrs():
        if keep:  # both CRSs from one read: the same transform QGIS's iterator applies
            transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        else:
            request.setDestinationCrs(crs, context.transformContext())
    # M values: shapely (GEOS < 3.12) drops them, so the features' own WKB is kept to write them back.
    raw = keep and geometry and QgsWkbTypes.hasM(source.wkbType())
    total = source.featureCount()
    fids, rows, wkbs, own, attributes = [], [], [], [], []
    for count, feature in enumerate(features(source, request)):
        values = feature.attributes()
        if keep:
            attributes.append(values)
        rows.append([None if is_null(values[p]) else values[p] for p in positions])
        if geometry:
            shape = feature.geometry()
            if transform is not None or raw:
                own.append(_wkb(shape))
            if transform is not None:
                shape = _transformed(shape, transform)
            wkbs.append(_wkb(shape))
        fids.append(feature.id())
        if count % BATCH == 0:
            check_progress(feedback, count, total)
    index = pd.Index(fids, name="feature id")
    frame = pd.DataFrame(rows, columns=names, index=index)
    if geometry:
        # "fix": rings of fewer than 4 points (seen in OpenStreetMap data) are closed or dropped, not fatal;
        # the algorithms repair what remains invalid with make_valid.
        frame["geometry"] = shapely.from_wkb(wkbs, on_invalid="fix") if wkbs else []
        if context is not None and context.invalidGeometryCheck() != compat.InvalidGeometryCheck.NoCheck:
            report_invalid(frame["geometry"].to_numpy(), source, feedback)
    own_frame = None
    if keep and geometry:
        own_frame = frame if transform is None else pd.DataFrame(
            {"geometry": shapely.from_wkb(own, on_invalid="fix") if own else []}, index=index)
        if raw:  # written back as read (Z and M kept): see processing/base.py writeTerritories
            own_frame = own_frame[["geometry"]].assign(wkb=pd.Series(own, index=index, dtype=object))
    return InputFeatures(frame, attributes if keep else None, own_frame)


def _wkb(geometry):
    """WKB of a QGIS geometry, arcs segmentized as QGIS draws them (shapely has none); None when NULL."""
    if geometry.isNull():
        return None
    if QgsWkbTypes.isCurvedType(geometry.wkbType()):
        geometry = QgsGeometry(geometry.constGet().segmentize())
    return bytes(geometry.asWkb())


def _transformed(geometry, transform):
    """A reprojected copy, NULL when it cannot be reprojected (as QGIS's feature iterators do)."""
    if geometry.isNull():
        return geometry
    copy = QgsGeometry(geometry)
    try:
        copy.transform(transform)
    except QgsCsException:
        return QgsGeometry()
    return copy


def _read_fast(source, names, feedback, context, fast):
    """The pyogrio side of :func:`read_layer`: every field read, the requested ones in ``frame``."""
    import numpy as np

    if fast.source is not None:  # PostGIS: indexed by the integer key, QGIS's feature ids
        table, meta = read_table(fast.source, source.fields().names(), fast.key)
        fids = None
    else:
        table, meta = read_file(fast.path, fast.layer, source.fields().names())
        fid_column = meta.get("fid_column") or "fid"
        fids = table.index.to_numpy(dtype=np.int64) if fid_column in source.fields().names() else None
    if context is not None and context.invalidGeometryCheck() != compat.InvalidGeometryCheck.NoCheck:
        report_invalid(table["geometry"].to_numpy(), source, feedback)
    kept = FileTable(table, meta, fast, fids, source.sourceCrs().toWkt(), source.wkbType(),
                     source.sourceCrs().authid())
    frame = table[[*names, "geometry"]]
    return InputFeatures(frame, kept, table)


def read_geometries(source, names, feedback=None, *, crs=None, context=None, keep_attributes=True):
    """``(frame, attributes)``: :func:`read_layer` as the algorithms called it before.

    ``frame`` holds the columns ``names`` and ``geometry`` (in ``crs``);
    ``attributes`` every attribute list in source order, or None with
    ``keep_attributes=False`` (only ``names`` are then read). Kept for callers
    being migrated to :func:`read_layer`.
    """
    read = read_layer(source, names, feedback, crs=crs, context=context, keep=keep_attributes)
    return read.frame, read.attributes


def read_attributes(source, names, feedback=None, *, index_name="feature id"):
    """The attributes ``names`` of every feature of ``source`` as a frame.

    The index holds the feature ids (named ``index_name``) so that messages can
    point at rows; QGIS NULL values become None.
    """
    import pandas as pd

    fields = source.fields()
    positions = []
    for name in names:
        position = fields.lookupField(name)
        if position < 0:
            raise QgsProcessingException(
                tr("The field '{name}' is not in the layer; its fields are: {fields}.").format(
                    name=name, fields=", ".join(fields.names())))
        positions.append(position)
    request = QgsFeatureRequest().setFlags(compat.FeatureRequestFlag.NoGeometry)
    request.setSubsetOfAttributes(positions)
    total = source.featureCount()
    fids, rows = [], []
    for count, feature in enumerate(features(source, request)):
        attributes = feature.attributes()
        rows.append([None if is_null(attributes[p]) else attributes[p] for p in positions])
        fids.append(feature.id())
        if count % BATCH == 0:
            check_progress(feedback, count, total)
    frame = pd.DataFrame(rows, columns=list(names), index=pd.Index(fids, name=index_name))
    return frame


def features(source, request):
    """The features of ``source`` without QGIS's invalid-geometry check inside the iterator.

    With the Processing setting "stop at invalid geometries" (Desktop's default), a
    Processing feature source raises from inside the iterator's ``__next__``, which runs
    with Python's GIL released (QGIS's bindings): the exception leaves the thread without
    its Python state and the next Python code of the process dies ("unknown opcode",
    "can't import io"). Our algorithms repair invalid geometries themselves (make_valid)
    and say how many (:func:`report_invalid`), as QGIS's own repair algorithms do.
    """
    if isinstance(source, QgsProcessingFeatureSource):
        return source.getFeatures(request, compat.FeatureSourceFlag.SkipGeometryValidityChecks)
    return source.getFeatures(request)


def report_invalid(geometries, source, feedback):
    """Say in the log how many geometries are invalid, and that they are repaired, not dropped."""
    import shapely

    if feedback is None or not len(geometries):
        return 0
    invalid = int((~shapely.is_valid(geometries) & ~shapely.is_missing(geometries)).sum())
    if invalid:
        name = source.sourceName() if hasattr(source, "sourceName") else ""
        feedback.pushWarning(tr("{n} feature(s) of '{layer}' have invalid geometries: they are repaired "
                                "(make_valid), never dropped, whatever the Processing setting for invalid "
                                "features.").format(n=invalid, layer=name))
    return invalid
