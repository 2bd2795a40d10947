"""Test harness: import the plugin as QGIS does, whatever the checkout folder is called.

QGIS imports a plugin as a top-level package named after its folder. CI clones
into a folder of its own choosing, so the harness links the repository into a
temporary plugins folder as ``alliance_territories`` and imports it from there.
The repository root itself must never be on ``sys.path``: our ``processing/``
package would hide QGIS's. A guard stops the session loudly if it ever is.
"""

import atexit
import importlib.util
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PLUGIN_NAME = "alliance_territories"
PLUGINS_DIR = Path(tempfile.mkdtemp(prefix="alliance-plugins-"))
(PLUGINS_DIR / PLUGIN_NAME).symlink_to(REPO, target_is_directory=True)
atexit.register(shutil.rmtree, PLUGINS_DIR, ignore_errors=True)
sys.path.insert(0, str(PLUGINS_DIR))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _guard_processing_not_hidden():
    for entry in sys.path:
        if entry and Path(entry).resolve() == REPO:
            pytest.exit(f"The repository root {REPO} is on sys.path: it would hide QGIS's "
                        "'processing' package. Run the tests with 'make test'.", returncode=3)
    spec = importlib.util.find_spec("processing")
    if spec is not None and spec.origin and Path(spec.origin).resolve().is_relative_to(REPO):
        pytest.exit(f"'import processing' resolves to {spec.origin}, inside the repository: our "
                    "package hides QGIS's.", returncode=3)


_guard_processing_not_hidden()


@pytest.fixture(scope="session")
def repo():
    return REPO


@pytest.fixture(scope="session")
def plugins_dir():
    return PLUGINS_DIR


@pytest.fixture(scope="session")
def data_dir():
    """The sample data bundled with the plugin (users have no ../shared)."""
    return REPO / "sample_data"


_EXIT = {}


def pytest_sessionfinish(session, exitstatus):
    _EXIT["status"] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave without Python's finalisation once QGIS has run, keeping pytest's exit status.

    After the last test, Python destroys the remaining objects in no particular order; QGIS
    objects still referenced then (layers passed to a run, an exception's frames) are deleted
    after QgsApplication has gone and their C++ destructors crash the process now and then
    (exit code 139, every test passed). The report is printed by then; nothing is lost.
    """
    if "qgis.core" in sys.modules and "status" in _EXIT:
        shutil.rmtree(PLUGINS_DIR, ignore_errors=True)  # atexit handlers do not run after os._exit
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT["status"])
