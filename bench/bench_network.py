"""Benchmark of the city-network core at national scale (not a test: it prints figures).

The case of ``bench_flows.py`` (35,000 territories, about 900,000 flows between
different territories once duplicates and self-flows are set apart), read with
our CSV reader, then timed:

1. ``dominant.dominant_flows`` (target: about a second);
2. ``citynet.flow_centralities``: graph build, PageRank (target: a few
   seconds), betweenness with the default budget (never exact here; target for
   the whole call: under 30 s), with the sources used;
3. one sampled source alone, to extrapolate what exact betweenness would cost;
4. ``citynet.intermediary_cities`` and a rank-size fit on the inflows.

    .venv/bin/python bench/bench_network.py                      # national case
    .venv/bin/python bench/bench_network.py --territories 5000 --flows 100000
"""

import argparse
import tempfile
import time
from pathlib import Path

from bench_flows import make_case, plugin_import_path


def timed(function, repeat=1):
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--territories", type=int, default=35000)
    parser.add_argument("--flows", type=int, default=1000000)
    args = parser.parse_args()
    plugin_import_path()
    from alliance_territories.alliance_plugin.core import citynet, dominant
    from alliance_territories.alliance_plugin.core import flows as ft

    with tempfile.TemporaryDirectory(prefix="alliance-bench-") as tmp:
        gpkg, csv_path, n_rows = make_case(Path(tmp), args.territories, args.flows)
        raw, columns, _ = ft.read_flow_csv(csv_path)
        flows = ft.validate_flows(raw, columns, default_type="commuting").table
        import pyogrio

        ids = pyogrio.read_dataframe(gpkg, columns=["code"], read_geometry=False)["code"].tolist()
    print(f"case: {len(ids):,} territories, {n_rows:,} flow rows")

    seconds, nd = timed(lambda: dominant.dominant_flows(flows, ids), repeat=3)
    counts = nd.territories["nd_class"].value_counts().to_dict()
    print(f"1. dominant flows:                  {seconds:6.2f} s  (target ~1 s)  classes {counts}, "
          f"max level {nd.territories['nd_level'].max()}, share {nd.share:.3f}")

    cpu = time.process_time()
    seconds, cent = timed(lambda: citynet.flow_centralities(flows, ids))
    cpu = time.process_time() - cpu
    info = cent.info
    steps = ", ".join(f"{k} {v:.1f} s" for k, v in info["seconds"].items())
    print(f"2. centralities (whole call):       {seconds:6.2f} s  (target < 30 s; CPU {cpu:.1f} s: "
          f"the rest is waiting for a busy machine)  [{steps}]")
    print(f"   {info['edges']:,} edges, {info['components']} weak components, betweenness "
          f"{info['betweenness_method']} with {info['sources']} sources "
          f"(budget {info['params']['max_edge_visits']:,} edge visits)")

    cpu = time.process_time()
    two = citynet.flow_centralities(flows, ids, sample_size=2)
    per_source = min(two.info["seconds"]["betweenness"], time.process_time() - cpu) / 2
    print(f"3. one betweenness source (CPU):    {per_source:6.2f} s  -> exact on {len(ids):,} sources "
          f"would take about {per_source * len(ids) / 3600:.1f} h")

    sizes = nd.territories["nd_size"]
    seconds, inter = timed(lambda: citynet.intermediary_cities(sizes, cent.territories, nd.territories,
                                                                size_quantiles=(0.5, 0.99)))
    fit_seconds, fit = timed(lambda: citynet.rank_size(sizes, top_n=1000))
    print(f"4. intermediary cities:             {seconds:6.2f} s  ({int(inter['intermediary'].sum())} found); "
          f"rank-size of 1,000 sizes {fit_seconds:.3f} s (b = {fit.statistics['b']:.2f})")


if __name__ == "__main__":
    main()
