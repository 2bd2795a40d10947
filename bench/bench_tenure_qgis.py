"""The whole land-tenure run through qgis_process, against QGIS's own chain (prints figures; not a test).

For each size, generated parcels (with a tenure field, 1 in 4 informal) under
about 2,000 zoning polygons (8 classes), both in GeoPackages, then side by side:

- the native chain a technician would run: ``native:intersection`` (parcels x
  zones), ``native:fieldcalculator`` (area of each piece) and
  ``qgis:statisticsbycategories`` (sum per parcel and class), each through
  ``qgis_process.bin``;
- ``alliance:landtenureoverlay`` through ``qgis_process.bin`` (read, overlay,
  flags, summary, proxies, parcels written to a GeoPackage).

Wall time and peak memory of each process (``wait4``). Target: ours at least
3 x faster than the native chain, under 4 GB at a million parcels.

    . scripts/env.sh && .venv/bin/python bench/bench_tenure_qgis.py --sizes 100000 300000 1000000
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_tenure import make_parcels, make_zones  # noqa: E402

QGIS_PROCESS = "/usr/bin/qgis_process.bin"


def run(args, log):
    """Run qgis_process; return (seconds, peak MB)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with open(log, "w") as handle:
        start = time.perf_counter()
        process = subprocess.Popen([QGIS_PROCESS, *args], env=env, stdout=handle, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"qgis_process {args[:3]} failed:\n{Path(log).read_text()[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024


def native_chain(parcels, zones, folder):
    steps = [
        ["run", "native:intersection", "--", f"INPUT={parcels}|layername=parcels",
         f"OVERLAY={zones}|layername=zones", "INPUT_FIELDS=parcel_id", "OVERLAY_FIELDS=class",
         f"OUTPUT={folder / 'pieces.gpkg'}"],
        ["run", "native:fieldcalculator", "--", f"INPUT={folder / 'pieces.gpkg'}", "FIELD_NAME=area",
         "FIELD_TYPE=0", "FIELD_LENGTH=20", "FIELD_PRECISION=6", "FORMULA=$area",
         f"OUTPUT={folder / 'pieces_area.gpkg'}"],
        ["run", "qgis:statisticsbycategories", "--", f"INPUT={folder / 'pieces_area.gpkg'}",
         "VALUES_FIELD_NAME=area", "CATEGORIES_FIELD_NAME=parcel_id", "CATEGORIES_FIELD_NAME=class", f"OUTPUT={folder / 'stats.gpkg'}"],
    ]
    total, peak = 0.0, 0.0
    for number, step in enumerate(steps):
        seconds, mb = run(step, folder / f"native_{number}.log")
        total, peak = total + seconds, max(peak, mb)
    return total, peak


def ours(parcels, zones, folder):
    return run(["run", "alliance:landtenureoverlay", "--", f"INPUT={parcels}|layername=parcels",
                "TENURE_FIELD=statut", f"ZONING={zones}|layername=zones", "CLASS_FIELD=class",
                f"OUTPUT={folder / 'parcels_out.gpkg'}", f"OUTPUT_SUMMARY={folder / 'summary.gpkg'}",
                f"OUTPUT_PROXIES={folder / 'proxies.gpkg'}"], folder / "ours.log")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 300_000, 1_000_000])
    parser.add_argument("--skip-native", action="store_true", help="only our run (the native chain is slow)")
    args = parser.parse_args()
    import geopandas as gpd
    import pyogrio

    zones, classes = make_zones(2000)
    print(f"load average {os.getloadavg()[0]:.2f}; {os.cpu_count()} cores")
    print(f"{'parcels':>10} {'native chain':>14} {'peak':>9} {'ours':>9} {'peak':>9} {'speed-up':>9}")
    with tempfile.TemporaryDirectory(prefix="alliance-bench-") as tmp:
        folder = Path(tmp)
        zones_gpkg = folder / "zones.gpkg"
        import shapely

        valid = shapely.make_valid(zones)
        pyogrio.write_dataframe(gpd.GeoDataFrame({"class": classes}, geometry=valid, crs="EPSG:2154"),
                                zones_gpkg, layer="zones")
        for n in args.sizes:
            parcels_gpkg = folder / f"parcels_{n}.gpkg"
            statut = np.where(np.arange(n) % 4 == 0, "squat", "titre foncier")
            pyogrio.write_dataframe(gpd.GeoDataFrame({"parcel_id": np.arange(n), "statut": statut},
                                                     geometry=make_parcels(n), crs="EPSG:2154"),
                                    parcels_gpkg, layer="parcels")
            work = folder / f"run_{n}"
            work.mkdir()
            native, native_peak = (float("nan"), float("nan")) if args.skip_native else \
                native_chain(parcels_gpkg, zones_gpkg, work)
            mine, my_peak = ours(parcels_gpkg, zones_gpkg, work)
            print(f"{n:>10,} {native:>12.1f} s {native_peak:>6,.0f} MB {mine:>7.1f} s {my_peak:>6,.0f} MB "
                  f"{native / mine:>8.1f}x", flush=True)


if __name__ == "__main__":
    main()
