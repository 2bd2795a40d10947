"""The report's charts as PNG images (base64): the number of recommendations per status, and every
territory's value of an indicator as a sorted bar, the reported territory in black."""

import base64
import os

from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter

from .words import status_colours


def chart_png(counts, labels, size=(720, 340)):
    """A bar chart (base64 PNG) of the number of recommendations per status."""
    colours = status_colours()
    statuses = [s for s in counts]
    width, height = size
    image = QImage(QSize(width, height), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(22)
    painter.setFont(font)
    top = max(max(counts.values()), 1)
    bar = width / (len(statuses) * 1.3)
    for i, status in enumerate(statuses):
        value = counts.get(status, 0)
        x = bar * 0.15 + i * bar * 1.3
        h = (height - 130) * value / top
        painter.fillRect(QRectF(x, height - 80 - h, bar, h), QColor(colours.get(status, "#999999")))
        painter.setPen(QColor("#444444"))
        painter.drawRect(QRectF(x, height - 80 - h, bar, h))
        painter.setPen(QColor("black"))
        painter.drawText(QRectF(x - 10, height - 112 - h, bar + 20, 30), Qt.AlignmentFlag.AlignCenter, str(value))
        painter.drawText(QRectF(x - 14, height - 76, bar + 28, 76),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                         labels.get(status, status))
    painter.end()
    return png_base64(image)


def rank_png(values, code, size=(600, 220)):
    """Every territory's value as a bar, sorted; the reported territory in black."""
    width, height = size
    image = QImage(QSize(width, height), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    items = sorted(values.items(), key=lambda kv: kv[1])
    low = min(0.0, min(v for _, v in items))
    high = max(max(v for _, v in items), low + 1e-12)
    bar = (width - 20) / max(len(items), 1)
    base = height - 10 - (height - 20) * (0 - low) / (high - low)
    for i, (key, value) in enumerate(items):
        y = height - 10 - (height - 20) * (value - low) / (high - low)
        colour = QColor("black") if str(key) == code else QColor("#9ecae1")
        painter.fillRect(QRectF(10 + i * bar + bar * 0.1, min(y, base), bar * 0.8, abs(base - y) or 1), colour)
    painter.setPen(QColor("#777777"))
    painter.drawLine(10, int(base), width - 10, int(base))
    painter.end()
    return png_base64(image)


def png_base64(image):
    """The QImage as a PNG, base64 (for a data: URL)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return base64.b64encode(bytes(data)).decode("ascii")


#: The chart images written for the print layout (its picture items read files).
TEMP_FILES = []


def temp_png(encoded):
    """A temporary PNG file holding the base64 image ``encoded``; its path."""
    import tempfile

    handle, path = tempfile.mkstemp(suffix=".png", prefix="alliance-chart-")
    with os.fdopen(handle, "wb") as out:
        out.write(base64.b64decode(encoded))
    TEMP_FILES.append(path)
    return path
