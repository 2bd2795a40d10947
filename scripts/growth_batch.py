"""Urban growth patches (LEI) by tile as a batch job outside QGIS, on a dask.distributed cluster.

The same core as ``alliance:urbangrowth`` (``growth_patches``), run on square
tiles of building footprints at national scale
(``alliance_plugin.core.growth.tiles``): every worker reads only the buildings
meeting its tile and a halo as wide as the LEI ring (``--halo``, by default
the ring), keeps the patches it owns that the halo settles, and writes them;
patches crossing a tile edge farther than the halo are resolved in an edge
pass, in windows grown until they are settled. The patches and the summary per
territory equal those of ``growth_patches`` on the whole area (tested). The
client never holds the buildings.

    # one layer with a year field, buildings up to 2015 as the first date
    .venv/bin/python scripts/growth_batch.py --before bati.gpkg --before-where "year <= 2015" \\
        --after bati.gpkg --ring 100 --tile-size 10000 --territories communes.gpkg --territory-field code \\
        --output growth/
    # footprints as one file per département (a folder or a glob), an existing cluster
    .venv/bin/python scripts/growth_batch.py --before 'bati2015/*.gpkg' --after 'bati2023/*.gpkg' \\
        --crs EPSG:2154 --scheduler tcp://scheduler.example:8786 --output growth/

Output: ``DIR/patches/part-*.parquet`` (GeoParquet; ``--format gpkg``: GeoPackages), the columns of
``growth_patches`` plus ``territory``; ``DIR/summary.csv`` (``growth_summary``'s table) and ``DIR/run.json``.
"""

import argparse
import json
import time
from pathlib import Path

from tenure_batch import add_cluster_arguments, client_peak_mb, clean_parts, import_core, open_client, \
    show_progress, tree_reduce


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, nargs="+", help="built-up at the first date: files, folders, "
                                                                   "globs (GeoPackage, GeoParquet...)")
    parser.add_argument("--after", required=True, nargs="+", help="built-up at the second date")
    parser.add_argument("--before-layer")
    parser.add_argument("--after-layer")
    parser.add_argument("--before-where", help="SQL filter of the first date (GDAL sources), e.g. \"year <= 2015\"")
    parser.add_argument("--after-where", help="SQL filter of the second date")
    parser.add_argument("--crs", help="projected CRS in metres to compute in (default: the buildings')")
    parser.add_argument("--ring", type=float, default=1.0, help="ring width of the expansion index (m)")
    parser.add_argument("--min-area", type=float, default=0.0, help="sliver area (m2)")
    parser.add_argument("--segments", type=int, default=8, help="buffer segments per quarter circle")
    parser.add_argument("--tile-size", type=float, default=10_000.0, help="tile side (m)")
    parser.add_argument("--halo", type=float, help="halo around each tile (m; default: the ring)")
    parser.add_argument("--territories", help="territories file (patches counted by representative point)")
    parser.add_argument("--territories-layer")
    parser.add_argument("--territory-field")
    parser.add_argument("--edge-batch", type=int, default=64, help="edge regions per task of the edge pass")
    parser.add_argument("--format", choices=("parquet", "gpkg"), default="parquet")
    parser.add_argument("--output", required=True, help="output folder")
    add_cluster_arguments(parser)
    return parser.parse_args(argv)


def main(argv=None):
    args = parse(argv)
    package, engine = import_core()
    import importlib

    from pyproj import CRS

    tiles = importlib.import_module("alliance_plugin.core.growth.tiles")
    sums = importlib.import_module("alliance_plugin.core.growth.tile_summary")
    before_files, after_files = engine.expand_sources(args.before), engine.expand_sources(args.after)
    if args.territories and not args.territory_field:
        raise SystemExit("--territories needs --territory-field")
    out_dir = Path(args.output)
    client, cluster = open_client(args)
    try:
        client.upload_file(str(package))
        start = time.perf_counter()
        # Sources are probed (CRS, extent) on the workers; the client reads no building.
        before = client.gather([client.submit(engine.probe_source, f, args.before_layer, pure=False)
                                for f in before_files])
        after = client.gather([client.submit(engine.probe_source, f, args.after_layer, pure=False)
                               for f in after_files])
        crs = args.crs or next((p["crs"] for p in after + before if p["crs"]), None)
        if crs is None or not CRS.from_user_input(crs).is_projected:
            raise SystemExit(f"{after_files[0]}: the buildings must be in a projected CRS in metres; give --crs "
                             "(EPSG:2154 in mainland France) or reproject them first.")
        crs = CRS.from_user_input(crs).to_wkt()
        for probes in (before, after):
            bounds = client.gather([client.submit(engine.source_bounds, p, pure=False) for p in probes])
            for probe, box in zip(probes, bounds):
                probe["bounds"] = box
        boxes = [engine.bbox_in(p["bounds"], p["crs"], crs, margin=0.0) for p in before + after if p["bounds"]]
        if not boxes:
            raise SystemExit("No building in the sources.")
        extent = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                  max(b[3] for b in boxes))
        territories = None
        if args.territories:
            territories = client.submit(engine.probe_source, args.territories, args.territories_layer,
                                        pure=False).result()
        job = tiles.growth_job(before, after, crs=crs, ring=args.ring, min_area=args.min_area,
                               quad_segs=args.segments, size=args.tile_size, halo=args.halo,
                               before_where=args.before_where, after_where=args.after_where,
                               territories=territories, territory_field=args.territory_field, extent=extent)
        parts = out_dir / "patches"
        clean_parts(parts)
        grid = tiles.tiles_over(extent, args.tile_size)
        job_future = client.scatter(job, broadcast=True)
        first = [client.submit(tiles.growth_tile, tile, job_future, str(parts), args.format, pure=False,
                               retries=args.retries) for tile in grid]
        show_progress(args, first)
        # Only the boxes of the patches left for the edge pass come back to the client (a few per tile).
        trouble = [box for result in client.gather(client.map(lambda r: r["trouble"], first, pure=False))
                   for box in result]
        batches = [trouble[i:i + args.edge_batch] for i in range(0, len(trouble), args.edge_batch)]
        edges = [client.submit(tiles.growth_edges, batch, job_future, pure=False, retries=args.retries)
                 for batch in batches]
        merged = client.submit(tiles.merge_edges, job_future, str(parts), args.format, *edges, pure=False,
                               retries=args.retries)
        total = tree_reduce(client, sums.combine_summaries, first + [merged], retries=args.retries)
        show_progress(args, edges + [merged, total])
        result = total.result()
        seconds = time.perf_counter() - start
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for leftover in parts.glob(".part-*.tmp"):
        leftover.unlink()
    summary = sums.finish_summary(result["summary"])
    summary.to_csv(out_dir / "summary.csv")
    stats = result["stats"]
    n_patches = sum(s.get("patches", 0) for s in stats)
    report = {"tiles": len(grid), "edge_regions": len(trouble), "patches": n_patches, "seconds": seconds,
              "worker_seconds": sum(s.get("seconds", 0.0) for s in stats), "client_peak_mb": client_peak_mb(),
              "unassigned_area": result["unassigned"], "extent": extent, "crs": crs, "tiles_detail": stats}
    (out_dir / "run.json").write_text(json.dumps(report, indent=1, default=str))
    print(f"{n_patches:,} patches in {len(grid)} tiles ({len(trouble)} edge regions) in {seconds:.1f} s "
          f"(workers {report['worker_seconds']:.1f} s) -> {out_dir}; client peak memory "
          f"{report['client_peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
