"""alliance:flowdependencies on real layers, run by id through the Processing registry."""

import csv
from collections import defaultdict

import pytest
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProject, QgsVectorLayer

ALG = "alliance:flowdependencies"


def austria_expected(path):
    """Outflow, main partner and share per region, computed independently with the csv module."""
    out, best = defaultdict(float), {}
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            value, origin, destination = float(row["flow"]), row["origin"], row["destination"]
            out[origin] += value
            # Largest flow to another region; ties to the smallest code.
            if origin != destination and (-value, destination) < best.get(origin, (0.0, "~")):
                best[origin] = (-value, destination)
    return {code: (out[code], best[code][1], -best[code][0] / out[code]) for code in out}


def test_austria_against_an_independent_computation(run_alg, data_dir, h, tmp_path):
    flows = str(data_dir / "austria" / "at_migration_od.csv")
    results, messages = run_alg(ALG, {
        "INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
        "FLOWS": flows, "OUTPUT": str(tmp_path / "t.gpkg"), "OUTPUT_LINES": str(tmp_path / "l.gpkg"),
        "LINE_MIN_SHARE": 0})  # every line (the default keeps the readable ones)
    assert results["PAIRS_USED"] == 72 and results["UNMATCHED_ROWS"] == 0
    assert results["LINES_WRITTEN"] == 72 and results["FLOW_TYPES_USED"] == "flow"
    expected = austria_expected(flows)
    assert results["TOTAL_VOLUME"] == pytest.approx(sum(v[0] for v in expected.values()))
    territories = h.features_by(results["OUTPUT"], "nuts2")
    assert len(territories) == 9
    for code, (outflow, partner, share) in expected.items():
        got = territories[code]
        assert got["outflow"] == pytest.approx(outflow)
        assert got["main_partner"] == partner
        assert got["main_share"] == pytest.approx(share)
        assert got["name"]  # the input's own fields are kept
        # The table has no origin = destination row: what stays inside is unknown, written NULL (not 0).
        assert got["internal"] is None and got["sc_supply"] is None and got["sc_demand"] is None
    assert "jci" not in territories["AT13"]  # migration is not commuting: no job concentration index
    warning = [m for m in messages if "no internal flows" in m]
    assert len(warning) == 1 and "written as NULL, not 0" in warning[0] and "flow" in warning[0]
    lines = h.features_by(results["OUTPUT_LINES"], "rank")
    layer = QgsVectorLayer(results["OUTPUT_LINES"], "l", "ogr")
    for feature in layer.getFeatures():
        origin = territories[feature["origin"]]["_geometry"]
        destination = territories[feature["destination"]]["_geometry"]
        start, end = feature.geometry().asPolyline()[0], feature.geometry().asPolyline()[-1]
        assert origin.contains(QgsGeometryPoint(start)) and destination.contains(QgsGeometryPoint(end))
    assert min(lines) == 1


def QgsGeometryPoint(point):  # noqa: N802
    from qgis.core import QgsGeometry, QgsPointXY

    return QgsGeometry.fromPointXY(QgsPointXY(point))


def insee_territories(h):
    rows = [(h.square(0, 0), ["01004", "Ambérieu-en-Bugey"]),
            (h.square(1000, 0), ["69123", "Lyon"]),
            (h.square(2000, 0), ["2A004", "Ajaccio"]),
            (h.square(3000, 0), ["38185", "Saint-Martin-d'Hères"])]
    return h.memory_layer("Polygon?crs=EPSG:2154&field=code:string&field=nom:string", rows, "communes")


def test_insee_csv_cp1252_semicolons_and_text_codes(run_alg, h, tmp_path):
    path = tmp_path / "base-flux-mobilite-domicile-lieu-travail-2020.csv"
    path.write_bytes(("CODGEO;LIBGEO;DCLT;L_DCLT;NBFLUX_C20_ACTOCC15P\n"
                      "01004;Ambérieu-en-Bugey;01004;Ambérieu-en-Bugey;600\n"
                      "01004;Ambérieu-en-Bugey;69123;Lyon;300,5\n"
                      "69123;Lyon;69123;Lyon;5000\n"
                      "38185;Saint-Martin-d'Hères;69123;Lyon;99,5\n"
                      "38185;Saint-Martin-d'Hères;38185;Saint-Martin-d'Hères;400\n"
                      "38185;Saint-Martin-d'Hères;75056;Paris;12\n").encode("cp1252"))
    results, messages = run_alg(ALG, {"INPUT": insee_territories(h), "ID_FIELD": "code",
                                      "FLOWS": str(path), "OUTPUT": "memory:", "OUTPUT_LINES": "memory:"})
    # Paris is not among the territories: counted, named, left out, never silently dropped.
    assert results["UNMATCHED_ROWS"] == 1 and results["UNMATCHED_VOLUME"] == 12
    assert any("75056" in m for m in messages)
    assert results["FLOW_TYPES_USED"] == "commuting"  # INSEE names recognised
    out = h.features_by(results["OUTPUT"], "code")
    assert out["01004"]["main_partner"] == "69123"
    assert out["01004"]["main_share"] == pytest.approx(300.5 / 900.5)
    assert out["69123"]["jci"] == pytest.approx(100 * (5000 + 300.5 + 99.5) / 5000)
    assert out["69123"]["role"] == "pole" and out["69123"]["n_dependents"] == 2
    assert out["2A004"]["role"] == "isolated" and out["2A004"]["main_share"] is None
    assert out["38185"]["nom"] == "Saint-Martin-d'Hères"


def test_flow_table_layer_with_types_and_coupling(run_alg, h):
    table = h.memory_layer("None?field=o:string&field=d:string&field=n:double&field=kind:string", [
        (None, ["A", "B", 30.0, "commuting"]), (None, ["A", "A", 70.0, "commuting"]),
        (None, ["A", "B", 5.0, "food"]), (None, ["B", "A", 1.0, "food"]),
        (None, ["A", "B", 2.0, "food"])], "flows")
    territories = h.memory_layer("Polygon?crs=EPSG:3035&field=id:string",
                                 [(h.square(0, 0), ["A"]), (h.square(5000, 0), ["B"])])
    results, messages = run_alg(ALG, {
        "INPUT": territories, "ID_FIELD": "id", "FLOWS": table, "ORIGIN_FIELD": "o",
        "DESTINATION_FIELD": "d", "VOLUME_FIELD": "n", "FLOW_TYPE_FIELD": "kind",
        "OUTPUT": "memory:", "OUTPUT_LINES": "memory:"})
    assert any("summed" in m for m in messages)  # A->B food appears twice
    out = h.features_by(results["OUTPUT"], "id")
    assert out["A"]["outflow"] == 107 and out["A"]["food_outflow"] == 7
    assert out["A"]["commuting_main_share"] == pytest.approx(0.3)
    assert out["A"]["coupled"] == 1 and out["A"]["coupled_partner"] == "B"
    assert results["LINES_WRITTEN"] == 3  # A->B commuting, A->B food, B->A food
    # By hand, per flow type: commuting A->B 30 of A's 100 (0.3); food A->B 5 + 2 = 7 of A's 7 (1.0),
    # B->A 1 of B's 1 (1.0); types in sorted order.
    lines = [(f["origin"], f["destination"], f["flow_type"], f["volume"], f["share_origin"])
             for f in results["OUTPUT_LINES"].getFeatures()]
    assert lines == [("A", "B", "commuting", 30.0, pytest.approx(0.3)), ("A", "B", "food", 7.0, 1.0),
                     ("B", "A", "food", 1.0, 1.0)]
    results, _ = run_alg(ALG, {
        "INPUT": territories, "ID_FIELD": "id", "FLOWS": table, "ORIGIN_FIELD": "o",
        "DESTINATION_FIELD": "d", "VOLUME_FIELD": "n", "FLOW_TYPE_FIELD": "kind", "FLOW_TYPES": "food",
        "LINE_MIN_SHARE": 50, "OUTPUT": "memory:", "OUTPUT_LINES": "memory:"})
    assert results["FLOW_TYPES_USED"] == "food" and results["TOTAL_VOLUME"] == 8
    assert results["LINES_WRITTEN"] == 2  # both food flows are 100 % of their origin's outflow


def test_bad_volumes_name_the_rows(run_alg, h, tmp_path):
    territories = insee_territories(h)
    path = tmp_path / "flows.csv"
    path.write_text("origin,destination,volume\n01004,69123,5\n01004,2A004,-3\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="negative volume.*line 3"):
        run_alg(ALG, {"INPUT": territories, "ID_FIELD": "code", "FLOWS": str(path),
                      "OUTPUT": "memory:", "OUTPUT_LINES": "memory:"})
    path.write_text("origin,destination,volume\n01004,69123,\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="missing or non-numeric volume.*line 2"):
        run_alg(ALG, {"INPUT": territories, "ID_FIELD": "code", "FLOWS": str(path),
                      "OUTPUT": "memory:", "OUTPUT_LINES": "memory:"})


def test_empty_inputs_say_which(run_alg, h, tmp_path):
    territories = insee_territories(h)
    empty = h.memory_layer("None?field=origin:string&field=destination:string&field=flow:double", [])
    with pytest.raises(QgsProcessingException, match="flow table or layer is empty"):
        run_alg(ALG, {"INPUT": territories, "ID_FIELD": "code", "FLOWS": empty,
                      "OUTPUT": "memory:", "OUTPUT_LINES": "memory:"})
    no_territories = h.memory_layer("Polygon?crs=EPSG:2154&field=code:string", [])
    path = tmp_path / "f.csv"
    path.write_text("origin,destination,flow\n01004,69123,5\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="territories layer is empty"):
        run_alg(ALG, {"INPUT": no_territories, "ID_FIELD": "code", "FLOWS": str(path),
                      "OUTPUT": "memory:", "OUTPUT_LINES": "memory:"})
    path.write_text("origin,destination,flow\n1,2,5\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="No flow row matches"):
        run_alg(ALG, {"INPUT": territories, "ID_FIELD": "code", "FLOWS": str(path),
                      "OUTPUT": "memory:", "OUTPUT_LINES": "memory:"})


def test_invalid_null_and_split_territories(run_alg, h, tmp_path):
    bowtie = "POLYGON((0 0, 1000 1000, 1000 0, 0 1000, 0 0))"
    territories = h.memory_layer("Polygon?crs=EPSG:4326&field=code:string", [
        (bowtie, ["A"]), (h.square(5000, 0), ["B"]), (None, ["C"]),
        (h.square(9000, 0, 10), ["B"]), (h.square(20000, 0), [None])])
    path = tmp_path / "f.csv"
    path.write_text("origin,destination,flow\nA,B,10\nB,A,4\nC,A,3\n", encoding="utf-8")
    results, messages = run_alg(ALG, {"INPUT": territories, "ID_FIELD": "code", "FLOWS": str(path),
                                      "OUTPUT": "memory:", "OUTPUT_LINES": "memory:"})
    assert results["LINES_WRITTEN"] == 2  # C has no geometry: its line is not drawn, and said so
    assert any("without geometry" in m for m in messages)
    assert any("repeat a territory code" in m for m in messages)
    assert any("have no code" in m for m in messages)
    layer = results["OUTPUT_LINES"]
    layer = run_alg.context.getMapLayer(layer) if isinstance(layer, str) else layer
    ends = {f["origin"]: f.geometry().asPolyline() for f in layer.getFeatures()}
    from qgis.core import QgsGeometry

    assert QgsGeometry.fromWkt(bowtie).makeValid().contains(QgsGeometryPoint(ends["A"][0]))
    assert ends["B"][0].x() > 5000 and ends["B"][0].x() < 6000  # the larger part of B
    out = run_alg.context.getMapLayer(results["OUTPUT"]) if isinstance(results["OUTPUT"], str) else results["OUTPUT"]
    values = [(f["code"], f["outflow"]) for f in out.getFeatures()]
    assert values.count(("B", 4)) == 2  # both parts of B carry B's figures
    assert len(values) == 5


def test_output_geopackage_keeps_its_other_layers(run_alg, data_dir, tmp_path):
    import shutil

    gpkg = tmp_path / "project.gpkg"
    shutil.copy(data_dir / "canada" / "ca_provinces.gpkg", gpkg)
    results, _ = run_alg(ALG, {
        "INPUT": str(data_dir / "canada" / "ca_provinces.gpkg"), "ID_FIELD": "code",
        "FLOWS": str(data_dir / "canada" / "ca_migration_od.csv"),
        "OUTPUT": f"ogr:dbname='{gpkg}' table=\"dependencies\" (geom)",
        "OUTPUT_LINES": f"ogr:dbname='{gpkg}' table=\"lines\" (geom)"})
    provinces = QgsVectorLayer(f"{gpkg}|layername=provinces", "p", "ogr")
    assert provinces.isValid() and provinces.featureCount() == 10
    deps = QgsVectorLayer(f"{gpkg}|layername=dependencies", "d", "ogr")
    assert deps.featureCount() == 10 and results["PAIRS_USED"] == 90


def test_loaded_outputs_are_styled(plugin, data_dir, tmp_path):
    from qgis import processing
    from qgis.core import QgsGraduatedSymbolRenderer

    QgsProject.instance().clear()
    processing.runAndLoadResults(ALG, {
        "INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
        "FLOWS": str(data_dir / "austria" / "at_migration_od.csv"),
        "OUTPUT": str(tmp_path / "t.gpkg"), "OUTPUT_LINES": str(tmp_path / "l.gpkg")})
    layers = {layer.geometryType(): layer for layer in QgsProject.instance().mapLayers().values()}
    territories, lines = layers[2], layers[1]
    assert isinstance(territories.renderer(), QgsGraduatedSymbolRenderer)
    assert territories.renderer().classAttribute() == "main_share"
    arrow = lines.renderer().symbol().symbolLayer(0)
    assert arrow.layerType() == "ArrowLine"
    assert lines.name() == "Flow lines (dependencies)"
    QgsProject.instance().clear()


def test_output_over_an_input_is_refused(run_alg, data_dir, tmp_path):
    import shutil

    territories = tmp_path / "regions.gpkg"
    shutil.copy(data_dir / "austria" / "at_nuts2_regions.gpkg", territories)
    before = territories.read_bytes()
    parameters = {"INPUT": str(territories), "ID_FIELD": "nuts2",
                  "FLOWS": str(data_dir / "austria" / "at_migration_od.csv"), "OUTPUT_LINES": "memory:"}
    with pytest.raises(QgsProcessingException, match="would overwrite the input"):
        run_alg(ALG, {**parameters, "OUTPUT": str(territories)})
    with pytest.raises(QgsProcessingException, match="would overwrite the input"):
        run_alg(ALG, {**parameters, "OUTPUT": f"ogr:dbname='{territories}' table=\"regions\" (geom)"})
    assert territories.read_bytes() == before
    # Another table of the same GeoPackage passes the check (the input layer is not overwritten).
    alg = QgsApplication.processingRegistry().algorithmById(ALG)
    ok, message = alg.checkParameterValues(
        {**parameters, "OUTPUT": f"ogr:dbname='{territories}' table=\"deps\" (geom)"}, QgsProcessingContext())
    assert ok, message


def test_canada_without_internal_flows_writes_null_and_warns(run_alg, data_dir, h):
    with open(data_dir / "canada" / "ca_migration_od.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(r["source"] != r["destination"] for r in rows)  # the bundled table has no internal flow
    results, messages = run_alg(ALG, {
        "INPUT": str(data_dir / "canada" / "ca_provinces.gpkg"), "ID_FIELD": "code",
        "FLOWS": str(data_dir / "canada" / "ca_migration_od.csv"), "OUTPUT": "memory:", "OUTPUT_LINES": "memory:"})
    provinces = h.features_by(results["OUTPUT"], "code")
    assert len(provinces) == 10
    outflow = defaultdict(float)
    for r in rows:
        outflow[r["source"]] += float(r["migrants"])
    for code, got in provinces.items():
        assert got["sc_supply"] is None and got["sc_demand"] is None and got["internal"] is None
        assert got["outflow"] == pytest.approx(outflow[code])  # what leaves is still measured
    assert any("no internal flows" in m and "self-containment" in m for m in messages)
