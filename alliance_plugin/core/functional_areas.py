"""Functional areas from commuting flows (methods.md, section 2).

Two methods on local units (communes) with commuting flows ``T_ij`` (employed
residents of i working in j; ``O_i`` includes those working in i):

EU-OECD functional urban areas (Dijkstra, Poelman and Veneri 2019):

1. *Cities* are the units marked as cities by the caller (a field), or whose
   share of population in an urban centre reaches ``city_share`` (0.5). City
   units that touch each other form one city (our reading of "units of the
   same urban centre" when the centre itself is not given); without
   contiguity each city unit is a city of its own.
2. *Polycentric cities*: when at least ``polycentric`` (15 %) of the employed
   residents of one city work in another, both are one destination; merging is
   repeated until no pair qualifies.
3. *Commuting zone*: every other unit sending at least ``commuting`` (15 %) of
   its employed residents to a city (``T_iC / O_i``, summed over the city's
   units) belongs to that city's FUA; a unit qualifying for several joins the
   one it sends most to (ties: the larger city by population, then the city
   whose first unit has the smallest code).
4. *Contiguity* (when neighbour pairs are given): commuting-zone units not
   connected to their city through units of the same FUA (exclaves) are
   removed; units outside every FUA whose neighbours all belong to one FUA
   (enclaves) are added.

INSEE aires d'attraction des villes (2020): poles are the candidate units
(a field marking dense units, or every unit) with at least ``min_jobs`` jobs
(``D_i``); touching poles form one pole; a pole sending at least 15 % of its
workers to a larger pole is attached to it as a secondary pole; the crown is the
units outside poles sending at least 15 % of their workers to the pole (its
main and attached poles); attraction is not recursive (flows to the crown do
not count). The commune-centre is the most populated unit of the main pole.

Area ids are the code of the most populated unit of the (main) city or pole
(ties: the smallest code). Both methods work on the units sorted by code, so
that no result depends on the order of the territories or of the flow rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import AllianceError
from .flows.pairs import FlowTable
from .progress import cancelable

ROLE_CORE = "city core"
ROLE_ZONE = "commuting zone"
ROLE_OUTSIDE = "outside"
ROLE_POLE = "pole"
ROLE_SECONDARY = "secondary pole"
ROLE_CROWN = "crown"


class _UnionFind:
    def __init__(self, n):
        self.parent = np.arange(n)

    def find(self, i):
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, a, b):
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _components(members, pairs, n):
    """Group the units ``members`` (boolean) that touch each other; returns a group per unit (-1 outside)."""
    union = _UnionFind(n)
    if pairs is not None and len(pairs):
        a, b = pairs
        both = members[a] & members[b]
        for i, j in zip(a[both], b[both]):
            union.union(i, j)
    group = np.full(n, -1)
    idx = np.flatnonzero(members)
    group[idx] = [union.find(i) for i in idx]
    return group


def _neighbour_positions(neighbours, ids):
    if neighbours is None or len(neighbours) == 0:
        return None
    a = ids.get_indexer(np.asarray(neighbours.iloc[:, 0], dtype=object))
    b = ids.get_indexer(np.asarray(neighbours.iloc[:, 1], dtype=object))
    keep = (a >= 0) & (b >= 0)
    return a[keep], b[keep]


def _assignment(group, n_groups):
    """Sparse n x k matrix with a 1 where unit i belongs to group g."""
    from scipy import sparse

    members = np.flatnonzero(group >= 0)
    return sparse.csr_matrix((np.ones(len(members)), (members, group[members])), shape=(len(group), n_groups))


def _row_shares(counts, totals):
    """Sparse rows divided by their totals (rows with a zero total stay empty)."""
    from scipy import sparse

    inverse = np.divide(1.0, totals, out=np.zeros(len(totals)), where=totals > 0)
    return (sparse.diags(inverse) @ counts).tocsr()


def _share_to_groups(matrix, outflow, group, n_groups):
    """Sparse n x k matrix of ``T_iG / O_i`` for every unit i and group G."""
    return _row_shares(matrix @ _assignment(group, n_groups), outflow)


def _group_shares(matrix, outflow, group, n_groups):
    """Sparse k x k matrix of the share of group A's workers working in group B (diagonal removed)."""
    assign = _assignment(group, n_groups)
    shares = _row_shares((assign.T @ matrix @ assign).tocsr(), assign.T @ outflow)
    shares.setdiag(0.0)
    shares.eliminate_zeros()
    return shares


def _relabel(group, weight=None):
    """Groups renumbered 0..k-1 (-1 stays), by decreasing total ``weight`` then first member."""
    labels = np.full(len(group), -1)
    present = group >= 0
    if not present.any():
        return labels, 0
    uniques, inverse = np.unique(group[present], return_inverse=True)
    total = np.bincount(inverse, weights=None if weight is None else weight[present])
    first = np.full(len(uniques), len(group))
    np.minimum.at(first, inverse, np.flatnonzero(present))
    rank = np.empty(len(uniques), dtype=int)
    rank[np.lexsort((first, -total))] = np.arange(len(uniques))
    labels[present] = rank[inverse]
    return labels, len(uniques)


def _best_group(shares, threshold):
    """For each row, the column it sends most to when the share reaches the threshold, else -1.

    Ties go to the smallest column number, that is the largest group (see :func:`_relabel`).
    """
    rows = shares.shape[0]
    if shares.shape[1] == 0 or shares.nnz == 0:
        return np.full(rows, -1), np.zeros(rows)
    best = np.asarray(shares.argmax(axis=1)).ravel()
    share = np.asarray(shares.max(axis=1).todense()).ravel()
    return np.where((share >= threshold) & (share > 0), best, -1), share


def _own_share(shares, area, fallback):
    """Share of each unit's workers going to its own area (``fallback`` outside any area)."""
    out = np.asarray(fallback, dtype=float).copy()
    inside = np.flatnonzero(area >= 0)
    if len(inside):
        out[inside] = np.asarray(shares[inside, area[inside]]).ravel()
    return out


def _fix_contiguity(area, core, pairs, n):
    """Remove commuting-zone exclaves, then add enclaves; returns the new area per unit."""
    if pairs is None:
        return area
    a, b = pairs
    area = area.copy()
    same = area[a] == area[b]
    union = _UnionFind(n)
    for i, j in zip(a[same & (area[a] >= 0)], b[same & (area[a] >= 0)]):
        union.union(i, j)
    roots = np.array([union.find(i) for i in range(n)])
    for fua in np.unique(area[area >= 0]):
        core_roots = set(roots[(area == fua) & core])
        exclave = (area == fua) & ~core & ~np.isin(roots, list(core_roots))
        area[exclave] = -1
    neighbours = pd.DataFrame({"u": np.r_[a, b], "v": np.r_[b, a]})
    neighbours["area"] = area[neighbours["v"].to_numpy()]
    outside = area < 0
    ring = neighbours[outside[neighbours["u"].to_numpy()]]
    if not ring.empty:
        summary = ring.groupby("u")["area"].agg(["min", "max"])
        enclave = summary[(summary["min"] == summary["max"]) & (summary["min"] >= 0)]
        area[enclave.index.to_numpy()] = enclave["min"].to_numpy()
    return area


@cancelable
def functional_urban_areas(flows, territory_ids, population, *, city=None, urban_centre_share=None,
                           city_share=0.5, commuting=0.15, polycentric=0.15, neighbours=None, tick):
    """EU-OECD functional urban areas from commuting flows.

    Parameters
    ----------
    flows : FlowTable or pandas.DataFrame
        Commuting flows on the territories (:class:`.flows.pairs.FlowTable`), or
        canonical commuting flows whose codes are all territories.
    territory_ids : sequence of str, optional
        None: those of the FlowTable.
    population : pandas.Series
        Population per territory id (missing = 0).
    city : pandas.Series of bool, optional
        Units that are cities. Either this or ``urban_centre_share``.
    urban_centre_share : pandas.Series, optional
        Share (0-1) of each unit's population living in an urban centre; a unit
        is a city when it reaches ``city_share``.
    commuting, polycentric : float
        The 15 % thresholds of the method.
    neighbours : pandas.DataFrame, optional
        Contiguity pairs (two columns of codes); enables enclaves and exclaves.
    progress, is_canceled : callable, optional
        Told the percentage done (0 to 100); checked between the steps and at
        each polycentric merge (see :func:`.progress.cancelable`).

    Returns
    -------
    None when canceled; otherwise:
    units : pandas.DataFrame
        Indexed by id: ``fua_id`` (None outside), ``city_id``, ``fua_role``
        (city core, commuting zone, outside), ``share_to_core`` (share of the
        unit's workers working in its FUA's city, or in the nearest-qualifying
        city for units outside).
    areas : pandas.DataFrame
        Indexed by ``fua_id``: ``population``, ``units``, ``core_units``,
        ``internal``, ``outflow``, ``inflow``, ``sc_supply``, ``sc_demand``.

    Examples
    --------
    >>> flows = pd.DataFrame({"origin": ["C", "S", "S", "R"], "destination": ["C", "C", "S", "R"],
    ...                       "flow_type": "commuting", "value": [100.0, 30.0, 70.0, 50.0]})
    >>> units, areas = functional_urban_areas(flows, ["C", "S", "R"], pd.Series({"C": 1e5, "S": 5e3, "R": 800}),
    ...                                       city=pd.Series({"C": True, "S": False, "R": False}))
    >>> units["fua_role"].tolist(), units["fua_id"].fillna("-").tolist()
    (['city core', 'commuting zone', 'outside'], ['C', 'C', '-'])
    """
    flows = FlowTable.of(flows, territory_ids)
    given = flows.ids
    by_code = flows.in_code_order()  # every tie (first member, equal groups) goes to the smallest code
    ids, n = by_code.ids, len(by_code.ids)
    pop = pd.Series(population).reindex(ids).fillna(0).to_numpy(dtype=float)
    if city is not None:
        flags = pd.Series(city).reindex(ids)
        is_city = (flags.notna() & flags.astype(bool)).to_numpy()  # no fillna: pandas 2 warns on downcasting
    elif urban_centre_share is not None:
        share = pd.Series(urban_centre_share).reindex(ids).astype(float).fillna(0).to_numpy()
        is_city = share >= city_share
    else:
        raise AllianceError("Say which units are cities: a city field, or the share of population "
                            "in an urban centre.")
    matrix, outflow, inflow = by_code.matrix()
    tick(0.2)
    pairs = _neighbour_positions(neighbours, ids)
    group, k = _relabel(_components(is_city, pairs, n), pop)
    tick(0.3)
    # Polycentric cities: merge while one city sends >= polycentric of its workers to another.
    while k > 1:
        linked = _group_shares(matrix, outflow, group, k) >= polycentric
        if linked.nnz == 0:
            break
        union = _UnionFind(k)
        for a, b in zip(*linked.nonzero()):
            union.union(a, b)
        merged = np.array([union.find(g) for g in range(k)])
        group, k = _relabel(np.where(group >= 0, merged[np.maximum(group, 0)], -1), pop)
        tick.check()
    tick(0.5)
    shares = _share_to_groups(matrix, outflow, group, k)
    best, best_share = _best_group(shares, commuting)
    area = np.where(is_city, group, np.where(best >= 0, best, -1))
    tick(0.6)
    area = _fix_contiguity(area, is_city, pairs, n)
    tick(0.8)
    units, areas = _fua_tables(ids, pop, area, group, is_city, shares, best_share, matrix, outflow, inflow, k)
    return units.reindex(given), areas


def _area_codes(ids, pop, area, core, k):
    """Code of each area: its most populated core unit (ties: smallest code)."""
    codes = np.full(k, None, dtype=object)
    order = np.lexsort((np.asarray(ids, dtype=object).astype(str), -pop))
    for i in order:
        if core[i] and area[i] >= 0 and codes[area[i]] is None:
            codes[area[i]] = ids[i]
    return codes


def _code_of(codes, index):
    """``codes[index]`` with None where ``index`` is -1 (works when there is no code at all)."""
    out = np.full(len(index), None, dtype=object)
    ok = index >= 0
    out[ok] = codes[index[ok]]
    return out


def _area_stats(ids_of_area, pop, core, matrix, outflow, inflow):
    labels, uniques = pd.factorize(pd.Series(ids_of_area, dtype=object), use_na_sentinel=True)
    k = len(uniques)
    frame = pd.DataFrame(index=pd.Index([], dtype=object, name="area_id"))
    if k == 0:
        return frame.assign(population=[], units=[], core_units=[], internal=[], outflow=[], inflow=[],
                            sc_supply=[], sc_demand=[])
    from scipy import sparse

    members = np.flatnonzero(labels >= 0)
    assign = sparse.csr_matrix((np.ones(len(members)), (members, labels[members])), shape=(matrix.shape[0], k))
    internal = np.asarray((assign.T @ matrix @ assign).diagonal()).ravel()
    out = assign.T @ outflow
    inn = assign.T @ inflow
    with np.errstate(divide="ignore", invalid="ignore"):
        frame = pd.DataFrame({
            "population": assign.T @ pop, "units": np.bincount(labels[members], minlength=k),
            "core_units": np.bincount(labels[members], weights=core[members].astype(float), minlength=k).astype(int),
            "internal": internal, "outflow": out, "inflow": inn,
            "sc_supply": np.where(out > 0, internal / out, np.nan),
            "sc_demand": np.where(inn > 0, internal / inn, np.nan),
        }, index=pd.Index(np.asarray(uniques, dtype=object), dtype=object, name="area_id"))
    return frame.sort_values("population", ascending=False, kind="stable")


def _fua_tables(ids, pop, area, group, is_city, shares, best_share, matrix, outflow, inflow, k):
    codes = _area_codes(ids, pop, area, is_city, k)
    fua = _code_of(codes, area)
    city_id = _code_of(codes, group)
    role = np.where(is_city, ROLE_CORE, np.where(area >= 0, ROLE_ZONE, ROLE_OUTSIDE))
    own = _own_share(shares, area, best_share)
    units = pd.DataFrame({"fua_id": fua, "city_id": city_id, "fua_role": role.astype(object),
                          "share_to_core": np.where(outflow > 0, own, np.nan)}, index=ids)
    areas = _area_stats(np.asarray(fua, dtype=object), pop, is_city, matrix, outflow, inflow)
    return units, areas


@cancelable
def attraction_areas(flows, territory_ids, population, *, pole_candidate=None, min_jobs=1500.0,
                     commuting=0.15, neighbours=None, tick):
    """INSEE-style aires d'attraction des villes from commuting flows.

    Parameters
    ----------
    flows, territory_ids, population
        As in :func:`functional_urban_areas`.
    pole_candidate : pandas.Series of bool, optional
        Units that may be poles (INSEE: dense or intermediate-density urban
        units); every unit when omitted.
    min_jobs : float
        Minimum number of jobs (``D_i``, inflow including internal) of a pole.
    commuting : float
        The 15 % threshold, for secondary poles and for the crown.
    neighbours : pandas.DataFrame, optional
        Contiguity pairs: touching poles form one pole.
    progress, is_canceled : callable, optional
        As in :func:`functional_urban_areas`.

    Returns
    -------
    units, areas
        As in :func:`functional_urban_areas`, with ``aav_id``, ``pole_id``,
        ``aav_role`` (pole, secondary pole, crown, outside) and
        ``share_to_pole``; None when canceled.
    """
    flows = FlowTable.of(flows, territory_ids)
    given = flows.ids
    by_code = flows.in_code_order()  # every tie goes to the smallest code, as in functional_urban_areas
    ids, n = by_code.ids, len(by_code.ids)
    pop = pd.Series(population).reindex(ids).fillna(0).to_numpy(dtype=float)
    matrix, outflow, inflow = by_code.matrix()
    tick(0.2)
    candidate = (np.ones(n, dtype=bool) if pole_candidate is None
                 else pd.Series(pole_candidate).reindex(ids).fillna(False).astype(bool).to_numpy())
    is_pole = candidate & (inflow >= min_jobs)
    pole, k = _relabel(_components(is_pole, _neighbour_positions(neighbours, ids), n), inflow)
    tick(0.3)
    # Secondary poles: a pole sending >= commuting of its workers to a pole with more jobs joins it.
    # Poles are numbered by decreasing jobs, so "more jobs" is "smaller number".
    main = np.arange(k)
    if k > 1:
        between = _group_shares(matrix, outflow, pole, k).tocoo()
        larger = between.col < between.row
        from scipy import sparse

        towards_larger = sparse.csr_matrix((between.data[larger], (between.row[larger], between.col[larger])),
                                           shape=(k, k))
        target, _ = _best_group(towards_larger, commuting)
        main = np.where(target >= 0, target, main)
        for _ in range(k):  # follow chains of attachment to the top pole
            main = main[main]
    area = np.full(n, -1)
    area[pole >= 0] = main[pole[pole >= 0]]
    area, k_area = _relabel(area, inflow)
    tick(0.5)
    shares = _share_to_groups(matrix, outflow, np.where(is_pole, area, -1), k_area)
    best, best_share = _best_group(shares, commuting)
    tick(0.7)
    area = np.where(is_pole, area, best)
    main_pole = np.zeros(n, dtype=bool)
    main_pole[is_pole] = main[pole[is_pole]] == pole[is_pole]
    codes = _area_codes(ids, pop, area, main_pole, k_area)
    aav = _code_of(codes, area)
    role = np.where(main_pole, ROLE_POLE, np.where(is_pole, ROLE_SECONDARY,
                                                   np.where(area >= 0, ROLE_CROWN, ROLE_OUTSIDE)))
    own = _own_share(shares, area, best_share)
    pole_codes = _area_codes(ids, pop, pole, is_pole, k)
    units = pd.DataFrame({"aav_id": aav, "pole_id": _code_of(pole_codes, pole),
                          "aav_role": role.astype(object),
                          "share_to_pole": np.where(outflow > 0, own, np.nan)}, index=ids)
    areas = _area_stats(np.asarray(aav, dtype=object), pop, is_pole, matrix, outflow, inflow)
    return units.reindex(given), areas
