"""The algorithm on a worker thread (as in Desktop) and inside a Processing model."""


import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProject,
)

ALG = "alliance:flowdependencies"


def test_runs_in_a_task_on_a_worker_thread(run_in_task, data_dir, tmp_path):
    parameters = {"INPUT": str(data_dir / "canada" / "ca_provinces.gpkg"), "ID_FIELD": "code",
                  "FLOWS": str(data_dir / "canada" / "ca_migration_od.csv"),
                  "LINE_MIN_SHARE": 0,  # every pair drawn (the default keeps flows of 5 % or more)
                  "OUTPUT": str(tmp_path / "t.gpkg"), "OUTPUT_LINES": str(tmp_path / "l.gpkg")}
    outcome = run_in_task(ALG, parameters)
    assert outcome.get("ok") is True
    assert outcome["results"]["PAIRS_USED"] == 90 and outcome["results"]["LINES_WRITTEN"] == 90


def build_model():
    """Territories + flow file -> flowdependencies -> only the dependent territories."""
    model = QgsProcessingModelAlgorithm("Dependent territories", "alliance tests")
    for name, definition in (
            ("territories", QgsProcessingParameterFeatureSource("territories", "Territories")),
            ("code", QgsProcessingParameterField("code", "Code", parentLayerParameterName="territories")),
            ("flows", QgsProcessingParameterFile("flows", "Flows", extension="csv"))):
        model.addModelParameter(definition, QgsProcessingModelParameter(name))
    deps = QgsProcessingModelChildAlgorithm(ALG)
    deps.setChildId("deps")
    deps.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("territories")])
    deps.addParameterSources("ID_FIELD", [QgsProcessingModelChildParameterSource.fromModelParameter("code")])
    deps.addParameterSources("FLOWS", [QgsProcessingModelChildParameterSource.fromModelParameter("flows")])
    deps.addParameterSources("THRESHOLD", [QgsProcessingModelChildParameterSource.fromStaticValue(15)])
    # As the modeler does when a child is added: every other parameter at its default.
    for definition in QgsApplication.processingRegistry().algorithmById(ALG).parameterDefinitions():
        if definition.name() not in deps.parameterSources() and not definition.isDestination():
            deps.addParameterSources(definition.name(), [
                QgsProcessingModelChildParameterSource.fromStaticValue(definition.defaultValue())])
    lines = QgsProcessingModelOutput("lines", "Flow lines")
    lines.setChildOutputName("OUTPUT_LINES")
    deps.setModelOutputs({"lines": lines})
    model.addChildAlgorithm(deps)
    extract = QgsProcessingModelChildAlgorithm("native:extractbyattribute")
    extract.setChildId("extract")
    extract.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromChildOutput("deps", "OUTPUT")])
    for key, value in (("FIELD", "role"), ("OPERATOR", 0), ("VALUE", "dependent")):
        extract.addParameterSources(key, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    dependent = QgsProcessingModelOutput("dependent", "Dependent territories")
    dependent.setChildOutputName("OUTPUT")
    extract.setModelOutputs({"dependent": dependent})
    model.addChildAlgorithm(extract)
    return model


def test_inside_a_processing_model(plugin, data_dir, tmp_path, h):
    from qgis import processing

    model = build_model()
    assert model.validate()[0], model.validate()[1]
    dependent_key, lines_key = h.model_output(model, "extract", "dependent"), h.model_output(model, "deps", "lines")
    results = processing.run(model, {
        "territories": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "code": "nuts2",
        "flows": str(data_dir / "austria" / "at_migration_od.csv"),
        dependent_key: str(tmp_path / "dependent.gpkg"), lines_key: str(tmp_path / "lines.gpkg")})
    dependent = h.features_by(results[dependent_key], "nuts2")
    assert h.features_by(results[lines_key], "origin")  # the model's second output is written
    alone = processing.run(ALG, {"INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"),
                                 "ID_FIELD": "nuts2", "FLOWS": str(data_dir / "austria" / "at_migration_od.csv"),
                                 "OUTPUT": str(tmp_path / "alone.gpkg"), "OUTPUT_LINES": "memory:"})
    expected = {code for code, f in h.features_by(alone["OUTPUT"], "nuts2").items() if f["role"] == "dependent"}
    assert expected and set(dependent) == expected


@pytest.fixture(autouse=True)
def _clean_project():
    yield
    QgsProject.instance().clear()


def test_shipped_territorial_diagnosis_model(plugin, data_dir, tmp_path, h):
    from qgis import processing

    model = QgsApplication.processingRegistry().algorithmById("alliance:territorialdiagnosis")
    assert model is not None, "the shipped model is not in the toolbox"
    assert model.validate()[0]
    report = tmp_path / "report.html"
    results = processing.run(model, {
        "territories": str(data_dir / "canada" / "ca_provinces.gpkg"), "code": "code", "population": "pop1971",
        "flows": str(data_dir / "canada" / "ca_migration_od.csv"),
        "dependencies:Dependencies": str(tmp_path / "deps.gpkg"),
        "dependencies:Flow lines (dependencies)": str(tmp_path / "lines.gpkg"),
        "areas:Attraction areas": str(tmp_path / "areas.gpkg"),
        "hierarchy:Dominant flows": str(tmp_path / "dominant.gpkg"),
        "regions:Flow regions": str(tmp_path / "regions.gpkg"),
        "scorecard:Scorecard": str(tmp_path / "scorecard.gpkg"),
        "scorecard:Scorecard (HTML)": str(report),
        "report:Territorial report (HTML)": str(tmp_path / "territorial.html"),
        "report:Territorial report (PDF)": str(tmp_path / "territorial.pdf")})
    card = h.features_by(results["scorecard:Scorecard"], "code")
    assert len(card) == 10 and card["QUE"]["r7_status"] in ("priority", "watch", "strong")
    assert report.read_text(encoding="utf-8").count("<h2>") == 10
    # The report step: an atlas of the 10 provinces, with their names (the model's name field).
    territorial = (tmp_path / "territorial.html").read_text(encoding="utf-8")
    assert territorial.count("<section class='territory'") == 10 and "Québec (QUE)" in territorial
    assert (tmp_path / "territorial.pdf").read_bytes()[:4] == b"%PDF"
