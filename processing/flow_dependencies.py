"""alliance:flowdependencies: dependency indicators and flow lines between territories."""

from qgis.core import (
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from ..alliance_plugin.qgis_io.flows import read_flow_input
from ..alliance_plugin.qgis_io.layers import fields_for, read_geometries, write_features
from .base import AllianceAlgorithm
from .styling import style_on_load

INT_COLUMNS = ("n_partners", "n_dependents", "coupled", "coupled_types", "rank")
TEXT_COLUMNS = ("main_partner", "role", "coupled_partner", "origin", "destination", "flow_type", "params")


def column_kinds(columns):
    """Field kinds by name: our integer and text indicators, doubles otherwise."""
    kinds = {}
    for column in columns:
        base = next((c for c in INT_COLUMNS + TEXT_COLUMNS if column == c or column.endswith("_" + c)), None)
        kinds[column] = "int" if base in INT_COLUMNS else "string" if base in TEXT_COLUMNS else "double"
    return kinds


def column_values(frame, kinds):
    """Lists of Python values per column, typed for QGIS (NaN becomes NULL)."""
    import pandas as pd

    out = []
    for column in frame.columns:
        series = frame[column]
        values = series.astype(object).where(pd.notna(series), None).tolist()
        if kinds[column] == "int":
            values = [None if v is None else int(v) for v in values]
        elif kinds[column] == "double":
            values = [None if v is None else float(v) for v in values]
        else:
            values = [None if v is None else str(v) for v in values]
        out.append(values)
    return out


class FlowDependencies(AllianceAlgorithm):
    INPUT = "INPUT"
    ID_FIELD = "ID_FIELD"
    FLOWS = "FLOWS"
    ORIGIN_FIELD = "ORIGIN_FIELD"
    DESTINATION_FIELD = "DESTINATION_FIELD"
    VOLUME_FIELD = "VOLUME_FIELD"
    FLOW_TYPE_FIELD = "FLOW_TYPE_FIELD"
    FLOW_TYPES = "FLOW_TYPES"
    DEFAULT_FLOW_TYPE = "DEFAULT_FLOW_TYPE"
    THRESHOLD = "THRESHOLD"
    MIN_VOLUME = "MIN_VOLUME"
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

    REQUIRES = ("numpy", "pandas", "shapely")

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
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Territories"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.ID_FIELD, self.tr("Territory code field"), parentLayerParameterName=self.INPUT))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FLOWS, self.tr("Flows (table, layer or CSV file)"), [QgsProcessing.TypeVector]))
        for key, label in ((self.ORIGIN_FIELD, "Origin code field"),
                           (self.DESTINATION_FIELD, "Destination code field"),
                           (self.VOLUME_FIELD, "Volume field"),
                           (self.FLOW_TYPE_FIELD, "Flow type field")):
            self.addParameter(QgsProcessingParameterField(
                key, self.tr(label) + " " + self.tr("[optional: detected from the names]"),
                parentLayerParameterName=self.FLOWS, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.FLOW_TYPES, self.tr("Flow types to keep, comma-separated [optional: all]"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DEFAULT_FLOW_TYPE, self.tr("Flow type when there is no type field "
                                            "[optional: commuting for INSEE files, else flow]"),
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.THRESHOLD, self.tr("Dependency threshold (% of the outflow to the main partner)"),
            QgsProcessingParameterNumber.Double, 15.0, minValue=0.0, maxValue=100.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_VOLUME, self.tr("Minimum volume of a flow row (smaller rows are ignored)"),
            QgsProcessingParameterNumber.Double, 0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.LINE_MIN_SHARE, self.tr("Lines: minimum share of the origin's outflow (%)"),
            QgsProcessingParameterNumber.Double, 0.0, minValue=0.0, maxValue=100.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.LINE_MIN_VOLUME, self.tr("Lines: minimum volume"),
            QgsProcessingParameterNumber.Double, 0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.LINE_TOP_N, self.tr("Lines: keep the N largest flows of each origin (0 = all)"),
            QgsProcessingParameterNumber.Integer, 0, minValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Territories with dependency indicators"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_LINES, self.tr("Flow lines"), QgsProcessing.TypeVectorLine))
        for key, label in ((self.TOTAL_VOLUME, "Total volume of the flows used"),
                           (self.PAIRS_USED, "Origin-destination pairs used"),
                           (self.UNMATCHED_ROWS, "Flow rows whose codes match no territory"),
                           (self.UNMATCHED_VOLUME, "Volume of the flow rows that match no territory"),
                           (self.LINES_WRITTEN, "Flow lines written")):
            self.addOutput(QgsProcessingOutputNumber(key, self.tr(label)))
        self.addOutput(QgsProcessingOutputString(self.FLOW_TYPES_USED, self.tr("Flow types used")))

    def _field_names(self, parameters, context):
        names = {}
        for role, key in (("origin", self.ORIGIN_FIELD), ("destination", self.DESTINATION_FIELD),
                          ("volume", self.VOLUME_FIELD), ("flow_type", self.FLOW_TYPE_FIELD)):
            names[role] = self.parameterAsString(parameters, key, context).strip() or None
        return names

    def compute(self, parameters, context, feedback):
        from ..alliance_plugin.core import dependencies as dep
        from ..alliance_plugin.core import flow_table as ft
        from ..alliance_plugin.core.geometry import flow_lines, points_by_code

        steps = QgsProcessingMultiStepFeedback(5, feedback)
        territories = self.parameterAsSource(parameters, self.INPUT, context)
        if territories is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        if territories.featureCount() == 0:
            raise QgsProcessingException(self.tr("The territories layer is empty."))
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context)
        threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context) / 100.0

        raw, columns, described = read_flow_input(self, parameters, context, steps,
                                                  names=self._field_names(parameters, context))
        steps.pushInfo(self.tr("Flows: {source}; origin '{o}', destination '{d}', volume '{v}', type '{t}'.")
                       .format(source=described, o=columns.origin, d=columns.destination,
                               v=columns.volume, t=columns.flow_type or "-"))
        default_type = (self.parameterAsString(parameters, self.DEFAULT_FLOW_TYPE, context).strip()
                        or (ft.COMMUTING if columns.insee_commuting else ft.DEFAULT_FLOW_TYPE))
        keep = [t for t in self.parameterAsString(parameters, self.FLOW_TYPES, context).split(",") if t.strip()]
        valid = ft.validate_flows(raw, columns, default_type=default_type, keep_types=keep or None,
                                  min_volume=self.parameterAsDouble(parameters, self.MIN_VOLUME, context))
        del raw
        for warning in valid.warnings:
            steps.pushWarning(warning)
        if valid.rows_below_minimum or valid.rows_of_other_types:
            steps.pushInfo(self.tr("{below} rows below the minimum volume and {other} rows of other "
                                   "flow types were left out.").format(
                                       below=valid.rows_below_minimum, other=valid.rows_of_other_types))

        steps.setCurrentStep(1)
        frame, attributes = read_geometries(territories, [id_field], steps)
        codes = ft.codes_as_text(frame[id_field])
        ids = self._territory_ids(codes, steps)

        steps.setCurrentStep(2)
        flows, unmatched = ft.match_territories(valid.table, ids)
        if unmatched.rows:
            steps.pushWarning(unmatched.message())
        if flows.empty:
            raise QgsProcessingException(self.tr(
                "No flow row matches the territory codes of '{field}' (for example {ids}; the flows "
                "hold {codes}): check the code fields.").format(
                    field=id_field, ids=", ".join(ids[:3]), codes=", ".join(unmatched.codes[:3])))
        indicators, pairs = dep.flow_dependencies(flows, ids, threshold=threshold)
        drawn = dep.select_pairs(
            pairs, min_share=self.parameterAsDouble(parameters, self.LINE_MIN_SHARE, context) / 100.0,
            min_volume=self.parameterAsDouble(parameters, self.LINE_MIN_VOLUME, context),
            top_n=self.parameterAsInt(parameters, self.LINE_TOP_N, context))
        types = valid.flow_types
        indicators["params"] = "alliance:flowdependencies threshold={t:g} min_volume={m:g} types={k}".format(
            t=threshold, m=self.parameterAsDouble(parameters, self.MIN_VOLUME, context), k="|".join(types))

        steps.setCurrentStep(3)
        if steps.isCanceled():
            return {}
        per_feature = indicators.reindex(codes.to_numpy())
        kinds = column_kinds(per_feature.columns)
        fields = QgsProcessingUtils.combineFields(territories.fields(), fields_for(per_feature, kinds))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                          territories.wkbType(), territories.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        write_features(sink, fields, column_values(per_feature, kinds), frame["geometry"].to_numpy(),
                       steps, prefix_attributes=attributes)

        steps.setCurrentStep(4)
        lines = flow_lines(drawn["origin"].to_numpy(), drawn["destination"].to_numpy(),
                           points_by_code(codes.to_numpy(), frame["geometry"].to_numpy()))
        line_kinds = column_kinds(drawn.columns)
        line_fields = fields_for(drawn, line_kinds)
        line_sink, line_dest = self.parameterAsSink(parameters, self.OUTPUT_LINES, context, line_fields,
                                                    QgsWkbTypes.LineString, territories.sourceCrs())
        if line_sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_LINES))
        has_line = lines != None  # noqa: E711 (element-wise)
        if (~has_line).any():
            steps.pushWarning(self.tr("{n} flows have an end without geometry and are not drawn.")
                              .format(n=int((~has_line).sum())))
        write_features(line_sink, line_fields, column_values(drawn[has_line], line_kinds),
                       lines[has_line], steps)

        style_on_load(context, dest, "territories", threshold)
        style_on_load(context, line_dest, "lines", float(drawn["volume"].max()) if len(drawn) else 0.0)
        steps.pushInfo(self.tr("{pairs} pairs, total volume {total:,.0f}; {lines} lines drawn.").format(
            pairs=len(pairs), total=float(flows["value"].sum()), lines=int(has_line.sum())))
        return {self.OUTPUT: dest, self.OUTPUT_LINES: line_dest,
                self.TOTAL_VOLUME: float(flows["value"].sum()), self.PAIRS_USED: len(pairs),
                self.UNMATCHED_ROWS: unmatched.rows, self.UNMATCHED_VOLUME: unmatched.volume,
                self.LINES_WRITTEN: int(has_line.sum()), self.FLOW_TYPES_USED: ",".join(types)}

    def _territory_ids(self, codes, feedback):
        missing = int(codes.isna().sum())
        if missing:
            feedback.pushWarning(self.tr("{n} territories have no code: their indicators are NULL.")
                                 .format(n=missing))
        present = codes.dropna()
        repeated = int(present.duplicated().sum())
        if repeated:
            feedback.pushWarning(self.tr(
                "{n} features repeat a territory code ({codes}): they are treated as parts of one "
                "territory and share its indicators.").format(
                    n=repeated, codes=", ".join(present[present.duplicated()].unique()[:5])))
        ids = present.unique().tolist()
        if not ids:
            raise QgsProcessingException(self.tr("No territory has a code in the chosen field."))
        return ids


HELP = """<p>Reads a layer of territories (polygons with a code field) and an origin-destination table of flows, and computes for each territory, per flow type and in total:</p>
<ul>
<li><b>outflow</b> O<sub>i</sub> and <b>inflow</b> D<sub>i</sub> (both including the internal flow), <b>internal</b> T<sub>ii</sub>;</li>
<li><b>sc_supply</b> = T<sub>ii</sub>/O<sub>i</sub> and <b>sc_demand</b> = T<sub>ii</sub>/D<sub>i</sub> (self-containment), <b>net_balance</b> = D<sub>i</sub> - O<sub>i</sub>;</li>
<li><b>jci</b> = 100 D<sub>i</sub>/O<sub>i</sub>, INSEE's job concentration index, for commuting flows only;</li>
<li><b>main_partner</b> (largest flow to another territory; ties to the smallest code) and <b>main_share</b> of the outflow, <b>hhi</b> the concentration of the flows to other territories, <b>n_partners</b>, <b>n_dependents</b> (territories whose main-partner share to this one reaches the threshold);</li>
<li><b>role</b>, our rule (not an official one): <i>isolated</i> no flow to or from other territories; <i>interdependent</i> depends on its main partner (share at least the threshold) and that partner depends on it in return or others depend on it; <i>dependent</i> depends on its main partner only; <i>pole</i> others depend on it and it depends on none; <i>autonomous</i> otherwise;</li>
<li>with several flow types, the same fields prefixed by the type, and the cross-type coupling (<b>coupled</b> = 1 when one partner ranks first for two types or more, <b>coupled_partner</b>, <b>coupled_types</b>).</li>
</ul>
<p>Undefined ratios (zero denominators) are NULL. The <b>params</b> field records the settings used.</p>
<p><b>Flows</b>: a table or layer loaded in QGIS, or a CSV file (delimiter, UTF-8/BOM/cp1252 and decimal commas detected; codes always read as text, so 01004 keeps its zero). Fields are detected from their names when left empty, including INSEE's commuting files (CODGEO/DCLT/NBFLUX_C20_ACTOCC15P, or COMMUNE/DCLT/IPONDI summed per pair). Rows repeating a pair and type are summed with a warning; missing or negative volumes stop the run and name the rows; codes that match no territory are counted, listed and left out.</p>
<p><b>Flow lines</b> join points inside the territories, one per pair and flow type, with the volume, the share of the origin's outflow and of the destination's inflow, the reverse volume, asymmetry (T<sub>ij</sub>-T<sub>ji</sub>)/(T<sub>ij</sub>+T<sub>ji</sub>), reciprocity min(T<sub>ij</sub>/O<sub>i</sub>, T<sub>ji</sub>/O<sub>j</sub>) and the rank within the origin. The line options keep only the flows worth drawing (a share of 5 % or the 5 largest per origin read well); shares are always computed on all flows.</p>
<p>Territories stored in several features with the same code share one set of indicators; the largest part holds the line ends. Invalid polygons are repaired (make_valid) before points are taken.</p>"""
