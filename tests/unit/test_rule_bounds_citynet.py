"""Every bound of the city-network rules, on the bound and on both sides of it (issue 13).

Rules (methods.md, section 3; help "City network"):

- rank-size, Gabaix-Ibragimov: cities at or above the size cut-off (``min_size``, 0 by default:
  every positive size) and/or the ``top_n`` largest; ``ln(r - 1/2)`` regressed on ``ln P_r``,
  slope ``-b``, standard error ``b sqrt(2/n)``; at least 3 cities to fit; primacy ``P1/P2``
  and the four-city index ``P1 / (P2 + P3 + P4)``;
- intermediary city (ours): size within 20,000-500,000 (bounds included) by default,
  betweenness among the top 10 % (and positive), Nystuen-Dacey role intermediate.
"""

import math

import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core import citynet

SIZES = pd.Series({"A": 1000.0, "B": 500.0, "C": 250.0, "D": 125.0, "Z": 0.0})


def test_gabaix_ibragimov_by_hand():
    # Ranks 1..4 of 1000, 500, 250, 125 (the zero size cannot be logged: left out).
    stats = citynet.rank_size(SIZES).statistics
    x, y = np.log([1000.0, 500.0, 250.0, 125.0]), np.log(np.arange(1, 5) - 0.5)
    slope = np.sum((x - x.mean()) * (y - y.mean())) / np.sum((x - x.mean()) ** 2)
    assert stats["b"] == pytest.approx(-slope)
    assert stats["b_se"] == pytest.approx(-slope * math.sqrt(2 / 4))
    assert (stats["n"], stats["n_left_out"], stats["cutoff"]) == (4, 1, 125.0)
    assert stats["primacy"] == pytest.approx(2.0)                     # 1000 / 500
    assert stats["four_city"] == pytest.approx(1000.0 / 875.0)      # 1000 / (500 + 250 + 125)


@pytest.mark.parametrize("min_size, n", [(250.0, 3), (250.01, 2), (249.99, 3), (125.0, 4)])
def test_size_cut_off_is_inclusive(min_size, n):
    stats = citynet.rank_size(SIZES, min_size=min_size).statistics
    assert stats["n"] == n
    # At least 3 cities to fit: with 2 the slope is NaN and a note says why.
    assert math.isnan(stats["b"]) is (n < 3)
    assert bool(stats["note"]) is (n < 3)


def test_default_cut_off_keeps_every_positive_size():
    stats = citynet.rank_size(pd.Series({"A": 1000.0, "B": 0.5, "C": 0.01, "D": 0.0})).statistics
    assert (stats["n"], stats["cutoff"]) == (3, 0.01)


@pytest.mark.parametrize("top_n, n", [(3, 3), (2, 2), (None, 4)])
def test_top_n_cities(top_n, n):
    assert citynet.rank_size(SIZES, top_n=top_n).statistics["n"] == n


# --- intermediary cities -------------------------------------------------------------------------------

def _band(sizes, **options):
    sizes = pd.Series(sizes, dtype=float)
    out = citynet.intermediary_cities(sizes, pd.Series(0.0, index=sizes.index),
                                      pd.Series("dominated", index=sizes.index), **options)
    return out["in_size_band"].tolist()


def test_default_size_band_is_20000_to_500000_inclusive():
    sizes = {"a": 19_999, "b": 20_000, "c": 500_000, "d": 500_001, "e": 100_000}
    assert _band(sizes) == [False, True, True, False, True]


def test_given_size_band_is_inclusive():
    assert _band({"a": 9_999, "b": 10_000, "c": 50_000, "d": 50_001}, min_size=10_000, max_size=50_000) == \
        [False, True, True, False]


def _betweenness(n, **options):
    ids = [f"t{i:02d}" for i in range(1, n + 1)]
    between = pd.Series(np.arange(n, 0, -1, dtype=float), index=ids)  # t01 highest
    out = citynet.intermediary_cities(pd.Series(100_000.0, index=ids), between,
                                      pd.Series("intermediate", index=ids), **options)
    return out


def test_default_top_share_is_10_percent():
    # 20 territories, betweenness 20, 19, ..., 1: the top 10 % is the 2 highest.
    out = _betweenness(20)
    assert out.index[out["high_betweenness"]].tolist() == ["t01", "t02"]
    assert out["intermediary"].sum() == 2  # middle size, intermediate and high betweenness
    # 15 % would take 3, 5 % 1.
    assert _betweenness(20, top_share=0.15)["high_betweenness"].sum() == 3
    assert _betweenness(20, top_share=0.05)["high_betweenness"].sum() == 1


def test_zero_betweenness_is_never_high():
    ids = list("abcde")
    out = citynet.intermediary_cities(pd.Series(100_000.0, index=ids),
                                      pd.Series([0.3, 0.0, 0.0, 0.0, 0.0], index=ids),
                                      pd.Series("intermediate", index=ids), top_share=1.0)
    assert out["high_betweenness"].tolist() == [True, False, False, False, False]


def test_intermediary_needs_the_intermediate_role():
    ids = ["a", "b"]
    out = citynet.intermediary_cities(pd.Series(100_000.0, index=ids), pd.Series([5.0, 4.0], index=ids),
                                      pd.Series(["intermediate", "dominant"], index=ids), top_share=1.0)
    assert out["intermediary_score"].tolist() == [3, 2]
    assert out["intermediary"].tolist() == [True, False]
