"""GTFS read as its reference says (https://gtfs.org/schedule/reference/), counted for SDG 11.2.1.

Every feed here is a few lines written by hand in pytest's tmp_path; every expected count is
derived in the comments from those lines, never from the code. Times are written HH:MM(:SS);
a window [start, end) includes its start and excludes its end. Unless said otherwise the day
counted is Monday 2026-01-05 and the service WK runs Monday to Friday in 2026.

Reading taken for SDG 11.2.1 (see core/gtfs): a departure is a call where a passenger can
board: pickup_type 1 (no pickup) and the last stop of a trip are not departures.
"""

import doctest
import importlib
import pkgutil
import zipfile

import pytest

from alliance_territories.alliance_plugin.core import gtfs
from alliance_territories.alliance_plugin.core.errors import EmptyInputError

MONDAY = "2026-01-05"
STOPS = "stop_id,stop_name,stop_lat,stop_lon\n" + "".join(f"{s},Stop {s},60.{i},24.9\n" for i, s in
                                                          enumerate("ABCDEF", 1))
CALENDAR = ("service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\n"
            "WK,1,1,1,1,1,0,0,20260101,20261231\n")
HEADER = "trip_id,arrival_time,departure_time,stop_id,stop_sequence"


def write_feed(tmp_path, stop_times, *, services=None, frequencies=None, calendar=CALENDAR, calendar_dates=None,
               name="feed.zip", route_type=3):
    """A zipped feed: stops A-F, one route, one trip per trip_id of ``stop_times`` (service WK unless given)."""
    trip_ids = list(dict.fromkeys(line.split(",")[0] for line in stop_times.strip().split("\n")[1:]))
    services = services or {}
    tables = {"stops.txt": STOPS, "routes.txt": f"route_id,route_type\nR,{route_type}\n",
              "trips.txt": "route_id,service_id,trip_id\n" + "".join(
                  f"R,{services.get(t, 'WK')},{t}\n" for t in trip_ids),
              "stop_times.txt": stop_times.strip() + "\n"}
    if calendar:
        tables["calendar.txt"] = calendar
    if calendar_dates:
        tables["calendar_dates.txt"] = calendar_dates
    if frequencies:
        tables["frequencies.txt"] = frequencies
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        for member, text in tables.items():
            archive.writestr(member, text)
    return gtfs.read_gtfs(path)


def counts(feed, **window):
    window.setdefault("date", MONDAY)
    return gtfs.stop_departures(feed, **window)["departures"].to_dict()


# --- untimed intermediate stops -----------------------------------------------------------------

def test_untimed_stops_are_interpolated_by_their_order_in_the_trip(tmp_path):
    # A 06:00, B and C without times, D 06:30. stop_sequence 10, 20, 25, 40 is not consecutive (the
    # reference allows gaps): B and C are spread evenly between the timed stops by their order, 1/3
    # and 2/3 of the way: B 06:10, C 06:20 (by the sequence numbers C would be at 06:15).
    feed = write_feed(tmp_path, HEADER + "\n"
                      "t,06:00:00,06:00:00,A,10\nt,,,B,20\nt,,,C,25\nt,06:30:00,06:30:00,D,40\n")
    # window 06:16-07:00: C (06:20) only; A (06:00) and B (06:10) are before it; D ends the trip
    assert counts(feed, start="06:16", end="07:00") == {"A": 0, "B": 0, "C": 1, "D": 0, "E": 0, "F": 0}
    # window 06:00-06:16: A (06:00) and B (06:10)
    assert counts(feed, start="06:00", end="06:16") == {"A": 1, "B": 1, "C": 0, "D": 0, "E": 0, "F": 0}


def test_untimed_stops_follow_shape_dist_traveled_when_the_trip_gives_it(tmp_path):
    # A 06:00 at 0 m, B untimed at 9,000 m, C 06:20 at 12,000 m, D 06:30 at 15,000 m (last stop).
    # Along the shape, B is 9/12 of the way from A to C: 06:00 + 20 min x 3/4 = 06:15.
    # By order alone B would be halfway: 06:10. The window 06:12-07:00 starts between the two.
    rows = ("t,06:00:00,06:00:00,A,1,{0}\nt,,,B,2,{9000}\nt,06:20:00,06:20:00,C,3,{12000}\n"
            "t,06:30:00,06:30:00,D,4,{15000}\n")
    with_shape = rows.replace("{", "").replace("}", "")
    feed = write_feed(tmp_path, HEADER + ",shape_dist_traveled\n" + with_shape)
    # B at 06:15 and C at 06:20 fall in [06:12, 07:00); A at 06:00 does not; D is the last stop
    assert counts(feed, start="06:12", end="07:00") == {"A": 0, "B": 1, "C": 1, "D": 0, "E": 0, "F": 0}
    # the same trip without distances: B at 06:10, before the window
    without = rows.replace("{0}", "").replace("{9000}", "").replace("{12000}", "").replace("{15000}", "")
    feed = write_feed(tmp_path, HEADER + ",shape_dist_traveled\n" + without, name="plain.zip")
    assert counts(feed, start="06:12", end="07:00") == {"A": 0, "B": 0, "C": 1, "D": 0, "E": 0, "F": 0}
    # distances given for some stops of the trip only (B lacks one): the trip falls back on the order
    partial = rows.replace("{9000}", "").replace("{", "").replace("}", "")
    feed = write_feed(tmp_path, HEADER + ",shape_dist_traveled\n" + partial, name="partial.zip")
    assert counts(feed, start="06:12", end="07:00") == {"A": 0, "B": 0, "C": 1, "D": 0, "E": 0, "F": 0}


def test_untimed_stops_between_arrival_and_departure(tmp_path):
    # A departs 06:00 (arrives 05:58); B untimed; C arrives 06:20, departs 06:30; D 06:40, last.
    # B is interpolated from A's departure (06:00) to C's arrival (06:20): 06:10. C departs at 06:30.
    feed = write_feed(tmp_path, HEADER + "\n"
                      "t,05:58:00,06:00:00,A,1\nt,,,B,2\nt,06:20:00,06:30:00,C,3\nt,06:40:00,06:40:00,D,4\n")
    # window 06:10-06:30: B (06:10) only; C departs at 06:30, the window's excluded end
    assert counts(feed, start="06:10", end="06:30") == {"A": 0, "B": 1, "C": 0, "D": 0, "E": 0, "F": 0}


@pytest.mark.parametrize("where, rows", [
    ("first", "x,,,A,1\nx,06:10:00,06:10:00,B,2\nx,06:20:00,06:20:00,C,3\n"),
    ("last", "x,06:00:00,06:00:00,A,1\nx,06:10:00,06:10:00,B,2\nx,,,C,3\n"),
])
def test_a_trip_must_give_the_times_of_its_first_and_last_stops(tmp_path, where, rows):
    # the reference requires arrival and departure times at the first and last stop of a trip:
    # nothing to interpolate from, so the feed is refused, naming the trip
    feed = write_feed(tmp_path, HEADER + "\n" + rows + "ok,07:00:00,07:00:00,A,1\nok,07:05:00,07:05:00,B,2\n")
    with pytest.raises(gtfs.GtfsError, match=f"trip 'x'.*{where} stop"):
        gtfs.stop_departures(feed, date=MONDAY)


def test_a_time_that_is_not_a_time_names_the_trip(tmp_path):
    feed = write_feed(tmp_path, HEADER + "\n" "x,06:00:00,06:00:00,A,1\nx,6h10,6h10,B,2\nx,06:20:00,06:20:00,C,3\n")
    with pytest.raises(gtfs.GtfsError, match=r"trip 'x'.*'6h10'"):
        gtfs.stop_departures(feed, date=MONDAY)


# --- frequencies.txt ------------------------------------------------------------------------------

@pytest.mark.parametrize("exact", ["0", "1", ""])
def test_frequencies_expand_every_headway_from_start_time(tmp_path, exact):
    # Template trip f: A at +0, B untimed (halfway: +5 min), C at +10 min (last stop).
    # frequencies: from 06:00 every 15 min before 08:00 (06:00, 06:15, ..., 07:45: 8 runs), then every
    # 30 min from 08:00 before 08:50 (08:00, 08:30: 2 runs; 09:00 is not before 08:50).
    # The reference gives the first departure at start_time and one every headway_secs, for
    # frequency-based (exact_times 0 or empty) and schedule-based (1) trips alike.
    frequencies = ("trip_id,start_time,end_time,headway_secs,exact_times\n"
                   f"f,06:00:00,08:00:00,900,{exact}\nf,08:00:00,08:50:00,1800,{exact}\n")
    feed = write_feed(tmp_path, HEADER + "\n" "f,10:00:00,10:00:00,A,1\nf,,,B,2\nf,10:10:00,10:10:00,C,3\n",
                      frequencies=frequencies)
    # window 07:30-08:45: A at 07:30, 07:45, 08:00, 08:30 (4); B at 07:35, 07:50, 08:05, 08:35 (4)
    assert counts(feed, start="07:30", end="08:45") == {"A": 4, "B": 4, "C": 0, "D": 0, "E": 0, "F": 0}
    # window 06:00-07:00: A at 06:00, 06:15, 06:30, 06:45 (4); B at 06:05 ... 06:50 (4)
    assert counts(feed, start="06:00", end="07:00") == {"A": 4, "B": 4, "C": 0, "D": 0, "E": 0, "F": 0}
    # window 08:31-09:00: A none (08:30 is before it); B at 08:35 only
    assert counts(feed, start="08:31", end="09:00") == {"A": 0, "B": 1, "C": 0, "D": 0, "E": 0, "F": 0}


# --- service past midnight ------------------------------------------------------------------------

def test_service_past_midnight_counts_on_the_day_it_runs(tmp_path):
    # Services: SUN (Sundays), WK (weekdays), TUE (Tuesdays). Every trip goes A then B (last stop).
    # sun_late  SUN  A 24:30:00 -> Monday 00:30      sun_2350  SUN  A 23:50 -> Sunday 23:50
    # mon_early WK   A 00:45    -> Monday 00:45      mon_2340  WK   A 23:40 -> Monday 23:40
    # mon_late  WK   A 24:20:00 -> Tuesday 00:20     tue_early TUE  A 00:10 -> Tuesday 00:10
    calendar = CALENDAR + ("SUN,0,0,0,0,0,0,1,20260101,20261231\n"
                           "TUE,0,1,0,0,0,0,0,20260101,20261231\n")
    services = {"sun_late": "SUN", "sun_2350": "SUN", "tue_early": "TUE"}
    feed = write_feed(tmp_path, HEADER + "\n" + "".join(
        f"{trip},{t0},{t0},A,1\n{trip},{t1},{t1},B,2\n" for trip, t0, t1 in [
            ("sun_late", "24:30:00", "24:40:00"), ("sun_2350", "23:50:00", "23:59:00"),
            ("mon_early", "00:45:00", "00:55:00"), ("mon_2340", "23:40:00", "23:50:00"),
            ("mon_late", "24:20:00", "24:30:00"), ("tue_early", "00:10:00", "00:20:00")]),
        services=services, calendar=calendar)
    # Monday 00:00-01:00: sun_late (00:30) and mon_early (00:45)
    assert counts(feed, start="00:00", end="01:00")["A"] == 2
    # Monday 23:30 to Tuesday 00:30 (written 24:30): mon_2340 (23:40), mon_late (24:20 of Monday's
    # service day) and tue_early (Tuesday 00:10, i.e. 24:10 on Monday's clock)
    deps = gtfs.stop_departures(feed, date=MONDAY, start="23:30", end="24:30")
    assert deps.loc["A", "departures"] == 3 and deps.attrs["hours"] == 1
    assert deps.loc["B", "departures"] == 0  # B ends every trip


# --- calendar_dates.txt ---------------------------------------------------------------------------

def test_calendar_dates_add_and_remove_service_on_the_day(tmp_path):
    # calendar: WK weekdays, SAT Saturdays; calendar_dates on Monday 2026-01-05: WK removed (2),
    # SAT added (1), HOL added (1; HOL is in no calendar row). Trips go A -> B -> C:
    # wk at 08:00 (WK), sat at 09:00 (SAT), hol at 10:00 and 10:30 (HOL).
    calendar = CALENDAR + "SAT,0,0,0,0,0,1,0,20260101,20261231\n"
    dates = "service_id,date,exception_type\nWK,20260105,2\nSAT,20260105,1\nHOL,20260105,1\n"
    rows = "".join(f"{trip},{h}:00:00,{h}:00:00,A,1\n{trip},{h}:05:00,{h}:05:00,B,2\n{trip},{h}:09:00,{h}:09:00,C,3\n"
                   for trip, h in [("wk", "08"), ("sat", "09"), ("hol", "10")])
    rows += "hol2,10:30:00,10:30:00,A,1\nhol2,10:35:00,10:35:00,B,2\nhol2,10:39:00,10:39:00,C,3\n"
    feed = write_feed(tmp_path, HEADER + "\n" + rows, services={"sat": "SAT", "hol": "HOL", "hol2": "HOL"},
                      calendar=calendar, calendar_dates=dates)
    # 2026-01-05: sat, hol, hol2 run (3 departures from A and from B); wk does not
    assert counts(feed) == {"A": 3, "B": 3, "C": 0, "D": 0, "E": 0, "F": 0}
    # the next Monday, 2026-01-12, is an ordinary one: wk only
    assert counts(feed, date="2026-01-12") == {"A": 1, "B": 1, "C": 0, "D": 0, "E": 0, "F": 0}
    # without a date, the Monday with the most services is chosen: 2026-01-05 (SAT and HOL) over
    # every other Monday (WK alone)
    assert gtfs.stop_departures(feed, date=None, weekday="monday").attrs["date"] == MONDAY
    # Saturday 2026-01-10: sat only
    assert counts(feed, date="2026-01-10")["A"] == 1
    # Sunday 2026-01-11: nothing runs; Saturday's sat runs the day before but does not pass midnight
    assert counts(feed, date="2026-01-11") == {s: 0 for s in "ABCDEF"}
    with pytest.raises(EmptyInputError, match="2027-01-04"):  # beyond the calendar: nothing runs at all
        counts(feed, date="2027-01-04")


# --- a window that is not a whole number of hours -------------------------------------------------

def test_departures_per_hour_over_a_window_of_one_hour_three_quarters(tmp_path):
    # trips every 15 min from 06:00 to 09:00 (13 trips), A then B 5 min later (B ends the trip).
    rows = "".join(f"q{k},{6 + k // 4:02d}:{k % 4 * 15:02d}:00,{6 + k // 4:02d}:{k % 4 * 15:02d}:00,A,1\n"
                   f"q{k},{6 + k // 4:02d}:{k % 4 * 15 + 5:02d}:00,{6 + k // 4:02d}:{k % 4 * 15 + 5:02d}:00,B,2\n"
                   for k in range(13))
    feed = write_feed(tmp_path, HEADER + "\n" + rows)
    # 06:30-08:15 (1.75 h): A at 06:30, 06:45, 07:00, 07:15, 07:30, 07:45, 08:00 = 7 -> 7 / 1.75 = 4.0 an hour
    deps = gtfs.stop_departures(feed, date=MONDAY, start="06:30", end="08:15")
    assert deps.attrs["hours"] == 1.75 and deps.loc["A", "departures"] == 7 and deps.loc["B", "departures"] == 0
    q = gtfs.qualifying_stops(deps, min_per_hour=4)
    assert list(q.index) == ["A"] and q.loc["A", "per_hour"] == 4.0  # exactly on the bound: qualifies
    # 06:29-08:15 (106 min): the same 7 departures -> 7 x 60 / 106 = 3.96 an hour: below 4, no stop
    deps = gtfs.stop_departures(feed, date=MONDAY, start="06:29", end="08:15")
    assert deps.loc["A", "departures"] == 7 and deps.attrs["hours"] == pytest.approx(106 / 60)
    assert gtfs.qualifying_stops(deps, min_per_hour=4).empty
    assert gtfs.qualifying_stops(deps, min_per_hour=3.96)["per_hour"].tolist() == [pytest.approx(420 / 106)]


# --- who can board --------------------------------------------------------------------------------

def test_no_pickup_and_the_last_stop_are_not_departures(tmp_path):
    # one trip A (pickup 0) -> B (1: no pickup) -> C (2: phone the agency) -> D (3: ask the driver)
    # -> E (empty: regular) -> F (last stop), 06:00 to 06:25 every 5 min.
    rows = "".join(f"p,06:{5 * i:02d}:00,06:{5 * i:02d}:00,{s},{i + 1},{pickup}\n"
                   for i, (s, pickup) in enumerate(zip("ABCDEF", ["0", "1", "2", "3", "", "0"])))
    feed = write_feed(tmp_path, HEADER + ",pickup_type\n" + rows)
    # a passenger can board at A, C, D and E; nobody boards at B; F ends the trip
    assert counts(feed, start="06:00", end="07:00") == {"A": 1, "B": 0, "C": 1, "D": 1, "E": 1, "F": 0}
    # every timed call, as counted before (boardings_only=False): one each
    every = gtfs.stop_departures(feed, date=MONDAY, start="06:00", end="07:00", boardings_only=False)
    assert every["departures"].to_dict() == {s: 1 for s in "ABCDEF"}


def test_a_loop_departs_once_from_the_stop_it_starts_and_ends_at(tmp_path):
    # loop: A 06:00 -> B 06:10 -> A 06:20 (ends there); then trip back: A 06:30 -> C 06:40.
    # A: departures at 06:00 and 06:30 (the 06:20 arrival ends a trip); B 1; C ends its trip.
    feed = write_feed(tmp_path, HEADER + "\n"
                      "loop,06:00:00,06:00:00,A,1\nloop,06:10:00,06:10:00,B,2\nloop,06:20:00,06:20:00,A,3\n"
                      "back,06:30:00,06:30:00,A,1\nback,06:40:00,06:40:00,C,2\n")
    assert counts(feed, start="06:00", end="07:00") == {"A": 2, "B": 1, "C": 0, "D": 0, "E": 0, "F": 0}


def test_rows_are_ordered_by_stop_sequence_not_by_file_order(tmp_path):
    # the rows of trip t are written last stop first: by stop_sequence the trip is A (1) -> B (2) -> C (3)
    feed = write_feed(tmp_path, HEADER + "\n"
                      "t,06:20:00,06:20:00,C,3\nt,,,B,2\nt,06:00:00,06:00:00,A,1\n")
    # B is interpolated at 06:10; C ends the trip
    assert counts(feed, start="06:05", end="07:00") == {"A": 0, "B": 1, "C": 0, "D": 0, "E": 0, "F": 0}


# --- the package's own examples -------------------------------------------------------------------

def test_doctests_of_every_gtfs_module():
    names = [gtfs.__name__]
    if hasattr(gtfs, "__path__"):
        names += [f"{gtfs.__name__}.{m.name}" for m in pkgutil.iter_modules(gtfs.__path__)]
    for name in names:
        failures, _ = doctest.testmod(importlib.import_module(name), optionflags=doctest.NORMALIZE_WHITESPACE)
        assert failures == 0, name
