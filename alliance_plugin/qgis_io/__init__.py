"""The only bridge between QGIS layers and data frames.

Reading turns a ``QgsFeatureSource`` into a pandas frame (feature id as index,
only the needed attributes, QGIS NULL as None) and geometries into shapely
objects through WKB; writing turns frames back into features of a sink, with
fields created in one place for every supported QGIS version.
"""
