"""Styles, names and order of our output layers once QGIS loads them.

:func:`apply_style` recognises a layer by its fields (and geometry) and gives it the
renderer that shows its main result: categories with the fixed colours of
:mod:`alliance_plugin.toolbelt.palette` for class fields, graduated colours with
readable bounds ("15 - 30 %") for shares and ratios, arrows for flow lines, and
labels (names or codes) on small territory layers. :func:`order_layers` puts points
above lines above polygons. :func:`register_outputs`, called by every algorithm
(``AllianceAlgorithm.processAlgorithm``), attaches a :class:`StylePostProcessor` to
every output QGIS will load, with a distinct, translated layer name: the style, the
name and the order hold in Desktop runs, in models and with ``runAndLoadResults``;
``qgis_process`` loads nothing and is not affected.
"""

from qgis.core import (
    QgsArrowSymbolLayer,
    QgsCategorizedSymbolRenderer,
    QgsClassificationRange,
    QgsGraduatedSymbolRenderer,
    QgsLayerTreeGroup,
    QgsLayerTreeLayer,
    QgsLineSymbol,
    QgsPalLayerSettings,
    QgsProcessingLayerPostProcessorInterface,
    QgsProject,
    QgsProperty,
    QgsRendererCategory,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsSymbol,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from ..alliance_plugin.core.indicators import describe
from ..alliance_plugin.qgis_io import compat
from ..alliance_plugin.toolbelt import palette
from ..alliance_plugin.toolbelt.i18n import tr

#: Territories with fewer features than this are labelled.
LABEL_MAX_FEATURES = 500


def layer_names():
    """Distinct layer names of the outputs, by (algorithm name, output key); others keep their description."""
    return {
        ("flowdependencies", "OUTPUT"): tr("Flow dependencies: main partner's share"),
        ("flowdependencies", "OUTPUT_LINES"): tr("Flow lines (dependencies)"),
        ("dominantflows", "OUTPUT"): tr("Urban hierarchy (Nystuen-Dacey classes)"),
        ("dominantflows", "OUTPUT_LINES"): tr("Dominant flows"),
        ("flowregions", "OUTPUT"): tr("Territories by flow region"),
        ("flowregions", "OUTPUT_REGIONS"): tr("Flow regions"),
        ("flowregions", "OUTPUT_HISTORY"): tr("Intramax merges"),
        ("functionalareas", "OUTPUT"): tr("Functional areas: role of each territory"),
        ("functionalareas", "OUTPUT_AREAS"): tr("Functional areas"),
        ("spatialinteraction", "OUTPUT_LINES"): tr("Flow lines (spatial interaction)"),
        ("spatialinteraction", "OUTPUT_PARAMETERS"): tr("Spatial interaction: model parameters"),
    }


def value_labels():
    """Legend labels of the class values (translated)."""
    return {
        "pole": tr("Pole"), "interdependent": tr("Interdependent"), "dependent": tr("Dependent"),
        "autonomous": tr("Autonomous"), "isolated": tr("Isolated"),
        "dominant": tr("Dominant"), "intermediate": tr("Intermediate"), "dominated": tr("Dominated"),
        "independent": tr("Independent"),
        "city core": tr("City core"), "commuting zone": tr("Commuting zone"), "outside": tr("Outside"),
        "secondary pole": tr("Secondary pole"), "crown": tr("Crown"),
        "infill": tr("Infill"), "edge_expansion": tr("Edge expansion"), "outlying": tr("Outlying"),
        "urban built-up": tr("Urban built-up"), "suburban built-up": tr("Suburban built-up"),
        "fringe open space": tr("Fringe open space"), "captured open space": tr("Captured open space"),
        "rural built-up": tr("Rural built-up"),
        "ok": tr("Ratio defined"), "stagnating": tr("Population stagnating"),
        "declining": tr("Population declining"), "no_built_up": tr("No built-up"),
        "no_population": tr("No population"), "missing": tr("Missing data"),
        "urban centre": tr("Urban centre"), "urban cluster": tr("Urban cluster"),
        "rural grid cell": tr("Rural grid cell"), "no data": tr("No data"),
        "city": tr("City"), "town and semi-dense area": tr("Town and semi-dense area"),
        "rural area": tr("Rural area"),
        "documented": tr("Documented"), "public": tr("Public"), "customary": tr("Customary"),
        "informal": tr("Informal"), "unknown": tr("Unknown"),
        "priority": tr("Priority"), "watch": tr("Watch"), "strong": tr("Strong"),
        "not measurable": tr("Not measurable"),
    }


def field_titles():
    """What a layer styled on a field shows, for its legend (translated)."""
    return {
        "role": tr("Role in the flow network"),
        "nd_class": tr("Place in the urban hierarchy"),
        "fua_role": tr("Role in the functional urban area"),
        "aav_role": tr("Role in the catchment area"),
        "growth_class": tr("Growth type"),
        "class": tr("Urban extent class"),
        "flag": tr("SDG 11.3.1 ratio"),
        "cell_label": tr("Degree of urbanisation of the grid cells"),
        "degurba_label": tr("Degree of urbanisation"),
        "tenure_class": tr("Tenure class"),
        "status": tr("Status"),
        "region": tr("Flow region"),
        "region_id": tr("Flow region"),
        "area_id": tr("Functional area"),
        "label": tr("Growth ring"),
        "main_share": tr("Main partner's share of the outflow"),
        "volume": tr("Flow volume"),
    }


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


def _present(layer, names):
    fields = set(layer.fields().names())
    return [name for name in names if name in fields]


_CATEGORY_FIELDS = ("status", "nd_class", "fua_role", "aav_role", "region", "region_id", "growth_class",
                    "tenure_class", "degurba_label", "cell_label", "class", "flag")
_GRADUATED_FIELDS = ("main_share", "transit_share", "share_pct", "share_outlying", "lcrpgr", "sc_supply",
                     "score_per_1000", "service_score_per_1000", "distance_m", "share_urban_centre",
                     "proxy_parcels_documented", "mean_score", "share_to_core", "share_to_pole")


def style_plan(layer):
    """(kind, field) of the style :func:`apply_style` gives ``layer``; (None, None) when none fits.

    kinds: ``flow_lines``, ``dominant_lines``, ``interaction_lines``, ``status``, ``categories``,
    ``regions``, ``rings``, ``flags``, ``shares``, ``ratios``, ``graduated``.
    """
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return None, None
    fields = set(layer.fields().names())
    geometry = layer.geometryType()
    if geometry == compat.GeometryType.Line:
        if {"nd_level", "volume"} <= fields and "share_origin" not in fields:
            return "dominant_lines", "volume"
        if {"observed", "expected"} <= fields:
            return "interaction_lines", "observed"
        if "volume" in fields:
            return "flow_lines", "volume"
    if geometry not in (compat.GeometryType.Point, compat.GeometryType.Line, compat.GeometryType.Polygon):
        return None, None
    statuses = sorted(name for name in fields if name.startswith("r") and name.endswith("_status"))
    if statuses:
        return "status", statuses[0]
    for name in _CATEGORY_FIELDS:
        if name in fields:
            if name in ("region", "region_id"):
                return "regions", name
            return ("status" if name == "status" else "categories"), name
    if "area_id" in fields and "units" in fields:
        return "regions", "area_id"
    if {"label", "band"} <= fields:
        return "rings", "label"
    for name in palette.FLAG_FIELDS:
        if name in fields:
            return "flags", name
    for name in _GRADUATED_FIELDS:
        if name in fields:
            spec = describe(name) or {}
            return ("shares" if spec.get("kind") == "share" else "ratios" if name == "lcrpgr" else "graduated"), name
    prefixed = sorted(name for name in fields if name.endswith("_main_share"))
    if prefixed:
        return "shares", prefixed[0]
    if "role" in fields:
        return "categories", "role"
    return None, None


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


def _renderer(layer, kind, field):
    geometry = layer.geometryType()
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


_NAME_FIELDS = ("name", "nom", "name_en", "libelle", "lib", "nom_com", "libgeo", "label_name")


#: Results per parcel, building, patch or grid cell: their ids say nothing on a map (only territories,
#: places with a name or a code people know, are labelled).
UNLABELLED_FIELDS = {"growth_class", "class", "cell_label", "tenure_class", "access", "flag_insecure_growth",
                     "flag_hazard", "flag_agriculture_growth", "qualifies", "capacity"}


def label_field(layer):
    """The field naming the features (a name, else the code), or None."""
    from .code_fields import code_field

    by_lower = {name.lower(): name for name in layer.fields().names()}
    for candidate in _NAME_FIELDS:
        if candidate in by_lower:
            return by_lower[candidate]
    return code_field(layer.fields())


def add_labels(layer, field):
    """Plain labels of ``field`` with a white halo, shown on small layers only."""
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    text = QgsTextFormat()
    text.setSize(8)
    text.setColor(QColor("#252525"))
    halo = QgsTextBufferSettings()
    halo.setEnabled(True)
    halo.setSize(0.8)
    halo.setColor(QColor("white"))
    text.setBuffer(halo)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def legend_title(layer, kind, field):
    """What the layer shows, in words: the field's title or the indicator's label (translated)."""
    titles = field_titles()
    if field in titles:
        return titles[field]
    if kind == "status":
        number = field[1:].split("_")[0]
        return tr("Status of recommendation {n}").format(n=number)
    spec = describe(field)
    translate = tr  # the indicator labels of core/indicators.py are extracted from there
    return translate(spec["label"]) if spec else field


def apply_style(layer):
    """Style ``layer`` if it carries one of our result fields; True when it did.

    The renderer shows the layer's main result (see :func:`style_plan`); the layer's title
    (metadata) says what the legend shows; small polygon and point layers get labels.
    """
    kind, field = style_plan(layer)
    if kind is None:
        return False
    renderer = _renderer(layer, kind, field)
    if renderer is None:
        return False
    layer.setRenderer(renderer)
    title = legend_title(layer, kind, field)
    compat.set_layer_title(layer, title)
    layer.setCustomProperty("alliance/legend_title", title)
    layer.setCustomProperty("alliance/styled_field", field)
    if (layer.geometryType() in (compat.GeometryType.Polygon, compat.GeometryType.Point)
            and 0 < layer.featureCount() < LABEL_MAX_FEATURES and kind != "rings"
            and field not in UNLABELLED_FIELDS and not layer.customProperty("alliance/overlay")):
        name = label_field(layer)
        if name:
            add_labels(layer, name)
    layer.triggerRepaint()
    return True


def _rank(node):
    """Drawing rank of a layer-tree node: tables 0, points 1, lines 2, dissolved regions 2.5, polygons 3,
    rasters and groups 4."""
    if isinstance(node, QgsLayerTreeLayer):
        layer = node.layer()
        if layer is None:
            return 4
        if isinstance(layer, QgsVectorLayer):
            if layer.geometryType() == compat.GeometryType.Polygon and layer.customProperty("alliance/overlay"):
                return 2.5  # outlines of dissolved regions over the territories they group
            return {compat.GeometryType.Point: 1, compat.GeometryType.Line: 2,
                    compat.GeometryType.Polygon: 3}.get(layer.geometryType(), 0)
        return 4
    return 4


def order_layers(root=None):
    """Points above lines above polygons (above rasters) in ``root`` and its groups; stable otherwise.

    ``root`` is a QgsProject, a layer-tree group or None (the current project).
    """
    if root is None:
        root = QgsProject.instance()
    if isinstance(root, QgsProject):
        root = root.layerTreeRoot()
    children = root.children()
    wanted = sorted(children, key=_rank)
    if wanted != children:
        for position, node in enumerate(wanted):
            current = root.children().index(node) if node in root.children() else None
            if current == position:
                continue
            clone = node.clone()
            root.insertChildNode(position, clone)
            root.removeChildNode(node)
    for child in root.children():
        if isinstance(child, QgsLayerTreeGroup):
            order_layers(child)


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
