"""alliance:resourcebalance and alliance:reciprocity through processing.run and qgis_process (issue 15).

The case is the unit tests' (tests/unit/test_resources_balance.py), as 1 km squares in Lambert-93
centred on the inner points: a city C, R1 10 km east, R2 30 km north, R3 80 km east.
Food (t): C 10/100 (-90), R1 60/10 (+50), R2 45/5 (+40), R3 100/20 (+80).
Water (m3): C 500/400 (+100), R1 0/0, R2 10/50 (-40), R3 100/100.
Food shipped to C: 30 from R1, 20 from R2, 50 from R3.
"""

import json
import os
import sqlite3
import subprocess
import sysconfig

import pytest
from qgis.core import QgsApplication, QgsProcessingException, QgsVectorLayer

X0, Y0 = 700000.0, 6600000.0
PLACES = {"C": (0, 0), "R1": (10000, 0), "R2": (0, 30000), "R3": (80000, 0)}
FOOD = {"C": (10.0, 100.0), "R1": (60.0, 10.0), "R2": (45.0, 5.0), "R3": (100.0, 20.0)}
WATER = {"C": (500.0, 400.0), "R1": (0.0, 0.0), "R2": (10.0, 50.0), "R3": (100.0, 100.0)}
CLASSES = {"C": "urban", "R1": "rural", "R2": "rural", "R3": "rural"}
POPULATION = {"C": 1000, "R1": 100, "R2": 50, "R3": 200}


@pytest.fixture()
def registered(plugin):
    """Both algorithms in the provider (added here when the provider does not list them yet)."""
    from alliance_territories.processing.reciprocity import Reciprocity
    from alliance_territories.processing.resource_balance import ResourceBalance

    provider = QgsApplication.processingRegistry().providerById("alliance")
    for algorithm in (ResourceBalance, Reciprocity):
        if provider.algorithm(algorithm().name()) is None:
            provider.addAlgorithm(algorithm())
    return provider


def territories(h):
    rows = []
    for code, (dx, dy) in PLACES.items():
        rows.append((h.square(X0 + dx - 500, Y0 + dy - 500),
                     [code, POPULATION[code], *FOOD[code], *WATER[code], CLASSES[code]]))
    return h.memory_layer("Polygon?crs=EPSG:2154&field=code:string&field=pop:integer&field=prod_food:double"
                          "&field=cons_food:double&field=prod_water:double&field=cons_water:double"
                          "&field=class:string", rows, name="territories")


def flows(h, extra=()):
    rows = [(None, list(r)) for r in (("R1", "C", "food", 30.0), ("R2", "C", "food", 20.0),
                                       ("R3", "C", "food", 50.0), *extra)]
    return h.memory_layer("None?field=origin:string&field=destination:string&field=flow_type:string"
                          "&field=value:double", rows, name="flows")


def by(layer, *keys):
    out = {}
    for feature in layer.getFeatures():
        values = dict(zip(layer.fields().names(), feature.attributes()))
        values = {k: (None if v is None or str(type(v)).endswith("QVariant'>") else v) for k, v in values.items()}
        values["_geometry"] = feature.geometry()
        out[tuple(values[k] for k in keys) if len(keys) > 1 else values[keys[0]]] = values
    return out


def layer(run_alg, value):
    from qgis.core import QgsProcessingUtils

    return QgsProcessingUtils.mapLayerFromString(value, run_alg.context) if isinstance(value, str) else value


BALANCE = {"ID_FIELD": "code", "RESOURCE_FIELDS": "food: prod_food / cons_food, water: prod_water / cons_water",
           "UNITS": "food=t, water=m3", "OUTPUT": "memory:", "OUTPUT_BALANCE": "memory:", "OUTPUT_SHEDS": "memory:"}


def test_resource_balance_with_fields_and_flows(registered, run_alg, h):
    results, log = run_alg("alliance:resourcebalance", {
        **BALANCE, "INPUT": territories(h), "FLOWS": flows(h, [("R9", "C", "food", 1.0)])})
    assert results["N_DEFICITS"] == 2 and results["UNMATCHED_ROWS"] == 1  # C food, R2 water; R9 is unknown
    balance = by(layer(run_alg, results["OUTPUT_BALANCE"]), "territory", "resource")
    c = balance[("C", "food")]
    assert (c["unit"], c["net"], c["self_sufficiency"], c["inflow"], c["import_dependency"]) == (
        "t", -90.0, pytest.approx(0.1), 100.0, 1.0)
    assert c["local_sourcing"] == 0.5 and c["hhi"] == pytest.approx(0.38) and c["main_supplier"] == "R3"
    # 90 short: R1 (10 km, +50) and R2 (30 km, +40) cover it exactly: radius 30 km, 2 members.
    assert (c["shed_radius_m"], c["shed_n"], c["shed_covered"]) == (30000.0, 2, 1)
    assert balance[("R1", "water")]["self_sufficiency"] is None  # consumption 0: NULL
    assert balance[("R2", "water")]["inflow"] is None  # no water flow at all
    assert list(layer(run_alg, results["OUTPUT_BALANCE"]).fields().names()) == [
        "territory", "resource", "unit", "production", "consumption", "net", "self_sufficiency", "inflow",
        "import_dependency", "local_sourcing", "hhi", "main_supplier", "n_suppliers", "shed_radius_m", "shed_n",
        "shed_covered"]
    terr = by(layer(run_alg, results["OUTPUT"]), "code")
    assert terr["C"]["self_sufficiency_min"] == pytest.approx(0.1) and terr["C"]["worst_resource"] == "food"
    assert terr["R2"]["deficit_resources"] == "water" and terr["R2"]["shed_radius_max_m"] == 30000.0
    assert terr["R3"]["deficit_resources"] == "" and terr["C"]["pop"] == 1000  # own fields kept
    assert terr["C"]["params"].startswith("alliance:resourcebalance rule=independent local=50000m")
    sheds = by(layer(run_alg, results["OUTPUT_SHEDS"]), "territory", "member", "resource")
    assert set(sheds) == {("C", "R1", "food"), ("C", "R2", "food"), ("R2", "C", "water")}
    assert sheds[("C", "R2", "food")]["amount"] == 40.0 and sheds[("C", "R2", "food")]["distance_m"] == 30000.0
    line = sheds[("C", "R1", "food")]["_geometry"].asPolyline()
    assert (line[0].x(), line[0].y(), line[1].x(), line[1].y()) == (X0, Y0, X0 + 10000, Y0)
    assert any("No flow row has the type of water" in m for m in log), log


def test_resource_balance_from_a_long_csv_with_per_capita_water(registered, run_alg, h, tmp_path):
    # Water consumption from population x 0.5 m3: C 500, R1 50, R2 25, R3 100.
    table = tmp_path / "values.csv"
    lines = ["code;resource;production;unit"]
    lines += [f"{code};food;{str(FOOD[code][0]).replace('.', ',')};t" for code in PLACES]
    lines += [f"{code};water;{WATER[code][0]};m3" for code in PLACES] + ["ZZ;water;1;m3"]
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results, log = run_alg("alliance:resourcebalance", {
        "INPUT": territories(h), "ID_FIELD": "code", "VALUES": str(table), "POPULATION_FIELD": "pop",
        "PER_CAPITA": "food=0.1, water=0.5", "OUTPUT": "memory:", "OUTPUT_BALANCE": "memory:",
        "OUTPUT_SHEDS": "memory:"})
    balance = by(layer(run_alg, results["OUTPUT_BALANCE"]), "territory", "resource")
    # Food consumption = pop x 0.1: C 100 -> net -90 as with the fields.
    assert balance[("C", "food")]["consumption"] == 100.0 and balance[("C", "food")]["net"] == -90.0
    assert balance[("C", "water")]["consumption"] == 500.0 and balance[("C", "water")]["unit"] == "m3"
    assert balance[("C", "food")]["inflow"] is None  # no flows given
    assert any("match no territory" in m and "ZZ" in m for m in log), log


def test_missing_and_negative_values_are_refused_naming_the_row(registered, run_alg, h):
    source = territories(h)
    source.dataProvider().changeAttributeValues({2: {2: -5.0}})  # R1's prod_food
    with pytest.raises(QgsProcessingException, match=r"1 rows have a negative production: R1 \(food\)"):
        run_alg("alliance:resourcebalance", {**BALANCE, "INPUT": source})
    with pytest.raises(QgsProcessingException, match="either as fields of the territories"):
        run_alg("alliance:resourcebalance", {**BALANCE, "INPUT": territories(h), "RESOURCE_FIELDS": ""})


def test_shared_rule_and_functional_areas(registered, run_alg, h):
    results, _ = run_alg("alliance:resourcebalance", {
        **BALANCE, "INPUT": territories(h), "FLOWS": flows(h), "SHED_RULE": 1, "AREA_FIELD": "class"})
    c = by(layer(run_alg, results["OUTPUT_BALANCE"]), "territory", "resource")[("C", "food")]
    assert c["local_sourcing"] == 0.0  # every supplier is rural, C is urban
    assert c["shed_radius_m"] == 30000.0


RECIPROCITY = {"ID_FIELD": "code", "CLASS_FIELD": "class", "OUTPUT": "memory:", "OUTPUT_TABLE": "memory:",
               "OUTPUT_PAIRS": "memory:", "OUTPUT_CONTRIBUTIONS": "memory:", "OUTPUT_LINES": "memory:"}


def test_reciprocity_food_against_jobs(registered, run_alg, h):
    # Food from the rural class (100 t); 60 rural residents commute to jobs in C: the urban class provides
    # jobs. Classes sorted: a = rural, b = urban; shares food 1, commuting 0: R = 1.
    results, log = run_alg("alliance:reciprocity", {
        **RECIPROCITY, "INPUT": territories(h), "FLOWS": flows(h, [("R1", "C", "commuting", 60.0)])})
    pairs = by(layer(run_alg, results["OUTPUT_PAIRS"]), "class_a", "class_b")
    p = pairs[("rural", "urban")]
    assert (p["reciprocity"], p["n_types"], p["types_a_provides"], p["types_b_provides"]) == (
        1.0, 2, "food", "commuting")
    table = by(layer(run_alg, results["OUTPUT_TABLE"]), "class_a", "class_b", "flow_type")
    assert table[("urban", "rural", "commuting")]["provided_ab"] == 60.0
    assert table[("rural", "urban", "food")]["share_a"] == 1.0
    terr = by(layer(run_alg, results["OUTPUT"]), "code")
    assert (terr["C"]["class"], terr["C"]["gives"], terr["C"]["receives"]) == ("urban", "commuting", "food")
    # C: food received (-1), jobs given (+1): mean 0. R1: food 30 given (+1), jobs received (-1): 0.
    assert terr["C"]["net_contribution"] == 0.0 and terr["R3"]["net_contribution"] == 1.0
    assert terr["C"]["partner_class"] == "rural" and terr["C"]["reciprocity"] == 1.0
    lines = by(layer(run_alg, results["OUTPUT_LINES"]), "class_a", "class_b", "flow_type")
    assert set(lines) == {("rural", "urban", "food"), ("urban", "rural", "commuting")}
    # Rural centroid: mean of (10 km, 0), (0, 30 km), (80 km, 0) = (30 km, 10 km) from C.
    start = lines[("rural", "urban", "food")]["_geometry"].asPolyline()[0]
    assert (start.x(), start.y()) == (pytest.approx(X0 + 30000), pytest.approx(Y0 + 10000))
    assert results["UNMATCHED_ROWS"] == 0 and results["ROWS_WITHOUT_CLASS"] == 0
    contributions = by(layer(run_alg, results["OUTPUT_CONTRIBUTIONS"]), "territory", "flow_type")
    assert contributions[("R1", "food")]["gives_to_other_classes"] == 30.0


def test_french_names_and_help(registered, french):
    registry = QgsApplication.processingRegistry()
    balance = registry.algorithmById("alliance:resourcebalance")
    assert balance.displayName() == "Bilans de ressources et bassins d'approvisionnement"
    assert balance.group() == "Ressources et réciprocité"
    assert "autosuffisance" in balance.shortHelpString()
    assert "réciprocité" in registry.algorithmById("alliance:reciprocity").shortHelpString()


def test_french_error(registered, french, run_alg, h):
    source = territories(h)
    source.dataProvider().changeAttributeValues({2: {2: -5.0}})
    with pytest.raises(QgsProcessingException, match=r"production négative : R1 \(food\)"):
        run_alg("alliance:resourcebalance", {**BALANCE, "INPUT": source})


QGIS_PROCESS = "/usr/bin/qgis_process.bin"


@pytest.fixture(scope="module")
def qgis_env(plugins_dir, tmp_path_factory):
    profile = tmp_path_factory.mktemp("profile")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(profile),
               QGIS_PLUGINPATH=str(plugins_dir), PYTHONPATH=sysconfig.get_paths()["purelib"])
    enable = subprocess.run([QGIS_PROCESS, "plugins", "enable", "alliance_territories"], env=env,
                            capture_output=True, text=True, cwd=str(profile), timeout=120)
    assert enable.returncode == 0, enable.stderr
    return env


def write_case(h, folder):
    """The case as files: a GeoPackage of territories and a CSV of flows."""
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    gpkg = folder / "territories.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(territories(h), str(gpkg), QgsCoordinateTransformContext(),
                                                      options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    csv = folder / "flows.csv"
    csv.write_text("origin,destination,flow_type,value\nR1,C,food,30\nR2,C,food,20\nR3,C,food,50\n"
                   "R1,C,commuting,60\n", encoding="utf-8")
    return gpkg, csv


def run_process(env, folder, *args):
    run = subprocess.run([QGIS_PROCESS, "--json", "run", *args], env=env, capture_output=True, text=True,
                         timeout=300, cwd=folder)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return json.loads(run.stdout)["results"]


@pytest.mark.e2e
def test_resource_balance_through_qgis_process(qgis_env, registered, h, tmp_path):
    gpkg, csv = write_case(h, tmp_path)
    out = tmp_path / "out.gpkg"
    results = run_process(qgis_env, tmp_path, "alliance:resourcebalance", "--", f"INPUT={gpkg}", "ID_FIELD=code",
                          "RESOURCE_FIELDS=food: prod_food / cons_food, water: prod_water / cons_water",
                          "UNITS=food=t, water=m3", f"FLOWS={csv}",
                          f"OUTPUT=ogr:dbname='{out}' table=\"territories\" (geom)",
                          f"OUTPUT_BALANCE=ogr:dbname='{out}' table=\"balance\"",
                          f"OUTPUT_SHEDS=ogr:dbname='{out}' table=\"sheds\" (geom)")
    assert results["N_DEFICITS"] == 2 and results["UNMATCHED_ROWS"] == 0
    with sqlite3.connect(out) as db:
        radius, = db.execute("SELECT shed_radius_m FROM balance WHERE territory = 'C' AND resource = 'food'"
                             ).fetchone()
        worst = dict(db.execute("SELECT code, worst_resource FROM territories"))
        members = db.execute("SELECT count(*) FROM sheds").fetchone()[0]
    assert radius == 30000.0 and worst["R2"] == "water" and members == 3


@pytest.mark.e2e
def test_reciprocity_through_qgis_process(qgis_env, registered, h, tmp_path):
    gpkg, csv = write_case(h, tmp_path)
    out = tmp_path / "out.gpkg"
    results = run_process(qgis_env, tmp_path, "alliance:reciprocity", "--", f"INPUT={gpkg}", "ID_FIELD=code",
                          "CLASS_FIELD=class", f"FLOWS={csv}",
                          f"OUTPUT=ogr:dbname='{out}' table=\"territories\" (geom)",
                          f"OUTPUT_TABLE=ogr:dbname='{out}' table=\"classes\"",
                          f"OUTPUT_PAIRS=ogr:dbname='{out}' table=\"pairs\"",
                          f"OUTPUT_CONTRIBUTIONS=ogr:dbname='{out}' table=\"contributions\"",
                          f"OUTPUT_LINES=ogr:dbname='{out}' table=\"lines\" (geom)")
    assert results["ROWS_WITHOUT_CLASS"] == 0
    with sqlite3.connect(out) as db:
        pair = db.execute("SELECT class_a, class_b, reciprocity, types_a_provides FROM pairs").fetchall()
        lines = db.execute("SELECT count(*) FROM lines").fetchone()[0]
    assert pair == [("rural", "urban", 1.0, "food")] and lines == 2
    assert QgsVectorLayer(f"{out}|layername=territories", "t", "ogr").featureCount() == 4
