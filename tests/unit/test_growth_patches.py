"""Growth patches and the landscape expansion index: hand-made squares with exact LEI, patches
against a global union computed another way, and the summary per territory."""

import math

import numpy as np
import pandas as pd
import pytest
import shapely

from alliance_territories.alliance_plugin.core.errors import AllianceError, InvalidValueError
from alliance_territories.alliance_plugin.core.geometry import GeographicCoordinatesError
from alliance_territories.alliance_plugin.core.growth import patches as growth

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
