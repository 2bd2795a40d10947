"""Public transport stops for SDG 11.2.1: capacity class, access distance, and which stops qualify.

Methods (methods.md, section 7; UN-Habitat's SDG 11.2.1 metadata): a stop
qualifies when it is served often enough in the window (an average number of
departures per hour at least the minimum, and above 0); it is high capacity
(rail, metro, ferry: reached within the longer access distance, 1000 m by
default) or low capacity (bus, tram: 500 m). From a GTFS feed the departures
are counted by :mod:`..gtfs` (:func:`gtfs_stops` adds the rates and the
result); from a point layer, :func:`capacity_classes` reads a mode field and
:func:`layer_stops` an optional departures-per-hour field.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..gtfs import HIGH_CAPACITY_TYPES


HIGH_WORDS = frozenset({"high", "rail", "railway", "train", "metro", "subway", "underground", "ferry",
                        "heavy_rail", "commuter_rail", "suburban", "s-bahn", "rer", "monorail", "funicular",
                        "haute", "fer", "ferroviaire", "bac", "navette fluviale", "ter", "transilien"})
LOW_WORDS = frozenset({"low", "bus", "tram", "tramway", "trolleybus", "coach", "light_rail", "cable_car",
                       "gondola", "aerialway", "share_taxi", "minibus", "bus_stop", "tram_stop", "platform",
                       "basse", "car", "autocar", "navette"})


def _word(value):
    return " ".join(str(value).strip().lower().replace("-", "_").split()) if value is not None else ""


def capacity_classes(values, high_capacity_types=HIGH_CAPACITY_TYPES):
    """``"high"`` or ``"low"`` per stop from a capacity field, and the values that were not recognised.

    Numbers are GTFS route types (high: rail, metro, ferry, see
    :data:`HIGH_CAPACITY_TYPES`); words are modes or classes, in English or
    French, case-insensitive (high: rail, train, metro, subway, ferry... low:
    bus, tram, trolleybus, coach...). Missing or unrecognised values count as
    low capacity (the shorter, prudent distance) and are returned with their
    counts.

    Examples
    --------
    >>> classes, unknown = capacity_classes(["Bus", "metro", 2, "3", None, "zeppelin"])
    >>> classes.tolist(), unknown.to_dict()
    (['low', 'high', 'high', 'low', 'low', 'low'], {'': 1, 'zeppelin': 1})
    """
    raw = pd.Series(list(values), dtype=object)
    words = raw.map(_word)
    numbers = pd.to_numeric(words.where(words.str.fullmatch(r"\d+(\.0+)?"), None), errors="coerce")
    high = words.isin(HIGH_WORDS) | numbers.isin(set(high_capacity_types))
    known = high | words.isin(LOW_WORDS) | numbers.notna()
    classes = np.where(high, "high", "low")
    unknown = words[~known].value_counts().sort_index().sort_values(ascending=False, kind="stable")
    unknown.index.name = None
    return pd.Series(classes, index=raw.index), unknown.rename(None)


def layer_stops(stops, capacity, per_hour=None, *, low_distance=500.0, high_distance=1000.0, min_per_hour=1.0):
    """Capacity class, access distance and qualification of stops read from a point layer.

    Parameters
    ----------
    stops : DataFrame
        One row per stop with ``x`` and ``y`` (NaN without a geometry); its
        columns come first in the result.
    capacity : array-like
        The raw capacity values (modes or GTFS route types, see
        :func:`capacity_classes`); all None without a capacity field.
    per_hour : array-like, optional
        Departures per hour of each stop (NaN counts 0). Without it every stop
        with a geometry qualifies.
    low_distance, high_distance : float
        Access distance (m) of low- and high-capacity stops.
    min_per_hour : float
        A stop qualifies when its departures per hour reach this minimum and are
        above 0.

    Returns
    -------
    (DataFrame, Series)
        ``stops`` with ``capacity``, ``access_distance``, ``per_hour`` (when
        given) and ``qualifies`` added; the unrecognised capacity values and
        their counts.

    Examples
    --------
    >>> stops = pd.DataFrame({"x": [0.0, 1.0, np.nan], "y": [0.0, 1.0, 2.0]})
    >>> table, unknown = layer_stops(stops, ["bus", "metro", "bus"], [4.0, 0.5, 9.0], min_per_hour=1)
    >>> table[["capacity", "access_distance", "qualifies"]]
      capacity  access_distance  qualifies
    0      low            500.0       True
    1     high           1000.0      False
    2      low            500.0      False
    """
    classes, unknown = capacity_classes(capacity)
    table = stops.copy()
    table["capacity"] = classes.to_numpy()
    table["access_distance"] = np.where(table["capacity"] == "high", high_distance, low_distance)
    qualifies = np.ones(len(table), dtype=bool)
    if per_hour is not None:
        per_hour = np.asarray(per_hour, dtype=float)
        table["per_hour"] = per_hour
        qualifies = np.nan_to_num(per_hour, nan=0.0) >= min_per_hour
        qualifies &= np.nan_to_num(per_hour, nan=0.0) > 0
    placed = np.isfinite(table[["x", "y"]].to_numpy()).all(axis=1)
    table["qualifies"] = qualifies & placed
    return table, unknown


def gtfs_stops(feed, departures, qualifying):
    """Every stop of a feed with its service in the window and whether it qualifies.

    ``departures`` is :func:`..gtfs.stop_departures`'s table (its ``attrs``
    give the window's ``hours``), ``qualifying`` :func:`..gtfs.qualifying_stops`'s.
    Adds ``per_hour`` and ``high_per_hour`` (departures, and high-capacity
    departures, over the window's hours), ``qualifies``, ``capacity`` and
    ``access_distance`` (NaN for stops that do not qualify) and ``stop_name``
    from ``stops.txt`` (None without that column).
    """
    table = departures.copy()
    table["per_hour"] = table["departures"] / departures.attrs["hours"]
    table["high_per_hour"] = table["high_departures"] / departures.attrs["hours"]
    table["qualifies"] = table.index.isin(qualifying.index)
    table["capacity"] = qualifying["capacity"].reindex(table.index)
    table["access_distance"] = qualifying["access_distance"].reindex(table.index)
    names = feed["stops"].drop_duplicates("stop_id").set_index("stop_id")
    table["stop_name"] = names["stop_name"].reindex(table.index) if "stop_name" in names else None
    return table


def placed_qualifying(stops):
    """The stops that qualify and have coordinates (``x``, ``y`` finite): those that give access.

    Examples
    --------
    >>> stops = pd.DataFrame({"x": [0.0, np.nan, 2.0], "y": [0.0, 1.0, 2.0], "qualifies": [True, True, False]})
    >>> placed_qualifying(stops).index.tolist()
    [0]
    """
    placed = np.isfinite(stops[["x", "y"]].to_numpy(dtype=float)).all(axis=1)
    return stops[stops["qualifies"].to_numpy(dtype=bool) & placed]
