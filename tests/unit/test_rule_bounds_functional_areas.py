"""Every bound of the functional-area rules, on the bound and on both sides of it (issue 13).

EU-OECD functional urban areas (Dijkstra, Poelman and Veneri 2019; methods.md, section 2):
a city is a unit with at least 50 % of its population in an urban centre; two cities are one
when at least 15 % of the employed residents of one work in the other; the commuting zone is
every unit with ``T_iC / O_i >= 0.15`` (``T_iC`` summed over the city's units); enclaves are
added and exclaves removed.

INSEE aires d'attraction des villes (2020): a pole has at least ``min_jobs`` jobs (1,500 by
default); a pole sending at least 15 % of its workers to another (larger) pole is attached to
it; the crown is the units outside poles sending at least 15 % of their workers to the pole;
attraction is not recursive.

Expected answers are worked out by hand in the comments.
"""

import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core import functional_areas as fa


def _flows(rows):
    return pd.DataFrame(rows, columns=["origin", "destination", "value"]).assign(flow_type="commuting")


def _pop(**values):
    return pd.Series(values, dtype=float)


# --- EU-OECD: the city (50 % of the population in an urban centre) ------------------------------

def _city_case():
    # C keeps its 100 workers; S sends 30 of 100 to C (30 % >= 15 %: commuting zone of a city C).
    return _flows([("C", "C", 100.0), ("S", "C", 30.0), ("S", "S", 70.0)]), _pop(C=1e5, S=5e3)


@pytest.mark.parametrize("share, roles", [
    (0.5, ["city core", "commuting zone"]),   # exactly 50 %: a city (>=)
    (0.4999, ["outside", "outside"]),         # just under: no city at all, so no commuting zone
    (0.5001, ["city core", "commuting zone"]),
])
def test_city_from_urban_centre_share_on_the_bound(share, roles):
    flows, pop = _city_case()
    units, _ = fa.functional_urban_areas(flows, ["C", "S"], pop, urban_centre_share=_pop(C=share, S=0.0),
                                         city_share=0.5)
    assert units["fua_role"].tolist() == roles


@pytest.mark.parametrize("share, role", [(0.5, "city core"), (0.45, "outside")])
def test_default_city_share_is_50_percent(share, role):
    # No city_share given: 50 % makes a city, 45 % does not (a default of 40 % would make it one,
    # one of 60 % would refuse 50 %).
    flows, pop = _city_case()
    units, _ = fa.functional_urban_areas(flows, ["C", "S"], pop, urban_centre_share=_pop(C=share, S=0.0))
    assert units.loc["C", "fua_role"] == role


# --- EU-OECD: the commuting zone (15 %, >=) -------------------------------------------------------

def _zone_case(to_city):
    # S sends `to_city` of its 100 employed residents to the city C.
    flows = _flows([("C", "C", 100.0), ("S", "C", to_city), ("S", "S", 100.0 - to_city)])
    return flows, _pop(C=1e5, S=5e3), pd.Series({"C": True, "S": False})


@pytest.mark.parametrize("to_city, role", [(15.0, "commuting zone"), (14.99, "outside"), (15.01, "commuting zone")])
def test_commuting_zone_threshold_on_the_bound(to_city, role):
    flows, pop, city = _zone_case(to_city)
    units, _ = fa.functional_urban_areas(flows, ["C", "S"], pop, city=city, commuting=0.15)
    assert units.loc["S", "fua_role"] == role
    assert units.loc["S", "share_to_core"] == pytest.approx(to_city / 100.0)
    fua_id = units.loc["S", "fua_id"]
    assert fua_id == "C" if role == "commuting zone" else pd.isna(fua_id)


@pytest.mark.parametrize("to_city, role", [(15.0, "commuting zone"), (14.0, "outside")])
def test_default_commuting_threshold_is_15_percent(to_city, role):
    flows, pop, city = _zone_case(to_city)
    units, _ = fa.functional_urban_areas(flows, ["C", "S"], pop, city=city)
    assert units.loc["S", "fua_role"] == role


# --- EU-OECD: polycentric cities (15 %, >=) -------------------------------------------------------

def _polycentric_case(c2_to_c1):
    # Two cities (no contiguity given: each a city of its own). C2 sends `c2_to_c1` of its 100 workers
    # to C1. S sends 8 to C1 and 7 to C2 (8 % and 7 %: below 15 % for each city alone, 15 % to the
    # two together once merged).
    return (_flows([("C1", "C1", 200.0), ("C2", "C1", c2_to_c1), ("C2", "C2", 100.0 - c2_to_c1),
                    ("S", "C1", 8.0), ("S", "C2", 7.0), ("S", "S", 85.0)]),
            _pop(C1=2e5, C2=1e5, S=5e3), pd.Series({"C1": True, "C2": True, "S": False}))


@pytest.mark.parametrize("c2_to_c1, merged", [(15.0, True), (14.99, False), (15.01, True)])
def test_polycentric_threshold_on_the_bound(c2_to_c1, merged):
    flows, pop, city = _polycentric_case(c2_to_c1)
    units, _ = fa.functional_urban_areas(flows, ["C1", "C2", "S"], pop, city=city, polycentric=0.15)
    # Merged: one FUA named after its most populated unit, C1; and S's 8 + 7 = 15 % to the merged city
    # puts it in the commuting zone. Not merged: two FUAs, and S (8 %, 7 %) stays outside.
    assert units["fua_id"].tolist()[:2] == (["C1", "C1"] if merged else ["C1", "C2"])
    assert units.loc["S", "fua_role"] == ("commuting zone" if merged else "outside")


@pytest.mark.parametrize("c2_to_c1, merged", [(15.0, True), (14.0, False)])
def test_default_polycentric_threshold_is_15_percent(c2_to_c1, merged):
    flows, pop, city = _polycentric_case(c2_to_c1)
    units, _ = fa.functional_urban_areas(flows, ["C1", "C2", "S"], pop, city=city)
    assert (units.loc["C2", "fua_id"] == "C1") is merged


# --- EU-OECD: contiguity (enclaves added, exclaves removed) ----------------------------------------

def test_enclaves_added_and_exclaves_removed():
    # C is the city. Z (20 % to C) touches C: commuting zone. E sends 20 % to C but touches only X,
    # which is outside: an exclave, removed. N sends nothing to C but touches only C and Z: an
    # enclave, added.
    flows = _flows([("C", "C", 100.0), ("Z", "C", 20.0), ("Z", "Z", 80.0), ("E", "C", 20.0), ("E", "E", 80.0),
                    ("N", "N", 50.0), ("X", "X", 50.0)])
    neighbours = pd.DataFrame({"a": ["C", "Z", "C", "X"], "b": ["Z", "N", "N", "E"]})
    ids = ["C", "Z", "E", "N", "X"]
    units, _ = fa.functional_urban_areas(flows, ids, _pop(C=1e5, Z=1e3, E=1e3, N=1e3, X=1e3),
                                         city=pd.Series({"C": True}), neighbours=neighbours)
    assert units["fua_role"].tolist() == ["city core", "commuting zone", "outside", "commuting zone", "outside"]
    # Without the contiguity pairs: E stays (20 % >= 15 %) and N stays outside (0 %).
    units, _ = fa.functional_urban_areas(flows, ids, _pop(C=1e5, Z=1e3, E=1e3, N=1e3, X=1e3),
                                         city=pd.Series({"C": True}))
    assert units["fua_role"].tolist() == ["city core", "commuting zone", "commuting zone", "outside", "outside"]


# --- INSEE attraction areas: the pole (min_jobs 1,500, >=) ----------------------------------------

def _pole_case(jobs):
    # P has `jobs` jobs (its inflow, internal included: its own workers); Cr sends 30 of 100 to P.
    return _flows([("P", "P", jobs), ("Cr", "P", 30.0), ("Cr", "Cr", 70.0)]), _pop(P=1e4, Cr=1e3)


@pytest.mark.parametrize("internal, is_pole", [
    (1470.0, True),     # 1470 + 30 from Cr = 1500 jobs: exactly the minimum (>=)
    (1469.0, False),    # 1499 jobs
    (1471.0, True),     # 1501 jobs
])
def test_pole_min_jobs_on_the_bound(internal, is_pole):
    flows, pop = _pole_case(internal)
    units, _ = fa.attraction_areas(flows, ["P", "Cr"], pop, min_jobs=1500)
    assert units.loc["P", "aav_role"] == ("pole" if is_pole else "outside")
    assert units.loc["Cr", "aav_role"] == ("crown" if is_pole else "outside")


@pytest.mark.parametrize("internal, is_pole", [(1470.0, True), (1469.0, False)])
def test_default_min_jobs_is_1500(internal, is_pole):
    # No min_jobs given: 1500 jobs make a pole, 1499 do not.
    flows, pop = _pole_case(internal)
    units, _ = fa.attraction_areas(flows, ["P", "Cr"], pop)
    assert (units.loc["P", "aav_role"] == "pole") is is_pole


# --- INSEE attraction areas: the crown (15 %, >=) ----------------------------------------------------

def _crown_case(to_pole):
    return (_flows([("P", "P", 5000.0), ("Cr", "P", to_pole), ("Cr", "Cr", 100.0 - to_pole)]),
            _pop(P=1e4, Cr=1e3))


@pytest.mark.parametrize("to_pole, role", [(15.0, "crown"), (14.99, "outside"), (15.01, "crown")])
def test_crown_threshold_on_the_bound(to_pole, role):
    flows, pop = _crown_case(to_pole)
    units, _ = fa.attraction_areas(flows, ["P", "Cr"], pop, commuting=0.15)
    assert units.loc["Cr", "aav_role"] == role
    assert units.loc["Cr", "share_to_pole"] == pytest.approx(to_pole / 100.0)


@pytest.mark.parametrize("to_pole, role", [(15.0, "crown"), (14.0, "outside")])
def test_default_crown_threshold_is_15_percent(to_pole, role):
    flows, pop = _crown_case(to_pole)
    units, _ = fa.attraction_areas(flows, ["P", "Cr"], pop)
    assert units.loc["Cr", "aav_role"] == role


def test_attraction_is_not_recursive():
    # U sends 40 % to Cr (a crown unit) and nothing to the pole: flows to the crown do not count.
    flows = _flows([("P", "P", 5000.0), ("Cr", "P", 30.0), ("Cr", "Cr", 70.0), ("U", "Cr", 40.0),
                    ("U", "U", 60.0)])
    units, _ = fa.attraction_areas(flows, ["P", "Cr", "U"], _pop(P=1e4, Cr=1e3, U=1e3))
    assert units["aav_role"].tolist() == ["pole", "crown", "outside"]


# --- INSEE attraction areas: a pole sending 15 % to a larger pole is attached to it ----------------

def _two_poles(sent):
    # P1: 3000 workers stay, and it receives P2's `sent`: 3000 + sent jobs. P2: 2000 workers, sends
    # `sent` to P1 and keeps the rest (2000 - sent >= 1500 jobs: a pole too, smaller than P1).
    return (_flows([("P1", "P1", 3000.0), ("P2", "P1", sent), ("P2", "P2", 2000.0 - sent)]),
            _pop(P1=5e4, P2=2e4))


@pytest.mark.parametrize("sent, attached", [
    (300.0, True),      # 300 / 2000 = 15 %: attached (>=)
    (299.8, False),     # 14.99 %
    (300.2, True),      # 15.01 %
])
def test_secondary_pole_threshold_on_the_bound(sent, attached):
    flows, pop = _two_poles(sent)
    units, _ = fa.attraction_areas(flows, ["P1", "P2"], pop, commuting=0.15)
    assert units.loc["P2", "aav_role"] == ("secondary pole" if attached else "pole")
    assert units.loc["P2", "aav_id"] == ("P1" if attached else "P2")
    assert units.loc["P1", "aav_role"] == "pole"


@pytest.mark.parametrize("sent, attached", [(300.0, True), (280.0, False)])
def test_default_secondary_pole_threshold_is_15_percent(sent, attached):
    flows, pop = _two_poles(sent)
    units, _ = fa.attraction_areas(flows, ["P1", "P2"], pop)
    assert (units.loc["P2", "aav_role"] == "secondary pole") is attached
