"""Reading, recognising and validating origin-destination flow tables.

Every flow (commuting, food, water, energy, waste, migration...) becomes one
canonical long table with the columns ``origin``, ``destination``,
``flow_type`` and ``value``. Codes are always text: ``01004`` keeps its zero and
Corsica's ``2A004`` works. The index of the canonical table carries the row
labels of the source (CSV line numbers or feature ids) so that messages can
name the offending rows.

Modelling assumptions
---------------------
- Rows with the same origin, destination and flow type are summed (with a
  warning): INSEE's detailed files hold one row per individual weight.
- Self-flows (origin == destination) are kept: they are the internal flows
  ``T_ii`` used by self-containment.
- A missing or negative volume is an error, never silently dropped.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .errors import EmptyInputError, FieldNotFoundError, InvalidValueError, first_labels

CANONICAL_COLUMNS = ("origin", "destination", "flow_type", "value")
DEFAULT_FLOW_TYPE = "flow"
COMMUTING = "commuting"

# Candidate names, most specific first; matched case-insensitively.
_ORIGIN_NAMES = ("origin", "orig", "origine", "from", "source", "src", "o", "codgeo", "commune",
                 "code_origine", "origin_code", "i")
_DESTINATION_NAMES = ("destination", "dest", "to", "target", "d", "dclt", "code_destination",
                      "destination_code", "j")
_VOLUME_NAMES = ("volume", "value", "flow", "flux", "count", "n", "weight", "total", "trips",
                 "migrants", "ipondi")
_VOLUME_PATTERNS = (re.compile(r"^nbflux_c\d{2}_actocc15p$", re.IGNORECASE),)
_TYPE_NAMES = ("flow_type", "flowtype", "type", "kind", "type_flux", "theme")
# Column sets that identify INSEE commuting files (MOBPRO), hence flows of commuters.
_INSEE_ORIGINS = {"codgeo", "commune"}
_INSEE_VOLUMES = {"ipondi"}


@dataclass(frozen=True)
class FlowColumns:
    """The columns of a raw table that hold the flow's parts."""

    origin: str
    destination: str
    volume: str
    flow_type: str | None = None
    #: True when the names are those of INSEE's commuting files (MOBPRO).
    insee_commuting: bool = False


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


def _pick(columns, names, patterns=()):
    lowered = {str(c).strip().lower(): c for c in columns}
    for name in names:
        if name in lowered:
            return lowered[name]
    for pattern in patterns:
        for low, original in lowered.items():
            if pattern.match(low):
                return original
    return None


def detect_flow_columns(columns, *, origin=None, destination=None, volume=None, flow_type=None):
    """Find the origin, destination, volume and flow-type columns of a table.

    Names given explicitly win; the others are recognised case-insensitively
    from common names and INSEE's (``CODGEO``/``DCLT``/``NBFLUX_C20_ACTOCC15P``,
    ``COMMUNE``/``DCLT``/``IPONDI``).

    Examples
    --------
    >>> cols = detect_flow_columns(["CODGEO", "LIBGEO", "DCLT", "L_DCLT", "NBFLUX_C20_ACTOCC15P"])
    >>> (cols.origin, cols.destination, cols.volume, cols.insee_commuting)
    ('CODGEO', 'DCLT', 'NBFLUX_C20_ACTOCC15P', True)
    >>> detect_flow_columns(["source", "destination", "migrants"]).volume
    'migrants'
    """
    columns = list(columns)
    found = {
        "origin": origin or _pick(columns, _ORIGIN_NAMES),
        "destination": destination or _pick(columns, _DESTINATION_NAMES),
        "volume": volume or _pick(columns, _VOLUME_NAMES, _VOLUME_PATTERNS),
    }
    for role, name in found.items():
        if name is None:
            raise FieldNotFoundError(
                f"No {role} field found among the columns {first_labels(columns, 12)}; "
                f"name it in the {role} field parameter."
            )
        if name not in columns:
            raise FieldNotFoundError(
                f"The {role} field '{name}' is not in the table; its columns are "
                f"{first_labels(columns, 12)}."
            )
    if flow_type and flow_type not in columns:
        raise FieldNotFoundError(
            f"The flow-type field '{flow_type}' is not in the table; its columns are "
            f"{first_labels(columns, 12)}."
        )
    if flow_type is None:
        flow_type = _pick(columns, _TYPE_NAMES)
    insee = (str(found["origin"]).lower() in _INSEE_ORIGINS and str(found["destination"]).lower() == "dclt"
             and (str(found["volume"]).lower() in _INSEE_VOLUMES
                  or any(p.match(str(found["volume"])) for p in _VOLUME_PATTERNS)))
    return FlowColumns(found["origin"], found["destination"], found["volume"], flow_type or None, insee)


@dataclass(frozen=True)
class CsvFormat:
    """How a delimited text file was read."""

    encoding: str
    delimiter: str
    decimal: str


def sniff_csv(path, *, sample_bytes=1 << 16):
    """Detect the encoding and delimiter of a delimited text file.

    UTF-8 (with or without BOM) is tried first, then cp1252 (Windows exports of
    French tables). The delimiter is the most frequent of ``; , TAB |`` in the
    header line. The decimal separator is decided later, from the values.
    """
    with open(path, "rb") as handle:
        raw = handle.read()
    if not raw.strip():
        raise EmptyInputError(f"The flow file {path} is empty.")
    if raw.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    else:
        try:
            raw.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1252"
    head = raw[:sample_bytes].decode(encoding, errors="replace")
    header = head.lstrip("\ufeff").splitlines()[0]
    counts = {sep: header.count(sep) for sep in (";", ",", "\t", "|")}
    delimiter = max(counts, key=counts.get)
    if counts[delimiter] == 0:
        try:
            delimiter = csv.Sniffer().sniff(head).delimiter
        except csv.Error as exc:
            raise InvalidValueError(
                f"Cannot find the delimiter of {path}: its first line is '{header[:80]}'."
            ) from exc
    return CsvFormat(encoding=encoding, delimiter=delimiter, decimal=".")


def read_flow_csv(path, *, origin=None, destination=None, volume=None, flow_type=None):
    """Read the flow columns of a CSV file, codes as text.

    Returns the raw table (only the flow columns, all as text, index = line
    number in the file), the detected :class:`FlowColumns` and the
    :class:`CsvFormat`. Volumes stay text here: :func:`validate_flows` parses
    them, decimal commas included.
    """
    fmt = sniff_csv(path)
    header = pd.read_csv(path, sep=fmt.delimiter, encoding=fmt.encoding, nrows=0)
    columns = detect_flow_columns([str(c) for c in header.columns], origin=origin,
                                  destination=destination, volume=volume, flow_type=flow_type)
    wanted = [c for c in (columns.origin, columns.destination, columns.volume, columns.flow_type) if c]
    table = pd.read_csv(path, sep=fmt.delimiter, encoding=fmt.encoding, usecols=wanted,
                        dtype=str, keep_default_na=False, na_values=[""], engine="c")
    if table.empty:
        raise EmptyInputError(f"The flow file {path} has a header but no rows.")
    table.index = pd.RangeIndex(2, len(table) + 2, name="line")
    return table, columns, fmt


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
        fixed = (text[bad].astype(str).str.replace(r"[\s\u00a0\u202f]", "", regex=True)
                 .str.replace(",", ".", regex=False))
        numbers = numbers.astype(float)
        numbers[bad] = pd.to_numeric(fixed, errors="coerce")
    return numbers.astype(float)


def _row_list(index, mask):
    label = index.name or "row"
    return f"{label} {first_labels(index[mask])}"


def validate_flows(raw, columns, *, default_type=DEFAULT_FLOW_TYPE, min_volume=0.0, keep_types=None):
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
    origin = codes_as_text(raw[columns.origin])
    destination = codes_as_text(raw[columns.destination])
    for role, codes in (("origin", origin), ("destination", destination)):
        missing = codes.isna().to_numpy()
        if missing.any():
            raise InvalidValueError(
                f"{missing.sum()} rows have no {role} code in '{getattr(columns, role)}' "
                f"({_row_list(raw.index, missing)})."
            )
    value = parse_volumes(raw[columns.volume])
    missing = value.isna().to_numpy()
    if missing.any():
        raise InvalidValueError(
            f"{missing.sum()} rows have a missing or non-numeric volume in '{columns.volume}' "
            f"({_row_list(raw.index, missing)})."
        )
    negative = (value < 0).to_numpy()
    if negative.any():
        raise InvalidValueError(
            f"{negative.sum()} rows have a negative volume in '{columns.volume}' "
            f"({_row_list(raw.index, negative)})."
        )
    if not np.isfinite(value.to_numpy()).all():
        raise InvalidValueError(f"Some volumes in '{columns.volume}' are infinite.")
    if columns.flow_type:
        kind = codes_as_text(raw[columns.flow_type]).fillna(default_type)
    else:
        kind = pd.Series(default_type, index=raw.index, dtype=object)
    table = pd.DataFrame({"origin": origin.to_numpy(), "destination": destination.to_numpy(),
                          "flow_type": kind.to_numpy(), "value": value.to_numpy()}, index=raw.index)
    if keep_types:
        keep = {str(t).strip() for t in keep_types if str(t).strip()}
        present = set(table["flow_type"].unique())
        if not keep & present:
            raise InvalidValueError(
                f"None of the flow types to keep ({first_labels(sorted(keep))}) is in the table; "
                f"its types are {first_labels(sorted(present), 12)}."
            )
        mask = table["flow_type"].isin(keep).to_numpy()
        result.rows_of_other_types = int((~mask).sum())
        table = table[mask]
    if min_volume and min_volume > 0:
        below = (table["value"] < min_volume).to_numpy()
        result.rows_below_minimum = int(below.sum())
        table = table[~below]
        if table.empty:
            raise EmptyInputError(
                f"No flow reaches the minimum volume {min_volume:g}: lower the minimum volume."
            )
    keys = ["origin", "destination", "flow_type"]
    duplicated = table.duplicated(keys, keep="first").to_numpy()
    result.duplicate_rows = int(duplicated.sum())
    if result.duplicate_rows:
        result.warnings.append(
            f"{result.duplicate_rows} rows repeat an (origin, destination, type) already seen "
            f"({_row_list(table.index, duplicated)}): their volumes were summed."
        )
        table = table.groupby(keys, sort=False, as_index=False)["value"].sum()
    result.table = table.reset_index(drop=True)
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
    ok_origin = flows["origin"].isin(known).to_numpy()
    ok_destination = flows["destination"].isin(known).to_numpy()
    ok = ok_origin & ok_destination
    bad = flows[~ok]
    if bad.empty:
        return flows, Unmatched(0, 0.0, [])
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
    return flows[ok], Unmatched(int(len(bad)), float(bad["value"].sum()), codes, hint)
