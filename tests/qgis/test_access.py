"""alliance:transitaccess and alliance:serviceaccess on hand-made networks, timetables and populations.

The street layout (EPSG:3067, metres): A(0,0) B(100,0) C(200,0) G(700,0); D(0,100) E(100,100)
F(200,100): a 2 x 1 grid of 100 m squares with a 500 m spur C-G, and a separate street
(0,300)-(100,300) that no stop can be walked to.
"""

import math
import zipfile

import pytest
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject,
                       QgsProcessingException, QgsVectorLayer)

CRS = "EPSG:3067"
STREETS = [((0, 0), (100, 0), (200, 0)), ((0, 100), (100, 100), (200, 100)), ((0, 0), (0, 100)),
           ((100, 0), (100, 100)), ((200, 0), (200, 100)), ((200, 0), (700, 0)), ((0, 300), (100, 300))]
# people: (x, y, pop, sex, territory)
PEOPLE = [(0, 5, 10, "f", "west"), (100, 100, 20, "m", "west"), (200, 110, 30, "f", "east"),
          (450, 250, 40, "m", "east"), (200, 0, 50, "f", "east"), (0, 305, 60, "m", "west")]


def line_wkt(points):
    return "LINESTRING(" + ",".join(f"{x} {y}" for x, y in points) + ")"


@pytest.fixture()
def layers(h):
    streets = h.memory_layer(f"LineString?crs={CRS}&field=name:string", [(line_wkt(p), [str(i)])
                                                                        for i, p in enumerate(STREETS)], "streets")
    stops = h.memory_layer(f"Point?crs={CRS}&field=ref:string&field=mode:string&field=per_hour:double",
                           [("POINT(0 0)", ["A", "bus", 6.0]), ("POINT(700 20)", ["G", "rail", 4.0]),
                            ("POINT(100 50)", ["Z", "bus", 0.5])], "stops")
    people = h.memory_layer(f"Point?crs={CRS}&field=pop:double&field=sex:string&field=zone:string",
                            [(f"POINT({x} {y})", [p, s, t]) for x, y, p, s, t in PEOPLE], "people")
    zones = h.memory_layer(f"Polygon?crs={CRS}&field=code:string&field=kind:string",
                           [("POLYGON((-50 -50,150 -50,150 400,-50 400,-50 -50))", ["west", "urban"]),
                            ("POLYGON((150 -50,800 -50,800 400,150 400,150 -50))", ["east", "rural"])], "zones")
    return {"streets": streets, "stops": stops, "people": people, "zones": zones}


def base_parameters(layers, **extra):
    parameters = {"POPULATION": layers["people"], "POPULATION_FIELD": "pop", "STOPS": layers["stops"],
                  "STOP_ID_FIELD": "ref", "CAPACITY_FIELD": "mode", "FREQUENCY_FIELD": "per_hour",
                  "LOW_DISTANCE": 150, "HIGH_DISTANCE": 600, "NETWORK": layers["streets"], "SNAP_TOLERANCE": 60,
                  "OUTPUT": "memory:", "OUTPUT_SHARES": "memory:", "OUTPUT_AREAS": "memory:",
                  "OUTPUT_STOPS": "memory:"}
    parameters.update(extra)
    return parameters


def rows(layer, key):
    fields = layer.fields().names()
    out = {}
    for feature in layer.getFeatures():
        values = dict(zip(fields, [None if v is None or type(v).__name__ == "QVariant" else v
                                   for v in feature.attributes()]))
        values["_geometry"] = feature.geometry()
        out[values[key] if isinstance(key, str) else tuple(values[k] for k in key)] = values
    return out


def output(results, key):
    value = results[key]
    return value if isinstance(value, QgsVectorLayer) else QgsVectorLayer(value, key, "ogr")


def test_transit_access_walks_the_streets(run_alg, layers):
    results, messages = run_alg("alliance:transitaccess", base_parameters(
        layers, TERRITORIES=layers["zones"], TERRITORY_FIELD="code", SEX_FIELD="sex"))
    people = rows(output(results, "OUTPUT"), "pop")
    # 10: on A-D, 5 m from A; 20: E, 200 m from A (> 150) and 700 from G; 30: 10 m off F, 310 m;
    # 40: 150 m from any street, kept unplaced; 50: C, 200 from A, 520 from G (high, 600 m);
    # 60: on the separate street
    assert {p: r["access"] for p, r in people.items()} == {10: 1, 20: 0, 30: 0, 40: 0, 50: 1, 60: 0}
    assert people[10]["distance_m"] == pytest.approx(5) and people[10]["nearest_stop"] == "A"
    assert people[50]["distance_m"] == pytest.approx(200) and people[50]["nearest_capacity"] == "low"
    assert people[30]["distance_m"] == pytest.approx(310) and people[30]["snap_m"] == pytest.approx(10)
    assert people[40]["placed"] == 0 and people[40]["distance_m"] is None
    assert people[60]["distance_m"] is None and people[60]["placed"] == 1
    assert {r["method"] for r in people.values()} == {"network"}
    assert people[10]["zone"] == "west" and people[10]["territory"] == "west"  # own fields kept
    assert results["POPULATION_TOTAL"] == 210 and results["POPULATION_WITH_ACCESS"] == 60
    assert results["SHARE"] == pytest.approx(100 * 60 / 210)
    assert results["QUALIFYING_STOPS"] == 2 and results["UNPLACED"] == 1 and results["METHOD"] == "network"
    shares = rows(output(results, "OUTPUT_SHARES"), ("territory", "group", "value"))
    assert shares[("all", "total", "all")]["share_pct"] == pytest.approx(100 * 60 / 210)
    assert shares[("all", "sex", "f")]["share_pct"] == pytest.approx(100 * 60 / 90)
    assert shares[("west", "total", "all")]["share_pct"] == pytest.approx(100 * 10 / 90)
    assert shares[("east", "sex", "m")]["with_access"] == 0
    assert shares[("east", "sex", "f")]["population"] == 80
    assert any("farther than the snap tolerance" in m for m in messages)
    assert any("disconnected parts" in m for m in messages)
    assert any("no qualifying stop" in m for m in messages)
    stops = rows(output(results, "OUTPUT_STOPS"), "stop_id")
    assert {s: r["qualifies"] for s, r in stops.items()} == {"A": 1, "G": 1, "Z": 0}
    assert stops["G"]["capacity"] == "high" and stops["A"]["access_distance"] == 150
    areas = rows(output(results, "OUTPUT_AREAS"), "stop_id")
    assert areas["A"]["length_m"] == pytest.approx(350) and areas["G"]["length_m"] == pytest.approx(660)
    assert areas["A"]["_geometry"].length() == pytest.approx(350)
    assert areas["A"]["population_nearest"] == 60 - 50 + 50  # 10 and 50 are nearest to A
    assert {r["method"] for r in areas.values()} == {"network"}


def test_every_qualifying_stop_has_an_area_row(run_alg, layers):
    """A stop off the streets keeps its row without geometry, and the log says so."""
    far = layers["stops"].clone()
    from qgis.core import QgsFeature, QgsGeometry

    feature = QgsFeature(far.fields())
    feature.setGeometry(QgsGeometry.fromWkt("POINT(400 900)"))
    feature.setAttributes(["FAR", "bus", 9.0])
    far.dataProvider().addFeatures([feature])
    results, messages = run_alg("alliance:transitaccess", base_parameters(layers, STOPS=far))
    areas = rows(output(results, "OUTPUT_AREAS"), "stop_id")
    assert set(areas) == {"A", "G", "FAR"} and areas["FAR"]["_geometry"].isNull()
    assert areas["FAR"]["population_nearest"] == 0
    assert any("1 qualifying stops reach no street" in m for m in messages)


def test_transit_access_euclidean_proxy_says_so(run_alg, layers):
    results, messages = run_alg("alliance:transitaccess", base_parameters(layers, NETWORK=None))
    people = rows(output(results, "OUTPUT"), "pop")
    # straight lines: 20 is 141 m from A, 30 is 228 m from A but 508 m from G (600), 40 is 340 m from G
    assert {p: r["access"] for p, r in people.items()} == {10: 1, 20: 1, 30: 1, 40: 1, 50: 1, 60: 0}
    assert people[20]["distance_m"] == pytest.approx(math.hypot(100, 100))
    assert people[60]["distance_m"] == pytest.approx(305)  # reported up to 600 m, the longest access distance
    assert results["METHOD"] == "euclidean proxy"
    for key in ("OUTPUT", "OUTPUT_SHARES", "OUTPUT_AREAS", "OUTPUT_STOPS"):
        assert {f["method"] for f in output(results, key).getFeatures()} == {"euclidean proxy"}, key
    areas = rows(output(results, "OUTPUT_AREAS"), "stop_id")
    assert areas["G"]["area_m2"] == pytest.approx(math.pi * 600 ** 2, rel=0.01)
    assert any("Euclidean proxy" in m for m in messages)


def test_search_distance_reports_farther_stops(run_alg, layers):
    results, _ = run_alg("alliance:transitaccess", base_parameters(layers, SEARCH_DISTANCE=1000, HIGH_DISTANCE=150))
    people = rows(output(results, "OUTPUT"), "pop")
    # 20 at E: 200 m to A (beyond 150, within the search), 700 m to G; 60 cannot walk anywhere
    assert people[20]["distance_m"] == pytest.approx(200) and people[20]["access"] == 0
    assert people[60]["distance_m"] is None
    results, _ = run_alg("alliance:transitaccess", base_parameters(layers, HIGH_DISTANCE=150))
    assert rows(output(results, "OUTPUT"), "pop")[20]["distance_m"] is None


def test_every_stop_qualifies_without_a_frequency_field(run_alg, layers):
    results, _ = run_alg("alliance:transitaccess", base_parameters(layers, FREQUENCY_FIELD=None))
    assert results["QUALIFYING_STOPS"] == 3
    people = rows(output(results, "OUTPUT"), "pop")
    # Z (100, 50) on B-E: 20 at E is 50 m away; 30 at F: 10 + 100 + 50
    assert people[20]["access"] == 1 and people[20]["nearest_stop"] == "Z"
    assert people[30]["distance_m"] == pytest.approx(160)


def test_population_polygons_and_a_geographic_crs(run_alg, layers, h):
    """Polygons stand at a point inside them; WGS84 inputs are measured in metres, not degrees."""
    to_wgs = QgsCoordinateTransform(QgsCoordinateReferenceSystem(CRS), QgsCoordinateReferenceSystem("EPSG:4326"),
                                    QgsProject.instance())

    def wgs(x, y):
        p = to_wgs.transform(QgsPointXY(x + 500000, y + 6700000))
        return f"{p.x():.10f} {p.y():.10f}"

    def shifted(layer, kind, fields, rows_):
        return h.memory_layer(f"{kind}?crs=EPSG:4326&{fields}", rows_, layer)

    streets = shifted("streets", "LineString", "field=name:string",
                      [("LINESTRING(" + ",".join(wgs(x, y) for x, y in p) + ")", [str(i)]) for i, p in
                       enumerate(STREETS)])
    stops = shifted("stops", "Point", "field=ref:string&field=mode:string",
                    [(f"POINT({wgs(0, 0)})", ["A", "bus"]), (f"POINT({wgs(700, 20)})", ["G", "rail"])])
    cells = shifted("cells", "Polygon", "field=pop:double",
                    [("POLYGON((" + ",".join(wgs(x, y) for x, y in ((180, 90), (220, 90), (220, 130), (180, 130),
                                                                      (180, 90))) + "))", [7.0])])
    results, messages = run_alg("alliance:transitaccess", {
        "POPULATION": cells, "POPULATION_FIELD": "pop", "STOPS": stops, "CAPACITY_FIELD": "mode",
        "LOW_DISTANCE": 150, "HIGH_DISTANCE": 600, "NETWORK": streets, "SNAP_TOLERANCE": 60,
        "OUTPUT": "memory:", "OUTPUT_SHARES": "memory:"})
    cell = next(output(results, "OUTPUT").getFeatures())
    # the cell's inner point is its centre (200, 110): 10 m to F, then 300 m to A
    assert cell["distance_m"] == pytest.approx(310, abs=0.5)
    assert cell["access"] == 0 and cell.geometry().type() == 2  # written back as the polygon it was
    assert any("Lambert azimuthal equal-area" in m for m in messages)


def write_gtfs(path, *, calendar=True, calendar_dates=True, late=False):
    """Bus 1 every 10 min 06:00-19:50 at S1 (x=0) then S2 (x=700) 5 min later, weekdays of June 2026;
    stop S3 only served at 21:00."""
    to_wgs = QgsCoordinateTransform(QgsCoordinateReferenceSystem(CRS), QgsCoordinateReferenceSystem("EPSG:4326"),
                                    QgsProject.instance())
    coords = {}
    for stop, (x, y) in {"S1": (0, 0), "S2": (700, 0), "S3": (100, 300)}.items():
        p = to_wgs.transform(QgsPointXY(x, y))
        coords[stop] = (p.y(), p.x())
    files = {
        "stops.txt": "stop_id,stop_name,stop_lat,stop_lon\n" + "".join(
            f"{s},Stop {s},{lat:.9f},{lon:.9f}\n" for s, (lat, lon) in coords.items()),
        "routes.txt": "route_id,route_type\nR1,3\nR2,3\n",
        "trips.txt": "route_id,service_id,trip_id\n" + "".join(f"R1,WK,t{i}\n" for i in range(84)) + "R2,WK,late\n",
        "stop_times.txt": "trip_id,arrival_time,departure_time,stop_id,stop_sequence\n" + "".join(
            f"t{i},{6 + i // 6:02d}:{i % 6 * 10:02d}:00,{6 + i // 6:02d}:{i % 6 * 10:02d}:00,S1,1\n"
            f"t{i},{6 + i // 6:02d}:{i % 6 * 10 + 5:02d}:00,{6 + i // 6:02d}:{i % 6 * 10 + 5:02d}:00,S2,2\n"
            for i in range(84)) + "late,21:00:00,21:00:00,S3,1\n",
    }
    if calendar:
        files["calendar.txt"] = ("service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,"
                                 "end_date\nWK,1,1,1,1,1,0,0,20260601,20260630\n")
    if calendar_dates:
        files["calendar_dates.txt"] = "service_id,date,exception_type\n" + (
            "" if calendar else "".join(f"WK,202606{d:02d},1\n" for d in (2, 9, 16)))
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return str(path)


@pytest.mark.parametrize("calendar", [True, False])
def test_gtfs_feed_read_directly(run_alg, layers, tmp_path, calendar):
    feed = write_gtfs(tmp_path / "feed.zip", calendar=calendar)
    results, messages = run_alg("alliance:transitaccess", base_parameters(
        layers, STOPS=None, GTFS=feed, MIN_PER_HOUR=4, LOW_DISTANCE=500))
    stops = rows(output(results, "OUTPUT_STOPS"), "stop_id")
    # S2 ends every trip: its 84 calls are arrivals, not departures (SDG 11.2.1 reading, core/gtfs)
    assert stops["S1"]["departures"] == 84 and stops["S2"]["departures"] == 0 and stops["S2"]["qualifies"] == 0
    assert stops["S1"]["per_hour"] == pytest.approx(6) and stops["S1"]["qualifies"] == 1
    assert stops["S3"]["departures"] == 0 and stops["S3"]["qualifies"] == 0  # served outside the window
    assert stops["S1"]["date"] == "2026-06-02"  # the first Tuesday with the most services
    people = rows(output(results, "OUTPUT"), "pop")
    assert people[20]["distance_m"] == pytest.approx(200, abs=0.01) and people[20]["access"] == 1
    assert people[60]["access"] == 0  # the separate street: S3 is there but never qualifies
    assert results["QUALIFYING_STOPS"] == 1  # S1 alone
    assert any(("calendar_dates.txt alone" in m) for m in messages) == (not calendar)


def test_gtfs_bad_feeds_and_bad_choices(run_alg, layers, tmp_path):
    feed = write_gtfs(tmp_path / "feed.zip", calendar=False, calendar_dates=False)
    with pytest.raises(QgsProcessingException, match="calendar.txt or calendar_dates.txt"):
        run_alg("alliance:transitaccess", base_parameters(layers, STOPS=None, GTFS=feed))
    good = write_gtfs(tmp_path / "good.zip")
    with pytest.raises(QgsProcessingException, match="not both"):
        run_alg("alliance:transitaccess", base_parameters(layers, GTFS=good))
    with pytest.raises(QgsProcessingException, match="a point layer or a GTFS feed"):
        run_alg("alliance:transitaccess", base_parameters(layers, STOPS=None))
    # a window with no service at all: the run ends, nobody has access, and the log says why
    results, messages = run_alg("alliance:transitaccess", base_parameters(
        layers, STOPS=None, GTFS=good, START_TIME="21:30", END_TIME="23:00"))
    assert results["QUALIFYING_STOPS"] == 0 and results["SHARE"] == 0 and results["POPULATION_TOTAL"] == 210
    assert any("No stop qualifies" in m for m in messages)


def test_curved_streets_are_walked_along_their_arc(run_alg, layers, h):
    """A half circle of radius 100 m from A to (200, 0): 314 m along the arc, not 200 m."""
    arc = h.memory_layer(f"CompoundCurve?crs={CRS}", [("COMPOUNDCURVE(CIRCULARSTRING(0 0, 100 100, 200 0))", [])])
    people = h.memory_layer(f"Point?crs={CRS}&field=pop:double", [("POINT(200 0)", [1.0])])
    stop = h.memory_layer(f"Point?crs={CRS}&field=ref:string", [("POINT(0 0)", ["A"])])
    results, _ = run_alg("alliance:transitaccess", base_parameters(
        layers, POPULATION=people, STOPS=stop, NETWORK=arc, CAPACITY_FIELD=None, FREQUENCY_FIELD=None,
        LOW_DISTANCE=500))
    point = next(output(results, "OUTPUT").getFeatures())
    assert point["distance_m"] == pytest.approx(math.pi * 100, rel=0.01)


def test_negative_population_is_refused(run_alg, layers, h):
    people = h.memory_layer(f"Point?crs={CRS}&field=pop:double", [("POINT(0 0)", [-3.0]), ("POINT(1 1)", [None])])
    import gc

    with pytest.raises(QgsProcessingException, match="negative population"):
        run_alg("alliance:transitaccess", base_parameters(layers, POPULATION=people))
    assert gc.isenabled()  # the cycle collector paused during the run is back on after a failed run too


# --- services ------------------------------------------------------------------------------------

def service_parameters(layers, **extra):
    schools = layers["schools"]
    parameters = {"SUPPLY": schools, "SUPPLY_ID_FIELD": "name", "CAPACITY_FIELD": "places",
                  "POPULATION": layers["people"], "POPULATION_FIELD": "pop", "CATCHMENT": 250,
                  "NETWORK": layers["streets"], "SNAP_TOLERANCE": 60, "TERRITORIES": layers["zones"],
                  "TERRITORY_FIELD": "code", "CLASS_FIELD": "kind", "OUTPUT": "memory:",
                  "OUTPUT_INEQUALITY": "memory:", "OUTPUT_FACILITIES": "memory:", "OUTPUT_TERRITORIES": "memory:",
                  "OUTPUT_CLASSES": "memory:"}
    parameters.update(extra)
    return parameters


@pytest.fixture()
def with_schools(layers, h):
    layers["schools"] = h.memory_layer(f"Point?crs={CRS}&field=name:string&field=places:double",
                                       [("POINT(0 0)", ["north", 30.0]), ("POINT(200 50)", ["east", 12.0])],
                                       "schools")
    return layers


def test_service_access_known_catchment_and_inequality(run_alg, with_schools):
    results, messages = run_alg("alliance:serviceaccess", service_parameters(with_schools))
    people = rows(output(results, "OUTPUT"), "pop")
    # walked distances: 10 -> north 5; 20 (E) -> east 150 (E-F 100, F down 50); 30 -> east 10 + 50;
    # 40 unplaced; 50 (C) -> east 50; 60 on the separate street: none
    assert people[10]["distance_m"] == pytest.approx(5) and people[10]["nearest_facility"] == "north"
    assert people[20]["distance_m"] == pytest.approx(150) and people[20]["nearest_facility"] == "east"
    assert people[30]["distance_m"] == pytest.approx(60) and people[50]["distance_m"] == pytest.approx(50)
    assert people[40]["distance_m"] is None and people[60]["distance_m"] is None
    assert people[20]["time_min"] == pytest.approx(150 / (4.8 * 1000 / 60))
    # catchment 250 m: north reaches 10 (5), 20 (200), 50 (200); east reaches 20, 30, 50 (and 10 at 255: no)
    r_north, r_east = 30 / (10 + 20 + 50), 12 / (20 + 30 + 50)
    expected = {10: r_north, 20: r_north + r_east, 30: r_east, 40: 0, 50: r_north + r_east, 60: 0}
    for pop, score in expected.items():
        assert people[pop]["score_per_1000"] == pytest.approx(1000 * score), pop
    facilities = rows(output(results, "OUTPUT_FACILITIES"), "facility_id")
    assert facilities["north"]["demand_in_reach"] == 80 and facilities["east"]["per_1000"] == pytest.approx(120)
    # territory means weighted by population: west holds 10, 20, 60 (90 people); east 30, 40, 50 (120)
    west = (10 * expected[10] + 20 * expected[20]) * 1000 / 90
    east = (30 * expected[30] + 50 * expected[50]) * 1000 / 120
    territories = rows(output(results, "OUTPUT_TERRITORIES"), "code")
    assert territories["west"]["service_score_per_1000"] == pytest.approx(west)
    assert territories["east"]["service_score_per_1000"] == pytest.approx(east)
    mean = (90 * west + 120 * east) / 210
    gini = 90 * 120 * abs(west - east) * 2 / (2 * 210 ** 2 * mean)
    theil = (90 * (west / mean) * math.log(west / mean) + 120 * (east / mean) * math.log(east / mean)) / 210
    assert results["GINI"] == pytest.approx(gini) and results["THEIL"] == pytest.approx(theil)
    assert results["CLASS_RATIO"] == pytest.approx(max(west, east) / min(west, east))  # one class per zone
    assert results["CLASS_THEIL"] == pytest.approx(theil)
    # mean distances among those who reach a facility: west (10 at 5, 20 at 150), east (30 at 60, 50 at 50)
    d_west, d_east = (10 * 5 + 20 * 150) / 30, (30 * 60 + 50 * 50) / 80
    assert territories["west"]["service_distance_m"] == pytest.approx(d_west)
    assert results["CLASS_RATIO_DISTANCE"] == pytest.approx(max(d_west, d_east) / min(d_west, d_east))
    assert results["MEAN_DISTANCE"] == pytest.approx((10 * 5 + 20 * 150 + 30 * 60 + 50 * 50) / 110)
    assert results["UNREACHED"] == 100 and results["METHOD"] == "network"
    classes = rows(output(results, "OUTPUT_CLASSES"), "class")
    assert classes["urban"]["mean_score"] == pytest.approx(west) and classes["rural"]["population"] == 120
    # one class per zone: urban is west, rural is east; each class's score over the best class's
    assert classes["urban"]["score_to_best"] == pytest.approx(west / max(west, east))
    assert classes["rural"]["score_to_best"] == pytest.approx(east / max(west, east))
    assert classes["rural"]["mean_distance_m"] == pytest.approx(d_east)
    table = rows(output(results, "OUTPUT_INEQUALITY"), ("indicator", "scope"))
    assert table[("score", "territories")]["gini"] == pytest.approx(gini)
    assert table[("distance", "classes")]["groups"] == 2
    assert any("reach no facility" in m for m in messages)


def test_service_access_straight_lines(run_alg, with_schools):
    results, _ = run_alg("alliance:serviceaccess", service_parameters(with_schools, NETWORK=None))
    people = rows(output(results, "OUTPUT"), "pop")
    assert people[40]["distance_m"] == pytest.approx(math.hypot(250, 200))
    assert people[60]["distance_m"] == pytest.approx(305)
    assert results["METHOD"] == "euclidean proxy" and results["UNREACHED"] == 0
    for key in ("OUTPUT", "OUTPUT_INEQUALITY", "OUTPUT_FACILITIES", "OUTPUT_TERRITORIES", "OUTPUT_CLASSES"):
        assert {f["method"] for f in output(results, key).getFeatures()} == {"euclidean proxy"}, key


def save(layer, path):
    from qgis.core import QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsProject.instance().transformContext(),
                                                      options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return str(path)


def test_numbers_feed_a_model(plugin, with_schools, tmp_path, h):
    """A model buffers the schools by the mean walking distance that alliance:serviceaccess returns."""
    from qgis import processing
    from qgis.core import (QgsApplication, QgsProcessingModelAlgorithm, QgsProcessingModelChildAlgorithm,
                           QgsProcessingModelChildParameterSource as Source, QgsProcessingModelOutput)

    paths = {name: save(with_schools[name], tmp_path / f"{name}.gpkg") for name in ("schools", "people", "streets")}
    model = QgsProcessingModelAlgorithm("Buffer by mean distance", "alliance tests")
    access = QgsProcessingModelChildAlgorithm("alliance:serviceaccess")
    access.setChildId("access")
    static = {"SUPPLY": paths["schools"], "POPULATION": paths["people"], "POPULATION_FIELD": "pop",
              "NETWORK": paths["streets"], "SNAP_TOLERANCE": 60, "CATCHMENT": 250}
    for definition in QgsApplication.processingRegistry().algorithmById("alliance:serviceaccess") \
            .parameterDefinitions():
        if not definition.isDestination():
            access.addParameterSources(definition.name(), [Source.fromStaticValue(
                static.get(definition.name(), definition.defaultValue()))])
    model.addChildAlgorithm(access)
    buffer = QgsProcessingModelChildAlgorithm("native:buffer")
    buffer.setChildId("buffer")
    buffer.addParameterSources("INPUT", [Source.fromStaticValue(paths["schools"])])
    buffer.addParameterSources("DISTANCE", [Source.fromChildOutput("access", "MEAN_DISTANCE")])
    for key, value in (("SEGMENTS", 64), ("END_CAP_STYLE", 0), ("JOIN_STYLE", 0), ("MITER_LIMIT", 2),
                       ("DISSOLVE", False)):
        buffer.addParameterSources(key, [Source.fromStaticValue(value)])
    out = QgsProcessingModelOutput("zones", "Zones")
    out.setChildOutputName("OUTPUT")
    buffer.setModelOutputs({"zones": out})
    model.addChildAlgorithm(buffer)
    assert model.validate()[0], model.validate()[1]
    key = h.model_output(model, "buffer", "zones")
    results = processing.run(model, {key: str(tmp_path / "zones.gpkg")})
    zones = QgsVectorLayer(results[key], "zones", "ogr")
    mean = (10 * 5 + 20 * 150 + 30 * 60 + 50 * 50) / 110  # as in the test above
    for feature in zones.getFeatures():
        assert feature.geometry().area() == pytest.approx(math.pi * mean ** 2, rel=0.01)


def test_population_without_geometry_in_a_geopackage(run_alg, layers, h, tmp_path):
    """A GeoPackage's NULL and empty points count without access, on both reading paths (empty ones crashed)."""
    rows_ = [(f"POINT({x} {y})", [p, s, t]) for x, y, p, s, t in PEOPLE] + [(None, [5, "f", "west"]),
                                                                           ("POINT EMPTY", [7, "m", "east"])]
    people = h.memory_layer(f"Point?crs={CRS}&field=pop:double&field=sex:string&field=zone:string", rows_, "people")
    path = save(people, tmp_path / "people.gpkg")
    for destination in ("memory:", str(tmp_path / "out.gpkg")):  # QGIS's sink, and pyogrio's when it applies
        results, messages = run_alg("alliance:transitaccess", base_parameters(layers, POPULATION=path,
                                                                               OUTPUT=destination))
        assert results["POPULATION_TOTAL"] == 222 and results["POPULATION_WITH_ACCESS"] == 60
        out = rows(output(results, "OUTPUT"), "pop")
        assert out[5]["access"] == 0 and out[5]["placed"] == 0 and out[7]["access"] == 0 and out[7]["placed"] == 0
        assert any("2 population features have no geometry" in m for m in messages), messages


def spatial_index(path):
    """The R-tree of a one-layer GeoPackage: its entries, its table's and triggers' SQL, its extension rows,
    SQLite's own check."""
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(path)) as db:
        layer, column = db.execute("SELECT table_name, column_name FROM gpkg_geometry_columns").fetchone()
        name = f"rtree_{layer}_{column}"
        return {"entries": db.execute(f'SELECT * FROM "{name}" ORDER BY id').fetchall(),
                "sql": sorted(db.execute("SELECT type, replace(name, ?1, 'LAYER'), replace(sql, ?1, 'LAYER') FROM "
                                         "sqlite_master WHERE name LIKE 'rtree%'", (layer,))),
                "extensions": db.execute("SELECT extension_name, definition, scope FROM gpkg_extensions WHERE "
                                         "table_name = ?", (layer,)).fetchall(),
                "check": db.execute(f"SELECT rtreecheck('{name}')").fetchone()[0]}


def test_population_written_by_pyogrio_has_the_spatial_index_qgis_writes(run_alg, layers, tmp_path, monkeypatch):
    """The people written back by pyogrio get their R-tree in one pass (fast_path.write_gpkg): the same entries,
    keyed by the input's fids (with gaps), NULL and empty points left out, the same tables and triggers as
    through QGIS's sink (GDAL's own index)."""
    import sqlite3
    from contextlib import closing

    from alliance_territories.alliance_plugin.qgis_io import fast_path

    import geopandas as gpd
    import pyogrio
    import shapely

    rows_ = [(shapely.Point(x + 0.1, y - 0.3), p, s, t) for x, y, p, s, t in PEOPLE] + [
        (None, 5, "f", "west"), (shapely.Point(), 7, "m", "east"), (shapely.Point(-3.3, 7.7), 9, "f", "west")]
    path = str(tmp_path / "people.gpkg")  # text fields without a width: the pyogrio path applies
    pyogrio.write_dataframe(gpd.GeoDataFrame({"pop": [r[1] for r in rows_], "sex": [r[2] for r in rows_],
                                              "zone": [r[3] for r in rows_]},
                                             geometry=[r[0] for r in rows_], crs=CRS), path, layer="people")
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("DELETE FROM people WHERE fid IN (2, 4)")  # fids 1, 3, 5, ...: not the row numbers
    indexes = {}
    for label, usable in (("pyogrio", True), ("qgis", False)):
        with monkeypatch.context() as patch:
            if not usable:
                patch.setattr(fast_path, "pyogrio_usable", lambda: False)
            destination = str(tmp_path / f"out_{label}.gpkg")
            results, messages = run_alg("alliance:transitaccess", base_parameters(
                layers, POPULATION=path, OUTPUT=destination))
        assert results["POPULATION_TOTAL"] == 222 - 20 - 40 + 9
        assert any("features with pyogrio" in m for m in messages) == usable, "\n".join(messages)
        indexes[label] = spatial_index(destination)
    fast, qgis = indexes["pyogrio"], indexes["qgis"]
    assert [entry[0] for entry in fast["entries"]] == [1, 3, 5, 6, 9]  # no row for the NULL (7) and empty (8)
    assert fast == qgis and fast["check"] == "ok"


def test_street_file_read_with_pyogrio_walks_as_the_layer(run_alg, layers, h, tmp_path, monkeypatch):
    """A street network in a GeoPackage (in the computation's CRS) is read with pyogrio, without its attributes:
    every person walks the same distance to the same stop as with the same streets read by QGIS."""
    from alliance_territories.alliance_plugin.qgis_io import fast_path

    path = save(layers["streets"], tmp_path / "streets.gpkg")
    read = []
    original = fast_path.read_file
    monkeypatch.setattr(fast_path, "read_file", lambda *args: read.append(args) or original(*args))
    outputs = {}
    for label, network in (("layer", layers["streets"]), ("file", path)):
        results, _ = run_alg("alliance:transitaccess", base_parameters(layers, NETWORK=network))
        outputs[label] = {pop: (row["access"], row["distance_m"], row["nearest_stop"], row["snap_m"])
                          for pop, row in rows(output(results, "OUTPUT"), "pop").items()}
    assert [args[0] for args in read] == [path] and read[0][2] == []  # the streets, no attribute
    assert outputs["file"] == outputs["layer"] and outputs["file"][10][:3] == (1, 5.0, "A")
