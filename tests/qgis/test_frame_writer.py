"""The fast frame writer (qgis_io/frame_writer.py) writes the layer QGIS's sink writes, to the byte.

Every frame is written twice through ``AllianceAlgorithm.writeFrame``: to a new
GeoPackage as decided (pyogrio), and to another new GeoPackage with pyogrio
turned off (QGIS's sink); both are read back with QGIS and compared: layer name,
fields (name, type, width), fids, values and NULLs, WKB, CRS, geometry type and
the GeoPackage's table kind.
"""

import math
import sqlite3

import pytest


def feedback():
    """A QgsProcessingFeedback that keeps its messages."""
    from qgis.core import QgsProcessingFeedback

    class Messages(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.messages = []

        def pushInfo(self, text):  # noqa: N802
            self.messages.append(text)

    return Messages()


@pytest.fixture()
def writer(plugin):
    """An algorithm of ours with one sink, OUTPUT, to call writeFrame on."""
    from qgis.core import QgsProcessingParameterFeatureSink

    from alliance_territories.processing.base import AllianceAlgorithm

    class Writer(AllianceAlgorithm):
        def name(self):
            return "framewritertest"

        def displayName(self):
            return "Frame writer test"

        def initAlgorithm(self, config=None):
            self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", "Written frame"))

    algorithm = Writer()
    algorithm.initAlgorithm()
    return algorithm


def write_both(writer, monkeypatch, tmp_path, name, frame, geometries, wkb_type, crs, int_columns=(),
               text_columns=(), output_crs=None):
    """(fast output, its log, QGIS's output): the same call of writeFrame, pyogrio on and off."""
    from qgis.core import QgsProcessingContext

    from alliance_territories.alliance_plugin.qgis_io import fast_path

    outputs = []
    for label, usable in (("fast", True), ("qgis", False)):
        with monkeypatch.context() as patch:
            if not usable:
                patch.setattr(fast_path, "pyogrio_usable", lambda: False)
            log = feedback()
            path = str(tmp_path / f"{name}_{label}.gpkg")
            dest = writer.writeFrame({"OUTPUT": path}, "OUTPUT", QgsProcessingContext(), frame, geometries, wkb_type,
                                     crs, log, int_columns, text_columns, output_crs=output_crs)
            assert dest == path
            outputs.append((path, log.messages))
    (fast, messages), (slow, slow_messages) = outputs
    assert not any("pyogrio" in m for m in slow_messages)
    return fast, any("features with pyogrio" in m for m in messages), slow


def snapshot(path):
    """What a user and QGIS see of a written GeoPackage (one layer)."""
    from qgis.core import QgsVectorLayer, QgsWkbTypes

    layer = QgsVectorLayer(path, "out", "ogr")
    assert layer.isValid(), path
    rows = {}
    for feature in layer.getFeatures():
        values = [None if v is None or str(type(v)).endswith("QVariant'>") else v for v in feature.attributes()]
        values = ["nan" if isinstance(v, float) and math.isnan(v) else v for v in values]
        geometry = feature.geometry()
        rows[feature.id()] = (values, None if geometry.isNull() else bytes(geometry.asWkb()))
    with sqlite3.connect(path) as db:
        contents = db.execute("SELECT table_name, data_type, srs_id, min_x, min_y, max_x, max_y "
                              "FROM gpkg_contents").fetchall()
        columns = db.execute("SELECT table_name, column_name, geometry_type_name, srs_id, z, m "
                             "FROM gpkg_geometry_columns").fetchall()
        name = contents[0][0]
        # The spatial index: its tables and triggers as GDAL writes them, its entries, SQLite's own check.
        schema = sorted(tuple(str(v).replace(name, "LAYER") for v in row) for row in db.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
        extensions = [tuple(str(v).replace(name, "LAYER") for v in row)
                      for row in db.execute("SELECT * FROM gpkg_extensions ORDER BY 1, 2, 3")] \
            if any(row[1] == "gpkg_extensions" for row in schema) else []
        rtree = f'"rtree_{name}_geom"'
        index = db.execute(f"SELECT * FROM {rtree} ORDER BY id").fetchall() if columns else None
        if index:
            assert db.execute(f"SELECT rtreecheck('{rtree[1:-1]}')").fetchone()[0] == "ok"
            assert db.execute(f"SELECT count(*) FROM {rtree} WHERE minx <= 0 AND maxx >= 0").fetchone()[0] == \
                sum(1 for row in index if row[1] <= 0 <= row[2])  # a search through the tree finds them all
    return {"schema": schema, "extensions": extensions, "index": index,"fields": [(f.name(), f.typeName(), f.length(), f.precision()) for f in layer.fields()],
            "rows": rows, "crs": layer.crs().toWkt(), "authid": layer.crs().authid(),
            "type": QgsWkbTypes.displayString(layer.wkbType()),
            "contents": [(row[0].split("_")[0], *row[1:]) for row in contents],
            "columns": [(row[0].split("_")[0], *row[1:]) for row in columns]}


def assert_same(fast, slow):
    a, b = snapshot(fast), snapshot(slow)
    for key in ("fields", "crs", "authid", "type", "contents", "columns", "schema", "extensions", "index"):
        assert a[key] == b[key], key
    assert a["rows"].keys() == b["rows"].keys()
    for fid in a["rows"]:
        assert a["rows"][fid] == b["rows"][fid], fid  # attributes, and geometries to the byte
    return a


def mixed_frame(n=5):
    """Text (non-ASCII, NULL, numbers), integers with NULL, decimals with NaN and infinity, booleans."""
    import numpy as np
    import pandas as pd

    return pd.DataFrame({
        "code": ["01004", "2A004", None, "Łódź", "北京"][:n],
        # pandas 3's text dtype; pandas 2 (Debian 13) has "string" (its "str" would write None as 'None')
        "nom": pd.array(["Île", None, "Zürich", "", "São Paulo"][:n],
                        dtype="str" if int(pd.__version__.split(".")[0]) >= 3 else "string"),
        "n_partners": [1.0, np.nan, 3.0, 2.7, -2.7][:n],  # an integer column reindexed with NaN
        "rank": pd.array([1, None, 3, 2 ** 40, -5][:n], dtype="Int64"),
        "count": np.array([0, 1, 2, 2 ** 62, -1], dtype=np.int64)[:n],
        "share": [0.5, np.nan, math.inf, -0.0, 1e-300][:n],
        "flag": np.array([True, False, True, False, True])[:n],
        "role": [1.5, np.nan, 7.0, 2.25, np.nan][:n],  # a text column full of numbers and NULL
    })


def test_frames_with_geometries_are_written_as_qgis_writes_them(writer, monkeypatch, tmp_path):
    import numpy as np
    import pandas as pd
    import shapely
    from qgis.core import QgsCoordinateReferenceSystem

    from alliance_territories.alliance_plugin.qgis_io import compat
    from alliance_territories.alliance_plugin.qgis_io.frame_writer import LineStrings

    frame = mixed_frame()
    crs = QgsCoordinateReferenceSystem("EPSG:2154")
    # Polygons (one multi-part, one with a hole) made multi-part as the sink's type asks.
    polygons = [shapely.box(0, 0, 1000, 1000), shapely.box(0, 1000, 500, 1500), shapely.box(1000, 0, 2000, 1000),
                shapely.MultiPolygon([shapely.box(3000, 0, 3500, 500), shapely.box(3600, 0, 3900, 400)]),
                shapely.Polygon([(0, 0), (10, 0), (10, 10), (0, 0.5), (0, 0)], [[(1, 1), (2, 1), (2, 2), (1, 1)]])]
    fast, used, slow = write_both(writer, monkeypatch, tmp_path, "polygons", frame, polygons,
                                  compat.WkbType.MultiPolygon, crs, int_columns=("n_partners", "rank"),
                                  text_columns=("role",))
    assert used
    written = assert_same(fast, slow)
    assert [f[:2] for f in written["fields"]] == [
        ("fid", "Integer64"), ("code", "String"), ("nom", "String"), ("n_partners", "Integer64"),
        ("rank", "Integer64"), ("count", "Integer64"), ("share", "Real"), ("flag", "Integer64"),
        ("role", "String")]
    assert written["type"] == "MultiPolygon" and written["authid"] == "EPSG:2154"
    values = {fid: row[0] for fid, row in written["rows"].items()}
    assert values[2][1:5] == ["2A004", None, None, None]  # NULL text, NULL integers
    assert values[4][3:6] == [2, 2 ** 40, 2 ** 62] and values[5][3] == -2  # int() truncates toward zero
    assert values[3][6] == math.inf and values[2][6] is None and values[4][-1] == "2.25"

    # 3,000 lines in a CRS without an authority code (an R-tree of three levels, boxes across 0 rounded to
    # 32-bit floats), and points with Z: the same WKT, coordinates and spatial index.
    rng = np.random.default_rng(17)
    ends = rng.normal(0, 1e5, (3000, 2, 2)) * rng.choice([1e-6, 1, 30], (3000, 1, 1))
    custom = QgsCoordinateReferenceSystem.fromProj("+proj=laea +lat_0=45.5 +lon_0=2.1 +x_0=0 +y_0=0 "
                                                   "+datum=WGS84 +units=m +no_defs")
    frame = pd.DataFrame({"volume": rng.lognormal(2, 1.5, 3000), "origin": rng.integers(0, 99, 3000).astype(str)})
    fast, used, slow = write_both(writer, monkeypatch, tmp_path, "lines", frame, shapely.linestrings(ends),
                                  compat.WkbType.LineString, custom)
    written = assert_same(fast, slow)
    assert used and written["type"] == "LineString" and len(written["index"]) == 3000
    # The same lines by their ends (frame_writer.LineStrings, as the flow lines are written): the same WKB
    # as shapely's, and the same layers both ways.
    ends_given = LineStrings(ends[:, 0], ends[:, 1])
    assert ends_given.wkb().tolist() == shapely.to_wkb(shapely.linestrings(ends)).tolist()
    fast, used, slow = write_both(writer, monkeypatch, tmp_path, "ends", frame, ends_given,
                                  compat.WkbType.LineString, custom)
    again = assert_same(fast, slow)
    assert used and all(again[key] == written[key] for key in ("fields", "rows", "crs", "schema", "index"))
    points = shapely.points([(0, 0, 1.5), (1, 2, -3.25)])
    fast, used, slow = write_both(writer, monkeypatch, tmp_path, "points", mixed_frame(2)[["code"]], points,
                                  compat.WkbType.PointZ, QgsCoordinateReferenceSystem("EPSG:4326"))
    assert used and assert_same(fast, slow)["type"] == "PointZ"


def test_tables_and_empty_frames_are_written_as_qgis_writes_them(writer, monkeypatch, tmp_path):
    import pandas as pd
    import shapely
    from qgis.core import QgsCoordinateReferenceSystem

    from alliance_territories.alliance_plugin.qgis_io import compat

    crs = QgsCoordinateReferenceSystem("EPSG:2154")
    fast, used, slow = write_both(writer, monkeypatch, tmp_path, "table", mixed_frame(), None,
                                  compat.WkbType.NoGeometry, crs, int_columns=("n_partners",), text_columns=("role",))
    written = assert_same(fast, slow)
    assert used and written["contents"][0][1] == "attributes" and written["type"] == "NoGeometry"
    empty = mixed_frame().iloc[:0]
    fast, used, slow = write_both(writer, monkeypatch, tmp_path, "empty", empty, [], compat.WkbType.LineString, crs,
                                  int_columns=("n_partners",), text_columns=("role",))
    written = assert_same(fast, slow)
    assert used and written["rows"] == {} and len(written["fields"]) == 9 and written["type"] == "LineString"
    fast, used, slow = write_both(writer, monkeypatch, tmp_path, "bare", pd.DataFrame(index=range(2)),
                                  [shapely.Point(0, 0), shapely.Point(1, 2)], compat.WkbType.Point, crs)
    assert used and assert_same(fast, slow)["fields"] == [("fid", "Integer64", 0, 0)]


@pytest.mark.parametrize("case", ["other type", "null geometry", "fid field", "reprojected"])
def test_what_only_qgis_writes_exactly_goes_through_qgis(writer, monkeypatch, tmp_path, case):
    import pandas as pd
    import shapely
    from qgis.core import QgsCoordinateReferenceSystem

    from alliance_territories.alliance_plugin.qgis_io import compat

    frame = pd.DataFrame({"volume": [1.0, 2.0]})
    geometries = shapely.linestrings([[(0, 0), (1, 1)], [(2, 2), (3, 5)]])
    crs, output_crs = QgsCoordinateReferenceSystem("EPSG:2154"), None
    if case == "other type":  # QGIS writes a multi-part line into a LineString layer as it is
        geometries[1] = shapely.MultiLineString([[(0, 0), (1, 1)], [(2, 2), (3, 3)]])
    elif case == "null geometry":  # QGIS 3.22 writes an empty line
        geometries[1] = None
    elif case == "fid field":
        frame["FID"] = [7, 9]
    else:
        geometries = shapely.linestrings([[(700000, 6600000), (701000, 6601000)]] * 2)
        output_crs = QgsCoordinateReferenceSystem("EPSG:4326")
    fast, used, slow = write_both(writer, monkeypatch, tmp_path, "declined", frame, geometries,
                                  compat.WkbType.LineString, crs, output_crs=output_crs)
    assert not used
    written = assert_same(fast, slow)
    assert len(written["rows"]) == 2 and written["authid"] == (output_crs or crs).authid()


def test_destinations_the_fast_writer_takes(plugin, tmp_path):
    from qgis.core import QgsProcessingOutputLayerDefinition, QgsProject

    from alliance_territories.alliance_plugin.qgis_io.frame_writer import frame_destination

    new = str(tmp_path / "new.gpkg")
    decided = frame_destination(new)
    assert (decided.kind, decided.path, decided.layer) == ("gpkg", new, "new")
    definition = QgsProcessingOutputLayerDefinition(new, QgsProject.instance())
    definition.createOptions = {"fileEncoding": "System"}
    assert frame_destination(definition).path == new
    definition.createOptions = {"layerOptions": ["SPATIAL_INDEX=NO"]}
    existing = tmp_path / "existing.gpkg"
    existing.write_bytes(b"")
    for value in (definition, str(existing), f"ogr:dbname='{new}' table=\"t\" (geom)", "memory:", "TEMPORARY_OUTPUT",
                  str(tmp_path / "lines.shp"), str(tmp_path / "missing" / "folder.gpkg"), None):
        assert frame_destination(value) is None, value


def flow_parameters(data_dir, lines):
    return {"INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
            "FLOWS": str(data_dir / "austria" / "at_migration_od.csv"), "OUTPUT": "memory:",
            "OUTPUT_LINES": lines, "LINE_MIN_SHARE": 0}


def test_flow_lines_fast_loaded_and_styled_as_through_qgis(run_alg, data_dir, monkeypatch, tmp_path):
    """alliance:flowdependencies: the same lines, loaded under the same name with the same style."""
    from qgis.core import QgsProcessingOutputLayerDefinition, QgsProject, QgsVectorLayer

    from alliance_territories.alliance_plugin.qgis_io import fast_path

    loaded = []
    for label in ("fast", "qgis"):
        path = str(tmp_path / f"lines_{label}.gpkg")
        value = QgsProcessingOutputLayerDefinition(path, QgsProject.instance())
        value.destinationName = "Mes lignes"
        with monkeypatch.context() as patch:
            if label == "qgis":
                patch.setattr(fast_path, "pyogrio_usable", lambda: False)
            results, messages = run_alg("alliance:flowdependencies", flow_parameters(data_dir, value))
        assert results["OUTPUT_LINES"] == path and results["LINES_WRITTEN"] == 72
        assert any("72 features with pyogrio" in m for m in messages) == (label == "fast")
        context = run_alg.context
        assert context.willLoadLayerOnCompletion(path)
        details = context.layerToLoadOnCompletionDetails(path)
        layer = QgsVectorLayer(path, "lines", "ogr")
        details.postProcessor().postProcessLayer(layer, context, None)
        loaded.append((path, details.name, details.outputName, layer.name(), layer.renderer().dump()))
    (fast, *shown), (slow, *slow_shown) = loaded
    assert shown == slow_shown and shown[1] == "OUTPUT_LINES"
    assert_same(fast, slow)


def test_lines_into_an_existing_geopackage(run_alg, data_dir, tmp_path):
    """A GeoPackage of several layers is refused, a named table added beside them, one layer replaced."""
    from qgis.core import QgsProcessingException

    project = str(tmp_path / "project.gpkg")
    run_alg("alliance:flowdependencies", flow_parameters(data_dir, f"ogr:dbname='{project}' table=\"a\" (geom)"))
    run_alg("alliance:flowdependencies", flow_parameters(data_dir, f"ogr:dbname='{project}' table=\"b\" (geom)"))
    with sqlite3.connect(project) as db:
        assert [n for n, in db.execute("SELECT table_name FROM gpkg_contents ORDER BY 1")] == ["a", "b"]
    with pytest.raises(QgsProcessingException, match="holds 2 layers"):
        run_alg("alliance:flowdependencies", flow_parameters(data_dir, project))
    single = tmp_path / "single.gpkg"
    results, messages = run_alg("alliance:flowdependencies", flow_parameters(data_dir, str(single)))
    assert any("with pyogrio" in m for m in messages)
    results, messages = run_alg("alliance:flowdependencies", flow_parameters(data_dir, str(single)))
    assert not any("with pyogrio" in m for m in messages)  # an existing file: QGIS's sink replaces it
    assert snapshot(str(single))["rows"].keys() == set(range(1, 73))
