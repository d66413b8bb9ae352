/* equity-worker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity"

#include "config.h"

#include "equity-worker.h"

void
equity_worker_start (gpointer             source_object,
                     gpointer             source_tag,
                     const char          *name,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data,
                     gpointer             task_data,
                     GDestroyNotify       task_data_free,
                     GTaskThreadFunc      thread_func)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, name);
  g_task_set_task_data (task, task_data, task_data_free);
  g_task_run_in_thread (task, thread_func);
}

EquityProject *
equity_worker_open_project (GTask      *task,
                            const char *path)
{
  GError *error = NULL;
  EquityProject *project = equity_project_open (path, &error);

  if (project == NULL)
    g_task_return_error (task, error);
  return project;
}

void
equity_worker_fail (GTask         *task,
                    EquityProject *project,
                    GError        *error)
{
  if (project != NULL)
    equity_project_close (project);
  g_task_return_error (task, error);
}
