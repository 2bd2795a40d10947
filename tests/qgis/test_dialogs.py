"""The Processing dialogs of our algorithms as a user opens them: readable labels, no horizontal scroll.

QGIS appends "[optional]" to optional parameters itself; ours must not say it again. In a
dialog of QGIS's default size, labels used to set the panel's width (a horizontal scroll
bar, the layer buttons cut off): the plugin lets them wrap as the dialog gets focus.
"""

import re

import pytest
from qgis.core import QgsApplication, QgsProcessingParameterNumber
from qgis.PyQt.QtWidgets import QAbstractSpinBox, QApplication, QLabel, QScrollArea, QWidget

from alliance_territories.alliance_plugin.gui import dialog_labels
from alliance_territories.alliance_plugin.qgis_io import compat


def algorithms():
    return QgsApplication.processingRegistry().providerById("alliance").algorithms()


def parameters_area(dialog):
    areas = [a for a in dialog.findChildren(QScrollArea) if a.widget() is not None and a.widget().findChildren(QLabel)]
    return max(areas, key=lambda a: len(a.widget().findChildren(QLabel)))


def test_no_optional_of_ours_beside_qgis_own(plugin):
    said = [(alg.id(), d.description()) for alg in algorithms() for d in alg.parameterDefinitions()
            if "[optional" in d.description().lower() or "[facultatif" in d.description().lower()]
    assert not said, said


def test_years_and_counts_show_as_whole_numbers(plugin):
    registry = QgsApplication.processingRegistry()
    for alg_id, name in (("alliance:landconsumption", "YEAR_T0"), ("alliance:landconsumption", "YEAR_T1"),
                         ("alliance:urbangrowth", "CUTOFF_YEAR"), ("alliance:urbangrowth", "END_YEAR"),
                         ("alliance:flowregions", "N_REGIONS")):
        definition = registry.algorithmById(alg_id).parameterDefinition(name)
        assert definition.dataType() == compat.NumberType.Integer, (alg_id, name)



@pytest.fixture(params=["en", "fr"])
def language(request, plugin):
    from qgis.PyQt.QtCore import QSettings

    from alliance_territories.alliance_plugin.toolbelt import i18n

    settings = QSettings()
    before = settings.value("locale/userLocale", "")
    settings.setValue("locale/userLocale", request.param)
    i18n.remove_translator()
    i18n.install_translator()
    yield request.param
    settings.setValue("locale/userLocale", before)
    i18n.remove_translator()
    i18n.install_translator()


def test_every_dialog_fits_without_a_horizontal_scroll_bar(language, qgis_app):
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    wrapper = dialog_labels.LabelWrapper()
    try:
        cut = []
        for alg in algorithms():
            dialog = AlgorithmDialog(alg.create())
            dialog.show()
            QApplication.processEvents()
            assert dialog_labels.is_our_dialog(dialog)
            area = parameters_area(dialog)
            before = area.horizontalScrollBar().maximum()
            # Focus entering the dialog, as when a user opens it: the wrapper reacts to it.
            first = next(w for w in dialog.findChildren(QWidget) if w.focusPolicy())
            wrapper._focus_changed(None, first)
            QApplication.processEvents()
            # Numbers as people write them: "15" or "0.10", never QGIS's "15.000000".
            for box in dialog.findChildren(QAbstractSpinBox):
                assert not re.search(r"[.,]\d{5,}$", box.text()), (alg.id(), box.text())
            if area.horizontalScrollBar().maximum() > 0:
                cut.append((alg.id(), before, area.horizontalScrollBar().maximum()))
            assert dialog.property("allianceLabelsWrapped") is True
            dialog.close()
        assert not cut, cut
    finally:
        wrapper.stop()


def test_other_providers_dialogs_are_left_alone(qgis_app):
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    dialog = AlgorithmDialog(QgsApplication.processingRegistry().createAlgorithmById("native:buffer"))
    dialog.show()
    QApplication.processEvents()
    assert not dialog_labels.is_our_dialog(dialog)
    wrapper = dialog_labels.LabelWrapper()
    wrapper._focus_changed(None, dialog.findChildren(QWidget)[0])
    wrapper.stop()
    assert not dialog.property("allianceLabelsWrapped")  # (QGIS 3.40 and later wrap labels themselves)
    dialog.close()


def test_degurba_asks_for_the_population_field_of_a_layer(plugin, data_dir):
    """Optional for Processing (a raster needs none), the field is required with cells or points."""
    from qgis.core import QgsProcessingContext

    alg = QgsApplication.processingRegistry().createAlgorithmById("alliance:degurba")
    context = QgsProcessingContext()
    layer = str(data_dir / "canada" / "ca_provinces.gpkg")
    ok, message = alg.checkParameterValues({"INPUT": layer, "OUTPUT": "memory:"}, context)
    assert not ok and "population field" in message
    ok, _ = alg.checkParameterValues({"INPUT": layer, "POPULATION_FIELD": "pop1971", "OUTPUT": "memory:"}, context)
    assert ok
