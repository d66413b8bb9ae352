# import-xlsx.sh — XLSX import against xlsx2csv followed by our CSV import
# shellcheck shell=bash
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The import benchmark's 1,000,000-row, 8-column CSV written as a workbook by
# gen-xlsx (libxlsxwriter, constant memory: numbers, a date column, inline
# text), imported into a fresh project with `asheville-equity-cli import`,
# against Debian's `xlsx2csv` converting the workbook to CSV followed by our
# import of that CSV, in the same run. Targets from the issue: at most the
# peer's time, peak RSS under 150 MB.

BENCHMARKS+=(import_xlsx_1m)

import_xlsx_1m_prepare_ours () {
  rm -f "$BENCH_WORK"/import-xlsx.equity "$BENCH_WORK"/import-xlsx.equity-*
}

import_xlsx_1m_prepare_peer () {
  rm -f "$BENCH_WORK"/import-xlsx-peer.equity "$BENCH_WORK"/import-xlsx-peer.equity-* \
        "$BENCH_WORK"/import-xlsx-peer.csv
}

bench_import_xlsx_1m () {
  local csv="$BENCH_WORK/311-1000000-seed311.csv"
  local xlsx="$BENCH_WORK/311-1000000-seed311.xlsx"
  local gen="$BUILD_DIR/bench/gen-csv" gen_xlsx="$BUILD_DIR/bench/gen-xlsx"
  local ours_rows peer_rows

  if ! command -v xlsx2csv >/dev/null; then
    bench_error import_xlsx_1m "xlsx2csv is not installed (apt install xlsx2csv)"
    return
  fi
  if [ ! -x "$gen_xlsx" ]; then
    bench_error import_xlsx_1m "$gen_xlsx is missing: is subdir('bench') in meson.build?"
    return
  fi
  if [ ! -s "$csv" ] && ! "$gen" --rows 1000000 --seed 311 "$csv"; then
    bench_error import_xlsx_1m "could not generate $csv"
    return
  fi
  if [ ! -s "$xlsx" ] || [ "$csv" -nt "$xlsx" ] || [ "$gen_xlsx" -nt "$xlsx" ]; then
    bench_note "writing $(basename "$xlsx")"
    if ! "$gen_xlsx" "$csv" "$xlsx.tmp.xlsx" || ! mv "$xlsx.tmp.xlsx" "$xlsx"; then
      bench_error import_xlsx_1m "could not write $xlsx"
      return
    fi
  fi
  bench_note "$(basename "$xlsx"): $(du -m "$xlsx" | cut -f1) MB"

  # both are passed to bench_compare by name
  # shellcheck disable=SC2034
  local ours=("$CLI" import "$BENCH_WORK/import-xlsx.equity" "$xlsx" --name 311) \
        peer=(sh -c 'xlsx2csv "$1" "$2" && exec "$3" import "$4" "$2" --name 311' sh
              "$xlsx" "$BENCH_WORK/import-xlsx-peer.csv" "$CLI" "$BENCH_WORK/import-xlsx-peer.equity")

  if ! bench_compare import_xlsx_1m import_xlsx_1m_prepare_ours ours xlsx2csv+import import_xlsx_1m_prepare_peer peer; then
    bench_error import_xlsx_1m "a command failed"
    return
  fi

  ours_rows=$("$CLI" datasets "$BENCH_WORK/import-xlsx.equity" --json |
              python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["rows"])')
  peer_rows=$("$CLI" datasets "$BENCH_WORK/import-xlsx-peer.equity" --json |
              python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["rows"])')
  if [ "$ours_rows" != 1000000 ] || [ "$peer_rows" != 1000000 ]; then
    bench_error import_xlsx_1m "row counts differ: ours $ours_rows, xlsx2csv+import $peer_rows, file 1000000"
    return
  fi

  bench_report import_xlsx_1m xlsx2csv+import target_ratio=1.0 target_rss_mb=150 rows=1000000 runs="$BENCH_RUNS"
  import_xlsx_1m_prepare_ours
  import_xlsx_1m_prepare_peer
}
