"""Walking from sources over the street network: shortest distances, service areas, pairs within reach.

Sources (stops, facilities) snapped by :func:`.graph.snap` are inserted as
nodes by splitting the segment they snap to (:func:`route`), so a point between
two sources on one segment walks straight to the nearer one. Distances are
shortest paths in metres (Dijkstra 1959, ``scipy.sparse.csgraph.dijkstra``, one
run for many sources with a cut-off): to the nearest source
(:func:`nearest_sources`, :func:`point_distances`) or for every pair within a
limit (:func:`pair_distances`). Service areas are the pieces of segments
actually reached within a distance, cut at the exact reach along each segment
(:func:`reachable_pieces`): nothing is interpolated between vertices, and
unreachable land is never drawn. The long phases (:func:`route`,
:func:`pair_distances`) take ``progress`` and ``is_canceled`` callbacks
(:mod:`.progress`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import shapely

from .graph import StreetNetwork, symmetric_graph
from ..progress import Canceled, Ticker

_QUANT = 1 << 20  # positions along a segment, in 2**-20 of its length, to find a point's piece


@dataclass
class Routing:
    """A network with sources inserted as nodes: the graph and its pieces of segments."""

    net: StreetNetwork
    graph: object            # CSR over all nodes
    source_node: np.ndarray  # graph node of each source (-1 when not snapped)
    piece_segment: np.ndarray
    piece_t0: np.ndarray
    piece_t1: np.ndarray
    piece_start: np.ndarray
    piece_end: np.ndarray
    _keys: np.ndarray = field(repr=False, default=None)

    @property
    def piece_length(self):
        return (self.piece_t1 - self.piece_t0) * self.net.length[self.piece_segment]

    def locate(self, snapped):
        """Piece of every snapped point and its offsets (m) to the piece's start and end."""
        ok = snapped.ok
        seg, t = snapped.segment[ok], snapped.t[ok]
        keys = seg.astype(np.int64) * _QUANT + np.floor(t * (_QUANT - 1)).astype(np.int64)
        piece = np.searchsorted(self._keys, keys, side="right") - 1
        length = self.net.length[seg]
        to_start = np.maximum(t - self.piece_t0[piece], 0.0) * length
        to_end = np.maximum(self.piece_t1[piece] - t, 0.0) * length
        return ok, piece, to_start, to_end


def route(net, sources, *, progress=None, is_canceled=None):
    """Insert snapped ``sources`` (a :class:`Snapped`) as nodes of the graph.

    Each source gets a node on its segment (the segment is split there) and a
    node of its own joined to it by its snap distance, so that paths from a
    source include the walk from the source to the street. ``progress`` is told
    the percentage done; None is returned when ``is_canceled()`` turns true at a
    checkpoint (:mod:`.progress`).
    """
    tick = Ticker(progress, is_canceled)
    try:
        tick.check()
        return _route(net, sources, tick)
    except Canceled:
        return None


def _route(net, sources, tick):
    n = net.n_nodes
    ok = sources.ok
    k = int(ok.sum())
    seg, t = sources.segment[ok], sources.t[ok]
    foot = n + np.arange(k)
    own = n + k + np.arange(k)
    split = np.unique(seg)
    # break points of split segments: their start (kind 0), the sources (1), their end (2)
    b_seg = np.concatenate([split, seg, split])
    b_t = np.concatenate([np.zeros(len(split)), t, np.ones(len(split))])
    b_kind = np.concatenate([np.zeros(len(split), int), np.ones(k, int), np.full(len(split), 2)])
    b_node = np.concatenate([net.u[split], foot, net.v[split]])
    order = np.lexsort((b_kind, b_t, b_seg))
    b_seg, b_t, b_node = b_seg[order], b_t[order], b_node[order]
    inner = b_seg[1:] == b_seg[:-1]
    whole = np.setdiff1d(np.arange(len(net.u)), split, assume_unique=True)
    piece_segment = np.concatenate([whole, b_seg[:-1][inner]])
    piece_t0 = np.concatenate([np.zeros(len(whole)), b_t[:-1][inner]])
    piece_t1 = np.concatenate([np.ones(len(whole)), b_t[1:][inner]])
    piece_start = np.concatenate([net.u[whole], b_node[:-1][inner]])
    piece_end = np.concatenate([net.v[whole], b_node[1:][inner]])
    tick(0.4)
    order = np.lexsort((piece_t0, piece_segment))
    piece_segment, piece_t0, piece_t1 = piece_segment[order], piece_t0[order], piece_t1[order]
    piece_start, piece_end = piece_start[order], piece_end[order]
    weight = (piece_t1 - piece_t0) * net.length[piece_segment]
    tick(0.7)
    graph = symmetric_graph(np.concatenate([piece_start, own]), np.concatenate([piece_end, foot]),
                       np.concatenate([weight, sources.distance[ok]]), n + 2 * k)
    source_node = np.full(len(sources.segment), -1)
    source_node[ok] = own
    keys = piece_segment.astype(np.int64) * _QUANT + np.floor(piece_t0 * (_QUANT - 1)).astype(np.int64)
    tick.done()
    return Routing(net, graph, source_node, piece_segment, piece_t0, piece_t1, piece_start, piece_end, keys)


def nearest_sources(routing, chosen=None, limit=np.inf):
    """Shortest distance from the nearest of the ``chosen`` sources to every node, and which source.

    Returns ``(distance, source)`` over the graph's nodes: ``source`` is the
    position of the nearest source (-1 where none lies within ``limit``).
    """
    from scipy.sparse import csgraph

    nodes = routing.source_node if chosen is None else routing.source_node[chosen]
    positions = np.flatnonzero(routing.source_node >= 0) if chosen is None else \
        np.flatnonzero(chosen)[nodes >= 0]
    nodes = nodes[nodes >= 0]
    size = routing.graph.shape[0]
    if not len(nodes):
        return np.full(size, np.inf), np.full(size, -1)
    distance, _, source = csgraph.dijkstra(routing.graph, directed=True, indices=nodes, limit=limit,
                                           min_only=True, return_predecessors=True)
    which = np.full(size, -1)
    which[routing.source_node[positions]] = positions
    return distance, np.where(source >= 0, which[np.maximum(source, 0)], -1)


def point_distances(routing, snapped, node_distance, node_source=None):
    """Walking distance of snapped points from the node distances (snap distance included).

    Returns ``(distance, source)``: inf and -1 for points not snapped or not reached.
    """
    ok, piece, to_start, to_end = routing.locate(snapped)
    start, end = routing.piece_start[piece], routing.piece_end[piece]
    via_start = node_distance[start] + to_start
    via_end = node_distance[end] + to_end
    first = via_start <= via_end
    distance = np.full(len(snapped.segment), np.inf)
    distance[ok] = np.where(first, via_start, via_end) + snapped.distance[ok]
    source = np.full(len(snapped.segment), -1)
    if node_source is not None:
        source[ok] = np.where(first, node_source[start], node_source[end])
        source[~np.isfinite(distance)] = -1
    return distance, source


def reachable_pieces(routing, node_distance, node_source, reach):
    """The parts of segments within ``reach`` metres of a source, each given to the nearer source.

    Returns a DataFrame with ``source``, ``segment``, ``x0, y0, x1, y1`` and
    ``length``: a piece reached from both ends by the same source may come as
    two rows. Each end of a piece walks in as far as the reach left there; where
    the two ends' sources differ, the piece is cut where their distances meet.
    """
    net = routing.net
    start, end = routing.piece_start, routing.piece_end
    length = routing.piece_length
    d_start, d_end = node_distance[start], node_distance[end]
    room_start = np.clip(reach - d_start, 0.0, length)
    room_end = np.clip(reach - d_end, 0.0, length)
    with np.errstate(invalid="ignore"):
        meet = np.where(np.isinf(d_end), length, np.where(np.isinf(d_start), 0.0,
                                                          np.clip((d_end - d_start + length) / 2, 0, length)))
    frames = []
    for lo, hi, who in ((np.zeros_like(length), np.minimum(room_start, meet), node_source[start]),
                        (np.maximum(length - room_end, meet), length, node_source[end])):
        keep = (hi - lo > 1e-9) & (who >= 0)
        seg = routing.piece_segment[keep]
        a, b = net.nodes[net.u[seg]], net.nodes[net.v[seg]]
        seg_length = np.maximum(net.length[seg], 1e-300)
        t_lo = routing.piece_t0[keep] + lo[keep] / seg_length
        t_hi = routing.piece_t0[keep] + hi[keep] / seg_length
        p, q = a + t_lo[:, None] * (b - a), a + t_hi[:, None] * (b - a)
        frames.append(pd.DataFrame({"source": who[keep], "segment": seg, "x0": p[:, 0], "y0": p[:, 1],
                                    "x1": q[:, 0], "y1": q[:, 1], "length": hi[keep] - lo[keep]}))
    return pd.concat(frames, ignore_index=True)


def pieces_by_source(pieces, n_sources):
    """One MultiLineString per source (None where nothing is reached) and the length reached."""
    order = np.argsort(pieces["source"].to_numpy(), kind="stable")
    frame = pieces.iloc[order]
    lines = shapely.linestrings(frame[["x0", "y0", "x1", "y1"]].to_numpy().reshape(-1, 2, 2))
    geoms = np.full(n_sources, None, dtype=object)
    lengths = np.zeros(n_sources)
    if len(frame):
        owners = frame["source"].to_numpy()
        present, first = np.unique(owners, return_index=True)
        multi = shapely.multilinestrings(lines, indices=np.searchsorted(present, owners))
        geoms[present] = multi
        np.add.at(lengths, owners, frame["length"].to_numpy())
    return geoms, lengths


def pair_distances(routing, snapped, limit, *, chunk_cells=4_000_000, progress=None, is_canceled=None):
    """Every (source, point) pair within ``limit`` metres along the network.

    Returns a DataFrame ``source``, ``point``, ``distance`` (snap distances of
    both included). Sources run in chunks; only the points on pieces touching
    reached nodes are looked at, so memory stays bounded at any size.
    ``progress`` is told the percentage done after each chunk of sources; None
    is returned when ``is_canceled()`` turns true at one of those checkpoints.
    """
    tick = Ticker(progress, is_canceled)
    try:
        tick.check()
        out = _pairs(routing, snapped, limit, chunk_cells, tick)
    except Canceled:
        return None
    tick.done()
    return out


def _pairs(routing, snapped, limit, chunk_cells, tick):
    from scipy.sparse import csgraph

    ok, piece, to_start, to_end = routing.locate(snapped)
    rows = np.flatnonzero(ok)
    start, end = routing.piece_start[piece], routing.piece_end[piece]
    size = routing.graph.shape[0]
    # node -> points on a piece that starts or ends there (CSR)
    node_of = np.concatenate([start, end])
    point_of = np.concatenate([np.arange(len(rows)), np.arange(len(rows))])
    order = np.argsort(node_of, kind="stable")
    node_of, point_of = node_of[order], point_of[order]
    indptr = np.searchsorted(node_of, np.arange(size + 1))
    positions = np.flatnonzero(routing.source_node >= 0)
    step = max(1, int(chunk_cells // max(size, 1)))
    out = []
    for first in range(0, len(positions), step):
        tick(first / len(positions))
        chosen = positions[first:first + step]
        dist = csgraph.dijkstra(routing.graph, directed=True, indices=routing.source_node[chosen],
                                limit=limit)
        reached = np.flatnonzero(np.isfinite(dist).any(axis=0))
        counts = indptr[reached + 1] - indptr[reached]
        if not counts.sum():
            continue
        take = np.repeat(indptr[reached] - np.cumsum(counts) + counts, counts) + np.arange(counts.sum())
        candidates = np.unique(point_of[take])
        total = np.minimum(dist[:, start[candidates]] + to_start[candidates],
                           dist[:, end[candidates]] + to_end[candidates])
        total += snapped.distance[rows[candidates]]
        s, p = np.nonzero(total <= limit)
        out.append(pd.DataFrame({"source": chosen[s], "point": rows[candidates[p]], "distance": total[s, p]}))
    if not out:
        return pd.DataFrame({"source": pd.Series(dtype=int), "point": pd.Series(dtype=int),
                             "distance": pd.Series(dtype=float)})
    return pd.concat(out, ignore_index=True)
