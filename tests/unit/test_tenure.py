"""Land-tenure overlay: hand-made squares with known areas, and geopandas.overlay as an independent check."""

import numpy as np
import pandas as pd
import pytest
import shapely

from alliance_territories.alliance_plugin.core import tenure
from alliance_territories.alliance_plugin.core.tenure import dask_engine
from alliance_territories.alliance_plugin.core.errors import AllianceError, InvalidValueError

BOWTIE = "POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))"


def areas_of(out):
    return {(row[0], row[1]): row[2] for row in out.areas.itertuples(index=False)}


# --- tenure classes --------------------------------------------------------------------------------

def test_default_classes_ignore_case_accents_and_punctuation():
    values = ["Titled", "REGISTERED", "freehold", "Leasehold", "Propriété", "titre-foncier", "customary",
              "Coutumier", "informal", "Squatter", "Occupation informelle", "State", "public",
              "Domaine public", "commune", None, "", "  ", np.nan]
    classes, unmapped = tenure.tenure_classes(values)
    assert classes.tolist() == ["documented"] * 6 + ["customary"] * 2 + ["informal"] * 3 + ["public"] * 4 \
        + ["unknown"] * 4
    assert unmapped.empty and unmapped.attrs["missing"] == 4


def test_unmapped_values_are_reported_and_become_unknown():
    values = pd.Series(["lot A", "titre", "lot A", "bail", "Lot B"], index=[10, 11, 12, 13, 14])
    classes, unmapped = tenure.tenure_classes(values)
    assert classes.index.tolist() == [10, 11, 12, 13, 14]
    assert classes.tolist() == ["unknown", "documented", "unknown", "documented", "unknown"]
    assert unmapped.values.tolist() == [["lot A", 2], ["Lot B", 1]]


def test_mapping_takes_precedence_and_is_checked():
    classes, unmapped = tenure.tenure_classes(["Lot A", "commune", "titled"],
                                              {"lot a": "customary", "Commune": "customary"})
    assert classes.tolist() == ["customary", "customary", "documented"]
    classes, _ = tenure.tenure_classes(["titled"], {"x": "public"}, defaults=False)
    assert classes.tolist() == ["unknown"]
    with pytest.raises(InvalidValueError, match="gives secure"):
        tenure.tenure_classes(["a"], {"a": "secure"})


# --- overlay on hand-made squares ------------------------------------------------------------------

def test_half_inside_fully_inside_and_outside():
    zone = shapely.box(0, 0, 10, 10)
    parcels = [shapely.box(5, 0, 15, 10), shapely.box(2, 2, 4, 4), shapely.box(20, 20, 30, 30)]
    out = tenure.overlay_areas(parcels, [zone], parcel_ids=["half", "in", "out"], zone_classes=["flood"])
    assert areas_of(out) == {("half", "flood"): 50.0, ("in", "flood"): 4.0}
    assert out.areas["share"].tolist() == [0.5, 1.0]
    assert out.parcels["area"].tolist() == [100.0, 4.0, 100.0]
    assert out.info["parcels_outside"] == 1
    assert out.info["contained_pairs"] == 1 and out.info["boundary_pairs"] == 1


def test_overlapping_zones_of_one_class_do_not_double_count():
    zones = [shapely.box(0, 0, 10, 10), shapely.box(5, 0, 15, 10), shapely.box(0, 0, 20, 1)]
    parcels = [shapely.box(3, 0, 13, 10),   # cut by all three growth zones: union covers it all
               shapely.box(1, 2, 4, 4),     # inside the first, touching nothing else
               shapely.box(6, 2, 9, 12)]    # inside the union of two, sticking out at the top
    out = tenure.overlay_areas(parcels, zones, parcel_ids=[1, 2, 3],
                               zone_classes=["growth", "growth", "growth"])
    got = areas_of(out)
    assert got[(1, "growth")] == pytest.approx(100.0)  # 70 + 80 + 10 without the union
    assert got[(2, "growth")] == 6.0
    assert got[(3, "growth")] == pytest.approx(24.0)
    assert out.info["unions"] >= 2


def test_classes_are_measured_separately():
    zones = [shapely.box(0, 0, 10, 10), shapely.box(0, 0, 5, 10)]
    out = tenure.overlay_areas([shapely.box(0, 0, 10, 10)], zones, parcel_ids=["p"],
                               zone_classes=["flood", "growth"])
    assert areas_of(out) == {("p", "flood"): 100.0, ("p", "growth"): 50.0}


def test_bowtie_parcel_keeps_both_halves():
    bowtie = shapely.from_wkt(BOWTIE)
    zones = [shapely.box(-1, -1, 11, 11), shapely.box(0, 0, 5, 10)]
    out = tenure.overlay_areas([bowtie], zones, parcel_ids=["b"], zone_classes=["all", "left"])
    assert out.parcels["area"].tolist() == [50.0]  # buffer(0) would keep 25
    assert out.parcels["geometry"].tolist() == ["repaired"]
    assert areas_of(out) == {("b", "all"): 50.0, ("b", "left"): 25.0}


def test_bowtie_zone_is_repaired_too():
    out = tenure.overlay_areas([shapely.box(0, 0, 10, 10)], [shapely.from_wkt(BOWTIE)], parcel_ids=[1],
                               zone_classes=["z"])
    assert areas_of(out) == {(1, "z"): pytest.approx(50.0)}
    assert out.info["repaired_zones"] == 1


def test_spikes_repaired_into_collections_keep_their_polygon():
    spike = shapely.from_wkt("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0, -5 -5, 0 0))")
    assert shapely.get_type_id(shapely.make_valid(spike)) == 7  # polygon + line
    out = tenure.overlay_areas([spike, shapely.box(5, 5, 15, 15)], [spike], parcel_ids=[1, 2],
                               zone_classes=["z"], return_pieces=True)
    assert out.parcels["area"].tolist() == [100.0, 100.0]
    assert areas_of(out) == {(1, "z"): 100.0, (2, "z"): 25.0}
    assert set(shapely.get_type_id(out.pieces["geometry"].to_numpy())) <= {3, 6}


def test_null_and_empty_geometries_count_with_area_zero():
    parcels = [None, shapely.from_wkt("POLYGON EMPTY"), shapely.box(0, 0, 1, 1)]
    zones = [shapely.box(-5, -5, 5, 5), None]
    out = tenure.overlay_areas(parcels, zones, parcel_ids=[1, 2, 3], zone_classes=["z", "z"])
    assert out.parcels["area"].tolist() == [0.0, 0.0, 1.0]
    assert out.parcels["geometry"].tolist() == ["null", "empty", "valid"]
    assert areas_of(out) == {(3, "z"): 1.0}
    assert (out.info["null_parcels"], out.info["empty_parcels"], out.info["null_zones"]) == (1, 1, 1)
    assert out.info["parcels_outside"] == 2


def test_no_zones_gives_no_rows_and_all_zero_coverage():
    out = tenure.overlay_areas([shapely.box(0, 0, 2, 2)], [], parcel_ids=["a"], zone_classes=[])
    assert out.areas.empty and list(out.areas.columns) == ["parcel_id", "class", "area", "share"]
    assert out.parcels["area"].tolist() == [4.0] and out.info["parcels_outside"] == 1
    assert tenure.coverage(out).shape == (1, 0)
    table = pd.DataFrame({"tenure": ["informal"]}, index=["a"])
    flags = tenure.tenure_flags(table, out, growth="growth")
    assert flags["share_growth"].tolist() == [0.0] and flags["flag_insecure_growth"].tolist() == [False]


def test_bad_inputs_raise_alliance_errors():
    box = shapely.box(0, 0, 1, 1)
    with pytest.raises(InvalidValueError, match="unique"):
        tenure.overlay_areas([box, box], [box], parcel_ids=[1, 1], zone_classes=["z"])
    with pytest.raises(InvalidValueError, match="one class per zone"):
        tenure.overlay_areas([box], [box], parcel_ids=[1], zone_classes=[])
    with pytest.raises(AllianceError, match="Every zone needs a class"):
        tenure.overlay_areas([box], [box, box], parcel_ids=[1], zone_classes=["z", None])


def test_inputs_are_not_mutated_nor_prepared():
    parcels = np.array([shapely.from_wkt(BOWTIE), shapely.box(0, 0, 3, 3)], dtype=object)
    zones = np.array([shapely.box(1, 1, 5, 5)], dtype=object)
    before = shapely.to_wkb(parcels), shapely.to_wkb(zones)
    tenure.overlay_areas(parcels, zones, parcel_ids=[1, 2], zone_classes=["z"])
    assert (shapely.to_wkb(parcels) == before[0]).all() and (shapely.to_wkb(zones) == before[1]).all()
    assert not shapely.is_prepared(zones).any() and not shapely.is_prepared(parcels).any()


def test_pieces_match_areas():
    zones = [shapely.box(0, 0, 10, 10), shapely.box(5, 0, 15, 10), shapely.Point(20, 5).buffer(3)]
    parcels = [shapely.box(3, 0, 13, 10), shapely.box(1, 1, 2, 2), shapely.box(18, 0, 30, 10)]
    out = tenure.overlay_areas(parcels, zones, parcel_ids=[1, 2, 3], zone_classes=["a", "a", "b"],
                               return_pieces=True)
    assert out.pieces[["parcel_id", "class"]].equals(out.areas[["parcel_id", "class"]])
    np.testing.assert_allclose(shapely.area(out.pieces["geometry"].to_numpy()), out.areas["area"], rtol=1e-12)
    assert set(shapely.get_type_id(out.pieces["geometry"].to_numpy())) <= {3, 6}


def test_progress_cancellation_and_threads(random_case):
    parcels, zones, classes = random_case
    ids = np.arange(len(parcels))
    seen = []
    one = tenure.overlay_areas(parcels, zones, parcel_ids=ids, zone_classes=classes, chunk_size=300,
                               progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 100.0 and len(seen) == -(-len(parcels) // 300)
    pd.testing.assert_frame_equal(one.areas, tenure.overlay_areas(parcels, zones, parcel_ids=ids,
                                                                  zone_classes=classes).areas)
    two = tenure.overlay_areas(parcels, zones, parcel_ids=ids, zone_classes=classes, chunk_size=300,
                               workers=2)
    pd.testing.assert_frame_equal(one.areas, two.areas)
    assert tenure.overlay_areas(parcels, zones, parcel_ids=ids, zone_classes=classes,
                                is_canceled=lambda: True) is None
    # With threads the first check comes once a chunk is done; later checks depend on timing (several
    # chunks may finish in one wait), so the deterministic case is a cancel seen at the first check.
    assert tenure.overlay_areas(parcels, zones, parcel_ids=ids, zone_classes=classes, chunk_size=300,
                                workers=2, is_canceled=lambda: True) is None


# --- independent check against geopandas.overlay ---------------------------------------------------

def geopandas_areas(parcels, ids, zones, classes):
    """Per (parcel, class) area from geopandas: zones dissolved per class, then overlay(intersection)."""
    import geopandas as gpd

    left = gpd.GeoDataFrame({"parcel_id": ids}, geometry=shapely.make_valid(np.asarray(parcels)))
    right = gpd.GeoDataFrame({"class": classes}, geometry=shapely.make_valid(np.asarray(zones)))
    right = right.dissolve(by="class", as_index=False)
    pieces = gpd.overlay(left, right, how="intersection", keep_geom_type=True)
    pieces["area"] = pieces.area
    return pieces[pieces["area"] > 0].groupby(["parcel_id", "class"])["area"].sum()


def assert_same_areas(out, expected, parcel_area):
    ours = out.areas.set_index(["parcel_id", "class"])["area"]
    both = pd.concat([ours.rename("ours"), expected.rename("theirs")], axis=1).fillna(0.0)
    scale = parcel_area.reindex(both.index.get_level_values(0)).to_numpy()
    # Slivers below a billionth of the parcel are rounding, whichever side has them.
    both = both[np.maximum(both["ours"], both["theirs"]) > 1e-9 * scale]
    assert len(both) > 0
    np.testing.assert_allclose(both["ours"], both["theirs"], rtol=1e-6)
    assert not (both == 0).any().any()


@pytest.fixture(scope="module")
def prague(data_dir):
    import pyogrio

    plots = pyogrio.read_dataframe(data_dir / "prague" / "bubenec.gpkg", layer="plots")
    assert plots.crs.to_epsg() == 3857 and len(plots) == 407
    x0, y0, x1, y1 = plots.total_bounds
    w, h = x1 - x0, y1 - y0
    rect = lambda a, b, c, d: shapely.box(x0 + a * w, y0 + b * h, x0 + c * w, y0 + d * h)  # noqa: E731
    zones = [shapely.Point(x0 + 0.45 * w, y0 + 0.5 * h).buffer(0.22 * w),   # growth buffer
             rect(0.5, 0.3, 0.9, 0.7),                                      # overlaps the buffer: same class
             rect(0.1, 0.1, 0.4, 0.35),                                     # hazard
             rect(0.3, 0.6, 0.8, 0.95),                                     # agriculture
             rect(-0.1, -0.1, 0.25, 1.1)]                                   # zoning strip over an edge
    classes = ["growth", "growth", "hazard", "agriculture", "zoning"]
    return plots, np.array(zones, dtype=object), np.array(classes, dtype=object)


def test_prague_parcels_agree_with_geopandas_overlay(prague):
    plots, zones, classes = prague
    ids = plots["ID"].to_numpy()
    out = tenure.overlay_areas(plots.geometry.values, zones, parcel_ids=ids, zone_classes=classes)
    assert out.info["contained_pairs"] > 50 and out.info["boundary_pairs"] > 20 and out.info["unions"] > 0
    parcel_area = pd.Series(out.parcels["area"].to_numpy(), index=ids)
    np.testing.assert_allclose(parcel_area.to_numpy(), plots.area.to_numpy(), rtol=1e-12)
    assert_same_areas(out, geopandas_areas(plots.geometry.values, ids, zones, classes), parcel_area)


def test_prague_summary_and_flags(prague):
    plots, zones, classes = prague
    rule = plots["ID"].astype(int).to_numpy() % 4  # no tenure field: a fixed rule assigns one
    raw = np.array(["titre foncier", "squatter", "coutumier", None], dtype=object)[rule]
    table = pd.DataFrame({"tenure": tenure.tenure_classes(raw)[0].to_numpy(),
                          "district": np.where(plots.centroid.x < plots.centroid.x.median(), "W", "E"),
                          "pop": 3.0}, index=plots["ID"].to_numpy())
    out = tenure.overlay_areas(plots.geometry.values, zones, parcel_ids=table.index, zone_classes=classes)
    summary = tenure.tenure_summary(table, out, territory="district", population="pop", growth="growth",
                                    hazard="hazard")
    cross, proxies = summary
    total = cross[cross["constraint"] == tenure.ALL_PARCELS]
    assert total["parcels"].sum() == 407 and total["area"].sum() == pytest.approx(plots.area.sum())
    growth = cross[cross["constraint"] == "growth"]
    assert growth["area"].sum() == pytest.approx(out.areas.loc[out.areas["class"] == "growth", "area"].sum())
    assert proxies["territory"].tolist() == ["E", "W"] and proxies["parcels"].sum() == 407
    doc = table["tenure"] == "documented"
    whole = tenure.tenure_summary(table, out, population="pop", growth="growth").proxies.iloc[0]
    assert whole["proxy_parcels_documented"] == pytest.approx(doc.mean())
    assert whole["proxy_population_documented"] == pytest.approx(doc.mean())
    documented_area = plots.area[doc.to_numpy()].sum()
    assert whole["proxy_area_documented"] == pytest.approx(documented_area / plots.area.sum())
    share = tenure.coverage(out, share=True)["growth"]
    insecure = table["tenure"].isin(tenure.INSECURE)
    expected = (share * plots.area.to_numpy())[insecure].sum() / (share * plots.area.to_numpy()).sum()
    assert whole["proxy_growth_insecure"] == pytest.approx(expected)
    flags = tenure.tenure_flags(table, out, growth="growth", hazard="hazard", agriculture="agriculture")
    assert flags["flag_insecure_growth"].sum() == ((share > 0) & insecure).sum() > 0
    assert flags["flag_hazard"].sum() > 0 and flags["flag_agriculture_growth"].sum() > 0
    half = tenure.tenure_flags(table, out, growth="growth", min_share=0.5)
    assert half["flag_insecure_growth"].sum() == ((share >= 0.5) & insecure).sum()


@pytest.fixture(scope="module")
def random_case():
    """Jittered quadrilaterals, some concave or bow-ties, under overlapping circles and polygons."""
    rng = np.random.default_rng(42)
    cols, rows, step = 40, 30, 10.0
    gx, gy = np.meshgrid(np.arange(cols + 1) * step, np.arange(rows + 1) * step)
    gx, gy = gx + rng.uniform(-3, 3, gx.shape), gy + rng.uniform(-3, 3, gy.shape)
    r, c = np.divmod(np.arange(cols * rows), cols)
    ring = [(r, c), (r, c + 1), (r + 1, c + 1), (r + 1, c), (r, c)]
    coords = np.stack([np.stack([gx[a, b], gy[a, b]], axis=-1) for a, b in ring], axis=1)
    swap = rng.random(len(coords)) < 0.02  # swapped corners: bow-ties
    coords[swap, 1], coords[swap, 2] = coords[swap, 2].copy(), coords[swap, 1].copy()
    parcels = shapely.polygons(coords)
    centres = rng.uniform(0, [cols * step, rows * step], (40, 2))
    circles = shapely.buffer(shapely.points(centres[:25]), rng.uniform(5, 60, 25))
    stars = []
    for x, y in centres[25:]:
        angle = np.sort(rng.uniform(0, 2 * np.pi, 12))
        radius = rng.uniform(10, 70, 12)
        stars.append(shapely.Polygon(np.c_[x + radius * np.cos(angle), y + radius * np.sin(angle)]))
    zones = np.concatenate([circles, np.array(stars, dtype=object)])
    classes = rng.choice(["a", "b", "c"], len(zones))
    return parcels, zones, classes


def test_random_data_agrees_with_geopandas_overlay(random_case):
    parcels, zones, classes = random_case
    ids = np.arange(len(parcels)) * 7 + 3
    out = tenure.overlay_areas(parcels, zones, parcel_ids=ids, zone_classes=classes, chunk_size=250)
    assert out.info["repaired_parcels"] > 5 and out.info["unions"] > 10
    parcel_area = pd.Series(out.parcels["area"].to_numpy(), index=ids)
    np.testing.assert_allclose(parcel_area, shapely.area(shapely.make_valid(parcels)), rtol=1e-12)
    assert_same_areas(out, geopandas_areas(parcels, ids, zones, classes), parcel_area)


def test_summary_and_flags_by_hand():
    parcels = [shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1), shapely.box(2, 0, 3, 1), None]
    zones = [shapely.box(0.5, 0, 3, 1), shapely.box(1.8, 0, 3, 1), shapely.box(2, 0, 2.4, 1)]
    out = tenure.overlay_areas(parcels, zones, parcel_ids=["a", "b", "c", "d"],
                               zone_classes=["ring", "flood", "fields"])
    table = pd.DataFrame({"tenure": ["documented", "public", "customary", None], "t": ["X", "X", "Y", None],
                          "pop": [10.0, None, 5.0, 1.0]}, index=["a", "b", "c", "d"])
    cross, proxies = tenure.tenure_summary(table, out, territory="t", population="pop", growth="ring",
                                           hazard="flood")
    assert proxies["territory"].tolist()[:2] == ["X", "Y"] and pd.isna(proxies["territory"].iloc[2])
    x = proxies.iloc[0]
    assert (x["parcels"], x["area"], x["population"]) == (2, 2.0, 10.0)
    assert (x["proxy_parcels_documented"], x["proxy_area_documented"], x["proxy_population_documented"]) \
        == (0.5, 0.5, 1.0)
    assert (x["growth_area"], x["proxy_growth_insecure"], x["hazard_area"]) == (1.5, 0.0, pytest.approx(0.2))
    y = proxies.iloc[1]
    assert (y["growth_area"], y["proxy_growth_insecure"], y["proxy_hazard_insecure"]) == (1.0, 1.0, 1.0)
    assert np.isnan(proxies.iloc[2]["proxy_area_documented"])  # the NULL geometry has no area
    row = cross[(cross["territory"] == "X") & (cross["tenure"] == "public")
                & (cross["constraint"] == "flood")]
    assert row[["parcels", "area", "population"]].values.tolist() == [[1, pytest.approx(0.2), 0.0]]
    flags = tenure.tenure_flags(table, out, growth="ring", hazard="flood", agriculture="fields")
    assert flags["flag_insecure_growth"].tolist() == [False, False, True, False]
    assert flags["flag_hazard"].tolist() == [False, True, True, False]
    assert flags["flag_agriculture_growth"].tolist() == [False, False, True, False]
    assert tenure.tenure_flags(table, out, growth="ring", hazard="flood", agriculture="fields",
                               min_share=0.5)["flag_hazard"].tolist() == [False, False, True, False]
    assert "flag_hazard" not in tenure.tenure_flags(table, out, growth="ring").columns
    with pytest.raises(InvalidValueError, match="titre"):
        tenure.tenure_summary(table.assign(tenure=["titre", None, None, None]), out)


def test_dask_on_two_worker_processes_gives_identical_numbers(random_case):
    pytest.importorskip("dask_geopandas")
    distributed = pytest.importorskip("distributed")
    import geopandas as gpd

    parcels, zones, classes = random_case
    frame = gpd.GeoDataFrame({"pid": np.arange(len(parcels)) * 7 + 3}, geometry=parcels, crs="EPSG:3857")
    one = tenure.overlay_areas(parcels, zones, parcel_ids=frame["pid"].to_numpy(), zone_classes=classes)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        lazy = dask_engine.overlay_areas_dask(frame, zones, parcel_id="pid", zone_classes=classes, npartitions=4)
        areas, table = client.compute(list(lazy), sync=True)
        assert len(client.scheduler_info()["workers"]) == 2
    areas = areas.sort_values(["parcel_id", "class"]).reset_index(drop=True)
    expected = one.areas.sort_values(["parcel_id", "class"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(areas, expected, check_exact=True)
    pd.testing.assert_frame_equal(table.sort_values("parcel_id").reset_index(drop=True), one.parcels,
                                  check_exact=True)
