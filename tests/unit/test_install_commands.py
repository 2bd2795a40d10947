"""The install command for each platform: a pure function of the platform's facts (no QGIS)."""

import ast
from pathlib import Path

import pytest

MODULE = Path(__file__).resolve().parents[2] / "alliance_plugin" / "toolbelt" / "install.py"


@pytest.fixture(scope="module")
def install():
    from alliance_territories.alliance_plugin.toolbelt import install as module

    return module


def test_module_is_pure():
    """No QGIS, no Qt, no plugin import: the function is the same everywhere."""
    tree = ast.parse(MODULE.read_text(encoding="utf-8"))
    roots = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    roots |= {node.module.split(".")[0] for node in ast.walk(tree)
              if isinstance(node, ast.ImportFrom) and node.module and node.level == 0}
    assert roots <= {"__future__", "os", "sys", "sysconfig", "dataclasses", "pathlib", "typing"}
    assert not any(isinstance(node, ast.ImportFrom) and node.level for node in ast.walk(tree))


MINIMUM = {"numpy": "1.22", "pandas": "1.5", "shapely": "2.1", "networkx": "3.0", "geopandas": "0.14"}
DEBIAN_13 = {"ID": "debian", "VERSION_ID": "13"}


def commands(install, names, too_old=(), **facts):
    platform = install.Platform(**facts)
    return [tuple(c) for c in install.install_commands(names, platform, too_old=too_old, minimum=MINIMUM)]


def test_nothing_to_install(install):
    assert commands(install, [], system="linux", os_release=DEBIAN_13) == []


def test_windows_osgeo4w_shell(install):
    found = commands(install, ["geopandas", "networkx"], system="win32", osgeo4w=True,
                     python=r"C:\Program Files\QGIS 3.40.5\bin\qgis-bin.exe")
    assert found == [("osgeo4w", 'python -m pip install "geopandas>=0.14" "networkx>=3.0"')]


def test_windows_other_python(install):
    found = commands(install, ["networkx"], system="win32", python=r"C:\Python312\python.exe")
    assert found == [("pip", r'C:\Python312\python.exe -m pip install "networkx>=3.0"')]


def test_macos_bundle(install):
    python = "/Applications/QGIS-LTR.app/Contents/MacOS/bin/python3"
    found = commands(install, ["geopandas", "igraph"], system="darwin", python=python,
                     app_bundle="/Applications/QGIS-LTR.app")
    assert found == [("macos", f"{python} -m pip install 'geopandas>=0.14' igraph")]


def test_macos_path_with_spaces_is_quoted(install):
    found = commands(install, ["networkx"], system="darwin", python="/Applications/QGIS 3.44.app/Contents/MacOS/bin/python3")
    assert found[0][1].startswith("'/Applications/QGIS 3.44.app/Contents/MacOS/bin/python3' -m pip install")


def test_debian_apt_with_the_real_package_names(install):
    found = commands(install, ["numpy", "pandas", "shapely", "scipy", "networkx", "geopandas", "pyogrio", "igraph",
                               "dask", "distributed"], system="linux", python="python3", os_release=DEBIAN_13)
    assert found == [("apt", "sudo apt install python3-numpy python3-pandas python3-shapely python3-scipy "
                             "python3-networkx python3-geopandas python3-pyogrio python3-igraph python3-dask "
                             "python3-distributed")]


def test_ubuntu_is_debian_family_and_unpackaged_goes_to_pip(install):
    found = commands(install, ["networkx", "dask_geopandas"], system="linux", python="python3",
                     os_release={"ID": "ubuntu", "ID_LIKE": "debian", "VERSION_ID": "24.04"},
                     externally_managed=True)
    assert found == [("apt", "sudo apt install python3-networkx"),
                     ("pip", "python3 -m pip install --user --break-system-packages dask-geopandas")]


def test_debian_12_stale_packages_go_to_pip_built_against_the_system_geos(install):
    found = commands(install, ["scipy", "shapely", "networkx"], system="linux", python="python3",
                     os_release={"ID": "debian", "VERSION_ID": "12"}, externally_managed=True)
    assert found == [("apt", "sudo apt install python3-scipy"),
                     ("pip", "python3 -m pip install --user --break-system-packages --no-binary shapely "
                             "'shapely>=2.1' 'networkx>=3.0'")]


def test_too_old_distribution_package_is_upgraded_with_pip(install):
    found = commands(install, ["pandas", "numpy"], too_old=["pandas"], system="linux", python="python3",
                     os_release=DEBIAN_13)
    assert found == [("apt", "sudo apt install python3-numpy"), ("pip", "python3 -m pip install --user 'pandas>=1.5'")]


def test_fedora_dnf(install):
    found = commands(install, ["geopandas", "networkx"], system="linux", python="python3",
                     os_release={"ID": "fedora", "VERSION_ID": "41"})
    assert found == [("dnf", "sudo dnf install python3-geopandas python3-networkx")]


def test_rhel_family_is_fedora(install):
    platform = install.Platform(system="linux", os_release={"ID": "rocky", "ID_LIKE": "rhel centos fedora"})
    assert platform.distribution == "fedora"


def test_arch_pacman_and_pip_for_the_aur_ones(install):
    found = commands(install, ["shapely", "geopandas"], system="linux", python="python3",
                     os_release={"ID": "arch"}, externally_managed=True)
    assert found == [("pacman", "sudo pacman -S --needed python-shapely"),
                     ("pip", "python3 -m pip install --user --break-system-packages 'geopandas>=0.14'")]


def test_flatpak(install):
    found = commands(install, ["geopandas"], system="linux", flatpak=True, os_release={"ID": "org.kde.Platform"})
    assert found == [("flatpak", "flatpak run --devel --command=pip3 org.qgis.qgis install --user 'geopandas>=0.14'")]


def test_conda(install):
    found = commands(install, ["igraph", "geopandas"], system="linux", conda=True, os_release=DEBIAN_13)
    assert found == [("conda", "conda install -c conda-forge python-igraph geopandas")]


def test_virtualenv_pip_without_user(install):
    found = commands(install, ["networkx"], system="linux", python="/opt/venv/bin/python", virtualenv=True,
                     os_release=DEBIAN_13)
    assert found == [("pip", "/opt/venv/bin/python -m pip install 'networkx>=3.0'")]


def test_unknown_linux_falls_back_to_user_pip(install):
    found = commands(install, ["shapely"], system="linux", python="/usr/bin/python3", os_release={"ID": "gentoo"})
    assert found == [("pip", "/usr/bin/python3 -m pip install --user --no-binary shapely 'shapely>=2.1'")]


def test_command_text_one_a_line(install):
    platform = install.Platform(system="linux", python="python3", os_release={"ID": "arch"})
    text = install.command_text(install.install_commands(["numpy", "pyogrio"], platform))
    assert text == "sudo pacman -S --needed python-numpy\npython3 -m pip install --user --no-binary pyogrio pyogrio"


def test_detect_windows_osgeo4w(install):
    platform = install.detect(environ={"OSGEO4W_ROOT": r"C:\OSGeo4W"}, executable=r"C:\OSGeo4W\bin\qgis-bin.exe",
                              system="win32")
    assert platform.osgeo4w and platform.system == "win32"
    standalone = install.detect(environ={}, executable=r"C:\Program Files\QGIS 3.44.0\bin\qgis-bin.exe",
                                system="win32")
    assert standalone.osgeo4w


def test_detect_macos_bundle(install):
    platform = install.detect(environ={}, executable="/Applications/QGIS.app/Contents/MacOS/QGIS", system="darwin")
    assert platform.app_bundle == "/Applications/QGIS.app"
    assert platform.python.startswith("/Applications/QGIS.app/Contents/MacOS/")


def test_read_os_release(install, tmp_path):
    path = tmp_path / "os-release"
    path.write_text('PRETTY_NAME="Debian GNU/Linux trixie/sid"\nID=debian\n# comment\nVERSION_ID="13"\n')
    assert install.read_os_release(path) == {"PRETTY_NAME": "Debian GNU/Linux trixie/sid", "ID": "debian",
                                             "VERSION_ID": "13"}
    assert install.read_os_release(tmp_path / "absent") == {}
