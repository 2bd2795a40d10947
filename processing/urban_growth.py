"""alliance:urbangrowth: new built-up patches, their landscape expansion index, and growth per territory."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
)

from .parameters import Field, Number, NumberOutput, Sink, Source, declare
from .growth_inputs import BUILT_UP_HELP, GROWTH_COLOURS, GrowthAlgorithm, categories_on_load
from ..alliance_plugin.qgis_io import compat

INT_COLUMNS = ("patch_id", "n_pieces", "n_patches", "n_infill", "n_edge_expansion", "n_outlying")
TEXT_COLUMNS = ("growth_class", "territory", "params")
WHOLE_AREA = "all"


class UrbanGrowth(GrowthAlgorithm):
    CUTOFF_YEAR = "CUTOFF_YEAR"
    END_YEAR = "END_YEAR"
    RING = "RING"
    MIN_AREA = "MIN_AREA"
    SEGMENTS = "SEGMENTS"
    TERRITORIES = "TERRITORIES"
    TERRITORY_ID_FIELD = "TERRITORY_ID_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    PATCHES = "PATCHES"
    AREA_ADDED = "AREA_ADDED"

    def name(self):
        return "urbangrowth"

    def displayName(self):
        return self.tr("Urban growth patches")

    def shortDescription(self):
        return self.tr("New built-up patches between two dates with their landscape expansion index (infill, "
                       "edge expansion, outlying) and the growth per territory.")

    def shortHelpString(self):
        return self.tr(HELP) + self.tr(BUILT_UP_HELP)

    def initAlgorithm(self, config=None):
        declare(self, (
            *self.builtUpParameters(),
            Number(self.CUTOFF_YEAR, self.tr("Cut-off year of the first date"), integer=True, optional=True),
            Number(self.END_YEAR, self.tr("Last year of the second date"), integer=True, optional=True),
            Number(self.RING, self.tr("Ring width of the expansion index (m)"), 1.0, minimum=0.001),
            Number(self.MIN_AREA, self.tr("Slivers: drop new pieces up to (m2)"), 1.0, minimum=0.0),
            Number(self.SEGMENTS, self.tr("Buffer segments per quarter circle"), 8, minimum=1, maximum=100,
                   integer=True),
            Source(self.TERRITORIES, self.tr("Territories for the summary"), (compat.SourceType.VectorPolygon,),
                   optional=True),
            Field(self.TERRITORY_ID_FIELD, self.tr("Territory code field"), self.TERRITORIES, optional=True),
            Sink(self.OUTPUT, self.tr("New built-up patches"), compat.SourceType.VectorPolygon),
            Sink(self.OUTPUT_SUMMARY, self.tr("Growth per territory"), compat.SourceType.Vector),
            NumberOutput(self.PATCHES, self.tr("New built-up patches")),
            NumberOutput(self.AREA_ADDED, self.tr("Built-up area added (m2)")),
        ))

    def compute(self, parameters, context, feedback):
        from ..alliance_plugin.core.growth.patches import growth_patches

        steps = QgsProcessingMultiStepFeedback(4, feedback)
        source = self.sourceOf(parameters, self.BUILT_UP, context, self.tr("The built-up layer"))
        crs = self.metricCrs(source, steps)
        cutoff = self.optionalNumber(parameters, self.CUTOFF_YEAR, context)
        end = self.optionalNumber(parameters, self.END_YEAR, context)
        territories = self.sourceOf(parameters, self.TERRITORIES, context, self.tr("The territories layer"),
                                    optional=True)
        id_field = self.parameterAsString(parameters, self.TERRITORY_ID_FIELD, context)
        if territories is not None and not id_field:
            raise QgsProcessingException(self.tr("Choose the territory code field."))
        before, after = self.readBuiltUp(parameters, context, crs, steps, cutoff, end)

        steps.setCurrentStep(1)
        ring = self.parameterAsDouble(parameters, self.RING, context)
        min_area = self.parameterAsDouble(parameters, self.MIN_AREA, context)
        segments = self.parameterAsInt(parameters, self.SEGMENTS, context)
        patches = growth_patches(before, after, ring=ring, min_area=min_area, quad_segs=segments,
                                 progress=steps.setProgress, is_canceled=steps.isCanceled)
        if patches is None:
            return {}
        params = ("alliance:urbangrowth ring={r:g} min_area={m:g} segments={s} cutoff_year={c} end_year={e} "
                  "crs={crs}").format(r=ring, m=min_area, s=segments, c="-" if cutoff is None else f"{cutoff:g}",
                                      e="-" if end is None else f"{end:g}", crs=crs.authid() or "laea")
        counts = patches["growth_class"].value_counts()
        steps.pushInfo(self.tr("{n} new patches, {area:,.0f} m2: {infill} infill, {edge} edge expansion, "
                               "{outlying} outlying.").format(
                                   n=len(patches), area=patches["area"].sum(), infill=counts.get("infill", 0),
                                   edge=counts.get("edge_expansion", 0), outlying=counts.get("outlying", 0)))

        steps.setCurrentStep(2)
        codes, summary, read = self._summary(patches, territories, id_field, crs, context, steps)
        summary["params"] = params

        steps.setCurrentStep(3)
        table = patches.drop(columns="geometry")
        table.insert(0, "patch_id", range(1, len(table) + 1))
        if territories is not None:
            table["territory"] = codes
        dest = self.writeFrame(parameters, self.OUTPUT, context, table.assign(params=params),
                               patches["geometry"].to_numpy(), compat.WkbType.MultiPolygon, crs, steps,
                               INT_COLUMNS, TEXT_COLUMNS, output_crs=source.sourceCrs())
        categories_on_load(context, dest, "growth_class", GROWTH_COLOURS)
        summary_dest = self._write_summary(parameters, context, summary, territories, read, steps)
        return {self.OUTPUT: dest, self.OUTPUT_SUMMARY: summary_dest, self.PATCHES: len(patches),
                self.AREA_ADDED: float(patches["area"].sum())}

    def _summary(self, patches, territories, id_field, crs, context, feedback):
        """(territory of each patch, growth per territory, the territories as read once: None without them)."""
        from ..alliance_plugin.core.growth.patches import growth_summary

        read = None
        if territories is None:
            codes, ids = [WHOLE_AREA] * len(patches), [WHOLE_AREA]
        else:
            read = self.readPolygons(territories, crs, context, feedback, [id_field], keep=True)
            codes, ids = self._territory_codes(read.frame, id_field, patches, feedback)
        summary = growth_summary(patches, codes, territory_ids=ids)
        unassigned = summary.attrs.get("unassigned_area", 0.0)
        if unassigned > 0:
            feedback.pushWarning(self.tr("{area:,.0f} m2 of new built-up lie in no territory: left out of the "
                                         "summary.").format(area=unassigned))
        return codes, summary, read

    def _write_summary(self, parameters, context, summary, territories, read, feedback):
        """One row for the whole area, or the territories as given with their growth."""
        if territories is None:
            return self.writeFrame(parameters, self.OUTPUT_SUMMARY, context,
                                   summary.rename_axis("territory").reset_index(), None,
                                   compat.WkbType.NoGeometry, None, feedback, INT_COLUMNS, TEXT_COLUMNS)
        per_feature = summary.reindex(read.frame["code"].to_numpy()).reset_index(drop=True)
        return self.writeTerritories(parameters, self.OUTPUT_SUMMARY, context, territories,
                                     read.own_frame[["geometry"]], read.attributes,
                                     per_feature, feedback, INT_COLUMNS, TEXT_COLUMNS)

    def _territory_codes(self, frame, id_field, patches, feedback):
        """The territory of each patch (the one holding its representative point) and the territory codes."""
        from ..alliance_plugin.core.flows import codes_as_text
        from ..alliance_plugin.core.growth.patches import patch_territories

        codes = codes_as_text(frame[id_field])
        frame["code"] = codes.where(codes.notna(), None).to_numpy()
        missing = int(codes.isna().sum())
        if missing:
            feedback.pushWarning(self.tr("{n} territories have no code: their growth is NULL.").format(n=missing))
        ids = codes.dropna().unique().tolist()
        if not ids:
            raise QgsProcessingException(self.tr("No territory has a code in '{field}'.").format(field=id_field))
        known = codes.notna().to_numpy()
        of_patch = patch_territories(patches["geometry"].to_numpy(), codes[known].to_numpy(),
                                     frame["geometry"].to_numpy()[known])
        return of_patch, ids


HELP = """<p>New built-up patches between two dates and how the city grew (recommendations 1, 3 and 5).</p>
<p><b>Patches</b>: the new built-up is the built-up of the second date minus that of the first; new pieces sharing at least a point form one patch (which may be a MultiPolygon); pieces at or below the sliver area are dropped (1 m2 by default: the coordinate noise of layers in different CRSs). Each patch gets its area (m2), the <b>landscape expansion index</b> of Liu et al. (2010), <i>LEI = 100 x A_old / (A_old + A_vacant)</i> over a ring of the given width around it (ring_area, old_area), its growth class (<i>infill</i> when LEI &gt; 50, <i>edge_expansion</i> when 0 &lt; LEI &lt;= 50, <i>outlying</i> when LEI = 0; land built during the period counts as vacant) and its distance to the earlier built-up (m; 0 when touching, NULL when there is none; patches farther than the ring have no ring_area). Patches are numbered from the largest.</p>
<p><b>Summary</b>: with territories, the territories as given with the area added per class (area_infill, area_edge_expansion, area_outlying, area_added, m2), the number of patches per class, the share of outlying growth (NULL without growth) and the area-weighted mean LEI (awmei); a patch counts whole in the territory holding its representative point (area outside every territory is reported in the log). Without territories, one row for the whole area. The params field records the options.</p>"""
