/* equity-project-file.h — the .equity file on disk: opening it read-only,
 * and leaving it whole (everything folded back from its -wal) when done
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

/* TRUE when PATH or its folder cannot be written: the system refuses us, or
 * the file or folder carries no write permission at all (chmod a-w). The
 * second test holds for root too, whom the system lets write anything. */
gboolean  equity_project_file_is_read_only  (const char  *path);
/* Before opening a writable PATH: makes its -shm index writable when we made
 * it read-only by reading PATH while PATH was read-only. */
void      equity_project_file_unlock_index  (const char  *path);
/* A connection that never writes PATH nor creates files beside it when its
 * folder is read-only. */
sqlite3  *equity_project_file_open_read_only (const char  *path,
                                              GError     **error);
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
