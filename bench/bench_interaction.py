"""Benchmark of the gravity models at national scale (not a test: it prints figures).

Builds a French-sized case in memory: 35,000 territories on a grid of 1 km
squares (text codes with leading zeros, 300 Corsica-like codes), 32 draws of a
destination per territory, mostly within 10 km and one in ten anywhere (the
geography of ``bench_flows.make_case``): about 1,030,000 distinct pairs between
different territories. Flows are drawn from a Poisson gravity model with known
parameters, so every fit can be checked against the truth as well as timed:

    log E[T_ij] = -4 + 0.8 log V_i + 0.7 log W_j - 1.5 log(d_ij / 1 km)

The doubly-constrained model has 70,000 fixed effects.

    python bench/bench_interaction.py                      # 35,000 territories, ~1,030,000 pairs
    python bench/bench_interaction.py --territories 5000 --draws 160000
"""

import argparse
import atexit
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
TRUE = {"const": -4.0, "mu": 0.8, "alpha": 0.7, "beta": -1.5}


def plugin_import_path():
    """Import the core as QGIS would: through a plugins folder, never the repository root."""
    folder = Path(tempfile.mkdtemp(prefix="alliance-bench-"))
    (folder / "alliance_territories").symlink_to(ROOT, target_is_directory=True)
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    sys.path.insert(0, str(folder))


def make_pairs(n_territories, n_draws, seed=0):
    """Pairs, coordinates and masses in the geography of bench_flows.make_case, flows from a known model."""
    rng = np.random.default_rng(seed)
    side = int(np.ceil(np.sqrt(n_territories)))
    idx = np.arange(n_territories)
    codes = np.array([f"{i:05d}" for i in idx], dtype=object)
    codes[:300] = [f"2A{i:03d}" for i in range(300)]
    points = pd.DataFrame({"x": (idx % side) * 1000.0 + 500, "y": (idx // side) * 1000.0 + 500}, index=codes)
    per_origin = max(1, n_draws // n_territories)
    origins = np.repeat(idx, per_origin)
    dx = rng.normal(0, 4, len(origins)).round().astype(int)
    dy = rng.normal(0, 4, len(origins)).round().astype(int)
    destinations = np.clip(origins % side + dx, 0, side - 1) + side * np.clip(origins // side + dy, 0, side - 1)
    far = rng.random(len(origins)) < 0.1
    destinations[far] = rng.integers(0, n_territories, far.sum())
    destinations = np.minimum(destinations, n_territories - 1)
    key = np.unique(origins.astype(np.int64) * n_territories + destinations)
    o, d = key // n_territories, key % n_territories
    o, d = o[o != d], d[o != d]
    population = np.round(rng.lognormal(6.5, 1.2, n_territories)) + 10
    dist_km = np.hypot(points["x"].to_numpy()[o] - points["x"].to_numpy()[d],
                       points["y"].to_numpy()[o] - points["y"].to_numpy()[d]) / 1000
    rate = np.exp(TRUE["const"] + TRUE["mu"] * np.log(population[o]) + TRUE["alpha"] * np.log(population[d])
                  + TRUE["beta"] * np.log(dist_km))
    flows = pd.DataFrame({"origin": pd.Categorical.from_codes(o, categories=codes),
                          "destination": pd.Categorical.from_codes(d, categories=codes),
                          "flow_type": "commuting", "value": rng.poisson(rate).astype(float)})
    return flows, points, pd.Series(population, index=codes, name="population")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--territories", type=int, default=35000)
    parser.add_argument("--draws", type=int, default=1120000, help="pairs drawn before removing repeats")
    args = parser.parse_args()
    plugin_import_path()
    from alliance_territories.alliance_plugin.core import interaction

    t0 = time.perf_counter()
    flows, points, population = make_pairs(args.territories, args.draws)
    print(f"case: {args.territories:,} territories, {len(flows):,} pairs ({(flows['value'] == 0).mean():.0%} "
          f"zero flows), generated in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    distance = interaction.pair_distances(flows["origin"], flows["destination"], points, unit="km")
    print(f"pair_distances (planar):                 {time.perf_counter() - t0:6.2f} s")
    flows = flows.assign(distance=distance)
    runs = [
        ("unconstrained", dict(origin_mass=population, destination_mass=population)),
        ("production", dict(destination_mass=population)),
        ("attraction", dict(origin_mass=population)),
        ("doubly", {}),
    ]
    for family, masses in runs:
        for decay in ("power", "exponential"):
            t0 = time.perf_counter()
            fit = interaction.fit_gravity(flows, family=family, decay=decay, **masses)
            elapsed = time.perf_counter() - t0
            est = fit.params["estimate"]
            shown = ", ".join(f"{fit.params.loc[p, 'symbol']}={est[p]:.4f}({fit.params.loc[p, 'std_err']:.1e})"
                              for p in fit.params.index)
            print(f"{family:<13} {decay:<11} {elapsed:6.2f} s  {fit.stats['iterations']:2d} Newton, "
                  f"{fit.stats['cg_iterations']:5d} CG  k={fit.stats['n_parameters']:,}  "
                  f"pseudoR2={fit.stats['pseudo_r2']:.4f}  {shown}")
    print(f"true values (power decay): {TRUE}")


if __name__ == "__main__":
    main()
