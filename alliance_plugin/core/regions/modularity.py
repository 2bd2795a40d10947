"""Communities that maximise modularity on the undirected flow graph (methods.md, section 2).

Modularity of a partition of the undirected graph
``A_ij = T_ij + T_ji`` (i != j, self-flows left out):
``Q = sum_c [L_c / m - gamma * (K_c / 2m)^2]`` with ``m`` the total weight,
``L_c`` the weight inside community c and ``K_c`` the sum of its degrees
(configuration null; the gravity null of Expert et al. 2011 is not
implemented).

Louvain (Blondel et al. 2008) runs here (levels of capped node-moving passes,
then aggregation), in networkx, or in igraph; Leiden (Traag, Waltman and van
Eck 2019) needs python-igraph, an optional accelerator. Louvain visits the
territories in an order drawn by its seed from the code order, so a seed gives
the same partition whatever the order of the territories.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import AllianceError, InvalidValueError
from ..flows.pairs import FlowTable
from .partition import isolated, membership_table, outflow_rank, region_groups, regional_flows, undirected


class OptionalDependencyError(AllianceError):
    """A method needs a package that is not installed."""



@dataclass
class CommunityResult:
    """A modularity partition: membership, its modularity and how it was found."""

    membership: pd.DataFrame  #: index territory id; ``region`` (label), ``isolated`` (bool)
    modularity: float
    n_regions: int
    method: str
    engine: str
    resolution: float
    seed: int
    canceled: bool = False


def modularity_communities(flows, territory_ids=None, *, method="louvain", resolution=1.0, seed=0,
                           engine="core", max_passes=20, flow_type=None, progress=None, is_canceled=None):
    """Communities that maximise modularity on the undirected flow graph.

    Parameters
    ----------
    flows : FlowTable or pandas.DataFrame
        The flows on the territories (:class:`..flows.pairs.FlowTable`), or
        canonical flows whose codes are all territories.
    territory_ids : sequence of str, optional
        The territories, unique (given by the FlowTable when None).
    method : {"louvain", "leiden"}
    resolution : float
        Modularity resolution ``gamma``: above 1, smaller communities.
    seed : int
        Random seed: the same seed and engine give the same partition.
    engine : {"core", "networkx", "igraph"}
        Louvain (Blondel et al. 2008) by this module (``core``: at most
        ``max_passes`` passes of node moves per level, then aggregation; it
        checks ``is_canceled``), by networkx's ``louvain_communities`` (moves
        nodes until none moves: 1 to 3 minutes on the national benchmark,
        where ``core`` takes 11 to 17 s) or by igraph's multilevel when
        python-igraph is installed. Leiden always uses igraph (2 iterations).
    max_passes : int
        Passes over the nodes per level, ``core`` engine only.
    flow_type : str, optional
        The flow type to use; required when the table holds several.
    progress, is_canceled : callable, optional
        As in :func:`intramax`; ``core`` engine only. A canceled run returns the
        partition reached, with ``canceled`` true.

    Returns
    -------
    CommunityResult
        ``membership`` (``region``, ``isolated``) and the modularity ``Q`` of
        the partition (:func:`modularity`, at resolution 1 whatever the
        resolution used, so that partitions compare), with the options used.

    Examples
    --------
    >>> flows = pd.DataFrame({"origin": ["A", "B", "C", "D", "E", "F", "C"],
    ...                       "destination": ["B", "C", "A", "E", "F", "D", "D"],
    ...                       "flow_type": "flow", "value": [9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 1.0]})
    >>> result = modularity_communities(flows, list("ABCDEFG"))
    >>> result.membership["region"].tolist(), round(result.modularity, 3)
    (['C', 'C', 'C', 'D', 'D', 'D', 'G'], 0.482)
    """
    if method not in ("louvain", "leiden"):
        raise InvalidValueError("Unknown community method '{method}': use louvain or leiden.", method=method)
    if engine not in ("core", "networkx", "igraph"):
        raise InvalidValueError("Unknown engine '{engine}': use core, networkx or igraph.", engine=engine)
    if int(max_passes) < 1:
        raise InvalidValueError("The number of passes must be at least 1; it is {max_passes}.",
                                max_passes=max_passes)
    engine = "igraph" if method == "leiden" else engine
    table = FlowTable.of(flows, territory_ids)
    ids, pairs = regional_flows(table, flow_type)
    lo, hi, forward, backward = undirected(pairs)
    weight = forward + backward
    canceled = False
    if len(weight) == 0:
        group = np.arange(len(ids))
    elif engine == "igraph":
        group = _igraph_partition(pairs.n, lo, hi, weight, method, resolution, seed)
    elif engine == "networkx":
        import networkx as nx

        graph = nx.Graph()
        graph.add_nodes_from(range(pairs.n))
        graph.add_weighted_edges_from(zip(lo.tolist(), hi.tolist(), weight.tolist()))
        found = nx.community.louvain_communities(graph, weight="weight", resolution=resolution, seed=seed)
        group = np.empty(pairs.n, dtype=np.int64)
        for number, members in enumerate(found):
            group[list(members)] = number
    else:
        group, canceled = _louvain(pairs.n, (lo, hi, weight), resolution, seed, int(max_passes),
                                   progress, is_canceled)
    group = np.unique(group, return_inverse=True)[1]
    membership = membership_table(ids, group, outflow_rank(pairs), isolated(pairs)).reindex(table.ids)
    n_groups = int(group.max()) + 1 if len(group) else 0
    return CommunityResult(membership, _modularity(pairs, group, 1.0), n_groups, method, engine,
                           float(resolution), int(seed), canceled)


def _louvain(n, edges, resolution, seed, max_passes, progress, is_canceled, threshold=1e-7):
    """Louvain levels: move nodes (capped passes), aggregate communities, repeat.

    A level that raises modularity by at most ``threshold`` is the last one
    (as in networkx). Capping the passes lets the coarser levels move whole
    communities instead of creeping node by node along their borders.
    """
    import random

    rng = random.Random(seed)
    a, b, w = edges
    m = float(w.sum())
    node, loops, size, canceled, level = np.arange(n), np.zeros(n), n, False, 0
    while True:
        com, gained, canceled = _local_moving(size, (a, b, w), loops, resolution / (2.0 * m), m, rng,
                                              max_passes, is_canceled)
        com = np.unique(com, return_inverse=True)[1]
        k = int(com.max()) + 1
        if k == size:
            break
        node = com[node]
        level += 1
        if progress is not None:
            progress(100.0 * (1.0 - 0.5 ** level))
        if gained <= threshold or canceled:
            break
        ca, cb = com[a], com[b]
        same = ca == cb
        loops = (np.bincount(com, weights=loops, minlength=k)
                 + np.bincount(ca[same], weights=w[same], minlength=k))
        lo, hi = np.minimum(ca[~same], cb[~same]), np.maximum(ca[~same], cb[~same])
        key, inverse = np.unique(lo * k + hi, return_inverse=True)
        a, b, w, size = key // k, key % k, np.bincount(inverse, weights=w[~same]), k
    return node, canceled


def _local_moving(size, edges, loops, scale, m, rng, max_passes, is_canceled):
    """Move each node to the neighbouring community of best modularity gain, in random order.

    A node moves only for a strictly positive gain ``w_uc - Stot_c * k_u * gamma / 2m``
    above staying; passes stop when none moves or after ``max_passes``.
    """
    a, b, w = edges
    src, dst, both = np.concatenate([a, b]), np.concatenate([b, a]), np.concatenate([w, w])
    order = np.argsort(src, kind="stable")
    src, dst, both = src[order], dst[order].tolist(), both[order]
    bounds = np.searchsorted(src, np.arange(size + 1)).tolist()
    degree = (np.bincount(src, weights=both, minlength=size) + 2 * loops).tolist()
    both = both.tolist()
    neighbours = [list(zip(dst[bounds[i]:bounds[i + 1]], both[bounds[i]:bounds[i + 1]])) for i in range(size)]
    total, com, visit = list(degree), list(range(size)), list(range(size))
    rng.shuffle(visit)
    gained, canceled = 0.0, False
    for _ in range(max_passes):
        moves = 0
        for u in visit:
            own, ku = com[u], degree[u]
            weights = {}
            for v, wv in neighbours[u]:
                c = com[v]
                weights[c] = weights.get(c, 0.0) + wv
            total[own] -= ku
            factor = ku * scale
            stay = weights.get(own, 0.0) - total[own] * factor
            best, best_c = stay, own
            for c, wc in weights.items():
                score = wc - total[c] * factor
                if score > best:
                    best, best_c = score, c
            total[best_c] += ku
            if best_c != own:
                com[u] = best_c
                moves += 1
                gained += (best - stay) / m
        if moves == 0:
            break
        if is_canceled is not None and is_canceled():
            canceled = True
            break
    return np.asarray(com, dtype=np.int64), gained, canceled


def _igraph_partition(n, lo, hi, weight, method, resolution, seed):
    try:
        import igraph
    except ImportError as exc:
        if method == "leiden":
            raise OptionalDependencyError("Leiden needs the python-igraph package, which is not installed: install "
                                          "it into QGIS's Python (pip install igraph), or use Louvain with the core "
                                          "engine.") from exc
        raise OptionalDependencyError("The igraph engine needs the python-igraph package, which is not installed: "
                                      "install it into QGIS's Python (pip install igraph), or use Louvain with the "
                                      "core engine.") from exc
    import random

    graph = igraph.Graph(n=n, edges=np.column_stack([lo, hi]).tolist())
    igraph.set_random_number_generator(random.Random(seed))
    try:
        if method == "leiden":
            found = graph.community_leiden(objective_function="modularity", weights=weight.tolist(),
                                           resolution=resolution, n_iterations=2)
        else:
            found = graph.community_multilevel(weights=weight.tolist(), resolution=resolution)
    finally:
        igraph.set_random_number_generator(random)
    return np.asarray(found.membership, dtype=np.int64)


def _modularity(pairs, group, resolution):
    ext = pairs.external
    o, d, v = pairs.origin[ext], pairs.destination[ext], pairs.volume[ext]
    m = v.sum()
    if m <= 0:
        return float("nan")
    n_groups = int(group.max()) + 1
    inside = group[o] == group[d]
    within = np.bincount(group[o[inside]], weights=v[inside], minlength=n_groups)
    degree = (pairs.outflow - pairs.internal) + (pairs.inflow - pairs.internal)
    total = np.bincount(group, weights=degree, minlength=n_groups)
    return float(np.sum(within / m - resolution * (total / (2.0 * m)) ** 2))


def modularity(flows, territory_ids, membership, *, resolution=1.0, flow_type=None):
    """Modularity ``Q`` of a partition on the undirected flow graph, self-flows left out.

    NaN when no flow joins two different territories.

    Examples
    --------
    >>> flows = pd.DataFrame({"origin": ["A", "C"], "destination": ["B", "D"],
    ...                       "flow_type": "flow", "value": [5.0, 5.0]})
    >>> modularity(flows, list("ABCD"), pd.Series(["x", "x", "y", "y"], index=list("ABCD")))
    0.5
    """
    table = FlowTable.of(flows, territory_ids)
    ids, pairs = regional_flows(table, flow_type)
    group, _ = region_groups(membership, ids)
    return _modularity(pairs, group, resolution) if len(ids) else float("nan")
