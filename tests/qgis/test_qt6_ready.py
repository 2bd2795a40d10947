"""Ready for QGIS 4 (Qt6): QGIS's own PyQt5 -> PyQt6 migration script has nothing left to change.

The migration script is QGIS's ``scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py``, installed from its
PyPI packaging ``qgis-pyqt5to6`` (module ``pyqt5to6.pyqt5to6``; ``scripts/setup.sh`` installs it
with PyQt6, astpretty and tokenize-rt). It runs in a subprocess (it imports PyQt6, which must
never meet the PyQt5 of this process) on a temporary copy, since it rewrites files in place.

The other tests need no PyQt6: the AST checks (no PyQt5, no ``exec_``, no ``QVariant`` field
types) and the enum check, which finds with the running QGIS's bindings every enum member reached
without its enum's name (``Qgis.Warning`` instead of ``Qgis.MessageLevel.Warning``): PyQt6 has
only scoped enums, and the script's introspection misses QGIS 3's own.
"""

import ast
import difflib
import enum
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TREES = ("alliance_plugin", "processing", "scripts", "tests")
MODULE = "pyqt5to6.pyqt5to6"


def python_files():
    """The plugin's Python files, with the scripts and tests beside it."""
    root = REPO
    files = [root / "__init__.py"]
    for tree in TREES:
        files += sorted(path for path in (root / tree).rglob("*.py") if "__pycache__" not in path.parts)
    return files


def parsed():
    for path in python_files():
        yield path.relative_to(REPO).as_posix(), ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _script_env():
    """This environment (QGIS's), headless; never the repository on the path (our processing/)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    paths = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p and Path(p).resolve() != REPO]
    env["PYTHONPATH"] = os.pathsep.join(paths)
    return env


def test_migration_script_changes_nothing(tmp_path):
    probe = subprocess.run([sys.executable, "-c", f"import {MODULE}"], capture_output=True, text=True,
                           cwd=tmp_path, env=_script_env(), timeout=300)
    if probe.returncode != 0:
        last = (probe.stderr.strip().splitlines() or ["no output"])[-1]
        # make test installs the script: there a missing script is a failure, not a skip. The
        # matrix's chroots have Debian's packages only (no pip), so they skip it.
        skip_or_fail = pytest.skip if os.environ.get("ALLIANCE_MATRIX") else pytest.fail
        skip_or_fail(f"QGIS's PyQt5->PyQt6 migration script is not importable ({MODULE}: {last}); "
                    "scripts/setup.sh installs python3-pyqt6, python3-pyqt6.qsci, python3-pyqt6.qtsvg "
                    "and qgis-pyqt5to6")
    copy = tmp_path / "plugin"
    before = {}
    for path in python_files():
        relative = path.relative_to(REPO)
        (copy / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, copy / relative)
        before[relative.as_posix()] = path.read_text(encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", MODULE, str(copy)], capture_output=True, text=True,
                         cwd=tmp_path, env=_script_env(), timeout=600)
    assert "Traceback" not in run.stderr, run.stderr
    changed = {}
    for relative, text in before.items():
        after = (copy / relative).read_text(encoding="utf-8")
        if hashlib.sha256(after.encode()).digest() != hashlib.sha256(text.encode()).digest():
            changed[relative] = "".join(difflib.unified_diff(
                text.splitlines(True), after.splitlines(True), relative, relative + " (migrated)", n=0))
    assert not changed, "the migration script would change:\n" + "\n".join(changed.values())
    warnings = [line for line in (run.stdout + run.stderr).splitlines()
                if "WARNING" in line or "ERROR" in line or "Missing import" in line]
    assert not warnings, "\n".join(warnings)
    assert run.returncode == 0, run.stdout + run.stderr


def test_no_pyqt5_no_exec_underscore_no_qvariant_fields():
    problems = []
    for name, tree in parsed():
        for node in ast.walk(tree):
            where = f"{name}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Import):
                problems += [f"{where} import {alias.name}: use qgis.PyQt" for alias in node.names
                             if alias.name.split(".")[0] in ("PyQt5", "PyQt6", "PySide2", "PySide6")]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 \
                    and node.module.split(".")[0] in ("PyQt5", "PyQt6", "PySide2", "PySide6"):
                problems.append(f"{where} from {node.module}: use qgis.PyQt")
            elif isinstance(node, ast.Attribute) and node.attr == "exec_":
                problems.append(f"{where} exec_: use exec (Qt6 has no exec_)")
            elif isinstance(node, ast.FunctionDef) and node.name == "exec_":
                problems.append(f"{where} def exec_")
            elif isinstance(node, ast.Call) and _called(node) == "QgsField":
                for argument in [*node.args, *(k.value for k in node.keywords)]:
                    if any(isinstance(n, ast.Name) and n.id == "QVariant"
                           or isinstance(n, ast.Attribute) and n.attr == "QVariant" for n in ast.walk(argument)):
                        problems.append(f"{where} QgsField(..., QVariant...): use compat.make_field")
    assert not problems, "\n".join(problems)


def _called(call):
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def _namespace():
    import qgis.core
    import qgis.gui
    from qgis.PyQt import QtCore, QtGui, QtWidgets

    names = {}
    for module in (QtWidgets, QtGui, QtCore, qgis.gui, qgis.core):
        names.update({key: value for key, value in vars(module).items()
                      if key.startswith("Q") and isinstance(value, type)})
    return names


def _is_enum_member(value):
    return isinstance(value, enum.Enum) or type(type(value)).__name__ == "enumtype"  # sip enums of PyQt5


def test_every_enum_member_reached_through_its_enum(qgis_app):
    """``Class.Member`` of an enum is unscoped (PyQt6 and QGIS 4 need ``Class.Enum.Member``)."""
    classes = _namespace()
    problems = []
    for name, tree in parsed():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id in classes) or node.value.id == "QVariant":
                continue  # QVariant.String: Qt6 has no QVariant.Type, the script keeps it unscoped
            value = getattr(classes[node.value.id], node.attr, None)
            if value is not None and not isinstance(value, type) and _is_enum_member(value):
                scope = type(value).__name__
                problems.append(f"{name}:{node.lineno} {node.value.id}.{node.attr}: "
                                f"write {node.value.id}.{scope}.{node.attr} (or the compat name)")
    assert not problems, "\n".join(problems)
