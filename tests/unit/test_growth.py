"""Urban growth: hand-made squares with exact LEI, rings and buffers against shapely computed
another way, SDG 11.3.1 against an independent formula, and real populations (France 2019-2023,
Canada 1966-1971) with built-up areas that are constructed, as documented in each test."""

import math
import sqlite3

import numpy as np
import pandas as pd
import pytest
import shapely
import shapely.affinity

from alliance_territories.alliance_plugin.core import growth
from alliance_territories.alliance_plugin.core.degurba import GeographicCoordinatesError
from alliance_territories.alliance_plugin.core.errors import AllianceError, InvalidValueError

# Lambert-93 around Paris: metric coordinates far from the CRS origin (see refuse_degrees).
X0, Y0 = 651_000.0, 6_862_000.0


def box(x0, y0, x1, y1):
    return shapely.box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def quarter(radius=1.0, quad_segs=8):
    """Area of GEOS's quarter circle: ``quad_segs`` triangles with an apex angle of pi / (2 quad_segs)."""
    return quad_segs * 0.5 * radius ** 2 * math.sin(math.pi / (2 * quad_segs))


Q = quarter()
RING_OF_10M_SQUARE = 40.0 + 4 * Q  # four 10 x 1 strips and four rounded corners


# --- growth patches and the landscape expansion index ----------------------------------------------

def test_infill_patch_fills_a_hole_exactly():
    old = shapely.difference(box(0, 0, 30, 30), box(10, 10, 20, 20))
    out = growth.growth_patches([old], [old, box(10, 10, 20, 20)])
    assert len(out) == 1
    row = out.iloc[0]
    assert row["area"] == pytest.approx(100.0)
    assert row["ring_area"] == pytest.approx(RING_OF_10M_SQUARE, rel=1e-9)  # coordinates near 10^6 m
    assert row["lei"] == pytest.approx(100.0, rel=1e-9)
    assert row["growth_class"] == "infill" and row["distance"] == 0.0


def test_edge_expansion_against_one_block():
    # The old block covers the whole west side of the new square and its two west corners.
    old = box(-20, -20, 0, 30)
    out = growth.growth_patches([old], [old, box(0, 0, 10, 10)])
    row = out.iloc[0]
    assert row["old_area"] == pytest.approx(10.0 + 2 * Q, rel=1e-9)
    assert row["lei"] == pytest.approx(100 * (10 + 2 * Q) / (40 + 4 * Q), rel=1e-9)  # 26.8
    assert row["growth_class"] == "edge_expansion" and row["distance"] == 0.0


def test_infill_between_two_blocks_above_half():
    west, east = box(-20, -20, 0, 30), box(10, -20, 30, 30)
    out = growth.growth_patches([west, east], [west, east, box(0, 0, 10, 10)])
    row = out.iloc[0]
    assert row["lei"] == pytest.approx(100 * (20 + 4 * Q) / (40 + 4 * Q), rel=1e-9)  # 53.6
    assert row["growth_class"] == "infill"


def test_outlying_patch_and_its_distance():
    old = box(-20, -20, 0, 30)
    out = growth.growth_patches([old], [old, box(100, 0, 110, 10)])
    row = out.iloc[0]
    assert row["lei"] == 0.0 and row["old_area"] == 0.0 and row["growth_class"] == "outlying"
    assert row["distance"] == pytest.approx(100.0)
    assert np.isnan(row["ring_area"])  # no old built-up within the ring: the buffer is skipped


def test_a_patch_exactly_one_ring_away_is_outlying_and_closer_is_edge():
    old = box(-20, -20, 0, 30)
    at_ring = growth.growth_patches([old], [box(1, 0, 11, 10)]).iloc[0]
    closer = growth.growth_patches([old], [box(0.5, 0, 10.5, 10)]).iloc[0]
    assert at_ring["growth_class"] == "outlying" and at_ring["distance"] == pytest.approx(1.0)
    assert closer["growth_class"] == "edge_expansion" and 0 < closer["lei"] < 50
    assert closer["distance"] == pytest.approx(0.5)


def test_ring_width_is_a_parameter():
    old = box(-20, -20, 0, 30)
    out = growth.growth_patches([old], [box(3, 0, 13, 10)], ring=5.0).iloc[0]
    assert out["growth_class"] == "edge_expansion" and out["distance"] == pytest.approx(3.0)
    assert out["ring_area"] == pytest.approx(4 * 10 * 5 + 4 * quarter(5.0), rel=1e-9)
    # West strip 2 m deep in the old block, and the part of each west corner more than 3 m west.
    assert out["old_area"] == pytest.approx(2 * 10 + 2 * _quarter_beyond(5.0, 3.0), rel=1e-9)


def _quarter_beyond(radius, offset):
    """Area of GEOS's polygonal quarter circle (vertices every pi/16) more than ``offset`` from
    its centre along one axis, by clipping the arc built here independently."""
    arc = [(0.0, 0.0)] + [(radius * math.cos(k * math.pi / 16), -radius * math.sin(k * math.pi / 16))
                          for k in range(9)]
    return shapely.clip_by_rect(shapely.Polygon(arc), offset, -radius - 1, radius + 1, 1).area


def test_extended_building_gives_the_extension_only():
    out = growth.growth_patches([box(0, 0, 10, 10)], [box(0, 0, 20, 10)])
    assert len(out) == 1
    assert out.loc[0, "area"] == pytest.approx(100.0)
    assert out.loc[0, "geometry"].equals(box(10, 0, 20, 10))
    assert out.loc[0, "growth_class"] == "edge_expansion"


def test_new_pieces_sharing_an_edge_or_a_corner_are_one_patch():
    old = box(-500, -500, -490, -490)
    side = growth.growth_patches([old], [old, box(0, 0, 10, 10), box(10, 0, 20, 10)])
    corner = growth.growth_patches([old], [old, box(0, 0, 10, 10), box(10, 10, 20, 20)])
    assert len(side) == 1 and side.loc[0, "area"] == pytest.approx(200.0) and side.loc[0, "n_pieces"] == 2
    assert len(corner) == 1 and corner.loc[0, "geometry"].geom_type == "MultiPolygon"
    assert corner.loc[0, "area"] == pytest.approx(200.0)


def test_overlapping_new_buildings_count_their_area_once():
    out = growth.growth_patches([box(-500, -500, -490, -490)], [box(0, 0, 10, 10), box(5, 0, 15, 10)])
    assert len(out) == 1 and out.loc[0, "area"] == pytest.approx(150.0)


def test_unchanged_buildings_give_no_patch_and_the_columns_stay():
    old = [box(0, 0, 10, 10), box(20, 0, 30, 10)]
    out = growth.growth_patches(old, list(reversed(old)))
    assert out.empty and list(out.columns) == list(growth.PATCH_COLUMNS)


def test_no_earlier_built_up_means_outlying_without_distance():
    out = growth.growth_patches([], [box(0, 0, 10, 10)])
    assert out.loc[0, "growth_class"] == "outlying" and np.isnan(out.loc[0, "distance"])


def test_invalid_inputs_are_repaired_and_never_modified():
    bowtie = shapely.from_wkt(f"POLYGON(({X0} {Y0}, {X0 + 20} {Y0 + 20}, {X0 + 20} {Y0}, {X0} {Y0 + 20}, {X0} {Y0}))")
    after = np.array([bowtie, None, box(100, 0, 110, 10)], dtype=object)
    kept = after.copy()
    out = growth.growth_patches(np.array([box(200, 0, 210, 10)], dtype=object), after)
    assert all(a is b for a, b in zip(after, kept))
    assert out["area"].sum() == pytest.approx(200.0 + 100.0)  # both halves of the bow-tie (buffer(0) keeps one)


def test_an_old_polygon_repaired_into_nothing_gives_no_distance():
    flat = shapely.from_wkt(f"POLYGON(({X0 + 12} {Y0}, {X0 + 22} {Y0}, {X0 + 22} {Y0}, {X0 + 12} {Y0}))")
    out = growth.growth_patches([flat, box(60, 0, 70, 10)], [box(0, 0, 10, 10)])
    assert out.loc[0, "distance"] == pytest.approx(50.0) and out.loc[0, "growth_class"] == "outlying"


def test_min_area_drops_slivers():
    old = box(0, 0, 10, 10)
    slightly_bigger = box(0, 0, 10.001, 10)
    assert len(growth.growth_patches([old], [slightly_bigger])) == 1
    assert growth.growth_patches([old], [slightly_bigger], min_area=0.5).empty


def test_degrees_are_refused():
    paris = [shapely.box(2.35, 48.85, 2.3501, 48.8501)]
    with pytest.raises(GeographicCoordinatesError, match="degrees"):
        growth.growth_patches(paris, paris)
    assert issubclass(GeographicCoordinatesError, AllianceError)


def test_bad_ring_is_refused():
    with pytest.raises(InvalidValueError):
        growth.growth_patches([box(0, 0, 1, 1)], [box(0, 0, 1, 1)], ring=0)


def test_progress_and_cancel():
    seen = []
    growth.growth_patches([box(0, 0, 10, 10)], [box(0, 0, 20, 10)], progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 100.0
    assert growth.growth_patches([box(0, 0, 10, 10)], [box(0, 0, 20, 10)], is_canceled=lambda: True) is None


def random_buildings(n, rng, spread=600.0):
    x, y = rng.uniform(0, spread, n), rng.uniform(0, spread, n)
    w, h = rng.uniform(4, 15, n), rng.uniform(4, 15, n)
    return box(x, y, x + w, y + h)


def test_against_a_global_union_computed_independently():
    """Overlapping old and new buildings: patches, LEI and distances from union_all / difference."""
    rng = np.random.default_rng(7)
    old = random_buildings(300, rng)
    new = random_buildings(120, rng)
    grown = shapely.buffer(old[:40], 3.0, join_style="mitre")  # old buildings extended at the second date
    after = np.concatenate([old[40:], grown, new])
    out = growth.growth_patches(old, after)

    old_union = shapely.union_all(old)
    expected = shapely.difference(shapely.union_all(after), old_union)
    parts = shapely.get_parts(expected)
    assert out["area"].sum() == pytest.approx(expected.area, rel=1e-9)
    # Patches are the parts of the difference grouped by shared points.
    tree = shapely.STRtree(parts)
    left, right = tree.query(parts, predicate="intersects")
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(len(parts)))
    graph.add_edges_from(zip(left.tolist(), right.tolist()))
    patches = [shapely.union_all(parts[list(c)]) for c in nx.connected_components(graph)]
    patches = sorted(patches, key=lambda g: (-round(g.area, 6), g.bounds[0]))
    assert len(patches) == len(out)
    got = out.sort_values(["area"], ascending=False, kind="stable")
    for patch, (_, row) in zip(patches, got.iterrows()):
        assert row["area"] == pytest.approx(patch.area, rel=1e-9)
    for _, row in out.iterrows():
        patch = row["geometry"]
        assert row["distance"] == pytest.approx(shapely.distance(patch, old_union), abs=1e-9)
        ring = shapely.difference(shapely.buffer(patch, 1.0), patch)
        lei = 100 * shapely.intersection(ring, old_union).area / ring.area
        assert row["lei"] == pytest.approx(lei, abs=1e-6)
        assert row["growth_class"] == ("infill" if lei > 50 else "edge_expansion" if lei > 1e-7 else "outlying")
    assert set(out["growth_class"]) == set(growth.GROWTH_CLASSES)


# --- summary per territory -------------------------------------------------------------------------

def test_patch_territories_and_summary():
    old = box(-20, -20, 0, 30)
    after = [old, box(0, 0, 10, 10), box(100, 0, 110, 10), box(1100, 0, 1130, 10)]
    patches = growth.growth_patches([old], after)
    zones = [box(-1000, -1000, 1000, 1000), box(1000, -1000, 3000, 1000)]
    codes = growth.patch_territories(patches["geometry"], ["01004", "2A004"], zones)
    summary = growth.growth_summary(patches, codes, territory_ids=["01004", "2A004", "23096"])
    assert summary.index.tolist() == ["01004", "2A004", "23096"]
    a = summary.loc["01004"]
    assert a["area_added"] == pytest.approx(200.0) and a["area_outlying"] == pytest.approx(100.0)
    assert a["share_outlying"] == pytest.approx(0.5) and a["n_edge_expansion"] == 1
    lei = patches.set_index("area")["lei"]
    assert a["awmei"] == pytest.approx((100 * lei[100.0].max() + 0) / 200.0)
    assert summary.loc["2A004", "area_outlying"] == pytest.approx(300.0)
    assert np.isnan(summary.loc["23096", "share_outlying"]) and summary.loc["23096", "n_patches"] == 0


def test_summary_leaves_out_patches_without_territory():
    patches = pd.DataFrame({"area": [10.0, 5.0], "lei": [0.0, 80.0], "growth_class": ["outlying", "infill"]})
    out = growth.growth_summary(patches, ["A", None])
    assert out.index.tolist() == ["A"] and out.attrs["unassigned_area"] == 5.0


# --- SDG 11.3.1 --------------------------------------------------------------------------------------

def independent_sdg(u0, u1, p0, p1, y):
    lcr = math.log(u1 / u0) / y
    pgr = math.log(p1 / p0) / y
    return lcr, pgr, lcr / pgr


def numeric_values(frame):
    return frame.select_dtypes("number").to_numpy(dtype=float)


def test_sdg_formula_against_an_independent_computation():
    u0, u1 = [1.2e6, 3.0e5, 8.0e5], [1.5e6, 3.3e5, 8.1e5]
    p0, p1 = [10000, 2500, 4000], [11000, 2900, 4300]
    out = growth.land_consumption(pd.Series(u0, index=["a", "b", "c"]), u1, p0, p1, 5)
    for i, code in enumerate(["a", "b", "c"]):
        lcr, pgr, ratio = independent_sdg(u0[i], u1[i], p0[i], p1[i], 5)
        row = out.loc[code]
        assert row["lcr"] == pytest.approx(lcr, rel=1e-12) and row["pgr"] == pytest.approx(pgr, rel=1e-12)
        assert row["lcrpgr"] == pytest.approx(ratio, rel=1e-12) and row["flag"] == "ok"
        assert row["urb_per_capita_t0"] == pytest.approx(u0[i] / p0[i])
        assert row["urb_per_capita_t1"] == pytest.approx(u1[i] / p1[i])
        assert row["urb_per_new_inhabitant"] == pytest.approx((u1[i] - u0[i]) / (p1[i] - p0[i]))
        assert row["explanation"] == ""
    assert out.attrs["params"]["stagnation"] == 0.001


def test_stagnating_falling_and_zero_populations_are_flagged_never_infinite():
    out = growth.land_consumption(
        urb_t0=[1e6, 1e6, 1e6, 0.0, 1e6, 1e6, np.nan, 1e6],
        urb_t1=[1.1e6, 1.1e6, 1.1e6, 5e4, 1.1e6, 1.1e6, 1e6, 1.1e6],
        pop_t0=[5000, 5000, 5000, 100, 0, 5000, 100, 5000],
        pop_t1=[5000, 5010, 4000, 120, 50, 0, 120, 6000], years=10)
    assert out["flag"].tolist() == ["stagnating", "stagnating", "declining", "no_built_up", "no_population",
                                    "no_population", "missing", "ok"]
    values = numeric_values(out)
    assert not np.isinf(values).any()
    assert out["lcrpgr"].iloc[:7].isna().all() and np.isfinite(out["lcrpgr"].iloc[7])
    assert out.loc[0, "pgr"] == 0.0 and np.isnan(out.loc[0, "urb_per_new_inhabitant"])
    assert out.loc[1, "urb_per_new_inhabitant"] == pytest.approx(1e5 / 10)  # the added area per new inhabitant
    assert "hardly changed" in out.loc[1, "explanation"]
    assert "10,000 m2 of built-up added per new inhabitant" in out.loc[1, "explanation"]
    assert "fell from 5,000 to 4,000" in out.loc[2, "explanation"]
    assert out.loc[2, "urb_per_capita_t1"] == pytest.approx(1.1e6 / 4000)
    assert "first date" in out.loc[3, "explanation"] and "second date" in out.loc[5, "explanation"]
    assert (out.loc[out["flag"] != "ok", "explanation"] != "").all()


def test_stagnation_threshold_is_a_parameter():
    args = ([1e6], [1.1e6], [5000], [5010], 10)  # PGR = 0.02 % a year
    assert growth.land_consumption(*args)["flag"].item() == "stagnating"
    assert growth.land_consumption(*args, stagnation=0.0001)["flag"].item() == "ok"


def test_area_units_and_refusals():
    out = growth.land_consumption([2.0], [3.0], [1000], [1500], 4, area_unit="km2")
    assert out.loc[0, "urb_per_capita_t0"] == pytest.approx(2000.0)  # m2 per inhabitant
    assert out.loc[0, "urb_per_new_inhabitant"] == pytest.approx(2000.0)
    with pytest.raises(InvalidValueError):
        growth.land_consumption([-1.0], [3.0], [1000], [1500], 4)
    with pytest.raises(InvalidValueError):
        growth.land_consumption([1.0], [3.0], [1000], [1500], 0)
    with pytest.raises(InvalidValueError):
        growth.land_consumption([1.0], [3.0], [1000], [1500], 4, area_unit="acre")


def test_french_communes_2019_2023(data_dir):
    """Real populations (INSEE legal populations 2019 and 2023, Creuse and Corse-du-Sud).

    The built-up areas are CONSTRUCTED, not observed: 450 m2 per inhabitant of 2019, growing by
    0.4 % a year compounded over the four years, so LCR = ln(1.004) everywhere.
    """
    table = pd.read_csv(data_dir / "france_population" / "communes_23_2A_population_2019_2023.csv",
                        dtype={"code": str, "departement": str})
    table = table.set_index("code")
    urb19 = 450.0 * table["pop2019"]
    urb23 = urb19 * 1.004 ** 4
    out = growth.land_consumption(urb19, urb23, table["pop2019"], table["pop2023"], 4)
    assert out.index.tolist() == table.index.tolist() and "2A004" in out.index and "23001" in out.index
    assert not np.isinf(numeric_values(out)).any()
    for code in table.index:
        p0, p1 = table.loc[code, ["pop2019", "pop2023"]]
        assert out.loc[code, "pgr"] == pytest.approx(math.log(p1 / p0) / 4, rel=1e-12, abs=1e-15)
    assert out["lcr"].to_numpy() == pytest.approx(math.log(1.004))
    pgr = np.log(table["pop2023"] / table["pop2019"]) / 4
    assert (out["flag"] == "declining").sum() == (pgr <= -0.001).sum()
    assert (out["flag"] == "stagnating").sum() == (pgr.abs() < 0.001).sum() >= 13  # 13 communes unchanged
    ajaccio = out.loc["2A004"]
    assert ajaccio["flag"] == "ok" and ajaccio["pgr"] == pytest.approx(math.log(76320 / 71361) / 4)
    assert ajaccio["lcrpgr"] == pytest.approx(math.log(1.004) / (math.log(76320 / 71361) / 4))
    ahun = out.loc["23001"]  # 1,410 -> 1,394
    assert ahun["flag"] == "declining" and np.isnan(ahun["lcrpgr"])
    assert "fell from 1,410 to 1,394" in ahun["explanation"]
    # Departements: Creuse shrinks (flagged), Corse-du-Sud grows.
    dep = table.groupby("departement")[["pop2019", "pop2023"]].sum()
    by_dep = growth.land_consumption(450.0 * dep["pop2019"], 450.0 * dep["pop2019"] * 1.004 ** 4,
                                     dep["pop2019"], dep["pop2023"], 4)
    assert by_dep.loc["23", "flag"] == "declining" and by_dep.loc["2A", "flag"] == "ok"


def test_canada_1966_1971_new_brunswick_seems_to_shrink(data_dir):
    """Real populations (census 1966 and 1971); New Brunswick's 1971 figure is a known typo of the
    source (534,557 for 634,557) and Saskatchewan really shrank. The built-up areas are
    CONSTRUCTED: 300 m2 per inhabitant of 1966, plus 2 % a year compounded."""
    with sqlite3.connect(f"file:{data_dir / 'canada' / 'ca_provinces.gpkg'}?mode=ro", uri=True) as connection:
        table = pd.read_sql("SELECT code, pop1966, pop1971 FROM provinces", connection).set_index("code")
    urb66 = 300.0 * table["pop1966"].astype(float)
    out = growth.land_consumption(urb66, urb66 * 1.02 ** 5, table["pop1966"], table["pop1971"], 5)
    flagged = out.index[out["flag"] != "ok"].tolist()
    assert sorted(flagged) == ["NB", "SASK"] and (out.loc[flagged, "flag"] == "declining").all()
    assert "fell from 616,788 to 534,557" in out.loc["NB", "explanation"]
    assert out.loc["NB", "pgr"] == pytest.approx(math.log(534557 / 616788) / 5)
    assert not np.isinf(numeric_values(out)).any() and out.loc[flagged, "lcrpgr"].isna().all()
    ont = out.loc["ONT"]
    assert ont["lcrpgr"] == pytest.approx(math.log(1.02) / (math.log(7703106 / 6960870) / 5))


# --- rings and the prospective buffer ---------------------------------------------------------------

CORES = [box(0, 0, 800, 600), box(1500, 200, 1900, 700),  # two blocks 700 m apart
         shapely.difference(box(6000, 0, 7000, 1000), box(6400, 400, 6600, 600)),  # a ring with a hole
         shapely.union(box(0, 3000, 300, 3100), box(0, 3000, 100, 3600))]  # an L


def test_rings_agree_with_a_buffer_of_the_dissolved_cores():
    distances = [500, 1000, 2000, 5000]
    out = growth.growth_rings(CORES, distances)
    assert out["label"].tolist() == ["urban core", "inner peri-urban", "outer peri-urban", "outer peri-urban",
                                     "rural"]
    assert out["inner"].tolist() == [0, 0, 500, 1000, 2000] and out["outer"].tolist() == [0, 500, 1000, 2000, 5000]
    # Independently: the buffer of the dissolved MultiPolygon (another GEOS path), then differences.
    dissolved = shapely.union_all(CORES)
    outer = [dissolved] + [shapely.buffer(dissolved, d) for d in distances]
    expected = [dissolved.area] + [outer[k + 1].area - outer[k].area for k in range(len(distances))]
    assert out["area"].to_numpy() == pytest.approx(expected, rel=1e-3)
    assert out["geometry"].map(lambda g: g.area).to_numpy() == pytest.approx(out["area"].to_numpy())
    # Non-overlapping: the bands add up to the largest buffer.
    assert shapely.union_all(out["geometry"].to_numpy()).area == pytest.approx(sum(out["area"]), rel=1e-9)
    assert sum(out["area"]) == pytest.approx(outer[-1].area, rel=1e-3)
    assert shapely.intersection(out.loc[1, "geometry"], out.loc[2, "geometry"]).area < 1e-6


def test_rings_around_many_scattered_buildings():
    """Hundreds of small overlapping cores: the union by overlapping groups equals GEOS's global one."""
    rng = np.random.default_rng(11)
    cores = random_buildings(400, rng, spread=3000.0)
    out = growth.growth_rings(cores, [20, 200])
    dissolved = shapely.union_all(cores)
    assert out.loc[0, "area"] == pytest.approx(dissolved.area, rel=1e-9)
    for band, d_in, d_out in ((1, 0, 20), (2, 20, 200)):
        inner = dissolved if d_in == 0 else shapely.buffer(dissolved, d_in)
        expected = shapely.buffer(dissolved, d_out).area - inner.area
        assert out.loc[band, "area"] == pytest.approx(expected, rel=1e-3)
    assert all(g.is_valid for g in out["geometry"])


def test_ring_labels_and_distances_are_checked():
    assert growth.growth_rings(CORES[:1], [100])["label"].tolist() == ["urban core", "inner peri-urban"]
    assert growth.growth_rings(CORES[:1], [100, 200])["label"].tolist()[-1] == "outer peri-urban"
    custom = growth.growth_rings(CORES[:1], [100, 200], labels=["core", "near", "far"])
    assert custom["label"].tolist() == ["core", "near", "far"]
    for bad in ([], [500, 500], [1000, 500], [-5]):
        with pytest.raises(InvalidValueError):
            growth.growth_rings(CORES, bad)
    with pytest.raises(InvalidValueError, match="labels"):
        growth.growth_rings(CORES, [100], labels=["one"])


def test_rings_refuse_the_canadian_provinces_in_degrees(data_dir):
    """Real polygons in EPSG:4326: distances in metres would be degrees."""
    from shapely import wkb

    with sqlite3.connect(f"file:{data_dir / 'canada' / 'ca_provinces.gpkg'}?mode=ro", uri=True) as connection:
        blobs = [row[0] for row in connection.execute("SELECT geom FROM provinces")]
    geoms = [wkb.loads(_gpkg_to_wkb(blob)) for blob in blobs]
    with pytest.raises(GeographicCoordinatesError, match="look like degrees"):
        growth.growth_rings(geoms, [500, 1000])


def _gpkg_to_wkb(blob):
    """Strip the GeoPackage header (8 bytes and an envelope whose size the flags give)."""
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 0x07]
    return bytes(blob[8 + envelope:])


def square_growth(distance):
    """Area added by a round buffer of ``distance`` around a convex square of side 1000 m."""
    return 4 * 1000 * distance + 4 * quarter(distance)


def test_prospective_buffer_holds_the_projected_demand():
    urban = [box(0, 0, 1000, 1000)]
    out = growth.prospective_buffer(urban, 10000, 0.02, 10, tolerance=1e-7).iloc[0]
    projected = 10000 * 1.02 ** 10
    demand = (projected - 10000) / (10000 / 1e6)  # observed density 10,000 inhabitants per km2
    assert out["projected_pop"] == pytest.approx(projected) and out["land_demand"] == pytest.approx(demand)
    assert out["density"] == pytest.approx(10000.0)
    # Solve 4000 d + 4 q d^2 = demand (q the quarter circle of radius 1) independently.
    a, b = 4 * quarter(1.0), 4000.0
    expected = (-b + math.sqrt(b * b + 4 * a * demand)) / (2 * a)
    assert out["distance"] == pytest.approx(expected, rel=1e-6)
    assert out["band_area"] == pytest.approx(demand, rel=1e-6)
    assert square_growth(out["distance"]) == pytest.approx(demand, rel=1e-6)
    band = shapely.difference(shapely.buffer(urban[0], out["distance"]), urban[0])
    assert out["geometry"].area == pytest.approx(band.area, rel=1e-9)


def test_prospective_buffer_with_a_density_or_a_target_area():
    urban = [box(0, 0, 1000, 1000)]
    dense = growth.prospective_buffer(urban, 10000, 0.02, 10, density=5000).iloc[0]
    assert dense["land_demand"] == pytest.approx((10000 * 1.02 ** 10 - 10000) / 5000 * 1e6)
    target = growth.prospective_buffer(urban, None, None, None, target_area=250_000).iloc[0]
    assert target["band_area"] == pytest.approx(250_000, rel=1e-4)
    # A non-convex urban area: the band still holds the demand.
    l_shape = [shapely.union(box(0, 0, 1000, 200), box(0, 0, 200, 1000))]
    bent = growth.prospective_buffer(l_shape, None, None, None, target_area=300_000, tolerance=1e-6).iloc[0]
    assert bent["band_area"] == pytest.approx(300_000, rel=1e-6)


def test_prospective_buffer_without_growth_has_no_band():
    out = growth.prospective_buffer([box(0, 0, 1000, 1000)], 10000, -0.01, 10).iloc[0]
    assert out["distance"] == 0.0 and out["geometry"].is_empty and "No land demand" in out["note"]
    with pytest.raises(InvalidValueError):
        growth.prospective_buffer([box(0, 0, 1000, 1000)], 0, 0.01, 10)


# --- UN-Habitat urban extent ---------------------------------------------------------------------------

def test_built_up_cover_is_exact():
    rng = np.random.default_rng(3)
    centres = rng.uniform(0, 400, (60, 2))
    squares = shapely.box(X0 + centres[:, 0], Y0 + centres[:, 1], X0 + centres[:, 0] + 7, Y0 + centres[:, 1] + 5)
    rotated = np.array([shapely.affinity.rotate(g, 30 * i) for i, g in enumerate(squares)])
    polygons = [shapely.union_all(rotated), box(600, 600, 700, 700).difference(box(620, 620, 640, 640))]
    cover, origin = growth.built_up_cover(polygons, cell=10.0)
    assert origin[0] % 10 == 0 and origin[1] % 10 == 0
    assert cover.sum() * 100.0 == pytest.approx(sum(p.area for p in polygons), rel=1e-5)  # float32 shares
    assert cover.max() <= 1.0


def test_urban_extent_classes_on_a_block_with_a_hole():
    # A 2 km block with a 600 m hole, and a lone 20 m building 3 km away.
    block = shapely.difference(box(0, 0, 2000, 2000), box(700, 700, 1300, 1300))
    out = growth.urban_extent_classes([block, box(5000, 1000, 5020, 1020)], cell=10.0)
    area = out.table["area"]
    # The hole: a 100 m fringe inside it (cell centres within 100 m of built-up cells), and a 400 m
    # square of captured open space (16 ha, below 200 ha).
    assert area[4] == pytest.approx(400 * 400)
    assert area[5] == pytest.approx(400.0)  # the lone building: rural built-up
    assert area[1] + area[2] == pytest.approx(block.area)
    # Fringe: the hole's inner band and a 100 m band outside the block with rounded corners.
    inner = 600 ** 2 - 400 ** 2
    outer_band = 4 * 2000 * 100 + math.pi * 100 ** 2
    assert area[3] == pytest.approx(inner + outer_band, rel=0.01)
    centre = out.classes[int((out.origin[1] - (Y0 + 300)) // 10), int((X0 + 300 - out.origin[0]) // 10)]
    corner = out.classes[int((out.origin[1] - (Y0 + 5)) // 10), int((X0 + 5 - out.origin[0]) // 10)]
    assert centre == 1 and corner == 2  # urban inside, suburban at the block's corner (about 27 %)
    assert out.params["urban_extent_area"] == pytest.approx(area[[1, 2, 3, 4]].sum())
    polygons = out.polygons()
    assert polygons[4].area == pytest.approx(area[4]) and polygons[1].area == pytest.approx(area[1])
    assert out.polygons([4]).index.tolist() == [4]
    extent = out.extent_polygon()
    assert extent.area == pytest.approx(out.params["urban_extent_area"]) and extent.contains(box(900, 900, 1100, 1100))


def test_urban_extent_refuses_a_huge_grid():
    with pytest.raises(InvalidValueError, match="too large"):
        growth.urban_extent_classes([box(0, 0, 100_000, 100_000)], cell=10.0)


def test_urban_extent_grid_refuses_degrees_and_tiny_cells():
    cover = np.ones((5, 5))
    with pytest.raises(GeographicCoordinatesError):
        growth.urban_extent_grid(cover, (2.3, 48.9), 0.0001)
    with pytest.raises(InvalidValueError, match="metres"):
        growth.urban_extent_grid(cover, (X0, Y0), 0.1)
