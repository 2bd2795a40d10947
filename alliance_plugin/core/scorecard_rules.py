"""The scorecard's rules: our output fields read as evidence for the 8 recommendations.

One declarative table (:data:`RULES`): for each rule the field it reads, the algorithm that
writes it, the recommendations it speaks to, its bands (thresholds are defaults: the scorecard
algorithm exposes them as parameters) or categories, the sentence that explains each status and
the source of the rule (EU-OECD, OECD 2020, UN SDG 11.3.1 and 11.2.1 metadata, Liu et al. 2010,
Nystuen and Dacey 1961, foodshed studies...; "ours" where the bands are ours). Read by
:mod:`.scorecard`; its texts are collected for translation by scripts/update_translations.py.
"""

#: One row per rule. ``bands``: (lower bound, status) from the highest bound down; a value at or
#: above a bound takes its status. ``direction`` "high" means high values are the concern.
RULES = (
    dict(id="dependency", field="main_share", algorithm="flowdependencies", recommendations=(2, 7),
         bands=((0.5, "priority"), (0.15, "watch"), (0.0, "strong")),
         text={"priority": "{value:.0%} of the outflow goes to {partner}: high dependency; consider "
                           "inter-territorial cooperation on mobility (R2, R7).",
               "watch": "{value:.0%} of the outflow goes to {partner}: a dependency to follow (R2).",
               "strong": "No partner takes more than {value:.0%} of the outflow: diversified links (R2)."},
         null_reason="no_outflow",
         source="15 % is the EU-OECD commuting threshold (Dijkstra et al. 2019); 50 % is ours."),
    dict(id="self_containment", field="sc_supply", algorithm="flowdependencies", recommendations=(1, 2),
         bands=((0.75, "strong"), (0.6667, "watch"), (0.0, "priority")),
         text={"priority": "Only {value:.0%} of the flows starting here stay here: the territory cannot "
                           "plan alone; plan with its partners (R1, R2).",
               "watch": "{value:.0%} of the flows stay inside: close to the self-containment target (R1).",
               "strong": "{value:.0%} of the flows stay inside: a self-contained territory (R1)."},
         null_reason="no_outflow",
         source="OECD (2020) labour-market areas: minimum 0.6667, target 0.75."),
    dict(id="jobs", field="jci", algorithm="flowdependencies", recommendations=(7, 1),
         bands=((80.0, "strong"), (50.0, "watch"), (0.0, "priority")),
         text={"priority": "{value:.0f} jobs per 100 employed residents: a residential territory whose "
                           "workers must commute; plan mobility and local jobs (R7, R1).",
               "watch": "{value:.0f} jobs per 100 employed residents: more residents than jobs (R7).",
               "strong": "{value:.0f} jobs per 100 employed residents: a job centre (R7)."},
         null_reason="no_outflow",
         source="INSEE indicateur de concentration d'emploi; the 50 and 80 bands are ours."),
    dict(id="coupling", field="coupled", algorithm="flowdependencies", recommendations=(6, 2),
         bands=((1.0, "watch"), (0.0, "strong")),
         text={"watch": "The same partner comes first for several flow types: resource and commuting "
                        "dependencies overlap; a candidate for circular-economy cooperation (R6, R2).",
               "strong": "No partner dominates several flow types (R6)."},
         rule_text="watch when the same partner comes first for two flow types or more; strong otherwise",
         null_reason="missing",
         source="Our rule: watch when one partner ranks first for two flow types or more (cross-type coupling)."),
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
                "the 0.5 band is ours.",
         null_reason="no_ratio"),
    dict(id="outlying_growth", field="share_outlying", algorithm="urbangrowth", recommendations=(5, 1),
         bands=((0.5, "priority"), (0.25, "watch"), (0.0, "strong")),
         text={"priority": "{value:.0%} of the new built-up area is outlying (leapfrog) growth: steer growth to "
                           "infill and edges (R5, R1).",
               "watch": "{value:.0%} of the new built-up area is outlying growth (R5).",
               "strong": "Only {value:.0%} of the new built-up area is outlying: compact growth (R5)."},
         null_reason="no_growth",
         source="Landscape expansion index classes (Liu et al. 2010); the 25 and 50 % bands are ours."),
    dict(id="documented_tenure", field="proxy_area_documented", algorithm="landtenureoverlay",
         recommendations=(4,),
         bands=((0.8, "strong"), (0.5, "watch"), (0.0, "priority")),
         text={"priority": "Only {value:.0%} of the parcel area has documented rights (a spatial proxy of "
                           "SDG 1.4.2): secure tenure first (R4).",
               "watch": "{value:.0%} of the parcel area has documented rights (SDG 1.4.2 proxy) (R4).",
               "strong": "{value:.0%} of the parcel area has documented rights (SDG 1.4.2 proxy) (R4)."},
         null_reason="no_parcels",
         source="SDG 1.4.2 metadata, as a cadastral proxy; the 50 and 80 % bands are ours."),
    dict(id="insecure_growth_front", field="proxy_growth_insecure", algorithm="landtenureoverlay",
         recommendations=(4, 5),
         bands=((0.5, "priority"), (0.2, "watch"), (0.0, "strong")),
         text={"priority": "{value:.0%} of the growth-front land is under informal, customary or unknown "
                           "tenure: regularise before the city reaches it (R4, R5).",
               "watch": "{value:.0%} of the growth-front land has insecure tenure (R4).",
               "strong": "Only {value:.0%} of the growth-front land has insecure tenure (R4)."},
         null_reason="no_parcels",
         source="Our rule, beside the SDG 1.4.2 spatial proxies (UN-Habitat and World Bank metadata): the share "
                "of growth-front land under informal, customary or unknown tenure; the 20 and 50 % bands are ours."),
    dict(id="transit_access", field="transit_share", algorithm="transitaccess", recommendations=(7, 1),
         bands=((0.8, "strong"), (0.5, "watch"), (0.0, "priority")),
         text={"priority": "Only {value:.0%} of the population lives within walking distance of frequent public "
                           "transport (SDG 11.2.1): extend or densify the service (R7, R1).",
               "watch": "{value:.0%} of the population lives within walking distance of frequent public "
                        "transport (SDG 11.2.1) (R7).",
               "strong": "{value:.0%} of the population lives within walking distance of frequent public "
                         "transport (SDG 11.2.1) (R7)."},
         null_reason="no_population",
         source="UN SDG 11.2.1 metadata (500 m and 1 000 m walks); the 50 and 80 % bands are ours."),
    dict(id="service_distance", field="service_distance_m", algorithm="serviceaccess", recommendations=(7, 3),
         bands=((1000.0, "priority"), (500.0, "watch"), (0.0, "strong")),
         text={"priority": "People walk {value:,.0f} m on average to the nearest service: bring services closer "
                           "or link the territory to a nearby centre (R7, R3).",
               "watch": "People walk {value:,.0f} m on average to the nearest service (R7).",
               "strong": "The nearest service is {value:,.0f} m away on average (R7)."},
         null_reason="no_service",
         source="Our rule, on the SDG 11.2.1 walking distances (500 m and 1 000 m)."),
    dict(id="intermediary", field="intermediary", algorithm="citynetwork", recommendations=(3,),
         bands=((1.0, "strong"), (0.0, "watch")),
         text={"strong": "An intermediary city: middle size, high intermediation, intermediate place in the "
                         "hierarchy; reinforce its role in the network (R3).",
               "watch": "Not an intermediary city by our rule (R3)."},
         rule_text="strong when the city meets the three intermediary criteria (middle size, betweenness in the "
                   "top share, intermediate in the Nystuen-Dacey hierarchy); watch otherwise",
         null_reason="missing",
         source="Our rule: a city is intermediary when its size is inside the band, its betweenness in the top "
                "share and it is intermediate in the Nystuen-Dacey hierarchy (UCLG CIMES intermediary cities)."),
    # Recommendation 6 (issue 15): alliance:resourcebalance, the foodshed literature for the measures.
    dict(id="self_sufficiency", field="self_sufficiency_min", algorithm="resourcebalance", recommendations=(6, 2),
         bands=((1.0, "strong"), (0.5, "watch"), (0.0, "priority")),
         text={"priority": "Local production covers only {value:.0%} of the consumption of {resource}: secure its "
                           "supply with partner territories and plan a circular economy of resources (R6, R2).",
               "watch": "Local production covers {value:.0%} of the consumption of {resource}: a deficit to plan "
                        "with the supplying territories (R6).",
               "strong": "Every resource is produced at least at the level of its consumption ({value:.0%} for "
                         "{resource}): a territory that can supply its neighbours (R6, R2)."},
         null_reason="no_consumption",
         source="Our rule (priority under 50 %, watch under 100 %, strong from 100 %); self-sufficiency as "
                "production / consumption in the foodshed studies (Peters et al. 2009; Zumkehr and Campbell 2015)."),
    dict(id="import_dependency", field="import_dependency_max", algorithm="resourcebalance", recommendations=(6,),
         bands=((0.75, "priority"), (0.5, "watch"), (0.0, "strong")),
         text={"priority": "Flows from other territories bring {value:.0%} of the consumption of a resource: "
                           "a strong dependency; diversify and secure the supply (R6).",
               "watch": "Flows from other territories bring {value:.0%} of the consumption of a resource (R6).",
               "strong": "Flows from other territories bring at most {value:.0%} of the consumption of any "
                         "resource (R6)."},
         null_reason="no_resource_flows",
         source="Ours: the 50 and 75 % bands; import dependency as inflow / consumption (urban metabolism and "
                "foodshed studies: Peters et al. 2009; Zumkehr and Campbell 2015)."),
    dict(id="local_sourcing", field="local_sourcing_min", algorithm="resourcebalance", recommendations=(6,),
         bands=((0.5, "strong"), (0.25, "watch"), (0.0, "priority")),
         text={"priority": "Only {value:.0%} of the inflow of a resource comes from nearby territories: build "
                           "short supply chains with the neighbouring territories (R6, R2).",
               "watch": "{value:.0%} of the inflow of a resource comes from nearby territories (R6).",
               "strong": "At least {value:.0%} of the inflow of every resource comes from nearby territories: "
                         "short supply chains (R6)."},
         null_reason="no_resource_flows",
         source="Ours: the 25 and 50 % bands on the local share of the inflow (within the local distance or the "
                "same functional area)."),
    dict(id="resource_shed", field="shed_radius_max_m", algorithm="resourcebalance", recommendations=(6, 2),
         bands=((100000.0, "priority"), (50000.0, "watch"), (0.0, "strong")),
         text={"priority": "Covering the deficit takes territories up to {value:,.0f} m away: a wide resource-shed; "
                           "cooperate with the supplying territories and produce closer (R6, R2).",
               "watch": "Covering the deficit takes territories up to {value:,.0f} m away (R6).",
               "strong": "The deficit is covered by territories within {value:,.0f} m: a compact resource-shed "
                         "(R6)."},
         null_reason="no_shed",
         source="Ours: the 50 and 100 km bands; the radius of the foodshed as its measure follows Peters et al. "
                "(2009) and Zumkehr and Campbell (2015)."),
    # Recommendation 2 (issue 15): alliance:reciprocity, our index.
    dict(id="reciprocity", field="reciprocity", algorithm="reciprocity", recommendations=(2,),
         bands=((0.5, "strong"), (0.25, "watch"), (0.0, "priority")),
         text={"priority": "Reciprocity {value:.0%} with the class {partner_class}: one side provides almost "
                           "everything; move from redistribution to reciprocity and win-win partnerships (R2).",
               "watch": "Reciprocity {value:.0%} with the class {partner_class}: the exchanges run mostly one "
                        "way (R2).",
               "strong": "Reciprocity {value:.0%} with the class {partner_class}: each side provides something "
                         "to the other (R2)."},
         null_reason="no_exchange",
         source="Our rule and our index (not an official one): R = 1 - |2 x mean share - 1| over the flow types "
                "the pair of classes exchanges; priority under 25 %, watch under 50 %."),
    dict(id="net_contribution", field="net_contribution", algorithm="reciprocity", recommendations=(2,),
         bands=((0.5, "watch"), (-0.5, "strong"), (float("-inf"), "watch")),
         text={"watch": "Net contribution {value:+.2f} (from -1, only receives, to 1, only gives): the exchanges "
                        "with the other classes run mostly one way; look for what could flow back (R2).",
               "strong": "Net contribution {value:+.2f}: the territory gives and receives in balance with the "
                         "other classes (R2)."},
         rule_text="watch when the territory mostly gives (0.5 or more) or mostly receives (under -0.5); "
                   "strong in between",
         null_reason="no_exchange",
         source="Our rule: watch when the net contribution is 0.5 or more, or under -0.5."),
)
