import numpy as np
import pandas as pd
import pytest
import shapely

from alliance_territories.alliance_plugin.core.errors import AllianceError
from alliance_territories.alliance_plugin.core.geometry import (
    GeographicCoordinatesError, dissolve_parts, explode_polygons, polygon_parts, refuse_degrees, union_by_group,
    zone_of_points)


def test_bowtie_point_is_inside_the_repaired_polygon(core):
    bowtie = shapely.from_wkt("POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))")
    empty = shapely.from_wkt("POLYGON EMPTY")
    points = core.geometry.representative_points([bowtie, None, empty])
    assert shapely.make_valid(bowtie).contains(points[0])
    assert points[1] is None and points[2] is None


def test_repair_keeps_both_halves_of_a_bowtie(core):
    bowtie = shapely.from_wkt("POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))")
    assert core.geometry.repair([bowtie])[0].area == 50.0  # buffer(0) would give 25


def test_points_by_code_uses_the_largest_part(core):
    small = shapely.box(100, 100, 101, 101)
    large = shapely.box(0, 0, 10, 10)
    points = core.geometry.points_by_code(["A", "A", None, "B"], [small, large, large, None])
    assert points.index.tolist() == ["A", "B"]
    assert large.contains(points["A"]) and points["B"] is None


def test_flow_lines(core):
    points = pd.Series([shapely.Point(0, 0), shapely.Point(3, 4), None], index=["A", "B", "C"])
    lines = core.geometry.flow_lines(np.array(["A", "B", "A"]), np.array(["B", "A", "C"]), points)
    assert lines[0].length == 5.0 and lines[1].coords[0] == (3.0, 4.0)
    assert lines[2] is None


def test_dissolve_parts_unions_overlapping_groups_only():
    boxes = [shapely.box(0, 0, 2, 2), shapely.box(1, 1, 3, 3), shapely.box(3, 3, 4, 4), shapely.box(9, 9, 10, 10)]
    parts = dissolve_parts(boxes)
    assert sorted(round(p.area, 9) for p in parts) == [1.0, 8.0]  # the corner touch joins the group
    assert shapely.union_all(parts).equals(shapely.union_all(boxes))
    at_once = dissolve_parts(boxes, max_pairs=1)  # too many pairs: one union_all
    assert len(at_once) == 1 and at_once[0].equals(shapely.union_all(boxes))


def test_union_by_group_with_several_sizes():
    boxes = np.array([shapely.box(i, 0, i + 1, 1) for i in range(6)])
    groups, unions = union_by_group(boxes, np.array([2, 0, 2, 1, 2, 1]))
    assert groups.tolist() == [0, 1, 2] and [u.area for u in unions] == [1.0, 2.0, 3.0]


def test_zone_of_points_takes_the_smallest_code_on_a_border():
    zones = [shapely.box(0, 0, 500, 500), shapely.box(500, 0, 1000, 500), shapely.box(0, 0, 1000, 500)]
    points = [shapely.Point(600, 10), shapely.Point(500, 10), shapely.Point(2000, 0), None]
    assert zone_of_points(points, ["Z", "B", "C"], zones).tolist() == ["B", "B", None, None]
    assert zone_of_points([None], ["A"], zones[:1]).tolist() == [None]


def test_zone_of_points_reports_progress_by_chunks_and_stops_when_canceled():
    zones = [shapely.box(0, 0, 500, 500), shapely.box(500, 0, 1000, 500)]
    points = [shapely.Point(x, 10) for x in (100, 500, 600, 2000, 900)] + [None]
    expected = ["A", "A", "B", None, "B", None]
    seen = []
    assert zone_of_points(points, ["A", "B"], zones, progress=seen.append, chunk=2).tolist() == expected
    assert seen == [40.0, 80.0, 100.0]  # 5 points with a geometry, 2 at a time
    calls = []
    assert zone_of_points(points, ["A", "B"], zones, is_canceled=lambda: calls.append(1) or len(calls) == 2,
                          chunk=2) is None
    assert len(calls) == 2  # stopped after the second chunk


def test_polygon_parts_explode_repair_and_refuse_degrees():
    bowtie = shapely.from_wkt("POLYGON((1000 1000, 1010 1010, 1010 1000, 1000 1010, 1000 1000))")
    mixed = shapely.GeometryCollection([shapely.box(2000, 0, 2010, 10), shapely.LineString([(0, 0), (1, 1)])])
    assert len(explode_polygons([bowtie, mixed, None])) == 2  # as given: the bow-tie not repaired
    parts = polygon_parts([bowtie, mixed, None], "the cores")
    assert sorted(p.area for p in parts) == [25.0, 25.0, 100.0]
    with pytest.raises(GeographicCoordinatesError, match="the cores: coordinates"):
        polygon_parts([shapely.box(2.3, 48.8, 2.4, 48.9)], "the cores")
    assert issubclass(GeographicCoordinatesError, AllianceError)
    refuse_degrees((np.nan, np.nan, np.nan, np.nan))  # no data passes
