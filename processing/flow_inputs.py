"""Inputs shared by every flow algorithm: territories, flows, field detection, validation.

Every flow algorithm takes the same territories and flows, with the same CSV
support and field detection as ``alliance:flowdependencies``: it reads the
flows (:meth:`FlowAlgorithm.readFlows`, validated by
``core.flows.table.validate_flows``), the territories, and builds once the
flows on the territories, ``core.flows.pairs.FlowTable``, that its core
function takes (:meth:`FlowAlgorithm.readFlowInputs`).
"""

import os
from typing import NamedTuple

from qgis.core import QgsProcessingException

from ..alliance_plugin.qgis_io.flows import read_flow_input
from ..alliance_plugin.qgis_io.frame_writer import LineStrings
from ..alliance_plugin.qgis_io.layers import read_geometries
from .base import AllianceAlgorithm
from .parameters import Field, Number, NumberOutput, Source, Text, declare, territories
from ..alliance_plugin.qgis_io import compat

FLOW_HELP = """<p><b>Flows</b>: a table or layer loaded in QGIS, or a CSV file (delimiter, UTF-8/BOM/cp1252 and decimal commas detected; codes always read as text, so 01004 keeps its zero). Fields are detected from their names when left empty, including INSEE's commuting files (CODGEO/DCLT/NBFLUX_C20_ACTOCC15P, or COMMUNE/DCLT/IPONDI summed per pair). Rows repeating a pair and type are summed with a warning; missing or negative volumes stop the run and name the rows; codes that match no territory are counted, listed and left out.</p>"""


class FlowInputs(NamedTuple):
    """What :meth:`FlowAlgorithm.readFlowInputs` read."""

    #: the territories' feature source, their frame (code, asked fields, geometry) and attributes
    source: object
    frame: object
    attributes: object
    #: the code of each feature (text) and the territory ids (unique codes)
    codes: object
    ids: list
    #: the flows between known territories (core.flows.pairs.FlowTable), built once
    flows: object
    #: the flow rows left out because a code matches no territory (core.flows.table.Unmatched)
    unmatched: object
    #: the validated flows as read (core.flows.table.ValidFlows)
    valid: object


class FlowAlgorithm(AllianceAlgorithm):
    """An algorithm reading territories (polygons with a code) and an origin-destination table."""

    INPUT = "INPUT"
    ID_FIELD = "ID_FIELD"
    FLOWS = "FLOWS"
    ORIGIN_FIELD = "ORIGIN_FIELD"
    DESTINATION_FIELD = "DESTINATION_FIELD"
    VOLUME_FIELD = "VOLUME_FIELD"
    FLOW_TYPE_FIELD = "FLOW_TYPE_FIELD"
    FLOW_TYPES = "FLOW_TYPES"
    DEFAULT_FLOW_TYPE = "DEFAULT_FLOW_TYPE"
    MIN_VOLUME = "MIN_VOLUME"

    REQUIRES = ("numpy", "pandas", "shapely")

    def checkParameterValues(self, parameters, context):
        """An empty flow file is said to be empty (QGIS alone would call it "not found")."""
        value = parameters.get(self.FLOWS)
        if isinstance(value, str) and os.path.isfile(value.split("|")[0]):
            path = value.split("|")[0]
            with open(path, "rb") as handle:
                empty = not handle.read(1 << 16).strip()
            if empty:
                return False, self.tr("The flow file {path} is empty: it holds no header and no rows.").format(
                    path=path)
        return super().checkParameterValues(parameters, context)

    def territoryParameters(self, geometry_types=(compat.SourceType.VectorPolygon,)):
        """The territories and their code field, as declarations (:mod:`.parameters`)."""
        return territories(self.INPUT, self.ID_FIELD, self.tr("Territories"), self.tr("Territory code field"),
                           geometry_types)

    def flowParameters(self, optional=False):
        """The flows and how to read them (fields, types, minimum volume), as declarations."""
        return (
            Source(self.FLOWS, self.tr("Flows (table, layer or CSV file)"), optional=optional),
            *(Field(key, self.tr(label), self.FLOWS, optional=True)
              for key, label in ((self.ORIGIN_FIELD, "Origin code field"),
                                 (self.DESTINATION_FIELD, "Destination code field"),
                                 (self.VOLUME_FIELD, "Volume field"),
                                 (self.FLOW_TYPE_FIELD, "Flow type field"))),
            Text(self.FLOW_TYPES, self.tr("Flow types to keep (comma-separated)"), optional=True),
            Text(self.DEFAULT_FLOW_TYPE, self.tr("Flow type when there is no type field"), optional=True),
            Number(self.MIN_VOLUME, self.tr("Minimum volume of a flow row"), 0.0, minimum=0.0),
        )

    def addTerritoryParameters(self, geometry_types=(compat.SourceType.VectorPolygon,)):
        """Declares :meth:`territoryParameters` (for algorithms that add their parameters one group at a time)."""
        declare(self, self.territoryParameters(geometry_types))

    def addFlowParameters(self, optional=False):
        """Declares :meth:`flowParameters`."""
        declare(self, self.flowParameters(optional))

    def readFlows(self, parameters, context, feedback, extra=()):
        """The validated canonical flows (see core.flows.table.validate_flows), with ``extra`` numeric columns."""
        from ..alliance_plugin.core import flows as ft

        names = {role: self.parameterAsString(parameters, key, context).strip() or None
                 for role, key in (("origin", self.ORIGIN_FIELD), ("destination", self.DESTINATION_FIELD),
                                   ("volume", self.VOLUME_FIELD), ("flow_type", self.FLOW_TYPE_FIELD))}
        raw, columns, described = read_flow_input(self, parameters, context, feedback, names=names, extra=extra)
        feedback.pushInfo(self.tr("Flows: {source}; origin '{o}', destination '{d}', volume '{v}', type '{t}'.")
                          .format(source=described, o=columns.origin, d=columns.destination,
                                  v=columns.volume, t=columns.flow_type or "-"))
        default_type = (self.parameterAsString(parameters, self.DEFAULT_FLOW_TYPE, context).strip()
                        or (ft.COMMUTING if columns.insee_commuting else ft.DEFAULT_FLOW_TYPE))
        keep = [t for t in self.parameterAsString(parameters, self.FLOW_TYPES, context).split(",") if t.strip()]
        valid = ft.validate_flows(raw, columns, default_type=default_type, keep_types=keep or None,
                                  min_volume=self.parameterAsDouble(parameters, self.MIN_VOLUME, context),
                                  extra=extra)
        for warning in valid.warnings:
            feedback.pushWarning(warning)
        if valid.rows_below_minimum or valid.rows_of_other_types:
            feedback.pushInfo(self.tr("{below} rows below the minimum volume and {other} rows of other "
                                      "flow types were left out.").format(
                                          below=valid.rows_below_minimum, other=valid.rows_of_other_types))
        return valid

    def readTerritories(self, parameters, context, feedback, fields=()):
        """Territories: (source, frame with the code and ``fields`` and geometry, attributes, codes, ids)."""
        from ..alliance_plugin.core.flows.codes import codes_as_text

        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        if source.featureCount() == 0:
            raise QgsProcessingException(self.tr("The territories layer is empty."))
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context)
        names = list(dict.fromkeys([id_field, *[f for f in fields if f]]))
        frame, attributes = read_geometries(source, names, feedback, context=context)
        codes = codes_as_text(frame[id_field])
        return source, frame, attributes, codes, self._territory_ids(codes, feedback)

    def matchFlows(self, valid, ids, feedback, id_field):
        """Flows between known territories; unknown codes counted and reported, never silently dropped."""
        from ..alliance_plugin.core.flows.table import match_territories

        flows, unmatched = match_territories(valid.table, ids)
        if unmatched.rows:
            from ..alliance_plugin.core.errors import first_labels

            text = self.tr(
                "{rows} flow rows ({volume:,.0f} in volume) have codes that match no territory and were "
                "left out: {codes}.").format(
                    rows=unmatched.rows, volume=unmatched.volume, codes=first_labels(unmatched.codes, 10))
            if unmatched.hint:
                text += " " + self.tr(
                    "Some codes look like numbers that lost their leading zero (read the codes as text, "
                    "for example 01004 and not 1004).")
            feedback.pushWarning(text)
        if flows.empty:
            raise QgsProcessingException(self.tr(
                "No flow row matches the territory codes of '{field}' (for example {ids}; the flows "
                "hold {codes}): check the code fields.").format(
                    field=id_field, ids=", ".join(ids[:3]), codes=", ".join(unmatched.codes[:3])))
        return flows, unmatched

    def readFlowInputs(self, parameters, context, feedback, fields=(), territory_step=None, match_step=None):
        """Flows, territories and the flows between them (:class:`FlowInputs`), in this order.

        ``fields`` are the territory fields to read besides the code; ``territory_step`` and
        ``match_step``, when given, are the steps of the multi-step ``feedback`` at which the
        territories are read and the flows matched to them.
        """
        valid = self.readFlows(parameters, context, feedback)
        if territory_step is not None:
            feedback.setCurrentStep(territory_step)
        source, frame, attributes, codes, ids = self.readTerritories(parameters, context, feedback, fields)
        if match_step is not None:
            feedback.setCurrentStep(match_step)
        flows, unmatched = self.flowTable(valid, ids, feedback, parameters, context)
        return FlowInputs(source, frame, attributes, codes, ids, flows, unmatched, valid)

    def flowTable(self, valid, ids, feedback, parameters, context):
        """The flows between known territories as the structure every flow algorithm takes
        (``core.flows.pairs.FlowTable``), built once, and the rows left out (see :meth:`matchFlows`)."""
        from ..alliance_plugin.core.flows.pairs import FlowTable

        flows, unmatched = self.matchFlows(valid, ids, feedback, self.parameterAsString(parameters, self.ID_FIELD,
                                                                                        context))
        return FlowTable(flows, ids), unmatched

    def addNumberOutputs(self, labels):
        """A number output for each ``{key: translated label}``, in that order (as :class:`.parameters.NumberOutput`)."""
        declare(self, tuple(NumberOutput(key, label) for key, label in labels.items()))

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

    def perTerritory(self, frame, codes):
        """``frame``'s columns for each territory code (the first feature of a code; no NULL code)."""
        return (frame.assign(code=codes.to_numpy()).dropna(subset=["code"]).drop_duplicates("code")
                .set_index("code"))

    def writeFlowLines(self, parameters, key, context, table, codes, frame, crs, feedback,
                       int_columns=(), text_columns=()):
        """Lines between points inside the origin and destination territories of each row of ``table``.

        Rows with an end that has no geometry are not drawn, and the log says how many.
        Returns ``(destination, number of lines written)``.
        """
        from ..alliance_plugin.core.flows.lines import line_ends
        from ..alliance_plugin.core.geometry import points_by_code

        # The lines by their ends: written as WKB straight from the coordinates (a million lines: no
        # geometry objects built only to be written).
        start, end, drawn = line_ends(table["origin"].to_numpy(), table["destination"].to_numpy(),
                                      points_by_code(codes.to_numpy(), frame["geometry"].to_numpy()))
        if (~drawn).any():
            feedback.pushWarning(self.tr("{n} flows have an end without geometry and are not drawn.")
                                 .format(n=int((~drawn).sum())))
        dest = self.writeFrame(parameters, key, context, table[drawn].reset_index(drop=True),
                               LineStrings(start[drawn], end[drawn]), compat.WkbType.LineString, crs, feedback,
                               int_columns, text_columns)
        return dest, int(drawn.sum())
