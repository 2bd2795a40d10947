"""alliance:recommendationscorecard: our indicators read against the 8 recommendations.

Reads the territories and indicator layers (:mod:`.report.inputs`), takes the statuses and
sentences from the core (``core/scorecard.py``, summed up by ``core/report.overall``) and writes
them: the territories with one status and text per recommendation, the long table, an HTML page
(:mod:`.report.html_page`) and a one-line summary.
"""

import html

from ..alliance_plugin.qgis_io import compat
from .parameters import FileOutput, Number, Sink, StringOutput, declare
from .report.inputs import RecommendationAlgorithm

TEXT_COLUMNS = ("territory", "rule", "indicator", "status", "sentence", "rule_text", "reason", "source", "value",
                "params")


class RecommendationScorecard(RecommendationAlgorithm):
    DEPENDENCY_WATCH = "DEPENDENCY_WATCH"
    DEPENDENCY_PRIORITY = "DEPENDENCY_PRIORITY"
    SC_MINIMUM = "SC_MINIMUM"
    SC_TARGET = "SC_TARGET"
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_HTML = "OUTPUT_HTML"
    SUMMARY = "SUMMARY"

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
        self.addIndicatorParameters()
        declare(self, (
            *(Number(key, self.tr(label), default, minimum=0.0, maximum=100.0, decimals=decimals)
              for key, label, default, decimals in (
                  (self.DEPENDENCY_WATCH, "Dependency: watch from (% to the main partner)", 15.0, 0),
                  (self.DEPENDENCY_PRIORITY, "Dependency: priority from (%)", 50.0, 0),
                  (self.SC_MINIMUM, "Self-containment: minimum (%)", 66.67, 2),
                  (self.SC_TARGET, "Self-containment: target (%)", 75.0, 2))),
            Sink(self.OUTPUT, self.tr("Territories with a status per recommendation"),
                 compat.SourceType.VectorPolygon),
            Sink(self.OUTPUT_TABLE, self.tr("Scorecard (one row per rule)"), compat.SourceType.Vector),
            FileOutput(self.OUTPUT_HTML, self.tr("Scorecard report"), self.tr("HTML files (*.html)"), optional=True),
            StringOutput(self.SUMMARY, self.tr("Scorecard summary")),
        ))

    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ..alliance_plugin.core import scorecard as sc
        from ..alliance_plugin.core.report import overall
        from .report.html_page import render_scorecard_html

        pct = {key: self.parameterAsDouble(parameters, key, context) / 100.0
               for key in (self.DEPENDENCY_WATCH, self.DEPENDENCY_PRIORITY, self.SC_MINIMUM, self.SC_TARGET)}
        thresholds = {
            "dependency": ((pct[self.DEPENDENCY_PRIORITY], "priority"), (pct[self.DEPENDENCY_WATCH], "watch"),
                           (0.0, "strong")),
            "self_containment": ((pct[self.SC_TARGET], "strong"), (pct[self.SC_MINIMUM], "watch"), (0.0, "priority")),
        }
        read = self.readScorecard(parameters, context, feedback, thresholds)
        source, frame, attributes, codes, ids, card = (read[k] for k in ("source", "frame", "attributes", "codes",
                                                                          "ids", "card"))
        summary = overall(card)
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
                handle.write(render_scorecard_html(summary, sc.RECOMMENDATIONS, self.tr("Recommendations scorecard"),
                                                   translate=self.tr))
            outputs[self.OUTPUT_HTML] = html_path
        feedback.pushInfo(line)
        return outputs


HELP = """<p>Reads the outputs of our algorithms (flow dependencies, functional areas, dominant flows, city network; given as the territories layer itself or as indicator layers sharing its code field) against the 8 recommendations of The Alliance of Territories, and gives, per territory and recommendation, a status (<i>priority</i>, <i>watch</i>, <i>strong</i>, or <i>not measurable</i> when the data cannot measure the indicator, with the reason, for example a flow table without internal flows) and the sentences that explain it. The most urgent measured status of a recommendation's rules wins. Every status names its rule, its threshold and its source (listed below); the thresholds below replace the defaults and are written in the params field. Recommendation 8 (territorial intelligence) reads the evidence base itself, our rule: strong when 6 or more of the 8 recommendations have measured evidence, watch from 3 to 5, priority from 0 to 2; its text names the layers and dates of the evidence and the algorithms and data that would complete the diagnosis. Outputs: the territories with r1_status..r8_status and r1_text..r8_text, the long scorecard table, an optional HTML page, and a one-line summary string.</p><p>Rules:</p>"""
