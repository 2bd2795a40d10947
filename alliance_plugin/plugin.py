"""The QGIS plugin object: registers the Processing provider, tolerates ``iface is None``."""

from qgis.core import QgsApplication

from .toolbelt.i18n import install_translator, remove_translator


class AlliancePlugin:
    def __init__(self, iface):
        self.iface = iface  # None under qgis_process
        self.provider = None

    def initProcessing(self):
        if self.provider is not None:
            return
        from ..processing.provider import AllianceProvider

        install_translator()
        provider = AllianceProvider()
        # On failure (a provider "alliance" is already registered) the registry deletes ours.
        if QgsApplication.processingRegistry().addProvider(provider):
            self.provider = provider
            # The shipped models name our algorithms: they resolve only once the provider is registered.
            provider.refreshAlgorithms()

    def initGui(self):
        self.initProcessing()

    def unload(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()
