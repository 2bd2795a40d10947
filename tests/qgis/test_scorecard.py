"""alliance:recommendationscorecard chained after flowdependencies, as a model or qgis_process user would."""

import pytest
from qgis.core import QgsProcessingException


def test_scorecard_from_flow_dependencies(run_alg, data_dir, h, tmp_path):
    deps, _ = run_alg("alliance:flowdependencies", {
        "INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
        "FLOWS": str(data_dir / "austria" / "at_migration_od.csv"), "OUTPUT": str(tmp_path / "deps.gpkg"),
        "OUTPUT_LINES": "memory:"})
    html = tmp_path / "scorecard.html"
    results, _ = run_alg("alliance:recommendationscorecard", {
        "INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
        "INDICATORS": [deps["OUTPUT"]], "OUTPUT": str(tmp_path / "card.gpkg"), "OUTPUT_TABLE": "memory:",
        "OUTPUT_HTML": str(html)})
    shares = {code: f["main_share"] for code, f in h.features_by(deps["OUTPUT"], "nuts2").items()}
    card = h.features_by(results["OUTPUT"], "nuts2")
    reason = ("the flow table has no internal flows (origin = destination), so self-containment and the job "
              "concentration index are undefined")
    for code, share in shares.items():
        expected = "priority" if share >= 0.5 else "watch" if share >= 0.15 else "strong"
        assert card[code]["r7_status"] == expected  # R7 reads the dependency only (no jobs index here)
        assert card[code]["r2_status"] == expected  # R2: the dependency, measured; self-containment is not
        # The migration table has no internal flows: self-containment is not measurable, never a priority.
        assert card[code]["r1_status"] == "not measurable"
        assert reason in card[code]["r1_text"] and "OECD (2020)" in card[code]["r1_text"]
        assert "Rule: Main partner's share of the outflow (main_share): priority at 50 % or more" in \
            card[code]["r7_text"]
        # R8: dependency (R2, R7) measured, + R8 itself = 3 of 8: watch, with what would complete it.
        assert card[code]["r8_status"] == "watch"
        assert card[code]["r8_text"].startswith("3 of the 8 recommendations have measured evidence")
        assert "R2 (flowdependencies [" in card[code]["r8_text"] and "R4: Land tenure overlay" in card[code]["r8_text"]
    assert "70% of the outflow goes to AT13" in card["AT12"]["r7_text"]
    page = html.read_text(encoding="utf-8")
    assert page.count("<h2>") == 9 and "Interdependencies and complementarities" in page
    assert "not measurable" in page and reason in page and "Rule: " in page and "R8" in page
    assert "methods.md" not in page and "scorecard.py" not in page
    assert "priority" in results["SUMMARY"] and "9 not measurable" in results["SUMMARY"]
    table = h.features_by(results["OUTPUT_TABLE"], "territory")
    assert all(f["rule_text"] and f["source"] for f in table.values())


def test_scorecard_on_canada_says_not_measurable(run_alg, data_dir, h):
    deps, _ = run_alg("alliance:flowdependencies", {
        "INPUT": str(data_dir / "canada" / "ca_provinces.gpkg"), "ID_FIELD": "code",
        "FLOWS": str(data_dir / "canada" / "ca_migration_od.csv"), "OUTPUT": "memory:", "OUTPUT_LINES": "memory:"})
    results, messages = run_alg("alliance:recommendationscorecard", {
        "INPUT": deps["OUTPUT"], "ID_FIELD": "code", "OUTPUT": "memory:", "OUTPUT_TABLE": "memory:"})
    card = h.features_by(results["OUTPUT"], "code")
    assert len(card) == 10
    assert {f["r1_status"] for f in card.values()} == {"not measurable"}
    assert all("no internal flows" in f["r1_text"] for f in card.values())
    assert all(f["r8_status"] in ("watch", "strong", "priority") for f in card.values())
    assert any("self_containment: not measurable for 10 territories" in m for m in messages)


def test_scorecard_without_indicators_says_what_to_give(run_alg, data_dir):
    with pytest.raises(QgsProcessingException, match="None of our indicator fields"):
        run_alg("alliance:recommendationscorecard", {
            "INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
            "OUTPUT": "memory:", "OUTPUT_TABLE": "memory:"})
