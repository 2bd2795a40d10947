"""Poisson maximum likelihood for spatial interaction models: IRLS, or fixed effects profiled out.

Estimation is Poisson maximum likelihood (Flowerdew and Aitkin 1982), with the
parametrisation of PySAL's spint (see :mod:`.families`). Two methods, with the
same maximum-likelihood estimates:

- ``irls``: the Poisson GLM with log link on spint's design matrix (dummies for
  the fixed effects), by Fisher scoring (IRLS) from statsmodels' start, with
  dense normal equations; at most ``max_dense`` parameters, and the pairs must
  link every territory;
- ``profile``: the balancing-factor formulation. The origin (or destination)
  effects are profiled out in closed form; the other side's effects and the
  other parameters are found by Newton's method, whose linear systems are solved
  directly when small and by Jacobi-preconditioned conjugate gradients at
  national scale. Its fitted flows reproduce the observed totals ``O_i`` and/or
  ``D_j`` exactly.

Newton's method stops when half the Newton decrement, the expected gain in
log-likelihood, is below ``tol``. Standard errors come from the inverse Fisher
information with scale 1 (a Poisson model: with overdispersed flows they are too
small); beyond ``max_dense`` parameters, only those of the regressors, from the
information with every fixed effect profiled out (a Schur complement).

What is refused: collinear regressors (a singular information matrix), a
Newton system that is not positive definite, no progress in the likelihood, no
convergence in ``max_iter`` iterations (:class:`.errors.ConvergenceError`).
"""

from __future__ import annotations

import numpy as np

from ..errors import ConvergenceError, InvalidValueError
from ..progress import Ticker
from .families import design_matrix, effects_from_profile

_DENSE_STEP = 500  # Newton systems up to this size are solved directly


def _newton(x, evaluate, solve, *, tol, max_iter, what, tick=None):
    """Minimise a convex function by Newton steps with backtracking.

    ``evaluate(x)`` returns ``(f, gradient, state)`` and ``solve(state, gradient,
    g0)`` an approximation of ``-H^-1 gradient``. Stops when half the Newton
    decrement, the expected gain in log-likelihood, is below ``tol`` (the last
    step is still taken). ``tick`` (:class:`..progress.Ticker`) is told,
    after each iteration, how far the decrement has come down from the first
    one towards ``tol`` (on a log scale), and may stop the fit.
    """
    tick = tick or Ticker()
    f, grad, state = evaluate(x)
    g0 = first = None
    for iteration in range(1, max_iter + 1):
        tick.check()
        step, g0 = solve(state, grad, g0)
        decrement = -_dot(grad, step)
        first = decrement if first is None else first
        if np.isfinite(decrement) and first > 2 * tol and decrement > 0:
            tick.report(np.log(first / decrement) / np.log(first / (2 * tol)))
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


def _pcg(apply, rhs, diag, *, rtol, max_iter=10000, tick=None):
    """Jacobi-preconditioned conjugate gradients; works on consistent singular systems too.

    ``tick`` (:class:`..progress.Ticker`), when given, may stop it every 64 iterations."""
    x = np.zeros_like(rhs)
    r = rhs.copy()
    z = r / diag
    p = z.copy()
    rz = rz0 = _dot(r, z)
    iterations = 0
    while rz > rtol ** 2 * rz0 and iterations < max_iter:
        iterations += 1
        if tick is not None and iterations % 64 == 0:
            tick.check()
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


def _fit_irls(y, X, *, tol, max_iter, tick=None):
    """Poisson GLM with log link by Fisher scoring (IRLS), dense normal equations."""

    def evaluate(beta):
        eta = _times(X, beta)
        mu = np.exp(np.minimum(eta, 700.0))
        return float(np.sum(mu - y * eta)), _times_t(X, mu - y), mu

    def solve(mu, grad, g0):
        return -_solve_spd(_weighted_gram(X, mu), grad), g0

    start = (y + y.mean()) / 2  # statsmodels' start; the first step is the usual WLS on log(start)
    beta0 = _solve_spd(_weighted_gram(X, start), _times_t(X, start * np.log(start)))
    beta, mu, iterations = _newton(beta0, evaluate, solve, tol=tol, max_iter=max_iter, what="IRLS estimation",
                                   tick=tick)
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


def _fit_profiled(y, g, h, Z, *, tol, max_iter, tick=None):
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
                            rtol=max(1e-12, min(0.1, gnorm / g0)), tick=tick)
        cg[0] += its
        return step, g0

    # Start from the independence model T_ij ~ O_i D_j: destination effects log D_j, no distance effect.
    start = np.concatenate((np.log(h_totals), np.zeros(p)))
    x, (mu, log_a), iterations = _newton(start, evaluate, solve, tol=tol, max_iter=max_iter, what="estimation",
                                         tick=tick)
    apply, diag, _ = _information(mu, h, nh, zt, starts, counts, totals)
    info = _theta_information(apply, diag, nh, p, cg, small=_small(nh, len(y)), tick=tick)
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


def _theta_information(apply, diag, nh, p, cg, *, small, tick=None):
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
                                          h_bt[:, k], diag[:nh], rtol=1e-10, tick=tick)
            cg[0] += its
            if residual > 1e-6:
                raise ConvergenceError("The standard errors could not be computed: the conjugate gradient solve "
                                       "stopped at a relative residual of {residual:.2g}.",
                                       residual=residual)
    return h_tt - h_bt.T @ u


def fit_poisson(y, o, d, Z, *, family, constant, method, n_effects, components, tol, max_iter, max_dense,
                tick=None):
    """Fit one model of the family by Poisson maximum likelihood.

    ``y`` holds the flows, ``o`` and ``d`` the compact origin and destination
    indices of the pairs (:func:`.families.constrained_groups`), ``Z`` the
    regressors (:func:`.families.regressors`); ``n_effects`` counts the fixed
    effects of spint's design and ``components`` the groups of linked
    territories. ``method`` is ``"irls"`` or ``"profile"`` (module docstring).

    Returns ``(mu, effects, theta, cov, effect_se, iterations, cg_iterations)``:
    fitted values, fixed effects (spint's parametrisation), parameters of the
    regressors, their covariance, the fixed effects' standard errors (NaN beyond
    ``max_dense`` parameters or with several components), Newton iterations and
    conjugate gradient iterations. ``tick`` (:class:`..progress.Ticker`)
    is told the progress of the iterations and raises
    :class:`..progress.Canceled` between them when the user canceled.
    """
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
        X = Z if family == "unconstrained" else design_matrix(o, d, n_o, n_d, Z, family, constant)
        beta, mu, iterations = _fit_irls(y, X, tol=tol, max_iter=max_iter, tick=tick)
        effects, theta = beta[:n_effects], beta[n_effects:]
    else:
        g, h = (d, None) if family == "attraction" else (o, d if family == "doubly" else None)
        mu, log_a, b, theta, info, iterations, cg = _fit_profiled(y, g, h, Z, tol=tol, max_iter=max_iter,
                                                                  tick=tick)
        effects = effects_from_profile(family, constant, log_a, b)
    if n_effects + p <= max_dense and components == 1:
        X = X if X is not None else design_matrix(o, d, n_o, n_d, Z, family, constant)
        cov_full = _solve_spd(_weighted_gram(X, mu), np.eye(n_effects + p))
        cov = cov_full[n_effects:, n_effects:]
        effect_se = np.sqrt(np.clip(np.diag(cov_full)[:n_effects], 0, None))
    else:
        cov, effect_se = _solve_spd(info, np.eye(p)), np.full(n_effects, np.nan)
    return mu, effects, theta, cov, effect_se, iterations, cg
