"""alliance:recommendationscorecard: our indicators read against the 8 recommendations."""

import html

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
)

from ..alliance_plugin.qgis_io.layers import read_attributes
from ..alliance_plugin.toolbelt.i18n import tr
from .flow_inputs import FlowAlgorithm
from ..alliance_plugin.qgis_io import compat

STATUS_COLOURS = {"priority": "#de2d26", "watch": "#fd8d3c", "strong": "#31a354"}
TEXT_COLUMNS = ("territory", "rule", "indicator", "status", "sentence", "source", "value", "params")
HELPER_FIELDS = ("main_partner", "fua_id", "nd_parent")


class RecommendationScorecard(FlowAlgorithm):
    INDICATORS = "INDICATORS"
    DEPENDENCY_WATCH = "DEPENDENCY_WATCH"
    DEPENDENCY_PRIORITY = "DEPENDENCY_PRIORITY"
    SC_MINIMUM = "SC_MINIMUM"
    SC_TARGET = "SC_TARGET"
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_HTML = "OUTPUT_HTML"
    SUMMARY = "SUMMARY"

    REQUIRES = ("numpy", "pandas", "shapely")
    GROUP = ("recommendations", "Recommendations")

    def name(self):
        return "recommendationscorecard"

    def displayName(self):
        return self.tr("Recommendations scorecard")

    def shortDescription(self):
        return self.tr("Reads the indicators of our algorithms against the 8 recommendations of the Alliance "
                       "of Territories, with a status and a sentence per territory.")

    def shortHelpString(self):
        from ..alliance_plugin.core.scorecard import RULES

        rules = "".join(f"<li><b>{r['id']}</b> ({r['field']}, {r['algorithm']}; R{', R'.join(map(str, r['recommendations']))}):"
                        f" {html.escape(r['source'])}</li>" for r in RULES)
        return self.tr(HELP) + f"<ul>{rules}</ul>"

    def initAlgorithm(self, config=None):
        self.addTerritoryParameters()
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.INDICATORS, self.tr("Indicator layers (outputs of our algorithms, with the same code field)"),
            compat.SourceType.Vector, optional=True))
        for key, label, default in ((self.DEPENDENCY_WATCH, "Dependency: watch from (% to the main partner)", 15.0),
                                    (self.DEPENDENCY_PRIORITY, "Dependency: priority from (%)", 50.0),
                                    (self.SC_MINIMUM, "Self-containment: minimum (%)", 66.67),
                                    (self.SC_TARGET, "Self-containment: target (%)", 75.0)):
            self.addParameter(QgsProcessingParameterNumber(
                key, self.tr(label), compat.NumberType.Double, default, minValue=0.0, maxValue=100.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Territories with a status per recommendation"), compat.SourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TABLE, self.tr("Scorecard (one row per territory, rule and recommendation)"),
            compat.SourceType.Vector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr("Scorecard report"), self.tr("HTML files (*.html)"), optional=True))
        self.addOutput(QgsProcessingOutputString(self.SUMMARY, self.tr("Scorecard summary")))

    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ..alliance_plugin.core import scorecard as sc

        pct = {key: self.parameterAsDouble(parameters, key, context) / 100.0
               for key in (self.DEPENDENCY_WATCH, self.DEPENDENCY_PRIORITY, self.SC_MINIMUM, self.SC_TARGET)}
        thresholds = {
            "dependency": ((pct[self.DEPENDENCY_PRIORITY], "priority"), (pct[self.DEPENDENCY_WATCH], "watch"),
                           (0.0, "strong")),
            "self_containment": ((pct[self.SC_TARGET], "strong"), (pct[self.SC_MINIMUM], "watch"), (0.0, "priority")),
        }
        read = read_scorecard(self, parameters, context, feedback, thresholds)
        source, frame, attributes, codes, ids, card = (read[k] for k in ("source", "frame", "attributes", "codes",
                                                                          "ids", "card"))
        summary = sc.overall(card)
        wide = pd.DataFrame(index=pd.Index(ids, dtype=object))
        for number in sc.RECOMMENDATIONS:
            part = summary[summary["recommendation"] == number].set_index("territory")
            wide[f"r{number}_status"] = part["status"].reindex(wide.index)
            wide[f"r{number}_text"] = part["sentences"].reindex(wide.index)
        params = "alliance:recommendationscorecard " + " ".join(f"{k.lower()}={v:g}" for k, v in pct.items())
        wide["params"] = params
        text = [f"r{n}_status" for n in sc.RECOMMENDATIONS] + [f"r{n}_text" for n in sc.RECOMMENDATIONS]
        dest = self.writeTerritories(parameters, self.OUTPUT, context, source, frame, attributes,
                                     wide.reindex(codes.to_numpy()), feedback, text_columns=(*text, "params"))
        long = card.assign(value=card["value"].map(lambda v: None if v is None else str(v)), params=params)
        table_dest = self.writeFrame(parameters, self.OUTPUT_TABLE, context, long, None, compat.WkbType.NoGeometry,
                                     source.sourceCrs(), feedback, int_columns=("recommendation",),
                                     text_columns=TEXT_COLUMNS)
        counts = summary["status"].value_counts()
        line = self.tr("{n} territories: {p} priority, {w} watch, {s} strong (territory x recommendation).").format(
            n=len(ids), p=int(counts.get("priority", 0)), w=int(counts.get("watch", 0)),
            s=int(counts.get("strong", 0)))
        outputs = {self.OUTPUT: dest, self.OUTPUT_TABLE: table_dest, self.SUMMARY: line}
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            with open(html_path, "w", encoding="utf-8") as handle:
                handle.write(render_html(summary, sc.RECOMMENDATIONS, self.tr("Recommendations scorecard")))
            outputs[self.OUTPUT_HTML] = html_path
        feedback.pushInfo(line)
        return outputs


def read_scorecard(alg, parameters, context, feedback, thresholds=None):
    """The territories joined with the indicator layers on the code field, read against the rules.

    ``alg`` is a FlowAlgorithm with INPUT, ID_FIELD and INDICATORS parameters. Returns a dict with
    ``source, frame, attributes, codes, ids`` (see FlowAlgorithm.readTerritories), ``table`` (the joined
    indicator fields, one row per territory id), ``card`` (core.scorecard.scorecard) and ``layers``
    (``[(layer, fields found)]`` for the indicator layers used).
    """
    import pandas as pd

    from ..alliance_plugin.core import scorecard as sc
    from ..alliance_plugin.core.flow_table import codes_as_text

    id_field = alg.parameterAsString(parameters, alg.ID_FIELD, context)
    wanted = {rule["field"] for rule in sc.RULES} | set(HELPER_FIELDS)
    source = alg.parameterAsSource(parameters, alg.INPUT, context)
    if source is None:
        raise QgsProcessingException(alg.invalidSourceError(parameters, alg.INPUT))
    own = [f for f in source.fields().names() if f in wanted]
    source, frame, attributes, codes, ids = alg.readTerritories(parameters, context, feedback, own)
    table = alg.perTerritory(frame[own], codes)
    used = []
    for layer in alg.parameterAsLayerList(parameters, alg.INDICATORS, context):
        fields = layer.fields().names()
        # Our summary tables (land-tenure proxies) name the territory code "territory".
        key = id_field if id_field in fields else "territory" if "territory" in fields else None
        if key is None:
            feedback.pushWarning(alg.tr("{layer} has no field '{field}': left out.").format(
                layer=layer.name(), field=id_field))
            continue
        names = [f for f in fields if f in wanted and f != key]
        extra = read_attributes(layer, [key, *names], feedback)
        extra.index = codes_as_text(extra[key]).to_numpy()
        extra = extra[~extra.index.duplicated()].drop(columns=key)
        table = table.combine_first(extra) if len(table.columns) else table.join(extra, how="left")
        feedback.pushInfo(alg.tr("{layer}: {fields}.").format(layer=layer.name(), fields=", ".join(names) or "-"))
        used.append((layer, names))
    table = table.reindex(pd.Index(ids, dtype=object))
    card = sc.scorecard(table, thresholds=thresholds, translate=tr)
    if card.empty:
        raise QgsProcessingException(alg.tr(
            "None of our indicator fields was found ({fields}): give the outputs of our algorithms as "
            "territories or indicator layers.").format(fields=", ".join(sorted(wanted))))
    return dict(source=source, frame=frame, attributes=attributes, codes=codes, ids=ids, table=table, card=card,
                layers=used, own=own)


def render_html(summary, recommendations, title):
    """A self-contained HTML page: one table per territory, one row per recommendation."""
    parts = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>",
             "<style>body{font-family:sans-serif;max-width:60em;margin:auto}td{padding:.3em;vertical-align:top}"
             ".status{color:white;font-weight:bold;border-radius:.3em;text-align:center}</style></head><body>",
             f"<h1>{html.escape(title)}</h1>"]
    for territory, rows in summary.groupby("territory", sort=True):
        parts.append(f"<h2>{html.escape(str(territory))}</h2><table>")
        for row in rows.sort_values("recommendation").itertuples():
            colour = STATUS_COLOURS.get(row.status, "#999")
            parts.append(f"<tr><td>R{row.recommendation}</td><td>{html.escape(recommendations[row.recommendation])}"
                         f"</td><td class='status' style='background:{colour}'>{html.escape(row.status)}</td>"
                         f"<td>{html.escape(row.sentences)}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


HELP = """<p>Reads the outputs of our algorithms (flow dependencies, functional areas, dominant flows, city network; given as the territories layer itself or as indicator layers sharing its code field) against the 8 recommendations of The Alliance of Territories, and gives, per territory and recommendation, a status (<i>priority</i>, <i>watch</i>, <i>strong</i>) and the sentences that explain it. The most urgent status of a recommendation's rules wins. The rules live in one declarative table (core/scorecard.py) with their sources; the thresholds below replace its defaults and are written in the params field. Outputs: the territories with r1_status..r8_status and r1_text..r8_text, the long scorecard table, an optional HTML page, and a one-line summary string.</p><p>Rules:</p>"""
