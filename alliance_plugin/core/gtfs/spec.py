"""What the GTFS Schedule reference fixes: file and column names, codes, time and date formats.

Source: the GTFS Schedule reference, https://gtfs.org/schedule/reference/ (files ``stops``,
``routes``, ``trips``, ``stop_times``, ``calendar``, ``calendar_dates``, ``frequencies``; the
``route_type`` codes, extended by Google's route types 100-1702 for the high-capacity modes).
Times are ``H:MM:SS`` measured from noon minus 12 h of the service day, so they may pass 24:00:00;
dates are ``YYYYMMDD``. Everything here is shared by the other modules of :mod:`.gtfs`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import AllianceError, FieldNotFoundError, InvalidValueError

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
REQUIRED_FILES = ("stops", "routes", "trips", "stop_times")
OPTIONAL_FILES = ("calendar", "calendar_dates", "frequencies")
#: Rail, metro, ferry: route types 1, 2, 4 and the extended types 100-117, 400-405, 1000-1200.
HIGH_CAPACITY_TYPES = frozenset({1, 2, 4, *range(100, 118), *range(400, 406), *range(1000, 1201)})
#: ``pickup_type`` 1: no pickup available at this call (0 or empty: regular; 2: phone the agency;
#: 3: coordinate with the driver).
NO_PICKUP = "1"
#: The columns read from each file: the others (shapes, fares, long descriptions...) are never loaded.
COLUMNS = {
    "stops": ("stop_id", "stop_name", "stop_lat", "stop_lon"),
    "routes": ("route_id", "route_type"),
    "trips": ("trip_id", "route_id", "service_id"),
    "stop_times": ("trip_id", "stop_id", "arrival_time", "departure_time", "stop_sequence", "pickup_type",
                   "shape_dist_traveled"),
    "calendar": ("service_id", "start_date", "end_date", "monday", "tuesday", "wednesday", "thursday",
                 "friday", "saturday", "sunday"),
    "calendar_dates": ("service_id", "date", "exception_type"),
    "frequencies": ("trip_id", "start_time", "end_time", "headway_secs"),
}


class GtfsError(AllianceError):
    """A GTFS feed that lacks a required file or column, or breaks a rule of the reference."""


def need(frame, name, columns):
    """Raise :class:`FieldNotFoundError` unless ``frame`` (the file ``name``.txt) has every column."""
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


def seconds(column):
    """:func:`parse_time` of a whole column of text, vectorised; NaN where blank or not a time.

    Examples
    --------
    >>> seconds(pd.Series(["06:00:00", " 25:10:30", "", "6h10", "7:05:00", "1x:00:00"])).tolist()
    [21600.0, 90630.0, nan, nan, 25500.0, nan]
    """
    text = column.astype(str).str.strip()
    out = np.full(len(text), np.nan)
    # HH:MM:SS, nearly every time of a feed: read digit by digit, without splitting strings
    fixed = (text.str.len() == 8).to_numpy()
    if fixed.any():
        codes = np.array(text.to_numpy()[fixed], dtype="U8").view(np.uint32).reshape(-1, 8).astype(np.int64)
        digits = codes - ord("0")
        ok = ((codes[:, [2, 5]] == ord(":")).all(axis=1)
              & ((digits[:, [0, 1, 3, 4, 6, 7]] >= 0) & (digits[:, [0, 1, 3, 4, 6, 7]] <= 9)).all(axis=1))
        value = ((digits[:, 0] * 10 + digits[:, 1]) * 3600 + (digits[:, 3] * 10 + digits[:, 4]) * 60
                 + digits[:, 6] * 10 + digits[:, 7])
        out[np.flatnonzero(fixed)[ok]] = value[ok]
    rest = np.flatnonzero(np.isnan(out) & (text != "").to_numpy())
    if len(rest):
        parts = text.iloc[rest].str.split(":", expand=True)
        if parts.shape[1] >= 2:
            hours = pd.to_numeric(parts[0], errors="coerce")
            minutes = pd.to_numeric(parts[1], errors="coerce")
            secs = pd.to_numeric(parts[2], errors="coerce").fillna(0) if parts.shape[1] > 2 else 0
            out[rest] = (hours * 3600 + minutes * 60 + secs).to_numpy(dtype=float)
    return pd.Series(out, index=column.index)


def dates(column):
    """``YYYYMMDD`` text as :class:`datetime.date` (NaT where not a date)."""
    return pd.to_datetime(column.astype(str).str.strip(), format="%Y%m%d", errors="coerce").dt.date
