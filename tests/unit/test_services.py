"""Access to services: nearest facility, 2SFCA and inequality, against plain loops and hand sums."""

import itertools
import math

import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core import services
from alliance_territories.alliance_plugin.core.errors import InvalidValueError

STREET = np.array([[0, 0, 1000, 0], [1000, 0, 1000, 1000]], dtype=float)


def test_nearest_facility_straight_and_walked():
    demand = [[1000, 800], [100, 0], [5000, 5000]]
    supply = [[0, 0], [1000, 1000]]
    straight = services.nearest_facility(None, demand, supply)
    np.testing.assert_allclose(straight["distance"], [200, 100, math.hypot(4000, 4000)])
    assert straight["facility"].tolist() == [1, 0, 1] and (straight["method"] == "euclidean").all()
    walked = services.nearest_facility(STREET, demand, supply, snap_tolerance=100)
    np.testing.assert_allclose(walked["distance"], [200, 100, np.nan])
    assert walked["facility"].tolist() == [1, 0, -1]
    assert walked.attrs["unsnapped_points"] == 1 and (walked["method"] == "network").all()
    capped = services.nearest_facility(STREET, [[600, 0]], supply, cutoff=500)
    assert capped["facility"].tolist() == [-1] and capped["distance"].isna().all()


def test_catchment_pairs_network_versus_straight():
    demand = [[900, 100], [500, 0]]
    supply = [[1000, 0]]
    straight = services.catchment_pairs(None, demand, supply, 300)
    assert straight["point"].tolist() == [0]
    walked = services.catchment_pairs(STREET, demand, supply, 600, snap_tolerance=200)
    # (900, 100) snaps 100 m onto the vertical street at (1000, 100): 100 + 100
    assert walked["point"].tolist() == [0, 1]
    np.testing.assert_allclose(walked["distance"], [200, 500])
    with pytest.raises(InvalidValueError, match="radius"):
        services.catchment_pairs(None, demand, supply, 0)


def test_two_step_floating_catchment_against_loops():
    rng = np.random.default_rng(5)
    demand = rng.uniform(0, 3000, (80, 2))
    supply = rng.uniform(0, 3000, (6, 2))
    pop = rng.integers(0, 500, 80).astype(float)
    cap = rng.integers(1, 20, 6).astype(float)
    radius = 900.0
    pairs = services.catchment_pairs(None, demand, supply, radius)
    per_facility, per_point = services.floating_catchment(pairs, pop, cap)
    within = np.array([[math.dist(p, s) <= radius for p in demand] for s in supply])
    ratio = [cap[j] / pop[within[j]].sum() if pop[within[j]].sum() > 0 else np.nan for j in range(6)]
    score = [sum(ratio[j] for j in range(6) if within[j, i] and not np.isnan(ratio[j])) for i in range(80)]
    np.testing.assert_allclose(per_facility["ratio"], ratio)
    np.testing.assert_allclose(per_point["score"], score)
    assert per_point["facilities"].tolist() == within.sum(axis=0).tolist()
    # the supply is conserved: every unit of capacity reaching someone is shared out
    reached = per_facility["demand"] > 0
    assert (per_point["score"] * pop).sum() == pytest.approx(cap[reached.to_numpy()].sum())


def test_floating_catchment_facility_with_no_one_and_bad_values():
    pairs = pd.DataFrame({"facility": [0], "point": [0]})
    per_facility, per_point = services.floating_catchment(pairs, [0.0, 50.0], [5.0, 3.0])
    assert per_facility["ratio"].isna().all()
    assert per_point["score"].tolist() == [0.0, 0.0]
    with pytest.raises(InvalidValueError, match="population"):
        services.floating_catchment(pairs, [-1.0], [1.0])
    with pytest.raises(InvalidValueError, match="capacity"):
        services.floating_catchment(pairs, [1.0], [np.nan])


@pytest.mark.parametrize("seed", range(4))
def test_gini_and_theil_against_definitions(seed):
    rng = np.random.default_rng(seed)
    x = rng.gamma(2.0, 3.0, 25)
    x[:3] = 0.0
    w = rng.uniform(0.5, 4.0, 25)
    mean = (w * x).sum() / w.sum()
    pairwise = sum(w[i] * w[j] * abs(x[i] - x[j]) for i, j in itertools.product(range(25), repeat=2))
    assert services.gini(x, w) == pytest.approx(pairwise / (2 * w.sum() ** 2 * mean))
    r = x / mean
    expected = sum(w[i] * r[i] * math.log(r[i]) for i in range(25) if r[i] > 0) / w.sum()
    assert services.theil(x, w) == pytest.approx(expected)
    # repeating a value as often as its weight gives the unweighted index
    ints = rng.integers(1, 4, 25)
    assert services.gini(x, ints) == pytest.approx(services.gini(np.repeat(x, ints)))
    assert services.theil(x, ints) == pytest.approx(services.theil(np.repeat(x, ints)))


def test_indices_edge_cases():
    assert math.isnan(services.gini([0, 0]))
    assert math.isnan(services.theil([]))
    assert services.gini([5, np.nan, 5], [1, 1, 0]) == 0.0
    with pytest.raises(InvalidValueError, match="non-negative"):
        services.gini([-1, 2])
    with pytest.raises(InvalidValueError, match="weights"):
        services.theil([1, 2], [1])


def test_inequality_between_classes():
    values = [2.0, 4.0, 1.0, 1.0, np.nan]
    weights = [100, 100, 50, 150, 30]
    groups = ["urban", "urban", "rural", "rural", "rural"]
    out = services.inequality(values, weights, groups)
    table = out["table"]
    assert table.loc["urban", "mean"] == pytest.approx(3.0) and table.loc["rural", "mean"] == 1.0
    assert table.loc["rural", "count"] == 2
    assert out["ratio"] == pytest.approx(3.0) and out["groups"] == 2
    assert out["gini"] == pytest.approx(services.gini([3.0, 1.0], [200, 200]))
    # the Theil of the group means is the between-group part of the individual Theil
    x, w = np.array([2.0, 4.0, 1.0, 1.0]), np.array([100, 100, 50, 150])
    mu = (w * x).sum() / w.sum()
    between = sum(wg * mg / (w.sum() * mu) * math.log(mg / mu) for mg, wg in ((3.0, 200), (1.0, 200)))
    assert out["theil"] == pytest.approx(between)
    assert math.isnan(services.inequality([0.0, 1.0], [1, 1], ["a", "b"])["ratio"])
