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
    from alliance_territories.processing.report.pdf import load_template

    return load_template(str(path), QgsProject.instance())


def _maps(pages):
    return [(rect.width(), rect.height()) for items in pages.values() for item, rect in items
            if isinstance(item, QgsLayoutItemMap)]


def _images(raw):
    """{alt text: [QImage]} of the images of an HTML report, in page order."""
    found = {}
    for attributes in re.findall(r"<img ([^>]*)>", raw):
        alt = html.unescape(re.search(r"alt='([^']*)'", attributes).group(1))
        encoded = re.search(r"base64,([A-Za-z0-9+/=]+)", attributes).group(1)
        found.setdefault(alt, []).append(QImage.fromData(base64.b64decode(encoded), "PNG"))
    return found


def _rank_charts(raw):
    """[(map title, QImage of its rank chart)] of the maps of an HTML report that have one, in page order."""
    found = []
    for figure in re.findall(r"<figure class='map'>(.*?)</figure>", raw):
        title = html.unescape(re.search(r"<figcaption>(.*?)</figcaption>", figure).group(1))
        rank = re.search(r"<img class='rank'[^>]*base64,([A-Za-z0-9+/=]+)", figure)
        if rank:
            found.append((title, QImage.fromData(base64.b64decode(rank.group(1)), "PNG")))
    return found


def _is_background(colour):
    return colour.red() > 250 and colour.green() > 250 and colour.blue() > 250


def _runs(image, y, minimum=5):
    """[(first x, last x)] of the runs of non-white pixels on row ``y`` at least ``minimum`` pixels long."""
    runs, start = [], None
    for x in range(image.width() + 1):
        inside = x < image.width() and not _is_background(image.pixelColor(x, y))
        if inside and start is None:
            start = x
        elif not inside and start is not None:
            if x - start >= minimum:
                runs.append((start, x - 1))
            start = None
    return runs


def _bar_heights(image, row, base):
    """Height in pixels of each bar crossing ``row``: non-white pixels up from ``base`` at the bar's centre."""
    heights = []
    for first, last in _runs(image, row):
        x, y = (first + last) // 2, base
        while y >= 0 and not _is_background(image.pixelColor(x, y)):
            y -= 1
        heights.append(base - y)
    return heights


def test_report_of_one_territory(run_alg, austria, tmp_path):
    # Derived by hand from the flow table and the published bands: the main partner's share of AT12's
    # outflow against 15 % and 50 % (R2, R7); no origin = destination row, so self-containment (R1)
    # is not measurable; nothing reads R3 to R6; R8 counts R2, R7 and itself: 3 of 8, watch (3 to 5).
    with open(austria["flows"], encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert not [r for r in table if r["origin"] == r["destination"]]
    rows = [r for r in table if r["origin"] == "AT12" and r["destination"] != "AT12"]
    total = sum(float(r["flow"]) for r in rows)
    top = max(rows, key=lambda r: float(r["flow"]))
    share = 100 * float(top["flow"]) / total
    dependency = "priority" if share >= 50 else "watch" if share >= 15 else "strong"
    expected = {1: "not measurable", 2: dependency, 3: "no evidence", 4: "no evidence", 5: "no evidence",
                6: "no evidence", 7: dependency, 8: "watch"}
    assert dependency == "priority"  # 70 % to AT13: a measured, non-empty status is checked below
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
    # Each recommendation's status, as derived by hand above.
    for number, status in expected.items():
        row = re.search(rf"<tr id='t-AT12-r{number}'>.*?</tr>", raw).group(0)
        assert f">{status}<" in row, (number, status)
    # Evidence with readable names and units, computed independently from the flow table.
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
    # The status chart: one bar per status present (2 priority, 1 watch, 1 not measurable, 4 without
    # evidence), as tall as its count.
    chart = _images(raw)["Number of recommendations per status"][0]
    assert _bar_heights(chart, chart.height() - 83, chart.height() - 81) == pytest.approx(
        [2 / 4 * 210, 1 / 4 * 210, 1 / 4 * 210, 210], abs=3)
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


def _square(x, y, size=10000.0):
    return f"POLYGON(({x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y}))"


def test_statuses_charts_and_maps_of_a_hand_made_region(run_alg, tmp_path):
    """Four square territories and flows with internal flows, so that every status is worked out by hand.

    main_share = largest flow to another territory / outflow (internal included), against 15 % and 50 %
    (R2, R7); sc_supply = internal flow / outflow against 66.67 % and 75 % (R1, R2); a recommendation takes
    its most urgent status; R8 counts R1, R2, R7 and itself: 4 of 8, watch; nothing reads R3 to R6.

    ===  ========  ==========  ===========  ========  ========  ========
    T    internal  main share  self-cont.   R1        R2        R7
    ===  ========  ==========  ===========  ========  ========  ========
    A    30 / 100  60 % (B)    30 %         priority  priority  priority
    B    80 / 100  20 % (A)    80 %         strong    watch     watch
    C    90 / 100  5 %         90 %         strong    strong    strong
    D    70 / 100  10 %        70 %         watch     watch     strong
    ===  ========  ==========  ===========  ========  ========  ========
    """
    layer = QgsVectorLayer("Polygon?crs=EPSG:3857&field=code:string&field=name:string", "t", "memory")
    features = []
    for code, (x, y) in {"A": (0, 0), "B": (10000, 0), "C": (0, 10000), "D": (10000, 10000)}.items():
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code, f"Terr {code}"])
        feature.setGeometry(QgsGeometry.fromWkt(_square(x, y)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    path = tmp_path / "squares.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsProject.instance().transformContext(), options)
    flows = tmp_path / "flows.csv"
    flows.write_text("origin,destination,volume\nA,A,30\nA,B,60\nA,C,10\nB,B,80\nB,A,20\nC,C,90\nC,A,5\n"
                     "C,B,5\nD,D,70\nD,A,10\nD,B,10\nD,C,10\n", encoding="utf-8")
    deps, _ = run_alg("alliance:flowdependencies", {
        "INPUT": str(path), "ID_FIELD": "code", "FLOWS": str(flows), "OUTPUT": str(tmp_path / "d.gpkg"),
        "OUTPUT_LINES": "memory:"})
    expected = {"A": {1: "priority", 2: "priority", 7: "priority"}, "B": {1: "strong", 2: "watch", 7: "watch"},
                "C": {1: "strong", 2: "strong", 7: "strong"}, "D": {1: "watch", 2: "watch", 7: "strong"}}
    for code, statuses in expected.items():
        statuses.update({3: "no evidence", 4: "no evidence", 5: "no evidence", 6: "no evidence", 8: "watch"})
    html_path = tmp_path / "atlas.html"
    run_alg("alliance:territorialreport", {
        "INPUT": str(path), "ID_FIELD": "code", "INDICATORS": [deps["OUTPUT"]], "FLOWS": str(flows),
        "OUTPUT_HTML": str(html_path)})
    raw = html_path.read_text(encoding="utf-8")
    for code, statuses in expected.items():
        for number, status in statuses.items():
            row = re.search(rf"<tr id='t-{code}-r{number}'>.*?</tr>", raw).group(0)
            assert f">{status}<" in row, (code, number, status)

    # One section per territory, in the order of the layer: A, B, C, D.
    images = _images(raw)
    charts = images["Number of recommendations per status"]
    assert len(charts) == 4
    # Bars of the statuses present, in the order priority, watch, strong, not measurable, no evidence,
    # as tall as their counts (the tallest, 4 recommendations without evidence, 210 pixels).
    counts = {"A": [3, 1, 4], "B": [3, 1, 4], "C": [1, 3, 4], "D": [3, 1, 4]}
    for chart, (code, bars) in zip(charts, counts.items()):
        assert _bar_heights(chart, chart.height() - 83, chart.height() - 81) == pytest.approx(
            [n / 4 * 210 for n in bars], abs=3), code
        colours = [chart.pixelColor((a + b) // 2, chart.height() - 83) for a, b in _runs(chart, chart.height() - 83)]
        assert len({c.name() for c in colours}) == 3, code  # three statuses, three colours
    first = _runs(charts[0], charts[0].height() - 83)[0]
    priority = charts[0].pixelColor((first[0] + first[1]) // 2, charts[0].height() - 83)
    assert priority.red() > 150 and priority.green() < 100  # priority is red

    # Maps: the flows of A (outflows red, inflows blue), and the indicator maps with A at their centre,
    # filled (not the white background, not the grey of territories without a value), outlined in black.
    flow_map = images["Main flows to and from the territory"][0]
    pixels = [flow_map.pixelColor(x, y) for x in range(0, flow_map.width(), 2) for y in range(0, flow_map.height(), 2)]
    assert sum(1 for c in pixels if c.red() > 150 and c.green() < 80 and c.blue() < 80) > 20  # outflows
    assert sum(1 for c in pixels if c.blue() > 120 and c.red() < 80) > 20  # inflows
    share_map = images["R2, R7: Main partner's share of the outflow (%)"][0]
    centre = share_map.pixelColor(share_map.width() // 2, share_map.height() // 2)
    assert not _is_background(centre) and centre.name() != "#eeeeee"
    dark = [c for c in (share_map.pixelColor(x, y) for x in range(share_map.width())
                        for y in range(0, share_map.height(), 3)) if c.red() < 60 and c.green() < 60 and c.blue() < 60]
    assert len(dark) > 100  # the black outline of the territory
    assert "R1: Self-containment (share of the outflow staying inside) (%)" in images

    # The rank chart beside the share map: the 4 territories sorted by their share (C 5 %, D 10 %,
    # B 20 %, A 60 %), A's bar in black, as tall as its share relative to the highest.
    ranks = _rank_charts(raw)
    assert [title for title, _ in ranks[:2]] == ["R1: Self-containment (share of the outflow staying inside) (%)",
                                                 "R2, R7: Main partner's share of the outflow (%)"]
    rank = ranks[1][1]
    row = rank.height() - 12
    runs = _runs(rank, row)
    assert len(runs) == 4
    ink = [rank.pixelColor((a + b) // 2, row) for a, b in runs]
    assert [c.name() == "#000000" for c in ink] == [False, False, False, True]
    heights = _bar_heights(rank, row, rank.height() - 11)
    assert heights == pytest.approx([h * (rank.height() - 20) / 0.6 for h in (0.05, 0.10, 0.20, 0.60)], abs=3)
    # beside the self-containment map, A (30 %) is the lowest of A 30 %, D 70 %, B 80 %, C 90 %
    runs = _runs(ranks[0][1], row)
    assert [ranks[0][1].pixelColor((a + b) // 2, row).name() == "#000000" for a, b in runs] == [True, False, False,
                                                                                                 False]


def test_reciprocity_section_of_a_hand_made_pair_of_classes(run_alg, h, tmp_path):
    # A city C (urban) and three rural territories. Food: R1 -> C 60, R2 -> C 40, C -> R2 25; commuting
    # R1 -> C 50 (workers go to the jobs: the city provides them). By hand, pair (rural, urban):
    # food provided_ab 100, provided_ba 25, share_a 100 / 125 = 0.8; commuting 0, 50, share_a 0;
    # mean share 0.4, R = 1 - |2 x 0.4 - 1| = 0.8 (strong from 50 %). C's net contribution: food
    # (25 - 100) / 125 = -0.6, commuting (50 - 0) / 50 = 1, mean 0.2 (strong between -0.5 and 0.5).
    rows = [(h.square(700000.0 + dx, 6600000.0), [code, cls])
            for code, dx, cls in (("C", 0, "urban"), ("R1", 10000, "rural"), ("R2", 20000, "rural"),
                                  ("R3", 30000, "rural"))]
    territories = h.memory_layer("Polygon?crs=EPSG:2154&field=code:string&field=class:string", rows, "t")
    flows = h.memory_layer("None?field=origin:string&field=destination:string&field=flow_type:string"
                           "&field=value:double",
                           [(None, list(r)) for r in (("R1", "C", "food", 60.0), ("R2", "C", "food", 40.0),
                                                      ("C", "R2", "food", 25.0), ("R1", "C", "commuting", 50.0))],
                           "flows")
    out = {key: str(tmp_path / f"{key.lower()}.gpkg") for key in ("OUTPUT", "OUTPUT_TABLE", "OUTPUT_PAIRS",
                                                                    "OUTPUT_CONTRIBUTIONS", "OUTPUT_LINES")}
    results, _ = run_alg("alliance:reciprocity", {"INPUT": territories, "ID_FIELD": "code", "CLASS_FIELD": "class",
                                                  "FLOWS": flows, **out})
    report = tmp_path / "report.html"
    run_alg("alliance:territorialreport", {
        "INPUT": results["OUTPUT"], "ID_FIELD": "code", "TERRITORY": "C",
        "INDICATORS": [results["OUTPUT_TABLE"], results["OUTPUT_PAIRS"]], "OUTPUT_HTML": str(report)})
    raw = report.read_text(encoding="utf-8")
    # The recommendation page: R2 from the two new rules, strong.
    row = re.search(r"<tr id='t-C-r2'>(.*?)</tr>", raw).group(1)
    assert "Reciprocity 80% with the class rural" in html.unescape(row) and "strong" in row.lower()
    assert "Net contribution +0.20" in html.unescape(row)
    # The section: the pair, its index, its formula, its table.
    section = html.unescape(re.search(r"<section id='reciprocity'>(.*?)</section>", raw).group(1))
    assert "rural and urban: reciprocity 80 %" in section
    assert "R = 1 - |2 x mean share - 1|" in section
    assert "rural provides: food" in section and "urban provides: commuting" in section
    cells = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>", section)
    assert sorted(cells) == [("commuting", "0", "50", "0 %"), ("food", "100", "25", "80 %")]
    # The chart: one bar per type; blue (rural's share) 80 % of the track for food, none for commuting.
    image = _images(raw)["Share provided by rural (blue) and by urban (orange), per flow type"][0]
    from alliance_territories.processing.report.reciprocity import BAR_HEIGHT, COLOUR_A, COLOUR_B, LEFT, ROW

    order = [t for t, *_ in cells]
    track = image.width() - LEFT - 10
    for i, flow_type in enumerate(order):
        y = 8 + i * ROW + BAR_HEIGHT // 2
        blue = sum(image.pixelColor(x, y).name() == COLOUR_A for x in range(image.width()))
        orange = sum(image.pixelColor(x, y).name() == COLOUR_B for x in range(image.width()))
        share = 0.8 if flow_type == "food" else 0.0
        assert blue == pytest.approx(track * share, abs=2) and orange == pytest.approx(track * (1 - share), abs=2)
    assert image.height() == 2 * ROW + 16  # two bars, no more
