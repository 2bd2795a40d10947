"""Dependency indicators on a four-territory case computed by hand (see the comments)."""

import math

import numpy as np
import pandas as pd
import pytest

# Commuting: A keeps 50 and sends 30 to B, 20 to C; B keeps 80, sends 10 to A and 10 to C;
# C keeps 10 and sends 30 to B; D has no flow at all.
COMMUTING = pd.DataFrame(
    [("A", "A", 50), ("A", "B", 30), ("A", "C", 20), ("B", "B", 80), ("B", "A", 10),
     ("B", "C", 10), ("C", "C", 10), ("C", "B", 30)],
    columns=["origin", "destination", "value"]).assign(flow_type="commuting")
IDS = ["A", "B", "C", "D"]


@pytest.fixture()
def totals(core):
    return core.dependencies.territory_indicators(COMMUTING, IDS, threshold=0.15)


def test_volumes_and_self_containment(totals):
    assert totals["outflow"].tolist() == [100, 100, 40, 0]
    assert totals["inflow"].tolist() == [60, 140, 40, 0]
    assert totals["internal"].tolist() == [50, 80, 10, 0]
    assert totals["sc_supply"].tolist()[:3] == [0.5, 0.8, 0.25]
    assert totals["sc_demand"].tolist()[:3] == pytest.approx([50 / 60, 80 / 140, 0.25])
    assert totals["net_balance"].tolist() == [-40, 40, 0, 0]
    assert totals["jci"].tolist()[:3] == pytest.approx([60, 140, 100])
    # D sends and receives nothing: undefined ratios are NaN (NULL), never inf.
    assert totals.loc["D", ["sc_supply", "sc_demand", "jci", "main_share", "hhi"]].isna().all()


def test_main_partner_concentration_and_roles(totals):
    # B sends 10 to A and 10 to C: the tie goes to the smallest code, A.
    assert totals["main_partner"].tolist()[:3] == ["B", "A", "B"]
    assert totals["main_share"].tolist()[:3] == pytest.approx([0.3, 0.1, 0.75])
    assert totals["hhi"].tolist()[:3] == pytest.approx([0.6**2 + 0.4**2, 0.5, 1.0])
    assert totals["n_partners"].tolist() == [2, 2, 1, 0]
    assert totals["n_dependents"].tolist() == [0, 2, 0, 0]
    assert totals["role"].tolist() == ["dependent", "pole", "dependent", "isolated"]


def test_interdependent_when_dependence_is_mutual(core):
    flows = pd.DataFrame({"origin": ["A", "A", "B", "B"], "destination": ["A", "B", "B", "A"],
                          "flow_type": "flow", "value": [80.0, 20.0, 70.0, 30.0]})
    out = core.dependencies.territory_indicators(flows, ["A", "B"], threshold=0.15)
    assert out["role"].tolist() == ["interdependent", "interdependent"]
    # Not commuting: no job concentration index.
    assert "jci" not in out.columns
    # A higher threshold breaks A's dependence (20 %) but not B's (30 %): B depends, A is its pole.
    out = core.dependencies.territory_indicators(flows, ["A", "B"], threshold=0.25)
    assert out["role"].tolist() == ["pole", "dependent"]


def test_result_does_not_depend_on_row_order(core, totals):
    shuffled = COMMUTING.sample(frac=1.0, random_state=7).reset_index(drop=True)
    again = core.dependencies.territory_indicators(shuffled, IDS, threshold=0.15)
    pd.testing.assert_frame_equal(totals, again)


def test_input_is_not_modified(core):
    before = COMMUTING.copy()
    core.dependencies.territory_indicators(COMMUTING, IDS)
    core.dependencies.pair_indicators(COMMUTING, IDS)
    pd.testing.assert_frame_equal(COMMUTING, before)


def test_pairs(core):
    pairs = core.dependencies.pair_indicators(COMMUTING, IDS).set_index(["origin", "destination"])
    assert len(pairs) == 5  # self-flows are not pairs
    ab = pairs.loc[("A", "B")]
    assert (ab.volume, ab.share_origin, ab.reverse, ab.asymmetry, ab.reciprocity, ab["rank"]) == \
        pytest.approx((30, 0.3, 10, 0.5, 0.1, 1))
    assert ab.share_destination == pytest.approx(30 / 140)
    ac = pairs.loc[("A", "C")]
    # Nothing flows back from C to A: full asymmetry, no reciprocity.
    assert (ac.share_destination, ac.reverse, ac.asymmetry, ac.reciprocity, ac["rank"]) == \
        pytest.approx((0.5, 0, 1.0, 0.0, 2))
    # B sends 10 to A and 10 to C: both rank 1.
    assert pairs.loc[("B", "A"), "rank"] == 1 and pairs.loc[("B", "C"), "rank"] == 1
    assert pairs.loc[("C", "B"), "reciprocity"] == pytest.approx(min(30 / 40, 10 / 100))


def selected(core, pairs, **rules):
    """(origin, destination, volume, share of the origin's outflow) of the pairs kept, in order."""
    kept = core.dependencies.select_pairs(pairs, **rules)
    return [(o, d, v, pytest.approx(s)) for o, d, v, s in
            kept[["origin", "destination", "volume", "share_origin"]].astype({"origin": object,
                                                                              "destination": object}).values.tolist()]


def test_select_pairs(core):
    # By hand from COMMUTING: outflows (internal included) A 100, B 100, C 40; the pairs between
    # different territories, in the order of the territories, with their share of the origin's
    # outflow and their rank within the origin:
    #   A->B 30 (30/100 = 0.3, rank 1)    A->C 20 (0.2, rank 2)
    #   B->A 10 (0.1, rank 1)             B->C 10 (0.1, rank 1: ties share the best rank)
    #   C->B 30 (30/40 = 0.75, rank 1)
    pairs = core.dependencies.pair_indicators(COMMUTING, IDS)
    ab, ac, ba, bc, cb = (("A", "B", 30, 0.3), ("A", "C", 20, 0.2), ("B", "A", 10, 0.1), ("B", "C", 10, 0.1),
                          ("C", "B", 30, 0.75))
    assert selected(core, pairs) == [ab, ac, ba, bc, cb]  # no rule: every pair
    assert selected(core, pairs, min_share=0.25) == [ab, cb]
    # The bounds are kept: a share of exactly 0.3 passes 0.3, not a hair above it; a volume of 20 passes 20.
    assert selected(core, pairs, min_share=0.3) == [ab, cb]
    assert selected(core, pairs, min_share=0.3 + 1e-9) == [cb]
    assert selected(core, pairs, min_volume=20) == [ab, ac, cb]
    assert selected(core, pairs, min_volume=20 + 1e-9) == [ab, cb]
    assert selected(core, pairs, top_n=1) == [ab, ba, bc, cb]  # B's tie keeps both; A->C is A's second
    assert selected(core, pairs, top_n=2) == [ab, ac, ba, bc, cb]
    assert selected(core, pairs, min_share=0.15, top_n=1) == [ab, cb]  # every rule must hold


def test_several_flow_types_and_coupling(core):
    food = pd.DataFrame({"origin": ["A", "C", "A"], "destination": ["B", "B", "C"],
                         "flow_type": "food", "value": [5.0, 100.0, 1.0]})
    out = core.dependencies.territory_indicators(pd.concat([COMMUTING, food]), IDS)
    # Totals add the food flows.
    assert out["outflow"].tolist() == [106, 100, 140, 0]
    # Per-type fields keep the commuting figures; jci only for commuting.
    assert out["commuting_main_share"].tolist()[:3] == pytest.approx([0.3, 0.1, 0.75])
    assert "commuting_jci" in out.columns and "food_jci" not in out.columns and "jci" not in out.columns
    assert out["food_main_partner"].tolist()[0] == "B"
    assert out["coupled"].tolist() == [1, 0, 1, 0]
    assert out["coupled_partner"].tolist()[0] == "B" and out["coupled_types"].tolist()[2] == 2


def test_territories_without_flows_and_empty_ids(core):
    flows = pd.DataFrame({"origin": ["A"], "destination": ["B"], "flow_type": "flow", "value": [0.0]})
    out = core.dependencies.territory_indicators(flows, ["A", "B"])
    # A zero flow is no partner: A is isolated, with undefined shares.
    assert out["role"].tolist() == ["isolated", "isolated"]
    assert math.isnan(out.loc["A", "main_share"])


def test_unknown_codes_are_refused(core):
    with pytest.raises(ValueError, match="match_territories"):
        core.dependencies.territory_indicators(COMMUTING, ["A", "B"])


def test_duplicate_ids_are_refused(core):
    with pytest.raises(ValueError, match="unique"):
        core.dependencies.territory_indicators(COMMUTING, ["A", "B", "C", "C"])


def test_type_prefix(core):
    assert core.dependencies.type_prefix("Eau potable") == "eau_potable"
    assert core.dependencies.type_prefix("2024") == "t_2024"


def test_large_random_case_matches_a_plain_groupby(core):
    """An independent pandas computation of the same indicators on random data."""
    rng = np.random.default_rng(1)
    ids = [f"{i:05d}" for i in range(300)]
    flows = pd.DataFrame({"origin": rng.choice(ids, 5000), "destination": rng.choice(ids, 5000),
                          "flow_type": "flow", "value": rng.integers(1, 100, 5000).astype(float)})
    flows = flows.groupby(["origin", "destination", "flow_type"], as_index=False)["value"].sum()
    out = core.dependencies.territory_indicators(flows, ids)
    outflow = flows.groupby("origin")["value"].sum().reindex(ids, fill_value=0)
    ext = flows[flows.origin != flows.destination]
    best = ext.sort_values(["origin", "value", "destination"], ascending=[True, False, True]) \
        .drop_duplicates("origin").set_index("origin")
    np.testing.assert_allclose(out["outflow"], outflow)
    assert out.loc[best.index, "main_partner"].tolist() == best["destination"].tolist()
    np.testing.assert_allclose(out.loc[best.index, "main_share"], best["value"] / outflow[best.index])
    shares = ext["value"] / ext.groupby("origin")["value"].transform("sum")
    hhi = (shares**2).groupby(ext["origin"]).sum()
    np.testing.assert_allclose(out.loc[hhi.index, "hhi"], hhi)


def test_no_internal_flows_gives_null_not_zero(core):
    dep = core.dependencies
    flows = pd.DataFrame({"origin": ["A", "A", "B", "C"], "destination": ["B", "C", "A", "A"],
                          "flow_type": "commuting", "value": [30.0, 10.0, 20.0, 5.0]})
    out = dep.territory_indicators(flows, ["A", "B", "C"])
    assert dep.types_without_internal(flows) == ["commuting"]
    for field in ("internal", "sc_supply", "sc_demand", "jci"):
        assert out[field].isna().all(), field
    assert out["outflow"].tolist() == [40.0, 20.0, 5.0]  # still measured: the flows leaving
    assert out.loc["A", "main_share"] == 0.75  # 30 of the 40 leaving A go to B


def test_internal_flows_of_one_type_only(core):
    dep = core.dependencies
    flows = pd.DataFrame({"origin": ["A", "A", "B", "A", "B"], "destination": ["A", "B", "B", "B", "A"],
                          "flow_type": ["work", "work", "work", "goods", "goods"],
                          "value": [60.0, 40.0, 50.0, 7.0, 3.0]})
    out = dep.territory_indicators(flows, ["A", "B"])
    assert dep.types_without_internal(flows) == ["goods"]
    assert out.loc["A", "work_sc_supply"] == 0.6  # 60 of A's 100 work flows stay in A
    assert out["goods_sc_supply"].isna().all() and out["goods_internal"].isna().all()
    assert out["sc_supply"].isna().all()  # the total mixes a type without internal flows: undefined
