"""alliance:dominantflows and alliance:citynetwork on real data."""

import csv
import sqlite3
from collections import defaultdict

import numpy as np
import pytest

AUSTRIA = {"INPUT": None, "ID_FIELD": "nuts2", "FLOWS": None}


def austria(data_dir):
    return {"INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
            "FLOWS": str(data_dir / "austria" / "at_migration_od.csv")}


def test_dominant_flows_on_austria(run_alg, data_dir, h, tmp_path):
    results, _ = run_alg("alliance:dominantflows", {**austria(data_dir), "OUTPUT": str(tmp_path / "t.gpkg"),
                                                    "OUTPUT_LINES": str(tmp_path / "l.gpkg")})
    # Independent check with plain loops: largest outflow partner, and inflow as the size.
    out, inflow, total = defaultdict(dict), defaultdict(float), 0.0
    with open(data_dir / "austria" / "at_migration_od.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            value = float(row["flow"])
            out[row["origin"]][row["destination"]] = value
            inflow[row["destination"]] += value
            total += value
    parent = {}
    for origin, partners in out.items():
        best = min(partners, key=lambda d: (-partners[d], d))
        if inflow[best] > inflow[origin]:
            parent[origin] = best
    got = h.features_by(results["OUTPUT"], "nuts2")
    assert {code: f["nd_parent"] for code, f in got.items() if f["nd_parent"]} == parent
    lines = h.features_by(results["OUTPUT_LINES"], "origin")
    assert set(lines) == set(parent)
    assert results["DOMINANT_SHARE"] == pytest.approx(sum(out[o][p] for o, p in parent.items()) / total)
    roots = {code for code, f in got.items() if f["nd_class"] == "dominant"}
    assert results["N_ROOTS"] == len(roots) and roots <= set(parent.values())


def un_cities(data_dir, h):
    with sqlite3.connect(data_dir / "spdata" / "urban_agglomerations.gpkg") as db:
        rows = db.execute("SELECT urban_agglomeration, year, population_millions FROM urban_agglomerations "
                          "WHERE year IN (2000, 2020)").fetchall()
    pops = defaultdict(dict)
    for name, year, pop in rows:
        pops[name][int(year)] = pop * 1e6
    cities = [(f"POINT({i} 0)", [name, p.get(2000, 0.0), p.get(2020, 0.0)]) for i, (name, p) in enumerate(sorted(pops.items()))]
    return h.memory_layer("Point?crs=EPSG:4326&field=name:string&field=p2000:double&field=p2020:double",
                          cities, "cities"), pops


def test_city_network_rank_size_without_flows(run_alg, data_dir, h):
    layer, pops = un_cities(data_dir, h)
    results, messages = run_alg("alliance:citynetwork", {
        "INPUT": layer, "ID_FIELD": "name", "POPULATION_FIELDS": ["p2000", "p2020"],
        "OUTPUT": "memory:", "OUTPUT_TABLE": "memory:"})
    sizes = np.array(sorted((p[2020] for p in pops.values() if p.get(2020, 0) > 0), reverse=True))
    ranks = np.arange(1, len(sizes) + 1)
    slope = np.polyfit(np.log(sizes), np.log(ranks - 0.5), 1)[0]
    assert results["RANK_SIZE_EXPONENT"] == pytest.approx(-slope, rel=1e-9)
    assert results["PRIMACY"] == pytest.approx(sizes[0] / sizes[1])
    table = {f["date"]: f for f in results["OUTPUT_TABLE"].getFeatures()}
    assert set(table) == {"p2000", "p2020"} and table["p2020"]["n"] == len(sizes)
    cities = h.features_by(results["OUTPUT"], "name")
    largest = max(pops, key=lambda c: pops[c][2020])
    assert cities[largest]["rank_p2020"] == 1
    assert any("only the city-size distribution" in m for m in messages)


def test_city_network_with_flows_on_canada(run_alg, data_dir, h):
    results, messages = run_alg("alliance:citynetwork", {
        "INPUT": str(data_dir / "canada" / "ca_provinces.gpkg"), "ID_FIELD": "code",
        "POPULATION_FIELDS": ["pop1966", "pop1971"], "FLOWS": str(data_dir / "canada" / "ca_migration_od.csv"),
        "BAND_MIN": 500000, "BAND_MAX": 3000000, "OUTPUT": "memory:", "OUTPUT_TABLE": "memory:"})
    got = h.features_by(results["OUTPUT"], "code")
    inflow = defaultdict(float)
    with open(data_dir / "canada" / "ca_migration_od.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            inflow[row["destination"]] += float(row["migrants"])
    for code, value in inflow.items():
        assert got[code]["in_strength"] == pytest.approx(value)
    assert sum(f["pagerank"] for f in got.values()) == pytest.approx(1.0)
    assert {f["betweenness_method"] for f in got.values()} == {"exact"}
    assert results["N_INTERMEDIARY"] == sum(f["intermediary"] for f in got.values())
