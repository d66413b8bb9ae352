/* equity-workbook-async.c — the workbook written in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-workbook"

#include "config.h"

#include "equity-workbook.h"
#include "equity-worker.h"

/* OPTIONS copied for the worker: the caller's may go before it runs */
typedef struct
{
  char      *path;
  char      *title;
  char      *prepared_by;
  char      *department;
  guint      suppress_below;
  char     **analyses;
  char     **datasets;
  gboolean   skip_plan;
  gint64    *assessments;   /* ended by 0, or NULL */
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_free (export->path);
  g_free (export->title);
  g_free (export->prepared_by);
  g_free (export->department);
  g_strfreev (export->analyses);
  g_strfreev (export->datasets);
  g_free (export->assessments);
  g_free (export);
}

/* in the worker, on a connection of its own: the export data itself is the
 * result (its work data, freed with the task), NULL on failure */
static gpointer
export_work (EquityProject       *project,
             gpointer             data,
             EquityProgressFunc   progress,
             gpointer             progress_data,
             GCancellable        *cancellable,
             GError             **error)
{
  ExportData *export = data;
  EquityWorkbookOptions options = {
    export->title, export->prepared_by, export->department, export->suppress_below,
    (const char * const *) export->analyses, (const char * const *) export->datasets,
    export->skip_plan,
    export->assessments,
  };

  if (!equity_workbook_export (project, export->path, &options, progress, progress_data, cancellable, error))
    return NULL;
  return export;
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
  static const EquityWorkerKind kind = {
    "equity_workbook_export_async", export_work, export_data_free, NULL, FALSE, FALSE
  };
  ExportData *export;

  g_return_if_fail (project_path != NULL && path != NULL && options != NULL);

  export = g_new0 (ExportData, 1);
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
  equity_worker_run (&kind, NULL, equity_workbook_export_async, project_path, export, cancellable,
                     progress, progress_data, callback, user_data);
}

gboolean
equity_workbook_export_finish (GAsyncResult  *result,
                               GError       **error)
{
  return equity_worker_finish (result, NULL, equity_workbook_export_async, error) != NULL;
}
