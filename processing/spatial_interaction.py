"""alliance:spatialinteraction: gravity models fitted as Poisson GLMs, with flow lines of residuals."""

from qgis.core import QgsProcessingMultiStepFeedback

from .flow_inputs import FLOW_HELP, FlowAlgorithm
from .parameters import Choice, Field, NumberOutput, Sink, StringOutput, Switch, declare
from .styling import style_on_load
from ..alliance_plugin.qgis_io import compat

TEXT_COLUMNS = ("origin", "destination", "parameter", "symbol", "regressor", "params")
FAMILIES = ("unconstrained", "production", "attraction", "doubly")
FAMILY_LABELS = ("Unconstrained", "Production-constrained", "Attraction-constrained", "Doubly-constrained")
DECAYS = ("power", "exponential")


class SpatialInteraction(FlowAlgorithm):
    FAMILY = "FAMILY"
    DECAY = "DECAY"
    DISTANCE_FIELD = "DISTANCE_FIELD"
    ORIGIN_MASS_FIELD = "ORIGIN_MASS_FIELD"
    DESTINATION_MASS_FIELD = "DESTINATION_MASS_FIELD"
    INTRAZONAL = "INTRAZONAL"
    OUTPUT_LINES = "OUTPUT_LINES"
    OUTPUT_PARAMETERS = "OUTPUT_PARAMETERS"
    BETA = "BETA"
    PSEUDO_R2 = "PSEUDO_R2"
    SRMSE = "SRMSE"
    SSI = "SSI"
    AIC = "AIC"
    SUMMARY = "SUMMARY"

    REQUIRES = ("numpy", "pandas", "shapely", "scipy")

    def name(self):
        return "spatialinteraction"

    def displayName(self):
        return self.tr("Spatial interaction model (gravity)")

    def shortDescription(self):
        return self.tr("Unconstrained, production-, attraction- or doubly-constrained gravity models with power "
                       "or exponential distance decay, fitted as Poisson GLMs.")

    def shortHelpString(self):
        return self.tr(HELP)

    def initAlgorithm(self, config=None):
        declare(self, (
            *self.territoryParameters(),
            *self.flowParameters(),
            Choice(self.FAMILY, self.tr("Model"), tuple(self.tr(f) for f in FAMILY_LABELS), 3),
            Choice(self.DECAY, self.tr("Distance decay"), (self.tr("Power (log distance)"),
                                                           self.tr("Exponential (distance)")), 0),
            Field(self.DISTANCE_FIELD, self.tr("Distance field of the flows (km)"), self.FLOWS, optional=True,
                  numeric=True),
            Field(self.ORIGIN_MASS_FIELD, self.tr("Origin mass field (default: outflow)"), self.INPUT,
                  optional=True, numeric=True),
            Field(self.DESTINATION_MASS_FIELD, self.tr("Destination mass field (default: inflow)"), self.INPUT,
                  optional=True, numeric=True),
            Switch(self.INTRAZONAL, self.tr("Model the flows inside a territory too"), False),
            Sink(self.OUTPUT_LINES, self.tr("Flow lines: observed, expected, residual"), compat.SourceType.VectorLine),
            Sink(self.OUTPUT_PARAMETERS, self.tr("Model parameters"), compat.SourceType.Vector),
            *(NumberOutput(key, self.tr(label)) for key, label in (
                (self.BETA, "Distance-decay parameter beta"), (self.PSEUDO_R2, "Pseudo R2 (McFadden)"),
                (self.SRMSE, "SRMSE"), (self.SSI, "Sorensen similarity index"), (self.AIC, "AIC"))),
            StringOutput(self.SUMMARY, self.tr("Summary of the fit")),
        ))

    def compute(self, parameters, context, feedback):
        from ..alliance_plugin.core.interaction import family_masses, fit_gravity, sum_flow_types

        steps = QgsProcessingMultiStepFeedback(3, feedback)
        family = FAMILIES[self.parameterAsEnum(parameters, self.FAMILY, context)]
        decay = DECAYS[self.parameterAsEnum(parameters, self.DECAY, context)]
        distance_field = self.parameterAsString(parameters, self.DISTANCE_FIELD, context)
        mass_fields = [self.parameterAsString(parameters, key, context)
                       for key in (self.ORIGIN_MASS_FIELD, self.DESTINATION_MASS_FIELD)]
        valid = self.readFlows(parameters, context, steps, extra=[distance_field] if distance_field else [])
        source, frame, attributes, codes, ids = self.readTerritories(parameters, context, steps, mass_fields)
        flows, unmatched = self.matchFlows(valid, ids, steps, self.parameterAsString(parameters, self.ID_FIELD, context))
        types = flows["flow_type"].unique()
        if len(types) > 1:
            steps.pushInfo(self.tr("Flow types {types} are summed.").format(types=", ".join(map(str, types))))
        flows, unit = self._distances(flows, distance_field, codes, frame, source, steps)
        if len(types) > 1:  # one row per pair, flow type "total": what fit_gravity takes
            flows = sum_flow_types(flows)
        by_code = self.perTerritory(frame, codes)
        given = [by_code[field] if field else None for field in mass_fields]

        steps.setCurrentStep(1)
        # Constrained models replace a side's mass by fixed effects.
        origin_mass, destination_mass = family_masses(flows, family, origin=given[0], destination=given[1])
        fit = fit_gravity(flows, family=family, decay=decay, origin_mass=origin_mass,
                          destination_mass=destination_mass,
                          intrazonal=self.parameterAsBoolean(parameters, self.INTRAZONAL, context),
                          progress=steps.setProgress, is_canceled=steps.isCanceled)
        if fit is None:
            return {}
        for warning in fit.warnings:
            steps.pushWarning(warning)
        params = "alliance:spatialinteraction family={f} decay={d} distance={u} masses={m}".format(
            f=family, d=decay, u=unit, m="/".join(f or "totals" for f in mass_fields))

        steps.setCurrentStep(2)
        lines_dest, _ = self.writeFlowLines(parameters, self.OUTPUT_LINES, context, fit.pairs, codes, frame,
                                            source.sourceCrs(), steps, text_columns=TEXT_COLUMNS)
        style_on_load(context, lines_dest, "lines", float(fit.pairs["observed"].max()) if len(fit.pairs) else 0.0)
        params_dest = self.writeFrame(parameters, self.OUTPUT_PARAMETERS, context,
                                      fit.params.reset_index().assign(params=params), None,
                                      compat.WkbType.NoGeometry, source.sourceCrs(), steps, text_columns=TEXT_COLUMNS)
        stats = fit.stats
        summary = self.tr("{family} model, {decay} decay: beta = {beta:.4f}, pseudo R2 = {r2:.3f}, SRMSE = {srmse:.3f}, "
                          "SSI = {ssi:.3f}, {n} pairs.").format(
                              family=family, decay=decay, beta=fit.beta if fit.beta is not None else float("nan"),
                              r2=stats["pseudo_r2"], srmse=stats["srmse"], ssi=stats["ssi"], n=len(fit.pairs))
        steps.pushInfo(summary)
        return {self.OUTPUT_LINES: lines_dest, self.OUTPUT_PARAMETERS: params_dest, self.BETA: fit.beta,
                self.PSEUDO_R2: stats["pseudo_r2"], self.SRMSE: stats["srmse"], self.SSI: stats["ssi"],
                self.AIC: stats["aic"], self.SUMMARY: summary}

    def _distances(self, flows, distance_field, codes, frame, source, feedback):
        """The flows with a ``distance`` column, and its unit: the field given, or km between points."""
        from ..alliance_plugin.core.geometry import points_by_code
        from ..alliance_plugin.core.interaction import pair_distances

        if distance_field:
            return flows.rename(columns={distance_field: "distance"}), distance_field
        geographic = source.sourceCrs().isGeographic()
        points = points_by_code(codes.to_numpy(), frame["geometry"].to_numpy())
        flows = flows.assign(distance=pair_distances(flows["origin"].to_numpy(), flows["destination"].to_numpy(),
                                                     points, geographic=geographic, unit="km"))
        feedback.pushInfo(self.tr("Distances in km between points inside the territories ({how}).").format(
            how=self.tr("on the WGS84 ellipsoid") if geographic else self.tr("planar, in the layer's CRS")))
        return flows, "km"


HELP = """<p>Fits a spatial interaction (gravity) model to the flows by Poisson maximum likelihood (recommendations 2 and 3):</p>
<ul><li><b>Unconstrained</b>: log T<sub>ij</sub> = k + &mu; log V<sub>i</sub> + &alpha; log W<sub>j</sub> + &beta; f(d<sub>ij</sub>);</li>
<li><b>production-constrained</b>: origin effects instead of V<sub>i</sub> (the fitted flows keep each origin's total);</li>
<li><b>attraction-constrained</b>: destination effects instead of W<sub>j</sub>;</li>
<li><b>doubly-constrained</b>: both (the fitted flows keep the origin and destination totals).</li></ul>
<p>f(d) = log d (power decay) or d (exponential decay). Distances come from a field of the flows, or are computed between points inside the territories, in km (on the WGS84 ellipsoid for a geographic CRS, never in degrees). Masses V<sub>i</sub> and W<sub>j</sub> come from fields of the territories (population, jobs) or default to each territory's outflow and inflow. Only the listed pairs are modelled (a pair absent from the table is not a zero flow); flows inside a territory are left out unless asked for. The parametrisation follows PySAL's spint, whose published results on the Austrian migration data these estimates reproduce.</p>
<p>Outputs: the parameters with standard errors (inverse Fisher information; with overdispersed flows they are too small), z and p-values; the flow lines with observed, expected, residual and Pearson residual; pseudo R2 (McFadden), SRMSE, Sorensen similarity index and AIC as numbers, and a one-line summary.</p>
""" + FLOW_HELP
