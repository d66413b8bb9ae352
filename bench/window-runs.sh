#!/bin/bash
# window-runs.sh — the runs of the window benchmark, inside one X server and
# one D-Bus session (bench/cases/window.sh starts it under xvfb-run and
# dbus-run-session)
#
#   window-runs.sh RUNS OURS_RSS_FILE -- OURS… -- PEER…
#
# Runs both programs RUNS + 1 times, alternating which goes first, the
# first time of each as a warm-up. Each prints "first_frame_s=… loaded_s=…"
# and quits; this prints "ours …" or "peer …" before each such line, and
# "rss_kb=N" for each of our runs (from /usr/bin/time, written to
# OURS_RSS_FILE).
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -uo pipefail

runs=$1 rss_file=$2
shift 2
[ "$1" = -- ] && shift
ours=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do ours+=("$1"); shift; done
shift
peer=("$@")

run_side () {
  local side=$1 line
  if [ "$side" = ours ]; then
    line=$(/usr/bin/time -f 'rss_kb=%M' -o "$rss_file" "${ours[@]}" 2>/dev/null | grep '^first_frame_s=') || return 1
    echo "ours $line $(tail -n 1 "$rss_file")"
  else
    line=$("${peer[@]}" 2>/dev/null | grep '^first_frame_s=') || return 1
    echo "peer $line"
  fi
}

for run in $(seq 0 "$runs"); do
  if [ $((run % 2)) -eq 0 ]; then order=(ours peer); else order=(peer ours); fi
  for side in "${order[@]}"; do
    if ! run_side "$side"; then
      echo "error: the $side program printed no first frame" >&2
      exit 1
    fi
  done
done
