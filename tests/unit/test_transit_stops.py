"""Stops for SDG 11.2.1 (core/transit/stops.py): capacity classes, access distances, which stops qualify.

Expected values are written by hand from the rules: high capacity (rail, metro, ferry) within the high
distance, the rest within the low one; a stop qualifies when its departures per hour reach the minimum
and are above 0, and it has a geometry.
"""

import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core import transit


def test_capacity_classes_words_numbers_and_unknowns():
    classes, unknown = transit.capacity_classes(["Ferry", "RER", "tram_stop", 1, "100", 3.0, "", "zeppelin",
                                                 "zeppelin"])
    assert classes.tolist() == ["high", "high", "low", "high", "high", "low", "low", "low", "low"]
    assert unknown.to_dict() == {"zeppelin": 2, "": 1}


def test_layer_stops_default_distances_and_every_stop_qualifying_without_frequencies():
    stops = pd.DataFrame({"stop_id": ["a", "b", "c"], "x": [0.0, 1.0, np.nan], "y": [0.0, 1.0, 1.0]})
    table, unknown = transit.layer_stops(stops, ["metro", None, "bus"])
    assert list(table.columns) == ["stop_id", "x", "y", "capacity", "access_distance", "qualifies"]
    assert table["capacity"].tolist() == ["high", "low", "low"]
    assert table["access_distance"].tolist() == [1000.0, 500.0, 500.0]  # the SDG 11.2.1 distances
    assert table["qualifies"].tolist() == [True, True, False]  # c has no geometry
    assert unknown.to_dict() == {"": 1}
    assert "per_hour" not in stops.columns  # the input is left as it was


@pytest.mark.parametrize("per_hour, minimum, expected", [
    (4.0, 4.0, True),            # exactly on the minimum: qualifies
    (3.999999, 4.0, False),      # just below
    (4.000001, 4.0, True),
    (0.0, 0.0, False),           # never served: never qualifies, even with a minimum of 0
    (0.001, 0.0, True),
    (np.nan, 0.0, False),        # NULL counts 0
    (np.nan, 1.0, False),
])
def test_layer_stops_frequency_rule_on_its_bounds(per_hour, minimum, expected):
    stops = pd.DataFrame({"x": [0.0], "y": [0.0]})
    table, _ = transit.layer_stops(stops, ["bus"], [per_hour], min_per_hour=minimum)
    assert table["qualifies"].tolist() == [expected]
    np.testing.assert_array_equal(table["per_hour"], [per_hour])


def test_layer_stops_distances_are_parameters():
    stops = pd.DataFrame({"x": [0.0, 0.0], "y": [0.0, 1.0]})
    table, _ = transit.layer_stops(stops, ["rail", "tram"], [2.0, 0.5], low_distance=400.0, high_distance=800.0,
                                   min_per_hour=1.0)
    assert table["access_distance"].tolist() == [800.0, 400.0]
    assert table["qualifies"].tolist() == [True, False]


def test_gtfs_stops_rates_over_the_window():
    departures = pd.DataFrame({"departures": [28, 0, 7], "high_departures": [14, 0, 0],
                               "stop_lat": [60.0, 60.1, 60.2], "stop_lon": [24.0, 24.1, 24.2]},
                              index=["S1", "S2", "S3"])
    departures.attrs["hours"] = 14
    qualifying = pd.DataFrame({"capacity": ["high"], "access_distance": [1000.0]}, index=["S1"])
    feed = {"stops": pd.DataFrame({"stop_id": ["S1", "S2", "S3", "S1"], "stop_name": ["One", "Two", None, "Dup"]})}
    table = transit.gtfs_stops(feed, departures, qualifying)
    assert table["per_hour"].tolist() == pytest.approx([2.0, 0.0, 0.5])
    assert table["high_per_hour"].tolist() == pytest.approx([1.0, 0.0, 0.0])
    assert table["qualifies"].tolist() == [True, False, False]
    assert table.loc["S1", "capacity"] == "high" and table.loc["S1", "access_distance"] == 1000.0
    assert pd.isna(table.loc["S3", "capacity"]) and np.isnan(table.loc["S2", "access_distance"])
    assert table.loc["S1", "stop_name"] == "One"  # the first of a duplicated stop_id
    unnamed = transit.gtfs_stops({"stops": pd.DataFrame({"stop_id": ["S1"]})}, departures, qualifying)
    assert unnamed["stop_name"].isna().all()


def test_placed_qualifying_keeps_qualifying_stops_with_coordinates():
    stops = pd.DataFrame({"stop_id": ["a", "b", "c", "d"], "x": [0.0, np.nan, 2.0, 3.0],
                          "y": [0.0, 1.0, np.inf, 3.0], "qualifies": [True, True, True, False]})
    assert transit.placed_qualifying(stops)["stop_id"].tolist() == ["a"]
