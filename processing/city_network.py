"""alliance:citynetwork: city-size distribution, centralities and intermediary cities."""

from qgis.core import QgsProcessingMultiStepFeedback

from .flow_inputs import FLOW_HELP, FlowAlgorithm
from .parameters import Field, Number, NumberOutput, Sink, declare
from ..alliance_plugin.qgis_io import compat

INT_COLUMNS = ("rank", "n", "n_left_out", "betweenness_sources", "component", "component_size", "in_degree",
               "out_degree", "nd_level", "intermediary_score", "in_size_band", "high_betweenness",
               "nd_intermediate", "intermediary")
TEXT_COLUMNS = ("date", "note", "betweenness_method", "nd_class", "params")


class CityNetwork(FlowAlgorithm):
    POPULATION_FIELDS = "POPULATION_FIELDS"
    MIN_SIZE = "MIN_SIZE"
    BAND_MIN = "BAND_MIN"
    BAND_MAX = "BAND_MAX"
    TOP_SHARE = "TOP_SHARE"
    SAMPLE_SIZE = "SAMPLE_SIZE"
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    RANK_SIZE_EXPONENT = "RANK_SIZE_EXPONENT"
    PRIMACY = "PRIMACY"
    N_INTERMEDIARY = "N_INTERMEDIARY"

    REQUIRES = ("numpy", "pandas", "shapely", "scipy", "networkx")

    def name(self):
        return "citynetwork"

    def displayName(self):
        return self.tr("City network: rank-size, centralities, intermediary cities")

    def shortDescription(self):
        return self.tr("Rank-size exponent (Gabaix-Ibragimov), primacy, flow centralities and "
                       "intermediary cities.")

    def shortHelpString(self):
        return self.tr(HELP)

    def initAlgorithm(self, config=None):
        declare(self, (
            *self.territoryParameters((compat.SourceType.VectorPoint, compat.SourceType.VectorPolygon)),
            Field(self.POPULATION_FIELDS, self.tr("Population fields (one per date, last = now)"), self.INPUT,
                  numeric=True, multiple=True),
            *self.flowParameters(optional=True),
            *(Number(key, self.tr(label), default, minimum=0, integer=integer) for key, label, default, integer in (
                (self.MIN_SIZE, "Rank-size: smallest city size fitted", 0.0, False),
                (self.BAND_MIN, "Intermediary cities: smallest size", 20000.0, False),
                (self.BAND_MAX, "Intermediary cities: largest size", 500000.0, False),
                (self.TOP_SHARE, "Intermediary cities: top share of betweenness (%)", 10.0, False),
                (self.SAMPLE_SIZE, "Betweenness: sources sampled (0 = automatic)", 0, True))),
            Sink(self.OUTPUT, self.tr("Cities with rank-size and network fields"),
                 compat.SourceType.VectorAnyGeometry),
            Sink(self.OUTPUT_TABLE, self.tr("City-size distribution per date"), compat.SourceType.Vector),
            NumberOutput(self.RANK_SIZE_EXPONENT, self.tr("Rank-size exponent b at the last date")),
            NumberOutput(self.PRIMACY, self.tr("Primacy P1/P2 at the last date")),
            NumberOutput(self.N_INTERMEDIARY, self.tr("Number of intermediary cities")),
        ))

    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ..alliance_plugin.core import citynet

        steps = QgsProcessingMultiStepFeedback(4, feedback)
        population_fields = compat.parameter_as_strings(self, parameters, self.POPULATION_FIELDS, context)
        source, frame, attributes, codes, ids = self.readTerritories(parameters, context, steps, population_fields)
        by_code = self.perTerritory(frame, codes)
        long = pd.concat([pd.DataFrame({"city": by_code.index, "date": field,
                                        "population": pd.to_numeric(by_code[field], errors="coerce").fillna(0.0)})
                          for field in population_fields], ignore_index=True)
        result = citynet.city_size_statistics(long, min_size=self.parameterAsDouble(parameters, self.MIN_SIZE, context))
        stats = result.statistics.reset_index()
        per_city = result.cities.pivot(index="city", columns="date", values=["rank", "size_deviation"])
        per_city.columns = [f"{name}_{date}" for name, date in per_city.columns]
        current = pd.to_numeric(by_code[population_fields[-1]], errors="coerce").fillna(0.0)
        columns = [per_city]
        n_intermediary = 0
        params = "alliance:citynetwork min_size={m:g}".format(
            m=self.parameterAsDouble(parameters, self.MIN_SIZE, context))

        steps.setCurrentStep(1)
        if parameters.get(self.FLOWS):
            flows, _ = self.flowTable(self.readFlows(parameters, context, steps), ids, steps, parameters, context)
            steps.setCurrentStep(2)
            computed = self.network(parameters, context, flows, current, steps)
            if computed is None:
                return {}
            network, n_intermediary, network_params = computed
            columns += network
            params += network_params
        else:
            steps.pushInfo(self.tr("No flows: only the city-size distribution is computed."))
        table = pd.concat(columns, axis=1).reindex(pd.Index(ids, dtype=object)).assign(params=params)
        table = table.loc[:, ~table.columns.duplicated()]
        for column in table.columns:
            if table[column].dtype == bool:
                table[column] = table[column].astype(int)

        steps.setCurrentStep(3)
        ranks = tuple(column for column in per_city.columns if column.startswith("rank_"))  # rank_<date>: integers
        dest = self.writeTerritories(parameters, self.OUTPUT, context, source, frame, attributes,
                                     table.reindex(codes.to_numpy()), steps, INT_COLUMNS + ranks, TEXT_COLUMNS)
        stats["date"] = stats["date"].astype(str)
        table_dest = self.writeFrame(parameters, self.OUTPUT_TABLE, context, stats.assign(params=params), None,
                                     compat.WkbType.NoGeometry, source.sourceCrs(), steps, INT_COLUMNS, TEXT_COLUMNS)
        last = stats.iloc[-1]
        return {self.OUTPUT: dest, self.OUTPUT_TABLE: table_dest, self.N_INTERMEDIARY: n_intermediary,
                self.RANK_SIZE_EXPONENT: _number(last.get("b")), self.PRIMACY: _number(last.get("primacy"))}

    def network(self, parameters, context, flows, sizes, feedback):
        """Centralities, Nystuen-Dacey classes and intermediary cities: (columns, number of intermediary
        cities, params); None when canceled."""
        from ..alliance_plugin.core import citynet
        from ..alliance_plugin.core.dominant import dominant_flows

        sample = self.parameterAsInt(parameters, self.SAMPLE_SIZE, context) or None
        central = citynet.flow_centralities(flows, sample_size=sample, progress=feedback.setProgress,
                                            is_canceled=feedback.isCanceled)
        if central.info["canceled"]:
            return None
        for line in _describe(central.info):
            feedback.pushInfo(line)
        dominant = dominant_flows(flows, is_canceled=feedback.isCanceled)
        if dominant is None:
            return None
        band = (self.parameterAsDouble(parameters, self.BAND_MIN, context),
                self.parameterAsDouble(parameters, self.BAND_MAX, context))
        top = self.parameterAsDouble(parameters, self.TOP_SHARE, context) / 100.0
        inter = citynet.intermediary_cities(sizes, central.territories, dominant.territories,
                                            min_size=band[0], max_size=band[1], top_share=top)
        return ([central.territories, dominant.territories[["nd_class", "nd_level"]], inter],
                int(inter["intermediary"].sum()), " band={a:g}-{b:g} top_share={t:g}".format(a=band[0], b=band[1],
                                                                                            t=top))


def _number(value):
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if value == value else None


def _describe(info):
    """Log lines for the centrality run (exact or sampled betweenness, with the sample size)."""
    return [f"{key}: {value}" for key, value in info.items() if not isinstance(value, dict)]


HELP = """<p>For cities (points or polygons) with their population at one or several dates (recommendation 3):</p>
<ul><li><b>Rank-size</b>: the Gabaix-Ibragimov estimator (ln(rank - 1/2) regressed on ln(size)), the exponent b and its standard error b&radic;(2/n), n and the size cut-off, per date; per city, its rank and its deviation from the fitted line (size_deviation, in log units: positive when the city is larger than the line predicts). <b>Primacy</b> P1/P2 and the <b>four-city index</b> P1/(P2+P3+P4). The table output holds one row per date.</li>
<li>With flows: <b>centralities</b> on the directed flow graph: in and out strength and degree, PageRank, and betweenness with 1/volume as the length of a link (ours: paths follow the strongest flows), per connected component; exact when cheap, otherwise from sampled sources, with the method and the number of sources written in each city's fields and in the log.</li>
<li><b>Intermediary cities</b> (our rule, not an official one): a size inside the band, a betweenness in the top share, and an intermediate place in the Nystuen-Dacey hierarchy (see Dominant flows); intermediary_score counts how many of the three hold.</li></ul>
""" + FLOW_HELP
