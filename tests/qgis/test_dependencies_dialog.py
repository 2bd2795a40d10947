"""The "Check dependencies" dialog in a real QGIS, and the sid regression (shapely "0+unknown")."""

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QApplication

ALG = "alliance:flowdependencies"


@pytest.fixture()
def deps(plugin, monkeypatch):
    """The dependencies module with an empty cache, restored afterwards (other tests keep the real results)."""
    from alliance_territories.alliance_plugin.toolbelt import dependencies

    monkeypatch.setattr(dependencies, "_cache", {})
    return dependencies


@pytest.fixture()
def dialog_class(plugin):
    from alliance_territories.alliance_plugin.gui.dependencies_dialog import DependenciesDialog

    return DependenciesDialog


@pytest.fixture()
def open_dialog(dialog_class):
    opened = []

    def make():
        dialog = dialog_class()
        dialog.show()
        QgsApplication.processEvents()
        opened.append(dialog)
        return dialog

    yield make
    for dialog in opened:
        dialog.close()
        dialog.deleteLater()
    QgsApplication.processEvents()


def block(monkeypatch, deps, name):
    real = deps.importlib.import_module

    def fake_import(module, *args):
        if module == name:
            raise ModuleNotFoundError(f"No module named '{name}'", name=name)
        return real(module, *args)

    monkeypatch.setattr(deps.importlib, "import_module", fake_import)
    return real


def test_dialog_lists_every_library_with_its_state(deps, open_dialog):
    dialog = open_dialog()
    assert dialog.table.rowCount() == len(deps.LIBRARIES)
    for name in deps.LIBRARIES:
        expected = deps.probe(name)
        state, text, reason = dialog.status_of(name)
        assert state == expected.state, name
        assert reason == expected.reason()
        if expected.ok:
            assert text == f"present ({expected.version})" and reason == ""
    for name in ("numpy", "pandas", "shapely", "scipy", "networkx"):  # the test machine has them all
        assert dialog.status_of(name)[0] == deps.PRESENT
    row = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())].index("networkx")
    needed = dialog.table.item(row, 2).text()
    assert "Flow regions" in needed and "City network" in needed
    wanted = [s.name for s in deps.statuses() if not s.ok and deps.LIBRARIES[s.name].group != "batch"]
    assert dialog.copy_button.isEnabled() == bool(wanted)
    for name in wanted:
        assert deps.install.PIP_NAMES[name].split("[")[0] in dialog.command()


def test_shapely_with_an_unknown_version_string_keeps_algorithms_ready(deps, monkeypatch, open_dialog):
    """Debian sid: shapely 2.x reports "0+unknown"; the probe sees it works."""
    import shapely

    monkeypatch.setattr(shapely, "__version__", "0+unknown")
    alg = QgsApplication.processingRegistry().algorithmById(ALG)
    assert alg.canExecute() == (True, "")
    for alg_id in ("alliance:functionalareas", "alliance:landtenureoverlay", "alliance:transitaccess"):
        assert QgsApplication.processingRegistry().algorithmById(alg_id).canExecute() == (True, "")
    state, text, reason = open_dialog().status_of("shapely")
    assert (state, text, reason) == (deps.PRESENT, "present (0+unknown)", "")


def test_blocked_shapely_is_missing_and_in_the_command(deps, monkeypatch, open_dialog):
    block(monkeypatch, deps, "shapely")
    dialog = open_dialog()
    state, text, reason = dialog.status_of("shapely")
    assert state == deps.MISSING and text == "missing"
    assert reason.startswith("shapely >= 2.1 is not installed")
    assert "shapely" in dialog.command() and dialog.command_box.isVisible()
    assert dialog.where_label.text()
    ready, message = QgsApplication.processingRegistry().algorithmById(ALG).canExecute()
    assert not ready and "Plugins > Alliance of Territories > Check dependencies" in message


def test_copy_button_puts_the_command_on_the_clipboard(deps, monkeypatch, open_dialog):
    block(monkeypatch, deps, "networkx")
    dialog = open_dialog()
    QApplication.clipboard().setText("")
    dialog.copy_button.click()
    assert dialog.command() and QApplication.clipboard().text() == dialog.command()
    assert "networkx" in QApplication.clipboard().text()


def test_check_again_probes_afresh(deps, monkeypatch, open_dialog):
    real = block(monkeypatch, deps, "networkx")
    dialog = open_dialog()
    assert dialog.status_of("networkx")[0] == deps.MISSING
    monkeypatch.setattr(deps.importlib, "import_module", real)  # "installed" meanwhile
    dialog.refresh_button.click()
    assert dialog.status_of("networkx")[0] == deps.PRESENT
    assert "networkx" not in dialog.command()


@pytest.mark.parametrize("pandas_missing", [False, True])
def test_menu_entry_opens_the_dialog_also_without_pandas(deps, dialog_class, monkeypatch, pandas_missing, h):
    import alliance_territories

    shown = []
    monkeypatch.setattr(dialog_class, "exec", lambda self: shown.append(self) or 0)
    if pandas_missing:
        monkeypatch.setattr(deps, "problems", lambda names: ["pandas >= 1.5 is not installed"])
    iface = h.FakeIface()
    instance = alliance_territories.classFactory(iface)
    instance.initGui()
    try:
        actions = {action.objectName(): action for _, action in iface.menus}
        assert "AllianceOfTerritoriesDependenciesAction" in actions
        assert ("AllianceOfTerritoriesDockAction" in actions) is not pandas_missing
        action = actions["AllianceOfTerritoriesDependenciesAction"]
        assert action.text() == "Check dependencies…"
        action.trigger()
        assert len(shown) == 1 and shown[0].table.rowCount() == len(deps.LIBRARIES)
        if not pandas_missing:
            instance.dock.dependencies_button.click()
            assert len(shown) == 2
    finally:
        for dialog in shown:
            dialog.deleteLater()
        instance.unload()
        instance.unload()
    assert iface.menus == [] and iface.docks == []
    QgsApplication.processEvents()


def test_fast_path_needs_both_pyogrio_and_geopandas(deps, monkeypatch):
    from alliance_territories.alliance_plugin.qgis_io import fast_path as fast

    assert fast.pyogrio_usable() == (deps.status("pyogrio").ok and deps.status("geopandas").ok)
    block(monkeypatch, deps, "geopandas")
    deps.refresh()
    assert fast.pyogrio_usable() is False  # pyogrio alone would read, then fail to write
