"""Renderers of our result fields: categories with the fixed colours of
:mod:`alliance_plugin.toolbelt.palette` for class fields, graduated colours with readable bounds
("15 - 30 %") for shares and ratios, arrows for flow lines, outlines for dissolved regions and
earlier dates; :func:`renderer_for` gives the renderer of a style kind (see :func:`.plan.style_plan`)."""

from qgis.core import (
    QgsArrowSymbolLayer,
    QgsCategorizedSymbolRenderer,
    QgsClassificationRange,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsProperty,
    QgsRendererCategory,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsSymbol,
)
from qgis.PyQt.QtGui import QColor

from ...alliance_plugin.core.indicators import describe
from ...alliance_plugin.qgis_io import compat
from ...alliance_plugin.toolbelt import palette
from ...alliance_plugin.toolbelt.i18n import tr
from .names import value_labels


def _symbol(geometry_type, colour):
    symbol = QgsSymbol.defaultSymbol(geometry_type)
    symbol.setColor(QColor(colour))
    if geometry_type == compat.GeometryType.Polygon and symbol.symbolLayerCount():
        symbol.symbolLayer(0).setStrokeColor(QColor("#636363"))
        symbol.symbolLayer(0).setStrokeWidth(0.2)
    return symbol


def categories_renderer(field, colours, geometry_type, labels=None):
    """Categories of ``field`` in the order of ``colours`` ((value, colour) pairs), legend labels translated."""
    labels = value_labels() if labels is None else labels
    categories = [QgsRendererCategory(value, _symbol(geometry_type, colour), labels.get(str(value), str(value)))
                  for value, colour in colours]
    return QgsCategorizedSymbolRenderer(field, categories)


def graduated_renderer(field, bounds, colours, geometry_type, label):
    """Ranges between consecutive ``bounds``, one colour each, labelled by ``label(low, high)``."""
    ranges = []
    for (low, high), colour in zip(zip(bounds[:-1], bounds[1:]), colours):
        ranges.append(QgsRendererRange(QgsClassificationRange(label(low, high), low, high),
                                       _symbol(geometry_type, colour)))
    return QgsGraduatedSymbolRenderer(field, ranges)


def territories_renderer(threshold=0.15, field="main_share"):
    """Main-partner share in classes 0-15-30-50-75-100 % (the dependency threshold added when it differs)."""
    bounds = sorted(set(palette.SHARE_BOUNDS) | {round(float(threshold), 4)} if 0 < threshold < 1
                    else palette.SHARE_BOUNDS)
    colours = palette.share_colours(field)
    if len(bounds) > len(colours) + 1:
        colours = ("#fff5f0",) + tuple(colours)
    return graduated_renderer(field, bounds, colours, compat.GeometryType.Polygon, palette.share_label)


def lines_renderer(max_volume, colour=palette.FLOW_LINE_COLOUR, field="volume"):
    """Arrows whose width grows with ``field`` (0.2 to 4 mm), drawn over the territories."""
    arrow = QgsArrowSymbolLayer()
    arrow.setIsCurved(False)
    arrow.setIsRepeated(False)
    arrow.setHeadType(QgsArrowSymbolLayer.HeadType.HeadSingle)
    scale = max(float(max_volume or 0.0), 1e-12)
    width = QgsProperty.fromExpression(f'0.2 + 3.8 * coalesce("{field}", 0) / {scale!r}')
    arrow.setDataDefinedProperty(compat.SymbolLayerProperty.ArrowWidth, width)
    arrow.setDataDefinedProperty(compat.SymbolLayerProperty.ArrowStartWidth, width)
    arrow.setDataDefinedProperty(
        compat.SymbolLayerProperty.ArrowHeadLength, QgsProperty.fromExpression(f"1.5 * ({width.expressionString()})"))
    arrow.setDataDefinedProperty(
        compat.SymbolLayerProperty.ArrowHeadThickness, QgsProperty.fromExpression(f"1.0 * ({width.expressionString()})"))
    fill = arrow.subSymbol()
    fill.setColor(QColor(colour))
    fill.setOpacity(0.75)
    symbol = QgsLineSymbol()
    symbol.changeSymbolLayer(0, arrow)
    renderer = QgsSingleSymbolRenderer(symbol)
    renderer.setOrderByEnabled(True)  # small flows first, the large ones on top
    from qgis.core import QgsFeatureRequest

    renderer.setOrderBy(QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause(field, True)]))
    return renderer


def roles_renderer(field):
    """Categories of a functional-area role field (``fua_role`` or ``aav_role``)."""
    return categories_renderer(field, palette.CLASSES[field], compat.GeometryType.Polygon)


def _maximum(layer, field):
    index = layer.fields().lookupField(field)
    value = layer.maximumValue(index) if index >= 0 else None
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _threshold(layer):
    """The dependency threshold written in the ``params`` field (``threshold=0.15``), 0.15 when absent."""
    import re

    if layer.fields().lookupField("params") < 0:
        return 0.15
    for feature in layer.getFeatures():
        match = re.search(r"threshold=([0-9.eE+-]+)", str(feature["params"] or ""))
        return float(match.group(1)) if match else 0.15
    return 0.15


def _distinct(layer, field):
    index = layer.fields().lookupField(field)
    return sorted(str(v) for v in layer.uniqueValues(index) if v is not None and str(v) != "NULL")


def dated_renderer(categories, field, years):
    """Classes at several dates in one layer (the urban extent): the last date filled, the earlier
    ones as outlines of the class colour, so the dates never hide one another."""
    root = QgsRuleBasedRenderer.Rule(None)
    last = years[-1]
    for year in reversed(years):
        for category in categories.categories():
            symbol = category.symbol().clone()
            if year != last:
                colour = QColor(symbol.color())
                symbol.symbolLayer(0).setFillColor(QColor(0, 0, 0, 0))
                symbol.symbolLayer(0).setStrokeColor(colour.darker(130))
                symbol.symbolLayer(0).setStrokeWidth(0.6)
            value = str(category.value()).replace("'", "''")
            number = float(year)
            root.appendChild(QgsRuleBasedRenderer.Rule(
                symbol, filterExp=f"\"{field}\" = '{value}' AND to_real(\"year\") = {number!r}",
                label=f"{category.label()} ({number:g})"))
    return QgsRuleBasedRenderer(root)


#: Self-sufficiency (production / consumption, stored 0-x, shown in %): red under half, green from 1.
SUFFICIENCY_BOUNDS = (0.0, 0.5, 0.9, 1.1, 2.0)
SUFFICIENCY_COLOURS = tuple(reversed(palette.RATIO_COLOURS))


def sufficiency_renderer(layer, field, geometry):
    """Self-sufficiency in classes 0-50-90-110-200 % and above (the largest value closes the last class)."""
    top = max(SUFFICIENCY_BOUNDS[-1] * 2.5, _maximum(layer, field))
    return graduated_renderer(field, SUFFICIENCY_BOUNDS + (top,), SUFFICIENCY_COLOURS, geometry,
                              palette.share_label)


def type_lines_renderer(layer, field="flow_type", width_field="provided_ab"):
    """One colour per flow type; the arrow's width grows with ``width_field`` relative to the largest of its
    type (the types have their own units: tonnes and commuters are never compared)."""
    colours = palette.region_colours(_distinct(layer, field))
    categories = []
    width = QgsProperty.fromExpression(
        f'0.3 + 3.7 * coalesce("{width_field}", 0) / '
        f'max(maximum("{width_field}", group_by:="{field}"), 1e-12)')
    for value, colour in colours.items():
        single = lines_renderer(1.0, colour, width_field)  # kept alive while its symbol is cloned
        symbol = single.symbol().clone()
        arrow = symbol.symbolLayer(0)
        for prop in (compat.SymbolLayerProperty.ArrowWidth, compat.SymbolLayerProperty.ArrowStartWidth):
            arrow.setDataDefinedProperty(prop, width)
        arrow.setDataDefinedProperty(compat.SymbolLayerProperty.ArrowHeadLength,
                                     QgsProperty.fromExpression(f"1.5 * ({width.expressionString()})"))
        arrow.setDataDefinedProperty(compat.SymbolLayerProperty.ArrowHeadThickness,
                                     QgsProperty.fromExpression(f"1.0 * ({width.expressionString()})"))
        categories.append(QgsRendererCategory(value, symbol, value))
    return QgsCategorizedSymbolRenderer(field, categories)


def renderer_for(layer, kind, field):
    """The renderer of style ``kind`` for ``field`` of ``layer`` (None when the field has no range)."""
    geometry = layer.geometryType()
    if kind == "shed_lines":
        return lines_renderer(_maximum(layer, field), palette.DOMINANT_FLOW_COLOUR, field)
    if kind == "type_lines":
        return type_lines_renderer(layer, field)
    if kind == "sufficiency":
        return sufficiency_renderer(layer, field, geometry)
    if kind == "classes":  # the user's classes: known class colours where they match, distinct ones otherwise
        known = {value: colour for pairs in palette.CLASSES.values() for value, colour in pairs}
        values = _distinct(layer, field)
        others = palette.region_colours([v for v in values if v not in known])
        return categories_renderer(field, tuple((v, known.get(v) or others[v]) for v in values), geometry)
    if kind == "flow_lines":
        return lines_renderer(_maximum(layer, field))
    if kind == "dominant_lines":
        return lines_renderer(_maximum(layer, field), palette.DOMINANT_FLOW_COLOUR)
    if kind == "interaction_lines":
        return lines_renderer(_maximum(layer, field))
    if kind in ("status", "categories"):
        colours = palette.CLASSES.get(field) or palette.CLASSES["status"]
        known = {value for value, _ in colours}
        extra = [(value, palette.GREY) for value in _distinct(layer, field) if value not in known]
        renderer = categories_renderer(field, tuple(colours) + tuple(extra), geometry)
        years = sorted({float(v) for v in _distinct(layer, "year") if v not in (None, "")}) \
            if "year" in layer.fields().names() else []
        if len(years) > 1 and geometry == compat.GeometryType.Polygon:
            return dated_renderer(renderer, field, years)
        return renderer
    if kind == "regions":
        colours = palette.region_colours(_distinct(layer, field))
        renderer = categories_renderer(field, tuple(colours.items()), geometry, labels={})
        if field in ("region_id", "area_id") and geometry == compat.GeometryType.Polygon:
            # dissolved regions or areas: drawn over their territories as strong outlines
            for category in renderer.categories():
                symbol = category.symbol().clone()
                colour = QColor(symbol.color())
                symbol.symbolLayer(0).setFillColor(QColor(0, 0, 0, 0))  # outline only: territories show through
                symbol.symbolLayer(0).setStrokeColor(colour.darker(160))
                symbol.symbolLayer(0).setStrokeWidth(0.9)
                renderer.updateCategorySymbol(renderer.categoryIndexForValue(category.value()), symbol)
            layer.setCustomProperty("alliance/overlay", True)
        return renderer
    if kind == "rings":
        labels = _ordered_rings(layer)
        return categories_renderer(field, tuple(zip(labels, palette.RING_COLOURS * 4)), geometry, labels={})
    if kind == "flags":
        index = layer.fields().lookupField(field)
        values = {str(v) for v in layer.uniqueValues(index)}
        numeric = layer.fields().at(index).isNumeric()
        pairs = [((int(v) if numeric else v), c) for v, c in palette.FLAG_COLOURS]
        labels = {"1": tr("Yes"), "0": tr("No"), "true": tr("Yes"), "false": tr("No")}
        if not numeric and values & {"true", "false"}:
            pairs = [("true", palette.FLAG_COLOURS[0][1]), ("false", palette.FLAG_COLOURS[1][1])]
        return categories_renderer(field, pairs, geometry, labels=labels)
    if kind == "shares":
        if field.endswith("main_share"):
            renderer = territories_renderer(_threshold(layer), field)
            if geometry != compat.GeometryType.Polygon:
                renderer = graduated_renderer(field, palette.SHARE_BOUNDS, palette.share_colours(field), geometry,
                                              palette.share_label)
            return renderer
        scale = (describe(field) or {}).get("scale", 1.0)
        bounds = tuple(b * 100.0 / scale for b in palette.SHARE_BOUNDS)
        return graduated_renderer(field, bounds, palette.share_colours(field), geometry,
                                  lambda low, high: palette.share_label(low * scale / 100.0, high * scale / 100.0))
    if kind == "ratios":
        top = max(palette.RATIO_BOUNDS[-1], _maximum(layer, field))
        bounds = palette.RATIO_BOUNDS[:-1] + (top,)
        return graduated_renderer(field, bounds, palette.RATIO_COLOURS, geometry,
                                  lambda low, high: f"{palette.number(low)} - {palette.number(high)}")
    index = layer.fields().lookupField(field)
    low, high = layer.minimumValue(index), layer.maximumValue(index)
    try:
        bounds = palette.nice_bounds(float(low), float(high))
    except (TypeError, ValueError):
        return None
    unit = (describe(field) or {}).get("unit", "")
    suffix = f" {unit}" if unit and unit != "ratio" else ""
    return graduated_renderer(field, bounds, palette.SHARE_COLOURS, geometry,
                              lambda a, b: f"{palette.number(a)} - {palette.number(b)}{suffix}")


def _ordered_rings(layer):
    """Ring labels from the innermost (smallest band) outwards."""
    pairs = sorted({(f["band"], str(f["label"])) for f in layer.getFeatures()
                    if f["label"] is not None}, key=lambda p: (p[0] is None, p[0] if p[0] is not None else 0))
    return list(dict.fromkeys(label for _, label in pairs))
