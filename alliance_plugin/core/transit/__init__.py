"""Access to public transport, SDG 11.2.1 (methods.md, section 7).

Pipeline: :mod:`..gtfs` reads a timetable and keeps the stops served often
enough (:func:`read_gtfs`, :func:`stop_departures`, :func:`qualifying_stops`,
re-exported here), or :func:`capacity_classes` and :func:`layer_stops` read a
stops layer's mode and frequency fields (``stops``);
:func:`population_access` (:func:`transit_access` along the streets, or the
straight-line proxy :func:`euclidean_access`) flags the population points
within reach and draws the service areas (``access``); and
:func:`access_shares` / :func:`access_table` turn the flags into shares of
population, overall, per group and per territory (``shares``).

Modelling assumptions, stated once:

- Coordinates are in a projected CRS in metres (the glue reprojects). Network
  distances are walked along straight segments (:mod:`..network`); a point or
  stop is snapped to the nearest point of the nearest street within the snap
  tolerance and the snap distance is added to its path. Points farther than the
  tolerance are kept and reported (``snapped`` False, no access); points in a
  part of the network holding no qualifying stop within reach get no access.
- Low- and high-capacity stops are searched separately, each within its own
  access distance; a point has access when either search reaches it.
"""

from ..gtfs import HIGH_CAPACITY_TYPES, WEEKDAYS, GtfsError, parse_time, qualifying_stops, read_gtfs, stop_departures
from .access import (EUCLIDEAN, NETWORK, Access, euclidean_access, euclidean_areas, network_access, point_fields,
                     population_access, service_areas, street_graph, transit_access)
from .shares import access_shares, access_table, overall_share, percent_shares, territory_shares
from .stops import HIGH_WORDS, LOW_WORDS, capacity_classes, gtfs_stops, layer_stops, placed_qualifying

__all__ = ["EUCLIDEAN", "HIGH_CAPACITY_TYPES", "HIGH_WORDS", "LOW_WORDS", "NETWORK", "WEEKDAYS", "Access",
           "GtfsError", "access_shares", "access_table", "capacity_classes", "euclidean_access", "euclidean_areas",
           "gtfs_stops", "layer_stops", "network_access", "overall_share", "parse_time", "percent_shares",
           "placed_qualifying", "point_fields", "population_access", "qualifying_stops", "read_gtfs",
           "service_areas", "stop_departures", "street_graph", "territory_shares", "transit_access"]
