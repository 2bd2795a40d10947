"""PostGIS safety (issue 16, point 5), against the private server of the ``postgis`` fixture.

(a) The database password never shows: not in an output's ``params`` field or any
other column, not in the feedback's messages or QGIS's message log, not in the
territorial report (HTML and PDF), not in an error message. Every run below is
given URIs that carry the password (``PASSWORD``), and everything is searched.
(b) Schema and table names with quotes, spaces, accents and a semicolon are names,
never SQL: inputs and outputs work, and the table a name tries to drop is still there.
(c) A server that goes away while an output is written: a clear QgsProcessingException,
and no half-written table left as if it were complete.
"""

import subprocess

import pytest
from qgis.core import QgsApplication, QgsDataSourceUri, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

IN, OUT = "safety_in", "safety_out"
#: A schema and tables named to break naive SQL (quotes, spaces, accents, a semicolon, a comment).
EVIL_SCHEMA = 'Zones "test"; DROP TABLE x; --'
EVIL_PARCELS = "parcelles_été"
EVIL_ZONES = "zones 'a'; DROP TABLE x; --"
EVIL_OUTPUT = 'résultats "parcelles"; DROP TABLE x; --'


def ident(name):
    return '"' + name.replace('"', '""') + '"'


@pytest.fixture(scope="module")
def db(postgis, data_dir, tmp_path_factory):
    """Austrian regions and flows, Prague parcels with a tenure (in EPSG:3857, and in UTM: a metric CRS, so
    that alliance:landtenureoverlay takes its bulk path, qgis_io/postgis.py) and zones; the UTM parcels and the
    zones also under EVIL_SCHEMA with EVIL_ names; ``public.x``, the table the names try to drop."""
    files = tmp_path_factory.mktemp("safety")
    postgis.psql(f"DROP SCHEMA IF EXISTS {OUT} CASCADE; CREATE SCHEMA {OUT}; "
                 f"DROP SCHEMA IF EXISTS {ident(EVIL_SCHEMA)} CASCADE; CREATE SCHEMA {ident(EVIL_SCHEMA)}; "
                 "CREATE TABLE IF NOT EXISTS public.x (kept int); INSERT INTO public.x VALUES (1)")
    postgis.load(data_dir / "austria" / "at_nuts2_regions.gpkg", "regions", "regions", IN)
    postgis.load(data_dir / "austria" / "at_migration_od.csv", None, "flows", IN, "-oo", "AUTODETECT_TYPE=YES")
    postgis.load(data_dir / "prague" / "bubenec.gpkg", "plots", "plots", IN)
    postgis.psql(f"""ALTER TABLE {IN}.plots ADD COLUMN statut text;
        UPDATE {IN}.plots SET statut = (ARRAY['Titre foncier', 'coutumier', 'squat', NULL])[("ID"::int % 4) + 1];
        CREATE TABLE {IN}.zones (fid serial PRIMARY KEY, kind text, geom geometry(Polygon, 3857));
        INSERT INTO {IN}.zones (kind, geom) SELECT 'growth', ST_MakeEnvelope(
            ST_XMin(e), ST_YMin(e), (ST_XMin(e) + ST_XMax(e)) / 2, (ST_YMin(e) + ST_YMax(e)) / 2, 3857)
          FROM (SELECT ST_Extent(geom) e FROM {IN}.plots) extent;
        CREATE TABLE {IN}.plots_utm AS SELECT fid, "ID", statut, ST_Transform(geom, 32633)::geometry(Polygon, 32633) geom
          FROM {IN}.plots;
        ALTER TABLE {IN}.plots_utm ADD PRIMARY KEY (fid);
        CREATE TABLE {ident(EVIL_SCHEMA)}.{ident(EVIL_PARCELS)} AS SELECT * FROM {IN}.plots_utm;
        ALTER TABLE {ident(EVIL_SCHEMA)}.{ident(EVIL_PARCELS)} ADD PRIMARY KEY (fid);
        CREATE TABLE {ident(EVIL_SCHEMA)}.{ident(EVIL_ZONES)} AS SELECT * FROM {IN}.zones;
        ALTER TABLE {ident(EVIL_SCHEMA)}.{ident(EVIL_ZONES)} ADD PRIMARY KEY (fid);""")
    for table in ("plots_utm", "zones"):
        postgis.export(table, files / f"{table}.gpkg", IN)
    postgis.files = files
    return postgis


class Everything(QgsProcessingFeedback):
    """Every text a run shows the user: messages of every kind and progress texts."""

    def __init__(self, on_message=None):
        super().__init__()
        self.texts = []
        self.on_message = on_message

    def _keep(self, text):
        self.texts.append(text)
        if self.on_message is not None:
            self.on_message(text)

    def setProgressText(self, text):
        self._keep(text)

    def pushInfo(self, text):
        self._keep(text)

    def pushWarning(self, text):
        self._keep(text)

    def pushCommandInfo(self, text):
        self._keep(text)

    def pushDebugInfo(self, text):
        self._keep(text)

    def pushConsoleInfo(self, text):
        self._keep(text)

    def reportError(self, text, fatalError=False):
        self._keep(text)


#: Every text value given to run(): QGIS echoes the caller's own values (each destination comes back as the
#: result, processing.run logs "Results: {...}"); test (a) takes them out before searching what we wrote.
GIVEN = set()


def run(alg_id, parameters, feedback=None):
    """processing.run with our feedback; returns (results or the exception's text, feedback)."""
    for value in parameters.values():
        GIVEN.update(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str) and v)
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = feedback or Everything()
    try:
        return processing.run(alg_id, parameters, context=context, feedback=feedback), feedback
    except QgsProcessingException as error:
        return str(error), feedback


def uri(db, table, schema=IN, geometry="geom", sql=None, key="fid"):
    return "postgres://" + db.uri(table=table, schema=schema, geometry=geometry, key=key, sql=sql)


def destination(db, table, schema=OUT, geometry=True):
    return "postgis:" + db.uri(table=table, schema=schema, geometry="geom" if geometry else "")


def tables_as_text(db, schema):
    """Every row of every table of ``schema``, as text (psql)."""
    names = db.psql(f"SELECT table_name FROM information_schema.tables WHERE table_schema = '{schema}'").split("\n")
    return "\n".join(db.psql(f"SELECT t::text FROM {ident(schema)}.{ident(name)} t") for name in names if name)


def test_the_password_is_written_nowhere(plugin, db, tmp_path):
    logged = []

    def log(message, tag, level):
        logged.append(f"{tag}: {message}")

    QgsApplication.messageLog().messageReceived.connect(log)
    try:
        texts, errors = [], []
        deps, feedback = run("alliance:flowdependencies", {
            "INPUT": uri(db, "regions", sql="\"nuts2\" <> 'AT13'"), "ID_FIELD": "nuts2",
            "FLOWS": uri(db, "flows", geometry=None), "OUTPUT": destination(db, "dependencies"),
            "OUTPUT_LINES": destination(db, "lines")})
        assert isinstance(deps, dict), deps
        texts += [repr(deps), *feedback.texts]
        html, pdf = tmp_path / "report.html", tmp_path / "report.pdf"
        report, feedback = run("alliance:territorialreport", {
            "INPUT": uri(db, "regions"), "ID_FIELD": "nuts2", "INDICATORS": [uri(db, "dependencies", OUT, key=None)],
            "TERRITORY": "AT12",
            "OUTPUT_HTML": str(html), "OUTPUT_PDF": str(pdf)})
        assert isinstance(report, dict), report
        pdf_text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "AT12" in pdf_text and "dependencies" in html.read_text(encoding="utf-8")
        texts += [repr(report), *feedback.texts, html.read_text(encoding="utf-8"), pdf_text]
        tenure, feedback = run("alliance:landtenureoverlay", {
            "INPUT": uri(db, "plots"), "TENURE_FIELD": "statut", "GROWTH": [uri(db, "zones")],
            "OUTPUT": destination(db, "parcels"), "OUTPUT_SUMMARY": destination(db, "summary", geometry=False),
            "OUTPUT_PROXIES": destination(db, "proxies", geometry=False)})
        assert isinstance(tenure, dict), tenure
        texts += [repr(tenure), *feedback.texts]
        bulk, feedback = run("alliance:landtenureoverlay", {  # the bulk path: GDAL reads and COPYs
            "INPUT": uri(db, "plots_utm"), "TENURE_FIELD": "statut", "GROWTH": [uri(db, "zones")],
            "OUTPUT": destination(db, "parcels_utm"), "OUTPUT_SUMMARY": "memory:", "OUTPUT_PROXIES": "memory:"})
        assert isinstance(bulk, dict) and any("with pyogrio" in text for text in feedback.texts), bulk
        texts += [repr(bulk), *feedback.texts]
        # Errors: an input table that does not exist, an output in a schema that does not exist
        for parameters in ({"INPUT": uri(db, "no_such_table")},
                           {"OUTPUT": destination(db, "parcels", schema="no_such_schema")}):
            failed, feedback = run("alliance:landtenureoverlay", {
                "INPUT": uri(db, "plots"), "TENURE_FIELD": "statut", "OUTPUT": destination(db, "parcels_again"),
                "OUTPUT_SUMMARY": "memory:", "OUTPUT_PROXIES": "memory:", **parameters})
            assert isinstance(failed, str) and failed, failed
            errors += [failed, *feedback.texts]
        assert "password=***" in failed  # QGIS's "Could not create layer postgis:..." masked
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(log)
    tables = tables_as_text(db, OUT)
    assert "alliance:landtenureoverlay" in tables and "alliance:flowdependencies" in tables  # params were written
    echoed = "\n".join(texts)
    for value in sorted(GIVEN, key=len, reverse=True):  # the caller's own values, as QGIS echoes them
        echoed = echoed.replace(value, "<given>").replace(repr(value)[1:-1], "<given>")
    assert echoed.count("<given>") >= 4  # the destinations came back: the search sees the results
    everything = "\n".join([echoed, *errors, *logged, tables])  # error messages: nothing taken out
    secret = db.module.PASSWORD
    assert secret not in everything, everything[max(0, everything.find(secret) - 300):][:600]


def test_names_with_quotes_spaces_accents_and_a_semicolon(plugin, db):
    """Inputs and outputs under EVIL_SCHEMA: the same parcels as from the plain tables, and public.x survives."""
    def parameters(parcels, zones, outputs):
        return {"INPUT": parcels, "TENURE_FIELD": "statut", "GROWTH": [zones],
                **dict(zip(("OUTPUT", "OUTPUT_SUMMARY", "OUTPUT_PROXIES"), outputs))}

    plain, _ = run("alliance:landtenureoverlay", parameters(
        str(db.files / "plots_utm.gpkg"), str(db.files / "zones.gpkg"),
        [str(db.files / f"{name}.gpkg") for name in ("parcels", "summary", "proxies")]))
    evil, feedback = run("alliance:landtenureoverlay", parameters(  # the bulk path (qgis_io/postgis.py)
        uri(db, EVIL_PARCELS, EVIL_SCHEMA), uri(db, EVIL_ZONES, EVIL_SCHEMA),
        [destination(db, EVIL_OUTPUT, EVIL_SCHEMA), destination(db, EVIL_OUTPUT + " summary", EVIL_SCHEMA, False),
         destination(db, EVIL_OUTPUT + " proxies", EVIL_SCHEMA, False)]))
    assert isinstance(evil, dict), evil
    assert any("with pyogrio" in text for text in feedback.texts)
    assert db.psql("SELECT count(*) FROM public.x") == "1"
    assert db.psql(f"SELECT count(*) FROM {ident(EVIL_SCHEMA)}.{ident(EVIL_PARCELS)}") == "407"
    written = QgsVectorLayer(db.uri(table=EVIL_OUTPUT, schema=EVIL_SCHEMA), "evil", "postgres")
    db.module.same_rows(written, plain["OUTPUT"], "ID")
    summary = QgsVectorLayer(db.uri(table=EVIL_OUTPUT + " summary", schema=EVIL_SCHEMA, geometry=""), "s", "postgres")
    db.module.same_rows(summary, plain["OUTPUT_SUMMARY"], ("territory", "tenure", "constraint"))
    # the URI of a name with a quote survives QGIS's own parsing (what the dialog and qgis_process pass on)
    parsed = QgsDataSourceUri(destination(db, EVIL_OUTPUT, EVIL_SCHEMA)[len("postgis:"):])
    assert (parsed.schema(), parsed.table()) == (EVIL_SCHEMA, EVIL_OUTPUT)


@pytest.fixture(scope="module")
def gone(plugin, db):
    """alliance:landtenureoverlay whose server stops (immediate shutdown) as the parcels start being written
    in bulk ("Writing 407 features with pyogrio to PostGIS ..."), then restarts: (error text, feedback texts,
    tables of OUT afterwards)."""
    killed = []

    def kill_when_writing(text):
        if not killed and text.startswith("Writing"):
            killed.append(text)
            db.kill()

    try:
        failed, feedback = run("alliance:landtenureoverlay", {
            "INPUT": uri(db, "plots_utm"), "TENURE_FIELD": "statut", "GROWTH": [uri(db, "zones")],
            "OUTPUT": destination(db, "gone"), "OUTPUT_SUMMARY": "memory:", "OUTPUT_PROXIES": "memory:"},
            Everything(kill_when_writing))
    finally:
        db.launch()
    assert killed, "the server was never stopped: no 'Writing...' message"
    return failed, feedback.texts, db.psql(f"SELECT table_name FROM information_schema.tables "
                                           f"WHERE table_schema = '{OUT}'").split("\n")


def test_a_server_that_goes_away_while_writing(gone, db):
    """The run fails (a QgsProcessingException), without the password, and leaves no table under the
    output's name that could pass for a complete result (nor a staging table)."""
    failed, texts, tables = gone
    assert isinstance(failed, str), f"the run succeeded although the server stopped while writing: {failed}"
    assert db.module.PASSWORD not in failed + "\n".join(texts)
    assert '"safety_out"."gone"' in failed  # the message names the output
    assert not [name for name in tables if "gone" in name], tables


def test_a_server_that_goes_away_gives_a_clear_message(gone):
    failed, _, _ = gone
    assert "createdb" not in failed and any(word in failed.lower() for word in ("connect", "server", "reach")), failed
