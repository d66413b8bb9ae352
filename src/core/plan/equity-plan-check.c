/* equity-plan-check.c — which of the plan's indicators are off track, in
 * the caller's thread or a worker's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Evaluating an indicator runs its saved analysis once per year: too slow for
 * the window's main thread on a real project, so the Action Plan page lists
 * the actions at once (equity_plan_list_actions_unchecked) and marks them
 * when the worker's statuses arrive.
 */

#define G_LOG_DOMAIN "equity-plan"

#include "config.h"

#include "equity-indicator-board.h"
#include "equity-plan.h"
#include "equity-worker.h"

static void
set_status (GHashTable            *statuses,
            gint64                 id,
            EquityIndicatorStatus  status)
{
  g_hash_table_insert (statuses, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (status));
}

/* one that cannot be evaluated is not off track: the others still are */
static EquityIndicatorStatus
status_of (EquityIndicatorEvaluation *evaluation)
{
  return evaluation != NULL ? equity_indicator_evaluation_get_status (evaluation) : EQUITY_INDICATOR_NO_DATA;
}

GHashTable *
equity_plan_statuses_of_evaluations (GPtrArray *indicators,
                                     GPtrArray *evaluations)
{
  GHashTable *statuses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_return_val_if_fail (indicators != NULL && evaluations != NULL, statuses);
  g_return_val_if_fail (indicators->len == evaluations->len, statuses);

  for (guint i = 0; i < indicators->len; i++)
    set_status (statuses, equity_indicator_get_id (g_ptr_array_index (indicators, i)),
                status_of (g_ptr_array_index (evaluations, i)));
  return statuses;
}

GHashTable *
equity_plan_evaluate_indicators (EquityProject  *project,
                                 GArray         *ids,
                                 GCancellable   *cancellable,
                                 GError        **error)
{
  g_autoptr(EquityIndicatorBoard) board = NULL;
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_return_val_if_fail (project != NULL, NULL);

  /* nothing linked: nothing to read */
  if (ids != NULL && ids->len == 0)
    return g_steal_pointer (&statuses);
  board = equity_indicator_board_load_ids (project, ids, cancellable, NULL, NULL, error);
  if (board == NULL)
    return NULL;
  for (guint i = 0; i < equity_indicator_board_get_n_indicators (board); i++)
    set_status (statuses, equity_indicator_get_id (equity_indicator_board_get_indicator (board, i)),
                status_of (equity_indicator_board_get_evaluation (board, i)));
  /* linked ones that are gone have no data */
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (!g_hash_table_contains (statuses, &g_array_index (ids, gint64, i)))
      set_status (statuses, g_array_index (ids, gint64, i), EQUITY_INDICATOR_NO_DATA);
  return g_steal_pointer (&statuses);
}

static gpointer
evaluate_work (EquityProject       *project,
               gpointer             work_data,
               EquityProgressFunc   progress,
               gpointer             progress_data,
               GCancellable        *cancellable,
               GError             **error)
{
  return equity_plan_evaluate_indicators (project, NULL, cancellable, error);
}

void
equity_plan_evaluate_indicators_async (const char          *project_path,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  static const EquityWorkerKind kind = {
    "equity_plan_evaluate_indicators_async", evaluate_work, NULL, (GDestroyNotify) g_hash_table_unref, FALSE
  };

  g_return_if_fail (project_path != NULL);

  equity_worker_run (&kind, NULL, equity_plan_evaluate_indicators_async, project_path, NULL, cancellable,
                     NULL, NULL, callback, user_data);
}

GHashTable *
equity_plan_evaluate_indicators_finish (GAsyncResult  *result,
                                        GError       **error)
{
  return equity_worker_finish (result, NULL, equity_plan_evaluate_indicators_async, error);
}

EquityIndicatorStatus
equity_plan_get_indicator_status (GHashTable *statuses,
                                  gint64      indicator_id)
{
  gpointer status;

  if (statuses != NULL && g_hash_table_lookup_extended (statuses, &indicator_id, NULL, &status))
    return GPOINTER_TO_INT (status);
  return EQUITY_INDICATOR_NO_DATA;
}

void
equity_plan_mark_off_track (GPtrArray  *actions,
                            GHashTable *statuses)
{
  for (guint i = 0; i < actions->len; i++)
    {
      EquityPlanAction *action = g_ptr_array_index (actions, i);

      action->off_track = FALSE;
      for (guint j = 0; j < action->indicators->len; j++)
        if (equity_plan_get_indicator_status (statuses, g_array_index (action->indicators, gint64, j))
            == EQUITY_INDICATOR_OFF_TRACK)
          action->off_track = TRUE;
    }
}
