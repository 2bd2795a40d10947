"""The allowed imports between the plugin's layers, read from every module with ``ast``.

    entry (classFactory: __init__.py, alliance_plugin/__init__.py, alliance_plugin/plugin.py)
      -> gui, processing, toolbelt
    gui        -> qgis_io, core, toolbelt          (never processing, but for the known exception below)
    processing -> qgis_io, core, toolbelt          (never gui, never the entry)
    qgis_io    -> core, toolbelt                   (never processing, gui or the entry)
    core       -> core only, and third-party libraries (never qgis, Qt, toolbelt or any other layer)
    toolbelt   -> toolbelt only

Every layer may import itself. Imports inside functions count as much as those at the top.
No module imports a private name (a leading underscore) from another module of ours, nor
reads one as an attribute of a module of ours (``network._xy``): make it public and documented,
or move it. The README's "Architecture" section draws the same rules.

Known exceptions are listed in :data:`KNOWN` with the topic that owns their clearing: they do
not fail the suite, and an entry that no longer occurs is reported as a warning so it can be
struck from the list.
"""

import ast
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCES = ("alliance_plugin", "processing")
ENTRY = {"__init__.py", "alliance_plugin/__init__.py", "alliance_plugin/plugin.py"}
ALLOWED = {
    "entry": {"entry", "gui", "processing", "toolbelt"},
    "gui": {"gui", "qgis_io", "core", "toolbelt"},
    "processing": {"processing", "qgis_io", "core", "toolbelt"},
    "qgis_io": {"qgis_io", "core", "toolbelt"},
    "core": {"core"},
    "toolbelt": {"toolbelt"},
}
#: Third-party roots core may never import (QGIS and Qt): core runs in any Python.
NOT_IN_CORE = {"qgis", "PyQt5", "PyQt6", "PySide2", "PySide6", "sip"}
#: (importing file, imported module or "module.name") -> the topic that owns clearing it.
KNOWN = {
    # The dock styles the sample layers it loads with the Processing outputs' styles; styling is
    # presentation of QGIS layers, not an algorithm: it belongs in an adapter module (e.g.
    # alliance_plugin/qgis_io/styles/) that both the GUI and processing/ would import.
    ("alliance_plugin/gui/layers.py", "processing.styling"): "gui: sample layers styled through processing/styling",
}


def _files():
    files = [REPO / "__init__.py"]
    for source in SOURCES:
        files += [p for p in (REPO / source).rglob("*.py") if "__pycache__" not in p.parts]
    return sorted(files)


def layer_of(rel):
    """The layer of a repository-relative path (a module file or a package folder), or None."""
    text = rel.as_posix()
    if text in ENTRY or text in ("alliance_plugin/plugin", "."):
        return "entry"
    parts = rel.parts
    if parts and parts[0] == "processing":
        return "processing"
    if len(parts) >= 2 and parts[0] == "alliance_plugin" and parts[1] in ALLOWED:
        return parts[1]
    return None


def _target(rel, node):
    """The repository-relative dotted module an ``ImportFrom`` names, or None when it is not ours."""
    if node.level == 0:
        module = node.module or ""
        if not module.startswith("alliance_territories"):
            return None
        return module.split(".")[1:]
    base = list(rel.parent.parts)
    if node.level > 1:
        base = base[:len(base) - (node.level - 1)]
    return base + (node.module.split(".") if node.module else [])


def _is_module(parts):
    path = REPO.joinpath(*parts) if parts else REPO
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports(path):
    """[(line, target layer, dotted target, imported name)] of our modules imported by ``path``, and
    [(line, dotted, attribute)] of private attributes read on modules of ours bound by an import."""
    rel = path.relative_to(REPO)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found, modules = [], {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            parts = _target(rel, node)
            if parts is None:
                continue
            for alias in node.names:
                full = parts + [alias.name]
                if _is_module(full):  # "from . import styling": the module styling itself
                    found.append((node.lineno, layer_of(Path(*full)), ".".join(full), None))
                    modules[alias.asname or alias.name] = ".".join(full)
                else:
                    found.append((node.lineno, layer_of(Path(*parts) if parts else Path(".")), ".".join(parts),
                                  alias.name))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("alliance_territories."):
                    parts = alias.name.split(".")[1:]
                    found.append((node.lineno, layer_of(Path(*parts)), ".".join(parts), None))
    private = [(node.lineno, modules[node.value.id], node.attr) for node in ast.walk(tree)
               if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
               and node.value.id in modules and _private(node.attr)]
    return found, private


def _private(name):
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _third_party_roots(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name.split(".")[0]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module.split(".")[0]


def _violations():
    """(file, what, message) of every import that breaks the rules."""
    out = []
    for path in _files():
        rel = path.relative_to(REPO)
        source = layer_of(rel)
        assert source is not None, rel
        found, private = imports(path)
        for line, target, dotted, name in found:
            if target is None:
                out.append((rel.as_posix(), dotted, f"{rel}:{line} imports {dotted}, which belongs to no layer"))
            elif target not in ALLOWED[source]:
                out.append((rel.as_posix(), dotted, f"{rel}:{line} ({source}) imports {dotted} ({target})"))
            if name is not None and _private(name):
                out.append((rel.as_posix(), f"{dotted}.{name}",
                            f"{rel}:{line} imports the private name {name} from {dotted}"))
        for line, dotted, attribute in private:
            out.append((rel.as_posix(), f"{dotted}.{attribute}",
                        f"{rel}:{line} reads the private name {attribute} of {dotted}"))
        if source == "core":
            out += [(rel.as_posix(), root, f"{rel}:{line} (core) imports {root}")
                    for line, root in _third_party_roots(path) if root in NOT_IN_CORE]
    return out


def test_every_module_belongs_to_a_layer():
    assert {layer_of(p.relative_to(REPO)) for p in _files()} == set(ALLOWED)


def test_imports_between_layers_and_no_private_name_across_modules():
    found = _violations()
    unknown = [message for file, what, message in found if (file, what) not in KNOWN]
    assert unknown == [], "\n".join(unknown)
    cleared = [f"{key} ({topic})" for key, topic in KNOWN.items() if key not in {(f, w) for f, w, _ in found}]
    if cleared:
        warnings.warn("Known layer exceptions no longer found, strike them from KNOWN: " + "; ".join(cleared))


def test_the_rules_catch_what_they_forbid(tmp_path):
    """The checker itself: a core module importing the toolbelt, a private name and a gui import from
    processing are found (parsed from sources written here, not from the plugin)."""
    rel = Path("alliance_plugin/core/example.py")
    tree = ast.parse("from ..toolbelt.i18n import tr\nfrom .network import _xy\n")
    nodes = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert [".".join(_target(rel, n)) for n in nodes] == ["alliance_plugin.toolbelt.i18n",
                                                          "alliance_plugin.core.network"]
    assert layer_of(Path("alliance_plugin/toolbelt/i18n")) not in ALLOWED["core"]
    assert _private("_xy") and not _private("__all__")
    processing = Path("processing/example.py")
    node = ast.parse("from ..alliance_plugin.gui import dock\n").body[0]
    assert layer_of(Path(*_target(processing, node))) == "gui" not in ALLOWED["processing"]
    assert layer_of(Path("alliance_plugin/plugin.py")) == "entry" and layer_of(Path("__init__.py")) == "entry"
