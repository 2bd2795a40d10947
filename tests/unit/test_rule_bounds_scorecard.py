"""Every band bound of the recommendations scorecard, on the bound and on both sides (issue 13).

The expected statuses come from the rules as the help states them (help/index.html,
"Recommendations scorecard", column "Rule (default)"), never from the code's table:

| indicator (field) | rule (default) |
| main partner's share (main_share) | priority at 50 % or more, watch from 15 % |
| self-containment (sc_supply) | strong at 75 %, watch from 66.67 % |
| job concentration index (jci) | strong at 80, watch from 50 |
| same partner for several flow types (coupled) | watch when it happens |
| role in the functional urban area (fua_role) | watch for the commuting zone |
| place in the urban hierarchy (nd_class) | priority when isolated, watch when dominated |
| land consumption ratio (lcrpgr) | priority from 1, watch from 0.5 |
| outlying share of new built-up area (share_outlying) | priority at 50 %, watch from 25 % |
| parcel area with documented rights (proxy_area_documented) | strong at 80 %, watch from 50 % |
| growth front under insecure tenure (proxy_growth_insecure) | priority at 50 %, watch from 20 % |
| population near frequent transport (transit_share) | strong at 80 %, watch from 50 % |
| walking distance to the nearest service (service_distance_m) | priority from 1,000 m, watch from 500 m |
| intermediary city (intermediary) | strong when it is one |
| lowest self-sufficiency (self_sufficiency_min) | priority under 50 %, watch under 100 %, strong from 100 % |
| highest import dependency (import_dependency_max) | priority from 75 %, watch from 50 % |
| lowest local sourcing (local_sourcing_min) | priority under 25 %, watch under 50 % |
| largest resource-shed radius (shed_radius_max_m) | priority from 100 km, watch from 50 km |
| reciprocity of the class pair (reciprocity) | priority under 25 %, watch under 50 % |
| net contribution (net_contribution) | watch at 0.5 or more and under -0.5 |
| evidence base (R8) | strong when 6 or more recommendations are measured, watch from 3 |

Every test calls the scorecard without ``thresholds``: the statuses are those of the default bands.
"""

import pandas as pd
import pytest

from alliance_territories.alliance_plugin.core import scorecard as sc


def _status(field, value, rule=None, **options):
    table = pd.DataFrame({field: [value]}, index=["T"])
    card = sc.scorecard(table, **options)
    rows = card if rule is None else card[card["rule"] == rule]
    statuses = set(rows["status"])
    assert len(statuses) == 1, rows
    return statuses.pop()


BANDS = [
    # field, value, status (by the help's rule)
    ("main_share", 0.5, "priority"), ("main_share", 0.4999, "watch"), ("main_share", 0.5001, "priority"),
    ("main_share", 0.15, "watch"), ("main_share", 0.1499, "strong"), ("main_share", 0.0, "strong"),
    ("sc_supply", 0.75, "strong"), ("sc_supply", 0.7499, "watch"), ("sc_supply", 0.6667, "watch"),
    ("sc_supply", 0.6666, "priority"), ("sc_supply", 1.0, "strong"),
    ("jci", 80.0, "strong"), ("jci", 79.99, "watch"), ("jci", 50.0, "watch"), ("jci", 49.99, "priority"),
    ("jci", 250.0, "strong"),
    ("lcrpgr", 1.0001, "priority"), ("lcrpgr", 0.9999, "watch"), ("lcrpgr", 0.5, "watch"),
    ("lcrpgr", 0.4999, "strong"), ("lcrpgr", -3.0, "strong"),
    ("share_outlying", 0.5, "priority"), ("share_outlying", 0.4999, "watch"), ("share_outlying", 0.25, "watch"),
    ("share_outlying", 0.2499, "strong"),
    ("proxy_area_documented", 0.8, "strong"), ("proxy_area_documented", 0.7999, "watch"),
    ("proxy_area_documented", 0.5, "watch"), ("proxy_area_documented", 0.4999, "priority"),
    ("proxy_growth_insecure", 0.5, "priority"), ("proxy_growth_insecure", 0.4999, "watch"),
    ("proxy_growth_insecure", 0.2, "watch"), ("proxy_growth_insecure", 0.1999, "strong"),
    ("transit_share", 0.8, "strong"), ("transit_share", 0.7999, "watch"), ("transit_share", 0.5, "watch"),
    ("transit_share", 0.4999, "priority"),
    ("service_distance_m", 1000.0, "priority"), ("service_distance_m", 999.99, "watch"),
    ("service_distance_m", 500.0, "watch"), ("service_distance_m", 499.99, "strong"),
    ("coupled", 1, "watch"), ("coupled", 0, "strong"),
    ("intermediary", 1, "strong"), ("intermediary", 0, "watch"),
    # issue 15 (R6, R2)
    ("self_sufficiency_min", 0.5, "watch"), ("self_sufficiency_min", 0.4999, "priority"),
    ("self_sufficiency_min", 1.0, "strong"), ("self_sufficiency_min", 0.9999, "watch"),
    ("self_sufficiency_min", 0.0, "priority"), ("self_sufficiency_min", 3.5, "strong"),
    ("import_dependency_max", 0.75, "priority"), ("import_dependency_max", 0.7499, "watch"),
    ("import_dependency_max", 0.5, "watch"), ("import_dependency_max", 0.4999, "strong"),
    ("import_dependency_max", 1.8, "priority"),  # a re-exporting territory: above 1
    ("local_sourcing_min", 0.25, "watch"), ("local_sourcing_min", 0.2499, "priority"),
    ("local_sourcing_min", 0.5, "strong"), ("local_sourcing_min", 0.4999, "watch"),
    ("shed_radius_max_m", 100000.0, "priority"), ("shed_radius_max_m", 99999.9, "watch"),
    ("shed_radius_max_m", 50000.0, "watch"), ("shed_radius_max_m", 49999.9, "strong"),
    ("shed_radius_max_m", 0.0, "strong"),
    ("reciprocity", 0.25, "watch"), ("reciprocity", 0.2499, "priority"), ("reciprocity", 0.5, "strong"),
    ("reciprocity", 0.4999, "watch"), ("reciprocity", 1.0, "strong"),
    ("net_contribution", 0.5, "watch"), ("net_contribution", 0.4999, "strong"), ("net_contribution", 0.0, "strong"),
    ("net_contribution", -0.5, "strong"), ("net_contribution", -0.5001, "watch"), ("net_contribution", 1.0, "watch"),
    ("net_contribution", -1.0, "watch"),
]


@pytest.mark.parametrize("field, value, status", BANDS)
def test_default_bands_on_and_beside_every_bound(field, value, status):
    assert _status(field, value) == status


def test_land_consumption_ratio_of_exactly_1_is_priority():
    # The help's table (fixed after this test found it said "above 1"): priority from 1, when land is
    # consumed at least as fast as the population grows (SDG 11.3.1: above 1, faster); watch from 0.5.
    assert _status("lcrpgr", 1.0) == "priority"
    assert _status("lcrpgr", 0.9999) == "watch"


@pytest.mark.parametrize("value, status", [
    ("city core", "strong"), ("commuting zone", "watch"), ("outside", "strong"),
])
def test_fua_role_categories(value, status):
    assert _status("fua_role", value) == status


@pytest.mark.parametrize("value, status", [
    ("isolated", "priority"), ("dominated", "watch"), ("intermediate", "watch"),  # intermediate is dominated too
    ("dominant", "strong"), ("independent", "strong"),
])
def test_hierarchy_categories(value, status):
    assert _status("nd_class", value) == status


def test_rule_texts_of_the_new_rules():
    # The bands in words, as the help states them (issue 15).
    rules = {rule["id"]: rule for rule in sc.RULES}
    assert sc.rule_text(rules["self_sufficiency"]).endswith(
        "strong at 100 % or more; watch from 50 % to under 100 %; priority under 50 %")
    assert sc.rule_text(rules["resource_shed"]).endswith(
        "priority at 100,000 m or more; watch from 50,000 m to under 100,000 m; strong under 50,000 m")
    for rule_id in ("self_sufficiency", "import_dependency", "local_sourcing", "resource_shed", "reciprocity",
                    "net_contribution"):
        assert "our rule" in rules[rule_id]["source"].lower() or "ours" in rules[rule_id]["source"].lower()


def test_missing_values_are_not_measurable_never_a_problem():
    assert _status("main_share", float("nan")) == sc.NOT_MEASURABLE
    assert _status("transit_share", None) == sc.NOT_MEASURABLE


def test_given_thresholds_replace_the_default_bands():
    # With the dependency bands moved to 60 % and 20 %, a share of 0.5 becomes watch and 0.15 strong.
    bands = {"dependency": ((0.6, "priority"), (0.2, "watch"), (0.0, "strong"))}
    assert _status("main_share", 0.5, thresholds=bands) == "watch"
    assert _status("main_share", 0.15, thresholds=bands) == "strong"
    assert _status("main_share", 0.6, thresholds=bands) == "priority"


def test_each_rule_feeds_its_recommendations():
    # The help's column "Recommendations".
    table = pd.DataFrame({"main_share": [0.2], "sc_supply": [0.7], "jci": [60.0], "coupled": [1],
                          "fua_role": ["outside"], "nd_class": ["dominant"], "lcrpgr": [0.7],
                          "share_outlying": [0.3], "proxy_area_documented": [0.6], "proxy_growth_insecure": [0.3],
                          "transit_share": [0.6], "service_distance_m": [600.0], "intermediary": [1],
                          "self_sufficiency_min": [0.7], "import_dependency_max": [0.6], "local_sourcing_min": [0.3],
                          "shed_radius_max_m": [60000.0], "reciprocity": [0.4], "net_contribution": [0.6]},
                         index=["T"])
    card = sc.scorecard(table)
    got = {field: sorted(part["recommendation"]) for field, part in card.groupby("indicator")}
    assert got == {"main_share": [2, 7], "sc_supply": [1, 2], "jci": [1, 7], "coupled": [2, 6],
                   "fua_role": [1, 2], "nd_class": [3], "lcrpgr": [1, 5], "share_outlying": [1, 5],
                   "proxy_area_documented": [4], "proxy_growth_insecure": [4, 5], "transit_share": [1, 7],
                   "service_distance_m": [3, 7], "intermediary": [3], "self_sufficiency_min": [2, 6],
                   "import_dependency_max": [6], "local_sourcing_min": [6], "shed_radius_max_m": [2, 6],
                   "reciprocity": [2], "net_contribution": [2]}


# --- recommendation 8: the evidence base (6 or more strong, 3 to 5 watch) ------------------------------

@pytest.mark.parametrize("fields, count, status", [
    ({}, 0, "priority"),                                         # nothing measured: R8 does not count itself
    ({"proxy_area_documented": 0.6}, 2, "priority"),             # R4 and R8
    ({"main_share": 0.2}, 3, "watch"),                           # R2, R7 and R8: 3, watch from 3
    ({"main_share": 0.2, "lcrpgr": 0.7}, 5, "watch"),            # R1, R2, R5, R7 and R8
    ({"main_share": 0.2, "lcrpgr": 0.7, "proxy_area_documented": 0.6}, 6, "strong"),  # + R4: 6, strong from 6
])
def test_evidence_base_bounds(fields, count, status):
    table = pd.DataFrame({k: [v] for k, v in fields.items()}, index=["T"]) if fields else \
        pd.DataFrame({"main_share": [float("nan")]}, index=["T"])
    row = sc.evidence(sc.scorecard(table), ["T"]).iloc[0]
    assert (int(row["value"]), row["status"]) == (count, status)
