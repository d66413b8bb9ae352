/* equity-worker.h — what every *_async of the core does alike: a GTask run in
 * a worker thread, which reads the project through a connection of its own
 * (private to the core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "equity-project.h"

G_BEGIN_DECLS

/* Runs THREAD_FUNC in a worker thread: a GTask of SOURCE_OBJECT (may be
 * NULL) tagged SOURCE_TAG and named NAME, with TASK_DATA (freed with
 * TASK_DATA_FREE) as its data. */
void           equity_worker_start        (gpointer             source_object,
                                           gpointer             source_tag,
                                           const char          *name,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data,
                                           gpointer             task_data,
                                           GDestroyNotify       task_data_free,
                                           GTaskThreadFunc      thread_func);

/* In the worker: the project at PATH, opened for this thread alone; NULL
 * when it cannot be opened, the error then returned on TASK. */
EquityProject *equity_worker_open_project (GTask               *task,
                                           const char          *path);

/* In the worker: closes PROJECT (may be NULL) and returns ERROR on TASK. */
void           equity_worker_fail         (GTask               *task,
                                           EquityProject       *project,
                                           GError              *error);

G_END_DECLS
