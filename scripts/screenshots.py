#!/usr/bin/env python3
"""Screenshots of the plugin's widgets for the documentation, rendered offscreen in English and French.

Usage (after ``make setup``)::

    . scripts/env.sh && .venv/bin/python scripts/screenshots.py [--out docs] [name ...]

One function per screenshot, registered in ``SHOTS``: it receives the language
and the output path, builds its widget and saves ``widget.grab()``. Add yours
the same way. The libraries' states are this machine's; the install command is
shown for a Debian 13 system so the picture does not carry a local path.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLUGIN_NAME = "alliance_territories"


def _plugin_on_path():
    """Import the repository as QGIS does (a package named after its folder), never the root itself."""
    folder = Path(tempfile.mkdtemp(prefix="alliance-shots-"))
    (folder / PLUGIN_NAME).symlink_to(ROOT, target_is_directory=True)
    sys.path.insert(0, str(folder))
    return folder


def _start_qgis():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.testing import start_app

    app = start_app()
    from qgis.core import QgsApplication

    sys.path.append(QgsApplication.pkgDataPath() + "/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    import alliance_territories

    plugin = alliance_territories.classFactory(None)
    plugin.initProcessing()  # the dialog lists which algorithms need each library
    return app, plugin


def _language(language):
    """Install the plugin's translator for ``language`` (``en`` removes it)."""
    from qgis.PyQt.QtCore import QSettings

    from alliance_territories.alliance_plugin.toolbelt import i18n

    QSettings().setValue("locale/userLocale", language)
    i18n.remove_translator()
    i18n.install_translator()
    _qgis_translator(language)


_QGIS_TRANSLATOR = []


def _qgis_translator(language):
    """QGIS's own strings ("[optional]", "Run") in ``language``, as QGIS Desktop shows them."""
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    while _QGIS_TRANSLATOR:
        QCoreApplication.removeTranslator(_QGIS_TRANSLATOR.pop())
    translator = QTranslator()
    if language != "en" and translator.load(f"qgis_{language}", QgsApplication.i18nPath()):
        QCoreApplication.installTranslator(translator)
        _QGIS_TRANSLATOR.append(translator)


def _save(widget, path):
    from qgis.core import QgsApplication

    widget.show()
    QgsApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    widget.close()
    print(f"{path} ({path.stat().st_size // 1024} KiB)")


def dependencies_dialog(language, path):
    from alliance_territories.alliance_plugin.gui.dependencies_dialog import DependenciesDialog
    from alliance_territories.alliance_plugin.toolbelt import install

    debian = install.Platform(system="linux", python="python3", os_release={"ID": "debian", "VERSION_ID": "13"})
    dialog = DependenciesDialog(platform=debian)
    dialog.resize(1040, 760)
    _save(dialog, path)
    dialog.deleteLater()


def _canada_project():
    """The Canadian sample with several algorithms run into the project (flows, hierarchy, regions, scorecard)."""
    from qgis import processing
    from qgis.core import QgsProject, QgsVectorLayer

    from alliance_territories.alliance_plugin.toolbelt.resources import sample_path

    project = QgsProject.instance()
    project.clear()
    common = {"INPUT": str(sample_path("canada", "ca_provinces.gpkg")), "ID_FIELD": "code",
              "FLOWS": str(sample_path("canada", "ca_migration_od.csv"))}
    layers = {}
    for alg, outputs in (("flowdependencies", ("OUTPUT", "OUTPUT_LINES")),
                         ("dominantflows", ("OUTPUT", "OUTPUT_LINES")),
                         ("flowregions", ("OUTPUT", "OUTPUT_REGIONS", "OUTPUT_HISTORY"))):
        results = processing.run(f"alliance:{alg}", dict(common, **{o: "TEMPORARY_OUTPUT" for o in outputs}))
        for output in outputs:
            layers[f"{alg}:{output}"] = results.get(output)
    flagged = processing.run("native:fieldcalculator", {
        "INPUT": common["INPUT"], "FIELD_NAME": "city", "FIELD_TYPE": 1, "FIELD_LENGTH": 1,
        "FORMULA": "\"code\" IN ('ONT', 'QUE', 'BC')", "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    results = processing.run("alliance:functionalareas", dict(
        common, INPUT=flagged, POPULATION_FIELD="pop1971", CITY_FIELD="city",
        OUTPUT="TEMPORARY_OUTPUT", OUTPUT_AREAS="TEMPORARY_OUTPUT"))
    layers["functionalareas:OUTPUT"] = results["OUTPUT"]
    results = processing.run("alliance:recommendationscorecard", dict(
        common, INDICATORS=[layers["flowdependencies:OUTPUT"], layers["dominantflows:OUTPUT"]],
        OUTPUT="TEMPORARY_OUTPUT", OUTPUT_TABLE="TEMPORARY_OUTPUT"))
    layers["recommendationscorecard:OUTPUT"] = results["OUTPUT"]
    layers["recommendationscorecard:OUTPUT_TABLE"] = results["OUTPUT_TABLE"]
    for layer in layers.values():
        if isinstance(layer, QgsVectorLayer):
            project.addMapLayer(layer)
    return project, layers


def _save_dock(widget, path):
    """The dock's whole content at its width: every card, as a person scrolls through them."""
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QRect

    widget.show()
    QgsApplication.processEvents()
    body = widget.scroll_area.widget()
    widget.resize(widget.width(), 6000)  # tall enough for every card: no scrolling
    QgsApplication.processEvents()
    bottom = max(card.geometry().bottom() for card in widget.cards.values()) + 6
    image = body.grab(QRect(0, 0, body.width(), bottom))
    if not image.save(str(path)):
        raise SystemExit(f"could not write {path}")
    try:  # 256 colours when Pillow is there: a small PNG for the documentation, the text as sharp
        from PIL import Image

        with Image.open(path) as picture:
            small = picture.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
        small.save(path, optimize=True)
    except ImportError:
        pass
    if not path.exists():
        raise SystemExit(f"could not write {path}")


def dock(language, path):
    """The dock for Ontario after Flow dependencies, Dominant flows, Flow regions, Functional areas and the
    scorecard."""
    from qgis.core import QgsProject

    from alliance_territories.alliance_plugin.gui.dock import AllianceDock

    _project, layers = _canada_project()
    widget = AllianceDock()
    widget.resize(380, 900)
    widget.select_layer(layers["flowdependencies:OUTPUT"], "code")
    widget.select_territory("ONT")
    _save_dock(widget, path)
    print(f"{path} ({path.stat().st_size // 1024} KiB)")
    widget.teardown()
    widget.close()
    widget.deleteLater()
    QgsProject.instance().clear()


def _austria(**extra):
    from alliance_territories.alliance_plugin.toolbelt.resources import sample_path

    return dict({"INPUT": str(sample_path("austria", "at_nuts2_regions.gpkg")), "ID_FIELD": "nuts2",
                 "FLOWS": str(sample_path("austria", "at_migration_od.csv"))}, **extra)


def _render_map(path, title, width_mm=230, height_mm=150, dpi=96):
    """The project's visible layers in a layout: title, map on the left, legend on the right, to PNG."""
    from qgis.core import (QgsLayoutExporter, QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap,
                           QgsLayoutPoint, QgsLayoutSize, QgsPrintLayout, QgsProject, QgsRectangle)
    from qgis.PyQt.QtGui import QFont

    project = QgsProject.instance()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(width_mm, height_mm))
    label = QgsLayoutItemLabel(layout)
    label.setText(title)
    label.setFont(QFont("Sans", 14))
    layout.addLayoutItem(label)
    label.attemptMove(QgsLayoutPoint(5, 3))
    label.attemptResize(QgsLayoutSize(width_mm - 10, 10))
    layers = [node.layer() for node in project.layerTreeRoot().findLayers() if node.layer() is not None]
    extent = None
    for layer in layers:
        if layer.isSpatial():
            if extent is None:
                extent = QgsRectangle(layer.extent())
            else:
                extent.combineExtentWith(layer.extent())
    extent.scale(1.05)
    project.setCrs(layers[0].crs())
    item = QgsLayoutItemMap(layout)
    layout.addLayoutItem(item)
    item.attemptMove(QgsLayoutPoint(5, 14))
    item.attemptResize(QgsLayoutSize(width_mm * 0.62, height_mm - 19))
    item.setLayers(layers)
    item.setCrs(layers[0].crs())
    item.setExtent(extent)
    item.setFrameEnabled(True)
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(item)
    legend.setTitle("")
    legend.setWrapString("|")
    legend.setResizeToContents(True)
    legend.setAutoUpdateModel(False)  # a copy of the layer tree: editing it leaves the project alone
    root = legend.model().rootGroup()
    for node in list(root.findLayers()):
        if not node.layer().isSpatial():  # tables (summaries) have nothing to show on a map
            node.parent().removeChildNode(node)
    for node in legend.model().rootGroup().findLayers():
        name = node.layer().name()
        if len(name) > 26:  # long names on two lines, cut at the space nearest the middle
            spaces = [i for i, c in enumerate(name) if c == " "]
            cut = min(spaces, key=lambda i: abs(i - len(name) / 2), default=None)
            if cut is not None:
                node.setName(name[:cut] + "|" + name[cut + 1:])
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(width_mm * 0.62 + 8, 14))
    legend.adjustBoxSize()
    from qgis.core import QgsLegendRenderer

    needed = QgsLegendRenderer(legend.model(), legend.legendSettings()).minimumSize()
    bottom = max(item.pos().y() + item.rect().height(), legend.pos().y() + needed.height()) + 4
    page.setPageSize(QgsLayoutSize(width_mm, bottom))
    exporter = QgsLayoutExporter(layout)
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    image = exporter.renderPageToImage(0, settings.imageSize, dpi)
    if not image.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"{path} ({path.stat().st_size // 1024} KiB, {image.width()} x {image.height()})")


def _run_and_map(language, path, alg, parameters, title):
    """Run ``alg`` on the Austrian sample as Desktop does (outputs loaded, styled, ordered), then map it."""
    from qgis import processing
    from qgis.core import QgsApplication, QgsProject

    from alliance_territories.alliance_plugin.toolbelt.i18n import tr

    QgsProject.instance().clear()
    processing.runAndLoadResults(alg, parameters)
    _render_map(path, tr(title) if title else QgsApplication.processingRegistry().algorithmById(alg).displayName())
    QgsProject.instance().clear()


def map_flow_dependencies(language, path):
    _run_and_map(language, path, "alliance:flowdependencies",
                 _austria(OUTPUT="TEMPORARY_OUTPUT", OUTPUT_LINES="TEMPORARY_OUTPUT"),
                 "Flow dependencies between territories")


def map_dominant_flows(language, path):
    _run_and_map(language, path, "alliance:dominantflows",
                 _austria(OUTPUT="TEMPORARY_OUTPUT", OUTPUT_LINES="TEMPORARY_OUTPUT"), "Dominant flows (Nystuen-Dacey)")


def map_flow_regions(language, path):
    _run_and_map(language, path, "alliance:flowregions",
                 _austria(METHOD=1, OUTPUT="TEMPORARY_OUTPUT", OUTPUT_REGIONS="TEMPORARY_OUTPUT"),
                 "Flow regions (Intramax, Louvain, Leiden)")


def map_functional_areas(language, path):
    from alliance_territories.alliance_plugin.toolbelt.resources import sample_path

    _run_and_map(language, path, "alliance:functionalareas", {
        "INPUT": str(sample_path("canada", "ca_provinces.gpkg")), "ID_FIELD": "code", "POPULATION_FIELD": "pop1971",
        "FLOWS": str(sample_path("canada", "ca_migration_od.csv")), "METHOD": 1, "MIN_JOBS": 150000,
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_AREAS": "TEMPORARY_OUTPUT"},
        "Functional areas")


def _saved(layer, name):
    """A memory layer written to a GeoPackage of its own (the project is cleared before each run)."""
    from qgis.core import QgsProject, QgsVectorFileWriter

    path = Path(tempfile.mkdtemp(prefix="alliance-shots-data-")) / f"{name}.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsProject.instance().transformContext(),
                                                      options)
    if error[0] != QgsVectorFileWriter.WriterError.NoError:
        raise SystemExit(f"could not write {path}: {error}")
    return str(path)


def _prague(layer):
    from alliance_territories.alliance_plugin.toolbelt.resources import sample_path

    return f"{sample_path('prague', 'bubenec.gpkg')}|layername={layer}"


def _helsinki(layer, subset):
    from alliance_territories.alliance_plugin.toolbelt.resources import sample_path

    return f"{sample_path('helsinki', 'Helsinki.osm.pbf')}|layername={layer}|subset={subset}"


def map_growth_buffers(language, path):
    _run_and_map(language, path, "alliance:growthbuffers",
                 {"INPUT": _prague("buildings"), "DISTANCES": "25, 50, 100", "OUTPUT": "TEMPORARY_OUTPUT"},
                 None)


def map_urban_growth(language, path):
    """New built-up of central Helsinki after 1990 (year from OpenStreetMap's start_date) by LEI class."""
    from qgis.core import QgsFeatureRequest, QgsProject, QgsVectorLayer

    from alliance_territories.alliance_plugin.qgis_io import compat

    buildings = QgsVectorLayer(_helsinki("multipolygons", '"building" IS NOT NULL'), "b", "ogr")
    layer = buildings.materialize(QgsFeatureRequest())
    layer.dataProvider().addAttributes([compat.make_field("year", "int")])
    layer.updateFields()
    index = layer.fields().indexOf("year")
    changes = {}
    for feature in layer.getFeatures():
        start = str(feature["other_tags"] or "")
        marker = '"start_date"=>"'
        if marker in start:
            digits = start.split(marker, 1)[1][:4]
            if digits.isdigit():
                changes[feature.id()] = {index: int(digits)}
    layer.dataProvider().changeAttributeValues(changes)
    _run_and_map(language, path, "alliance:urbangrowth",
                 {"BUILT_UP": _saved(layer, "helsinki_years"), "YEAR_FIELD": "year", "CUTOFF_YEAR": 1990, "RING": 30,
                  "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT"},
                 None)


def map_land_tenure(language, path):
    """Prague parcels against the peri-urban growth rings of their buildings (tenure assigned by a rule)."""
    from qgis import processing
    from qgis.core import QgsFeatureRequest, QgsProject, QgsVectorLayer

    rings = processing.run("alliance:growthbuffers", {"INPUT": _prague("buildings"), "DISTANCES": "20, 40, 80",
                                                      "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    plots = QgsVectorLayer(_prague("plots"), "plots", "ogr")
    plots = plots.materialize(QgsFeatureRequest())
    from alliance_territories.alliance_plugin.qgis_io import compat

    plots.dataProvider().addAttributes([compat.make_field("tenure", "string")])
    plots.updateFields()
    index = plots.fields().indexOf("tenure")
    plots.dataProvider().changeAttributeValues({
        f.id(): {index: ("documented", "informal", "customary")[f.id() % 3]} for f in plots.getFeatures()})
    _run_and_map(language, path, "alliance:landtenureoverlay",
                 {"INPUT": _saved(plots, "plots_tenure"), "TENURE_FIELD": "tenure",
                  "GROWTH": [_saved(rings, "rings")], "OUTPUT": "TEMPORARY_OUTPUT",
                  "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT", "OUTPUT_PROXIES": "TEMPORARY_OUTPUT"},
                 None)


def map_transit_access(language, path):
    _run_and_map(language, path, "alliance:transitaccess", {
        "POPULATION": _helsinki("multipolygons", '"building" IS NOT NULL'),
        "STOPS": _helsinki("points", "\"highway\" = 'bus_stop' OR \"other_tags\" LIKE '%tram_stop%'"),
        "NETWORK": _helsinki("lines", '"highway" IS NOT NULL'), "SNAP_TOLERANCE": 200,
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_SHARES": "TEMPORARY_OUTPUT", "OUTPUT_AREAS": "TEMPORARY_OUTPUT"},
        None)


def thresholds(language, path):
    """The threshold parameters as the Processing dialog shows them (15, not 15.000000)."""
    from qgis.core import QgsApplication, QgsProcessingContext
    from qgis.gui import QgsGui, QgsProcessingGui
    from qgis.PyQt.QtWidgets import QFormLayout, QLabel, QWidget

    widget = QWidget()
    widget.setFixedWidth(860)
    form = QFormLayout(widget)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    context = QgsProcessingContext()
    keep = []  # the wrappers must live while the widget is drawn
    for alg_id, names in (("alliance:flowdependencies", ("THRESHOLD", "LINE_MIN_SHARE", "LINE_MIN_VOLUME")),
                          ("alliance:flowregions", ("METHOD", "RESOLUTION")),
                          ("alliance:recommendationscorecard", ("DEPENDENCY_WATCH", "DEPENDENCY_PRIORITY",
                                                                "SC_MINIMUM", "SC_TARGET"))):
        alg = QgsApplication.processingRegistry().createAlgorithmById(alg_id)  # labels in the current language
        title = QLabel(f"<b>{alg.displayName()}</b>")
        form.addRow(title)
        for name in names:
            parameter = alg.parameterDefinition(name)
            wrapper = QgsGui.processingGuiRegistry().createParameterWidgetWrapper(
                parameter, QgsProcessingGui.WidgetType.Standard)
            editor = wrapper.createWrappedWidget(context)
            wrapper.setParameterValue(parameter.defaultValue(), context)
            keep.append(wrapper)
            form.addRow(parameter.description(), editor)
    _save(widget, path)


def algorithm_dialog(language, path, alg_id="alliance:transitaccess"):
    """A Processing dialog of ours at QGIS's default size, as a user opens it: labels wrapped, no scroll bar."""
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.core import QgsApplication
    from qgis.PyQt.QtWidgets import QApplication, QWidget

    from alliance_territories.alliance_plugin.gui.dialog_labels import LabelWrapper

    wrapper = LabelWrapper()
    dialog = AlgorithmDialog(QgsApplication.processingRegistry().createAlgorithmById(alg_id))
    dialog.show()
    QApplication.processEvents()
    wrapper._focus_changed(None, next(w for w in dialog.findChildren(QWidget) if w.focusPolicy()))
    QApplication.processEvents()
    _save(dialog, path)
    wrapper.stop()
    dialog.close()


def scorecard_page(language, path):
    """The scorecard's HTML page on the Austrian migration table (no internal flows), in headless Chromium."""
    import subprocess
    import tempfile

    from qgis import processing

    folder = Path(tempfile.mkdtemp(prefix="alliance-card-"))
    deps = processing.run("alliance:flowdependencies", _austria(OUTPUT=str(folder / "deps.gpkg"),
                                                                OUTPUT_LINES="TEMPORARY_OUTPUT"))
    page = folder / "scorecard.html"
    processing.run("alliance:recommendationscorecard", {**_austria(), "INDICATORS": [deps["OUTPUT"]],
                                                        "OUTPUT": "TEMPORARY_OUTPUT",
                                                        "OUTPUT_TABLE": "TEMPORARY_OUTPUT", "OUTPUT_HTML": str(page)})
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--screenshot={path}", "--window-size=880,900", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    shutil.rmtree(folder, ignore_errors=True)
    print(f"{path} ({path.stat().st_size // 1024} KiB)")


_REPORTS = {}


def _canada_report(language):
    """The territorial report of Quebec (Canadian sample: flow dependencies and their flow lines), HTML and PDF."""
    import tempfile

    from qgis import processing

    if language in _REPORTS:
        return _REPORTS[language]
    folder = Path(tempfile.mkdtemp(prefix="alliance-report-"))
    canada = {"INPUT": str(ROOT / "sample_data" / "canada" / "ca_provinces.gpkg"), "ID_FIELD": "code"}
    deps = processing.run("alliance:flowdependencies", {
        **canada, "FLOWS": str(ROOT / "sample_data" / "canada" / "ca_migration_od.csv"),
        "OUTPUT": str(folder / "dependencies.gpkg"), "OUTPUT_LINES": str(folder / "flow_lines.gpkg")})
    processing.run("alliance:territorialreport", {
        **canada, "INDICATORS": [deps["OUTPUT"]], "FLOW_LINES": deps["OUTPUT_LINES"], "TERRITORY": "QUE",
        "OUTPUT_HTML": str(folder / "report.html"), "OUTPUT_PDF": str(folder / "report.pdf")})
    _REPORTS[language] = folder
    return folder


def report_pdf(language, path):
    """The first two pages of the PDF report for Quebec (pdftoppm at 50 dpi), side by side."""
    import subprocess

    from qgis.PyQt.QtGui import QColor, QImage, QPainter

    folder = _canada_report(language)
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "2", str(folder / "report.pdf"),
                    str(folder / "page")], check=True)
    pages = [QImage(str(p)) for p in sorted(folder.glob("page-*.png"))[:2]]
    width = sum(p.width() for p in pages) + 10 * (len(pages) + 1)
    sheet = QImage(width, max(p.height() for p in pages) + 20, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#888888"))
    painter = QPainter(sheet)
    x = 10
    for page in pages:
        painter.drawImage(x, 10, page)
        x += page.width() + 10
    painter.end()
    if not sheet.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"{path} ({path.stat().st_size // 1024} KiB)")


def report_html(language, path):
    """The HTML report for Quebec in headless Chromium (its top: the 8 recommendations)."""
    import subprocess

    folder = _canada_report(language)
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", f"--user-data-dir={folder / 'profile'}", f"--screenshot={path}",
                    "--window-size=880,1300", (folder / "report.html").as_uri()],
                   check=True, capture_output=True, timeout=120)
    print(f"{path} ({path.stat().st_size // 1024} KiB)")


def model(language, path):
    """The shipped model in the Graphical Modeler's scene, rendered offscreen."""
    from qgis.core import QgsApplication
    from qgis.gui import QgsModelGraphicsScene, QgsModelComponentGraphicItem  # noqa: F401
    from qgis.PyQt.QtCore import QRectF, Qt
    from qgis.PyQt.QtGui import QColor, QImage, QPainter

    algorithm = QgsApplication.processingRegistry().algorithmById("alliance:territorialdiagnosis")
    scene = QgsModelGraphicsScene()
    context = __import__("qgis.core", fromlist=["QgsProcessingContext"]).QgsProcessingContext()
    scene.createItems(algorithm, context)
    rect = scene.itemsBoundingRect().adjusted(-20, -20, 20, 20)
    scale = min(1.0, 900 / rect.width())
    image = QImage(int(rect.width() * scale), int(rect.height() * scale), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), rect, Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    if not image.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"{path} ({path.stat().st_size // 1024} KiB)")


#: name -> (function, file name pattern with {lang})
SHOTS = {
    "dependencies": (dependencies_dialog, "dependencies_{lang}.png"),
    "dock": (dock, "dock_{lang}.png"),
    "map_dependencies": (map_flow_dependencies, "map_flow_dependencies_{lang}.png"),
    "map_dominant": (map_dominant_flows, "map_dominant_flows_{lang}.png"),
    "map_regions": (map_flow_regions, "map_flow_regions_{lang}.png"),
    "map_areas": (map_functional_areas, "map_functional_areas_{lang}.png"),
    "thresholds": (thresholds, "thresholds_{lang}.png"),
    "map_buffers": (map_growth_buffers, "map_growth_buffers_{lang}.png"),
    "map_growth": (map_urban_growth, "map_urban_growth_{lang}.png"),
    "map_tenure": (map_land_tenure, "map_land_tenure_{lang}.png"),
    "map_transit": (map_transit_access, "map_transit_access_{lang}.png"),
    "dialog": (algorithm_dialog, "dialog_transitaccess_{lang}.png"),
    "scorecard": (scorecard_page, "scorecard_{lang}.png"),
    "report_pdf": (report_pdf, "report_pdf_{lang}.png"),
    "report_html": (report_html, "report_html_{lang}.png"),
    "model": (model, "model_{lang}.png"),
}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", default=list(SHOTS), help=f"among {', '.join(SHOTS)}")
    parser.add_argument("--out", default=str(ROOT / "docs"))
    parser.add_argument("--lang", action="append", help="en, fr (default: both)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    folder = _plugin_on_path()
    try:
        _app, plugin = _start_qgis()
        for language in args.lang or ["en", "fr"]:
            _language(language)
            for name in args.names:
                function, pattern = SHOTS[name]
                function(language, out / pattern.format(lang=language))
        plugin.unload()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
