"""alliance:landconsumption: SDG 11.3.1 per territory from built-up polygons and populations at two dates."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
)

from .parameters import Band, Choice, Field, Number, NumberOutput, Raster, Sink, Source, Switch, declare
from .growth_inputs import BUILT_UP_HELP, GrowthAlgorithm, categories_on_load
from ..alliance_plugin.qgis_io import compat

INT_COLUMNS = ("code", "cells", "in_extent")
TEXT_COLUMNS = ("flag", "explanation", "class", "params")
UNITS = ("km2", "ha", "m2")
FLAG_COLOURS = {"ok": "#1a9850", "stagnating": "#fee08b", "declining": "#d73027", "no_built_up": "#bdbdbd",
                "no_population": "#bdbdbd", "missing": "#f0f0f0"}
EXTENT_COLOURS = {"urban built-up": "#67000d", "suburban built-up": "#ef3b2c", "fringe open space": "#fcbba1",
                  "captured open space": "#c7e9c0", "rural built-up": "#737373"}


class LandConsumption(GrowthAlgorithm):
    INPUT = "INPUT"
    ID_FIELD = "ID_FIELD"
    POP_T0_FIELD = "POP_T0_FIELD"
    POP_T1_FIELD = "POP_T1_FIELD"
    YEAR_T0 = "YEAR_T0"
    YEAR_T1 = "YEAR_T1"
    STAGNATION = "STAGNATION"
    AREA_UNIT = "AREA_UNIT"
    URBAN_EXTENT = "URBAN_EXTENT"
    EXTENT_CELL = "EXTENT_CELL"
    EXTENT_RADIUS = "EXTENT_RADIUS"
    EXTENT_MIN_COVER = "EXTENT_MIN_COVER"
    EXTENT_FRINGE = "EXTENT_FRINGE"
    CAPTURED_MAX_AREA = "CAPTURED_MAX_AREA"
    OUTPUT = "OUTPUT"
    OUTPUT_EXTENT = "OUTPUT_EXTENT"
    EXTENT_RASTER = "EXTENT_RASTER"
    EXTENT_BAND = "EXTENT_BAND"
    FLAGGED = "FLAGGED"

    def name(self):
        return "landconsumption"

    def displayName(self):
        return self.tr("Land consumption (SDG 11.3.1)")

    def shortDescription(self):
        return self.tr("Land consumption rate, population growth rate, their ratio and built-up area per capita "
                       "per territory, with a flag where the ratio means nothing; UN-Habitat urban extent.")

    def shortHelpString(self):
        return self.tr(HELP) + self.tr(BUILT_UP_HELP)

    def initAlgorithm(self, config=None):
        declare(self, (
            Source(self.INPUT, self.tr("Territories"), (compat.SourceType.VectorPolygon,)),
            Field(self.ID_FIELD, self.tr("Territory code or name field"), self.INPUT, optional=True),
            *(Field(key, self.tr(label), self.INPUT, numeric=True) for key, label in (
                (self.POP_T0_FIELD, "Population at the first date"),
                (self.POP_T1_FIELD, "Population at the second date"))),
            Number(self.YEAR_T0, self.tr("Year of the first date"), 2015, integer=True),
            Number(self.YEAR_T1, self.tr("Year of the second date"), 2020, integer=True),
            *self.builtUpParameters(),
            Number(self.STAGNATION, self.tr("Stagnation below (% a year, either way)"), 0.1, minimum=0.0),
            Choice(self.AREA_UNIT, self.tr("Unit of the built-up areas"), UNITS, 0),
            Switch(self.URBAN_EXTENT, self.tr("Also compute the UN-Habitat urban extent classes"), False),
            Raster(self.EXTENT_RASTER, self.tr("Urban extent from a built-up raster"), optional=True),
            Band(self.EXTENT_BAND, self.tr("Band of the built-up raster"), self.EXTENT_RASTER, 1, optional=True),
            *(Number(key, self.tr(label), default, minimum=0.0) for key, label, default in (
                (self.EXTENT_CELL, "Urban extent: grid cell (m)", 10.0),
                (self.EXTENT_RADIUS, "Urban extent: radius of the built-up density (m)", 500.0),
                (self.EXTENT_MIN_COVER, "Urban extent: cover of a built-up cell (%)", 50.0),
                (self.EXTENT_FRINGE, "Urban extent: fringe open space within (m)", 100.0),
                (self.CAPTURED_MAX_AREA, "Urban extent: captured open space below (ha)", 200.0))),
            Sink(self.OUTPUT, self.tr("Land consumption per territory"), compat.SourceType.VectorPolygon),
            Sink(self.OUTPUT_EXTENT, self.tr("Urban extent classes"), compat.SourceType.VectorPolygon, optional=True),
            NumberOutput(self.FLAGGED, self.tr("Territories flagged (ratio meaningless)")),
        ))

    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ..alliance_plugin.core.growth.sdg11_3_1 import AREA_UNITS, land_consumption

        extent = self.parameterAsBoolean(parameters, self.URBAN_EXTENT, context)
        if extent and not parameters.get(self.OUTPUT_EXTENT):
            raise QgsProcessingException(self.tr("Choose an output for the urban extent classes."))
        steps = QgsProcessingMultiStepFeedback(5 if extent else 4, feedback)
        source = self.sourceOf(parameters, self.INPUT, context, self.tr("The territories layer"))
        year0 = self.parameterAsDouble(parameters, self.YEAR_T0, context)
        year1 = self.parameterAsDouble(parameters, self.YEAR_T1, context)
        if not year1 > year0:
            raise QgsProcessingException(self.tr("The second year ({y1:g}) must come after the first ({y0:g}).")
                                         .format(y0=year0, y1=year1))
        crs = self.metricCrs(source, steps)
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context)
        pop_fields = [self.parameterAsString(parameters, key, context) for key in (self.POP_T0_FIELD,
                                                                                   self.POP_T1_FIELD)]
        names = list(dict.fromkeys([f for f in (id_field, *pop_fields) if f]))
        territories = self.readPolygons(source, crs, context, steps, names, keep=True)
        frame = territories.frame
        before, after = self.readBuiltUp(parameters, context, crs, steps, year0, year1)

        steps.setCurrentStep(1)
        unit = UNITS[self.parameterAsEnum(parameters, self.AREA_UNIT, context)]
        urb0 = self._built_area(frame, before, steps)
        if urb0 is None:
            return {}
        steps.setCurrentStep(2)
        urb1 = self._built_area(frame, after, steps)
        if urb1 is None:
            return {}
        scale = AREA_UNITS[unit]
        stagnation = self.parameterAsDouble(parameters, self.STAGNATION, context) / 100.0
        pops = [pd.to_numeric(frame[f], errors="coerce").astype(float) for f in pop_fields]
        table = land_consumption(urb0 / scale, urb1 / scale, pops[0], pops[1], year1 - year0,
                                        stagnation=stagnation, area_unit=unit)
        params = ("alliance:landconsumption years={y0:g}-{y1:g} stagnation={s:g} area_unit={u} crs={crs}").format(
            y0=year0, y1=year1, s=stagnation, u=unit, crs=crs.authid() or "laea")
        table["params"] = params
        self._report(table, frame[id_field] if id_field else None, year1 - year0, stagnation, unit, steps)

        steps.setCurrentStep(3)
        dest = self.writeTerritories(parameters, self.OUTPUT, context, source,
                                     territories.own_frame[["geometry"]], territories.attributes,
                                     table.reset_index(drop=True), steps, INT_COLUMNS, TEXT_COLUMNS)
        categories_on_load(context, dest, "flag", FLAG_COLOURS)
        outputs = {self.OUTPUT: dest, self.FLAGGED: int((table["flag"] != "ok").sum())}
        if extent:
            steps.setCurrentStep(4)
            outputs[self.OUTPUT_EXTENT] = self._urban_extent(parameters, context, crs, steps, before, after,
                                                             (year0, year1), params, source.sourceCrs())
        return outputs

    def _raster_cover(self, raster, parameters, context, crs, feedback):
        """The built-up share of each raster cell (0-1), from 0/1 classes, shares or percentages."""
        import numpy as np

        from ..alliance_plugin.core.units import as_fractions
        from ..alliance_plugin.qgis_io.rasters import read_band

        if raster.crs() != crs:
            raise QgsProcessingException(self.tr(
                "The built-up raster is in {raster}, the territories are measured in {crs}: warp the raster to "
                "the territories' projected CRS first (Raster > Projections > Warp).").format(
                    raster=raster.crs().authid() or raster.crs().description(), crs=crs.authid() or "LAEA"))
        values, origin, cell = read_band(raster, self.parameterAsInt(parameters, self.EXTENT_BAND, context) or 1)
        cover, percent = as_fractions(values)
        feedback.pushInfo(self.tr("Urban extent from the raster {name}: {rows} x {cols} cells of {cell:g} m{pct}.")
                          .format(name=raster.name(), rows=values.shape[0], cols=values.shape[1], cell=cell,
                                  pct=self.tr(", read as percentages") if percent else ""))
        return np.clip(cover, 0.0, 1.0), origin, cell

    def _built_area(self, frame, built_up, feedback):
        """Area (m2) of the union of the built-up within each territory, aligned on the frame."""
        import numpy as np

        from ..alliance_plugin.core.tenure import overlay_areas

        overlay = overlay_areas(frame["geometry"].to_numpy(), built_up, parcel_ids=frame.index.to_numpy(),
                                zone_classes=np.full(len(built_up), "built", dtype=object), workers=2,
                                progress=feedback.setProgress, is_canceled=feedback.isCanceled)
        if overlay is None:
            return None
        return overlay.areas.groupby("parcel_id")["area"].sum().reindex(frame.index, fill_value=0.0)

    def _report(self, table, names, years, stagnation, unit, feedback):
        from ..alliance_plugin.core.growth.sdg11_3_1 import whole_area

        for position, row in enumerate(table.itertuples(index=False)):
            if row.flag != "ok":
                name = names.iloc[position] if names is not None else table.index[position]
                feedback.pushWarning(self.tr("{name}: {flag}. {explanation}").format(
                    name=name, flag=row.flag, explanation=row.explanation))
        whole = whole_area(table, years, stagnation=stagnation, area_unit=unit)
        feedback.pushInfo(self.tr("Whole area: built-up {u0:,.2f} -> {u1:,.2f} {unit}, population {p0:,.0f} -> "
                                  "{p1:,.0f}; LCR {lcr:.4%}, PGR {pgr:.4%} a year, LCRPGR {ratio} ({flag}).").format(
                                      u0=whole["urb_t0"], u1=whole["urb_t1"], unit=unit, p0=whole["pop_t0"],
                                      p1=whole["pop_t1"], lcr=whole["lcr"], pgr=whole["pgr"],
                                      ratio="NULL" if whole["lcrpgr"] != whole["lcrpgr"] else f"{whole['lcrpgr']:.3f}",
                                      flag=whole["flag"]))

    def _urban_extent(self, parameters, context, crs, feedback, before, after, years, params, output_crs=None):
        import pandas as pd

        from ..alliance_plugin.core.growth.extent import extent_layer, urban_extent_classes, urban_extent_grid

        options = {"cell": self.parameterAsDouble(parameters, self.EXTENT_CELL, context),
                   "radius": self.parameterAsDouble(parameters, self.EXTENT_RADIUS, context),
                   "min_cover": self.parameterAsDouble(parameters, self.EXTENT_MIN_COVER, context) / 100.0,
                   "fringe": self.parameterAsDouble(parameters, self.EXTENT_FRINGE, context),
                   "captured_max_area": self.parameterAsDouble(parameters, self.CAPTURED_MAX_AREA, context) * 1e4}
        if not options["cell"] > 0:
            raise QgsProcessingException(self.tr("The urban-extent grid cell must be positive."))
        frames, geometries = [], []
        grids = [(year, built_up) for year, built_up in zip(years, (before, after))]
        raster = self.parameterAsRasterLayer(parameters, self.EXTENT_RASTER, context)
        if raster is not None:
            grids = [(years[1], self._raster_cover(raster, parameters, context, crs, feedback))]
        for year, built_up in grids:
            if feedback.isCanceled():
                return None
            if isinstance(built_up, tuple):  # a raster: (cover, origin, cell)
                cover, origin, cell = built_up
                extent = urban_extent_grid(cover, origin, cell, **{k: v for k, v in options.items() if k != "cell"})
            else:
                extent = urban_extent_classes(built_up, **options)
            frame, shapes = extent_layer(extent, year)
            frames.append(frame)
            geometries.extend(shapes)
            feedback.pushInfo(self.tr("Urban extent {year:g}: {area:,.0f} m2 (urban and suburban built-up, fringe "
                                      "and captured open space).").format(
                                          year=year, area=extent.params["urban_extent_area"]))
        table = pd.concat(frames, ignore_index=True)
        table["params"] = params + " extent_cell={cell:g} radius={radius:g} min_cover={min_cover:g} " \
            "fringe={fringe:g} captured_max_area={captured_max_area:g}".format(**options)
        dest = self.writeFrame(parameters, self.OUTPUT_EXTENT, context, table, geometries, compat.WkbType.MultiPolygon,
                               crs, feedback, INT_COLUMNS, TEXT_COLUMNS, output_crs=output_crs)
        categories_on_load(context, dest, "class", EXTENT_COLOURS)
        return dest


HELP = """<p>SDG 11.3.1, the ratio of land consumption rate to population growth rate, per territory and offline (recommendations 1, 3 and 5).</p>
<p><b>Built-up area</b> of each territory at each date: the exact area of the union of the built-up polygons inside it (overlapping polygons count once; polygons crossing a border are cut). <b>Formulas</b> (y years between the dates): LCR = ln(Urb1/Urb0)/y, PGR = ln(Pop1/Pop0)/y, LCRPGR = LCR/PGR; beside them, built-up area per inhabitant at both dates (m2), built-up and population added, and built-up area added per new inhabitant (m2, only when the population grew).</p>
<p><b>Flags</b>: LCRPGR is left NULL, never infinite, and the territory flagged with a plain explanation when the ratio is meaningless: <i>declining</i> population (PGR at or below minus the stagnation rate), <i>stagnating</i> (|PGR| below it, 0.1 % a year by default), <i>no_built_up</i> or <i>no_population</i> at a date, or <i>missing</i> values; otherwise <i>ok</i>. Flagged territories are listed in the log, with the figures for the whole area.</p>
<p><b>UN-Habitat urban extent</b> (optional, as Trends.Earth): the built-up polygons are put on a grid (10 m cells by default; the share of each cell covered); a cell is built-up from the given cover; the built-up share within 500 m classes it as urban (over 50 %), suburban (25 to 50 %) or rural built-up (below 25 %); open cells within 100 m of urban or suburban built-up are fringe open space; enclosed open patches below 200 ha are captured open space. One dissolved polygon per class and date (rural open space, everything else, is left out); in_extent marks the classes of the urban extent. A built-up raster of the second date can be given instead of the polygons (0/1 classes, shares 0-1 or percentages, in the territories' projected CRS): its cells are the grid.</p>
<p>Areas are in metres: a geographic CRS, one in feet or Web Mercator is replaced by a Lambert azimuthal equal-area projection centred on the territories (the log says so); built-up in other CRSs is reprojected. The territories are written as given, with the indicators added; the params field records the options. With one built-up layer and a year field, the first date is the built-up up to the first year and the second date up to the second year.</p>"""
