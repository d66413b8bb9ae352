/* equity-explore-worker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-explore"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-explore-worker.h"

typedef struct
{
  gatomicrefcount     ref_count;
  GMutex              mutex;
  GMainContext       *main_context;
  GCancellable       *cancellable;
  EquityProgressFunc  progress;
  gpointer            progress_data;
  double              fraction;
  gboolean            queued;
} Progress;

static Progress *
progress_ref (Progress *progress)
{
  g_atomic_ref_count_inc (&progress->ref_count);
  return progress;
}

static void
progress_unref (Progress *progress)
{
  if (!g_atomic_ref_count_dec (&progress->ref_count))
    return;
  g_mutex_clear (&progress->mutex);
  g_main_context_unref (progress->main_context);
  g_clear_object (&progress->cancellable);
  g_free (progress);
}

static gboolean
progress_flush_cb (gpointer data)
{
  Progress *progress = data;
  double fraction;

  g_mutex_lock (&progress->mutex);
  fraction = progress->fraction;
  progress->queued = FALSE;
  g_mutex_unlock (&progress->mutex);

  /* a cancelled run's caller may be gone */
  if (!g_cancellable_is_cancelled (progress->cancellable))
    progress->progress (fraction, progress->progress_data);

  return G_SOURCE_REMOVE;
}

/* In the worker: at most one update waits on the main context. */
static void
progress_report_cb (double   fraction,
                    gpointer data)
{
  Progress *progress = data;
  gboolean queue;

  if (progress->progress == NULL)
    return;

  g_mutex_lock (&progress->mutex);
  progress->fraction = CLAMP (fraction, 0.0, 1.0);
  queue = !progress->queued;
  progress->queued = TRUE;
  g_mutex_unlock (&progress->mutex);

  if (queue)
    g_main_context_invoke_full (progress->main_context, G_PRIORITY_DEFAULT,
                                progress_flush_cb, progress_ref (progress),
                                (GDestroyNotify) progress_unref);
}

typedef struct
{
  char            *project_path;
  EquityAnalysis  *analysis;
  EquityChartKind  chart_kind;
  Progress        *progress;
  EquityChart     *chart;
  EquityChart     *map;
  GError          *map_error;
} RunData;

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  g_free (run->project_path);
  g_clear_object (&run->analysis);
  g_clear_pointer (&run->progress, progress_unref);
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

  /* Each thread reads through a connection of its own. */
  project = equity_project_open (run->project_path, &error);
  if (project == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = equity_analysis_run (run->analysis, project, progress_report_cb, run->progress,
                                cancellable, &error);
  if (result == NULL)
    {
      equity_project_close (project);
      g_task_return_error (task, g_steal_pointer (&error));
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
equity_explore_run_async (const char          *project_path,
                          EquityAnalysis      *analysis,
                          EquityChartKind      chart_kind,
                          GCancellable        *cancellable,
                          EquityProgressFunc   progress,
                          gpointer             progress_data,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *spec = NULL;
  RunData *run;

  g_return_if_fail (project_path != NULL);
  g_return_if_fail (EQUITY_IS_ANALYSIS (analysis));
  g_return_if_fail (G_IS_CANCELLABLE (cancellable));

  run = g_new0 (RunData, 1);
  run->project_path = g_strdup (project_path);
  /* the worker gets a copy: the editor goes on changing its own */
  spec = equity_analysis_to_data (analysis, NULL);
  run->analysis = equity_analysis_new_from_data (spec, -1, equity_analysis_get_source_name (analysis), NULL);
  if (run->analysis == NULL)
    run->analysis = equity_analysis_new (NULL);
  run->chart_kind = chart_kind;

  run->progress = g_new0 (Progress, 1);
  g_atomic_ref_count_init (&run->progress->ref_count);
  g_mutex_init (&run->progress->mutex);
  run->progress->main_context = g_main_context_ref_thread_default ();
  run->progress->cancellable = g_object_ref (cancellable);
  run->progress->progress = progress;
  run->progress->progress_data = progress_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, equity_explore_run_async);
  g_task_set_name (task, "[equity] explore run");
  g_task_set_task_data (task, run, run_data_free);
  g_task_run_in_thread (task, run_thread);
}

EquityResult *
equity_explore_run_finish (GAsyncResult  *result,
                           EquityChart  **chart,
                           EquityChart  **map,
                           GError       **map_error,
                           GError       **error)
{
  RunData *run;
  EquityResult *ret;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

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

typedef struct
{
  char              *project_path;
  char              *dataset;
  char              *column;
  gboolean           with_labels;
  EquityChoiceOrder  order;
  guint              limit;
} ChoicesData;

static void
choices_data_free (gpointer data)
{
  ChoicesData *choices = data;

  g_free (choices->project_path);
  g_free (choices->dataset);
  g_free (choices->column);
  g_free (choices);
}

static void
choices_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ChoicesData *data = task_data;
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  EquityColumn *label_column = NULL;
  EquityDataset *dataset;
  EquityColumn *column;
  GPtrArray *choices;

  project = equity_project_open (data->project_path, &error);
  if (project == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  dataset = equity_project_find_dataset (project, data->dataset);
  column = dataset != NULL ? equity_dataset_find_column (dataset, data->column) : NULL;
  if (column == NULL)
    {
      equity_project_close (project);
      g_task_return_new_error (task, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
                               _("Dataset “%s” has no column “%s”"), data->dataset, data->column);
      return;
    }

  if (data->with_labels)
    label_column = equity_analysis_guess_label_column (project, dataset, column, NULL);

  choices = equity_analysis_list_choices (project, dataset, column, label_column, data->order,
                                          data->limit, cancellable, &error);
  equity_project_close (project);

  if (choices == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, choices, (GDestroyNotify) g_ptr_array_unref);
}

void
equity_explore_list_choices_async (const char          *project_path,
                                   const char          *dataset,
                                   const char          *column,
                                   gboolean             with_labels,
                                   EquityChoiceOrder    order,
                                   guint                limit,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ChoicesData *data;

  g_return_if_fail (project_path != NULL && dataset != NULL && column != NULL);

  data = g_new0 (ChoicesData, 1);
  data->project_path = g_strdup (project_path);
  data->dataset = g_strdup (dataset);
  data->column = g_strdup (column);
  data->with_labels = with_labels;
  data->order = order;
  data->limit = limit;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, equity_explore_list_choices_async);
  g_task_set_name (task, "[equity] explore choices");
  g_task_set_task_data (task, data, choices_data_free);
  g_task_run_in_thread (task, choices_thread);
}

GPtrArray *
equity_explore_list_choices_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
