# scan.sh — the environmental scan against its analyses run one by one
# shellcheck shell=bash
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `asheville-equity-cli scan P` on the sample project, against
# `asheville-equity-cli analyze P SPEC.ini` run once for each measure the scan
# ranks: the saved analyses that compare groups or areas, as saved, and the
# area-rates measures the scan builds beside them (another year's count
# column over its namesake population column, docs/methods.md §11), written
# as specs from the saved one. Target from the issue: the scan no slower.

BENCHMARKS+=(scan_sample)

scan_sample_prepare () {
  :
}

bench_scan_sample () {
  local project="$BENCH_WORK/scan.equity" specs="$BENCH_WORK/scan-specs"
  local n_specs

  rm -f "$project" "$project"-*
  rm -rf "$specs"
  mkdir -p "$specs"
  if ! "$CLI" sample "$project" >/dev/null; then
    bench_error scan_sample "could not create the sample project"
    return
  fi
  # one spec per measure of the scan's own output
  if ! "$CLI" scan "$project" --json >"$specs/scan.json" ||
     ! "$CLI" analyses "$project" --json >"$specs/analyses.json" ||
     ! python3 - "$specs" <<'PY'
import json, re, sys
folder = sys.argv[1]
saved = {a["name"]: a["spec"] for a in json.load(open(folder + "/analyses.json"))}
measures = sorted({row["measure"] for row in json.load(open(folder + "/scan.json"))})
for i, measure in enumerate(measures):
    if measure in saved:
        spec = saved[measure]
    else:
        events, column = measure.rsplit(": ", 1)
        base = next(s for s in saved.values()
                    if "kind=area-rates" in s and re.search(r"^events=" + re.escape(events) + "$", s, re.M))
        spec = re.sub(r"^name=.*$", "name=" + measure, base, flags=re.M)
        spec = re.sub(r"^count-column=.*$", "count-column=" + column, spec, flags=re.M)
        spec = re.sub(r"^population-column=.*$", "population-column=" + column, spec, flags=re.M)
    open("%s/measure-%02d.ini" % (folder, i), "w").write(spec)
PY
  then
    bench_error scan_sample "could not write the measures' specs"
    return
  fi
  n_specs=$(find "$specs" -name 'measure-*.ini' | wc -l)
  bench_note "the scan ranks $n_specs measures"

  # both are passed to bench_compare by name
  # shellcheck disable=SC2034
  local ours=("$CLI" scan "$project" --json) \
        peer=(sh -c 'for spec in "$2"/measure-*.ini; do "$1" analyze "$3" "$spec" --json >/dev/null || exit 1; done'
              sh "$CLI" "$specs" "$project")

  if ! bench_compare scan_sample scan_sample_prepare ours analyze-each scan_sample_prepare peer; then
    bench_error scan_sample "a command failed"
    return
  fi
  bench_report scan_sample analyze-each target_ratio=1.0 measures="$n_specs" runs="$BENCH_RUNS"
}
