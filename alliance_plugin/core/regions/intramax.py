"""Intramax regions (Masser and Brown 1975; methods.md, section 2).

Intramax merges at each step the two regions that maximise
``I_AB = T_AB / (O_A * D_B) + T_BA / (O_B * D_A)`` (diagonal excluded), with
``T_AB`` the flow from region A to region B and ``O``, ``D`` the outflow and
inflow including the internal flows; the rows and columns of the merged
regions are summed, so ``O`` and ``D`` keep the internal flows.

Modelling assumptions
---------------------
- Only pairs with a positive interaction are merged; with a contiguity table,
  only pairs of adjacent regions, a merged region being adjacent to the
  neighbours of both parts. When no pair is left the merging stops and says
  so: the remaining regions are the components of the flow graph (or of its
  adjacent part), each on its own.
- Exact ties go to the pair whose main members rank first by outflow.
- One flow type, territories in code order, region labels: see :mod:`.partition`.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import InvalidValueError, first_labels
from ..flows.pairs import FlowTable
from .partition import isolated, membership_table, outflow_rank, regional_flows, undirected

HISTORY_COLUMNS = ("step", "a", "b", "interaction", "size", "n_regions")


@dataclass
class IntramaxResult:
    """Membership when the merging stopped, and the merge history to cut elsewhere."""

    membership: pd.DataFrame  #: index territory id; ``region`` (label), ``isolated`` (bool)
    history: pd.DataFrame  #: one row per merge, columns :data:`HISTORY_COLUMNS`
    n_regions: int
    reason: str  #: ``target``, ``no_interaction``, ``no_adjacent_pair`` or ``canceled``
    message: str



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
    lo, hi, forward, backward = undirected(pairs)
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


def intramax(flows, territory_ids=None, *, n_regions=1, contiguity=None, flow_type=None,
             progress=None, is_canceled=None):
    """Intramax regions: merge the most interacting pair of regions, step by step.

    Parameters
    ----------
    flows : FlowTable or pandas.DataFrame
        The flows on the territories (:class:`..flows.pairs.FlowTable`), or
        canonical flows whose codes are all territories (see
        :func:`..flows.table.match_territories`); zero flows are ignored.
    territory_ids : sequence of str, optional
        The territories, unique (given by the FlowTable when omitted).
    n_regions : int
        Stop when this many regions are left (territories without flows
        count); 1 runs the whole hierarchy, which :func:`cut_hierarchy` cuts
        at any number of regions.
    contiguity : pandas.DataFrame, optional
        Adjacent pairs (columns ``a``, ``b``, as from
        :func:`..geometry.contiguity`); only adjacent regions then merge.
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
    table = FlowTable.of(flows, territory_ids)
    ids, pairs = regional_flows(table, flow_type)
    adjacency = _adjacency(contiguity, ids)
    rank = outflow_rank(pairs)
    parent, history, reason = _merge(pairs, rank, adjacency, int(n_regions), progress, is_canceled)
    while len(parent) and (parent[parent] != parent).any():
        parent = parent[parent]
    membership = membership_table(ids, np.unique(parent, return_inverse=True)[1] if len(parent) else parent,
                             rank, isolated(pairs)).reindex(table.ids)
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
    o, d, v = pairs.origin[ext], pairs.destination[ext], pairs.volume[ext]
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
