"""The dock in a real headless QGIS: pick a territory, follow the selection, survive removal and clearing."""

import shutil

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
    shutil.copy(path, f"/tmp/{name.replace('dock', 'alliance_dock')}")
    body = widget.scroll_area.widget()  # every card, at the dock's width
    full = tmp_path / name.replace(".png", "_full.png")
    assert body.grab().save(str(full))
    shutil.copy(full, f"/tmp/{full.name.replace('dock', 'alliance_dock')}")
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
    assert "✔ main_share" in dock.cards[2].indicators_label.text()
    assert "✘ nd_class" in dock.cards[3].indicators_label.text()
    assert dock.select_territory("AT12")

    at12 = feature_of(layer, "AT12")
    share, partner = at12["main_share"], at12["main_partner"]
    card = dock.cards[2]
    expected = "priority" if share >= 0.5 else "watch" if share >= 0.15 else "strong"
    assert card.status == expected and card.status_label.text() == expected
    sentence = card.sentences_label.text()
    assert partner in sentence and f"{share:.0%}" in sentence
    bars = card.chart.bars()
    assert bars[0][1] == pytest.approx(share) and partner in bars[0][0] and bars[0][3] == f"{share:.0%}"
    assert dock.cards[7].status is not None  # R7 also reads main_share
    assert dock.cards[4].status is None and dock.cards[4].buttons  # no rule yet, an algorithm button
    shoot(dock, tmp_path, "dock.png")

    # The dock follows the map selection.
    other = feature_of(layer, "AT33")
    layer.selectByIds([other.id()])
    assert dock.territory_combo.currentData() == other.id()
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
    assert "✘ main_share" in dock.cards[2].indicators_label.text()
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


def test_sample_button_fills_the_panel(dock, clean_project):
    layer = dock.load_sample()
    assert layer is not None and dock.current_layer() is layer
    assert dock.territory_combo.count() == 9
    assert dock.cards[2].status in ("priority", "watch", "strong")


def test_buttons_open_the_algorithm_dialog(dock, run_alg, data_dir, clean_project, monkeypatch):
    from qgis import processing

    calls = []
    monkeypatch.setattr(processing, "execAlgorithmDialog", lambda alg, params: calls.append((alg, params)))
    layer = austria_layer(run_alg, data_dir, clean_project)
    dock.select_layer(layer, "nuts2")
    dock.cards[2].buttons[ALG].click()
    assert calls == [(ALG, {"INPUT": layer})]


class FakeIface:
    def __init__(self):
        self.docks, self.menus = [], []

    def addDockWidget(self, area, dock):  # noqa: N802
        self.docks.append(dock)

    def removeDockWidget(self, dock):  # noqa: N802
        self.docks.remove(dock)

    def addPluginToMenu(self, name, action):  # noqa: N802
        self.menus.append((name, action))

    def removePluginMenu(self, name, action):  # noqa: N802
        self.menus.remove((name, action))

    def mainWindow(self):  # noqa: N802
        return None


def test_plugin_with_an_iface_loads_and_unloads_twice(plugin, clean_project):
    import alliance_territories

    registry = QgsApplication.processingRegistry()
    plugin.unload()
    try:
        for _ in range(2):
            iface = FakeIface()
            instance = alliance_territories.classFactory(iface)
            instance.initGui()
            assert len(iface.docks) == 1 and iface.docks[0].objectName() == "AllianceOfTerritoriesDock"
            assert len(iface.menus) == 2 and not iface.menus[0][1].icon().isNull()  # the panel, Check dependencies
            assert iface.menus[1][1].objectName() == "AllianceOfTerritoriesDependenciesAction"
            instance.unload()
            instance.unload()
            assert iface.docks == [] and iface.menus == [] and instance.dock is None
            assert registry.algorithmById(ALG) is None
            QgsApplication.processEvents()
    finally:
        plugin.initProcessing()
    assert registry.algorithmById(ALG) is not None


def test_plugin_without_pandas_loads_without_the_dock(plugin, monkeypatch):
    import alliance_territories
    from alliance_territories.alliance_plugin.toolbelt import dependencies

    monkeypatch.setattr(dependencies, "problems", lambda names: ["pandas >= 1.5 is not installed"])
    iface = FakeIface()
    instance = alliance_territories.classFactory(iface)
    instance.initGui()  # the provider is already registered by the fixture: refused cleanly
    assert instance.dock is None and iface.docks == []
    # Only "Check dependencies…": it says what to install.
    assert [action.objectName() for _, action in iface.menus] == ["AllianceOfTerritoriesDependenciesAction"]
    instance.unload()
    instance.unload()
    assert iface.menus == []
