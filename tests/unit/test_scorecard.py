"""The recommendations scorecard: declarative rules read our indicator fields."""

import math

import pandas as pd

from alliance_territories.alliance_plugin.core import report
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
    summary = report.overall(card).set_index(["territory", "recommendation"])["status"]
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


# Values on and beside every band bound; the expected statuses are read from the rules' published
# bounds by hand (a value at a bound takes that bound's status).
BOUNDS = [
    ("main_share", [(0.5, "priority"), (0.4999, "watch"), (0.15, "watch"), (0.1499, "strong"), (0.0, "strong")]),
    ("sc_supply", [(0.75, "strong"), (0.7499, "watch"), (0.6667, "watch"), (0.6666, "priority"), (0.0, "priority")]),
    ("jci", [(80.0, "strong"), (79.9, "watch"), (50.0, "watch"), (49.9, "priority"), (0.0, "priority")]),
    ("coupled", [(1, "watch"), (0, "strong")]),
    ("lcrpgr", [(1.0, "priority"), (0.99, "watch"), (0.5, "watch"), (0.49, "strong"), (-2.0, "strong")]),
    ("share_outlying", [(0.5, "priority"), (0.49, "watch"), (0.25, "watch"), (0.24, "strong")]),
    ("proxy_area_documented", [(0.8, "strong"), (0.79, "watch"), (0.5, "watch"), (0.49, "priority")]),
    ("proxy_growth_insecure", [(0.5, "priority"), (0.49, "watch"), (0.2, "watch"), (0.19, "strong")]),
    ("transit_share", [(0.8, "strong"), (0.79, "watch"), (0.5, "watch"), (0.49, "priority")]),
    ("service_distance_m", [(1000.0, "priority"), (999.0, "watch"), (500.0, "watch"), (499.0, "strong")]),
    ("intermediary", [(1, "strong"), (0, "watch")]),
]


def test_every_band_bound():
    for field, cases in BOUNDS:
        table = pd.DataFrame({field: [v for v, _ in cases]}, index=[f"T{i}" for i in range(len(cases))])
        card = sc.scorecard(table).drop_duplicates("territory").set_index("territory")["status"]
        assert card.tolist() == [s for _, s in cases], field


def test_categories_give_their_status():
    table = pd.DataFrame({"nd_class": ["dominant", "intermediate", "dominated", "independent", "isolated"]},
                         index=list("ABCDE"))
    card = sc.scorecard(table).set_index("territory")["status"]
    assert card.tolist() == ["strong", "watch", "watch", "strong", "priority"]


def test_rule_text_names_the_thresholds_and_every_row_has_a_source():
    table = pd.DataFrame({"main_share": [0.62], "sc_supply": [0.7], "service_distance_m": [800.0],
                          "fua_role": ["commuting zone"]}, index=["A"])
    card = sc.scorecard(table).drop_duplicates("rule").set_index("rule")
    assert card.loc["dependency", "rule_text"] == (
        "Main partner's share of the outflow (main_share): priority at 50 % or more; "
        "watch from 15 % to under 50 %; strong under 15 %")
    assert "strong at 75 % or more; watch from 66.7 % to under 75 %; priority under 66.7 %" in \
        card.loc["self_containment", "rule_text"]
    assert "priority at 1,000 m or more; watch from 500 m to under 1,000 m; strong under 500 m" in \
        card.loc["service_distance", "rule_text"]
    assert "watch for commuting zone" in card.loc["fua_role", "rule_text"]
    custom = sc.scorecard(table, thresholds={"dependency": ((0.7, "priority"), (0.1, "watch"), (0.0, "strong"))})
    assert "priority at 70 % or more; watch from 10 % to under 70 %" in custom["rule_text"].iloc[0]
    for rule in (*sc.RULES, sc.EVIDENCE_RULE):  # sources cite publications or say "our rule" in words
        assert "methods.md" not in rule["source"] and ".py" not in rule["source"]
        assert sc.rule_text(rule)


def test_no_internal_flows_is_not_measurable_never_a_priority():
    # What alliance:flowdependencies writes for a flow table without origin = destination rows.
    table = pd.DataFrame({"internal": [math.nan, math.nan], "sc_supply": [math.nan, math.nan],
                          "jci": [math.nan, math.nan], "main_share": [0.7, 0.1],
                          "main_partner": ["B", "A"]}, index=["A", "B"])
    card = sc.scorecard(table)
    unmeasured = card[card["rule"].isin(["self_containment", "jobs"])]
    assert len(unmeasured) == 8 and set(unmeasured["status"]) == {"not measurable"}
    assert set(unmeasured["reason"]) == {
        "the flow table has no internal flows (origin = destination), so self-containment and the job "
        "concentration index are undefined"}
    assert "not measurable: the flow table has no internal flows" in unmeasured["sentence"].iloc[0]
    assert (card.loc[card["status"] != "not measurable", "reason"] == "").all()
    summary = report.overall(card).set_index(["territory", "recommendation"])["status"]
    assert summary[("A", 1)] == "not measurable"  # R1 reads self-containment only here
    assert summary[("A", 2)] == "priority" and summary[("B", 2)] == "strong"  # from the dependency, measured
    assert summary[("B", 7)] == "strong"
    # A NULL share of a territory with internal flows measured elsewhere: no flow leaves it.
    other = sc.scorecard(pd.DataFrame({"internal": [10.0], "sc_supply": [math.nan]}, index=["C"]))
    assert other["reason"].iloc[0] == "no flow starts in this territory, so the share is undefined"


def test_r8_counts_the_recommendations_with_measured_evidence():
    # A: dependency (R2, R7), FUA role (R1, R2), hierarchy (R3), tenure (R4), growth (R5, R1) -> R1-R5, R7
    #    = 6 measured + R8 itself = 7: strong.
    # B: dependency only (R2, R7) + R8 = 3: watch.  C: only NULLs -> 0: priority.
    table = pd.DataFrame({
        "main_share": [0.3, 0.2, math.nan], "fua_role": ["city core", None, None],
        "nd_class": ["dominant", None, None], "proxy_area_documented": [0.9, math.nan, math.nan],
        "share_outlying": [0.1, math.nan, math.nan]}, index=["A", "B", "C"])
    card = sc.scorecard(table)
    r8 = sc.evidence(card, ["A", "B", "C", "D"], sources={"flowdependencies": "[deps, 2026-12-03]"})
    got = r8.set_index("territory")
    assert got["value"].tolist() == [7, 3, 0, 0]
    assert got["status"].tolist() == ["strong", "watch", "priority", "priority"]
    assert set(got["recommendation"]) == {8}
    assert "R2 (flowdependencies [deps, 2026-12-03], functionalareas)" in got.loc["A", "sentence"]
    assert "R6: Flow dependencies with several flow types" in got.loc["B", "sentence"]
    assert "R4: Land tenure overlay" in got.loc["C", "sentence"]
    assert "our rule" in got.loc["A", "source"].lower()


def test_r8_bounds():
    # 6 of 8 strong, 5 watch, 3 watch, 2 priority: R8 counts itself, so n-1 other recommendations.
    fields = {1: ("fua_role", "city core"), 2: ("main_share", 0.1), 3: ("nd_class", "dominant"),
              4: ("proxy_area_documented", 0.9), 5: ("share_outlying", 0.1), 6: ("coupled", 0),
              7: ("transit_share", 0.9)}
    cases = {"n6": ([4, 3, 1, 6], "strong"),  # R4, R3, R1+R2 (FUA), R6+R2 (coupling) -> R1-R4, R6 = 5 + 1
             "n5": ([4, 3, 1], "watch"),  # R4, R3, R1, R2 = 4 + 1
             "n3": ([3, 4], "watch"),  # R3, R4 = 2 + 1
             "n2": ([4], "priority")}  # R4 = 1 + 1
    rows = {}
    for name, (numbers, _) in cases.items():
        rows[name] = {fields[n][0]: fields[n][1] for n in numbers}
    table = pd.DataFrame.from_dict(rows, orient="index")
    r8 = sc.evidence(sc.scorecard(table), list(cases)).set_index("territory")
    assert r8["value"].to_dict() == {"n6": 6, "n5": 5, "n3": 3, "n2": 2}
    assert r8["status"].to_dict() == {name: status for name, (_, status) in cases.items()}


def test_rule_text_writes_numbers_as_the_language_does():
    french = {"1,234.5": "1\u00a0234,5", "{status} at {bound} or more": "{status} à partir de {bound}",
              "{status} from {lower} to under {upper}": "{status} de {lower} à moins de {upper}",
              "{status} under {upper}": "{status} sous {upper}", "priority": "prioritaire",
              "watch": "à surveiller", "strong": "solide", "{indicator} ({field}): {bands}": "{indicator} ({field}) : {bands}", "; ": " ; "}
    rule = next(r for r in sc.RULES if r["id"] == "service_distance")
    text = sc.rule_text(rule, translate=lambda t: french.get(t, t))
    assert text.endswith("prioritaire à partir de 1\u00a0000 m ; à surveiller de 500 m à moins de 1\u00a0000 m ; "
                         "solide sous 500 m")
    rule = next(r for r in sc.RULES if r["id"] == "self_containment")
    assert "de 66,7 % à moins de 75 %" in sc.rule_text(rule, translate=lambda t: french.get(t, t))


def test_a_sentence_never_shows_a_placeholder():
    """Dominant-flow class without its parent (the city network's output): the sentence says it in words."""
    table = pd.DataFrame({"nd_class": ["intermediate"]}, index=["T"])
    card = sc.scorecard(table)
    sentence = card["sentence"].iloc[0]
    assert "?" not in sentence and "a territory the layers do not name" in sentence
