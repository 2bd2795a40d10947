"""Access to services: nearest facility, 2SFCA and their summary, against plain loops and hand sums.

The inequality indices themselves are tested in test_inequality.py.
"""

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


# --- the fields written and the summary, on a hand-made case -------------------------------------
# five people: population, score per 1000, distance (NaN: no facility reached), territory, class
POP = [10.0, 30.0, 10.0, 0.0, 50.0]
SCORE = [0.0, 2.0, 4.0, 9.0, 1.0]
DISTANCE = [np.nan, 100.0, 50.0, 70.0, 200.0]
TERRITORY = ["a", "b", "b", "a", None]
CLASSES = ["u", "r", "u", "u", None]


def test_per_demand_fields_by_hand():
    nearest = pd.DataFrame({"distance": [400.0, np.nan, 0.0], "facility": [1, -1, 0],
                            "snapped": [True, False, True]})
    per_point = pd.DataFrame({"score": [0.0025, 0.0, 0.001], "facilities": [2, 0, 1]})
    out = services.per_demand(nearest, per_point, ["north", "east"], 4.8, index=[7, 8, 9])
    assert list(out.columns) == ["nearest_facility", "distance_m", "time_min", "score_per_1000",
                                 "facilities_in_reach", "placed"]
    assert out.index.tolist() == [7, 8, 9]
    assert out["nearest_facility"].iloc[[0, 2]].tolist() == ["east", "north"]
    assert pd.isna(out["nearest_facility"].iloc[1])  # no facility reached: NULL
    # 4.8 km/h is 80 m a minute: 400 m in 5 minutes
    np.testing.assert_allclose(out["time_min"], [5.0, np.nan, 0.0])
    np.testing.assert_allclose(out["score_per_1000"], [2.5, 0.0, 1.0])
    assert out["facilities_in_reach"].tolist() == [2, 0, 1] and out["placed"].tolist() == [1, 0, 1]
    assert services.walking_minutes(1000.0, 6.0) == pytest.approx(10.0)


def test_facility_fields_per_1000():
    per_facility = pd.DataFrame({"demand": [80.0, 0.0], "ratio": [30 / 80, np.nan]})
    fields = services.facility_fields(per_facility)
    assert list(fields) == ["demand_in_reach", "per_1000"]
    np.testing.assert_allclose(fields["per_1000"], [375.0, np.nan])
    np.testing.assert_allclose(fields["demand_in_reach"], [80.0, 0.0])


def test_summary_means_and_unreached_by_hand():
    out = services.summarise(SCORE, DISTANCE, POP, TERRITORY, CLASSES)
    # distance among those who reach a facility: (30*100 + 10*50 + 0*70 + 50*200) / 90
    assert out.mean_distance == pytest.approx(13500 / 90)
    # score over everyone, the unreached scoring 0: (0 + 60 + 40 + 0 + 50) / 100
    assert out.mean_score == pytest.approx(1.5)
    assert out.unreached == 10.0
    nobody = services.summarise([0.0, 0.0], [np.nan, np.nan], [5.0, 0.0])
    assert nobody.mean_distance is None and nobody.unreached == 5.0 and nobody.mean_score == 0.0
    empty = services.summarise([1.0], [10.0], [0.0])
    assert empty.mean_distance is None and empty.mean_score is None


def test_summary_table_by_hand():
    out = services.summarise(SCORE, DISTANCE, POP, TERRITORY, CLASSES)
    table = out.table.set_index(["indicator", "scope"])
    assert list(out.table.columns) == ["indicator", "scope", "groups", "gini", "theil", "ratio"]
    assert table.index.tolist() == [("score", "whole area"), ("score", "territories"), ("score", "classes"),
                                    ("distance", "territories"), ("distance", "classes")]
    # whole area, person 3 (no population) left out: (0, 10) (2, 30) (4, 10) (1, 50), mean 1.5;
    # sum over ordered pairs of w_i w_j |x_i - x_j| = 2 * (600 + 400 + 500 + 600 + 1500 + 1500)
    assert table.loc[("score", "whole area"), "gini"] == pytest.approx(10200 / (2 * 100 ** 2 * 1.5))
    x, w = [0.0, 2.0, 4.0, 1.0], [10.0, 30.0, 10.0, 50.0]
    theil = sum(wi * (xi / 1.5) * math.log(xi / 1.5) for xi, wi in zip(x, w) if xi > 0) / 100
    assert table.loc[("score", "whole area"), "theil"] == pytest.approx(theil)
    assert table.loc[("score", "whole area"), "groups"] == 1
    # territories: a = person 0 alone (score 0, 10 people), b = 1 and 2: (60 + 40) / 40 = 2.5
    assert table.loc[("score", "territories"), "groups"] == 2
    assert table.loc[("score", "territories"), "gini"] == pytest.approx(2 * 10 * 40 * 2.5 / (2 * 50 ** 2 * 2))
    assert table.loc[("score", "territories"), "theil"] == pytest.approx(math.log(1.25))
    assert math.isnan(table.loc[("score", "territories"), "ratio"])  # the lowest mean is 0
    # classes u (0 and 2: mean 2) and r (1: mean 2): a tie, so no inequality at all
    assert table.loc[("score", "classes"), "ratio"] == 1.0
    assert table.loc[("score", "classes"), "gini"] == 0.0 and table.loc[("score", "classes"), "theil"] == 0.0
    # distances: territory a has nobody reaching a facility (person 3 counts no one): one group, nothing to compare
    assert table.loc[("distance", "territories"), "groups"] == 1
    assert table.loc[("distance", "territories"), "gini"] == 0.0
    assert math.isnan(table.loc[("distance", "territories"), "ratio"])
    # classes by distance: u 50 (10 people), r 100 (30 people), mean 87.5
    assert table.loc[("distance", "classes"), "ratio"] == 2.0
    assert table.loc[("distance", "classes"), "gini"] == pytest.approx(2 * 10 * 30 * 50 / (2 * 40 ** 2 * 87.5))
    assert out.value("score", "territories", "gini") == pytest.approx(0.2)
    assert out.value("score", "classes", "ratio") == 1.0
    assert out.value("score", "nowhere", "gini") is None
    only = services.summarise(SCORE, DISTANCE, POP)
    assert only.table["scope"].tolist() == ["whole area"] and only.territory_gap() is None
    assert only.value("score", "territories", "gini") is None


def test_class_table_and_score_to_best_by_hand():
    out = services.summarise(SCORE, DISTANCE, POP, TERRITORY, CLASSES).class_table()
    assert list(out.columns) == ["class", "population", "mean_score", "mean_distance_m", "score_to_best"]
    rows = out.set_index("class")
    # the class population counts the unreached (person 0 in u); the mean distance does not
    assert rows.loc["u"].tolist() == pytest.approx([20.0, 2.0, 50.0, 1.0])
    assert rows.loc["r"].tolist() == pytest.approx([30.0, 2.0, 100.0, 1.0])
    unequal = services.summarise([1.0, 4.0, 0.0], [10.0, 20.0, np.nan], [1.0, 1.0, 1.0], ["t", "t", "s"],
                                 ["x", "y", "z"]).class_table().set_index("class")
    assert unequal["score_to_best"].tolist() == [0.25, 1.0, 0.0]
    assert math.isnan(unequal.loc["z", "mean_distance_m"])
    zero = services.summarise([0.0, 0.0], [10.0, 20.0], [1.0, 1.0], ["t", "s"], ["x", "y"]).class_table()
    assert zero["score_to_best"].isna().all()


def test_territory_means_in_the_order_of_the_codes():
    out = services.summarise(SCORE, DISTANCE, POP, TERRITORY, CLASSES).territory_means(["b", "a", "c"],
                                                                                         index=[5, 6, 7])
    assert list(out.columns) == ["population", "service_score_per_1000", "service_distance_m"]
    assert out.index.tolist() == [5, 6, 7]
    assert out["population"].tolist() == [40.0, 10.0, 0.0]
    np.testing.assert_allclose(out["service_score_per_1000"], [2.5, 0.0, np.nan])
    np.testing.assert_allclose(out["service_distance_m"], [(3000 + 500) / 40, np.nan, np.nan])


def test_why_the_inequality_between_territories_tells_nothing():
    def gap(score, territory):
        return services.summarise(score, [10.0, 20.0], [1.0, 1.0], territory).territory_gap()

    assert gap([1.0, 2.0], ["a", "b"]) is None
    assert gap([1.0, 2.0], [None, None]) == services.NO_GROUP
    assert gap([1.0, 2.0], ["a", "a"]) == services.ONE_GROUP
    assert gap([0.0, 0.0], ["a", "b"]) == services.NOTHING_IN_REACH
    assert gap([0.0, 0.001], ["a", "b"]) is None  # one territory above 0 is enough to compare


# --- progress and cancel (issue 13) ------------------------------------------------------------------

def city(side=20, people=25_000, facilities=40, seed=4):
    """A grid of ``side`` x ``side`` blocks of 100 m (its segments), people and facilities in it."""
    ticks = np.arange(side + 1) * 100.0
    rows = [(j0, i, j1, i) for i in ticks for j0, j1 in zip(ticks[:-1], ticks[1:])]
    rows += [(i, j0, i, j1) for i in ticks for j0, j1 in zip(ticks[:-1], ticks[1:])]
    rng = np.random.default_rng(seed)
    return (np.array(rows), rng.uniform(0, side * 100, (people, 2)), rng.uniform(0, side * 100, (facilities, 2)))


def counting(checks):
    """An ``is_canceled`` that turns true at its ``checks``-th call; ``calls`` counts them."""
    calls = []
    return (lambda: calls.append(1) or len(calls) >= checks), calls


@pytest.mark.parametrize("with_streets", [True, False], ids=["network", "straight"])
def test_long_phases_report_progress_and_change_nothing(with_streets):
    segments, demand, supply = city()
    streets = segments if with_streets else None
    seen = {}
    placed = services.place(streets, demand, supply, snap_tolerance=60, progress=seen.setdefault("place", []).append,
                            is_canceled=lambda: False)
    nearest = services.nearest_facility(streets, demand, supply, snap_tolerance=60, placed=placed,
                                        progress=seen.setdefault("nearest", []).append, is_canceled=lambda: False)
    pairs = services.catchment_pairs(streets, demand, supply, 300, snap_tolerance=60, placed=placed,
                                     progress=seen.setdefault("pairs", []).append, is_canceled=lambda: False)
    for name, values in seen.items():
        if with_streets or name != "place":  # straight lines place nothing
            assert values and values == sorted(values) and values[-1] == pytest.approx(100.0), (name, values)
    assert (placed is None) == (not with_streets)
    pd.testing.assert_frame_equal(nearest, services.nearest_facility(streets, demand, supply, snap_tolerance=60))
    pd.testing.assert_frame_equal(pairs, services.catchment_pairs(streets, demand, supply, 300, snap_tolerance=60))
    assert len(pairs) > 1000


def test_a_cancel_stops_placing_measuring_and_pairing():
    segments, demand, supply = city()
    is_canceled, calls = counting(3)
    assert services.place(segments, demand, supply, is_canceled=is_canceled) is None
    assert len(calls) == 3  # stopped at the third checkpoint (building the graph): no check after it
    assert services.nearest_facility(segments, demand, supply, is_canceled=lambda: True) is None
    assert services.catchment_pairs(segments, demand, supply, 300, is_canceled=lambda: True) is None
    assert services.catchment_pairs(None, demand, supply, 300, is_canceled=lambda: True) is None
    placed = services.place(segments, demand, supply)
    is_canceled, calls = counting(2)
    assert services.catchment_pairs(segments, demand, supply, 300, placed=placed, is_canceled=is_canceled) is None
    assert len(calls) == 2
