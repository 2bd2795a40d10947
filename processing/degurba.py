"""alliance:degurba: degree of urbanisation of a population grid and of local units."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsWkbTypes,
)

from ..alliance_plugin.qgis_io.rasters import read_band
from ..alliance_plugin.qgis_io.layers import metric_crs
from .parameters import Band, Field, Number, NumberOutput, Raster, Sink, Source, Switch, declare
from .growth_inputs import GrowthAlgorithm, categories_on_load
from ..alliance_plugin.qgis_io import compat

INT_COLUMNS = ("row", "col", "cell_class", "centre_id", "cluster_id", "degurba")
TEXT_COLUMNS = ("cell_label", "unit", "degurba_label", "params")
CELL_COLOURS = {"urban centre": "#b2182b", "urban cluster": "#fdae61", "rural grid cell": "#d9f0d3",
                "no data": "#f0f0f0"}
UNIT_COLOURS = {"city": "#b2182b", "town and semi-dense area": "#fdae61", "rural area": "#a6d96a"}


class Degurba(GrowthAlgorithm):
    INPUT = "INPUT"
    POPULATION_FIELD = "POPULATION_FIELD"
    LAND_SHARE_FIELD = "LAND_SHARE_FIELD"
    INPUT_RASTER = "INPUT_RASTER"
    BAND = "BAND"
    CELL_SIZE = "CELL_SIZE"
    CENTRE_DENSITY = "CENTRE_DENSITY"
    CENTRE_POPULATION = "CENTRE_POPULATION"
    MAX_GAP = "MAX_GAP"
    MAJORITY = "MAJORITY"
    CLUSTER_DENSITY = "CLUSTER_DENSITY"
    CLUSTER_POPULATION = "CLUSTER_POPULATION"
    UNITS = "UNITS"
    UNIT_ID_FIELD = "UNIT_ID_FIELD"
    UNIT_SHARE = "UNIT_SHARE"
    KEEP_EMPTY_CELLS = "KEEP_EMPTY_CELLS"
    OUTPUT = "OUTPUT"
    OUTPUT_UNITS = "OUTPUT_UNITS"
    URBAN_CENTRES = "URBAN_CENTRES"
    URBAN_CLUSTERS = "URBAN_CLUSTERS"

    def name(self):
        return "degurba"

    def displayName(self):
        return self.tr("Degree of urbanisation (DEGURBA)")

    def shortDescription(self):
        return self.tr("Urban centres, urban clusters and rural cells of a population grid, and local units "
                       "classed as cities, towns and semi-dense areas, or rural areas.")

    def shortHelpString(self):
        return self.tr(HELP)

    def checkParameterValues(self, parameters, context):
        """The population field is optional for Processing (a raster needs none) but required with a layer."""
        ok, message = super().checkParameterValues(parameters, context)
        if ok and parameters.get(self.INPUT) not in (None, "") and not parameters.get(self.POPULATION_FIELD):
            return False, self.tr("Choose the population field of the grid cells or points.")
        return ok, message

    def initAlgorithm(self, config=None):
        declare(self, (
            Source(self.INPUT, self.tr("Population: grid cells or points"),
                   (compat.SourceType.VectorPolygon, compat.SourceType.VectorPoint), optional=True),
            Field(self.POPULATION_FIELD, self.tr("Population field of the cells or points"), self.INPUT,
                  optional=True, numeric=True),
            Field(self.LAND_SHARE_FIELD, self.tr("Land share of each cell (0-1 or %)"), self.INPUT, optional=True,
                  numeric=True),
            Raster(self.INPUT_RASTER, self.tr("Population raster"), optional=True),
            Band(self.BAND, self.tr("Band of the raster"), self.INPUT_RASTER, 1, optional=True),
            Number(self.CELL_SIZE, self.tr("Cell size of the grid built from points (m)"), 1000.0, minimum=1.0),
            *(Number(key, self.tr(label), default, minimum=0.0) for key, label, default in (
                (self.CENTRE_DENSITY, "Urban centre: minimum density (inh./km2)", 1500.0),
                (self.CENTRE_POPULATION, "Urban centre: minimum population", 50000.0),
                (self.MAX_GAP, "Urban centre: gaps filled below (km2; 0 = none)", 15.0),
                (self.CLUSTER_DENSITY, "Urban cluster: minimum density (inh./km2)", 300.0),
                (self.CLUSTER_POPULATION, "Urban cluster: minimum population", 5000.0))),
            Number(self.MAJORITY, self.tr("Urban centre smoothing: neighbours of 8 (0 = off)"), 5, minimum=0,
                   maximum=8, integer=True),
            Source(self.UNITS, self.tr("Local units (communes)"), (compat.SourceType.VectorPolygon,), optional=True),
            Field(self.UNIT_ID_FIELD, self.tr("Local unit code field"), self.UNITS, optional=True),
            Number(self.UNIT_SHARE, self.tr("Local units: population share of the rules (%)"), 50.0, minimum=0.0,
                   maximum=100.0),
            Switch(self.KEEP_EMPTY_CELLS, self.tr("Write the empty rural cells of a built grid"), False),
            Sink(self.OUTPUT, self.tr("Classified grid cells"), compat.SourceType.VectorPolygon),
            Sink(self.OUTPUT_UNITS, self.tr("Local units (degree of urbanisation)"), compat.SourceType.VectorPolygon,
                 optional=True),
            NumberOutput(self.URBAN_CENTRES, self.tr("Urban centres")),
            NumberOutput(self.URBAN_CLUSTERS, self.tr("Urban clusters")),
        ))

    def compute(self, parameters, context, feedback):
        from ..alliance_plugin.core import degurba

        units = self.sourceOf(parameters, self.UNITS, context, self.tr("The local units layer"), optional=True)
        unit_field = self.parameterAsString(parameters, self.UNIT_ID_FIELD, context)
        if units is not None and not unit_field:
            raise QgsProcessingException(self.tr("Choose the code field of the local units."))
        # steps: the grid read, classified, [the cells' units,] the cells written, [the units written]
        steps = QgsProcessingMultiStepFeedback(5 if units is not None else 4, feedback)
        grid = self._read_grid(parameters, context, steps)
        cell = grid["cell"]
        if abs(cell - 1000.0) > 1e-6:
            steps.pushWarning(self.tr("Cells of {cell:g} m: the official method uses 1 km2 cells, and its "
                                      "thresholds (per km2 and per cluster) are kept as given.").format(cell=cell))

        steps.setCurrentStep(1)
        result, params = self._classify(parameters, context, grid, steps)
        if result is None:  # canceled
            return {}

        rows, cols = grid["rows"], grid["cols"]
        if grid["geometries"] is None and not self.parameterAsBoolean(parameters, self.KEEP_EMPTY_CELLS, context):
            rows, cols = degurba.occupied_cells(result, grid["population"], rows, cols)
        unit_of_cell = unit_read = None
        if units is not None:
            steps.setCurrentStep(2)
            # the units' own fields and geometries are kept only to write them back
            unit_read = self.readPolygons(units, grid["crs"], context, steps, [unit_field],
                                          keep=bool(parameters.get(self.OUTPUT_UNITS)))
            unit_of_cell = self._unit_of_cells(grid, rows, cols, unit_read.frame, unit_field, steps)
            if unit_of_cell is None:
                return {}
        written = 3 if units is not None else 2
        steps.setCurrentStep(written)
        cells = degurba.cell_table(result, grid["population"], rows, cols, unit_of_cell)
        cells["params"] = params
        dest = None if steps.isCanceled() else self._write_cells(parameters, context, grid, rows, cols, cells, steps)
        if dest is None:  # canceled (a national grid has a million cells: each phase checks)
            return {}
        outputs = {self.OUTPUT: dest, self.URBAN_CENTRES: len(result.centres),
                   self.URBAN_CLUSTERS: len(result.clusters)}

        steps.setCurrentStep(written + 1)
        if units is not None and parameters.get(self.OUTPUT_UNITS):
            outputs[self.OUTPUT_UNITS] = self._write_units(parameters, context, units, unit_read, cells, params,
                                                           steps)
        elif units is not None:
            steps.pushInfo(self.tr("The local units output is skipped: only the cells say their unit."))
        return outputs

    def _classify(self, parameters, context, grid, feedback):
        """(the classified grid, the params text); (None, None) when canceled."""
        from ..alliance_plugin.core import degurba

        cell = grid["cell"]
        majority = self.parameterAsInt(parameters, self.MAJORITY, context)
        thresholds = {key.lower(): self.parameterAsDouble(parameters, key, context)
                      for key in (self.CENTRE_DENSITY, self.CENTRE_POPULATION, self.MAX_GAP, self.CLUSTER_DENSITY,
                                  self.CLUSTER_POPULATION)}
        result = degurba.classify_grid(grid["population"], land_share=grid["land"], cell_area=cell * cell / 1e6,
                                       majority=majority or None, **thresholds,
                                       progress=feedback.setProgress, is_canceled=feedback.isCanceled)
        if result is None:
            return None, None
        params = "alliance:degurba cell={c:g} {t} majority={m} land_share={land} crs={crs}".format(
            c=cell, t=" ".join(f"{k}={v:g}" for k, v in thresholds.items()), m=majority or "off",
            land="all" if grid["land"] is None else "field", crs=grid["crs"].authid() or "laea")
        shares = degurba.population_shares(result.cell_class, grid["population"])
        feedback.pushInfo(self.tr("{centres} urban centres and {clusters} urban clusters ({rounds} rounds of gap "
                                  "filling and smoothing); {c:.1%} of the population in urban centres, {u:.1%} in "
                                  "urban clusters outside them.").format(
                                      centres=len(result.centres), clusters=len(result.clusters),
                                      rounds=result.rounds, c=shares[0], u=shares[1]))
        return result, params

    # Reading the population grid ------------------------------------------------------------------------

    def _read_grid(self, parameters, context, feedback):
        """A dict: population (2-D, NaN no data), land (2-D or None), cell, origin, crs, and the cells as given:
        rows, cols, geometries (input polygons or None), source, attributes."""
        raster = None
        if parameters.get(self.INPUT_RASTER) not in (None, ""):
            raster = self.parameterAsRasterLayer(parameters, self.INPUT_RASTER, context)
        source = self.sourceOf(parameters, self.INPUT, context, self.tr("The population layer"), optional=True)
        if (raster is None) == (source is None):
            raise QgsProcessingException(self.tr(
                "Give the population either as a vector layer (grid cells or points) or as a raster, one of them."))
        if raster is not None:
            return self._read_raster(raster, parameters, context, feedback)
        field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        if not field:
            raise QgsProcessingException(self.tr("Choose the population field."))
        if QgsWkbTypes.geometryType(source.wkbType()) == compat.GeometryType.Point:
            return self._read_points(source, field, parameters, context, feedback)
        return self._read_cells(source, field, parameters, context, feedback)

    def _refuse_non_metric(self, crs, what):
        if metric_crs(crs) != crs:
            raise QgsProcessingException(self.tr(
                "{what} is in {crs}, not in metres: its cells would not be squares of equal area once "
                "reprojected. Use a grid in a projected CRS in metres (the official grid is in EPSG:3035; "
                "GHS-POP in World Mollweide), or population points, which are reprojected.").format(
                    what=what, crs=crs.authid() or crs.description() or "?"))

    def _read_points(self, source, field, parameters, context, feedback):
        import numpy as np
        import pandas as pd
        import shapely

        from ..alliance_plugin.core.grid import population_grid, refuse_large_grid

        crs = self.metricCrs(source, feedback)
        frame = self.readPolygons(source, crs, context, feedback, [field]).frame
        geoms = frame["geometry"].to_numpy()
        present = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
        if not present.all():
            feedback.pushWarning(self.tr("{n} points have no geometry: left out.").format(n=int((~present).sum())))
        points = shapely.centroid(geoms[present])
        cell = self.parameterAsDouble(parameters, self.CELL_SIZE, context)
        x, y = shapely.get_x(points), shapely.get_y(points)
        if len(x) == 0:
            raise QgsProcessingException(self.tr("No population point has a geometry."))
        refuse_large_grid((y.max() - y.min()) / cell + 1, (x.max() - x.min()) / cell + 1, cell)
        population = pd.to_numeric(frame[field], errors="coerce").to_numpy(dtype=float)[present]
        grid, origin = population_grid(x, y, population, cell=cell)
        feedback.pushInfo(self.tr("{n} points summed into a grid of {rows} x {cols} cells of {cell:g} m.").format(
            n=len(x), rows=grid.shape[0], cols=grid.shape[1], cell=cell))
        rows, cols = np.divmod(np.arange(grid.size), grid.shape[1])
        return {"population": grid, "land": None, "cell": cell, "origin": origin, "crs": crs, "rows": rows,
                "cols": cols, "geometries": None, "source": source, "attributes": None,
                "output_crs": source.sourceCrs()}

    def _read_cells(self, source, field, parameters, context, feedback):
        """Grid polygons taken as given: their row and column from their bounding boxes (core.grid)."""
        import pandas as pd
        import shapely

        from ..alliance_plugin.core.grid import grid_of_cells

        crs = source.sourceCrs()
        self._refuse_non_metric(crs, self.tr("The population grid"))
        land_field = self.parameterAsString(parameters, self.LAND_SHARE_FIELD, context)
        read = self.readPolygons(source, None, context, feedback, [f for f in (field, land_field) if f], keep=True)
        frame = read.frame
        geoms = frame["geometry"].to_numpy()
        absent = shapely.is_missing(geoms) | shapely.is_empty(geoms)
        if absent.any():
            raise QgsProcessingException(self.tr("{n} grid cells have no geometry: remove them first.").format(
                n=int(absent.sum())))
        values = {f: pd.to_numeric(frame[f], errors="coerce").to_numpy(dtype=float) for f in (field, land_field) if f}
        cells = grid_of_cells(shapely.bounds(geoms), values[field], values.get(land_field))
        if cells.land_as_percent:
            feedback.pushInfo(self.tr("Land shares above 1: read as percentages."))
        n_rows, n_cols = cells.shape
        feedback.pushInfo(self.tr("{n} grid cells of {cell:g} m, {rows} rows x {cols} columns; {missing} cells of "
                                  "that frame are not given (no data).").format(
                                      n=len(cells.rows), cell=cells.cell, rows=n_rows, cols=n_cols,
                                      missing=n_rows * n_cols - len(cells.rows)))
        return {"population": cells.population, "land": cells.land, "cell": cells.cell, "origin": cells.origin,
                "crs": crs, "rows": cells.rows, "cols": cells.cols, "geometries": geoms, "source": source,
                "attributes": read.attributes}

    def _read_raster(self, raster, parameters, context, feedback):
        import numpy as np

        from ..alliance_plugin.core.grid import refuse_large_grid

        self._refuse_non_metric(raster.crs(), self.tr("The population raster"))
        band = self.parameterAsInt(parameters, self.BAND, context) or 1
        refuse_large_grid(raster.height(), raster.width(), raster.rasterUnitsPerPixelX())
        values, origin, x_size = read_band(raster, band)
        height, width = values.shape
        negative = values < 0
        if negative.any():
            feedback.pushWarning(self.tr("{n} raster cells are negative: read as no data.").format(
                n=int(negative.sum())))
            values[negative] = np.nan
        rows, cols = np.divmod(np.arange(values.size), width)
        feedback.pushInfo(self.tr("Raster of {rows} x {cols} cells of {cell:g} m.").format(
            rows=height, cols=width, cell=x_size))
        return {"population": values, "land": None, "cell": float(x_size),
                "origin": origin, "crs": raster.crs(), "rows": rows, "cols": cols,
                "geometries": None, "source": None, "attributes": None}

    # Local units and outputs -----------------------------------------------------------------------------

    def _unit_of_cells(self, grid, rows, cols, unit_frame, unit_field, feedback):
        """Code of the unit holding each cell's centre (a point inside the polygon for given cells); None when
        canceled."""
        import shapely

        from ..alliance_plugin.core.flows import codes_as_text
        from ..alliance_plugin.core.geometry import zone_of_points
        from ..alliance_plugin.core.grid import cell_points

        points = cell_points(rows, cols, grid["origin"], grid["cell"], polygons=grid["geometries"])
        codes = codes_as_text(unit_frame[unit_field])
        unit_frame["code"] = codes.where(codes.notna(), None).to_numpy()
        known = codes.notna().to_numpy() & ~shapely.is_missing(unit_frame["geometry"].to_numpy())
        return zone_of_points(points, codes[known].to_numpy().astype(object),
                              unit_frame["geometry"].to_numpy()[known], progress=feedback.setProgress,
                              is_canceled=feedback.isCanceled)

    def _write_cells(self, parameters, context, grid, rows, cols, cells, feedback):
        """The given polygons with their cells' fields, or the squares of a grid built from points or a raster;
        None when canceled."""
        import pandas as pd

        from ..alliance_plugin.core.grid import cell_boxes

        if grid["geometries"] is None:
            squares = cell_boxes(rows, cols, grid["origin"], grid["cell"])
            if feedback.isCanceled():
                return None
            # cells built from points are written in the points' CRS (a raster or grid keeps its own CRS)
            dest = self.writeFrame(parameters, self.OUTPUT, context, cells, squares, compat.WkbType.Polygon,
                                   grid["crs"], feedback, INT_COLUMNS, TEXT_COLUMNS, output_crs=grid.get("output_crs"))
        else:
            dest = self.writeTerritories(parameters, self.OUTPUT, context, grid["source"],
                                         pd.DataFrame({"geometry": grid["geometries"]}), grid["attributes"], cells,
                                         feedback, INT_COLUMNS, TEXT_COLUMNS)
        categories_on_load(context, dest, "cell_label", CELL_COLOURS)
        return dest

    def _write_units(self, parameters, context, units, unit_read, cells, params, feedback):
        from ..alliance_plugin.core.degurba import classify_unit_cells

        unit_frame = unit_read.frame
        threshold = self.parameterAsDouble(parameters, self.UNIT_SHARE, context) / 100.0
        table, outside = classify_unit_cells(cells, threshold=threshold)
        if outside > 0:
            feedback.pushWarning(self.tr("{pop:,.0f} inhabitants live in cells whose centre lies in no local unit.")
                                 .format(pop=outside))
        counts = table["degurba_label"].value_counts()
        feedback.pushInfo(self.tr("Local units: {city} cities, {town} towns and semi-dense areas, {rural} rural "
                                  "areas, {none} without inhabitants.").format(
                                      city=counts.get("city", 0), town=counts.get("town and semi-dense area", 0),
                                      rural=counts.get("rural area", 0),
                                      none=int(unit_frame["code"].notna().sum()) - int(counts.sum())))
        per_feature = table.reindex(unit_frame["code"].to_numpy()).reset_index(drop=True)
        per_feature["params"] = params + " unit_share={s:g}".format(s=threshold)
        dest = self.writeTerritories(parameters, self.OUTPUT_UNITS, context, units, unit_read.own_frame[["geometry"]],
                                     unit_read.attributes, per_feature, feedback, INT_COLUMNS, TEXT_COLUMNS)
        categories_on_load(context, dest, "degurba_label", UNIT_COLOURS)
        return dest


HELP = """<p>The degree of urbanisation (UN Statistical Commission 2020; Eurostat et al., <i>Applying the Degree of Urbanisation</i>, 2021), from your own population data (recommendations 1 and 3).</p>
<p><b>Population grid</b>, one of: grid polygons with a population field (cells taken as given: they must be the squares of one grid in a projected CRS in metres, cells cut along a coast allowed; an optional land-share field gives the density per km2 of land); population points summed into a grid of the given cell size (1 km by default, aligned on multiples of the cell; points in a geographic CRS are reprojected to a Lambert azimuthal equal-area projection centred on them, and the log says so); or a population raster in a projected CRS in metres with square cells (no-data and negative cells are no data).</p>
<p><b>Grid classes</b>, every threshold a parameter: urban centres are 4-connected cells (no diagonals) of at least 1,500 inhabitants per km2 of land whose cluster holds at least 50,000 inhabitants, their gaps below 15 km2 filled and their edges smoothed by the majority rule (a cell joins when at least 5 of its 8 neighbours belong to the centre), repeated until nothing changes; urban clusters are 8-connected cells of at least 300 inhabitants per km2 (urban-centre cells included) holding at least 5,000 inhabitants; every other cell is a rural grid cell (no data: a given cell without population). Centres and clusters are numbered from the most populated; each cell gets its class, centre and cluster ids and their populations. Cells without inhabitants outside any cluster are left out of a grid built from points or a raster unless asked for.</p>
<p><b>Local units</b> (optional): each cell's population is given to the unit containing the cell's centre (for given polygons, a point inside the polygon, the centre of a full square; a centre on a border goes to the smaller code). A unit is a <i>city</i> when at least 50 % of its population lives in urban centres, a <i>rural area</i> when at least 50 % lives in rural cells, else a <i>town and semi-dense area</i>; units without inhabitants get no class. Their population, population and share in urban centres, in urban clusters (centres included) and in rural cells are added to the units as given. The params field records the thresholds.</p>"""
