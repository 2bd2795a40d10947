"""GTFS timetables for SDG 11.2.1: read a feed, count the departures per stop in a window, keep the frequent stops.

Source: the GTFS Schedule reference, https://gtfs.org/schedule/reference/, and the UN SDG
indicator 11.2.1 metadata (UN-Habitat, 2021): the share of the population with "convenient
access" to public transport, a stop within 500 m (low capacity) or 1 km (high capacity)
walk, with frequent service at peak travel times.

Modules: :mod:`.spec` (what the reference fixes), :func:`read_gtfs` (here: only the files and
columns used, one zip member at a time, absurd sizes refused before decompressing; its limits
are this package's ``MAX_MEMBER_BYTES``, ``MAX_RATIO``, ``RATIO_FROM``), :mod:`.service` (the
services running on a day), :mod:`.calls` (every call of every trip with its time, untimed
stops interpolated, frequencies expanded), :mod:`.departures` (:func:`stop_departures`,
:func:`qualifying_stops`).

Modelling assumptions, stated once:

- **A departure is a call where a passenger can board.** The indicator measures access to a
  service one can take: a call with ``pickup_type`` 1 (no pickup) gives nobody access, and the
  last call of a trip is an arrival, not a departure (the vehicle ends its trip there; when it
  goes on as another trip, that trip's first call is counted). Counting them would double a
  terminus's frequency (every arrival plus every departure) and credit stops where nobody can
  get on. Calls on request (``pickup_type`` 2, phone the agency; 3, ask the driver) are counted:
  a passenger can board there. ``stop_departures(..., boardings_only=False)`` counts every call.
- Stops without times are served: their times are interpolated as the reference says
  (:mod:`.calls`); a trip without the times of its first or last stop is refused.
- Times past 24:00 belong to the service day they are written in, so a trip of the previous
  day at ``30:10:00`` departs at 06:10 on the day counted; a window may end past 24:00, where
  the next day's services count too.
- A trip listed in ``frequencies.txt`` runs from each ``start_time`` every ``headway_secs``
  while before ``end_time``, whatever its ``exact_times``; its ``stop_times`` give the offsets
  from its first stop.
- Without a ``date``, the day counted is the date of the chosen weekday on which the most
  services run (the earliest of ties), from ``calendar`` and ``calendar_dates`` together.
- A stop is high capacity when its high-capacity departures alone (rail, metro, ferry: route
  types 1, 2, 4, 100-117, 400-405, 1000-1200) reach the minimum frequency, low capacity when
  all its departures do; the frequency is departures / window hours (06:30-08:15 is 1.75 h).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd

from .calls import interpolated_times, trip_calls
from .departures import qualifying_stops, stop_departures
from .service import active_services, calendars, choose_day
from .spec import (COLUMNS, HIGH_CAPACITY_TYPES, NO_PICKUP, OPTIONAL_FILES, REQUIRED_FILES, WEEKDAYS, GtfsError,
                   parse_time)

__all__ = ["COLUMNS", "HIGH_CAPACITY_TYPES", "MAX_MEMBER_BYTES", "MAX_RATIO", "NO_PICKUP", "OPTIONAL_FILES",
           "RATIO_FROM", "REQUIRED_FILES", "WEEKDAYS", "GtfsError", "active_services", "calendars", "choose_day",
           "interpolated_times", "parse_time", "qualifying_stops", "read_gtfs", "stop_departures", "trip_calls"]

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
    alliance_territories.alliance_plugin.core.gtfs.spec.GtfsError: expected a GTFS zip file or folder, got '/nonexistent/feed.zip' which does not exist
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
