"""Resource balances (core/resources/values.py, balance.py) on hand-made cases; answers derived in the comments."""

import math

import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core.errors import FieldNotFoundError, InvalidValueError
from alliance_territories.alliance_plugin.core.flows.pairs import FlowTable
from alliance_territories.alliance_plugin.core.resources import balance as rb
from alliance_territories.alliance_plugin.core.resources import values as rv

# A city C and three rural suppliers at known distances (inner points in metres):
# R1 10 km east, R2 30 km north, R3 80 km east.
POINTS = pd.DataFrame({"x": [0.0, 10000.0, 0.0, 80000.0], "y": [0.0, 0.0, 30000.0, 0.0]},
                      index=["C", "R1", "R2", "R3"])
IDS = ["C", "R1", "R2", "R3"]
# Food (t): C produces 10, eats 100 (net -90); R1 60/10 (+50); R2 45/5 (+40); R3 100/20 (+80).
# Water (m3): C 500/400 (+100); R1 0/0 (consumes nothing); R2 10/50 (-40); R3 100/100 (0).
VALUES = pd.DataFrame({
    "territory": ["C", "R1", "R2", "R3"] * 2,
    "resource": ["food"] * 4 + ["water"] * 4,
    "unit": ["t"] * 4 + ["m3"] * 4,
    "production": [10.0, 60, 45, 100, 500, 0, 10, 100],
    "consumption": [100.0, 10, 5, 20, 400, 0, 50, 100]})
# Food shipped to C: 30 from R1, 20 from R2, 50 from R3; R1 keeps 5 for itself (internal, not an inflow).
FLOWS = pd.DataFrame({"origin": ["R1", "R2", "R3", "R1"], "destination": ["C", "C", "C", "R1"],
                      "flow_type": "food", "value": [30.0, 20.0, 50.0, 5.0]})


@pytest.fixture()
def result():
    return rb.resource_balance(VALUES, POINTS, FlowTable(FLOWS, IDS), local_distance=50000.0)


def row(result, territory, resource):
    table = result.balance.set_index(["territory", "resource"])
    return table.loc[(territory, resource)]


def test_columns_and_order(result):
    assert list(result.balance.columns) == list(rb.BALANCE_COLUMNS)
    # Territories in the order given, resources in the order first met.
    assert result.balance[["territory", "resource"]].values.tolist()[:4] == [
        ["C", "food"], ["C", "water"], ["R1", "food"], ["R1", "water"]]
    assert list(result.sheds.columns) == list(rb.SHED_COLUMNS)
    assert list(result.territories.columns) == list(rb.SUMMARY_COLUMNS)


def test_net_and_self_sufficiency(result):
    c = row(result, "C", "food")
    assert c["net"] == -90.0 and c["self_sufficiency"] == pytest.approx(0.1) and c["unit"] == "t"
    assert row(result, "R3", "food")["self_sufficiency"] == 5.0


def test_zero_consumption_is_null_never_infinite(result):
    r1 = row(result, "R1", "water")
    assert r1["net"] == 0.0 and math.isnan(r1["self_sufficiency"])
    assert not np.isinf(result.balance["self_sufficiency"].to_numpy(dtype=float)).any()


def test_inflow_import_dependency_local_sourcing_hhi(result):
    c = row(result, "C", "food")
    # Inflow 30 + 20 + 50 = 100 (R1's 5 to itself is not an inflow); dependency 100 / 100 = 1.
    assert c["inflow"] == 100.0 and c["import_dependency"] == 1.0
    # Within 50 km: R1 (10 km) and R2 (30 km), 50 of 100; R3 (80 km) is not local.
    assert c["local_sourcing"] == 0.5
    # HHI = 0.3^2 + 0.2^2 + 0.5^2 = 0.09 + 0.04 + 0.25 = 0.38; main supplier R3; 3 suppliers.
    assert c["hhi"] == pytest.approx(0.38) and c["main_supplier"] == "R3" and c["n_suppliers"] == 3
    # R1 receives no food from others: inflow 0, dependency 0, no local share, no HHI, no main supplier.
    r1 = row(result, "R1", "food")
    assert r1["inflow"] == 0.0 and r1["import_dependency"] == 0.0
    assert math.isnan(r1["local_sourcing"]) and math.isnan(r1["hhi"]) and r1["main_supplier"] is None


def test_a_resource_without_flows_has_null_flow_fields(result):
    water = result.balance[result.balance["resource"] == "water"]
    assert water[["inflow", "import_dependency", "local_sourcing", "hhi", "n_suppliers"]].isna().all().all()
    assert result.resources_without_flows == ["water"]


def test_local_sourcing_by_functional_area():
    areas = pd.Series({"C": "fua1", "R1": "fua1", "R2": "fua2", "R3": "fua1"})
    result = rb.resource_balance(VALUES, POINTS, FlowTable(FLOWS, IDS), areas=areas)
    # Same area as C: R1 (30) and R3 (50) -> 80 of 100.
    assert row(result, "C", "food")["local_sourcing"] == 0.8


def test_food_shed_of_the_city(result):
    # C is 90 short; nearest surpluses: R1 (10 km, +50), R2 (30 km, +40): 90 exactly -> radius 30 km.
    c = row(result, "C", "food")
    assert c["shed_radius_m"] == 30000.0 and c["shed_n"] == 2 and c["shed_covered"] is True
    food = result.sheds[result.sheds["resource"] == "food"]
    assert food[["territory", "member", "distance_m", "amount"]].values.tolist() == [
        ["C", "R1", 10000.0, 50.0], ["C", "R2", 30000.0, 40.0]]
    # Territories not in deficit have NULL shed fields.
    r3 = row(result, "R3", "food")
    assert math.isnan(r3["shed_radius_m"]) and math.isnan(r3["shed_n"]) and r3["shed_covered"] is None


def test_surplus_for_one_resource_deficit_for_another(result):
    # R2: food +40 (surplus), water -40 (deficit); the only water surplus is C's +100 at 30 km.
    assert row(result, "R2", "food")["net"] == 40.0 and row(result, "R2", "water")["net"] == -40.0
    water = row(result, "R2", "water")
    assert water["shed_radius_m"] == 30000.0 and water["shed_n"] == 1
    summary = result.territories.loc["R2"]
    assert summary["deficit_resources"] == "water" and summary["worst_resource"] == "water"
    assert summary["self_sufficiency_min"] == pytest.approx(0.2)  # water 10 / 50 < food 45 / 5
    assert summary["shed_radius_max_m"] == 30000.0


def test_summary_per_territory(result):
    t = result.territories
    # C: food 0.1, water 1.25 -> min 0.1 (food); import dependency max over food (1.0) and water (NULL).
    assert t.loc["C", "self_sufficiency_min"] == pytest.approx(0.1) and t.loc["C", "worst_resource"] == "food"
    assert t.loc["C", "import_dependency_max"] == 1.0 and t.loc["C", "local_sourcing_min"] == 0.5
    # R3 has no deficit: empty list, not NULL.
    assert t.loc["R3", "deficit_resources"] == "" and math.isnan(t.loc["R3", "shed_radius_max_m"])
    # R1: water consumption 0 is left out of the minimum: food 60 / 10 = 6.
    assert t.loc["R1", "self_sufficiency_min"] == 6.0 and t.loc["R1", "worst_resource"] == "food"


def test_a_territory_without_values_has_null_summary():
    values = VALUES[VALUES["territory"] != "R3"]
    result = rb.resource_balance(values, POINTS, territory_ids=IDS)
    assert result.territories.loc["R3"].isna().all()


def test_shared_rule_through_the_balance():
    # Water: C +100 is the only surplus; R2 -40. Shared or independent give the same here.
    result = rb.resource_balance(VALUES, POINTS, shed_rule="shared")
    assert row(result, "R2", "water")["shed_radius_m"] == 30000.0
    with pytest.raises(InvalidValueError, match="resource-shed rule 'nearest' is unknown"):
        rb.resource_balance(VALUES, POINTS, shed_rule="nearest")


def test_without_points_no_shed():
    result = rb.resource_balance(VALUES)
    assert result.sheds.empty and result.balance["shed_radius_m"].isna().all()
    assert row(result, "C", "food")["shed_covered"] is False  # in deficit, and nothing can be placed


# Values from fields, from a long table, and what is refused.

TERRITORIES = pd.DataFrame({"pf": [10.0, 60.0], "cf": [100.0, None], "pop": [1000, 50]}, index=["C", "R"])


def test_consumption_from_population_and_per_capita_rate():
    # Water has no consumption field: population x 0.05 m3 -> C 50, R 2.5.
    values = rv.values_from_fields(TERRITORIES.fillna(0.0), rv.parse_resource_fields("food: pf / cf, water: pf"),
                                   population=TERRITORIES["pop"], rates=rv.parse_rates("water=0.05"),
                                   units=rv.parse_assignments("food=t, water=m3"))
    assert values[values["resource"] == "water"]["consumption"].tolist() == [50.0, 2.5]
    assert values["unit"].tolist() == ["t", "m3", "t", "m3"]


def test_missing_value_refused_with_territory_and_resource_named():
    with pytest.raises(InvalidValueError, match=r"1 rows have a missing or non-numeric consumption: R \(food\)"):
        rv.values_from_fields(TERRITORIES, {"food": ("pf", "cf")})


def test_negative_values_refused():
    bad = VALUES.copy()
    bad.loc[5, "consumption"] = -3.0
    with pytest.raises(InvalidValueError, match=r"negative consumption: R1 \(water\)"):
        rv.validate_values(bad)


def test_repeated_rows_and_two_units_refused():
    with pytest.raises(InvalidValueError, match=r"same territory and resource twice: C \(food\)"):
        rv.validate_values(pd.concat([VALUES, VALUES.head(1)]))
    other = VALUES.copy()
    other.loc[1, "unit"] = "kg"
    with pytest.raises(InvalidValueError, match="'food' is given in several units"):
        rv.validate_values(other)


def test_no_consumption_and_no_rate_refused():
    with pytest.raises(InvalidValueError, match="'water' has no consumption"):
        rv.values_from_fields(TERRITORIES, {"water": ("pf", None)})
    with pytest.raises(InvalidValueError, match="no population field"):
        rv.values_from_fields(TERRITORIES, {"water": ("pf", None)}, rates={"water": 1.0})
    with pytest.raises(InvalidValueError, match=r"missing or negative population.*\(R\)"):
        rv.values_from_fields(TERRITORIES, {"water": ("pf", None)}, rates={"water": 1.0},
                              population=pd.Series([10, -1], index=["C", "R"]))


def test_unknown_field_and_bad_text_refused():
    with pytest.raises(FieldNotFoundError, match="'prod' of the resource 'food'"):
        rv.values_from_fields(TERRITORIES, {"food": ("prod", None)})
    with pytest.raises(InvalidValueError, match="resource=value"):
        rv.parse_assignments("food")
    with pytest.raises(InvalidValueError, match="per-capita rate of 'food' is '-1'"):
        rv.parse_rates("food=-1")
    with pytest.raises(InvalidValueError, match="no production field"):
        rv.parse_resource_fields("food: / cons")


def test_long_table_with_decimal_commas_text_codes_and_units_column():
    table = pd.DataFrame({"code": ["01004", "01005"], "res": "food", "prod": ["1,5", "2"],
                          "cons": ["3", "0,5"], "u": "t"}, index=[2, 3])
    values = rv.values_from_long(table, territory="code", resource="res", production="prod",
                                 consumption="cons", unit="u")
    assert values[["territory", "production", "consumption", "unit"]].values.tolist() == [
        ["01004", 1.5, 3.0, "t"], ["01005", 2.0, 0.5, "t"]]


def test_long_table_without_consumption_takes_population_times_rate():
    table = pd.DataFrame({"t": ["A", "B"], "r": "energy", "p": [5.0, 0.0]})
    values = rv.values_from_long(table, territory="t", resource="r", production="p",
                                 population=pd.Series({"A": 100.0, "B": 10.0}), rates={"energy": 2.0},
                                 units={"energy": "MWh"})
    assert values["consumption"].tolist() == [200.0, 20.0] and values["unit"].tolist() == ["MWh", "MWh"]


def test_long_table_rows_of_unknown_territories_are_counted():
    kept, left_out, codes = rv.match_values(VALUES, ["C", "R1", "R2"])
    assert len(kept) == 6 and left_out == 2 and codes == ["R3"]
    with pytest.raises(InvalidValueError, match="not territories"):
        rb.resource_balance(VALUES, territory_ids=["C", "R1", "R2"])
