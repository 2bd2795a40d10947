"""Benchmark of the land-tenure batch job on a dask cluster against the single-machine core (prints figures).

For each size (100k and 1M parcels by default; the generated grid of
bench_tenure.py under its ~2,000 zones), alternating in one run:

1. ours: ``scripts/tenure_batch.py`` as its own client process against a local
   cluster of ``--workers`` worker processes (one thread each) started here:
   wall time, the workers' summed task time, the client's peak memory (VmHWM
   of the client process alone) and the largest worker peak (VmHWM of a
   worker process, over its baseline after start-up: what one partition of
   ``--rows-per-partition`` parcels needs);
2. the single machine: a process that reads the parcels with pyogrio and runs
   ``overlay_areas`` + ``tenure_summary`` on one thread: wall time and peak.

    .venv/bin/python bench/bench_scaleout.py
    .venv/bin/python bench/bench_scaleout.py --sizes 100000 --workers 2 --rows-per-partition 100000
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from bench_flows import ROOT, plugin_import_path
from bench_tenure import make_parcels, make_zones

PEAK = "next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) / 1024.0"

SINGLE = """
import sys, time
sys.path.insert(0, sys.argv[1])
import pyogrio, pandas as pd
from alliance_territories.alliance_plugin.core import tenure
start = time.perf_counter()
parcels = pyogrio.read_dataframe(sys.argv[2], layer="parcels")
zones = pyogrio.read_dataframe(sys.argv[3], layer="zones")
out = tenure.overlay_areas(parcels.geometry.to_numpy(), zones.geometry.to_numpy(),
                           parcel_ids=parcels["parcel_id"].to_numpy(), zone_classes=zones["class"].to_numpy())
table = pd.DataFrame({"tenure": "unknown"}, index=pd.Index(parcels["parcel_id"].to_numpy()))
summary = tenure.tenure_summary(table, out).crosstab
print(time.perf_counter() - start, len(out.areas), %s)
""" % PEAK


def read_both_ways(engine, gpkg, rows):
    """The partitions of ``gpkg`` read as the job reads them (fid ranges) and as it did before (GDAL's
    skip/max), alternating, in this process: summed seconds of each way (the parcels' id column and geometry)."""
    probe = engine.probe_source(str(gpkg), "parcels", rows_per_partition=rows)
    by_fid = engine.plan_partitions([probe], rows)
    by_skip = [{**s, "fid_range": None, "skip": k * rows, "max": rows} for k, s in enumerate(by_fid)]
    times, counts = {"fid": 0.0, "skip": 0.0}, {"fid": 0, "skip": 0}
    for fid_spec, skip_spec in zip(by_fid, by_skip):
        for way, spec in (("skip", skip_spec), ("fid", fid_spec)):
            start = time.perf_counter()
            counts[way] += len(engine.read_source(spec, columns=["parcel_id"]))
            times[way] += time.perf_counter() - start
    assert counts["fid"] == counts["skip"] == probe["features"], (counts, probe["features"])
    return times["fid"], times["skip"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rows-per-partition", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    plugins = plugin_import_path()
    import geopandas as gpd
    import pyogrio
    from dask.distributed import Client, LocalCluster

    from alliance_territories.alliance_plugin.core import tenure
    from alliance_territories.alliance_plugin.core.tenure import dask_engine as engine
    from alliance_territories.alliance_plugin.core.tenure.dask_engine import peak_memory_mb

    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f} at start (other work on the machine "
          "slows every figure)", flush=True)
    header = (f"{'parcels':>10} {'ours s':>8} {'workers s':>10} {'reads s':>8} {'single s':>9} {'single/ours':>12} "
              f"{'client MB':>10} {'worker MB':>10} {'+/partition':>12} {'single MB':>10} {'fid read':>9} "
              f"{'skip read':>10} {'load':>5}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="alliance-bench-") as tmp, \
            LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                         dashboard_address=None) as cluster, Client(cluster) as client:
        zones, classes = make_zones()
        zones_gpkg = Path(tmp) / "zones.gpkg"
        pyogrio.write_dataframe(gpd.GeoDataFrame({"class": classes}, geometry=tenure.repair_polygons(zones)[0],
                                                 crs="EPSG:3857"), zones_gpkg, layer="zones")
        for n in args.sizes:
            gpkg = Path(tmp) / f"parcels_{n}.gpkg"
            pyogrio.write_dataframe(gpd.GeoDataFrame({"parcel_id": np.arange(n, dtype=np.int64)},
                                                     geometry=make_parcels(n), crs="EPSG:3857"), gpkg,
                                    layer="parcels")
            for _ in range(args.repeat):
                client.restart()
                baseline = max(client.run(peak_memory_mb).values())
                out = Path(tmp) / f"out_{n}"
                code = ("import runpy, sys; sys.argv = sys.argv[1:]; sys.path.insert(0, %r)\n"
                        "try:\n    runpy.run_path(sys.argv[0], run_name='__main__')\nfinally:\n"
                        "    print('CLIENT_PEAK_MB', %s)\n" % (str(ROOT / "scripts"), PEAK))
                start = time.perf_counter()
                done = subprocess.run([sys.executable, "-c", code, str(ROOT / "scripts" / "tenure_batch.py"),
                                       "--parcels", str(gpkg), "--parcel-id", "parcel_id", "--zones", str(zones_gpkg),
                                       "--class-field", "class", "--rows-per-partition", str(args.rows_per_partition),
                                       "--scheduler", client.scheduler.address, "--no-progress", "--output", str(out)],
                                      capture_output=True, text=True)
                ours = time.perf_counter() - start
                if done.returncode:
                    raise SystemExit(done.stderr[-3000:])
                client_mb = float(done.stdout.split("CLIENT_PEAK_MB")[-1].split()[0])
                report = json.loads((out / "run.json").read_text())
                single = subprocess.run([sys.executable, "-c", SINGLE, str(plugins), str(gpkg), str(zones_gpkg)],
                                        capture_output=True, text=True)
                if single.returncode:
                    raise SystemExit(single.stderr[-3000:])
                single_s, single_rows, single_mb = single.stdout.split()
                fid_read, skip_read = read_both_ways(engine, gpkg, args.rows_per_partition)
                assert int(single_rows) == report["rows"], (single_rows, report["rows"])
                reads = sum(s["read_seconds"] for s in report["partitions_detail"])
                row = (f"{n:>10,} {ours:>8.1f} {report['worker_seconds']:>10.1f} {reads:>8.1f} {float(single_s):>9.1f} "
                       f"{float(single_s) / ours:>12.2f} {client_mb:>10.0f} {report['worker_peak_mb']:>10.0f} "
                       f"{report['worker_peak_mb'] - baseline:>12.0f} {float(single_mb):>10.0f} "
                       f"{fid_read:>9.1f} {skip_read:>10.1f} {os.getloadavg()[0]:>5.2f}")
                rows.append(row)
                print(header, row, sep="\n", flush=True)
    print(f"\n{args.workers} workers, {args.rows_per_partition:,} parcels per partition; ours: the whole "
          "client process (start, probes, tasks, summary), workers s: the tasks' summed time (reads s: of which "
          "reading the partitions' parcels, GeoPackage fid ranges); fid read / skip read: the same partitions read "
          "in this process by fid range (ours) and by GDAL's skip/max (before), alternating; +/partition: the "
          "largest worker peak over its baseline after a restart")
    print(header)
    print("\n".join(rows))


if __name__ == "__main__":
    main()
