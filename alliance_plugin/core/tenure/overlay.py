"""The overlay engine: exact area of every parcel covered by each constraint class (methods.md, section 6).

:func:`overlay_areas` puts the zones in an STR-tree; a zone whose box holds a
parcel's box and that ``contains_properly`` the parcel (prepared geometries)
covers the parcel's own area with no intersection computed (the containment
shortcut); only parcels crossing a zone boundary are intersected, and the
pieces of several zones of one class cutting a parcel are united, so that
overlapping zones of a class never double count. Parcels are measured in
chunks, one after the other or on threads (each thread prepares its own copy
of the zones: prepared geometries are not thread-safe); the numbers do not
depend on the chunking.

Assumptions and conventions:

- Parcels and zones are shapely geometries in ONE projected CRS (the glue
  reprojects); areas are in its square units. Invalid polygons are repaired
  with ``make_valid`` (never ``buffer(0)``, which can drop half a bow-tie);
  only their polygonal part counts (:func:`repair_polygons`).
- Areas are exact intersections, not centroid tests.
- Within one class, overlapping zones never double count: the covered area is
  the area of the union of the class's zones over the parcel. Different
  classes are measured separately and may overlap (a parcel can be 100 %
  ``flood`` and 100 % ``growth``), so a parcel's class areas may sum to more
  than its area.
- A NULL or empty parcel geometry has area 0, is counted, and meets no zone; a
  parcel outside every zone has no row in the long table (its covered areas
  are 0); an empty list of zones gives no rows at all.
"""

from __future__ import annotations

from collections import namedtuple

import numpy as np
import pandas as pd

from ..errors import InvalidValueError, first_labels
from .clip import simple_convex
from .zones import Zones, cut_areas, polygonal

Overlay = namedtuple("Overlay", "areas parcels pieces info")

#: The geometry status of a parcel in ``Overlay.parcels``, by the code :func:`repair_polygons` gives.
STATUS_LABELS = ("valid", "repaired", "null", "empty")



def repair_polygons(geoms):
    """Repaired polygonal geometries and a status per geometry (0 valid, 1 repaired, 2 NULL, 3 empty).

    Invalid ones go through ``make_valid``; only the polygonal part of each is kept (:data:`STATUS_LABELS`).
    """
    import shapely

    missing = shapely.is_missing(geoms)
    empty = shapely.is_empty(geoms) & ~missing
    invalid = ~missing & ~empty
    # Triangles and quadrilaterals that turn strictly one way are valid: GEOS checks only the others.
    check = np.flatnonzero(invalid & ~simple_convex(geoms))
    invalid[:] = False
    invalid[check] = ~shapely.is_valid(geoms[check])
    status = np.select([missing, empty, invalid], [2, 3, 1], default=0).astype(np.int8)
    if invalid.any():
        geoms = geoms.copy()
        geoms[invalid] = shapely.make_valid(geoms[invalid])
    return polygonal(geoms), status


def _union_groups(pieces, group):
    """Union of the pieces sharing a group (``group`` sorted), pairwise in vectorised rounds."""
    import shapely

    while len(group) > 1 and (group[1:] == group[:-1]).any():
        n = len(group)
        start = np.ones(n, dtype=bool)
        start[1:] = group[1:] != group[:-1]
        pos = np.arange(n)
        rank = pos - np.maximum.accumulate(np.where(start, pos, 0))
        even = np.flatnonzero(rank % 2 == 0)
        paired = even[(even + 1 < n)]
        paired = paired[group[paired + 1] == group[paired]]
        pieces = pieces.copy()
        pieces[paired] = shapely.union(pieces[paired], pieces[paired + 1])
        pieces, group = pieces[even], group[even]
    return pieces, group


def _chunk(geoms, zones, n_classes, want_pieces):
    """Covered areas of one slice of parcels: (parcel, class code, area, piece) and counters."""
    import shapely

    geoms, status = repair_polygons(geoms)
    area = np.nan_to_num(shapely.area(geoms), nan=0.0)
    pi, zi = zones.tree.query(geoms)
    # Only a zone whose box holds the parcel's box can contain it: test those alone.
    box = shapely.bounds(geoms)[pi]
    zbox = zones.bounds[zi]
    maybe = np.flatnonzero((zbox[:, 0] <= box[:, 0]) & (zbox[:, 1] <= box[:, 1])
                           & (zbox[:, 2] >= box[:, 2]) & (zbox[:, 3] >= box[:, 3]))
    inside = np.zeros(len(pi), dtype=bool)
    inside[maybe] = shapely.contains_properly(zones.geoms[zi[maybe]], geoms[pi[maybe]])
    rest = np.flatnonzero(~inside)
    rest = rest[shapely.intersects(zones.geoms[zi[rest]], geoms[pi[rest]])]
    rp, rz = pi[rest], zi[rest]
    if want_pieces:
        cut = shapely.intersection(geoms[rp], zones.geoms[rz])
        cut_area = shapely.area(cut)
    else:  # areas alone: convex parcels are clipped without GEOS (pieces are cut below where unions need them)
        cut, cut_area = None, cut_areas(geoms, area, rp, rz, zones)
    positive = cut_area > 0
    n_in = int(inside.sum())
    p = np.concatenate([pi[inside], rp[positive]])
    z = np.concatenate([zi[inside], rz[positive]])
    pair_area = np.concatenate([area[pi[inside]], cut_area[positive]])
    contained = np.arange(len(p)) < n_in
    key = p.astype(np.int64) * n_classes + zones.codes[z]
    order = np.lexsort((~contained, key))  # by key, a containing zone first
    key, contained, pair_area = key[order], contained[order], pair_area[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    size = np.diff(np.append(np.flatnonzero(first), len(key)))
    group_area, group_key = pair_area[first], key[first]
    need_union = ~contained[first] & (size > 1)  # several zones of one class cut the parcel
    unions = int(need_union.sum())
    if not want_pieces and need_union.any():
        # Two zones of a class cutting a parcel: area(P in Z1) + area(P in Z2) - area(P in Z1 and Z2), the
        # overlap of the two zones cut once for the whole run; three or more are united below.
        two = np.flatnonzero(need_union & (size == 2))
        at = np.flatnonzero(first)[two]
        z_sorted, p_sorted = z[order], p[order]
        both = zones.overlap_areas(geoms, area, p_sorted[at], z_sorted[at], z_sorted[at + 1])
        group_area[two] = pair_area[at] + pair_area[at + 1] - both
        need_union[two] = False
    pieces = None
    if want_pieces or need_union.any():
        members = np.repeat(need_union, size)
        if cut is None:  # only the pieces to unite
            sources = np.concatenate([np.full(n_in, -1), np.flatnonzero(positive)])[order][members]
            piece = np.full(len(members), None, dtype=object)
            piece[np.flatnonzero(members)] = shapely.intersection(geoms[rp[sources]], zones.geoms[rz[sources]])
        else:
            piece = np.concatenate([geoms[pi[inside]], cut[positive]])[order]
        united, _ = _union_groups(piece[members], key[members])
        group_area[need_union] = shapely.area(united)
        if want_pieces:
            pieces = polygonal(piece[first])
            pieces[need_union] = polygonal(united)
    keep = group_area > 0
    counts = {"candidate_pairs": len(pi), "contained_pairs": n_in, "boundary_pairs": len(rest),
              "unions": unions}
    return (group_key[keep] // n_classes, group_key[keep] % n_classes, group_area[keep],
            None if pieces is None else pieces[keep], area, status, counts)



def _parcel_index(parcels, parcel_ids):
    ids = pd.Index(parcel_ids if hasattr(parcel_ids, "dtype") else pd.Series(parcel_ids, dtype=object))
    if len(ids) != len(parcels):
        raise InvalidValueError("Expected one parcel id per parcel; got {n_ids} ids for {n_parcels} parcels.",
                                n_ids=len(ids), n_parcels=len(parcels))
    if ids.has_duplicates:
        raise InvalidValueError("Parcel ids must be unique; repeated: {ids}.",
                                ids=first_labels(ids[ids.duplicated()].unique()))
    return ids


def zone_codes(zones, zone_classes):
    """``(code of each zone, class names)``: one class per zone, never NULL (else InvalidValueError)."""
    classes = pd.Series(zone_classes, dtype=object)
    if len(classes) != len(zones):
        raise InvalidValueError("Expected one class per zone; got {n_classes} classes for {n_zones} zones.",
                                n_classes=len(classes), n_zones=len(zones))
    codes, names = pd.factorize(classes, use_na_sentinel=True)
    if (codes < 0).any():
        where = first_labels(np.flatnonzero(codes < 0))
        raise InvalidValueError("Every zone needs a class (give the layer name where the class field is NULL); "
                                "zones without one at positions {where}.",
                                where=where)
    return codes.astype(np.int64), np.asarray(names, dtype=object)


def overlay_areas(parcels, zones, *, parcel_ids, zone_classes, return_pieces=False, chunk_size=None,
                  workers=1, progress=None, is_canceled=None):
    """Exact area of every parcel covered by each zone class.

    Zones are put in an STR-tree; each parcel's candidate zones come from a
    bounding-box query; a zone that ``contains_properly`` the parcel (prepared
    geometries) covers the parcel's own area with no intersection computed;
    the other zones that intersect it are intersected. Where several zones of
    one class cut a parcel, their pieces are united, so overlapping zones of a
    class never double count.

    Parameters
    ----------
    parcels, zones : array of shapely geometries
        In one projected CRS. NULL or empty parcels have area 0 and no rows;
        NULL or empty zones are ignored. Invalid geometries go through
        ``make_valid``; only their polygonal part counts.
    parcel_ids : sequence
        Unique id of each parcel, used in the outputs.
    zone_classes : sequence
        Class of each zone (for example ``flood``, ``growth``); never NULL.
    return_pieces : bool
        Also return the geometry covered per (parcel, class).
    chunk_size : int, optional
        Parcels per step; progress and cancellation are checked between
        steps. By default steps are sized as they go to last about a
        quarter of a second each.
    workers : int
        Threads; each builds its own prepared copy of the zones (prepared
        geometries are not thread-safe) and takes whole chunks of parcels
        (20,000 at most, fewer so that each thread has several). The
        results do not depend on it, nor on the chunk size.
    progress : callable(float), optional
        Told the percentage of parcels done (0 to 100).
    is_canceled : callable() -> bool, optional
        Checked between chunks (with threads, every half second); when it
        returns True the function returns None.

    Returns
    -------
    Overlay or None
        ``areas``: DataFrame ``parcel_id, class, area, share`` with one row
        per parcel and class whose covered area is positive (``share`` is the
        area over the parcel's area), in parcel order then class order of
        first appearance; ``parcels``: DataFrame ``parcel_id, area, geometry``
        (``valid``, ``repaired``, ``null`` or ``empty``), one row per parcel;
        ``pieces``: DataFrame ``parcel_id, class, geometry`` aligned with
        ``areas`` when ``return_pieces``, else None; ``info``: counts for the
        log (``parcels``, ``null_parcels``, ``empty_parcels``,
        ``repaired_parcels``, ``zones``, ``null_zones`` (NULL or empty),
        ``repaired_zones``, ``parcels_outside`` (no covered area, NULL and
        empty parcels included), ``candidate_pairs`` (boxes meet),
        ``contained_pairs``, ``boundary_pairs`` (intersected), ``unions``)
        and ``classes`` (in order of first appearance). None when canceled.

    Examples
    --------
    >>> import shapely
    >>> parcels = [shapely.box(0, 0, 2, 2), shapely.box(1, 1, 2, 2), shapely.box(5, 5, 6, 6)]
    >>> zones = [shapely.box(1, 0, 3, 3), shapely.box(0, 0, 1.5, 3)]
    >>> out = overlay_areas(parcels, zones, parcel_ids=["a", "b", "c"], zone_classes=["flood", "flood"])
    >>> out.areas.values.tolist()
    [['a', 'flood', 4.0, 1.0], ['b', 'flood', 1.0, 1.0]]
    >>> out.info["parcels_outside"]
    1
    """
    import shapely

    parcels = np.asarray(parcels, dtype=object)
    zones = np.asarray(zones, dtype=object)
    ids = _parcel_index(parcels, parcel_ids)
    codes, names = zone_codes(zones, zone_classes)
    zone_geoms, zone_status = repair_polygons(zones)
    wkb = shapely.to_wkb(zone_geoms)  # copies: preparing them never touches the caller's zones
    n, n_classes = len(parcels), max(len(names), 1)
    if workers and workers > 1 and n > 1000:
        # A few chunks per thread, so that none waits long for the last one.
        step = min(int(chunk_size or 20_000), max(1000, -(-n // (4 * int(workers)))))
        results = _run_threads(parcels, step, wkb, codes, n_classes, return_pieces, int(workers),
                               progress, is_canceled)
    else:
        results = _run_chunks(parcels, chunk_size, Zones(wkb, codes), n_classes, return_pieces,
                              progress, is_canceled)
    if results is None:
        return None
    return _assemble(results, ids, names, n, zone_status, return_pieces)


def _run_chunks(parcels, chunk_size, zones, n_classes, want_pieces, progress, is_canceled):
    """Chunks one after the other; without a chunk size, sized to take about a quarter second."""
    import time

    n, start, step, results = len(parcels), 0, int(chunk_size or 2000), []
    while start < n:
        if is_canceled is not None and is_canceled():
            return None
        began = time.perf_counter()
        results.append((start, _chunk(parcels[start:start + step], zones, n_classes, want_pieces)))
        start += step
        if not chunk_size:
            rate = step / max(time.perf_counter() - began, 1e-3)
            step = int(min(max(0.25 * rate, 500), 4 * step, 200_000))
        if progress is not None:
            progress(100.0 * min(start, n) / n)
    return results


def _run_threads(parcels, step, wkb, codes, n_classes, want_pieces, workers, progress, is_canceled):
    """Chunks on a thread pool, each thread with its own zones; None when canceled."""
    import threading
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

    local, stop = threading.local(), threading.Event()
    starts = range(0, len(parcels), step)

    def run(start):
        if stop.is_set():
            return start, None
        if not hasattr(local, "zones"):
            local.zones = Zones(wkb, codes)
        return start, _chunk(parcels[start:start + step], local.zones, n_classes, want_pieces)

    results = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending = {pool.submit(run, start) for start in starts}
        while pending:
            done, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            results += [future.result() for future in done]
            if is_canceled is not None and is_canceled():
                stop.set()
                for future in pending:
                    future.cancel()
                return None
            if progress is not None and done:
                progress(100.0 * len(results) / len(starts))
    return sorted(results, key=lambda item: item[0])


def _assemble(results, ids, names, n, zone_status, want_pieces):
    starts = [start for start, _ in results]
    results = [result for _, result in results]
    if results:
        p = np.concatenate([r[0] + start for r, start in zip(results, starts)])
        c = np.concatenate([r[1] for r in results])
        area = np.concatenate([r[2] for r in results])
        parcel_area = np.concatenate([r[4] for r in results])
        status = np.concatenate([r[5] for r in results])
    else:
        p = c = np.zeros(0, dtype=np.int64)
        area = parcel_area = np.zeros(0)
        status = np.zeros(0, dtype=np.int8)
    id_values = ids.to_numpy()
    areas = pd.DataFrame({"parcel_id": id_values[p], "class": names[c], "area": area,
                          "share": area / parcel_area[p]})
    labels = np.array(STATUS_LABELS, dtype=object)
    parcels = pd.DataFrame({"parcel_id": id_values, "area": parcel_area, "geometry": labels[status]})
    pieces = None
    if want_pieces:
        geometry = np.concatenate([r[3] for r in results]) if results else np.zeros(0, dtype=object)
        pieces = pd.DataFrame({"parcel_id": areas["parcel_id"].to_numpy(),
                               "class": areas["class"].to_numpy(), "geometry": geometry})
    info = {"parcels": n, "null_parcels": int((status == 2).sum()), "empty_parcels": int((status == 3).sum()),
            "repaired_parcels": int((status == 1).sum()), "zones": len(zone_status),
            "null_zones": int((zone_status >= 2).sum()), "repaired_zones": int((zone_status == 1).sum()),
            "parcels_outside": int(n - np.count_nonzero(np.bincount(p, minlength=n))), "classes": list(names)}
    for key in ("candidate_pairs", "contained_pairs", "boundary_pairs", "unions"):
        info[key] = int(sum(r[6][key] for r in results))
    return Overlay(areas, parcels, pieces, info)

