"""The dock in a real headless QGIS: pick a territory, follow the selection, survive removal and clearing."""

import pytest
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

ALG = "alliance:flowdependencies"


@pytest.fixture()
def clean_project():
    QgsProject.instance().clear()
    yield QgsProject.instance()
    QgsProject.instance().clear()


@pytest.fixture()
def dock(plugin, clean_project):
    from alliance_territories.alliance_plugin.gui.dock import AllianceDock

    widget = AllianceDock()
    widget.resize(350, 900)
    widget.show()
    yield widget
    widget.teardown()
    widget.deleteLater()
    QgsApplication.processEvents()


def austria_layer(run_alg, data_dir, project):
    austria = data_dir / "austria"
    results, _ = run_alg(ALG, {"INPUT": str(austria / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
                               "FLOWS": str(austria / "at_migration_od.csv"),
                               "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_LINES": "TEMPORARY_OUTPUT"})
    layer = results["OUTPUT"]  # processing.run hands the temporary layer over to Python
    assert isinstance(layer, QgsVectorLayer) and layer.isValid()
    layer.setName("dependencies")
    project.addMapLayer(layer)
    return layer


def feature_of(layer, code):
    return next(f for f in layer.getFeatures() if f["nuts2"] == code)


def shoot(widget, tmp_path, name):
    QgsApplication.processEvents()
    path = tmp_path / name
    assert widget.grab().save(str(path))
    body = widget.scroll_area.widget()  # every card, at the dock's width
    full = tmp_path / name.replace(".png", "_full.png")
    assert body.grab().save(str(full))
    assert body.width() <= widget.width()  # nothing wider than the dock: no clipped text
    return path


def test_dock_shows_and_follows_a_territory(dock, run_alg, data_dir, clean_project, tmp_path):
    assert dock.objectName() == "AllianceOfTerritoriesDock"
    assert dock.windowTitle() == "Alliance of Territories"
    assert len(dock.cards) == 8
    layer = austria_layer(run_alg, data_dir, clean_project)
    # Non-indicator layers are not offered: the plain input regions are excepted.
    regions = QgsVectorLayer(str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "regions", "ogr")
    clean_project.addMapLayer(regions)
    assert regions in dock.layer_combo.exceptedLayerList()
    dock.select_layer(layer, "nuts2")
    assert dock.current_layer() is layer
    # Readable names, never raw field names (the field name is in the tooltip).
    assert "main_share" not in dock.cards[2].indicators_label.text()
    assert "Place in the urban hierarchy (Nystuen-Dacey)" in dock.cards[3].indicators_label.text()
    assert "nd_class" in dock.cards[3].indicators_label.toolTip()
    assert dock.select_territory("AT12")

    at12 = feature_of(layer, "AT12")
    share, partner = at12["main_share"], at12["main_partner"]
    card = dock.cards[2]
    expected = "priority" if share >= 0.5 else "watch" if share >= 0.15 else "strong"
    assert card.status == expected and card.status_label.text() == expected
    sentence = card.sentences_label.text()
    assert partner in sentence and f"{share:.0%}" in sentence
    bars = card.chart.bars()
    assert bars[0][1] == pytest.approx(share) and bars[0][0] == "Main partner's share of the outflow"
    assert bars[0][3] == f"{100 * share:.1f}\u00a0%"
    line = next(label for label in card.indicator_labels if label.objectName() == "indicator_main_share")
    assert "Main partner's share of the outflow" in line.text() and f"{100 * share:.1f}\u00a0%" in line.text()
    assert "Field: main_share" in line.toolTip() and "priority at 50 % or more" in line.toolTip()
    assert dock.cards[7].status is not None  # R7 also reads main_share
    assert dock.cards[4].status is None and dock.cards[4].buttons  # no evidence, an algorithm button
    shoot(dock, tmp_path, "dock.png")

    # The dock follows the map selection.
    other = feature_of(layer, "AT33")
    layer.selectByIds([other.id()])
    assert dock.current_code() == "AT33"
    assert other["main_partner"] in dock.cards[2].sentences_label.text()

    # State is kept in the project, with XML-safe keys, and restored on read.
    path = str(tmp_path / "p.qgz")
    layer_path = str(tmp_path / "dep.gpkg")
    from qgis.core import QgsVectorFileWriter

    QgsVectorFileWriter.writeAsVectorFormatV3(layer, layer_path, clean_project.transformContext(),
                                              QgsVectorFileWriter.SaveVectorOptions())
    saved = QgsVectorLayer(layer_path, "saved", "ogr")
    clean_project.addMapLayer(saved)
    dock.select_layer(saved, "nuts2")
    dock.select_territory("AT21")
    assert clean_project.write(path)
    assert clean_project.readEntry("AllianceOfTerritories", "dock_territory", "")[0] == "AT21"
    clean_project.clear()
    assert dock.current_layer() is None and dock.territory_combo.count() == 0
    assert clean_project.read(path)
    assert dock.current_layer() is not None and dock.current_layer().name() == "saved"
    assert dock.territory_combo.currentData(0x0100 + 1) == "AT21"


def test_dock_survives_removal_and_clearing(dock, run_alg, data_dir, clean_project, tmp_path):
    layer = austria_layer(run_alg, data_dir, clean_project)
    dock.select_layer(layer, "nuts2")
    dock.select_territory("AT12")
    assert dock.cards[2].status is not None
    clean_project.removeMapLayer(layer.id())
    QgsApplication.processEvents()
    assert dock.current_layer() is None and dock.cards[2].status is None
    assert "No indicator of this recommendation in the project yet" in dock.cards[2].indicators_label.text()
    layer = austria_layer(run_alg, data_dir, clean_project)
    assert dock.current_layer() is layer  # a new indicator layer is picked up
    clean_project.clear()
    QgsApplication.processEvents()
    assert dock.current_layer() is None and dock.territory_combo.count() == 0
    shoot(dock, tmp_path, "dock_empty.png")
    dock.teardown()
    dock.teardown()  # twice is harmless
    austria_layer(run_alg, data_dir, clean_project)  # signals are gone: nothing reaches the dock
    assert dock.current_layer() is None


def test_sample_button_fills_the_panel_once(dock, clean_project):
    layer = dock.load_sample()
    assert layer is not None and dock.current_layer() is layer
    assert dock.territory_combo.count() == 9
    assert dock.cards[2].status in ("priority", "watch", "strong")
    names = sorted(candidate.name() for candidate in clean_project.mapLayers().values())
    assert len(names) == 3  # the regions, the flow lines, the territories with their indicators
    # Styled and ordered by processing/styling.py: the flow lines above the polygons, not one flat colour.
    from alliance_territories.alliance_plugin.qgis_io import compat

    order = [node.layer().geometryType() for node in clean_project.layerTreeRoot().findLayers()]
    assert order.index(compat.GeometryType.Line) < order.index(compat.GeometryType.Polygon)
    assert layer.renderer().type() != "singleSymbol"
    assert dock.load_sample() is layer  # a second click reuses what the first loaded
    assert sorted(candidate.name() for candidate in clean_project.mapLayers().values()) == names
    # The flows of the sample are remembered in the project for the card buttons.
    assert clean_project.readEntry("AllianceOfTerritories", "flows", "")[0].endswith("at_migration_od.csv")


def test_buttons_open_the_algorithm_dialog_prefilled(dock, run_alg, data_dir, clean_project, monkeypatch):
    from alliance_territories.alliance_plugin.gui import dock as dock_module

    calls = []

    def fake_dialog(alg, params):
        calls.append((alg, dict(params)))
        return {"FLOWS": str(data_dir / "canada" / "ca_migration_od.csv")} if alg.endswith("dominantflows") else None

    monkeypatch.setattr(dock_module, "open_dialog", fake_dialog)
    layer = austria_layer(run_alg, data_dir, clean_project)
    dock.select_layer(layer, "nuts2")
    dock.cards[2].buttons[ALG].click()
    # Nothing remembered yet: the flows are left to the user, never the territories themselves.
    assert calls[-1] == (ALG, {"INPUT": layer, "ID_FIELD": "nuts2"})
    dock.cards[3].buttons["alliance:dominantflows"].click()  # the user picks a flow file: remembered
    dock.cards[2].buttons[ALG].click()
    assert calls[-1][1]["FLOWS"] == str(data_dir / "canada" / "ca_migration_od.csv")
    # The Canadian provinces: the population field is the latest pop* field.
    canada = QgsVectorLayer(str(data_dir / "canada" / "ca_provinces.gpkg"), "provinces", "ogr")
    results, _ = run_alg(ALG, {"INPUT": canada, "ID_FIELD": "code",
                               "FLOWS": str(data_dir / "canada" / "ca_migration_od.csv"),
                               "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_LINES": "TEMPORARY_OUTPUT"})
    provinces = results["OUTPUT"]
    clean_project.addMapLayer(provinces)
    dock.select_layer(provinces, "code")
    dock.cards[1].buttons["alliance:functionalareas"].click()
    alg, params = calls[-1]
    assert alg == "alliance:functionalareas"
    assert params["INPUT"] is provinces and params["ID_FIELD"] == "code" and params["POPULATION_FIELD"] == "pop1971"
    assert params["FLOWS"] == str(data_dir / "canada" / "ca_migration_od.csv")
    # The scorecard's indicator layers: only layers joined on the code (the Austrian layer is not).
    dock.cards[8].buttons["alliance:recommendationscorecard"].click()
    assert "INDICATORS" not in calls[-1][1]
    regions, _ = run_alg("alliance:dominantflows", {
        "INPUT": provinces, "ID_FIELD": "code", "FLOWS": str(data_dir / "canada" / "ca_migration_od.csv"),
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_LINES": "TEMPORARY_OUTPUT"})
    clean_project.addMapLayer(regions["OUTPUT"])
    dock.cards[8].buttons["alliance:recommendationscorecard"].click()
    assert calls[-1][1]["INDICATORS"] == [regions["OUTPUT"]]


def canada_results(run_alg, data_dir, project):
    """Flow dependencies, dominant flows, flow regions and the scorecard on the Canadian sample, in the project."""
    canada = data_dir / "canada"
    common = {"INPUT": str(canada / "ca_provinces.gpkg"), "ID_FIELD": "code",
              "FLOWS": str(canada / "ca_migration_od.csv")}
    layers = {}
    for alg, outputs in (("flowdependencies", ("OUTPUT", "OUTPUT_LINES")),
                         ("dominantflows", ("OUTPUT", "OUTPUT_LINES")),
                         ("flowregions", ("OUTPUT", "OUTPUT_REGIONS"))):
        results, _ = run_alg(f"alliance:{alg}", dict(common, **{o: "TEMPORARY_OUTPUT" for o in outputs}))
        for output in outputs:
            layers[f"{alg}:{output}"] = results[output]
    # Functional areas need the cities: the three largest provinces flagged (a field added in Processing).
    flagged, _ = run_alg("native:fieldcalculator", {
        "INPUT": common["INPUT"], "FIELD_NAME": "city", "FIELD_TYPE": 1, "FIELD_LENGTH": 1,
        "FORMULA": "\"code\" IN ('ONT', 'QUE', 'BC')", "OUTPUT": "TEMPORARY_OUTPUT"})
    results, _ = run_alg("alliance:functionalareas", dict(
        common, INPUT=flagged["OUTPUT"], POPULATION_FIELD="pop1971", CITY_FIELD="city",
        OUTPUT="TEMPORARY_OUTPUT", OUTPUT_AREAS="TEMPORARY_OUTPUT"))
    layers["functionalareas:OUTPUT"] = results["OUTPUT"]
    results, _ = run_alg("alliance:recommendationscorecard", dict(
        common, INDICATORS=[layers["flowdependencies:OUTPUT"], layers["dominantflows:OUTPUT"]],
        OUTPUT="TEMPORARY_OUTPUT", OUTPUT_TABLE="TEMPORARY_OUTPUT"))
    layers["scorecard:OUTPUT"], layers["scorecard:OUTPUT_TABLE"] = results["OUTPUT"], results["OUTPUT_TABLE"]
    for layer in layers.values():
        project.addMapLayer(layer)
    return layers


def test_dock_gathers_every_result_for_a_territory(dock, run_alg, data_dir, clean_project, tmp_path):
    layers = canada_results(run_alg, data_dir, clean_project)
    # Pick the plain provinces of the dominant-flows run: every other layer is joined on "code".
    hierarchy = layers["dominantflows:OUTPUT"]
    dock.select_layer(hierarchy, "code")
    assert dock.select_territory("ONT")
    ontario = next(f for f in hierarchy.getFeatures() if f["code"] == "ONT")
    dependencies = next(f for f in layers["flowdependencies:OUTPUT"].getFeatures() if f["code"] == "ONT")
    # R3 reads nd_class, with its status (Nystuen-Dacey classes: dominant and independent are strong).
    expected = {"dominant": "strong", "independent": "strong", "intermediate": "watch", "dominated": "watch",
                "isolated": "priority"}[ontario["nd_class"]]
    line = next(label for label in dock.cards[3].indicator_labels if label.objectName() == "indicator_nd_class")
    assert "Place in the urban hierarchy (Nystuen-Dacey)" in line.text() and ontario["nd_class"] in line.text()
    assert dock.cards[3].status == expected
    # R2 and R7 from the dependencies layer (another layer than the one picked).
    share = dependencies["main_share"]
    assert dock.cards[2].status == ("priority" if share >= 0.5 else "watch" if share >= 0.15 else "strong")
    assert f"{100 * share:.1f}\u00a0%" in " ".join(label.text() for label in dock.cards[2].indicator_labels)
    # The migration table has no internal flows: self-containment is not measurable, with the reason.
    assert dependencies["sc_supply"] is None or str(type(dependencies["sc_supply"])).endswith("QVariant'>")
    sc_line = next(line for line in dock.cards[1].lines if line["field"] == "sc_supply")
    assert sc_line["status"] == "not measurable" and "internal flows" in dock.cards[1].sentences_label.text()
    # The functional-area role (functionalareas layer) reaches R1 with its status.
    fua = next(f for f in layers["functionalareas:OUTPUT"].getFeatures() if f["code"] == "ONT")
    role = next(line for line in dock.cards[1].lines if line["field"] == "fua_role")
    assert role["status"] == {"city core": "strong", "commuting zone": "watch", "outside": "strong"}[fua["fua_role"]]
    assert dock.cards[1].status in ("priority", "watch", "strong")  # a measured status beats not measurable
    # The flow region (flowregions layer) reaches R1; R8 always has a status.
    assert any(line["field"] == "region" for line in dock.cards[1].lines)
    assert dock.cards[8].status in ("priority", "watch", "strong")
    assert "of the 8 recommendations" in dock.cards[8].sentences_label.text()
    # Every card with evidence has a status; no placeholder anywhere.
    for number, card in dock.cards.items():
        if any(line["status"] for line in card.lines):
            assert card.status is not None, number
        assert "?" not in card.sentences_label.text()
    # A change of a layer is seen (cache invalidated on the edit).
    flow_layer = layers["dominantflows:OUTPUT"]
    index = flow_layer.fields().lookupField("nd_class")
    assert flow_layer.startEditing()
    assert flow_layer.changeAttributeValue(ontario.id(), index, "isolated")
    assert flow_layer.commitChanges()
    QgsApplication.processEvents()
    dock._refresh()
    assert dock.cards[3].status == "priority"
    shoot(dock, tmp_path, "dock_canada.png")


def test_plugin_with_an_iface_loads_and_unloads_twice(plugin, clean_project, h):
    import alliance_territories

    registry = QgsApplication.processingRegistry()
    plugin.unload()
    try:
        for _ in range(2):
            iface = h.FakeIface()
            instance = alliance_territories.classFactory(iface)
            instance.initGui()
            assert len(iface.docks) == 1 and iface.docks[0].objectName() == "AllianceOfTerritoriesDock"
            assert len(iface.menus) == 2 and not iface.menus[0][1].icon().isNull()  # the panel, Check dependencies
            assert iface.menus[1][1].objectName() == "AllianceOfTerritoriesDependenciesAction"
            assert iface.toolbar == [iface.menus[0][1]]  # the panel's button on the toolbar
            instance.unload()
            instance.unload()
            assert iface.docks == [] and iface.menus == [] and iface.toolbar == [] and instance.dock is None
            assert registry.algorithmById(ALG) is None
            QgsApplication.processEvents()
    finally:
        plugin.initProcessing()
    assert registry.algorithmById(ALG) is not None


def test_plugin_without_pandas_loads_without_the_dock(plugin, monkeypatch, h):
    import alliance_territories
    from alliance_territories.alliance_plugin.toolbelt import dependencies

    monkeypatch.setattr(dependencies, "problems", lambda names: ["pandas >= 1.5 is not installed"])
    iface = h.FakeIface()
    instance = alliance_territories.classFactory(iface)
    instance.initGui()  # the provider is already registered by the fixture: refused cleanly
    assert instance.dock is None and iface.docks == []
    # Only "Check dependencies…": it says what to install.
    assert [action.objectName() for _, action in iface.menus] == ["AllianceOfTerritoriesDependenciesAction"]
    instance.unload()
    instance.unload()
    assert iface.menus == []


def test_method_notes_link_opens_the_shipped_help(dock, monkeypatch):
    from alliance_territories.alliance_plugin.gui import dock as dock_module

    opened = []
    monkeypatch.setattr(dock_module.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    if not dock_module.HELP_PATH.exists():
        assert dock.help_label.isHidden() and dock.open_help() is False
        pytest.skip("help/index.html is not in this checkout")
    assert not dock.help_label.isHidden()
    dock.help_label.linkActivated.emit("help")
    assert [url.toLocalFile() for url in opened] == [str(dock_module.HELP_PATH)]


def test_territory_list_reads_codes_and_names_only_without_geometry(plugin, h):
    """The list reads the code and name fields alone, never a geometry: a national layer does not block the GUI."""
    from qgis.core import QgsFeatureRequest

    from alliance_territories.alliance_plugin.gui.layers import LayerReader
    from alliance_territories.alliance_plugin.qgis_io import compat

    layer = h.memory_layer("Polygon?crs=EPSG:3035&field=code:string&field=pop:double&field=name:string",
                           [(h.square(0, 0), ["B2", 10.0, "Beta"]), (h.square(0, 2000), ["A1", 5.0, "Alpha"]),
                            (h.square(0, 4000), ["C3", 1.0, None])], "territories")

    class Recording:
        """The layer, its requests recorded; no aggregate, so that the list reads features (the fallback)."""

        def __init__(self, inner):
            self.inner, self.requests = inner, []

        def __getattr__(self, name):
            return getattr(self.inner, name)

        def aggregate(self, *_args, **_kwargs):
            return None, False

        def getFeatures(self, request=None):  # noqa: N802 (QGIS's name)
            self.requests.append(QgsFeatureRequest(request))
            return self.inner.getFeatures(request)

    expected = [("A1", "A1 · Alpha"), ("B2", "B2 · Beta"), ("C3", "C3")]
    assert LayerReader().territories(layer, "code") == expected  # one aggregate per field (C++, no geometry)
    recording = Recording(layer)
    assert LayerReader().territories(recording, "code") == expected
    assert len(recording.requests) == 2
    for request, field in zip(recording.requests, ("code", "name")):
        assert request.flags() & compat.FeatureRequestFlag.NoGeometry
        assert request.subsetOfAttributes() == [layer.fields().lookupField(field)]


def resource_case(h):
    """A city C in deficit of food and three rural suppliers (tests/qgis/test_resources.py's case):
    food (t) C 10 / 100, R1 60 / 10, R2 45 / 5, R3 100 / 20; water (m3) C 500 / 400, R1 0 / 0, R2 10 / 50,
    R3 100 / 100; food shipped to C: 30 from R1 (10 km), 20 from R2 (30 km), 50 from R3 (80 km)."""
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
                                                      ("R3", "C", "food", 50.0))], name="flows")
    return territories, flows


def _runs(image, colour):
    """The longest horizontal run of pixels of ``colour`` (a QColor name) on each row holding one."""
    runs = {}
    for y in range(image.height()):
        best = current = 0
        for x in range(image.width()):
            current = current + 1 if image.pixelColor(x, y).name() == colour else 0
            best = max(best, current)
        if best:
            runs[y] = best
    return runs


def test_r6_card_draws_the_resource_balance(dock, run_alg, clean_project, h, monkeypatch):
    from alliance_territories.alliance_plugin.gui import dock as dock_module
    from alliance_territories.alliance_plugin.gui.charts import STATUS_COLORS

    territories, flows = resource_case(h)
    results, _ = run_alg("alliance:resourcebalance", {
        "INPUT": territories, "ID_FIELD": "code", "FLOWS": flows,
        "RESOURCE_FIELDS": "food: prod_food / cons_food, water: prod_water / cons_water", "UNITS": "food=t, water=m3",
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_BALANCE": "TEMPORARY_OUTPUT", "OUTPUT_SHEDS": "TEMPORARY_OUTPUT"})
    layer, balance = results["OUTPUT"], results["OUTPUT_BALANCE"]
    clean_project.addMapLayer(layer)
    clean_project.addMapLayer(balance)  # the table of balances, loaded in the project
    dock.select_layer(layer, "code")
    assert dock.select_territory("C")
    dock._refresh()  # what the dock's 50 ms timer does once the table of balances joined the project
    card = dock.cards[6]
    # By hand: C's food 10 / 100 = 10 % (priority under 50 %), inflow 100 / 100 = 100 % (priority from 75 %),
    # local 50 of 100 (R1, R2 within 50 km: strong from 50 %), shed 30 km (strong under 50 km).
    statuses = {line["field"]: line["status"] for line in card.lines}
    assert statuses["self_sufficiency_min"] == "priority" and statuses["import_dependency_max"] == "priority"
    assert statuses["local_sourcing_min"] == "strong" and statuses["shed_radius_max_m"] == "strong"
    assert card.status == "priority"
    assert "food" in card.sentences_label.text() and "10%" in card.sentences_label.text()
    # The chart: one bar per resource, food 0.1 and water 500 / 400 = 1.25, on the scale of the largest.
    bars = card.resource_chart.bars()
    assert [(b[1], b[2], b[3], b[4]) for b in bars] == [(pytest.approx(0.1), 1.25, "10\u00a0%", "priority"),
                                                        (1.25, 1.25, "125\u00a0%", "strong")]
    assert bars[0][0] == "food: production 10 t, consumption 100 t"
    assert card.resource_chart.isVisible() and card.resource_title.isVisible()
    QgsApplication.processEvents()
    image = card.resource_chart.grab().toImage()
    food = max(_runs(image, STATUS_COLORS["priority"]).values())
    water = max(_runs(image, STATUS_COLORS["strong"]).values())
    assert water > 100 and food == pytest.approx(water * 0.1 / 1.25, abs=3)  # heights in proportion: 8 %
    # Another territory: R1 has no consumption of water (NULL): a grey bar saying so, food 6 (600 %).
    assert dock.select_territory("R1")
    bars = card.resource_chart.bars()
    assert [(b[1], b[2], b[4]) for b in bars] == [(6.0, 6.0, "strong"), (0.0, 6.0, "not measurable")]
    assert bars[1][3] == "no consumption"
    # Without the table of balances in the project, no chart.
    clean_project.removeMapLayer(balance.id())
    dock._refresh()
    assert card.resource_chart.bars() == [] and not card.resource_title.isVisible()

    # The buttons: R6 opens Resource balances, R2 Reciprocity, both prefilled with the territories.
    calls = []
    monkeypatch.setattr(dock_module, "open_dialog", lambda alg, params: calls.append((alg, dict(params))))
    card.buttons["alliance:resourcebalance"].click()
    assert calls[-1] == ("alliance:resourcebalance", {"INPUT": layer, "ID_FIELD": "code"})
    dock.cards[2].buttons["alliance:reciprocity"].click()
    assert calls[-1] == ("alliance:reciprocity", {"INPUT": layer, "ID_FIELD": "code"})
