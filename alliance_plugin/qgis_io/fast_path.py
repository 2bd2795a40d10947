"""The one decision between QGIS's feature source and sink and pyogrio, and pyogrio's side of it.

Reading a million parcels feature by feature through QGIS costs more than the
overlay itself. When an algorithm writes its input's features back with new
columns (the parcels of alliance:landtenureoverlay, the population of the
access algorithms), :func:`fast_path` decides, once, whether both the reading
and the writing go through pyogrio instead: pyogrio is built against the same
GDAL as QGIS (see requirements.txt), so both see the same data. Every other
input and output goes through QGIS's feature source and sink.

What the fast path preserves, and why each condition of :func:`fast_path` is there:

- **features**: an input that is a plain vector file (GeoPackage, shapefile,
  GeoJSON, FlatGeobuf, SQLite) read whole. A layer filter (subset string), a
  selection (``selectedFeaturesOnly``) or a feature limit, a database or a
  memory layer: QGIS path (QGIS applies them).
- **fields and types**: every field of the input keeps its name, order and
  type when its type is text without a width, 32- or 64-bit integer or real;
  integers with NULLs stay integers. Dates, times, booleans, binary, lists
  and text with a width (every shapefile text field): QGIS path.
- **fid**: the feature ids of a GeoPackage input (its ``fid`` column, a field
  in QGIS) are written as the output's fids, as QGIS's sink does; other
  inputs get new fids 1, 2, ... both ways.
- **CRS**: only when the computation runs in the input's own CRS (no
  reprojection); the output is written in it.
- **geometry type**: the input's, Z included; a multi-part input type makes
  every output geometry multi-part, as QGIS's sink does. Curved geometries
  (shapely has no arcs) and M values: QGIS path.
- **encoding**: GeoPackages are UTF-8 whatever the output's encoding option;
  pyogrio reads the input's declared encoding (a shapefile's ``.cpg``), as
  QGIS's OGR provider does.
- **destination**: a new ``.gpkg`` file (not an existing one, not ``ogr:``
  or ``memory:``), or a PostGIS table (``postgis:`` + URI, see below). Layer
  or data-source creation options, or a field mapping (appending to a
  layer), go through QGIS's sink.

PostGIS (qgis_io/postgis.py does the reading, qgis_io/postgis_write.py the writing):

- **input**: a ``postgres`` layer whose primary key is one integer column
  (QGIS's feature ids are then its values: the frame is indexed by them);
  its filter (subset string) becomes the ``WHERE`` of the one ``SELECT``.
  Fields of types ``int4``, ``int8``, ``float8``, ``text`` and ``varchar``
  without a width keep their names, order and values; any other type
  (``numeric``, ``int2``, dates, ``varchar(n)``...), a key of another type or
  of several columns, a selection or a feature limit: QGIS path.
- **output to a new GeoPackage** from PostGIS: fids 1, 2, ... in the order
  read, as QGIS's sink writes them.
- **output to a PostGIS table** (from a file or PostGIS input): the table is
  replaced as QGIS's sink replaces it, written with ``COPY`` into a staging
  table renamed in one transaction. Its primary key is the URI's key, else
  the input's own integer key or a GeoPackage's ``fid`` (their values kept,
  as QGIS does), else a new serial ``id`` (``id_0`` when ``id`` is taken)
  numbering the features 1, 2, ...; the geometry column is the URI's
  (``geom`` by default); the SRID the input's EPSG code; no spatial index
  (QGIS's sink makes none). Reals are written with 15 significant digits
  (GDAL's ``COPY`` text; QGIS writes 17): differences below 1e-14 relative.
  The output's value is the id of the layer loaded from it (no password in
  it), the log names the table.

tests/qgis/test_adapter.py reads and writes the same data both ways and
checks the results are equal.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from qgis.core import (
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProviderRegistry,
    QgsWkbTypes,
)

from ..toolbelt.i18n import tr
from . import postgis

FILE_SUFFIXES = (".gpkg", ".shp", ".geojson", ".json", ".fgb", ".sqlite")
#: OGR field types (``QgsField.typeName()`` of the OGR provider) that pyogrio reads and writes unchanged.
KEPT_TYPES = ("String", "Integer", "Integer64", "Real")
#: Text types: kept without a width only.
TEXT_TYPES = ("String", "text", "varchar")


@dataclass(frozen=True)
class FastPath:
    """An input (file or PostGIS table) read and a new GeoPackage or PostGIS table written with pyogrio.

    ``path`` and ``layer``: the input file and layer, or for a PostGIS input
    its label and None; ``source``: the PostGIS input (``postgis.PgTable``)
    and ``key`` its integer primary key; ``destination``: the new GeoPackage's
    path, or the label of ``target``, the PostGIS table written.
    """

    path: str
    layer: str | None
    destination: str
    source: object = None
    key: str | None = None
    target: object = None


def fast_path(input_value, destination_value, context, source, crs=None):
    """The :class:`FastPath` of an input written back to a destination, or None for QGIS's source and sink.

    ``input_value`` and ``destination_value`` are the parameter values (as
    given to the algorithm), ``source`` the input's feature source and
    ``crs`` the CRS the computation runs in. The module docstring says what
    each condition preserves.
    """
    if crs is not None and crs != source.sourceCrs():
        return None
    if not pyogrio_usable() or not plain_sink(destination_value):
        return None
    target = postgis.pg_destination(destination_value)
    destination = target.label if target is not None else gpkg_destination(destination_value)
    if target is None and (not destination or os.path.exists(destination)):
        return None
    if not kept_schema(source):
        return None
    location = file_layer(input_value, context)
    if location:
        return FastPath(location[0], location[1], destination, target=target)
    found = postgis.postgres_layer(input_value, context)
    key = found and postgis.integer_key(found[0])
    if not key:
        return None
    return FastPath(found[1].label, None, destination, source=found[1], key=key, target=target)


def kept_schema(source):
    """True when pyogrio keeps every field and the geometry of ``source`` as QGIS would (module docstring)."""
    wkb_type = source.wkbType()
    if QgsWkbTypes.isCurvedType(wkb_type) or QgsWkbTypes.hasM(wkb_type):
        return False
    return all(field.typeName() in KEPT_TYPES + postgis.KEPT_TYPES
               and (field.typeName() not in TEXT_TYPES or field.length() <= 0)
               for field in source.fields())


def plain_sink(value):
    """True unless the destination asks for creation options or a field mapping that only QGIS's sink applies."""
    if not isinstance(value, QgsProcessingOutputLayerDefinition):
        return True
    options = {k: v for k, v in (value.createOptions or {}).items() if k != "fileEncoding"}
    return not options and not (hasattr(value, "useRemapping") and value.useRemapping())


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


def gpkg_destination(value):
    """The file path of a sink destination that is a new GeoPackage file, else None."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink.staticValue()
    if isinstance(value, str) and value.lower().endswith(".gpkg") and not value.startswith(("ogr:", "memory:")):
        return value
    return None


def read_file(path, layer, columns):
    """Attributes ``columns`` and shapely geometries (column ``geometry``) of a file layer.

    Returns ``(frame, meta)``: the frame is indexed by feature id (as QGIS
    numbers them for GeoPackages), ``meta`` is pyogrio's (crs, fields,
    dtypes...), plus ``meta["wkb"]``, the geometries' WKB as read (None when
    some had to be repaired), which :func:`write_gpkg` writes back as it is:
    whoever replaces ``frame``'s geometries must drop it. Integer fields
    holding NULLs come as floats with NaN, as :func:`~.reading.read_layer`
    gives them; :func:`integer_fields` restores them.
    """
    import pandas as pd
    import pyogrio.raw
    import shapely

    read = _read_arrow(path, layer, columns)
    meta, fids, wkb, values = read or pyogrio.raw.read(path, layer=layer, columns=list(columns), return_fids=True)
    read = dict(zip(meta["fields"], values))
    # In the order asked (QGIS's field order): some pyogrio releases (0.10) give the file's order instead.
    frame = pd.DataFrame({name: read[name] for name in columns if name in read} |
                         {name: column for name, column in read.items() if name not in columns},
                         index=pd.Index(fids, name="feature id"))
    # "fix": rings of fewer than 4 points (seen in OpenStreetMap data) are closed or dropped, not fatal.
    geometries = shapely.from_wkb(wkb, on_invalid="ignore") if wkb is not None else None
    if wkb is not None:
        broken = shapely.is_missing(geometries) & pd.notna(wkb)
        if broken.any():
            geometries[broken] = shapely.from_wkb(wkb[broken], on_invalid="fix")
            wkb = None  # some geometries are not those of the file: write_gpkg converts them all
    frame["geometry"] = geometries
    # the geometries' own WKB (None when some were repaired): written back as it is (write_gpkg)
    meta["wkb"] = wkb
    return frame, meta


#: Arrow types read through GDAL's Arrow stream into the same arrays as ``pyogrio.raw.read`` gives.
ARROW_TYPES = ("int32", "int64", "double", "string", "large_string")


def _read_arrow(path, layer, columns):
    """``pyogrio.raw.read``'s ``(meta, fids, wkb, values)`` through GDAL's Arrow stream (5 x faster), or None.

    GeoPackages only (always UTF-8, whatever a shapefile's ``.cpg`` says), with
    pyarrow, and fields of the :data:`ARROW_TYPES`: integers with NULLs come as
    floats with NaN and text NULLs as None, as ``raw.read`` gives them; the
    meta has the same keys (``raw.read`` gives no fid column nor geometry name).
    """
    if not str(path).lower().endswith(".gpkg"):
        return None
    try:
        import pyarrow  # noqa: F401
        from pyogrio.raw import read_arrow
    except ImportError:
        return None
    try:
        meta, table = read_arrow(path, layer=layer, columns=list(columns), return_fids=True)
    except (RuntimeError, NotImplementedError):  # no Arrow stream in this GDAL: raw.read says what is wrong, if any
        return None
    geometry = meta.get("geometry_name") or "wkb_geometry"
    names = table.column_names
    fields = [str(name) for name in meta["fields"]]
    if names[1:] not in (fields + [geometry], fields) or \
            any(str(table.schema.field(name).type) not in ARROW_TYPES for name in fields):
        return None
    wkb = table.column(geometry).to_numpy(zero_copy_only=False) if names[1:] != fields else None
    values = [table.column(name).to_numpy(zero_copy_only=False) for name in fields]
    meta = {key: value for key, value in meta.items() if key not in ("fid_column", "geometry_name")}
    return meta, table.column(0).to_numpy(), wkb, values


def integer_fields(frame, meta):
    """``frame`` with the integer fields that pyogrio read as floats (NULLs as NaN) as nullable integers again."""
    import pandas as pd

    nullable = {"int32": "Int32", "int64": "Int64"}
    changed = {name: pd.array(frame[name].to_numpy(), dtype=nullable[dtype])
               for name, dtype in zip(meta["fields"], meta["dtypes"])
               if dtype in nullable and name in frame.columns and frame[name].dtype.kind == "f"}
    return frame.assign(**changed) if changed else frame


def write_gpkg(path, frame, extra, crs_wkt, feedback=None, *, fids=None, geometry_type=None, promote_to_multi=False,
               wkb=None):
    """Write the input's attributes (``frame`` minus geometry), ``extra`` columns and geometries to a new GeoPackage.

    Column names already in the input get a ``_2`` suffix, as QGIS's
    ``combineFields`` does. ``fids`` (the input's GeoPackage fids) become the
    output's fids; ``geometry_type`` (an OGR name such as ``"MultiPolygon Z"``)
    declares the layer's type, and ``promote_to_multi`` makes every geometry
    multi-part, as QGIS's sink does for a multi-part layer. ``wkb``: the WKB
    of ``frame``'s geometries as read (:func:`read_file`), written as they are
    instead of converting the shapely geometries back. Returns the path.
    """
    import numpy as np
    import pyogrio
    import shapely

    attributes = frame.drop(columns="geometry")
    renamed = {c: f"{c}_2" for c in extra.columns if c in attributes.columns}
    table = attributes.join(extra.rename(columns=renamed))
    if feedback is not None:
        feedback.pushInfo(tr("Writing {n:,} features with pyogrio to {path}.").format(n=len(table), path=path))
    layer = os.path.splitext(os.path.basename(path))[0]
    table = table.reset_index(drop=True)
    if fids is not None:
        table.insert(0, "fid", fids)
    options = {"geometry_type": geometry_type} if geometry_type else {}
    geometries = frame["geometry"].to_numpy()
    # The R-tree in one pass (gpkg_rtree.add_spatial_index) rather than GDAL 3.6's row by row (10 s a million).
    indexed = ~(shapely.is_missing(geometries) | shapely.is_empty(geometries)) if geometry_type else None
    if indexed is not None and indexed.any():
        options["layer_options"] = {"SPATIAL_INDEX": "NO"}
    columns = _field_arrays(table) if geometry_type else None
    if columns is None:  # the layer's type from the data, or dates: geopandas' writer decides as before
        import geopandas as gpd

        pyogrio.write_dataframe(gpd.GeoDataFrame(table, geometry=gpd.GeoSeries(geometries), crs=crs_wkt),
                                path, layer=layer, promote_to_multi=promote_to_multi, **options)
    else:  # what pyogrio.write_dataframe passes to pyogrio.raw.write, without a GeoDataFrame nor WKB made again
        pyogrio.raw.write(path, wkb if wkb is not None else shapely.to_wkb(geometries), columns[0], list(table.columns),
                          columns[1], layer=layer, crs=_crs_text(crs_wkt), promote_to_multi=promote_to_multi,
                          gdal_tz_offsets={}, **options)
    if "layer_options" in options:
        from .gpkg_rtree import add_spatial_index

        ids = np.flatnonzero(indexed) + 1 if fids is None else np.asarray(fids, dtype=np.int64)[indexed]
        add_spatial_index(path, layer, geometry_type, shapely.bounds(geometries[indexed]), ids)
    return path


def _field_arrays(table):
    """``(values, masks)`` per column of ``table`` as ``pyogrio.write_dataframe`` gives them to ``pyogrio.raw.write``.

    None when a column holds dates (the writer's own conversions then apply).
    """
    import numpy as np
    import pandas as pd
    from pandas.arrays import BooleanArray, FloatingArray, IntegerArray

    values, masks = [], []
    for name in table.columns:
        column = table[name]
        if isinstance(column.dtype, pd.DatetimeTZDtype) or column.dtype.kind in "mM" or (
                column.dtype == "object" and pd.api.types.infer_dtype(column) == "datetime"):
            return None
        array = column.values
        if isinstance(array, pd.api.extensions.ExtensionArray):
            if isinstance(array, IntegerArray | FloatingArray | BooleanArray):
                values.append(array._data)
                masks.append(array._mask)
            else:
                values.append(np.asarray(array))
                masks.append(np.asarray(array.isna()))
        else:
            values.append(array)
            masks.append(None)
    return values, masks


def _crs_text(crs_wkt):
    """The CRS as ``pyogrio.write_dataframe`` passes a GeoDataFrame's: ``EPSG:n`` when it has a code, else WKT1."""
    if not crs_wkt:
        return None
    from pyproj import CRS

    crs = CRS.from_user_input(crs_wkt)
    epsg = crs.to_epsg()
    return f"EPSG:{epsg}" if epsg else crs.to_wkt("WKT1_GDAL")


def load_on_completion(context, value, path, name, output_name):
    """Ask QGIS to load a file we wrote ourselves, as it does for its own sinks, when the user asked."""
    from qgis.core import QgsProcessingContext

    if isinstance(value, QgsProcessingOutputLayerDefinition) and value.destinationProject is not None:
        details = QgsProcessingContext.LayerDetails(value.destinationName or name, value.destinationProject,
                                                    output_name)
        context.addLayerToLoadOnCompletion(path, details)
