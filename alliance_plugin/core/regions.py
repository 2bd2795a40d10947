"""Regions from flows: Intramax, modularity communities and region statistics
(methods.md, section 2).

Notation as in methods.md: ``T_ij`` flow from i to j, ``O_i = sum_j T_ij`` and
``D_j = sum_i T_ij``, both including the internal flow ``T_ii``.

Modelling assumptions
---------------------
- One flow type at a time: summing commuters with tonnes of food means
  nothing, so a table holding several types needs ``flow_type``.
- Intramax (Masser and Brown 1975) merges at each step the two regions that
  maximise ``I_AB = T_AB / (O_A * D_B) + T_BA / (O_B * D_A)`` (diagonal
  excluded); the rows and columns of the merged regions are summed, so ``O``
  and ``D`` keep the internal flows. Only pairs with a positive interaction
  are merged; with a contiguity table, only pairs of adjacent regions, a
  merged region being adjacent to the neighbours of both parts. When no pair
  is left the merging stops and says so: the remaining regions are the
  components of the flow graph (or of its adjacent part), each on its own.
  Exact ties go to the pair whose main members rank first by outflow.
- Region labels: a region is named after its main member, the territory with
  the largest outflow ``O_i`` (ties: the smallest code, in text order).
- Nothing depends on the order of the territories or of the flow rows: every
  method works on the territories sorted by code (Louvain visits them in an
  order drawn by its seed from that one), and the results come back in the
  order given.
- Modularity uses the undirected graph ``A_ij = T_ij + T_ji`` (i != j):
  self-flows are left out, since they lie inside every partition.
  ``Q = sum_c [L_c / m - gamma * (K_c / 2m)^2]`` with ``m`` the total weight,
  ``L_c`` the weight inside community c and ``K_c`` the sum of its degrees
  (configuration null; the gravity null of Expert et al. 2011 is not
  implemented). Louvain runs here (or in networkx, or igraph); Leiden needs
  python-igraph, an optional accelerator.
- Territories that exchange no flow with another one (no flow at all, or
  self-flows only) stay alone and are flagged ``isolated``.
- Self-containment of a region: ``T_AA / O_A`` (supply side) and ``T_AA / D_A``
  (demand side), with ``T_AA`` all flows between members, internal ones
  included; NaN when the denominator is 0.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .dependencies import _Pairs, _positions, _safe_ratio
from .errors import AllianceError, InvalidValueError, first_labels
from .flow_table import code_order

HISTORY_COLUMNS = ("step", "a", "b", "interaction", "size", "n_regions")


class OptionalDependencyError(AllianceError):
    """A method needs a package that is not installed."""


@dataclass
class IntramaxResult:
    """Membership when the merging stopped, and the merge history to cut elsewhere."""

    membership: pd.DataFrame  #: index territory id; ``region`` (label), ``isolated`` (bool)
    history: pd.DataFrame  #: one row per merge, columns :data:`HISTORY_COLUMNS`
    n_regions: int
    reason: str  #: ``target``, ``no_interaction``, ``no_adjacent_pair`` or ``canceled``
    message: str


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


def _prepare(flows, territory_ids, flow_type):
    """The territory ids sorted by code (the order every method works in) and the summed pairs."""
    ids = pd.Index(list(territory_ids), dtype=object)
    if ids.has_duplicates:
        raise InvalidValueError("Territory ids must be unique; repeated: {ids}.",
                                ids=first_labels(ids[ids.duplicated()].unique()))
    ids = ids[code_order(ids)]
    if len(flows):
        kinds = pd.unique(np.asarray(flows["flow_type"], dtype=object))
        if flow_type is not None:
            if flow_type not in set(kinds):
                raise InvalidValueError("The flow type '{flow_type}' is not in the table; its types are {kinds}.",
                                        flow_type=flow_type, kinds=first_labels(sorted(map(str, kinds))))
            flows = flows[np.asarray(flows["flow_type"], dtype=object) == flow_type]
        elif len(kinds) > 1:
            raise InvalidValueError("The flows hold several types ({kinds}); regions are built from one type: "
                                    "choose it.",
                                    kinds=first_labels(sorted(map(str, kinds))))
    try:
        o, d = _positions(flows["origin"], ids), _positions(flows["destination"], ids)
    except ValueError as exc:
        raise InvalidValueError("Some flows have codes that are not territories: match the flows "
                                "to the territories first.") from exc
    v = flows["value"].to_numpy(dtype=float)
    keep = v > 0
    return ids, _Pairs(o[keep], d[keep], v[keep], len(ids))


def _undirected(pairs):
    """Flows between different territories as pairs lo < hi: ``T_lo,hi`` and ``T_hi,lo``."""
    ext = pairs.external
    o, d, v = pairs.o[ext], pairs.d[ext], pairs.v[ext]
    lo, hi = np.minimum(o, d), np.maximum(o, d)
    key, inverse = np.unique(lo * pairs.n + hi, return_inverse=True)
    forward = np.bincount(inverse, weights=np.where(o == lo, v, 0.0), minlength=len(key))
    backward = np.bincount(inverse, weights=np.where(o == lo, 0.0, v), minlength=len(key))
    return key // max(pairs.n, 1), key % max(pairs.n, 1), forward, backward


def _outflow_rank(pairs):
    """Rank of each territory by decreasing outflow, ties in territory order (code order, see _prepare)."""
    order = np.lexsort((np.arange(pairs.n), -pairs.outflow))
    rank = np.empty(pairs.n, dtype=np.int64)
    rank[order] = np.arange(pairs.n)
    return rank


def _isolated(pairs):
    ext = pairs.external
    touched = np.zeros(pairs.n, dtype=bool)
    touched[pairs.o[ext]] = True
    touched[pairs.d[ext]] = True
    return ~touched


def _membership(ids, group, rank, isolated):
    """Territory -> region label (code of the member ranking first by outflow)."""
    n_groups = int(group.max()) + 1 if len(group) else 0
    best = np.full(n_groups, len(ids), dtype=np.int64)
    np.minimum.at(best, group, rank)
    by_rank = np.empty(len(ids), dtype=np.int64)
    by_rank[rank] = np.arange(len(ids))
    labels = np.asarray(ids, dtype=object)[by_rank[best[group]]] if len(ids) else np.array([], dtype=object)
    return pd.DataFrame({"region": labels, "isolated": isolated}, index=ids)


def _split_by(keys, values, other, n):
    """``n`` dicts: for each key, {other: value} of its rows."""
    order = np.argsort(keys, kind="stable")
    keys, values, other = keys[order], values[order].tolist(), other[order].tolist()
    bounds = np.searchsorted(keys, np.arange(n + 1)).tolist()
    return [dict(zip(other[bounds[i]:bounds[i + 1]], values[bounds[i]:bounds[i + 1]]))
            if bounds[i + 1] > bounds[i] else {} for i in range(n)]


def _adjacency(contiguity, ids):
    if contiguity is None:
        return None
    table = pd.DataFrame(contiguity)
    if not {"a", "b"} <= set(table.columns):
        raise InvalidValueError("The contiguity table needs the columns a and b; it has {columns}.",
                                columns=first_labels(table.columns))
    a = ids.get_indexer(np.asarray(table["a"], dtype=object))
    b = ids.get_indexer(np.asarray(table["b"], dtype=object))
    unknown = (a < 0) | (b < 0)
    if unknown.any():
        codes = pd.unique(np.concatenate([np.asarray(table["a"], dtype=object)[a < 0],
                                          np.asarray(table["b"], dtype=object)[b < 0]]))
        raise InvalidValueError("{n_unknown} contiguity pairs name codes that are not territories: {codes}.",
                                n_unknown=unknown.sum(), codes=first_labels(codes))
    adjacency = [set() for _ in range(len(ids))]
    for i, j in zip(a.tolist(), b.tolist()):
        if i != j:
            adjacency[i].add(j)
            adjacency[j].add(i)
    return adjacency


def _initial_heap(pairs, rank, adjacency):
    """Heap entries ``(-I, tie, a, b, stamp)`` of every candidate pair with a positive interaction."""
    n, outflow, inflow = pairs.n, pairs.outflow, pairs.inflow
    lo, hi, forward, backward = _undirected(pairs)
    if adjacency is not None:
        known = pd.Index(lo * n + hi)
        lo = np.array([i for i, nbrs in enumerate(adjacency) for j in nbrs if i < j], dtype=np.int64)
        hi = np.array([j for i, nbrs in enumerate(adjacency) for j in nbrs if i < j], dtype=np.int64)
        found = known.get_indexer(lo * n + hi)
        forward = np.where(found >= 0, forward[np.maximum(found, 0)] if len(forward) else 0.0, 0.0)
        backward = np.where(found >= 0, backward[np.maximum(found, 0)] if len(backward) else 0.0, 0.0)
    value = np.zeros(len(lo))
    np.divide(forward, outflow[lo] * inflow[hi], out=value, where=forward > 0)
    value += np.divide(backward, outflow[hi] * inflow[lo], out=np.zeros(len(lo)), where=backward > 0)
    keep = value > 0
    lo, hi, value = lo[keep], hi[keep], value[keep]
    tie = np.minimum(rank[lo], rank[hi]) * n + np.maximum(rank[lo], rank[hi])
    heap = list(zip((-value).tolist(), tie.tolist(), lo.tolist(), hi.tolist(), [0] * len(lo)))
    heapq.heapify(heap)
    return heap


def intramax(flows, territory_ids, *, n_regions=1, contiguity=None, flow_type=None,
             progress=None, is_canceled=None):
    """Intramax regions: merge the most interacting pair of regions, step by step.

    Parameters
    ----------
    flows : pandas.DataFrame
        Canonical flows whose codes are all territories (see
        :func:`.flow_table.match_territories`); zero flows are ignored.
    territory_ids : sequence of str
        The territories, unique.
    n_regions : int
        Stop when this many regions are left (territories without flows
        count); 1 runs the whole hierarchy, which :func:`cut_hierarchy` cuts
        at any number of regions.
    contiguity : pandas.DataFrame, optional
        Adjacent pairs (columns ``a``, ``b``, as from
        :func:`.geometry.contiguity`); only adjacent regions then merge.
    flow_type : str, optional
        The flow type to use; required when the table holds several.
    progress : callable(float), optional
        Told the percentage (0 to 100) of the merges done.
    is_canceled : callable() -> bool, optional
        Checked every 1,024 merges; when true the result so far is returned
        with the reason ``canceled``.

    Returns
    -------
    IntramaxResult
        ``membership`` (``region``: label of the region's main member,
        ``isolated``), ``history`` with one row per merge: ``step`` (1..),
        ``a`` (label of the region that keeps its label), ``b`` (label of the
        region absorbed), ``interaction`` (I), ``size`` (units in the merged
        region), ``n_regions`` (regions left after it); ``reason`` and
        ``message`` say why the merging stopped.

    Examples
    --------
    >>> flows = pd.DataFrame({"origin": ["A", "A", "B", "C", "C", "D"],
    ...                       "destination": ["B", "A", "A", "D", "C", "C"],
    ...                       "flow_type": "flow", "value": [30.0, 70.0, 20.0, 40.0, 60.0, 10.0]})
    >>> result = intramax(flows, ["A", "B", "C", "D"], n_regions=2)
    >>> result.membership["region"].tolist(), result.reason
    (['A', 'A', 'C', 'C'], 'target')
    >>> result.history[["step", "a", "b", "size", "n_regions"]].values.tolist()
    [[1, 'C', 'D', 2, 3], [2, 'A', 'B', 2, 2]]
    >>> intramax(flows, ["A", "B", "C", "D"]).message
    'Stopped at 2 regions: no two of them exchange flows (each is a component of the flow graph).'
    """
    if int(n_regions) < 1:
        raise InvalidValueError("The number of regions must be at least 1; it is {n_regions}.", n_regions=n_regions)
    ids, pairs = _prepare(flows, territory_ids, flow_type)
    adjacency = _adjacency(contiguity, ids)
    rank = _outflow_rank(pairs)
    parent, history, reason = _merge(pairs, rank, adjacency, int(n_regions), progress, is_canceled)
    while len(parent) and (parent[parent] != parent).any():
        parent = parent[parent]
    membership = _membership(ids, np.unique(parent, return_inverse=True)[1] if len(parent) else parent,
                             rank, _isolated(pairs)).reindex(pd.Index(list(territory_ids), dtype=object))
    codes = np.asarray(ids, dtype=object)
    table = pd.DataFrame(history, columns=["step", "a", "b", "interaction", "size", "n_regions"])
    table = table.astype({"step": np.int64, "size": np.int64, "n_regions": np.int64, "interaction": float})
    table["a"] = codes[table["a"].to_numpy(dtype=np.int64)]
    table["b"] = codes[table["b"].to_numpy(dtype=np.int64)]
    left = len(ids) - len(table)
    return IntramaxResult(membership, table, left, reason, _stop_message(reason, left, adjacency is not None))


def _stop_message(reason, left, contiguous):
    if reason == "target":
        return f"Reached the requested {left} region{'' if left == 1 else 's'}."
    if reason == "canceled":
        return f"Canceled at {left} regions."
    if left <= 1:
        return f"Stopped at {left} region: nothing is left to merge."
    if contiguous:
        return (f"Stopped at {left} regions: no two adjacent regions exchange flows "
                "(each is a component of the adjacent flow graph).")
    return f"Stopped at {left} regions: no two of them exchange flows (each is a component of the flow graph)."


def _merge(pairs, rank, adjacency, target, progress, is_canceled):
    """The agglomeration on slots (territory positions); a merged region keeps one slot.

    A heap entry ``(-I, tie, a, b, stamp)`` is exact when neither slot changed
    after ``stamp``. When a region absorbs another, the interactions with the
    partners of the absorbed part are pushed again; those with the other
    partners can only fall (their flow is unchanged, ``O`` and ``D`` grew), so
    their old entries stay as upper bounds and are recomputed when they reach
    the top. Slots of absorbed regions are dead: their entries are skipped, and
    swept out of the heap in one pass when they may be half of it.
    """
    n = pairs.n
    parent = np.arange(n)
    if n < 2 or target >= n:
        return parent, [], "target"
    ext = pairs.external
    o, d, v = pairs.o[ext], pairs.d[ext], pairs.v[ext]
    out, inn = _split_by(o, v, d, n), _split_by(d, v, o, n)
    big_o, big_d = pairs.outflow.tolist(), pairs.inflow.tolist()
    rank_of = rank.tolist()  # rank of each slot's main member
    rep, size, mod, alive = list(range(n)), [1] * n, [0] * n, [True] * n
    heap = _initial_heap(pairs, rank, adjacency)
    push, pop = heapq.heappush, heapq.heappop

    def interaction(a, b):
        t, u, value = out[a].get(b, 0.0), out[b].get(a, 0.0), 0.0
        if t > 0:
            value = t / (big_o[a] * big_d[b])
        if u > 0:
            value += u / (big_o[b] * big_d[a])
        return value

    def tie(a, b):
        p, q = rank_of[a], rank_of[b]
        return p * n + q if p < q else q * n + p

    history, regions, step, reason, dying = [], n, 0, "target", 0
    while regions > target:
        if not heap:
            reason = "no_adjacent_pair" if adjacency is not None else "no_interaction"
            break
        entry = pop(heap)
        a, b, stamp = entry[2], entry[3], entry[4]
        if not (alive[a] and alive[b]):
            continue
        if stamp < mod[a] or stamp < mod[b]:
            value = interaction(a, b)
            if value > 0:
                push(heap, (-value, tie(a, b), a, b, step))
            continue
        if heap and heap[0][0] == entry[0]:
            entry = _break_tie(entry, heap, alive, mod, interaction, tie, step)
            a, b = entry[2], entry[3]
        step += 1
        # The absorbed slot s is the one with fewer partners: its partners are renamed.
        r, s = (a, b) if len(out[a]) + len(inn[a]) >= len(out[b]) + len(inn[b]) else (b, a)
        keep, lose = (rep[a], rep[b]) if rank_of[a] < rank_of[b] else (rep[b], rep[a])
        dying += len(out[s]) + len(inn[s])
        touched = _absorb(out, inn, r, s)
        if adjacency is not None:
            touched = _absorb_neighbours(adjacency, r, s, touched)
        big_o[r] += big_o[s]
        big_d[r] += big_d[s]
        size[r] += size[s]
        rep[r], rank_of[r], parent[s], alive[s], mod[r] = keep, min(rank_of[r], rank_of[s]), r, False, step
        regions -= 1
        history.append((step, keep, lose, -entry[0], size[r], regions))
        out_r, in_r, o_r, d_r, p = out[r], inn[r], big_o[r], big_d[r], rank_of[r]
        for k in touched:  # interaction(r, k) and tie(r, k), inlined: the hot loop
            t, u = out_r.get(k, 0.0), in_r.get(k, 0.0)
            value = t / (o_r * big_d[k]) if t > 0 else 0.0
            if u > 0:
                value += u / (big_o[k] * d_r)
            if value > 0:
                q = rank_of[k]
                push(heap, (-value, p * n + q if p < q else q * n + p, r, k, step))
        if dying > len(heap) >> 1:
            heap = [item for item in heap if alive[item[2]] and alive[item[3]]]
            heapq.heapify(heap)
            dying = 0
        if step % 1024 == 0:
            if is_canceled is not None and is_canceled():
                reason = "canceled"
                break
            if progress is not None:
                progress(100.0 * step / max(n - target, 1))
    return parent, history, reason


def _absorb(out, inn, r, s):
    """Sum the rows and columns of slot s into slot r; return s's partners (now r's)."""
    out_r, in_r, out_s, in_s = out[r], inn[r], out[s], inn[s]
    for table, key in ((out_r, s), (in_r, s), (out_s, r), (in_s, r)):
        table.pop(key, None)  # flows between the two parts become internal
    for k, t in out_s.items():
        other = inn[k]
        del other[s]
        other[r] = other.get(r, 0.0) + t
        out_r[k] = out_r.get(k, 0.0) + t
    for k, t in in_s.items():
        other = out[k]
        del other[s]
        other[r] = other.get(r, 0.0) + t
        in_r[k] = in_r.get(k, 0.0) + t
    out[s] = inn[s] = None
    return out_s.keys() | in_s.keys()


def _absorb_neighbours(adjacency, r, s, touched):
    """r becomes adjacent to s's neighbours; return the adjacent partners to re-evaluate."""
    adj_r, adj_s = adjacency[r], adjacency[s]
    adj_r.discard(s)
    adj_s.discard(r)
    for k in adj_s:
        adjacency[k].discard(s)
        adjacency[k].add(r)
    adj_r |= adj_s
    adjacency[s] = None
    return (touched | adj_s) & adj_r


def _break_tie(entry, heap, alive, mod, interaction, tie, step):
    """Among entries of exactly the same interaction, the one with the smallest tie key."""
    best, others = entry, []
    while heap and heap[0][0] == entry[0]:
        item = heapq.heappop(heap)
        a, b = item[2], item[3]
        if not (alive[a] and alive[b]):
            continue
        if item[4] < mod[a] or item[4] < mod[b]:
            value = interaction(a, b)
            if value <= 0:
                continue
            item = (-value, tie(a, b), a, b, step)
            if item[0] != entry[0]:
                others.append(item)
                continue
        if item < best:
            best, item = item, best
        others.append(item)
    for item in others:
        heapq.heappush(heap, item)
    return best


def cut_hierarchy(history, territory_ids, n_regions):
    """Membership at ``n_regions`` regions, replaying the first merges of a history.

    Parameters
    ----------
    history : pandas.DataFrame
        :attr:`IntramaxResult.history` (columns ``a``, ``b`` at least, in step order).
    territory_ids : sequence of str
        The territories of the run.
    n_regions : int
        Regions wanted; when the history stopped earlier, its last state.

    Returns
    -------
    pandas.Series
        Region label per territory (named ``region``), labels as in :func:`intramax`.

    Examples
    --------
    >>> history = pd.DataFrame({"a": ["A", "C", "A"], "b": ["B", "D", "C"]})
    >>> cut_hierarchy(history, ["A", "B", "C", "D"], 2).tolist()
    ['A', 'A', 'C', 'C']
    """
    ids = pd.Index(list(territory_ids), dtype=object)
    if int(n_regions) < 1:
        raise InvalidValueError("The number of regions must be at least 1; it is {n_regions}.", n_regions=n_regions)
    steps = max(0, min(len(ids) - int(n_regions), len(history)))
    parent = np.arange(len(ids))
    a = ids.get_indexer(np.asarray(history["a"], dtype=object)[:steps])
    b = ids.get_indexer(np.asarray(history["b"], dtype=object)[:steps])
    if (a < 0).any() or (b < 0).any():
        raise InvalidValueError("The history names regions that are not territories of this run.")
    for i, j in zip(a.tolist(), b.tolist()):
        parent[j] = i  # a label is always its region's root: b's root is b itself
    while (parent[parent] != parent).any():
        parent = parent[parent]
    return pd.Series(np.asarray(ids, dtype=object)[parent], index=ids, name="region")


def modularity_communities(flows, territory_ids, *, method="louvain", resolution=1.0, seed=0,
                           engine="core", max_passes=20, flow_type=None, progress=None, is_canceled=None):
    """Communities that maximise modularity on the undirected flow graph.

    Parameters
    ----------
    flows : pandas.DataFrame
        Canonical flows whose codes are all territories.
    territory_ids : sequence of str
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
    ids, pairs = _prepare(flows, territory_ids, flow_type)
    lo, hi, forward, backward = _undirected(pairs)
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
    membership = _membership(ids, group, _outflow_rank(pairs), _isolated(pairs)).reindex(
        pd.Index(list(territory_ids), dtype=object))
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


def _groups(membership, ids):
    """Group number of each territory (in ``ids`` order) and the region labels."""
    if isinstance(membership, pd.DataFrame):
        if "region" not in membership.columns:
            raise InvalidValueError("The membership table needs a 'region' column.")
        membership = membership["region"]
    membership = pd.Series(membership) if not isinstance(membership, pd.Series) else membership
    missing = ids.difference(pd.Index(membership.index, dtype=object))
    if len(missing):
        raise InvalidValueError("{n_missing} territories have no region: {missing}.", n_missing=len(missing),
                                missing=first_labels(missing))
    labels = membership.reindex(ids)
    if labels.isna().any():
        raise InvalidValueError("Territories without a region: {ids}.",
                                ids=first_labels(ids[labels.isna().to_numpy()]))
    group, regions = pd.factorize(labels, sort=True)
    return group, pd.Index(regions, name="region")


def _modularity(pairs, group, resolution):
    ext = pairs.external
    o, d, v = pairs.o[ext], pairs.d[ext], pairs.v[ext]
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
    ids, pairs = _prepare(flows, territory_ids, flow_type)
    group, _ = _groups(membership, ids)
    return _modularity(pairs, group, resolution) if len(ids) else float("nan")


def region_statistics(flows, territory_ids, membership, *, flow_type=None):
    """Size, internal flow and self-containment of every region of a partition.

    Parameters
    ----------
    flows : pandas.DataFrame
        Canonical flows whose codes are all territories.
    territory_ids : sequence of str
    membership : pandas.Series or pandas.DataFrame
        Region of each territory (indexed by territory id), or a table with a
        ``region`` column such as :attr:`IntramaxResult.membership`.
    flow_type : str, optional

    Returns
    -------
    pandas.DataFrame
        Indexed by region (sorted): ``n_units``, ``internal`` (``T_AA``),
        ``outflow`` (``O_A``), ``inflow`` (``D_A``), ``sc_supply``
        (``T_AA / O_A``), ``sc_demand`` (``T_AA / D_A``). The number of regions
        is its length; :func:`modularity` gives the partition's ``Q``.

    Examples
    --------
    >>> flows = pd.DataFrame({"origin": ["A", "A", "B", "C"], "destination": ["A", "B", "C", "C"],
    ...                       "flow_type": "flow", "value": [6.0, 2.0, 2.0, 5.0]})
    >>> stats = region_statistics(flows, list("ABC"), pd.Series(["x", "x", "y"], index=list("ABC")))
    >>> stats.values.tolist()
    [[2.0, 8.0, 10.0, 8.0, 0.8, 1.0], [1.0, 5.0, 5.0, 7.0, 1.0, 0.7142857142857143]]
    """
    ids, pairs = _prepare(flows, territory_ids, flow_type)
    group, regions = _groups(membership, ids)
    k = len(regions)
    same = group[pairs.o] == group[pairs.d]
    internal = np.bincount(group[pairs.o[same]], weights=pairs.v[same], minlength=k).astype(float)
    outflow = np.bincount(group, weights=pairs.outflow, minlength=k).astype(float)
    inflow = np.bincount(group, weights=pairs.inflow, minlength=k).astype(float)
    return pd.DataFrame({
        "n_units": np.bincount(group, minlength=k).astype(np.int64),
        "internal": internal, "outflow": outflow, "inflow": inflow,
        "sc_supply": _safe_ratio(internal, outflow), "sc_demand": _safe_ratio(internal, inflow),
    }, index=regions)
