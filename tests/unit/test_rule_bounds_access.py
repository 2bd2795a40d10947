"""Every bound of the access rules, on the bound and on both sides of it (issue 13).

SDG 11.2.1 (methods.md, section 7; help "Access to public transport"): the population within
a 500 m walk of a low-capacity stop (bus, tram) or a 1,000 m walk of a high-capacity stop
(rail, metro, ferry): a point has access when its distance is at most the stop's access
distance. A stop qualifies when its departures per hour, averaged over the window
``[start, end)`` (06:00-20:00 of a Monday by default), reach the minimum (1 by default) and
are above 0: "7 departures from 06:30 to 08:15 (1.75 h) make 4 an hour". It is high capacity
when its high-capacity departures alone (route types 1, 2, 4, 100-117, 400-405, 1000-1200)
reach the minimum. A departure is a call where one can board: the last call of a trip is not.

Services (Luo and Wang 2003): the catchment holds the pairs with ``d_kj <= d0``;
``R_j = S_j / sum P_k``, ``A_i = sum R_j``; walking time at a speed in km/h.

Every GTFS feed is written by hand in pytest's tmp_path; every count is derived in the comments.
"""

import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core import gtfs, services, transit

MONDAY = "2026-01-05"
CALENDAR = ("service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\n"
            "WK,1,1,1,1,1,0,0,20260101,20261231\n"
            "MON,1,0,0,0,0,0,0,20260101,20261231\n"
            "TUE,0,1,0,0,0,0,0,20260101,20261231\n")


def _feed(tmp_path, departures):
    """A feed folder in tmp_path. ``departures``: (stop, route, service, time) per trip: each trip leaves
    ``stop`` at ``time`` and ends 2 minutes later at the terminus T (an arrival, never a departure).
    Routes: BUS (type 3) and RAIL (type 2)."""
    folder = tmp_path / "feed"
    folder.mkdir()
    stops = sorted({d[0] for d in departures} | {"T"})
    (folder / "stops.txt").write_text("stop_id,stop_name,stop_lat,stop_lon\n" + "".join(
        f"{s},Stop {s},60.1,24.9\n" for s in stops))
    (folder / "routes.txt").write_text("route_id,route_type\nBUS,3\nRAIL,2\n")
    (folder / "calendar.txt").write_text(CALENDAR)
    trips, times = ["route_id,service_id,trip_id"], ["trip_id,arrival_time,departure_time,stop_id,stop_sequence"]
    for n, (stop, route, service, time) in enumerate(departures):
        h, m, s = (int(x) for x in time.split(":"))
        end = h * 3600 + m * 60 + s + 120
        arrive = f"{end // 3600:02d}:{end % 3600 // 60:02d}:{end % 60:02d}"
        trips.append(f"{route},{service},t{n}")
        times += [f"t{n},{time},{time},{stop},1", f"t{n},{arrive},{arrive},T,2"]
    (folder / "trips.txt").write_text("\n".join(trips) + "\n")
    (folder / "stop_times.txt").write_text("\n".join(times) + "\n")
    return gtfs.read_gtfs(folder)


# --- departures per hour over a window that is not a whole number of hours -------------------------

# Stop A: 06:29:59 (before the window), 06:30:00 (its start: counted), 06:45, 07:00, 07:15, 07:30, 07:45,
# 08:14:59 (counted: 7 so far), 08:15:00 (the end: not counted). Stop B: the same without 07:45: 6.
A_TIMES = ["06:29:59", "06:30:00", "06:45:00", "07:00:00", "07:15:00", "07:30:00", "07:45:00", "08:14:59",
           "08:15:00"]
B_TIMES = [t for t in A_TIMES if t != "07:45:00"]


def test_departures_per_hour_in_a_window_of_1_75_hours(tmp_path):
    feed = _feed(tmp_path, [("A", "BUS", "WK", t) for t in A_TIMES] + [("B", "BUS", "WK", t) for t in B_TIMES])
    deps = gtfs.stop_departures(feed, date=MONDAY, start="06:30", end="08:15")
    assert deps.attrs["hours"] == 1.75
    assert deps.loc[["A", "B", "T"], "departures"].tolist() == [7, 6, 0]  # T only ever sees arrivals
    # 7 / 1.75 = 4 an hour exactly: A qualifies at 4 (>=); B has 6 / 1.75 = 3.43.
    at_four = gtfs.qualifying_stops(deps, min_per_hour=4.0)
    assert at_four.index.tolist() == ["A"]
    assert at_four.loc["A", "per_hour"] == 4.0
    assert gtfs.qualifying_stops(deps, min_per_hour=4.0001).empty
    assert gtfs.qualifying_stops(deps, min_per_hour=3.9999).index.tolist() == ["A"]


def test_default_window_and_frequency(tmp_path):
    # D: 05:59:59 (before 06:00), 06:00:00 (counted), 12 on the hour from 07:00 to 18:00, 19:59:59 (counted),
    # 20:00:00 (not): 14 departures over 14 h = 1.0 an hour: qualifies with the default minimum of 1.
    # E: the same without 12:00: 13 / 14 = 0.93: does not.
    hours = [f"{h:02d}:00:00" for h in range(7, 19)]
    d_times = ["05:59:59", "06:00:00", *hours, "19:59:59", "20:00:00"]
    e_times = [t for t in d_times if t != "12:00:00"]
    feed = _feed(tmp_path, [("D", "BUS", "WK", t) for t in d_times] + [("E", "BUS", "WK", t) for t in e_times])
    deps = gtfs.stop_departures(feed, date=MONDAY)
    assert (deps.attrs["start"], deps.attrs["end"], deps.attrs["hours"]) == ("06:00", "20:00", 14.0)
    assert deps.loc[["D", "E"], "departures"].tolist() == [14, 13]
    ok = gtfs.qualifying_stops(deps)
    assert ok.index.tolist() == ["D"]
    assert ok.loc["D", "per_hour"] == 1.0
    # The default distances: a bus stop is low capacity, 500 m.
    assert (ok.loc["D", "capacity"], ok.loc["D", "access_distance"]) == ("low", 500.0)


def test_default_weekday_is_monday(tmp_path):
    # Service MON runs on Mondays only (stop M), TUE on Tuesdays only (stop U). Without a date the day
    # counted is a Monday: M has its departure, U none.
    feed = _feed(tmp_path, [("M", "BUS", "MON", "07:00:00"), ("U", "BUS", "TUE", "07:00:00")])
    deps = gtfs.stop_departures(feed)
    assert deps.loc[["M", "U"], "departures"].tolist() == [1, 0]
    assert pd.Timestamp(deps.attrs["date"]).day_name() == "Monday"


def test_high_capacity_needs_its_own_departures_to_reach_the_minimum(tmp_path):
    # R: 7 rail departures in 1.75 h: 4 an hour of rail alone: high capacity, 1000 m by default.
    # X: 6 rail and 1 bus: 7 in all (4 an hour: qualifies) but rail alone 6 / 1.75 = 3.43: low, 500 m.
    times = A_TIMES[1:8]
    feed = _feed(tmp_path, [("R", "RAIL", "WK", t) for t in times]
                 + [("X", "RAIL", "WK", t) for t in times[:6]] + [("X", "BUS", "WK", times[6])])
    deps = gtfs.stop_departures(feed, date=MONDAY, start="06:30", end="08:15")
    ok = gtfs.qualifying_stops(deps, min_per_hour=4.0)
    assert ok.loc[["R", "X"], "capacity"].tolist() == ["high", "low"]
    assert ok.loc[["R", "X"], "access_distance"].tolist() == [1000.0, 500.0]
    assert ok.loc["X", "high_per_hour"] == pytest.approx(6 / 1.75)


@pytest.mark.parametrize("route_type, capacity", [
    (1, "high"), (2, "high"), (4, "high"), (0, "low"), (3, "low"), (5, "low"), (7, "low"),
    (99, "low"), (100, "high"), (117, "high"), (118, "low"),
    (399, "low"), (400, "high"), (405, "high"), (406, "low"),
    (999, "low"), (1000, "high"), (1200, "high"), (1201, "low"),
])
def test_high_capacity_route_types_and_their_bounds(route_type, capacity):
    classes, _ = transit.capacity_classes([route_type, str(route_type)])
    assert classes.tolist() == [capacity, capacity]


def test_qualifying_stops_defaults_on_the_bound():
    # 14 h window: 14 departures = 1.0 an hour (qualifies, >=), 13 = 0.93 (not); 0 never qualifies.
    deps = pd.DataFrame({"departures": [14, 13, 0, 14], "high_departures": [0, 0, 0, 14]},
                        index=pd.Index(["a", "b", "c", "r"], name="stop_id"))
    deps.attrs["hours"] = 14.0
    ok = gtfs.qualifying_stops(deps)
    assert ok.index.tolist() == ["a", "r"]
    assert ok["access_distance"].tolist() == [500.0, 1000.0]
    # A minimum of 0 still needs a departure (above 0).
    assert gtfs.qualifying_stops(deps, min_per_hour=0.0).index.tolist() == ["a", "b", "r"]


def test_layer_stops_defaults_on_the_bound():
    stops = pd.DataFrame({"x": [0.0, 1.0, 2.0, 3.0], "y": [0.0] * 4})
    table, _ = transit.layer_stops(stops, ["bus", "bus", "metro", "tram"], [1.0, 0.99, 1.0, 0.0])
    # 1.0 an hour reaches the default minimum of 1 (>=); 0.99 does not; 0 never.
    assert table["qualifies"].tolist() == [True, False, True, False]
    assert table["access_distance"].tolist() == [500.0, 500.0, 1000.0, 500.0]
    table, _ = transit.layer_stops(stops, ["bus"] * 4, [1.0, 0.99, 1.0, 0.0], min_per_hour=0.0)
    assert table["qualifies"].tolist() == [True, True, True, False]


# --- walking distances: 500 m (low) and 1,000 m (high), inclusive -----------------------------------

def _stops():
    # A low-capacity stop at (0, 0) and a high-capacity one at (10000, 0), the default distances.
    table, _ = transit.layer_stops(pd.DataFrame({"x": [0.0, 10000.0], "y": [0.0, 0.0]}), ["bus", "rail"])
    return table


@pytest.mark.parametrize("point, access", [
    ((300.0, 400.0), True),          # 500 m from the bus stop (3-4-5): on the bound, access
    ((300.0, 400.001), False),       # 500.0008 m
    ((0.0, 800.0), False),           # 800 m from a bus stop: beyond its 500 m though within 1000 m
    ((10600.0, 800.0), True),        # 1000 m from the rail stop (6-8-10)
    ((10600.0, 800.001), False),
    ((10000.0, 999.999), True),
])
def test_straight_line_access_distances(point, access):
    result = transit.population_access(None, [point], _stops()).points
    assert bool(result.loc[0, "access"]) is access


@pytest.mark.parametrize("x, access", [(480.0, True), (480.001, False), (479.0, True)])
def test_walk_along_the_street_to_a_low_capacity_stop(x, access):
    # A street along y = 0; the bus stop at its start; the point 20 m off the street at x: its walk is
    # 20 (to the street) + x along it: 500 m exactly at x = 480.
    streets = np.array([[0.0, 0.0, 3000.0, 0.0]])
    result = transit.population_access(streets, [[x, 20.0]], _stops().iloc[[0]], search_distance=1000.0).points
    assert result.loc[0, "distance"] == pytest.approx(x + 20.0)
    assert bool(result.loc[0, "access"]) is access


@pytest.mark.parametrize("x, access", [(1000.0, True), (1000.001, False)])
def test_walk_along_the_street_to_a_high_capacity_stop(x, access):
    streets = np.array([[10000.0, 0.0, 13000.0, 0.0]])
    result = transit.population_access(streets, [[10000.0 + x, 0.0]], _stops().iloc[[1]]).points
    assert bool(result.loc[0, "access"]) is access


def test_access_shares_by_hand():
    # 10 + 60 of 100 people have access: 70 %.
    out = transit.access_shares([True, False, True], [10.0, 30.0, 60.0])
    assert out.loc[0, "share"] == pytest.approx(0.7)


# --- services: catchment inclusive, 2SFCA and walking time by hand ----------------------------------

@pytest.mark.parametrize("x, inside", [(1000.0, True), (1000.001, False), (999.999, True)])
def test_catchment_is_inclusive(x, inside):
    pairs = services.catchment_pairs(None, [[x, 0.0]], [[0.0, 0.0]], radius=1000.0)
    assert (len(pairs) == 1) is inside


@pytest.mark.parametrize("x, inside", [(1000.0, True), (1000.001, False)])
def test_catchment_along_the_streets_is_inclusive(x, inside):
    streets = np.array([[0.0, 0.0, 3000.0, 0.0]])
    pairs = services.catchment_pairs(streets, [[x, 0.0]], [[0.0, 0.0]], radius=1000.0)
    assert (len(pairs) == 1) is inside


def test_floating_catchment_by_hand():
    # Facility 0 (capacity 10) reaches points 0 and 1 (100 + 300): R_0 = 10 / 400 = 0.025.
    # Facility 1 (capacity 6) reaches point 1 only: R_1 = 6 / 300 = 0.02.
    # A_0 = 0.025; A_1 = 0.025 + 0.02 = 0.045; point 2 reaches nothing: 0.
    pairs = pd.DataFrame({"facility": [0, 0, 1], "point": [0, 1, 1]})
    per_facility, per_point = services.floating_catchment(pairs, [100.0, 300.0, 50.0], [10.0, 6.0])
    assert per_facility["ratio"].tolist() == pytest.approx([0.025, 0.02])
    assert per_point["score"].tolist() == pytest.approx([0.025, 0.045, 0.0])
    assert per_point["facilities"].tolist() == [1, 2, 0]


def test_walking_minutes_by_hand():
    # 4.8 km/h = 80 m a minute: 1,200 m in 15 minutes, 500 m in 6.25, 1,000 m in 12.5.
    assert services.walking_minutes(np.array([1200.0, 500.0, 1000.0]), 4.8).tolist() == \
        pytest.approx([15.0, 6.25, 12.5])


@pytest.mark.parametrize("x, reached", [(1000.0, True), (1000.001, False)])
def test_nearest_facility_cutoff_is_inclusive(x, reached):
    streets = np.array([[0.0, 0.0, 3000.0, 0.0]])
    out = services.nearest_facility(streets, [[x, 0.0]], [[0.0, 0.0]], cutoff=1000.0)
    assert bool(out.loc[0, "facility"] == 0) is reached
