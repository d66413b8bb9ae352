/* equity-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-job"

#include "config.h"

#include "equity-job.h"

struct _EquityJob
{
  GObject       parent_instance;

  char         *title;
  GCancellable *cancellable;
  double        fraction;
};

G_DEFINE_FINAL_TYPE (EquityJob, equity_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Progress from the core, already on the main context. */
void
equity_job_report (double   fraction,
                   gpointer user_data)
{
  EquityJob *self = EQUITY_JOB (user_data);

  if (fraction != self->fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
}

/* The job's own task: the callers' callbacks get the job as their source.
 * It ends with the core's own result, which the job's *_finish hands to the
 * core's *_finish: what a task returns is known only there. */
static GTask *
job_task_new (EquityJob           *self,
              gpointer             source_tag,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  GTask *task = g_task_new (self, self->cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

/* The core's task is done: the job's task (USER_DATA, its reference taken)
 * ends with that result. */
static void
core_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  g_task_return_pointer (task, g_object_ref (result), g_object_unref);
}

/* The core's result behind a job's task (unref it), or NULL with ERROR set
 * (the job was cancelled). */
static GAsyncResult *
job_task_propagate (EquityJob     *self,
                    GAsyncResult  *result,
                    GError       **error)
{
  g_return_val_if_fail (EQUITY_IS_JOB (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The importer a core result came from (the result holds it). */
static EquityImporter *
core_result_get_importer (GAsyncResult *core_result)
{
  g_autoptr(GObject) importer = g_async_result_get_source_object (core_result);

  return EQUITY_IMPORTER (importer);
}

void
equity_job_analyze_async (EquityJob           *self,
                          EquityImporter      *importer,
                          gboolean             list_layers,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (EQUITY_IS_JOB (self));
  g_return_if_fail (EQUITY_IS_IMPORTER (importer));

  equity_importer_analyze_async (importer, list_layers, self->cancellable, equity_job_report, self,
                                 core_done_cb,
                                 job_task_new (self, equity_job_analyze_async, callback, user_data));
}

gboolean
equity_job_analyze_finish (EquityJob     *self,
                           GAsyncResult  *result,
                           char        ***layers,
                           GError       **error)
{
  g_autoptr(GAsyncResult) core_result = job_task_propagate (self, result, error);

  return core_result != NULL &&
         equity_importer_analyze_finish (core_result_get_importer (core_result), core_result, layers,
                                         error);
}

void
equity_job_import_async (EquityJob           *self,
                         const char          *project_path,
                         EquityImporter      *importer,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (EQUITY_IS_JOB (self));
  g_return_if_fail (project_path != NULL);
  g_return_if_fail (EQUITY_IS_IMPORTER (importer));

  equity_importer_run_async (importer, project_path, self->cancellable, equity_job_report, self,
                             core_done_cb,
                             job_task_new (self, equity_job_import_async, callback, user_data));
}

gboolean
equity_job_import_finish (EquityJob     *self,
                          GAsyncResult  *result,
                          char         **dataset_name,
                          guint64       *n_rows,
                          GError       **error)
{
  g_autoptr(GAsyncResult) core_result = job_task_propagate (self, result, error);

  return core_result != NULL &&
         equity_importer_run_finish (core_result_get_importer (core_result), core_result, dataset_name,
                                     n_rows, error);
}

void
equity_job_create_sample_async (EquityJob           *self,
                                const char          *path,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (EQUITY_IS_JOB (self));
  g_return_if_fail (path != NULL);

  equity_sample_create_async (path, self->cancellable, equity_job_report, self, core_done_cb,
                              job_task_new (self, equity_job_create_sample_async, callback, user_data));
}

gboolean
equity_job_create_sample_finish (EquityJob     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_autoptr(GAsyncResult) core_result = job_task_propagate (self, result, error);

  return core_result != NULL && equity_sample_create_finish (core_result, error);
}

static void
equity_job_finalize (GObject *object)
{
  EquityJob *self = (EquityJob *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->cancellable);

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
  self->cancellable = g_cancellable_new ();
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
