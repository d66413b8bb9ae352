/* equity-workbook-async.c — the workbook written in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-workbook"

#include "config.h"

#include "equity-progress-relay.h"
#include "equity-workbook.h"
#include "equity-worker.h"

typedef struct
{
  char                *project_path;
  char                *path;
  char                *title;
  char                *prepared_by;
  char                *department;
  guint                suppress_below;
  char               **analyses;
  char               **datasets;
  gboolean             skip_plan;
  gint64              *assessments;   /* ended by 0, or NULL */
  EquityProgressRelay *relay;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_free (export->project_path);
  g_free (export->path);
  g_free (export->title);
  g_free (export->prepared_by);
  g_free (export->department);
  g_strfreev (export->analyses);
  g_strfreev (export->datasets);
  g_free (export->assessments);
  g_clear_pointer (&export->relay, equity_progress_relay_unref);
  g_free (export);
}

/* Reads through a connection of its own: the caller's stays on its thread. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *export = task_data;
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  EquityWorkbookOptions options = {
    export->title, export->prepared_by, export->department, export->suppress_below,
    (const char * const *) export->analyses, (const char * const *) export->datasets,
    export->skip_plan,
    export->assessments,
  };

  project = equity_worker_open_project (task, export->project_path);
  if (project == NULL)
    return;
  if (!equity_workbook_export (project, export->path, &options, equity_progress_relay_report, export->relay,
                               cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  equity_project_close (project);
  g_task_return_boolean (task, TRUE);
}

void
equity_workbook_export_async (const char                  *project_path,
                              const char                  *path,
                              const EquityWorkbookOptions *options,
                              GCancellable                *cancellable,
                              EquityProgressFunc           progress,
                              gpointer                     progress_data,
                              GAsyncReadyCallback          callback,
                              gpointer                     user_data)
{
  ExportData *export;

  g_return_if_fail (project_path != NULL && path != NULL && options != NULL);

  export = g_new0 (ExportData, 1);
  export->project_path = g_strdup (project_path);
  export->path = g_strdup (path);
  export->title = g_strdup (options->title);
  export->prepared_by = g_strdup (options->prepared_by);
  export->department = g_strdup (options->department);
  export->suppress_below = options->suppress_below;
  export->analyses = g_strdupv ((char **) options->analyses);
  export->datasets = g_strdupv ((char **) options->datasets);
  export->skip_plan = options->skip_plan;
  if (options->assessments != NULL)
    {
      gsize n = 0;

      while (options->assessments[n] != 0)
        n++;
      export->assessments = g_memdup2 (options->assessments, (n + 1) * sizeof (gint64));
    }
  export->relay = equity_progress_relay_new (progress, progress_data, cancellable);
  equity_worker_start (NULL, equity_workbook_export_async, NULL, cancellable, callback, user_data,
                       export, export_data_free, export_thread);
}

gboolean
equity_workbook_export_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
