"""The overlay's clipping of convex parcels (core/tenure/zones.py, cut_areas) against independent computations.

Convex parcels are clipped against the zones' rings without GEOS; the areas must be those of shapely's
intersection, pair by pair, whatever the parcels' orientation, the zones' holes and parts, and where
parcels and zones only touch (no row) or share edges.
"""

import numpy as np
import pandas as pd
import pytest
import shapely

from alliance_territories.alliance_plugin.core import tenure
from alliance_territories.alliance_plugin.core.tenure import clip
from alliance_territories.alliance_plugin.core.tenure import zones as zone_engine


def random_convex(rng, n, scale=60.0, extent=2000.0):
    """Convex polygons of 3 to 8 vertices (hulls of random points), half of them turned clockwise."""
    out = []
    for i in range(n):
        centre = rng.uniform(0, extent, 2)
        hull = shapely.convex_hull(shapely.multipoints(centre + rng.normal(0, scale, (rng.integers(3, 9), 2))))
        if hull.geom_type != "Polygon":
            hull = shapely.box(*centre, *(centre + 10))
        out.append(hull.reverse() if i % 2 else hull)
    return np.array(out, dtype=object)


def zones_with_holes_and_parts(rng, extent=2000.0):
    """Jittered Voronoi cells (non-convex), some with a hole, one multi-part, and a square on the grid."""
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(rng.uniform(0, extent, (40, 2)))))
    cells = shapely.segmentize(shapely.intersection(cells, shapely.box(0, 0, extent, extent)), 40.0)
    zones = []
    for k, cell in enumerate(cells):
        xy = shapely.get_coordinates(cell)
        xy = xy + rng.uniform(-10, 10, xy.shape)
        xy[-1] = xy[0]
        zone = shapely.make_valid(shapely.Polygon(xy))
        if k % 3 == 0:
            zone = zone.difference(shapely.buffer(shapely.centroid(zone), 60.0, quad_segs=3))
        zones.append(zone)
    zones.append(shapely.MultiPolygon([shapely.box(100, 100, 300, 300), shapely.box(400, 100, 500, 300)]))
    zones.append(shapely.box(1000, 1000, 1100, 1100))
    return np.array(zones, dtype=object)


def test_clipped_areas_are_shapely_intersection_areas_pair_by_pair(monkeypatch):
    rng = np.random.default_rng(3)
    parcels = random_convex(rng, 600)
    zones = zones_with_holes_and_parts(rng)
    repaired, _ = tenure.repair_polygons(zones)
    prepared = zone_engine.Zones(shapely.to_wkb(repaired), np.zeros(len(zones), dtype=np.int64))
    p, z = prepared.tree.query(parcels, predicate="intersects")
    area = shapely.area(parcels)
    measured_by_geos = []
    with monkeypatch.context() as patch:
        intersection = shapely.intersection
        patch.setattr(shapely, "intersection", lambda a, b: measured_by_geos.append(len(a)) or intersection(a, b))
        ours = zone_engine.cut_areas(parcels, area, p, z, prepared)
    assert sum(measured_by_geos) < 0.1 * len(p)  # the touching pairs and slivers only
    theirs = shapely.area(shapely.intersection(parcels[p], prepared.geoms[z]))
    assert len(p) > 800 and (theirs > 0).sum() > 700 and (theirs < area[p]).sum() > 300
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-12 * area[p].max())
    assert ((ours > 0) == (theirs > 0)).all()


def test_touching_sharing_and_non_convex_parcels():
    """Parcels sharing an edge with a zone, touching it at a corner, L-shaped or with a hole; duplicate and
    collinear vertices: the areas of an independent per-pair computation, and no row where only touching."""
    zone = shapely.box(0, 0, 10, 10)
    parcels = np.array([
        shapely.box(10, 0, 12, 10),  # shares the zone's right edge: no area
        shapely.box(10, 10, 11, 11),  # touches a corner
        shapely.Polygon([(8, 2), (12, 2), (12, 4), (8, 4), (8, 2)]).reverse(),  # half inside, clockwise
        shapely.Polygon([(5, 5), (5, 5), (15, 5), (15, 15), (10, 15), (5, 15), (5, 5)]),  # duplicate, collinear
        shapely.Polygon([(9, 9), (12, 9), (12, 12), (11, 12), (11, 10), (9, 10), (9, 9)]),  # L-shape
        shapely.box(-5, -5, 5, 5).difference(shapely.box(-1, -1, 1, 1)),  # a hole
        shapely.Polygon([(0, 0), (10, 0), (5, 1e-7), (0, 0)]),  # a sliver along the edge
    ], dtype=object)
    out = tenure.overlay_areas(parcels, [zone], parcel_ids=np.arange(len(parcels)), zone_classes=["z"])
    got = dict(zip(out.areas["parcel_id"], out.areas["area"]))
    expected = {i: shapely.area(shapely.intersection(parcel, zone)) for i, parcel in enumerate(parcels)}
    assert sorted(got) == [i for i, a in expected.items() if a > 0] == [2, 3, 4, 5, 6]
    for i in got:
        assert got[i] == pytest.approx(expected[i], rel=1e-12)


def test_overlay_areas_equal_an_independent_union_per_class():
    """The whole overlay (containment, clipping, unions of same-class zones) against shapely per pair."""
    rng = np.random.default_rng(5)
    parcels = random_convex(rng, 400, scale=40.0)
    zones = zones_with_holes_and_parts(rng)
    classes = np.array(["flood", "growth", "forest"])[np.arange(len(zones)) % 3]
    out = tenure.overlay_areas(parcels, zones, parcel_ids=np.arange(len(parcels)), zone_classes=classes,
                               chunk_size=150)
    union = {c: shapely.union_all(shapely.make_valid(zones[classes == c])) for c in set(classes)}
    rows = []
    for i, parcel in enumerate(parcels):
        for c, zone in union.items():
            covered = shapely.area(shapely.intersection(parcel, zone))
            if covered > 1e-9 * parcel.area:
                rows.append((i, c, covered))
    expected = pd.DataFrame(rows, columns=["parcel_id", "class", "area"]).set_index(["parcel_id", "class"])["area"]
    ours = out.areas.set_index(["parcel_id", "class"])["area"]
    assert len(expected) > 300 and out.info["unions"] > 0
    assert sorted(ours.index) == sorted(expected.index)
    np.testing.assert_allclose(ours.reindex(expected.index), expected, rtol=1e-9)
    # The pieces (GEOS's intersections throughout) give the same areas.
    pieces = tenure.overlay_areas(parcels, zones, parcel_ids=np.arange(len(parcels)), zone_classes=classes,
                                  return_pieces=True)
    pd.testing.assert_frame_equal(pieces.areas[["parcel_id", "class"]], out.areas[["parcel_id", "class"]])
    np.testing.assert_allclose(pieces.areas["area"], out.areas["area"], rtol=1e-10)


def test_two_or_three_zones_of_a_class_count_their_overlap_once():
    """Two zones of one class over a parcel: their areas minus their common area; three: united; zones that
    only touch: their sum. Against shapely's union, parcel by parcel."""
    zones = np.array([shapely.box(0, 0, 6, 10), shapely.box(4, 0, 10, 10),  # overlap 4..6
                      shapely.box(20, 0, 26, 10), shapely.box(26, 0, 30, 10),  # touch at x = 26
                      shapely.box(40, 0, 46, 10), shapely.box(44, 0, 50, 10), shapely.box(42, 5, 48, 12)],
                     dtype=object)
    classes = ["a"] * len(zones)
    parcels = np.array([shapely.Polygon([(2, 2), (8, 1), (9, 7), (3, 8), (2, 2)]),
                        shapely.Polygon([(24, 2), (28, 1), (29, 7), (23, 8), (24, 2)]).reverse(),
                        shapely.Polygon([(41, 2), (49, 1), (49, 11), (41, 9), (41, 2)]),
                        shapely.Polygon([(3, 3), (7, 3), (7, 5), (5, 4), (3, 5), (3, 3)])], dtype=object)  # concave
    out = tenure.overlay_areas(parcels, zones, parcel_ids=np.arange(4), zone_classes=classes)
    union = shapely.union_all(zones)
    expected = shapely.area(shapely.intersection(parcels, union))
    assert out.areas["parcel_id"].tolist() == [0, 1, 2, 3] and out.info["unions"] == 4
    np.testing.assert_allclose(out.areas["area"], expected, rtol=1e-12)


def test_numpy_validity_of_triangles_and_quadrilaterals_is_geos():
    """repair_polygons skips GEOS's is_valid for rings of 3-4 vertices turning clearly one way: the status of
    every parcel (valid or repaired) must stay GEOS's, for self-crossing, degenerate and odd rings too."""
    rng = np.random.default_rng(7)
    corners = rng.uniform(0, 10, (3000, 4, 2))
    corners[:1000] = np.round(corners[:1000])  # on a grid: collinear and repeated vertices
    quads = shapely.polygons(np.concatenate([corners, corners[:, :1]], axis=1))  # bow-ties among them
    triangles = shapely.polygons(np.concatenate([corners[:, :3], corners[:, :1]], axis=1))
    odd = [shapely.from_wkt(w) for w in (
        "POLYGON((0 0, 1 0, 1 0, 0 1, 0 0))", "POLYGON((0 0, 2 0, 1 0, 0 1, 0 0))", "POLYGON((0 0, 1 1, 2 2, 0 0))",
        "POLYGON((0 0, 10 0, 10 10, 0 10.000000000001, 0 0))", "POLYGON((0 0, 1e-13 0, 1 1, 0 1, 0 0))",
        "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 3, 3 3, 2 2))", "POLYGON((0 0, 4 0, 1 1, 0 4, 0 0))",
        "POLYGON Z((0 0 1, 1 0 2, 1 1 3, 0 0 1))", "MULTIPOLYGON(((0 0, 1 0, 0 1, 0 0)))", "POLYGON EMPTY")]
    geoms = np.concatenate([quads, triangles, np.array(odd + [None], dtype=object)])
    with np.errstate(invalid="ignore"):
        expected = np.where(shapely.is_missing(geoms), 2, np.where(shapely.is_empty(geoms), 3,
                                                                   np.where(shapely.is_valid(geoms), 0, 1)))
    fast = clip.simple_convex(geoms)
    assert 1000 < fast.sum() < len(geoms) - 1000  # both paths are taken
    assert not shapely.is_valid(geoms[:3000]).all()
    _, status = tenure.repair_polygons(geoms)
    not_finite = [shapely.from_wkt(f"POLYGON((0 0, 1 0, 1 {v}, 0 1, 0 0))") for v in ("NaN", "Inf")]
    assert not clip.simple_convex(np.array(not_finite, dtype=object)).any()  # left to GEOS
    assert status.tolist() == expected.tolist()
