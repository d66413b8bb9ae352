/* test-saved-analysis.c — saved analyses name datasets and columns by id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renaming a dataset must never change what a saved analysis computes, and
 * deleting one must never let another dataset take its place unasked.
 */

#include "config.h"

#include "analysis-test-util.h"

static const char small_spec[] =
  "[analysis]\nname = Small\nkind = group-rates\nevents = stops\ngroup-column = group\n"
  "events-filter = year=2020\npopulation = people\npopulation-filter = code=021\n"
  "reference = X\nper = 100\n"
  "[groups]\nX = x_pop\nY = y_pop\n";

static void
import_small (TestProject *fixture)
{
  import_text (fixture, "stops", "csv",
               "id,group,year\n1,X,2020\n2,X,2020\n3,X,2021\n4,Y,2020\n5,Y,2020\n6,Y,2020\n");
  import_text (fixture, "people", "csv", "code,x_pop,y_pop\n021,100,200\n21,1,1\n");
}

static void
save (TestProject    *fixture,
      const char *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityAnalysis) analysis = equity_analysis_new_from_data (spec, -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (equity_analysis_save (analysis, fixture->project, &error));
  g_assert_no_error (error);
}

static EquityResult *
run_saved (TestProject  *fixture,
           GError  **error)
{
  g_autoptr(EquityAnalysis) analysis = equity_analysis_new_from_project (fixture->project, "Small", error);

  if (analysis == NULL)
    return NULL;
  return equity_analysis_run (analysis, fixture->project, NULL, NULL, NULL, error);
}

/* Runs the saved "Small". By hand from the two files: in 2020, X has stops
 * 1 and 2, Y has 4, 5 and 6; the populations come from the "021" row alone
 * (100 and 200). */
static void
assert_saved_runs_small (TestProject *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityResult) result = run_saved (fixture, &error);
  EquityResultRow *x, *y;

  g_assert_no_error (error);
  x = equity_result_find_row (result, "X");
  y = equity_result_find_row (result, "Y");
  g_assert_cmpfloat (x->count, ==, 2);
  g_assert_cmpfloat (y->count, ==, 3);
  g_assert_cmpfloat (x->population, ==, 100);
  g_assert_cmpfloat (y->population, ==, 200);
}

/* the saved analysis "Small", read back */
static EquityAnalysis *
load_small (TestProject *fixture)
{
  g_autoptr(GError) error = NULL;
  EquityAnalysis *analysis = equity_analysis_new_from_project (fixture->project, "Small", &error);

  g_assert_no_error (error);
  g_assert_nonnull (analysis);
  return analysis;
}

/* KEY of ANALYSIS reads EXPECTED */
static void
assert_string (EquityAnalysis *analysis,
               const char     *key,
               const char     *expected)
{
  g_autofree char *value = equity_analysis_dup_string (analysis, key);

  g_assert_cmpstr (value, ==, expected);
}

static void
rename_dataset (TestProject    *fixture,
                const char *from,
                const char *to)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (equity_project_rename_dataset (fixture->project,
                                                equity_project_find_dataset (fixture->project, from),
                                                to, &error));
  g_assert_no_error (error);
}

static void
test_rename_keeps_meaning (TestProject   *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityAnalysis) reread = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *column = NULL;
  gboolean bound = FALSE;

  import_small (fixture);
  save (fixture, small_spec);

  /* what is stored names no dataset or column */
  stored = equity_project_dup_analysis_spec (fixture->project, "Small", &bound, &error);
  g_assert_true (bound);
  g_assert_null (strstr (stored, "stops"));
  g_assert_null (strstr (stored, "people"));
  g_assert_null (strstr (stored, "x_pop"));
  g_assert_null (strstr (stored, "year"));

  assert_saved_runs_small (fixture);

  rename_dataset (fixture, "stops", "Traffic stops 2020–2021");
  rename_dataset (fixture, "people", "Residents [ACS]");
  assert_saved_runs_small (fixture);

  /* shown as the user now calls them, the filters' values kept */
  reread = load_small (fixture);
  assert_string (reread, "events", "Traffic stops 2020–2021");
  assert_string (reread, "population-filter", "code=021");
  column = equity_analysis_dup_group_column (reread, "Y");
  g_assert_cmpstr (column, ==, "y_pop");
}

static void
test_delete_lists_users (TestProject   *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityResult) result = NULL;
  g_auto(GStrv) users = NULL;
  EquityDataset *people;
  gint64 deleted_id;

  import_small (fixture);
  save (fixture, small_spec);
  people = equity_project_find_dataset (fixture->project, "people");
  deleted_id = equity_dataset_get_id (people);

  users = equity_project_list_analyses_using (fixture->project, people, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (users), ==, 1);
  g_assert_cmpstr (users[0], ==, "Small");

  g_assert_false (equity_project_delete_dataset (fixture->project, people, FALSE, &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "Small"));
  g_clear_error (&error);
  g_assert_nonnull (equity_project_find_dataset (fixture->project, "people"));

  g_assert_true (equity_project_delete_dataset (fixture->project, people, TRUE, &error));
  g_assert_no_error (error);

  /* the same name again is another dataset, with another id */
  import_text (fixture, "people", "csv", "code,x_pop,y_pop\n021,100,200\n");
  g_assert_cmpint (equity_dataset_get_id (equity_project_find_dataset (fixture->project, "people")), >, deleted_id);
  result = run_saved (fixture, &error);
  g_assert_null (result);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "deleted dataset"));
}

/* Projects saved before schema 3 named datasets by name: bound on open. */
static void
test_bind_saved_by_name (TestProject   *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *insert = NULL;
  g_auto(GStrv) unbound = NULL;

  import_small (fixture);
  insert = g_strdup_printf ("INSERT INTO analyses (name, kind, spec, created_at, updated_at, bound) "
                            "VALUES ('Small', 'group-rates', '%s', '2026-01-01T00:00:00Z', "
                            "'2026-01-01T00:00:00Z', 0)", small_spec);
  g_assert_true (equity_project_exec (fixture->project, insert, &error));
  g_assert_no_error (error);

  unbound = equity_project_list_unbound_analyses (fixture->project, &error);
  g_assert_cmpuint (g_strv_length (unbound), ==, 1);
  g_assert_true (equity_analysis_bind_saved (fixture->project, &error));
  g_assert_no_error (error);
  g_clear_pointer (&unbound, g_strfreev);
  unbound = equity_project_list_unbound_analyses (fixture->project, &error);
  g_assert_cmpuint (g_strv_length (unbound), ==, 0);

  rename_dataset (fixture, "people", "Residents");
  assert_saved_runs_small (fixture);
}

static void
renamed_cb (EquityProject *project,
            const char    *old_name,
            const char    *new_name,
            GString       *seen)
{
  g_string_append_printf (seen, "%s→%s;", old_name, new_name);
}

/* An analysis being edited follows the rename the project announces. */
static void
test_edited_analysis_follows (TestProject   *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityAnalysis) analysis = equity_analysis_new_from_data (small_spec, -1, NULL, &error);
  g_autoptr(GString) seen = g_string_new (NULL);

  import_small (fixture);
  g_signal_connect (fixture->project, "dataset-renamed", G_CALLBACK (renamed_cb), seen);
  rename_dataset (fixture, "stops", "Stops");
  g_assert_cmpstr (seen->str, ==, "stops→Stops;");

  equity_analysis_rename_dataset (analysis, "stops", "Stops");
  assert_string (analysis, "events", "Stops");
  assert_string (analysis, "population", "people");
}

/* A name that matched nothing when saved comes back as it was written. */
static void
test_unresolved_names_kept (TestProject   *fixture,
                            gconstpointer  data)
{
  g_autoptr(EquityAnalysis) reread = NULL;

  save (fixture, small_spec);
  reread = load_small (fixture);
  assert_string (reread, "events", "stops");
  assert_string (reread, "group-column", "group");
}

/* The note under a chart names what every rate divides by: the row chosen,
 * or how many rows were added up. */
static void
test_note_names_population (TestProject   *fixture,
                            gconstpointer  data)
{
  static const char without_filter[] =
    "[analysis]\nname = Small\nkind = group-rates\nevents = stops\ngroup-column = group\n"
    "population = people\n[groups]\nX = x_pop\nY = y_pop\n";
  static const char all_rows[] =
    "[analysis]\nname = Small\nkind = group-rates\nevents = stops\ngroup-column = group\n"
    "population = people\npopulation-filter = *\n[groups]\nX = x_pop\nY = y_pop\n";
  g_autoptr(EquityResult) one_row = NULL;
  g_autoptr(EquityResult) summed = NULL;
  g_autoptr(EquityResult) chosen_sum = NULL;

  import_small (fixture);
  one_row = run_ok (fixture, small_spec);
  g_assert_nonnull (strstr (equity_result_get_source_note (one_row), "rows where code = 021"));

  summed = run_ok (fixture, without_filter);
  g_assert_nonnull (strstr (equity_result_get_source_note (summed), "all 2 rows added up"));
  /* by hand: 100 + 1 */
  g_assert_cmpfloat (equity_result_find_row (summed, "X")->population, ==, 101);

  chosen_sum = run_ok (fixture, all_rows);
  g_assert_nonnull (strstr (equity_result_get_source_note (chosen_sum), "all 2 rows added up"));
  g_assert_cmpfloat (equity_result_find_row (chosen_sum, "Y")->population, ==, 201);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  test_add_with_project ("/saved-analysis/rename-keeps-meaning", test_rename_keeps_meaning);
  test_add_with_project ("/saved-analysis/delete-lists-users", test_delete_lists_users);
  test_add_with_project ("/saved-analysis/bind-saved-by-name", test_bind_saved_by_name);
  test_add_with_project ("/saved-analysis/edited-analysis-follows", test_edited_analysis_follows);
  test_add_with_project ("/saved-analysis/unresolved-names-kept", test_unresolved_names_kept);
  test_add_with_project ("/saved-analysis/note-names-population", test_note_names_population);

  return g_test_run ();
}
