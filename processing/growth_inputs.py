"""Inputs and outputs shared by the urban-growth algorithms.

Built-up at two dates (two polygon layers, or one layer with a date or year
field), a metric CRS for every measure, polygon layers read into it, frames and
territories written back, and a categorised style for class fields.
"""

import re

from qgis.core import QgsProcessingException

from ..alliance_plugin.qgis_io.layers import metric_crs
from ..alliance_plugin.qgis_io.reading import read_layer
from .base import AllianceAlgorithm
from .parameters import Field, Source
from .styling import style_on_load
from ..alliance_plugin.qgis_io import compat
from ..alliance_plugin.toolbelt import palette

BUILT_UP_HELP = """<p><b>Built-up at two dates</b>: either two polygon layers (the second holds all the built-up at the second date, the first date's included or not), or one layer with a date or year field: the first date is every feature whose year is at or before the cut-off year, the second every feature up to the last year (all when it is empty). Date and datetime fields count by their year; text fields by a number or a four-digit year in them; features without a year are left out and counted in the log. Invalid polygons are repaired with make_valid; layers in different CRSs are reprojected into one CRS in metres: the built-up layer's own, or, when it is geographic, in feet or Web Mercator, a Lambert azimuthal equal-area projection centred on the data (the log says which). Areas and distances are computed in that CRS; outputs that are new geometries are written in the built-up layer's CRS.</p>"""

GROWTH_COLOURS = dict(palette.CLASSES["growth_class"])
RING_COLOURS = palette.RING_COLOURS
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def year_of(value):
    """The year of a date, datetime, number or text value; None when there is none.

    >>> year_of(2015), year_of("2015-06-30"), year_of("1999.0"), year_of("n/a")
    (2015.0, 2015.0, 1999.0, None)
    """
    if value is None:
        return None
    if hasattr(value, "date") and hasattr(value.date(), "year"):  # QDateTime
        value = value.date()
    if hasattr(value, "year"):  # QDate (a method) or datetime.date (an attribute)
        year = value.year() if callable(value.year) else value.year
        return float(year) if year else None
    if isinstance(value, (int, float)):
        return float(value) if value == value else None
    text = str(value).strip()
    try:
        return float(text)
    except ValueError:
        match = _YEAR.search(text)
        return float(match.group(1)) if match else None


def categories_on_load(context, destination, field=None, colours=None):
    """Kept for compatibility: every output is styled by its fields (processing/styling.py)."""
    style_on_load(context, destination)


class GrowthAlgorithm(AllianceAlgorithm):
    """An algorithm measuring polygons in metres, maybe from built-up at two dates."""

    BUILT_UP = "BUILT_UP"
    BUILT_UP_BEFORE = "BUILT_UP_BEFORE"
    YEAR_FIELD = "YEAR_FIELD"

    GROUP = ("growth", "Urban growth and land")
    REQUIRES = ("numpy", "pandas", "shapely", "scipy")

    def builtUpParameters(self):
        """The built-up at two dates (two layers, or one layer and its date or year field), as declarations."""
        return (
            Source(self.BUILT_UP, self.tr("Built-up at the second date (or both dates)"),
                   (compat.SourceType.VectorPolygon,)),
            Source(self.BUILT_UP_BEFORE, self.tr("Built-up at the first date"), (compat.SourceType.VectorPolygon,),
                   optional=True),
            Field(self.YEAR_FIELD, self.tr("Date or year field (one layer for both dates)"), self.BUILT_UP,
                  optional=True),
        )

    def sourceOf(self, parameters, key, context, what, optional=False, allow_empty=False):
        """The feature source ``key``; None when optional and not given; refused when empty unless allowed."""
        if not optional or parameters.get(key) not in (None, ""):
            source = self.parameterAsSource(parameters, key, context)
            if source is None:
                if optional:
                    return None
                raise QgsProcessingException(self.invalidSourceError(parameters, key))
            if source.featureCount() == 0 and not allow_empty:
                raise QgsProcessingException(self.tr("{what} is empty.").format(what=what))
            return source
        return None

    def metricCrs(self, source, feedback):
        return metric_crs(source.sourceCrs(), source.sourceExtent(), feedback)

    def readPolygons(self, source, crs, context, feedback, names=(), keep=False):
        """The features of ``source`` read once (:class:`~.reading.InputFeatures`).

        ``frame`` holds the attributes ``names`` (only those are read) and ``geometry`` in ``crs``; with
        ``keep``, ``attributes`` and ``own_frame`` (geometries in the source's CRS) hold what writing the
        features back needs (:meth:`writeTerritories`).
        """
        return read_layer(source, names, feedback, crs=crs, context=context, keep=keep)

    def optionalNumber(self, parameters, key, context):
        """A number parameter left empty is None (0 would be a value)."""
        if parameters.get(key) in (None, ""):
            return None
        return self.parameterAsDouble(parameters, key, context)

    def readBuiltUp(self, parameters, context, crs, feedback, cutoff, end=None):
        """Built-up at the first and second dates in ``crs``: two arrays of shapely geometries.

        ``cutoff`` and ``end`` are years, used only with one layer and a year field.
        """
        import numpy as np

        after_source = self.sourceOf(parameters, self.BUILT_UP, context, self.tr("The built-up layer"))
        before_source = self.sourceOf(parameters, self.BUILT_UP_BEFORE, context,
                                      self.tr("The built-up layer of the first date"), optional=True,
                                      allow_empty=True)
        year_field = self.parameterAsString(parameters, self.YEAR_FIELD, context)
        if before_source is not None and year_field:
            raise QgsProcessingException(self.tr(
                "Give the first date either as a second layer or as a year field, not both."))
        if before_source is not None:
            after = self.readPolygons(after_source, crs, context, feedback).frame
            before = self.readPolygons(before_source, crs, context, feedback).frame
            feedback.pushInfo(self.tr("Built-up: {before} polygons at the first date, {after} at the second.")
                              .format(before=len(before), after=len(after)))
            if before.empty:
                feedback.pushWarning(self.tr("No built-up at the first date: all the built-up is new."))
            return before["geometry"].to_numpy(), after["geometry"].to_numpy()
        if not year_field:
            raise QgsProcessingException(self.tr(
                "The built-up at the first date is missing: give a second layer, or a date or year field "
                "and a cut-off year."))
        if cutoff is None:
            raise QgsProcessingException(self.tr("With a year field, give the cut-off year of the first date."))
        if end is not None and end < cutoff:
            raise QgsProcessingException(self.tr("The last year ({end:g}) is before the cut-off year ({cutoff:g}).")
                                         .format(end=end, cutoff=cutoff))
        frame = self.readPolygons(after_source, crs, context, feedback, [year_field]).frame
        years = np.array([np.nan if y is None else y for y in map(year_of, frame[year_field])], dtype=float)
        unknown = int(np.isnan(years).sum())
        if unknown:
            feedback.pushWarning(self.tr("{n} built-up features have no year in '{field}': they are left out.")
                                 .format(n=unknown, field=year_field))
        geometries = frame["geometry"].to_numpy()
        before = geometries[years <= cutoff]
        after = geometries[years <= (np.inf if end is None else end)]
        feedback.pushInfo(self.tr("Built-up from '{field}': {before} polygons up to {cutoff:g}, {after} up to {end}.")
                          .format(field=year_field, before=len(before), cutoff=cutoff, after=len(after),
                                  end=self.tr("the last year") if end is None else f"{end:g}"))
        if len(before) == 0:
            feedback.pushWarning(self.tr("No built-up up to the cut-off year {cutoff:g}.").format(cutoff=cutoff))
        return before, after
