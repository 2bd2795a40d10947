"""Reading flow files and recognising their columns.

A flow table comes as a CSV file or a QGIS table whose columns are named in
many ways: this module finds the origin, destination, volume and flow-type
columns (names given explicitly win; the others are recognised, case-insensitively,
from common names and INSEE's commuting files, MOBPRO: ``CODGEO``/``DCLT``/
``NBFLUX_C20_ACTOCC15P`` or ``COMMUNE``/``DCLT``/``IPONDI``), and reads a CSV file
with its encoding (UTF-8 with or without BOM, else cp1252), delimiter
(``; , TAB |``) and decimal separator detected, codes as text.

What a flow row means and what validation refuses is in :mod:`.table`.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass

import pandas as pd

from ..errors import EmptyInputError, FieldNotFoundError, InvalidValueError, first_labels

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
