"""Where a national cadastre's parcels come from, cut into partitions that workers read themselves.

:func:`expand_sources` turns files, folders and globs into data files;
:func:`probe_source` reads what a worker needs to know of one (features, CRS,
fid column and range, GeoParquet row groups) without reading its features;
:func:`plan_partitions` cuts them (a file per Etalab PCI département, fid
ranges of a GeoPackage, row groups of GeoParquet); :func:`read_source` reads
one partition on a worker, :func:`read_zones` the constraint zones (whole,
or within a partition's bounds, :func:`bbox_in`). Used by the dask engine
(:mod:`.dask_engine`) and the urban-growth tiles (:mod:`..growth.tiles`).
pyogrio and pyarrow are imported only when called.
"""

from __future__ import annotations

import glob
import json
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import FieldNotFoundError, InvalidValueError, first_labels

#: File endings read through GDAL (``.gz``: through ``/vsigzip/``, as Etalab ships the PCI parcels).
OGR_SUFFIXES = (".gpkg", ".json", ".geojson", ".json.gz", ".geojson.gz", ".fgb", ".shp", ".sqlite", ".gml")
#: File endings read as GeoParquet (pyarrow).
PARQUET_SUFFIXES = (".parquet", ".geoparquet")
#: Parcels per partition by default: a partition needs about 1 GB of worker memory at this size (README).
ROWS_PER_PARTITION = 200_000
#: Above this many zones, each partition reads only the zones meeting its parcels' bounds (``zones_mode="auto"``).
ZONES_SPATIAL_ABOVE = 100_000


def _is_source(path):
    name = path.name.lower()
    return name.endswith(OGR_SUFFIXES + PARQUET_SUFFIXES)


def expand_sources(items):
    """The data files named by ``items``: files, folders (their data files, sorted, sub-folders included)
    or glob patterns (``cadastre-*-parcelles.json.gz``). Only names are listed; nothing is read.
    Nothing found raises :class:`~..errors.InvalidValueError`.
    """
    found = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and _is_source(p))
        elif any(c in str(item) for c in "*?["):
            found += [Path(p) for p in sorted(glob.glob(str(item), recursive=True)) if _is_source(Path(p))]
        elif path.is_file():
            found.append(path)
    if not found:
        raise InvalidValueError("No data file found in: {items}.",
                                items=first_labels([str(i) for i in items]) or "nothing given")
    return [str(p) for p in dict.fromkeys(found)]


def _kind(path):
    return "parquet" if str(path).lower().endswith(PARQUET_SUFFIXES) else "ogr"


def gdal_path(path):
    """The path GDAL reads: ``/vsigzip/`` before a gzipped file (``cadastre-75-parcelles.json.gz``)."""
    path = str(path)
    return "/vsigzip/" + path if path.lower().endswith(".gz") and not path.startswith("/vsi") else path


def _geo_metadata(schema):
    meta = schema.metadata or {}
    if b"geo" not in meta:
        raise InvalidValueError("Expected GeoParquet (a 'geo' metadata key); this Parquet file has none.")
    geo = json.loads(meta[b"geo"])
    column = geo["primary_column"]
    return column, geo["columns"][column]


def _parquet_crs(info):
    from pyproj import CRS

    crs = info.get("crs", "OGC:CRS84")  # GeoParquet: a missing crs means OGC:CRS84, a null one means unknown
    if crs is None:
        return None
    return CRS.from_user_input(crs)


def probe_source(path, layer=None, *, count=True, rows_per_partition=ROWS_PER_PARTITION):
    """What a worker finds in one data file, without reading its features: a small dict.

    ``kind`` (``ogr`` or ``parquet``), ``features`` (-1 when unknown or not
    counted), ``crs`` (WKT, or None), ``driver``, ``row_groups`` (rows of each
    row group of a GeoParquet file) and ``bbox_covering`` (a GeoParquet bbox
    column to filter on). ``count=False`` skips counting GDAL features (a
    GeoJSON file is parsed whole to be counted). A counted GDAL source larger
    than ``rows_per_partition`` with an integer fid column (GeoPackage,
    SQLite) also gets its fid extent (:func:`fid_span`).
    """
    if _kind(path) == "parquet":
        import pyarrow.parquet as pq

        meta = pq.ParquetFile(path)
        _, info = _geo_metadata(meta.schema_arrow)
        crs = _parquet_crs(info)
        groups = [meta.metadata.row_group(i).num_rows for i in range(meta.metadata.num_row_groups)]
        return {"path": str(path), "kind": "parquet", "layer": None, "features": int(sum(groups)),
                "crs": None if crs is None else crs.to_wkt(), "driver": "Parquet", "row_groups": groups,
                "bbox_covering": "covering" in info, "bounds": None}
    import pyogrio

    bounds = None
    if count:
        info = pyogrio.read_info(gdal_path(path), layer=layer)
        features, crs, driver = int(info["features"]), info["crs"], info["driver"]
        if info.get("total_bounds") is not None:
            bounds = tuple(float(v) for v in info["total_bounds"])
    else:
        frame = pyogrio.read_dataframe(gdal_path(path), layer=layer, max_features=1, read_geometry=True)
        features, crs, driver = -1, None if frame.crs is None else frame.crs.to_wkt(), None
    if crs is not None:
        from pyproj import CRS

        crs = CRS.from_user_input(crs).to_wkt()
    out = {"path": str(path), "kind": "ogr", "layer": layer, "features": features, "crs": crs, "driver": driver,
           "row_groups": None, "bbox_covering": False, "bounds": bounds}
    if count and features > rows_per_partition and info.get("fid_column"):
        out.update(fid_span(path, layer, info["fid_column"], features, rows_per_partition))
    return out


def quote_name(name):
    """``name`` as a quoted SQL identifier (``"fid"``; embedded quotes doubled)."""
    return '"' + str(name).replace('"', '""') + '"'


def fid_span(path, layer, fid_column, features, rows_per_partition=ROWS_PER_PARTITION):
    """The integer fid column of a GDAL source (GeoPackage, SQLite) and its extent, for partitions read by fid
    range (an indexed ``WHERE "fid" BETWEEN a AND b``) rather than by GDAL's skip, which goes through the
    features one by one: ``{"fid_column", "fid_min", "fid_max"}``, and ``fid_cuts`` (the first fid of every
    ``rows_per_partition`` features, ``fid_cuts_rows``) when the fids are sparse (their span more than twice
    the features: ranges of fixed width would be mostly empty). Read with the source's own SQL (SQLite's
    MIN/MAX on the primary key walks one branch of its b-tree); an empty dict when that fails or the fids
    are not integers, and the partitions fall back to skip/max.
    """
    import pyogrio

    source, column = gdal_path(path), quote_name(fid_column)
    table = quote_name(layer if layer is not None else pyogrio.list_layers(source)[0][0])
    try:
        ends = pyogrio.read_dataframe(source, sql=f"SELECT MIN({column}) + 0 AS lo, MAX({column}) + 0 AS hi "
                                                  f"FROM {table}", read_geometry=False)
        lo, hi = ends["lo"].iloc[0], ends["hi"].iloc[0]
        if lo is None or hi is None or pd.isna(lo) or pd.isna(hi) or int(lo) != lo or int(hi) != hi:
            return {}
        out = {"fid_column": str(fid_column), "fid_min": int(lo), "fid_max": int(hi)}
        if int(hi) - int(lo) + 1 > 2 * max(features, 1):
            rows = max(int(rows_per_partition), 1)
            cuts = pyogrio.read_dataframe(
                source, read_geometry=False,
                sql=f"SELECT f + 0 AS cut FROM (SELECT {column} AS f, ROW_NUMBER() OVER (ORDER BY {column}) - 1 "
                    f"AS k FROM {table}) WHERE k % {rows} = 0 ORDER BY f")
            out.update(fid_cuts=[int(v) for v in cuts["cut"]], fid_cuts_rows=rows)
        return out
    except Exception:  # a driver whose SQL has no MIN/MAX or window functions: skip/max it is
        return {}


def source_bounds(probe):
    """Total bounds ``(xmin, ymin, xmax, ymax)`` of one source in its own CRS, read on a worker (GDAL's
    extent, or a GeoParquet file's geometries read one row group at a time); None when it is empty."""
    import shapely

    if probe.get("bounds") is not None:
        return tuple(probe["bounds"])
    if probe["kind"] == "ogr":
        import pyogrio

        bounds = pyogrio.read_info(gdal_path(probe["path"]), layer=probe.get("layer"),
                                   force_total_bounds=True).get("total_bounds")
        return None if bounds is None or not np.isfinite(bounds).all() else tuple(float(v) for v in bounds)
    boxes = []
    for group in range(len(probe["row_groups"])):
        geoms = read_source({**probe, "row_groups": [group], "offset": 0}).geometry.to_numpy()
        if len(geoms):
            boxes.append(shapely.total_bounds(geoms))
    if not boxes:
        return None
    boxes = np.array(boxes)
    return (float(boxes[:, 0].min()), float(boxes[:, 1].min()), float(boxes[:, 2].max()), float(boxes[:, 3].max()))


def _fid_ranges(probe, rows):
    """Fid ranges ``(first, last)`` cutting a probed GDAL source, or None (no usable fid: skip/max)."""
    if not probe.get("fid_column"):
        return None
    lo, hi = probe["fid_min"], probe["fid_max"]
    if probe.get("fid_cuts") and probe.get("fid_cuts_rows") == rows:
        ends = list(probe["fid_cuts"][1:]) + [hi + 1]
        return [(int(a), int(b) - 1) for a, b in zip(probe["fid_cuts"], ends)]
    if (hi - lo) // rows + 1 > 2 * -(-probe["features"] // rows) + 1:
        return None  # sparse fids, cut for another partition size: fixed-width ranges would be mostly empty
    return [(a, min(a + rows - 1, hi)) for a in range(lo, hi + 1, rows)]


def plan_partitions(probes, rows_per_partition=ROWS_PER_PARTITION):
    """Partitions of the sources probed: small dicts a worker reads with :func:`read_source`.

    A GeoParquet file is cut between row groups (about ``rows_per_partition``
    rows each). A GDAL file with an integer fid column (GeoPackage, SQLite:
    ``fid_min``/``fid_max`` from :func:`fid_span`) is cut into fid ranges
    (``fid_range``, both ends included, read with an indexed ``WHERE``): of
    ``rows_per_partition`` fids each, so that no range holds more features
    than that (gaps in the fids only make some ranges smaller, or empty), or
    between the probe's ``fid_cuts`` when the fids are sparse. Another GDAL
    file whose features are counted (FlatGeobuf, Shapefile) is cut into
    ranges of ``rows_per_partition`` features read with GDAL's skip (random
    access in a Shapefile; FlatGeobuf goes through the skipped features, about
    0.5 us each). A GeoJSON file (a département of Etalab's PCI) is one
    partition, since GDAL parses it whole whatever range is asked.

    Examples
    --------
    >>> probes = [{"path": "a.fgb", "kind": "ogr", "layer": None, "features": 5, "driver": "FlatGeobuf"},
    ...           {"path": "b.parquet", "kind": "parquet", "layer": None, "features": 6, "row_groups": [2, 2, 2]}]
    >>> [(p["path"], p.get("skip"), p.get("max"), p.get("row_groups")) for p in plan_partitions(probes, 4)]
    [('a.fgb', 0, 4, None), ('a.fgb', 4, 4, None), ('b.parquet', None, None, [0, 1]), ('b.parquet', None, None, [2])]

    A GeoPackage of 9 features whose fids run from 3 to 14 (three deleted):

    >>> gpkg = {"path": "c.gpkg", "kind": "ogr", "layer": "parcels", "features": 9, "driver": "GPKG",
    ...         "fid_column": "fid", "fid_min": 3, "fid_max": 14}
    >>> [(p["fid_column"], p["fid_range"]) for p in plan_partitions([gpkg], 4)]
    [('fid', (3, 6)), ('fid', (7, 10)), ('fid', (11, 14))]

    Sparse fids: the probe's cuts (the first fid of every 4 features) bound the ranges.

    >>> sparse = {**gpkg, "fid_max": 10**9, "fid_cuts": [3, 40, 5000], "fid_cuts_rows": 4}
    >>> [p["fid_range"] for p in plan_partitions([sparse], 4)]
    [(3, 39), (40, 4999), (5000, 1000000000)]
    """
    rows = max(int(rows_per_partition), 1)
    out = []
    for number, probe in enumerate(probes):
        base = {"path": probe["path"], "kind": probe["kind"], "layer": probe.get("layer"), "source": number}
        if probe["kind"] == "parquet":
            group, size = [], 0
            for i, n in enumerate(probe["row_groups"]):
                if group and size + n > rows:
                    out.append({**base, "row_groups": group, "offset": None})
                    group, size = [], 0
                group.append(i)
                size += n
            if group or not out:
                out.append({**base, "row_groups": group, "offset": None})
        elif probe.get("driver") == "GeoJSON" or probe.get("features", -1) < 0 or probe["features"] <= rows:
            out.append({**base, "skip": None, "max": None})
        elif _fid_ranges(probe, rows):
            out += [{**base, "fid_column": probe["fid_column"], "fid_range": r} for r in _fid_ranges(probe, rows)]
        else:
            out += [{**base, "skip": s, "max": rows} for s in range(0, probe["features"], rows)]
    for index, spec in enumerate(out):
        spec["index"] = index
    # Row offsets of GeoParquet partitions, for ids by row number.
    for spec in out:
        if spec["kind"] == "parquet":
            groups = probes[spec["source"]]["row_groups"]
            spec["offset"] = int(sum(groups[:spec["row_groups"][0]])) if spec["row_groups"] else 0
    return out


def _bbox_rows(geoms, bbox):
    import shapely

    b = shapely.bounds(geoms)
    return (b[:, 0] <= bbox[2]) & (b[:, 2] >= bbox[0]) & (b[:, 1] <= bbox[3]) & (b[:, 3] >= bbox[1])


def read_source(spec, *, columns=None, bbox=None, where=None):
    """The features of one partition or file (``spec`` from :func:`plan_partitions`, or ``{"path": ...}``),
    as a GeoDataFrame indexed by feature id (GDAL's fid, or the row number of a GeoParquet file).

    ``bbox`` (xmin, ymin, xmax, ymax, in the source's CRS) keeps the features
    whose bounding box meets it (GDAL's spatial filter; a GeoParquet partition
    is filtered after it is read); ``where`` is an
    SQL filter for GDAL sources (and-ed with the partition's fid range).
    """
    import geopandas as gpd

    path, kind = spec["path"], spec.get("kind") or _kind(spec["path"])
    if kind == "parquet":
        import pyarrow.parquet as pq
        import shapely

        meta = pq.ParquetFile(path)
        geom_col, info = _geo_metadata(meta.schema_arrow)
        names = [geom_col] + [c for c in (columns or []) if c != geom_col]
        groups = spec.get("row_groups")
        table = meta.read_row_groups(groups, columns=names) if groups is not None else meta.read(columns=names)
        offset = int(spec.get("offset") or 0)
        frame = table.drop([geom_col]).to_pandas()
        frame.index = pd.RangeIndex(offset, offset + len(frame))
        geoms = shapely.from_wkb(table.column(geom_col).to_numpy(zero_copy_only=False))
        out = gpd.GeoDataFrame(frame, geometry=geoms, crs=_parquet_crs(info))
        if bbox is not None:
            out = out[_bbox_rows(out.geometry.values, bbox)]
        return out
    import pyogrio

    skip, count = spec.get("skip"), spec.get("max")
    if spec.get("fid_range") is not None:
        lo, hi = (int(v) for v in spec["fid_range"])
        column = quote_name(spec["fid_column"])
        ranged = f"{column} >= {lo} AND {column} <= {hi}"
        where = ranged if not where else f"({where}) AND {ranged}"
    frame = pyogrio.read_dataframe(gdal_path(path), layer=spec.get("layer"), columns=columns, bbox=bbox, where=where,
                                   skip_features=skip or 0, max_features=count, fid_as_index=True)
    return frame


def bbox_in(bbox, src_crs, dst_crs, margin=0.001):
    """``bbox`` (in ``src_crs``) as a box of ``dst_crs`` that holds it whole: densified edges, widened by
    ``margin`` of its size (curved edges of a reprojected box bulge between the densified points)."""
    from pyproj import CRS, Transformer

    if src_crs is None or dst_crs is None or CRS.from_user_input(src_crs) == CRS.from_user_input(dst_crs):
        out = bbox
    else:
        transformer = Transformer.from_crs(src_crs, dst_crs, always_xy=True)
        out = transformer.transform_bounds(*bbox, densify_pts=101)
    dx, dy = (out[2] - out[0]) * margin, (out[3] - out[1]) * margin
    return (out[0] - dx, out[1] - dy, out[2] + dx, out[3] + dy)


def read_zones(zones, crs, class_field=None, bbox=None):
    """The constraint zones (``zones``: ``{"path", "layer"}``) in ``crs``, as ``(WKB array, classes, count)``.

    Read on a worker: once for the whole cluster when the zones are small,
    or by each partition with ``bbox`` (its parcels' total bounds, in
    ``crs``) when they are large. Without ``class_field`` every zone is of
    class ``zone``.
    """
    import shapely

    src_crs = zones.get("crs")
    window = None if bbox is None else bbox_in(bbox, crs, src_crs)
    frame = read_source(zones, columns=[class_field] if class_field else None, bbox=window)
    if frame.crs is None and crs is not None:
        raise InvalidValueError("The zones have no CRS; give them one (for example with ogr2ogr -a_srs).")
    if class_field and class_field not in frame.columns:
        raise FieldNotFoundError("Expected the class field {field!r} in the zones; they have {columns}.",
                                 field=class_field, columns=first_labels(frame.columns, 10))
    frame = frame.to_crs(crs) if crs is not None else frame
    classes = frame[class_field].astype(object).to_numpy() if class_field else np.full(len(frame), "zone", object)
    return shapely.to_wkb(frame.geometry.to_numpy()), classes, len(frame)
