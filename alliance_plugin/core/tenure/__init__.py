"""Land tenure against constraints: exact parcel x zone overlays (methods.md, section 6).

Four steps, each a function: :func:`~.classes.tenure_classes` maps the raw
tenure values of a parcel layer to five classes; :func:`~.overlay.overlay_areas`
measures, for every parcel, the area covered by each constraint class (growth
buffers, hazard zones, protected areas, agricultural land, zoning);
:func:`~.summary.tenure_summary` crosses tenure with constraints per territory
and gives the SDG 1.4.2 spatial proxies; :func:`~.summary.tenure_flags` flags
parcels at risk. :func:`~.summary.coverage` gives the per-parcel, per-class
table, and :func:`~.dask_engine.overlay_areas_dask` runs the overlay on
dask-geopandas partitions with the same numbers (scripts/tenure_batch.py).

Modules: ``classes`` (tenure classes), ``overlay`` (the overlay engine with
the containment shortcut), ``zones`` (the zones prepared for it, and the
exact cut areas), ``clip`` (numpy clipping of convex parcels),
``partitions`` (a national cadastre's sources cut for the cluster),
``summary`` (per parcel and per territory),
``dask_engine`` (the optional dask engine; dask is imported only when it runs).
"""

from .classes import CLASSES, DEFAULT_MAPPING, INSECURE, normalize_tenure, tenure_classes
from .overlay import STATUS_LABELS, Overlay, overlay_areas, repair_polygons, zone_codes
from .summary import ALL_AREA, ALL_PARCELS, PROXY_LABELS, Summary, coverage, tenure_flags, tenure_summary
from .dask_engine import overlay_areas_dask  # dask itself is imported only when it is called


__all__ = ["ALL_AREA", "ALL_PARCELS", "CLASSES", "DEFAULT_MAPPING", "INSECURE", "PROXY_LABELS", "STATUS_LABELS",
           "Overlay", "Summary", "coverage", "normalize_tenure", "overlay_areas", "overlay_areas_dask",
           "repair_polygons", "tenure_classes", "tenure_flags", "tenure_summary", "zone_codes"]
