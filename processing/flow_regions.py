"""alliance:flowregions: regions from flows (Intramax, Louvain, Leiden)."""

from qgis.core import QgsProcessingMultiStepFeedback

from .flow_inputs import FLOW_HELP, FlowAlgorithm
from .parameters import Choice, Number, NumberOutput, Sink, Switch, declare
from ..alliance_plugin.qgis_io import compat

INT_COLUMNS = ("n_units", "isolated", "step", "size", "n_regions")
TEXT_COLUMNS = ("region", "region_id", "a", "b", "params")


def one_flow_type(flows, feedback, tr):
    """Several flow types are summed: regions come from all the flows kept (``flows``: a FlowTable)."""
    types = flows.frame["flow_type"].unique()
    if len(types) <= 1:
        return flows
    feedback.pushInfo(tr("Flow types {types} are summed; keep one with the flow types parameter.")
                      .format(types=", ".join(map(str, types))))
    return flows.as_one_type("total")


def _has_igraph():
    try:
        import igraph  # noqa: F401 (optional accelerator)
    except ImportError:
        return False
    return True


class FlowRegions(FlowAlgorithm):
    METHOD = "METHOD"
    N_REGIONS = "N_REGIONS"
    CONTIGUITY = "CONTIGUITY"
    RESOLUTION = "RESOLUTION"
    SEED = "SEED"
    OUTPUT = "OUTPUT"
    OUTPUT_REGIONS = "OUTPUT_REGIONS"
    OUTPUT_HISTORY = "OUTPUT_HISTORY"
    N_REGIONS_FOUND = "N_REGIONS_FOUND"
    MODULARITY = "MODULARITY"
    UNMATCHED_ROWS = "UNMATCHED_ROWS"

    REQUIRES = ("numpy", "pandas", "shapely", "scipy", "networkx")
    METHODS = ("Intramax", "Louvain (modularity)", "Leiden (modularity, needs python-igraph)")

    def name(self):
        return "flowregions"

    def displayName(self):
        return self.tr("Flow regions (Intramax, Louvain, Leiden)")

    def shortDescription(self):
        return self.tr("Regions of territories that exchange most with each other, with their self-containment.")

    def shortHelpString(self):
        return self.tr(HELP)

    def initAlgorithm(self, config=None):
        declare(self, (
            *self.territoryParameters(),
            *self.flowParameters(),
            Choice(self.METHOD, self.tr("Method"), tuple(self.tr(m) for m in self.METHODS), 1),
            Number(self.N_REGIONS, self.tr("Intramax: number of regions"), 10, minimum=1, integer=True),
            Switch(self.CONTIGUITY, self.tr("Intramax: merge only neighbouring territories"), False),
            Number(self.RESOLUTION, self.tr("Louvain/Leiden: resolution (> 1: smaller)"), 1.0, minimum=0.0,
                   decimals=2),
            Number(self.SEED, self.tr("Louvain/Leiden: random seed"), 0, minimum=0, integer=True),
            Sink(self.OUTPUT, self.tr("Territories with their region"), compat.SourceType.VectorPolygon),
            Sink(self.OUTPUT_REGIONS, self.tr("Regions"), compat.SourceType.VectorPolygon),
            Sink(self.OUTPUT_HISTORY, self.tr("Intramax merges"), compat.SourceType.Vector, optional=True,
                 create_by_default=False),
            NumberOutput(self.N_REGIONS_FOUND, self.tr("Number of regions")),
            NumberOutput(self.MODULARITY, self.tr("Modularity Q of the regions")),
            NumberOutput(self.UNMATCHED_ROWS, self.tr("Flow rows whose codes match no territory")),
        ))

    def compute(self, parameters, context, feedback):
        from ..alliance_plugin.core import regions
        from ..alliance_plugin.core.geometry import dissolve

        steps = QgsProcessingMultiStepFeedback(3, feedback)
        method = self.parameterAsEnum(parameters, self.METHOD, context)
        inputs = self.readFlowInputs(parameters, context, steps)
        source, frame, codes = inputs.source, inputs.frame, inputs.codes
        flows = one_flow_type(inputs.flows, steps, self.tr)

        steps.setCurrentStep(1)
        if method == 0:
            result, params = self.intramax(parameters, context, flows, codes, frame, steps)
        else:
            result, params = self.communities(parameters, context, method, flows, steps)
        if steps.isCanceled():  # the regions reached so far are not written as if they were the result
            return {}
        membership = result.membership.assign(params=params)
        stats = regions.region_statistics(flows, inputs.ids, membership).reset_index()
        stats = stats.rename(columns={stats.columns[0]: "region_id"}).assign(params=params)
        q = regions.modularity(flows, inputs.ids, membership)

        steps.setCurrentStep(2)
        dest = self.writeTerritories(parameters, self.OUTPUT, context, source, frame, inputs.attributes,
                                     membership.reindex(codes.to_numpy()), steps, INT_COLUMNS, TEXT_COLUMNS)
        shapes = dissolve(membership["region"].reindex(codes.to_numpy()).to_numpy(), frame["geometry"].to_numpy())
        regions_dest = self.writeFrame(parameters, self.OUTPUT_REGIONS, context, stats,
                                       shapes.reindex(stats["region_id"]).to_numpy(), compat.WkbType.MultiPolygon,
                                       source.sourceCrs(), steps, INT_COLUMNS, TEXT_COLUMNS)
        outputs = {self.OUTPUT: dest, self.OUTPUT_REGIONS: regions_dest, self.N_REGIONS_FOUND: len(stats),
                   self.MODULARITY: float(q), self.UNMATCHED_ROWS: inputs.unmatched.rows}
        if method == 0 and parameters.get(self.OUTPUT_HISTORY):
            outputs[self.OUTPUT_HISTORY] = self.writeFrame(
                parameters, self.OUTPUT_HISTORY, context, result.history, None, compat.WkbType.NoGeometry,
                source.sourceCrs(), steps, INT_COLUMNS, TEXT_COLUMNS)
        steps.pushInfo(self.tr("{n} regions, modularity {q:.3f}.").format(n=len(stats), q=q))
        self.explain(method, len(stats), float(q), membership, steps)
        return outputs

    def intramax(self, parameters, context, flows, codes, frame, feedback):
        """Intramax regions (and their merge history) and the params recorded with them."""
        from ..alliance_plugin.core import regions
        from ..alliance_plugin.core.geometry import contiguity

        neighbours = None
        if self.parameterAsBoolean(parameters, self.CONTIGUITY, context):
            neighbours = contiguity(codes.to_numpy(), frame["geometry"].to_numpy())
        n_regions = self.parameterAsInt(parameters, self.N_REGIONS, context)
        result = regions.intramax(flows, n_regions=n_regions, contiguity=neighbours,
                                  progress=feedback.setProgress, is_canceled=feedback.isCanceled)
        if result.message:
            feedback.pushInfo(result.message)
        return result, f"alliance:flowregions method=intramax n_regions={n_regions} contiguity={neighbours is not None}"

    def communities(self, parameters, context, method, flows, feedback):
        """Louvain or Leiden communities and the params recorded with them."""
        from ..alliance_plugin.core import regions

        resolution = self.parameterAsDouble(parameters, self.RESOLUTION, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        kind = "louvain" if method == 1 else "leiden"
        engine = "igraph" if method == 2 or _has_igraph() else "core"
        result = regions.modularity_communities(flows, method=kind, resolution=resolution, seed=seed,
                                                engine=engine, progress=feedback.setProgress,
                                                is_canceled=feedback.isCanceled)
        return result, f"alliance:flowregions method={kind} engine={engine} resolution={resolution:g} seed={seed}"

    def explain(self, method, n_found, q, membership, feedback):
        """Say which method and number of regions were used and why; warn when the result is degenerate."""
        if method == 0:
            feedback.pushInfo(self.tr(
                "Intramax merged the territories until {n} regions were left: the number of regions you asked "
                "for. Louvain (the default method) chooses the number itself, the one that maximises the "
                "modularity.").format(n=n_found))
        else:
            feedback.pushInfo(self.tr(
                "{method} chose {n} regions: the partition that maximises the modularity Q (how much more the "
                "territories exchange within their regions than expected from their total flows). Raise the "
                "resolution for smaller regions.").format(method=[self.tr(m) for m in self.METHODS][method],
                                                          n=n_found))
        connected = membership[~membership["isolated"].astype(bool)] if "isolated" in membership else membership
        sizes = connected["region"].value_counts()
        if len(connected) > 1 and len(sizes) and int(sizes.max()) == 1:
            feedback.pushWarning(self.tr(
                "Every region holds a single territory: these regions say nothing about which territories "
                "belong together. Ask Intramax for fewer regions, or use Louvain (the default)."))
        if n_found > 1 and q <= 0:
            feedback.pushWarning(self.tr(
                "The modularity is {q:.3f}, not positive: the territories exchange no more within these regions "
                "than between them, so the regions do not reflect the flows. Try fewer regions, or Louvain (the "
                "default), which maximises the modularity.").format(q=q))


HELP = """<p>Groups territories into regions that exchange most with each other (recommendations 1 and 2).</p>
<p>By default, <b>Louvain</b> chooses the number of regions itself: the partition that maximises the modularity (the log says how many regions it found and why). The log warns when the result is degenerate: every region a single territory, or a modularity at or below 0 (the regions do not reflect the flows).</p>
<ul><li><b>Intramax</b> (Masser and Brown 1975): merges, step by step, the two regions with the highest I = T<sub>ij</sub>/(O<sub>i</sub>D<sub>j</sub>) + T<sub>ji</sub>/(O<sub>j</sub>D<sub>i</sub>) (flows inside a region left out, totals recomputed after each merge) until the number of regions is reached; optionally only between neighbouring territories (touching polygons). When no pair exchanges anything (or no neighbours do), it stops earlier and says so. The optional merges table records every step (the hierarchy).</li>
<li><b>Louvain</b> and <b>Leiden</b>: communities maximising the modularity Q of the flow graph (directions summed), with a resolution (above 1: smaller regions) and a seed (same seed, same regions). Louvain uses our own implementation (at most 20 passes per level; about 16 s on 35,000 territories and a million flows), or igraph's multilevel when python-igraph is installed (faster); Leiden needs python-igraph.</li></ul>
<p>Outputs: each territory's region (the code of its region's main member) and whether it is isolated (no flow), and the dissolved regions with their number of territories, internal flow, outflow, inflow and supply- and demand-side self-containment (T<sub>AA</sub>/O<sub>A</sub>, T<sub>AA</sub>/D<sub>A</sub>); the modularity Q of the partition and the number of regions as numbers. Several flow types are summed.</p>
""" + FLOW_HELP
