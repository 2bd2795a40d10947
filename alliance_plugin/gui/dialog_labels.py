"""Processing dialogs of our algorithms without a horizontal scroll bar: parameter labels wrap.

QGIS builds each parameter's label as a one-line ``QLabel``: the longest label sets the
width of the parameters panel, and in a dialog of the default size a horizontal scroll bar
appears and the layer buttons are cut off (QGIS 3.22; French labels are longer still).
When focus enters a Processing algorithm dialog of our provider, its labels are set to wrap,
once. Nothing else of the dialog changes; other providers' dialogs are left alone.
Listening to ``QApplication.focusChanged`` costs nothing between dialogs (no global event
filter).
"""

from qgis.PyQt.QtCore import QObject
from qgis.PyQt.QtWidgets import QApplication, QLabel, QScrollArea

PROVIDER = "alliance"
_DONE = "allianceLabelsWrapped"


def _algorithm_of(window):
    algorithm = getattr(window, "algorithm", None)
    if not callable(algorithm):
        return None
    try:
        return algorithm()
    except (RuntimeError, TypeError):
        return None


def dialog_of(widget):
    """The Processing algorithm dialog holding ``widget`` (through parents: a combo box's popup is a
    window of its own), or None."""
    while widget is not None:
        if _algorithm_of(widget) is not None:
            return widget
        widget = widget.parentWidget()
    return None


def is_our_dialog(window):
    """True for a Processing algorithm dialog (single or batch) of one of our algorithms."""
    algorithm = _algorithm_of(window)
    provider = algorithm.provider() if algorithm is not None else None
    return provider is not None and provider.id() == PROVIDER


def wrap_labels(window):
    """Let the parameter labels of ``window`` wrap inside its scroll areas; True when it did."""
    if window is None or window.property(_DONE):
        return False
    for area in window.findChildren(QScrollArea):
        content = area.widget()
        if content is None:
            continue
        for label in content.findChildren(QLabel):
            if label.text() and not label.wordWrap():
                label.setWordWrap(True)
        content.adjustSize()
    window.setProperty(_DONE, True)
    return True


class LabelWrapper(QObject):
    """Wraps the labels of our algorithm dialogs as focus first enters them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old, new):
        window = dialog_of(new)
        if window is not None and not window.property(_DONE) and is_our_dialog(window):
            wrap_labels(window)

    def stop(self):
        try:
            QApplication.instance().focusChanged.disconnect(self._focus_changed)
        except (TypeError, RuntimeError):
            pass
