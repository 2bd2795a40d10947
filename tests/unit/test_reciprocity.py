"""The reciprocity account (core/resources/reciprocity.py) on hand-made cases; answers derived in the comments."""

import math

import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core.flows.pairs import FlowTable
from alliance_territories.alliance_plugin.core.resources import reciprocity as rc

# Two urban territories U1, U2 and two rural ones R1, R2.
CLASSES = pd.Series({"U1": "urban", "U2": "urban", "R1": "rural", "R2": "rural"})
IDS = ["U1", "U2", "R1", "R2"]


def account(rows, classes=CLASSES, **options):
    flows = pd.DataFrame(rows, columns=["origin", "destination", "flow_type", "value"])
    return rc.reciprocity_account(FlowTable(flows, list(classes.index)), classes, **options)


def pair(result):
    assert len(result.pairs) == 1
    return result.pairs.iloc[0]


def test_two_types_in_opposite_directions_give_one():
    # Food: R1 ships 100 t to U1. Commuting: 50 residents of R2 work in U2 (origin home, destination
    # job): the urban class provides the jobs. Classes sorted: a = rural, b = urban.
    # share_a: food 100 / 100 = 1, commuting 0 / 50 = 0; mean 0.5; R = 1 - |2 x 0.5 - 1| = 1.
    result = account([("R1", "U1", "food", 100.0), ("R2", "U2", "commuting", 50.0)])
    p = pair(result)
    assert (p["class_a"], p["class_b"], p["reciprocity"], p["n_types"]) == ("rural", "urban", 1.0, 2)
    assert p["types_a_provides"] == "food" and p["types_b_provides"] == "commuting"


def test_one_sided_gives_zero():
    # Food and water both from the rural class: shares 1 and 1, mean 1, R = 1 - |2 - 1| = 0.
    p = pair(account([("R1", "U1", "food", 100.0), ("R2", "U1", "water", 7.0)]))
    assert p["reciprocity"] == 0.0 and p["types_a_provides"] == "food,water" and p["types_b_provides"] == ""


def test_mixed_case_gives_one_half():
    # Food one-way (share 1); water 30 each way (share 0.5): mean 0.75, R = 1 - |1.5 - 1| = 0.5.
    p = pair(account([("R1", "U1", "food", 100.0), ("R1", "U2", "water", 30.0), ("U1", "R2", "water", 30.0)]))
    assert p["reciprocity"] == 0.5 and p["types_a_provides"] == "food" and p["types_b_provides"] == ""


def test_class_table_both_orders():
    result = account([("R1", "U1", "food", 100.0), ("R1", "U2", "water", 30.0), ("U1", "R2", "water", 10.0)])
    table = result.table.set_index(["class_a", "class_b", "flow_type"])
    assert list(result.table.columns) == list(rc.TABLE_COLUMNS)
    water = table.loc[("rural", "urban", "water")]
    assert (water["provided_ab"], water["provided_ba"], water["balance"], water["share_a"]) == (30.0, 10.0, 20.0,
                                                                                             0.75)
    back = table.loc[("urban", "rural", "water")]
    assert (back["provided_ab"], back["provided_ba"], back["balance"], back["share_a"]) == (10.0, 30.0, -20.0, 0.25)
    food = table.loc[("urban", "rural", "food")]
    assert food["provided_ab"] == 0.0 and food["share_a"] == 0.0


def test_services_are_provided_by_the_destination_and_the_set_can_be_changed():
    # People of R1 travel to services in U1: the urban class provides them.
    result = account([("R1", "U1", "food", 10.0), ("R1", "U1", "Services", 5.0)])
    assert pair(result)["types_b_provides"] == "Services" and pair(result)["reciprocity"] == 1.0
    assert result.destination_types == ["Services"]
    # Read as shipments instead: both from the rural class.
    result = account([("R1", "U1", "food", 10.0), ("R1", "U1", "Services", 5.0)], provider_is_destination=())
    assert pair(result)["reciprocity"] == 0.0


def test_flows_inside_a_class_and_without_class_are_left_out():
    classes = pd.Series({"U1": "urban", "U2": "urban", "R1": "rural", "X": None})
    result = account([("U1", "U2", "food", 500.0), ("U1", "U1", "food", 9.0), ("X", "U1", "food", 3.0),
                      ("R1", "U1", "food", 10.0)], classes=classes)
    assert result.rows_without_class == 1
    assert result.table["provided_ab"].sum() == 10.0  # rural -> urban only, in the table as (rural, urban)


def test_per_territory_contributions_and_net_contribution():
    # R1 gives 100 t of food to U1 and receives 20 t back from U2; R1's residents commute to U1 (40):
    # R1 receives the jobs. Food: (100 - 20) / 120 = 2/3; commuting: (0 - 40) / 40 = -1.
    # net_contribution = (2/3 - 1) / 2 = -1/6.
    result = account([("R1", "U1", "food", 100.0), ("U2", "R1", "food", 20.0), ("R1", "U1", "commuting", 40.0)])
    contributions = result.contributions.set_index(["territory", "flow_type"])
    r1_food = contributions.loc[("R1", "food")]
    assert (r1_food["gives_to_other_classes"], r1_food["receives_from_other_classes"], r1_food["net"]) == (
        100.0, 20.0, 80.0)
    assert r1_food["class"] == "rural"
    r1 = result.territories.loc["R1"]
    assert r1["net_contribution"] == pytest.approx(-1 / 6) and r1["n_types"] == 2
    assert r1["gives"] == "food" and r1["receives"] == "commuting" and r1["class"] == "rural"
    # U1: food received 100 (-1), jobs given 40 (+1): mean 0.
    assert result.territories.loc["U1", "net_contribution"] == 0.0
    # R2 exchanged nothing: NULL contribution, no type; its class's partner and index still apply.
    r2 = result.territories.loc["R2"]
    assert math.isnan(r2["net_contribution"]) and r2["n_types"] == 0 and r2["gives"] == ""
    assert r2["partner_class"] == "urban" and r2["reciprocity"] == result.pairs.iloc[0]["reciprocity"]
    assert list(result.territories.columns) == list(rc.TERRITORY_COLUMNS)


def test_partner_class_is_the_one_exchanged_with_most_as_shares_of_each_type():
    # Three classes. Urban exchanges food with rural (100 of its 110 food) and with peri (10); jobs only
    # with peri (all 5): shares rural 100/110 = 0.91, peri 10/110 + 5/5 = 1.09 -> urban's partner is peri,
    # although more tonnes go to rural.
    classes = pd.Series({"U": "urban", "P": "peri", "R": "rural"})
    result = account([("R", "U", "food", 100.0), ("P", "U", "food", 10.0), ("P", "U", "commuting", 5.0)],
                     classes=classes)
    t = result.territories
    assert t.loc["U", "partner_class"] == "peri" and t.loc["R", "partner_class"] == "urban"
    # (peri, urban): food share 1 (peri gives), commuting share 0 (urban gives jobs): R = 1.
    assert t.loc["U", "reciprocity"] == 1.0 and t.loc["R", "reciprocity"] == 0.0


def test_index_formula():
    assert rc.reciprocity_index([1.0, 0.0]) == 1.0
    assert rc.reciprocity_index([1.0, 1.0]) == 0.0
    assert rc.reciprocity_index([0.0, 0.0]) == 0.0
    assert rc.reciprocity_index([1.0, 0.5]) == 0.5
    assert rc.reciprocity_index([0.5]) == 1.0
    assert math.isnan(rc.reciprocity_index([np.nan]))


def test_class_centroids_and_lines():
    points = pd.DataFrame({"x": [0.0, 2000.0, 10000.0, 12000.0], "y": [0.0, 0.0, 4000.0, 0.0]}, index=IDS)
    centroids = rc.class_centroids(points, CLASSES)
    assert centroids.loc["urban"].tolist() == [1000.0, 0.0] and centroids.loc["rural"].tolist() == [11000.0, 2000.0]
    result = account([("R1", "U1", "food", 100.0), ("R2", "U2", "commuting", 50.0)])
    rows, lines = rc.class_lines(result.table, centroids)
    # One line per ordered pair and type with something provided: rural -> urban food, urban -> rural jobs.
    assert rows.values.tolist() == [["rural", "urban", "food", 100.0], ["urban", "rural", "commuting", 50.0]]
    assert list(lines[0].coords) == [(11000.0, 2000.0), (1000.0, 0.0)]


def test_numeric_classes_become_text():
    classes = pd.Series({"A": 1.0, "B": 3.0})
    result = account([("A", "B", "food", 1.0)], classes=classes)
    assert result.pairs.iloc[0][["class_a", "class_b"]].tolist() == ["1", "3"]
