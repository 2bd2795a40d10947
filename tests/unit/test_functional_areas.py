"""Functional urban areas (EU-OECD) and aires d'attraction (INSEE) on hand-made cases."""

import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core import functional_areas as fa
from alliance_territories.alliance_plugin.core.errors import AllianceError


def commuting(rows):
    return pd.DataFrame(rows, columns=["origin", "destination", "value"]).assign(flow_type="commuting")


# A line of units: A B S1 S2 X, plus E between A and S1 in contiguity terms (see NEIGHBOURS).
FLOWS = commuting([
    ("A", "A", 900), ("A", "B", 100),            # A (city) sends 10 % to B
    ("B", "B", 400), ("B", "A", 100),            # B (city) sends 20 % of its workers to A: polycentric
    ("S1", "S1", 80), ("S1", "A", 10), ("S1", "B", 10),  # 10 % + 10 % = 20 % to the merged city
    ("S2", "S2", 90), ("S2", "A", 10),           # 10 %: outside
    ("X", "X", 70), ("X", "A", 30),              # 30 % but not contiguous to the FUA: exclave
    ("E", "E", 95), ("E", "A", 5),               # 5 % but surrounded by the FUA: enclave
])
IDS = ["A", "B", "S1", "S2", "X", "E"]
POP = pd.Series({"A": 100000, "B": 50000, "S1": 3000, "S2": 2000, "X": 1000, "E": 500})
CITY = pd.Series({"A": True, "B": True})
NEIGHBOURS = pd.DataFrame({"a": ["A", "B", "S1", "A", "B", "E", "S2"],
                           "b": ["B", "S1", "S2", "E", "E", "S1", "X"]})


def test_polycentric_city_and_commuting_to_the_whole_city():
    units, areas = fa.functional_urban_areas(FLOWS, IDS, POP, city=CITY)
    assert units.loc[["A", "B"], "fua_role"].tolist() == ["city core", "city core"]
    assert units.loc[["A", "B"], "city_id"].tolist() == ["A", "A"]  # one polycentric city, named by A
    assert units.loc["S1", "fua_role"] == "commuting zone"
    assert units.loc["S1", "share_to_core"] == pytest.approx(0.2)
    assert units.loc["S2", "fua_role"] == "outside" and units.loc["S2", "share_to_core"] == pytest.approx(0.1)
    assert units.loc["X", "fua_role"] == "commuting zone"  # without contiguity, X qualifies by its 30 %
    fua = areas.loc["A"]
    assert fua["units"] == 4 and fua["core_units"] == 2 and fua["population"] == 154000
    members = ["A", "B", "S1", "X"]
    internal = FLOWS[FLOWS.origin.isin(members) & FLOWS.destination.isin(members)]["value"].sum()
    outflow = FLOWS[FLOWS.origin.isin(members)]["value"].sum()
    inflow = FLOWS[FLOWS.destination.isin(members)]["value"].sum()
    assert fua["sc_supply"] == pytest.approx(internal / outflow)
    assert fua["sc_demand"] == pytest.approx(internal / inflow)


def test_exclaves_removed_and_enclaves_added_with_contiguity():
    units, _ = fa.functional_urban_areas(FLOWS, IDS, POP, city=CITY, neighbours=NEIGHBOURS)
    assert units.loc["X", "fua_role"] == "outside"  # only touches S2, which is outside
    assert units.loc["E", "fua_role"] == "commuting zone" and units.loc["E", "fua_id"] == "A"
    assert units.loc["S1", "fua_id"] == "A"


def test_without_polycentric_merge_two_cities():
    units, areas = fa.functional_urban_areas(FLOWS, IDS, POP, city=CITY, polycentric=0.25)
    assert units.loc["B", "fua_id"] == "B" and units.loc["A", "fua_id"] == "A"
    assert units.loc["S1", "fua_role"] == "outside"  # 10 % to each city separately
    assert sorted(areas.index) == ["A", "B"]


def test_urban_centre_share_rule_and_touching_city_units():
    share = pd.Series({"A": 0.9, "B": 0.6, "S1": 0.4})
    units, _ = fa.functional_urban_areas(FLOWS, IDS, POP, urban_centre_share=share, polycentric=0.9,
                                         neighbours=NEIGHBOURS)
    # A and B touch: one city even though the polycentric rule would not merge them.
    assert units.loc["B", "city_id"] == "A" and units.loc["S1", "fua_role"] == "commuting zone"


def test_no_city_gives_an_empty_result_and_missing_rule_an_error():
    units, areas = fa.functional_urban_areas(FLOWS, IDS, POP, city=pd.Series(dtype=bool))
    assert set(units["fua_role"]) == {"outside"} and areas.empty
    with pytest.raises(AllianceError, match="which units are cities"):
        fa.functional_urban_areas(FLOWS, IDS, POP)


def test_attraction_areas_secondary_pole_and_non_recursive_crown():
    flows = commuting([
        ("P", "P", 5000), ("Q", "Q", 1600), ("Q", "P", 400),   # Q: 2,000 jobs, sends 20 % to P
        ("C1", "C1", 50), ("C1", "Q", 50),                     # 50 % to the secondary pole Q
        ("C2", "C2", 80), ("C2", "C1", 20),                    # 20 % to the crown commune C1 only
        ("C3", "C3", 85), ("C3", "P", 15),                     # exactly 15 % to P
    ])
    ids = ["P", "Q", "C1", "C2", "C3"]
    pop = pd.Series({"P": 50000, "Q": 8000, "C1": 900, "C2": 700, "C3": 600})
    units, areas = fa.attraction_areas(flows, ids, pop, min_jobs=1500)
    assert units["aav_role"].tolist() == ["pole", "secondary pole", "crown", "outside", "crown"]
    assert units.loc["Q", "aav_id"] == "P" and units.loc["C1", "aav_id"] == "P"
    assert units.loc["C1", "share_to_pole"] == pytest.approx(0.5)
    assert units.loc["C2", "share_to_pole"] == pytest.approx(0.0)  # flows to the crown do not count
    assert areas.loc["P", "units"] == 4
    # A higher job minimum leaves Q out of the poles: C1 then sends nothing to a pole.
    units, _ = fa.attraction_areas(flows, ids, pop, min_jobs=3000)
    assert units.loc["Q", "aav_role"] == "crown" and units.loc["C1", "aav_role"] == "outside"


def test_random_case_shares_match_a_plain_computation():
    rng = np.random.default_rng(3)
    ids = [f"{i:03d}" for i in range(60)]
    flows = commuting([(o, d, float(rng.integers(1, 50))) for o in ids for d in rng.choice(ids, 6)])
    flows = flows.groupby(["origin", "destination", "flow_type"], as_index=False)["value"].sum()
    city = pd.Series({c: True for c in ids[:3]})
    units, _ = fa.functional_urban_areas(flows, ids, pd.Series(1.0, index=ids), city=city, polycentric=1.0)
    out = flows.groupby("origin")["value"].sum()
    for code in ids[3:]:
        own = flows[(flows.origin == code) & flows.destination.isin(ids[:3])]
        best = own.groupby("destination")["value"].sum().reindex(ids[:3], fill_value=0) / out[code]
        expected_role = "commuting zone" if best.max() >= 0.15 else "outside"
        assert units.loc[code, "fua_role"] == expected_role
        if expected_role == "commuting zone":
            assert units.loc[code, "share_to_core"] == pytest.approx(best.max())


def test_no_pole_gives_an_empty_result():
    units, areas = fa.attraction_areas(FLOWS, IDS, POP, min_jobs=1e9)
    assert set(units["aav_role"]) == {"outside"} and areas.empty
