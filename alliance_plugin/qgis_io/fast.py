"""A faster path for large file-based layers: read and write GeoPackages with pyogrio.

Reading a million parcels feature by feature through QGIS costs more than the
overlay itself. When a layer is a plain file (no filter, no selection, no
layer from a database), pyogrio reads it in one call; pyogrio is built against
the same GDAL as QGIS (see requirements.txt), so both see the same data.
Everything else goes through QGIS's feature source as usual.
"""

from __future__ import annotations

import os

from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProcessingUtils, QgsProviderRegistry

FILE_SUFFIXES = (".gpkg", ".shp", ".geojson", ".json", ".fgb", ".sqlite")


def file_layer(value, context):
    """``(path, layer name or None)`` when an input is a plain vector file, else None.

    A project layer counts when it is an OGR layer with no filter; a selection
    (``selectedFeaturesOnly``) or a feature limit sends the input through QGIS.
    """
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit != -1:
            return None
        value = value.source.staticValue()
    if not isinstance(value, str) or not value:
        return None
    layer = QgsProcessingUtils.mapLayerFromString(value, context, False)
    if layer is not None:
        if layer.providerType() != "ogr" or layer.subsetString():
            return None
        value = layer.source()
    parts = QgsProviderRegistry.instance().decodeUri("ogr", value)
    path = parts.get("path") or value
    if parts.get("subset") or not path.lower().endswith(FILE_SUFFIXES) or not os.path.isfile(path):
        return None
    return path, parts.get("layerName") or None


def pyogrio_usable():
    """pyogrio reads and geopandas writes the fast path: both must pass their probes (cached per process)."""
    from ..toolbelt import dependencies

    return all(s.ok for s in dependencies.statuses(["pyogrio", "geopandas"]))


def read_file(path, layer, columns):
    """Attributes ``columns`` and shapely geometries (column ``geometry``) of a file layer.

    Returns ``(frame, meta)``: the frame is indexed by feature id (as QGIS
    numbers them for GeoPackages), ``meta`` is pyogrio's (crs, fields...).
    """
    import pandas as pd
    import pyogrio.raw
    import shapely

    meta, fids, wkb, values = pyogrio.raw.read(path, layer=layer, columns=list(columns), return_fids=True)
    frame = pd.DataFrame({name: column for name, column in zip(meta["fields"], values)},
                         index=pd.Index(fids, name="feature id"))
    # "fix": rings of fewer than 4 points (seen in OpenStreetMap data) are closed or dropped, not fatal.
    frame["geometry"] = shapely.from_wkb(wkb, on_invalid="fix") if wkb is not None else None
    return frame, meta


def gpkg_destination(value):
    """The file path of a sink destination that is a new GeoPackage file, else None."""
    from qgis.core import QgsProcessingOutputLayerDefinition

    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink.staticValue()
    if isinstance(value, str) and value.lower().endswith(".gpkg") and not value.startswith(("ogr:", "memory:")):
        return value
    return None


def write_gpkg(path, frame, extra, crs_wkt, feedback=None):
    """Write the input's attributes (``frame`` minus geometry), ``extra`` columns and geometries to a new GeoPackage.

    Column names already in the input get a ``_2`` suffix, as QGIS's
    ``combineFields`` does. Returns the path.
    """
    import geopandas as gpd
    import pyogrio

    attributes = frame.drop(columns="geometry")
    renamed = {c: f"{c}_2" for c in extra.columns if c in attributes.columns}
    table = attributes.join(extra.rename(columns=renamed))
    if feedback is not None:
        feedback.pushInfo(f"Writing {len(table):,} features with pyogrio to {path}.")
    layer = os.path.splitext(os.path.basename(path))[0]
    pyogrio.write_dataframe(gpd.GeoDataFrame(table.reset_index(drop=True),
                                             geometry=gpd.GeoSeries(frame["geometry"].to_numpy()), crs=crs_wkt),
                            path, layer=layer, promote_to_multi=False)
    return path


def load_on_completion(context, value, path, name, output_name):
    """Ask QGIS to load a file we wrote ourselves, as it does for its own sinks, when the user asked."""
    from qgis.core import QgsProcessingContext, QgsProcessingOutputLayerDefinition

    if isinstance(value, QgsProcessingOutputLayerDefinition) and value.destinationProject is not None:
        details = QgsProcessingContext.LayerDetails(value.destinationName or name, value.destinationProject,
                                                    output_name)
        context.addLayerToLoadOnCompletion(path, details)
