#!/usr/bin/env bash
# QGIS Desktop as a user meets it, on a virtual screen: a fresh profile with default settings and the
# plugin enabled, the dock's Sample data button, one territory selected, then a screenshot of the screen.
#   bash scripts/desktop/screenshot.sh [en|fr] [territory code]   -> output/desktop/desktop_<lang>.png
# Needs xvfb and imagemagick (apt-get install xvfb imagemagick xauth), after make setup.
set -euo pipefail
cd "$(dirname "$0")/../.."
LANG_CODE=${1:-en}
export DESK_TERRITORY=${2:-AT13} DESK_LANG=$LANG_CODE DESK_OUT="$PWD/output/desktop" DESK_ROOT="$PWD"
. scripts/env.sh
unset QT_QPA_PLATFORM
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
mkdir -p "$PROFILE/profiles/default/python/plugins" "$PROFILE/profiles/default/QGIS" "$DESK_OUT"
.venv/bin/python scripts/package.py --install "$PROFILE/profiles/default/python/plugins" >/dev/null
cat > "$PROFILE/profiles/default/QGIS/QGIS3.ini" <<INI
[PythonPlugins]
alliance_territories=true
[locale]
overrideFlag=true
userLocale=$LANG_CODE
globalLocale=$LANG_CODE
[qgis]
showTips=false
checkVersion=false
allowVersionCheck=false
INI
timeout 240 xvfb-run -a -s "-screen 0 1600x1000x24" qgis --profiles-path "$PROFILE" --nologo --noversioncheck \
    --code "scripts/desktop/${DESK_SCRIPT:-drive.py}" > "$DESK_OUT/qgis_$LANG_CODE.log" 2>&1 || true
ls -l "$DESK_OUT"/*_"$LANG_CODE".png
