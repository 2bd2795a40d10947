"""The "Check dependencies" dialog: each Python library, its state, what needs it, and the command to install it.

Reachable from *Plugins > Alliance of Territories > Check dependencies…* (also
when pandas is missing and the dock cannot load) and from the dock's button.
"""

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFontDatabase, QGuiApplication
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..toolbelt import dependencies, install
from ..toolbelt.i18n import tr

PROVIDER = "alliance"
COLOURS = {dependencies.PRESENT: "#1e8449", dependencies.MISSING: "#c0392b",
           dependencies.TOO_OLD: "#b9770e", dependencies.BROKEN: "#c0392b"}


def state_text(status):
    """``present (2.2.0)``, ``missing``, ``too old (1.8.5)``, ``broken``: translated."""
    words = {dependencies.PRESENT: tr("present"), dependencies.MISSING: tr("missing"),
             dependencies.TOO_OLD: tr("too old"), dependencies.BROKEN: tr("broken")}
    word = words[status.state]
    if status.version and status.state != dependencies.MISSING:
        return tr("{state} ({version})").format(state=word, version=status.version)
    return word


def where_text(kind):
    """Where to run a command of this kind (:class:`install.InstallCommand`)."""
    return {
        "osgeo4w": tr("In the OSGeo4W Shell (Start menu, QGIS folder; as administrator when QGIS was installed "
                      "for all users):"),
        "macos": tr("In the Terminal, with the Python inside the QGIS application:"),
        "flatpak": tr("In a terminal (needs the KDE SDK: flatpak install flathub org.kde.Sdk):"),
        "conda": tr("In the conda environment QGIS runs from:"),
        "apt": tr("In a terminal, with the distribution's packages:"),
        "dnf": tr("In a terminal, with the distribution's packages:"),
        "pacman": tr("In a terminal, with the distribution's packages:"),
        "pip": tr("In a terminal, with pip for the Python that QGIS runs:"),
    }.get(kind, "")


def algorithms_needing():
    """``{library: [algorithm display names]}`` and every algorithm's name, from the registered provider."""
    provider = QgsApplication.processingRegistry().providerById(PROVIDER)
    needs, everything = {}, []
    for algorithm in (provider.algorithms() if provider is not None else []):
        requires = getattr(algorithm, "REQUIRES", None)
        if requires is None:
            continue
        everything.append(algorithm.displayName())
        for name in requires:
            needs.setdefault(dependencies.library_of(name), []).append(algorithm.displayName())
    return needs, everything


def short_name(display_name):
    """``City network`` for ``City network: rank-size, ...``, ``Flow regions`` for ``Flow regions (Intramax, ...)``."""
    return display_name.split(":")[0].split(" (")[0].strip()


def needed_by(name, needs, count, everything=()):
    library = dependencies.LIBRARIES[name]
    names = sorted(needs.get(name, []), key=str.casefold)
    if library.group == "batch":
        return tr("Only scripts/tenure_batch.py (a dask cluster, outside QGIS)")
    if name in ("geopandas", "pyogrio"):
        return tr("Optional: faster GeoPackage input and output (land-tenure overlay, access algorithms)")
    if name == "igraph":
        return tr("Optional: Leiden and the igraph engine of Flow regions")
    if not names or len(names) == count:
        return tr("Every algorithm")
    if everything and 2 * len(names) > count:
        others = sorted({short_name(n) for n in everything} - {short_name(n) for n in names}, key=str.casefold)
        return tr("Every algorithm but: {names}").format(names=", ".join(others))
    return ", ".join(short_name(n) for n in names)


class DependenciesDialog(QDialog):
    COLUMNS = ("library", "status", "needed by", "reason")

    def __init__(self, parent=None, platform=None):
        super().__init__(parent)
        self.setObjectName("AllianceDependenciesDialog")
        self.setWindowTitle(tr("Alliance of Territories: check dependencies"))
        self.platform = platform
        self.statuses = []
        self.commands = []
        layout = QVBoxLayout(self)
        intro = QLabel(tr("The Python libraries the plugin uses, tried in the Python that QGIS runs."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([tr("Library"), tr("Status"), tr("Needed by"), tr("Reason")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(2, 430)
        layout.addWidget(self.table, 1)
        self.where_label = QLabel()
        self.where_label.setWordWrap(True)
        layout.addWidget(self.where_label)
        self.command_box = QPlainTextEdit()
        self.command_box.setReadOnly(True)
        self.command_box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.command_box.setFixedHeight(self.command_box.fontMetrics().lineSpacing() * 2 + 16)
        layout.addWidget(self.command_box)
        self.restart_label = QLabel(tr("Restart QGIS after installing: a library already loaded is seen again "
                                       "only then."))
        self.restart_label.setWordWrap(True)
        self.restart_label.setStyleSheet("color: #566573;")
        layout.addWidget(self.restart_label)
        row = QHBoxLayout()
        self.copy_button = QPushButton(tr("Copy command"))
        self.copy_button.setAutoDefault(False)
        self.refresh_button = QPushButton(tr("Check again"))
        self.refresh_button.setAutoDefault(False)
        self.close_button = QPushButton(tr("Close"))
        row.addWidget(self.copy_button)
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.copy_button.clicked.connect(self.copy_command)
        self.refresh_button.clicked.connect(self.check_again)
        self.close_button.clicked.connect(self.accept)
        self.resize(1040, 720)
        self.fill()

    # ----------------------------------------------------------------- content
    def fill(self):
        self.statuses = dependencies.statuses()
        needs, everything = algorithms_needing()
        self.table.setRowCount(len(self.statuses))
        for row, status in enumerate(self.statuses):
            cells = (status.name, state_text(status), needed_by(status.name, needs, len(everything), everything), status.reason())
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if column == 1:
                    item.setForeground(QBrush(QColor(COLOURS[status.state])))
                    item.setData(Qt.ItemDataRole.UserRole, status.state)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.table.setCurrentItem(None)
        wanted = [s for s in self.statuses
                  if not s.ok and dependencies.LIBRARIES[s.name].group != "batch"]
        self.commands = dependencies.commands_for(wanted, self.platform) if wanted else []
        if self.commands:
            self.where_label.setText("\n".join(dict.fromkeys(where_text(c.kind) for c in self.commands)))
            self.command_box.setPlainText(install.command_text(self.commands))
        else:
            self.where_label.setText(tr("Nothing to install: every library the plugin uses in QGIS works."))
            self.command_box.setPlainText("")
        self.command_box.setVisible(bool(self.commands))
        self.copy_button.setEnabled(bool(self.commands))

    def showEvent(self, event):  # noqa: N802 (Qt's name): wrapped rows follow the final column widths
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self.table.resizeRowsToContents()

    def status_of(self, name):
        """(state, status text, reason) shown for ``name``."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == name:
                return (self.table.item(row, 1).data(Qt.ItemDataRole.UserRole), self.table.item(row, 1).text(),
                        self.table.item(row, 3).text())
        return None

    def command(self):
        return self.command_box.toPlainText()

    # ----------------------------------------------------------------- actions
    def copy_command(self):
        QApplication.clipboard().setText(self.command())

    def check_again(self):
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            dependencies.refresh()
            self.fill()
        finally:
            QGuiApplication.restoreOverrideCursor()


def show_dependencies_dialog(parent=None):
    """Open the dialog modally (the menu entry and the dock's button)."""
    dialog = DependenciesDialog(parent)
    dialog.exec()
    return dialog
