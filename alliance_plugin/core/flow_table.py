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



def _field_error(role, name, columns):
    """The error for a flow field (``role`` origin, destination or volume) not found (``name`` None) or absent,
    each message whole so that it is translated whole."""
    if name is None:
        if role == "origin":
            return FieldNotFoundError("No origin field found among the columns {columns}; name it in the origin "
                                      "field parameter.", columns=columns)
        if role == "destination":
            return FieldNotFoundError("No destination field found among the columns {columns}; name it in the "
                                      "destination field parameter.", columns=columns)
        return FieldNotFoundError("No volume field found among the columns {columns}; name it in the volume field "
                                  "parameter.", columns=columns)
    if role == "origin":
        return FieldNotFoundError("The origin field '{name}' is not in the table; its columns are {columns}.",
                                  name=name, columns=columns)
    if role == "destination":
        return FieldNotFoundError("The destination field '{name}' is not in the table; its columns are {columns}.",
                                  name=name, columns=columns)
    return FieldNotFoundError("The volume field '{name}' is not in the table; its columns are {columns}.",
                              name=name, columns=columns)


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
        if name is None or name not in columns:
            raise _field_error(role, name, first_labels(columns, 12))
    if flow_type and flow_type not in columns:
        raise FieldNotFoundError("The flow-type field '{flow_type}' is not in the table; its columns are "
                                 "{columns}.", flow_type=flow_type,
                                 columns=first_labels(columns, 12))
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
        raise EmptyInputError("The flow file {path} is empty.", path=path)
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
            raise InvalidValueError("Cannot find the delimiter of {path}: its first line is '{header}'.", path=path,
                                    header=header[:80]) from exc
    return CsvFormat(encoding=encoding, delimiter=delimiter, decimal=".")


_DECIMAL_COMMA = re.compile(r"^\s*-?[\d\s\u00a0\u202f]*\d,\d+\s*$")


def _decimal_of(sample):
    """``,`` when some volumes of the sample are written with a decimal comma."""
    values = sample.dropna().astype(str).astype(object)  # Python's re, whatever pandas' string storage
    return "," if len(values) and values.str.match(_DECIMAL_COMMA).any() else "."


def read_flow_csv(path, *, origin=None, destination=None, volume=None, flow_type=None, extra=()):
    """Read the flow columns of a CSV file, codes as text.

    Returns the raw table (only the flow columns, index = line number in the
    file), the detected :class:`FlowColumns` and the :class:`CsvFormat`. Codes
    are read as text; volumes as numbers when the whole column parses (decimal
    comma included), otherwise as text, so that :func:`validate_flows` names the
    offending rows.
    """
    fmt = sniff_csv(path)
    options = dict(sep=fmt.delimiter, encoding=fmt.encoding, engine="c")
    try:
        return _read_flow_csv(path, fmt, options, origin, destination, volume, flow_type, extra)
    except pd.errors.ParserError as error:  # a quote never closed, a line with more fields than the header...
        found = re.search(r"(row|line) (\d+)", str(error))
        line = (int(found.group(2)) + (1 if found.group(1) == "row" else 0)) if found else None
        if line is None:
            raise InvalidValueError("{path} cannot be read as a table ({reason}): check the quotes and the "
                                    "delimiter ('{delimiter}').", path=path, reason=str(error).strip(),
                                    delimiter=fmt.delimiter) from None
        raise InvalidValueError("{path} cannot be read as a table near line {line} ({reason}): check the quotes "
                                "(one opened and never closed) and the delimiter ('{delimiter}').", path=path,
                                line=line, reason=str(error).strip().split(". ", 1)[-1],
                                delimiter=fmt.delimiter) from None


def _read_flow_csv(path, fmt, options, origin, destination, volume, flow_type, extra):
    header = pd.read_csv(path, nrows=0, **options)
    columns = detect_flow_columns([str(c) for c in header.columns], origin=origin,
                                  destination=destination, volume=volume, flow_type=flow_type)
    text_columns = [c for c in (columns.origin, columns.destination, columns.flow_type) if c]
    missing = [name for name in extra if name not in header.columns]
    if missing:
        raise FieldNotFoundError("The field '{missing}' is not in {path}; its columns are {columns}.",
                                 missing=missing[0], path=path, columns=first_labels(list(header.columns), 12))
    wanted = list(dict.fromkeys(text_columns + [columns.volume, *extra]))
    sample = pd.read_csv(path, nrows=2000, usecols=[columns.volume], dtype=str, **options)
    decimal = _decimal_of(sample[columns.volume]) if fmt.delimiter != "," else "."
    fmt = CsvFormat(fmt.encoding, fmt.delimiter, decimal)
    dtypes = {c: str for c in text_columns}
    try:
        table = pd.read_csv(path, usecols=wanted, dtype={**dtypes, **{c: "float64" for c in (columns.volume, *extra)}},
                            decimal=decimal, keep_default_na=False, na_values=[""], **options)
    except ValueError:  # some volume is not a number: read it as text and let validation say where
        table = pd.read_csv(path, usecols=wanted, dtype=str, keep_default_na=False, na_values=[""], **options)
    if table.empty:
        raise EmptyInputError("The flow file {path} has a header but no rows.", path=path)
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
