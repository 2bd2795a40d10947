"""Benchmark of the urban-growth batch job (LEI patches by tile) on a dask cluster against the single machine.

Generated building footprints in Lambert-93 (EPSG:2154) for two dates, about
150 buildings per km2 (:func:`make_buildings`): towns and villages of Zipf
sizes whose density decays from their centre, hamlets in the countryside,
rectangles of 60 to 400 m2 on a 22 m lattice; the second date repeats the
first and adds about 12 %: infill in the towns' empty lots, edge expansion at
their rims (lots, and rows of touching terraced houses), extensions against
old buildings, scattered outlying buildings. Each date is written as four
GeoPackages, one per quadrant (a "département"), read through a glob as BD
TOPO would be; the territories are a jittered grid of ~16 km2 "communes" with
a text ``code``.

For each size (200,000 and 1,000,000 buildings at the second date by
default), alternating (``bench/common.alternate``, ``--rounds``):

1. ours: ``scripts/growth_batch.py`` as its own client process against a local
   cluster of ``--workers`` worker processes (one thread each) started here
   for each run, ring ``--ring`` (halo = ring), tiles of ``--tile-size``: wall time of the
   client process, its peak memory (VmHWM of the client alone) and the largest
   worker peak (VmHWM, and over the worker's baseline after its start: what one
   tile and its halo need);
2. the single machine: one process that reads both dates and the communes
   with pyogrio and runs ``growth_patches`` + ``patch_territories`` +
   ``growth_summary`` on the whole area (as ``alliance:urbangrowth`` and the
   exactness test do): wall time and peak (VmHWM).

The two must give the same number of patches and the same summary per
territory (relative 1e-9); the figures say so. Peaks come from VmHWM read in
each child: ``wait4``'s maxrss of a child spawned by Python (vfork) also holds
this process's own peak.

    .venv/bin/python bench/bench_growth_batch.py
    .venv/bin/python bench/bench_growth_batch.py --sizes 100000 --workers 2 --rounds 2 --tile-size 5000
"""

import argparse
import json
import math
import os
import sys
import tempfile
from pathlib import Path

import numpy as np
from common import ROOT, alternate, clock, load_average, plugin_import_path, run_child

X0, Y0 = 600_000.0, 6_600_000.0  # Lambert-93, on multiples of the tile size
DENSITY = 150.0  # buildings of the second date per km2
LOT = 22.0  # lattice spacing (m): no two lattice buildings overlap
NATIONAL = 50_000_000  # buildings in BD TOPO, France

PEAK = "next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) / 1024.0"

CLIENT = ("import runpy, sys; sys.argv = sys.argv[1:]; sys.path.insert(0, %r)\n"
          "try:\n    runpy.run_path(sys.argv[0], run_name='__main__')\nfinally:\n"
          "    print('CLIENT_PEAK_MB', %s)\n" % (str(ROOT / "scripts"), PEAK))

SINGLE = """
import glob, json, sys, time
sys.path.insert(0, sys.argv[1])
import numpy as np, pyogrio
from alliance_territories.alliance_plugin.core import growth
before_glob, after_glob, communes, ring, min_area, out = sys.argv[2:8]
start = time.perf_counter()
def read(pattern):
    return np.concatenate([pyogrio.read_dataframe(f, columns=[]).geometry.to_numpy()
                           for f in sorted(glob.glob(pattern))])
before, after = read(before_glob), read(after_glob)
zones = pyogrio.read_dataframe(communes, columns=["code"])
read_s = time.perf_counter() - start
patches = growth.growth_patches(before, after, ring=float(ring), min_area=float(min_area))
codes = growth.patch_territories(patches["geometry"].to_numpy(), zones["code"].to_numpy(dtype=object),
                                 zones.geometry.to_numpy())
summary = growth.growth_summary(patches, codes)
seconds = time.perf_counter() - start
summary.to_csv(out)
print(json.dumps({"seconds": seconds, "read_seconds": read_s, "patches": len(patches), "peak_mb": %s,
                  "classes": patches["growth_class"].value_counts().to_dict()}))
""" % PEAK


# --- generated footprints ---------------------------------------------------------------------------------------

def lattice_boxes(x, y, core, rng):
    """Rectangles in the 22 m lattice cells holding the points (one per cell, never overlapping): 60-400 m2,
    larger towards town centres (``core`` 1 at a centre, 0 in the countryside)."""
    import shapely

    n = len(x)
    low = np.log(60.0) + 0.75 * core * (np.log(400.0) - np.log(60.0))
    area = np.exp(rng.uniform(low, np.log(400.0), n))
    w = np.minimum(np.sqrt(area * rng.uniform(1.0, 2.5, n)), LOT - 1.0)
    h = area / w
    turn = rng.uniform(0, 1, n) < 0.5
    w, h = np.where(turn, h, w), np.where(turn, w, h)
    x0 = np.floor((x - X0) / LOT) * LOT + X0 + rng.uniform(0, 1, n) * (LOT - w)
    y0 = np.floor((y - Y0) / LOT) * LOT + Y0 + rng.uniform(0, 1, n) * (LOT - h)
    return shapely.box(*np.round([x0, y0, x0 + w, y0 + h], 2))


def around(centres, scale, which, radius, rng):
    """Points at ``radius`` (in units of ``scale``) from the centres ``which``, random directions, and their
    centrality ``exp(-radius)``."""
    angle = rng.uniform(0, 2 * np.pi, len(which))
    r = radius * scale[which]
    return centres[which, 0] + r * np.cos(angle), centres[which, 1] + r * np.sin(angle), np.exp(-radius)


def lattice_cells(x, y, side):
    """The lattice cell of each point (-1 - row outside the area, so that no two of those share one)."""
    inside = (x > X0) & (x < X0 + side - LOT) & (y > Y0) & (y < Y0 + side - LOT)
    cell = np.floor((x - X0) / LOT).astype(np.int64) * 1_000_000 + np.floor((y - Y0) / LOT).astype(np.int64)
    return np.where(inside, cell, -1 - np.arange(len(x))), inside


def pick_cells(points, wanted, taken, side, rng):
    """Up to ``wanted`` of ``points`` (``(x, y, core)``), one per lattice cell not in ``taken``: rows."""
    cell, inside = lattice_cells(points[0], points[1], side)
    _, first = np.unique(cell, return_index=True)
    first = first[inside[first] & ~np.isin(cell[first], taken)]
    return rng.permutation(first)[:wanted], cell


def make_buildings(n, seed=0, new_share=0.12):
    """``(before, after, side)``: about ``n`` footprints at the second date (the first date's plus the new)."""
    import shapely

    rng = np.random.default_rng(seed)
    side = math.ceil(math.sqrt(n / DENSITY)) * 1000.0
    n_new = int(n * new_share)
    n_old = n - n_new
    # Towns and villages, about one per 15 km2, Zipf sizes; the density decays exponentially from the centre,
    # where the lots are nearly all built (large buildings: half the ground covered).
    n_towns = max(int(side * side / 15e6), 10)
    share = 1.0 / np.arange(1, n_towns + 1)
    share /= share.sum()
    centres = rng.uniform(0.05 * side, 0.95 * side, (n_towns, 2)) + [X0, Y0]
    scale = np.sqrt(np.maximum(share * n_old * 0.85, 20) * 25.0)  # m: ~3 candidates per lot at a centre
    town = rng.choice(n_towns, int(n_old * 0.85 * 2.0), p=share)
    tx, ty, tcore = around(centres, scale, town, rng.gamma(2.0, 1.0, len(town)), rng)
    # Hamlets and farms: 1 to ~15 buildings within ~40 m.
    n_hamlets = int(n_old * 0.15 / 6)
    hamlet = rng.uniform(0, side, (n_hamlets, 2)) + [X0, Y0]
    members = np.repeat(np.arange(n_hamlets), 1 + rng.poisson(3.0, n_hamlets) * 2)
    old_points = (np.concatenate([tx, hamlet[members, 0] + rng.normal(0, 40.0, len(members))]),
                  np.concatenate([ty, hamlet[members, 1] + rng.normal(0, 40.0, len(members))]),
                  np.concatenate([tcore, np.zeros(len(members))]))
    rows, cell = pick_cells(old_points, n_old, np.empty(0, dtype=np.int64), side, rng)
    old = lattice_boxes(*(a[rows] for a in old_points), rng)
    taken = cell[rows]
    # New on free lots: infill (the towns' own distribution), edge (their rims), outlying (anywhere).
    new = []
    for wanted, radius in ((0.35, lambda k: rng.gamma(2.0, 1.0, k)), (0.25, lambda k: rng.uniform(2.5, 4.5, k)),
                           (0.15, None)):
        wanted = int(n_new * wanted)
        if radius is None:
            points = (*(rng.uniform(0, side, (2, 2 * wanted)) + np.array([[X0], [Y0]])), np.zeros(2 * wanted))
        else:
            town = rng.choice(n_towns, 3 * wanted, p=share)
            points = around(centres, scale, town, radius(len(town)), rng)
        rows, cell = pick_cells(points, wanted, taken, side, rng)
        new.append(lattice_boxes(*(a[rows] for a in points), rng))
        taken = np.concatenate([taken, cell[rows]])
    # Extensions against the east wall of old buildings (the new piece touches them).
    n_ext = int(n_new * 0.10)
    host = shapely.bounds(old[rng.choice(len(old), n_ext, replace=False)])
    ew, eh = rng.uniform(6.0, 10.0, n_ext), rng.uniform(10.0, 14.0, n_ext)
    new.append(shapely.box(*np.round([host[:, 2], host[:, 1], host[:, 2] + ew, host[:, 1] + eh], 2)))
    # Estates: rows of 6-30 touching terraced houses at the towns' rims (each row one patch, some cut by old).
    n_rows = max(int(n_new * 0.15 / 18), 1)
    town = rng.choice(n_towns, n_rows, p=share)
    sx, sy, _ = around(centres, scale, town, rng.uniform(2.0, 4.0, n_rows), rng)
    length = rng.integers(6, 31, n_rows)
    row = np.repeat(np.arange(n_rows), length)
    rank = np.arange(len(row)) - np.repeat(np.cumsum(length) - length, length)
    width, depth = rng.uniform(7.0, 10.0, n_rows)[row], rng.uniform(9.0, 12.0, n_rows)[row]
    along_x = (rng.uniform(0, 1, n_rows) < 0.5)[row]
    hx = np.round(sx[row] + np.where(along_x, rank * width, 0.0), 2)
    hy = np.round(sy[row] + np.where(along_x, 0.0, rank * width), 2)
    step = np.where(along_x, width, depth), np.where(along_x, depth, width)
    hx1, hy1 = np.round(hx + step[0], 2), np.round(hy + step[1], 2)
    # Each house starts where the previous one ends (the same rounded coordinate: they touch).
    hx = np.where(along_x & (rank > 0), np.roll(hx1, 1), hx)
    hy = np.where(~along_x & (rank > 0), np.roll(hy1, 1), hy)
    estate = shapely.box(hx, hy, hx1, hy1)
    new.append(estate[(hx > X0) & (hx1 < X0 + side) & (hy > Y0) & (hy1 < Y0 + side)])
    new = np.concatenate(new)
    return old, np.concatenate([old, rng.permutation(new)]), side


def write_departements(folder, geoms, side):
    """One GeoPackage per quadrant (by the buildings' centres), layer ``batiment``, as BD TOPO by département."""
    import geopandas as gpd
    import pyogrio
    import shapely

    folder.mkdir(parents=True, exist_ok=True)
    b = shapely.bounds(geoms)
    east = (b[:, 0] + b[:, 2]) / 2 >= X0 + side / 2
    north = (b[:, 1] + b[:, 3]) / 2 >= Y0 + side / 2
    for number, keep in zip(("91", "92", "93", "94"), (~east & ~north, east & ~north, ~east & north, east & north)):
        pyogrio.write_dataframe(gpd.GeoDataFrame(geometry=geoms[keep], crs="EPSG:2154"),
                                folder / f"batiment_{number}.gpkg", layer="batiment")


def write_communes(path, side, cell=4000.0, seed=1):
    """A grid of quadrilateral communes (shared corners jittered) over the area, ``code`` as text."""
    import geopandas as gpd
    import pyogrio
    import shapely

    rng = np.random.default_rng(seed)
    k = int(math.ceil(side / cell))
    step = side / k
    gx, gy = np.meshgrid(np.arange(k + 1) * step, np.arange(k + 1) * step)
    inner = (gx > 0) & (gx < side) & (gy > 0) & (gy < side)
    gx = gx + np.where(inner, rng.uniform(-0.25, 0.25, gx.shape) * step, 0.0) + X0
    gy = gy + np.where(inner, rng.uniform(-0.25, 0.25, gy.shape) * step, 0.0) + Y0
    r, c = np.divmod(np.arange(k * k), k)
    corners = [(r, c), (r, c + 1), (r + 1, c + 1), (r + 1, c), (r, c)]
    polygons = shapely.polygons(np.stack([np.stack([gx[a, b], gy[a, b]], axis=-1) for a, b in corners], axis=1))
    dep = np.where(r < k / 2, np.where(c < k / 2, "91", "92"), np.where(c < k / 2, "93", "94"))
    rank = np.zeros(k * k, dtype=int)
    for d in np.unique(dep):
        rank[dep == d] = np.arange((dep == d).sum())
    codes = [f"{d}{i:03d}" for d, i in zip(dep, rank)]
    pyogrio.write_dataframe(gpd.GeoDataFrame({"code": codes}, geometry=polygons, crs="EPSG:2154"), path,
                            layer="communes")
    return len(codes)


# --- the two ways -------------------------------------------------------------------------------------------------

def read_summary(path):
    import pandas as pd

    table = pd.read_csv(path, dtype=str, keep_default_na=False)  # codes stay text ("01001")
    return table.set_index(table.columns[0]).replace("", "nan").astype(float)


def compare(ours_csv, single_csv):
    """``(short, detail)``: ``"same"`` when both summaries hold the same territories, columns and values
    (relative 1e-9), else the largest relative gap, and which columns of how many territories differ."""
    a, b = read_summary(ours_csv), read_summary(single_csv)
    if a.index.tolist() != b.index.tolist() or a.columns.tolist() != b.columns.tolist():
        return "DIFF", f"territories/columns differ: {a.shape} against {b.shape}"
    x, y = a.to_numpy(dtype=float), b.to_numpy(dtype=float)
    if not (np.isnan(x) == np.isnan(y)).all():
        return "DIFF", "NaN in different cells"
    rel = np.where(np.isnan(y), 0.0, np.abs(x - y) / np.maximum(np.abs(y), 1e-300))
    if rel.max(initial=0.0) <= 1e-9:
        return "same", "summary the same (relative 1e-9)"
    off = rel > 1e-9
    where = ", ".join(f"{column} in {int(off[:, k].sum())} territories (max {rel[:, k].max():.1e})"
                      for k, column in enumerate(a.columns) if off[:, k].any())
    return f"{rel.max():.0e}", f"SUMMARY DIFFERS beyond 1e-9 relative: {where}"


def run_ours(data, args):
    """``scripts/growth_batch.py`` as its own client process against a fresh local cluster started here.

    A fresh cluster for every run rather than ``Client.restart``: each job's ``upload_file`` leaves a worker
    plugin on the scheduler, and restarted workers replay all of them onto one ``alliance_plugin.zip``."""
    from dask.distributed import Client, LocalCluster

    from alliance_territories.alliance_plugin.core.tenure.dask_engine import peak_memory_mb

    out = data / "ours"
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        baseline = max(client.run(peak_memory_mb).values())
        with open(data / "ours.out", "w") as stdout, open(data / "ours.err", "w") as stderr:
            run = run_child([sys.executable, "-c", CLIENT, str(ROOT / "scripts" / "growth_batch.py"),
                             "--before", str(data / "before" / "*.gpkg"), "--after", str(data / "after" / "*.gpkg"),
                             "--ring", str(args.ring), "--min-area", str(args.min_area),
                             "--tile-size", str(args.tile_size), "--territories", str(data / "communes.gpkg"),
                             "--territory-field", "code", "--scheduler", client.scheduler.address,
                             "--no-progress", "--output", str(out)], stdout=stdout, stderr=stderr)
        if run.status:
            raise SystemExit(f"growth_batch.py failed ({run.status}):\n{(data / 'ours.err').read_text()[-4000:]}")
        worker = max(client.run(peak_memory_mb).values())
    report = json.loads((out / "run.json").read_text())
    client_mb = float((data / "ours.out").read_text().split("CLIENT_PEAK_MB")[-1].split()[0])
    tiles = [s for s in report["tiles_detail"] if s.get("tile") != "edges"]
    return {"seconds": run.seconds, "job_seconds": report["seconds"], "worker_seconds": report["worker_seconds"],
            "client_mb": client_mb, "worker_mb": worker, "per_tile_mb": worker - baseline, "baseline_mb": baseline,
            "patches": report["patches"], "tiles": report["tiles"], "edge_regions": report["edge_regions"],
            "tile_buildings": max(s["before"] + s["after"] for s in tiles), "summary": out / "summary.csv"}


def run_single(data, args, plugins):
    """The single machine in its own process: its figures (JSON on its stdout) and its summary."""
    with open(data / "single.out", "w") as stdout, open(data / "single.err", "w") as stderr:
        run = run_child([sys.executable, "-c", SINGLE, str(plugins), str(data / "before" / "*.gpkg"),
                         str(data / "after" / "*.gpkg"), str(data / "communes.gpkg"), str(args.ring),
                         str(args.min_area), str(data / "single.csv")], stdout=stdout, stderr=stderr)
    if run.status:
        raise SystemExit(f"the single machine failed ({run.status}):\n{(data / 'single.err').read_text()[-4000:]}")
    return {**json.loads((data / "single.out").read_text()), "wall": run.seconds, "summary": data / "single.csv"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000, 1_000_000],
                        help="buildings at the second date")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--ring", type=float, default=100.0)
    parser.add_argument("--min-area", type=float, default=1.0)
    parser.add_argument("--tile-size", type=float, default=10_000.0)
    args = parser.parse_args()
    plugins = plugin_import_path()
    print(f"{load_average()} at start (other work on the machine slows every figure)", flush=True)
    header = (f"{'buildings':>10} {'run':>4} {'ours s':>7} {'single s':>9} {'single/ours':>11} {'client MB':>9} "
              f"{'worker MB':>9} {'+/tile MB':>9} {'single MB':>9} {'patches':>8} {'summary':>8} "
              f"{'load before':>11} {'load after':>10}")
    rows, notes, per_size = [], [], {}
    with tempfile.TemporaryDirectory(prefix="alliance-bench-") as tmp:
        for n in args.sizes:
            data = Path(tmp) / f"n{n}"
            seconds, (before, after, side) = clock(lambda: make_buildings(n))
            write_s, _ = clock(lambda: (write_departements(data / "before", before, side),
                                        write_departements(data / "after", after, side)))
            n_communes = write_communes(data / "communes.gpkg", side)
            n_before, n_after = len(before), len(after)
            del before, after
            print(f"\n{n_after:,} buildings at the second date ({n_before:,} at the first, "
                  f"{n_after - n_before:,} new) over {side / 1000:.0f} x {side / 1000:.0f} km, "
                  f"{n_communes:,} communes, 4 files a date: generated in {seconds:.1f} s, written in "
                  f"{write_s:.1f} s", flush=True)

            def after_round(number):
                o, s = results_now["ours"][-1], results_now["single"][-1]
                same, detail = compare(o["summary"], s["summary"])
                count = "same" if o["patches"] == s["patches"] else f"DIFFERENT {o['patches']}/{s['patches']}"
                row = (f"{n_after:>10,} {number:>4} {o['seconds']:>7.1f} {s['wall']:>9.1f} "
                       f"{s['wall'] / o['seconds']:>11.2f} {o['client_mb']:>9.0f} {o['worker_mb']:>9.0f} "
                       f"{o['per_tile_mb']:>9.0f} {s['peak_mb']:>9.0f} {count:>8} {same:>8} "
                       f"{load['before']:>11.2f} {os.getloadavg()[0]:>10.2f}")
                load["before"] = os.getloadavg()[0]
                rows.append(row)
                notes.append(f"{n_after:,} run {number}: ours {o['tiles']} tiles, {o['edge_regions']} edge regions, "
                             f"job {o['job_seconds']:.1f} s (tasks {o['worker_seconds']:.1f} s summed), largest tile "
                             f"window {o['tile_buildings']:,} buildings (both dates), worker baseline "
                             f"{o['baseline_mb']:.0f} MB; single: read {s['read_seconds']:.1f} s of "
                             f"{s['seconds']:.1f} s, {s['patches']:,} patches {s['classes']}; {detail}")
                print(header, row, notes[-1], load_average(), sep="\n", flush=True)

            results_now, load = {"ours": [], "single": []}, {"before": os.getloadavg()[0]}
            sides = {"ours": lambda: results_now["ours"].append(run_ours(data, args)),
                     "single": lambda: results_now["single"].append(run_single(data, args, plugins))}
            alternate(sides, rounds=args.rounds, after_round=after_round)
            per_size[n_after] = (min(r["seconds"] for r in results_now["ours"]),
                                 min(r["wall"] for r in results_now["single"]),
                                 max(r["peak_mb"] for r in results_now["single"]),
                                 max(r["client_mb"] for r in results_now["ours"]),
                                 max(r["per_tile_mb"] for r in results_now["ours"]),
                                 max(r["tile_buildings"] for r in results_now["ours"]))
    print(f"\n{args.workers} workers (1 thread each), ring {args.ring:g} m = halo, tiles {args.tile_size / 1000:g} km, "
          f"min area {args.min_area:g} m2. ours: the whole client process (start, upload, probes, tiles, edge "
          "pass, summary); single: one process (pyogrio read of both dates + growth_patches + patch_territories + "
          "growth_summary); single/ours > 1: ours faster; client/worker/single MB: VmHWM; +/tile MB: the largest "
          "worker peak over its baseline at start (a fresh cluster per run; one tile window at a time); patches, "
          "summary: ours against the single machine (summary: same within 1e-9 relative, else the largest gap)")
    print(header, *rows, sep="\n")
    print("\nper million buildings (best run):")
    for n_after, (ours_s, single_s, single_mb, client_mb, tile_mb, tile_n) in per_size.items():
        print(f"  {n_after:>10,}: ours {ours_s / n_after * 1e6:6.1f} s, single {single_s / n_after * 1e6:6.1f} s, "
              f"single peak {single_mb:.0f} MB; client {client_mb:.0f} MB; a worker "
              f"+{tile_mb:.0f} MB for a tile window of {tile_n:,} buildings")
    sizes = sorted(per_size)
    big = per_size[sizes[-1]]
    factor = NATIONAL / sizes[-1]
    memory, how = big[2] * factor, f"x {factor:.0f}"
    if len(sizes) > 1:  # the single machine's memory: what each further building adds, between the two sizes
        slope = (big[2] - per_size[sizes[0]][2]) / (sizes[-1] - sizes[0])
        memory, how = big[2] + slope * (NATIONAL - sizes[-1]), f"+{slope * 1e6:.0f} MB per million"
    print(f"EXTRAPOLATION (not measured), France's BD TOPO, ~{NATIONAL / 1e6:.0f} million buildings, linear from "
          f"{sizes[-1]:,}: ours ~{big[0] * factor / 3600:.1f} h on these {args.workers} workers, the single machine "
          f"~{big[1] * factor / 3600:.1f} h and ~{memory / 1024:.0f} GB ({how}) in one process; the client and "
          f"a worker's memory per tile do not grow with the country (measured: client {big[3]:.0f} MB, "
          f"+{big[4]:.0f} MB per tile window)")
    if len(sizes) > 1:
        small = per_size[sizes[0]]
        power = [math.log(big[k] / small[k]) / math.log(sizes[-1] / sizes[0]) for k in (0, 1)]
        print(f"  time ~ n^{power[0]:.2f} (ours), n^{power[1]:.2f} (single) between {sizes[0]:,} and {sizes[-1]:,} "
              f"buildings; at that pace: ours ~{big[0] * factor ** power[0] / 3600:.1f} h, single "
              f"~{big[1] * factor ** power[1] / 3600:.1f} h")
    print(load_average(), "at the end")


if __name__ == "__main__":
    main()
