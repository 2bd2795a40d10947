"""Paths inside the plugin folder (icons, translations, sample data)."""

from pathlib import Path

PLUGIN_ROOT = Path(__file__).resolve().parents[2]


def icon_path(name):
    """The SVG icon of the provider or of an algorithm ``name()``; the plugin icon as fallback."""
    path = PLUGIN_ROOT / "icons" / f"{name}.svg"
    return path if path.exists() else PLUGIN_ROOT / "icons" / "alliance.svg"


def sample_path(*parts):
    return PLUGIN_ROOT.joinpath("sample_data", *parts)
