"""Geometry helpers shared by the algorithms (shapely 2, vectorised).

Invalid polygons are repaired with ``make_valid`` (never ``buffer(0)``, which
can drop half of a bow-tie) before any point or area is taken from them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


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
