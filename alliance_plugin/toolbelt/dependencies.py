"""Which Python libraries each algorithm needs, and how to say what is missing.

Nothing here imports a heavy library at module load: the plugin must load, and
QGIS must start, even when geopandas, networkx or scipy is absent or too old.
"""

from __future__ import annotations

import importlib
import re

# Minimum versions, with the pip package name to install.
MINIMUM = {
    "numpy": "1.22",
    "pandas": "1.5",
    "shapely": "2.0",
    "networkx": "3.0",
    "scipy": "1.9",
    "geopandas": "0.14",
}


def _version_tuple(text):
    return tuple(int(part) for part in re.findall(r"\d+", str(text))[:3])


def _shapely_sane(module):
    """shapely wheels bundle a GEOS; inside QGIS the system GEOS can shadow it."""
    point = module.Point(1.5, 2.0)
    return module.from_wkb(module.to_wkb(point)).equals(point)


def problems(names):
    """Return one readable line per missing, too old or broken library."""
    found = []
    for name in names:
        minimum = MINIMUM[name]
        try:
            module = importlib.import_module(name)
        except Exception as exc:  # ImportError, or a broken binary raising anything
            found.append(f"{name} >= {minimum} is not installed ({type(exc).__name__}: {exc})")
            continue
        version = getattr(module, "__version__", "0")
        if _version_tuple(version) < _version_tuple(minimum):
            found.append(f"{name} {version} is too old: {minimum} or newer is needed")
            continue
        if name == "shapely":
            try:
                sane = _shapely_sane(module)
            except Exception as exc:
                sane, why = False, str(exc)
            else:
                why = "a WKB round trip changed the geometry"
            if not sane:
                found.append(
                    f"shapely {version} does not work inside QGIS ({why}): its wheel bundles a "
                    "GEOS library that clashes with QGIS's; install it built against the system "
                    "GEOS: python3 -m pip install --no-binary shapely shapely")
    return found


def install_hint(names):
    """The pip command that installs the given libraries."""
    pins = " ".join(f"'{name}>={MINIMUM[name]}'" for name in names)
    return f"python3 -m pip install {pins}"
