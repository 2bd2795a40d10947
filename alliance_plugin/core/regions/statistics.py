"""Size, internal flow and self-containment of the regions of a partition (methods.md, section 2).

Self-containment of a region A: ``T_AA / O_A`` (supply side: the share of what
leaves its members that stays inside A) and ``T_AA / D_A`` (demand side: the
share of what arrives in its members that comes from inside A), with ``T_AA``
all flows between members, internal ones included; NaN (NULL) when the
denominator is 0 (:func:`..flows.pairs.ratio`). The same ratios as a
territory's ``sc_supply`` and ``sc_demand`` (:mod:`..dependencies`) and INSEE's
and Eurostat's self-containment of a labour-market area.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..flows.pairs import FlowTable, ratio
from .partition import region_groups, regional_flows


def region_statistics(flows, territory_ids, membership, *, flow_type=None):
    """Size, internal flow and self-containment of every region of a partition.

    Parameters
    ----------
    flows : FlowTable or pandas.DataFrame
        The flows on the territories (:class:`..flows.pairs.FlowTable`), or
        canonical flows whose codes are all territories.
    territory_ids : sequence of str, optional
        The territories, unique (given by the FlowTable when None).
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
    table = FlowTable.of(flows, territory_ids)
    ids, pairs = regional_flows(table, flow_type)
    group, regions = region_groups(membership, ids)
    k = len(regions)
    same = group[pairs.origin] == group[pairs.destination]
    internal = np.bincount(group[pairs.origin[same]], weights=pairs.volume[same], minlength=k).astype(float)
    outflow = np.bincount(group, weights=pairs.outflow, minlength=k).astype(float)
    inflow = np.bincount(group, weights=pairs.inflow, minlength=k).astype(float)
    return pd.DataFrame({
        "n_units": np.bincount(group, minlength=k).astype(np.int64),
        "internal": internal, "outflow": outflow, "inflow": inflow,
        "sc_supply": ratio(internal, outflow), "sc_demand": ratio(internal, inflow),
    }, index=regions)
