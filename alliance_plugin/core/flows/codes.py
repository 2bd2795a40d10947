"""Territory codes and flow volumes as users' tables write them.

Codes are always text: ``01004`` keeps its leading zero (French commune codes),
Corsica's ``2A004`` works, and a code read as the float ``75056.0`` becomes
``75056``. Volumes are parsed with a decimal point or a decimal comma, thousands
separators removed (French exports write ``1 204,25``).

The order of the codes, in text order, is the one order every tie between
territories is broken by (:func:`code_order`, :func:`code_rank`): no result may
depend on the order of the layer's features or of the flow rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def codes_as_text(values):
    """Turn codes into stripped text; integral floats lose their ``.0``.

    Missing values stay missing (``NaN``).

    Examples
    --------
    >>> codes_as_text(pd.Series(["01004", " 2A004", 75056.0, None])).tolist()
    ['01004', '2A004', '75056', nan]
    """
    series = pd.Series(values, copy=False)
    if pd.api.types.is_float_dtype(series.dtype):
        integral = series.notna() & (series == np.floor(series))
        out = series.astype(object)
        out[integral] = series[integral].astype(np.int64).astype(str)
        out[~integral & series.notna()] = series[~integral & series.notna()].astype(str)
        return out.where(series.notna(), np.nan)
    if pd.api.types.is_integer_dtype(series.dtype):
        return series.astype(str).astype(object)
    if pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty"):
        text = series.astype(object).where(series.notna(), None).str.strip()
        return text.where(text.str.len() > 0, np.nan)
    return pd.Series([_code(v) for v in series.astype(object)], index=series.index, dtype=object)


def _code(value):
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return np.nan
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    text = str(value).strip()
    return text if text else np.nan


def parse_volumes(values):
    """Parse volumes written with a decimal point or a decimal comma.

    Returns floats; unparseable or missing entries become ``NaN`` (the caller
    names them). Thousands separators (spaces, non-breaking spaces) are removed.

    Examples
    --------
    >>> parse_volumes(pd.Series(["12,5", "3", " 1 204,25 ", "", "x"])).tolist()
    [12.5, 3.0, 1204.25, nan, nan]
    """
    series = pd.Series(values, copy=False)
    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
        return series.astype(float)
    text = series.astype(object).where(series.notna(), None)
    numbers = pd.to_numeric(text, errors="coerce")
    bad = numbers.isna() & text.notna()
    if bad.any():
        fixed = (text[bad].astype(str).astype(object)  # Python's re, whatever pandas' string storage
                 .str.replace("[\\s\u00a0\u202f]", "", regex=True).str.replace(",", ".", regex=False))
        numbers = numbers.astype(float)
        numbers[bad] = pd.to_numeric(fixed, errors="coerce")
    return numbers.astype(float)


def codes_as_categories(values):
    """Codes as a ``pandas.Categorical`` of text, cleaned once per distinct code.

    National tables repeat 35,000 codes a million times: factorising first and
    cleaning the distinct values (:func:`codes_as_text`) is what keeps reading
    fast. Missing codes have the code -1.

    Examples
    --------
    >>> codes_as_categories(pd.Series(["01004", " 01004", None, "2A004"])).tolist()
    ['01004', '01004', nan, '2A004']
    """
    positions, uniques = pd.factorize(pd.Series(values, copy=False), use_na_sentinel=True)
    cleaned = codes_as_text(pd.Series(np.asarray(uniques, dtype=object)))
    categories, remap = pd.factorize(cleaned, use_na_sentinel=True)
    remap = np.asarray(remap, dtype=object)
    lookup = np.append(categories, -1)  # positions of -1 (missing) map to -1
    return pd.Categorical.from_codes(lookup[positions], categories=pd.Index(remap, dtype=object))


def code_order(ids):
    """Positions of ``ids`` sorted by code, in text order: the one order every tie is broken by.

    Layer and row order must never decide a result: an algorithm that needs an
    order among territories (a tie between two partners, the visiting order of
    a seeded search) takes this one.

    Examples
    --------
    >>> code_order(["B", "A", "C"]).tolist()
    [1, 0, 2]
    """
    codes = np.asarray([str(c) for c in ids], dtype=object)
    return np.argsort(codes, kind="stable").astype(np.int64)


def code_rank(ids):
    """Rank of each id in text order of the codes (0 for the smallest code).

    Examples
    --------
    >>> code_rank(["B", "A", "C"]).tolist()
    [1, 0, 2]
    """
    order = code_order(ids)
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank
