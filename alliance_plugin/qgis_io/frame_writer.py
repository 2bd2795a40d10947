"""The fast writer of frames: a new GeoPackage written by pyogrio in one call, the layer QGIS's sink would make.

``AllianceAlgorithm.writeFrame`` (processing/base.py) writes every frame output
(one feature per row: flow lines, summaries, stops...). Through QGIS's sink
that costs 40-60 us per feature (a ``QgsFeature`` and a ``QgsGeometry`` built
in Python, then OGR): about 42 s for the million flow lines of a national
commuting table. pyogrio writes the same layer from the columns in a few
seconds. Two decisions, kept apart:

- :func:`frame_destination`: *where* the output goes. A new ``.gpkg`` file
  with no layer or data-source creation option and no field mapping (the
  conditions of ``fast_path.plain_sink`` and ``fast_path.gpkg_destination``)
  is a :class:`FrameDestination`, and so is a PostGIS table (``postgis:`` +
  URI, written by qgis_io/postgis_write.py); anything else (``memory:``, ``ogr:`` URIs,
  an existing file, which QGIS replaces or refuses as
  ``AllianceAlgorithm.checkParameterValues`` says, other formats, databases)
  is None: QGIS's sink. One function, so that other destinations
  (PostGIS) can be added in one place.
- :func:`prepare`: *what* is written. The columns typed as
  ``writing.typed_values`` types them for QGIS (integers truncated,
  NaN and NA as NULL, text as ``str``), the geometries as WKB. Data the
  writer would not write exactly as QGIS's sink does returns None, and the
  frame goes through QGIS's sink: a geometry type other than the layer's
  (QGIS converts it), Z or M not matching the layer's type, curved or M
  layer types, empty or NULL geometries (QGIS 3.22 writes a NULL geometry
  as an empty one of the layer's type), a field named like the GeoPackage's
  ``fid`` or ``geom`` column or repeating another (case-insensitive), an
  integer beyond 64 bits, or geometries to reproject (QGIS's transform).

What the written layer keeps, as QGIS's sink writes it (tests/qgis/test_frame_writer.py
writes the same frames both ways and compares): layer name (the file's
base name), fid 1, 2, ..., field names, order and types (``Integer64``,
``Real``, ``String`` without a width, from ``writing.fields_for``), values
and NULLs, geometry type and WKB, CRS (the same WKT QGIS gives OGR), tables
without geometry, and the spatial index (the same R-tree entries, triggers and
extension row; built in one pass, :func:`add_spatial_index`). The output is
then loaded on completion (and styled by ``styling.register_outputs``) as
QGIS's sinks are. Lines given by their two ends (:class:`LineStrings`, the flow
lines) are written as WKB straight from their coordinates, through either
writer.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass

from qgis.core import QgsCoordinateReferenceSystem, QgsWkbTypes

from ..toolbelt.i18n import tr
from . import fast_path, postgis, postgis_write
from .gpkg_rtree import add_spatial_index

#: Field names the GeoPackage keeps for its own columns (QGIS's sink handles a field of that name its own way).
RESERVED = ("fid", "geom")
_INT64 = 2.0 ** 63


@dataclass(frozen=True)
class FrameDestination:
    """An output the fast writer can write (see :func:`frame_destination`)."""

    kind: str  # "gpkg": a new GeoPackage file; "postgis": a PostGIS table (replaced as QGIS's sink does)
    path: str
    layer: str
    target: object = None  # postgis.PgTable of a "postgis" destination


@dataclass
class PreparedFrame:
    """A frame ready for pyogrio (see :func:`prepare`)."""

    names: list
    columns: list  # numpy arrays: int64, float64 or object (str or None)
    masks: list  # per column, a boolean array of NULLs or None
    wkb: object  # numpy object array of WKB, or None for a table without geometry
    geometry_type: str | None  # OGR name, "LineString", "MultiPolygon Z"...; None without geometry
    crs_wkt: str | None
    bounds: object = None  # (n, 4) array of each geometry's xmin, ymin, xmax, ymax, for the spatial index


class LineStrings:
    """Two-point lines given by their ends (``start``, ``end``: arrays (n, 2)), written without geometry objects.

    ``AllianceAlgorithm.writeFrame`` takes them in place of shapely geometries (the flow lines of a
    national commuting table: a million lines): :meth:`wkb` gives the bytes shapely's ``to_wkb`` gives
    for ``shapely.linestrings`` of the same coordinates (little-endian ISO WKB), built in one numpy pass,
    for pyogrio and for QGIS's sink alike.
    """

    def __init__(self, start, end):
        import numpy as np

        self.start = np.asarray(start, dtype=np.float64).reshape(-1, 2)
        self.end = np.asarray(end, dtype=np.float64).reshape(-1, 2)

    def __len__(self):
        return len(self.start)

    def wkb(self):
        """The WKB of each line (numpy object array of bytes)."""
        import numpy as np

        n, size = len(self.start), 41  # byte order, type, point count, 4 doubles
        raw = np.zeros((n, size), dtype=np.uint8)
        raw[:, 0] = 1
        raw[:, 1:9] = np.array([2, 2], dtype="<u4").view(np.uint8)  # LineString, 2 points
        raw[:, 9:] = np.column_stack([self.start, self.end]).astype("<f8").view(np.uint8).reshape(n, 32)
        data = raw.tobytes()
        out = np.empty(n, dtype=object)
        out[:] = [data[i:i + size] for i in range(0, n * size, size)]
        return out

    def bounds(self):
        """``xmin, ymin, xmax, ymax`` of each line (n, 4)."""
        import numpy as np

        return np.column_stack([np.minimum(self.start, self.end), np.maximum(self.start, self.end)])


def frame_destination(value):
    """The :class:`FrameDestination` of a sink parameter value, or None for QGIS's sink (module docstring)."""
    if not fast_path.plain_sink(value):
        return None
    table = postgis.pg_destination(value)
    if table is not None:  # written in bulk, then renamed in one transaction (qgis_io/postgis_write.py)
        return FrameDestination("postgis", table.label, table.table, table) if fast_path.pyogrio_usable() else None
    path = fast_path.gpkg_destination(value)
    if not path or os.path.exists(path) or not os.path.isdir(os.path.dirname(os.path.abspath(path))):
        return None
    if not fast_path.pyogrio_usable():  # tests turn it off to compare with QGIS's sink
        return None
    return FrameDestination("gpkg", path, os.path.splitext(os.path.basename(path))[0])


def ogr_geometry_type(wkb_type):
    """The OGR name of a layer type (``"MultiPolygon Z"``); None without geometry; ``""`` when not written here."""
    if wkb_type == QgsWkbTypes.Type.NoGeometry:
        return None
    flat = QgsWkbTypes.flatType(wkb_type)
    if QgsWkbTypes.isCurvedType(wkb_type) or QgsWkbTypes.hasM(wkb_type) or flat not in _SHAPELY_TYPES:
        return ""
    name = QgsWkbTypes.displayString(flat)
    return f"{name} Z" if QgsWkbTypes.hasZ(wkb_type) else name


_SHAPELY_TYPES = {QgsWkbTypes.Type.Point: 0, QgsWkbTypes.Type.LineString: 1, QgsWkbTypes.Type.Polygon: 3,
                  QgsWkbTypes.Type.MultiPoint: 4, QgsWkbTypes.Type.MultiLineString: 5,
                  QgsWkbTypes.Type.MultiPolygon: 6}


def prepare(frame, kinds, geometries, wkb_type, crs):
    """The columns and geometries of ``frame`` as QGIS's sink would write them, or None (module docstring).

    ``kinds`` are the field kinds (``writing.kinds_by_name``), ``geometries``
    shapely objects (None: a table without geometry) in the CRS ``crs``
    (a ``QgsCoordinateReferenceSystem``, invalid for none).
    """
    import numpy as np
    import shapely

    names = [str(c) for c in frame.columns]
    lowered = [n.lower() for n in names]
    if any(not n or n in RESERVED for n in lowered) or len(set(lowered)) != len(lowered):
        return None
    geometry_type = ogr_geometry_type(wkb_type)
    wkb = bounds = None
    if geometry_type == "" or (geometry_type is None) != (geometries is None) or not (names or geometry_type):
        return None
    if isinstance(geometries, LineStrings):
        if len(geometries) != len(frame) or wkb_type != QgsWkbTypes.Type.LineString:
            return None
        wkb, bounds = geometries.wkb(), geometries.bounds()
    elif geometries is not None:
        geoms = np.asarray(geometries, dtype=object)
        if len(geoms) != len(frame):
            return None
        flat = QgsWkbTypes.flatType(wkb_type)
        if shapely.is_missing(geoms).any() or (shapely.get_type_id(geoms) != _SHAPELY_TYPES[flat]).any() \
                or shapely.is_empty(geoms).any() or (shapely.has_z(geoms) != QgsWkbTypes.hasZ(wkb_type)).any():
            return None
        wkb = shapely.to_wkb(geoms)
        bounds = shapely.bounds(geoms)
    columns, masks = [], []
    for column, name in zip(frame.columns, names):
        typed = _typed(frame[column], kinds.get(column, "string"))
        if typed is None:
            return None
        columns.append(typed[0])
        masks.append(typed[1])
    crs_wkt = crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED_GDAL) \
        if crs is not None and crs.isValid() and geometries is not None else None
    return PreparedFrame(names, columns, masks, wkb, geometry_type, crs_wkt, bounds)


def _typed(series, kind):
    """``(values, NULL mask or None)`` of one column typed as ``writing.typed_values`` types it, or None."""
    import numpy as np
    import pandas as pd

    dtype = series.dtype
    numpy_kind = dtype.kind if isinstance(dtype, np.dtype) else "?"
    if kind in ("int", "double") and numpy_kind == "?" and (pd.api.types.is_numeric_dtype(dtype)
                                                           or pd.api.types.is_bool_dtype(dtype)):
        # pandas' nullable numbers (Int64, Float64, boolean): NA is NULL
        mask = series.isna().to_numpy()
        raw = series.to_numpy(dtype=np.float64, na_value=np.nan) if kind == "double" or dtype.kind == "f" \
            else series.to_numpy(dtype=object, na_value=None)
        if kind == "double":
            return raw, None
        if dtype.kind == "f":
            series = pd.Series(raw)
            numpy_kind = "f"
        else:
            kept = raw[~mask]
            if any(not -_INT64 <= int(v) < _INT64 for v in kept):
                return None
            values = np.zeros(len(raw), dtype=np.int64)
            values[~mask] = kept.astype(np.int64)
            return values, (mask if mask.any() else None)
    if kind == "double" and numpy_kind in ("f", "i", "u", "b"):
        values = series.to_numpy(dtype=np.float64)
        return values, None  # NaN is written as NULL (nan_as_null)
    if kind == "int" and numpy_kind in ("i", "u", "b"):
        if numpy_kind == "u" and len(series) and int(series.max()) >= _INT64:
            return None
        return series.to_numpy(dtype=np.int64), None
    if kind == "int" and numpy_kind == "f":
        raw = series.to_numpy(dtype=np.float64)
        mask = np.isnan(raw)
        kept = raw[~mask]
        if not np.isfinite(kept).all() or (np.abs(kept) >= _INT64).any():
            return None
        values = np.zeros(len(raw), dtype=np.int64)
        values[~mask] = np.trunc(kept).astype(np.int64)  # int() truncates toward zero
        return values, (mask if mask.any() else None)
    if kind == "string" and (numpy_kind == "O" or isinstance(dtype, pd.StringDtype)):
        values = series.to_numpy(dtype=object, na_value=None) if isinstance(dtype, pd.StringDtype) \
            else series.to_numpy(dtype=object).copy()
        missing = pd.isna(values)
        if missing.any():
            values[missing] = None
        if isinstance(dtype, pd.StringDtype) or all(type(v) is str for v in values[~missing]):
            return values, None  # pandas' text dtype holds str or NA only
    # Anything else: the very values QGIS's sink is given (writing.typed_values), then as arrays.
    from .writing import typed_values

    try:
        listed = typed_values(series.to_frame(), {series.name: kind})[0]
    except (TypeError, ValueError, OverflowError):
        return None  # QGIS's sink says what is wrong
    mask = np.fromiter((v is None for v in listed), dtype=bool, count=len(listed))
    if kind == "string":
        return np.array(listed, dtype=object), None
    if kind == "double":
        return np.array([np.nan if v is None else v for v in listed], dtype=np.float64), None
    if any(v is not None and not -_INT64 <= v < _INT64 for v in listed):
        return None
    values = np.array([0 if v is None else v for v in listed], dtype=np.int64)
    return values, (mask if mask.any() else None)


def write_prepared(destination, prepared, feedback=None):
    """Write a :class:`PreparedFrame` to a new GeoPackage (``destination``); returns its path."""
    import pyogrio.raw

    if destination.kind == "postgis":
        return _write_postgis(destination, prepared, feedback)
    count = len(prepared.wkb) if prepared.wkb is not None else (len(prepared.columns[0]) if prepared.columns else 0)
    if feedback is not None:
        feedback.pushInfo(tr("Writing {n:,} features with pyogrio to {path}.").format(n=count,
                                                                                    path=destination.path))
    masks = prepared.masks if any(m is not None for m in prepared.masks) else None
    indexed = prepared.wkb is not None and len(prepared.wkb) > 0
    options = {"layer_options": {"SPATIAL_INDEX": "NO"}} if indexed else {}
    with warnings.catch_warnings():  # a layer without a CRS is what QGIS's sink writes too
        warnings.filterwarnings("ignore", message="'crs' was not provided", category=UserWarning)
        pyogrio.raw.write(destination.path, prepared.wkb, prepared.columns, prepared.names, field_mask=masks,
                          layer=destination.layer, driver="GPKG", geometry_type=prepared.geometry_type,
                          crs=prepared.crs_wkt, nan_as_null=True, **options)
    if indexed:
        add_spatial_index(destination.path, destination.layer, prepared.geometry_type, prepared.bounds)
    return destination.path


def write_frame(destination, frame, kinds, geometries, wkb_type, crs, feedback=None):
    """Write ``frame`` to ``destination`` (a :class:`FrameDestination`) as QGIS's sink would; None when
    only QGIS's sink writes it exactly (:func:`prepare`)."""
    prepared = prepare(frame, kinds, geometries, wkb_type, crs)
    if prepared is None:
        return None
    return write_prepared(destination, prepared, feedback)


def load_written(context, value, path, name, output_name):
    """Load the written file on completion as QGIS loads its sinks' (name, project, output)."""
    if path in _WRITTEN_TABLES:  # a PostGIS table: its layer joins the context (its id, no password, is the value)
        postgis_write.add_layer(context, value, _WRITTEN_TABLES.pop(path), name, output_name)
        return
    fast_path.load_on_completion(context, value, path, name, output_name)


#: PostGIS layers written by :func:`_write_postgis`, by id, until :func:`load_written` gives them to the context.
_WRITTEN_TABLES = {}


def _write_postgis(destination, prepared, feedback):
    """A :class:`PreparedFrame` to a PostGIS table (``postgis_write.write_table``); returns the new layer's id."""
    import numpy as np
    import pandas as pd
    import shapely

    columns = {}
    for name, values, mask in zip(prepared.names, prepared.columns, prepared.masks):
        if mask is not None:  # integers with NULLs
            values = pd.array(np.where(mask, 0, values), dtype="Int64")
            values[mask] = pd.NA
        columns[name] = values
    count = len(prepared.wkb) if prepared.wkb is not None else (len(prepared.columns[0]) if prepared.columns else 0)
    frame = pd.DataFrame(columns, index=pd.RangeIndex(count))
    geometries = shapely.from_wkb(prepared.wkb) if prepared.wkb is not None else None
    written = postgis_write.write_table(destination.target, frame, geometries, prepared.crs_wkt, feedback,
                                        geometry_type=prepared.geometry_type)
    layer = postgis_write.table_layer(written, destination.layer)
    _WRITTEN_TABLES[layer.id()] = layer
    return layer.id()
