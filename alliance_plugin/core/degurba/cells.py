"""Degree of urbanisation (DEGURBA), level 2: the cells of a population grid (methods.md, section 4).

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
:func:`..geometry.refuse_degrees` stops the obvious mistake of longitudes and
latitudes. Building the grid (points summed into cells, polygons read as the
cells of a grid) is :mod:`..grid`'s; the cells written back, with their class,
ids and unit, are :func:`.units.cell_table`'s.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import InvalidValueError
from ..progress import Canceled

CELL_CLASSES = {0: "no data", 1: "rural grid cell", 2: "urban cluster", 3: "urban centre"}
UNIT_CLASSES = {1: "city", 2: "town and semi-dense area", 3: "rural area"}
_FOUR = np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]], dtype=bool)
_EIGHT = np.ones((3, 3), dtype=bool)


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


def _populous(labels, n, pop, minimum):
    """The groups of ``labels`` (1..n) holding at least ``minimum`` inhabitants, renumbered 1.. in label order."""
    totals = np.bincount(labels.ravel(), weights=pop.ravel(), minlength=n + 1)
    keep = totals >= minimum
    keep[0] = False
    lookup = np.zeros(n + 1, dtype=np.int32)
    lookup[keep] = np.arange(1, int(keep.sum()) + 1, dtype=np.int32)
    return lookup[labels]


def _checkpoint(progress, is_canceled, value=None):
    """Report ``value`` (percent) when given, then stop when canceled (as ``growth_patches`` checks between steps)."""
    if progress is not None and value is not None:
        progress(value)
    if is_canceled is not None and is_canceled():
        raise Canceled


def _fill_gaps(labels, max_cells, is_canceled=None):
    """Fill each centre's gaps smaller than ``max_cells``; returns the number of cells added."""
    from scipy import ndimage

    added = 0
    n_rows, n_cols = labels.shape
    for k, box in enumerate(ndimage.find_objects(labels), start=1):
        if box is None:
            continue
        _checkpoint(None, is_canceled)  # one centre at a time: a large grid holds thousands
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
                  cluster_population=5000.0, progress=None, is_canceled=None):
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
    progress : callable(float), optional
        Told the percentage done (0 to 100, increasing) after each phase and
        each round of gap filling and smoothing.
    is_canceled : callable() -> bool, optional
        Checked between phases and between centres while filling gaps; when
        true the function returns None.

    Returns
    -------
    DegurbaGrid or None

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
    try:
        _checkpoint(progress, is_canceled, 5.0)
        dense = np.nan_to_num(density, nan=-1.0) >= centre_density
        centres = _populous(*ndimage.label(dense, structure=_FOUR), pop, centre_population)
        _checkpoint(progress, is_canceled, 15.0)
        max_cells = max_gap / cell_area
        rounds = 0
        while centres.any():
            rounds += 1
            added = _fill_gaps(centres, max_cells, is_canceled) if max_gap > 0 else 0
            added += _majority_pass(centres, int(majority)) if majority is not None else 0
            _checkpoint(progress, is_canceled, 75.0 - 60.0 * 0.5 ** rounds)  # 45, 60, 67.5... below 75
            if added == 0:
                break
        centre_mask = centres > 0
        centre_id, centre_pop = _ranked(ndimage.label(centre_mask, structure=_FOUR)[0], pop)
        _checkpoint(progress, is_canceled, 80.0)
        urban = (np.nan_to_num(density, nan=-1.0) >= cluster_density) | centre_mask
        cluster_id, cluster_pop = _ranked(_populous(*ndimage.label(urban, structure=_EIGHT), pop,
                                                    cluster_population), pop)
        _checkpoint(progress, is_canceled, 95.0)
    except Canceled:
        return None
    cell_class = np.where(centre_mask, 3, np.where(cluster_id > 0, 2, 1)).astype(np.int8)
    cell_class[no_data & (cell_class == 1)] = 0
    result = DegurbaGrid(
        cell_class=cell_class, centre_id=centre_id, cluster_id=cluster_id, density=density,
        centres=_table(centre_id, pop, centre_pop, cell_area, cluster_id, "cluster"),
        clusters=_table(cluster_id, pop, cluster_pop, cell_area, centre_mask, "centre_population"),
        params={"centre_density": centre_density, "centre_population": centre_population,
                "max_gap": max_gap, "majority": majority, "cluster_density": cluster_density,
                "cluster_population": cluster_population, "cell_area": cell_area,
                "land_share": land_share is not None},
        rounds=rounds)
    if progress is not None:
        progress(100.0)
    return result


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
