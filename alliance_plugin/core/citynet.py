"""City networks: size distributions, centralities of the flow graph, intermediary cities.

Methods.md, section 3.

City sizes
----------
- Rank-size (Zipf) with the Gabaix-Ibragimov estimator (Gabaix and Ibragimov
  2011): cities are ranked by decreasing size (rank 1 the largest; equal sizes
  ranked by code, smallest first) and ``ln(r - 1/2)`` is regressed on
  ``ln P_r`` by ordinary least squares; the slope is ``-b`` and the standard
  error ``b * sqrt(2 / n)`` (asymptotic, for a Pareto tail). The fit uses the
  cities at or above a size cut-off (``min_size``) and/or the ``top_n``
  largest; n and the cut-off (the smallest size used) are reported.
- Per city, the ``residual`` ``ln(r - 1/2) - fitted`` (log units of rank) and
  the ``size_deviation`` ``ln(P / P_line) = residual / b`` (log units of size:
  0.69 means twice the size the line gives for that rank).
- Primacy ``P1 / P2`` and the four-city index ``P1 / (P2 + P3 + P4)``.
- Missing and zero sizes cannot be logged: they are left out and counted.
  Fewer than 3 cities: NaN statistics and a ``note`` saying why.

Centralities of the flow graph
------------------------------
The directed graph has one node per territory and an edge ``i -> j`` for every
positive flow between different territories (all flow types summed, or one
type); internal flows ``T_ii`` are not edges.

- ``in_strength``, ``out_strength``: volumes received from and sent to other
  territories; ``in_degree``, ``out_degree``: numbers of such partners.
- ``pagerank``, edges weighted by volume, on the whole graph, as networkx
  defines it (a territory sending nothing teleports uniformly): teleportation
  connects the components, scores sum to 1 over all territories. Up to
  :data:`EXACT_PAGERANK_NODES` territories it is the exact solution of the
  linear system ``(I - alpha P^T) y = 1/n`` (sparse LU, scipy), normalised to
  sum 1 (the dangling territories' share only rescales y); above, networkx's
  power iteration run until the scores change by less than ``tol`` in total
  (1e-12 by default: networkx's own default, 1e-6 per territory, left errors
  of 0.4 % on 300 territories).
- ``betweenness``: the share of the shortest paths between two other
  territories of its weakly connected component that pass through a territory
  (Brandes' algorithm, networkx). *Our choice*: the length of an edge is
  ``1 / volume``, so that shortest paths follow the strongest flows
  (``distance="hops"`` counts edges instead). It is computed and normalised
  per weakly connected component (paths never leave one), by
  ``(n_c - 1)(n_c - 2)`` for a component of ``n_c`` territories; it is NaN in
  components of fewer than 3 territories, where no path has an intermediary.
- Exact betweenness costs one shortest-path search per territory, each visiting
  every edge: ``n_c * m_c`` edge visits, 1.5 to 2.5 microseconds each in
  networkx (35,000 territories and 900,000 flows: about 15 hours). A component is
  computed exactly when it has at most ``exact_max_nodes`` territories and
  ``n_c * m_c <= max_edge_visits``; otherwise from ``k`` source territories drawn
  at random (seeded) and rescaled as networkx does (sources by ``k - 1``, the
  others by ``k``). By default ``k = max_edge_visits // m_c`` (at least 2):
  the sample is as large as the time budget allows (8 million edge visits,
  about 12 to 20 seconds: 9 sources for 900,000 flows), and is reported. A
  sampled betweenness is an estimate whose precision grows with ``k``: raise
  ``max_edge_visits`` or ``sample_size`` to spend more time on it.

Intermediary cities (ours, not official)
----------------------------------------
A city is *intermediary* when it meets all three rules: (1) its size is within
a middle band (20,000 to 500,000 inhabitants by default, or a band of size
quantiles); (2) its betweenness is among the ``top_share`` highest (10 % by
default) of the territories whose betweenness is defined, and positive; (3) its
Nystuen-Dacey role is ``intermediate`` (:mod:`.dominant`): dominated by a larger
city and dominating smaller ones. ``intermediary_score`` counts the rules met.
"""

from __future__ import annotations

import math
import time
from typing import NamedTuple

import numpy as np
import pandas as pd

from .dominant import flow_positions, territory_index
from .errors import AllianceError, EmptyInputError, FieldNotFoundError, InvalidValueError, first_labels

_STAT_COLUMNS = ("n", "cutoff", "b", "b_se", "intercept", "r2", "largest", "primacy", "four_city",
                 "n_left_out", "note")
_STAT_TYPES = {"n": "int64", "n_left_out": "int64", "largest": object, "note": object,
               **{c: "float64" for c in ("cutoff", "b", "b_se", "intercept", "r2", "primacy", "four_city")}}


class RankSize(NamedTuple):
    """Result of :func:`rank_size` and :func:`city_size_statistics`."""

    #: one row of statistics (a Series), or one row per date (a DataFrame indexed by date)
    statistics: pd.Series | pd.DataFrame
    #: the fitted cities: ``rank, size, ln_rank, fitted, residual, size_deviation`` (and ``date``)
    cities: pd.DataFrame
    params: dict


class Centralities(NamedTuple):
    """Result of :func:`flow_centralities`."""

    territories: pd.DataFrame
    #: graph size, components, betweenness method and sample sizes, options used
    info: dict


def _fit(codes, sizes, min_size, top_n):
    """Statistics and per-city table for one set of cities (codes and sizes as arrays)."""
    valid = np.isfinite(sizes) & (sizes > 0) & (sizes >= min_size)
    order = np.lexsort((codes[valid].astype(str), -sizes[valid]))  # size down, then code
    kept_codes, kept = codes[valid][order], sizes[valid][order]
    if top_n is not None:
        kept_codes, kept = kept_codes[:int(top_n)], kept[:int(top_n)]
    n = len(kept)
    stats = dict.fromkeys(_STAT_COLUMNS, np.nan)
    stats.update(n=n, n_left_out=len(sizes) - n, note="", largest=kept_codes[0] if n else None)
    stats["cutoff"] = float(kept[-1]) if n else np.nan
    if n >= 2:
        stats["primacy"] = float(kept[0] / kept[1])
    if n >= 4:
        stats["four_city"] = float(kept[0] / kept[1:4].sum())
    rank = np.arange(1, n + 1)
    x, y = np.log(kept), np.log(rank - 0.5)
    fitted = np.full(n, np.nan)
    if n < 3:
        stats["note"] = (f"{n} cities with a positive size at or above the cut-off: the rank-size fit "
                         "needs at least 3.")
    elif np.ptp(x) == 0:
        stats["note"] = "All cities have the same size: the rank-size line has no slope."
    else:
        slope = ((x - x.mean()) * (y - y.mean())).sum() / ((x - x.mean()) ** 2).sum()
        intercept = y.mean() - slope * x.mean()
        fitted = intercept + slope * x
        b = -slope
        stats.update(b=float(b), b_se=float(abs(b) * math.sqrt(2.0 / n)), intercept=float(intercept),
                     r2=float(1.0 - ((y - fitted) ** 2).sum() / ((y - y.mean()) ** 2).sum()))
    residual = y - fitted
    cities = pd.DataFrame({"rank": rank, "size": kept, "ln_rank": y, "fitted": fitted,
                           "residual": residual, "size_deviation": residual / stats["b"]},
                          index=pd.Index(kept_codes, dtype=object, name="city"))
    return stats, cities


def _check_cut(min_size, top_n):
    if top_n is not None and (int(top_n) != top_n or top_n < 1):
        raise InvalidValueError("top_n must be a positive whole number or None; got {top_n!r}.", top_n=top_n)
    if not np.isfinite(min_size) or min_size < 0:
        raise InvalidValueError("min_size must be a size of 0 or more; got {min_size!r}.", min_size=min_size)


def _sizes_as_numbers(values, labels, column=None):
    """Sizes as floats; the errors name ``column`` (the population column) when the sizes come from one."""
    numbers = pd.to_numeric(pd.Series(values), errors="coerce").to_numpy(dtype=float)
    bad = np.isnan(numbers) & pd.Series(values).notna().to_numpy()
    if bad.any():
        params = dict(n_bad=bad.sum(), labels=first_labels(labels[bad]))
        if column is None:
            raise InvalidValueError("{n_bad} sizes are not numbers ({labels}).", **params)
        raise InvalidValueError("{n_bad} values of '{column}' are not numbers ({labels}).", column=column, **params)
    negative = numbers < 0
    if negative.any():
        params = dict(n_negative=negative.sum(), labels=first_labels(labels[negative]))
        if column is None:
            raise InvalidValueError("{n_negative} sizes are negative ({labels}); expected sizes of 0 or more.",
                                    **params)
        raise InvalidValueError("{n_negative} values of '{column}' are negative ({labels}); expected sizes of 0 or "
                                "more.", column=column, **params)
    return numbers


def rank_size(sizes, *, min_size=0.0, top_n=None):
    """Rank-size fit (Gabaix-Ibragimov) and primacy of one set of cities.

    Parameters
    ----------
    sizes : pandas.Series
        City sizes (population) indexed by city code. Missing and zero sizes
        are left out (counted in ``n_left_out``); negative ones are an error.
    min_size : float
        Size cut-off: only cities at least this large are fitted.
    top_n : int, optional
        Fit only the ``top_n`` largest cities (after ``min_size``).

    Returns
    -------
    RankSize
        ``statistics`` (a Series): ``n``, ``cutoff`` (smallest size fitted),
        ``b`` (Zipf exponent, 1 for Zipf's law), ``b_se``, ``intercept``, ``r2``,
        ``largest`` (code), ``primacy``, ``four_city``, ``n_left_out``,
        ``note`` (why a statistic is NaN). ``cities``: the fitted cities by rank.

    Examples
    --------
    >>> result = rank_size(pd.Series({"A": 1000.0, "B": 500.0, "C": 250.0, "D": 125.0}))
    >>> result.statistics[["n", "cutoff", "primacy", "four_city"]].tolist()
    [4, 125.0, 2.0, 1.1428571428571428]
    >>> round(result.statistics["b"], 3), round(result.statistics["b_se"], 3)
    (0.916, 0.648)
    >>> rank_size(pd.Series({"A": 10.0, "B": 5.0})).statistics["note"]
    '2 cities with a positive size at or above the cut-off: the rank-size fit needs at least 3.'
    """
    _check_cut(min_size, top_n)
    series = pd.Series(sizes)
    codes = np.asarray(series.index, dtype=object)
    values = _sizes_as_numbers(series.to_numpy(), pd.Index(codes))
    stats, cities = _fit(codes, values, min_size, top_n)
    return RankSize(pd.Series(stats, index=list(_STAT_COLUMNS), dtype=object), cities,
                    {"min_size": min_size, "top_n": top_n})


def city_size_statistics(table, *, city="city", date="date", population="population",
                         min_size=0.0, top_n=None):
    """Rank-size fit and primacy for each date of a long table of city sizes.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per city and date.
    city, date, population : str
        Column names. ``date`` None treats the whole table as one date.
    min_size, top_n
        As in :func:`rank_size`, applied at each date.

    Returns
    -------
    RankSize
        ``statistics``: one row per date (sorted), the columns of
        :func:`rank_size`. ``cities``: ``date, city, rank, size, ln_rank, fitted,
        residual, size_deviation`` for every fitted city.

    Examples
    --------
    >>> table = pd.DataFrame({"city": list("ABCDABC"), "year": [2000] * 4 + [2010] * 3,
    ...                       "pop": [800, 400, 200, 100, 900, 450, 0]})
    >>> stats = city_size_statistics(table, date="year", population="pop").statistics
    >>> stats["n"].tolist(), stats["primacy"].tolist(), stats["n_left_out"].tolist()
    ([4, 2], [2.0, 2.0], [0, 1])
    """
    if table is None or len(table) == 0:
        raise EmptyInputError("The city table has no rows: expected one row per city and date.")
    wanted = [c for c in (city, date, population) if c is not None]
    missing = [c for c in wanted if c not in table.columns]
    if missing:
        raise FieldNotFoundError("The city table has no column {missing}; its columns are {columns}.",
                                 missing=', '.join(map(repr, missing)),
                                 columns=first_labels(list(table.columns), 12))
    _check_cut(min_size, top_n)
    codes = np.asarray(table[city].astype(object), dtype=object)
    dates = table[date] if date is not None else pd.Series(0, index=table.index)
    if dates.isna().any() or pd.isna(codes).any():
        raise InvalidValueError("Some rows have no city code or no date (row {index}).",
                                index=first_labels(table.index[dates.isna().to_numpy() | pd.isna(codes)]))
    repeated = pd.DataFrame({"c": codes, "d": dates.to_numpy()}).duplicated().to_numpy()
    if repeated.any():
        raise InvalidValueError("{n_repeated} rows repeat a city at a date already seen (row {index}): expected "
                                "one size per city and date.",
                                n_repeated=repeated.sum(), index=first_labels(table.index[repeated]))
    sizes = _sizes_as_numbers(table[population].to_numpy(), table.index, population)
    rows, frames = {}, []
    for key, at in pd.Series(np.arange(len(table))).groupby(dates.to_numpy(), sort=True):
        stats, cities = _fit(codes[at.to_numpy()], sizes[at.to_numpy()], min_size, top_n)
        rows[key] = stats
        frames.append(cities.reset_index().assign(date=key))
    statistics = pd.DataFrame.from_dict(rows, orient="index", columns=list(_STAT_COLUMNS)).astype(_STAT_TYPES)
    statistics.index.name = date or "date"
    cities = pd.concat(frames, ignore_index=True)
    cities = cities[["date"] + [c for c in cities.columns if c != "date"]]
    return RankSize(statistics, cities, {"min_size": min_size, "top_n": top_n})


# --- centralities -------------------------------------------------------------------------------

def _graph_arrays(flows, territory_ids, flow_type):
    ids = territory_index(territory_ids)
    o, d, v = flow_positions(flows, ids, flow_type=flow_type)
    keep = (o != d) & (v > 0)
    n = len(ids)
    key = o[keep].astype(np.int64) * n + d[keep]
    key, inverse = np.unique(key, return_inverse=True)
    return ids, key // n, key % n, np.bincount(inverse, weights=v[keep], minlength=len(key)).astype(float)


def _components(o, d, n, ids):
    """Weak components numbered by decreasing size (ties: smallest code first), and the code order."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    _, labels = connected_components(coo_matrix((np.ones(len(o)), (o, d)), shape=(n, n)),
                                     directed=True, connection="weak")
    size = np.bincount(labels)
    codes = np.asarray(ids.astype(str), dtype=object)
    first_code = pd.Series(codes).groupby(labels).min()
    order = pd.DataFrame({"size": -size, "code": first_code.to_numpy()}).sort_values(["size", "code"]).index
    renumber = np.empty(len(size), dtype=np.int64)
    renumber[order.to_numpy()] = np.arange(len(size))
    return renumber[labels], size[labels], np.argsort(codes, kind="stable")


EXACT_PAGERANK_NODES = 5000


def _pagerank(graph, edges, n, alpha, max_iter, tol):
    """PageRank of the weighted graph: exact (sparse solve) when small, a tight power iteration otherwise."""
    import networkx as nx

    o, d, v = edges
    if n == 0:
        return np.zeros(0)
    if n <= EXACT_PAGERANK_NODES:
        try:
            from scipy import sparse
            from scipy.sparse.linalg import spsolve
        except ImportError as exc:
            raise AllianceError("PageRank needs scipy, which cannot be imported here ({exc}).", exc=exc) from exc
        out = np.bincount(o, weights=v, minlength=n)
        transition = sparse.csc_matrix((v / out[o], (d, o)), shape=(n, n))  # P^T: column i spreads i's outflow
        system = (sparse.identity(n, format="csc") - alpha * transition).tocsc()
        y = np.atleast_1d(spsolve(system, np.full(n, 1.0 / n)))
        return y / y.sum()
    try:  # networkx stops when sum |x - x_last| < n * tol: ask for a total change below tol
        scores = nx.pagerank(graph, alpha=alpha, weight="weight", max_iter=max_iter, tol=tol / n)
    except ImportError as exc:  # networkx's PageRank runs on scipy.sparse
        raise AllianceError("PageRank needs scipy, which cannot be imported here ({exc}).", exc=exc) from exc
    except nx.PowerIterationFailedConvergence as exc:
        raise InvalidValueError("PageRank did not converge in {max_iter} iterations (tolerance {tol:g}): raise "
                                "the maximum number of iterations.",
                                max_iter=max_iter, tol=tol) from exc
    return np.array([scores[i] for i in range(n)])


def _betweenness_plan(component, edges_per_comp, code_order, *, exact_max_nodes, max_edge_visits,
                      sample_size, seed):
    """For each component of 3 territories or more: its nodes, its number of sources and the sources.

    Nodes are taken in code order (``code_order`` lists positions by code), so that a seed draws
    the same territories whatever the order of the territory ids.
    """
    rng = np.random.default_rng(seed)
    order = code_order[np.argsort(component[code_order], kind="stable")]
    starts = np.searchsorted(component[order], np.arange(len(edges_per_comp) + 1))
    plan = []
    for comp in range(len(edges_per_comp)):
        nodes = order[starts[comp]:starts[comp + 1]]
        n_c, m_c = len(nodes), int(edges_per_comp[comp])
        if n_c < 3:
            break  # components are numbered by decreasing size
        if n_c <= exact_max_nodes and n_c * m_c <= max_edge_visits:
            k = n_c
        else:
            k = int(sample_size) if sample_size is not None else max_edge_visits // max(m_c, 1)
            k = int(min(max(k, 2), n_c))
        sources = nodes if k == n_c else np.sort(rng.choice(nodes, size=k, replace=False))
        plan.append((comp, nodes, k, sources))
    return plan


def _betweenness(graph, o, d, component, comp_size, plan, weight, progress, is_canceled):
    """Betweenness per component, normalised within it; None when canceled."""
    import networkx as nx

    n = len(component)
    edge_comp = component[o]
    tasks = []
    for comp, nodes, k, sources in plan:
        m_c = int((edge_comp == comp).sum()) if len(nodes) * 10 < n else len(o)
        if len(nodes) * 10 >= n:  # a large component: search the whole graph, paths stay inside it
            sub, pieces = graph, min(20, len(sources))
        else:  # a small one: its own graph, so that no step costs the size of the whole graph
            sub = nx.DiGraph()
            sub.add_nodes_from(nodes.tolist())
            inside = np.flatnonzero(edge_comp == comp)
            sub.add_edges_from((int(o[e]), int(d[e]), graph.edges[int(o[e]), int(d[e])]) for e in inside)
            pieces = 1
        tasks += [(sub, chunk, len(chunk) * max(m_c, 1)) for chunk in np.array_split(sources, pieces)]
    raw = np.zeros(n)
    total, done = sum(t[2] for t in tasks), 0
    for sub, chunk, cost in tasks:
        if is_canceled is not None and is_canceled():
            return None
        part = nx.betweenness_centrality_subset(sub, sources=chunk.tolist(), targets=sub,
                                                normalized=False, weight=weight)
        raw[np.fromiter(part.keys(), dtype=np.int64, count=len(part))] += np.fromiter(
            part.values(), dtype=float, count=len(part))
        done += cost
        if progress is not None:
            progress(100.0 * done / total)
    k = np.zeros(n)
    is_source = np.zeros(n)
    for comp, nodes, k_c, sources in plan:
        k[nodes] = k_c
        is_source[sources] = 1
    # As networkx rescales without endpoints: pairs (s, t) with s a source other than v, t not v.
    denominator = (k - is_source) * (comp_size - 2)
    return np.divide(raw, denominator, out=np.full(n, np.nan), where=(comp_size >= 3) & (denominator > 0))


def flow_centralities(flows, territory_ids, *, flow_type=None, alpha=0.85, max_iter=1000, tol=1e-12,
                      distance="inverse_volume", exact_max_nodes=2000, max_edge_visits=8_000_000,
                      sample_size=None, seed=0, progress=None, is_canceled=None):
    """Strength, PageRank and betweenness of each territory in the directed flow graph.

    Parameters
    ----------
    flows : pandas.DataFrame
        Canonical flows whose codes are all in ``territory_ids``.
    territory_ids : sequence of str
        The territories (nodes), unique; the result is indexed by them.
    flow_type : str, optional
        Use only this flow type; None (default) sums all types.
    alpha, max_iter, tol : float, int, float
        PageRank damping factor; for graphs of more than
        :data:`EXACT_PAGERANK_NODES` territories (smaller ones are solved
        exactly), the iteration limit and the tolerance on the total change of
        the scores between two iterations.
    distance : {"inverse_volume", "hops"}
        Length of an edge for betweenness: ``1 / volume`` (default, ours) or 1.
    exact_max_nodes : int
        Components with more territories get sampled betweenness.
    max_edge_visits : int
        Budget of the betweenness searches, 1.5 to 2.5 microseconds each: a
        component is exact only if ``n_c * m_c`` is within it, and the default
        sample size is ``max_edge_visits // m_c`` sources (at least 2).
    sample_size : int, optional
        Number of sources of a sampled component, instead of the budget's.
    seed : int
        Seed of the source sample (the same seed gives the same result).
    progress : callable, optional
        Called with the percentage of betweenness done (0 to 100).
    is_canceled : callable, optional
        Returning True stops the betweenness: it is then NaN and
        ``info["canceled"]`` is True.

    Returns
    -------
    Centralities
        ``territories``: ``in_strength, out_strength, in_degree, out_degree,
        pagerank, betweenness, betweenness_method`` (exact, sampled, undefined),
        ``betweenness_sources`` (sources used in its component), ``component``
        (0 the largest weak component), ``component_size``. ``info``: counts of
        territories, edges and components, ``sources`` (total), ``sampled_components``
        (component: sources), ``betweenness_method``, ``seconds`` per step and the options.

    Examples
    --------
    >>> flows = pd.DataFrame({"origin": ["A", "B", "B", "C"], "destination": ["B", "C", "A", "B"],
    ...                       "flow_type": "flow", "value": [10.0, 20.0, 5.0, 4.0]})
    >>> out = flow_centralities(flows, ["A", "B", "C", "D"]).territories
    >>> out[["in_strength", "out_strength", "betweenness"]].values.tolist()
    [[5.0, 10.0, 0.0], [14.0, 25.0, 1.0], [20.0, 4.0, 0.0], [0.0, 0.0, nan]]
    >>> out["betweenness_method"].tolist()  # B is on the shortest paths A -> C and C -> A
    ['exact', 'exact', 'exact', 'undefined']
    """
    import networkx as nx

    if distance not in ("inverse_volume", "hops"):
        raise InvalidValueError("distance must be 'inverse_volume' or 'hops'; got '{distance}'.", distance=distance)
    if not 0 < alpha < 1:
        raise InvalidValueError("alpha (PageRank damping) must be between 0 and 1; got {alpha}.", alpha=alpha)
    if sample_size is not None and sample_size < 2:
        raise InvalidValueError("sample_size must be at least 2 sources or None; got {sample_size}.",
                                sample_size=sample_size)
    ids, o, d, v = _graph_arrays(flows, territory_ids, flow_type)
    n = len(ids)
    clock = time.perf_counter()
    graph = nx.DiGraph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(zip(o.tolist(), d.tolist(),
                             ({"weight": w, "distance": 1.0 / w} for w in v.tolist())))
    component, comp_size, code_order = _components(o, d, n, ids)
    seconds = {"graph": time.perf_counter() - clock}
    clock = time.perf_counter()
    pagerank = _pagerank(graph, (o, d, v), n, alpha, max_iter, tol)
    seconds["pagerank"] = time.perf_counter() - clock
    clock = time.perf_counter()
    edges_per_comp = np.bincount(component[o], minlength=component.max() + 1)
    plan = _betweenness_plan(component, edges_per_comp, code_order, exact_max_nodes=exact_max_nodes,
                             max_edge_visits=max_edge_visits, sample_size=sample_size, seed=seed)
    weight = "distance" if distance == "inverse_volume" else None
    betweenness = _betweenness(graph, o, d, component, comp_size, plan, weight, progress, is_canceled)
    seconds["betweenness"] = time.perf_counter() - clock
    canceled = betweenness is None
    if canceled:
        betweenness = np.full(n, np.nan)
    k = np.zeros(n, dtype=np.int64)
    for _, nodes, k_c, _ in plan:
        k[nodes] = k_c
    method = np.select([comp_size < 3, k == comp_size], ["undefined", "exact"], default="sampled")
    table = pd.DataFrame({
        "in_strength": np.bincount(d, weights=v, minlength=n).astype(float),
        "out_strength": np.bincount(o, weights=v, minlength=n).astype(float),
        "in_degree": np.bincount(d, minlength=n).astype(np.int64),
        "out_degree": np.bincount(o, minlength=n).astype(np.int64),
        "pagerank": pagerank,
        "betweenness": betweenness,
        "betweenness_method": method.astype(object),
        "betweenness_sources": k,
        "component": component,
        "component_size": comp_size.astype(np.int64),
    }, index=ids)
    sampled = {int(comp): k_c for comp, nodes, k_c, _ in plan if k_c < len(nodes)}
    info = {
        "territories": n, "edges": len(o), "components": int(component.max()) + 1,
        "largest_component": int(comp_size.max()), "sources": int(sum(p[2] for p in plan)),
        "sampled_components": sampled, "canceled": canceled, "seconds": seconds,
        "betweenness_method": "sampled" if sampled else "exact" if plan else "undefined",
        "params": {"flow_type": flow_type, "alpha": alpha, "distance": distance,
                   "exact_max_nodes": exact_max_nodes, "max_edge_visits": max_edge_visits,
                   "sample_size": sample_size, "seed": seed},
    }
    return Centralities(table, info)


# --- intermediary cities ------------------------------------------------------------------------

def _column(values, name):
    return values[name] if isinstance(values, pd.DataFrame) else pd.Series(values)


def intermediary_cities(sizes, centralities, dominant, *, min_size=20_000, max_size=500_000,
                        size_quantiles=None, top_share=0.10):
    """Intermediary cities: middle size, high betweenness and a Nystuen-Dacey intermediate role (ours).

    Parameters
    ----------
    sizes : pandas.Series
        City sizes (population) indexed by territory id: the cities classified.
    centralities : pandas.DataFrame or pandas.Series
        The ``territories`` of :func:`flow_centralities`, or a betweenness Series.
    dominant : pandas.DataFrame or pandas.Series
        The ``territories`` of :func:`.dominant.dominant_flows`, or an
        ``nd_class`` Series.
    min_size, max_size : float
        The middle size band, bounds included.
    size_quantiles : (float, float), optional
        A band of size quantiles instead, for example ``(0.25, 0.9)``.
    top_share : float
        Share of the territories with the highest betweenness that counts as
        high intermediation (only positive betweenness counts).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``sizes``: ``in_size_band``, ``high_betweenness``,
        ``nd_intermediate`` (booleans), ``intermediary_score`` (0 to 3) and
        ``intermediary`` (all three). The band and betweenness threshold used are
        in ``DataFrame.attrs``.

    Examples
    --------
    >>> sizes = pd.Series({"A": 600_000, "B": 90_000, "C": 30_000, "D": 8_000})
    >>> out = intermediary_cities(sizes, pd.Series({"A": 0.1, "B": 0.5, "C": 0.0, "D": 0.0}),
    ...                           pd.Series({"A": "dominant", "B": "intermediate", "C": "dominated",
    ...                                      "D": "dominated"}), top_share=0.25)
    >>> out[["intermediary_score", "intermediary"]].values.tolist()
    [[0, False], [3, True], [1, False], [0, False]]
    """
    if not 0 < top_share <= 1:
        raise InvalidValueError("top_share must be a share in (0, 1]; got {top_share}.", top_share=top_share)
    sizes = pd.Series(sizes)
    values = _sizes_as_numbers(sizes.to_numpy(), sizes.index)
    if size_quantiles is not None:
        low, high = size_quantiles
        if not 0 <= low <= high <= 1:
            raise InvalidValueError("size_quantiles must be two shares, low <= high; got {size_quantiles}.",
                                    size_quantiles=size_quantiles)
        finite = values[np.isfinite(values)]
        min_size, max_size = (np.quantile(finite, [low, high]) if len(finite) else (np.nan, np.nan))
    elif min_size > max_size:
        raise InvalidValueError("min_size ({min_size}) must not exceed max_size ({max_size}).", min_size=min_size,
                                max_size=max_size)
    in_band = np.isfinite(values) & (values >= min_size) & (values <= max_size)
    between = pd.to_numeric(_column(centralities, "betweenness"), errors="coerce")
    defined = between.dropna().sort_values(ascending=False, kind="stable")
    threshold = defined.iloc[max(math.ceil(top_share * len(defined)) - 1, 0)] if len(defined) else np.nan
    b = between.reindex(sizes.index).to_numpy(dtype=float)
    high = np.isfinite(b) & (b > 0) & (b >= threshold)
    role = _column(dominant, "nd_class").reindex(sizes.index)
    intermediate = (role == "intermediate").fillna(False).to_numpy(dtype=bool)
    score = in_band.astype(int) + high.astype(int) + intermediate.astype(int)
    out = pd.DataFrame({"in_size_band": in_band, "high_betweenness": high, "nd_intermediate": intermediate,
                        "intermediary_score": score, "intermediary": score == 3}, index=sizes.index)
    out.attrs.update(min_size=float(min_size), max_size=float(max_size), top_share=top_share,
                     betweenness_threshold=float(threshold))
    return out
