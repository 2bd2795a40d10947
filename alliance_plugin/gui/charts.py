"""A tiny horizontal bar chart painted with QPainter: it shows values it is given, it computes nothing."""

from qgis.PyQt.QtCore import QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFontMetrics, QPainter
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

STATUS_COLORS = {"priority": "#c0392b", "watch": "#d68910", "strong": "#1e8449", None: "#5d6d7e"}
BAR_HEIGHT = 14
GAP = 5


class BarChart(QWidget):
    """Horizontal bars ``(label, value, maximum, text, status)``; ``value / maximum`` fills the bar."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._bars = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setVisible(False)

    def bars(self):
        return list(self._bars)

    def set_bars(self, bars):
        self._bars = [tuple(bar) for bar in bars]
        self.setVisible(bool(self._bars))
        self.setFixedHeight(self._height())
        self.update()

    def _height(self):
        return len(self._bars) * (BAR_HEIGHT + GAP) + GAP if self._bars else 0

    def sizeHint(self):
        return QSize(200, self._height())

    def minimumSizeHint(self):
        return QSize(120, self._height())

    def paintEvent(self, event):  # noqa: N802 (Qt's name)
        if not self._bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        label_width = min(max(metrics.horizontalAdvance(bar[0]) for bar in self._bars) + 6, int(self.width() * 0.45))
        text_width = min(max(metrics.horizontalAdvance(bar[3]) for bar in self._bars) + 6, self.width() // 4)
        track = max(self.width() - label_width - text_width, 10)
        y = GAP
        for label, value, maximum, text, status in self._bars:
            fraction = 0.0 if not maximum else max(0.0, min(1.0, float(value) / float(maximum)))
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(0, y, label_width - 4, BAR_HEIGHT), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 4))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#e5e8e8"))
            painter.drawRoundedRect(QRectF(label_width, y, track, BAR_HEIGHT), 3, 3)
            painter.setBrush(QColor(STATUS_COLORS.get(status, STATUS_COLORS[None])))
            painter.drawRoundedRect(QRectF(label_width, y, track * fraction, BAR_HEIGHT), 3, 3)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(label_width + track + 4, y, text_width - 4, BAR_HEIGHT),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            y += BAR_HEIGHT + GAP
        painter.end()
