"""Square grids (core/grid.py): points summed on a grid aligned on the cell size, cells back to polygons,
and polygons read as the cells of one grid (hand-made grids: exact, shifted, coastal cells, refusals)."""

import numpy as np
import pytest
import shapely

from alliance_territories.alliance_plugin.core import grid
from alliance_territories.alliance_plugin.core.errors import InvalidValueError
from alliance_territories.alliance_plugin.core.geometry import GeographicCoordinatesError


# --- grids from points, and back to polygons ----------------------------------------------------------------

def test_points_aggregate_on_a_grid_aligned_on_the_cell_size():
    x = np.array([651_234.0, 651_999.9, 652_000.0, 653_500.0])
    y = np.array([6_862_500.0, 6_862_000.0, 6_862_999.0, 6_864_100.0])
    grid_, origin = grid.population_grid(x, y, [1, 2, 4, 8])
    assert origin == (651_000.0, 6_865_000.0) and grid_.shape == (3, 3)
    assert grid_.sum() == 15 and grid_[2, 0] == 3 and grid_[2, 1] == 4 and grid_[0, 2] == 8
    wide, origin = grid.population_grid(x, y, [1, 2, 4, 8], bounds=(650_500, 6_861_000, 655_000, 6_865_000))
    assert origin == (650_000.0, 6_866_000.0) and wide.shape == (5, 6) and wide.sum() == 15
    with pytest.raises(InvalidValueError, match="outside"):
        grid.population_grid(x, y, [1, 2, 4, 8], bounds=(652_000, 6_861_000, 655_000, 6_865_000))


def test_points_in_degrees_are_refused():
    with pytest.raises(GeographicCoordinatesError):
        grid.population_grid([2.35, 2.36], [48.85, 48.86], [100, 200])


def test_grid_polygons_and_cells():
    classes = np.array([[3, 3, 1], [2, 3, 1]])
    polygons = grid.grid_polygons(classes, (651_000.0, 6_862_000.0), 1000.0, background=1)
    assert polygons.index.tolist() == [2, 3]
    assert polygons[3].area == 3e6 and polygons[3].geom_type == "Polygon"
    cells = grid.grid_cells(classes.shape, (651_000.0, 6_862_000.0), 1000.0)
    assert len(cells) == 6 and shapely.union_all(cells[classes.ravel() == 3]).equals(polygons[3])


# --- polygons read as the cells of one grid --------------------------------------------------------------

def lattice_boxes(rows, cols, left=651_000.0, top=6_865_000.0, cell=1000.0):
    """The bounds of the (row, col) squares of a grid whose top-left corner is (left, top)."""
    rows, cols = np.asarray(rows, dtype=float), np.asarray(cols, dtype=float)
    return shapely.bounds(shapely.box(left + cols * cell, top - (rows + 1) * cell,
                                      left + (cols + 1) * cell, top - rows * cell))


def test_an_exact_lattice_gives_its_rows_columns_origin_and_cell():
    rows, cols = [2, 0, 1, 2], [0, 1, 3, 3]  # given in any order, with holes
    out_rows, out_cols, origin, cell = grid.cell_lattice(lattice_boxes(rows, cols))
    assert out_rows.tolist() == rows and out_cols.tolist() == cols
    assert origin == (651_000.0, 6_865_000.0) and cell == 1000.0


def test_rows_and_columns_start_at_the_polygons_given():
    out_rows, out_cols, origin, cell = grid.cell_lattice(lattice_boxes([5, 6], [7, 9]))
    assert out_rows.tolist() == [0, 1] and out_cols.tolist() == [0, 2]
    assert origin == (658_000.0, 6_860_000.0) and cell == 1000.0


def test_a_lattice_not_on_multiples_of_the_cell_keeps_its_own_alignment():
    bounds = lattice_boxes([0, 0, 1], [0, 1, 1], left=651_234.5, top=6_865_432.1, cell=250.0)
    out_rows, out_cols, origin, cell = grid.cell_lattice(bounds)
    assert out_rows.tolist() == [0, 0, 1] and out_cols.tolist() == [0, 1, 1]
    assert origin == pytest.approx((651_234.5, 6_865_432.1)) and cell == 250.0


def test_a_cell_cut_along_a_coast_stays_in_its_cell():
    bounds = lattice_boxes([0, 0, 1], [0, 1, 0])
    bounds[2] = [651_000.0, 6_863_000.0, 651_400.0, 6_863_700.0]  # the western part of cell (1, 0)
    out_rows, out_cols, _, _ = grid.cell_lattice(bounds)
    assert out_rows.tolist() == [0, 0, 1] and out_cols.tolist() == [0, 1, 0]


def test_a_polygon_off_the_lattice_is_refused_with_its_bounds():
    bounds = lattice_boxes([0, 0, 1], [0, 1, 1])
    bounds[1] += [500.0, 0.0, 500.0, 0.0]  # straddles two cells
    with pytest.raises(InvalidValueError, match=r"1 polygons are not cells of a regular grid of 1000 m squares "
                                                r"\(the first: bounds 652500\.0, 6864000\.0, 653500\.0, 6865000\.0\)"):
        grid.cell_lattice(bounds)


def test_polygons_that_are_not_squares_are_refused():
    rectangles = np.array([[0.0, 0.0, 1000.0, 500.0], [1000.0, 0.0, 2000.0, 500.0]]) + [651_000, 6_862_000] * 2
    with pytest.raises(InvalidValueError, match="not the square cells of a grid"):
        grid.cell_lattice(rectangles)


def test_grid_of_cells_lays_values_and_land_shares():
    bounds = lattice_boxes([0, 1, 1], [0, 0, 2])
    out = grid.grid_of_cells(bounds, [10.0, np.nan, 30.0], land_share=[0.5, np.nan, 0.25])
    assert out.shape == (2, 3) and not out.land_as_percent
    assert np.array_equal(out.population, [[10.0, np.nan, np.nan], [np.nan, np.nan, 30.0]], equal_nan=True)
    assert out.land.tolist() == [[0.5, 1.0, 1.0], [1.0, 1.0, 0.25]]  # no share given: all land
    percent = grid.grid_of_cells(bounds, [1.0, 2.0, 3.0], land_share=[50.0, 100.0, 0.0])
    assert percent.land_as_percent and percent.land[1, 0] == 1.0 and percent.land[0, 0] == 0.5
    assert grid.grid_of_cells(bounds, [1.0, 2.0, 3.0]).land is None


def test_grid_of_cells_refuses_a_cell_given_twice_and_a_huge_grid():
    with pytest.raises(InvalidValueError, match="1 grid cells are given more than once"):
        grid.grid_of_cells(lattice_boxes([0, 0, 1], [0, 0, 0]), [1.0, 2.0, 3.0])
    with pytest.raises(InvalidValueError, match=r"A grid of 2 x 2 cells of 1000 m is too large \(limit 3\)"):
        grid.grid_of_cells(lattice_boxes([0, 1], [0, 1]), [1.0, 2.0], max_cells=3)


def test_cell_points_and_boxes():
    rows, cols = np.array([0, 1]), np.array([2, 0])
    boxes = grid.cell_boxes(rows, cols, (651_000.0, 6_865_000.0), 1000.0)
    assert [b.bounds for b in boxes] == [tuple(b) for b in lattice_boxes(rows, cols)]
    centres = grid.cell_points(rows, cols, (651_000.0, 6_865_000.0), 1000.0)
    assert shapely.equals(centres, shapely.centroid(boxes)).all()
    bowtie = shapely.from_wkt("POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))")
    inside = grid.cell_points(rows, cols, None, None, polygons=[bowtie, boxes[1]])
    assert shapely.make_valid(bowtie).contains(inside[0]) and boxes[1].contains(inside[1])
