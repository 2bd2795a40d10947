"""alliance:territorialreport: an HTML (maps, scorecard, chart, sources, method) and PDF report per territory."""

import base64
import html

from qgis.core import (
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsProject,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter

from .flow_inputs import FlowAlgorithm
from .scorecard import STATUS_COLOURS, read_scorecard
from ..alliance_plugin.qgis_io import compat

MAP_SIZE = (640, 420)
MM = compat.LayoutUnit.Millimeters


class TerritorialReport(FlowAlgorithm):
    INDICATORS = "INDICATORS"
    TERRITORY = "TERRITORY"
    OUTPUT_HTML = "OUTPUT_HTML"
    OUTPUT_PDF = "OUTPUT_PDF"

    REQUIRES = ("numpy", "pandas", "shapely")
    GROUP = ("recommendations", "Recommendations")

    def name(self):
        return "territorialreport"

    def displayName(self):
        return self.tr("Territorial report")

    def shortDescription(self):
        return self.tr("A report for one territory or for all: a map per theme, the scorecard, a chart, the "
                       "parameters and data sources used and the method notes, as HTML and PDF.")

    def shortHelpString(self):
        return self.tr(HELP)

    def flags(self):
        # Map rendering and print layouts: run on the main thread in QGIS Desktop.
        return super().flags() | compat.AlgorithmFlag.NoThreading

    def initAlgorithm(self, config=None):
        self.addTerritoryParameters()
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.INDICATORS, self.tr("Indicator layers (outputs of our algorithms, with the same code field)"),
            compat.SourceType.Vector, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TERRITORY, self.tr("Territory code [optional: every territory]"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr("Report (HTML)"), self.tr("HTML files (*.html)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PDF, self.tr("Report (PDF)"), self.tr("PDF files (*.pdf)"), optional=True))

    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ..alliance_plugin.core import scorecard as sc
        from ..alliance_plugin.core.flow_table import codes_as_text

        id_field = self.parameterAsString(parameters, self.ID_FIELD, context)
        wanted = (self.parameterAsString(parameters, self.TERRITORY, context) or "").strip()
        read = read_scorecard(self, parameters, context, feedback)
        ids = list(read["ids"])
        if wanted and wanted not in ids:
            raise QgsProcessingException(self.tr(
                "The territory '{code}' is not in the field '{field}' of the territories layer "
                "(its codes are, for example, {ids}).").format(code=wanted, field=id_field, ids=", ".join(ids[:5])))
        chosen = [wanted] if wanted else ids
        summary = sc.overall(read["card"])
        source = read["source"]
        crs = source.sourceCrs()

        territories = source.materialize(QgsFeatureRequest())
        territories.setName(self.tr("Territories"))
        territories.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
            {"color": "240,240,240,255", "outline_color": "110,110,110", "outline_width": "0.3"})))
        geometries = {}
        for feature in territories.getFeatures():
            code = codes_as_text(pd.Series([feature[id_field]], dtype=object)).iloc[0]
            if isinstance(code, str) and code not in geometries:
                geometries[code] = feature.geometry()
        themes = [(layer, names) for layer, names in read["layers"]
                  if layer.isSpatial() and layer.geometryType() != compat.GeometryType.Null]
        styled = [(styled_clone(layer, names), layer.name()) for layer, names in themes]

        pages, images = [], {}
        for step, code in enumerate(chosen):
            if feedback.isCanceled():
                break
            geometry = geometries.get(code)
            highlight = highlight_layer(geometry, crs, self.tr("Territory {code}").format(code=code))
            extent = territory_extent(geometry, territories.extent())
            maps = []
            for clone, title in styled or [(None, self.tr("Territories"))]:
                layers = [highlight] + ([clone] if clone is not None else []) + [territories]
                maps.append((title, render_map(layers, extent, crs, context.transformContext())))
            rows = summary[summary["territory"] == code].sort_values("recommendation")
            counts = {status: int((rows["status"] == status).sum()) for status in sc.STATUSES}
            images[code] = (highlight, extent)
            pages.append((code, maps, rows, counts, chart_png(counts, {s: self.tr(s) for s in STATUS_LABELS})))
            feedback.setProgress(80.0 * (step + 1) / max(len(chosen), 1))

        sources = self.dataSources(parameters, context, read, territories)
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        with open(html_path, "w", encoding="utf-8") as handle:
            handle.write(self.renderHtml(pages, sources, sc))
        outputs = {self.OUTPUT_HTML: html_path}
        pdf_path = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        if pdf_path and not feedback.isCanceled():
            self.writePdf(pdf_path, pages, images, territories, [clone for clone, _ in styled], crs, context, sc)
            outputs[self.OUTPUT_PDF] = pdf_path
        feedback.setProgress(100.0)
        feedback.pushInfo(self.tr("Report of {n} territories written to {path}.").format(
            n=len(pages), path=html_path))
        return outputs

    def dataSources(self, parameters, context, read, territories):
        """[(layer name, source, fields used, params values)] of the territories and indicator layers."""
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        rows = [(layer.name() if layer else self.tr("Territories"),
                 layer.source() if layer else str(parameters.get(self.INPUT)), read["own"], [])]
        for indicator, names in read["layers"]:
            params = []
            if "params" in indicator.fields().names():
                index = indicator.fields().indexOf("params")
                params = sorted(str(v) for v in indicator.uniqueValues(index, 5) if v)
            rows.append((indicator.name(), indicator.source(), names, params))
        return rows

    def renderHtml(self, pages, sources, sc):
        title = self.tr("Territorial report")
        parts = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>",
                 "<style>body{font-family:sans-serif;max-width:62em;margin:auto}td,th{padding:.3em;"
                 "vertical-align:top;text-align:left}.status{color:white;font-weight:bold;border-radius:.3em;"
                 "text-align:center}figure{display:inline-block;margin:.5em}img{border:1px solid #ccc}"
                 "section{page-break-after:always}</style></head><body>",
                 f"<h1>{html.escape(title)}</h1>"]
        for code, maps, rows, counts, chart in pages:
            parts.append(f"<section><h2>{html.escape(self.tr('Territory {code}').format(code=code))}</h2>")
            parts.append(f"<h3>{html.escape(self.tr('Maps'))}</h3>")
            for name, png in maps:
                parts.append(f"<figure><img alt='{html.escape(name)}' src='data:image/png;base64,{png}'>"
                             f"<figcaption>{html.escape(name)}</figcaption></figure>")
            parts.append(f"<h3>{html.escape(self.tr('Scorecard'))}</h3><table><tr>"
                         f"<th>{html.escape(self.tr('Recommendation'))}</th><th></th>"
                         f"<th>{html.escape(self.tr('Status'))}</th>"
                         f"<th>{html.escape(self.tr('Why'))}</th></tr>")
            for row in rows.itertuples():
                colour = STATUS_COLOURS.get(row.status, "#999")
                parts.append(f"<tr><td>R{row.recommendation}</td>"
                             f"<td>{html.escape(sc.RECOMMENDATIONS[row.recommendation])}</td>"
                             f"<td class='status' style='background:{colour}'>{html.escape(row.status)}</td>"
                             f"<td>{html.escape(row.sentences)}</td></tr>")
            parts.append("</table>")
            parts.append(f"<h3>{html.escape(self.tr('Statuses'))}</h3>"
                         f"<img alt='{html.escape(self.tr('Statuses'))}' src='data:image/png;base64,{chart}'>"
                         "</section>")
        parts.append(f"<h2>{html.escape(self.tr('Parameters and data sources'))}</h2><table><tr>"
                     f"<th>{html.escape(self.tr('Layer'))}</th><th>{html.escape(self.tr('Source'))}</th>"
                     f"<th>{html.escape(self.tr('Fields used'))}</th>"
                     f"<th>{html.escape(self.tr('Parameters (params field)'))}</th></tr>")
        for name, path, fields, params in sources:
            parts.append(f"<tr><td>{html.escape(name)}</td><td>{html.escape(path)}</td>"
                         f"<td>{html.escape(', '.join(fields) or '-')}</td>"
                         f"<td>{'<br>'.join(html.escape(p) for p in params) or '-'}</td></tr>")
        parts.append("</table>")
        parts.append(f"<h2>{html.escape(self.tr('Method notes'))}</h2>"
                     f"<p>{html.escape(self.tr(METHOD))}</p><ul>")
        for rule in sc.RULES:
            parts.append(f"<li><b>{html.escape(rule['id'])}</b> ({html.escape(rule['field'])}, "
                         f"alliance:{html.escape(rule['algorithm'])}; R"
                         f"{', R'.join(map(str, rule['recommendations']))}): {html.escape(rule['source'])}</li>")
        parts.append("</ul></body></html>")
        return "".join(parts)

    def writePdf(self, path, pages, images, territories, clones, crs, context, sc):
        """One A4 portrait page per territory: title, map, scorecard text; a private project holds the layers."""
        project = QgsProject()
        project.setCrs(crs)
        project.setTransformContext(context.transformContext())
        base = territories.clone()
        others = [clone.clone() for clone in clones]
        project.addMapLayers([base, *others])
        layout = QgsPrintLayout(project)
        layout.setName(self.tr("Territorial report"))
        collection = layout.pageCollection()
        for number, (code, _maps, rows, counts, _chart) in enumerate(pages):
            page = QgsLayoutItemPage(layout)
            page.setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
            collection.addPage(page)
            highlight, extent = images[code]
            highlight = highlight.clone()
            project.addMapLayer(highlight)
            title = QgsLayoutItemLabel(layout)
            title.setText(self.tr("Territorial report: territory {code}").format(code=code))
            compat.set_label_font(title, QFont("Sans", 18, QFont.Weight.Bold))
            layout.addLayoutItem(title)
            title.attemptResize(QgsLayoutSize(190, 12, MM))
            title.attemptMove(QgsLayoutPoint(10, 10, MM), page=number)
            item = QgsLayoutItemMap(layout)
            layout.addLayoutItem(item)
            item.attemptResize(QgsLayoutSize(190, 110, MM))
            item.attemptMove(QgsLayoutPoint(10, 25, MM), page=number)
            item.setCrs(crs)
            item.setLayers([highlight, *others, base])
            item.setKeepLayerSet(True)
            item.setExtent(extent)
            item.setFrameEnabled(True)
            lines = [self.tr("Statuses: {p} priority, {w} watch, {s} strong.").format(
                p=counts["priority"], w=counts["watch"], s=counts["strong"]), ""]
            for row in rows.itertuples():
                lines.append(f"R{row.recommendation} {sc.RECOMMENDATIONS[row.recommendation]}: "
                             f"{row.status.upper()}")
                lines.append(f"    {row.sentences}")
            text = QgsLayoutItemLabel(layout)
            text.setText("\n".join(lines))
            compat.set_label_font(text, QFont("Sans", 9))
            layout.addLayoutItem(text)
            text.attemptResize(QgsLayoutSize(190, 150, MM))
            text.attemptMove(QgsLayoutPoint(10, 140, MM), page=number)
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = 150
        result = QgsLayoutExporter(layout).exportToPdf(path, settings)
        if result != QgsLayoutExporter.ExportResult.Success:
            raise QgsProcessingException(self.tr("Could not write the PDF report {path} (error {code}).").format(
                path=path, code=int(result)))


STATUS_LABELS = ("priority", "watch", "strong")


def styled_clone(layer, names):
    """A copy of an indicator layer styled simply: graduated on its first numeric rule field, else one colour."""
    clone = layer.clone()
    numeric = [n for n in names if clone.fields().field(n).isNumeric()]
    if numeric:
        renderer = QgsGraduatedSymbolRenderer(numeric[0])
        renderer.setSourceSymbol(QgsFillSymbol.createSimple({"outline_color": "255,255,255", "outline_width": "0.2"})
                                 if clone.geometryType() == compat.GeometryType.Polygon else
                                 renderer.sourceSymbol())
        from qgis.core import QgsClassificationQuantile, QgsGradientColorRamp

        renderer.setClassificationMethod(QgsClassificationQuantile())
        renderer.updateClasses(clone, 5)

        renderer.updateColorRamp(QgsGradientColorRamp(QColor("#fee8c8"), QColor("#b30000")))
        clone.setRenderer(renderer)
        clone.setName(f"{layer.name()}: {numeric[0]}")
    clone.setOpacity(0.85)
    return clone


def highlight_layer(geometry, crs, name):
    layer = QgsVectorLayer(f"Polygon?crs={crs.authid()}" if crs.authid() else "Polygon", name, "memory")
    layer.setCrs(crs)
    if geometry is not None:
        from qgis.core import QgsFeature

        feature = QgsFeature()
        feature.setGeometry(geometry)
        layer.dataProvider().addFeatures([feature])
        layer.updateExtents()
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "255,0,0,40", "outline_color": "200,0,0", "outline_width": "0.9"})))
    return layer


def territory_extent(geometry, fallback):
    extent = QgsRectangle(geometry.boundingBox()) if geometry is not None and not geometry.isEmpty() \
        else QgsRectangle(fallback)
    extent.scale(1.6)
    return extent


def render_map(layers, extent, crs, transform_context, size=MAP_SIZE):
    """A PNG (base64) of ``layers`` (top first) over ``extent``."""
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(crs)
    settings.setTransformContext(transform_context)
    settings.setOutputSize(QSize(*size))
    settings.setExtent(extent)
    settings.setBackgroundColor(QColor("white"))
    image = QImage(QSize(*size), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.renderSynchronously()
    painter.end()
    return png_base64(image)


def chart_png(counts, labels, size=(360, 200)):
    """A bar chart (base64 PNG) of the statuses count."""
    width, height = size
    image = QImage(QSize(width, height), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(QFont("Sans", 10))
    top = max(max(counts.values()), 1)
    bar = width / (len(STATUS_LABELS) * 1.5)
    for i, status in enumerate(STATUS_LABELS):
        value = counts.get(status, 0)
        x = bar * 0.25 + i * bar * 1.5
        h = (height - 60) * value / top
        painter.fillRect(QRectF(x, height - 30 - h, bar, h), QColor(STATUS_COLOURS[status]))
        painter.setPen(QColor("black"))
        painter.drawText(QRectF(x - 10, height - 50 - h, bar + 20, 20), Qt.AlignmentFlag.AlignCenter, str(value))
        painter.drawText(QRectF(x - 10, height - 28, bar + 20, 24), Qt.AlignmentFlag.AlignCenter, labels.get(status, status))
    painter.end()
    return png_base64(image)


def png_base64(image):
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return base64.b64encode(bytes(data)).decode("ascii")


HELP = """<p>A report for one territory (its code in <b>Territory code</b>) or for every territory: a map per theme (the territory highlighted over each indicator layer), the recommendations scorecard (status and sentences, read from the territories and indicator layers exactly as <i>Recommendations scorecard</i> does, with its default thresholds), a bar chart of the statuses, the parameters and data sources used (the layers, their fields and their params field) and the method notes (the rules and their sources). The HTML page is self-contained (images embedded); the optional PDF comes from a print layout, one A4 page per territory. Runs from qgis_process too.</p>"""

METHOD = ("Each rule reads one field of our algorithms' outputs and gives a status (priority, watch, strong) with "
          "a sentence; the most urgent status of a recommendation's rules wins. Default thresholds; the rules "
          "and their sources:")
