# import-csv.sh — CSV import against the sqlite3 shell's .import
# shellcheck shell=bash
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A 1,000,000-row, 8-column export like a city's 311 requests (gen-csv.c),
# imported into a fresh project with `asheville-equity-cli import`, against
# `sqlite3 NEW.db '.import --csv FILE t'` into a fresh database. Both read
# the same file, already in the page cache after the warm-up run, and write
# to the same directory. Targets from issue 12: at most 0.5× the shell's
# time with both cores, at most 0.75× with both sides pinned to one core,
# peak RSS under 150 MB at 1 and at 4 million rows.

BENCHMARKS+=(import_csv_1m import_csv_1m_one_core import_csv_4m_memory)

import_csv_seed=311

import_csv_prepare_ours () {
  rm -f "$BENCH_WORK"/import.equity "$BENCH_WORK"/import.equity-*
}

import_csv_prepare_peer () {
  rm -f "$BENCH_WORK"/import.db "$BENCH_WORK"/import.db-*
}

# import_csv_data NAME ROWS — makes the file of ROWS rows once (it depends
# only on rows and seed; made again when the generator was rebuilt) and sets
# IMPORT_CSV_FILE; reports NAME's error and returns 1 when it cannot.
IMPORT_CSV_FILE=""
import_csv_data () {
  local name=$1 rows=$2
  local csv="$BENCH_WORK/311-${rows}-seed${import_csv_seed}.csv"
  local gen="$BUILD_DIR/bench/gen-csv"

  if [ ! -x "$gen" ]; then
    bench_error "$name" "$gen is missing: is subdir('bench') in meson.build?"
    return 1
  fi
  if [ ! -s "$csv" ] || [ "$gen" -nt "$csv" ]; then
    bench_note "generating $(basename "$csv")"
    if ! "$gen" --rows "$rows" --seed "$import_csv_seed" "$csv.tmp" || ! mv "$csv.tmp" "$csv"; then
      bench_error "$name" "could not generate $csv"
      return 1
    fi
  fi
  bench_note "$(basename "$csv"): $(du -m "$csv" | cut -f1) MB, $((rows + 1)) lines"
  IMPORT_CSV_FILE=$csv
}

# import_csv_check NAME ROWS [PEER] — the outputs of the last run must hold
# every row (ours, and the peer's when PEER is given), or the times mean nothing
import_csv_check () {
  local name=$1 rows=$2 peer=${3:-}
  local ours_rows peer_rows=$rows

  ours_rows=$("$CLI" datasets "$BENCH_WORK/import.equity" --json |
              python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["rows"])')
  if [ -n "$peer" ]; then
    peer_rows=$(sqlite3 "$BENCH_WORK/import.db" 'SELECT count(*) FROM t')
  fi
  if [ "$ours_rows" != "$rows" ] || [ "$peer_rows" != "$rows" ]; then
    bench_error "$name" "row counts differ: ours $ours_rows, sqlite3 $peer_rows, file $rows"
    return 1
  fi
}

# import_csv_compare NAME ROWS TARGET_RATIO [PREFIX…] — ours against the
# shell's .import, both run under PREFIX (a taskset to one CPU, say)
import_csv_compare () {
  local name=$1 rows=$2 target_ratio=$3 cpus
  shift 3
  cpus=$([ $# -gt 0 ] && echo 1 || nproc)

  if ! command -v sqlite3 >/dev/null; then
    bench_error "$name" "the sqlite3 shell is not installed (apt install sqlite3)"
    return
  fi
  import_csv_data "$name" "$rows" || return

  # both are passed to bench_compare by name
  # shellcheck disable=SC2034
  local ours=("$@" "$CLI" import "$BENCH_WORK/import.equity" "$IMPORT_CSV_FILE") \
        peer=("$@" sqlite3 "$BENCH_WORK/import.db" ".import --csv \"$IMPORT_CSV_FILE\" t")

  if ! bench_compare "$name" import_csv_prepare_ours ours sqlite3 import_csv_prepare_peer peer; then
    bench_error "$name" "a command failed"
    return
  fi
  import_csv_check "$name" "$rows" peer || return

  bench_report "$name" sqlite3 target_ratio="$target_ratio" target_rss_mb=150 \
    rows="$rows" runs="$BENCH_RUNS" cpus="$cpus"
  import_csv_prepare_ours
  import_csv_prepare_peer
}

bench_import_csv_1m () {
  import_csv_compare import_csv_1m 1000000 0.5
}

# Both sides on CPU 0: our two threads (one parses while the other stores)
# get no second core, the single-threaded shell loses nothing.
bench_import_csv_1m_one_core () {
  if ! command -v taskset >/dev/null; then
    bench_error import_csv_1m_one_core "taskset is missing (apt install util-linux)"
    return
  fi
  import_csv_compare import_csv_1m_one_core 1000000 0.75 taskset -c 0
}

# Memory must not grow with the file: 4,000,000 rows (390 MB), ours alone
# (peak RSS needs no median and no peer), two measured runs after the
# warm-up to keep the whole run short.
bench_import_csv_4m_memory () {
  local rows=4000000
  local BENCH_RUNS=2
  # passed to bench_measure by name
  # shellcheck disable=SC2034
  local ours

  import_csv_data import_csv_4m_memory "$rows" || return
  ours=("$CLI" import "$BENCH_WORK/import.equity" "$IMPORT_CSV_FILE")
  if ! bench_measure import_csv_4m_memory import_csv_prepare_ours ours; then
    bench_error import_csv_4m_memory "a command failed"
    return
  fi
  import_csv_check import_csv_4m_memory "$rows" || return

  bench_report import_csv_4m_memory "" target_rss_mb=150 rows="$rows" runs="$BENCH_RUNS"
  import_csv_prepare_ours
}
