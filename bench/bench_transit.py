"""Benchmark of public-transport access (SDG 11.2.1), network variant (prints figures; not a test).

Generates, seeded, a city in Lambert-93 (EPSG:2154) as three GeoPackages:

- ``streets.gpkg``: about 200,000 straight segments on a jittered grid of 80 m
  blocks with about 10 % of the links missing, as LineString features of up to
  four segments (a street runs until a missing link or a feature break);
- ``stops.gpkg``: 2,000 stops near the streets, text field ``mode`` (about 80 %
  ``bus``, 20 % ``rail``);
- ``population.gpkg``: 1,000,000 points spread over the city (most of them
  tens of metres off the streets), numeric field ``pop``.

Then measures:

1. the core on in-memory arrays: the pyogrio read of the three layers (the
   floor), ``network.line_segments`` + ``network.build_network``, and
   ``transit.transit_access(..., snap_tolerance=200, areas=True)`` with 500 m
   for bus stops and 1,000 m for rail stops; peak memory of this process;
2. the whole ``qgis_process.bin run alliance:transitaccess`` (read, compute,
   write the three outputs), wall time and peak memory (``wait4``); skipped
   when the algorithm is not installed;
3. the chain a QGIS user would build with native tools, on growing subsets of
   the stops (same streets and points), each run with a timeout:
   ``native:serviceareafromlayer`` (shortest, both directions) once for the
   bus stops at 500 m and once for the rail stops at 1,000 m,
   ``native:mergevectorlayers`` of the two line outputs, ``native:buffer``
   (50 m, dissolved) and ``native:countpointsinpolygon`` weighted by ``pop``.
   The chain's time at the full number of stops is extrapolated linearly from
   the two largest subsets measured (a lower bound if it grows faster than
   linearly); measured and extrapolated figures are labelled as such.

Target (issue): the network variant under 60 s and at least 10 x faster than
the native chain on 200,000 segments, 2,000 stops, 1,000,000 points.

    . scripts/env.sh && .venv/bin/python bench/bench_transit.py
    . scripts/env.sh && .venv/bin/python bench/bench_transit.py --segments 20000 --stops 200 \\
        --points 100000 --native-stops 10 50 200                      # quick check
    . scripts/env.sh && .venv/bin/python bench/bench_transit.py --native-stops 2000 --timeout 900
                                          # the native chain on all the stops, if you can wait
"""

import argparse
import json
import multiprocessing
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_flows import plugin_import_path  # noqa: E402

QGIS_PROCESS = "/usr/bin/qgis_process.bin"
CRS = "EPSG:2154"
ORIGIN = (640_000.0, 6_850_000.0)
SNAP_TOLERANCE = 200.0
LOW_DISTANCE, HIGH_DISTANCE = 500.0, 1000.0
NATIVE_BUFFER = 50.0
# qgis_process runs the network algorithms only with a project: an empty one, planar distances
PROJECT = """<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis projectname="bench" version="3.22">
  <title>bench</title>
  <projectCrs><spatialrefsys><authid>EPSG:2154</authid></spatialrefsys></projectCrs>
  <properties><Measure><Ellipsoid type="QString">NONE</Ellipsoid></Measure></properties>
</qgis>
"""


# ----------------------------------------------------------------------------- data


def make_streets(n_segments, rng, block=80.0, missing=0.1, jitter=12.0, max_run=4):
    """LineStrings of a jittered grid with missing links: (geometries, number of segments)."""
    import shapely

    # a side of n nodes has 2 n (n - 1) links, of which we keep n_segments (about 1 - missing)
    n = int(np.ceil(0.5 + np.sqrt(0.25 + n_segments / (2 * (1 - missing)))))
    gx = ORIGIN[0] + np.arange(n)[:, None] * block + rng.uniform(-jitter, jitter, (n, n))
    gy = ORIGIN[1] + np.arange(n)[None, :] * block + rng.uniform(-jitter, jitter, (n, n))
    line = np.arange(n)
    pos = np.arange(n - 1)
    # horizontal links (i, j) -> (i + 1, j): line j, position i; vertical: line n + i, position j
    h_line, h_pos = np.repeat(line, n - 1), np.tile(pos, n)
    h_a = np.column_stack([gx[h_pos, h_line], gy[h_pos, h_line]])
    h_b = np.column_stack([gx[h_pos + 1, h_line], gy[h_pos + 1, h_line]])
    v_line, v_pos = np.repeat(line, n - 1), np.tile(pos, n)
    v_a = np.column_stack([gx[v_line, v_pos], gy[v_line, v_pos]])
    v_b = np.column_stack([gx[v_line, v_pos + 1], gy[v_line, v_pos + 1]])
    lines = np.concatenate([h_line, n + v_line])
    positions = np.concatenate([h_pos, v_pos])
    a, b = np.vstack([h_a, v_a]), np.vstack([h_b, v_b])
    keep = np.sort(rng.choice(len(a), size=min(n_segments, len(a)), replace=False))
    lines, positions, a, b = lines[keep], positions[keep], a[keep], b[keep]
    # a feature breaks at a missing link, a new line, or every max_run links (random phase per line)
    phase = rng.integers(0, max_run, 2 * n)
    new = np.ones(len(a), dtype=bool)
    new[1:] = (lines[1:] != lines[:-1]) | (positions[1:] != positions[:-1] + 1)
    new |= (positions + phase[lines]) % max_run == 0
    feature = np.cumsum(new) - 1
    last = np.flatnonzero(np.append(new[1:], True))
    coords = np.insert(a, last + 1, b[last], axis=0)
    index = np.insert(feature, last + 1, feature[last])
    geoms = shapely.linestrings(coords, indices=index)
    return geoms, len(a), (a, b)


def make_city(folder, n_segments, n_stops, n_points, seed=0):
    """Write streets, stops and population GeoPackages in ``folder``; return a description."""
    import geopandas as gpd
    import pyogrio
    import shapely

    rng = np.random.default_rng(seed)
    geoms, n_seg, (a, b) = make_streets(n_segments, rng)
    pyogrio.write_dataframe(gpd.GeoDataFrame({"street_id": np.arange(len(geoms), dtype=np.int32)},
                                             geometry=geoms, crs=CRS), folder / "streets.gpkg", layer="streets")
    # stops: along a random link, up to about 15 m off it
    link = rng.integers(0, len(a), n_stops)
    t = rng.uniform(0.1, 0.9, n_stops)[:, None]
    d = b[link] - a[link]
    normal = np.column_stack([-d[:, 1], d[:, 0]]) / np.hypot(*d.T)[:, None]
    stop_xy = a[link] + t * d + normal * rng.normal(0, 8, n_stops)[:, None]
    mode = np.where(rng.uniform(0, 1, n_stops) < 0.2, "rail", "bus")
    pyogrio.write_dataframe(gpd.GeoDataFrame({"stop_id": [f"S{i:05d}" for i in range(n_stops)], "mode": mode},
                                             geometry=shapely.points(stop_xy), crs=CRS),
                            folder / "stops.gpkg", layer="stops")
    # population: uniform over the city's extent, a gamma-distributed count per point
    lo, hi = np.minimum(a.min(0), b.min(0)), np.maximum(a.max(0), b.max(0))
    pts = rng.uniform(lo, hi, (n_points, 2))
    pop = np.round(rng.gamma(2.0, 6.0, n_points), 1)
    pyogrio.write_dataframe(gpd.GeoDataFrame({"pop": pop}, geometry=shapely.points(pts), crs=CRS),
                            folder / "population.gpkg", layer="population")
    info = {"segments": int(n_seg), "features": int(len(geoms)), "stops": int(n_stops),
            "rail": int((mode == "rail").sum()), "points": int(n_points), "population": float(pop.sum()),
            "extent_km": [float((hi - lo)[0] / 1000), float((hi - lo)[1] / 1000)], "seed": seed}
    (folder / "city.json").write_text(json.dumps(info))
    return info


# ----------------------------------------------------------------------------- core


def clock(label, function, note=""):
    start = time.perf_counter()
    result = function()
    elapsed = time.perf_counter() - start
    print(f"   {label:<48} {elapsed:8.2f} s{note}", flush=True)
    return result, elapsed


def core(folder):
    """Time the core in process; return a dict of figures."""
    import pandas as pd
    import pyogrio
    import shapely

    from alliance_territories.alliance_plugin.core import network, transit

    def read():
        streets = pyogrio.read_dataframe(folder / "streets.gpkg", layer="streets").geometry.to_numpy()
        stops = pyogrio.read_dataframe(folder / "stops.gpkg", layer="stops")
        population = pyogrio.read_dataframe(folder / "population.gpkg", layer="population")
        return streets, stops, population

    (streets, stops, population), t_read = clock("read the three layers (pyogrio, the floor)", read)

    def build():
        a, b, owner = network.line_segments(streets)
        return network.build_network((a, b), owner=owner)

    net, t_build = clock("line_segments + build_network", build)
    points_xy = shapely.get_coordinates(population.geometry.to_numpy())
    classes, _ = transit.capacity_classes(stops["mode"])
    stop_xy = shapely.get_coordinates(stops.geometry.to_numpy())
    stops_df = pd.DataFrame({"x": stop_xy[:, 0], "y": stop_xy[:, 1],
                             "access_distance": np.where(classes == "high", HIGH_DISTANCE, LOW_DISTANCE)})
    result, t_access = clock("transit_access (snap 200 m, areas=True)",
                             lambda: transit.transit_access(net, points_xy, stops_df,
                                                            snap_tolerance=SNAP_TOLERANCE, areas=True))
    shares = transit.access_shares(result.points["access"].to_numpy(), population["pop"].to_numpy())
    total = t_read + t_build + t_access
    attrs = result.points.attrs
    return {"read": t_read, "build": t_build, "access": t_access, "total": total, "compute": t_build + t_access,
            "share": float(shares["share"].iloc[0]), "nodes": int(net.n_nodes), "segments": int(len(net.u)),
            "parts": attrs.get("parts"), "unsnapped_points": attrs.get("unsnapped_points"),
            "unsnapped_stops": attrs.get("unsnapped_stops"),
            "areas": int(result.areas["geometry"].notna().sum()),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "_subset": lambda k: _subset_share(net, points_xy, stops_df.iloc[:k], population["pop"].to_numpy())}


def _subset_share(net, points_xy, stops_df, pop):
    """Population with access from the first stops only (untimed, to compare with the native chain)."""
    from alliance_territories.alliance_plugin.core import transit

    access = transit.transit_access(net, points_xy, stops_df, snap_tolerance=SNAP_TOLERANCE).points["access"]
    return float(pop[access.to_numpy()].sum())


# ----------------------------------------------------------------------------- qgis_process


TIME = shutil.which("time", path="/usr/bin:/bin")


def run_qgis(args, log, timeout=None):
    """Run qgis_process.bin; return (status, seconds, peak MB); status 'ok', 'failed' or 'timeout'.

    The peak comes from ``/usr/bin/time`` when present: a child's ``ru_maxrss``
    seen by ``wait4`` would start from this process's own size at the fork.
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    peak_file = Path(f"{log}.rss")
    command = [QGIS_PROCESS, *args]
    if TIME:
        command = [TIME, "-f", "%M", "-o", str(peak_file), *command]
    status = "ok"
    with open(log, "w") as handle:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=handle, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        while True:
            pid, code, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                status = "ok" if code == 0 else "failed"
                break
            if timeout is not None and time.perf_counter() - start > timeout:
                code, usage = _stop(process.pid)
                status = "timeout"
                break
            time.sleep(0.05)
        elapsed = time.perf_counter() - start
    process.returncode = code
    peak = usage.ru_maxrss / 1024
    if TIME and status != "timeout":
        try:
            peak = int(peak_file.read_text().split()[-1]) / 1024
        except (OSError, ValueError, IndexError):
            pass
    return status, elapsed, peak


def _stop(pid):
    """Kill the qgis_process.bin we started (the child of ``time``, which then exits), else the session.

    Returns ``wait4``'s status and usage of ``pid``.
    """
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    for child in children:
        try:
            os.kill(int(child), 9)
        except OSError:
            pass
    deadline = time.perf_counter() + 5
    while children and time.perf_counter() < deadline:
        done, code, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return code, usage
        time.sleep(0.05)
    try:
        os.killpg(pid, 9)  # the session started in run_qgis: time and qgis_process.bin
    except OSError:
        pass
    _, code, usage = os.wait4(pid, 0)
    return code, usage


def tail(log, lines=15):
    text = Path(log).read_text(errors="replace").strip().splitlines()
    noise = ("QStandardPaths", "DeprecationWarning: setapi")
    return "\n".join("      | " + line for line in [x for x in text if not x.startswith(noise)][-lines:])


def plugin_available(folder):
    status, _, _ = run_qgis(["help", "alliance:transitaccess"], folder / "help_transitaccess.log", timeout=120)
    return status == "ok"


def plugin_run(folder, timeout):
    out = folder / "plugin_out"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    args = ["run", "alliance:transitaccess", "--",
            f"POPULATION={folder / 'population.gpkg'}|layername=population", "POPULATION_FIELD=pop",
            f"STOPS={folder / 'stops.gpkg'}|layername=stops", "CAPACITY_FIELD=mode",
            f"NETWORK={folder / 'streets.gpkg'}|layername=streets", f"SNAP_TOLERANCE={SNAP_TOLERANCE:g}",
            f"LOW_DISTANCE={LOW_DISTANCE:g}", f"HIGH_DISTANCE={HIGH_DISTANCE:g}",
            f"OUTPUT={out / 'points.gpkg'}", f"OUTPUT_SHARES={out / 'shares.csv'}",
            f"OUTPUT_AREAS={out / 'areas.gpkg'}"]
    log = folder / "plugin_run.log"
    status, seconds, peak = run_qgis(args, log, timeout)
    share = None
    if status == "ok" and (out / "shares.csv").exists():
        try:
            import pandas as pd

            table = pd.read_csv(out / "shares.csv")
            if "share" in table.columns:
                share = float(table["share"].iloc[0])
            elif "share_pct" in table.columns:
                share = float(table["share_pct"].iloc[0]) / 100
        except Exception:  # noqa: BLE001 - the output's shape is someone else's choice
            share = None
    return {"status": status, "seconds": seconds, "peak_mb": peak, "log": log, "share": share}


def native_chain(folder, k, timeout):
    """The native chain on the first ``k`` stops; return a dict with per-step figures."""
    import pyogrio

    work = folder / f"native_{k}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    paths, counts = _subsets(folder, work, k)
    streets = f"{folder / 'streets.gpkg'}|layername=streets"
    population = f"{folder / 'population.gpkg'}|layername=population"
    project = folder / "bench.qgs"
    project.write_text(PROJECT)
    qgis_options = [f"--PROJECT_PATH={project}", "--ELLIPSOID=NONE"]
    steps, lines = [], []
    for mode, cost in (("bus", LOW_DISTANCE), ("rail", HIGH_DISTANCE)):
        if paths[mode] is None:
            continue
        lines.append(work / f"sa_{mode}.gpkg")
        steps.append((f"serviceareafromlayer {mode} ({counts[mode]} stops, {cost:g} m)",
                      ["run", "native:serviceareafromlayer", *qgis_options, "--", f"INPUT={streets}", "STRATEGY=0",
                       "DEFAULT_DIRECTION=2", "TOLERANCE=0", f"START_POINTS={paths[mode]}|layername=stops",
                       f"TRAVEL_COST2={cost:g}", "INCLUDE_BOUNDS=0", f"OUTPUT_LINES={lines[-1]}"]))
    steps.append(("mergevectorlayers", ["run", "native:mergevectorlayers", *qgis_options, "--",
                                        *[f"LAYERS={p}" for p in lines], f"CRS={CRS}",
                                        f"OUTPUT={work / 'sa.gpkg'}"]))
    steps.append((f"buffer {NATIVE_BUFFER:g} m, dissolved",
                  ["run", "native:buffer", *qgis_options, "--", f"INPUT={work / 'sa.gpkg'}", f"DISTANCE={NATIVE_BUFFER:g}",
                   "SEGMENTS=5", "END_CAP_STYLE=0", "JOIN_STYLE=0", "MITER_LIMIT=2", "DISSOLVE=1",
                   f"OUTPUT={work / 'zone.gpkg'}"]))
    steps.append(("countpointsinpolygon weighted by pop",
                  ["run", "native:countpointsinpolygon", *qgis_options, "--", f"POLYGONS={work / 'zone.gpkg'}",
                   f"POINTS={population}", "WEIGHT=pop", "FIELD=NUMPOINTS", f"OUTPUT={work / 'count.gpkg'}"]))
    figures = {"k": k, "steps": [], "status": "ok", "total": 0.0, "peak_mb": 0.0}
    start = time.perf_counter()
    for number, (label, args) in enumerate(steps):
        left = None if timeout is None else max(timeout - (time.perf_counter() - start), 1.0)
        log = work / f"step_{number}.log"
        status, seconds, peak = run_qgis(args, log, left)
        figures["steps"].append((label, status, seconds, peak))
        figures["total"] += seconds
        figures["peak_mb"] = max(figures["peak_mb"], peak)
        if status != "ok":
            figures["status"], figures["log"] = status, log
            break
    if figures["status"] == "ok":
        try:
            count = pyogrio.read_dataframe(work / "count.gpkg", read_geometry=False)
            figures["with_access"] = float(count["NUMPOINTS"].sum())
        except Exception as error:  # noqa: BLE001 - a sanity figure only
            figures["with_access"] = None
            print(f"      (could not read the native count: {error})")
    return figures


def _subsets(folder, work, k):
    """The first ``k`` stops split by mode, as a user would select them: (paths, counts)."""
    import pyogrio

    stops = pyogrio.read_dataframe(folder / "stops.gpkg", layer="stops").iloc[:k]
    paths, counts = {}, {}
    for mode in ("bus", "rail"):
        part = stops[stops["mode"] == mode]
        counts[mode] = len(part)
        paths[mode] = None
        if len(part):
            paths[mode] = work / f"stops_{mode}.gpkg"
            pyogrio.write_dataframe(part, paths[mode], layer="stops")
    return paths, counts


def extrapolate(measured, n_stops):
    """Time at ``n_stops`` from (stops, seconds) pairs: linear through the two largest, else proportional."""
    measured = sorted(measured)
    if not measured:
        return None, "nothing measured"
    if measured[-1][0] >= n_stops:
        return measured[-1][1], "measured"
    if len(measured) >= 2:
        (k1, t1), (k2, t2) = measured[-2], measured[-1]
        slope = (t2 - t1) / (k2 - k1)
        if slope > 0:
            return t2 + slope * (n_stops - k2), (f"linearly through {k1} and {k2} stops "
                                                 f"({slope:.3f} s per stop + {t2 - slope * k2:.1f} s fixed)")
    k, t = measured[-1]
    return t * n_stops / k, f"proportionally from {k} stops"


# ----------------------------------------------------------------------------- main


def _generate(folder, segments, stops, points, seed, queue):
    queue.put(make_city(folder, segments, stops, points, seed))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=200_000)
    parser.add_argument("--stops", type=int, default=2_000)
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path, help="keep (and reuse) the data here instead of a temp folder")
    parser.add_argument("--native-stops", type=int, nargs="*", default=[10, 50, 200, 500],
                        help="subset sizes for the native chain (none: skip it)")
    parser.add_argument("--timeout", type=float, default=480.0,
                        help="seconds allowed to each native chain and to the plugin run")
    parser.add_argument("--skip-plugin", action="store_true")
    args = parser.parse_args()
    plugin_import_path()

    print(f"load average {os.getloadavg()[0]:.2f}; {os.cpu_count()} cores", flush=True)
    tmp = None
    if args.workdir:
        folder = args.workdir.resolve()
        folder.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="alliance-bench-")
        folder = Path(tmp.name)
    wanted = {"segments": args.segments, "stops": args.stops, "points": args.points, "seed": args.seed}
    try:
        info = json.loads((folder / "city.json").read_text())
    except (OSError, ValueError):
        info = None
    if info is None or info.get("asked") != wanted:
        # generated in a child process, so that this process's peak memory is the core's
        start = time.perf_counter()
        queue = multiprocessing.get_context("fork").Queue()
        child = multiprocessing.get_context("fork").Process(
            target=_generate, args=(folder, args.segments, args.stops, args.points, args.seed, queue))
        child.start()
        info = queue.get()
        child.join()
        info["asked"] = wanted
        (folder / "city.json").write_text(json.dumps(info))
        print(f"   {'generate and write the city':<48} {time.perf_counter() - start:8.2f} s", flush=True)
    else:
        print(f"   reusing the city in {folder}")
    print(f"case: {info['segments']:,} segments in {info['features']:,} street features over "
          f"{info['extent_km'][0]:.1f} x {info['extent_km'][1]:.1f} km, {info['stops']:,} stops "
          f"({info['rail']:,} rail), {info['points']:,} population points ({info['population']:,.0f} people); "
          f"data in {folder}", flush=True)

    print("1. core, in process")
    ours = core(folder)
    print(f"   {'total (read + build + access)':<48} {ours['total']:8.2f} s  (target < 60 s)")
    print(f"   network: {ours['nodes']:,} nodes, {ours['segments']:,} segments, {ours['parts']} parts; "
          f"unsnapped: {ours['unsnapped_points']:,} points, {ours['unsnapped_stops']} stops; "
          f"{ours['areas']:,} service areas drawn")
    print(f"   share of population with access: {ours['share']:.4f}; peak memory of this process "
          f"{ours['peak_mb']:,.0f} MB", flush=True)

    print("2. alliance:transitaccess through qgis_process.bin")
    plugin = None
    if args.skip_plugin:
        print("   skipped (--skip-plugin)")
    elif not plugin_available(folder):
        print("   skipped: alliance:transitaccess not available")
    else:
        plugin = plugin_run(folder, args.timeout)
        if plugin["status"] == "ok":
            share = "" if plugin["share"] is None else f"; share {plugin['share']:.4f}"
            print(f"   {'whole algorithm':<48} {plugin['seconds']:8.2f} s  peak {plugin['peak_mb']:,.0f} MB"
                  f"{share}  (target < 60 s)")
        else:
            print(f"   {plugin['status']} after {plugin['seconds']:.1f} s (log {plugin['log']}):")
            print(tail(plugin["log"]))
    sys.stdout.flush()

    print(f"3. native chain: serviceareafromlayer (bus {LOW_DISTANCE:g} m, rail {HIGH_DISTANCE:g} m) -> "
          f"mergevectorlayers -> buffer {NATIVE_BUFFER:g} m dissolved -> countpointsinpolygon (WEIGHT=pop)")
    measured, bound = [], None
    for k in sorted(set(min(k, info["stops"]) for k in args.native_stops)):
        figures = native_chain(folder, k, args.timeout)
        for label, status, seconds, peak in figures["steps"]:
            flag = "" if status == "ok" else f"  {status.upper()}"
            print(f"   [{k:>5} stops] {label:<44} {seconds:8.2f} s  peak {peak:6,.0f} MB{flag}", flush=True)
        if figures["status"] == "timeout":
            bound = (k, figures["total"])
            print(f"   [{k:>5} stops] chain timed out (limit {args.timeout:g} s per chain): more than "
                  f"{figures['total']:.0f} s, a measured lower bound; larger subsets not tried", flush=True)
            break
        if figures["status"] != "ok":
            print(f"   [{k:>5} stops] chain failed; larger subsets not tried")
            print(tail(figures["log"]))
            break
        print(f"   [{k:>5} stops] {'chain total (measured)':<44} {figures['total']:8.2f} s", flush=True)
        native_pop = figures.get("with_access")
        if native_pop is not None:
            our_pop = ours["_subset"](k)
            print(f"   [{k:>5} stops] population reached: native (within {NATIVE_BUFFER:g} m of the lines) "
                  f"{native_pop:,.0f} = {native_pop / info['population']:.4f}; ours on the same stops "
                  f"{our_pop:,.0f} = {our_pop / info['population']:.4f} (sanity, untimed)", flush=True)
        measured.append((k, figures["total"]))
    native_full, how = extrapolate(measured, info["stops"])
    if native_full is not None:
        print(f"   chain at {info['stops']:,} stops: {native_full:,.1f} s "
              f"({how if how == 'measured' else 'extrapolated ' + how})")
    lower = bound is not None and bound[0] >= info["stops"] and (native_full is None or native_full < bound[1])
    if lower:
        native_full, how = bound[1], f"(lower bound: timed out at {bound[0]:,} stops)"
        print(f"   chain at {info['stops']:,} stops: more than {native_full:,.0f} s (timed out; "
              "ratios below are lower bounds)")
    if native_full is None:
        print("   chain not measured")

    print()
    print("summary" + ("" if info["stops"] >= 2000 else " (reduced scale)"))
    print(f"   case                     {info['segments']:,} segments, {info['stops']:,} stops, "
          f"{info['points']:,} points; load average now {os.getloadavg()[0]:.2f}")
    print(f"   core read (floor)        {ours['read']:8.2f} s   measured")
    print(f"   core build network       {ours['build']:8.2f} s   measured")
    print(f"   core transit_access      {ours['access']:8.2f} s   measured")
    print(f"   core total               {ours['total']:8.2f} s   measured, peak {ours['peak_mb']:,.0f} MB, "
          f"share {ours['share']:.4f}  (target < 60 s: {'met' if ours['total'] < 60 else 'NOT met'})")
    if plugin and plugin["status"] == "ok":
        print(f"   alliance:transitaccess   {plugin['seconds']:8.2f} s   measured, peak {plugin['peak_mb']:,.0f} MB "
              f"(target < 60 s: {'met' if plugin['seconds'] < 60 else 'NOT met'})")
    elif plugin:
        print(f"   alliance:transitaccess   {plugin['status']}")
    else:
        print("   alliance:transitaccess   skipped (not available)" if not args.skip_plugin else
              "   alliance:transitaccess   skipped")
    for k, seconds in measured:
        print(f"   native chain, {k:>5} stops {seconds:8.2f} s   measured")
    if bound is not None:
        print(f"   native chain, {bound[0]:>5} stops > {bound[1]:6.0f} s   measured lower bound (timed out)")
    if native_full is not None:
        if lower:
            print(f"   native chain, {info['stops']:>5} stops > {native_full:6.0f} s   lower bound (timed out)")
        elif how != "measured":
            print(f"   native chain, {info['stops']:>5} stops {native_full:8.1f} s   EXTRAPOLATED {how}")
        at_least = ">=" if lower else "  "
        print(f"   ratio native / core total      {at_least}{native_full / ours['total']:6.1f} x  (target >= 10 x)")
        if plugin and plugin["status"] == "ok":
            print(f"   ratio native / whole algorithm {at_least}{native_full / plugin['seconds']:6.1f} x  "
                  "(target >= 10 x)")
        if measured and how != "measured":
            k, seconds = measured[-1]
            print(f"   (measured alone: the native chain on {k} stops already takes "
                  f"{seconds / ours['total']:.1f} x our core total on all {info['stops']:,} stops)")
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
