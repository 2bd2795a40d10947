#!/usr/bin/env bash
# Set up everything the demo and the tests need, on Debian 12, idempotently:
# QGIS 3.22 from Debian's packages, a virtualenv with the pinned Python libraries
# (built against the system GEOS/PROJ/GDAL that QGIS itself uses), and the plugin
# installed and enabled in an isolated QGIS profile (.qgis-profile/).
# A second run installs nothing and returns within seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

APT_PACKAGES=(qgis python3-qgis qgis-providers python3-venv python3-dev build-essential pkg-config poppler-utils
              libgeos-dev libproj-dev proj-bin libgdal-dev qttools5-dev-tools
              python3-pyqt6 python3-pyqt6.qsci python3-pyqt6.qtsvg
              chromium fonts-dejavu-core  # the HTML report is checked in headless Chromium
              postgresql postgresql-postgis)  # a private PostGIS cluster for the database tests (issue 16)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

check_os() {
    local id="" version=""
    if [ -r /etc/os-release ]; then
        id=$(. /etc/os-release && echo "${ID:-}")
        version=$(. /etc/os-release && echo "${VERSION_ID:-}")
    fi
    if [ "$id" != "debian" ] || [ "${version%%.*}" != "12" ]; then
        cat >&2 <<MSG
This setup script supports Debian 12 only (found: ${id:-unknown} ${version:-}).
On another system, install by hand:
  - QGIS >= 3.22 with its Python bindings (Debian/Ubuntu: qgis python3-qgis qgis-providers);
  - a Python virtualenv made from the Python that QGIS uses, with system site packages:
      python3 -m venv --system-site-packages .venv
  - the libraries of requirements.txt, shapely/pyproj/pyogrio built against the GEOS,
    PROJ and GDAL that QGIS links (libgeos-dev libproj-dev libgdal-dev):
      .venv/bin/pip install --no-binary shapely,pyproj,pyogrio -r requirements.txt
MSG
        exit 2
    fi
}

install_apt() {
    local missing=()
    for package in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "installing Debian packages: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "Run as root, or install: ${missing[*]}" >&2; exit 2; }
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_venv() {
    if [ ! -x .venv/bin/python ]; then
        say "creating the virtualenv .venv (system site packages, so QGIS stays importable)"
        /usr/bin/python3 -m venv --system-site-packages .venv
    fi
    local stamp
    stamp=$(sha256sum requirements.txt | cut -d' ' -f1)
    if [ "$(cat .venv/.requirements.sha256 2>/dev/null)" != "$stamp" ]; then
        say "installing the pinned Python libraries (first time: a few minutes, shapely/pyproj/pyogrio compile)"
        # Wheels of shapely, pyproj and pyogrio bundle their own GEOS/PROJ/GDAL, which clash with
        # QGIS's inside qgis_process and QGIS Desktop: build them against the system libraries.
        # pyproj first, alone, with the Cython it needs (see scripts/build-constraints.txt).
        local pyproj
        pyproj=$(grep -E '^pyproj==' requirements.txt)
        PIP_CONSTRAINT="$ROOT/scripts/build-constraints.txt" MAKEFLAGS="-j$(nproc)" \
            .venv/bin/pip install --quiet --disable-pip-version-check --no-binary pyproj "$pyproj"
        MAKEFLAGS="-j$(nproc)" .venv/bin/pip install --quiet --disable-pip-version-check \
            --no-binary shapely,pyproj,pyogrio -r requirements.txt
        .venv/bin/python -c "import pyproj; pyproj.CRS('EPSG:2154')" \
            || { echo "pyproj does not work: see scripts/build-constraints.txt" >&2; exit 1; }
        echo "$stamp" > .venv/.requirements.sha256
    fi
    # QGIS's PyQt5 -> PyQt6 migration script, for the test that keeps the code Qt 6 ready
    # (PyPI's qgis-pyqt5to6 is that script; its metadata asks for Python 3.12, it runs on 3.11).
    .venv/bin/python -c "import pyqt5to6, astpretty, tokenize_rt" 2>/dev/null \
        || .venv/bin/pip install --quiet --disable-pip-version-check --ignore-requires-python --no-deps \
            qgis-pyqt5to6==0.0.0.dev0 astpretty==3.0.0 tokenize-rt==6.2.0
}

install_plugin() {
    say "installing the plugin into the isolated profile .qgis-profile"
    .venv/bin/python scripts/package.py --install ".qgis-profile/profiles/default/python/plugins" >/dev/null
    # shellcheck source=scripts/env.sh
    . scripts/env.sh
    if ! grep -qs "alliance_territories=true" .qgis-profile/profiles/default/QGIS/QGIS3.ini; then
        qgis_process.bin plugins enable alliance_territories >/dev/null 2>&1 || true
    fi
    grep -qs "alliance_territories=true" .qgis-profile/profiles/default/QGIS/QGIS3.ini \
        || { echo "Could not enable the plugin in .qgis-profile" >&2; exit 1; }
}

check_os
install_apt
install_venv
install_plugin
say "ready: QGIS $(/usr/bin/python3 -c 'from qgis.core import Qgis; print(Qgis.QGIS_VERSION)' 2>/dev/null), venv .venv"
