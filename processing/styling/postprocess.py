"""The post-processors QGIS runs on every output it loads: its distinct, translated name, its
style (:func:`.plan.apply_style`) and the layer order (:func:`.order.order_layers`).

:func:`register_outputs`, called by every algorithm (``AllianceAlgorithm.processAlgorithm``),
attaches a :class:`StylePostProcessor` to every output QGIS will load: the style, the name and the
order hold in Desktop runs, in models and with ``runAndLoadResults``; ``qgis_process`` loads nothing
and is not affected.
"""

from qgis.core import QgsProcessingLayerPostProcessorInterface, QgsProject

from .names import layer_names
from .order import order_layers
from .plan import apply_style


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Once QGIS loaded an output: its name, its style (:func:`apply_style`) and the layer order."""

    #: QGIS keeps no Python reference to post-processors (qgis/QGIS#48087): one per destination is
    #: kept here until its postProcessLayer ran (a batch of hundreds of runs keeps them all).
    _alive = {}

    def __init__(self, name=None, destination=None):
        super().__init__()
        self.name = name
        self.destination = destination

    @classmethod
    def create(cls, name=None, destination=None):
        processor = cls(name, destination)
        cls._alive[(destination, id(processor))] = processor
        return processor

    def postProcessLayer(self, layer, context, feedback):
        try:
            if self.name:
                layer.setName(self.name)
            apply_style(layer)
            project = context.project() if context is not None else None
            order_layers(project or QgsProject.instance())
        finally:
            type(self)._alive.pop((self.destination, id(self)), None)


def register_outputs(algorithm, parameters, context, outputs):
    """Give every output of ``algorithm`` that QGIS will load a name and a :class:`StylePostProcessor`."""
    names = layer_names()
    for definition in algorithm.destinationParameterDefinitions():
        key = definition.name()
        destination = outputs.get(key) if isinstance(outputs, dict) else None
        if not isinstance(destination, str) or not destination:
            continue
        if not context.willLoadLayerOnCompletion(destination):
            continue
        details = context.layerToLoadOnCompletionDetails(destination)
        name = names.get((algorithm.name(), key)) or definition.description()
        details.name = name
        details.setPostProcessor(StylePostProcessor.create(name, destination))


def style_on_load(context, destination, kind=None, value=None):
    """Kept for compatibility: every output is now styled by :func:`register_outputs`."""
    if destination and context.willLoadLayerOnCompletion(destination):
        details = context.layerToLoadOnCompletionDetails(destination)
        if details.postProcessor() is None:
            details.setPostProcessor(StylePostProcessor.create(None, destination))
