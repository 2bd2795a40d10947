#!/usr/bin/env python3
"""Snapshot every ``qgis_process`` output of the plugin, to prove that a refactoring changes none of them.

Every algorithm of the ``alliance`` provider (and the shipped model) is run through
``/usr/bin/qgis_process.bin --json run`` on the bundled sample data (and on inputs derived
from it here, deterministically: documented in :func:`prepare_inputs`), each with its own
folder of outputs; then each run is written as one diff-friendly text file ``<run>.txt``:

- the exit code, the JSON answer (results, inputs, the log's infos and warnings, algorithm
  details) and the lines qgis_process wrote on stderr, paths replaced by placeholders;
- every output file: for each GeoPackage layer its name, geometry type, CRS, fields (name,
  type, subtype, width, precision, in order) and every feature sorted (attributes, then the
  geometry as WKT at full precision with a hash of its WKB, so that identical means
  identical to the bit), plus a hash of the rows in file order (the order a user sees);
  HTML as its markup, one tag per line, embedded PNGs as their size and hash; PDF as its
  page count, page sizes and ``pdftotext -layout`` text; a layout template (XML) one element
  per line, attributes sorted; other files as size and hash.

Usage, from the repository root (the virtualenv has pyogrio, shapely, pandas, GDAL's Python)::

    .venv/bin/python scripts/snapshot_outputs.py --plugin /work/before --out output/snapshot/before
    .venv/bin/python scripts/snapshot_outputs.py --plugin . --out output/snapshot/now
    .venv/bin/python scripts/snapshot_outputs.py --compare output/snapshot/before output/snapshot/now

``--plugin`` is a plugin root (a checkout or ``git worktree`` of this repository): it is linked
as ``alliance_territories`` into a plugins folder of the snapshot's own, with a fresh QGIS profile
per worker (nothing of the checkout is modified). ``--jobs N`` runs N qgis_process at once
(default 2), ``--only TEXT`` keeps the runs whose name contains TEXT (repeatable; runs they
depend on are added), ``--list`` prints the runs, ``--redump DIR`` writes the texts of a snapshot
again from its raw answers (after a change to the dumping code). ``--compare A B`` prints a verdict per run
(identical, or differs with the first 40 lines of a unified diff) and exits 1 when any differs.
Comparisons are exact: floats are written with ``repr`` (shortest round trip) and geometries
with a WKB hash. The only normalisations are documented in :func:`normalise` (paths, today's
date, UUIDs, a model's duration) and :func:`dump_run` (GDAL's repeated warnings counted once);
qgis_process runs with ``QT_HASH_SEED=0`` (Qt's hash order, random per process otherwise, sets the
order of a model's independent steps). Two snapshots of the same code are identical.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import difflib
import hashlib
import json
import os
import queue
import re
import shutil
import struct
import subprocess
import sys
import sysconfig
import threading
import time
import warnings
import zipfile
from pathlib import Path

QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # Debian's qgis_process wrapper passes an option 3.22 rejects
FIXED_MTIME = 1577880000  # 2020-01-01 12:00 UTC: inputs and chained outputs get this date (reports print it)
NOISE = ("QStandardPaths: XDG_RUNTIME_DIR not set", "DeprecationWarning: setapi() is deprecated")


# ----------------------------------------------------------------------------------------------- inputs

def prepare_inputs(plugin: Path, inputs: Path):
    """Copy ``sample_data`` into ``inputs`` and derive the layers the runs need from it.

    Every derived value follows a rule written here (no randomness), so both snapshots get
    byte-identical inputs. All files get the mtime ``FIXED_MTIME`` (the scorecard and the
    report print the date of each layer's file).
    """
    import geopandas as gpd
    import numpy as np
    import pandas as pd
    import pyogrio
    import shapely
    from shapely.geometry import box

    sample = inputs / "sample_data"
    shutil.copytree(plugin / "sample_data", sample)
    pbf = str(sample / "helsinki" / "Helsinki.osm.pbf")

    def write(frame, path, layer):
        frame.to_file(path, layer=layer, driver="GPKG", engine="pyogrio")

    # Canada: the three largest provinces flagged as cities, an urban share in percent (the "above 1 means
    # percent" rule), points inside each province, and SDG 11.3.1 built-up squares of 100 m2 per inhabitant of
    # 1966 grown as (pop1971 / pop1966) ** 1.5, or by 2 % where the population fell (as the QGIS tests).
    provinces = gpd.read_file(sample / "canada" / "ca_provinces.gpkg", layer="provinces", engine="pyogrio")
    cities = provinces.copy()
    cities["city"] = cities["code"].isin(["ONT", "QUE", "BC"]).astype("int32")
    urban = {"ONT": 85.0, "QUE": 80.0, "BC": 75.0, "ALTA": 60.0, "MAN": 55.0}
    cities["urban_pct"] = [urban.get(c, 20.0) for c in cities["code"]]
    cities = cities[[c for c in cities.columns if c != "geometry"] + ["geometry"]]
    write(cities, inputs / "canada_cities.gpkg", "provinces")
    points = provinces.copy()
    points["geometry"] = provinces.geometry.representative_point()
    write(points, inputs / "canada_points.gpkg", "points")
    lambert = provinces.to_crs("EPSG:3347")
    write(lambert, inputs / "canada_built.gpkg", "provinces")
    rows = []
    for _, p in lambert.iterrows():
        a0 = 100.0 * p["pop1966"]
        a1 = a0 * ((p["pop1971"] / p["pop1966"]) ** 1.5 if p["pop1971"] > p["pop1966"] else 1.02)
        centre = p.geometry.representative_point()
        for year, area in ((1966, a0), (1971, a1)):
            half = np.sqrt(area) / 2
            square = box(centre.x - half, centre.y - half, centre.x + half, centre.y + half)
            assert p.geometry.contains(square), p["code"]
            rows.append({"year": year, "geometry": square})
    write(gpd.GeoDataFrame(rows, crs=lambert.crs), inputs / "canada_built.gpkg", "built")

    # UN urban agglomerations: one point per city, populations of 1990, 2000, 2010, 2020 (0 when missing).
    un = gpd.read_file(sample / "spdata" / "urban_agglomerations.gpkg", engine="pyogrio")
    un = un.sort_values(["urban_agglomeration", "year"])
    wide = un.pivot_table(index="urban_agglomeration", columns="year", values="population_millions",
                          aggfunc="first")
    first = un.groupby("urban_agglomeration").first()
    frame = pd.DataFrame({"name": wide.index,
                          **{f"p{y}": (wide[y].fillna(0.0) * 1e6).to_numpy() for y in (1990, 2000, 2010, 2020)}})
    write(gpd.GeoDataFrame(frame, geometry=list(first.loc[wide.index, "geometry"]), crs=un.crs),
          inputs / "un_cities.gpkg", "cities")

    # Helsinki (OpenStreetMap): as the access tests (tests/qgis/test_access_helsinki.py), in ETRS-TM35FIN.
    # Buildings whose rings GDAL cannot close are left out here (QGIS would read them without a geometry).
    def osm(layer, keep):
        with warnings.catch_warnings():  # GDAL says which OSM rings it cannot close
            warnings.simplefilter("ignore", RuntimeWarning)
            meta, _, wkb, values = pyogrio.raw.read(pbf, layer=layer)
        frame = pd.DataFrame(dict(zip(meta["fields"], values)))
        frame = gpd.GeoDataFrame(frame, geometry=shapely.from_wkb(wkb, on_invalid="ignore"), crs="EPSG:4326")
        frame = frame[keep(frame) & frame.geometry.notna()].reset_index(drop=True)
        return frame

    tags = lambda f: f["other_tags"].fillna("")  # noqa: E731
    walkable = osm("lines", lambda f: f["highway"].notna() & ~f["highway"].isin(
        ["platform", "elevator", "corridor", "construction", "proposed"]))
    stops = osm("points", lambda f: (f["highway"] == "bus_stop") | tags(f).str.contains('"railway"=>"tram_stop"')
                | tags(f).str.contains('"railway"=>"station"'))
    stops["mode"] = np.where(tags(stops).str.contains('"railway"=>"station"'), "rail",
                             np.where(tags(stops).str.contains('"railway"=>"tram_stop"'), "tram", "bus"))
    health = osm("points", lambda f: tags(f).str.contains('"amenity"=>"(?:pharmacy|doctors|dentist|clinic)"'))
    health["capacity"] = [1 + i % 3 for i in range(len(health))]
    buildings = osm("multipolygons", lambda f: f["building"].notna())
    buildings = buildings[["osm_id", "osm_way_id", "name", "building", "other_tags", "geometry"]]
    years = tags(buildings).str.extract(r'"start_date"=>"(\d{4})')[0]
    buildings["year"] = pd.to_numeric(years).astype("Int32")
    write(buildings[buildings["year"].notna()], inputs / "helsinki_dated.gpkg", "buildings")
    metric = buildings.to_crs("EPSG:3067")
    levels = pd.to_numeric(tags(metric).str.extract(r'"building:levels"=>"([0-9.]+)"')[0], errors="coerce")
    metric["pop"] = (metric.geometry.area * levels.fillna(4) / 40).round(1)
    helsinki = inputs / "helsinki_metric.gpkg"
    write(metric.drop(columns=["year"]), helsinki, "buildings")
    residents = metric[["osm_id", "osm_way_id", "pop"]].copy()
    residents["sex"] = ["f" if i % 2 else "m" for i in range(len(residents))]
    residents["age"] = [("0-14", "15-64", "65+")[i % 3] for i in range(len(residents))]
    residents["disability"] = [int(i % 7 == 0) for i in range(len(residents))]
    residents = gpd.GeoDataFrame(residents, geometry=metric.geometry.representative_point(), crs=metric.crs)
    write(residents, helsinki, "residents")
    write(walkable.to_crs("EPSG:3067")[["osm_id", "name", "highway", "geometry"]], helsinki, "streets")
    write(stops.to_crs("EPSG:3067")[["osm_id", "name", "highway", "mode", "geometry"]], helsinki, "stops")
    write(health.to_crs("EPSG:3067")[["osm_id", "name", "capacity", "geometry"]], helsinki, "health")
    x0, y0, x1, y1 = metric.total_bounds
    xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
    quarters = [("NW", "urban", box(x0 - 50, ym, xm, y1 + 50)), ("NE", "urban", box(xm, ym, x1 + 50, y1 + 50)),
                ("SW", "rural", box(x0 - 50, y0 - 50, xm, ym)), ("SE", "rural", box(xm, y0 - 50, x1 + 50, ym))]
    write(gpd.GeoDataFrame([{"code": c, "kind": k, "geometry": g} for c, k, g in quarters], crs=metric.crs),
          helsinki, "districts")
    # A GTFS feed over the OSM stops (made up: route R1 every 10 min through the first half of the stops
    # sorted by id, R2 every 30 min through the rest, weekdays of June 2026), zipped with fixed dates.
    wgs = stops.sort_values("osm_id").reset_index(drop=True)
    half = len(wgs) // 2
    lines = {"R1": (list(wgs["osm_id"][:half]), 10), "R2": (list(wgs["osm_id"][half:]), 30)}
    trips, times = ["route_id,service_id,trip_id"], ["trip_id,arrival_time,departure_time,stop_id,stop_sequence"]
    for route, (ids, every) in lines.items():
        for k, start in enumerate(range(6 * 60, 20 * 60, every)):
            trip = f"{route}_{k}"
            trips.append(f"{route},WK,{trip}")
            for s, stop in enumerate(ids):
                t = start + s
                times.append(f"{trip},{t // 60:02d}:{t % 60:02d}:00,{t // 60:02d}:{t % 60:02d}:00,{stop},{s + 1}")
    files = {"stops.txt": "stop_id,stop_name,stop_lat,stop_lon\n" + "".join(
                 f"{r.osm_id},Stop {r.osm_id},{r.geometry.y:.7f},{r.geometry.x:.7f}\n"
                 for r in wgs.itertuples()),
             "routes.txt": "route_id,route_type\nR1,3\nR2,0\n", "trips.txt": "\n".join(trips) + "\n",
             "stop_times.txt": "\n".join(times) + "\n",
             "calendar.txt": "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,"
                             "end_date\nWK,1,1,1,1,1,0,0,20260601,20260630\n"}
    with zipfile.ZipFile(inputs / "helsinki_gtfs.zip", "w") as archive:
        for name, text in files.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), text)

    # Prague: parcels in a Lambert azimuthal equal-area CRS with a tenure by rule (ID modulo 4: titre,
    # coutumier, squat, NULL), constraint zones as boxes on fractions of the extent, population points
    # (buildings' inner points, one person per 10 m2), summary quadrants; the buildings in UTM 33N with a
    # territory around them and a 0/100 built-up raster of 10 m cells (the raster's percentages rule).
    laea = "+proj=laea +lat_0=50.1 +lon_0=14.4 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
    bubenec = sample / "prague" / "bubenec.gpkg"
    plots = gpd.read_file(bubenec, layer="plots", engine="pyogrio").to_crs(laea)
    plots["statut"] = [("Titre foncier", "coutumier", "squat", None)[int(i) % 4] for i in plots["ID"]]
    tenure = inputs / "prague_tenure.gpkg"
    write(plots, tenure, "plots")
    px0, py0, px1, py1 = plots.total_bounds
    w, h = px1 - px0, py1 - py0

    def zones(boxes, kinds):
        return gpd.GeoDataFrame([{"kind": k, "geometry": box(px0 + a * w, py0 + b * h, px0 + c * w, py0 + d * h)}
                                 for (a, b, c, d), k in zip(boxes, kinds)], crs=plots.crs)

    write(zones([(0.1, 0.1, 0.5, 0.6), (0.6, 0.2, 0.9, 0.5)], ["growth", "growth"]), tenure, "growth")
    write(zones([(0.3, 0.4, 0.8, 0.9)], ["flood"]), tenure, "hazard")
    write(zones([(0.0, 0.7, 0.3, 1.0)], ["park"]), tenure, "protected")
    write(zones([(0.7, 0.0, 1.0, 0.3)], ["fields"]), tenure, "agriculture")
    write(zones([(0.0, 0.0, 0.5, 0.5), (0.5, 0.5, 1.0, 1.0)], ["residential", "green"]), tenure, "zoning")
    houses = gpd.read_file(bubenec, layer="buildings", engine="pyogrio")
    people = houses.to_crs(laea)
    people = gpd.GeoDataFrame({"pop": (people.geometry.area / 10).round(0)},
                              geometry=people.geometry.representative_point(), crs=plots.crs)
    write(people, tenure, "population")
    write(zones([(0, 0.5, 0.5, 1), (0.5, 0.5, 1, 1), (0, 0, 0.5, 0.5), (0.5, 0, 1, 0.5)], ["NW", "NE", "SW", "SE"])
          .rename(columns={"kind": "code"}), tenure, "quadrants")
    bx0, by0, bx1, by1 = houses.total_bounds
    around = gpd.GeoDataFrame([{"code": "B", "p0": 1000.0, "p1": 1100.0,
                                "geometry": box(bx0 - 200, by0 - 200, bx1 + 200, by1 + 200)}], crs=houses.crs)
    write(around, inputs / "prague_territory.gpkg", "territory")
    bm, bn = (bx0 + bx1) / 2, (by0 + by1) / 2
    halves = [("W", box(bx0 - 200, by0 - 200, bm, by1 + 200)), ("E", box(bm, by0 - 200, bx1 + 200, by1 + 200))]
    write(gpd.GeoDataFrame([{"code": c, "geometry": g} for c, g in halves], crs=houses.crs),
          inputs / "prague_territory.gpkg", "halves")
    utm = houses.to_crs("EPSG:32633")
    write(utm, inputs / "prague_utm.gpkg", "buildings")
    ux0, uy0, ux1, uy1 = utm.total_bounds
    ux0, uy0 = np.floor(ux0 / 10) * 10 - 300, np.floor(uy0 / 10) * 10 - 300
    ux1, uy1 = np.ceil(ux1 / 10) * 10 + 300, np.ceil(uy1 / 10) * 10 + 300
    write(gpd.GeoDataFrame([{"code": "B", "p0": 1000.0, "p1": 1100.0, "geometry": box(ux0, uy0, ux1, uy1)}],
                           crs=utm.crs), inputs / "prague_utm.gpkg", "territory")
    from osgeo import gdal
    gdal.UseExceptions()
    gdal.Rasterize(str(inputs / "prague_built.tif"), str(inputs / "prague_utm.gpkg"), layers=["buildings"],
                   burnValues=[100], initValues=[0], outputType=gdal.GDT_Byte, xRes=10, yRes=10,
                   outputBounds=[ux0, uy0, ux1, uy1], creationOptions=["TILED=NO"])

    # A synthetic population grid (EPSG:3035, 1 km): a ring of 8 cells of 6,500 around an empty cell in
    # 100-inhabitant land, a half-land coastal cell (land share in percent), a diagonal of 30,000 cells (an
    # urban cluster, no centre); local units in WGS84; the same matrix as a Float32 raster with a nodata cell.
    gx, gy = 4000000.0, 3000000.0
    matrix = [[100.0] * 9 for _ in range(7)]
    for r in range(1, 4):
        for c in range(1, 4):
            matrix[r][c] = 6500.0
    matrix[2][2] = 0.0
    for i in range(4):
        matrix[3 + i if 3 + i < 7 else 6][5 + i] = 30000.0
    land = [[100.0] * 9 for _ in range(7)]
    land[0][4], matrix[0][4] = 50.0, 1000.0
    cells = [{"r": r, "c": c, "pop": v, "land": land[r][c],
              "geometry": box(gx + c * 1000, gy - (r + 1) * 1000, gx + (c + 1) * 1000, gy - r * 1000)}
             for r, line in enumerate(matrix) for c, v in enumerate(line) if (r, c) != (6, 0)]
    grid = inputs / "degurba_grid.gpkg"
    write(gpd.GeoDataFrame(cells, crs="EPSG:3035"), grid, "cells")
    units = gpd.GeoDataFrame([{"code": "A", "geometry": box(gx, gy - 5000, gx + 4000, gy)},
                              {"code": "B", "geometry": box(gx + 4000, gy - 7000, gx + 9000, gy)},
                              {"code": "C", "geometry": box(gx, gy - 7000, gx + 4000, gy - 5000)},
                              {"code": "D", "geometry": box(gx + 12000, gy - 5000, gx + 13000, gy)}],
                             crs="EPSG:3035").to_crs("EPSG:4326")
    write(units, grid, "units")
    raster = gdal.GetDriverByName("GTiff").Create(str(inputs / "degurba_pop.tif"), 9, 7, 1, gdal.GDT_Float32)
    raster.SetGeoTransform((gx, 1000.0, 0.0, gy, 0.0, -1000.0))
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3035)
    raster.SetProjection(srs.ExportToWkt())
    band = raster.GetRasterBand(1)
    band.SetNoDataValue(-200.0)
    values = [(-200.0 if (r, c) == (6, 0) else v) for r, line in enumerate(matrix) for c, v in enumerate(line)]
    band.WriteRaster(0, 0, 9, 7, struct.pack(f"<{len(values)}f", *values), buf_type=gdal.GDT_Float32)
    raster = None

    # A flow file with a negative volume (the error message is part of the behaviour).
    (inputs / "bad_flows.csv").write_text("origin,destination,flow\nAT11,AT12,-5\n", encoding="utf-8")
    fix_mtimes(inputs)


def fix_mtimes(folder: Path):
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            os.utime(path, (FIXED_MTIME, FIXED_MTIME))


# ------------------------------------------------------------------------------------------------- runs

def runs():
    """Every run: (name, algorithm, [KEY=VALUE...], [runs it reads outputs of]).

    ``{S}`` is the copied sample_data, ``{I}`` the derived inputs, ``{O}`` the run's own folder,
    ``{R:name}`` the folder of an earlier run. Plain ``.gpkg`` destinations and ``ogr:`` tables are
    mixed on purpose: a plain new GeoPackage lets the tenure and access algorithms take their pyogrio path.
    """
    at = ["INPUT={S}/austria/at_nuts2_regions.gpkg", "ID_FIELD=nuts2", "FLOWS={S}/austria/at_migration_od.csv"]
    ca = ["INPUT={S}/canada/ca_provinces.gpkg", "ID_FIELD=code", "FLOWS={S}/canada/ca_migration_od.csv"]
    hel = "{I}/helsinki_metric.gpkg|layername="
    pbf = "{S}/helsinki/Helsinki.osm.pbf|layername="
    bub = "{S}/prague/bubenec.gpkg|layername="
    ten = "{I}/prague_tenure.gpkg|layername="

    def table(key, name):
        return f"{key}=ogr:dbname='{{O}}/out.gpkg' table=\"{name}\" (geom)"

    out = []

    def add(name, alg, params, after=()):
        out.append((name, f"alliance:{alg}", params, list(after)))

    # Flows and dependencies
    add("flowdependencies_austria_readme", "flowdependencies",
        at + ["THRESHOLD=15", "LINE_MIN_SHARE=5", "OUTPUT={O}/territories.gpkg", "OUTPUT_LINES={O}/lines.gpkg"])
    add("flowdependencies_canada_top2", "flowdependencies",
        ca + ["LINE_TOP_N=2", table("OUTPUT", "territories"), table("OUTPUT_LINES", "flow_lines")])
    add("flowdependencies_canada_options", "flowdependencies",
        ca + ["MIN_VOLUME=500", "DEFAULT_FLOW_TYPE=migration", "THRESHOLD=25", "LINE_MIN_VOLUME=2000",
              "LINE_MIN_SHARE=0", "OUTPUT={O}/territories.gpkg", "OUTPUT_LINES={O}/lines.gpkg"])
    add("flowdependencies_error_negative_volume", "flowdependencies",
        ["INPUT={S}/austria/at_nuts2_regions.gpkg", "ID_FIELD=nuts2", "FLOWS={I}/bad_flows.csv",
         "OUTPUT={O}/territories.gpkg", "OUTPUT_LINES={O}/lines.gpkg"])
    for size, data in ((0, at), (1, at), (2, ca)):
        extra = ["SIZE=2", "SIZE_FIELD=pop1971"] if size == 2 else [f"SIZE={size}"]
        add(f"dominantflows_{'austria' if data is at else 'canada'}_size{size}", "dominantflows",
            data + extra + ["OUTPUT={O}/hierarchy.gpkg", "OUTPUT_LINES={O}/dominant.gpkg"])
    regions = ["OUTPUT={O}/territories.gpkg", "OUTPUT_REGIONS={O}/regions.gpkg"]
    add("flowregions_austria_intramax3", "flowregions",
        at + ["METHOD=0", "N_REGIONS=3", "OUTPUT_HISTORY={O}/history.gpkg"] + regions)
    add("flowregions_austria_intramax2_contiguity", "flowregions",
        at + ["METHOD=0", "N_REGIONS=2", "CONTIGUITY=1", "OUTPUT_HISTORY={O}/history.gpkg"] + regions)
    add("flowregions_canada_intramax10_degenerate", "flowregions", ca + ["METHOD=0", "N_REGIONS=10"] + regions)
    add("flowregions_canada_louvain_default", "flowregions", ca + regions)
    add("flowregions_austria_louvain_seed7_res1.5", "flowregions",
        at + ["METHOD=1", "SEED=7", "RESOLUTION=1.5"] + regions)
    add("flowregions_canada_leiden_without_igraph", "flowregions", ca + ["METHOD=2"] + regions)
    for family, decay, extra in ((0, 0, []), (1, 1, ["DISTANCE_FIELD=dist_km"]),
                                 (2, 0, ["DISTANCE_FIELD=dist_km", "DESTINATION_MASS_FIELD=Dj2007"]),
                                 (3, 1, ["DISTANCE_FIELD=dist_km"])):
        add(f"spatialinteraction_austria_family{family}_decay{decay}", "spatialinteraction",
            at + [f"FAMILY={family}", f"DECAY={decay}"] + extra
            + ["OUTPUT_LINES={O}/lines.gpkg", "OUTPUT_PARAMETERS={O}/parameters.gpkg"])
    add("spatialinteraction_canada_family1_decay0", "spatialinteraction",
        ca + ["FAMILY=1", "DECAY=0", "DISTANCE_FIELD=distance", "ORIGIN_MASS_FIELD=pop1966",
              "DESTINATION_MASS_FIELD=pop1971", table("OUTPUT_LINES", "lines"), table("OUTPUT_PARAMETERS", "params")])
    cities = ["INPUT={I}/canada_cities.gpkg|layername=provinces", "ID_FIELD=code", "POPULATION_FIELD=pop1971",
              "FLOWS={S}/canada/ca_migration_od.csv", "OUTPUT={O}/territories.gpkg", "OUTPUT_AREAS={O}/areas.gpkg"]
    add("functionalareas_canada_euoecd_city_field", "functionalareas", cities + ["METHOD=0", "CITY_FIELD=city"])
    add("functionalareas_canada_euoecd_urban_share_no_contiguity", "functionalareas",
        cities + ["METHOD=0", "URBAN_SHARE_FIELD=urban_pct", "USE_CONTIGUITY=0", "COMMUTING_THRESHOLD=5"])
    add("functionalareas_canada_insee", "functionalareas", cities + ["METHOD=1", "MIN_JOBS=20000"])
    add("citynetwork_un_cities_without_flows", "citynetwork",
        ["INPUT={I}/un_cities.gpkg", "ID_FIELD=name", "POPULATION_FIELDS=p1990;p2000;p2010;p2020",
         "OUTPUT={O}/cities.gpkg", "OUTPUT_TABLE={O}/table.gpkg"])
    add("citynetwork_canada_with_flows", "citynetwork",
        ca + ["POPULATION_FIELDS=pop1966;pop1971", "BAND_MIN=500000", "BAND_MAX=3000000",
              table("OUTPUT", "cities"), table("OUTPUT_TABLE", "sizes")])

    # Scorecard and report, on outputs of earlier runs
    deps_at = "{R:flowdependencies_austria_readme}/territories.gpkg"
    add("recommendationscorecard_austria", "recommendationscorecard",
        ["INPUT={S}/austria/at_nuts2_regions.gpkg", "ID_FIELD=nuts2", f"INDICATORS={deps_at}",
         "OUTPUT={O}/card.gpkg", "OUTPUT_TABLE={O}/table.gpkg", "OUTPUT_HTML={O}/scorecard.html"],
        ["flowdependencies_austria_readme"])
    add("recommendationscorecard_canada_several_layers", "recommendationscorecard",
        ["INPUT={R:flowdependencies_canada_options}/territories.gpkg", "ID_FIELD=code",
         "INDICATORS={R:dominantflows_canada_size2}/hierarchy.gpkg",
         "INDICATORS={R:functionalareas_canada_insee}/territories.gpkg",
         "OUTPUT={O}/card.gpkg", "OUTPUT_TABLE={O}/table.gpkg", "OUTPUT_HTML={O}/scorecard.html"],
        ["flowdependencies_canada_options", "dominantflows_canada_size2", "functionalareas_canada_insee"])
    add("recommendationscorecard_error_no_indicator", "recommendationscorecard",
        ["INPUT={S}/austria/at_nuts2_regions.gpkg", "ID_FIELD=nuts2", "OUTPUT={O}/card.gpkg",
         "OUTPUT_TABLE={O}/table.gpkg"])
    add("territorialreport_austria_AT13", "territorialreport",
        ["INPUT={S}/austria/at_nuts2_regions.gpkg", "ID_FIELD=nuts2", f"INDICATORS={deps_at}", "TERRITORY=AT13",
         "OUTPUT_HTML={O}/report.html", "OUTPUT_PDF={O}/report.pdf"], ["flowdependencies_austria_readme"])
    add("territorialreport_canada_atlas", "territorialreport",
        ["INPUT={S}/canada/ca_provinces.gpkg", "ID_FIELD=code", "NAME_FIELD=name",
         "INDICATORS={R:recommendationscorecard_canada_several_layers}/card.gpkg",
         "INDICATORS={R:flowregions_canada_louvain_default}/territories.gpkg",
         "FLOW_LINES={R:flowdependencies_canada_options}/lines.gpkg", "FLOWS={S}/canada/ca_migration_od.csv",
         "OUTPUT_HTML={O}/report.html", "OUTPUT_PDF={O}/report.pdf", "OUTPUT_LAYOUT={O}/layout.qpt"],
        ["recommendationscorecard_canada_several_layers", "flowregions_canada_louvain_default",
         "flowdependencies_canada_options"])
    out.append(("model_territorialdiagnosis_canada", "alliance:territorialdiagnosis", [
        "territories={S}/canada/ca_provinces.gpkg", "code=code", "name=name", "population=pop1971",
        "flows={S}/canada/ca_migration_od.csv", "territory=",
        "dependencies:Dependencies={O}/deps.gpkg", "dependencies:Flow lines (dependencies)={O}/lines.gpkg",
        "areas:Attraction areas={O}/areas.gpkg", "hierarchy:Dominant flows={O}/dominant.gpkg",
        "regions:Flow regions={O}/regions.gpkg", "scorecard:Scorecard={O}/scorecard.gpkg",
        "scorecard:Scorecard (HTML)={O}/scorecard.html", "report:Territorial report (HTML)={O}/report.html",
        "report:Territorial report (PDF)={O}/report.pdf"], []))

    # Land and growth
    add("growthbuffers_prague_roles", "growthbuffers",
        [f"INPUT={bub}buildings", "DISTANCES=20, 40, 80", "OUTPUT={O}/rings.gpkg"])
    add("growthbuffers_prague_prospective_value", "growthbuffers",
        [f"INPUT={bub}buildings", "DISTANCES=50, 100", "POPULATION=1000", "SEGMENTS=8",
         "OUTPUT={O}/rings.gpkg", "OUTPUT_PROSPECTIVE={O}/prospective.gpkg"])
    add("growthbuffers_helsinki_field_labels_no_cores", "growthbuffers",
        [f"INPUT={hel}buildings", "DISTANCES=100, 250 m, 0.5 km", "LABELS=core; near; middle; far",
         "INCLUDE_CORES=0", "POPULATION_FIELD=pop", "GROWTH_RATE=2", "HORIZON=10", "DENSITY=8000",
         table("OUTPUT", "rings"), table("OUTPUT_PROSPECTIVE", "prospective")])
    add("growthbuffers_error_decreasing", "growthbuffers",
        [f"INPUT={bub}buildings", "DISTANCES=1000, 500", "OUTPUT={O}/rings.gpkg"])
    add("urbangrowth_helsinki_year_field", "urbangrowth",
        ["BUILT_UP={I}/helsinki_dated.gpkg", "YEAR_FIELD=year", "CUTOFF_YEAR=1912", "END_YEAR=2020",
         "OUTPUT={O}/patches.gpkg", "OUTPUT_SUMMARY={O}/summary.gpkg"])
    add("urbangrowth_prague_two_layers_territories", "urbangrowth",
        [f"BUILT_UP={bub}buildings", f"BUILT_UP_BEFORE={bub}buildings|subset=\"fid\" <= 80", "RING=2",
         "MIN_AREA=5", "SEGMENTS=4", "TERRITORIES={I}/prague_territory.gpkg|layername=halves",
         "TERRITORY_ID_FIELD=code", table("OUTPUT", "patches"), table("OUTPUT_SUMMARY", "summary")])
    add("landconsumption_canada_year_field_ha", "landconsumption",
        ["INPUT={I}/canada_built.gpkg|layername=provinces", "ID_FIELD=name", "POP_T0_FIELD=pop1966",
         "POP_T1_FIELD=pop1971", "YEAR_T0=1966", "YEAR_T1=1971", "BUILT_UP={I}/canada_built.gpkg|layername=built",
         "YEAR_FIELD=year", "AREA_UNIT=1", "OUTPUT={O}/consumption.gpkg"])
    add("landconsumption_prague_urban_extent", "landconsumption",
        ["INPUT={I}/prague_territory.gpkg|layername=territory", "ID_FIELD=code", "POP_T0_FIELD=p0",
         "POP_T1_FIELD=p1", "YEAR_T0=2000", "YEAR_T1=2020", f"BUILT_UP={bub}buildings",
         f"BUILT_UP_BEFORE={bub}buildings|subset=\"fid\" <= 80", "URBAN_EXTENT=1", "STAGNATION=0.5",
         "EXTENT_CELL=5", "EXTENT_RADIUS=100", "EXTENT_MIN_COVER=40", "EXTENT_FRINGE=20",
         table("OUTPUT", "consumption"), table("OUTPUT_EXTENT", "extent")])
    add("landconsumption_prague_extent_raster_m2", "landconsumption",
        ["INPUT={I}/prague_utm.gpkg|layername=territory", "ID_FIELD=code", "POP_T0_FIELD=p0", "POP_T1_FIELD=p1",
         "YEAR_T0=2000", "YEAR_T1=2020", "BUILT_UP={I}/prague_utm.gpkg|layername=buildings",
         "BUILT_UP_BEFORE={I}/prague_utm.gpkg|layername=buildings|subset=\"fid\" <= 80", "AREA_UNIT=2",
         "URBAN_EXTENT=1", "EXTENT_RASTER={I}/prague_built.tif", "EXTENT_RADIUS=100", "EXTENT_FRINGE=20",
         "CAPTURED_MAX_AREA=1", "OUTPUT={O}/consumption.gpkg", "OUTPUT_EXTENT={O}/extent.gpkg"])
    add("degurba_grid_cells_land_share_units", "degurba",
        ["INPUT={I}/degurba_grid.gpkg|layername=cells", "POPULATION_FIELD=pop", "LAND_SHARE_FIELD=land",
         "MAX_GAP=15", "MAJORITY=5", "KEEP_EMPTY_CELLS=1", "UNITS={I}/degurba_grid.gpkg|layername=units",
         "UNIT_ID_FIELD=code", "OUTPUT={O}/cells.gpkg", "OUTPUT_UNITS={O}/units.gpkg"])
    add("degurba_grid_cells_no_smoothing", "degurba",
        ["INPUT={I}/degurba_grid.gpkg|layername=cells", "POPULATION_FIELD=pop", "MAX_GAP=0", "MAJORITY=0",
         "UNIT_SHARE=60", table("OUTPUT", "cells")])
    add("degurba_raster", "degurba",
        ["INPUT_RASTER={I}/degurba_pop.tif", "KEEP_EMPTY_CELLS=1", "OUTPUT={O}/cells.gpkg"])
    add("degurba_canada_points_100km_units", "degurba",
        ["INPUT={I}/canada_points.gpkg", "POPULATION_FIELD=pop1971", "CELL_SIZE=100000",
         "UNITS={S}/canada/ca_provinces.gpkg", "UNIT_ID_FIELD=code", "OUTPUT={O}/cells.gpkg",
         "OUTPUT_UNITS={O}/units.gpkg"])
    add("degurba_helsinki_residents_100m", "degurba",
        [f"INPUT={hel}residents", "POPULATION_FIELD=pop", "CELL_SIZE=100", "CENTRE_POPULATION=5000",
         "CLUSTER_POPULATION=500", "CENTRE_DENSITY=1500", "CLUSTER_DENSITY=300", "OUTPUT={O}/cells.gpkg"])
    tenure = ["TENURE_FIELD=statut", f"GROWTH={ten}growth", f"HAZARD={ten}hazard", f"PROTECTED={ten}protected",
              f"AGRICULTURE={ten}agriculture", f"ZONING={ten}zoning", "CLASS_FIELD=kind",
              f"TERRITORIES={ten}quadrants", "TERRITORY_ID_FIELD=code"]
    add("landtenureoverlay_prague_all_layers_pyogrio", "landtenureoverlay",
        [f"INPUT={ten}plots"] + tenure + [
            "TENURE_MAPPING=Titre foncier=documented; coutumier=customary; squat=informal",
            f"POPULATION_LAYER={ten}population", "POPULATION_LAYER_FIELD=pop", "MIN_SHARE=10",
            "OUTPUT={O}/parcels.gpkg", "OUTPUT_SUMMARY={O}/summary.gpkg", "OUTPUT_PROXIES={O}/proxies.gpkg",
            "OUTPUT_PIECES={O}/pieces.gpkg"])
    add("landtenureoverlay_prague_subset_qgis_path", "landtenureoverlay",
        [f"INPUT={ten}plots|subset=\"ID\" > 0"] + tenure + [
            table("OUTPUT", "parcels"), table("OUTPUT_SUMMARY", "summary"), table("OUTPUT_PROXIES", "proxies")])
    add("landtenureoverlay_prague_growth_rings_roles", "landtenureoverlay",
        [f"INPUT={bub}plots", "GROWTH={R:growthbuffers_prague_roles}/rings.gpkg", "OUTPUT={O}/parcels.gpkg",
         "OUTPUT_SUMMARY={O}/summary.gpkg", "OUTPUT_PROXIES={O}/proxies.gpkg"], ["growthbuffers_prague_roles"])
    add("landtenureoverlay_prague_growth_rings_all", "landtenureoverlay",
        [f"INPUT={bub}plots", "GROWTH={R:growthbuffers_prague_roles}/rings.gpkg", "GROWTH_ROLES=all",
         "ZONING={R:growthbuffers_prague_roles}/rings.gpkg", "CLASS_FIELD=label",
         table("OUTPUT", "parcels"), table("OUTPUT_SUMMARY", "summary"), table("OUTPUT_PROXIES", "proxies")],
        ["growthbuffers_prague_roles"])

    # Access
    stops = "STOPS={S}/helsinki/Helsinki.osm.pbf|layername=points|subset=\"highway\" = 'bus_stop' OR " \
            "\"other_tags\" LIKE '%tram_stop%'"
    transit_out = ["OUTPUT_AREAS={O}/areas.gpkg", "OUTPUT_STOPS={O}/stops.gpkg"]
    add("transitaccess_helsinki_readme_pbf", "transitaccess",
        [f"POPULATION={pbf}multipolygons|subset=\"building\" IS NOT NULL", stops,
         f"NETWORK={pbf}lines|subset=\"highway\" IS NOT NULL", "SNAP_TOLERANCE=200", "LOW_DISTANCE=500",
         table("OUTPUT", "people"), "OUTPUT_SHARES=ogr:dbname='{O}/out.gpkg' table=\"shares\""] + transit_out)
    add("transitaccess_helsinki_metric_pyogrio_groups", "transitaccess",
        [f"POPULATION={hel}residents", "POPULATION_FIELD=pop", "SEX_FIELD=sex", "AGE_FIELD=age",
         "DISABILITY_FIELD=disability", f"STOPS={hel}stops", "STOP_ID_FIELD=osm_id", "CAPACITY_FIELD=mode",
         f"NETWORK={hel}streets", "SNAP_TOLERANCE=200", f"TERRITORIES={hel}districts", "TERRITORY_FIELD=code",
         "OUTPUT={O}/people.gpkg", "OUTPUT_SHARES={O}/shares.gpkg", "OUTPUT_TERRITORIES={O}/territories.gpkg"]
        + transit_out)
    add("transitaccess_helsinki_buildings_proxy", "transitaccess",
        [f"POPULATION={hel}buildings", "POPULATION_FIELD=pop", f"STOPS={hel}stops", "CAPACITY_FIELD=mode",
         "HIGH_DISTANCE=800", "SEARCH_DISTANCE=1500", "OUTPUT={O}/people.gpkg", "OUTPUT_SHARES={O}/shares.gpkg"]
        + transit_out)
    add("transitaccess_helsinki_gtfs", "transitaccess",
        [f"POPULATION={hel}residents", "POPULATION_FIELD=pop", "GTFS={I}/helsinki_gtfs.zip", "WEEKDAY=2",
         "START_TIME=07:00", "END_TIME=09:00", "MIN_PER_HOUR=4", f"NETWORK={hel}streets", "SNAP_TOLERANCE=200",
         "TOPOLOGY_TOLERANCE=1", table("OUTPUT", "people"), "OUTPUT_SHARES=ogr:dbname='{O}/out.gpkg' "
         "table=\"shares\""] + transit_out)
    add("serviceaccess_helsinki_readme_pbf_proxy", "serviceaccess",
        [f"SUPPLY={pbf}points", f"POPULATION={pbf}multipolygons", "CATCHMENT=300", table("OUTPUT", "people"),
         "OUTPUT_INEQUALITY=ogr:dbname='{O}/out.gpkg' table=\"inequality\"",
         "OUTPUT_FACILITIES={O}/facilities.gpkg"])
    add("serviceaccess_helsinki_health_network_territories", "serviceaccess",
        [f"SUPPLY={hel}health", "SUPPLY_ID_FIELD=osm_id", "CAPACITY_FIELD=capacity", f"POPULATION={hel}buildings",
         "POPULATION_FIELD=pop", "CATCHMENT=800", "SPEED=4.5", f"NETWORK={hel}streets", "SNAP_TOLERANCE=100",
         f"TERRITORIES={hel}districts", "TERRITORY_FIELD=code", "CLASS_FIELD=kind", "OUTPUT={O}/people.gpkg",
         "OUTPUT_INEQUALITY={O}/inequality.gpkg", "OUTPUT_FACILITIES={O}/facilities.gpkg",
         "OUTPUT_TERRITORIES={O}/territories.gpkg", "OUTPUT_CLASSES={O}/classes.gpkg"])
    return out


# ------------------------------------------------------------------------------------------- execution

class Environment:
    """A plugins folder linking the plugin as ``alliance_territories`` and one fresh profile per worker."""

    def __init__(self, plugin: Path, root: Path, jobs: int):
        self.plugins = root / "plugins"
        self.plugins.mkdir(parents=True)
        (self.plugins / "alliance_territories").symlink_to(plugin.resolve(), target_is_directory=True)
        self.profiles = queue.Queue()
        base = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=str(self.plugins),
                    # qgis_process embeds the system Python: it sees this virtualenv's libraries here.
                    PYTHONPATH=sysconfig.get_paths()["purelib"], LC_ALL="C.UTF-8", LANG="C.UTF-8",
                    # Qt seeds its hashes at random in every process: the order of a model's independent
                    # steps (and of their log lines) and of XML attributes would change from run to run.
                    QT_HASH_SEED="0")
        envs = []
        for i in range(jobs):
            profile = root / f"profile{i}"
            profile.mkdir()
            envs.append(dict(base, QGIS_CUSTOM_CONFIG_PATH=str(profile)))
        procs = [subprocess.Popen([QGIS_PROCESS, "plugins", "enable", "alliance_territories"], env=env,
                                  cwd=env["QGIS_CUSTOM_CONFIG_PATH"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for env in envs]
        for proc, env in zip(procs, envs):
            stdout, stderr = proc.communicate(timeout=300)
            if proc.returncode:
                sys.exit(f"could not enable the plugin: {stdout}{stderr}")
            self.profiles.put(env)

    def run(self, args, cwd):
        env = self.profiles.get()
        try:
            return subprocess.run([QGIS_PROCESS, *args], env=env, cwd=cwd, capture_output=True, text=True,
                                  timeout=900)
        finally:
            self.profiles.put(env)


def expand(text, places, folder):
    text = re.sub(r"\{R:([^}]+)\}", lambda m: str(places["runs"] / m.group(1)), text)
    return text.replace("{S}", str(places["inputs"] / "sample_data")).replace("{I}", str(places["inputs"])) \
        .replace("{O}", str(folder))


def take(plugin: Path, out: Path, jobs: int, only):
    plugin = plugin.resolve()
    out = out.resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    places = {"inputs": out / "inputs", "runs": out / "runs"}
    places["inputs"].mkdir()
    places["runs"].mkdir()
    started = time.monotonic()
    todo = selected(only)
    prepare_inputs(plugin, places["inputs"])
    env = Environment(plugin, out / "env", jobs)
    print(f"inputs and {jobs} profiles ready in {time.monotonic() - started:.0f} s; {len(todo)} runs", flush=True)
    done, lock = {}, threading.Lock()

    def one(run):
        name, alg, params, _ = run
        folder = places["runs"] / name
        folder.mkdir()
        args = ["--json", "run", alg, "--"] + [expand(p, places, folder) for p in params]
        t0 = time.monotonic()
        proc = env.run(args, folder)
        fix_mtimes(folder)  # a later run (scorecard, report) prints the date of the layers it reads
        with lock:
            print(f"  {name}: exit {proc.returncode} in {time.monotonic() - t0:.1f} s", flush=True)
        return name, proc

    pending = list(todo)
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        running = {}
        while pending or running:
            for run in [r for r in pending if all(d in done for d in r[3])]:
                pending.remove(run)
                running[pool.submit(one, run)] = run
            if not running:
                sys.exit(f"unmet dependencies: {[r[0] for r in pending]}")
            finished, _ = concurrent.futures.wait(running, return_when=concurrent.futures.FIRST_COMPLETED)
            for future in finished:
                run = running.pop(future)
                done[run[0]] = future.result()[1]
    for name, proc in done.items():  # kept beside the run folders so that --redump can write the texts again
        (places["runs"] / f"{name}.process.json").write_text(json.dumps(
            {"returncode": proc.returncode, "stdout": proc.stdout, "stderr": proc.stderr}), encoding="utf-8")
    (out / "snapshot.json").write_text(json.dumps({"plugin": str(plugin), "runs": [r[0] for r in todo]}),
                                       encoding="utf-8")
    dump_all(out)
    # The link to the plugin would put the checkout inside itself (output/ of the repository): removed.
    shutil.rmtree(out / "env", ignore_errors=True)
    print(f"snapshot of {plugin} in {out}: {len(todo)} runs, {time.monotonic() - started:.0f} s", flush=True)


def dump_all(out: Path):
    """Write ``<run>.txt`` for every run of a snapshot folder from its raw answers and output files."""
    meta = json.loads((out / "snapshot.json").read_text(encoding="utf-8"))
    replacements = placeholders(out, Path(meta["plugin"]), out / "env" / "plugins")
    by_name = {r[0]: r for r in runs()}
    for name in meta["runs"]:
        _, alg, params, _ = by_name[name]
        raw = json.loads((out / "runs" / f"{name}.process.json").read_text(encoding="utf-8"))
        proc = subprocess.CompletedProcess([], raw["returncode"], raw["stdout"], raw["stderr"])
        text = dump_run(name, alg, params, proc, out / "runs" / name, replacements)
        (out / f"{name}.txt").write_text(text, encoding="utf-8")


def selected(only):
    every = runs()
    if not only:
        return every
    by_name = {r[0]: r for r in every}
    keep = {r[0] for r in every if any(o in r[0] for o in only)}
    grown = True
    while grown:
        extra = {d for n in keep for d in by_name[n][3]} - keep
        keep |= extra
        grown = bool(extra)
    return [r for r in every if r[0] in keep]


# ---------------------------------------------------------------------------------------------- dumping

def placeholders(out, plugin, plugins):
    """Paths that differ between two snapshots, longest first: each becomes a fixed placeholder."""
    pairs = {str(out / "runs"): "<RUNS>", str(out / "inputs"): "<INPUTS>", str(plugins): "<PLUGINS>",
             str(out): "<OUT>", str(plugin): "<PLUGIN>"}
    for path in list(pairs):
        real = os.path.realpath(path)
        if real != path:
            pairs[real] = pairs[path]
    return sorted(pairs.items(), key=lambda kv: -len(kv[0]))


def normalise(text, replacements):
    """Paths become placeholders; nothing else changes but:

    - today's date (``Written on <date>`` in reports, run dates) becomes ``<TODAY>``: it is the day the
      snapshot is taken, not a result (the layers' file dates are fixed by ``FIXED_MTIME``);
    - names of temporary files (``tempfile.mkstemp``, ``/tmp/processing_*``) become ``<TMP>``;
    - UUIDs (also QGIS's layer ids, ``name_<uuid with underscores>``) become ``<UUID>``: QGIS gives every
      layer, memory layer (a model's intermediate outputs, named in the report's data sources) and layout
      item a fresh random one at each run;
    - the model's "Executed N algorithms total in X s" loses its duration.
    """
    for path, mark in replacements:
        text = text.replace(path, mark)
    text = text.replace(time.strftime("%Y-%m-%d"), "<TODAY>")
    text = re.sub(r"/tmp/processing_\w+/[0-9a-f]{32}", "<TMP>", text)
    text = re.sub(r"/tmp/[\w.-]*?alliance[\w.-]*", "<TMP>", text)
    text = re.sub(r"[0-9a-f]{8}([-_])[0-9a-f]{4}\1[0-9a-f]{4}\1[0-9a-f]{4}\1[0-9a-f]{12}", "<UUID>", text)
    text = re.sub(r"(algorithms total in )[0-9.]+( s)", r"\1<SECONDS>\2", text)
    return text


def dump_run(name, alg, params, proc, folder, replacements):
    lines = [f"# run {name}", f"algorithm: {alg}", "parameters:"]
    lines += [f"  {normalise(p, [])}" for p in params]
    lines.append(f"exit code: {proc.returncode}")
    try:
        answer = json.loads(proc.stdout)
    except ValueError:
        answer = None
    if answer is not None:
        lines.append("== JSON answer")
        lines += normalise(json.dumps(answer, indent=1, sort_keys=True, ensure_ascii=False), replacements) \
            .splitlines()
    else:
        lines.append("== stdout")
        lines += [normalise(line, replacements) for line in proc.stdout.splitlines()]
    lines.append("== stderr")
    stderr = [normalise(line, replacements) for line in proc.stderr.splitlines()
              if line.strip() and not any(n in line for n in NOISE)]
    # GDAL's own warnings ("Warning 1: Non closed ring detected", from the OSM driver) come once per read of
    # a layer: reading a layer once instead of twice (issue 14) changes their count, not what they say.
    gdal = sorted({line for line in stderr if re.match(r"(Warning|ERROR) \d+: ", line)})
    lines += [line for line in stderr if line not in gdal]
    lines += ["-- GDAL's distinct messages"] + gdal if gdal else []
    for path in sorted(folder.rglob("*")):
        if path.is_dir() or path.name.endswith(("-wal", "-shm", "-journal")):
            continue
        lines.append(f"== file {path.relative_to(folder)}")
        lines += dump_file(path, replacements)
    return "\n".join(lines) + "\n"


def dump_file(path, replacements):
    suffix = path.suffix.lower()
    if suffix == ".gpkg":
        return dump_gpkg(path, replacements)
    if suffix in (".html", ".htm"):
        return dump_html(path.read_text(encoding="utf-8"), replacements)
    if suffix == ".pdf":
        return dump_pdf(path, replacements)
    if suffix == ".png":
        return [png_line(path.read_bytes())]
    data = path.read_bytes()
    if suffix in (".qpt", ".xml", ".qml", ".model3"):
        return [normalise(line, replacements) for line in xml_lines(data.decode("utf-8", "replace"))]
    if suffix in (".txt", ".csv", ".json"):
        return normalise(data.decode("utf-8", "replace"), replacements).splitlines()
    return [f"{len(data)} bytes, sha1 {hashlib.sha1(data).hexdigest()}"]


def xml_lines(text):
    """One line per element, attributes sorted (their order in a file carries no meaning), text kept."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(text)
    except ET.ParseError:
        return re.sub(r">\s*<", ">\n<", text).splitlines()
    lines = []

    def walk(element, depth):
        attributes = "".join(f" {k}={v!r}" for k, v in sorted(element.attrib.items()))
        body = (element.text or "").strip()
        lines.append(f"{'  ' * depth}<{element.tag}{attributes}>" + (f" {body!r}" if body else ""))
        for child in element:
            walk(child, depth + 1)
            tail = (child.tail or "").strip()
            if tail:
                lines.append(f"{'  ' * (depth + 1)}{tail!r}")

    walk(root, 0)
    return lines


def value_text(value):
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return repr(value)  # the shortest text that reads back to the same double: exact
    if isinstance(value, list):
        return "[" + ", ".join(value_text(v) for v in value) + "]"
    return repr(value)


def dump_gpkg(path, replacements):
    import shapely
    from osgeo import ogr

    ogr.UseExceptions()
    source = ogr.Open(str(path))
    lines = []
    for i in range(source.GetLayerCount()):
        layer = source.GetLayerByIndex(i)
        definition = layer.GetLayerDefn()
        srs = layer.GetSpatialRef()
        lines.append(f"-- layer {layer.GetName()}: {layer.GetFeatureCount()} features, geometry "
                     f"{ogr.GeometryTypeToName(layer.GetGeomType())} ({layer.GetGeomType()}), "
                     f"geometry column '{layer.GetGeometryColumn()}', fid column '{layer.GetFIDColumn()}'")
        if srs is not None:
            authority = f"{srs.GetAuthorityName(None)}:{srs.GetAuthorityCode(None)}" if srs.GetAuthorityName(None) \
                else "no authority"
            lines.append(f"crs {authority} {srs.ExportToWkt()}")
        else:
            lines.append("crs none")
        names = []
        for j in range(definition.GetFieldCount()):
            field = definition.GetFieldDefn(j)
            names.append(field.GetName())
            lines.append(f"field {field.GetName()}: {ogr.GetFieldTypeName(field.GetType())}"
                         f"/{ogr.GetFieldSubTypeName(field.GetSubType())} width {field.GetWidth()} "
                         f"precision {field.GetPrecision()} nullable {field.IsNullable()}"
                         f" default {field.GetDefault()}")
        rows = []
        layer.ResetReading()
        for feature in layer:
            values = [f"{field_name}={value_text(feature.GetField(j) if feature.IsFieldSetAndNotNull(j) else None)}"
                      for j, field_name in enumerate(names)]
            geometry = feature.GetGeometryRef()
            if geometry is None:
                shape = "geometry NULL"
            else:
                wkb = bytes(geometry.ExportToIsoWkb())
                shape = (f"{shapely.to_wkt(shapely.from_wkb(wkb), rounding_precision=-1)} "
                         f"wkb-sha1 {hashlib.sha1(wkb).hexdigest()[:12]}")
            rows.append(normalise(" | ".join(values), replacements) + " || " + shape)
        lines.append(f"rows in file order, sha1: {hashlib.sha1(chr(10).join(rows).encode()).hexdigest()}")
        lines += sorted(rows)
    return lines


def png_line(data):
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        width, height = struct.unpack(">II", data[16:24])
        return f"PNG {width} x {height}, {len(data)} bytes, sha1 {hashlib.sha1(data).hexdigest()}"
    return f"image? {len(data)} bytes, sha1 {hashlib.sha1(data).hexdigest()}"


def dump_html(text, replacements):
    import base64

    def image(match):
        return f"<{png_line(base64.b64decode(match.group(1)))}>"

    text = re.sub(r"data:image/png;base64,([A-Za-z0-9+/=]+)", image, text)
    text = normalise(text, replacements)
    return re.sub(r">\s*<", ">\n<", text).splitlines()


def dump_pdf(path, replacements):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    lines = [line for line in info.splitlines() if line.startswith(("Pages:", "Page size:", "Title:"))]
    pages = int(next((line.split()[1] for line in lines if line.startswith("Pages:")), "0"))
    for page in range(1, pages + 1):
        size = subprocess.run(["pdfinfo", "-f", str(page), "-l", str(page), str(path)], capture_output=True,
                              text=True).stdout
        lines += [f"page {page} {line.split(':', 1)[1].strip()}" for line in size.splitlines()
                  if line.startswith(f"Page {page:4d} size")]
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    lines.append("-- text")
    lines += [normalise(line.rstrip(), replacements) for line in text.splitlines()]
    return lines


# -------------------------------------------------------------------------------------------- comparing

def compare(a: Path, b: Path):
    names = sorted({p.name for p in a.glob("*.txt")} | {p.name for p in b.glob("*.txt")})
    differ = 0
    for name in names:
        left, right = a / name, b / name
        if not left.exists() or not right.exists():
            print(f"{name[:-4]}: differs (only in {a if left.exists() else b})")
            differ += 1
            continue
        x, y = left.read_text(encoding="utf-8").splitlines(), right.read_text(encoding="utf-8").splitlines()
        if x == y:
            print(f"{name[:-4]}: identical")
            continue
        differ += 1
        diff = list(difflib.unified_diff(x, y, str(left), str(right), lineterm="", n=1))
        changed = sum(1 for line in diff[2:] if line[:1] in "+-")
        print(f"{name[:-4]}: differs ({changed} lines)")
        shown = 0
        for line in diff:
            print("    " + (line if len(line) < 400 else line[:400] + " [...]"))
            shown += line[:1] in "+-" and not line.startswith(("+++", "---"))
            if shown >= 40:
                print("    [...]")
                break
    print(f"{len(names) - differ} identical, {differ} differ, of {len(names)} runs")
    return 1 if differ else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plugin", type=Path, help="plugin root (a checkout of this repository)")
    parser.add_argument("--out", type=Path, help="snapshot folder (replaced)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("DIR_A", "DIR_B"))
    parser.add_argument("--redump", type=Path, metavar="DIR", help="write the texts of a snapshot again")
    args = parser.parse_args()
    if args.redump:
        dump_all(args.redump.resolve())
        return 0
    if args.list:
        for name, alg, params, after in selected(args.only):
            print(f"{name}: {alg} {' '.join(params)}" + (f"  (after {', '.join(after)})" if after else ""))
        return 0
    if args.compare:
        return compare(*args.compare)
    if not args.plugin or not args.out:
        parser.error("give --plugin and --out, or --compare DIR_A DIR_B")
    take(args.plugin, args.out, args.jobs, args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
