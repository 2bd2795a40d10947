"""Distance rings around built-up cores, and the prospective growth buffer (methods.md, section 5).

Growth fronts drawn from the data rather than by hand (UN-Habitat's urban and
peri-urban gradient): dissolved, non-overlapping rings at given distances, and
the band around the urban edge that would hold the land demand of a projected
population. Geometries in one projected CRS in metres; degrees are refused
(:func:`.geometry.polygon_parts`).

Our rules (the help text says so):

- Rings: band 0 is the dissolved cores, band k lies between ``distances[k-1]``
  and ``distances[k]``; default labels ``urban core`` (band 0), ``inner
  peri-urban`` (band 1), ``rural`` (the last band, when there are 3 bands or
  more) and ``outer peri-urban`` (the bands between). Each band also has a
  ``role``, a stable code whatever the labels: ``urban_core`` (band 0),
  ``rural`` (the last band, with 3 bands or more), ``peri_urban`` (the others);
  only the peri-urban rings are growth fronts for the land-tenure overlay.
- Prospective buffer: the projected population is ``P * (1 + r) ** years``
  (compound annual rate ``r``); the land demand is the added population at the
  density given or observed (population over the dissolved urban area); the
  band's width is found by bisection on its area.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import EmptyInputError, InvalidValueError
from ..geometry import dissolve_parts, explode_polygons, polygon_parts


#: Stable codes of the rings' roles (language-independent; the labels are translated).
RING_ROLES = ("urban_core", "peri_urban", "rural")


def _band_roles(n):
    """Roles of the cores and ``n`` rings: urban_core, then peri_urban, the last rural with 3 rings or more."""
    return ["urban_core"] + ["peri_urban"] * (n - 1 if n >= 3 else n) + (["rural"] if n >= 3 else [])


def _bands(n):
    if n == 1:
        return ["inner peri-urban"]
    if n == 2:
        return ["inner peri-urban", "outer peri-urban"]
    return ["inner peri-urban"] + ["outer peri-urban"] * (n - 2) + ["rural"]


def growth_rings(cores, distances, *, labels=None, quad_segs=8):
    """Dissolved, non-overlapping distance rings around built-up cores.

    Each distance's buffer is the union of the buffers of the dissolved cores'
    polygons, unioned by overlapping groups (:func:`.geometry.dissolve_parts`;
    never the buffer of one huge MultiPolygon); band k is that union minus the
    previous one.

    Parameters
    ----------
    cores : sequence of shapely polygons
        Built-up or urban cores, in metres.
    distances : sequence of float
        Increasing outer distances of the rings (metres), e.g. 500, 1000, 2000, 5000.
    labels : sequence of str, optional
        One label for the cores and one per ring (``len(distances) + 1``);
        default mapping in the module docstring.

    Returns
    -------
    pandas.DataFrame
        One row per band (0 = the cores): ``label``, ``role`` (``urban_core``,
        ``peri_urban`` or ``rural``, by position whatever the labels), ``inner``
        and ``outer`` distances (m), ``area`` (m2), ``geometry``.

    Examples
    --------
    >>> import shapely
    >>> out = growth_rings([shapely.box(1000, 1000, 1100, 1100)], [10, 20, 50])
    >>> out[["label", "inner", "outer"]].values.tolist()
    [['urban core', 0.0, 0.0], ['inner peri-urban', 0.0, 10.0], ['outer peri-urban', 10.0, 20.0], ['rural', 20.0, 50.0]]
    """
    import shapely

    d = np.asarray(distances, dtype=float)
    if d.ndim != 1 or len(d) == 0 or not np.isfinite(d).all() or (d <= 0).any() or (np.diff(d) <= 0).any():
        raise InvalidValueError("The distances must be positive and increasing; got {distances}.",
                                distances=np.atleast_1d(d))
    labels = ["urban core"] + _bands(len(d)) if labels is None else list(labels)
    if len(labels) != len(d) + 1:
        raise InvalidValueError("{n} distances need {needed} labels (the cores first); got {given}.",
                                n=len(d), needed=len(d) + 1, given=len(labels))
    parts = polygon_parts(cores, "the cores")
    if len(parts) == 0:
        raise EmptyInputError("No core polygon: the rings need at least one.")
    dissolved = explode_polygons(dissolve_parts(parts))
    previous = shapely.multipolygons(dissolved)
    geoms, areas = [previous], [previous.area]
    for distance in d:
        grown = shapely.multipolygons(explode_polygons(dissolve_parts(shapely.buffer(dissolved, distance,
                                                                              quad_segs=quad_segs))))
        band = shapely.difference(grown, previous)
        geoms.append(band)
        areas.append(band.area)
        previous = grown
    return pd.DataFrame({"label": labels, "role": _band_roles(len(d)),
                         "inner": np.concatenate([[0.0, 0.0], d[:-1]]),
                         "outer": np.concatenate([[0.0], d]), "area": areas,
                         "geometry": np.array(geoms, dtype=object)}, index=pd.RangeIndex(len(d) + 1, name="band"))


def prospective_buffer(urban, current_pop, growth_rate, horizon_years, *, density=None, target_area=None,
                       tolerance=1e-4, quad_segs=8, max_iterations=100):
    """The band around the urban edge that holds the land demand of a projected population.

    The distance is found by bisection on the band's area, ``area(buffer(U, d)
    - U)``; the band also takes the holes of the urban area ``U`` narrower than
    twice the distance (open land inside the edge counts as available).

    Parameters
    ----------
    urban : sequence of shapely polygons
        The current urban area (dissolved here), in metres.
    current_pop : float
        Its population today.
    growth_rate : float
        Annual growth rate (0.01 = 1 % a year, compound).
    horizon_years : float
        Years ahead.
    density : float, optional
        Inhabitants per km2 of the new land; by default the observed density
        (``current_pop`` over the urban area).
    target_area : float, optional
        Land demand in m2, instead of the population projection.
    tolerance : float
        Relative tolerance on the band's area (bisection on the distance).

    Returns
    -------
    pandas.DataFrame
        One row: ``distance`` (m), ``land_demand`` and ``band_area`` (m2),
        ``urban_area`` (m2), ``current_pop``, ``projected_pop``, ``added_pop``,
        ``density`` (inhabitants per km2), ``iterations``, ``note`` and
        ``geometry`` (the band; empty when there is no demand).

    Examples
    --------
    >>> import shapely
    >>> out = prospective_buffer([shapely.box(1000, 1000, 2000, 2000)], 10000, 0.0, 10, target_area=40400,
    ...                          tolerance=1e-6)
    >>> print(f"{out.loc[0, 'distance']:.2f} m, {out.loc[0, 'band_area']:.0f} m2")
    10.02 m, 40400 m2
    """
    import shapely

    parts = polygon_parts(urban, "the urban area")
    if len(parts) == 0:
        raise EmptyInputError("No urban polygon: the prospective buffer needs the current urban area.")
    dissolved = explode_polygons(dissolve_parts(parts))
    base = shapely.multipolygons(dissolved)
    base_area = base.area
    projected = added = np.nan
    if target_area is None:
        if not (current_pop is not None and current_pop > 0 and growth_rate is not None and growth_rate > -1
                and horizon_years is not None and horizon_years >= 0):
            raise InvalidValueError("A positive current population, a growth rate above -100 % and a "
                                    "horizon of 0 years or more are needed (or a target area).")
        projected = current_pop * (1.0 + growth_rate) ** horizon_years
        added = projected - current_pop
        per_m2 = current_pop / base_area if density is None else density / 1e6
        if not per_m2 > 0:
            raise InvalidValueError("The density must be positive; got {density}.", density=density)
        demand = added / per_m2
    else:
        demand = float(target_area)
        per_m2 = np.nan if not current_pop else current_pop / base_area
    row = {"distance": 0.0, "land_demand": demand, "band_area": 0.0, "urban_area": base_area,
           "current_pop": current_pop, "projected_pop": projected, "added_pop": added,
           "density": per_m2 * 1e6, "iterations": 0, "note": "", "geometry": shapely.Polygon()}
    if not demand > 0:
        row["note"] = "No land demand (the population does not grow): no band."
        return pd.DataFrame([row])

    def grown(distance):
        return dissolve_parts(shapely.buffer(dissolved, distance, quad_segs=quad_segs))

    def gained(distance):
        return float(shapely.area(grown(distance)).sum()) - base_area

    low, high = 0.0, demand / max(shapely.length(base), 1e-9)
    iterations = 0
    while gained(high) < demand:
        low, high = high, 2.0 * high
        iterations += 1
    while iterations < max_iterations:
        iterations += 1
        middle = 0.5 * (low + high)
        gained_area = gained(middle)
        if abs(gained_area - demand) <= tolerance * demand:
            low = high = middle
            break
        low, high = (middle, high) if gained_area < demand else (low, middle)
    distance = 0.5 * (low + high)
    band = shapely.difference(shapely.multipolygons(explode_polygons(grown(distance))), base)
    row.update(distance=distance, band_area=band.area, iterations=iterations, geometry=band)
    if abs(band.area - demand) > tolerance * demand:
        row["note"] = f"Stopped after {iterations} iterations {abs(band.area / demand - 1):.2%} from the demand."
    return pd.DataFrame([row])
