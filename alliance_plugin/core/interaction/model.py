"""Fit a spatial interaction (gravity) model to flows: the entry point and the fitted model.

:func:`fit_gravity` chains the steps of the package: the pairs are read and
checked (:mod:`.pairs`), the regressors and fixed effects of the chosen member
of Wilson's family are built (:mod:`.families`; Wilson 1971, Fotheringham and
O'Kelly 1989), the model is fitted by Poisson maximum likelihood
(:mod:`.estimation`; Flowerdew and Aitkin 1982) and its fit measured
(:mod:`.statistics`, spint's definitions, Oshan 2016). The result,
:class:`GravityFit`, holds the parameters, the fixed effects and, per pair, the
observed and expected flows with their residuals ``T - That`` and Pearson
residuals ``(T - That) / sqrt(That)``.

Parameters, standard errors and fit statistics equal PySAL spint's (the tests
assert it on spint's Austria data). Distances are whatever unit the distance
column holds (:func:`.distances.pair_distances` gives metres or km): under
exponential decay beta scales with it, under power decay it does not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import InvalidValueError
from ..progress import cancelable
from .estimation import fit_poisson
from .families import (DECAY_ALIASES, FAMILIES, constrained_groups, count_components, effect_labels,
                       effects_table, regressors)
from .pairs import check_pairs, prepare_pairs
from .statistics import fit_statistics, parameter_table


@dataclass(frozen=True)
class GravityFit:
    """A fitted spatial interaction model.

    ``params`` holds the parameters of interest (index ``parameter``; columns
    ``symbol, regressor, estimate, std_err, z, p_value``); ``fixed_effects`` the
    intercept and origin/destination effects of constrained models in spint's
    parametrisation (reference levels listed with estimate 0 and
    ``reference=True``; standard errors only when there are at most
    ``max_dense`` parameters); ``cov`` the covariance of ``params``; ``pairs``
    one row per modelled pair (``observed, expected, residual, pearson``, indexed
    like the input rows); ``stats`` the fit statistics; ``options`` the options used.
    """

    family: str
    decay: str
    params: pd.DataFrame
    fixed_effects: pd.DataFrame
    cov: pd.DataFrame
    pairs: pd.DataFrame
    stats: dict
    options: dict
    warnings: list = field(default_factory=list)

    @property
    def beta(self):
        """The distance-decay parameter beta as a float, or None if ``params`` has no ``distance`` row."""
        return float(self.params.loc["distance", "estimate"]) if "distance" in self.params.index else None


def _normalise(family, decay, method):
    if family not in FAMILIES:
        raise InvalidValueError("family must be one of {families}; given {family!r}.", families=', '.join(FAMILIES),
                                family=family)
    if decay not in DECAY_ALIASES:
        raise InvalidValueError("decay must be 'power' or 'exponential'; given {decay!r}.", decay=decay)
    if method not in ("auto", "profile", "irls"):
        raise InvalidValueError("method must be 'auto', 'profile' or 'irls'; given {method!r}.", method=method)
    if method == "auto":
        method = "irls" if family == "unconstrained" else "profile"
    if method == "profile" and family == "unconstrained":
        method = "irls"  # nothing to profile out
    return DECAY_ALIASES[decay], method


@cancelable
def fit_gravity(flows, *, family="doubly", decay="power", distance="distance", value="value",
                origin_mass=None, destination_mass=None, flow_type=None, intrazonal=False,
                constant=True, method="auto", tol=1e-10, max_iter=100, max_dense=2000, tick):
    """Fit a spatial interaction model to flows by Poisson maximum likelihood.

    Parameters
    ----------
    flows : pandas.DataFrame
        One row per pair: ``origin``, ``destination`` (text codes, possibly
        categorical), the volume column ``value`` and the distance column;
        mass columns when masses are named. A ``flow_type`` column, if present,
        must hold one type, or ``flow_type`` must choose one.
    family : {"unconstrained", "production", "attraction", "doubly"}
    decay : {"power", "exponential"}
        ``beta log d`` or ``beta d`` (also ``"pow"``, ``"exp"``).
    distance, value : str
        Column names of the distance and of the flow volume.
    origin_mass, destination_mass : str or pandas.Series, optional
        ``V_i`` (unconstrained and attraction-constrained models) and ``W_j``
        (unconstrained and production-constrained): a column of ``flows`` or a
        Series indexed by territory code. Must be positive.
    flow_type : str, optional
        The flow type to model when ``flows`` holds several.
    intrazonal : bool
        Keep the pairs i == j (left out by default).
    constant : bool
        spint's ``constant``: an intercept, and the first origin (destination)
        as reference level of the fixed effects.
    method : {"auto", "profile", "irls"}
        ``profile`` (fixed effects profiled out; the default for constrained
        models, fit for a million pairs) or ``irls`` (Poisson GLM on spint's
        design matrix; at most ``max_dense`` parameters).
    tol : float
        Convergence tolerance on the expected gain in log-likelihood.
    max_iter : int
        Maximum Newton / IRLS iterations.
    max_dense : int
        Up to this many parameters (fixed effects included), the full
        covariance is computed and fixed effects get standard errors.
    progress, is_canceled : callable, optional
        Told the percentage done (0 to 100, the iterations by how far the
        expected gain has come down to ``tol``); checked between the Newton
        (IRLS) iterations and every 64 conjugate gradient iterations (see
        :func:`..progress.cancelable`).

    Returns
    -------
    GravityFit or None
        None when canceled.

    Raises
    ------
    AllianceError
        Missing columns, repeated pairs, negative or missing flows, distances or
        masses, a logarithm of a non-positive value (the pairs are named), an
        origin or destination with only zero flows in a model that constrains
        it, collinear regressors; :class:`.errors.ConvergenceError` when the
        estimation does not converge.

    Examples
    --------
    >>> flows = pd.DataFrame({"origin": list("AABBCC"), "destination": list("BCACAB"),
    ...                       "value": [30.0, 10.0, 25.0, 8.0, 12.0, 9.0],
    ...                       "distance": [1.0, 2.0, 1.0, 1.5, 2.0, 1.5]})
    >>> fit = fit_gravity(flows, family="production")
    >>> fit.params.index.tolist(), round(float(fit.params.loc["distance", "estimate"]), 4)
    (['distance'], -1.6348)
    >>> fit.pairs.groupby("origin", observed=True)["expected"].sum().round(6).tolist()
    [40.0, 33.0, 21.0]
    """
    decay, method = _normalise(family, decay, method)
    data, rows = prepare_pairs(flows, value=value, distance=distance, flow_type=flow_type, intrazonal=intrazonal)
    check_pairs(data, decay)
    Z, labels = regressors(rows, data, family, decay, constant, origin_mass, destination_mass)
    tick(0.1)
    o, d, o_labels, d_labels = constrained_groups(data, family)
    warnings = []
    components = count_components(o, d, len(o_labels), len(d_labels)) if family == "doubly" else 1
    if components > 1:
        warnings.append(f"The pairs form {components} groups of territories with no flow between them: "
                        "fixed effects compare only within a group.")
    effects_of = effect_labels(family, constant, o_labels, d_labels)
    k = len(effects_of) + Z.shape[1] - (components - 1)
    if len(data.y) < k:
        raise InvalidValueError("The model has {k} parameters but only {n_y} pairs.", k=k, n_y=len(data.y))
    mu, effects, theta, cov, effect_se, iterations, cg = fit_poisson(
        data.y, o, d, Z, family=family, constant=constant, method=method, n_effects=len(effects_of),
        components=components, tol=tol, max_iter=max_iter, max_dense=max_dense, tick=tick.part(0.1, 0.9))
    params, cov = parameter_table(labels, theta, cov)
    stats = fit_statistics(data.y, mu, k)
    stats.update(iterations=iterations, cg_iterations=cg, method=method,
                 excluded_intrazonal=data.excluded, components=components)
    pairs = pd.DataFrame({
        "origin": pd.Categorical.from_codes(data.o, categories=data.labels),
        "destination": pd.Categorical.from_codes(data.d, categories=data.labels),
        "distance": data.dist, "observed": data.y, "expected": mu, "residual": data.y - mu,
        "pearson": (data.y - mu) / np.sqrt(mu)}, index=data.rows)
    options = dict(family=family, decay=decay, distance=distance, value=value, flow_type=flow_type,
                   origin_mass=_option(origin_mass), destination_mass=_option(destination_mass),
                   intrazonal=intrazonal, constant=constant, method=method, tol=tol, max_iter=max_iter)
    return GravityFit(family, decay, params,
                      effects_table(effects_of, effects, effect_se, family, constant, o_labels, d_labels),
                      cov, pairs, stats, options, warnings)


def _option(mass):
    return mass if mass is None or isinstance(mass, str) else f"<series {getattr(mass, 'name', None)}>"
