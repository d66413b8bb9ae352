/* equity-schema.h — the project file's schema and its migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* the user_version a file has after every migration this program knows */
int      equity_schema_latest_version (void);
/* Applies migrations FROM+1 … TO in order and sets user_version to TO.
 * The caller holds the transaction. */
gboolean equity_schema_migrate        (sqlite3  *db,
                                       int       from,
                                       int       to,
                                       GError  **error);
/* Sets ERROR from the connection's last SQLite error, in the user's terms
 * and naming the project file, prefixed by WHAT unless it is NULL.
 * Codes: EQUITY_ERROR_BUSY, _READ_ONLY, _DISK_FULL, _CORRUPT or _FAILED. */
void     equity_schema_set_error      (sqlite3  *db,
                                       GError  **error,
                                       const char *what);
/* the project file's base name, for messages */
char    *equity_schema_dup_file_name  (sqlite3  *db);
/* TRUE when the last error is the disk (or a file size limit) being full */
gboolean equity_schema_error_is_disk_full (sqlite3 *db);

G_END_DECLS
