"""The model families (core.interaction.families): each keeps the totals it constrains, takes the
masses it allows, and refuses what cannot be identified (hand-made 3 x 3 cases)."""

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


@pytest.mark.parametrize("decay", ["power", "exponential"])
@pytest.mark.parametrize("method", ["profile", "irls"])
def test_doubly_constrained_3x3_preserves_row_and_column_sums(decay, method):
    fit = interaction.fit_gravity(THREE, family="doubly", decay=decay, intrazonal=True, method=method)
    pairs = fit.pairs
    for side in ("origin", "destination"):
        expected = pairs.groupby(side, observed=True)["expected"].sum()
        observed = pairs.groupby(side, observed=True)["observed"].sum()
        np.testing.assert_allclose(expected, observed, rtol=1e-10)
    # The third score equation: the fitted mean of f(d) equals the observed one.
    f = np.log(pairs["distance"]) if decay == "power" else pairs["distance"]
    assert (pairs["expected"] * f).sum() == pytest.approx((pairs["observed"] * f).sum(), rel=1e-10)
    assert fit.stats["n_parameters"] == 6 and fit.stats["excluded_intrazonal"] == 0
    assert fit.params.loc["distance", "estimate"] < 0


@pytest.mark.parametrize("family, side", [("production", "origin"), ("attraction", "destination")])
def test_singly_constrained_models_preserve_their_totals(family, side):
    fit = interaction.fit_gravity(THREE, family=family, intrazonal=True)
    sums = fit.pairs.groupby(side, observed=True)[["expected", "observed"]].sum()
    np.testing.assert_allclose(sums["expected"], sums["observed"], rtol=1e-10)


def test_disconnected_territories_in_a_doubly_constrained_model():
    """Two groups with no flow between them: beta is still estimated, with a warning."""
    other = THREE.assign(origin="x" + THREE["origin"], destination="x" + THREE["destination"],
                         value=THREE["value"][::-1].to_numpy())
    both = pd.concat([THREE, other], ignore_index=True)
    fit = interaction.fit_gravity(both, family="doubly", intrazonal=True)
    assert fit.stats["components"] == 2 and "2 groups" in fit.warnings[0]
    for side in ("origin", "destination"):
        sums = fit.pairs.groupby(side, observed=True)[["expected", "observed"]].sum()
        np.testing.assert_allclose(sums["expected"], sums["observed"], rtol=1e-9)
    with pytest.raises(InvalidValueError, match="separate groups"):
        interaction.fit_gravity(pd.concat([THREE, other]), family="doubly", intrazonal=True, method="irls")


def test_zero_or_missing_masses_name_the_pairs():
    table = THREE.assign(pop=THREE["origin"].map({"A": 100.0, "B": 0.0, "C": 50.0}))
    with pytest.raises(InvalidValueError, match=r"'pop' must be positive.*zero values: B->A, B->C"):
        interaction.fit_gravity(table, family="unconstrained", origin_mass="pop")
    with pytest.raises(InvalidValueError, match=r"1 destinations have no destination mass: C"):
        interaction.fit_gravity(THREE, family="unconstrained", destination_mass=pd.Series({"A": 1.0, "B": 2.0}))


def test_collinear_regressors_are_refused():
    table = THREE.assign(pop=7.0)  # log(pop) is the intercept again
    with pytest.raises(InvalidValueError, match="collinear"):
        interaction.fit_gravity(table, family="unconstrained", origin_mass="pop")


def test_family_masses_default_to_totals_and_follow_the_family():
    """Masses given per territory are read as numbers; by default each territory's outflow and inflow
    (all its rows); a side the family constrains by fixed effects takes none."""
    origin, destination = interaction.family_masses(THREE, "unconstrained")
    assert origin.to_dict() == {"A": 75.0, "B": 95.0, "C": 94.0} and origin.name == "value"
    assert destination.to_dict() == {"A": 64.0, "B": 120.0, "C": 80.0}
    given = pd.Series({"A": "3", "B": "n/a", "C": 2}, name="pop")
    origin, _ = interaction.family_masses(THREE, "attraction", origin=given)
    assert origin.name == "pop" and origin.tolist()[::2] == [3.0, 2.0] and np.isnan(origin["B"])
    assert interaction.family_masses(THREE, "production")[0] is None
    assert interaction.family_masses(THREE, "attraction")[1] is None
    assert interaction.family_masses(THREE, "doubly") == (None, None)
    fit = interaction.fit_gravity(THREE, family="unconstrained",
                                  **dict(zip(("origin_mass", "destination_mass"),
                                             interaction.family_masses(THREE, "unconstrained"))))
    assert fit.params["regressor"].tolist() == ["1", "log(value)", "log(value)", "log(distance)"]


@pytest.mark.parametrize("table, options, error, message", [
    (THREE, dict(family="gravity"), InvalidValueError, r"family must be one of"),
    (THREE, dict(decay="gaussian"), InvalidValueError, r"decay must be"),
    (THREE, dict(method="newton"), InvalidValueError, r"method must be"),
    (THREE, dict(family="production", origin_mass="value"), InvalidValueError, r"cannot also take an origin"),
    (THREE, dict(destination_mass="value"), InvalidValueError, r"cannot also take a destination"),
    (THREE, dict(family="unconstrained", origin_mass="pop"), FieldNotFoundError, r"origin mass column 'pop'"),
    (THREE.assign(value=THREE["value"].where(THREE["origin"] != "A", 0.0)), dict(intrazonal=True),
     InvalidValueError, r"1 origins have only zero flows: A"),
    (THREE, dict(family="doubly"), InvalidValueError, r"collinear.*four territories"),
    (THREE.iloc[:3], dict(family="doubly", intrazonal=True), InvalidValueError, r"only 3 pairs"),
    (THREE, dict(family="doubly", method="irls", max_dense=3), InvalidValueError, r"at most max_dense=3"),
])
def test_bad_inputs(table, options, error, message):
    options = {"family": "doubly", **options}
    with pytest.raises(error, match=message) as caught:
        interaction.fit_gravity(table, **options)
    assert isinstance(caught.value, AllianceError) and isinstance(caught.value, ValueError)
