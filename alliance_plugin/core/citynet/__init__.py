"""City networks (methods.md, section 3): city sizes, centralities of the flow graph, intermediary cities.

- :mod:`.sizes`: the rank-size fit (Gabaix and Ibragimov 2011) and primacy, per date;
- :mod:`.centrality`: strength, degree and betweenness of each territory in the flow graph;
- :mod:`.pagerank`: PageRank, exact for graphs of up to :data:`EXACT_PAGERANK_NODES` territories;
- :mod:`.intermediary`: intermediary cities (our rule), from sizes, betweenness and the Nystuen-Dacey
  hierarchy (:mod:`..dominant`).
"""

from .centrality import Centralities, flow_centralities
from .intermediary import intermediary_cities
from .pagerank import EXACT_PAGERANK_NODES
from .sizes import RankSize, city_size_statistics, rank_size

__all__ = ["Centralities", "EXACT_PAGERANK_NODES", "RankSize", "city_size_statistics", "flow_centralities",
           "intermediary_cities", "rank_size"]
