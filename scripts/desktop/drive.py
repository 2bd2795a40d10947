"""Run inside QGIS Desktop (qgis --code drive.py, see screenshot.sh): the dock with a real iface, a screenshot."""
import os, subprocess, json
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.core import QgsProject
from qgis.utils import iface, plugins

OUT = os.environ.get("DESK_OUT", "output/desktop")
STEPS = []
log = open(os.path.join(OUT, "log.txt"), "w")


def shot(name):
    QApplication.processEvents()
    subprocess.run(["import", "-window", "root", os.path.join(OUT, name + ".png")], check=False)
    log.write(f"shot {name}\n"); log.flush()


def step0():
    log.write(f"plugins: {sorted(plugins)}\n"); log.flush()
    iface.mainWindow().showMaximized()
    plugin = plugins.get("alliance_territories")
    if plugin is None:
        log.write("plugin not loaded\n"); log.flush(); return
    plugin.dock.show()
    plugin.dock.load_sample()
    QTimer.singleShot(6000, step1)


def step1():
    plugin = plugins["alliance_territories"]
    layers = [l.name() for l in QgsProject.instance().mapLayers().values()]
    log.write(f"layers: {layers}\n"); log.flush()
    try:
        plugin.dock.select_territory(os.environ.get("DESK_TERRITORY", "AT13"))
    except Exception as exc:
        log.write(f"select failed: {exc}\n")
    QTimer.singleShot(3000, step2)


def step2():
    shot("desktop_" + os.environ.get("DESK_LANG", "en"))
    QTimer.singleShot(500, iface.actionExit().trigger)


QTimer.singleShot(8000, step0)
