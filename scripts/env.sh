# Environment for running QGIS headless with the project's virtualenv and isolated profile.
# Source it from the repository root: . scripts/env.sh
export QT_QPA_PLATFORM=offscreen
export QGIS_CUSTOM_CONFIG_PATH="$PWD/.qgis-profile"
# qgis_process embeds /usr/bin/python3: it sees the virtualenv's libraries through PYTHONPATH.
PYTHONPATH="$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
export PYTHONPATH
