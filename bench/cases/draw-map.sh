# draw-map.sh — one frame of the choropleth map (bench/bench-draw-map.c)
# shellcheck shell=bash
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The program measures and judges itself (median of its draws against a
# frame budget); this runs it and puts its lines in the table.

BENCHMARKS+=(draw_map)

bench_draw_map () {
  if [ ! -x "$BUILD_DIR/bench/bench-draw-map" ]; then
    bench_error draw_map "$BUILD_DIR/bench/bench-draw-map is missing: is it in bench/meson.build?"
    return
  fi
  bench_external draw_map "$BUILD_DIR/bench/bench-draw-map"
}
