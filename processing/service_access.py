"""alliance:serviceaccess: nearest facility, two-step floating catchment scores and their inequality."""

from qgis.core import QgsProcessingException

from ..alliance_plugin.qgis_io.layers import finite_or_none
from ..alliance_plugin.qgis_io.reading import read_layer
from .parameters import Field, Number, NumberOutput, Sink, Source, declare
from .access_inputs import NETWORK_HELP, PROXY, AccessAlgorithm, as_text, inner_points
from ..alliance_plugin.qgis_io import compat


class ServiceAccess(AccessAlgorithm):
    INT_COLUMNS = ("facilities_in_reach", "groups", "placed", "territories")
    TEXT_COLUMNS = ("facility_id", "nearest_facility", "territory", "class", "indicator", "scope", "method", "params")

    SUPPLY = "SUPPLY"
    SUPPLY_ID_FIELD = "SUPPLY_ID_FIELD"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    CATCHMENT = "CATCHMENT"
    SPEED = "SPEED"
    CLASS_FIELD = "CLASS_FIELD"
    OUTPUT_FACILITIES = "OUTPUT_FACILITIES"
    OUTPUT_INEQUALITY = "OUTPUT_INEQUALITY"
    OUTPUT_CLASSES = "OUTPUT_CLASSES"
    MEAN_DISTANCE = "MEAN_DISTANCE"
    MEAN_SCORE = "MEAN_SCORE"
    GINI = "GINI"
    THEIL = "THEIL"
    CLASS_RATIO = "CLASS_RATIO"
    CLASS_THEIL = "CLASS_THEIL"
    GINI_DISTANCE = "GINI_DISTANCE"
    THEIL_DISTANCE = "THEIL_DISTANCE"
    CLASS_RATIO_DISTANCE = "CLASS_RATIO_DISTANCE"
    UNREACHED = "UNREACHED"

    def name(self):
        return "serviceaccess"

    def displayName(self):
        return self.tr("Access to services and its inequality")

    def shortDescription(self):
        return self.tr("Distance to the nearest school, clinic or market along the streets, two-step floating "
                       "catchment scores, and their inequality between territories and territory classes.")

    def shortHelpString(self):
        return self.tr(HELP) + self.tr(NETWORK_HELP)

    def initAlgorithm(self, config=None):
        declare(self, (
            Source(self.SUPPLY, self.tr("Facilities (schools, clinics, markets...)"),
                   (compat.SourceType.VectorPoint, compat.SourceType.VectorPolygon)),
            Field(self.SUPPLY_ID_FIELD, self.tr("Facility identifier field"), self.SUPPLY, optional=True),
            Field(self.CAPACITY_FIELD, self.tr("Capacity field (places, beds...)"), self.SUPPLY, optional=True,
                  numeric=True),
            *self.populationParameters(self.tr("Demand: population (points, polygons or grid cells)")),
            Number(self.CATCHMENT, self.tr("Catchment distance of the floating catchment (m)"), 1000.0,
                   minimum=0.001),
            Number(self.SPEED, self.tr("Walking speed for times (km/h)"), 4.8, minimum=0.001),
            *self.networkParameters(),
            *self.territoryParameters(),
            Field(self.CLASS_FIELD, self.tr("Territory class field (urban, rural...)"), self.TERRITORIES,
                  optional=True),
            Sink(self.OUTPUT, self.tr("Population with access to services"), compat.SourceType.VectorAnyGeometry),
            Sink(self.OUTPUT_INEQUALITY, self.tr("Inequality of access"), compat.SourceType.Vector),
            Sink(self.OUTPUT_FACILITIES, self.tr("Facilities with their catchment"),
                 compat.SourceType.VectorAnyGeometry, optional=True),
            Sink(self.OUTPUT_TERRITORIES, self.tr("Territories with their access"), compat.SourceType.VectorPolygon,
                 optional=True, create_by_default=False),
            Sink(self.OUTPUT_CLASSES, self.tr("Access per territory class"), compat.SourceType.Vector, optional=True,
                 create_by_default=False),
            NumberOutput(self.MEAN_DISTANCE, self.tr("Mean distance to the nearest facility (m)")),
            NumberOutput(self.MEAN_SCORE, self.tr("Mean floating catchment score (capacity per 1000 inhabitants)")),
            NumberOutput(self.GINI, self.tr("Gini of the score between territories")),
            NumberOutput(self.THEIL, self.tr("Theil of the score between territories")),
            NumberOutput(self.CLASS_RATIO, self.tr("Ratio of the highest to the lowest class mean score")),
            NumberOutput(self.CLASS_THEIL, self.tr("Theil of the score between classes")),
            NumberOutput(self.GINI_DISTANCE, self.tr("Gini of the distance between territories")),
            NumberOutput(self.THEIL_DISTANCE, self.tr("Theil of the distance between territories")),
            NumberOutput(self.CLASS_RATIO_DISTANCE, self.tr("Ratio of the highest to the lowest class mean distance")),
            NumberOutput(self.UNREACHED, self.tr("Population with no facility reachable")),
            self.methodOutput(),
        ))

    def _facilities(self, parameters, context, crs, feedback):
        import numpy as np
        import pandas as pd
        import shapely

        source = self.parameterAsSource(parameters, self.SUPPLY, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SUPPLY))
        id_field = self.parameterAsString(parameters, self.SUPPLY_ID_FIELD, context)
        capacity_field = self.parameterAsString(parameters, self.CAPACITY_FIELD, context)
        names = list(dict.fromkeys(f for f in (id_field, capacity_field) if f))
        frame = read_layer(source, names, feedback, crs=crs, context=context).frame
        xy = inner_points(frame["geometry"].to_numpy())
        ids = as_text(frame[id_field] if id_field else frame.index)
        capacity = pd.to_numeric(frame[capacity_field], errors="coerce").to_numpy(dtype=float) if capacity_field \
            else np.ones(len(frame))
        bad = ~np.isfinite(capacity)
        if bad.any():
            feedback.pushWarning(self.tr("{n} facilities have no capacity in '{field}': they count 0.").format(
                n=int(bad.sum()), field=capacity_field))
            capacity = np.nan_to_num(capacity, nan=0.0)
        if (capacity < 0).any():
            raise QgsProcessingException(self.tr("{n} facilities have a negative capacity in '{field}'.").format(
                n=int((capacity < 0).sum()), field=capacity_field))
        placed = np.isfinite(xy).all(axis=1)
        if not placed.all():
            feedback.pushWarning(self.tr("{n} facilities have no geometry: they are left out.").format(
                n=int((~placed).sum())))
        if not placed.any():
            raise QgsProcessingException(self.tr("The facilities layer has no facility with a geometry."))
        table = pd.DataFrame({"facility_id": ids[placed],
                              "capacity": capacity[placed]})
        return table, xy[placed], shapely.points(xy[placed])

    def compute(self, parameters, context, feedback):
        from ..alliance_plugin.core import services
        from ..alliance_plugin.core.progress import within

        steps, source, crs = self.startRun(parameters, context, feedback)
        facilities, supply_xy, supply_points = self._facilities(parameters, context, crs, steps)
        population = self.readPopulation(parameters, context, crs, steps, output=self.OUTPUT)
        radius = self.parameterAsDouble(parameters, self.CATCHMENT, context)
        speed = self.parameterAsDouble(parameters, self.SPEED, context)
        snap = self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context)

        steps.setCurrentStep(1)
        net = self.readNetwork(parameters, context, crs, steps, within(steps.setProgress, 0, 20))
        if steps.isCanceled():
            return {}
        method = PROXY if net is None else "network"
        placed = services.place(net, population.xy, supply_xy, snap_tolerance=snap,  # snapped once for both
                                progress=within(steps.setProgress, 20, 90), is_canceled=steps.isCanceled)
        if steps.isCanceled():
            return {}
        nearest = services.nearest_facility(net, population.xy, supply_xy, snap_tolerance=snap, placed=placed,
                                            progress=within(steps.setProgress, 90, 100), is_canceled=steps.isCanceled)
        if nearest is None:
            return {}
        if net is not None:
            self._reportSnapping(nearest.attrs, population, steps)
        if steps.isCanceled():
            return {}
        steps.setCurrentStep(2)
        pairs = services.catchment_pairs(net, population.xy, supply_xy, radius, snap_tolerance=snap, placed=placed,
                                         progress=steps.setProgress, is_canceled=steps.isCanceled)
        if pairs is None:
            return {}
        per_facility, per_point = services.floating_catchment(pairs, population.values, facilities["capacity"])
        if steps.isCanceled():
            return {}

        steps.setCurrentStep(3)
        territories, territory, classes = self.locateInTerritories(
            parameters, context, crs, steps, population.xy,
            self.parameterAsString(parameters, self.CLASS_FIELD, context) or None)
        per_demand = services.per_demand(nearest, per_point, facilities["facility_id"], speed,
                                         index=population.frame.index)
        summary = services.summarise(per_demand["score_per_1000"], per_demand["distance_m"], population.values,
                                     territory, classes)
        if summary.unreached:
            steps.pushWarning(self.tr("{pop:,.0f} people reach no facility (not placed on the network, or on a part "
                                      "without facilities): their distance is NULL and left out of the mean "
                                      "distance; their score is 0.").format(pop=summary.unreached))
        params = self.runParams(method, f"catchment={radius:g} speed_kmh={speed:g}", net, snap, crs)
        inequality = summary.table.assign(method=method, params=params)
        self._reportInequality(inequality, summary, steps)

        steps.setCurrentStep(4)
        if territory is not None:
            per_demand["territory"] = territory
        if classes is not None:
            per_demand["class"] = classes
        per_demand["method"], per_demand["params"] = method, params
        outputs = {self.OUTPUT: self.writePopulation(parameters, self.OUTPUT, context, population, per_demand,
                                                      self.tr("Population with access to services"), steps),
                   self.OUTPUT_INEQUALITY: self.writeTable(parameters, self.OUTPUT_INEQUALITY, context, inequality,
                                                           steps)}
        if parameters.get(self.OUTPUT_FACILITIES):
            table = facilities.assign(**services.facility_fields(per_facility), method=method, params=params)
            outputs[self.OUTPUT_FACILITIES] = self.writeFrame(parameters, self.OUTPUT_FACILITIES, context, table,
                                                              supply_points, compat.WkbType.Point, crs, steps,
                                                              self.INT_COLUMNS, self.TEXT_COLUMNS,
                                                              output_crs=source.sourceCrs())
        if territories is not None and parameters.get(self.OUTPUT_TERRITORIES):
            per = summary.territory_means(territories.frame["code"], index=territories.frame.index).assign(
                method=method, params=params)
            outputs[self.OUTPUT_TERRITORIES] = self.writeTerritoryTable(parameters, context, territories, per, steps)
        if classes is not None and parameters.get(self.OUTPUT_CLASSES):
            outputs[self.OUTPUT_CLASSES] = self.writeTable(parameters, self.OUTPUT_CLASSES, context,
                                                           summary.class_table().assign(method=method, params=params),
                                                           steps)
        outputs.update(self._numbers(summary, method))
        return outputs

    def _numbers(self, summary, method):
        """The numeric outputs: the means, and each inequality the value of its row of the table, never another."""
        number = summary.value
        return {self.MEAN_DISTANCE: finite_or_none(summary.mean_distance),
                self.MEAN_SCORE: finite_or_none(summary.mean_score),
                self.GINI: finite_or_none(number("score", "territories", "gini")),
                self.THEIL: finite_or_none(number("score", "territories", "theil")),
                self.CLASS_RATIO: finite_or_none(number("score", "classes", "ratio")),
                self.CLASS_THEIL: finite_or_none(number("score", "classes", "theil")),
                self.GINI_DISTANCE: finite_or_none(number("distance", "territories", "gini")),
                self.THEIL_DISTANCE: finite_or_none(number("distance", "territories", "theil")),
                self.CLASS_RATIO_DISTANCE: finite_or_none(number("distance", "classes", "ratio")),
                self.UNREACHED: summary.unreached, self.METHOD: method}

    def _reportSnapping(self, attrs, population, feedback):
        self.reportSnapping(attrs, population, feedback, self.tr("facility"))
        if attrs.get("unsnapped_facilities"):
            feedback.pushWarning(self.tr("{n} facilities are farther than the snap tolerance from any street: "
                                         "nobody reaches them.").format(n=attrs["unsnapped_facilities"]))

    def _reportInequality(self, inequality, summary, feedback):
        """Each row of the inequality table in the log, and why the inequality between territories is empty."""
        from ..alliance_plugin.core import services

        for row in inequality.itertuples():
            feedback.pushInfo(self.tr("Inequality of the {indicator} across {scope}: Gini {gini}, Theil {theil}, "
                                      "ratio {ratio}.").format(indicator=row.indicator, scope=row.scope,
                                                               gini=_fmt(row.gini), theil=_fmt(row.theil),
                                                               ratio=_fmt(row.ratio)))
        gap = summary.territory_gap()  # never an empty output without a reason
        if gap == services.NO_GROUP:
            feedback.pushWarning(self.tr("No population feature lies in a territory: the Gini and Theil between "
                                         "territories are empty. Check that the territories cover the population."))
        elif gap == services.ONE_GROUP:
            feedback.pushWarning(self.tr("All the population lies in one territory: the Gini and Theil between "
                                         "territories are 0, there is nothing to compare."))
        elif gap == services.NOTHING_IN_REACH:
            feedback.pushWarning(self.tr("Nobody in the territories has a facility within the catchment distance: "
                                         "every territory scores 0, so the Gini and Theil of the score are "
                                         "undefined and left empty. Raise the catchment distance."))


def _fmt(value):
    import math

    return "-" if value is None or not math.isfinite(value) else f"{value:.3f}"


HELP = """<p>Access to services (recommendation 7, feeding 1 and 3): how far people live from schools, clinics or markets, how much capacity each can count on, and how unequal that is between territories and between urban, peri-urban and rural areas.</p>
<p><b>Nearest facility</b>: the walking distance along the street network (or the straight line) from every demand feature to the nearest facility, and the time at the walking speed. NULL when no facility can be reached.</p>
<p><b>Two-step floating catchment area</b> (Luo and Wang 2003): each facility's ratio is its capacity over the population within the catchment distance, <i>R_j = S_j / sum P_k</i>; each person's score is the sum of the ratios of the facilities within that distance, <i>A_i = sum R_j</i>, written per 1000 inhabitants. Facilities with nobody within reach have a NULL ratio; people with no facility within reach score 0. Capacity is a field (places, beds, staff) or 1 per facility.</p>
<p><b>Inequality</b>: with territories, the population-weighted mean score and mean distance of each territory (<i>service_score_per_1000</i> and <i>service_distance_m</i>, read by the recommendations scorecard), and their population-weighted Gini coefficient and Theil index between territories; with a class field (for example the class of alliance:degurba's local units or the role of alliance:functionalareas), the mean per class, the ratio of the highest to the lowest class mean (NULL when the lowest is 0) and the Theil index between classes (the between-class part of the total Theil). The whole area's Gini and Theil of the score between people are given too. All are numeric outputs, so a model can use them.</p>"""
