"""Dominant flows and the urban hierarchy (Nystuen and Dacey 1961; methods.md, section 1).

From flows matched to the territories (:class:`.flows.pairs.FlowTable`, or a
canonical flow table and the territory ids) with ``T_ij`` the flow from i to j (all flow types summed, or one chosen type), territory i is *dominated*
by j when

1. j receives i's largest flow to another territory, ``j = argmax_{j != i} T_ij``
   (positive flows only), and
2. j is strictly larger than i: ``size_j > size_i``.

The flow ``i -> j`` is then a *dominant flow* and j is i's parent. Following the
parents from any territory gives its tree; the tops are the roots.

Why there is never a cycle: sizes strictly increase along every parent link, so
a chain ``i -> j -> ... -> i`` would need ``size_i > size_i``. Every territory
has at most one parent, so the dominant flows form a forest. Territories of
equal size never dominate each other (strict inequality): two equal cities whose
largest flows go to each other are both roots.

Modelling assumptions
---------------------
- Size is, by default, the total inflow ``D_i = sum_j T_ji`` *including* the
  internal flow ``T_ii``, as in the rest of the plugin (for commuting: the jobs
  in i). ``size="external_inflow"`` leaves ``T_ii`` out, as in Nystuen and
  Dacey's telephone matrix, which had no diagonal; the two agree when the table
  has no internal flows. Any other size (population) can be given as a Series.
- The largest outflow never counts the internal flow ``T_ii``.
- Ties (two destinations receiving the same largest flow) go to the smallest
  code, in text order, so results never depend on row or territory order.

Our rules (not Nystuen and Dacey's wording)
-------------------------------------------
The classes: ``dominant`` not dominated and dominating at least one territory
(a root); ``intermediate`` dominated and dominating; ``dominated`` dominated and
dominating nobody (a leaf); ``independent`` neither dominated nor dominating
although it sends or receives flows (its largest flow goes to a territory that
is not larger); ``isolated`` no flow to or from another territory.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from .errors import InvalidValueError, first_labels
from .flows.pairs import FlowTable, territory_index  # noqa: F401 (territory_index: used here before)
from .progress import cancelable

ND_CLASSES = ("dominant", "intermediate", "dominated", "independent", "isolated")
SIZES = ("inflow", "external_inflow")


class DominantFlows(NamedTuple):
    """The result of :func:`dominant_flows` (unpacks as a tuple of four)."""

    #: one row per territory, indexed by id, in the order given
    territories: pd.DataFrame
    #: the dominant flows ``origin, destination, volume`` (one per dominated territory)
    flows: pd.DataFrame
    #: share of the flows between different territories carried by the dominant flows
    share: float
    #: the options used, to record with the output
    params: dict

    @property
    def n_roots(self):
        """Number of dominant territories: the tops of the trees that dominate someone."""
        return int((self.territories["nd_class"] == "dominant").sum())

    def lines(self):
        """The dominant flows with the level of their origin (``nd_level``), to draw the hierarchy."""
        return self.flows.assign(nd_level=self.territories["nd_level"].reindex(self.flows["origin"]).to_numpy())


def _size_vector(size, pairs, ids):
    if isinstance(size, str):
        if size == "inflow":
            return pairs.inflow
        if size == "external_inflow":
            return pairs.inflow - pairs.internal
        raise InvalidValueError("size must be one of {sizes} or a Series; got '{size}'.", sizes=', '.join(SIZES),
                                size=size)
    series = pd.Series(size)
    if series.index.has_duplicates:
        raise InvalidValueError("The size Series must have one value per territory; repeated: {index}.",
                                index=first_labels(series.index[series.index.duplicated()].unique()))
    values = pd.to_numeric(series.reindex(ids), errors="coerce").to_numpy(dtype=float)
    bad = ~np.isfinite(values)
    if bad.any():
        raise InvalidValueError("The size Series must give a number for every territory; {n_bad} have none "
                                "({ids}).", n_bad=bad.sum(),
                                ids=first_labels(ids[bad]))
    return values


def _forest(parent):
    """Root, depth and total number of subordinates of every node of a parent forest."""
    n = len(parent)
    nodes = np.arange(n)
    up = np.where(parent >= 0, parent, nodes)
    depth = (parent >= 0).astype(np.int64)
    while True:  # pointer jumping: log2(depth) rounds
        nxt = up[up]
        if np.array_equal(nxt, up):
            break
        depth = depth + depth[up]  # a root's depth is 0
        up = nxt
    total = np.zeros(n, dtype=np.int64)
    for level in range(int(depth.max(initial=0)), 0, -1):  # deepest first
        at = np.flatnonzero(depth == level)
        total += np.bincount(parent[at], weights=total[at] + 1, minlength=n).astype(np.int64)
    return up, depth, total


@cancelable
def dominant_flows(flows, territory_ids=None, *, size="inflow", flow_type=None, tick):
    """Nystuen-Dacey dominant flows, the hierarchy they form and each territory's role.

    Parameters
    ----------
    flows : FlowTable or pandas.DataFrame
        The flows on the territories (:class:`.flows.pairs.FlowTable`), or
        canonical flows (``origin, destination, flow_type, value``) whose codes
        are all in ``territory_ids``.
    territory_ids : sequence of str, optional
        The territories, unique; the result is indexed by them, in that order
        (given by the FlowTable when omitted).
    size : {"inflow", "external_inflow"} or pandas.Series
        The size that decides domination: the total inflow including the
        internal flow (default), the inflow from other territories, or a Series
        indexed by territory id (population, jobs) with a number for each.
    flow_type : str, optional
        Use only this flow type; None (default) sums all types.
    progress, is_canceled : callable, optional
        Told the percentage done (0 to 100); checked between the steps (see
        :func:`.progress.cancelable`).

    Returns
    -------
    DominantFlows or None
        ``territories`` has ``nd_class`` (see the module), ``nd_parent`` (the
        territory i is dominated by; missing for the others), ``nd_root`` (the
        top of its tree, itself for a root), ``nd_level`` (0 for a root),
        ``nd_direct`` (number of territories it dominates directly),
        ``nd_subordinates`` (all territories below it), ``nd_size`` (the size
        used) and ``nd_flow`` (the volume of its dominant flow, 0 if none). ``flows`` holds ``origin, destination,
        volume`` for each dominant flow, in the order of the territories.
        ``share`` is the dominant flows' volume over the volume of all flows
        between different territories (NaN if there is none). None when canceled.

    Examples
    --------
    >>> flows = pd.DataFrame({"origin": ["A", "A", "B", "C", "D"], "destination": ["B", "C", "C", "B", "C"],
    ...                       "flow_type": "flow", "value": [30.0, 20.0, 40.0, 10.0, 5.0]})
    >>> result = dominant_flows(flows, ["A", "B", "C", "D", "E"])
    >>> result.territories[["nd_class", "nd_parent", "nd_root", "nd_level", "nd_subordinates"]].fillna("-").values.tolist()
    [['dominated', 'B', 'C', 2, 0], ['intermediate', 'C', 'C', 1, 1], ['dominant', '-', 'C', 0, 3], \
['dominated', 'C', 'C', 1, 0], ['isolated', '-', 'E', 0, 0]]
    >>> round(result.share, 4)  # (30 + 40 + 5) / 105
    0.7143
    """
    table = FlowTable.of(flows, territory_ids, allow_empty=False).of_type(flow_type)
    ids = table.ids
    # Work on the ids sorted as text so that a position tie is a smallest-code tie.
    by_code = table.in_code_order()
    pairs = by_code.pairs()
    sizes = _size_vector(size, pairs, by_code.ids)
    partner, partner_flow = pairs.main_partners()
    tick(0.4)
    has_partner = partner >= 0
    dominated = has_partner & (sizes[np.maximum(partner, 0)] > sizes)
    parent = np.where(dominated, partner, -1)
    root, level, total = _forest(parent)
    tick(0.7)
    direct = np.bincount(parent[dominated], minlength=len(ids))
    external_out = pairs.outflow - pairs.internal
    external_in = pairs.inflow - pairs.internal
    isolated = (external_out <= 0) & (external_in <= 0)
    nd_class = np.select([dominated & (direct > 0), dominated, direct > 0, isolated],
                         ["intermediate", "dominated", "dominant", "isolated"], default="independent")
    codes = np.asarray(by_code.ids, dtype=object)
    territories = pd.DataFrame({
        "nd_class": nd_class.astype(object),
        "nd_parent": np.where(dominated, codes[np.maximum(parent, 0)], None),
        "nd_root": codes[root],
        "nd_level": level,
        "nd_direct": direct.astype(np.int64),
        "nd_subordinates": total,
        "nd_size": sizes,
        "nd_flow": np.where(dominated, partner_flow, 0.0),
    }, index=by_code.ids).reindex(ids)
    chosen = territories[territories["nd_parent"].notna()]
    dominant = pd.DataFrame({"origin": chosen.index.to_numpy(dtype=object),
                             "destination": chosen["nd_parent"].to_numpy(dtype=object),
                             "volume": chosen["nd_flow"].to_numpy(dtype=float)})
    external_total = float(external_out.sum())
    share = float(dominant["volume"].sum()) / external_total if external_total > 0 else float("nan")
    params = {"size": size if isinstance(size, str) else "given", "flow_type": flow_type}
    return DominantFlows(territories, dominant, share, params)
