/* equity-importer-async.c — the importer's two passes in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-importer"

#include "config.h"

#include "equity-importer.h"
#include "equity-ogr-util.h"
#include "equity-progress-relay.h"
#include "equity-worker.h"

/* the share of the progress that analysis takes when an import starts with it */
#define ANALYZE_SHARE 0.4

typedef struct
{
  char                *project_path;
  gboolean             list_layers;
  EquityProgressRelay *relay;
  char               **layers;
  char                *dataset_name;
  guint64              n_rows;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *import = data;

  g_free (import->project_path);
  g_clear_pointer (&import->relay, equity_progress_relay_unref);
  g_strfreev (import->layers);
  g_free (import->dataset_name);
  g_free (import);
}

static ImportData *
import_data_new (GCancellable       *cancellable,
                 EquityProgressFunc  progress,
                 gpointer            progress_data)
{
  ImportData *import = g_new0 (ImportData, 1);

  import->relay = equity_progress_relay_new (progress, progress_data, cancellable);
  return import;
}

/* The task's data once it succeeded, else NULL with ERROR set. */
static ImportData *
import_task_finish (EquityImporter  *self,
                    GAsyncResult    *result,
                    GError         **error)
{
  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_task_get_task_data (G_TASK (result));
}

static gboolean
is_text_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);

  return g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv") ||
         g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".tab");
}

static void
analyze_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  EquityImporter *self = source_object;
  ImportData *import = task_data;
  GFile *file = equity_importer_get_file (self);
  g_autoptr(GError) error = NULL;

  if (import->list_layers && !is_text_file (file))
    {
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);

      /* a file that cannot be listed still gets its own message from the analysis */
      if (path != NULL)
        import->layers = equity_ogr_list_layers (path, name, NULL);
    }

  if (!equity_importer_analyze (self, equity_progress_relay_report, import->relay,
                                cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
equity_importer_analyze_async (EquityImporter      *self,
                               gboolean             list_layers,
                               GCancellable        *cancellable,
                               EquityProgressFunc   progress,
                               gpointer             progress_data,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  ImportData *import;

  g_return_if_fail (EQUITY_IS_IMPORTER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  import = import_data_new (cancellable, progress, progress_data);
  import->list_layers = list_layers;
  equity_worker_start (self, equity_importer_analyze_async, "[equity] analyze", cancellable, callback,
                       user_data, import, import_data_free, analyze_thread);
}

gboolean
equity_importer_analyze_finish (EquityImporter  *self,
                                GAsyncResult    *result,
                                char          ***layers,
                                GError         **error)
{
  ImportData *import = import_task_finish (self, result, error);

  if (import == NULL)
    return FALSE;
  if (layers != NULL)
    *layers = g_steal_pointer (&import->layers);

  return TRUE;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  EquityImporter *self = source_object;
  ImportData *import = task_data;
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(EquityDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  project = equity_worker_open_project (task, import->project_path);
  if (project == NULL)
    return;

  /* An importer straight from a dropped file is analyzed here; one from the
   * import dialog was analyzed there, and its name was chosen there. */
  if (equity_importer_get_columns (self)->len == 0)
    {
      g_autofree char *name = NULL;

      equity_progress_relay_set_span (import->relay, 0.0, ANALYZE_SHARE);
      if (!equity_importer_analyze (self, equity_progress_relay_report, import->relay,
                                    cancellable, &error))
        {
          equity_worker_fail (task, project, g_steal_pointer (&error));
          return;
        }
      name = equity_project_unique_dataset_name (project, equity_importer_get_name (self));
      equity_importer_set_name (self, name);
      equity_progress_relay_set_span (import->relay, ANALYZE_SHARE, 1.0 - ANALYZE_SHARE);
    }

  dataset = equity_importer_run (self, project, equity_progress_relay_report, import->relay,
                                 cancellable, &error);
  if (dataset == NULL)
    {
      equity_worker_fail (task, project, g_steal_pointer (&error));
      return;
    }

  import->dataset_name = g_strdup (equity_dataset_get_name (dataset));
  import->n_rows = equity_dataset_get_n_rows (dataset);
  if (!equity_project_close_checked (project, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
equity_importer_run_async (EquityImporter      *self,
                           const char          *project_path,
                           GCancellable        *cancellable,
                           EquityProgressFunc   progress,
                           gpointer             progress_data,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  ImportData *import;

  g_return_if_fail (EQUITY_IS_IMPORTER (self));
  g_return_if_fail (project_path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  import = import_data_new (cancellable, progress, progress_data);
  import->project_path = g_strdup (project_path);
  equity_worker_start (self, equity_importer_run_async, "[equity] import", cancellable, callback,
                       user_data, import, import_data_free, run_thread);
}

gboolean
equity_importer_run_finish (EquityImporter  *self,
                            GAsyncResult    *result,
                            char           **dataset_name,
                            guint64         *n_rows,
                            GError         **error)
{
  ImportData *import = import_task_finish (self, result, error);

  if (import == NULL)
    return FALSE;
  if (dataset_name != NULL)
    *dataset_name = g_strdup (import->dataset_name);
  if (n_rows != NULL)
    *n_rows = import->n_rows;

  return TRUE;
}
