"""Benchmark of the regions core at national scale (not a test: it prints figures).

Uses the French-sized case of ``bench_flows.make_case`` (35,000 territories on a
grid of 1 km squares, about 1,000,000 flows) and measures, in one run:

1. reading and validating the flows (for scale);
2. Intramax, full hierarchy, no contiguity (target < 60 s);
3. Intramax, full hierarchy, with queen contiguity of the squares;
4. Louvain by the core engine (target < 30 s), by networkx's
   ``louvain_communities`` (the reference; minutes on this case) and igraph's
   Louvain and Leiden when python-igraph is installed (an optional accelerator);
5. region statistics and modularity of a partition.

    .venv/bin/python bench/bench_regions.py
    .venv/bin/python bench/bench_regions.py --territories 5000 --flows 150000   # smaller
"""

import argparse
import importlib.util
import tempfile
import time
import tracemalloc
from pathlib import Path

from bench_flows import make_case, plugin_import_path


def clock(label, function, target=None, memory=False):
    if memory:
        tracemalloc.start()
    start = time.perf_counter()
    result = function()
    elapsed = time.perf_counter() - start
    peak = ""
    if memory:
        peak = f"  peak {tracemalloc.get_traced_memory()[1] / 2**20:,.0f} MB (Python allocations)"
        tracemalloc.stop()
    goal = f"  (target < {target} s)" if target else ""
    print(f"{label:<46} {elapsed:7.2f} s{goal}{peak}", flush=True)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--territories", type=int, default=35000)
    parser.add_argument("--flows", type=int, default=1000000)
    parser.add_argument("--memory", action="store_true", help="also trace Python allocations (slower)")
    parser.add_argument("--skip-networkx", action="store_true", help="skip networkx's Louvain (minutes)")
    args = parser.parse_args()
    plugin_import_path()
    import pyogrio

    from alliance_territories.alliance_plugin.core import flows as ft
    from alliance_territories.alliance_plugin.core import geometry, regions

    with tempfile.TemporaryDirectory(prefix="alliance-bench-") as tmp:
        gpkg, csv_path, n_rows = make_case(Path(tmp), args.territories, args.flows)
        print(f"case: {args.territories:,} territories, {n_rows:,} flows")

        def read():
            raw, columns, _ = ft.read_flow_csv(csv_path)
            valid = ft.validate_flows(raw, columns, default_type="commuting")
            return ft.match_territories(valid.table, ids)[0]

        layer = pyogrio.read_dataframe(gpkg, columns=["code"])
        ids = layer["code"].tolist()
        flows = clock("1. read and validate the flows", read)
        pairs = clock("   contiguity of the squares (STR-tree)",
                      lambda: geometry.contiguity(layer["code"], layer.geometry.to_numpy()))
        full = clock("2. Intramax, full hierarchy", lambda: regions.intramax(flows, ids), 60, args.memory)
        print(f"   {len(full.history):,} merges; {full.message}")
        contiguous = clock("3. Intramax, full hierarchy, contiguity",
                           lambda: regions.intramax(flows, ids, contiguity=pairs), 60)
        print(f"   {len(contiguous.history):,} merges; {contiguous.message}")
        louvain = clock("4. Louvain, core engine", lambda: regions.modularity_communities(flows, ids), 30)
        print(f"   {louvain.n_regions:,} communities, Q = {louvain.modularity:.4f}")
        if not args.skip_networkx:
            reference = clock("   Louvain, networkx louvain_communities",
                              lambda: regions.modularity_communities(flows, ids, engine="networkx"), 30)
            print(f"   {reference.n_regions:,} communities, Q = {reference.modularity:.4f}")
        if importlib.util.find_spec("igraph") is not None:
            for method in ("louvain", "leiden"):
                found = clock(f"   {method.capitalize()}, igraph",
                              lambda: regions.modularity_communities(flows, ids, method=method, engine="igraph"))
                print(f"   {found.n_regions:,} communities, Q = {found.modularity:.4f}")
        else:
            print("   python-igraph not installed: igraph Louvain and Leiden not measured")
        cut = clock("5. cut the hierarchy at 300 regions", lambda: regions.cut_hierarchy(full.history, ids, 300))
        stats = clock("   region statistics", lambda: regions.region_statistics(flows, ids, cut))
        q = clock("   modularity", lambda: regions.modularity(flows, ids, cut))
        print(f"   {len(stats):,} regions, median supply-side self-containment "
              f"{stats['sc_supply'].median():.3f}, Q = {q:.4f}")


if __name__ == "__main__":
    main()
