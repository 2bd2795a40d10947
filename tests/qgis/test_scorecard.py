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
    for code, share in shares.items():
        expected = "priority" if share >= 0.5 else "watch" if share >= 0.15 else "strong"
        assert card[code]["r7_status"] == expected  # R7 reads the dependency only (no jobs index here)
        # Self-containment is 0 for migration between regions: a priority for R1 and R2 everywhere.
        assert card[code]["r1_status"] == "priority" and card[code]["r2_status"] == "priority"
    assert "70% of the outflow goes to AT13" in card["AT12"]["r7_text"]
    page = html.read_text(encoding="utf-8")
    assert page.count("<h2>") == 9 and "Interdependencies and complementarities" in page
    assert "priority" in results["SUMMARY"]


def test_scorecard_without_indicators_says_what_to_give(run_alg, data_dir):
    with pytest.raises(QgsProcessingException, match="None of our indicator fields"):
        run_alg("alliance:recommendationscorecard", {
            "INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
            "OUTPUT": "memory:", "OUTPUT_TABLE": "memory:"})
