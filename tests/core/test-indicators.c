/* test-indicators.c — equity scores, change, means, status, per-year
 * evaluation of a saved analysis, and the schema 3 → 4 migration
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scores are checked against the ratio-to-score table of Oakland Equity
 * Indicators 2018, Appendix B (../shared/FRAMEWORK-ANCHORS.md §1): its worked
 * values, and every band edge worked by hand in the comments with
 * score = band's first score − floor((R − band start) / step).
 */

#include "config.h"

#include "indicators-test-util.h"
#include "equity-indicator-private.h"
#include "equity-project-private.h"
#include "equity-schema.h"

static void
assert_score (EquityScoreTable *table,
              double            ratio,
              double            expected)
{
  g_test_message ("R %.3f", ratio);
  g_assert_cmpfloat (equity_score_table_score (table, ratio), ==, expected);
}

static void
test_score_table (void)
{
  g_autoptr(EquityScoreTable) table = equity_score_table_new_default ();

  /* worked values printed in the Oakland report */
  assert_score (table, 2.12, 40);   /* 40 − floor(0.120 / 0.150 = 0.8) = 40 */
  assert_score (table, 1.63, 55);   /* 60 − floor(0.130 / 0.025 = 5.2) = 55 */
  assert_score (table, 3.08, 33);   /* 40 − floor(1.080 / 0.150 = 7.2) = 33 */
  assert_score (table, 0.75, 100);  /* below parity */

  /* band edges */
  assert_score (table, 1.004, 100); /* 1.000–1.004: 100 */
  assert_score (table, 1.005, 99);  /* first of 99…81 */
  assert_score (table, 1.099, 81);  /* 99 − floor(0.094 / 0.005 = 18.8) = 81 */
  assert_score (table, 1.100, 80);  /* first of 80…61 */
  assert_score (table, 1.499, 61);  /* 80 − floor(0.399 / 0.020 = 19.95) = 61 */
  assert_score (table, 1.500, 60);
  assert_score (table, 1.999, 41);  /* 60 − floor(0.499 / 0.025 = 19.96) = 41 */
  assert_score (table, 2.000, 40);
  assert_score (table, 4.999, 21);  /* 40 − floor(2.999 / 0.150 = 19.99) = 21 */
  assert_score (table, 5.000, 20);
  assert_score (table, 9.999, 1);   /* 20 − floor(4.999 / 0.250 = 19.996) = 1 */
  assert_score (table, 10.000, 1);
  assert_score (table, 250.0, 1);
  assert_score (table, 1.000, 100);
  /* read to three decimals: 1.0049 is 1.005 */
  assert_score (table, 1.0049, 99);
  g_assert_true (isnan (equity_score_table_score (table, NAN)));
}

static void
test_percentage_rule (void)
{
  /* Oakland: 51.6 % of curb ramps not accessible → 100 − 51.6 = 48.4 → 49 */
  g_assert_cmpfloat (equity_score_percentage (51.6, TRUE), ==, 49);
  /* the same data framed positively, 48.4 % accessible, scores the same */
  g_assert_cmpfloat (equity_score_percentage (48.4, FALSE), ==, 49);
  g_assert_cmpfloat (equity_score_percentage (73.0, FALSE), ==, 73);
  g_assert_cmpfloat (equity_score_percentage (100.0, TRUE), ==, 1);  /* the floor is 1 */
  g_assert_cmpfloat (equity_score_percentage (0.0, TRUE), ==, 100);
}

static EquityIndicator *
typed_ratio (const char *name,
             const char *theme,
             const char *topic,
             const int  *years,
             const double *ratios,
             guint       n)
{
  EquityIndicator *indicator = equity_indicator_new (name);

  equity_indicator_set_theme (indicator, theme);
  equity_indicator_set_topic (indicator, topic);
  for (guint i = 0; i < n; i++)
    {
      EquityIndicatorYear year;

      equity_indicator_year_init (&year, years[i]);
      year.value = ratios[i];
      equity_indicator_set_value (indicator, &year);
    }
  return indicator;
}

static EquityIndicatorEvaluation *
evaluate_typed (EquityIndicator *indicator)
{
  g_autoptr(EquityScoreTable) table = equity_score_table_new_default ();

  return equity_indicator_evaluation_new (indicator, table, equity_indicator_get_values (indicator));
}

/* change = score − baseline score; topic, theme, city = means of the level below */
static void
test_change_and_means (void)
{
  static const int years[] = { 2019, 2020 };
  /* 2019: R 2.0 → 40, R 1.5 → 60, R 3.5 → 40 − floor(1.5/0.15 = 10) = 30,
   *       R 1.05 → 99 − floor(0.045/0.005 = 9) = 90
   * 2020: R 1.63 → 55, R 1.5 → 60, R 3.5 → 30, R 1.0 → 100 */
  static const double a[] = { 2.0, 1.63 }, b[] = { 1.5, 1.5 }, c[] = { 3.5, 3.5 }, d[] = { 1.05, 1.0 };
  g_autoptr(GPtrArray) indicators = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) evaluations = g_ptr_array_new_with_free_func ((GDestroyNotify) equity_indicator_evaluation_unref);
  g_autoptr(EquityIndicatorSummary) summary = NULL;
  EquityIndicatorEvaluation *first;
  guint n_years;

  g_ptr_array_add (indicators, typed_ratio ("a", "Economy", "Jobs", years, a, 2));
  g_ptr_array_add (indicators, typed_ratio ("b", "Economy", "Jobs", years, b, 2));
  g_ptr_array_add (indicators, typed_ratio ("c", "Economy", "Housing", years, c, 2));
  g_ptr_array_add (indicators, typed_ratio ("d", "Health", "Access", years, d, 2));
  for (guint i = 0; i < indicators->len; i++)
    g_ptr_array_add (evaluations, evaluate_typed (g_ptr_array_index (indicators, i)));

  first = g_ptr_array_index (evaluations, 0);
  g_assert_cmpint (equity_indicator_evaluation_get_baseline_year (first), ==, 2019);
  g_assert_cmpfloat (equity_indicator_evaluation_get_year (first, 0)->score, ==, 40);
  g_assert_cmpfloat (equity_indicator_evaluation_get_year (first, 1)->score, ==, 55);
  g_assert_cmpfloat (equity_indicator_evaluation_get_year (first, 0)->change, ==, 0);
  g_assert_cmpfloat (equity_indicator_evaluation_get_year (first, 1)->change, ==, 15);  /* 55 − 40 */
  g_assert_cmpfloat (equity_indicator_evaluation_get_year (g_ptr_array_index (evaluations, 3), 1)->change, ==, 10);

  summary = equity_indicator_summary_new (indicators, evaluations);
  equity_indicator_summary_get_years (summary, &n_years);
  g_assert_cmpuint (n_years, ==, 2);
  /* 2019: Jobs (40 + 60) / 2 = 50; Housing 30; Economy (50 + 30) / 2 = 40;
   *       Health 90; city (40 + 90) / 2 = 65 */
  g_assert_cmpfloat (equity_indicator_summary_topic_score (summary, "Economy", "Jobs", 2019), ==, 50);
  g_assert_cmpfloat (equity_indicator_summary_theme_score (summary, "Economy", 2019), ==, 40);
  g_assert_cmpfloat (equity_indicator_summary_theme_score (summary, "Health", 2019), ==, 90);
  g_assert_cmpfloat (equity_indicator_summary_city_score (summary, 2019), ==, 65);
  /* 2020: Jobs (55 + 60) / 2 = 57.5; Economy (57.5 + 30) / 2 = 43.75;
   *       Health 100; city (43.75 + 100) / 2 = 71.875 */
  g_assert_cmpfloat (equity_indicator_summary_topic_score (summary, "Economy", "Jobs", 2020), ==, 57.5);
  g_assert_cmpfloat (equity_indicator_summary_theme_score (summary, "Economy", 2020), ==, 43.75);
  g_assert_cmpfloat (equity_indicator_summary_city_score (summary, 2020), ==, 71.875);
  g_assert_true (isnan (equity_indicator_summary_city_score (summary, 2021)));
}

/* the latest year with a value, its interval against that year's target */
static EquityIndicatorStatus
status_of (EquityIndicatorKind       kind,
           EquityIndicatorDirection  direction,
           double                    value,
           double                    low,
           double                    high,
           double                    target)
{
  g_autoptr(EquityIndicator) indicator = equity_indicator_new ("status");
  g_autoptr(EquityIndicatorEvaluation) evaluation = NULL;
  EquityIndicatorYear year;

  equity_indicator_set_kind (indicator, kind);
  equity_indicator_set_direction (indicator, direction);
  equity_indicator_year_init (&year, 2020);
  year.value = 3.0;  /* an earlier year off target does not count */
  year.target = 1.0;
  equity_indicator_set_value (indicator, &year);
  equity_indicator_year_init (&year, 2022);
  year.value = value, year.low = low, year.high = high, year.target = target;
  equity_indicator_set_value (indicator, &year);
  evaluation = evaluate_typed (indicator);
  return equity_indicator_evaluation_get_status (evaluation);
}

static void
test_status_rule (void)
{
  EquityIndicatorKind r = EQUITY_INDICATOR_RATIO, p = EQUITY_INDICATOR_PERCENTAGE;
  EquityIndicatorDirection worse = EQUITY_INDICATOR_HIGHER_IS_WORSE, better = EQUITY_INDICATOR_HIGHER_IS_BETTER;

  /* ratio: lower is good; the interval's low end reaches 1.5 */
  g_assert_cmpint (status_of (r, worse, 1.8, 1.4, 2.3, 1.5), ==, EQUITY_INDICATOR_ON_TRACK);
  g_assert_cmpint (status_of (r, worse, 1.8, 1.6, 2.3, 1.5), ==, EQUITY_INDICATOR_OFF_TRACK);
  /* a good outcome's ratio is flipped, still lower is good */
  g_assert_cmpint (status_of (r, better, 1.8, 1.6, 2.3, 1.5), ==, EQUITY_INDICATOR_OFF_TRACK);
  /* no interval: the value itself */
  g_assert_cmpint (status_of (r, worse, 1.5, NAN, NAN, 1.5), ==, EQUITY_INDICATOR_ON_TRACK);
  /* no target for the latest year */
  g_assert_cmpint (status_of (r, worse, 1.2, 1.0, 1.4, NAN), ==, EQUITY_INDICATOR_NO_DATA);
  /* percentage of a good outcome: the high end must reach the target */
  g_assert_cmpint (status_of (p, better, 70, 66, 74, 75), ==, EQUITY_INDICATOR_OFF_TRACK);
  g_assert_cmpint (status_of (p, better, 70, 66, 76, 75), ==, EQUITY_INDICATOR_ON_TRACK);
  /* percentage of a bad outcome: the low end */
  g_assert_cmpint (status_of (p, worse, 30, 26, 34, 25), ==, EQUITY_INDICATOR_OFF_TRACK);
  g_assert_cmpint (status_of (p, worse, 30, 24, 34, 25), ==, EQUITY_INDICATOR_ON_TRACK);

  {
    g_autoptr(EquityIndicator) empty = equity_indicator_new ("empty");
    g_autoptr(EquityIndicatorEvaluation) evaluation = evaluate_typed (empty);
    g_assert_cmpint (equity_indicator_evaluation_get_status (evaluation), ==, EQUITY_INDICATOR_NO_DATA);
  }
}

/* a straight path from the baseline value to the goal */
static void
test_target_path (void)
{
  static const int years[] = { 2018, 2023, 2030 };
  static const double ratios[] = { 2.0, 1.7, 1.2 };
  g_autoptr(EquityIndicator) indicator = typed_ratio ("path", "", "", years, ratios, 3);
  g_autoptr(EquityIndicatorEvaluation) evaluation = NULL;

  equity_indicator_set_baseline_year (indicator, 2018);
  equity_indicator_set_goal (indicator, 2028, 1.0);
  evaluation = evaluate_typed (indicator);
  /* 2018: 2.0; 2023: 2.0 + (1.0 − 2.0) × 5 / 10 = 1.5; 2030, past the goal year: 1.0 */
  g_assert_cmpfloat (equity_indicator_evaluation_get_year (evaluation, 0)->target, ==, 2.0);
  g_assert_cmpfloat_with_epsilon (equity_indicator_evaluation_get_year (evaluation, 1)->target, 1.5, 1e-12);
  g_assert_cmpfloat (equity_indicator_evaluation_get_year (evaluation, 2)->target, ==, 1.0);
  /* 2030: 1.2 with no interval is above 1.0 */
  g_assert_cmpint (equity_indicator_evaluation_get_status (evaluation), ==, EQUITY_INDICATOR_OFF_TRACK);
}

static EquityIndicator *
stops_indicator (TestProject    *fixture,
                 const char *year_column_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityAnalysis) analysis = equity_analysis_new_from_data (stops_spec, -1, NULL, &error);
  EquityDataset *stops = equity_project_find_dataset (fixture->project, "stops");
  EquityIndicator *indicator = equity_indicator_new ("Stops, Black vs White residents");
  static const int years[] = { 2021, 2020 };
  gint64 id;

  g_assert_true (equity_analysis_save (analysis, fixture->project, &error));
  g_assert_no_error (error);
  id = equity_project_get_analysis_id (fixture->project, "Stops by race", &error);
  g_assert_no_error (error);
  equity_indicator_set_analysis (indicator, id,
                                 equity_column_get_position (equity_dataset_find_column (stops, year_column_name)),
                                 years, 2);
  equity_indicator_set_groups (indicator, "B", "W");
  equity_indicator_set_baseline_year (indicator, 2020);
  return indicator;
}

/* a scratch project holding the stops fixture (import_stops) */
static void
stops_set_up (TestProject   *fixture,
              gconstpointer  data)
{
  test_project_set_up (fixture, NULL);
  import_stops (fixture);
}

#define test_add_with_stops(path, func) \
  g_test_add ((path), TestProject, NULL, stops_set_up, (func), test_project_tear_down)

/* The stops indicator's years, B against W. 2020 (the 40 stops of 2019 left
 * out): B 12 / 1000 × 1000 = 12; W 20 / 4000 × 1000 = 5; R = 2.4, log
 * method: SE = sqrt(1/12 + 1/20) = 0.365148, 2.4 × exp(∓1.959964 × SE)
 * = 1.173266 … 4.909374 (python3, math module); score 40 − floor(0.4 / 0.15)
 * = 38. 2021: B 15 → 15; W 30 / 4000 × 1000 = 7.5; R 2.0 (1.076109 …
 * 3.717094); score 40; change +2. */
static const struct
{
  int    year;
  double count_a, count_b, rate_a, rate_b, ratio, ratio_low, ratio_high, score, change;
} stops_years[] = {
  { 2020, 12, 20, 12, 5, 2.4, 1.173266, 4.909374, 38, 0 },
  { 2021, 15, 30, 15, 7.5, 2.0, 1.076109, 3.717094, 40, 2 },
};

static void
assert_stops_years (EquityIndicatorEvaluation *evaluation)
{
  g_assert_cmpuint (equity_indicator_evaluation_get_n_years (evaluation), ==, G_N_ELEMENTS (stops_years));
  for (guint i = 0; i < G_N_ELEMENTS (stops_years); i++)
    {
      const EquityIndicatorYear *year = equity_indicator_evaluation_get_year (evaluation, i);

      g_test_message ("%d", stops_years[i].year);
      g_assert_cmpint (year->year, ==, stops_years[i].year);
      g_assert_cmpfloat (year->count_a, ==, stops_years[i].count_a);
      g_assert_cmpfloat (year->count_b, ==, stops_years[i].count_b);
      g_assert_cmpfloat_with_epsilon (year->rate_a, stops_years[i].rate_a, 1e-9);
      g_assert_cmpfloat_with_epsilon (year->rate_b, stops_years[i].rate_b, 1e-9);
      g_assert_cmpfloat_with_epsilon (year->ratio, stops_years[i].ratio, 1e-9);
      g_assert_cmpfloat_with_epsilon (year->ratio_low, stops_years[i].ratio_low, 1e-6);
      g_assert_cmpfloat_with_epsilon (year->ratio_high, stops_years[i].ratio_high, 1e-6);
      g_assert_cmpfloat (year->value, ==, year->ratio);
      g_assert_cmpfloat (year->score, ==, stops_years[i].score);
      g_assert_cmpfloat (year->change, ==, stops_years[i].change);
    }
}

/* evaluates INDICATOR in this thread: the stops years */
static void
assert_evaluates_stops (TestProject     *fixture,
                        EquityIndicator *indicator)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityIndicatorEvaluation) evaluation = equity_indicator_evaluate (fixture->project, indicator,
                                                                               NULL, &error);

  g_assert_no_error (error);
  assert_stops_years (evaluation);
}

static void
test_evaluate_saved_analysis (TestProject   *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityIndicator) by_date = stops_indicator (fixture, "date");
  g_autoptr(EquityIndicator) by_year = NULL;
  g_autoptr(EquityIndicatorEvaluation) evaluation = NULL;
  g_autoptr(GPtrArray) both = g_ptr_array_new ();
  g_autoptr(GPtrArray) evaluations = NULL;
  g_autofree char *named = NULL;

  assert_evaluates_stops (fixture, by_date);
  /* a column of year numbers selects the same events */
  by_year = stops_indicator (fixture, "year");
  assert_evaluates_stops (fixture, by_year);

  /* renaming the events dataset changes nothing: the analysis, the year
   * column and the indicator all refer to it by id */
  g_assert_true (equity_project_rename_dataset (fixture->project, equity_project_find_dataset (fixture->project, "stops"),
                                                "Stops (renamed)", &error));
  g_assert_no_error (error);
  assert_evaluates_stops (fixture, by_date);

  /* a group the analysis does not have is named */
  equity_indicator_set_groups (by_year, "B", "X");
  evaluation = equity_indicator_evaluate (fixture->project, by_year, NULL, &error);
  g_assert_null (evaluation);
  g_assert_nonnull (strstr (error->message, "no group “X”"));
  g_clear_error (&error);

  /* side by side: each in its place, or the first failure with its name */
  g_ptr_array_add (both, by_date);
  g_ptr_array_add (both, by_date);
  evaluations = equity_indicator_evaluate_each (fixture->project, both, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evaluations->len, ==, 2);
  for (guint i = 0; i < evaluations->len; i++)
    assert_stops_years (g_ptr_array_index (evaluations, i));
  g_clear_pointer (&evaluations, g_ptr_array_unref);
  g_ptr_array_add (both, by_year);
  evaluations = equity_indicator_evaluate_each (fixture->project, both, NULL, &error);
  g_assert_null (evaluations);
  named = g_strdup_printf ("Indicator “%s”: ", equity_indicator_get_name (by_year));
  g_assert_true (g_str_has_prefix (error->message, named));
  g_assert_nonnull (strstr (error->message, "no group “X”"));
}

/* one evaluation in a worker */
typedef struct
{
  EquityIndicatorEvaluation *evaluation;
  GError                    *error;
  TestProgress               progress;
} AsyncEvaluation;

/* evaluates the stops indicator (by date) in a worker, cancelled before
 * it starts when CANCEL, and waits for it */
static void
evaluate_stops_async (TestProject     *fixture,
                      gboolean         cancel,
                      AsyncEvaluation *run)
{
  g_autoptr(EquityIndicator) indicator = stops_indicator (fixture, "date");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;

  if (cancel)
    g_cancellable_cancel (cancellable);
  equity_indicator_evaluate_async (indicator, equity_project_get_path (fixture->project), cancellable,
                                   test_progress_cb, &run->progress, test_keep_result_cb, &result);
  run->evaluation = equity_indicator_evaluate_finish (indicator, test_await_result (&result), &run->error);
}

static void
test_evaluate_async (TestProject   *fixture,
                     gconstpointer  data)
{
  AsyncEvaluation run = { 0 };

  evaluate_stops_async (fixture, FALSE, &run);
  g_assert_no_error (run.error);
  assert_stops_years (run.evaluation);
  g_assert_cmpfloat (run.progress.last, ==, 1.0);
  equity_indicator_evaluation_unref (run.evaluation);
}

/* Cancelled before the worker starts: it says so, and reports no progress. */
static void
test_evaluate_cancelled (TestProject   *fixture,
                         gconstpointer  data)
{
  AsyncEvaluation run = { 0 };

  evaluate_stops_async (fixture, TRUE, &run);
  g_assert_null (run.evaluation);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (run.progress.last, ==, 0);
  g_error_free (run.error);
}

/* add, list, update, delete and undelete keep every field */
static void
test_store (TestProject       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityIndicator) indicator = NULL;
  g_autoptr(EquityIndicator) deleted = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(EquityScoreTable) table = NULL;
  EquityIndicator *read;
  EquityIndicatorYear year;

  indicator = stops_indicator (fixture, "date");
  equity_indicator_set_theme (indicator, "Justice");
  equity_indicator_set_topic (indicator, "Policing <b>&");
  equity_indicator_set_goal (indicator, 2030, 1.25);
  equity_indicator_year_init (&year, 2021);
  year.target = 1.8;
  equity_indicator_set_value (indicator, &year);
  g_assert_true (equity_project_add_indicator (fixture->project, indicator, &error));
  g_assert_no_error (error);
  g_assert_cmpint (equity_indicator_get_id (indicator), >, 0);

  listed = equity_project_list_indicators (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  read = g_ptr_array_index (listed, 0);
  g_assert_cmpstr (equity_indicator_get_topic (read), ==, "Policing <b>&");
  g_assert_cmpint (equity_indicator_get_analysis_id (read), ==, equity_indicator_get_analysis_id (indicator));
  g_assert_cmpint (equity_indicator_get_year_column (read), ==, equity_indicator_get_year_column (indicator));
  g_assert_cmpint (equity_indicator_get_years (read, NULL)[0], ==, 2020);
  g_assert_cmpint (equity_indicator_get_goal_year (read), ==, 2030);
  g_assert_cmpfloat (equity_indicator_get_goal_value (read), ==, 1.25);
  g_assert_cmpuint (equity_indicator_get_values (read)->len, ==, 1);
  g_assert_cmpfloat (g_array_index (equity_indicator_get_values (read), EquityIndicatorYear, 0).target, ==, 1.8);
  g_assert_true (isnan (g_array_index (equity_indicator_get_values (read), EquityIndicatorYear, 0).value));

  /* a second with the same name is refused */
  {
    g_autoptr(EquityIndicator) twin = equity_indicator_new (equity_indicator_get_name (indicator));
    g_assert_false (equity_project_add_indicator (fixture->project, twin, &error));
    g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_EXISTS);
    g_clear_error (&error);
  }

  equity_indicator_set_name (indicator, "Renamed");
  g_assert_true (equity_project_update_indicator (fixture->project, indicator, &error));
  g_assert_no_error (error);
  deleted = equity_project_delete_indicator (fixture->project, equity_indicator_get_id (indicator), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (equity_indicator_get_name (deleted), ==, "Renamed");
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = equity_project_list_indicators (fixture->project, &error);
  g_assert_cmpuint (listed->len, ==, 0);

  g_assert_true (equity_project_undelete_indicator (fixture->project, deleted, &error));
  g_assert_no_error (error);
  g_clear_object (&deleted);
  deleted = equity_project_find_indicator (fixture->project, "Renamed", &error);
  g_assert_no_error (error);
  g_assert_cmpint (equity_indicator_get_id (deleted), ==, equity_indicator_get_id (indicator));
  g_assert_cmpfloat (g_array_index (equity_indicator_get_values (deleted), EquityIndicatorYear, 0).target, ==, 1.8);

  /* the stored score table is the method's, with its source */
  table = equity_project_dup_score_table (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (equity_score_table_get_n_bands (table), ==, 7);
  g_assert_nonnull (strstr (equity_score_table_get_source (table), "Oakland"));
  g_assert_cmpfloat (equity_score_table_score (table, 3.08), ==, 33);
}

/* The score table is the project's: an edit changes the scores. */
static void
test_edited_score_table (TestProject       *fixture,
                         gconstpointer  data)
{
  static const EquityScoreBand bands[] = { { 1.0, 100, 0.01 }, { 2.0, 50, 0 } };
  g_autoptr(EquityScoreTable) edited = equity_score_table_new (bands, 2, "a local table");
  g_autoptr(EquityScoreTable) read = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (equity_project_set_score_table (fixture->project, edited, &error));
  g_assert_no_error (error);
  read = equity_project_dup_score_table (fixture->project, &error);
  g_assert_cmpstr (equity_score_table_get_source (read), ==, "a local table");
  /* 1.25: 100 − floor(0.25 / 0.01) = 75 */
  g_assert_cmpfloat (equity_score_table_score (read, 1.25), ==, 75);
  g_assert_cmpfloat (equity_score_table_score (read, 2.5), ==, 50);
}

/* A project written by schema 3 opens, is upgraded, keeps its data and
 * gains the indicator tables with the method's score table. */
static void
test_migrate_from_3 (TestScratch   *scratch,
                     gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = g_build_filename (dir, "old.equity", NULL);
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(EquityScoreTable) table = NULL;
  g_autoptr(EquityIndicator) indicator = equity_indicator_new ("new");
  sqlite3 *db = NULL;

  test_create_old_project (path, 3, "kept");

  project = test_open_project (path);
  db = equity_project_get_db (project);
  g_assert_cmpint (test_query_int (db, "PRAGMA user_version"), >=, 4);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM analyses WHERE name = 'kept'"), ==, 1);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM score_bands"), ==, 7);
  listed = equity_project_list_indicators (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 0);
  table = equity_project_dup_score_table (project, &error);
  g_assert_cmpfloat (equity_score_table_score (table, 2.12), ==, 40);
  g_assert_true (equity_project_add_indicator (project, indicator, &error));
  g_assert_no_error (error);
  equity_project_close (project);
}

/* The sample project: at least four indicators over two themes, every one
 * evaluating; Asheville arrests per year match a count of the CSV. */
static void
test_sample (TestScratch   *scratch,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityProject) project = test_create_sample_project (scratch->dir, NULL);
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) evaluations = g_ptr_array_new_with_free_func ((GDestroyNotify) equity_indicator_evaluation_unref);
  g_autoptr(GHashTable) themes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(EquityIndicatorSummary) summary = NULL;
  EquityIndicator *arrests = NULL;
  EquityIndicatorEvaluation *arrests_evaluation = NULL;

  indicators = equity_project_list_indicators (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (indicators->len, >=, 4);
  for (guint i = 0; i < indicators->len; i++)
    {
      EquityIndicator *indicator = g_ptr_array_index (indicators, i);
      EquityIndicatorEvaluation *evaluation = equity_indicator_evaluate (project, indicator, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (equity_indicator_evaluation_get_n_years (evaluation), >=, 2);
      g_assert_cmpint (equity_indicator_evaluation_get_status (evaluation), !=, EQUITY_INDICATOR_NO_DATA);
      g_ptr_array_add (evaluations, evaluation);
      g_hash_table_add (themes, (gpointer) equity_indicator_get_theme (indicator));
      if (equity_indicator_get_analysis_id (indicator) > 0)
        arrests = indicator, arrests_evaluation = evaluation;
    }
  g_assert_cmpuint (g_hash_table_size (themes), >=, 2);
  summary = equity_indicator_summary_new (indicators, evaluations);
  g_assert_false (isnan (equity_indicator_summary_city_score (summary, 2020)));

  /* data/samples/apd_arrests_2020_2021.csv counted by python3's csv module,
   * by the first four characters of date_arrested and subject_race:
   * 2020 B 2310, W 5467; 2021 B 2142, W 4847 */
  g_assert_nonnull (arrests);
  g_assert_cmpfloat (equity_indicator_evaluation_find_year (arrests_evaluation, 2020)->count_a, ==, 2310);
  g_assert_cmpfloat (equity_indicator_evaluation_find_year (arrests_evaluation, 2020)->count_b, ==, 5467);
  g_assert_cmpfloat (equity_indicator_evaluation_find_year (arrests_evaluation, 2021)->count_a, ==, 2142);
  g_assert_cmpfloat (equity_indicator_evaluation_find_year (arrests_evaluation, 2021)->count_b, ==, 4847);
  equity_project_close (project);
}

/* Yearly values from CSV: year,value[,low,high] with a header, and the
 * Charlotte metric layout averaged over its areas; a bad line names its
 * line and column and leaves the stored values as they were. */
static void
test_import_values (TestProject       *fixture,
                    gconstpointer  data)
{
  g_autofree char *plain = write_scratch (fixture, "values.csv", "year,value,low,high\n2019,12.5,10,15\n2020,11,9.5,12.5\n");
  g_autofree char *charlotte = write_scratch (fixture, "r99.csv", "id,y_2017,y_2019\n2,10,\n3,20,7\n5,,9\n");
  g_autofree char *bad = write_scratch (fixture, "bad.csv", "2019,12.5\n2020,eleven\n");
  g_autoptr(EquityIndicator) indicator = equity_indicator_new ("imported");
  g_autoptr(GError) error = NULL;
  GArray *values = equity_indicator_get_values (indicator);

  g_assert_true (equity_indicator_import_values (indicator, plain, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 2);
  g_assert_cmpint (g_array_index (values, EquityIndicatorYear, 1).year, ==, 2020);
  g_assert_cmpfloat (g_array_index (values, EquityIndicatorYear, 1).value, ==, 11);
  g_assert_cmpfloat (g_array_index (values, EquityIndicatorYear, 1).low, ==, 9.5);

  g_assert_false (equity_indicator_import_values (indicator, bad, &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bad.csv, line 2, column 2"));
  g_clear_error (&error);
  g_assert_cmpuint (values->len, ==, 2);  /* kept */
  g_assert_cmpfloat (g_array_index (values, EquityIndicatorYear, 0).value, ==, 12.5);

  /* 2017: (10 + 20) / 2 = 15 (area 5 has none); 2019: (7 + 9) / 2 = 8 */
  g_assert_true (equity_indicator_import_values (indicator, charlotte, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, ==, 2);
  g_assert_cmpint (g_array_index (values, EquityIndicatorYear, 0).year, ==, 2017);
  g_assert_cmpfloat (g_array_index (values, EquityIndicatorYear, 0).value, ==, 15);
  g_assert_cmpfloat (g_array_index (values, EquityIndicatorYear, 1).value, ==, 8);
}

/* [counts] in a spec: the ratio and its interval by the log method, and a
 * good outcome flipped; the saved analysis is kept by id through a rename. */
static void
test_spec_counts (TestProject       *fixture,
                  gconstpointer  data)
{
  static const char spec[] =
    "[indicator]\n"
    "name = Library cards\n"
    "direction = higher-is-better\n"
    "per = 100\n"
    "[counts]\n"
    "2018 = 20, 200, 30, 150\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityIndicator) indicator = equity_indicator_new_from_data (fixture->project, spec, -1, "cards.ini", &error);
  g_autoptr(EquityIndicatorEvaluation) evaluation = NULL;
  const EquityIndicatorYear *year;

  g_assert_no_error (error);
  evaluation = equity_indicator_evaluate (fixture->project, indicator, NULL, &error);
  g_assert_no_error (error);
  year = equity_indicator_evaluation_get_year (evaluation, 0);
  /* A 20 / 200 = 10 per 100, B 30 / 150 = 20 per 100; a good outcome: R = 20 / 10 = 2.0,
   * SE = sqrt(1/20 + 1/30) = 0.288675, 2 × exp(∓1.959964 × SE) = 1.135819 … 3.521687
   * (python3, math module); score 40 */
  g_assert_cmpfloat_with_epsilon (year->rate_a, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (year->rate_b, 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (year->ratio, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (year->ratio_low, 1.135819, 1e-6);
  g_assert_cmpfloat_with_epsilon (year->ratio_high, 3.521687, 1e-6);
  g_assert_cmpfloat (year->score, ==, 40);

  /* a percentage counted: 51.6 % as 516 of 1,000 curb ramps not accessible; Wilson's
   * interval 48.502415 … 54.685339 % (Wilson's formula worked in python3, math module);
   * score 100 − 51.6 → 49 */
  g_clear_object (&indicator);
  g_clear_pointer (&evaluation, equity_indicator_evaluation_unref);
  indicator = equity_indicator_new_from_data (fixture->project, "[indicator]\nname = Curbs\nkind = percentage\n"
                                              "[counts]\n2018 = 516, 1000\n", -1, "curbs.ini", &error);
  g_assert_no_error (error);
  evaluation = equity_indicator_evaluate (fixture->project, indicator, NULL, &error);
  year = equity_indicator_evaluation_get_year (evaluation, 0);
  g_assert_cmpfloat_with_epsilon (year->value, 51.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (year->low, 48.502415, 1e-5);
  g_assert_cmpfloat_with_epsilon (year->high, 54.685339, 1e-5);
  g_assert_cmpfloat (year->score, ==, 49);

  /* an unknown saved analysis is named */
  g_clear_object (&indicator);
  indicator = equity_indicator_new_from_data (fixture->project, "[indicator]\nname = x\nanalysis = Nothing\n", -1,
                                              "x.ini", &error);
  g_assert_null (indicator);
  g_assert_nonnull (strstr (error->message, "x.ini: [indicator] analysis:"));
  g_assert_nonnull (strstr (error->message, "Nothing"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/indicators/score-table", test_score_table);
  g_test_add_func ("/indicators/percentage-rule", test_percentage_rule);
  g_test_add_func ("/indicators/change-and-means", test_change_and_means);
  g_test_add_func ("/indicators/status-rule", test_status_rule);
  g_test_add_func ("/indicators/target-path", test_target_path);
  test_add_with_scratch ("/indicators/migrate-from-3", test_migrate_from_3);
  test_add_with_stops ("/indicators/evaluate-saved-analysis", test_evaluate_saved_analysis);
  test_add_with_stops ("/indicators/evaluate-async", test_evaluate_async);
  test_add_with_stops ("/indicators/evaluate-cancelled", test_evaluate_cancelled);
  test_add_with_stops ("/indicators/store", test_store);
  test_add_with_project ("/indicators/edited-score-table", test_edited_score_table);

  test_add_with_scratch ("/indicators/sample", test_sample);
  test_add_with_project ("/indicators/import-values", test_import_values);
  test_add_with_project ("/indicators/spec-counts", test_spec_counts);

  return g_test_run ();
}
