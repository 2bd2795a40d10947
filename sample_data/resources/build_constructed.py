"""Rebuild the constructed resource case of sample_data/resources/ (see sample_data/README.md, "resources/").

    cd /work/main && .venv/bin/python sample_data/resources/build_constructed.py [path/to/departements_naturalearth_pop.gpkg]

Real inputs: the 16 departements of the Paris basin (Ile-de-France and the ring around it), their Natural Earth
polygons and their INSEE legal populations 2019 and 2023, from ``departements_naturalearth_pop.gpkg`` (the shared
test data: npm @etalab/decoupage-administratif, Licence Ouverte 2.0; polygons Natural Earth, public domain).
Everything else (classes, production, consumption, flows) is CONSTRUCTED by the rules below, from national
figures whose sources are cited next to each constant. Nothing here is an observed departemental statistic.
"""

import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
SOURCE = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "shared/data/france_population/departements_naturalearth_pop.gpkg"
if not SOURCE.exists():
    SOURCE = Path("/work/shared/data/france_population/departements_naturalearth_pop.gpkg")

#: Ile-de-France (8) and the 8 departements around it.
CODES = ["75", "92", "93", "94", "77", "78", "91", "95", "02", "10", "27", "28", "45", "51", "60", "89"]
EQUAL_AREA = 3035    # ETRS89-LAEA, for areas (km2)
METRIC = 2154        # Lambert-93, for distances between centroids (km)

# Classes: a density rule borrowing the thresholds of the Degree of Urbanisation (urban centre cells >= 1,500
# inhabitants per km2, urban cluster cells >= 300; EC, FAO, UN-Habitat et al. 2021) applied to whole departements.
URBAN_CENTRE, PERI_URBAN = 1500.0, 300.0

# Consumption per person and year.
FOOD_KCAL_DAY = 3540.0            # FAO Statistical Pocketbook 2022: dietary energy supply, Europe and North America
WATER_M3 = 81.0                   # SDES (2021 data): drinking-water abstraction per inhabitant, metropolitan France
ELEC_CONSUMPTION_TWH = 473.0      # RTE Bilan electrique 2019: consumption corrected for weather, metropolitan France

# Production.
FARMLAND_SHARE = {"urban centre": 0.02, "peri-urban": 0.30, "rural": 0.60}  # ours; national SAU 26.7 Mha of
#                                  54.9 Mha, about 49 % (Agreste, Recensement agricole 2020)
FOOD_MKCAL_PER_HA = 10.0          # ours: a round mid figure (wheat at about 7 t/ha x 3,400 kcal/kg is about 24
#                                  Mkcal/ha; grassland and livestock give far less)
WATER_ABSTRACTION_M3 = 5.3e9      # SDES: drinking-water abstraction 2021, metropolitan France, shared by area
ELEC_PRODUCTION_TWH = 537.7       # RTE Bilan electrique 2019: production, metropolitan France
NUCLEAR_TWH, NUCLEAR_MW = 379.5, 63130.0   # RTE 2019: nuclear production; installed nuclear capacity
NUCLEAR_PLANTS = {"10": 2 * 1300.0,  # Nogent-sur-Seine (Aube), 2 x 1,300 MW
                  "45": 4 * 900.0}   # Dampierre-en-Burly (Loiret), 4 x 900 MW

# Commuting (workers living in i and working in j).
EMPLOYED_SHARE = 0.41             # about 28 million employed of 68 million inhabitants (INSEE, Enquete emploi)
OUT_COMMUTING = {"urban centre": 0.25, "peri-urban": 0.40, "rural": 0.15}   # ours: share working in another
JOB_WEIGHT = {"urban centre": 1.5, "peri-urban": 0.8, "rural": 0.6}         # ours: jobs per inhabitant, relative


def furness(seed, supply, demand, rounds=200):
    """Doubly-constrained gravity (Wilson 1970): T = a_j b_i seed_ji with row sums ``supply``, column sums ``demand``
    (equal totals)."""
    flows = seed.copy()
    for _ in range(rounds):
        rows = flows.sum(axis=1)
        flows *= np.divide(supply, rows, out=np.zeros_like(rows), where=rows > 0)[:, None]
        cols = flows.sum(axis=0)
        flows *= np.divide(demand, cols, out=np.zeros_like(cols), where=cols > 0)[None, :]
    return flows


def main():
    every = gpd.read_file(SOURCE)
    metropolitan = every[every["gu_a3"] == "FXX"]
    france_km2 = metropolitan.to_crs(EQUAL_AREA).area.sum() / 1e6
    france_pop2019 = float(metropolitan["pop2019"].sum())
    elec_mwh = ELEC_CONSUMPTION_TWH * 1e6 / france_pop2019
    other_mwh_km2 = (ELEC_PRODUCTION_TWH - NUCLEAR_TWH) * 1e6 / france_km2
    load_factor = NUCLEAR_TWH * 1e6 / (NUCLEAR_MW * 8760.0)

    t = every[every["code"].isin(CODES)].copy()
    t["order"] = t["code"].map(CODES.index)
    t = t.sort_values("order").reset_index(drop=True)
    t["name"] = t["name"].replace({"Seien-et-Marne": "Seine-et-Marne"})  # a typo of Natural Earth's
    t["area_km2"] = (t.to_crs(EQUAL_AREA).area / 1e6).round(1)
    t["density"] = (t["pop2023"] / t["area_km2"]).round(1)
    t["class"] = np.where(t["density"] >= URBAN_CENTRE, "urban centre",
                          np.where(t["density"] >= PERI_URBAN, "peri-urban", "rural"))
    pop = t["pop2023"].to_numpy(dtype=float)
    area = t["area_km2"].to_numpy(dtype=float)
    farmland_ha = area * 100.0 * t["class"].map(FARMLAND_SHARE).to_numpy()
    nuclear = t["code"].map(NUCLEAR_PLANTS).fillna(0.0).to_numpy() * 8760.0 * load_factor
    values = {
        "food": ("Mkcal", farmland_ha * FOOD_MKCAL_PER_HA, pop * FOOD_KCAL_DAY * 365.0 / 1e6),
        "water": ("m3", area * WATER_ABSTRACTION_M3 / france_km2, pop * WATER_M3),
        "energy": ("MWh", area * other_mwh_km2 + nuclear, pop * elec_mwh),
    }
    rows = []
    for resource, (unit, production, consumption) in values.items():
        for code, p, c in zip(t["code"], np.round(production), np.round(consumption)):
            rows.append({"territory": code, "resource": resource, "unit": unit, "production": int(p),
                         "consumption": int(c)})
    table = pd.DataFrame(rows)

    centroids = t.to_crs(METRIC).geometry.centroid
    xy = np.column_stack([centroids.x, centroids.y]) / 1000.0
    distance = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(distance, np.inf)
    flows = []
    for resource in values:
        part = table[table["resource"] == resource]
        net = (part["production"] - part["consumption"]).to_numpy(dtype=float)
        surplus, deficit = np.maximum(net, 0.0), np.maximum(-net, 0.0)
        moved = min(surplus.sum(), deficit.sum())
        supply = surplus * moved / surplus.sum()
        demand = deficit * moved / deficit.sum()
        matrix = furness(np.outer(surplus > 0, deficit > 0) / distance, supply, demand)
        for j, i in zip(*np.nonzero(np.round(matrix) > 0)):
            flows.append({"origin": t["code"][j], "destination": t["code"][i], "flow_type": resource,
                          "volume": int(round(matrix[j, i]))})
    workers = pop * EMPLOYED_SHARE * t["class"].map(OUT_COMMUTING).to_numpy()
    attraction = (pop * t["class"].map(JOB_WEIGHT).to_numpy())[None, :] / distance ** 2
    commuting = workers[:, None] * attraction / attraction.sum(axis=1, keepdims=True)
    for i, j in zip(*np.nonzero(np.round(commuting) >= 1)):
        flows.append({"origin": t["code"][i], "destination": t["code"][j], "flow_type": "commuting",
                      "volume": int(round(commuting[i, j]))})
    flows = pd.DataFrame(flows)

    territories = t[["code", "name", "pop2019", "pop2023", "area_km2", "density", "class", "geometry"]].rename(columns={"class": "urban_rural"})
    territories = territories.rename(columns={"pop2023": "population"})
    target = HERE / "paris_basin_departements.gpkg"
    target.unlink(missing_ok=True)
    territories.to_file(target, layer="departements", driver="GPKG")
    table.to_csv(HERE / "resources_constructed.csv", index=False)
    flows.to_csv(HERE / "flows_constructed.csv", index=False)
    print(f"metropolitan France: {france_km2:,.0f} km2, {france_pop2019:,.0f} inhabitants (2019); electricity "
          f"{elec_mwh:.4f} MWh per person; other production {other_mwh_km2:.2f} MWh per km2; nuclear load factor "
          f"{load_factor:.4f}")
    print(territories.drop(columns="geometry").to_string())
    print(table.assign(net=table.production - table.consumption).to_string())
    print(flows.groupby("flow_type")["volume"].agg(["count", "sum"]))


if __name__ == "__main__":
    main()
