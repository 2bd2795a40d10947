"""UN-Habitat urban extent: urban, suburban and rural built-up, fringe and captured open space.

As Trends.Earth computes it for SDG 11.3.1 (UN-Habitat's urban-extent method):
the built-up share within 500 m classes a built-up cell as urban (> 50 %),
suburban (25-50 %) or rural (< 25 %); open cells within 100 m of urban or
suburban built-up are fringe open space; open patches below 200 ha enclosed
by urban, suburban and fringe cells are captured open space.

Our rules (the help text says so):

- Urban extent on a grid of ``cell`` metres (10 m by default) whose origin is
  on multiples of the cell: the built-up share of a cell is the exact area of
  the polygons in it (overlaps capped at the whole cell); a cell is built-up
  when that share is at least ``min_cover`` (0.5); the density around a cell is
  the mean share over the cells whose centres lie within ``radius``; distances
  run between cell centres. Beyond the polygons' extent the land is open.
- Captured open space: 4-connected groups of cells that are neither urban,
  suburban nor fringe, hold no rural built-up cell, do not touch the grid's
  edge, and are smaller than 200 ha. Class codes are ours (see
  :data:`EXTENT_CLASSES`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import EmptyInputError, InvalidValueError
from ..geometry import polygon_parts, refuse_degrees
from ..grid import grid_polygons

EXTENT_CLASSES = {1: "urban built-up", 2: "suburban built-up", 3: "fringe open space",
                  4: "captured open space", 5: "rural built-up", 6: "rural open space"}


@dataclass
class UrbanExtent:
    """UN-Habitat urban-extent classes on a grid (row 0 north, ``origin`` its top-left corner)."""

    classes: np.ndarray  #: uint8 codes of :data:`EXTENT_CLASSES`
    density: np.ndarray  #: built-up share within the radius (0 to 1)
    cover: np.ndarray  #: built-up share of each cell (0 to 1)
    origin: tuple
    cell: float
    table: pd.DataFrame  #: per class: label, cells, area (m2)
    params: dict = field(default_factory=dict)

    def polygons(self, codes=None):
        """Dissolved polygons per class code (pandas Series indexed by code).

        Fine grids give intricate classes (rural open space holds a hole per
        building): ask for the ``codes`` needed, or :meth:`extent_polygon`.
        """
        classes = self.classes if codes is None else np.where(np.isin(self.classes, list(codes)), self.classes, 0)
        return grid_polygons(classes, self.origin, self.cell)

    def extent_polygon(self):
        """The urban extent (urban and suburban built-up, fringe and captured open space), dissolved."""
        import shapely

        polygons = grid_polygons(np.isin(self.classes, [1, 2, 3, 4]).astype(np.uint8), self.origin, self.cell)
        return polygons.get(1, shapely.MultiPolygon())


def built_up_cover(built_up, *, cell=10.0, pad=0, max_cells=50_000_000):
    """Share of each grid cell covered by polygons, exact (overlaps capped at 1).

    The grid's origin sits on multiples of ``cell``; ``pad`` cells of margin
    surround the polygons' extent. Cells inside a polygon take its full area
    without an intersection (prepared ``contains_properly``).

    Returns
    -------
    (numpy.ndarray, (float, float))
        The float32 shares (row 0 north) and the grid's (left, top) corner.

    Examples
    --------
    >>> import shapely
    >>> cover, origin = built_up_cover([shapely.box(1005, 1000, 1020, 1010)], cell=10)
    >>> origin, cover.tolist()
    ((1000.0, 1010.0), [[0.5, 1.0]])
    """
    import shapely

    parts = polygon_parts(built_up, "the built-up")
    if len(parts) == 0:
        raise EmptyInputError("No built-up polygon to put on the grid.")
    xmin, ymin, xmax, ymax = shapely.total_bounds(parts)
    left = (np.floor(xmin / cell) - pad) * cell
    top = (np.ceil(ymax / cell) + pad) * cell
    n_cols = int(np.ceil(xmax / cell) + pad - np.floor(xmin / cell) + pad)
    n_rows = int(np.ceil(ymax / cell) + pad - np.floor(ymin / cell) + pad)
    if n_rows * n_cols > max_cells:
        raise InvalidValueError("A grid of {rows:,} x {cols:,} cells of {cell} m is too large (limit {limit:,}): "
                                "choose larger cells or a smaller area.", rows=n_rows, cols=n_cols, cell=cell,
                                limit=max_cells)
    b = shapely.bounds(parts)
    c0 = np.floor((b[:, 0] - left) / cell).astype(np.int64)
    c1 = np.maximum(np.ceil((b[:, 2] - left) / cell).astype(np.int64), c0 + 1)
    r0 = np.floor((top - b[:, 3]) / cell).astype(np.int64)
    r1 = np.maximum(np.ceil((top - b[:, 1]) / cell).astype(np.int64), r0 + 1)
    widths, heights = c1 - c0, r1 - r0
    sizes = widths * heights
    owner = np.repeat(np.arange(len(parts)), sizes)
    offset = np.arange(len(owner)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    row = r0[owner] + offset // widths[owner]
    col = c0[owner] + offset % widths[owner]
    area = np.zeros(len(owner))
    single = sizes[owner] == 1
    area[single] = shapely.area(parts[owner[single]])
    rest = np.flatnonzero(~single)
    if len(rest):
        x = left + col[rest] * cell
        y = top - row[rest] * cell
        boxes = shapely.box(x, y - cell, x + cell, y)
        shapely.prepare(parts)
        inside = shapely.contains_properly(parts[owner[rest]], boxes)
        area[rest[inside]] = cell * cell
        edge = rest[~inside]
        area[edge] = shapely.area(shapely.intersection(parts[owner[edge]], boxes[~inside]))
        shapely.destroy_prepared(parts)
    cover = np.bincount(row * n_cols + col, weights=area, minlength=n_rows * n_cols) / (cell * cell)
    return np.minimum(cover, 1.0).reshape(n_rows, n_cols).astype(np.float32), (float(left), float(top))


def _disc(radius_cells):
    r = int(np.floor(radius_cells))
    yy, xx = np.mgrid[-r:r + 1, -r:r + 1]
    return (xx * xx + yy * yy <= radius_cells * radius_cells + 1e-9).astype(np.float64)


def urban_extent_grid(cover, origin, cell, *, radius=500.0, min_cover=0.5, fringe=100.0,
                      captured_max_area=2_000_000.0):
    """UN-Habitat classes from a grid of built-up shares (a raster, or :func:`built_up_cover`).

    Parameters
    ----------
    cover : 2-D array of float
        Built-up share of each cell, 0 to 1 (0/1 for a classified raster; NaN
        is open land), row 0 north. Land beyond the grid counts as open: pad a
        raster that stops at its data.
    origin : (float, float)
        The grid's (left, top) corner, in metres.
    cell : float
        Cell side in metres.
    radius, min_cover, fringe, captured_max_area
        As in :func:`urban_extent_classes`.

    Returns
    -------
    UrbanExtent

    Examples
    --------
    >>> cover = np.zeros((40, 40)); cover[10:30, 10:30] = 1.0
    >>> out = urban_extent_grid(cover, (500000.0, 6600400.0), 10.0, radius=50, fringe=20)
    >>> out.table.loc[[1, 2, 3], "cells"].tolist()
    [376, 24, 164]
    """
    from scipy import ndimage, signal

    cover = np.clip(np.nan_to_num(np.asarray(cover, dtype=np.float64), nan=0.0), 0.0, 1.0)
    if cover.ndim != 2 or not cell > 0:
        raise InvalidValueError("The built-up grid must be 2-D with a positive cell size.")
    refuse_degrees((origin[0], origin[1] - cover.shape[0] * cell, origin[0] + cover.shape[1] * cell, origin[1]),
                   what="the built-up grid")
    if radius / cell > 1000:
        raise InvalidValueError("A radius of {radius} m spans {cells:,.0f} cells of {cell}: is the cell size in metres?",
                                radius=radius, cells=radius / cell, cell=cell)
    disc = _disc(radius / cell)
    density = signal.fftconvolve(cover, disc, mode="same") / disc.sum()
    density = np.clip(np.round(density, 9), 0.0, 1.0)
    built = cover >= min_cover
    urban = built & (density > 0.5)
    suburban = built & (density >= 0.25) & ~urban
    rural_built = built & ~urban & ~suburban
    core = urban | suburban
    near = ndimage.distance_transform_edt(~core, sampling=cell) <= fringe + 1e-9 if core.any() \
        else np.zeros(cover.shape, dtype=bool)
    fringe_open = ~built & near
    outside = ~(core | fringe_open)
    parts, n = ndimage.label(outside, structure=np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]]))
    size = np.bincount(parts.ravel(), minlength=n + 1)
    has_built = np.bincount(parts.ravel(), weights=rural_built.ravel(), minlength=n + 1) > 0
    border = np.zeros(n + 1, dtype=bool)
    border[np.concatenate([parts[0], parts[-1], parts[:, 0], parts[:, -1]])] = True
    captured_part = (size * cell * cell < captured_max_area) & ~has_built & ~border
    captured_part[0] = False
    captured = captured_part[parts]
    classes = np.select([urban, suburban, fringe_open, captured, rural_built], [1, 2, 3, 4, 5], 6).astype(np.uint8)
    counts = np.bincount(classes.ravel(), minlength=7)[1:]
    table = pd.DataFrame({"label": list(EXTENT_CLASSES.values()), "cells": counts.astype(np.int64),
                          "area": counts * float(cell) ** 2}, index=pd.Index(list(EXTENT_CLASSES), name="code"))
    params = {"radius": radius, "cell": cell, "min_cover": min_cover, "fringe": fringe,
              "captured_max_area": captured_max_area,
              "urban_extent_area": float(table.loc[[1, 2, 3, 4], "area"].sum())}
    return UrbanExtent(classes=classes, density=density.astype(np.float32), cover=cover.astype(np.float32),
                       origin=tuple(origin), cell=float(cell), table=table, params=params)


def urban_extent_classes(built_up, *, radius=500.0, cell=10.0, min_cover=0.5, fringe=100.0,
                         captured_max_area=2_000_000.0, max_cells=50_000_000):
    """UN-Habitat urban, suburban and rural built-up, fringe and captured open space.

    Parameters
    ----------
    built_up : sequence of shapely polygons
        Fine built-up polygons (built-up land, or building footprints) in metres.
    radius : float
        Radius of the neighbourhood whose built-up share classifies a cell (m).
    cell : float
        Grid cell side (m). 10 m by default, the size of Sentinel-2 built-up
        layers: a building footprint then covers whole cells. Trends.Earth
        works on 30 m Landsat cells; larger cells suit larger areas (memory:
        about 30 bytes per cell).
    min_cover : float
        Share of a cell that polygons must cover for it to be built-up; with
        footprints rather than built-up land (streets and yards left out),
        a lower value or larger polygons may suit better.
    fringe : float
        Open cells within this distance of urban or suburban built-up cells
        are fringe open space (m).
    captured_max_area : float
        Enclosed open patches below this area (m2; 200 ha) are captured.
    max_cells : int
        Refuse grids larger than this.

    Returns
    -------
    UrbanExtent
        ``classes`` (codes 1 urban built-up, 2 suburban built-up, 3 fringe open
        space, 4 captured open space, 5 rural built-up, 6 rural open space),
        ``density``, ``cover``, ``origin``, ``cell``, the per-class ``table``
        and ``params`` (with ``urban_extent_area``: classes 1 to 4).

    Examples
    --------
    >>> import shapely
    >>> out = urban_extent_classes([shapely.box(10000, 10000, 11000, 11000)], cell=50, radius=300, fringe=50)
    >>> out.table.loc[[1, 2, 3], "area"].tolist()
    [900000.0, 100000.0, 200000.0]
    """
    pad = int(np.ceil((radius + fringe) / cell)) + 2
    cover, origin = built_up_cover(built_up, cell=cell, pad=pad, max_cells=max_cells)
    return urban_extent_grid(cover, origin, cell, radius=radius, min_cover=min_cover, fringe=fringe,
                             captured_max_area=captured_max_area)


def extent_layer(extent, year, codes=(1, 2, 3, 4, 5)):
    """One dissolved polygon per class of ``codes`` present: ``(table, geometries)``.

    The table has ``year``, ``code``, ``class`` (the label), ``in_extent`` (1
    for the classes of the urban extent, codes 1 to 4), ``cells`` and ``area``
    (m2); rural open space (code 6) is left out by default.

    Examples
    --------
    >>> cover = np.zeros((40, 40)); cover[10:30, 10:30] = 1.0
    >>> out = urban_extent_grid(cover, (500000.0, 6600400.0), 10.0, radius=50, fringe=20)
    >>> table, geometries = extent_layer(out, 2020)
    >>> table[["code", "in_extent", "cells"]].values.tolist(), len(geometries)
    ([[1, 1, 376], [2, 1, 24], [3, 1, 164]], 3)
    """
    shapes = extent.polygons(codes=list(codes))
    table = extent.table.loc[shapes.index]
    frame = pd.DataFrame({"year": year, "code": shapes.index, "class": table["label"].to_numpy(),
                          "in_extent": (shapes.index <= 4).astype(int),
                          "cells": table["cells"].to_numpy(), "area": table["area"].to_numpy()})
    return frame, shapes.to_numpy()
