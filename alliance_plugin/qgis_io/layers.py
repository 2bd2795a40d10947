"""Read QGIS feature sources into frames, write frames into feature sinks: the names the algorithms import.

The reading lives in :mod:`.reading` (:func:`~.reading.read_layer`), the
writing in :mod:`.writing`, the choice of pyogrio for plain files in
:mod:`.fast_path`; this module keeps the CRS rule for areas and distances
(:func:`metric_crs`) and re-exports the older names for callers being migrated.
"""

from __future__ import annotations

import math

from .reading import features, read_attributes, read_geometries, read_layer, report_invalid
from .writing import as_multi, fields_for, kind_of, kinds_by_name, make_field, typed_values, write_features
from . import compat
from ..toolbelt.i18n import tr

__all__ = ["as_multi", "features", "fields_for", "finite_or_none", "kind_of", "kinds_by_name", "make_field",
           "metric_crs", "read_attributes", "read_geometries", "read_layer", "report_invalid", "typed_values",
           "write_features"]


def finite_or_none(value):
    """A float for a numeric output, None when it is not finite."""
    return float(value) if value is not None and math.isfinite(value) else None


def metric_crs(crs, extent=None, feedback=None):
    """A CRS in metres for areas, buffers and distances.

    A projected CRS in metres is kept. A geographic CRS, one in feet, or Web
    Mercator (whose "metres" inflate areas by 1/cos2(latitude)) is replaced by
    a Lambert azimuthal equal-area projection centred on the data (exact areas,
    distances within a fraction of a percent over a region), and the log says so.
    """
    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCoordinateTransformContext)

    web_mercator = crs.authid() in ("EPSG:3857", "EPSG:900913", "EPSG:3785", "ESRI:102100")
    if crs.isValid() and not crs.isGeographic() and crs.mapUnits() == compat.DistanceUnit.Meters \
            and not web_mercator:
        return crs
    lon, lat = 0.0, 0.0
    if extent is not None and not extent.isEmpty():
        centre = extent.center()
        if crs.isValid() and not crs.isGeographic():
            wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
            # Only the centre of the data is needed: the default transform, no project (worker thread).
            centre = QgsCoordinateTransform(crs, wgs84, QgsCoordinateTransformContext()).transform(centre)
        lon, lat = centre.x(), centre.y()
    target = QgsCoordinateReferenceSystem.fromProj(
        f"+proj=laea +lat_0={lat:.4f} +lon_0={lon:.4f} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs")
    if feedback is not None:
        feedback.pushInfo(tr("{crs} is not in metres: areas, buffers and distances are computed in a Lambert "
                             "azimuthal equal-area projection centred on {lon:.4f}, {lat:.4f}.").format(
                                 crs=crs.authid() or crs.description() or "The layer's CRS", lon=lon, lat=lat))
    return target
