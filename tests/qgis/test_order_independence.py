"""Results never depend on the order of the territories or of the flow rows (issue 18, point 3).

Every flow algorithm runs through processing.run, as QGIS Desktop runs it, on the Austrian and
Canadian samples (as published, and with the volumes rounded to thousands, as many published
tables are: equal flows then compete for the main partner, the dominant flow, the merges and the
areas), then on shuffled copies written in tmp_path: the territories in reverse code
order and in random orders (a new GeoPackage each), the flow CSV rows permuted. Every attribute of
every feature of every output, compared by key, and every numeric output must be identical
(floats to 1e-9).
"""

import csv
import math
import random
from collections import defaultdict

import pytest
from qgis.core import QgsFeature, QgsProject, QgsVectorFileWriter, QgsVectorLayer, QgsWkbTypes

from alliance_territories.alliance_plugin.qgis_io import compat

SAMPLES = {
    "austria": {"layer": "at_nuts2_regions.gpkg", "id": "nuts2", "csv": "at_migration_od.csv",
                "columns": ("origin", "destination", "flow"), "distance": "dist_km"},
    "canada": {"layer": "ca_provinces.gpkg", "id": "code", "csv": "ca_migration_od.csv",
               "columns": ("source", "destination", "migrants"), "distance": "distance"},
}
ORDERS = ("reverse", 1, 2, 3)  # reverse code order, then random orders (seeds)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        return next(reader), list(reader)


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return str(path)


def inflows(sample, header, rows):
    o, d, v = (header.index(c) for c in SAMPLES[sample]["columns"])
    total = defaultdict(float)
    for row in rows:
        total[row[d]] += float(row[v])
    return total


def write_territories(source_path, id_field, order, jobs, path):
    """A new GeoPackage with the territories in ``order`` of codes, plus ``pop`` (their inflow, a size
    that every method can use) and ``city`` (1 for the three largest)."""
    source = QgsVectorLayer(str(source_path), "src", "ogr")
    assert source.isValid()
    features = {str(f[id_field]): f for f in source.getFeatures()}
    largest = set(sorted(jobs, key=lambda c: (-jobs[c], c))[:3])
    crs = source.crs().authid()
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs}", "territories", "memory")
    fields = source.fields()
    fields.append(compat.make_field("pop", "double"))
    fields.append(compat.make_field("city", "int"))
    names = [f.name() for f in fields if f.name() != "fid"]
    layer.dataProvider().addAttributes([f for f in fields if f.name() != "fid"])
    layer.updateFields()
    out = []
    for code in order:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(features[code].geometry())
        values = {name: features[code][name] for name in names if name not in ("pop", "city")}
        values.update(pop=jobs.get(code, 0.0), city=int(code in largest))
        feature.setAttributes([values[name] for name in layer.fields().names()])
        out.append(feature)
    assert layer.dataProvider().addFeatures(out)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsProject.instance().transformContext(),
                                                      options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    written = [str(f[id_field]) for f in QgsVectorLayer(str(path), "check", "ogr").getFeatures()]
    assert written == list(order)
    return str(path)


def case(sample, data_dir, tmp_path, order, rounding=None):
    """(territories path, flows path, inflow per code) for one ordering; ``None`` is the sample's own."""
    info = SAMPLES[sample]
    header, rows = read_csv(data_dir / sample / info["csv"])
    if rounding:
        column = header.index(info["columns"][2])
        rows = [row[:column] + [str(int(round(float(row[column]) / rounding) * rounding))] + row[column + 1:]
                for row in rows]
    jobs = inflows(sample, header, rows)
    codes = sorted(str(f[info["id"]]) for f in
                   QgsVectorLayer(str(data_dir / sample / info["layer"]), "src", "ogr").getFeatures())
    if order is None:
        territory_order, flow_rows = codes, rows
    elif order == "reverse":
        territory_order, flow_rows = codes[::-1], rows[::-1]
    else:
        rng = random.Random(order)
        territory_order, flow_rows = rng.sample(codes, len(codes)), rng.sample(rows, len(rows))
    tag = f"{sample}_{rounding}_{order}"
    territories = write_territories(data_dir / sample / info["layer"], info["id"], territory_order, jobs,
                                    tmp_path / f"territories_{tag}.gpkg")
    flows = write_csv(tmp_path / f"flows_{tag}.csv", header, flow_rows)
    return territories, flows, jobs


def attributes(layer, key):
    """{key: {field: value}} of a result layer; geometry compared by area and length."""
    if isinstance(layer, str):
        layer = QgsVectorLayer(layer, "out", "ogr")
    assert layer.isValid()
    names = [n for n in layer.fields().names() if n != "fid"]
    out = {}
    for feature in layer.getFeatures():
        values = {}
        for name in names:
            value = feature[name]
            values[name] = None if value is None or type(value).__name__ == "QVariant" else value
        geometry = feature.geometry()
        if not geometry.isNull():
            values["_area"], values["_length"] = geometry.area(), geometry.length()
            values["_type"] = QgsWkbTypes.displayString(geometry.wkbType())
        k = tuple(values[k] for k in key) if isinstance(key, tuple) else values[key]
        assert k not in out, f"two features share the key {k}"
        out[k] = values
    return out


def same(a, b):
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None:
            return a is b
        if math.isnan(a) and math.isnan(b):
            return True
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return a == b


def assert_same_layers(expected, got, what):
    assert set(got) == set(expected), what
    for key, values in expected.items():
        other = got[key]
        assert set(other) == set(values), (what, key)
        for name, value in values.items():
            assert same(value, other[name]), (what, key, name, value, other[name])


def assert_same_numbers(expected, got, what):
    numbers = {k: v for k, v in expected.items() if isinstance(v, (int, float)) or v is None}
    for key, value in numbers.items():
        assert same(value, got[key]), (what, key, value, got[key])


def configurations(sample, jobs):
    """(name, algorithm, parameters, {output: key field(s)}) for every flow algorithm and method."""
    info = SAMPLES[sample]
    code = info["id"]
    min_jobs = sorted(jobs.values())[len(jobs) // 2]  # about half the territories can be poles
    return [
        ("dependencies", "alliance:flowdependencies", {"LINE_MIN_SHARE": 0},
         {"OUTPUT": code, "OUTPUT_LINES": ("origin", "destination", "flow_type")}),
        ("dominant", "alliance:dominantflows", {}, {"OUTPUT": code, "OUTPUT_LINES": ("origin", "destination")}),
        ("louvain seed 0", "alliance:flowregions", {"METHOD": 1, "SEED": 0},
         {"OUTPUT": code, "OUTPUT_REGIONS": "region_id"}),
        ("louvain seed 7", "alliance:flowregions", {"METHOD": 1, "SEED": 7, "RESOLUTION": 1.5},
         {"OUTPUT": code, "OUTPUT_REGIONS": "region_id"}),
        ("intramax", "alliance:flowregions", {"METHOD": 0, "N_REGIONS": 3},
         {"OUTPUT": code, "OUTPUT_REGIONS": "region_id", "OUTPUT_HISTORY": "step"}),
        ("intramax contiguous", "alliance:flowregions", {"METHOD": 0, "N_REGIONS": 2, "CONTIGUITY": True},
         {"OUTPUT": code, "OUTPUT_REGIONS": "region_id", "OUTPUT_HISTORY": "step"}),
        ("fua", "alliance:functionalareas", {"METHOD": 0, "POPULATION_FIELD": "pop", "CITY_FIELD": "city"},
         {"OUTPUT": code, "OUTPUT_AREAS": "area_id"}),
        ("aav", "alliance:functionalareas", {"METHOD": 1, "POPULATION_FIELD": "pop", "MIN_JOBS": min_jobs},
         {"OUTPUT": code, "OUTPUT_AREAS": "area_id"}),
        ("gravity", "alliance:spatialinteraction", {"FAMILY": 3, "DECAY": 1, "DISTANCE_FIELD": info["distance"]},
         {"OUTPUT_LINES": ("origin", "destination"), "OUTPUT_PARAMETERS": "parameter"}),
        ("citynetwork", "alliance:citynetwork", {"POPULATION_FIELDS": ["pop"], "BAND_MIN": 0, "BAND_MAX": 1e12},
         {"OUTPUT": code, "OUTPUT_TABLE": "date"}),
    ]


@pytest.mark.parametrize("rounding", [None, 1000])
@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_every_flow_algorithm_ignores_territory_and_row_order(run_alg, data_dir, tmp_path, sample, rounding):
    info = SAMPLES[sample]
    cases = {order: case(sample, data_dir, tmp_path, order, rounding) for order in (None, *ORDERS)}
    jobs = cases[None][2]
    for name, alg, extra, outputs in configurations(sample, jobs):
        reference = None
        for order, (territories, flows, _) in cases.items():
            parameters = {"INPUT": territories, "ID_FIELD": info["id"], "FLOWS": flows, **extra}
            parameters.update({key: str(tmp_path / f"{alg.split(':')[1]}_{key}_{abs(hash((name, order)))}.gpkg")
                               for key in outputs})
            results, _ = run_alg(alg, parameters)
            layers = {key: attributes(results[key], field) for key, field in outputs.items()}
            if reference is None:
                reference = (results, layers)
                assert all(layers.values()), (name, "an output is empty")
                continue
            for key in outputs:
                assert_same_layers(reference[1][key], layers[key], (sample, name, order, key))
            assert_same_numbers(reference[0], results, (sample, name, order))
