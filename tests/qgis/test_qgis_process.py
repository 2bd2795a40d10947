"""End to end: qgis_process.bin as a subprocess, in a profile of its own."""

import json
import os
import sqlite3
import subprocess
import sysconfig

import pytest

QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # Debian's qgis_process wrapper passes an option 3.22 rejects
pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def qgis_env(plugins_dir, tmp_path_factory):
    profile = tmp_path_factory.mktemp("profile")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(profile),
               QGIS_PLUGINPATH=str(plugins_dir),
               # qgis_process embeds the system Python: it sees this virtualenv's libraries here.
               PYTHONPATH=sysconfig.get_paths()["purelib"])
    enable = subprocess.run([QGIS_PROCESS, "plugins", "enable", "alliance_territories"], env=env,
                            capture_output=True, text=True, cwd=str(profile), timeout=120)
    assert enable.returncode == 0, enable.stderr
    return env


def qgis_process(env, *args, cwd):
    return subprocess.run([QGIS_PROCESS, *args], env=env, capture_output=True, text=True,
                          timeout=300, cwd=cwd)


def test_list_and_help(qgis_env, tmp_path):
    listed = qgis_process(qgis_env, "list", cwd=tmp_path)
    assert "alliance:flowdependencies" in listed.stdout, listed.stderr
    helped = qgis_process(qgis_env, "help", "alliance:flowdependencies", cwd=tmp_path)
    assert helped.returncode == 0 and "LINE_MIN_SHARE" in helped.stdout and "self-containment" in helped.stdout


def test_run_json_on_canada(qgis_env, data_dir, tmp_path):
    gpkg = tmp_path / "canada.gpkg"
    run = qgis_process(
        qgis_env, "--json", "run", "alliance:flowdependencies", "--",
        f"INPUT={data_dir / 'canada' / 'ca_provinces.gpkg'}", "ID_FIELD=code",
        f"FLOWS={data_dir / 'canada' / 'ca_migration_od.csv'}", "LINE_TOP_N=2",
        f"OUTPUT=ogr:dbname='{gpkg}' table=\"territories\" (geom)",
        f"OUTPUT_LINES=ogr:dbname='{gpkg}' table=\"flow_lines\" (geom)", cwd=tmp_path)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    results = json.loads(run.stdout)["results"]
    assert results["PAIRS_USED"] == 90 and results["UNMATCHED_ROWS"] == 0
    assert results["LINES_WRITTEN"] == 20  # the two largest flows of each of the 10 provinces
    with open(data_dir / "canada" / "ca_migration_od.csv", encoding="utf-8") as handle:
        rows = [line.strip().split(",") for line in handle][1:]
    total = sum(float(r[2]) for r in rows)
    assert results["TOTAL_VOLUME"] == pytest.approx(total)
    to_ontario = sum(float(r[2]) for r in rows if r[1] == "ONT")
    with sqlite3.connect(gpkg) as db:
        inflow, = db.execute("SELECT inflow FROM territories WHERE code = 'ONT'").fetchone()
        partners = dict(db.execute("SELECT code, main_partner FROM territories"))
        ranks = {r for r, in db.execute("SELECT DISTINCT rank FROM flow_lines")}
    assert inflow == pytest.approx(to_ontario)
    assert partners["QUE"] == "ONT" and ranks == {1, 2}
    assert not list(tmp_path.glob("*.csv"))  # nothing written beside the outputs


def test_bad_input_fails_with_a_message(qgis_env, data_dir, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("origin,destination,flow\nAT11,AT12,-5\n", encoding="utf-8")
    run = qgis_process(qgis_env, "run", "alliance:flowdependencies", "--",
                       f"INPUT={data_dir / 'austria' / 'at_nuts2_regions.gpkg'}", "ID_FIELD=nuts2",
                       f"FLOWS={bad}", "OUTPUT=TEMPORARY_OUTPUT", "OUTPUT_LINES=TEMPORARY_OUTPUT", cwd=tmp_path)
    assert run.returncode != 0
    assert "negative volume" in run.stdout + run.stderr


def test_report_from_qgis_process(qgis_env, data_dir, tmp_path):
    """The territorial report needs no desktop: flow dependencies, then the report, both through qgis_process."""
    deps = tmp_path / "deps.gpkg"
    first = qgis_process(qgis_env, "run", "alliance:flowdependencies", "--",
                         f"INPUT={data_dir / 'austria' / 'at_nuts2_regions.gpkg'}", "ID_FIELD=nuts2",
                         f"FLOWS={data_dir / 'austria' / 'at_migration_od.csv'}", f"OUTPUT={deps}",
                         "OUTPUT_LINES=TEMPORARY_OUTPUT", cwd=tmp_path)
    assert first.returncode == 0, first.stderr[-2000:]
    html, pdf = tmp_path / "report.html", tmp_path / "report.pdf"
    run = qgis_process(qgis_env, "--json", "run", "alliance:territorialreport", "--",
                       f"INPUT={data_dir / 'austria' / 'at_nuts2_regions.gpkg'}", "ID_FIELD=nuts2",
                       f"INDICATORS={deps}", "TERRITORY=AT13", f"OUTPUT_HTML={html}", f"OUTPUT_PDF={pdf}",
                       cwd=tmp_path)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "data:image/png;base64," in html.read_text(encoding="utf-8")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_transit_and_service_access_from_the_command_line(qgis_env, data_dir, tmp_path):
    """Helsinki's OSM file straight from qgis_process: sublayers as inputs, numbers in the JSON."""
    pbf = data_dir / "helsinki" / "Helsinki.osm.pbf"
    out = tmp_path / "access.gpkg"
    run = qgis_process(
        qgis_env, "--json", "run", "alliance:transitaccess", "--",
        f"POPULATION={pbf}|layername=multipolygons|subset=\"building\" IS NOT NULL",
        f"STOPS={pbf}|layername=points|subset=\"highway\" = 'bus_stop' OR \"other_tags\" LIKE '%tram_stop%'",
        f"NETWORK={pbf}|layername=lines|subset=\"highway\" IS NOT NULL", "SNAP_TOLERANCE=200", "LOW_DISTANCE=500",
        f"OUTPUT=ogr:dbname='{out}' table=\"people\" (geom)",
        f"OUTPUT_SHARES=ogr:dbname='{out}' table=\"shares\"", "OUTPUT_AREAS=TEMPORARY_OUTPUT",
        "OUTPUT_STOPS=TEMPORARY_OUTPUT", cwd=tmp_path)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    results = json.loads(run.stdout)["results"]
    # OSM's 92 bus stops and 40 tram stops less 4 tagged both ways; the buildings count one each
    assert results["METHOD"] == "network" and results["QUALIFYING_STOPS"] == 128
    assert results["UNPLACED"] == 5  # buildings QGIS reads without a geometry (unclosed OSM rings)
    assert 80 < results["SHARE"] <= 100
    with sqlite3.connect(out) as db:
        total, = db.execute("SELECT population FROM shares WHERE territory = 'all' AND \"group\" = 'total'")\
            .fetchone()
        count, = db.execute("SELECT count(*) FROM people").fetchone()
    assert total == count == results["POPULATION_TOTAL"]  # one person per polygon without a field
    run = qgis_process(
        qgis_env, "--json", "run", "alliance:serviceaccess", "--",
        f"SUPPLY={pbf}|layername=points", f"POPULATION={pbf}|layername=multipolygons", "CATCHMENT=300",
        "OUTPUT=TEMPORARY_OUTPUT", "OUTPUT_INEQUALITY=TEMPORARY_OUTPUT", cwd=tmp_path)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    results = json.loads(run.stdout)["results"]
    assert results["METHOD"] == "euclidean proxy" and 0 < results["MEAN_DISTANCE"] < 300
