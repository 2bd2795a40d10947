"""Regions from flows (methods.md, section 2): territories grouped by the flows they exchange.

- :mod:`.intramax`: Intramax (Masser and Brown 1975), the merge hierarchy and its cuts;
- :mod:`.modularity`: communities maximising modularity, Louvain (Blondel et al. 2008) and
  Leiden (Traag, Waltman and van Eck 2019), and the modularity Q of any partition;
- :mod:`.statistics`: size, internal flow and self-containment of each region;
- :mod:`.partition`: what they share (one flow type, the code order, region labels).

Every function takes a :class:`..flows.pairs.FlowTable`, or canonical flows and the territory ids.
"""

from .intramax import HISTORY_COLUMNS, IntramaxResult, cut_hierarchy, intramax
from .modularity import CommunityResult, OptionalDependencyError, modularity, modularity_communities
from .statistics import region_statistics

__all__ = ["HISTORY_COLUMNS", "CommunityResult", "IntramaxResult", "OptionalDependencyError", "cut_hierarchy",
           "intramax", "modularity", "modularity_communities", "region_statistics"]
