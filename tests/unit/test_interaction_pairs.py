"""The modelled pairs (core.interaction.pairs): zero pairs listed, intrazonal pairs left out, one
flow type, and the flows, distances and tables refused, with the pairs named."""

import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core import interaction
from alliance_territories.alliance_plugin.core.errors import (AllianceError, FieldNotFoundError,
                                                              InvalidValueError)


def square(values, distance, ids=("A", "B", "C")):
    rows = [(o, d, values[i][j], distance[i][j]) for i, o in enumerate(ids) for j, d in enumerate(ids)]
    return pd.DataFrame(rows, columns=["origin", "destination", "value", "distance"])


THREE = square([[50, 20, 5], [10, 70, 15], [4, 30, 60]], [[0.5, 2.0, 5.0], [2.0, 0.6, 3.0], [5.0, 3.0, 0.8]])


def test_zero_flows_are_observations():
    flows = interaction.complete_pairs(THREE[THREE["value"] > 10].drop(columns="distance"), ["A", "B", "C"])
    flows = flows.assign(distance=flows["origin"].astype(str).map({"A": 0, "B": 2, "C": 5}).sub(
        flows["destination"].astype(str).map({"A": 0, "B": 2, "C": 5})).abs() + 1.0)
    assert (flows["value"] == 0).sum() == 3
    fit = interaction.fit_gravity(flows, family="unconstrained", decay="exponential")
    assert fit.stats["n_pairs"] == 6
    assert (fit.pairs.loc[fit.pairs["observed"] == 0, "expected"] > 0).all()
    assert np.isfinite(fit.stats["ssi"]) and np.isfinite(fit.stats["log_likelihood"])


def test_intrazonal_pairs_left_out_by_default():
    fit = interaction.fit_gravity(THREE, family="production")
    assert fit.stats["excluded_intrazonal"] == 3 and fit.stats["n_pairs"] == 6
    assert (fit.pairs["origin"].astype(str) != fit.pairs["destination"].astype(str)).all()
    # Exponential decay takes zero distances (intrazonal pairs at distance 0).
    zero = THREE.assign(distance=np.where(THREE["origin"] == THREE["destination"], 0.0, THREE["distance"]))
    fit = interaction.fit_gravity(zero, family="doubly", decay="exponential", intrazonal=True)
    assert fit.stats["n_pairs"] == 9


def test_flow_type_is_chosen():
    food = THREE.assign(flow_type="food", value=THREE["value"] * 2)
    both = pd.concat([THREE.assign(flow_type="commuting"), food])
    with pytest.raises(InvalidValueError, match="commuting, food"):
        interaction.fit_gravity(both, family="doubly", intrazonal=True)
    food = interaction.fit_gravity(both, family="doubly", flow_type="food", intrazonal=True)
    commuting = interaction.fit_gravity(THREE, family="doubly", intrazonal=True)
    assert food.params["estimate"].tolist() == pytest.approx(commuting.params["estimate"].tolist())
    assert food.options["flow_type"] == "food"


def with_value(row, column, value):
    table = THREE.copy()
    table.loc[row, column] = value
    return table


@pytest.mark.parametrize("table, options, error, message", [
    (THREE.assign(distance=THREE["distance"].where(THREE["origin"] != THREE["destination"], 0.0)),
     dict(intrazonal=True, decay="power"), InvalidValueError, r"zero distance: A->A, B->B, C->C"),
    (with_value(1, "value", -3.0), {}, InvalidValueError, r"negative flow: A->B"),
    (with_value(1, "value", np.nan), {}, InvalidValueError, r"missing or non-numeric flow: A->B"),
    (with_value(5, "distance", -1.0), {}, InvalidValueError, r"negative distance: B->C"),
    (with_value(5, "distance", np.nan), {}, InvalidValueError, r"missing distance: B->C"),
    (THREE.drop(columns="distance"), {}, FieldNotFoundError, r"distance column 'distance'"),
    (THREE.drop(columns="origin"), {}, FieldNotFoundError, r"'origin' column"),
    (pd.concat([THREE, THREE.iloc[[1]]]), {}, InvalidValueError, r"repeat a pair \(A->B, A->B\)"),
    (THREE.assign(value=0.0), {}, InvalidValueError, r"Every flow is zero"),
])
def test_bad_inputs(table, options, error, message):
    options = {"family": "doubly", **options}
    with pytest.raises(error, match=message) as caught:
        interaction.fit_gravity(table, **options)
    assert isinstance(caught.value, AllianceError) and isinstance(caught.value, ValueError)
