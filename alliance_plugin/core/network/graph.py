"""The street network: segments, merged end nodes, and points snapped onto it.

Streets are straight segments (:func:`line_segments` explodes lines and
multilines); ends closer than about the node tolerance are one node
(:func:`build_network`). Points (population, stops, facilities) are snapped to
the nearest point of the nearest segment, not to the nearest vertex, the way
QGIS's network analysis does (:func:`snap`): the straight snap distance is
added to every path. Walking over the network is in :mod:`.routing`. Both long
phases take ``progress`` and ``is_canceled`` callbacks (:mod:`.progress`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely

from ..errors import EmptyInputError, InvalidValueError
from ..progress import CHUNK, Canceled, Ticker


def as_xy(values, name):
    """``values`` as an ``(n, 2)`` float array of x, y; ``name`` says what they are in the error.

    Every function of the access modules takes its points through this check.

    Examples
    --------
    >>> as_xy([[0, 1], [2, 3]], "points").tolist()
    [[0.0, 1.0], [2.0, 3.0]]
    """
    array = np.asarray(values, dtype=float)
    if array.ndim != 2 or array.shape[1] != 2:
        raise InvalidValueError("expected {name} as an (n, 2) array of x, y, got shape {shape}", name=name,
                                shape=str(array.shape))
    return array


def line_segments(geometries):
    """Straight segments of (multi)line geometries: ``(starts, ends, owner)``.

    ``owner`` is the position of the input geometry of each segment. Missing,
    empty and non-line geometries give no segment.

    Examples
    --------
    >>> a, b, owner = line_segments([shapely.LineString([(0, 0), (1, 0), (1, 1)]), None,
    ...                              shapely.MultiLineString([[(5, 5), (6, 5)]])])
    >>> a.tolist(), b.tolist(), owner.tolist()
    ([[0.0, 0.0], [1.0, 0.0], [5.0, 5.0]], [[1.0, 0.0], [1.0, 1.0], [6.0, 5.0]], [0, 0, 2])
    """
    geoms = np.asarray(geometries, dtype=object)
    if not len(geoms):
        return np.empty((0, 2)), np.empty((0, 2)), np.empty(0, dtype=int)
    parts, owner = shapely.get_parts(geoms, return_index=True)
    keep = np.isin(shapely.get_type_id(parts), (1, 2))
    parts, owner = parts[keep], owner[keep]
    coords, part = shapely.get_coordinates(parts, return_index=True)
    same = part[1:] == part[:-1]
    return coords[:-1][same], coords[1:][same], owner[part[:-1][same]]


def _segments(edges_xy):
    if isinstance(edges_xy, tuple) and len(edges_xy) == 2:
        a, b = as_xy(edges_xy[0], "segment starts"), as_xy(edges_xy[1], "segment ends")
        if len(a) != len(b):
            raise InvalidValueError("expected as many segment starts as ends, got {n_a} and {n_b}", n_a=len(a),
                                    n_b=len(b))
        return a, b
    array = np.asarray(edges_xy, dtype=float)
    if array.ndim != 2 or array.shape[1] != 4:
        raise InvalidValueError("expected segments as an (n, 4) array x0, y0, x1, y1 or a pair of (n, 2) arrays, "
                                "got shape {shape}", shape=str(array.shape))
    return array[:, :2], array[:, 2:]


def symmetric_graph(lo, hi, weight, n):
    """Undirected CSR graph over ``n`` nodes from links ``lo``-``hi``, keeping the lightest of parallel links.

    Zero-length links (a stop on the street, two stops at one place) stay
    explicit zeros, which ``scipy.sparse.csgraph`` walks as edges.
    """
    from scipy import sparse

    lo, hi = np.minimum(lo, hi), np.maximum(lo, hi)
    weight = np.asarray(weight, dtype=float)
    order = np.lexsort((weight, hi, lo))
    lo, hi, weight = lo[order], hi[order], weight[order]
    first = np.ones(len(lo), dtype=bool)
    first[1:] = (lo[1:] != lo[:-1]) | (hi[1:] != hi[:-1])
    lo, hi, weight = lo[first], hi[first], weight[first]
    return sparse.csr_matrix((np.concatenate([weight, weight]),
                              (np.concatenate([lo, hi]), np.concatenate([hi, lo]))), shape=(n, n))


@dataclass
class StreetNetwork:
    """Street segments with merged end nodes: build with :func:`build_network`."""

    nodes: np.ndarray      # (n, 2) node coordinates
    u: np.ndarray          # start node of each segment
    v: np.ndarray          # end node of each segment
    length: np.ndarray     # segment lengths (m)
    owner: np.ndarray      # input line of each segment
    tolerance: float
    _tree: object = field(default=None, repr=False)
    _labels: object = field(default=None, repr=False)
    _junctions: object = field(default=None, repr=False)
    _search_limit: object = field(default=None, repr=False)
    _segment_bounds: object = field(default=None, repr=False)

    @property
    def n_nodes(self):
        return len(self.nodes)

    @property
    def tree(self):
        if self._tree is None:
            self._tree = shapely.STRtree(shapely.linestrings(
                np.stack([self.nodes[self.u], self.nodes[self.v]], axis=1)))
        return self._tree

    def build_indexes(self):
        """Build the segments' R-tree and the nodes' k-d tree now (they are kept with the network)."""
        return self.tree, self.junctions, self.segment_bounds

    @property
    def segment_bounds(self):
        """``(n, 4)`` boxes of the segments: xmin, ymin, xmax, ymax (those of the R-tree)."""
        if self._segment_bounds is None:
            a, b = self.nodes[self.u], self.nodes[self.v]
            self._segment_bounds = np.hstack([np.minimum(a, b), np.maximum(a, b)])
        return self._segment_bounds

    @property
    def junctions(self):
        """A k-d tree of the nodes (``scipy.spatial.cKDTree``): the distance to the nearest one bounds a snap."""
        if self._junctions is None:
            from scipy.spatial import cKDTree

            self._junctions = cKDTree(self.nodes)
        return self._junctions

    @property
    def search_limit(self):
        """Widest half-side (m) of the square searched around a point by :func:`snap`: eight median segments."""
        if self._search_limit is None:
            self._search_limit = 8.0 * float(np.median(self.length)) if len(self.length) else 0.0
        return self._search_limit

    def graph(self):
        return symmetric_graph(self.u, self.v, self.length, self.n_nodes)

    def components(self):
        """Connected part of every node (labels) and the number of parts."""
        from scipy.sparse import csgraph

        if self._labels is None:
            self._labels = csgraph.connected_components(self.graph(), directed=False)
        count, labels = self._labels
        return labels, count


def build_network(edges_xy, *, owner=None, tolerance=0.01, progress=None, is_canceled=None):
    """A :class:`StreetNetwork` from straight segments (an (n, 4) array or a pair of (n, 2) arrays).

    Ends closer than about ``tolerance`` metres are merged (coordinates rounded
    to it); zero-length segments are dropped. ``progress`` is told the
    percentage done; when ``is_canceled()`` turns true the function returns
    None at its next checkpoint (:mod:`.progress`).

    Examples
    --------
    >>> net = build_network([[0, 0, 100, 0], [100, 0.001, 100, 50], [7, 7, 7, 7]])
    >>> net.nodes.tolist(), net.length.tolist()
    ([[0.0, 0.0], [100.0, 0.0], [100.0, 50.0]], [100.0, 50.0])
    """
    a, b = _segments(edges_xy)
    if not len(a):
        raise EmptyInputError("expected street segments, got none")
    if not (np.isfinite(a).all() and np.isfinite(b).all()):
        raise InvalidValueError("expected finite segment coordinates, got NaN or infinite values")
    if tolerance <= 0:
        raise InvalidValueError("expected a positive node tolerance in metres, got {tolerance}", tolerance=tolerance)
    owner = np.arange(len(a)) if owner is None else np.asarray(owner)
    tick = Ticker(progress, is_canceled)
    try:
        tick(0.05)
        key_a = np.round(a / tolerance).astype(np.int64)
        key_b = np.round(b / tolerance).astype(np.int64)
        keep = (key_a != key_b).any(axis=1)
        if not keep.any():
            raise EmptyInputError("expected street segments, got only zero-length ones")
        tick(0.2)
        unique, inverse = np.unique(np.vstack([key_a[keep], key_b[keep]]), axis=0, return_inverse=True)
        tick(0.9)
    except Canceled:
        return None
    inverse = inverse.ravel()
    nodes = unique * tolerance
    u, v = inverse[: keep.sum()], inverse[keep.sum():]
    length = np.hypot(*(nodes[v] - nodes[u]).T)
    tick.done()
    return StreetNetwork(nodes, u, v, length, owner[keep], float(tolerance))


@dataclass
class Snapped:
    """Where points meet the network: segment (-1 when beyond the tolerance), position 0-1, distance."""

    segment: np.ndarray
    t: np.ndarray
    distance: np.ndarray

    @property
    def ok(self):
        return self.segment >= 0


def snap(net, points, tolerance=None, *, progress=None, is_canceled=None):
    """Snap points to the nearest point of the nearest segment within ``tolerance`` (None: any distance).

    The nearest segment is the one GEOS's nearest-neighbour search finds (the
    same point-to-segment distance, computed as GEOS computes it, so the same
    segment), without asking GEOS segment by segment: the distance to the
    nearest junction (a k-d tree) bounds the distance to the nearest segment, so
    only the segments whose boxes lie within that bound are measured, all at
    once (:func:`_nearest_segments`; about ten times faster on a million
    people). Where several segments are exactly as near (a point nearest to a
    junction), the first one is taken (GEOS took the one it met first: the point
    lands on the same junction at the same distance). Points whose bound is
    long (far from every junction, with no tolerance) are left to GEOS's search.

    Points are snapped in chunks of :data:`.progress.CHUNK` (each independently
    of the others: the result does not depend on the chunks); ``progress`` is
    told the percentage done after the segments' index and each chunk, and the
    function returns None when ``is_canceled()`` turns true at one of those
    checkpoints.

    Examples
    --------
    >>> net = build_network([[0, 0, 100, 0]])
    >>> s = snap(net, [[25, 10], [50, 500]], tolerance=50)
    >>> s.segment.tolist(), s.t.tolist(), s.distance.tolist()
    ([0, -1], [0.25, nan], [10.0, inf])
    """
    xy = as_xy(points, "points")
    if tolerance is not None and tolerance < 0:
        raise InvalidValueError("expected a non-negative snap tolerance in metres, got {tolerance}",
                                tolerance=tolerance)
    segment = np.full(len(xy), -1)
    t = np.full(len(xy), np.nan)
    distance = np.full(len(xy), np.inf)
    finite = np.isfinite(xy).all(axis=1)
    if not finite.any():
        return Snapped(segment, t, distance)
    rows = np.flatnonzero(finite)
    tick = Ticker(progress, is_canceled)
    try:
        tick.check()
        net.build_indexes()
        cells = _cells(xy[rows], net.search_limit / 8)
        order = np.argsort(cells, kind="stable")  # neighbours together: one search per cell (_nearest_segments)
        rows, cells = rows[order], cells[order]
        tick(0.1)
        for first in range(0, len(rows), CHUNK):
            chunk = rows[first:first + CHUNK]
            src, seg = _nearest_segments(net, xy[chunk], tolerance, cells[first:first + CHUNK])
            src = chunk[src]
            a, b = net.nodes[net.u[seg]], net.nodes[net.v[seg]]
            d = b - a
            along = np.clip(np.einsum("ij,ij->i", xy[src] - a, d) / np.maximum(np.einsum("ij,ij->i", d, d), 1e-300),
                            0.0, 1.0)
            foot = a + along[:, None] * d
            segment[src], t[src] = seg, along
            distance[src] = np.hypot(*(xy[src] - foot).T)
            tick(0.1 + 0.9 * (first + len(chunk)) / len(rows))
    except Canceled:
        return None
    return Snapped(segment, t, distance)


def segment_distance(p, a, b):
    """Distance from points ``p`` to segments ``a``-``b`` (``(n, 2)`` arrays), as GEOS computes it.

    The same operations in the same order as GEOS's ``Distance::pointToSegment``
    (the projection's ratio, then the distance to an end or to the line), so
    that the nearest segment found here is the one GEOS finds.

    Examples
    --------
    >>> segment_distance(np.array([[5.0, 3.0], [-3.0, 4.0]]), np.zeros((2, 2)), np.array([[10.0, 0.0]] * 2)).tolist()
    [3.0, 5.0]
    """
    dx, dy = b[:, 0] - a[:, 0], b[:, 1] - a[:, 1]
    px, py = p[:, 0] - a[:, 0], p[:, 1] - a[:, 1]
    length2 = dx * dx + dy * dy
    with np.errstate(invalid="ignore", divide="ignore"):
        r = (px * dx + py * dy) / length2
        s = (-py * dx + px * dy) / length2  # (A.y - p.y) * dx - (A.x - p.x) * dy
        across = np.abs(s) * np.sqrt(length2)
    to_a = np.sqrt(px * px + py * py)
    qx, qy = p[:, 0] - b[:, 0], p[:, 1] - b[:, 1]
    to_b = np.sqrt(qx * qx + qy * qy)
    return np.where((length2 == 0) | (r <= 0.0), to_a, np.where(r >= 1.0, to_b, across))


def _cells(xy, size):
    """A number for the square of side ``size`` holding each point (neighbours share it)."""
    cell = np.floor(xy / max(size, 1e-9)).astype(np.int64)
    cell -= cell.min(axis=0)
    return cell[:, 0] * (int(cell[:, 1].max()) + 1) + cell[:, 1]


def _nearest_segments(net, xy, tolerance, cells):
    """``(point, segment)`` of the points of ``xy`` with a segment within ``tolerance``: the nearest one.

    A point's nearest junction is on a segment, so the nearest segment is no
    farther: only segments whose boxes meet the square of that half-side
    (``tolerance`` at most) are candidates, measured by :func:`segment_distance`.
    The R-tree is asked once per run of points in the same cell (``cells``,
    sorted) for the box around all their squares, then each point keeps the
    segments whose boxes meet its own square. Ties go to the lowest segment
    number. Points whose square would be wide (``net.search_limit``) go to
    GEOS's nearest-neighbour search instead.
    """
    bound, _ = net.junctions.query(xy, distance_upper_bound=np.inf if tolerance is None else
                                   tolerance * (1 + 1e-9) + 1e-9)
    radius = bound if tolerance is None else np.minimum(bound, tolerance)
    radius = radius * (1 + 1e-9) + 1e-9  # boxes a little wider than the bound: rounding never drops a segment
    near = radius <= net.search_limit
    points, segments = [], []
    fast = np.flatnonzero(near)
    if len(fast):
        x, y, r = xy[fast, 0], xy[fast, 1], radius[fast]
        x0, y0, x1, y1 = x - r, y - r, x + r, y + r
        starts = np.flatnonzero(np.r_[True, cells[fast][1:] != cells[fast][:-1]])
        group, seg = net.tree.query(shapely.box(np.minimum.reduceat(x0, starts), np.minimum.reduceat(y0, starts),
                                                np.maximum.reduceat(x1, starts), np.maximum.reduceat(y1, starts)))
        size = np.diff(np.r_[starts, len(fast)])[group]  # every point of the group, with every segment found
        src = np.repeat(starts[group] - np.cumsum(size) + size, size) + np.arange(size.sum())
        seg = np.repeat(seg, size)
        box = net.segment_bounds[seg]
        meets = (box[:, 0] <= x1[src]) & (box[:, 2] >= x0[src]) & (box[:, 1] <= y1[src]) & (box[:, 3] >= y0[src])
        src, seg = src[meets], seg[meets]
        order = np.argsort(src, kind="stable")  # point by point
        src, seg = src[order], seg[order]
        dist = segment_distance(xy[fast[src]], net.nodes[net.u[seg]], net.nodes[net.v[seg]])
        if tolerance is not None:
            keep = dist <= tolerance
            src, seg, dist = src[keep], seg[keep], dist[keep]
        if len(src):
            starts = np.flatnonzero(np.r_[True, src[1:] != src[:-1]])
            nearest = np.repeat(np.minimum.reduceat(dist, starts), np.diff(np.r_[starts, len(src)]))
            points.append(fast[src[starts]])
            segments.append(np.minimum.reduceat(np.where(dist == nearest, seg, len(net.u)), starts))
    slow = np.flatnonzero(~near)
    if len(slow):
        (src, seg), _ = net.tree.query_nearest(shapely.points(xy[slow]), max_distance=tolerance,
                                               return_distance=True, all_matches=False)
        points.append(slow[src])
        segments.append(seg)
    if not points:
        return np.zeros(0, dtype=int), np.zeros(0, dtype=int)
    return np.concatenate(points), np.concatenate(segments)
