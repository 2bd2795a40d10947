"""A user can cancel a long flow run within a few seconds and sees progress move (issue 13).

5,000 square territories and 200,000 flows, generated in tmp_path, run through the Processing
registry with a feedback that cancels at a chosen progress report; the time between the cancel and
the return of the run is measured (the bound, 5 s, is generous: this is not a speed test).
"""

import time

import pytest

N_SIDE = (100, 50)  # 5,000 territories of 1 km
N_FLOWS = 200_000
BOUND = 5.0  # seconds between the cancel and the return of the run


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """Territories (code, pop, city: every 50th) and a CSV of flows between random territories."""
    import geopandas as gpd
    import numpy as np
    import pandas as pd
    import pyogrio
    import shapely

    folder = tmp_path_factory.mktemp("big_flows")
    x, y = np.meshgrid(np.arange(N_SIDE[0]) * 1000.0, np.arange(N_SIDE[1]) * 1000.0)
    squares = shapely.box(x.ravel(), y.ravel(), x.ravel() + 1000, y.ravel() + 1000)
    n = len(squares)
    codes = np.array([f"T{i:05d}" for i in range(n)], dtype=object)
    pyogrio.write_dataframe(gpd.GeoDataFrame(
        {"code": codes, "pop": (np.arange(n) % 97) * 100.0 + 10, "city": (np.arange(n) % 50 == 0).astype(int)},
        geometry=squares, crs="EPSG:2154"), folder / "territories.gpkg", layer="territories")
    rng = np.random.default_rng(0)
    origin, destination = rng.integers(0, n, N_FLOWS), rng.integers(0, n, N_FLOWS)
    pd.DataFrame({"origin": codes[origin], "destination": codes[destination],
                  "flow": rng.integers(1, 500, N_FLOWS)}).to_csv(folder / "flows.csv", index=False)
    return folder


def parameters(algorithm, folder, out):
    common = {"INPUT": str(folder / "territories.gpkg"), "ID_FIELD": "code", "FLOWS": str(folder / "flows.csv"),
              "OUTPUT": str(out / "territories_out.gpkg")}
    if algorithm == "flowdependencies":
        return {**common, "OUTPUT_LINES": str(out / "lines.gpkg")}
    method = 1 if algorithm == "functionalareas-insee" else 0
    return {**common, "POPULATION_FIELD": "pop", "CITY_FIELD": "city", "METHOD": method,
            "OUTPUT_AREAS": str(out / "areas.gpkg")}


def run(plugin, algorithm, params, cancel_when):
    """Run with a feedback that cancels at the first progress value for which ``cancel_when`` holds;
    returns (progress values, seconds from the cancel to the return or None, the results or None)."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    seen, canceled_at = [], []

    def on_progress(value):  # setProgress is not virtual: listen to the signal
        seen.append(value)
        if not canceled_at and cancel_when(value):
            canceled_at.append(time.monotonic())
            feedback.cancel()

    feedback.progressChanged.connect(on_progress)
    results = None
    try:
        results = processing.run("alliance:" + algorithm.split("-")[0], params, context=QgsProcessingContext(),
                                 feedback=feedback)
    except Exception:  # a canceled run may end with an exception: what matters is when it returns
        pass
    returned = time.monotonic()
    return seen, (returned - canceled_at[0]) if canceled_at else None, results


ALGORITHMS = ["flowdependencies", "functionalareas", "functionalareas-insee"]
#: the progress range (percent of the whole run) of the step in which the core computes
CORE_STEP = {"flowdependencies": (40.0, 60.0), "functionalareas": (50.0, 75.0),
             "functionalareas-insee": (50.0, 75.0)}


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_cancel_after_the_first_progress_returns_within_seconds(plugin, big, tmp_path, algorithm):
    seen, delay, results = run(plugin, algorithm, parameters(algorithm, big, tmp_path), lambda value: value > 0)
    print(f"{algorithm}: canceled at {seen[-1]:.1f} %, returned {delay:.3f} s later")
    assert delay is not None and delay < BOUND
    assert any(value > 0 for value in seen)
    assert all(a <= b for a, b in zip(seen, seen[1:]))  # progress never goes back
    assert not results  # nothing is returned as if the run had ended


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_cancel_inside_the_core_computation_returns_within_seconds(plugin, big, tmp_path, algorithm):
    """The core reports progress inside its step (values strictly between the step's bounds): a cancel
    there stops the computation and nothing is written."""
    low, high = CORE_STEP[algorithm]
    seen, delay, results = run(plugin, algorithm, parameters(algorithm, big, tmp_path),
                               lambda value: low < value < high)
    print(f"{algorithm}: canceled at {seen[-1] if seen else None} %, returned {delay} s later")
    assert delay is not None, f"no progress reported inside the computation step ({low}-{high} %): {seen}"
    assert delay < BOUND
    assert all(a <= b for a, b in zip(seen, seen[1:]))
    assert not results and not (tmp_path / "territories_out.gpkg").exists()  # nothing written


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_progress_moves_through_the_whole_run(plugin, big, tmp_path, algorithm):
    """Not canceled: progress increases, passes through the computation step and reaches the writing."""
    low, high = CORE_STEP[algorithm]
    seen, delay, results = run(plugin, algorithm, parameters(algorithm, big, tmp_path), lambda value: False)
    assert delay is None and results and results["OUTPUT"]
    assert all(a <= b for a, b in zip(seen, seen[1:]))
    assert len([value for value in seen if low < value < high]) >= 2  # the core's own reports
    assert seen[-1] >= high
