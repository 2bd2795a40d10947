"""alliance:territorialreport after flowdependencies and the scorecard: HTML with embedded images, PDF page."""

import base64
import re
import shutil
import subprocess

import pytest
from qgis.core import QgsProcessingException
from qgis.PyQt.QtGui import QImage


@pytest.fixture()
def deps(run_alg, data_dir, tmp_path):
    results, _ = run_alg("alliance:flowdependencies", {
        "INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
        "FLOWS": str(data_dir / "austria" / "at_migration_od.csv"), "OUTPUT": str(tmp_path / "deps.gpkg"),
        "OUTPUT_LINES": "memory:"})
    return results["OUTPUT"]


def test_report_of_one_territory(run_alg, data_dir, deps, h, tmp_path):
    regions = str(data_dir / "austria" / "at_nuts2_regions.gpkg")
    card, _ = run_alg("alliance:recommendationscorecard", {
        "INPUT": regions, "ID_FIELD": "nuts2", "INDICATORS": [deps], "OUTPUT": str(tmp_path / "card.gpkg"),
        "OUTPUT_TABLE": "memory:"})
    expected = h.features_by(card["OUTPUT"], "nuts2")["AT12"]
    html_path, pdf_path = tmp_path / "report.html", tmp_path / "report.pdf"
    results, _ = run_alg("alliance:territorialreport", {
        "INPUT": regions, "ID_FIELD": "nuts2", "INDICATORS": [deps], "TERRITORY": "AT12",
        "OUTPUT_HTML": str(html_path), "OUTPUT_PDF": str(pdf_path)})
    assert results["OUTPUT_HTML"] == str(html_path) and results["OUTPUT_PDF"] == str(pdf_path)
    page = html_path.read_text(encoding="utf-8")
    assert "Territory AT12" in page and "AT13" not in re.findall(r"<h2>([^<]*)</h2>", page)[0]
    for number in range(1, 9):
        status = expected[f"r{number}_status"]
        if status:
            row = re.search(rf"<tr><td>R{number}</td>.*?</tr>", page).group(0)
            assert f">{status}<" in row, (number, status)
    assert "70% of the outflow goes to AT13" in page
    images = re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", page)
    assert len(images) >= 2  # a map per theme and the chart
    for encoded in images:
        image = QImage.fromData(base64.b64decode(encoded), "PNG")
        assert not image.isNull() and image.width() > 100 and image.height() > 100
    assert "Method notes" in page and "Dijkstra et al. 2019" in page
    assert "Parameters and data sources" in page and "main_share" in page
    assert pdf_path.read_bytes()[:4] == b"%PDF"
    assert shutil.which("pdftoppm"), "apt-get install poppler-utils"
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf_path), str(tmp_path / "page")],
                   check=True)
    first = sorted(tmp_path.glob("page*.png"))[0]
    shot = QImage(str(first))
    assert not shot.isNull() and shot.width() > 300
    shutil.copy(first, "/tmp/alliance_report_page1.png")


def test_report_of_every_territory_without_pdf(run_alg, data_dir, deps, tmp_path):
    html_path = tmp_path / "all.html"
    run_alg("alliance:territorialreport", {
        "INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2", "INDICATORS": [deps],
        "OUTPUT_HTML": str(html_path)})
    page = html_path.read_text(encoding="utf-8")
    assert page.count("<section>") == 9


def test_unknown_territory_is_a_clear_error(run_alg, data_dir, deps, tmp_path):
    with pytest.raises(QgsProcessingException, match="The territory 'XX99' is not in the field 'nuts2'"):
        run_alg("alliance:territorialreport", {
            "INPUT": str(data_dir / "austria" / "at_nuts2_regions.gpkg"), "ID_FIELD": "nuts2",
            "INDICATORS": [deps], "TERRITORY": "XX99", "OUTPUT_HTML": str(tmp_path / "r.html")})
