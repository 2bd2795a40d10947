"""Distances between the territories of flow pairs, in metres or kilometres, never degrees.

The separation ``d_ij`` of a spatial interaction model, measured between one
point per territory:

- planar: the Euclidean distance between coordinates of a projected CRS, in metres;
- geographic (longitude and latitude in degrees): the geodesic on an ellipsoid,
  WGS84 by default, by Vincenty's inverse formula (sub-millimetre; the tests
  check Vincenty's classic example, Flinders Peak to Buninyong, 54,972.271 m,
  after Geoscience Australia), or the great circle (haversine) on a sphere of the
  ellipsoid's mean radius ``a (1 - f / 3)``. Nearly antipodal pairs, where
  Vincenty's iteration fails, fall back to the haversine on the mean radius
  ``(2a + b) / 3`` (a relative error below 0.5 %).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import FieldNotFoundError, InvalidValueError, first_labels

WGS84 = (6378137.0, 1 / 298.257223563)


def _xy(points, codes):
    """x and y of each code from a DataFrame (``x``, ``y``) or a Series of shapely points."""
    index = pd.Index(np.asarray(points.index, dtype=object).astype(str))
    if index.has_duplicates:
        repeated = first_labels(index[index.duplicated()])
        raise InvalidValueError("Point ids must be unique; repeated: {repeated}.", repeated=repeated)
    if isinstance(points, pd.DataFrame):
        if not {"x", "y"} <= set(points.columns):
            raise FieldNotFoundError("Points need columns 'x' and 'y'; given {columns}.",
                                     columns=first_labels(points.columns))
        x, y = points["x"].to_numpy(float), points["y"].to_numpy(float)
    else:
        import shapely

        geoms = np.asarray(points, dtype=object)
        missing = shapely.is_missing(geoms)
        x, y = np.full(len(geoms), np.nan), np.full(len(geoms), np.nan)
        x[~missing], y[~missing] = shapely.get_x(geoms[~missing]), shapely.get_y(geoms[~missing])
    position = index.get_indexer(codes)
    unknown = position < 0
    position = np.where(unknown, 0, position)
    x, y = x[position], y[position]
    bad = unknown | np.isnan(x) | np.isnan(y)
    if bad.any():
        raise InvalidValueError("{n_bad} territories have no point: {codes}.", n_bad=int(bad.sum()),
                                codes=first_labels(np.asarray(codes)[bad]))
    return x, y


def _haversine(lon1, lat1, lon2, lat2, radius):
    h = (np.sin((lat2 - lat1) / 2) ** 2
         + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2)
    return 2 * radius * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def _vincenty(lon1, lat1, lon2, lat2, a, f):
    """Geodesic length on the ellipsoid (Vincenty's inverse formula, sub-millimetre).

    Nearly antipodal pairs, where the iteration fails, fall back to the
    haversine on the mean radius (a relative error below 0.5 %).
    """
    b = a * (1 - f)
    lon_diff = lon2 - lon1
    u1, u2 = np.arctan((1 - f) * np.tan(lat1)), np.arctan((1 - f) * np.tan(lat2))
    su1, cu1, su2, cu2 = np.sin(u1), np.cos(u1), np.sin(u2), np.cos(u2)
    lam = lon_diff.copy()
    done = np.zeros(len(lam), dtype=bool)
    for _ in range(200):
        sl, cl = np.sin(lam), np.cos(lam)
        s_sigma = np.hypot(cu2 * sl, cu1 * su2 - su1 * cu2 * cl)
        c_sigma = su1 * su2 + cu1 * cu2 * cl
        sigma = np.arctan2(s_sigma, c_sigma)
        s_alpha = np.divide(cu1 * cu2 * sl, s_sigma, out=np.zeros_like(sl), where=s_sigma > 0)
        c2_alpha = 1 - s_alpha ** 2
        c2_sm = np.divide(2 * su1 * su2, c2_alpha, out=np.zeros_like(sl), where=c2_alpha > 0)
        c2_sm = np.where(c2_alpha > 0, c_sigma - c2_sm, 0.0)
        c = f / 16 * c2_alpha * (4 + f * (4 - 3 * c2_alpha))
        new = lon_diff + (1 - c) * f * s_alpha * (
            sigma + c * s_sigma * (c2_sm + c * c_sigma * (-1 + 2 * c2_sm ** 2)))
        done = np.abs(new - lam) < 1e-12
        lam = new
        if done.all():
            break
    u_sq = c2_alpha * (a * a - b * b) / (b * b)
    big_a = 1 + u_sq / 16384 * (4096 + u_sq * (-768 + u_sq * (320 - 175 * u_sq)))
    big_b = u_sq / 1024 * (256 + u_sq * (-128 + u_sq * (74 - 47 * u_sq)))
    d_sigma = big_b * s_sigma * (c2_sm + big_b / 4 * (
        c_sigma * (-1 + 2 * c2_sm ** 2) - big_b / 6 * c2_sm * (-3 + 4 * s_sigma ** 2) * (-3 + 4 * c2_sm ** 2)))
    length = b * big_a * (sigma - d_sigma)
    if not done.all():
        length[~done] = _haversine(lon1[~done], lat1[~done], lon2[~done], lat2[~done], (2 * a + b) / 3)
    return length


def pair_distances(origins, destinations, points, *, geographic=False, method="ellipsoid",
                   ellipsoid=WGS84, unit="m"):
    """Distances between the points of the origins and destinations of pairs.

    Parameters
    ----------
    origins, destinations : sequence of str
        Territory codes of each pair, aligned.
    points : pandas.DataFrame or pandas.Series
        Indexed by territory code: columns ``x`` and ``y``, or shapely points
        (for instance :func:`.geometry.representative_points`).
    geographic : bool
        False: ``x, y`` are planar coordinates in metres (projected CRS), the
        distance is Euclidean. True: they are longitude and latitude in degrees.
    method : {"ellipsoid", "haversine"}
        For geographic points: the geodesic on ``ellipsoid`` (Vincenty) or the
        great circle on a sphere of the ellipsoid's mean radius.
    ellipsoid : (float, float)
        Semi-major axis (m) and flattening; WGS84 by default.
    unit : {"m", "km"}
        Unit of the result.

    Returns
    -------
    numpy.ndarray of float

    Examples
    --------
    >>> pts = pd.DataFrame({"x": [0.0, 3000.0], "y": [0.0, 4000.0]}, index=["A", "B"])
    >>> pair_distances(["A", "B"], ["B", "B"], pts, unit="km").tolist()
    [5.0, 0.0]
    >>> lonlat = pd.DataFrame({"x": [0.0, 1.0], "y": [0.0, 0.0]}, index=["P", "Q"])
    >>> round(float(pair_distances(["P"], ["Q"], lonlat, geographic=True)[0]), 2)
    111319.49
    """
    if unit not in ("m", "km"):
        raise InvalidValueError("unit must be 'm' or 'km'; given {unit!r}.", unit=unit)
    if method not in ("ellipsoid", "haversine"):
        raise InvalidValueError("method must be 'ellipsoid' or 'haversine'; given {method!r}.", method=method)
    origins = np.asarray(origins, dtype=object).astype(str)
    destinations = np.asarray(destinations, dtype=object).astype(str)
    if len(origins) != len(destinations):
        raise InvalidValueError("{n_origins} origins but {n_destinations} destinations were given.",
                                n_origins=len(origins), n_destinations=len(destinations))
    x1, y1 = _xy(points, origins)
    x2, y2 = _xy(points, destinations)
    if not geographic:
        length = np.hypot(x2 - x1, y2 - y1)
    else:
        if (np.abs(np.concatenate([y1, y2])) > 90).any() or (np.abs(np.concatenate([x1, x2])) > 360).any():
            raise InvalidValueError("Geographic points must be longitude and latitude in degrees; some "
                                    "latitudes exceed 90 or longitudes 360: is the layer projected?")
        lon1, lat1, lon2, lat2 = (np.radians(v) for v in (x1, y1, x2, y2))
        a, f = ellipsoid
        if method == "haversine":
            length = _haversine(lon1, lat1, lon2, lat2, a * (1 - f / 3))
        else:
            length = _vincenty(lon1, lat1, lon2, lat2, a, f)
    return length / 1000.0 if unit == "km" else length
