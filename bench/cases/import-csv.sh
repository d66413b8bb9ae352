# import-csv.sh — CSV import against the sqlite3 shell's .import
# shellcheck shell=bash
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A 1,000,000-row, 8-column export like a city's 311 requests (gen-csv.c),
# imported into a fresh project with `asheville-equity-cli import`, against
# `sqlite3 NEW.db '.import --csv FILE t'` into a fresh database. Both read
# the same file, already in the page cache after the warm-up run, and write
# to the same directory. Targets from the issue: at most 0.75× the shell's
# time, peak RSS under 150 MB.

BENCHMARKS+=(import_csv_1m)

import_csv_1m_rows=1000000
import_csv_1m_seed=311

import_csv_1m_prepare_ours () {
  rm -f "$BENCH_WORK"/import.equity "$BENCH_WORK"/import.equity-*
}

import_csv_1m_prepare_peer () {
  rm -f "$BENCH_WORK"/import.db "$BENCH_WORK"/import.db-*
}

bench_import_csv_1m () {
  local csv="$BENCH_WORK/311-${import_csv_1m_rows}-seed${import_csv_1m_seed}.csv"
  local gen="$BUILD_DIR/bench/gen-csv"
  local ours_rows peer_rows

  if ! command -v sqlite3 >/dev/null; then
    bench_error import_csv_1m "the sqlite3 shell is not installed (apt install sqlite3)"
    return
  fi
  if [ ! -x "$gen" ]; then
    bench_error import_csv_1m "$gen is missing: is subdir('bench') in meson.build?"
    return
  fi

  # The data depends only on rows and seed: made once, reused after that
  # unless the generator was rebuilt.
  if [ ! -s "$csv" ] || [ "$gen" -nt "$csv" ]; then
    bench_note "generating $(basename "$csv")"
    if ! "$gen" --rows "$import_csv_1m_rows" --seed "$import_csv_1m_seed" "$csv.tmp" ||
       ! mv "$csv.tmp" "$csv"; then
      bench_error import_csv_1m "could not generate $csv"
      return
    fi
  fi
  bench_note "$(basename "$csv"): $(du -m "$csv" | cut -f1) MB, $((import_csv_1m_rows + 1)) lines"

  # both are passed to bench_compare by name
  # shellcheck disable=SC2034
  local ours=("$CLI" import "$BENCH_WORK/import.equity" "$csv") \
        peer=(sqlite3 "$BENCH_WORK/import.db" ".import --csv \"$csv\" t")

  if ! bench_compare import_csv_1m import_csv_1m_prepare_ours ours sqlite3 import_csv_1m_prepare_peer peer; then
    bench_error import_csv_1m "a command failed"
    return
  fi

  # Both outputs of the last run must hold every row, or the times mean nothing.
  ours_rows=$("$CLI" datasets "$BENCH_WORK/import.equity" --json |
              python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["rows"])')
  peer_rows=$(sqlite3 "$BENCH_WORK/import.db" 'SELECT count(*) FROM t')
  if [ "$ours_rows" != "$import_csv_1m_rows" ] || [ "$peer_rows" != "$import_csv_1m_rows" ]; then
    bench_error import_csv_1m "row counts differ: ours $ours_rows, sqlite3 $peer_rows, file $import_csv_1m_rows"
    return
  fi

  bench_report import_csv_1m sqlite3 target_ratio=0.75 target_rss_mb=150 \
    rows="$import_csv_1m_rows" runs="$BENCH_RUNS"
  import_csv_1m_prepare_ours
  import_csv_1m_prepare_peer
}
