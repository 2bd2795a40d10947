"""The plugin zip follows the QGIS plugin repository's rules."""

import configparser
import subprocess
import sys
import zipfile


def test_zip_follows_the_repository_rules(repo, tmp_path):
    target = tmp_path / "plugin.zip"
    subprocess.run([sys.executable, str(repo / "scripts" / "package.py"), "--output", str(target)],
                   check=True, cwd=tmp_path)
    assert target.stat().st_size < 25 * 1024 * 1024
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "unzipped")
    tops = {name.split("/")[0] for name in names}
    assert tops == {"alliance_territories"} and "alliance_territories".isidentifier()
    assert "alliance_territories/LICENSE" in names and "alliance_territories/__init__.py" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".sh")) or "/.git" in n]
    assert not [n for n in names if n.split("/")[1] in ("tests", "bench", "scripts", ".ci")]
    metadata = configparser.ConfigParser()
    metadata.read(tmp_path / "unzipped" / "alliance_territories" / "metadata.txt", encoding="utf-8")
    general = metadata["general"]
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "tags", "icon",
                "hasProcessingProvider", "changelog", "description[fr]", "about[fr]"):
        assert general.get(key), key
    # No invented contact: the plugin is not published, it has no web site, tracker or e-mail address yet
    # (plugins.qgis.org will need a real email and repository before an upload).
    for key in ("email", "tracker", "repository", "homepage"):
        assert key not in general, key
    assert not [line for line in (tmp_path / "unzipped" / "alliance_territories" / "metadata.txt")
                .read_text(encoding="utf-8").splitlines() if "example.org" in line or "@" in line]
    # The method notes ship inside the plugin, in English and French.
    for page in ("help/index.html", "help/fr/index.html", "help/style.css"):
        assert f"alliance_territories/{page}" in names, page
    assert general["qgisMinimumVersion"] == "3.22" and general["hasProcessingProvider"] == "yes"
    assert (tmp_path / "unzipped" / "alliance_territories" / general["icon"]).exists()
    for icon in ("alliance.svg", "flowdependencies.svg"):
        assert f"alliance_territories/icons/{icon}" in names


def test_unzipped_plugin_loads_in_qgis(repo, tmp_path, qgis_app):
    """The zip, not the checkout, is what users install: load it as QGIS would."""
    target = tmp_path / "plugin.zip"
    subprocess.run([sys.executable, str(repo / "scripts" / "package.py"), "--output", str(target)], check=True)
    with zipfile.ZipFile(target) as archive:
        archive.extractall(tmp_path / "plugins")
    code = (f"import sys; sys.path.insert(0, {str(tmp_path / 'plugins')!r})\n"
            "from qgis.testing import start_app; start_app()\n"
            "from qgis.core import QgsApplication\n"
            "import alliance_territories as p; print(p.__file__)\n"
            "plugin = p.classFactory(None); plugin.initProcessing()\n"
            "print(QgsApplication.processingRegistry().algorithmById('alliance:flowdependencies').canExecute())\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(tmp_path),
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert str(tmp_path / "plugins") in result.stdout and "(True, '')" in result.stdout
