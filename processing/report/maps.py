"""The report's maps: the layers drawn (the territory outlined, its main flows, a choropleth per
recommendation's indicator), their styles and legends, the maps' CRS and extents, and maps drawn as images.

Which flows and which indicator are mapped, the class bounds and the extents' shape are decided in
the core (``core/report.py``: :func:`main_flows`, :func:`indicator_for`, :func:`rounded_bounds`,
:func:`fit_aspect`); this module makes them QGIS layers, symbols and images.
"""

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsPointXY,
    QgsRectangle,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QImage, QPainter

from ...alliance_plugin.core import report
from ...alliance_plugin.qgis_io import compat
from ...alliance_plugin.toolbelt.i18n import tr
from .images import png_base64
from .words import indicator_title, palette, translated

#: HTML maps: pixels, same aspect ratio as the PDF map frames (118 x 84 mm).
MAP_PX = (708, 504)
MAP_ASPECT = 118.0 / 84.0
#: Largest flows mapped out of and into the territory.
TOP_FLOWS = 6


def themes(read, territories):
    """One choropleth per recommendation: the first rule field of it found on a polygon layer."""
    from ...alliance_plugin.core import scorecard as sc

    candidates = [(territories, read["own"])] + [
        (layer, names) for layer, names in read["layers"]
        if layer.isSpatial() and layer.geometryType() == compat.GeometryType.Polygon]
    by_key = {index: layer for index, (layer, _) in enumerate(candidates)}
    keyed = [(index, names) for index, (_, names) in enumerate(candidates)]
    found_themes, styled = [], {}
    for number in sc.RECOMMENDATIONS:
        # an indicator with values first: a map of NULLs only says "not measurable" everywhere
        found = report.indicator_for(number, keyed, lambda index, field: has_values(by_key[index], field))
        if found is None:
            continue
        layer, field = by_key[found[0]], found[1]
        key = (layer.id(), field)
        if key not in styled:
            clone = layer.clone()
            renderer, entries, values = field_style(clone, field)
            clone.setRenderer(renderer)
            clone.setName(indicator_title(field))
            styled[key] = (clone, entries, values)
        else:  # one map per indicator: the recommendations it measures share it
            theme = next(t for t in found_themes
                         if (t["layer"].id(), t["field"]) == (styled[key][0].id(), field))
            theme["recommendations"].append(number)
            continue
        clone, entries, values = styled[key]
        found_themes.append(dict(recommendation=number, recommendations=[number], field=field, layer=clone,
                                 entries=entries, values=values))
    for theme in found_themes:
        theme["title"] = tr("{recommendations}: {indicator}").format(
            recommendations=", ".join(f"R{n}" for n in theme["recommendations"]),
            indicator=indicator_title(theme["field"]))
    return found_themes


def base_layer(territories):
    """Every territory in light grey: the background of every map."""
    base = territories.clone()
    base.setName(tr("Other territories (no value)"))
    base.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "238,238,238,255", "outline_color": "150,150,150", "outline_width": "0.15"})))
    return base


def field_style(layer, field):
    """(renderer, legend entries [(kind, colour, label)], {code: value}) for a choropleth of ``field``."""
    from ...alliance_plugin.core import indicators

    colours_of = palette()
    spec = indicators.describe(field) or {}
    index = layer.fields().indexOf(field)
    values = [f[index] for f in layer.getFeatures(QgsFeatureRequest().setFlags(
        compat.FeatureRequestFlag.NoGeometry).setSubsetOfAttributes([index]))]
    values = [v for v in values if v is not None and str(v) != "NULL"]
    numeric = layer.fields().field(index).isNumeric() and spec.get("kind") not in ("class", "flag", "status")
    entries = []
    if not numeric:
        classes = list(getattr(colours_of, "CLASSES", {}).get(field, ())) if colours_of else []
        present = sorted({str(v) for v in values})
        known = {value for value, _ in classes}
        qualitative = getattr(colours_of, "QUALITATIVE", ("#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3"))
        classes = [(v, c) for v, c in classes if v in present] + [
            (v, qualitative[i % len(qualitative)]) for i, v in enumerate(v for v in present if v not in known)]
        categories = []
        for value, colour in classes:
            symbol = polygon_symbol(colour)
            categories.append(QgsRendererCategory(value, symbol, translated(value)))
            entries.append(("fill", colour, translated(value)))
        return QgsCategorizedSymbolRenderer(field, categories), entries, {}
    numbers = [float(v) for v in values if report.is_number(v)]
    bounds, colours = class_bounds(field, numbers, colours_of)
    ranges = []
    for (low, high), colour in zip(zip(bounds[:-1], bounds[1:]), colours):
        label = f"{shown(field, low)} - {shown(field, high)}"
        ranges.append(QgsRendererRange(low, high, polygon_symbol(colour), label))
        entries.append(("fill", colour, label))
    renderer = QgsGraduatedSymbolRenderer(field, ranges)
    return renderer, entries, {str(k): v for k, v in values_by_code(layer, field)}


def values_by_code(layer, field):
    """(code-ish, value) pairs for the rank chart: the first text field is taken as the code."""
    index = layer.fields().indexOf(field)
    code_index = next((i for i, f in enumerate(layer.fields()) if compat.is_text_field(f)), None)
    if code_index is None:
        return []
    out = []
    for feature in layer.getFeatures(QgsFeatureRequest().setFlags(compat.FeatureRequestFlag.NoGeometry)):
        value = feature[index]
        if report.is_number(value):
            out.append((feature[code_index], float(value)))
    return out


def has_values(layer, field):
    """True when ``field`` holds a value other than NULL in ``layer``."""
    index = layer.fields().indexOf(field)
    return any(v is not None and str(v) != "NULL" for v in layer.uniqueValues(index, 2))


def shown(field, value):
    """A class bound as a person reads it ("15 %"), else the number itself."""
    from ...alliance_plugin.core import indicators

    return indicators.display_value(field, value) or f"{value:g}"


def class_bounds(field, numbers, colours_of):
    """Class bounds people write and their colours: the palette's share classes, else rounded quantiles."""
    from ...alliance_plugin.core import indicators

    kind = (indicators.describe(field) or {}).get("kind")
    ramp = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")
    if colours_of is not None and kind == "share":
        colours = (getattr(colours_of, "GOOD_SHARE_COLOURS", ramp) if field in getattr(colours_of, "GOOD_SHARES", ())
                   else getattr(colours_of, "BAD_SHARE_COLOURS", ramp) if field in getattr(colours_of, "BAD_SHARES", ())
                   else getattr(colours_of, "SHARE_COLOURS", ramp))
        return list(getattr(colours_of, "SHARE_BOUNDS", (0.0, 0.15, 0.3, 0.5, 0.75, 1.0))), list(colours)
    if not numbers:
        return [0.0, 1.0], [ramp[0]]
    bounds = report.rounded_bounds(numbers)
    return bounds, list(ramp[:len(bounds) - 1]) if len(bounds) <= 6 else list(ramp)


def polygon_symbol(colour):
    """A fill of ``colour`` with thin white borders."""
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": "255,255,255", "outline_width": "0.15"})


def outline_layer(geometry, crs, name):
    """The territory outlined in black over a white halo (no fill: the choropleth shows through)."""
    layer = QgsVectorLayer("Polygon", name, "memory")
    layer.setCrs(crs)
    if geometry is not None:
        feature = QgsFeature()
        feature.setGeometry(geometry)
        layer.dataProvider().addFeatures([feature])
        layer.updateExtents()
    symbol = QgsFillSymbol.createSimple({"style": "no", "outline_color": "255,255,255", "outline_width": "1.2"})
    from qgis.core import QgsSimpleLineSymbolLayer

    symbol.appendSymbolLayer(QgsSimpleLineSymbolLayer(QColor("black"), 0.6))
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


def flow_layer(code, pairs, points, crs):
    """The largest flows out of and into ``code`` as lines, width by volume; (layer, legend entries)."""
    if not pairs:
        return None, []
    chosen = report.main_flows(pairs, code, TOP_FLOWS, placed=points)
    if not chosen:
        return None, []
    layer = QgsVectorLayer("LineString", tr("Main flows"), "memory")
    layer.setCrs(crs)
    layer.dataProvider().addAttributes([compat.make_field("direction", "string"),
                                        compat.make_field("volume", "double")])
    layer.updateFields()
    features = []
    for direction, (origin, destination, volume) in chosen:
        feature = QgsFeature(layer.fields())
        start, end = points[origin], points[destination]
        if direction == "in":  # draw the inflows slightly apart from the outflows of the same pair
            start, end = offset(start, end)
        feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(start), QgsPointXY(end)]))
        feature.setAttributes([direction, volume])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    top = max(p[2] for _, p in chosen) or 1.0
    colours = {"out": "#cb181d", "in": "#2171b5"}
    labels = {"out": tr("Largest outflows (width: volume)"),
              "in": tr("Largest inflows (width: volume)")}
    categories = []
    for direction in ("out", "in"):
        symbol = QgsLineSymbol.createSimple({"color": colours[direction], "width": "0.6",
                                             "capstyle": "round"})
        from qgis.core import QgsProperty

        symbol.symbolLayer(0).setDataDefinedProperty(
            width_property(), QgsProperty.fromExpression(f'0.4 + 2.6 * "volume" / {top!r}'))
        categories.append(QgsRendererCategory(direction, symbol, labels[direction]))
    layer.setRenderer(QgsCategorizedSymbolRenderer("direction", categories))
    entries = [("line", colours[d], labels[d]) for d in ("out", "in") if any(x == d for x, _ in chosen)]
    return layer, entries


def offset(start, end, fraction=0.02):
    """The segment ``start``-``end`` moved sideways by ``fraction`` of its length (to its left)."""
    dx, dy = end.x() - start.x(), end.y() - start.y()
    ox, oy = -dy * fraction, dx * fraction
    return QgsPointXY(start.x() + ox, start.y() + oy), QgsPointXY(end.x() + ox, end.y() + oy)


def width_property():
    """The data-defined stroke width property key (scoped in recent QGIS versions)."""
    from qgis.core import QgsSymbolLayer

    return getattr(QgsSymbolLayer.Property, "StrokeWidth", None) or getattr(QgsSymbolLayer, "PropertyStrokeWidth")


def report_crs(crs, extent):
    """The maps' CRS: the layer's own when projected, else a Lambert equal-area centred on the region."""
    if crs.isValid() and not crs.isGeographic():
        return crs
    centre = extent.center()
    local = QgsCoordinateReferenceSystem.fromProj(
        f"+proj=laea +lat_0={centre.y():.4f} +lon_0={centre.x():.4f} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs")
    return local if local.isValid() else crs


def territory_extent(geometry, transform, fallback):
    """The territory's bounding box in the maps' CRS, with a margin showing its neighbours."""
    if geometry is None or geometry.isEmpty():
        return QgsRectangle(fallback)
    extent = transform.transformBoundingBox(geometry.boundingBox())
    extent.scale(1.35)
    return extent


def fit_aspect(extent, aspect=MAP_ASPECT):
    """``extent`` grown (never cut) to the width/height ratio ``aspect`` of a map frame
    (:func:`core.report.fit_aspect`)."""
    return QgsRectangle(*report.fit_aspect(
        (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()), aspect))


def render_map(layers, extent, crs, transform_context, size=MAP_PX):
    """A PNG (base64) of ``layers`` (top first) over ``extent``."""
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(crs)
    settings.setTransformContext(transform_context)
    settings.setOutputSize(QSize(*size))
    settings.setExtent(extent)
    settings.setBackgroundColor(QColor("white"))
    settings.setOutputDpi(144)
    image = QImage(QSize(*size), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.renderSynchronously()
    painter.setPen(QColor("#999999"))
    painter.drawRect(0, 0, size[0] - 1, size[1] - 1)
    painter.end()
    return png_base64(image)
