"""core/ never imports QGIS or Qt: it must run in any Python, and QGIS must not depend on it.

Every module of core/ and of its subpackages (core/growth/, core/flows/, ...) is checked, and
its doctests run.
"""

import ast
import doctest
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

FORBIDDEN = ("qgis", "PyQt5", "PyQt6", "PySide2", "PySide6", "sip")
CORE = Path(__file__).resolve().parents[2] / "alliance_plugin" / "core"


def _module_name(path):
    """Dotted name below core/ of a module file: ``growth.patches``; a package is its ``__init__``'s folder."""
    parts = path.relative_to(CORE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


#: Every module of core/ and its subpackages (a subpackage's ``__init__`` included), by dotted name.
CORE_MODULES = sorted(_module_name(p) for p in CORE.rglob("*.py")
                      if "__pycache__" not in p.parts and p != CORE / "__init__.py")


def imported_roots(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


@pytest.mark.parametrize("path", sorted(p for p in CORE.rglob("*.py") if "__pycache__" not in p.parts),
                         ids=lambda p: p.relative_to(CORE).as_posix())
def test_no_qgis_or_qt_import(path):
    assert not set(imported_roots(path)) & set(FORBIDDEN)


def test_core_imports_with_qgis_blocked(plugins_dir):
    """Importing every core module in a fresh Python where qgis and Qt cannot be imported."""
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(plugins_dir)!r})\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name.split('.')[0] in {FORBIDDEN!r}: raise ImportError('blocked ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        + "".join(f"import alliance_territories.alliance_plugin.core.{m}\n" for m in CORE_MODULES)
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", CORE_MODULES)
def test_doctests(name):
    module = importlib.import_module(f"alliance_territories.alliance_plugin.core.{name}")
    failures, _ = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert failures == 0
