"""Every bound of the degree of urbanisation, on the bound and on both sides of it (issue 13).

Rules (UN Statistical Commission 2020; methods.md, section 4; help "Degree of urbanisation"),
density per km2 of land:

- urban centre: cells >= 1,500 inh/km2, 4-connected, cluster >= 50,000 inhabitants; gaps
  below 15 km2 filled; a cell joins when at least 5 of its 8 neighbours are in the centre;
- urban cluster: cells >= 300 inh/km2, 8-connected, cluster >= 5,000 inhabitants;
- local units: city when >= 50 % of the population lives in urban centres, rural area when
  >= 50 % lives in rural cells, town and semi-dense area otherwise.

Cell classes: 3 urban centre, 2 urban cluster, 1 rural grid cell. A grid of one row has no
cell with 5 neighbours and no enclosed gap, so neither the gap filling nor the majority rule
can change it: those tests isolate one rule. Expected classes are worked out by hand.
"""

import numpy as np
import pytest

from alliance_territories.alliance_plugin.core import degurba


def _classes(population, **options):
    return degurba.classify_grid(np.array(population, dtype=float), **options).cell_class.tolist()


# --- urban centre: density 1,500 (>=) -------------------------------------------------------------

@pytest.mark.parametrize("second, classes", [
    (1500.0, [[3, 3]]),       # 50,000 + 1,500: both dense, one 4-connected centre of 51,500
    (1499.99, [[3, 2]]),      # not dense: the centre is the first cell alone (50,000 >= 50,000);
                              # the second (>= 300) is in the urban cluster holding the centre
    (1500.01, [[3, 3]]),
])
def test_centre_density_on_the_bound(second, classes):
    assert _classes([[50000.0, second]], centre_density=1500.0) == classes


@pytest.mark.parametrize("second, classes", [(1500.0, [[3, 3]]), (1400.0, [[3, 2]])])
def test_default_centre_density_is_1500(second, classes):
    assert _classes([[50000.0, second]]) == classes


def test_density_is_per_km2_of_land():
    # A cell half land with 750 inhabitants has 750 / 0.5 = 1,500 inh/km2 of land: dense.
    land = np.array([[1.0, 0.5]])
    assert _classes([[50000.0, 750.0]], land_share=land) == [[3, 3]]
    assert _classes([[50000.0, 749.99]], land_share=land) == [[3, 2]]
    # With cells of 2 km2, 3,000 inhabitants are 1,500 per km2; 2,999.98 are not (and the first
    # cell, 100,000 on 2 km2, is dense: a centre of 100,000 alone).
    assert _classes([[100000.0, 3000.0]], cell_area=2.0) == [[3, 3]]
    assert _classes([[100000.0, 2999.98]], cell_area=2.0) == [[3, 2]]


# --- urban centre: 50,000 inhabitants (>=) -----------------------------------------------------------

@pytest.mark.parametrize("second, classes", [
    (25000.0, [[3, 3]]),      # 25,000 + 25,000 = 50,000: a centre (>=)
    (24999.99, [[2, 2]]),     # 49,999.99: no centre; an urban cluster (>= 300, >= 5,000)
    (25000.01, [[3, 3]]),
])
def test_centre_population_on_the_bound(second, classes):
    assert _classes([[25000.0, second]], centre_population=50000.0) == classes


@pytest.mark.parametrize("second, classes", [(25000.0, [[3, 3]]), (20000.0, [[2, 2]])])
def test_default_centre_population_is_50000(second, classes):
    assert _classes([[25000.0, second]]) == classes


def test_centre_cells_are_4_connected_and_cluster_cells_8_connected():
    # Two dense cells of 30,000 touching by a corner: 4-connectivity keeps them apart (30,000 each,
    # below 50,000: no centre); 8-connectivity joins them in one urban cluster of 60,000.
    grid = [[30000.0, 0.0], [0.0, 30000.0]]
    assert _classes(grid) == [[2, 1], [1, 2]]
    # The same by a side: one centre of 60,000.
    assert _classes([[30000.0, 30000.0], [0.0, 0.0]]) == [[3, 3], [1, 1]]
    # Clusters: 2,500 + 2,500 by a corner make 5,000 (8-connected): an urban cluster.
    assert _classes([[2500.0, 0.0], [0.0, 2500.0]]) == [[2, 1], [1, 2]]


# --- urban cluster: density 300 and 5,000 inhabitants (>=) --------------------------------------------

@pytest.mark.parametrize("density, expected", [(300.0, 2), (299.99, 1), (300.01, 2)])
def test_cluster_density_on_the_bound(density, expected):
    # 20 cells in a row at `density`: 6,000 inhabitants (>= 5,000) when they all count.
    assert _classes([[density] * 20], cluster_density=300.0) == [[expected] * 20]


@pytest.mark.parametrize("density, expected", [(300.0, 2), (290.0, 1)])
def test_default_cluster_density_is_300(density, expected):
    assert _classes([[density] * 20]) == [[expected] * 20]


@pytest.mark.parametrize("second, expected", [(2500.0, 2), (2499.99, 1), (2500.01, 2)])
def test_cluster_population_on_the_bound(second, expected):
    # 2,500 + second, both >= 300 inh/km2 (dense too, but far below 50,000): a cluster exactly when the
    # sum reaches 5,000.
    assert _classes([[2500.0, second]], cluster_population=5000.0) == [[expected] * 2]


@pytest.mark.parametrize("second, expected", [(1100.0, 2), (1000.0, 1)])
def test_default_cluster_population_is_5000(second, expected):
    # 1,400 * 2 + 1,100 * 2 = 5,000 (cluster); with 1,000: 4,800 (rural).
    assert _classes([[1400.0, 1400.0, second, second]]) == [[expected] * 4]


# --- gaps below 15 km2 filled -----------------------------------------------------------------------

def _ring(hole_rows, hole_cols):
    """A ring of dense cells (10,000 each, one cell thick) around an empty hole, in a margin of zeros."""
    grid = np.zeros((hole_rows + 4, hole_cols + 4))
    grid[1:-1, 1:-1] = 10000.0
    grid[2:-2, 2:-2] = 0.0
    return grid


@pytest.mark.parametrize("shape, filled", [
    ((2, 7), True),    # a gap of 14 km2 < 15: filled
    ((3, 5), False),   # 15 km2: not below 15, stays rural
    ((1, 16), False),  # 16 km2
])
def test_gap_filling_below_15_km2(shape, filled):
    # The majority rule is switched off (None) so that only the gap filling can take the hole.
    classes = degurba.classify_grid(_ring(*shape), majority=None, max_gap=15.0).cell_class
    hole = classes[2:-2, 2:-2]
    assert (hole == 3).all() if filled else (hole == 1).all()


@pytest.mark.parametrize("shape, filled", [((2, 7), True), ((3, 5), False)])
def test_default_max_gap_is_15_km2(shape, filled):
    classes = degurba.classify_grid(_ring(*shape), majority=None).cell_class
    assert bool((classes[2:-2, 2:-2] == 3).all()) is filled


def test_gap_is_measured_in_km2_with_larger_cells():
    # With 2 km2 cells a 7-cell gap is 14 km2 (filled) and an 8-cell gap 16 km2 (kept).
    small = degurba.classify_grid(_ring(1, 7) * 2, cell_area=2.0, majority=None).cell_class
    large = degurba.classify_grid(_ring(1, 8) * 2, cell_area=2.0, majority=None).cell_class
    assert (small[2:-2, 2:-2] == 3).all()
    assert (large[2:-2, 2:-2] == 1).all()


# --- the majority rule: 5 of 8 neighbours ---------------------------------------------------------------

def _notch(centre_cells):
    grid = np.zeros((5, 5))
    for r, c in centre_cells:
        grid[r, c] = 10000.0
    return grid


# Rows 0 and 1 full (10 cells), and row 2 but its middle: cell (2, 2) has 5 neighbours in the centre,
# (1,1) (1,2) (1,3) (2,1) (2,3); it is open below, so it is no gap.
FIVE = [(r, c) for r in (0, 1) for c in range(5)] + [(2, 0), (2, 1), (2, 3), (2, 4)]
# Without (2, 3) and (2, 4): (2, 2) has 4 neighbours in the centre, (1,1) (1,2) (1,3) (2,1).
FOUR = [(r, c) for r in (0, 1) for c in range(5)] + [(2, 0), (2, 1)]


@pytest.mark.parametrize("cells, joins", [(FIVE, True), (FOUR, False)])
def test_majority_5_of_8(cells, joins):
    classes = degurba.classify_grid(_notch(cells), majority=5).cell_class
    assert classes[2, 2] == (3 if joins else 1)
    # No other empty cell has 5 neighbours in the centre: row 3 and (2, 3)/(2, 4) stay rural.
    assert (classes[3:] == 1).all()


@pytest.mark.parametrize("cells, joins", [(FIVE, True), (FOUR, False)])
def test_default_majority_is_5(cells, joins):
    # A default of 6 would leave (2, 2) out with 5 neighbours; one of 4 would take it with 4.
    assert bool(degurba.classify_grid(_notch(cells)).cell_class[2, 2] == 3) is joins


# --- local units: 50 % (>=) ---------------------------------------------------------------------------

def _unit(centre, cluster, rural, **options):
    out = degurba.classify_units([3, 2, 1], [centre, cluster, rural], ["U", "U", "U"], **options)
    return out.loc["U", "degurba_label"]


@pytest.mark.parametrize("centre, cluster, rural, label", [
    (50.0, 50.0, 0.0, "city"),                          # 50 % in centres: a city (>=)
    (49.99, 50.01, 0.0, "town and semi-dense area"),   # 49.99 % in centres, 0 % rural
    (50.01, 49.99, 0.0, "city"),
    (0.0, 50.0, 50.0, "rural area"),                    # 50 % in rural cells: a rural area (>=)
    (0.0, 50.01, 49.99, "town and semi-dense area"),
    (0.0, 49.99, 50.01, "rural area"),
    (50.0, 0.0, 50.0, "city"),                          # both at 50 %: the city rule comes first
])
def test_unit_classes_on_the_50_percent_bound(centre, cluster, rural, label):
    assert _unit(centre, cluster, rural, threshold=0.5) == label


@pytest.mark.parametrize("centre, cluster, label", [(50.0, 50.0, "city"), (45.0, 55.0, "town and semi-dense area")])
def test_default_unit_threshold_is_50_percent(centre, cluster, label):
    assert _unit(centre, cluster, 0.0) == label


def test_unit_shares_by_hand():
    # 30 in a centre, 20 in a cluster, 50 rural: shares 0.3, clusters (centres included) 0.5, rural 0.5.
    out = degurba.classify_units([3, 2, 1], [30.0, 20.0, 50.0], ["U", "U", "U"])
    assert out.loc["U", ["share_urban_centre", "share_urban_clusters", "share_rural"]].tolist() == \
        pytest.approx([0.3, 0.5, 0.5])
    assert out.loc["U", "degurba"] == 3  # 50 % rural: rural area
