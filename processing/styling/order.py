"""The order of the layers QGIS loads: points above lines above polygons (above rasters), the
outlines of dissolved regions over the territories they group."""

from qgis.core import QgsLayerTreeGroup, QgsLayerTreeLayer, QgsProject, QgsVectorLayer

from ...alliance_plugin.qgis_io import compat


def _rank(node):
    """Drawing rank of a layer-tree node: tables 0, points 1, lines 2, dissolved regions 2.5, polygons 3,
    rasters and groups 4."""
    if isinstance(node, QgsLayerTreeLayer):
        layer = node.layer()
        if layer is None:
            return 4
        if isinstance(layer, QgsVectorLayer):
            if layer.geometryType() == compat.GeometryType.Polygon and layer.customProperty("alliance/overlay"):
                return 2.5  # outlines of dissolved regions over the territories they group
            return {compat.GeometryType.Point: 1, compat.GeometryType.Line: 2,
                    compat.GeometryType.Polygon: 3}.get(layer.geometryType(), 0)
        return 4
    return 4


def order_layers(root=None):
    """Points above lines above polygons (above rasters) in ``root`` and its groups; stable otherwise.

    ``root`` is a QgsProject, a layer-tree group or None (the current project).
    """
    if root is None:
        root = QgsProject.instance()
    if isinstance(root, QgsProject):
        root = root.layerTreeRoot()
    children = root.children()
    wanted = sorted(children, key=_rank)
    if wanted != children:
        for position, node in enumerate(wanted):
            current = root.children().index(node) if node in root.children() else None
            if current == position:
                continue
            clone = node.clone()
            root.insertChildNode(position, clone)
            root.removeChildNode(node)
    for child in root.children():
        if isinstance(child, QgsLayerTreeGroup):
            order_layers(child)
