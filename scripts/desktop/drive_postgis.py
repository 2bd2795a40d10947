"""Run inside QGIS Desktop (see screenshot.sh, DESK_SCRIPT=drive_postgis.py): PostGIS as a user meets it (issue 16).

A private PostGIS server (tests/qgis/postgis_server.py) holds the Prague parcels with a tenure field and a
table of growth and hazard zones; alliance:landtenureoverlay reads them from PostGIS and writes its parcels to a
PostGIS table (``postgis:`` destination, schema ``results``), loaded in the map. Screenshots: the map with the
PostGIS output, and the algorithm's dialog with a PostGIS destination. The server is stopped at the end.
"""
import importlib.util
import os
import subprocess
from pathlib import Path

from qgis import processing
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.core import QgsProject
from qgis.utils import iface

OUT = os.environ.get("DESK_OUT", "output/desktop")
ROOT = Path(os.environ["DESK_ROOT"])
LANG = os.environ.get("DESK_LANG", "en")
log = open(os.path.join(OUT, f"log_postgis_{LANG}.txt"), "w")
spec = importlib.util.spec_from_file_location("postgis_server", ROOT / "tests" / "qgis" / "postgis_server.py")
pg = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pg)
server = pg.Server(pg.server_binaries()).start()
state = {}


def say(text):
    log.write(text + "\n")
    log.flush()


def shot(name):
    QApplication.processEvents()
    subprocess.run(["import", "-window", "root", os.path.join(OUT, f"{name}_{LANG}.png")], check=False)
    say(f"shot {name}")


def step0():
    iface.mainWindow().showMaximized()
    server.load(ROOT / "sample_data" / "prague" / "bubenec.gpkg", "plots", "plots", "cadastre")
    server.psql("""ALTER TABLE cadastre.plots ADD COLUMN statut text;
        UPDATE cadastre.plots SET statut = (ARRAY['Titre foncier', 'coutumier', 'squat', NULL])[("ID"::int % 4) + 1];
        CREATE TABLE cadastre.zones (fid serial PRIMARY KEY, kind text, geom geometry(Polygon, 3857));
        INSERT INTO cadastre.zones (kind, geom) SELECT kind, ST_MakeEnvelope(
            x0 + a * (x1 - x0), y0 + b * (y1 - y0), x0 + c * (x1 - x0), y0 + d * (y1 - y0), 3857)
          FROM (SELECT ST_XMin(e) x0, ST_YMin(e) y0, ST_XMax(e) x1, ST_YMax(e) y1
                FROM (SELECT ST_Extent(geom) e FROM cadastre.plots) x) extent,
               (VALUES ('growth', 0.1, 0.1, 0.5, 0.6), ('growth', 0.6, 0.2, 0.9, 0.5),
                       ('hazard', 0.3, 0.4, 0.8, 0.9)) boxes(kind, a, b, c, d);
        CREATE SCHEMA results;""")

    def source(table, sql=""):
        return "postgres://" + server.uri(table=table, schema="cadastre", key="fid", sql=sql, with_password=False)

    # The password lives in a QGIS authentication configuration, as a technician's saved connection keeps it.
    authcfg = pg.store_authcfg(server)
    state["authcfg"] = authcfg

    def with_auth(uri):
        return uri.replace(f"user='{pg.USER}'", f"authcfg={authcfg}").replace(f"user={pg.USER}", f"authcfg={authcfg}")

    parameters = {"INPUT": with_auth(source("plots")), "TENURE_FIELD": "statut",
                  "GROWTH": [with_auth(source("zones", "\"kind\" = 'growth'"))],
                  "HAZARD": [with_auth(source("zones", "\"kind\" = 'hazard'"))],
                  "OUTPUT": "postgis:" + with_auth(server.uri(table="parcels_tenure", schema="results",
                                                              with_password=False)),
                  "OUTPUT_SUMMARY": "TEMPORARY_OUTPUT", "OUTPUT_PROXIES": "TEMPORARY_OUTPUT"}
    state["parameters"] = parameters
    try:
        results = processing.runAndLoadResults("alliance:landtenureoverlay", parameters)
        say(f"results: {sorted(results)}")
    except Exception as exc:
        say(f"run failed: {exc}")
        results = {}
    for layer in QgsProject.instance().mapLayers().values():
        say(f"layer {layer.name()!r} provider={layer.providerType()} features={layer.featureCount()} "
            f"password_in_source={pg.PASSWORD in layer.source()}")
    layer = QgsProject.instance().mapLayer(results.get("OUTPUT", "")) if results else None
    if layer is not None:
        iface.setActiveLayer(layer)
        iface.zoomToActiveLayer()
    QTimer.singleShot(3000, step1)


def step1():
    shot("postgis_map")
    dialog = processing.createAlgorithmDialog("alliance:landtenureoverlay", state.get("parameters", {}))
    dialog.show()
    state["dialog"] = dialog
    QTimer.singleShot(2500, step2)


def step2():
    shot("postgis_dialog")
    state["dialog"].close()
    QgsProject.instance().removeAllMapLayers()
    server.stop()
    say("server stopped")
    QTimer.singleShot(500, iface.actionExit().trigger)


QTimer.singleShot(8000, step0)
