"""Distances between the territories of pairs (core.interaction.distances): planar, and geodesic
against Vincenty's classic example (Geoscience Australia) and the WGS84 meridian quadrant."""

import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core.errors import FieldNotFoundError, InvalidValueError
from alliance_territories.alliance_plugin.core.interaction.distances import pair_distances


def test_planar_distances_from_coordinates_or_points():
    import shapely

    frame = pd.DataFrame({"x": [0.0, 3000.0, 0.0], "y": [0.0, 4000.0, 1000.0]}, index=["01004", "2A004", "C"])
    points = pd.Series(shapely.points(frame[["x", "y"]].to_numpy()), index=frame.index)
    for source in (frame, points):
        assert pair_distances(["01004", "2A004"], ["2A004", "C"], source).tolist() == pytest.approx(
            [5000.0, np.hypot(3000, 3000)])
    assert pair_distances(["01004"], ["2A004"], frame, unit="km").tolist() == [5.0]


def test_geodesic_distances():
    grs80 = (6378137.0, 1 / 298.257222101)
    # Flinders Peak to Buninyong, Vincenty's classic example (Geoscience Australia): 54,972.271 m.
    points = pd.DataFrame({"x": [144 + 25 / 60 + 29.52440 / 3600, 143 + 55 / 60 + 35.38390 / 3600],
                           "y": [-(37 + 57 / 60 + 3.72030 / 3600), -(37 + 39 / 60 + 10.15610 / 3600)]},
                          index=["flinders", "buninyong"])
    length = pair_distances(["flinders"], ["buninyong"], points, geographic=True, ellipsoid=grs80)
    assert length[0] == pytest.approx(54972.271, abs=1e-3)
    axes = pd.DataFrame({"x": [0.0, 1.0, 0.0, 0.0], "y": [0.0, 0.0, 90.0, 0.0]}, index=["o", "e", "n", "same"])
    quarter, degree, zero = pair_distances(["o"] * 3, ["n", "e", "same"], axes, geographic=True)
    assert quarter == pytest.approx(10_001_965.729, abs=1e-3)  # WGS84 meridian quadrant
    assert degree == pytest.approx(6378137.0 * np.pi / 180, rel=1e-12) and zero == 0.0
    sphere = pair_distances(["o"], ["e"], axes, geographic=True, method="haversine")[0]
    assert sphere == pytest.approx(6378137.0 * (1 - 1 / 298.257223563 / 3) * np.pi / 180, rel=1e-12)


def test_distance_errors():
    frame = pd.DataFrame({"x": [700000.0, 1.0], "y": [6600000.0, 2.0]}, index=["A", "B"])
    with pytest.raises(InvalidValueError, match="projected"):
        pair_distances(["A"], ["B"], frame, geographic=True)
    with pytest.raises(InvalidValueError, match="no point: Z"):
        pair_distances(["A"], ["Z"], frame)
    with pytest.raises(FieldNotFoundError, match="'x' and 'y'"):
        pair_distances(["A"], ["B"], frame.rename(columns={"x": "lon"}))
