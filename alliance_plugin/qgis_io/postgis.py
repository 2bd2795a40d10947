"""PostGIS tables read and written in bulk with pyogrio (GDAL's PostgreSQL driver), the password kept out of sight.

QGIS gives a PostGIS layer as a ``postgres`` data source URI (``QgsDataSourceUri``
text: host, port, dbname or service, sslmode, user and password or an
authentication configuration ``authcfg``, then the table, geometry column, key
and filter), and a PostGIS destination as that URI behind ``postgis:`` (the
dialog's "Save to PostGIS Table...", models, ``qgis_process``) or
``postgres://``. :class:`PgTable` holds one such table:

- the connection for GDAL is ``PG:`` + a libpq connection string **without the
  password**; the password (typed in the URI, or resolved in memory from the
  ``authcfg`` by ``QgsApplication.authManager().updateDataSourceUriItems``, as
  QGIS's own provider does) goes to GDAL as the open option ``PASSWORD``, so
  no path, log line or error message we build contains it; every message
  coming back from GDAL or PostgreSQL goes through :func:`mask` anyway;
- names are quoted with :func:`quote_ident` (quotes doubled): a schema or table
  named with quotes, spaces, accents or a semicolon is read and written as
  named and can inject nothing;
- the layer's filter (QGIS's subset string, SQL for the ``postgres`` provider)
  becomes the ``WHERE`` of the one ``SELECT`` GDAL runs.

Reading (:func:`read_table`): one ``SELECT`` of QGIS's fields and the geometry
through GDAL's cursor; the frame is indexed by the table's integer primary key,
which is the feature id QGIS gives a ``postgres`` feature for such a key.

Writing (:func:`write_table`): GDAL's PostgreSQL driver loads the frame with
``COPY`` into a staging table of the destination schema; then one statement
(``DROP TABLE IF EXISTS`` the destination, ``ALTER TABLE`` staging ``RENAME``)
run through QGIS's connection API (no psycopg2) replaces the destination in one
transaction. A server that goes away mid-run leaves no half-written table under
the destination's name (the staging table is dropped when the server is still
there) and raises a :class:`QgsProcessingException` without the password.
"""

from __future__ import annotations

import re
import uuid
import warnings
from dataclasses import dataclass, field

from qgis.core import (
    QgsApplication,
    QgsDataSourceUri,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from ..toolbelt.i18n import tr

#: Prefixes of a PostGIS destination or source string (QGIS decodes ``postgis`` as the ``postgres`` provider).
PREFIXES = ("postgres://", "postgis://", "postgres:", "postgis:")
#: ``QgsField.typeName()`` of the ``postgres`` provider that pyogrio reads as QGIS does (no width for text).
KEPT_TYPES = ("int4", "int8", "float8", "text", "varchar")
#: Integer key types whose value is QGIS's feature id.
INTEGER_KEYS = ("int4", "int8", "serial", "bigserial")
SSL_MODES = {0: "prefer", 1: "disable", 2: "allow", 3: "prefer", 4: "require", 5: "verify-ca", 6: "verify-full"}
MASK = "********"


def quote_ident(name):
    """An SQL identifier, quoted: ``quote_ident('a"b')`` is ``"a""b"`` (anything inside is a name, never SQL)."""
    return '"' + str(name).replace('"', '""') + '"'


def _libpq_value(value):
    """A libpq connection-string value, single-quoted with backslashes and quotes escaped."""
    return "'" + str(value).replace("\\", "\\\\").replace("'", "\\'") + "'"


def mask(text, secrets):
    """``text`` with every non-empty secret replaced by asterisks."""
    text = str(text)
    for secret in secrets:
        if secret:
            text = text.replace(secret, MASK)
    return text


@dataclass(frozen=True)
class PgTable:
    """One PostGIS table (or a filtered view of it): where it is, and how to reach it without showing the password."""

    conninfo: str  # libpq connection string, no password
    schema: str
    table: str
    geometry: str = ""
    key: str = ""
    where: str = ""
    password: str = field(default="", repr=False)
    uri: str = field(default="", repr=False)  # QGIS URI with the credentials (for QGIS's connection API only)
    source: str = field(default="", repr=False)  # the URI as given (its authcfg kept): what a loaded layer gets

    @property
    def gdal(self):
        """``PG:`` connection string for GDAL, without the password (see :attr:`options`)."""
        return "PG:" + self.conninfo

    @property
    def options(self):
        """GDAL open options: the password, when there is one."""
        return {"PASSWORD": self.password} if self.password else {}

    @property
    def name(self):
        """``"schema"."table"``, quoted (a sub-query table, ``(SELECT ...)``, as is)."""
        if self.table.startswith("(") and not self.schema:
            return self.table
        return f"{quote_ident(self.schema)}.{quote_ident(self.table)}" if self.schema else quote_ident(self.table)

    @property
    def label(self):
        """What the log shows: the table and the database, never the password."""
        database = " ".join(p for p in self.conninfo.split() if p.startswith(("dbname=", "service=", "host=")))
        return f"{self.name} ({database})"

    def safe(self, text):
        """``text`` with the password masked."""
        return mask(text, [self.password])


def _resolved(uri):
    """A copy of ``uri`` (QgsDataSourceUri) whose ``authcfg`` is resolved in memory into user and password."""
    authcfg = uri.authConfigId()
    if not authcfg:
        return uri
    items = [f"username={uri.username()}", f"password={uri.password()}"]
    ok, items = QgsApplication.authManager().updateDataSourceUriItems(items, authcfg, "postgres")
    if not ok:
        raise QgsProcessingException(tr("The authentication configuration '{id}' of the PostGIS connection "
                                        "could not be used.").format(id=authcfg))
    resolved = QgsDataSourceUri(uri.uri(False))
    for item in items:
        key, _, value = item.partition("=")
        if len(value) >= 2 and value[0] == value[-1] == "'":  # user='...' as the Basic method writes it
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        if key in ("username", "user"):
            resolved.setUsername(value)
        elif key == "password":
            resolved.setPassword(value)
    resolved.setAuthConfigId("")
    return resolved


def pg_table(uri_text, where=None):
    """The :class:`PgTable` of a ``postgres`` URI (``QgsDataSourceUri`` text); ``where`` overrides its filter."""
    original = QgsDataSourceUri(uri_text)
    uri = _resolved(original)
    parts = []
    for key, value in (("service", uri.service()), ("host", uri.host()), ("port", uri.port()),
                       ("dbname", uri.database()), ("user", uri.username())):
        if value:
            parts.append(f"{key}={_libpq_value(value)}")
    ssl = SSL_MODES.get(int(uri.sslMode()), "")
    if ssl and int(uri.sslMode()) != 0:
        parts.append(f"sslmode={ssl}")
    with_password = QgsDataSourceUri(uri.uri(False))
    return PgTable(" ".join(parts), uri.schema(), uri.table(), uri.geometryColumn(), uri.keyColumn(),
                   uri.sql() if where is None else where, uri.password(), with_password.uri(False),
                   original.uri(False))


def _strip_prefix(text):
    for prefix in PREFIXES:
        if text.startswith(prefix):
            return text[len(prefix):]
    return None


def pg_destination(value):
    """The :class:`PgTable` of a destination that is a PostGIS table (``postgis:``/``postgres:`` + URI), else None."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink.staticValue()
    if not isinstance(value, str):
        return None
    uri = _strip_prefix(value)
    if not uri:
        return None
    parts = QgsDataSourceUri(uri)
    if not parts.table() or parts.table().startswith("(") or not (parts.database() or parts.service()):
        return None
    return pg_table(uri, where="")


def postgres_layer(value, context):
    """``(layer, PgTable)`` when an input is a whole ``postgres`` layer (its filter kept), else None.

    A selection or a feature limit goes through QGIS (QGIS applies them).
    """
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit != -1:
            return None
        value = value.source.staticValue()
    if isinstance(value, QgsVectorLayer):
        layer = value
    elif isinstance(value, str) and value:
        layer = QgsProcessingUtils.mapLayerFromString(value, context, False)
        uri = _strip_prefix(value) if layer is None else None
        if uri is not None:  # the layer QGIS loaded for the source has the URI as its source: no second load
            layer = QgsProcessingUtils.mapLayerFromString(uri, context, False) or \
                QgsProcessingUtils.mapLayerFromString("postgres://" + uri, context, True)
    else:
        return None
    if layer is None or layer.providerType() != "postgres" or not layer.isValid():
        return None
    return layer, pg_table(layer.source(), where=layer.subsetString())


def integer_key(layer):
    """The name of the single integer primary key of a ``postgres`` layer (QGIS's feature id), else None."""
    keys = layer.dataProvider().pkAttributeIndexes()
    if len(keys) != 1:
        return None
    key = layer.fields().at(keys[0])
    return key.name() if key.typeName() in INTEGER_KEYS else None


def _failed(table, error):
    return QgsProcessingException(tr("PostGIS {table}: {error}").format(table=table.name, error=table.safe(error)))


def read_table(table, columns, key):
    """Attributes ``columns`` (QGIS's fields) and shapely geometries of a PostGIS table, in one ``SELECT``.

    Returns ``(frame, meta)`` as :func:`~.fast_path.read_file` does: the frame is
    indexed by the integer primary key ``key`` (QGIS's feature ids), which stays
    a column as QGIS shows it.
    """
    import numpy as np
    import pandas as pd
    import pyogrio.raw
    import shapely

    selected = ", ".join([*(quote_ident(c) for c in columns), quote_ident(table.geometry)])
    sql = f"SELECT {selected} FROM {table.name}"
    if table.where:
        sql += f" WHERE ({table.where})"
    try:
        meta, _, wkb, values = pyogrio.raw.read(table.gdal, sql=sql, **table.options)
    except Exception as error:  # noqa: BLE001 (GDAL's errors, with anything it says, masked)
        raise _failed(table, error) from None
    read = dict(zip(meta["fields"], values))
    frame = pd.DataFrame({name: read[name] for name in columns},
                         index=pd.Index(np.asarray(read[key]).astype(np.int64), name="feature id"))
    frame["geometry"] = shapely.from_wkb(wkb, on_invalid="fix") if wkb is not None else None
    return frame, meta


def execute(table, sql):
    """Run ``sql`` on the table's database through QGIS's connection API; errors masked."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    try:
        connection = metadata.createConnection(table.uri, {})
        return connection.executeSql(sql)
    except Exception as error:  # noqa: BLE001 (QgsProviderConnectionException and friends)
        raise _failed(table, error) from None


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
        raise _failed(target, error) from None
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
    if target is None or not isinstance(dest, str) or _strip_prefix(dest) is None:
        return dest
    pending = context.layersToLoadOnCompletion()
    details = pending.pop(dest, None)
    context.setLayersToLoadOnCompletion(pending)
    layer = table_layer(target, name)
    context.temporaryLayerStore().addMapLayer(layer)
    if details is not None:
        context.addLayerToLoadOnCompletion(layer.id(), details)
    return layer.id()
