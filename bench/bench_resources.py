"""Benchmark of alliance:resourcebalance and alliance:reciprocity at national scale (not a test: it prints figures).

Generates a French-sized case: 35,000 territories (1 km squares on a grid, text codes
with leading zeros) with a population, a class (urban, peri-urban, rural) and the
production and consumption of 5 resources as fields (``prod_food``, ``cons_food``...),
and 1,000,000 flows typed by resource and commuting in a CSV (``origin,destination,
flow_type,value``, mostly nearby). Then measures:

1. the floor: reading the inputs with pandas (the flows CSV with ``pandas.read_csv``,
   the territories' attributes with ``pyogrio``);
2. ``qgis_process.bin run alliance:resourcebalance`` (5 resources, flows, independent
   resource-sheds; the whole run: read, compute, write the GeoPackage outputs), with its
   peak memory;
3. ``qgis_process.bin run alliance:reciprocity`` on the same flows and the class field.

Target: each qgis_process run under 60 s. The load average is printed first: the machine
may be shared.

    . scripts/env.sh && .venv/bin/python bench/bench_resources.py
    python bench/bench_resources.py --territories 5000 --flows 100000   # smaller
"""

import argparse
import atexit
import json
import os
import shutil
import subprocess
import sysconfig
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ("food", "water", "energy", "materials", "waste")
QGIS_PROCESS = "/usr/bin/qgis_process.bin"


def plugins_folder():
    """A plugins folder holding the repository as ``alliance_territories`` (as QGIS would load it)."""
    folder = Path(tempfile.mkdtemp(prefix="alliance-bench-plugins-"))
    (folder / "alliance_territories").symlink_to(ROOT, target_is_directory=True)
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def make_case(folder, n_territories, n_flows, seed=0):
    import geopandas as gpd
    import pyogrio
    import shapely

    rng = np.random.default_rng(seed)
    side = int(np.ceil(np.sqrt(n_territories)))
    idx = np.arange(n_territories)
    x, y = (idx % side) * 1000.0, (idx // side) * 1000.0
    codes = np.array([f"{i:05d}" for i in idx], dtype=object)
    population = np.round(rng.lognormal(6.5, 1.3, n_territories))
    classes = np.where(population > 5000, "urban", np.where(population > 1000, "peri-urban", "rural"))
    columns = {"code": codes, "pop": population, "class": classes}
    for k, resource in enumerate(RESOURCES):
        rate = (0.5, 55.0, 7.0, 3.0, 0.4)[k]
        consumption = population * rate
        # Rural territories produce more than they consume, towns less.
        production = consumption * rng.lognormal(0.0, 0.8, n_territories) * np.where(classes == "rural", 2.0, 0.4)
        columns[f"prod_{resource}"] = np.round(production, 2)
        columns[f"cons_{resource}"] = np.round(consumption, 2)
    territories = gpd.GeoDataFrame(columns, geometry=shapely.box(x, y, x + 1000, y + 1000), crs="EPSG:2154")
    gpkg = folder / "communes.gpkg"
    pyogrio.write_dataframe(territories, gpkg, layer="communes")

    per_origin = max(1, int(np.ceil(1.15 * n_flows / n_territories)))
    origins = np.repeat(idx, per_origin)
    dx = rng.normal(0, 6, len(origins)).round().astype(int)
    dy = rng.normal(0, 6, len(origins)).round().astype(int)
    destinations = np.clip(origins % side + dx, 0, side - 1) + side * np.clip(origins // side + dy, 0, side - 1)
    far = rng.random(len(origins)) < 0.1
    destinations[far] = rng.integers(0, n_territories, far.sum())
    destinations = np.minimum(destinations, n_territories - 1)
    kinds = np.array([*RESOURCES, "commuting"], dtype=object)[rng.integers(0, len(RESOURCES) + 1, len(origins))]
    table = pd.DataFrame({"origin": codes[origins], "destination": codes[destinations], "flow_type": kinds,
                          "value": np.round(rng.lognormal(2.0, 1.5, len(origins)), 3)})
    table = table.drop_duplicates(["origin", "destination", "flow_type"]).head(n_flows)
    csv_path = folder / "flows.csv"
    table.to_csv(csv_path, index=False)
    return gpkg, csv_path, len(table)


def floor(gpkg, csv_path):
    """Reading the inputs with pandas and pyogrio: the time nothing can beat."""
    import pyogrio

    start = time.perf_counter()
    pd.read_csv(csv_path, dtype={"origin": str, "destination": str})
    pyogrio.read_dataframe(gpkg, read_geometry=True)
    return time.perf_counter() - start


def run_qgis_process(env, algorithm, arguments, out):
    command = [QGIS_PROCESS, "--json", "run", algorithm, "--", *arguments]
    stdout, stderr = out.with_suffix(".json"), out.with_suffix(".log")
    with open(stdout, "w") as out_handle, open(stderr, "w") as err_handle:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=out_handle, stderr=err_handle, cwd=out.parent)
        _, status, usage = os.wait4(process.pid, 0)  # this run's own peak memory
        elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"qgis_process failed:\n{stdout.read_text()[-3000:]}\n{stderr.read_text()[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024, json.loads(stdout.read_text())["results"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--territories", type=int, default=35000)
    parser.add_argument("--flows", type=int, default=1000000)
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())} ({os.cpu_count()} CPUs)")
    with tempfile.TemporaryDirectory(prefix="alliance-bench-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        gpkg, csv_path, n_rows = make_case(folder, args.territories, args.flows)
        print(f"case: {args.territories:,} territories, {len(RESOURCES)} resources, {n_rows:,} flows "
              f"({csv_path.stat().st_size / 1e6:.0f} MB CSV), generated in {time.perf_counter() - t0:.1f} s")
        base = floor(gpkg, csv_path)
        print(f"1. reading the inputs with pandas + pyogrio (the floor):  {base:6.2f} s")
        profile = folder / "profile"
        profile.mkdir()
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(profile),
                   QGIS_PLUGINPATH=str(plugins_folder()), PYTHONPATH=sysconfig.get_paths()["purelib"])
        subprocess.run([QGIS_PROCESS, "plugins", "enable", "alliance_territories"], env=env, check=True,
                       capture_output=True, cwd=profile)
        mapping = ", ".join(f"{r}: prod_{r} / cons_{r}" for r in RESOURCES)
        out = folder / "balance.gpkg"
        elapsed, peak, results = run_qgis_process(env, "alliance:resourcebalance", [
            f"INPUT={gpkg}", "ID_FIELD=code", f"RESOURCE_FIELDS={mapping}",
            "UNITS=food=t, water=m3, energy=MWh, materials=t, waste=t", f"FLOWS={csv_path}",
            f"OUTPUT=ogr:dbname='{out}' table=\"territories\" (geom)",
            f"OUTPUT_BALANCE=ogr:dbname='{out}' table=\"balance\"",
            f"OUTPUT_SHEDS=ogr:dbname='{out}' table=\"sheds\" (geom)"], out)
        print(f"2. qgis_process alliance:resourcebalance:               {elapsed:6.2f} s = {elapsed / base:.1f} x "
              f"the floor, peak {peak:,.0f} MB (target < 60 s)  [{results['N_DEFICITS']:,.0f} deficits]")
        out = folder / "reciprocity.gpkg"
        elapsed, peak, results = run_qgis_process(env, "alliance:reciprocity", [
            f"INPUT={gpkg}", "ID_FIELD=code", "CLASS_FIELD=class", f"FLOWS={csv_path}",
            f"OUTPUT=ogr:dbname='{out}' table=\"territories\" (geom)",
            f"OUTPUT_TABLE=ogr:dbname='{out}' table=\"classes\"",
            f"OUTPUT_PAIRS=ogr:dbname='{out}' table=\"pairs\"",
            f"OUTPUT_CONTRIBUTIONS=ogr:dbname='{out}' table=\"contributions\"",
            f"OUTPUT_LINES=ogr:dbname='{out}' table=\"lines\" (geom)"], out)
        print(f"3. qgis_process alliance:reciprocity:                   {elapsed:6.2f} s = {elapsed / base:.1f} x "
              f"the floor, peak {peak:,.0f} MB (target < 60 s)")
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
