"""The pyogrio fast path's older names, kept for callers being migrated (processing/access_inputs.py).

The decision and the pyogrio reading and writing now live in :mod:`.fast_path`
(:func:`~.fast_path.fast_path`), used through :func:`~.reading.read_layer` and
``AllianceAlgorithm.writeTerritories``.
"""

from .fast_path import (  # noqa: F401 (re-exported)
    FILE_SUFFIXES,
    file_layer,
    gpkg_destination,
    load_on_completion,
    pyogrio_usable,
    read_file,
    write_gpkg,
)
