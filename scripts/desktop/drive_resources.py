"""Run inside QGIS Desktop (see screenshot.sh, DESK_SCRIPT=drive_resources.py): the Paris-basin resources sample
(issue 15) through resourcebalance and reciprocity, the dock on Paris (75), the R6 card on screen, a screenshot."""
import os
import subprocess
from pathlib import Path

from qgis import processing
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.core import QgsProject, QgsVectorLayer
from qgis.utils import iface, plugins

OUT = os.environ.get("DESK_OUT", "output/desktop")
SAMPLE = Path(os.environ["DESK_ROOT"]) / "sample_data" / "resources"
log = open(os.path.join(OUT, "log_resources.txt"), "w")


def shot(name):
    QApplication.processEvents()
    subprocess.run(["import", "-window", "root", os.path.join(OUT, name + ".png")], check=False)
    log.write(f"shot {name}\n"); log.flush()


def step0():
    iface.mainWindow().showMaximized()
    plugin = plugins.get("alliance_territories")
    if plugin is None:
        log.write("plugin not loaded\n"); log.flush(); return
    territories = str(SAMPLE / "paris_basin_departements.gpkg")
    common = {"INPUT": territories, "ID_FIELD": "code"}
    try:
        balance = processing.runAndLoadResults("alliance:resourcebalance", {
            **common, "VALUES": str(SAMPLE / "resources_constructed.csv"),
            "FLOWS": str(SAMPLE / "flows_constructed.csv"), "OUTPUT": "TEMPORARY_OUTPUT",
            "OUTPUT_BALANCE": "TEMPORARY_OUTPUT", "OUTPUT_SHEDS": "TEMPORARY_OUTPUT"})
        processing.runAndLoadResults("alliance:reciprocity", {
            **common, "CLASS_FIELD": "urban_rural", "FLOWS": str(SAMPLE / "flows_constructed.csv"),
            "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_TABLE": "TEMPORARY_OUTPUT", "OUTPUT_PAIRS": "TEMPORARY_OUTPUT",
            "OUTPUT_CONTRIBUTIONS": "TEMPORARY_OUTPUT", "OUTPUT_LINES": "TEMPORARY_OUTPUT"})
    except Exception as exc:  # written to the log, the screenshot shows what is there
        log.write(f"run failed: {exc}\n"); log.flush()
        balance = {}
    log.write(f"layers: {[l.name() for l in QgsProject.instance().mapLayers().values()]}\n"); log.flush()
    layer = QgsProject.instance().mapLayer(balance.get("OUTPUT", "")) if balance else None
    if layer is not None:
        plugin.dock.show()
        plugin.dock.select_layer(layer, "code")
    QTimer.singleShot(3000, step1)


def step1():
    try:
        plugins["alliance_territories"].dock.select_territory(os.environ.get("DESK_TERRITORY", "75"))
    except Exception as exc:
        log.write(f"select failed: {exc}\n"); log.flush()
    QTimer.singleShot(3000, step2)


def step2():
    dock = plugins["alliance_territories"].dock
    dock.scroll_area.ensureWidgetVisible(dock.cards[6], 0, 0)  # the R6 card and its resource chart
    QApplication.processEvents()
    shot("resources_" + os.environ.get("DESK_LANG", "en"))
    QTimer.singleShot(500, iface.actionExit().trigger)


QTimer.singleShot(8000, step0)
