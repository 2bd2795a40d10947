"""QGIS tier: a real headless QgsApplication with Processing and our provider registered."""

import sys

import pytest


@pytest.fixture(scope="session")
def qgis_app():
    from qgis.core import QgsApplication
    from qgis.testing import start_app

    app = start_app()
    sys.path.append(QgsApplication.pkgDataPath() + "/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    return app


@pytest.fixture(scope="session")
def plugin(qgis_app):
    import alliance_territories

    instance = alliance_territories.classFactory(None)
    instance.initProcessing()
    yield instance
    instance.unload()


@pytest.fixture()
def run_alg(plugin):
    """Run an algorithm by id through the registry; returns (results, feedback messages)."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    from alliance_territories.alliance_plugin.qgis_io import compat

    class Recorder(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.messages = []

        def pushInfo(self, text):
            self.messages.append(text)

        def pushWarning(self, text):
            self.messages.append(text)

        def reportError(self, text, fatalError=False):
            self.messages.append(text)

    def run(alg_id, parameters, invalid=compat.InvalidGeometryCheck.AbortOnInvalid):
        """As QGIS Desktop runs it with default settings: stop at invalid geometries."""
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        context.setInvalidGeometryCheck(invalid)
        feedback = Recorder()
        results = processing.run(alg_id, parameters, context=context, feedback=feedback)
        run.context = context
        return results, feedback.messages

    return run


@pytest.fixture(scope="session")
def h(qgis_app):
    """The helpers module (tests/qgis is not on sys.path, by design)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("alliance_test_helpers", Path(__file__).with_name("helpers.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def run_in_task(plugin):
    """Run an algorithm through QgsProcessingAlgRunnerTask on a worker thread, as Desktop does.

    Returns ``{"ok": bool, "results": dict}`` once the task has finished (60 s at most).
    """
    import time

    from qgis.core import (QgsApplication, QgsProcessingAlgRunnerTask, QgsProcessingContext,
                           QgsProcessingFeedback, QgsProject)

    def run(alg_id, parameters):
        alg = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        feedback = QgsProcessingFeedback()  # kept alive: the task holds only a pointer
        task = QgsProcessingAlgRunnerTask(alg, parameters, context, feedback)
        outcome = {}
        task.executed.connect(lambda ok, results: outcome.update(ok=ok, results=results))
        QgsApplication.taskManager().addTask(task)
        deadline = time.monotonic() + 60
        while "ok" not in outcome and time.monotonic() < deadline:
            QgsApplication.processEvents()
            time.sleep(0.01)
        return outcome

    return run


@pytest.fixture()
def french(plugin):
    """The plugin in French, as under a French QGIS; English again afterwards."""
    from alliance_territories.alliance_plugin.toolbelt import i18n

    from qgis.PyQt.QtCore import QSettings

    settings = QSettings()
    had, previous = settings.contains("locale/userLocale"), settings.value("locale/userLocale")
    settings.setValue("locale/userLocale", "fr")
    i18n.remove_translator()
    try:
        assert i18n.install_translator() == "fr"
        assert i18n._translator is not None
        yield i18n
    finally:
        i18n.remove_translator()
        if had:
            settings.setValue("locale/userLocale", previous)
        else:
            settings.remove("locale/userLocale")
        i18n.install_translator()
        assert i18n.tr("Flow lines") == "Flow lines"


@pytest.fixture(scope="session")
def postgis(qgis_app):
    """A private PostGIS server for this test session (tests/qgis/postgis_server.py), removed at the end.

    Required on QGIS 3.22 (scripts/setup.sh installs PostgreSQL and PostGIS);
    the Debian chroots of the matrix do not install a server: skipped there.
    """
    import importlib.util
    import os
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("alliance_postgis_server",
                                                  Path(__file__).with_name("postgis_server.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    bindir = module.server_binaries()
    if bindir is None or not module.postgis_installed(bindir):
        if os.environ.get("ALLIANCE_MATRIX"):
            pytest.skip("no PostgreSQL/PostGIS server in this chroot (the 3.22 run tests the database)")
        pytest.fail("PostgreSQL and PostGIS are not installed: run `make setup` (scripts/setup.sh installs them)")
    server = module.Server(bindir).start()
    server.module = module
    yield server
    server.stop()
