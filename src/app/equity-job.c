/* equity-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-job"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>

#include "equity-job.h"
#include "equity-ogr-util.h"

struct _EquityJob
{
  GObject       parent_instance;

  char         *title;
  GCancellable *cancellable;
  GMainContext *main_context;

  /* Written by the worker, read on the main thread. */
  GMutex        mutex;
  double        pending_fraction;
  gboolean      update_queued;

  double        fraction;
  /* the share of the progress bar that analysis takes; the worker's */
  double        analyze_share;
};

G_DEFINE_FINAL_TYPE (EquityJob, equity_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char           *project_path;
  EquityImporter *importer;
  gboolean        list_layers;
  char          **layers;
  char           *dataset_name;
  guint64         n_rows;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *import = data;

  g_free (import->project_path);
  g_clear_object (&import->importer);
  g_strfreev (import->layers);
  g_free (import->dataset_name);
  g_free (import);
}

static gboolean
equity_job_flush_progress (gpointer data)
{
  EquityJob *self = data;
  double fraction;

  g_mutex_lock (&self->mutex);
  fraction = self->pending_fraction;
  self->update_queued = FALSE;
  g_mutex_unlock (&self->mutex);

  if (fraction != self->fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }

  return G_SOURCE_REMOVE;
}

/* Called from the worker thread. Updates are coalesced: at most one is
 * waiting on the main context at any time. */
static void
equity_job_report (EquityJob *self,
                   double     fraction)
{
  gboolean queue;

  g_mutex_lock (&self->mutex);
  self->pending_fraction = CLAMP (fraction, 0.0, 1.0);
  queue = !self->update_queued;
  self->update_queued = TRUE;
  g_mutex_unlock (&self->mutex);

  if (queue)
    g_main_context_invoke_full (self->main_context, G_PRIORITY_DEFAULT,
                                equity_job_flush_progress,
                                g_object_ref (self), g_object_unref);
}

static void
analyze_progress_cb (double   fraction,
                     gpointer user_data)
{
  EquityJob *self = EQUITY_JOB (user_data);

  equity_job_report (self, self->analyze_share * fraction);
}

static void
run_progress_cb (double   fraction,
                 gpointer user_data)
{
  EquityJob *self = EQUITY_JOB (user_data);

  equity_job_report (self, self->analyze_share + (1.0 - self->analyze_share) * fraction);
}

static void
sample_progress_cb (double   fraction,
                    gpointer user_data)
{
  equity_job_report (EQUITY_JOB (user_data), fraction);
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
  EquityJob *self = source_object;
  ImportData *import = task_data;
  GFile *file = equity_importer_get_file (import->importer);
  g_autoptr(GError) error = NULL;

  self->analyze_share = 1.0;
  if (import->list_layers && !is_text_file (file))
    {
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);

      /* a file that cannot be listed still gets its own message from the analysis */
      if (path != NULL)
        import->layers = equity_ogr_list_layers (path, name, NULL);
    }

  if (!equity_importer_analyze (import->importer, analyze_progress_cb, self, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
equity_job_analyze_async (EquityJob           *self,
                          EquityImporter      *importer,
                          gboolean             list_layers,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *import;

  g_return_if_fail (EQUITY_IS_JOB (self));
  g_return_if_fail (EQUITY_IS_IMPORTER (importer));

  import = g_new0 (ImportData, 1);
  import->importer = g_object_ref (importer);
  import->list_layers = list_layers;

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, equity_job_analyze_async);
  g_task_set_name (task, "[equity] analyze");
  g_task_set_task_data (task, import, import_data_free);
  g_task_run_in_thread (task, analyze_thread);
}

gboolean
equity_job_analyze_finish (EquityJob     *self,
                           GAsyncResult  *result,
                           char        ***layers,
                           GError       **error)
{
  ImportData *import;

  g_return_val_if_fail (EQUITY_IS_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  import = g_task_get_task_data (G_TASK (result));
  if (layers != NULL)
    *layers = g_steal_pointer (&import->layers);

  return TRUE;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  EquityJob *self = source_object;
  ImportData *import = task_data;
  EquityImporter *importer = import->importer;
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(EquityDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  /* Each thread has its own connection to the project file. */
  project = equity_project_open (import->project_path, &error);
  if (project == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* An importer straight from a dropped file is analyzed here; one from the
   * import dialog was analyzed there, and its name was chosen there. */
  if (equity_importer_get_columns (importer)->len == 0)
    {
      g_autofree char *name = NULL;

      self->analyze_share = 0.4;
      if (!equity_importer_analyze (importer, analyze_progress_cb, self, cancellable, &error))
        {
          equity_project_close (project);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      name = equity_project_unique_dataset_name (project, equity_importer_get_name (importer));
      equity_importer_set_name (importer, name);
    }
  else
    self->analyze_share = 0.0;

  dataset = equity_importer_run (importer, project, run_progress_cb, self, cancellable, &error);
  if (dataset == NULL)
    {
      equity_project_close (project);
      g_task_return_error (task, g_steal_pointer (&error));
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
equity_job_import_async (EquityJob           *self,
                         const char          *project_path,
                         EquityImporter      *importer,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *import;

  g_return_if_fail (EQUITY_IS_JOB (self));
  g_return_if_fail (project_path != NULL);
  g_return_if_fail (EQUITY_IS_IMPORTER (importer));

  import = g_new0 (ImportData, 1);
  import->project_path = g_strdup (project_path);
  import->importer = g_object_ref (importer);

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, equity_job_import_async);
  g_task_set_name (task, "[equity] import");
  g_task_set_task_data (task, import, import_data_free);
  g_task_run_in_thread (task, import_thread);
}

gboolean
equity_job_import_finish (EquityJob     *self,
                          GAsyncResult  *result,
                          char         **dataset_name,
                          guint64       *n_rows,
                          GError       **error)
{
  ImportData *import;

  g_return_val_if_fail (EQUITY_IS_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  import = g_task_get_task_data (G_TASK (result));
  if (dataset_name != NULL)
    *dataset_name = g_strdup (import->dataset_name);
  if (n_rows != NULL)
    *n_rows = import->n_rows;

  return TRUE;
}

static void
remove_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

static void
sample_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  EquityJob *self = source_object;
  const char *path = task_data;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (errsv),
                               _("Could not create the folder “%s”: %s"),
                               dir, g_strerror (errsv));
      return;
    }

  /* Built under another name and renamed when complete, so an interrupted
   * run never leaves a half-made sample behind. */
  remove_database_files (partial);
  project = equity_sample_create (partial, sample_progress_cb, self, cancellable, &error);
  if (project == NULL)
    {
      remove_database_files (partial);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Renamed only when the file alone is the whole sample. */
  if (!equity_project_close_checked (project, &error))
    {
      remove_database_files (partial);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_rename (partial, path) != 0)
    {
      int errsv = errno;
      remove_database_files (partial);
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (errsv),
                               _("Could not save the sample project as “%s”: %s"),
                               path, g_strerror (errsv));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
equity_job_create_sample_async (EquityJob           *self,
                                const char          *path,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EQUITY_IS_JOB (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, equity_job_create_sample_async);
  g_task_set_name (task, "[equity] sample");
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, sample_thread);
}

gboolean
equity_job_create_sample_finish (EquityJob     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (EQUITY_IS_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
equity_job_finalize (GObject *object)
{
  EquityJob *self = (EquityJob *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->main_context, g_main_context_unref);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (equity_job_parent_class)->finalize (object);
}

static void
equity_job_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  EquityJob *self = EQUITY_JOB (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
equity_job_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  EquityJob *self = EQUITY_JOB (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
equity_job_class_init (EquityJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = equity_job_finalize;
  object_class->get_property = equity_job_get_property;
  object_class->set_property = equity_job_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
equity_job_init (EquityJob *self)
{
  g_mutex_init (&self->mutex);
  self->cancellable = g_cancellable_new ();
  self->main_context = g_main_context_ref_thread_default ();
}

EquityJob *
equity_job_new (const char *title)
{
  return g_object_new (EQUITY_TYPE_JOB, "title", title, NULL);
}

const char *
equity_job_get_title (EquityJob *self)
{
  g_return_val_if_fail (EQUITY_IS_JOB (self), NULL);

  return self->title;
}

double
equity_job_get_fraction (EquityJob *self)
{
  g_return_val_if_fail (EQUITY_IS_JOB (self), 0.0);

  return self->fraction;
}

GCancellable *
equity_job_get_cancellable (EquityJob *self)
{
  g_return_val_if_fail (EQUITY_IS_JOB (self), NULL);

  return self->cancellable;
}

void
equity_job_cancel (EquityJob *self)
{
  g_return_if_fail (EQUITY_IS_JOB (self));

  g_cancellable_cancel (self->cancellable);
}
