"""The optional dask engine: the land-tenure overlay where the data lives, for a national cadastre.

Two ways in, both used outside QGIS:

- :func:`tenure_partition` and its helpers, run by ``scripts/tenure_batch.py``
  on a ``dask.distributed`` cluster: every worker reads its own partition of
  the parcels (one file of a folder or glob, a range of fids of a
  GeoPackage, row groups of a GeoParquet file: :func:`plan_partitions`),
  computes :func:`~.overlay.overlay_areas`, writes its own part of the output
  and returns only a small summary per territory and class, summed on the
  cluster (:func:`combine_partials`). The client never holds the parcels.
  Constraint zones come whole to every partition when small
  (:func:`read_zones` once, its result shared), or are read by each partition
  with a bounding-box filter on its parcels' total bounds when large.
- :func:`overlay_areas_dask`: the same overlay on dask-geopandas partitions of
  a frame already in memory.

Either way each parcel is measured exactly as by :func:`~.overlay.overlay_areas`
on one machine: the numbers are identical, only the row order differs. dask,
distributed, dask-geopandas, pyogrio and pyarrow are imported here only, when
called. Finding, probing, cutting and reading the sources is
:mod:`.partitions` (its public names are importable from here too); the
urban-growth tiles (:mod:`..growth.tiles`) use it as well.
"""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import FieldNotFoundError, InvalidValueError, first_labels
from .overlay import STATUS_LABELS, overlay_areas, repair_polygons, zone_codes
from .partitions import (  # noqa: F401 (also the engine's public names, as scripts/tenure_batch.py uses them)
    OGR_SUFFIXES,
    PARQUET_SUFFIXES,
    ROWS_PER_PARTITION,
    ZONES_SPATIAL_ABOVE,
    bbox_in,
    expand_sources,
    fid_span,
    gdal_path,
    plan_partitions,
    probe_source,
    quote_name,
    read_source,
    read_zones,
    source_bounds,
)


def part_path(folder, index, fmt):
    """The file a partition writes: ``part-00012.parquet`` or ``part-00012.gpkg`` in ``folder``."""
    return Path(folder) / f"part-{int(index):05d}.{'gpkg' if fmt == 'gpkg' else 'parquet'}"


def write_part(frame, target, *, layer="areas"):
    """Write one part atomically (a temporary name, then a rename): a task retried after its worker died
    rewrites the same whole file, never half of one."""
    import geopandas as gpd

    target = Path(target)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        if target.suffix == ".gpkg":
            import pyogrio

            pyogrio.write_dataframe(frame, tmp, layer=layer, driver="GPKG")
        elif isinstance(frame, gpd.GeoDataFrame):
            frame.to_parquet(tmp, index=False, write_covering_bbox=True)
        else:
            frame.to_parquet(tmp, index=False)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return str(target)


def peak_memory_mb():
    """This process's peak resident memory in MB (Linux's VmHWM: getrusage's maxrss would keep the peak of
    the process that forked it), else getrusage's."""
    import resource

    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024.0
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def parcel_ids(frame, spec, parcel_id, prefix):
    """The parcel ids of a partition: the ``parcel_id`` column, else the feature id (``"<prefix>:<fid>"``
    when several files share the job, so that ids stay unique)."""
    if parcel_id:
        if parcel_id not in frame.columns:
            raise FieldNotFoundError("Expected the parcel id field {field!r} in {path}; it has {columns}.",
                                     field=parcel_id, path=spec["path"], columns=first_labels(frame.columns, 10))
        return frame[parcel_id].to_numpy()
    fid = frame.index.to_numpy()
    if prefix is None:
        return fid.astype(np.int64)
    return np.array([f"{prefix}:{i}" for i in fid], dtype=object)


def tenure_partition(spec, zones, *, crs, out_dir, fmt="parquet", parcel_id=None, id_prefix=None, territory=None,
                     tenure=None, zones_source=None, class_field=None, min_share=0.0, pieces=False, where=None):
    """One partition of the batch job, on a worker: read its parcels, overlay, write its part, summarise.

    Parameters
    ----------
    spec : dict
        From :func:`plan_partitions`.
    zones : tuple or None
        ``(WKB, classes, count)`` from :func:`read_zones` shared by all
        partitions, or None to read ``zones_source`` here with a bounding-box
        filter on this partition's parcels.
    crs : str
        The projected CRS of the computation (the parcels are reprojected).
    out_dir, fmt : str
        Where the part goes (:func:`part_path`): GeoParquet/Parquet or
        GeoPackage; with ``pieces`` it holds the covered geometry of each
        (parcel, class).
    parcel_id, id_prefix, territory, tenure : str or None
        Id field (else the feature id, :func:`parcel_ids`), territory field
        (e.g. ``commune`` of the PCI), raw tenure field (mapped by
        :func:`~.classes.tenure_classes`; without it no ``tenure`` column in
        the summary).
    where : str or None
        SQL filter of the parcels of a GDAL source (GDAL's attribute filter,
        and-ed with the partition's fid range).

    Returns
    -------
    dict
        ``summary``: :func:`~.summary.tenure_summary`'s crosstab of this
        partition (``territory, [tenure,] constraint, parcels, area``);
        ``stats``: counts, seconds, this worker's peak memory, the part
        written. Nothing per parcel.
    """
    import shapely
    from pyproj import CRS

    from .classes import tenure_classes
    from .summary import tenure_summary

    began = time.perf_counter()
    wanted = [c for c in (parcel_id, territory, tenure) if c]
    frame = read_source(spec, columns=list(dict.fromkeys(wanted)) or None, where=where)
    read_seconds = time.perf_counter() - began
    if frame.crs is None:
        raise InvalidValueError("{path}: the parcels have no CRS; give them one (ogr2ogr -a_srs).", path=spec["path"])
    target = CRS.from_user_input(crs)
    if frame.crs != target:
        frame = frame.to_crs(target)
    ids = parcel_ids(frame, spec, parcel_id, id_prefix)
    geoms = frame.geometry.to_numpy()
    if zones is None:
        bounds = tuple(shapely.total_bounds(geoms)) if len(geoms) else None
        zones = read_zones(zones_source, target, class_field, bbox=bounds) if bounds and np.isfinite(bounds).all() \
            else (np.empty(0, dtype=object), np.empty(0, dtype=object), 0)
    wkb, classes, n_zones = zones
    out = overlay_areas(geoms, shapely.from_wkb(wkb), parcel_ids=ids, zone_classes=classes, return_pieces=pieces)
    table = pd.DataFrame(index=pd.Index(ids, name="parcel_id"))
    table["tenure"] = tenure_classes(frame[tenure].to_numpy())[0].to_numpy() if tenure else "unknown"
    if territory:
        table["territory"] = frame[territory].to_numpy(dtype=object)
    summary = tenure_summary(table, out, tenure="tenure", territory="territory" if territory else None,
                             min_share=min_share).crosstab
    if not tenure:
        summary = summary.drop(columns="tenure")
    areas = out.areas
    if pieces:
        import geopandas as gpd

        areas = gpd.GeoDataFrame(areas, geometry=out.pieces["geometry"].to_numpy(), crs=target)
    target_file = write_part(areas, part_path(out_dir, spec["index"], fmt))
    stats = {"index": spec["index"], "path": spec["path"], "parcels": len(frame), "rows": len(areas),
             "zones": int(n_zones), "read_seconds": read_seconds, "seconds": time.perf_counter() - began,
             "worker_pid": os.getpid(), "worker_peak_mb": peak_memory_mb(), "part": target_file,
             "parcels_outside": out.info["parcels_outside"], "repaired_parcels": out.info["repaired_parcels"],
             "null_parcels": out.info["null_parcels"]}
    return {"summary": summary, "stats": [stats]}


def summary_keys(frame):
    """The key columns of a batch summary (those present of ``territory, tenure, constraint``)."""
    return [c for c in ("territory", "tenure", "constraint") if c in frame.columns]


def combine_partials(*parts):
    """Sum partial summaries (from :func:`tenure_partition` or from this function): run on the cluster,
    in a tree, so that the client receives one small frame.

    Examples
    --------
    >>> a = {"summary": pd.DataFrame({"territory": ["x"], "constraint": ["all_parcels"], "parcels": [2],
    ...                               "area": [3.0]}), "stats": [{"index": 0}]}
    >>> b = {"summary": a["summary"].assign(area=[1.5]), "stats": [{"index": 1}]}
    >>> out = combine_partials(a, b)
    >>> out["summary"].values.tolist(), len(out["stats"])
    ([['x', 'all_parcels', 4, 4.5]], 2)
    """
    frames = [p["summary"] for p in parts if len(p["summary"])]
    stats = [s for p in parts for s in p["stats"]]
    if not frames:
        return {"summary": parts[0]["summary"], "stats": stats}
    both = pd.concat(frames, ignore_index=True)
    keys = summary_keys(both)
    values = [c for c in both.columns if c not in keys]
    summary = both.groupby(keys, dropna=False, sort=True)[values].sum().reset_index()
    return {"summary": summary, "stats": stats}


def _areas_partition(frame, payload, parcel_id):
    """overlay_areas on one partition of parcels; the zones come whole to every partition."""
    import shapely

    wkb, classes = payload
    out = overlay_areas(frame.geometry.to_numpy(), shapely.from_wkb(wkb),
                        parcel_ids=frame[parcel_id].to_numpy(), zone_classes=classes)
    return out.areas


def _parcels_partition(frame, parcel_id):
    import shapely

    geoms, status = repair_polygons(frame.geometry.to_numpy())
    labels = np.array(STATUS_LABELS, dtype=object)
    return pd.DataFrame({"parcel_id": frame[parcel_id].to_numpy(),
                         "area": np.nan_to_num(shapely.area(geoms), nan=0.0), "geometry": labels[status]})


def overlay_areas_dask(parcels, zones, *, parcel_id, zone_classes, npartitions=None, spatial_sort=True):
    """:func:`overlay_areas` on dask-geopandas partitions of the parcels, lazily.

    For parcels already in memory (a ``GeoDataFrame``) or a dask-geopandas
    frame read by the caller (``dask_geopandas.read_file``/``read_parquet``:
    then each worker reads its own partition). ``scripts/tenure_batch.py``
    uses :func:`tenure_partition` instead, so that the client never holds the
    parcels. Every partition receives all the zones (one task input shared by
    all), so each parcel is measured exactly as on one machine: the numbers are
    identical, only the row order differs. Run it on a ``dask.distributed``
    cluster by creating a ``Client`` (``Client("tcp://scheduler:8786")``)
    before computing. Needs ``dask[dataframe]``, ``distributed`` and
    ``dask-geopandas``, imported here only.

    Parameters
    ----------
    parcels : geopandas.GeoDataFrame or dask_geopandas.GeoDataFrame
        The parcels with their id column, in the zones' projected CRS.
    zones : array of shapely geometries
    parcel_id : str
        Name of the unique id column.
    zone_classes : sequence
        Class of each zone.
    npartitions : int, optional
        For a GeoDataFrame: partitions to cut it into (default: about
        200,000 parcels each).
    spatial_sort : bool
        Reorder parcels along a Hilbert curve first, so that each partition
        is compact and its tree query touches few zones.

    Returns
    -------
    (dask.dataframe.DataFrame, dask.dataframe.DataFrame)
        ``areas`` and ``parcels`` as in :func:`overlay_areas`, not computed.
    """
    import dask
    import dask_geopandas
    import geopandas
    import shapely

    if isinstance(parcels, geopandas.GeoDataFrame):
        if parcel_id not in parcels.columns:
            raise FieldNotFoundError("Expected the parcel id column {parcel_id!r}; the parcels have {columns}.",
                                     parcel_id=parcel_id, columns=first_labels(parcels.columns, 10))
        parcels = dask_geopandas.from_geopandas(
            parcels[[parcel_id, parcels.geometry.name]],
            npartitions=npartitions or max(1, -(-len(parcels) // ROWS_PER_PARTITION)))
    if spatial_sort and parcels.npartitions > 1:
        parcels = parcels.spatial_shuffle(by="hilbert")
    zones = np.asarray(zones, dtype=object)
    zone_codes(zones, zone_classes)
    payload = dask.delayed((shapely.to_wkb(zones), pd.Series(zone_classes, dtype=object).to_numpy()),
                           pure=True)
    id_dtype = parcels[parcel_id].dtype
    areas_meta = pd.DataFrame({"parcel_id": pd.Series(dtype=id_dtype), "class": pd.Series(dtype=object),
                               "area": pd.Series(dtype=float), "share": pd.Series(dtype=float)})
    parcels_meta = pd.DataFrame({"parcel_id": pd.Series(dtype=id_dtype), "area": pd.Series(dtype=float),
                                 "geometry": pd.Series(dtype=object)})
    areas = parcels.map_partitions(_areas_partition, payload, parcel_id, meta=areas_meta,
                                   align_dataframes=False)
    table = parcels.map_partitions(_parcels_partition, parcel_id, meta=parcels_meta, align_dataframes=False)
    return areas, table
