"""Land-tenure overlay as a batch job outside QGIS, on a dask.distributed cluster.

The same core as ``alliance:landtenureoverlay`` (``overlay_areas``, through
``alliance_plugin.core.tenure.dask_engine``), cut into
dask-geopandas partitions sorted along a Hilbert curve, so a national cadastre
can run on several machines. The numbers are those of the single-machine path.

    # a local cluster of 2 worker processes
    .venv/bin/python scripts/tenure_batch.py --parcels parcels.gpkg --zones zoning.gpkg \\
        --class-field zone --local-workers 2 --output areas.csv
    # an existing cluster
    .venv/bin/python scripts/tenure_batch.py ... --scheduler tcp://scheduler.example:8786

Output: one row per parcel and zone class (``parcel_id, class, area, share``),
CSV or Parquet by the output's extension. Parcels and zones are read with
pyogrio; the zones are reprojected to the parcels' CRS, which must be
projected in metres (reproject the cadastre first otherwise).
"""

import argparse
import importlib
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
    to the workers of any cluster (``Client.upload_file``).
    """
    target = Path(folder) / "alliance_plugin.zip"
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted((ROOT / "alliance_plugin").rglob("*.py")):
            archive.write(path, path.relative_to(ROOT).as_posix())
    return target


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parcels", required=True, help="parcels file (GeoPackage, Shapefile...)")
    parser.add_argument("--parcels-layer")
    parser.add_argument("--parcel-id", help="unique id field of the parcels (default: the feature id)")
    parser.add_argument("--zones", required=True, help="constraint zones file")
    parser.add_argument("--zones-layer")
    parser.add_argument("--class-field", help="class field of the zones (default: one class, 'zone')")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of an existing dask scheduler, e.g. tcp://host:8786")
    where.add_argument("--local-workers", type=int, default=2, help="worker processes of a local cluster")
    parser.add_argument("--partitions", type=int, help="number of partitions (default: ~200,000 parcels each)")
    parser.add_argument("--output", required=True, help="output .csv or .parquet")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse(argv)
    import pyogrio
    from dask.distributed import Client, LocalCluster

    package = core_zip(tempfile.mkdtemp(prefix="alliance-batch-"))
    sys.path.insert(0, str(package))
    engine = importlib.import_module("alliance_plugin.core.tenure.dask_engine")
    parcels = pyogrio.read_dataframe(args.parcels, layer=args.parcels_layer, fid_as_index=True)
    if parcels.crs is None or not parcels.crs.is_projected:
        raise SystemExit(f"{args.parcels}: the parcels must be in a projected CRS in metres (found "
                         f"{parcels.crs}); reproject them first, for example with ogr2ogr -t_srs.")
    id_field = args.parcel_id or "parcel_id"
    if args.parcel_id is None:
        parcels[id_field] = parcels.index.to_numpy()
    zones = pyogrio.read_dataframe(args.zones, layer=args.zones_layer).to_crs(parcels.crs)
    classes = zones[args.class_field].astype(object).to_numpy() if args.class_field else ["zone"] * len(zones)
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.local_workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        client.upload_file(str(package))
        start = time.perf_counter()
        areas, _ = engine.overlay_areas_dask(parcels, zones.geometry.to_numpy(), parcel_id=id_field,
                                             zone_classes=classes, npartitions=args.partitions)
        table = areas.compute().sort_values(["parcel_id", "class"]).reset_index(drop=True)
        seconds = time.perf_counter() - start
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    if args.output.endswith(".parquet"):
        table.to_parquet(args.output, index=False)
    else:
        table.to_csv(args.output, index=False)
    print(f"{len(parcels):,} parcels x {len(zones):,} zones: {len(table):,} (parcel, class) areas in "
          f"{seconds:.1f} s -> {args.output}")


if __name__ == "__main__":
    main()
