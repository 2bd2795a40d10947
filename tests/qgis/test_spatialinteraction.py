"""alliance:spatialinteraction on the Austrian migration table, against spint's published fit."""

import pytest

# PySAL spint's own test (spint/tests/test_gravity.py), doubly-constrained, exponential decay on dist_km.
SPINT_DOUBLY = dict(beta=-0.00791533, pseudo_r2=0.943539912198, srmse=0.37925654532618808, ssi=0.811852110904)


def test_doubly_constrained_exponential_matches_spint(run_alg, data_dir, h, tmp_path):
    results, messages = run_alg("alliance:spatialinteraction", {
        "INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
        "FLOWS": str(data_dir / "austria" / "at_migration_od.csv"), "DISTANCE_FIELD": "dist_km",
        "FAMILY": 3, "DECAY": 1, "OUTPUT_LINES": str(tmp_path / "l.gpkg"),
        "OUTPUT_PARAMETERS": str(tmp_path / "p.gpkg")})
    assert results["BETA"] == pytest.approx(SPINT_DOUBLY["beta"], abs=1e-5)
    for key in ("pseudo_r2", "srmse", "ssi"):
        assert results[key.upper()] == pytest.approx(SPINT_DOUBLY[key], rel=1e-6)
    lines = h.features_by(results["OUTPUT_LINES"], "origin")
    assert lines  # one line per pair, with observed, expected, residual
    layer = __import__("qgis.core", fromlist=["QgsVectorLayer"]).QgsVectorLayer(results["OUTPUT_LINES"], "l", "ogr")
    rows = [(f["observed"], f["expected"], f["residual"]) for f in layer.getFeatures()]
    assert len(rows) == 72
    assert all(obs - exp == pytest.approx(res) for obs, exp, res in rows)
    # A doubly-constrained model keeps every origin's total.
    by_origin = {}
    for f in layer.getFeatures():
        by_origin.setdefault(f["origin"], [0.0, 0.0])
        by_origin[f["origin"]][0] += f["observed"]
        by_origin[f["origin"]][1] += f["expected"]
    for observed, expected in by_origin.values():
        assert expected == pytest.approx(observed, rel=1e-8)
    assert "beta" in results["SUMMARY"]


def test_distances_from_geographic_polygons_are_in_km(run_alg, data_dir):
    results, messages = run_alg("alliance:spatialinteraction", {
        "INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
        "FLOWS": str(data_dir / "austria" / "at_migration_od.csv"), "FAMILY": 0, "DECAY": 0,
        "OUTPUT_LINES": "memory:", "OUTPUT_PARAMETERS": "memory:"})
    assert any("WGS84 ellipsoid" in m for m in messages)
    distances = [f["distance"] for f in results["OUTPUT_LINES"].getFeatures()]
    assert 20 < min(distances) and max(distances) < 700  # Austria is about 570 km wide
    assert results["BETA"] < 0  # migration falls with distance
