"""alliance:functionalareas on real layers: hand-made communes and the INSEE CSV shape."""

import pytest
from qgis.core import QgsProcessingException

ALG = "alliance:functionalareas"


def communes(h):
    # 1 km squares: A B . C on the first row, D E above A and B; F far away.
    rows = [(h.square(0, 0), ["A", 100000, 1]), (h.square(1000, 0), ["B", 3000, 0]),
            (h.square(3000, 0), ["C", 2000, 0]), (h.square(0, 1000), ["D", 1000, 0]),
            (h.square(1000, 1000), ["E", 800, 0]), (h.square(5000, 5000), ["F", 700, 0])]
    return h.memory_layer("Polygon?crs=EPSG:2154&field=code:string&field=pop:integer&field=ville:integer",
                          rows, "communes")


def flows_csv(tmp_path):
    path = tmp_path / "mobpro.csv"
    path.write_text("CODGEO;DCLT;NBFLUX_C20_ACTOCC15P\n"
                    "A;A;5000\nB;B;60\nB;A;40\nC;C;90\nC;A;10\nD;D;70\nD;A;30\n"
                    "E;E;95\nE;A;5\nF;F;50\nF;A;50\n", encoding="utf-8")
    return str(path)


def test_eu_oecd_with_contiguity(run_alg, h, tmp_path):
    results, messages = run_alg(ALG, {
        "INPUT": communes(h), "ID_FIELD": "code", "POPULATION_FIELD": "pop", "FLOWS": flows_csv(tmp_path),
        "CITY_FIELD": "ville", "OUTPUT": "memory:", "OUTPUT_AREAS": "memory:"})
    units = h.features_by(results["OUTPUT"], "code")
    roles = {code: units[code]["fua_role"] for code in units}
    # B (40 %) and D (30 %) commute to A; C (10 %) does not; F (50 %) is an exclave, far away;
    # E (5 %) touches only A, B and D, all in the FUA: an enclave, added.
    assert roles == {"A": "city core", "B": "commuting zone", "C": "outside", "D": "commuting zone",
                     "E": "commuting zone", "F": "outside"}
    assert units["B"]["share_to_core"] == pytest.approx(0.4) and units["B"]["fua_id"] == "A"
    assert "commuting=0.15" in units["A"]["params"]
    area = h.features_by(results["OUTPUT_AREAS"], "area_id")["A"]
    assert area["units"] == 4 and area["population"] == 104800
    assert area["_geometry"].area() == pytest.approx(4e6)
    assert results["N_AREAS"] == 1 and results["UNITS_IN_AREAS"] == 4


def test_without_contiguity_and_insee_method(run_alg, h, tmp_path):
    base = {"INPUT": communes(h), "ID_FIELD": "code", "POPULATION_FIELD": "pop", "FLOWS": flows_csv(tmp_path),
            "CITY_FIELD": "ville", "USE_CONTIGUITY": False, "OUTPUT": "memory:", "OUTPUT_AREAS": "memory:"}
    results, _ = run_alg(ALG, base)
    units = h.features_by(results["OUTPUT"], "code")
    assert units["F"]["fua_role"] == "commuting zone" and units["E"]["fua_role"] == "outside"
    results, _ = run_alg(ALG, {**base, "METHOD": 1, "CITY_FIELD": None, "MIN_JOBS": 1000})
    units = h.features_by(results["OUTPUT"], "code")
    assert units["A"]["aav_role"] == "pole" and units["B"]["aav_role"] == "crown"
    assert units["C"]["aav_role"] == "outside" and units["A"]["aav_id"] == "A"


def test_no_city_is_an_empty_result_with_an_explanation(run_alg, h, tmp_path):
    results, messages = run_alg(ALG, {
        "INPUT": communes(h), "ID_FIELD": "code", "POPULATION_FIELD": "pop", "FLOWS": flows_csv(tmp_path),
        "METHOD": 1, "MIN_JOBS": 1e9, "OUTPUT": "memory:", "OUTPUT_AREAS": "memory:"})
    assert results["N_AREAS"] == 0 and any("No functional area" in m for m in messages)
    assert results["OUTPUT_AREAS"].featureCount() == 0


def test_no_city_rule_is_a_clear_error(run_alg, h, tmp_path):
    with pytest.raises(QgsProcessingException, match="which units are cities"):
        run_alg(ALG, {"INPUT": communes(h), "ID_FIELD": "code", "POPULATION_FIELD": "pop",
                      "FLOWS": flows_csv(tmp_path), "OUTPUT": "memory:", "OUTPUT_AREAS": "memory:"})


def test_loaded_territories_are_styled_by_role(plugin, h, tmp_path):
    from qgis import processing
    from qgis.core import QgsCategorizedSymbolRenderer, QgsProject

    QgsProject.instance().clear()
    processing.runAndLoadResults(ALG, {
        "INPUT": communes(h), "ID_FIELD": "code", "POPULATION_FIELD": "pop", "FLOWS": flows_csv(tmp_path),
        "CITY_FIELD": "ville", "OUTPUT": str(tmp_path / "units.gpkg"), "OUTPUT_AREAS": str(tmp_path / "areas.gpkg")})
    renderers = [layer.renderer() for layer in QgsProject.instance().mapLayers().values()]
    roles = [r for r in renderers if isinstance(r, QgsCategorizedSymbolRenderer)]
    # the territories by role; the dissolved areas by area (outlines)
    assert sorted(r.classAttribute() for r in roles) == ["area_id", "fua_role"]
    by_role = next(r for r in roles if r.classAttribute() == "fua_role")
    assert {c.value() for c in by_role.categories()} >= {"city core", "commuting zone", "outside"}
    QgsProject.instance().clear()
