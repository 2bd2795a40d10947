"""Benchmark of alliance:flowdependencies at national scale (not a test: it prints figures).

Generates a French-sized case, 35,000 territories (1 km squares on a grid, text
codes with leading zeros) and 1,000,000 commuting flows in an INSEE-like CSV
(``;``-separated, ``CODGEO;DCLT;NBFLUX_C20_ACTOCC15P``, about 28 destinations per
commune, mostly nearby), then measures side by side:

1. the floor: ``pandas.read_csv`` of the flows file;
2. the core indicators: reading the CSV with our detection, validation,
   matching, per-territory and per-pair indicators (pure core, in process);
3. the whole ``qgis_process.bin run alliance:flowdependencies`` (read both
   inputs, compute, write the GeoPackage outputs), with its peak memory.

Targets: (2) within 3 x (1); (3) under 60 s and 2 GB.

    make bench                     # or: . scripts/env.sh && .venv/bin/python bench/bench_flows.py
    python bench/bench_flows.py --territories 5000 --flows 100000   # smaller
"""

import argparse
import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]


def plugin_import_path():
    """Import the core as QGIS would: through a plugins folder, never the repository root."""
    folder = Path(tempfile.mkdtemp(prefix="alliance-bench-"))
    (folder / "alliance_territories").symlink_to(ROOT, target_is_directory=True)
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    sys.path.insert(0, str(folder))
    return folder


def make_case(folder, n_territories, n_flows, seed=0):
    import pyogrio
    import shapely
    import geopandas as gpd

    rng = np.random.default_rng(seed)
    side = int(np.ceil(np.sqrt(n_territories)))
    idx = np.arange(n_territories)
    x, y = (idx % side) * 1000.0, (idx // side) * 1000.0
    codes = np.array([f"{i:05d}" for i in idx], dtype=object)
    codes[:300] = [f"2A{i:03d}" for i in range(300)]  # Corsica-like codes
    polygons = shapely.box(x, y, x + 1000, y + 1000)
    territories = gpd.GeoDataFrame({"code": codes, "nom": [f"Commune {c}" for c in codes]},
                                   geometry=polygons, crs="EPSG:2154")
    gpkg = folder / "communes.gpkg"
    pyogrio.write_dataframe(territories, gpkg, layer="communes")

    per_origin = max(1, int(np.ceil(1.15 * n_flows / n_territories)))  # room for duplicates
    origins = np.repeat(idx, per_origin)
    # Destinations mostly within ~10 km; one in ten anywhere; the first is the commune itself.
    dx = rng.normal(0, 4, len(origins)).round().astype(int)
    dy = rng.normal(0, 4, len(origins)).round().astype(int)
    destinations = np.clip((origins % side + dx), 0, side - 1) + side * np.clip(origins // side + dy, 0, side - 1)
    far = rng.random(len(origins)) < 0.1
    destinations[far] = rng.integers(0, n_territories, far.sum())
    destinations = np.minimum(destinations, n_territories - 1)
    destinations[::per_origin] = origins[::per_origin]
    table = pd.DataFrame({"CODGEO": codes[origins], "DCLT": codes[destinations],
                          "NBFLUX_C20_ACTOCC15P": np.round(rng.lognormal(2.0, 1.5, len(origins)), 4)})
    table = table.drop_duplicates(["CODGEO", "DCLT"]).head(n_flows)
    csv_path = folder / "flux_mobpro.csv"
    table.to_csv(csv_path, sep=";", index=False, decimal=",")
    return gpkg, csv_path, len(table)


def timed(function, repeat=3):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def core_indicators(csv_path, ids):
    from alliance_territories.alliance_plugin.core import flows as ft

    raw, columns, _ = ft.read_flow_csv(csv_path)
    valid = ft.validate_flows(raw, columns, default_type="commuting")
    flows, _ = ft.match_territories(valid.table, ids)
    indicators, pairs = compute_indicators(flows, ids)
    return flows, indicators, pairs


def compute_indicators(flows, ids):
    from alliance_territories.alliance_plugin.core import dependencies as dep

    return dep.flow_dependencies(flows, ids)


def run_qgis_process(gpkg, csv_path, out, extra=()):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = ["/usr/bin/qgis_process.bin", "--json", "run", "alliance:flowdependencies", "--",
               f"INPUT={gpkg}", "ID_FIELD=code", f"FLOWS={csv_path}",
               f"OUTPUT=ogr:dbname='{out}' table=\"territories\" (geom)",
               f"OUTPUT_LINES=ogr:dbname='{out}' table=\"flow_lines\" (geom)", *extra]
    stdout, stderr = out.with_suffix(".json"), out.with_suffix(".log")
    with open(stdout, "w") as out_handle, open(stderr, "w") as err_handle:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=out_handle, stderr=err_handle)
        _, status, usage = os.wait4(process.pid, 0)  # this run's own peak memory
        elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"qgis_process failed:\n{stdout.read_text()[-3000:]}\n{stderr.read_text()[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024, json.loads(stdout.read_text())["results"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--territories", type=int, default=35000)
    parser.add_argument("--flows", type=int, default=1000000)
    parser.add_argument("--skip-qgis", action="store_true")
    args = parser.parse_args()
    plugin_import_path()
    with tempfile.TemporaryDirectory(prefix="alliance-bench-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        gpkg, csv_path, n_rows = make_case(folder, args.territories, args.flows)
        print(f"case: {args.territories:,} territories, {n_rows:,} flows "
              f"({csv_path.stat().st_size / 1e6:.0f} MB CSV), generated in {time.perf_counter() - t0:.1f} s")
        plain, _ = timed(lambda: pd.read_csv(csv_path, sep=";", low_memory=False))
        floor, _ = timed(lambda: pd.read_csv(csv_path, sep=";", decimal=",",
                                             dtype={"CODGEO": str, "DCLT": str}))
        print(f"1. pandas.read_csv of the flows, plain:          {plain:6.2f} s")
        print(f"   pandas.read_csv, codes as text (the floor):   {floor:6.2f} s")
        import pyogrio

        ids = pyogrio.read_dataframe(gpkg, columns=["code"], read_geometry=False)["code"].tolist()
        core, (flows, indicators, pairs) = timed(lambda: core_indicators(csv_path, ids))
        compute, _ = timed(lambda: compute_indicators(flows, ids))
        print(f"2. core indicators, from the flows in memory:   {compute:6.2f} s  = {compute / floor:.2f} x the floor "
              f"(target <= 3)  [{len(indicators):,} territories, {len(pairs):,} pairs]")
        print(f"   core, reading the CSV included:              {core:6.2f} s  = {core / floor:.2f} x the floor, "
              f"{core / plain:.2f} x the plain read")
        if args.skip_qgis:
            return
        for label, extra in (("all lines", ()), ("LINE_MIN_SHARE=5", ("LINE_MIN_SHARE=5",))):
            out = folder / f"out_{len(label)}.gpkg"
            elapsed, peak_mb, results = run_qgis_process(gpkg, csv_path, out, extra)
            print(f"3. qgis_process run, {label:<17}          {elapsed:6.2f} s  peak {peak_mb:,.0f} MB "
                  f"(targets < 60 s, < 2048 MB)  [{results['LINES_WRITTEN']:,.0f} lines]")


if __name__ == "__main__":
    main()
