"""Spatial interaction (gravity) models fitted as Poisson regressions.

The four members of Wilson's family (Wilson 1971; Fotheringham and O'Kelly
1989), for the flow ``T_ij`` from i to j and the separation ``d_ij``::

    unconstrained           log E[T_ij] = k   + mu log V_i + alpha log W_j + beta f(d_ij)
    production-constrained  log E[T_ij] = a_i                + alpha log W_j + beta f(d_ij)
    attraction-constrained  log E[T_ij] = b_j + mu log V_i                  + beta f(d_ij)
    doubly-constrained      log E[T_ij] = a_i + b_j                         + beta f(d_ij)

with ``f(d) = log d`` (power decay) or ``f(d) = d`` (exponential decay); ``V_i``
and ``W_j`` are mass variables (populations, jobs, or the totals ``O_i``, ``D_j``)
and ``a_i``, ``b_j`` origin and destination fixed effects (the balancing factors).

Modelling assumptions
---------------------
- Estimation is Poisson maximum likelihood (Flowerdew and Aitkin 1982): zero
  flows are ordinary observations. Volumes need not be integers (weighted
  counts); the log-likelihood keeps the ``-log Gamma(T + 1)`` term, as
  statsmodels and spint do.
- Only the pairs given are modelled: a pair missing from the table is not a
  zero flow. List the zero pairs (:func:`complete_pairs`) to model them.
- Intrazonal pairs (i == j) are left out unless ``intrazonal=True``.
- Fixed effects are parametrised as spint does: with ``constant=True`` an
  intercept, then one effect per origin (per destination) except the first in
  text order, the reference; a doubly-constrained model also drops the first
  destination without a constant. Parameters, standard errors and fit
  statistics then equal spint's (the tests assert it on spint's Austria data).
- Constrained models are fitted with the fixed effects profiled out: origin
  (or destination) effects in closed form, the other side's effects and the
  other parameters by Newton's method, whose linear systems are solved by
  preconditioned conjugate gradients at national scale. This is the
  balancing-factor formulation; it has the same maximum-likelihood estimates as
  the Poisson GLM with dummies, and its fitted flows reproduce the observed
  totals ``O_i`` and/or ``D_j`` exactly.
- Standard errors come from the inverse Fisher information with scale 1 (a
  Poisson model): with overdispersed flows they are too small.
- Statistics as spint defines them: McFadden's pseudo R2 ``1 - llf/llnull`` and
  its adjusted form ``1 - (llf - k)/llnull``, deviance explained ``D2``, AIC
  ``-2 llf + 2k``, SRMSE ``sqrt(mean((T - That)^2)) / mean(T)`` and Sorensen
  similarity index ``mean(2 min(T, That) / (T + That))``; ``k`` counts every
  estimated parameter, fixed effects included.
- Distances are metres: planar from projected coordinates, or on the WGS84
  ellipsoid (or a sphere) from longitudes and latitudes; never degrees.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .errors import ConvergenceError, EmptyInputError, FieldNotFoundError, InvalidValueError, first_labels

FAMILIES = ("unconstrained", "production", "attraction", "doubly")
DECAYS = ("power", "exponential")
_DECAY_ALIASES = {"power": "power", "pow": "power", "exponential": "exponential", "exp": "exponential"}
WGS84 = (6378137.0, 1 / 298.257223563)
_DENSE_STEP = 500  # Newton systems up to this size are solved directly


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


# ----------------------------------------------------------------------------- distances

def _xy(points, codes):
    """x and y of each code from a DataFrame (``x``, ``y``) or a Series of shapely points."""
    index = pd.Index(np.asarray(points.index, dtype=object).astype(str))
    if index.has_duplicates:
        repeated = first_labels(index[index.duplicated()])
        raise InvalidValueError("Point ids must be unique; repeated: {repeated}.", repeated=repeated)
    if isinstance(points, pd.DataFrame):
        if not {"x", "y"} <= set(points.columns):
            raise FieldNotFoundError("Points need columns 'x' and 'y'; given {columns}.",
                                     columns=first_labels(points.columns))
        x, y = points["x"].to_numpy(float), points["y"].to_numpy(float)
    else:
        import shapely

        geoms = np.asarray(points, dtype=object)
        missing = shapely.is_missing(geoms)
        x, y = np.full(len(geoms), np.nan), np.full(len(geoms), np.nan)
        x[~missing], y[~missing] = shapely.get_x(geoms[~missing]), shapely.get_y(geoms[~missing])
    position = index.get_indexer(codes)
    unknown = position < 0
    position = np.where(unknown, 0, position)
    x, y = x[position], y[position]
    bad = unknown | np.isnan(x) | np.isnan(y)
    if bad.any():
        raise InvalidValueError("{n_bad} territories have no point: {codes}.", n_bad=int(bad.sum()),
                                codes=first_labels(np.asarray(codes)[bad]))
    return x, y


def _haversine(lon1, lat1, lon2, lat2, radius):
    h = (np.sin((lat2 - lat1) / 2) ** 2
         + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2)
    return 2 * radius * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def _vincenty(lon1, lat1, lon2, lat2, a, f):
    """Geodesic length on the ellipsoid (Vincenty's inverse formula, sub-millimetre).

    Nearly antipodal pairs, where the iteration fails, fall back to the
    haversine on the mean radius (a relative error below 0.5 %).
    """
    b = a * (1 - f)
    lon_diff = lon2 - lon1
    u1, u2 = np.arctan((1 - f) * np.tan(lat1)), np.arctan((1 - f) * np.tan(lat2))
    su1, cu1, su2, cu2 = np.sin(u1), np.cos(u1), np.sin(u2), np.cos(u2)
    lam = lon_diff.copy()
    done = np.zeros(len(lam), dtype=bool)
    for _ in range(200):
        sl, cl = np.sin(lam), np.cos(lam)
        s_sigma = np.hypot(cu2 * sl, cu1 * su2 - su1 * cu2 * cl)
        c_sigma = su1 * su2 + cu1 * cu2 * cl
        sigma = np.arctan2(s_sigma, c_sigma)
        s_alpha = np.divide(cu1 * cu2 * sl, s_sigma, out=np.zeros_like(sl), where=s_sigma > 0)
        c2_alpha = 1 - s_alpha ** 2
        c2_sm = np.divide(2 * su1 * su2, c2_alpha, out=np.zeros_like(sl), where=c2_alpha > 0)
        c2_sm = np.where(c2_alpha > 0, c_sigma - c2_sm, 0.0)
        c = f / 16 * c2_alpha * (4 + f * (4 - 3 * c2_alpha))
        new = lon_diff + (1 - c) * f * s_alpha * (
            sigma + c * s_sigma * (c2_sm + c * c_sigma * (-1 + 2 * c2_sm ** 2)))
        done = np.abs(new - lam) < 1e-12
        lam = new
        if done.all():
            break
    u_sq = c2_alpha * (a * a - b * b) / (b * b)
    big_a = 1 + u_sq / 16384 * (4096 + u_sq * (-768 + u_sq * (320 - 175 * u_sq)))
    big_b = u_sq / 1024 * (256 + u_sq * (-128 + u_sq * (74 - 47 * u_sq)))
    d_sigma = big_b * s_sigma * (c2_sm + big_b / 4 * (
        c_sigma * (-1 + 2 * c2_sm ** 2) - big_b / 6 * c2_sm * (-3 + 4 * s_sigma ** 2) * (-3 + 4 * c2_sm ** 2)))
    length = b * big_a * (sigma - d_sigma)
    if not done.all():
        length[~done] = _haversine(lon1[~done], lat1[~done], lon2[~done], lat2[~done], (2 * a + b) / 3)
    return length


def pair_distances(origins, destinations, points, *, geographic=False, method="ellipsoid",
                   ellipsoid=WGS84, unit="m"):
    """Distances between the points of the origins and destinations of pairs.

    Parameters
    ----------
    origins, destinations : sequence of str
        Territory codes of each pair, aligned.
    points : pandas.DataFrame or pandas.Series
        Indexed by territory code: columns ``x`` and ``y``, or shapely points
        (for instance :func:`.geometry.representative_points`).
    geographic : bool
        False: ``x, y`` are planar coordinates in metres (projected CRS), the
        distance is Euclidean. True: they are longitude and latitude in degrees.
    method : {"ellipsoid", "haversine"}
        For geographic points: the geodesic on ``ellipsoid`` (Vincenty) or the
        great circle on a sphere of the ellipsoid's mean radius.
    ellipsoid : (float, float)
        Semi-major axis (m) and flattening; WGS84 by default.
    unit : {"m", "km"}
        Unit of the result.

    Returns
    -------
    numpy.ndarray of float

    Examples
    --------
    >>> pts = pd.DataFrame({"x": [0.0, 3000.0], "y": [0.0, 4000.0]}, index=["A", "B"])
    >>> pair_distances(["A", "B"], ["B", "B"], pts, unit="km").tolist()
    [5.0, 0.0]
    >>> lonlat = pd.DataFrame({"x": [0.0, 1.0], "y": [0.0, 0.0]}, index=["P", "Q"])
    >>> round(float(pair_distances(["P"], ["Q"], lonlat, geographic=True)[0]), 2)
    111319.49
    """
    if unit not in ("m", "km"):
        raise InvalidValueError("unit must be 'm' or 'km'; given {unit!r}.", unit=unit)
    if method not in ("ellipsoid", "haversine"):
        raise InvalidValueError("method must be 'ellipsoid' or 'haversine'; given {method!r}.", method=method)
    origins = np.asarray(origins, dtype=object).astype(str)
    destinations = np.asarray(destinations, dtype=object).astype(str)
    if len(origins) != len(destinations):
        raise InvalidValueError("{n_origins} origins but {n_destinations} destinations were given.",
                                n_origins=len(origins), n_destinations=len(destinations))
    x1, y1 = _xy(points, origins)
    x2, y2 = _xy(points, destinations)
    if not geographic:
        length = np.hypot(x2 - x1, y2 - y1)
    else:
        if (np.abs(np.concatenate([y1, y2])) > 90).any() or (np.abs(np.concatenate([x1, x2])) > 360).any():
            raise InvalidValueError("Geographic points must be longitude and latitude in degrees; some "
                                    "latitudes exceed 90 or longitudes 360: is the layer projected?")
        lon1, lat1, lon2, lat2 = (np.radians(v) for v in (x1, y1, x2, y2))
        a, f = ellipsoid
        if method == "haversine":
            length = _haversine(lon1, lat1, lon2, lat2, a * (1 - f / 3))
        else:
            length = _vincenty(lon1, lat1, lon2, lat2, a, f)
    return length / 1000.0 if unit == "km" else length


def complete_pairs(flows, territory_ids, *, value="value", intrazonal=False, max_pairs=5_000_000):
    """Every ordered pair of territories, with the flows given and zeros elsewhere.

    A gravity model fitted on the listed (positive) flows only ignores every
    zero; this table lets the model see them. One flow type at a time: the
    ``flow_type`` column, if any, must hold a single value.

    Examples
    --------
    >>> flows = pd.DataFrame({"origin": ["A"], "destination": ["B"], "value": [5.0]})
    >>> complete_pairs(flows, ["A", "B", "C"])[["origin", "destination", "value"]].values.tolist()
    [['A', 'B', 5.0], ['A', 'C', 0.0], ['B', 'A', 0.0], ['B', 'C', 0.0], ['C', 'A', 0.0], ['C', 'B', 0.0]]
    """
    ids = pd.Index(np.asarray(territory_ids, dtype=object).astype(str))
    if ids.has_duplicates:
        raise InvalidValueError("Territory ids must be unique; repeated: {ids}.",
                                ids=first_labels(ids[ids.duplicated()]))
    n = len(ids)
    total = n * n if intrazonal else n * (n - 1)
    if total > max_pairs:
        raise InvalidValueError("{n} territories make {total:,} pairs, more than max_pairs={max_pairs:,}.", n=n,
                                total=total, max_pairs=max_pairs)
    kinds = pd.unique(flows["flow_type"]) if "flow_type" in flows.columns else ["flow"]
    if len(kinds) > 1:
        raise InvalidValueError("The flows hold several flow types ({kinds}): select one first.",
                                kinds=first_labels(kinds))
    o = ids.get_indexer(np.asarray(flows["origin"], dtype=object).astype(str))
    d = ids.get_indexer(np.asarray(flows["destination"], dtype=object).astype(str))
    if (o < 0).any() or (d < 0).any():
        raise InvalidValueError("{n_unknown} flows have codes that are not territories.",
                                n_unknown=int(((o < 0) | (d < 0)).sum()))
    volume = np.bincount(o.astype(np.int64) * n + d, weights=flows[value].to_numpy(float), minlength=n * n)
    oo, dd = np.divmod(np.arange(n * n), n)
    keep = np.ones(n * n, dtype=bool) if intrazonal else oo != dd
    return pd.DataFrame({"origin": pd.Categorical.from_codes(oo[keep], categories=ids),
                         "destination": pd.Categorical.from_codes(dd[keep], categories=ids),
                         "flow_type": kinds[0] if len(kinds) else "flow", "value": volume[keep]})


# ----------------------------------------------------------------------------- inputs

@dataclass
class _Data:
    labels: np.ndarray  # sorted territory codes
    o: np.ndarray  # positions in labels
    d: np.ndarray
    y: np.ndarray
    dist: np.ndarray
    rows: pd.Index  # input index of the modelled rows
    excluded: int


def _pairs_text(data, mask, limit=5):
    where = np.flatnonzero(mask)[:limit]
    text = [f"{data.labels[data.o[i]]}->{data.labels[data.d[i]]}" for i in where]
    rest = int(mask.sum()) - len(where)
    return ", ".join(text) + (f" and {rest} more" if rest > 0 else "")


def _column(flows, name, role):
    if name not in flows.columns:
        raise FieldNotFoundError("The {role} column '{name}' is not in the flow table; its columns are {columns}.",
                                 role=role, name=name, columns=first_labels(list(flows.columns), 12))
    return pd.to_numeric(flows[name], errors="coerce").to_numpy(dtype=float)


def _codes(values, role, index):
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    if (codes < 0).any():
        raise InvalidValueError("{n_missing} flows have no {role} code (rows {index}).",
                                n_missing=int((codes < 0).sum()), role=role, index=first_labels(index[codes < 0]))
    return codes, np.array([str(u) for u in np.asarray(uniques, dtype=object)], dtype=object)


def _prepare(flows, *, value, distance, flow_type, intrazonal):
    for name in ("origin", "destination"):
        if name not in flows.columns:
            raise FieldNotFoundError("The flow table needs an '{name}' column; its columns are {columns}.",
                                     name=name, columns=first_labels(list(flows.columns), 12))
    if len(flows) == 0:
        raise EmptyInputError("The flow table has no rows.")
    if "flow_type" in flows.columns:
        kinds = pd.unique(flows["flow_type"].astype(str))
        if flow_type is None and len(kinds) > 1:
            raise InvalidValueError("The flows hold {n_kinds} flow types ({kinds}): choose one with flow_type=.",
                                    n_kinds=len(kinds), kinds=first_labels(sorted(kinds)))
        if flow_type is not None:
            if str(flow_type) not in set(kinds):
                raise InvalidValueError("No flow of type '{flow_type}'; the types are {kinds}.",
                                        flow_type=flow_type, kinds=first_labels(sorted(kinds)))
            flows = flows[(flows["flow_type"].astype(str) == str(flow_type)).to_numpy()]
    y, dist = _column(flows, value, "flow"), _column(flows, distance, "distance")
    oc, olab = _codes(flows["origin"], "origin", flows.index)
    dc, dlab = _codes(flows["destination"], "destination", flows.index)
    labels = np.unique(np.concatenate([olab, dlab]))
    o = np.searchsorted(labels, olab)[oc]
    d = np.searchsorted(labels, dlab)[dc]
    data = _Data(labels, o, d, y, dist, flows.index, 0)
    key = o.astype(np.int64) * len(labels) + d
    repeated = pd.Series(key).duplicated(keep=False).to_numpy()
    if repeated.any():
        raise InvalidValueError("{n_repeated} rows repeat a pair ({pairs}): give one row per origin and "
                                "destination.", n_repeated=int(repeated.sum()),
                                pairs=_pairs_text(data, repeated))
    keep = np.ones(len(y), dtype=bool) if intrazonal else o != d
    data.excluded = int((~keep).sum())
    return _subset(data, keep), flows[keep] if data.excluded else flows


def _subset(data, keep):
    return _Data(data.labels, data.o[keep], data.d[keep], data.y[keep], data.dist[keep], data.rows[keep],
                 data.excluded)


def _check_values(data, decay):
    if len(data.y) == 0:
        raise EmptyInputError("No pair is left to model (intrazonal pairs are left out unless "
                              "intrazonal=True).")
    for label, mask in (("a missing or non-numeric flow", np.isnan(data.y)),
                        ("a negative flow", data.y < 0), ("an infinite flow", np.isinf(data.y)),
                        ("a missing distance", np.isnan(data.dist)), ("a negative distance", data.dist < 0),
                        ("an infinite distance", np.isinf(data.dist))):
        if mask.any():
            raise InvalidValueError("{n_pairs} pairs have {label}: {pairs}.", n_pairs=int(mask.sum()),
                                    label=label, pairs=_pairs_text(data, mask))
    if decay == "power" and (data.dist <= 0).any():
        mask = data.dist <= 0
        raise InvalidValueError("Power decay takes the logarithm of distance, which must be positive; {n_pairs} "
                                "pairs have a zero distance: {pairs}. Use exponential decay or positive "
                                "distances.", n_pairs=int(mask.sum()),
                                pairs=_pairs_text(data, mask))
    if not (data.y > 0).any():
        raise InvalidValueError("Every flow is zero: there is nothing to fit.")


def _mass(flows, data, mass, side):
    """log of a mass given as a column of the flows or a Series indexed by territory code."""
    positions = data.o if side == "origin" else data.d
    if isinstance(mass, str):
        values, name = _column(flows, mass, f"{side} mass"), mass
    else:
        series = pd.Series(mass)
        index = pd.Index(np.asarray(series.index, dtype=object).astype(str))
        if index.has_duplicates:
            raise InvalidValueError("The {side} masses repeat territories: {index}.", side=side,
                                    index=first_labels(index[index.duplicated()]))
        found = index.get_indexer(data.labels)
        per_label = np.where(found >= 0, pd.to_numeric(series, errors="coerce").to_numpy(float)[found], np.nan)
        values, name = per_label[positions], str(series.name or f"{side}_mass")
        unknown = np.isnan(values)
        if unknown.any():
            raise InvalidValueError("{n_unknown} {side}s have no {side} mass: {labels}.",
                                    n_unknown=len(np.unique(positions[unknown])), side=side,
                                    labels=first_labels(data.labels[np.unique(positions[unknown])]))
    bad = ~(values > 0) | np.isinf(values)
    if bad.any():
        raise InvalidValueError("The {side} mass '{name}' must be positive and finite (its logarithm is a "
                                "regressor); {n_bad} pairs have {kinds} values: {pairs}.",
                                side=side, name=name, n_bad=int(bad.sum()),
                                kinds=', '.join(sorted({_describe(v) for v in values[bad]})),
                                pairs=_pairs_text(data, bad))
    return np.log(values), name


def _describe(v):
    return "missing" if np.isnan(v) else "infinite" if np.isinf(v) else "zero" if v == 0 else "negative"


def _regressors(flows, data, family, decay, constant, origin_mass, destination_mass):
    """Regressors other than fixed effects: matrix, and (name, symbol, description) of each column."""
    columns, labels = [], []
    if family == "unconstrained" and constant:
        columns.append(np.ones(len(data.y)))
        labels.append(("intercept", "k", "1"))
    for side, mass, symbol, allowed in (("origin", origin_mass, "mu", ("unconstrained", "attraction")),
                                        ("destination", destination_mass, "alpha",
                                         ("unconstrained", "production"))):
        if mass is None:
            continue
        if family not in allowed:
            if side == "origin":
                raise InvalidValueError("The {family}-constrained model has origin effects: it cannot also take "
                                        "an origin mass; leave origin_mass empty.", family=family)
            raise InvalidValueError("The {family}-constrained model has destination effects: it cannot also take "
                                    "a destination mass; leave destination_mass empty.", family=family)
        log_mass, name = _mass(flows, data, mass, side)
        columns.append(log_mass)
        labels.append((f"{side}_mass", symbol, f"log({name})"))
    columns.append(np.log(data.dist) if decay == "power" else data.dist)
    labels.append(("distance", "beta", "log(distance)" if decay == "power" else "distance"))
    return np.column_stack(columns), labels


def _groups(data, family):
    """Compact origin and destination indices of the modelled pairs, checked for zero totals."""
    uo, o = np.unique(data.o, return_inverse=True)
    ud, d = np.unique(data.d, return_inverse=True)
    for side, idx, uniq, needed in (("origin", o, uo, ("production", "doubly")),
                                    ("destination", d, ud, ("attraction", "doubly"))):
        if family in needed:
            empty = np.bincount(idx, weights=data.y, minlength=len(uniq)) <= 0
            if empty.any():
                params = dict(family=family, n_empty=int(empty.sum()), labels=first_labels(data.labels[uniq[empty]]))
                if side == "origin":
                    raise InvalidValueError("A {family}-constrained model needs a positive total flow for every "
                                            "origin (its origin effect would be minus infinity); {n_empty} origins "
                                            "have only zero flows: {labels}. Remove their pairs or use another "
                                            "model.", **params)
                raise InvalidValueError("A {family}-constrained model needs a positive total flow for every "
                                        "destination (its destination effect would be minus infinity); {n_empty} "
                                        "destinations have only zero flows: {labels}. Remove their pairs or use "
                                        "another model.", **params)
    return o, d, data.labels[uo], data.labels[ud]


def _components(o, d, n_o, n_d):
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    graph = coo_matrix((np.ones(len(o)), (o, n_o + d)), shape=(n_o + n_d, n_o + n_d))
    return connected_components(graph, directed=False)[0]


# ----------------------------------------------------------------------------- estimation

def _newton(x, evaluate, solve, *, tol, max_iter, what):
    """Minimise a convex function by Newton steps with backtracking.

    ``evaluate(x)`` returns ``(f, gradient, state)`` and ``solve(state, gradient,
    g0)`` an approximation of ``-H^-1 gradient``. Stops when half the Newton
    decrement, the expected gain in log-likelihood, is below ``tol`` (the last
    step is still taken).
    """
    f, grad, state = evaluate(x)
    g0 = None
    for iteration in range(1, max_iter + 1):
        step, g0 = solve(state, grad, g0)
        decrement = -_dot(grad, step)
        if not np.isfinite(decrement) or decrement < 0:
            raise ConvergenceError("The {what} went astray at iteration {iteration} (the Newton system is not "
                                   "positive definite): are some regressors collinear?",
                                   what=what, iteration=iteration)
        converged = decrement / 2 <= tol
        alpha = 1.0
        while True:
            f_new, grad_new, state_new = evaluate(x + alpha * step)
            if np.isfinite(f_new) and (converged or f_new <= f - 1e-4 * alpha * decrement + 1e-12 * abs(f)):
                break
            alpha /= 2
            if alpha < 1e-10:
                if decrement / 2 <= 1e-6:  # no measurable progress left: rounding limits the fit
                    return x, state, iteration
                raise ConvergenceError("The {what} could not improve the likelihood at iteration {iteration}; "
                                       "the model may not be identified by these flows.",
                                       what=what, iteration=iteration)
        x, f, grad, state = x + alpha * step, f_new, grad_new, state_new
        if converged:
            return x, state, iteration
    raise ConvergenceError("The {what} did not converge in {max_iter} iterations (expected gain still "
                           "{half_decrement:.3g}); raise max_iter or check the flows.", what=what,
                           max_iter=max_iter, half_decrement=decrement / 2)


def _pcg(apply, rhs, diag, *, rtol, max_iter=10000):
    """Jacobi-preconditioned conjugate gradients; works on consistent singular systems too."""
    x = np.zeros_like(rhs)
    r = rhs.copy()
    z = r / diag
    p = z.copy()
    rz = rz0 = _dot(r, z)
    iterations = 0
    while rz > rtol ** 2 * rz0 and iterations < max_iter:
        iterations += 1
        ap = apply(p)
        pap = _dot(p, ap)
        if pap <= 0:
            break
        alpha = rz / pap
        x += alpha * p
        r -= alpha * ap
        z = r / diag
        rz, rz_old = _dot(r, z), rz
        p = z + (rz / rz_old) * p
    return x, iterations, (rz / rz0) ** 0.5 if rz0 > 0 else 0.0


def _fit_irls(y, X, *, tol, max_iter):
    """Poisson GLM with log link by Fisher scoring (IRLS), dense normal equations."""

    def evaluate(beta):
        eta = _times(X, beta)
        mu = np.exp(np.minimum(eta, 700.0))
        return float(np.sum(mu - y * eta)), _times_t(X, mu - y), mu

    def solve(mu, grad, g0):
        return -_solve_spd(_weighted_gram(X, mu), grad), g0

    start = (y + y.mean()) / 2  # statsmodels' start; the first step is the usual WLS on log(start)
    beta0 = _solve_spd(_weighted_gram(X, start), _times_t(X, start * np.log(start)))
    beta, mu, iterations = _newton(beta0, evaluate, solve, tol=tol, max_iter=max_iter, what="IRLS estimation")
    return beta, mu, iterations


# Small products go through einsum, not BLAS: a threaded BLAS call on short vectors costs
# milliseconds on a busy machine, and conjugate gradients make thousands of them.
def _dot(a, b):
    return float(np.einsum("i,i->", a, b))


def _times(X, beta):
    return X @ beta if hasattr(X, "tocsr") else np.einsum("nk,k->n", X, beta)


def _times_t(X, v):
    return X.T @ v if hasattr(X, "tocsr") else np.einsum("nk,n->k", X, v)


def _weighted_gram(X, w):
    """X' diag(w) X as a dense array."""
    if hasattr(X, "tocsr"):
        return np.asarray((X.T @ X.multiply(w[:, None]).tocsr()).toarray())
    return np.einsum("nk,nj->kj", X, X * w[:, None])


def _solve_spd(h, rhs):
    """Solve ``h x = rhs`` for a symmetric positive definite ``h``; refuse a (nearly) singular one."""
    from scipy.linalg import cho_solve

    scale = np.sqrt(np.where(np.diag(h) > 0, np.diag(h), 1.0))
    try:
        chol = np.linalg.cholesky(h / scale[:, None] / scale[None, :])
    except np.linalg.LinAlgError:
        chol = None
    if chol is None or np.min(np.diag(chol)) ** 2 < 1e-12 * np.max(np.diag(chol)) ** 2:
        raise InvalidValueError("The regressors are collinear (the information matrix is singular): a mass "
                                "or the distance is constant or explained by the fixed effects (a "
                                "doubly-constrained model needs four territories or more when distances "
                                "are symmetric).")
    scale = scale if np.ndim(rhs) == 1 else scale[:, None]
    return cho_solve((chol, True), np.asarray(rhs) / scale) / scale


def _fit_profiled(y, g, h, Z, *, tol, max_iter):
    """Poisson MLE with the g-side effects in closed form and the h-side effects (if any) and the
    regressors ``Z`` by Newton-CG. Returns fitted values, log effects, parameters and their information."""
    order = np.argsort(g, kind="stable")
    y, g = y[order], g[order]
    zt = np.ascontiguousarray(Z[order].T)  # one contiguous row per regressor: fast products when p is small
    h = None if h is None else h[order].astype(np.int32)
    counts = np.bincount(g)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    totals = np.add.reduceat(y, starts)
    nh, p = (0 if h is None else int(h.max()) + 1), zt.shape[0]
    h_totals = np.bincount(h, weights=y, minlength=nh) if nh else np.zeros(0)
    zy = np.einsum("kn,n->k", zt, y)
    cg = [0]

    def evaluate(x):
        eta = np.einsum("k,kn->n", x[nh:], zt) + (x[:nh][h] if nh else 0.0)
        top = np.maximum.reduceat(eta, starts)
        e = np.exp(eta - np.repeat(top, counts))
        sums = np.add.reduceat(e, starts)
        f = _dot(totals, top + np.log(sums)) - _dot(zy, x[nh:]) - (_dot(h_totals, x[:nh]) if nh else 0.0)
        mu = np.repeat(totals / sums, counts) * e
        grad = np.einsum("kn,n->k", zt, mu - y)
        if nh:
            grad = np.concatenate((np.bincount(h, weights=mu, minlength=nh) - h_totals, grad))
        return f, grad, (mu, np.log(totals) - top - np.log(sums))

    def solve(state, grad, g0):
        apply, diag, full = _information(state[0], h, nh, zt, starts, counts, totals)
        if _small(nh + p, len(y)):
            dense = np.column_stack([apply(_unit(nh + p, j)) for j in range(nh + p)])
            return -np.linalg.lstsq(dense, grad, rcond=None)[0], g0
        damping = 1e-9 * full  # bounds the steps along (nearly) unidentified directions
        gnorm = _dot(grad, grad / diag) ** 0.5
        g0 = gnorm if g0 is None else g0
        step, its, _ = _pcg(lambda v: apply(v) + damping * v, -grad, diag,
                            rtol=max(1e-12, min(0.1, gnorm / g0)))
        cg[0] += its
        return step, g0

    # Start from the independence model T_ij ~ O_i D_j: destination effects log D_j, no distance effect.
    start = np.concatenate((np.log(h_totals), np.zeros(p)))
    x, (mu, log_a), iterations = _newton(start, evaluate, solve, tol=tol, max_iter=max_iter, what="estimation")
    apply, diag, _ = _information(mu, h, nh, zt, starts, counts, totals)
    info = _theta_information(apply, diag, nh, p, cg, small=_small(nh, len(y)))
    back = np.empty_like(order)
    back[order] = np.arange(len(order))
    return mu[back], log_a, x[:nh], x[nh:], info, iterations, cg[0]


def _information(mu, h, nh, zt, starts, counts, totals):
    """Fisher information on (h-side effects, regressors) once the g-side effects are profiled out.

    Returns its product with a vector, its diagonal (floored: effects seen only
    through pairs whose other side fixes them carry almost no information) and
    the diagonal before profiling. ``zt`` holds the regressors as rows.
    """
    import scipy.sparse as sp

    mz = mu * zt
    s = np.add.reduceat(mz, starts, axis=1)
    zwz = np.einsum("kn,jn->kj", zt, mz)
    diag_t = np.diag(zwz) - (s ** 2 / totals).sum(1)
    if not nh:
        info = zwz - np.einsum("kn,jn->kj", s / totals, s)
        return (lambda v: info @ v), np.maximum(diag_t, 1e-300), np.diag(zwz)
    indptr = np.concatenate(([0], np.cumsum(counts)))
    m = sp.csr_matrix((mu, h, indptr), shape=(len(totals), nh))
    mt = m.T
    d_hat = np.bincount(h, weights=mu, minlength=nh)
    cz = np.stack([np.bincount(h, weights=row, minlength=nh) for row in mz])

    def apply(v):
        vb, vt = v[:nh], v[nh:]
        q = (m @ vb + np.einsum("k,kn->n", vt, s)) / totals
        return np.concatenate((d_hat * vb + np.einsum("k,kn->n", vt, cz) - mt @ q,
                               np.einsum("kn,n->k", cz, vb) + zwz @ vt - np.einsum("kn,n->k", s, q)))

    diag_b = d_hat - np.bincount(h, weights=mu * mu / np.repeat(totals, counts), minlength=nh)
    full = np.concatenate((d_hat, np.diag(zwz)))
    return apply, np.maximum(np.concatenate((diag_b, diag_t)), 1e-6 * full + 1e-300), full


def _unit(size, j):
    out = np.zeros(size)
    out[j] = 1.0
    return out


def _small(size, n):
    """Whether a Newton system is small enough to be formed and solved directly."""
    return size <= _DENSE_STEP and size * n <= 5_000_000


def _theta_information(apply, diag, nh, p, cg, *, small):
    """Information on the regressors once every fixed effect is profiled out (a Schur complement)."""
    cols = np.column_stack([apply(_unit(nh + p, nh + k)) for k in range(p)])
    h_bt, h_tt = cols[:nh], cols[nh:]
    if not nh:
        return h_tt
    if small:
        h_bb = np.column_stack([apply(_unit(nh + p, j))[:nh] for j in range(nh)])
        u = np.linalg.lstsq(h_bb, h_bt, rcond=None)[0]
    else:
        u = np.zeros_like(h_bt)
        for k in range(p):
            u[:, k], its, residual = _pcg(lambda v: apply(np.concatenate((v, np.zeros(p))))[:nh],
                                          h_bt[:, k], diag[:nh], rtol=1e-10)
            cg[0] += its
            if residual > 1e-6:
                raise ConvergenceError("The standard errors could not be computed: the conjugate gradient solve "
                                       "stopped at a relative residual of {residual:.2g}.",
                                       residual=residual)
    return h_tt - h_bt.T @ u


def _design(o, d, n_o, n_d, Z, family, constant):
    """spint's design matrix: [intercept], origin dummies, destination dummies, regressors (sparse)."""
    import scipy.sparse as sp

    n = len(o)
    blocks = []
    if constant and family != "unconstrained":
        blocks.append(sp.csr_matrix(np.ones((n, 1))))
    if family in ("production", "doubly"):
        dummies = sp.csr_matrix((np.ones(n), (np.arange(n), o)), shape=(n, n_o))
        blocks.append(dummies[:, 1:] if constant else dummies)
    if family in ("attraction", "doubly"):
        dummies = sp.csr_matrix((np.ones(n), (np.arange(n), d)), shape=(n, n_d))
        blocks.append(dummies[:, 1:] if constant or family == "doubly" else dummies)
    blocks.append(sp.csr_matrix(Z))
    return sp.hstack(blocks).tocsr()


def _effect_labels(family, constant, o_labels, d_labels):
    """(kind, territory) of each fixed-effect column of the design, spint's order."""
    out = [("intercept", None)] if constant and family != "unconstrained" else []
    if family in ("production", "doubly"):
        out += [("origin", c) for c in (o_labels[1:] if constant else o_labels)]
    if family in ("attraction", "doubly"):
        out += [("destination", c) for c in (d_labels[1:] if constant or family == "doubly" else d_labels)]
    return out


def _effects_from_profile(family, constant, log_a, b):
    """Profiled effects (closed-form side ``log_a``, Newton side ``b``) in spint's parametrisation."""
    if family != "doubly":
        return np.concatenate(([log_a[0]], log_a[1:] - log_a[0])) if constant else log_a
    a = log_a
    if constant:
        return np.concatenate(([a[0] + b[0]], a[1:] - a[0], b[1:] - b[0]))
    return np.concatenate((a + b[0], b[1:] - b[0]))


# ----------------------------------------------------------------------------- statistics and API

def fit_statistics(observed, expected, n_parameters):
    """Goodness of fit of expected flows, as spint and statsmodels define it.

    Examples
    --------
    >>> s = fit_statistics([2.0, 0.0, 4.0], [2.0, 1.0, 3.0], 2)
    >>> round(s["srmse"], 4), round(s["ssi"], 4)
    (0.4082, 0.619)
    """
    from scipy.special import gammaln, xlogy

    y, mu = np.asarray(observed, dtype=float), np.asarray(expected, dtype=float)
    n, k = len(y), int(n_parameters)
    mean = y.mean()
    llf = float(np.sum(xlogy(y, mu) - mu - gammaln(y + 1)))
    llnull = float(np.sum(xlogy(y, mean) - mean - gammaln(y + 1)))
    deviance = 2 * float(np.sum(xlogy(y, y) - xlogy(y, mu) - (y - mu)))
    null_deviance = 2 * float(np.sum(xlogy(y, y) - xlogy(y, mean)))
    d2 = 1 - deviance / null_deviance if null_deviance > 0 else np.nan
    both = y + mu
    ssi = np.divide(2 * np.minimum(y, mu), both, out=np.zeros(n), where=both > 0)
    return {
        "n_pairs": n, "n_parameters": k,
        "log_likelihood": llf, "null_log_likelihood": llnull,
        "deviance": deviance, "null_deviance": null_deviance,
        "aic": -2 * llf + 2 * k,
        "pseudo_r2": 1 - llf / llnull if llnull != 0 else np.nan,
        "adj_pseudo_r2": 1 - (llf - k) / llnull if llnull != 0 else np.nan,
        "d2": d2, "adj_d2": 1 - (n - 1) / (n - k) * (1 - d2) if n > k else np.nan,
        "srmse": float(np.sqrt(np.mean((y - mu) ** 2)) / mean) if mean > 0 else np.nan,
        "ssi": float(ssi.mean()),
    }


def _normalise(family, decay, method):
    if family not in FAMILIES:
        raise InvalidValueError("family must be one of {families}; given {family!r}.", families=', '.join(FAMILIES),
                                family=family)
    if decay not in _DECAY_ALIASES:
        raise InvalidValueError("decay must be 'power' or 'exponential'; given {decay!r}.", decay=decay)
    if method not in ("auto", "profile", "irls"):
        raise InvalidValueError("method must be 'auto', 'profile' or 'irls'; given {method!r}.", method=method)
    if method == "auto":
        method = "irls" if family == "unconstrained" else "profile"
    if method == "profile" and family == "unconstrained":
        method = "irls"  # nothing to profile out
    return _DECAY_ALIASES[decay], method


def _param_table(labels, estimate, cov):
    from scipy.special import erfc

    names, symbols, texts = (list(column) for column in zip(*labels))
    se = np.sqrt(np.clip(np.diag(cov), 0, None))
    z = np.divide(estimate, se, out=np.full(len(se), np.nan), where=se > 0)
    table = pd.DataFrame({"symbol": symbols, "regressor": texts, "estimate": estimate, "std_err": se,
                          "z": z, "p_value": erfc(np.abs(z) / np.sqrt(2))},
                         index=pd.Index(names, name="parameter"))
    return table, pd.DataFrame(cov, index=table.index, columns=table.index)


def _effects_table(labels, estimates, std_err, family, constant, o_labels, d_labels):
    rows = [(kind, code, est, se, False) for (kind, code), est, se in zip(labels, estimates, std_err)]
    if family in ("production", "doubly") and constant:
        rows.insert(1, ("origin", o_labels[0], 0.0, np.nan, True))
    if family in ("attraction", "doubly") and (constant or family == "doubly"):
        position = next((i for i, row in enumerate(rows) if row[0] == "destination"), len(rows))
        rows.insert(position, ("destination", d_labels[0], 0.0, np.nan, True))
    table = pd.DataFrame(rows, columns=["kind", "territory", "estimate", "std_err", "reference"])
    return table.astype({"kind": object, "territory": object, "estimate": float, "std_err": float,
                         "reference": bool})


def _estimate(y, o, d, Z, *, family, constant, method, n_effects, components, tol, max_iter, max_dense):
    """Fitted values, fixed effects, parameters, their covariance and the fixed effects' standard errors."""
    n_o, n_d, p = int(o.max()) + 1, int(d.max()) + 1, Z.shape[1]
    X, cg = None, 0
    if method == "irls":
        if components > 1:
            raise InvalidValueError("method='irls' needs the pairs to link every territory (their fixed effects "
                                    "are not identified across the {components} separate groups): use "
                                    "method='profile'.", components=components)
        if n_effects + p > max_dense:
            raise InvalidValueError("method='irls' handles at most max_dense={max_dense} parameters; this model "
                                    "has {n_parameters}: use method='profile'.",
                                    max_dense=max_dense, n_parameters=n_effects + p)
        X = Z if family == "unconstrained" else _design(o, d, n_o, n_d, Z, family, constant)
        beta, mu, iterations = _fit_irls(y, X, tol=tol, max_iter=max_iter)
        effects, theta = beta[:n_effects], beta[n_effects:]
    else:
        g, h = (d, None) if family == "attraction" else (o, d if family == "doubly" else None)
        mu, log_a, b, theta, info, iterations, cg = _fit_profiled(y, g, h, Z, tol=tol, max_iter=max_iter)
        effects = _effects_from_profile(family, constant, log_a, b)
    if n_effects + p <= max_dense and components == 1:
        X = X if X is not None else _design(o, d, n_o, n_d, Z, family, constant)
        cov_full = _solve_spd(_weighted_gram(X, mu), np.eye(n_effects + p))
        cov = cov_full[n_effects:, n_effects:]
        effect_se = np.sqrt(np.clip(np.diag(cov_full)[:n_effects], 0, None))
    else:
        cov, effect_se = _solve_spd(info, np.eye(p)), np.full(n_effects, np.nan)
    return mu, effects, theta, cov, effect_se, iterations, cg


def fit_gravity(flows, *, family="doubly", decay="power", distance="distance", value="value",
                origin_mass=None, destination_mass=None, flow_type=None, intrazonal=False,
                constant=True, method="auto", tol=1e-10, max_iter=100, max_dense=2000):
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

    Returns
    -------
    GravityFit

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
    data, rows = _prepare(flows, value=value, distance=distance, flow_type=flow_type, intrazonal=intrazonal)
    _check_values(data, decay)
    Z, labels = _regressors(rows, data, family, decay, constant, origin_mass, destination_mass)
    o, d, o_labels, d_labels = _groups(data, family)
    warnings = []
    components = _components(o, d, len(o_labels), len(d_labels)) if family == "doubly" else 1
    if components > 1:
        warnings.append(f"The pairs form {components} groups of territories with no flow between them: "
                        "fixed effects compare only within a group.")
    effect_labels = _effect_labels(family, constant, o_labels, d_labels)
    k = len(effect_labels) + Z.shape[1] - (components - 1)
    if len(data.y) < k:
        raise InvalidValueError("The model has {k} parameters but only {n_y} pairs.", k=k, n_y=len(data.y))
    mu, effects, theta, cov, effect_se, iterations, cg = _estimate(
        data.y, o, d, Z, family=family, constant=constant, method=method, n_effects=len(effect_labels),
        components=components, tol=tol, max_iter=max_iter, max_dense=max_dense)
    params, cov = _param_table(labels, theta, cov)
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
                      _effects_table(effect_labels, effects, effect_se, family, constant, o_labels, d_labels),
                      cov, pairs, stats, options, warnings)


def _option(mass):
    return mass if mass is None or isinstance(mass, str) else f"<series {getattr(mass, 'name', None)}>"
