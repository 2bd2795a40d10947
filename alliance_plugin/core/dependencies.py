"""Flow dependencies between territories (methods.md, section 1).

Indicators per territory ``i`` from flows matched to the territories
(:class:`.flows.pairs.FlowTable`, or a canonical flow table and the territory
ids, see :mod:`.flows.table`), with ``T_ij`` the flow from i to j:

- ``outflow`` ``O_i = sum_j T_ij`` and ``inflow`` ``D_i = sum_j T_ji`` (both
  including the internal flow ``T_ii``), ``internal`` ``T_ii``;
- ``sc_supply = T_ii / O_i`` and ``sc_demand = T_ii / D_i`` (self-containment);
- ``net_balance = D_i - O_i``; ``jci = 100 * D_i / O_i`` for commuting flows only
  (INSEE's job concentration index);
- ``main_partner = argmax_{j != i} T_ij`` and ``main_share = T_ij / O_i``; ties go
  to the smallest code, so results never depend on row order; a territory
  whose whole outflow stays inside has no main partner and a share of 0;
- ``hhi = sum_{j != i} (T_ij / (O_i - T_ii))^2``, ``n_partners`` the number of
  other territories receiving a positive flow;
- ``n_dependents``: territories whose main partner is i with a share at least the
  dependency threshold.

The role class is our rule, not an official one (the help text says so):
``isolated`` no flow leaves or enters from another territory; ``interdependent``
i depends on its main partner (share >= threshold) and either that partner
depends on i in return (``T_ji / O_j >= threshold``) or other territories depend
on i; ``dependent`` i depends on its main partner only; ``pole`` other
territories depend on i and i depends on none; ``autonomous`` everything else.

Undefined ratios (a zero denominator) are ``NaN``, written as NULL: never an
infinity or a division by zero.

A flow table without any internal flow (no row with origin = destination, per
flow type) says nothing about what stays inside a territory (migration tables
between regions, for example): ``internal``, ``sc_supply``, ``sc_demand`` and
``jci`` are then NULL, never 0 (:func:`types_without_internal` names those
types, so the glue can warn). The total is measured only when every flow type
has internal flows.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .errors import InvalidValueError
from .flows.pairs import FlowPairs, FlowTable, ratio
from .progress import Ticker, cancelable

COMMUTING_TYPES = frozenset({"commuting", "commute", "navettes", "domicile-travail",
                             "domicile_travail", "mobpro", "work"})
ROLES = ("pole", "interdependent", "dependent", "autonomous", "isolated")
TOTAL = "total"
_RATIO_COLUMNS = ("sc_supply", "sc_demand", "jci", "main_share", "hhi")


def type_prefix(flow_type):
    """Field prefix of a flow type: a short lowercase identifier.

    Examples
    --------
    >>> type_prefix("Énergie (GWh)")
    'nergie_gwh'
    >>> type_prefix("2024 food")
    't_2024_food'
    """
    slug = re.sub(r"[^0-9a-z]+", "_", str(flow_type).lower()).strip("_")[:20] or "type"
    return f"t_{slug}" if slug[0].isdigit() else slug


def _indicators(pairs, ids, threshold, commuting, has_internal=None):
    """All per-territory indicators for one set of flows; without internal flows in the table,
    what needs them (internal, self-containment, jci) is NaN."""
    n = len(ids)
    has_internal = pairs.has_internal if has_internal is None else has_internal
    outflow, inflow, internal = pairs.outflow, pairs.inflow, pairs.internal
    ext_out = outflow - internal
    ext_in = inflow - internal
    partner, partner_flow = pairs.main_partners()
    main_share = ratio(partner_flow, outflow)
    ext = pairs.external & (pairs.volume > 0)
    o_ext = pairs.origin[ext]
    share_ext = pairs.volume[ext] / ext_out[o_ext]
    hhi = np.bincount(o_ext, weights=share_ext ** 2, minlength=n).astype(float)
    hhi[ext_out <= 0] = np.nan
    n_partners = np.bincount(o_ext, minlength=n)
    # A territory with no partner outside itself depends on nobody, even at a threshold of 0.
    dependent = (partner >= 0) & (np.nan_to_num(main_share, nan=0.0) >= threshold)
    n_dependents = np.bincount(partner[dependent], minlength=n)
    # T_ji / O_j for j the main partner of i: does the partner depend on i in return?
    has_partner = partner >= 0
    back = np.zeros(n)
    back_flow = pairs.flow(partner[has_partner], np.flatnonzero(has_partner))
    back[has_partner] = np.nan_to_num(ratio(back_flow, outflow[partner[has_partner]]), nan=0.0)
    isolated = (ext_out <= 0) & (ext_in <= 0)
    returned = np.zeros(n, dtype=bool)  # the partner sends something back (decides only at a threshold of 0)
    returned[has_partner] = back_flow > 0
    mutual = dependent & returned & (back >= threshold)
    role = np.select(
        [isolated, dependent & (mutual | (n_dependents > 0)), dependent, n_dependents > 0],
        ["isolated", "interdependent", "dependent", "pole"], default="autonomous")
    codes = np.asarray(ids, dtype=object)
    unknown = np.full(n, np.nan)
    frame = pd.DataFrame({
        "outflow": outflow, "inflow": inflow, "internal": internal if has_internal else unknown,
        "sc_supply": ratio(internal, outflow) if has_internal else unknown,
        "sc_demand": ratio(internal, inflow) if has_internal else unknown,
        "net_balance": inflow - outflow,
        "jci": ratio(inflow, outflow, 100.0) if commuting and has_internal else unknown,
        "main_partner": np.where(has_partner, codes[np.maximum(partner, 0)], None),
        "main_share": main_share, "hhi": hhi,
        "n_partners": n_partners.astype(np.int64), "n_dependents": n_dependents.astype(np.int64),
        "role": role.astype(object),
    }, index=ids)
    if not commuting:
        frame = frame.drop(columns="jci")
    return frame


def _pair_frame(pairs, ids, kind):
    ext = pairs.external
    o, d, v = pairs.origin[ext], pairs.destination[ext], pairs.volume[ext]
    reverse = pairs.reverse()[ext]
    share_origin = ratio(v, pairs.outflow[o])
    return pd.DataFrame({
        "origin": pd.Categorical.from_codes(o, categories=ids),
        "destination": pd.Categorical.from_codes(d, categories=ids),
        "flow_type": kind, "volume": v, "share_origin": share_origin,
        "share_destination": ratio(v, pairs.inflow[d]), "reverse": reverse,
        "asymmetry": ratio(v - reverse, v + reverse),
        "reciprocity": np.fmin(share_origin, ratio(reverse, pairs.outflow[d])),
        "rank": pairs.ranks()[ext],
    })


def _coupling(main_by_type, index):
    """Cross-type coupling: one partner ranks first for two or more flow types."""
    stacked = main_by_type.stack()
    coupled = pd.DataFrame({"coupled": 0, "coupled_partner": None, "coupled_types": 0}, index=index)
    if stacked.empty:
        return coupled
    counts = (stacked.rename("partner").reset_index().rename(columns={"level_0": "id"})
              .groupby(["id", "partner"]).size().rename("k").reset_index()
              .sort_values(["id", "k", "partner"], ascending=[True, False, True])
              .drop_duplicates("id").set_index("id"))
    counts = counts[counts["k"] >= 2]
    coupled.loc[counts.index, "coupled"] = 1
    coupled.loc[counts.index, "coupled_partner"] = counts["partner"].to_numpy()
    coupled.loc[counts.index, "coupled_types"] = counts["k"].to_numpy()
    return coupled


def _prepare(flows, territory_ids, tick=None):
    """The territories, the flow types, the pairs of all types summed and the pairs of each type.

    Ties between partners go to the smallest code, whatever the order of the territories.
    ``tick`` (a :class:`.progress.Ticker`) is told the share of the types done.
    """
    tick = tick or Ticker()
    table = FlowTable.of(flows, territory_ids)
    types = table.types
    total = table.pairs(tie_order="code")
    tick(1.0 / (len(types) + 1) if len(types) > 1 else 1.0)
    if len(types) <= 1:
        return table.ids, types, total, {t: total for t in types}
    per_type = {}
    for number, kind in enumerate(types, 2):
        per_type[kind] = table.of_type(kind).pairs(tie_order="code")
        tick(number / (len(types) + 1))
    return table.ids, types, total, per_type


def _territory_frame(ids, types, total, per_type, threshold, commuting_types, tick=None):
    if not 0 <= threshold <= 1:
        raise InvalidValueError("threshold is a share between 0 and 1")
    tick = tick or Ticker()
    is_commuting = {t: str(t).lower() in commuting_types for t in types}
    frame = _indicators(total, ids, threshold, commuting=bool(types) and all(is_commuting.values()),
                        has_internal=total.has_internal and all(per_type[t].has_internal for t in types))
    tick(1.0 / (len(types) + 1) if len(types) > 1 else 1.0)
    if len(types) <= 1:
        return frame
    parts, mains = [frame], {}
    for number, kind in enumerate(types, 2):
        one = _indicators(per_type[kind], ids, threshold, is_commuting[kind])
        mains[kind] = one["main_partner"]
        parts.append(one.add_prefix(type_prefix(kind) + "_"))
        tick(number / (len(types) + 1))
    parts.append(_coupling(pd.DataFrame(mains, index=ids), ids))
    return pd.concat(parts, axis=1)


def _pairs_frame(ids, types, per_type, tick=None):
    tick = tick or Ticker()
    frames = []
    for number, kind in enumerate(types, 1):
        frames.append(_pair_frame(per_type[kind], ids, kind))
        tick(number / len(types))
    if not frames:
        return _pair_frame(FlowPairs(np.zeros(0, int), np.zeros(0, int), np.zeros(0), len(ids)), ids, "")
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def types_without_internal(flows):
    """The flow types (sorted) with no row whose origin is its destination: their
    self-containment and job concentration index are undefined.

    Examples
    --------
    >>> flows = pd.DataFrame({"origin": ["A", "A", "B"], "destination": ["A", "B", "A"],
    ...                       "flow_type": ["work", "work", "migration"], "value": [5.0, 3.0, 2.0]})
    >>> types_without_internal(flows)
    ['migration']
    """
    flows = flows.frame if isinstance(flows, FlowTable) else flows
    same = np.asarray(flows["origin"], dtype=object) == np.asarray(flows["destination"], dtype=object)
    kinds = pd.Series(np.asarray(flows["flow_type"], dtype=object))
    with_internal = set(kinds[same])
    return sorted(k for k in pd.unique(kinds) if k not in with_internal)


@cancelable
def flow_dependencies(flows, territory_ids=None, *, threshold=0.15, commuting_types=COMMUTING_TYPES, tick):
    """Territory and pair indicators in one pass (see :func:`territory_indicators`
    and :func:`pair_indicators`): the pair sums and orderings are computed once.

    ``progress`` (told the percentage done, 0 to 100) and ``is_canceled``
    (checked after each phase and each flow type, see :func:`.progress.cancelable`)
    are optional.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame) or None
        The territories (indexed by id) and the pairs; None when canceled.

    Examples
    --------
    >>> flows = pd.DataFrame({"origin": ["A", "A", "B"], "destination": ["A", "B", "A"],
    ...                       "flow_type": "flow", "value": [6.0, 4.0, 2.0]})
    >>> seen = []
    >>> territories, pairs = flow_dependencies(flows, ["A", "B"], progress=seen.append)
    >>> territories["main_share"].tolist(), seen
    ([0.4, 1.0], [25.0, 65.0, 100.0])
    >>> flow_dependencies(flows, ["A", "B"], is_canceled=lambda: True) is None
    True
    """
    ids, types, total, per_type = _prepare(flows, territory_ids, tick.part(0.0, 0.25))
    return (_territory_frame(ids, types, total, per_type, threshold, commuting_types, tick.part(0.25, 0.65)),
            _pairs_frame(ids, types, per_type, tick.part(0.65, 1.0)))


def territory_indicators(flows, territory_ids=None, *, threshold=0.15, commuting_types=COMMUTING_TYPES):
    """Dependency indicators for every territory, per flow type and in total.

    Parameters
    ----------
    flows : FlowTable or pandas.DataFrame
        The flows on the territories (:class:`.flows.pairs.FlowTable`), or
        canonical flows (``origin, destination, flow_type, value``) whose codes
        are all in ``territory_ids`` (see :func:`.flows.table.match_territories`).
    territory_ids : sequence of str, optional
        The territories, unique; the result is indexed by them, in that order
        (given by the FlowTable when omitted). Territories with no flow get
        zeros and NULL ratios.
    threshold : float
        Dependency threshold on the main-partner share (0.15 = 15 %).
    commuting_types : set of str
        Flow types (lowercase) that are commuting: only they get ``jci``.

    Returns
    -------
    pandas.DataFrame
        The total indicators without prefix; when there are several flow
        types, the same indicators prefixed by :func:`type_prefix` for each
        type, and the cross-type coupling (``coupled``, ``coupled_partner``,
        ``coupled_types``).

    Examples
    --------
    >>> flows = pd.DataFrame({"origin": ["A", "A", "B", "C"], "destination": ["A", "B", "B", "B"],
    ...                       "flow_type": "commuting", "value": [60.0, 40.0, 50.0, 10.0]})
    >>> out = territory_indicators(flows, ["A", "B", "C"])
    >>> out[["main_partner", "main_share", "jci", "role"]].fillna("-").values.tolist()
    [['B', 0.4, 60.0, 'dependent'], ['-', 0.0, 200.0, 'pole'], ['B', 1.0, 0.0, 'dependent']]
    """
    ids, types, total, per_type = _prepare(flows, territory_ids)
    return _territory_frame(ids, types, total, per_type, threshold, commuting_types)


def pair_indicators(flows, territory_ids=None):
    """Indicators of every flow between two different territories, per flow type.

    Columns: ``origin, destination, flow_type, volume``, ``share_origin``
    (``T_ij / O_i``), ``share_destination`` (``T_ij / D_j``), ``reverse``
    (``T_ji``), ``asymmetry`` (``(T_ij - T_ji) / (T_ij + T_ji)``),
    ``reciprocity`` (``min(T_ij / O_i, T_ji / O_j)``) and ``rank`` (1 for the
    largest flow leaving the origin; ties share the best rank). ``O`` and ``D``
    include internal flows, as in :func:`territory_indicators`.

    Examples
    --------
    >>> flows = pd.DataFrame({"origin": ["A", "A", "B"], "destination": ["B", "A", "A"],
    ...                       "flow_type": "flow", "value": [30.0, 70.0, 10.0]})
    >>> pair_indicators(flows, ["A", "B"])[["origin", "share_origin", "reverse", "reciprocity"]].values.tolist()
    [['A', 0.3, 10.0, 0.3], ['B', 1.0, 30.0, 0.3]]
    """
    ids, types, _, per_type = _prepare(flows, territory_ids)
    return _pairs_frame(ids, types, per_type)


@cancelable
def select_pairs(pairs, *, min_share=0.0, min_volume=0.0, top_n=0, tick):
    """Keep the flows worth drawing.

    A flow is kept when its share of the origin's outflow is at least
    ``min_share``, its volume at least ``min_volume`` and, if ``top_n`` > 0,
    its rank within the origin at most ``top_n``. Shares were computed on all
    flows, so selecting never changes them. ``progress`` and ``is_canceled``
    as in :func:`flow_dependencies` (checked after each rule); None when
    canceled.
    """
    keep = np.ones(len(pairs), dtype=bool)
    if min_share > 0:
        keep &= pairs["share_origin"].fillna(0).to_numpy() >= min_share
    tick(1 / 4)
    if min_volume > 0:
        keep &= pairs["volume"].to_numpy() >= min_volume
    tick(2 / 4)
    if top_n and top_n > 0:
        keep &= pairs["rank"].to_numpy() <= top_n
    tick(3 / 4)
    return pairs[keep].reset_index(drop=True)
