"""alliance:territorialreport: what a reader sees in the HTML (headless Chromium) and the PDF (frames of the layout).

The PDF's frames are read back from the print layout template the report can save (same layout as the PDF):
every text, map, legend, scale bar and chart sits inside the page's margins and no two overlap, for the
tallest and the widest sample territories and for a Chile-like strip. The HTML is opened in Chromium:
every image loads, no console message.
"""

import base64
import csv
import html
import re
import shutil
import subprocess

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsProcessingException,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QRectF
from qgis.PyQt.QtGui import QImage

A4 = (210.0, 297.0)
MARGIN = 5.0


@pytest.fixture()
def austria(run_alg, data_dir, tmp_path):
    regions = str(data_dir / "austria" / "at_nuts2_regions.gpkg")
    flows = str(data_dir / "austria" / "at_migration_od.csv")
    results, _ = run_alg("alliance:flowdependencies", {
        "INPUT": regions, "ID_FIELD": "nuts2", "FLOWS": flows, "OUTPUT": str(tmp_path / "deps.gpkg"),
        "OUTPUT_LINES": str(tmp_path / "lines.gpkg")})
    return dict(regions=regions, flows=flows, deps=results["OUTPUT"], lines=results["OUTPUT_LINES"])


def _bbox_shapes(path, field):
    """{code: (width, height)} of each territory's bounding box, read with OGR through QGIS (in degrees)."""
    layer = QgsVectorLayer(path, "t", "ogr")
    return {f[field]: (f.geometry().boundingBox().width(), f.geometry().boundingBox().height())
            for f in layer.getFeatures()}


def _frames(layout):
    """{page: [(item, QRectF in mm on its page)]} of every item but the pages."""
    pages = {}
    for item in layout.items():
        if not isinstance(item, QgsLayoutItem) or isinstance(item, QgsLayoutItemPage):
            continue
        position, size = item.pagePositionWithUnits(), item.sizeWithUnits()
        pages.setdefault(item.page(), []).append(
            (item, QRectF(position.x(), position.y(), size.width(), size.height())))
    return pages


def _assert_laid_out(layout):
    page_rect = QRectF(MARGIN, MARGIN, A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN)
    pages = _frames(layout)
    assert pages
    for page, items in pages.items():
        size = layout.pageCollection().page(page).pageSize()
        assert (round(size.width()), round(size.height())) == (210, 297)
        for item, rect in items:
            assert rect.width() > 0 and rect.height() > 0, (page, item.id())
            assert page_rect.contains(rect), (page, item.id(), rect)
        for i, (one, a) in enumerate(items):
            for other, b in items[i + 1:]:
                common = a.intersected(b)
                assert common.width() * common.height() < 0.01, (page, one.id(), a, other.id(), b)
    return pages


def _load_template(path):
    from alliance_territories.processing.territorial_report import load_template

    return load_template(str(path), QgsProject.instance())


def _maps(pages):
    return [(rect.width(), rect.height()) for items in pages.values() for item, rect in items
            if isinstance(item, QgsLayoutItemMap)]


def test_report_of_one_territory(run_alg, austria, h, tmp_path):
    card, _ = run_alg("alliance:recommendationscorecard", {
        "INPUT": austria["regions"], "ID_FIELD": "nuts2", "INDICATORS": [austria["deps"]],
        "OUTPUT": str(tmp_path / "card.gpkg"), "OUTPUT_TABLE": "memory:"})
    expected = h.features_by(card["OUTPUT"], "nuts2")["AT12"]
    html_path, pdf_path = tmp_path / "report.html", tmp_path / "report.pdf"
    results, messages = run_alg("alliance:territorialreport", {
        "INPUT": austria["regions"], "ID_FIELD": "nuts2", "INDICATORS": [austria["deps"]], "TERRITORY": "AT12",
        "FLOW_LINES": austria["lines"], "OUTPUT_HTML": str(html_path), "OUTPUT_PDF": str(pdf_path)})
    assert results["OUTPUT_HTML"] == str(html_path) and results["OUTPUT_PDF"] == str(pdf_path)
    assert "Territory names: field 'name'." in messages
    raw = html_path.read_text(encoding="utf-8")
    page = html.unescape(raw)
    # The name beside the code, for this territory only.
    assert "Niederösterreich (AT12)" in page and "(AT13)</h2>" not in page
    # Each recommendation's status is the scorecard's.
    for number in range(1, 9):
        status = expected[f"r{number}_status"] or "no evidence"
        row = re.search(rf"<tr id='t-AT12-r{number}'>.*?</tr>", raw).group(0)
        assert f">{status}<" in row, (number, status)
    # Evidence with readable names and units, computed independently from the flow table.
    with open(austria["flows"], encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["origin"] == "AT12" and r["destination"] != "AT12"]
    total = sum(float(r["flow"]) for r in rows)
    top = max(rows, key=lambda r: float(r["flow"]))
    share = 100 * float(top["flow"]) / total
    assert f"{share:.0f}% of the outflow goes to {top['destination']}" in page
    assert f"Main partner's share of the outflow: {share:.3g} %" in page
    assert "Self-containment (share of the outflow staying inside): not measurable" in page
    # Maps (main flows and an indicator), the chart, their legends.
    assert "Main flows to and from the territory" in page and "Largest outflows (width: volume)" in page
    assert "R2, R7: Main partner's share of the outflow (%)" in page
    images = re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", raw)
    assert len(images) >= 4  # chart, flows map, indicator maps and rank charts
    for encoded in images:
        image = QImage.fromData(base64.b64decode(encoded), "PNG")
        assert not image.isNull() and image.width() >= 300 and image.height() >= 100
    # Sources, parameters, method notes in plain words, and the shipped help; never a file users lack.
    assert "Data sources and parameters" in page and "at_migration_od" not in page.split("Data sources")[0]
    assert "alliance:flowdependencies threshold=" in page and "deps" in page
    assert "Method notes" in page and "Dijkstra et al. 2019" in page and "help/index.html" in page
    assert "methods.md" not in page and "scorecard.py" not in page
    assert pdf_path.read_bytes()[:4] == b"%PDF"
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Niederösterreich (AT12)" in text and "The 8 recommendations" in text


@pytest.mark.parametrize("shape", ["tallest", "widest"])
def test_pdf_frames_stay_on_the_page_whatever_the_shape(run_alg, austria, data_dir, tmp_path, shape):
    """Austria's and Canada's tallest and widest territories: same frames, inside the page, never overlapping."""
    canada = str(data_dir / "canada" / "ca_provinces.gpkg")
    shapes = {("at", code): wh for code, wh in _bbox_shapes(austria["regions"], "nuts2").items()}
    shapes.update({("ca", code): wh for code, wh in _bbox_shapes(canada, "code").items()})
    ratio = {key: h / w for key, (w, h) in shapes.items()}
    (country, code) = max(ratio, key=ratio.get) if shape == "tallest" else min(ratio, key=ratio.get)
    assert ratio[(country, code)] > 1.2 if shape == "tallest" else ratio[(country, code)] < 0.4
    regions, field, flows = ((austria["regions"], "nuts2", austria["flows"]) if country == "at" else
                             (canada, "code", str(data_dir / "canada" / "ca_migration_od.csv")))
    deps, _ = run_alg("alliance:flowdependencies", {
        "INPUT": regions, "ID_FIELD": field, "FLOWS": flows, "OUTPUT": str(tmp_path / "d.gpkg"),
        "OUTPUT_LINES": "memory:"})
    template = tmp_path / "layout.qpt"
    run_alg("alliance:territorialreport", {
        "INPUT": regions, "ID_FIELD": field, "INDICATORS": [deps["OUTPUT"]], "TERRITORY": code,
        "FLOWS": flows, "OUTPUT_HTML": str(tmp_path / "r.html"), "OUTPUT_PDF": str(tmp_path / "r.pdf"),
        "OUTPUT_LAYOUT": str(template)})
    pages = _assert_laid_out(_load_template(template))
    assert set(_maps(pages)) == {(118.0, 84.0)}  # every map frame keeps its size
    assert len(_maps(pages)) >= 2


def test_pdf_frames_for_a_chile_like_strip_and_a_wide_band(run_alg, tmp_path):
    """Shapes the samples do not have: a strip 40 times taller than wide, a band 30 times wider than tall."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=code:string&field=nom:string", "t", "memory")
    shapes = {"CL": ("Chili", "POLYGON((-72 -55, -70 -55, -70 -17, -72 -17, -72 -55))"),
              "BAND": ("Bande " + "très longue " * 15, "POLYGON((-69 -20, -39 -20, -39 -19, -69 -19, -69 -20))"),
              "SQ": ("Carré", "POLYGON((-69 -30, -60 -30, -60 -22, -69 -22, -69 -30))")}
    features = []
    for code, (name, wkt) in shapes.items():
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code, name])
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    path = tmp_path / "strips.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsProject.instance().transformContext(), options)
    flows = tmp_path / "flows.csv"
    flows.write_text("origin,destination,volume\nCL,SQ,500\nSQ,CL,200\nBAND,SQ,900\nCL,BAND,100\nSQ,BAND,50\n",
                     encoding="utf-8")
    deps, _ = run_alg("alliance:flowdependencies", {
        "INPUT": str(path), "ID_FIELD": "code", "FLOWS": str(flows), "OUTPUT": str(tmp_path / "d.gpkg"),
        "OUTPUT_LINES": "memory:"})
    template = tmp_path / "atlas.qpt"
    run_alg("alliance:territorialreport", {
        "INPUT": str(path), "ID_FIELD": "code", "INDICATORS": [deps["OUTPUT"]], "FLOWS": str(flows),
        "OUTPUT_HTML": str(tmp_path / "r.html"), "OUTPUT_PDF": str(tmp_path / "r.pdf"),
        "OUTPUT_LAYOUT": str(template)})
    layout = _load_template(template)
    pages = _assert_laid_out(layout)
    assert set(_maps(pages)) == {(118.0, 84.0)}
    titles = sorted(item.text() for items in pages.values() for item, _ in items
                    if isinstance(item, QgsLayoutItemLabel) and item.id().endswith(":title"))
    # the name field "nom" was detected; a name longer than the page wraps inside its frame (checked above)
    assert [t.replace("\n", " ") for t in titles] == [f"Bande {'très longue ' * 15}(BAND)".replace("  ", " "),
                                                        "Carré (SQ)", "Chili (CL)"]
    assert titles[0].count("\n") >= 2


def test_atlas_of_a_whole_region_has_one_section_per_territory(run_alg, data_dir, tmp_path):
    canada = str(data_dir / "canada" / "ca_provinces.gpkg")
    flows = str(data_dir / "canada" / "ca_migration_od.csv")
    deps, _ = run_alg("alliance:flowdependencies", {
        "INPUT": canada, "ID_FIELD": "code", "FLOWS": flows, "OUTPUT": str(tmp_path / "d.gpkg"),
        "OUTPUT_LINES": str(tmp_path / "l.gpkg")})
    pdf, template, html_path = tmp_path / "atlas.pdf", tmp_path / "atlas.qpt", tmp_path / "atlas.html"
    run_alg("alliance:territorialreport", {
        "INPUT": canada, "ID_FIELD": "code", "INDICATORS": [deps["OUTPUT"]], "FLOW_LINES": deps["OUTPUT_LINES"],
        "OUTPUT_HTML": str(html_path), "OUTPUT_PDF": str(pdf), "OUTPUT_LAYOUT": str(template)})
    layer = QgsVectorLayer(canada, "c", "ogr")
    expected = sorted(f"{f['name']} ({f['code']})" for f in layer.getFeatures())
    layout = _load_template(template)
    pages = _assert_laid_out(layout)
    titles = {item.text(): page for page, items in pages.items() for item, _ in items
              if isinstance(item, QgsLayoutItemLabel) and item.id().endswith(":title")}
    assert sorted(titles) == expected
    assert len(set(titles.values())) == len(expected)  # each territory starts its own page
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == len(pages) > len(expected)
    page = html_path.read_text(encoding="utf-8")
    assert page.count("<section class='territory'") == len(expected)
    for title in expected:
        assert f"<h2>{title}</h2>" in html.unescape(page)


def test_html_report_in_headless_chromium(run_alg, austria, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "apt-get install chromium (scripts/setup.sh installs it)"
    html_path = tmp_path / "report.html"
    run_alg("alliance:territorialreport", {
        "INPUT": austria["regions"], "ID_FIELD": "nuts2", "INDICATORS": [austria["deps"]],
        "FLOW_LINES": austria["lines"], "TERRITORY": "AT13", "OUTPUT_HTML": str(html_path)})
    probe = ("<script>window.addEventListener('load',function(){var all=document.images,bad=[];"
             "for(var i=0;i<all.length;i++){if(!all[i].complete||all[i].naturalWidth===0)bad.push(all[i].alt);}"
             "document.body.setAttribute('data-images',all.length+'/'+bad.length);});</script>")
    checked = tmp_path / "checked.html"
    checked.write_text(html_path.read_text(encoding="utf-8").replace("</body>", probe + "</body>"),
                       encoding="utf-8")
    flags = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
             "--virtual-time-budget=5000"]
    result = subprocess.run(flags + ["--dump-dom", checked.as_uri()], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    found = re.search(r'data-images="(\d+)/(\d+)"', result.stdout)
    assert found, result.stdout[:500]
    assert int(found.group(1)) >= 4 and found.group(2) == "0"  # every image decoded
    shot = tmp_path / "report.png"
    result = subprocess.run(flags + ["--window-size=1000,1400", f"--screenshot={shot}", html_path.as_uri()],
                            capture_output=True, text=True, timeout=120)
    assert [line for line in result.stderr.splitlines() if "CONSOLE" in line] == []
    image = QImage(str(shot))
    assert not image.isNull() and image.width() == 1000


def test_report_without_names_uses_codes(run_alg, austria, tmp_path):
    html_path = tmp_path / "r.html"
    run_alg("alliance:territorialreport", {
        "INPUT": austria["deps"], "ID_FIELD": "nuts2", "NAME_FIELD": "fips", "TERRITORY": "AT34",
        "OUTPUT_HTML": str(html_path)})
    assert "AU08 (AT34)" in html_path.read_text(encoding="utf-8")


def test_unknown_territory_is_a_clear_error(run_alg, austria, tmp_path):
    with pytest.raises(QgsProcessingException, match="The territory 'XX99' is not in the field 'nuts2'"):
        run_alg("alliance:territorialreport", {
            "INPUT": austria["regions"], "ID_FIELD": "nuts2", "INDICATORS": [austria["deps"]],
            "TERRITORY": "XX99", "OUTPUT_HTML": str(tmp_path / "r.html")})
