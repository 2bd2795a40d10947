"""alliance:territorialreport: a report per territory for decision-makers, as HTML and PDF.

Per territory: a map of its main flows, a choropleth of the indicator of each
recommendation that has one (the territory outlined, a legend, a scale bar),
the 8 recommendations with their status, evidence and sentence, charts, the
data sources and parameters, and the method notes in plain words with a link
to the help shipped in the plugin. Several territories give an atlas.

This module reads the parameters and calls the parts of :mod:`.report`: the
scorecard of the territories (:mod:`.report.inputs`), the pages
(:mod:`.report.content`), the HTML page (:mod:`.report.html_page`) and the PDF
laid out in fixed frames (:mod:`.report.pdf`; ``load_template`` reads a saved
layout back).
"""

from qgis.core import QgsFeatureRequest, QgsProcessingException, QgsProject, QgsReadWriteContext

from ..alliance_plugin.qgis_io import compat
from ..alliance_plugin.toolbelt.i18n import tr
from .parameters import Field, FileOutput, Source, Text, declare, make_advanced
from .report.inputs import RecommendationAlgorithm


class TerritorialReport(RecommendationAlgorithm):
    NAME_FIELD = "NAME_FIELD"
    FLOW_LINES = "FLOW_LINES"
    TERRITORY = "TERRITORY"
    OUTPUT_HTML = "OUTPUT_HTML"
    OUTPUT_PDF = "OUTPUT_PDF"
    OUTPUT_LAYOUT = "OUTPUT_LAYOUT"

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
        self.addIndicatorParameters(
            Field(self.NAME_FIELD, self.tr("Territory name field"), self.INPUT, optional=True))
        declare(self, (Source(self.FLOW_LINES, self.tr("Flow lines (map of the main flows)"),
                              (compat.SourceType.VectorLine,), optional=True),))
        self.addFlowParameters(optional=True)
        make_advanced(self, (self.ORIGIN_FIELD, self.DESTINATION_FIELD, self.VOLUME_FIELD, self.FLOW_TYPE_FIELD,
                             self.FLOW_TYPES, self.DEFAULT_FLOW_TYPE, self.MIN_VOLUME))
        declare(self, (
            Text(self.TERRITORY, self.tr("Territory code (empty: atlas of all)"), optional=True),
            FileOutput(self.OUTPUT_HTML, self.tr("Report (HTML)"), self.tr("HTML files (*.html)")),
            FileOutput(self.OUTPUT_PDF, self.tr("Report (PDF)"), self.tr("PDF files (*.pdf)"), optional=True),
            FileOutput(self.OUTPUT_LAYOUT, self.tr("Print layout template of the PDF"),
                       self.tr("Layout templates (*.qpt)"), optional=True, create_by_default=False, advanced=True),
        ))

    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ..alliance_plugin.core import report
        from ..alliance_plugin.core import scorecard as sc
        from .report import content, html_page, pdf  # the core (pandas) only once the run starts
        from .report.reciprocity import read_exchanges

        id_field = self.parameterAsString(parameters, self.ID_FIELD, context)
        wanted = (self.parameterAsString(parameters, self.TERRITORY, context) or "").strip()
        read = self.readScorecard(parameters, context, feedback)
        ids = list(read["ids"])
        if wanted and wanted not in ids:
            raise QgsProcessingException(self.tr(
                "The territory '{code}' is not in the field '{field}' of the territories layer "
                "(its codes are, for example, {ids}).").format(code=wanted, field=id_field, ids=", ".join(ids[:5])))
        chosen = [wanted] if wanted else ids
        source = read["source"]
        name_field = (self.parameterAsString(parameters, self.NAME_FIELD, context) or "").strip() or \
            content.detect_name_field(source.fields(), id_field)
        if name_field:
            feedback.pushInfo(self.tr("Territory names: field '{field}'.").format(field=name_field))
        sources = content.data_sources(self, parameters, context, read)
        card = read["card"]
        if not len(card) or 8 not in set(card["recommendation"]):
            evidence = sc.evidence(card, ids, sources=dict(content.algorithm_dates(read)), translate=tr)
            card = pd.concat([card, evidence], ignore_index=True) if len(card) else evidence
        summary = report.overall(card)
        territories = source.materialize(QgsFeatureRequest())
        flows = content.flow_pairs(self, parameters, context, feedback, ids)
        pages, map_crs = content.territory_pages(chosen, read, card, summary, territories, id_field, name_field,
                                                 flows, context, feedback)

        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        notes = content.method_notes()
        exchanges = read_exchanges(self.parameterAsLayerList(parameters, self.INDICATORS, context))
        with open(html_path, "w", encoding="utf-8") as handle:
            handle.write(html_page.render_report_html(pages, sources, notes, map_crs, context, exchanges))
        outputs = {self.OUTPUT_HTML: html_path}
        pdf_path = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        layout_path = self.parameterAsFileOutput(parameters, self.OUTPUT_LAYOUT, context)
        if (pdf_path or layout_path) and not feedback.isCanceled():
            project = QgsProject()
            project.setCrs(map_crs)
            project.setTransformContext(context.transformContext())
            layout = pdf.build_layout(project, pages, sources, notes, map_crs, exchanges)
            if pdf_path:
                pdf.export_pdf(layout, pdf_path)
                outputs[self.OUTPUT_PDF] = pdf_path
            if layout_path:
                layout.saveAsTemplate(layout_path, QgsReadWriteContext())
                outputs[self.OUTPUT_LAYOUT] = layout_path
        feedback.setProgress(100.0)
        feedback.pushInfo(self.tr("Report of {n} territories written to {path}.").format(
            n=len(pages), path=html_path))
        return outputs


HELP = """<p>A report for decision-makers about one territory (its code in <b>Territory code</b>) or, when the code is left empty, an atlas of every territory in one file. For each territory: a map of its largest flows (from the flow lines of <i>Flow dependencies</i> or from a flow table), a map per recommendation of the indicator that measures it, with the territory outlined, a legend and a scale bar, the 8 recommendations with their status (priority, watch, strong, or not measurable with the reason), the indicator values behind each status with their units and the rule applied, a chart of the statuses, and the territory's name beside its code (the name field is detected: name, nom, libelle...). At the end: the data used (layers, files, dates, fields, parameters) and the method notes in plain words.</p><p>The HTML page holds its images; the PDF places every map, legend, scale bar and text in fixed frames of an A4 page, and text that does not fit continues on the next page. The print layout can also be saved as a template to adjust it in QGIS. Runs from qgis_process and in models.</p>"""
