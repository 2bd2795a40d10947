"""Every QGIS-version-dependent name of the plugin, in one place (QGIS 3.22 to 4.x, Qt5 and Qt6).

Each name is the current API (QGIS 3.44 and QGIS 4, nothing deprecated) when the running QGIS has
it, else its QGIS 3.22 equivalent under the member names of the current API, so that callers read
as they will once 3.22 is dropped (then replace ``compat.X`` by ``Qgis.X``):

- ``WkbType`` = ``Qgis.WkbType`` (QGIS 3.30; before ``QgsWkbTypes.Type``);
- ``GeometryType`` = ``Qgis.GeometryType`` (3.30; before ``QgsWkbTypes.GeometryType``,
  members ``PointGeometry``, ``LineGeometry``, ``PolygonGeometry``, ``NullGeometry``);
- ``DistanceUnit`` = ``Qgis.DistanceUnit`` (3.30; before ``QgsUnitTypes.DistanceMeters``...);
- ``LayoutUnit`` = ``Qgis.LayoutUnit`` (3.30; before ``QgsUnitTypes.LayoutMillimeters``...);
- ``SymbolLayerProperty`` = ``QgsSymbolLayer.Property`` with the short member names of QGIS 3.30
  (``ArrowWidth``; before ``PropertyArrowWidth``);
- ``LayerFilter`` = ``Qgis.LayerFilter`` (3.34; before ``QgsMapLayerProxyModel.Filter``);
- ``SourceType`` = ``Qgis.ProcessingSourceType`` (3.36; before ``QgsProcessing.SourceType``,
  members ``TypeVectorPolygon``...);
- ``NumberType`` = ``Qgis.ProcessingNumberParameterType`` (3.36; before
  ``QgsProcessingParameterNumber.Type``);
- ``FieldDataType`` = ``Qgis.ProcessingFieldParameterDataType`` (3.36; before
  ``QgsProcessingParameterField.DataType``);
- ``FileBehavior`` = ``Qgis.ProcessingFileParameterBehavior`` (3.36; before
  ``QgsProcessingParameterFile.Behavior``);
- ``ParameterFlag`` = ``Qgis.ProcessingParameterFlag`` (3.36; before
  ``QgsProcessingParameterDefinition.Flag``, members ``FlagAdvanced``...);
- ``AlgorithmFlag`` = ``Qgis.ProcessingAlgorithmFlag`` (3.36; before ``QgsProcessingAlgorithm.Flag``,
  members ``FlagNoThreading``...);
- ``FeatureRequestFlag`` = ``Qgis.FeatureRequestFlag`` (3.36; before ``QgsFeatureRequest.Flag``);
- ``InvalidGeometryCheck`` = ``Qgis.InvalidGeometryCheck`` (3.36; before
  ``QgsFeatureRequest.InvalidGeometryCheck``, members ``GeometryNoCheck``...);
- ``make_field``: ``QgsField(name, QMetaType.Type)`` (3.38; the ``QVariant.Type`` constructor is
  deprecated there and gone with Qt6); ``is_text_field``: ``QgsField.type()`` returns a
  ``QMetaType.Type`` from 3.38 (a ``QVariant.Type`` before, which Qt6 no longer has);
- ``set_label_font``: ``QgsLayoutItemLabel.setTextFormat`` (3.24; ``setFont`` deprecated);
- ``FeatureSourceFlag``: ``Qgis.ProcessingFeatureSourceFlag`` (3.36), ``QgsProcessingFeatureSource.Flag``
  before;
- ``TextRenderFormat``: ``Qgis.TextRenderFormat`` (3.36), ``QgsRenderContext.TextRenderFormat`` before;
- ``set_layer_title``/``layer_title``: ``QgsMapLayerServerProperties`` title (3.38);
- ``set_legend_style_font``: ``QgsLegendStyle.setTextFormat`` (3.30);
- ``parameter_as_strings``: ``QgsProcessingAlgorithm.parameterAsStrings`` (3.32;
  ``parameterAsFields`` deprecated).
"""

from types import SimpleNamespace

from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsField,
    QgsMapLayerProxyModel,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingFeatureSource,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsRenderContext,
    QgsSymbolLayer,
    QgsTextFormat,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QMetaType

VERSION = Qgis.QGIS_VERSION_INT


def _current(name, legacy, renamed=None):
    """``Qgis.<name>`` when it exists, else ``legacy`` (its members renamed as in ``renamed``: new -> old)."""
    current = getattr(Qgis, name, None)
    if current is not None:
        return current
    if renamed is None:
        return legacy
    return SimpleNamespace(**{new: getattr(legacy, old) for new, old in renamed.items()})


WkbType = _current("WkbType", QgsWkbTypes.Type)
GeometryType = _current("GeometryType", QgsWkbTypes.GeometryType, {
    "Point": "PointGeometry", "Line": "LineGeometry", "Polygon": "PolygonGeometry",
    "Unknown": "UnknownGeometry", "Null": "NullGeometry"})
DistanceUnit = _current("DistanceUnit", QgsUnitTypes.DistanceUnit, {"Meters": "DistanceMeters"})
LayoutUnit = _current("LayoutUnit", QgsUnitTypes.LayoutUnit, {"Millimeters": "LayoutMillimeters"})
LayerFilter = _current("LayerFilter", QgsMapLayerProxyModel.Filter)
SourceType = _current("ProcessingSourceType", QgsProcessing.SourceType, {
    name: "Type" + name for name in ("VectorAnyGeometry", "VectorPoint", "VectorLine", "VectorPolygon",
                                     "Vector", "Raster", "File")})
NumberType = _current("ProcessingNumberParameterType", QgsProcessingParameterNumber.Type)
FieldDataType = _current("ProcessingFieldParameterDataType", QgsProcessingParameterField.DataType)
FileBehavior = _current("ProcessingFileParameterBehavior", QgsProcessingParameterFile.Behavior)
ParameterFlag = _current("ProcessingParameterFlag", QgsProcessingParameterDefinition.Flag, {
    "Advanced": "FlagAdvanced", "Optional": "FlagOptional", "Hidden": "FlagHidden"})
AlgorithmFlag = _current("ProcessingAlgorithmFlag", QgsProcessingAlgorithm.Flag, {
    "NoThreading": "FlagNoThreading"})
FeatureRequestFlag = _current("FeatureRequestFlag", QgsFeatureRequest.Flag)
InvalidGeometryCheck = _current("InvalidGeometryCheck", QgsFeatureRequest.InvalidGeometryCheck, {
    "NoCheck": "GeometryNoCheck", "SkipInvalid": "GeometrySkipInvalid", "AbortOnInvalid": "GeometryAbortOnInvalid"})
TextRenderFormat = _current("TextRenderFormat", QgsRenderContext.TextRenderFormat, {
    "AlwaysText": "TextFormatAlwaysText", "AlwaysOutlines": "TextFormatAlwaysOutlines"})
FeatureSourceFlag = _current("ProcessingFeatureSourceFlag", QgsProcessingFeatureSource.Flag, {
    "SkipGeometryValidityChecks": "FlagSkipGeometryValidityChecks"})

_ARROW = ("ArrowWidth", "ArrowStartWidth", "ArrowHeadLength", "ArrowHeadThickness")
if hasattr(QgsSymbolLayer.Property, "ArrowWidth"):  # QGIS 3.30: scoped enum with short names
    SymbolLayerProperty = QgsSymbolLayer.Property
else:
    SymbolLayerProperty = SimpleNamespace(**{name: getattr(QgsSymbolLayer.Property, "Property" + name)
                                             for name in _ARROW})

# Field types: QMetaType.Type from 3.38 (the only kind Qt6 has), QVariant.Type before.
if VERSION >= 33800:
    _FIELD_TYPES = {"string": QMetaType.Type.QString, "double": QMetaType.Type.Double,
                    "int": QMetaType.Type.LongLong}
else:
    from qgis.PyQt.QtCore import QVariant

    _FIELD_TYPES = {"string": QVariant.String, "double": QVariant.Double, "int": QVariant.LongLong}


def make_field(name, kind):
    """A ``QgsField`` of kind ``string``, ``double`` or ``int`` on every QGIS version."""
    return QgsField(name, _FIELD_TYPES[kind])


def is_text_field(field):
    """True for a string field, whatever type ``QgsField.type()`` returns on this QGIS."""
    return field.type() == _FIELD_TYPES["string"]


def set_label_font(label, font):
    """Give a layout label ``font`` (its size in points)."""
    if VERSION >= 32400:
        label.setTextFormat(QgsTextFormat.fromQFont(font))
    else:
        label.setFont(font)


def parameter_as_strings(algorithm, parameters, name, context):
    """The list of strings of a multiple field (or string) parameter."""
    if VERSION >= 33200:
        return algorithm.parameterAsStrings(parameters, name, context)
    return algorithm.parameterAsFields(parameters, name, context)


def set_layer_title(layer, title):
    """A layer's title: ``serverProperties().setTitle`` from 3.38 (``QgsMapLayer.setTitle`` deprecated)."""
    properties = layer.serverProperties()
    if hasattr(properties, "setTitle"):
        properties.setTitle(title)
    else:
        layer.setTitle(title)


def layer_title(layer):
    properties = layer.serverProperties()
    return properties.title() if hasattr(properties, "title") else layer.title()


def set_legend_style_font(legend, style, text_format, font):
    """A legend style's text: ``QgsLegendStyle.setTextFormat`` from 3.30 (``setStyleFont`` deprecated)."""
    legend_style = legend.rstyle(style)
    if hasattr(legend_style, "setTextFormat"):
        legend_style.setTextFormat(text_format)
    else:
        legend.setStyleFont(style, font)
