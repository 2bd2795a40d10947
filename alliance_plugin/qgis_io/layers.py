"""Read QGIS feature sources into frames, write frames into feature sinks."""

from __future__ import annotations

import math

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..toolbelt.i18n import tr
from . import compat

_BATCH = 10000

# A QgsField of kind "string", "double" or "int" on every QGIS version (QMetaType from 3.38).
make_field = compat.make_field


def kind_of(dtype):
    """Field kind of a pandas dtype (text for anything not a number)."""
    kind = getattr(dtype, "kind", "O")
    if kind in "iub":
        return "int"
    if kind == "f":
        return "double"
    return "string"


def fields_for(frame, kinds=None):
    """``QgsFields`` for the columns of ``frame`` (kinds from dtypes unless given)."""
    kinds = kinds or {}
    fields = QgsFields()
    for column in frame.columns:
        fields.append(make_field(str(column), kinds.get(column, kind_of(frame[column].dtype))))
    return fields


def _is_null(value):
    return value is None or isinstance(value, QVariant)


def _progress(feedback, done, total):
    if feedback is None:
        return
    if feedback.isCanceled():
        raise QgsProcessingException(tr("Canceled."))
    if total and total > 0:
        feedback.setProgress(100.0 * done / total)


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
        rows.append([None if _is_null(attributes[p]) else attributes[p] for p in positions])
        fids.append(feature.id())
        if count % _BATCH == 0:
            _progress(feedback, count, total)
    frame = pd.DataFrame(rows, columns=list(names), index=pd.Index(fids, name=index_name))
    return frame


def read_geometries(source, names, feedback=None, *, crs=None, context=None):
    """Attributes ``names``, shapely geometries (column ``geometry``) and all attributes.

    With ``crs`` (and the processing ``context`` for its transform settings)
    the geometries are reprojected into it while being read.

    Returns ``(frame, attributes)``: ``frame`` indexed by feature id with the
    requested columns and ``geometry`` (None for NULL geometries), and the full
    attribute lists in source order, to be written back unchanged.
    """
    import pandas as pd
    import shapely

    fields = source.fields()
    positions = [fields.lookupField(name) for name in names]
    total = source.featureCount()
    fids, rows, wkbs, attributes = [], [], [], []
    request = QgsFeatureRequest()
    if crs is not None and crs != source.sourceCrs():
        request.setDestinationCrs(crs, context.transformContext())
    for count, feature in enumerate(features(source, request)):
        values = feature.attributes()
        attributes.append(values)
        rows.append([None if _is_null(values[p]) else values[p] for p in positions])
        geometry = feature.geometry()
        if not geometry.isNull() and QgsWkbTypes.isCurvedType(geometry.wkbType()):
            geometry = QgsGeometry(geometry.constGet().segmentize())  # arcs as QGIS draws them: shapely has none
        wkbs.append(None if geometry.isNull() else bytes(geometry.asWkb()))
        fids.append(feature.id())
        if count % _BATCH == 0:
            _progress(feedback, count, total)
    frame = pd.DataFrame(rows, columns=list(names), index=pd.Index(fids, name="feature id"))
    # "fix": rings of fewer than 4 points (seen in OpenStreetMap data) are closed or dropped, not fatal;
    # the algorithms repair what remains invalid with make_valid.
    frame["geometry"] = shapely.from_wkb(wkbs, on_invalid="fix") if wkbs else []
    if context is not None and context.invalidGeometryCheck() != compat.InvalidGeometryCheck.NoCheck:
        report_invalid(frame["geometry"].to_numpy(), source, feedback)
    return frame, attributes


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


def kinds_by_name(frame, int_columns=(), text_columns=()):
    """Field kinds: names in (or ending with ``_`` + a name in) the integer or text lists, else from the dtype.

    The lists matter for columns reindexed with NaN (integers become floats,
    text columns full of NULL become floats).
    """
    kinds = {}
    for column in frame.columns:
        def matches(names):
            return any(column == name or column.endswith("_" + name) for name in names)
        kinds[column] = ("int" if matches(int_columns) else "string" if matches(text_columns)
                         else kind_of(frame[column].dtype))
    return kinds


def typed_values(frame, kinds):
    """Lists of Python values per column, typed for QGIS fields (NaN and NA become NULL)."""
    import pandas as pd

    casts = {"int": int, "double": float, "string": str}
    out = []
    for column in frame.columns:
        series = frame[column]
        cast = casts[kinds[column]]
        values = series.astype(object).where(pd.notna(series), None).tolist()
        out.append([None if v is None else cast(v) for v in values])
    return out


def write_features(sink, fields, columns, geometries=None, feedback=None, prefix_attributes=None, transform=None):
    """Add one feature per row to ``sink``.

    ``columns`` are lists of Python values (see :func:`python_values`), aligned;
    ``geometries`` shapely objects or None; ``prefix_attributes`` lists of
    attributes written before ``columns`` (the input's own fields); ``transform``
    a ``QgsCoordinateTransform`` applied to each geometry (back to the input's CRS).
    """
    import shapely

    count = len(columns[0]) if columns else len(geometries)
    rows = zip(*columns) if columns else ((),) * count
    wkbs = shapely.to_wkb(geometries) if geometries is not None else (None,) * count
    prefixes = prefix_attributes if prefix_attributes is not None else ((),) * count
    batch = []
    for done, (prefix, row, wkb) in enumerate(zip(prefixes, rows, wkbs), start=1):
        feature = QgsFeature(fields)
        feature.setAttributes([*prefix, *row])
        if wkb is not None:
            geometry = QgsGeometry()
            geometry.fromWkb(wkb)
            if transform is not None:
                geometry.transform(transform)
            feature.setGeometry(geometry)
        batch.append(feature)
        if len(batch) >= _BATCH:
            _flush(sink, batch)
            batch = []
            _progress(feedback, done, count)
    _flush(sink, batch)


def _flush(sink, batch):
    if batch and not sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert):
        message = sink.lastError() if hasattr(sink, "lastError") else ""
        raise QgsProcessingException(tr("Could not write features: {error}").format(error=message))


def finite_or_none(value):
    """A float for a numeric output, None when it is not finite."""
    return float(value) if value is not None and math.isfinite(value) else None


def metric_crs(crs, extent=None, feedback=None):
    """A CRS in metres for areas, buffers and distances.

    A projected CRS in metres is kept. A geographic CRS, one in feet, or Web
    Mercator (whose "metres" inflate areas by 1/cos2(latitude)) is replaced by
    a Lambert azimuthal equal-area projection centred on the data (exact areas,
    distances within a fraction of a percent over a region), and the log says so.
    """
    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCoordinateTransformContext)

    web_mercator = crs.authid() in ("EPSG:3857", "EPSG:900913", "EPSG:3785", "ESRI:102100")
    if crs.isValid() and not crs.isGeographic() and crs.mapUnits() == compat.DistanceUnit.Meters \
            and not web_mercator:
        return crs
    lon, lat = 0.0, 0.0
    if extent is not None and not extent.isEmpty():
        centre = extent.center()
        if crs.isValid() and not crs.isGeographic():
            wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
            # Only the centre of the data is needed: the default transform, no project (worker thread).
            centre = QgsCoordinateTransform(crs, wgs84, QgsCoordinateTransformContext()).transform(centre)
        lon, lat = centre.x(), centre.y()
    target = QgsCoordinateReferenceSystem.fromProj(
        f"+proj=laea +lat_0={lat:.4f} +lon_0={lon:.4f} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs")
    if feedback is not None:
        feedback.pushInfo(tr("{crs} is not in metres: areas, buffers and distances are computed in a Lambert "
                             "azimuthal equal-area projection centred on {lon:.4f}, {lat:.4f}.").format(
                                 crs=crs.authid() or crs.description() or "The layer's CRS", lon=lon, lat=lat))
    return target


def as_multi(geometries):
    """MultiPolygons (None stays None), so that every sink gets one geometry type."""
    import numpy as np
    import shapely

    geoms = np.asarray(geometries, dtype=object)
    out = geoms.copy()
    single = ~shapely.is_missing(geoms) & (shapely.get_type_id(geoms) == 3)
    out[single] = [shapely.MultiPolygon([g]) for g in geoms[single]]
    return out
