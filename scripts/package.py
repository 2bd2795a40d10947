"""Build the plugin zip for the QGIS plugin repository, or install the plugin into a folder.

    python scripts/package.py                 # dist/alliance_territories-<version>.zip
    python scripts/package.py --install DIR   # DIR/alliance_territories, replaced

Only the plugin's own files go in (no tests, benchmarks, scripts, caches or
build junk); the zip has one top folder named ``alliance_territories``.
"""

import argparse
import configparser
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "alliance_territories"
TOP_FILES = ("__init__.py", "metadata.txt", "LICENSE", "README.md")
TOP_DIRS = ("alliance_plugin", "processing", "icons", "i18n", "models", "sample_data", "help")
SKIP_SUFFIXES = (".pyc", ".pyo", ".orig", ".rej", ".sh")


def plugin_files():
    """Paths (relative to the repository) that make up the plugin, sorted."""
    files = [ROOT / name for name in TOP_FILES]
    for folder in TOP_DIRS:
        base = ROOT / folder
        if base.is_dir():
            files += [p for p in base.rglob("*") if p.is_file()]
    keep = [p for p in files if "__pycache__" not in p.parts and not p.name.startswith(".")
            and not p.name.endswith(SKIP_SUFFIXES)]
    return sorted(p.relative_to(ROOT) for p in keep)


def version():
    parser = configparser.ConfigParser()
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


def build_zip(destination=None):
    destination = Path(destination or ROOT / "dist" / f"{NAME}-{version()}.zip")
    destination.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(destination, "w", zipfile.ZIP_DEFLATED) as archive:
        for relative in plugin_files():
            archive.write(ROOT / relative, f"{NAME}/{relative.as_posix()}")
    return destination


def install(folder):
    target = Path(folder) / NAME
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.exists():
        shutil.rmtree(target)
    for relative in plugin_files():
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / relative, target / relative)
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--install", metavar="DIR", help="copy the plugin into DIR/alliance_territories")
    parser.add_argument("--output", metavar="ZIP", help="where to write the zip")
    args = parser.parse_args(argv)
    print(install(args.install) if args.install else build_zip(args.output))


if __name__ == "__main__":
    sys.exit(main())
