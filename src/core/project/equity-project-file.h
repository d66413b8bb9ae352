/* equity-project-file.h — the .equity file on disk: leaving it whole
 * (everything folded back from its -wal) when done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* How long a connection waits for another program's write to finish before
 * it reports that the project is busy. */
#define EQUITY_PROJECT_BUSY_TIMEOUT_MS 5000

/* Inside a write transaction, before COMMIT: makes the file itself as large
 * as the transaction leaves the project, so that folding the -wal back in
 * cannot run out of room after the commit. Fails when the disk is full. */
gboolean  equity_project_file_reserve       (sqlite3     *db,
                                             GError     **error);
/* Folds the -wal back into the file so that the file alone is the project.
 * Another connection that has the project open keeps the -wal and folds it
 * in when it closes; that is not a failure. */
gboolean  equity_project_file_checkpoint    (sqlite3     *db,
                                             GError     **error);

G_END_DECLS
