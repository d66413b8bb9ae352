# analysis.sh — the analysis benchmarks of bench/analysis.sh, run here
# shellcheck shell=bash
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bench/analysis.sh measures and reports on its own (area rates GROUP BY
# against the sqlite3 shell, the point-in-polygon join); this only runs it
# with the same build, runs and scratch space, and puts its lines in the table.

BENCHMARKS+=(analysis)

bench_analysis () {
  if [ ! -x "$BENCH_DIR/analysis.sh" ]; then
    bench_error analysis "$BENCH_DIR/analysis.sh is missing"
    return
  fi
  bench_external analysis "$BENCH_DIR/analysis.sh" "$BUILD_DIR"
}
