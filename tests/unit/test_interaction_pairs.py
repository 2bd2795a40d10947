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


def test_flow_types_are_summed_per_pair_with_their_distance():
    # Two flow types on THREE's pairs: work = THREE's volumes minus 1 on the pairs A->B, B->C and C->A,
    # school = 1 on those three pairs and 0 on C->B. Summed per pair they give back THREE exactly.
    work = THREE.assign(flow_type="work")
    school_pairs = [("A", "B"), ("B", "C"), ("C", "A"), ("C", "B")]
    school_value = {("A", "B"): 1.0, ("B", "C"): 1.0, ("C", "A"): 1.0, ("C", "B"): 0.0}
    key = list(zip(work["origin"], work["destination"]))
    work = work.assign(value=[v - school_value.get(k, 0.0) for v, k in zip(work["value"], key)])
    school = THREE[[k in school_pairs for k in key]].assign(flow_type="school")
    school = school.assign(value=[school_value[k] for k in zip(school["origin"], school["destination"])])
    both = pd.concat([work, school], ignore_index=True)
    summed = interaction.sum_flow_types(both)
    # One row per pair, in the order of their first row (THREE's order), flow type "total".
    assert summed[["origin", "destination", "flow_type", "value", "distance"]].values.tolist() == \
        THREE.assign(flow_type="total")[["origin", "destination", "flow_type", "value", "distance"]].values.tolist()
    # The summed volumes reach the fit: the same model as on the table summed beforehand.
    fit, expected = (interaction.fit_gravity(table, family="production") for table in (summed, THREE))
    pd.testing.assert_frame_equal(fit.params, expected.params)
    assert fit.pairs["observed"].tolist() == [20.0, 5.0, 10.0, 15.0, 4.0, 30.0]  # THREE off the diagonal
    assert expected.pairs["observed"].tolist() == [20.0, 5.0, 10.0, 15.0, 4.0, 30.0]
    # Without the sum the fit refuses the repeated pairs (the bug the sum fixes).
    with pytest.raises(InvalidValueError, match="repeat a pair"):
        interaction.fit_gravity(both.assign(flow_type="total"), family="production")


def test_summing_flow_types_refuses_a_pair_with_two_distances():
    flows = pd.DataFrame({"origin": ["A", "A", "B", "B", "C"], "destination": ["B", "B", "A", "A", "A"],
                          "flow_type": ["work", "school", "work", "school", "work"],
                          "value": [3.0, 2.0, 4.0, 1.0, 5.0], "distance": [1.5, 2.5, 1.5, np.nan, 7.0]})
    with pytest.raises(InvalidValueError) as error:
        interaction.sum_flow_types(flows)
    assert str(error.value) == ("2 pairs have different distances in their rows of different flow types "
                                "(A->B: 1.5 / 2.5, B->A: 1.5 / none): the flow types are summed per pair, which "
                                "needs one distance per pair. Give each pair the same distance in every row, or "
                                "keep one flow type.")
    # A pair seen once, or with the same distance in every row, is fine.
    same = flows.assign(distance=[1.5, 1.5, 1.5, 1.5, 7.0])
    assert interaction.sum_flow_types(same)[["origin", "destination", "value", "distance"]].values.tolist() == [
        ["A", "B", 5.0, 1.5], ["B", "A", 5.0, 1.5], ["C", "A", 5.0, 7.0]]
