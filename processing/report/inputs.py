"""The territories and indicator layers of the recommendations scorecard and the territorial report.

Both algorithms take the same inputs (territories with a code field, indicator layers sharing
it) and read them the same way against the rules of ``core/scorecard.py``:
:class:`RecommendationAlgorithm` declares them once and :func:`read_scorecard` reads them.
"""

import os
from datetime import date

from qgis.core import QgsProcessingException

from ...alliance_plugin.qgis_io.layers import read_attributes
from ...alliance_plugin.toolbelt.i18n import tr
from ..flow_inputs import FlowAlgorithm
from ..parameters import declare, indicator_layers

#: Fields read beside the rules' own: names in the sentences, and ``internal`` (NULL when the flow
#: table has no internal flows) to say why self-containment is not measurable; the least self-sufficient
#: resource and the partner class (issue 15) for the R6 and R2 sentences.
HELPER_FIELDS = ("main_partner", "fua_id", "nd_parent", "internal", "worst_resource", "partner_class")


class RecommendationAlgorithm(FlowAlgorithm):
    """An algorithm reading our indicators against the 8 recommendations: territories, their code
    field and indicator layers (the outputs of our algorithms) joined on it."""

    INDICATORS = "INDICATORS"

    REQUIRES = ("numpy", "pandas", "shapely")
    GROUP = ("recommendations", "Recommendations")

    def addIndicatorParameters(self, *between):
        """The territories and their code field, the declarations ``between``, then the indicator layers."""
        self.addTerritoryParameters()
        declare(self, (*between, *indicator_layers(self.INDICATORS, self.tr("Indicator layers (same code field)"))))

    def readScorecard(self, parameters, context, feedback, thresholds=None):
        """See :func:`read_scorecard`."""
        return read_scorecard(self, parameters, context, feedback, thresholds)


def read_scorecard(alg, parameters, context, feedback, thresholds=None):
    """The territories joined with the indicator layers on the code field, read against the rules.

    ``alg`` is a FlowAlgorithm with INPUT, ID_FIELD and INDICATORS parameters. Returns a dict with
    ``source, frame, attributes, codes, ids`` (see FlowAlgorithm.readTerritories), ``table`` (the joined
    indicator fields, one row per territory id), ``card`` (core.scorecard.scorecard) and ``layers``
    (``[(layer, fields found)]`` for the indicator layers used). The card ends with recommendation 8,
    the evidence base (core.scorecard.evidence), naming the layers and dates the evidence comes from.
    """
    import pandas as pd

    from ...alliance_plugin.core import scorecard as sc
    from ...alliance_plugin.core.flows import codes_as_text

    id_field = alg.parameterAsString(parameters, alg.ID_FIELD, context)
    wanted = {rule["field"] for rule in sc.RULES} | set(HELPER_FIELDS)
    source = alg.parameterAsSource(parameters, alg.INPUT, context)
    if source is None:
        raise QgsProcessingException(alg.invalidSourceError(parameters, alg.INPUT))
    own = [f for f in source.fields().names() if f in wanted]
    source, frame, attributes, codes, ids = alg.readTerritories(parameters, context, feedback, own)
    table = alg.perTerritory(frame[own], codes)
    used = []
    rule_algorithm = {rule["field"]: rule["algorithm"] for rule in sc.RULES}
    sources = {}

    def note_source(layer, names):
        when = layer_date(layer)
        for name in names:
            if name in rule_algorithm:
                sources.setdefault(rule_algorithm[name], f"[{layer.name()}{', ' + when if when else ''}]")

    layer_of_input = alg.parameterAsVectorLayer(parameters, alg.INPUT, context)
    if layer_of_input is not None:
        note_source(layer_of_input, own)
    for layer in alg.parameterAsLayerList(parameters, alg.INDICATORS, context):
        fields = layer.fields().names()
        # Our summary tables (land-tenure proxies) name the territory code "territory".
        key = id_field if id_field in fields else "territory" if "territory" in fields else None
        if key is None:
            feedback.pushWarning(alg.tr("{layer} has no field '{field}': left out.").format(
                layer=layer.name(), field=id_field))
            continue
        names = [f for f in fields if f in wanted and f != key]
        extra = read_attributes(layer, [key, *names], feedback)
        extra.index = codes_as_text(extra[key]).to_numpy()
        extra = extra[~extra.index.duplicated()].drop(columns=key)
        table = table.combine_first(extra) if len(table.columns) else table.join(extra, how="left")
        feedback.pushInfo(alg.tr("{layer}: {fields}.").format(layer=layer.name(), fields=", ".join(names) or "-"))
        used.append((layer, names))
        note_source(layer, names)
    table = table.reindex(pd.Index(ids, dtype=object))
    card = sc.scorecard(table, thresholds=thresholds, translate=tr)
    if card.empty:
        raise QgsProcessingException(alg.tr(
            "None of our indicator fields was found ({fields}): give the outputs of our algorithms as "
            "territories or indicator layers.").format(fields=", ".join(sorted(wanted))))
    unmeasured = card[card["status"] == sc.NOT_MEASURABLE].drop_duplicates(["rule", "reason"])
    for row in unmeasured.itertuples():
        count = int(((card["rule"] == row.rule) & (card["status"] == sc.NOT_MEASURABLE)
                     & (card["recommendation"] == row.recommendation)).sum())
        feedback.pushWarning(alg.tr("{rule}: not measurable for {n} territories: {reason}.").format(
            rule=row.rule, n=count, reason=row.reason))
    card = pd.concat([card, sc.evidence(card, ids, sources=sources, translate=tr)], ignore_index=True)
    return dict(source=source, frame=frame, attributes=attributes, codes=codes, ids=ids, table=table, card=card,
                layers=used, own=own)


def layer_date(layer):
    """The date of a layer's file (its last change), or '' for a layer not stored in a file."""
    path = layer.source().split("|")[0]
    try:
        return date.fromtimestamp(os.path.getmtime(path)).isoformat() if os.path.isfile(path) else ""
    except OSError:
        return ""
