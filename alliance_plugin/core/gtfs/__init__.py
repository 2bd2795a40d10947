"""GTFS timetables: departures per stop in a time window of one service day, qualifying stops.

Modelling assumptions, stated once:

- Every ``stop_times`` row with a time counts as one departure from its stop
  (``departure_time``, else ``arrival_time``); rows without a time are not
  counted. Times past 24:00 belong to the service day they are written in, so
  a trip of the previous day at ``30:10:00`` departs at 06:10 on the day counted.
- A trip listed in ``frequencies.txt`` runs from each ``start_time`` every
  ``headway_secs`` while before ``end_time``; its ``stop_times`` only give the
  offsets from its first stop.
- Without a ``date``, the day counted is the date of the chosen weekday on which
  the most services run (the earliest of ties), from ``calendar`` and
  ``calendar_dates`` together: a GTFS with only ``calendar_dates`` works.
- A stop is high capacity when its high-capacity departures alone (rail, metro,
  ferry: route types 1, 2, 4, 100-117, 400-405, 1000-1200) reach the minimum
  frequency, low capacity when all its departures do.
"""

from __future__ import annotations

import datetime as _dt
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import AllianceError, EmptyInputError, FieldNotFoundError, InvalidValueError

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
REQUIRED_FILES = ("stops", "routes", "trips", "stop_times")
OPTIONAL_FILES = ("calendar", "calendar_dates", "frequencies")
HIGH_CAPACITY_TYPES = frozenset({1, 2, 4, *range(100, 118), *range(400, 406), *range(1000, 1201)})


class GtfsError(AllianceError):
    """A GTFS feed that lacks a required file or column."""


#: The columns read from each file: the others (shapes, fares, long descriptions...) are never loaded.
COLUMNS = {
    "stops": ("stop_id", "stop_name", "stop_lat", "stop_lon"),
    "routes": ("route_id", "route_type"),
    "trips": ("trip_id", "route_id", "service_id"),
    "stop_times": ("trip_id", "stop_id", "arrival_time", "departure_time"),
    "calendar": ("service_id", "start_date", "end_date", "monday", "tuesday", "wednesday", "thursday",
                 "friday", "saturday", "sunday"),
    "calendar_dates": ("service_id", "date", "exception_type"),
    "frequencies": ("trip_id", "start_time", "end_time", "headway_secs"),
}
#: A member larger than this once decompressed, or compressed more than :data:`MAX_RATIO` times
#: beyond :data:`RATIO_FROM`, is refused before anything is decompressed (a "zip bomb" or not a feed).
MAX_MEMBER_BYTES = 8 * 1024 ** 3
MAX_RATIO = 200
RATIO_FROM = 64 * 1024 ** 2


def _read_table(handle, name):
    """The known columns of one GTFS file, as text; empty cells are ``""``."""
    wanted = set(COLUMNS[name])
    table = pd.read_csv(handle, dtype=str, keep_default_na=False, encoding="utf-8-sig", skipinitialspace=True,
                        usecols=lambda column: column.strip().lstrip("\ufeff") in wanted)
    return table.rename(columns=lambda column: column.strip().lstrip("\ufeff"))


def _check_member(info, feed):
    """Refuse a zip member whose declared size is absurd, before decompressing it."""
    if info.file_size > MAX_MEMBER_BYTES:
        raise GtfsError("{member} in {feed} would take {size:,} bytes once decompressed: more than a GTFS "
                        "feed holds; check the file", member=info.filename, feed=feed, size=info.file_size)
    if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise GtfsError("{member} in {feed} is compressed {ratio:,.0f} times ({size:,} bytes from "
                        "{compressed:,}): refused as a damaged or malicious archive", member=info.filename,
                        feed=feed, ratio=info.file_size / max(info.compress_size, 1), size=info.file_size,
                        compressed=info.compress_size)


def read_gtfs(path):
    """Read a GTFS feed (zip file or folder) into a dict of text-valued frames.

    Keys are the file names without ``.txt``: ``stops``, ``routes``, ``trips``,
    ``stop_times`` (required), ``calendar``, ``calendar_dates``, ``frequencies``
    (when present). At least one of ``calendar`` and ``calendar_dates`` must be
    there. Every value, ids included, is read as text; empty cells are ``""``.

    Examples
    --------
    >>> read_gtfs("/nonexistent/feed.zip")
    Traceback (most recent call last):
    ...
    alliance_territories.alliance_plugin.core.gtfs.GtfsError: expected a GTFS zip file or folder, got '/nonexistent/feed.zip' which does not exist
    """
    path = Path(path)
    used = REQUIRED_FILES + OPTIONAL_FILES
    members = {}
    if path.is_dir():
        for file in path.glob("*.txt"):
            if file.stem.lower() in used:
                members[file.stem.lower()] = file
    elif path.is_file() and zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                name = Path(info.filename).name.lower()
                if name.endswith(".txt") and not info.is_dir() and name[:-4] in used and name[:-4] not in members:
                    _check_member(info, path.name)
                    members[name[:-4]] = info
    elif path.exists():
        raise GtfsError("expected a GTFS zip file or folder, got {path!r} which is neither", path=str(path))
    else:
        raise GtfsError("expected a GTFS zip file or folder, got {path!r} which does not exist", path=str(path))
    raw = members
    missing = [f"{name}.txt" for name in REQUIRED_FILES if name not in raw]
    if missing:
        raise GtfsError("a GTFS feed needs {files}; {name} lacks {missing}",
                        files=', '.join(f + '.txt' for f in REQUIRED_FILES), name=path.name,
                        missing=', '.join(missing))
    if "calendar" not in raw and "calendar_dates" not in raw:
        raise GtfsError("a GTFS feed needs calendar.txt or calendar_dates.txt; {name} has neither", name=path.name)
    if path.is_dir():
        return {name: _read_table(members[name], name) for name in used if name in members}
    with zipfile.ZipFile(path) as archive:  # one member at a time, streamed: never the whole feed in memory
        tables = {}
        for name in used:
            if name in members:
                with archive.open(members[name]) as handle:
                    tables[name] = _read_table(handle, name)
        return tables


def _need(frame, name, columns):
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise FieldNotFoundError("{name}.txt needs the columns {columns}; it lacks {missing}", name=name,
                                 columns=', '.join(columns), missing=', '.join(missing))


def parse_time(value):
    """Seconds after midnight of an ``H:MM[:SS]`` time; hours may pass 24; NaN if blank.

    Examples
    --------
    >>> parse_time("06:00"), parse_time("25:10:30"), parse_time("")
    (21600, 90630, nan)
    """
    text = str(value).strip()
    if not text:
        return np.nan
    try:
        parts = [int(p) for p in text.split(":")]
    except ValueError:
        raise InvalidValueError("expected a time as HH:MM or HH:MM:SS, got {value!r}", value=value) from None
    if len(parts) not in (2, 3) or any(p < 0 for p in parts):
        raise InvalidValueError("expected a time as HH:MM or HH:MM:SS, got {value!r}", value=value)
    return parts[0] * 3600 + parts[1] * 60 + (parts[2] if len(parts) == 3 else 0)


def _seconds(column):
    text = column.astype(str).str.strip()
    parts = text.str.split(":", expand=True)
    if parts.shape[1] < 2:
        return pd.Series(np.nan, index=column.index)
    hours = pd.to_numeric(parts[0], errors="coerce")
    minutes = pd.to_numeric(parts[1], errors="coerce")
    secs = pd.to_numeric(parts[2], errors="coerce").fillna(0) if parts.shape[1] > 2 else 0
    return (hours * 3600 + minutes * 60 + secs).where(text != "")


def _dates(column):
    return pd.to_datetime(column.astype(str).str.strip(), format="%Y%m%d", errors="coerce").dt.date


def _calendars(gtfs):
    """Calendar and exception tables with their dates parsed once."""
    calendar = gtfs.get("calendar")
    if calendar is not None and len(calendar):
        _need(calendar, "calendar", ["service_id", "start_date", "end_date"])
        calendar = calendar.assign(start=_dates(calendar["start_date"]), stop=_dates(calendar["end_date"]))
    else:
        calendar = None
    exceptions = gtfs.get("calendar_dates")
    if exceptions is not None and len(exceptions):
        _need(exceptions, "calendar_dates", ["service_id", "date", "exception_type"])
        exceptions = exceptions.assign(day=_dates(exceptions["date"]),
                                       kind=exceptions["exception_type"].str.strip())
    else:
        exceptions = None
    return calendar, exceptions


def _active_services(calendars, day):
    """Service ids running on ``day`` (calendar, then calendar_dates exceptions)."""
    calendar, exceptions = calendars
    active = set()
    if calendar is not None:
        weekday = WEEKDAYS[day.weekday()]
        _need(calendar, "calendar", [weekday])
        runs = (calendar[weekday].str.strip() == "1") & (calendar["start"] <= day) & (calendar["stop"] >= day)
        active = set(calendar.loc[runs, "service_id"])
    if exceptions is not None:
        today = exceptions[exceptions["day"] == day]
        active |= set(today.loc[today["kind"] == "1", "service_id"])
        active -= set(today.loc[today["kind"] == "2", "service_id"])
    return active


def _feed_days(calendars, weekday):
    """Every date of the weekday the feed covers."""
    calendar, exceptions = calendars
    bounds = []
    if calendar is not None:
        bounds += list(calendar["start"].dropna()) + list(calendar["stop"].dropna())
    if exceptions is not None:
        bounds += list(exceptions["day"].dropna())
    if not bounds:
        return []
    first, last = min(bounds), max(bounds)
    first += _dt.timedelta(days=(WEEKDAYS.index(weekday) - first.weekday()) % 7)
    return [first + _dt.timedelta(days=7 * k) for k in range((last - first).days // 7 + 1)]


def _choose_day(calendars, weekday, date):
    if date is not None:
        if isinstance(date, str):
            try:
                date = _dt.date.fromisoformat(date.replace("/", "-")) if "-" in date or "/" in date \
                    else _dt.datetime.strptime(date, "%Y%m%d").date()
            except ValueError:
                raise InvalidValueError("expected a date as YYYY-MM-DD, got {date!r}", date=date) from None
        elif isinstance(date, _dt.datetime):
            date = date.date()
        return date
    weekday = str(weekday).strip().lower()
    if weekday not in WEEKDAYS:
        raise InvalidValueError("expected a weekday among {weekdays}, got {weekday!r}",
                                weekdays=', '.join(WEEKDAYS), weekday=weekday)
    best, best_count = None, 0
    for day in _feed_days(calendars, weekday):
        count = len(_active_services(calendars, day))
        if count > best_count:
            best, best_count = day, count
    if best is None:
        raise EmptyInputError("expected services running on a {weekday} in calendar.txt or calendar_dates.txt; "
                              "none runs on any of the feed's dates", weekday=weekday)
    return best


def stop_departures(gtfs, *, weekday="monday", date=None, start="06:00", end="20:00",
                    high_capacity_types=HIGH_CAPACITY_TYPES):
    """Departures per stop in the window ``[start, end)`` of one service day.

    Parameters
    ----------
    gtfs : dict of DataFrame
        As returned by :func:`read_gtfs`.
    weekday : str
        Used when ``date`` is None: the feed's date of this weekday with the most
        services running.
    date : str or datetime.date, optional
        The day counted (``YYYY-MM-DD`` or ``YYYYMMDD``).
    start, end : str
        The window, ``HH:MM``.
    high_capacity_types : set of int
        Route types counted in ``high_departures``; default rail, metro, ferry
        (1, 2, 4, 100-117, 400-405, 1000-1200).

    Returns
    -------
    DataFrame
        Indexed by ``stop_id`` (every stop of ``stops.txt`` and of ``stop_times``;
        stops with no service in the window have 0 departures): ``departures``,
        ``high_departures`` (by high-capacity route types), ``route_type`` (the
        type with the most departures, the smallest of ties; NA when none),
        ``stop_lon``, ``stop_lat``. ``attrs`` hold ``date``, ``start``, ``end``,
        ``hours``.

    Examples
    --------
    >>> stop_departures({}, start="20:00", end="06:00")
    Traceback (most recent call last):
    ...
    alliance_territories.alliance_plugin.core.errors.InvalidValueError: expected a window with start before end, got 20:00 to 06:00
    """
    t0, t1 = parse_time(start), parse_time(end)
    if not t0 < t1:
        raise InvalidValueError("expected a window with start before end, got {start} to {end}", start=start,
                                end=end)
    for name in REQUIRED_FILES:
        if name not in gtfs:
            raise GtfsError("expected a feed from read_gtfs holding {name}; it is missing", name=name)
    calendars = _calendars(gtfs)
    day = _choose_day(calendars, weekday, date)
    today = _active_services(calendars, day)
    yesterday = _active_services(calendars, day - _dt.timedelta(days=1))
    if not today and not yesterday:
        raise EmptyInputError("expected services running on {day} ({weekday}); none does in calendar or "
                              "calendar_dates", day=day.isoformat(),
                              weekday=WEEKDAYS[day.weekday()])

    trips, routes, stop_times = gtfs["trips"], gtfs["routes"], gtfs["stop_times"]
    _need(trips, "trips", ["trip_id", "route_id", "service_id"])
    _need(routes, "routes", ["route_id", "route_type"])
    _need(stop_times, "stop_times", ["trip_id", "stop_id"])
    route_type = pd.to_numeric(routes.set_index("route_id")["route_type"], errors="coerce")
    trip_info = trips.set_index("trip_id")[["route_id", "service_id"]]
    trip_type = trip_info["route_id"].map(route_type)

    times = stop_times["departure_time"] if "departure_time" in stop_times else stop_times.get("arrival_time")
    if times is None:
        raise FieldNotFoundError("stop_times.txt needs departure_time or arrival_time; it has neither")
    secs = _seconds(times)
    if "arrival_time" in stop_times:
        secs = secs.fillna(_seconds(stop_times["arrival_time"]))
    calls = pd.DataFrame({"trip_id": stop_times["trip_id"].to_numpy(),
                          "stop_id": stop_times["stop_id"].to_numpy(), "t": secs.to_numpy()})
    calls = calls.dropna(subset=["t"])

    freq = gtfs.get("frequencies")
    if freq is not None and len(freq):
        _need(freq, "frequencies", ["trip_id", "start_time", "end_time", "headway_secs"])
        is_freq = calls["trip_id"].isin(set(freq["trip_id"]))
        template, calls = calls[is_freq], calls[~is_freq]
        template = template.assign(t=template["t"] - template.groupby("trip_id")["t"].transform("min"))
        f0, f1 = _seconds(freq["start_time"]).to_numpy(), _seconds(freq["end_time"]).to_numpy()
        headway = pd.to_numeric(freq["headway_secs"], errors="coerce").to_numpy()
        ok = (headway > 0) & (f1 > f0)
        counts = np.where(ok, np.ceil((f1 - f0) / np.where(ok, headway, 1)), 0).astype(int)
        row = np.repeat(np.arange(len(freq)), counts)
        step = np.arange(len(row)) - np.repeat(np.cumsum(counts) - counts, counts)
        runs = pd.DataFrame({"trip_id": freq["trip_id"].to_numpy()[row],
                             "t0": f0[row] + step * headway[row]})
        expanded = template.merge(runs, on="trip_id")
        expanded = expanded.assign(t=expanded["t"] + expanded["t0"]).drop(columns="t0")
        calls = pd.concat([calls, expanded], ignore_index=True)

    service = calls["trip_id"].map(trip_info["service_id"])
    t = calls["t"].to_numpy()
    counted = ((service.isin(today).to_numpy() & (t >= t0) & (t < t1))
               | (service.isin(yesterday).to_numpy() & (t - 86400 >= t0) & (t - 86400 < t1)))
    calls = calls[counted].assign(route_type=calls.loc[counted, "trip_id"].map(trip_type))

    stops = gtfs["stops"]
    _need(stops, "stops", ["stop_id"])
    index = pd.Index(stops["stop_id"]).union(pd.Index(calls["stop_id"].unique()), sort=False)
    per_type = calls.groupby(["stop_id", "route_type"]).size()
    out = pd.DataFrame(index=pd.Index(index, name="stop_id"))
    out["departures"] = calls.groupby("stop_id").size().reindex(index, fill_value=0).astype(int)
    high = per_type[per_type.index.get_level_values("route_type").isin(set(high_capacity_types))]
    out["high_departures"] = high.groupby(level="stop_id").sum().reindex(index, fill_value=0).astype(int)
    top = per_type.reset_index(name="n").sort_values(["stop_id", "n", "route_type"],
                                                     ascending=[True, False, True])
    out["route_type"] = top.drop_duplicates("stop_id").set_index("stop_id")["route_type"] \
        .reindex(index).astype("Int64")
    coords = stops.drop_duplicates("stop_id").set_index("stop_id")
    for column in ("stop_lon", "stop_lat"):
        values = coords[column] if column in coords else pd.Series(dtype=str)
        out[column] = pd.to_numeric(values, errors="coerce").reindex(index)
    out.attrs.update(date=day.isoformat(), start=start, end=end, hours=(t1 - t0) / 3600)
    return out


def qualifying_stops(departures, *, min_per_hour=1.0, low_distance=500.0, high_distance=1000.0):
    """Stops served at least ``min_per_hour`` times an hour on average in the window.

    A stop is ``"high"`` capacity when its high-capacity departures alone (split
    by :func:`stop_departures`) reach the frequency, ``"low"`` when all its
    departures do; stops with no service in the window never qualify.

    Returns
    -------
    DataFrame
        The qualifying rows of ``departures`` with ``per_hour``, ``high_per_hour``,
        ``capacity`` (``"high"`` or ``"low"``) and ``access_distance`` in metres.

    Examples
    --------
    >>> deps = pd.DataFrame({"departures": [84, 10, 28], "high_departures": [0, 0, 28]},
    ...                     index=pd.Index(["a", "b", "c"], name="stop_id"))
    >>> deps.attrs["hours"] = 14.0
    >>> qualifying_stops(deps, min_per_hour=2)[["per_hour", "capacity", "access_distance"]]
             per_hour capacity  access_distance
    stop_id
    a             6.0      low            500.0
    c             2.0     high           1000.0
    """
    hours = departures.attrs.get("hours")
    if not hours or hours <= 0:
        raise InvalidValueError("expected departures from stop_departures (attrs['hours'] the window length), "
                                "got attrs {attrs!r}", attrs=departures.attrs)
    if min_per_hour < 0 or low_distance < 0 or high_distance < 0:
        raise InvalidValueError("expected a non-negative frequency and distances, got {min_per_hour}, "
                                "{low_distance}, {high_distance}",
                                min_per_hour=min_per_hour, low_distance=low_distance, high_distance=high_distance)
    out = departures.copy()
    out["per_hour"] = out["departures"] / hours
    out["high_per_hour"] = out["high_departures"] / hours
    high = (out["high_per_hour"] >= min_per_hour) & (out["high_departures"] > 0)
    low = ~high & (out["per_hour"] >= min_per_hour) & (out["departures"] > 0)
    out["capacity"] = np.where(high, "high", "low")
    out["access_distance"] = np.where(high, float(high_distance), float(low_distance))
    out = out[high | low]
    out.attrs = dict(departures.attrs, min_per_hour=min_per_hour)
    return out
