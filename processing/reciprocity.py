"""alliance:reciprocity: what each class of territories provides to the others, per flow type (issue 15)."""

from qgis.core import (
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from .flow_inputs import FLOW_HELP, FlowAlgorithm
from ..alliance_plugin.qgis_io import compat

INT_COLUMNS = ("n_types",)
TEXT_COLUMNS = ("class", "class_a", "class_b", "flow_type", "territory", "gives", "receives", "partner_class",
                "types_a_provides", "types_b_provides", "params")


def default_destination_types():
    """The default of PROVIDER_IS_DESTINATION: the commuting types and services, as text (empty when the core's
    libraries are missing: the toolbox lists the algorithm anyway and canExecute says what is missing)."""
    try:
        from ..alliance_plugin.core.resources.reciprocity import PROVIDER_IS_DESTINATION
    except ImportError:
        return ""
    return ", ".join(sorted(PROVIDER_IS_DESTINATION))


class Reciprocity(FlowAlgorithm):
    GROUP = ("resources", "Resources and reciprocity")
    REQUIRES = ("numpy", "pandas", "shapely")

    CLASS_FIELD = "CLASS_FIELD"
    PROVIDER_IS_DESTINATION = "PROVIDER_IS_DESTINATION"
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_PAIRS = "OUTPUT_PAIRS"
    OUTPUT_CONTRIBUTIONS = "OUTPUT_CONTRIBUTIONS"
    OUTPUT_LINES = "OUTPUT_LINES"
    UNMATCHED_ROWS = "UNMATCHED_ROWS"
    ROWS_WITHOUT_CLASS = "ROWS_WITHOUT_CLASS"

    def name(self):
        return "reciprocity"

    def displayName(self):
        return self.tr("Reciprocity between classes of territories")

    def shortDescription(self):
        return self.tr("What each class of territories (urban, peri-urban, rural...) provides to the others, per "
                       "flow type, and a reciprocity index of each pair of classes.")

    def shortHelpString(self):
        return self.tr(HELP)

    def initAlgorithm(self, config=None):
        self.addTerritoryParameters((compat.SourceType.VectorPolygon, compat.SourceType.VectorPoint))
        self.addParameter(QgsProcessingParameterField(
            self.CLASS_FIELD, self.tr("Class field (degree of urbanisation, functional area role...)"),
            parentLayerParameterName=self.INPUT))
        self.addFlowParameters()
        self.addParameter(QgsProcessingParameterString(
            self.PROVIDER_IS_DESTINATION, self.tr("Flow types provided by the destination (comma-separated)"),
            defaultValue=default_destination_types(), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Territories with their contribution"), compat.SourceType.VectorAnyGeometry))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TABLE, self.tr("Reciprocity: class x class x flow type"), compat.SourceType.Vector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_PAIRS, self.tr("Reciprocity of each pair of classes"), compat.SourceType.Vector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CONTRIBUTIONS, self.tr("Contributions per territory and flow type"),
            compat.SourceType.Vector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_LINES, self.tr("Lines between class centroids"), compat.SourceType.VectorLine))
        self.addNumberOutputs({
            self.UNMATCHED_ROWS: self.tr("Flow rows whose codes match no territory"),
            self.ROWS_WITHOUT_CLASS: self.tr("Flow rows with an end without class")})

    def compute(self, parameters, context, feedback):
        import numpy as np
        import pandas as pd
        import shapely

        from ..alliance_plugin.core.geometry import points_by_code
        from ..alliance_plugin.core.resources.reciprocity import class_centroids, class_lines, reciprocity_account

        steps = QgsProcessingMultiStepFeedback(4, feedback)
        class_field = self.parameterAsString(parameters, self.CLASS_FIELD, context)
        inputs = self.readFlowInputs(parameters, context, steps, fields=(class_field,), territory_step=1,
                                     match_step=2)
        per_territory = self.perTerritory(inputs.frame, inputs.codes)
        classes = per_territory[class_field].reindex(inputs.ids)
        types = [t.strip() for t in self.parameterAsString(parameters, self.PROVIDER_IS_DESTINATION,
                                                            context).split(",") if t.strip()]
        result = reciprocity_account(inputs.flows, classes, provider_is_destination=types)
        if result.rows_without_class:
            steps.pushWarning(self.tr("{rows} flow rows have an end whose territory has no class: they are left "
                                      "out.").format(rows=result.rows_without_class))
        steps.pushInfo(self.tr("Flow types read as provided by the destination: {types}; every other type is "
                               "provided by the origin.").format(types=", ".join(result.destination_types) or "-"))
        points = points_by_code(inputs.codes.to_numpy(), inputs.frame["geometry"].to_numpy())
        present = ~shapely.is_missing(points.to_numpy())
        xy = np.full((len(points), 2), np.nan)
        if present.any():
            xy[present] = shapely.get_coordinates(points.to_numpy()[present])
        centroids = class_centroids(pd.DataFrame(xy, columns=["x", "y"], index=points.index), classes)
        rows, lines = class_lines(result.table, centroids)
        params = "alliance:reciprocity class={c} provider_is_destination={d}".format(
            c=class_field, d="|".join(types))

        steps.setCurrentStep(3)
        if steps.isCanceled():
            return {}
        crs = inputs.source.sourceCrs()
        territories = result.territories.assign(params=params)
        dest = self.writeTerritories(parameters, self.OUTPUT, context, inputs.source, inputs.frame,
                                     inputs.attributes, territories.reindex(inputs.codes.to_numpy()), steps,
                                     INT_COLUMNS, TEXT_COLUMNS)
        outputs = {self.OUTPUT: dest}
        for key, table in ((self.OUTPUT_TABLE, result.table), (self.OUTPUT_PAIRS, result.pairs),
                           (self.OUTPUT_CONTRIBUTIONS, result.contributions)):
            outputs[key] = self.writeFrame(parameters, key, context, table, None, compat.WkbType.NoGeometry, None,
                                           steps, INT_COLUMNS, TEXT_COLUMNS)
        drawn = np.array([line is not None for line in lines], dtype=bool)
        outputs[self.OUTPUT_LINES] = self.writeFrame(parameters, self.OUTPUT_LINES, context, rows[drawn]
                                                     .reset_index(drop=True), lines[drawn],
                                                     compat.WkbType.LineString, crs, steps, INT_COLUMNS,
                                                     TEXT_COLUMNS)
        steps.pushInfo(self.tr("{classes} classes, {pairs} pairs of classes exchanging, {types} flow types.").format(
            classes=len(centroids), pairs=len(result.pairs), types=len(inputs.flows.types)))
        outputs.update({self.UNMATCHED_ROWS: inputs.unmatched.rows,
                        self.ROWS_WITHOUT_CLASS: result.rows_without_class})
        return outputs


HELP = """<p>Territories grouped into classes (any class field: the degree of urbanisation of alliance:degurba, the role in a functional urban area or an INSEE attraction area, or your own classes) and flows of several types: what each class provides to the others.</p>
<p><b>Direction of each type</b>: a flow origin -> destination is read as <i>the origin provides to the destination</i> (food, water, energy, materials shipped), except for the types listed as provided by the destination, where people travel to what is provided: commuting (workers go from home to their jobs: the destination provides the jobs) and services (people travel to the service). By default: the commuting types (commuting, navettes, domicile-travail, mobpro, work...), home-work and services; types are compared case aside. Flows inside a class and flows with an end without class are left out (counted).</p>
<p><b>Class x class x type</b> table, for each ordered pair of classes (A, B) and type, each type in its own unit: <b>provided_ab</b> (what A provides to B), <b>provided_ba</b>, <b>balance</b> = provided_ab - provided_ba, <b>share_a</b> = provided_ab / (provided_ab + provided_ba), NULL when both are 0.</p>
<p><b>Pairs of classes</b>: <b>types_a_provides</b> (types with share_a above 0.5), <b>types_b_provides</b> (below 0.5), <b>n_types</b> the types exchanged, and our <b>reciprocity</b> index (not an official one): R = 1 - |2 x mean(share_a) - 1| over the types exchanged. Each type counts once as a share in its own unit, so tonnes and commuters are never added: R = 1 when, on average over the types, each side provides as much as it receives (the rural class gives food, the city gives jobs); R = 0 when one side provides everything of every type.</p>
<p><b>Territories</b> (their own fields kept): <b>class</b>; <b>gives</b> and <b>receives</b>, the types it provides to other classes more than it receives from them, and the reverse; <b>net_contribution</b> = mean over the types it exchanges of (gives - receives) / (gives + receives), from -1 (only receives) to 1 (only gives), NULL without exchange; <b>n_types</b>; <b>partner_class</b>, the class its class exchanges most with (the largest sum over types of its share of the class's exchanges of that type; ties to the first class in text order), and the <b>reciprocity</b> of that pair. The contributions table gives, per territory and type, <b>gives_to_other_classes</b>, <b>receives_from_other_classes</b> and <b>net</b> in the type's unit.</p>
<p><b>Lines</b> between class centroids (the mean of the member territories' inner points), one per ordered pair of classes and type with something provided: <b>class_a</b> provides <b>provided_ab</b> of <b>flow_type</b> to <b>class_b</b>.</p>
""" + FLOW_HELP
