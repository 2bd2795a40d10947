"""One recommendation card: available indicators, status and sentences, a small chart, algorithm buttons."""

import math

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout

from ..core.scorecard import RECOMMENDATIONS, RULES
from ..toolbelt.i18n import tr
from .charts import STATUS_COLORS, BarChart

#: Recommendations the scorecard has no rule for yet, and the algorithms whose outputs inform them.
EXTRA_ALGORITHMS = {4: ("landtenureoverlay",), 5: ("landconsumption", "urbangrowth"), 8: ("recommendationscorecard",)}


def rules_of(number):
    return [rule for rule in RULES if number in rule["recommendations"]]


def algorithms_of(number):
    names = [rule["algorithm"] for rule in rules_of(number)] + list(EXTRA_ALGORITHMS.get(number, ()))
    return list(dict.fromkeys(names))


def status_text(status):
    return {"priority": tr("priority"), "watch": tr("watch"), "strong": tr("strong")}.get(status, tr("no data"))


def _number(value):
    if isinstance(value, bool) or value is None:
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else value


def chart_bars(number, attributes, statuses):
    """Bars for the card's numeric indicators, read from one feature's ``attributes`` (a dict)."""
    bars = []
    for rule in rules_of(number):
        value = _number(attributes.get(rule["field"]))
        if value is None:
            continue
        status = statuses.get(rule["id"])
        if rule["field"] == "main_share":
            partner = attributes.get("main_partner") or "?"
            bars.append((tr("to {partner}").format(partner=partner), value, 1.0, f"{value:.0%}", status))
        elif rule["field"] == "sc_supply":
            bars.append((tr("stays inside"), value, 1.0, f"{value:.0%}", status))
        elif rule["field"] == "jci":
            bars.append((tr("jobs per 100"), value, max(150.0, value), f"{value:.0f}", status))
    return bars


class RecommendationCard(QFrame):
    """Shows; never computes. ``algorithmRequested(alg_id)`` asks the dock to open a dialog."""

    algorithmRequested = pyqtSignal(str)

    def __init__(self, number, parent=None):
        super().__init__(parent)
        self.number = number
        self.rules = rules_of(number)
        self.setObjectName(f"card{number}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        # A wrapped label rather than a QGroupBox title: long titles must not widen a narrow dock.
        self.title_label = self._label(layout, "font-weight: bold;")
        self.title_label.setText(f"R{number} · {tr(RECOMMENDATIONS[number])}")
        self.indicators_label = self._label(layout, "color: #566573;")
        header = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        header.addWidget(self.status_label)
        header.addStretch(1)
        layout.addLayout(header)
        self.sentences_label = self._label(layout)
        self.chart = BarChart(self)
        layout.addWidget(self.chart)
        buttons = QVBoxLayout()
        buttons.setSpacing(2)
        self.buttons = {}
        registry = QgsApplication.processingRegistry()
        for name in algorithms_of(number):
            alg_id = f"alliance:{name}"
            algorithm = registry.algorithmById(alg_id)
            button = ElidedButton(algorithm.displayName() if algorithm else name, self)
            button.setToolTip(tr("{name}: open the dialog with the current layer").format(name=button.full_text))
            button.setEnabled(algorithm is not None)
            if algorithm is not None:
                button.setIcon(algorithm.icon())
            button.setStyleSheet("text-align: left; padding: 2px 6px;")
            button.setMinimumWidth(60)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _checked=False, a=alg_id: self.algorithmRequested.emit(a))
            buttons.addWidget(button)
            self.buttons[alg_id] = button
        layout.addLayout(buttons)
        self.set_available(set())
        self.clear()

    @staticmethod
    def _label(layout, style=""):
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet(style)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        layout.addWidget(label)
        return label

    def set_available(self, fields):
        """``fields``: names of the fields present in any layer of the project."""
        if not self.rules:
            self.indicators_label.setText(tr("No scorecard indicator yet: see the algorithms below."))
            return
        parts = []
        for rule in self.rules:
            mark = "✔" if rule["field"] in fields else "✘"
            parts.append(f"{mark} {rule['field']}")
        self.indicators_label.setText(tr("Indicators: {list}").format(list=", ".join(parts)))
        self.available = {rule["field"] for rule in self.rules if rule["field"] in fields}

    def clear(self):
        self.show_result(None, tr("No territory selected.") if self.rules else "", [])

    def show_result(self, status, sentences, bars):
        self.status = status
        color = STATUS_COLORS.get(status, STATUS_COLORS[None])
        self.status_label.setText(status_text(status))
        self.status_label.setStyleSheet(
            f"QLabel {{ color: white; background: {color}; border-radius: 3px; padding: 1px 6px; font-weight: bold; }}")
        self.status_label.setVisible(bool(self.rules))  # no rule, no status to show
        self.sentences_label.setText(sentences or "")
        self.sentences_label.setVisible(bool(sentences))
        self.chart.set_bars(bars)


class ElidedButton(QPushButton):
    """A push button that elides its text instead of widening a narrow dock."""

    def __init__(self, text, parent=None):
        super().__init__(text, parent)
        self.full_text = text
        self.setToolTip(text)

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        room = self.width() - self.iconSize().width() - 24
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, max(room, 20)))
