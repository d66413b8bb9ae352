/* equity-indicator-board.c — every indicator of a project evaluated, with
 * the means the Indicators page and the plan read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loop over a project's indicators lives here once: the Indicators page
 * loads it in a worker, the action plan reads its statuses from it.
 */

#define G_LOG_DOMAIN "equity-indicators"

#include "config.h"

#include <math.h>

#include "equity-indicator-board.h"
#include "equity-worker.h"

struct _EquityIndicatorBoard
{
  gatomicrefcount         ref_count;
  GPtrArray              *indicators;
  GPtrArray              *evaluations;  /* NULL where the evaluation failed */
  GPtrArray              *errors;       /* GError or NULL, side by side */
  EquityIndicatorSummary *summary;
  int                     year;
  int                     first_year;
};

G_DEFINE_BOXED_TYPE (EquityIndicatorBoard, equity_indicator_board,
                     equity_indicator_board_ref, equity_indicator_board_unref)

EquityIndicatorBoard *
equity_indicator_board_ref (EquityIndicatorBoard *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
equity_indicator_board_unref (EquityIndicatorBoard *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->summary, equity_indicator_summary_free);
  g_ptr_array_unref (self->indicators);
  g_ptr_array_unref (self->evaluations);
  g_ptr_array_unref (self->errors);
  g_free (self);
}

static void
error_free0 (gpointer error)
{
  if (error != NULL)
    g_error_free (error);
}

static void
evaluation_unref0 (gpointer evaluation)
{
  if (evaluation != NULL)
    equity_indicator_evaluation_unref (evaluation);
}

static gboolean
wanted (GArray *ids,
        gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return ids == NULL;
}

/* The latest year the city has a score; the city's change is counted from
 * the first year every theme scored then had a score too: a mean of other
 * themes is no baseline. (Themes with no evaluated indicator score nothing
 * in any year, so they never hold the first year back.) */
static void
find_years (EquityIndicatorBoard *self)
{
  guint n_years = 0;
  const int *years = equity_indicator_summary_get_years (self->summary, &n_years);

  for (guint i = n_years; i > 0 && self->year == 0; i--)
    if (!isnan (equity_indicator_summary_city_score (self->summary, years[i - 1])))
      self->year = years[i - 1];
  for (guint i = 0; i < n_years && self->first_year == 0 && self->year != 0; i++)
    {
      gboolean all = TRUE;

      for (guint j = 0; j < self->indicators->len && all; j++)
        {
          const char *theme = equity_indicator_get_theme (g_ptr_array_index (self->indicators, j));

          all = isnan (equity_indicator_summary_theme_score (self->summary, theme, self->year))
                || !isnan (equity_indicator_summary_theme_score (self->summary, theme, years[i]));
        }
      if (all)
        self->first_year = years[i];
    }
}

EquityIndicatorBoard *
equity_indicator_board_load_ids (EquityProject       *project,
                                 GArray              *ids,
                                 GCancellable        *cancellable,
                                 EquityProgressFunc   progress,
                                 gpointer             progress_data,
                                 GError             **error)
{
  g_autoptr(EquityIndicatorBoard) self = NULL;
  g_autoptr(GPtrArray) listed = NULL;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);

  listed = equity_project_list_indicators (project, error);
  if (listed == NULL)
    return NULL;

  self = g_new0 (EquityIndicatorBoard, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->indicators = g_ptr_array_new_with_free_func (g_object_unref);
  self->evaluations = g_ptr_array_new_with_free_func (evaluation_unref0);
  self->errors = g_ptr_array_new_with_free_func (error_free0);
  for (guint i = 0; i < listed->len; i++)
    if (wanted (ids, equity_indicator_get_id (g_ptr_array_index (listed, i))))
      g_ptr_array_add (self->indicators, g_object_ref (g_ptr_array_index (listed, i)));

  for (guint i = 0; i < self->indicators->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      EquityIndicatorEvaluation *evaluation;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      evaluation = equity_indicator_evaluate (project, g_ptr_array_index (self->indicators, i), cancellable,
                                              &local_error);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* one that cannot be evaluated is listed with what went wrong */
      g_ptr_array_add (self->evaluations, evaluation);
      g_ptr_array_add (self->errors, g_steal_pointer (&local_error));
      if (progress != NULL)
        progress ((double) (i + 1) / self->indicators->len, progress_data);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* the summary passes over the failed ones: they score no year */
  self->summary = equity_indicator_summary_new (self->indicators, self->evaluations);
  find_years (self);
  return g_steal_pointer (&self);
}

EquityIndicatorBoard *
equity_indicator_board_load (EquityProject       *project,
                             GCancellable        *cancellable,
                             EquityProgressFunc   progress,
                             gpointer             progress_data,
                             GError             **error)
{
  return equity_indicator_board_load_ids (project, NULL, cancellable, progress, progress_data, error);
}

static gpointer
load_work (EquityProject       *project,
           gpointer             work_data,
           EquityProgressFunc   progress,
           gpointer             progress_data,
           GCancellable        *cancellable,
           GError             **error)
{
  return equity_indicator_board_load (project, cancellable, progress, progress_data, error);
}

void
equity_indicator_board_load_async (const char          *project_path,
                                   GCancellable        *cancellable,
                                   EquityProgressFunc   progress,
                                   gpointer             progress_data,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  static const EquityWorkerKind kind = {
    "equity_indicator_board_load_async", load_work, NULL, (GDestroyNotify) equity_indicator_board_unref, FALSE
  };

  g_return_if_fail (project_path != NULL);

  equity_worker_run (&kind, NULL, equity_indicator_board_load_async, project_path, NULL, cancellable,
                     progress, progress_data, callback, user_data);
}

EquityIndicatorBoard *
equity_indicator_board_load_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return equity_worker_finish (result, NULL, equity_indicator_board_load_async, error);
}

guint
equity_indicator_board_get_n_indicators (EquityIndicatorBoard *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->indicators->len;
}

EquityIndicator *
equity_indicator_board_get_indicator (EquityIndicatorBoard *self,
                                      guint                 index)
{
  g_return_val_if_fail (self != NULL && index < self->indicators->len, NULL);
  return g_ptr_array_index (self->indicators, index);
}

EquityIndicatorEvaluation *
equity_indicator_board_get_evaluation (EquityIndicatorBoard *self,
                                       guint                 index)
{
  g_return_val_if_fail (self != NULL && index < self->evaluations->len, NULL);
  return g_ptr_array_index (self->evaluations, index);
}

const GError *
equity_indicator_board_get_error (EquityIndicatorBoard *self,
                                  guint                 index)
{
  g_return_val_if_fail (self != NULL && index < self->errors->len, NULL);
  return g_ptr_array_index (self->errors, index);
}

EquityIndicatorSummary *
equity_indicator_board_get_summary (EquityIndicatorBoard *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->summary;
}

int
equity_indicator_board_get_year (EquityIndicatorBoard *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->year;
}

int
equity_indicator_board_get_first_year (EquityIndicatorBoard *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->first_year;
}

static double
level_score (EquityIndicatorBoard *self,
             const char           *theme,
             const char           *topic,
             int                   year)
{
  if (theme == NULL)
    return equity_indicator_summary_city_score (self->summary, year);
  if (topic == NULL)
    return equity_indicator_summary_theme_score (self->summary, theme, year);
  return equity_indicator_summary_topic_score (self->summary, theme, topic, year);
}

double
equity_indicator_board_get_mean (EquityIndicatorBoard *self,
                                 const char           *theme,
                                 const char           *topic,
                                 int                  *year)
{
  const int *years;
  guint n_years = 0;

  if (year != NULL)
    *year = 0;
  if (self == NULL || self->year == 0)
    return NAN;

  /* the board's year, or the latest before it when this level has none then */
  years = equity_indicator_summary_get_years (self->summary, &n_years);
  for (guint i = n_years; i > 0; i--)
    {
      double score;

      if (years[i - 1] > self->year)
        continue;
      score = level_score (self, theme, topic, years[i - 1]);
      if (!isnan (score))
        {
          if (year != NULL)
            *year = years[i - 1];
          return score;
        }
    }
  return NAN;
}

double
equity_indicator_board_get_city_change (EquityIndicatorBoard *self)
{
  if (self == NULL || self->year == 0 || self->first_year == self->year)
    return NAN;
  return equity_indicator_summary_city_score (self->summary, self->year)
         - equity_indicator_summary_city_score (self->summary, self->first_year);
}
