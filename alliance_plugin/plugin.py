"""The QGIS plugin object: registers the Processing provider and the dock, tolerates ``iface is None``."""

from qgis.core import QgsApplication

from .toolbelt.i18n import install_translator, remove_translator, tr


class AlliancePlugin:
    def __init__(self, iface):
        self.iface = iface  # None under qgis_process
        self.provider = None
        self.dock = None
        self.dock_action = None
        self.dependencies_action = None
        self.label_wrapper = None

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
        if self.iface is None or self.dock is not None:
            return
        if self.label_wrapper is None:
            from .gui.dialog_labels import LabelWrapper

            self.label_wrapper = LabelWrapper()  # our Processing dialogs without a horizontal scroll bar
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtGui import QIcon
        from qgis.PyQt.QtWidgets import QAction

        from .toolbelt.dependencies import install_hint, problems
        from .toolbelt.resources import icon_path

        missing = problems(["pandas"])  # the dock reads core.scorecard, which needs pandas
        if missing:
            from qgis.core import Qgis, QgsMessageLog

            QgsMessageLog.logMessage(tr("The Alliance of Territories panel needs: {what}. Install it with: {hint}")
                                     .format(what="; ".join(missing), hint=install_hint(["pandas"])),
                                     tr("Alliance of Territories"), Qgis.MessageLevel.Warning)
            self._add_dependencies_action()  # the dialog says what to install, dock or not
            return
        from .gui.dock import AllianceDock

        install_translator()
        self.dock = AllianceDock(self.iface, self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        action = QAction(QIcon(str(icon_path("alliance"))), tr("Alliance of Territories panel"),
                         self.iface.mainWindow())
        action.setObjectName("AllianceOfTerritoriesDockAction")
        self.dock.setToggleVisibilityAction(action)
        self.iface.addPluginToMenu(self.menu_name(), action)
        self.iface.addToolBarIcon(action)  # the panel one click away, on the Plugins toolbar
        self.dock_action = action
        self._add_dependencies_action()

    def _add_dependencies_action(self):
        from qgis.PyQt.QtWidgets import QAction

        if self.dependencies_action is not None:
            return
        action = QAction(tr("Check dependencies…"), self.iface.mainWindow())
        action.setObjectName("AllianceOfTerritoriesDependenciesAction")
        action.triggered.connect(lambda _checked=False: self.show_dependencies())
        self.iface.addPluginToMenu(self.menu_name(), action)
        self.dependencies_action = action

    def show_dependencies(self):
        """The "Check dependencies" dialog: every library, its state and the command for this system."""
        from .gui.dependencies_dialog import show_dependencies_dialog

        return show_dependencies_dialog(self.iface.mainWindow() if self.iface is not None else None)

    @staticmethod
    def menu_name():
        return tr("&Alliance of Territories")

    def unload(self):
        if self.label_wrapper is not None:
            self.label_wrapper.stop()
            self.label_wrapper.deleteLater()
            self.label_wrapper = None
        if self.dependencies_action is not None:
            if self.iface is not None:
                self.iface.removePluginMenu(self.menu_name(), self.dependencies_action)
            self.dependencies_action.deleteLater()
            self.dependencies_action = None
        if self.dock_action is not None:
            if self.iface is not None:
                self.iface.removePluginMenu(self.menu_name(), self.dock_action)
                self.iface.removeToolBarIcon(self.dock_action)
            self.dock_action.deleteLater()
            self.dock_action = None
        if self.dock is not None:
            self.dock.teardown()
            if self.iface is not None:
                self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()
