#!/usr/bin/env python3
"""Screenshots of the plugin's widgets for the documentation, rendered offscreen in English and French.

Usage (after ``make setup``)::

    . scripts/env.sh && .venv/bin/python scripts/screenshots.py [--out docs] [name ...]

One function per screenshot, registered in ``SHOTS``: it receives the language
and the output path, builds its widget and saves ``widget.grab()``. Add yours
the same way. The libraries' states are this machine's; the install command is
shown for a Debian 13 system so the picture does not carry a local path.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLUGIN_NAME = "alliance_territories"


def _plugin_on_path():
    """Import the repository as QGIS does (a package named after its folder), never the root itself."""
    folder = Path(tempfile.mkdtemp(prefix="alliance-shots-"))
    (folder / PLUGIN_NAME).symlink_to(ROOT, target_is_directory=True)
    sys.path.insert(0, str(folder))
    return folder


def _start_qgis():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.testing import start_app

    app = start_app()
    import alliance_territories

    plugin = alliance_territories.classFactory(None)
    plugin.initProcessing()  # the dialog lists which algorithms need each library
    return app, plugin


def _language(language):
    """Install the plugin's translator for ``language`` (``en`` removes it)."""
    from qgis.PyQt.QtCore import QSettings

    from alliance_territories.alliance_plugin.toolbelt import i18n

    QSettings().setValue("locale/userLocale", language)
    i18n.remove_translator()
    i18n.install_translator()


def _save(widget, path):
    from qgis.core import QgsApplication

    widget.show()
    QgsApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    widget.close()
    print(f"{path} ({path.stat().st_size // 1024} KiB)")


def dependencies_dialog(language, path):
    from alliance_territories.alliance_plugin.gui.dependencies_dialog import DependenciesDialog
    from alliance_territories.alliance_plugin.toolbelt import install

    debian = install.Platform(system="linux", python="python3", os_release={"ID": "debian", "VERSION_ID": "13"})
    dialog = DependenciesDialog(platform=debian)
    dialog.resize(1040, 760)
    _save(dialog, path)
    dialog.deleteLater()


#: name -> (function, file name pattern with {lang})
SHOTS = {
    "dependencies": (dependencies_dialog, "dependencies_{lang}.png"),
}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", default=list(SHOTS), help=f"among {', '.join(SHOTS)}")
    parser.add_argument("--out", default=str(ROOT / "docs"))
    parser.add_argument("--lang", action="append", help="en, fr (default: both)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    folder = _plugin_on_path()
    try:
        _app, plugin = _start_qgis()
        for language in args.lang or ["en", "fr"]:
            _language(language)
            for name in args.names:
                function, pattern = SHOTS[name]
                function(language, out / pattern.format(lang=language))
        plugin.unload()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
