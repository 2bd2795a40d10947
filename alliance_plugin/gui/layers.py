"""What the dock needs to know about the project's layers, and the one-click sample run."""

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from ..core.scorecard import RULES
from ..toolbelt.i18n import tr
from ..toolbelt.resources import sample_path
from ..qgis_io import compat

RULE_FIELDS = {rule["field"] for rule in RULES}
CONTEXT_FIELDS = {"main_partner", "fua_id", "nd_parent"}
NAME_FIELDS = ("name", "nom", "name_latn", "label")


def python_value(value):
    """A QVariant (NULL included) becomes a Python value or None."""
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    return value


def is_alliance_layer(layer):
    """A valid polygon layer holding at least one field the scorecard reads."""
    return (isinstance(layer, QgsVectorLayer) and layer.isValid()
            and layer.geometryType() == compat.GeometryType.Polygon
            and bool(RULE_FIELDS & set(layer.fields().names())))


def default_code_field(layer):
    """The first text field that is not an indicator: the territory code in our outputs."""
    for field in layer.fields():
        if compat.is_text_field(field) and field.name() not in RULE_FIELDS | CONTEXT_FIELDS:
            return field.name()
    return layer.fields().names()[0] if layer.fields().count() else ""


def run_sample(project):
    """Add the Austrian regions to ``project`` and run alliance:flowdependencies through Processing.

    The sample is tiny (9 regions, 72 flows): ``runAndLoadResults`` loads the outputs in the
    project. Returns the territories output layer, or None when the sample is missing.
    """
    from qgis import processing

    regions = QgsVectorLayer(str(sample_path("austria", "at_nuts2_regions.gpkg")), tr("Austria NUTS 2"), "ogr")
    if not regions.isValid():
        raise FileNotFoundError(tr("The sample data is missing from the plugin folder."))
    project.addMapLayer(regions)
    parameters = {"INPUT": regions, "ID_FIELD": "nuts2",
                  "FLOWS": str(sample_path("austria", "at_migration_od.csv")),
                  "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_LINES": "TEMPORARY_OUTPUT"}
    results = processing.runAndLoadResults("alliance:flowdependencies", parameters)
    output = results.get("OUTPUT")
    layer = output if isinstance(output, QgsVectorLayer) else project.mapLayer(str(output))
    if layer is None:  # the id changed on loading: take the newest indicator layer
        layer = next((candidate for candidate in reversed(list(project.mapLayers().values()))
                      if is_alliance_layer(candidate)), None)
    return layer
