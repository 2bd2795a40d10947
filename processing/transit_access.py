"""alliance:transitaccess: SDG 11.2.1, the share of the population near frequent public transport."""

import gc
from contextlib import contextmanager

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsProcessingException,
)

from ..alliance_plugin.qgis_io.reading import read_layer
from .parameters import Choice, Field, File, Number, NumberOutput, Sink, Source, Text, declare
from .access_inputs import NETWORK_HELP, PROXY, AccessAlgorithm, as_text, inner_points
from ..alliance_plugin.qgis_io import compat

@contextmanager
def cycle_collector_paused():
    """Python's cycle collector off for the run, back on (as it was) after it, whatever happens.

    A run builds and writes millions of small objects (the rows of a million
    people, the R-tree's entries); the collector would walk them again and again
    for cycles they do not make (0.3-0.6 s of a 12 s run on a million people).
    Objects are still freed as soon as they are unused; cycles, if any, are
    collected once it is back on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _repeated(text, count):
    """``count`` times the one string ``text`` (an object array of references: ``np.full`` makes ``count`` copies
    of it through a Unicode array, 0.14 s a million)."""
    import numpy as np

    values = np.empty(count, dtype=object)
    values.fill(text)
    return values


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class TransitAccess(AccessAlgorithm):
    INT_COLUMNS = ("access", "placed", "qualifies", "departures", "high_departures", "route_type")
    TEXT_COLUMNS = ("stop_id", "stop_name", "capacity", "capacity_raw", "territory", "group", "value", "method",
                    "params", "date", "nearest_stop", "nearest_capacity")

    SEX_FIELD = "SEX_FIELD"
    AGE_FIELD = "AGE_FIELD"
    DISABILITY_FIELD = "DISABILITY_FIELD"
    STOPS = "STOPS"
    STOP_ID_FIELD = "STOP_ID_FIELD"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    FREQUENCY_FIELD = "FREQUENCY_FIELD"
    GTFS = "GTFS"
    WEEKDAY = "WEEKDAY"
    DATE = "DATE"
    START_TIME = "START_TIME"
    END_TIME = "END_TIME"
    MIN_PER_HOUR = "MIN_PER_HOUR"
    LOW_DISTANCE = "LOW_DISTANCE"
    HIGH_DISTANCE = "HIGH_DISTANCE"
    SEARCH_DISTANCE = "SEARCH_DISTANCE"
    OUTPUT_SHARES = "OUTPUT_SHARES"
    OUTPUT_AREAS = "OUTPUT_AREAS"
    OUTPUT_STOPS = "OUTPUT_STOPS"
    SHARE = "SHARE"
    POPULATION_TOTAL = "POPULATION_TOTAL"
    POPULATION_WITH_ACCESS = "POPULATION_WITH_ACCESS"
    QUALIFYING_STOPS = "QUALIFYING_STOPS"
    UNPLACED = "UNPLACED"

    def name(self):
        return "transitaccess"

    def displayName(self):
        return self.tr("Access to public transport (SDG 11.2.1)")

    def shortDescription(self):
        return self.tr("Share of the population within walking distance of a frequently served stop, along the "
                       "street network, from a stops layer or a GTFS feed; per territory and group.")

    def shortHelpString(self):
        return self.tr(HELP) + self.tr(NETWORK_HELP)

    def initAlgorithm(self, config=None):
        declare(self, (
            *self.populationParameters(self.tr("Population (points, polygons or grid cells)")),
            *(Field(key, self.tr(label), self.POPULATION, optional=True) for key, label in (
                (self.SEX_FIELD, "Sex field"), (self.AGE_FIELD, "Age group field"),
                (self.DISABILITY_FIELD, "Disability field"))),
            Source(self.STOPS, self.tr("Stops (points) (or a GTFS feed)"), (compat.SourceType.VectorPoint,),
                   optional=True),
            Field(self.STOP_ID_FIELD, self.tr("Stop identifier field"), self.STOPS, optional=True),
            Field(self.CAPACITY_FIELD, self.tr("Capacity or mode field of the stops"), self.STOPS, optional=True),
            Field(self.FREQUENCY_FIELD, self.tr("Departures per hour field of the stops"), self.STOPS, optional=True,
                  numeric=True),
            File(self.GTFS, self.tr("GTFS feed (zip) (or a stops layer)"), self.tr("GTFS feeds (*.zip *.ZIP)"),
                 optional=True),
            Choice(self.WEEKDAY, self.tr("GTFS: weekday counted"), tuple(self.tr(day) for day in WEEKDAY_NAMES), 1),
            Text(self.DATE, self.tr("GTFS: date counted instead, YYYY-MM-DD"), optional=True),
            Text(self.START_TIME, self.tr("GTFS: window start (HH:MM)"), "06:00"),
            Text(self.END_TIME, self.tr("GTFS: window end (HH:MM)"), "20:00"),
            Number(self.MIN_PER_HOUR, self.tr("Minimum departures per hour in the window (average)"), 1.0,
                   minimum=0.0),
            Number(self.LOW_DISTANCE, self.tr("Walk to low-capacity stops (m)"), 500.0, minimum=0.0),
            Number(self.HIGH_DISTANCE, self.tr("Walk to high-capacity stops (m)"), 1000.0, minimum=0.0),
            Number(self.SEARCH_DISTANCE, self.tr("Nearest-stop distances reported up to (m)"), minimum=0.0,
                   optional=True, advanced=True),
            *self.networkParameters(),
            *self.territoryParameters(),
            Sink(self.OUTPUT, self.tr("Population with access"), compat.SourceType.VectorAnyGeometry),
            Sink(self.OUTPUT_SHARES, self.tr("Shares of population with access"), compat.SourceType.Vector),
            Sink(self.OUTPUT_TERRITORIES, self.tr("Territories with their share"), compat.SourceType.VectorPolygon,
                 optional=True, create_by_default=False),
            Sink(self.OUTPUT_AREAS, self.tr("Service areas of the stops"), compat.SourceType.VectorAnyGeometry,
                 optional=True),
            Sink(self.OUTPUT_STOPS, self.tr("Stops and their service"), compat.SourceType.VectorPoint, optional=True),
            NumberOutput(self.SHARE, self.tr("Share of the population with access (%)")),
            NumberOutput(self.POPULATION_TOTAL, self.tr("Population")),
            NumberOutput(self.POPULATION_WITH_ACCESS, self.tr("Population with access")),
            NumberOutput(self.QUALIFYING_STOPS, self.tr("Qualifying stops")),
            NumberOutput(self.UNPLACED, self.tr("Population features not placed on the network")),
            self.methodOutput(),
        ))

    # --- stops -----------------------------------------------------------------------------------

    def _stops(self, parameters, context, crs, feedback):
        """All stops as a frame (x, y in ``crs``, capacity, access_distance, qualifies...) and a settings text."""
        gtfs_path = self.parameterAsFile(parameters, self.GTFS, context)
        layer = self.parameterAsSource(parameters, self.STOPS, context)
        if gtfs_path and layer is not None:
            raise QgsProcessingException(self.tr("Give the stops either as a layer or as a GTFS feed, not both."))
        if not gtfs_path and layer is None:
            raise QgsProcessingException(self.tr("Give the stops: a point layer or a GTFS feed (zip)."))
        low = self.parameterAsDouble(parameters, self.LOW_DISTANCE, context)
        high = self.parameterAsDouble(parameters, self.HIGH_DISTANCE, context)
        minimum = self.parameterAsDouble(parameters, self.MIN_PER_HOUR, context)
        if gtfs_path:
            return self._gtfs_stops(parameters, context, gtfs_path, crs, low, high, minimum, feedback)
        return self._layer_stops(parameters, context, layer, crs, low, high, minimum, feedback)

    def _gtfs_stops(self, parameters, context, path, crs, low, high, minimum, feedback):
        import numpy as np

        from ..alliance_plugin.core import transit

        weekday = transit.WEEKDAYS[self.parameterAsEnum(parameters, self.WEEKDAY, context)]
        date = self.parameterAsString(parameters, self.DATE, context).strip() or None
        start = self.parameterAsString(parameters, self.START_TIME, context).strip()
        end = self.parameterAsString(parameters, self.END_TIME, context).strip()
        feed = transit.read_gtfs(path)
        if "calendar" not in feed:
            feedback.pushInfo(self.tr("The GTFS feed has no calendar.txt: services come from calendar_dates.txt "
                                      "alone."))
        departures = transit.stop_departures(feed, weekday=weekday, date=date, start=start, end=end)
        day = departures.attrs["date"]
        feedback.pushInfo(self.tr("GTFS {name}: {stops:,} stops, departures counted on {day} from {start} to {end} "
                                  "({served:,} stops served in the window).").format(
                                      name=path, stops=len(departures), day=day, start=start, end=end,
                                      served=int((departures["departures"] > 0).sum())))
        qualifying = transit.qualifying_stops(departures, min_per_hour=minimum, low_distance=low,
                                              high_distance=high)
        table = transit.gtfs_stops(feed, departures, qualifying)
        lon, lat = table["stop_lon"].to_numpy(), table["stop_lat"].to_numpy()
        placed = np.isfinite(lon) & np.isfinite(lat)
        if (~placed & table["qualifies"].to_numpy()).any():
            feedback.pushWarning(self.tr("{n} qualifying stops have no coordinates in stops.txt: they are left "
                                         "out.").format(n=int((~placed & table["qualifies"].to_numpy()).sum())))
        transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs,
                                           context.transformContext())
        x, y = np.full(len(table), np.nan), np.full(len(table), np.nan)
        for i in np.flatnonzero(placed):
            try:
                point = transform.transform(float(lon[i]), float(lat[i]))
            except QgsCsException:  # coordinates out of range: the stop stays unplaced, as without coordinates
                continue
            x[i], y[i] = point.x(), point.y()
        table["x"], table["y"] = x, y
        table["date"] = day
        table = table.reset_index().rename(columns={"index": "stop_id"})
        table = table.drop(columns=["stop_lon", "stop_lat"])
        settings = "gtfs date={d} window={s}-{e} min_per_hour={m:g}".format(d=day, s=start, e=end, m=minimum)
        return table, settings

    def _layer_stops(self, parameters, context, layer, crs, low, high, minimum, feedback):
        import numpy as np
        import pandas as pd

        from ..alliance_plugin.core import transit

        id_field = self.parameterAsString(parameters, self.STOP_ID_FIELD, context)
        capacity_field = self.parameterAsString(parameters, self.CAPACITY_FIELD, context)
        frequency_field = self.parameterAsString(parameters, self.FREQUENCY_FIELD, context)
        names = [f for f in (id_field, capacity_field, frequency_field) if f]
        frame = read_layer(layer, list(dict.fromkeys(names)), feedback, crs=crs, context=context).frame
        xy = inner_points(frame["geometry"].to_numpy())
        raw = frame[capacity_field] if capacity_field else pd.Series([None] * len(frame), dtype=object)
        stops = pd.DataFrame({"stop_id": as_text(frame[id_field] if id_field else frame.index),
                              "x": xy[:, 0], "y": xy[:, 1], "capacity_raw": as_text(raw)})
        per_hour = pd.to_numeric(frame[frequency_field], errors="coerce").to_numpy(dtype=float) if frequency_field \
            else None
        table, unknown = transit.layer_stops(stops, raw.to_numpy(), per_hour, low_distance=low, high_distance=high,
                                             min_per_hour=minimum)
        if capacity_field and len(unknown):
            feedback.pushWarning(self.tr("Capacity values not recognised, counted as low capacity: {values}.")
                                 .format(values=", ".join(f"{v or 'NULL'} ({c})" for v, c in unknown.head(10).items())))
        no_geometry = ~np.isfinite(xy).all(axis=1)
        if no_geometry.any():
            feedback.pushWarning(self.tr("{n} stops have no geometry: they are left out.").format(
                n=int(no_geometry.sum())))
        settings = "stops={layer} min_per_hour={m}".format(
            layer=layer.sourceName(), m=f"{minimum:g}" if frequency_field else "-")
        return table, settings

    # --- run -------------------------------------------------------------------------------------

    def compute(self, parameters, context, feedback):
        with cycle_collector_paused():
            return self._compute(parameters, context, feedback)

    def _compute(self, parameters, context, feedback):
        import numpy as np
        import pandas as pd

        from ..alliance_plugin.core import transit

        steps, source, crs = self.startRun(parameters, context, feedback)
        group_fields = {name: self.parameterAsString(parameters, key, context) for name, key in
                        (("sex", self.SEX_FIELD), ("age", self.AGE_FIELD), ("disability", self.DISABILITY_FIELD))}
        group_fields = {name: field for name, field in group_fields.items() if field}
        stops, settings = self._stops(parameters, context, crs, steps)
        population = self.readPopulation(parameters, context, crs, steps, group_fields.values(), self.OUTPUT)

        steps.setCurrentStep(1)
        net = self.readNetwork(parameters, context, crs, steps, steps.setProgress)
        if steps.isCanceled():
            return {}
        qualifying = self._qualifying(stops, steps)
        steps.setCurrentStep(2)
        method = PROXY if net is None else "network"
        search = parameters.get(self.SEARCH_DISTANCE)
        snap = self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context)
        access = transit.population_access(
            net, population.xy, qualifying, snap_tolerance=snap, areas=bool(parameters.get(self.OUTPUT_AREAS)),
            search_distance=None if search in (None, "") else self.parameterAsDouble(
                parameters, self.SEARCH_DISTANCE, context), progress=steps.setProgress, is_canceled=steps.isCanceled)
        if access is None:
            return {}
        if net is not None and len(qualifying):
            self.reportSnapping(access.points.attrs, population, steps, self.tr("qualifying stop"))
        if steps.isCanceled():
            return {}

        steps.setCurrentStep(3)
        territories, territory, _ = self.locateInTerritories(parameters, context, crs, steps, population.xy)
        groups = {name: as_text(population.frame[field]) for name, field in group_fields.items()}
        flag = access.points["access"].to_numpy(dtype=bool)
        table = transit.access_table(flag, population.values, groups or None, territory)
        params = self.runParams(method, "{s} low={lo:g} high={hi:g}".format(
            s=settings, lo=self.parameterAsDouble(parameters, self.LOW_DISTANCE, context),
            hi=self.parameterAsDouble(parameters, self.HIGH_DISTANCE, context)), net, snap, crs)
        total, reached, share = transit.overall_share(flag, population.values)
        steps.pushInfo(self.tr("{method}: {reached:,.0f} of {total:,.0f} people have access ({share}).").format(
            method=method, reached=reached, total=total,
            share="-" if share is None else f"{share:.1f} %"))

        steps.setCurrentStep(4)
        per_point = transit.point_fields(access.points, qualifying, index=population.frame.index)
        text = {"method": _repeated(method, len(per_point)), "params": _repeated(params, len(per_point))}
        if territory is not None:
            text = {"territory": territory, **text}
        for name, values in text.items():  # Python strings, not pandas 3's Arrow ones (see point_fields)
            per_point[name] = pd.Series(values, index=per_point.index, dtype=object)
        shares = transit.percent_shares(table).assign(method=method, params=params)
        outputs = {self.OUTPUT: self.writePopulation(parameters, self.OUTPUT, context, population, per_point,
                                                      self.tr("Population with access"), steps),
                   self.OUTPUT_SHARES: self.writeTable(parameters, self.OUTPUT_SHARES, context, shares, steps)}
        if territories is not None and parameters.get(self.OUTPUT_TERRITORIES):
            per = transit.territory_shares(table, territories.frame["code"], index=territories.frame.index).assign(
                method=method, params=params)
            outputs[self.OUTPUT_TERRITORIES] = self.writeTerritoryTable(parameters, context, territories, per, steps)
        if access.areas is not None:
            outputs[self.OUTPUT_AREAS] = self._writeAreas(parameters, context, qualifying, access, population.values,
                                                          method, params, crs, steps, output_crs=source.sourceCrs())
        if parameters.get(self.OUTPUT_STOPS):
            outputs[self.OUTPUT_STOPS] = self._writeStops(parameters, context, stops, method, params, crs, steps,
                                                          output_crs=source.sourceCrs())
        outputs.update({self.SHARE: share, self.POPULATION_TOTAL: total, self.POPULATION_WITH_ACCESS: reached,
                        self.QUALIFYING_STOPS: len(qualifying),
                        self.UNPLACED: int((~access.points["snapped"].to_numpy(dtype=bool)).sum()),
                        self.METHOD: method})
        return outputs

    def _qualifying(self, stops, feedback):
        """The stops that qualify and have coordinates; the log says how many, and warns when none does."""
        from ..alliance_plugin.core import transit

        qualifying = transit.placed_qualifying(stops)
        feedback.pushInfo(self.tr("{q:,} of {n:,} stops qualify ({high:,} high capacity).").format(
            q=len(qualifying), n=len(stops), high=int((qualifying["capacity"] == "high").sum())))
        if qualifying.empty:
            feedback.pushWarning(self.tr("No stop qualifies: nobody has access. Check the window, the weekday and "
                                         "the minimum departures per hour."))
        return qualifying

    def _writeAreas(self, parameters, context, qualifying, access, values, method, params, crs, feedback,
                    output_crs=None):
        from ..alliance_plugin.core import transit

        table, geometries = transit.service_areas(qualifying, access, values)
        table["method"], table["params"] = method, params
        wkb_type = compat.WkbType.MultiPolygon if method == PROXY else compat.WkbType.MultiLineString
        unsnapped = int(access.points.attrs.get("unsnapped_stops", 0))
        if unsnapped:
            feedback.pushInfo(self.tr("{n} qualifying stops reach no street within the snap tolerance: no service "
                                      "area.").format(n=unsnapped))
        return self.writeFrame(parameters, self.OUTPUT_AREAS, context, table, geometries, wkb_type, crs,
                               feedback, self.INT_COLUMNS, self.TEXT_COLUMNS, output_crs=output_crs)

    def _writeStops(self, parameters, context, stops, method, params, crs, feedback, output_crs=None):
        import numpy as np
        import shapely

        placed = np.isfinite(stops[["x", "y"]].to_numpy()).all(axis=1)
        table = stops[placed].drop(columns=["x", "y"]).copy()
        table["qualifies"] = table["qualifies"].astype(int)
        table["method"], table["params"] = method, params
        geometries = shapely.points(stops.loc[placed, ["x", "y"]].to_numpy())
        return self.writeFrame(parameters, self.OUTPUT_STOPS, context, table, geometries, compat.WkbType.Point, crs,
                               feedback, self.INT_COLUMNS, self.TEXT_COLUMNS, output_crs=output_crs)


HELP = """<p>SDG 11.2.1 (recommendation 7, feeding 1 and 3): the share of the population within walking distance of a public transport stop with frequent service. Low-capacity stops (bus, tram) count within 500 m, high-capacity ones (rail, metro, ferry) within 1 000 m: both are parameters.</p>
<p><b>Stops</b> come from a point layer or a GTFS feed. With a layer, every stop qualifies unless a departures-per-hour field is given; the capacity field holds a mode (bus, tram, trolleybus, coach: low; rail, train, RER, metro, subway, ferry: high; in English or French) or a GTFS route type; unknown or empty values count as low capacity (the shorter distance) and are listed in the log. With a GTFS zip (stops, routes, trips, stop_times, and calendar and/or calendar_dates; frequencies.txt is honoured), departures are counted on one day in the window (default: the feed's Tuesday with the most services, 06:00 to 20:00; times after 24:00 belong to the previous service day). A departure is a call where a passenger can board: the last stop of a trip and calls with pickup_type 1 (no pickup) do not count; stops without times are served at times interpolated as the GTFS reference says. A stop qualifies when its average departures per hour reach the minimum; it is high capacity when its rail, metro and ferry departures alone reach it. Stops with no service in the window never qualify; if none qualifies the run still ends, with nobody having access and a warning.</p>
<p><b>Population</b>: points, polygons or grid cells with a population field (or 1 per feature). Polygons stand at a point inside them. Optional sex, age group and disability fields disaggregate the shares; with territories (polygons and a code field) the shares are given per territory too. Features without geometry, outside the territories or beyond the snap tolerance are counted in the denominators without access, and the log says how many.</p>
<p><b>Outputs</b>: the population layer with <i>access</i> (1/0), <i>distance_m</i> to the nearest qualifying stop (walked, snap distances included; NULL beyond the longest access distance, or beyond the advanced search distance when given), the nearest stop and its capacity, <i>placed</i> and <i>snap_m</i>; the shares table (territory, group, value, population, with_access, share_pct); optionally the territories with their share (<i>transit_share</i>, 0 to 1, read by the recommendations scorecard); the service areas of the stops (along the network: the street pieces reached within the stop's distance, cut at the exact reach, each piece given to the nearest stop, so a stop whose streets are all nearer another has no geometry; no interpolation, no unreachable land; without a network: discs); the stops with their departures, capacity and whether they qualify. Every output has a <i>method</i> field (<i>network</i> or <i>euclidean proxy</i>) and a params field; the numeric outputs (share, population, qualifying stops, unplaced features) feed models.</p>"""
