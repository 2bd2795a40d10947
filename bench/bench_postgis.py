"""Land tenure at cadastre scale from PostGIS (issue 16): ours from PostGIS, from a GeoPackage, QGIS's chain, SQL.

Prints figures (not a test). A private PostGIS cluster (tests/qgis/postgis_server.py)
is started and removed by the script. For each size, the same generated parcels
(bench_tenure.make_parcels, a tenure field, 1 in 4 informal) and about 2,000 zoning
polygons (make_zones, 8 classes) are stored in a GeoPackage and in PostGIS, then,
alternating the order from one size to the next:

- **ours from PostGIS**: ``alliance:landtenureoverlay`` through ``qgis_process.bin``,
  parcels and zones as ``postgres://`` layers, the parcels written back to a PostGIS
  table (bulk read with pyogrio, bulk write with COPY: qgis_io/postgis.py, postgis_write.py);
- **ours from GeoPackage**: the same run on the GeoPackages, parcels to a new GeoPackage;
- **our overlay alone**: parcels and zones read from PostGIS with pyogrio and
  ``tenure.overlay_areas`` (2 threads) in a child process: the same work as
  the push-down, areas per parcel and class only;
- **push-down**: the overlay as one SQL statement in PostGIS (zones united per class
  and cut with ``ST_Subdivide``, ``ST_Intersection`` with the containment shortcut
  ``ST_Covers`` -> the parcel's own area), a table of (parcel, class, area) created;
  only the areas, none of the flags, summary or proxies; the server's memory is not
  in the peak (psql's is);
- **QGIS's native chain on the PostGIS layers** (``native:intersection``,
  ``native:fieldcalculator`` $area, ``qgis:statisticsbycategories``), each step with
  a timeout (``--native-timeout``; skipped at the sizes above ``--native-max``).

Wall time and peak memory of each child (``os.wait4``), ratios and the load average.

    . scripts/env.sh && .venv/bin/python bench/bench_postgis.py --sizes 100000 1000000
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "qgis"))
from bench_tenure import make_parcels, make_zones  # noqa: E402
from common import QGIS_PROCESS, arguments, load_average, qgis_env, run_child  # noqa: E402

import postgis_server  # noqa: E402


def qgis_process(algorithm, parameters, log, timeout=None):
    """(seconds, peak MB) of one qgis_process run; None when it ran past ``timeout``."""
    command = [QGIS_PROCESS, "run", algorithm, "--",
               *arguments(parameters)]
    with open(log, "w") as handle:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=qgis_env(), stdout=handle, stderr=subprocess.STDOUT)
        deadline = None if timeout is None else start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.perf_counter() > deadline:
                process.kill()
                os.wait4(process.pid, 0)
                return None
            time.sleep(0.2)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{algorithm} failed:\n{Path(log).read_text()[-3000:]}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def pg_layer(server, table, key):
    return "postgres://" + server.uri(table=table, key=key)


def ours(inputs, outputs, folder, tag):
    return qgis_process("alliance:landtenureoverlay", {
        "INPUT": inputs[0], "TENURE_FIELD": "statut", "ZONING": inputs[1], "CLASS_FIELD": "class",
        "OUTPUT": outputs, "OUTPUT_SUMMARY": folder / f"summary_{tag}.gpkg",
        "OUTPUT_PROXIES": folder / f"proxies_{tag}.gpkg"}, folder / f"ours_{tag}.log")


PUSH_DOWN = """
DROP TABLE IF EXISTS zones_cut, pushdown;
CREATE TABLE zones_cut AS
  SELECT class, ST_Subdivide(ST_UnaryUnion(ST_Collect(ST_MakeValid(geom))), 256) AS geom FROM zones GROUP BY class;
CREATE INDEX ON zones_cut USING gist (geom);
ANALYZE zones_cut;
CREATE TABLE pushdown AS
  SELECT p.fid AS parcel_id, z.class,
         sum(CASE WHEN ST_Covers(z.geom, p.geom) THEN ST_Area(p.geom)
                  ELSE ST_Area(ST_Intersection(p.geom, z.geom)) END) AS area
  FROM {parcels} p JOIN zones_cut z ON ST_Intersects(p.geom, z.geom)
  GROUP BY 1, 2;
"""


def push_down(server, parcels_table, folder):
    sql = PUSH_DOWN.format(parcels=parcels_table)
    command = ["psql", "-h", "127.0.0.1", "-p", str(server.port), "-U", postgis_server.USER,
               "-d", postgis_server.DATABASE, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql]
    with open(folder / "pushdown.log", "w") as handle:
        run = run_child(command, env=dict(os.environ, PGPASSWORD=postgis_server.PASSWORD), stdout=handle,
                        stderr=handle)
    if run.status:
        raise SystemExit((folder / "pushdown.log").read_text())
    return run.seconds, run.peak_mb


def areas_child(conninfo, table):
    """The child of ``--areas``: our overlay alone (areas per parcel and class, 2 threads), parcels and zones
    read from PostGIS with pyogrio, as the push-down SQL computes them; prints the seconds."""
    from common import plugin_import_path

    plugin_import_path()
    import pyogrio
    import shapely

    from alliance_territories.alliance_plugin.core import tenure

    start = time.perf_counter()
    options = {"PASSWORD": os.environ["PGPASSWORD"]}
    parcels = pyogrio.read_dataframe(conninfo, sql=f"SELECT fid, geom FROM {table}", **options)
    zones = pyogrio.read_dataframe(conninfo, sql="SELECT class, geom FROM zones", **options)
    tenure.overlay_areas(parcels.geometry.values, zones.geometry.values, parcel_ids=parcels["fid"].to_numpy(),
                         zone_classes=zones["class"].to_numpy(dtype=object), workers=2)
    print(f"{time.perf_counter() - start:.3f}")
    del shapely


def areas_ours(server, table, folder):
    conninfo = f"PG:host=127.0.0.1 port={server.port} dbname={postgis_server.DATABASE} user={postgis_server.USER}"
    log = folder / "areas.log"
    with open(log, "w") as handle:
        run = run_child([sys.executable, __file__, "--areas", conninfo, table], stdout=handle, stderr=handle,
                        env=dict(os.environ, PGPASSWORD=postgis_server.PASSWORD))
    if run.status:
        raise SystemExit(log.read_text())
    return run.seconds, run.peak_mb


def native_chain(server, parcels_table, folder, timeout):
    steps = [
        ("native:intersection", {"INPUT": pg_layer(server, parcels_table, "fid"),
                                 "OVERLAY": pg_layer(server, "zones", "fid"),
                                 "INPUT_FIELDS": "parcel_id", "OVERLAY_FIELDS": "class",
                                 "OUTPUT": folder / "pieces.gpkg"}),
        ("native:fieldcalculator", {"INPUT": folder / "pieces.gpkg", "FIELD_NAME": "area", "FIELD_TYPE": 0,
                                    "FIELD_LENGTH": 20, "FIELD_PRECISION": 6, "FORMULA": "$area",
                                    "OUTPUT": folder / "pieces_area.gpkg"}),
        ("qgis:statisticsbycategories", {"INPUT": folder / "pieces_area.gpkg", "VALUES_FIELD_NAME": "area",
                                         "CATEGORIES_FIELD_NAME": ["parcel_id", "class"],
                                         "OUTPUT": folder / "stats.gpkg"}),
    ]
    total, peak, start = 0.0, 0.0, time.perf_counter()
    for number, (algorithm, parameters) in enumerate(steps):
        left = timeout - (time.perf_counter() - start)
        done = qgis_process(algorithm, parameters, folder / f"native_{number}.log", timeout=max(left, 1))
        if done is None:
            return None
        total, peak = total + done[0], max(peak, done[1])
    return total, peak


def class_totals_ours(server, table):
    columns = server.psql("SELECT string_agg(format('sum(%I)', column_name), ', ' ORDER BY column_name) "
                          f"FROM information_schema.columns WHERE table_name = '{table}' "
                          "AND column_name LIKE 'area\\_zoning\\_%'")
    names = server.psql("SELECT string_agg(column_name, ',' ORDER BY column_name) FROM information_schema.columns "
                        f"WHERE table_name = '{table}' AND column_name LIKE 'area\\_zoning\\_%'").split(",")
    values = server.psql(f'SELECT {columns} FROM "{table}"').split("|")
    return {name[len("area_zoning_"):]: float(v) for name, v in zip(names, values)}


def class_totals_pushdown(server):
    rows = server.psql("SELECT class, sum(area) FROM pushdown GROUP BY class ORDER BY class").splitlines()
    return {c: float(v) for c, v in (row.split("|") for row in rows)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--native-max", type=int, default=100_000, help="largest size for QGIS's native chain")
    parser.add_argument("--native-timeout", type=float, default=900.0, help="seconds for the whole native chain")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each side, alternating the order")
    parser.add_argument("--areas", nargs=2, help=argparse.SUPPRESS)  # the child of areas_ours
    args = parser.parse_args()
    if args.areas:
        return areas_child(*args.areas)
    import geopandas as gpd
    import pyogrio
    import shapely

    server = postgis_server.Server(postgis_server.server_binaries()).start()
    password = {"PASSWORD": postgis_server.PASSWORD}
    base = f"PG:host=127.0.0.1 port={server.port} dbname={postgis_server.DATABASE} user={postgis_server.USER}"
    try:
        zones, classes = make_zones(2000)
        zone_frame = gpd.GeoDataFrame({"class": classes}, geometry=shapely.make_valid(zones), crs="EPSG:2154")
        print(f"{load_average()}; zones {len(zone_frame):,} polygons, 8 classes", flush=True)
        rows = []
        with tempfile.TemporaryDirectory(prefix="alliance-bench-pg-") as tmp:
            folder = Path(tmp)
            zones_gpkg = folder / "zones.gpkg"
            pyogrio.write_dataframe(zone_frame, zones_gpkg, layer="zones")
            pyogrio.write_dataframe(zone_frame, base, layer="zones", driver="PostgreSQL", dataset_options=password,
                                    layer_options={"FID": "fid", "GEOMETRY_NAME": "geom"})
            for number, n in enumerate(args.sizes):
                statut = np.where(np.arange(n) % 4 == 0, "squat", "titre foncier")
                frame = gpd.GeoDataFrame({"parcel_id": np.arange(n), "statut": statut}, geometry=make_parcels(n),
                                         crs="EPSG:2154")
                gpkg = folder / f"parcels_{n}.gpkg"
                pyogrio.write_dataframe(frame, gpkg, layer="parcels")
                table = f"parcels_{n}"
                pyogrio.write_dataframe(frame, base, layer=table, driver="PostgreSQL", dataset_options=password,
                                        layer_options={"FID": "fid", "GEOMETRY_NAME": "geom"})
                del frame
                server.psql(f"VACUUM ANALYZE {table}")
                pg_inputs = (pg_layer(server, table, "fid"), pg_layer(server, "zones", "fid"))
                file_inputs = (f"{gpkg}|layername=parcels", f"{zones_gpkg}|layername=zones")
                out_table = f"tenure_{n}"
                def gpkg_run(tag):
                    out = folder / f"out_{n}_{tag}.gpkg"
                    return ours(file_inputs, out, folder, f"gpkg_{n}_{tag}")

                runs = {
                    "ours from PostGIS": lambda tag: ours(pg_inputs, "postgis:" + server.uri(table=out_table),
                                                          folder, f"pg_{n}_{tag}"),
                    "ours from GeoPackage": gpkg_run,
                    "push-down SQL (areas only)": lambda tag: push_down(server, table, folder),
                    "our overlay alone (areas only)": lambda tag: areas_ours(server, table, folder),
                }
                figures = {name: [] for name in runs}
                for repeat in range(args.repeat):
                    order = list(runs) if (number + repeat) % 2 == 0 else list(reversed(runs))
                    for name in order:
                        seconds, peak = runs[name](repeat)
                        figures[name].append((seconds, peak))
                        print(f"  {n:,} {name}: {seconds:.1f} s, {peak:,.0f} MB ({load_average()})", flush=True)
                figures = {name: (min(s for s, _ in runs_), max(p for _, p in runs_))
                           for name, runs_ in figures.items()}
                ours_totals, sql_totals = class_totals_ours(server, out_table), class_totals_pushdown(server)
                worst = max(abs(ours_totals[k] - sql_totals.get(k, 0.0)) / max(ours_totals[k], 1e-9)
                            for k in ours_totals)
                print(f"  {n:,}: area per class, ours vs push-down: largest relative difference {worst:.1e}",
                      flush=True)
                native = None
                if n <= args.native_max:
                    native = native_chain(server, table, folder, args.native_timeout)
                    print(f"  {n:,} QGIS native chain on PostGIS: " + (
                        f"{native[0]:.1f} s, {native[1]:,.0f} MB" if native else
                        f"stopped after the {args.native_timeout:.0f} s timeout") + f" ({load_average()})",
                        flush=True)
                pg, gp, sql, alone = (figures[k] for k in runs)
                rows.append(f"{n:>10,} {pg[0]:>8.1f} s {pg[1]:>6,.0f} MB {gp[0]:>8.1f} s {gp[1]:>6,.0f} MB "
                            f"{pg[0] / gp[0]:>7.2f}x {alone[0]:>8.1f} s {sql[0]:>8.1f} s {sql[0] / alone[0]:>7.2f}x "
                            + (f"{native[0]:>8.1f} s {native[0] / pg[0]:>7.1f}x" if native else
                               f"{'-':>10} {'-':>8}"))
                server.psql(f"DROP TABLE IF EXISTS {table}, {out_table}, pushdown")
        print()
        print("Best of the repeats; peak: the largest (os.wait4's ru_maxrss of the child; psql's is not the "
              "server's memory). 'areas': our overlay alone vs the push-down SQL, both reading PostGIS.")
        print(f"{'parcels':>10} {'ours PG':>10} {'peak':>9} {'ours GPKG':>10} {'peak':>9} {'PG/GPKG':>8} "
              f"{'areas ours':>10} {'areas SQL':>10} {'SQL/ours':>8} {'native':>10} {'nat/PG':>8}")
        print("\n".join(rows))
        print(load_average())
    finally:
        server.stop()


if __name__ == "__main__":
    main()
