import numpy as np
import pandas as pd
import shapely


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
