"""The zones as the overlay engine sees them (core/tenure/overlay.py): prepared, indexed, their rings cut in runs.

:class:`Zones` holds one worker's copies of the constraint zones (prepared
geometries, their STR-tree and boxes, their rings as :class:`ZoneRings`) and
measures the overlap of two zones of one class over a parcel;
:func:`cut_areas` gives the exact area of a parcel within a zone whose
boundary crosses it: convex parcels (most cadastral parcels) clip the zone's
rings with numpy (core/tenure/clip.py), the others and slivers go through
GEOS's intersection. :func:`polygonal` keeps the polygonal part of repaired
geometries.
"""

from __future__ import annotations

import numpy as np

from .clip import clipped_areas, convex_rings

def polygonal(geoms):
    """The polygonal part of each geometry: lines and points of a repaired collection have no area."""
    import shapely

    geoms = np.asarray(geoms, dtype=object)
    rows = np.flatnonzero(shapely.get_type_id(geoms) == 7)  # GeometryCollection
    if len(rows) == 0:
        return geoms
    parts, owner = shapely.get_parts(geoms[rows], return_index=True)
    parts, sub = shapely.get_parts(parts, return_index=True)  # a collection may hold multipolygons
    owner = owner[sub]
    keep = shapely.get_type_id(parts) == 3
    out = np.array([shapely.MultiPolygon()] * len(rows), dtype=object)
    if keep.any():
        out = shapely.multipolygons(parts[keep], indices=owner[keep], out=out)
    geoms = geoms.copy()
    geoms[rows] = out
    return geoms


class Zones:
    """Zones as one worker sees them: its own copies, prepared, and their STR-tree.

    Prepared geometries are not thread-safe, so each thread builds its own.
    """

    def __init__(self, wkb, codes):
        import shapely

        self.geoms = shapely.from_wkb(wkb)
        shapely.prepare(self.geoms)
        self.tree = shapely.STRtree(self.geoms)
        self.bounds = shapely.bounds(self.geoms)
        self.codes = codes
        self.rings = ZoneRings(self.geoms)
        self.overlaps = {}  # (zone, zone) -> the polygonal part of their intersection, cut when first needed

    def overlap_areas(self, geoms, parcel_area, parcel, zone_a, zone_b):
        """Area of each parcel ``parcel[i]`` within both zones ``zone_a[i]`` and ``zone_b[i]``."""
        import shapely

        low, high = np.minimum(zone_a, zone_b), np.maximum(zone_a, zone_b)
        pairs = list(zip(low.tolist(), high.tolist()))
        new = sorted(set(pairs) - self.overlaps.keys())
        if new:
            a, b = np.array(new).T
            with np.errstate(invalid="ignore"):  # zones that only touch give an empty overlap (NaN bounds)
                cut = polygonal(shapely.intersection(self.geoms[a], self.geoms[b]))
            self.overlaps.update(zip(new, cut))
        distinct = sorted(pair for pair in set(pairs) if not self.overlaps[pair].is_empty)
        number = {pair: k for k, pair in enumerate(distinct)}
        region = np.array([number.get(pair, -1) for pair in pairs], dtype=np.int64)
        out = np.zeros(len(pairs))  # zones that only touch: no common area
        met = np.flatnonzero(region >= 0)
        if len(met):
            overlap = Regions(np.array([self.overlaps[pair] for pair in distinct], dtype=object))
            out[met] = cut_areas(geoms, parcel_area, parcel[met], region[met], overlap)
        return out


class Regions:
    """Polygons (zones, overlaps of two zones) as :func:`cut_areas` takes them: the geometries and rings."""

    def __init__(self, geoms):
        self.geoms = geoms
        self.rings = ZoneRings(geoms)


class ZoneRings:
    """Every ring of every zone, for :func:`clipped_areas`: coordinates without the closing point, the
    rings of zone ``z`` at ``first[z]:first[z] + count[z]``, each with its first coordinate, its length and
    its sign (+1 an outer ring, -1 a hole)."""

    def __init__(self, geoms):
        import shapely

        geoms = np.asarray(geoms, dtype=object)
        parts, owner = shapely.get_parts(geoms, return_index=True)
        polygon = shapely.get_type_id(parts) == 3
        parts, owner = parts[polygon], owner[polygon]
        rings, ring_part = shapely.get_rings(parts, return_index=True)
        outer = np.ones(len(rings), dtype=bool)
        outer[1:] = ring_part[1:] != ring_part[:-1]
        coords, ring_of = shapely.get_coordinates(rings, return_index=True)
        closing = np.ones(len(coords), dtype=bool)
        closing[:-1] = ring_of[1:] != ring_of[:-1]  # the last point of each ring repeats its first
        self.coords, ring_of = coords[~closing], ring_of[~closing]
        self.length = np.bincount(ring_of, minlength=len(rings))
        self.start = np.concatenate([[0], np.cumsum(self.length)[:-1]]).astype(np.int64)
        self.sign = np.where(outer, 1.0, -1.0)
        zone_of_ring = owner[ring_part]
        self.count = np.bincount(zone_of_ring, minlength=len(geoms))
        self.first = np.concatenate([[0], np.cumsum(self.count)[:-1]]).astype(np.int64)
        # Runs of CHUNK vertices (and the next one, where the run ends) with their boxes: a run wholly on
        # one side of a parcel's box is replaced by its first vertex (see clipped_areas).
        self.chunk_count = -(-self.length // CHUNK)
        self.chunk_first = (np.cumsum(self.chunk_count) - self.chunk_count).astype(np.int64)
        ring = np.repeat(np.arange(len(self.length)), self.chunk_count)
        j = np.arange(len(ring)) - self.chunk_first[ring]
        self.chunk_start = self.start[ring] + j * CHUNK
        self.chunk_length = np.minimum(CHUNK, self.length[ring] - j * CHUNK)
        end = self.start[ring] + ((j + 1) * CHUNK) % np.maximum(self.length[ring], 1)
        end = np.where((j + 1) * CHUNK >= self.length[ring], self.start[ring], end)
        box = np.empty((len(ring), 4))
        if len(ring):
            x, y = self.coords[:, 0], self.coords[:, 1]
            box[:, 0] = np.minimum(np.minimum.reduceat(x, self.chunk_start), x[end])
            box[:, 1] = np.minimum(np.minimum.reduceat(y, self.chunk_start), y[end])
            box[:, 2] = np.maximum(np.maximum.reduceat(x, self.chunk_start), x[end])
            box[:, 3] = np.maximum(np.maximum.reduceat(y, self.chunk_start), y[end])
        self.chunk_box = box


#: Vertices per run of a zone ring (see clipped_areas).
CHUNK = 8

#: Below this share of the parcel's area, a clipped area is measured again by GEOS: a zone that only touches
#: the parcel (area 0, no row) and slivers are then exactly what the intersection gives.
SLIVER = 1e-9


def cut_areas(geoms, parcel_area, rp, rz, zones):
    """Area of parcel ``rp[i]`` within zone ``rz[i]`` for each pair (their boundaries cross).

    A convex parcel (most cadastral parcels are quadrilaterals) clips the zone's rings, all pairs at
    once, edge by edge (Sutherland-Hodgman, exact for a convex clip polygon: the bridges it leaves along
    the parcel's edges have no area); a hole's clipped area is subtracted. Other parcels, and areas under
    :data:`SLIVER` of the parcel's, go through GEOS's intersection. Both agree to about 1e-12 of the area
    (tests/unit/test_tenure_clip.py).
    """
    import shapely

    out = np.zeros(len(rp))
    if len(rp) == 0:
        return out
    used, local = np.unique(rp, return_inverse=True)
    convex, ring_start, ring_length, vertices = convex_rings(geoms[used], parcel_area[used])
    fast = convex[local]
    tasks = np.flatnonzero(fast)
    if len(tasks):
        out[tasks] = clipped_areas(local[tasks], rz[tasks], ring_start, ring_length, vertices, zones.rings,
                                    shapely.bounds(geoms[used]))
    slow = np.flatnonzero(~fast | (out < SLIVER * parcel_area[rp]))
    if len(slow):
        a, b = geoms[rp[slow]], zones.geoms[rz[slow]]
        met = shapely.intersects(b, a)  # the zone (prepared) first; an overlap of two zones may lie away
        out[slow] = 0.0
        out[slow[met]] = shapely.area(shapely.intersection(a[met], b[met]))
    return out
