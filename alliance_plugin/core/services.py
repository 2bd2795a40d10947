"""Access to services: nearest facility, two-step floating catchment area, and their summary.

Methods (methods.md, section 7): the two-step floating catchment area of Luo and
Wang (2003), ``R_j = S_j / sum_{k: d_kj <= d0} P_k`` and
``A_i = sum_{j: d_ij <= d0} R_j``, with distances walked along the street
network (:mod:`.network`) or straight. :func:`summarise` gives the
population-weighted mean distance and score, and the inequality of both
between territories and between territory classes (:mod:`.inequality`: the
population-weighted Gini coefficient and Theil index of the group means, the
ratio of the highest to the lowest group mean); ``score_to_best`` is each
class's mean score over the best class's. The long phases (:func:`place`,
:func:`nearest_facility`, :func:`catchment_pairs`) take ``progress`` and
``is_canceled`` callbacks and return None when canceled
(:mod:`.progress`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from . import network
from .errors import InvalidValueError
from .inequality import gini, inequality, theil
from .network import as_xy
from .progress import Canceled, Ticker, required, within

EUCLIDEAN = "euclidean"
NETWORK = "network"


def _streets(streets, tolerance, progress=None, is_canceled=None):
    if streets is None or isinstance(streets, network.StreetNetwork):
        return streets
    return network.build_network(streets, tolerance=tolerance, progress=progress, is_canceled=is_canceled)


def place(streets, demand, supply, *, snap_tolerance=50.0, tolerance=0.01, progress=None, is_canceled=None):
    """Demand snapped to the network and facilities inserted into it, once for several measures.

    Returns ``(demand Snapped, Routing)``, or None without a network (straight
    lines). With a network, None also when ``is_canceled()`` turned true at a
    checkpoint (the caller that passed it knows which); ``progress`` is told
    the percentage done.
    """
    if streets is None:
        return None
    try:
        Ticker(None, is_canceled).check()
        net = required(_streets(streets, tolerance, within(progress, 0, 10), is_canceled))
        demand_snap = required(network.snap(net, as_xy(demand, "demand points"), snap_tolerance,
                                            progress=within(progress, 10, 85), is_canceled=is_canceled))
        supply_snap = required(network.snap(net, as_xy(supply, "facilities"), snap_tolerance,
                                            progress=within(progress, 85, 90), is_canceled=is_canceled))
        routing = required(network.route(net, supply_snap, progress=within(progress, 90, 100),
                                         is_canceled=is_canceled))
    except Canceled:
        return None
    return demand_snap, routing


def nearest_facility(streets, demand, supply, *, snap_tolerance=50.0, cutoff=None, tolerance=0.01, placed=None,
                     progress=None, is_canceled=None):
    """Distance from every demand point to the nearest facility, and which one.

    ``streets`` None measures straight lines (``method`` ``"euclidean"``); a
    network or its segments measures walks along it (``"network"``: snap
    distances included, NaN beyond ``cutoff`` or for points not snapped).
    ``placed`` is :func:`place`'s result for the same inputs, to snap only once.
    ``progress`` is told the percentage done; None is returned when
    ``is_canceled()`` turns true at a checkpoint.

    Examples
    --------
    >>> nearest_facility(None, [[0, 0], [10, 0]], [[3, 4], [10, 1]])
       distance  facility  snap_distance  snapped     method
    0       5.0         0            0.0     True  euclidean
    1       1.0         1            0.0     True  euclidean
    """
    pts, fac = as_xy(demand, "demand points"), as_xy(supply, "facilities")
    tick = Ticker(progress, is_canceled)
    try:
        tick.check()
        if placed is None and streets is not None:
            placed = required(place(streets, pts, fac, snap_tolerance=snap_tolerance, tolerance=tolerance,
                                    progress=within(progress, 0, 80), is_canceled=is_canceled))
            tick(0.8)
    except Canceled:
        return None
    distance = np.full(len(pts), np.inf)
    facility = np.full(len(pts), -1)
    if streets is None:
        snap = np.zeros(len(pts))
        if len(fac) and len(pts):
            tree = shapely.STRtree(shapely.points(fac))
            (src, dst), dist = tree.query_nearest(shapely.points(pts), return_distance=True, all_matches=False,
                                                  max_distance=cutoff)
            distance[src], facility[src] = dist, dst
        method, attrs = EUCLIDEAN, {}
    else:
        p_snap, routing = placed
        limit = np.inf if cutoff is None else float(cutoff)
        node_distance, node_source = network.nearest_sources(routing, limit=limit)
        distance, facility = network.point_distances(routing, p_snap, node_distance, node_source)
        facility[distance > limit] = -1
        distance[distance > limit] = np.inf
        snap = np.where(p_snap.ok, p_snap.distance, np.nan)
        method = NETWORK
        attrs = {"unsnapped_points": int((~p_snap.ok).sum()),
                 "unsnapped_facilities": int((routing.source_node < 0).sum())}
    out = pd.DataFrame({"distance": np.where(np.isfinite(distance), distance, np.nan), "facility": facility,
                        "snap_distance": snap, "snapped": np.isfinite(snap), "method": method})
    out.attrs.update(attrs, method=method)
    tick.done()
    return out


def catchment_pairs(streets, demand, supply, radius, *, snap_tolerance=50.0, tolerance=0.01, placed=None,
                    progress=None, is_canceled=None):
    """Every (facility, demand point) pair within ``radius`` metres: ``facility``, ``point``, ``distance``.

    ``placed``, ``progress`` and ``is_canceled``: as for :func:`nearest_facility`
    (None when canceled).

    Examples
    --------
    >>> catchment_pairs(None, [[0, 0], [10, 0], [50, 0]], [[0, 3]], radius=11)
       facility  point   distance
    0         0      0   3.000000
    1         0      1  10.440307
    """
    pts, fac = as_xy(demand, "demand points"), as_xy(supply, "facilities")
    if not radius > 0:
        raise InvalidValueError("expected a positive catchment radius in metres, got {radius}", radius=radius)
    tick = Ticker(progress, is_canceled)
    try:
        tick.check()
        if streets is None:
            tree = shapely.STRtree(shapely.points(pts))
            tick(0.3)
            fac_idx, pt_idx = tree.query(shapely.points(fac), predicate="dwithin", distance=radius)
            dist = np.hypot(*(pts[pt_idx] - fac[fac_idx]).T)
            pairs = pd.DataFrame({"facility": fac_idx, "point": pt_idx, "distance": dist})
        else:
            start = 0.0
            if placed is None:
                placed = required(place(streets, pts, fac, snap_tolerance=snap_tolerance, tolerance=tolerance,
                                        progress=within(progress, 0, 50), is_canceled=is_canceled))
                start = 50.0
            p_snap, routing = placed
            pairs = required(network.pair_distances(routing, p_snap, radius, progress=within(progress, start, 95),
                                                    is_canceled=is_canceled)).rename(columns={"source": "facility"})
        tick(0.95)
    except Canceled:
        return None
    pairs = pairs.sort_values(["facility", "point"], ignore_index=True)
    tick.done()
    return pairs


def floating_catchment(pairs, population, capacity):
    """Two-step floating catchment area scores (Luo and Wang 2003).

    Parameters
    ----------
    pairs : DataFrame
        ``facility`` and ``point`` positions within the catchment (from
        :func:`catchment_pairs`).
    population : array-like
        Demand ``P_k`` of every point (non-negative).
    capacity : array-like
        Supply ``S_j`` of every facility (non-negative).

    Returns
    -------
    (DataFrame, DataFrame)
        Per facility: ``demand`` (population within reach) and ``ratio``
        ``R_j`` (NaN when no one is within reach); per point: ``score``
        ``A_i`` (0 when no facility is within reach) and ``facilities`` (how
        many are).

    Examples
    --------
    >>> pairs = pd.DataFrame({"facility": [0, 0, 1], "point": [0, 1, 1]})
    >>> per_facility, per_point = floating_catchment(pairs, [100, 300], [10, 6])
    >>> per_facility["ratio"].tolist(), per_point["score"].tolist()
    ([0.025, 0.02], [0.025, 0.045])
    """
    pop = np.asarray(population, dtype=float)
    cap = np.asarray(capacity, dtype=float)
    for name, values in (("population", pop), ("capacity", cap)):
        if values.ndim != 1 or not np.isfinite(values).all() or (values < 0).any():
            raise InvalidValueError("expected finite non-negative {name} values, got missing or negative ones",
                                    name=name)
    fac = pairs["facility"].to_numpy(dtype=int)
    pt = pairs["point"].to_numpy(dtype=int)
    demand = np.bincount(fac, weights=pop[pt], minlength=len(cap))
    ratio = np.divide(cap, demand, out=np.full(len(cap), np.nan), where=demand > 0)
    contribution = np.nan_to_num(ratio[fac])
    score = np.bincount(pt, weights=contribution, minlength=len(pop))
    count = np.bincount(pt, minlength=len(pop))
    return (pd.DataFrame({"demand": demand, "ratio": ratio}),
            pd.DataFrame({"score": score, "facilities": count}))


PER_INHABITANTS = 1000.0  # scores and ratios are written per 1000 inhabitants
NO_GROUP, ONE_GROUP, NOTHING_IN_REACH = "no group", "one group", "nothing in reach"


def walking_minutes(distance_m, speed_kmh):
    """Minutes to walk ``distance_m`` metres at ``speed_kmh`` km/h (NaN stays NaN).

    Examples
    --------
    >>> walking_minutes(np.array([1200.0, np.nan]), 4.8).tolist()
    [15.0, nan]
    """
    return np.asarray(distance_m, dtype=float) / (speed_kmh * 1000.0 / 60.0)


def per_demand(nearest, per_point, facility_ids, speed_kmh, index=None):
    """The fields of every demand point, from :func:`nearest_facility` and :func:`floating_catchment`.

    ``nearest_facility`` (the identifier of the nearest facility, None when none
    is reached), ``distance_m``, ``time_min`` at ``speed_kmh``,
    ``score_per_1000`` (the score ``A_i`` per 1000 inhabitants),
    ``facilities_in_reach`` and ``placed`` (1 when placed on the network; always
    1 on straight lines).

    Examples
    --------
    >>> nearest = nearest_facility(None, [[0, 0], [10, 0]], [[3, 4], [10, 1]])
    >>> per_point = pd.DataFrame({"score": [0.002, 0.0], "facilities": [1, 0]})
    >>> fields = per_demand(nearest, per_point, ["a", "b"], 6.0)
    >>> fields[["nearest_facility", "time_min", "score_per_1000"]].to_dict("list")
    {'nearest_facility': ['a', 'b'], 'time_min': [0.05, 0.01], 'score_per_1000': [2.0, 0.0]}
    """
    ids = np.asarray(facility_ids, dtype=object)
    which = nearest["facility"].to_numpy()
    distance = nearest["distance"].to_numpy()
    return pd.DataFrame({
        "nearest_facility": np.where(which >= 0, ids[np.maximum(which, 0)], None),
        "distance_m": distance, "time_min": walking_minutes(distance, speed_kmh),
        "score_per_1000": per_point["score"].to_numpy() * PER_INHABITANTS,
        "facilities_in_reach": per_point["facilities"].to_numpy(),
        "placed": nearest["snapped"].to_numpy(dtype=int)}, index=index)


def facility_fields(per_facility):
    """``demand_in_reach`` and ``per_1000`` (the ratio ``R_j`` per 1000 inhabitants) of every facility."""
    return {"demand_in_reach": per_facility["demand"].to_numpy(),
            "per_1000": per_facility["ratio"].to_numpy() * PER_INHABITANTS}


@dataclass
class AccessSummary:
    """What :func:`summarise` gives: the area's means and the inequality between territories and classes."""

    mean_distance: float | None  # weighted by population, among the people who reach a facility
    mean_score: float | None     # weighted by population, everyone counted
    unreached: float             # population with no facility reachable
    table: pd.DataFrame          # one row per indicator and scope: groups, gini, theil, ratio
    groups: dict                 # (indicator, scope) -> :func:`.inequality.inequality` result

    def value(self, indicator, scope, key):
        """``gini``, ``theil`` or ``ratio`` of one row of the table; None when the table has no such row."""
        row = self.table[(self.table["indicator"] == indicator) & (self.table["scope"] == scope)]
        return float(row[key].iloc[0]) if len(row) else None

    def territory_gap(self):
        """Why the inequality of the score between territories tells nothing, or None.

        :data:`NO_GROUP` (nobody lies in a territory), :data:`ONE_GROUP` (all in
        one: Gini and Theil are 0), :data:`NOTHING_IN_REACH` (every territory
        scores 0: Gini and Theil are undefined); None without territories.
        """
        score = self.groups.get(("score", "territories"))
        if score is None:
            return None
        if score["groups"] == 0:
            return NO_GROUP
        if score["groups"] == 1:
            return ONE_GROUP
        if not score["table"]["mean"].gt(0).any():
            return NOTHING_IN_REACH
        return None

    def class_table(self):
        """Per class: ``population``, ``mean_score``, ``mean_distance_m`` and ``score_to_best``.

        ``score_to_best`` is the class's mean score over the highest class mean
        score (NaN when every class scores 0).
        """
        table = self.groups[("score", "classes")]["table"][["weight", "mean"]].rename(
            columns={"weight": "population", "mean": "mean_score"})
        table["mean_distance_m"] = self.groups[("distance", "classes")]["table"]["mean"].reindex(table.index)
        table["score_to_best"] = table["mean_score"] / table["mean_score"].max() \
            if table["mean_score"].max() > 0 else np.nan
        return table.rename_axis("class").reset_index()

    def territory_means(self, codes, index=None):
        """Per territory ``codes`` (in their order): ``population``, ``service_score_per_1000``, ``service_distance_m``.

        A territory where nobody lives has population 0 and NULL means.
        """
        score = self.groups[("score", "territories")]["table"]
        distance = self.groups[("distance", "territories")]["table"]
        return pd.DataFrame({"population": score["weight"].reindex(codes).fillna(0).to_numpy(),
                             "service_score_per_1000": score["mean"].reindex(codes).to_numpy(),
                             "service_distance_m": distance["mean"].reindex(codes).to_numpy()}, index=index)


def summarise(score, distance, population, territory=None, classes=None):
    """Population-weighted means of the score and the distance, and their inequality.

    Parameters
    ----------
    score, distance : array-like
        Each demand point's score (per 1000 inhabitants) and distance to the
        nearest facility (NaN when none is reached).
    population : array-like
        Each point's population (the weights).
    territory, classes : array-like of str or None, optional
        Each point's territory code and territory class (None outside every
        territory, or without a class).

    Returns
    -------
    AccessSummary
        ``mean_distance`` over the people who reach a facility, ``mean_score``
        over everyone (None when nobody counts), ``unreached``; ``table``: the
        Gini and Theil of the score between people of the whole area, then for
        each indicator (score, distance) and scope (territories, classes) given
        the Gini, Theil and ratio between the groups' means (points with no
        group left out), with ``groups`` the full results.

    Examples
    --------
    >>> out = summarise([0.0, 2.0, 4.0], [np.nan, 100.0, 50.0], [10, 30, 10], ["a", "b", "b"])
    >>> out.mean_distance, out.mean_score, out.unreached
    (87.5, 2.0, 10.0)
    >>> out.table[["indicator", "scope", "groups", "ratio"]]
      indicator        scope  groups  ratio
    0     score   whole area       1    NaN
    1     score  territories       2    NaN
    2  distance  territories       1    NaN
    """
    score = np.asarray(score, dtype=float)
    distance = np.asarray(distance, dtype=float)
    values = np.asarray(population, dtype=float)
    rows = [{"indicator": "score", "scope": "whole area", "groups": 1, "gini": gini(score, values),
             "theil": theil(score, values), "ratio": np.nan}]
    groups = {}
    for indicator, series in (("score", score), ("distance", distance)):
        for scope, keys in (("territories", territory), ("classes", classes)):
            if keys is None:
                continue
            known = np.array([g is not None for g in keys], dtype=bool)
            out = inequality(series[known], values[known], np.asarray(keys, dtype=object)[known])
            rows.append({"indicator": indicator, "scope": scope, "groups": out["groups"], "gini": out["gini"],
                         "theil": out["theil"], "ratio": out["ratio"]})
            groups[(indicator, scope)] = out
    positive = values[~np.isnan(distance)].sum()
    mean_distance = float(np.nansum(distance * values) / positive) if positive > 0 else None
    mean_score = float((score * values).sum() / values.sum()) if values.sum() > 0 else None
    return AccessSummary(mean_distance, mean_score, float(values[np.isnan(distance)].sum()), pd.DataFrame(rows),
                         groups)
