"""Fixed, documented colours of every class our algorithms write, and readable class bounds.

Pure data (no QGIS, no Qt): :mod:`processing.styling` turns it into renderers, the
dock and the reports use the same colours so a class always looks the same.

Class fields (:data:`CLASSES`): ``{field: ((value, colour), ...)}``, in legend order.
The values are the ones the algorithms write (English; the legend translates them).
Colours come from ColorBrewer schemes (Brewer and Harrower) chosen per meaning:

- hierarchy and roles, dark (top) to light (bottom): ``pole`` / ``dominant`` /
  ``city core`` dark blue, dependants lighter, ``isolated`` and ``outside`` grey;
- urban classes (degree of urbanisation, urban extent): red (dense) to green (rural);
- growth types (landscape expansion index): three clearly distinct hues, infill
  blue (inside the existing city), edge expansion orange, outlying dark red (sprawl);
- tenure: documented green, public blue, customary purple, informal orange, unknown grey;
- flags (0/1): 1 (the flagged situation) in a strong colour, 0 light grey;
- statuses: priority #d7301f, watch #fdae61, strong #1a9850, not measurable #bdbdbd.

Flow regions (:func:`region_colour`) take a qualitative colour from the region id,
stable from run to run (a hash of the id, not its order).

Graduated fields (:data:`SHARE_BOUNDS`, :data:`RATIO_BOUNDS`...): readable class
bounds people write (0-15-30-50-75-100 %), and a colour ramp per kind.
"""

from __future__ import annotations

import zlib

#: Statuses of the recommendation scorecard.
STATUS_COLOURS = {
    "priority": "#d7301f",
    "watch": "#fdae61",
    "strong": "#1a9850",
    "not measurable": "#bdbdbd",
}

GREY = "#bdbdbd"
LIGHT_GREY = "#f0f0f0"

#: Flags written as 0/1: the flagged case stands out.
FLAG_COLOURS = (("1", "#d7301f"), ("0", "#e0e0e0"))

#: Class fields and their values, in legend order.
CLASSES = {
    # alliance:flowdependencies (core.dependencies.ROLES)
    "role": (("pole", "#08306b"), ("interdependent", "#6a51a3"), ("dependent", "#fd8d3c"),
             ("autonomous", "#74c476"), ("isolated", GREY)),
    # alliance:dominantflows and citynetwork (core.dominant.ND_CLASSES)
    "nd_class": (("dominant", "#08306b"), ("intermediate", "#4292c6"), ("dominated", "#c6dbef"),
                 ("independent", "#fdae6b"), ("isolated", GREY)),
    # alliance:functionalareas (core.functional_areas ROLE_*)
    "fua_role": (("city core", "#08306b"), ("commuting zone", "#6baed6"), ("outside", LIGHT_GREY)),
    "aav_role": (("pole", "#08306b"), ("secondary pole", "#2171b5"), ("crown", "#9ecae1"),
                 ("outside", LIGHT_GREY)),
    # alliance:urbangrowth (core.growth.GROWTH_CLASSES)
    "growth_class": (("infill", "#2c7bb6"), ("edge_expansion", "#fdae61"), ("outlying", "#a50026")),
    # alliance:landconsumption (core.growth.EXTENT_CLASSES and FLAGS)
    "class": (("urban built-up", "#67000d"), ("suburban built-up", "#ef3b2c"), ("fringe open space", "#fcbba1"),
              ("captured open space", "#c7e9c0"), ("rural built-up", "#737373")),
    "flag": (("ok", "#1a9850"), ("stagnating", "#fee08b"), ("declining", "#d73027"),
             ("no_built_up", GREY), ("no_population", "#969696"), ("missing", LIGHT_GREY)),
    # alliance:degurba (core.degurba CELL_CLASSES and UNIT_CLASSES)
    "cell_label": (("urban centre", "#b2182b"), ("urban cluster", "#fdae61"), ("rural grid cell", "#d9f0d3"),
                   ("no data", LIGHT_GREY)),
    "degurba_label": (("city", "#b2182b"), ("town and semi-dense area", "#fdae61"), ("rural area", "#a6d96a")),
    # alliance:landtenureoverlay (core.tenure.CLASSES)
    "tenure_class": (("documented", "#1a9850"), ("public", "#4575b4"), ("customary", "#8073ac"),
                     ("informal", "#f46d43"), ("unknown", GREY)),
    # scorecard
    "status": tuple(STATUS_COLOURS.items()),
}
for _n in range(1, 9):
    CLASSES[f"r{_n}_status"] = CLASSES["status"]

#: Fields holding 0/1 flags (categorised 1 / 0).
FLAG_FIELDS = ("flag_insecure_growth", "flag_hazard", "flag_agriculture_growth", "access", "qualifies",
               "isolated", "intermediary", "in_size_band", "high_betweenness", "nd_intermediate", "in_extent",
               "coupled")

#: Ring colours, innermost first (alliance:growthbuffers ``label``, by ``band``).
RING_COLOURS = ("#67000d", "#cb181d", "#fb6a4a", "#fcbba1", "#fee0d2", "#fff5f0")

#: Qualitative colours for regions and areas (ColorBrewer Set3 and Paired, no greys).
QUALITATIVE = ("#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5",
               "#bc80bd", "#ccebc5", "#ffed6f", "#a6cee3", "#1f78b4", "#b2df8a", "#33a02c", "#fb9a99",
               "#e31a1c", "#fdbf6f", "#ff7f00", "#cab2d6", "#6a3d9a", "#b15928")


def region_colour(region_id) -> str:
    """A colour for a region id, the same in every run (a CRC32 of the id, not its rank).

    >>> region_colour("AT13") == region_colour("AT13")
    True
    >>> region_colour("AT13") in QUALITATIVE
    True
    """
    return QUALITATIVE[zlib.crc32(str(region_id).encode("utf-8")) % len(QUALITATIVE)]


def region_colours(ids) -> dict:
    """Colours for a set of region ids: stable per id, and distinct as long as there are enough colours.

    Ids are taken in sorted order; one whose hashed colour is taken gets the next free one.

    >>> colours = region_colours(["B", "A", "C"])
    >>> len(set(colours.values()))
    3
    """
    out, used = {}, set()
    for region in sorted({str(i) for i in ids}):
        start = zlib.crc32(region.encode("utf-8")) % len(QUALITATIVE)
        colour = QUALITATIVE[start]
        for step in range(len(QUALITATIVE)):
            candidate = QUALITATIVE[(start + step) % len(QUALITATIVE)]
            if candidate not in used:
                colour = candidate
                break
        used.add(colour)
        out[region] = colour
    return out


#: Share classes (0-1 stored, shown in %): bounds people write.
SHARE_BOUNDS = (0.0, 0.15, 0.30, 0.50, 0.75, 1.0)
#: Five blues, light to dark (ColorBrewer Blues).
SHARE_COLOURS = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
#: Shares where a high value is good (self-containment, access): light to dark green.
GOOD_SHARE_COLOURS = ("#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c")
#: Shares where a high value is a concern (outlying growth, dependency): light to dark red.
BAD_SHARE_COLOURS = ("#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15")
#: Ratio classes (e.g. SDG 11.3.1 land consumption over population growth: 1 is balanced).
RATIO_BOUNDS = (0.0, 0.5, 0.9, 1.1, 2.0, 5.0)
RATIO_COLOURS = ("#1a9850", "#a6d96a", "#ffffbf", "#fdae61", "#d7191c")
#: Diverging ramp for signed values (asymmetry -1..1, residuals).
DIVERGING_COLOURS = ("#2166ac", "#92c5de", "#f7f7f7", "#f4a582", "#b2182b")

#: Shares read "higher is better" and "higher is a concern"; the others use plain blues.
GOOD_SHARES = frozenset({"sc_supply", "sc_demand", "transit_share", "proxy_parcels_documented",
                         "proxy_area_documented", "proxy_population_documented", "score_to_best", "reciprocity"})
BAD_SHARES = frozenset({"main_share", "share_outlying", "proxy_growth_insecure", "share_to_core", "share_to_pole"})

#: Flow lines.
FLOW_LINE_COLOUR = "#253494"  # dark blue: stands out over the red share classes
DOMINANT_FLOW_COLOUR = "#e6550d"  # orange: stands out over the blue hierarchy classes


def share_colours(field: str) -> tuple:
    """The ramp of a share field by its meaning (suffix-matched for per-type fields)."""
    base = field.split("_", 1)[1] if field not in GOOD_SHARES | BAD_SHARES and "_" in field else field
    for name in (field, base):
        if name in GOOD_SHARES:
            return GOOD_SHARE_COLOURS
        if name in BAD_SHARES:
            return BAD_SHARE_COLOURS
    return SHARE_COLOURS


def share_label(low: float, high: float) -> str:
    """A readable class label for shares stored 0-1.

    >>> share_label(0.15, 0.3)
    '15 - 30 %'
    """
    return f"{number(100 * low)} - {number(100 * high)} %"


def number(value: float) -> str:
    """A number as people write it: 15, 0.5, 1,250 (never 15.000000).

    >>> number(15.0), number(0.5), number(1250.0), number(0.125)
    ('15', '0.5', '1,250', '0.12')
    """
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.2g}" if abs(value) < 1 else f"{value:.3g}"


def nice_bounds(minimum: float, maximum: float, classes: int = 5) -> tuple:
    """Class bounds on round numbers (1, 2, 2.5, 5 x 10^k steps) covering [minimum, maximum].

    >>> nice_bounds(0, 97)
    (0.0, 20.0, 40.0, 60.0, 80.0, 100.0)
    >>> nice_bounds(3, 3)
    (3.0, 4.0)
    """
    import math

    if not (maximum > minimum):
        return (float(minimum), float(minimum) + 1.0)
    raw = (maximum - minimum) / classes
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    low = math.floor(minimum / step) * step
    bounds = [low]
    while bounds[-1] < maximum:
        bounds.append(bounds[-1] + step)
    return tuple(float(round(b, 10)) for b in bounds)
