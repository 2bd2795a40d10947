"""alliance:functionalareas: EU-OECD functional urban areas or INSEE attraction areas from commuting."""

from qgis.core import QgsProcessingMultiStepFeedback

from .flow_inputs import FLOW_HELP, FlowAlgorithm
from .parameters import Choice, Field, Number, NumberOutput, Sink, Switch, declare
from .styling import style_on_load
from ..alliance_plugin.qgis_io import compat

TRUE_WORDS = {"1", "true", "t", "yes", "y", "oui", "o", "x", "vrai"}
INT_COLUMNS = ("units", "core_units")
TEXT_COLUMNS = ("fua_id", "city_id", "fua_role", "aav_id", "pole_id", "aav_role", "area_id", "params")


def as_flags(series):
    """Booleans from a field: true, non-zero numbers, or words such as yes/oui/x (NULL is false)."""
    import pandas as pd

    def one(value):
        if value is None or (isinstance(value, float) and value != value):
            return False
        if isinstance(value, (bool, int, float)):
            return bool(value)
        return str(value).strip().lower() in TRUE_WORDS

    return pd.Series([one(v) for v in series], index=series.index, dtype=bool)


class FunctionalAreas(FlowAlgorithm):
    POPULATION_FIELD = "POPULATION_FIELD"
    METHOD = "METHOD"
    CITY_FIELD = "CITY_FIELD"
    URBAN_SHARE_FIELD = "URBAN_SHARE_FIELD"
    CITY_SHARE = "CITY_SHARE"
    COMMUTING_THRESHOLD = "COMMUTING_THRESHOLD"
    POLYCENTRIC_THRESHOLD = "POLYCENTRIC_THRESHOLD"
    MIN_JOBS = "MIN_JOBS"
    USE_CONTIGUITY = "USE_CONTIGUITY"
    OUTPUT = "OUTPUT"
    OUTPUT_AREAS = "OUTPUT_AREAS"
    N_AREAS = "N_AREAS"
    UNITS_IN_AREAS = "UNITS_IN_AREAS"
    UNMATCHED_ROWS = "UNMATCHED_ROWS"

    REQUIRES = ("numpy", "pandas", "shapely", "scipy")
    METHODS = ("EU-OECD functional urban areas", "INSEE aires d'attraction des villes")

    def name(self):
        return "functionalareas"

    def displayName(self):
        return self.tr("Functional areas from commuting")

    def shortDescription(self):
        return self.tr("Functional urban areas (EU-OECD) or aires d'attraction des villes (INSEE) rebuilt "
                       "from your own commuting flows.")

    def shortHelpString(self):
        return self.tr(HELP)

    def initAlgorithm(self, config=None):
        declare(self, (
            *self.territoryParameters(),
            Field(self.POPULATION_FIELD, self.tr("Population field"), self.INPUT, numeric=True),
            *self.flowParameters(),
            Choice(self.METHOD, self.tr("Method"), tuple(self.tr(m) for m in self.METHODS), 0),
            Field(self.CITY_FIELD, self.tr("City (EU-OECD) or pole candidate (INSEE) field"), self.INPUT,
                  optional=True),
            Field(self.URBAN_SHARE_FIELD, self.tr("Population share in an urban centre"), self.INPUT, optional=True,
                  numeric=True),
            *(Number(key, self.tr(label), default, minimum=0.0, maximum=100.0) for key, label, default in (
                (self.CITY_SHARE, "City: minimum population share in a centre (%)", 50.0),
                (self.COMMUTING_THRESHOLD, "Commuting threshold (% of employed residents)", 15.0),
                (self.POLYCENTRIC_THRESHOLD, "Polycentric cities: merge threshold (%)", 15.0))),
            Number(self.MIN_JOBS, self.tr("INSEE: minimum number of jobs of a pole"), 1500.0, minimum=0.0),
            Switch(self.USE_CONTIGUITY, self.tr("Use contiguity (enclaves, exclaves)"), True),
            Sink(self.OUTPUT, self.tr("Territories with their functional area"), compat.SourceType.VectorPolygon),
            Sink(self.OUTPUT_AREAS, self.tr("Functional areas"), compat.SourceType.VectorPolygon),
            NumberOutput(self.N_AREAS, self.tr("Number of functional areas")),
            NumberOutput(self.UNITS_IN_AREAS, self.tr("Territories inside a functional area")),
            NumberOutput(self.UNMATCHED_ROWS, self.tr("Flow rows whose codes match no territory")),
        ))

    def compute(self, parameters, context, feedback):
        from ..alliance_plugin.core import functional_areas as fa
        from ..alliance_plugin.core.geometry import contiguity, dissolve

        steps = QgsProcessingMultiStepFeedback(4, feedback)
        insee = self.parameterAsEnum(parameters, self.METHOD, context) == 1
        fields = [self.parameterAsString(parameters, key, context)
                  for key in (self.POPULATION_FIELD, self.CITY_FIELD, self.URBAN_SHARE_FIELD)]
        percent = {key: self.parameterAsDouble(parameters, key, context) / 100.0
                   for key in (self.CITY_SHARE, self.COMMUTING_THRESHOLD, self.POLYCENTRIC_THRESHOLD)}
        inputs = self.readFlowInputs(parameters, context, steps, fields, territory_step=1)
        source, frame, codes = inputs.source, inputs.frame, inputs.codes
        neighbours = None
        if self.parameterAsBoolean(parameters, self.USE_CONTIGUITY, context):
            neighbours = contiguity(codes.to_numpy(), frame["geometry"].to_numpy())
            steps.pushInfo(self.tr("{n} pairs of touching territories.").format(n=len(neighbours)))

        steps.setCurrentStep(2)
        computed = self.areas(parameters, context, insee, inputs, fields, percent, neighbours, steps)
        if computed is None:
            return {}
        units, areas, area_column, role_column = computed
        params = ("alliance:functionalareas method={m} commuting={c:g} polycentric={p:g} city_share={s:g} "
                  "min_jobs={j:g} contiguity={n}").format(
                      m="insee" if insee else "eu-oecd", c=percent[self.COMMUTING_THRESHOLD],
                      p=percent[self.POLYCENTRIC_THRESHOLD], s=percent[self.CITY_SHARE],
                      j=self.parameterAsDouble(parameters, self.MIN_JOBS, context), n=neighbours is not None)
        units["params"] = params
        if areas.empty:
            steps.pushWarning(self.tr("No functional area: no territory passes the city or pole rule "
                                      "(check the city field, the urban-centre share or the minimum jobs)."))

        steps.setCurrentStep(3)
        dest = self.writeTerritories(parameters, self.OUTPUT, context, source, frame, inputs.attributes,
                                     units.reindex(codes.to_numpy()), steps, INT_COLUMNS, TEXT_COLUMNS)
        shapes = dissolve(units.reindex(codes.to_numpy())[area_column].to_numpy(), frame["geometry"].to_numpy())
        table = areas.reset_index().assign(params=params)
        area_dest = self.writeFrame(parameters, self.OUTPUT_AREAS, context, table,
                                    shapes.reindex(table["area_id"]).to_numpy(), compat.WkbType.MultiPolygon,
                                    source.sourceCrs(), steps, INT_COLUMNS, TEXT_COLUMNS)
        style_on_load(context, dest, "roles", role_column)
        inside = int((units[role_column] != fa.ROLE_OUTSIDE).sum())
        steps.pushInfo(self.tr("{areas} functional areas holding {units} of {total} territories.").format(
            areas=len(areas), units=inside, total=len(units)))
        return {self.OUTPUT: dest, self.OUTPUT_AREAS: area_dest, self.N_AREAS: len(areas),
                self.UNITS_IN_AREAS: inside, self.UNMATCHED_ROWS: inputs.unmatched.rows}

    def areas(self, parameters, context, insee, inputs, fields, percent, neighbours, feedback):
        """The units and areas of the chosen method, and the names of its area and role columns (None when
        canceled)."""
        import pandas as pd

        from ..alliance_plugin.core import functional_areas as fa
        from ..alliance_plugin.core.units import as_fractions

        population_field, city_field, share_field = fields
        by_code = self.perTerritory(inputs.frame, inputs.codes)
        population = pd.to_numeric(by_code[population_field], errors="coerce").fillna(0.0)
        if insee:
            candidates = as_flags(by_code[city_field]) if city_field else None
            computed = fa.attraction_areas(
                inputs.flows, inputs.ids, population, pole_candidate=candidates,
                commuting=percent[self.COMMUTING_THRESHOLD],
                min_jobs=self.parameterAsDouble(parameters, self.MIN_JOBS, context), neighbours=neighbours,
                progress=feedback.setProgress, is_canceled=feedback.isCanceled)
            return None if computed is None else (*computed, "aav_id", "aav_role")
        share = None
        if share_field and not city_field:
            fractions, read_as_percent = as_fractions(pd.to_numeric(by_code[share_field], errors="coerce"))
            share = pd.Series(fractions, index=by_code.index)
            if read_as_percent:
                feedback.pushInfo(self.tr("Urban-centre shares above 1: read as percentages."))
        computed = fa.functional_urban_areas(
            inputs.flows, inputs.ids, population, city=as_flags(by_code[city_field]) if city_field else None,
            urban_centre_share=share, city_share=percent[self.CITY_SHARE],
            commuting=percent[self.COMMUTING_THRESHOLD], polycentric=percent[self.POLYCENTRIC_THRESHOLD],
            neighbours=neighbours, progress=feedback.setProgress, is_canceled=feedback.isCanceled)
        return None if computed is None else (*computed, "fua_id", "fua_role")


HELP = """<p>Rebuilds functional areas from your own commuting flows (recommendations 1 and 2).</p>
<p><b>EU-OECD functional urban areas</b> (Dijkstra, Poelman and Veneri 2019): cities are the territories marked in the city field, or with at least the given share of their population in an urban centre; touching city territories form one city (our reading when the urban centres themselves are not given); two cities are merged when one sends at least the polycentric threshold of its employed residents to the other (repeated); every other territory sending at least the commuting threshold of its employed residents to a whole city joins its commuting zone (the city it sends most to); with contiguity, commuting-zone exclaves not connected to their city are removed and enclaves surrounded by one area are added.</p>
<p><b>INSEE aires d'attraction des villes</b> (2020): poles are the candidate territories (the city field, or all) with at least the minimum number of jobs (jobs = all flows arriving in the territory); touching poles form one pole; a pole sending at least the commuting threshold of its workers to a pole with more jobs is attached to it (secondary pole); the crown is the territories sending at least the threshold to the pole; attraction is not recursive.</p>
<p>Outputs: every territory with its area id (the code of the most populated territory of its city or main pole), role (city core, commuting zone or outside; pole, secondary pole, crown or outside) and share of its workers going to the area's core; and the dissolved areas with population, number of territories, internal flow, outflow, inflow and supply- and demand-side self-containment. The params field records the thresholds used.</p>
""" + FLOW_HELP
