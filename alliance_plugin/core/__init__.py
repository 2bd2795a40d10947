"""Pure computations of Alliance of Territories.

Nothing in this package imports ``qgis`` or Qt (a test enforces it): every
function takes and returns pandas / numpy / shapely objects, so the same code
serves the Processing algorithms, the dock, notebooks and the tests.
"""
