/* equity-project-open.h — opening a project off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "equity-project.h"

G_BEGIN_DECLS

/* equity_project_open() in a worker thread, then equity_analysis_bind_saved()
 * (a failure to bind is only logged: a read-only project cannot be changed).
 * A migration of an older file, a damaged header or a slow disk then never
 * holds up the window. The project is handed to the caller, whose thread
 * uses it from then on. */
void           equity_project_open_async  (const char          *path,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* the project (owned by the caller), or NULL with ERROR set as
 * equity_project_open() sets it */
EquityProject *equity_project_open_finish (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
