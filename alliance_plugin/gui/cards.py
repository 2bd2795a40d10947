"""One recommendation card: its indicators (readable name, value, unit, status), sentences, chart, buttons.

The card shows what it is given (:func:`card_content` shapes the dock's gathered values and the
scorecard's rows into lines); it never computes an indicator.
"""

import html
import math

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QSize, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout

from ..core.scorecard import RECOMMENDATIONS, RULES
from ..toolbelt.i18n import tr, user_language
from .charts import STATUS_COLORS, STATUS_TEXT_COLORS, BarChart
from .layers import INDICATORS, describe

NOT_MEASURABLE = "not measurable"
#: Most urgent first: what a card shows when several indicators have a status.
STATUS_ORDER = ("priority", "watch", "strong", NOT_MEASURABLE)
#: Algorithms that add evidence to each recommendation, beyond the scorecard's rules.
EXTRA_ALGORITHMS = {1: ("functionalareas", "flowregions"), 2: ("flowregions",), 3: ("citynetwork",),
                    4: ("landtenureoverlay",), 5: ("landconsumption", "urbangrowth"),
                    6: ("flowdependencies",), 7: ("serviceaccess",), 8: ("recommendationscorecard",)}
#: Kinds shown as context, not as indicators of their own.
HIDDEN_KINDS = ("text",)


def rules_of(number):
    return [rule for rule in RULES if number in rule["recommendations"]]


def algorithms_of(number):
    names = [rule["algorithm"] for rule in rules_of(number)] + list(EXTRA_ALGORITHMS.get(number, ()))
    return list(dict.fromkeys(names))


def status_text(status):
    return {"priority": tr("priority"), "watch": tr("watch"), "strong": tr("strong"),
            NOT_MEASURABLE: tr("not measurable")}.get(status, tr("no data"))


def _number(value):
    if isinstance(value, bool) or value is None:
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else value


def format_value(field, value):
    """``value`` as a person reads it: scaled, rounded, with its unit (translated)."""
    spec = describe(field) or {}
    if value is None:
        return ""
    kind = spec.get("kind", "")
    if kind == "flag":
        return tr("yes") if _number(value) else tr("no")
    if kind == "status":
        return status_text(str(value))
    number = _number(value)
    if number is None or kind in ("class", "code", "text"):
        return class_text(str(value)) if kind == "class" else str(value)
    number *= spec.get("scale", 1.0)
    if number == int(number) or abs(number) >= 100:
        text = f"{number:,.0f}".replace(",", "\u00a0")  # 185 020, never broken over two lines
    elif abs(number) >= 10:
        text = f"{number:.1f}"
    else:
        text = f"{number:.2f}"
    if user_language() == "fr":  # 26,1 % (the thousands are already thin spaces)
        text = text.replace(".", ",")
    unit = spec.get("unit", "")
    return f"{text}\u00a0{unit_text(unit)}" if unit and unit != "ratio" else text  # never "26.1" then "%" below


#: ``tr`` under another name for texts that live in data: scripts/update_translations.py collects the
#: indicator labels from core/indicators.py itself (it cannot follow a variable).
translate_data = tr


def unit_text(unit):
    """A unit as the user reads it (literal ``tr`` calls, so that the translation tool collects them)."""
    return {"jobs per 100 workers": tr("jobs per 100 workers"), "inhabitants": tr("inhabitants"),
            "per 1000 inhabitants": tr("per 1000 inhabitants"), "inhabitants per km²": tr("inhabitants per km²"),
            "min": tr("min")}.get(unit, unit)


def class_text(value):
    """A class value of our outputs (Nystuen-Dacey classes, roles) as the user reads it."""
    return {"dominant": tr("dominant"), "dominated": tr("dominated"), "intermediate": tr("intermediate"),
            "independent": tr("independent"), "isolated": tr("isolated"), "pole": tr("pole"),
            "interdependent": tr("interdependent"), "dependent": tr("dependent"), "autonomous": tr("autonomous"),
            "city core": tr("city core"), "commuting zone": tr("commuting zone"),
            "outside": tr("outside")}.get(value, value)


def indicator_label(field):
    spec = describe(field)
    return translate_data(spec["label"]) if spec else field


def card_content(number, values, sources, rows):
    """What card ``number`` shows for one territory.

    ``values``: ``{field: value}`` gathered from every layer; ``sources``: ``{field: layer name}``;
    ``rows``: the scorecard rows (dicts with ``indicator, status, sentence, rule_text, reason, source``)
    of this recommendation. Returns ``(lines, status, sentences)``; each line is a dict
    ``field, label, value, status, tooltip``.
    """
    by_field = {}
    for row in rows:
        by_field.setdefault(row["indicator"], row)
    lines = []
    status_field = f"r{number}_status"
    for field, value in values.items():
        spec = describe(field)
        if spec is None or number not in spec["recommendations"] or spec["kind"] in HIDDEN_KINDS:
            continue
        row = by_field.get(field)
        if row is None and (value is None or (field == status_field and rows)):
            continue  # a NULL without a rule says nothing; the scorecard layer's status when no rule reads here
        status = row["status"] if row else (str(value) if field == status_field and value in STATUS_ORDER else None)
        tips = [tr("Field: {field}").format(field=field)]
        if field in sources:
            tips.append(tr("Layer: {layer}").format(layer=sources[field]))
        if row:
            tips.append(tr("Rule: {rule}").format(rule=row["rule_text"]))
            if row.get("reason"):
                tips.append(tr("Why not measurable: {reason}").format(reason=row["reason"]))
            tips.append(tr("Source: {source}").format(source=row["source"]))
        lines.append(dict(field=field, label=indicator_label(field), value=format_value(field, value),
                          status=status, tooltip="\n".join(tips)))
    # Rules whose field is in no layer's row for this territory but whose status exists (not measurable).
    for field, row in by_field.items():
        if field not in values:
            tips = [tr("Field: {field}").format(field=field), tr("Rule: {rule}").format(rule=row["rule_text"])]
            if row.get("reason"):
                tips.append(tr("Why not measurable: {reason}").format(reason=row["reason"]))
            label, value = indicator_label(field), format_value(field, row["value"])
            if field == "n_measured":  # R8, from core.scorecard.evidence
                label = tr("Recommendations with measured evidence")
                value = tr("{n} of 8").format(n=row["value"])
            lines.append(dict(field=field, label=label, value=value, status=row["status"], tooltip="\n".join(tips)))
    # Measured statuses first, then the indicators without a rule; stable otherwise.
    rank = {status: i for i, status in enumerate(STATUS_ORDER)}
    lines.sort(key=lambda line: (rank.get(line["status"], len(STATUS_ORDER)),))
    statuses = [row["status"] for row in rows]
    if not statuses and values.get(status_field) in STATUS_ORDER:
        statuses = [values[status_field]]
    measured = [s for s in statuses if s != NOT_MEASURABLE]
    status = min(measured, key=rank.get) if measured else (NOT_MEASURABLE if statuses else None)
    sentences = list(dict.fromkeys(row["sentence"] for row in rows if row.get("sentence")))
    if not sentences and values.get(f"r{number}_text"):
        sentences = [str(values[f"r{number}_text"])]
    return lines, status, " ".join(sentences)


def chart_bars(number, lines, values):
    """Bars for the card's shares and ratios: ``(label, value, maximum, text, status)``."""
    bars = []
    for line in lines:
        spec = describe(line["field"]) or {}
        value = _number(values.get(line["field"]))
        if value is None or spec.get("kind") not in ("share", "index", "ratio"):
            continue
        if spec.get("kind") == "share" and spec.get("scale", 1.0) == 100.0:
            maximum = 1.0
        elif spec.get("unit") == "%":
            maximum = 100.0
        elif line["field"] == "jci" or line["field"].endswith("_jci"):
            maximum = max(150.0, value)
        elif line["field"] == "lcrpgr":
            maximum = max(2.0, value)
        else:
            continue  # no natural scale: the value is in the list, a bar would mislead
        bars.append((line["label"], value, maximum, line["value"], line["status"]))
    return bars[:6]


def resource_bars(rows):
    """Bars of the R6 card from alliance:resourcebalance's rows of one territory (:meth:`.layers.LayerReader.
    balance_rows`): one per resource, its self-sufficiency as written (production / consumption), all on the
    same scale (100 % or the largest value when above), coloured by the scorecard's self-sufficiency bands.
    The label says production and consumption in the resource's unit. Nothing is computed but the drawing."""
    from ..core.bands import status_of

    rule = next(rule for rule in RULES if rule["id"] == "self_sufficiency")
    values = [_number(row.get("self_sufficiency")) for row in rows]
    maximum = max([1.0] + [v for v in values if v is not None])
    bars = []
    for row, value in zip(rows, values):
        unit = str(row.get("unit") or "")
        amounts = {key: format_value("production", row.get(key)) for key in ("production", "consumption")}
        label = tr("{resource}: production {production} {unit}, consumption {consumption} {unit}").format(
            resource=row.get("resource"), unit=unit, **amounts).replace("  ", " ").replace(" ,", ",")
        text = format_value("self_sufficiency", value) if value is not None else tr("no consumption")
        bars.append((label.strip(), value or 0.0, maximum, text, status_of(rule, value) if value is not None
                     else NOT_MEASURABLE))
    return bars


class RecommendationCard(QFrame):
    """Shows; never computes. ``algorithmRequested(alg_id)`` asks the dock to open a dialog."""

    algorithmRequested = pyqtSignal(str)

    def __init__(self, number, parent=None):
        super().__init__(parent)
        self.number = number
        self.rules = rules_of(number)
        self.status = None
        self.lines = []
        self.available = set()
        self.setObjectName(f"card{number}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        header = QHBoxLayout()
        # A wrapped label rather than a QGroupBox title: long titles must not widen a narrow dock.
        self.title_label = self._label(None, "font-weight: bold;")
        self.title_label.setText(f"R{number} · {tr(RECOMMENDATIONS[number])}")
        header.addWidget(self.title_label, 1)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        header.addWidget(self.status_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        self.indicators_label = self._label(layout, "color: #566573;")
        self.indicator_box = QVBoxLayout()
        self.indicator_box.setSpacing(1)
        layout.addLayout(self.indicator_box)
        self.indicator_labels = []
        self.sentences_label = self._label(layout)
        self.chart = BarChart(self)
        layout.addWidget(self.chart)
        # R6: the territory's resource balance (alliance:resourcebalance's table), one bar per resource.
        self.resource_title = self._label(layout, "color: #566573;")
        self.resource_title.setText(tr("Resource balance: self-sufficiency per resource (production / "
                                       "consumption)"))
        self.resource_chart = BarChart(self)
        self.resource_chart.setObjectName("resource_chart")
        layout.addWidget(self.resource_chart)
        self.resource_title.setVisible(False)
        self.buttons_title = self._label(layout, "color: #566573;")
        self.buttons_title.setText(tr("Add evidence with:"))
        buttons = QVBoxLayout()
        buttons.setSpacing(2)
        self.buttons = {}
        registry = QgsApplication.processingRegistry()
        for name in algorithms_of(number):
            alg_id = f"alliance:{name}"
            algorithm = registry.algorithmById(alg_id)
            button = WrapButton(algorithm.displayName() if algorithm else name, self)
            button.setToolTip(tr("{name}: open its dialog with the territories, the code field, the flows and the "
                                 "population field already filled in").format(name=button.full_text))
            button.setEnabled(algorithm is not None)
            if algorithm is not None:
                button.set_icon(algorithm.icon())
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
        label.setSizePolicy(_wrapping_policy(QSizePolicy.Policy.Preferred))
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        if layout is not None:
            layout.addWidget(label)
        return label

    def set_available(self, fields):
        """``fields``: names of the fields present in any layer of the project (readable names shown)."""
        fields = set(fields)
        self.available = {f for f in fields if (describe(f) or {}).get("kind") not in (None, *HIDDEN_KINDS)
                          and self.number in describe(f)["recommendations"]}
        missing = [rule["field"] for rule in self.rules if rule["field"] not in fields]
        if not self.available:
            self.indicators_label.setText(tr("No indicator of this recommendation in the project yet: "
                                             "run one of the algorithms below."))
            self.indicators_label.setToolTip("")
        elif missing:
            names = ", ".join(dict.fromkeys(indicator_label(f) for f in missing))
            self.indicators_label.setText(tr("Not in the project yet: {list}.").format(list=names))
            self.indicators_label.setToolTip(", ".join(missing))
        else:
            self.indicators_label.setText("")
            self.indicators_label.setToolTip("")
        self.indicators_label.setVisible(bool(self.indicators_label.text()))

    def clear(self):
        self.show_result(None, tr("No territory selected."), [], [])
        self.show_resources([])

    def show_resources(self, bars):
        """The resource balance chart (R6): bars from :func:`resource_bars`; hidden when empty."""
        self.resource_chart.set_bars(bars)
        self.resource_title.setVisible(bool(bars))

    def show_result(self, status, sentences, bars, lines=()):
        self.status = status
        self.lines = list(lines)
        self.status_label.setText(status_text(status))
        self.status_label.setStyleSheet(status_style(status))
        self.status_label.setToolTip(tr("Status of the recommendation: the most urgent of its measured "
                                        "indicators"))
        self.status_label.setVisible(status is not None)
        for label in self.indicator_labels:
            self.indicator_box.removeWidget(label)
            label.hide()  # deleteLater waits for the event loop: hidden now, never drawn over the new lines
            label.deleteLater()
        self.indicator_labels = []
        for line in self.lines:
            label = self._label(self.indicator_box)
            label.setObjectName(f"indicator_{line['field']}")
            label.setTextFormat(Qt.TextFormat.RichText)
            chip = ""
            if line["status"]:
                chip = (f" <span style='color:{STATUS_TEXT_COLORS.get(line['status'], '#ffffff')};"
                        f" background-color:{STATUS_COLORS.get(line['status'], STATUS_COLORS[None])};'>"
                        f"&nbsp;{html.escape(status_text(line['status']), quote=False)}&nbsp;</span>")
            name = html.escape(line["label"], quote=False)
            text = (tr("{label}: {value}").format(label=name, value=f"<b>{html.escape(line['value'], quote=False)}</b>")
                    if line["value"] != "" else name)
            label.setText(f"{text}{chip}")
            label.setToolTip(line["tooltip"])
            self.indicator_labels.append(label)
        self.sentences_label.setText(sentences or "")
        self.sentences_label.setVisible(bool(sentences))
        self.chart.set_bars(bars)


def status_style(status):
    color = STATUS_COLORS.get(status, STATUS_COLORS[None])
    text = STATUS_TEXT_COLORS.get(status, "#ffffff")
    return (f"QLabel {{ color: {text}; background: {color}; border-radius: 3px; padding: 1px 6px; "
            f"font-weight: bold; }}")


class WrapButton(QPushButton):
    """A push button whose text wraps on several lines in a narrow dock: never cut, never elided."""

    def __init__(self, text, parent=None):
        super().__init__(parent)
        self.full_text = text
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(6)
        self.icon_label = QLabel()
        self.icon_label.setVisible(False)
        layout.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        self.text_label = QLabel(text)
        self.text_label.setWordWrap(True)
        self.text_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.text_label.setSizePolicy(_wrapping_policy(QSizePolicy.Policy.Expanding))
        layout.addWidget(self.text_label, 1)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setToolTip(text)

    def text(self):  # noqa: D401 (the full text, as QPushButton.text would give)
        return self.full_text

    def set_icon(self, icon):
        self.icon_label.setPixmap(icon.pixmap(QSize(16, 16)))
        self.icon_label.setVisible(True)

    def minimumSizeHint(self):  # noqa: N802 (Qt's name)
        return QSize(60, super().minimumSizeHint().height())

    def sizeHint(self):  # noqa: N802
        hint = self.layout().sizeHint()
        return QSize(min(hint.width(), 240), hint.height())

    def hasHeightForWidth(self):  # noqa: N802
        return True

    def heightForWidth(self, width):  # noqa: N802
        height = self.layout().totalHeightForWidth(width)
        return height if height > 0 else self.layout().sizeHint().height()


def _wrapping_policy(horizontal):
    """A size policy that keeps a word-wrapped label's height-for-width (its lines are never cut)."""
    policy = QSizePolicy(horizontal, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    return policy
