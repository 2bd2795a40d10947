"""Every algorithm group reads PostGIS layers and writes PostGIS tables, with the numbers of the same data in files.

A private PostGIS server (the ``postgis`` fixture, tests/qgis/postgis_server.py)
holds the sample data, loaded once per module with ogr2ogr. Each test runs an
algorithm twice, once on files and once on the same tables through QGIS's
``postgres`` provider (a filter on one of them), writing its outputs as QGIS 3.22's
dialog "Save to PostGIS Table..." does: ``postgis:`` + the table's data source URI,
in a schema that is not ``public``. The output tables are compared with the
GeoPackages row by row, sorted by key.
"""

import functools
import json
import os
import re
import subprocess
import sysconfig

import pytest
from qgis.core import QgsVectorLayer

IN, OUT = "alliance_in", "results"
#: Access case of tests/qgis/test_access.py (EPSG:3067, metres): streets, schools, people, zones.
STREETS = [((0, 0), (100, 0), (200, 0)), ((0, 100), (100, 100), (200, 100)), ((0, 0), (0, 100)),
           ((100, 0), (100, 100)), ((200, 0), (200, 100)), ((200, 0), (700, 0)), ((0, 300), (100, 300))]
PEOPLE = [(0, 5, 10, "west"), (100, 100, 20, "west"), (200, 110, 30, "east"), (450, 250, 40, "east"),
          (200, 0, 50, "east"), (0, 305, 60, "west")]


@pytest.fixture(scope="module")
def db(postgis, data_dir, tmp_path_factory):
    """The sample data in PostGIS (schema alliance_in) and the same tables as GeoPackages; schema results."""
    files = tmp_path_factory.mktemp("files")
    postgis.psql(f"DROP SCHEMA IF EXISTS {OUT} CASCADE; CREATE SCHEMA {OUT}")
    postgis.load(data_dir / "austria" / "at_nuts2_regions.gpkg", "regions", "regions", IN)
    postgis.load(data_dir / "austria" / "at_migration_od.csv", None, "flows", IN, "-oo", "AUTODETECT_TYPE=YES")
    postgis.load(data_dir / "canada" / "ca_provinces.gpkg", "provinces", "provinces", IN)
    postgis.load(data_dir / "canada" / "ca_migration_od.csv", None, "ca_flows", IN, "-oo", "AUTODETECT_TYPE=YES")
    postgis.load(data_dir / "prague" / "bubenec.gpkg", "plots", "plots", IN)
    postgis.load(data_dir / "prague" / "bubenec.gpkg", "buildings", "buildings", IN)
    # Tenure by rule (constructed, as tests/qgis/test_landtenure.py): ID modulo 4.
    postgis.psql(f"""ALTER TABLE {IN}.plots ADD COLUMN statut text;
        UPDATE {IN}.plots SET statut = (ARRAY['Titre foncier', 'coutumier', 'squat', NULL])[("ID"::int % 4) + 1];
        CREATE TABLE {IN}.zones (fid serial PRIMARY KEY, kind text, geom geometry(Polygon, 3857));
        INSERT INTO {IN}.zones (kind, geom) SELECT kind, ST_MakeEnvelope(
            x0 + a * (x1 - x0), y0 + b * (y1 - y0), x0 + c * (x1 - x0), y0 + d * (y1 - y0), 3857)
          FROM (SELECT ST_XMin(e) x0, ST_YMin(e) y0, ST_XMax(e) x1, ST_YMax(e) y1
                FROM (SELECT ST_Extent(geom) e FROM {IN}.plots) x) extent,
               (VALUES ('growth', 0.1, 0.1, 0.5, 0.6), ('growth', 0.6, 0.2, 0.9, 0.5),
                       ('hazard', 0.3, 0.4, 0.8, 0.9)) boxes(kind, a, b, c, d);""")
    streets = ", ".join(f"({i}, 'LINESTRING(" + ",".join(f"{x} {y}" for x, y in line) + ")')"
                        for i, line in enumerate(STREETS))
    people = ", ".join(f"({p}, '{t}', 'POINT({x} {y})')" for x, y, p, t in PEOPLE)
    postgis.psql(f"""
        CREATE TABLE {IN}.streets (fid serial PRIMARY KEY, name text, geom geometry(LineString, 3067));
        INSERT INTO {IN}.streets (name, geom) SELECT n::text, ST_GeomFromText(w, 3067) FROM (VALUES {streets}) v(n, w);
        CREATE TABLE {IN}.schools (fid serial PRIMARY KEY, name text, places float8, geom geometry(Point, 3067));
        INSERT INTO {IN}.schools (name, places, geom) VALUES ('north', 30, 'SRID=3067;POINT(0 0)'),
            ('east', 12, 'SRID=3067;POINT(200 50)');
        CREATE TABLE {IN}.people (fid serial PRIMARY KEY, pop float8, zone text, geom geometry(Point, 3067));
        INSERT INTO {IN}.people (pop, zone, geom) SELECT p, z, ST_GeomFromText(w, 3067) FROM (VALUES {people}) v(p, z, w);
        CREATE TABLE {IN}.access_zones (fid serial PRIMARY KEY, code text, kind text, geom geometry(Polygon, 3067));
        INSERT INTO {IN}.access_zones (code, kind, geom) VALUES
            ('west', 'urban', 'SRID=3067;POLYGON((-50 -50,150 -50,150 400,-50 400,-50 -50))'),
            ('east', 'rural', 'SRID=3067;POLYGON((150 -50,800 -50,800 400,150 400,150 -50))');""")
    for table in ("regions", "flows", "provinces", "ca_flows", "plots", "buildings", "zones", "streets", "schools", "people", "access_zones"):
        postgis.export(table, files / f"{table}.gpkg", IN)
    postgis.files = files
    return postgis


def source(db, table, sql=None, geometry="geom"):
    """The QGIS ``postgres`` source of an input table (with a filter when ``sql``)."""
    return "postgres://" + db.uri(table=table, schema=IN, geometry=geometry, key="fid", sql=sql)


def postgis_output(db, table, geometry=True, schema=OUT):
    """A destination as QGIS 3.22's dialog writes it ("Save to PostGIS Table...", qgsprocessingoutputdestinationwidget)."""
    return "postgis:" + db.uri(table=table, schema=schema, geometry="geom" if geometry else "")


def table_layer(db, table, geometry=True, schema=OUT):
    layer = QgsVectorLayer(db.uri(table=table, schema=schema, geometry="geom" if geometry else ""), table, "postgres")
    assert layer.isValid(), f"{schema}.{table} was not written"
    return layer


def test_flows_from_a_filtered_postgis_layer_to_postgis(run_alg, db):
    """alliance:flowdependencies: territories filtered in PostGIS (Vienna left out), flows from a PostGIS table."""
    where = "\"nuts2\" <> 'AT13'"
    common = {"ID_FIELD": "nuts2", "LINE_TOP_N": 2}
    from_files, _ = run_alg("alliance:flowdependencies", {
        **common, "INPUT": f"{db.files / 'regions.gpkg'}|layername=regions|subset={where}",
        "FLOWS": str(db.files / "flows.gpkg"), "OUTPUT": str(db.files / "deps.gpkg"),
        "OUTPUT_LINES": str(db.files / "lines.gpkg")})
    from_db, _ = run_alg("alliance:flowdependencies", {
        **common, "INPUT": source(db, "regions", where), "FLOWS": source(db, "flows", geometry=None),
        "OUTPUT": postgis_output(db, "dependencies"), "OUTPUT_LINES": postgis_output(db, "flow_lines")})
    for key in ("PAIRS_USED", "UNMATCHED_ROWS", "TOTAL_VOLUME", "LINES_WRITTEN"):
        assert from_db[key] == from_files[key], key
    assert from_db["UNMATCHED_ROWS"] == 16  # the 8 flows from and the 8 to Vienna: the filter was applied
    rows = db.module.same_rows(table_layer(db, "dependencies"), from_files["OUTPUT"], "nuts2")
    assert len(rows) == 8 and "AT13" not in rows
    db.module.same_rows(table_layer(db, "flow_lines"), from_files["OUTPUT_LINES"], ("origin", "destination"))


def test_tenure_parcels_and_zones_from_postgis(run_alg, db):
    """alliance:landtenureoverlay: parcels and zones (two filters on one table) from PostGIS, three tables out."""
    def parameters(parcels, growth, hazard, outputs):
        return {"INPUT": parcels, "TENURE_FIELD": "statut", "GROWTH": [growth], "HAZARD": [hazard],
                **dict(zip(("OUTPUT", "OUTPUT_SUMMARY", "OUTPUT_PROXIES"), outputs))}

    zones = f"{db.files / 'zones.gpkg'}|layername=zones"
    from_files, _ = run_alg("alliance:landtenureoverlay", parameters(
        str(db.files / "plots.gpkg"), f"{zones}|subset=\"kind\" = 'growth'", f"{zones}|subset=\"kind\" = 'hazard'",
        [str(db.files / f"{name}.gpkg") for name in ("parcels", "summary", "proxies")]))
    from_db, _ = run_alg("alliance:landtenureoverlay", parameters(
        source(db, "plots"), source(db, "zones", "\"kind\" = 'growth'"), source(db, "zones", "\"kind\" = 'hazard'"),
        [postgis_output(db, "parcels"), postgis_output(db, "summary", False), postgis_output(db, "proxies", False)]))
    assert from_db["PARCELS"] == from_files["PARCELS"] == 407
    assert from_db["UNMAPPED_VALUES"] == from_files["UNMAPPED_VALUES"]
    parcels = db.module.same_rows(table_layer(db, "parcels"), from_files["OUTPUT"], "ID")
    assert sum(p["flag_insecure_growth"] for p in parcels.values()) > 0 and \
        sum(p["area_hazard"] > 0 for p in parcels.values()) > 0
    db.module.same_rows(table_layer(db, "summary", False), from_files["OUTPUT_SUMMARY"], ("territory", "tenure", "constraint"))
    db.module.same_rows(table_layer(db, "proxies", False), from_files["OUTPUT_PROXIES"], "territory")


def test_access_from_postgis(run_alg, db):
    """alliance:serviceaccess: facilities, people, streets and territories from PostGIS, five tables out."""
    def parameters(layer, outputs):
        return {"SUPPLY": layer("schools"), "SUPPLY_ID_FIELD": "name", "CAPACITY_FIELD": "places",
                "POPULATION": layer("people"), "POPULATION_FIELD": "pop", "CATCHMENT": 250,
                "NETWORK": layer("streets"), "SNAP_TOLERANCE": 60, "TERRITORIES": layer("access_zones"),
                "TERRITORY_FIELD": "code", "CLASS_FIELD": "kind", **outputs}

    names = {"OUTPUT": ("people", True), "OUTPUT_INEQUALITY": ("inequality", False),
             "OUTPUT_FACILITIES": ("facilities", True), "OUTPUT_TERRITORIES": ("territories", True),
             "OUTPUT_CLASSES": ("classes", False)}
    from_files, _ = run_alg("alliance:serviceaccess", parameters(
        lambda t: str(db.files / f"{t}.gpkg"), {k: str(db.files / f"out_{t}.gpkg") for k, (t, _) in names.items()}))
    from_db, _ = run_alg("alliance:serviceaccess", parameters(
        lambda t: source(db, t), {k: postgis_output(db, f"access_{t}", g) for k, (t, g) in names.items()}))
    for key in ("GINI", "THEIL", "CLASS_RATIO", "MEAN_DISTANCE", "UNREACHED"):
        assert from_db[key] == pytest.approx(from_files[key], rel=1e-12), key
    assert from_db["UNREACHED"] == 100 and from_db["METHOD"] == "network"
    keys = {"people": "pop", "inequality": ("indicator", "scope"), "facilities": "facility_id",
            "territories": "code", "classes": "class"}
    for key, (table, geometry) in names.items():
        db.module.same_rows(table_layer(db, f"access_{table}", geometry), from_files[key], keys[table])


def test_scorecard_on_a_postgis_indicator_table(run_alg, db):
    """alliance:recommendationscorecard reads the dependencies written to PostGIS, as a model chains them."""
    deps_file, _ = run_alg("alliance:flowdependencies", {
        "INPUT": str(db.files / "regions.gpkg"), "ID_FIELD": "nuts2", "FLOWS": str(db.files / "flows.gpkg"),
        "OUTPUT": str(db.files / "indicators.gpkg"), "OUTPUT_LINES": "memory:"})
    deps_db, _ = run_alg("alliance:flowdependencies", {
        "INPUT": source(db, "regions"), "ID_FIELD": "nuts2", "FLOWS": source(db, "flows", geometry=None),
        "OUTPUT": postgis_output(db, "indicators"), "OUTPUT_LINES": "memory:"})
    indicators = "postgres://" + db.uri(table="indicators", schema=OUT, geometry="geom")
    from_files, _ = run_alg("alliance:recommendationscorecard", {
        "INPUT": str(db.files / "regions.gpkg"), "ID_FIELD": "nuts2", "INDICATORS": [deps_file["OUTPUT"]],
        "OUTPUT": str(db.files / "card.gpkg"), "OUTPUT_TABLE": str(db.files / "card_table.gpkg")})
    from_db, _ = run_alg("alliance:recommendationscorecard", {
        "INPUT": source(db, "regions"), "ID_FIELD": "nuts2", "INDICATORS": [indicators],
        "OUTPUT": postgis_output(db, "card"), "OUTPUT_TABLE": postgis_output(db, "card_table", False)})
    assert from_db["SUMMARY"] == from_files["SUMMARY"] and "priority" in from_db["SUMMARY"]
    # R8 names the layers the evidence comes from, with a file's date (processing/report/inputs.py): no date
    # for a table. The same text otherwise.
    undated = functools.partial(re.sub, r"\[indicators, \d{4}-\d\d-\d\d\]", "[indicators]")
    card = db.module.same_rows(table_layer(db, "card"), from_files["OUTPUT"], "nuts2", undated)
    assert {row["r7_status"] for row in card.values()} >= {"priority"}
    assert "R2 (flowdependencies [indicators])" in card["AT11"]["r8_text"]
    db.module.same_rows(table_layer(db, "card_table", False), from_files["OUTPUT_TABLE"], ("territory", "recommendation"),
              undated)


QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # as tests/qgis/test_qgis_process.py: Debian's wrapper fails on 3.22


@pytest.mark.e2e
def test_growth_through_qgis_process_into_postgis(run_alg, db, plugins_dir, tmp_path):
    """alliance:growthbuffers from the command line: a PostGIS layer in, a PostGIS table out (README's syntax)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path),
               QGIS_PLUGINPATH=str(plugins_dir), PYTHONPATH=sysconfig.get_paths()["purelib"])
    enable = subprocess.run([QGIS_PROCESS, "plugins", "enable", "alliance_territories"], env=env,
                            capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert enable.returncode == 0, enable.stderr
    common = {"DISTANCES": "50, 100", "SEGMENTS": 8}
    run = subprocess.run([QGIS_PROCESS, "--json", "run", "alliance:growthbuffers", "--",
                          *(f"{k}={v}" for k, v in common.items()), f"INPUT={source(db, 'buildings')}",
                          f"OUTPUT={postgis_output(db, 'rings')}"],
                         env=env, capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert json.loads(run.stdout)["results"]["OUTPUT"]
    from_files, _ = run_alg("alliance:growthbuffers", {**common, "INPUT": str(db.files / "buildings.gpkg"),
                                                       "OUTPUT": str(db.files / "rings.gpkg")})
    rings = db.module.same_rows(table_layer(db, "rings"), from_files["OUTPUT"], "band")
    assert sorted(rings) == [0, 1, 2] and all(r["area"] > 0 for r in rings.values())


def test_shipped_model_from_postgis_writes_a_postgis_table(plugin, db, h, tmp_path):
    """The shipped model (models/territorial_diagnosis.model3) on PostGIS inputs, its dependencies to PostGIS.

    Compared with alliance:flowdependencies run on the files with the model step's own settings.
    """
    from qgis import processing
    from qgis.core import QgsApplication

    model = QgsApplication.processingRegistry().algorithmById("alliance:territorialdiagnosis")
    key = h.model_output(model, "dependencies", "Dependencies")
    inputs = {"territories": source(db, "provinces"), "code": "code", "population": "pop1971",
              "flows": source(db, "ca_flows", geometry=None)}
    others = {d.name(): "memory:" if d.type() == "sink" else str(tmp_path / f"output{i}.{d.defaultFileExtension()}")
              for i, d in enumerate(model.destinationParameterDefinitions())}
    results = processing.run(model, {**inputs, **others, key: postgis_output(db, "model_dependencies")})
    assert results[key]
    files = {"territories": str(db.files / "provinces.gpkg"), "flows": str(db.files / "ca_flows.gpkg")}
    step = {}
    for name, sources in model.childAlgorithm("dependencies").parameterSources().items():
        if sources[0].parameterName():
            step[name] = files.get(sources[0].parameterName(), inputs[sources[0].parameterName()])
        elif not sources[0].outputChildId():
            step[name] = sources[0].staticValue()
    assert step["INPUT"].endswith("provinces.gpkg") and step["ID_FIELD"] == "code"
    alone = processing.run("alliance:flowdependencies", {**step, "OUTPUT": str(db.files / "model_deps.gpkg"),
                                                         "OUTPUT_LINES": "memory:"})
    rows = db.module.same_rows(table_layer(db, "model_dependencies"), alone["OUTPUT"], "code")
    assert len(rows) == 10 and rows["QUE"]["main_partner"] == "ONT"


def test_authcfg_input_and_saved_connection_output(run_alg, db):
    """A layer given through an authentication configuration (its URI carries only authcfg=...), its outputs
    written through a saved connection (the connections API, as the Browser saves them) that uses it too."""
    from qgis.core import QgsApplication, QgsDataSourceUri, QgsProviderRegistry

    authcfg = db.module.store_authcfg(db)
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    name = "alliance test connection"
    try:
        metadata.saveConnection(metadata.createConnection(db.module.authcfg_uri(db, authcfg), {}), name)
        saved = QgsDataSourceUri(metadata.findConnection(name).uri())
        assert saved.authConfigId() == authcfg and not saved.password()

        def from_connection(table, geometry=True):
            uri = QgsDataSourceUri(saved.uri(False))
            uri.setDataSource(OUT, table, "geom" if geometry else "")
            return "postgis:" + uri.uri(False)  # uri() would expand the authcfg into user and password

        territories = "postgres://" + db.module.authcfg_uri(db, authcfg, "regions", IN, key="fid")
        flows = "postgres://" + db.module.authcfg_uri(db, authcfg, "flows", IN, geometry=None, key="fid")
        parameters = {"INPUT": territories, "ID_FIELD": "nuts2", "FLOWS": flows,
                      "OUTPUT": from_connection("auth_dependencies"), "OUTPUT_LINES": from_connection("auth_lines")}
        assert db.module.PASSWORD not in repr(parameters)
        from_db, messages = run_alg("alliance:flowdependencies", parameters)
        from_files, _ = run_alg("alliance:flowdependencies", {
            "INPUT": str(db.files / "regions.gpkg"), "ID_FIELD": "nuts2", "FLOWS": str(db.files / "flows.gpkg"),
            "OUTPUT": str(db.files / "auth_deps.gpkg"), "OUTPUT_LINES": str(db.files / "auth_lines.gpkg")})
        assert from_db["PAIRS_USED"] == from_files["PAIRS_USED"] == 72
        db.module.same_rows(table_layer(db, "auth_dependencies"), from_files["OUTPUT"], "nuts2")
        db.module.same_rows(table_layer(db, "auth_lines"), from_files["OUTPUT_LINES"], ("origin", "destination"))
        assert db.module.PASSWORD not in repr(from_db) + "\n".join(messages)
    finally:
        metadata.deleteConnection(name)
        QgsApplication.authManager().removeAuthenticationConfig(authcfg)


def test_postgis_outputs_are_loaded_in_the_project(plugin, db):
    """As the dialog runs it (outputs to load into the project): every PostGIS output, written by QGIS's sink
    (parcels reprojected from EPSG:3857) or in bulk (tables), is a layer loaded on completion, with its
    rows, and no output value carries the password (QGIS 3.22's own sink loads nothing)."""
    from qgis import processing
    from qgis.core import (QgsMapLayer, QgsProcessingContext, QgsProcessingFeedback,
                           QgsProcessingOutputLayerDefinition, QgsProcessingUtils, QgsProject)

    project = QgsProject.instance()
    context = QgsProcessingContext()
    context.setProject(project)
    outputs = {"OUTPUT": postgis_output(db, "loaded_parcels"),
               "OUTPUT_SUMMARY": postgis_output(db, "loaded_summary", False),
               "OUTPUT_PROXIES": postgis_output(db, "loaded_proxies", False)}
    results = processing.run("alliance:landtenureoverlay", {
        "INPUT": source(db, "plots"), "TENURE_FIELD": "statut",
        "GROWTH": [source(db, "zones", "\"kind\" = 'growth'")],
        **{key: QgsProcessingOutputLayerDefinition(value, project) for key, value in outputs.items()}},
        context=context, feedback=QgsProcessingFeedback())
    pending = context.layersToLoadOnCompletion()
    for key, table in (("OUTPUT", "loaded_parcels"), ("OUTPUT_SUMMARY", "loaded_summary"),
                       ("OUTPUT_PROXIES", "loaded_proxies")):
        # processing.run hands the context's layers back as layers (as for temporary outputs), else their ids
        layer = results[key] if isinstance(results[key], QgsMapLayer) else \
            QgsProcessingUtils.mapLayerFromString(results[key], context, False)
        assert layer is not None and layer.isValid() and layer.providerType() == "postgres", key
        assert layer.id() in pending, key
        assert db.module.PASSWORD not in layer.id(), key  # its source has it: the destination typed it
        assert layer.featureCount() == table_layer(db, table, key == "OUTPUT").featureCount() > 0, key
    assert results["OUTPUT"].featureCount() == results["PARCELS"] == 407
    assert not [value for value in pending if value.startswith("postgis:")]
