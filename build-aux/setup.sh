#!/bin/bash
# setup.sh — install what Asheville Equity needs on Debian 12, build it, and
# run it, test it, or benchmark it.
#
#   build-aux/setup.sh run     install, build, open the app on the sample project
#   build-aux/setup.sh test    install, build, run every test (also under ASan+UBSan)
#   build-aux/setup.sh bench   install, build, run the benchmarks against their peers
#   build-aux/setup.sh fuzz    install clang, build the libFuzzer targets, replay their corpora
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

cd "$(dirname "$0")/.."
SOURCE_DIR=$PWD
MODE=${1:-}

# Build tools, the fixed stack, and what the tests look with.
PACKAGES=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev sqlite3 libcairo2-dev libpango1.0-dev libxlsxwriter-dev
  libjson-glib-dev libgdal-dev libgsl-dev libxml2-dev libminizip-dev
  desktop-file-utils appstream appstream-util shared-mime-info
  xvfb xauth dbus dbus-x11 x11-apps
  python3-openpyxl libreoffice-calc-nogui poppler-utils
  fonts-cantarell adwaita-icon-theme
)
# Only the benchmarks and the fuzzers need these (xlsx2csv: the peer of the
# XLSX import benchmark).
BENCH_PACKAGES=(time xlsx2csv)
FUZZ_PACKAGES=(clang libclang-rt-14-dev)

usage () {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}

as_root () {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  else
    sudo "$@"
  fi
}

install_packages () {
  local missing=()
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return
  fi
  echo "==> Installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# build DIR [meson options…]
build () {
  local dir=$1
  shift
  if [ ! -f "$dir/build.ninja" ]; then
    echo "==> Configuring $dir"
    meson setup "$dir" --werror "$@" >/dev/null
  fi
  echo "==> Building $dir"
  ninja -C "$dir" -j "$(nproc)" >/dev/null
}

# Prints "N passed, N failed" over the given meson test logs (one JSON object
# per test per line; meson installs python3, so it is there to read them).
count_results () {
  python3 - "$@" <<'PY'
import json, os, sys
passed = failed = 0
for log in sys.argv[1:]:
    if not os.path.exists(log):
        failed += 1
        print(f"missing test log {log}", file=sys.stderr)
        continue
    with open(log) as f:
        for line in f:
            if line.strip():
                if json.loads(line)["result"] in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                else:
                    failed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
}

run_tests () {
  local status=0
  install_packages "${PACKAGES[@]}"

  # 1. The normal build: warnings are errors, API ceiling pinned (meson.build).
  build build
  echo "==> Core and command-line tests"
  meson test -C build --suite core --print-errorlogs --logbase core --num-processes 2 || status=1
  echo "==> GUI tests under Xvfb"
  xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \
    meson test -C build --suite app --print-errorlogs --logbase app --num-processes 1 || status=1

  # 2. Everything again under AddressSanitizer and UndefinedBehaviorSanitizer.
  build build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0"
  export LSAN_OPTIONS="suppressions=$SOURCE_DIR/tests/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
  # the normal build browses a million rows; instrumented, a tenth tests the same paths
  export EQUITY_TEST_TABLE_ROWS=100000
  echo "==> All tests under ASan+UBSan"
  meson test -C build-asan --suite core --print-errorlogs --logbase core --num-processes 2 \
    --timeout-multiplier 4 || status=1
  xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \
    meson test -C build-asan --suite app --print-errorlogs --logbase app --num-processes 1 \
    --timeout-multiplier 4 || status=1

  count_results build/meson-logs/core.json build/meson-logs/app.json \
                build-asan/meson-logs/core.json build-asan/meson-logs/app.json || status=1
  return $status
}

run_app () {
  install_packages "${PACKAGES[@]}"
  build build
  echo "==> Opening Asheville Equity on the sample project"
  # Run from the build tree: settings schema and icons come from there.
  GSETTINGS_SCHEMA_DIR="$SOURCE_DIR/build/data" \
  XDG_DATA_DIRS="$SOURCE_DIR/data:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" \
    exec "$SOURCE_DIR/build/src/app/asheville-equity" --sample
}

run_bench () {
  install_packages "${PACKAGES[@]}" "${BENCH_PACKAGES[@]}"
  # the workbook benchmark's peer, exceljs, runs on Node.js (npm installs it)
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    install_packages nodejs npm
  fi
  # the window benchmark runs the app itself: a build made without it gets it
  if [ -f build-release/build.ninja ]; then
    meson configure build-release -Dgui=true >/dev/null
  fi
  build build-release -Dbuildtype=release -Dtests=false -Dgui=true
  exec "$SOURCE_DIR/bench/run.sh" "$SOURCE_DIR/build-release"
}

case "$MODE" in
  run)   run_app ;;
  test)  run_tests ;;
  bench) run_bench ;;
  fuzz)  install_packages "${PACKAGES[@]}" "${FUZZ_PACKAGES[@]}"
         CC=clang build build-fuzz -Dfuzzing=true -Dgui=false -Dtests=false
         meson test -C build-fuzz --suite fuzz --print-errorlogs
         echo "Fuzz targets are in build-fuzz/tests/fuzz/ (see tests/fuzz/meson.build)" ;;
  *)     usage ;;
esac
