import pytest


@pytest.fixture(scope="session")
def core():
    """The pure core, imported through the plugin package as QGIS would."""
    import alliance_territories.alliance_plugin.core as core_package
    from alliance_territories.alliance_plugin.core import dependencies, flow_table, geometry

    core_package.dependencies = dependencies
    core_package.flow_table = flow_table
    core_package.geometry = geometry
    return core_package
