"""Degree of urbanisation: one hand-made grid per rule (contiguity, thresholds, gap filling,
majority smoothing), local units by population shares, and the 1 km grid of points."""

import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core import degurba
from alliance_territories.alliance_plugin.core.errors import InvalidValueError
from alliance_territories.alliance_plugin.core.grid import population_grid

OFF = {"max_gap": 0, "majority": None}  # gap filling and smoothing switched off


def grid(shape=(12, 12)):
    return np.zeros(shape)


# --- contiguity --------------------------------------------------------------------------------------

def test_diagonal_blocks_make_one_urban_cluster_but_no_urban_centre():
    pop = grid()
    pop[1:6, 1:6] = 1600.0  # 25 cells, 40,000 inhabitants
    pop[6:11, 6:11] = 1600.0  # touches the first block by one corner only
    out = degurba.classify_grid(pop)
    assert len(out.centres) == 0  # 4-connected: two clusters of 40,000 < 50,000
    assert len(out.clusters) == 1 and out.clusters.loc[1, "population"] == 80000  # 8-connected: one
    assert set(np.unique(out.cell_class[pop > 0])) == {2}
    assert (out.cluster_id[pop > 0] == 1).all() and (out.cell_class[pop == 0] == 1).all()


def test_blocks_sharing_an_edge_make_one_urban_centre():
    pop = grid()
    pop[1:6, 1:6] = 1600.0
    pop[1:6, 6:11] = 1600.0
    out = degurba.classify_grid(pop)
    assert len(out.centres) == 1 and out.centres.loc[1, "population"] == 80000
    assert (out.cell_class[pop > 0] == 3).all() and out.centres.loc[1, "cluster"] == 1


def test_cluster_contiguity_is_eight_and_centres_four_with_low_cells_between():
    pop = grid((5, 9))
    pop[2, 0:4] = 1500.0  # 6,000 inhabitants, density exactly the urban-centre threshold
    pop[1, 4] = 400.0  # diagonal link, only an urban-cluster density
    pop[2, 5:9] = 1500.0
    out = degurba.classify_grid(pop, centre_population=5000, cluster_population=5000)
    assert len(out.centres) == 2 and len(out.clusters) == 1
    assert out.cell_class[1, 4] == 2 and out.clusters.loc[1, "population"] == 12400
    assert out.clusters.loc[1, "centre_population"] == 12000


# --- thresholds ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("total, is_centre", [(50000.0, True), (49999.0, False)])
def test_urban_centre_population_threshold(total, is_centre):
    pop = grid()
    pop[3:8, 3:8] = total / 25  # >= 1,500 per km2 either way
    out = degurba.classify_grid(pop, **OFF)
    assert (len(out.centres) == 1) is is_centre
    assert out.cell_class[5, 5] == (3 if is_centre else 2)


@pytest.mark.parametrize("total, is_cluster", [(5000.0, True), (4999.0, False)])
def test_urban_cluster_population_threshold(total, is_cluster):
    pop = grid()
    pop[3:7, 3:7] = total / 16  # about 312 per km2, above 300
    out = degurba.classify_grid(pop)
    assert len(out.clusters) == int(is_cluster) and len(out.centres) == 0
    assert out.cell_class[4, 4] == (2 if is_cluster else 1)


def test_density_thresholds_are_inclusive_and_use_land_area():
    pop = grid((3, 40))
    pop[1, :] = 1500.0  # 40 cells, 60,000 inhabitants, exactly 1,500 per km2
    assert (degurba.classify_grid(pop, **OFF).cell_class[1] == 3).all()
    below = pop.copy()
    below[1, 20] = 1499.0  # breaks the row in two clusters of 30,000 (4-connected)
    out = degurba.classify_grid(below, **OFF)
    assert len(out.centres) == 0 and out.cell_class[1, 20] == 2
    land = np.ones_like(below)
    land[1, 20] = 0.5  # 1,499 inhabitants on half a km2 of land: 2,998 per km2
    assert len(degurba.classify_grid(below, land_share=land, **OFF).centres) == 1


def test_thresholds_are_parameters_and_recorded():
    pop = grid()
    pop[3:8, 3:8] = 1000.0
    out = degurba.classify_grid(pop, centre_density=1000, centre_population=25000)
    assert len(out.centres) == 1 and out.params["centre_density"] == 1000
    assert out.params["centre_population"] == 25000 and out.params["majority"] == 5


# --- gap filling --------------------------------------------------------------------------------------

def ring_with_hole(rows, cols):
    """A dense 12 x 12 block (far above 50,000 inhabitants) with an empty hole rows x cols."""
    pop = grid((16, 16))
    pop[2:14, 2:14] = 2000.0
    pop[4:4 + rows, 4:4 + cols] = 0.0
    return pop


def test_gaps_below_15_km2_are_filled():
    out = degurba.classify_grid(ring_with_hole(2, 7), majority=None)  # 14 km2
    assert (out.cell_class[4:6, 4:11] == 3).all() and out.centres.loc[1, "cells"] == 144


def test_gaps_of_15_km2_stay_open():
    out = degurba.classify_grid(ring_with_hole(3, 5), majority=None)  # 15 km2
    assert (out.cell_class[4:7, 4:9] == 1).all() and out.centres.loc[1, "cells"] == 144 - 15


def test_gap_size_is_a_parameter_and_open_bays_are_not_gaps():
    assert degurba.classify_grid(ring_with_hole(3, 5), majority=None, max_gap=16).centres.loc[1, "cells"] == 144
    bay = grid((16, 16))
    bay[2:14, 2:14] = 2000.0
    bay[2:8, 6:8] = 0.0  # 12 cells open on the block's north side: a bay, not a gap
    out = degurba.classify_grid(bay, majority=None)
    assert (out.cell_class[2:8, 6:8] == 1).all()


def test_gap_held_by_a_diagonal_link_only_is_not_a_gap():
    """The background is 8-connected: a hole whose wall is closed by a corner only leaks out."""
    pop = grid((12, 12))
    pop[1:10, 1:10] = 2000.0
    pop[4:6, 4:6] = 0.0  # a 4-cell hole...
    pop[6:10, 6:10] = 0.0  # ...opening diagonally at (5, 5)-(6, 6) onto a bay towards the corner
    out = degurba.classify_grid(pop, majority=None)
    assert (out.cell_class[4:6, 4:6] == 1).all()


# --- majority smoothing ---------------------------------------------------------------------------------

def test_majority_rule_fills_concave_corners():
    pop = grid((10, 14))
    pop[1:6, 1:6] = 2500.0  # block A
    pop[3:8, 6:11] = 2500.0  # block B, two rows lower: corners at (2, 6) and (6, 5)
    smooth = degurba.classify_grid(pop, max_gap=0)
    rough = degurba.classify_grid(pop, **OFF)
    assert smooth.cell_class[2, 6] == 3 and smooth.cell_class[6, 5] == 3
    assert rough.cell_class[2, 6] == 1 and rough.cell_class[6, 5] == 1  # empty cells
    assert smooth.centres.loc[1, "cells"] == rough.centres.loc[1, "cells"] + 2


def test_majority_rule_is_iterated_until_stable():
    """A slot three cells deep: one pass takes the two inner cells (7 and 6 neighbours), the
    outer one has 4 until then, and joins in the second pass."""
    pop = grid((14, 14))
    pop[2:12, 2:12] = 2000.0
    pop[2:5, 6] = 0.0
    out = degurba.classify_grid(pop, max_gap=0)
    assert (out.cell_class[2:5, 6] == 3).all() and out.rounds == 3  # two adding, one stable
    stricter = degurba.classify_grid(pop, max_gap=0, majority=7)  # 7, then 7 once the inner one joined, then 5
    assert stricter.cell_class[4, 6] == 3 and stricter.cell_class[3, 6] == 3 and stricter.cell_class[2, 6] == 1


def test_majority_must_be_a_majority():
    with pytest.raises(InvalidValueError, match="5 to 8"):
        degurba.classify_grid(grid(), majority=4)


def test_smoothing_never_joins_two_centres_but_a_dense_bridge_does():
    pop = grid((9, 19))
    pop[1:8, 1:9] = 1000.0  # 56 cells, 56,000: centre A
    pop[1:8, 10:18] = 1000.0  # centre B, one empty column away: its cells have 3 neighbours in each
    separate = degurba.classify_grid(pop, centre_density=1000)
    assert len(separate.centres) == 2 and (separate.cell_class[1:8, 9] == 1).all()
    pop[4, 9] = 5000.0
    joined = degurba.classify_grid(pop, centre_density=1000)
    assert len(joined.centres) == 1 and joined.centres.loc[1, "population"] == 117000


# --- ids, tables, no data -------------------------------------------------------------------------------

def test_ids_follow_population_and_no_data_cells():
    pop = grid((8, 30))
    pop[1:6, 1:6] = 2000.0  # 50,000
    pop[1:7, 10:16] = 2000.0  # 72,000: the largest, id 1
    pop[1:3, 20:23] = 1000.0  # an urban cluster of 6,000
    pop[7, 29] = np.nan
    out = degurba.classify_grid(pop)
    assert out.centres["population"].tolist() == [72000, 50000]
    assert out.centre_id[2, 12] == 1 and out.centre_id[2, 2] == 2
    assert out.clusters["population"].tolist() == [72000, 50000, 6000]
    assert out.clusters["centre_population"].tolist() == [72000, 50000, 0]
    assert out.cell_class[7, 29] == 0 and out.cell_class[0, 0] == 1
    assert out.centres["area_km2"].tolist() == [36.0, 25.0]


def test_inputs_are_checked_and_not_modified():
    pop = grid()
    pop[3:8, 3:8] = 2500.0
    kept = pop.copy()
    degurba.classify_grid(pop)
    assert np.array_equal(pop, kept)
    with pytest.raises(InvalidValueError):
        degurba.classify_grid(-pop)
    with pytest.raises(InvalidValueError):
        degurba.classify_grid(pop.ravel())
    with pytest.raises(InvalidValueError):
        degurba.classify_grid(pop, land_share=np.ones((2, 2)))


# --- local units ------------------------------------------------------------------------------------------

def test_units_by_population_shares():
    cls = [3, 3, 1, 2, 2, 1, 3, 2, 1, 1, 1, 1]
    pop = [40, 10, 50, 30, 30, 40, 49, 1, 50, 0, 0, 0]
    unit = ["city", "city", "city", "town", "town", "town", "edge", "edge", "edge", "empty", None, ""]
    out = degurba.classify_units(cls, pop, unit)
    assert out.index.tolist() == ["city", "edge", "empty", "town"]
    assert out.loc["city", "share_urban_centre"] == 0.5 and out.loc["city", "degurba_label"] == "city"
    assert out.loc["town", "share_urban_clusters"] == 0.6 and out.loc["town", "degurba"] == 2
    assert out.loc["town", "degurba_label"] == "town and semi-dense area"
    edge = out.loc["edge"]  # 49 % in a centre, exactly 50 % rural: a rural area
    assert edge["share_rural"] == 0.5 and edge["degurba_label"] == "rural area"
    assert pd.isna(out.loc["empty", "degurba"]) and out.loc["empty", "degurba_label"] is None
    assert out["population"].tolist() == [100, 100, 0, 100]


def test_a_cell_split_between_units():
    """One entry per part of a cell: the cell's class, the part's population."""
    out = degurba.classify_units([3, 3, 1], [600, 400, 500], ["A", "B", "B"])
    assert out.loc["A", "degurba"] == 1 and out.loc["B", "share_urban_centre"] == pytest.approx(400 / 900)
    assert out.loc["B", "degurba"] == 3


def test_units_from_a_classified_grid():
    pop = grid((6, 12))
    pop[1:5, 1:5] = 3200.0  # 51,200: urban centre
    pop[1:4, 7:10] = 600.0  # 5,400: urban cluster
    pop[5, :] = 10.0
    units = np.where(np.arange(12) < 6, "west", "east")[None, :].repeat(6, axis=0)
    out = degurba.classify_units(degurba.classify_grid(pop).cell_class, pop, units)
    assert out.loc["west", "degurba_label"] == "city" and out.loc["east", "degurba_label"] == "town and semi-dense area"


def test_unit_inputs_are_checked():
    with pytest.raises(InvalidValueError, match="differ in size"):
        degurba.classify_units([3], [1, 2], ["A", "B"])
    with pytest.raises(InvalidValueError, match="Unknown cell classes"):
        degurba.classify_units([7], [1], ["A"])


def test_points_to_units_end_to_end():
    """Population points -> 1 km grid -> DEGURBA -> units; the town is a city, the hamlets rural."""
    rng = np.random.default_rng(0)
    town = rng.normal([655_500.0, 6_865_500.0], 1200.0, (80000, 2))  # about 66,000 at >= 1,500 per km2
    hamlets = rng.uniform([650_000.0, 6_860_000.0], [662_000.0, 6_872_000.0], (3000, 2))
    xy = np.vstack([town, hamlets])
    pop_grid, origin = population_grid(xy[:, 0], xy[:, 1], np.ones(len(xy)))
    out = degurba.classify_grid(pop_grid)
    assert len(out.centres) == 1 and out.centres.loc[1, "population"] > 50000
    cols = np.arange(pop_grid.shape[1])
    unit = np.where(origin[0] + cols * 1000 < 659_000, "town", "country")[None, :].repeat(pop_grid.shape[0], axis=0)
    units = degurba.classify_units(out.cell_class, pop_grid, unit)
    assert units.loc["town", "degurba_label"] == "city" and units.loc["country", "degurba_label"] == "rural area"


# --- the cells written back ---------------------------------------------------------------------------------

def test_shares_occupied_cells_and_cell_table():
    pop = grid((6, 12))
    pop[1:5, 1:5] = 3200.0  # 51,200: urban centre
    pop[1:4, 7:10] = 600.0  # 5,400: urban cluster
    pop[5, 0] = np.nan
    out = degurba.classify_grid(pop)
    centre, cluster = degurba.population_shares(out.cell_class, pop)
    assert centre == pytest.approx(51200 / 56600) and cluster == pytest.approx(5400 / 56600)
    assert np.isnan(degurba.population_shares(out.cell_class, np.zeros((6, 12)))).all()
    rows, cols = np.divmod(np.arange(pop.size), pop.shape[1])
    kept_rows, kept_cols = degurba.occupied_cells(out, pop, rows, cols)
    assert len(kept_rows) == 16 + 9 and (out.cell_class[kept_rows, kept_cols] >= 2).all()
    units = np.where(cols < 6, "west", None)
    table = degurba.cell_table(out, pop, rows, cols, units)
    assert table.columns.tolist() == ["row", "col", "population", "density", "cell_class", "cell_label", "centre_id",
                                      "centre_pop", "cluster_id", "cluster_pop", "unit"]
    first = table.loc[1 * 12 + 1]
    assert first["cell_label"] == "urban centre" and first["centre_id"] == 1 and first["centre_pop"] == 51200
    assert first["cluster_id"] == 1 and first["cluster_pop"] == 51200
    assert table["centre_id"].isna().sum() == pop.size - 16 and np.isnan(table.loc[5 * 12, "population"])
    assert table.loc[5 * 12, "cell_class"] == 0 and table.loc[5 * 12, "cell_label"] == "no data"
    assert "unit" not in degurba.cell_table(out, pop, rows, cols).columns
    units_table, outside = degurba.classify_unit_cells(table, threshold=0.5)
    assert units_table.index.tolist() == ["west"] and units_table.loc["west", "degurba_label"] == "city"
    assert outside == 5400.0


# --- progress and cancel (issue 13) ------------------------------------------------------------------------

def many_centres(n=6):
    """``n`` x ``n`` urban centres of 3 x 3 cells at 6,000 inhabitants (54,000 each), each with a one-cell gap."""
    pop = grid((6 * n, 6 * n))
    for i in range(n):
        for j in range(n):
            pop[6 * i + 1:6 * i + 4, 6 * j + 1:6 * j + 4] = 6750.0
            pop[6 * i + 2, 6 * j + 2] = 0.0  # a gap filled in the first round
    return pop


def test_progress_increases_to_100_and_changes_nothing():
    pop = many_centres()
    seen = []
    out = degurba.classify_grid(pop, progress=seen.append, is_canceled=lambda: False)
    assert seen[0] > 0 and seen[-1] == 100.0
    assert all(a < b for a, b in zip(seen, seen[1:]))  # strictly increasing
    plain = degurba.classify_grid(pop)
    assert len(out.centres) == len(plain.centres) == 36 and out.rounds == plain.rounds == 2
    for name in ("cell_class", "centre_id", "cluster_id"):
        assert np.array_equal(getattr(out, name), getattr(plain, name))
    pd.testing.assert_frame_equal(out.centres, plain.centres)
    pd.testing.assert_frame_equal(out.clusters, plain.clusters)


def test_a_cancel_returns_none_at_the_next_checkpoint():
    assert degurba.classify_grid(many_centres(), is_canceled=lambda: True) is None
    # canceled at the first progress report: no report after it, and None
    seen, canceled = [], []

    def progress(value):
        seen.append(value)
        canceled.append(True)

    assert degurba.classify_grid(many_centres(), progress=progress, is_canceled=lambda: bool(canceled)) is None
    assert seen == [5.0]
    # canceled while filling the gaps of the 36 centres: stops at the centre it was checked at
    calls = []

    def is_canceled():
        calls.append(1)
        return len(calls) > 4  # the two phase checkpoints and two centres pass; the third centre stops

    seen = []
    assert degurba.classify_grid(many_centres(), progress=seen.append, is_canceled=is_canceled) is None
    assert len(calls) == 5 and seen == [5.0, 15.0]
