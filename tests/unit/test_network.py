"""Street networks: snapping onto segments, sources inside segments, reachable pieces, pairs.

Known answers are drawn by hand; the random cases are checked against networkx on a graph
built independently (every snapped point inserted as its own node by splitting its segment).
"""

import itertools
import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest
import shapely

from alliance_territories.alliance_plugin.core import network
from alliance_territories.alliance_plugin.core.errors import EmptyInputError, InvalidValueError


def test_line_segments_explode_lines_and_skip_the_rest():
    geoms = [shapely.LineString([(0, 0), (3, 4), (3, 10)]), shapely.Point(1, 1), None,
             shapely.MultiLineString([[(0, 0), (1, 0)], [(5, 5), (5, 6)]]), shapely.LineString()]
    a, b, owner = network.line_segments(geoms)
    assert owner.tolist() == [0, 0, 3, 3]
    assert a.tolist() == [[0, 0], [3, 4], [0, 0], [5, 5]]
    assert b.tolist() == [[3, 4], [3, 10], [1, 0], [5, 6]]
    assert len(network.line_segments([])[0]) == 0


def test_snap_onto_the_segment_not_the_vertex():
    net = network.build_network([[0, 0, 1000, 0], [1000, 0, 1000, 1000]])
    s = network.snap(net, [[400, 30], [1200, 500], [-50, 0], [np.nan, 0]], tolerance=100)
    assert s.segment.tolist() == [0, -1, 0, -1]
    np.testing.assert_allclose(s.t[[0, 2]], [0.4, 0.0])
    np.testing.assert_allclose(s.distance[[0, 2]], [30, 50])
    assert np.isinf(s.distance[[1, 3]]).all()
    with pytest.raises(InvalidValueError, match="non-negative"):
        network.snap(net, [[0, 0]], tolerance=-1)


def test_point_between_two_stops_on_one_segment():
    net = network.build_network([[0, 0, 1000, 0]])
    stops = network.snap(net, [[300, 0], [900, 10]])
    routing = network.route(net, stops)
    dist, src = network.nearest_sources(routing)
    points = network.snap(net, [[350, 0], [700, 0], [100, 5], [1000, 0]])
    d, s = network.point_distances(routing, points, dist, src)
    # 50 to the first stop; 200 + 10 to the second; 200 + 5; 100 + 10
    np.testing.assert_allclose(d, [50, 210, 205, 110])
    assert s.tolist() == [0, 1, 0, 1]


def test_two_stops_at_one_place_and_a_stop_on_a_vertex():
    net = network.build_network([[0, 0, 100, 0], [100, 0, 200, 0]])
    routing = network.route(net, network.snap(net, [[100, 0], [100, 0], [0, 0]]))
    dist, src = network.nearest_sources(routing)
    d, _ = network.point_distances(routing, network.snap(net, [[150, 0], [40, 0]]), dist, src)
    np.testing.assert_allclose(d, [50, 40])


def test_reachable_pieces_cut_at_the_exact_reach():
    # a 1000 m street with a stop at 300 m; a side street from 600 m going up 400 m
    net = network.build_network([[0, 0, 1000, 0], [600, 0, 600, 400]])
    assert len(net.u) == 2  # the side street starts inside the first segment: not a junction
    net = network.build_network([[0, 0, 600, 0], [600, 0, 1000, 0], [600, 0, 600, 400]])
    routing = network.route(net, network.snap(net, [[300, 0]]))
    dist, src = network.nearest_sources(routing, limit=500)
    pieces = network.reachable_pieces(routing, dist, src, 500)
    geoms, lengths = network.pieces_by_source(pieces, 1)
    # west 300 m, east 500 m (to x = 800), up the side street 200 m
    assert lengths[0] == pytest.approx(300 + 500 + 200)
    merged = shapely.line_merge(geoms[0])
    assert shapely.length(merged) == pytest.approx(1000)
    assert shapely.equals(shapely.union_all(shapely.get_parts(geoms[0])),
                          shapely.union_all([shapely.LineString([(0, 0), (800, 0)]),
                                             shapely.LineString([(600, 0), (600, 200)])]))


def test_pieces_split_between_two_stops_where_they_meet():
    net = network.build_network([[0, 0, 1000, 0]])
    routing = network.route(net, network.snap(net, [[0, 0], [1000, 0]]))
    dist, src = network.nearest_sources(routing, limit=800)
    geoms, lengths = network.pieces_by_source(network.reachable_pieces(routing, dist, src, 800), 2)
    np.testing.assert_allclose(lengths, [500, 500])
    assert shapely.equals(geoms[0], shapely.MultiLineString([[(0, 0), (500, 0)]]))


def test_unreached_and_unsnapped_sources_have_no_area():
    net = network.build_network([[0, 0, 100, 0], [500, 500, 600, 500]])
    routing = network.route(net, network.snap(net, [[0, 0], [5000, 0]], tolerance=10))
    dist, src = network.nearest_sources(routing, limit=50)
    geoms, lengths = network.pieces_by_source(network.reachable_pieces(routing, dist, src, 50), 2)
    assert lengths.tolist() == [50, 0] and geoms[1] is None
    labels, parts = net.components()
    assert parts == 2 and labels[net.u[0]] != labels[net.u[1]]


def test_bad_networks():
    with pytest.raises(EmptyInputError):
        network.build_network(np.empty((0, 4)))
    with pytest.raises(EmptyInputError, match="zero-length"):
        network.build_network([[1, 1, 1, 1]])
    with pytest.raises(InvalidValueError, match="finite"):
        network.build_network([[0, 0, np.nan, 1]])
    with pytest.raises(InvalidValueError, match="tolerance"):
        network.build_network([[0, 0, 1, 1]], tolerance=0)


def _brute(edges, snapped_points, snapped_sources):
    """Distances source -> point with each snapped location a node of a networkx graph."""
    graph = nx.Graph()
    cuts = {}
    for kind, (seg, t, d) in (("p", snapped_points), ("s", snapped_sources)):
        for i in range(len(seg)):
            if seg[i] >= 0:
                cuts.setdefault(seg[i], []).append((t[i], (kind, i)))
    for k, (x0, y0, x1, y1) in enumerate(edges):
        length = math.hypot(x1 - x0, y1 - y0)
        chain = [(0.0, (round(x0, 6), round(y0, 6)))] + sorted(cuts.get(k, []), key=lambda c: c[0]) \
            + [(1.0, (round(x1, 6), round(y1, 6)))]
        for (ta, na), (tb, nb) in zip(chain[:-1], chain[1:]):
            w = (tb - ta) * length
            if graph.has_edge(na, nb):
                w = min(w, graph[na][nb]["weight"])
            graph.add_edge(na, nb, weight=w)
    out = np.full((len(snapped_sources[0]), len(snapped_points[0])), np.inf)
    for j in range(len(snapped_sources[0])):
        if snapped_sources[0][j] < 0:
            continue
        lengths = nx.single_source_dijkstra_path_length(graph, ("s", j), weight="weight")
        for i in range(len(snapped_points[0])):
            if ("p", i) in lengths:
                out[j, i] = lengths[("p", i)] + snapped_sources[2][j] + snapped_points[2][i]
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_grid_against_networkx(seed):
    rng = np.random.default_rng(seed)
    size, step = 7, 100.0
    edges = []
    for i, j in itertools.product(range(size), repeat=2):
        if i + 1 < size and rng.random() < 0.75:
            edges.append([i * step, j * step, (i + 1) * step, j * step])
        if j + 1 < size and rng.random() < 0.75:
            edges.append([i * step, j * step, i * step, (j + 1) * step])
    edges = np.array(edges)
    net = network.build_network(edges)
    points = rng.uniform(-20, size * step, (60, 2))
    sources = rng.uniform(0, (size - 1) * step, (5, 2))
    p, s = network.snap(net, points, tolerance=40), network.snap(net, sources, tolerance=40)
    # the same snap in the brute force, on the segments as given
    order = net.owner
    brute = _brute(edges, (np.where(p.ok, order[np.maximum(p.segment, 0)], -1), p.t, p.distance),
                   (np.where(s.ok, order[np.maximum(s.segment, 0)], -1), s.t, s.distance))
    routing = network.route(net, s)
    dist, src = network.nearest_sources(routing)
    d, which = network.point_distances(routing, p, dist, src)
    np.testing.assert_allclose(d, brute.min(axis=0), atol=1e-6)
    reached = np.isfinite(d)
    assert reached.sum() > 20 and (~p.ok).sum() > 0
    np.testing.assert_allclose(brute[which[reached], np.flatnonzero(reached)], d[reached], atol=1e-6)
    pairs = network.pair_distances(routing, p, 350.0, chunk_cells=routing.graph.shape[0] * 2)
    expected = {(j, i): brute[j, i] for j, i in zip(*np.nonzero(brute <= 350.0))}
    got = {(int(r.source), int(r.point)): r.distance for r in pairs.itertuples()}
    assert got.keys() == expected.keys() and len(got) > 10
    np.testing.assert_allclose([got[k] for k in expected], list(expected.values()), atol=1e-6)
    # the reachable length equals the total of the reached parts of every segment
    dist_r, src_r = network.nearest_sources(routing, limit=250)
    pieces = network.reachable_pieces(routing, dist_r, src_r, 250.0)
    assert (pieces["length"] > 0).all()
    ends = np.concatenate([pieces[["x0", "y0"]].to_numpy(), pieces[["x1", "y1"]].to_numpy()])
    back = network.snap(net, ends, tolerance=1e-6)
    routing_all = network.route(net, s)
    d_all, _ = network.point_distances(routing_all, back, *network.nearest_sources(routing_all))
    assert (d_all <= 250.0 + 1e-6).all()


def test_pairs_empty_when_nothing_is_reached():
    net = network.build_network([[0, 0, 100, 0]])
    routing = network.route(net, network.snap(net, [[0, 0]]))
    pairs = network.pair_distances(routing, network.snap(net, [[100, 0]]), 50.0)
    assert pairs.empty and list(pairs.columns) == ["source", "point", "distance"]
    assert isinstance(pairs, pd.DataFrame)


def test_as_xy_checks_every_point_array():
    assert network.as_xy([[1, 2]], "points").dtype == float
    np.testing.assert_array_equal(network.as_xy(np.empty((0, 2)), "points"), np.empty((0, 2)))
    with pytest.raises(InvalidValueError, match=r"stops as an \(n, 2\) array"):
        network.as_xy([1, 2, 3], "stops")
    with pytest.raises(InvalidValueError, match=r"\(n, 2\)"):
        network.as_xy([[1, 2, 3]], "points")


# --- progress and cancel (issue 13) ------------------------------------------------------------------

def grid_segments(side=30, size=100.0):
    """A ``side`` x ``side`` grid of blocks of ``size`` metres: its straight segments."""
    ticks = np.arange(side + 1) * size
    a, b = [], []
    for i in ticks:
        for j0, j1 in zip(ticks[:-1], ticks[1:]):
            a += [(j0, i), (i, j0)]
            b += [(j1, i), (i, j1)]
    return np.array(a), np.array(b)


def canceled_after(checks):
    """An ``is_canceled`` that turns true at its ``checks``-th call; ``calls`` counts them."""
    calls = []

    def is_canceled():
        calls.append(1)
        return len(calls) >= checks

    return is_canceled, calls


def assert_progress(seen):
    """Progress moved: it never went back and ended at 100."""
    assert seen and seen == sorted(seen) and seen[-1] == pytest.approx(100.0), seen
    assert len(seen) >= 2


def test_build_network_reports_progress_and_stops_when_canceled():
    segments = grid_segments()
    seen = []
    net = network.build_network(segments, progress=seen.append, is_canceled=lambda: False)
    assert_progress(seen)
    plain = network.build_network(segments)
    np.testing.assert_array_equal(net.nodes, plain.nodes)
    np.testing.assert_array_equal(net.u, plain.u)
    assert (net.v == plain.v).all() and (net.length == plain.length).all()
    is_canceled, calls = canceled_after(2)
    assert network.build_network(segments, is_canceled=is_canceled) is None
    assert len(calls) == 2  # stopped at the second checkpoint, not after the last one


@pytest.mark.parametrize("tolerance", [None, 0.0, 3.0, 60.0])
def test_snap_finds_the_segment_geos_finds(tolerance):
    """The bounded search (nearest junction, then the segments' boxes) against GEOS's nearest neighbour,
    segment by segment, on a jittered grid with long diagonals and points far outside it."""
    rng = np.random.default_rng(7)
    nodes = np.stack(np.meshgrid(np.arange(12.0), np.arange(12.0)), -1).reshape(-1, 2) * 50 + rng.normal(0, 4,
                                                                                                       (144, 2))
    right = [(i, i + 1) for i in range(144) if i % 12 < 11]
    up = [(i, i + 12) for i in range(132)]
    pairs = np.array([p for p in right + up if rng.random() < 0.85] + [(0, 143), (11, 132)])
    edges = np.hstack([nodes[pairs[:, 0]], nodes[pairs[:, 1]]])
    net = network.build_network(edges)
    points = np.vstack([rng.uniform(-30, 580, (3000, 2)), rng.uniform(-3000, 3000, (40, 2)),
                        net.nodes[:30], net.nodes[net.u[:30]] * 0.5 + net.nodes[net.v[:30]] * 0.5])  # on streets
    got = network.snap(net, points, tolerance)
    lines = shapely.linestrings(np.stack([net.nodes[net.u], net.nodes[net.v]], axis=1))
    (src, seg), dist = shapely.STRtree(lines).query_nearest(shapely.points(points), max_distance=tolerance or None,
                                                            return_distance=True, all_matches=True)
    if tolerance == 0.0:  # GEOS has no zero max_distance: only points on a street snap
        src, seg, dist = src[dist == 0], seg[dist == 0], dist[dist == 0]
    expected = np.full(len(points), -1)
    expected[src[::-1]] = seg[::-1]  # GEOS's nearest segments (the first of ties)
    tied = np.zeros(len(points), dtype=bool)
    tied[src] = np.bincount(src, minlength=len(points))[src] > 1
    assert (got.segment[~tied] == expected[~tied]).all()
    assert (got.segment >= 0).sum() == (expected >= 0).sum() > (20 if tolerance == 0.0 else 300)
    # every snap lands at GEOS's distance, on a segment GEOS counts as nearest (ties included)
    assert set(zip(np.flatnonzero(got.ok).tolist(), got.segment[got.ok].tolist())) <= set(zip(src.tolist(),
                                                                                              seg.tolist()))
    nearest = np.full(len(points), np.inf)
    nearest[src] = dist
    np.testing.assert_allclose(got.distance[got.ok], nearest[got.ok], rtol=0, atol=1e-9)
    a, b = net.nodes[net.u[got.segment[got.ok]]], net.nodes[net.v[got.segment[got.ok]]]
    assert (network.graph.segment_distance(points[got.ok], a, b) == nearest[got.ok]).all()  # bit for bit


def test_snap_by_chunks_reports_progress_and_stops_when_canceled():
    from alliance_territories.alliance_plugin.core.progress import CHUNK

    net = network.build_network(grid_segments())
    points = np.random.default_rng(1).uniform(-50, 3050, (3 * CHUNK + 7, 2))
    points[5] = np.nan
    seen = []
    snapped = network.snap(net, points, 40.0, progress=seen.append, is_canceled=lambda: False)
    assert_progress(seen)
    assert len(seen) == 1 + 4  # the segments' index, then each of the four chunks
    whole = network.snap(net, points, 40.0)  # the same points in one chunk each: the same answer
    assert (snapped.segment == whole.segment).all() and (snapped.segment >= 0).sum() > 1000
    np.testing.assert_array_equal(snapped.t, whole.t)
    np.testing.assert_array_equal(snapped.distance, whole.distance)
    is_canceled, calls = canceled_after(3)
    assert network.snap(net, points, 40.0, is_canceled=is_canceled) is None
    assert len(calls) == 3


def test_route_and_pairs_report_progress_and_stop_when_canceled():
    net = network.build_network(grid_segments())
    rng = np.random.default_rng(2)
    sources = network.snap(net, rng.uniform(0, 3000, (300, 2)))
    points = network.snap(net, rng.uniform(0, 3000, (2000, 2)))
    seen = []
    routing = network.route(net, sources, progress=seen.append, is_canceled=lambda: False)
    assert_progress(seen)
    plain = network.route(net, sources)
    assert (routing.graph != plain.graph).nnz == 0 and (routing.source_node == plain.source_node).all()
    assert network.route(net, sources, is_canceled=lambda: True) is None
    seen = []
    # chunks of 3 sources (cells / nodes), so about a hundred checkpoints
    chunk = 3 * routing.graph.shape[0]
    pairs = network.pair_distances(routing, points, 300.0, chunk_cells=chunk, progress=seen.append,
                                   is_canceled=lambda: False)
    assert_progress(seen)
    assert len(seen) == 100 + 1  # one report before each of the 100 chunks, then 100
    pd.testing.assert_frame_equal(pairs, network.pair_distances(routing, points, 300.0, chunk_cells=chunk))
    is_canceled, calls = canceled_after(4)
    assert network.pair_distances(routing, points, 300.0, chunk_cells=chunk, is_canceled=is_canceled) is None
    assert len(calls) == 4  # stopped at the fourth of 101 checkpoints


def test_within_gives_a_part_of_a_longer_run():
    from alliance_territories.alliance_plugin.core.progress import Canceled, required, within

    seen = []
    part = within(seen.append, 10, 50)
    part(0.0), part(50.0), part(100.0)
    assert seen == [10.0, 30.0, 50.0] and within(None, 0, 10) is None
    assert required(0) == 0
    with pytest.raises(Canceled):
        required(None)
