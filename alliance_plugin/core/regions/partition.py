"""What every regionalisation of flows shares: one flow type, the territories in code order,
the undirected flow graph, and region labels.

Notation as in methods.md, section 2: ``T_ij`` flow from i to j, ``O_i = sum_j T_ij`` and
``D_j = sum_i T_ij``, both including the internal flow ``T_ii``.

Modelling assumptions
---------------------
- One flow type at a time: summing commuters with tonnes of food means
  nothing, so a table holding several types needs ``flow_type``. Zero flows
  are ignored.
- Nothing depends on the order of the territories or of the flow rows: every
  method works on the territories sorted by code (:func:`..flows.codes.code_order`),
  and the results come back in the order given.
- Region labels: a region is named after its main member, the territory with
  the largest outflow ``O_i`` (ties: the smallest code, in text order).
- The undirected graph (modularity) has ``A_ij = T_ij + T_ji`` for i != j:
  self-flows are left out, since they lie inside every partition.
- Territories that exchange no flow with another one (no flow at all, or
  self-flows only) stay alone and are flagged ``isolated``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import InvalidValueError, first_labels


def regional_flows(flows, flow_type):
    """The territory ids sorted by code (the order every method works in) and the positive flows of
    one type summed per pair (:class:`..flows.pairs.FlowPairs`).

    ``flows`` is a :class:`..flows.pairs.FlowTable`; ``flow_type`` None needs a table of one type.
    """
    table = flows.in_code_order()
    if len(table):
        if flow_type is not None:
            table = table.of_type(flow_type)
        elif len(table.types) > 1:
            raise InvalidValueError("The flows hold several types ({kinds}); regions are built from one type: "
                                    "choose it.",
                                    kinds=first_labels(sorted(map(str, table.types))))
    return table.ids, table.positive().pairs()


def undirected(pairs):
    """Flows between different territories as pairs lo < hi: ``T_lo,hi`` and ``T_hi,lo``."""
    ext = pairs.external
    o, d, v = pairs.origin[ext], pairs.destination[ext], pairs.volume[ext]
    lo, hi = np.minimum(o, d), np.maximum(o, d)
    key, inverse = np.unique(lo * pairs.n + hi, return_inverse=True)
    forward = np.bincount(inverse, weights=np.where(o == lo, v, 0.0), minlength=len(key))
    backward = np.bincount(inverse, weights=np.where(o == lo, 0.0, v), minlength=len(key))
    return key // max(pairs.n, 1), key % max(pairs.n, 1), forward, backward


def outflow_rank(pairs):
    """Rank of each territory by decreasing outflow, ties in territory order (code order, see regional_flows)."""
    order = np.lexsort((np.arange(pairs.n), -pairs.outflow))
    rank = np.empty(pairs.n, dtype=np.int64)
    rank[order] = np.arange(pairs.n)
    return rank



def isolated(pairs):
    """Territories that exchange no flow with another one."""
    return ~pairs.touched()


def membership_table(ids, group, rank, isolated):
    """Territory -> region label (code of the member ranking first by outflow)."""
    n_groups = int(group.max()) + 1 if len(group) else 0
    best = np.full(n_groups, len(ids), dtype=np.int64)
    np.minimum.at(best, group, rank)
    by_rank = np.empty(len(ids), dtype=np.int64)
    by_rank[rank] = np.arange(len(ids))
    labels = np.asarray(ids, dtype=object)[by_rank[best[group]]] if len(ids) else np.array([], dtype=object)
    return pd.DataFrame({"region": labels, "isolated": isolated}, index=ids)



def region_groups(membership, ids):
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

