"""alliance:landtenureoverlay on the Prague parcels, against native:intersection."""

from collections import defaultdict

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer

LAEA = "+proj=laea +lat_0=50.1 +lon_0=14.4 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"


@pytest.fixture()
def prague(run_alg, data_dir):
    """The Prague parcels in an equal-area CRS, with a tenure assigned by a documented rule."""
    results, _ = run_alg("native:reprojectlayer", {
        "INPUT": f"{data_dir / 'prague' / 'bubenec.gpkg'}|layername=plots",
        "TARGET_CRS": QgsCoordinateReferenceSystem.fromProj(LAEA), "OUTPUT": "memory:"})
    layer = results["OUTPUT"]
    # Tenure by rule (constructed, no real tenure data): ID modulo 4 -> titre, coutumier, squat, NULL.
    layer.startEditing()
    layer.addAttribute(__import__("alliance_territories.alliance_plugin.qgis_io.compat",
                                  fromlist=["make_field"]).make_field("statut", "string"))
    index = layer.fields().indexOf("statut")
    for feature in layer.getFeatures():
        value = ("Titre foncier", "coutumier", "squat", None)[int(feature["ID"]) % 4]
        layer.changeAttributeValue(feature.id(), index, value)
    layer.commitChanges()
    return layer


def zones(h, layer, boxes, name):
    extent = layer.extent()
    x0, y0, w, hgt = extent.xMinimum(), extent.yMinimum(), extent.width(), extent.height()
    rows = []
    for fx0, fy0, fx1, fy1 in boxes:
        a, b, c, d = x0 + fx0 * w, y0 + fy0 * hgt, x0 + fx1 * w, y0 + fy1 * hgt
        rows.append((f"POLYGON(({a} {b},{c} {b},{c} {d},{a} {d},{a} {b}))", [name]))
    return h.memory_layer(f"Polygon?crs={layer.crs().toWkt()}&field=kind:string", rows, name)


def native_areas(run_alg, parcels, overlay):
    results, _ = run_alg("native:intersection", {"INPUT": parcels, "OVERLAY": overlay, "OUTPUT": "memory:"})
    areas = defaultdict(float)
    for feature in results["OUTPUT"].getFeatures():
        areas[feature["ID"]] += feature.geometry().area()
    return areas


def test_areas_agree_with_native_intersection(run_alg, h, prague):
    growth = zones(h, prague, [(0.1, 0.1, 0.5, 0.6), (0.6, 0.2, 0.9, 0.5)], "growth")
    hazard = zones(h, prague, [(0.3, 0.4, 0.8, 0.9)], "hazard")
    results, messages = run_alg("alliance:landtenureoverlay", {
        "INPUT": prague, "TENURE_FIELD": "statut", "GROWTH": [growth], "HAZARD": [hazard],
        "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:", "OUTPUT_PROXIES": "memory:"})
    out = {f["ID"]: f for f in results["OUTPUT"].getFeatures()}
    assert len(out) == 407 and results["PARCELS"] == 407
    for role, layer in (("growth", growth), ("hazard", hazard)):
        expected = native_areas(run_alg, prague, layer)
        assert expected
        for parcel, feature in out.items():
            assert feature[f"area_{role}"] == pytest.approx(expected.get(parcel, 0.0), rel=1e-6, abs=1e-6)
    classes = {(f["tenure_raw"] if isinstance(f["tenure_raw"], str) else None): f["tenure_class"]
               for f in out.values()}
    assert classes["Titre foncier"] == "documented" and classes["coutumier"] == "customary"
    assert classes["squat"] == "informal" and classes[None] == "unknown"
    for feature in out.values():
        insecure = feature["tenure_class"] in ("informal", "customary", "unknown")
        assert feature["flag_insecure_growth"] == int(insecure and feature["area_growth"] > 0)
        assert feature["flag_hazard"] == int(feature["area_hazard"] > 0)
    proxies = list(results["OUTPUT_PROXIES"].getFeatures())[0]
    documented = sum(1 for f in out.values() if f["tenure_class"] == "documented")
    assert proxies["proxy_parcels_documented"] == pytest.approx(documented / 407)
    growth_area = sum(f["area_growth"] for f in out.values())
    insecure_growth = sum(f["area_growth"] for f in out.values() if f["tenure_class"] != "documented")
    assert proxies["proxy_growth_insecure"] == pytest.approx(insecure_growth / growth_area)


def test_constraints_in_another_crs_give_the_same_areas(run_alg, h, prague):
    growth = zones(h, prague, [(0.1, 0.1, 0.5, 0.6)], "growth")
    moved, _ = run_alg("native:reprojectlayer", {"INPUT": growth, "TARGET_CRS": "EPSG:4326", "OUTPUT": "memory:"})
    base = {"INPUT": prague, "TENURE_FIELD": "statut", "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:",
            "OUTPUT_PROXIES": "memory:"}
    same, _ = run_alg("alliance:landtenureoverlay", {**base, "GROWTH": [growth]})
    other, _ = run_alg("alliance:landtenureoverlay", {**base, "GROWTH": [moved["OUTPUT"]]})
    a = sum(f["area_growth"] for f in same["OUTPUT"].getFeatures())
    b = sum(f["area_growth"] for f in other["OUTPUT"].getFeatures())
    assert b == pytest.approx(a, rel=1e-4)  # straight edges re-projected twice: tiny differences only


def test_no_constraint_and_web_mercator(run_alg, data_dir):
    results, messages = run_alg("alliance:landtenureoverlay", {
        "INPUT": f"{data_dir / 'prague' / 'bubenec.gpkg'}|layername=plots", "OUTPUT": "memory:",
        "OUTPUT_SUMMARY": "memory:", "OUTPUT_PROXIES": "memory:"})
    assert any("Lambert azimuthal equal-area" in m for m in messages)  # EPSG:3857 areas are not true areas
    assert any("No constraint layer" in m for m in messages)
    features = list(results["OUTPUT"].getFeatures())
    assert {f["tenure_class"] for f in features} == {"unknown"}
    assert results["OUTPUT"].crs().authid() == "EPSG:3857"  # written in the parcels' own CRS
    layer = QgsVectorLayer(f"{data_dir / 'prague' / 'bubenec.gpkg'}|layername=plots", "p", "ogr")
    assert features[0].geometry().area() == pytest.approx(
        next(layer.getFeatures()).geometry().area(), rel=1e-9)


def test_fast_file_path_gives_the_same_parcels(run_alg, prague, h, tmp_path):
    """A file input written to a new GeoPackage goes through pyogrio both ways: same numbers as QGIS's path."""
    parcels_file = tmp_path / "parcels.gpkg"
    run_alg("native:savefeatures", {"INPUT": prague, "OUTPUT": str(parcels_file)})
    growth = zones(h, prague, [(0.1, 0.1, 0.5, 0.6)], "growth")
    base = {"TENURE_FIELD": "statut", "GROWTH": [growth], "OUTPUT_SUMMARY": "memory:",
            "OUTPUT_PROXIES": "memory:"}
    fast, messages = run_alg("alliance:landtenureoverlay", {**base, "INPUT": str(parcels_file),
                                                            "OUTPUT": str(tmp_path / "fast.gpkg")})
    assert any("read with pyogrio" in m for m in messages)
    slow, messages = run_alg("alliance:landtenureoverlay", {**base, "INPUT": prague, "OUTPUT": "memory:"})
    assert not any("read with pyogrio" in m for m in messages)
    a = {f["ID"]: (f["tenure_class"], f["area_growth"], f["flag_insecure_growth"], f["statut"])
         for f in QgsVectorLayer(fast["OUTPUT"], "f", "ogr").getFeatures()}
    b = {f["ID"]: (f["tenure_class"], f["area_growth"], f["flag_insecure_growth"], f["statut"])
         for f in slow["OUTPUT"].getFeatures()}
    assert a.keys() == b.keys() and len(a) == 407
    for key in a:
        assert a[key][0] == b[key][0] and a[key][2] == b[key][2]
        assert a[key][1] == pytest.approx(b[key][1], rel=1e-9, abs=1e-9)
        assert (a[key][3] or None) == (b[key][3] if isinstance(b[key][3], str) else None)


def test_progress_moves_and_cancel_returns_quickly(plugin, tmp_path):
    """60,000 generated parcels: progress is reported, and a cancel during the overlay returns within 2 s."""
    import time

    import geopandas as gpd
    import numpy as np
    import pyogrio
    import shapely
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    side = 245
    x, y = np.meshgrid(np.arange(side) * 10.0, np.arange(side) * 10.0)
    parcels = shapely.box(x.ravel(), y.ravel(), x.ravel() + 10, y.ravel() + 10)
    pyogrio.write_dataframe(gpd.GeoDataFrame({"statut": ["squat"] * len(parcels)}, geometry=parcels,
                                             crs="EPSG:2154"), tmp_path / "p.gpkg", layer="p")
    rng = np.random.default_rng(0)
    centres = rng.uniform(0, side * 10, (400, 2))
    zones_geoms = shapely.buffer(shapely.points(centres), 60.0)
    pyogrio.write_dataframe(gpd.GeoDataFrame({"kind": ["z"] * 400}, geometry=zones_geoms, crs="EPSG:2154"),
                            tmp_path / "z.gpkg", layer="z")

    feedback = QgsProcessingFeedback()
    feedback.progress, feedback.canceled_at = [], None

    def on_progress(value):  # setProgress is not virtual: listen to the signal
        feedback.progress.append(value)
        if value > 25 and feedback.canceled_at is None:  # the overlay is the second of four steps
            feedback.canceled_at = time.monotonic()
            feedback.cancel()

    feedback.progressChanged.connect(on_progress)
    try:
        processing.run("alliance:landtenureoverlay", {
            "INPUT": str(tmp_path / "p.gpkg"), "TENURE_FIELD": "statut", "ZONING": [str(tmp_path / "z.gpkg")],
            "OUTPUT": str(tmp_path / "out.gpkg"), "OUTPUT_SUMMARY": "memory:", "OUTPUT_PROXIES": "memory:"},
            context=QgsProcessingContext(), feedback=feedback)
    except Exception:  # a canceled run may end with an exception: what matters is when it returns
        pass
    returned = time.monotonic()
    assert len(set(round(p) for p in feedback.progress)) >= 2  # progress moves (reading, then the overlay)
    assert feedback.canceled_at is not None and returned - feedback.canceled_at < 2.0


def test_population_from_a_point_layer(run_alg, h, prague):
    centres = []
    for feature in list(prague.getFeatures())[:20]:
        point = feature.geometry().pointOnSurface().asPoint()
        centres.append((f"POINT({point.x()} {point.y()})", [10.0]))
    people = h.memory_layer(f"Point?crs={prague.crs().toWkt()}&field=pop:double", centres, "people")
    results, messages = run_alg("alliance:landtenureoverlay", {
        "INPUT": prague, "TENURE_FIELD": "statut", "POPULATION_LAYER": people, "POPULATION_LAYER_FIELD": "pop",
        "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:", "OUTPUT_PROXIES": "memory:"})
    proxies = list(results["OUTPUT_PROXIES"].getFeatures())[0]
    first = list(prague.getFeatures())[:20]
    documented = sum(10.0 for f in first if f["statut"] == "Titre foncier")
    assert proxies["population"] == pytest.approx(200.0)
    assert proxies["proxy_population_documented"] == pytest.approx(documented / 200.0)
    assert any("200 in parcels, 0 outside" in m for m in messages)


def _zm_parcels(h):
    return h.memory_layer("PolygonZM?crs=EPSG:2154&field=code:string&field=statut:string", [
        ("POLYGON ZM ((0 0 10 1, 100 0 11 2, 100 100 12 3, 0 100 13 4, 0 0 10 1))", ["P1", "titre"]),
        ("POLYGON ZM ((200 0 20 5, 300 0 21 6, 300 100 22 7, 200 100 23 8, 200 0 20 5))", ["P2", "squat"])],
        name="parcels zm")


@pytest.mark.parametrize("destination", ["memory", "gpkg"])
def test_z_and_m_values_are_kept(run_alg, h, tmp_path, destination):
    """Issue 13, point 6: PolygonZM parcels come out PolygonZM (declared and written), with their Z and M values."""
    from qgis.core import QgsWkbTypes

    parcels = _zm_parcels(h)
    hazard = h.memory_layer("Polygon?crs=EPSG:2154&field=kind:string", [(h.square(50, 0, 200), ["flood"])], "hazard")
    output = "memory:" if destination == "memory" else str(tmp_path / "tenure_zm.gpkg")
    results, _ = run_alg("alliance:landtenureoverlay", {
        "INPUT": parcels, "TENURE_FIELD": "statut", "HAZARD": [hazard], "OUTPUT": output,
        "OUTPUT_SUMMARY": "memory:", "OUTPUT_PROXIES": "memory:"})
    layer = results["OUTPUT"] if destination == "memory" else QgsVectorLayer(results["OUTPUT"], "out", "ogr")
    assert QgsWkbTypes.hasZ(layer.wkbType()) and QgsWkbTypes.hasM(layer.wkbType()), QgsWkbTypes.displayString(
        layer.wkbType())
    written = {f["code"]: f for f in layer.getFeatures()}
    for code, zs, ms in (("P1", [10, 11, 12, 13], [1, 2, 3, 4]), ("P2", [20, 21, 22, 23], [5, 6, 7, 8])):
        geometry = written[code].geometry()
        assert QgsWkbTypes.hasM(geometry.wkbType()), code
        vertices = [geometry.vertexAt(i) for i in range(4)]
        assert [v.z() for v in vertices] == zs and [v.m() for v in vertices] == ms
        assert written[code]["area_hazard"] == pytest.approx(5000.0)  # 50 m x 100 m of each parcel in the zone
