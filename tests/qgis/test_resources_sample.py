"""The constructed Paris-basin case of sample_data/resources/ gives the numbers the README quotes (issue 15).

The territories (16 departements: real Natural Earth polygons and INSEE populations) and the constructed values
and flows are read from the shipped files; one self-sufficiency, one import dependency and the urban centre /
rural reciprocity index are derived here by hand from the CSV files, not from the algorithms.
"""

import csv

import pytest

SAMPLE = ("sample_data", "resources")


def _path(repo, name):
    return str(repo.joinpath(*SAMPLE, name))


def _rows(layer):
    return [dict(zip(layer.fields().names(), f.attributes())) for f in layer.getFeatures()]


def _csv(repo, name):
    with open(_path(repo, name), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture()
def balance(run_alg, repo):
    results, messages = run_alg("alliance:resourcebalance", {
        "INPUT": _path(repo, "paris_basin_departements.gpkg"), "ID_FIELD": "code",
        "VALUES": _path(repo, "resources_constructed.csv"), "FLOWS": _path(repo, "flows_constructed.csv"),
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_BALANCE": "TEMPORARY_OUTPUT", "OUTPUT_SHEDS": "TEMPORARY_OUTPUT"})
    ctx = run_alg.context
    layers = {key: ctx.getMapLayer(results[key]) if isinstance(results[key], str) else results[key]
              for key in ("OUTPUT", "OUTPUT_BALANCE", "OUTPUT_SHEDS")}
    return results, messages, layers


def test_sample_files_are_small_and_labelled_constructed(repo):
    folder = repo.joinpath(*SAMPLE)
    for name in ("resources_constructed.csv", "flows_constructed.csv", "paris_basin_departements.gpkg"):
        assert (folder / name).stat().st_size < 200_000, name
    values = _csv(repo, "resources_constructed.csv")
    assert len(values) == 16 * 3 and {r["resource"] for r in values} == {"food", "water", "energy"}
    assert {r["unit"] for r in values} == {"Mkcal", "m3", "MWh"}
    flows = _csv(repo, "flows_constructed.csv")
    assert {r["flow_type"] for r in flows} == {"food", "water", "energy", "commuting"}
    readme = (repo / "sample_data" / "README.md").read_text(encoding="utf-8")
    assert "resources/" in readme and "constructed" in readme.lower()


def test_resource_balance_on_the_sample(balance, repo):
    results, messages, layers = balance
    assert results["N_DEFICITS"] == 30 and results["UNMATCHED_ROWS"] == 0
    rows = _rows(layers["OUTPUT_BALANCE"])
    assert len(rows) == 48
    deficits = {}
    for row in rows:
        deficits[row["resource"]] = deficits.get(row["resource"], 0) + (row["net"] < 0)
    assert deficits == {"food": 7, "water": 9, "energy": 14}
    by = {(r["territory"], r["resource"]): r for r in rows}

    # by hand from the CSV: Paris (75) food, Yonne (89) food, Paris water's import dependency
    values = {(r["territory"], r["resource"]): r for r in _csv(repo, "resources_constructed.csv")}
    paris = values[("75", "food")]
    assert by[("75", "food")]["self_sufficiency"] == pytest.approx(
        float(paris["production"]) / float(paris["consumption"]))
    yonne = values[("89", "food")]
    assert by[("89", "food")]["self_sufficiency"] == pytest.approx(4491600 / 429322)
    assert float(yonne["production"]) == 4491600 and float(yonne["consumption"]) == 429322
    water_in = sum(float(r["volume"]) for r in _csv(repo, "flows_constructed.csv")
                   if r["destination"] == "75" and r["flow_type"] == "water")
    assert by[("75", "water")]["inflow"] == pytest.approx(water_in)
    assert by[("75", "water")]["import_dependency"] == pytest.approx(
        water_in / float(values[("75", "water")]["consumption"]))
    assert by[("75", "water")]["import_dependency"] == pytest.approx(0.201, abs=5e-4)
    assert by[("75", "water")]["main_supplier"] == "89" and by[("75", "food")]["main_supplier"] == "51"

    # the README's figures
    assert by[("75", "food")]["shed_n"] == 2 and by[("75", "food")]["shed_radius_m"] == pytest.approx(63371, abs=1)
    assert by[("75", "water")]["shed_n"] == 7 and by[("75", "water")]["shed_radius_m"] == pytest.approx(146627,
                                                                                                          abs=1)
    assert by[("10", "energy")]["self_sufficiency"] == pytest.approx(7.717, abs=5e-4)
    territories = {r["code"]: r for r in _rows(layers["OUTPUT"])}
    assert territories["75"]["deficit_resources"] == "food,water,energy"
    assert territories["10"]["deficit_resources"] == ""
    assert territories["45"]["deficit_resources"] == ""
    assert layers["OUTPUT_SHEDS"].featureCount() == 66
    assert any("commuting" in m for m in messages)  # a flow type that is no resource, said


def test_reciprocity_on_the_sample(run_alg, repo):
    results, _ = run_alg("alliance:reciprocity", {
        "INPUT": _path(repo, "paris_basin_departements.gpkg"), "ID_FIELD": "code", "CLASS_FIELD": "urban_rural",
        "FLOWS": _path(repo, "flows_constructed.csv"), "OUTPUT": "TEMPORARY_OUTPUT",
        "OUTPUT_TABLE": "TEMPORARY_OUTPUT", "OUTPUT_PAIRS": "TEMPORARY_OUTPUT",
        "OUTPUT_CONTRIBUTIONS": "TEMPORARY_OUTPUT", "OUTPUT_LINES": "TEMPORARY_OUTPUT"})
    ctx = run_alg.context

    def layer(key):
        return ctx.getMapLayer(results[key]) if isinstance(results[key], str) else results[key]

    assert results["UNMATCHED_ROWS"] == 0 and results["ROWS_WITHOUT_CLASS"] == 0
    pairs = {(r["class_a"], r["class_b"]): r for r in _rows(layer("OUTPUT_PAIRS"))}
    assert set(pairs) == {("peri-urban", "rural"), ("peri-urban", "urban centre"), ("rural", "urban centre")}
    rural_urban = pairs[("rural", "urban centre")]
    assert rural_urban["types_a_provides"] == "energy,food,water"
    assert rural_urban["types_b_provides"] == "commuting"

    # by hand: what the rural class gives the urban centres, per type, from the CSV files
    classes = {f["code"]: f["urban_rural"] for f in _rows(layer("OUTPUT"))}
    given = {}
    for row in _csv(repo, "flows_constructed.csv"):
        a, b, kind = classes[row["origin"]], classes[row["destination"]], row["flow_type"]
        if kind == "commuting":  # workers go to the jobs: the destination provides
            a, b = b, a
        given[(a, b, kind)] = given.get((a, b, kind), 0.0) + float(row["volume"])
    shares = []
    for kind in ("commuting", "energy", "food", "water"):
        ab, ba = given.get(("rural", "urban centre", kind), 0.0), given.get(("urban centre", "rural", kind), 0.0)
        shares.append(ab / (ab + ba))
    assert shares[0] == pytest.approx(9630 / (9630 + 239627)) and shares[1:] == [1.0, 1.0, 1.0]
    index = 1 - abs(2 * sum(shares) / len(shares) - 1)
    assert rural_urban["reciprocity"] == pytest.approx(index)
    assert rural_urban["reciprocity"] == pytest.approx(0.481, abs=5e-4)
    assert pairs[("peri-urban", "rural")]["reciprocity"] == pytest.approx(0.326, abs=5e-4)
    assert pairs[("peri-urban", "urban centre")]["reciprocity"] == pytest.approx(0.110, abs=5e-4)

    table = {(r["class_a"], r["class_b"], r["flow_type"]): r for r in _rows(layer("OUTPUT_TABLE"))}
    assert table[("rural", "urban centre", "food")]["provided_ab"] == pytest.approx(8886942)
    assert table[("rural", "urban centre", "water")]["provided_ab"] == pytest.approx(111556467)
    assert table[("rural", "urban centre", "energy")]["provided_ab"] == pytest.approx(16948456)
    assert table[("urban centre", "rural", "commuting")]["provided_ab"] == pytest.approx(239627)
    territories = {r["code"]: r for r in _rows(layer("OUTPUT"))}
    assert territories["75"]["net_contribution"] == pytest.approx(-0.518, abs=5e-4)
    assert territories["45"]["gives"] == "energy,food,water"
