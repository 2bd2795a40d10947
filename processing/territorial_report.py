"""alliance:territorialreport: a report per territory for decision-makers, as HTML and PDF.

Per territory: a map of its main flows, a choropleth of the indicator of each
recommendation that has one (the territory outlined, a legend, a scale bar),
the 8 recommendations with their status, evidence and sentence, charts, the
data sources and parameters, and the method notes in plain words with a link
to the help shipped in the plugin. The PDF is laid out in fixed frames placed
by a page cursor (:class:`Pager`): maps, legends and scale bars have fixed
sizes whatever the territory's shape, text is wrapped to its frame's width and
continues on the next page rather than leaving the page. Several territories
give an atlas: one group of pages per territory in one PDF.
"""

import base64
import datetime
import html
import math
import os

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
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
    QgsLineSymbol,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsPointXY,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSingleSymbolRenderer,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter
from qgis.PyQt.QtXml import QDomDocument

from .base import help_path, help_url
from .flow_inputs import FlowAlgorithm
from .scorecard import read_scorecard
from ..alliance_plugin.qgis_io import compat
from ..alliance_plugin.toolbelt.i18n import tr, user_language

MM = compat.LayoutUnit.Millimeters
#: A4 portrait, in mm: page size, margins, and the frames' fixed sizes.
PAGE_W, PAGE_H = 210.0, 297.0
LEFT, TOP, RIGHT, BOTTOM = 12.0, 12.0, 198.0, 285.0
WIDTH = RIGHT - LEFT
MAP_W, MAP_H = 118.0, 84.0
SIDE_X, SIDE_W = LEFT + MAP_W + 4.0, WIDTH - MAP_W - 4.0
SCALE_H = 16.0
GAP = 3.0
#: HTML maps: pixels, same aspect ratio as the PDF map frames.
MAP_PX = (708, 504)
#: Fields that hold a territory's name, tried in this order (case-insensitive).
NAME_FIELDS = ("name", "nom", "libelle", "libellé", "lib", "label", "name_en", "name_fr", "nom_com", "libgeo",
               "nom_commune", "nom_reg", "nom_dep", "name_1", "nuts_name", "name_latn", "gen")
FALLBACK_STATUS_COLOURS = {"priority": "#d7301f", "watch": "#fdae61", "strong": "#1a9850",
                           "not measurable": "#bdbdbd"}
NO_EVIDENCE = "no evidence"


def status_label(status):
    """The status as the reader sees it, translated."""
    return {"priority": tr("priority"), "watch": tr("watch"), "strong": tr("strong"),
            "not measurable": tr("not measurable"), NO_EVIDENCE: tr("no evidence")}.get(status, status)


def translated(text):
    """Translation of a text that comes from a data table (indicator labels and units, rule sources,
    class values): the extractor collects those from their tables, not from this call."""
    return _translate(text) if text else text


_translate = tr


def _palette():
    try:
        from ..alliance_plugin.toolbelt import palette
        return palette
    except ImportError:  # pragma: no cover - the palette ships with the plugin
        return None


def status_colours():
    palette = _palette()
    colours = dict(FALLBACK_STATUS_COLOURS)
    if palette is not None:
        colours.update(getattr(palette, "STATUS_COLOURS", {}))
    colours[NO_EVIDENCE] = "#eeeeee"
    return colours


def detect_name_field(fields, id_field):
    """The first text field that looks like a name (name, nom, NAME, libelle...), or None."""
    text = [f.name() for f in fields if compat.is_text_field(f) and f.name() != id_field]
    lower = {name.lower(): name for name in text}
    for candidate in NAME_FIELDS:
        if candidate in lower:
            return lower[candidate]
    for name in text:
        if name.lower().startswith(("name_", "nom_", "lib_", "libelle")):
            return name
    return None


class TerritorialReport(FlowAlgorithm):
    INDICATORS = "INDICATORS"
    NAME_FIELD = "NAME_FIELD"
    FLOW_LINES = "FLOW_LINES"
    TERRITORY = "TERRITORY"
    OUTPUT_HTML = "OUTPUT_HTML"
    OUTPUT_PDF = "OUTPUT_PDF"
    OUTPUT_LAYOUT = "OUTPUT_LAYOUT"

    REQUIRES = ("numpy", "pandas", "shapely")
    GROUP = ("recommendations", "Recommendations")
    TOP_FLOWS = 6

    def name(self):
        return "territorialreport"

    def displayName(self):
        return self.tr("Territorial report")

    def shortDescription(self):
        return self.tr("A report per territory, or an atlas of all: maps of the main flows and of each "
                       "recommendation's indicator, the 8 recommendations with status, evidence and sentence, "
                       "charts, the data sources, parameters and method notes, as HTML and PDF.")

    def shortHelpString(self):
        return self.tr(HELP)

    def flags(self):
        # Map rendering and print layouts: run on the main thread in QGIS Desktop.
        return super().flags() | compat.AlgorithmFlag.NoThreading

    def initAlgorithm(self, config=None):
        self.addTerritoryParameters()
        self.addParameter(QgsProcessingParameterField(
            self.NAME_FIELD, self.tr("Territory name field"),
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.INDICATORS, self.tr("Indicator layers (same code field)"),
            compat.SourceType.Vector, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FLOW_LINES, self.tr("Flow lines (map of the main flows)"),
            [compat.SourceType.VectorLine], optional=True))
        self.addFlowParameters(optional=True)
        for key in (self.ORIGIN_FIELD, self.DESTINATION_FIELD, self.VOLUME_FIELD, self.FLOW_TYPE_FIELD,
                    self.FLOW_TYPES, self.DEFAULT_FLOW_TYPE, self.MIN_VOLUME):
            definition = self.parameterDefinition(key)
            definition.setFlags(definition.flags() | compat.ParameterFlag.Advanced)
        self.addParameter(QgsProcessingParameterString(
            self.TERRITORY, self.tr("Territory code (empty: atlas of all)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr("Report (HTML)"), self.tr("HTML files (*.html)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PDF, self.tr("Report (PDF)"), self.tr("PDF files (*.pdf)"), optional=True))
        layout = QgsProcessingParameterFileDestination(
            self.OUTPUT_LAYOUT, self.tr("Print layout template of the PDF"),
            self.tr("Layout templates (*.qpt)"), optional=True, createByDefault=False)
        layout.setFlags(layout.flags() | compat.ParameterFlag.Advanced)
        self.addParameter(layout)

    # ------------------------------------------------------------------ reading

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
        source = read["source"]
        name_field = (self.parameterAsString(parameters, self.NAME_FIELD, context) or "").strip() or \
            detect_name_field(source.fields(), id_field)
        if name_field:
            feedback.pushInfo(self.tr("Territory names: field '{field}'.").format(field=name_field))
        sources = self.dataSources(parameters, context, read)
        card = read["card"]
        if not len(card) or 8 not in set(card["recommendation"]):
            evidence = sc.evidence(card, ids, sources={a: when for a, when in self._algorithmDates(read)},
                                   translate=tr)
            card = pd.concat([card, evidence], ignore_index=True) if len(card) else evidence
        summary = sc.overall(card)

        territories = source.materialize(QgsFeatureRequest())
        crs = territories.crs()
        names, geometries, points = {}, {}, {}
        for feature in territories.getFeatures():
            code = codes_as_text(pd.Series([feature[id_field]], dtype=object)).iloc[0]
            if not isinstance(code, str) or code in geometries:
                continue
            geometries[code] = QgsGeometry(feature.geometry())
            if not feature.geometry().isEmpty():
                points[code] = feature.geometry().pointOnSurface().asPoint()
            if name_field and feature.fields().indexOf(name_field) >= 0:
                value = feature[name_field]
                if value is not None and str(value).strip() and str(value) != "NULL":
                    names[code] = str(value).strip()
        map_crs = report_crs(crs, territories.extent())
        transform = QgsCoordinateTransform(crs, map_crs, context.transformContext())
        region = transform.transformBoundingBox(territories.extent())

        base = territories.clone()
        base.setName(self.tr("Other territories (no value)"))
        base.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
            {"color": "238,238,238,255", "outline_color": "150,150,150", "outline_width": "0.15"})))
        themes = self.themes(read, territories, id_field, sc)
        flows = self.flowPairs(parameters, context, feedback, ids)

        pages = []
        for step, code in enumerate(chosen):
            if feedback.isCanceled():
                break
            geometry = geometries.get(code)
            label = names.get(code)
            outline = outline_layer(geometry, crs, self.tr("The territory"))
            extent = territory_extent(geometry, transform, region)
            maps = []
            flow_layer, flow_entries = self.flowLayer(code, flows, points, crs)
            flow_title = self.tr("Main flows to and from the territory") if flow_layer is not None else \
                self.tr("Location of the territory")
            maps.append(dict(title=flow_title, recommendation=None, field=None,
                             layers=[l for l in (outline, flow_layer) if l is not None] + [base],
                             entries=[("outline", "#000000", self.tr("The territory"))] + flow_entries,
                             extent=fit_aspect(region if flow_layer is not None else extent, MAP_W / MAP_H)))
            for theme in themes:
                maps.append(dict(title=theme["title"], recommendation=theme["recommendation"],
                                 field=theme["field"], layers=[outline, theme["layer"], base],
                                 entries=[("outline", "#000000", self.tr("The territory"))] + theme["entries"],
                                 extent=fit_aspect(extent, MAP_W / MAP_H), values=theme["values"]))
            rows = summary[summary["territory"] == code].set_index("recommendation")
            evidence = card[card["territory"] == code]
            recommendations = []
            for number, title in sc.RECOMMENDATIONS.items():
                status = rows["status"].get(number, NO_EVIDENCE) if len(rows) else NO_EVIDENCE
                sentence = rows["sentences"].get(number, "") if len(rows) else ""
                lines = list(dict.fromkeys(evidence_line(row, sc) for row in
                                           evidence[evidence["recommendation"] == number].itertuples()))
                if status == NO_EVIDENCE:
                    sentence = self.tr("No evidence yet. What would add it: {what}").format(
                        what=translated(sc.COMPLETE[number]) if number in getattr(sc, "COMPLETE", {}) else
                        ", ".join(algorithms_for(number)))
                recommendations.append(dict(number=number, title=translated(title), status=status, sentence=sentence,
                                            evidence=lines))
            counts = {status: sum(1 for r in recommendations if r["status"] == status)
                      for status in (*sc.STATUSES, NO_EVIDENCE)}
            pages.append(dict(code=code, name=label, maps=maps, recommendations=recommendations, counts=counts,
                              chart=chart_png(counts, {s: status_label(s) for s in counts})))
            feedback.setProgress(70.0 * (step + 1) / max(len(chosen), 1))

        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        notes = self.methodNotes(sc)
        with open(html_path, "w", encoding="utf-8") as handle:
            handle.write(self.renderHtml(pages, sources, notes, map_crs, context, html_path))
        outputs = {self.OUTPUT_HTML: html_path}
        pdf_path = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        layout_path = self.parameterAsFileOutput(parameters, self.OUTPUT_LAYOUT, context)
        if (pdf_path or layout_path) and not feedback.isCanceled():
            project = QgsProject()
            project.setCrs(map_crs)
            project.setTransformContext(context.transformContext())
            layout = self.buildLayout(project, pages, sources, notes, map_crs)
            if pdf_path:
                settings = QgsLayoutExporter.PdfExportSettings()
                settings.dpi = 150
                settings.rasterizeWholeImage = False
                settings.textRenderFormat = compat.TextRenderFormat.AlwaysText  # searchable, copyable text
                result = QgsLayoutExporter(layout).exportToPdf(pdf_path, settings)
                if result != QgsLayoutExporter.ExportResult.Success:
                    raise QgsProcessingException(self.tr(
                        "Could not write the PDF report {path} (error {code}).").format(path=pdf_path,
                                                                                       code=int(result)))
                outputs[self.OUTPUT_PDF] = pdf_path
            if layout_path:
                layout.saveAsTemplate(layout_path, QgsReadWriteContext())
                outputs[self.OUTPUT_LAYOUT] = layout_path
        feedback.setProgress(100.0)
        feedback.pushInfo(self.tr("Report of {n} territories written to {path}.").format(
            n=len(pages), path=html_path))
        return outputs

    def themes(self, read, territories, id_field, sc):
        """One choropleth per recommendation: the first rule field of it found on a polygon layer."""
        candidates = [(territories, read["own"])] + [
            (layer, names) for layer, names in read["layers"]
            if layer.isSpatial() and layer.geometryType() == compat.GeometryType.Polygon]
        themes, styled = [], {}
        for number in sc.RECOMMENDATIONS:
            fields = [rule["field"] for rule in sc.RULES if number in rule["recommendations"]]
            present = [(layer, field) for field in fields for layer, names in candidates if field in names]
            # an indicator with values first: a map of NULLs only says "not measurable" everywhere
            found = next((pair for pair in present if _has_values(*pair)), present[0] if present else None)
            if found is None:
                continue
            layer, field = found
            key = (layer.id(), field)
            if key not in styled:
                clone = layer.clone()
                renderer, entries, values = field_style(clone, field)
                clone.setRenderer(renderer)
                clone.setName(indicator_title(field))
                styled[key] = (clone, entries, values)
            else:  # one map per indicator: the recommendations it measures share it
                theme = next(t for t in themes if (t["layer"].id(), t["field"]) == (styled[key][0].id(), field))
                theme["recommendations"].append(number)
                continue
            clone, entries, values = styled[key]
            themes.append(dict(recommendation=number, recommendations=[number], field=field, layer=clone,
                               entries=entries, values=values))
        for theme in themes:
            theme["title"] = self.tr("{recommendations}: {indicator}").format(
                recommendations=", ".join(f"R{n}" for n in theme["recommendations"]),
                indicator=indicator_title(theme["field"]))
        return themes

    def flowPairs(self, parameters, context, feedback, ids):
        """``[(origin, destination, volume)]`` between different territories, from the flow lines or the flows."""
        pairs = []
        lines = self.parameterAsSource(parameters, self.FLOW_LINES, context) \
            if parameters.get(self.FLOW_LINES) else None
        if lines is not None:
            names = {n.lower(): n for n in lines.fields().names()}
            origin = next((names[n] for n in ("origin", "orig", "from", "source") if n in names), None)
            dest = next((names[n] for n in ("destination", "dest", "to", "target") if n in names), None)
            volume = next((names[n] for n in ("volume", "value", "flow", "count", "migrants") if n in names), None)
            if origin and dest and volume:
                request = QgsFeatureRequest().setFlags(compat.FeatureRequestFlag.NoGeometry)
                for feature in lines.getFeatures(request):
                    try:
                        pairs.append((str(feature[origin]), str(feature[dest]), float(feature[volume])))
                    except (TypeError, ValueError):
                        continue
            else:
                feedback.pushWarning(self.tr("The flow lines have no origin, destination and volume fields: "
                                             "the map of the main flows is left out."))
        elif parameters.get(self.FLOWS):
            valid = self.readFlows(parameters, context, feedback)
            table = valid.table
            grouped = table.groupby(["origin", "destination"], observed=True)["value"].sum()
            pairs = [(str(o), str(d), float(v)) for (o, d), v in grouped.items() if v > 0]
        known = set(ids)
        return [(o, d, v) for o, d, v in pairs if o != d and o in known and d in known]

    def flowLayer(self, code, pairs, points, crs):
        """The largest flows out of and into ``code`` as lines, width by volume; (layer, legend entries)."""
        if not pairs:
            return None, []
        out = sorted((p for p in pairs if p[0] == code), key=lambda p: -p[2])[:self.TOP_FLOWS]
        into = sorted((p for p in pairs if p[1] == code), key=lambda p: -p[2])[:self.TOP_FLOWS]
        chosen = [("out", p) for p in out] + [("in", p) for p in into]
        chosen = [(d, p) for d, p in chosen if p[0] in points and p[1] in points]
        if not chosen:
            return None, []
        layer = QgsVectorLayer("LineString", self.tr("Main flows"), "memory")
        layer.setCrs(crs)
        layer.dataProvider().addAttributes([compat.make_field("direction", "string"),
                                            compat.make_field("volume", "double")])
        layer.updateFields()
        features = []
        for direction, (origin, destination, volume) in chosen:
            feature = QgsFeature(layer.fields())
            start, end = points[origin], points[destination]
            if direction == "in":  # draw the inflows slightly apart from the outflows of the same pair
                start, end = _offset(start, end)
            feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(start), QgsPointXY(end)]))
            feature.setAttributes([direction, volume])
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        layer.updateExtents()
        top = max(p[2] for _, p in chosen) or 1.0
        colours = {"out": "#cb181d", "in": "#2171b5"}
        labels = {"out": self.tr("Largest outflows (width: volume)"),
                  "in": self.tr("Largest inflows (width: volume)")}
        categories = []
        for direction in ("out", "in"):
            symbol = QgsLineSymbol.createSimple({"color": colours[direction], "width": "0.6",
                                                 "capstyle": "round"})
            from qgis.core import QgsProperty

            symbol.symbolLayer(0).setDataDefinedProperty(
                _width_property(), QgsProperty.fromExpression(f'0.4 + 2.6 * "volume" / {top!r}'))
            categories.append(QgsRendererCategory(direction, symbol, labels[direction]))
        layer.setRenderer(QgsCategorizedSymbolRenderer("direction", categories))
        entries = [("line", colours[d], labels[d]) for d in ("out", "in") if any(x == d for x, _ in chosen)]
        return layer, entries

    def _algorithmDates(self, read):
        for layer, _names in read["layers"]:
            path = layer.source().split("|")[0]
            if os.path.exists(path):
                yield layer.name(), _date(path)

    def dataSources(self, parameters, context, read):
        """Rows (kind, name, source, date, fields used, params) of every input the report read."""
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        source = layer.source() if layer else str(parameters.get(self.INPUT))
        rows = [(self.tr("Territories"), layer.name() if layer else "", source, _date(source.split("|")[0]),
                 ", ".join(read["own"]) or "-", "-")]
        for indicator, names in read["layers"]:
            params = "-"
            if "params" in indicator.fields().names():
                index = indicator.fields().indexOf("params")
                params = "; ".join(sorted(str(v) for v in indicator.uniqueValues(index, 5) if v)) or "-"
            rows.append((self.tr("Indicators"), indicator.name(), indicator.source(),
                         _date(indicator.source().split("|")[0]), ", ".join(names) or "-", params))
        for key, kind in ((self.FLOW_LINES, self.tr("Flow lines")), (self.FLOWS, self.tr("Flows"))):
            value = parameters.get(key)
            if value:
                flows = self.parameterAsVectorLayer(parameters, key, context)
                path = flows.source() if flows else str(value)
                rows.append((kind, flows.name() if flows else "", path, _date(path.split("|")[0]), "-", "-"))
        return rows

    def methodNotes(self, sc):
        """Plain-word paragraphs: how statuses are given, then each rule with its threshold and source."""
        notes = [self.tr(METHOD)]
        for rule in sc.RULES:
            words = sc.rule_text(rule, translate=tr) if hasattr(sc, "rule_text") else rule["id"]
            notes.append(f"{indicator_title(rule['field'])}: {words}. {translated(rule['source'])} "
                         f"(alliance:{rule['algorithm']}; R{', R'.join(map(str, rule['recommendations']))})")
        return notes

    # ------------------------------------------------------------------ HTML

    def renderHtml(self, pages, sources, notes, map_crs, context, html_path):
        title = self.tr("Territorial report")
        colours = status_colours()
        help_link = help_url("territorialreport")
        date = datetime.date.today().isoformat()
        language = user_language() if user_language() in ("en", "fr") else "en"
        parts = [f"<!DOCTYPE html><html lang='{language}'><head><meta charset='utf-8'>"
                 f"<meta name='viewport' content='width=device-width'><title>{html.escape(title)}</title>"
                 f"<style>{CSS}</style></head><body>",
                 f"<h1>{html.escape(title)}</h1><p class='meta'>"
                 f"{html.escape(self.tr('Written on {date}; {n} territories.').format(date=date, n=len(pages)))}"
                 f" <a href='{html.escape(help_link)}'>{html.escape(self.tr('How to read this report'))}</a></p>"]
        if len(pages) > 1:
            parts.append(f"<nav><h2>{html.escape(self.tr('Territories'))}</h2><ul>")
            for page in pages:
                parts.append(f"<li><a href='#t-{html.escape(page['code'])}'>"
                             f"{html.escape(territory_heading(page))}</a></li>")
            parts.append("</ul></nav>")
        for page in pages:
            parts.append(f"<section class='territory' id='t-{html.escape(page['code'])}'>"
                         f"<h2>{html.escape(territory_heading(page))}</h2>")
            parts.append(f"<h3>{html.escape(self.tr('The 8 recommendations'))}</h3><table class='card'><tr>"
                         f"<th>{html.escape(self.tr('Recommendation'))}</th>"
                         f"<th>{html.escape(self.tr('Status'))}</th>"
                         f"<th>{html.escape(self.tr('What the data say'))}</th>"
                         f"<th>{html.escape(self.tr('Evidence'))}</th></tr>")
            for rec in page["recommendations"]:
                colour = colours.get(rec["status"], "#999999")
                text_colour = "#000" if rec["status"] in ("watch", "not measurable", NO_EVIDENCE) else "#fff"
                evidence = "".join(f"<li>{html.escape(line)}</li>" for line in rec["evidence"]) or "-"
                parts.append(f"<tr id='t-{html.escape(page['code'])}-r{rec['number']}'>"
                             f"<td><b>R{rec['number']}</b> {html.escape(rec['title'])}</td>"
                             f"<td><span class='status' style='background:{colour};color:{text_colour}'>"
                             f"{html.escape(status_label(rec['status']))}</span></td>"
                             f"<td>{html.escape(rec['sentence'])}</td><td><ul>{evidence}</ul></td></tr>")
            parts.append("</table>")
            parts.append(f"<h3>{html.escape(self.tr('Statuses'))}</h3><figure><img alt='"
                         f"{html.escape(self.tr('Number of recommendations per status'))}' width='360' height='170'"
                         f" src='data:image/png;base64,{page['chart']}'><figcaption>"
                         f"{html.escape(self.tr('Number of recommendations per status'))}</figcaption></figure>")
            parts.append(f"<h3>{html.escape(self.tr('Maps'))}</h3><div class='maps'>")
            for spec in page["maps"]:
                png = render_map(spec["layers"], spec["extent"], map_crs, context.transformContext())
                legend = "".join(legend_html(kind, colour, text) for kind, colour, text in spec["entries"])
                chart = ""
                if spec.get("values"):
                    chart = (f"<img class='rank' alt='{html.escape(self.tr('All territories, this one in black'))}'"
                             f" width='300' height='110' src='data:image/png;base64,"
                             f"{rank_png(spec['values'], page['code'])}'>")
                parts.append(f"<figure class='map'><figcaption>{html.escape(spec['title'])}</figcaption>"
                             f"<img alt='{html.escape(spec['title'])}' width='{MAP_PX[0] // 2 * 1}' "
                             f"src='data:image/png;base64,{png}'><ul class='legend'>{legend}</ul>{chart}</figure>")
            parts.append("</div></section>")
        parts.append(f"<section><h2>{html.escape(self.tr('Data sources and parameters'))}</h2><table><tr>"
                     f"<th>{html.escape(self.tr('Data'))}</th><th>{html.escape(self.tr('Layer'))}</th>"
                     f"<th>{html.escape(self.tr('Source'))}</th><th>{html.escape(self.tr('Date'))}</th>"
                     f"<th>{html.escape(self.tr('Fields used'))}</th>"
                     f"<th>{html.escape(self.tr('Parameters'))}</th></tr>")
        for row in sources:
            parts.append("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>")
        parts.append("</table></section>")
        parts.append(f"<section><h2>{html.escape(self.tr('Method notes'))}</h2><p>{html.escape(notes[0])}</p><ul>")
        parts += [f"<li>{html.escape(note)}</li>" for note in notes[1:]]
        parts.append(f"</ul><p><a href='{html.escape(help_link)}'>"
                     f"{html.escape(self.tr('The method notes of every algorithm (help shipped with the plugin)'))}"
                     f"</a></p></section></body></html>")
        return "".join(parts)

    # ------------------------------------------------------------------ PDF

    def buildLayout(self, project, pages, sources, notes, map_crs):
        """The print layout: per territory a group of A4 pages of fixed frames placed by a cursor."""
        layer_ids = set()
        layout = QgsPrintLayout(project)
        layout.initializeDefaults()
        layout.setName(self.tr("Territorial report"))
        collection = layout.pageCollection()
        while collection.pageCount():
            collection.deletePage(0)
        pager = Pager(layout)
        colours = status_colours()
        for page in pages:
            heading = territory_heading(page)
            pager.new_page(heading, section=page["code"])
            pager.text(heading, 16, bold=True, item_id=f"{page['code']}:title")
            pager.text(self.tr("Territorial report, {date}. Statuses: {p} priority, {w} watch, {s} strong, "
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
            pager.text(self.tr("The 8 recommendations"), 12, bold=True)
            for rec in page["recommendations"]:
                body = rec["sentence"]
                if rec["evidence"]:
                    body += "\n" + "\n".join(f"- {line}" for line in rec["evidence"])
                pager.recommendation(f"R{rec['number']} {rec['title']}", status_label(rec["status"]),
                                     colours.get(rec["status"], "#999999"), body)
            if others:
                pager.text(self.tr("Maps of the indicators"), 12, bold=True)
            for spec in others:
                pager.map_group(spec, map_crs, page["code"])
        pager.new_page(self.tr("Data sources and parameters"), section="")
        pager.text(self.tr("Data sources and parameters"), 14, bold=True)
        for kind, name, path, date, fields, params in sources:
            pager.text(f"{kind}: {name}", 9, bold=True)
            pager.text(self.tr("Source: {path}\nDate: {date}\nFields used: {fields}\nParameters: {params}").format(
                path=path, date=date, fields=fields, params=params), 8)
        pager.text(self.tr("Method notes"), 14, bold=True)
        for note in notes:
            pager.text(note, 8)
        pager.text(self.tr("The method notes of every algorithm: {path}").format(
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
        bar.setUnits(_kilometres())
        bar.setUnitLabel("km")
        bar.setNumberOfSegments(2)
        bar.setNumberOfSegmentsLeft(0)
        bar.setSegmentSizeMode(_fit_width())
        bar.setMinimumBarWidth(20.0)
        bar.setMaximumBarWidth(50.0)
        bar.setHeight(2.0)
        if hasattr(bar, "setTextFormat"):
            bar.setTextFormat(_text_format(report_font(7)))
        else:  # pragma: no cover - QGIS < 3.14
            bar.setFont(report_font(7))
        self.layout.addLayoutItem(bar)
        bar.applyDefaultSize(_kilometres())
        bar.setSegmentSizeMode(_fit_width())
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
        compat.set_legend_style_font(legend, QgsLegendStyle.Style.SymbolLabel, _text_format(report_font(7)),
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
            path = _temp_png(chart)
            picture.setPicturePath(path)
            picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
            self.layout.addLayoutItem(picture)
            picture.attemptResize(QgsLayoutSize(SIDE_W, 32.0, MM))
            picture.attemptMove(QgsLayoutPoint(SIDE_X, top + MAP_H + SCALE_H - 32.0, MM), page=self.page)
        bar_bottom = top + MAP_H + 1.0 + bar.sizeWithUnits().height()
        self.y = max(bar_bottom, top + MAP_H + SCALE_H) + GAP


# ---------------------------------------------------------------------- helpers


def report_font(size, bold=False):
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _text_format(font):
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


def territory_heading(page):
    return f"{page['name']} ({page['code']})" if page.get("name") else tr("Territory {code}").format(
        code=page["code"])


def indicator_title(field):
    """Readable name of a field with its unit ("Main partner's share of the outflow (%)")."""
    from ..alliance_plugin.core import indicators

    spec = indicators.describe(field)
    if spec is None:
        return field
    unit = spec.get("unit") or ""
    label = translated(spec["label"])
    return f"{label} ({translated(unit)})" if unit and unit != "ratio" else label


def evidence_line(row, sc):
    """'Main partner's share of the outflow: 62 %, priority (priority at 50 % or more); source'."""
    from ..alliance_plugin.core import indicators

    label = translated(indicators.label(row.indicator))
    status = str(row.status)
    if status == "not measurable":
        return tr("{indicator}: {status}").format(indicator=label, status=status_label("not measurable"))
    value = indicators.display_value(row.indicator, row.value)
    if indicators.describe(row.indicator) is None and _is_number(row.value):
        value = f"{float(row.value):g}"
    if row.indicator in getattr(indicators, "CLASS_FIELDS", ()) or \
            (indicators.describe(row.indicator) or {}).get("kind") in ("class", "code", "text"):
        value = translated(str(row.value))
    rule = getattr(row, "rule_text", "") or ""
    text = tr("{indicator}: {value} ({status})").format(indicator=label, value=value, status=status_label(status))
    if rule:
        text = tr("{evidence}; rule: {rule}").format(evidence=text, rule=rule)
    return text


def algorithms_for(number):
    from ..alliance_plugin.core import indicators

    return sorted({f"alliance:{spec['algorithm']}" for spec in indicators.INDICATORS.values()
                   if number in spec.get("recommendations", ())})


def field_style(layer, field):
    """(renderer, legend entries [(kind, colour, label)], {code: value}) for a choropleth of ``field``."""
    from ..alliance_plugin.core import indicators

    palette = _palette()
    spec = indicators.describe(field) or {}
    index = layer.fields().indexOf(field)
    values = [f[index] for f in layer.getFeatures(QgsFeatureRequest().setFlags(
        compat.FeatureRequestFlag.NoGeometry).setSubsetOfAttributes([index]))]
    values = [v for v in values if v is not None and str(v) != "NULL"]
    numeric = layer.fields().field(index).isNumeric() and spec.get("kind") not in ("class", "flag", "status")
    entries, ranks = [], {}
    if not numeric:
        classes = list(getattr(palette, "CLASSES", {}).get(field, ())) if palette else []
        present = sorted({str(v) for v in values})
        known = {value for value, _ in classes}
        qualitative = getattr(palette, "QUALITATIVE", ("#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3"))
        classes = [(v, c) for v, c in classes if v in present] + [
            (v, qualitative[i % len(qualitative)]) for i, v in enumerate(v for v in present if v not in known)]
        categories = []
        for value, colour in classes:
            symbol = polygon_symbol(colour)
            categories.append(QgsRendererCategory(value, symbol, translated(value)))
            entries.append(("fill", colour, translated(value)))
        return QgsCategorizedSymbolRenderer(field, categories), entries, {}
    numbers = [float(v) for v in values if _is_number(v)]
    bounds, colours = _bounds(field, numbers, palette)
    ranges = []
    for (low, high), colour in zip(zip(bounds[:-1], bounds[1:]), colours):
        label = f"{_show(field, low)} - {_show(field, high)}"
        ranges.append(QgsRendererRange(low, high, polygon_symbol(colour), label))
        entries.append(("fill", colour, label))
    renderer = QgsGraduatedSymbolRenderer(field, ranges)
    return renderer, entries, {str(k): v for k, v in _values_by_code(layer, field)}


def _values_by_code(layer, field):
    """(code-ish, value) pairs for the rank chart: the first text field is taken as the code."""
    index = layer.fields().indexOf(field)
    code_index = next((i for i, f in enumerate(layer.fields()) if compat.is_text_field(f)), None)
    if code_index is None:
        return []
    out = []
    for feature in layer.getFeatures(QgsFeatureRequest().setFlags(compat.FeatureRequestFlag.NoGeometry)):
        value = feature[index]
        if _is_number(value):
            out.append((feature[code_index], float(value)))
    return out


def _has_values(layer, field):
    index = layer.fields().indexOf(field)
    return any(v is not None and str(v) != "NULL" for v in layer.uniqueValues(index, 2))


def _is_number(value):
    try:
        return value is not None and str(value) != "NULL" and math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def _show(field, value):
    from ..alliance_plugin.core import indicators

    shown = indicators.display_value(field, value)
    return shown or f"{value:g}"


def _bounds(field, numbers, palette):
    """Class bounds people write and their colours: the palette's share or ratio classes, else rounded quantiles."""
    from ..alliance_plugin.core import indicators

    kind = (indicators.describe(field) or {}).get("kind")
    ramp = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")
    if palette is not None and kind == "share":
        colours = (getattr(palette, "GOOD_SHARE_COLOURS", ramp) if field in getattr(palette, "GOOD_SHARES", ())
                   else getattr(palette, "BAD_SHARE_COLOURS", ramp) if field in getattr(palette, "BAD_SHARES", ())
                   else getattr(palette, "SHARE_COLOURS", ramp))
        return list(getattr(palette, "SHARE_BOUNDS", (0.0, 0.15, 0.3, 0.5, 0.75, 1.0))), list(colours)
    if not numbers:
        return [0.0, 1.0], [ramp[0]]
    import numpy as np

    quantiles = np.quantile(np.asarray(numbers), np.linspace(0.0, 1.0, 6))
    bounds = sorted({_round(q) for q in quantiles})
    bounds[0] = min(bounds[0], min(numbers))
    bounds[-1] = max(bounds[-1], max(numbers))
    if len(bounds) == 1:
        bounds = [bounds[0], bounds[0]]
    return bounds, list(ramp[:len(bounds) - 1]) if len(bounds) <= 6 else list(ramp)


def _round(value):
    if value == 0 or not math.isfinite(value):
        return 0.0
    digits = 1 - int(math.floor(math.log10(abs(value))))
    return round(value, digits)


def polygon_symbol(colour):
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": "255,255,255", "outline_width": "0.15"})


def outline_layer(geometry, crs, name):
    """The territory outlined in black over a white halo (no fill: the choropleth shows through)."""
    layer = QgsVectorLayer("Polygon", name, "memory")
    layer.setCrs(crs)
    if geometry is not None:
        feature = QgsFeature()
        feature.setGeometry(geometry)
        layer.dataProvider().addFeatures([feature])
        layer.updateExtents()
    symbol = QgsFillSymbol.createSimple({"style": "no", "outline_color": "255,255,255", "outline_width": "1.2"})
    from qgis.core import QgsSimpleLineSymbolLayer

    symbol.appendSymbolLayer(QgsSimpleLineSymbolLayer(QColor("black"), 0.6))
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


def report_crs(crs, extent):
    """The maps' CRS: the layer's own when projected, else a Lambert equal-area centred on the region."""
    if crs.isValid() and not crs.isGeographic():
        return crs
    centre = extent.center()
    local = QgsCoordinateReferenceSystem.fromProj(
        f"+proj=laea +lat_0={centre.y():.4f} +lon_0={centre.x():.4f} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs")
    return local if local.isValid() else crs


def territory_extent(geometry, transform, fallback):
    """The territory's bounding box in the maps' CRS, with a margin showing its neighbours."""
    if geometry is None or geometry.isEmpty():
        return QgsRectangle(fallback)
    extent = transform.transformBoundingBox(geometry.boundingBox())
    extent.scale(1.35)
    return extent


def fit_aspect(extent, aspect):
    """``extent`` grown (never cut) to the width/height ratio ``aspect`` of a map frame."""
    extent = QgsRectangle(extent)
    width, height = max(extent.width(), 1e-9), max(extent.height(), 1e-9)
    if width / height < aspect:
        width = height * aspect
    else:
        height = width / aspect
    centre = extent.center()
    return QgsRectangle(centre.x() - width / 2, centre.y() - height / 2, centre.x() + width / 2,
                        centre.y() + height / 2)


def _offset(start, end, fraction=0.02):
    dx, dy = end.x() - start.x(), end.y() - start.y()
    ox, oy = -dy * fraction, dx * fraction
    return QgsPointXY(start.x() + ox, start.y() + oy), QgsPointXY(end.x() + ox, end.y() + oy)


def _width_property():
    from qgis.core import QgsSymbolLayer

    return getattr(QgsSymbolLayer.Property, "StrokeWidth", None) or getattr(QgsSymbolLayer, "PropertyStrokeWidth")


def _kilometres():
    return getattr(compat.DistanceUnit, "Kilometers", None) or getattr(QgsUnitTypes, "DistanceKilometers")


def _fit_width():
    from qgis.core import Qgis, QgsScaleBarSettings

    scoped = getattr(Qgis, "ScaleBarSegmentSizeMode", None)
    if scoped is not None:
        return scoped.FitWidth
    return getattr(QgsScaleBarSettings, "SegmentSizeFitWidth")


def _date(path):
    try:
        return datetime.datetime.fromtimestamp(os.path.getmtime(path)).strftime("%Y-%m-%d")
    except (OSError, TypeError, ValueError):
        return "-"


_TEMP_FILES = []


def _temp_png(encoded):
    import tempfile

    handle, path = tempfile.mkstemp(suffix=".png", prefix="alliance-chart-")
    with os.fdopen(handle, "wb") as out:
        out.write(base64.b64decode(encoded))
    _TEMP_FILES.append(path)
    return path


def render_map(layers, extent, crs, transform_context, size=MAP_PX):
    """A PNG (base64) of ``layers`` (top first) over ``extent``."""
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(crs)
    settings.setTransformContext(transform_context)
    settings.setOutputSize(QSize(*size))
    settings.setExtent(extent)
    settings.setBackgroundColor(QColor("white"))
    settings.setOutputDpi(144)
    image = QImage(QSize(*size), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.renderSynchronously()
    painter.setPen(QColor("#999999"))
    painter.drawRect(0, 0, size[0] - 1, size[1] - 1)
    painter.end()
    return png_base64(image)


def legend_html(kind, colour, text):
    if kind == "outline":
        swatch = "border:2px solid #000;background:#fff"
    elif kind == "line":
        swatch = f"background:{colour};height:.25em;margin-top:.45em"
    else:
        swatch = f"background:{colour};border:1px solid #999"
    return f"<li><span class='swatch' style='{swatch}'></span>{html.escape(text)}</li>"


def chart_png(counts, labels, size=(720, 340)):
    """A bar chart (base64 PNG) of the number of recommendations per status."""
    colours = status_colours()
    statuses = [s for s in counts]
    width, height = size
    image = QImage(QSize(width, height), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(22)
    painter.setFont(font)
    top = max(max(counts.values()), 1)
    bar = width / (len(statuses) * 1.3)
    for i, status in enumerate(statuses):
        value = counts.get(status, 0)
        x = bar * 0.15 + i * bar * 1.3
        h = (height - 130) * value / top
        painter.fillRect(QRectF(x, height - 80 - h, bar, h), QColor(colours.get(status, "#999999")))
        painter.setPen(QColor("#444444"))
        painter.drawRect(QRectF(x, height - 80 - h, bar, h))
        painter.setPen(QColor("black"))
        painter.drawText(QRectF(x - 10, height - 112 - h, bar + 20, 30), Qt.AlignmentFlag.AlignCenter, str(value))
        painter.drawText(QRectF(x - 14, height - 76, bar + 28, 76),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                         labels.get(status, status))
    painter.end()
    return png_base64(image)


def rank_png(values, code, size=(600, 220)):
    """Every territory's value as a bar, sorted; the reported territory in black."""
    width, height = size
    image = QImage(QSize(width, height), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    items = sorted(values.items(), key=lambda kv: kv[1])
    low = min(0.0, min(v for _, v in items))
    high = max(max(v for _, v in items), low + 1e-12)
    bar = (width - 20) / max(len(items), 1)
    base = height - 10 - (height - 20) * (0 - low) / (high - low)
    for i, (key, value) in enumerate(items):
        y = height - 10 - (height - 20) * (value - low) / (high - low)
        colour = QColor("black") if str(key) == code else QColor("#9ecae1")
        painter.fillRect(QRectF(10 + i * bar + bar * 0.1, min(y, base), bar * 0.8, abs(base - y) or 1), colour)
    painter.setPen(QColor("#777777"))
    painter.drawLine(10, int(base), width - 10, int(base))
    painter.end()
    return png_base64(image)


def png_base64(image):
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return base64.b64encode(bytes(data)).decode("ascii")


def load_template(path, project=None):
    """A print layout read from a template written by the report (for tests and users)."""
    layout = QgsPrintLayout(project or QgsProject.instance())
    document = QDomDocument()
    with open(path, encoding="utf-8") as handle:
        document.setContent(handle.read())
    layout.loadFromTemplate(document, QgsReadWriteContext())
    return layout


CSS = ("body{font-family:'DejaVu Sans',sans-serif;max-width:64em;margin:auto;padding:0 1em;color:#222}"
       "h1{border-bottom:3px solid #1a9850}h2{margin-top:1.6em;border-bottom:1px solid #ccc}"
       "td,th{padding:.35em;vertical-align:top;text-align:left;border-bottom:1px solid #eee}"
       "table{border-collapse:collapse;width:100%}table.card td:first-child{width:24%}"
       ".status{display:inline-block;padding:.15em .5em;font-weight:bold;border-radius:.3em;white-space:nowrap}"
       "td{overflow-wrap:anywhere}"
       "ul{margin:0;padding-left:1.1em}.maps{display:flex;flex-wrap:wrap;gap:1em}"
       "figure{margin:.5em 0}figure.map{width:30em;max-width:100%}figure.map img{width:100%;height:auto}"
       "figcaption{font-weight:bold;margin-bottom:.3em}.legend{list-style:none;padding:0;font-size:.85em}"
       ".legend li{margin:.15em 0}.swatch{display:inline-block;width:1.4em;height:.9em;margin-right:.4em;"
       "vertical-align:top}.rank{display:block;width:300px;height:110px;margin-top:.3em}.meta{color:#555}"
       "section.territory{page-break-after:always}")

HELP = """<p>A report for decision-makers about one territory (its code in <b>Territory code</b>) or, when the code is left empty, an atlas of every territory in one file. For each territory: a map of its largest flows (from the flow lines of <i>Flow dependencies</i> or from a flow table), a map per recommendation of the indicator that measures it, with the territory outlined, a legend and a scale bar, the 8 recommendations with their status (priority, watch, strong, or not measurable with the reason), the indicator values behind each status with their units and the rule applied, a chart of the statuses, and the territory's name beside its code (the name field is detected: name, nom, libelle...). At the end: the data used (layers, files, dates, fields, parameters) and the method notes in plain words.</p><p>The HTML page holds its images; the PDF places every map, legend, scale bar and text in fixed frames of an A4 page, and text that does not fit continues on the next page. The print layout can also be saved as a template to adjust it in QGIS. Runs from qgis_process and in models.</p>"""

METHOD = ("How to read the statuses: each rule reads one indicator of our algorithms and compares it with "
          "thresholds; the status says where to act first (priority), what to follow (watch) and what works "
          "(strong). When the data cannot measure an indicator, the status is 'not measurable' and the reason "
          "is given: it is never counted as a problem. When several rules speak to one recommendation, the most "
          "urgent status is shown. The thresholds are defaults; those that come from an official definition "
          "name it, the others are ours. The rules:")
