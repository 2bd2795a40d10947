"""alliance:flowregions on the Austrian flows."""

import csv
from collections import defaultdict

import pytest


def austria(data_dir):
    return {"INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
            "FLOWS": str(data_dir / "austria" / "at_migration_od.csv")}


def flows_of(data_dir, path=("austria", "at_migration_od.csv"), columns=("origin", "destination", "flow")):
    rows = defaultdict(float)
    with open(data_dir.joinpath(*path), encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows[(row[columns[0]], row[columns[1]])] += float(row[columns[2]])
    return rows


def modularity_of(flows, region):
    """Modularity, computed here with the configuration null on the symmetrised graph."""
    total = sum(flows.values())
    strength = defaultdict(float)
    for (o, d), v in flows.items():
        strength[o] += v
        strength[d] += v
    within = sum(v for (o, d), v in flows.items() if region[o] == region[d])
    return within / total - sum(
        (sum(s for c, s in strength.items() if region[c] == r) / (2 * total)) ** 2 for r in set(region.values()))


@pytest.mark.parametrize("method, contiguity", [(0, False), (0, True), (1, False)])
def test_regions_and_their_self_containment(run_alg, data_dir, h, tmp_path, method, contiguity):
    results, _ = run_alg("alliance:flowregions", {
        **austria(data_dir), "METHOD": method, "N_REGIONS": 3, "CONTIGUITY": contiguity,
        "OUTPUT": str(tmp_path / "t.gpkg"), "OUTPUT_REGIONS": str(tmp_path / "r.gpkg"),
        "OUTPUT_HISTORY": str(tmp_path / "h.gpkg") if method == 0 else None})
    units = h.features_by(results["OUTPUT"], "nuts2")
    region = {code: f["region"] for code, f in units.items()}
    if method == 0:
        assert results["N_REGIONS_FOUND"] == 3 and len(set(region.values())) == 3
        history = h.features_by(results["OUTPUT_HISTORY"], "step")
        assert sorted(history) == list(range(1, 7))  # 9 regions -> 3 in six merges
    flows = flows_of(data_dir)
    regions = h.features_by(results["OUTPUT_REGIONS"], "region_id")
    assert set(regions) == set(region.values())
    for name, stats in regions.items():
        members = {c for c, r in region.items() if r == name}
        internal = sum(v for (o, d), v in flows.items() if o in members and d in members)
        outflow = sum(v for (o, d), v in flows.items() if o in members)
        assert stats["n_units"] == len(members)
        assert stats["internal"] == pytest.approx(internal)
        assert stats["sc_supply"] == pytest.approx(internal / outflow)
    assert results["MODULARITY"] == pytest.approx(modularity_of(flows, region), abs=1e-9)
    if contiguity:  # every region is connected through touching regions
        assert len(regions) == 3


def test_default_on_canada_finds_real_regions_and_says_why(run_alg, data_dir, h):
    """The default (Louvain) on 10 provinces: several provinces per region, a positive modularity, said in the log."""
    results, messages = run_alg("alliance:flowregions", {
        "INPUT": str(data_dir / "canada" / "ca_provinces.gpkg"), "ID_FIELD": "code",
        "FLOWS": str(data_dir / "canada" / "ca_migration_od.csv"), "OUTPUT": "memory:", "OUTPUT_REGIONS": "memory:"})
    region = {code: f["region"] for code, f in h.features_by(results["OUTPUT"], "code").items()}
    assert len(region) == 10
    assert 1 < results["N_REGIONS_FOUND"] < 10 and len(set(region.values())) == results["N_REGIONS_FOUND"]
    assert results["MODULARITY"] > 0
    # The modularity reported is that of the regions written, computed independently from the table.
    flows = flows_of(data_dir, ("canada", "ca_migration_od.csv"), ("source", "destination", "migrants"))
    assert results["MODULARITY"] == pytest.approx(modularity_of(flows, region), abs=1e-9)
    assert any("maximises the modularity" in m and "Louvain" in m for m in messages)
    assert not any("single territory" in m or "not positive" in m for m in messages)


def test_degenerate_intramax_is_flagged(run_alg, data_dir):
    """Intramax asked for 10 regions on 10 provinces: 10 one-province regions, modularity below 0; warned."""
    results, messages = run_alg("alliance:flowregions", {
        "INPUT": str(data_dir / "canada" / "ca_provinces.gpkg"), "ID_FIELD": "code",
        "FLOWS": str(data_dir / "canada" / "ca_migration_od.csv"), "METHOD": 0, "N_REGIONS": 10,
        "OUTPUT": "memory:", "OUTPUT_REGIONS": "memory:"})
    assert results["N_REGIONS_FOUND"] == 10 and results["MODULARITY"] < 0
    assert any("Every region holds a single territory" in m for m in messages)
    assert any("not positive" in m for m in messages)
