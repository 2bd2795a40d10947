"""Spatial interaction: the SRMSE and the constant, checked against their definitions (issue 13).

- SRMSE (spint, Oshan 2016; Knudsen and Fotheringham 1986): ``sqrt(mean((T - That)^2)) / mean(T)``,
  computed here by its formula on the observed and expected flows the fit returns.
- A Poisson maximum-likelihood fit satisfies its score equations ``X' (T - That) = 0`` for its
  design matrix X: with a constant, ``sum(That) = sum(T)``; in a doubly-constrained model the
  expected outflows and inflows equal the observed ones; and ``sum f(d) (T - That) = 0`` for the
  distance term. Without a constant, the unconstrained model ``log That = beta log d`` has the
  one score equation ``sum log d (T - exp(beta log d)) = 0``, solved here by bisection.
"""

import math

import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core import interaction

FLOWS = pd.DataFrame({"origin": list("AABBCC"), "destination": list("BCACAB"),
                      "value": [30.0, 10.0, 25.0, 8.0, 12.0, 9.0],
                      "distance": [1.2, 2.0, 1.1, 1.5, 2.5, 1.7]})
# Four territories, 12 pairs: a doubly-constrained model has 1 + 3 + 3 + 1 = 8 parameters, so it is not
# saturated (with three territories it would fit the 6 pairs exactly).
FLOWS4 = pd.DataFrame({"origin": list("AAABBBCCCDDD"), "destination": list("BCDACDABDABC"),
                       "value": [30.0, 10.0, 5.0, 25.0, 8.0, 4.0, 12.0, 9.0, 20.0, 3.0, 6.0, 18.0],
                       "distance": [1.2, 2.0, 3.1, 1.1, 1.5, 2.6, 2.5, 1.7, 1.3, 3.0, 2.2, 1.4]})


def _srmse(pairs):
    t, that = pairs["observed"].to_numpy(), pairs["expected"].to_numpy()
    return math.sqrt(np.mean((t - that) ** 2)) / np.mean(t)


def test_srmse_by_hand():
    # Residuals 1, 0, 1, 0: mean square 0.5; mean observed (1 + 2 + 3 + 6) / 4 = 3.
    stats = interaction.fit_statistics([1.0, 2.0, 3.0, 6.0], [2.0, 2.0, 2.0, 6.0], 1)
    assert stats["srmse"] == pytest.approx(math.sqrt(0.5) / 3)


@pytest.mark.parametrize("family", ["unconstrained", "production", "attraction", "doubly"])
@pytest.mark.parametrize("constant", [True, False])
@pytest.mark.parametrize("decay", ["power", "exponential"])
def test_reported_srmse_is_the_formula_on_the_fitted_flows(family, constant, decay):
    fit = interaction.fit_gravity(FLOWS4, family=family, constant=constant, decay=decay)
    assert fit.stats["srmse"] > 0.01  # not a saturated fit: the formula has something to check
    assert fit.stats["srmse"] == pytest.approx(_srmse(fit.pairs), rel=1e-12)


def _beta_without_constant(log_d, y):
    """The root of sum log d (y - exp(beta log d)) = 0 (decreasing in beta), by bisection."""
    def score(beta):
        return float(np.sum(log_d * (y - np.exp(beta * log_d))))
    low, high = -20.0, 20.0
    for _ in range(200):
        middle = 0.5 * (low + high)
        low, high = (middle, high) if score(middle) > 0 else (low, middle)
    return 0.5 * (low + high)


def test_unconstrained_without_constant_is_the_one_parameter_mle():
    log_d, y = np.log(FLOWS["distance"].to_numpy()), FLOWS["value"].to_numpy()
    beta = _beta_without_constant(log_d, y)
    expected = np.exp(beta * log_d)
    fit = interaction.fit_gravity(FLOWS, family="unconstrained", constant=False)
    assert fit.params.index.tolist() == ["distance"]
    assert fit.beta == pytest.approx(beta, rel=1e-6)
    assert fit.pairs["expected"].to_numpy() == pytest.approx(expected, rel=1e-6)
    srmse = math.sqrt(np.mean((y - expected) ** 2)) / np.mean(y)
    assert fit.stats["srmse"] == pytest.approx(srmse, rel=1e-6)
    # Without a constant nothing makes the expected total equal the observed one.
    assert abs(expected.sum() - y.sum()) > 1.0


def test_unconstrained_with_constant_meets_its_score_equations():
    # log That = k + beta log d: sum(T - That) = 0 and sum log d (T - That) = 0.
    fit = interaction.fit_gravity(FLOWS, family="unconstrained", constant=True)
    residual = (fit.pairs["observed"] - fit.pairs["expected"]).to_numpy()
    assert residual.sum() == pytest.approx(0.0, abs=1e-6)
    assert (np.log(FLOWS["distance"].to_numpy()) * residual).sum() == pytest.approx(0.0, abs=1e-6)


def test_the_constant_matters_for_the_unconstrained_model_and_is_on_by_default():
    with_constant = interaction.fit_gravity(FLOWS, family="unconstrained", constant=True)
    without = interaction.fit_gravity(FLOWS, family="unconstrained", constant=False)
    default = interaction.fit_gravity(FLOWS, family="unconstrained")
    assert default.stats["srmse"] == pytest.approx(with_constant.stats["srmse"], rel=1e-12)
    assert "intercept" in default.params.index
    assert abs(with_constant.stats["srmse"] - without.stats["srmse"]) > 0.01
    assert with_constant.stats["n_parameters"] == without.stats["n_parameters"] + 1


@pytest.mark.parametrize("constant", [True, False])
def test_doubly_constrained_meets_its_constraints_with_or_without_constant(constant):
    # Expected outflows and inflows equal the observed ones (the fixed effects' score equations), and the
    # distance's score equation holds; the constant changes the parametrisation only, not the fit.
    fit = interaction.fit_gravity(FLOWS4, family="doubly", constant=constant)
    assert fit.stats["srmse"] > 0.01  # not a saturated fit
    pairs = fit.pairs
    for side in ("origin", "destination"):
        sums = pairs.groupby(side, observed=True)[["observed", "expected"]].sum()
        assert sums["expected"].to_numpy() == pytest.approx(sums["observed"].to_numpy(), rel=1e-8)
    residual = (pairs["observed"] - pairs["expected"]).to_numpy()
    assert (np.log(pairs["distance"].to_numpy()) * residual).sum() == pytest.approx(0.0, abs=1e-6)
    other = interaction.fit_gravity(FLOWS4, family="doubly", constant=not constant)
    assert fit.beta == pytest.approx(other.beta, rel=1e-8)
    assert fit.stats["srmse"] == pytest.approx(other.stats["srmse"], rel=1e-8)
