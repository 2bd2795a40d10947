"""Centralities of the flow graph: strength, degree, PageRank, betweenness (methods.md, section 3).

Centralities of the flow graph
------------------------------
The directed graph has one node per territory and an edge ``i -> j`` for every
positive flow between different territories (all flow types summed, or one
type); internal flows ``T_ii`` are not edges.

- ``in_strength``, ``out_strength``: volumes received from and sent to other
  territories; ``in_degree``, ``out_degree``: numbers of such partners.
- ``pagerank``: see :mod:`.pagerank`.
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
"""

from __future__ import annotations

import time
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..errors import InvalidValueError
from ..flows.pairs import FlowTable
from ..progress import Canceled, Ticker
from .pagerank import weighted_pagerank


class Centralities(NamedTuple):
    """Result of :func:`flow_centralities`."""

    territories: pd.DataFrame
    #: graph size, components, betweenness method and sample sizes, options used
    info: dict


def _graph_arrays(flows, territory_ids, flow_type):
    """The territories and the edges: positive flows between different territories, summed per pair."""
    table = FlowTable.of(flows, territory_ids, allow_empty=False).of_type(flow_type)
    pairs = table.pairs()
    keep = pairs.external & (pairs.volume > 0)
    return table.ids, pairs.origin[keep], pairs.destination[keep], pairs.volume[keep]


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


def _graph(o, d, v, n, tick, chunk=100_000):
    """The directed flow graph (weights and ``1 / volume`` distances), built ``chunk`` edges at a time
    (the same graph as in one call) with a checkpoint of ``tick`` after each."""
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(range(n))
    for start in range(0, len(o), chunk):
        stop = min(start + chunk, len(o))
        graph.add_edges_from(zip(o[start:stop].tolist(), d[start:stop].tolist(),
                                 ({"weight": w, "distance": 1.0 / w} for w in v[start:stop].tolist())))
        tick(stop / len(o))
    return graph


def _betweenness(graph, o, d, component, comp_size, plan, weight, tick):
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
        try:
            tick.check()
        except Canceled:
            return None
        part = nx.betweenness_centrality_subset(sub, sources=chunk.tolist(), targets=sub,
                                                normalized=False, weight=weight)
        raw[np.fromiter(part.keys(), dtype=np.int64, count=len(part))] += np.fromiter(
            part.values(), dtype=float, count=len(part))
        done += cost
        tick.report(done / total)
    k = np.zeros(n)
    is_source = np.zeros(n)
    for comp, nodes, k_c, sources in plan:
        k[nodes] = k_c
        is_source[sources] = 1
    # As networkx rescales without endpoints: pairs (s, t) with s a source other than v, t not v.
    denominator = (k - is_source) * (comp_size - 2)
    return np.divide(raw, denominator, out=np.full(n, np.nan), where=(comp_size >= 3) & (denominator > 0))


def flow_centralities(flows, territory_ids=None, *, flow_type=None, alpha=0.85, max_iter=1000, tol=1e-12,
                      distance="inverse_volume", exact_max_nodes=2000, max_edge_visits=8_000_000,
                      sample_size=None, seed=0, progress=None, is_canceled=None):
    """Strength, PageRank and betweenness of each territory in the directed flow graph.

    Parameters
    ----------
    flows : FlowTable or pandas.DataFrame
        The flows on the territories (:class:`..flows.pairs.FlowTable`), or
        canonical flows whose codes are all in ``territory_ids``.
    territory_ids : sequence of str, optional
        The territories (nodes), unique; the result is indexed by them (given
        by the FlowTable when omitted).
    flow_type : str, optional
        Use only this flow type; None (default) sums all types.
    alpha, max_iter, tol : float, int, float
        PageRank damping factor; for graphs of more than
        :data:`.pagerank.EXACT_PAGERANK_NODES` territories (smaller ones are solved
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
        Called with the percentage done (0 to 100): building the graph up to
        20, PageRank up to 30, the betweenness the rest.
    is_canceled : callable, optional
        Checked after every 100,000 edges of the graph, before and after
        PageRank and between the betweenness searches. Returning True stops the
        computation: what is not computed (the betweenness, and PageRank when
        canceled before it ends) is then NaN and ``info["canceled"]`` is True.

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
    if distance not in ("inverse_volume", "hops"):
        raise InvalidValueError("distance must be 'inverse_volume' or 'hops'; got '{distance}'.", distance=distance)
    if not 0 < alpha < 1:
        raise InvalidValueError("alpha (PageRank damping) must be between 0 and 1; got {alpha}.", alpha=alpha)
    if sample_size is not None and sample_size < 2:
        raise InvalidValueError("sample_size must be at least 2 sources or None; got {sample_size}.",
                                sample_size=sample_size)
    ids, o, d, v = _graph_arrays(flows, territory_ids, flow_type)
    n = len(ids)
    clock, tick = time.perf_counter(), Ticker(progress, is_canceled)
    component, comp_size, code_order = _components(o, d, n, ids)
    edges_per_comp = np.bincount(component[o], minlength=component.max() + 1)
    plan = _betweenness_plan(component, edges_per_comp, code_order, exact_max_nodes=exact_max_nodes,
                             max_edge_visits=max_edge_visits, sample_size=sample_size, seed=seed)
    pagerank, betweenness, seconds = np.full(n, np.nan), None, {}
    try:
        tick.check()
        graph = _graph(o, d, v, n, tick.part(0.0, 0.2))
        seconds["graph"] = time.perf_counter() - clock
        clock = time.perf_counter()
        pagerank = weighted_pagerank(graph, (o, d, v), n, alpha, max_iter, tol)
        seconds["pagerank"] = time.perf_counter() - clock
        tick(0.3)
        clock = time.perf_counter()
        weight = "distance" if distance == "inverse_volume" else None
        betweenness = _betweenness(graph, o, d, component, comp_size, plan, weight, tick.part(0.3, 1.0))
        seconds["betweenness"] = time.perf_counter() - clock
    except Canceled:
        pass
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
