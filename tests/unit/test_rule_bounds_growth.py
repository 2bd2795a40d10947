"""Every bound of the urban-growth rules, on the bound and on both sides of it (issue 13).

- Landscape expansion index (Liu et al. 2010; methods.md, section 5): ``LEI = 100 * A_old /
  (A_old + A_vacant)`` over a ring around the new patch (1 m by default); infill when
  LEI > 50, edge expansion when 0 < LEI <= 50, outlying when LEI = 0. Pieces at or below
  ``min_area`` are dropped (0 by default).
- UN-Habitat urban extent (as Trends.Earth): built-up share within 500 m: urban > 50 %,
  suburban 25-50 %, rural < 25 %; a cell is built-up from ``min_cover`` (0.5); fringe open
  space within 100 m of urban or suburban built-up; captured open space below 200 ha.
- SDG 11.3.1: ``LCR = ln(Urb1/Urb0)/y``, ``PGR = ln(Pop1/Pop0)/y``, ``LCRPGR = LCR/PGR``, left
  NULL and flagged when the population stagnates (``|PGR| < 0.001``, 0.1 % a year), declines
  (``PGR <= -0.001``) or an area or population is zero or missing.
- Growth rings: the last band is rural from 3 bands on; the prospective buffer projects
  ``P (1 + r)^years`` at the observed density.

The LEI geometry uses ``quad_segs=1``: the 1 m buffer of a 10 m square is then an octagon with
exact corners (12 x 12 less four half-unit triangles = 142 m2), so its ring is exactly 42 m2
and every area below is a sum of whole and half square metres, worked out by hand.
"""

import math

import numpy as np
import pandas as pd
import pytest
import shapely

from alliance_territories.alliance_plugin.core import growth

X0, Y0 = 500000.0, 6600000.0  # projected metres (never mistaken for degrees)
PATCH = shapely.box(X0, Y0, X0 + 10, Y0 + 10)


def _lei(old, **options):
    patches = growth.growth_patches([old], [PATCH], **options)
    assert len(patches) == 1
    return patches.loc[0]


# --- LEI class bounds: infill > 50, edge 0 < LEI <= 50, outlying 0 ----------------------------------

@pytest.mark.parametrize("c, lei, cls", [
    # Old built-up covers the ring where x < X0 + c: the octagon's part there is 11 + 12c
    # (the left trapezoid x in [-1, 0] is 11), less the patch's 10c: 11 + 2c of the 42 m2 ring.
    (5.0, 50.0, "edge_expansion"),     # 21 / 42 = 50 exactly: not > 50, so edge expansion
    (5.01, 100 * 21.02 / 42, "infill"),
    (4.99, 100 * 20.98 / 42, "edge_expansion"),
])
def test_lei_infill_bound_at_50(c, lei, cls):
    old = shapely.box(X0 - 10, Y0 - 10, X0 + c, Y0 + 20).difference(PATCH)
    row = _lei(old, quad_segs=1)
    assert row["ring_area"] == pytest.approx(42.0)
    assert row["lei"] == pytest.approx(lei, abs=1e-9)
    assert row["growth_class"] == cls


@pytest.mark.parametrize("gap, cls, lei", [
    (0.5, "edge_expansion", 100 * 5.0 / 42),     # the ring's strip x in [-1, -0.5], y in [0, 10]: 5 m2
    (0.999, "edge_expansion", 100 * 0.01 / 42),  # a strip 0.001 m wide: LEI > 0, still edge expansion
    (1.0, "outlying", 0.0),                      # exactly the ring's width away: nothing in the ring
    (1.5, "outlying", 0.0),
])
def test_lei_zero_bound_is_outlying(gap, cls, lei):
    old = shapely.box(X0 - 10, Y0, X0 - gap, Y0 + 10)
    row = _lei(old, quad_segs=1, ring=1.0)
    assert row["growth_class"] == cls
    assert row["lei"] == pytest.approx(lei, abs=1e-9)
    assert row["distance"] == pytest.approx(gap)


@pytest.mark.parametrize("gap, cls", [(0.5, "edge_expansion"), (1.5, "outlying")])
def test_default_ring_is_1_m(gap, cls):
    # No ring given: 1 m. Old built-up 0.5 m away is in the ring (edge expansion), 1.5 m away is not
    # (outlying); a default of 2 m would make 1.5 m edge expansion, one of 0.4 m 0.5 m outlying.
    old = shapely.box(X0 - 10, Y0, X0 - gap, Y0 + 10)
    assert _lei(old)["growth_class"] == cls


def test_default_quad_segs_is_8():
    # The default round joins: 8 segments a quarter circle, vertices on the 1 m circle. The four corners
    # make a regular 32-gon of radius 1, area 32/2 * sin(2 pi / 32) = 16 sin(pi / 16); the sides 4 * 10.
    ring = _lei(shapely.box(X0 - 10, Y0, X0 - 0.5, Y0 + 10))["ring_area"]
    assert ring == pytest.approx(40 + 16 * math.sin(math.pi / 16), rel=1e-9)


@pytest.mark.parametrize("min_area, kept", [(100.0, 0), (99.99, 1)])
def test_min_area_drops_pieces_at_or_below_it(min_area, kept):
    # The patch is 100 m2: dropped at min_area 100 (at or below), kept at 99.99.
    out = growth.growth_patches([shapely.box(X0 - 50, Y0, X0 - 40, Y0 + 10)], [PATCH], min_area=min_area)
    assert len(out) == kept


def test_default_min_area_keeps_every_piece():
    # A sliver of 0.0001 m2 is kept with the default (0): only pieces of area 0 go.
    sliver = shapely.box(X0, Y0, X0 + 0.01, Y0 + 0.01)
    out = growth.growth_patches([shapely.box(X0 - 50, Y0, X0 - 40, Y0 + 10)], [sliver])
    assert out["area"].tolist() == pytest.approx([1e-4])


def test_growth_summary_shares_by_hand():
    # A: 30 m2 infill (LEI 60) and 10 m2 outlying (LEI 0): 40 added, outlying share 10/40 = 0.25,
    # AWMEI (30*60 + 10*0) / 40 = 45. B: 60 m2 edge (LEI 50): share 0, AWMEI 50.
    patches = pd.DataFrame({"area": [30.0, 10.0, 60.0], "lei": [60.0, 0.0, 50.0],
                            "growth_class": ["infill", "outlying", "edge_expansion"]})
    out = growth.growth_summary(patches, ["A", "A", "B"])
    assert out["share_outlying"].tolist() == pytest.approx([0.25, 0.0])
    assert out["awmei"].tolist() == pytest.approx([45.0, 50.0])
    assert out[["n_infill", "n_edge_expansion", "n_outlying"]].values.tolist() == [[1, 0, 1], [0, 1, 0]]


# --- urban extent: urban > 50 %, suburban >= 25 %, rural < 25 % -----------------------------------------

def _extent_centre(neighbour_cover, centre_cover=1.0, **options):
    """Class of a centre cell whose 4 neighbours have ``neighbour_cover`` (below 0.5: open cells).

    With cells of 10 m and a radius of 10 m the neighbourhood is the cell and its 4 neighbours
    (centres within 10 m): the centre's built-up share is (centre + 4 * neighbour) / 5.
    """
    cover = np.zeros((11, 11))
    cover[5, 5] = centre_cover
    for r, c in ((4, 5), (6, 5), (5, 4), (5, 6)):
        cover[r, c] = neighbour_cover
    out = growth.urban_extent_grid(cover, (X0, Y0), 10.0, radius=10.0, **options)
    return int(out.classes[5, 5]), float(out.density[5, 5])


@pytest.mark.parametrize("neighbour, density, code", [
    (0.375, 0.5, 2),      # (1 + 1.5) / 5 = 0.5: not above 50 %, so suburban
    (0.4, 0.52, 1),       # (1 + 1.6) / 5 = 0.52: urban
    (0.35, 0.48, 2),      # 0.48: suburban
    (0.0625, 0.25, 2),    # (1 + 0.25) / 5 = 0.25: suburban from 25 % (>=)
    (0.075, 0.26, 2),
    (0.05, 0.24, 5),      # 0.24: rural built-up
])
def test_urban_extent_density_bounds(neighbour, density, code):
    got_code, got_density = _extent_centre(neighbour)
    assert got_density == pytest.approx(density, abs=1e-6)
    assert got_code == code


@pytest.mark.parametrize("cover, code", [(0.5, 5), (0.4999, 6), (0.5001, 5)])
def test_built_up_from_min_cover(cover, code):
    # A lone cell with `cover`: built-up from 0.5 (its share within 10 m is cover / 5, rural built-up,
    # code 5); below, open land (rural open space, code 6).
    assert _extent_centre(0.0, centre_cover=cover, min_cover=0.5)[0] == code


@pytest.mark.parametrize("cover, code", [(0.5, 5), (0.45, 6)])
def test_default_min_cover_is_half(cover, code):
    assert _extent_centre(0.0, centre_cover=cover)[0] == code


def test_default_radius_is_500_m():
    # Cells of 100 m; X at the centre of a 21 x 21 grid, built-up with its 8 neighbours and the whole
    # annulus 400 m < d <= 500 m (32 cells: 81 cells within 5 cells less 49 within 4).
    # Radius 500 m: 81 cells, (9 + 32) / 81 = 0.506 > 0.5: urban (1).
    # Radius 400 m: 49 cells, 9 / 49 = 0.18: rural; 600 m: 113 cells, 41 / 113 = 0.36: suburban.
    yy, xx = np.mgrid[-10:11, -10:11]
    d2 = xx ** 2 + yy ** 2
    cover = (((d2 > 16) & (d2 <= 25)) | (d2 <= 2)).astype(float)
    assert int(cover.sum()) == 41
    assert growth.urban_extent_grid(cover, (X0, Y0), 100.0).classes[10, 10] == 1
    assert growth.urban_extent_grid(cover, (X0, Y0), 100.0, radius=400.0).classes[10, 10] == 5
    assert growth.urban_extent_grid(cover, (X0, Y0), 100.0, radius=600.0).classes[10, 10] == 2


def test_urban_extent_classes_defaults_from_polygons():
    # The same annulus as above, as 100 m squares, through urban_extent_classes with its defaults
    # (radius 500 m, fringe 100 m, min_cover 0.5): X is urban. The 100 m cell is given; the polygons'
    # squares cover whole cells. A default radius of 400 m would make X rural, one of 600 m suburban.
    yy, xx = np.mgrid[-10:11, -10:11]
    d2 = xx ** 2 + yy ** 2
    built = ((d2 > 16) & (d2 <= 25)) | (d2 <= 2)
    squares = [shapely.box(X0 + 100 * c, Y0 - 100 * (r + 1), X0 + 100 * (c + 1), Y0 - 100 * r)
               for r, c in zip(*np.nonzero(built))]
    out = growth.urban_extent_classes(squares, cell=100.0)
    left, top = out.origin
    row, col = int(round((top - (Y0 - 1050.0)) / 100.0 - 0.5)), int(round((X0 + 1050.0 - left) / 100.0 - 0.5))
    assert out.cover[row, col] == 1.0
    assert out.classes[row, col] == 1
    # X's east neighbour is built, urban or suburban (its share within 500 m: 41 of 81 cells less the
    # annulus cells it loses); the open cell after it, 100 m from it, is fringe (default 100 m).
    assert out.classes[row, col + 1] in (1, 2)
    assert out.cover[row, col + 2] == 0.0
    assert out.classes[row, col + 2] == 3


def _block_and_open_cell(**options):
    # A 20 x 20 block of built cells (10 m): with a 10 m radius every block cell is urban (at least
    # 3 of its 5 cells built). Open cells east of it at 100 m and 110 m from the block's edge cells.
    cover = np.zeros((40, 60))
    cover[10:30, 10:30] = 1.0
    return growth.urban_extent_grid(cover, (X0, Y0), 10.0, radius=10.0, **options).classes


@pytest.mark.parametrize("options", [dict(fringe=100.0), dict()], ids=["explicit", "default"])
def test_fringe_within_100_m(options):
    classes = _block_and_open_cell(**options)
    # The block's last column is 29: column 39 is 100 m away (fringe, 3), column 40 is 110 m (rural open, 6).
    assert classes[20, 39] == 3
    assert classes[20, 40] == 6
    # Diagonally: 60 m and 80 m (a 6-8-10 triangle) from the corner cell (29, 29): 100 m, fringe.
    assert classes[29 + 8, 29 + 6] == 3
    assert classes[29 + 8, 29 + 7] == 6  # sqrt(64 + 49) * 10 = 106 m


def _enclosed_hole(filled_corner, **options):
    # Cells of 100 m (1 ha). A wall of built cells 3 thick around a hole of 10 x 20 = 200 cells (200 ha);
    # with `filled_corner` one hole cell is built too (urban: 3 of its 5 cells built), leaving 199 ha.
    cover = np.zeros((20, 30))
    cover[2:18, 2:28] = 1.0
    cover[5:15, 5:25] = 0.0
    if filled_corner:
        cover[5, 5] = 1.0
    out = growth.urban_extent_grid(cover, (X0, Y0), 100.0, radius=100.0, fringe=0.0, **options)
    return out.classes


@pytest.mark.parametrize("options", [dict(captured_max_area=2_000_000.0), dict()], ids=["explicit", "default"])
def test_captured_open_space_below_200_ha(options):
    # 200 ha: not below 200 ha, so rural open space (6); 199 ha: captured open space (4).
    assert (_enclosed_hole(False, **options)[5:15, 5:25] == 6).all()
    classes = _enclosed_hole(True, **options)
    assert classes[5, 5] == 1
    hole = classes[5:15, 5:25].copy()
    hole[0, 0] = 4
    assert (hole == 4).all()


# --- SDG 11.3.1: stagnation 0.1 % a year, declining, NULL rules --------------------------------------

def _flag(p1, **options):
    return growth.land_consumption([100.0], [121.0], [1000.0], [p1], 10, **options).loc[0]


@pytest.mark.parametrize("p1, flag", [
    (1010.0, "stagnating"),   # PGR = ln(1.01) / 10 = 0.000995 < 0.001
    (1011.0, "ok"),           # ln(1.011) / 10 = 0.001094
    (991.0, "stagnating"),    # ln(0.991) / 10 = -0.000904: |PGR| < 0.001
    (990.0, "declining"),     # ln(0.99) / 10 = -0.001005 <= -0.001
])
def test_default_stagnation_is_0_1_percent_a_year(p1, flag):
    row = _flag(p1)
    assert row["pgr"] == pytest.approx(math.log(p1 / 1000.0) / 10)
    assert row["flag"] == flag
    assert math.isnan(row["lcrpgr"]) is (flag != "ok")


def test_stagnation_bound_exactly():
    # The stagnation set to PGR itself: |PGR| < stagnation is false, so the ratio is measured ("ok");
    # a hair above PGR: stagnating. Below zero, PGR = -stagnation is declining (<=), a hair less is stagnating.
    pgr = math.log(1010.0 / 1000.0) / 10
    assert _flag(1010.0, stagnation=pgr)["flag"] == "ok"
    assert _flag(1010.0, stagnation=np.nextafter(pgr, 1.0))["flag"] == "stagnating"
    fall = -math.log(990.0 / 1000.0) / 10
    assert _flag(990.0, stagnation=fall)["flag"] == "declining"
    assert _flag(990.0, stagnation=np.nextafter(fall, 1.0))["flag"] == "stagnating"


def test_lcrpgr_by_hand_and_its_null_rules():
    # LCR = ln(1.21)/10 = 2 ln(1.1)/10, PGR = ln(1.1)/10: LCRPGR = 2.
    out = growth.land_consumption([100.0, 0.0, 100.0, np.nan], [121.0, 50.0, 121.0, 121.0],
                                  [1000.0, 1000.0, 0.0, 1000.0], [1100.0, 1100.0, 1100.0, 1100.0], 10)
    assert out["lcrpgr"].iloc[0] == pytest.approx(2.0)
    assert out["flag"].tolist() == ["ok", "no_built_up", "no_population", "missing"]
    assert out["lcrpgr"].iloc[1:].isna().all()
    assert np.isfinite(out[["lcr", "pgr", "lcrpgr"]].to_numpy(dtype=float)[0]).all()
    assert not np.isinf(out[["lcr", "pgr", "lcrpgr"]].to_numpy(dtype=float)).any()


def test_per_capita_and_per_new_inhabitant_by_hand():
    # 1 ha -> 1.21 ha for 1000 -> 1100 inhabitants: 10 m2 then 11 m2 per inhabitant; 2,100 m2 for 100
    # new inhabitants: 21 m2 each. A population that does not grow has no "per new inhabitant".
    out = growth.land_consumption([1.0, 1.0], [1.21, 1.21], [1000.0, 1000.0], [1100.0, 1000.0], 10,
                                  area_unit="ha")
    assert out["urb_per_capita_t0"].tolist() == pytest.approx([10.0, 10.0])
    assert out["urb_per_capita_t1"].tolist() == pytest.approx([11.0, 12.1])
    assert out["urb_per_new_inhabitant"].iloc[0] == pytest.approx(21.0)
    assert math.isnan(out["urb_per_new_inhabitant"].iloc[1])


# --- growth rings and the prospective buffer -----------------------------------------------------------

@pytest.mark.parametrize("distances, roles", [
    ([10.0], ["urban_core", "peri_urban"]),
    ([10.0, 20.0], ["urban_core", "peri_urban", "peri_urban"]),
    ([10.0, 20.0, 50.0], ["urban_core", "peri_urban", "peri_urban", "rural"]),  # the last is rural from 3 rings
])
def test_ring_roles_rural_from_three_rings(distances, roles):
    out = growth.growth_rings([shapely.box(X0, Y0, X0 + 100, Y0 + 100)], distances)
    assert out["role"].tolist() == roles
    assert out["outer"].tolist() == [0.0] + distances


def test_prospective_buffer_demand_by_hand():
    # 10,000 inhabitants on 1 km2 (10,000 per km2), +10 % a year for 2 years: 12,100, 2,100 more,
    # at the observed density (0.01 per m2): 210,000 m2 of land.
    out = growth.prospective_buffer([shapely.box(X0, Y0, X0 + 1000, Y0 + 1000)], 10000, 0.10, 2).loc[0]
    assert out["projected_pop"] == pytest.approx(12100.0)
    assert out["land_demand"] == pytest.approx(210000.0)
    assert out["band_area"] == pytest.approx(210000.0, rel=1e-3)
