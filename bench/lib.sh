# lib.sh — what every benchmark in bench/cases/ uses (sourced by run.sh)
# shellcheck shell=bash
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A case measures a command of ours, usually against a peer doing the same
# work, several times in one run, and reports medians with bench_report.
# Times are wall-clock seconds from bash's EPOCHREALTIME (microseconds);
# peak memory is the maximum resident set size /usr/bin/time reports (%M).

# Filled in by run.sh before any case runs:
#   BENCH_DIR   this directory (bench/ in the source tree)
#   BUILD_DIR   the meson build directory being measured
#   BENCH_WORK  a scratch directory for data and outputs (kept between runs)
#   BENCH_RUNS  measured runs per side (at least 3)
#   CLI         "$BUILD_DIR/src/cli/asheville-equity-cli"

# Set by bench_compare and bench_measure for the case to report:
# shellcheck disable=SC2034  # (read by the cases, and by run.sh)
BENCH_OURS_S=""          # median seconds of our command
BENCH_PEER_S=""          # median seconds of the peer's command
BENCH_OURS_RSS_MB=""     # highest peak RSS of our runs, in MB
BENCH_PEER_RSS_MB=""

# One line per benchmark, printed as a table at the end by run.sh
BENCH_TABLE=()
BENCH_FAILED=0

# bench_usage_unless_dir SCRIPT LINES DIR — unless DIR is a folder, prints
# the LINES (a sed range such as 2,16) of SCRIPT's header comment as its
# usage and exits 2
bench_usage_unless_dir () {
  if [ -z "$3" ] || [ ! -d "$3" ]; then
    sed -n "$2p" "$1" | sed 's/^# \{0,1\}//' >&2
    exit 2
  fi
}

bench_note () {
  printf '  %s\n' "$*"
}

# bench_median VALUE… — prints the median (the mean of the middle two when
# the count is even)
bench_median () {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 }
    END { if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# bench_max VALUE…
bench_max () {
  printf '%s\n' "$@" | sort -g | tail -n 1
}

# bench_run_once LOG CMD… — runs CMD with its output in LOG and prints
# "SECONDS PEAK_RSS_KB". Returns CMD's exit status.
bench_run_once () {
  local log=$1
  shift
  local rss_file="$BENCH_WORK/.rss"
  local start end status

  start=$EPOCHREALTIME
  /usr/bin/time -f '%M' -o "$rss_file" "$@" >"$log" 2>&1
  status=$?
  end=$EPOCHREALTIME
  if [ $status -ne 0 ]; then
    return $status
  fi
  # the decimal separator of EPOCHREALTIME follows the locale
  awk -v s="${start/,/.}" -v e="${end/,/.}" -v rss="$(tail -n 1 "$rss_file")" \
    'BEGIN { printf "%.6f %d\n", e - s, rss }'
}

# bench_run_side NAME SIDE PREPARE CMD — runs the function PREPARE, then the
# command in the array named CMD with its output in NAME.SIDE.log, and sets
# BENCH_RESULT to "SECONDS PEAK_RSS_KB"; when the command fails, shows its
# output and returns 1.
BENCH_RESULT=""
bench_run_side () {
  local name=$1 side=$2 prepare=$3
  local -n side_cmd=$4

  $prepare
  if ! BENCH_RESULT=$(bench_run_once "$BENCH_WORK/$name.$side.log" "${side_cmd[@]}"); then
    bench_note "FAILED: ${side_cmd[*]}"
    sed 's/^/    /' "$BENCH_WORK/$name.$side.log" | tail -n 20
    return 1
  fi
}

# bench_compare NAME OURS_PREPARE OURS_CMD PEER_NAME PEER_PREPARE PEER_CMD
#
# Runs our command and the peer's BENCH_RUNS times each, alternating which
# goes first so that drift in the machine's load hits both alike, after one
# unmeasured warm-up run of each. OURS_PREPARE and PEER_PREPARE are functions
# run before every run and not timed (removing the previous output, say);
# OURS_CMD and PEER_CMD name arrays holding the commands. A failing command
# fails the benchmark, with its output shown.
bench_compare () {
  local name=$1 ours_prepare=$2 peer_name=$4 peer_prepare=$5
  local -n ours_cmd=$3
  local -n peer_cmd=$6
  local ours_times=() peer_times=() ours_rss=() peer_rss=()
  local run side

  for run in $(seq 0 "$BENCH_RUNS"); do
    for side in ours peer; do
      # odd runs: the peer first
      if [ $((run % 2)) -eq 1 ]; then
        side=$([ "$side" = ours ] && echo peer || echo ours)
      fi
      if [ "$side" = ours ]; then
        bench_run_side "$name" ours "$ours_prepare" ours_cmd || return 1
        [ "$run" -gt 0 ] && ours_times+=("${BENCH_RESULT% *}") && ours_rss+=("${BENCH_RESULT#* }")
      else
        bench_run_side "$name" peer "$peer_prepare" peer_cmd || return 1
        [ "$run" -gt 0 ] && peer_times+=("${BENCH_RESULT% *}") && peer_rss+=("${BENCH_RESULT#* }")
      fi
    done
    if [ "$run" -eq 0 ]; then
      bench_note "warm-up done"
    else
      bench_note "$(printf 'run %d/%d: ours %.3f s (%.1f MB), %s %.3f s' "$run" "$BENCH_RUNS" \
        "${ours_times[-1]}" "$(awk -v k="${ours_rss[-1]}" 'BEGIN { print k / 1024 }')" \
        "$peer_name" "${peer_times[-1]}")"
    fi
  done

  BENCH_OURS_S=$(bench_median "${ours_times[@]}")
  BENCH_PEER_S=$(bench_median "${peer_times[@]}")
  BENCH_OURS_RSS_MB=$(awk -v k="$(bench_max "${ours_rss[@]}")" 'BEGIN { printf "%.1f", k / 1024 }')
  BENCH_PEER_RSS_MB=$(awk -v k="$(bench_max "${peer_rss[@]}")" 'BEGIN { printf "%.1f", k / 1024 }')
}

# bench_measure NAME OURS_PREPARE OURS_CMD — the same for a benchmark with
# no peer (an absolute target); sets BENCH_OURS_S and BENCH_OURS_RSS_MB.
bench_measure () {
  local name=$1 ours_prepare=$2
  local -n ours_cmd=$3
  local times=() rss=()
  local run

  for run in $(seq 0 "$BENCH_RUNS"); do
    bench_run_side "$name" ours "$ours_prepare" ours_cmd || return 1
    if [ "$run" -gt 0 ]; then
      times+=("${BENCH_RESULT% *}")
      rss+=("${BENCH_RESULT#* }")
      bench_note "$(printf 'run %d/%d: %.3f s' "$run" "$BENCH_RUNS" "${times[-1]}")"
    fi
  done

  BENCH_OURS_S=$(bench_median "${times[@]}")
  BENCH_PEER_S=""
  BENCH_OURS_RSS_MB=$(awk -v k="$(bench_max "${rss[@]}")" 'BEGIN { printf "%.1f", k / 1024 }')
}

# bench_report NAME PEER_NAME [target_ratio=R] [target_s=S] [target_rss_mb=M] [key=value…]
#
# Prints the machine-readable line
#   BENCH NAME ours_s=… PEER_s=… ratio=… peak_rss_mb=… target_…=… [key=value…] PASS|FAIL
# from what bench_compare or bench_measure left, and adds a row to the table.
# The verdict is PASS when every target given is met: ratio (ours / peer) at
# most target_ratio, ours at most target_s seconds, peak RSS under
# target_rss_mb.
bench_report () {
  local name=$1 peer_name=$2
  shift 2
  local target_ratio="" target_s="" target_rss_mb="" extra=() kv
  local ratio="" verdict=PASS line

  for kv in "$@"; do
    case $kv in
      target_ratio=*)  target_ratio=${kv#*=} ;;
      target_s=*)      target_s=${kv#*=} ;;
      target_rss_mb=*) target_rss_mb=${kv#*=} ;;
      *)               extra+=("$kv") ;;
    esac
  done

  line="BENCH $name ours_s=$BENCH_OURS_S"
  if [ -n "$BENCH_PEER_S" ]; then
    ratio=$(awk -v a="$BENCH_OURS_S" -v b="$BENCH_PEER_S" 'BEGIN { printf "%.3f", (b > 0) ? a / b : 0 }')
    line+=" ${peer_name}_s=$BENCH_PEER_S ratio=$ratio"
  fi
  line+=" peak_rss_mb=$BENCH_OURS_RSS_MB"

  if [ -n "$target_ratio" ]; then
    line+=" target_ratio=$target_ratio"
    # no peer time, no ratio: the target cannot be met
    [ -n "$ratio" ] && awk -v r="$ratio" -v t="$target_ratio" 'BEGIN { exit !(r <= t) }' || verdict=FAIL
  fi
  if [ -n "$target_s" ]; then
    line+=" target_s=$target_s"
    awk -v s="$BENCH_OURS_S" -v t="$target_s" 'BEGIN { exit !(s <= t) }' || verdict=FAIL
  fi
  if [ -n "$target_rss_mb" ]; then
    line+=" target_rss_mb=$target_rss_mb"
    awk -v m="$BENCH_OURS_RSS_MB" -v t="$target_rss_mb" 'BEGIN { exit !(m < t) }' || verdict=FAIL
  fi
  for kv in "${extra[@]}"; do
    line+=" $kv"
  done
  line+=" $verdict"
  echo "$line"

  [ "$verdict" = PASS ] || BENCH_FAILED=1
  BENCH_TABLE+=("$(printf '%s|%s|%s|%s|%s|%s|%s|%s' "$name" "$BENCH_OURS_S s" \
    "${BENCH_PEER_S:+$peer_name $BENCH_PEER_S s}" "$ratio" \
    "${target_ratio:+<= $target_ratio}${target_s:+<= $target_s s}" \
    "$BENCH_OURS_RSS_MB" "${target_rss_mb:+< $target_rss_mb}" "$verdict")")
}

# bench_external NAME CMD… — runs a benchmark program or script that does its
# own measuring and prints its own "BENCH name key=value… [PASS|FAIL]"
# lines. Its other output is shown indented; each BENCH line is passed on
# and goes into the table (a line without a verdict reports without judging).
# Exiting non-zero without a FAIL line counts as an error.
bench_external () {
  local name=$1
  shift
  local line saw_fail=0 status
  local out="$BENCH_WORK/$name.external.log"

  "$@" >"$out" 2>&1
  status=$?
  while IFS= read -r line; do
    case $line in
      "BENCH "*)
        echo "$line"
        bench_table_add_line "$line"
        case $line in *" FAIL"|*" ERROR") saw_fail=1 ;; esac
        ;;
      *)
        bench_note "$line"
        ;;
    esac
  done <"$out"
  if [ $saw_fail -eq 1 ]; then
    BENCH_FAILED=1
  elif [ $status -ne 0 ]; then
    bench_error "$name" "$1 exited with status $status"
  fi
}

# bench_table_add_line "BENCH name key=value… [VERDICT]" — a table row from
# a BENCH line: ours_s or ours_ms, the peer's *_s, ratio, the targets, RSS.
bench_table_add_line () {
  BENCH_TABLE+=("$(awk '{
    name = $2; verdict = "-"; ours = ""; peer = ""; ratio = ""; target = ""; rss = ""; rss_target = ""
    for (i = 3; i <= NF; i++) {
      if ($i !~ /=/) { verdict = $i; continue }
      k = substr($i, 1, index($i, "=") - 1); v = substr($i, index($i, "=") + 1)
      if (k == "ours_s") ours = v " s"
      else if (k == "ours_ms") ours = v " ms"
      else if (k == "ratio") ratio = v
      else if (k == "target_ratio") target = "<= " v
      else if (k == "target_s") target = "<= " v " s"
      else if (k == "target_ms") target = "<= " v " ms"
      else if (k == "peak_rss_mb") rss = v
      else if (k == "target_rss_mb") rss_target = "< " v
      else if (k ~ /_s$/ && peer == "") peer = substr(k, 1, length(k) - 2) " " v " s"
    }
    printf "%s|%s|%s|%s|%s|%s|%s|%s", name, ours, peer, ratio, target, rss, rss_target, verdict
  }' <<<"$1")")
}

# bench_error NAME MESSAGE — the benchmark could not run at all
# shellcheck disable=SC2034  # BENCH_FAILED is run.sh's exit status
bench_error () {
  echo "BENCH $1 ERROR"
  bench_note "$2"
  BENCH_FAILED=1
  BENCH_TABLE+=("$1|-|-|-|-|-|-|ERROR")
}
