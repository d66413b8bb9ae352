# window.sh — the window's first frame on the sample project, against a bare
# libadwaita window
# shellcheck shell=bash
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `asheville-equity --sample` (the README's first command) under Xvfb, with
# EQUITY_STARTUP_REPORT set: the app prints the seconds from the start of its
# process (/proc/self/stat) to the first frame its window painted (the frame
# clock's after-paint), and to the sample project being open, then quits.
# The peer, bench-window-peer, is an AdwApplicationWindow with a header bar
# and a label timed by the same code: the toolkit's floor on this machine.
# Both run in the same X server and D-Bus session, alternately. Target from
# the issue: the first frame under 0.5 s; the ratio to the peer is reported.

BENCHMARKS+=(window_first_frame)

bench_window_first_frame () {
  local app="$BUILD_DIR/src/app/asheville-equity"
  local peer="$BUILD_DIR/bench/bench-window-peer"
  local data="$BENCH_WORK/window-xdg-data"
  local sample="$data/asheville-equity/Sample project.equity"
  local out="$BENCH_WORK/window.log"
  local ours_first=() ours_loaded=() peer_first=() rss=()
  local side first loaded kb

  if [ ! -x "$app" ] || [ ! -x "$peer" ]; then
    bench_error window_first_frame "$app or $peer is missing: build $BUILD_DIR with -Dgui=true"
    return
  fi
  if ! command -v xvfb-run >/dev/null || ! command -v dbus-run-session >/dev/null; then
    bench_error window_first_frame "xvfb-run and dbus-run-session are needed (apt install xvfb xauth dbus)"
    return
  fi

  # The sample as the app makes it on first use, made once: every timed run
  # opens it, as every start after the first does.
  if [ ! -s "$sample" ] || [ "$CLI" -nt "$sample" ]; then
    rm -f "$sample"
    mkdir -p "$(dirname "$sample")"
    if ! "$CLI" sample "$sample" >/dev/null; then
      bench_error window_first_frame "could not create the sample project with $CLI"
      return
    fi
  fi

  # settings in memory (defaults: the window at 1280 × 720) and the sample
  # under the scratch space, so the user's own settings play no part
  if ! xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \
       env GSETTINGS_SCHEMA_DIR="$BUILD_DIR/data" GSETTINGS_BACKEND=memory XDG_DATA_HOME="$data" \
           EQUITY_STARTUP_REPORT=1 \
       "$BENCH_DIR/window-runs.sh" "$BENCH_RUNS" "$BENCH_WORK/window.rss" \
       -- "$app" --sample -- "$peer" >"$out" 2>&1; then
    bench_error window_first_frame "a run failed: $(tail -n 3 "$out" | tr '\n' ' ')"
    return
  fi

  # a line: SIDE first_frame_s=F loaded_s=L [rss_kb=K]; the first of each
  # side is the warm-up
  local ours_seen=0 peer_seen=0 i
  while read -r side first loaded kb; do
    first=${first#first_frame_s=} loaded=${loaded#loaded_s=} kb=${kb#rss_kb=}
    case $side in
      ours)
        ours_seen=$((ours_seen + 1))
        [ $ours_seen -gt 1 ] && ours_first+=("$first") ours_loaded+=("$loaded") rss+=("$kb")
        ;;
      peer)
        peer_seen=$((peer_seen + 1))
        [ $peer_seen -gt 1 ] && peer_first+=("$first")
        ;;
    esac
  done <"$out"

  if [ ${#ours_first[@]} -ne "$BENCH_RUNS" ] || [ ${#peer_first[@]} -ne "$BENCH_RUNS" ]; then
    bench_error window_first_frame "expected $BENCH_RUNS runs of each, got ${#ours_first[@]} and ${#peer_first[@]}"
    return
  fi

  bench_note "warm-up done"
  for i in "${!ours_first[@]}"; do
    bench_note "$(printf 'run %d/%d: ours %.3f s (the project open at %.3f s), peer %.3f s' \
      $((i + 1)) "$BENCH_RUNS" "${ours_first[$i]}" "${ours_loaded[$i]}" "${peer_first[$i]}")"
  done

  # shellcheck disable=SC2034  # read by bench_report
  BENCH_OURS_S=$(bench_median "${ours_first[@]}")
  # shellcheck disable=SC2034
  BENCH_PEER_S=$(bench_median "${peer_first[@]}")
  # shellcheck disable=SC2034
  BENCH_OURS_RSS_MB=$(awk -v k="$(bench_max "${rss[@]}")" 'BEGIN { printf "%.1f", k / 1024 }')
  bench_report window_first_frame adwaita target_s=0.5 \
    loaded_s="$(bench_median "${ours_loaded[@]}")" runs="$BENCH_RUNS"
}
