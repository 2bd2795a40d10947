"""Intermediary cities: middle size, high betweenness, an intermediate place in the hierarchy
(ours, not official; methods.md, section 3).

Intermediary cities (ours, not official)
----------------------------------------
A city is *intermediary* when it meets all three rules: (1) its size is within
a middle band (20,000 to 500,000 inhabitants by default, or a band of size
quantiles); (2) its betweenness is among the ``top_share`` highest (10 % by
default) of the territories whose betweenness is defined, and positive; (3) its
Nystuen-Dacey role is ``intermediate`` (Nystuen and Dacey 1961, :mod:`..dominant`):
dominated by a larger city and dominating smaller ones. ``intermediary_score``
counts the rules met. The betweenness is that of :func:`.centrality.flow_centralities`.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..errors import InvalidValueError
from .sizes import sizes_as_numbers


def _column(values, name):
    return values[name] if isinstance(values, pd.DataFrame) else pd.Series(values)


def intermediary_cities(sizes, centralities, dominant, *, min_size=20_000, max_size=500_000,
                        size_quantiles=None, top_share=0.10):
    """Intermediary cities: middle size, high betweenness and a Nystuen-Dacey intermediate role (ours).

    Parameters
    ----------
    sizes : pandas.Series
        City sizes (population) indexed by territory id: the cities classified.
    centralities : pandas.DataFrame or pandas.Series
        The ``territories`` of :func:`flow_centralities`, or a betweenness Series.
    dominant : pandas.DataFrame or pandas.Series
        The ``territories`` of :func:`..dominant.dominant_flows`, or an
        ``nd_class`` Series.
    min_size, max_size : float
        The middle size band, bounds included.
    size_quantiles : (float, float), optional
        A band of size quantiles instead, for example ``(0.25, 0.9)``.
    top_share : float
        Share of the territories with the highest betweenness that counts as
        high intermediation (only positive betweenness counts).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``sizes``: ``in_size_band``, ``high_betweenness``,
        ``nd_intermediate`` (booleans), ``intermediary_score`` (0 to 3) and
        ``intermediary`` (all three). The band and betweenness threshold used are
        in ``DataFrame.attrs``.

    Examples
    --------
    >>> sizes = pd.Series({"A": 600_000, "B": 90_000, "C": 30_000, "D": 8_000})
    >>> out = intermediary_cities(sizes, pd.Series({"A": 0.1, "B": 0.5, "C": 0.0, "D": 0.0}),
    ...                           pd.Series({"A": "dominant", "B": "intermediate", "C": "dominated",
    ...                                      "D": "dominated"}), top_share=0.25)
    >>> out[["intermediary_score", "intermediary"]].values.tolist()
    [[0, False], [3, True], [1, False], [0, False]]
    """
    if not 0 < top_share <= 1:
        raise InvalidValueError("top_share must be a share in (0, 1]; got {top_share}.", top_share=top_share)
    sizes = pd.Series(sizes)
    values = sizes_as_numbers(sizes.to_numpy(), sizes.index)
    if size_quantiles is not None:
        low, high = size_quantiles
        if not 0 <= low <= high <= 1:
            raise InvalidValueError("size_quantiles must be two shares, low <= high; got {size_quantiles}.",
                                    size_quantiles=size_quantiles)
        finite = values[np.isfinite(values)]
        min_size, max_size = (np.quantile(finite, [low, high]) if len(finite) else (np.nan, np.nan))
    elif min_size > max_size:
        raise InvalidValueError("min_size ({min_size}) must not exceed max_size ({max_size}).", min_size=min_size,
                                max_size=max_size)
    in_band = np.isfinite(values) & (values >= min_size) & (values <= max_size)
    between = pd.to_numeric(_column(centralities, "betweenness"), errors="coerce")
    defined = between.dropna().sort_values(ascending=False, kind="stable")
    threshold = defined.iloc[max(math.ceil(top_share * len(defined)) - 1, 0)] if len(defined) else np.nan
    b = between.reindex(sizes.index).to_numpy(dtype=float)
    high = np.isfinite(b) & (b > 0) & (b >= threshold)
    role = _column(dominant, "nd_class").reindex(sizes.index)
    intermediate = (role == "intermediate").fillna(False).to_numpy(dtype=bool)
    score = in_band.astype(int) + high.astype(int) + intermediate.astype(int)
    out = pd.DataFrame({"in_size_band": in_band, "high_betweenness": high, "nd_intermediate": intermediate,
                        "intermediary_score": score, "intermediary": score == 3}, index=sizes.index)
    out.attrs.update(min_size=float(min_size), max_size=float(max_size), top_share=top_share,
                     betweenness_threshold=float(threshold))
    return out
