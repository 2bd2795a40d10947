"""What the reports say about each territory, and the choices the territorial report makes from the data.

- :func:`overall`: a recommendation's status is the most urgent status of the rules that
  read it (priority before watch before strong; ``not measurable`` only when nothing of
  it is measured), the reading of the recommendations scorecard (core/scorecard.py, the
  help of ``alliance:recommendationscorecard``); a recommendation that no rule reads has
  :data:`NO_EVIDENCE` in the territorial report (:func:`recommendation_statuses`,
  :func:`status_counts`).
- :func:`name_field`, :func:`find_field`: the field a person would take for a territory's
  name, and the origin, destination and volume fields of flow lines, found by their names.
- :func:`pair_volumes`, :func:`between`, :func:`main_flows`: the flows the report maps,
  the ``top`` largest out of and into the territory, between different known territories.
- :func:`indicator_for`: the indicator mapped for a recommendation, the first rule field
  of it (in the order of :data:`core.scorecard.RULES`) found with values.
- :func:`rounded_bounds`: class bounds people write (quantiles rounded to two significant
  digits, stretched to the data's range) when the palette has no classes of its own.
- :func:`fit_aspect`: a map extent grown, never cut, to its frame's width/height ratio.

Pure Python (pandas, numpy): the Processing algorithms draw, write and translate.
"""

from __future__ import annotations

import math

import pandas as pd

from .indicators import CLASS_FIELDS, describe, display_value
from .scorecard import RECOMMENDATIONS, RULES, STATUSES

#: The status of a recommendation that no indicator reads yet.
NO_EVIDENCE = "no evidence"
#: Every status a recommendation can have in the territorial report, in the order shown.
REPORT_STATUSES = (*STATUSES, NO_EVIDENCE)
#: Fields that hold a territory's name, tried in this order (case-insensitive).
NAME_FIELDS = ("name", "nom", "libelle", "libellé", "lib", "label", "name_en", "name_fr", "nom_com", "libgeo",
               "nom_commune", "nom_reg", "nom_dep", "name_1", "nuts_name", "name_latn", "gen")
#: Names of the origin, destination and volume fields of flow lines, tried in this order (case-insensitive).
ORIGIN_NAMES = ("origin", "orig", "from", "source")
DESTINATION_NAMES = ("destination", "dest", "to", "target")
VOLUME_NAMES = ("volume", "value", "flow", "count", "migrants")


def overall(card):
    """The most urgent status per territory and recommendation (priority before watch before strong;
    ``not measurable`` only when nothing of the recommendation is measured), with the sentences and the
    rules read (``rules``: each rule in words followed by its source).

    Examples
    --------
    >>> card = pd.DataFrame({"territory": ["A", "A", "A"], "recommendation": [2, 2, 1],
    ...                      "status": ["strong", "priority", "not measurable"], "sentence": ["s", "p", "n"],
    ...                      "source": ["x", "y", "z"]})
    >>> overall(card)[["recommendation", "status", "sentences"]].values.tolist()
    [[1, 'not measurable', 'n'], [2, 'priority', 'p s']]
    """
    if card.empty:
        return pd.DataFrame(columns=["territory", "recommendation", "status", "sentences", "rules"])
    order = {status: rank for rank, status in enumerate(STATUSES)}
    ranked = card.assign(_rank=card["status"].map(order)).sort_values(["territory", "recommendation", "_rank"])
    if "rule_text" in ranked:
        ranked = ranked.assign(_rule=ranked["rule_text"].fillna("") + " (" + ranked["source"].fillna("") + ")")
    else:
        ranked = ranked.assign(_rule=ranked["source"].fillna(""))
    grouped = ranked.groupby(["territory", "recommendation"], sort=False)
    return pd.DataFrame({"status": grouped["status"].first(),
                         "sentences": grouped["sentence"].agg(lambda s: " ".join(dict.fromkeys(s))),
                         "rules": grouped["_rule"].agg(lambda s: " ".join(dict.fromkeys(s)))}).reset_index()


def recommendation_statuses(summary, code, recommendations=None):
    """``[(number, title, status, sentences)]`` of territory ``code`` for every recommendation, from
    :func:`overall`'s ``summary``: :data:`NO_EVIDENCE` and no sentence where no rule reads it.

    Examples
    --------
    >>> summary = pd.DataFrame({"territory": ["A"], "recommendation": [2], "status": ["watch"],
    ...                         "sentences": ["s"], "rules": ["r"]})
    >>> [(n, status) for n, _, status, _ in recommendation_statuses(summary, "A")][:3]
    [(1, 'no evidence'), (2, 'watch'), (3, 'no evidence')]
    """
    recommendations = RECOMMENDATIONS if recommendations is None else recommendations
    rows = summary[summary["territory"] == code].set_index("recommendation")
    out = []
    for number, title in recommendations.items():
        status = rows["status"].get(number, NO_EVIDENCE) if len(rows) else NO_EVIDENCE
        sentence = rows["sentences"].get(number, "") if len(rows) else ""
        out.append((number, title, status, sentence))
    return out


def status_counts(statuses):
    """``{status: how many}`` for every status of :data:`REPORT_STATUSES`, in that order.

    >>> status_counts(["watch", "priority", "watch"])
    {'priority': 1, 'watch': 2, 'strong': 0, 'not measurable': 0, 'no evidence': 0}
    """
    statuses = list(statuses)
    return {status: sum(1 for s in statuses if s == status) for status in REPORT_STATUSES}


def name_field(text_fields, id_field):
    """The first of ``text_fields`` (names of text fields) that looks like a name, or None.

    Names of :data:`NAME_FIELDS` first, in that order, then a field starting with ``name_``,
    ``nom_``, ``lib_`` or ``libelle``; never the code field ``id_field``.

    >>> name_field(["code", "NOM", "name_x"], "code"), name_field(["code", "nom_region"], "code")
    ('NOM', 'nom_region')
    >>> name_field(["code"], "code") is None
    True
    """
    text = [name for name in text_fields if name != id_field]
    lower = {name.lower(): name for name in text}
    for candidate in NAME_FIELDS:
        if candidate in lower:
            return lower[candidate]
    for name in text:
        if name.lower().startswith(("name_", "nom_", "lib_", "libelle")):
            return name
    return None


def find_field(names, candidates):
    """The first of ``candidates`` (lower case) among the field ``names``, case-insensitive, or None.

    >>> find_field(["ORIGIN", "dest", "volume"], DESTINATION_NAMES)
    'dest'
    """
    lower = {name.lower(): name for name in names}
    return next((lower[name] for name in candidates if name in lower), None)


def pair_volumes(table):
    """``[(origin, destination, volume)]`` of a canonical flow table (columns origin, destination,
    value), summed over flow types, positive volumes only."""
    grouped = table.groupby(["origin", "destination"], observed=True)["value"].sum()
    return [(str(o), str(d), float(v)) for (o, d), v in grouped.items() if v > 0]


def between(pairs, ids):
    """The ``pairs`` between two different territories of ``ids``.

    >>> between([("A", "B", 1.0), ("A", "A", 2.0), ("A", "X", 3.0)], ["A", "B"])
    [('A', 'B', 1.0)]
    """
    known = set(ids)
    return [(o, d, v) for o, d, v in pairs if o != d and o in known and d in known]


def main_flows(pairs, code, top, placed=None):
    """The ``top`` largest flows out of ``code`` then the ``top`` largest into it, as
    ``[("out" or "in", (origin, destination, volume))]``; with ``placed``, only flows whose both
    ends are in it (territories with a point on the map). Equal volumes keep their order in ``pairs``.

    >>> pairs = [("A", "B", 5.0), ("A", "C", 9.0), ("A", "D", 1.0), ("C", "A", 2.0)]
    >>> main_flows(pairs, "A", 2)
    [('out', ('A', 'C', 9.0)), ('out', ('A', 'B', 5.0)), ('in', ('C', 'A', 2.0))]
    >>> main_flows(pairs, "A", 2, placed={"A", "B"})
    [('out', ('A', 'B', 5.0))]
    """
    out = sorted((p for p in pairs if p[0] == code), key=lambda p: -p[2])[:top]
    into = sorted((p for p in pairs if p[1] == code), key=lambda p: -p[2])[:top]
    chosen = [("out", p) for p in out] + [("in", p) for p in into]
    if placed is not None:
        chosen = [(d, p) for d, p in chosen if p[0] in placed and p[1] in placed]
    return chosen


def indicator_for(recommendation, candidates, has_values, rules=RULES):
    """``(key, field)`` of the indicator to map for ``recommendation``, or None.

    ``candidates`` lists ``(key, field names)`` of the layers (the territories first); the
    fields of the rules reading the recommendation are tried in the order of ``rules``, each
    on every layer; the first pair for which ``has_values(key, field)`` is true wins (a map of
    NULLs only says "not measurable" everywhere), else the first pair found.

    >>> candidates = [("territories", ["main_share"]), ("deps", ["sc_supply", "main_share"])]
    >>> indicator_for(2, candidates, lambda key, field: key == "deps")
    ('deps', 'main_share')
    >>> indicator_for(2, candidates, lambda key, field: False)
    ('territories', 'main_share')
    >>> indicator_for(4, candidates, lambda key, field: True) is None
    True
    """
    fields = [rule["field"] for rule in rules if recommendation in rule["recommendations"]]
    present = [(key, field) for field in fields for key, names in candidates if field in names]
    return next((pair for pair in present if has_values(*pair)), present[0] if present else None)


def is_number(value):
    """True for a finite number (or a text of one); False for None, NULL, NaN and text.

    >>> [is_number(v) for v in (1, "2.5", None, "NULL", float("nan"), "x")]
    [True, True, False, False, False, False]
    """
    try:
        return value is not None and str(value) != "NULL" and math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def evidence_value(field, value):
    """``(text, is_class)``: ``value`` of indicator ``field`` as a reader sees it ("62 %"), and whether
    it is a class, code or text value (that the glue translates, "city core").

    >>> evidence_value("main_share", 0.62), evidence_value("fua_role", "city core"), evidence_value("x", 2)
    (('62 %', False), ('city core', True), ('2', False))
    """
    text = display_value(field, value)
    spec = describe(field)
    if spec is None and is_number(value):
        text = f"{float(value):g}"
    if field in CLASS_FIELDS or (spec or {}).get("kind") in ("class", "code", "text"):
        return str(value), True
    return text, False


def round_significant(value, digits=2):
    """``value`` rounded to ``digits`` significant digits (0 for 0 and non-finite values); a numpy
    float is rounded by numpy, a Python float by Python.

    >>> round_significant(1234.5), round_significant(0.012345), round_significant(float("inf"))
    (1200.0, 0.012, 0.0)
    """
    if value == 0 or not math.isfinite(value):
        return 0.0
    return round(value, digits - 1 - int(math.floor(math.log10(abs(value)))))


def rounded_bounds(numbers, classes=5):
    """Class bounds of ``numbers``: the quantiles at 0, 1/classes, ..., 1 rounded to two significant
    digits, duplicates merged, the first and last stretched to the minimum and maximum; ``[0, 1]``
    without numbers, ``[x, x]`` when every number is ``x``.

    >>> [float(b) for b in rounded_bounds([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])]
    [1.0, 2.8, 4.6, 6.4, 8.2, 10.0]
    >>> [float(b) for b in rounded_bounds([3.0, 3.0])], rounded_bounds([])
    ([3.0, 3.0], [0.0, 1.0])
    """
    if not numbers:
        return [0.0, 1.0]
    import numpy as np

    quantiles = np.quantile(np.asarray(numbers, dtype=float), np.linspace(0.0, 1.0, classes + 1))
    bounds = sorted({round_significant(q) for q in quantiles})  # numpy's rounding, as always
    bounds[0] = min(bounds[0], min(numbers))
    bounds[-1] = max(bounds[-1], max(numbers))
    if len(bounds) == 1:
        bounds = [bounds[0], bounds[0]]
    return bounds


def fit_aspect(extent, aspect):
    """``extent`` (xmin, ymin, xmax, ymax) grown, never cut, around its centre to the width/height
    ratio ``aspect``; an empty side counts as 1e-9.

    >>> fit_aspect((0.0, 0.0, 2.0, 2.0), 2.0), fit_aspect((0.0, 0.0, 4.0, 1.0), 2.0)
    ((-1.0, 0.0, 3.0, 2.0), (0.0, -0.5, 4.0, 1.5))
    """
    xmin, ymin, xmax, ymax = extent
    width, height = max(xmax - xmin, 1e-9), max(ymax - ymin, 1e-9)
    if width / height < aspect:
        width = height * aspect
    else:
        height = width / aspect
    cx, cy = xmax * 0.5 + xmin * 0.5, ymin * 0.5 + ymax * 0.5  # as QgsRectangle.center()
    return cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2
