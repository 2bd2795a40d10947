"""Access to public transport, SDG 11.2.1 (methods.md, section 7).

Pipeline: :mod:`.gtfs` reads a timetable and keeps the stops served often
enough (:func:`read_gtfs`, :func:`stop_departures`, :func:`qualifying_stops`,
re-exported here), or :func:`capacity_classes` reads a stops layer's mode field;
:func:`transit_access` (or the straight-line proxy :func:`euclidean_access`)
flags the population points within reach and draws the service areas, and
:func:`access_shares` / :func:`access_table` turn the flags into shares of
population, overall, per group and per territory.

Modelling assumptions, stated once:

- Coordinates are in a projected CRS in metres (the glue reprojects). Network
  distances are walked along straight segments (:mod:`.network`); a point or
  stop is snapped to the nearest point of the nearest street within the snap
  tolerance and the snap distance is added to its path. Points farther than the
  tolerance are kept and reported (``snapped`` False, no access); points in a
  part of the network holding no qualifying stop within reach get no access.
- Low- and high-capacity stops are searched separately, each within its own
  access distance; a point has access when either search reaches it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from . import network
from .errors import FieldNotFoundError, InvalidValueError
from .gtfs import (HIGH_CAPACITY_TYPES, WEEKDAYS, GtfsError, parse_time, qualifying_stops,  # noqa: F401
                   read_gtfs, stop_departures)
from .network import _xy

EUCLIDEAN = "euclidean"
NETWORK = "network"


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


def _stop_table(stops):
    if not isinstance(stops, pd.DataFrame):
        raise InvalidValueError("expected stops as a DataFrame with x, y, access_distance, got {kind}",
                                kind=type(stops).__name__)
    missing = [c for c in ("x", "y", "access_distance") if c not in stops.columns]
    if missing:
        raise FieldNotFoundError("expected stops with the columns x, y, access_distance (metres); they lack "
                                 "{missing}", missing=', '.join(missing))
    xy = stops[["x", "y"]].to_numpy(dtype=float)
    reach = stops["access_distance"].to_numpy(dtype=float)
    if not np.isfinite(xy).all() or not (reach >= 0).all():
        raise InvalidValueError("expected finite stop coordinates and non-negative access distances")
    return xy, reach


def _result(distance, reach_ok, snap, stop, method):
    n = len(distance)
    out = pd.DataFrame({"distance": np.where(np.isfinite(distance), distance, np.nan),
                        "access": reach_ok, "stop": stop, "snap_distance": snap,
                        "snapped": np.isfinite(snap), "method": method}, index=pd.RangeIndex(n))
    out.attrs["method"] = method
    return out


def euclidean_access(points, stops):
    """Straight-line proxy: distance to the nearest qualifying stop, and access.

    Every point gets the straight-line distance to the nearest stop, ``stop``
    its position in ``stops``, and ``access`` True when some stop lies within
    its own ``access_distance``. The output says it is the proxy: ``method`` is
    ``"euclidean"``.

    Examples
    --------
    >>> stops = pd.DataFrame({"x": [0.0, 2000.0], "y": [0.0, 0.0], "access_distance": [500.0, 1000.0]})
    >>> euclidean_access([[300, 400], [0, 900], [1200, 0]], stops)[["distance", "access", "stop", "method"]]
       distance  access  stop     method
    0     500.0    True     0  euclidean
    1     900.0   False     0  euclidean
    2     800.0    True     1  euclidean
    """
    pts = _xy(points, "points")
    xy, reach = _stop_table(stops)
    distance = np.full(len(pts), np.inf)
    nearest = np.full(len(pts), -1)
    access = np.zeros(len(pts), dtype=bool)
    rows = np.flatnonzero(np.isfinite(pts).all(axis=1))  # points without coordinates stay unplaced
    geoms = shapely.points(pts[rows])
    for d in np.unique(reach):
        group = np.flatnonzero(reach == d)
        tree = shapely.STRtree(shapely.points(xy[group]))
        (src, dst), dist = tree.query_nearest(geoms, return_distance=True, all_matches=False)
        found = np.full(len(pts), np.inf)
        found[rows[src]] = dist
        closer = found[rows[src]] < distance[rows[src]]
        nearest[rows[src][closer]] = group[dst[closer]]
        distance = np.minimum(distance, found)
        access |= found <= d
    snap = np.full(len(pts), np.nan)
    snap[rows] = 0.0
    return _result(distance, access, snap, nearest, EUCLIDEAN)


def euclidean_areas(stops, quad_segs=16):
    """The proxy's service areas: a disc of each stop's access distance (shapely polygons)."""
    xy, reach = _stop_table(stops)
    return shapely.buffer(shapely.points(xy), reach, quad_segs=quad_segs)


def street_graph(edges_xy, *, tolerance=0.01):
    """Undirected street graph from straight segments, as (node coordinates, CSR matrix).

    Ends closer than about ``tolerance`` metres are merged (coordinates rounded
    to it); parallel segments keep the shortest; zero-length ones are dropped.

    Examples
    --------
    >>> nodes, graph = street_graph([[0, 0, 100, 0], [100, 0.001, 100, 50]])
    >>> nodes.tolist(), graph.nnz
    ([[0.0, 0.0], [100.0, 0.0], [100.0, 50.0]], 4)
    """
    net = network.build_network(edges_xy, tolerance=tolerance)
    return net.nodes, net.graph()


@dataclass
class Access:
    """Result of :func:`transit_access`: one row per point, and the service areas when asked."""

    points: pd.DataFrame
    areas: pd.DataFrame | None = None


def transit_access(streets, points, stops, *, snap_tolerance=50.0, cutoff=None, tolerance=0.01,
                   areas=False):
    """Walking distance along the streets to the nearest qualifying stop, access, service areas.

    Parameters
    ----------
    streets : StreetNetwork, (n, 4) array or pair of (n, 2) arrays
        The network (built once by :func:`network.build_network`) or its
        straight segments ``x0, y0, x1, y1`` in metres.
    points : (m, 2) array
        Origins (population points).
    stops : DataFrame
        Qualifying stops with ``x``, ``y`` and ``access_distance`` (metres).
    snap_tolerance : float
        Largest distance from a point or stop to the nearest street.
    cutoff : float, optional
        Longest path searched; defaults to the largest access distance.
    tolerance : float
        Node merge tolerance (see :func:`network.build_network`).
    areas : bool
        Also draw the service areas (:attr:`Access.areas`).

    Returns
    -------
    Access
        ``points``: ``distance`` (snap distances included; NaN when no stop lies
        within the cutoff or the point is not snapped), ``access`` (some stop
        within its own access distance: each access distance is searched
        separately), ``stop`` (position of the nearest stop, -1 for none),
        ``snap_distance``, ``snapped``, ``method`` (``"network"``); its attrs
        count ``unsnapped_points``, ``unsnapped_stops``, the network's
        ``parts`` and the ``points_in_parts_without_stop``.
        ``areas`` (one row per stop): ``geometry`` (the reachable street pieces
        within its access distance, each piece given to the nearest stop of the
        same access distance; None when the stop is not snapped) and ``length``.
    """
    pts = _xy(points, "points")
    xy, reach = _stop_table(stops)
    net = streets if isinstance(streets, network.StreetNetwork) else \
        network.build_network(streets, tolerance=tolerance)
    p_snap = network.snap(net, pts, snap_tolerance)
    s_snap = network.snap(net, xy, snap_tolerance)
    routing = network.route(net, s_snap)
    limit = float(np.max(reach)) if cutoff is None and len(reach) else float(cutoff or 0.0)
    distance = np.full(len(pts), np.inf)
    nearest = np.full(len(pts), -1)
    access = np.zeros(len(pts), dtype=bool)
    geometry, lengths = np.full(len(xy), None, dtype=object), np.zeros(len(xy))
    for d in np.unique(reach):
        chosen = reach == d
        node_distance, node_source = network.nearest_sources(routing, chosen, limit=max(limit, d))
        found, source = network.point_distances(routing, p_snap, node_distance, node_source)
        if areas:
            pieces = network.reachable_pieces(routing, node_distance, node_source, d)
            g, length = network.pieces_by_source(pieces, len(xy))
            geometry[chosen], lengths[chosen] = g[chosen], length[chosen]
        access |= found <= d
        found[found > limit] = np.inf
        closer = found < distance
        nearest[closer] = source[closer]
        distance = np.minimum(distance, found)
    out = _result(distance, access, np.where(p_snap.ok, p_snap.distance, np.nan), nearest, NETWORK)
    labels, parts = net.components()
    stop_parts = np.unique(labels[net.u[s_snap.segment[s_snap.ok]]])
    point_parts = labels[net.u[p_snap.segment[p_snap.ok]]]
    out.attrs.update(unsnapped_points=int((~p_snap.ok).sum()), unsnapped_stops=int((~s_snap.ok).sum()),
                     parts=int(parts), points_in_parts_without_stop=int((~np.isin(point_parts, stop_parts)).sum()))
    table = None
    if areas:
        table = pd.DataFrame({"geometry": geometry, "length": lengths}, index=stops.index)
    return Access(out, table)


def network_access(streets, points, stops, *, snap_tolerance=50.0, cutoff=None, tolerance=0.01):
    """The per-point table of :func:`transit_access` (no service areas).

    Examples
    --------
    >>> stops = pd.DataFrame({"x": [0.0], "y": [0.0], "access_distance": [500.0]})
    >>> network_access([[0, 0, 300, 0], [300, 0, 300, 300]], [[300, 310], [0, 400]], stops,
    ...                cutoff=1000)[["distance", "access", "snap_distance", "snapped"]]
       distance  access  snap_distance  snapped
    0     610.0   False           10.0     True
    1       NaN   False            NaN    False
    """
    return transit_access(streets, points, stops, snap_tolerance=snap_tolerance, cutoff=cutoff,
                          tolerance=tolerance).points


def access_shares(access_flag, population, groups=None):
    """Share of the population with access, overall and per value of each group column.

    Parameters
    ----------
    access_flag : array-like of bool
    population : array-like of float
        Non-negative counts, aligned with the flags.
    groups : DataFrame or dict of array-like, optional
        Columns such as sex, age group, disability or territory.

    Returns
    -------
    DataFrame
        ``group``, ``value``, ``population``, ``with_access`` and ``share``
        (NaN where the population is 0); the first row is ``total``.

    Examples
    --------
    >>> access_shares([True, False, True], [10, 30, 60], {"sex": ["f", "m", "m"]})
       group value  population  with_access     share
    0  total   all       100.0         70.0  0.700000
    1    sex     f        10.0         10.0  1.000000
    2    sex     m        90.0         60.0  0.666667
    """
    flag = np.asarray(access_flag, dtype=bool)
    pop = np.asarray(population, dtype=float)
    if flag.shape != pop.shape or flag.ndim != 1:
        raise InvalidValueError("expected as many access flags as population values, got {flags_shape} and {population_shape}",
                                flags_shape=str(flag.shape), population_shape=str(pop.shape))
    if not np.isfinite(pop).all() or (pop < 0).any():
        raise InvalidValueError("expected finite non-negative population values, "
                                "got missing or negative ones")
    frame = pd.DataFrame({"population": pop, "with_access": np.where(flag, pop, 0.0)})
    rows = [pd.DataFrame({"group": ["total"], "value": ["all"], "population": [pop.sum()],
                          "with_access": [frame["with_access"].sum()]})]
    groups = pd.DataFrame(groups) if groups is not None else pd.DataFrame(index=frame.index)
    if len(groups.columns) and len(groups) != len(pop):
        raise InvalidValueError("expected group columns of {n_pop} rows, got {n_groups}", n_pop=len(pop),
                                n_groups=len(groups))
    for column in groups.columns:
        keys = np.asarray(groups[column])
        sums = frame.groupby(keys, dropna=False, sort=True)[["population", "with_access"]].sum()
        rows.append(sums.rename_axis("value").reset_index().assign(group=str(column)))
    out = pd.concat(rows, ignore_index=True)[["group", "value", "population", "with_access"]]
    share = np.divide(out["with_access"], out["population"], out=np.full(len(out), np.nan),
                      where=out["population"].to_numpy() > 0)
    out["share"] = share
    return out


def access_table(access_flag, population, groups=None, territory=None, everywhere="all"):
    """:func:`access_shares` for the whole area and for each territory, in one long table.

    Returns the columns ``territory`` (``everywhere`` for the whole area),
    ``group``, ``value``, ``population``, ``with_access`` and ``share``.
    Points with no territory (``None`` or NaN) count in the whole area only.

    Examples
    --------
    >>> access_table([True, False, True], [10, 30, 60], {"sex": ["f", "m", "m"]},
    ...              territory=["t1", "t1", None])[["territory", "group", "value", "share"]]
      territory  group value     share
    0       all  total   all  0.700000
    1       all    sex     f  1.000000
    2       all    sex     m  0.666667
    3        t1  total   all  0.250000
    4        t1    sex     f  1.000000
    5        t1    sex     m  0.000000
    """
    flag = np.asarray(access_flag, dtype=bool)
    pop = np.asarray(population, dtype=float)
    whole = access_shares(flag, pop, groups).assign(territory=everywhere)
    frames = [whole]
    if territory is not None:
        keys = pd.Series(np.asarray(territory, dtype=object))
        if len(keys) != len(pop):
            raise InvalidValueError("expected {n_pop} territory values, got {n_keys}", n_pop=len(pop),
                                    n_keys=len(keys))
        known = keys.notna().to_numpy()
        table = pd.DataFrame({"territory": keys[known].to_numpy(), "population": pop[known],
                              "with_access": np.where(flag, pop, 0.0)[known]})
        columns = pd.DataFrame(groups) if groups is not None else pd.DataFrame(index=range(len(pop)))
        parts = [table.groupby("territory", sort=True)[["population", "with_access"]].sum()
                 .reset_index().assign(group="total", value="all")]
        for column in columns.columns:
            values = np.asarray(columns[column], dtype=object)[known]
            sums = table.assign(value=values).groupby(["territory", "value"], sort=True, dropna=False)[
                ["population", "with_access"]].sum().reset_index().assign(group=str(column))
            parts.append(sums)
        per = pd.concat(parts, ignore_index=True)
        order = {name: rank for rank, name in enumerate(["total", *map(str, columns.columns)])}
        per = per.sort_values(["territory", "group"], key=lambda s: s.map(order) if s.name == "group" else s,
                              kind="stable")
        share = np.divide(per["with_access"], per["population"], out=np.full(len(per), np.nan),
                          where=per["population"].to_numpy() > 0)
        frames.append(per.assign(share=share))
    out = pd.concat(frames, ignore_index=True)
    return out[["territory", "group", "value", "population", "with_access", "share"]]
