/* equity-analysis-async.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include "equity-analysis-async.h"
#include "equity-dataset-geometry.h"
#include "equity-worker.h"

typedef struct
{
  EquityAnalysis      *analysis;
  EquityChartKind      chart_kind;
  EquityChart         *chart;
  EquityChart         *map;
  GError              *map_error;
} RunData;

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  g_clear_object (&run->analysis);
  g_clear_object (&run->chart);
  g_clear_object (&run->map);
  g_clear_error (&run->map_error);
  g_free (run);
}

static gpointer
run_work (EquityProject       *project,
          gpointer             data,
          EquityProgressFunc   progress,
          gpointer             progress_data,
          GCancellable        *cancellable,
          GError             **error)
{
  RunData *run = data;
  EquityResult *result;
  const char *map_dataset;

  result = equity_analysis_run (run->analysis, project, progress, progress_data, cancellable, error);
  if (result == NULL)
    return NULL;

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
  return result;
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
  static const EquityWorkerKind kind = { "[equity] explore run", run_work, run_data_free, g_object_unref, FALSE };
  g_autofree char *spec = NULL;
  RunData *run;

  g_return_if_fail (project_path != NULL);
  g_return_if_fail (EQUITY_IS_ANALYSIS (self));
  g_return_if_fail (G_IS_CANCELLABLE (cancellable));

  run = g_new0 (RunData, 1);
  /* the worker gets a copy: the editor goes on changing its own */
  spec = equity_analysis_to_data (self, NULL);
  run->analysis = equity_analysis_new_from_data (spec, -1, equity_analysis_get_source_name (self), NULL);
  if (run->analysis == NULL)
    run->analysis = equity_analysis_new (NULL);
  run->chart_kind = chart_kind;

  equity_worker_run (&kind, self, equity_analysis_run_async, project_path, run, cancellable,
                     progress, progress_data, callback, user_data);
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
  ret = equity_worker_finish (result, self, equity_analysis_run_async, error);
  if (ret == NULL)
    return NULL;

  run = equity_worker_get_work_data (result);
  if (chart != NULL)
    *chart = g_steal_pointer (&run->chart);
  if (map != NULL)
    *map = g_steal_pointer (&run->map);
  if (map_error != NULL)
    *map_error = g_steal_pointer (&run->map_error);

  return ret;
}
