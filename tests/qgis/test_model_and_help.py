"""The shipped model as a user meets it in the Graphical Modeler, and the help every algorithm opens."""

import re
from pathlib import Path

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QRectF, QSettings, QUrl

MODEL = "alliance:territorialdiagnosis"


def _rect(component):
    position, size = component.position(), component.size()
    return QRectF(position.x() - size.width() / 2, position.y() - size.height() / 2, size.width(), size.height())


def _components(model):
    out = [(f"input {p.parameterName()}", _rect(p)) for p in model.parameterComponents().values()]
    for child_id, algorithm in model.childAlgorithms().items():
        out.append((f"algorithm {child_id}", _rect(algorithm)))
        out += [(f"output {name}", _rect(o)) for name, o in algorithm.modelOutputs().items()]
    return out


def test_model_components_do_not_overlap_and_flow_left_to_right(plugin):
    model = QgsApplication.processingRegistry().algorithmById(MODEL)
    components = _components(model)
    assert len(components) == 6 + 6 + 9  # inputs, algorithms, outputs
    for i, (name, one) in enumerate(components):
        assert one.width() > 0 and one.height() > 0, name
        for other_name, other in components[i + 1:]:
            assert not one.intersects(other), (name, other_name)
    rects = dict(components)
    # inputs on the left, then the algorithms that read them, the scorecard, the report on the right
    assert max(r.right() for n, r in components if n.startswith("input")) < rects["algorithm dependencies"].left()
    assert rects["algorithm dependencies"].right() < rects["algorithm scorecard"].left()
    assert rects["algorithm scorecard"].right() < rects["algorithm report"].left()
    # each output next to its algorithm: to its right, at about its height
    for child_id, algorithm in model.childAlgorithms().items():
        for name, output in algorithm.modelOutputs().items():
            box, out = rects[f"algorithm {child_id}"], rects[f"output {name}"]
            assert 0 < out.left() - box.right() < 100 and abs(out.center().y() - box.center().y()) < 60, name


def test_model_inputs_in_a_natural_order_with_sensible_defaults(plugin):
    model = QgsApplication.processingRegistry().algorithmById(MODEL)
    inputs = [d for d in model.parameterDefinitions() if not d.isDestination()]
    assert [d.name() for d in inputs] == ["territories", "code", "name", "population", "flows", "territory"]
    defaults = {d.name(): d.defaultValue() for d in inputs}
    assert defaults["code"] == "code" and defaults["population"] == "population" and defaults["name"] == "name"
    assert "fid" not in defaults.values()
    children = {c.algorithmId() for c in model.childAlgorithms().values()}
    assert "alliance:territorialreport" in children
    assert model.displayName() == "Territorial diagnosis from flows"


def test_model_name_in_french(plugin):
    from alliance_territories.alliance_plugin.toolbelt import i18n

    QSettings().setValue("locale/userLocale", "fr")
    i18n.remove_translator()
    i18n.install_translator()
    try:
        model = QgsApplication.processingRegistry().algorithmById(MODEL)
        assert model.displayName() == "Diagnostic territorial à partir des flux"
        assert model.shortHelpString().startswith("Diagnostic territorial à partir des flux :")
        assert QUrl(model.helpUrl()).toLocalFile().endswith("help/fr/index.html")
        from alliance_territories.processing.provider import MODELS, ShippedModel

        loaded = ShippedModel(str(MODELS / "territorial_diagnosis.model3"))  # as QGIS in French loads it
        labels = {d.name(): d.description() for d in loaded.parameterDefinitions()}
        assert labels["code"] == "Champ de code des territoires"
        assert labels["report:Territorial report (PDF)"] == "Rapport territorial (PDF)"
    finally:
        QSettings().setValue("locale/userLocale", "en")
        i18n.remove_translator()


def _ids(path):
    return set(re.findall(r'id="([^"]+)"', Path(path).read_text(encoding="utf-8")))


@pytest.mark.parametrize("language, page", [("en", "help/index.html"), ("fr", "help/fr/index.html")])
def test_every_algorithm_opens_its_section_of_the_shipped_help(plugin, repo, language, page):
    from alliance_territories.processing.base import help_url

    algorithms = QgsApplication.processingRegistry().providerById("alliance").algorithms()
    assert len(algorithms) >= 16
    for algorithm in algorithms:
        url = QUrl(help_url(algorithm.name(), language))
        assert url.isLocalFile(), algorithm.id()
        path = Path(url.toLocalFile())
        assert path.exists() and path.resolve() == (repo / page).resolve(), (algorithm.id(), path)
        assert url.fragment() in _ids(path), (algorithm.id(), url.fragment())
        assert QUrl(algorithm.helpUrl()).isLocalFile() and Path(QUrl(algorithm.helpUrl()).toLocalFile()).exists()


def test_help_pages_link_to_what_exists_and_name_no_missing_file(repo):
    for page in (repo / "help" / "index.html", repo / "help" / "fr" / "index.html"):
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r'href="([^"#]+)', text):
            assert (page.parent / target).exists(), (page, target)
        for anchor in re.findall(r'href="#([^"]+)"', text):
            assert anchor in _ids(page), (page, anchor)
        assert "methods.md" not in text and "scorecard.py" not in text and "http" not in text


def test_no_user_visible_text_names_a_file_users_do_not_have(repo):
    """Help strings, reports and messages: no methods.md, no source file (module docstrings aside)."""
    import ast

    for folder in ("processing", "alliance_plugin"):
        for path in (repo / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                          if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
                          and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                    assert "methods.md" not in node.value and "scorecard.py" not in node.value, (path, node.lineno)


RESOURCES_MODEL = "alliance:territorialdiagnosisresources"


def test_second_model_adds_resource_balances_and_runs_on_the_resource_sample(plugin, repo, tmp_path, h):
    """The shipped model "with resources": the first model's chain plus alliance:resourcebalance, its values table
    a required input; run on the constructed Paris-basin case it gives the README's 30 deficits."""
    from qgis import processing

    model = QgsApplication.processingRegistry().algorithmById(RESOURCES_MODEL)
    assert model is not None and model.validate()[0]
    first = QgsApplication.processingRegistry().algorithmById(MODEL)
    children = {c.algorithmId() for c in model.childAlgorithms().values()}
    assert children == {c.algorithmId() for c in first.childAlgorithms().values()} | {"alliance:resourcebalance"}
    inputs = [d.name() for d in model.parameterDefinitions() if not d.isDestination()]
    assert inputs == ["territories", "code", "name", "population", "flows", "territory", "resources"]
    assert not model.parameterDefinition("resources").flags() & model.parameterDefinition("resources").FlagOptional
    components = _components(model)
    assert len(components) == 7 + 7 + 12
    for i, (name, one) in enumerate(components):
        for other_name, other in components[i + 1:]:
            assert not one.intersects(other), (name, other_name)
    step = model.childAlgorithm("resources")
    assert step.parameterSources()["VALUES"][0].parameterName() == "resources"
    sample = repo / "sample_data" / "resources"
    outputs = {h.model_output(model, child, name):
               str(tmp_path / f"{child}_{n}.{'html' if 'HTML' in name else 'pdf' if 'PDF' in name else 'gpkg'}")
               for n, (child, name) in enumerate(
                   (c, o) for c, a in model.childAlgorithms().items() for o in a.modelOutputs())}
    results = processing.run(model, {
        "territories": str(sample / "paris_basin_departements.gpkg"), "code": "code", "name": "name",
        "population": "population", "flows": str(sample / "flows_constructed.csv"), "territory": "75",
        "resources": str(sample / "resources_constructed.csv"), **outputs})
    from qgis.core import QgsVectorLayer

    balance = QgsVectorLayer(results[h.model_output(model, "resources", "Resource balances")], "balance", "ogr")
    rows = [dict(zip(balance.fields().names(), f.attributes())) for f in balance.getFeatures()]
    assert len(rows) == 48 and sum(r["net"] < 0 for r in rows) == 30
    territories = QgsVectorLayer(results[h.model_output(model, "resources", "Territories with resource indicators")],
                                 "t", "ogr")
    deficits = {f["code"]: f["deficit_resources"] for f in territories.getFeatures()}
    assert deficits["75"] == "food,water,energy" and deficits["10"] == ""
    assert (tmp_path / next(p for k, p in outputs.items() if k.endswith("(PDF)"))).read_bytes()[:4] == b"%PDF"
    # The resource balances feed the scorecard: Paris (75) produces 0.1 % of the food it eats (README), so its
    # lowest self-sufficiency is under the 50 % bound of the R6 rule: priority, and R6 names it.
    card = QgsVectorLayer(results[h.model_output(model, "scorecard", "Scorecard")], "card", "ogr")
    paris = next(f for f in card.getFeatures() if f["code"] == "75")
    assert paris["r6_status"] == "priority" and "food" in paris["r6_text"], paris["r6_text"]
