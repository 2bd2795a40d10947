"""alliance:landtenureoverlay: parcels x tenure x constraints, exact areas, summary and SDG 1.4.2 proxies."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
)

from ..alliance_plugin.qgis_io.fast_path import fast_path
from ..alliance_plugin.qgis_io.layers import metric_crs
from ..alliance_plugin.qgis_io.reading import read_layer
from .parameters import Field, Layers, Number, NumberOutput, Sink, Source, Text, declare
from .base import AllianceAlgorithm
from ..alliance_plugin.qgis_io import compat

ROLES = ("growth", "hazard", "protected", "agriculture", "zoning")
#: The field of alliance:growthbuffers' rings holding their role (urban_core, peri_urban, rural).
RING_ROLE_FIELD = "role"
GROWTH_ROLES_DEFAULT = "peri_urban"


def growth_roles(text):
    """The roles of growth-layer features that are growth fronts; None for every feature.

    >>> growth_roles(""), growth_roles("peri_urban; rural"), growth_roles("all")
    (['peri_urban'], ['peri_urban', 'rural'], None)
    """
    roles = [item.strip() for item in (text or "").replace(";", ",").split(",") if item.strip()]
    if any(role.lower() in ("all", "*") for role in roles):
        return None
    return roles or [GROWTH_ROLES_DEFAULT]


#: Parcel code fields recognised when the parameter is empty, in this order: (field, whose).
KNOWN_PARCEL_CODES = (("geo_parcelle", "Cadastre plugin (3Liz): geo_parcelle"),
                      ("idu", "Cadastre plugin (3Liz): idu"),
                      ("id", "Etalab PCI (cadastre.data.gouv.fr)"))


def detect_parcel_code(fields):
    """``(field, source)`` of the first known parcel code field among ``fields`` (``QgsFields``), else None.

    ``geo_parcelle`` and ``idu`` are the Cadastre plugin's (``geo_parcelle`` table,
    ``parcelle_info``); ``id`` counts only as text (Etalab PCI's 14-character codes),
    not as a numeric key.
    """
    names = {field.name().lower(): field for field in fields}
    for name, origin in KNOWN_PARCEL_CODES:
        field = names.get(name)
        if field is not None and (name != "id" or not field.isNumeric()):
            return field.name(), origin
    return None


TEXT_COLUMNS = ("tenure_raw", "tenure_class", "territory", "tenure", "constraint", "parcel_geometry", "class",
                "params")
INT_COLUMNS = ("parcels", "flag_insecure_growth", "flag_hazard", "flag_agriculture_growth")


def parse_mapping(text):
    """``"titre=documented; coutume=customary"`` -> dict (raw value -> class)."""
    mapping = {}
    for item in (text or "").replace("\n", ";").split(";"):
        if "=" in item:
            key, value = item.split("=", 1)
            if key.strip():
                mapping[key.strip()] = value.strip()
    return mapping


def per_parcel_columns(index, raw, classes, overlay, flags, tenure):
    """The columns added to every parcel: raw tenure and class, area, area and share of each zone class, flags.

    ``index`` the parcels' ids, ``tenure`` the core module (``coverage``); zone class names become
    ``area_<slug>`` and ``share_<slug>`` (letters and digits kept, anything else ``_``).
    """
    import pandas as pd

    cover = tenure.coverage(overlay).reindex(index).fillna(0.0)
    share = tenure.coverage(overlay, share=True).reindex(index).fillna(0.0)
    per_parcel = pd.DataFrame({"tenure_raw": raw.astype(object).where(raw.notna(), None).to_numpy(),
                               "tenure_class": classes.to_numpy(),
                               "parcel_area": overlay.parcels.set_index("parcel_id")["area"].reindex(index)
                               .to_numpy()}, index=index)
    for name in cover.columns:
        slug = "".join(ch if ch.isalnum() else "_" for ch in str(name).lower())
        per_parcel[f"area_{slug}"] = cover[name].to_numpy()
        per_parcel[f"share_{slug}"] = share[name].to_numpy()
    for column in [c for c in flags.columns if c.startswith("flag_")]:
        per_parcel[column] = flags[column].reindex(index).fillna(False).astype(int).to_numpy()
    return per_parcel


class LandTenureOverlay(AllianceAlgorithm):
    INPUT = "INPUT"
    PARCEL_CODE_FIELD = "PARCEL_CODE_FIELD"
    TENURE_FIELD = "TENURE_FIELD"
    TENURE_MAPPING = "TENURE_MAPPING"
    POPULATION_FIELD = "POPULATION_FIELD"
    POPULATION_LAYER = "POPULATION_LAYER"
    POPULATION_LAYER_FIELD = "POPULATION_LAYER_FIELD"
    CLASS_FIELD = "CLASS_FIELD"
    TERRITORIES = "TERRITORIES"
    TERRITORY_ID_FIELD = "TERRITORY_ID_FIELD"
    MIN_SHARE = "MIN_SHARE"
    OUTPUT = "OUTPUT"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    OUTPUT_PROXIES = "OUTPUT_PROXIES"
    OUTPUT_PIECES = "OUTPUT_PIECES"
    PARCELS = "PARCELS"
    GROWTH_ROLES = "GROWTH_ROLES"
    UNMAPPED_VALUES = "UNMAPPED_VALUES"

    GROUP = ("land", "Land and tenure")
    REQUIRES = ("numpy", "pandas", "shapely")

    def name(self):
        return "landtenureoverlay"

    def displayName(self):
        return self.tr("Land-tenure overlay")

    def shortDescription(self):
        return self.tr("Parcels x tenure x constraint layers (growth fronts, hazards, protected and "
                       "agricultural land, zoning): exact areas, flags, summary and SDG 1.4.2 proxies.")

    def shortHelpString(self):
        return self.tr(HELP) + self.tr(HELP_GROWTH_FRONTS) + self.tr(HELP_PARCEL_CODE)

    def initAlgorithm(self, config=None):
        labels = {"growth": "Growth fronts (growth buffers, rings)", "hazard": "Hazard zones (flood...)",
                  "protected": "Protected areas", "agriculture": "Agricultural land",
                  "zoning": "Zoning (classes from the class field)"}
        declare(self, (
            Source(self.INPUT, self.tr("Parcels"), (compat.SourceType.VectorPolygon,)),
            Field(self.PARCEL_CODE_FIELD, self.tr("Parcel code field (if empty: geo_parcelle, idu or id when "
                                                  "present)"), self.INPUT, optional=True),
            Field(self.TENURE_FIELD, self.tr("Tenure field (if empty: all unknown)"), self.INPUT, optional=True),
            Text(self.TENURE_MAPPING, self.tr("Tenure mapping (value=class; ...)"), optional=True, multi_line=True),
            Field(self.POPULATION_FIELD, self.tr("Population field of the parcels"), self.INPUT, optional=True,
                  numeric=True),
            Source(self.POPULATION_LAYER, self.tr("Or a population layer (points)"), (compat.SourceType.VectorPoint,),
                   optional=True),
            Field(self.POPULATION_LAYER_FIELD, self.tr("Population field of that layer"), self.POPULATION_LAYER,
                  optional=True, numeric=True),
            *(Layers(role.upper(), self.tr(labels[role]), compat.SourceType.VectorPolygon, optional=True)
              for role in ROLES),
            Text(self.GROWTH_ROLES, self.tr("Growth fronts: ring roles counted"), GROWTH_ROLES_DEFAULT,
                 optional=True),
            Text(self.CLASS_FIELD, self.tr("Class field of the zoning layers"), optional=True),
            Source(self.TERRITORIES, self.tr("Territories for the summary"), (compat.SourceType.VectorPolygon,),
                   optional=True),
            Field(self.TERRITORY_ID_FIELD, self.tr("Territory code field"), self.TERRITORIES, optional=True),
            Number(self.MIN_SHARE, self.tr("Inside a zone from this share of a parcel (%)"), 0.0, minimum=0.0,
                   maximum=100.0),
            Sink(self.OUTPUT, self.tr("Parcels with tenure, constraint areas and flags"),
                 compat.SourceType.VectorPolygon),
            Sink(self.OUTPUT_SUMMARY, self.tr("Summary: tenure x constraint"), compat.SourceType.Vector),
            Sink(self.OUTPUT_PROXIES, self.tr("SDG 1.4.2 spatial proxies"), compat.SourceType.Vector),
            Sink(self.OUTPUT_PIECES, self.tr("Intersection pieces"), compat.SourceType.VectorPolygon, optional=True,
                 create_by_default=False),
            NumberOutput(self.PARCELS, self.tr("Parcels read")),
            NumberOutput(self.UNMAPPED_VALUES, self.tr("Tenure values not mapped (unknown)")),
        ))

    def _zones(self, parameters, context, crs, feedback):
        """Zones of every role in ``crs``: geometries and classes (role, or zoning:<class>)."""
        import numpy as np

        class_field = self.parameterAsString(parameters, self.CLASS_FIELD, context).strip()
        fronts = growth_roles(self.parameterAsString(parameters, self.GROWTH_ROLES, context))
        geometries, classes = [], []
        for role in ROLES:
            for layer in self.parameterAsLayerList(parameters, role.upper(), context):
                use_class = role == "zoning" and class_field and class_field in layer.fields().names()
                by_role = role == "growth" and fronts is not None and RING_ROLE_FIELD in layer.fields().names()
                frame = read_layer(layer, [class_field] if use_class else [RING_ROLE_FIELD] if by_role else [],
                                   feedback, crs=crs, context=context).frame
                if by_role:  # rings: only the peri-urban ones (by default) are growth fronts
                    kept = frame[RING_ROLE_FIELD].isin(fronts).to_numpy()
                    feedback.pushInfo(self.tr("{layer}: {kept} of {n} features are growth fronts (role {roles}).")
                                      .format(layer=layer.name(), kept=int(kept.sum()), n=len(frame),
                                              roles=", ".join(fronts)))
                    frame = frame[kept]
                feedback.pushInfo(self.tr("{role}: {layer}, {n} zones.").format(role=role, layer=layer.name(),
                                                                              n=len(frame)))
                geometries.append(frame["geometry"].to_numpy())
                if use_class:
                    classes.append(np.array([f"zoning:{v}" if v is not None else "zoning"
                                             for v in frame[class_field]], dtype=object))
                else:
                    classes.append(np.full(len(frame), role, dtype=object))
        if not geometries:
            return np.zeros(0, dtype=object), np.zeros(0, dtype=object)
        return np.concatenate(geometries), np.concatenate(classes)

    def compute(self, parameters, context, feedback):
        from ..alliance_plugin.core import tenure

        steps = QgsProcessingMultiStepFeedback(4, feedback)
        source, crs, parcels, code_field = self._read_parcels(parameters, context, steps)
        frame = parcels.frame
        raw, classes, unmapped = self._tenure_classes(parameters, context, frame, steps)

        steps.setCurrentStep(1)
        zones, zone_classes = self._zones(parameters, context, crs, steps)
        if len(zones) == 0:
            steps.pushWarning(self.tr("No constraint layer, or only empty ones: every covered area is 0."))
        want_pieces = bool(parameters.get(self.OUTPUT_PIECES))
        overlay = tenure.overlay_areas(frame["geometry"].to_numpy(), zones, parcel_ids=frame.index.to_numpy(),
                                       zone_classes=zone_classes, return_pieces=want_pieces, workers=2,
                                       progress=steps.setProgress, is_canceled=steps.isCanceled)
        if overlay is None:
            return {}
        for key, value in overlay.info.items():
            if not isinstance(value, (list, dict)):
                steps.pushInfo(f"{key}: {value}")

        steps.setCurrentStep(2)
        table = self._parcel_table(parameters, context, crs, frame, classes, steps)
        min_share = self.parameterAsDouble(parameters, self.MIN_SHARE, context) / 100.0
        present = set(zone_classes)
        roles = {role: role if role in present else None for role in ("growth", "hazard", "protected")}
        summary = tenure.tenure_summary(table, overlay, tenure="tenure",
                                        territory="territory" if "territory" in table else None,
                                        population="population" if "population" in table else None,
                                        min_share=min_share, **{k: v for k, v in roles.items() if v})
        flags = tenure.tenure_flags(table, overlay, tenure="tenure", min_share=min_share,
                                    growth=roles["growth"], hazard=roles["hazard"],
                                    agriculture="agriculture" if "agriculture" in present else None)
        params = "alliance:landtenureoverlay min_share={m:g} crs={c}".format(m=min_share, c=crs.authid() or "laea")
        per_parcel = per_parcel_columns(frame.index, raw, classes, overlay, flags, tenure).assign(params=params)

        steps.setCurrentStep(3)
        outputs = {self.OUTPUT: self.writeTerritories(parameters, self.OUTPUT, context, source, parcels.own_frame,
                                                      parcels.attributes, per_parcel, steps, INT_COLUMNS,
                                                      TEXT_COLUMNS, name=self.tr("Parcels with tenure")),
                   self.OUTPUT_SUMMARY: self._table(parameters, self.OUTPUT_SUMMARY, context,
                                                    summary.crosstab.assign(params=params), steps),
                   self.OUTPUT_PROXIES: self._table(parameters, self.OUTPUT_PROXIES, context,
                                                    summary.proxies.reset_index().assign(params=params), steps),
                   self.PARCELS: len(frame),
                   self.UNMAPPED_VALUES: int(unmapped["count"].sum()) if len(unmapped) else 0}
        if want_pieces and overlay.pieces is not None:
            pieces = overlay.pieces
            if code_field:  # the parcel's own code, to join the pieces back to the cadastre
                column = code_field if code_field not in pieces.columns else "parcel_code"
                codes = frame[code_field].reindex(pieces["parcel_id"].to_numpy()).to_numpy()
                pieces = pieces.assign(**{column: codes})
            outputs[self.OUTPUT_PIECES] = self.writeFrame(
                parameters, self.OUTPUT_PIECES, context, pieces.drop(columns="geometry").assign(params=params),
                pieces["geometry"].to_numpy(), compat.WkbType.MultiPolygon, crs, steps, INT_COLUMNS, TEXT_COLUMNS,
                output_crs=source.sourceCrs())
        return outputs

    def _read_parcels(self, parameters, context, feedback):
        """``(source, metric CRS, InputFeatures, parcel code field or "")``: the parcels read once, kept whole.

        A plain file or a PostGIS table in a metric CRS written to a new GeoPackage or a PostGIS table goes
        through pyogrio both ways (qgis_io/fast_path.py says when and what it preserves).
        """
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        crs = metric_crs(source.sourceCrs(), source.sourceExtent(), feedback)
        code_field = self._parcel_code_field(parameters, context, source, feedback)
        fields = list(dict.fromkeys(f for f in (self.parameterAsString(parameters, self.TENURE_FIELD, context),
                                                self.parameterAsString(parameters, self.POPULATION_FIELD, context),
                                                code_field) if f))
        fast = fast_path(parameters.get(self.INPUT), parameters.get(self.OUTPUT), context, source, crs)
        if fast:
            feedback.pushInfo(self.tr("Parcels read with pyogrio from {path}.").format(path=fast.path))
        parcels = read_layer(source, fields, feedback, crs=crs, context=context, keep=True, fast=fast)
        if parcels.frame.empty:
            raise QgsProcessingException(self.tr("The parcel layer is empty."))
        return source, crs, parcels, code_field

    def _parcel_code_field(self, parameters, context, source, feedback):
        """The parcel code field: the parameter's, else a known one (Cadastre plugin, Etalab), said in the log."""
        chosen = self.parameterAsString(parameters, self.PARCEL_CODE_FIELD, context)
        if chosen:
            if source.fields().lookupField(chosen) < 0:
                raise QgsProcessingException(self.tr("The parcel code field '{name}' is not in the parcel layer."
                                                     ).format(name=chosen))
            feedback.pushInfo(self.tr("Parcel code field: {name}.").format(name=chosen))
            return chosen
        found = detect_parcel_code(source.fields())
        if found is None:
            return ""
        feedback.pushInfo(self.tr("Parcel code field detected: {name} ({origin}); the intersection pieces carry "
                                  "it.").format(name=found[0], origin=found[1]))
        return found[0]

    def _tenure_classes(self, parameters, context, frame, feedback):
        """``(raw tenure values, classes, unmapped values)``, the unmapped and NULL values said in the log."""
        import pandas as pd

        from ..alliance_plugin.core import tenure

        tenure_field = self.parameterAsString(parameters, self.TENURE_FIELD, context)
        raw = frame[tenure_field] if tenure_field else pd.Series(None, index=frame.index, dtype=object)
        classes, unmapped = tenure.tenure_classes(raw, parse_mapping(
            self.parameterAsString(parameters, self.TENURE_MAPPING, context)))
        if len(unmapped):
            feedback.pushWarning(self.tr("Tenure values with no class, counted as unknown: {values}.").format(
                values=", ".join(f"{v} ({c})" for v, c in unmapped.head(10).itertuples(index=False))))
        feedback.pushInfo(self.tr("{n} parcels; NULL tenure: {m} (unknown).").format(
            n=len(frame), m=int(unmapped.attrs.get("missing", 0))))
        return raw, classes, unmapped

    def _parcel_table(self, parameters, context, crs, frame, classes, feedback):
        """The parcels' ``tenure`` class, and their ``population`` and ``territory`` when given."""
        import pandas as pd

        table = pd.DataFrame({"tenure": classes.to_numpy()}, index=frame.index)
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        population = self._population(parameters, context, crs, frame, feedback) if not population_field else \
            pd.to_numeric(frame[population_field], errors="coerce").to_numpy()
        if population is not None:
            table["population"] = population
        territory = self._territory_of(parameters, context, crs, frame, feedback)
        if territory is not None:
            table["territory"] = territory
        return table

    def _table(self, parameters, key, context, frame, feedback):
        return self.writeFrame(parameters, key, context, frame, None, compat.WkbType.NoGeometry, None, feedback,
                               INT_COLUMNS, TEXT_COLUMNS)

    def _population(self, parameters, context, crs, frame, feedback):
        """Population per parcel from a point layer: the points inside each parcel, summed (None without one)."""
        points = self.parameterAsSource(parameters, self.POPULATION_LAYER, context)
        if points is None:
            return None
        import numpy as np
        import pandas as pd
        import shapely

        from ..alliance_plugin.core.geometry import repair

        field = self.parameterAsString(parameters, self.POPULATION_LAYER_FIELD, context)
        if not field:
            raise QgsProcessingException(self.tr("Choose the population field of the population layer."))
        people = read_layer(points, [field], feedback, crs=crs, context=context).frame
        values = pd.to_numeric(people[field], errors="coerce").fillna(0.0).to_numpy()
        geoms = people["geometry"].to_numpy()
        present = np.flatnonzero(~shapely.is_missing(geoms))
        parcels = repair(frame["geometry"].to_numpy())
        point_rows, parcel_rows = shapely.STRtree(parcels).query(geoms[present], predicate="within")
        # A point on a shared boundary is within neither parcel; inside two overlapping parcels, the first.
        first = np.unique(point_rows, return_index=True)[1]
        total = np.bincount(parcel_rows[first], weights=values[present][point_rows[first]], minlength=len(parcels))
        lost = float(values.sum() - total.sum())
        feedback.pushInfo(self.tr("Population from {layer}: {total:,.0f} in parcels, {lost:,.0f} outside every "
                                  "parcel.").format(layer=points.sourceName(), total=total.sum(), lost=lost))
        return total

    def _territory_of(self, parameters, context, crs, frame, feedback):
        """The territory of each parcel: the one containing a point inside the parcel (None outside)."""
        territories = self.parameterAsSource(parameters, self.TERRITORIES, context)
        if territories is None:
            return None
        import numpy as np
        import shapely

        from ..alliance_plugin.core.flows import codes_as_text
        from ..alliance_plugin.core.geometry import repair, representative_points

        id_field = self.parameterAsString(parameters, self.TERRITORY_ID_FIELD, context)
        if not id_field:
            raise QgsProcessingException(self.tr("Choose the territory code field."))
        zones = read_layer(territories, [id_field], feedback, crs=crs, context=context).frame
        codes = codes_as_text(zones[id_field]).to_numpy()
        points = representative_points(frame["geometry"].to_numpy())
        has = np.flatnonzero(points != None)  # noqa: E711 (element-wise)
        tree = shapely.STRtree(repair(zones["geometry"].to_numpy()))
        left, right = tree.query(points[has], predicate="within")
        result = np.full(len(points), None, dtype=object)
        result[has[left]] = codes[right]
        outside = int(len(points) - len(np.unique(left)))
        if outside:
            feedback.pushInfo(self.tr("{n} parcels lie in no territory (territory NULL).").format(n=outside))
        return result


HELP = """<p>Crosses cadastral parcels with their tenure and with constraint layers (recommendations 4 and 5).</p>
<p><b>Tenure classes</b>: documented, customary, informal, public, unknown. Values of the tenure field are matched case-, accent- and punctuation-insensitively to defaults (for example titre foncier, registered, freehold: documented; coutumier: customary; squatter: informal; domaine public, state: public), or to your mapping (value=class; ...). NULL or unmapped values are unknown, and the unmapped ones are listed in the log.</p>
<p><b>Constraints</b>: growth fronts (the rings and buffers of the urban-growth algorithms), hazard zones, protected areas, agricultural land and zoning (classes from the class field). Areas are exact polygon intersections: parcels entirely inside a zone keep their own area, only parcels crossing a zone boundary are intersected, and overlapping zones of one class are not counted twice. Invalid polygons are repaired with make_valid (never buffer(0)); NULL geometries have area 0. A geographic CRS is replaced by an equal-area projection centred on the parcels (the log says so); constraint layers in other CRSs are reprojected.</p>
<p><b>Outputs</b>: every parcel with its tenure class, area, the area and share covered by each class (area_*, share_*) and the documented flags: flag_insecure_growth (informal, customary or unknown tenure inside a growth front), flag_hazard (any tenure inside a hazard zone), flag_agriculture_growth (agricultural land inside a growth front); a summary table of parcels and area by tenure class x constraint class per territory (a parcel belongs to the territory holding a point inside it) or for the whole area; and the SDG 1.4.2 <i>spatial proxies</i> (population from a field of the parcels, or from a point layer whose points are summed in the parcel containing them; points outside every parcel are counted in the log) (share of parcels, area and population with documented rights; share of growth-front, hazard and protected land under informal, customary or unknown tenure). They are proxies from a cadastre, not the survey-based indicator.</p>"""
HELP_GROWTH_FRONTS = """<p><b>Growth fronts from rings</b>: the rings of alliance:growthbuffers carry a field <i>role</i> (urban_core, peri_urban, rural; codes whatever the language of the labels): by default only the <i>peri_urban</i> rings are growth fronts, not the urban core (the built-up itself) nor the rural ring. The parameter <i>Growth fronts: ring roles counted</i> lists the roles that count (for example peri_urban, rural), or 'all' for every feature. A growth layer without a role field (the prospective buffer, urban growth patches, your own fronts) counts whole. To measure every ring separately, give the rings as zoning too, with the class field <i>label</i> or <i>role</i>.</p>"""
HELP_PARCEL_CODE = """<p><b>Parcel code</b>: the field naming each parcel in the cadastre, carried into the intersection pieces so that they join back to it. When empty, a known field is used: <i>geo_parcelle</i>, then <i>idu</i> (the Cadastre plugin's <i>geo_parcelle</i> table and <i>parcelle_info</i>), then a text <i>id</i> (Etalab's PCI); the log says which.</p>"""
