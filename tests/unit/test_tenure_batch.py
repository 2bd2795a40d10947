"""The land-tenure batch job outside QGIS, on a local dask cluster of two worker processes."""

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("dask_geopandas")


def test_batch_on_two_workers_matches_the_single_machine_overlay(repo, data_dir, tmp_path):
    import geopandas as gpd
    import pyogrio
    import shapely

    from alliance_territories.alliance_plugin.core import tenure

    parcels = pyogrio.read_dataframe(data_dir / "prague" / "bubenec.gpkg", layer="plots").to_crs("EPSG:5514")
    parcels_path = tmp_path / "parcels.gpkg"
    pyogrio.write_dataframe(parcels[["ID", "geometry"]], parcels_path, layer="parcels")
    x0, y0, x1, y1 = parcels.total_bounds
    w, h = x1 - x0, y1 - y0
    zones = gpd.GeoDataFrame({"zone": ["growth", "flood", "growth"]}, geometry=[
        shapely.box(x0 + 0.1 * w, y0 + 0.1 * h, x0 + 0.5 * w, y0 + 0.6 * h),
        shapely.Point(x0 + 0.6 * w, y0 + 0.5 * h).buffer(0.25 * w),
        shapely.box(x0 + 0.4 * w, y0 + 0.5 * h, x0 + 0.9 * w, y0 + 0.9 * h)], crs="EPSG:5514").to_crs("EPSG:4326")
    zones_path = tmp_path / "zones.gpkg"
    pyogrio.write_dataframe(zones, zones_path, layer="zones")
    out = tmp_path / "areas.csv"
    done = subprocess.run([sys.executable, str(repo / "scripts" / "tenure_batch.py"), "--parcels", str(parcels_path),
                           "--parcel-id", "ID", "--zones", str(zones_path), "--class-field", "zone",
                           "--local-workers", "2", "--partitions", "3", "--output", str(out)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    batch = pd.read_csv(out, dtype={"parcel_id": str}).set_index(["parcel_id", "class"])["area"].sort_index()
    local = tenure.overlay_areas(parcels.geometry.to_numpy(), zones.to_crs("EPSG:5514").geometry.to_numpy(),
                                 parcel_ids=parcels["ID"].to_numpy(), zone_classes=zones["zone"].to_numpy())
    single = local.areas.set_index(["parcel_id", "class"])["area"].sort_index()
    assert len(batch) == len(single) > 0 and batch.index.equals(single.index)
    np.testing.assert_allclose(batch.to_numpy(), single.to_numpy(), rtol=1e-9)
    assert "(parcel, class) areas" in done.stdout


def test_batch_refuses_geographic_parcels(repo, data_dir, tmp_path):
    import pyogrio

    parcels = pyogrio.read_dataframe(data_dir / "prague" / "bubenec.gpkg", layer="plots").to_crs("EPSG:4326")
    pyogrio.write_dataframe(parcels, tmp_path / "p.gpkg")
    done = subprocess.run([sys.executable, str(repo / "scripts" / "tenure_batch.py"), "--parcels",
                           str(tmp_path / "p.gpkg"), "--zones", str(tmp_path / "p.gpkg"), "--output",
                           str(tmp_path / "o.csv")], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode != 0 and "projected CRS in metres" in done.stderr
