"""Inequality of an indicator between people, territories and classes: weighted Gini and Theil indices.

Methods (methods.md, section 7). The weighted Gini coefficient is the mean
absolute difference over twice the mean (Gini 1912),
``G = sum_ij w_i w_j |x_i - x_j| / (2 W^2 m)``; the Theil T index is
``T = (1/W) sum_i w_i (x_i/m) ln(x_i/m)`` with ``0 ln 0 = 0`` (Theil 1967).
Between groups (territories, or classes of territories such as urban, peri-urban
and rural), both are taken over the groups' population-weighted means, weighted
by the groups' populations: the Theil index of the means is the between-group
part of the Theil index over the individual values. The ratio of the highest to
the lowest group mean completes them. Both indices are NaN when undefined (no
value, or a mean of 0).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import InvalidValueError


def _clean(values, weights):
    x = np.asarray(values, dtype=float)
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float)
    if x.shape != w.shape or x.ndim != 1:
        raise InvalidValueError("expected as many weights as values, got {weights_shape} and {values_shape}",
                                weights_shape=str(w.shape), values_shape=str(x.shape))
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
    groups' weights (``theil`` is the between-group part of the Theil index
    over the individual values), ``ratio`` (highest over lowest group mean; NaN
    when the lowest is 0 or fewer than two groups), ``groups`` (how many) and
    ``table``, the group means (:func:`group_means`).

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
