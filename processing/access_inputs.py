"""What the access algorithms (alliance:transitaccess, alliance:serviceaccess) share.

The same shape in both, written once here: population, territories and street
network parameters (as declarations of :mod:`.parameters`, which each
``initAlgorithm`` lists in its own ``declare``) and their reading (population
points, territory of each point, the network), the METHOD output, the metric
CRS and the multi-step feedback of a run, the ``params`` text, and the writing
of the population and of plain tables. What each measures stays in its own module.
"""

from dataclasses import dataclass

from qgis.core import (
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
)

from ..alliance_plugin.qgis_io.fast_path import fast_path
from ..alliance_plugin.qgis_io.layers import metric_crs
from ..alliance_plugin.qgis_io.reading import read_layer
from .base import AllianceAlgorithm
from .parameters import Field, Number, Source, StringOutput, territories
from ..alliance_plugin.qgis_io import compat

NETWORK_HELP = """<p><b>Street network</b> (optional): lines, walked in both directions. Line ends closer than the topology tolerance are one junction; lines that cross without sharing a vertex are not connected (as in QGIS's network analysis). Points, stops and facilities are snapped to the nearest point of the nearest street (not to the nearest vertex) when it lies within the snap tolerance, and that straight snap distance is added to their walk. Points farther away are kept, counted in the log and in the numeric outputs, and get no access (the denominator keeps them: nobody is lost). The graph is built once per run; one multi-source shortest-path search per access distance, with a cut-off, gives every distance. A network in several disconnected parts is reported with the population sitting on parts that hold no stop or facility.</p>
<p><b>Without a network</b>, distances are straight lines: every output says <i>euclidean proxy</i> in its method field and the log says it too.</p>
<p>Distances are in metres: a geographic CRS, one in feet, or Web Mercator is replaced by a Lambert azimuthal equal-area projection centred on the population (the log says so), into which the other layers are reprojected.</p>"""

PROXY = "euclidean proxy"


def as_text(values):
    """Values as text (an object array), NULL kept as None: identifiers and group keys."""
    import pandas as pd

    column = pd.Series(values).astype(object)
    return column.where(column.notna(), None).map(lambda v: None if v is None else str(v)).to_numpy()


def inner_points(geometries):
    """``(n, 2)`` coordinates of a point inside each geometry (points stay themselves); NaN without one.

    Missing and empty geometries (a GeoPackage stores a NULL point as an empty one) have no point.
    """
    import numpy as np
    import shapely

    geometries = np.asarray(geometries, dtype=object)
    xy = np.full((len(geometries), 2), np.nan)
    present = ~(shapely.is_missing(geometries) | shapely.is_empty(geometries))
    if present.any():
        kept = geometries[present]
        if (shapely.get_type_id(kept) == 0).all():  # points: their own coordinates (no GEOS call each)
            xy[present] = shapely.get_coordinates(kept)
        else:
            inside = shapely.point_on_surface(kept)
            xy[present] = np.column_stack([shapely.get_x(inside), shapely.get_y(inside)])
    return xy


@dataclass
class Population:
    """Population features read once: attributes, representative points (x, y) in metres, counts.

    ``frame`` holds the fields asked for and the geometries in the computation's CRS;
    ``attributes`` and ``own_frame`` are what writing the features back needs
    (``read_layer(..., keep=True)``: QGIS's attribute lists or the table pyogrio read).
    """

    source: object
    frame: object
    attributes: object
    own_frame: object
    xy: object
    values: object


@dataclass
class Territories:
    """Territories read once: ``frame`` with ``code`` (and ``class``) and geometries in the computation's CRS.

    ``attributes`` and ``own_frame`` (geometries in the source's CRS) are kept only when the territories
    are written back (``OUTPUT_TERRITORIES``); otherwise only the code and class fields are read.
    """

    source: object
    frame: object
    attributes: object = None
    own_frame: object = None


class AccessAlgorithm(AllianceAlgorithm):
    """Base of the access algorithms; each sets ``INT_COLUMNS`` and ``TEXT_COLUMNS`` of its outputs."""

    POPULATION = "POPULATION"
    POPULATION_FIELD = "POPULATION_FIELD"
    TERRITORIES = "TERRITORIES"
    TERRITORY_FIELD = "TERRITORY_FIELD"
    NETWORK = "NETWORK"
    SNAP_TOLERANCE = "SNAP_TOLERANCE"
    TOPOLOGY_TOLERANCE = "TOPOLOGY_TOLERANCE"
    OUTPUT = "OUTPUT"
    OUTPUT_TERRITORIES = "OUTPUT_TERRITORIES"
    METHOD = "METHOD"
    INT_COLUMNS = ()
    TEXT_COLUMNS = ()

    GROUP = ("mobility", "Mobility and access")
    REQUIRES = ("numpy", "pandas", "shapely", "scipy:core")  # no scipy.ndimage/signal (dependencies.PARTS)

    def populationParameters(self, label):
        """The population layer (``label``) and its optional count field, as declarations (:mod:`.parameters`)."""
        return (
            Source(self.POPULATION, label, (compat.SourceType.VectorPoint, compat.SourceType.VectorPolygon)),
            Field(self.POPULATION_FIELD, self.tr("Population field (default: 1 per feature)"), self.POPULATION,
                  optional=True, numeric=True),
        )

    def territoryParameters(self):
        """The optional territories and their code field."""
        return territories(self.TERRITORIES, self.TERRITORY_FIELD, self.tr("Territories"),
                           self.tr("Territory code field"), optional=True)

    def networkParameters(self):
        """The optional street network and its snap and topology tolerances (the latter Advanced)."""
        return (
            Source(self.NETWORK, self.tr("Street network"), (compat.SourceType.VectorLine,), optional=True),
            Number(self.SNAP_TOLERANCE, self.tr("Snap tolerance to the street network (m)"), 200.0, minimum=0.0),
            Number(self.TOPOLOGY_TOLERANCE, self.tr("Topology tolerance: ends joined within (m)"), 0.01,
                   minimum=0.000001, advanced=True),
        )

    def methodOutput(self):
        """The METHOD output of every run (network or euclidean proxy), after the numeric outputs."""
        return StringOutput(self.METHOD, self.tr("Method (network or euclidean proxy)"))

    def metricCrsOf(self, source, feedback):
        return metric_crs(source.sourceCrs(), source.sourceExtent(), feedback)

    def startRun(self, parameters, context, feedback):
        """The run's five-step feedback, the population source and the CRS in metres of the computation."""
        steps = QgsProcessingMultiStepFeedback(5, feedback)
        source = self.parameterAsSource(parameters, self.POPULATION, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.POPULATION))
        return steps, source, self.metricCrsOf(source, steps)

    def runParams(self, method, settings, net, snap, crs):
        """The ``params`` field: the algorithm, its method and ``settings``, the snap tolerance, the CRS."""
        return "alliance:{name} method={m} {s} snap={sn} crs={c}".format(
            name=self.name(), m=method.replace(" ", "_"), s=settings, sn="-" if net is None else f"{snap:g}",
            c=crs.authid() or "laea")

    def readPopulation(self, parameters, context, crs, feedback, fields=(), output=None):
        """The population layer: attributes ``fields``, a representative point per feature, counts.

        Polygons and grid cells stand at a point inside them (``point_on_surface``).
        NULL populations count 0 (warned); negative ones stop the run.
        """
        import numpy as np
        import pandas as pd

        source = self.parameterAsSource(parameters, self.POPULATION, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.POPULATION))
        if source.featureCount() == 0:
            raise QgsProcessingException(self.tr("The population layer is empty."))
        field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        names = list(dict.fromkeys(f for f in (field, *fields) if f))
        fast = None if output is None else fast_path(parameters.get(self.POPULATION), parameters.get(output),
                                                     context, source, crs)
        if fast:
            feedback.pushInfo(self.tr("Population read with pyogrio from {path}.").format(path=fast.path))
        read = read_layer(source, names, feedback, crs=crs, context=context, keep=True, fast=fast)
        frame = read.frame
        xy = inner_points(frame["geometry"].to_numpy())
        missing = int((~np.isfinite(xy).all(axis=1)).sum())
        if missing:
            feedback.pushWarning(self.tr("{n} population features have no geometry: they are counted without "
                                         "access.").format(n=missing))
        if field:
            values = pd.to_numeric(frame[field], errors="coerce").to_numpy(dtype=float)
            nulls = int(np.isnan(values).sum())
            if nulls:
                feedback.pushWarning(self.tr("{n} features have no population in '{field}': they count 0.")
                                     .format(n=nulls, field=field))
            values = np.nan_to_num(values, nan=0.0)
            negative = np.flatnonzero(values < 0)
            if len(negative):
                raise QgsProcessingException(self.tr(
                    "{n} features have a negative population in '{field}' (feature ids {ids}): fix them "
                    "first.").format(n=len(negative), field=field,
                                     ids=", ".join(map(str, frame.index[negative][:5]))))
        else:
            values = np.ones(len(frame))
        return Population(source, frame, read.attributes, read.own_frame, xy, values)

    def writePopulation(self, parameters, key, context, population, per_feature, name, feedback):
        """The population features, their own fields kept, with ``per_feature`` added.

        Written with pyogrio when read so (qgis_io/fast_path.py), else through QGIS's sink.
        """
        return self.writeTerritories(parameters, key, context, population.source, population.own_frame,
                                     population.attributes, per_feature, feedback, self.INT_COLUMNS,
                                     self.TEXT_COLUMNS, name=name)

    def writeTerritoryTable(self, parameters, context, territories, per_territory, feedback):
        """The territories, their own fields kept, with ``per_territory`` added, to ``OUTPUT_TERRITORIES``."""
        return self.writeTerritories(parameters, self.OUTPUT_TERRITORIES, context, territories.source,
                                     territories.own_frame, territories.attributes, per_territory, feedback,
                                     self.INT_COLUMNS, self.TEXT_COLUMNS)

    def writeTable(self, parameters, key, context, table, feedback):
        """A table without geometry (shares, inequality, classes) to the sink ``key``."""
        return self.writeFrame(parameters, key, context, table, None, compat.WkbType.NoGeometry, None, feedback,
                               self.INT_COLUMNS, self.TEXT_COLUMNS)

    def readTerritories(self, parameters, context, crs, feedback, class_field=None):
        """The :class:`Territories` (``code``, ``class``, geometries in ``crs``), or None without territories.

        Every attribute is kept (to be written back) only when ``OUTPUT_TERRITORIES`` is asked for.
        """
        source = self.parameterAsSource(parameters, self.TERRITORIES, context)
        if source is None:
            return None
        field = self.parameterAsString(parameters, self.TERRITORY_FIELD, context)
        if not field:
            raise QgsProcessingException(self.tr("Choose the code field of the territories."))
        names = [field] + ([class_field] if class_field and class_field != field else [])
        read = read_layer(source, names, feedback, crs=crs, context=context,
                          keep=bool(parameters.get(self.OUTPUT_TERRITORIES)))
        frame = read.frame
        from ..alliance_plugin.core.flows import codes_as_text

        frame["code"] = codes_as_text(frame[field]).to_numpy()
        if class_field:
            frame["class"] = as_text(frame[class_field])
        return Territories(source, frame, read.attributes, read.own_frame)

    def locateInTerritories(self, parameters, context, crs, feedback, xy, class_field=None):
        """``(territories, code, class)`` of each point: see :meth:`readTerritories` and :meth:`territoryOf`.

        Without territories, all three are None; ``class`` is None without ``class_field`` too.
        """
        import numpy as np

        territories = self.readTerritories(parameters, context, crs, feedback, class_field)
        if territories is None:
            return None, None, None
        codes, position = self.territoryOf(territories, xy, feedback)
        classes = None
        if "class" in territories.frame:
            classes = np.where(position >= 0,
                               territories.frame["class"].to_numpy(dtype=object)[np.maximum(position, 0)], None)
        return territories, codes, classes

    def territoryOf(self, territories, xy, feedback):
        """The code of the territory holding each point (None outside every territory) and its position."""
        import numpy as np
        import shapely

        from ..alliance_plugin.core.geometry import repair

        frame = territories.frame
        polygons = repair(frame["geometry"].to_numpy())
        rows = np.flatnonzero(np.isfinite(xy).all(axis=1))
        position = np.full(len(xy), -1)
        if len(rows):
            point_rows, polygon_rows = shapely.STRtree(polygons).query(shapely.points(xy[rows]),
                                                                       predicate="intersects")
            first = np.unique(point_rows, return_index=True)[1]  # on a shared border: the first territory
            position[rows[point_rows[first]]] = polygon_rows[first]
        outside = int((position < 0).sum())
        if outside:
            feedback.pushWarning(self.tr("{n} population features lie in no territory: they count in the whole "
                                         "area only.").format(n=outside))
        codes = np.where(position >= 0, frame["code"].to_numpy(dtype=object)[np.maximum(position, 0)], None)
        return codes, position

    def readNetwork(self, parameters, context, crs, feedback, progress=None):
        """The street network (a StreetNetwork in ``crs``), or None for the straight-line proxy.

        Building the graph tells ``progress`` (0 to 100) how far it is and stops when the run is
        canceled: then None too (the caller checks ``feedback.isCanceled()``).
        """
        from ..alliance_plugin.core import network

        source = self.parameterAsSource(parameters, self.NETWORK, context)
        if source is None:
            feedback.pushWarning(self.tr("No street network: distances are straight lines (the Euclidean "
                                         "proxy); every output says so."))
            return None
        frame = self._networkFrame(parameters, context, source, crs, feedback)
        a, b, owner = network.line_segments(frame["geometry"].to_numpy())
        if not len(a):
            raise QgsProcessingException(self.tr("The street network has no line to walk along."))
        tolerance = self.parameterAsDouble(parameters, self.TOPOLOGY_TOLERANCE, context)
        net = network.build_network((a, b), owner=owner, tolerance=tolerance, progress=progress,
                                    is_canceled=feedback.isCanceled)
        if net is None:
            return None
        labels, parts = net.components()
        import numpy as np

        length = np.bincount(labels[net.u], weights=net.length, minlength=parts)
        feedback.pushInfo(self.tr("Street network: {lines:,} lines, {segments:,} segments, {nodes:,} junctions, "
                                  "{km:,.1f} km.").format(lines=len(frame), segments=len(net.u),
                                                          nodes=net.n_nodes, km=net.length.sum() / 1000))
        if parts > 1:
            feedback.pushWarning(self.tr(
                "The street network has {parts} disconnected parts; the largest holds {share:.1f} % of its "
                "length. Nobody walks from one part to another.").format(
                    parts=parts, share=100 * length.max() / length.sum()))
        return net

    def _networkFrame(self, parameters, context, source, crs, feedback):
        """The streets' geometries in ``crs``: read with pyogrio, without attributes, when the layer is a plain
        file already in ``crs`` with no filter (``fast_path.file_layer``) and lines without arcs or M values,
        the same features in the same order as QGIS's source gives them; else through QGIS's source."""
        from qgis.core import QgsWkbTypes

        from ..alliance_plugin.qgis_io import fast_path
        from ..alliance_plugin.qgis_io.reading import report_invalid

        location = fast_path.file_layer(parameters.get(self.NETWORK), context)
        wkb_type = source.wkbType()
        if location is None or crs != source.sourceCrs() or QgsWkbTypes.isCurvedType(wkb_type) \
                or QgsWkbTypes.hasM(wkb_type) or not fast_path.pyogrio_usable():
            return read_layer(source, [], feedback, crs=crs, context=context).frame
        frame, _ = fast_path.read_file(location[0], location[1], [])
        if context.invalidGeometryCheck() != compat.InvalidGeometryCheck.NoCheck:
            report_invalid(frame["geometry"].to_numpy(), source, feedback)
        return frame

    def reportSnapping(self, attrs, population, feedback, what):
        """Log the points beyond the snap tolerance and those on parts of the network without a source."""
        import numpy as np

        far = attrs.get("unsnapped_points", 0) - int((~np.isfinite(population.xy).all(axis=1)).sum())
        if far > 0:  # features without geometry were reported when read
            feedback.pushWarning(self.tr(
                "{n:,} population features are farther than the snap tolerance from any street: they are "
                "kept and counted without access.").format(n=far))
        if attrs.get("points_in_parts_without_stop"):
            feedback.pushWarning(self.tr(
                "{n:,} population features sit on parts of the network that hold no {what}: they have no "
                "access.").format(n=attrs["points_in_parts_without_stop"], what=what))
