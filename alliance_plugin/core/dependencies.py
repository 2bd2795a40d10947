"""Flow dependencies between territories (methods.md, section 1).

Indicators per territory ``i`` from a canonical flow table (see
:mod:`.flow_table`), with ``T_ij`` the flow from i to j:

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
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .errors import EmptyInputError

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


def _positions(codes, ids):
    pos = ids.get_indexer(codes)
    if (pos < 0).any():
        raise ValueError("flows hold codes that are not territories: call match_territories first")
    return pos


def _safe_ratio(num, den, scale=1.0):
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    out = np.full(num.shape, np.nan)
    ok = den > 0
    out[ok] = scale * num[ok] / den[ok]
    return out


def _sum_pairs(o, d, v, n):
    """Sum values per (o, d) pair; return unique o, d and their totals."""
    key = o.astype(np.int64) * n + d
    uniq, inverse = np.unique(key, return_inverse=True)
    total = np.bincount(inverse, weights=v, minlength=len(uniq))
    return uniq // n, uniq % n, total


def _main_partners(o, d, v, n):
    """Position of the largest outflow partner (j != i) of each origin, and its flow."""
    ext = (o != d) & (v > 0)
    o, d, v = o[ext], d[ext], v[ext]
    partner = np.full(n, -1, dtype=np.int64)
    flow = np.zeros(n)
    if len(o):
        order = np.lexsort((d, -v, o))
        o, d, v = o[order], d[order], v[order]
        first = np.ones(len(o), dtype=bool)
        first[1:] = o[1:] != o[:-1]
        partner[o[first]] = d[first]
        flow[o[first]] = v[first]
    return partner, flow


def _pair_lookup(o, d, n):
    return pd.Index(o.astype(np.int64) * n + d)


def _indicators(o, d, v, ids, threshold, commuting):
    """All per-territory indicators for one set of pairs (positions into ids)."""
    n = len(ids)
    outflow = np.bincount(o, weights=v, minlength=n)
    inflow = np.bincount(d, weights=v, minlength=n)
    self_pair = o == d
    internal = np.bincount(o[self_pair], weights=v[self_pair], minlength=n)
    ext_out = outflow - internal
    ext_in = inflow - internal
    partner, partner_flow = _main_partners(o, d, v, n)
    main_share = _safe_ratio(partner_flow, outflow)
    ext = ~self_pair & (v > 0)
    share_ext = v[ext] / ext_out[o[ext]]
    hhi = np.bincount(o[ext], weights=share_ext ** 2, minlength=n).astype(float)
    hhi[ext_out <= 0] = np.nan
    n_partners = np.bincount(o[ext], minlength=n)
    dependent = np.nan_to_num(main_share, nan=0.0) >= threshold
    n_dependents = np.bincount(partner[dependent], minlength=n)
    # T_ji / O_j for j the main partner of i: does the partner depend on i in return?
    has_partner = partner >= 0
    back = np.zeros(n)
    lookup = _pair_lookup(o, d, n)
    rev_keys = partner[has_partner] * n + np.flatnonzero(has_partner)
    found = lookup.get_indexer(rev_keys)
    back_flow = np.where(found >= 0, v[np.maximum(found, 0)], 0.0)
    back[has_partner] = _safe_ratio(back_flow, outflow[partner[has_partner]])
    back = np.nan_to_num(back, nan=0.0)
    isolated = (ext_out <= 0) & (ext_in <= 0)
    mutual = dependent & (back >= threshold)
    role = np.select(
        [isolated, dependent & (mutual | (n_dependents > 0)), dependent, n_dependents > 0],
        ["isolated", "interdependent", "dependent", "pole"], default="autonomous")
    codes = np.asarray(ids, dtype=object)
    frame = pd.DataFrame({
        "outflow": outflow, "inflow": inflow, "internal": internal,
        "sc_supply": _safe_ratio(internal, outflow), "sc_demand": _safe_ratio(internal, inflow),
        "net_balance": inflow - outflow,
        "jci": _safe_ratio(inflow, outflow, 100.0) if commuting else np.full(n, np.nan),
        "main_partner": np.where(has_partner, codes[np.maximum(partner, 0)], None),
        "main_share": main_share, "hhi": hhi,
        "n_partners": n_partners.astype(np.int64), "n_dependents": n_dependents.astype(np.int64),
        "role": role.astype(object),
    }, index=ids)
    if not commuting:
        frame = frame.drop(columns="jci")
    return frame


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


def territory_indicators(flows, territory_ids, *, threshold=0.15, commuting_types=COMMUTING_TYPES):
    """Dependency indicators for every territory, per flow type and in total.

    Parameters
    ----------
    flows : pandas.DataFrame
        Canonical flows (``origin, destination, flow_type, value``) whose codes
        are all in ``territory_ids`` (see :func:`.flow_table.match_territories`).
    territory_ids : sequence of str
        The territories, unique; the result is indexed by them, in that order.
        Territories with no flow get zeros and NULL ratios.
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
    >>> out[["main_partner", "main_share", "jci", "role"]].values.tolist()
    [['B', 0.4, 60.0, 'dependent'], [nan, 0.0, 200.0, 'pole'], ['B', 1.0, 0.0, 'dependent']]
    """
    ids = pd.Index(territory_ids, dtype=object)
    if ids.has_duplicates:
        dup = ids[ids.duplicated()].unique().tolist()[:5]
        raise EmptyInputError(f"Territory ids must be unique; repeated: {', '.join(map(str, dup))}.")
    if not 0 <= threshold <= 1:
        raise ValueError("threshold is a share between 0 and 1")
    o = _positions(flows["origin"].to_numpy(), ids)
    d = _positions(flows["destination"].to_numpy(), ids)
    v = flows["value"].to_numpy(dtype=float)
    kinds = flows["flow_type"].to_numpy()
    types = sorted(pd.unique(kinds))
    is_commuting = [str(t).lower() in commuting_types for t in types]
    uo, ud, uv = _sum_pairs(o, d, v, len(ids))
    total = _indicators(uo, ud, uv, ids, threshold, commuting=bool(types) and all(is_commuting))
    if len(types) <= 1:
        return total
    parts, mains = [total], {}
    for kind, commuting in zip(types, is_commuting):
        mask = kinds == kind
        one = _indicators(o[mask], d[mask], v[mask], ids, threshold, commuting)
        mains[kind] = one["main_partner"]
        parts.append(one.add_prefix(type_prefix(kind) + "_"))
    parts.append(_coupling(pd.DataFrame(mains, index=ids), ids))
    return pd.concat(parts, axis=1)


def pair_indicators(flows, territory_ids):
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
    ids = pd.Index(territory_ids, dtype=object)
    n = len(ids)
    frames = []
    for kind, group in flows.groupby("flow_type", sort=True):
        o = _positions(group["origin"].to_numpy(), ids)
        d = _positions(group["destination"].to_numpy(), ids)
        o, d, v = _sum_pairs(o, d, group["value"].to_numpy(dtype=float), n)
        outflow = np.bincount(o, weights=v, minlength=n)
        inflow = np.bincount(d, weights=v, minlength=n)
        lookup = _pair_lookup(o, d, n)
        found = lookup.get_indexer(d * n + o)
        reverse = np.where(found >= 0, v[np.maximum(found, 0)], 0.0)
        ext = o != d
        o, d, v, reverse = o[ext], d[ext], v[ext], reverse[ext]
        frame = pd.DataFrame({
            "origin": ids.to_numpy()[o], "destination": ids.to_numpy()[d], "flow_type": kind,
            "volume": v, "share_origin": _safe_ratio(v, outflow[o]),
            "share_destination": _safe_ratio(v, inflow[d]), "reverse": reverse,
            "asymmetry": _safe_ratio(v - reverse, v + reverse),
            "reciprocity": np.fmin(_safe_ratio(v, outflow[o]), _safe_ratio(reverse, outflow[d])),
        })
        frame["rank"] = (frame.groupby("origin", sort=False)["volume"]
                         .rank(method="min", ascending=False).astype(np.int64))
        frames.append(frame)
    if not frames:
        return pd.DataFrame(columns=["origin", "destination", "flow_type", "volume", "share_origin",
                                     "share_destination", "reverse", "asymmetry", "reciprocity", "rank"])
    return pd.concat(frames, ignore_index=True)


def select_pairs(pairs, *, min_share=0.0, min_volume=0.0, top_n=0):
    """Keep the flows worth drawing.

    A flow is kept when its share of the origin's outflow is at least
    ``min_share``, its volume at least ``min_volume`` and, if ``top_n`` > 0,
    its rank within the origin at most ``top_n``. Shares were computed on all
    flows, so selecting never changes them.
    """
    keep = np.ones(len(pairs), dtype=bool)
    if min_share > 0:
        keep &= pairs["share_origin"].fillna(0).to_numpy() >= min_share
    if min_volume > 0:
        keep &= pairs["volume"].to_numpy() >= min_volume
    if top_n and top_n > 0:
        keep &= pairs["rank"].to_numpy() <= top_n
    return pairs[keep].reset_index(drop=True)


def top_dependencies(indicators, names=None, *, limit=5):
    """The territories most dependent on one partner, for a readable summary.

    Returns rows ``(territory, name, partner, partner name, share, role)``
    sorted by decreasing main-partner share.
    """
    table = indicators.dropna(subset=["main_share"]).sort_values(
        ["main_share", "outflow"], ascending=[False, False], kind="stable").head(limit)
    names = names if names is not None else pd.Series(dtype=object)
    return [(code, names.get(code, code), row.main_partner, names.get(row.main_partner, row.main_partner),
             float(row.main_share), row.role) for code, row in table.iterrows()]
