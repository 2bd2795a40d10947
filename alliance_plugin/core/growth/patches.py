"""Growth patches between two dates and the landscape expansion index (methods.md, section 5).

New built-up is cut into patches, each classed by the landscape expansion
index (LEI) of Liu et al. (2010), "A new landscape index for quantifying urban
expansion using multi-temporal remotely sensed data", *Landscape Ecology* 25:
for a new patch, ``100 * A_old / (A_old + A_vacant)`` over a ring of width
``ring`` around it; infill when LEI > 50, edge expansion when 0 < LEI <= 50,
outlying when LEI = 0. Land built during the period counts as vacant (it was
at the first date). Per territory: the area added per class, the share of
outlying growth and Liu et al.'s area-weighted mean LEI (AWMEI).

Geometries come in one projected CRS in metres (the glue reprojects);
coordinates that look like degrees are refused (:func:`.geometry.refuse_degrees`).
Invalid polygons are repaired with ``make_valid``; lines and points it leaves
are dropped.

Our rules (the help text says so):

- New built-up is the union of ``after`` minus the union of ``before``; a patch
  is a group of new pieces sharing at least a point (a corner is enough), so
  a patch may be a MultiPolygon. Slivers below ``min_area`` are dropped.
- The ring is ``buffer(patch, ring) - patch`` with round joins of ``quad_segs``
  segments per quarter circle; a share below 1e-9 of the ring counts as 0
  (a patch exactly ``ring`` away from old built-up is outlying, not edge).
- Distance to the earlier built-up: the shortest distance from the patch to
  any ``before`` polygon (0 when touching; NaN when there is none). Patches
  farther than ``ring`` are outlying without a buffer: their ``ring_area`` is
  left empty (NaN), their ``old_area`` and LEI are 0.
- A patch counts whole in the territory holding its representative point.

Speed (1,000,000 footprints, ``bench/bench_growth.py``): nothing is ever
unioned or buffered globally. Unchanged buildings drop out first on envelopes
and exact coordinate equality; only the others are validated and cut by the
old buildings they touch (STR-tree); patches are connected components of the
new pieces; only patches within ``ring`` of old built-up are buffered; the
distance uses a KD-tree of bounding-box centres with exact bounds (see
:func:`_nearest_distance`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import InvalidValueError, first_labels
from ..geometry import explode_polygons, refuse_degrees, repair, representative_points, union_by_group, \
    zone_of_points

GROWTH_CLASSES = ("infill", "edge_expansion", "outlying")
PATCH_COLUMNS = ("area", "ring_area", "old_area", "lei", "growth_class", "distance", "n_pieces", "geometry")
_ZERO = 1e-9


def _repair_rows(geoms, checked, rows):
    """Repair, in place, the rows of ``geoms`` not checked yet (our own array, never the caller's).

    A repaired polygon keeps only its polygonal part (a MultiPolygon, maybe
    empty), so it stays one row: the STR-tree built on the raw shapes still
    indexes it, and make_valid never widens a bounding box.
    """
    import shapely

    rows = np.unique(rows)
    rows = rows[~checked[rows]]
    if len(rows) == 0:
        return
    checked[rows] = True
    bad = rows[~shapely.is_valid(geoms[rows])]
    for row in bad:  # rare: a Python loop is fine
        parts = explode_polygons([shapely.make_valid(geoms[row])])
        geoms[row] = shapely.multipolygons(parts) if len(parts) != 1 else parts[0]


def _tick(progress, value):
    if progress is not None:
        progress(value)


def _pairs(tree, geoms, tree_geoms, checked):
    """Intersecting pairs (query rows, tree rows), the tree's rows repaired first."""
    import shapely

    iq, it = tree.query(geoms)  # envelopes only: no predicate on unrepaired shapes
    _repair_rows(tree_geoms, checked, it)
    hit = shapely.intersects(geoms[iq], tree_geoms[it])
    return iq[hit], it[hit]


def _new_pieces(before, after, tree, checked):
    """Valid pieces of ``after`` outside the union of ``before`` (no global union).

    Unchanged buildings (the same coordinates at both dates) go first, on
    envelopes and exact equality, so only the others are validated.
    """
    import shapely

    ia, ib = tree.query(after)
    unchanged = np.zeros(len(after), dtype=bool)
    unchanged[ia[shapely.equals_exact(after[ia], before[ib], tolerance=0.0)]] = True
    fresh = explode_polygons(repair(after[~unchanged]))
    ia, ib = _pairs(tree, fresh, before, checked)
    covered = np.zeros(len(fresh), dtype=bool)
    covered[ia[shapely.covered_by(fresh[ia], before[ib])]] = True
    keep = ~covered[ia]
    ia, ib = ia[keep], ib[keep]
    untouched = ~covered
    untouched[ia] = False
    rows, old = union_by_group(before[ib], ia)
    cut = shapely.difference(fresh[rows], old) if len(rows) else np.empty(0, dtype=object)
    return explode_polygons(np.concatenate([fresh[untouched], cut]))


def _patches(pieces):
    """Group the pieces sharing a point into patches; returns geometries and piece counts."""
    import shapely
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = len(pieces)
    left, right = shapely.STRtree(pieces).query(pieces, predicate="intersects")
    graph = coo_matrix((np.ones(len(left), dtype=np.int8), (left, right)), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    groups, geoms = union_by_group(pieces, component)
    return geoms, np.bincount(component, minlength=len(groups))


def _old_area(rings, before, tree, checked):
    """Area of each buffered patch covered by the earlier built-up (overlaps counted once)."""
    import shapely

    ip, jb = _pairs(tree, rings, before, checked)
    out = np.zeros(len(rings))
    if len(ip) == 0:
        return out
    parts = shapely.intersection(rings[ip], before[jb])
    rows, merged = union_by_group(parts, ip)
    out[rows] = shapely.area(merged)
    return out


def _nearest_distance(patches, before, tree, checked, k=16):
    """Exact distance from each patch to the nearest ``before`` polygon (NaN when there is none).

    GEOS's nearest-neighbour search costs tens of microseconds per patch among
    a million buildings, so most of the work goes through a KD-tree of the
    polygons' bounding-box centres: the polygon of the nearest centre gives an
    upper bound, and the others are measured only when their lower bound
    (centre distance minus both half-diagonals) is below it. The largest 1 %
    of the polygons are checked apart (STR-tree ``dwithin``), and patches whose
    ``k`` nearest centres cannot settle it fall back on GEOS. Polygons that
    give a distance are repaired first; one repaired into nothing gives none.
    """
    import shapely
    from scipy.spatial import cKDTree

    def measure(rows, cols):
        _repair_rows(before, checked, cols)
        return np.nan_to_num(shapely.distance(patches[rows], before[cols]), nan=np.inf)

    n = len(patches)
    if len(before) == 0 or n == 0:
        return np.full(n, np.nan)
    b = shapely.bounds(before)
    radius = 0.5 * np.hypot(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1])
    cut = float(np.quantile(radius, 0.99))
    small = np.flatnonzero(radius <= cut)
    p = shapely.bounds(patches)
    centre = 0.5 * (p[:, :2] + p[:, 2:])
    half = 0.5 * np.hypot(p[:, 2] - p[:, 0], p[:, 3] - p[:, 1])
    k = min(k, len(small))
    gap, idx = cKDTree(0.5 * (b[small, :2] + b[small, 2:])).query(centre, k=k)
    gap, idx = gap.reshape(n, k), small[idx.reshape(n, k)]
    best = measure(np.arange(n), idx[:, 0])
    lower = gap[:, 1:] - half[:, None] - radius[idx[:, 1:]]
    ii, jj = np.nonzero(lower < best[:, None])
    if len(ii):
        np.minimum.at(best, ii, measure(ii, idx[ii, jj + 1]))
    large = np.flatnonzero(radius > cut)
    if len(large):
        ip, jl = shapely.STRtree(before[large]).query(patches, predicate="dwithin",
                                                      distance=np.minimum(best, 1e300))
        if len(ip):
            np.minimum.at(best, ip, measure(ip, large[jl]))
    unsure = np.flatnonzero(gap[:, -1] - half - cut < best) if k < len(small) else np.flatnonzero(np.isinf(best))
    if len(unsure):
        (which, _), dist = tree.query_nearest(patches[unsure], return_distance=True, all_matches=False)
        best[unsure[which]] = dist
    best[~np.isfinite(best)] = np.nan
    return best


def growth_patches(before, after, *, ring=1.0, min_area=0.0, quad_segs=8, progress=None, is_canceled=None):
    """New built-up patches between two dates, with their landscape expansion index.

    Parameters
    ----------
    before, after : sequence of shapely polygons
        Built-up (e.g. building footprints) at the first and second date, in
        one projected CRS in metres. ``after`` may or may not repeat the
        buildings of ``before``; neither is modified.
    ring : float
        Width of the ring around each patch (metres; Liu et al. use 1).
    min_area : float
        New pieces at or below this area (m2) are dropped as slivers.
    quad_segs : int
        Segments per quarter circle of the round buffer.
    progress : callable(float), optional
        Told the percentage done (0 to 100) after each step.
    is_canceled : callable() -> bool, optional
        Checked between steps; when true the function returns None.

    Returns
    -------
    pandas.DataFrame or None
        One row per patch (index 0..n-1, largest first, then west to east):
        ``area`` (m2), ``ring_area`` and ``old_area`` (``A_old + A_vacant`` and
        ``A_old``, m2; ``ring_area`` NaN for patches farther than ``ring``),
        ``lei`` (0 to 100), ``growth_class`` (``infill``, ``edge_expansion``,
        ``outlying``), ``distance`` to the earlier built-up (m), ``n_pieces``
        and ``geometry``. ``attrs["params"]`` records the options.

    Examples
    --------
    >>> import shapely
    >>> old = [shapely.box(1000, 1000, 1010, 1010)]
    >>> new = old + [shapely.box(1010, 1000, 1020, 1010), shapely.box(1100, 1000, 1110, 1010)]
    >>> out = growth_patches(old, new)
    >>> out[["area", "growth_class", "distance"]].values.tolist()
    [[100.0, 'edge_expansion', 0.0], [100.0, 'outlying', 90.0]]
    """
    import shapely

    if not (np.isfinite(ring) and ring > 0):
        raise InvalidValueError("The ring width must be a positive number of metres; got {ring}.", ring=ring)
    if not (min_area >= 0 and int(quad_segs) >= 1):
        raise InvalidValueError("min_area must be 0 or more and quad_segs 1 or more; got {min_area}, {quad_segs}.",
                                min_area=min_area, quad_segs=quad_segs)
    before, after = explode_polygons(before), explode_polygons(after)
    for geoms, what in ((before, "the built-up at the first date"), (after, "the built-up at the second date")):
        if len(geoms):
            refuse_degrees(shapely.total_bounds(geoms), what=what)
    checked = np.zeros(len(before), dtype=bool)
    params = {"ring": ring, "min_area": min_area, "quad_segs": quad_segs}
    tree = shapely.STRtree(before)
    _tick(progress, 10.0)
    if is_canceled is not None and is_canceled():
        return None
    pieces = _new_pieces(before, after, tree, checked)
    pieces = pieces[shapely.area(pieces) > min_area]
    _tick(progress, 50.0)
    if is_canceled is not None and is_canceled():
        return None
    if len(pieces) == 0:
        kinds = {"growth_class": object, "geometry": object, "n_pieces": np.int64}
        frame = pd.DataFrame({c: pd.Series(dtype=kinds.get(c, float)) for c in PATCH_COLUMNS})
        frame.attrs["params"] = params
        return frame
    patches, n_pieces = _patches(pieces)
    _tick(progress, 65.0)
    if is_canceled is not None and is_canceled():
        return None
    area = shapely.area(patches)
    distance = _nearest_distance(patches, before, tree, checked)
    near = np.flatnonzero(distance < ring)  # the others have no old built-up in their ring
    _tick(progress, 75.0)
    if is_canceled is not None and is_canceled():
        return None
    ring_area = np.full(len(patches), np.nan)
    old = np.zeros(len(patches))
    buffered = shapely.buffer(patches[near], ring, quad_segs=quad_segs)
    ring_area[near] = shapely.area(buffered) - area[near]
    old[near] = _old_area(buffered, before, tree, checked)
    old[near[old[near] <= _ZERO * ring_area[near]]] = 0.0
    lei = 100.0 * np.divide(old, ring_area, out=np.zeros(len(old)), where=old > 0)
    frame = pd.DataFrame({
        "area": area, "ring_area": ring_area, "old_area": old, "lei": lei,
        "growth_class": np.select([lei > 50, lei > 0], ["infill", "edge_expansion"], "outlying").astype(object),
        "distance": distance, "n_pieces": n_pieces.astype(np.int64), "geometry": patches})
    corner = shapely.bounds(patches)
    frame = frame.iloc[np.lexsort((corner[:, 1], corner[:, 0], -area))].reset_index(drop=True)
    frame.attrs["params"] = params
    _tick(progress, 100.0)
    return frame


def patch_territories(patches, codes, territories):
    """Territory code holding each patch's representative point (None outside all).

    Examples
    --------
    >>> import shapely
    >>> zones = [shapely.box(0, 0, 500, 500), shapely.box(500, 0, 1000, 500)]
    >>> patch_territories([shapely.box(600, 10, 610, 20), shapely.box(2000, 0, 2010, 10)], ["A", "B"], zones)
    ['B', None]
    """
    return zone_of_points(representative_points(patches), codes, territories).tolist()


def growth_summary(patches, territory_of_patch, *, territory_ids=None):
    """Area added per growth class and territory, and the share of outlying growth.

    Parameters
    ----------
    patches : pandas.DataFrame
        From :func:`growth_patches` (``area``, ``lei``, ``growth_class``).
    territory_of_patch : sequence
        Territory code of each patch, aligned on the rows (None: left out).
    territory_ids : sequence, optional
        The territories to report, in that order (those without growth get 0);
        by default the codes present, sorted.

    Returns
    -------
    pandas.DataFrame
        Indexed by territory: ``area_infill``, ``area_edge_expansion``,
        ``area_outlying``, ``area_added`` (m2), ``n_patches`` and one
        ``n_<class>`` per class, ``share_outlying`` (outlying area over the
        area added, NaN without growth) and ``awmei`` (area-weighted mean LEI,
        Liu et al.'s AWMEI). ``attrs["unassigned_area"]``: area of the patches
        without territory.

    Examples
    --------
    >>> patches = pd.DataFrame({"area": [30.0, 10.0, 60.0], "lei": [60.0, 0.0, 20.0],
    ...                         "growth_class": ["infill", "outlying", "edge_expansion"]})
    >>> out = growth_summary(patches, ["A", "A", "B"], territory_ids=["A", "B", "C"])
    >>> out[["area_added", "share_outlying", "awmei"]].values.tolist()
    [[40.0, 0.25, 45.0], [60.0, 0.0, 20.0], [0.0, nan, nan]]
    """
    codes = pd.Series(np.asarray(territory_of_patch, dtype=object), dtype=object)
    if len(codes) != len(patches):
        raise InvalidValueError("{n_patches} patches but {n_codes} territory codes.", n_patches=len(patches),
                                n_codes=len(codes))
    unknown = set(pd.unique(patches["growth_class"])) - set(GROWTH_CLASSES)
    if unknown:
        raise InvalidValueError("Unknown growth classes: {unknown}.",
                                unknown=first_labels(sorted(map(str, unknown))))
    known = codes.notna().to_numpy()
    table = pd.DataFrame({"territory": codes[known].to_numpy(),
                          "area": patches["area"].to_numpy(dtype=float)[known],
                          "weighted": (patches["area"] * patches["lei"]).to_numpy(dtype=float)[known],
                          "growth_class": patches["growth_class"].to_numpy()[known]})
    areas = table.pivot_table(index="territory", columns="growth_class", values="area", aggfunc="sum",
                              fill_value=0.0).reindex(columns=list(GROWTH_CLASSES), fill_value=0.0)
    counts = table.pivot_table(index="territory", columns="growth_class", values="area", aggfunc="count",
                               fill_value=0).reindex(columns=list(GROWTH_CLASSES), fill_value=0)
    index = pd.Index(sorted(areas.index) if territory_ids is None else list(territory_ids), dtype=object)
    areas, counts = areas.reindex(index, fill_value=0.0), counts.reindex(index, fill_value=0)
    weighted = table.groupby("territory")["weighted"].sum().reindex(index, fill_value=0.0).to_numpy()
    out = areas.add_prefix("area_")
    out.columns.name = None
    total = areas.sum(axis=1).to_numpy()
    out["area_added"] = total
    out["n_patches"] = counts.sum(axis=1).to_numpy().astype(np.int64)
    for kind in GROWTH_CLASSES:
        out[f"n_{kind}"] = counts[kind].to_numpy().astype(np.int64)
    out["share_outlying"] = np.divide(areas["outlying"].to_numpy(), total, out=np.full(len(total), np.nan),
                                      where=total > 0)
    out["awmei"] = np.divide(weighted, total, out=np.full(len(total), np.nan), where=total > 0)
    out.attrs["unassigned_area"] = float(patches["area"].to_numpy(dtype=float)[~known].sum())
    return out
