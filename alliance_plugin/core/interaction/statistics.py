"""Goodness of fit of a spatial interaction model, and its table of parameters.

Statistics as PySAL's spint (Oshan 2016) and statsmodels define them, for
observed flows ``T``, fitted flows ``That``, ``n`` pairs and ``k`` estimated
parameters (fixed effects included):

- log-likelihood of the Poisson model, keeping the ``-log Gamma(T + 1)`` term
  (volumes need not be integers), and of the null model (every flow at the mean);
- deviance ``2 sum(T log(T / That) - (T - That))`` and null deviance;
- McFadden's pseudo R2 ``1 - llf / llnull`` and its adjusted form
  ``1 - (llf - k) / llnull``;
- deviance explained ``D2 = 1 - deviance / null deviance`` and its adjusted form
  ``1 - (n - 1) / (n - k) (1 - D2)``;
- AIC ``-2 llf + 2k``;
- SRMSE ``sqrt(mean((T - That)^2)) / mean(T)``;
- Sorensen similarity index ``mean(2 min(T, That) / (T + That))`` (a pair with
  ``T + That = 0`` counts 0).

Parameters get standard errors from their covariance (the inverse Fisher
information, scale 1), z-values and two-sided normal p-values.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


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


def parameter_table(labels, estimate, cov):
    """The parameters as a table, and their covariance as a DataFrame with the same index.

    ``labels`` holds ``(name, symbol, regressor)`` per parameter; the table
    (index ``parameter``) has columns ``symbol, regressor, estimate, std_err,
    z, p_value``, the p-value two-sided under the normal distribution.

    Examples
    --------
    >>> table, cov = parameter_table([("distance", "beta", "distance")], np.array([-2.0]), np.array([[1.0]]))
    >>> [float(v) for v in table.loc["distance", ["std_err", "z"]]], round(float(table.loc["distance", "p_value"]), 4)
    ([1.0, -2.0], 0.0455)
    """
    from scipy.special import erfc

    names, symbols, texts = (list(column) for column in zip(*labels))
    se = np.sqrt(np.clip(np.diag(cov), 0, None))
    z = np.divide(estimate, se, out=np.full(len(se), np.nan), where=se > 0)
    table = pd.DataFrame({"symbol": symbols, "regressor": texts, "estimate": estimate, "std_err": se,
                          "z": z, "p_value": erfc(np.abs(z) / np.sqrt(2))},
                         index=pd.Index(names, name="parameter"))
    return table, pd.DataFrame(cov, index=table.index, columns=table.index)
