"""Paths inside the plugin folder (icons, translations, sample data) and the plugin's version."""

import configparser
from functools import lru_cache
from pathlib import Path

PLUGIN_ROOT = Path(__file__).resolve().parents[2]


def icon_path(name):
    """The SVG icon of the provider or of an algorithm ``name()``; the plugin icon as fallback."""
    path = PLUGIN_ROOT / "icons" / f"{name}.svg"
    return path if path.exists() else PLUGIN_ROOT / "icons" / "alliance.svg"


def sample_path(*parts):
    return PLUGIN_ROOT.joinpath("sample_data", *parts)


@lru_cache(maxsize=1)
def plugin_version():
    """The ``version`` of metadata.txt, the one place the plugin's version is written ("0.0.0" if unreadable)."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(PLUGIN_ROOT / "metadata.txt", encoding="utf-8")
        return parser.get("general", "version").strip()
    except (OSError, configparser.Error):
        return "0.0.0"
