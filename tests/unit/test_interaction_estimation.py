"""Estimation (core.interaction.estimation): known parameters recovered from flows drawn from the
model, and the conjugate gradient path equal to the dense Poisson GLM."""

import numpy as np
import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core import interaction

FAMILIES = list(interaction.FAMILIES)


def synthetic(n=12, seed=7):
    """Pairs of n territories with coordinates in metres and two masses; the true parameters."""
    rng = np.random.default_rng(seed)
    ids = [f"{i:03d}" for i in range(n)]
    points = pd.DataFrame({"x": rng.uniform(0, 50_000, n), "y": rng.uniform(0, 50_000, n)}, index=ids)
    pairs = pd.DataFrame([(o, d) for o in ids for d in ids if o != d], columns=["origin", "destination"])
    km = interaction.pair_distances(pairs["origin"], pairs["destination"], points, unit="km")
    pop = pd.Series(rng.lognormal(8, 1, n), index=ids, name="pop")
    a = pd.Series(rng.normal(0, 0.5, n), index=ids)
    b = pd.Series(rng.normal(0, 0.5, n), index=ids)
    return pairs.assign(distance=km), pop, a, b


TRUTH = {"unconstrained": dict(k=-6.0, mu=0.9, alpha=0.6), "production": dict(alpha=0.7),
         "attraction": dict(mu=0.8), "doubly": {}}


def true_flows(pairs, pop, a, b, family, decay, beta):
    o, d = pairs["origin"], pairs["destination"]
    f = np.log(pairs["distance"]) if decay == "power" else pairs["distance"]
    log_v, log_w = np.log(o.map(pop)), np.log(d.map(pop))
    t = TRUTH[family]
    eta = {"unconstrained": t.get("k", 0) + t.get("mu", 0) * log_v + t.get("alpha", 0) * log_w,
           "production": 3 + o.map(a) + t.get("alpha", 0) * log_w,
           "attraction": 3 + d.map(b) + t.get("mu", 0) * log_v,
           "doubly": 6 + o.map(a) + d.map(b)}[family]
    return np.exp(eta + beta * f)


def synthetic_masses(family, pop):
    return {"unconstrained": dict(origin_mass=pop, destination_mass=pop),
            "production": dict(destination_mass=pop), "attraction": dict(origin_mass=pop), "doubly": {}}[family]


@pytest.mark.parametrize("decay, beta", [("power", -1.7), ("exponential", -0.08)])
@pytest.mark.parametrize("family", FAMILIES)
def test_recovers_known_parameters_from_exact_flows(family, decay, beta):
    """Flows equal to their expectation under known parameters: the fit returns those parameters."""
    pairs, pop, a, b = synthetic()
    flows = pairs.assign(value=true_flows(pairs, pop, a, b, family, decay, beta))
    fit = interaction.fit_gravity(flows, family=family, decay=decay, **synthetic_masses(family, pop))
    truth = dict(TRUTH[family], beta=beta)
    estimate = fit.params.set_index("symbol")["estimate"]
    assert estimate.to_dict() == pytest.approx(truth, abs=1e-8)
    np.testing.assert_allclose(fit.pairs["expected"], flows["value"], rtol=1e-8)
    assert fit.stats["deviance"] == pytest.approx(0, abs=1e-8)
    assert fit.stats["ssi"] == pytest.approx(1.0) and fit.stats["srmse"] == pytest.approx(0, abs=1e-8)


@pytest.mark.parametrize("family", FAMILIES)
def test_recovers_known_parameters_from_poisson_draws(family):
    pairs, pop, a, b = synthetic(n=40, seed=11)
    rate = true_flows(pairs, pop, a, b, family, "power", -1.2)
    flows = pairs.assign(value=np.random.default_rng(3).poisson(rate).astype(float))
    fit = interaction.fit_gravity(flows, family=family, decay="power", **synthetic_masses(family, pop))
    params = fit.params.set_index("symbol")
    for symbol, value in dict(TRUTH[family], beta=-1.2).items():
        assert abs(params.loc[symbol, "estimate"] - value) < 4 * params.loc[symbol, "std_err"], symbol


def test_conjugate_gradient_path_equals_the_dense_glm():
    """Enough destinations to solve Newton's systems by conjugate gradients: same answer as IRLS."""
    rng = np.random.default_rng(5)
    n = 600
    ids = [f"{i:04d}" for i in range(n)]
    points = pd.DataFrame({"x": rng.uniform(0, 1e5, n), "y": rng.uniform(0, 1e5, n)}, index=ids)
    o = np.repeat(np.arange(n), 12)
    d = (o + rng.integers(1, n, len(o))) % n
    pairs = pd.DataFrame({"origin": np.array(ids)[o], "destination": np.array(ids)[d]}).drop_duplicates()
    km = interaction.pair_distances(pairs["origin"], pairs["destination"], points, unit="km")
    pairs = pairs.assign(distance=km, value=rng.poisson(40 * np.exp(-km / 30)).astype(float))
    cg = interaction.fit_gravity(pairs, family="doubly", decay="exponential", max_dense=0)
    glm = interaction.fit_gravity(pairs, family="doubly", decay="exponential", method="irls")
    assert cg.stats["cg_iterations"] > 0
    columns = ["estimate", "std_err"]
    np.testing.assert_allclose(cg.params[columns], glm.params[columns], rtol=1e-8)
    np.testing.assert_allclose(cg.fixed_effects["estimate"], glm.fixed_effects["estimate"], atol=1e-8)
    np.testing.assert_allclose(cg.pairs["expected"], glm.pairs["expected"], rtol=1e-8)
