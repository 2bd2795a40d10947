"""A private PostgreSQL/PostGIS cluster for the database tests, created and removed by the test run.

Debian's ``postgresql`` and ``postgresql-postgis`` packages (scripts/setup.sh
installs them) give the server binaries; nothing of the system's own cluster
is used. :class:`Server` runs ``initdb`` into a fresh folder of the system's
temporary directory, starts ``postgres`` on a free loopback port (and a socket
in that folder) with password authentication, creates a database with the
``postgis`` extension, and stops the server and removes the folder at the end.
Nothing is left running.

PostgreSQL refuses to run as root: as root (CI), the cluster belongs to the
``postgres`` system user that Debian's package creates, and the folder is made
readable by it.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time

import pytest

USER = "alliance"
#: The password of the test role: tests grep outputs and logs for it (issue 16: it must never leak).
PASSWORD = "S3cr3t-pw-4-alliance-tests"
DATABASE = "alliance_test"
#: util-linux's runuser, wherever PATH lacks /usr/sbin (a chroot with a short PATH).
RUNUSER = shutil.which("runuser") or next((p for p in ("/usr/sbin/runuser", "/sbin/runuser") if os.path.exists(p)),
                                          "runuser")


def server_binaries():
    """The folder of the newest installed server's binaries (``initdb``, ``pg_ctl``...), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    return os.path.dirname(found[-1]) if found else None


def postgis_installed(bindir):
    """True when the PostGIS extension is installed for that server version."""
    version = bindir.split("/")[4]
    return bool(glob.glob(f"/usr/share/postgresql/{version}/extension/postgis.control"))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """One private cluster: ``start()``, ``psql(sql)``, ``stop()``; ``uri()`` for QGIS."""

    def __init__(self, bindir):
        self.bindir = bindir
        self.folder = tempfile.mkdtemp(prefix="alliance-pg-")
        self.data = os.path.join(self.folder, "data")
        self.port = free_port()
        self.owner = None
        if os.geteuid() == 0:
            self.owner = pwd.getpwnam("postgres")
            os.chmod(self.folder, 0o755)
            os.chown(self.folder, self.owner.pw_uid, self.owner.pw_gid)

    def _run(self, *args, check=True, **kwargs):
        command = list(args)
        if self.owner is not None:
            command = [RUNUSER, "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True, **kwargs)

    def start(self):
        pwfile = os.path.join(self.folder, "pw")
        with open(pwfile, "w") as handle:
            handle.write(PASSWORD + "\n")
        if self.owner is not None:
            os.chown(pwfile, self.owner.pw_uid, self.owner.pw_gid)
        self._run(f"{self.bindir}/initdb", "-D", self.data, "-U", USER, "--pwfile", pwfile,
                  "--auth", "scram-sha-256", "-E", "UTF8", "--locale", "C.UTF-8")
        os.remove(pwfile)
        self.launch()
        self.psql(f"CREATE DATABASE {DATABASE}", database="postgres")
        self.psql("CREATE EXTENSION postgis")
        return self

    def launch(self):
        """Start (or restart) the server of an existing cluster; returns when it accepts connections."""
        options = f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.folder} " \
                  "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        log = os.path.join(self.folder, "server.log")
        for attempt in range(20):  # right after an immediate shutdown, the port or shared memory may still be held
            started = self._run(f"{self.bindir}/pg_ctl", "-D", self.data, "-l", log, "-o", options, "-w", "-t", "60",
                                "start", check=False)
            if started.returncode == 0:
                return
            time.sleep(0.25)
        with open(log, encoding="utf-8", errors="replace") as handle:
            raise RuntimeError(f"the server did not start: {started.stdout}{started.stderr}{handle.read()[-2000:]}")

    def kill(self):
        """Stop the server at once, as a server that goes away would (immediate shutdown)."""
        self._run(f"{self.bindir}/pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop", check=False)

    def psql(self, sql, database=DATABASE):
        """Run SQL with psql; returns its output (tuples only, ``|``-separated)."""
        environment = dict(os.environ, PGPASSWORD=PASSWORD)
        done = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", USER, "-d", database,
                               "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                              capture_output=True, text=True, env=environment)
        if done.returncode:
            raise RuntimeError(f"psql failed: {done.stderr.strip()}")
        return done.stdout.strip()

    def uri(self, table=None, schema="public", geometry="geom", key=None, sql=None, with_password=True):
        """A QGIS ``postgres`` data source URI (``QgsDataSourceUri`` text) of the test database."""
        from qgis.core import QgsDataSourceUri

        uri = QgsDataSourceUri()
        uri.setConnection("127.0.0.1", str(self.port), DATABASE, USER, PASSWORD if with_password else "")
        if table is not None:
            uri.setDataSource(schema, table, geometry, sql or "", key or "")
        return uri.uri(False)

    def gdal(self):
        """The same connection for GDAL/ogr2ogr (``PG:`` string)."""
        return f"PG:host=127.0.0.1 port={self.port} dbname={DATABASE} user={USER} password={PASSWORD}"

    def load(self, source, layer=None, table=None, schema="public", *options):
        """Copy a file's layer (or a CSV) into ``schema.table`` with ogr2ogr (fast): ``fid`` key, ``geom`` column.

        The schema is created when missing; names are passed to GDAL as they are
        (quotes, spaces, accents and semicolons included).
        """
        self.psql('CREATE SCHEMA IF NOT EXISTS "{}"'.format(schema.replace('"', '""')))
        command = ["ogr2ogr", "-f", "PostgreSQL", self.gdal(), str(source), *([layer] if layer else []),
                   "-nln", table, "-lco", f"SCHEMA={schema}", "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid",
                   "-lco", "LAUNDER=NO", "-lco", "PRECISION=NO", *options]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"ogr2ogr failed: {done.stderr.strip()}")

    def export(self, table, path, schema="public", layer=None):
        """Copy ``schema.table`` to a GeoPackage (the same data as a file), layer ``layer`` (default: table)."""
        command = ["ogr2ogr", "-f", "GPKG", str(path), self.gdal(), "-nln", layer or table,
                   "-sql", 'SELECT * FROM "{}"."{}"'.format(schema.replace('"', '""'), table.replace('"', '""'))]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"ogr2ogr failed: {done.stderr.strip()}")

    def stop(self):
        self.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


def store_authcfg(server, name="alliance test"):
    """A QGIS authentication configuration (Basic: the role and its password) for ``server``; returns its id.

    Sets the master password of the test profile first when it has none (qgis.testing's
    profile is a temporary folder); the configuration is stored encrypted in its qgis-auth.db.
    """
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    assert not manager.isDisabled(), manager.disabledMessage()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("alliance-master-password", True)
    config = QgsAuthMethodConfig()
    config.setName(name)
    config.setMethod("Basic")
    config.setConfig("username", USER)
    config.setConfig("password", PASSWORD)
    assert manager.storeAuthenticationConfig(config), "the authentication configuration was not stored"
    return config.id()


def authcfg_uri(server, authcfg, table=None, schema="public", geometry="geom", key=None, sql=None):
    """A ``postgres`` URI that carries only ``authcfg=<id>``: no user, no password (``uri(False)``)."""
    from qgis.core import QgsDataSourceUri

    uri = QgsDataSourceUri()
    uri.setConnection("127.0.0.1", str(server.port), DATABASE, "", "")
    uri.setAuthConfigId(authcfg)
    if table is not None:
        uri.setDataSource(schema, table, geometry, sql or "", key or "")
    return uri.uri(False)


#: Fields left out of comparisons: keys the two drivers number on their own; params names the CRS only.
SKIPPED = {"fid", "id", "params"}


def read_rows(layer, key):
    """{key: {field: value}} of a layer, with the geometry's area (or length) in ``_measure``."""
    from qgis.core import QgsVectorLayer

    if isinstance(layer, str):
        layer = QgsVectorLayer(layer, "out", "ogr")
    assert layer.isValid(), layer.source()
    names = layer.fields().names()
    rows = {}
    for feature in layer.getFeatures():
        values = {name: (None if value is None or type(value).__name__ == "QVariant" else value)
                  for name, value in zip(names, feature.attributes())}
        geometry = feature.geometry()
        values["_measure"] = None if geometry.isNull() else (geometry.area() or geometry.length())
        rows[tuple(values[k] for k in key) if isinstance(key, tuple) else values[key]] = values
    return rows


def same_rows(database, files, key, text=lambda value: value):
    """The PostGIS table and the file give the same rows: same keys, fields and values (floats to 1e-9).

    ``text`` normalises the file's texts (the scorecard names a file's date, a table has none).
    """
    ours, theirs = read_rows(database, key), read_rows(files, key)
    assert sorted(ours, key=str) == sorted(theirs, key=str) and ours
    fields = set(next(iter(theirs.values()))) - SKIPPED
    assert fields <= set(next(iter(ours.values()))), fields - set(next(iter(ours.values())))
    for k in sorted(theirs, key=str):
        for name in sorted(fields):
            mine, expected = ours[k][name], theirs[k][name]
            if isinstance(expected, float) or isinstance(mine, float):
                assert mine == pytest.approx(expected, rel=1e-9, abs=1e-9), (k, name)
            else:
                assert mine == (text(expected) if isinstance(expected, str) else expected), (k, name)
    return ours
