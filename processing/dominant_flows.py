"""alliance:dominantflows: Nystuen-Dacey dominant flows and the urban hierarchy."""

from qgis.core import QgsProcessingMultiStepFeedback

from .flow_inputs import FLOW_HELP, FlowAlgorithm
from .parameters import Choice, Field, NumberOutput, Sink, declare
from .styling import style_on_load
from ..alliance_plugin.qgis_io import compat

INT_COLUMNS = ("nd_level", "nd_direct", "nd_subordinates")
TEXT_COLUMNS = ("nd_class", "nd_parent", "nd_root", "origin", "destination", "params")


class DominantFlows(FlowAlgorithm):
    SIZE = "SIZE"
    SIZE_FIELD = "SIZE_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_LINES = "OUTPUT_LINES"
    DOMINANT_SHARE = "DOMINANT_SHARE"
    N_ROOTS = "N_ROOTS"
    UNMATCHED_ROWS = "UNMATCHED_ROWS"

    SIZES = ("Total inflow (internal flow included)", "Inflow from other territories", "A field (population, jobs)")

    def name(self):
        return "dominantflows"

    def displayName(self):
        return self.tr("Dominant flows (Nystuen-Dacey)")

    def shortDescription(self):
        return self.tr("The urban hierarchy from flows: dominant, intermediate and dominated territories "
                       "and the dominant-flow lines.")

    def shortHelpString(self):
        return self.tr(HELP)

    def initAlgorithm(self, config=None):
        declare(self, (
            *self.territoryParameters(),
            *self.flowParameters(),
            Choice(self.SIZE, self.tr("Size of a territory"), tuple(self.tr(s) for s in self.SIZES), 0),
            Field(self.SIZE_FIELD, self.tr("Size field (when the size is a field)"), self.INPUT, optional=True,
                  numeric=True),
            Sink(self.OUTPUT, self.tr("Territories with their place in the hierarchy"),
                 compat.SourceType.VectorPolygon),
            Sink(self.OUTPUT_LINES, self.tr("Dominant flows"), compat.SourceType.VectorLine),
            NumberOutput(self.DOMINANT_SHARE, self.tr("Share of the flows between territories carried by dominant "
                                                      "flows")),
            NumberOutput(self.N_ROOTS, self.tr("Number of dominant territories (tops of the hierarchy)")),
            NumberOutput(self.UNMATCHED_ROWS, self.tr("Flow rows whose codes match no territory")),
        ))

    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ..alliance_plugin.core.dominant import dominant_flows
        from ..alliance_plugin.core.errors import AllianceError

        steps = QgsProcessingMultiStepFeedback(4, feedback)
        size_choice = self.parameterAsEnum(parameters, self.SIZE, context)
        size_field = self.parameterAsString(parameters, self.SIZE_FIELD, context)
        if size_choice == 2 and not size_field:
            raise AllianceError("The size is a field: choose the size field.")
        inputs = self.readFlowInputs(parameters, context, steps, [size_field] if size_choice == 2 else [],
                                     territory_step=1)
        source, frame, attributes, codes = inputs.source, inputs.frame, inputs.attributes, inputs.codes
        size = ("inflow", "external_inflow")[size_choice] if size_choice < 2 else (
            pd.to_numeric(self.perTerritory(frame, codes)[size_field], errors="coerce"))
        steps.setCurrentStep(2)
        result = dominant_flows(inputs.flows, size=size, progress=steps.setProgress, is_canceled=steps.isCanceled)
        if result is None:
            return {}
        params = "alliance:dominantflows size={s}".format(s=size_field if size_choice == 2 else size)
        territories = result.territories.assign(params=params)

        steps.setCurrentStep(3)
        dest = self.writeTerritories(parameters, self.OUTPUT, context, source, frame, attributes,
                                     territories.reindex(codes.to_numpy()), steps, INT_COLUMNS, TEXT_COLUMNS)
        table = result.lines()
        line_dest, _ = self.writeFlowLines(parameters, self.OUTPUT_LINES, context, table, codes, frame,
                                           source.sourceCrs(), steps, INT_COLUMNS, TEXT_COLUMNS)
        style_on_load(context, line_dest, "lines", float(table["volume"].max()) if len(table) else 0.0)
        roots = result.n_roots
        steps.pushInfo(self.tr("{roots} dominant territories; dominant flows carry {share:.1%} of the flows "
                               "between territories.").format(roots=roots, share=result.share))
        return {self.OUTPUT: dest, self.OUTPUT_LINES: line_dest, self.N_ROOTS: roots,
                self.DOMINANT_SHARE: None if result.share != result.share else float(result.share),
                self.UNMATCHED_ROWS: inputs.unmatched.rows}


HELP = """<p>Nystuen and Dacey (1961): a territory is <b>dominated</b> by the territory receiving its largest flow to another territory when that one is larger. The dominant flows form a forest: the urban hierarchy (recommendations 2 and 3).</p>
<p>Size: the total inflow, internal flow included (for commuting: the jobs), by default; the inflow from other territories (Nystuen and Dacey's original, which had no internal flows); or a field such as the population. Sizes must be strictly larger along a dominant flow, so there is never a cycle; ties between destinations go to the smallest code.</p>
<p>Classes (our wording): <i>dominant</i> tops a tree; <i>intermediate</i> is dominated and dominates others; <i>dominated</i> is a leaf; <i>independent</i> has flows but its largest goes to a territory that is not larger; <i>isolated</i> has no flow with another territory. Fields: nd_class, nd_parent, nd_root (top of its tree), nd_level (0 at the top), nd_direct and nd_subordinates (territories below, directly and in all), nd_size, nd_flow (volume of its dominant flow).</p>
<p>The lines are the dominant flows, drawn between points inside the territories; DOMINANT_SHARE is the share of all flows between different territories that they carry.</p>
""" + FLOW_HELP
