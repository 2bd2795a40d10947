"""The plugin as QGIS meets it: classFactory, provider registration, unloading, missing libraries."""

import re
import subprocess
import textwrap

from qgis.core import QgsApplication, QgsProcessingException

ALG = "alliance:flowdependencies"


def test_provider_registered_through_class_factory(plugin):
    provider = QgsApplication.processingRegistry().providerById("alliance")
    assert provider is not None and provider.name() == "Alliance of Territories"
    assert provider.icon().isNull() is False
    assert {a.id() for a in provider.algorithms()} >= {ALG, "alliance:functionalareas"}


def test_provider_version_is_the_one_of_metadata_txt(plugin, repo):
    """The version is written once, in metadata.txt (read here as QGIS's plugin manager reads it)."""
    import configparser

    metadata = configparser.ConfigParser(interpolation=None)
    metadata.read(repo / "metadata.txt", encoding="utf-8")
    version = metadata.get("general", "version")
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    assert QgsApplication.processingRegistry().providerById("alliance").versionInfo() == version


def test_algorithm_shape(plugin):
    alg = QgsApplication.processingRegistry().algorithmById(ALG)
    assert re.fullmatch(r"[a-z0-9]+", alg.name()) and re.fullmatch(r"[a-z0-9]+", alg.groupId())
    assert alg.displayName() and alg.shortHelpString() and alg.shortDescription()
    assert alg.svgIconPath().endswith("flowdependencies.svg")
    for parameter in alg.parameterDefinitions():
        assert re.fullmatch(r"[A-Z][A-Z0-9_]*", parameter.name())
        assert getattr(type(alg), parameter.name()) == parameter.name()
    outputs = {o.name() for o in alg.outputDefinitions()}
    assert {"OUTPUT", "OUTPUT_LINES", "TOTAL_VOLUME", "PAIRS_USED", "UNMATCHED_ROWS"} <= outputs
    assert alg.canExecute() == (True, "")


def test_unload_and_reload_twice(plugin):
    import alliance_territories

    registry = QgsApplication.processingRegistry()
    plugin.unload()
    assert registry.providerById("alliance") is None
    for _ in range(2):
        instance = alliance_territories.classFactory(None)
        instance.initGui()  # iface is None: initGui must cope (it only registers Processing)
        assert registry.algorithmById(ALG) is not None
        instance.unload()
        instance.unload()  # a second unload is harmless
        assert registry.algorithmById(ALG) is None
    plugin.initProcessing()
    assert registry.algorithmById(ALG) is not None


def test_a_second_registration_is_refused_cleanly(plugin):
    import alliance_territories

    other = alliance_territories.classFactory(None)
    other.initProcessing()  # "alliance" is taken: refused, no crash, nothing to unload
    assert other.provider is None
    other.unload()
    assert QgsApplication.processingRegistry().algorithmById(ALG) is not None


def test_missing_library_is_reported_by_can_execute(plugin, monkeypatch):
    from alliance_territories.alliance_plugin.toolbelt import dependencies

    real_import = dependencies.importlib.import_module

    def fake_import(name, *args):
        if name == "shapely":
            raise ImportError("No module named 'shapely'")
        return real_import(name, *args)

    monkeypatch.setattr(dependencies.importlib, "import_module", fake_import)
    monkeypatch.setattr(dependencies, "_cache", {})  # probes are cached per process: probe afresh, restore after
    alg = QgsApplication.processingRegistry().algorithmById(ALG)
    ready, message = alg.canExecute()
    assert not ready and "shapely >= 2.1 is not installed" in message
    # The command for this system: pip in the pinned virtualenv, apt on Debian 13 and sid.
    assert re.search(r"(pip install|apt install|dnf install|pacman -S)[^\n]*shapely", message), message
    try:
        alg.processAlgorithm({}, None, None)
    except QgsProcessingException as error:
        assert "shapely" in str(error)
    else:
        raise AssertionError("processAlgorithm ran without its libraries")


def test_plugin_loads_without_pandas_numpy_shapely(plugins_dir):
    """QGIS must start and list the provider even when the libraries cannot be imported.

    QGIS 3.40 and later import numpy themselves (qgis.core needs it): numpy is blocked only
    where QGIS starts without it, as on 3.22.
    """
    code = textwrap.dedent(f"""
        import sys
        from qgis.core import QgsApplication
        blocked = {{'pandas', 'shapely', 'networkx', 'geopandas', 'scipy'}} | ({{'numpy'}} - set(sys.modules))
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split('.')[0] in blocked:
                    raise ImportError('blocked ' + name)
        sys.meta_path.insert(0, Block())
        sys.path.insert(0, {str(plugins_dir)!r})
        from qgis.testing import start_app
        start_app()
        import alliance_territories
        plugin = alliance_territories.classFactory(None)
        plugin.initProcessing()
        alg = QgsApplication.processingRegistry().algorithmById('alliance:flowdependencies')
        ready, message = alg.canExecute()
        print('READY', ready)
        print(message)
        plugin.unload()
    """)
    result = subprocess.run(["/usr/bin/python3", "-c", code], capture_output=True, text=True, cwd="/",
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": "/tmp"})
    assert result.returncode == 0, result.stderr
    assert "READY False" in result.stdout and "pandas >= 1.5 is not installed" in result.stdout


def test_repository_processing_does_not_hide_qgis(qgis_app):
    import processing

    assert "/python/plugins/processing" in processing.__file__.replace("\\", "/")
