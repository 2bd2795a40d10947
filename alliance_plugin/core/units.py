"""Units the users' tables come in: shares written as fractions (0-1) or as percentages (0-100).

Census tables, land-cover statistics and built-up rasters give a share either way. The
rule, one for every algorithm: a column whose largest value (missing values ignored) is
above 1 holds percentages and is divided by 100; otherwise it already holds fractions.
A column of 0 and 1 only is read as fractions.
"""

from __future__ import annotations

import numpy as np


def as_fractions(values):
    """``(fractions, read_as_percent)``: ``values`` as floats between 0 and 1 by the module's rule.

    Missing values stay NaN; nothing is clipped (the caller decides what a share above 1 means).

    >>> as_fractions([0.2, 0.5, None])
    (array([0.2, 0.5, nan]), False)
    >>> as_fractions([20, 100, 1])
    (array([0.2 , 1.  , 0.01]), True)
    >>> as_fractions([1.0, 0.0])
    (array([1., 0.]), False)
    """
    shares = np.asarray(values, dtype=float)
    finite = shares[np.isfinite(shares)]
    percent = bool(finite.size) and float(finite.max()) > 1.0
    return (shares / 100.0 if percent else shares.copy()), percent
