"""Access to public transport (SDG 11.2.1): hand-made timetables and street grids with known answers.

The GTFS feed is written here, so every count below is by construction:

- bus B1 (type 3) every 10 min from 06:00 to 19:50 plus trips at 05:50 and 19:58, S1 then HUB
  5 min later: S1 counts 84 + 1 (19:58), HUB 84 (20:03 falls outside [06:00, 20:00));
- tram T1 (type 0) only through frequencies.txt: every 600 s from 06:00 to 20:00 (84 runs) and
  every 1200 s from 20:00 to 22:00 (none in the window), TA then TB 3 min later: 84 each;
- rail R1 (type 2) hourly from 06:30 to 19:30 (14 trips), HUB then RB 20 min later: 14 each;
  a Sunday-night trip at 30:05:00 departs RB at 06:05 on Monday (15 on a Monday);
- a weekend bus (two trips) and an unserved stop X;
- calendar_dates removes the weekday service on Monday 2026-06-01 and adds the weekend one.

These counts take every call of the feed, the last stop of each trip included
(``boardings_only=False``); the SDG 11.2.1 default counts only the calls where one can board
(no last stop, no pickup_type 1), pinned on this feed in test_monday_departures_exact and on
feeds of their own in test_gtfs_spec.py.
"""

import itertools
import math
import zipfile

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core import transit
from alliance_territories.alliance_plugin.core.errors import (AllianceError, EmptyInputError,
                                                               FieldNotFoundError, InvalidValueError)


def hhmm(seconds):
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def feed_tables(*, with_calendar=True):
    stops = ("stop_id,stop_name,stop_lat,stop_lon\n"
             "S1,Bus one,60.1,24.9\nHUB,Hub,60.2,24.9\nTA,Tram a,60.3,24.9\n"
             "TB,Tram b,60.4,24.9\nRB,Rail b,60.5,24.9\n007,Unserved,60.6,24.9\n")
    routes = ("route_id,route_short_name,route_type\n"
              "B1,1,3\nT1,4,0\nR1,R,2\nB9,9,3\n")
    trips = ["route_id,service_id,trip_id"]
    times = ["trip_id,arrival_time,departure_time,stop_id,stop_sequence"]

    def trip(trip_id, route, service, calls):
        trips.append(f"{route},{service},{trip_id}")
        for seq, (stop, t) in enumerate(calls, 1):
            times.append(f"{trip_id},{hhmm(t)},{hhmm(t)},{stop},{seq}")

    bus_starts = [6 * 3600 + 600 * k for k in range(84)] + [5 * 3600 + 50 * 60, 19 * 3600 + 58 * 60]
    for k, t in enumerate(bus_starts):
        trip(f"b{k}", "B1", "WK", [("S1", t), ("HUB", t + 300)])
    trip("tram", "T1", "WK", [("TA", 6 * 3600), ("TB", 6 * 3600 + 180)])
    for k in range(14):
        t = 6 * 3600 + 1800 + 3600 * k
        trip(f"r{k}", "R1", "WK", [("HUB", t), ("RB", t + 1200)])
    trip("night", "R1", "NIGHT", [("HUB", 29 * 3600 + 45 * 60), ("RB", 30 * 3600 + 5 * 60)])
    trip("w1", "B9", "WE", [("S1", 10 * 3600), ("HUB", 10 * 3600 + 300)])
    trip("w2", "B9", "WE", [("S1", 10 * 3600 + 1800), ("HUB", 10 * 3600 + 2100)])
    frequencies = ("trip_id,start_time,end_time,headway_secs\n"
                   "tram,06:00:00,20:00:00,600\ntram,20:00:00,22:00:00,1200\n")
    tables = {"stops.txt": stops, "routes.txt": routes, "trips.txt": "\n".join(trips) + "\n",
              "stop_times.txt": "\n".join(times) + "\n", "frequencies.txt": frequencies}
    if with_calendar:
        tables["calendar.txt"] = (
            "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\n"
            "WK,1,1,1,1,1,0,0,20260101,20261231\nWE,0,0,0,0,0,1,1,20260101,20261231\n"
            "NIGHT,0,0,0,0,0,0,1,20260101,20261231\n")
        tables["calendar_dates.txt"] = "service_id,date,exception_type\nWK,20260601,2\nWE,20260601,1\n"
    else:
        tables["calendar_dates.txt"] = ("service_id,date,exception_type\n"
                                        "WK,20260302,1\nWK,20260309,1\nWE,20260307,1\n")
    return tables


def write_zip(path, tables):
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in tables.items():
            archive.writestr(name, text)
    return path


@pytest.fixture
def gtfs(tmp_path):
    return transit.read_gtfs(write_zip(tmp_path / "feed.zip", feed_tables()))


def counts(departures):
    return departures["departures"].to_dict()


# --- reading ---------------------------------------------------------------------------------

def test_read_gtfs_keeps_ids_as_text(gtfs):
    assert set(gtfs) == {"stops", "routes", "trips", "stop_times", "calendar", "calendar_dates",
                         "frequencies"}
    assert "007" in set(gtfs["stops"]["stop_id"])
    assert len(gtfs["trips"]) == 86 + 1 + 14 + 1 + 2


def test_read_gtfs_from_a_folder(tmp_path):
    for name, text in feed_tables().items():
        (tmp_path / name).write_text(text)
    stops = transit.read_gtfs(tmp_path)["stops"]
    assert len(stops) == 6
    assert stops["stop_id"].tolist() == ["S1", "HUB", "TA", "TB", "RB", "007"]


def test_read_gtfs_reads_only_the_files_and_columns_it_uses(tmp_path, monkeypatch):
    """A feed's shapes.txt (often the largest file) is never decompressed; unused columns are never kept."""
    from alliance_territories.alliance_plugin.core import gtfs as gtfs_module

    tables = feed_tables()
    tables["shapes.txt"] = "shape_id,shape_pt_lat,shape_pt_lon,shape_pt_sequence\n" + "s,60.1,24.9,1\n" * 50000
    header, *rows = tables["stops.txt"].rstrip("\n").split("\n")
    tables["stops.txt"] = "\n".join(["stop_id,stop_desc,stop_name,stop_lat,stop_lon"] + [
        row.replace(",", ",a long description nobody needs,", 1) for row in rows]) + "\n"
    opened = []
    real_open = zipfile.ZipFile.open

    def recording_open(self, name, *args, **kwargs):
        opened.append(getattr(name, "filename", name))
        return real_open(self, name, *args, **kwargs)

    path = write_zip(tmp_path / "feed.zip", tables)
    monkeypatch.setattr(zipfile.ZipFile, "open", recording_open)
    feed = gtfs_module.read_gtfs(path)
    assert "shapes.txt" not in opened and sorted(set(opened)) == sorted(n for n in tables if n != "shapes.txt")
    assert list(feed["stops"].columns) == ["stop_id", "stop_name", "stop_lat", "stop_lon"]
    assert list(feed["routes"].columns) == ["route_id", "route_type"]  # route_short_name left out
    assert feed["stops"].set_index("stop_id").loc["007", "stop_lat"] == "60.6"


def test_read_gtfs_refuses_an_absurd_compression_ratio(tmp_path, monkeypatch):
    """A member far larger once decompressed than stored is refused before it is decompressed."""
    from alliance_territories.alliance_plugin.core import gtfs as gtfs_module

    monkeypatch.setattr(gtfs_module, "RATIO_FROM", 1024 ** 2)  # 1 MB instead of 64 MB: a small test file
    tables = feed_tables()
    tables["stop_times.txt"] += "b0,06:00:00,06:00:00,S1,9\n" * 200000  # 5 MB of one line: ratio > 200
    path = write_zip(tmp_path / "bomb.zip", {})
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in tables.items():
            archive.writestr(name, text)
    with pytest.raises(transit.GtfsError, match="stop_times.txt in bomb.zip is compressed"):
        gtfs_module.read_gtfs(path)
    monkeypatch.setattr(gtfs_module, "MAX_RATIO", 10 ** 6)  # a genuine large feed with that ratio still reads
    assert len(gtfs_module.read_gtfs(path)["stop_times"]) > 200000


def test_read_gtfs_missing_files(tmp_path):
    tables = feed_tables()
    del tables["stop_times.txt"]
    with pytest.raises(transit.GtfsError, match="lacks stop_times.txt"):
        transit.read_gtfs(write_zip(tmp_path / "a.zip", tables))
    tables = feed_tables()
    del tables["calendar.txt"], tables["calendar_dates.txt"]
    with pytest.raises(transit.GtfsError, match="calendar.txt or calendar_dates.txt"):
        transit.read_gtfs(write_zip(tmp_path / "b.zip", tables))
    with pytest.raises(AllianceError, match="does not exist"):
        transit.read_gtfs(tmp_path / "none.zip")


# --- departures ------------------------------------------------------------------------------

def test_monday_departures_exact(gtfs):
    deps = transit.stop_departures(gtfs, boardings_only=False)
    assert deps.attrs["date"] == "2026-01-05" and deps.attrs["hours"] == 14
    assert counts(deps) == {"S1": 85, "HUB": 98, "TA": 84, "TB": 84, "RB": 15, "007": 0}
    assert deps["high_departures"].to_dict() == {"S1": 0, "HUB": 14, "TA": 0, "TB": 0, "RB": 15, "007": 0}
    assert deps.loc[["S1", "HUB", "TA", "RB"], "route_type"].tolist() == [3, 3, 0, 2]
    assert pd.isna(deps.loc["007", "route_type"])
    assert deps.loc["S1", "stop_lat"] == pytest.approx(60.1)
    # by default only boardings count: the buses end at HUB, the trams at TB, the trains at RB (the
    # night train's HUB departure is at 05:45): S1 85, HUB its 14 trains, TA 84, TB and RB none
    boardings = transit.stop_departures(gtfs)
    assert counts(boardings) == {"S1": 85, "HUB": 14, "TA": 84, "TB": 0, "RB": 0, "007": 0}
    assert boardings["high_departures"].to_dict() == {"S1": 0, "HUB": 14, "TA": 0, "TB": 0, "RB": 0, "007": 0}


def test_frequencies_expanded_within_window(gtfs):
    deps = transit.stop_departures(gtfs, start="19:00", end="21:00", boardings_only=False)
    # 06:00 + 600 k up to 19:50 gives 6 runs in 19:00-20:00, then 20:00 and 20:20 ... 20:40 (3)
    assert deps.loc["TA", "departures"] == 6 + 3
    assert deps.loc["TB", "departures"] == 6 + 3  # 19:03 ... 19:53, 20:03, 20:23, 20:43


def test_tuesday_has_no_night_trip(gtfs):
    deps = transit.stop_departures(gtfs, weekday="tuesday", boardings_only=False)
    assert deps.loc["RB", "departures"] == 14


def test_calendar_dates_exceptions_on_a_given_date(gtfs):
    deps = transit.stop_departures(gtfs, date="2026-06-01", boardings_only=False)
    assert counts(deps) == {"S1": 2, "HUB": 2, "TA": 0, "TB": 0, "RB": 1, "007": 0}


def test_saturday_weekend_bus(gtfs):
    deps = transit.stop_departures(gtfs, weekday="saturday", boardings_only=False)
    assert counts(deps) == {"S1": 2, "HUB": 2, "TA": 0, "TB": 0, "RB": 0, "007": 0}


def test_gtfs_with_only_calendar_dates(tmp_path):
    feed = transit.read_gtfs(write_zip(tmp_path / "cd.zip", feed_tables(with_calendar=False)))
    assert "calendar" not in feed
    deps = transit.stop_departures(feed, weekday="monday", boardings_only=False)
    assert deps.attrs["date"] == "2026-03-02"
    assert counts(deps) == {"S1": 85, "HUB": 98, "TA": 84, "TB": 84, "RB": 14, "007": 0}
    with pytest.raises(EmptyInputError, match="tuesday"):
        transit.stop_departures(feed, weekday="tuesday")


def test_departures_bad_options(gtfs):
    with pytest.raises(InvalidValueError, match="weekday"):
        transit.stop_departures(gtfs, weekday="mon")
    with pytest.raises(InvalidValueError, match="start before end"):
        transit.stop_departures(gtfs, start="20:00", end="06:00")
    with pytest.raises(EmptyInputError, match="2027-01-04"):
        transit.stop_departures(gtfs, date="2027-01-04")


def test_qualifying_stops_capacity_and_distance(gtfs):
    deps = transit.stop_departures(gtfs, boardings_only=False)
    q = transit.qualifying_stops(deps, min_per_hour=1)
    assert q["capacity"].to_dict() == {"S1": "low", "HUB": "high", "TA": "low", "TB": "low", "RB": "high"}
    assert q.loc["HUB", "access_distance"] == 1000 and q.loc["S1", "access_distance"] == 500
    q2 = transit.qualifying_stops(deps, min_per_hour=2, low_distance=400, high_distance=800)
    # HUB's rail alone runs once an hour: low capacity on its buses; RB (15/14 an hour) drops out
    assert q2["capacity"].to_dict() == {"S1": "low", "HUB": "low", "TA": "low", "TB": "low"}
    assert q2.loc["HUB", "per_hour"] == pytest.approx(7.0)
    assert set(q2["access_distance"]) == {400.0}
    with pytest.raises(InvalidValueError, match="stop_departures"):
        transit.qualifying_stops(pd.DataFrame({"departures": [1], "high_departures": [0]}))


# --- networks --------------------------------------------------------------------------------
# A(0,0) B(100,0) C(200,0) G(700,0); D(0,100) E(100,100) F(200,100): a 2 x 1 grid of 100 m
# squares with a 500 m spur C-G, and a separate street (0,300)-(100,300).

EDGES = np.array([
    [0, 0, 100, 0], [100, 0, 200, 0], [0, 100, 100, 100], [100, 100, 200, 100],
    [0, 0, 0, 100], [100, 0, 100, 100], [200, 0, 200, 100], [200, 0, 700, 0],
    [0, 300, 100, 300],
], dtype=float)
STOPS = pd.DataFrame({"x": [0.0, 700.0], "y": [0.0, 20.0], "access_distance": [150.0, 600.0]})
POINTS = np.array([[0, 5], [100, 100], [200, 110], [450, 250], [200, 0], [0, 305]], dtype=float)


def test_network_access_known_distances():
    out = transit.network_access(EDGES, POINTS, STOPS, snap_tolerance=60)
    # p0 5 m from A; p1 E->A 200 (> 150, and 700 to G); p2 10 + F->A 300 (G at 630 > cutoff 600);
    # p3 150 m from any street: reported; p4 C: A 200, G 500 + 20 = 520 <= 600; p5 other component
    expected = [5, 200, 310, np.nan, 200, np.nan]
    np.testing.assert_allclose(out["distance"], expected)
    assert out["access"].tolist() == [True, False, False, False, True, False]
    assert out["snapped"].tolist() == [True, True, True, False, True, True]
    np.testing.assert_allclose(out["snap_distance"], [0, 0, 10, np.nan, 0, 5])
    assert out.attrs["unsnapped_points"] == 1 and out.attrs["unsnapped_stops"] == 0
    assert out.attrs["parts"] == 2 and out.attrs["points_in_parts_without_stop"] == 1
    assert out["stop"].tolist() == [0, 0, 0, -1, 0, -1]
    assert (out["method"] == "network").all()


def test_network_access_cutoff_and_unsnapped_stop():
    out = transit.network_access(EDGES, POINTS, STOPS, snap_tolerance=60, cutoff=1000)
    np.testing.assert_allclose(out["distance"], [5, 200, 310, np.nan, 200, np.nan])
    far_stop = pd.DataFrame({"x": [0.0, 450.0], "y": [0.0, 250.0], "access_distance": [150.0, 600.0]})
    out = transit.network_access(EDGES, POINTS, far_stop, snap_tolerance=60)
    assert out.attrs["unsnapped_stops"] == 1
    assert out["access"].tolist() == [True, False, False, False, False, False]


def test_euclidean_versus_network_on_a_detour():
    stop = pd.DataFrame({"x": [0.0], "y": [0.0], "access_distance": [250.0]})
    point = [[200.0, 110.0]]
    straight = transit.euclidean_access(point, stop)
    walked = transit.network_access(EDGES, point, stop, snap_tolerance=60, cutoff=1000)
    assert straight.loc[0, "distance"] == pytest.approx(math.hypot(200, 110))
    assert walked.loc[0, "distance"] == pytest.approx(310)
    assert straight.loc[0, "access"] and not walked.loc[0, "access"]
    assert straight.attrs["method"] == "euclidean" and (straight["method"] == "euclidean").all()
    # straight lines ignore the streets: E is 141 m from A (< 150), F' 508 m from G (< 600),
    # the unsnapped point 340 m from G, C 500 m (its distance is 200 to A); only the far end of
    # the separate street stays out
    proxy = transit.euclidean_access(POINTS, STOPS)
    assert proxy["access"].tolist() == [True, True, True, True, True, False]
    np.testing.assert_allclose(proxy["distance"], [5, math.hypot(100, 100), math.hypot(200, 110),
                                                   math.hypot(250, 230), 200, 305])


def test_street_graph_merges_close_ends_and_keeps_shortest_parallel():
    edges = ([[0, 0], [0, 0], [100.004, 0]], [[100, 0.004], [100, 0], [100, 50]])
    nodes, graph = transit.street_graph(edges, tolerance=0.01)
    assert len(nodes) == 3 and graph.nnz == 4
    assert graph.max() == pytest.approx(100.0, abs=0.01)
    # the three ends near (100, 0) are one node; the two parallel links 0-1 are one of 100 m
    assert nodes.tolist() == [[0.0, 0.0], [100.0, 0.0], [100.0, 50.0]]
    assert sorted(graph.toarray()[np.triu_indices(3, 1)]) == pytest.approx([0.0, 50.0, 100.0])
    with pytest.raises(InvalidValueError, match=r"\(n, 4\)"):
        transit.street_graph([[0, 0, 1]])


def test_network_matches_networkx_on_a_random_grid():
    rng = np.random.default_rng(7)
    size, step = 8, 100.0
    edges = []
    for i, j in itertools.product(range(size), repeat=2):
        if i + 1 < size and rng.random() < 0.8:
            edges.append([i * step, j * step, (i + 1) * step, j * step])
        if j + 1 < size and rng.random() < 0.8:
            edges.append([i * step, j * step, i * step, (j + 1) * step])
    edges = np.array(edges)
    stops = pd.DataFrame({"x": [0.0, 500.0, 300.0], "y": [0.0, 400.0, 700.0],
                          "access_distance": [500.0, 1000.0, 500.0]})
    points = np.array([[i * step, j * step] for i, j in itertools.product(range(size), repeat=2)])
    out = transit.network_access(edges, points, stops, snap_tolerance=1, cutoff=5000)
    graph = nx.Graph()
    graph.add_nodes_from(map(tuple, points))
    for x0, y0, x1, y1 in edges:
        graph.add_edge((x0, y0), (x1, y1), weight=math.hypot(x1 - x0, y1 - y0))
    expected, access = [], []
    for p in map(tuple, points):
        lengths = [nx.shortest_path_length(graph, p, (s.x, s.y), weight="weight")
                   if nx.has_path(graph, p, (s.x, s.y)) else np.inf for s in stops.itertuples()]
        expected.append(min(lengths) if np.isfinite(min(lengths)) else np.nan)
        access.append(any(d <= s.access_distance for d, s in zip(lengths, stops.itertuples())))
    np.testing.assert_allclose(out["distance"], expected)
    assert out["access"].tolist() == access
    assert 0 < sum(access) < len(access)


def test_network_bad_inputs():
    with pytest.raises(FieldNotFoundError, match="access_distance"):
        transit.network_access(EDGES, POINTS, pd.DataFrame({"x": [0.0], "y": [0.0]}))
    with pytest.raises(InvalidValueError, match=r"\(n, 2\)"):
        transit.network_access(EDGES, [1, 2, 3], STOPS)
    with pytest.raises(EmptyInputError):
        transit.network_access(np.empty((0, 4)), POINTS, STOPS)


def test_high_capacity_types_is_a_parameter(gtfs):
    deps = transit.stop_departures(gtfs, high_capacity_types={0, 2}, boardings_only=False)  # trams counted as high
    q = transit.qualifying_stops(deps, min_per_hour=1)
    assert q.loc[["TA", "TB", "S1"], "capacity"].tolist() == ["high", "high", "low"]
    with pytest.raises(InvalidValueError, match="YYYY-MM-DD"):
        transit.stop_departures(gtfs, date="first of May")


def test_euclidean_points_without_coordinates_are_kept_unplaced():
    stops = pd.DataFrame({"x": [0.0], "y": [0.0], "access_distance": [500.0]})
    out = transit.euclidean_access([[100, 0], [np.nan, np.nan], [0, 900]], stops)
    assert out["access"].tolist() == [True, False, False]
    assert out["snapped"].tolist() == [True, False, True] and out["stop"].tolist() == [0, -1, 0]
    np.testing.assert_allclose(out["distance"], [100, np.nan, 900])


def test_transit_access_service_areas_follow_the_streets():
    stops = pd.DataFrame({"x": [0.0, 700.0], "y": [0.0, 20.0], "access_distance": [150.0, 600.0]},
                         index=["A", "G"])
    result = transit.transit_access(EDGES, POINTS, stops, snap_tolerance=60, areas=True)
    areas = result.areas
    assert list(areas.index) == ["A", "G"]
    # A: 150 m east (A-B, half of B-C), 150 m up and east (A-D, half of D-E), 50 m up B-E;
    # G: 20 m to the street, then 500 m along the spur to C and 80 m on towards B and towards F
    assert areas.loc["A", "length"] == pytest.approx(150 + 150 + 50)
    assert areas.loc["G", "length"] == pytest.approx(500 + 80 + 80)
    assert result.points["access"].tolist() == [True, False, False, False, True, False]


# --- the algorithm's per-point and per-stop results --------------------------------------------

LINE = np.array([[0, 0, 1000, 0]], dtype=float)
ONE_STOP = pd.DataFrame({"x": [0.0], "y": [0.0], "access_distance": [500.0], "stop_id": ["A"],
                         "capacity": ["low"]})


@pytest.mark.parametrize("streets", [None, LINE], ids=["straight", "walked"])
def test_access_exactly_at_the_access_distance(streets):
    """500 m from a low-capacity stop is within reach; a millimetre farther is not."""
    points = [[500.0, 0.0], [500.001, 0.0], [499.999, 0.0]]
    out = transit.population_access(streets, points, ONE_STOP, snap_tolerance=1).points
    assert out["access"].tolist() == [True, False, True]
    # reported up to the longest access distance (no search distance): beyond it, no distance, no stop
    assert out["distance"].tolist()[0] == pytest.approx(500.0) and np.isnan(out["distance"].tolist()[1])
    assert out["stop"].tolist() == [0, -1, 0]


@pytest.mark.parametrize("streets", [None, LINE], ids=["straight", "walked"])
def test_search_distance_reports_farther_stops(streets):
    points = [[700.0, 0.0], [900.0, 0.0]]
    out = transit.population_access(streets, points, ONE_STOP, snap_tolerance=1, search_distance=800).points
    assert out["access"].tolist() == [False, False]
    np.testing.assert_allclose(out["distance"], [700.0, np.nan])
    assert out["stop"].tolist() == [0, -1]
    # a search distance shorter than the access distance never hides a stop within reach
    short = transit.population_access(streets, [[450.0, 0.0]], ONE_STOP, snap_tolerance=1, search_distance=100)
    assert short.points["distance"].tolist() == pytest.approx([450.0])


def test_population_access_without_stops_counts_everyone_without_access():
    empty = ONE_STOP.iloc[:0]
    for streets in (None, LINE):
        out = transit.population_access(streets, [[0.0, 0.0], [1.0, 1.0]], empty, areas=True)
        assert out.areas is None
        assert out.points["access"].tolist() == [False, False] and out.points["stop"].tolist() == [-1, -1]
        assert out.points["snapped"].tolist() == [False, False] and out.points["distance"].isna().all()


def test_point_fields_by_hand():
    stops = pd.DataFrame({"x": [0.0, 2000.0], "y": [0.0, 0.0], "access_distance": [500.0, 1000.0],
                          "stop_id": ["A", "B"], "capacity": ["low", "high"]})
    access = transit.population_access(LINE, [[300.0, 10.0], [1000.0, 0.0], [0.0, 900.0]], stops,
                                       snap_tolerance=50)
    out = transit.point_fields(access.points, stops, index=[10, 20, 30])
    assert list(out.columns) == ["access", "distance_m", "nearest_stop", "nearest_capacity", "placed", "snap_m"]
    assert out.index.tolist() == [10, 20, 30]
    # (300, 10): 10 m to the street, 300 m to A; (1000, 0): 1000 m to A, too far for A's 500 m but reported,
    # being exactly the longest access distance (B's), while B itself is off the street (2000, 0 is 1000 m
    # from the line's end, beyond the snap tolerance); (0, 900): not placed
    assert out["access"].tolist() == [1, 0, 0]
    np.testing.assert_allclose(out["distance_m"], [310.0, 1000.0, np.nan])
    assert [None if pd.isna(v) else v for v in out["nearest_stop"]] == ["A", "A", None]
    assert [None if pd.isna(v) else v for v in out["nearest_capacity"]] == ["low", "low", None]
    assert out["placed"].tolist() == [1, 1, 0]
    np.testing.assert_allclose(out["snap_m"], [10.0, 0.0, np.nan])


def test_service_areas_count_the_people_a_stop_serves_first():
    stops = pd.DataFrame({"x": [0.0, 900.0], "y": [0.0, 0.0], "access_distance": [500.0, 500.0],
                          "stop_id": ["A", "B"], "capacity": ["low", "low"]})
    points = [[100.0, 0.0], [800.0, 0.0], [460.0, 0.0], [2000.0, 0.0]]
    population = [10.0, 20.0, 40.0, 80.0]
    straight = transit.population_access(None, points, stops, areas=True)
    table, discs = transit.service_areas(stops, straight, population)
    assert list(table.columns) == ["stop_id", "capacity", "access_distance", "area_m2", "population_nearest"]
    # 460 is 460 m from A and 440 m from B: B's; the last point reaches no stop
    assert table["population_nearest"].tolist() == [10.0, 60.0]
    assert table["area_m2"].tolist() == pytest.approx([np.pi * 500 ** 2] * 2, rel=0.01)
    assert len(discs) == 2
    walked = transit.population_access(LINE, points, stops, snap_tolerance=1, areas=True)
    table, lines = transit.service_areas(stops, walked, population)
    assert list(table.columns) == ["stop_id", "capacity", "access_distance", "length_m", "population_nearest"]
    # along the line: A walks 0-450 (the streets between are cut where A and B are as far), B 450-1000
    assert table["length_m"].tolist() == pytest.approx([450.0, 550.0])
    assert table["population_nearest"].tolist() == [10.0, 60.0]
    assert [line.length for line in lines] == pytest.approx([450.0, 550.0])


# --- progress and cancel (issue 13) ------------------------------------------------------------------

def grid_city(side=20, people=25_000, stops=60, seed=5):
    """A grid of ``side`` x ``side`` blocks of 100 m (its segments), people, and stops of two capacities."""
    ticks = np.arange(side + 1) * 100.0
    rows = [(j0, i, j1, i) for i in ticks for j0, j1 in zip(ticks[:-1], ticks[1:])]
    rows += [(i, j0, i, j1) for i in ticks for j0, j1 in zip(ticks[:-1], ticks[1:])]
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, side * 100, (stops, 2))
    table = pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1],
                          "access_distance": np.where(np.arange(stops) % 4, 300.0, 700.0)})
    return np.array(rows), rng.uniform(0, side * 100, (people, 2)), table


@pytest.mark.parametrize("with_streets", [True, False], ids=["network", "straight"])
def test_population_access_reports_progress_and_changes_nothing(with_streets):
    segments, people, stops = grid_city()
    streets = segments if with_streets else None
    seen = []
    access = transit.population_access(streets, people, stops, snap_tolerance=60, areas=True, progress=seen.append,
                                       is_canceled=lambda: False)
    assert seen == sorted(seen) and seen[-1] == pytest.approx(100.0) and len(seen) >= 5, seen
    plain = transit.population_access(streets, people, stops, snap_tolerance=60, areas=True)
    pd.testing.assert_frame_equal(access.points, plain.points)
    assert access.points.attrs == plain.points.attrs and access.points["access"].sum() > 1000
    if with_streets:
        pd.testing.assert_frame_equal(access.areas.drop(columns="geometry"), plain.areas.drop(columns="geometry"))
        assert all((g is None and h is None) or g.equals_exact(h, 0)
                   for g, h in zip(access.areas["geometry"], plain.areas["geometry"]))
    else:
        assert all(g.equals_exact(h, 0) for g, h in zip(access.areas, plain.areas))


def test_a_cancel_stops_transit_access_at_the_next_checkpoint():
    segments, people, stops = grid_city()
    for streets in (segments, None):
        calls = []

        def is_canceled():
            calls.append(1)
            return len(calls) >= 3

        assert transit.population_access(streets, people, stops, is_canceled=is_canceled) is None
        assert len(calls) == 3, streets is None  # no check after the one that said stop
    assert transit.transit_access(segments, people, stops, is_canceled=lambda: True) is None
    assert transit.euclidean_access(people, stops, is_canceled=lambda: True) is None
