"""Which style a layer gets, recognised by its fields and geometry (:func:`style_plan`), and
:func:`apply_style`: its renderer, its legend title and, on small layers, labels (names or codes)."""

from qgis.core import (
    QgsPalLayerSettings,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from ...alliance_plugin.core.indicators import describe
from ...alliance_plugin.qgis_io import compat
from ...alliance_plugin.toolbelt import palette
from .names import legend_title
from .renderers import renderer_for

#: Territories with fewer features than this are labelled.
LABEL_MAX_FEATURES = 500

_CATEGORY_FIELDS = ("status", "nd_class", "fua_role", "aav_role", "region", "region_id", "growth_class",
                    "tenure_class", "degurba_label", "cell_label", "class", "flag")
_GRADUATED_FIELDS = ("main_share", "transit_share", "share_pct", "share_outlying", "lcrpgr", "sc_supply",
                     "score_per_1000", "service_score_per_1000", "distance_m", "share_urban_centre",
                     "proxy_parcels_documented", "mean_score", "share_to_core", "share_to_pole")


def style_plan(layer):
    """(kind, field) of the style :func:`apply_style` gives ``layer``; (None, None) when none fits.

    kinds: ``flow_lines``, ``dominant_lines``, ``interaction_lines``, ``shed_lines``, ``type_lines``,
    ``status``, ``classes``, ``categories``, ``regions``, ``rings``, ``flags``, ``shares``, ``ratios``,
    ``sufficiency``, ``graduated``.
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
        if {"member", "amount", "resource"} <= fields:
            return "shed_lines", "amount"
        if {"provided_ab", "flow_type"} <= fields:
            return "type_lines", "flow_type"
    if geometry not in (compat.GeometryType.Point, compat.GeometryType.Line, compat.GeometryType.Polygon):
        return None, None
    statuses = sorted(name for name in fields if name.startswith("r") and name.endswith("_status"))
    if statuses:
        return "status", statuses[0]
    if {"class", "net_contribution"} <= fields:  # alliance:reciprocity: the user's classes of territories
        return "classes", "class"
    if "self_sufficiency_min" in fields:  # alliance:resourcebalance
        return "sufficiency", "self_sufficiency_min"
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


_NAME_FIELDS = ("name", "nom", "name_en", "libelle", "lib", "nom_com", "libgeo", "label_name")


#: Results per parcel, building, patch or grid cell: their ids say nothing on a map (only territories,
#: places with a name or a code people know, are labelled).
UNLABELLED_FIELDS = {"growth_class", "class", "cell_label", "tenure_class", "access", "flag_insecure_growth",
                     "flag_hazard", "flag_agriculture_growth", "qualifies", "capacity"}


def label_field(layer):
    """The field naming the features (a name, else the code), or None."""
    from ..code_fields import code_field

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


def apply_style(layer):
    """Style ``layer`` if it carries one of our result fields; True when it did.

    The renderer shows the layer's main result (see :func:`style_plan`); the layer's title
    (metadata) says what the legend shows; small polygon and point layers get labels.
    """
    kind, field = style_plan(layer)
    if kind is None:
        return False
    renderer = renderer_for(layer, kind, field)
    if renderer is None:
        return False
    layer.setRenderer(renderer)
    title = legend_title(layer, kind, field)
    compat.set_layer_title(layer, title)
    layer.setCustomProperty("alliance/legend_title", title)
    layer.setCustomProperty("alliance/styled_field", field)
    if (layer.geometryType() in (compat.GeometryType.Polygon, compat.GeometryType.Point)
            and 0 < layer.featureCount() < LABEL_MAX_FEATURES and kind != "rings"
            and (field not in UNLABELLED_FIELDS or kind == "classes") and not layer.customProperty("alliance/overlay")):
        name = label_field(layer)
        if name:
            add_labels(layer, name)
    layer.triggerRepaint()
    return True
