"""core/report.py: what the reports say per territory, and the choices of the territorial report."""

import math

import pandas as pd

from alliance_territories.alliance_plugin.core import indicators
from alliance_territories.alliance_plugin.core import report


def _summary(rows):
    return pd.DataFrame(rows, columns=["territory", "recommendation", "status", "sentences", "rules"])


def test_overall_takes_the_most_urgent_measured_status():
    card = pd.DataFrame({
        "territory": ["A"] * 5, "recommendation": [2, 2, 1, 1, 7],
        "status": ["strong", "watch", "not measurable", "strong", "not measurable"],
        "sentence": ["s2", "w2", "n1", "s1", "n7"], "rule_text": ["r"] * 5, "source": ["src"] * 5})
    got = report.overall(card).set_index("recommendation")
    assert got["status"].to_dict() == {1: "strong", 2: "watch", 7: "not measurable"}
    assert got.loc[2, "sentences"] == "w2 s2"  # most urgent first, each sentence once
    assert got.loc[2, "rules"] == "r (src)"


def test_recommendations_without_a_rule_have_no_evidence_and_counts_cover_every_status():
    summary = _summary([("A", 1, "priority", "p", ""), ("A", 2, "watch", "w", ""), ("B", 1, "strong", "s", "")])
    rows = report.recommendation_statuses(summary, "A")
    assert [(n, s) for n, _, s, _ in rows] == [(1, "priority"), (2, "watch")] + [(n, "no evidence")
                                                                                 for n in range(3, 9)]
    assert rows[0][3] == "p" and rows[2][3] == ""
    assert rows[0][1] == "Strategic urban planning at local level"
    assert [s for _, _, s, _ in report.recommendation_statuses(summary, "Z")] == ["no evidence"] * 8
    counts = report.status_counts(s for _, _, s, _ in rows)
    assert counts == {"priority": 1, "watch": 1, "strong": 0, "not measurable": 0, "no evidence": 6}
    assert list(counts) == ["priority", "watch", "strong", "not measurable", "no evidence"]


def test_name_field_prefers_the_listed_names_and_never_the_code():
    assert report.name_field(["nuts2", "NAME", "nom"], "nuts2") == "NAME"  # "name" comes before "nom"
    assert report.name_field(["code", "libgeo", "lib_dep"], "code") == "libgeo"
    assert report.name_field(["code", "Libelle_commune"], "code") == "Libelle_commune"
    assert report.name_field(["name"], "name") is None
    assert report.name_field(["code", "fips"], "code") is None


def test_flow_fields_and_main_flows():
    assert report.find_field(["FROM", "To", "Migrants"], report.ORIGIN_NAMES) == "FROM"
    assert report.find_field(["FROM", "To", "Migrants"], report.VOLUME_NAMES) == "Migrants"
    assert report.find_field(["a", "b"], report.DESTINATION_NAMES) is None
    pairs = [("A", "B", 3.0), ("A", "C", 8.0), ("A", "D", 8.0), ("B", "A", 1.0), ("A", "A", 50.0), ("A", "X", 9.0)]
    kept = report.between(pairs, ["A", "B", "C", "D"])
    assert kept == [("A", "B", 3.0), ("A", "C", 8.0), ("A", "D", 8.0), ("B", "A", 1.0)]
    assert report.main_flows(kept, "A", 2) == [("out", ("A", "C", 8.0)), ("out", ("A", "D", 8.0)),
                                                ("in", ("B", "A", 1.0))]
    assert report.main_flows(kept, "A", 6, placed={"A", "B"}) == [("out", ("A", "B", 3.0)),
                                                                   ("in", ("B", "A", 1.0))]
    table = pd.DataFrame({"origin": ["A", "A", "B", "C"], "destination": ["B", "B", "A", "A"],
                          "value": [1.0, 2.0, 0.0, 4.0]})
    assert report.pair_volumes(table) == [("A", "B", 3.0), ("C", "A", 4.0)]  # summed, zero volumes left out


def test_indicator_for_a_recommendation():
    candidates = [("territories", ["nd_class"]), ("deps", ["main_share", "sc_supply"])]
    # R2 is read by the dependency (main_share) before self-containment, in the order of the rules
    assert report.indicator_for(2, candidates, lambda key, field: True) == ("deps", "main_share")
    assert report.indicator_for(2, candidates, lambda key, field: field == "sc_supply") == ("deps", "sc_supply")
    assert report.indicator_for(3, candidates, lambda key, field: False) == ("territories", "nd_class")
    assert report.indicator_for(4, candidates, lambda key, field: True) is None


def test_evidence_values_as_a_reader_sees_them():
    assert report.evidence_value("main_share", 0.625) == ("62.5 %", False)
    assert report.evidence_value("service_distance_m", 1250.0) == ("1,250 m", False)
    assert report.evidence_value("nd_class", "dominated") == ("dominated", True)
    assert report.evidence_value("unknown", 0.5) == ("0.5", False)
    assert report.evidence_value("unknown", "x") == ("x", False)
    assert [report.is_number(v) for v in (0, "1e3", math.inf, "NULL", None)] == [True, True, False, False, False]


def test_class_bounds_people_write():
    assert report.round_significant(0.1234) == 0.12 and report.round_significant(-987.0) == -990.0
    assert report.round_significant(0.0) == 0.0 and report.round_significant(math.nan) == 0.0
    # quantiles of 0..100 are 0, 20, 40, 60, 80, 100: already round
    assert [float(b) for b in report.rounded_bounds(list(range(101)))] == [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
    # quantiles of (1, 2, 3, 1000): 1, 1.6, 2.2, 2.8, 400.6, 1000 -> two significant digits
    assert [float(b) for b in report.rounded_bounds([1.0, 2.0, 3.0, 1000.0])] == [1.0, 1.6, 2.2, 2.8, 400.0,
                                                                                  1000.0]
    # rounding never leaves a value outside the classes: ends rounded inwards are stretched to the data
    assert [float(b) for b in report.rounded_bounds([0.126, 0.984])] == [0.126, 0.3, 0.47, 0.64, 0.81, 0.984]
    assert [float(b) for b in report.rounded_bounds([0.123, 0.987])][::5] == [0.12, 0.99]


def test_extents_are_grown_to_the_frame_never_cut():
    assert report.fit_aspect((10.0, 0.0, 20.0, 40.0), 118.0 / 84.0)[1::2] == (0.0, 40.0)  # height kept
    xmin, ymin, xmax, ymax = report.fit_aspect((0.0, 0.0, 100.0, 10.0), 2.0)
    assert (xmin, xmax) == (0.0, 100.0) and (ymin, ymax) == (-20.0, 30.0)  # 100 x 50 around the centre
    xmin, _, xmax, _ = report.fit_aspect((0.0, 0.0, 10.0, 40.0), 1.5)
    assert (xmin, xmax) == (-25.0, 35.0)


def test_algorithms_that_would_measure_a_recommendation():
    assert indicators.algorithms_for(4) == ["alliance:landtenureoverlay", "alliance:recommendationscorecard"]
    assert "alliance:transitaccess" in indicators.algorithms_for(7)
    assert indicators.algorithms_for(8) == ["alliance:recommendationscorecard"]
