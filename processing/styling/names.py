"""The words of our styled layers: distinct layer names of the outputs, legend labels of class values,
and the title of what a styled layer shows (translated)."""

from ...alliance_plugin.core.indicators import describe
from ...alliance_plugin.toolbelt.i18n import tr


def layer_names():
    """Distinct layer names of the outputs, by (algorithm name, output key); others keep their description."""
    return {
        ("flowdependencies", "OUTPUT"): tr("Flow dependencies: main partner's share"),
        ("flowdependencies", "OUTPUT_LINES"): tr("Flow lines (dependencies)"),
        ("dominantflows", "OUTPUT"): tr("Urban hierarchy (Nystuen-Dacey classes)"),
        ("dominantflows", "OUTPUT_LINES"): tr("Dominant flows"),
        ("flowregions", "OUTPUT"): tr("Territories by flow region"),
        ("flowregions", "OUTPUT_REGIONS"): tr("Flow regions"),
        ("flowregions", "OUTPUT_HISTORY"): tr("Intramax merges"),
        ("functionalareas", "OUTPUT"): tr("Functional areas: role of each territory"),
        ("functionalareas", "OUTPUT_AREAS"): tr("Functional areas"),
        ("spatialinteraction", "OUTPUT_LINES"): tr("Flow lines (spatial interaction)"),
        ("spatialinteraction", "OUTPUT_PARAMETERS"): tr("Spatial interaction: model parameters"),
        ("resourcebalance", "OUTPUT"): tr("Resource balances: lowest self-sufficiency"),
        ("resourcebalance", "OUTPUT_BALANCE"): tr("Resource balances (territory x resource)"),
        ("resourcebalance", "OUTPUT_SHEDS"): tr("Resource-sheds"),
        ("reciprocity", "OUTPUT"): tr("Reciprocity: class of each territory"),
        ("reciprocity", "OUTPUT_TABLE"): tr("Reciprocity: class x class x flow type"),
        ("reciprocity", "OUTPUT_PAIRS"): tr("Reciprocity of each pair of classes"),
        ("reciprocity", "OUTPUT_CONTRIBUTIONS"): tr("Reciprocity: contributions per territory"),
        ("reciprocity", "OUTPUT_LINES"): tr("Reciprocity: what each class provides"),
    }


def value_labels():
    """Legend labels of the class values (translated)."""
    return {
        "pole": tr("Pole"), "interdependent": tr("Interdependent"), "dependent": tr("Dependent"),
        "autonomous": tr("Autonomous"), "isolated": tr("Isolated"),
        "dominant": tr("Dominant"), "intermediate": tr("Intermediate"), "dominated": tr("Dominated"),
        "independent": tr("Independent"),
        "city core": tr("City core"), "commuting zone": tr("Commuting zone"), "outside": tr("Outside"),
        "secondary pole": tr("Secondary pole"), "crown": tr("Crown"),
        "infill": tr("Infill"), "edge_expansion": tr("Edge expansion"), "outlying": tr("Outlying"),
        "urban built-up": tr("Urban built-up"), "suburban built-up": tr("Suburban built-up"),
        "fringe open space": tr("Fringe open space"), "captured open space": tr("Captured open space"),
        "rural built-up": tr("Rural built-up"),
        "ok": tr("Ratio defined"), "stagnating": tr("Population stagnating"),
        "declining": tr("Population declining"), "no_built_up": tr("No built-up"),
        "no_population": tr("No population"), "missing": tr("Missing data"),
        "urban centre": tr("Urban centre"), "urban cluster": tr("Urban cluster"),
        "rural grid cell": tr("Rural grid cell"), "no data": tr("No data"),
        "city": tr("City"), "town and semi-dense area": tr("Town and semi-dense area"),
        "rural area": tr("Rural area"),
        "documented": tr("Documented"), "public": tr("Public"), "customary": tr("Customary"),
        "informal": tr("Informal"), "unknown": tr("Unknown"),
        "priority": tr("Priority"), "watch": tr("Watch"), "strong": tr("Strong"),
        "not measurable": tr("Not measurable"),
    }


def field_titles():
    """What a layer styled on a field shows, for its legend (translated)."""
    return {
        "role": tr("Role in the flow network"),
        "nd_class": tr("Place in the urban hierarchy"),
        "fua_role": tr("Role in the functional urban area"),
        "aav_role": tr("Role in the catchment area"),
        "growth_class": tr("Growth type"),
        "class": tr("Urban extent class"),
        "flag": tr("SDG 11.3.1 ratio"),
        "cell_label": tr("Degree of urbanisation of the grid cells"),
        "degurba_label": tr("Degree of urbanisation"),
        "tenure_class": tr("Tenure class"),
        "status": tr("Status"),
        "region": tr("Flow region"),
        "region_id": tr("Flow region"),
        "area_id": tr("Functional area"),
        "label": tr("Growth ring"),
        "main_share": tr("Main partner's share of the outflow"),
        "volume": tr("Flow volume"),
    }


#: Outputs recognised by one of their fields, whose styled field means something else there:
#: ``(styled field, marker field) -> title`` (``class`` is the urban extent class of Land consumption,
#: but the class of territories in alliance:reciprocity, whose territories carry ``net_contribution``).
def output_field_titles():
    """Legend titles of a styled field in a given output, keyed by (field, a field only that output has)."""
    return {
        ("class", "net_contribution"): tr("Class of territories (reciprocity)"),
        ("flow_type", "provided_ab"): tr("What each class provides, by flow type"),
        ("amount", "member"): tr("Resource-sheds: amount supplied"),
    }


def legend_title(layer, kind, field):
    """What the layer shows, in words: the field's title or the indicator's label (translated)."""
    names = set(layer.fields().names()) if layer is not None and hasattr(layer, "fields") else set()
    for (styled, marker), title in output_field_titles().items():
        if field == styled and marker in names:
            return title
    titles = field_titles()
    if field in titles:
        return titles[field]
    if kind == "status":
        number = field[1:].split("_")[0]
        return tr("Status of recommendation {n}").format(n=number)
    spec = describe(field)
    translate = tr  # the indicator labels of core/indicators.py are extracted from there
    return translate(spec["label"]) if spec else field
