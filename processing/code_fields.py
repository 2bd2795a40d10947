"""Field parameters that default to the field a person would choose: a code, a population, never ``fid``.

QGIS 3.22's dialog (the C++ ``QgsProcessingFieldWidgetWrapper``) fills a field combo box with
the parent layer's fields and selects the parameter's default when the layer has it;
otherwise the first field, which in a GeoPackage is ``fid`` (an optional parameter shows
empty). A default is one name, known before the layer: it cannot fit every layer. So the
code-like parameters get a widget wrapper (``widget_wrapper`` metadata, read by Processing's
``WidgetWrapperFactory``): QGIS's own field wrapper, which, each time the parent layer is
set, selects :func:`code_field` (or :func:`population_field`) of that layer. The parameter,
its value in scripts, models and ``qgis_process`` are unchanged.
"""

import re

from qgis.core import QgsProcessingParameterField

#: Names that look like a territory code, best first (lower case; a prefix match counts too).
CODE_NAMES = ("code", "nuts_id", "nuts3", "nuts2", "nuts1", "nuts", "insee_com", "codgeo", "insee", "geo_code",
              "geocode", "code_insee", "com", "depcom", "lau_id", "lau", "gisco_id", "geoid", "id", "uid", "key")
_NEVER = {"fid", "ogc_fid", "objectid", "gid", "rowid", "ogr_fid"}
_CODE_PATTERN = re.compile(r"(^|_)(code|cod|id|nuts\d?|insee|geoid|lau|gisco)(_|$|\d)", re.IGNORECASE)
_POPULATION = re.compile(r"(^|_)(pop|population|inhabitants|habitants|pmun|ptot|einwohner)", re.IGNORECASE)


def _is_text(field):
    return field.type() in (10,) or field.typeName().lower() in ("string", "text", "varchar", "char")


def code_field(fields, strict=False):
    """The name of the field of ``fields`` (a QgsFields) that looks most like a territory code.

    A text field named like a code first (``code``, ``nuts2``, ``codgeo``, ``*_id``...), then
    a numeric one named like a code, then (unless ``strict``) the first text field that is not
    a name; never ``fid`` and its kin. None when nothing fits.
    """
    candidates = [f for f in fields if f.name().lower() not in _NEVER]
    by_lower = {f.name().lower(): f for f in candidates}

    def ranked(text):
        for name in CODE_NAMES:
            field = by_lower.get(name)
            if field is not None and _is_text(field) == text:
                return field.name()
        for field in candidates:
            if _CODE_PATTERN.search(field.name()) and _is_text(field) == text:
                return field.name()
        return None

    found = ranked(True) or ranked(False)
    if found or strict:
        return found
    texts = [f for f in candidates if _is_text(f)]
    not_names = [f for f in texts if not re.search(r"name|nom|lib", f.name(), re.IGNORECASE)]
    chosen = (not_names or texts or [None])[0]
    return chosen.name() if chosen is not None else None


def population_field(fields, strict=False):
    """The numeric field that looks like a population (the latest year when several), or None."""
    numeric = [f for f in fields if f.isNumeric() and f.name().lower() not in _NEVER]
    named = [f for f in numeric if _POPULATION.search(f.name())]
    if named:
        return max(named, key=lambda f: (re.findall(r"\d{4}", f.name()) or [""])[-1]).name()
    return None


def chooser(definition):
    """The chooser of a field parameter: code, population or None (left to QGIS)."""
    name = definition.name().upper()
    if name.endswith("ID_FIELD") or name in ("TERRITORY_FIELD", "CODE_FIELD"):
        return code_field
    if name.startswith("POPULATION_FIELD") and not definition.allowMultiple():
        return population_field
    return None


def make_smart(definition):
    """Attach the widget wrapper choosing a sensible field to ``definition`` when it is a code or population field."""
    if not isinstance(definition, QgsProcessingParameterField) or chooser(definition) is None:
        return definition
    if definition.defaultValue() not in (None, ""):
        return definition
    metadata = definition.metadata()
    metadata.setdefault("widget_wrapper", {})
    if isinstance(metadata["widget_wrapper"], dict) and "class" not in metadata["widget_wrapper"]:
        metadata["widget_wrapper"]["class"] = f"{__name__}.SmartFieldWrapper"  # a path: metadata stays serialisable
        definition.setMetadata(metadata)
    return definition


def _pick(definition, layer):
    """The field name to select in ``layer`` for ``definition`` (None: leave QGIS's choice)."""
    choose = chooser(definition)
    if layer is None or choose is None or not hasattr(layer, "fields"):
        return None
    from ..alliance_plugin.qgis_io import compat

    optional = bool(definition.flags() & compat.ParameterFlag.Optional)
    return choose(layer.fields(), strict=optional)


class SmartFieldWrapper:
    """Processing's field wrapper, then the code (or population) field of the parent layer selected.

    Built by ``WidgetWrapperFactory.create_wrapper_from_metadata(param, dialog, row, col)``:
    it returns QGIS's own C++ wrapper (so the dialog sees the usual widget) and follows its
    parent layer.
    """

    def __new__(cls, param, dialog, row=0, col=0, **kwargs):
        from qgis.gui import QgsGui, QgsProcessingGui

        kind = {"ModelerParametersDialog": QgsProcessingGui.WidgetType.Modeler,
                "BatchAlgorithmDialog": QgsProcessingGui.WidgetType.Batch,
                "BatchPanel": QgsProcessingGui.WidgetType.Batch}.get(
                    type(dialog).__name__, QgsProcessingGui.WidgetType.Standard)
        registry = QgsGui.processingGuiRegistry()
        if kind == QgsProcessingGui.WidgetType.Modeler:
            wrapper = registry.createModelerParameterWidget(dialog.model, dialog.childId, param, dialog.context)
            if wrapper is not None:
                wrapper.setDialog(dialog)
            return wrapper
        wrapper = registry.createParameterWidgetWrapper(param, kind)
        if wrapper is None:
            return None
        wrapper.setDialog(dialog)
        if kind == QgsProcessingGui.WidgetType.Standard:
            follow_parent(wrapper, param)
        return wrapper


def follow_parent(wrapper, param):
    """After QGIS filled ``wrapper``'s combo box for a new parent layer, select the sensible field."""

    def adjust(*_):
        layer = _layer_of(wrapper)
        name = _pick(param, layer)
        current = wrapper.parameterValue()
        current = current[0] if isinstance(current, list) and current else current
        if name and current != name:
            from qgis.core import QgsProcessingContext

            wrapper.setParameterValue(name, QgsProcessingContext())

    original = wrapper.postInitialize

    def post_initialize(wrappers):
        original(wrappers)
        for other in wrappers:
            if other.parameterDefinition().name() == param.parentLayerParameterName():
                wrapper._alliance_parent = other
                other.widgetValueHasChanged.connect(adjust)  # after QGIS's own slot: connected later
                adjust()
                break

    wrapper.postInitialize = post_initialize
    return wrapper


def _layer_of(wrapper):
    """The vector layer behind the parent wrapper's value, or None."""
    parent = getattr(wrapper, "_alliance_parent", None)
    if parent is None:
        return None
    from qgis.core import (QgsProcessingContext, QgsProcessingFeatureSourceDefinition, QgsProcessingUtils,
                           QgsProject, QgsVectorLayer)

    value = parent.parameterValue()
    if isinstance(value, QgsVectorLayer):
        return value
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source.staticValue()
    if not isinstance(value, str) or not value:
        return None
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    layer = QgsProcessingUtils.mapLayerFromString(value, context, True)
    wrapper._alliance_context = context  # owns a layer loaded from a file: keep it while it is read
    return layer if isinstance(layer, QgsVectorLayer) else None
