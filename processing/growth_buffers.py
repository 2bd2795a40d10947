"""alliance:growthbuffers: dissolved distance rings around the built-up, and the prospective growth buffer."""

import re

from qgis.core import (
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
)

from .parameters import Field, Number, NumberOutput, Sink, Source, Switch, Text, declare
from .growth_inputs import RING_COLOURS, GrowthAlgorithm, categories_on_load
from ..alliance_plugin.qgis_io import compat
from ..alliance_plugin.toolbelt.i18n import tr

INT_COLUMNS = ("band", "iterations")
TEXT_COLUMNS = ("label", "role", "note", "params")
_DISTANCE = re.compile(r"^\s*(\d+(?:\.\d*)?|\.\d+)\s*(km|m)?\s*$", re.IGNORECASE)
PROSPECTIVE_LABEL = "prospective growth"


def ring_labels():
    """The default ring labels of the core (English) in the user's language."""
    return {"urban core": tr("urban core"), "inner peri-urban": tr("inner peri-urban"),
            "outer peri-urban": tr("outer peri-urban"), "rural": tr("rural")}


def parse_distances(text):
    """``"500, 1000, 2 km"`` -> [500.0, 1000.0, 2000.0] (metres; ``,`` or ``;`` between them).

    Raises ValueError naming the first item that is not a distance.
    """
    distances = []
    for item in re.split(r"[;,]", text or ""):
        if not item.strip():
            continue
        match = _DISTANCE.match(item)
        if match is None:
            raise ValueError(item.strip())
        distances.append(float(match.group(1)) * (1000.0 if (match.group(2) or "").lower() == "km" else 1.0))
    return distances


class GrowthBuffers(GrowthAlgorithm):
    INPUT = "INPUT"
    DISTANCES = "DISTANCES"
    LABELS = "LABELS"
    INCLUDE_CORES = "INCLUDE_CORES"
    SEGMENTS = "SEGMENTS"
    POPULATION_FIELD = "POPULATION_FIELD"
    POPULATION = "POPULATION"
    GROWTH_RATE = "GROWTH_RATE"
    HORIZON = "HORIZON"
    DENSITY = "DENSITY"
    TARGET_AREA = "TARGET_AREA"
    OUTPUT = "OUTPUT"
    OUTPUT_PROSPECTIVE = "OUTPUT_PROSPECTIVE"
    PROSPECTIVE_DISTANCE = "PROSPECTIVE_DISTANCE"

    def name(self):
        return "growthbuffers"

    def displayName(self):
        return self.tr("Growth buffers and peri-urban rings")

    def shortDescription(self):
        return self.tr("Dissolved, non-overlapping distance rings around the built-up (urban core, inner and outer "
                       "peri-urban, rural), and the band that would hold a projected population.")

    def shortHelpString(self):
        return self.tr(HELP)

    def initAlgorithm(self, config=None):
        declare(self, (
            Source(self.INPUT, self.tr("Built-up or urban cores"), (compat.SourceType.VectorPolygon,)),
            Text(self.DISTANCES, self.tr("Outer distances of the rings (m or km)"), "500, 1000, 2000, 5000"),
            Text(self.LABELS, self.tr("Labels: the cores, then one per ring (;)"), optional=True),
            Switch(self.INCLUDE_CORES, self.tr("Include the cores themselves (band 0)"), True),
            Number(self.SEGMENTS, self.tr("Buffer segments per quarter circle"), 8, minimum=1, maximum=100,
                   integer=True),
            Field(self.POPULATION_FIELD, self.tr("Prospective buffer: population field"), self.INPUT, optional=True,
                  numeric=True),
            Number(self.POPULATION, self.tr("Prospective buffer: current population"), minimum=0.0, optional=True),
            Number(self.GROWTH_RATE, self.tr("Prospective buffer: growth rate (% a year)"), 1.0, minimum=-99.9),
            Number(self.HORIZON, self.tr("Prospective buffer: horizon (years)"), 10.0, minimum=0.0),
            Number(self.DENSITY, self.tr("Prospective buffer: density (inh./km2)"), minimum=0.0, optional=True),
            Number(self.TARGET_AREA, self.tr("Prospective buffer: target area (ha)"), minimum=0.0, optional=True),
            Sink(self.OUTPUT, self.tr("Growth rings"), compat.SourceType.VectorPolygon),
            Sink(self.OUTPUT_PROSPECTIVE, self.tr("Prospective growth buffer"), compat.SourceType.VectorPolygon,
                 optional=True, create_by_default=False),
            NumberOutput(self.PROSPECTIVE_DISTANCE, self.tr("Width of the prospective buffer (m)")),
        ))

    def compute(self, parameters, context, feedback):
        from ..alliance_plugin.core.growth.rings import growth_rings

        steps = QgsProcessingMultiStepFeedback(3, feedback)
        source = self.sourceOf(parameters, self.INPUT, context, self.tr("The built-up layer"))
        try:
            distances = parse_distances(self.parameterAsString(parameters, self.DISTANCES, context))
        except ValueError as error:
            raise QgsProcessingException(self.tr(
                "'{item}' is not a distance: give metres separated by commas, for example 500, 1000, 2000, 5000 "
                "(or 2 km).").format(item=str(error))) from error
        if not distances:
            raise QgsProcessingException(self.tr("Give at least one distance, for example 500, 1000, 2000, 5000."))
        labels_text = self.parameterAsString(parameters, self.LABELS, context)
        labels = [label.strip() for label in labels_text.split(";")] if labels_text.strip() else None
        prospective = self._prospective_inputs(parameters, context)
        crs = self.metricCrs(source, steps)
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        frame = self.readPolygons(source, crs, context, steps, [population_field] if population_field else []).frame
        segments = self.parameterAsInt(parameters, self.SEGMENTS, context)

        steps.setCurrentStep(1)
        rings = growth_rings(frame["geometry"].to_numpy(), distances, labels=labels, quad_segs=segments)
        if labels is None:  # the default labels in the user's language; the role stays a code
            rings["label"] = rings["label"].map(ring_labels()).fillna(rings["label"])
        params = "alliance:growthbuffers distances={d} segments={s} crs={crs}".format(
            d="/".join(f"{d:g}" for d in distances), s=segments, crs=crs.authid() or "laea")
        if not self.parameterAsBoolean(parameters, self.INCLUDE_CORES, context):
            rings = rings.drop(index=0)
        table = rings.drop(columns="geometry").reset_index().assign(params=params)
        dest = self.writeFrame(parameters, self.OUTPUT, context, table, rings["geometry"].to_numpy(),
                               compat.WkbType.MultiPolygon, crs, steps, INT_COLUMNS, TEXT_COLUMNS,
                               output_crs=source.sourceCrs())
        categories_on_load(context, dest, "label", dict(zip(dict.fromkeys(rings["label"]), RING_COLOURS)))
        steps.pushInfo(self.tr("{n} rings out to {d:g} m.").format(n=len(distances), d=distances[-1]))
        outputs = {self.OUTPUT: dest}

        steps.setCurrentStep(2)
        if not parameters.get(self.OUTPUT_PROSPECTIVE):
            if prospective["population"] is not None or prospective["target"] is not None or population_field:
                steps.pushInfo(self.tr("The prospective buffer is not computed: its output is skipped."))
            return outputs
        if population_field:
            import pandas as pd

            prospective["population"] = float(pd.to_numeric(frame[population_field], errors="coerce").sum())
            steps.pushInfo(self.tr("Current population: {pop:,.0f} (sum of '{field}').").format(
                pop=prospective["population"], field=population_field))
        outputs.update(self._prospective(parameters, context, frame, prospective, segments, params, crs,
                                         source.sourceCrs(), steps))
        return outputs

    def _prospective(self, parameters, context, frame, prospective, segments, params, crs, output_crs, feedback):
        """The prospective buffer written, and its width."""
        from ..alliance_plugin.core.growth.rings import prospective_buffer

        if prospective["population"] is None and prospective["target"] is None:
            raise QgsProcessingException(self.tr(
                "The prospective buffer needs the current population (a field or a value) or a target area."))
        band = prospective_buffer(
            frame["geometry"].to_numpy(), prospective["population"], prospective["rate"], prospective["horizon"],
            density=prospective["density"], target_area=prospective["target"], quad_segs=segments)
        row = band.iloc[0]
        if row["note"]:
            feedback.pushWarning(row["note"])
        feedback.pushInfo(self.tr("Prospective buffer: {area:,.0f} m2 of land demand, a band of {d:,.1f} m.").format(
            area=row["land_demand"], d=row["distance"]))
        table = band.drop(columns="geometry")
        table.insert(0, "label", PROSPECTIVE_LABEL)
        table["params"] = params + " growth_rate_pct={r:g} horizon={h:g} density={dn} target_area_ha={t}".format(
            r=100 * prospective["rate"], h=prospective["horizon"],
            dn="observed" if prospective["density"] is None else f"{prospective['density']:g}",
            t="-" if prospective["target"] is None else f"{prospective['target'] / 1e4:g}")
        dest = self.writeFrame(parameters, self.OUTPUT_PROSPECTIVE, context, table, band["geometry"].to_numpy(),
                               compat.WkbType.MultiPolygon, crs, feedback, INT_COLUMNS, TEXT_COLUMNS,
                               output_crs=output_crs)
        return {self.OUTPUT_PROSPECTIVE: dest, self.PROSPECTIVE_DISTANCE: float(row["distance"])}

    def _prospective_inputs(self, parameters, context):
        population = self.optionalNumber(parameters, self.POPULATION, context)
        target = self.optionalNumber(parameters, self.TARGET_AREA, context)
        if population is not None and self.parameterAsString(parameters, self.POPULATION_FIELD, context):
            raise QgsProcessingException(self.tr("Give the current population as a field or as a value, not both."))
        density = self.optionalNumber(parameters, self.DENSITY, context)
        return {"population": population, "target": None if target is None else target * 1e4,
                "rate": self.parameterAsDouble(parameters, self.GROWTH_RATE, context) / 100.0,
                "horizon": self.parameterAsDouble(parameters, self.HORIZON, context),
                "density": density if density else None}


HELP = """<p>Growth fronts drawn from the data rather than by hand (recommendations 1 and 5); both outputs can be given directly to the land-tenure overlay (as growth fronts: only the peri-urban rings count by default, see <i>role</i>; or as zoning with the class field <i>label</i> or <i>role</i>).</p>
<p><b>Rings</b>: the built-up (or urban cores) is dissolved; ring k lies between the previous distance and distance k, so rings never overlap and each is dissolved. Default labels: <i>urban core</i> (band 0, the cores themselves), <i>inner peri-urban</i> (the first ring), <i>outer peri-urban</i> (the rings between), <i>rural</i> (the last ring, with 3 rings or more); or your own, separated by ';'. The default labels are written in your language; the field <i>role</i> holds a code whatever the language and the labels: <i>urban_core</i> (band 0), <i>rural</i> (the last ring, with 3 rings or more), <i>peri_urban</i> (the others); the land-tenure overlay takes only the peri_urban rings as growth fronts unless told otherwise. Each ring has its band number, label, role, inner and outer distance (m) and area (m2). Buffers are round, with the given segments per quarter circle (QGIS's native buffer uses 5).</p>
<p><b>Prospective buffer</b> (an optional output): the band around the urban edge that would hold the land demand of a projected population. The population in <i>horizon</i> years is <i>P x (1 + r)^years</i> (compound annual rate r); the land demand is the added population at the density given, or at the observed density (population over the dissolved urban area); or give the target area directly. The band's width is found by bisection on its area; open land inside the urban area narrower than twice the width counts as available. Its fields: distance (m), land_demand, band_area and urban_area (m2), current, projected and added population, density (inhabitants per km2) and a note when the demand is nil or the search stopped early.</p>
<p>Distances are in metres: a geographic CRS, one in feet or Web Mercator is replaced by a Lambert azimuthal equal-area projection centred on the data (the log says so), where distances and areas are computed; the outputs are written in the input's CRS. The params field records the options.</p>"""
