"""Degree of urbanisation (DEGURBA), level 1: local units from the classified cells (methods.md, section 4).

UN Statistical Commission (2020); Eurostat et al., *Applying the Degree of Urbanisation* (2021):
a *city* has >= 50 % of its population in urban centres; a *rural area* >= 50 % in rural cells;
the others are *towns and semi-dense areas*. A local unit without inhabitants gets no class (NULL).
Also the cell table written back by the algorithm (class, ids and unit of every occupied cell).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import InvalidValueError, first_labels
from .cells import CELL_CLASSES, UNIT_CLASSES, classify_grid  # noqa: F401 (classify_grid: in the examples)


def classify_units(cell_class, cell_pop, unit_of_cell, *, threshold=0.5):
    """Cities, towns and semi-dense areas, rural areas: local units from the classified cells.

    Parameters
    ----------
    cell_class : array-like of int
        Cell classes from :func:`.cells.classify_grid` (3, 2, 1, 0).
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


def population_shares(cell_class, population):
    """Shares of the population in urban centres and in urban clusters outside them (NaN without inhabitants).

    Examples
    --------
    >>> population_shares(np.array([[3, 2], [1, 1]]), np.array([[60.0, 30.0], [10.0, np.nan]]))
    (0.6, 0.3)
    """
    pop = np.nan_to_num(population, nan=0.0)
    total = pop.sum()
    return tuple(float(pop[cell_class == k].sum() / total) if total > 0 else float("nan") for k in (3, 2))


def occupied_cells(result, population, rows, cols):
    """The (rows, cols) with inhabitants or in an urban cluster or centre: the empty rural cells left out.

    Examples
    --------
    >>> pop = np.array([[0.0, 5.0], [0.0, 0.0]])
    >>> out = classify_grid(pop)
    >>> [a.tolist() for a in occupied_cells(out, pop, np.array([0, 0, 1]), np.array([0, 1, 1]))]
    [[0], [1]]
    """
    pop = np.nan_to_num(population, nan=0.0)
    keep = (pop[rows, cols] > 0) | (result.cell_class[rows, cols] >= 2)
    return rows[keep], cols[keep]


def cell_table(result, population, rows, cols, unit_of_cell=None):
    """One row per cell (row, column): population as given (NaN: no data), density, class and its label,
    centre and cluster ids (NULL outside) and their populations, and the unit when given.

    Examples
    --------
    >>> out = classify_grid(np.array([[6000.0, 0.0]]), centre_population=5000)
    >>> cell_table(out, np.array([[6000.0, 0.0]]), np.array([0, 0]), np.array([0, 1]))[
    ...     ["cell_label", "centre_id", "centre_pop"]].values.tolist()
    [['urban centre', 1, 6000.0], ['rural grid cell', <NA>, nan]]
    """
    cell_class = result.cell_class[rows, cols].astype(np.int64)
    centre = result.centre_id[rows, cols].astype(np.int64)
    cluster = result.cluster_id[rows, cols].astype(np.int64)
    density = result.density[rows, cols]
    table = pd.DataFrame({
        "row": rows, "col": cols, "population": population[rows, cols],
        "density": np.where(np.isfinite(density), density, np.nan),
        "cell_class": cell_class, "cell_label": np.array([CELL_CLASSES[k] for k in range(4)], dtype=object)[cell_class],
        "centre_id": pd.arrays.IntegerArray(centre, centre <= 0),  # Int64, NULL outside (no per-cell Python)
        "centre_pop": result.centres["population"].reindex(centre).to_numpy(),
        "cluster_id": pd.arrays.IntegerArray(cluster, cluster <= 0),
        "cluster_pop": result.clusters["population"].reindex(cluster).to_numpy()})
    if unit_of_cell is not None:
        table["unit"] = unit_of_cell
    return table


def classify_unit_cells(cells, *, threshold=0.5):
    """:func:`classify_units` on the populated rows of a :func:`cell_table` with units.

    Returns
    -------
    (pandas.DataFrame, float)
        The units' table and the population of the cells in no unit.

    Examples
    --------
    >>> cells = pd.DataFrame({"cell_class": [3, 1, 1], "population": [60.0, 40.0, 5.0], "unit": ["A", "A", None]})
    >>> table, outside = classify_unit_cells(cells)
    >>> table["degurba_label"].tolist(), outside
    (['city'], 5.0)
    """
    populated = cells["population"].to_numpy() > 0
    table = classify_units(cells["cell_class"].to_numpy()[populated], cells["population"].to_numpy()[populated],
                           cells["unit"].to_numpy()[populated], threshold=threshold)
    outside = float(cells["population"].to_numpy()[populated & cells["unit"].isna().to_numpy()].sum())
    return table, outside
