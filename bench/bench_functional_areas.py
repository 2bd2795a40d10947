"""Benchmark of the functional areas at national scale (prints figures; not a test).

35,000 territories (1 km squares) and 1,000,000 commuting flows from
``bench_flows.make_case``; the 1 % most populated territories are cities.
Target: functional areas under 30 s.

    . scripts/env.sh && .venv/bin/python bench/bench_functional_areas.py
"""

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_flows  # noqa: E402


def main():
    bench_flows.plugin_import_path()
    import pyogrio
    import shapely

    from alliance_territories.alliance_plugin.core import flows as ft
    from alliance_territories.alliance_plugin.core import functional_areas as fa
    from alliance_territories.alliance_plugin.core import geometry

    with tempfile.TemporaryDirectory(prefix="alliance-bench-") as tmp:
        gpkg, csv_path, n_rows = bench_flows.make_case(Path(tmp), 35000, 1000000)
        table = pyogrio.read_dataframe(gpkg)
        ids = table["code"].tolist()
        geoms = shapely.from_wkb(shapely.to_wkb(np.asarray(table.geometry)))
        raw, columns, _ = ft.read_flow_csv(csv_path)
        flows, _ = ft.match_territories(ft.validate_flows(raw, columns, default_type="commuting").table, ids)
        population = pd.Series(np.random.default_rng(0).lognormal(7, 1.5, len(ids)), index=ids)
        cities = population > population.quantile(0.99)
        print(f"case: {len(ids):,} territories, {len(flows):,} flows, {int(cities.sum())} city territories")
        start = time.perf_counter()
        neighbours = geometry.contiguity(table["code"].to_numpy(), geoms)
        print(f"contiguity (STR-tree):                 {time.perf_counter() - start:6.2f} s  [{len(neighbours):,} pairs]")
        start = time.perf_counter()
        units, areas = fa.functional_urban_areas(flows, ids, population, city=cities, neighbours=neighbours)
        print(f"EU-OECD functional urban areas:        {time.perf_counter() - start:6.2f} s  "
              f"[{len(areas)} FUAs, {(units['fua_role'] != 'outside').sum():,} territories inside] (target < 30 s)")
        start = time.perf_counter()
        units, areas = fa.attraction_areas(flows, ids, population, min_jobs=3000, neighbours=neighbours)
        print(f"INSEE aires d'attraction:              {time.perf_counter() - start:6.2f} s  [{len(areas)} areas]")
        start = time.perf_counter()
        geometry.dissolve(units["aav_id"].to_numpy(), geoms)
        print(f"dissolve of the areas:                 {time.perf_counter() - start:6.2f} s")


if __name__ == "__main__":
    main()
