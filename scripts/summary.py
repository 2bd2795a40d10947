"""Print a short, readable summary of a flowdependencies run (qgis_process JSON + GeoPackage).

    python scripts/summary.py RESULT.json OUTPUT.gpkg ID_FIELD
"""

import json
import sqlite3
import sys


def main(json_path, gpkg_path, id_field, limit=5):
    with open(json_path, encoding="utf-8") as handle:
        results = json.load(handle)["results"]
    print(f"  total volume {results['TOTAL_VOLUME']:,.0f} in {results['PAIRS_USED']:.0f} pairs; "
          f"{results['UNMATCHED_ROWS']:.0f} rows matched no territory; "
          f"{results['LINES_WRITTEN']:.0f} flow lines")
    with sqlite3.connect(gpkg_path) as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(territories)")}
        label = "name" if "name" in columns else id_field
        rows = db.execute(
            f'SELECT t."{label}", coalesce(p."{label}", t.main_partner), t.main_share, t.role '
            f'FROM territories t LEFT JOIN territories p ON p."{id_field}" = t.main_partner '
            "WHERE t.main_share IS NOT NULL GROUP BY t.fid ORDER BY t.main_share DESC LIMIT ?",
            (limit,)).fetchall()
    print("  top dependencies (share of the outflow going to the main partner):")
    for territory, partner, share, role in rows:
        print(f"    {territory:<28} -> {partner:<28} {100 * share:5.1f} %  ({role})")


if __name__ == "__main__":
    main(*sys.argv[1:4])
