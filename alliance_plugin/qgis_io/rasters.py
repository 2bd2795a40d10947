"""Read a raster band into a numpy array (QGIS's provider: no osgeo.gdal_array, which breaks under numpy 2)."""

from qgis.core import QgsProcessingException

from ..toolbelt.i18n import tr

_DTYPES = {1: "uint8", 2: "uint16", 3: "int16", 4: "uint32", 5: "int32", 6: "float32", 7: "float64"}


def read_band(raster, band=1):
    """``(values, (left, top), cell)``: the band as floats (no data as NaN), row 0 north, square cells in CRS units."""
    import numpy as np

    x_size, y_size = raster.rasterUnitsPerPixelX(), raster.rasterUnitsPerPixelY()
    if abs(x_size - y_size) > 1e-6 * x_size:
        raise QgsProcessingException(tr("The raster's cells are not squares ({x:g} x {y:g}).").format(
            x=x_size, y=y_size))
    provider = raster.dataProvider()
    width, height = raster.width(), raster.height()
    block = provider.block(band, raster.extent(), width, height)
    dtype = _DTYPES.get(int(block.dataType()))
    if dtype is None or not block.isValid():
        raise QgsProcessingException(tr("Band {band} of the raster cannot be read as numbers.").format(band=band))
    values = np.frombuffer(bytes(block.data()), dtype=dtype).reshape(height, width).astype(float)
    if provider.sourceHasNoDataValue(band) and provider.useSourceNoDataValue(band):
        values[values == provider.sourceNoDataValue(band)] = np.nan
    extent = raster.extent()
    return values, (extent.xMinimum(), extent.yMaximum()), float(x_size)
