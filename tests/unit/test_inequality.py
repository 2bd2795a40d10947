"""Weighted Gini and Theil indices and the inequality between groups, against hand sums and textbook loops.

Every expected value here comes from the definitions, never from the code under test:
``G = sum_ij w_i w_j |x_i - x_j| / (2 W^2 m)`` and ``T = (1/W) sum_i w_i (x_i/m) ln(x_i/m)``.
"""

import itertools
import math

import numpy as np
import pytest

from alliance_territories.alliance_plugin.core import inequality as ineq
from alliance_territories.alliance_plugin.core.errors import InvalidValueError


def textbook_gini(x, w=None):
    """The double sum over every ordered pair, in plain Python."""
    w = [1.0] * len(x) if w is None else list(w)
    total = sum(w)
    mean = sum(wi * xi for wi, xi in zip(w, x)) / total
    pairs = sum(w[i] * w[j] * abs(x[i] - x[j]) for i, j in itertools.product(range(len(x)), repeat=2))
    return pairs / (2 * total ** 2 * mean)


def textbook_theil(x, w=None):
    w = [1.0] * len(x) if w is None else list(w)
    total = sum(w)
    mean = sum(wi * xi for wi, xi in zip(w, x)) / total
    return sum(wi * (xi / mean) * math.log(xi / mean) for wi, xi in zip(w, x) if xi > 0) / total


@pytest.mark.parametrize("seed", range(4))
def test_gini_and_theil_against_definitions(seed):
    rng = np.random.default_rng(seed)
    x = rng.gamma(2.0, 3.0, 25)
    x[:3] = 0.0
    w = rng.uniform(0.5, 4.0, 25)
    mean = (w * x).sum() / w.sum()
    pairwise = sum(w[i] * w[j] * abs(x[i] - x[j]) for i, j in itertools.product(range(25), repeat=2))
    assert ineq.gini(x, w) == pytest.approx(pairwise / (2 * w.sum() ** 2 * mean))
    r = x / mean
    expected = sum(w[i] * r[i] * math.log(r[i]) for i in range(25) if r[i] > 0) / w.sum()
    assert ineq.theil(x, w) == pytest.approx(expected)
    # repeating a value as often as its weight gives the unweighted index, computed here pair by pair
    ints = rng.integers(1, 4, 25)
    repeated = list(np.repeat(x, ints))
    assert ineq.gini(x, ints) == pytest.approx(textbook_gini(repeated))
    assert ineq.theil(x, ints) == pytest.approx(textbook_theil(repeated))


def test_gini_and_theil_by_hand():
    # two people at 1 and 3: mean 2, |1 - 3| counted twice: 2 * 2 / (2 * 2^2 * 2)
    assert ineq.gini([1.0, 3.0]) == pytest.approx(0.25)
    assert ineq.theil([1.0, 3.0]) == pytest.approx((0.5 * math.log(0.5) + 1.5 * math.log(1.5)) / 2)
    # ties: 2, 2, 5, 5: 8 ordered pairs differ by 3, mean 3.5: 24 / (2 * 16 * 3.5) = 3/14
    assert ineq.gini([2.0, 5.0, 2.0, 5.0]) == pytest.approx(3 / 14)
    assert ineq.gini([7.0, 7.0, 7.0]) == 0.0 and ineq.theil([7.0, 7.0, 7.0]) == 0.0
    # one holds everything: G = (n - 1) / n, T = ln n
    assert ineq.gini([0.0, 0.0, 0.0, 4.0]) == pytest.approx(0.75)
    assert ineq.theil([0.0, 0.0, 0.0, 4.0]) == pytest.approx(math.log(4))
    # weights: 1 three times and 3 once is the same as [1, 1, 1, 3]: mean 1.5, pairs 6 * 2 * 1 * 1... by hand
    assert ineq.gini([1.0, 3.0], [3.0, 1.0]) == pytest.approx(2 * 3 * 1 * 2 / (2 * 4 ** 2 * 1.5))


def test_missing_values_and_zero_weights_are_left_out():
    # NaN value, NaN weight and zero weight drop out: what is left is [1, 3] weighted [3, 1]
    x, w = [1.0, np.nan, 3.0, 8.0, 9.0], [3.0, 5.0, 1.0, 0.0, np.nan]
    assert ineq.gini(x, w) == pytest.approx(0.25)
    assert ineq.theil(x, w) == pytest.approx(textbook_theil([1.0, 3.0], [3.0, 1.0]))


def test_indices_edge_cases():
    assert math.isnan(ineq.gini([0, 0]))
    assert math.isnan(ineq.theil([]))
    assert math.isnan(ineq.theil([0.0, 0.0]))
    assert ineq.gini([5, np.nan, 5], [1, 1, 0]) == 0.0
    with pytest.raises(InvalidValueError, match="non-negative"):
        ineq.gini([-1, 2])
    with pytest.raises(InvalidValueError, match="weights"):
        ineq.theil([1, 2], [1])


def test_group_means_by_hand():
    table = ineq.group_means([2.0, 4.0, 1.0, np.nan, 6.0], [1.0, 3.0, 2.0, 5.0, 0.0], ["b", "b", "a", "a", "c"])
    assert table.index.tolist() == ["a", "b"]  # c only has a zero weight, a's NaN is left out
    assert table.loc["b", "mean"] == pytest.approx((2 + 12) / 4) and table.loc["b", "weight"] == 4.0
    assert table.loc["a", "mean"] == 1.0 and table.loc["a", "count"] == 1 and table.loc["b", "count"] == 2


def test_inequality_between_classes():
    values = [2.0, 4.0, 1.0, 1.0, np.nan]
    weights = [100, 100, 50, 150, 30]
    groups = ["urban", "urban", "rural", "rural", "rural"]
    out = ineq.inequality(values, weights, groups)
    table = out["table"]
    assert table.loc["urban", "mean"] == pytest.approx(3.0) and table.loc["rural", "mean"] == 1.0
    assert table.loc["rural", "count"] == 2
    assert out["ratio"] == pytest.approx(3.0) and out["groups"] == 2
    # means 3 and 1, 200 people each: mean 2, 2 * 200 * 200 * 2 / (2 * 400^2 * 2)
    assert out["gini"] == pytest.approx(0.25)
    # the Theil of the group means is the between-group part of the individual Theil
    x, w = np.array([2.0, 4.0, 1.0, 1.0]), np.array([100, 100, 50, 150])
    mu = (w * x).sum() / w.sum()
    between = sum(wg * mg / (w.sum() * mu) * math.log(mg / mu) for mg, wg in ((3.0, 200), (1.0, 200)))
    assert out["theil"] == pytest.approx(between)
    assert math.isnan(ineq.inequality([0.0, 1.0], [1, 1], ["a", "b"])["ratio"])


def test_inequality_ratio_bounds():
    # the lowest mean exactly 0: no ratio; just above 0: the ratio is defined
    assert math.isnan(ineq.inequality([0.0, 5.0], [1, 1], ["a", "b"])["ratio"])
    assert ineq.inequality([0.5, 5.0], [1, 1], ["a", "b"])["ratio"] == pytest.approx(10.0)
    # one group: nothing to compare (no ratio), Gini and Theil 0; no group: all undefined
    one = ineq.inequality([1.0, 3.0], [1, 1], ["a", "a"])
    assert one["groups"] == 1 and math.isnan(one["ratio"]) and one["gini"] == 0.0 and one["theil"] == 0.0
    none = ineq.inequality([], [], [])
    assert none["groups"] == 0 and math.isnan(none["ratio"]) and math.isnan(none["gini"])
    # tied means: ratio 1, no inequality
    tie = ineq.inequality([2.0, 1.0, 3.0], [1, 1, 1], ["a", "b", "b"])
    assert tie["ratio"] == 1.0 and tie["gini"] == 0.0 and tie["theil"] == 0.0
