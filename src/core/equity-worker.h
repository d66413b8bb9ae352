/* equity-worker.h — what every *_async of the core does alike: a GTask run in
 * a worker thread, which reads the project through a connection of its own
 * (private to the core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "equity-project.h"
#include "equity-types.h"

G_BEGIN_DECLS

/* What a task does in its worker thread: PROJECT is the task's own
 * connection (NULL for a task without a project), PROGRESS reaches the
 * caller's main context (PROGRESS_DATA is the task's EquityProgressRelay,
 * for equity_progress_relay_set_span()). Returns the result, or NULL with
 * ERROR set. */
typedef gpointer (*EquityWorkerFunc) (EquityProject       *project,
                                      gpointer             work_data,
                                      EquityProgressFunc   progress,
                                      gpointer             progress_data,
                                      GCancellable        *cancellable,
                                      GError             **error);

/* One kind of task, described once (static const at its *_async). */
typedef struct
{
  const char       *name;
  EquityWorkerFunc  work;
  GDestroyNotify    work_data_free;
  GDestroyNotify    result_free;
  /* a result made before the caller cancelled is still returned (the
   * choices list, a sample already on disk) instead of a cancelled error */
  gboolean          keep_if_cancelled;
  /* the work wrote to the project: a failed close (a full disk) fails the
   * task, where a reading task only logs it */
  gboolean          close_checked;
} EquityWorkerKind;

/* Runs KIND's work in a worker thread on the project at PROJECT_PATH (may be
 * NULL), opened for that thread alone and closed after, with WORK_DATA and
 * PROGRESS relayed to the caller; the GTask (of SOURCE_OBJECT, tagged
 * SOURCE_TAG) returns the result as a pointer. CANCELLABLE may be NULL. */
void           equity_worker_run          (const EquityWorkerKind *kind,
                                           gpointer             source_object,
                                           gpointer             source_tag,
                                           const char          *project_path,
                                           gpointer             work_data,
                                           GCancellable        *cancellable,
                                           EquityProgressFunc   progress,
                                           gpointer             progress_data,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* What the work of a task started by equity_worker_run() with SOURCE_OBJECT
 * and SOURCE_TAG returned, now the caller's; NULL with ERROR set when it
 * failed (or was cancelled). */
gpointer       equity_worker_finish       (GAsyncResult       *result,
                                           gpointer            source_object,
                                           gpointer            source_tag,
                                           GError            **error);
/* The WORK_DATA of a task started by equity_worker_run() */
gpointer       equity_worker_get_work_data (GAsyncResult       *result);

G_END_DECLS
