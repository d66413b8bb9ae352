/* indicators-test-util.h — the small stops fixture shared by the indicator tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only, as analysis-test-util.h: each test binary is one translation unit.
 */

#pragma once

#include "analysis-test-util.h"

/* Stops: 2020 B 12, W 20; 2021 B 15, W 30; people: B 1000, W 4000. The
 * "year" column holds year numbers, "date" ISO dates of the same years. */
static inline void
import_stops (Fixture *fixture)
{
  g_autoptr(GString) stops = g_string_new ("race,date,year\n");
  static const struct { const char *race; int year; int count; } cells[] = {
    { "B", 2020, 12 }, { "W", 2020, 20 }, { "B", 2021, 15 }, { "W", 2021, 30 }, { "B", 2019, 40 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
    for (int i = 0; i < cells[c].count; i++)
      g_string_append_printf (stops, "%s,%d-%02d-15,%d\n", cells[c].race, cells[c].year, 1 + i % 12, cells[c].year);
  import_text (fixture, "stops", "csv", stops->str);
  import_text (fixture, "people", "csv", "place,B,W\ncity,1000,4000\n");
}

static const char stops_spec[] =
  "[analysis]\n"
  "name = Stops by race\n"
  "kind = group-rates\n"
  "events = stops\n"
  "group-column = race\n"
  "population = people\n"
  "reference = W\n"
  "[groups]\n"
  "B = B\n"
  "W = W\n";

static inline char *
write_scratch (Fixture    *fixture,
               const char *name,
               const char *text)
{
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}
