"""Geometry helpers shared by the algorithms (shapely 2, vectorised).

Invalid polygons are repaired with ``make_valid`` (never ``buffer(0)``, which
can drop half of a bow-tie) before any point or area is taken from them.

Also here, for the algorithms that measure in metres (urban growth, DEGURBA):
:func:`refuse_degrees` (coordinates that look like longitudes and latitudes
are refused), :func:`polygon_parts` (valid polygon parts, multi-parts and
collections exploded), and unions that never go through one global
``union_all`` of disjoint polygons (:func:`union_by_group`,
:func:`dissolve_parts`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import InvalidValueError


def repair(geometries):
    """Return valid geometries: invalid ones go through ``make_valid``; None stays None."""
    import shapely

    geoms = np.asarray(geometries, dtype=object)
    invalid = ~shapely.is_valid(geoms) & ~shapely.is_missing(geoms)
    if invalid.any():
        geoms = geoms.copy()
        geoms[invalid] = shapely.make_valid(geoms[invalid])
    return geoms


def representative_points(geometries):
    """A point inside each polygon (``point_on_surface`` after repair).

    Missing or empty geometries give None. Examples
    --------
    >>> import shapely
    >>> bowtie = shapely.from_wkt("POLYGON((0 0, 2 2, 2 0, 0 2, 0 0))")
    >>> pts = representative_points([bowtie, None])
    >>> bool(shapely.make_valid(bowtie).contains(pts[0])), pts[1] is None
    (True, True)
    """
    import shapely

    geoms = repair(geometries)
    points = np.full(len(geoms), None, dtype=object)
    usable = ~shapely.is_missing(geoms)
    usable[usable] = ~shapely.is_empty(geoms[usable])
    points[usable] = shapely.point_on_surface(geoms[usable])
    return points


def flow_lines(origins, destinations, points_by_id):
    """Straight lines from the representative point of each origin to its destination.

    Parameters
    ----------
    origins, destinations : sequence of str
        Territory codes, aligned.
    points_by_id : pandas.Series
        Shapely points (or None) indexed by territory code.

    Returns
    -------
    numpy.ndarray of shapely LineString or None
        None where an end has no point (a territory with a missing geometry).
    """
    import shapely

    xy = np.full((len(points_by_id), 2), np.nan)
    pts = points_by_id.to_numpy()
    has = ~shapely.is_missing(pts)
    if has.any():
        xy[has] = shapely.get_coordinates(pts[has])
    index = pd.Index(points_by_id.index)
    a = xy[index.get_indexer(origins)]
    b = xy[index.get_indexer(destinations)]
    ok = np.isfinite(a).all(axis=1) & np.isfinite(b).all(axis=1)
    lines = np.full(len(a), None, dtype=object)
    if ok.any():
        lines[ok] = shapely.linestrings(np.stack([a[ok], b[ok]], axis=1))
    return lines


def points_by_code(codes, geometries):
    """One representative point per territory code.

    Several features may share a code (a territory stored in parts): the
    largest part gives the point. Features without a code are ignored.

    Returns
    -------
    pandas.Series
        Shapely points (None for missing geometries) indexed by unique code.
    """
    import shapely

    geoms = repair(geometries)
    area = np.zeros(len(geoms))
    present = ~shapely.is_missing(geoms)
    area[present] = shapely.area(geoms[present])
    table = pd.DataFrame({"code": pd.Series(codes, dtype=object).to_numpy(), "area": area,
                          "row": np.arange(len(geoms))})
    table = table[table["code"].notna()].sort_values(["code", "area"], ascending=[True, False],
                                                     kind="stable").drop_duplicates("code")
    points = representative_points(geoms[table["row"].to_numpy()])
    return pd.Series(points, index=pd.Index(table["code"].to_numpy(), dtype=object), dtype=object)


def contiguity(codes, geometries):
    """Pairs of territories whose polygons share at least a boundary point (queen contiguity).

    Parameters
    ----------
    codes : sequence of str
        Territory code of each geometry; several geometries may share a code
        (the territory's parts), missing codes are ignored.
    geometries : sequence of shapely geometries or None

    Returns
    -------
    pandas.DataFrame
        Columns ``a`` and ``b`` (codes), each unordered pair once with ``a < b``.

    Examples
    --------
    >>> import shapely
    >>> boxes = [shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1), shapely.box(5, 5, 6, 6)]
    >>> contiguity(["A", "B", "C"], boxes).values.tolist()
    [['A', 'B']]
    """
    import shapely

    geoms = repair(geometries)
    codes = pd.Series(codes, dtype=object).to_numpy()
    usable = ~shapely.is_missing(geoms) & pd.notna(codes)
    rows = np.flatnonzero(usable)
    if len(rows) == 0:
        return pd.DataFrame({"a": pd.Series(dtype=object), "b": pd.Series(dtype=object)})
    tree = shapely.STRtree(geoms[rows])
    left, right = tree.query(geoms[rows], predicate="intersects")
    a, b = codes[rows[left]], codes[rows[right]]
    keep = a < b
    pairs = pd.DataFrame({"a": a[keep], "b": b[keep]}).drop_duplicates()
    return pairs.sort_values(["a", "b"], kind="stable").reset_index(drop=True)


def dissolve(keys, geometries):
    """Union of the geometries sharing a key (None keys are left out).

    Returns
    -------
    pandas.Series
        Shapely geometries indexed by key, in order of first appearance.

    Examples
    --------
    >>> import shapely
    >>> parts = dissolve(["A", "A", None], [shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1), shapely.box(5, 5, 6, 6)])
    >>> parts.index.tolist(), parts["A"].area
    (['A'], 2.0)
    """
    import shapely

    geoms = repair(geometries)
    keys = pd.Series(keys, dtype=object)
    present = keys.notna().to_numpy() & ~shapely.is_missing(geoms)
    groups = pd.Series(np.flatnonzero(present)).groupby(keys[present].to_numpy(), sort=False)
    return pd.Series({key: shapely.union_all(geoms[rows.to_numpy()]) for key, rows in groups}, dtype=object)


def zone_of_points(points, codes, zones, *, progress=None, is_canceled=None, chunk=100_000):
    """Code of the zone holding each point (a point on a border: the smallest code as text; None outside
    every zone or for a missing point).

    Parameters
    ----------
    points : sequence of shapely points or None
    codes : sequence
        Code of each zone, aligned on ``zones``.
    zones : sequence of shapely polygons
        Repaired here (``make_valid``).
    progress : callable(float), optional
        Told the percentage done (0 to 100) after each ``chunk`` of points.
    is_canceled : callable() -> bool, optional
        Checked after each ``chunk`` of points; when true the function returns None.

    Returns
    -------
    numpy.ndarray of object, or None when canceled

    Examples
    --------
    >>> import shapely
    >>> zones = [shapely.box(0, 0, 500, 500), shapely.box(500, 0, 1000, 500)]
    >>> zone_of_points([shapely.Point(600, 10), shapely.Point(500, 10), None], ["A", "B"], zones).tolist()
    ['B', 'A', None]
    """
    import shapely

    points = np.asarray(points, dtype=object)
    codes = np.asarray(codes, dtype=object)
    out = np.full(len(points), None, dtype=object)
    has = np.flatnonzero(~shapely.is_missing(points))
    if len(has) == 0:
        return out
    tree = shapely.STRtree(repair(np.asarray(zones, dtype=object)))
    for start in range(0, len(has), chunk):  # each point's zone is its own: chunks change nothing but the pace
        part = has[start:start + chunk]
        ip, iz = tree.query(points[part], predicate="intersects")
        order = np.lexsort((codes[iz].astype(str), ip))  # a point on a border: the smallest code
        ip, iz = ip[order], iz[order]
        first = np.ones(len(ip), dtype=bool)
        first[1:] = ip[1:] != ip[:-1]
        out[part[ip[first]]] = codes[iz[first]]
        if progress is not None:
            progress(100.0 * min(start + chunk, len(has)) / len(has))
        if is_canceled is not None and is_canceled():
            return None
    return out


class GeographicCoordinatesError(InvalidValueError):
    """Coordinates that look like longitudes and latitudes where metres are needed."""


def refuse_degrees(bounds, *, what="the input"):
    """Refuse coordinates that look like degrees.

    The rule: every coordinate lies within [-180, 180] x [-90, 90]. Data in a
    projected CRS almost never does (a UTM easting starts near 166,000 m,
    Lambert-93 near 100,000 m), so only geographic coordinates trip it; hand-made
    metric data must not sit within 180 m of the CRS origin.

    Parameters
    ----------
    bounds : sequence of 4 floats
        ``(xmin, ymin, xmax, ymax)`` of all the coordinates; NaN (no data) passes.

    Examples
    --------
    >>> refuse_degrees((651000.0, 6860000.0, 652000.0, 6861000.0))
    >>> try:
    ...     refuse_degrees((2.29, 48.85, 2.40, 48.90), what="the buildings")
    ... except GeographicCoordinatesError as error:
    ...     print(error)
    the buildings: coordinates between 2.29 and 2.4 (x) and 48.85 and 48.9 (y) look like degrees;
    reproject to a projected CRS in metres first.
    """
    xmin, ymin, xmax, ymax = (float(v) for v in bounds)
    if not np.isfinite([xmin, ymin, xmax, ymax]).all():
        return
    if -180 <= xmin and xmax <= 180 and -90 <= ymin and ymax <= 90:
        raise GeographicCoordinatesError(
            "{what}: coordinates between {xmin} and {xmax} (x) and {ymin} and {ymax} (y) look like degrees; "
            "reproject to a projected CRS in metres first.", what=what, xmin=xmin, xmax=xmax, ymin=ymin, ymax=ymax)


def union_by_group(geometries, groups):
    """Union of the geometries sharing a group number, vectorised per group size.

    Returns the sorted unique groups and their unions (a single geometry is
    returned as is). Groups of equal size are unioned in one call of
    ``shapely.union_all(..., axis=1)``, so the loop runs over distinct sizes only.

    Examples
    --------
    >>> import shapely
    >>> g, u = union_by_group(np.array([shapely.box(0, 0, 1, 1), shapely.box(5, 5, 6, 6),
    ...                                 shapely.box(1, 0, 2, 1)]), np.array([7, 3, 7]))
    >>> g.tolist(), [round(x.area, 6) for x in u]
    ([3, 7], [1.0, 2.0])
    """
    import shapely

    groups = np.asarray(groups)
    order = np.argsort(groups, kind="stable")
    geoms = np.asarray(geometries, dtype=object)[order]
    unique, start, counts = np.unique(groups[order], return_index=True, return_counts=True)
    out = np.empty(len(unique), dtype=object)
    single = counts == 1
    out[single] = geoms[start[single]]
    for size in np.unique(counts[~single]):
        rows = np.flatnonzero(counts == size)
        out[rows] = shapely.union_all(geoms[start[rows][:, None] + np.arange(size)], axis=1)
    return unique, out


def dissolve_parts(geometries, *, max_pairs=4_000_000):
    """Union of polygons as disjoint pieces: only groups that overlap or touch are unioned.

    GEOS's ``union_all`` is slow on many disjoint polygons (19,000 small
    buffers: 3 s); here an STR-tree finds the groups sharing a point and each
    group is unioned on its own (:func:`union_by_group`). When a sample says the
    polygons overlap so much that the pairs would exceed ``max_pairs``, a plain
    ``union_all`` is cheaper and is used.

    Returns
    -------
    numpy.ndarray of shapely (Multi)Polygons
        One per group, pairwise disjoint; their union is the input's.

    Examples
    --------
    >>> import shapely
    >>> parts = dissolve_parts([shapely.box(0, 0, 2, 2), shapely.box(1, 1, 3, 3), shapely.box(9, 9, 10, 10)])
    >>> sorted(round(p.area, 6) for p in parts)
    [1.0, 7.0]
    """
    import shapely
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    geoms = np.asarray(geometries, dtype=object)
    n = len(geoms)
    if n <= 1:
        return geoms.copy()
    tree = shapely.STRtree(geoms)
    sample = np.unique(np.linspace(0, n - 1, min(n, 256)).astype(np.int64))
    if len(tree.query(geoms[sample])[0]) * n / len(sample) > max_pairs:
        return np.array([shapely.union_all(geoms)], dtype=object)
    left, right = tree.query(geoms, predicate="intersects")
    graph = coo_matrix((np.ones(len(left), dtype=np.int8), (left, right)), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    return union_by_group(geoms, component)[1]


def explode_polygons(geometries):
    """Polygon parts of the geometries, as given: multi-parts and collections exploded;
    missing, empty, and lines or points dropped. Always a new array (nothing is repaired).

    Examples
    --------
    >>> import shapely
    >>> two = shapely.MultiPolygon([shapely.box(0, 0, 1, 1), shapely.box(2, 0, 3, 1)])
    >>> [p.bounds for p in explode_polygons([two, None, shapely.Point(5, 5)])]
    [(0.0, 0.0, 1.0, 1.0), (2.0, 0.0, 3.0, 1.0)]
    """
    import shapely

    geoms = np.asarray(geometries, dtype=object).ravel()
    parts = geoms[~shapely.is_missing(geoms)]
    kind = shapely.get_type_id(parts)
    while (kind >= 4).any():
        parts = np.concatenate([parts[kind < 4], shapely.get_parts(parts[kind >= 4])])
        kind = shapely.get_type_id(parts)
    return parts[(kind == 3) & ~shapely.is_empty(parts)]


def polygon_parts(geometries, what):
    """Valid polygon parts of the input: exploded, repaired (``make_valid``) and exploded again, parts of
    zero area dropped; coordinates that look like degrees are refused (:func:`refuse_degrees`, naming ``what``).

    Examples
    --------
    >>> import shapely
    >>> bowtie = shapely.from_wkt("POLYGON((1000 1000, 1010 1010, 1010 1000, 1000 1010, 1000 1000))")
    >>> sorted(p.area for p in polygon_parts([bowtie, shapely.box(1000, 1000, 1000, 1010)], "the cores"))
    [25.0, 25.0]
    """
    import shapely

    parts = explode_polygons(repair(explode_polygons(geometries)))
    parts = parts[shapely.area(parts) > 0]
    if len(parts):
        refuse_degrees(shapely.total_bounds(parts), what=what)
    return parts
