"""Departures per stop in a time window of one service day, and the stops served often enough.

Definitions: the UN SDG indicator 11.2.1 metadata (UN-Habitat, 2021) counts a stop as giving
convenient access when it has frequent service at peak hours; the departures are the calls of
:func:`.calls.trip_calls` (by default those where a passenger can board, see :mod:`.gtfs`),
counted in the window ``[start, end)`` of the day, on the clock of that day: a call at 25:10 of
the previous day's service departs at 01:10, one at 00:10 of the next day's service at 24:10.
A stop is high capacity when its high-capacity departures alone (rail, metro, ferry: route
types 1, 2, 4, 100-117, 400-405, 1000-1200) reach the minimum frequency, low capacity when all
its departures do; the frequency is the average over the window, departures / window hours.
"""

from __future__ import annotations

import datetime as _dt
import math

import numpy as np
import pandas as pd

from ..errors import EmptyInputError, InvalidValueError
from .calls import trip_calls
from .service import active_services, calendars, choose_day
from .spec import HIGH_CAPACITY_TYPES, REQUIRED_FILES, WEEKDAYS, GtfsError, need, parse_time

DAY = 86400


def _counted(calls, services_on, day, t0, t1):
    """The calls that depart in ``[t0, t1)`` of ``day``, from the service day they belong to."""
    if not len(calls):
        return calls
    t = calls["t"].to_numpy()
    low, high = np.nanmin(t), np.nanmax(t)
    parts = []
    for shift in range(math.floor((t0 - high) / DAY), math.floor((t1 - low) / DAY) + 1):
        if not (low + shift * DAY < t1 and high + shift * DAY >= t0):
            continue
        running = services_on(day + _dt.timedelta(days=shift))
        clock = t + shift * DAY
        parts.append(calls[calls["service"].isin(running).to_numpy() & (clock >= t0) & (clock < t1)])
    return pd.concat(parts, ignore_index=True) if parts else calls.iloc[:0]


def stop_departures(gtfs, *, weekday="monday", date=None, start="06:00", end="20:00",
                    high_capacity_types=HIGH_CAPACITY_TYPES, boardings_only=True):
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
        The window, ``HH:MM``; ``end`` may pass 24:00 (the next morning).
    high_capacity_types : set of int
        Route types counted in ``high_departures``; default rail, metro, ferry
        (1, 2, 4, 100-117, 400-405, 1000-1200).
    boardings_only : bool
        Count only the calls where a passenger can board (default, the SDG 11.2.1
        reading): not ``pickup_type`` 1, not the last stop of a trip. False counts
        every call, untimed ones interpolated.

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
    tables = calendars(gtfs)
    day = choose_day(tables, weekday, date)
    memo = {}

    def services_on(when):
        if when not in memo:
            memo[when] = active_services(tables, when)
        return memo[when]

    near = [day - _dt.timedelta(days=1), day] + ([day + _dt.timedelta(days=1)] if t1 > DAY else [])
    if not any(services_on(when) for when in near):
        raise EmptyInputError("expected services running on {day} ({weekday}); none does in calendar or "
                              "calendar_dates", day=day.isoformat(),
                              weekday=WEEKDAYS[day.weekday()])

    trips, routes = gtfs["trips"], gtfs["routes"]
    need(trips, "trips", ["trip_id", "route_id", "service_id"])
    need(routes, "routes", ["route_id", "route_type"])
    route_type = pd.to_numeric(routes.set_index("route_id")["route_type"], errors="coerce")
    trip_info = trips.set_index("trip_id")[["route_id", "service_id"]]
    trip_type = trip_info["route_id"].map(route_type)

    calls = trip_calls(gtfs, boardings_only=boardings_only)
    calls = _counted(calls.assign(service=calls["trip_id"].map(trip_info["service_id"])), services_on, day, t0, t1)
    calls = calls.assign(route_type=calls["trip_id"].map(trip_type))

    stops = gtfs["stops"]
    need(stops, "stops", ["stop_id"])
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
