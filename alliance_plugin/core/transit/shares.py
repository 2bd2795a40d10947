"""Shares of the population with access (SDG 11.2.1): overall, per group and per territory.

The indicator (methods.md, section 7; UN-Habitat's SDG 11.2.1 metadata) is the
population with convenient access to public transport over the whole
population: :func:`access_shares` per value of each disaggregation (sex, age
group, disability), :func:`access_table` for the whole area and each territory,
:func:`overall_share` in percent. Everyone counts in the denominators: people
without a geometry, outside the territories or off the streets count without
access.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import InvalidValueError


def access_shares(access_flag, population, groups=None):
    """Share of the population with access, overall and per value of each group column.

    Parameters
    ----------
    access_flag : array-like of bool
    population : array-like of float
        Non-negative counts, aligned with the flags.
    groups : DataFrame or dict of array-like, optional
        Columns such as sex, age group, disability or territory.

    Returns
    -------
    DataFrame
        ``group``, ``value``, ``population``, ``with_access`` and ``share``
        (NaN where the population is 0); the first row is ``total``.

    Examples
    --------
    >>> access_shares([True, False, True], [10, 30, 60], {"sex": ["f", "m", "m"]})
       group value  population  with_access     share
    0  total   all       100.0         70.0  0.700000
    1    sex     f        10.0         10.0  1.000000
    2    sex     m        90.0         60.0  0.666667
    """
    flag = np.asarray(access_flag, dtype=bool)
    pop = np.asarray(population, dtype=float)
    if flag.shape != pop.shape or flag.ndim != 1:
        raise InvalidValueError("expected as many access flags as population values, got {flags_shape} and {population_shape}",
                                flags_shape=str(flag.shape), population_shape=str(pop.shape))
    if not np.isfinite(pop).all() or (pop < 0).any():
        raise InvalidValueError("expected finite non-negative population values, "
                                "got missing or negative ones")
    frame = pd.DataFrame({"population": pop, "with_access": np.where(flag, pop, 0.0)})
    rows = [pd.DataFrame({"group": ["total"], "value": ["all"], "population": [pop.sum()],
                          "with_access": [frame["with_access"].sum()]})]
    groups = pd.DataFrame(groups) if groups is not None else pd.DataFrame(index=frame.index)
    if len(groups.columns) and len(groups) != len(pop):
        raise InvalidValueError("expected group columns of {n_pop} rows, got {n_groups}", n_pop=len(pop),
                                n_groups=len(groups))
    for column in groups.columns:
        keys = np.asarray(groups[column])
        sums = frame.groupby(keys, dropna=False, sort=True)[["population", "with_access"]].sum()
        rows.append(sums.rename_axis("value").reset_index().assign(group=str(column)))
    out = pd.concat(rows, ignore_index=True)[["group", "value", "population", "with_access"]]
    share = np.divide(out["with_access"], out["population"], out=np.full(len(out), np.nan),
                      where=out["population"].to_numpy() > 0)
    out["share"] = share
    return out


def access_table(access_flag, population, groups=None, territory=None, everywhere="all"):
    """:func:`access_shares` for the whole area and for each territory, in one long table.

    Returns the columns ``territory`` (``everywhere`` for the whole area),
    ``group``, ``value``, ``population``, ``with_access`` and ``share``.
    Points with no territory (``None`` or NaN) count in the whole area only.

    Examples
    --------
    >>> access_table([True, False, True], [10, 30, 60], {"sex": ["f", "m", "m"]},
    ...              territory=["t1", "t1", None])[["territory", "group", "value", "share"]]
      territory  group value     share
    0       all  total   all  0.700000
    1       all    sex     f  1.000000
    2       all    sex     m  0.666667
    3        t1  total   all  0.250000
    4        t1    sex     f  1.000000
    5        t1    sex     m  0.000000
    """
    flag = np.asarray(access_flag, dtype=bool)
    pop = np.asarray(population, dtype=float)
    whole = access_shares(flag, pop, groups).assign(territory=everywhere)
    frames = [whole]
    if territory is not None:
        keys = pd.Series(np.asarray(territory, dtype=object))
        if len(keys) != len(pop):
            raise InvalidValueError("expected {n_pop} territory values, got {n_keys}", n_pop=len(pop),
                                    n_keys=len(keys))
        known = keys.notna().to_numpy()
        table = pd.DataFrame({"territory": keys[known].to_numpy(), "population": pop[known],
                              "with_access": np.where(flag, pop, 0.0)[known]})
        columns = pd.DataFrame(groups) if groups is not None else pd.DataFrame(index=range(len(pop)))
        parts = [table.groupby("territory", sort=True)[["population", "with_access"]].sum()
                 .reset_index().assign(group="total", value="all")]
        for column in columns.columns:
            values = np.asarray(columns[column], dtype=object)[known]
            sums = table.assign(value=values).groupby(["territory", "value"], sort=True, dropna=False)[
                ["population", "with_access"]].sum().reset_index().assign(group=str(column))
            parts.append(sums)
        per = pd.concat(parts, ignore_index=True)
        order = {name: rank for rank, name in enumerate(["total", *map(str, columns.columns)])}
        per = per.sort_values(["territory", "group"], key=lambda s: s.map(order) if s.name == "group" else s,
                              kind="stable")
        share = np.divide(per["with_access"], per["population"], out=np.full(len(per), np.nan),
                          where=per["population"].to_numpy() > 0)
        frames.append(per.assign(share=share))
    out = pd.concat(frames, ignore_index=True)
    return out[["territory", "group", "value", "population", "with_access", "share"]]


def overall_share(access_flag, population):
    """``(population, population with access, share in percent)``; the share is None when nobody lives there.

    Examples
    --------
    >>> overall_share([True, False, True], [10, 30, 60])
    (100.0, 70.0, 70.0)
    """
    flag = np.asarray(access_flag, dtype=bool)
    values = np.asarray(population, dtype=float)
    total, reached = float(values.sum()), float(values[flag].sum())
    return total, reached, 100.0 * reached / total if total > 0 else None


def percent_shares(table):
    """:func:`access_table` with ``share_pct`` (0-100) in place of ``share`` (0-1), written as the shares table."""
    return table.assign(share_pct=100 * table["share"]).drop(columns="share")


def territory_shares(table, codes, index=None):
    """``population``, ``with_access`` and ``transit_share`` (0-1) of each territory code, from :func:`access_table`.

    A territory where nobody lives has population 0 and a NULL share.

    Examples
    --------
    >>> table = access_table([True, False], [10, 30], territory=["t1", "t1"])
    >>> territory_shares(table, ["t1", "t2"])
       population  with_access  transit_share
    0        40.0         10.0           0.25
    1         0.0          0.0            NaN
    """
    per = table[(table["territory"] != "all") & (table["group"] == "total")].set_index("territory")
    return pd.DataFrame({"population": per["population"].reindex(codes).fillna(0).to_numpy(),
                         "with_access": per["with_access"].reindex(codes).fillna(0).to_numpy(),
                         "transit_share": per["share"].reindex(codes).to_numpy()}, index=index)
