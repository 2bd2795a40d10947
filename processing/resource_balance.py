"""alliance:resourcebalance: resource balances, supply and resource-sheds of territories (issue 15)."""

from qgis.core import (
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .flow_inputs import FLOW_HELP, FlowAlgorithm
from ..alliance_plugin.qgis_io import compat

INT_COLUMNS = ("n_suppliers", "shed_n", "shed_covered")
TEXT_COLUMNS = ("territory", "resource", "unit", "main_supplier", "member", "worst_resource", "deficit_resources",
                "params")


class ResourceBalance(FlowAlgorithm):
    GROUP = ("resources", "Resources and reciprocity")
    REQUIRES = ("numpy", "pandas", "shapely", "scipy")

    RESOURCE_FIELDS = "RESOURCE_FIELDS"
    VALUES = "VALUES"
    VALUES_ID_FIELD = "VALUES_ID_FIELD"
    RESOURCE_FIELD = "RESOURCE_FIELD"
    PRODUCTION_FIELD = "PRODUCTION_FIELD"
    CONSUMPTION_FIELD = "CONSUMPTION_FIELD"
    UNIT_FIELD = "UNIT_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    PER_CAPITA = "PER_CAPITA"
    UNITS = "UNITS"
    LOCAL_DISTANCE = "LOCAL_DISTANCE"
    AREA_FIELD = "AREA_FIELD"
    SHED_RULE = "SHED_RULE"
    OUTPUT = "OUTPUT"
    OUTPUT_BALANCE = "OUTPUT_BALANCE"
    OUTPUT_SHEDS = "OUTPUT_SHEDS"
    N_DEFICITS = "N_DEFICITS"
    UNMATCHED_ROWS = "UNMATCHED_ROWS"
    SHED_RULES = ("independent", "shared")

    def name(self):
        return "resourcebalance"

    def displayName(self):
        return self.tr("Resource balances and resource-sheds")

    def shortDescription(self):
        return self.tr("Production, consumption, self-sufficiency, import dependency, local sourcing and "
                       "resource-sheds of territories, per resource.")

    def shortHelpString(self):
        return self.tr(HELP)

    def initAlgorithm(self, config=None):
        self.addTerritoryParameters((compat.SourceType.VectorPolygon, compat.SourceType.VectorPoint))
        self.addParameter(QgsProcessingParameterString(
            self.RESOURCE_FIELDS, self.tr("Resource fields (food: production field / consumption field, ...)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.VALUES, self.tr("Or a table of values (territory, resource, production, consumption, unit)"),
            [compat.SourceType.Vector], optional=True))
        for key, label in ((self.VALUES_ID_FIELD, "Table of values: territory code field"),
                           (self.RESOURCE_FIELD, "Table of values: resource field"),
                           (self.PRODUCTION_FIELD, "Table of values: production field"),
                           (self.CONSUMPTION_FIELD, "Table of values: consumption field"),
                           (self.UNIT_FIELD, "Table of values: unit field")):
            self.addParameter(QgsProcessingParameterField(
                key, self.tr(label), parentLayerParameterName=self.VALUES, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.POPULATION_FIELD, self.tr("Population field (for per-capita consumption)"),
            parentLayerParameterName=self.INPUT, type=compat.FieldDataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.PER_CAPITA, self.tr("Per-capita consumption rates (food=0.5, water=55)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.UNITS, self.tr("Units (food=t, water=m3, energy=MWh)"), optional=True))
        self.addFlowParameters(optional=True)
        self.addParameter(QgsProcessingParameterNumber(
            self.LOCAL_DISTANCE, self.tr("Local sourcing: distance (m)"), compat.NumberType.Double, 50000.0,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterField(
            self.AREA_FIELD, self.tr("Local sourcing: functional area field (instead of the distance)"),
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.SHED_RULE, self.tr("Resource-shed allocation rule"),
            options=[self.tr("Independent: each deficit takes the nearest surpluses"),
                     self.tr("Shared: surpluses consumed once, largest deficit first")], defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Territories with resource indicators"), compat.SourceType.VectorAnyGeometry))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_BALANCE, self.tr("Resource balances (territory x resource)"), compat.SourceType.Vector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SHEDS, self.tr("Resource-sheds (lines to the supplying territories)"),
            compat.SourceType.VectorLine))
        self.addNumberOutputs({
            self.N_DEFICITS: self.tr("Territory and resource pairs in deficit"),
            self.UNMATCHED_ROWS: self.tr("Flow rows whose codes match no territory")})

    def text(self, parameters, key, context):
        return self.parameterAsString(parameters, key, context).strip()

    def readValues(self, parameters, context, feedback, per_territory, ids):
        """The long table of values (core.resources.values), from fields or from the table of values."""
        from ..alliance_plugin.core.resources import values as rv

        population_field = self.text(parameters, self.POPULATION_FIELD, context) or None
        population = per_territory[population_field] if population_field else None
        rates = rv.parse_rates(self.text(parameters, self.PER_CAPITA, context))
        units = rv.parse_assignments(self.text(parameters, self.UNITS, context))
        mapping = self.text(parameters, self.RESOURCE_FIELDS, context)
        if mapping:
            return rv.values_from_fields(per_territory, rv.parse_resource_fields(mapping), population=population,
                                         rates=rates, units=units)
        source = self.parameterAsSource(parameters, self.VALUES, context)
        if source is None:
            raise QgsProcessingException(self.tr(
                "Give the resources either as fields of the territories (food: production field / consumption "
                "field, ...) or as a table of values (territory, resource, production, consumption)."))
        from ..alliance_plugin.qgis_io.reading import read_attributes

        given = {role: self.text(parameters, key, context) or None for role, key in (
            ("territory", self.VALUES_ID_FIELD), ("resource", self.RESOURCE_FIELD),
            ("production", self.PRODUCTION_FIELD), ("consumption", self.CONSUMPTION_FIELD),
            ("unit", self.UNIT_FIELD))}
        columns = rv.detect_value_columns(source.fields().names(), **given)
        table = read_attributes(source, [c for c in dict.fromkeys(columns.values()) if c], feedback)
        from ..alliance_plugin.core.flows.codes import codes_as_text

        codes = codes_as_text(table[columns["territory"]])
        unknown = codes.notna() & ~codes.isin(ids)
        if unknown.any():  # left out before consumptions are derived from the territories' population
            from ..alliance_plugin.core.errors import first_labels

            feedback.pushWarning(self.tr("{rows} rows of the table of values have codes that match no territory "
                                         "and were left out: {codes}.").format(
                                             rows=int(unknown.sum()), codes=first_labels(sorted(set(codes[unknown])),
                                                                                         10)))
        values = rv.values_from_long(table[~unknown.to_numpy()], **columns, population=population, rates=rates,
                                     units=units)
        return values

    def metricPoints(self, points, source, context, feedback):
        """x, y in metres of the inner points (``points``: shapely points by code, in the layer's CRS)."""
        import numpy as np
        import pandas as pd
        import shapely

        from ..alliance_plugin.qgis_io.layers import metric_crs

        crs = source.sourceCrs()
        metric = metric_crs(crs, source.sourceExtent(), feedback)
        present = ~shapely.is_missing(points.to_numpy())
        xy = np.full((len(points), 2), np.nan)
        if present.any():
            xy[present] = shapely.get_coordinates(points.to_numpy()[present])
        if metric != crs:
            transform = QgsCoordinateTransform(crs, metric, context.transformContext())
            for i in np.flatnonzero(present):
                moved = transform.transform(QgsPointXY(*xy[i]))
                xy[i] = moved.x(), moved.y()
        return pd.DataFrame(xy, columns=["x", "y"], index=points.index)

    def compute(self, parameters, context, feedback):
        from ..alliance_plugin.core.geometry import flow_lines, points_by_code
        from ..alliance_plugin.core.resources import resource_balance

        steps = QgsProcessingMultiStepFeedback(4, feedback)
        valid = None
        if parameters.get(self.FLOWS) not in (None, ""):
            valid = self.readFlows(parameters, context, steps)
        steps.setCurrentStep(1)
        fields = [self.text(parameters, k, context) for k in (self.POPULATION_FIELD, self.AREA_FIELD)]
        mapping = self.text(parameters, self.RESOURCE_FIELDS, context)
        if mapping:
            from ..alliance_plugin.core.resources.values import parse_resource_fields

            fields += [f for pair in parse_resource_fields(mapping).values() for f in pair if f]
        missing = [f for f in fields if f and self.parameterAsSource(parameters, self.INPUT, context).fields()
                   .lookupField(f) < 0]
        if missing:
            raise QgsProcessingException(self.tr("The field '{field}' is not in the territories.").format(
                field=missing[0]))
        source, frame, attributes, codes, ids = self.readTerritories(parameters, context, steps, fields)
        per_territory = self.perTerritory(frame, codes)
        flows, unmatched_rows = None, 0
        if valid is not None:
            flows, unmatched = self.flowTable(valid, ids, steps, parameters, context)
            unmatched_rows = unmatched.rows
        values = self.readValues(parameters, context, steps, per_territory, ids)
        for resource in sorted(set(values.loc[values["unit"].isna(), "resource"])):
            steps.pushWarning(self.tr("No unit is stated for '{resource}': give it in the units parameter "
                                      "({resource}=t) or a unit column.").format(resource=resource))
        points = points_by_code(codes.to_numpy(), frame["geometry"].to_numpy())
        area_field = self.text(parameters, self.AREA_FIELD, context)
        rule = self.SHED_RULES[self.parameterAsEnum(parameters, self.SHED_RULE, context)]
        distance = self.parameterAsDouble(parameters, self.LOCAL_DISTANCE, context)
        steps.setCurrentStep(2)
        result = resource_balance(
            values, self.metricPoints(points, source, context, steps), flows, territory_ids=ids,
            local_distance=None if area_field else distance,
            areas=per_territory[area_field].reindex(ids) if area_field else None, shed_rule=rule)
        if result.resources_without_flows:
            steps.pushWarning(self.tr("No flow row has the type of {resources}: their inflow, import dependency, "
                                      "local sourcing and suppliers are NULL.").format(
                                          resources=", ".join(map(str, result.resources_without_flows))))
        if result.other_flow_types:
            steps.pushInfo(self.tr("Flow types that are no resource were left out: {types}.").format(
                types=", ".join(map(str, result.other_flow_types))))
        params = "alliance:resourcebalance rule={r} local={l} resources={k}".format(
            r=rule, l=("area:" + area_field) if area_field else f"{distance:g}m",
            k="|".join(map(str, dict.fromkeys(values["resource"]))))
        summary = result.territories.assign(params=params)

        steps.setCurrentStep(3)
        if steps.isCanceled():
            return {}
        dest = self.writeTerritories(parameters, self.OUTPUT, context, source, frame, attributes,
                                     summary.reindex(codes.to_numpy()), steps, INT_COLUMNS, TEXT_COLUMNS)
        balance_dest = self.writeFrame(parameters, self.OUTPUT_BALANCE, context, result.balance, None,
                                       compat.WkbType.NoGeometry, None, steps, INT_COLUMNS, TEXT_COLUMNS)
        sheds = result.sheds
        lines = flow_lines(sheds["territory"].to_numpy(), sheds["member"].to_numpy(), points)
        shed_dest = self.writeFrame(parameters, self.OUTPUT_SHEDS, context, sheds, lines,
                                    compat.WkbType.LineString, source.sourceCrs(), steps, INT_COLUMNS, TEXT_COLUMNS)
        deficits = int((result.balance["net"] < 0).sum())
        steps.pushInfo(self.tr("{rows} territory and resource pairs, {deficits} in deficit, {members} resource-shed "
                               "members.").format(rows=len(result.balance), deficits=deficits, members=len(sheds)))
        return {self.OUTPUT: dest, self.OUTPUT_BALANCE: balance_dest, self.OUTPUT_SHEDS: shed_dest,
                self.N_DEFICITS: deficits, self.UNMATCHED_ROWS: unmatched_rows}


HELP = """<p>Resource balances of territories (polygons or points with a code), per resource (food, water, energy, materials, waste treatment...), each in its own unit, stated by the units parameter (food=t, water=m3) or a unit column and carried into every output.</p>
<p><b>Values</b>: either fields of the territories named per resource (<i>food: prod_food / cons_food, water: prod_water / cons_water</i>) or a table of values (layer or CSV file) with one row per territory and resource (territory, resource, production, consumption, unit; names detected when the fields are left empty). Consumption may be derived: population field x per-capita rate (<i>food=0.5, water=55</i>) for a resource without a consumption field or column. Missing, non-numeric or negative values, a territory and resource given twice, and two units for one resource stop the run and name the rows (territory and resource); rows of the table whose code is no territory are counted and left out. Territories stored in several features take the values of the first.</p>
<p><b>Per territory and resource</b> (table of balances): <b>net</b> = production - consumption; <b>self_sufficiency</b> = production / consumption, NULL when consumption is 0 (never an infinity). With flows whose type is the resource's name (origin -> destination: shipped from the origin to the destination): <b>inflow</b> from other territories, <b>import_dependency</b> = inflow / consumption (NULL when consumption is 0; above 1 for a territory that re-exports), <b>local_sourcing</b> the share of the inflow from suppliers whose inner point lies within the local distance, or from the same functional area when an area field is given, <b>hhi</b> the concentration of the suppliers (sum of their squared shares, 0 to 1), <b>main_supplier</b> (ties to the smallest code) and <b>n_suppliers</b>. Without inflow, local_sourcing, hhi and main_supplier are NULL; a resource whose type has no flow row has every flow field NULL.</p>
<p><b>Resource-shed</b> of a territory in deficit (net &lt; 0), as in foodshed studies (Peters et al. 2009; Zumkehr and Campbell 2015): the nearest territories in surplus, by straight distance between inner points (in metres), whose surpluses cover its deficit. <i>Independent</i> rule (default): each territory in deficit takes on its own the whole surpluses of the nearest surplus territories (ties to the smallest code) until its deficit is covered; surpluses are not shared out, so two cities may count the same suppliers (a potential supply area); a deficit larger than all the surpluses has no shed. <i>Shared</i> rule: deficits are served from the largest, each taking what is left of the surpluses, nearest first; a deficit that what is left cannot cover takes it all. <b>shed_radius_m</b> the distance to the farthest member taken, <b>shed_n</b> the number of members, <b>shed_covered</b> 1 when they cover the deficit (NULL for territories not in deficit). The resource-shed lines join each territory in deficit to its members with the <b>distance_m</b> and the <b>amount</b> each gives (its surplus, the last one only what completes the deficit).</p>
<p><b>Per territory</b> (the territories, their own fields kept): <b>self_sufficiency_min</b> over the resources it consumes and that <b>worst_resource</b>, <b>import_dependency_max</b>, <b>local_sourcing_min</b>, <b>shed_radius_max_m</b> (largest radius among its resource-sheds), <b>deficit_resources</b> (comma-separated, empty when none; NULL for a territory without values) and <b>params</b>.</p>
""" + FLOW_HELP
