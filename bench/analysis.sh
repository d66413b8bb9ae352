#!/bin/bash
# analysis.sh — the analysis benchmarks
#
#   bench/analysis.sh BUILD_DIR
#
# area_rates_1m: `asheville-equity-cli analyze` of an area-rates spec over
#   1,000,000 events keyed to 500 areas, against the same GROUP BY run by the
#   sqlite3 shell on the same project file. Target: ours ≤ 0.5 × sqlite3.
# group_rates_1m: a group-rates spec over 1,000,000 events in six groups
#   (race codes, skewed as arrests are) against a one-row population table,
#   against the GROUP BY of the group column. Target: ours ≤ 0.5 × sqlite3.
# pip_join_1m_462: the same area-rates analysis with events placed by
#   latitude and longitude into the 462 Charlotte NPA polygons (point in
#   polygon, holes and all), reported with its points per second. No tool on
#   the machine does the exact join (no SpatiaLite module, no GDAL programs),
#   so it has no peer; for scale only, sqlite3 joining the points to the
#   polygons' R*Tree of bounding boxes (no exact test) is shown beside it.
#
# The data are made here with a fixed seed (a Park–Miller generator in awk,
# exact in any awk's doubles), so every machine measures the same files.
# Environment:
#   BENCH_RUNS=N    measured runs per side (default 3), medians reported
#   BENCH_WORK=DIR  scratch space (default BUILD_DIR/bench-work/analysis, ~150 MB)
#
# Prints one "BENCH name key=value… PASS|FAIL" line per benchmark. Exits 0
# when every target is met, 1 otherwise, 2 on a usage error.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -uo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"
bench_usage_unless_dir "$0" 2,22 "${1:-}"
BUILD_DIR=$(cd "$1" && pwd)
CLI="$BUILD_DIR/src/cli/asheville-equity-cli"
RUNS=${BENCH_RUNS:-3}
WORK=${BENCH_WORK:-$BUILD_DIR/bench-work}/analysis
TARGET_RATIO=0.5
NPA="$BENCH_DIR/data/npa_geography.geojson"

for tool in sqlite3 awk; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }
done
[ -x "$CLI" ] || { echo "$CLI is missing: build $BUILD_DIR first" >&2; exit 2; }
[ -f "$NPA" ] || { echo "$NPA is missing" >&2; exit 2; }
mkdir -p "$WORK" || exit 2

# seconds as a decimal, whatever the locale's separator
now () {
  local t=$EPOCHREALTIME
  echo "${t/,/.}"
}

# import_as PROJECT FILE NAME — imports FILE into PROJECT as the dataset NAME
# shellcheck disable=SC2317
import_as () {
  "$CLI" import "$1" "$2" --name "$3" >/dev/null
}

# time_once CMD… — prints the wall-clock seconds CMD took; its output is dropped
time_once () {
  local start end
  start=$(now)
  "$@" >/dev/null 2>"$WORK/.stderr" || { cat "$WORK/.stderr" >&2; return 1; }
  end=$(now)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f\n", e - s }'
}

# measure_pair OURS PEER — runs the commands OURS and PEER (functions) once
# each to warm the page cache, then RUNS times each, and sets ours_s and
# peer_s to the median seconds
measure_pair () {
  local ours=() peer=() t
  time_once "$1" >/dev/null || return 1
  time_once "$2" >/dev/null || return 1
  for _ in $(seq 1 "$RUNS"); do
    t=$(time_once "$1") || return 1
    ours+=("$t")
    t=$(time_once "$2") || return 1
    peer+=("$t")
  done
  ours_s=$(bench_median "${ours[@]}")
  peer_s=$(bench_median "${peer[@]}")
}

# sql_name DATASET COLUMN — prints "TABLE|cN" from the project's catalog
sql_name () {
  sqlite3 "$1" "SELECT 'ds_' || d.id || '|c' || c.position FROM datasets d
                JOIN dataset_columns c ON c.dataset_id = d.id
                WHERE d.name = '$2' AND c.name = '$3';"
}

FAILED=0

# make_once STAMP WHAT MAKER — runs MAKER (a function) to make WHAT in $WORK,
# unless an earlier run finished it: STAMP in $WORK says so
make_once () {
  [ -f "$WORK/$1" ] && return 0
  echo "  making $2 in $WORK (once)…" >&2
  "$3" && touch "$WORK/$1"
}

# the events and areas, and the points and NPA populations (called through make_once)
# shellcheck disable=SC2317
make_data () {
  rm -f "$WORK"/*.equity* "$WORK"/*.csv
  # 1,000,000 events: an id, an area key A0001…A0500, an amount
  awk 'BEGIN { x = 20240101; print "event_id,area,amount"
    for (i = 1; i <= 1000000; i++) {
      x = (x * 16807) % 2147483647; a = x % 500
      x = (x * 16807) % 2147483647
      printf "%d,A%04d,%.2f\n", i, a + 1, (x % 100000) / 100 } }' > "$WORK/events.csv"
  awk 'BEGIN { x = 77; print "area,population"
    for (i = 1; i <= 500; i++) { x = (x * 16807) % 2147483647; printf "A%04d,%d\n", i, 500 + x % 9500 } }' \
    > "$WORK/areas.csv"
  # 1,000,000 points spread over the NPAs' bounding box: about half fall
  # outside every polygon, the rest across all 462
  awk 'BEGIN { x = 4242; print "point_id,latitude,longitude"
    for (i = 1; i <= 1000000; i++) {
      x = (x * 16807) % 2147483647; lat = 35.0016 + (x / 2147483647) * 0.5136
      x = (x * 16807) % 2147483647; lon = -81.0582 + (x / 2147483647) * 0.5078
      printf "%d,%.6f,%.6f\n", i, lat, lon } }' > "$WORK/points.csv"
  grep -o '"id": "[0-9]*"' "$NPA" | tr -dc '0-9\n' |
    awk 'BEGIN { x = 99; print "npa,population" }
         { x = (x * 16807) % 2147483647; printf "%s,%d\n", $1, 800 + x % 12000 }' > "$WORK/npa_population.csv"

  import_as "$WORK/rates.equity" "$WORK/events.csv" events &&
  import_as "$WORK/rates.equity" "$WORK/areas.csv" areas &&
  import_as "$WORK/pip.equity" "$NPA" npa &&
  import_as "$WORK/pip.equity" "$WORK/npa_population.csv" npa_population &&
  import_as "$WORK/pip.equity" "$WORK/points.csv" points || return 1

  cat > "$WORK/area-rates.ini" <<'EOF'
[analysis]
name = Benchmark: area rates
kind = area-rates
events = events
area-column = area
population = areas
population-key = area
population-column = population
EOF
  cat > "$WORK/pip.ini" <<'EOF'
[analysis]
name = Benchmark: points in NPAs
kind = area-rates
events = points
lat-column = latitude
lon-column = longitude
areas = npa
areas-key = id
population = npa_population
population-key = npa
population-column = population
EOF
}

# 1,000,000 events in six groups, and the population of each (made apart from
# the other data, so a scratch space made before them is kept)
# shellcheck disable=SC2317
make_group_data () {
  rm -f "$WORK"/groups.equity* "$WORK"/arrests.csv "$WORK"/city.csv
  awk 'BEGIN { x = 31337; print "arrest_id,race,bond"
    split("W W W W B B B A I M H H", codes, " ")
    for (i = 1; i <= 1000000; i++) {
      x = (x * 16807) % 2147483647; r = codes[x % 12 + 1]
      x = (x * 16807) % 2147483647
      printf "%d,%s,%.2f\n", i, r, (x % 500000) / 100 } }' > "$WORK/arrests.csv"
  printf 'w,b,a,i,m,h\n5420000,2310000,410000,110000,320000,1100000\n' > "$WORK/city.csv"
  import_as "$WORK/groups.equity" "$WORK/arrests.csv" arrests &&
  import_as "$WORK/groups.equity" "$WORK/city.csv" city || return 1
  cat > "$WORK/group-rates.ini" <<'EOF'
[analysis]
name = Benchmark: group rates
kind = group-rates
events = arrests
group-column = race
population = city
reference = W

[groups]
W = w
B = b
A = a
I = i
M = m
H = h
EOF
}

# the commands measured (called through measure_pair): a spec of ours
# against the GROUP BY of its key column, both over RATES_PROJECT
# shellcheck disable=SC2317
rates_ours () {
  "$CLI" analyze "$WORK/$RATES_PROJECT" "$WORK/$RATES_SPEC" --json
}

# shellcheck disable=SC2317
rates_peer () {
  sqlite3 "$WORK/$RATES_PROJECT" "SELECT $RATES_COLUMN, count(*) FROM \"$RATES_TABLE\" GROUP BY $RATES_COLUMN;"
}

# bench_rates NAME PROJECT SPEC DATASET KEY_COLUMN
bench_rates () {
  local names ours_s peer_s ratio verdict
  RATES_PROJECT=$2
  RATES_SPEC=$3
  names=$(sql_name "$WORK/$2" "$4" "$5")
  RATES_TABLE=${names%%|*}
  RATES_COLUMN=${names##*|}
  measure_pair rates_ours rates_peer || return 1
  ratio=$(awk -v a="$ours_s" -v b="$peer_s" 'BEGIN { printf "%.2f", a / b }')
  verdict=$(awk -v r="$ratio" -v t="$TARGET_RATIO" 'BEGIN { print (r <= t) ? "PASS" : "FAIL" }')
  [ "$verdict" = PASS ] || FAILED=1
  echo "BENCH $1 ours_s=$ours_s sqlite3_s=$peer_s ratio=$ratio target_ratio=$TARGET_RATIO $verdict"
}

# shellcheck disable=SC2317
pip_ours () {
  "$CLI" analyze "$WORK/pip.equity" "$WORK/pip.ini" --json
}

# shellcheck disable=SC2317
pip_peer () {
  sqlite3 "$WORK/pip.equity" "$RTREE_SQL"
}

bench_pip () {
  local points bbox ours_s peer_s outside
  points=$(sql_name "$WORK/pip.equity" points latitude)
  bbox=$(sqlite3 "$WORK/pip.equity" "SELECT 'ds_' || id || '_bbox' FROM datasets WHERE name = 'npa';")
  local lat=${points##*|} table=${points%%|*}
  local lon
  lon=$(sql_name "$WORK/pip.equity" points longitude)
  lon=${lon##*|}
  RTREE_SQL="SELECT count(*) FROM \"$table\" p, \"$bbox\" b
             WHERE b.min_x <= p.$lon AND b.max_x >= p.$lon AND b.min_y <= p.$lat AND b.max_y >= p.$lat;"

  measure_pair pip_ours pip_peer || return 1
  outside=$("$CLI" analyze "$WORK/pip.equity" "$WORK/pip.ini" --json | awk -F': *' '/"outside"/ { gsub(/[ ,]/, "", $2); print $2 }')
  echo "BENCH pip_join_1m_462 ours_s=$ours_s sqlite3_rtree_only_s=$peer_s" \
       "points_per_s=$(awk -v s="$ours_s" 'BEGIN { printf "%.0f", 1000000 / s }')" \
       "points=1000000 polygons=462 outside=$outside peer=none"
}

make_once data-v1 "the data" make_data || { echo "BENCH area_rates_1m FAIL (could not make the data)"; exit 1; }
bench_rates area_rates_1m rates.equity area-rates.ini events area || { echo "BENCH area_rates_1m FAIL (a command failed)"; FAILED=1; }
if make_once groups-v1 "the group data" make_group_data; then
  bench_rates group_rates_1m groups.equity group-rates.ini arrests race || { echo "BENCH group_rates_1m FAIL (a command failed)"; FAILED=1; }
else
  echo "BENCH group_rates_1m FAIL (could not make the data)"
  FAILED=1
fi
bench_pip || { echo "BENCH pip_join_1m_462 FAIL (a command failed)"; FAILED=1; }
exit $FAILED
