"""alliance:recommendationscorecard: our indicators read against the 8 recommendations."""

import html
import os
from datetime import date

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

try:
    from ..alliance_plugin.toolbelt.palette import STATUS_COLOURS
except ImportError:  # pragma: no cover (the palette ships with the plugin)
    STATUS_COLOURS = {"priority": "#d7301f", "watch": "#fdae61", "strong": "#1a9850", "not measurable": "#bdbdbd"}
TEXT_COLUMNS = ("territory", "rule", "indicator", "status", "sentence", "rule_text", "reason", "source", "value",
                "params")
#: Fields read beside the rules' own: names in the sentences, and ``internal`` (NULL when the flow
#: table has no internal flows) to say why self-containment is not measurable.
HELPER_FIELDS = ("main_partner", "fua_id", "nd_parent", "internal")


def _decimals(parameter, decimals):
    """Show a Double parameter as people write it (15, not 15.000000): QGIS 3.22+ reads this metadata."""
    parameter.setMetadata({"widget_wrapper": {"decimals": decimals}})
    return parameter


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
        from ..alliance_plugin.core.scorecard import EVIDENCE_RULE, RULES, rule_text
        from ..alliance_plugin.toolbelt.i18n import tr as translate  # the rules' texts: extracted from the core

        rules = "".join(f"<li><b>{r['id']}</b> ({r['algorithm']}; R{', R'.join(map(str, r['recommendations']))}):"
                        f" {html.escape(rule_text(r, translate=translate))}. {html.escape(translate(r['source']))}</li>"
                        for r in (*RULES, EVIDENCE_RULE))
        return self.tr(HELP) + f"<ul>{rules}</ul>"

    def initAlgorithm(self, config=None):
        self.addTerritoryParameters()
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.INDICATORS, self.tr("Indicator layers (same code field)"),
            compat.SourceType.Vector, optional=True))
        for key, label, default, decimals in (
                (self.DEPENDENCY_WATCH, "Dependency: watch from (% to the main partner)", 15.0, 0),
                (self.DEPENDENCY_PRIORITY, "Dependency: priority from (%)", 50.0, 0),
                (self.SC_MINIMUM, "Self-containment: minimum (%)", 66.67, 2),
                (self.SC_TARGET, "Self-containment: target (%)", 75.0, 2)):
            self.addParameter(_decimals(QgsProcessingParameterNumber(
                key, self.tr(label), compat.NumberType.Double, default, minValue=0.0, maxValue=100.0), decimals))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Territories with a status per recommendation"), compat.SourceType.VectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TABLE, self.tr("Scorecard (one row per rule)"),
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
            rules = part["rules"].reindex(wide.index)
            wide[f"r{number}_text"] = (part["sentences"].reindex(wide.index) + " "
                                       + rules.map(lambda r: self.tr("Rule: {rules}").format(rules=r)))
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
        line = self.tr("{n} territories: {p} priority, {w} watch, {s} strong, {m} not measurable "
                       "(territory x recommendation).").format(
            n=len(ids), p=int(counts.get("priority", 0)), w=int(counts.get("watch", 0)),
            s=int(counts.get("strong", 0)), m=int(counts.get("not measurable", 0)))
        outputs = {self.OUTPUT: dest, self.OUTPUT_TABLE: table_dest, self.SUMMARY: line}
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            with open(html_path, "w", encoding="utf-8") as handle:
                handle.write(render_html(summary, sc.RECOMMENDATIONS, self.tr("Recommendations scorecard"),
                                         translate=self.tr))
            outputs[self.OUTPUT_HTML] = html_path
        feedback.pushInfo(line)
        return outputs


def read_scorecard(alg, parameters, context, feedback, thresholds=None):
    """The territories joined with the indicator layers on the code field, read against the rules.

    ``alg`` is a FlowAlgorithm with INPUT, ID_FIELD and INDICATORS parameters. Returns a dict with
    ``source, frame, attributes, codes, ids`` (see FlowAlgorithm.readTerritories), ``table`` (the joined
    indicator fields, one row per territory id), ``card`` (core.scorecard.scorecard) and ``layers``
    (``[(layer, fields found)]`` for the indicator layers used). The card ends with recommendation 8,
    the evidence base (core.scorecard.evidence), naming the layers and dates the evidence comes from.
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
    rule_algorithm = {rule["field"]: rule["algorithm"] for rule in sc.RULES}
    sources = {}

    def note_source(layer, names):
        when = _layer_date(layer)
        for name in names:
            if name in rule_algorithm:
                sources.setdefault(rule_algorithm[name], f"[{layer.name()}{', ' + when if when else ''}]")

    layer_of_input = alg.parameterAsVectorLayer(parameters, alg.INPUT, context)
    if layer_of_input is not None:
        note_source(layer_of_input, own)
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
        note_source(layer, names)
    table = table.reindex(pd.Index(ids, dtype=object))
    card = sc.scorecard(table, thresholds=thresholds, translate=tr)
    if card.empty:
        raise QgsProcessingException(alg.tr(
            "None of our indicator fields was found ({fields}): give the outputs of our algorithms as "
            "territories or indicator layers.").format(fields=", ".join(sorted(wanted))))
    unmeasured = card[card["status"] == sc.NOT_MEASURABLE].drop_duplicates(["rule", "reason"])
    for row in unmeasured.itertuples():
        count = int(((card["rule"] == row.rule) & (card["status"] == sc.NOT_MEASURABLE)
                     & (card["recommendation"] == row.recommendation)).sum())
        feedback.pushWarning(alg.tr("{rule}: not measurable for {n} territories: {reason}.").format(
            rule=row.rule, n=count, reason=row.reason))
    card = pd.concat([card, sc.evidence(card, ids, sources=sources, translate=tr)], ignore_index=True)
    return dict(source=source, frame=frame, attributes=attributes, codes=codes, ids=ids, table=table, card=card,
                layers=used, own=own)


def _layer_date(layer):
    """The date of a layer's file (its last change), or '' for a layer not stored in a file."""
    path = layer.source().split("|")[0]
    try:
        return date.fromtimestamp(os.path.getmtime(path)).isoformat() if os.path.isfile(path) else ""
    except OSError:
        return ""


def render_html(summary, recommendations, title, translate=None):
    """A self-contained HTML page: one table per territory, one row per recommendation, with the status,
    the sentences and the rule (in words, with its threshold and source)."""
    tr_ = translate or (lambda text: text)
    parts = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>",
             "<style>body{font-family:sans-serif;max-width:60em;margin:auto}td{padding:.3em;vertical-align:top}"
             ".status{color:white;font-weight:bold;border-radius:.3em;text-align:center}"
             ".rule{color:#555;font-size:85%}</style></head><body>",
             f"<h1>{html.escape(title)}</h1>"]
    for territory, rows in summary.groupby("territory", sort=True):
        parts.append(f"<h2>{html.escape(str(territory))}</h2><table>")
        for row in rows.sort_values("recommendation").itertuples():
            colour = STATUS_COLOURS.get(row.status, "#999")
            ink = "#222" if row.status in ("watch", "not measurable") else "white"  # readable on light colours
            rules = getattr(row, "rules", "") or ""
            rule_html = (f"<br><span class='rule'>{html.escape(tr_('Rule: {rules}').format(rules=rules))}</span>"
                         if rules else "")
            parts.append(f"<tr><td>R{row.recommendation}</td><td>{html.escape(tr_(recommendations[row.recommendation]))}"
                         f"</td><td class='status' style='background:{colour};color:{ink}'>{html.escape(tr_(row.status))}</td>"
                         f"<td>{html.escape(row.sentences)}{rule_html}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


HELP = """<p>Reads the outputs of our algorithms (flow dependencies, functional areas, dominant flows, city network; given as the territories layer itself or as indicator layers sharing its code field) against the 8 recommendations of The Alliance of Territories, and gives, per territory and recommendation, a status (<i>priority</i>, <i>watch</i>, <i>strong</i>, or <i>not measurable</i> when the data cannot measure the indicator, with the reason, for example a flow table without internal flows) and the sentences that explain it. The most urgent measured status of a recommendation's rules wins. Every status names its rule, its threshold and its source (listed below); the thresholds below replace the defaults and are written in the params field. Recommendation 8 (territorial intelligence) reads the evidence base itself, our rule: strong when 6 or more of the 8 recommendations have measured evidence, watch from 3 to 5, priority from 0 to 2; its text names the layers and dates of the evidence and the algorithms and data that would complete the diagnosis. Outputs: the territories with r1_status..r8_status and r1_text..r8_text, the long scorecard table, an optional HTML page, and a one-line summary string.</p><p>Rules:</p>"""
