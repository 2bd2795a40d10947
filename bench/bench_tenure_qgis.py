"""The whole land-tenure run through qgis_process, against QGIS's own chain (prints figures; not a test).

For each size, generated parcels (with a tenure field, 1 in 4 informal) under
about 2,000 zoning polygons (8 classes), both in GeoPackages, then side by side:

- the native chain a technician would run: ``native:intersection`` (parcels x
  zones), ``native:fieldcalculator`` (area of each piece) and
  ``qgis:statisticsbycategories`` (sum per parcel and class), each through
  ``qgis_process.bin``;
- ``alliance:landtenureoverlay`` through ``qgis_process.bin`` (read, overlay,
  flags, summary, proxies, parcels written to a GeoPackage).

Wall time and peak memory of each process (``wait4``), the two sides alternated
(``--rounds``), the load average printed with every figure. Target: ours at least
3 x faster than the native chain, under 4 GB at a million parcels.

    . scripts/env.sh && .venv/bin/python bench/bench_tenure_qgis.py --sizes 100000 300000 1000000
"""

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_tenure import make_parcels, make_zones  # noqa: E402
from common import alternate, load_average, run_qgis_process  # noqa: E402


def native_chain(parcels, zones, folder):
    """The three native steps, each a ``qgis_process.bin`` run: (seconds, peak MB of the largest step)."""
    steps = [
        ("native:intersection", {"INPUT": f"{parcels}|layername=parcels", "OVERLAY": f"{zones}|layername=zones",
                                 "INPUT_FIELDS": "parcel_id", "OVERLAY_FIELDS": "class",
                                 "OUTPUT": folder / "pieces.gpkg"}),
        ("native:fieldcalculator", {"INPUT": folder / "pieces.gpkg", "FIELD_NAME": "area", "FIELD_TYPE": 0,
                                    "FIELD_LENGTH": 20, "FIELD_PRECISION": 6, "FORMULA": "$area",
                                    "OUTPUT": folder / "pieces_area.gpkg"}),
        ("qgis:statisticsbycategories", {"INPUT": folder / "pieces_area.gpkg", "VALUES_FIELD_NAME": "area",
                                         "CATEGORIES_FIELD_NAME": ["parcel_id", "class"],
                                         "OUTPUT": folder / "stats.gpkg"}),
    ]
    total, peak = 0.0, 0.0
    for number, (algorithm, parameters) in enumerate(steps):
        run, _ = run_qgis_process(algorithm, parameters, folder / f"native_{number}")
        total, peak = total + run.seconds, max(peak, run.peak_mb)
    for name in ("pieces.gpkg", "pieces_area.gpkg", "stats.gpkg"):
        (folder / name).unlink(missing_ok=True)
    return total, peak


def ours(parcels, zones, folder):
    outputs = [folder / f"{name}.gpkg" for name in ("parcels_out", "summary", "proxies")]
    for path in outputs:
        path.unlink(missing_ok=True)
    run, _ = run_qgis_process("alliance:landtenureoverlay", {
        "INPUT": f"{parcels}|layername=parcels", "TENURE_FIELD": "statut", "ZONING": f"{zones}|layername=zones",
        "CLASS_FIELD": "class", "OUTPUT": outputs[0], "OUTPUT_SUMMARY": outputs[1], "OUTPUT_PROXIES": outputs[2]},
        folder / "ours")
    return run.seconds, run.peak_mb


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 300_000, 1_000_000])
    parser.add_argument("--rounds", type=int, default=2, help="alternated runs of each side per size")
    parser.add_argument("--skip-native", action="store_true", help="only our run (the native chain is slow)")
    args = parser.parse_args()
    import geopandas as gpd
    import pyogrio
    import shapely

    zones, classes = make_zones(2000)
    print(load_average())
    print(f"{'parcels':>10} {'side':>13} {'seconds':>9} {'peak MB':>9}  load")
    with tempfile.TemporaryDirectory(prefix="alliance-bench-") as tmp:
        folder = Path(tmp)
        zones_gpkg = folder / "zones.gpkg"
        pyogrio.write_dataframe(gpd.GeoDataFrame({"class": classes}, geometry=shapely.make_valid(zones),
                                                 crs="EPSG:2154"), zones_gpkg, layer="zones")
        for n in args.sizes:
            parcels_gpkg = folder / f"parcels_{n}.gpkg"
            statut = np.where(np.arange(n) % 4 == 0, "squat", "titre foncier")
            pyogrio.write_dataframe(gpd.GeoDataFrame({"parcel_id": np.arange(n), "statut": statut},
                                                     geometry=make_parcels(n), crs="EPSG:2154"),
                                    parcels_gpkg, layer="parcels")
            work = folder / f"run_{n}"
            work.mkdir()

            def side(label, function):
                def measured():
                    seconds, peak = function(parcels_gpkg, zones_gpkg, work)
                    print(f"{n:>10,} {label:>13} {seconds:>9.1f} {peak:>9,.0f}  {load_average()}", flush=True)
                    return seconds, peak
                return measured

            sides = {"ours": side("ours", ours)}
            if not args.skip_native:
                sides["native chain"] = side("native chain", native_chain)
            results = alternate(sides, rounds=args.rounds)
            best = {label: min(r[0] for r in runs) for label, runs in results.items()}
            if "native chain" in best:
                print(f"{n:>10,} ratio native / ours (best of {args.rounds}): "
                      f"{best['native chain'] / best['ours']:.1f}x", flush=True)
            parcels_gpkg.unlink()


if __name__ == "__main__":
    main()
