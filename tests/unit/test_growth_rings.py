"""Rings and the prospective buffer against shapely computed another way (a buffer of the dissolved
cores, the area of a buffered square), and real polygons in degrees refused."""

import math
import sqlite3

import numpy as np
import pytest
import shapely

from alliance_territories.alliance_plugin.core.errors import InvalidValueError
from alliance_territories.alliance_plugin.core.geometry import GeographicCoordinatesError
from alliance_territories.alliance_plugin.core.growth import rings as growth

# Lambert-93 around Paris: metric coordinates far from the CRS origin (see refuse_degrees).
X0, Y0 = 651_000.0, 6_862_000.0


def box(x0, y0, x1, y1):
    return shapely.box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def quarter(radius=1.0, quad_segs=8):
    """Area of GEOS's quarter circle: ``quad_segs`` triangles with an apex angle of pi / (2 quad_segs)."""
    return quad_segs * 0.5 * radius ** 2 * math.sin(math.pi / (2 * quad_segs))


def random_buildings(n, rng, spread=600.0):
    x, y = rng.uniform(0, spread, n), rng.uniform(0, spread, n)
    w, h = rng.uniform(4, 15, n), rng.uniform(4, 15, n)
    return box(x, y, x + w, y + h)


# --- rings and the prospective buffer ---------------------------------------------------------------

CORES = [box(0, 0, 800, 600), box(1500, 200, 1900, 700),  # two blocks 700 m apart
         shapely.difference(box(6000, 0, 7000, 1000), box(6400, 400, 6600, 600)),  # a ring with a hole
         shapely.union(box(0, 3000, 300, 3100), box(0, 3000, 100, 3600))]  # an L


def test_rings_agree_with_a_buffer_of_the_dissolved_cores():
    distances = [500, 1000, 2000, 5000]
    out = growth.growth_rings(CORES, distances)
    assert out["label"].tolist() == ["urban core", "inner peri-urban", "outer peri-urban", "outer peri-urban",
                                     "rural"]
    assert out["inner"].tolist() == [0, 0, 500, 1000, 2000] and out["outer"].tolist() == [0, 500, 1000, 2000, 5000]
    # Independently: the buffer of the dissolved MultiPolygon (another GEOS path), then differences.
    dissolved = shapely.union_all(CORES)
    outer = [dissolved] + [shapely.buffer(dissolved, d) for d in distances]
    expected = [dissolved.area] + [outer[k + 1].area - outer[k].area for k in range(len(distances))]
    assert out["area"].to_numpy() == pytest.approx(expected, rel=1e-3)
    assert out["geometry"].map(lambda g: g.area).to_numpy() == pytest.approx(out["area"].to_numpy())
    # Non-overlapping: the bands add up to the largest buffer.
    assert shapely.union_all(out["geometry"].to_numpy()).area == pytest.approx(sum(out["area"]), rel=1e-9)
    assert sum(out["area"]) == pytest.approx(outer[-1].area, rel=1e-3)
    assert shapely.intersection(out.loc[1, "geometry"], out.loc[2, "geometry"]).area < 1e-6


def test_rings_around_many_scattered_buildings():
    """Hundreds of small overlapping cores: the union by overlapping groups equals GEOS's global one."""
    rng = np.random.default_rng(11)
    cores = random_buildings(400, rng, spread=3000.0)
    out = growth.growth_rings(cores, [20, 200])
    dissolved = shapely.union_all(cores)
    assert out.loc[0, "area"] == pytest.approx(dissolved.area, rel=1e-9)
    for band, d_in, d_out in ((1, 0, 20), (2, 20, 200)):
        inner = dissolved if d_in == 0 else shapely.buffer(dissolved, d_in)
        expected = shapely.buffer(dissolved, d_out).area - inner.area
        assert out.loc[band, "area"] == pytest.approx(expected, rel=1e-3)
    assert all(g.is_valid for g in out["geometry"])


def test_ring_labels_and_distances_are_checked():
    assert growth.growth_rings(CORES[:1], [100])["label"].tolist() == ["urban core", "inner peri-urban"]
    assert growth.growth_rings(CORES[:1], [100, 200])["label"].tolist()[-1] == "outer peri-urban"
    custom = growth.growth_rings(CORES[:1], [100, 200], labels=["core", "near", "far"])
    assert custom["label"].tolist() == ["core", "near", "far"]
    for bad in ([], [500, 500], [1000, 500], [-5]):
        with pytest.raises(InvalidValueError):
            growth.growth_rings(CORES, bad)
    with pytest.raises(InvalidValueError, match="labels"):
        growth.growth_rings(CORES, [100], labels=["one"])


def test_rings_refuse_the_canadian_provinces_in_degrees(data_dir):
    """Real polygons in EPSG:4326: distances in metres would be degrees."""
    from shapely import wkb

    with sqlite3.connect(f"file:{data_dir / 'canada' / 'ca_provinces.gpkg'}?mode=ro", uri=True) as connection:
        blobs = [row[0] for row in connection.execute("SELECT geom FROM provinces")]
    geoms = [wkb.loads(_gpkg_to_wkb(blob)) for blob in blobs]
    with pytest.raises(GeographicCoordinatesError, match="look like degrees"):
        growth.growth_rings(geoms, [500, 1000])


def _gpkg_to_wkb(blob):
    """Strip the GeoPackage header (8 bytes and an envelope whose size the flags give)."""
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 0x07]
    return bytes(blob[8 + envelope:])


def square_growth(distance):
    """Area added by a round buffer of ``distance`` around a convex square of side 1000 m."""
    return 4 * 1000 * distance + 4 * quarter(distance)


def test_prospective_buffer_holds_the_projected_demand():
    urban = [box(0, 0, 1000, 1000)]
    out = growth.prospective_buffer(urban, 10000, 0.02, 10, tolerance=1e-7).iloc[0]
    projected = 10000 * 1.02 ** 10
    demand = (projected - 10000) / (10000 / 1e6)  # observed density 10,000 inhabitants per km2
    assert out["projected_pop"] == pytest.approx(projected) and out["land_demand"] == pytest.approx(demand)
    assert out["density"] == pytest.approx(10000.0)
    # Solve 4000 d + 4 q d^2 = demand (q the quarter circle of radius 1) independently.
    a, b = 4 * quarter(1.0), 4000.0
    expected = (-b + math.sqrt(b * b + 4 * a * demand)) / (2 * a)
    assert out["distance"] == pytest.approx(expected, rel=1e-6)
    assert out["band_area"] == pytest.approx(demand, rel=1e-6)
    assert square_growth(out["distance"]) == pytest.approx(demand, rel=1e-6)
    band = shapely.difference(shapely.buffer(urban[0], out["distance"]), urban[0])
    assert out["geometry"].area == pytest.approx(band.area, rel=1e-9)


def test_prospective_buffer_with_a_density_or_a_target_area():
    urban = [box(0, 0, 1000, 1000)]
    dense = growth.prospective_buffer(urban, 10000, 0.02, 10, density=5000).iloc[0]
    assert dense["land_demand"] == pytest.approx((10000 * 1.02 ** 10 - 10000) / 5000 * 1e6)
    target = growth.prospective_buffer(urban, None, None, None, target_area=250_000).iloc[0]
    assert target["band_area"] == pytest.approx(250_000, rel=1e-4)
    # A non-convex urban area: the band still holds the demand.
    l_shape = [shapely.union(box(0, 0, 1000, 200), box(0, 0, 200, 1000))]
    bent = growth.prospective_buffer(l_shape, None, None, None, target_area=300_000, tolerance=1e-6).iloc[0]
    assert bent["band_area"] == pytest.approx(300_000, rel=1e-6)


def test_prospective_buffer_without_growth_has_no_band():
    out = growth.prospective_buffer([box(0, 0, 1000, 1000)], 10000, -0.01, 10).iloc[0]
    assert out["distance"] == 0.0 and out["geometry"].is_empty and "No land demand" in out["note"]
    with pytest.raises(InvalidValueError):
        growth.prospective_buffer([box(0, 0, 1000, 1000)], 0, 0.01, 10)
