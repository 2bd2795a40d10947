"""Degree of urbanisation (DEGURBA) on a population grid (methods.md, section 4).

Official rules (UN Statistical Commission 2020; Eurostat et al., *Applying the
Degree of Urbanisation*, 2021), every threshold a parameter of
:func:`classify_grid` and recorded in its ``params``:

- density is the population per km2 of land: ``pop / (cell_area * land_share)``;
- urban centre: cells of density >= 1,500, 4-connected (no diagonals), whose
  cluster holds >= 50,000 inhabitants; gaps below 15 km2 are filled and the
  edges smoothed by the majority rule (a cell joins when at least 5 of its 8
  neighbours belong to the same centre), repeated until no cell is added;
- urban cluster: cells of density >= 300, 8-connected, >= 5,000 inhabitants;
- rural grid cell: every other cell;
- local units: a *city* has >= 50 % of its population in urban centres; a
  *rural area* >= 50 % in rural cells; the others are *towns and semi-dense
  areas* (< 50 % in centres and < 50 % in rural cells).

Our choices, where the manual leaves room (the help text says so):

- Order: each round fills the gaps of every centre, then applies one majority
  pass to all cells at once (simultaneous update, so the result never depends
  on a scanning order); rounds repeat until a round adds nothing. The rule only
  adds cells, so it always stops.
- A gap of a centre is a group of cells outside it, 8-connected to each other
  (the dual of the centre's 4-connectivity) and cut off from the grid's
  outside by that centre alone; its area counts whole cells (``cell_area``).
- Cells of another centre are never taken by a gap or the majority rule.
  Centres that come to touch (4-connected) once grown are merged at the end.
- An urban cluster also holds the urban-centre cells (filled gaps included):
  clusters are the 8-connected groups of ``density >= 300`` or centre cells.
- Ids: centres and clusters are numbered 1, 2, ... by decreasing population
  (ties: the first cell in row order); 0 means none.
- A cell with no population value (NaN) counts 0 inhabitants; it is class 0
  (no data) unless a centre or a cluster took it. A cell without land
  (``land_share`` 0) has no density and is never dense.
- A local unit without inhabitants gets no class (NULL).

Grids follow raster order: row 0 is the northern row, ``origin`` is the
(left, top) corner, cells are squares of side ``cell`` in the CRS unit (metres).
Coordinates are never reprojected here: the glue hands over one projected CRS;
:func:`refuse_degrees` stops the obvious mistake of longitudes and latitudes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .errors import InvalidValueError, first_labels

CELL_CLASSES = {0: "no data", 1: "rural grid cell", 2: "urban cluster", 3: "urban centre"}
UNIT_CLASSES = {1: "city", 2: "town and semi-dense area", 3: "rural area"}
_FOUR = np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]], dtype=bool)
_EIGHT = np.ones((3, 3), dtype=bool)


class GeographicCoordinatesError(InvalidValueError):
    """Coordinates that look like longitudes and latitudes where metres are needed."""


def refuse_degrees(bounds, *, what="the input"):
    """Refuse coordinates that look like degrees.

    The rule: every coordinate lies within [-180, 180] x [-90, 90]. Data in a
    projected CRS almost never does (a UTM easting starts near 166,000 m,
    Lambert-93 near 100,000 m), so only geographic coordinates trip it; hand-made
    metric data must not sit within 180 m of the CRS origin.

    Parameters
    ----------
    bounds : sequence of 4 floats
        ``(xmin, ymin, xmax, ymax)`` of all the coordinates; NaN (no data) passes.

    Examples
    --------
    >>> refuse_degrees((651000.0, 6860000.0, 652000.0, 6861000.0))
    >>> try:
    ...     refuse_degrees((2.29, 48.85, 2.40, 48.90), what="the buildings")
    ... except GeographicCoordinatesError as error:
    ...     print(error)
    the buildings: coordinates between 2.29 and 2.4 (x) and 48.85 and 48.9 (y) look like degrees;
    reproject to a projected CRS in metres first.
    """
    xmin, ymin, xmax, ymax = (float(v) for v in bounds)
    if not np.isfinite([xmin, ymin, xmax, ymax]).all():
        return
    if -180 <= xmin and xmax <= 180 and -90 <= ymin and ymax <= 90:
        raise GeographicCoordinatesError(
            "{what}: coordinates between {xmin} and {xmax} (x) and {ymin} and {ymax} (y) look like degrees; "
            "reproject to a projected CRS in metres first.", what=what, xmin=xmin, xmax=xmax, ymin=ymin, ymax=ymax)


def union_by_group(geometries, groups):
    """Union of the geometries sharing a group number, vectorised per group size.

    Returns the sorted unique groups and their unions (a single geometry is
    returned as is). Groups of equal size are unioned in one call of
    ``shapely.union_all(..., axis=1)``, so the loop runs over distinct sizes only.

    Examples
    --------
    >>> import shapely
    >>> g, u = union_by_group(np.array([shapely.box(0, 0, 1, 1), shapely.box(5, 5, 6, 6),
    ...                                 shapely.box(1, 0, 2, 1)]), np.array([7, 3, 7]))
    >>> g.tolist(), [round(x.area, 6) for x in u]
    ([3, 7], [1.0, 2.0])
    """
    import shapely

    groups = np.asarray(groups)
    order = np.argsort(groups, kind="stable")
    geoms = np.asarray(geometries, dtype=object)[order]
    unique, start, counts = np.unique(groups[order], return_index=True, return_counts=True)
    out = np.empty(len(unique), dtype=object)
    single = counts == 1
    out[single] = geoms[start[single]]
    for size in np.unique(counts[~single]):
        rows = np.flatnonzero(counts == size)
        out[rows] = shapely.union_all(geoms[start[rows][:, None] + np.arange(size)], axis=1)
    return unique, out


def dissolve_parts(geometries, *, max_pairs=4_000_000):
    """Union of polygons as disjoint pieces: only groups that overlap or touch are unioned.

    GEOS's ``union_all`` is slow on many disjoint polygons (19,000 small
    buffers: 3 s); here an STR-tree finds the groups sharing a point and each
    group is unioned on its own (:func:`union_by_group`). When a sample says the
    polygons overlap so much that the pairs would exceed ``max_pairs``, a plain
    ``union_all`` is cheaper and is used.

    Returns
    -------
    numpy.ndarray of shapely (Multi)Polygons
        One per group, pairwise disjoint; their union is the input's.

    Examples
    --------
    >>> import shapely
    >>> parts = dissolve_parts([shapely.box(0, 0, 2, 2), shapely.box(1, 1, 3, 3), shapely.box(9, 9, 10, 10)])
    >>> sorted(round(p.area, 6) for p in parts)
    [1.0, 7.0]
    """
    import shapely
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    geoms = np.asarray(geometries, dtype=object)
    n = len(geoms)
    if n <= 1:
        return geoms.copy()
    tree = shapely.STRtree(geoms)
    sample = np.unique(np.linspace(0, n - 1, min(n, 256)).astype(np.int64))
    if len(tree.query(geoms[sample])[0]) * n / len(sample) > max_pairs:
        return np.array([shapely.union_all(geoms)], dtype=object)
    left, right = tree.query(geoms, predicate="intersects")
    graph = coo_matrix((np.ones(len(left), dtype=np.int8), (left, right)), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    return union_by_group(geoms, component)[1]


def population_grid(x, y, population, *, cell=1000.0, bounds=None):
    """Sum population points into a grid of square cells aligned on multiples of ``cell``.

    A point belongs to the cell whose left and bottom edges are at or below it
    (intervals closed below, open above), so a point on a shared edge goes to
    the cell to its north-east.

    Parameters
    ----------
    x, y : array-like of float
        Point coordinates in a projected CRS (metres); see :func:`refuse_degrees`.
    population : array-like of float
        Inhabitants of each point; NaN counts 0, negatives are refused.
    cell : float
        Cell side (1,000 m for DEGURBA's 1 km2 cells).
    bounds : tuple, optional
        ``(xmin, ymin, xmax, ymax)`` the grid must cover (widened to the
        multiples of ``cell``); every point must lie inside.

    Returns
    -------
    (numpy.ndarray, (float, float))
        The 2-D grid (row 0 north) and its origin, the (left, top) corner.

    Examples
    --------
    >>> grid, origin = population_grid([1500.0, 2000.0, 2999.0], [500.0, 1000.0, 1999.0], [10, 20, 30])
    >>> origin, grid.tolist()
    ((1000.0, 2000.0), [[0.0, 50.0], [10.0, 0.0]])
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    pop = np.asarray(population, dtype=float)
    if not (len(x) == len(y) == len(pop)):
        raise InvalidValueError("x, y and population must have the same length; got {n_x}, {n_y}, {n_pop}.",
                                n_x=len(x), n_y=len(y), n_pop=len(pop))
    if not cell > 0:
        raise InvalidValueError("The cell size must be positive; got {cell}.", cell=cell)
    if (pop < 0).any():
        raise InvalidValueError("Populations must not be negative; {n} are.", n=int((pop < 0).sum()))
    pop = np.nan_to_num(pop, nan=0.0)
    ok = np.isfinite(x) & np.isfinite(y)
    x, y, pop = x[ok], y[ok], pop[ok]
    if bounds is None:
        if len(x) == 0:
            raise InvalidValueError("No point with coordinates: the grid would be empty.")
        bounds = (x.min(), y.min(), x.max(), y.max())
    refuse_degrees((x.min(), y.min(), x.max(), y.max()) if len(x) else bounds, what="the population points")
    left, bottom = np.floor(bounds[0] / cell) * cell, np.floor(bounds[1] / cell) * cell
    n_cols = int(np.floor((bounds[2] - left) / cell)) + 1
    n_rows = int(np.floor((bounds[3] - bottom) / cell)) + 1
    col = np.floor((x - left) / cell).astype(np.int64)
    row = n_rows - 1 - np.floor((y - bottom) / cell).astype(np.int64)
    outside = (col < 0) | (col >= n_cols) | (row < 0) | (row >= n_rows)
    if outside.any():
        raise InvalidValueError("{n} points lie outside the bounds {bounds}.", n=int(outside.sum()),
                                bounds=tuple(bounds))
    grid = np.bincount(row * n_cols + col, weights=pop, minlength=n_rows * n_cols).reshape(n_rows, n_cols)
    return grid, (float(left), float(bottom + n_rows * cell))


def grid_cells(shape, origin, cell):
    """Square polygons of every cell of a grid, in row-major order (row 0 north).

    Examples
    --------
    >>> [b.bounds for b in grid_cells((1, 2), (0.0, 1000.0), 1000.0)]
    [(0.0, 0.0, 1000.0, 1000.0), (1000.0, 0.0, 2000.0, 1000.0)]
    """
    import shapely

    rows, cols = np.divmod(np.arange(shape[0] * shape[1]), shape[1])
    left = origin[0] + cols * cell
    top = origin[1] - rows * cell
    return shapely.box(left, top - cell, left + cell, top)


def grid_polygons(values, origin, cell, *, background=0):
    """Dissolved polygons of the cells sharing a value (``background`` cells left out).

    Runs of equal cells along each row become rectangles first, so the union
    works on far fewer pieces than cells.

    Returns
    -------
    pandas.Series
        Shapely (Multi)Polygons indexed by value, in increasing order.

    Examples
    --------
    >>> polys = grid_polygons(np.array([[1, 1, 0], [0, 1, 2]]), (0.0, 20.0), 10.0)
    >>> polys.index.tolist(), polys[1].area, polys[2].bounds
    ([1, 2], 300.0, (20.0, 0.0, 30.0, 10.0))
    """
    import shapely

    values = np.asarray(values)
    n_rows, n_cols = values.shape
    starts = np.ones(values.shape, dtype=bool)
    starts[:, 1:] = values[:, 1:] != values[:, :-1]
    flat = np.flatnonzero(starts)
    row, col = np.divmod(flat, n_cols)
    end = np.append(col[1:], n_cols)
    end[np.append(row[1:] != row[:-1], True)] = n_cols
    value = values.ravel()[flat]
    keep = value != background
    row, col, end, value = row[keep], col[keep], end[keep], value[keep]
    # Runs with the same value and columns in consecutive rows stack into one rectangle.
    order = np.lexsort((row, end, col, value))
    row, col, end, value = row[order], col[order], end[order], value[order]
    new = np.ones(len(row), dtype=bool)
    new[1:] = (value[1:] != value[:-1]) | (col[1:] != col[:-1]) | (end[1:] != end[:-1]) | (row[1:] != row[:-1] + 1)
    first = np.flatnonzero(new)
    last = np.append(first[1:], len(row)) - 1
    top = origin[1] - row[first] * cell
    bottom = origin[1] - (row[last] + 1) * cell
    boxes = shapely.box(origin[0] + col[first] * cell, bottom, origin[0] + end[first] * cell, top)
    value = value[first]
    if len(boxes) == 0:
        return pd.Series(dtype=object)
    groups, unions = union_by_group(boxes, value)
    return pd.Series(unions, index=pd.Index(groups), dtype=object)


@dataclass
class DegurbaGrid:
    """The classified grid: arrays of the input's shape, and one table per centre and cluster."""

    cell_class: np.ndarray  #: int8: 3 urban centre, 2 urban cluster, 1 rural, 0 no data
    centre_id: np.ndarray  #: int32, 0 outside any urban centre
    cluster_id: np.ndarray  #: int32, 0 outside any urban cluster
    density: np.ndarray  #: inhabitants per km2 of land (NaN without land)
    centres: pd.DataFrame  #: index id: population, cells, area_km2, cluster
    clusters: pd.DataFrame  #: index id: population, cells, area_km2, centre_population
    params: dict = field(default_factory=dict)
    rounds: int = 0  #: rounds of gap filling and smoothing until stable


def _ranked(labels, pop):
    """Renumber labels 1.. by decreasing population (ties: first cell in row order)."""
    n = int(labels.max()) if labels.size else 0
    if n == 0:
        return labels.astype(np.int32), np.zeros(0)
    totals = np.bincount(labels.ravel(), weights=pop.ravel(), minlength=n + 1)[1:]
    first = np.full(n, labels.size)
    flat = labels.ravel()
    nz = np.flatnonzero(flat)
    np.minimum.at(first, flat[nz] - 1, nz)
    order = np.lexsort((first, -totals))
    lookup = np.zeros(n + 1, dtype=np.int32)
    lookup[order + 1] = np.arange(1, n + 1, dtype=np.int32)
    return lookup[labels], totals[order]


def _fill_gaps(labels, max_cells):
    """Fill each centre's gaps smaller than ``max_cells``; returns the number of cells added."""
    from scipy import ndimage

    added = 0
    n_rows, n_cols = labels.shape
    for k, box in enumerate(ndimage.find_objects(labels), start=1):
        if box is None:
            continue
        r0, r1 = max(box[0].start - 1, 0), min(box[0].stop + 1, n_rows)
        c0, c1 = max(box[1].start - 1, 0), min(box[1].stop + 1, n_cols)
        sub = labels[r0:r1, c0:c1]
        own = sub == k
        # The background floods from the crop's border through 8-connected cells.
        holes = ndimage.binary_fill_holes(own, structure=_EIGHT) & ~own
        if not holes.any():
            continue
        gap, n_gaps = ndimage.label(holes, structure=_EIGHT)
        size = np.bincount(gap.ravel(), minlength=n_gaps + 1)
        small = size < max_cells
        small[0] = False
        take = small[gap] & (sub == 0)
        added += int(take.sum())
        sub[take] = k
    return added


def _majority_pass(labels, majority):
    """Add every cell with at least ``majority`` of its 8 neighbours in one centre."""
    from scipy import ndimage

    inside = labels > 0
    ring = _EIGHT.astype(np.int16)
    ring[1, 1] = 0
    count = ndimage.convolve(inside.astype(np.int16), ring, mode="constant")
    rows, cols = np.nonzero(~inside & (count >= majority))
    if len(rows) == 0:
        return 0
    padded = np.pad(labels, 1)
    neighbours = np.stack([padded[rows + 1 + dr, cols + 1 + dc]
                           for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc], axis=1)
    # A label held by >= 5 of 8 sorted neighbours always sits at position 4.
    candidate = np.sort(neighbours, axis=1)[:, 4]
    votes = (neighbours == candidate[:, None]).sum(axis=1)
    join = (candidate > 0) & (votes >= majority)
    labels[rows[join], cols[join]] = candidate[join]
    return int(join.sum())


def _check_grid(population, land_share):
    pop = np.array(population, dtype=float)
    if pop.ndim != 2:
        raise InvalidValueError("The population grid must be 2-D; got {ndim} dimension(s).", ndim=pop.ndim)
    if (pop < 0).any():
        raise InvalidValueError("Populations must not be negative; {n} cells are.", n=int((pop < 0).sum()))
    land = np.ones_like(pop) if land_share is None else np.array(land_share, dtype=float)
    if land.shape != pop.shape:
        raise InvalidValueError("land_share has the shape {shape}, the grid {grid_shape}.", shape=str(land.shape),
                                grid_shape=str(pop.shape))
    land = np.nan_to_num(land, nan=0.0)
    if ((land < 0) | (land > 1)).any():
        raise InvalidValueError("land_share holds shares between 0 and 1.")
    return pop, land


def classify_grid(population, *, land_share=None, cell_area=1.0, centre_density=1500.0,
                  centre_population=50000.0, max_gap=15.0, majority=5, cluster_density=300.0,
                  cluster_population=5000.0):
    """Urban centres, urban clusters and rural cells of a population grid.

    Parameters
    ----------
    population : 2-D array of float
        Inhabitants per cell (row 0 north); NaN is no data. Not modified.
    land_share : 2-D array of float, optional
        Share of each cell that is land (0 to 1); all land by default.
    cell_area : float
        Area of a cell in km2 (1 for the official 1 km grid).
    centre_density, centre_population : float
        Urban-centre thresholds (inhabitants per km2 of land; inhabitants).
    max_gap : float
        Gaps of a centre strictly below this area (km2) are filled; 0 fills none.
    majority : int or None
        Neighbours (of 8) in a centre that make a cell join it, 5 to 8; None
        switches the smoothing off.
    cluster_density, cluster_population : float
        Urban-cluster thresholds.

    Returns
    -------
    DegurbaGrid

    Examples
    --------
    >>> pop = np.zeros((5, 5)); pop[1:4, 1:4] = 6500.0; pop[2, 2] = 0.0
    >>> out = classify_grid(pop)
    >>> out.cell_class[2].tolist(), int(out.centres.loc[1, "population"])
    ([1, 3, 3, 3, 1], 52000)
    >>> classify_grid(pop, centre_population=60000).cell_class[2].tolist()
    [1, 2, 1, 2, 1]
    """
    from scipy import ndimage

    pop, land = _check_grid(population, land_share)
    if majority is not None and not 5 <= int(majority) <= 8:
        raise InvalidValueError("The majority counts neighbours out of 8 and must be 5 to 8 (None: off); "
                                "got {majority}.", majority=majority)
    if not cell_area > 0:
        raise InvalidValueError("The cell area must be positive; got {cell_area}.", cell_area=cell_area)
    no_data = np.isnan(pop)
    pop = np.nan_to_num(pop, nan=0.0)
    land_km2 = land * cell_area
    density = np.divide(pop, land_km2, out=np.full(pop.shape, np.nan), where=land_km2 > 0)
    dense = np.nan_to_num(density, nan=-1.0) >= centre_density
    labels, n = ndimage.label(dense, structure=_FOUR)
    totals = np.bincount(labels.ravel(), weights=pop.ravel(), minlength=n + 1)
    keep = totals >= centre_population
    keep[0] = False
    lookup = np.zeros(n + 1, dtype=np.int32)
    lookup[keep] = np.arange(1, int(keep.sum()) + 1, dtype=np.int32)
    centres = lookup[labels]
    max_cells = max_gap / cell_area
    rounds = 0
    while centres.any():
        rounds += 1
        added = _fill_gaps(centres, max_cells) if max_gap > 0 else 0
        added += _majority_pass(centres, int(majority)) if majority is not None else 0
        if added == 0:
            break
    centre_mask = centres > 0
    centre_id, centre_pop = _ranked(ndimage.label(centre_mask, structure=_FOUR)[0], pop)
    urban = (np.nan_to_num(density, nan=-1.0) >= cluster_density) | centre_mask
    raw, n = ndimage.label(urban, structure=_EIGHT)
    totals = np.bincount(raw.ravel(), weights=pop.ravel(), minlength=n + 1)
    keep = totals >= cluster_population
    keep[0] = False
    lookup = np.zeros(n + 1, dtype=np.int32)
    lookup[keep] = np.arange(1, int(keep.sum()) + 1, dtype=np.int32)
    cluster_id, cluster_pop = _ranked(lookup[raw], pop)
    cell_class = np.where(centre_mask, 3, np.where(cluster_id > 0, 2, 1)).astype(np.int8)
    cell_class[no_data & (cell_class == 1)] = 0
    return DegurbaGrid(
        cell_class=cell_class, centre_id=centre_id, cluster_id=cluster_id, density=density,
        centres=_table(centre_id, pop, centre_pop, cell_area, cluster_id, "cluster"),
        clusters=_table(cluster_id, pop, cluster_pop, cell_area, centre_mask, "centre_population"),
        params={"centre_density": centre_density, "centre_population": centre_population,
                "max_gap": max_gap, "majority": majority, "cluster_density": cluster_density,
                "cluster_population": cluster_population, "cell_area": cell_area,
                "land_share": land_share is not None},
        rounds=rounds)


def _table(ids, pop, totals, cell_area, other, other_name):
    n = len(totals)
    flat = ids.ravel()
    cells = np.bincount(flat, minlength=n + 1)[1:]
    table = pd.DataFrame({"population": totals, "cells": cells.astype(np.int64),
                          "area_km2": cells * cell_area}, index=pd.RangeIndex(1, n + 1, name="id"))
    if other.dtype == bool:  # the population of the cluster living in urban-centre cells
        table[other_name] = np.bincount(flat, weights=(pop * other).ravel(), minlength=n + 1)[1:]
    else:  # the cluster holding each centre (a centre lies in exactly one)
        where = np.zeros(n + 1, dtype=np.int32)
        where[flat] = other.ravel()
        table[other_name] = where[1:]
    return table


def classify_units(cell_class, cell_pop, unit_of_cell, *, threshold=0.5):
    """Cities, towns and semi-dense areas, rural areas: local units from the classified cells.

    Parameters
    ----------
    cell_class : array-like of int
        Cell classes from :func:`classify_grid` (3, 2, 1, 0).
    cell_pop : array-like of float
        Inhabitants of each cell (or of each part of a cell: to split a cell
        between units, pass one entry per part, with the part's population).
    unit_of_cell : array-like
        Unit code of each entry, same shape; missing codes are left out.
    threshold : float
        The 50 % share of the rules.

    Returns
    -------
    pandas.DataFrame
        Indexed by unit code (sorted): ``population``, ``pop_urban_centre``,
        ``pop_urban_cluster`` (urban clusters, centres included, as Eurostat
        counts them), ``pop_rural`` (rural and no-data cells),
        ``share_urban_centre``, ``share_urban_clusters`` (its share: centres
        included too), ``share_rural``,
        ``degurba`` (1 city, 2 town and semi-dense area, 3 rural area; NULL
        without inhabitants) and ``degurba_label``.

    Examples
    --------
    >>> out = classify_units([3, 1, 2, 1, 1], [60, 40, 50, 50, 10], ["A", "A", "B", "B", "C"])
    >>> out[["share_urban_centre", "share_rural", "degurba_label"]].values.tolist()
    [[0.6, 0.4, 'city'], [0.0, 0.5, 'rural area'], [0.0, 1.0, 'rural area']]
    """
    cls = np.asarray(cell_class).ravel()
    pop = np.asarray(cell_pop, dtype=float).ravel()
    units = pd.Series(np.asarray(unit_of_cell, dtype=object).ravel())
    if not len(cls) == len(pop) == len(units):
        raise InvalidValueError("cell_class, cell_pop and unit_of_cell differ in size: {n_cls}, {n_pop}, "
                                "{n_units}.", n_cls=len(cls), n_pop=len(pop),
                                n_units=len(units))
    if (pop < 0).any():
        raise InvalidValueError("Populations must not be negative; {n} are.", n=int((pop < 0).sum()))
    bad = ~np.isin(cls, list(CELL_CLASSES))
    if bad.any():
        raise InvalidValueError("Unknown cell classes: {classes} (expected 0 to 3).",
                                classes=first_labels(np.unique(cls[bad])))
    pop = np.nan_to_num(pop, nan=0.0)
    known = units.notna().to_numpy() & (units.astype(str).str.strip() != "").to_numpy()
    table = pd.DataFrame({"unit": units[known].to_numpy(), "centre": np.where(cls == 3, pop, 0.0)[known],
                          "cluster": np.where(cls == 2, pop, 0.0)[known],
                          "rural": np.where(cls <= 1, pop, 0.0)[known]})
    sums = table.groupby("unit", sort=True)[["centre", "cluster", "rural"]].sum()
    total = sums.sum(axis=1).to_numpy()
    out = pd.DataFrame({"population": total, "pop_urban_centre": sums["centre"].to_numpy(),
                        "pop_urban_cluster": sums["centre"].to_numpy() + sums["cluster"].to_numpy(),
                        "pop_rural": sums["rural"].to_numpy()}, index=sums.index.rename(None))

    def share(part):
        return np.divide(part, total, out=np.full(len(total), np.nan), where=total > 0)

    out["share_urban_centre"] = share(out["pop_urban_centre"].to_numpy())
    out["share_urban_clusters"] = share(out["pop_urban_cluster"].to_numpy())  # centres included, as its population
    out["share_rural"] = share(out["pop_rural"].to_numpy())
    code = np.select([total <= 0, out["share_urban_centre"].to_numpy() >= threshold,
                      out["share_rural"].to_numpy() >= threshold], [0, 1, 3], default=2)
    degurba = pd.array(code, dtype="Int64")
    degurba[code == 0] = pd.NA
    out["degurba"] = degurba
    out["degurba_label"] = pd.Series([UNIT_CLASSES.get(c) for c in code], index=out.index, dtype=object)
    out.attrs["params"] = {"threshold": threshold}
    return out

