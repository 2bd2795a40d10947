"""Growth patches by tile, exact at the tile edges, for building footprints at national scale.

Used by ``scripts/growth_batch.py`` on a ``dask.distributed`` cluster: each
tile is a task that reads only the buildings meeting its window (the tile and
a halo as wide as the LEI ring, by default) and runs
:func:`~.patches.growth_patches` on them. The result equals
:func:`~.patches.growth_patches` on the whole country, patch by patch, by these
rules (tiles are squares of ``size`` metres on multiples of ``size``):

- A patch is *settled* in a window when the boxes of the buildings of the
  second date that meet it, widened by the ring, lie strictly inside the
  window. Then every building that could change it (an earlier building cutting
  it, a new piece touching it, old built-up in its ring) meets the window and
  was read: the patch, its ring, its old area, its LEI and its class are those
  of the whole country.
- A tile keeps the settled patches whose lower-left corner (``xmin, ymin`` of
  their bounds) lies in it (:func:`tile_index`): each patch has one owner.
- A patch that is not settled and meets the tile (it crosses the edge by more
  than the halo, or its buildings do) is sent to an *edge pass*: a window
  around it, grown until every patch meeting it is settled
  (:func:`resolve_region`); the patches found there that their owner tile did
  not keep (:func:`kept_by_owner`, decided from the patch alone) are merged,
  duplicates dropped.
- The distance to the earlier built-up is exact when the patch's box widened
  by it lies inside the window; otherwise the earlier buildings are read again
  in a window that wide, grown until one is found (:func:`settle_distances`).

The sums per territory of the patches each tile keeps: :mod:`.tile_summary`.

Everything here is pure (numpy, pandas, shapely); the reading goes through
:func:`..tenure.partitions.read_source` (pyogrio, pyarrow) on the worker.
"""

from __future__ import annotations

import os
import time

import numpy as np
import pandas as pd

from ..errors import InvalidValueError
from ..geometry import explode_polygons
from .patches import PATCH_COLUMNS, growth_patches, patch_territories
from .tile_summary import partial_summary


def tile_index(x, y, size):
    """The tile ``(i, j)`` holding each point: tile ``(i, j)`` is ``[i*size, (i+1)*size) x [j*size, (j+1)*size)``.

    Examples
    --------
    >>> tile_index([0.0, 999.9, 1000.0, -0.1], [0.0, 0.0, 2500.0, 0.0], 1000.0)
    (array([ 0,  0,  1, -1]), array([0, 0, 2, 0]))
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return np.floor(x / size).astype(np.int64), np.floor(y / size).astype(np.int64)


def tile_box(i, j, size):
    return (i * size, j * size, (i + 1) * size, (j + 1) * size)


def widen(box, d):
    box = np.asarray(box, dtype=float)
    return box + np.array([-d, -d, d, d]) if box.ndim == 1 else box + np.array([-d, -d, d, d])[None, :]


def tiles_over(bounds, size):
    """The tiles ``(i, j)`` meeting ``bounds``, row by row.

    Examples
    --------
    >>> tiles_over((10.0, 10.0, 1500.0, 900.0), 1000.0)
    [(0, 0), (1, 0)]
    """
    (i0, i1), (j0, j1) = tile_index([bounds[0], bounds[2]], [bounds[1], bounds[3]], size)
    return [(int(i), int(j)) for j in range(j0, j1 + 1) for i in range(i0, i1 + 1)]


def strictly_inside(boxes, window):
    """Boxes (n x 4) strictly inside ``window``."""
    boxes = np.asarray(boxes, dtype=float).reshape(-1, 4)
    return (boxes[:, 0] > window[0]) & (boxes[:, 1] > window[1]) & (boxes[:, 2] < window[2]) & \
        (boxes[:, 3] < window[3])


def after_extents(patches, after):
    """Per patch, the box of the buildings of the second date (polygon parts) that meet it: (n x 4).

    Examples
    --------
    >>> import shapely
    >>> after_extents([shapely.box(0, 0, 1, 1)], [shapely.box(0, 0, 1, 1), shapely.box(1, 0, 5, 1),
    ...                                            shapely.box(9, 9, 10, 10)]).tolist()
    [[0.0, 0.0, 5.0, 1.0]]
    """
    import shapely

    patches = np.asarray(patches, dtype=object)
    after = np.asarray(after, dtype=object)
    out = np.array(shapely.bounds(patches), dtype=float).reshape(-1, 4)
    if len(after) == 0 or len(patches) == 0:
        return out
    ip, ia = shapely.STRtree(after).query(patches, predicate="intersects")
    b = shapely.bounds(after)[ia]
    np.minimum.at(out[:, 0], ip, b[:, 0])
    np.minimum.at(out[:, 1], ip, b[:, 1])
    np.maximum.at(out[:, 2], ip, b[:, 2])
    np.maximum.at(out[:, 3], ip, b[:, 3])
    return out


def kept_by_owner(bounds, extents, *, size, halo, ring):
    """Whether the tile owning each patch (its lower-left corner) keeps it in the first pass: true when the
    patch is settled in that tile's window. Decided from the patch alone, so the edge pass knows."""
    bounds, extents = np.asarray(bounds, dtype=float).reshape(-1, 4), np.asarray(extents, dtype=float).reshape(-1, 4)
    i, j = tile_index(bounds[:, 0], bounds[:, 1], size)
    lo = np.stack([i * size - halo, j * size - halo], axis=1)
    hi = lo + size + 2 * halo
    wide = widen(extents, ring)
    return (wide[:, 0] > lo[:, 0]) & (wide[:, 1] > lo[:, 1]) & (wide[:, 2] < hi[:, 0]) & (wide[:, 3] < hi[:, 1])


def patch_key(frame):
    """A key per patch that a settled patch keeps in every window: its bounds and its area (rounded)."""
    import shapely

    b = shapely.bounds(frame["geometry"].to_numpy())
    return pd.MultiIndex.from_arrays([b[:, 0], b[:, 1], b[:, 2], b[:, 3], frame["area"].round(4).to_numpy()])


def read_buildings(sources, window, crs, where=None):
    """Polygon parts of the buildings of ``sources`` (probes) meeting ``window`` (in ``crs``), in ``crs``."""
    from pyproj import CRS

    from ..tenure.partitions import bbox_in, read_source

    target = CRS.from_user_input(crs)
    found = []
    for probe in sources:
        box = bbox_in(window, target, probe.get("crs"))
        extent = probe.get("bounds")
        if extent is not None and (extent[0] > box[2] or extent[2] < box[0] or extent[1] > box[3]
                                   or extent[3] < box[1]):
            continue
        if where and probe["kind"] == "parquet":
            raise InvalidValueError("A SQL filter (where) needs a GDAL source, not GeoParquet: {path}.",
                                    path=probe["path"])
        frame = read_source({"path": probe["path"], "kind": probe["kind"], "layer": probe.get("layer")},
                            columns=[], bbox=box, where=where)
        if frame.crs is not None and frame.crs != target:
            frame = frame.to_crs(target)
        found.append(frame.geometry.to_numpy())
    return explode_polygons(np.concatenate(found)) if found else np.empty(0, dtype=object)


def _nearest(patches, before):
    """Exact distance from each patch to the nearest of ``before`` (repaired as growth_patches does)."""
    import shapely

    before = np.asarray(before, dtype=object).copy()
    bad = np.flatnonzero(~shapely.is_valid(before))
    for row in bad:
        parts = explode_polygons([shapely.make_valid(before[row])])
        before[row] = shapely.multipolygons(parts) if len(parts) != 1 else parts[0]
    out = np.full(len(patches), np.nan)
    if len(before) == 0 or len(patches) == 0:
        return out
    tree = shapely.STRtree(before)
    (which, cols), _ = tree.query_nearest(patches, return_distance=True, all_matches=True)
    dist = shapely.distance(np.asarray(patches, dtype=object)[which], before[cols])
    np.fmin.at(out, which, dist)
    return out


def settle_distances(frame, window, read_before, extent, first_radius):
    """Make ``frame["distance"]`` exact where the window did not decide it (in place).

    A distance ``d`` found in ``window`` is exact when the patch's box widened
    by ``d`` lies inside it; otherwise the earlier buildings are read again
    around the patch (``read_before(box)``) as far as ``d`` (or, when none was
    found, ever wider from ``first_radius`` until one is, or the window covers
    ``extent``, the data's whole extent: then there is none).
    """
    import shapely

    if len(frame) == 0:
        return 0
    geoms = frame["geometry"].to_numpy()
    bounds = shapely.bounds(geoms)
    dist = frame["distance"].to_numpy(dtype=float).copy()
    finite = np.isfinite(dist)
    d = np.where(finite, dist, 0.0)
    open_ = ~(finite & strictly_inside(bounds + np.c_[-d, -d, d, d], window))
    rows = np.flatnonzero(open_)
    reads = 0
    r = np.where(finite[rows], dist[rows], float(first_radius))
    while len(rows):
        box = bounds[rows] + np.c_[-r, -r, r, r]
        whole = (box[:, 0].min(), box[:, 1].min(), box[:, 2].max(), box[:, 3].max())
        near = _nearest(geoms[rows], read_before(whole))
        reads += 1
        covers = extent is None or (whole[0] <= extent[0] and whole[1] <= extent[1] and whole[2] >= extent[2]
                                    and whole[3] >= extent[3])
        done = (np.isfinite(near) & (near <= r)) | covers
        dist[rows[done]] = near[done]
        r = np.where(np.isfinite(near), np.maximum(near, r), 2 * r)[~done]
        rows = rows[~done]
    frame["distance"] = dist
    return reads


def patches_in_window(before, after, window, *, ring, min_area, quad_segs):
    """growth_patches on the buildings read for ``window``, with each patch's extent and whether it is settled."""
    frame = growth_patches(before, after, ring=ring, min_area=min_area, quad_segs=quad_segs)
    extents = after_extents(frame["geometry"].to_numpy(), after)
    settled = strictly_inside(widen(extents, ring), window)
    return frame, extents, settled


class _Job:
    """What every task of one growth job shares (sources, options), small enough to ship with each task."""

    def __init__(self, before, after, *, crs, ring, min_area=0.0, quad_segs=8, size, halo=None, before_where=None,
                 after_where=None, territories=None, territory_field=None, extent=None):
        self.before, self.after, self.crs = before, after, crs
        self.ring, self.min_area, self.quad_segs = float(ring), float(min_area), int(quad_segs)
        self.size, self.halo = float(size), float(ring if halo is None else halo)
        self.before_where, self.after_where = before_where, after_where
        self.territories, self.territory_field, self.extent = territories, territory_field, extent

    def read(self, window):
        return (read_buildings(self.before, window, self.crs, self.before_where),
                read_buildings(self.after, window, self.crs, self.after_where))

    def territory_of(self, frame):
        if self.territories is None or len(frame) == 0:
            return [None] * len(frame)
        from ..tenure.partitions import bbox_in, read_source

        import shapely

        box = tuple(shapely.total_bounds(frame["geometry"].to_numpy()))
        zones = read_source(self.territories, columns=[self.territory_field],
                            bbox=bbox_in(box, self.crs, self.territories.get("crs")))
        zones = zones.to_crs(self.crs) if zones.crs is not None else zones
        return patch_territories(frame["geometry"].to_numpy(), zones[self.territory_field].to_numpy(dtype=object),
                                 zones.geometry.to_numpy())

    def finish(self, frame, window, read_before):
        reads = settle_distances(frame, window, read_before, self.extent, max(self.size, self.ring))
        frame["territory"] = self.territory_of(frame)
        return reads


def growth_job(before, after, **options):
    """The options of one growth job (:class:`_Job`), to pass to :func:`growth_tile` and :func:`growth_edges`."""
    if not (options.get("size", 0) > 0):
        raise InvalidValueError("The tile size must be a positive number of metres; got {size}.",
                                size=options.get("size"))
    return _Job(before, after, **options)


def write_patches(frame, target, crs):
    import geopandas as gpd

    from ..tenure.dask_engine import write_part

    out = gpd.GeoDataFrame(frame[[c for c in frame.columns if c != "geometry"]],
                           geometry=frame["geometry"].to_numpy(), crs=crs)
    return write_part(out, target, layer="patches")


def growth_tile(tile, job, out_dir, fmt="parquet"):
    """One tile of the first pass, on a worker: read its window, keep the settled patches it owns, write them.

    Returns ``{"summary", "unassigned", "trouble", "stats"}``: partial sums per
    territory (:func:`partial_summary`), the boxes of the patches to resolve
    in the edge pass (not settled, meeting the tile) and counts; no patch.
    """
    from ..tenure.dask_engine import part_path

    began = time.perf_counter()
    i, j = tile
    core = tile_box(i, j, job.size)
    window = tuple(widen(core, job.halo))
    before, after = job.read(window)
    frame, extents, settled = patches_in_window(before, after, window, ring=job.ring, min_area=job.min_area,
                                                quad_segs=job.quad_segs)
    import shapely

    bounds = shapely.bounds(frame["geometry"].to_numpy()).reshape(-1, 4)
    oi, oj = tile_index(bounds[:, 0], bounds[:, 1], job.size)
    owned = (oi == i) & (oj == j)
    meets = (bounds[:, 0] <= core[2]) & (bounds[:, 2] >= core[0]) & (bounds[:, 1] <= core[3]) & \
        (bounds[:, 3] >= core[1])
    trouble = extents[~settled & meets]
    kept = frame[owned & settled].reset_index(drop=True)
    reads = job.finish(kept, window, lambda box: read_buildings(job.before, box, job.crs, job.before_where))
    target = write_patches(kept, part_path(out_dir, tile_number(i, j), fmt),
                           job.crs) if len(kept) else None
    summary = partial_summary(kept, kept["territory"])
    stats = {"tile": (i, j), "before": len(before), "after": len(after), "patches": len(kept),
             "trouble": len(trouble), "distance_reads": reads, "seconds": time.perf_counter() - began,
             "worker_pid": os.getpid(), "part": target}
    return {"summary": summary, "unassigned": summary.attrs["unassigned_area"], "trouble": trouble.tolist(),
            "stats": [stats]}


def tile_number(i, j):
    """A file number for tile ``(i, j)`` (``part-<number>``): non-negative, unique for |i|, |j| < 10**5."""
    return (int(i) + 50_000) * 100_000 + (int(j) + 50_000)


def resolve_region(region, job, max_rounds=40):
    """Every patch meeting ``region`` (a box), computed in a window around it, widened (the margin doubled)
    until they are all settled.

    Returns the settled patches meeting the region that their owner tile did
    not keep (:func:`kept_by_owner`), with their distance settled and their
    territory.
    """
    import shapely

    margin = job.ring + job.halo
    window = tuple(widen(region, margin))
    for _ in range(max_rounds):
        before, after = job.read(window)
        frame, extents, settled = patches_in_window(before, after, window, ring=job.ring, min_area=job.min_area,
                                                    quad_segs=job.quad_segs)
        bounds = shapely.bounds(frame["geometry"].to_numpy()).reshape(-1, 4)
        meets = (bounds[:, 0] <= region[2]) & (bounds[:, 2] >= region[0]) & (bounds[:, 1] <= region[3]) & \
            (bounds[:, 3] >= region[1])
        extent = job.extent
        whole = extent is not None and window[0] < extent[0] and window[1] < extent[1] and \
            window[2] > extent[2] and window[3] > extent[3]
        if settled[meets].all() or whole:
            keep = meets & ~kept_by_owner(bounds, extents, size=job.size, halo=job.halo, ring=job.ring)
            found = frame[keep].reset_index(drop=True)
            job.finish(found, window, lambda box: read_buildings(job.before, box, job.crs, job.before_where))
            return found
        margin *= 2
        window = tuple(widen(region, margin))
    raise InvalidValueError("A growth patch kept growing past {rounds} windows around {region}.",
                            rounds=max_rounds, region=region)


def growth_edges(regions, job):
    """The edge pass for a batch of regions (boxes from :func:`growth_tile`): their patches, concatenated."""
    frames = [resolve_region(tuple(r), job) for r in regions]
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else None


def merge_edges(job, out_dir, fmt, *found):
    """Patches of the edge pass, duplicates dropped, written as one part; their partial summary."""
    from ..tenure.dask_engine import part_path

    frames = [f for f in found if f is not None and len(f)]
    if not frames:
        empty = pd.DataFrame({c: [] for c in (*PATCH_COLUMNS, "territory")})
        summary = partial_summary(empty, [])
        return {"summary": summary, "unassigned": 0.0, "stats": [{"tile": "edges", "patches": 0}]}
    frame = pd.concat(frames, ignore_index=True)
    frame = frame[~patch_key(frame).duplicated()].reset_index(drop=True)
    target = write_patches(frame, part_path(out_dir, 0, fmt).with_name(f"part-edges.{fmt}"), job.crs)
    summary = partial_summary(frame, frame["territory"])
    return {"summary": summary, "unassigned": summary.attrs["unassigned_area"],
            "stats": [{"tile": "edges", "patches": len(frame), "part": target}]}
