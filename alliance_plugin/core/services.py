"""Access to services: nearest facility, two-step floating catchment area, inequality.

Methods (methods.md, section 7): the two-step floating catchment area of Luo and
Wang (2003), ``R_j = S_j / sum_{k: d_kj <= d0} P_k`` and
``A_i = sum_{j: d_ij <= d0} R_j``, with distances walked along the street
network (:mod:`.network`) or straight. The inequality of an indicator between
territories is measured by the population-weighted Gini coefficient and Theil
index of the territories' mean values, and between territory classes by the
ratio of the highest to the lowest class mean and the between-class part of
the Theil index.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from . import network
from .errors import InvalidValueError
from .network import _xy

EUCLIDEAN = "euclidean"
NETWORK = "network"


def _streets(streets, tolerance):
    if streets is None or isinstance(streets, network.StreetNetwork):
        return streets
    return network.build_network(streets, tolerance=tolerance)


def place(streets, demand, supply, *, snap_tolerance=50.0, tolerance=0.01):
    """Demand snapped to the network and facilities inserted into it, once for several measures.

    Returns ``(demand Snapped, Routing)``, or None without a network (straight lines).
    """
    net = _streets(streets, tolerance)
    if net is None:
        return None
    return (network.snap(net, _xy(demand, "demand points"), snap_tolerance),
            network.route(net, network.snap(net, _xy(supply, "facilities"), snap_tolerance)))


def nearest_facility(streets, demand, supply, *, snap_tolerance=50.0, cutoff=None, tolerance=0.01, placed=None):
    """Distance from every demand point to the nearest facility, and which one.

    ``streets`` None measures straight lines (``method`` ``"euclidean"``); a
    network or its segments measures walks along it (``"network"``: snap
    distances included, NaN beyond ``cutoff`` or for points not snapped).
    ``placed`` is :func:`place`'s result for the same inputs, to snap only once.

    Examples
    --------
    >>> nearest_facility(None, [[0, 0], [10, 0]], [[3, 4], [10, 1]])
       distance  facility  snap_distance  snapped     method
    0       5.0         0            0.0     True  euclidean
    1       1.0         1            0.0     True  euclidean
    """
    pts, fac = _xy(demand, "demand points"), _xy(supply, "facilities")
    if placed is None:
        placed = place(streets, pts, fac, snap_tolerance=snap_tolerance, tolerance=tolerance)
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
    return out


def catchment_pairs(streets, demand, supply, radius, *, snap_tolerance=50.0, tolerance=0.01, placed=None):
    """Every (facility, demand point) pair within ``radius`` metres: ``facility``, ``point``, ``distance``.

    ``placed``: as for :func:`nearest_facility`.

    Examples
    --------
    >>> catchment_pairs(None, [[0, 0], [10, 0], [50, 0]], [[0, 3]], radius=11)
       facility  point   distance
    0         0      0   3.000000
    1         0      1  10.440307
    """
    pts, fac = _xy(demand, "demand points"), _xy(supply, "facilities")
    if not radius > 0:
        raise InvalidValueError("expected a positive catchment radius in metres, got {radius}", radius=radius)
    if streets is None:
        tree = shapely.STRtree(shapely.points(pts))
        fac_idx, pt_idx = tree.query(shapely.points(fac), predicate="dwithin", distance=radius)
        dist = np.hypot(*(pts[pt_idx] - fac[fac_idx]).T)
        pairs = pd.DataFrame({"facility": fac_idx, "point": pt_idx, "distance": dist})
    else:
        if placed is None:
            placed = place(streets, pts, fac, snap_tolerance=snap_tolerance, tolerance=tolerance)
        p_snap, routing = placed
        pairs = network.pair_distances(routing, p_snap, radius).rename(columns={"source": "facility"})
    return pairs.sort_values(["facility", "point"], ignore_index=True)


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


def _clean(values, weights):
    x = np.asarray(values, dtype=float)
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float)
    if x.shape != w.shape or x.ndim != 1:
        raise InvalidValueError("expected as many weights as values, got {weights_shape} and {values_shape}", weights_shape=str(w.shape),
                                values_shape=str(x.shape))
    keep = np.isfinite(x) & np.isfinite(w) & (w > 0)
    if (x[keep] < 0).any():
        raise InvalidValueError("expected non-negative values for an inequality index, got negative ones")
    return x[keep], w[keep]


def gini(values, weights=None):
    """Weighted Gini coefficient, ``sum_ij w_i w_j |x_i - x_j| / (2 W^2 mean)``; NaN when undefined.

    Values or weights that are NaN, and zero weights, are left out.

    Examples
    --------
    >>> gini([1, 1, 1]), gini([0, 0, 0, 4]), round(gini([1, 3], [3, 1]), 6)
    (0.0, 0.75, 0.25)
    """
    x, w = _clean(values, weights)
    total = float((w * x).sum())
    if not len(x) or total <= 0:
        return float("nan")
    order = np.argsort(x, kind="stable")
    x, w = x[order], w[order]
    cumulative = np.cumsum(w)
    weight = cumulative[-1]
    return float(max(0.0, (w * x * (2 * cumulative - w - weight)).sum() / (weight * total)))


def theil(values, weights=None):
    """Weighted Theil T index, ``(1/W) sum_i w_i (x_i/m) ln(x_i/m)`` (0 ln 0 = 0); NaN when undefined.

    Examples
    --------
    >>> theil([2, 2]), bool(abs(theil([0, 0, 0, 4]) - np.log(4)) < 1e-12)
    (0.0, True)
    """
    x, w = _clean(values, weights)
    if not len(x):
        return float("nan")
    mean = float((w * x).sum() / w.sum())
    if mean <= 0:
        return float("nan")
    r = x / mean
    terms = np.where(r > 0, r * np.log(np.where(r > 0, r, 1.0)), 0.0)
    return float(max(0.0, (w * terms).sum() / w.sum()))


def group_means(values, weights, groups):
    """Weighted mean, total weight and count of valid values per group (NaN values left out)."""
    x = np.asarray(values, dtype=float)
    w = np.asarray(weights, dtype=float)
    valid = np.isfinite(x) & np.isfinite(w) & (w > 0)
    frame = pd.DataFrame({"group": np.asarray(groups, dtype=object)[valid], "wx": (w * x)[valid],
                          "weight": w[valid]})
    sums = frame.groupby("group", sort=True).agg(wx=("wx", "sum"), weight=("weight", "sum"),
                                                 count=("wx", "size"))
    sums["mean"] = sums["wx"] / sums["weight"]
    return sums.drop(columns="wx")


def inequality(values, weights, groups):
    """Inequality of ``values`` between the ``groups`` (territories or classes), weighted by population.

    Returns a dict: ``gini`` and ``theil`` of the group means weighted by the
    groups' weights, ``ratio`` (highest over lowest group mean; NaN when the
    lowest is 0 or fewer than two groups), ``theil_between`` (the between-group
    part of the Theil index over the individual values, which is ``theil`` of
    the means), ``groups`` and the table of group means.

    Examples
    --------
    >>> out = inequality([1, 1, 4, 4], [1, 1, 1, 1], ["a", "a", "b", "b"])
    >>> out["ratio"], out["gini"]
    (4.0, 0.3)
    """
    table = group_means(values, weights, groups)
    means, totals = table["mean"].to_numpy(), table["weight"].to_numpy()
    low = means.min() if len(means) else np.nan
    ratio = float(means.max() / low) if len(means) > 1 and low > 0 else float("nan")
    return {"gini": gini(means, totals), "theil": theil(means, totals), "ratio": ratio,
            "groups": int(len(table)), "table": table}
