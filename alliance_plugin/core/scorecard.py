"""The recommendations scorecard: every indicator read as evidence for one of the 8 recommendations.

The Alliance of Territories (WUF 9) gives 8 recommendations: 1 strategic urban
planning at local level; 2 interdependencies and complementarities between
territories; 3 intermediary and new city networks; 4 land management and
tenure security; 5 environment- and climate-friendly planning; 6 circular
economy; 7 urban and peri-urban mobility against socio-spatial inequality; 8
local capacities and territorial intelligence.

:data:`RULES` (in :mod:`.scorecard_rules`) is the one declarative table mapping our output fields to the
recommendations, with the thresholds (defaults; the scorecard algorithm
exposes them as parameters), the status each band gives, the sentence that
explains it and the source of the rule. The statuses are ``priority`` (act
first), ``watch``, ``strong`` and ``not measurable`` (the field is there but its
value is NULL: the data cannot measure it; the row says why in ``reason``); the
thresholds are ours unless the source says otherwise, and every row states its
rule in words (``rule_text``) and its source.

Recommendation 8 (territorial intelligence) is read from the evidence base itself
(:func:`evidence`): how many of the 8 recommendations have measured evidence.
"""

from __future__ import annotations

import pandas as pd

from .bands import band_phrases, localise_number, status_of
from .indicators import display_value, label as indicator_label
from .scorecard_rules import RULES

RECOMMENDATIONS = {
    1: "Strategic urban planning at local level",
    2: "Interdependencies and complementarities between territories",
    3: "Intermediary and new city networks",
    4: "Land management and tenure security",
    5: "Environment- and climate-friendly planning",
    6: "Circular economy",
    7: "Urban and peri-urban mobility against socio-spatial inequality",
    8: "Local capacities and territorial intelligence",
}
NOT_MEASURABLE = "not measurable"
STATUSES = ("priority", "watch", "strong", NOT_MEASURABLE)

#: Why a value is not measurable, and the words the rules are written with. Every text goes
#: through ``translate`` (scripts/update_translations.py extracts the values of these dicts).
REASONS = {
    "no_internal": "the flow table has no internal flows (origin = destination), so self-containment and "
                   "the job concentration index are undefined",
    "no_outflow": "no flow starts in this territory, so the share is undefined",
    "missing": "the value is missing (NULL) in the indicator layer",
    "no_ratio": "the ratio is undefined here (population declining or stagnating, or no built-up area); "
                "see the flag field of Land consumption",
    "no_growth": "no new built-up area between the two dates",
    "no_parcels": "no parcel, or no growth front, in this territory",
    "no_population": "no population in this territory",
    "no_service": "no service can be reached from this territory",
    "no_consumption": "the territory consumes none of the resources, so self-sufficiency is undefined",
    "no_resource_flows": "no flow of the resources reaches this territory, or no flow table was given",
    "no_shed": "no resource is in deficit here, or the surpluses of the other territories cannot cover "
               "the deficit, so there is no resource-shed",
    "no_exchange": "the territory exchanges nothing with territories of other classes",
}
WORDS = {
    "top": "{status} at {bound} or more",
    "middle": "{status} from {lower} to under {upper}",
    "bottom": "{status} under {upper}",
    "category": "{status} for {values}",
    "not_measurable": "{indicator} is not measurable: {reason}.",
    "rule": "{indicator} ({field}): {bands}",
    "status": "not measurable",  # the fourth status, translated like the three others
    "missing_item": "R{number}: {what}",
    "separator": "; ",
    "number_format": "1,234.5",  # the thousands and decimal separators of the language, by example
    "unnamed": "a territory the layers do not name",  # never a "?" in a sentence
}



#: What would give evidence for each recommendation when none is measured: (algorithms, data needed).
COMPLETE = {
    1: "Functional areas or Flow regions (commuting flows with their internal flows, population)",
    2: "Flow dependencies (an origin-destination table of flows between the territories)",
    3: "Dominant flows or City network (flows between the territories, city populations)",
    4: "Land tenure overlay (cadastral parcels with their tenure, growth fronts)",
    5: "Land consumption or Urban growth (built-up areas at two dates, population at both dates)",
    6: "Flow dependencies with several flow types (for example commuting and goods or waste flows), or Resource "
       "balances (production and consumption per resource)",
    7: "Transit access or Service access (a GTFS feed or stops, services, population), or commuting flows",
    8: "Any of the algorithms above: the evidence base is the diagnosis itself",
}
#: Recommendation 8: how many of the 8 recommendations have measured evidence (our rule).
EVIDENCE_RULE = dict(
    id="evidence_base", field="n_measured", algorithm="recommendationscorecard", recommendations=(8,),
    bands=((6, "strong"), (3, "watch"), (0, "priority")),
    rule_text="strong when 6 or more of the 8 recommendations have measured evidence, watch from 3 to 5, "
              "priority from 0 to 2 (R8 counts itself once any evidence is measured)",
    text={"strong": "{value} of the 8 recommendations have measured evidence: a solid evidence base (R8). "
                    "Measured: {measured}.",
          "watch": "{value} of the 8 recommendations have measured evidence (R8). Measured: {measured}. "
                   "To complete the diagnosis: {missing}.",
          "priority": "Only {value} of the 8 recommendations have measured evidence: build the local "
                      "evidence base first (R8). Measured: {measured}. To complete the diagnosis: {missing}."},
    source="Our rule: a count of the recommendations with a measured indicator (none, one or two: priority; "
           "three to five: watch; six or more: strong).")


def _tr(translate, text):
    return translate(text) if translate else text


def _context(row, translate=None):
    """The names a sentence may quote; a missing one is said in words, never as a placeholder."""
    unnamed = _tr(translate, WORDS["unnamed"])
    return {"partner": row.get("main_partner") or unnamed, "area": row.get("fua_id") or unnamed,
            "parent": row.get("nd_parent") or unnamed, "resource": row.get("worst_resource") or unnamed,
            "partner_class": row.get("partner_class") or unnamed}


class Honest(float):
    """A number whose rounded percentage never hides that it is not 0 % or 100 %.

    Sentences say shares with ``{value:.0%}``; a share of 0.1 % would read "0%" and one of
    99.9 % "100%". Those get the decimals they need; every other value formats as a float.

    >>> f"{Honest(0.001):.0%} {Honest(0.999):.0%} {Honest(0.4):.0%} {Honest(0.0):.0%} {Honest(1.0):.0%}"
    '0.1% 99.9% 40% 0% 100%'
    >>> f"{Honest(0.00004):.0%} {Honest(2.5):.1f}"
    '0.004% 2.5'
    """

    def __format__(self, spec):
        value = float(self)
        if spec.endswith("%") and spec[:-1] in (".0", ""):
            for decimals in range(0, 6):
                text = format(value, f".{decimals}%")
                if float(text[:-1]) / 100 == value or float(text[:-1]) not in (0.0, 100.0):
                    return text
            return text
        return format(value, spec)


def _number(field, value, translate):
    """A threshold as the language writes it: "1,000 m" and "66.7 %" in English, "1 000 m", "66,7 %" in French."""
    text = display_value(field, value)
    sample = _tr(translate, WORDS["number_format"])
    return text if translate is None or sample == WORDS["number_format"] else localise_number(text, sample)


def rule_text(rule, bands=None, translate=None):
    """The rule in words with its thresholds, e.g. "Main partner's share of the outflow (main_share):
    priority at 50 % or more; watch from 15 % to under 50 %; strong under 15 %".

    Examples
    --------
    >>> rule_text(RULES[0])
    "Main partner's share of the outflow (main_share): priority at 50 % or more; watch from 15 % to under 50 %; strong under 15 %"
    """
    field = rule["field"]
    name = _tr(translate, indicator_label(field))
    if rule.get("rule_text"):
        words = _tr(translate, rule["rule_text"])
    elif "categories" in rule:
        grouped = {}
        for value, status in rule["categories"].items():
            grouped.setdefault(status, []).append(value)
        words = _tr(translate, WORDS["separator"]).join(_tr(translate, WORDS["category"]).format(
            status=_tr(translate, status), values=", ".join(values)) for status, values in grouped.items())
    else:
        templates = {key: _tr(translate, WORDS[key]) for key in ("top", "middle", "bottom")}
        parts = band_phrases(bands or rule["bands"], lambda bound: _number(field, bound, translate), templates,
                             status_word=lambda status: _tr(translate, status))
        words = _tr(translate, WORDS["separator"]).join(parts)
    return _tr(translate, WORDS["rule"]).format(indicator=name, field=field, bands=words)


def _reason(rule, row, table_columns):
    """The key of :data:`REASONS` explaining a NULL value of the rule's field in this row."""
    if rule["field"] in ("sc_supply", "jci") and "internal" in table_columns and pd.isna(row.get("internal")):
        return "no_internal"
    return rule.get("null_reason", "missing")


COLUMNS = ["territory", "recommendation", "rule", "indicator", "value", "status", "sentence", "rule_text",
           "reason", "source"]


def scorecard(table, *, thresholds=None, rules=RULES, translate=None):
    """The scorecard of every territory: one row per territory, rule and recommendation.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per territory (indexed by id) with any of the fields the rules
        read (the outputs of our algorithms joined on the territory code).
        Rules whose field is absent are skipped: the scorecard uses what exists.
        A NULL value of a present field gives the status ``not measurable`` with
        its reason. ``internal`` (written NULL by alliance:flowdependencies when
        the flow table has no internal flows) tells why self-containment and the
        job concentration index are undefined.
    thresholds : dict, optional
        ``{rule id: ((bound, status), ...)}`` replacing a rule's bands.
    translate : callable(str) -> str, optional
        Applied to each sentence template, rule word and reason before it is
        formatted (the glue passes Qt's translation, so the core stays free of Qt).

    Returns
    -------
    pandas.DataFrame
        Columns ``territory, recommendation, rule, indicator, value, status,
        sentence, rule_text, reason, source`` (``reason`` is empty unless the
        status is ``not measurable``).

    Examples
    --------
    >>> table = pd.DataFrame({"main_share": [0.62], "main_partner": ["Wien"]}, index=["AT12"])
    >>> card = scorecard(table)
    >>> card[["recommendation", "status"]].values.tolist()
    [[2, 'priority'], [7, 'priority']]
    >>> card["sentence"].iloc[0]
    '62% of the outflow goes to Wien: high dependency; consider inter-territorial cooperation on mobility (R2, R7).'
    >>> card["rule_text"].iloc[0]
    "Main partner's share of the outflow (main_share): priority at 50 % or more; watch from 15 % to under 50 %; strong under 15 %"
    """
    thresholds = thresholds or {}
    columns = set(table.columns)
    rows = []
    for rule in rules:
        if rule["field"] not in columns:
            continue
        rule = dict(rule, bands=thresholds.get(rule["id"], rule.get("bands")))
        words = rule_text(rule, translate=translate)
        source = _tr(translate, rule["source"])
        for territory, row in table.iterrows():
            value = row[rule["field"]]
            value = None if pd.isna(value) else value
            status = status_of(rule, value)
            reason = ""
            if value is None:
                status = NOT_MEASURABLE
                reason = _tr(translate, REASONS[_reason(rule, row, columns)])
                sentence = _tr(translate, WORDS["not_measurable"]).format(
                    indicator=_tr(translate, indicator_label(rule["field"])), reason=reason)
            elif status is None or status not in rule["text"]:
                continue
            else:
                template = rule["text"][status]
                shown = Honest(value) if isinstance(value, float) else value
                sentence = _tr(translate, template).format(value=shown, **_context(row, translate))
            for recommendation in rule["recommendations"]:
                rows.append((territory, recommendation, rule["id"], rule["field"], value, status, sentence, words,
                             reason, source))
    return pd.DataFrame(rows, columns=COLUMNS)


def evidence(card, territories=None, *, sources=None, translate=None):
    """Recommendation 8: each territory's evidence base, as scorecard rows (see :data:`EVIDENCE_RULE`).

    A recommendation has measured evidence when one of its rows in ``card`` has a
    status other than ``not measurable``. R8 counts itself once any evidence is
    measured, so the count runs from 0 to 8.

    Parameters
    ----------
    card : pandas.DataFrame
        The output of :func:`scorecard`.
    territories : sequence, optional
        Every territory to read (those absent from ``card`` have no evidence);
        by default the territories of ``card``.
    sources : dict, optional
        ``{algorithm: "where and when"}`` (for example the layer and its date), named
        beside each measured recommendation.

    Returns
    -------
    pandas.DataFrame
        Scorecard rows (the columns of :func:`scorecard`) for recommendation 8, with
        ``value`` the number of recommendations measured.

    Examples
    --------
    >>> table = pd.DataFrame({"main_share": [0.62], "main_partner": ["Wien"]}, index=["AT12"])
    >>> row = evidence(scorecard(table)).iloc[0]
    >>> int(row["value"]), row["status"]
    (3, 'watch')
    """
    sources = sources or {}
    territories = list(dict.fromkeys(card["territory"])) if territories is None else list(territories)
    rule = EVIDENCE_RULE
    words = rule_text(rule, translate=translate)
    algorithms = {r["id"]: r["algorithm"] for r in RULES}
    measured_rows = card[card["status"] != NOT_MEASURABLE] if len(card) else card
    by_territory = {t: part for t, part in measured_rows.groupby("territory", sort=False)} if len(card) else {}
    rows = []
    for territory in territories:
        part = by_territory.get(territory)
        measured = {}
        if part is not None:
            for recommendation, rule_id in zip(part["recommendation"], part["rule"]):
                if recommendation == 8:
                    continue
                measured.setdefault(int(recommendation), dict.fromkeys([]))[algorithms.get(rule_id, rule_id)] = None
        count = len(measured) + (1 if measured else 0)
        listed = "; ".join(
            f"R{n} (" + ", ".join(f"{a} {sources[a]}".strip() if a in sources else a for a in algs) + ")"
            for n, algs in sorted(measured.items())) or "-"
        missing = "; ".join(_tr(translate, WORDS["missing_item"]).format(number=n, what=_tr(translate, COMPLETE[n]))
                            for n in range(1, 8) if n not in measured)
        status = status_of(rule, count)
        sentence = _tr(translate, rule["text"][status]).format(value=count, measured=listed, missing=missing or "-")
        rows.append((territory, 8, rule["id"], rule["field"], count, status, sentence, words, "",
                     _tr(translate, rule["source"])))
    return pd.DataFrame(rows, columns=COLUMNS)
