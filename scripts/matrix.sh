#!/usr/bin/env bash
# The compatibility matrix: the whole test suite on every QGIS that users have.
#
#   make test-matrix                  # QGIS 3.22 (this Debian 12), 3.40 LTR (Debian 13), 3.44 (Debian sid)
#   bash scripts/matrix.sh 3.40       # one or more versions only
#
# QGIS 3.22 runs on this machine with the pinned virtualenv (make test). The newer two run in
# debootstrap chroots of Debian 13 "trixie" and Debian "sid", with QGIS and every Python
# library from Debian's own packages and no pip at all: what a Linux user gets with apt.
# The chroots are built once (about 7 minutes each) and reused; `apt-get upgrade` runs in them
# when they are older than a day. They live in $ALLIANCE_MATRIX_DIR
# (default /var/cache/alliance-territories/matrix), outside the clone, so CI reuses them.
# Prints one line per QGIS version and exits non-zero if any suite failed. Needs root.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
MATRIX_DIR=${ALLIANCE_MATRIX_DIR:-/var/cache/alliance-territories/matrix}
MIRROR=${ALLIANCE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
LOGS="$ROOT/output/matrix"
mkdir -p "$LOGS"

# What the chroots install: QGIS, Debian's Python libraries of requirements.txt, the test tools.
CHROOT_PACKAGES=(qgis python3-qgis qgis-providers
                 python3-numpy python3-pandas python3-shapely python3-pyproj python3-pyogrio
                 python3-geopandas python3-networkx python3-scipy python3-igraph
                 python3-dask python3-distributed
                 python3-pytest python3-pytest-timeout
                 poppler-utils qttools5-dev-tools fonts-dejavu-core locales xauth chromium)

say() { printf '\033[1m[matrix]\033[0m %s\n' "$*" >&2; }

suite_of() {  # a Debian suite for a QGIS version
    case "$1" in
        3.40) echo trixie ;;
        3.44) echo sid ;;
        *) return 1 ;;
    esac
}

mounts=()
cleanup() {
    local i
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
        umount -l "${mounts[$i]}" 2>/dev/null || true
    done
    mounts=()
}
trap cleanup EXIT INT TERM

bind() {  # bind SRC DEST [ro]
    mkdir -p "$2"
    mount --bind "$1" "$2" || return 1
    mounts+=("$2")
    if [ "${3:-}" = ro ]; then mount -o remount,bind,ro "$2" || true; fi
}

in_chroot() {  # in_chroot DIR command...
    local dir=$1
    shift
    chroot "$dir" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        DEBIAN_FRONTEND=noninteractive "$@"
}

mount_system() {  # the kernel file systems a chroot needs, unmounted on exit
    local dir=$1
    mount -t proc proc "$dir/proc" && mounts+=("$dir/proc")
    bind /dev "$dir/dev"
    bind /dev/pts "$dir/dev/pts"
    mkdir -p "$dir/dev/shm"
    mountpoint -q "$dir/dev/shm" || { mount -t tmpfs -o size=2g tmpfs "$dir/dev/shm" && mounts+=("$dir/dev/shm"); }
    mount -t tmpfs -o size=8g tmpfs "$dir/tmp" && mounts+=("$dir/tmp")
    cp /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
}

build_chroot() {  # build_chroot SUITE DIR: create or refresh; idempotent
    local suite=$1 dir=$2 stamp wanted
    wanted=$(printf '%s\n' "${CHROOT_PACKAGES[@]}" | sha256sum | cut -d' ' -f1)
    stamp="$dir/.alliance-packages"
    if [ ! -x "$dir/usr/bin/apt-get" ]; then
        command -v debootstrap >/dev/null || {
            say "installing debootstrap"
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
        } || return 1
        say "debootstrap $suite into $dir (first time only, a few minutes)"
        rm -rf "$dir"
        mkdir -p "$dir"
        debootstrap --variant=minbase --components=main "$suite" "$dir" "$MIRROR" \
            > "$LOGS/debootstrap-$suite.log" 2>&1 || { say "debootstrap failed: $LOGS/debootstrap-$suite.log"; return 1; }
        echo "deb $MIRROR $suite main" > "$dir/etc/apt/sources.list"
        # sid's Release file may be past its validity date.
        echo 'Acquire::Check-Valid-Until "false";' > "$dir/etc/apt/apt.conf.d/99alliance"
        printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >> "$dir/etc/apt/apt.conf.d/99alliance"
    fi
    mount_system "$dir" || return 1
    if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ] || [ -n "$(find "$stamp" -mtime +1 2>/dev/null)" ]; then
        say "installing QGIS and Debian's Python libraries in the $suite chroot"
        { in_chroot "$dir" apt-get update -qq \
            && in_chroot "$dir" apt-get install -y -qq "${CHROOT_PACKAGES[@]}" \
            && in_chroot "$dir" apt-get upgrade -y -qq \
            && in_chroot "$dir" apt-get clean; } > "$LOGS/apt-$suite.log" 2>&1 \
            || { say "apt failed in the $suite chroot: $LOGS/apt-$suite.log"; return 1; }
        echo "$wanted" > "$stamp"
    fi
}

install_postgis() {  # install_postgis DIR: the database tests' server, apart from CHROOT_PACKAGES
    # (their stamp stays as it is, so a chroot already built is not rebuilt); without it they skip.
    local dir=$1
    compgen -G "$dir/usr/share/postgresql/*/extension/postgis.control" >/dev/null && return 0
    say "installing PostgreSQL and PostGIS in the $(basename "$dir") chroot (the database tests)"
    # Debian's package starts a server at installation: not in a chroot (policy-rc.d says no).
    printf '#!/bin/sh\nexit 101\n' > "$dir/usr/sbin/policy-rc.d" && chmod +x "$dir/usr/sbin/policy-rc.d"
    { in_chroot "$dir" apt-get update -qq && in_chroot "$dir" apt-get install -y -qq postgresql postgresql-postgis; } \
        > "$LOGS/apt-postgis-$(basename "$dir").log" 2>&1 \
        || say "PostgreSQL/PostGIS could not be installed in the chroot: the database tests skip there"
    rm -f "$dir/usr/sbin/policy-rc.d"
}

versions_line() {  # QGIS and library versions inside a chroot, or on the host
    "$@" /usr/bin/python3 -c '
import importlib
from qgis.core import Qgis
found = []
for name in ("numpy", "pandas", "shapely", "geopandas", "pyogrio", "networkx", "scipy"):
    try:
        found.append(name + " " + importlib.import_module(name).__version__)
    except Exception:
        found.append(name + " missing")
print("QGIS " + Qgis.QGIS_VERSION.split("-")[0] + " (" + ", ".join(found) + ")")' 2>/dev/null
}

summary_of() {  # the pytest closing line of a log
    grep -E '^=* ?[0-9]+ (passed|failed|errors?)\b.* in [0-9.]+s' "$1" | tail -1 | sed -E 's/^=+ //; s/ =+$//'
}

run_host() {
    local log="$LOGS/qgis-3.22.log"
    say "QGIS 3.22 on this machine (pinned virtualenv): make test"
    make --no-print-directory test > "$log" 2>&1
    local status=$?
    local versions
    # shellcheck disable=SC1091
    versions=$(. scripts/env.sh && versions_line)
    printf '%s, Debian 12: %s [%s]\n' "${versions:-QGIS 3.22}" "$(summary_of "$log")" "$log"
    return $status
}

run_chroot() {
    local version=$1 suite dir log status
    suite=$(suite_of "$version") || { say "unknown QGIS version $version (3.22, 3.40, 3.44)"; return 2; }
    dir="$MATRIX_DIR/$suite"
    log="$LOGS/qgis-$version.log"
    build_chroot "$suite" "$dir" || { printf '%-60s %s\n' "QGIS $version (Debian $suite)" "chroot could not be built"; cleanup; return 1; }
    install_postgis "$dir"
    bind "$ROOT" "$dir/alliance" || { cleanup; return 1; }
    say "QGIS $version in the Debian $suite chroot: the whole suite"
    in_chroot "$dir" QT_QPA_PLATFORM=offscreen PYTHONDONTWRITEBYTECODE=1 CI="${CI:-}" ALLIANCE_MATRIX=1 \
        bash -c 'cd /alliance && exec pytest -p no:cacheprovider -q "$@"' pytest > "$log" 2>&1
    status=$?
    printf '%s, Debian %s: %s [%s]\n' "$(versions_line in_chroot "$dir")" "$suite" "$(summary_of "$log")" "$log"
    cleanup
    return $status
}

[ "$(id -u)" -eq 0 ] || { echo "The matrix builds chroots: run it as root." >&2; exit 2; }
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(3.22 3.40 3.44)
failed=0
for version in "${targets[@]}"; do
    if [ "$version" = 3.22 ]; then
        run_host || failed=1
    else
        run_chroot "$version" || failed=1
    fi
done
exit $failed
