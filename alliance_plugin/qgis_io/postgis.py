"""PostGIS tables read in bulk with pyogrio (GDAL's PostgreSQL driver), the password kept out of sight.

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

Writing, and the written table given to QGIS: :mod:`.postgis_write`.
"""

from __future__ import annotations

import re
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


def strip_prefix(text):
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
    uri = strip_prefix(value)
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
        uri = strip_prefix(value) if layer is None else None
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


def failed(table, error):
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
        raise failed(table, error) from None
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
        raise failed(table, error) from None
