/* test-indicators-cli.c — `indicator-add` and `indicators` (../shared/CLI.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The numbers are those worked by hand in test-indicators.c for the same
 * fixture: 2021 B 15 / 1,000, W 30 / 4,000 → R 2.0 (1.076109 … 3.717094), score 40.
 */

#include "config.h"

#include "indicators-test-util.h"

static const char stops_indicator_spec[] =
  "[indicator]\n"
  "name = Stops, Black vs White residents\n"
  "theme = Justice\n"
  "topic = Policing\n"
  "direction = higher-is-worse\n"
  "kind = ratio\n"
  "analysis = Stops by race\n"
  "year-column = date\n"
  "years = 2020, 2021\n"
  "group-a = B\n"
  "group-b = W\n"
  "baseline-year = 2020\n"
  "goal-year = 2030\n"
  "goal-value = 1.0\n"
  "[targets]\n"
  "2021 = 1.9\n";

static const char curbs_spec[] =
  "[indicator]\n"
  "name = Curb ramps not accessible\n"
  "theme = Public works\n"
  "topic = Streets\n"
  "direction = higher-is-worse\n"
  "kind = percentage\n"
  "source = Oakland Equity Indicators 2018\n"
  "[values]\n"
  "2018 = 51.6\n";

/* indicator-add from spec files, then `indicators --json` with the keys
 * of ../shared/CLI.md and the numbers worked by hand in test-indicators.c */
static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityAnalysis) analysis = equity_analysis_new_from_data (stops_spec, -1, NULL, &error);
  g_autofree char *stops_path = write_scratch (fixture, "stops-indicator.ini", stops_indicator_spec);
  g_autofree char *curbs_path = write_scratch (fixture, "curbs.ini", curbs_spec);
  g_autofree char *bad_path = write_scratch (fixture, "bad.ini", "[indicator]\nname = x\ndirection = up\n");
  const char *project_path;
  g_auto(TestRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  static const char * const keys[] = { "name", "theme", "topic", "direction", "baseline_year", "status", "years", NULL };
  static const char * const year_keys[] = { "year", "value", "low", "high", "target", "ratio", "ratio_low",
                                            "ratio_high", "score", "change", NULL };
  JsonArray *list, *years;
  JsonObject *curbs, *stops, *year;

  import_stops (fixture);
  g_assert_true (equity_analysis_save (analysis, fixture->project, &error));
  project_path = equity_project_get_path (fixture->project);

  g_assert_true (test_run_cli (&run, "indicator-add", project_path, stops_path, NULL));
  test_run_clear (&run);
  g_assert_true (test_run_cli (&run, "indicator-add", project_path, curbs_path, NULL));
  test_run_clear (&run);
  /* a bad spec names the file, the key and what was expected, and adds nothing */
  g_assert_false (test_run_cli (&run, "indicator-add", project_path, bad_path, NULL));
  g_assert_nonnull (strstr (run.err, "bad.ini: [indicator] direction: expected higher-is-worse or higher-is-better"));
  test_run_clear (&run);

  g_assert_true (test_run_cli (&run, "indicators", project_path, "--json", NULL));
  root = test_parse_json (run.out);
  list = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  /* ordered by theme: Justice, then Public works */
  stops = json_array_get_object_element (list, 0);
  curbs = json_array_get_object_element (list, 1);
  assert_members (stops, keys);
  g_assert_cmpstr (json_object_get_string_member (stops, "direction"), ==, "higher-is-worse");
  g_assert_cmpint (json_object_get_int_member (stops, "baseline_year"), ==, 2020);
  years = json_object_get_array_member (stops, "years");
  g_assert_cmpuint (json_array_get_length (years), ==, 2);
  year = json_array_get_object_element (years, 1);
  assert_members (year, year_keys);
  g_assert_cmpint (json_object_get_int_member (year, "year"), ==, 2021);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (year, "ratio"), 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (year, "ratio_low"), 1.076109, 1e-6);
  g_assert_cmpfloat (json_object_get_double_member (year, "score"), ==, 40);
  g_assert_cmpfloat (json_object_get_double_member (year, "change"), ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (year, "target"), ==, 1.9);
  /* 2021: the interval's low end 1.08 reaches the typed target 1.9 */
  g_assert_cmpstr (json_object_get_string_member (stops, "status"), ==, "on-track");
  /* 2020: the baseline, on the path from 2.4 toward 1.0 by 2030 */
  year = json_array_get_object_element (years, 0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (year, "target"), 2.4, 1e-9);

  assert_members (curbs, keys);
  year = json_array_get_object_element (json_object_get_array_member (curbs, "years"), 0);
  assert_members (year, year_keys);
  g_assert_true (json_object_get_null_member (year, "ratio"));
  g_assert_true (json_object_get_null_member (year, "low"));
  g_assert_cmpfloat (json_object_get_double_member (year, "value"), ==, 51.6);
  g_assert_cmpfloat (json_object_get_double_member (year, "score"), ==, 49);
  g_assert_cmpstr (json_object_get_string_member (curbs, "status"), ==, "no-data");
  test_run_clear (&run);

  /* the readable table and --help */
  g_assert_true (test_run_cli (&run, "indicators", project_path, NULL));
  g_assert_nonnull (strstr (run.out, "Curb ramps not accessible"));
  g_assert_nonnull (strstr (run.out, "2020*"));
  test_run_clear (&run);
  g_assert_true (test_run_cli (&run, "indicators", "--help", NULL));
  test_run_clear (&run);
  g_assert_true (test_run_cli (&run, "indicator-add", "--help", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/indicators/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  return g_test_run ();
}
