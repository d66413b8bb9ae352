/* test-plan.c — the action plan: numbering, overdue, off track, its log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "analysis-test-util.h"
#include "equity-project-private.h"

static void
set (TestProject    *fixture,
     gint64      id,
     const char *field,
     const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (equity_plan_set_action_field (fixture->project, id, field, value, &error));
  g_assert_no_error (error);
}

static gint64
add_goal (TestProject *fixture,
          const char  *title)
{
  g_autoptr(GError) error = NULL;
  gint64 id = equity_plan_add_goal (fixture->project, title, &error);

  g_assert_no_error (error);
  return id;
}

/* the plan's actions as they stand on the given day */
static GPtrArray *
list_actions_on (TestProject *fixture,
                 GDateDay     day,
                 GDateMonth   month,
                 GDateYear    year)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *actions;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, day, month, year);
  actions = equity_plan_list_actions (fixture->project, &today, &error);
  g_assert_no_error (error);
  return actions;
}

static gint64
add_action (TestProject    *fixture,
            gint64      goal,
            const char *title)
{
  g_autoptr(GError) error = NULL;
  gint64 id = equity_plan_add_action (fixture->project, goal, title, &error);

  g_assert_no_error (error);
  return id;
}

static void
test_overdue_rule (void)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_MARCH, 2026);
  g_assert_true (equity_plan_is_overdue ("2026-03-14", "ongoing", &today));
  g_assert_true (equity_plan_is_overdue ("2025-12-31", "not-started", &today));
  /* due today is not late yet */
  g_assert_false (equity_plan_is_overdue ("2026-03-15", "ongoing", &today));
  g_assert_false (equity_plan_is_overdue ("2026-03-14", "done", &today));
  g_assert_false (equity_plan_is_overdue ("2026-03-14", "dropped", &today));
  g_assert_false (equity_plan_is_overdue (NULL, "ongoing", &today));
}

static void
test_numbering (TestProject       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) actions = NULL;
  gint64 pools = add_goal (fixture, "Equal access to pools");
  gint64 transit = add_goal (fixture, "Transit within reach");
  gint64 a11 = add_action (fixture, pools, "Open Walton Street pool evenings");
  gint64 a21 = add_action (fixture, transit, "Route 170 every 30 minutes");
  gint64 a12 = add_action (fixture, pools, "Free swim lessons");
  /* numbered under their goal in the order they were added, whatever their ids */
  const struct { gint64 id; const char *number; } listed[] = { { a11, "1.1" }, { a12, "1.2" }, { a21, "2.1" } };

  actions = list_actions_on (fixture, 1, G_DATE_JULY, 2026);
  g_assert_cmpuint (actions->len, ==, G_N_ELEMENTS (listed));
  for (guint i = 0; i < G_N_ELEMENTS (listed); i++)
    {
      EquityPlanAction *action = g_ptr_array_index (actions, i);

      g_assert_cmpint (action->id, ==, listed[i].id);
      g_assert_cmpstr (action->number, ==, listed[i].number);
    }
  g_assert_cmpstr (((EquityPlanAction *) g_ptr_array_index (actions, 0))->goal, ==, "Equal access to pools");
  g_assert_cmpint (equity_plan_find_action (actions, "1.2"), ==, a12);
  g_assert_cmpint (equity_plan_find_action (actions, "#3"), ==, a12);
  g_assert_cmpint (equity_plan_find_action (actions, "3.1"), ==, 0);
}

/* A ratio indicator with typed values: 2020 (the baseline) and 2021 at
 * RATIO (interval ±0.2), with a target of 1.5 typed for 2021. Status by
 * docs/methods.md §10: on track when the interval's low end reaches 1.5. */
static gint64
add_typed_indicator (TestProject *fixture,
                     const char  *name,
                     double       ratio)
{
  g_autoptr(EquityIndicator) indicator = equity_indicator_new (name);
  g_autoptr(GError) error = NULL;

  for (int year = 2020; year <= 2021; year++)
    {
      EquityIndicatorYear value;

      equity_indicator_year_init (&value, year);
      value.value = ratio;
      value.low = ratio - 0.2;
      value.high = ratio + 0.2;
      if (year == 2021)
        value.target = 1.5;
      equity_indicator_set_value (indicator, &value);
    }
  equity_indicator_set_baseline_year (indicator, 2020);
  g_assert_true (equity_project_add_indicator (fixture->project, indicator, &error));
  g_assert_no_error (error);
  return equity_indicator_get_id (indicator);
}

/* By docs/methods.md §10: BEHIND, 3.0 (2.8–3.2), misses the 2021 target
 * 1.5; AHEAD, 1.2 (1.0–1.4), reaches it. */
static void
add_behind_and_ahead (TestProject *fixture,
                      gint64      *behind,
                      gint64      *ahead)
{
  *behind = add_typed_indicator (fixture, "Behind its target", 3.0);
  *ahead = add_typed_indicator (fixture, "Ahead of its target", 1.2);
}

static void
test_fields_and_flags (TestProject       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) actions = NULL;
  gint64 goal = add_goal (fixture, "Equal access to pools");
  gint64 late = add_action (fixture, goal, "Evening hours");
  gint64 done = add_action (fixture, goal, "Lifeguard hiring");
  /* values the plan refuses */
  static const struct { const char *field, *value; } not_valid[] = {
    { "budget", "lots" }, { "due", "31/03/2026" }, { "indicators", "seven" },
  };
  gint64 behind, ahead;
  g_autofree char *links = NULL;
  g_autofree char *ahead_only = NULL;
  EquityPlanAction *action;

  add_behind_and_ahead (fixture, &behind, &ahead);
  links = g_strdup_printf ("%" G_GINT64_FORMAT "; %" G_GINT64_FORMAT, ahead, behind);
  ahead_only = g_strdup_printf ("%" G_GINT64_FORMAT, ahead);

  set (fixture, late, "due", "2026-03-31");
  set (fixture, late, "status", "ongoing");
  set (fixture, late, "budget", "42000");
  set (fixture, late, "spent", "12500.50");
  set (fixture, late, "indicators", links);
  set (fixture, done, "due", "2026-03-31");
  set (fixture, done, "status", "done");
  set (fixture, done, "indicators", ahead_only);

  for (guint i = 0; i < G_N_ELEMENTS (not_valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (equity_plan_set_action_field (fixture->project, late, not_valid[i].field, not_valid[i].value,
                                                    &error));
      g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID);
    }

  actions = list_actions_on (fixture, 1, G_DATE_APRIL, 2026);
  action = g_ptr_array_index (actions, 0);
  g_assert_true (action->overdue);
  g_assert_true (action->off_track);
  g_assert_cmpuint (action->indicators->len, ==, 2);
  g_assert_cmpint (g_array_index (action->indicators, gint64, 1), ==, behind);
  g_assert_cmpfloat (action->budget, ==, 42000);
  g_assert_cmpfloat (action->spent, ==, 12500.5);
  action = g_ptr_array_index (actions, 1);
  g_assert_false (action->overdue);
  g_assert_false (action->off_track);
  g_assert_true (isnan (action->budget));
}

/* the statuses from the worker, after cancelling first when CANCEL */
static GHashTable *
evaluate_in_worker (TestProject  *fixture,
                    gboolean      cancel,
                    GError      **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;

  equity_plan_evaluate_indicators_async (equity_project_get_path (fixture->project), cancellable,
                                         test_keep_result_cb, &result);
  if (cancel)
    g_cancellable_cancel (cancellable);
  return equity_plan_evaluate_indicators_finish (test_await_result (&result), error);
}

/* The window's way: the actions listed unchecked at once, then marked from
 * the statuses a worker evaluated; the marks equal the synchronous list's. */
static void
test_off_track_async (TestProject   *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sync_actions = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GHashTable) statuses = NULL;
  g_autoptr(GHashTable) only_behind = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) evaluations = NULL;
  g_autoptr(GHashTable) given = NULL;
  g_autoptr(GPtrArray) some_missing = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 goal = add_goal (fixture, "Equal access to pools");
  gint64 first = add_action (fixture, goal, "Evening hours");
  gint64 second = add_action (fixture, goal, "Lifeguard hiring");
  gint64 third = add_action (fixture, goal, "Bus stop posters");
  gint64 behind, ahead;
  g_autofree char *both = NULL;
  g_autofree char *ahead_only = NULL;
  g_autofree char *gone = NULL;

  add_behind_and_ahead (fixture, &behind, &ahead);
  both = g_strdup_printf ("%" G_GINT64_FORMAT ";%" G_GINT64_FORMAT, ahead, behind);
  ahead_only = g_strdup_printf ("%" G_GINT64_FORMAT, ahead);
  gone = g_strdup_printf ("%" G_GINT64_FORMAT, behind + 100);

  set (fixture, first, "indicators", both);
  set (fixture, second, "indicators", ahead_only);
  set (fixture, third, "indicators", gone);
  sync_actions = equity_plan_list_actions (fixture->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (((EquityPlanAction *) g_ptr_array_index (sync_actions, 0))->off_track);

  /* evaluations a caller already has (the workbook's Indicators sheet) give
   * the same statuses without evaluating again; one that could not be
   * evaluated (NULL) has no data */
  indicators = equity_project_list_indicators (fixture->project, &error);
  g_assert_no_error (error);
  evaluations = equity_indicator_evaluate_each (fixture->project, indicators, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evaluations->len, ==, 2);
  given = equity_plan_statuses_of_evaluations (indicators, evaluations);
  g_assert_cmpuint (g_hash_table_size (given), ==, 2);
  g_assert_cmpint (equity_plan_get_indicator_status (given, behind), ==, EQUITY_INDICATOR_OFF_TRACK);
  g_assert_cmpint (equity_plan_get_indicator_status (given, ahead), ==, EQUITY_INDICATOR_ON_TRACK);
  g_assert_cmpint (equity_plan_get_indicator_status (given, behind + 100), ==, EQUITY_INDICATOR_NO_DATA);
  g_clear_pointer (&given, g_hash_table_unref);
  for (guint i = 0; i < indicators->len; i++)
    g_ptr_array_add (some_missing, equity_indicator_get_id (g_ptr_array_index (indicators, i)) == behind
                                   ? NULL : g_ptr_array_index (evaluations, i));
  given = equity_plan_statuses_of_evaluations (indicators, some_missing);
  g_assert_cmpint (equity_plan_get_indicator_status (given, behind), ==, EQUITY_INDICATOR_NO_DATA);
  g_assert_cmpint (equity_plan_get_indicator_status (given, ahead), ==, EQUITY_INDICATOR_ON_TRACK);

  actions = equity_plan_list_actions_unchecked (fixture->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 3);
  for (guint i = 0; i < actions->len; i++)
    g_assert_false (((EquityPlanAction *) g_ptr_array_index (actions, i))->off_track);

  statuses = evaluate_in_worker (fixture, FALSE, &error);
  g_assert_no_error (error);
  /* every indicator of the project, for the editor's list too */
  g_assert_cmpuint (g_hash_table_size (statuses), ==, 2);
  g_assert_cmpint (equity_plan_get_indicator_status (statuses, behind), ==, EQUITY_INDICATOR_OFF_TRACK);
  g_assert_cmpint (equity_plan_get_indicator_status (statuses, ahead), ==, EQUITY_INDICATOR_ON_TRACK);
  g_assert_cmpint (equity_plan_get_indicator_status (statuses, behind + 100), ==, EQUITY_INDICATOR_NO_DATA);
  equity_plan_mark_off_track (actions, statuses);
  for (guint i = 0; i < actions->len; i++)
    {
      EquityPlanAction *action = g_ptr_array_index (actions, i);
      EquityPlanAction *sync_action = g_ptr_array_index (sync_actions, i);

      g_assert_cmpint (action->id, ==, sync_action->id);
      g_assert_cmpint (action->off_track, ==, sync_action->off_track);
      g_assert_cmpint (action->off_track, ==, i == 0);
    }

  /* the synchronous call evaluates only the ids asked for */
  g_array_append_val (ids, behind);
  only_behind = equity_plan_evaluate_indicators (fixture->project, ids, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (only_behind), ==, 1);
  g_assert_cmpint (equity_plan_get_indicator_status (only_behind, behind), ==, EQUITY_INDICATOR_OFF_TRACK);

  /* cancelled: no statuses, the cancel said */
  g_clear_pointer (&statuses, g_hash_table_unref);
  statuses = evaluate_in_worker (fixture, TRUE, &error);
  g_assert_null (statuses);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_plan_log (TestProject       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  gint64 goal = add_goal (fixture, "Equal access to pools");
  gint64 action = add_action (fixture, goal, "Evening hours");
  sqlite3 *db = equity_project_get_db (fixture->project);
  gint64 before = test_query_int (db, "SELECT count(*) FROM change_log");

  set (fixture, action, "owner", "R. Jones");
  set (fixture, action, "owner", "D. Smith");
  set (fixture, action, "owner", "D. Smith");  /* no change: no entry */
  g_assert_true (equity_plan_add_progress_note (fixture->project, action, "2026-03-31",
                                                "Two pools open until 8 pm", &error));
  g_assert_no_error (error);
  g_assert_false (equity_plan_add_progress_note (fixture->project, action, "Q1", "x", &error));
  g_clear_error (&error);

  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM change_log"), ==, before + 3);
  log = equity_project_list_changes (fixture->project, "action", action, &error);
  g_assert_cmpuint (log->len, ==, 4);  /* created, owner twice, the note */
  g_assert_cmpstr (g_hash_table_lookup (g_ptr_array_index (log, 2), "old_value"), ==, "R. Jones");
  g_assert_cmpstr (g_hash_table_lookup (g_ptr_array_index (log, 2), "new_value"), ==, "D. Smith");
  g_assert_cmpstr (g_hash_table_lookup (g_ptr_array_index (log, 3), "new_value"), ==,
                   "2026-03-31: Two pools open until 8 pm");
  notes = equity_project_list_notes (fixture->project, action, &error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_true (equity_plan_set_goal_title (fixture->project, goal, "Pools for every neighborhood", &error));
  g_assert_false (equity_plan_set_goal_title (fixture->project, goal, "", &error));
  g_clear_error (&error);
  /* the goal's creation and its one rename */
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM change_log WHERE item_kind = 'goal'"), ==, 2);
  g_assert_cmpstr (test_query_text (db, "SELECT old_value || ' -> ' || new_value FROM change_log "
                                        "WHERE item_kind = 'goal' AND field = 'title'"), ==,
                   "Equal access to pools -> Pools for every neighborhood");
}

/* OWASP CSV injection: a value starting with = + - @ opens as text, with a
 * leading apostrophe; a plain negative number stays a number */
static void
test_log_csv_formulas (TestProject       *fixture,
                       gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  gint64 goal = add_goal (fixture, "Pools");
  gint64 action = add_action (fixture, goal, "=HYPERLINK(\"http://x\",\"y\")");

  set (fixture, action, "owner", "@SUM(A1)");
  set (fixture, action, "department", "+Parks");
  set (fixture, action, "title", "-1+2");
  csv = equity_change_log_to_csv (fixture->project, "action", action, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""));
  g_assert_nonnull (strstr (csv, ",'@SUM(A1)\r\n"));
  g_assert_nonnull (strstr (csv, ",'+Parks\r\n"));
  g_assert_nonnull (strstr (csv, ",'-1+2\r\n"));
  g_assert_null (strstr (csv, ",="));
  g_assert_null (strstr (csv, ",@"));
  set (fixture, action, "title", "Evening hours");
  g_clear_pointer (&csv, g_free);
  csv = equity_change_log_to_csv (fixture->project, "action", action, &error);
  g_assert_nonnull (strstr (csv, ",'-1+2,Evening hours\r\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/overdue-rule", test_overdue_rule);
  test_add_with_project ("/plan/numbering", test_numbering);
  test_add_with_project ("/plan/fields-and-flags", test_fields_and_flags);
  test_add_with_project ("/plan/off-track-async", test_off_track_async);
  test_add_with_project ("/plan/log", test_plan_log);
  test_add_with_project ("/plan/log-csv-formulas", test_log_csv_formulas);

  return g_test_run ();
}
