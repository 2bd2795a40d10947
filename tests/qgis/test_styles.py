"""QGIS tier: every output loaded into a project is named, styled from the palette and ordered."""

import pytest
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsGraduatedSymbolRenderer,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from alliance_territories.alliance_plugin.qgis_io import compat
from alliance_territories.alliance_plugin.toolbelt import palette

AUSTRIA = {"ID_FIELD": "nuts2"}


def austria(data_dir):
    return {"INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
            "FLOWS": str(data_dir / "austria" / "at_migration_od.csv")}


def run_and_load(alg_id, parameters, tmp_path):
    """processing.runAndLoadResults into a cleared project; returns {layer name: layer}."""
    from qgis import processing

    project = QgsProject.instance()
    project.clear()
    for key in [k for k in parameters if k.startswith("OUTPUT")]:
        parameters[key] = str(tmp_path / f"{alg_id.split(':')[1]}_{key.lower()}.gpkg")
    processing.runAndLoadResults(alg_id, parameters)
    return {layer.name(): layer for layer in project.mapLayers().values()}


def tree_names():
    return [node.name() for node in QgsProject.instance().layerTreeRoot().children()]


def colours(renderer):
    return {str(c.value()): c.symbol().color().name() for c in renderer.categories()}


def test_palette_statuses_and_distinct_growth_colours():
    assert palette.STATUS_COLOURS == {"priority": "#d7301f", "watch": "#fdae61", "strong": "#1a9850",
                                      "not measurable": "#bdbdbd"}
    growth = dict(palette.CLASSES["growth_class"])
    from qgis.PyQt.QtGui import QColor

    hues = sorted(QColor(c).hue() for c in growth.values())
    assert min(b - a for a, b in zip(hues, hues[1:])) > 20  # infill, edge, outlying: clearly distinct hues
    assert palette.share_label(0.15, 0.3) == "15 - 30 %"
    assert palette.region_colours(["AT11", "AT12"]) == palette.region_colours(["AT12", "AT11"])


def test_flow_dependencies_named_styled_and_lines_on_top(plugin, data_dir, tmp_path):
    layers = run_and_load("alliance:flowdependencies", {**austria(data_dir), "OUTPUT": None, "OUTPUT_LINES": None},
                          tmp_path)
    territories = layers["Flow dependencies: main partner's share"]
    lines = layers["Flow lines (dependencies)"]
    renderer = territories.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.classAttribute() == "main_share"
    assert [r.label() for r in renderer.ranges()] == ["0 - 15 %", "15 - 30 %", "30 - 50 %", "50 - 75 %",
                                                      "75 - 100 %"]
    assert [round(r.lowerValue(), 2) for r in renderer.ranges()] == [0.0, 0.15, 0.3, 0.5, 0.75]
    assert lines.renderer().symbol().symbolLayer(0).layerType() == "ArrowLine"
    assert tree_names() == ["Flow lines (dependencies)", "Flow dependencies: main partner's share"]
    assert territories.labelsEnabled() and territories.labeling().settings().fieldName == "name"
    # default selection: lines of at least 5 % of the origin's outflow (shares on all flows)
    shares = [float(f["share_origin"]) for f in lines.getFeatures()]
    assert shares and min(shares) >= 0.05 and len(shares) < 72
    QgsProject.instance().clear()


def test_dominant_flows_categories_and_names(plugin, data_dir, tmp_path):
    layers = run_and_load("alliance:dominantflows", {**austria(data_dir), "OUTPUT": None, "OUTPUT_LINES": None},
                          tmp_path)
    hierarchy = layers["Urban hierarchy (Nystuen-Dacey classes)"]
    renderer = hierarchy.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == "nd_class"
    assert colours(renderer) == dict(palette.CLASSES["nd_class"])
    assert [c.label() for c in renderer.categories()][:3] == ["Dominant", "Intermediate", "Dominated"]
    lines = layers["Dominant flows"]
    assert isinstance(lines.renderer(), QgsSingleSymbolRenderer)
    assert lines.renderer().symbol().symbolLayer(0).subSymbol().color().name() == palette.DOMINANT_FLOW_COLOUR
    assert tree_names() == ["Dominant flows", "Urban hierarchy (Nystuen-Dacey classes)"]
    QgsProject.instance().clear()


def test_flow_regions_qualitative_and_stable(plugin, data_dir, tmp_path):
    layers = run_and_load("alliance:flowregions", {**austria(data_dir), "METHOD": 1, "OUTPUT": None,
                                                   "OUTPUT_REGIONS": None}, tmp_path)
    territories, regions = layers["Territories by flow region"], layers["Flow regions"]
    by_territory = territories.renderer()
    assert isinstance(by_territory, QgsCategorizedSymbolRenderer) and by_territory.classAttribute() == "region"
    ids = sorted({f["region"] for f in territories.getFeatures()})
    assert colours(by_territory) == palette.region_colours(ids)
    from qgis.PyQt.QtGui import QColor

    outlines = {c.value(): c.symbol().symbolLayer(0).strokeColor().name() for c in regions.renderer().categories()}
    assert outlines == {i: QColor(c).darker(160).name() for i, c in palette.region_colours(ids).items()}
    assert all(c.symbol().symbolLayer(0).fillColor().alpha() == 0 for c in regions.renderer().categories())
    assert tree_names() == ["Flow regions", "Territories by flow region"]  # outlines over the territories
    assert len(set(colours(by_territory).values())) == len(ids)
    QgsProject.instance().clear()


def test_functional_areas_roles(plugin, data_dir, tmp_path):
    layers = run_and_load("alliance:functionalareas", {
        "INPUT": str(data_dir / "canada" / "ca_provinces.gpkg"), "ID_FIELD": "code", "POPULATION_FIELD": "pop1971",
        "FLOWS": str(data_dir / "canada" / "ca_migration_od.csv"), "METHOD": 1, "MIN_JOBS": 150000,
        "OUTPUT": None, "OUTPUT_AREAS": None}, tmp_path)
    roles = layers["Functional areas: role of each territory"]
    renderer = roles.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == "aav_role"
    assert colours(renderer) == dict(palette.CLASSES["aav_role"])
    assert "Functional areas" in layers
    QgsProject.instance().clear()


def test_order_layers_points_lines_polygons(qgis_app, h):
    from alliance_territories.processing.styling import order_layers

    project = QgsProject.instance()
    project.clear()
    polygon = h.memory_layer("Polygon?crs=EPSG:3857", [], "polygons")
    line = h.memory_layer("LineString?crs=EPSG:3857", [], "lines")
    point = h.memory_layer("Point?crs=EPSG:3857", [], "points")
    for layer in (point, line, polygon):  # added last is on top: polygons on top
        project.addMapLayer(layer)
    assert tree_names()[0] == "polygons"
    order_layers(project)
    assert tree_names() == ["points", "lines", "polygons"]
    assert len(project.mapLayers()) == 3
    project.clear()


def test_apply_style_on_sample_data_and_status_layer(qgis_app, data_dir, h):
    from alliance_territories.processing.styling import apply_style

    sample = QgsVectorLayer(str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "at", "ogr")
    before = type(sample.renderer())
    assert apply_style(sample) is False and type(sample.renderer()) is before  # none of our fields
    scored = h.memory_layer("Polygon?crs=EPSG:3857&field=code:string&field=r1_status:string", [
        (h.square(0, 0), ["A", "priority"]), (h.square(2000, 0), ["B", "not measurable"])], "scores")
    assert apply_style(scored) is True
    renderer = scored.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == "r1_status"
    assert colours(renderer) == palette.STATUS_COLOURS
    assert compat.layer_title(scored) == "Status of recommendation 1"


@pytest.mark.parametrize("folder, gpkg, expected", [("austria", "at_nuts2_regions.gpkg", "nuts2"),
                                                    ("canada", "ca_provinces.gpkg", "code")])
def test_code_field_default_is_a_code_never_fid(plugin, data_dir, folder, gpkg, expected):
    from alliance_territories.processing.code_fields import code_field, population_field

    layer = QgsVectorLayer(str(data_dir / folder / gpkg), folder, "ogr")
    assert layer.fields().names()[0] == "fid"
    assert code_field(layer.fields()) == expected
    if folder == "canada":
        assert population_field(layer.fields()) == "pop1971"


def test_dialog_wrapper_selects_the_code_field(plugin, data_dir):
    """The field wrapper the dialog builds (metadata widget_wrapper) selects nuts2 once the layer is set."""
    from qgis.core import QgsApplication, QgsProcessingContext
    from qgis.gui import QgsGui, QgsProcessingGui
    from processing.gui.wrappers import WidgetWrapperFactory

    alg = QgsApplication.processingRegistry().createAlgorithmById("alliance:flowdependencies")
    field = alg.parameterDefinition("ID_FIELD")
    assert field.metadata()["widget_wrapper"]["class"].endswith("code_fields.SmartFieldWrapper")

    from qgis.PyQt.QtWidgets import QDialog

    class AlgorithmDialog(QDialog):  # the class name is what the factory reads
        pass

    dialog = AlgorithmDialog()
    wrapper = WidgetWrapperFactory.create_wrapper(field, dialog)
    parent = QgsGui.processingGuiRegistry().createParameterWidgetWrapper(alg.parameterDefinition("INPUT"),
                                                                         QgsProcessingGui.WidgetType.Standard)
    context = QgsProcessingContext()
    widgets = [wrapper.createWrappedWidget(context), parent.createWrappedWidget(context)]
    wrapper.postInitialize([wrapper, parent])
    parent.setParameterValue(str(data_dir / "austria" / "at_nuts2_regions.gpkg"), context)
    assert wrapper.parameterValue() == "nuts2"
    parent.setParameterValue(str(data_dir / "canada" / "ca_provinces.gpkg"), context)
    assert wrapper.parameterValue() == "code"
    assert widgets


def test_outputs_of_a_model_are_styled_and_ordered(plugin, data_dir, tmp_path, h):
    from qgis import processing
    from qgis.core import (QgsApplication, QgsProcessingModelAlgorithm, QgsProcessingModelChildAlgorithm,
                           QgsProcessingModelChildParameterSource, QgsProcessingModelOutput)

    model = QgsProcessingModelAlgorithm("Dominant flows model", "alliance tests")
    child = QgsProcessingModelChildAlgorithm("alliance:dominantflows")
    child.setChildId("nd")
    for key, value in austria(data_dir).items():
        child.addParameterSources(key, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    for definition in QgsApplication.processingRegistry().algorithmById("alliance:dominantflows").parameterDefinitions():
        if definition.name() not in child.parameterSources() and not definition.isDestination():
            child.addParameterSources(definition.name(), [
                QgsProcessingModelChildParameterSource.fromStaticValue(definition.defaultValue())])
    outputs = {}
    for name, key in (("hierarchy", "OUTPUT"), ("lines", "OUTPUT_LINES")):
        outputs[name] = QgsProcessingModelOutput(name, name)
        outputs[name].setChildOutputName(key)
    child.setModelOutputs(outputs)
    model.addChildAlgorithm(child)
    QgsProject.instance().clear()
    processing.runAndLoadResults(model, {h.model_output(model, "nd", "hierarchy"): str(tmp_path / "h.gpkg"),
                                         h.model_output(model, "nd", "lines"): str(tmp_path / "l.gpkg")})
    layers = list(QgsProject.instance().mapLayers().values())
    assert len(layers) == 2
    by_geometry = {layer.geometryType(): layer for layer in layers}
    assert isinstance(by_geometry[2].renderer(), QgsCategorizedSymbolRenderer)
    assert by_geometry[1].renderer().symbol().symbolLayer(0).layerType() == "ArrowLine"
    root = QgsProject.instance().layerTreeRoot()
    assert [node.layer().geometryType() for node in root.findLayers()] == [1, 2]  # lines above polygons
    QgsProject.instance().clear()


def _resource_case(h):
    """tests/qgis/test_resources.py's case: a city C (urban) and three rural suppliers, food and water."""
    places = {"C": (0, 0, 10.0, 100.0, 500.0, 400.0, "urban"), "R1": (10000, 0, 60.0, 10.0, 0.0, 0.0, "rural"),
              "R2": (0, 30000, 45.0, 5.0, 10.0, 50.0, "rural"), "R3": (80000, 0, 100.0, 20.0, 100.0, 100.0, "rural")}
    rows = [(h.square(700000.0 + dx - 500, 6600000.0 + dy - 500), [code, *values])
            for code, (dx, dy, *values) in places.items()]
    territories = h.memory_layer(
        "Polygon?crs=EPSG:2154&field=code:string&field=prod_food:double&field=cons_food:double"
        "&field=prod_water:double&field=cons_water:double&field=class:string", rows, name="territories")
    flows = h.memory_layer("None?field=origin:string&field=destination:string&field=flow_type:string"
                           "&field=value:double",
                           [(None, list(r)) for r in (("R1", "C", "food", 30.0), ("R2", "C", "food", 20.0),
                                                      ("R3", "C", "food", 50.0), ("R1", "C", "commuting", 40.0))],
                           name="flows")
    return territories, flows


def test_resource_balance_and_reciprocity_outputs_named_and_styled(plugin, tmp_path, h):
    territories, flows = _resource_case(h)
    layers = run_and_load("alliance:resourcebalance", {
        "INPUT": territories, "ID_FIELD": "code", "FLOWS": flows,
        "RESOURCE_FIELDS": "food: prod_food / cons_food, water: prod_water / cons_water", "UNITS": "food=t, water=m3",
        "OUTPUT": None, "OUTPUT_BALANCE": None, "OUTPUT_SHEDS": None}, tmp_path)
    balance = layers["Resource balances: lowest self-sufficiency"]
    renderer = balance.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.classAttribute() == "self_sufficiency_min"
    assert [r.label() for r in renderer.ranges()][:4] == ["0 - 50 %", "50 - 90 %", "90 - 110 %", "110 - 200 %"]
    assert renderer.ranges()[0].symbol().color().name() == palette.RATIO_COLOURS[-1]  # under half: red
    assert "Resource balances (territory x resource)" in layers
    sheds = layers["Resource-sheds"]
    assert sheds.customProperty("alliance/styled_field") == "amount"
    assert sheds.customProperty("alliance/legend_title") == "Resource-sheds: amount supplied"

    layers = run_and_load("alliance:reciprocity", {
        "INPUT": territories, "ID_FIELD": "code", "CLASS_FIELD": "class", "FLOWS": flows, "OUTPUT": None,
        "OUTPUT_TABLE": None, "OUTPUT_PAIRS": None, "OUTPUT_CONTRIBUTIONS": None, "OUTPUT_LINES": None}, tmp_path)
    classes = layers["Reciprocity: class of each territory"]
    assert isinstance(classes.renderer(), QgsCategorizedSymbolRenderer)
    assert classes.renderer().classAttribute() == "class"
    assert set(colours(classes.renderer())) == {"rural", "urban"}
    # The class of territories, never "Urban extent class" (the field of Land consumption with the same name).
    assert classes.customProperty("alliance/legend_title") == "Class of territories (reciprocity)"
    lines = layers["Reciprocity: what each class provides"]
    assert lines.renderer().classAttribute() == "flow_type"
    assert set(colours(lines.renderer())) == {"commuting", "food"}
    assert lines.customProperty("alliance/legend_title") == "What each class provides, by flow type"
    for name in ("Reciprocity: class x class x flow type", "Reciprocity of each pair of classes",
                 "Reciprocity: contributions per territory"):
        assert name in layers
    QgsProject.instance().clear()
