"""Benchmark of the urban-growth and degree-of-urbanisation cores (not a test: it prints figures).

1. Growth patches: generated building footprints in one GeoPackage layer with a
   ``year`` field (about 1,000,000 features over 100 km x 100 km of Lambert-93:
   600 towns of Zipf sizes on a 20 m lattice, the youngest buildings at the
   towns' edges, annexes stuck to old buildings, scattered outliers). Measures
   the read with pyogrio (the floor) and ``growth_patches(before, after)``
   with ``before`` the buildings up to 2015 and ``after`` all of them; the
   target is compute <= 5 x read.
2. DEGURBA on a 1 km grid of France's size (1000 x 1000 cells, about 550,000
   of them land) with a population surface of about 66 million (Gaussian towns
   of Zipf sizes over a lognormal rural background), and the classification of
   35,000 Voronoi "communes"; target < 30 s.

    .venv/bin/python bench/bench_growth.py
    .venv/bin/python bench/bench_growth.py --buildings 100000 --side 300   # smaller
"""

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
from bench_flows import plugin_import_path


def clock(label, function, target=None):
    start = time.perf_counter()
    result = function()
    elapsed = time.perf_counter() - start
    goal = f"  (target {target})" if target else ""
    print(f"{label:<52} {elapsed:7.2f} s{goal}", flush=True)
    return result, elapsed


def make_buildings(n, seed=0, new_share=0.12, spacing=20.0, side=100_000.0):
    """Boxes and years of about ``n`` buildings; no two buildings of the lattice overlap."""
    import shapely

    rng = np.random.default_rng(seed)
    n_towns = 600
    weights = 1.0 / np.arange(1, n_towns + 1) ** 0.9
    sizes = np.maximum((weights / weights.sum() * n * 0.96).astype(np.int64), 30)
    centres = rng.uniform(0, side, (n_towns, 2))
    radius = spacing * np.sqrt(sizes / (np.pi * 0.6))
    town = np.repeat(np.arange(n_towns), (sizes * 1.45).astype(np.int64))
    rel = np.sqrt(rng.uniform(0, 1, len(town)))
    angle = rng.uniform(0, 2 * np.pi, len(town))
    x = centres[town, 0] + radius[town] * rel * np.cos(angle)
    y = centres[town, 1] + radius[town] * rel * np.sin(angle)
    ix, iy = np.floor(x / spacing).astype(np.int64), np.floor(y / spacing).astype(np.int64)
    _, first = np.unique(ix * 10_000_000 + iy, return_index=True)
    ix, iy, rel = ix[first], iy[first], rel[first]
    m = len(ix)
    terraced = rng.uniform(0, 1, m) < 0.45 * (1 - rel)
    w = np.where(terraced, spacing, rng.uniform(8, 18, m))
    h = rng.uniform(8, 18, m)
    ox = np.where(terraced, 0.0, rng.uniform(0, 1, m) * (spacing - w))
    oy = rng.uniform(0, 1, m) * (spacing - h)
    x0, y0 = ix * spacing + ox, iy * spacing + oy
    score = rel + rng.normal(0, 0.12, m)
    young = score > np.quantile(score, 1 - new_share * 0.9)
    # Annexes on the east wall of 2 % of the old buildings (some reach the next building).
    annex = np.flatnonzero(~young & (rng.uniform(0, 1, m) < 0.02))
    ax0, ay0 = x0[annex] + w[annex], y0[annex]
    aw, ah = rng.uniform(2, 5, len(annex)), rng.uniform(3, 7, len(annex))
    n_out = max(n - m - len(annex), 0)
    outx, outy = rng.uniform(0, side, n_out), rng.uniform(0, side, n_out)
    xs = np.concatenate([x0, ax0, outx]) + 600_000
    ys = np.concatenate([y0, ay0, outy]) + 6_500_000
    ws = np.concatenate([w, aw, rng.uniform(8, 18, n_out)])
    hs = np.concatenate([h, ah, rng.uniform(8, 18, n_out)])
    year = np.concatenate([np.where(young, rng.integers(2016, 2024, m), rng.integers(1900, 2016, m)),
                           rng.integers(2016, 2024, len(annex)), rng.integers(2016, 2024, n_out)])
    return shapely.box(xs, ys, xs + ws, ys + hs), year


def write_buildings(path, n):
    import geopandas as gpd

    geoms, year = make_buildings(n)
    gpd.GeoDataFrame({"year": year.astype(np.int32)}, geometry=geoms, crs="EPSG:2154").to_file(
        path, layer="buildings", engine="pyogrio")
    return len(geoms), int((year <= 2015).sum())


def make_population(side=1000, seed=0):
    """A France-sized population surface (inhabitants per 1 km cell) and its land share."""
    from scipy import ndimage

    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:side, 0:side] / side
    angle = np.arctan2(yy - 0.5, xx - 0.5)
    outline = 0.42 + 0.04 * np.sin(6 * angle) + 0.02 * np.cos(11 * angle)
    land = (np.hypot(xx - 0.5, yy - 0.5) <= outline).astype(float)
    coast = land.astype(bool) & ~ndimage.binary_erosion(land.astype(bool))
    land[coast] = rng.uniform(0.2, 1.0, int(coast.sum()))
    pop = rng.lognormal(np.log(15), 1.0, (side, side)) * land
    cells = np.flatnonzero(land.ravel() > 0.5)
    n_towns = 6000
    sizes = 7_000_000 / np.arange(1, n_towns + 1) ** 1.05
    where = rng.choice(cells, n_towns, replace=False)
    for low, high, sigma in ((0, 10, 4.0), (10, 100, 2.0), (100, 1000, 1.0), (1000, n_towns, 0.6)):
        seeds = np.zeros(side * side)
        np.add.at(seeds, where[low:high], sizes[low:high])
        pop += ndimage.gaussian_filter(seeds.reshape(side, side), sigma) * land
    return pop, land


def voronoi_units(side, n_units, land, seed=1):
    from scipy.spatial import cKDTree

    rng = np.random.default_rng(seed)
    cells = np.flatnonzero(land.ravel() > 0)
    sites = rng.choice(cells, n_units, replace=False)
    tree = cKDTree(np.column_stack(np.divmod(sites, side)))
    _, nearest = tree.query(np.column_stack(np.divmod(np.arange(side * side), side)))
    units = np.array([f"{i:05d}" for i in range(n_units)], dtype=object)[nearest]
    units[land.ravel() == 0] = None
    return units


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--buildings", type=int, default=1_000_000)
    parser.add_argument("--side", type=int, default=1000, help="DEGURBA grid side (cells)")
    parser.add_argument("--units", type=int, default=35_000)
    parser.add_argument("--skip-growth", action="store_true")
    args = parser.parse_args()
    plugin_import_path()
    import pyogrio

    from alliance_territories.alliance_plugin.core import degurba, growth

    if not args.skip_growth:
        with tempfile.TemporaryDirectory(prefix="alliance-bench-") as tmp:
            gpkg = Path(tmp) / "buildings.gpkg"
            (n, n_old), _ = clock("   generate and write the buildings", lambda: write_buildings(gpkg, args.buildings))
            print(f"case: {n:,} buildings, {n_old:,} up to 2015, {n - n_old:,} after")

            def read():
                frame = pyogrio.read_dataframe(gpkg, layer="buildings")
                return frame.geometry.to_numpy(), frame["year"].to_numpy()

            (geoms, year), t_read = clock("1. read the buildings (pyogrio)", read)
            patches, t_compute = clock("   growth patches + LEI + distance",
                                       lambda: growth.growth_patches(geoms[year <= 2015], geoms), "<= 5 x read")
            print(f"   ratio compute / read: {t_compute / t_read:.2f}")
            counts = patches["growth_class"].value_counts()
            print(f"   {len(patches):,} patches, {patches['area'].sum() / 1e4:,.1f} ha: "
                  + ", ".join(f"{k} {counts.get(k, 0):,}" for k in growth.GROWTH_CLASSES))
    pop, land = make_population(args.side)
    units = voronoi_units(args.side, args.units, land)
    print(f"case: grid {args.side} x {args.side}, {int((land > 0).sum()):,} land cells, "
          f"{pop.sum() / 1e6:,.1f} million inhabitants, {args.units:,} units")
    grid, t_grid = clock("2. DEGURBA: classify the grid", lambda: degurba.classify_grid(pop, land_share=land),
                         "< 30 s")
    table, t_units = clock("   classify the units", lambda: degurba.classify_units(grid.cell_class, pop, units))
    print(f"   total {t_grid + t_units:.2f} s; {len(grid.centres):,} urban centres "
          f"({grid.centres['population'].sum() / 1e6:,.1f} M), {len(grid.clusters):,} urban clusters, "
          f"{grid.rounds} rounds of gap filling and smoothing")
    print("   units: " + ", ".join(f"{label} {count:,}" for label, count in
                                    table["degurba_label"].value_counts().items()))


if __name__ == "__main__":
    main()
