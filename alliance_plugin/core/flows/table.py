"""The canonical flow table: what a row means, what validation refuses and why.

Every flow (commuting, food, water, energy, waste, migration...) becomes one
canonical long table with the columns ``origin``, ``destination``,
``flow_type`` and ``value``: one row is the volume ``T_ij`` going *from* the
origin i *to* the destination j, of one flow type (for commuting, INSEE's
MOBPRO: the employed residents of i working in j). Codes are always text
(:mod:`.codes`). The index of the canonical table carries the row labels of the
source (CSV line numbers or feature ids) so that messages name the offending
rows.

Modelling assumptions
---------------------
- Rows with the same origin, destination and flow type are summed (with a
  warning): INSEE's detailed files hold one row per individual weight.
- Self-flows (origin == destination) are kept: they are the internal flows
  ``T_ii`` used by self-containment.
- A row without an origin or a destination code, or with a missing,
  non-numeric, negative or infinite volume is an error that names the rows,
  never silently dropped; so is a set of volumes whose total overflows (a unit
  mistake). Rows below a minimum volume or of flow types not kept are left out
  and counted.
- Codes that match no territory are left out by :func:`match_territories`,
  counted, and listed by volume: never silently.

The flows matched to the territories become the structure every flow algorithm
takes, :class:`.pairs.FlowTable`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import EmptyInputError, InvalidValueError, first_labels
from .codes import codes_as_categories, parse_volumes
from .reading import FlowColumns  # noqa: F401 (the doctests build FlowColumns)

CANONICAL_COLUMNS = ("origin", "destination", "flow_type", "value")
DEFAULT_FLOW_TYPE = "flow"
COMMUTING = "commuting"


@dataclass
class ValidFlows:
    """A validated canonical flow table and what validation did to the input."""

    table: pd.DataFrame
    rows_read: int
    duplicate_rows: int = 0
    rows_below_minimum: int = 0
    rows_of_other_types: int = 0
    warnings: list = field(default_factory=list)

    @property
    def flow_types(self):
        return sorted(self.table["flow_type"].unique())


def _row_list(index, mask):
    label = index.name or "row"
    return f"{label} {first_labels(index[mask])}"


def validate_flows(raw, columns, *, default_type=DEFAULT_FLOW_TYPE, min_volume=0.0, keep_types=None,
                   extra=()):
    """Check a raw flow table and return the canonical one.

    Parameters
    ----------
    raw : pandas.DataFrame
        Any table holding the columns named by ``columns``; its index labels the
        rows in messages (line numbers, feature ids).
    columns : FlowColumns
    default_type : str
        Flow type of every row when ``columns.flow_type`` is None (and of rows
        whose type is empty).
    min_volume : float
        Rows with a volume below it are left out (counted in ``rows_below_minimum``).
    keep_types : iterable of str, optional
        Flow types to keep (exact names); None keeps all.
    extra : sequence of str
        Numeric columns carried into the result (a distance per pair, say);
        for repeated pairs the first row's value is kept.

    Returns
    -------
    ValidFlows
        ``table`` has the columns ``origin, destination, flow_type, value``,
        one row per (origin, destination, flow_type).

    Examples
    --------
    >>> raw = pd.DataFrame({"o": ["A", "A", "B"], "d": ["B", "B", "A"], "v": ["1", "2,5", "4"]})
    >>> valid = validate_flows(raw, FlowColumns("o", "d", "v"))
    >>> valid.table.values.tolist()
    [['A', 'B', 'flow', 3.5], ['B', 'A', 'flow', 4.0]]
    >>> valid.duplicate_rows
    1
    """
    if raw is None or len(raw) == 0:
        raise EmptyInputError("The flow table has no rows.")
    result = ValidFlows(table=None, rows_read=len(raw))
    origin = codes_as_categories(raw[columns.origin])
    destination = codes_as_categories(raw[columns.destination])
    for role, codes in (("origin", origin), ("destination", destination)):
        missing = codes.codes < 0
        if missing.any():
            params = dict(n_missing=missing.sum(), column=getattr(columns, role), rows=_row_list(raw.index, missing))
            if role == "origin":
                raise InvalidValueError("{n_missing} rows have no origin code in '{column}' ({rows}).", **params)
            raise InvalidValueError("{n_missing} rows have no destination code in '{column}' ({rows}).", **params)
    value = parse_volumes(raw[columns.volume]).to_numpy()
    missing = np.isnan(value)
    if missing.any():
        raise InvalidValueError("{n_missing} rows have a missing or non-numeric volume in '{volume}' "
                                "({rows}).", n_missing=missing.sum(),
                                volume=columns.volume, rows=_row_list(raw.index, missing))
    negative = value < 0
    if negative.any():
        raise InvalidValueError("{n_negative} rows have a negative volume in '{volume}' ({rows}).",
                                n_negative=negative.sum(), volume=columns.volume,
                                rows=_row_list(raw.index, negative))
    if not np.isfinite(value).all():
        raise InvalidValueError("Some volumes in '{volume}' are infinite.", volume=columns.volume)
    with np.errstate(over="ignore"):
        total = float(np.sum(value, dtype=np.float64))
    if not np.isfinite(total):
        raise InvalidValueError("The volumes in '{volume}' add up to more than a number can hold (the largest is "
                                "{largest:g}): check the unit of the column.", volume=columns.volume,
                                largest=float(np.max(value)))
    if columns.flow_type:
        kind = codes_as_categories(raw[columns.flow_type])
        if (kind.codes < 0).any():
            kind = kind.add_categories([default_type]) if default_type not in kind.categories else kind
            kind = kind.fillna(default_type)
    else:
        kind = pd.Categorical.from_codes(np.zeros(len(raw), dtype=np.int8),
                                         categories=pd.Index([default_type], dtype=object))
    keep = np.ones(len(raw), dtype=bool)
    if keep_types:
        wanted = {str(t).strip() for t in keep_types if str(t).strip()}
        present = set(kind.categories[np.unique(kind.codes)])
        if not wanted & present:
            raise InvalidValueError("None of the flow types to keep ({wanted}) is in the table; its types are "
                                    "{present}.",
                                    wanted=first_labels(sorted(wanted)), present=first_labels(sorted(present), 12))
        keep = np.asarray(kind.isin(list(wanted)))
        result.rows_of_other_types = int((~keep).sum())
    if min_volume and min_volume > 0:
        below = keep & (value < min_volume)
        result.rows_below_minimum = int(below.sum())
        keep &= ~below
        if not keep.any():
            raise EmptyInputError("No flow reaches the minimum volume {min_volume:g}: lower the minimum volume.",
                                  min_volume=min_volume)
    o, d, t = origin.codes[keep], destination.codes[keep], kind.codes[keep]
    value, index = value[keep], raw.index[keep]
    extras = {name: parse_volumes(raw[name]).to_numpy()[keep] for name in extra}
    key = (o.astype(np.int64) * len(destination.categories) + d) * len(kind.categories) + t
    duplicated = pd.Series(key).duplicated(keep="first").to_numpy()
    result.duplicate_rows = int(duplicated.sum())
    if result.duplicate_rows:
        result.warnings.append(
            f"{result.duplicate_rows} rows repeat an (origin, destination, type) already seen "
            f"({_row_list(index, duplicated)}): their volumes were summed."
        )
        group, _ = pd.factorize(key)  # groups numbered in order of first appearance
        value = np.bincount(group, weights=value)
        keep_first = ~duplicated
        o, d, t = o[keep_first], d[keep_first], t[keep_first]
        extras = {name: values[keep_first] for name, values in extras.items()}
    result.table = pd.DataFrame({
        "origin": pd.Categorical.from_codes(o, categories=origin.categories),
        "destination": pd.Categorical.from_codes(d, categories=destination.categories),
        "flow_type": pd.Categorical.from_codes(t, categories=kind.categories),
        "value": value,
        **extras,
    })
    return result


@dataclass
class Unmatched:
    """Flow rows whose origin or destination is not a known territory."""

    rows: int
    volume: float
    codes: list
    hint: str = ""

    def message(self):
        if not self.rows:
            return ""
        text = (f"{self.rows} flow rows ({self.volume:,.0f} in volume) have codes that match no "
                f"territory and were left out: {first_labels(self.codes, 10)}.")
        return f"{text} {self.hint}".strip()


def match_territories(flows, territory_ids):
    """Keep the flows whose both ends are known territories; report the others.

    Unknown codes are listed by decreasing volume. When they look like numbers
    that lost a leading zero (``1004`` for ``01004``), the hint says so.

    Examples
    --------
    >>> flows = pd.DataFrame({"origin": ["01004", "1004"], "destination": ["01004", "75056"],
    ...                       "flow_type": "flow", "value": [10.0, 5.0]})
    >>> kept, unmatched = match_territories(flows, pd.Index(["01004", "75056"]))
    >>> len(kept), unmatched.rows, unmatched.codes
    (1, 1, ['1004'])
    """
    known = pd.Index(territory_ids)
    ok_origin = _known(flows["origin"], known)
    ok_destination = _known(flows["destination"], known)
    ok = ok_origin & ok_destination
    if ok.all():
        return flows, Unmatched(0, 0.0, [])
    bad = flows[~ok].astype({"origin": object, "destination": object})
    volume_by_code = pd.concat([
        bad.loc[~ok_origin[~ok], ["origin", "value"]].rename(columns={"origin": "code"}),
        bad.loc[~ok_destination[~ok], ["destination", "value"]].rename(columns={"destination": "code"}),
    ]).groupby("code")["value"].sum().sort_values(ascending=False, kind="stable")
    codes = volume_by_code.index.tolist()
    hint = ""
    lengths = {len(str(k)) for k in known[:1000]}
    padded = {c.zfill(n) for c in codes[:50] if c.isdigit() for n in lengths}
    if padded & set(known.astype(str)) - set(codes):
        hint = ("Some codes look like numbers that lost their leading zero (read the codes as text, "
                "for example 01004 and not 1004).")
    return flows[ok].reset_index(drop=True), Unmatched(int(len(bad)), float(bad["value"].sum()), codes, hint)


def _known(column, known):
    """Rows whose code is in ``known``; per distinct code for categorical columns."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy()
        return np.append(column.cat.categories.isin(known), False)[codes]
    return column.isin(known).to_numpy()
