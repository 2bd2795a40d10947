"""alliance:flowdependencies: dependency indicators and flow lines between territories."""

from qgis.core import QgsProcessing, QgsProcessingMultiStepFeedback

from .flow_inputs import FLOW_HELP, FlowAlgorithm
from .parameters import Number, NumberOutput, Sink, StringOutput, declare
from .styling import style_on_load
from ..alliance_plugin.qgis_io import compat

INT_COLUMNS = ("n_partners", "n_dependents", "coupled", "coupled_types", "rank")
TEXT_COLUMNS = ("main_partner", "role", "coupled_partner", "origin", "destination", "flow_type", "params")
# The lines' codes are text by their dtype: naming origin and destination here would make share_origin and
# share_destination text too (a name list also matches the fields ending with _ + a name).
LINE_TEXT_COLUMNS = ("flow_type", "params")


class FlowDependencies(FlowAlgorithm):
    THRESHOLD = "THRESHOLD"
    LINE_MIN_SHARE = "LINE_MIN_SHARE"
    LINE_MIN_VOLUME = "LINE_MIN_VOLUME"
    LINE_TOP_N = "LINE_TOP_N"
    OUTPUT = "OUTPUT"
    OUTPUT_LINES = "OUTPUT_LINES"
    TOTAL_VOLUME = "TOTAL_VOLUME"
    PAIRS_USED = "PAIRS_USED"
    UNMATCHED_ROWS = "UNMATCHED_ROWS"
    UNMATCHED_VOLUME = "UNMATCHED_VOLUME"
    LINES_WRITTEN = "LINES_WRITTEN"
    FLOW_TYPES_USED = "FLOW_TYPES_USED"

    def name(self):
        return "flowdependencies"

    def displayName(self):
        return self.tr("Flow dependencies between territories")

    def shortDescription(self):
        return self.tr("Outflows, inflows, self-containment, main partner, concentration and roles "
                       "of territories from an origin-destination table, and styled flow lines.")

    def shortHelpString(self):
        return self.tr(HELP)

    def initAlgorithm(self, config=None):
        declare(self, (
            *self.territoryParameters(),
            *self.flowParameters(),
            Number(self.THRESHOLD, self.tr("Dependency threshold (% to the main partner)"), 15.0, minimum=0.0,
                   maximum=100.0, decimals=0),
            Number(self.LINE_MIN_SHARE, self.tr("Lines: minimum share of the origin's outflow (%)"), 5.0,
                   minimum=0.0, maximum=100.0, decimals=0),
            Number(self.LINE_MIN_VOLUME, self.tr("Lines: minimum volume"), 0.0, minimum=0.0, decimals=0),
            Number(self.LINE_TOP_N, self.tr("Lines: N largest flows per origin (0 = all)"), 0, minimum=0,
                   integer=True),
            Sink(self.OUTPUT, self.tr("Territories with dependency indicators"), compat.SourceType.VectorPolygon),
            Sink(self.OUTPUT_LINES, self.tr("Flow lines"), compat.SourceType.VectorLine),
            NumberOutput(self.TOTAL_VOLUME, self.tr("Total volume of the flows used")),
            NumberOutput(self.PAIRS_USED, self.tr("Origin-destination pairs used")),
            NumberOutput(self.UNMATCHED_ROWS, self.tr("Flow rows whose codes match no territory")),
            NumberOutput(self.UNMATCHED_VOLUME, self.tr("Volume of the flow rows that match no territory")),
            NumberOutput(self.LINES_WRITTEN, self.tr("Flow lines written")),
            StringOutput(self.FLOW_TYPES_USED, self.tr("Flow types used")),
        ))

    def compute(self, parameters, context, feedback):
        from ..alliance_plugin.core import dependencies as dep

        steps = QgsProcessingMultiStepFeedback(5, feedback)
        threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context) / 100.0
        inputs = self.readFlowInputs(parameters, context, steps, territory_step=1, match_step=2)
        territories, frame, codes, flows, unmatched = (inputs.source, inputs.frame, inputs.codes, inputs.flows,
                                                       inputs.unmatched)
        computed = dep.flow_dependencies(flows, threshold=threshold, progress=lambda p: steps.setProgress(0.9 * p),
                                         is_canceled=steps.isCanceled)
        if computed is None:
            return {}
        indicators, pairs = computed
        without_internal = dep.types_without_internal(flows)
        if without_internal:
            steps.pushWarning(self.tr(
                "The flow table has no internal flows (no row with origin = destination) for: {types}. "
                "What stays inside a territory is unknown, so self-containment (sc_supply, sc_demand), the "
                "internal flow and the job concentration index (jci) are undefined: they are written as NULL, "
                "not 0, and the recommendations scorecard reads them as not measurable. The shares to "
                "partners (main_share) are shares of the flows leaving each territory. Add the flows inside "
                "each territory (for commuting: people working where they live) to measure them.").format(
                types=", ".join(map(str, without_internal))))
        drawn = dep.select_pairs(
            pairs, min_share=self.parameterAsDouble(parameters, self.LINE_MIN_SHARE, context) / 100.0,
            min_volume=self.parameterAsDouble(parameters, self.LINE_MIN_VOLUME, context),
            top_n=self.parameterAsInt(parameters, self.LINE_TOP_N, context),
            progress=lambda p: steps.setProgress(90.0 + 0.1 * p), is_canceled=steps.isCanceled)
        if drawn is None:
            return {}
        types = inputs.valid.flow_types
        indicators["params"] = "alliance:flowdependencies threshold={t:g} min_volume={m:g} types={k}".format(
            t=threshold, m=self.parameterAsDouble(parameters, self.MIN_VOLUME, context), k="|".join(types))

        steps.setCurrentStep(3)
        if steps.isCanceled():
            return {}
        dest = self.writeTerritories(parameters, self.OUTPUT, context, territories, frame, inputs.attributes,
                                     indicators.reindex(codes.to_numpy()), steps,
                                     INT_COLUMNS, TEXT_COLUMNS)

        steps.setCurrentStep(4)
        line_dest, written = self.writeFlowLines(parameters, self.OUTPUT_LINES, context, drawn, codes, frame,
                                                 territories.sourceCrs(), steps, INT_COLUMNS, LINE_TEXT_COLUMNS)

        style_on_load(context, dest, "territories", threshold)
        style_on_load(context, line_dest, "lines", float(drawn["volume"].max()) if len(drawn) else 0.0)
        steps.pushInfo(self.tr("{pairs} pairs, total volume {total:,.0f}; {lines} lines drawn.").format(
            pairs=len(pairs), total=flows.total_volume, lines=written))
        return {self.OUTPUT: dest, self.OUTPUT_LINES: line_dest,
                self.TOTAL_VOLUME: flows.total_volume, self.PAIRS_USED: len(pairs),
                self.UNMATCHED_ROWS: unmatched.rows, self.UNMATCHED_VOLUME: unmatched.volume,
                self.LINES_WRITTEN: written, self.FLOW_TYPES_USED: ",".join(types)}


HELP = """<p>Reads a layer of territories (polygons with a code field) and an origin-destination table of flows, and computes for each territory, per flow type and in total:</p>
<ul>
<li><b>outflow</b> O<sub>i</sub> and <b>inflow</b> D<sub>i</sub> (both including the internal flow), <b>internal</b> T<sub>ii</sub>;</li>
<li><b>sc_supply</b> = T<sub>ii</sub>/O<sub>i</sub> and <b>sc_demand</b> = T<sub>ii</sub>/D<sub>i</sub> (self-containment), <b>net_balance</b> = D<sub>i</sub> - O<sub>i</sub>;</li>
<li><b>jci</b> = 100 D<sub>i</sub>/O<sub>i</sub>, INSEE's job concentration index, for commuting flows only;</li>
<li><b>main_partner</b> (largest flow to another territory; ties to the smallest code) and <b>main_share</b> of the outflow, <b>hhi</b> the concentration of the flows to other territories, <b>n_partners</b>, <b>n_dependents</b> (territories whose main-partner share to this one reaches the threshold);</li>
<li><b>role</b>, our rule (not an official one): <i>isolated</i> no flow to or from other territories; <i>interdependent</i> depends on its main partner (share at least the threshold) and that partner depends on it in return or others depend on it; <i>dependent</i> depends on its main partner only; <i>pole</i> others depend on it and it depends on none; <i>autonomous</i> otherwise;</li>
<li>with several flow types, the same fields prefixed by the type, and the cross-type coupling (<b>coupled</b> = 1 when one partner ranks first for two types or more, <b>coupled_partner</b>, <b>coupled_types</b>).</li>
</ul>
<p>Undefined ratios (zero denominators) are NULL. A flow table without internal flows (no row with origin = destination, as in most migration tables between regions) cannot measure what stays inside a territory: internal, sc_supply, sc_demand and jci are then NULL, not 0, and the log says so. The <b>params</b> field records the settings used.</p>
""" + FLOW_HELP + """<p><b>Flow lines</b> join points inside the territories, one per pair and flow type, with the volume, the share of the origin's outflow and of the destination's inflow, the reverse volume, asymmetry (T<sub>ij</sub>-T<sub>ji</sub>)/(T<sub>ij</sub>+T<sub>ji</sub>), reciprocity min(T<sub>ij</sub>/O<sub>i</sub>, T<sub>ji</sub>/O<sub>j</sub>) and the rank within the origin. The line options keep only the flows worth drawing (a share of 5 % or the 5 largest per origin read well); shares are always computed on all flows.</p>
<p>Territories stored in several features with the same code share one set of indicators; the largest part holds the line ends. Invalid polygons are repaired (make_valid) before points are taken.</p>"""
