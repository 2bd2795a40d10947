"""UN-Habitat urban extent: exact built-up cover, the classes of a block with a hole against areas
computed by hand, and the refusals."""

import math

import numpy as np
import pytest
import shapely
import shapely.affinity

from alliance_territories.alliance_plugin.core.errors import InvalidValueError
from alliance_territories.alliance_plugin.core.geometry import GeographicCoordinatesError
from alliance_territories.alliance_plugin.core.growth import extent as growth

# Lambert-93 around Paris: metric coordinates far from the CRS origin (see refuse_degrees).
X0, Y0 = 651_000.0, 6_862_000.0


def box(x0, y0, x1, y1):
    return shapely.box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


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


def test_extent_layer_has_one_dissolved_polygon_per_class_present():
    block = shapely.difference(box(0, 0, 2000, 2000), box(700, 700, 1300, 1300))
    out = growth.urban_extent_classes([block, box(5000, 1000, 5020, 1020)], cell=10.0)
    table, geometries = growth.extent_layer(out, 2020)
    assert table.columns.tolist() == ["year", "code", "class", "in_extent", "cells", "area"]
    assert table["code"].tolist() == [1, 2, 3, 4, 5] and table["in_extent"].tolist() == [1, 1, 1, 1, 0]
    assert (table["year"] == 2020).all() and table["class"].tolist()[3] == "captured open space"
    assert [g.area for g in geometries] == pytest.approx(table["area"].tolist())
