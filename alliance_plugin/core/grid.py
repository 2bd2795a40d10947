"""Square grids in a projected CRS: points summed into cells, cells as polygons, polygons read as cells.

Grids follow raster order: row 0 is the northern row, ``origin`` is the
(left, top) corner, cells are squares of side ``cell`` in the CRS unit
(metres). Used by the degree of urbanisation (DEGURBA, whose official grid
has 1 km2 cells: Eurostat et al., *Applying the Degree of Urbanisation*, 2021)
and the UN-Habitat urban-extent classes.

Our rules (the help of alliance:degurba says so):

- Points go to the cell whose left and bottom edges are at or below them
  (:func:`population_grid`); the grid is aligned on multiples of ``cell``.
- Polygons given as the cells of a grid (:func:`cell_lattice`): the cell size
  is the median of the larger side of their bounding boxes; a full square
  fixes the grid's alignment; every polygon (a cell cut along a coast
  included) must fit inside one cell, within a thousandth of the cell; one
  polygon per cell.
- Land shares follow :func:`.units.as_fractions` (a maximum above 1 means
  percentages); a cell without a share is all land.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .errors import InvalidValueError
from .geometry import refuse_degrees, repair, union_by_group
from .units import as_fractions

#: Grids larger than this are refused (about 400 MB of float64 per array).
MAX_CELLS = 50_000_000


def refuse_large_grid(n_rows, n_cols, cell, *, max_cells=MAX_CELLS):
    """Refuse a grid of more than ``max_cells`` cells, before any array is made.

    Examples
    --------
    >>> refuse_large_grid(100, 100, 1000.0)
    >>> try:
    ...     refuse_large_grid(10_000, 10_000, 1.0)
    ... except InvalidValueError as error:
    ...     print(error)
    A grid of 10,000 x 10,000 cells of 1 m is too large (limit 50,000,000): choose larger cells or a smaller area.
    """
    if n_rows * n_cols > max_cells:
        raise InvalidValueError(
            "A grid of {rows:,.0f} x {cols:,.0f} cells of {cell:g} m is too large (limit {limit:,}): choose "
            "larger cells or a smaller area.", rows=n_rows, cols=n_cols, cell=cell, limit=max_cells)


def population_grid(x, y, population, *, cell=1000.0, bounds=None):
    """Sum population points into a grid of square cells aligned on multiples of ``cell``.

    A point belongs to the cell whose left and bottom edges are at or below it
    (intervals closed below, open above), so a point on a shared edge goes to
    the cell to its north-east.

    Parameters
    ----------
    x, y : array-like of float
        Point coordinates in a projected CRS (metres); see :func:`refuse_degrees`.
    population : array-like of float
        Inhabitants of each point; NaN counts 0, negatives are refused.
    cell : float
        Cell side (1,000 m for DEGURBA's 1 km2 cells).
    bounds : tuple, optional
        ``(xmin, ymin, xmax, ymax)`` the grid must cover (widened to the
        multiples of ``cell``); every point must lie inside.

    Returns
    -------
    (numpy.ndarray, (float, float))
        The 2-D grid (row 0 north) and its origin, the (left, top) corner.

    Examples
    --------
    >>> grid, origin = population_grid([1500.0, 2000.0, 2999.0], [500.0, 1000.0, 1999.0], [10, 20, 30])
    >>> origin, grid.tolist()
    ((1000.0, 2000.0), [[0.0, 50.0], [10.0, 0.0]])
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    pop = np.asarray(population, dtype=float)
    if not (len(x) == len(y) == len(pop)):
        raise InvalidValueError("x, y and population must have the same length; got {n_x}, {n_y}, {n_pop}.",
                                n_x=len(x), n_y=len(y), n_pop=len(pop))
    if not cell > 0:
        raise InvalidValueError("The cell size must be positive; got {cell}.", cell=cell)
    if (pop < 0).any():
        raise InvalidValueError("Populations must not be negative; {n} are.", n=int((pop < 0).sum()))
    pop = np.nan_to_num(pop, nan=0.0)
    ok = np.isfinite(x) & np.isfinite(y)
    x, y, pop = x[ok], y[ok], pop[ok]
    if bounds is None:
        if len(x) == 0:
            raise InvalidValueError("No point with coordinates: the grid would be empty.")
        bounds = (x.min(), y.min(), x.max(), y.max())
    refuse_degrees((x.min(), y.min(), x.max(), y.max()) if len(x) else bounds, what="the population points")
    left, bottom = np.floor(bounds[0] / cell) * cell, np.floor(bounds[1] / cell) * cell
    n_cols = int(np.floor((bounds[2] - left) / cell)) + 1
    n_rows = int(np.floor((bounds[3] - bottom) / cell)) + 1
    col = np.floor((x - left) / cell).astype(np.int64)
    row = n_rows - 1 - np.floor((y - bottom) / cell).astype(np.int64)
    outside = (col < 0) | (col >= n_cols) | (row < 0) | (row >= n_rows)
    if outside.any():
        raise InvalidValueError("{n} points lie outside the bounds {bounds}.", n=int(outside.sum()),
                                bounds=tuple(bounds))
    grid = np.bincount(row * n_cols + col, weights=pop, minlength=n_rows * n_cols).reshape(n_rows, n_cols)
    return grid, (float(left), float(bottom + n_rows * cell))


def grid_cells(shape, origin, cell):
    """Square polygons of every cell of a grid, in row-major order (row 0 north).

    Examples
    --------
    >>> [b.bounds for b in grid_cells((1, 2), (0.0, 1000.0), 1000.0)]
    [(0.0, 0.0, 1000.0, 1000.0), (1000.0, 0.0, 2000.0, 1000.0)]
    """
    import shapely

    rows, cols = np.divmod(np.arange(shape[0] * shape[1]), shape[1])
    left = origin[0] + cols * cell
    top = origin[1] - rows * cell
    return shapely.box(left, top - cell, left + cell, top)


def grid_polygons(values, origin, cell, *, background=0):
    """Dissolved polygons of the cells sharing a value (``background`` cells left out).

    Runs of equal cells along each row become rectangles first, so the union
    works on far fewer pieces than cells.

    Returns
    -------
    pandas.Series
        Shapely (Multi)Polygons indexed by value, in increasing order.

    Examples
    --------
    >>> polys = grid_polygons(np.array([[1, 1, 0], [0, 1, 2]]), (0.0, 20.0), 10.0)
    >>> polys.index.tolist(), polys[1].area, polys[2].bounds
    ([1, 2], 300.0, (20.0, 0.0, 30.0, 10.0))
    """
    import shapely

    values = np.asarray(values)
    n_rows, n_cols = values.shape
    starts = np.ones(values.shape, dtype=bool)
    starts[:, 1:] = values[:, 1:] != values[:, :-1]
    flat = np.flatnonzero(starts)
    row, col = np.divmod(flat, n_cols)
    end = np.append(col[1:], n_cols)
    end[np.append(row[1:] != row[:-1], True)] = n_cols
    value = values.ravel()[flat]
    keep = value != background
    row, col, end, value = row[keep], col[keep], end[keep], value[keep]
    # Runs with the same value and columns in consecutive rows stack into one rectangle.
    order = np.lexsort((row, end, col, value))
    row, col, end, value = row[order], col[order], end[order], value[order]
    new = np.ones(len(row), dtype=bool)
    new[1:] = (value[1:] != value[:-1]) | (col[1:] != col[:-1]) | (end[1:] != end[:-1]) | (row[1:] != row[:-1] + 1)
    first = np.flatnonzero(new)
    last = np.append(first[1:], len(row)) - 1
    top = origin[1] - row[first] * cell
    bottom = origin[1] - (row[last] + 1) * cell
    boxes = shapely.box(origin[0] + col[first] * cell, bottom, origin[0] + end[first] * cell, top)
    value = value[first]
    if len(boxes) == 0:
        return pd.Series(dtype=object)
    groups, unions = union_by_group(boxes, value)
    return pd.Series(unions, index=pd.Index(groups), dtype=object)


def cell_lattice(bounds):
    """Row, column, (left, top) origin and cell size of polygons that must be the cells of one square grid.

    The cell size is the median of the larger side of the bounding boxes; a
    full cell (both sides the cell size, within a thousandth of it) fixes the
    grid's alignment; every polygon (a cell cut along a coast included) must
    fit inside one cell. Rows and columns start at 0 on the northern row and
    the western column of the polygons given.

    Parameters
    ----------
    bounds : 2-D array of float
        ``(xmin, ymin, xmax, ymax)`` of each polygon (``shapely.bounds``).

    Returns
    -------
    (numpy.ndarray, numpy.ndarray, (float, float), float)
        Rows and columns (int64), the grid's (left, top) corner and the cell size.

    Examples
    --------
    >>> bounds = np.array([[1000.0, 2000.0, 2000.0, 3000.0], [2000.0, 1000.0, 2600.0, 2000.0]])
    >>> rows, cols, origin, cell = cell_lattice(bounds)
    >>> rows.tolist(), cols.tolist(), origin, cell
    ([0, 1], [0, 1], (1000.0, 3000.0), 1000.0)
    """
    bounds = np.asarray(bounds, dtype=float).reshape(-1, 4)
    width, height = bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1]
    cell = float(np.median(np.maximum(width, height))) if len(bounds) else float("nan")
    tolerance = 1e-3 * cell
    full = np.flatnonzero((np.abs(width - cell) <= tolerance) & (np.abs(height - cell) <= tolerance))
    if not cell > 0 or len(full) == 0:
        raise InvalidValueError("The polygons are not the square cells of a grid.")
    left0, top0 = bounds[full[0], 0], bounds[full[0], 3]
    centre_x, centre_y = 0.5 * (bounds[:, 0] + bounds[:, 2]), 0.5 * (bounds[:, 1] + bounds[:, 3])
    cols = np.floor((centre_x - left0) / cell).astype(np.int64)
    rows = np.floor((top0 - centre_y) / cell).astype(np.int64)
    left, top = left0 + cols * cell, top0 - rows * cell
    outside = ((bounds[:, 0] < left - tolerance) | (bounds[:, 2] > left + cell + tolerance)
               | (bounds[:, 3] > top + tolerance) | (bounds[:, 1] < top - cell - tolerance))
    if outside.any():
        raise InvalidValueError(
            "{n} polygons are not cells of a regular grid of {cell:g} m squares (the first: bounds {b}); "
            "give the cells of one grid, or points.", n=int(outside.sum()), cell=cell,
            b=", ".join(f"{v:.1f}" for v in bounds[np.flatnonzero(outside)[0]]))
    origin = (float(left0 + cols.min() * cell), float(top0 - rows.min() * cell))
    return rows - rows.min(), cols - cols.min(), origin, cell


@dataclass
class CellGrid:
    """Values of polygons given as the cells of one grid, laid on that grid (see :func:`grid_of_cells`)."""

    population: np.ndarray  #: 2-D float, NaN where no polygon (or no value) is given
    land: object  #: 2-D float land shares (0 to 1; 1 where none is given), or None without shares
    rows: np.ndarray  #: row of each polygon, in the order given
    cols: np.ndarray  #: column of each polygon
    origin: tuple  #: the grid's (left, top) corner
    cell: float  #: cell side
    land_as_percent: bool = False  #: the land shares were read as percentages

    @property
    def shape(self):
        return self.population.shape


def grid_of_cells(bounds, population, land_share=None, *, max_cells=MAX_CELLS):
    """Lay the values of polygons that are the cells of one grid on that grid (:func:`cell_lattice`).

    Parameters
    ----------
    bounds : 2-D array of float
        Bounding box of each polygon; every polygon must have one.
    population : array-like of float
        Value of each polygon (NaN: no data).
    land_share : array-like of float, optional
        Land share of each polygon, 0-1 or percentages (:func:`.units.as_fractions`); NaN counts as all land.
    max_cells : int
        Refuse grids larger than this (:func:`refuse_large_grid`).

    Returns
    -------
    CellGrid
        Cells of the grid not given are NaN (no data).

    Examples
    --------
    >>> bounds = [[0.0, 1000.0, 1000.0, 2000.0], [1000.0, 0.0, 2000.0, 1000.0]]
    >>> out = grid_of_cells(bounds, [10.0, 20.0], land_share=[50, 100])
    >>> out.population.tolist(), out.land.tolist(), out.land_as_percent
    ([[10.0, nan], [nan, 20.0]], [[0.5, 1.0], [1.0, 1.0]], True)
    """
    rows, cols, origin, cell = cell_lattice(bounds)
    refuse_large_grid(rows.max() + 1, cols.max() + 1, cell, max_cells=max_cells)
    shape = (int(rows.max()) + 1, int(cols.max()) + 1)
    flat = rows * shape[1] + cols
    repeated = np.bincount(flat) > 1
    if repeated.any():
        raise InvalidValueError("{n} grid cells are given more than once (overlapping polygons): one polygon per "
                                "cell.", n=int(repeated.sum()))
    values = np.full(shape, np.nan)
    values.ravel()[flat] = np.asarray(population, dtype=float)
    land, percent = None, False
    if land_share is not None:
        share, percent = as_fractions(land_share)
        land = np.ones(shape)
        land.ravel()[flat] = np.nan_to_num(share, nan=1.0)
    return CellGrid(population=values, land=land, rows=rows, cols=cols, origin=origin, cell=cell,
                    land_as_percent=percent)


def cell_points(rows, cols, origin, cell, polygons=None):
    """A point in each cell: its centre, or with ``polygons`` (the cells as given) a point on each polygon's
    surface after repair (the centre of a full square).

    Examples
    --------
    >>> [p.coords[0] for p in cell_points(np.array([0, 1]), np.array([1, 0]), (0.0, 2000.0), 1000.0)]
    [(1500.0, 1500.0), (500.0, 500.0)]
    """
    import shapely

    if polygons is not None:
        return shapely.point_on_surface(repair(polygons))
    return shapely.points(origin[0] + (np.asarray(cols) + 0.5) * cell, origin[1] - (np.asarray(rows) + 0.5) * cell)


def cell_boxes(rows, cols, origin, cell):
    """The square of each (row, column) cell.

    Examples
    --------
    >>> cell_boxes(np.array([1]), np.array([2]), (0.0, 2000.0), 1000.0)[0].bounds
    (2000.0, 0.0, 3000.0, 1000.0)
    """
    import shapely

    left, top = origin
    return shapely.box(left + cols * cell, top - (rows + 1) * cell, left + (cols + 1) * cell, top - rows * cell)
