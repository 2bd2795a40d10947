"""French: the .ts is complete and consistent, and QGIS in French shows French algorithms and messages."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.core import QgsApplication

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "i18n" / "alliance_fr.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*")


def messages():
    """(source, translation, type) of every message of the French .ts, obsolete ones left out."""
    found = []
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        kind = translation.get("type")
        if kind not in ("vanished", "obsolete"):
            found.append((message.findtext("source"), translation.text or "", kind))
    return found


def test_ts_has_one_context_and_no_unfinished_message():
    root = ET.parse(TS).getroot()
    assert [c.findtext("name") for c in root.iter("context")] == ["AllianceOfTerritories"]
    found = messages()
    assert len(found) > 300
    unfinished = [s for s, t, kind in found if kind == "unfinished" or not t.strip()]
    assert unfinished == []
    assert (REPO / "i18n" / "alliance_fr.qm").stat().st_size > 10_000


def test_placeholders_and_html_tags_are_kept():
    for source, translation, _ in messages():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), source
        assert TAG.findall(source) == TAG.findall(translation), source
        assert source.count("\n") == translation.count("\n"), source


def test_extractor_finds_every_string_of_the_ts():
    """The .ts is up to date: every string passed to tr() in the code is in it."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("update_translations", REPO / "scripts" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    ordered, _locations, unresolved = module.extract()
    assert unresolved == []
    in_ts = {source for source, _, _ in messages()}
    assert set(ordered) - in_ts == set(), "run scripts/update_translations.py and translate the new strings"


def test_toolbox_in_french(french):
    registry = QgsApplication.processingRegistry()
    flows = registry.algorithmById("alliance:flowdependencies")
    assert flows.displayName() == "Dépendances de flux entre territoires"
    assert flows.group() == "Flux et dépendances"
    assert "autocontention" in flows.shortDescription()
    help_text = flows.shortHelpString()
    assert "indice de concentration de l'emploi" in help_text and "<b>main_share</b>" in help_text
    assert "T<sub>ii</sub>/O<sub>i</sub>" in help_text
    tenure = registry.algorithmById("alliance:landtenureoverlay")
    assert tenure.displayName() == "Croisement foncier"
    assert tenure.group() == "Foncier et tenure"
    assert "parcelles cadastrales" in tenure.shortHelpString()
    # Parameter descriptions are set when an instance is initialised.
    fresh = registry.createAlgorithmById("alliance:flowdependencies")
    assert fresh.parameterDefinition("ID_FIELD").description() == "Champ de code des territoires"
    assert fresh.outputDefinition("UNMATCHED_ROWS").description() == \
        "Lignes de flux dont les codes ne correspondent à aucun territoire"
    areas = registry.createAlgorithmById("alliance:functionalareas")
    assert "Aires d'attraction des villes INSEE" in areas.parameterDefinition("METHOD").options()
    assert "Villes intermédiaires" in registry.algorithmById("alliance:citynetwork").shortHelpString()


def test_runtime_message_in_french(french, run_alg, data_dir, tmp_path):
    source = data_dir / "austria" / "at_migration_od.csv"
    flows = tmp_path / "flows.csv"
    flows.write_text(source.read_text(encoding="utf-8").rstrip("\n") + "\nAT99,AT11,250,100,1,1\n", encoding="utf-8")
    results, log = run_alg("alliance:flowdependencies", {
        "INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
        "FLOWS": str(flows), "OUTPUT": str(tmp_path / "t.gpkg"), "OUTPUT_LINES": str(tmp_path / "l.gpkg")})
    assert results["UNMATCHED_ROWS"] == 1
    warning = [m for m in log if "AT99" in m]
    assert warning and "ne correspondent à aucun territoire et ont été écartées" in warning[0], log
    assert warning[0].startswith("1 lignes de flux (250 en volume)")
    assert any("couples, volume total" in m for m in log), log



def test_core_error_reaches_the_user_in_french(french, run_alg, data_dir, tmp_path):
    """A flows CSV with negative volumes: the core's error arrives translated, numbers plain (issue 18 point 9)."""
    from qgis.core import QgsProcessingException

    source = (data_dir / "austria" / "at_migration_od.csv").read_text(encoding="utf-8").splitlines()
    flows = tmp_path / "negative.csv"
    flows.write_text("\n".join([source[0], source[1], "AT11,AT12,-250,100,1,1", "AT12,AT13,-1.5,100,1,1"]) + "\n",
                     encoding="utf-8")
    with pytest.raises(QgsProcessingException) as caught:
        run_alg("alliance:flowdependencies", {
            "INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
            "FLOWS": str(flows), "OUTPUT": str(tmp_path / "t.gpkg"), "OUTPUT_LINES": str(tmp_path / "l.gpkg")})
    message = str(caught.value)
    assert message.startswith("2 lignes ont un volume négatif dans « "), message
    assert "negative" not in message and "np." not in message

def test_dock_and_report_in_french(french, run_alg, data_dir, tmp_path):
    """The dock and the report speak French; screenshots of both are kept in the test's output."""
    import shutil
    import subprocess

    from qgis.core import QgsProject
    from qgis.PyQt.QtWidgets import QLabel, QPushButton

    from alliance_territories.alliance_plugin.gui.dock import AllianceDock

    QgsProject.instance().clear()
    dock = AllianceDock()
    try:
        dock.resize(350, 900)
        texts = [w.text() for w in dock.findChildren(QLabel)] + [w.text() for w in dock.findChildren(QPushButton)]
        assert any("Planification urbaine" in t for t in texts), texts[:20]
        assert any("Données d'exemple" in t for t in texts)
        dock.grab().save(str(tmp_path / "dock_fr.png"))
        assert (tmp_path / "dock_fr.png").stat().st_size > 1000
    finally:
        dock.teardown()
        QgsProject.instance().clear()
    deps, _ = run_alg("alliance:flowdependencies", {
        "INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
        "FLOWS": str(data_dir / "austria" / "at_migration_od.csv"), "OUTPUT": str(tmp_path / "deps.gpkg"),
        "OUTPUT_LINES": "memory:"})
    html, pdf = tmp_path / "rapport.html", tmp_path / "rapport.pdf"
    run_alg("alliance:territorialreport", {
        "INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
        "INDICATORS": [deps["OUTPUT"]], "TERRITORY": "AT12", "OUTPUT_HTML": str(html), "OUTPUT_PDF": str(pdf)})
    page = html.read_text(encoding="utf-8")
    assert "Rapport territorial" in page
    assert "70% des flux sortants vont vers AT13" in page  # the scorecard's sentences are translated too
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page_fr")],
                       check=True)
        assert list(tmp_path.glob("page_fr*.png"))
