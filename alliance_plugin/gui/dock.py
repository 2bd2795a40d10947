"""The "Alliance of Territories" dock: a territory picker and eight recommendation cards.

The dock computes nothing: figures are the layers' attributes read through
:func:`core.scorecard.scorecard`; work runs through Processing dialogs.
"""

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFieldProxyModel,
    QgsMessageLog,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget, QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.scorecard import RECOMMENDATIONS
from ..toolbelt.i18n import tr
from .cards import RecommendationCard, chart_bars
from .layers import NAME_FIELDS, default_code_field, is_alliance_layer, python_value, run_sample
from ..qgis_io import compat

SCOPE = "AllianceOfTerritories"


class AllianceDock(QgsDockWidget):
    def __init__(self, iface=None, parent=None):
        super().__init__(tr("Alliance of Territories"), parent)
        self.setObjectName("AllianceOfTerritoriesDock")
        self.iface = iface
        self._layer = None  # the layer whose selectionChanged we follow
        self._layer_id = None
        self._restoring = False
        self._connections = []
        self._build()
        project = QgsProject.instance()
        for signal, slot in ((project.layersAdded, self._layers_changed),
                             (project.layersRemoved, self._layers_changed),
                             (project.layersWillBeRemoved, self._layers_will_be_removed),
                             (project.cleared, self._project_cleared),
                             (project.readProject, self._project_read),
                             (project.writeProject, self._project_write),
                             (self.layer_combo.layerChanged, self._layer_changed),
                             (self.field_combo.fieldChanged, self._field_changed),
                             (self.territory_combo.currentIndexChanged, self._territory_changed),
                             (self.sample_button.clicked, self.load_sample)):
            signal.connect(slot)
            self._connections.append((signal, slot))
        for card in self.cards.values():
            card.algorithmRequested.connect(self.open_algorithm)
            self._connections.append((card.algorithmRequested, self.open_algorithm))
        self._layers_changed()
        self._project_read()

    # ----------------------------------------------------------------- widgets
    def _build(self):
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layer_combo = QgsMapLayerComboBox()
        self.layer_combo.setFilters(compat.LayerFilter.PolygonLayer)
        self.layer_combo.setAllowEmptyLayer(True)
        self.layer_combo.setLayer(None)
        self.layer_combo.setToolTip(tr("Polygon layers holding at least one indicator of the scorecard"))
        self.field_combo = QgsFieldComboBox()
        self.field_combo.setFilters(QgsFieldProxyModel.Filter.String | QgsFieldProxyModel.Filter.Int | QgsFieldProxyModel.Filter.LongLong)
        self.territory_combo = QComboBox()
        for combo in (self.layer_combo, self.field_combo, self.territory_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        form.addRow(tr("Layer"), self.layer_combo)
        form.addRow(tr("Code field"), self.field_combo)
        form.addRow(tr("Territory"), self.territory_combo)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.sample_button = QPushButton(tr("Sample data"))
        self.sample_button.setToolTip(tr("Load the Austrian sample and run Flow dependencies on it"))
        row.addWidget(self.sample_button)
        self.dependencies_button = QPushButton(tr("Check dependencies"))
        self.dependencies_button.setToolTip(tr("The Python libraries the plugin uses, their state and the command "
                                               "that installs the missing ones"))
        self.dependencies_button.clicked.connect(self.check_dependencies)
        row.addWidget(self.dependencies_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #566573;")
        layout.addWidget(self.hint_label)
        self.cards = {}
        for number in RECOMMENDATIONS:
            card = RecommendationCard(number)
            self.cards[number] = card
            layout.addWidget(card)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.scroll_area = scroll
        self.setWidget(scroll)

    def check_dependencies(self):
        from .dependencies_dialog import show_dependencies_dialog

        return show_dependencies_dialog(self)

    # ------------------------------------------------------------------ state
    def current_layer(self):
        layer = self.layer_combo.currentLayer()
        return layer if is_alliance_layer(layer) else None

    def current_feature_id(self):
        fid = self.territory_combo.currentData()
        return None if fid is None else int(fid)

    def select_layer(self, layer, code_field=None):
        self.layer_combo.setLayer(layer)
        if code_field:
            self.field_combo.setField(code_field)

    def select_territory(self, code):
        index = self.territory_combo.findData(str(code), Qt.ItemDataRole.UserRole + 1)
        if index >= 0:
            self.territory_combo.setCurrentIndex(index)
        return index >= 0

    def show_feature(self, fid):
        index = self.territory_combo.findData(fid)
        if index >= 0:
            self.territory_combo.setCurrentIndex(index)

    # ---------------------------------------------------------------- signals
    def _layers_changed(self, *_args):
        project = QgsProject.instance()
        layers = list(project.mapLayers().values())
        self.layer_combo.setExceptedLayerList([layer for layer in layers if not is_alliance_layer(layer)])
        fields = set()
        for layer in layers:
            if isinstance(layer, QgsVectorLayer):
                fields.update(layer.fields().names())
        for card in self.cards.values():
            card.set_available(fields)
        if self.current_layer() is None:
            candidates = [layer for layer in layers if is_alliance_layer(layer)]
            if candidates and not self._restoring:
                self.layer_combo.setLayer(candidates[-1])
        self._update_hint()

    def _update_hint(self):
        if self.current_layer() is None:
            self.hint_label.setText(tr("No layer with indicators in the project: run an algorithm of the "
                                       "Alliance of Territories, or click Sample data."))
        else:
            self.hint_label.setText(tr("Select a territory on the map or in the list."))

    def _layers_will_be_removed(self, layer_ids):
        if self._layer is not None and self._layer_id in layer_ids:
            self._follow(None)

    def _follow(self, layer):
        if self._layer is not None:
            try:
                self._layer.selectionChanged.disconnect(self._selection_changed)
            except (RuntimeError, TypeError):  # already deleted or not connected
                pass
        self._layer = layer
        self._layer_id = layer.id() if layer is not None else None
        if layer is not None:
            layer.selectionChanged.connect(self._selection_changed)

    def _layer_changed(self, _layer=None):
        layer = self.current_layer()
        if layer is not self._layer:
            self._follow(layer)
        self.field_combo.setLayer(layer)
        if layer is not None:
            # The combo picks the first field (often fid): codes are text, so prefer the first text field.
            current = layer.fields().lookupField(self.field_combo.currentField() or "")
            if current < 0 or not compat.is_text_field(layer.fields()[current]):
                self.field_combo.setField(default_code_field(layer))
        self._fill_territories()
        self._update_hint()

    def _field_changed(self, _name=None):
        self._fill_territories()

    def _fill_territories(self):
        layer, code_field = self.current_layer(), self.field_combo.currentField()
        previous = self.territory_combo.currentData(Qt.ItemDataRole.UserRole + 1)
        self.territory_combo.blockSignals(True)
        self.territory_combo.clear()
        if layer is not None and code_field in layer.fields().names():
            names = layer.fields().names()
            name_field = next((n for n in NAME_FIELDS if n in names and n != code_field), None)
            items = []
            for feature in layer.getFeatures():
                code = python_value(feature[code_field])
                name = python_value(feature[name_field]) if name_field else None
                label = f"{code} · {name}" if name else str(code)
                items.append((str(code), label, feature.id()))
            for code, label, fid in sorted(items):
                self.territory_combo.addItem(label, fid)
                self.territory_combo.setItemData(self.territory_combo.count() - 1, code, Qt.ItemDataRole.UserRole + 1)
        self.territory_combo.blockSignals(False)
        index = self.territory_combo.findData(previous, Qt.ItemDataRole.UserRole + 1) if previous is not None else -1
        self.territory_combo.setCurrentIndex(max(index, 0) if self.territory_combo.count() else -1)
        self._territory_changed()

    def _selection_changed(self, selected=None, _deselected=None, _clear=False):
        layer = self.current_layer()
        if layer is None:
            return
        ids = list(selected or []) or sorted(layer.selectedFeatureIds())
        if ids:
            self.show_feature(ids[0])

    def _territory_changed(self, _index=None):
        layer, fid = self.current_layer(), self.current_feature_id()
        feature = layer.getFeature(fid) if layer is not None and fid is not None else None
        if feature is None or not feature.isValid():
            for card in self.cards.values():
                card.clear()
            return
        attributes = {name: python_value(feature[name]) for name in layer.fields().names()}
        self.show_attributes(attributes, self.territory_combo.currentData(Qt.ItemDataRole.UserRole + 1))

    def show_attributes(self, attributes, territory):
        """Fill the cards from one territory's attributes, through the pure scorecard."""
        import pandas as pd

        from ..core.scorecard import overall, scorecard

        table = pd.DataFrame([attributes], index=[territory])
        card = scorecard(table, translate=tr)
        summary = overall(card)
        for number, widget in self.cards.items():
            rows = card[card["recommendation"] == number]
            statuses = dict(zip(rows["rule"], rows["status"]))
            found = summary[summary["recommendation"] == number]
            bars = chart_bars(number, attributes, statuses)
            if found.empty:
                text = tr("No indicator for this territory yet: run the algorithms below.") if widget.rules else ""
                widget.show_result(None, text, bars)
            else:
                widget.show_result(found["status"].iloc[0], found["sentences"].iloc[0], bars)

    def _project_cleared(self):
        self._follow(None)
        self.layer_combo.setLayer(None)
        self.field_combo.setLayer(None)
        self._fill_territories()
        self._layers_changed()

    def _project_write(self, _document=None):
        project = QgsProject.instance()
        layer = self.current_layer()
        project.writeEntry(SCOPE, "dock_layer", layer.id() if layer is not None else "")
        project.writeEntry(SCOPE, "dock_code_field", self.field_combo.currentField() or "")
        project.writeEntry(SCOPE, "dock_territory", self.territory_combo.currentData(Qt.ItemDataRole.UserRole + 1) or "")

    def _project_read(self, _document=None):
        project = QgsProject.instance()
        layer_id, _ok = project.readEntry(SCOPE, "dock_layer", "")
        field, _ok = project.readEntry(SCOPE, "dock_code_field", "")
        territory, _ok = project.readEntry(SCOPE, "dock_territory", "")
        layer = project.mapLayer(layer_id) if layer_id else None
        self._restoring = True
        try:
            self._layers_changed()
        finally:
            self._restoring = False
        if is_alliance_layer(layer):
            self.select_layer(layer, field or None)
            if territory:
                self.select_territory(territory)
        elif self.current_layer() is None:
            self._layers_changed()

    # ------------------------------------------------------------------ actions
    def open_algorithm(self, alg_id):
        from qgis import processing

        layer = self.current_layer()
        algorithm = QgsApplication.processingRegistry().algorithmById(alg_id)
        names = [d.name() for d in algorithm.parameterDefinitions()] if algorithm is not None else ["INPUT"]
        key = next((k for k in ("INPUT", "TERRITORIES") if k in names), None)  # where the territories go
        parameters = {key: layer} if layer is not None and key else {}
        try:
            processing.execAlgorithmDialog(alg_id, parameters)
        except Exception as error:  # noqa: BLE001 (an unknown id or a closed dialog must not break the dock)
            self._message(tr("Cannot open {alg}: {error}").format(alg=alg_id, error=error), Qgis.MessageLevel.Warning)

    def load_sample(self):
        """Load the bundled Austrian case and run Flow dependencies on it through Processing."""
        try:
            layer = run_sample(QgsProject.instance())
        except Exception as error:  # noqa: BLE001 (report it, keep the dock alive)
            self._message(tr("Flow dependencies failed on the sample: {error}").format(error=error), Qgis.MessageLevel.Critical)
            return None
        if layer is not None:
            self._layers_changed()
            self.select_layer(layer, "nuts2")
        return layer

    def _message(self, text, level=Qgis.MessageLevel.Info):
        if self.iface is not None and hasattr(self.iface, "messageBar"):
            self.iface.messageBar().pushMessage(tr("Alliance of Territories"), text, level)
        QgsMessageLog.logMessage(text, tr("Alliance of Territories"), level)

    # ----------------------------------------------------------------- teardown
    def teardown(self):
        """Disconnect every signal; safe to call twice."""
        self._follow(None)
        for signal, slot in self._connections:
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self._connections = []
