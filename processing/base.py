"""Shared shape of every algorithm: naming, help, dependencies, error handling."""

import math
import os
import re

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorLayer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsWkbTypes,
    QgsProcessingUtils,
    QgsProviderRegistry,
)
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QIcon

from ..alliance_plugin.core.errors import AllianceError
from ..alliance_plugin.qgis_io.frame_writer import LineStrings, frame_destination, load_written, write_frame
from ..alliance_plugin.qgis_io.postgis_write import adopt_sink_output
from ..alliance_plugin.qgis_io.reading import FileTable, read_layer
from ..alliance_plugin.qgis_io.writing import (
    as_multi,
    fields_for,
    kinds_by_name,
    typed_values,
    write_features,
    write_file_table,
)
from ..alliance_plugin.qgis_io import compat
from ..alliance_plugin.toolbelt import dependencies
from ..alliance_plugin.toolbelt.i18n import tr, user_language
from ..alliance_plugin.toolbelt.resources import PLUGIN_ROOT, icon_path


def help_path(language=None):
    """The method notes shipped in the plugin's help/ folder: help/fr/index.html in French, else help/index.html."""
    language = language or user_language()
    translated = PLUGIN_ROOT / "help" / language / "index.html"
    return translated if language != "en" and translated.exists() else PLUGIN_ROOT / "help" / "index.html"


def help_url(name="", language=None):
    """``file://`` address of the method notes at the section of algorithm ``name`` (the Help button's page)."""
    url = QUrl.fromLocalFile(str(help_path(language)))
    if name:
        url.setFragment(name)
    return url.toString()


def translated_error(error):
    """A core error for the user: its English template translated (tr), then filled with its parameters,
    numbers written for people (:meth:`AllianceError.render`); the English message when there is no
    translation or the translation does not fit the parameters."""
    text = getattr(error, "template", "")  # collected by scripts/update_translations.py (core_error_templates)
    if not text:
        return str(error)
    try:
        return error.render(tr(text))
    except (KeyError, IndexError, ValueError):
        return str(error)


_PASSWORD = re.compile(r"""(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s']+)""", re.IGNORECASE)


def without_passwords(text):
    """``text`` with every ``password=...`` of a data source URI or libpq string masked (issue 16).

    >>> without_passwords("dbname='d' user='u' password='p w' sslmode=disable: failed")
    "dbname='d' user='u' password=*** sslmode=disable: failed"
    """
    return _PASSWORD.sub(r"\1***", text)


class AllianceAlgorithm(QgsProcessingAlgorithm):
    """Subclasses define ``name``, ``displayName``, ``GROUP``, ``REQUIRES``,
    ``initAlgorithm`` and ``compute`` (the recipe: parameters in, core call, sinks out).
    """

    #: (group id, translatable group name)
    GROUP = ("flows", "Flows and dependencies")
    #: Python libraries the algorithm needs (keys of dependencies.MINIMUM).
    REQUIRES = ("numpy", "pandas")

    def tr(self, text):
        return tr(text)

    def createInstance(self):
        return type(self)()

    def group(self):
        return self.tr(self.GROUP[1])

    def groupId(self):
        return self.GROUP[0]

    def icon(self):
        return QIcon(str(icon_path(self.name())))

    def svgIconPath(self):
        return str(icon_path(self.name()))

    def helpUrl(self):
        return help_url(self.name())

    def canExecute(self):
        problems = dependencies.problems(self.REQUIRES)
        if not problems:
            return True, ""
        return False, self.tr(
            "This algorithm needs Python libraries that are missing or unusable:\n{problems}\n"
            "Install them into the Python that QGIS uses, for example:\n{command}\n"
            "Plugins > Alliance of Territories > Check dependencies lists every library with its state and "
            "the command for your system.").format(
                problems="\n".join(f"- {p}" for p in problems),
                command=dependencies.install_hint(self.REQUIRES))

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:  # QGIS's "Could not load source layer for INPUT: <the URI>": never with its password
            return ok, without_passwords(message)
        inputs = {}
        for definition in self.parameterDefinitions():
            if isinstance(definition, (QgsProcessingParameterFeatureSource, QgsProcessingParameterFile,
                                       QgsProcessingParameterVectorLayer)):
                path, layer = _input_location(parameters.get(definition.name()), context)
                if path:
                    inputs[path] = (definition.description(), layer)
        for definition in self.destinationParameterDefinitions():
            path, table = _output_location(parameters.get(definition.name()))
            clash = inputs.get(path)
            if clash and (table is None or clash[1] in (None, table)):
                return False, self.tr("The output '{output}' would overwrite the input '{input}' ({path}): "
                                      "choose another file.").format(
                                          output=definition.description(), input=clash[0], path=path)
            tables = geopackage_tables(path) if table is None else []
            if len(tables) > 1:  # QGIS (checked on 3.22 and 3.40) would replace the whole file without a word
                return False, self.tr(
                    "The output '{output}' would replace the GeoPackage {path}, which holds {count} layers ({names}): "
                    "all of them would be deleted. Choose another file, or save into this GeoPackage as a new layer "
                    "(Save to GeoPackage… in the output's menu; with qgis_process: ogr:dbname='{path}' "
                    "table=\"new_layer\" (geom)).").format(
                        output=definition.description(), path=path, count=len(tables),
                        names=", ".join(tables[:5]) + (", …" if len(tables) > 5 else ""))
        return True, ""

    def addParameter(self, definition, createOutput=True):
        """Code and population field parameters default, in the dialog, to a code- or population-like field;
        decimal numbers show as people write them (15, not 15.000000)."""
        from .code_fields import make_smart

        return super().addParameter(readable_decimals(make_smart(definition)), createOutput)

    def prepareAlgorithm(self, parameters, context, feedback):
        """On QGIS's main thread, before a Desktop run moves to a worker: import what runs need.

        See :mod:`alliance_plugin.toolbelt.preload` for why (a failed run of another Python
        algorithm can leave the worker thread unable to import).
        """
        from ..alliance_plugin.toolbelt import preload

        if preload.wanted():
            preload.preload(__name__.split(".")[0])
        return True

    def processAlgorithm(self, parameters, context, feedback):
        ready, message = self.canExecute()
        if not ready:
            raise QgsProcessingException(message)
        from .crs_rule import check_crs

        failure = None
        try:
            check_crs(self, parameters, context, feedback)  # layers without a CRS: one rule for every algorithm
            outputs = self.compute(parameters, context, feedback)
        except AllianceError as error:
            failure = translated_error(error)
        except QgsProcessingException as error:  # QGIS's source and sink errors quote the URI: its password too
            failure = without_passwords(str(error))
            if failure == str(error):
                raise
        if failure is not None:
            # Raised outside the handler: the user's error does not carry the core's traceback as its context.
            raise QgsProcessingException(failure)
        from .styling import register_outputs

        register_outputs(self, parameters, context, outputs)  # names, styles and order of loaded layers
        return outputs

    def compute(self, parameters, context, feedback):
        raise NotImplementedError

    def writeFrame(self, parameters, key, context, frame, geometries, wkb_type, crs, feedback,
                   int_columns=(), text_columns=(), output_crs=None):
        """Write ``frame`` (one feature per row) with ``geometries`` (in ``crs``) to the sink ``key``.

        ``geometries``: shapely geometries, a ``frame_writer.LineStrings`` (lines by their ends, no
        geometry objects) or None. A new GeoPackage is written by the fast writer
        (``qgis_io/frame_writer.py``) when it writes what QGIS's sink would; anything else goes through
        QGIS's sink.

        With ``output_crs`` (the input's CRS) the geometries are reprojected into it and the
        layer written in it: the metric CRS made up for the computation (:func:`metric_crs`, a
        projection without a name) never reaches the user; the fields keep the numbers computed
        in metres.
        """
        kinds = kinds_by_name(frame, int_columns, text_columns)
        transform = None
        if output_crs is not None and output_crs.isValid() and crs is not None and output_crs != crs:
            transform = QgsCoordinateTransform(crs, output_crs, context.transformContext())
            crs = output_crs
        if geometries is not None and not isinstance(geometries, LineStrings) and QgsWkbTypes.isMultiType(wkb_type):
            geometries = as_multi(geometries)
        # A new GeoPackage: written by pyogrio in one call when it writes what QGIS's sink would (frame_writer).
        target = frame_destination(parameters.get(key)) if transform is None else None
        if target is not None:
            if feedback is not None and feedback.isCanceled():
                raise QgsProcessingException(self.tr("Canceled."))
            path = write_frame(target, frame, kinds, geometries, wkb_type, crs, feedback)
            if path is not None:
                load_written(context, parameters.get(key), path, self.parameterDefinition(key).description(), key)
                return path
        fields = fields_for(frame, kinds)
        sink, dest = self.parameterAsSink(parameters, key, context, fields, wkb_type,
                                          crs or QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, key))
        wkbs = None
        if isinstance(geometries, LineStrings):  # lines given by their ends (frame_writer): their WKB
            geometries, wkbs = None, geometries.wkb()
        write_features(sink, fields, typed_values(frame, kinds), geometries, feedback, transform=transform,
                       wkbs=wkbs)
        return adopt_sink_output(context, parameters.get(key), dest, self.parameterDefinition(key).description(),
                                 key)

    def writeTerritories(self, parameters, key, context, source, frame, attributes, per_feature, feedback,
                         int_columns=(), text_columns=(), name=None):
        """The input features, their own fields kept, with the columns of ``per_feature`` added.

        ``frame`` holds the features' geometries in their own CRS (column ``geometry``); None reads them
        again (when the computation used reprojected ones; ``read_layer(..., keep=True)`` gives them in the
        same read as ``own_frame``). ``attributes`` is what ``read_layer(..., keep=True)`` kept: the
        attribute lists (QGIS's sink), or the table read with pyogrio, then written back with pyogrio
        (qgis_io/fast_path.py) and loaded on completion under ``name`` (default: the output's description).
        """
        if isinstance(attributes, FileTable):
            return write_file_table(attributes, per_feature, context, parameters[key],
                                    name or self.parameterDefinition(key).description(), key, feedback)
        kinds = kinds_by_name(per_feature, int_columns, text_columns)
        fields = QgsProcessingUtils.combineFields(source.fields(), fields_for(per_feature, kinds))
        sink, dest = self.parameterAsSink(parameters, key, context, fields, source.wkbType(), source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, key))
        if frame is None:
            frame = read_layer(source, (), feedback).frame
        own_wkb = frame["wkb"].to_numpy() if "wkb" in frame.columns else None  # Z and M as read
        write_features(sink, fields, typed_values(per_feature, kinds), frame["geometry"].to_numpy(),
                       feedback, prefix_attributes=attributes, wkbs=own_wkb)
        return adopt_sink_output(context, parameters.get(key), dest,
                                 name or self.parameterDefinition(key).description(), key)


def _normalised(path):
    return os.path.normcase(os.path.realpath(path)) if path and os.path.exists(path) else None


def readable_decimals(definition):
    """Decimals for a decimal-number parameter's spin box when the algorithm set none.

    QGIS shows six (``15.000000``). A whole default of 10 or more (thresholds in %, distances
    in metres, densities, sizes) shows none; any other default shows what it needs, at least
    two (rates, speeds, small tolerances).
    """
    if not isinstance(definition, QgsProcessingParameterNumber) \
            or definition.dataType() != compat.NumberType.Double:
        return definition
    metadata = definition.metadata()
    wrapper = metadata.get("widget_wrapper")
    if isinstance(wrapper, dict) and "decimals" in wrapper:
        return definition

    def digits(value):
        if value is None or not math.isfinite(value) or abs(value) >= 1e15:
            return 0
        text = f"{abs(value):.10f}".rstrip("0")
        return len(text.split(".")[1]) if "." in text else 0

    default = definition.defaultValue()
    default = float(default) if isinstance(default, (int, float)) else None
    if default is not None and default == int(default) and abs(default) >= 10:
        decimals = 0
    else:
        decimals = max(2, digits(default))
    if isinstance(wrapper, dict):
        wrapper["decimals"] = decimals
    else:
        metadata["widget_wrapper"] = {"decimals": decimals}
    definition.setMetadata(metadata)
    return definition


def _input_location(value, context):
    """(real file path, layer name or None) of an input, when it is a file."""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source.staticValue()
    if not isinstance(value, str) or not value:
        return None, None
    layer = QgsProcessingUtils.mapLayerFromString(value, context, True)
    source = layer.source() if layer is not None else value
    parts = QgsProviderRegistry.instance().decodeUri("ogr", source)
    name = parts.get("layerName") or None
    if name is None and layer is not None and layer.providerType() == "ogr":
        sublayers = layer.dataProvider().subLayers()
        if len(sublayers) == 1:  # "id!!::!!name!!::!!..." in 3.22
            name = sublayers[0].split(layer.dataProvider().sublayerSeparator())[1]
    return _normalised(parts.get("path") or source), name


def geopackage_tables(path):
    """Names of the layers (tables of ``gpkg_contents``) of an existing GeoPackage; [] for anything else."""
    import sqlite3
    from contextlib import closing
    from pathlib import Path

    if not path or not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return []
    try:
        with closing(sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)) as db:
            return [name for name, in db.execute("SELECT table_name FROM gpkg_contents ORDER BY table_name")]
    except sqlite3.Error:
        return []


_OGR_URI = re.compile(r"""^ogr:dbname='?(?P<path>[^']+?)'?\s+table="?(?P<table>[^"\s]+)"?""")


def _output_location(value):
    """(real file path, table name or None) of a destination, when it is an existing file."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink.staticValue()
    if not isinstance(value, str) or not value:
        return None, None
    match = _OGR_URI.match(value)
    if match:
        return _normalised(match.group("path")), match.group("table")
    return _normalised(value.split("|")[0]), None
