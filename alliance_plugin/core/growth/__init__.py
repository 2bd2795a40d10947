"""Urban growth from built-up at two dates (methods.md, section 5), one module per concept.

- :mod:`.patches`: new built-up patches and the landscape expansion index (Liu et al. 2010), per territory;
- :mod:`.sdg11_3_1`: land consumption (SDG 11.3.1: LCR, PGR, LCRPGR and built-up per capita);
- :mod:`.rings`: distance rings around the built-up and the prospective growth buffer;
- :mod:`.extent`: UN-Habitat urban-extent classes (as Trends.Earth) on a grid of built-up shares.

The names below are re-exported so that ``from ..core import growth; growth.growth_patches(...)`` keeps working.
"""

from .extent import EXTENT_CLASSES, UrbanExtent, built_up_cover, extent_layer, urban_extent_classes, urban_extent_grid
from .patches import GROWTH_CLASSES, PATCH_COLUMNS, growth_patches, growth_summary, patch_territories
from .rings import RING_ROLES, growth_rings, prospective_buffer
from .sdg11_3_1 import AREA_UNITS, FLAGS, land_consumption, whole_area

__all__ = [
    "AREA_UNITS", "EXTENT_CLASSES", "FLAGS", "GROWTH_CLASSES", "PATCH_COLUMNS", "RING_ROLES", "UrbanExtent",
    "built_up_cover", "extent_layer", "growth_patches", "growth_rings", "growth_summary", "land_consumption",
    "patch_territories", "prospective_buffer", "urban_extent_classes", "urban_extent_grid", "whole_area",
]
