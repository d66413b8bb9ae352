/* equity-project-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "equity-error.h"
#include "equity-project-file.h"
#include "equity-schema.h"

static sqlite3_int64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3_int64 value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

gboolean
equity_project_file_reserve (sqlite3  *db,
                             GError  **error)
{
  sqlite3_int64 page_size = query_int (db, "PRAGMA main.page_size");
  sqlite3_int64 page_count = query_int (db, "PRAGMA main.page_count");
  sqlite3_int64 size;
  int chunk;
  int rc;

  if (page_size <= 0 || page_count < 0)
    {
      equity_schema_set_error (db, error, NULL);
      return FALSE;
    }

  /* SQLite's unix VFS allocates on a size hint only with a chunk size;
   * one page keeps the file's size exact. */
  chunk = (int) page_size;
  sqlite3_file_control (db, "main", SQLITE_FCNTL_CHUNK_SIZE, &chunk);
  size = page_size * page_count;
  rc = sqlite3_file_control (db, "main", SQLITE_FCNTL_SIZE_HINT, &size);
  if (rc != SQLITE_OK && rc != SQLITE_NOTFOUND)
    {
      g_autofree char *name = equity_schema_dup_file_name (db);

      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_DISK_FULL,
                   _("The disk that holds “%s” is full. Nothing was changed; free some space "
                     "and try again."), name);
      return FALSE;
    }
  return TRUE;
}

gboolean
equity_project_file_checkpoint (sqlite3  *db,
                                GError  **error)
{
  g_autofree char *name = NULL;
  int rc;

  if (sqlite3_db_readonly (db, "main"))
    return TRUE;

  /* PASSIVE never waits for other connections (the window's, a worker's):
   * what they still read stays in the log until the last one closes. With
   * everything folded in, SQLite's own checkpoint on the last close has
   * nothing left to write, so it cannot fail unseen. */
  rc = sqlite3_wal_checkpoint_v2 (db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  if (rc == SQLITE_OK || (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    return TRUE;

  name = equity_schema_dup_file_name (db);
  if (equity_schema_error_is_disk_full (db))
    g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_DISK_FULL,
                 _("Could not finish saving “%s”: the disk is full. Its latest changes are kept "
                   "in “%s-wal” beside it: keep the two files together, free some space and "
                   "open the project again."), name, name);
  else
    g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_FAILED,
                 _("Could not finish saving “%s” (%s). Its latest changes are kept in “%s-wal” "
                   "beside it: keep the two files together and open the project again."),
                 name, sqlite3_errmsg (db), name);
  return FALSE;
}
