"""The exact command that installs Python libraries into the Python that QGIS runs.

Pure Python (no QGIS, no Qt): :func:`detect` gathers the facts of this machine
into a :class:`Platform`, :func:`install_commands` turns library names and those
facts into commands, so each platform is tested anywhere.

- Windows (OSGeo4W network installer or standalone installer, both OSGeo4W
  based): ``python -m pip install ...`` in the *OSGeo4W Shell*.
- macOS (official app bundle): the bundle's own Python, ``.../QGIS.app/Contents/
  MacOS/bin/python3 -m pip install ...`` (the interpreter found in the bundle).
- Flatpak (``org.qgis.qgis``): ``flatpak run --devel --command=pip3 org.qgis.qgis
  install --user ...`` (``--devel`` needs the KDE SDK installed).
- Linux distributions: their packages (apt, dnf, pacman) for what they package;
  pip into the user site for the rest and for what the distribution packages in a
  version that is too old.
- Anything else: ``<sys.executable> -m pip install --user ...``.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, NamedTuple

#: pip requirement of each library (import name -> pip name).
PIP_NAMES = {
    "numpy": "numpy",
    "pandas": "pandas",
    "shapely": "shapely",
    "scipy": "scipy",
    "networkx": "networkx",
    "geopandas": "geopandas",
    "pyogrio": "pyogrio",
    "igraph": "igraph",
    "dask": "dask[dataframe]",
    "distributed": "distributed",
    "dask_geopandas": "dask-geopandas",
}

#: Distribution packages (None: not packaged there, pip installs it).
APT_NAMES = {
    "numpy": "python3-numpy", "pandas": "python3-pandas", "shapely": "python3-shapely",
    "scipy": "python3-scipy", "networkx": "python3-networkx", "geopandas": "python3-geopandas",
    "pyogrio": "python3-pyogrio", "igraph": "python3-igraph", "dask": "python3-dask",
    "distributed": "python3-distributed", "dask_geopandas": None,
}
DNF_NAMES = {
    "numpy": "python3-numpy", "pandas": "python3-pandas", "shapely": "python3-shapely",
    "scipy": "python3-scipy", "networkx": "python3-networkx", "geopandas": "python3-geopandas",
    "pyogrio": "python3-pyogrio", "igraph": "python3-igraph", "dask": "python3-dask",
    "distributed": "python3-distributed", "dask_geopandas": None,
}
PACMAN_NAMES = {  # geopandas, pyogrio and dask's friends are in the AUR only: pip
    "numpy": "python-numpy", "pandas": "python-pandas", "shapely": "python-shapely",
    "scipy": "python-scipy", "networkx": "python-networkx", "geopandas": None,
    "pyogrio": None, "igraph": "python-igraph", "dask": "python-dask",
    "distributed": None, "dask_geopandas": None,
}

CONDA_NAMES = {"igraph": "python-igraph", "dask": "dask", "dask_geopandas": "dask-geopandas"}

#: Releases whose packages are known to be too old for the plugin, or missing
#: (checked with apt-cache on Debian 12: shapely 1.8.5, networkx 2.8.8,
#: geopandas 0.12.2, no pyogrio): these go to pip straight away.
STALE = {
    ("debian", "12"): {"shapely", "networkx", "geopandas", "pyogrio"},
}

#: Libraries whose pip wheels bundle GEOS/GDAL: on Linux they are built against
#: the system libraries that QGIS links, or they clash with QGIS's inside QGIS.
BUILD_FROM_SOURCE = ("shapely", "pyogrio")

FLATPAK_APP = "org.qgis.qgis"


@dataclass(frozen=True)
class Platform:
    """What decides the command: the operating system and how QGIS was installed."""

    system: str = "linux"  #: ``sys.platform``
    python: str = "python3"  #: the interpreter QGIS runs (``sys.executable`` or found in a bundle)
    osgeo4w: bool = False  #: Windows: QGIS from the OSGeo4W or the standalone installer
    app_bundle: str = ""  #: macOS: path of the ``.app`` QGIS runs from
    flatpak: bool = False
    conda: bool = False  #: QGIS from conda-forge (any system)
    virtualenv: bool = False  #: QGIS's Python is a virtualenv: pip into it, no --user
    os_release: Mapping[str, str] = field(default_factory=dict)  #: /etc/os-release
    externally_managed: bool = False  #: PEP 668: pip needs ``--break-system-packages``

    @property
    def distribution(self):
        """``debian``, ``fedora``, ``arch`` or ``""`` (the family, from ID and ID_LIKE)."""
        ids = [self.os_release.get("ID", "").lower(), *self.os_release.get("ID_LIKE", "").lower().split()]
        for family, members in (("debian", ("debian", "ubuntu")),
                                ("fedora", ("fedora", "rhel", "centos")),
                                ("arch", ("arch", "archlinux"))):
            if any(i in members for i in ids):
                return family
        return ""


class InstallCommand(NamedTuple):
    """``kind`` says where to run ``command``: osgeo4w, macos, flatpak, conda, apt, dnf, pacman or pip."""

    kind: str
    command: str


def _quote(text, windows=False):
    if windows:
        return f'"{text}"' if any(c in text for c in ' <>=&|^') else text
    return f"'{text}'" if any(c in text for c in " <>=&|;()[]$*?!") else text


def _requirement(name, minimum):
    pip = PIP_NAMES.get(name, name)
    return f"{pip}>={minimum[name]}" if minimum and minimum.get(name) else pip


def install_commands(names, platform, *, too_old=(), minimum=None):
    """The commands that install ``names`` (import names) into QGIS's Python on ``platform``.

    ``too_old`` are the names installed in a version the plugin cannot use: a
    distribution package cannot upgrade them, pip does. ``minimum`` maps names to
    the lowest usable version (pins in pip commands). Returns a list of
    :class:`InstallCommand`, empty when there is nothing to install.
    """
    names = list(dict.fromkeys(names))
    if not names:
        return []
    windows = platform.system.startswith("win")
    requirements = " ".join(_quote(_requirement(n, minimum), windows) for n in names)
    if platform.conda:
        conda = " ".join(CONDA_NAMES.get(n, PIP_NAMES.get(n, n)) for n in names)
        return [InstallCommand("conda", f"conda install -c conda-forge {conda}")]
    if windows and not platform.osgeo4w:
        return [InstallCommand("pip", f'{_quote(platform.python, True)} -m pip install {requirements}')]
    if windows:
        # OSGeo4W Shell: its "python" is QGIS's Python (both installers are OSGeo4W based).
        return [InstallCommand("osgeo4w", f"python -m pip install {requirements}")]
    if platform.system == "darwin":
        return [InstallCommand("macos", f"{_quote(platform.python)} -m pip install {requirements}")]
    if platform.flatpak:
        return [InstallCommand("flatpak", f"flatpak run --devel --command=pip3 {FLATPAK_APP} install --user "
                                          f"{requirements}")]
    if platform.virtualenv:
        return [InstallCommand("pip", f"{_quote(platform.python)} -m pip install {requirements}")]
    family = platform.distribution if platform.system.startswith("linux") else ""
    table, tool = {"debian": (APT_NAMES, "sudo apt install"), "fedora": (DNF_NAMES, "sudo dnf install"),
                   "arch": (PACMAN_NAMES, "sudo pacman -S --needed")}.get(family, ({}, ""))
    release = (platform.os_release.get("ID", "").lower(), platform.os_release.get("VERSION_ID", "").strip('"'))
    stale = STALE.get(release, set()) | set(too_old)
    packaged = [table[n] for n in names if table.get(n) and n not in stale]
    rest = [n for n in names if not table.get(n) or n in stale]
    commands = []
    if packaged:
        commands.append(InstallCommand({"debian": "apt", "fedora": "dnf", "arch": "pacman"}[family],
                                       f"{tool} {' '.join(packaged)}"))
    if rest:
        options = ["--user"]
        if platform.externally_managed:
            options.append("--break-system-packages")
        if platform.system.startswith("linux"):
            source = [n for n in BUILD_FROM_SOURCE if n in rest]
            if source:
                options.append("--no-binary " + ",".join(source))
        pins = " ".join(_quote(_requirement(n, minimum)) for n in rest)
        commands.append(InstallCommand("pip", f"{_quote(platform.python)} -m pip install {' '.join(options)} {pins}"))
    return commands


def command_text(commands):
    """The commands as one text, one command a line."""
    return "\n".join(c.command for c in commands)


# ------------------------------------------------------------ this machine
def read_os_release(path="/etc/os-release"):
    values = {}
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return values
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and not key.startswith("#"):
            values[key.strip()] = value.strip().strip('"').strip("'")
    return values


def _externally_managed():
    import sysconfig

    try:
        return (Path(sysconfig.get_path("stdlib")) / "EXTERNALLY-MANAGED").exists()
    except (KeyError, TypeError, OSError):
        return False


def _bundle_python(bundle):
    """The Python inside a macOS QGIS bundle (its layout changed between releases)."""
    contents = Path(bundle) / "Contents"
    for candidate in (contents / "MacOS" / "bin" / "python3", contents / "MacOS" / "bin" / "python",
                      contents / "MacOS" / "python"):
        if candidate.exists():
            return str(candidate)
    return str(contents / "MacOS" / "bin" / "python3")


def detect(environ=None, executable=None, system=None):
    """The :class:`Platform` of the running QGIS."""
    environ = os.environ if environ is None else environ
    executable = executable or sys.executable or "python3"
    system = system or sys.platform
    python = executable
    bundle = ""
    binary = executable.replace("\\", "/").rsplit("/", 1)[-1].lower()
    if system == "darwin" and ".app/" in executable:
        bundle = executable[:executable.index(".app/") + 4]
        if not binary.startswith("python"):
            python = _bundle_python(bundle)
    elif system.startswith("linux") and not binary.startswith("python"):
        python = "python3"  # QGIS's own binary: the system Python is the one it embeds
    lowered = executable.replace("\\", "/").lower()
    osgeo4w = system.startswith("win") and (bool(environ.get("OSGEO4W_ROOT")) or "osgeo4w" in lowered
                                             or "/qgis" in lowered or binary.startswith("qgis"))
    flatpak = bool(environ.get("FLATPAK_ID")) or (system.startswith("linux") and os.path.exists("/.flatpak-info"))
    conda = (Path(sys.prefix) / "conda-meta").is_dir()
    virtualenv = sys.prefix != getattr(sys, "base_prefix", sys.prefix)
    return Platform(system=system, python=python, osgeo4w=osgeo4w, app_bundle=bundle, flatpak=flatpak, conda=conda,
                    virtualenv=virtualenv,
                    os_release=read_os_release() if system.startswith("linux") else {},
                    externally_managed=_externally_managed() and not virtualenv)
