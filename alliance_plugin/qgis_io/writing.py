"""Writing frames into QGIS feature sinks, fields created in one place for every supported QGIS version.

:func:`write_features` adds one feature per row to a sink (QGIS's path);
:func:`write_file_table` writes an input read with pyogrio back with its new
columns (the fast path decided by :func:`~.fast_path.fast_path`) to a new
GeoPackage or a PostGIS table (qgis_io/postgis_write.py). The
algorithms call them through ``AllianceAlgorithm.writeFrame`` and
``writeTerritories`` (processing/base.py), which create the sinks.
"""

from __future__ import annotations

from qgis.core import QgsFeature, QgsFeatureSink, QgsFields, QgsGeometry, QgsProcessingException, QgsWkbTypes

from ..toolbelt.i18n import tr
from . import compat, postgis_write
from .fast_path import integer_fields, load_on_completion, write_gpkg
from .reading import BATCH, check_progress

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


def write_features(sink, fields, columns, geometries=None, feedback=None, prefix_attributes=None, transform=None,
                   wkbs=None):
    """Add one feature per row to ``sink``.

    ``columns`` are lists of Python values (see :func:`typed_values`), aligned;
    ``geometries`` shapely objects or None; ``prefix_attributes`` lists of
    attributes written before ``columns`` (the input's own fields); ``transform``
    a ``QgsCoordinateTransform`` applied to each geometry (back to the input's CRS);
    ``wkbs``, instead of ``geometries``, the features' own WKB as QGIS read them
    (M values kept: shapely drops them).
    """
    import shapely

    if wkbs is None:
        wkbs = shapely.to_wkb(geometries) if geometries is not None else None
    count = len(columns[0]) if columns else len(wkbs)
    rows = zip(*columns) if columns else ((),) * count
    wkbs = wkbs if wkbs is not None else (None,) * count
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
        if len(batch) >= BATCH:
            _flush(sink, batch)
            batch = []
            check_progress(feedback, done, count)
    _flush(sink, batch)


def _flush(sink, batch):
    if batch and not sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert):
        message = sink.lastError() if hasattr(sink, "lastError") else ""
        raise QgsProcessingException(tr("Could not write features: {error}").format(error=message))


def write_file_table(table, per_feature, context, destination_value, name, output_name, feedback=None):
    """Write an input read with pyogrio (a ``reading.FileTable``) with the columns of ``per_feature`` added.

    The output keeps the input's fields and types, fids (GeoPackage), CRS and
    geometry type (see fast_path); it is loaded on completion, as QGIS's sinks
    are, under ``name``. Returns its path.
    """
    wkb_type = table.wkb_type
    flat = QgsWkbTypes.displayString(QgsWkbTypes.flatType(wkb_type))
    known = flat not in ("", "Unknown", "NoGeometry", "GeometryCollection")
    geometry_type = f"{flat} Z" if known and QgsWkbTypes.hasZ(wkb_type) else flat if known else None
    promote = known and QgsWkbTypes.isMultiType(wkb_type)
    if table.fast.target is not None:
        return _write_postgis(table, per_feature, context, destination_value, name, output_name, feedback,
                              geometry_type, promote)
    dest = write_gpkg(table.fast.destination, integer_fields(table.frame, table.meta), per_feature,
                      table.crs_wkt, feedback, fids=table.fids, geometry_type=geometry_type,
                      promote_to_multi=promote, wkb=table.meta.get("wkb"))
    load_on_completion(context, destination_value, dest, name, output_name)
    return dest


def _write_postgis(table, per_feature, context, destination_value, name, output_name, feedback, geometry_type,
                   promote):
    """The PostGIS side of :func:`write_file_table`: the same columns as a GeoPackage, replaced in one transaction.

    The primary key is the input's integer key (a PostGIS input) or a
    GeoPackage's ``fid`` field, their values kept, else a new serial ``id``
    (qgis_io/fast_path.py). Returns the loaded layer's id.
    """
    attributes = integer_fields(table.frame, table.meta).drop(columns="geometry")
    key = table.fast.key or ""
    if table.fids is not None:  # a GeoPackage's fid, a field in QGIS: QGIS's sink makes it the key
        key = table.meta.get("fid_column") or "fid"
        attributes.insert(0, key, table.fids)
    renamed = {c: f"{c}_2" for c in per_feature.columns if c in attributes.columns}
    frame = attributes.join(per_feature.rename(columns=renamed))
    crs = table.crs_id if table.crs_id.upper().startswith("EPSG:") else table.crs_wkt
    written = postgis_write.write_table(table.fast.target, frame, table.frame["geometry"].to_numpy(), crs,
                                        feedback, key=key, geometry_type=geometry_type, promote_to_multi=promote)
    return postgis_write.load_table(context, destination_value, written, name, output_name)


def as_multi(geometries):
    """MultiPolygons (None stays None), so that every sink gets one geometry type."""
    import numpy as np
    import shapely

    geoms = np.asarray(geometries, dtype=object)
    out = geoms.copy()
    single = ~shapely.is_missing(geoms) & (shapely.get_type_id(geoms) == 3)
    out[single] = [shapely.MultiPolygon([g]) for g in geoms[single]]
    return out
