"""Processing provider and algorithms of Alliance of Territories.

Import this package only relatively (``from ..processing import ...``): QGIS has
its own top-level ``processing`` package, which this one must never hide.
"""
