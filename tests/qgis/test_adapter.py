"""One adapter, two ways: QGIS's feature source and sink, and pyogrio for plain files; the same results."""

import datetime

import pytest

LAEA = "EPSG:3035"


def squares(z=False):
    import shapely

    boxes = [shapely.box(4000000 + 100 * i, 3000000, 4000000 + 100 * i + 90, 3000090) for i in range(6)]
    boxes[4] = shapely.MultiPolygon([boxes[4], shapely.box(4000450, 3000200, 4000480, 3000230)])
    if z:
        boxes = [shapely.force_3d(b, 10.0 * i) for i, b in enumerate(boxes)]
    return boxes


def sample_frame(z=False, dates=False):
    """Text (non-ASCII, NULL), integers with a NULL, reals with a NULL, a multi-part polygon; dates if asked."""
    import geopandas as gpd
    import pandas as pd

    frame = gpd.GeoDataFrame({
        "nom": ["Île-de-France", "Zürich", None, "Łódź", "São Paulo", "北京"],
        "entier": pd.array([1, 2, None, 4, 5, 6], dtype="Int64"),
        "réel": [1.5, None, 3.25, 4.0, -5.5, 6.0],
        "statut": ["titre", "coutumier", "squat", None, "titre", "squat"],
    }, geometry=squares(z), crs=LAEA)
    if dates:
        frame["jour"] = pd.to_datetime([datetime.date(2020, 1, 2), None, datetime.date(2021, 3, 4),
                                        datetime.date(2022, 5, 6), datetime.date(2023, 7, 8),
                                        datetime.date(2024, 9, 10)]).astype("datetime64[ms]")
    return frame


def write_sample(path, driver, z=False, dates=False):
    import pyogrio

    kwargs = {"encoding": "UTF-8"} if driver == "ESRI Shapefile" else {}
    pyogrio.write_dataframe(sample_frame(z, dates), str(path), driver=driver, **kwargs)
    return str(path)


def snapshot(path):
    """Everything a user sees of a written layer: fields and types, fids, attributes, WKB, CRS, geometry type."""
    from qgis.core import QgsVectorLayer, QgsWkbTypes

    layer = QgsVectorLayer(path, "out", "ogr")
    assert layer.isValid(), path
    fields = [(f.name(), f.typeName(), f.length(), f.precision()) for f in layer.fields()]
    rows = {}
    for feature in layer.getFeatures():
        values = [None if v is None or str(type(v)).endswith("QVariant'>") else v for v in feature.attributes()]
        rows[feature.id()] = (values, bytes(feature.geometry().asWkb()))
    return {"fields": fields, "rows": rows, "crs": layer.crs().toWkt(),
            "type": QgsWkbTypes.displayString(layer.wkbType())}


def run_both(run_alg, monkeypatch, tmp_path, value, name):
    """The parcels written by alliance:landtenureoverlay as the adapter decides, and through QGIS's sink."""
    from alliance_territories.alliance_plugin.qgis_io import fast_path

    parameters = {"INPUT": value, "TENURE_FIELD": "statut", "OUTPUT_SUMMARY": "memory:",
                  "OUTPUT_PROXIES": "memory:"}
    decided, messages = run_alg("alliance:landtenureoverlay", {**parameters,
                                                               "OUTPUT": str(tmp_path / f"{name}_decided.gpkg")})
    used_fast = any("read with pyogrio" in m for m in messages)
    assert used_fast == any(m.startswith("Writing ") and "features with pyogrio" in m for m in messages)
    with monkeypatch.context() as patch:
        patch.setattr(fast_path, "pyogrio_usable", lambda: False)
        slow, messages = run_alg("alliance:landtenureoverlay", {**parameters,
                                                                "OUTPUT": str(tmp_path / f"{name}_qgis.gpkg")})
        assert not any("pyogrio" in m for m in messages)
    return used_fast, snapshot(decided["OUTPUT"]), snapshot(slow["OUTPUT"])


def assert_same(a, b):
    for key in ("fields", "crs", "type"):
        assert a[key] == b[key], key
    assert a["rows"].keys() == b["rows"].keys()
    for fid in a["rows"]:
        assert a["rows"][fid] == b["rows"][fid], fid  # attributes, and geometries to the byte


@pytest.mark.parametrize("driver,suffix,z,dates,fast", [
    ("GPKG", "gpkg", False, False, True), ("GPKG", "gpkg", True, False, True),
    ("GeoJSON", "geojson", False, False, True),
    ("GPKG", "gpkg", False, True, False),  # a date field: QGIS's path
    ("ESRI Shapefile", "shp", False, False, False),  # text fields with a width: QGIS's path
    ("GeoJSON", "geojson", True, True, False)])
def test_files_read_and_written_both_ways_are_equal(run_alg, monkeypatch, tmp_path, driver, suffix, z, dates,
                                                    fast):
    path = write_sample(tmp_path / f"sample.{suffix}", driver, z, dates)
    used_fast, a, b = run_both(run_alg, monkeypatch, tmp_path, path, "s")
    assert used_fast == fast
    assert_same(a, b)
    assert len(a["rows"]) == 6 and ("Z" in a["type"]) == z
    names = [f[0] for f in a["fields"]]
    assert names[names.index("nom"):names.index("statut") + 1][:2] == ["nom", "entier"]


def test_gpkg_fids_with_gaps_are_kept_both_ways(run_alg, monkeypatch, tmp_path):
    from qgis.core import QgsVectorLayer

    path = write_sample(tmp_path / "gaps.gpkg", "GPKG")
    layer = QgsVectorLayer(path, "gaps", "ogr")
    assert layer.dataProvider().deleteFeatures([2, 5])
    del layer
    used_fast, a, b = run_both(run_alg, monkeypatch, tmp_path, path, "gaps")
    assert used_fast and sorted(a["rows"]) == [1, 3, 4, 6]
    assert_same(a, b)


@pytest.mark.parametrize("how", ["filter", "selection", "limit"])
def test_filters_selections_and_limits_go_through_qgis(run_alg, monkeypatch, tmp_path, how):
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer

    path = write_sample(tmp_path / "whole.gpkg", "GPKG")
    layer = QgsVectorLayer(path, "whole", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        if how == "filter":
            layer.setSubsetString("\"statut\" = 'titre'")
            value = layer.id()
        elif how == "selection":
            layer.selectByExpression("\"statut\" = 'titre'")
            value = QgsProcessingFeatureSourceDefinition(layer.id(), True)
        else:
            value = QgsProcessingFeatureSourceDefinition(layer.id(), False, 2)
        used_fast, a, b = run_both(run_alg, monkeypatch, tmp_path, value, how)
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    assert not used_fast
    assert_same(a, b)
    expected = {"filter": [1, 5], "selection": [1, 5], "limit": [1, 2]}[how]
    assert sorted(a["rows"]) == expected


def test_read_layer_gives_the_same_frame_both_ways(plugin, tmp_path):
    """pyogrio and QGIS's feature source: same ids, requested columns and geometries (exactly)."""
    import shapely
    from qgis.core import QgsProcessingContext, QgsProcessingFeatureSource, QgsVectorLayer

    from alliance_territories.alliance_plugin.qgis_io import fast_path, reading

    path = write_sample(tmp_path / "read.gpkg", "GPKG", z=True)
    context = QgsProcessingContext()
    layer = QgsVectorLayer(path, "read", "ogr")  # kept alive: the source does not own it
    source = QgsProcessingFeatureSource(layer, context)
    decided = fast_path.fast_path(path, str(tmp_path / "new.gpkg"), context, source)
    assert decided is not None and decided.path == path
    quick = reading.read_layer(source, ["réel", "nom"], context=context, keep=True, fast=decided)
    slow = reading.read_layer(source, ["réel", "nom"], context=context, keep=True)
    assert list(quick.frame.columns) == list(slow.frame.columns) == ["réel", "nom", "geometry"]
    assert quick.frame.index.tolist() == slow.frame.index.tolist() == [1, 2, 3, 4, 5, 6]
    assert quick.frame["nom"].tolist() == slow.frame["nom"].tolist()
    assert quick.frame["réel"].fillna(-1).tolist() == slow.frame["réel"].fillna(-1).tolist()
    assert all(shapely.to_wkb(quick.frame["geometry"].to_numpy()) == shapely.to_wkb(slow.frame["geometry"].to_numpy()))
    assert isinstance(quick.attributes, reading.FileTable) and len(slow.attributes[0]) == 5  # fid + 4 fields
    # Only what is asked: no other attribute, and no geometry when none is wanted.
    light = reading.read_layer(source, ["nom"], context=context)
    assert light.attributes is None and light.own_frame is None
    assert light.frame.equals(slow.frame[["nom", "geometry"]]) or \
        light.frame["nom"].tolist() == slow.frame["nom"].tolist()
    bare = reading.read_layer(source, ["statut"], geometry=False)
    assert list(bare.frame.columns) == ["statut"] and bare.frame["statut"].tolist()[:3] == ["titre", "coutumier",
                                                                                              "squat"]


def test_one_read_gives_both_crs_exactly(plugin, tmp_path):
    """Reprojected while read, and kept in the source's CRS in the same pass: as two reads gave them."""
    import shapely
    from qgis.core import (QgsCoordinateReferenceSystem, QgsProcessingContext, QgsProcessingFeatureSource,
                           QgsVectorLayer)

    from alliance_territories.alliance_plugin.qgis_io import reading

    path = write_sample(tmp_path / "crs.gpkg", "GPKG")
    context = QgsProcessingContext()
    layer = QgsVectorLayer(path, "crs", "ogr")  # kept alive: the source does not own it
    source = QgsProcessingFeatureSource(layer, context)
    target = QgsCoordinateReferenceSystem("EPSG:4326")
    once = reading.read_layer(source, ["nom"], context=context, crs=target, keep=True)
    moved = reading.read_layer(source, ["nom"], context=context, crs=target)  # the request's own transform
    own = reading.read_layer(source, [], context=context)
    wkb = lambda frame: shapely.to_wkb(frame["geometry"].to_numpy()).tolist()  # noqa: E731
    assert wkb(once.frame) == wkb(moved.frame) and wkb(once.own_frame) == wkb(own.frame)
    assert wkb(once.frame) != wkb(once.own_frame)


def test_the_wkb_read_is_written_back_as_the_geometries_would_be(plugin, tmp_path):
    """write_gpkg writes the WKB read (pyogrio.raw.write) exactly as geopandas' writer wrote the shapely geometries;
    a geometry repaired on reading (an unclosed ring) drops that WKB, so the repaired one is written."""
    import struct

    import numpy as np
    import pandas as pd
    import pyogrio.raw
    import shapely

    from alliance_territories.alliance_plugin.qgis_io import fast_path

    path = write_sample(tmp_path / "in.gpkg", "GPKG", z=True)
    frame, meta = fast_path.read_file(path, None, ["nom", "entier", "réel", "statut"])
    assert meta["wkb"] is not None and len(meta["wkb"]) == 6
    frame = fast_path.integer_fields(frame, meta)
    extra = pd.DataFrame({"score": np.arange(6.0), "nom": ["a", None, "c", "d", "e", "f"]}, index=frame.index)
    fids = frame.index.to_numpy()
    crs = meta["crs"]
    outputs = {}
    for how, wkb, kind in (("raw", meta["wkb"], "MultiPolygon Z"), ("shapely", None, "MultiPolygon Z"),
                           ("geopandas", None, None)):  # no type given: geopandas' writer, as before
        outputs[how] = snapshot(fast_path.write_gpkg(str(tmp_path / f"{how}.gpkg"), frame, extra, crs, fids=fids,
                                                     geometry_type=kind, promote_to_multi=True, wkb=wkb))
    assert outputs["raw"] == outputs["shapely"] == outputs["geopandas"]
    assert outputs["raw"]["type"] == "MultiPolygonZ" and sorted(outputs["raw"]["rows"]) == [1, 2, 3, 4, 5, 6]
    assert [f[0] for f in outputs["raw"]["fields"]] == ["fid", "nom", "entier", "réel", "statut", "score", "nom_2"]
    # an unclosed ring: shapely repairs it ("fix"), so the WKB read is not the frame's any more
    square = shapely.to_wkb(shapely.box(0, 0, 1, 1))
    ring = struct.pack("<BIII6d", 1, 3, 1, 3, 0, 0, 1, 0, 1, 1)  # a polygon, one ring of 3 points, not closed
    broken = tmp_path / "broken.gpkg"
    pyogrio.raw.write(str(broken), np.array([square, ring], dtype=object), [np.array([1, 2])], ["n"],
                      geometry_type="Polygon", crs=LAEA)
    frame, meta = fast_path.read_file(str(broken), None, ["n"])
    assert meta["wkb"] is None and shapely.is_valid(frame["geometry"].to_numpy()).all()
    assert shapely.get_num_coordinates(frame["geometry"].to_numpy()).tolist() == [5, 4]  # closed


def test_a_geopackage_read_through_arrow_gives_what_raw_read_gives(plugin, tmp_path):
    """read_file reads GeoPackages through GDAL's Arrow stream: the same meta, fids, geometries and arrays."""
    import pyogrio.raw
    import shapely

    from alliance_territories.alliance_plugin.qgis_io import fast_path

    path = write_sample(tmp_path / "arrow.gpkg", "GPKG", z=True)
    columns = ["nom", "entier", "réel", "statut"]
    arrow = fast_path._read_arrow(path, None, columns)
    try:
        import pyarrow  # noqa: F401
    except ImportError:  # Debian's chroots package no pyarrow: the plain reader, which the other tests check
        assert arrow is None
        return
    assert arrow is not None, "pyarrow is in requirements: GeoPackages are read through Arrow"
    meta, fids, wkb, values = pyogrio.raw.read(path, columns=columns, return_fids=True)
    assert sorted(arrow[0]) == sorted(meta) and arrow[0]["crs"] == meta["crs"]
    assert [list(arrow[0][k]) for k in ("fields", "dtypes")] == [list(meta[k]) for k in ("fields", "dtypes")]
    assert arrow[1].dtype == fids.dtype and arrow[1].tolist() == fids.tolist() == [1, 2, 3, 4, 5, 6]
    # the same geometries (Z as ISO WKB through Arrow, as extended WKB through raw.read: GDAL writes both alike)
    ours, theirs = shapely.from_wkb(arrow[2]), shapely.from_wkb(wkb)
    assert shapely.equals_exact(ours, theirs, tolerance=0).all() and shapely.has_z(ours).all()
    assert shapely.to_wkb(ours).tolist() == shapely.to_wkb(theirs).tolist()
    for got, expected in zip(arrow[3], values, strict=True):
        assert got.dtype == expected.dtype
        assert [None if v != v else v for v in got.tolist()] == [None if v != v else v for v in expected.tolist()]
    assert values[1].dtype.kind == "f"  # the integers with a NULL: floats with NaN both ways
    assert fast_path._read_arrow(write_sample(tmp_path / "arrow.shp", "ESRI Shapefile"), None, columns) is None
