"""Plain-English names, units and recommendations of every indicator field our algorithms write.

:data:`INDICATORS` maps a field name to a dict:

- ``label``: what a person reads instead of the field name ("Main partner's share");
- ``unit``: ``"%"``, ``"m"``, ``"m²"``, ``"ratio"``, ``"jobs per 100 workers"``, ... or ``""``;
- ``scale``: multiply the stored value by it before showing it with the unit (shares
  are stored from 0 to 1 and shown in %: ``scale`` 100); 1 when absent;
- ``recommendations``: the recommendations (1 to 8) the indicator is evidence for;
- ``algorithm``: the algorithm that writes it (``alliance:<algorithm>``);
- ``kind``: ``"share"`` (0-1), ``"ratio"``, ``"count"``, ``"class"`` (a category),
  ``"distance"``, ``"area"``, ``"volume"``, ``"index"``, ``"flag"`` (0/1), ``"code"``
  (a territory code), ``"status"`` or ``"text"``.

:data:`CLASS_FIELDS` lists the fields whose values are classes (styled by category).
With several flow types, alliance:flowdependencies prefixes its fields by the type
(``commuting_sc_supply``): :func:`describe` finds them by their suffix.

Pure data and helpers: no QGIS, no Qt. The labels are English; the GUI translates them.
"""

from __future__ import annotations


def _ind(label, unit, recommendations, algorithm, kind, scale=1.0):
    return dict(label=label, unit=unit, recommendations=tuple(recommendations), algorithm=algorithm,
                kind=kind, scale=scale)


def _share(label, recommendations, algorithm):
    return _ind(label, "%", recommendations, algorithm, "share", 100.0)


_DEP = "flowdependencies"
_FUA = "functionalareas"
_ND = "dominantflows"
_REG = "flowregions"
_NET = "citynetwork"
_LC = "landconsumption"
_UG = "urbangrowth"
_GB = "growthbuffers"
_LT = "landtenureoverlay"
_TA = "transitaccess"
_SA = "serviceaccess"
_DG = "degurba"
_SI = "spatialinteraction"
_SC = "recommendationscorecard"
_RB = "resourcebalance"
_RC = "reciprocity"

INDICATORS = {
    # alliance:flowdependencies: territories
    "outflow": _ind("Outflow (internal flow included)", "", (2,), _DEP, "volume"),
    "inflow": _ind("Inflow (internal flow included)", "", (2,), _DEP, "volume"),
    "internal": _ind("Flow staying inside the territory", "", (1, 2), _DEP, "volume"),
    "sc_supply": _share("Self-containment (share of the outflow staying inside)", (1, 2), _DEP),
    "sc_demand": _share("Self-containment (share of the inflow coming from inside)", (1, 2), _DEP),
    "net_balance": _ind("Net balance (inflow minus outflow)", "", (2,), _DEP, "volume"),
    "jci": _ind("Job concentration index", "jobs per 100 workers", (7, 1), _DEP, "index"),
    "main_partner": _ind("Main partner", "", (2,), _DEP, "code"),
    "main_share": _share("Main partner's share of the outflow", (2, 7), _DEP),
    "hhi": _ind("Concentration of the flows to other territories (Herfindahl)", "ratio", (2,), _DEP, "index"),
    "n_partners": _ind("Number of partner territories", "", (2,), _DEP, "count"),
    "n_dependents": _ind("Number of territories depending on this one", "", (2, 3), _DEP, "count"),
    "role": _ind("Role in the flow network", "", (2,), _DEP, "class"),
    "coupled": _ind("Same main partner for several flow types", "", (6, 2), _DEP, "flag"),
    "coupled_partner": _ind("Partner first for several flow types", "", (6, 2), _DEP, "code"),
    "coupled_types": _ind("Number of flow types with that partner first", "", (6, 2), _DEP, "count"),
    # alliance:flowdependencies: flow lines
    "volume": _ind("Flow volume", "", (2,), _DEP, "volume"),
    "share_origin": _share("Share of the origin's outflow", (2,), _DEP),
    "share_destination": _share("Share of the destination's inflow", (2,), _DEP),
    "reverse": _ind("Flow in the opposite direction", "", (2,), _DEP, "volume"),
    "asymmetry": _ind("Asymmetry of the flow pair (-1 to 1)", "ratio", (2,), _DEP, "ratio"),
    # (also a field of the flow lines of alliance:flowdependencies, min(T_ij / O_i, T_ji / O_j); the
    # scorecard reads the one alliance:reciprocity writes per territory, its class pair's index, 0 to 1)
    "reciprocity": _share("Reciprocity of the exchanges (pair of classes, or flow pair)", (2,), _RC),
    "rank": _ind("Rank of the flow from its origin", "", (2,), _DEP, "count"),
    # alliance:functionalareas
    "fua_id": _ind("Functional urban area", "", (1, 2), _FUA, "code"),
    "fua_role": _ind("Role in the functional urban area", "", (1, 2), _FUA, "class"),
    "city_id": _ind("City of the functional urban area", "", (1, 2), _FUA, "code"),
    "share_to_core": _share("Share of the workers going to the city", (1, 2, 7), _FUA),
    "aav_id": _ind("Catchment area (aire d'attraction)", "", (1, 2), _FUA, "code"),
    "aav_role": _ind("Role in the catchment area (aire d'attraction)", "", (1, 2), _FUA, "class"),
    "pole_id": _ind("Pole of the catchment area", "", (1, 2), _FUA, "code"),
    "share_to_pole": _share("Share of the workers going to the pole", (1, 2, 7), _FUA),
    "area_id": _ind("Functional area", "", (1, 2), _FUA, "code"),
    "units": _ind("Number of territories in the area", "", (1, 2), _FUA, "count"),
    "core_units": _ind("Number of territories in the core", "", (1, 2), _FUA, "count"),
    # alliance:dominantflows
    "nd_class": _ind("Place in the urban hierarchy (Nystuen-Dacey)", "", (3,), _ND, "class"),
    "nd_parent": _ind("Territory receiving the dominant flow", "", (3,), _ND, "code"),
    "nd_root": _ind("Top of the hierarchy tree", "", (3,), _ND, "code"),
    "nd_level": _ind("Level in the hierarchy (0 at the top)", "", (3,), _ND, "count"),
    "nd_direct": _ind("Territories directly dominated", "", (3,), _ND, "count"),
    "nd_subordinates": _ind("Territories dominated in all", "", (3,), _ND, "count"),
    "nd_size": _ind("Size used for the hierarchy", "", (3,), _ND, "volume"),
    "nd_flow": _ind("Volume of the dominant flow", "", (3,), _ND, "volume"),
    # alliance:flowregions
    "region": _ind("Flow region", "", (1, 2), _REG, "class"),
    "region_id": _ind("Flow region", "", (1, 2), _REG, "class"),
    "isolated": _ind("No flow with another territory", "", (1, 2), _REG, "flag"),
    "n_units": _ind("Number of territories in the region", "", (1, 2), _REG, "count"),
    # alliance:citynetwork
    "size_deviation": _ind("Deviation from the rank-size line (log units)", "", (3,), _NET, "ratio"),
    "primacy": _ind("Primacy (largest city / second)", "ratio", (3,), _NET, "ratio"),
    "four_city": _ind("Four-city index", "ratio", (3,), _NET, "ratio"),
    "b": _ind("Rank-size exponent", "", (3,), _NET, "ratio"),
    "b_se": _ind("Standard error of the rank-size exponent", "", (3,), _NET, "ratio"),
    "in_strength": _ind("Inflow from other cities", "", (3,), _NET, "volume"),
    "out_strength": _ind("Outflow to other cities", "", (3,), _NET, "volume"),
    "in_degree": _ind("Number of cities sending flows", "", (3,), _NET, "count"),
    "out_degree": _ind("Number of cities receiving flows", "", (3,), _NET, "count"),
    "pagerank": _ind("PageRank centrality", "", (3,), _NET, "index"),
    "betweenness": _ind("Betweenness centrality", "", (3,), _NET, "index"),
    "intermediary": _ind("Intermediary city", "", (3,), _NET, "flag"),
    "intermediary_score": _ind("Intermediary criteria met (out of 3)", "", (3,), _NET, "count"),
    "in_size_band": _ind("Size in the intermediary band", "", (3,), _NET, "flag"),
    "high_betweenness": _ind("Betweenness in the top share", "", (3,), _NET, "flag"),
    "nd_intermediate": _ind("Intermediate in the urban hierarchy", "", (3,), _NET, "flag"),
    # alliance:landconsumption
    "urb_t0": _ind("Built-up area, first date", "m²", (5, 1), _LC, "area"),
    "urb_t1": _ind("Built-up area, second date", "m²", (5, 1), _LC, "area"),
    "pop_t0": _ind("Population, first date", "inhabitants", (5, 1), _LC, "count"),
    "pop_t1": _ind("Population, second date", "inhabitants", (5, 1), _LC, "count"),
    "lcr": _share("Land consumption rate (per year)", (5, 1), _LC),
    "pgr": _share("Population growth rate (per year)", (5, 1), _LC),
    "lcrpgr": _ind("Land consumption to population growth (SDG 11.3.1)", "ratio", (5, 1, 3), _LC, "ratio"),
    "urb_per_capita_t0": _ind("Built-up area per inhabitant, first date", "m²", (5,), _LC, "area"),
    "urb_per_capita_t1": _ind("Built-up area per inhabitant, second date", "m²", (5,), _LC, "area"),
    "urb_added": _ind("Built-up area added", "m²", (5,), _LC, "area"),
    "pop_added": _ind("Population added", "inhabitants", (5,), _LC, "count"),
    "urb_per_new_inhabitant": _ind("Built-up area added per new inhabitant", "m²", (5,), _LC, "area"),
    "flag": _ind("Why the SDG 11.3.1 ratio is undefined", "", (5,), _LC, "class"),
    "in_extent": _ind("Part of the urban extent", "", (5, 1), _LC, "flag"),
    "urban_extent_area": _ind("Urban extent area", "m²", (5, 1), _LC, "area"),
    # alliance:urbangrowth
    "lei": _ind("Landscape expansion index", "", (5, 1), _UG, "index"),
    "growth_class": _ind("Growth type (infill, edge, outlying)", "", (5, 1), _UG, "class"),
    "area_infill": _ind("Area added by infill", "m²", (5, 1), _UG, "area"),
    "area_edge_expansion": _ind("Area added by edge expansion", "m²", (5, 1), _UG, "area"),
    "area_outlying": _ind("Area added by outlying growth", "m²", (5, 1), _UG, "area"),
    "area_added": _ind("New built-up area", "m²", (5, 1), _UG, "area"),
    "n_patches": _ind("Number of new built-up patches", "", (5,), _UG, "count"),
    "n_infill": _ind("Infill patches", "", (5,), _UG, "count"),
    "n_edge_expansion": _ind("Edge-expansion patches", "", (5,), _UG, "count"),
    "n_outlying": _ind("Outlying patches", "", (5,), _UG, "count"),
    "share_outlying": _share("Share of the new built-up area that is outlying", (5, 1), _UG),
    "awmei": _ind("Area-weighted mean expansion index", "", (5, 1), _UG, "index"),
    # alliance:growthbuffers
    "band": _ind("Growth ring", "", (1, 5), _GB, "class"),
    "label": _ind("Growth ring", "", (1, 5), _GB, "class"),
    "land_demand": _ind("Land demand of the projected population", "m²", (1, 5), _GB, "area"),
    "projected_pop": _ind("Projected population", "inhabitants", (1, 5), _GB, "count"),
    "added_pop": _ind("Population to house", "inhabitants", (1, 5), _GB, "count"),
    # alliance:landtenureoverlay
    "tenure_class": _ind("Tenure class", "", (4,), _LT, "class"),
    "flag_insecure_growth": _ind("Insecure tenure in a growth front", "", (4, 5), _LT, "flag"),
    "flag_hazard": _ind("Parcel in a hazard zone", "", (4, 5), _LT, "flag"),
    "flag_agriculture_growth": _ind("Farmland in a growth front", "", (4, 5), _LT, "flag"),
    "proxy_parcels_documented": _share("Parcels with documented rights (SDG 1.4.2 proxy)", (4,), _LT),
    "proxy_area_documented": _share("Parcel area with documented rights (SDG 1.4.2 proxy)", (4,), _LT),
    "proxy_population_documented": _share("Population on parcels with documented rights (SDG 1.4.2 proxy)",
                                          (4,), _LT),
    "proxy_growth_insecure": _share("Growth-front land under insecure tenure", (4, 5), _LT),
    "parcels": _ind("Number of parcels", "", (4,), _LT, "count"),
    # alliance:transitaccess
    "access": _ind("Within walking distance of frequent public transport", "", (7,), _TA, "flag"),
    "transit_share": _share("Population near frequent public transport (SDG 11.2.1)", (7, 1), _TA),
    "share_pct": _ind("Population near frequent public transport (SDG 11.2.1)", "%", (7, 1), _TA, "share"),
    "with_access": _ind("Population with access", "inhabitants", (7,), _TA, "count"),
    "nearest_stop": _ind("Nearest qualifying stop", "", (7,), _TA, "code"),
    "nearest_capacity": _ind("Capacity of the nearest stop", "", (7,), _TA, "class"),
    "qualifies": _ind("Stop with frequent service", "", (7,), _TA, "flag"),
    "per_hour": _ind("Departures per hour", "", (7,), _TA, "ratio"),
    "departures": _ind("Departures in the window", "", (7,), _TA, "count"),
    # alliance:serviceaccess
    "distance_m": _ind("Distance to the nearest stop or service", "m", (7,), _SA, "distance"),
    "time_min": _ind("Walking time to the nearest service", "min", (7,), _SA, "ratio"),
    "score_per_1000": _ind("Service capacity within reach per 1000 inhabitants (2SFCA)", "per 1000 inhabitants",
                           (7, 3), _SA, "ratio"),
    "facilities_in_reach": _ind("Facilities within reach", "", (7,), _SA, "count"),
    "service_distance_m": _ind("Mean distance to the nearest service", "m", (7, 3), _SA, "distance"),
    "service_score_per_1000": _ind("Mean service capacity within reach per 1000 inhabitants", "per 1000 inhabitants",
                                   (7, 3), _SA, "ratio"),
    "mean_score": _ind("Mean service capacity within reach per 1000 inhabitants", "per 1000 inhabitants",
                       (7,), _SA, "ratio"),
    "mean_distance_m": _ind("Mean distance to the nearest service", "m", (7,), _SA, "distance"),
    "score_to_best": _share("Service score compared with the best-served territory", (7,), _SA),
    "gini": _ind("Gini coefficient", "ratio", (7,), _SA, "index"),
    "theil": _ind("Theil index", "ratio", (7,), _SA, "index"),
    # alliance:degurba
    "cell_class": _ind("Grid class (degree of urbanisation)", "", (1, 3), _DG, "class"),
    "cell_label": _ind("Grid class (degree of urbanisation)", "", (1, 3), _DG, "class"),
    "degurba": _ind("Degree of urbanisation", "", (1, 3), _DG, "class"),
    "degurba_label": _ind("Degree of urbanisation", "", (1, 3), _DG, "class"),
    "density": _ind("Population density", "inhabitants per km²", (1, 3, 5), _DG, "ratio"),
    "share_urban_centre": _share("Population in urban centres", (1, 3), _DG),
    "share_urban_clusters": _share("Population in urban clusters", (1, 3), _DG),
    "share_rural": _share("Population in rural cells", (1, 3), _DG),
    "pop_urban_centre": _ind("Population in urban centres", "inhabitants", (1, 3), _DG, "count"),
    "pop_urban_cluster": _ind("Population in urban clusters", "inhabitants", (1, 3), _DG, "count"),
    "pop_rural": _ind("Population in rural cells", "inhabitants", (1, 3), _DG, "count"),
    # alliance:spatialinteraction
    "observed": _ind("Observed flow", "", (2, 3), _SI, "volume"),
    "expected": _ind("Flow expected by the gravity model", "", (2, 3), _SI, "volume"),
    "residual": _ind("Observed minus expected flow", "", (2, 3), _SI, "volume"),
    "pearson": _ind("Pearson residual", "", (2, 3), _SI, "ratio"),
    # alliance:resourcebalance: territories (across resources)
    "self_sufficiency_min": _ind("Lowest self-sufficiency across resources (production / consumption)", "%",
                                 (6, 2), _RB, "ratio", 100.0),
    "worst_resource": _ind("Least self-sufficient resource", "", (6,), _RB, "code"),
    "import_dependency_max": _ind("Highest import dependency across resources (inflow / consumption)", "%",
                                  (6,), _RB, "ratio", 100.0),
    "local_sourcing_min": _share("Lowest share of the inflow from nearby territories (local sourcing)", (6,), _RB),
    "shed_radius_max_m": _ind("Largest resource-shed radius", "m", (6, 2), _RB, "distance"),
    "deficit_resources": _ind("Resources in deficit", "", (6,), _RB, "code"),
    # alliance:resourcebalance: balances (territory x resource) and resource-sheds
    "resource": _ind("Resource", "", (6,), _RB, "code"),
    "production": _ind("Production", "", (6,), _RB, "volume"),
    "consumption": _ind("Consumption", "", (6,), _RB, "volume"),
    "net": _ind("Net position (production minus consumption)", "", (6,), _RB, "volume"),
    "self_sufficiency": _ind("Self-sufficiency (production / consumption)", "%", (6, 2), _RB, "ratio", 100.0),
    "import_dependency": _ind("Import dependency (inflow / consumption)", "%", (6,), _RB, "ratio", 100.0),
    "local_sourcing": _share("Share of the inflow from nearby territories (local sourcing)", (6,), _RB),
    "main_supplier": _ind("Main supplier", "", (6,), _RB, "code"),
    "n_suppliers": _ind("Number of suppliers", "", (6,), _RB, "count"),
    "shed_radius_m": _ind("Resource-shed radius", "m", (6, 2), _RB, "distance"),
    "shed_n": _ind("Territories in the resource-shed", "", (6, 2), _RB, "count"),
    "shed_covered": _ind("Deficit covered by the resource-shed", "", (6,), _RB, "flag"),
    # alliance:reciprocity (the index "reciprocity" is above, with the flow pairs')
    "net_contribution": _ind("Net contribution to the other classes (-1 receives only, 1 gives only)", "", (2,),
                             _RC, "index"),
    "partner_class": _ind("Class exchanging most with the territory's class", "", (2,), _RC, "code"),
    "gives": _ind("Flow types the territory provides to other classes", "", (2,), _RC, "code"),
    "receives": _ind("Flow types the territory receives from other classes", "", (2,), _RC, "code"),
    "n_types": _ind("Number of flow types exchanged", "", (2,), _RC, "count"),
    "share_a": _share("Share of the exchange provided by the first class", (2,), _RC),
    "provided_ab": _ind("Provided by the first class to the second", "", (2,), _RC, "volume"),
    "provided_ba": _ind("Provided by the second class to the first", "", (2,), _RC, "volume"),
}

# alliance:recommendationscorecard
for _n in range(1, 9):
    INDICATORS[f"r{_n}_status"] = _ind(f"Status of recommendation {_n}", "", (_n,), _SC, "status")
    INDICATORS[f"r{_n}_text"] = _ind(f"Evidence for recommendation {_n}", "", (_n,), _SC, "text")
INDICATORS["status"] = _ind("Status", "", (), _SC, "status")
INDICATORS["n_measured"] = _ind("Recommendations with measured evidence (of 8)", "", (8,), _SC, "count")

#: Fields whose values are classes (styled by category, never graduated).
CLASS_FIELDS = frozenset(field for field, spec in INDICATORS.items() if spec["kind"] in ("class", "flag", "status"))


def describe(field):
    """The entry of a field, also for the prefixed per-type fields (``commuting_main_share``); None if unknown.

    Examples
    --------
    >>> describe("main_share")["label"]
    "Main partner's share of the outflow"
    >>> describe("commuting_jci")["unit"]
    'jobs per 100 workers'
    >>> describe("nothing") is None
    True
    """
    if field in INDICATORS:
        return INDICATORS[field]
    for known in sorted(INDICATORS, key=len, reverse=True):
        spec = INDICATORS[known]
        if spec["algorithm"] == _DEP and field.endswith("_" + known):
            return spec
    return None


def algorithms_for(recommendation):
    """``alliance:<algorithm>`` of every algorithm writing an indicator of ``recommendation``, sorted.

    >>> algorithms_for(4)
    ['alliance:landtenureoverlay', 'alliance:recommendationscorecard']
    """
    return sorted({f"alliance:{spec['algorithm']}" for spec in INDICATORS.values()
                   if recommendation in spec.get("recommendations", ())})


def label(field):
    """The plain-English label of a field (the field name itself when unknown)."""
    spec = describe(field)
    return spec["label"] if spec else field


def display_value(field, value):
    """The value as a person reads it: scaled and with its unit ("62 %", "1,250 m")."""
    spec = describe(field)
    if value is None or spec is None or spec["kind"] in ("class", "code", "text", "status"):
        return "" if value is None else str(value)
    try:
        number = float(value) * spec.get("scale", 1.0)
    except (TypeError, ValueError):
        return str(value)
    if number != number:  # NaN
        return ""
    text = f"{number:,.0f}" if abs(number) >= 100 else f"{number:.3g}"
    unit = spec["unit"]
    return f"{text} {unit}" if unit and unit != "ratio" else text
