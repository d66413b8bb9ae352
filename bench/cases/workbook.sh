# workbook.sh — a 1,000,000-row data sheet against exceljs' streaming writer
# shellcheck shell=bash
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The import benchmark's 1,000,000-row, 8-column CSV, imported once into a
# project; then `asheville-equity-cli export P out.xlsx --include-data 311`
# (a workbook of that data sheet alone) against exceljs' streaming
# WorkbookWriter (npm, installed into the scratch space) writing the same rows
# from the CSV. Targets from the issue: at most exceljs' time, peak memory
# under 150 MB.

BENCHMARKS+=(workbook_data_1m)

workbook_data_1m_prepare_ours () {
  rm -f "$BENCH_WORK"/workbook-ours.xlsx
}

workbook_data_1m_prepare_peer () {
  rm -f "$BENCH_WORK"/workbook-peer.xlsx
}

bench_workbook_data_1m () {
  local csv="$BENCH_WORK/311-1000000-seed311.csv"
  local gen="$BUILD_DIR/bench/gen-csv"
  local project="$BENCH_WORK/workbook.equity"
  local node_dir="$BENCH_WORK/node"

  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    bench_error workbook_data_1m "node and npm are needed for exceljs (apt install nodejs npm)"
    return
  fi
  if [ ! -d "$node_dir/node_modules/exceljs" ]; then
    bench_note "installing exceljs with npm"
    if ! npm install --silent --no-audit --no-fund --prefix "$node_dir" exceljs@4 >/dev/null; then
      bench_error workbook_data_1m "npm could not install exceljs"
      return
    fi
  fi
  if [ ! -s "$csv" ] && ! "$gen" --rows 1000000 --seed 311 "$csv"; then
    bench_error workbook_data_1m "could not generate $csv"
    return
  fi
  if [ ! -s "$project" ] || [ "$csv" -nt "$project" ]; then
    rm -f "$project" "$project"-*
    if ! "$CLI" import "$project" "$csv" --name 311 >/dev/null; then
      bench_error workbook_data_1m "could not import $csv"
      return
    fi
  fi

  # both are passed to bench_compare by name
  # shellcheck disable=SC2034
  local ours=("$CLI" export "$project" "$BENCH_WORK/workbook-ours.xlsx" --include-data 311) \
        peer=(env NODE_PATH="$node_dir/node_modules" node "$BENCH_DIR/exceljs-write.js" "$csv"
              "$BENCH_WORK/workbook-peer.xlsx")

  if ! bench_compare workbook_data_1m workbook_data_1m_prepare_ours ours exceljs workbook_data_1m_prepare_peer peer; then
    bench_error workbook_data_1m "a command failed"
    return
  fi
  bench_report workbook_data_1m exceljs target_ratio=1.0 target_rss_mb=150 rows=1000000 runs="$BENCH_RUNS"
  workbook_data_1m_prepare_ours
  workbook_data_1m_prepare_peer
}
