"""A tiny horizontal bar chart painted with QPainter: it shows values it is given, it computes nothing."""

from qgis.PyQt.QtCore import QRect, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFontMetrics, QPainter
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

try:  # engineer B's fixed colours (toolbelt/palette.py), the same on maps, reports and here
    from ..toolbelt.palette import STATUS_COLOURS as _PALETTE
except ImportError:  # pragma: no cover
    _PALETTE = {}
STATUS_COLORS = {"priority": "#d7301f", "watch": "#fdae61", "strong": "#1a9850", "not measurable": "#bdbdbd",
                 **_PALETTE, None: "#5d6d7e"}
#: Text on a status colour: dark on the light ones so that it stays readable.
STATUS_TEXT_COLORS = {"priority": "#ffffff", "watch": "#1b1b1b", "strong": "#ffffff", "not measurable": "#1b1b1b",
                      None: "#ffffff"}
BAR_HEIGHT = 12
GAP = 4


def _flags(*flags):
    """Text flags as the int QPainter.drawText and QFontMetrics.boundingRect take (Qt5 ints, Qt6 enums)."""
    total = 0
    for flag in flags:
        total |= int(getattr(flag, "value", flag))
    return total


class BarChart(QWidget):
    """Horizontal bars ``(label, value, maximum, text, status)``; ``value / maximum`` fills the bar.

    Each bar sits under its label (the whole width for the label: readable names are long).
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._bars = []
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)  # labels wrap: the height follows the width
        self.setSizePolicy(policy)
        self.setVisible(False)

    def bars(self):
        return list(self._bars)

    def set_bars(self, bars):
        self._bars = [tuple(bar) for bar in bars]
        self.setVisible(bool(self._bars))
        self.updateGeometry()
        self.update()

    def _label_height(self, label, width):
        flags = _flags(Qt.AlignmentFlag.AlignLeft, Qt.TextFlag.TextWordWrap)
        return QFontMetrics(self.font()).boundingRect(QRect(0, 0, max(width, 20), 1000), flags, label).height()

    def _height(self, width=None):
        width = self.width() if width is None else width
        if not self._bars:
            return 0
        return sum(self._label_height(bar[0], width) + 1 + BAR_HEIGHT + 2 * GAP for bar in self._bars) + GAP

    def hasHeightForWidth(self):  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width):  # noqa: N802
        return self._height(width)

    def sizeHint(self):  # noqa: N802
        return QSize(200, self._height(200))

    def minimumSizeHint(self):  # noqa: N802
        return QSize(120, self._height(max(self.width(), 120)))

    def paintEvent(self, event):  # noqa: N802 (Qt's name)
        if not self._bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        text_width = min(max(metrics.horizontalAdvance(bar[3]) for bar in self._bars) + 8, self.width() // 3)
        track = max(self.width() - text_width - 2, 10)
        y = GAP
        for label, value, maximum, text, status in self._bars:
            fraction = 0.0 if not maximum else max(0.0, min(1.0, float(value) / float(maximum)))
            painter.setPen(self.palette().windowText().color())
            height = self._label_height(label, self.width())
            painter.drawText(QRectF(0, y, self.width(), height),
                             _flags(Qt.AlignmentFlag.AlignLeft, Qt.TextFlag.TextWordWrap), label)
            y += height + 1
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#e5e8e8"))
            painter.drawRoundedRect(QRectF(0, y, track, BAR_HEIGHT), 3, 3)
            painter.setBrush(QColor(STATUS_COLORS.get(status, STATUS_COLORS[None])))
            painter.drawRoundedRect(QRectF(0, y, track * fraction, BAR_HEIGHT), 3, 3)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(track + 4, y - 2, text_width - 2, BAR_HEIGHT + 4),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            y += BAR_HEIGHT + 2 * GAP - 1
        painter.end()
