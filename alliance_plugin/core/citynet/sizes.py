"""City-size distributions: the rank-size (Zipf) fit and primacy (methods.md, section 3).

City sizes
----------
- Rank-size (Zipf) with the Gabaix-Ibragimov estimator (Gabaix and Ibragimov
  2011): cities are ranked by decreasing size (rank 1 the largest; equal sizes
  ranked by code, smallest first) and ``ln(r - 1/2)`` is regressed on
  ``ln P_r`` by ordinary least squares; the slope is ``-b`` and the standard
  error ``b * sqrt(2 / n)`` (asymptotic, for a Pareto tail). The fit uses the
  cities at or above a size cut-off (``min_size``) and/or the ``top_n``
  largest; n and the cut-off (the smallest size used) are reported.
- Per city, the ``residual`` ``ln(r - 1/2) - fitted`` (log units of rank) and
  the ``size_deviation`` ``ln(P / P_line) = residual / b`` (log units of size:
  0.69 means twice the size the line gives for that rank).
- Primacy ``P1 / P2`` and the four-city index ``P1 / (P2 + P3 + P4)``.
- Missing and zero sizes cannot be logged: they are left out and counted.
  Fewer than 3 cities: NaN statistics and a ``note`` saying why.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..errors import EmptyInputError, FieldNotFoundError, InvalidValueError, first_labels

_STAT_COLUMNS = ("n", "cutoff", "b", "b_se", "intercept", "r2", "largest", "primacy", "four_city",
                 "n_left_out", "note")
_STAT_TYPES = {"n": "int64", "n_left_out": "int64", "largest": object, "note": object,
               **{c: "float64" for c in ("cutoff", "b", "b_se", "intercept", "r2", "primacy", "four_city")}}


class RankSize(NamedTuple):
    """Result of :func:`rank_size` and :func:`city_size_statistics`."""

    #: one row of statistics (a Series), or one row per date (a DataFrame indexed by date)
    statistics: pd.Series | pd.DataFrame
    #: the fitted cities: ``rank, size, ln_rank, fitted, residual, size_deviation`` (and ``date``)
    cities: pd.DataFrame
    params: dict



def _fit(codes, sizes, min_size, top_n):
    """Statistics and per-city table for one set of cities (codes and sizes as arrays)."""
    valid = np.isfinite(sizes) & (sizes > 0) & (sizes >= min_size)
    order = np.lexsort((codes[valid].astype(str), -sizes[valid]))  # size down, then code
    kept_codes, kept = codes[valid][order], sizes[valid][order]
    if top_n is not None:
        kept_codes, kept = kept_codes[:int(top_n)], kept[:int(top_n)]
    n = len(kept)
    stats = dict.fromkeys(_STAT_COLUMNS, np.nan)
    stats.update(n=n, n_left_out=len(sizes) - n, note="", largest=kept_codes[0] if n else None)
    stats["cutoff"] = float(kept[-1]) if n else np.nan
    if n >= 2:
        stats["primacy"] = float(kept[0] / kept[1])
    if n >= 4:
        stats["four_city"] = float(kept[0] / kept[1:4].sum())
    rank = np.arange(1, n + 1)
    x, y = np.log(kept), np.log(rank - 0.5)
    fitted = np.full(n, np.nan)
    if n < 3:
        stats["note"] = (f"{n} cities with a positive size at or above the cut-off: the rank-size fit "
                         "needs at least 3.")
    elif np.ptp(x) == 0:
        stats["note"] = "All cities have the same size: the rank-size line has no slope."
    else:
        slope = ((x - x.mean()) * (y - y.mean())).sum() / ((x - x.mean()) ** 2).sum()
        intercept = y.mean() - slope * x.mean()
        fitted = intercept + slope * x
        b = -slope
        stats.update(b=float(b), b_se=float(abs(b) * math.sqrt(2.0 / n)), intercept=float(intercept),
                     r2=float(1.0 - ((y - fitted) ** 2).sum() / ((y - y.mean()) ** 2).sum()))
    residual = y - fitted
    cities = pd.DataFrame({"rank": rank, "size": kept, "ln_rank": y, "fitted": fitted,
                           "residual": residual, "size_deviation": residual / stats["b"]},
                          index=pd.Index(kept_codes, dtype=object, name="city"))
    return stats, cities


def _check_cut(min_size, top_n):
    if top_n is not None and (int(top_n) != top_n or top_n < 1):
        raise InvalidValueError("top_n must be a positive whole number or None; got {top_n!r}.", top_n=top_n)
    if not np.isfinite(min_size) or min_size < 0:
        raise InvalidValueError("min_size must be a size of 0 or more; got {min_size!r}.", min_size=min_size)


def sizes_as_numbers(values, labels, column=None):
    """Sizes as floats, missing ones NaN; non-numbers and negative sizes are refused.

    The errors name the rows by ``labels``, and ``column`` (the population column) when the sizes
    come from one.

    Examples
    --------
    >>> sizes_as_numbers(pd.Series([10, None]), pd.Index(["A", "B"])).tolist()
    [10.0, nan]
    """
    numbers = pd.to_numeric(pd.Series(values), errors="coerce").to_numpy(dtype=float)
    bad = np.isnan(numbers) & pd.Series(values).notna().to_numpy()
    if bad.any():
        params = dict(n_bad=bad.sum(), labels=first_labels(labels[bad]))
        if column is None:
            raise InvalidValueError("{n_bad} sizes are not numbers ({labels}).", **params)
        raise InvalidValueError("{n_bad} values of '{column}' are not numbers ({labels}).", column=column, **params)
    negative = numbers < 0
    if negative.any():
        params = dict(n_negative=negative.sum(), labels=first_labels(labels[negative]))
        if column is None:
            raise InvalidValueError("{n_negative} sizes are negative ({labels}); expected sizes of 0 or more.",
                                    **params)
        raise InvalidValueError("{n_negative} values of '{column}' are negative ({labels}); expected sizes of 0 or "
                                "more.", column=column, **params)
    return numbers


def rank_size(sizes, *, min_size=0.0, top_n=None):
    """Rank-size fit (Gabaix-Ibragimov) and primacy of one set of cities.

    Parameters
    ----------
    sizes : pandas.Series
        City sizes (population) indexed by city code. Missing and zero sizes
        are left out (counted in ``n_left_out``); negative ones are an error.
    min_size : float
        Size cut-off: only cities at least this large are fitted.
    top_n : int, optional
        Fit only the ``top_n`` largest cities (after ``min_size``).

    Returns
    -------
    RankSize
        ``statistics`` (a Series): ``n``, ``cutoff`` (smallest size fitted),
        ``b`` (Zipf exponent, 1 for Zipf's law), ``b_se``, ``intercept``, ``r2``,
        ``largest`` (code), ``primacy``, ``four_city``, ``n_left_out``,
        ``note`` (why a statistic is NaN). ``cities``: the fitted cities by rank.

    Examples
    --------
    >>> result = rank_size(pd.Series({"A": 1000.0, "B": 500.0, "C": 250.0, "D": 125.0}))
    >>> result.statistics[["n", "cutoff", "primacy", "four_city"]].tolist()
    [4, 125.0, 2.0, 1.1428571428571428]
    >>> round(result.statistics["b"], 3), round(result.statistics["b_se"], 3)
    (0.916, 0.648)
    >>> rank_size(pd.Series({"A": 10.0, "B": 5.0})).statistics["note"]
    '2 cities with a positive size at or above the cut-off: the rank-size fit needs at least 3.'
    """
    _check_cut(min_size, top_n)
    series = pd.Series(sizes)
    codes = np.asarray(series.index, dtype=object)
    values = sizes_as_numbers(series.to_numpy(), pd.Index(codes))
    stats, cities = _fit(codes, values, min_size, top_n)
    return RankSize(pd.Series(stats, index=list(_STAT_COLUMNS), dtype=object), cities,
                    {"min_size": min_size, "top_n": top_n})


def city_size_statistics(table, *, city="city", date="date", population="population",
                         min_size=0.0, top_n=None):
    """Rank-size fit and primacy for each date of a long table of city sizes.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per city and date.
    city, date, population : str
        Column names. ``date`` None treats the whole table as one date.
    min_size, top_n
        As in :func:`rank_size`, applied at each date.

    Returns
    -------
    RankSize
        ``statistics``: one row per date (sorted), the columns of
        :func:`rank_size`. ``cities``: ``date, city, rank, size, ln_rank, fitted,
        residual, size_deviation`` for every fitted city.

    Examples
    --------
    >>> table = pd.DataFrame({"city": list("ABCDABC"), "year": [2000] * 4 + [2010] * 3,
    ...                       "pop": [800, 400, 200, 100, 900, 450, 0]})
    >>> stats = city_size_statistics(table, date="year", population="pop").statistics
    >>> stats["n"].tolist(), stats["primacy"].tolist(), stats["n_left_out"].tolist()
    ([4, 2], [2.0, 2.0], [0, 1])
    """
    if table is None or len(table) == 0:
        raise EmptyInputError("The city table has no rows: expected one row per city and date.")
    wanted = [c for c in (city, date, population) if c is not None]
    missing = [c for c in wanted if c not in table.columns]
    if missing:
        raise FieldNotFoundError("The city table has no column {missing}; its columns are {columns}.",
                                 missing=', '.join(map(repr, missing)),
                                 columns=first_labels(list(table.columns), 12))
    _check_cut(min_size, top_n)
    codes = np.asarray(table[city].astype(object), dtype=object)
    dates = table[date] if date is not None else pd.Series(0, index=table.index)
    if dates.isna().any() or pd.isna(codes).any():
        raise InvalidValueError("Some rows have no city code or no date (row {index}).",
                                index=first_labels(table.index[dates.isna().to_numpy() | pd.isna(codes)]))
    repeated = pd.DataFrame({"c": codes, "d": dates.to_numpy()}).duplicated().to_numpy()
    if repeated.any():
        raise InvalidValueError("{n_repeated} rows repeat a city at a date already seen (row {index}): expected "
                                "one size per city and date.",
                                n_repeated=repeated.sum(), index=first_labels(table.index[repeated]))
    sizes = sizes_as_numbers(table[population].to_numpy(), table.index, population)
    rows, frames = {}, []
    for key, at in pd.Series(np.arange(len(table))).groupby(dates.to_numpy(), sort=True):
        stats, cities = _fit(codes[at.to_numpy()], sizes[at.to_numpy()], min_size, top_n)
        rows[key] = stats
        frames.append(cities.reset_index().assign(date=key))
    statistics = pd.DataFrame.from_dict(rows, orient="index", columns=list(_STAT_COLUMNS)).astype(_STAT_TYPES)
    statistics.index.name = date or "date"
    cities = pd.concat(frames, ignore_index=True)
    cities = cities[["date"] + [c for c in cities.columns if c != "date"]]
    return RankSize(statistics, cities, {"min_size": min_size, "top_n": top_n})
