"""Ties go to the smallest code, whatever the order of the territories and of the flow rows (issue 18, point 3).

Expected values are read off the hand-made tables: in each, two candidates are exactly equal and
the one with the smaller code (text order) must win.
"""

import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core import dependencies, dominant, functional_areas, regions
from alliance_territories.alliance_plugin.core.flows.codes import code_order, code_rank


def flows_of(rows, kind="flow"):
    return pd.DataFrame(rows, columns=["origin", "destination", "value"]).assign(flow_type=kind)


ORDERS = (["A", "B", "C", "D"], ["D", "C", "B", "A"], ["C", "A", "D", "B"])


def test_code_order_is_text_order():
    assert code_order(["b", "10", "9", "a"]).tolist() == [1, 2, 3, 0]  # "10" < "9" < "a" < "b"
    assert code_rank(["b", "10", "9", "a"]).tolist() == [3, 0, 1, 2]


@pytest.mark.parametrize("ids", ORDERS)
def test_main_partner_tie_goes_to_the_smallest_code(ids):
    # A sends 10 to B and 10 to C: B, the smaller code, is its main partner whatever the order.
    rows = [("A", "C", 10.0), ("A", "B", 10.0), ("D", "C", 5.0), ("D", "B", 5.0), ("B", "A", 1.0)]
    for table in (flows_of(rows), flows_of(rows[::-1])):
        out = dependencies.territory_indicators(table, ids, threshold=0.15)
        assert out.loc["A", "main_partner"] == "B"
        assert out.loc["D", "main_partner"] == "B"
        assert out.loc["B", "n_dependents"] == 2 and out.loc["C", "n_dependents"] == 0
        assert out.loc["A", "main_share"] == pytest.approx(0.5)


@pytest.mark.parametrize("ids", ORDERS)
def test_coupling_follows_the_tie_rule(ids):
    # For both types A's largest flows go equally to B and C: coupled with B (2 types).
    rows = [("A", "C", 4.0), ("A", "B", 4.0), ("C", "D", 1.0)]
    table = pd.concat([flows_of(rows, "food"), flows_of(rows[::-1], "water")], ignore_index=True)
    out = dependencies.territory_indicators(table, ids)
    assert out.loc["A", "food_main_partner"] == "B" and out.loc["A", "water_main_partner"] == "B"
    assert out.loc["A", "coupled"] == 1 and out.loc["A", "coupled_partner"] == "B"
    assert out.loc["A", "coupled_types"] == 2


@pytest.mark.parametrize("ids", ORDERS)
def test_dominant_flow_tie_goes_to_the_smallest_code(ids):
    # B and C are equally large (inflow 10 each) and both receive A's 5: A is dominated by B.
    rows = [("A", "B", 5.0), ("A", "C", 5.0), ("D", "B", 5.0), ("D", "C", 5.0)]
    out = dominant.dominant_flows(flows_of(rows), ids).territories
    assert out.loc["A", "nd_parent"] == "B" and out.loc["D", "nd_parent"] == "B"
    assert out.loc["C", "nd_class"] == "independent"


@pytest.mark.parametrize("ids", ORDERS)
def test_intramax_tie_and_labels_by_code(ids):
    # Two identical pairs A-B and C-D (same interaction): the first merge joins A and B, the pair whose
    # main member ranks first (equal outflows: by code); the region is labelled after A, not B.
    rows = [("A", "B", 3.0), ("B", "A", 3.0), ("C", "D", 3.0), ("D", "C", 3.0), ("A", "A", 1.0),
            ("B", "B", 1.0), ("C", "C", 1.0), ("D", "D", 1.0), ("A", "C", 0.5), ("C", "A", 0.5),
            ("B", "D", 0.5), ("D", "B", 0.5)]
    result = regions.intramax(flows_of(rows), ids, n_regions=3)
    assert result.history[["a", "b"]].values.tolist() == [["A", "B"]]
    assert result.membership["region"].to_dict() == {"A": "A", "B": "A", "C": "C", "D": "D"}
    assert result.membership.index.tolist() == ids  # in the order given


def test_louvain_with_a_seed_does_not_depend_on_the_order():
    rng = np.random.default_rng(5)
    codes = [f"T{i:02d}" for i in range(40)]
    rows = [(codes[i], codes[j], float(rng.integers(1, 20))) for i in range(40) for j in range(40)
            if i != j and rng.random() < 0.15]
    table = flows_of(rows)
    reference = regions.modularity_communities(table, codes, seed=3)
    for permutation_seed in range(4):
        order = np.random.default_rng(permutation_seed).permutation(40)
        shuffled = [codes[i] for i in order]
        rows_order = np.random.default_rng(permutation_seed + 10).permutation(len(table))
        other = regions.modularity_communities(table.iloc[rows_order], shuffled, seed=3)
        assert other.membership.index.tolist() == shuffled
        assert other.membership.reindex(codes)["region"].tolist() == reference.membership["region"].tolist()
        assert other.modularity == pytest.approx(reference.modularity, abs=1e-12)


@pytest.mark.parametrize("ids", [["C1", "C2", "S"], ["S", "C2", "C1"], ["C2", "S", "C1"]])
def test_functional_area_tie_goes_to_the_smallest_code(ids):
    # S sends 30 % of its workers to each of two cities of equal population: it joins C1's area.
    rows = [("C1", "C1", 100.0), ("C2", "C2", 100.0), ("S", "C1", 30.0), ("S", "C2", 30.0), ("S", "S", 40.0)]
    population = pd.Series({"C1": 1000.0, "C2": 1000.0, "S": 100.0})
    city = pd.Series({"C1": True, "C2": True, "S": False})
    units, areas = functional_areas.functional_urban_areas(flows_of(rows, "commuting"), ids, population, city=city)
    assert units.index.tolist() == ids
    assert units.loc["S", "fua_id"] == "C1" and units.loc["S", "fua_role"] == "commuting zone"
    units, _ = functional_areas.attraction_areas(flows_of(rows, "commuting"), ids, population, min_jobs=50)
    assert units.loc["S", "aav_id"] == "C1" and units.loc["S", "aav_role"] == "crown"
