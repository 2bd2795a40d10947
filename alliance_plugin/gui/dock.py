"""The "Alliance of Territories" dock: a territory picker and eight recommendation cards over all results.

For the selected territory (on the map or in the list) the dock gathers every indicator of
every vector layer of the project that carries our fields, joined by the territory code (the
join rule is in :mod:`.layers`), reads them through :func:`core.scorecard.scorecard` and
:func:`core.scorecard.evidence` (R8), and shows per recommendation each indicator with its
readable name, value, unit and status, the sentences, a chart and the algorithms that would add
evidence. The dock computes nothing: work runs through Processing dialogs, which the card
buttons open with what the dock knows (territories, code field, flows last used, population).
"""

import time

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeatureRequest,
    QgsFieldProxyModel,
    QgsMessageLog,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget, QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QAbstractListModel, QModelIndex, Qt, QTimer, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.scorecard import RECOMMENDATIONS
from ..toolbelt.i18n import tr
from ..toolbelt.resources import PLUGIN_ROOT
from .cards import RecommendationCard, WrapButton, card_content, chart_bars, resource_bars
from .layers import (
    INDICATORS,
    LayerReader,
    carries_indicators,
    default_code_field,
    is_alliance_layer,
    population_field,
    python_value,
    run_sample,
    sample_flows_path,
)
from ..qgis_io import compat

SCOPE = "AllianceOfTerritories"
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
HELP_PATH = PLUGIN_ROOT / "help" / "index.html"
#: Parameters that take the territories, their code field, the population field (of the territories).
TERRITORY_PARAMETERS = ("INPUT", "TERRITORIES", "UNITS")
CODE_PARAMETERS = ("ID_FIELD", "TERRITORY_ID_FIELD", "TERRITORY_FIELD", "UNIT_ID_FIELD", "CODE_FIELD")
POPULATION_PARAMETERS = ("POPULATION_FIELD",)
#: Context fields the sentences name (a code), and what to say when no layer gives them.
CONTEXT = {"main_partner": "main_share", "nd_parent": "nd_class", "fua_id": "fua_role"}


def open_dialog(alg_id, parameters):
    """Open the algorithm's dialog prefilled with ``parameters``; return the parameters it ran with.

    (A module function, so that tests can replace it.)
    """
    from qgis import processing

    dialog = processing.createAlgorithmDialog(alg_id, parameters)
    if dialog is None:
        raise ValueError(tr("unknown algorithm"))
    dialog.show()
    dialog.exec()
    used = None
    try:
        if dialog.results():
            used = dialog.createProcessingParameters()
    except Exception:  # noqa: BLE001 (older dialogs: the parameters are a nicety)
        used = None
    dialog.close()
    return used


class TerritoryModel(QAbstractListModel):
    """The territory list: labels shown, codes under ``CODE_ROLE``; built in one step for 35,000 rows."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items = []
        self._rows = {}

    def set_items(self, items):
        self.beginResetModel()
        self._items = list(items)
        self._rows = {code: row for row, (code, _label) in enumerate(self._items)}
        self.endResetModel()

    def row_of(self, code):
        return self._rows.get(str(code), -1)

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._items)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        code, label = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return label
        if role == CODE_ROLE:
            return code
        return None


class AllianceDock(QgsDockWidget):
    def __init__(self, iface=None, parent=None):
        super().__init__(tr("Alliance of Territories"), parent)
        self.setObjectName("AllianceOfTerritoriesDock")
        self.iface = iface
        self._layer = None  # the layer whose selectionChanged we follow
        self._layer_id = None
        self._restoring = False
        self._connections = []
        self.reader = LayerReader(self)
        self.last_refresh = 0.0  # seconds taken by the last territory display (measured, shown nowhere)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(50)
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
                             (self.sample_button.clicked, self.load_sample),
                             (self.reader.changed, self._layer_data_changed),
                             (self._refresh_timer.timeout, self._refresh)):
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
        self.field_combo.setFilters(QgsFieldProxyModel.Filter.String | QgsFieldProxyModel.Filter.Int
                                    | QgsFieldProxyModel.Filter.LongLong)
        self.field_combo.setToolTip(tr("The field holding the territory codes; other layers are joined on it"))
        self.territory_combo = QComboBox()
        self.territory_model = TerritoryModel(self.territory_combo)
        self.territory_combo.setModel(self.territory_model)
        for combo in (self.layer_combo, self.field_combo, self.territory_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        form.addRow(tr("Layer"), self.layer_combo)
        form.addRow(tr("Code field"), self.field_combo)
        form.addRow(tr("Territory"), self.territory_combo)
        layout.addLayout(form)
        row = QHBoxLayout()
        # Wrapping buttons: their texts (longer in French) never widen a narrow dock.
        self.sample_button = WrapButton(tr("Sample data"))
        self.sample_button.setToolTip(tr("Load the Austrian sample and run Flow dependencies on it"))
        row.addWidget(self.sample_button)
        self.dependencies_button = WrapButton(tr("Check dependencies"))
        self.dependencies_button.setToolTip(tr("The Python libraries the plugin uses, their state and the command "
                                               "that installs the missing ones"))
        self.dependencies_button.clicked.connect(self.check_dependencies)
        row.addWidget(self.dependencies_button)
        layout.addLayout(row)
        self.help_label = QLabel(f"<a href='help'>{tr('Method notes')}</a>")
        self.help_label.setToolTip(tr("How each indicator is computed, its rule and its sources"))
        self.help_label.linkActivated.connect(lambda _link: self.open_help())
        layout.addWidget(self.help_label)
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
        self._update_help()

    def _update_help(self):
        self.help_label.setVisible(HELP_PATH.exists())

    def open_help(self):
        """The method notes shipped in the plugin (help/index.html), in the system's browser."""
        if HELP_PATH.exists():
            return QDesktopServices.openUrl(QUrl.fromLocalFile(str(HELP_PATH)))
        return False

    def check_dependencies(self):
        from .dependencies_dialog import show_dependencies_dialog

        return show_dependencies_dialog(self)

    # ------------------------------------------------------------------ state
    def current_layer(self):
        layer = self.layer_combo.currentLayer()
        return layer if is_alliance_layer(layer) else None

    def current_code(self):
        code = self.territory_combo.currentData(CODE_ROLE)
        return None if code is None else str(code)

    def select_layer(self, layer, code_field=None):
        self.layer_combo.setLayer(layer)
        if code_field:
            self.field_combo.setField(code_field)

    def select_territory(self, code):
        index = self.territory_model.row_of(code)
        if index >= 0:
            self.territory_combo.setCurrentIndex(index)
        return index >= 0

    def show_feature(self, fid):
        """Show the territory of feature ``fid`` of the current layer (one feature read, no geometry)."""
        layer, field = self.current_layer(), self.field_combo.currentField()
        if layer is None or field not in layer.fields().names():
            return False
        request = QgsFeatureRequest(int(fid)).setFlags(compat.FeatureRequestFlag.NoGeometry)
        request.setSubsetOfAttributes([layer.fields().lookupField(field)])
        feature = next(layer.getFeatures(request), None)
        code = python_value(feature[field]) if feature is not None and feature.isValid() else None
        return code is not None and self.select_territory(code)

    def project_layers(self):
        return [layer for layer in QgsProject.instance().mapLayers().values() if isinstance(layer, QgsVectorLayer)]

    # ---------------------------------------------------------------- signals
    def _layers_changed(self, *_args):
        layers = list(QgsProject.instance().mapLayers().values())
        self.layer_combo.setExceptedLayerList([layer for layer in layers if not is_alliance_layer(layer)])
        fields = set()
        for layer in layers:
            if carries_indicators(layer):
                fields.update(layer.fields().names())
        for card in self.cards.values():
            card.set_available(fields)
        if self.current_layer() is None:
            candidates = [layer for layer in layers if is_alliance_layer(layer)]
            if candidates and not self._restoring:
                self.layer_combo.setLayer(candidates[-1])
        self._update_hint()
        self._update_help()
        if self.current_code() is not None:
            self._refresh_timer.start()  # a new layer may add evidence for the territory shown

    def _update_hint(self):
        if self.current_layer() is None:
            self.hint_label.setText(tr("No layer with indicators in the project: run an algorithm of the "
                                       "Alliance of Territories, or click Sample data."))
        else:
            self.hint_label.setText(tr("Select a territory on the map or in the list."))

    def _layers_will_be_removed(self, layer_ids):
        for layer_id in layer_ids:
            self.reader.forget(layer_id)
        if self._layer is not None and self._layer_id in layer_ids:
            self._follow(None)

    def _layer_data_changed(self, layer_id):
        layer = self.current_layer()
        if layer is not None and layer.id() == layer_id:
            self._fill_territories()
        else:
            self._refresh_timer.start()

    def _refresh(self):
        self._territory_changed()

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
            # The combo picks the first field (often fid): codes are text, so prefer a code-like text field.
            current = layer.fields().lookupField(self.field_combo.currentField() or "")
            if current < 0 or not compat.is_text_field(layer.fields()[current]):
                self.field_combo.setField(default_code_field(layer))
        self._fill_territories()
        self._update_hint()

    def _field_changed(self, _name=None):
        self._fill_territories()

    def _fill_territories(self):
        layer, code_field = self.current_layer(), self.field_combo.currentField()
        previous = self.current_code()
        self.territory_combo.blockSignals(True)
        items = []
        if layer is not None and code_field in layer.fields().names():
            items = self.reader.territories(layer, code_field)
        self.territory_model.set_items(items)
        self.territory_combo.blockSignals(False)
        index = self.territory_model.row_of(previous) if previous is not None else -1
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
        started = time.perf_counter()
        layer, code_field, code = self.current_layer(), self.field_combo.currentField(), self.current_code()
        if layer is None or code is None or code_field not in layer.fields().names():
            for card in self.cards.values():
                card.clear()
            return
        layers = self.project_layers()
        values, sources = self.reader.gather(layer, code_field, code, layers)
        self.show_values(values, code, sources, names=self.reader.names(layer, code_field))
        self.cards[6].show_resources(resource_bars(self.reader.balance_rows(code, layers)))
        self.last_refresh = time.perf_counter() - started

    def show_attributes(self, attributes, territory):
        """Fill the cards from one territory's attributes (a dict), e.g. one feature's."""
        self.show_values({k: v for k, v in attributes.items() if k in INDICATORS}, territory, {})

    def show_values(self, values, territory, sources, names=None):
        """Fill the cards from one territory's gathered ``values`` through the pure scorecard."""
        import pandas as pd

        from ..core import scorecard as sc

        names = names or {}
        shown = dict(values)
        for field, needs in CONTEXT.items():  # codes named; never a "?" placeholder in a sentence
            if shown.get(field) not in (None, ""):
                label = names.get(str(shown[field]), "")
                name = label.split(" · ", 1)[1] if " · " in label else ""
                shown[field] = f"{name} ({shown[field]})" if name else str(shown[field])
            elif shown.get(needs) is not None and (field != "nd_parent"
                                                  or shown[needs] in ("dominated", "intermediate")):
                shown[field] = {"main_partner": tr("a partner not named in the layers"),
                                "nd_parent": tr("a territory not named in the layers"),
                                "fua_id": tr("an area not named in the layers")}[field]
        table = pd.DataFrame([shown], index=[territory]) if shown else pd.DataFrame(index=[territory])
        card = sc.scorecard(table, translate=tr)
        evidence = getattr(sc, "evidence", None)
        if evidence is not None:
            algorithms = {}
            for field, layer_name in sources.items():
                spec = INDICATORS.get(field)
                if spec is not None:
                    algorithms.setdefault(spec["algorithm"], tr("in {layer}").format(layer=layer_name))
            card = pd.concat([card, evidence(card, [territory], sources=algorithms, translate=tr)],
                             ignore_index=True)
        records = card.to_dict("records")
        for field in ("rule_text", "reason"):
            for record in records:
                record.setdefault(field, "")
        for number, widget in self.cards.items():
            rows = [record for record in records if record["recommendation"] == number]
            lines, status, sentences = card_content(number, shown, sources, rows)
            if not lines and not sentences:
                sentences = tr("No indicator for this territory yet: run one of the algorithms below.")
            widget.show_result(status, sentences, chart_bars(number, lines, shown), lines)

    def _project_cleared(self):
        self.reader.forget_all()
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
        project.writeEntry(SCOPE, "dock_territory", self.current_code() or "")

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
    def remembered_flows(self):
        """The flows last used in this project (a layer of the project, or a file), or None."""
        project = QgsProject.instance()
        value, _ok = project.readEntry(SCOPE, "flows", "")
        if not value:
            return None
        layer = project.mapLayer(value)
        if layer is not None:
            return layer
        from pathlib import Path

        return value if Path(value.split("|")[0]).exists() else None

    def remember_flows(self, flows):
        """Keep the flows (a layer, a layer id or a path) in the project for the next dialogs."""
        if flows is None or flows == "":
            return
        if hasattr(flows, "id") and callable(flows.id):
            value = flows.id()
        elif hasattr(flows, "source") and hasattr(flows, "selectedFeaturesOnly"):  # QgsProcessingFeatureSourceDefinition
            value = flows.source.staticValue() if hasattr(flows.source, "staticValue") else str(flows.source)
        else:
            value = str(flows)
        layer = QgsProject.instance().mapLayer(value)
        current = self.current_layer()
        if (layer is not None and current is not None and layer.id() == current.id()) or not value:
            return  # never the territories themselves
        QgsProject.instance().writeEntry(SCOPE, "flows", value)

    def algorithm_parameters(self, alg_id):
        """What the dock knows for the algorithm's dialog: territories, code field, flows, population."""
        layer = self.current_layer()
        algorithm = QgsApplication.processingRegistry().algorithmById(alg_id)
        if algorithm is None:
            return {"INPUT": layer} if layer is not None else {}
        parameters = {}
        territory_key = None
        for definition in algorithm.parameterDefinitions():
            name = definition.name()
            if layer is not None and territory_key is None and name in TERRITORY_PARAMETERS \
                    and definition.type() in ("source", "vector"):
                parameters[name] = layer
                territory_key = name
        code_field = self.field_combo.currentField()
        population = population_field(layer)
        flows = self.remembered_flows()
        for definition in algorithm.parameterDefinitions():
            name = definition.name()
            parent = definition.parentLayerParameterName() if definition.type() == "field" else None
            if territory_key and parent == territory_key and name in CODE_PARAMETERS and code_field:
                parameters[name] = code_field
            elif territory_key and parent == territory_key and name in POPULATION_PARAMETERS and population:
                parameters[name] = population
            elif name == "FLOWS" and flows is not None:
                parameters[name] = flows
            elif name == "INDICATORS" and definition.type() == "multilayer":
                others = [candidate for candidate in self.project_layers()
                          if carries_indicators(candidate) and candidate is not layer
                          and self.reader.join_field(candidate, layer, code_field) is not None]
                if others and layer is not None:
                    parameters[name] = others
        return parameters

    def open_algorithm(self, alg_id):
        parameters = self.algorithm_parameters(alg_id)
        try:
            used = open_dialog(alg_id, parameters)
        except Exception as error:  # noqa: BLE001 (an unknown id or a closed dialog must not break the dock)
            self._message(tr("Cannot open {alg}: {error}").format(alg=alg_id, error=error), Qgis.MessageLevel.Warning)
            return None
        if isinstance(used, dict) and used.get("FLOWS"):
            self.remember_flows(used["FLOWS"])
        return used

    def load_sample(self):
        """Load the bundled Austrian case and run Flow dependencies on it (once: a second click reuses it)."""
        try:
            layer = run_sample(QgsProject.instance())
        except Exception as error:  # noqa: BLE001 (report it, keep the dock alive)
            self._message(tr("Flow dependencies failed on the sample: {error}").format(error=error),
                          Qgis.MessageLevel.Critical)
            return None
        if layer is not None:
            self.remember_flows(sample_flows_path())
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
        self._refresh_timer.stop()
        self.reader.forget_all()
        for signal, slot in self._connections:
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self._connections = []
