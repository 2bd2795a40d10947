"""What the dock reads from the project's layers: one territory's indicators gathered from every layer.

How layers are joined to the territory
--------------------------------------
The dock shows one territory of the *territory layer* (the layer picked in the dock,
a polygon layer holding our indicators) identified by the value of its *code field*.
Every other vector layer of the project that carries at least one of our indicator
fields (``core.indicators.INDICATORS``; flows, functional areas, dominant flows,
regions, city network, land, growth, tenure, access, the scorecard's ``r<N>_status``)
is joined to it by the code, on the first of:

1. a field with the same name as the territory layer's code field;
2. a field named ``territory`` (our summary tables, e.g. land-tenure proxies);
3. a text or integer field whose values are territory codes: at least half of its
   non-empty values are codes of the territory layer.

The join field must hold each code at most once: a layer with several rows per
territory (flow lines, the scorecard's long table) is left out, it is not a
per-territory result. When several layers hold the same field, the territory layer
wins, then the most recently added layer.

Reading stays cheap on a national layer (35,000 territories): attributes only (no
geometry, ``setSubsetOfAttributes`` to the fields needed); the territory list is one
aggregate of the code and name fields; a layer of up to :data:`WHOLE_LAYER` features
is read once into a ``{code: attributes}`` table, a larger one one territory at a time
through an attribute filter (compiled to SQL on a GeoPackage). Everything read is kept in
:class:`LayerReader`'s cache and dropped when the layer changes (``dataChanged``,
``attributeValueChanged``, ``featureAdded``, ``featureDeleted``, ``layerModified``,
``updatedFields``, ``subsetStringChanged``) or leaves the project.
"""

import re
from functools import lru_cache
from pathlib import Path

from qgis.core import QgsAggregateCalculator, QgsExpression, QgsFeatureRequest, QgsVectorLayer
from qgis.PyQt.QtCore import QObject, QVariant, pyqtSignal

from ..core.scorecard import RULES
from ..toolbelt.i18n import tr
from ..toolbelt.resources import sample_path
from ..qgis_io import compat

try:  # engineer A's metadata (label, unit, recommendations, algorithm, kind)
    from ..core.indicators import INDICATORS, describe
except ImportError:  # pragma: no cover (older checkout)
    INDICATORS = {rule["field"]: dict(label=rule["field"], unit="", recommendations=rule["recommendations"],
                                      algorithm=rule["algorithm"], kind="ratio", scale=1.0) for rule in RULES}

    def describe(field):
        return INDICATORS.get(field)

_describe = describe


@lru_cache(maxsize=4096)
def describe(field):  # noqa: F811 (memoised: the suffix search of core.indicators.describe runs once a name)
    return _describe(field)


RULE_FIELDS = {rule["field"] for rule in RULES}
CONTEXT_FIELDS = {"main_partner", "fua_id", "nd_parent"}
NAME_FIELDS = ("name", "nom", "name_latn", "label", "libelle", "lib", "nom_com")
STATUS_FIELD = re.compile(r"^r[1-8]_(status|text)$")
#: Field names too common to mark a layer as ours on their own (input data often has them).
GENERIC_FIELDS = {"label", "band", "flag", "region", "volume", "rank", "access", "b", "density", "status",
                  "units", "parcels", "observed", "expected", "residual", "reverse", "role", "internal",
                  "inflow", "outflow", "departures", "per_hour", "region_id", "isolated", "area_id", "city_id",
                  "resource", "production", "consumption", "net", "gives", "receives", "n_types"}
#: The fields of alliance:resourcebalance's table of balances (one row per territory and resource) the R6
#: card draws, in this order.
BALANCE_FIELDS = ("resource", "unit", "production", "consumption", "self_sufficiency")
SAMPLE_PROPERTY = "alliance/sample"
#: Layers up to this many features are read whole once; larger ones one territory at a time.
WHOLE_LAYER = 5000


def python_value(value):
    """A QVariant (NULL included) becomes a Python value or None."""
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    return value


def indicator_fields(layer):
    """The fields of ``layer`` that are our indicators (known to core.indicators), in layer order."""
    return [name for name in layer.fields().names() if describe(name) is not None or STATUS_FIELD.match(name)]


def carries_indicators(layer):
    """A valid vector layer holding a scorecard field, a status field or two distinctive indicators."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return False
    names = indicator_fields(layer)
    if RULE_FIELDS & set(names) or any(STATUS_FIELD.match(n) for n in names):
        return True
    if names and "params" in layer.fields().names():  # our outputs record their parameters
        return True
    return len([n for n in names if n not in GENERIC_FIELDS]) >= 2


def is_alliance_layer(layer):
    """A polygon layer holding our indicators: a territory layer the dock can show."""
    return (carries_indicators(layer) and layer.geometryType() == compat.GeometryType.Polygon)


def default_code_field(layer):
    """The first text field that is not an indicator nor a name: the territory code in our outputs."""
    known = set(indicator_fields(layer)) | CONTEXT_FIELDS
    for field in layer.fields():
        if compat.is_text_field(field) and field.name() not in known and field.name().lower() not in NAME_FIELDS:
            return field.name()
    for field in layer.fields():
        if compat.is_text_field(field) and field.name() not in known:
            return field.name()
    return layer.fields().names()[0] if layer.fields().count() else ""


_POPULATION = re.compile(r"^(pop|population|p\d\d_pop|ptot|pmun|inhabitants|habitants)", re.IGNORECASE)


def population_field(layer):
    """A numeric field named like a population (``pop1971``, ``population``, ``P21_POP``...): the latest."""
    if layer is None:
        return None
    found = []
    for field in layer.fields():
        if field.isNumeric() and _POPULATION.match(field.name()) and field.name() not in INDICATORS:
            digits = re.findall(r"\d+", field.name())
            year = int(digits[-1]) if digits else -1
            year = year + 2000 if 0 <= year < 100 and "_" in field.name() else year  # P21_POP
            found.append((year, field.name()))
    return max(found)[1] if found else None


def _request(layer, names):
    request = QgsFeatureRequest().setFlags(compat.FeatureRequestFlag.NoGeometry)
    request.setSubsetOfAttributes([layer.fields().lookupField(n) for n in names])
    return request


def read_columns(layer, names, limit=None):
    """``[[value of each name] per feature]`` without geometry, only ``names``; NULL -> None."""
    positions = [layer.fields().lookupField(n) for n in names]
    request = _request(layer, names)
    if limit:
        request.setLimit(limit)
    rows = []
    for feature in layer.getFeatures(request):
        attributes = feature.attributes()
        rows.append([python_value(attributes[p]) for p in positions])
    return rows


def column_values(layer, name):
    """Every value of field ``name`` in feature order (one aggregate in C++: fast on 35,000 features)."""
    try:
        values, ok = layer.aggregate(QgsAggregateCalculator.Aggregate.ArrayAggregate, name)
    except (AttributeError, TypeError):  # pragma: no cover
        values, ok = None, False
    if not ok or values is None:
        return [row[0] for row in read_columns(layer, [name])]
    return [python_value(value) for value in values]


def read_keyed(layer, key, names):
    """``{code: attribute list}`` keyed by the text of field ``key`` (values converted later, on demand),
    and whether every code was unique. One pass, no geometry, only ``key`` and ``names``."""
    position = layer.fields().lookupField(key)
    rows, unique = {}, True
    for feature in layer.getFeatures(_request(layer, [key, *names])):
        attributes = feature.attributes()
        code = attributes[position]
        if code is None or (type(code) is QVariant and code.isNull()):
            continue
        code = str(code)
        if code in rows:
            unique = False
        rows[code] = attributes
    return rows, unique


class LayerReader(QObject):
    """Reads layers once (attributes only) and forgets them when they change: the dock's cache.

    ``changed(layer_id)`` is emitted when a cached layer's data changes.
    """

    changed = pyqtSignal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._tables = {}  # (layer id, join field) -> {code: {field: value}}
        self._territories = {}  # (layer id, code field, name field) -> [(code, label)]
        self._joins = {}  # (layer id, code field name) -> join field or None
        self._names = {}  # (layer id, code field) -> {code: label}
        self._rows = {}  # (layer id, join field) -> (positions, {code: attribute list or None}), large layers
        self._watched = {}  # layer id -> [(signal, slot)]

    # -------------------------------------------------------------- watching
    def watch(self, layer):
        if not isinstance(layer, QgsVectorLayer) or layer.id() in self._watched:
            return
        layer_id = layer.id()
        slot = lambda *_args, i=layer_id: self.invalidate(i, notify=True)  # noqa: E731
        pairs = []
        for name in ("dataChanged", "attributeValueChanged", "featureAdded", "featureDeleted", "layerModified",
                     "updatedFields", "subsetStringChanged"):
            signal = getattr(layer, name, None)
            if signal is not None:
                signal.connect(slot)
                pairs.append((signal, slot))
        self._watched[layer_id] = pairs

    def forget(self, layer_id):
        """The layer leaves the project: disconnect and drop its tables."""
        for signal, slot in self._watched.pop(layer_id, []):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self.invalidate(layer_id)

    def forget_all(self):
        for layer_id in list(self._watched):
            self.forget(layer_id)
        self._tables.clear()
        self._territories.clear()
        self._joins.clear()
        self._names.clear()
        self._rows.clear()

    def invalidate(self, layer_id, notify=False):
        caches = (self._tables, self._territories, self._joins, self._names, self._rows)
        had = any(key[0] == layer_id for cache in caches for key in cache)
        for cache in caches:
            for key in [k for k in cache if k[0] == layer_id]:
                del cache[key]
        if notify and had:
            self.changed.emit(layer_id)

    # -------------------------------------------------------------- reading
    def territories(self, layer, code_field):
        """``[(code as text, label)]`` sorted by code: the dock's territory list, without geometry."""
        names = layer.fields().names()
        name_field = next((n for n in names if n.lower() in NAME_FIELDS and n != code_field), None)
        key = (layer.id(), code_field, name_field)
        if key not in self._territories:
            self.watch(layer)
            codes = column_values(layer, code_field)
            labels = column_values(layer, name_field) if name_field else [None] * len(codes)
            items = {}
            for code, name in zip(codes, labels):
                if code is None:
                    continue
                code = str(code)
                items.setdefault(code, f"{code} · {name}" if name not in (None, "") else code)
            self._territories[key] = sorted(items.items())
            self._names[(layer.id(), code_field)] = items
        return self._territories[key]

    def names(self, layer, code_field):
        """``{code: "code · name"}`` of the territory layer."""
        self.territories(layer, code_field)
        return self._names.get((layer.id(), code_field), {})

    @staticmethod
    def _positions(layer, fields):
        return [(name, layer.fields().lookupField(name)) for name in fields]

    def codes(self, layer, code_field):
        return {code for code, _label in self.territories(layer, code_field)}

    def join_field(self, layer, territory_layer, code_field):
        """The field of ``layer`` holding the territory codes (see the module docstring), or None."""
        key = (layer.id(), code_field, territory_layer.id())
        if key in self._joins:
            return self._joins[key]
        self.watch(layer)
        names = layer.fields().names()
        found = None
        if layer.id() == territory_layer.id() or code_field in names:
            found = code_field
        elif "territory" in names:
            found = "territory"
        else:
            codes = self.codes(territory_layer, code_field)
            candidates = [f.name() for f in layer.fields()
                          if (compat.is_text_field(f) or (f.isNumeric() and "int" in f.typeName().lower()))
                          and f.name() not in INDICATORS]
            if codes and candidates:
                # The first 2,000 rows are enough to recognise a code field.
                columns = list(zip(*read_columns(layer, candidates, limit=2000))) or [()] * len(candidates)
                for name, values in zip(candidates, columns):
                    texts = [str(v) for v in values if v not in (None, "")]
                    if texts and sum(t in codes for t in texts) * 2 >= len(texts):
                        found = name
                        break
        self._joins[key] = found
        return found

    def table(self, layer, join_field):
        """``(positions, {code: attribute list})`` of our indicator fields; the dict is None when a code
        appears twice (not a per-territory layer)."""
        key = (layer.id(), join_field)
        if key not in self._tables:
            self.watch(layer)
            fields = [n for n in indicator_fields(layer) if n != join_field]
            rows, unique = read_keyed(layer, join_field, fields)
            self._tables[key] = (self._positions(layer, fields), rows if unique else None)
        return self._tables[key]

    def row(self, layer, join_field, code):
        """``(positions, attribute list or None)`` of territory ``code`` in ``layer``.

        A small layer is read whole once (:meth:`table`); a large one (over :data:`WHOLE_LAYER`
        features) one territory at a time through an attribute filter (compiled to SQL by the
        GeoPackage and database providers), each answer kept until the layer changes.
        """
        count = layer.featureCount()
        if 0 <= count <= WHOLE_LAYER:
            positions, table = self.table(layer, join_field)
            return positions, (table or {}).get(str(code))
        key = (layer.id(), join_field)
        self.watch(layer)
        if key not in self._rows:
            fields = [n for n in indicator_fields(layer) if n != join_field]
            self._rows[key] = (self._positions(layer, fields), {})
        positions, rows = self._rows[key]
        code = str(code)
        if code not in rows:
            field = layer.fields().field(join_field)
            value = int(code) if field.isNumeric() and code.lstrip("-").isdigit() else code
            request = _request(layer, [join_field, *[name for name, _p in positions]])
            request.setFilterExpression(QgsExpression.createFieldEqualityExpression(join_field, value))
            request.setLimit(2)
            found = [feature.attributes() for feature in layer.getFeatures(request)]
            rows[code] = found[0] if len(found) == 1 else None  # two rows: not a per-territory layer
        return positions, rows[code]

    def balance_rows(self, code, layers):
        """The resource balance of territory ``code``: ``[{resource, unit, production, consumption,
        self_sufficiency}]`` read from the most recent layer holding alliance:resourcebalance's table of
        balances (fields ``territory`` and :data:`BALANCE_FIELDS`) with rows for ``code``; [] when none.

        Nothing is computed: the values are those the algorithm wrote. A layer is read once (attributes
        only) into ``{territory: rows}``, kept until it changes.
        """
        code = str(code)
        for layer in reversed([layer for layer in layers if isinstance(layer, QgsVectorLayer) and layer.isValid()]):
            names = layer.fields().names()
            if "territory" not in names or not set(BALANCE_FIELDS) <= set(names):
                continue
            key = (layer.id(), "__balance__")
            if key not in self._tables:
                self.watch(layer)
                table = {}
                for territory, *values in read_columns(layer, ["territory", *BALANCE_FIELDS]):
                    if territory is not None:
                        table.setdefault(str(territory), []).append(dict(zip(BALANCE_FIELDS, values)))
                self._tables[key] = ([], table)
            rows = self._tables[key][1].get(code)
            if rows:
                return rows
        return []

    def gather(self, territory_layer, code_field, code, layers):
        """One territory's indicators from ``territory_layer`` and every layer of ``layers``.

        Returns ``(values, sources)``: ``{field: value}`` (the first non-NULL value, the territory layer
        first, then the most recent layer; None when every layer holding the field has NULL) and
        ``{field: layer name}``.
        """
        values, sources = {}, {}
        ordered = [territory_layer] + [layer for layer in reversed(layers)
                                       if layer is not None and layer.id() != territory_layer.id()]
        for layer in ordered:
            if not carries_indicators(layer):
                continue
            join = self.join_field(layer, territory_layer, code_field)
            if join is None:
                continue
            positions, attributes = self.row(layer, join, code)
            if attributes is None:
                continue
            for field, position in positions:
                value = python_value(attributes[position])
                if values.get(field) is None and (value is not None or field not in values):
                    values[field] = value  # NULL kept while no layer has a value: "not measurable"
                    sources[field] = layer.name()
        return values, sources


# --------------------------------------------------------------------------- sample data
def _sample_layer(project, kind):
    return next((layer for layer in project.mapLayers().values()
                 if layer.customProperty(SAMPLE_PROPERTY) == kind and layer.isValid()), None)


def _style(project, layers):
    """Engineer B's styling when it is there (processing/styling.py apply_style, order_layers)."""
    try:
        from ...processing import styling
    except ImportError:  # pragma: no cover
        return
    apply_style = getattr(styling, "apply_style", None)
    order_layers = getattr(styling, "order_layers", None)
    for layer in layers:
        if apply_style is not None and layer is not None:
            try:
                apply_style(layer)
            except Exception:  # noqa: BLE001 (a style must never break the sample)
                pass
    if order_layers is not None:
        try:
            order_layers(project.layerTreeRoot())
        except Exception:  # noqa: BLE001
            pass


def sample_flows_path():
    return str(sample_path("austria", "at_migration_od.csv"))


def run_sample(project):
    """Add the Austrian regions to ``project`` and run alliance:flowdependencies through Processing.

    A second call reuses the layers the first one loaded (marked with a custom property):
    no duplicate. Returns the territories output layer.
    """
    from qgis import processing

    existing = _sample_layer(project, "austria_dependencies")
    if existing is not None:
        return existing
    regions = _sample_layer(project, "austria_regions")
    if regions is None:
        path = Path(sample_path("austria", "at_nuts2_regions.gpkg"))
        regions = QgsVectorLayer(str(path), tr("Austria NUTS 2"), "ogr")
        if not regions.isValid():
            raise FileNotFoundError(tr("The sample data is missing from the plugin folder."))
        regions.setCustomProperty(SAMPLE_PROPERTY, "austria_regions")
        project.addMapLayer(regions)
    parameters = {"INPUT": regions, "ID_FIELD": "nuts2", "FLOWS": sample_flows_path(),
                  "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_LINES": "TEMPORARY_OUTPUT"}
    results = processing.run("alliance:flowdependencies", parameters)
    layer, lines = results.get("OUTPUT"), results.get("OUTPUT_LINES")
    added = []
    for output, kind, name in ((lines, "austria_lines", tr("Flow lines (dependencies)")),
                               (layer, "austria_dependencies", tr("Austria: flow dependencies"))):
        if isinstance(output, QgsVectorLayer) and output.isValid():
            output.setName(name)
            output.setCustomProperty(SAMPLE_PROPERTY, kind)
            project.addMapLayer(output)
            added.append(output)
    _style(project, [regions, *added])
    return layer if isinstance(layer, QgsVectorLayer) else None
