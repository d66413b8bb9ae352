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
  EquityImporter      *importer;   /* the task's source object, which keeps it */
  gboolean             list_layers;
  char               **layers;
  char                *dataset_name;
  guint64              n_rows;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *import = data;

  g_strfreev (import->layers);
  g_free (import->dataset_name);
  g_free (import);
}

static ImportData *
import_data_new (EquityImporter *self,
                 gboolean        list_layers)
{
  ImportData *import = g_new0 (ImportData, 1);

  import->importer = self;
  import->list_layers = list_layers;
  return import;
}

static gboolean
is_text_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);

  return g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv") ||
         g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".tab");
}

/* in the worker, without a project: the layers when asked, and the analysis */
static gpointer
analyze_work (EquityProject       *no_project,
              gpointer             data,
              EquityProgressFunc   progress,
              gpointer             progress_data,
              GCancellable        *cancellable,
              GError             **error)
{
  ImportData *import = data;
  GFile *file = equity_importer_get_file (import->importer);

  if (import->list_layers && !is_text_file (file))
    {
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);

      /* a file that cannot be listed still gets its own message from the analysis */
      if (path != NULL)
        import->layers = equity_ogr_list_layers (path, name, NULL);
    }

  if (!equity_importer_analyze (import->importer, progress, progress_data, cancellable, error))
    return NULL;
  return import;
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
  /* an analysis done is kept, cancelled or not, as it always was */
  static const EquityWorkerKind kind = { "[equity] analyze", analyze_work, import_data_free, NULL, TRUE };

  g_return_if_fail (EQUITY_IS_IMPORTER (self));

  equity_worker_run (&kind, self, equity_importer_analyze_async, NULL, import_data_new (self, list_layers),
                     cancellable, progress, progress_data, callback, user_data);
}

gboolean
equity_importer_analyze_finish (EquityImporter  *self,
                                GAsyncResult    *result,
                                char          ***layers,
                                GError         **error)
{
  ImportData *import;

  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), FALSE);
  import = equity_worker_finish (result, self, equity_importer_analyze_async, error);
  if (import == NULL)
    return FALSE;
  if (layers != NULL)
    *layers = g_steal_pointer (&import->layers);

  return TRUE;
}

/* in the worker: the import into PROJECT, analyzed first when it was not */
static gpointer
run_work (EquityProject       *project,
          gpointer             data,
          EquityProgressFunc   progress,
          gpointer             relay,
          GCancellable        *cancellable,
          GError             **error)
{
  ImportData *import = data;
  EquityImporter *self = import->importer;
  g_autoptr(EquityDataset) dataset = NULL;

  /* An importer straight from a dropped file is analyzed here; one from the
   * import dialog was analyzed there, and its name was chosen there. */
  if (equity_importer_get_columns (self)->len == 0)
    {
      g_autofree char *name = NULL;

      equity_progress_relay_set_span (relay, 0.0, ANALYZE_SHARE);
      if (!equity_importer_analyze (self, progress, relay, cancellable, error))
        return NULL;
      name = equity_project_unique_dataset_name (project, equity_importer_get_name (self));
      equity_importer_set_name (self, name);
      equity_progress_relay_set_span (relay, ANALYZE_SHARE, 1.0 - ANALYZE_SHARE);
    }

  dataset = equity_importer_run (self, project, progress, relay, cancellable, error);
  if (dataset == NULL)
    return NULL;
  import->dataset_name = g_strdup (equity_dataset_get_name (dataset));
  import->n_rows = equity_dataset_get_n_rows (dataset);
  return import;
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
  /* a dataset written is reported, cancelled or not, once the file alone holds it */
  static const EquityWorkerKind kind = { "[equity] import", run_work, import_data_free, NULL, TRUE, TRUE };

  g_return_if_fail (EQUITY_IS_IMPORTER (self));
  g_return_if_fail (project_path != NULL);

  equity_worker_run (&kind, self, equity_importer_run_async, project_path, import_data_new (self, FALSE),
                     cancellable, progress, progress_data, callback, user_data);
}

gboolean
equity_importer_run_finish (EquityImporter  *self,
                            GAsyncResult    *result,
                            char           **dataset_name,
                            guint64         *n_rows,
                            GError         **error)
{
  ImportData *import;

  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), FALSE);
  import = equity_worker_finish (result, self, equity_importer_run_async, error);
  if (import == NULL)
    return FALSE;
  if (dataset_name != NULL)
    *dataset_name = g_strdup (import->dataset_name);
  if (n_rows != NULL)
    *n_rows = import->n_rows;

  return TRUE;
}
