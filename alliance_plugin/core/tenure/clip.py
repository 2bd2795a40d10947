"""Exact areas of convex parcels inside zones, in numpy: Sutherland-Hodgman clipping of the zones' rings.

:func:`clipped_areas` clips, for every (convex parcel, zone) pair at once, the
zone's rings against the parcel's edges and measures the result (shoelace,
holes subtracted); :func:`convex_rings` gives the parcels it can take
(simple convex polygons, their rings counter-clockwise) and
:func:`simple_convex` the triangles and quadrilaterals known valid without
GEOS. The overlay engine (:mod:`.overlay`) sends the other parcels and the
slivers to GEOS; tests/unit/test_tenure_clip.py checks both against shapely.
"""

from __future__ import annotations

import numpy as np


def simple_convex(geoms):
    """Polygons that are certainly valid: one ring of 3 or 4 finite vertices, every turn the same way and
    clearly so (a ring of at most 4 vertices turning one way winds once: it is simple and convex). Others
    (near-collinear or repeated vertices, more vertices, holes, other types) are left to GEOS."""
    import shapely

    geoms = np.asarray(geoms, dtype=object)
    out = np.zeros(len(geoms), dtype=bool)
    rows = np.flatnonzero((shapely.get_type_id(geoms) == 3) & (shapely.get_num_interior_rings(geoms) == 0))
    if len(rows) == 0:
        return out
    polygons = geoms[rows]  # no hole: their coordinates are the exterior ring's
    n = shapely.get_num_coordinates(polygons)
    for size in (4, 5):  # with the closing point
        sub = np.flatnonzero(n == size)
        if len(sub) == 0:
            continue
        xy = shapely.get_coordinates(polygons[sub]).reshape(len(sub), size, 2)
        closed = (xy[:, 0] == xy[:, -1]).all(axis=1)
        xy = xy[:, :-1]
        before = xy - np.roll(xy, 1, axis=1)
        after = np.roll(xy, -1, axis=1) - xy
        with np.errstate(invalid="ignore", over="ignore"):
            turn = before[..., 0] * after[..., 1] - before[..., 1] * after[..., 0]
            scale = np.hypot(before[..., 0], before[..., 1]) * np.hypot(after[..., 0], after[..., 1])
            clear = np.abs(turn) > 1e-9 * scale
            ok = (np.isfinite(xy).all(axis=(1, 2)) & closed & clear.all(axis=1)
                  & ((turn > 0).all(axis=1) | (turn < 0).all(axis=1)))
        out[rows[sub[ok]]] = True
    return out


def _ranges(starts, lengths):
    """The concatenated ranges ``starts[i]:starts[i] + lengths[i]``."""
    lengths = np.asarray(lengths, dtype=np.int64)
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.cumsum(lengths) - lengths
    return np.repeat(np.asarray(starts, dtype=np.int64) - offsets, lengths) + np.arange(total)


def convex_rings(geoms, areas):
    """Which polygons are convex (one ring, no hole, positive area), and their rings turned counter-clockwise
    (without the closing point): ``(convex, start, length, vertices)``."""
    import shapely

    n = len(geoms)
    start, length = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
    candidate = np.flatnonzero((shapely.get_type_id(geoms) == 3) & (shapely.get_num_interior_rings(geoms) == 0)
                               & (areas > 0))
    coords, which = shapely.get_coordinates(geoms[candidate], return_index=True)  # no hole: the exterior ring
    closing = np.ones(len(coords), dtype=bool)
    closing[:-1] = which[1:] != which[:-1]
    coords, which = coords[~closing], which[~closing]
    count = np.bincount(which, minlength=len(candidate))
    first = np.cumsum(count) - count
    position = np.arange(len(coords))
    last = first[which] + count[which] - 1
    nxt = np.where(position == last, first[which], position + 1)
    prv = np.where(position == first[which], last, position - 1)
    before, after = coords - coords[prv], coords[nxt] - coords
    turn = before[:, 0] * after[:, 1] - before[:, 1] * after[:, 0]
    left = np.bincount(which, weights=turn > 0, minlength=len(candidate))
    right = np.bincount(which, weights=turn < 0, minlength=len(candidate))
    convex_candidate = ((left == 0) | (right == 0)) & (count >= 3)
    clockwise = right > 0
    # Clockwise rings reversed, so that the inside of every edge is on its left.
    flip = clockwise[which]
    order = np.where(flip, first[which] + last - position, position)
    vertices = coords[order]
    convex = np.zeros(n, dtype=bool)
    convex[candidate] = convex_candidate
    start[candidate], length[candidate] = first, count
    return convex, start, length, vertices


def clipped_areas(parcel, zone, ring_start, ring_length, vertices, rings, parcel_box):
    """Area of each convex parcel ``parcel[t]`` (rows of ``ring_start``..., box ``parcel_box``) within zone
    ``zone[t]``.

    A run of a zone ring's vertices lying wholly on one side of the parcel's box (left of it, right,
    below or above) is replaced by the chord from its first vertex to the next run's: the region between
    the run and the chord lies in that side's half-plane, away from the parcel, so the clipped area does
    not change, and a large zone brings only the vertices near each parcel.
    """
    n_tasks = len(parcel)
    subject = _ranges(rings.first[zone], rings.count[zone])  # the zone rings of each task
    task_of_ring = np.repeat(np.arange(n_tasks), rings.count[zone])
    chunks = _ranges(rings.chunk_first[subject], rings.chunk_count[subject])
    ring_of_chunk = np.repeat(np.arange(len(subject)), rings.chunk_count[subject])
    chunk_box, box = rings.chunk_box[chunks], parcel_box[parcel][task_of_ring[ring_of_chunk]]
    away = (chunk_box[:, 2] < box[:, 0]) | (chunk_box[:, 0] > box[:, 2]) | (chunk_box[:, 3] < box[:, 1]) \
        | (chunk_box[:, 1] > box[:, 3])
    taken = np.where(away, 1, rings.chunk_length[chunks])
    points = rings.coords[_ranges(rings.chunk_start[chunks], taken)]
    ring_of = np.repeat(ring_of_chunk, taken)
    # Coordinates relative to the parcel's first vertex: smaller numbers, smaller rounding errors.
    origin = vertices[ring_start[parcel]]
    points = points - origin[task_of_ring[ring_of]]
    edges = ring_length[parcel]
    for k in range(int(edges.max())):
        # The edge k of each parcel as a line: d = nx x + ny y + c, positive on its inside (left).
        a = vertices[ring_start[parcel] + np.minimum(k, edges - 1)] - origin
        b = vertices[ring_start[parcel] + np.where(k + 1 < edges, k + 1, 0)] - origin
        nx, ny = a[:, 1] - b[:, 1], b[:, 0] - a[:, 0]
        c = -(nx * a[:, 0] + ny * a[:, 1])
        done = edges <= k  # a parcel with fewer edges: nothing more to clip
        nx[done], ny[done], c[done] = 0.0, 0.0, 1.0
        point_ring_task = task_of_ring[ring_of]
        d = nx[point_ring_task] * points[:, 0] + ny[point_ring_task] * points[:, 1] + c[point_ring_task]
        points, ring_of = _clip_step(points, ring_of, d, len(subject))
        if len(points) == 0:
            break
    # Shoelace of each clipped ring (a ring of fewer than 3 points has none).
    nxt = np.empty(len(points), dtype=np.int64)
    nxt[_previous(ring_of)] = np.arange(len(points))
    cross = points[:, 0] * points[nxt, 1] - points[nxt, 0] * points[:, 1]
    ring_area = np.abs(np.bincount(ring_of, weights=cross, minlength=len(subject))) / 2.0
    return np.maximum(np.bincount(task_of_ring, weights=rings.sign[subject] * ring_area, minlength=n_tasks), 0.0)


def _previous(ring_of):
    """The position of each point's predecessor along its ring (``ring_of`` sorted; the last for the first)."""
    n = len(ring_of)
    prv = np.arange(-1, n - 1)
    if n:
        cut = np.flatnonzero(ring_of[1:] != ring_of[:-1]) + 1
        prv[np.concatenate([[0], cut])] = np.concatenate([cut, [n]]) - 1
    return prv


def _clip_step(points, ring_of, d, n_rings):
    """One Sutherland-Hodgman step for every ring at once: the points with ``d >= 0`` are kept, and where an
    edge crosses the line the crossing point is added before the point it leads to."""
    prv = _previous(ring_of)
    inside = d >= 0
    crossing = inside != inside[prv]
    emitted = inside.astype(np.int64) + crossing
    at = np.cumsum(emitted) - emitted
    out = np.empty((int(emitted.sum()), 2))
    c = np.flatnonzero(crossing)
    p = prv[c]
    t = d[p] / (d[p] - d[c])
    out[at[c]] = points[p] + t[:, None] * (points[c] - points[p])
    i = np.flatnonzero(inside)
    out[at[i] + crossing[i]] = points[i]
    return out, np.repeat(ring_of, emitted)
