"""Issue 18, points 6, 7 and 9: rings carry their role (only peri-urban rings are growth fronts), outputs are
written in the input's CRS (areas still computed in metres), ranks are integers, core errors reach a French
QGIS in French with readable numbers, ring labels are translated.

Expected values come from shapely on the layers as QGIS returns them, reprojected here into UTM 33N
(Prague) or a Lambert azimuthal equal-area projection built here (Canada), never from our code.
"""

import math

import pytest
import shapely
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsProcessingException,
                       QgsVectorLayer)

UTM33 = QgsCoordinateReferenceSystem("EPSG:32633")


def shapes(layer, crs, *fields):
    """[(attributes, shapely geometry in ``crs``)] of every feature of ``layer``."""
    transform = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance())
    out = []
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        geometry.transform(transform)
        out.append(({name: feature[name] for name in fields}, shapely.from_wkt(geometry.asWkt())))
    return out


def laea_of(layer):
    """The equal-area projection our algorithms use for this layer (centre of its extent, 4 decimals)."""
    extent = layer.extent()
    if not layer.crs().isGeographic():
        transform = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326"),
                                           QgsProject.instance())
        extent = transform.transformBoundingBox(extent)
    centre = extent.center()
    return QgsCoordinateReferenceSystem.fromProj(
        f"+proj=laea +lat_0={centre.y():.4f} +lon_0={centre.x():.4f} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs")


@pytest.fixture()
def prague(data_dir):
    path = data_dir / "prague" / "bubenec.gpkg"
    buildings = QgsVectorLayer(f"{path}|layername=buildings", "buildings", "ogr")
    plots = QgsVectorLayer(f"{path}|layername=plots", "plots", "ogr")
    assert buildings.isValid() and plots.isValid() and buildings.crs().authid() == "EPSG:3857"
    return buildings, plots


def test_only_peri_urban_rings_are_growth_fronts_on_prague(run_alg, prague):
    buildings, plots = prague
    rings, _ = run_alg("alliance:growthbuffers", {"INPUT": buildings, "DISTANCES": "20, 40, 80",
                                                  "OUTPUT": "memory:"})
    ring_shapes = shapes(rings["OUTPUT"], UTM33, "band", "label", "role")
    assert sorted((a["band"], a["role"]) for a, _ in ring_shapes) == [
        (0, "urban_core"), (1, "peri_urban"), (2, "peri_urban"), (3, "rural")]
    overlay, messages = run_alg("alliance:landtenureoverlay", {
        "INPUT": plots, "GROWTH": [rings["OUTPUT"]], "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:",
        "OUTPUT_PROXIES": "memory:"})
    assert any("2 of 4 features are growth fronts" in m for m in messages), messages
    fronts = shapely.union_all([g for a, g in ring_shapes if a["role"] == "peri_urban"])
    everything = shapely.union_all([g for _, g in ring_shapes])
    out = shapes(overlay["OUTPUT"], UTM33, "ID", "share_growth", "flag_insecure_growth")
    assert len(out) == 407
    whole = 0
    for attrs, parcel in out:
        expected = parcel.intersection(fronts).area / parcel.area
        assert attrs["share_growth"] == pytest.approx(expected, abs=2e-4), attrs["ID"]
        if expected > 1e-3 or expected == 0:  # no tenure field: every parcel is of unknown tenure
            assert attrs["flag_insecure_growth"] == (1 if expected > 0 else 0), attrs["ID"]
        whole += attrs["share_growth"] > 0.9999
    assert 0 < whole < 407
    assert whole == sum(parcel.intersection(fronts).area / parcel.area > 0.9999 for _, parcel in out)
    # every ring counts when asked (as before: a growth layer without roles counts whole)
    every, _ = run_alg("alliance:landtenureoverlay", {
        "INPUT": plots, "GROWTH": [rings["OUTPUT"]], "GROWTH_ROLES": "all", "OUTPUT": "memory:",
        "OUTPUT_SUMMARY": "memory:", "OUTPUT_PROXIES": "memory:"})
    for attrs, parcel in shapes(every["OUTPUT"], UTM33, "ID", "share_growth"):
        assert attrs["share_growth"] == pytest.approx(parcel.intersection(everything).area / parcel.area, abs=2e-4)


def _areas_match(layer, input_layer, field="area", rel=1e-6):
    """Each output feature's area field equals its geometry's area in the metric CRS of the input."""
    metric = laea_of(input_layer)
    rows = shapes(layer, metric, field)
    assert rows
    for attrs, geometry in rows:
        assert attrs[field] == pytest.approx(geometry.area, rel=rel, abs=1e-3)


def _patches_match(patches, after, before, min_area=1.0, ring=1.0):
    """The patches are the new built-up, computed here with shapely in the input's metric CRS: the union of the
    buildings of the second date minus that of the first, its parts over ``min_area`` grouped when they share
    a point; each patch's LEI from its own 1 m ring (Liu et al. 2010) and its class by the LEI."""
    import networkx as nx

    metric = laea_of(after)
    old = shapely.union_all([g for _, g in shapes(before, metric)])
    new = shapely.union_all([g for _, g in shapes(after, metric)]).difference(old)
    parts = [p for p in shapely.get_parts(new) if p.area > min_area]
    graph = nx.Graph()
    graph.add_nodes_from(range(len(parts)))
    graph.add_edges_from((i, j) for i in range(len(parts)) for j in range(i + 1, len(parts))
                         if parts[i].intersects(parts[j]))
    groups = [shapely.union_all([parts[i] for i in group]) for group in nx.connected_components(graph)]
    rows = shapes(patches, metric, "patch_id", "area", "lei", "growth_class")
    assert len(rows) == len(groups) > 1
    assert sorted(a["patch_id"] for a, _ in rows) == list(range(1, len(groups) + 1))
    assert sorted(a["area"] for a, _ in rows) == pytest.approx(sorted(g.area for g in groups), rel=1e-6, abs=1e-3)
    for attrs, patch in rows:
        buffered = patch.buffer(ring, quad_segs=8)
        lei = 100.0 * buffered.intersection(old).area / (buffered.area - patch.area)
        assert attrs["lei"] == pytest.approx(lei, abs=0.01), attrs["patch_id"]  # (the 1 m ring: 0.01 of 100)
        if abs(lei - 50.0) > 0.01 and not 0 < lei <= 0.01:  # not on a class bound
            assert attrs["growth_class"] == ("infill" if lei > 50 else "edge_expansion" if lei > 0 else "outlying")


def test_new_geometries_are_written_in_the_input_crs(run_alg, prague, h, data_dir):
    buildings, _ = prague
    rings, _ = run_alg("alliance:growthbuffers", {
        "INPUT": buildings, "DISTANCES": "50, 100", "POPULATION": 1000.0, "OUTPUT": "memory:",
        "OUTPUT_PROSPECTIVE": "memory:"})
    assert rings["OUTPUT"].crs().authid() == "EPSG:3857"
    assert rings["OUTPUT_PROSPECTIVE"].crs().authid() == "EPSG:3857"
    _areas_match(rings["OUTPUT"], buildings)
    _areas_match(rings["OUTPUT_PROSPECTIVE"], buildings, "band_area", rel=2e-3)

    before = run_alg("native:extractbyexpression", {"INPUT": buildings, "EXPRESSION": "$id <= 80",
                                                    "OUTPUT": "memory:"})[0]["OUTPUT"]
    growth, _ = run_alg("alliance:urbangrowth", {"BUILT_UP": buildings, "BUILT_UP_BEFORE": before,
                                                 "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:"})
    assert growth["OUTPUT"].crs().authid() == "EPSG:3857"
    _areas_match(growth["OUTPUT"], buildings)
    _patches_match(growth["OUTPUT"], buildings, before)

    box = buildings.extent().buffered(200)
    territory = h.memory_layer("Polygon?crs=EPSG:3857&field=code:string&field=p0:double&field=p1:double",
                               [(box.asWktPolygon(), ["B", 1000, 1100])], "territory")
    consumption, _ = run_alg("alliance:landconsumption", {
        "INPUT": territory, "ID_FIELD": "code", "POP_T0_FIELD": "p0", "POP_T1_FIELD": "p1", "YEAR_T0": 2000,
        "YEAR_T1": 2020, "BUILT_UP": buildings, "BUILT_UP_BEFORE": before, "URBAN_EXTENT": True,
        "OUTPUT": "memory:", "OUTPUT_EXTENT": "memory:"})
    assert consumption["OUTPUT_EXTENT"].crs().authid() == "EPSG:3857"
    _areas_match(consumption["OUTPUT_EXTENT"], territory, rel=1e-5)

    # Canada (EPSG:4326): population points of the provinces summed into 100 km cells
    provinces = QgsVectorLayer(f"{data_dir / 'canada' / 'ca_provinces.gpkg'}|layername=provinces", "p", "ogr")
    assert provinces.crs().authid() == "EPSG:4326"
    points = run_alg("native:pointonsurface", {"INPUT": provinces, "OUTPUT": "memory:"})[0]["OUTPUT"]
    cells, _ = run_alg("alliance:degurba", {"INPUT": points, "POPULATION_FIELD": "pop1971", "CELL_SIZE": 100000,
                                            "OUTPUT": "memory:"})
    out = cells["OUTPUT"]
    assert out.crs().authid() == "EPSG:4326"
    metric = laea_of(points)
    total = 0.0
    for attrs, cell in shapes(out, metric, "population"):
        assert cell.area == pytest.approx(1e10, rel=1e-6)  # 100 km squares once back in the metric CRS
        total += attrs["population"] or 0.0
    assert total == pytest.approx(sum(f["pop1971"] for f in provinces.getFeatures()))
    # each point in the 100 km cell whose south-west corner is at or below it, on multiples of 100 km
    expected = {}
    for attrs, point in shapes(points, metric, "pop1971"):
        key = (math.floor(point.y / 1e5), math.floor(point.x / 1e5))
        expected[key] = expected.get(key, 0.0) + attrs["pop1971"]
    got = {}
    for attrs, cell in shapes(out, metric, "population", "density", "cell_class", "cluster_pop"):
        centre = cell.centroid
        got[(math.floor(centre.y / 1e5), math.floor(centre.x / 1e5))] = attrs
    assert sorted(got) == sorted(expected)  # the populated cells, every one, and no other
    dense = {key for key, pop in expected.items() if pop / 1e4 >= 300}  # inhabitants per km2 of a 10,000 km2 cell
    for key, pop in expected.items():
        assert got[key]["population"] == pytest.approx(pop) and got[key]["density"] == pytest.approx(pop / 1e4)
        # no cell reaches 1,500 per km2; a dense cell alone holds its cluster's 5,000 people (no dense neighbour)
        assert not any(abs(key[0] - k[0]) <= 1 and abs(key[1] - k[1]) <= 1 and k != key for k in dense)
        assert got[key]["cell_class"] == (2 if key in dense and pop >= 5000 else 1), key
        assert got[key]["cluster_pop"] == (pytest.approx(pop) if key in dense else None)
    assert cells["URBAN_CENTRES"] == 0 and cells["URBAN_CLUSTERS"] == len(dense) > 0


def test_ranks_are_integer_fields(run_alg, h):
    layer = h.memory_layer("Point?crs=EPSG:4326&field=name:string&field=p2000:double",
                           [(f"POINT({i} 0)", [f"c{i}", 1000.0 * (i + 1)]) for i in range(6)], "cities")
    results, _ = run_alg("alliance:citynetwork", {"INPUT": layer, "ID_FIELD": "name", "POPULATION_FIELDS": ["p2000"],
                                                  "OUTPUT": "memory:", "OUTPUT_TABLE": "memory:"})
    ranks = {f["name"]: f["rank_p2000"] for f in results["OUTPUT"].getFeatures()}
    assert ranks == {"c5": 1, "c4": 2, "c3": 3, "c2": 4, "c1": 5, "c0": 6}
    assert all(type(rank) is int for rank in ranks.values())


def test_core_error_and_ring_labels_in_french(french, run_alg, prague):
    buildings, _ = prague
    with pytest.raises(QgsProcessingException) as caught:
        run_alg("alliance:growthbuffers", {"INPUT": buildings, "DISTANCES": "1000, 500", "OUTPUT": "memory:"})
    message = str(caught.value)
    assert "Les distances doivent être positives et croissantes" in message and "1000, 500" in message, message
    assert "np.float64" not in message
    rings, _ = run_alg("alliance:growthbuffers", {"INPUT": buildings, "DISTANCES": "20, 40, 80",
                                                  "OUTPUT": "memory:"})
    by_band = {f["band"]: (f["label"], f["role"]) for f in rings["OUTPUT"].getFeatures()}
    assert by_band == {0: ("cœur urbain", "urban_core"), 1: ("périurbain proche", "peri_urban"),
                       2: ("périurbain lointain", "peri_urban"), 3: ("rural", "rural")}
