"""Land-tenure overlay as a batch job outside QGIS, on a dask.distributed cluster, where the data lives.

The same core as ``alliance:landtenureoverlay`` (``overlay_areas``), run by
every worker on its own partition of the parcels
(``alliance_plugin.core.tenure.dask_engine.tenure_partition``): the client
lists file names and sends small tasks; each worker reads its partition
(pyogrio or pyarrow), reprojects it, measures it against the zones, writes its
own part of the output and returns a summary per territory and class, summed
on the cluster. The client never holds the parcels, so a national cadastre
runs on several machines. The numbers are those of the single-machine path.

Parcels, as a national cadastre comes:

- Etalab's PCI, one GeoJSON per département: ``--parcels 'cadastre-*-parcelles.json.gz'``
  (or the folder), ``--parcel-id id --territory-field commune --crs EPSG:2154``;
- a folder or glob of GeoPackages / GeoJSON / FlatGeobuf / Shapefiles (a large
  file is cut into ranges of ``--rows-per-partition`` features: fid ranges of a
  GeoPackage, read through its primary key; GeoJSON is never cut);
- partitioned GeoParquet (a folder of ``.parquet`` files, cut between row groups).

Zones: read once on one worker and shared when small; read by each partition
with a bounding-box filter on its parcels' bounds when large (more than
``--zones-spatial-above`` features, 100,000 by default, or ``--zones-mode spatial``).

Output (``--output DIR``): ``DIR/areas/part-NNNNN.parquet`` (or ``.gpkg``, ``--format gpkg``), one per
partition, rows ``parcel_id, class, area, share`` (with ``--pieces``, the covered geometry too: GeoParquet);
``DIR/summary.csv`` (per territory, tenure class when ``--tenure-field``, and constraint: ``parcels, area``,
as ``tenure_summary``'s crosstab) and ``DIR/run.json`` (partitions, timings, memory).

    # a local cluster of 2 worker processes on this machine
    .venv/bin/python scripts/tenure_batch.py --parcels 'pci/cadastre-*-parcelles.json.gz' --parcel-id id \\
        --territory-field commune --crs EPSG:2154 --zones zoning.gpkg --class-field zone --output out/
    # an existing cluster (``dask scheduler``, ``dask worker tcp://host:8786`` on each machine)
    .venv/bin/python scripts/tenure_batch.py ... --scheduler tcp://scheduler.example:8786
"""

import argparse
import importlib
import json
import os
import resource
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def core_zip(folder):
    """The plugin's pure package as a zip, importable as ``alliance_plugin`` here and on every worker.

    The repository root never goes on ``sys.path`` (its ``processing/`` would
    hide QGIS's); the zip holds ``alliance_plugin/`` alone, and dask ships it
    to the workers of any cluster (``Client.upload_file``; workers that join
    or restart later receive it too).
    """
    target = Path(folder) / "alliance_plugin.zip"
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted((ROOT / "alliance_plugin").rglob("*.py")):
            archive.write(path, path.relative_to(ROOT).as_posix())
    return target


def add_cluster_arguments(parser):
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of an existing dask scheduler, e.g. tcp://host:8786")
    where.add_argument("--local-workers", type=int, default=2, help="worker processes of a local cluster (2)")
    parser.add_argument("--memory-limit", default="auto",
                        help="memory limit of each local worker (dask's syntax, e.g. 4GB; default: RAM / workers)")
    parser.add_argument("--retries", type=int, default=2,
                        help="times a failed task is run again (a lost worker's tasks are rerun by the scheduler "
                             "anyway)")
    bar = parser.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None,
                     help="dask's progress bar in the terminal (default: when the output is a terminal)")
    bar.add_argument("--no-progress", dest="progress", action="store_false")


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parcels", required=True, nargs="+",
                        help="parcel files, folders or glob patterns (GeoJSON(.gz), GeoPackage, GeoParquet...)")
    parser.add_argument("--parcels-layer")
    parser.add_argument("--parcels-where",
                        help="SQL filter of the parcels (GDAL sources), e.g. \"commune LIKE '75%%'\"")
    parser.add_argument("--parcel-id", help="unique id field of the parcels (default: the feature id, "
                                            "prefixed by the file name when there are several files)")
    parser.add_argument("--territory-field", help="territory of each parcel in the summary (PCI: commune)")
    parser.add_argument("--tenure-field", help="raw tenure field (mapped to the five tenure classes)")
    parser.add_argument("--crs", help="projected CRS in metres to compute in (default: the parcels'; required "
                                      "when they are in degrees, as the PCI's GeoJSON: EPSG:2154 in mainland France)")
    parser.add_argument("--zones", required=True, help="constraint zones file (any GDAL format or GeoParquet)")
    parser.add_argument("--zones-layer")
    parser.add_argument("--class-field", help="class field of the zones (default: one class, 'zone')")
    parser.add_argument("--zones-mode", choices=("auto", "broadcast", "spatial"), default="auto",
                        help="broadcast: read once, shared by every partition; spatial: each partition reads "
                             "the zones meeting its bounds; auto: spatial above --zones-spatial-above zones")
    parser.add_argument("--zones-spatial-above", type=int, default=100_000)
    parser.add_argument("--rows-per-partition", type=int, default=200_000)
    parser.add_argument("--min-share", type=float, default=0.0,
                        help="a parcel counts in a class of the summary from this covered share")
    parser.add_argument("--pieces", action="store_true", help="also write the covered geometry (GeoParquet/GPKG)")
    parser.add_argument("--format", choices=("parquet", "gpkg"), default="parquet")
    parser.add_argument("--output", required=True, help="output folder")
    add_cluster_arguments(parser)
    return parser.parse_args(argv)


def import_core():
    """The core as the workers import it: from the zip (never from the repository root)."""
    package = core_zip(tempfile.mkdtemp(prefix="alliance-batch-"))
    sys.path.insert(0, str(package))
    return package, importlib.import_module("alliance_plugin.core.tenure.dask_engine")


def open_client(args):
    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        return Client(args.scheduler), None
    cluster = LocalCluster(n_workers=args.local_workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, memory_limit=args.memory_limit)
    return Client(cluster), cluster


def tree_reduce(client, function, futures, fan_in=8, **options):
    """Combine results on the cluster, ``fan_in`` at a time, down to one future."""
    level = list(futures)
    while len(level) > 1:
        level = [client.submit(function, *level[i:i + fan_in], pure=False, **options)
                 for i in range(0, len(level), fan_in)]
    return level[0] if len(level) == 1 else client.submit(function, *level, pure=False, **options)


def show_progress(args, futures):
    wanted = sys.stdout.isatty() if args.progress is None else args.progress
    if wanted:
        from dask.distributed import progress

        progress(futures)
        print(flush=True)


def client_peak_mb():
    """This process's peak resident memory, MB (the client alone: the local workers are other processes).

    Linux's VmHWM, since getrusage's maxrss keeps the peak of the parent that forked the process."""
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024.0
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def clean_parts(folder):
    folder.mkdir(parents=True, exist_ok=True)
    for old in list(folder.glob("part-*")) + list(folder.glob(".part-*.tmp")):
        old.unlink()


def main(argv=None):
    args = parse(argv)
    package, engine = import_core()
    from pyproj import CRS

    sources = engine.expand_sources(args.parcels)
    if args.parcels_where and any(s.lower().endswith(engine.PARQUET_SUFFIXES) for s in sources):
        raise SystemExit("--parcels-where filters GDAL sources (GeoPackage, GeoJSON...), not GeoParquet: "
                         f"{next(s for s in sources if s.lower().endswith(engine.PARQUET_SUFFIXES))}.")
    out_dir = Path(args.output)
    client, cluster = open_client(args)
    try:
        client.upload_file(str(package))
        start = time.perf_counter()
        # Probing happens on the workers: the client reads no data file. A GeoJSON file is never cut
        # (GDAL parses it whole), so its features are not counted.
        probes = client.gather([client.submit(engine.probe_source, s, args.parcels_layer, pure=False,
                                              count=not (".json" in s.lower() or ".geojson" in s.lower()),
                                              rows_per_partition=args.rows_per_partition)
                                for s in sources])
        crs = args.crs or next((p["crs"] for p in probes if p["crs"]), None)
        if crs is None or not CRS.from_user_input(crs).is_projected:
            found = next((p["crs"] for p in probes if p["crs"]), None)
            name = CRS.from_user_input(found).name if found else None
            raise SystemExit(f"{sources[0]}: the parcels must be in a projected CRS in metres (found {name}); "
                             "give --crs (EPSG:2154 for the PCI in mainland France) or reproject them first, "
                             "for example with ogr2ogr -t_srs.")
        crs = CRS.from_user_input(crs).to_wkt()
        partitions = engine.plan_partitions(probes, args.rows_per_partition)
        zones_spec = client.submit(engine.probe_source, args.zones, args.zones_layer, pure=False).result()
        spatial = args.zones_mode == "spatial" or (args.zones_mode == "auto"
                                                   and zones_spec["features"] > args.zones_spatial_above)
        zones = None if spatial else client.submit(engine.read_zones, zones_spec, crs, args.class_field,
                                                   pure=False, retries=args.retries)
        clean_parts(out_dir / "areas")
        prefix = None if len(sources) == 1 else [Path(s).name.split(".")[0] for s in sources]
        futures = [client.submit(engine.tenure_partition, spec, zones, crs=crs, out_dir=str(out_dir / "areas"),
                                 fmt=args.format, parcel_id=args.parcel_id,
                                 id_prefix=None if prefix is None else prefix[spec["source"]],
                                 territory=args.territory_field, tenure=args.tenure_field, where=args.parcels_where,
                                 zones_source=zones_spec, class_field=args.class_field, min_share=args.min_share,
                                 pieces=args.pieces, pure=False, retries=args.retries,
                                 key=f"tenure-partition-{spec['index']:05d}-{os.getpid()}-{time.time_ns()}")
                   for spec in partitions]
        total = tree_reduce(client, engine.combine_partials, futures, retries=args.retries)
        show_progress(args, futures + [total])
        result = total.result()
        seconds = time.perf_counter() - start
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for leftover in (out_dir / "areas").glob(".part-*.tmp"):  # a worker killed while writing; its task ran again
        leftover.unlink()
    summary, stats = result["summary"], sorted(result["stats"], key=lambda s: s["index"])
    summary.to_csv(out_dir / "summary.csv", index=False)
    parcels = sum(s["parcels"] for s in stats)
    rows = sum(s["rows"] for s in stats)
    peak = client_peak_mb()
    report = {"sources": len(sources), "partitions": len(partitions), "zones_mode": "spatial" if spatial else
              "broadcast", "zones": zones_spec["features"], "parcels": parcels, "rows": rows, "seconds": seconds,
              "worker_seconds": sum(s["seconds"] for s in stats), "client_peak_mb": peak,
              "worker_peak_mb": max((s["worker_peak_mb"] for s in stats), default=0.0), "crs": crs,
              "partitions_detail": stats}
    (out_dir / "run.json").write_text(json.dumps(report, indent=1, default=str))
    print(f"{parcels:,} parcels in {len(partitions)} partitions x {zones_spec['features']:,} zones "
          f"({report['zones_mode']}): {rows:,} (parcel, class) areas in {seconds:.1f} s "
          f"(workers {report['worker_seconds']:.1f} s) -> {out_dir}; client peak memory {peak:.0f} MB, "
          f"largest worker peak {report['worker_peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
