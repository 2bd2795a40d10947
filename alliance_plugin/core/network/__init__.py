"""Walking distances along a street network, built once per run and queried many times (methods.md, section 7).

The network is made of straight segments; ends closer than about the node
tolerance are one node. Points (population, stops, facilities) are snapped to
the nearest point of the nearest segment, not to the nearest vertex, the way
QGIS's network analysis does; the straight snap distance is added to every
path. Sources (stops, facilities) are inserted as nodes by splitting the
segment they snap to. Distances are shortest paths in metres (Dijkstra 1959,
``scipy.sparse.csgraph.dijkstra`` with a cut-off); service areas are the pieces
of segments actually reached, cut at the exact reach.

Modules: ``graph`` (segments, nodes, snapping: :func:`build_network`,
:func:`snap`, and :func:`as_xy`, the check of every point array), ``routing``
(sources inserted, distances, service areas, pairs within reach). The long
phases take the ``progress`` and ``is_canceled`` callbacks of :mod:`..progress`
and return None when canceled.
"""

from .graph import Snapped, StreetNetwork, as_xy, build_network, line_segments, snap, symmetric_graph
from .routing import (Routing, nearest_sources, pair_distances, pieces_by_source, point_distances,
                      reachable_pieces, route)

__all__ = ["Routing", "Snapped", "StreetNetwork", "as_xy", "build_network", "line_segments", "nearest_sources",
           "pair_distances", "pieces_by_source", "point_distances", "reachable_pieces", "route", "snap",
           "symmetric_graph"]
