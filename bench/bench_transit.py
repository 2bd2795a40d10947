"""alliance:transitaccess against QGIS's native chain, on a generated city (prints figures; not a test).

Generates once, seeded, a city in Lambert-93 (EPSG:2154) as three GeoPackages:

- ``streets.gpkg``: about 200,000 straight segments on a jittered grid of 80 m
  blocks with about 10 % of the links missing, as LineString features of up to
  four segments (a street runs until a missing link or a feature break);
- ``stops.gpkg``: 2,000 stops near the streets, text field ``mode`` (about 80 %
  ``bus``, 20 % ``rail``);
- ``population.gpkg``: 1,000,000 points spread over the city (most of them
  tens of metres off the streets), numeric field ``pop``.

Then, for each number of stops k (default 5, 20 and 50: the first k stops),
alternating in this process tree (ours, native, native, ours, ... for
``--rounds`` rounds):

- ours: the whole ``qgis_process.bin run alliance:transitaccess`` (start,
  read, snap, walk, write the million people with their access, the shares and
  the service areas), 500 m to bus stops and 1,000 m to rail stops, snap 200 m;
- native: the chain a QGIS user would build, each step a ``qgis_process.bin``
  run: ``native:serviceareafromlayer`` (shortest, both directions) once for
  the bus stops at 500 m and once for the rail stops at 1,000 m,
  ``native:mergevectorlayers`` of the line outputs, ``native:buffer`` (50 m,
  dissolved) and ``native:countpointsinpolygon`` weighted by ``pop``; its time
  is the sum of the steps, its peak the largest step's.

Each run's wall time and peak resident memory come from ``os.wait4`` (this
process stays small: the city is generated in a child, so the children's peaks
are theirs); the load average is printed with every figure, and the ratio is
native / ours for the best of each side and per round. The population each
side finds with access is printed as a sanity check (the native chain counts
the people within 50 m of the reached streets, ours walks from each one: close,
not equal).

    . scripts/env.sh && .venv/bin/python bench/bench_transit.py --workdir /tmp/city
    . scripts/env.sh && .venv/bin/python bench/bench_transit.py --segments 20000 --stops 200 \\
        --points 100000 --stop-counts 5 50 --rounds 1                       # quick check
"""

import argparse
import json
import multiprocessing
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import alternate, load_average, qgis_env, run_child  # noqa: E402

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


# ----------------------------------------------------------------------------- runs


def run(args, log, env=None):
    """One ``qgis_process.bin`` run: (:class:`common.ChildRun`), its output in ``log``."""
    with open(log, "w") as handle:
        return run_child([QGIS_PROCESS, *args], env=env or qgis_env(), stdout=handle, stderr=handle)


def tail(log, lines=15):
    text = Path(log).read_text(errors="replace").strip().splitlines()
    noise = ("QStandardPaths", "DeprecationWarning: setapi")
    return "\n".join("      | " + line for line in [x for x in text if not x.startswith(noise)][-lines:])


def stop_subset(folder, k):
    """The first ``k`` stops: one file with both modes (ours), one per mode (the native chain)."""
    import pyogrio

    work = folder / f"stops_{k}"
    work.mkdir(exist_ok=True)
    stops = pyogrio.read_dataframe(folder / "stops.gpkg", layer="stops").iloc[:k]
    paths = {"all": work / "stops.gpkg"}
    if not paths["all"].exists():
        pyogrio.write_dataframe(stops, paths["all"], layer="stops")
    for mode in ("bus", "rail"):
        part = stops[stops["mode"] == mode]
        paths[mode] = None
        if len(part):
            paths[mode] = work / f"stops_{mode}.gpkg"
            if not paths[mode].exists():
                pyogrio.write_dataframe(part, paths[mode], layer="stops")
    return paths, {mode: int((stops["mode"] == mode).sum()) for mode in ("bus", "rail")}


def ours(folder, k, paths, number):
    """The whole alliance:transitaccess run on the first ``k`` stops."""
    import pandas as pd

    out = folder / f"ours_{k}_{number}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    args = ["run", "alliance:transitaccess", "--",
            f"POPULATION={folder / 'population.gpkg'}|layername=population", "POPULATION_FIELD=pop",
            f"STOPS={paths['all']}|layername=stops", "CAPACITY_FIELD=mode",
            f"NETWORK={folder / 'streets.gpkg'}|layername=streets", f"SNAP_TOLERANCE={SNAP_TOLERANCE:g}",
            f"LOW_DISTANCE={LOW_DISTANCE:g}", f"HIGH_DISTANCE={HIGH_DISTANCE:g}",
            f"OUTPUT={out / 'points.gpkg'}", f"OUTPUT_SHARES={out / 'shares.csv'}",
            f"OUTPUT_AREAS={out / 'areas.gpkg'}"]
    load = os.getloadavg()[0]
    child = run(args, out / "run.log")
    figures = {"seconds": child.seconds, "peak_mb": child.peak_mb, "load": load, "ok": child.status == 0,
               "log": out / "run.log"}
    if figures["ok"]:
        table = pd.read_csv(out / "shares.csv")  # first row: the whole population
        figures["with_access"] = float(table["with_access"].iloc[0])
    for name in ("points.gpkg", "areas.gpkg"):
        (out / name).unlink(missing_ok=True)
    return figures


def native(folder, k, paths, counts, number):
    """The native chain on the first ``k`` stops: the sum of its steps, the largest step's peak."""
    import pyogrio

    work = folder / f"native_{k}_{number}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
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
                  ["run", "native:buffer", *qgis_options, "--", f"INPUT={work / 'sa.gpkg'}",
                   f"DISTANCE={NATIVE_BUFFER:g}", "SEGMENTS=5", "END_CAP_STYLE=0", "JOIN_STYLE=0", "MITER_LIMIT=2",
                   "DISSOLVE=1", f"OUTPUT={work / 'zone.gpkg'}"]))
    steps.append(("countpointsinpolygon weighted by pop",
                  ["run", "native:countpointsinpolygon", *qgis_options, "--", f"POLYGONS={work / 'zone.gpkg'}",
                   f"POINTS={population}", "WEIGHT=pop", "FIELD=NUMPOINTS", f"OUTPUT={work / 'count.gpkg'}"]))
    figures = {"seconds": 0.0, "peak_mb": 0.0, "load": os.getloadavg()[0], "ok": True, "steps": []}
    for number_, (label, args) in enumerate(steps):
        log = work / f"step_{number_}.log"
        child = run(args, log)
        figures["steps"].append((label, child.seconds, child.peak_mb))
        figures["seconds"] += child.seconds
        figures["peak_mb"] = max(figures["peak_mb"], child.peak_mb)
        if child.status != 0:
            figures.update(ok=False, log=log)
            break
    if figures["ok"]:
        count = pyogrio.read_dataframe(work / "count.gpkg", read_geometry=False)
        figures["with_access"] = float(count["NUMPOINTS"].sum())
    shutil.rmtree(work, ignore_errors=True)
    return figures


def plugin_available(folder):
    return run(["help", "alliance:transitaccess"], folder / "help_transitaccess.log").status == 0


# ----------------------------------------------------------------------------- main


def _generate(folder, segments, stops, points, seed, queue):
    queue.put(make_city(folder, segments, stops, points, seed))


def city(folder, args):
    """The city in ``folder``: reused when generated with the same arguments, else made in a child process."""
    wanted = {"segments": args.segments, "stops": args.stops, "points": args.points, "seed": args.seed}
    try:
        info = json.loads((folder / "city.json").read_text())
    except (OSError, ValueError):
        info = None
    if info is not None and info.get("asked") == wanted:
        print(f"   reusing the city in {folder}")
        return info
    for old in folder.glob("stops_*"):
        shutil.rmtree(old, ignore_errors=True)
    start = time.perf_counter()
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_generate, args=(folder, args.segments, args.stops, args.points, args.seed,
                                                     queue))
    child.start()
    info = queue.get()
    child.join()
    info["asked"] = wanted
    (folder / "city.json").write_text(json.dumps(info))
    print(f"   generate and write the city: {time.perf_counter() - start:.1f} s", flush=True)
    return info


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=200_000)
    parser.add_argument("--stops", type=int, default=2_000)
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stop-counts", type=int, nargs="+", default=[5, 20, 50],
                        help="numbers of stops compared (the first ones of the city's)")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each side per number of stops, alternated")
    parser.add_argument("--workdir", type=Path, help="keep (and reuse) the data here instead of a temp folder")
    args = parser.parse_args()

    print(load_average(), flush=True)
    tmp = None
    if args.workdir:
        folder = args.workdir.resolve()
        folder.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="alliance-bench-")
        folder = Path(tmp.name)
    info = city(folder, args)
    print(f"case: {info['segments']:,} segments in {info['features']:,} street features over "
          f"{info['extent_km'][0]:.1f} x {info['extent_km'][1]:.1f} km, {info['points']:,} population points "
          f"({info['population']:,.0f} people); stops: the first {', '.join(map(str, args.stop_counts))} of "
          f"{info['stops']:,}; data in {folder}", flush=True)
    if not plugin_available(folder):
        raise SystemExit("alliance:transitaccess is not available to qgis_process.bin (install the plugin into "
                         "the profile: scripts/package.py --install)")
    summary = []
    for k in args.stop_counts:
        k = min(k, info["stops"])
        paths, counts = stop_subset(folder, k)
        print(f"\n{k} stops ({counts['bus']} bus at {LOW_DISTANCE:g} m, {counts['rail']} rail at "
              f"{HIGH_DISTANCE:g} m)", flush=True)
        rounds = {"n": 0}

        def report(label, figures):
            state = "" if figures["ok"] else f"  FAILED (log {figures['log']})"
            reached = f"; with access {figures['with_access']:,.0f}" if "with_access" in figures else ""
            print(f"   {label:<7} {figures['seconds']:7.2f} s  peak {figures['peak_mb']:6,.0f} MB  "
                  f"(load {figures['load']:.2f} at start){reached}{state}", flush=True)
            if not figures["ok"]:
                print(tail(figures["log"]))
                raise SystemExit(1)
            for label_, seconds, peak in figures.get("steps", ()):
                print(f"           {label_:<44} {seconds:7.2f} s  peak {peak:6,.0f} MB")
            return figures

        def side(label, function):
            return lambda: report(label, function())

        runs = alternate({"ours": side("ours", lambda: ours(folder, k, paths, rounds["n"])),
                          "native": side("native", lambda: native(folder, k, paths, counts, rounds["n"]))},
                         rounds=args.rounds,
                         after_round=lambda n: (rounds.__setitem__("n", n), print(f"   round {n}: {load_average()}",
                                                                                  flush=True)))
        best = {label: min(r["seconds"] for r in results) for label, results in runs.items()}
        peak = {label: max(r["peak_mb"] for r in results) for label, results in runs.items()}
        per_round = [n["seconds"] / o["seconds"] for o, n in zip(runs["ours"], runs["native"])]
        summary.append((k, best, peak, per_round))
        print(f"   best: ours {best['ours']:.2f} s, native {best['native']:.2f} s -> native / ours "
              f"{best['native'] / best['ours']:.2f} x (per round: "
              f"{', '.join(f'{r:.2f}' for r in per_round)}); peak ours {peak['ours']:,.0f} MB, native "
              f"{peak['native']:,.0f} MB", flush=True)

    print(f"\nsummary ({info['segments']:,} segments, {info['points']:,} people; best of {args.rounds} alternated "
          f"runs each; {load_average()}; this process's own peak "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB)")
    print(f"   {'stops':>5}  {'ours':>8}  {'native':>8}  {'native/ours':>11}  {'peak ours':>10}  {'peak native':>11}")
    for k, best, peak, per_round in summary:
        print(f"   {k:>5}  {best['ours']:7.2f}s  {best['native']:7.2f}s  {best['native'] / best['ours']:10.2f}x  "
              f"{peak['ours']:8,.0f}MB  {peak['native']:9,.0f}MB")
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
