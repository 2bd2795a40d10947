"""Urban growth from built-up at two dates (methods.md, section 5).

Growth patches and the landscape expansion index, land consumption (SDG
11.3.1), distance rings, the prospective buffer and the UN-Habitat urban-extent
classes. Geometries come in one projected CRS in metres (the glue reprojects);
functions that measure refuse coordinates that look like degrees (see
:func:`.degurba.refuse_degrees`: every coordinate within +-180 / +-90).
Invalid polygons are repaired with ``make_valid``; lines and points it leaves
are dropped.

Official definitions:

- LEI (Liu et al. 2010): for a new patch, ``100 * A_old / (A_old + A_vacant)``
  over a ring of width ``ring`` around it; infill when LEI > 50, edge expansion
  when 0 < LEI <= 50, outlying when LEI = 0. Land built during the period
  counts as vacant (it was at the first date).
- SDG 11.3.1: ``LCR = ln(Urb1/Urb0)/y``, ``PGR = ln(Pop1/Pop0)/y``,
  ``LCRPGR = LCR/PGR``, built-up area per capita beside it.
- UN-Habitat urban extent (as Trends.Earth): built-up share within 500 m,
  urban > 50 %, suburban 25-50 %, rural < 25 %; fringe open space within 100 m
  of urban or suburban built-up; captured open space: open patches below
  200 ha enclosed by urban, suburban and fringe cells.

Speed (1,000,000 footprints, ``bench/bench_growth.py``): nothing is ever
unioned or buffered globally. Unchanged buildings drop out first on envelopes
and exact coordinate equality; only the others are validated and cut by the
old buildings they touch (STR-tree); patches are connected components of the
new pieces; only patches within ``ring`` of old built-up are buffered; the
distance uses a KD-tree of bounding-box centres with exact bounds (see
:func:`_nearest_distance`).

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
- Captured open space: 4-connected groups of cells that are neither urban,
  suburban nor fringe, hold no rural built-up cell, do not touch the grid's
  edge, and are smaller than 200 ha. Class codes are ours (see
  :data:`EXTENT_CLASSES`).
- LCRPGR is left empty (NaN) and the row flagged whenever it is meaningless:
  population falling or stagnating (``|PGR| < stagnation``, default 0.1 % a
  year), a zero or missing area or population; never an infinity.
- Rings: band 0 is the dissolved cores, band k lies between ``distances[k-1]``
  and ``distances[k]``; default labels ``urban core`` (band 0), ``inner
  peri-urban`` (band 1), ``rural`` (the last band, when there are 3 bands or
  more) and ``outer peri-urban`` (the bands between). Each band also has a
  ``role``, a stable code whatever the labels: ``urban_core`` (band 0),
  ``rural`` (the last band, with 3 bands or more), ``peri_urban`` (the others);
  only the peri-urban rings are growth fronts for the land-tenure overlay.
- Prospective buffer: the projected population is ``P * (1 + r) ** years``
  (compound annual rate ``r``); the land demand is the added population at the
  density given or observed (population over the dissolved urban area).
- Urban extent on a grid of ``cell`` metres (10 m by default) whose origin is
  on multiples of the cell: the built-up share of a cell is the exact area of
  the polygons in it (overlaps capped at the whole cell); a cell is built-up
  when that share is at least ``min_cover`` (0.5); the density around a cell is
  the mean share over the cells whose centres lie within ``radius``; distances
  run between cell centres. Beyond the polygons' extent the land is open.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .degurba import dissolve_parts, grid_polygons, refuse_degrees, union_by_group
from .errors import EmptyInputError, InvalidValueError, first_labels
from .geometry import repair

GROWTH_CLASSES = ("infill", "edge_expansion", "outlying")
PATCH_COLUMNS = ("area", "ring_area", "old_area", "lei", "growth_class", "distance", "n_pieces", "geometry")
EXTENT_CLASSES = {1: "urban built-up", 2: "suburban built-up", 3: "fringe open space",
                  4: "captured open space", 5: "rural built-up", 6: "rural open space"}
FLAGS = ("ok", "missing", "no_built_up", "no_population", "declining", "stagnating")
_ZERO = 1e-9


def _explode(geometries):
    """Polygon parts of the geometries, as given: multi-parts and collections exploded;
    missing, empty, and lines or points dropped. Always a new array."""
    import shapely

    geoms = np.asarray(geometries, dtype=object).ravel()
    parts = geoms[~shapely.is_missing(geoms)]
    kind = shapely.get_type_id(parts)
    while (kind >= 4).any():
        parts = np.concatenate([parts[kind < 4], shapely.get_parts(parts[kind >= 4])])
        kind = shapely.get_type_id(parts)
    return parts[(kind == 3) & ~shapely.is_empty(parts)]


def _polygon_parts(geometries, what):
    """Valid polygon parts of the input (repaired, exploded, without zero areas), refused in degrees."""
    import shapely

    parts = _explode(repair(_explode(geometries)))
    parts = parts[shapely.area(parts) > 0]
    if len(parts):
        refuse_degrees(shapely.total_bounds(parts), what=what)
    return parts


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
        parts = _explode([shapely.make_valid(geoms[row])])
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
    fresh = _explode(repair(after[~unchanged]))
    ia, ib = _pairs(tree, fresh, before, checked)
    covered = np.zeros(len(fresh), dtype=bool)
    covered[ia[shapely.covered_by(fresh[ia], before[ib])]] = True
    keep = ~covered[ia]
    ia, ib = ia[keep], ib[keep]
    untouched = ~covered
    untouched[ia] = False
    rows, old = union_by_group(before[ib], ia)
    cut = shapely.difference(fresh[rows], old) if len(rows) else np.empty(0, dtype=object)
    return _explode(np.concatenate([fresh[untouched], cut]))


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
    before, after = _explode(before), _explode(after)
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
    import shapely

    from .geometry import representative_points

    points = representative_points(patches)
    codes = np.asarray(codes, dtype=object)
    zones = repair(np.asarray(territories, dtype=object))
    out = np.full(len(points), None, dtype=object)
    has = np.flatnonzero(~shapely.is_missing(points))
    if len(has) == 0:
        return out.tolist()
    ip, iz = shapely.STRtree(zones).query(points[has], predicate="intersects")
    order = np.lexsort((codes[iz].astype(str), ip))  # a point on a border: the smallest code
    ip, iz = ip[order], iz[order]
    first = np.ones(len(ip), dtype=bool)
    first[1:] = ip[1:] != ip[:-1]
    out[has[ip[first]]] = codes[iz[first]]
    return out.tolist()


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


def _aligned(values, index, name):
    if isinstance(values, pd.Series):
        return values.reindex(index).to_numpy(dtype=float)
    values = np.asarray(values, dtype=float)
    if values.ndim == 0:
        return np.full(len(index), float(values))
    if len(values) != len(index):
        raise InvalidValueError("{name} holds {n_values} values for {n_index} territories.", name=name,
                                n_values=len(values), n_index=len(index))
    return values


_UNITS = {"m2": 1.0, "ha": 1e4, "km2": 1e6}


def land_consumption(urb_t0, urb_t1, pop_t0, pop_t1, years, *, stagnation=0.001, area_unit="m2"):
    """SDG 11.3.1: land consumption rate, population growth rate and their ratio, per territory.

    Parameters
    ----------
    urb_t0, urb_t1 : array-like or pandas.Series
        Built-up area at the two dates, in ``area_unit``. A Series gives the
        territory index; the others are aligned on it (missing: flagged).
    pop_t0, pop_t1 : array-like or pandas.Series
        Population at the two dates.
    years : float or array-like
        Years between the dates (positive).
    stagnation : float
        ``|PGR|`` below this (per year; 0.001 = 0.1 %) counts as stagnation.
    area_unit : {"m2", "ha", "km2"}
        Unit of the areas; per-capita figures are always m2 per inhabitant.

    Returns
    -------
    pandas.DataFrame
        The inputs and ``lcr``, ``pgr`` (per year), ``lcrpgr``, ``urb_per_capita_t0``,
        ``urb_per_capita_t1`` (m2 per inhabitant), ``urb_added`` (in
        ``area_unit``), ``pop_added``, ``urb_per_new_inhabitant`` (m2, NaN unless
        the population grew), ``flag`` (one of :data:`FLAGS`, ``ok`` when the
        ratio is meaningful) and ``explanation`` (plain words, empty when ok).
        No value is ever infinite. ``attrs["params"]`` records the options.

    Examples
    --------
    >>> out = land_consumption([100.0, 100.0], [121.0, 110.0], [1000, 1000], [1100, 990], 10)
    >>> out[["lcrpgr", "flag"]].round(3).values.tolist()
    [[2.0, 'ok'], [nan, 'declining']]
    """
    if area_unit not in _UNITS:
        raise InvalidValueError("area_unit must be one of {units}; got {area_unit!r}.", units=', '.join(_UNITS),
                                area_unit=area_unit)
    index = urb_t0.index if isinstance(urb_t0, pd.Series) else pd.RangeIndex(len(np.atleast_1d(urb_t0)))
    u0, u1 = _aligned(urb_t0, index, "urb_t0"), _aligned(urb_t1, index, "urb_t1")
    p0, p1 = _aligned(pop_t0, index, "pop_t0"), _aligned(pop_t1, index, "pop_t1")
    y = _aligned(years, index, "years")
    for name, values in (("urb_t0", u0), ("urb_t1", u1), ("pop_t0", p0), ("pop_t1", p1)):
        if (values < 0).any():
            raise InvalidValueError("{name} must not be negative; it is for {index}.", name=name,
                                    index=first_labels(index[values < 0]))
    if not (np.nan_to_num(y, nan=1.0) > 0).all():
        raise InvalidValueError("years between the dates must be positive.")
    missing = np.isnan(u0) | np.isnan(u1) | np.isnan(p0) | np.isnan(p1) | np.isnan(y)
    lcr = _log_rate(u1, u0, y)
    pgr = _log_rate(p1, p0, y)
    flag = np.select([missing, (u0 == 0) | (u1 == 0), (p0 == 0) | (p1 == 0),
                      pgr <= -stagnation, np.abs(pgr) < stagnation],
                     ["missing", "no_built_up", "no_population", "declining", "stagnating"], "ok")
    lcrpgr = np.divide(lcr, pgr, out=np.full(len(index), np.nan), where=(flag == "ok") & (pgr != 0))
    scale = _UNITS[area_unit]
    pc0 = np.divide(u0 * scale, p0, out=np.full(len(index), np.nan), where=p0 > 0)
    pc1 = np.divide(u1 * scale, p1, out=np.full(len(index), np.nan), where=p1 > 0)
    added_pop = p1 - p0
    per_new = np.divide((u1 - u0) * scale, added_pop, out=np.full(len(index), np.nan), where=added_pop > 0)
    out = pd.DataFrame({"urb_t0": u0, "urb_t1": u1, "pop_t0": p0, "pop_t1": p1, "years": y,
                        "lcr": lcr, "pgr": pgr, "lcrpgr": lcrpgr, "urb_per_capita_t0": pc0,
                        "urb_per_capita_t1": pc1, "urb_added": u1 - u0, "pop_added": added_pop,
                        "urb_per_new_inhabitant": per_new, "flag": flag.astype(object)}, index=index)
    out["explanation"] = [_explain(row, stagnation) for row in out.itertuples(index=False)]
    out.attrs["params"] = {"stagnation": stagnation, "area_unit": area_unit}
    return out


def _log_rate(end, start, years):
    """``ln(end / start) / years``, NaN unless both are positive (never inf)."""
    ok = (start > 0) & (end > 0) & (years > 0)
    ratio = np.divide(end, start, out=np.ones(len(start)), where=ok)
    return np.where(ok, np.log(ratio) / np.where(ok, years, 1.0), np.nan)


def _number(value, spec=",.0f"):
    """``value`` formatted with ``spec``, never ``-0`` (a rounding residue such as -2.8e-17 prints 0)."""
    text = format(value, spec)
    digits = text.lstrip("+-")
    if text[:1] == "-" and not any(ch in "123456789" for ch in digits.split("e")[0]):
        text = ("+" if "+" in spec else "") + digits
    return text


def _explain(row, stagnation):
    if row.flag == "ok":
        return ""
    if row.flag == "missing":
        return "A built-up area, a population or the number of years is missing: nothing is computed."
    if row.flag == "no_built_up":
        return (f"The built-up area is zero at {'the first' if row.urb_t0 == 0 else 'the second'} date: "
                "the land consumption rate ln(Urb1/Urb0) is undefined, and so is LCRPGR.")
    if row.flag == "no_population":
        return (f"The population is zero at {'the first' if row.pop_t0 == 0 else 'the second'} date: "
                "the population growth rate ln(Pop1/Pop0) is undefined, and so is LCRPGR.")
    per_capita = (f" Built-up area per inhabitant went from {_number(row.urb_per_capita_t0)} to "
                  f"{_number(row.urb_per_capita_t1)} m2.")
    if row.flag == "declining":
        return (f"The population fell from {_number(row.pop_t0)} to {_number(row.pop_t1)} "
                f"({_number(100 * row.pgr, '+.2f')} % a year): LCRPGR would change sign and means nothing, so it is "
                "left empty." + per_capita)
    added = ("no new inhabitant" if not row.pop_added > 0 else
             f"{_number(row.urb_per_new_inhabitant)} m2 of built-up added per new inhabitant")
    return (f"The population hardly changed ({_number(row.pop_t0)} to {_number(row.pop_t1)}, "
            f"{_number(100 * row.pgr, '+.3f')} % a year, below +-{100 * stagnation:g} %): LCRPGR would explode, so it is "
            f"left empty; {added}." + per_capita)


#: Stable codes of the rings' roles (language-independent; the labels are translated).
RING_ROLES = ("urban_core", "peri_urban", "rural")


def _band_roles(n):
    """Roles of the cores and ``n`` rings: urban_core, then peri_urban, the last rural with 3 rings or more."""
    return ["urban_core"] + ["peri_urban"] * (n - 1 if n >= 3 else n) + (["rural"] if n >= 3 else [])


def _bands(n):
    if n == 1:
        return ["inner peri-urban"]
    if n == 2:
        return ["inner peri-urban", "outer peri-urban"]
    return ["inner peri-urban"] + ["outer peri-urban"] * (n - 2) + ["rural"]


def growth_rings(cores, distances, *, labels=None, quad_segs=8):
    """Dissolved, non-overlapping distance rings around built-up cores.

    Each distance's buffer is the union of the buffers of the dissolved cores'
    polygons, unioned by overlapping groups (:func:`.degurba.dissolve_parts`;
    never the buffer of one huge MultiPolygon); band k is that union minus the
    previous one.

    Parameters
    ----------
    cores : sequence of shapely polygons
        Built-up or urban cores, in metres.
    distances : sequence of float
        Increasing outer distances of the rings (metres), e.g. 500, 1000, 2000, 5000.
    labels : sequence of str, optional
        One label for the cores and one per ring (``len(distances) + 1``);
        default mapping in the module docstring.

    Returns
    -------
    pandas.DataFrame
        One row per band (0 = the cores): ``label``, ``role`` (``urban_core``,
        ``peri_urban`` or ``rural``, by position whatever the labels), ``inner``
        and ``outer`` distances (m), ``area`` (m2), ``geometry``.

    Examples
    --------
    >>> import shapely
    >>> out = growth_rings([shapely.box(1000, 1000, 1100, 1100)], [10, 20, 50])
    >>> out[["label", "inner", "outer"]].values.tolist()
    [['urban core', 0.0, 0.0], ['inner peri-urban', 0.0, 10.0], ['outer peri-urban', 10.0, 20.0], ['rural', 20.0, 50.0]]
    """
    import shapely

    d = np.asarray(distances, dtype=float)
    if d.ndim != 1 or len(d) == 0 or not np.isfinite(d).all() or (d <= 0).any() or (np.diff(d) <= 0).any():
        raise InvalidValueError("The distances must be positive and increasing; got {distances}.",
                                distances=np.atleast_1d(d))
    labels = ["urban core"] + _bands(len(d)) if labels is None else list(labels)
    if len(labels) != len(d) + 1:
        raise InvalidValueError("{n} distances need {needed} labels (the cores first); got {given}.",
                                n=len(d), needed=len(d) + 1, given=len(labels))
    parts = _polygon_parts(cores, "the cores")
    if len(parts) == 0:
        raise EmptyInputError("No core polygon: the rings need at least one.")
    dissolved = _explode(dissolve_parts(parts))
    previous = shapely.multipolygons(dissolved)
    geoms, areas = [previous], [previous.area]
    for distance in d:
        grown = shapely.multipolygons(_explode(dissolve_parts(shapely.buffer(dissolved, distance,
                                                                              quad_segs=quad_segs))))
        band = shapely.difference(grown, previous)
        geoms.append(band)
        areas.append(band.area)
        previous = grown
    return pd.DataFrame({"label": labels, "role": _band_roles(len(d)),
                         "inner": np.concatenate([[0.0, 0.0], d[:-1]]),
                         "outer": np.concatenate([[0.0], d]), "area": areas,
                         "geometry": np.array(geoms, dtype=object)}, index=pd.RangeIndex(len(d) + 1, name="band"))


def prospective_buffer(urban, current_pop, growth_rate, horizon_years, *, density=None, target_area=None,
                       tolerance=1e-4, quad_segs=8, max_iterations=100):
    """The band around the urban edge that holds the land demand of a projected population.

    The distance is found by bisection on the band's area, ``area(buffer(U, d)
    - U)``; the band also takes the holes of the urban area ``U`` narrower than
    twice the distance (open land inside the edge counts as available).

    Parameters
    ----------
    urban : sequence of shapely polygons
        The current urban area (dissolved here), in metres.
    current_pop : float
        Its population today.
    growth_rate : float
        Annual growth rate (0.01 = 1 % a year, compound).
    horizon_years : float
        Years ahead.
    density : float, optional
        Inhabitants per km2 of the new land; by default the observed density
        (``current_pop`` over the urban area).
    target_area : float, optional
        Land demand in m2, instead of the population projection.
    tolerance : float
        Relative tolerance on the band's area (bisection on the distance).

    Returns
    -------
    pandas.DataFrame
        One row: ``distance`` (m), ``land_demand`` and ``band_area`` (m2),
        ``urban_area`` (m2), ``current_pop``, ``projected_pop``, ``added_pop``,
        ``density`` (inhabitants per km2), ``iterations``, ``note`` and
        ``geometry`` (the band; empty when there is no demand).

    Examples
    --------
    >>> import shapely
    >>> out = prospective_buffer([shapely.box(1000, 1000, 2000, 2000)], 10000, 0.0, 10, target_area=40400,
    ...                          tolerance=1e-6)
    >>> print(f"{out.loc[0, 'distance']:.2f} m, {out.loc[0, 'band_area']:.0f} m2")
    10.02 m, 40400 m2
    """
    import shapely

    parts = _polygon_parts(urban, "the urban area")
    if len(parts) == 0:
        raise EmptyInputError("No urban polygon: the prospective buffer needs the current urban area.")
    dissolved = _explode(dissolve_parts(parts))
    base = shapely.multipolygons(dissolved)
    base_area = base.area
    projected = added = np.nan
    if target_area is None:
        if not (current_pop is not None and current_pop > 0 and growth_rate is not None and growth_rate > -1
                and horizon_years is not None and horizon_years >= 0):
            raise InvalidValueError("A positive current population, a growth rate above -100 % and a "
                                    "horizon of 0 years or more are needed (or a target area).")
        projected = current_pop * (1.0 + growth_rate) ** horizon_years
        added = projected - current_pop
        per_m2 = current_pop / base_area if density is None else density / 1e6
        if not per_m2 > 0:
            raise InvalidValueError("The density must be positive; got {density}.", density=density)
        demand = added / per_m2
    else:
        demand = float(target_area)
        per_m2 = np.nan if not current_pop else current_pop / base_area
    row = {"distance": 0.0, "land_demand": demand, "band_area": 0.0, "urban_area": base_area,
           "current_pop": current_pop, "projected_pop": projected, "added_pop": added,
           "density": per_m2 * 1e6, "iterations": 0, "note": "", "geometry": shapely.Polygon()}
    if not demand > 0:
        row["note"] = "No land demand (the population does not grow): no band."
        return pd.DataFrame([row])

    def grown(distance):
        return dissolve_parts(shapely.buffer(dissolved, distance, quad_segs=quad_segs))

    def gained(distance):
        return float(shapely.area(grown(distance)).sum()) - base_area

    low, high = 0.0, demand / max(shapely.length(base), 1e-9)
    iterations = 0
    while gained(high) < demand:
        low, high = high, 2.0 * high
        iterations += 1
    while iterations < max_iterations:
        iterations += 1
        middle = 0.5 * (low + high)
        gained_area = gained(middle)
        if abs(gained_area - demand) <= tolerance * demand:
            low = high = middle
            break
        low, high = (middle, high) if gained_area < demand else (low, middle)
    distance = 0.5 * (low + high)
    band = shapely.difference(shapely.multipolygons(_explode(grown(distance))), base)
    row.update(distance=distance, band_area=band.area, iterations=iterations, geometry=band)
    if abs(band.area - demand) > tolerance * demand:
        row["note"] = f"Stopped after {iterations} iterations {abs(band.area / demand - 1):.2%} from the demand."
    return pd.DataFrame([row])


@dataclass
class UrbanExtent:
    """UN-Habitat urban-extent classes on a grid (row 0 north, ``origin`` its top-left corner)."""

    classes: np.ndarray  #: uint8 codes of :data:`EXTENT_CLASSES`
    density: np.ndarray  #: built-up share within the radius (0 to 1)
    cover: np.ndarray  #: built-up share of each cell (0 to 1)
    origin: tuple
    cell: float
    table: pd.DataFrame  #: per class: label, cells, area (m2)
    params: dict = field(default_factory=dict)

    def polygons(self, codes=None):
        """Dissolved polygons per class code (pandas Series indexed by code).

        Fine grids give intricate classes (rural open space holds a hole per
        building): ask for the ``codes`` needed, or :meth:`extent_polygon`.
        """
        classes = self.classes if codes is None else np.where(np.isin(self.classes, list(codes)), self.classes, 0)
        return grid_polygons(classes, self.origin, self.cell)

    def extent_polygon(self):
        """The urban extent (urban and suburban built-up, fringe and captured open space), dissolved."""
        import shapely

        polygons = grid_polygons(np.isin(self.classes, [1, 2, 3, 4]).astype(np.uint8), self.origin, self.cell)
        return polygons.get(1, shapely.MultiPolygon())


def built_up_cover(built_up, *, cell=10.0, pad=0, max_cells=50_000_000):
    """Share of each grid cell covered by polygons, exact (overlaps capped at 1).

    The grid's origin sits on multiples of ``cell``; ``pad`` cells of margin
    surround the polygons' extent. Cells inside a polygon take its full area
    without an intersection (prepared ``contains_properly``).

    Returns
    -------
    (numpy.ndarray, (float, float))
        The float32 shares (row 0 north) and the grid's (left, top) corner.

    Examples
    --------
    >>> import shapely
    >>> cover, origin = built_up_cover([shapely.box(1005, 1000, 1020, 1010)], cell=10)
    >>> origin, cover.tolist()
    ((1000.0, 1010.0), [[0.5, 1.0]])
    """
    import shapely

    parts = _polygon_parts(built_up, "the built-up")
    if len(parts) == 0:
        raise EmptyInputError("No built-up polygon to put on the grid.")
    xmin, ymin, xmax, ymax = shapely.total_bounds(parts)
    left = (np.floor(xmin / cell) - pad) * cell
    top = (np.ceil(ymax / cell) + pad) * cell
    n_cols = int(np.ceil(xmax / cell) + pad - np.floor(xmin / cell) + pad)
    n_rows = int(np.ceil(ymax / cell) + pad - np.floor(ymin / cell) + pad)
    if n_rows * n_cols > max_cells:
        raise InvalidValueError("A grid of {rows:,} x {cols:,} cells of {cell} m is too large (limit {limit:,}): "
                                "choose larger cells or a smaller area.", rows=n_rows, cols=n_cols, cell=cell,
                                limit=max_cells)
    b = shapely.bounds(parts)
    c0 = np.floor((b[:, 0] - left) / cell).astype(np.int64)
    c1 = np.maximum(np.ceil((b[:, 2] - left) / cell).astype(np.int64), c0 + 1)
    r0 = np.floor((top - b[:, 3]) / cell).astype(np.int64)
    r1 = np.maximum(np.ceil((top - b[:, 1]) / cell).astype(np.int64), r0 + 1)
    widths, heights = c1 - c0, r1 - r0
    sizes = widths * heights
    owner = np.repeat(np.arange(len(parts)), sizes)
    offset = np.arange(len(owner)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    row = r0[owner] + offset // widths[owner]
    col = c0[owner] + offset % widths[owner]
    area = np.zeros(len(owner))
    single = sizes[owner] == 1
    area[single] = shapely.area(parts[owner[single]])
    rest = np.flatnonzero(~single)
    if len(rest):
        x = left + col[rest] * cell
        y = top - row[rest] * cell
        boxes = shapely.box(x, y - cell, x + cell, y)
        shapely.prepare(parts)
        inside = shapely.contains_properly(parts[owner[rest]], boxes)
        area[rest[inside]] = cell * cell
        edge = rest[~inside]
        area[edge] = shapely.area(shapely.intersection(parts[owner[edge]], boxes[~inside]))
        shapely.destroy_prepared(parts)
    cover = np.bincount(row * n_cols + col, weights=area, minlength=n_rows * n_cols) / (cell * cell)
    return np.minimum(cover, 1.0).reshape(n_rows, n_cols).astype(np.float32), (float(left), float(top))


def _disc(radius_cells):
    r = int(np.floor(radius_cells))
    yy, xx = np.mgrid[-r:r + 1, -r:r + 1]
    return (xx * xx + yy * yy <= radius_cells * radius_cells + 1e-9).astype(np.float64)


def urban_extent_grid(cover, origin, cell, *, radius=500.0, min_cover=0.5, fringe=100.0,
                      captured_max_area=2_000_000.0):
    """UN-Habitat classes from a grid of built-up shares (a raster, or :func:`built_up_cover`).

    Parameters
    ----------
    cover : 2-D array of float
        Built-up share of each cell, 0 to 1 (0/1 for a classified raster; NaN
        is open land), row 0 north. Land beyond the grid counts as open: pad a
        raster that stops at its data.
    origin : (float, float)
        The grid's (left, top) corner, in metres.
    cell : float
        Cell side in metres.
    radius, min_cover, fringe, captured_max_area
        As in :func:`urban_extent_classes`.

    Returns
    -------
    UrbanExtent

    Examples
    --------
    >>> cover = np.zeros((40, 40)); cover[10:30, 10:30] = 1.0
    >>> out = urban_extent_grid(cover, (500000.0, 6600400.0), 10.0, radius=50, fringe=20)
    >>> out.table.loc[[1, 2, 3], "cells"].tolist()
    [376, 24, 164]
    """
    from scipy import ndimage, signal

    cover = np.clip(np.nan_to_num(np.asarray(cover, dtype=np.float64), nan=0.0), 0.0, 1.0)
    if cover.ndim != 2 or not cell > 0:
        raise InvalidValueError("The built-up grid must be 2-D with a positive cell size.")
    refuse_degrees((origin[0], origin[1] - cover.shape[0] * cell, origin[0] + cover.shape[1] * cell, origin[1]),
                   what="the built-up grid")
    if radius / cell > 1000:
        raise InvalidValueError("A radius of {radius} m spans {cells:,.0f} cells of {cell}: is the cell size in metres?",
                                radius=radius, cells=radius / cell, cell=cell)
    disc = _disc(radius / cell)
    density = signal.fftconvolve(cover, disc, mode="same") / disc.sum()
    density = np.clip(np.round(density, 9), 0.0, 1.0)
    built = cover >= min_cover
    urban = built & (density > 0.5)
    suburban = built & (density >= 0.25) & ~urban
    rural_built = built & ~urban & ~suburban
    core = urban | suburban
    near = ndimage.distance_transform_edt(~core, sampling=cell) <= fringe + 1e-9 if core.any() \
        else np.zeros(cover.shape, dtype=bool)
    fringe_open = ~built & near
    outside = ~(core | fringe_open)
    parts, n = ndimage.label(outside, structure=np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]]))
    size = np.bincount(parts.ravel(), minlength=n + 1)
    has_built = np.bincount(parts.ravel(), weights=rural_built.ravel(), minlength=n + 1) > 0
    border = np.zeros(n + 1, dtype=bool)
    border[np.concatenate([parts[0], parts[-1], parts[:, 0], parts[:, -1]])] = True
    captured_part = (size * cell * cell < captured_max_area) & ~has_built & ~border
    captured_part[0] = False
    captured = captured_part[parts]
    classes = np.select([urban, suburban, fringe_open, captured, rural_built], [1, 2, 3, 4, 5], 6).astype(np.uint8)
    counts = np.bincount(classes.ravel(), minlength=7)[1:]
    table = pd.DataFrame({"label": list(EXTENT_CLASSES.values()), "cells": counts.astype(np.int64),
                          "area": counts * float(cell) ** 2}, index=pd.Index(list(EXTENT_CLASSES), name="code"))
    params = {"radius": radius, "cell": cell, "min_cover": min_cover, "fringe": fringe,
              "captured_max_area": captured_max_area,
              "urban_extent_area": float(table.loc[[1, 2, 3, 4], "area"].sum())}
    return UrbanExtent(classes=classes, density=density.astype(np.float32), cover=cover.astype(np.float32),
                       origin=tuple(origin), cell=float(cell), table=table, params=params)


def urban_extent_classes(built_up, *, radius=500.0, cell=10.0, min_cover=0.5, fringe=100.0,
                         captured_max_area=2_000_000.0, max_cells=50_000_000):
    """UN-Habitat urban, suburban and rural built-up, fringe and captured open space.

    Parameters
    ----------
    built_up : sequence of shapely polygons
        Fine built-up polygons (built-up land, or building footprints) in metres.
    radius : float
        Radius of the neighbourhood whose built-up share classifies a cell (m).
    cell : float
        Grid cell side (m). 10 m by default, the size of Sentinel-2 built-up
        layers: a building footprint then covers whole cells. Trends.Earth
        works on 30 m Landsat cells; larger cells suit larger areas (memory:
        about 30 bytes per cell).
    min_cover : float
        Share of a cell that polygons must cover for it to be built-up; with
        footprints rather than built-up land (streets and yards left out),
        a lower value or larger polygons may suit better.
    fringe : float
        Open cells within this distance of urban or suburban built-up cells
        are fringe open space (m).
    captured_max_area : float
        Enclosed open patches below this area (m2; 200 ha) are captured.
    max_cells : int
        Refuse grids larger than this.

    Returns
    -------
    UrbanExtent
        ``classes`` (codes 1 urban built-up, 2 suburban built-up, 3 fringe open
        space, 4 captured open space, 5 rural built-up, 6 rural open space),
        ``density``, ``cover``, ``origin``, ``cell``, the per-class ``table``
        and ``params`` (with ``urban_extent_area``: classes 1 to 4).

    Examples
    --------
    >>> import shapely
    >>> out = urban_extent_classes([shapely.box(10000, 10000, 11000, 11000)], cell=50, radius=300, fringe=50)
    >>> out.table.loc[[1, 2, 3], "area"].tolist()
    [900000.0, 100000.0, 200000.0]
    """
    pad = int(np.ceil((radius + fringe) / cell)) + 2
    cover, origin = built_up_cover(built_up, cell=cell, pad=pad, max_cells=max_cells)
    return urban_extent_grid(cover, origin, cell, radius=radius, min_cover=min_cover, fringe=fringe,
                             captured_max_area=captured_max_area)
