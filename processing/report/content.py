"""The territorial report's content: per territory its name, maps, the 8 recommendations with their
status, sentence and evidence, and the status counts; then the data sources and the method notes.

The statuses come from the scorecard (``core/scorecard.py``, summed up by ``core/report.py``);
this module reads the QGIS inputs (territories, flow lines or flows) and words the evidence.
"""

import datetime
import os

from qgis.core import QgsCoordinateTransform, QgsFeatureRequest, QgsGeometry

from ...alliance_plugin.core import report
from ...alliance_plugin.qgis_io import compat
from ...alliance_plugin.toolbelt.i18n import tr
from ..base import without_passwords
from . import maps
from .images import chart_png
from .words import indicator_title, status_label, translated

METHOD = ("How to read the statuses: each rule reads one indicator of our algorithms and compares it with "
          "thresholds; the status says where to act first (priority), what to follow (watch) and what works "
          "(strong). When the data cannot measure an indicator, the status is 'not measurable' and the reason "
          "is given: it is never counted as a problem. When several rules speak to one recommendation, the most "
          "urgent status is shown. The thresholds are defaults; those that come from an official definition "
          "name it, the others are ours. The rules:")


def detect_name_field(fields, id_field):
    """The first text field that looks like a name (name, nom, NAME, libelle...), or None."""
    return report.name_field([f.name() for f in fields if compat.is_text_field(f)], id_field)


def territory_shapes(territories, id_field, name_field):
    """({code: name}, {code: geometry}, {code: point on surface}) of the territories, first feature of a code."""
    import pandas as pd

    from ...alliance_plugin.core.flows import codes_as_text

    names, geometries, points = {}, {}, {}
    for feature in territories.getFeatures():
        code = codes_as_text(pd.Series([feature[id_field]], dtype=object)).iloc[0]
        if not isinstance(code, str) or code in geometries:
            continue
        geometries[code] = QgsGeometry(feature.geometry())
        if not feature.geometry().isEmpty():
            points[code] = feature.geometry().pointOnSurface().asPoint()
        if name_field and feature.fields().indexOf(name_field) >= 0:
            value = feature[name_field]
            if value is not None and str(value).strip() and str(value) != "NULL":
                names[code] = str(value).strip()
    return names, geometries, points


def evidence_line(row):
    """'Main partner's share of the outflow: 62 %, priority (priority at 50 % or more); source'."""
    from ...alliance_plugin.core import indicators

    label = translated(indicators.label(row.indicator))
    status = str(row.status)
    if status == "not measurable":
        return tr("{indicator}: {status}").format(indicator=label, status=status_label("not measurable"))
    value, is_class = report.evidence_value(row.indicator, row.value)
    if is_class:
        value = translated(value)
    rule = getattr(row, "rule_text", "") or ""
    text = tr("{indicator}: {value} ({status})").format(indicator=label, value=value, status=status_label(status))
    if rule:
        text = tr("{evidence}; rule: {rule}").format(evidence=text, rule=rule)
    return text


def recommendations(summary, card, code):
    """The 8 recommendations of territory ``code``: dicts of number, title, status, sentence, evidence lines."""
    from ...alliance_plugin.core import indicators
    from ...alliance_plugin.core import scorecard as sc

    evidence = card[card["territory"] == code]
    out = []
    for number, title, status, sentence in report.recommendation_statuses(summary, code):
        lines = list(dict.fromkeys(evidence_line(row) for row in
                                   evidence[evidence["recommendation"] == number].itertuples()))
        if status == report.NO_EVIDENCE:
            sentence = tr("No evidence yet. What would add it: {what}").format(
                what=translated(sc.COMPLETE[number]) if number in sc.COMPLETE else
                ", ".join(indicators.algorithms_for(number)))
        out.append(dict(number=number, title=translated(title), status=status, sentence=sentence, evidence=lines))
    return out


def territory_pages(chosen, read, card, summary, territories, id_field, name_field, flows, context, feedback):
    """(pages, map CRS): one page per territory of ``chosen``: its maps, recommendations and status chart."""
    names, geometries, points = territory_shapes(territories, id_field, name_field)
    crs = territories.crs()
    map_crs = maps.report_crs(crs, territories.extent())
    transform = QgsCoordinateTransform(crs, map_crs, context.transformContext())
    region = transform.transformBoundingBox(territories.extent())
    base = maps.base_layer(territories)
    themes = maps.themes(read, territories)
    pages = []
    for step, code in enumerate(chosen):
        if feedback.isCanceled():
            break
        geometry = geometries.get(code)
        outline = maps.outline_layer(geometry, crs, tr("The territory"))
        extent = maps.territory_extent(geometry, transform, region)
        flow_layer, flow_entries = maps.flow_layer(code, flows, points, crs)
        flow_title = tr("Main flows to and from the territory") if flow_layer is not None else \
            tr("Location of the territory")
        page_maps = [dict(title=flow_title, recommendation=None, field=None,
                          layers=[l for l in (outline, flow_layer) if l is not None] + [base],
                          entries=[("outline", "#000000", tr("The territory"))] + flow_entries,
                          extent=maps.fit_aspect(region if flow_layer is not None else extent))]
        for theme in themes:
            page_maps.append(dict(title=theme["title"], recommendation=theme["recommendation"],
                                  field=theme["field"], layers=[outline, theme["layer"], base],
                                  entries=[("outline", "#000000", tr("The territory"))] + theme["entries"],
                                  extent=maps.fit_aspect(extent), values=theme["values"]))
        rows = recommendations(summary, card, code)
        counts = report.status_counts(r["status"] for r in rows)
        pages.append(dict(code=code, name=names.get(code), maps=page_maps, recommendations=rows, counts=counts,
                          chart=chart_png(counts, {s: status_label(s) for s in counts})))
        feedback.setProgress(70.0 * (step + 1) / max(len(chosen), 1))
    return pages, map_crs


def flow_pairs(alg, parameters, context, feedback, ids):
    """``[(origin, destination, volume)]`` between different territories, from the flow lines or the flows."""
    pairs = []
    lines = alg.parameterAsSource(parameters, alg.FLOW_LINES, context) \
        if parameters.get(alg.FLOW_LINES) else None
    if lines is not None:
        names = lines.fields().names()
        origin = report.find_field(names, report.ORIGIN_NAMES)
        dest = report.find_field(names, report.DESTINATION_NAMES)
        volume = report.find_field(names, report.VOLUME_NAMES)
        if origin and dest and volume:
            request = QgsFeatureRequest().setFlags(compat.FeatureRequestFlag.NoGeometry)
            for feature in lines.getFeatures(request):
                try:
                    pairs.append((str(feature[origin]), str(feature[dest]), float(feature[volume])))
                except (TypeError, ValueError):
                    continue
        else:
            feedback.pushWarning(tr("The flow lines have no origin, destination and volume fields: "
                                    "the map of the main flows is left out."))
    elif parameters.get(alg.FLOWS):
        pairs = report.pair_volumes(alg.readFlows(parameters, context, feedback).table)
    return report.between(pairs, ids)


def file_date(path):
    """The day a file last changed ("2024-05-01"), or "-"."""
    try:
        return datetime.datetime.fromtimestamp(os.path.getmtime(path)).strftime("%Y-%m-%d")
    except (OSError, TypeError, ValueError):
        return "-"


def algorithm_dates(read):
    """(layer name, date) of the indicator layers stored in files."""
    for layer, _names in read["layers"]:
        path = layer.source().split("|")[0]
        if os.path.exists(path):
            yield layer.name(), file_date(path)


def data_sources(alg, parameters, context, read):
    """Rows (kind, name, source, date, fields used, params) of every input the report read."""
    # publicSource(): a database layer's source without its password (issue 16: never in a report)
    layer = alg.parameterAsVectorLayer(parameters, alg.INPUT, context)
    source = layer.publicSource() if layer else without_passwords(str(parameters.get(alg.INPUT)))
    rows = [(tr("Territories"), layer.name() if layer else "", source, file_date(source.split("|")[0]),
             ", ".join(read["own"]) or "-", "-")]
    for indicator, names in read["layers"]:
        params = "-"
        if "params" in indicator.fields().names():
            index = indicator.fields().indexOf("params")
            params = "; ".join(sorted(str(v) for v in indicator.uniqueValues(index, 5) if v)) or "-"
        rows.append((tr("Indicators"), indicator.name(), indicator.publicSource(),
                     file_date(indicator.source().split("|")[0]), ", ".join(names) or "-", params))
    for key, kind in ((alg.FLOW_LINES, tr("Flow lines")), (alg.FLOWS, tr("Flows"))):
        value = parameters.get(key)
        if value:
            flows = alg.parameterAsVectorLayer(parameters, key, context)
            path = flows.publicSource() if flows else without_passwords(str(value))
            rows.append((kind, flows.name() if flows else "", path, file_date(path.split("|")[0]), "-", "-"))
    return rows


def method_notes():
    """Plain-word paragraphs: how statuses are given, then each rule with its threshold and source."""
    from ...alliance_plugin.core import scorecard as sc

    notes = [tr(METHOD)]
    for rule in sc.RULES:
        words = sc.rule_text(rule, translate=tr)
        notes.append(f"{indicator_title(rule['field'])}: {words}. {translated(rule['source'])} "
                     f"(alliance:{rule['algorithm']}; R{', R'.join(map(str, rule['recommendations']))})")
    return notes
