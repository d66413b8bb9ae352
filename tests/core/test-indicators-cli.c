/* test-indicators-cli.c — `indicator-add`, `indicators` (../shared/CLI.md)
 * and `score-table`
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

/* the stops and people of indicators-test-util.h, and the saved analysis
 * "Stops by race" the indicator spec names */
static void
save_stops_analysis (TestProject *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityAnalysis) analysis = equity_analysis_new_from_data (stops_spec, -1, NULL, &error);

  g_assert_no_error (error);
  import_stops (fixture);
  g_assert_true (equity_analysis_save (analysis, fixture->project, &error));
}

/* indicator-add from spec files, then `indicators --json` with the keys
 * of ../shared/CLI.md and the numbers worked by hand in test-indicators.c */
static void
test_cli (TestProject   *fixture,
          gconstpointer  data)
{
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

  save_stops_analysis (fixture);
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

static double
year_score (JsonNode *root,
            guint     indicator,
            guint     year)
{
  JsonObject *object = json_array_get_object_element (json_node_get_array (root), indicator);
  JsonArray *years = json_object_get_array_member (object, "years");

  return json_object_get_double_member (json_array_get_object_element (years, year), "score");
}

/* `score-table`: an edited table from CSV rescores every indicator, a bad
 * file is refused naming file, line and column with the project untouched,
 * and --default brings the published table back. */
static void
test_score_table_cli (TestProject   *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *spec_path = write_scratch (fixture, "stops-indicator.ini", stops_indicator_spec);
  /* hand-computed with this table (score = first − floor((R − start) / step)):
   * 2020 R = (12/1000)/(20/4000) = 2.4 → band 2.2: 50;
   * 2021 R = (15/1000)/(30/4000) = 2.0 → band 1.5: 90 − floor(0.5/0.1) = 85; change 85 − 50 = 35 */
  g_autofree char *table_path = write_scratch (fixture, "local.csv",
                                               "start,first_score,step\n1.000,100,0\n1.5,90,0.1\n2.2,50,0\n");
  g_autofree char *negative_path = write_scratch (fixture, "negative.csv", "1.000,100,0\n1.5,90,-0.1\n");
  g_autofree char *word_path = write_scratch (fixture, "word.csv", "start,first_score,step\n1.000,100,0\n1.5,ninety,0.1\n");
  g_autofree char *descending_path = write_scratch (fixture, "descending.csv", "1.000,100,0\n2,50,0\n1.5,60,0\n");
  g_autofree char *project_path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(TestRun) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *table;
  JsonArray *bands;

  save_stops_analysis (fixture);
  project_path = g_strdup (equity_project_get_path (fixture->project));
  /* the CLI alone holds the file, so its bytes can be compared */
  g_assert_true (equity_project_close_checked (fixture->project, &error));
  g_clear_object (&fixture->project);
  g_assert_true (test_run_cli (&run, "indicator-add", project_path, spec_path, NULL));
  test_run_clear (&run);

  /* the published table: 2.4 → 40 − floor(0.4/0.15) = 38, 2.0 → 40 (FRAMEWORK-ANCHORS §1) */
  g_assert_true (test_run_cli (&run, "indicators", project_path, "--json", NULL));
  root = test_parse_json (run.out);
  g_assert_cmpfloat (year_score (root, 0, 0), ==, 38);
  g_assert_cmpfloat (year_score (root, 0, 1), ==, 40);
  g_clear_pointer (&root, json_node_unref);
  test_run_clear (&run);

  g_assert_true (test_run_cli (&run, "score-table", project_path, "--set", table_path,
                               "--source", "Asheville <local> table", "--json", NULL));
  root = test_parse_json (run.out);
  table = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (table, "source"), ==, "Asheville <local> table");
  g_assert_true (json_object_get_boolean_member (table, "edited"));
  bands = json_object_get_array_member (table, "bands");
  g_assert_cmpuint (json_array_get_length (bands), ==, 3);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (bands, 1), "start"), ==, 1.5);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (bands, 1), "first_score"), ==, 90);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (bands, 1), "step"), ==, 0.1);
  g_clear_pointer (&root, json_node_unref);
  test_run_clear (&run);

  g_assert_true (test_run_cli (&run, "indicators", project_path, "--json", NULL));
  root = test_parse_json (run.out);
  g_assert_cmpfloat (year_score (root, 0, 0), ==, 50);
  g_assert_cmpfloat (year_score (root, 0, 1), ==, 85);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (
                       json_object_get_array_member (json_array_get_object_element (json_node_get_array (root), 0),
                                                     "years"), 1), "change"), ==, 35);
  g_clear_pointer (&root, json_node_unref);
  test_run_clear (&run);

  /* the readable table marks the edit beside its source */
  g_assert_true (test_run_cli (&run, "score-table", project_path, NULL));
  g_assert_nonnull (strstr (run.out, "1.500\t90\t0.100"));
  g_assert_nonnull (strstr (run.out, "Source: Asheville <local> table (edited)"));
  test_run_clear (&run);

  /* bad files: the file, line, column and what was expected; not a byte changes */
  before = test_file_checksum (project_path);
  g_assert_false (test_run_cli (&run, "score-table", project_path, "--set", negative_path, NULL));
  g_assert_nonnull (strstr (run.err, "negative.csv, line 2, column 3: the step is -0.1; expected 0"));
  test_run_clear (&run);
  g_assert_false (test_run_cli (&run, "score-table", project_path, "--set", word_path, NULL));
  g_assert_nonnull (strstr (run.err, "word.csv, line 3, column 2: expected a whole score from 1 to 100"));
  test_run_clear (&run);
  g_assert_false (test_run_cli (&run, "score-table", project_path, "--set", descending_path, NULL));
  g_assert_nonnull (strstr (run.err, "descending.csv, line 3, column 1: the band starts at 1.500; "
                                     "expected a ratio above the band before’s 2.000"));
  test_run_clear (&run);
  after = test_file_checksum (project_path);
  g_assert_cmpstr (before, ==, after);

  /* --default: the published table, its citation, and the scores of before */
  g_assert_true (test_run_cli (&run, "score-table", project_path, "--default", "--json", NULL));
  root = test_parse_json (run.out);
  table = json_node_get_object (root);
  g_assert_false (json_object_get_boolean_member (table, "edited"));
  g_assert_nonnull (strstr (json_object_get_string_member (table, "source"), "Oakland Equity Indicators 2018"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (table, "bands")), ==, 7);
  g_clear_pointer (&root, json_node_unref);
  test_run_clear (&run);
  g_assert_true (test_run_cli (&run, "indicators", project_path, "--json", NULL));
  root = test_parse_json (run.out);
  g_assert_cmpfloat (year_score (root, 0, 0), ==, 38);
  g_assert_cmpfloat (year_score (root, 0, 1), ==, 40);
  test_run_clear (&run);
  g_assert_true (test_run_cli (&run, "score-table", "--help", NULL));
}

/* the checks the dialog and --set share, on tables built directly */
static void
test_score_table_validate (void)
{
  static const EquityScoreBand late_start[] = { { 1.1, 100, 0 } };
  static const EquityScoreBand zero_score[] = { { 1.0, 100, 0.01 }, { 2.0, 0, 0 } };
  static const EquityScoreBand equal_starts[] = { { 1.0, 100, 0.01 }, { 1.0, 90, 0 } };
  static const EquityScoreBand good[] = { { 1.0, 100, 0.01 }, { 2.0, 50, 0 } };
  static const struct
  {
    const EquityScoreBand *bands;
    guint                  n_bands;
    gboolean               valid;
    /* what the error says, where the test holds it to words */
    const char            *message;
  } cases[] = {
    { late_start, 1, FALSE, "Band 1: the first band starts at 1.100; expected 1.000 (ratios below it score 100)" },
    { zero_score, 2, FALSE, "Band 2: the first score is 0; expected a whole score from 1 to 100" },
    { equal_starts, 2, FALSE, NULL },
    { NULL, 0, FALSE, NULL },
    { good, 2, TRUE, NULL },
  };
  g_autoptr(EquityScoreTable) published = equity_score_table_new_default ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EquityScoreTable) table = equity_score_table_new (cases[i].bands, cases[i].n_bands, "x");
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (equity_score_table_validate (table, &error), ==, cases[i].valid);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
      /* a table built here is not the published one */
      if (cases[i].valid)
        g_assert_false (equity_score_table_is_published (table));
    }
  g_assert_true (equity_score_table_validate (published, NULL));
  g_assert_true (equity_score_table_is_published (published));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  test_add_with_project ("/indicators/cli", test_cli);
  test_add_with_project ("/indicators/score-table-cli", test_score_table_cli);
  g_test_add_func ("/indicators/score-table-validate", test_score_table_validate);
  return g_test_run ();
}
