"""The calls of every trip, each with its time of the service day: ``stop_times`` read as the reference says.

Source: the GTFS Schedule reference, https://gtfs.org/schedule/reference/#stop_timestxt and
#frequenciestxt.

- The calls of a trip are ordered by ``stop_sequence`` (which must increase along the trip but
  need not be consecutive); without that column, by their order in the file.
- A call's time is its ``departure_time``, else its ``arrival_time``. A call with neither is a
  stop that is not a timing point: the vehicle still serves it, and the reference leaves its
  time to be interpolated between the timed calls around it (from the previous call's
  departure to the next call's arrival): in proportion of ``shape_dist_traveled`` when every
  call of the trip gives one (and the two timed calls differ in it), else evenly by the order
  of the calls. The reference requires the times of the first and last call of every trip: a
  trip without them is refused (:class:`GtfsError` naming it), as is a time that is not one.
- A trip listed in ``frequencies.txt`` is a template: its times only give the offsets from its
  first call; it runs from each ``start_time`` every ``headway_secs`` while before ``end_time``.
  The reference gives the first departure at ``start_time`` and the headway for
  frequency-based (``exact_times`` 0 or empty) and schedule-based (1) trips alike, so both are
  expanded the same way; for frequency-based ones this is the timetable a rider would see if
  the vehicles kept their headway.
- With ``boardings_only`` (the default, the reading taken for SDG 11.2.1, see :mod:`.gtfs`),
  only the calls where a passenger can board are kept: not those with ``pickup_type`` 1 (no
  pickup), nor the last call of a trip (the vehicle ends its trip there).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import FieldNotFoundError
from .spec import NO_PICKUP, GtfsError, need, seconds


def _text(frame, column):
    return frame[column].astype(str).str.strip() if column in frame else pd.Series("", index=frame.index)


def _ordered(stop_times):
    """The rows sorted by trip then ``stop_sequence`` (file order where there is none), with trip codes."""
    need(stop_times, "stop_times", ["trip_id", "stop_id"])
    if "departure_time" not in stop_times and "arrival_time" not in stop_times:
        raise FieldNotFoundError("stop_times.txt needs departure_time or arrival_time; it has neither")
    codes, _ = pd.factorize(stop_times["trip_id"])
    if "stop_sequence" in stop_times:
        sequence = pd.to_numeric(stop_times["stop_sequence"], errors="coerce").to_numpy(dtype=float)
        bad = np.flatnonzero(np.isnan(sequence))
        if len(bad):
            row = stop_times.iloc[bad[0]]
            raise GtfsError("stop_times.txt: trip {trip!r} has the stop_sequence {value!r}; expected a whole "
                            "number", trip=row["trip_id"], value=row["stop_sequence"])
    else:
        sequence = np.arange(len(stop_times), dtype=float)
    order = np.lexsort((np.arange(len(stop_times)), sequence, codes))
    return stop_times.iloc[order].reset_index(drop=True), codes[order]


def _times(rows):
    """Departure and arrival seconds of every row (each falls back on the other); NaN when untimed."""
    found = {}
    for column in ("departure_time", "arrival_time"):
        text = _text(rows, column)
        value = seconds(text)
        bad = np.flatnonzero((text != "").to_numpy() & value.isna().to_numpy())
        if len(bad):
            row = rows.iloc[bad[0]]
            raise GtfsError("stop_times.txt: trip {trip!r} has the {column} {value!r} at stop_sequence "
                            "{sequence}; expected a time as HH:MM:SS", trip=row["trip_id"], column=column,
                            value=text.iloc[bad[0]], sequence=row.get("stop_sequence", bad[0] + 1))
        found[column] = value.to_numpy(dtype=float)
    departure = np.where(np.isnan(found["departure_time"]), found["arrival_time"], found["departure_time"])
    arrival = np.where(np.isnan(found["arrival_time"]), found["departure_time"], found["arrival_time"])
    return departure, arrival


def _check_ends(rows, timed, first, last):
    """Refuse a trip without the times of its first or last call, naming it (and how many trips lack one)."""
    untimed = (first | last) & ~timed
    if not untimed.any():
        return
    row = rows.iloc[np.flatnonzero(untimed)[0]]
    trip, sequence = row["trip_id"], row.get("stop_sequence", "?")
    count = len(set(rows["trip_id"].to_numpy()[untimed]))
    if first[np.flatnonzero(untimed)[0]]:
        raise GtfsError("stop_times.txt: trip {trip!r} has no time at its first stop (stop_sequence {sequence}); "
                        "the GTFS reference requires the times of the first and last stops of every trip (trips "
                        "lacking one: {count})", trip=trip, sequence=sequence, count=count)
    raise GtfsError("stop_times.txt: trip {trip!r} has no time at its last stop (stop_sequence {sequence}); "
                    "the GTFS reference requires the times of the first and last stops of every trip (trips "
                    "lacking one: {count})", trip=trip, sequence=sequence, count=count)


def interpolated_times(rows, codes):
    """The time of every call of ``rows`` (sorted as by :func:`_ordered`), untimed calls interpolated.

    Examples
    --------
    >>> rows = pd.DataFrame({"trip_id": ["t"] * 4, "stop_id": list("ABCD"),
    ...                      "departure_time": ["06:00:00", "", "", "06:30:00"]})
    >>> (interpolated_times(rows, np.zeros(4, dtype=int)) / 60).tolist()
    [360.0, 370.0, 380.0, 390.0]
    """
    departure, arrival = _times(rows)
    timed = ~np.isnan(departure)
    first = np.r_[True, codes[1:] != codes[:-1]]
    last = np.r_[codes[1:] != codes[:-1], True]
    _check_ends(rows, timed, first, last)
    if timed.all():
        return departure
    position = np.arange(len(rows), dtype=float)
    distance = pd.to_numeric(_text(rows, "shape_dist_traveled"), errors="coerce").to_numpy(dtype=float)
    with_distance = pd.Series(~np.isnan(distance)).groupby(codes).transform("all").to_numpy()
    # every trip starts and ends with a timed call: filling forward and backward never crosses trips
    before = pd.DataFrame({"t": np.where(timed, departure, np.nan), "p": np.where(timed, position, np.nan),
                           "d": np.where(timed, distance, np.nan)}).ffill().to_numpy()
    after = pd.DataFrame({"t": np.where(timed, arrival, np.nan), "p": np.where(timed, position, np.nan),
                          "d": np.where(timed, distance, np.nan)}).bfill().to_numpy()
    by_distance = with_distance & (after[:, 2] > before[:, 2])
    x = np.where(by_distance, distance, position)
    x0 = np.where(by_distance, before[:, 2], before[:, 1])
    x1 = np.where(by_distance, after[:, 2], after[:, 1])
    with np.errstate(invalid="ignore", divide="ignore"):
        between = before[:, 0] + (after[:, 0] - before[:, 0]) * (x - x0) / (x1 - x0)
    return np.where(timed, departure, between)


def _expand_frequencies(template, freq):
    """Every run of the template trips of ``frequencies.txt``: ``t`` shifted to each start."""
    need(freq, "frequencies", ["trip_id", "start_time", "end_time", "headway_secs"])
    f0, f1 = seconds(freq["start_time"]).to_numpy(), seconds(freq["end_time"]).to_numpy()
    headway = pd.to_numeric(freq["headway_secs"], errors="coerce").to_numpy()
    ok = (headway > 0) & (f1 > f0)
    counts = np.where(ok, np.ceil((f1 - f0) / np.where(ok, headway, 1)), 0).astype(int)
    row = np.repeat(np.arange(len(freq)), counts)
    step = np.arange(len(row)) - np.repeat(np.cumsum(counts) - counts, counts)
    runs = pd.DataFrame({"trip_id": freq["trip_id"].to_numpy()[row], "t0": f0[row] + step * headway[row]})
    expanded = template.merge(runs, on="trip_id")
    return expanded.assign(t=expanded["t"] + expanded["t0"]).drop(columns="t0")


def trip_calls(gtfs, *, boardings_only=True):
    """Every call of every trip: ``trip_id``, ``stop_id`` and ``t``, seconds of the trip's service day.

    Trips of ``frequencies.txt`` appear once per run. With ``boardings_only`` only the calls
    where a passenger can board are kept (not ``pickup_type`` 1, not a trip's last call).

    Examples
    --------
    >>> stop_times = pd.DataFrame({"trip_id": ["t"] * 3, "stop_id": list("ABC"), "stop_sequence": ["1", "2", "3"],
    ...                            "arrival_time": ["06:00:00", "", "06:20:00"],
    ...                            "departure_time": ["06:00:00", "", "06:20:00"]})
    >>> trip_calls({"stop_times": stop_times})
      trip_id stop_id        t
    0       t       A  21600.0
    1       t       B  22200.0
    """
    rows, codes = _ordered(gtfs["stop_times"])
    t = interpolated_times(rows, codes)
    calls = pd.DataFrame({"trip_id": rows["trip_id"].to_numpy(), "stop_id": rows["stop_id"].to_numpy(), "t": t})
    keep = np.ones(len(rows), dtype=bool)
    if boardings_only:
        last = np.r_[codes[1:] != codes[:-1], True]
        keep = ~last & (_text(rows, "pickup_type") != NO_PICKUP).to_numpy()
    freq = gtfs.get("frequencies")
    if freq is None or not len(freq):
        return calls[keep].reset_index(drop=True)
    is_freq = calls["trip_id"].isin(set(freq["trip_id"])).to_numpy()
    template = calls.assign(t=t - pd.Series(t).groupby(codes).transform("first").to_numpy())[is_freq & keep]
    return pd.concat([calls[~is_freq & keep], _expand_frequencies(template, freq)], ignore_index=True)
