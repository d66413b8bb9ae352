/* equity-indicator-evaluation.c — an indicator's years: measured (a saved
 * analysis per year, or stored values), oriented, scored, against targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are stated in docs/methods.md, "Equity indicators".
 */

#define G_LOG_DOMAIN "equity-indicators"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-analysis.h"
#include "equity-analysis-kinds.h"
#include "equity-error.h"
#include "equity-indicator-evaluation.h"
#include "equity-stats.h"
#include "equity-worker.h"

/* intervals of indicators: 95 %, as the analyses' default */
#define CONFIDENCE 0.95

struct _EquityIndicatorEvaluation
{
  gatomicrefcount        ref_count;
  GArray                *years;   /* EquityIndicatorYear */
  int                    baseline_year;
  EquityIndicatorStatus  status;
  char                  *source;
};

G_DEFINE_BOXED_TYPE (EquityIndicatorEvaluation, equity_indicator_evaluation,
                     equity_indicator_evaluation_ref, equity_indicator_evaluation_unref)

EquityIndicatorEvaluation *
equity_indicator_evaluation_ref (EquityIndicatorEvaluation *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
equity_indicator_evaluation_unref (EquityIndicatorEvaluation *self)
{
  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->years);
      g_free (self->source);
      g_free (self);
    }
}

/* The ratio as the method orients it: above 1 means inequity. For a bad
 * outcome, the disadvantaged group's rate over the advantaged group's; for
 * a good outcome, the other way round. */
static void
orient_ratio (EquityIndicator     *indicator,
              EquityIndicatorYear *year)
{
  gboolean worse = equity_indicator_get_direction (indicator) == EQUITY_INDICATOR_HIGHER_IS_WORSE;
  double per = equity_indicator_get_per (indicator);

  if (!isnan (year->count_a) && !isnan (year->population_a) && isnan (year->rate_a))
    {
      EquityEstimate rate;
      equity_stats_rate (year->count_a, year->population_a, per, CONFIDENCE, &rate);
      year->rate_a = rate.value, year->rate_a_low = rate.low, year->rate_a_high = rate.high;
    }
  if (!isnan (year->count_b) && !isnan (year->population_b) && isnan (year->rate_b))
    {
      EquityEstimate rate;
      equity_stats_rate (year->count_b, year->population_b, per, CONFIDENCE, &rate);
      year->rate_b = rate.value, year->rate_b_low = rate.low, year->rate_b_high = rate.high;
    }

  if (!isnan (year->count_a) && !isnan (year->population_a)
      && !isnan (year->count_b) && !isnan (year->population_b))
    {
      /* counts: the log method of equity-stats (docs/methods.md) */
      EquityEstimate ratio;

      if (worse)
        equity_stats_rate_ratio (year->count_a, year->population_a, NAN,
                                 year->count_b, year->population_b, NAN, CONFIDENCE, &ratio);
      else
        equity_stats_rate_ratio (year->count_b, year->population_b, NAN,
                                 year->count_a, year->population_a, NAN, CONFIDENCE, &ratio);
      year->ratio = ratio.value, year->ratio_low = ratio.low, year->ratio_high = ratio.high;
    }
  else if (!isnan (year->rate_a) && !isnan (year->rate_b))
    {
      /* rates without counts: the ratio, its interval unknown */
      year->ratio = worse ? year->rate_a / year->rate_b : year->rate_b / year->rate_a;
      year->ratio_low = year->ratio_high = NAN;
    }
  else
    {
      /* a ratio typed or imported as it is */
      year->ratio = year->value, year->ratio_low = year->low, year->ratio_high = year->high;
    }
  year->value = year->ratio, year->low = year->ratio_low, year->high = year->ratio_high;
}

static double
path_target (EquityIndicator *indicator,
             int              baseline_year,
             double           baseline_value,
             int              year)
{
  int goal_year = equity_indicator_get_goal_year (indicator);
  double goal = equity_indicator_get_goal_value (indicator);

  if (goal_year == 0 || isnan (goal) || isnan (baseline_value) || year < baseline_year)
    return NAN;
  if (year >= goal_year || goal_year <= baseline_year)
    return goal;
  return baseline_value + (goal - baseline_value) * (year - baseline_year) / (goal_year - baseline_year);
}

/* Lower values are the good direction for ratios (1 is parity) and for
 * percentages of a bad outcome. */
static gboolean
lower_is_good (EquityIndicator *indicator)
{
  return equity_indicator_get_kind (indicator) == EQUITY_INDICATOR_RATIO
         || equity_indicator_get_direction (indicator) == EQUITY_INDICATOR_HIGHER_IS_WORSE;
}

/* On track when the latest year with a value has a target and the value's
 * interval reaches it in the good direction (the value itself when there
 * is no interval); off track when it does not; no data otherwise. */
static EquityIndicatorStatus
status_of (EquityIndicator *indicator,
           GArray          *years)
{
  for (guint i = years->len; i > 0; i--)
    {
      const EquityIndicatorYear *year = &g_array_index (years, EquityIndicatorYear, i - 1);
      double reach;

      if (isnan (year->value))
        continue;
      if (isnan (year->target))
        return EQUITY_INDICATOR_NO_DATA;
      if (lower_is_good (indicator))
        {
          reach = isnan (year->low) ? year->value : year->low;
          return reach <= year->target ? EQUITY_INDICATOR_ON_TRACK : EQUITY_INDICATOR_OFF_TRACK;
        }
      reach = isnan (year->high) ? year->value : year->high;
      return reach >= year->target ? EQUITY_INDICATOR_ON_TRACK : EQUITY_INDICATOR_OFF_TRACK;
    }
  return EQUITY_INDICATOR_NO_DATA;
}

EquityIndicatorEvaluation *
equity_indicator_evaluation_new (EquityIndicator  *indicator,
                                 EquityScoreTable *table,
                                 GArray           *measured)
{
  EquityIndicatorEvaluation *self;
  const EquityIndicatorYear *baseline = NULL;
  gboolean worse = equity_indicator_get_direction (indicator) == EQUITY_INDICATOR_HIGHER_IS_WORSE;
  GArray *stored = equity_indicator_get_values (indicator);

  g_return_val_if_fail (EQUITY_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (table != NULL && measured != NULL, NULL);

  self = g_new0 (EquityIndicatorEvaluation, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->years = g_array_sized_new (FALSE, FALSE, sizeof (EquityIndicatorYear), measured->len);
  g_array_append_vals (self->years, measured->data, measured->len);
  self->source = g_strdup (equity_indicator_get_source (indicator));

  for (guint i = 0; i < self->years->len; i++)
    {
      EquityIndicatorYear *year = &g_array_index (self->years, EquityIndicatorYear, i);

      if (equity_indicator_get_kind (indicator) == EQUITY_INDICATOR_RATIO)
        {
          orient_ratio (indicator, year);
          year->score = equity_score_table_score (table, year->ratio);
        }
      else
        {
          /* a share counted (A of its population): the percentage with Wilson's interval */
          if (isnan (year->value) && !isnan (year->count_a) && year->population_a > 0)
            {
              EquityEstimate share;

              equity_stats_wilson (year->count_a, year->population_a, CONFIDENCE, &share);
              year->value = 100 * share.value, year->low = 100 * share.low, year->high = 100 * share.high;
            }
          year->ratio = year->ratio_low = year->ratio_high = NAN;
          year->score = equity_score_percentage (year->value, worse);
        }
      /* a typed target of the same year counts whatever measured the value */
      for (guint k = 0; k < stored->len && isnan (year->target); k++)
        if (g_array_index (stored, EquityIndicatorYear, k).year == year->year)
          year->target = g_array_index (stored, EquityIndicatorYear, k).target;
    }

  /* the baseline: the year chosen, or the first year with a score */
  self->baseline_year = equity_indicator_get_baseline_year (indicator);
  for (guint i = 0; i < self->years->len && baseline == NULL; i++)
    {
      const EquityIndicatorYear *year = &g_array_index (self->years, EquityIndicatorYear, i);

      if (self->baseline_year != 0 ? year->year == self->baseline_year : !isnan (year->score))
        baseline = year;
    }
  if (baseline != NULL)
    self->baseline_year = baseline->year;

  for (guint i = 0; i < self->years->len; i++)
    {
      EquityIndicatorYear *year = &g_array_index (self->years, EquityIndicatorYear, i);

      if (baseline != NULL)
        {
          year->change = year->score - baseline->score;
          if (isnan (year->target))
            year->target = path_target (indicator, baseline->year, baseline->value, year->year);
        }
    }
  self->status = status_of (indicator, self->years);
  return self;
}

/* One year of a saved rates-by-group analysis: the two groups' counts,
 * populations and rates from a run over that year's events only. */
static gboolean
measure_year (EquityProject        *project,
              EquityIndicator      *indicator,
              const char           *analysis_name,
              int                   year_number,
              EquityIndicatorYear  *year,
              GCancellable         *cancellable,
              GError              **error)
{
  g_autoptr(EquityAnalysis) analysis = equity_analysis_new_from_project (project, analysis_name, error);
  g_autoptr(EquityResult) result = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *events_name = NULL;
  g_autofree char *year_filter = NULL;
  EquityDataset *events;
  EquityColumn *year_column;
  const char *groups[2] = { equity_indicator_get_group_a (indicator), equity_indicator_get_group_b (indicator) };

  if (analysis == NULL)
    return FALSE;
  kind = equity_analysis_dup_kind (analysis);
  if (g_strcmp0 (kind, EQUITY_KIND_GROUP_RATES) != 0)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                   _("Indicator “%s”: the analysis “%s” is not a rates-by-group analysis, so it cannot be "
                     "evaluated year by year"), equity_indicator_get_name (indicator), analysis_name);
      return FALSE;
    }

  events_name = equity_analysis_dup_string (analysis, "events");
  events = events_name != NULL ? equity_project_find_dataset (project, events_name) : NULL;
  year_column = events != NULL && equity_indicator_get_year_column (indicator) >= 0
                ? equity_dataset_get_column (events, equity_indicator_get_year_column (indicator)) : NULL;
  if (year_column == NULL)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                   _("Indicator “%s”: the events of “%s” have no year or date column to evaluate by"),
                   equity_indicator_get_name (indicator), analysis_name);
      return FALSE;
    }
  year_filter = g_strdup_printf ("%s=%d", equity_column_get_name (year_column), year_number);
  equity_analysis_set_string (analysis, "events-year", year_filter);

  result = equity_analysis_run (analysis, project, NULL, NULL, cancellable, error);
  if (result == NULL)
    return FALSE;

  equity_indicator_set_per (indicator, equity_result_get_per (result));
  for (guint g = 0; g < 2; g++)
    {
      EquityResultRow *row = groups[g] != NULL ? equity_result_find_row (result, groups[g]) : NULL;

      if (row == NULL)
        {
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                       _("Indicator “%s”: the analysis “%s” has no group “%s”"),
                       equity_indicator_get_name (indicator), analysis_name,
                       groups[g] != NULL ? groups[g] : "");
          return FALSE;
        }
      if (g == 0)
        year->count_a = row->count, year->population_a = row->population,
        year->rate_a = row->rate, year->rate_a_low = row->rate_low, year->rate_a_high = row->rate_high;
      else
        year->count_b = row->count, year->population_b = row->population,
        year->rate_b = row->rate, year->rate_b_low = row->rate_low, year->rate_b_high = row->rate_high;
    }
  return TRUE;
}

static EquityIndicatorEvaluation *
evaluate (EquityProject       *project,
          EquityIndicator     *indicator,
          EquityProgressFunc   progress,
          gpointer             progress_data,
          GCancellable        *cancellable,
          GError             **error)
{
  g_autoptr(EquityScoreTable) table = equity_project_dup_score_table (project, error);
  g_autoptr(GArray) measured = g_array_new (FALSE, FALSE, sizeof (EquityIndicatorYear));
  g_autoptr(EquityIndicator) working = NULL;
  g_autofree char *analysis_name = NULL;
  EquityIndicatorEvaluation *evaluation;
  guint n_years;
  const int *years;

  if (table == NULL)
    return NULL;
  if (equity_indicator_get_analysis_id (indicator) <= 0)
    {
      GArray *stored = equity_indicator_get_values (indicator);

      /* typed targets alone are not values */
      g_array_append_vals (measured, stored->data, stored->len);
      return equity_indicator_evaluation_new (indicator, table, measured);
    }

  analysis_name = equity_project_dup_analysis_name (project, equity_indicator_get_analysis_id (indicator), error);
  if (analysis_name == NULL)
    return NULL;
  working = equity_indicator_copy (indicator);
  years = equity_indicator_get_years (indicator, &n_years);
  for (guint i = 0; i < n_years; i++)
    {
      EquityIndicatorYear year;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      equity_indicator_year_init (&year, years[i]);
      if (!measure_year (project, working, analysis_name, years[i], &year, cancellable, error))
        return NULL;
      g_array_append_val (measured, year);
      if (progress != NULL)
        progress ((double) (i + 1) / n_years, progress_data);
    }
  evaluation = equity_indicator_evaluation_new (working, table, measured);
  g_free (evaluation->source);
  evaluation->source = g_strdup_printf (_("Saved analysis “%s”, one run per year"), analysis_name);
  return evaluation;
}

EquityIndicatorEvaluation *
equity_indicator_evaluate (EquityProject    *project,
                           EquityIndicator  *indicator,
                           GCancellable     *cancellable,
                           GError          **error)
{
  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (EQUITY_IS_INDICATOR (indicator), NULL);
  return evaluate (project, indicator, NULL, NULL, cancellable, error);
}

GPtrArray *
equity_indicator_evaluate_each (EquityProject  *project,
                                GPtrArray      *indicators,
                                GCancellable   *cancellable,
                                GError        **error)
{
  g_autoptr(GPtrArray) evaluations = g_ptr_array_new_with_free_func ((GDestroyNotify) equity_indicator_evaluation_unref);

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (indicators != NULL, NULL);

  for (guint i = 0; i < indicators->len; i++)
    {
      EquityIndicator *indicator = g_ptr_array_index (indicators, i);
      EquityIndicatorEvaluation *evaluation = equity_indicator_evaluate (project, indicator, cancellable, error);

      if (evaluation == NULL)
        {
          g_prefix_error (error, _("Indicator “%s”: "), equity_indicator_get_name (indicator));
          return NULL;
        }
      g_ptr_array_add (evaluations, evaluation);
    }
  return g_steal_pointer (&evaluations);
}

void
equity_indicator_evaluate_async (EquityIndicator     *indicator,
                                 const char          *project_path,
                                 GCancellable        *cancellable,
                                 EquityProgressFunc   progress,
                                 gpointer             progress_data,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  static const EquityWorkerKind kind = {
    "equity_indicator_evaluate_async", (EquityWorkerFunc) evaluate, g_object_unref,
    (GDestroyNotify) equity_indicator_evaluation_unref, FALSE
  };

  g_return_if_fail (EQUITY_IS_INDICATOR (indicator));
  g_return_if_fail (project_path != NULL);

  /* the worker gets a copy: the editor may go on changing the original */
  equity_worker_run (&kind, indicator, equity_indicator_evaluate_async, project_path,
                     equity_indicator_copy (indicator), cancellable, progress, progress_data,
                     callback, user_data);
}

EquityIndicatorEvaluation *
equity_indicator_evaluate_finish (EquityIndicator  *indicator,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  return equity_worker_finish (result, indicator, equity_indicator_evaluate_async, error);
}

guint
equity_indicator_evaluation_get_n_years (EquityIndicatorEvaluation *self)
{
  return self->years->len;
}

const EquityIndicatorYear *
equity_indicator_evaluation_get_year (EquityIndicatorEvaluation *self,
                                      guint                      index)
{
  g_return_val_if_fail (index < self->years->len, NULL);
  return &g_array_index (self->years, EquityIndicatorYear, index);
}

const EquityIndicatorYear *
equity_indicator_evaluation_find_year (EquityIndicatorEvaluation *self,
                                       int                        year)
{
  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, EquityIndicatorYear, i).year == year)
      return &g_array_index (self->years, EquityIndicatorYear, i);
  return NULL;
}

int
equity_indicator_evaluation_get_baseline_year (EquityIndicatorEvaluation *self)
{
  return self->baseline_year;
}

EquityIndicatorStatus
equity_indicator_evaluation_get_status (EquityIndicatorEvaluation *self)
{
  return self->status;
}

const char *
equity_indicator_evaluation_get_source (EquityIndicatorEvaluation *self)
{
  return self->source;
}
