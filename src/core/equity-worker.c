/* equity-worker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity"

#include "config.h"

#include "equity-progress-relay.h"
#include "equity-worker.h"

typedef struct
{
  const EquityWorkerKind *kind;
  char                   *project_path;
  gpointer                work_data;
  EquityProgressRelay    *relay;
} WorkerData;

static void
worker_data_free (gpointer data)
{
  WorkerData *worker = data;

  g_free (worker->project_path);
  if (worker->kind->work_data_free != NULL && worker->work_data != NULL)
    worker->kind->work_data_free (worker->work_data);
  equity_progress_relay_unref (worker->relay);
  g_free (worker);
}

static void
worker_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  WorkerData *worker = task_data;
  const EquityWorkerKind *kind = worker->kind;
  g_autoptr(EquityProject) project = NULL;
  GError *error = NULL;
  gpointer result;

  if (worker->project_path != NULL)
    {
      project = equity_project_open (worker->project_path, &error);
      if (project == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  result = kind->work (project, worker->work_data, equity_progress_relay_report, worker->relay,
                       cancellable, &error);
  if (project != NULL && result != NULL && kind->close_checked
      && !equity_project_close_checked (project, &error))
    {
      if (kind->result_free != NULL)
        kind->result_free (result);
      result = NULL;
    }
  else if (project != NULL)
    equity_project_close (project);

  if (result == NULL)
    g_task_return_error (task, error);
  else if (kind->keep_if_cancelled || !g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, result, kind->result_free);
  else if (kind->result_free != NULL)
    kind->result_free (result);
}

void
equity_worker_run (const EquityWorkerKind *kind,
                   gpointer                source_object,
                   gpointer                source_tag,
                   const char             *project_path,
                   gpointer                work_data,
                   GCancellable           *cancellable,
                   EquityProgressFunc      progress,
                   gpointer                progress_data,
                   GAsyncReadyCallback     callback,
                   gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  WorkerData *worker;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (source_object, cancellable, callback, user_data);
  worker = g_new0 (WorkerData, 1);
  worker->kind = kind;
  worker->project_path = g_strdup (project_path);
  worker->work_data = work_data;
  worker->relay = equity_progress_relay_new (progress, progress_data, cancellable);
  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, kind->name);
  g_task_set_task_data (task, worker, worker_data_free);
  g_task_run_in_thread (task, worker_thread);
}

gpointer
equity_worker_finish (GAsyncResult  *result,
                      gpointer       source_object,
                      gpointer       source_tag,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source_object), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gpointer
equity_worker_get_work_data (GAsyncResult *result)
{
  WorkerData *worker = g_task_get_task_data (G_TASK (result));

  return worker->work_data;
}
