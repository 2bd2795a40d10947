"""PostGIS in the adapter (issue 16): tables read and written in bulk give what QGIS's source and sink give.

A real private server (the ``postgis`` fixture, tests/qgis/postgis_server.py), no
mock. Names with quotes, spaces, accents and a semicolon; the password never in
what we return, log or write; a server gone before the write leaves the previous
table whole; the Cadastre plugin's ``geo_parcelle`` recognised.
"""

import math

import pytest

SCHEMA = 'Cadastre "été"; x'
TABLE = 'parcelles "v1"; DROP TABLE zones'


@pytest.fixture(scope="module")
def tables(postgis):
    """Parcels (integer key, text with NULL, int4/int8/float8 with NULL, a gap in the keys) and hazard zones."""
    from qgis.core import QgsProject, QgsVectorLayer

    from alliance_territories.alliance_plugin.qgis_io.postgis import quote_ident

    name = f"{quote_ident(SCHEMA)}.{quote_ident(TABLE)}"
    postgis.psql(f"""
        CREATE SCHEMA {quote_ident(SCHEMA)};
        CREATE TABLE {name} (gid serial PRIMARY KEY, statut text, nom varchar, n int4, big int8, x float8,
                             geom geometry(MultiPolygon, 2154));
        INSERT INTO {name} (statut, nom, n, big, x, geom)
        SELECT CASE WHEN i % 3 = 0 THEN NULL WHEN i % 2 = 0 THEN 'titre' ELSE 'squat' END,
               CASE WHEN i = 4 THEN 'Île-de-France' ELSE 'p' || i END, NULLIF(i, 5), i::int8 * 3000000000,
               CASE WHEN i = 2 THEN NULL ELSE i / 7.0 END,
               ST_Multi(ST_MakeEnvelope(700000 + 100 * i, 6600000, 700090 + 100 * i, 6600090, 2154))
        FROM generate_series(1, 8) i;
        DELETE FROM {name} WHERE gid = 6;
        CREATE TABLE zones (id serial PRIMARY KEY, geom geometry(Polygon, 2154));
        INSERT INTO zones (geom) VALUES (ST_MakeEnvelope(700150, 6600000, 700450, 6600050, 2154));""")
    parcels = QgsVectorLayer(postgis.uri(table=TABLE, schema=SCHEMA, key="gid"), "parcels", "postgres")
    zones = QgsVectorLayer(postgis.uri(table="zones", key="id"), "zones", "postgres")
    assert parcels.isValid() and zones.isValid()
    QgsProject.instance().addMapLayers([parcels, zones])
    yield parcels, zones
    QgsProject.instance().removeMapLayers([parcels.id(), zones.id()])


def rows_of(layer):
    """Fields (name, type), and per feature id the attributes and the WKB, as QGIS reads them."""
    fields = [(f.name(), f.typeName()) for f in layer.fields()]
    rows = {}
    for feature in layer.getFeatures():
        values = [None if v is None or str(type(v)).endswith("QVariant'>") else v for v in feature.attributes()]
        rows[feature.id()] = (values, bytes(feature.geometry().asWkb()))
    return fields, rows


def assert_same_rows(a, b):
    """Same fields, ids, geometries to the byte; reals to 1e-14 (GDAL's COPY writes 15 significant digits)."""
    assert a[0] == b[0]
    assert a[1].keys() == b[1].keys()
    for fid, (values, wkb) in a[1].items():
        other, other_wkb = b[1][fid]
        assert wkb == other_wkb, fid
        for x, y in zip(values, other):
            if isinstance(x, float) and isinstance(y, float):
                assert math.isclose(x, y, rel_tol=1e-14), (fid, x, y)
            else:
                assert x == y, (fid, x, y)


def output_layer(value):
    from qgis.core import QgsVectorLayer

    if isinstance(value, QgsVectorLayer):
        return value
    if value.startswith("postgis:"):  # QGIS's sink gives the destination back
        layer = QgsVectorLayer(value[len("postgis:"):], "out", "postgres")
    else:
        layer = QgsVectorLayer(value, "out", "ogr")
    assert layer.isValid(), value
    return layer


def run_tenure(run_alg, parcels, zones, output, **extra):
    results, messages = run_alg("alliance:landtenureoverlay", {
        "INPUT": parcels.id(), "TENURE_FIELD": "statut", "HAZARD": [zones.id()], "OUTPUT": output,
        "OUTPUT_SUMMARY": "memory:", "OUTPUT_PROXIES": "memory:", **extra})
    return results, messages


@pytest.mark.parametrize("to_postgis", [False, True])
@pytest.mark.parametrize("filtered", [False, True])
def test_postgis_parcels_written_both_ways_are_equal(postgis, tables, run_alg, monkeypatch, tmp_path, to_postgis,
                                                      filtered):
    """PostGIS in, GeoPackage or PostGIS out: pyogrio (bulk) and QGIS's source and sink give the same layer."""
    from alliance_territories.alliance_plugin.qgis_io import fast_path, postgis_write

    monkeypatch.setattr(postgis_write, "PARALLEL_ROWS", 4)  # two halves loaded at once, as from 50,000 rows
    parcels, zones = tables
    parcels.setSubsetString('"n" IS NULL OR "n" > 2' if filtered else "")
    suffix = f"{int(filtered)}{int(to_postgis)}"
    outputs = {}
    try:
        for way in ("fast", "qgis"):
            target = f'sortie "{way}"; é {suffix}'
            output = f"postgis:{postgis.uri(table=target, schema=SCHEMA)}" if to_postgis \
                else str(tmp_path / f"{way}.gpkg")
            with monkeypatch.context() as patch:
                if way == "qgis":
                    patch.setattr(fast_path, "pyogrio_usable", lambda: False)
                results, messages = run_tenure(run_alg, parcels, zones, output)
            bulk = any("read with pyogrio" in m for m in messages)
            assert bulk == (way == "fast")
            assert (way == "fast" and to_postgis) == any("with pyogrio to PostGIS" in m for m in messages)
            outputs[way] = rows_of(output_layer(results["OUTPUT"]))
    finally:
        parcels.setSubsetString("")
    fast, qgis = outputs["fast"], outputs["qgis"]
    assert_same_rows(fast, qgis)
    expected_ids = [3, 4, 5, 7, 8] if filtered else [1, 2, 3, 4, 5, 7, 8]
    if to_postgis:  # the key's values are the feature ids, as QGIS's sink keeps them
        assert sorted(fast[1]) == expected_ids
    else:  # a new GeoPackage numbers the features 1, 2, ... in both ways
        assert sorted(fast[1]) == list(range(1, len(expected_ids) + 1))
    skip = 0 if to_postgis else 1  # QGIS shows a GeoPackage's fid as a field
    names = [name for name, _ in fast[0]][skip:]
    assert names[:6] == ["gid", "statut", "nom", "n", "big", "x"] and "area_hazard" in names
    by_gid = {values[skip]: values[skip:] for values, _ in fast[1].values()}
    assert by_gid[4][2] == "Île-de-France" and by_gid[3][1] is None and by_gid[3][5] == pytest.approx(3 / 7)
    assert by_gid[8][4] == 24000000000 and by_gid[5][3] is None
    assert filtered or by_gid[2][5] is None
    area = names.index("area_hazard")
    assert by_gid[3][area] == pytest.approx(90 * 50) and by_gid[4][area] == pytest.approx(50 * 50)


def test_frame_index_is_qgis_feature_ids(postgis, tables, plugin):
    """read_layer through pyogrio: the key's values as index, QGIS's columns and geometries."""
    import shapely
    from qgis.core import QgsProcessingContext, QgsProcessingFeatureSource, QgsProject

    from alliance_territories.alliance_plugin.qgis_io import postgis as pg, reading
    from alliance_territories.alliance_plugin.qgis_io.fast_path import FastPath

    parcels, _ = tables
    parcels.setSubsetString('"statut" = \'titre\'')
    try:
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        source = QgsProcessingFeatureSource(parcels, context)
        layer, table = pg.postgres_layer(parcels.id(), context)
        assert pg.integer_key(layer) == "gid" and table.where == '"statut" = \'titre\''
        fast = FastPath(table.label, None, "x", source=table, key="gid")
        bulk = reading.read_layer(source, ["statut", "x"], keep=True, fast=fast).frame
        slow = reading.read_layer(source, ["statut", "x"]).frame
    finally:
        parcels.setSubsetString("")
    assert list(bulk.index) == list(slow.index) == [2, 4, 8]
    assert bulk["statut"].tolist() == slow["statut"].tolist()
    assert bulk["x"].isna().tolist() == slow["x"].isna().tolist() == [True, False, False]
    assert bulk["x"].iloc[1:].tolist() == slow["x"].iloc[1:].tolist()
    assert all(shapely.equals_exact(bulk["geometry"].to_numpy(), slow["geometry"].to_numpy(), 0))


def test_no_password_in_results_logs_tables_or_errors(postgis, tables, run_alg):
    """The password is in the URIs given, never in what comes back: results, log, the table, an error."""
    from qgis.core import QgsProcessingException

    from alliance_territories.alliance_plugin.qgis_io import postgis as pg

    parcels, zones = tables
    password = postgis.module.PASSWORD
    output = f"postgis:{postgis.uri(table='avec mot de passe', schema=SCHEMA)}"
    results, messages = run_tenure(run_alg, parcels, zones, output)
    assert any("with pyogrio to PostGIS" in m for m in messages)
    log = [m for m in messages if not m.startswith("Results:")]  # QGIS's own echo of the parameters given
    assert password not in "\n".join(log)
    layer = results["OUTPUT"]
    assert password not in layer.id() and password not in repr(pg.pg_destination(output))
    values = [str(v) for feature in layer.getFeatures() for v in feature.attributes()]
    assert values and not any(password in v for v in values)
    with pytest.raises(QgsProcessingException) as raised:  # a schema that does not exist: GDAL's error, masked
        run_tenure(run_alg, parcels, zones, f"postgis:{postgis.uri(table='t', schema='no such schema')}")
    assert "PostGIS" in str(raised.value) and password not in str(raised.value)
    assert pg.mask(f"password={password}", [password]) == "password=********"


def test_server_gone_before_the_write_keeps_the_previous_table(postgis, tables, run_alg):
    """The server stops just before the bulk write: a clear error, and the earlier table is still whole."""
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    from alliance_territories.alliance_plugin.qgis_io import postgis as pg, postgis_write

    parcels, zones = tables
    output = f"postgis:{postgis.uri(table='résultat', schema=SCHEMA)}"
    run_tenure(run_alg, parcels, zones, output)
    before = postgis.psql(f"SELECT count(*), sum(area_hazard) FROM {pg.quote_ident(SCHEMA)}.\"résultat\"")
    postgis.psql("CHECKPOINT")  # the test cluster runs with synchronous_commit=off: make that commit durable

    class Stopper(QgsProcessingFeedback):
        def pushInfo(self, text):
            if text.startswith("Writing ") and "PostGIS" in text:
                postgis.kill()

    import geopandas as gpd  # noqa: F401 (imported before the server goes)
    import shapely

    frame = gpd.GeoDataFrame({"a": [1.0]}).drop(columns="geometry", errors="ignore")
    try:
        with pytest.raises(QgsProcessingException) as raised:
            postgis_write.write_table(pg.pg_destination(output), frame, [shapely.box(0, 0, 1, 1)], "EPSG:2154",
                                      Stopper())
    finally:
        postgis.launch()
    assert "server cannot be reached" in str(raised.value) and postgis.module.PASSWORD not in str(raised.value)
    assert postgis.psql(f"SELECT count(*), sum(area_hazard) FROM {pg.quote_ident(SCHEMA)}.\"résultat\"") == before
    assert postgis.psql("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'alliance_staging%'") == "0"


def test_cadastre_geo_parcelle_code_is_detected_and_carried(postgis, run_alg, tmp_path):
    """A table shaped as the Cadastre plugin's geo_parcelle: its code is found, and the pieces carry it."""
    from qgis.core import QgsProject, QgsVectorLayer

    postgis.psql("""
        CREATE SCHEMA cadastre;
        CREATE TABLE cadastre.geo_parcelle (geo_parcelle varchar(19) NOT NULL, annee varchar(4) NOT NULL,
            idu varchar(12), geo_section varchar(12) NOT NULL, supf numeric, tex varchar, creat_date date,
            ogc_fid serial PRIMARY KEY, geom geometry(MultiPolygon, 2154));
        INSERT INTO cadastre.geo_parcelle (geo_parcelle, annee, idu, geo_section, supf, tex, geom)
        SELECT '2024750101000AB' || lpad(i::text, 4, '0'), '2024', '000AB' || lpad(i::text, 4, '0'), '0101000AB',
               8100, i::text, ST_Multi(ST_MakeEnvelope(650000 + 100 * i, 6860000, 650090 + 100 * i, 6860090, 2154))
        FROM generate_series(1, 4) i;
        CREATE TABLE cadastre.ppr (id serial PRIMARY KEY, geom geometry(Polygon, 2154));
        INSERT INTO cadastre.ppr (geom) VALUES (ST_MakeEnvelope(650150, 6860000, 650350, 6860030, 2154));""")
    parcels = QgsVectorLayer(postgis.uri(table="geo_parcelle", schema="cadastre", key="ogc_fid"), "geo_parcelle",
                             "postgres")
    hazard = QgsVectorLayer(postgis.uri(table="ppr", schema="cadastre", key="id"), "ppr", "postgres")
    QgsProject.instance().addMapLayers([parcels, hazard])
    try:
        results, messages = run_alg("alliance:landtenureoverlay", {
            "INPUT": parcels.id(), "HAZARD": [hazard.id()], "OUTPUT": str(tmp_path / "parcels.gpkg"),
            "OUTPUT_PIECES": str(tmp_path / "pieces.gpkg"), "OUTPUT_SUMMARY": "memory:",
            "OUTPUT_PROXIES": "memory:"})
    finally:
        QgsProject.instance().removeMapLayers([parcels.id(), hazard.id()])
    assert any("Parcel code field detected: geo_parcelle (Cadastre plugin" in m for m in messages)
    pieces = QgsVectorLayer(results["OUTPUT_PIECES"], "pieces", "ogr")
    areas = {f["geo_parcelle"]: f.geometry().area() for f in pieces.getFeatures()}
    assert areas == pytest.approx({"2024750101000AB0001": 40 * 30, "2024750101000AB0002": 90 * 30,
                                   "2024750101000AB0003": 50 * 30})
    parcel_ids = {f["parcel_id"]: f["geo_parcelle"] for f in pieces.getFeatures()}
    assert parcel_ids == {1: "2024750101000AB0001", 2: "2024750101000AB0002", 3: "2024750101000AB0003"}


def test_known_parcel_codes_in_order(plugin):
    from qgis.core import QgsFields

    from alliance_territories.alliance_plugin.qgis_io.compat import make_field
    from alliance_territories.processing.land_tenure import detect_parcel_code

    def fields(*pairs):
        out = QgsFields()
        for name, kind in pairs:
            out.append(make_field(name, kind))
        return out

    assert detect_parcel_code(fields(("idu", "string"), ("geo_parcelle", "string")))[0] == "geo_parcelle"
    assert detect_parcel_code(fields(("id", "string"), ("idu", "string")))[0] == "idu"
    assert detect_parcel_code(fields(("id", "string"), ("commune", "string")))[0] == "id"
    assert detect_parcel_code(fields(("id", "int"), ("nom", "string"))) is None


def test_frame_outputs_to_postgis_both_ways_are_equal(postgis, tables, run_alg, monkeypatch):
    """Tables and pieces written by writeFrame (frame_writer) to PostGIS: bulk and QGIS's sink agree."""
    from alliance_territories.alliance_plugin.qgis_io import fast_path, postgis as pg, postgis_write

    monkeypatch.setattr(postgis_write, "PARALLEL_ROWS", 2)
    parcels, zones = tables
    outputs, next_ids = {}, {}
    for way in ("fast", "qgis"):
        keys = ("OUTPUT_SUMMARY", "OUTPUT_PIECES")
        # A table without geometry: no "(geom)" in its URI (QGIS 3.22's sink cannot create one with it).
        destinations = {key: "postgis:" + postgis.uri(table=f"{key.lower()} {way}", schema=SCHEMA,
                                                      geometry="" if key == "OUTPUT_SUMMARY" else "geom")
                        for key in keys}
        with monkeypatch.context() as patch:
            if way == "qgis":
                patch.setattr(fast_path, "pyogrio_usable", lambda: False)
            results, messages = run_tenure(run_alg, parcels, zones, "memory:", **destinations)
        assert (way == "fast") == (sum("with pyogrio to PostGIS" in m for m in messages) == 2)
        outputs[way] = [rows_of(output_layer(results[key])) for key in keys]
        # The new serial key goes on after the rows written; no spatial index either way.
        pieces = f"{pg.quote_ident(SCHEMA)}.{pg.quote_ident(f'output_pieces {way}')}"
        next_ids[way] = (postgis.psql(f"INSERT INTO {pieces} DEFAULT VALUES RETURNING id"),
                         postgis.psql(f"SELECT count(*) FROM pg_indexes WHERE tablename = 'output_pieces {way}' "
                                      "AND indexdef LIKE '%gist%'"))
    for fast, qgis in zip(outputs["fast"], outputs["qgis"]):
        assert fast[1] and assert_same_rows(fast, qgis) is None
    assert next_ids["fast"] == next_ids["qgis"] == (str(len(outputs["fast"][1][1]) + 1), "0")


def test_geopackage_parcels_to_postgis_both_ways_are_equal(postgis, tables, run_alg, monkeypatch, tmp_path):
    """A GeoPackage written back to PostGIS: the same table in bulk as through QGIS's sink."""
    import geopandas as gpd
    import pyogrio
    import shapely

    from alliance_territories.alliance_plugin.qgis_io import fast_path

    _, zones = tables
    path = str(tmp_path / "parcelles.gpkg")
    pyogrio.write_dataframe(gpd.GeoDataFrame(
        {"statut": ["titre", None, "squat"], "n": [1, 2, 3]},
        geometry=[shapely.box(700100 + 100 * i, 6600000, 700190 + 100 * i, 6600090) for i in range(3)],
        crs="EPSG:2154"), path)
    outputs = {}
    for way in ("fast", "qgis"):
        with monkeypatch.context() as patch:
            if way == "qgis":
                patch.setattr(fast_path, "pyogrio_usable", lambda: False)
            results, messages = run_alg("alliance:landtenureoverlay", {
                "INPUT": path, "TENURE_FIELD": "statut", "HAZARD": [zones.id()],
                "OUTPUT": "postgis:" + postgis.uri(table=f"depuis gpkg {way}", schema=SCHEMA),
                "OUTPUT_SUMMARY": "memory:", "OUTPUT_PROXIES": "memory:"})
        assert (way == "fast") == any("with pyogrio to PostGIS" in m for m in messages)
        outputs[way] = rows_of(output_layer(results["OUTPUT"]))
    assert_same_rows(outputs["fast"], outputs["qgis"])
    assert outputs["fast"][0][:3] == [("fid", "int8"), ("statut", "varchar"), ("n", "int8")]


def test_authentication_configuration_in_and_out(postgis, tables, run_alg):
    """An authcfg (no user, no password in the URIs): read and written in bulk, the output layer keeps the authcfg."""
    from qgis.core import QgsProject, QgsVectorLayer

    module = postgis.module
    authcfg = module.store_authcfg(postgis, "adapter test")
    _, zones = tables
    parcels = QgsVectorLayer(module.authcfg_uri(postgis, authcfg, table=TABLE, schema=SCHEMA, key="gid"),
                             "parcels authcfg", "postgres")
    assert parcels.isValid()
    QgsProject.instance().addMapLayer(parcels)
    try:
        output = "postgis:" + module.authcfg_uri(postgis, authcfg, table="par authcfg", schema=SCHEMA)
        results, messages = run_tenure(run_alg, parcels, zones, output)
    finally:
        QgsProject.instance().removeMapLayer(parcels.id())
    assert any("read with pyogrio" in m for m in messages)
    assert any("with pyogrio to PostGIS" in m for m in messages)
    layer = results["OUTPUT"]
    assert f"authcfg={authcfg}" in layer.source() and module.PASSWORD not in layer.source()
    assert layer.featureCount() == 7
