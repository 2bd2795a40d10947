#!/usr/bin/env bash
# The main job: flow dependencies on the bundled sample data, through qgis_process.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
mkdir -p output

run_case() {  # name territories id_field flows
    local name=$1 territories=$2 id_field=$3 flows=$4 gpkg="output/$1.gpkg"
    rm -f "$gpkg"
    echo "== $name: alliance:flowdependencies"
    qgis_process.bin --json run alliance:flowdependencies -- \
        INPUT="$territories" ID_FIELD="$id_field" FLOWS="$flows" THRESHOLD=15 \
        OUTPUT="ogr:dbname='$gpkg' table=\"territories\" (geom)" \
        OUTPUT_LINES="ogr:dbname='$gpkg' table=\"flow_lines\" (geom)" \
        > "output/$name.json" 2> "output/$name.log" \
        || { cat "output/$name.log" >&2; exit 1; }
    .venv/bin/python scripts/summary.py "output/$name.json" "$gpkg" "$id_field"
}

run_case austria sample_data/austria/at_nuts2_regions.gpkg nuts2 sample_data/austria/at_migration_od.csv
run_case canada sample_data/canada/ca_provinces.gpkg code sample_data/canada/ca_migration_od.csv
echo "Outputs: output/austria.gpkg, output/canada.gpkg (layers territories and flow_lines); logs in output/*.log"
