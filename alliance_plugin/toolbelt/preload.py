"""Import what the algorithms use on QGIS's main thread, before a run goes to a worker thread.

QGIS Desktop runs algorithms on a worker thread of its task manager. When a Python
algorithm (QGIS's own or ours) fails inside a feature iterator on that thread (an
invalid geometry with the setting "stop at invalid geometries"), QGIS's bindings raise
from code that had released Python's lock, and the worker thread's Python state is left
broken: later imports on it fail ("can't import io", "SystemError: unknown opcode")
until QGIS restarts. Code already imported is not affected, so every module the
algorithms need is imported here once, from ``prepareAlgorithm``, which QGIS calls on the
main thread before it hands the run to a worker (``QgsProcessingAlgRunnerTask``).
Missing optional libraries are simply skipped; nothing is imported at QGIS start-up.

It costs about 3 s once per process, so it runs only where runs go to worker threads:
QGIS Desktop (``QgsApplication.platform() == "desktop"``), not ``qgis_process`` or scripts
(:data:`FORCE` makes tests behave as Desktop).
"""

from __future__ import annotations

import importlib
import pkgutil
import threading

#: Third-party modules our code imports inside functions (submodules included: an import of
#: ``scipy.sparse.csgraph`` on a broken worker thread fails even when ``scipy`` is loaded).
LIBRARIES = (
    "numpy", "pandas", "shapely", "scipy", "scipy.sparse", "scipy.sparse.csgraph", "scipy.sparse.linalg",
    "scipy.ndimage", "scipy.signal", "scipy.spatial", "scipy.special", "scipy.linalg", "networkx", "pyogrio",
    "pyogrio.raw",
    "geopandas", "igraph", "pandas.core.reshape.reshape",  # pandas imports it lazily (unstack, pivot)
    # the standard library modules imported lazily by our code and by pandas' writers
    "io", "csv", "zipfile", "json", "html", "base64", "tempfile", "random", "re", "codecs",
    "encodings.utf_8", "encodings.cp1252", "encodings.latin_1", "encodings.utf_8_sig",
)
_done = False
_lock = threading.Lock()
#: Preload outside QGIS Desktop too (tests that play Desktop's worker threads).
FORCE = False


def wanted():
    """True in QGIS Desktop, where Processing runs algorithms on worker threads."""
    from qgis.core import QgsApplication

    return FORCE or QgsApplication.platform() == "desktop"


def _package_modules(package):
    """Every module of a package, recursively (``alliance_plugin.core`` ...)."""
    yield package.__name__
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        yield info.name


def preload(plugin_package):
    """Import the libraries and every module of our core, adapter and Processing packages, once.

    ``plugin_package`` is the plugin's top-level package name (the folder name QGIS uses).
    Returns the names that could not be imported (missing optional libraries).
    """
    global _done
    with _lock:
        if _done:
            return []
        failed = []
        names = list(LIBRARIES)
        for sub in ("alliance_plugin.core", "alliance_plugin.qgis_io", "processing"):
            try:
                package = importlib.import_module(f"{plugin_package}.{sub}")
            except Exception:  # noqa: BLE001 (a missing library: the algorithm says so itself)
                failed.append(sub)
                continue
            names += list(_package_modules(package))
        for name in names:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001
                failed.append(name)
        _done = True
        return failed
