"""Render docs/resources_map.png: alliance:resourcebalance on the constructed Paris-basin case, mapped headless.

    . scripts/env.sh && .venv/bin/python sample_data/resources/render_map.py [docs/resources_map.png]

Uses the layout of scripts/screenshots.py (title, map, legend); the layers are styled here: the lowest
self-sufficiency of each departement over food, water and energy, the food resource-sheds, the codes.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import screenshots  # noqa: E402


def main():
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "resources_map.png"
    screenshots._plugin_on_path()
    app, plugin = screenshots._start_qgis()
    from qgis import processing
    from qgis.core import (QgsClassificationRange, QgsGraduatedSymbolRenderer, QgsPalLayerSettings, QgsProject,
                           QgsRendererRange, QgsSymbol, QgsTextFormat, QgsVectorLayerSimpleLabeling, QgsWkbTypes)
    from qgis.PyQt.QtGui import QColor, QFont

    here = ROOT / "sample_data" / "resources"
    result = processing.run("alliance:resourcebalance", {
        "INPUT": str(here / "paris_basin_departements.gpkg"), "ID_FIELD": "code",
        "VALUES": str(here / "resources_constructed.csv"), "FLOWS": str(here / "flows_constructed.csv"),
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_BALANCE": "TEMPORARY_OUTPUT", "OUTPUT_SHEDS": "TEMPORARY_OUTPUT"})
    def lambert93(layer):  # the map in Lambert-93, as French maps are drawn
        return processing.run("native:reprojectlayer", {"INPUT": layer, "TARGET_CRS": "EPSG:2154",
                                                          "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]

    territories = lambert93(result["OUTPUT"])
    territories.setName("Lowest self-sufficiency (food, water, energy)")
    ranges = []
    for low, high, colour, label in ((0.0, 0.1, "#b2182b", "below 0.1"), (0.1, 0.5, "#ef8a62", "0.1 to 0.5"),
                                     (0.5, 1.0, "#fddbc7", "0.5 to 1"), (1.0, 2.0, "#d1e5f0", "1 to 2"),
                                     (2.0, 1e9, "#4393c3", "2 and more")):
        symbol = QgsSymbol.defaultSymbol(QgsWkbTypes.GeometryType.PolygonGeometry)
        symbol.setColor(QColor(colour))
        symbol.symbolLayer(0).setStrokeColor(QColor("#555555"))
        ranges.append(QgsRendererRange(QgsClassificationRange(label, low, high), symbol))
    territories.setRenderer(QgsGraduatedSymbolRenderer("self_sufficiency_min", ranges))
    settings = QgsPalLayerSettings()
    settings.fieldName = "code"
    text = QgsTextFormat()
    text.setFont(QFont("Sans", 9))
    text.setSize(9)
    settings.setFormat(text)
    territories.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    territories.setLabelsEnabled(True)
    sheds = lambert93(result["OUTPUT_SHEDS"])
    sheds.setName("Food resource-sheds (lines to the suppliers)")
    sheds.setSubsetString("\"resource\" = 'food'")
    line = QgsSymbol.defaultSymbol(QgsWkbTypes.GeometryType.LineGeometry)
    line.setColor(QColor("#1b7837"))
    line.setWidth(0.8)
    sheds.renderer().setSymbol(line)
    project = QgsProject.instance()
    project.clear()
    project.addMapLayer(territories)
    project.addMapLayer(sheds)
    root = project.layerTreeRoot()
    node = root.findLayer(sheds.id())
    root.insertChildNode(0, node.clone())
    root.removeChildNode(node)
    screenshots._render_map(target, "Resource balances, Paris basin (constructed case)")
    project.clear()


if __name__ == "__main__":
    main()
