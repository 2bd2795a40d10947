import pytest


@pytest.fixture(scope="session")
def core():
    """The pure core, imported through the plugin package as QGIS would."""
    import alliance_territories.alliance_plugin.core as core_package
    from alliance_territories.alliance_plugin.core import dependencies, flows, geometry

    core_package.dependencies = dependencies
    core_package.flows = flows
    core_package.geometry = geometry
    return core_package
