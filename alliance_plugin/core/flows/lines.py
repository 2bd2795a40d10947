"""Flow lines as coordinates: the two ends of each line, for writers that need no geometry objects.

Writing a million flow lines, building a shapely line for each only to turn it
into WKB costs more than the writing itself; :func:`line_ends` gives the
coordinates the lines of ``core.geometry.flow_lines`` join (the same points,
the same rule for missing ends).
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def line_ends(origins, destinations, points_by_id):
    """``(start, end, drawn)``: the coordinates (n, 2) of the representative point of each origin and
    destination (``points_by_id``: shapely points or None indexed by territory code, as
    ``core.geometry.points_by_code`` gives them); ``drawn`` is False where an end has no point.

    >>> import shapely
    >>> points = pd.Series([shapely.Point(0, 0), shapely.Point(3, 4), None], index=["a", "b", "c"])
    >>> start, end, drawn = line_ends(["a", "b", "a"], ["b", "a", "c"], points)
    >>> start.tolist(), end.tolist()[:2], drawn.tolist()
    ([[0.0, 0.0], [3.0, 4.0], [0.0, 0.0]], [[3.0, 4.0], [0.0, 0.0]], [True, True, False])
    """
    import shapely

    xy = np.full((len(points_by_id) + 1, 2), np.nan)  # the last row: codes without a point
    points = points_by_id.to_numpy()
    present = ~shapely.is_missing(points) & ~shapely.is_empty(points)
    if present.any():
        xy[:-1][present] = shapely.get_coordinates(points[present])
    index = pd.Index(points_by_id.index)
    start = xy[index.get_indexer(origins)]  # -1 (an unknown code) reads the last row: no point
    end = xy[index.get_indexer(destinations)]
    drawn = np.isfinite(start).all(axis=1) & np.isfinite(end).all(axis=1)
    return start, end, drawn
