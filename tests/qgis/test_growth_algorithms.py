"""The urban-growth algorithms through QGIS: urbangrowth, growthbuffers, landconsumption, degurba.

Known answers come from hand-made squares in Lambert-93 (EPSG:2154) or the
European grid CRS (EPSG:3035), placed far from the CRS origin; the buffers are
checked against QGIS's own native:buffer and native:dissolve; SDG 11.3.1 against
the formula computed here, on the Canadian provinces with built-up squares made
up for the test (documented in :func:`canada_built_up`).
"""

import math
import struct

import pytest
from qgis.core import QgsGeometry, QgsProcessingException, QgsVectorLayer

X0, Y0 = 700000.0, 6600000.0
L93 = "EPSG:2154"


def box(x0, y0, x1, y1):
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


def rect(x0, y0, x1, y1):
    """A rectangle relative to (X0, Y0)."""
    return box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def layer(h, rows, fields="", crs=L93, name="layer", kind="Polygon"):
    return h.memory_layer(f"{kind}?crs={crs}{fields}", rows, name)


def reproject(run_alg, source, crs):
    results, _ = run_alg("native:reprojectlayer", {"INPUT": source, "TARGET_CRS": crs, "OUTPUT": "memory:"})
    return results["OUTPUT"]


def _attributes(feature):
    """A feature's attributes by name (QGIS NULL as None) and its geometry as ``_geometry``."""
    attrs = {name: feature[name] for name in feature.fields().names()}
    attrs = {k: (None if v is None or str(type(v)).endswith("QVariant'>") else v) for k, v in attrs.items()}
    attrs["_geometry"] = feature.geometry()
    return attrs


def _features(source, field):
    """{value of ``field``: attributes} of every feature."""
    return {attrs[field]: attrs for attrs in map(_attributes, source.getFeatures())}


def total_area(source):
    return sum(f.geometry().area() for f in source.getFeatures())


# Urban growth patches ----------------------------------------------------------------------------------------

# Old built-up: a 300 m square block with a 100 m hole in its middle, as four rectangles.
OLD = [rect(0, 0, 300, 100), rect(0, 200, 300, 300), rect(0, 100, 100, 200), rect(200, 100, 300, 200)]
# New: the hole (infill), a square against the block's east side (edge), a square far away (outlying).
INFILL, EDGE, OUTLYING = rect(100, 100, 200, 200), rect(300, 0, 400, 100), rect(1000, 1000, 1050, 1050)


def edge_lei(segments=8):
    """LEI of EDGE with a 1 m ring: old land is its 100 m west strip plus the quarter circle at the
    block's corner (x 300, y 100) that lies in the old block; the ring is 4 sides and 4 quarter circles,
    each a polygon of ``segments`` segments (area 0.5 * segments * sin(pi / 2 / segments))."""
    quarter = 0.5 * segments * math.sin(math.pi / 2 / segments)
    return 100 * (100 + quarter) / (400 + 4 * quarter)


def territories_layer(h, crs=L93):
    return layer(h, [(rect(-1000, -1000, 500, 2000), ["W"]), (rect(500, -1000, 2000, 2000), ["E"]),
                     (rect(2000, -1000, 3000, 2000), ["EMPTY"])], "&field=code:string", crs, "territories")


def run_growth(run_alg, before, after, **extra):
    parameters = {"BUILT_UP": after, "BUILT_UP_BEFORE": before, "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:"}
    parameters.update(extra)
    return run_alg("alliance:urbangrowth", parameters)


def check_patches(patches):
    by_class = _features(patches, "growth_class")
    assert sorted(by_class) == ["edge_expansion", "infill", "outlying"] and patches.featureCount() == 3
    infill, edge, outlying = by_class["infill"], by_class["edge_expansion"], by_class["outlying"]
    assert outlying["patch_id"] == 3  # numbered from the largest
    assert infill["growth_class"] == "infill" and infill["lei"] == pytest.approx(100.0)
    assert infill["area"] == pytest.approx(10000.0) and infill["distance"] == pytest.approx(0.0, abs=1e-6)
    assert edge["growth_class"] == "edge_expansion" and edge["lei"] == pytest.approx(edge_lei(), abs=1e-3)
    assert edge["area"] == pytest.approx(10000.0)
    assert outlying["growth_class"] == "outlying" and outlying["lei"] == 0.0
    assert outlying["area"] == pytest.approx(2500.0) and outlying["ring_area"] is None
    assert outlying["distance"] == pytest.approx(700 * math.sqrt(2), rel=1e-9)
    return by_class


def test_urbangrowth_known_patches_and_summary(run_alg, h):
    before = layer(h, [(w, []) for w in OLD], name="before")
    after = layer(h, [(w, []) for w in OLD + [INFILL, EDGE, OUTLYING]], name="after")
    results, messages = run_growth(run_alg, before, after, TERRITORIES=territories_layer(h),
                                   TERRITORY_ID_FIELD="code")
    patches = check_patches(results["OUTPUT"])
    assert patches["outlying"]["territory"] == "E" and patches["infill"]["territory"] == "W"
    assert results["PATCHES"] == 3 and results["AREA_ADDED"] == pytest.approx(22500.0)
    assert "alliance:urbangrowth ring=1" in patches["infill"]["params"]
    summary = _features(results["OUTPUT_SUMMARY"], "code")
    assert set(summary) == {"W", "E", "EMPTY"}
    west, east, empty = summary["W"], summary["E"], summary["EMPTY"]
    assert west["area_infill"] == pytest.approx(10000.0) and west["area_edge_expansion"] == pytest.approx(10000.0)
    assert west["area_outlying"] == 0 and west["share_outlying"] == 0 and west["n_patches"] == 2
    assert east["area_outlying"] == pytest.approx(2500.0) and east["share_outlying"] == pytest.approx(1.0)
    assert empty["area_added"] == 0 and empty["share_outlying"] is None and empty["awmei"] is None
    assert west["awmei"] == pytest.approx((100 * 10000 + edge_lei() * 10000) / 20000, abs=1e-3)
    assert not west["_geometry"].isNull()  # the territories as given, with the growth added
    assert any("3 new patches" in m for m in messages)


def test_urbangrowth_whole_area_summary_without_territories(run_alg, h):
    before = layer(h, [(w, []) for w in OLD])
    after = layer(h, [(w, []) for w in [INFILL, EDGE, OUTLYING]])  # the second date need not repeat the first
    results, _ = run_growth(run_alg, before, after)
    check_patches(results["OUTPUT"])
    rows = list(results["OUTPUT_SUMMARY"].getFeatures())
    assert len(rows) == 1 and rows[0]["territory"] == "all"
    assert rows[0]["area_added"] == pytest.approx(22500.0)
    assert rows[0]["share_outlying"] == pytest.approx(2500 / 22500)


@pytest.mark.parametrize("kind", ["int", "date"])
def test_urbangrowth_one_layer_with_a_year_field(run_alg, h, kind):
    def when(year):
        return year if kind == "int" or year is None else f"{year}-06-30"

    rows = [(w, [when(1990)]) for w in OLD] + [(INFILL, [when(2005)]), (EDGE, [when(2010)]),
                                               (OUTLYING, [when(2000)]), (rect(5000, 0, 5100, 100), [when(2021)]),
                                               (rect(6000, 0, 6100, 100), [None])]
    built = layer(h, rows, f"&field=built:{'integer' if kind == 'int' else 'date'}")
    results, messages = run_alg("alliance:urbangrowth", {
        "BUILT_UP": built, "YEAR_FIELD": "built", "CUTOFF_YEAR": 1999, "END_YEAR": 2020,
        "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:"})
    check_patches(results["OUTPUT"])
    assert any("1 built-up features have no year" in m for m in messages)
    assert "cutoff_year=1999 end_year=2020" in next(results["OUTPUT"].getFeatures())["params"]


def test_urbangrowth_same_result_with_layers_in_two_crss(run_alg, h):
    before = layer(h, [(w, []) for w in OLD])
    after = layer(h, [(w, []) for w in OLD + [INFILL, EDGE, OUTLYING]])
    results, _ = run_growth(run_alg, reproject(run_alg, before, "EPSG:4326"), after,
                            TERRITORIES=reproject(run_alg, territories_layer(h), "EPSG:3857"),
                            TERRITORY_ID_FIELD="code")
    patches = check_patches(results["OUTPUT"])
    assert patches["outlying"]["territory"] == "E"
    assert results["OUTPUT"].crs().authid() == L93


def test_urbangrowth_geographic_built_up_is_reprojected(run_alg, h):
    before = reproject(run_alg, layer(h, [(w, []) for w in OLD]), "EPSG:4326")
    after = reproject(run_alg, layer(h, [(w, []) for w in OLD + [INFILL, EDGE, OUTLYING]]), "EPSG:4326")
    results, messages = run_growth(run_alg, before, after)
    assert any("EPSG:4326 is not in metres" in m and "Lambert azimuthal equal-area" in m for m in messages)
    classes = sorted(f["growth_class"] for f in results["OUTPUT"].getFeatures())
    assert classes == ["edge_expansion", "infill", "outlying"]
    # Lambert-93 is conformal, not equal-area: its areas differ from true ones by its scale factor.
    assert results["AREA_ADDED"] == pytest.approx(22500.0, rel=2e-3)


def test_urbangrowth_with_no_built_up_at_the_first_date(run_alg, h):
    results, messages = run_growth(run_alg, layer(h, []), layer(h, [(EDGE, []), (OUTLYING, [])]))
    patches = list(map(_attributes, results["OUTPUT"].getFeatures()))
    assert [p["growth_class"] for p in patches] == ["outlying", "outlying"]
    assert all(p["distance"] is None and p["lei"] == 0 for p in patches)
    assert any("No built-up at the first date" in m for m in messages)


def test_urbangrowth_bad_inputs(run_alg, h):
    after = layer(h, [(INFILL, [2000])], "&field=year:integer")
    with pytest.raises(QgsProcessingException, match="built-up at the first date is missing"):
        run_alg("alliance:urbangrowth", {"BUILT_UP": after, "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:"})
    with pytest.raises(QgsProcessingException, match="cut-off year"):
        run_alg("alliance:urbangrowth", {"BUILT_UP": after, "YEAR_FIELD": "year", "OUTPUT": "memory:",
                                         "OUTPUT_SUMMARY": "memory:"})
    with pytest.raises(QgsProcessingException, match="not both"):
        run_alg("alliance:urbangrowth", {"BUILT_UP": after, "BUILT_UP_BEFORE": after, "YEAR_FIELD": "year",
                                         "CUTOFF_YEAR": 1999, "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:"})
    with pytest.raises(QgsProcessingException, match="code field"):
        run_growth(run_alg, after, after, TERRITORIES=territories_layer(h))


# Growth buffers ----------------------------------------------------------------------------------------------

def native_dissolved_buffer_area(run_alg, source, distance, segments):
    buffered, _ = run_alg("native:buffer", {"INPUT": source, "DISTANCE": distance, "SEGMENTS": segments,
                                            "END_CAP_STYLE": 0, "JOIN_STYLE": 0, "DISSOLVE": False,
                                            "OUTPUT": "memory:"})
    dissolved, _ = run_alg("native:dissolve", {"INPUT": buffered["OUTPUT"], "OUTPUT": "memory:"})
    return total_area(dissolved["OUTPUT"])


@pytest.fixture()
def prague_buildings(run_alg, data_dir):
    """The 144 real buildings of Bubenec (momepy test data), in UTM 33N so that QGIS buffers in metres."""
    return reproject(run_alg, f"{data_dir / 'prague' / 'bubenec.gpkg'}|layername=buildings", "EPSG:32633")


def test_growthbuffers_agree_with_native_buffer_and_dissolve(run_alg, prague_buildings):
    results, _ = run_alg("alliance:growthbuffers", {"INPUT": prague_buildings, "DISTANCES": "50, 100 m, 0.25 km, 500",
                                                   "SEGMENTS": 8, "OUTPUT": "memory:"})
    rings = _features(results["OUTPUT"], "band")
    assert [rings[b]["label"] for b in range(5)] == ["urban core", "inner peri-urban", "outer peri-urban",
                                                     "outer peri-urban", "rural"]
    assert [rings[b]["outer"] for b in range(5)] == [0, 50, 100, 250, 500]
    cumulative = 0.0
    for band, distance in enumerate([0, 50, 100, 250, 500]):
        cumulative += rings[band]["_geometry"].area()
        assert rings[band]["area"] == pytest.approx(rings[band]["_geometry"].area(), rel=1e-9)
        if distance:
            expected = native_dissolved_buffer_area(run_alg, prague_buildings, distance, 8)
            assert cumulative == pytest.approx(expected, rel=1e-3)
    for band in range(1, 5):  # rings never overlap
        for other in range(band):
            overlap = rings[band]["_geometry"].intersection(rings[other]["_geometry"]).area()
            assert overlap < 1e-6 * rings[band]["area"]


def test_growthbuffers_geographic_input_is_reprojected(run_alg, h):
    squares = layer(h, [(rect(0, 0, 1000, 1000), []), (rect(3000, 0, 3500, 500), [])])
    metric, _ = run_alg("alliance:growthbuffers", {"INPUT": squares, "DISTANCES": "500, 1000", "OUTPUT": "memory:"})
    results, messages = run_alg("alliance:growthbuffers", {
        "INPUT": reproject(run_alg, squares, "EPSG:4326"), "DISTANCES": "500, 1000", "OUTPUT": "memory:"})
    assert any("EPSG:4326 is not in metres" in m and "Lambert azimuthal equal-area" in m for m in messages)
    expected = _features(metric["OUTPUT"], "band")
    for band, ring in _features(results["OUTPUT"], "band").items():
        # Lambert-93's scale factor here (about 1.0007) sets the tolerance.
        assert ring["area"] == pytest.approx(expected[band]["area"], rel=3e-3)
        assert ring["label"] == expected[band]["label"]
    assert results["OUTPUT"].crs().authid() == "EPSG:4326"  # computed in LAEA, written in the input's CRS


def test_growthbuffers_prospective_buffer(run_alg, h):
    city = layer(h, [(rect(0, 0, 500, 1000), [6000]), (rect(500, 0, 1000, 1000), [4000])], "&field=pop:double")
    # 10,000 inhabitants on 1 km2 growing 10 % in one year: 1,000 more at the observed 10,000 per km2 need
    # 100,000 m2, a band of width d with 4,000 d + pi d2 = 100,000.
    results, _ = run_alg("alliance:growthbuffers", {
        "INPUT": city, "DISTANCES": "500", "POPULATION_FIELD": "pop", "GROWTH_RATE": 10.0, "HORIZON": 1.0,
        "OUTPUT": "memory:", "OUTPUT_PROSPECTIVE": "memory:"})
    band = next(results["OUTPUT_PROSPECTIVE"].getFeatures())
    width = (-4000 + math.sqrt(4000 ** 2 + 4 * math.pi * 100000)) / (2 * math.pi)
    assert band["label"] == "prospective growth"
    assert band["current_pop"] == pytest.approx(10000) and band["projected_pop"] == pytest.approx(11000)
    assert band["land_demand"] == pytest.approx(100000) and band["band_area"] == pytest.approx(100000, rel=1e-3)
    assert band["density"] == pytest.approx(10000) and band.geometry().area() == pytest.approx(100000, rel=1e-3)
    assert results["PROSPECTIVE_DISTANCE"] == pytest.approx(width, abs=0.05)
    # A target area instead, and a population given as a value at another density.
    target, _ = run_alg("alliance:growthbuffers", {
        "INPUT": city, "DISTANCES": "500", "TARGET_AREA": 10.0, "OUTPUT": "memory:", "OUTPUT_PROSPECTIVE": "memory:"})
    assert next(target["OUTPUT_PROSPECTIVE"].getFeatures())["band_area"] == pytest.approx(100000, rel=1e-3)
    value, _ = run_alg("alliance:growthbuffers", {
        "INPUT": city, "DISTANCES": "500", "POPULATION": 10000, "GROWTH_RATE": 10.0, "HORIZON": 1.0,
        "DENSITY": 5000, "OUTPUT": "memory:", "OUTPUT_PROSPECTIVE": "memory:"})
    assert next(value["OUTPUT_PROSPECTIVE"].getFeatures())["land_demand"] == pytest.approx(200000)
    assert "growth_rate_pct=10 horizon=1 density=5000" in next(value["OUTPUT_PROSPECTIVE"].getFeatures())["params"]
    still, messages = run_alg("alliance:growthbuffers", {
        "INPUT": city, "DISTANCES": "500", "POPULATION": 10000, "GROWTH_RATE": 0.0, "OUTPUT": "memory:",
        "OUTPUT_PROSPECTIVE": "memory:"})
    assert still["PROSPECTIVE_DISTANCE"] == 0 and any("No land demand" in m for m in messages)


def test_growthbuffers_feed_the_land_tenure_overlay(run_alg, h):
    city = layer(h, [(rect(0, 0, 1000, 1000), [])])
    rings, _ = run_alg("alliance:growthbuffers", {"INPUT": city, "DISTANCES": "500, 1000, 2000",
                                                  "INCLUDE_CORES": False, "OUTPUT": "memory:"})
    assert {f["label"] for f in rings["OUTPUT"].getFeatures()} == {"inner peri-urban", "outer peri-urban", "rural"}
    parcels = layer(h, [(rect(1100, 0, 1200, 100), ["p1", "customary"]), (rect(2700, 0, 2800, 100), ["p2", "titre"]),
                        (rect(100, 100, 200, 200), ["p3", "squat"])], "&field=id:string&field=statut:string")
    overlay, _ = run_alg("alliance:landtenureoverlay", {
        "INPUT": parcels, "TENURE_FIELD": "statut", "GROWTH": [rings["OUTPUT"]], "ZONING": [rings["OUTPUT"]],
        "CLASS_FIELD": "label", "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:", "OUTPUT_PROXIES": "memory:"})
    out = _features(overlay["OUTPUT"], "id")
    assert out["p1"]["area_zoning_inner_peri_urban"] == pytest.approx(10000.0)
    assert out["p2"]["area_zoning_rural"] == pytest.approx(10000.0)
    assert out["p1"]["flag_insecure_growth"] == 1 and out["p3"]["flag_insecure_growth"] == 0


def test_growthbuffers_bad_inputs(run_alg, h):
    city = layer(h, [(rect(0, 0, 1000, 1000), [])])
    with pytest.raises(QgsProcessingException, match="'abc' is not a distance"):
        run_alg("alliance:growthbuffers", {"INPUT": city, "DISTANCES": "500, abc", "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="positive and increasing"):
        run_alg("alliance:growthbuffers", {"INPUT": city, "DISTANCES": "1000, 500", "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="need 3 labels"):
        run_alg("alliance:growthbuffers", {"INPUT": city, "DISTANCES": "500, 1000", "LABELS": "core; near",
                                           "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="needs the current population"):
        run_alg("alliance:growthbuffers", {"INPUT": city, "OUTPUT": "memory:", "OUTPUT_PROSPECTIVE": "memory:"})
    with pytest.raises(QgsProcessingException, match="is empty"):
        run_alg("alliance:growthbuffers", {"INPUT": layer(h, []), "OUTPUT": "memory:"})


# Land consumption, SDG 11.3.1 --------------------------------------------------------------------------------

# Four 10 km territories; built-up squares (m) with known unions: A's two first squares overlap by 0.25 km2,
# a square straddles the A/B border. Populations: A grows, B declines, C stagnates, D had no built-up.
TERRITORIES = [("A", 0, 10000, 12000), ("B", 5000, 4000, None), ("C", 3000, 3001, None), ("D", 1000, 1500, None)]
BUILT_T0 = [rect(1000, 1000, 2000, 2000), rect(1500, 1500, 2500, 2500), rect(9500, 5000, 10500, 6000),
            rect(12000, 1000, 13000, 2000), rect(21000, 1000, 22000, 2000)]
BUILT_T1_NEW = [rect(4000, 4000, 5000, 5000), rect(14000, 1000, 14500, 2000), rect(23000, 1000, 23100, 1100),
                rect(31000, 1000, 32000, 2000)]
EXPECTED_URB = {"A": (2.25e6, 3.25e6), "B": (1.5e6, 2.0e6), "C": (1.0e6, 1.01e6), "D": (0.0, 1.0e6)}
EXPECTED_POP = {"A": (10000, 12000), "B": (5000, 4000), "C": (3000, 3001), "D": (1000, 1500)}


def consumption_territories(h, crs=L93):
    rows = [(rect(10000 * i, 0, 10000 * (i + 1), 10000), [code, *EXPECTED_POP[code]])
            for i, code in enumerate("ABCD")]
    return layer(h, rows, "&field=code:string&field=pop2015:double&field=pop2020:double", crs, "territories")


def run_consumption(run_alg, territories, **extra):
    parameters = {"INPUT": territories, "ID_FIELD": "code", "POP_T0_FIELD": "pop2015", "POP_T1_FIELD": "pop2020",
                  "YEAR_T0": 2015, "YEAR_T1": 2020, "OUTPUT": "memory:"}
    parameters.update(extra)
    return run_alg("alliance:landconsumption", parameters)


def check_consumption(output, rel=1e-9):
    rows = _features(output, "code")
    for code, (u0, u1) in EXPECTED_URB.items():
        row = rows[code]
        assert row["urb_t0"] == pytest.approx(u0 / 1e6, rel=rel, abs=1e-9)
        assert row["urb_t1"] == pytest.approx(u1 / 1e6, rel=rel)
        for name, value in row.items():  # never an infinity, whatever the flag
            assert not isinstance(value, float) or math.isfinite(value), (code, name)
    a = rows["A"]
    lcr, pgr = math.log(3.25 / 2.25) / 5, math.log(12000 / 10000) / 5
    assert a["flag"] == "ok" and a["explanation"] in ("", None)
    assert a["lcr"] == pytest.approx(lcr, rel=max(rel, 1e-9)) and a["pgr"] == pytest.approx(pgr)
    assert a["lcrpgr"] == pytest.approx(lcr / pgr, rel=max(rel, 1e-9))
    assert a["urb_per_capita_t0"] == pytest.approx(225.0, rel=rel)
    assert a["urb_per_capita_t1"] == pytest.approx(3.25e6 / 12000, rel=rel)
    assert a["urb_per_new_inhabitant"] == pytest.approx(500.0, rel=max(rel, 1e-9))
    assert rows["B"]["flag"] == "declining" and rows["B"]["lcrpgr"] is None
    assert "fell from 5,000 to 4,000" in rows["B"]["explanation"] and rows["B"]["urb_per_new_inhabitant"] is None
    assert rows["C"]["flag"] == "stagnating" and rows["C"]["lcrpgr"] is None
    assert rows["C"]["urb_per_new_inhabitant"] == pytest.approx(10000.0, rel=max(rel, 1e-6))
    assert rows["D"]["flag"] == "no_built_up" and rows["D"]["lcr"] is None and rows["D"]["lcrpgr"] is None
    return rows


def test_landconsumption_known_squares_two_layers(run_alg, h):
    before = layer(h, [(w, []) for w in BUILT_T0])
    after = layer(h, [(w, []) for w in BUILT_T0 + BUILT_T1_NEW])
    results, messages = run_consumption(run_alg, consumption_territories(h), BUILT_UP=after, BUILT_UP_BEFORE=before)
    rows = check_consumption(results["OUTPUT"])
    assert results["FLAGGED"] == 3
    assert rows["A"]["params"].startswith("alliance:landconsumption years=2015-2020 stagnation=0.001 area_unit=km2")
    assert any(m.startswith("B: declining.") for m in messages)
    assert any(m.startswith("Whole area: built-up 4.75 -> 7.26 km2") for m in messages)


def test_landconsumption_one_layer_with_years_and_two_crss(run_alg, h):
    rows = [(w, [2010]) for w in BUILT_T0] + [(w, [2018]) for w in BUILT_T1_NEW] + \
        [(rect(5000, 5000, 6000, 6000), [2024])]  # after the second date: left out
    built = reproject(run_alg, layer(h, rows, "&field=year:integer"), "EPSG:4326")
    results, _ = run_consumption(run_alg, consumption_territories(h), BUILT_UP=built, YEAR_FIELD="year",
                                 AREA_UNIT=0)
    check_consumption(results["OUTPUT"], rel=1e-6)


def test_landconsumption_geographic_territories_are_reprojected(run_alg, h):
    before = layer(h, [(w, []) for w in BUILT_T0])
    after = layer(h, [(w, []) for w in BUILT_T0 + BUILT_T1_NEW])
    territories = reproject(run_alg, consumption_territories(h), "EPSG:4326")
    results, messages = run_consumption(run_alg, territories, BUILT_UP=after, BUILT_UP_BEFORE=before)
    assert any("EPSG:4326 is not in metres" in m for m in messages)
    # Areas are now true (equal-area) areas, Lambert-93's within its scale factor; the ratios barely move.
    rows = check_consumption(results["OUTPUT"], rel=3e-3)
    assert rows["A"]["_geometry"].boundingBox().xMinimum() < 180  # the territories as given, in degrees


def canada_built_up(h, provinces):
    """Built-up made up for the test (no observed built-up for 1966-71): for each province, a square centred
    on its pole of inaccessibility in Statistics Canada Lambert (EPSG:3347) of 100 m2 per inhabitant of 1966,
    and one of the same centre for 1971 whose area grows as (Pop1971/Pop1966)^1.5 (so LCRPGR = 1.5 exactly),
    or by 2 % where the population fell (New Brunswick, whose 1971 figure in the source is a known typo, and
    Saskatchewan). The squares lie inside the provinces (checked)."""
    rows, expected = [], {}
    for feature in provinces.getFeatures():
        p0, p1 = feature["pop1966"], feature["pop1971"]
        a0 = 100.0 * p0
        a1 = a0 * ((p1 / p0) ** 1.5 if p1 > p0 else 1.02)
        centre, _ = feature.geometry().poleOfInaccessibility(500.0)
        x, y = centre.asPoint().x(), centre.asPoint().y()
        for year, area in ((1966, a0), (1971, a1)):
            half = math.sqrt(area) / 2
            wkt = box(x - half, y - half, x + half, y + half)
            assert feature.geometry().contains(QgsGeometry.fromWkt(wkt)), feature["code"]
            rows.append((wkt, [year]))
        expected[feature["code"]] = (a0, a1, p0, p1)
    return layer(h, rows, "&field=year:integer", "EPSG:3347", "built"), expected


def test_landconsumption_sdg_11_3_1_on_canada(run_alg, h, data_dir):
    provinces = reproject(run_alg, f"{data_dir / 'canada' / 'ca_provinces.gpkg'}|layername=provinces", "EPSG:3347")
    built, expected = canada_built_up(h, provinces)
    results, messages = run_alg("alliance:landconsumption", {
        "INPUT": provinces, "ID_FIELD": "name", "POP_T0_FIELD": "pop1966", "POP_T1_FIELD": "pop1971",
        "YEAR_T0": 1966, "YEAR_T1": 1971, "BUILT_UP": built, "YEAR_FIELD": "year", "OUTPUT": "memory:"})
    rows = _features(results["OUTPUT"], "code")
    assert len(rows) == 10
    for code, (a0, a1, p0, p1) in expected.items():
        row = rows[code]
        assert row["urb_t0"] == pytest.approx(a0 / 1e6, rel=1e-6) and row["urb_t1"] == pytest.approx(a1 / 1e6, rel=1e-6)
        assert row["pgr"] == pytest.approx(math.log(p1 / p0) / 5, rel=1e-12)
        assert row["lcr"] == pytest.approx(math.log(a1 / a0) / 5, rel=1e-5)
        assert row["urb_per_capita_t0"] == pytest.approx(100.0, rel=1e-6)
        if p1 > p0:
            assert row["flag"] == "ok" and row["lcrpgr"] == pytest.approx(1.5, rel=1e-5)
            assert row["urb_per_new_inhabitant"] == pytest.approx((a1 - a0) / (p1 - p0), rel=1e-5)
        else:
            assert row["flag"] == "declining" and row["lcrpgr"] is None and row["urb_per_new_inhabitant"] is None
    assert rows["NB"]["flag"] == "declining" and "fell from 616,788 to 534,557" in rows["NB"]["explanation"]
    assert {c for c, r in rows.items() if r["flag"] != "ok"} == {"NB", "SASK"} and results["FLAGGED"] == 2
    assert any(m.startswith("New Brunswick: declining.") for m in messages)


def test_landconsumption_urban_extent(run_alg, h):
    territories = layer(h, [(rect(0, 0, 20000, 20000), ["T", 1000, 1100])],
                        "&field=code:string&field=pop2015:double&field=pop2020:double")
    before = layer(h, [(rect(10000, 10000, 10500, 10500), [])])
    after = layer(h, [(rect(10000, 10000, 11000, 11000), [])])
    results, messages = run_consumption(run_alg, territories, BUILT_UP=after, BUILT_UP_BEFORE=before,
                                        URBAN_EXTENT=True, EXTENT_CELL=50, EXTENT_RADIUS=300, EXTENT_FRINGE=50,
                                        OUTPUT_EXTENT="memory:")
    extent = {(f["year"], f["class"]): f for f in results["OUTPUT_EXTENT"].getFeatures()}
    # A 1 km square on 50 m cells with a 300 m radius: its outer ring of cells is suburban, 50 m of fringe.
    assert extent[(2020, "urban built-up")]["area"] == pytest.approx(900000.0)
    assert extent[(2020, "suburban built-up")]["area"] == pytest.approx(100000.0)
    assert extent[(2020, "fringe open space")]["area"] == pytest.approx(200000.0)
    for (year, name), feature in extent.items():
        assert feature.geometry().area() == pytest.approx(feature["area"])
        assert feature["in_extent"] == (name != "rural built-up")
    assert any(m.startswith("Urban extent 2020: 1,200,000 m2") for m in messages)


def test_urban_extent_dates_never_hide_one_another(run_alg, h):
    """Loaded, the urban extent shows the last date filled and the first one as outlines, labelled by year."""
    from qgis.core import QgsRuleBasedRenderer

    from alliance_territories.processing.styling import apply_style

    territories = layer(h, [(rect(0, 0, 20000, 20000), ["T", 1000, 1100])],
                        "&field=code:string&field=pop2015:double&field=pop2020:double")
    before = layer(h, [(rect(10000, 10000, 10500, 10500), [])])
    after = layer(h, [(rect(10000, 10000, 11000, 11000), [])])
    results, _ = run_consumption(run_alg, territories, BUILT_UP=after, BUILT_UP_BEFORE=before, URBAN_EXTENT=True,
                                 EXTENT_CELL=50, EXTENT_RADIUS=300, EXTENT_FRINGE=50, OUTPUT_EXTENT="memory:")
    extent = results["OUTPUT_EXTENT"]
    assert apply_style(extent)
    renderer = extent.renderer()
    assert isinstance(renderer, QgsRuleBasedRenderer)
    rules = {rule.label(): rule for rule in renderer.rootRule().children()}
    filled = rules["Urban built-up (2020)"].symbol().symbolLayer(0).fillColor()
    outline = rules["Urban built-up (2015)"].symbol().symbolLayer(0)
    assert filled.alpha() == 255 and outline.fillColor().alpha() == 0 and outline.strokeWidth() > 0.3
    # every feature falls in exactly one rule: the dates and classes partition the layer
    from qgis.core import QgsExpression, QgsFeatureRequest

    matched = [f.id() for rule in rules.values()
               for f in extent.getFeatures(QgsFeatureRequest(QgsExpression(rule.filterExpression())))]
    assert sorted(matched) == sorted(f.id() for f in extent.getFeatures())


def test_landconsumption_urban_extent_from_a_raster(run_alg, h, tmp_path):
    """The same 1 km square as a 0/1 built-up raster of 50 m cells gives the polygons' classes."""
    from osgeo import gdal, osr

    size, cell = 100, 50.0  # 5 km x 5 km; the square covers cells 40..59 in both directions
    left, top = X0 + 8000.0, Y0 + 13000.0
    path = str(tmp_path / "built.tif")
    raster = gdal.GetDriverByName("GTiff").Create(path, size, size, 1, gdal.GDT_Byte)
    raster.SetGeoTransform((left, cell, 0.0, top, 0.0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    raster.SetProjection(srs.ExportToWkt())
    values = bytes(1 if 40 <= r < 60 and 40 <= c < 60 else 0 for r in range(size) for c in range(size))
    raster.GetRasterBand(1).WriteRaster(0, 0, size, size, values)
    raster = None
    territories = layer(h, [(rect(0, 0, 20000, 20000), ["T", 1000, 1100])],
                        "&field=code:string&field=pop2015:double&field=pop2020:double")
    before = layer(h, [(rect(10000, 10000, 10500, 10500), [])])
    after = layer(h, [(rect(10000, 10000, 11000, 11000), [])])
    results, messages = run_consumption(run_alg, territories, BUILT_UP=after, BUILT_UP_BEFORE=before,
                                        URBAN_EXTENT=True, EXTENT_RASTER=path, EXTENT_RADIUS=300,
                                        EXTENT_FRINGE=50, OUTPUT_EXTENT="memory:")
    extent = {f["class"]: f["area"] for f in results["OUTPUT_EXTENT"].getFeatures()}
    assert extent["urban built-up"] == pytest.approx(900000.0)
    assert extent["suburban built-up"] == pytest.approx(100000.0)
    assert extent["fringe open space"] == pytest.approx(200000.0)
    assert any("from the raster" in m for m in messages)


def test_landconsumption_bad_inputs(run_alg, h):
    built = layer(h, [(w, []) for w in BUILT_T0])
    with pytest.raises(QgsProcessingException, match="must come after"):
        run_consumption(run_alg, consumption_territories(h), BUILT_UP=built, BUILT_UP_BEFORE=built, YEAR_T1=2015)
    negative = layer(h, [(rect(0, 0, 1000, 1000), ["N", -5, 10])],
                     "&field=code:string&field=pop2015:double&field=pop2020:double")
    with pytest.raises(QgsProcessingException, match="pop_t0 must not be negative"):
        run_consumption(run_alg, negative, BUILT_UP=built, BUILT_UP_BEFORE=built)
    with pytest.raises(QgsProcessingException, match="output for the urban extent"):
        run_consumption(run_alg, consumption_territories(h), BUILT_UP=built, BUILT_UP_BEFORE=built,
                        URBAN_EXTENT=True)


# Degree of urbanisation --------------------------------------------------------------------------------------

GX, GY = 4000000.0, 3000000.0  # the top-left corner of the test grids, in EPSG:3035
LAEA_EUROPE = "EPSG:3035"


def cell_wkt(row, col, size=1000.0):
    x, y = GX + col * size, GY - row * size
    return box(x, y - size, x + size, y)


def grid_layer(h, matrix, crs=LAEA_EUROPE):
    """One 1 km square per cell of ``matrix`` (row 0 north); None: no polygon there."""
    rows = [(cell_wkt(r, c), [r, c, value]) for r, line in enumerate(matrix) for c, value in enumerate(line)
            if value is not None]
    return layer(h, rows, "&field=r:integer&field=c:integer&field=pop:double", crs, "grid")


def classes(output):
    """{(row, col): attributes, NULL as None} of the classified cells."""
    return {(f["row"], f["col"]): f for f in map(_attributes, output.getFeatures())}


def run_degurba(run_alg, source, **extra):
    parameters = {"INPUT": source, "POPULATION_FIELD": "pop", "OUTPUT": "memory:"}
    parameters.update(extra)
    return run_alg("alliance:degurba", parameters)


def gap_matrix():
    """A ring of 8 cells of 6,500 (52,000) around an empty cell, in 100-inhabitant rural land."""
    matrix = [[100.0] * 5 for _ in range(5)]
    for r in range(1, 4):
        for c in range(1, 4):
            matrix[r][c] = 6500.0
    matrix[2][2] = 0.0
    return matrix


@pytest.mark.parametrize("gap, majority, expected", [(15, 5, 3), (15, 0, 3), (0, 5, 3), (0, 0, 1)])
def test_degurba_gap_filling_and_smoothing_fill_the_hole(run_alg, h, gap, majority, expected):
    results, _ = run_degurba(run_alg, grid_layer(h, gap_matrix()), MAX_GAP=gap, MAJORITY=majority)
    cells = classes(results["OUTPUT"])
    assert cells[(2, 2)]["cell_class"] == expected
    assert [cells[(1, c)]["cell_class"] for c in range(5)] == [1, 3, 3, 3, 1]
    assert cells[(1, 1)]["centre_id"] == 1 and cells[(1, 1)]["centre_pop"] == pytest.approx(52000.0)
    assert cells[(0, 0)]["centre_id"] is None and cells[(0, 0)]["cell_label"] == "rural grid cell"
    assert results["URBAN_CENTRES"] == 1
    assert cells[(0, 0)]["r"] == 0 and cells[(4, 3)]["c"] == 3  # the cells as given keep their fields


@pytest.mark.parametrize("majority, joins", [(5, True), (6, False), (0, False)])
def test_degurba_majority_rule(run_alg, h, majority, joins):
    """A notch in the north edge of a 3 x 4 centre (77,000): 5 of its 8 neighbours are in the centre."""
    matrix = [[0.0] * 6 for _ in range(5)]
    for r in range(1, 4):
        for c in range(1, 5):
            matrix[r][c] = 7000.0
    matrix[1][2] = 0.0
    results, _ = run_degurba(run_alg, grid_layer(h, matrix), MAJORITY=majority)
    cells = classes(results["OUTPUT"])
    assert cells[(1, 2)]["cell_class"] == (3 if joins else 1)
    assert cells[(2, 2)]["centre_pop"] == pytest.approx(77000.0)
    assert f"majority={majority or 'off'}" in cells[(2, 2)]["params"]


def test_degurba_four_connected_centres_eight_connected_clusters(run_alg, h):
    """Six cells of 30,000 on a diagonal: no 4-connected group reaches 50,000, so no urban centre, but they
    form one 8-connected urban cluster of 180,000; the same cells in a row form an urban centre."""
    diagonal = [[30000.0 if r == c else 0.0 for c in range(6)] for r in range(6)]
    units = layer(h, [(box(GX, GY - 6000, GX + 6000, GY), ["D"])], "&field=code:string", LAEA_EUROPE, "units")
    results, _ = run_degurba(run_alg, grid_layer(h, diagonal), UNITS=units, UNIT_ID_FIELD="code",
                             OUTPUT_UNITS="memory:")
    cells = classes(results["OUTPUT"])
    assert results["URBAN_CENTRES"] == 0 and results["URBAN_CLUSTERS"] == 1
    assert all(cells[(i, i)]["cell_class"] == 2 and cells[(i, i)]["cluster_id"] == 1 for i in range(6))
    assert cells[(3, 3)]["cluster_pop"] == pytest.approx(180000.0) and cells[(0, 1)]["cell_class"] == 1
    unit = next(results["OUTPUT_UNITS"].getFeatures())
    assert unit["degurba_label"] == "town and semi-dense area" and unit["share_urban_clusters"] == 1.0
    row = [[30000.0] * 6]
    results, _ = run_degurba(run_alg, grid_layer(h, row))
    assert results["URBAN_CENTRES"] == 1
    assert {f["cell_class"] for f in results["OUTPUT"].getFeatures()} == {3}


def test_degurba_density_per_km2_of_land(run_alg, h):
    """A coastal cell half land (given as 50 %): its 1,000 inhabitants make 2,000 per km2 of land, dense
    enough for the urban centre its 24 neighbours of 2,100 form."""
    rows = [(cell_wkt(r, c), [2100.0, 100.0]) for r in range(5) for c in range(5) if (r, c) != (2, 2)]
    rows.append((cell_wkt(2, 2), [1000.0, 50.0]))
    grid = layer(h, rows, "&field=pop:double&field=land:double", LAEA_EUROPE)
    results, messages = run_degurba(run_alg, grid, LAND_SHARE_FIELD="land")
    cells = classes(results["OUTPUT"])
    assert cells[(2, 2)]["density"] == pytest.approx(2000.0) and cells[(2, 2)]["cell_class"] == 3
    assert any("read as percentages" in m for m in messages)
    assert "land_share=field" in cells[(0, 0)]["params"]
    without, _ = run_degurba(run_alg, grid, MAJORITY=0, MAX_GAP=0)
    assert classes(without["OUTPUT"])[(2, 2)]["density"] == pytest.approx(1000.0)
    assert classes(without["OUTPUT"])[(2, 2)]["cell_class"] == 2


def test_degurba_local_units(run_alg, h):
    units = layer(h, [(box(GX, GY - 5000, GX + 4000, GY), ["A"]), (box(GX + 4000, GY - 5000, GX + 5000, GY), ["B"]),
                      (box(GX + 9000, GY - 5000, GX + 10000, GY), ["C"])], "&field=code:string", LAEA_EUROPE)
    units = reproject(run_alg, units, "EPSG:4326")  # another CRS than the grid's: reprojected into it
    results, messages = run_degurba(run_alg, grid_layer(h, gap_matrix()), UNITS=units, UNIT_ID_FIELD="code",
                                    OUTPUT_UNITS="memory:")
    out = _features(results["OUTPUT_UNITS"], "code")
    # A: the 8 centre cells (52,000) and 11 rural cells of 100; B: the 5 rural cells of the east column.
    assert out["A"]["population"] == pytest.approx(53100.0)
    assert out["A"]["pop_urban_centre"] == pytest.approx(52000.0) and out["A"]["degurba_label"] == "city"
    assert out["A"]["share_urban_centre"] == pytest.approx(52000 / 53100) and out["A"]["degurba"] == 1
    assert out["B"]["population"] == pytest.approx(500.0) and out["B"]["share_rural"] == 1.0
    assert out["B"]["degurba_label"] == "rural area" and out["B"]["degurba"] == 3
    assert out["C"]["degurba"] is None and out["C"]["population"] is None
    assert "unit_share=0.5" in out["A"]["params"]
    assert {f["unit"] for f in results["OUTPUT"].getFeatures() if f["col"] == 4} == {"B"}
    assert any("1 cities, 0 towns and semi-dense areas, 1 rural areas, 1 without inhabitants" in m for m in messages)


def test_degurba_points_give_the_grid_of_their_cells(run_alg, h):
    matrix = gap_matrix()
    rows = []
    for r, line in enumerate(matrix):
        for c, value in enumerate(line):
            x, y = GX + c * 1000 + 250, GY - r * 1000 - 250
            rows += [(f"POINT({x} {y})", [value / 2]), (f"POINT({x + 500} {y - 500})", [value / 2])]
    points = layer(h, rows, "&field=pop:double", LAEA_EUROPE, "points", kind="Point")
    from_points, _ = run_degurba(run_alg, points, CELL_SIZE=1000)
    from_cells, _ = run_degurba(run_alg, grid_layer(h, matrix))
    expected = {(f["row"], f["col"]): f["cell_class"] for f in from_cells["OUTPUT"].getFeatures()}
    got = {(f["row"], f["col"]): (f["cell_class"], f["population"], f.geometry().boundingBox().xMinimum())
           for f in from_points["OUTPUT"].getFeatures()}
    assert {k: v[0] for k, v in got.items()} == expected
    assert got[(1, 1)][1] == pytest.approx(6500.0) and got[(0, 3)][2] == pytest.approx(GX + 3000)
    # The empty centre cell (0 inhabitants) is written because the centre took it.
    assert (2, 2) in got and from_points["URBAN_CENTRES"] == 1


def test_degurba_geographic_points_are_reprojected(run_alg, h):
    """A 3 km x 3 km blob of 900 points of 100 inhabitants (10,000 per km2): one urban centre whatever the
    alignment of the grid the algorithm builds in its own equal-area projection."""
    rows = [(f"POINT({GX + 50 + 100 * i} {GY - 50 - 100 * j})", [100.0]) for i in range(30) for j in range(30)]
    points = reproject(run_alg, layer(h, rows, "&field=pop:double", LAEA_EUROPE, "points", kind="Point"),
                       "EPSG:4326")
    results, messages = run_degurba(run_alg, points)
    assert any("EPSG:4326 is not in metres" in m and "Lambert azimuthal equal-area" in m for m in messages)
    cells = list(results["OUTPUT"].getFeatures())
    assert sum(f["population"] for f in cells) == pytest.approx(90000.0)
    assert results["URBAN_CENTRES"] == 1
    # written in the points' CRS: 1 km2 cells on the ellipsoid (squares of the equal-area projection)
    assert results["OUTPUT"].crs().authid() == "EPSG:4326"
    from qgis.core import QgsDistanceArea
    measure = QgsDistanceArea()
    measure.setEllipsoid("EPSG:7030")
    assert all(measure.measureArea(f.geometry()) == pytest.approx(1e6, rel=2e-3) for f in cells)


def test_degurba_population_raster(run_alg, tmp_path):
    from osgeo import gdal, osr

    path = str(tmp_path / "population.tif")
    raster = gdal.GetDriverByName("GTiff").Create(path, 5, 5, 1, gdal.GDT_Float32)
    raster.SetGeoTransform((GX, 1000.0, 0.0, GY, 0.0, -1000.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3035)
    raster.SetProjection(srs.ExportToWkt())
    band = raster.GetRasterBand(1)
    band.SetNoDataValue(-200.0)
    matrix = gap_matrix()
    matrix[4][4] = -200.0
    values = [value for line in matrix for value in line]  # WriteArray needs gdal_array, built on another numpy
    band.WriteRaster(0, 0, 5, 5, struct.pack(f"<{len(values)}f", *values), buf_type=gdal.GDT_Float32)
    raster = None
    results, _ = run_alg("alliance:degurba", {"INPUT_RASTER": path, "OUTPUT": "memory:", "KEEP_EMPTY_CELLS": True})
    cells = classes(results["OUTPUT"])
    assert cells[(2, 2)]["cell_class"] == 3 and cells[(1, 1)]["centre_pop"] == pytest.approx(52000.0)
    assert cells[(4, 4)]["cell_class"] == 0 and cells[(4, 4)]["population"] is None
    assert cells[(0, 0)]["cell_class"] == 1 and len(cells) == 25


def test_degurba_bad_inputs(run_alg, h):
    with pytest.raises(QgsProcessingException, match="either as a vector layer"):
        run_alg("alliance:degurba", {"OUTPUT": "memory:"})
    shifted = layer(h, [(cell_wkt(0, 0), [10.0]), (box(GX + 1300, GY - 1000, GX + 2300, GY), [10.0]),
                        (cell_wkt(1, 0), [10.0])], "&field=pop:double", LAEA_EUROPE)
    with pytest.raises(QgsProcessingException, match="not cells of a regular grid"):
        run_degurba(run_alg, shifted)
    twice = layer(h, [(cell_wkt(0, 0), [10.0]), (cell_wkt(0, 0), [10.0])], "&field=pop:double", LAEA_EUROPE)
    with pytest.raises(QgsProcessingException, match="more than once"):
        run_degurba(run_alg, twice)
    with pytest.raises(QgsProcessingException, match="EPSG:4326, not in metres"):
        run_degurba(run_alg, grid_layer(h, gap_matrix(), crs="EPSG:4326"))
    with pytest.raises(QgsProcessingException, match="must be 5 to 8"):
        run_degurba(run_alg, grid_layer(h, gap_matrix()), MAJORITY=3)
    with pytest.raises(QgsProcessingException, match="code field of the local units"):
        run_degurba(run_alg, grid_layer(h, gap_matrix()), UNITS=grid_layer(h, gap_matrix()),
                    OUTPUT_UNITS="memory:")


# All four ----------------------------------------------------------------------------------------------------

ALGORITHMS = ("urbangrowth", "growthbuffers", "landconsumption", "degurba")


@pytest.mark.parametrize("name", ALGORITHMS)
def test_algorithm_shape(plugin, name):
    import re

    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById(f"alliance:{name}")
    assert alg is not None and alg.groupId() == "growth" and alg.group() == "Urban growth and land"
    assert alg.displayName() and alg.shortHelpString() and alg.shortDescription()
    assert alg.svgIconPath().endswith(f"icons/{name}.svg")
    for parameter in alg.parameterDefinitions():
        assert re.fullmatch(r"[A-Z][A-Z0-9_]*", parameter.name())
        assert getattr(type(alg), parameter.name()) == parameter.name()
    for output in alg.outputDefinitions():
        assert getattr(type(alg), output.name()) == output.name()
    assert alg.canExecute() == (True, "")


def save(run_alg, source, path):
    """A copy of a layer in a GeoPackage (a worker thread must not touch memory layers of the main thread)."""
    results, _ = run_alg("native:reprojectlayer", {"INPUT": source, "TARGET_CRS": source.crs(), "OUTPUT": str(path)})
    return results["OUTPUT"]


def task_parameters(name, run_alg, h, tmp_path):
    def gpkg(source, stem):
        return save(run_alg, source, tmp_path / f"{stem}.gpkg")

    def out(stem):
        return str(tmp_path / f"{stem}_out.gpkg")

    if name == "urbangrowth":
        return {"BUILT_UP": gpkg(layer(h, [(w, []) for w in OLD + [INFILL, EDGE, OUTLYING]]), "after"),
                "BUILT_UP_BEFORE": gpkg(layer(h, [(w, []) for w in OLD]), "before"),
                "OUTPUT": out("patches"), "OUTPUT_SUMMARY": out("summary")}, ("PATCHES", 3)
    if name == "growthbuffers":
        return {"INPUT": gpkg(layer(h, [(rect(0, 0, 1000, 1000), [10000])], "&field=pop:double"), "city"),
                "POPULATION_FIELD": "pop", "OUTPUT": out("rings"), "OUTPUT_PROSPECTIVE": out("band")}, None
    if name == "landconsumption":
        return {"INPUT": gpkg(consumption_territories(h), "territories"), "POP_T0_FIELD": "pop2015",
                "POP_T1_FIELD": "pop2020", "YEAR_T0": 2015, "YEAR_T1": 2020,
                "BUILT_UP": gpkg(layer(h, [(w, []) for w in BUILT_T0 + BUILT_T1_NEW]), "after"),
                "BUILT_UP_BEFORE": gpkg(layer(h, [(w, []) for w in BUILT_T0]), "before"),
                "URBAN_EXTENT": True, "EXTENT_CELL": 50, "OUTPUT": out("sdg"), "OUTPUT_EXTENT": out("extent")}, \
            ("FLAGGED", 3)
    units = layer(h, [(box(GX, GY - 5000, GX + 5000, GY), ["U"])], "&field=code:string", LAEA_EUROPE)
    return {"INPUT": gpkg(grid_layer(h, gap_matrix()), "grid"), "POPULATION_FIELD": "pop",
            "UNITS": gpkg(units, "units"), "UNIT_ID_FIELD": "code", "OUTPUT": out("cells"),
            "OUTPUT_UNITS": out("units")}, ("URBAN_CENTRES", 1)


@pytest.mark.parametrize("name", ALGORITHMS)
def test_runs_in_a_task_on_a_worker_thread_into_geopackages(run_in_task, run_alg, h, tmp_path, name):
    parameters, expected = task_parameters(name, run_alg, h, tmp_path)
    outcome = run_in_task(f"alliance:{name}", parameters)
    assert outcome.get("ok") is True
    if expected:
        assert outcome["results"][expected[0]] == expected[1]
    for key, value in parameters.items():
        if key.startswith("OUTPUT"):
            written = QgsVectorLayer(value, key, "ogr")
            assert written.isValid(), key
            assert "params" in written.fields().names(), key
            check_task_output(name, key, written)


def ring_area(d, segments=8):
    """Area within ``d`` m of the 1 km square of the task (four sides, four quarter circles of ``segments``)."""
    return 1e6 + 4000.0 * d + 2 * segments * math.sin(math.pi / 2 / segments) * d * d if d else 1e6


def check_task_output(name, key, written):
    """The values each output of :func:`task_parameters` must hold, worked out by hand."""
    if name == "urbangrowth" and key == "OUTPUT":
        check_patches(written)
    elif name == "urbangrowth":  # no territories: one row for the whole area
        rows = list(written.getFeatures())
        assert len(rows) == 1 and rows[0]["territory"] == "all"
        assert rows[0]["area_added"] == pytest.approx(22500.0)
        assert rows[0]["share_outlying"] == pytest.approx(2500 / 22500)
    elif name == "growthbuffers" and key == "OUTPUT":  # default distances 500, 1000, 2000, 5000 m, 8 segments
        rings = _features(written, "band")
        distances = [0, 500, 1000, 2000, 5000]
        assert sorted(rings) == [0, 1, 2, 3, 4]
        assert [rings[b]["role"] for b in range(5)] == ["urban_core", "peri_urban", "peri_urban", "peri_urban",
                                                        "rural"]
        for band, ring in rings.items():
            expected = ring_area(distances[band]) - (ring_area(distances[band - 1]) if band else 0.0)
            assert ring["area"] == pytest.approx(expected, rel=1e-9), band
            assert ring["_geometry"].area() == pytest.approx(expected, rel=1e-9), band
    elif name == "growthbuffers":  # 10,000 people on 1 km2, 1 % a year for 10 years, at the observed density
        band = next(written.getFeatures())
        added = 10000 * (1.01 ** 10 - 1)
        assert band["current_pop"] == pytest.approx(10000) and band["added_pop"] == pytest.approx(added)
        assert band["density"] == pytest.approx(10000) and band["land_demand"] == pytest.approx(added * 100)
        assert band["band_area"] == pytest.approx(added * 100, rel=1e-3)
        assert ring_area(band["distance"]) - 1e6 == pytest.approx(added * 100, rel=1e-3)
    elif name == "landconsumption" and key == "OUTPUT":
        check_consumption(written)
    elif name == "landconsumption":  # every built-up square is whole 50 m cells: its class areas sum to the union
        built = {}
        for feature in written.getFeatures():
            assert feature.geometry().area() == pytest.approx(feature["area"])
            if feature["class"].endswith("built-up"):
                built[feature["year"]] = built.get(feature["year"], 0.0) + feature["area"]
        total = {year: sum(urb[i] for urb in EXPECTED_URB.values()) for year, i in ((2015, 0), (2020, 1))}
        assert built == pytest.approx(total)
    elif key == "OUTPUT":  # degurba: the ring of 8 cells of 6,500 and its filled gap, in 16 cells of 100
        cells = classes(written)
        assert len(cells) == 25
        centre = {(r, c) for r in range(1, 4) for c in range(1, 4)}
        for (r, c), cell in cells.items():
            assert cell["cell_class"] == (3 if (r, c) in centre else 1), (r, c)
            assert cell["centre_pop"] == (pytest.approx(52000.0) if (r, c) in centre else None)
            assert cell["unit"] == "U"
    else:  # the one unit holds the 25 cells
        unit = next(written.getFeatures())
        assert unit["code"] == "U" and unit["population"] == pytest.approx(52000.0 + 16 * 100.0)
        assert unit["share_urban_centre"] == pytest.approx(52000 / 53600) and unit["degurba_label"] == "city"


def test_class_outputs_are_styled_by_category(plugin, run_alg, h):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    from alliance_territories.processing.growth_inputs import GROWTH_COLOURS, categories_on_load
    from alliance_territories.processing.styling import StylePostProcessor

    before = layer(h, [(w, []) for w in OLD])
    results, _ = run_growth(run_alg, before, layer(h, [(w, []) for w in OLD + [INFILL, EDGE]]))
    patches = results["OUTPUT"]
    StylePostProcessor.create().postProcessLayer(patches, QgsProcessingContext(), QgsProcessingFeedback())
    renderer = patches.renderer()
    assert renderer.classAttribute() == "growth_class"
    assert [c.value() for c in renderer.categories()] == ["infill", "edge_expansion", "outlying"]
    assert [c.symbol().color().name() for c in renderer.categories()] == list(GROWTH_COLOURS.values())
    context = QgsProcessingContext()
    categories_on_load(context, "not loaded", "growth_class", GROWTH_COLOURS)  # nothing to load: no error
    assert not context.layersToLoadOnCompletion()


def test_urban_growth_on_central_helsinki_buildings(run_alg, data_dir):
    """Real OpenStreetMap buildings; the year is derived from the start_date tag (a constructed attribute:
    the first four digits of start_date, kept only where they form a year; buildings without one are left out)."""
    from qgis.core import QgsVectorLayer

    osm = QgsVectorLayer(f"{data_dir / 'helsinki' / 'Helsinki.osm.pbf'}|layername=multipolygons", "osm", "ogr")
    assert osm.isValid()
    osm.setSubsetString("building IS NOT NULL")
    dated, _ = run_alg("native:fieldcalculator", {
        "INPUT": osm, "FIELD_NAME": "year", "FIELD_TYPE": 1, "FIELD_LENGTH": 4, "FIELD_PRECISION": 0,
        "FORMULA": "to_int(nullif(regexp_substr(\"other_tags\", '\"start_date\"=>\"(\\\\d{4})'), ''))",
        "OUTPUT": "memory:"})
    years = [f["year"] for f in dated["OUTPUT"].getFeatures() if isinstance(f["year"], int)]
    assert len(years) > 50  # about 86 buildings carry a start_date
    cutoff = sorted(years)[len(years) // 2]
    results, messages = run_alg("alliance:urbangrowth", {
        "BUILT_UP": dated["OUTPUT"], "YEAR_FIELD": "year", "CUTOFF_YEAR": cutoff,
        "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:"})
    assert any("Lambert azimuthal equal-area" in m for m in messages)  # OSM is in degrees
    patches = list(results["OUTPUT"].getFeatures())
    assert patches and results["PATCHES"] == len(patches)
    assert {p["growth_class"] for p in patches} <= {"infill", "edge_expansion", "outlying"}
    for patch in patches:
        assert 0 <= patch["lei"] <= 100 and patch["area"] > 0
        assert (patch["growth_class"] == "outlying") == (patch["lei"] == 0)
    assert results["AREA_ADDED"] == pytest.approx(sum(p["area"] for p in patches))
