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
    # Every region is an origin of lines (AT11 ... AT34, read from the table with the csv module).
    import csv

    with open(data_dir / "austria" / "at_migration_od.csv", encoding="utf-8") as handle:
        table = {(r["origin"], r["destination"]): float(r["flow"]) for r in csv.DictReader(handle)}
    assert sorted(lines) == sorted({o for o, _ in table})
    layer = __import__("qgis.core", fromlist=["QgsVectorLayer"]).QgsVectorLayer(results["OUTPUT_LINES"], "l", "ogr")
    rows = [(f["observed"], f["expected"], f["residual"]) for f in layer.getFeatures()]
    assert len(rows) == 72
    assert all(obs - exp == pytest.approx(res) for obs, exp, res in rows)
    assert {(f["origin"], f["destination"]): f["observed"] for f in layer.getFeatures()} == table
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


def two_types(data_dir, path, distance_of_b=None):
    """Austria's flows split into two flow types per pair: ``a`` = floor(flow / 3), ``b`` = the rest
    (both with the pair's distance, unless ``distance_of_b`` changes b's); their sum is the table."""
    import csv

    with open(data_dir / "austria" / "at_migration_od.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["origin", "destination", "kind", "flow", "dist_km"])
        for row in rows:
            flow, a = int(row["flow"]), int(row["flow"]) // 3
            writer.writerow([row["origin"], row["destination"], "a", a, row["dist_km"]])
            b_distance = distance_of_b(row) if distance_of_b else row["dist_km"]
            writer.writerow([row["origin"], row["destination"], "b", flow - a, b_distance])
    return rows


def test_several_flow_types_are_summed_per_pair(run_alg, data_dir, h, tmp_path):
    """Two flow types sharing every pair are summed per pair, as the log says: the fit is spint's on the summed
    (original) table, and each line observes the sum."""
    rows = two_types(data_dir, tmp_path / "two.csv")
    results, messages = run_alg("alliance:spatialinteraction", {
        "INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
        "FLOWS": str(tmp_path / "two.csv"), "FLOW_TYPE_FIELD": "kind", "DISTANCE_FIELD": "dist_km",
        "FAMILY": 3, "DECAY": 1, "OUTPUT_LINES": str(tmp_path / "l.gpkg"),
        "OUTPUT_PARAMETERS": str(tmp_path / "p.gpkg")})
    assert any(m == "Flow types a, b are summed." for m in messages)
    assert results["BETA"] == pytest.approx(SPINT_DOUBLY["beta"], abs=1e-5)
    for key in ("pseudo_r2", "srmse", "ssi"):
        assert results[key.upper()] == pytest.approx(SPINT_DOUBLY[key], rel=1e-6)
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(results["OUTPUT_LINES"], "l", "ogr")
    observed = {(f["origin"], f["destination"]): f["observed"] for f in layer.getFeatures()}
    assert observed == {(r["origin"], r["destination"]): float(r["flow"]) for r in rows}


def test_flow_types_with_two_distances_for_a_pair_are_refused(run_alg, data_dir, tmp_path):
    from qgis.core import QgsProcessingException

    # b's distance differs from a's on AT11->AT12 only.
    two_types(data_dir, tmp_path / "two.csv",
              lambda row: "99" if (row["origin"], row["destination"]) == ("AT11", "AT12") else row["dist_km"])
    with pytest.raises(QgsProcessingException, match=r"1 pairs have different distances .*\(AT11->AT12: "
                                                     r"103\.002 / 99\).*keep one flow type"):
        run_alg("alliance:spatialinteraction", {
            "INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
            "FLOWS": str(tmp_path / "two.csv"), "FLOW_TYPE_FIELD": "kind", "DISTANCE_FIELD": "dist_km",
            "FAMILY": 3, "DECAY": 1, "OUTPUT_LINES": "memory:", "OUTPUT_PARAMETERS": "memory:"})
