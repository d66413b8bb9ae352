#!/bin/bash
# run.sh — the benchmarks: our build against its peers, in one run
#
#   bench/run.sh BUILD_DIR [NAME…]
#
# BUILD_DIR is a meson build of this tree (a release build, as
# `build-aux/setup.sh bench` makes). Without NAMEs every benchmark in
# bench/cases/ runs. Environment:
#   BENCH_RUNS=N     measured runs per side (default 5, at least 3)
#   BENCH_WORK=DIR   scratch space for data and outputs
#                    (default BUILD_DIR/bench-work; needs about 1.3 GB)
#
# Prints progress, one "BENCH name key=value… PASS|FAIL" line per benchmark,
# then a table. Exits 0 when every benchmark passes, 1 when one fails or
# cannot run, 2 on a usage error. bench/README.md says how to read it.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -uo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"
bench_usage_unless_dir "$0" 2,16 "${1:-}"

BUILD_DIR=$(cd "$1" && pwd)
shift
CLI="$BUILD_DIR/src/cli/asheville-equity-cli"
BENCH_RUNS=${BENCH_RUNS:-5}
BENCH_WORK=${BENCH_WORK:-$BUILD_DIR/bench-work}

if ! [ "$BENCH_RUNS" -ge 3 ] 2>/dev/null; then
  echo "BENCH_RUNS must be a number, 3 or more (a median of fewer says little)" >&2
  exit 2
fi
if [ ! -x "$CLI" ]; then
  echo "$CLI is missing: build $BUILD_DIR first" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "/usr/bin/time is missing: apt install time" >&2
  exit 2
fi
mkdir -p "$BENCH_WORK" || exit 2
BENCH_WORK=$(cd "$BENCH_WORK" && pwd)
# for the benchmarks that are scripts of their own (bench_external)
export BENCH_RUNS BENCH_WORK

BENCHMARKS=()
for case_file in "$BENCH_DIR"/cases/*.sh; do
  # shellcheck disable=SC1090
  . "$case_file"
done

selected=("$@")
if [ ${#selected[@]} -eq 0 ]; then
  selected=("${BENCHMARKS[@]}")
fi
for name in "${selected[@]}"; do
  if ! declare -F "bench_$name" >/dev/null; then
    echo "no benchmark named '$name'; there are: ${BENCHMARKS[*]}" >&2
    exit 2
  fi
done

# What the numbers depend on, so that a reader can judge them.
buildtype=$(python3 -c 'import json, sys
for o in json.load(open(sys.argv[1])):
    if o["name"] == "buildtype": print(o["value"])' "$BUILD_DIR/meson-info/intro-buildoptions.json" 2>/dev/null)
echo "Benchmarks of $("$CLI" --version) (${buildtype:-unknown} build in $BUILD_DIR)"
echo "  $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $(uname -r)," \
     "sqlite3 $(sqlite3 --version 2>/dev/null | cut -d' ' -f1)"
echo "  $BENCH_RUNS measured runs per side after a warm-up; medians; work in $BENCH_WORK"
if [ -n "$buildtype" ] && [ "$buildtype" != release ]; then
  echo "  warning: not a release build; numbers will be pessimistic"
fi
if awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
  echo "  warning: the machine is busy; ratios hold better than absolute times"
fi

for name in "${selected[@]}"; do
  echo
  echo "== $name"
  "bench_$name"
done

echo
{
  echo "benchmark|ours|peer|ratio|target|peak RSS (MB)|target|result"
  printf '%s\n' "${BENCH_TABLE[@]}"
} | awk -F '|' '
  # a plain table: columns as wide as their widest cell
  { rows[NR] = $0; for (i = 1; i <= NF; i++) if (length($i) > w[i]) w[i] = length($i); if (NF > nf) nf = NF }
  END {
    for (r = 1; r <= NR; r++) {
      n = split(rows[r], cell, "|")
      line = ""
      for (i = 1; i <= n; i++) line = line sprintf("%-*s  ", w[i], cell[i])
      sub(/ +$/, "", line)
      print line
    }
  }'

exit $BENCH_FAILED
