"""Resource-sheds (core/resources/resourceshed.py) on hand-made cases; answers derived in the comments."""

import math

import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core.resources.resourceshed import resource_sheds

# A city C at (0, 0) and three rural suppliers on the x axis: R1 at 1 km (surplus 60),
# R2 at 2 km (surplus 50), R3 at 5 km (surplus 80). Rows: C, R1, R2, R3.
XY = np.array([[0, 0], [1000, 0], [2000, 0], [5000, 0]], dtype=float)
RANK = np.arange(4)


def sheds(deficit, rule="independent", xy=XY, rank=RANK):
    return resource_sheds(np.array([-deficit, 60.0, 50.0, 80.0]), xy, rank, rule=rule)


def test_the_two_nearest_cover_the_deficit():
    # 100 short: R1 gives 60 (cum 60 < 100), R2 completes with 40 (cum 110 >= 100): radius = R2's 2 km.
    s = sheds(100.0)
    assert s.radius[0] == 2000.0 and s.n[0] == 2 and s.covered[0]
    assert s.members["member"].tolist() == [1, 2]
    assert s.members["distance"].tolist() == [1000.0, 2000.0]
    assert s.members["amount"].tolist() == [60.0, 40.0]  # R2 gives only what completes the deficit


def test_a_deficit_exactly_met_stops_there():
    # 110 = 60 + 50 exactly: R3 is not needed.
    s = sheds(110.0)
    assert s.n[0] == 2 and s.radius[0] == 2000.0 and s.members["amount"].sum() == 110.0


def test_the_nearest_alone():
    s = sheds(60.0)
    assert s.n[0] == 1 and s.radius[0] == 1000.0 and s.members["amount"].tolist() == [60.0]


def test_all_three_then_more_than_all_surpluses():
    # 150: 60 + 50 = 110, R3 gives 40 -> radius 5 km, three members.
    s = sheds(150.0)
    assert s.n[0] == 3 and s.radius[0] == 5000.0 and s.members["amount"].tolist() == [60.0, 50.0, 40.0]
    # 200 > 60 + 50 + 80 = 190: no shed covers it; no member, radius NULL, not covered.
    s = sheds(200.0)
    assert not s.covered[0] and s.n[0] == 0 and math.isnan(s.radius[0]) and s.members.empty


def test_surplus_territories_have_no_shed():
    s = sheds(100.0)
    assert np.isnan(s.radius[1:]).all() and (s.n[1:] == 0).all()


def test_equal_distances_go_to_the_smallest_code_whatever_the_row_order():
    # Two suppliers at 1 km (north and east), 40 each; the city needs 30: only one is taken,
    # the one whose code ranks first (rank 0 is given to the row placed last).
    xy = np.array([[0, 0], [1000, 0], [0, 1000]], dtype=float)
    net = np.array([-30.0, 40.0, 40.0])
    assert resource_sheds(net, xy, np.array([2, 1, 0])).members["member"].tolist() == [2]
    assert resource_sheds(net, xy, np.array([2, 0, 1])).members["member"].tolist() == [1]


def test_territories_without_a_point_take_no_part():
    xy = XY.copy()
    xy[1] = np.nan  # R1 has no geometry: R2 (50) and R3 (50 of 80) cover 100 -> radius 5 km
    s = sheds(100.0, xy=xy)
    assert s.members["member"].tolist() == [2, 3] and s.radius[0] == 5000.0


# Two cities: C1 at (0, 0) short of 100, C2 at (1000, 1000) short of 50; suppliers as above.
# Distances from C2: R1 1000, R2 sqrt(1000^2 + 1000^2) = 1414.2, R3 sqrt(4000^2 + 1000^2) = 4123.1.
TWO = np.array([[0, 0], [1000, 1000], [1000, 0], [2000, 0], [5000, 0]], dtype=float)


def test_independent_rule_lets_both_cities_count_the_same_supplier():
    s = resource_sheds(np.array([-100.0, -50.0, 60, 50, 80]), TWO, np.arange(5))
    # C1 as alone: R1 60 + R2 40, radius 2 km. C2 alone: R1's 60 cover its 50, radius 1 km.
    assert s.radius[:2].tolist() == [2000.0, 1000.0] and s.n[:2].tolist() == [2, 1]
    c2 = s.members[s.members["deficit"] == 1]
    assert c2["member"].tolist() == [2] and c2["amount"].tolist() == [50.0]


def test_shared_rule_serves_the_largest_deficit_first_and_consumes_surpluses_once():
    s = resource_sheds(np.array([-100.0, -50.0, 60, 50, 80]), TWO, np.arange(5), rule="shared")
    # C1 (100) first: R1 60 and R2 40; left R1 0, R2 10, R3 80. C2 (50): R1 is empty, R2 gives 10,
    # R3 gives 40: radius 4123.1 m, two members.
    assert s.radius[0] == 2000.0 and s.n[0] == 2 and s.covered[0]
    assert s.radius[1] == pytest.approx(math.hypot(4000, 1000)) and s.n[1] == 2 and s.covered[1]
    c2 = s.members[s.members["deficit"] == 1]
    assert c2["member"].tolist() == [3, 4] and c2["amount"].tolist() == pytest.approx([10.0, 40.0])


def test_shared_rule_when_what_is_left_does_not_cover():
    # C2 now short of 100: after C1, only 10 + 80 = 90 are left; it takes them, not covered.
    s = resource_sheds(np.array([-100.0, -100.0, 60, 50, 80]), TWO, np.arange(5), rule="shared")
    # Equal deficits: C1 (rank 0) first.
    assert s.covered[0] and not s.covered[1] and s.n[1] == 2
    assert s.members[s.members["deficit"] == 1]["amount"].sum() == pytest.approx(90.0)


def brute_force(net, xy, rank):
    """Each deficit alone, by sorting every surplus: the definition, written plainly."""
    surplus = np.flatnonzero(net > 0)
    out = {}
    for i in np.flatnonzero(net < 0):
        need = -net[i]
        d = np.hypot(*(xy[surplus] - xy[i]).T)
        order = np.lexsort((rank[surplus], d))
        cum = np.cumsum(net[surplus][order])
        if cum[-1] < need - 1e-9:
            out[i] = (0, float("nan"))
            continue
        last = int(np.argmax(cum >= need - 1e-9 * max(1.0, need)))
        out[i] = (last + 1, d[order][last], list(surplus[order][:last + 1]))
    return out


def test_the_k_d_tree_search_matches_sorting_every_surplus_on_a_grid_full_of_ties():
    # A 30 x 30 grid (many equal distances), random nets; some deficits need hundreds of members.
    rng = np.random.default_rng(1)
    side = 30
    xy = np.array([(i % side, i // side) for i in range(side * side)], dtype=float) * 1000.0
    net = np.round(rng.normal(0, 10, side * side), 0)
    net[5] = -2000.0  # a large city: needs far more than 16 neighbours
    rank = rng.permutation(len(net))
    s = resource_sheds(net, xy, rank)
    expected = brute_force(net, xy, rank)
    for i, answer in expected.items():
        assert s.n[i] == answer[0], i
        if answer[0]:
            assert s.radius[i] == answer[1], i
            assert s.members[s.members["deficit"] == i]["member"].tolist() == answer[2], i
    assert s.n[5] > 100


def test_members_table_columns():
    s = sheds(100.0)
    assert list(s.members.columns) == ["deficit", "member", "distance", "amount"]
    assert isinstance(s.members, pd.DataFrame)
