"""The PDF report: a print layout of A4 pages whose maps, legends, scale bars, charts and texts sit in
fixed frames placed down the page by a cursor (:class:`Pager`). Maps, legends and scale bars keep
their sizes whatever the territory's shape; text is wrapped to its frame's width and continues on
the next page rather than leaving it. Several territories give an atlas: one group of pages each.
"""

import datetime

from qgis.core import (
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProject,
    QgsReadWriteContext,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ...alliance_plugin.core.report import NO_EVIDENCE
from ...alliance_plugin.qgis_io import compat
from ...alliance_plugin.toolbelt.i18n import tr
from ..base import help_path
from .images import temp_png
from .words import status_colours, status_label, territory_heading

MM = compat.LayoutUnit.Millimeters
#: A4 portrait, in mm: page size, margins, and the frames' fixed sizes.
PAGE_W, PAGE_H = 210.0, 297.0
LEFT, TOP, RIGHT, BOTTOM = 12.0, 12.0, 198.0, 285.0
WIDTH = RIGHT - LEFT
MAP_W, MAP_H = 118.0, 84.0
SIDE_X, SIDE_W = LEFT + MAP_W + 4.0, WIDTH - MAP_W - 4.0
SCALE_H = 16.0
GAP = 3.0


def export_pdf(layout, path):
    """Write ``layout`` as a PDF at 150 dpi with searchable, copyable text."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 150
    settings.rasterizeWholeImage = False
    settings.textRenderFormat = compat.TextRenderFormat.AlwaysText  # searchable, copyable text
    result = QgsLayoutExporter(layout).exportToPdf(path, settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise QgsProcessingException(tr(
            "Could not write the PDF report {path} (error {code}).").format(path=path, code=int(result)))


def build_layout(project, pages, sources, notes, map_crs, exchanges=()):
    """The print layout: per territory a group of A4 pages of fixed frames placed by a cursor."""
    layer_ids = set()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(tr("Territorial report"))
    collection = layout.pageCollection()
    while collection.pageCount():
        collection.deletePage(0)
    pager = Pager(layout)
    colours = status_colours()
    for page in pages:
        heading = territory_heading(page)
        pager.new_page(heading, section=page["code"])
        pager.text(heading, 16, bold=True, item_id=f"{page['code']}:title")
        pager.text(tr("Territorial report, {date}. Statuses: {p} priority, {w} watch, {s} strong, "
                           "{n} not measurable, {e} without evidence.").format(
            date=datetime.date.today().isoformat(), p=page["counts"].get("priority", 0),
            w=page["counts"].get("watch", 0), s=page["counts"].get("strong", 0),
            n=page["counts"].get("not measurable", 0), e=page["counts"].get(NO_EVIDENCE, 0)), 9)
        for spec in page["maps"]:
            for layer in spec["layers"]:
                if layer.id() not in layer_ids:
                    project.addMapLayer(layer, False)
                    layer_ids.add(layer.id())
        first, *others = page["maps"]
        pager.map_group(first, map_crs, page["code"], chart=page["chart"])
        pager.text(tr("The 8 recommendations"), 12, bold=True)
        for rec in page["recommendations"]:
            body = rec["sentence"]
            if rec["evidence"]:
                body += "\n" + "\n".join(f"- {line}" for line in rec["evidence"])
            pager.recommendation(f"R{rec['number']} {rec['title']}", status_label(rec["status"]),
                                 colours.get(rec["status"], "#999999"), body)
        if others:
            pager.text(tr("Maps of the indicators"), 12, bold=True)
        for spec in others:
            pager.map_group(spec, map_crs, page["code"])
    if exchanges:
        from .reciprocity import formula, pair_lines, pair_title

        pager.new_page(tr("Reciprocity between classes of territories"), section="")
        pager.text(tr("Reciprocity between classes of territories"), 14, bold=True)
        pager.text(formula(), 8)
        for pair in exchanges:
            pager.text(pair_title(pair), 10, bold=True)
            pager.text("\n".join(pair_lines(pair)), 8)
    pager.new_page(tr("Data sources and parameters"), section="")
    pager.text(tr("Data sources and parameters"), 14, bold=True)
    for kind, name, path, date, fields, params in sources:
        pager.text(f"{kind}: {name}", 9, bold=True)
        pager.text(tr("Source: {path}\nDate: {date}\nFields used: {fields}\nParameters: {params}").format(
            path=path, date=date, fields=fields, params=params), 8)
    pager.text(tr("Method notes"), 14, bold=True)
    for note in notes:
        pager.text(note, 8)
    pager.text(tr("The method notes of every algorithm: {path}").format(
        path=str(help_path())), 8)
    return layout


class Pager:
    """Places fixed-size layout items down A4 pages; a block that does not fit starts a new page."""

    def __init__(self, layout):
        self.layout = layout
        self.page = -1
        self.y = BOTTOM
        self.heading = ""
        self.sections = []

    def new_page(self, heading=None, section=None):
        page = QgsLayoutItemPage(self.layout)
        page.setPageSize(QgsLayoutSize(PAGE_W, PAGE_H, MM))
        self.layout.pageCollection().addPage(page)
        self.page += 1
        if heading is not None:
            self.heading = heading
        if section is not None:
            self.sections.append((section, self.page))
        self.y = TOP
        if section is None:  # a continuation page: the territory's name in small type
            self.text(self.heading, 8, colour="#555555")
        return self.page

    def need(self, height):
        if self.y + height > BOTTOM:
            self.new_page()

    def _label(self, text, x, y, width, height, size, bold=False, colour="#000000", background=None,
               align=Qt.AlignmentFlag.AlignLeft, item_id=""):
        label = QgsLayoutItemLabel(self.layout)
        label.setText(text)
        font = report_font(size, bold)
        compat.set_label_font(label, font)
        if hasattr(label, "setFontColor") and compat.VERSION < 32400:
            label.setFontColor(QColor(colour))
        else:
            fmt = label.textFormat()
            fmt.setColor(QColor(colour))
            label.setTextFormat(fmt)
        label.setMargin(0.8)
        label.setHAlign(align)
        label.setVAlign(Qt.AlignmentFlag.AlignTop)
        if background:
            label.setBackgroundEnabled(True)
            label.setBackgroundColor(QColor(background))
        label.setId(item_id or "text")
        self.layout.addLayoutItem(label)
        label.attemptResize(QgsLayoutSize(width, height, MM))
        label.attemptMove(QgsLayoutPoint(x, y, MM), page=self.page)
        return label

    def text(self, text, size, bold=False, colour="#000000", x=LEFT, width=WIDTH, item_id=""):
        """Wrapped text; what does not fit on the page continues on the next one."""
        font = report_font(size, bold)
        line_height = QgsLayoutUtils.fontHeightMM(font) * 1.25
        lines = wrap(text, font, width - 2.0)
        while lines:
            if self.y + line_height + 1.6 > BOTTOM:
                self.new_page()
            fit = max(1, int((BOTTOM - self.y - 1.6) // line_height))
            chunk, lines = lines[:fit], lines[fit:]
            height = line_height * len(chunk) + 1.6
            self._label("\n".join(chunk), x, self.y, width, height, size, bold, colour, item_id=item_id)
            self.y += height + 1.0

    def recommendation(self, title, status, colour, body):
        """A status box beside the recommendation's title, then its text."""
        font = report_font(9, True)
        line_height = QgsLayoutUtils.fontHeightMM(font) * 1.25
        status_w = 30.0
        title_lines = wrap(title, font, WIDTH - status_w - 4.0)
        height = line_height * len(title_lines) + 1.6
        self.need(height + 8.0)
        dark = colour.lower() not in ("#fdae61", "#bdbdbd", "#eeeeee")
        self._label(status, LEFT, self.y, status_w, line_height + 1.6, 8, True,
                    "#ffffff" if dark else "#000000", background=colour, align=Qt.AlignmentFlag.AlignHCenter,
                    item_id="status")
        self._label("\n".join(title_lines), LEFT + status_w + 2.0, self.y, WIDTH - status_w - 2.0, height, 9,
                    True, item_id="recommendation")
        self.y += max(height, line_height + 1.6) + 0.5
        self.text(body, 8, x=LEFT + status_w + 2.0, width=WIDTH - status_w - 2.0)
        self.y += 1.5

    def map_group(self, spec, map_crs, code, chart=None):
        """Caption, map frame, scale bar; legend (and chart) in the side column. Fixed sizes."""
        caption_font = report_font(10, True)
        caption_lines = wrap(spec["title"], caption_font, WIDTH - 2.0)
        caption_h = QgsLayoutUtils.fontHeightMM(caption_font) * 1.25 * len(caption_lines) + 1.6
        self.need(caption_h + MAP_H + SCALE_H + GAP)
        self._label("\n".join(caption_lines), LEFT, self.y, WIDTH, caption_h, 10, True, item_id="caption")
        self.y += caption_h + 0.5
        top = self.y
        item = QgsLayoutItemMap(self.layout)
        item.setId(f"{code}:map")
        self.layout.addLayoutItem(item)
        item.attemptResize(QgsLayoutSize(MAP_W, MAP_H, MM))
        item.attemptMove(QgsLayoutPoint(LEFT, top, MM), page=self.page)
        item.setCrs(map_crs)
        item.setLayers(spec["layers"])
        item.setKeepLayerSet(True)
        item.zoomToExtent(spec["extent"])  # keeps the frame's size, unlike setExtent
        item.setFrameEnabled(True)
        item.setBackgroundColor(QColor("white"))
        bar = QgsLayoutItemScaleBar(self.layout)
        bar.setId("scalebar")
        bar.setStyle("Single Box")
        bar.setLinkedMap(item)
        bar.setUnits(kilometres())
        bar.setUnitLabel("km")
        bar.setNumberOfSegments(2)
        bar.setNumberOfSegmentsLeft(0)
        bar.setSegmentSizeMode(fit_width())
        bar.setMinimumBarWidth(20.0)
        bar.setMaximumBarWidth(50.0)
        bar.setHeight(2.0)
        if hasattr(bar, "setTextFormat"):
            bar.setTextFormat(text_format(report_font(7)))
        else:  # pragma: no cover - QGIS < 3.14
            bar.setFont(report_font(7))
        self.layout.addLayoutItem(bar)
        bar.applyDefaultSize(kilometres())
        bar.setSegmentSizeMode(fit_width())
        bar.setMinimumBarWidth(20.0)
        bar.setMaximumBarWidth(50.0)
        bar.update()
        bar.attemptMove(QgsLayoutPoint(LEFT, top + MAP_H + 1.0, MM), page=self.page)
        legend_h = MAP_H + SCALE_H - (34.0 if chart else 0.0)
        legend = QgsLayoutItemLegend(self.layout)
        legend.setId("legend")
        legend.setTitle("")
        legend.setAutoUpdateModel(False)
        legend.setLinkedMap(item)
        root = legend.model().rootGroup()
        root.removeAllChildren()
        for layer in spec["layers"]:
            node = root.addLayer(layer)
            QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Hidden)
        if hasattr(legend, "setSymbolWidth"):
            legend.setSymbolWidth(6.0)
            legend.setSymbolHeight(3.5)
        compat.set_legend_style_font(legend, QgsLegendStyle.Style.SymbolLabel, text_format(report_font(7)),
                                     report_font(7))
        legend.setWrapString("\n")
        legend.setResizeToContents(False)
        legend.setFrameEnabled(False)
        self.layout.addLayoutItem(legend)
        legend.attemptResize(QgsLayoutSize(SIDE_W, legend_h, MM))
        legend.attemptMove(QgsLayoutPoint(SIDE_X, top, MM), page=self.page)
        if chart:
            picture = QgsLayoutItemPicture(self.layout)
            picture.setId("chart")
            path = temp_png(chart)
            picture.setPicturePath(path)
            picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
            self.layout.addLayoutItem(picture)
            picture.attemptResize(QgsLayoutSize(SIDE_W, 32.0, MM))
            picture.attemptMove(QgsLayoutPoint(SIDE_X, top + MAP_H + SCALE_H - 32.0, MM), page=self.page)
        bar_bottom = top + MAP_H + 1.0 + bar.sizeWithUnits().height()
        self.y = max(bar_bottom, top + MAP_H + SCALE_H) + GAP


def report_font(size, bold=False):
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def text_format(font):
    from qgis.core import QgsTextFormat

    return QgsTextFormat.fromQFont(font)


def wrap(text, font, width):
    """Lines of ``text`` no wider than ``width`` mm in ``font`` (words longer than the width are cut)."""
    lines = []
    for paragraph in str(text).split("\n"):
        words, current = paragraph.split(" "), ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if QgsLayoutUtils.textWidthMM(font, candidate) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            while QgsLayoutUtils.textWidthMM(font, word) > width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and QgsLayoutUtils.textWidthMM(font, word[:cut]) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
    return lines


def kilometres():
    return getattr(compat.DistanceUnit, "Kilometers", None) or getattr(QgsUnitTypes, "DistanceKilometers")


def fit_width():
    from qgis.core import Qgis, QgsScaleBarSettings

    scoped = getattr(Qgis, "ScaleBarSegmentSizeMode", None)
    if scoped is not None:
        return scoped.FitWidth
    return getattr(QgsScaleBarSettings, "SegmentSizeFitWidth")


def load_template(path, project=None):
    """A print layout read from a template written by the report (for tests and users)."""
    layout = QgsPrintLayout(project or QgsProject.instance())
    document = QDomDocument()
    with open(path, encoding="utf-8") as handle:
        document.setContent(handle.read())
    layout.loadFromTemplate(document, QgsReadWriteContext())
    return layout
