"""The recommendations scorecard: declarative rules read our indicator fields."""

import math

import pandas as pd

from alliance_territories.alliance_plugin.core import scorecard as sc


def test_rules_table_is_complete():
    for rule in sc.RULES:
        assert set(rule["recommendations"]) <= set(sc.RECOMMENDATIONS)
        assert rule["source"] and rule["text"]
        statuses = {s for _, s in rule.get("bands", ())} | set(rule.get("categories", {}).values())
        assert statuses <= set(sc.STATUSES) and statuses <= set(rule["text"])


def test_dependency_bands_and_sentences():
    table = pd.DataFrame({"main_share": [0.62, 0.2, 0.05, math.nan],
                          "main_partner": ["Wien", "Linz", "Graz", None]}, index=["A", "B", "C", "D"])
    card = sc.scorecard(table)
    statuses = card[card.recommendation == 2].set_index("territory")["status"].to_dict()
    # D has no value: the data cannot measure it, so it is "not measurable" (never a priority)
    assert statuses == {"A": "priority", "B": "watch", "C": "strong", "D": "not measurable"}
    assert "62% of the outflow goes to Wien" in card.loc[card.territory == "A", "sentence"].iloc[0]
    custom = sc.scorecard(table, thresholds={"dependency": ((0.7, "priority"), (0.1, "watch"), (0.0, "strong"))})
    assert custom[custom.recommendation == 2].set_index("territory")["status"].to_dict() == \
        {"A": "watch", "B": "watch", "C": "strong", "D": "not measurable"}


def test_categories_and_overall_status():
    table = pd.DataFrame({"fua_role": ["commuting zone", "city core"], "fua_id": ["X", "X"],
                          "sc_supply": [0.3, 0.8]}, index=["A", "B"])
    card = sc.scorecard(table)
    summary = sc.overall(card).set_index(["territory", "recommendation"])["status"]
    assert summary[("A", 1)] == "priority"  # self-containment 30 % outranks the FUA role
    assert summary[("B", 1)] == "strong"
    assert "commuting zone of X" in " ".join(card["sentence"])


def test_missing_fields_are_skipped():
    assert sc.scorecard(pd.DataFrame({"other": [1]}, index=["A"])).empty


def test_growth_and_tenure_rules():
    table = pd.DataFrame({"lcrpgr": [2.5, 0.7, -1.0], "share_outlying": [0.6, 0.3, 0.1],
                          "proxy_area_documented": [0.3, 0.6, 0.9], "proxy_growth_insecure": [0.7, 0.3, 0.0]},
                         index=["A", "B", "C"])
    card = sc.scorecard(table)
    status = card.groupby(["territory", "rule"])["status"].first()  # one row per recommendation: same status
    assert [status[(t, "land_consumption")] for t in "ABC"] == ["priority", "watch", "strong"]
    assert [status[(t, "outlying_growth")] for t in "ABC"] == ["priority", "watch", "strong"]
    assert [status[(t, "documented_tenure")] for t in "ABC"] == ["priority", "watch", "strong"]
    assert [status[(t, "insecure_growth_front")] for t in "ABC"] == ["priority", "watch", "strong"]
    assert "2.5 times as fast" in card[(card.territory == "A") & (card.rule == "land_consumption")]["sentence"].iloc[0]
    assert set(card[card.rule == "documented_tenure"]["recommendation"]) == {4}
