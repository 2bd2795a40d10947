"""Scale-out where the data lives: scripts/tenure_batch.py and scripts/growth_batch.py on a local dask cluster.

One local cluster of two worker processes serves the module (its workers are
killed in the last test). Every job runs as its own client process, as a user
runs it, and is compared with the single-machine core: every (parcel, class)
area, the summary per territory, every growth patch and its LEI.
"""

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("dask_geopandas", reason="the batch jobs need dask-geopandas (absent in the Debian chroots)")
distributed = pytest.importorskip("distributed", reason="the batch jobs need dask.distributed")
pytest.importorskip("pyarrow", reason="the batch jobs write Parquet")

X0, Y0 = 650_000.0, 6_860_000.0  # Lambert-93, around Paris


def make_parcels(n, extent=2000.0, seed=0):
    """``n`` quadrilaterals tiling a square (a grid whose shared corners are jittered), and their column."""
    import shapely

    rng = np.random.default_rng(seed)
    cols = int(np.ceil(np.sqrt(n)))
    rows = int(np.ceil(n / cols))
    step = extent / cols
    gx, gy = np.meshgrid(np.arange(cols + 1) * step, np.arange(rows + 1) * step)
    gx = gx + rng.uniform(-0.2, 0.2, gx.shape) * step + X0
    gy = gy + rng.uniform(-0.2, 0.2, gy.shape) * step + Y0
    r, c = np.divmod(np.arange(n), cols)
    ring = [(r, c), (r, c + 1), (r + 1, c + 1), (r + 1, c), (r, c)]
    coords = np.stack([np.stack([gx[a, b], gy[a, b]], axis=-1) for a, b in ring], axis=1)
    return shapely.polygons(coords), c / cols


def make_zones(m=60, extent=2000.0, seed=1):
    """Voronoi cells widened by 15 m (neighbours of one class overlap), three classes, in Lambert-93."""
    import geopandas as gpd
    import shapely

    rng = np.random.default_rng(seed)
    points = shapely.multipoints(rng.uniform(0, extent, (m, 2)) + [X0, Y0])
    cells = shapely.get_parts(shapely.voronoi_polygons(points))
    cells = shapely.buffer(shapely.intersection(cells, shapely.box(X0, Y0, X0 + extent, Y0 + extent)), 15.0)
    return gpd.GeoDataFrame({"zone": rng.choice(["flood", "growth", "farm"], len(cells))}, geometry=cells,
                            crs="EPSG:2154")


def parcel_frame(n, seed=0):
    import geopandas as gpd

    geoms, col = make_parcels(n, seed=seed)
    tenure = np.array(["titre", "informel", "coutumier", None], dtype=object)[np.arange(n) % 4]
    return gpd.GeoDataFrame({"id": [f"75056000AB{i:06d}" for i in range(n)],
                             "commune": np.where(col < 0.5, "75101", "75102").astype(object), "tenure": tenure},
                            geometry=geoms, crs="EPSG:2154")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  memory_limit="3GB") as local, distributed.Client(local) as client:
        yield local, client


#: The peak RSS of the process (kB): VmHWM, since getrusage's maxrss keeps that of the forking parent (pytest).
PEAK = "next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM'))"


def run_job(repo, script, args, cwd, timeout=240):
    """The job in its own client process; the peak memory of that process alone (the workers are others)."""
    code = ("import runpy, sys; sys.argv = sys.argv[1:]; sys.path.insert(0, %r)\n"
            "try:\n    runpy.run_path(sys.argv[0], run_name='__main__')\nfinally:\n"
            "    print('CLIENT_PEAK_KB', %s)\n" % (str(repo / "scripts"), PEAK))
    done = subprocess.run([sys.executable, "-c", code, str(repo / "scripts" / script), *map(str, args)],
                          capture_output=True, text=True, timeout=timeout, cwd=cwd)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    peak = int(done.stdout.split("CLIENT_PEAK_KB")[-1].split()[0]) / 1024.0
    return done, peak


def single_machine(parcels, zones, *, territory=True, tenure=True):
    """overlay_areas and tenure_summary on the whole set, as alliance:landtenureoverlay does on one machine."""
    from alliance_territories.alliance_plugin.core import tenure as core

    out = core.overlay_areas(parcels.geometry.to_numpy(), zones.geometry.to_numpy(),
                             parcel_ids=parcels["id"].to_numpy(), zone_classes=zones["zone"].to_numpy())
    table = pd.DataFrame({"tenure": core.tenure_classes(parcels["tenure"].to_numpy())[0].to_numpy() if tenure
                          else "unknown"}, index=pd.Index(parcels["id"].to_numpy()))
    if territory:
        table["territory"] = parcels["commune"].to_numpy()
    crosstab = core.tenure_summary(table, out, territory="territory" if territory else None).crosstab
    return out.areas, crosstab if tenure else crosstab.drop(columns="tenure")


def assert_same_areas(folder, expected, fmt="parquet"):
    import pyogrio

    files = sorted(folder.glob(f"part-*.{fmt}"))
    assert files and not list(folder.glob(".*.tmp"))
    read = pd.read_parquet if fmt == "parquet" else (lambda f: pyogrio.read_dataframe(f, read_geometry=False))
    got = pd.concat([read(f) for f in files], ignore_index=True)
    got = got.sort_values(["parcel_id", "class"]).reset_index(drop=True)
    expected = expected.sort_values(["parcel_id", "class"]).reset_index(drop=True)
    assert len(got) == len(expected) > 1000 and not got.duplicated(["parcel_id", "class"]).any()
    assert got["parcel_id"].astype(str).tolist() == expected["parcel_id"].astype(str).tolist()
    assert got["class"].tolist() == expected["class"].tolist()
    np.testing.assert_allclose(got["area"].to_numpy(), expected["area"].to_numpy(), rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(got["share"].to_numpy(), expected["share"].to_numpy(), rtol=1e-9, atol=1e-12)


def assert_same_summary(path, expected):
    got = pd.read_csv(path, dtype={"territory": str})
    keys = [c for c in ("territory", "tenure", "constraint") if c in expected.columns]
    assert keys == [c for c in ("territory", "tenure", "constraint") if c in got.columns]
    got = got.sort_values(keys).reset_index(drop=True)
    expected = expected.sort_values(keys).reset_index(drop=True)
    assert got[keys].astype(str).values.tolist() == expected[keys].astype(str).values.tolist()
    assert got["parcels"].tolist() == expected["parcels"].tolist()
    np.testing.assert_allclose(got["area"].to_numpy(), expected["area"].to_numpy(), rtol=1e-9)


def test_pci_departement_files_give_the_single_machine_overlay_and_summary(repo, cluster, tmp_path):
    """Etalab's PCI as it comes (one cadastre-XX-parcelles.json.gz per département, in degrees): each worker
    reads its département, reprojects it, writes its part; the summary is summed on the cluster."""
    import pyogrio

    local, client = cluster
    parcels = parcel_frame(12_000).to_crs("EPSG:4326")
    pci = tmp_path / "pci"
    pci.mkdir()
    for k, rows in enumerate(np.array_split(np.arange(len(parcels)), 3)):
        plain = pci / f"cadastre-7{k}-parcelles.json"
        pyogrio.write_dataframe(parcels.iloc[rows], plain, driver="GeoJSON")
        with open(plain, "rb") as src, gzip.open(f"{plain}.gz", "wb") as dst:
            shutil.copyfileobj(src, dst)
        plain.unlink()
    zones = make_zones()
    zones.to_crs("EPSG:3857").to_file(tmp_path / "zones.gpkg", layer="zones")  # another CRS: reprojected
    done, _ = run_job(repo, "tenure_batch.py", [
        "--parcels", str(pci / "cadastre-*-parcelles.json.gz"), "--parcel-id", "id", "--territory-field", "commune",
        "--tenure-field", "tenure", "--crs", "EPSG:2154", "--zones", tmp_path / "zones.gpkg", "--class-field", "zone",
        "--scheduler", client.scheduler.address, "--output", tmp_path / "out"], tmp_path)
    report = json.loads((tmp_path / "out" / "run.json").read_text())
    assert report["partitions"] == 3 and report["zones_mode"] == "broadcast" and report["parcels"] == 12_000
    assert len({s["worker_pid"] for s in report["partitions_detail"]}) >= 1
    # The reference reads the same files on one machine, with the same reprojections.
    whole = pd.concat([pyogrio.read_dataframe(f"/vsigzip/{f}") for f in sorted(pci.glob("*.gz"))],
                      ignore_index=True).to_crs("EPSG:2154")
    areas, crosstab = single_machine(whole, zones.to_crs("EPSG:3857").to_crs("EPSG:2154"))
    assert_same_areas(tmp_path / "out" / "areas", areas)
    assert_same_summary(tmp_path / "out" / "summary.csv", crosstab)
    assert set(crosstab["territory"]) == {"75101", "75102"}


def test_partitioned_geoparquet_with_zones_partitioned_spatially(repo, cluster, tmp_path):
    """GeoParquet files cut between row groups; large zones read by each partition on its own bounds
    (spatial mode), one GeoPackage per partition; same numbers as on one machine."""
    local, client = cluster
    parcels = parcel_frame(16_000, seed=3)
    parcels = parcels.iloc[np.lexsort((parcels.geometry.centroid.x.round(-2), parcels.geometry.centroid.y // 250))]
    folder = tmp_path / "parcels"
    folder.mkdir()
    for k, rows in enumerate(np.array_split(np.arange(len(parcels)), 2)):
        parcels.iloc[rows].to_parquet(folder / f"part.{k}.parquet", row_group_size=2000, write_covering_bbox=True)
    zones = make_zones(m=400, seed=5)
    zones.to_file(tmp_path / "zones.gpkg", layer="zones")
    run_job(repo, "tenure_batch.py", [
        "--parcels", folder, "--parcel-id", "id", "--zones", tmp_path / "zones.gpkg", "--class-field", "zone",
        "--zones-mode", "spatial", "--rows-per-partition", "4000", "--format", "gpkg",
        "--scheduler", client.scheduler.address, "--output", tmp_path / "out"], tmp_path)
    report = json.loads((tmp_path / "out" / "run.json").read_text())
    assert report["partitions"] == 4 and report["zones_mode"] == "spatial"
    # Each partition read only the zones meeting its parcels' bounds, fewer than all of them.
    assert all(0 < s["zones"] < len(zones) for s in report["partitions_detail"])
    areas, crosstab = single_machine(parcels, zones, territory=False, tenure=False)
    assert_same_areas(tmp_path / "out" / "areas", areas, fmt="gpkg")
    assert_same_summary(tmp_path / "out" / "summary.csv", crosstab)


def test_geopackage_cut_into_fid_ranges_with_gaps_and_a_filter(tmp_path):
    """A GeoPackage is cut into ranges of its fid (an indexed WHERE, not GDAL's skip, which goes through every
    skipped feature): fids with gaps (a whole empty range among them) or sparse (cut at the probe's fid
    quantiles), and a filter; each partition holds at most rows_per_partition parcels, each parcel is read once,
    and the partitions overlaid one by one equal the single-machine overlay of the filtered parcels."""
    import pyogrio

    from alliance_territories.alliance_plugin.core.tenure import dask_engine as engine

    parcels = parcel_frame(3000, seed=4)
    zones = make_zones(m=80, seed=6)
    zones.to_file(tmp_path / "zones.gpkg", layer="zones")
    zones_probe = engine.probe_source(str(tmp_path / "zones.gpkg"))
    broadcast = engine.read_zones(zones_probe, "EPSG:2154", "zone")
    dense = np.concatenate([np.arange(5, 1205), np.arange(2205, 4005)])  # fids 1205-2204 deleted
    sparse = np.sort(np.random.default_rng(0).choice(10**9, len(parcels), replace=False)) + 1
    where = "commune = '75101'"
    for name, fids in (("dense", dense), ("sparse", sparse)):
        path = tmp_path / f"{name}.gpkg"
        pyogrio.write_dataframe(parcels.assign(fid=fids), path, layer="parcels")
        assert pyogrio.read_dataframe(path, fid_as_index=True, read_geometry=False).index.tolist() == fids.tolist()
        probe = engine.probe_source(str(path), "parcels", rows_per_partition=500)
        assert (probe["fid_column"], probe["fid_min"], probe["fid_max"]) == ("fid", fids[0], fids[-1])
        assert ("fid_cuts" in probe) == (name == "sparse")
        specs = engine.plan_partitions([probe], 500)
        assert all(s.get("skip") is None and s["fid_column"] == "fid" for s in specs)
        counts = [len(engine.read_source(s, columns=[])) for s in specs]
        assert sum(counts) == len(parcels) and max(counts) <= 500, counts
        if name == "dense":
            assert counts == [500, 500, 200, 0, 300, 500, 500, 500]  # fids 5-4004 by 500; 1505-2004 empty
        else:
            assert counts == [500] * 6
        out_dir = tmp_path / f"out_{name}"
        out_dir.mkdir()
        parts = [engine.tenure_partition(s, broadcast, crs="EPSG:2154", out_dir=str(out_dir), parcel_id="id",
                                         territory="commune", tenure="tenure", where=where) for s in specs]
        total = engine.combine_partials(*parts)
        kept = parcels[parcels["commune"] == "75101"]
        assert sum(s["parcels"] for s in total["stats"]) == len(kept) < len(parcels)
        areas, crosstab = single_machine(kept, zones)
        assert_same_areas(out_dir, areas)
        total["summary"].to_csv(tmp_path / f"summary_{name}.csv", index=False)
        assert_same_summary(tmp_path / f"summary_{name}.csv", crosstab)


def test_client_memory_does_not_grow_with_the_parcels(repo, cluster, tmp_path):
    """The client's peak memory for 10 x more parcels stays where it was: the parcels never reach it.
    (100k against 1M parcels: bench/bench_scaleout.py.)"""
    import pyogrio

    local, client = cluster
    zones = make_zones()
    zones.to_file(tmp_path / "zones.gpkg", layer="zones")
    peaks, holding = {}, {}
    read = "import sys, pyogrio; f = pyogrio.read_dataframe(sys.argv[1]); print(%s)" % PEAK
    for n in (10_000, 100_000):
        pyogrio.write_dataframe(parcel_frame(n, seed=n), tmp_path / f"p{n}.gpkg", layer="parcels")
        done, peaks[n] = run_job(repo, "tenure_batch.py", [
            "--parcels", tmp_path / f"p{n}.gpkg", "--parcel-id", "id", "--zones", tmp_path / "zones.gpkg",
            "--class-field", "zone", "--rows-per-partition", "25000", "--scheduler", client.scheduler.address,
            "--output", tmp_path / f"out{n}"], tmp_path)
        assert json.loads((tmp_path / f"out{n}" / "run.json").read_text())["parcels"] == n
        # What a client that reads the parcels (as the job did before) peaks at, for comparison.
        holding[n] = int(subprocess.run([sys.executable, "-c", read, str(tmp_path / f"p{n}.gpkg")], check=True,
                                        capture_output=True, text=True).stdout) / 1024.0
    grows_when_held = holding[100_000] - holding[10_000]
    assert grows_when_held > 30, holding
    assert peaks[100_000] - peaks[10_000] < 0.2 * grows_when_held, (peaks, holding)


# --- growth patches by tile ------------------------------------------------------------------------------------

def make_buildings(seed=0, side=1200.0):
    """Old and new footprints over ``side`` metres: a lattice town, new buildings at its edges and in its gaps,
    a chain of touching new buildings across several tiles, outliers far from everything, an invalid one."""
    import shapely

    rng = np.random.default_rng(seed)
    x, y = np.meshgrid(np.arange(0, side, 20.0), np.arange(0, side, 20.0))
    x, y = x.ravel() + X0, y.ravel() + Y0
    keep = rng.uniform(0, 1, len(x)) < 0.55
    x, y = x[keep], y[keep]
    w, h = rng.uniform(8, 20, len(x)), rng.uniform(8, 18, len(x))  # width 20: touching neighbours
    boxes = shapely.box(x, y, x + w, y + h)
    old = rng.uniform(0, 1, len(x)) < 0.7
    chain = [shapely.box(X0 + 300 + 10 * k, Y0 + 1215, X0 + 311 + 10 * k, Y0 + 1222) for k in range(60)]  # 2 edges
    outliers = [shapely.box(X0 + side + 500, Y0 + 600, X0 + side + 512, Y0 + 610),
                shapely.box(X0 - 700, Y0 - 700, X0 - 690, Y0 - 690)]
    bowtie = shapely.from_wkt(f"POLYGON(({X0 + 401} {Y0 + 401}, {X0 + 411} {Y0 + 411}, {X0 + 411} {Y0 + 401}, "
                              f"{X0 + 401} {Y0 + 411}, {X0 + 401} {Y0 + 401}))")
    before = boxes[old]
    after = np.concatenate([boxes, chain, outliers, [bowtie]])
    return before, after


def test_growth_tiles_equal_the_single_machine_patches(repo, cluster, tmp_path):
    import geopandas as gpd
    import pyogrio
    import shapely

    from alliance_territories.alliance_plugin.core import growth

    local, client = cluster
    before, after = make_buildings()
    frame = gpd.GeoDataFrame({"year": [2010] * len(before) + [2022] * len(after)},
                             geometry=np.concatenate([before, after]), crs="EPSG:2154")
    pyogrio.write_dataframe(frame, tmp_path / "bati.gpkg", layer="bati")
    territories = gpd.GeoDataFrame({"code": ["A", "B"]}, geometry=[
        shapely.box(X0 - 1000, Y0 - 1000, X0 + 555, Y0 + 3000), shapely.box(X0 + 555, Y0 - 1000, X0 + 3000, Y0 + 3000)],
        crs="EPSG:2154")
    territories.to_file(tmp_path / "communes.gpkg")
    ring = 30.0
    done, _ = run_job(repo, "growth_batch.py", [
        "--before", tmp_path / "bati.gpkg", "--before-where", "year <= 2015", "--after", tmp_path / "bati.gpkg",
        "--after-where", "year > 2015", "--ring", ring, "--tile-size", 400, "--min-area", 1.0,
        "--territories", tmp_path / "communes.gpkg", "--territory-field", "code",
        "--scheduler", client.scheduler.address, "--output", tmp_path / "out"], tmp_path)
    report = json.loads((tmp_path / "out" / "run.json").read_text())
    assert report["tiles"] >= 16 and report["edge_regions"] > 0  # patches crossing tile edges went the edge way
    got = pd.concat([gpd.read_parquet(f) for f in sorted((tmp_path / "out" / "patches").glob("part-*.parquet"))],
                    ignore_index=True)
    one = growth.growth_patches(before, after, ring=ring, min_area=1.0)
    assert len(got) == len(one) > 100
    corner = shapely.bounds(got.geometry.to_numpy())
    got = got.iloc[np.lexsort((corner[:, 1], corner[:, 0], -got["area"].round(6)))].reset_index(drop=True)
    corner = shapely.bounds(one["geometry"].to_numpy())
    one = one.iloc[np.lexsort((corner[:, 1], corner[:, 0], -one["area"].round(6)))].reset_index(drop=True)
    for column in ("area", "ring_area", "old_area", "lei", "distance"):
        np.testing.assert_allclose(got[column].to_numpy(dtype=float), one[column].to_numpy(dtype=float),
                                   rtol=1e-9, atol=1e-6, err_msg=column)
    assert got["growth_class"].tolist() == one["growth_class"].tolist()
    assert got["n_pieces"].tolist() == one["n_pieces"].tolist()
    assert shapely.equals(got.geometry.to_numpy(), one["geometry"].to_numpy()).all()
    chain = one.iloc[one["n_pieces"].argmax()]
    assert chain["n_pieces"] == 60 and chain["geometry"].bounds[2] - chain["geometry"].bounds[0] > 2 * 400 / 1.5
    assert chain["growth_class"] == "edge_expansion" and one["distance"].isna().sum() == 0
    codes = growth.patch_territories(one["geometry"], ["A", "B"], territories.geometry.to_numpy())
    assert got["territory"].tolist() == codes
    expected = growth.growth_summary(one, codes)
    summary = pd.read_csv(tmp_path / "out" / "summary.csv", index_col=0)
    assert summary.index.tolist() == expected.index.tolist() and summary.columns.tolist() == expected.columns.tolist()
    np.testing.assert_allclose(summary.to_numpy(dtype=float), expected.to_numpy(dtype=float), rtol=1e-9)


def test_geographic_parcels_are_refused_without_a_crs(repo, cluster, tmp_path):
    import pyogrio

    local, client = cluster
    pyogrio.write_dataframe(parcel_frame(50).to_crs("EPSG:4326"), tmp_path / "p.gpkg")
    done = subprocess.run([sys.executable, str(repo / "scripts" / "tenure_batch.py"), "--parcels",
                           str(tmp_path / "p.gpkg"), "--zones", str(tmp_path / "p.gpkg"), "--scheduler",
                           client.scheduler.address, "--output", str(tmp_path / "o")],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode != 0 and "projected CRS in metres" in done.stderr and "--crs" in done.stderr


def test_the_readme_commands_for_several_machines(repo, tmp_path):
    """The README's cluster on several machines, as its commands start it: ``dask scheduler``, then ``dask
    worker ADDRESS`` started apart, each in its own folder like another machine (without the plugin on its
    path: the job ships it), only the inputs and the output folder shared. The job gives the single-machine
    overlay and summary, its parts written by both workers."""
    import pyogrio

    dask = shutil.which("dask", path=os.path.dirname(sys.executable)) or shutil.which("dask")
    if dask is None:
        pytest.skip("no dask command line next to this Python")
    parcels = parcel_frame(20_000, seed=5)
    pyogrio.write_dataframe(parcels, tmp_path / "p.gpkg", layer="parcels")
    zones = make_zones(m=120, seed=4)
    zones.to_file(tmp_path / "zones.gpkg", layer="zones")
    machines = [tmp_path / name for name in ("scheduler-host", "host-a", "host-b")]
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH" or "alliance" not in value}
    started = []
    try:
        for folder in machines:
            folder.mkdir()
        scheduler_file = machines[0] / "scheduler.json"
        started.append(subprocess.Popen([dask, "scheduler", "--port", "0", "--no-dashboard", "--scheduler-file",
                                         str(scheduler_file)], cwd=machines[0], env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        deadline = time.monotonic() + 60
        while not scheduler_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(scheduler_file.read_text())["address"]
        for folder in machines[1:]:
            started.append(subprocess.Popen([dask, "worker", address, "--nworkers", "1", "--nthreads", "1",
                                             "--memory-limit", "2GB", "--no-dashboard", "--local-directory",
                                             str(folder)], cwd=folder, env=env,
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
        done, _ = run_job(repo, "tenure_batch.py", [
            "--parcels", tmp_path / "p.gpkg", "--parcel-id", "id", "--territory-field", "commune",
            "--zones", tmp_path / "zones.gpkg", "--class-field", "zone", "--rows-per-partition", "2500",
            "--scheduler", address, "--no-progress", "--output", tmp_path / "shared" / "out"], tmp_path)
    finally:
        for process in started[::-1]:
            process.terminate()
        for process in started[::-1]:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
    report = json.loads((tmp_path / "shared" / "out" / "run.json").read_text())
    assert report["partitions"] == 8 and report["parcels"] == 20_000
    assert len({s["worker_pid"] for s in report["partitions_detail"]}) == 2  # both "machines" worked
    areas, crosstab = single_machine(parcels, zones, tenure=False)
    assert_same_areas(tmp_path / "shared" / "out" / "areas", areas)
    assert_same_summary(tmp_path / "shared" / "out" / "summary.csv", crosstab)


def test_a_worker_killed_mid_run_is_replaced_and_the_output_stays_complete(repo, cluster, tmp_path):
    """SIGKILL one worker process while it computes: the nanny restarts it, the scheduler reruns its tasks
    (parts are written whole or not at all) and the output equals the single-machine overlay."""
    import pyogrio

    local, client = cluster
    parcels = parcel_frame(60_000, seed=11)
    pyogrio.write_dataframe(parcels, tmp_path / "p.gpkg", layer="parcels")
    zones = make_zones(m=300, seed=2)
    zones.to_file(tmp_path / "zones.gpkg", layer="zones")
    before = client.run(os.getpid)
    code = "import runpy, sys; sys.argv = sys.argv[1:]; sys.path.insert(0, %r); runpy.run_path(sys.argv[0], " \
           "run_name='__main__')" % str(repo / "scripts")
    job = subprocess.Popen([sys.executable, "-c", code, str(repo / "scripts" / "tenure_batch.py"), "--parcels",
                            str(tmp_path / "p.gpkg"), "--parcel-id", "id", "--zones", str(tmp_path / "zones.gpkg"),
                            "--class-field", "zone", "--rows-per-partition", "3000", "--scheduler",
                            client.scheduler.address, "--output", str(tmp_path / "out")],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    killed, deadline = None, time.monotonic() + 120
    while killed is None and time.monotonic() < deadline and job.poll() is None:
        busy = [w for w, keys in client.processing().items()
                if any(str(k).startswith("tenure-partition") for k in keys)]
        parts = list((tmp_path / "out" / "areas").glob("part-*.parquet"))
        if busy and len(parts) >= 2:
            killed = before[busy[0]]
            os.kill(killed, signal.SIGKILL)
        time.sleep(0.05)
    out, err = job.communicate(timeout=240)
    assert killed is not None, "the job ended before a worker could be killed"
    assert job.returncode == 0, out[-2000:] + err[-4000:]
    assert len(list((tmp_path / "out" / "areas").glob("part-*.parquet"))) == 20
    client.wait_for_workers(2, timeout=60)
    assert killed not in client.run(os.getpid).values()  # the nanny started a new worker process
    areas, crosstab = single_machine(parcels, zones, territory=False, tenure=False)
    assert_same_areas(tmp_path / "out" / "areas", areas)
    assert_same_summary(tmp_path / "out" / "summary.csv", crosstab)
