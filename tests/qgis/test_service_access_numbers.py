"""alliance:serviceaccess with territories: the numeric outputs GINI and THEIL (and the distance
ones) are the values of the inequality table, and both equal a population-weighted Gini and Theil
of the territory means computed here, pair by pair, from the per-person output (issue 18, point 5).
"""

import importlib.util
import math
from collections import defaultdict
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("alliance_test_access", Path(__file__).with_name("test_access.py"))
access = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(access)
layers = access.layers  # fixtures: the hand-made streets, people and zones
with_schools = access.with_schools


def brute_gini(means, weights):
    """sum_ij w_i w_j |m_i - m_j| / (2 W^2 mean), over every pair."""
    total = sum(weights)
    mean = sum(w * m for w, m in zip(weights, means)) / total
    pairs = sum(wi * wj * abs(mi - mj) for wi, mi in zip(weights, means) for wj, mj in zip(weights, means))
    return pairs / (2 * total ** 2 * mean)


def brute_theil(means, weights):
    total = sum(weights)
    mean = sum(w * m for w, m in zip(weights, means)) / total
    return sum(w * (m / mean) * math.log(m / mean) for w, m in zip(weights, means) if m > 0) / total


def territory_means(layer, field):
    """Population-weighted mean of ``field`` per territory, from the per-person output."""
    sums, weights = defaultdict(float), defaultdict(float)
    for feature in layer.getFeatures():
        value, territory = feature[field], feature["territory"]
        if territory is None or type(territory).__name__ == "QVariant" or value is None \
                or type(value).__name__ == "QVariant":
            continue
        sums[territory] += feature["pop"] * value
        weights[territory] += feature["pop"]
    codes = sorted(weights)
    return [sums[c] / weights[c] for c in codes], [weights[c] for c in codes]


def table_row(layer, indicator, scope):
    rows = [f for f in layer.getFeatures() if f["indicator"] == indicator and f["scope"] == scope]
    assert len(rows) == 1, (indicator, scope)
    return rows[0]


def check(results, people, inequality):
    for indicator, field, gini_key, theil_key in (("score", "score_per_1000", "GINI", "THEIL"),
                                                 ("distance", "distance_m", "GINI_DISTANCE", "THEIL_DISTANCE")):
        row = table_row(inequality, indicator, "territories")
        means, weights = territory_means(people, field)
        assert len(means) >= 2
        assert results[gini_key] is not None and results[theil_key] is not None, (gini_key, results)
        assert results[gini_key] == pytest.approx(row["gini"], rel=1e-12)
        assert results[theil_key] == pytest.approx(row["theil"], rel=1e-12)
        assert results[gini_key] == pytest.approx(brute_gini(means, weights), rel=1e-9)
        assert results[theil_key] == pytest.approx(brute_theil(means, weights), rel=1e-9)


@pytest.mark.parametrize("class_field", [None, "kind"])
def test_numbers_are_the_table_values(run_alg, with_schools, class_field):
    parameters = access.service_parameters(with_schools, CLASS_FIELD=class_field, OUTPUT_TERRITORIES=None,
                                           OUTPUT_CLASSES=None)
    results, _ = run_alg("alliance:serviceaccess", {k: v for k, v in parameters.items() if v is not None})
    check(results, results["OUTPUT"], results["OUTPUT_INEQUALITY"])


def test_numbers_on_a_worker_thread(run_in_task, with_schools, tmp_path):
    """As Desktop runs it: files for the outputs, the run on QGIS's task manager."""
    from qgis.core import QgsVectorLayer

    parameters = access.service_parameters(with_schools, CLASS_FIELD=None, OUTPUT_TERRITORIES=None,
                                           OUTPUT_CLASSES=None, OUTPUT_FACILITIES=None)
    parameters = {k: (str(tmp_path / f"{k}.gpkg") if k.startswith("OUTPUT") and v else v)
                  for k, v in parameters.items() if v is not None}
    outcome = run_in_task("alliance:serviceaccess", parameters)
    assert outcome.get("ok"), outcome
    results = outcome["results"]
    check(results, QgsVectorLayer(results["OUTPUT"], "people", "ogr"),
          QgsVectorLayer(results["OUTPUT_INEQUALITY"], "inequality", "ogr"))


def test_empty_numbers_say_why(run_alg, with_schools, h):
    """When the inequality between territories is undefined, the outputs are empty and the log says why."""
    far = h.memory_layer("Polygon?crs=EPSG:3067&field=code:string",
                         [("POLYGON((5000 5000,6000 5000,6000 6000,5000 6000,5000 5000))", ["far"]),
                          ("POLYGON((7000 5000,8000 5000,8000 6000,7000 6000,7000 5000))", ["farther"])])
    one = h.memory_layer("Polygon?crs=EPSG:3067&field=code:string",
                         [("POLYGON((-100 -100,900 -100,900 500,-100 500,-100 -100))", ["all"])])
    cases = (({"TERRITORIES": far}, None, "No population feature lies in a territory"),
             ({"TERRITORIES": one}, 0.0, "All the population lies in one territory"),
             ({"CATCHMENT": 0.001}, None, "Nobody in the territories has a facility within the catchment"))
    for extra, expected, message in cases:
        parameters = access.service_parameters(with_schools, CLASS_FIELD=None, OUTPUT_TERRITORIES=None,
                                               OUTPUT_CLASSES=None, **extra)
        results, messages = run_alg("alliance:serviceaccess", {k: v for k, v in parameters.items() if v is not None})
        assert results["GINI"] == expected and results["THEIL"] == expected, (message, results)
        row = table_row(results["OUTPUT_INEQUALITY"], "score", "territories")
        assert (row["gini"] is None or type(row["gini"]).__name__ == "QVariant") if expected is None \
            else row["gini"] == expected
        assert any(message in m for m in messages), (message, messages)
