/* equity-project-open.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity"

#include "config.h"

#include "equity-analysis.h"
#include "equity-project-open.h"
#include "equity-worker.h"

static gpointer
open_work (EquityProject       *no_project,
           gpointer             work_data,
           EquityProgressFunc   progress,
           gpointer             progress_data,
           GCancellable        *cancellable,
           GError             **error)
{
  const char *path = work_data;
  g_autoptr(EquityProject) project = equity_project_open (path, error);
  g_autoptr(GError) bind_error = NULL;

  if (project == NULL)
    return NULL;

  /* Analyses saved before datasets were named by id are bound now, so a
   * rename cannot break them. */
  if (!equity_analysis_bind_saved (project, &bind_error))
    g_debug ("Saved analyses still name their datasets: %s", bind_error->message);

  return g_steal_pointer (&project);
}

void
equity_project_open_async (const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  /* no connection of the worker's own: the work opens the one it returns */
  static const EquityWorkerKind kind = { "[equity] open project", open_work, g_free, g_object_unref };

  g_return_if_fail (path != NULL);

  equity_worker_run (&kind, NULL, equity_project_open_async, NULL, g_strdup (path), cancellable,
                     NULL, NULL, callback, user_data);
}

EquityProject *
equity_project_open_finish (GAsyncResult  *result,
                            GError       **error)
{
  return equity_worker_finish (result, NULL, equity_project_open_async, error);
}
