"""Issue 13, point 2: one rule for layers without a CRS (processing/crs_rule.py).

Every algorithm that measures refuses a spatial input without a CRS, naming it, before it
computes anything; every algorithm that only draws runs and warns. The generic test walks
every spatial input of every measuring algorithm (most take two layers or more); the named
cases are those a reviewer met (hazard zones without a CRS gave ``area_hazard = 0``).
"""

import pytest
from qgis.core import QgsApplication, QgsProcessingException

from alliance_territories.processing import crs_rule

GEOMETRY = {0: ("Point", "POINT(500 500)"), 1: ("LineString", "LINESTRING(0 0, 1000 0, 1000 1000)"),
            2: ("Polygon", "POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0))"), 5: ("Polygon", None),
            -1: ("Polygon", "POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0))")}
TEXT_FIELDS = {"ID_FIELD", "SUPPLY_ID_FIELD", "TERRITORY_FIELD", "TERRITORY_ID_FIELD", "UNIT_ID_FIELD",
               "TENURE_FIELD", "STOP_ID_FIELD", "CLASS_FIELD", "SEX_FIELD", "AGE_FIELD", "DISABILITY_FIELD"}


def without_crs(layer, folder):
    """The layer as users meet it without a CRS: a shapefile whose .prj is missing."""
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter, QgsVectorLayer

    path = folder / f"{layer.name()}.shp"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    path.with_suffix(".prj").unlink()
    bare = QgsVectorLayer(str(path), layer.name(), "ogr")
    assert bare.isValid() and not bare.crs().isValid()
    return bare


def layer_for(h, definition, crs, name, folder):
    types = getattr(definition, "dataTypes", lambda: [])() or [-1]
    kind, wkt = GEOMETRY.get(types[0] if types[0] in GEOMETRY else -1)
    uri = kind + "?crs=EPSG:2154&field=code:string&field=pop:double&field=pop2:double&field=year:integer"
    layer = h.memory_layer(uri, [(wkt, ["A", 100.0, 120.0, 2010])], name=name)
    return layer if crs else without_crs(layer, folder)


def spatial_inputs(alg):
    from qgis.core import (QgsProcessingParameterFeatureSource, QgsProcessingParameterMultipleLayers,
                           QgsProcessingParameterVectorLayer)

    return [d for d in alg.parameterDefinitions() if not d.isDestination() and isinstance(
        d, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer,
            QgsProcessingParameterMultipleLayers)) and 5 not in getattr(d, "dataTypes", lambda: [])()]


def measuring_algorithms():
    from alliance_territories.processing.provider import AllianceProvider

    provider = AllianceProvider()
    provider.loadAlgorithms()
    found = []
    for alg in provider.algorithms():
        if crs_rule.DRAWING.get(alg.name(), crs_rule.MEASURE) != crs_rule.MEASURE:
            continue
        for definition in spatial_inputs(alg):
            found.append((alg.name(), definition.name()))
    return found


def parameters_for(h, alg, without, folder):
    """Every spatial input given (one square in EPSG:2154), ``without`` given the same layer with no CRS;
    field parameters name existing fields; outputs in memory."""
    from qgis.core import QgsProcessingParameterField, QgsProcessingParameterMultipleLayers

    parameters = {}
    for definition in alg.parameterDefinitions():
        name = definition.name()
        if definition.isDestination():
            parameters[name] = "TEMPORARY_OUTPUT"
        elif definition in spatial_inputs(alg):
            layer = layer_for(h, definition, name != without, f"layer_{name.lower()}", folder)
            parameters[name] = [layer] if isinstance(definition, QgsProcessingParameterMultipleLayers) else layer
        elif isinstance(definition, QgsProcessingParameterField):
            if name in ("POPULATION_FIELDS",):
                parameters[name] = ["pop", "pop2"]
            elif name in TEXT_FIELDS:
                parameters[name] = "code"
            elif name == "YEAR_FIELD":
                parameters[name] = "year"
            elif "T1" in name:
                parameters[name] = "pop2"
            elif not definition.flags() & 8 or "POPULATION" in name:  # required, or a population field
                parameters[name] = "pop"
    return parameters


@pytest.mark.parametrize("alg_name,without", measuring_algorithms())
def test_a_measuring_algorithm_refuses_a_layer_without_crs(h, run_alg, tmp_path, alg_name, without):
    alg = QgsApplication.processingRegistry().createAlgorithmById(f"alliance:{alg_name}")
    parameters = parameters_for(h, alg, without, tmp_path)
    label = alg.parameterDefinition(without).description()
    with pytest.raises(QgsProcessingException) as raised:
        run_alg(f"alliance:{alg_name}", parameters)
    message = str(raised.value)
    assert f"{label} (layer_{without.lower()})" in message and "no coordinate reference system" in message
    assert "Assign projection" in message


def test_the_same_inputs_with_every_crs_pass_the_check(h, plugin, tmp_path):
    """The rule's check finds nothing when every layer has a CRS (so the refusals above are the rule's)."""
    from qgis.core import QgsProcessingContext

    for alg_name in {name for name, _ in measuring_algorithms()}:
        alg = QgsApplication.processingRegistry().createAlgorithmById(f"alliance:{alg_name}")
        parameters = parameters_for(h, alg, None, tmp_path)
        assert crs_rule.layers_without_crs(alg, parameters, QgsProcessingContext()) == [], alg_name


def all_outputs(alg_id):
    alg = QgsApplication.processingRegistry().algorithmById(alg_id)
    return {d.name(): "TEMPORARY_OUTPUT" for d in alg.destinationParameterDefinitions()}


def test_hazard_zones_without_crs_are_refused_not_counted_as_zero(h, run_alg, tmp_path):
    """The reviewer's case: parcels in Lambert-93, hazard zones without a CRS."""
    parcels = h.memory_layer("Polygon?crs=EPSG:2154&field=code:string",
                             [(h.square(700000, 6600000), ["P1"])], name="parcels")
    hazard = without_crs(h.memory_layer("Polygon?crs=EPSG:2154&field=kind:string",
                                        [(h.square(700000, 6600000, 500), ["flood"])], name="flood zones"), tmp_path)
    with pytest.raises(QgsProcessingException) as raised:
        run_alg("alliance:landtenureoverlay", {"INPUT": parcels, "HAZARD": [hazard], **all_outputs(
            "alliance:landtenureoverlay")})
    assert "(flood zones)" in str(raised.value) and "parcels" not in str(raised.value)


def test_a_drawing_algorithm_runs_and_warns(h, run_alg, data_dir):
    """Flow dependencies joins by code and only draws lines: territories without a CRS give the same numbers,
    with a warning naming the layer."""
    from qgis.core import QgsFeatureRequest, QgsCoordinateReferenceSystem, QgsVectorLayer

    source = QgsVectorLayer(str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "regions", "ogr")
    bare = source.materialize(QgsFeatureRequest())
    bare.setCrs(QgsCoordinateReferenceSystem())
    bare.setName("regions without crs")
    flows = str(data_dir / "austria" / "at_migration_od.csv")
    common = {"ID_FIELD": "nuts2", "FLOWS": flows, "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_LINES": "TEMPORARY_OUTPUT"}
    with_crs, messages = run_alg("alliance:flowdependencies", {"INPUT": source, **common})
    assert not any("no coordinate reference system" in m for m in messages)
    without, messages = run_alg("alliance:flowdependencies", {"INPUT": bare, **common})
    assert any("(regions without crs): no coordinate reference system" in m for m in messages)
    assert without["TOTAL_VOLUME"] == with_crs["TOTAL_VOLUME"] and without["PAIRS_USED"] == with_crs["PAIRS_USED"]


def test_spatial_interaction_measures_only_without_a_distance_field():
    class Alg:
        def name(self):
            return "spatialinteraction"

    assert crs_rule.crs_use(Alg(), {"DISTANCE_FIELD": "dist_km"}) == crs_rule.DRAW
    assert crs_rule.crs_use(Alg(), {}) == crs_rule.MEASURE
