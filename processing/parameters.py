"""Declarative parameter groups: the blocks many algorithms repeat, written once and read as a list.

An algorithm says what it takes and gives as a tuple of small declarations, and
:func:`declare` turns them into ``addParameter``/``addOutput`` calls in the order
given, with the same QGIS classes, names, descriptions, defaults and flags as the
calls written by hand. What each algorithm declares stays in its own
``initAlgorithm``, readable at a glance::

    declare(self, (
        Sink(self.OUTPUT, self.tr("Territories with a status per recommendation"), compat.SourceType.VectorPolygon),
        Sink(self.OUTPUT_TABLE, self.tr("Scorecard (one row per rule)")),
        FileOutput(self.OUTPUT_HTML, self.tr("Scorecard report"), self.tr("HTML files (*.html)"), optional=True),
        StringOutput(self.SUMMARY, self.tr("Scorecard summary")),
    ))

Descriptions are given translated (``self.tr("...")`` at the call site), so that
``scripts/update_translations.py`` finds them where they are written; a label taken
from a literal tuple in a comprehension is found too
(``*(NumberOutput(key, self.tr(label)) for key, label in ((A, "..."), ...))``).

Parameters: :class:`Source`, :class:`Field`, :class:`Layers`, :class:`Raster`, :class:`Band`,
:class:`File`, :class:`Text`, :class:`Number`, :class:`Choice`, :class:`Switch`; outputs: :class:`Sink`,
:class:`FileOutput`, :class:`NumberOutput`, :class:`StringOutput`.

Groups: :func:`territories` (a layer and its code field) and :func:`indicator_layers`;
:func:`make_advanced` moves parameters already declared (e.g. the flow fields of
``FlowAlgorithm.addFlowParameters``) to the Advanced section.
"""

from dataclasses import dataclass
from typing import Any, Optional, Tuple

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBand,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..alliance_plugin.qgis_io import compat


@dataclass(frozen=True)
class Source:
    """A feature source (``QgsProcessingParameterFeatureSource``) of the given geometry ``types``."""
    key: str
    label: str
    types: Tuple[Any, ...] = (compat.SourceType.Vector,)
    optional: bool = False
    advanced: bool = False

    def definition(self):
        return QgsProcessingParameterFeatureSource(self.key, self.label, list(self.types), optional=self.optional)


@dataclass(frozen=True)
class Field:
    """A field of the layer parameter ``parent``, of any type or ``numeric``; several with ``multiple``."""
    key: str
    label: str
    parent: str
    optional: bool = False
    numeric: bool = False
    multiple: bool = False
    advanced: bool = False

    def definition(self):
        kind = compat.FieldDataType.Numeric if self.numeric else compat.FieldDataType.Any
        return QgsProcessingParameterField(self.key, self.label, parentLayerParameterName=self.parent, type=kind,
                                           allowMultiple=self.multiple, optional=self.optional)


@dataclass(frozen=True)
class Layers:
    """Several layers (``QgsProcessingParameterMultipleLayers``) of ``layer_type``."""
    key: str
    label: str
    layer_type: Any = compat.SourceType.Vector
    optional: bool = False
    advanced: bool = False

    def definition(self):
        return QgsProcessingParameterMultipleLayers(self.key, self.label, self.layer_type, optional=self.optional)


@dataclass(frozen=True)
class Raster:
    """A raster layer (``QgsProcessingParameterRasterLayer``)."""
    key: str
    label: str
    optional: bool = False
    advanced: bool = False

    def definition(self):
        return QgsProcessingParameterRasterLayer(self.key, self.label, optional=self.optional)


@dataclass(frozen=True)
class Band:
    """A band of the raster parameter ``parent`` (``QgsProcessingParameterBand``), ``default`` by default."""
    key: str
    label: str
    parent: str
    default: Any = None
    optional: bool = False
    advanced: bool = False

    def definition(self):
        return QgsProcessingParameterBand(self.key, self.label, self.default, parentLayerParameterName=self.parent,
                                          optional=self.optional)


@dataclass(frozen=True)
class File:
    """An input file (``QgsProcessingParameterFile``) chosen with ``file_filter``."""
    key: str
    label: str
    file_filter: str = ""
    optional: bool = False
    advanced: bool = False

    def definition(self):
        return QgsProcessingParameterFile(self.key, self.label, compat.FileBehavior.File,
                                          fileFilter=self.file_filter, optional=self.optional)


@dataclass(frozen=True)
class Text:
    """A free text (``QgsProcessingParameterString``), on several lines with ``multi_line``."""
    key: str
    label: str
    default: Any = None
    optional: bool = False
    multi_line: bool = False
    advanced: bool = False

    def definition(self):
        return QgsProcessingParameterString(self.key, self.label, self.default, multiLine=self.multi_line,
                                            optional=self.optional)


@dataclass(frozen=True)
class Choice:
    """One of ``options`` (translated labels; the value is the index), ``default`` by default."""
    key: str
    label: str
    options: Tuple[str, ...]
    default: Any = None
    optional: bool = False
    advanced: bool = False

    def definition(self):
        return QgsProcessingParameterEnum(self.key, self.label, options=list(self.options),
                                          defaultValue=self.default, optional=self.optional)


@dataclass(frozen=True)
class Switch:
    """Yes or no (``QgsProcessingParameterBoolean``), ``default`` by default."""
    key: str
    label: str
    default: bool = False
    optional: bool = False
    advanced: bool = False

    def definition(self):
        return QgsProcessingParameterBoolean(self.key, self.label, self.default, optional=self.optional)


@dataclass(frozen=True)
class Number:
    """A decimal number (an integer with ``integer=True``); ``decimals`` fixes how the dialog shows it
    (15, not 15.000000; without it ``AllianceAlgorithm.addParameter`` chooses)."""
    key: str
    label: str
    default: Any = None
    minimum: Optional[float] = None
    maximum: Optional[float] = None
    decimals: Optional[int] = None
    integer: bool = False
    optional: bool = False
    advanced: bool = False

    def definition(self):
        kind = compat.NumberType.Integer if self.integer else compat.NumberType.Double
        limits = {}
        if self.minimum is not None:
            limits["minValue"] = self.minimum
        if self.maximum is not None:
            limits["maxValue"] = self.maximum
        parameter = QgsProcessingParameterNumber(self.key, self.label, kind, self.default, self.optional, **limits)
        if self.decimals is not None:
            parameter.setMetadata({"widget_wrapper": {"decimals": self.decimals}})
        return parameter


@dataclass(frozen=True)
class Sink:
    """A feature sink (an output layer) of geometry ``kind``."""
    key: str
    label: str
    kind: Any = compat.SourceType.Vector
    optional: bool = False
    create_by_default: bool = True
    advanced: bool = False

    def definition(self):
        return QgsProcessingParameterFeatureSink(self.key, self.label, self.kind, optional=self.optional,
                                                 createByDefault=self.create_by_default)


@dataclass(frozen=True)
class FileOutput:
    """An output file (``QgsProcessingParameterFileDestination``) with its ``file_filter``."""
    key: str
    label: str
    file_filter: str
    optional: bool = False
    create_by_default: bool = True
    advanced: bool = False

    def definition(self):
        return QgsProcessingParameterFileDestination(self.key, self.label, self.file_filter, optional=self.optional,
                                                     createByDefault=self.create_by_default)


@dataclass(frozen=True)
class Output:
    """A value the algorithm returns beside its layers and files (``OUTPUT_CLASS``, a QgsProcessingOutput)."""
    key: str
    label: str

    OUTPUT_CLASS = None

    def output(self):
        return self.OUTPUT_CLASS(self.key, self.label)


class NumberOutput(Output):
    """A number the algorithm returns (``QgsProcessingOutputNumber``)."""
    OUTPUT_CLASS = QgsProcessingOutputNumber


class StringOutput(Output):
    """A text the algorithm returns (``QgsProcessingOutputString``)."""
    OUTPUT_CLASS = QgsProcessingOutputString


def declare(algorithm, declarations):
    """Add every declaration to ``algorithm``, in order: parameters with ``addParameter`` (flagged
    Advanced when asked), outputs with ``addOutput``. Returns the declarations."""
    for item in declarations:
        if hasattr(item, "output"):
            algorithm.addOutput(item.output())
            continue
        definition = item.definition()
        if item.advanced:
            definition.setFlags(definition.flags() | compat.ParameterFlag.Advanced)
        algorithm.addParameter(definition)
    return declarations


def make_advanced(algorithm, keys):
    """Move the parameters ``keys``, already added, to the Advanced section of the dialog."""
    for key in keys:
        definition = algorithm.parameterDefinition(key)
        definition.setFlags(definition.flags() | compat.ParameterFlag.Advanced)


def territories(layer_key, field_key, layer_label, field_label,
                types=(compat.SourceType.VectorPolygon,), optional=False):
    """The territories: a layer and its code field (``FlowAlgorithm.addTerritoryParameters`` declares
    ``territories("INPUT", "ID_FIELD", tr("Territories"), tr("Territory code field"))``)."""
    return (Source(layer_key, layer_label, tuple(types), optional=optional),
            Field(field_key, field_label, layer_key, optional=optional))


def indicator_layers(key, label):
    """Optional indicator layers (outputs of our algorithms sharing the territories' code field)."""
    return (Layers(key, label, compat.SourceType.Vector, optional=True),)
