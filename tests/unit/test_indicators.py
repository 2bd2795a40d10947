"""core/indicators.py: readable names and units of every indicator field our algorithms write."""

from alliance_territories.alliance_plugin.core import indicators as ind
from alliance_territories.alliance_plugin.core import scorecard as sc

KINDS = {"share", "ratio", "count", "class", "distance", "area", "volume", "index", "flag", "code", "status", "text"}


def test_every_rule_field_and_helper_is_described():
    for rule in sc.RULES:
        spec = ind.INDICATORS[rule["field"]]
        assert spec["algorithm"] == rule["algorithm"], rule["field"]
        assert set(rule["recommendations"]) & set(spec["recommendations"]), rule["field"]
    for n in range(1, 9):
        assert ind.INDICATORS[f"r{n}_status"]["kind"] == "status"


def test_entries_are_complete():
    for field, spec in ind.INDICATORS.items():
        assert spec["label"] and spec["label"] != field and spec["kind"] in KINDS, field
        assert set(spec["recommendations"]) <= set(range(1, 9)), field
        if spec["kind"] == "share" and spec["unit"] == "%":
            assert spec["scale"] in (1.0, 100.0), field


def test_class_fields_and_prefixed_fields():
    assert {"role", "nd_class", "fua_role", "aav_role", "region", "growth_class", "tenure_class", "degurba",
            "cell_class", "access", "flag_hazard", "r1_status"} <= ind.CLASS_FIELDS
    assert "main_share" not in ind.CLASS_FIELDS
    assert ind.label("commuting_main_share") == "Main partner's share of the outflow"
    assert ind.describe("t_2024_food_jci")["unit"] == "jobs per 100 workers"
    assert ind.label("unknown_field") == "unknown_field"


def test_values_as_people_read_them():
    # Written by hand: shares are stored 0-1 and read in %, distances in m with thousands separators.
    assert ind.display_value("main_share", 0.62) == "62 %"
    assert ind.display_value("sc_supply", 0.6667) == "66.7 %"
    assert ind.display_value("service_distance_m", 1250.0) == "1,250 m"
    assert ind.display_value("jci", 80) == "80 jobs per 100 workers"
    assert ind.display_value("lcrpgr", 1.234) == "1.23"
    assert ind.display_value("role", "pole") == "pole"
    assert ind.display_value("main_share", None) == ""
