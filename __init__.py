"""Alliance of Territories, a QGIS plugin for territorial intelligence."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    """Entry point QGIS calls; ``iface`` is None under ``qgis_process``."""
    from .alliance_plugin.plugin import AlliancePlugin

    return AlliancePlugin(iface)
