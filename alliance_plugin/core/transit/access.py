"""Who is within walking distance of a qualifying stop, along the streets or in a straight line (SDG 11.2.1).

Methods (methods.md, section 7). Coordinates are in a projected CRS in metres
(the glue reprojects). :func:`transit_access` walks along the street network
(:mod:`..network`): a point or stop is snapped to the nearest point of the
nearest street within the snap tolerance and the snap distance is added to its
path; points farther than the tolerance are kept and reported (``snapped``
False, no access); points in a part of the network holding no qualifying stop
within reach get no access. :func:`euclidean_access` is the straight-line
proxy. Low- and high-capacity stops are searched separately, each within its
own access distance; a point has access when either search reaches it.
:func:`population_access` chooses between the two and applies the reporting
cut-off; :func:`point_fields` and :func:`service_areas` are the per-point and
per-stop results. The long phases (snapping people and stops, the searches and
the service areas of each access distance) take ``progress`` and
``is_canceled`` callbacks and return None when canceled
(:mod:`..progress`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from .. import network
from ..errors import FieldNotFoundError, InvalidValueError
from ..network import as_xy
from ..progress import CHUNK, Canceled, Ticker, required, within

EUCLIDEAN = "euclidean"
NETWORK = "network"


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


def euclidean_access(points, stops, *, progress=None, is_canceled=None):
    """Straight-line proxy: distance to the nearest qualifying stop, and access.

    Every point gets the straight-line distance to the nearest stop, ``stop``
    its position in ``stops``, and ``access`` True when some stop lies within
    its own ``access_distance``. The output says it is the proxy: ``method`` is
    ``"euclidean"``. Points are measured in chunks: ``progress`` is told the
    percentage done after each, and None is returned when ``is_canceled()``
    turns true at one of those checkpoints.

    Examples
    --------
    >>> stops = pd.DataFrame({"x": [0.0, 2000.0], "y": [0.0, 0.0], "access_distance": [500.0, 1000.0]})
    >>> euclidean_access([[300, 400], [0, 900], [1200, 0]], stops)[["distance", "access", "stop", "method"]]
       distance  access  stop     method
    0     500.0    True     0  euclidean
    1     900.0   False     0  euclidean
    2     800.0    True     1  euclidean
    """
    pts = as_xy(points, "points")
    xy, reach = _stop_table(stops)
    distance = np.full(len(pts), np.inf)
    nearest = np.full(len(pts), -1)
    access = np.zeros(len(pts), dtype=bool)
    rows = np.flatnonzero(np.isfinite(pts).all(axis=1))  # points without coordinates stay unplaced
    geoms = shapely.points(pts[rows])
    reaches = np.unique(reach)
    tick = Ticker(progress, is_canceled)
    try:
        tick.check()
        for number, d in enumerate(reaches):
            group = np.flatnonzero(reach == d)
            tree = shapely.STRtree(shapely.points(xy[group]))
            src, dst, dist = [], [], []
            for first in range(0, len(rows), CHUNK):  # the nearest stop of each point, chunk by chunk
                (s, t), r = tree.query_nearest(geoms[first:first + CHUNK], return_distance=True, all_matches=False)
                src.append(s + first), dst.append(t), dist.append(r)
                tick((number + min(first + CHUNK, len(rows)) / len(rows)) / len(reaches))
            src, dst, dist = (np.concatenate(v) if v else np.zeros(0, dtype=k)
                              for v, k in ((src, int), (dst, int), (dist, float)))
            found = np.full(len(pts), np.inf)
            found[rows[src]] = dist
            closer = found[rows[src]] < distance[rows[src]]
            nearest[rows[src][closer]] = group[dst[closer]]
            distance = np.minimum(distance, found)
            access |= found <= d
    except Canceled:
        return None
    tick.done()
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
                   areas=False, progress=None, is_canceled=None):
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
    progress : callable(float), optional
        Told the percentage done after each phase and each chunk of points.
    is_canceled : callable() -> bool, optional
        Checked at those checkpoints; when true the function returns None.

    Returns
    -------
    Access or None
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
    pts = as_xy(points, "points")
    xy, reach = _stop_table(stops)
    tick = Ticker(progress, is_canceled)
    try:
        tick.check()
        net = streets if isinstance(streets, network.StreetNetwork) else required(network.build_network(
            streets, tolerance=tolerance, progress=within(progress, 0, 10), is_canceled=is_canceled))
        p_snap = required(network.snap(net, pts, snap_tolerance, progress=within(progress, 10, 55),
                                       is_canceled=is_canceled))
        s_snap = required(network.snap(net, xy, snap_tolerance, progress=within(progress, 55, 60),
                                       is_canceled=is_canceled))
        routing = required(network.route(net, s_snap, progress=within(progress, 60, 65), is_canceled=is_canceled))
        found = _walks(routing, p_snap, reach, areas, cutoff, tick.part(0.65, 0.95))
    except Canceled:
        return None
    distance, access, nearest, geometry, lengths = found
    out = _result(distance, access, np.where(p_snap.ok, p_snap.distance, np.nan), nearest, NETWORK)
    labels, parts = net.components()
    stop_parts = np.unique(labels[net.u[s_snap.segment[s_snap.ok]]])
    point_parts = labels[net.u[p_snap.segment[p_snap.ok]]]
    out.attrs.update(unsnapped_points=int((~p_snap.ok).sum()), unsnapped_stops=int((~s_snap.ok).sum()),
                     parts=int(parts), points_in_parts_without_stop=int((~np.isin(point_parts, stop_parts)).sum()))
    table = None
    if areas:
        table = pd.DataFrame({"geometry": geometry, "length": lengths}, index=stops.index)
    tick.done()
    return Access(out, table)


def _walks(routing, p_snap, reach, areas, cutoff, tick):
    """Distance, access and nearest stop of every snapped point, and the service areas: one search per access
    distance (a checkpoint of ``tick`` after each)."""
    n, limit = len(p_snap.segment), float(np.max(reach)) if cutoff is None and len(reach) else float(cutoff or 0.0)
    distance, nearest, access = np.full(n, np.inf), np.full(n, -1), np.zeros(n, dtype=bool)
    geometry, lengths = np.full(len(reach), None, dtype=object), np.zeros(len(reach))
    reaches = np.unique(reach)
    for number, d in enumerate(reaches):
        chosen = reach == d
        node_distance, node_source = network.nearest_sources(routing, chosen, limit=max(limit, d))
        found, source = network.point_distances(routing, p_snap, node_distance, node_source)
        if areas:
            pieces = network.reachable_pieces(routing, node_distance, node_source, d)
            g, length = network.pieces_by_source(pieces, len(reach))
            geometry[chosen], lengths[chosen] = g[chosen], length[chosen]
        access |= found <= d
        found[found > limit] = np.inf
        closer = found < distance
        nearest[closer] = source[closer]
        distance = np.minimum(distance, found)
        tick((number + 1) / len(reaches))
    return distance, access, nearest, geometry, lengths


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


def population_access(streets, points, stops, *, snap_tolerance=50.0, search_distance=None, areas=False,
                      progress=None, is_canceled=None):
    """Access of every point to the qualifying ``stops``: walked along ``streets``, or straight without them.

    Distances are reported up to ``search_distance`` but never less than the
    longest access distance (NaN, and no nearest stop, beyond). Without any
    stop nobody has access and everyone is still counted: ``distance`` NaN,
    ``access`` False, ``stop`` -1, ``snapped`` False. Returns an :class:`Access`
    whose ``areas`` (when asked) are the streets reached (a DataFrame, see
    :func:`transit_access`) or, on straight lines, discs (shapely polygons);
    None when ``is_canceled()`` turned true (``progress`` is told the
    percentage done).

    Examples
    --------
    >>> stops = pd.DataFrame({"x": [0.0], "y": [0.0], "access_distance": [500.0]})
    >>> population_access(None, [[300, 0], [0, 800]], stops, search_distance=600).points[["distance", "stop"]]
       distance  stop
    0     300.0     0
    1       NaN    -1
    """
    pts = as_xy(points, "points")
    cutoff = max(0.0 if search_distance is None else float(search_distance),
                 float(stops["access_distance"].max()) if len(stops) else 0.0)
    if not len(stops):
        return Access(pd.DataFrame({"distance": np.nan, "access": False, "stop": -1, "snap_distance": np.nan,
                                    "snapped": False}, index=pd.RangeIndex(len(pts))))
    if streets is None:
        result = euclidean_access(pts, stops, progress=within(progress, 0, 95), is_canceled=is_canceled)
        if result is None:
            return None
        result.loc[result["distance"] > cutoff, ["distance", "stop"]] = [np.nan, -1]
        access = Access(result, euclidean_areas(stops) if areas else None)
        if progress is not None:
            progress(100.0)
        return access
    return transit_access(streets, pts, stops, snap_tolerance=snap_tolerance, areas=areas, cutoff=cutoff,
                          progress=progress, is_canceled=is_canceled)


def point_fields(points, stops, index=None):
    """The fields of every population point from an :class:`Access`'s ``points`` table.

    ``access`` (1/0), ``distance_m``, the ``nearest_stop``'s ``stop_id`` and
    its ``nearest_capacity`` (None when no stop is within the cut-off),
    ``placed`` (1/0) and ``snap_m``. The text columns stay Python objects
    (pandas 3 would make them Arrow strings, which the writers turn back into
    objects: a second a million rows).

    Examples
    --------
    >>> stops = pd.DataFrame({"x": [0.0], "y": [0.0], "access_distance": [500.0], "stop_id": ["A"],
    ...                       "capacity": ["low"]})
    >>> point_fields(euclidean_access([[300, 400], [0, 700]], stops), stops)
       access  distance_m nearest_stop nearest_capacity  placed  snap_m
    0       1       500.0            A              low       1     0.0
    1       0       700.0            A              low       1     0.0
    """
    nearest = points["stop"].to_numpy()
    found = nearest >= 0

    def of_stop(column):
        values = np.full(len(nearest), None, dtype=object)
        values[found] = stops[column].to_numpy(dtype=object)[nearest[found]]
        return pd.Series(values, index=index, dtype=object)

    return pd.DataFrame({
        "access": points["access"].to_numpy(dtype=int), "distance_m": points["distance"].to_numpy(),
        "nearest_stop": of_stop("stop_id"), "nearest_capacity": of_stop("capacity"),
        "placed": points["snapped"].to_numpy(dtype=int), "snap_m": points["snap_distance"].to_numpy()}, index=index)


def service_areas(stops, access, population):
    """One row per qualifying stop: its service area and the population it serves, and the geometries.

    ``stop_id``, ``capacity``, ``access_distance``; ``length_m`` of the
    streets reached (along a network) or ``area_m2`` of the disc (straight
    lines); ``population_nearest``, the population with access whose nearest
    stop it is. A stop off the streets, or whose streets are all nearer another
    stop of its capacity, has no geometry (None).

    Examples
    --------
    >>> stops = pd.DataFrame({"x": [0.0, 900.0], "y": [0.0, 0.0], "access_distance": [500.0, 500.0],
    ...                       "stop_id": ["A", "B"], "capacity": ["low", "low"]})
    >>> access = population_access(None, [[100, 0], [800, 0], [2000, 0]], stops, areas=True)
    >>> table, discs = service_areas(stops, access, [10.0, 20.0, 40.0])
    >>> table[["stop_id", "population_nearest"]], len(discs)
    (  stop_id  population_nearest
    0       A                10.0
    1       B                20.0, 2)
    """
    values = np.asarray(population, dtype=float)
    nearest = access.points["stop"].to_numpy()
    counted = access.points["access"].to_numpy(dtype=bool) & (nearest >= 0)
    served = np.bincount(nearest[counted], weights=values[counted], minlength=len(stops))
    table = pd.DataFrame({"stop_id": stops["stop_id"].to_numpy(dtype=object),
                          "capacity": stops["capacity"].to_numpy(dtype=object),
                          "access_distance": stops["access_distance"].to_numpy(dtype=float)})
    if isinstance(access.areas, pd.DataFrame):
        geometries = access.areas["geometry"].to_numpy()
        table["length_m"] = access.areas["length"].to_numpy()
    else:
        geometries = np.asarray(access.areas, dtype=object)
        table["area_m2"] = shapely.area(geometries)
    table["population_nearest"] = served
    return table, geometries
