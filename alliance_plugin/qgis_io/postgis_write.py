"""PostGIS tables written in bulk with pyogrio (GDAL's PostgreSQL driver), then given to QGIS as layers.

Writing (:func:`write_table`): GDAL's PostgreSQL driver loads the frame with
``COPY`` into a staging table of the destination schema; then one statement
(``DROP TABLE IF EXISTS`` the destination, ``ALTER TABLE`` staging ``RENAME``)
run through QGIS's connection API (no psycopg2) replaces the destination in one
transaction. A server that goes away mid-run leaves no half-written table under
the destination's name (the staging table is dropped when the server is still
there) and raises a :class:`QgsProcessingException` without the password.

The written table becomes a ``postgres`` layer of the processing context
(:func:`table_layer`, :func:`load_table`, :func:`add_layer`), loaded on
completion when the user asked; :func:`adopt_sink_output` does the same for a
table QGIS's own sink wrote. The table, its connection and the password kept
out of sight: :mod:`.postgis`.
"""

from __future__ import annotations

import uuid
import warnings

from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from ..toolbelt.i18n import tr
from .postgis import PgTable, execute, failed, pg_destination, quote_ident, strip_prefix


def key_name(names, wanted=""):
    """The primary key QGIS's ``postgres`` sink gives a new table: ``wanted``, else ``id`` (``id_0``... if taken)."""
    if wanted:
        return wanted
    key, index = "id", 0
    while key in names:
        key, index = f"id_{index}", index + 1
    return key


#: From this many rows, two connections load two halves at once (GDAL's COPY is half client, half server work).
PARALLEL_ROWS = 50000


def write_table(target, frame, geometries, crs, feedback=None, *, key="", geometry_type=None,
                promote_to_multi=False):
    """Write ``frame`` and ``geometries`` to the PostGIS table ``target`` in bulk, replacing it in one transaction.

    GDAL loads a staging table with ``COPY`` (two halves through two
    connections at once from :data:`PARALLEL_ROWS` rows, the second half then
    appended on the server); then one statement drops the target and renames
    the staging table. ``key``: the primary key (a column of ``frame`` whose
    values are kept, or a new serial column numbering the rows 1, 2, ..., see
    :func:`key_name`); the geometry column is the target's (``geom`` by
    default); ``geometries`` None writes a table without geometry. No spatial
    index, as QGIS's sink makes none. Returns the :class:`PgTable` written.
    """
    import threading

    import geopandas as gpd
    import numpy as np

    staging = f"alliance_staging_{uuid.uuid4().hex[:16]}"
    key = key_name(set(frame.columns), target.key or key)
    new_key = key not in frame.columns
    spatial = geometries is not None
    geometry = (target.geometry or "geom") if spatial else ""
    data = frame.reset_index(drop=True)
    if new_key:  # numbered here, so that the halves loaded at once do not both start at 1
        data.insert(0, key, np.arange(1, len(data) + 1, dtype=np.int32 if len(data) < 2 ** 31 else np.int64))
    layer_options = {"SCHEMA": target.schema or "public", "FID": key, "LAUNDER": "NO"}
    if data[key].dtype.itemsize == 8:  # a 64-bit key (a GeoPackage's fid): bigint
        layer_options["FID64"] = "YES"
    if spatial:
        layer_options.update(GEOMETRY_NAME=geometry, SPATIAL_INDEX="NONE")
        data = gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geometries), crs=crs)
    options = {"geometry_type": geometry_type} if geometry_type else {}
    if feedback is not None:
        feedback.pushInfo(tr("Writing {n:,} features with pyogrio to PostGIS {table}.").format(
            n=len(data), table=target.label))
    halves = np.array_split(np.arange(len(data)), 2) if len(data) >= PARALLEL_ROWS else [None]
    names = [staging, f"{staging}_2"][:len(halves)]
    errors = []

    def load(name, rows):
        try:
            _copy(target, data if rows is None else data.iloc[rows], name, layer_options,
                  promote_to_multi=promote_to_multi, **options)
        except Exception as error:  # noqa: BLE001 (reported below, masked)
            errors.append(error)

    schema = quote_ident(target.schema or "public")
    final = f"{schema}.{quote_ident(target.table)}"
    try:
        threads = [threading.Thread(target=load, args=(name, rows)) for name, rows in zip(names[1:], halves[1:])]
        for thread in threads:
            thread.start()
        load(names[0], halves[0])
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]
        merge = "".join(f"INSERT INTO {schema}.{quote_ident(staging)} SELECT * FROM {schema}.{quote_ident(name)}; "
                        f"DROP TABLE {schema}.{quote_ident(name)}; " for name in names[1:])
        if new_key:  # the serial goes on after the rows numbered here
            literal = "'" + final.replace("'", "''") + "'"
            after = f"; SELECT setval(pg_get_serial_sequence({literal}, '{key.replace(chr(39), chr(39) * 2)}'), " \
                    f"{max(len(data), 1)}, {'true' if len(data) else 'false'})"
        else:  # a key whose values were given keeps them, as QGIS's sink does: no serial default
            after = f"; ALTER TABLE {final} ALTER COLUMN {quote_ident(key)} DROP DEFAULT"
        execute(target, f"{merge}DROP TABLE IF EXISTS {target.name}; "
                        f"ALTER TABLE {schema}.{quote_ident(staging)} RENAME TO {quote_ident(target.table)}{after}")
    except Exception as error:  # noqa: BLE001
        for name in names:
            _drop_quietly(target, name)
        if isinstance(error, QgsProcessingException):
            raise
        reached = _reachable(target)
        if reached is not None:  # GDAL says "createdb" when it cannot connect: say what happened
            raise QgsProcessingException(tr("PostGIS {table}: the server cannot be reached ({error}); nothing was "
                                            "written under that name.").format(table=target.name,
                                                                               error=target.safe(reached))) from None
        raise failed(target, error) from None
    uris = []
    for text in (target.uri, target.source or target.uri):
        uri = QgsDataSourceUri(text)
        uri.setDataSource(target.schema or "public", target.table, geometry, "", key)
        uris.append(uri.uri(False))
    return PgTable(target.conninfo, target.schema or "public", target.table, geometry, key, "", target.password,
                   *uris)


#: GDAL's PostgreSQL driver opens the database with its creation options, the password among them, and pyogrio
#: warns that PASSWORD is not a creation option (warnings filters are per process: one filter, this message only).
warnings.filterwarnings("ignore", message="driver PostgreSQL does not support creation option PASSWORD")


def _copy(target, data, name, layer_options, **options):
    """One GDAL load (``COPY``) of ``data`` into the new table ``name``."""
    import pyogrio

    pyogrio.write_dataframe(data, target.gdal, layer=name, driver="PostgreSQL", dataset_options=target.options,
                            layer_options=layer_options, **options)


def _reachable(target):
    """None when the table's server answers, else its error (text)."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    try:
        metadata.createConnection(target.uri, {}).executeSql("SELECT 1")
    except Exception as error:  # noqa: BLE001 (QgsProviderConnectionException and friends)
        return target.safe(str(error).strip())
    return None


def _drop_quietly(target, staging):
    """Remove a staging table left by a failed write, when the server is still there."""
    try:
        execute(target, f"DROP TABLE IF EXISTS {quote_ident(target.schema or 'public')}.{quote_ident(staging)}")
    except QgsProcessingException:
        pass


def table_layer(target, name):
    """The written table as a ``postgres`` layer (raises when it cannot be opened)."""
    layer = QgsVectorLayer(target.source or target.uri, name, "postgres")  # an authcfg stays an authcfg
    if not layer.isValid():
        raise QgsProcessingException(tr("PostGIS {table}: written, but it could not be opened.").format(
            table=target.name))
    return layer


def load_table(context, value, target, name, output_name):
    """The written table as a layer of the context (its id is the output's value, no password in it).

    Loaded on completion, as QGIS does for its sinks, when the user asked.
    """
    return add_layer(context, value, table_layer(target, name), name, output_name)


def add_layer(context, value, layer, name, output_name):
    """Give ``layer`` to the context, loaded on completion when the user asked; returns its id."""
    context.temporaryLayerStore().addMapLayer(layer)
    if isinstance(value, QgsProcessingOutputLayerDefinition) and value.destinationProject is not None:
        from qgis.core import QgsProcessingContext

        details = QgsProcessingContext.LayerDetails(value.destinationName or name, value.destinationProject,
                                                    output_name)
        context.addLayerToLoadOnCompletion(layer.id(), details)
    return layer.id()


def adopt_sink_output(context, value, dest, name, output_name):
    """The output of a PostGIS table written through QGIS's own sink, as a layer of the context; returns its id.

    QGIS 3.22's sink for a ``postgis:`` destination returns the destination
    text itself (password included) and puts that text, which no layer
    answers to, on the list of layers to load: the table is written but never
    appears in the project (native algorithms too). The table is opened here
    as a ``postgres`` layer (its ``authcfg`` kept), given to the context and
    loaded on completion in place of that text; the output's value becomes
    the layer's id. Any other destination: ``dest`` unchanged.
    """
    target = pg_destination(value)
    if target is None or not isinstance(dest, str) or strip_prefix(dest) is None:
        return dest
    pending = context.layersToLoadOnCompletion()
    details = pending.pop(dest, None)
    context.setLayersToLoadOnCompletion(pending)
    layer = table_layer(target, name)
    context.temporaryLayerStore().addMapLayer(layer)
    if details is not None:
        context.addLayerToLoadOnCompletion(layer.id(), details)
    return layer.id()
