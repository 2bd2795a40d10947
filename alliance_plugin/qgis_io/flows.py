"""Flow input shared by every flow algorithm: a QGIS table or layer, or a CSV file.

A CSV path is read with pandas (fast, codes as text, encoding, delimiter and
decimal comma detected); anything else goes through QGIS's feature source,
which honours the user's layer, filters and selection.
"""

from __future__ import annotations

import os

from qgis.core import QgsProcessingException, QgsProviderRegistry

from ..toolbelt.i18n import tr
from .layers import read_attributes

CSV_SUFFIXES = (".csv", ".txt", ".tsv")


def csv_path_of(value):
    """The path of a delimited text file given as a flow input, or None.

    A layer loaded in the project is given by its id or name, never as a
    file path, so its provider settings (types, filters) stay the user's.
    """
    if not isinstance(value, str) or not value:
        return None
    path = value
    if value.startswith("file:") or "|" in value or "?" in value:
        parts = QgsProviderRegistry.instance().decodeUri("ogr", value)
        path = parts.get("path") or value
    if path.lower().endswith(CSV_SUFFIXES) and os.path.isfile(path):
        return path
    return None


def read_flow_input(algorithm, parameters, context, feedback, *, names, extra=()):
    """Read the FLOWS input of ``algorithm``.

    ``names`` maps ``origin``, ``destination``, ``volume`` and ``flow_type`` to
    the user's field names or None (auto-detection). Returns the raw frame (the
    flow columns only, index = CSV line number or feature id), the detected
    columns and a short description of the source for the log.
    """
    from ..core.flows.reading import detect_flow_columns, read_flow_csv

    value = parameters.get(algorithm.FLOWS)
    path = csv_path_of(value)
    if path is not None:
        raw, columns, fmt = read_flow_csv(path, **names, extra=extra)
        delimiter = {"\t": "TAB"}.get(fmt.delimiter, fmt.delimiter)
        description = tr("CSV file {path} ({encoding}, delimiter '{delimiter}')").format(
            path=path, encoding=fmt.encoding, delimiter=delimiter)
        return raw, columns, description
    source = algorithm.parameterAsSource(parameters, algorithm.FLOWS, context)
    if source is None:
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, algorithm.FLOWS))
    if source.featureCount() == 0:
        raise QgsProcessingException(tr("The flow table or layer is empty: it holds no rows."))
    columns = detect_flow_columns(source.fields().names(), **names)
    wanted = [c for c in (columns.origin, columns.destination, columns.volume, columns.flow_type, *extra) if c]
    raw = read_attributes(source, wanted, feedback)
    return raw, columns, tr("layer {name}").format(name=source.sourceName())
