"""One rule for layers without a coordinate reference system (CRS), for every algorithm.

A layer whose CRS is missing or unknown (a shapefile without its ``.prj``, a CSV layer
made without choosing a CRS) has coordinates whose unit and place nobody knows. Guessing
gives wrong numbers without a word (areas in degrees taken as metres, zones that never
meet the parcels because the transform between the layers fails). The rule:

- an algorithm that **measures** (areas, distances, buffers, grids, catchments) or puts
  layers together **by location** refuses any spatial input without a valid CRS, with a
  message naming the layer and how to set its CRS;
- an algorithm that only **draws** with the coordinates (flow lines between points inside
  the territories, maps of the results) and joins its inputs by code runs, with a warning
  naming the layer: its outputs have no CRS either.

Which algorithms only draw is listed once below (:data:`DRAWING`); every other algorithm
measures. The check runs before the computation (:meth:`AllianceAlgorithm.processAlgorithm`).
Tables without geometry (flow tables, CSV files) have no CRS to check.
"""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorLayer,
    QgsRasterLayer,
    QgsVectorLayer,
)

from ..alliance_plugin.qgis_io import compat
from ..alliance_plugin.toolbelt.i18n import tr

MEASURE, DRAW = "measure", "draw"

#: Algorithms that join their inputs by code and use coordinates only to draw: flow lines between
#: points inside the territories, maps. The spatial interaction model measures the distances
#: between the territories unless a distance field is given.
DRAWING = {
    "flowdependencies": DRAW, "dominantflows": DRAW, "flowregions": DRAW, "functionalareas": DRAW,
    "citynetwork": DRAW, "recommendationscorecard": DRAW, "territorialreport": DRAW, "reciprocity": DRAW,
    "spatialinteraction": lambda parameters: DRAW if parameters.get("DISTANCE_FIELD") else MEASURE,
}


def crs_use(algorithm, parameters):
    """``MEASURE`` or ``DRAW``: what the algorithm does with coordinates in this run."""
    use = DRAWING.get(algorithm.name(), MEASURE)
    return use(parameters) if callable(use) else use


def shown_name(definition, layer):
    """The parameter as the dialog labels it, with the layer's name: "Parcels (parcelles_23)"."""
    label = definition.description()  # already translated
    return label if layer is None or not layer.name() else f"{label} ({layer.name()})"


def _layers(algorithm, definition, parameters, context):
    """(name shown to the user, CRS) of the spatial layers given to one input parameter."""
    name = definition.name()
    if parameters.get(name) in (None, ""):
        return []
    if isinstance(definition, QgsProcessingParameterFeatureSource):
        source = algorithm.parameterAsSource(parameters, name, context)
        if source is None or source.wkbType() == compat.WkbType.NoGeometry:
            return []
        return [(shown_name(definition, algorithm.parameterAsLayer(parameters, name, context)),
                 source.sourceCrs())]
    if isinstance(definition, QgsProcessingParameterVectorLayer):
        layer = algorithm.parameterAsVectorLayer(parameters, name, context)
        return [] if layer is None or not layer.isSpatial() else [(shown_name(definition, layer), layer.crs())]
    if isinstance(definition, QgsProcessingParameterRasterLayer):
        layer = algorithm.parameterAsRasterLayer(parameters, name, context)
        return [] if layer is None else [(shown_name(definition, layer), layer.crs())]
    if isinstance(definition, QgsProcessingParameterMultipleLayers):
        found = []
        for layer in algorithm.parameterAsLayerList(parameters, name, context) or []:
            if isinstance(layer, QgsRasterLayer) or (isinstance(layer, QgsVectorLayer) and layer.isSpatial()):
                found.append((shown_name(definition, layer), layer.crs()))
        return found
    return []


def layers_without_crs(algorithm, parameters, context):
    """Names of the spatial inputs whose CRS is missing or unknown, in the order of the parameters."""
    missing = []
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination():
            continue
        for name, crs in _layers(algorithm, definition, parameters, context):
            if not crs.isValid():
                missing.append(name)
    return missing


def check_crs(algorithm, parameters, context, feedback):
    """Apply the module's rule: raise for an algorithm that measures, warn for one that only draws."""
    missing = layers_without_crs(algorithm, parameters, context)
    if not missing:
        return
    names = ", ".join(missing)
    if crs_use(algorithm, parameters) == MEASURE:
        raise QgsProcessingException(tr(
            "{names}: no coordinate reference system (CRS). This algorithm measures areas or distances and "
            "puts layers together by location, which needs the CRS of every layer: set it in Layer Properties > "
            "Source (Assigned coordinate reference system), or with Processing's 'Assign projection', then run "
            "again.").format(names=names))
    if feedback is not None:
        feedback.pushWarning(tr(
            "{names}: no coordinate reference system (CRS). The coordinates are used as they are, only to draw "
            "the results (nothing is measured with them); the outputs have no CRS either. Set the layer's CRS in "
            "Layer Properties > Source to place them on a map.").format(names=names))
