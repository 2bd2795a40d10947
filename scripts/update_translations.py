#!/usr/bin/env python3
"""Extract the translatable strings and update ``i18n/alliance_<lang>.ts``, then compile the ``.qm``.

All strings share one context, ``AllianceOfTerritories`` (see alliance_plugin/toolbelt/i18n.py),
whatever the class that calls ``tr``: pylupdate5 would use the class name, hence this small
``ast`` extractor. It collects the argument of every ``tr(...)`` / ``self.tr(...)`` call in
alliance_plugin/ and processing/ when it is:

- a string literal, or a concatenation (``+`` or implicit) of literals;
- a name of a module-level string constant (``self.tr(HELP)``), constants concatenated included;
- a loop variable whose values come from a literal tuple/list in the same function
  (``for key, label in ((A, "Label"), ...): self.tr(label)``), or the keys of a
  module-level dict (``for value, colour in COLOURS.items(): tr(value)``);
- ``self.GROUP[i]``: element ``i`` of every ``GROUP = (...)`` class attribute.

Calls it cannot resolve are listed on stderr (``--strict`` makes them an error).

Usage: ``python scripts/update_translations.py [--lang fr] [--no-compile] [--strict] [--set FILE]``

``--set FILE`` takes translations from a UTF-8 file of ``source<TAB>translation`` lines
(``\n`` and ``\t`` written escaped) and marks them finished: a way to translate many strings
at once without editing the XML by hand. The whole update holds a lock on the ``.ts`` file, so
several people (or scripts) can run it at the same time.
Existing translations are kept; new messages are marked unfinished; messages no longer
in the code are marked obsolete (``type="vanished"``).
"""

from __future__ import annotations

import argparse
import ast
import fcntl
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("alliance_plugin", "processing")
CONTEXT = "AllianceOfTerritories"


def _string(node, constants):
    """The string value of ``node`` (literal, concatenation, constant name) or None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _string(node.left, constants), _string(node.right, constants)
        if left is not None and right is not None:
            return left + right
    if isinstance(node, ast.Name) and node.id in constants:
        return constants[node.id]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "strip" \
            and not node.args:
        inner = _string(node.func.value, constants)
        return inner.strip() if inner is not None else None
    return None


def _sequence(node, constants):
    """The strings of a literal tuple/list of strings, or None."""
    if isinstance(node, (ast.Tuple, ast.List)):
        values = [_string(e, constants) for e in node.elts]
        if values and all(v is not None for v in values):
            return values
    return None


def _module_constants(tree, imported=None, imported_dicts=None, imported_sequences=None):
    """Module-level ``NAME = "..."`` (strings), dicts and tuples of strings; ``imported`` seeds names
    brought in by ``from .module import NAME``."""
    constants, dicts, sequences = dict(imported or {}), dict(imported_dicts or {}), dict(imported_sequences or {})
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            value = node.value
            if value is None:
                continue
            for target in targets:
                if not isinstance(target, ast.Name):
                    continue
                text = _string(value, constants)
                if text is not None:
                    constants[target.id] = text
                elif isinstance(value, ast.Dict):
                    dicts[target.id] = value
                elif _sequence(value, constants) is not None:
                    sequences[target.id] = _sequence(value, constants)
    # Constants may be defined after the class that uses them, and from imported ones: resolve again.
    for node in tree.body:
        if isinstance(node, ast.Assign):
            text = _string(node.value, constants)
            for target in node.targets:
                if isinstance(target, ast.Name) and text is not None:
                    constants[target.id] = text
    return constants, dicts, sequences


def _module_path(path, module, level):
    base = path.parent
    for _ in range(level - 1):
        base = base.parent
    candidate = base.joinpath(*module.split(".")) if module else base
    for option in (candidate.with_suffix(".py"), candidate / "__init__.py"):
        if option.exists():
            return option
    return None


def module_tables(path, trees, memo, stack=()):
    """(constants, dicts, sequences) of a module, names imported relatively from our modules included."""
    if path in memo:
        return memo[path]
    tree = trees[path]
    imported = ({}, {}, {})
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level:
            source = _module_path(path, node.module or "", node.level)
            if source in trees and source not in stack:
                tables = module_tables(source, trees, memo, stack + (path,))
                for alias in node.names:
                    for table, into in zip(tables, imported):
                        if alias.name in table:
                            into[alias.asname or alias.name] = table[alias.name]
    memo[path] = _module_constants(tree, *imported)
    return memo[path]


def _class_sequences(trees, memo, name):
    """Every class attribute ``name = ("...", ...)`` in our modules."""
    values = []
    for path, tree in trees.items():
        constants = module_tables(path, trees, memo)[0]
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for statement in node.body:
                    if isinstance(statement, ast.Assign) and any(
                            isinstance(t, ast.Name) and t.id == name for t in statement.targets):
                        sequence = _sequence(statement.value, constants)
                        if sequence is not None:
                            values.append(sequence)
    return values


def _is_tr(call):
    func = call.func
    return (isinstance(func, ast.Name) and func.id == "tr") or (
        isinstance(func, ast.Attribute) and func.attr == "tr")


def _loop_values(name, function, constants, dicts, sequences, class_sequences):
    """Strings that the loop variable ``name`` takes in ``function`` (None if unknown)."""
    found = None
    for node in ast.walk(function):
        if not isinstance(node, (ast.For, ast.comprehension)):
            continue
        target, iterable = node.target, node.iter
        if isinstance(target, ast.Name) and target.id == name:
            index = None
        elif isinstance(target, ast.Tuple) and any(isinstance(e, ast.Name) and e.id == name for e in target.elts):
            index = next(i for i, e in enumerate(target.elts) if isinstance(e, ast.Name) and e.id == name)
        else:
            continue
        values = []
        if isinstance(iterable, ast.Name) and iterable.id in sequences and index is None:
            values = list(sequences[iterable.id])
        elif (isinstance(iterable, ast.Attribute) and isinstance(iterable.value, ast.Name)
              and iterable.value.id == "self" and index is None and class_sequences(iterable.attr)):
            values = [v for sequence in class_sequences(iterable.attr) for v in sequence]
        elif isinstance(iterable, (ast.Tuple, ast.List)):
            for element in iterable.elts:
                if index is None:
                    values.append(_string(element, constants))
                elif isinstance(element, (ast.Tuple, ast.List)) and index < len(element.elts):
                    values.append(_string(element.elts[index], constants))
                else:
                    values.append(None)
        elif (isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Attribute)
              and isinstance(iterable.func.value, ast.Name) and iterable.func.value.id in dicts
              and iterable.func.attr in ("items", "keys") and (index in (None, 0))):
            values = [_string(k, constants) for k in dicts[iterable.func.value.id].keys]
        else:
            return None
        if any(v is None for v in values):
            return None
        found = (found or []) + values
    return found


def _local_dict_values(name, function, constants):
    """Values of a dict literal assigned to ``name`` in ``function`` (None if unknown)."""
    for node in ast.walk(function):
        if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict)
                and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)):
            values = [_string(v, constants) for v in node.value.values]
            if all(v is not None for v in values):
                return values
    return None


def _group_values(tree, constants, index):
    values = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for statement in node.body:
                if (isinstance(statement, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "GROUP"
                                                              for t in statement.targets)
                        and isinstance(statement.value, ast.Tuple) and index < len(statement.value.elts)):
                    text = _string(statement.value.elts[index], constants)
                    if text is not None:
                        values.append(text)
    return values


def extract_file(path, trees, memo):
    """[(text, filename, line)] and [(filename, line, source)] unresolved."""
    tree = trees[path]
    constants, dicts, sequences = module_tables(path, trees, memo)
    messages, unresolved = [], []
    rel = path.relative_to(ROOT).as_posix()

    functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]

    def enclosing(call):
        best = None
        for function in functions:
            if function.lineno <= call.lineno <= (function.end_lineno or function.lineno):
                if best is None or function.lineno > best.lineno:
                    best = function
        return best

    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and _is_tr(node) and len(node.args) == 1):
            continue
        arg = node.args[0]
        text = _string(arg, constants)
        if text is not None:
            messages.append((text, rel, node.lineno))
            continue
        values = None
        if isinstance(arg, ast.Name):
            function = enclosing(node)
            if function is not None:
                values = _loop_values(arg.id, function, constants, dicts, sequences,
                                      lambda attr: _class_sequences(trees, memo, attr))
        elif isinstance(arg, ast.Subscript) and isinstance(arg.value, ast.Name):
            function = enclosing(node)
            values = _local_dict_values(arg.value.id, function, constants) if function is not None else None
            if values is None and arg.value.id in dicts:
                values = [_string(v, constants) for v in dicts[arg.value.id].values]
                values = values if all(v is not None for v in values) else None
        elif (isinstance(arg, ast.Subscript) and isinstance(arg.value, ast.Attribute)
              and arg.value.attr == "GROUP"):
            index = arg.slice.value if isinstance(arg.slice, ast.Constant) else getattr(
                getattr(arg.slice, "value", None), "value", None)
            if isinstance(index, int):
                values = [v for p, t in trees.items() for v in _group_values(t, module_tables(p, trees, memo)[0], index)]
        if values is None:
            if not (isinstance(arg, ast.Name) and arg.id == "text"):  # tr(self, text) wrappers
                unresolved.append((rel, node.lineno, ast.unparse(arg)))
            continue
        messages.extend((v, rel, node.lineno) for v in values)
    return messages, unresolved


def extract():
    files = sorted(p for source in SOURCES for p in (ROOT / source).rglob("*.py") if "__pycache__" not in p.parts)
    trees = {p: ast.parse(p.read_text(encoding="utf-8"), filename=str(p)) for p in files}
    ordered, locations, unresolved, memo = [], {}, [], {}
    for path in files:
        messages, missing = extract_file(path, trees, memo)
        unresolved.extend(missing)
        for text, rel, line in messages:
            if text not in locations:
                ordered.append(text)
                locations[text] = []
            if (rel, line) not in locations[text]:
                locations[text].append((rel, line))
    for text, rel, line in [*scorecard_sentences(), *core_error_templates()]:
        if text not in locations:
            ordered.append(text)
            locations[text] = []
        locations[text].append((rel, line))
    return ordered, locations, unresolved


#: The core's errors (alliance_plugin/core/errors.py and the subclasses in core modules).
CORE_ERRORS = ("AllianceError", "EmptyInputError", "FieldNotFoundError", "InvalidValueError", "ConvergenceError",
               "GtfsError", "OptionalDependencyError", "GeographicCoordinatesError")


def core_error_templates():
    """The message templates of the core's errors: the literal first argument of ``SomeError("...", **params)``
    in alliance_plugin/core/ (f-strings are not templates); processing/base.py translates them with tr()."""
    found = []
    for path in sorted((ROOT / "alliance_plugin" / "core").rglob("*.py")):  # packages (core/gtfs/...) included
        if "__pycache__" in path.parts:
            continue
        rel = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in CORE_ERRORS
                    and node.args):
                text = _string(node.args[0], {})
                if text:
                    found.append((text, rel, node.lineno))
    return found


def scorecard_sentences():
    """The texts of core/scorecard.py and core/scorecard_rules.py (the ``text=`` sentence templates, ``rule_text=`` and ``source=`` of its rules,
    the values of its REASONS, WORDS and COMPLETE dicts) and the labels of core/indicators.py
    (first argument of ``_ind``/``_share``): translated by the glue (``translate=tr``)."""
    found = []
    for name in ("scorecard.py", "scorecard_rules.py", "indicators.py"):
        path = ROOT / "alliance_plugin" / "core" / name
        tree = ast.parse(path.read_text(encoding="utf-8"))
        rel = path.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "text" and isinstance(node.value, ast.Dict):
                for value in node.value.values:
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        found.append((value.value, rel, value.lineno))
            elif isinstance(node, ast.keyword) and node.arg in ("rule_text", "source"):
                text = _string(node.value, {})
                if text is not None:
                    found.append((text, rel, node.value.lineno))
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict) and any(
                    isinstance(t, ast.Name) and t.id in ("REASONS", "WORDS", "COMPLETE") for t in node.targets):
                for value in node.value.values:
                    text = _string(value, {})
                    if text is not None:
                        found.append((text, rel, value.lineno))
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                    node.func.id in ("_ind", "_share") and node.args:
                text = _string(node.args[0], {})
                if text is not None:
                    found.append((text, rel, node.args[0].lineno))
    return found


def read_ts(path):
    """{source: (translation, type attribute or None)} of an existing .ts file."""
    if not path.exists():
        return {}
    existing = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = (translation.text or "") if translation is not None else ""
        kind = translation.get("type") if translation is not None else None
        existing[source] = (text, kind)
    return existing


def write_ts(path, language, ordered, locations, existing, prune=False):
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    counts = {"total": 0, "finished": 0, "unfinished": 0, "vanished": 0}
    for text in ordered:
        message = ET.SubElement(context, "message")
        for rel, line in locations[text]:
            ET.SubElement(message, "location", filename="../" + rel, line=str(line))
        ET.SubElement(message, "source").text = text
        translation = ET.SubElement(message, "translation")
        old, kind = existing.get(text, ("", "unfinished"))
        translation.text = old
        counts["total"] += 1
        if not old or kind == "unfinished":
            translation.set("type", "unfinished")
            counts["unfinished"] += 1
        else:
            counts["finished"] += 1
    for text, (old, _kind) in existing.items():
        if text in locations or not old or prune:
            continue
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation", type="vanished").text = old
        counts["vanished"] += 1
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return counts


def lrelease_binary():
    for candidate in ("/usr/lib/qt5/bin/lrelease", shutil.which("lrelease-qt5"), shutil.which("lrelease")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--no-compile", action="store_true")
    parser.add_argument("--strict", action="store_true", help="fail when a tr() call cannot be resolved")
    parser.add_argument("--prune", action="store_true",
                        help="drop the translations of messages no longer in the code (vanished)")
    parser.add_argument("--set", metavar="FILE", action="append", default=[],
                        help="translations to set: lines 'source<TAB>translation' (\\n, \\t escaped)")
    args = parser.parse_args(argv)
    lock = ROOT / "i18n" / f".alliance_{args.lang}.lock"
    with open(lock, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        return _update(args)


def read_pairs(path):
    """{source: translation} from a file of 'source<TAB>translation' lines."""
    pairs = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if "\t" not in line:
            raise SystemExit(f"{path}:{number}: no tab between the source and its translation")
        source, translation = line.split("\t", 1)
        unescape = lambda text: text.replace("\\n", "\n").replace("\\t", "\t")  # noqa: E731
        pairs[unescape(source)] = unescape(translation)
    return pairs


def _update(args):
    ordered, locations, unresolved = extract()
    for rel, line, source in unresolved:
        print(f"warning: {rel}:{line}: cannot resolve tr({source})", file=sys.stderr)
    ts = ROOT / "i18n" / f"alliance_{args.lang}.ts"
    existing = read_ts(ts)
    for path in args.set:
        for source, translation in read_pairs(path).items():
            if source not in locations:
                print(f"warning: {path}: not a string of the code: {source!r}", file=sys.stderr)
            existing[source] = (translation, None)
    counts = write_ts(ts, args.lang, ordered, locations, existing, prune=args.prune)
    print(f"{ts.relative_to(ROOT)}: {counts['total']} messages, {counts['finished']} translated, "
          f"{counts['unfinished']} unfinished, {counts['vanished']} vanished")
    if not args.no_compile:
        binary = lrelease_binary()
        if binary is None:
            print("lrelease not found: apt-get install qttools5-dev-tools", file=sys.stderr)
            return 1
        qm = ts.with_suffix(".qm")
        subprocess.run([binary, "-silent", str(ts), "-qm", str(qm)], check=True)
        print(f"{qm.relative_to(ROOT)} compiled")
    return 1 if args.strict and unresolved else 0


if __name__ == "__main__":
    sys.exit(main())
