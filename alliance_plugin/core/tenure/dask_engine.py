"""The optional dask engine: :func:`overlay_areas` on dask-geopandas partitions, for a national cadastre.

Used by ``scripts/tenure_batch.py`` (a ``dask.distributed`` cluster, outside
QGIS). Every partition receives all the zones, so each parcel is measured
exactly as by :func:`~.overlay.overlay_areas` on one machine: the numbers are
identical, only the row order differs. ``dask[dataframe]``, ``distributed``
and ``dask-geopandas`` are imported here only, when called.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import FieldNotFoundError, first_labels
from .overlay import STATUS_LABELS, overlay_areas, repair_polygons, zone_codes


def _areas_partition(frame, payload, parcel_id):
    """overlay_areas on one partition of parcels; the zones come whole to every partition."""
    import shapely

    wkb, classes = payload
    out = overlay_areas(frame.geometry.to_numpy(), shapely.from_wkb(wkb),
                        parcel_ids=frame[parcel_id].to_numpy(), zone_classes=classes)
    return out.areas


def _parcels_partition(frame, parcel_id):
    import shapely

    geoms, status = repair_polygons(frame.geometry.to_numpy())
    labels = np.array(STATUS_LABELS, dtype=object)
    return pd.DataFrame({"parcel_id": frame[parcel_id].to_numpy(),
                         "area": np.nan_to_num(shapely.area(geoms), nan=0.0), "geometry": labels[status]})


def overlay_areas_dask(parcels, zones, *, parcel_id, zone_classes, npartitions=None, spatial_sort=True):
    """:func:`overlay_areas` on dask-geopandas partitions of the parcels, lazily.

    Every partition receives all the zones (one task input shared by all),
    so each parcel is measured exactly as on one machine: the numbers are
    identical, only the row order differs. Run it on a ``dask.distributed``
    cluster by creating a ``Client`` (``Client("tcp://scheduler:8786")``)
    before computing. Needs ``dask[dataframe]``, ``distributed`` and
    ``dask-geopandas``, imported here only.

    Parameters
    ----------
    parcels : geopandas.GeoDataFrame or dask_geopandas.GeoDataFrame
        The parcels with their id column, in the zones' projected CRS.
    zones : array of shapely geometries
    parcel_id : str
        Name of the unique id column.
    zone_classes : sequence
        Class of each zone.
    npartitions : int, optional
        For a GeoDataFrame: partitions to cut it into (default: about
        200,000 parcels each).
    spatial_sort : bool
        Reorder parcels along a Hilbert curve first, so that each partition
        is compact and its tree query touches few zones.

    Returns
    -------
    (dask.dataframe.DataFrame, dask.dataframe.DataFrame)
        ``areas`` and ``parcels`` as in :func:`overlay_areas`, not computed.
    """
    import dask
    import dask_geopandas
    import geopandas
    import shapely

    if isinstance(parcels, geopandas.GeoDataFrame):
        if parcel_id not in parcels.columns:
            raise FieldNotFoundError("Expected the parcel id column {parcel_id!r}; the parcels have {columns}.",
                                     parcel_id=parcel_id, columns=first_labels(parcels.columns, 10))
        parcels = dask_geopandas.from_geopandas(
            parcels[[parcel_id, parcels.geometry.name]],
            npartitions=npartitions or max(1, -(-len(parcels) // 200_000)))
    if spatial_sort and parcels.npartitions > 1:
        parcels = parcels.spatial_shuffle(by="hilbert")
    zones = np.asarray(zones, dtype=object)
    zone_codes(zones, zone_classes)
    payload = dask.delayed((shapely.to_wkb(zones), pd.Series(zone_classes, dtype=object).to_numpy()),
                           pure=True)
    id_dtype = parcels[parcel_id].dtype
    areas_meta = pd.DataFrame({"parcel_id": pd.Series(dtype=id_dtype), "class": pd.Series(dtype=object),
                               "area": pd.Series(dtype=float), "share": pd.Series(dtype=float)})
    parcels_meta = pd.DataFrame({"parcel_id": pd.Series(dtype=id_dtype), "area": pd.Series(dtype=float),
                                 "geometry": pd.Series(dtype=object)})
    areas = parcels.map_partitions(_areas_partition, payload, parcel_id, meta=areas_meta,
                                   align_dataframes=False)
    table = parcels.map_partitions(_parcels_partition, parcel_id, meta=parcels_meta, align_dataframes=False)
    return areas, table
