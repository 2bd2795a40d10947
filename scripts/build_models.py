"""Build the Processing models shipped in models/ (run with QGIS's Python; the .model3 files are committed).

    . scripts/env.sh && .venv/bin/python scripts/build_models.py

"Territorial diagnosis from flows" chains flow dependencies, attraction areas
(INSEE method, which needs no city field), dominant flows, flow regions
(Louvain), the recommendations scorecard and the territorial report (HTML, PDF),
its components laid out from left to right in the Graphical Modeler.

"Territorial diagnosis with resources" (models/territorial_diagnosis_resources.model3)
is the same chain plus resource balances (alliance:resourcebalance) from a table of
resource values. It is a second model rather than an optional step of the first:
a Conditional branch (native:condition) does skip a step whose input is missing
(tested: "@resources IS NOT NULL"), but QGIS 3.22 makes every output of a model
mandatory for qgis_process (the loaded model rebuilds its output parameters without
the optional flag), so the step's three outputs would break every existing
qgis_process command line of the first model.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


#: Component size in the Graphical Modeler (its default) and the grid the components sit on.
BOX = (200.0, 30.0)
COLUMN = 560.0      # from one column of algorithms to the next (room for their outputs on the right)
OUTPUT_DX = 255.0   # an output sits this far to the right of its algorithm
ROW = 150.0


def child(model, alg_id, child_id, sources, outputs=(), position=(0.0, 0.0), description=None):
    from qgis.core import (QgsApplication, QgsProcessingModelChildAlgorithm, QgsProcessingModelChildParameterSource,
                           QgsProcessingModelOutput)
    from qgis.PyQt.QtCore import QPointF, QSizeF

    algorithm = QgsProcessingModelChildAlgorithm(alg_id)
    algorithm.setChildId(child_id)
    if description:
        algorithm.setDescription(description)
    for name, source in sources.items():
        algorithm.addParameterSources(name, source if isinstance(source, list) else [source])
    for definition in QgsApplication.processingRegistry().algorithmById(alg_id).parameterDefinitions():
        if definition.name() not in algorithm.parameterSources() and not definition.isDestination():
            algorithm.addParameterSources(definition.name(), [
                QgsProcessingModelChildParameterSource.fromStaticValue(definition.defaultValue())])
    x, y = position
    algorithm.setPosition(QPointF(x, y))
    algorithm.setSize(QSizeF(*BOX))
    model_outputs = {}
    first = y - (len(outputs) - 1) * (BOX[1] + 10.0) / 2.0
    for number, (output_name, description_text) in enumerate(outputs):
        # The Graphical Modeler labels an output with its name, and the run dialog with it too: a readable one.
        out = QgsProcessingModelOutput(description_text, description_text)
        out.setChildOutputName(output_name)
        out.setChildId(child_id)
        out.setDefaultValue("TEMPORARY_OUTPUT")  # a run without this output set writes a temporary file
        out.setPosition(QPointF(x + OUTPUT_DX, first + number * (BOX[1] + 10.0)))
        out.setSize(QSizeF(*BOX))
        model_outputs[out.name()] = out
    algorithm.setModelOutputs(model_outputs)
    model.addChildAlgorithm(algorithm)


#: The second model's texts (English; processing/provider.py's model_texts would translate them).
RESOURCES_NAME = "Territorial diagnosis with resources"
RESOURCES_HELP = ("Territorial diagnosis with resources: the territorial diagnosis from flows (flow dependencies, "
                  "attraction areas, dominant flows, flow regions, scorecard, report) and the resource balances of "
                  "the territories (self-sufficiency, import dependency, local sourcing, resource-sheds) from a "
                  "table of resource values, in one run.")


def territorial_diagnosis(with_resources=False):
    from qgis.core import (QgsProcessingModelAlgorithm, QgsProcessingModelChildParameterSource as Source,
                           QgsProcessingModelParameter, QgsProcessingParameterFeatureSource,
                           QgsProcessingParameterField, QgsProcessingParameterString)
    from qgis.PyQt.QtCore import QPointF, QSizeF

    from alliance_territories.alliance_plugin.qgis_io import compat
    from alliance_territories.processing.provider import DIAGNOSIS_HELP, DIAGNOSIS_NAME

    # The display name goes through tr() when the provider loads the model (processing/provider.py).
    model = QgsProcessingModelAlgorithm(RESOURCES_NAME if with_resources else DIAGNOSIS_NAME, "Models", "alliance")
    model.setHelpContent({"ALG_DESC": RESOURCES_HELP if with_resources else DIAGNOSIS_HELP})
    inputs = (
        QgsProcessingParameterFeatureSource("territories", "Territories", [compat.SourceType.VectorPolygon]),
        QgsProcessingParameterField("code", "Territory code field", defaultValue="code",
                                    parentLayerParameterName="territories", type=compat.FieldDataType.String),
        QgsProcessingParameterField("name", "Territory name field", defaultValue="name",
                                    parentLayerParameterName="territories", type=compat.FieldDataType.String,
                                    optional=True),
        QgsProcessingParameterField("population", "Population field", defaultValue="population",
                                    parentLayerParameterName="territories", type=compat.FieldDataType.Numeric),
        QgsProcessingParameterFeatureSource("flows", "Flows (table, layer or CSV file)",
                                            [compat.SourceType.Vector]),
        QgsProcessingParameterString("territory", "Territory of the report (empty: atlas of all)",
                                     optional=True))
    if with_resources:
        inputs += (QgsProcessingParameterFeatureSource(
            "resources", "Resource values (territory, resource, production, consumption, unit)",
            [compat.SourceType.Vector]),)
    for row, definition in enumerate(inputs):
        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(120.0, 60.0 + row * 80.0))
        component.setSize(QSizeF(*BOX))
        model.addModelParameter(definition, component)
    if hasattr(model, "setParameterOrder"):
        model.setParameterOrder([d.name() for d in inputs])
    base = {"INPUT": Source.fromModelParameter("territories"), "ID_FIELD": Source.fromModelParameter("code"),
            "FLOWS": Source.fromModelParameter("flows")}
    x1, x2, x3 = 120.0 + COLUMN * 0.75, 120.0 + COLUMN * 1.75, 120.0 + COLUMN * 2.75
    child(model, "alliance:flowdependencies", "dependencies", base,
          [("OUTPUT", "Dependencies"), ("OUTPUT_LINES", "Flow lines (dependencies)")],
          position=(x1, 60.0), description="Flow dependencies")
    child(model, "alliance:functionalareas", "areas",
          {**base, "POPULATION_FIELD": Source.fromModelParameter("population"),
           "METHOD": Source.fromStaticValue(1)}, [("OUTPUT_AREAS", "Attraction areas")],
          position=(x1, 60.0 + ROW), description="Attraction areas (INSEE method)")
    child(model, "alliance:dominantflows", "hierarchy", base, [("OUTPUT_LINES", "Dominant flows")],
          position=(x1, 60.0 + 2 * ROW), description="Dominant flows")
    child(model, "alliance:flowregions", "regions", {**base, "METHOD": Source.fromStaticValue(1)},
          [("OUTPUT_REGIONS", "Flow regions")], position=(x1, 60.0 + 3 * ROW), description="Flow regions (Louvain)")
    indicators = [Source.fromChildOutput("dependencies", "OUTPUT"), Source.fromChildOutput("areas", "OUTPUT"),
                  Source.fromChildOutput("hierarchy", "OUTPUT")]
    if with_resources:  # its territories feed the scorecard's R6 and R2 rules and the report
        child(model, "alliance:resourcebalance", "resources", {
            **base, "VALUES": Source.fromModelParameter("resources")},
              [("OUTPUT", "Territories with resource indicators"), ("OUTPUT_BALANCE", "Resource balances"),
               ("OUTPUT_SHEDS", "Resource-sheds")],
              position=(x1, 60.0 + 4.5 * ROW), description="Resource balances")
        indicators.append(Source.fromChildOutput("resources", "OUTPUT"))
    child(model, "alliance:recommendationscorecard", "scorecard", {
        "INPUT": Source.fromModelParameter("territories"), "ID_FIELD": Source.fromModelParameter("code"),
        "INDICATORS": indicators},
          [("OUTPUT", "Scorecard"), ("OUTPUT_HTML", "Scorecard (HTML)")],
          position=(x2, 60.0 + 1.5 * ROW), description="Recommendations scorecard")
    child(model, "alliance:territorialreport", "report", {
        "INPUT": Source.fromModelParameter("territories"), "ID_FIELD": Source.fromModelParameter("code"),
        "NAME_FIELD": Source.fromModelParameter("name"), "TERRITORY": Source.fromModelParameter("territory"),
        "INDICATORS": indicators, "FLOW_LINES": Source.fromChildOutput("dependencies", "OUTPUT_LINES")},
          [("OUTPUT_HTML", "Territorial report (HTML)"), ("OUTPUT_PDF", "Territorial report (PDF)")],
          position=(x3, 60.0 + 1.5 * ROW), description="Territorial report")
    return model


def component_rectangles(model):
    """(label, QRectF) of every component of ``model`` as the Graphical Modeler draws it (centred boxes)."""
    from qgis.PyQt.QtCore import QRectF

    def rect(component):
        position, size = component.position(), component.size()
        return QRectF(position.x() - size.width() / 2, position.y() - size.height() / 2, size.width(),
                      size.height())

    out = [(f"input {p.parameterName()}", rect(p)) for p in model.parameterComponents().values()]
    for child_id, algorithm in model.childAlgorithms().items():
        out.append((f"algorithm {child_id}", rect(algorithm)))
        out += [(f"output {name}", rect(o)) for name, o in algorithm.modelOutputs().items()]
    return out


def main():
    sys.path.insert(0, str(Path(__import__("tempfile").mkdtemp())))
    link = Path(sys.path[0]) / "alliance_territories"
    link.symlink_to(ROOT, target_is_directory=True)
    from qgis.core import QgsApplication
    from qgis.testing import start_app

    start_app()
    sys.path.append(QgsApplication.pkgDataPath() + "/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    import alliance_territories

    plugin = alliance_territories.classFactory(None)
    plugin.initProcessing()
    if plugin.provider is None:
        raise SystemExit("the Alliance provider could not be registered")
    for with_resources, name in ((False, "territorial_diagnosis"), (True, "territorial_diagnosis_resources")):
        model = territorial_diagnosis(with_resources)
        rectangles = component_rectangles(model)
        for i, (label, one) in enumerate(rectangles):
            for other_label, other in rectangles[i + 1:]:
                if one.intersects(other):
                    raise SystemExit(f"{label} overlaps {other_label} in the Graphical Modeler")
        ok, errors = model.validate()
        if not ok:
            raise SystemExit("\n".join(errors))
        target = ROOT / "models" / f"{name}.model3"
        if not model.toFile(str(target)):
            raise SystemExit(f"could not write {target}")
        print(target)


if __name__ == "__main__":
    main()
