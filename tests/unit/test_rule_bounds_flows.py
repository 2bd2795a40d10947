"""Every bound of the flow rules, pinned on the bound and on both sides of it (issue 13).

Rules (methods.md, section 1; help "Flow dependencies" and "Dominant flows"):

- dependency: territory i depends on its main partner j when ``T_ij / O_i >= threshold``,
  15 % by default (the EU-OECD commuting threshold);
- roles (ours): interdependent when i depends on j and j depends on i in return
  (``T_ji / O_j >= threshold``) or others depend on i; dependent when i depends only;
  pole when others depend on i and i on none; autonomous otherwise; isolated without
  any flow to or from another territory;
- job concentration index ``100 * D_i / O_i`` only for commuting flow types;
- HHI ``sum_{j != i} (T_ij / (O_i - T_ii))^2``;
- cross-type coupling: the same partner first for two flow types or more;
- Nystuen-Dacey: i is dominated by j when its largest outflow goes to j and j is
  strictly larger (total inflow);
- flow lines kept when the share is at least ``min_share``, the volume at least
  ``min_volume`` and the rank at most ``top_n``.

Every expected value below is worked out by hand in the comments, never taken from the code.
"""

import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core import dependencies, dominant


def _flows(rows, kind="commuting"):
    return pd.DataFrame(rows, columns=["origin", "destination", "value"]).assign(flow_type=kind)


# --- the dependency threshold (15 %, ">=") ------------------------------------------------------

@pytest.mark.parametrize("to_b, expected", [
    # A keeps 100 - x and sends x to B: main share x / 100.
    (15.0, "dependent"),     # 15 / 100 = 0.15: exactly on the threshold, >= holds: A depends on B
    (14.99, "autonomous"),   # 0.1499 < 0.15: no dependence; A has an external flow, so not isolated
    (15.01, "dependent"),    # 0.1501 >= 0.15
])
def test_dependency_threshold_on_and_beside_the_bound(to_b, expected):
    flows = _flows([("A", "A", 100.0 - to_b), ("A", "B", to_b), ("B", "B", 100.0)])
    out = dependencies.territory_indicators(flows, ["A", "B"], threshold=0.15)
    assert out.loc["A", "main_share"] == pytest.approx(to_b / 100.0)
    assert out.loc["A", "role"] == expected
    # B receives A's flow: a pole exactly when A depends on it, else autonomous (it receives a flow).
    assert out.loc["B", "role"] == ("pole" if expected == "dependent" else "autonomous")
    assert out.loc["B", "n_dependents"] == (1 if expected == "dependent" else 0)


@pytest.mark.parametrize("to_b, expected", [(15.0, "dependent"), (14.0, "autonomous")])
def test_default_dependency_threshold_is_15_percent(to_b, expected):
    # No threshold given: the documented default 15 %. A share of 15 % depends, 14 % does not;
    # a default of 10 % would make 14 % dependent, one of 20 % would make 15 % autonomous.
    flows = _flows([("A", "A", 100.0 - to_b), ("A", "B", to_b), ("B", "B", 100.0)])
    assert dependencies.territory_indicators(flows, ["A", "B"]).loc["A", "role"] == expected
    both = dependencies.flow_dependencies(flows, ["A", "B"])[0]
    assert both.loc["A", "role"] == expected


@pytest.mark.parametrize("back, roles", [
    # A sends 15 of 100 to B; B sends `back` of 100 to A.
    (15.0, ["interdependent", "interdependent"]),  # 15 % both ways: mutual dependence (>= on both)
    (14.99, ["pole", "dependent"]),                # 14.99 % < 15 %: B does not depend on A
])
def test_mutual_dependence_needs_the_return_share_at_the_threshold(back, roles):
    # With back = 14.99: A depends on B (15 %), B does not depend on A (14.99 %): B has a dependent (A)
    # and depends on none -> pole; A depends on B only -> dependent. Listed as [B, A] below.
    flows = _flows([("A", "A", 85.0), ("A", "B", 15.0), ("B", "B", 100.0 - back), ("B", "A", back)])
    out = dependencies.territory_indicators(flows, ["A", "B"], threshold=0.15)
    assert [out.loc["B", "role"], out.loc["A", "role"]] == roles


@pytest.mark.parametrize("b_to_a, role", [(15.0, "interdependent"), (14.0, "dependent")])
def test_mutual_dependence_with_a_partner_whose_main_partner_is_elsewhere(b_to_a, role):
    # A sends 15 of 100 to B (A depends on B). B sends 20 of 100 to C (its main partner) and `b_to_a` to A:
    # B is not one of A's dependents (its main partner is C), so only the return share T_BA / O_B can make
    # A interdependent: at 15 % (>= 15 %) it does, at 14 % A is only dependent.
    flows = _flows([("A", "A", 85.0), ("A", "B", 15.0), ("B", "B", 80.0 - b_to_a), ("B", "C", 20.0),
                    ("B", "A", b_to_a), ("C", "C", 10.0)])
    out = dependencies.territory_indicators(flows, ["A", "B", "C"], threshold=0.15)
    assert out.loc["A", "n_dependents"] == 0
    assert out.loc["A", "role"] == role


def test_interdependent_through_dependents_not_only_mutual():
    # C sends 20 % to A, A sends 20 % to B, nothing comes back: A depends on B and C depends on A,
    # so A is interdependent (dependent and has a dependent); B is a pole; C is dependent.
    flows = _flows([("C", "C", 80.0), ("C", "A", 20.0), ("A", "A", 80.0), ("A", "B", 20.0), ("B", "B", 50.0)])
    out = dependencies.territory_indicators(flows, ["A", "B", "C"])
    assert out["role"].tolist() == ["interdependent", "pole", "dependent"]
    assert out["n_dependents"].tolist() == [1, 1, 0]


def test_dependents_are_counted_only_from_the_threshold():
    # A sends 15 % to P (counts), B sends 14 % to P (does not): P has exactly one dependent.
    flows = _flows([("A", "A", 85.0), ("A", "P", 15.0), ("B", "B", 86.0), ("B", "P", 14.0), ("P", "P", 10.0)])
    out = dependencies.territory_indicators(flows, ["A", "B", "P"])
    assert out.loc["P", "n_dependents"] == 1
    assert out.loc["P", "role"] == "pole"


def test_isolated_only_without_any_external_flow():
    # I keeps everything and receives nothing from others: isolated. J keeps 99.99 and sends 0.01 to K:
    # J has an external flow (not isolated: autonomous, 0.01 % < 15 %); K receives it (not isolated either).
    flows = _flows([("I", "I", 10.0), ("J", "J", 99.99), ("J", "K", 0.01), ("K", "K", 5.0)])
    out = dependencies.territory_indicators(flows, ["I", "J", "K"])
    assert out["role"].tolist() == ["isolated", "autonomous", "autonomous"]


def test_threshold_outside_zero_one_is_refused():
    flows = _flows([("A", "B", 1.0)])
    for bad in (-0.01, 1.01):
        with pytest.raises(Exception, match="share between 0 and 1"):
            dependencies.territory_indicators(flows, ["A", "B"], threshold=bad)
    # 1 is a share: only a territory sending everything out depends (A sends 1 of 1 to B).
    out = dependencies.territory_indicators(flows, ["A", "B"], threshold=1.0)
    assert out["role"].tolist() == ["dependent", "pole"]


def test_threshold_zero_is_a_valid_share():
    # Was a raw ValueError (a territory without partner counted dependent on partner -1), found by this test.
    # A sends its 1 to B: share 1 >= 0, A depends on B; B sends nothing out: no partner, it cannot
    # depend on anyone, and A depends on it: pole.
    flows = _flows([("A", "B", 1.0)])
    out = dependencies.territory_indicators(flows, ["A", "B"], threshold=0.0)
    assert out["role"].tolist() == ["dependent", "pole"]


# --- job concentration index and the commuting types --------------------------------------------

@pytest.mark.parametrize("kind", ["commuting", "Commuting", "commute", "navettes", "domicile-travail",
                                  "domicile_travail", "MOBPRO", "work"])
def test_commuting_types_get_the_job_concentration_index(kind):
    # A: 60 stay, 40 go to B; B: 50 stay. D_A = 60, O_A = 100 -> jci 60; D_B = 90, O_B = 50 -> 180.
    flows = _flows([("A", "A", 60.0), ("A", "B", 40.0), ("B", "B", 50.0)], kind)
    out = dependencies.territory_indicators(flows, ["A", "B"])
    assert out["jci"].tolist() == pytest.approx([60.0, 180.0])


@pytest.mark.parametrize("kind", ["food", "migration", "flow", "commuters"])
def test_other_flow_types_have_no_job_concentration_index(kind):
    flows = _flows([("A", "A", 60.0), ("A", "B", 40.0), ("B", "B", 50.0)], kind)
    assert "jci" not in dependencies.territory_indicators(flows, ["A", "B"]).columns


def test_total_jci_only_when_every_type_is_commuting():
    flows = pd.concat([_flows([("A", "A", 60.0), ("A", "B", 40.0), ("B", "B", 50.0)], "commuting"),
                       _flows([("A", "A", 5.0), ("A", "B", 5.0), ("B", "B", 5.0)], "food")])
    out = dependencies.territory_indicators(flows, ["A", "B"])
    assert "jci" not in out.columns  # the total mixes food with commuting
    assert out["commuting_jci"].tolist() == pytest.approx([60.0, 180.0])
    assert "food_jci" not in out.columns


# --- concentration, self-containment and coupling by hand ----------------------------------------

def test_hhi_self_containment_and_net_balance_by_hand():
    # A keeps 60, sends 30 to B and 10 to C: O_A = 100, external 40: shares 0.75 and 0.25,
    # HHI = 0.5625 + 0.0625 = 0.625. sc_supply = 60/100; D_A = 60 (+ 0 received) -> sc_demand 1.
    # B: keeps 20, receives 30: D_B = 50, O_B = 20, net balance 30.
    flows = _flows([("A", "A", 60.0), ("A", "B", 30.0), ("A", "C", 10.0), ("B", "B", 20.0)], "food")
    out = dependencies.territory_indicators(flows, ["A", "B", "C"])
    assert out.loc["A", "hhi"] == pytest.approx(0.625)
    assert out.loc["A", ["sc_supply", "sc_demand"]].tolist() == pytest.approx([0.6, 1.0])
    assert out.loc["B", "net_balance"] == pytest.approx(30.0)
    assert out.loc["A", "n_partners"] == 2


@pytest.mark.parametrize("n_types, coupled", [(2, 1), (1, 0)])
def test_coupling_from_two_flow_types(n_types, coupled):
    # A's main partner is B for commuting; for food it is B too (n_types = 2) or C (n_types = 1):
    # coupling needs the same partner first for two types or more.
    food_partner = "B" if n_types == 2 else "C"
    flows = pd.concat([_flows([("A", "A", 50.0), ("A", "B", 30.0), ("A", "C", 20.0)], "commuting"),
                       _flows([("A", food_partner, 9.0), ("A", "D", 1.0)], "food")])
    out = dependencies.territory_indicators(flows, ["A", "B", "C", "D"])
    assert out.loc["A", "coupled"] == coupled
    assert out.loc["A", "coupled_partner"] == ("B" if coupled else None)
    assert out.loc["A", "coupled_types"] == (2 if coupled else 0)


# --- pairs kept for drawing (select_pairs) --------------------------------------------------------

def _pairs():
    # A: O_A = 51 + 15 + 20 + 14 = 100 exactly: 15 to B (share 0.15, rank 2), 20 to C (0.2, rank 1),
    # 14 to D (0.14, rank 3).
    flows = _flows([("A", "A", 51.0), ("A", "B", 15.0), ("A", "C", 20.0), ("A", "D", 14.0)], "food")
    return dependencies.pair_indicators(flows, ["A", "B", "C", "D"])


def _kept(pairs):
    return sorted(pairs["destination"].astype(str))


def test_select_pairs_min_share_is_inclusive():
    assert _kept(dependencies.select_pairs(_pairs(), min_share=0.15)) == ["B", "C"]  # 0.15 kept, 0.14 not
    assert _kept(dependencies.select_pairs(_pairs(), min_share=0.1499)) == ["B", "C"]
    assert _kept(dependencies.select_pairs(_pairs(), min_share=0.1501)) == ["C"]


def test_select_pairs_min_volume_and_top_n_are_inclusive():
    assert _kept(dependencies.select_pairs(_pairs(), min_volume=15.0)) == ["B", "C"]
    assert _kept(dependencies.select_pairs(_pairs(), min_volume=15.01)) == ["C"]
    assert _kept(dependencies.select_pairs(_pairs(), top_n=2)) == ["B", "C"]  # ranks 1 and 2
    assert _kept(dependencies.select_pairs(_pairs(), top_n=1)) == ["C"]


def test_select_pairs_defaults_keep_everything():
    # Defaults: no minimum share, no minimum volume, no top_n: the three pairs, shares unchanged.
    kept = dependencies.select_pairs(_pairs())
    assert _kept(kept) == ["B", "C", "D"]
    assert sorted(kept["share_origin"]) == [0.14, 0.15, 0.2]


# --- Nystuen-Dacey: the parent must be strictly larger -------------------------------------------

def test_equal_sizes_never_dominate_each_other():
    # A and B send each other 10: both inflows are 10; neither is strictly larger: both independent.
    flows = _flows([("A", "B", 10.0), ("B", "A", 10.0)], "flow")
    out = dominant.dominant_flows(flows, ["A", "B"]).territories
    assert out["nd_class"].tolist() == ["independent", "independent"]
    assert out["nd_parent"].isna().all()


def test_a_strictly_larger_partner_dominates():
    # Add C -> B 1: inflow A 10, B 11, C 0. A's largest flow goes to B, larger: A dominated by B;
    # C's only flow goes to B (11 > 0): dominated; B's largest goes to A (10 < 11): B dominates.
    flows = _flows([("A", "B", 10.0), ("B", "A", 10.0), ("C", "B", 1.0)], "flow")
    out = dominant.dominant_flows(flows, ["A", "B", "C"]).territories
    assert out["nd_class"].tolist() == ["dominated", "dominant", "dominated"]
    assert out["nd_parent"].tolist()[::2] == ["B", "B"]
    assert pd.isna(out.loc["B", "nd_parent"])


def test_the_internal_flow_is_never_the_largest_outflow():
    # A keeps 100 and sends 5 to B, whose inflow (5 + 50 kept) exceeds A's (100)? No: 55 < 100,
    # so A is not dominated even though its largest external flow goes to B; B sends 1 to A
    # (A larger: 100 > 55): B is dominated by A.
    flows = _flows([("A", "A", 100.0), ("A", "B", 5.0), ("B", "B", 50.0), ("B", "A", 1.0)], "flow")
    out = dominant.dominant_flows(flows, ["A", "B"]).territories
    assert out["nd_class"].tolist() == ["dominant", "dominated"]
    assert out["nd_size"].tolist() == [101.0, 55.0]
