"""The recommendations scorecard: every indicator read as evidence for one of the 8 recommendations.

The Alliance of Territories (WUF 9) gives 8 recommendations: 1 strategic urban
planning at local level; 2 interdependencies and complementarities between
territories; 3 intermediary and new city networks; 4 land management and
tenure security; 5 environment- and climate-friendly planning; 6 circular
economy; 7 urban and peri-urban mobility against socio-spatial inequality; 8
local capacities and territorial intelligence.

:data:`RULES` is the one declarative table mapping our output fields to the
recommendations, with the thresholds (defaults; the scorecard algorithm
exposes them as parameters), the status each band gives, the sentence that
explains it and the source of the rule. The statuses are ``priority`` (act
first), ``watch`` and ``strong``; the thresholds are ours unless the source says
otherwise, and are stated in every sentence's numbers.
"""

from __future__ import annotations

import math

import pandas as pd

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
STATUSES = ("priority", "watch", "strong")

#: One row per rule. ``bands``: (lower bound, status) from the highest bound down; a value at or
#: above a bound takes its status. ``direction`` "high" means high values are the concern.
RULES = (
    dict(id="dependency", field="main_share", algorithm="flowdependencies", recommendations=(2, 7),
         bands=((0.5, "priority"), (0.15, "watch"), (0.0, "strong")),
         text={"priority": "{value:.0%} of the outflow goes to {partner}: high dependency; consider "
                           "inter-territorial cooperation on mobility (R2, R7).",
               "watch": "{value:.0%} of the outflow goes to {partner}: a dependency to follow (R2).",
               "strong": "No partner takes more than {value:.0%} of the outflow: diversified links (R2)."},
         source="15 % is the EU-OECD commuting threshold (Dijkstra et al. 2019); 50 % is ours."),
    dict(id="self_containment", field="sc_supply", algorithm="flowdependencies", recommendations=(1, 2),
         bands=((0.75, "strong"), (0.6667, "watch"), (0.0, "priority")),
         text={"priority": "Only {value:.0%} of the flows starting here stay here: the territory cannot "
                           "plan alone; plan with its partners (R1, R2).",
               "watch": "{value:.0%} of the flows stay inside: close to the self-containment target (R1).",
               "strong": "{value:.0%} of the flows stay inside: a self-contained territory (R1)."},
         source="OECD (2020) labour-market areas: minimum 0.6667, target 0.75."),
    dict(id="jobs", field="jci", algorithm="flowdependencies", recommendations=(7, 1),
         bands=((80.0, "strong"), (50.0, "watch"), (0.0, "priority")),
         text={"priority": "{value:.0f} jobs per 100 employed residents: a residential territory whose "
                           "workers must commute; plan mobility and local jobs (R7, R1).",
               "watch": "{value:.0f} jobs per 100 employed residents: more residents than jobs (R7).",
               "strong": "{value:.0f} jobs per 100 employed residents: a job centre (R7)."},
         source="INSEE indicateur de concentration d'emploi; the 50 and 80 bands are ours."),
    dict(id="coupling", field="coupled", algorithm="flowdependencies", recommendations=(6, 2),
         bands=((1.0, "watch"), (0.0, "strong")),
         text={"watch": "The same partner comes first for several flow types: resource and commuting "
                        "dependencies overlap; a candidate for circular-economy cooperation (R6, R2).",
               "strong": "No partner dominates several flow types (R6)."},
         source="Ours: cross-type coupling of methods.md section 1."),
    dict(id="fua_role", field="fua_role", algorithm="functionalareas", recommendations=(1, 2),
         categories={"city core": "strong", "commuting zone": "watch", "outside": "strong"},
         text={"strong": "Role in its functional urban area: {value} (R1).",
               "watch": "Part of the commuting zone of {area}: plan jointly with the city (R1, R2)."},
         source="EU-OECD functional urban areas (Dijkstra, Poelman and Veneri 2019)."),
    dict(id="hierarchy", field="nd_class", algorithm="dominantflows", recommendations=(3,),
         categories={"dominant": "strong", "intermediate": "watch", "dominated": "watch",
                     "independent": "strong", "isolated": "priority"},
         text={"strong": "Nystuen-Dacey class: {value} (R3).",
               "watch": "Nystuen-Dacey class: {value}, dominated by {parent}: a relay in the urban hierarchy (R3).",
               "priority": "No flow with another territory: isolated from the city network (R3, R7)."},
         source="Nystuen and Dacey (1961); the statuses are ours."),
    dict(id="land_consumption", field="lcrpgr", algorithm="landconsumption", recommendations=(5, 1),
         bands=((1.0, "priority"), (0.5, "watch"), (0.0, "strong"), (float("-inf"), "strong")),
         text={"priority": "Land is consumed {value:.1f} times as fast as the population grows (SDG 11.3.1): "
                           "densify and protect open land (R5, R1).",
               "watch": "Land consumption at {value:.1f} times the population growth: to follow (R5).",
               "strong": "Land consumption below the population growth (ratio {value:.1f}) (R5)."},
         source="UN SDG 11.3.1 metadata (a ratio above 1: land consumed faster than population grows); "
                "the 0.5 band is ours."),
    dict(id="outlying_growth", field="share_outlying", algorithm="urbangrowth", recommendations=(5, 1),
         bands=((0.5, "priority"), (0.25, "watch"), (0.0, "strong")),
         text={"priority": "{value:.0%} of the new built-up area is outlying (leapfrog) growth: steer growth to "
                           "infill and edges (R5, R1).",
               "watch": "{value:.0%} of the new built-up area is outlying growth (R5).",
               "strong": "Only {value:.0%} of the new built-up area is outlying: compact growth (R5)."},
         source="Landscape expansion index classes (Liu et al. 2010); the 25 and 50 % bands are ours."),
    dict(id="documented_tenure", field="proxy_area_documented", algorithm="landtenureoverlay",
         recommendations=(4,),
         bands=((0.8, "strong"), (0.5, "watch"), (0.0, "priority")),
         text={"priority": "Only {value:.0%} of the parcel area has documented rights (a spatial proxy of "
                           "SDG 1.4.2): secure tenure first (R4).",
               "watch": "{value:.0%} of the parcel area has documented rights (SDG 1.4.2 proxy) (R4).",
               "strong": "{value:.0%} of the parcel area has documented rights (SDG 1.4.2 proxy) (R4)."},
         source="SDG 1.4.2 metadata, as a cadastral proxy; the 50 and 80 % bands are ours."),
    dict(id="insecure_growth_front", field="proxy_growth_insecure", algorithm="landtenureoverlay",
         recommendations=(4, 5),
         bands=((0.5, "priority"), (0.2, "watch"), (0.0, "strong")),
         text={"priority": "{value:.0%} of the growth-front land is under informal, customary or unknown "
                           "tenure: regularise before the city reaches it (R4, R5).",
               "watch": "{value:.0%} of the growth-front land has insecure tenure (R4).",
               "strong": "Only {value:.0%} of the growth-front land has insecure tenure (R4)."},
         source="Ours, from the SDG 1.4.2 spatial proxies of methods.md section 6."),
    dict(id="transit_access", field="transit_share", algorithm="transitaccess", recommendations=(7, 1),
         bands=((0.8, "strong"), (0.5, "watch"), (0.0, "priority")),
         text={"priority": "Only {value:.0%} of the population lives within walking distance of frequent public "
                           "transport (SDG 11.2.1): extend or densify the service (R7, R1).",
               "watch": "{value:.0%} of the population lives within walking distance of frequent public "
                        "transport (SDG 11.2.1) (R7).",
               "strong": "{value:.0%} of the population lives within walking distance of frequent public "
                         "transport (SDG 11.2.1) (R7)."},
         source="UN SDG 11.2.1 metadata (500 m and 1 000 m walks); the 50 and 80 % bands are ours."),
    dict(id="service_distance", field="service_distance_m", algorithm="serviceaccess", recommendations=(7, 3),
         bands=((1000.0, "priority"), (500.0, "watch"), (0.0, "strong")),
         text={"priority": "People walk {value:,.0f} m on average to the nearest service: bring services closer "
                           "or link the territory to a nearby centre (R7, R3).",
               "watch": "People walk {value:,.0f} m on average to the nearest service (R7).",
               "strong": "The nearest service is {value:,.0f} m away on average (R7)."},
         source="Ours: 500 m and 1 000 m, the SDG 11.2.1 walking distances."),
    dict(id="intermediary", field="intermediary", algorithm="citynetwork", recommendations=(3,),
         bands=((1.0, "strong"), (0.0, "watch")),
         text={"strong": "An intermediary city: middle size, high intermediation, intermediate place in the "
                         "hierarchy; reinforce its role in the network (R3).",
               "watch": "Not an intermediary city by our rule (R3)."},
         source="Ours: methods.md section 3."),
)


def _status(rule, value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if "categories" in rule:
        return rule["categories"].get(str(value))
    for bound, status in rule["bands"]:
        if value >= bound:
            return status
    return rule["bands"][-1][1]


def _context(row):
    return {"partner": row.get("main_partner") or "?", "area": row.get("fua_id") or "?",
            "parent": row.get("nd_parent") or "?"}


def scorecard(table, *, thresholds=None, rules=RULES, translate=None):
    """The scorecard of every territory: one row per territory, rule and recommendation.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per territory (indexed by id) with any of the fields the rules
        read (the outputs of our algorithms joined on the territory code).
        Rules whose field is absent are skipped: the scorecard uses what exists.
    thresholds : dict, optional
        ``{rule id: ((bound, status), ...)}`` replacing a rule's bands.
    translate : callable(str) -> str, optional
        Applied to each sentence template before it is formatted (the glue
        passes Qt's translation, so the core stays free of Qt).

    Returns
    -------
    pandas.DataFrame
        Columns ``territory, recommendation, rule, indicator, value, status,
        sentence, source``.

    Examples
    --------
    >>> table = pd.DataFrame({"main_share": [0.62], "main_partner": ["Wien"]}, index=["AT12"])
    >>> card = scorecard(table)
    >>> card[["recommendation", "status"]].values.tolist()
    [[2, 'priority'], [7, 'priority']]
    >>> card["sentence"].iloc[0]
    '62% of the outflow goes to Wien: high dependency; consider inter-territorial cooperation on mobility (R2, R7).'
    """
    thresholds = thresholds or {}
    rows = []
    for rule in rules:
        if rule["field"] not in table.columns:
            continue
        rule = dict(rule, bands=thresholds.get(rule["id"], rule.get("bands")))
        for territory, row in table.iterrows():
            value = row[rule["field"]]
            value = None if pd.isna(value) else value
            status = _status(rule, value)
            if status is None or status not in rule["text"]:
                continue
            template = rule["text"][status]
            sentence = (translate(template) if translate else template).format(value=value, **_context(row))
            for recommendation in rule["recommendations"]:
                rows.append((territory, recommendation, rule["id"], rule["field"], value, status, sentence,
                             rule["source"]))
    return pd.DataFrame(rows, columns=["territory", "recommendation", "rule", "indicator", "value", "status",
                                       "sentence", "source"])


def overall(card):
    """The most urgent status per territory and recommendation (priority before watch before strong)."""
    if card.empty:
        return pd.DataFrame(columns=["territory", "recommendation", "status", "sentences"])
    order = {status: rank for rank, status in enumerate(STATUSES)}
    ranked = card.assign(_rank=card["status"].map(order)).sort_values(["territory", "recommendation", "_rank"])
    grouped = ranked.groupby(["territory", "recommendation"], sort=False)
    return pd.DataFrame({"status": grouped["status"].first(),
                         "sentences": grouped["sentence"].agg(lambda s: " ".join(dict.fromkeys(s)))}).reset_index()
