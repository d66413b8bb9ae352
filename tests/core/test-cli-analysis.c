/* test-cli-analysis.c — `analyze` and `analyses` as outside scripts use them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spawns the tool named by $EQUITY_CLI, as test-cli.c does.
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "cli-test-util.h"

static const char spec_text[] =
  "[analysis]\n"
  "name = Arrests by race\n"
  "kind = group-rates\n"
  "# a comment that must survive --save\n"
  "events = arrests\n"
  "group-column = subject_race\n"
  "population = places\n"
  "population-filter = fips=3702140\n"
  "reference = W\n"
  "\n"
  "[groups]\n"
  "W = rc_white\n"
  "B = rc_black\n";

/* the real files the spec reads */
static char *
arrests_csv (void)
{
  return test_data_path ("csv", "real", "asheville", "apd_arrests_2020_2021.csv", NULL);
}

static char *
places_csv (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                "mcclatchy_census2020_nc_places_2020_rc_eth.csv", NULL);
}

/* Imports the arrests and the places into the fixture's project and writes
 * spec_text beside it; returns the spec's path. */
static char *
import_arrests_and_places (TestCliProject *fixture)
{
  g_autofree char *arrests = arrests_csv ();
  g_autofree char *places = places_csv ();
  g_autoptr(GFile) spec = test_write_file (fixture->dir, "spec.ini", spec_text);
  g_auto(TestRun) run = { 0 };

  g_assert_true (test_run_cli (&run, "import", fixture->project, arrests, "--name", "arrests", NULL));
  g_assert_true (test_run_cli (&run, "import", fixture->project, places, "--name", "places", NULL));
  return g_file_get_path (spec);
}

static void
test_analyze_and_save (TestCliProject *fixture,
                       gconstpointer   data)
{
  g_autofree char *spec = import_arrests_and_places (fixture);
  g_autoptr(GFile) bad = test_write_file (fixture->dir, "bad.ini",
                                          "[analysis]\nname = Bad\nkind = group-rates\nevents = arrests\n"
                                          "group-column = race\npopulation = places\n[groups]\nW = rc_white\n");
  g_autofree char *arrests = arrests_csv ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(TestRun) run = { 0 };
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonNode) analyses = NULL;
  JsonObject *root, *black, *entry;
  JsonArray *groups;

  /* --json: one document, CLI.md's keys, numbers as numbers */
  g_assert_true (test_run_cli (&run, "analyze", fixture->project, spec, "--json", NULL));
  result = test_parse_json (run.out);
  root = json_node_get_object (result);
  g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, "group-rates");
  g_assert_cmpint (json_object_get_int_member (root, "per"), ==, 1000);
  g_assert_cmpstr (json_object_get_string_member (root, "reference"), ==, "W");
  groups = json_object_get_array_member (root, "groups");
  g_assert_cmpuint (json_array_get_length (groups), ==, 2);
  black = json_array_get_object_element (groups, 1);
  g_assert_cmpstr (json_object_get_string_member (black, "group"), ==, "B");
  g_assert_cmpint (json_object_get_int_member (black, "count"), ==, 4452);
  g_assert_cmpint (json_object_get_int_member (black, "population"), ==, 9938);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (black, "rate"), 447.977460, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (black, "ratio"), 3.112866, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (black, "ratio_low"), 3.005358, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (black, "ratio_high"), 3.224219, 1e-6);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (groups, 0), "ratio_low"));
  g_assert_cmpstr (run.err, ==, "");
  /* the note names the file, not the folder it was imported from */
  {
    const char *note = json_object_get_string_member (root, "source_note");
    g_autofree char *folder = g_path_get_dirname (arrests);

    g_assert_true (g_path_is_absolute (arrests));
    g_assert_nonnull (strstr (note, "apd_arrests_2020_2021.csv"));
    g_assert_null (strstr (note, folder));
    g_assert_null (strchr (note, '/'));
  }

  /* without --json: a table a person reads */
  g_assert_true (test_run_cli (&run, "analyze", fixture->project, spec, NULL));
  g_assert_nonnull (strstr (run.out, "Black"));
  g_assert_nonnull (strstr (run.out, "447.98"));
  g_assert_nonnull (strstr (run.out, "3.11 (3.01–3.22)"));

  /* a bad spec: the message names the file and the key; nothing written */
  before = test_file_checksum (fixture->project);
  g_assert_false (test_run_cli (&run, "analyze", fixture->project, g_file_peek_path (bad), "--save", NULL));
  g_assert_nonnull (strstr (run.err, "bad.ini: [analysis] group-column: dataset “arrests” has no column “race”"));
  g_assert_cmpstr (run.out, ==, "");
  after = test_file_checksum (fixture->project);
  g_assert_cmpstr (before, ==, after);

  /* --save keeps the spec, comments and all, under its name */
  g_assert_true (test_run_cli (&run, "analyze", fixture->project, spec, "--save", "--json", NULL));
  g_assert_true (test_run_cli (&run, "analyses", fixture->project, "--json", NULL));
  analyses = test_parse_json (run.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (analyses)), ==, 1);
  entry = json_array_get_object_element (json_node_get_array (analyses), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "name"), ==, "Arrests by race");
  g_assert_cmpstr (json_object_get_string_member (entry, "kind"), ==, "group-rates");
  g_assert_nonnull (strstr (json_object_get_string_member (entry, "spec"), "a comment that must survive"));
  test_run_cli (&run, "analyses", fixture->project, NULL);
  g_assert_nonnull (strstr (run.out, "Arrests by race"));

  /* a saved analysis runs by name */
  g_assert_true (test_run_cli (&run, "analyze", fixture->project, "Arrests by race", "--json", NULL));
  g_assert_nonnull (strstr (run.out, "\"group-rates\""));

  /* an exported chart carries no local path either */
  {
    g_autofree char *svg = g_build_filename (fixture->dir, "chart.svg", NULL);
    g_autofree char *folder = g_path_get_dirname (arrests);
    g_autofree char *contents = NULL;

    g_assert_true (test_run_cli (&run, "chart", fixture->project, "Arrests by race", "--out", svg, NULL));
    g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "<svg"));
    g_assert_null (strstr (contents, folder));
    g_assert_null (strstr (run.out, folder));
  }
}

/* Black arrests and population of the saved analysis, run by name */
static void
run_saved (const char *project,
           gint64     *count,
           gint64     *population)
{
  g_auto(TestRun) run = { 0 };
  g_autoptr(JsonNode) result = NULL;
  JsonObject *black;

  test_run_cli (&run, "analyze", project, "Arrests by race", "--json", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (test_run_ok (&run));
  result = test_parse_json (run.out);
  black = json_array_get_object_element (json_object_get_array_member (json_node_get_object (result), "groups"), 1);
  g_assert_cmpstr (json_object_get_string_member (black, "group"), ==, "B");
  *count = json_object_get_int_member (black, "count");
  *population = json_object_get_int_member (black, "population");
}

/* CLI.md: rename keeps saved analyses working; delete refuses, listing
 * them, unless --force, and a later import never takes the deleted one's place. */
static void
test_rename_and_delete (TestCliProject *fixture,
                        gconstpointer   data)
{
  g_autofree char *spec = import_arrests_and_places (fixture);
  g_autofree char *places = places_csv ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) analyses = NULL;
  g_auto(TestRun) run = { 0 };
  gint64 count, population, count2, population2;
  const char *saved_spec;

  g_assert_true (test_run_cli (&run, "analyze", fixture->project, spec, "--save", NULL));
  run_saved (fixture->project, &count, &population);
  /* Asheville's Black residents in the 2020 Census (the places file's fips 3702140 row) */
  g_assert_cmpint (population, ==, 9938);

  /* renamed, the saved analysis reads the same rows and says the new name */
  g_assert_true (test_run_cli (&run, "rename", fixture->project, "places", "NC places, 2020 Census", NULL));
  run_saved (fixture->project, &count2, &population2);
  g_assert_cmpint (count2, ==, count);
  g_assert_cmpint (population2, ==, population);
  g_assert_true (test_run_cli (&run, "analyses", fixture->project, "--json", NULL));
  analyses = test_parse_json (run.out);
  saved_spec = json_object_get_string_member (json_array_get_object_element (json_node_get_array (analyses), 0), "spec");
  g_assert_nonnull (strstr (saved_spec, "population=NC places, 2020 Census"));
  g_assert_nonnull (strstr (saved_spec, "population-filter=fips=3702140"));
  g_assert_nonnull (strstr (saved_spec, "B=rc_black"));

  /* a dataset in use is not deleted without --force; the file is untouched */
  before = test_file_checksum (fixture->project);
  g_assert_false (test_run_cli (&run, "delete", fixture->project, "NC places, 2020 Census", NULL));
  g_assert_nonnull (strstr (run.err, "Arrests by race"));
  g_assert_nonnull (strstr (run.err, "--force"));
  after = test_file_checksum (fixture->project);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (test_run_cli (&run, "delete", fixture->project, "NC places, 2020 Census", "--force", NULL));

  /* the same file imported again under the old name is a new dataset: the
   * analysis says its data is gone rather than reading it unasked */
  g_assert_true (test_run_cli (&run, "import", fixture->project, places, "--name", "NC places, 2020 Census", NULL));
  g_assert_false (test_run_cli (&run, "analyze", fixture->project, "Arrests by race", NULL));
  g_assert_nonnull (strstr (run.err, "deleted dataset"));
}

static void
test_usage_errors (TestCliProject *fixture,
                   gconstpointer   data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "nope.ini", NULL);
  g_auto(TestRun) run = { 0 };

  g_assert_true (test_run_cli (&run, "new", fixture->project, NULL));
  g_assert_false (test_run_cli (&run, "analyze", fixture->project, missing, NULL));
  g_assert_nonnull (strstr (run.err, "nope.ini: no such file"));
  g_assert_false (test_run_cli (&run, "analyses", missing, NULL));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_true (test_run_cli (&run, "analyze", "--help", NULL));
  g_assert_nonnull (strstr (run.out, "--save"));
  g_assert_true (test_run_cli (&run, "analyses", fixture->project, "--json", NULL));
  g_assert_cmpstr (g_strstrip (run.out), ==, "[]");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  test_add_with_cli_project ("/cli/analysis/analyze-and-save", test_analyze_and_save);
  test_add_with_cli_project ("/cli/analysis/usage-errors", test_usage_errors);
  test_add_with_cli_project ("/cli/analysis/rename-and-delete", test_rename_and_delete);

  return g_test_run ();
}
