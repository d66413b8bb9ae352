/* equity-analysis-async.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include "equity-analysis-async.h"
#include "equity-dataset-geometry.h"
#include "equity-progress-relay.h"
#include "equity-worker.h"

typedef struct
{
  char                *project_path;
  EquityAnalysis      *analysis;
  EquityChartKind      chart_kind;
  EquityProgressRelay *relay;
  EquityChart         *chart;
  EquityChart         *map;
  GError              *map_error;
} RunData;

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  g_free (run->project_path);
  g_clear_object (&run->analysis);
  g_clear_pointer (&run->relay, equity_progress_relay_unref);
  g_clear_object (&run->chart);
  g_clear_object (&run->map);
  g_clear_error (&run->map_error);
  g_free (run);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *run = task_data;
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *map_dataset;

  project = equity_worker_open_project (task, run->project_path);
  if (project == NULL)
    return;

  result = equity_analysis_run (run->analysis, project, equity_progress_relay_report, run->relay,
                                cancellable, &error);
  if (result == NULL)
    {
      equity_worker_fail (task, project, g_steal_pointer (&error));
      return;
    }

  /* The chart tab shows bars, dots or a trend; the map has a tab of its own. */
  run->chart = equity_chart_new (result);
  if (run->chart_kind >= EQUITY_CHART_N_KINDS)
    {
      run->chart_kind = equity_chart_kind_for_result (result);
      if (run->chart_kind == EQUITY_CHART_MAP)
        run->chart_kind = EQUITY_CHART_BARS;
    }
  equity_chart_set_kind (run->chart, run->chart_kind);

  map_dataset = equity_result_get_map_dataset (result);
  if (map_dataset != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      g_autoptr(EquityAreaSet) areas = equity_dataset_load_areas (project, map_dataset,
                                                                   equity_result_get_map_key (result),
                                                                   &run->map_error);

      if (areas != NULL)
        {
          run->map = equity_chart_new (result);
          equity_chart_set_kind (run->map, EQUITY_CHART_MAP);
          equity_chart_set_areas (run->map, areas);
        }
    }

  equity_project_close (project);

  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, g_steal_pointer (&result), g_object_unref);
}

void
equity_analysis_run_async (EquityAnalysis      *self,
                           const char          *project_path,
                           EquityChartKind      chart_kind,
                           GCancellable        *cancellable,
                           EquityProgressFunc   progress,
                           gpointer             progress_data,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autofree char *spec = NULL;
  RunData *run;

  g_return_if_fail (project_path != NULL);
  g_return_if_fail (EQUITY_IS_ANALYSIS (self));
  g_return_if_fail (G_IS_CANCELLABLE (cancellable));

  run = g_new0 (RunData, 1);
  run->project_path = g_strdup (project_path);
  /* the worker gets a copy: the editor goes on changing its own */
  spec = equity_analysis_to_data (self, NULL);
  run->analysis = equity_analysis_new_from_data (spec, -1, equity_analysis_get_source_name (self), NULL);
  if (run->analysis == NULL)
    run->analysis = equity_analysis_new (NULL);
  run->chart_kind = chart_kind;

  run->relay = equity_progress_relay_new (progress, progress_data, cancellable);

  equity_worker_start (self, equity_analysis_run_async, "[equity] explore run", cancellable,
                       callback, user_data, run, run_data_free, run_thread);
}

EquityResult *
equity_analysis_run_finish (EquityAnalysis  *self,
                            GAsyncResult    *result,
                            EquityChart    **chart,
                            EquityChart    **map,
                            GError         **map_error,
                            GError         **error)
{
  RunData *run;
  EquityResult *ret;

  g_return_val_if_fail (EQUITY_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  ret = g_task_propagate_pointer (G_TASK (result), error);
  if (ret == NULL)
    return NULL;

  run = g_task_get_task_data (G_TASK (result));
  if (chart != NULL)
    *chart = g_steal_pointer (&run->chart);
  if (map != NULL)
    *map = g_steal_pointer (&run->map);
  if (map_error != NULL)
    *map_error = g_steal_pointer (&run->map_error);

  return ret;
}
