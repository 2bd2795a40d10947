"""Build the Processing models shipped in models/ (run with QGIS's Python; the .model3 files are committed).

    . scripts/env.sh && .venv/bin/python scripts/build_models.py

"Territorial diagnosis from flows" chains flow dependencies, attraction areas
(INSEE method, which needs no city field), dominant flows, flow regions
(Louvain) and the recommendations scorecard with its HTML report.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def child(model, alg_id, child_id, sources, outputs=()):
    from qgis.core import (QgsApplication, QgsProcessingModelChildAlgorithm, QgsProcessingModelChildParameterSource,
                           QgsProcessingModelOutput)

    algorithm = QgsProcessingModelChildAlgorithm(alg_id)
    algorithm.setChildId(child_id)
    for name, source in sources.items():
        algorithm.addParameterSources(name, source if isinstance(source, list) else [source])
    for definition in QgsApplication.processingRegistry().algorithmById(alg_id).parameterDefinitions():
        if definition.name() not in algorithm.parameterSources() and not definition.isDestination():
            algorithm.addParameterSources(definition.name(), [
                QgsProcessingModelChildParameterSource.fromStaticValue(definition.defaultValue())])
    model_outputs = {}
    for output_name, description in outputs:
        out = QgsProcessingModelOutput(f"{child_id}_{output_name}".lower(), description)
        out.setChildOutputName(output_name)
        out.setChildId(child_id)
        model_outputs[out.name()] = out
    algorithm.setModelOutputs(model_outputs)
    model.addChildAlgorithm(algorithm)


def territorial_diagnosis():
    from qgis.core import (QgsProcessingModelAlgorithm, QgsProcessingModelChildParameterSource as Source,
                           QgsProcessingModelParameter, QgsProcessingParameterFeatureSource,
                           QgsProcessingParameterField, QgsProcessingParameterFile)

    from alliance_territories.alliance_plugin.qgis_io import compat

    model = QgsProcessingModelAlgorithm("territorialdiagnosis", "Models", "alliance")
    model.setHelpContent({"ALG_DESC": "Territorial diagnosis from flows: flow dependencies, attraction areas "
                                      "(INSEE method), dominant flows, flow regions (Louvain) and the "
                                      "recommendations scorecard with its HTML report, in one run."})
    for definition in (
            QgsProcessingParameterFeatureSource("territories", "Territories", [compat.SourceType.VectorPolygon]),
            QgsProcessingParameterField("code", "Territory code field", parentLayerParameterName="territories"),
            QgsProcessingParameterField("population", "Population field", parentLayerParameterName="territories",
                                        type=compat.FieldDataType.Numeric),
            QgsProcessingParameterFile("flows", "Flows (CSV file)", extension="csv")):
        model.addModelParameter(definition, QgsProcessingModelParameter(definition.name()))
    base = {"INPUT": Source.fromModelParameter("territories"), "ID_FIELD": Source.fromModelParameter("code"),
            "FLOWS": Source.fromModelParameter("flows")}
    child(model, "alliance:flowdependencies", "dependencies", base,
          [("OUTPUT", "Dependencies"), ("OUTPUT_LINES", "Flow lines")])
    child(model, "alliance:functionalareas", "areas",
          {**base, "POPULATION_FIELD": Source.fromModelParameter("population"),
           "METHOD": Source.fromStaticValue(1)}, [("OUTPUT_AREAS", "Attraction areas")])
    child(model, "alliance:dominantflows", "hierarchy", base, [("OUTPUT_LINES", "Dominant flows")])
    child(model, "alliance:flowregions", "regions", {**base, "METHOD": Source.fromStaticValue(1)},
          [("OUTPUT_REGIONS", "Flow regions")])
    child(model, "alliance:recommendationscorecard", "scorecard", {
        "INPUT": Source.fromModelParameter("territories"), "ID_FIELD": Source.fromModelParameter("code"),
        "INDICATORS": [Source.fromChildOutput("dependencies", "OUTPUT"), Source.fromChildOutput("areas", "OUTPUT"),
                       Source.fromChildOutput("hierarchy", "OUTPUT")]},
          [("OUTPUT", "Scorecard"), ("OUTPUT_HTML", "Scorecard report")])
    return model


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
    model = territorial_diagnosis()
    ok, errors = model.validate()
    if not ok:
        raise SystemExit("\n".join(errors))
    target = ROOT / "models" / "territorial_diagnosis.model3"
    if not model.toFile(str(target)):
        raise SystemExit(f"could not write {target}")
    print(target)


if __name__ == "__main__":
    main()
