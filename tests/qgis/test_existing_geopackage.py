"""Issue 13, point 5: an output that names an existing GeoPackage never deletes the user's other layers.

QGIS's own algorithms (checked with native:buffer on 3.22 and 3.40) replace the whole file when the
destination is a plain ``.gpkg`` path, whatever it holds. Ours refuse when the file holds more than
one layer, naming them; a table named in the destination (``ogr:dbname=... table=...``) is added
beside them; a GeoPackage of one layer is replaced, as QGIS does after its file dialog asked.
"""

import sqlite3

import pytest
from qgis.core import QgsProcessingException, QgsVectorFileWriter, QgsVectorLayer, QgsCoordinateTransformContext


def tables(path):
    with sqlite3.connect(path) as db:
        return sorted(name for name, in db.execute("SELECT table_name FROM gpkg_contents"))


def write(layer_path, gpkg, table, append):
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table
    if append:
        options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    layer = QgsVectorLayer(str(layer_path), table, "ogr")
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(gpkg), QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error


@pytest.fixture()
def project_gpkg(data_dir, tmp_path):
    """A user's GeoPackage holding two layers (their project data)."""
    gpkg = tmp_path / "project.gpkg"
    write(data_dir / "canada" / "ca_provinces.gpkg", gpkg, "provinces", append=False)
    write(data_dir / "austria" / "at_nuts2_regions.gpkg", gpkg, "regions", append=True)
    assert tables(gpkg) == ["provinces", "regions"]
    return gpkg


def parameters(data_dir, output):
    return {"INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
            "FLOWS": str(data_dir / "austria" / "at_migration_od.csv"), "OUTPUT": output,
            "OUTPUT_LINES": "TEMPORARY_OUTPUT"}


def test_a_geopackage_with_other_layers_is_refused_and_kept(run_alg, data_dir, project_gpkg):
    before = project_gpkg.read_bytes()
    with pytest.raises(QgsProcessingException) as raised:
        run_alg("alliance:flowdependencies", parameters(data_dir, str(project_gpkg)))
    message = str(raised.value)
    assert "holds 2 layers (provinces, regions)" in message and "Save to GeoPackage" in message
    assert project_gpkg.read_bytes() == before


def test_a_named_table_is_added_beside_the_other_layers(run_alg, data_dir, project_gpkg):
    results, _ = run_alg("alliance:flowdependencies", parameters(
        data_dir, f"ogr:dbname='{project_gpkg}' table=\"dependencies\" (geom)"))
    assert tables(project_gpkg) == ["dependencies", "provinces", "regions"]
    with sqlite3.connect(project_gpkg) as db:
        assert db.execute("SELECT count(*) FROM dependencies").fetchone() == (9,)
        assert db.execute("SELECT count(*) FROM provinces").fetchone() == (10,)


def test_a_geopackage_of_one_layer_is_replaced_as_qgis_does(run_alg, data_dir, tmp_path):
    single = tmp_path / "previous_run.gpkg"
    write(data_dir / "canada" / "ca_provinces.gpkg", single, "previous_run", append=False)
    run_alg("alliance:flowdependencies", parameters(data_dir, str(single)))
    assert tables(single) == ["previous_run"]
    with sqlite3.connect(single) as db:
        assert [c[1] for c in db.execute("PRAGMA table_info(previous_run)")][:3] == ["fid", "geom", "nuts2"]
