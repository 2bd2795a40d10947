"""SDG 11.3.1: the ratio of land consumption rate to population growth rate (methods.md, section 5).

Definitions (UN-Habitat, SDG indicator 11.3.1 metadata): ``LCR = ln(Urb1/Urb0)/y``,
``PGR = ln(Pop1/Pop0)/y``, ``LCRPGR = LCR/PGR``, with the built-up area per
capita beside them (``Urb/Pop``, m2 per inhabitant), the built-up and the
population added, and the built-up added per new inhabitant.

Our rules (the help text says so): LCRPGR is left empty (NaN) and the row
flagged (:data:`FLAGS`) whenever it is meaningless: population falling or
stagnating (``|PGR| < stagnation``, default 0.1 % a year), a zero or missing
area or population; never an infinity. Each flag comes with a plain
explanation.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import InvalidValueError, first_labels

FLAGS = ("ok", "missing", "no_built_up", "no_population", "declining", "stagnating")


def _aligned(values, index, name):
    if isinstance(values, pd.Series):
        return values.reindex(index).to_numpy(dtype=float)
    values = np.asarray(values, dtype=float)
    if values.ndim == 0:
        return np.full(len(index), float(values))
    if len(values) != len(index):
        raise InvalidValueError("{name} holds {n_values} values for {n_index} territories.", name=name,
                                n_values=len(values), n_index=len(index))
    return values


#: Square metres in each area unit the tables may use.
AREA_UNITS = {"m2": 1.0, "ha": 1e4, "km2": 1e6}


def land_consumption(urb_t0, urb_t1, pop_t0, pop_t1, years, *, stagnation=0.001, area_unit="m2"):
    """SDG 11.3.1: land consumption rate, population growth rate and their ratio, per territory.

    Parameters
    ----------
    urb_t0, urb_t1 : array-like or pandas.Series
        Built-up area at the two dates, in ``area_unit``. A Series gives the
        territory index; the others are aligned on it (missing: flagged).
    pop_t0, pop_t1 : array-like or pandas.Series
        Population at the two dates.
    years : float or array-like
        Years between the dates (positive).
    stagnation : float
        ``|PGR|`` below this (per year; 0.001 = 0.1 %) counts as stagnation.
    area_unit : {"m2", "ha", "km2"}
        Unit of the areas; per-capita figures are always m2 per inhabitant.

    Returns
    -------
    pandas.DataFrame
        The inputs and ``lcr``, ``pgr`` (per year), ``lcrpgr``, ``urb_per_capita_t0``,
        ``urb_per_capita_t1`` (m2 per inhabitant), ``urb_added`` (in
        ``area_unit``), ``pop_added``, ``urb_per_new_inhabitant`` (m2, NaN unless
        the population grew), ``flag`` (one of :data:`FLAGS`, ``ok`` when the
        ratio is meaningful) and ``explanation`` (plain words, empty when ok).
        No value is ever infinite. ``attrs["params"]`` records the options.

    Examples
    --------
    >>> out = land_consumption([100.0, 100.0], [121.0, 110.0], [1000, 1000], [1100, 990], 10)
    >>> out[["lcrpgr", "flag"]].round(3).values.tolist()
    [[2.0, 'ok'], [nan, 'declining']]
    """
    if area_unit not in AREA_UNITS:
        raise InvalidValueError("area_unit must be one of {units}; got {area_unit!r}.", units=', '.join(AREA_UNITS),
                                area_unit=area_unit)
    index = urb_t0.index if isinstance(urb_t0, pd.Series) else pd.RangeIndex(len(np.atleast_1d(urb_t0)))
    u0, u1 = _aligned(urb_t0, index, "urb_t0"), _aligned(urb_t1, index, "urb_t1")
    p0, p1 = _aligned(pop_t0, index, "pop_t0"), _aligned(pop_t1, index, "pop_t1")
    y = _aligned(years, index, "years")
    for name, values in (("urb_t0", u0), ("urb_t1", u1), ("pop_t0", p0), ("pop_t1", p1)):
        if (values < 0).any():
            raise InvalidValueError("{name} must not be negative; it is for {index}.", name=name,
                                    index=first_labels(index[values < 0]))
    if not (np.nan_to_num(y, nan=1.0) > 0).all():
        raise InvalidValueError("years between the dates must be positive.")
    missing = np.isnan(u0) | np.isnan(u1) | np.isnan(p0) | np.isnan(p1) | np.isnan(y)
    lcr = _log_rate(u1, u0, y)
    pgr = _log_rate(p1, p0, y)
    flag = np.select([missing, (u0 == 0) | (u1 == 0), (p0 == 0) | (p1 == 0),
                      pgr <= -stagnation, np.abs(pgr) < stagnation],
                     ["missing", "no_built_up", "no_population", "declining", "stagnating"], "ok")
    lcrpgr = np.divide(lcr, pgr, out=np.full(len(index), np.nan), where=(flag == "ok") & (pgr != 0))
    scale = AREA_UNITS[area_unit]
    pc0 = np.divide(u0 * scale, p0, out=np.full(len(index), np.nan), where=p0 > 0)
    pc1 = np.divide(u1 * scale, p1, out=np.full(len(index), np.nan), where=p1 > 0)
    added_pop = p1 - p0
    per_new = np.divide((u1 - u0) * scale, added_pop, out=np.full(len(index), np.nan), where=added_pop > 0)
    out = pd.DataFrame({"urb_t0": u0, "urb_t1": u1, "pop_t0": p0, "pop_t1": p1, "years": y,
                        "lcr": lcr, "pgr": pgr, "lcrpgr": lcrpgr, "urb_per_capita_t0": pc0,
                        "urb_per_capita_t1": pc1, "urb_added": u1 - u0, "pop_added": added_pop,
                        "urb_per_new_inhabitant": per_new, "flag": flag.astype(object)}, index=index)
    out["explanation"] = [_explain(row, stagnation) for row in out.itertuples(index=False)]
    out.attrs["params"] = {"stagnation": stagnation, "area_unit": area_unit}
    return out


def whole_area(table, years, *, stagnation=0.001, area_unit="m2"):
    """:func:`land_consumption` of the whole area: the sums of a per-territory table's areas and populations
    (a sum of missing values only stays missing). Returns one row (a pandas Series).

    Examples
    --------
    >>> table = land_consumption([100.0, 100.0], [121.0, 110.0], [1000, 1000], [1100, 990], 10)
    >>> row = whole_area(table, 10)
    >>> float(row["urb_t1"]), row["flag"]
    (231.0, 'ok')
    """
    totals = table[["urb_t0", "urb_t1", "pop_t0", "pop_t1"]].sum(min_count=1)
    return land_consumption([totals["urb_t0"]], [totals["urb_t1"]], [totals["pop_t0"]], [totals["pop_t1"]], years,
                            stagnation=stagnation, area_unit=area_unit).iloc[0]


def _log_rate(end, start, years):
    """``ln(end / start) / years``, NaN unless both are positive (never inf)."""
    ok = (start > 0) & (end > 0) & (years > 0)
    ratio = np.divide(end, start, out=np.ones(len(start)), where=ok)
    return np.where(ok, np.log(ratio) / np.where(ok, years, 1.0), np.nan)


def _number(value, spec=",.0f"):
    """``value`` formatted with ``spec``, never ``-0`` (a rounding residue such as -2.8e-17 prints 0)."""
    text = format(value, spec)
    digits = text.lstrip("+-")
    if text[:1] == "-" and not any(ch in "123456789" for ch in digits.split("e")[0]):
        text = ("+" if "+" in spec else "") + digits
    return text


def _explain(row, stagnation):
    if row.flag == "ok":
        return ""
    if row.flag == "missing":
        return "A built-up area, a population or the number of years is missing: nothing is computed."
    if row.flag == "no_built_up":
        return (f"The built-up area is zero at {'the first' if row.urb_t0 == 0 else 'the second'} date: "
                "the land consumption rate ln(Urb1/Urb0) is undefined, and so is LCRPGR.")
    if row.flag == "no_population":
        return (f"The population is zero at {'the first' if row.pop_t0 == 0 else 'the second'} date: "
                "the population growth rate ln(Pop1/Pop0) is undefined, and so is LCRPGR.")
    per_capita = (f" Built-up area per inhabitant went from {_number(row.urb_per_capita_t0)} to "
                  f"{_number(row.urb_per_capita_t1)} m2.")
    if row.flag == "declining":
        return (f"The population fell from {_number(row.pop_t0)} to {_number(row.pop_t1)} "
                f"({_number(100 * row.pgr, '+.2f')} % a year): LCRPGR would change sign and means nothing, so it is "
                "left empty." + per_capita)
    added = ("no new inhabitant" if not row.pop_added > 0 else
             f"{_number(row.urb_per_new_inhabitant)} m2 of built-up added per new inhabitant")
    return (f"The population hardly changed ({_number(row.pop_t0)} to {_number(row.pop_t1)}, "
            f"{_number(100 * row.pgr, '+.3f')} % a year, below +-{100 * stagnation:g} %): LCRPGR would explode, so it is "
            f"left empty; {added}." + per_capita)
