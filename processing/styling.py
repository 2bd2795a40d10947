"""Styles applied to our outputs when QGIS loads them (layer post-processors)."""

from qgis.core import (
    QgsArrowSymbolLayer,
    QgsCategorizedSymbolRenderer,
    QgsRendererCategory,
    QgsClassificationRange,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsProcessingLayerPostProcessorInterface,
    QgsProperty,
    QgsRendererRange,
    QgsSymbol,
)
from qgis.PyQt.QtGui import QColor

from ..alliance_plugin.toolbelt.i18n import tr
from ..alliance_plugin.qgis_io import compat

# Main-partner share classes: the dependency threshold splits the second class.
_SHARE_COLOURS = ("#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b")


def territories_renderer(threshold):
    """Graduated by ``main_share``: below half the threshold, below it, then 30, 50 and 100 %."""
    bounds = sorted({0.0, threshold / 2, threshold, max(threshold, 0.3), max(threshold, 0.5), 1.0})
    ranges = []
    for (low, high), colour in zip(zip(bounds[:-1], bounds[1:]), _SHARE_COLOURS):
        symbol = QgsSymbol.defaultSymbol(compat.GeometryType.Polygon)
        symbol.setColor(QColor(colour))
        label = f"{100 * low:.0f} - {100 * high:.0f} %"
        ranges.append(QgsRendererRange(QgsClassificationRange(label, low, high), symbol))
    return QgsGraduatedSymbolRenderer("main_share", ranges)


def lines_renderer(max_volume):
    """Arrows whose width grows with the volume (0.2 to 4 mm)."""
    arrow = QgsArrowSymbolLayer()
    arrow.setIsCurved(False)
    arrow.setIsRepeated(False)
    arrow.setHeadType(QgsArrowSymbolLayer.HeadType.HeadSingle)
    scale = max(max_volume, 1e-12)
    width = QgsProperty.fromExpression(f'0.2 + 3.8 * coalesce("volume", 0) / {scale!r}')
    arrow.setDataDefinedProperty(compat.SymbolLayerProperty.ArrowWidth, width)
    arrow.setDataDefinedProperty(compat.SymbolLayerProperty.ArrowStartWidth, width)
    arrow.setDataDefinedProperty(
        compat.SymbolLayerProperty.ArrowHeadLength, QgsProperty.fromExpression(f"1.5 * ({width.expressionString()})"))
    arrow.setDataDefinedProperty(
        compat.SymbolLayerProperty.ArrowHeadThickness, QgsProperty.fromExpression(f"1.0 * ({width.expressionString()})"))
    fill = arrow.subSymbol()
    fill.setColor(QColor(203, 24, 29, 170))
    symbol = QgsLineSymbol()
    symbol.changeSymbolLayer(0, arrow)
    from qgis.core import QgsSingleSymbolRenderer

    renderer = QgsSingleSymbolRenderer(symbol)
    return renderer


ROLE_COLOURS = {
    "city core": "#08306b", "pole": "#08306b", "secondary pole": "#2171b5",
    "commuting zone": "#6baed6", "crown": "#6baed6", "outside": "#f0f0f0",
}


def roles_renderer(field):
    """Categories of a role field (city core / pole, commuting zone / crown, outside)."""
    categories = []
    for value, colour in ROLE_COLOURS.items():
        symbol = QgsSymbol.defaultSymbol(compat.GeometryType.Polygon)
        symbol.setColor(QColor(colour))
        categories.append(QgsRendererCategory(value, symbol, tr(value)))
    return QgsCategorizedSymbolRenderer(field, categories)


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies a renderer and a layer name once the output is loaded."""

    # QGIS keeps no Python reference to post-processors: we must (qgis/QGIS#48087).
    _alive = []

    def __init__(self, kind, value):
        super().__init__()
        self.kind = kind
        self.value = value

    @classmethod
    def create(cls, kind, value):
        processor = cls(kind, value)
        cls._alive.append(processor)
        del cls._alive[:-20]
        return processor

    def postProcessLayer(self, layer, context, feedback):
        if self.kind == "territories":
            layer.setRenderer(territories_renderer(self.value))
        elif self.kind == "roles":
            layer.setRenderer(roles_renderer(self.value))
        else:
            layer.setRenderer(lines_renderer(self.value))
        layer.triggerRepaint()


def style_on_load(context, destination, kind, value):
    """Register a style for ``destination`` if QGIS will load it on completion."""
    if destination and context.willLoadLayerOnCompletion(destination):
        details = context.layerToLoadOnCompletionDetails(destination)
        details.setPostProcessor(StylePostProcessor.create(kind, value))
        if kind == "lines":
            details.name = tr("Flow lines")
