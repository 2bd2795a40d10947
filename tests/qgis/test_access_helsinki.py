"""Access on real data: central Helsinki from OpenStreetMap (sample_data/helsinki, ODbL).

Layers are taken from the .osm.pbf as QGIS reads it:

- streets: the ``lines`` layer with a ``highway`` tag, except platforms, elevators, corridors,
  construction and proposed roads (footways, steps and cycleways are walked);
- stops: bus stops (``highway=bus_stop``, mode bus), tram stops (``railway=tram_stop``, tram)
  and railway stations (``railway=station``, rail: high capacity);
- population, a documented rule (OSM has no residents): every building holds
  footprint area x levels / 40 m2 of floor per person, levels from ``building:levels``
  (4 when the tag is missing, the usual height of the centre's blocks);
- health services: pharmacies, doctors, dentists and clinics (``amenity`` points).
"""

import random

import pytest
from qgis.core import (QgsCoordinateReferenceSystem, QgsProcessingContext,
                       QgsProcessingFeedback, QgsProject)

from alliance_territories.alliance_plugin.qgis_io import compat

METRIC = "EPSG:3067"
LEVELS = """coalesce(to_real(nullif(regexp_substr("other_tags", '"building:levels"=>"([0-9.]+)"'), '')), 4)"""


def native(alg, parameters):
    from qgis import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setEllipsoid("NONE")  # planimetric lengths in the layer's CRS, as ours
    context.setInvalidGeometryCheck(compat.InvalidGeometryCheck.NoCheck)
    return processing.run(alg, parameters, context=context, feedback=QgsProcessingFeedback())


@pytest.fixture(scope="module")
def helsinki(plugin, data_dir):
    pbf = data_dir / "helsinki" / "Helsinki.osm.pbf"

    def extract(layer, expression, crs=None):
        out = native("native:extractbyexpression", {"INPUT": f"{pbf}|layername={layer}",
                                                    "EXPRESSION": expression, "OUTPUT": "memory:"})["OUTPUT"]
        if crs:
            out = native("native:reprojectlayer", {"INPUT": out, "TARGET_CRS": QgsCoordinateReferenceSystem(crs),
                                                   "OUTPUT": "memory:"})["OUTPUT"]
        return out

    def field(layer, name, kind, formula):
        return native("native:fieldcalculator", {"INPUT": layer, "FIELD_NAME": name, "FIELD_TYPE": kind,
                                                 "FIELD_LENGTH": 20, "FIELD_PRECISION": 3, "FORMULA": formula,
                                                 "OUTPUT": "memory:"})["OUTPUT"]

    walkable = """"highway" IS NOT NULL AND "highway" NOT IN ('platform', 'elevator', 'corridor', 'construction',
                  'proposed')"""
    stops = """"highway" = 'bus_stop' OR "other_tags" LIKE '%"railway"=>"tram_stop"%'
               OR "other_tags" LIKE '%"railway"=>"station"%'"""
    mode = """CASE WHEN "other_tags" LIKE '%"railway"=>"station"%' THEN 'rail'
                   WHEN "other_tags" LIKE '%"railway"=>"tram_stop"%' THEN 'tram' ELSE 'bus' END"""
    health = """regexp_substr("other_tags", '"amenity"=>"(pharmacy|doctors|dentist|clinic)"') <> ''"""
    layers = {"streets_wgs84": extract("lines", walkable), "streets": extract("lines", walkable, METRIC)}
    layers["stops_wgs84"] = field(extract("points", stops), "mode", 2, mode)
    layers["stops"] = field(extract("points", stops, METRIC), "mode", 2, mode)
    buildings = extract("multipolygons", '"building" IS NOT NULL', METRIC)
    layers["buildings"] = field(buildings, "pop", 0, f"round($area * {LEVELS} / 40, 1)")
    # one point inside each building, chosen in metres, so that both CRSs place people alike
    layers["residents"] = native("native:pointonsurface", {"INPUT": layers["buildings"], "OUTPUT": "memory:"})[
        "OUTPUT"]
    layers["residents_wgs84"] = native("native:reprojectlayer", {
        "INPUT": layers["residents"], "TARGET_CRS": QgsCoordinateReferenceSystem("EPSG:4326"),
        "OUTPUT": "memory:"})["OUTPUT"]
    layers["health"] = extract("points", health, METRIC)
    assert layers["streets"].featureCount() > 2000 and layers["stops"].featureCount() > 100
    assert layers["buildings"].featureCount() > 400 and layers["health"].featureCount() >= 10
    return layers


def points_on_streets(streets, count, seed):
    """Random points exactly on random street lines (no snap distance on either side)."""
    rng = random.Random(seed)
    features = list(streets.getFeatures())
    out = []
    while len(out) < count:
        geometry = rng.choice(features).geometry()
        if geometry.length() > 1:
            out.append(geometry.interpolate(rng.uniform(0, geometry.length())).asPoint())
    return out


def test_network_distances_match_qgis_shortest_path(run_alg, helsinki, h):
    streets = helsinki["streets"]
    compared = 0
    for seed in (1, 2):
        start, *ends = points_on_streets(streets, 9, seed)
        supply = h.memory_layer(f"Point?crs={METRIC}&field=name:string",
                                [(f"POINT({start.x()} {start.y()})", ["start"])])
        demand = h.memory_layer(f"Point?crs={METRIC}&field=k:integer",
                                [(f"POINT({p.x()} {p.y()})", [i]) for i, p in enumerate(ends)])
        results, _ = run_alg("alliance:serviceaccess", {
            "SUPPLY": supply, "POPULATION": demand, "NETWORK": streets, "SNAP_TOLERANCE": 1, "CATCHMENT": 500,
            "OUTPUT": "memory:", "OUTPUT_INEQUALITY": "memory:"})
        ours = {f["k"]: value(f, "distance_m") for f in results["OUTPUT"].getFeatures()}
        for i, end in enumerate(ends):
            try:
                theirs = native("native:shortestpathpointtopoint", {
                    "INPUT": streets, "STRATEGY": 0, "TOLERANCE": 0.01,
                    "START_POINT": f"{start.x()},{start.y()} [{METRIC}]",
                    "END_POINT": f"{end.x()},{end.y()} [{METRIC}]", "OUTPUT": "memory:"})
            except Exception:  # noqa: BLE001 - QGIS raises when there is no path
                assert ours[i] is None, (seed, i)
                continue
            cost = next(theirs["OUTPUT"].getFeatures())["cost"]
            assert ours[i] == pytest.approx(cost, abs=1.0), (seed, i)
            compared += 1
    assert compared >= 12


@pytest.fixture(scope="module")
def sdg(helsinki, plugin):
    from qgis import processing

    def run(**layers):
        context = QgsProcessingContext()
        context.setInvalidGeometryCheck(compat.InvalidGeometryCheck.NoCheck)
        feedback = QgsProcessingFeedback()
        parameters = {"POPULATION_FIELD": "pop", "CAPACITY_FIELD": "mode", "SNAP_TOLERANCE": 200,
                      "OUTPUT": "memory:", "OUTPUT_SHARES": "memory:", "OUTPUT_AREAS": "memory:"}
        parameters.update(layers)
        return processing.run("alliance:transitaccess", parameters, context=context, feedback=feedback)

    return {
        "network": run(POPULATION=helsinki["buildings"], STOPS=helsinki["stops"], NETWORK=helsinki["streets"]),
        "proxy": run(POPULATION=helsinki["buildings"], STOPS=helsinki["stops"]),
        "residents": run(POPULATION=helsinki["residents"], STOPS=helsinki["stops"], NETWORK=helsinki["streets"]),
        "wgs84": run(POPULATION=helsinki["residents_wgs84"], STOPS=helsinki["stops_wgs84"],
                     NETWORK=helsinki["streets_wgs84"]),
    }


def value(feature, name):
    """A feature's value, None for NULL."""
    v = feature[name]
    return None if v is None or (type(v).__name__ == "QVariant" and v.isNull()) else v


def by_id(layer):
    return {value(f, "osm_way_id") or value(f, "osm_id"): f for f in layer.getFeatures()}


def test_helsinki_sdg_11_2_1(sdg, helsinki):
    network, proxy = sdg["network"], sdg["proxy"]
    total = sum(f["pop"] or 0 for f in helsinki["buildings"].getFeatures())
    assert network["POPULATION_TOTAL"] == pytest.approx(total) == proxy["POPULATION_TOTAL"]
    assert network["QUALIFYING_STOPS"] == helsinki["stops"].featureCount()
    # the centre is dense in stops: most people have access, and walking never beats the straight line
    assert 50 < network["SHARE"] <= proxy["SHARE"] <= 100
    walked, straight = by_id(network["OUTPUT"]), by_id(proxy["OUTPUT"])
    assert walked.keys() == straight.keys() and len(walked) == helsinki["buildings"].featureCount()
    # the numbers are those of the per-building output, summed here
    for results, people in ((network, walked), (proxy, straight)):
        reached = sum(value(f, "pop") or 0 for f in people.values() if f["access"] == 1)
        assert results["POPULATION_WITH_ACCESS"] == pytest.approx(reached)
        assert results["SHARE"] == pytest.approx(100 * reached / total)
    for key, feature in walked.items():
        if feature["access"]:
            assert straight[key]["access"] == 1, key
        if value(feature, "distance_m") is not None:
            assert feature["distance_m"] >= straight[key]["distance_m"] - 1e-6, key
    # service areas are the street pieces drawn: the length field is their length
    drawn = [a for a in network["OUTPUT_AREAS"].getFeatures() if not a.geometry().isNull()]
    for area in drawn:
        assert area["length_m"] == pytest.approx(area.geometry().length(), rel=1e-6)
    assert network["OUTPUT_AREAS"].featureCount() == network["QUALIFYING_STOPS"] and len(drawn) > 100
    for area in network["OUTPUT_AREAS"].getFeatures():
        if area.geometry().isNull():  # off the streets, or every street nearer another stop
            assert area["length_m"] == 0 and area["population_nearest"] == 0


def test_helsinki_in_degrees_is_measured_in_metres(sdg):
    """The same data in WGS84: reprojected to a local equal-area projection, same answer."""
    metric, wgs84 = by_id(sdg["residents"]["OUTPUT"]), by_id(sdg["wgs84"]["OUTPUT"])
    assert sdg["wgs84"]["SHARE"] == pytest.approx(sdg["residents"]["SHARE"], abs=1.0)
    agree = sum(metric[k]["access"] == wgs84[k]["access"] for k in metric)
    assert agree >= 0.98 * len(metric)
    close = [abs(metric[k]["distance_m"] - wgs84[k]["distance_m"]) <= 0.005 * metric[k]["distance_m"] + 1
             for k in metric if value(metric[k], "distance_m") and value(wgs84[k], "distance_m")]
    assert len(close) > 300 and sum(close) >= 0.98 * len(close)


def test_helsinki_health_services(run_alg, helsinki):
    results, messages = run_alg("alliance:serviceaccess", {
        "SUPPLY": helsinki["health"], "POPULATION": helsinki["buildings"], "POPULATION_FIELD": "pop",
        "NETWORK": helsinki["streets"], "CATCHMENT": 800, "OUTPUT": "memory:", "OUTPUT_INEQUALITY": "memory:",
        "OUTPUT_FACILITIES": "memory:"})
    people = list(results["OUTPUT"].getFeatures())
    reached = [f for f in people if value(f, "distance_m") is not None]
    assert len(reached) >= 0.9 * len(people)
    assert 0 < results["MEAN_DISTANCE"] < 800
    # the mean distance weighted by population over those who reach a facility, summed here
    weights = sum(value(f, "pop") or 0 for f in reached)
    assert results["MEAN_DISTANCE"] == pytest.approx(sum(f["distance_m"] * (value(f, "pop") or 0)
                                                         for f in reached) / weights)
    unreached = sum(value(f, "pop") or 0 for f in people if value(f, "distance_m") is None)
    assert results["UNREACHED"] == pytest.approx(unreached)
    # 2SFCA conserves the supply: capacity of facilities with someone in reach = sum of score x population
    facilities = list(results["OUTPUT_FACILITIES"].getFeatures())
    served = sum(f["capacity"] for f in facilities if (value(f, "demand_in_reach") or 0) > 0)
    shared = sum(f["score_per_1000"] * (value(f, "pop") or 0) for f in people) / 1000
    assert shared == pytest.approx(served, rel=1e-6)
