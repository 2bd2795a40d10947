"""alliance:degurba on a national-size grid (1,000 x 1,000 cells of 1 km): progress moves, a cancel is heard.

Issue 13: the long phases of the degree of urbanisation (grid classification, clusters, gap filling, the
units of the cells) take a progress and a cancel callback. A run canceled at its first progress report
must return within seconds (5 s here: a generous bound, not a speed test).
"""

import pytest

SIDE = 1000


def population_raster(path, side=SIDE, seed=0):
    """A GeoTIFF of ``side`` x ``side`` cells of 1 km in EPSG:3035: rural people everywhere, 400 towns."""
    import numpy as np
    from osgeo import gdal, osr

    rng = np.random.default_rng(seed)
    pop = rng.uniform(1.0, 100.0, (side, side)).astype(np.float32)  # every cell populated: every cell written
    y, x = np.mgrid[0:side, 0:side]
    for cx, cy, spread, peak in zip(*(rng.uniform(0, side, 400), rng.uniform(0, side, 400),
                                      rng.uniform(2.0, 6.0, 400), rng.uniform(1000.0, 8000.0, 400))):
        r0, r1 = int(max(cy - 4 * spread, 0)), int(min(cy + 4 * spread + 1, side))
        c0, c1 = int(max(cx - 4 * spread, 0)), int(min(cx + 4 * spread + 1, side))
        window = (x[r0:r1, c0:c1] - cx) ** 2 + (y[r0:r1, c0:c1] - cy) ** 2
        pop[r0:r1, c0:c1] += (peak * np.exp(-window / (2 * spread * spread))).astype(np.float32)
    raster = gdal.GetDriverByName("GTiff").Create(str(path), side, side, 1, gdal.GDT_Float32)
    raster.SetGeoTransform((4_000_000.0, 1000.0, 0.0, 3_000_000.0, 0.0, -1000.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3035)
    raster.SetProjection(srs.ExportToWkt())
    raster.GetRasterBand(1).WriteRaster(0, 0, side, side, pop.tobytes(), buf_type=gdal.GDT_Float32)
    raster.FlushCache()
    del raster
    return path


@pytest.mark.parametrize("cancel_above", [0.0, 26.0, 50.0], ids=["first report", "classification", "writing"])
def test_a_cancel_returns_within_seconds(plugin, h, tmp_path, cancel_above):
    raster = population_raster(tmp_path / "population.tif")
    seen, delay = h.run_canceled("alliance:degurba", {"INPUT_RASTER": str(raster),
                                                      "OUTPUT": str(tmp_path / "cells.gpkg")}, cancel_above)
    assert delay is not None, "the run never reported progress above {cancel_above} %"
    assert any(value > 0 for value in seen)  # progress moved
    assert delay < 5.0, f"returned {delay:.2f} s after the cancel"
    print(f"canceled above {cancel_above} %: returned {delay * 1000:.0f} ms after the cancel; progress {seen}")
