"""alliance:serviceaccess and alliance:transitaccess on a large city: progress moves, a cancel is heard.

Issue 13: the long phases of the access algorithms (building the street graph, snapping people and
facilities or stops, the catchment pairs, the walks and service areas of the stops) take a progress and a
cancel callback. A synthetic city of 300 x 300 blocks of 100 m (180,600 street segments) and 200,000
people: a run canceled at its first progress report above a threshold must return within seconds (5 s
here: a generous bound, not a speed test). The thresholds fall in the phases of each algorithm's
five-step run (each step is a fifth of the bar).
"""


import pytest

SIDE = 300  # blocks of 100 m on each side
PEOPLE = 200_000
CRS = "EPSG:3067"


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    """GeoPackages of the streets (one line per street of the grid), the people, the facilities and the stops."""
    import geopandas as gpd
    import numpy as np
    import shapely

    folder = tmp_path_factory.mktemp("city")
    ticks = np.arange(SIDE + 1) * 100.0
    lines = [shapely.LineString(np.column_stack([ticks, np.full(SIDE + 1, t)])) for t in ticks]
    lines += [shapely.LineString(np.column_stack([np.full(SIDE + 1, t), ticks])) for t in ticks]
    rng = np.random.default_rng(0)
    people = rng.uniform(0, SIDE * 100, (PEOPLE, 2))
    places = rng.uniform(0, SIDE * 100, (1000, 2))
    layers = {
        "streets": gpd.GeoDataFrame({"name": [f"s{i}" for i in range(len(lines))]}, geometry=lines, crs=CRS),
        "people": gpd.GeoDataFrame({"pop": rng.integers(1, 10, PEOPLE).astype(float)},
                                   geometry=shapely.points(people), crs=CRS),
        "facilities": gpd.GeoDataFrame({"ref": [f"f{i}" for i in range(500)], "places": 30.0},
                                       geometry=shapely.points(places[:500]), crs=CRS),
        "stops": gpd.GeoDataFrame({"ref": [f"s{i}" for i in range(500)],
                                   "mode": np.where(np.arange(500) % 5, "bus", "rail"), "per_hour": 6.0},
                                  geometry=shapely.points(places[500:]), crs=CRS),
    }
    paths = {}
    for name, frame in layers.items():
        paths[name] = str(folder / f"{name}.gpkg")
        frame.to_file(paths[name], driver="GPKG")
    return paths


def parameters(algorithm, city, output):
    common = {"POPULATION": city["people"], "POPULATION_FIELD": "pop", "NETWORK": city["streets"],
              "SNAP_TOLERANCE": 60, "OUTPUT": output}
    if algorithm == "alliance:serviceaccess":
        return dict(common, SUPPLY=city["facilities"], SUPPLY_ID_FIELD="ref", CAPACITY_FIELD="places",
                    CATCHMENT=1000, OUTPUT_INEQUALITY="memory:", OUTPUT_FACILITIES="memory:")
    return dict(common, STOPS=city["stops"], STOP_ID_FIELD="ref", CAPACITY_FIELD="mode", FREQUENCY_FIELD="per_hour",
                OUTPUT_SHARES="memory:", OUTPUT_AREAS="memory:", OUTPUT_STOPS="memory:")


# serviceaccess, step 1 (20-40 %): the graph 20-24, snapping people 24-38, nearest 38-40; step 2: the pairs.
# transitaccess, step 1: the graph; step 2 (40-60 %): snapping people 42-51, stops and routing, the walks 53-59.
CASES = [("alliance:serviceaccess", 0.0), ("alliance:serviceaccess", 25.0), ("alliance:serviceaccess", 40.5),
         ("alliance:transitaccess", 0.0), ("alliance:transitaccess", 21.0), ("alliance:transitaccess", 43.0),
         ("alliance:transitaccess", 53.5)]


@pytest.mark.parametrize("algorithm, cancel_above", CASES,
                         ids=["services first report", "services snapping people", "services catchment pairs",
                              "transit first report", "transit street graph", "transit snapping people",
                              "transit walks and areas"])
def test_a_cancel_returns_within_seconds(plugin, h, city, tmp_path, algorithm, cancel_above):
    from qgis.core import QgsProject

    seen, delay = h.run_canceled(algorithm, parameters(algorithm, city, str(tmp_path / "people_out.gpkg")),
                                 cancel_above, QgsProject.instance())
    assert delay is not None, f"the run never reported progress above {cancel_above} %: {seen}"
    assert any(value > 0 for value in seen)  # progress moved
    assert delay < 5.0, f"returned {delay:.2f} s after the cancel"
    print(f"{algorithm} canceled above {cancel_above} %: returned {delay * 1000:.0f} ms after the cancel "
          f"(progress reached {max(seen):.1f} %)")
