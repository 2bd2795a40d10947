"""Degree of urbanisation (DEGURBA; UN Statistical Commission 2020; methods.md, section 4).

- :mod:`.cells`: level 2, the cells of a population grid classified into urban centres,
  urban clusters and rural grid cells (densities, populations, gap filling, majority rule);
- :mod:`.units`: level 1, local units classified from their cells (cities, towns and
  semi-dense areas, rural areas), and the table of cells written back.

Building the grid itself (points summed into cells, polygons read as cells) is :mod:`..grid`'s.
"""

from .cells import CELL_CLASSES, UNIT_CLASSES, DegurbaGrid, classify_grid
from .units import cell_table, classify_unit_cells, classify_units, occupied_cells, population_shares

__all__ = ["CELL_CLASSES", "UNIT_CLASSES", "DegurbaGrid", "classify_grid", "classify_units", "population_shares",
           "occupied_cells", "cell_table", "classify_unit_cells"]
