/* equity-project-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "equity-error.h"
#include "equity-project-file.h"
#include "equity-schema.h"

static gboolean
denies_writing (const char *path)
{
  GStatBuf info;

  if (g_stat (path, &info) != 0)
    return FALSE;   /* opening it reports what is wrong */
  if ((info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return TRUE;
  return g_access (path, W_OK) != 0;
}

void
equity_project_remove_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_return_if_fail (path != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

gboolean
equity_project_file_is_read_only (const char *path)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  folder = g_path_get_dirname (path);
  return denies_writing (path) || denies_writing (folder);
}

void
equity_project_file_unlock_index (const char *path)
{
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  GStatBuf file_info;
  GStatBuf shm_info;

  /* SQLite gives the -shm index the file's permissions of the moment: one
   * made while the file was read-only stays read-only, and would keep the
   * writable file read-only. Ours, it may follow the file again. */
  if (g_stat (path, &file_info) == 0 && g_stat (shm, &shm_info) == 0 &&
      shm_info.st_uid == getuid () && g_access (shm, W_OK) != 0)
    g_chmod (shm, file_info.st_mode & 0666);
}

static gboolean
has_unsaved_log (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf info;

  return g_stat (wal, &info) == 0 && info.st_size > 0;
}

sqlite3 *
equity_project_file_open_read_only (const char  *path,
                                    GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  int rc;

  /* A read-only connection to a WAL file still creates the -shm index
   * beside it. In a folder we may not write, a file whose log is empty is
   * opened as immutable instead, which needs no index; one whose log holds
   * changes cannot be read without the index (immutable would skip them). */
  escaped = g_uri_escape_string (path, G_URI_RESERVED_CHARS_ALLOWED_IN_PATH, TRUE);
  if (!denies_writing (folder) || has_unsaved_log (path))
    uri = g_strconcat ("file:", escaped, "?mode=ro", NULL);
  else
    uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);

  rc = sqlite3_open_v2 (uri, &db, flags, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, TRUE);
      sqlite3_busy_timeout (db, EQUITY_PROJECT_BUSY_TIMEOUT_MS);
      rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_path_get_basename (path);
      int primary = db != NULL ? sqlite3_errcode (db) & 0xff : rc & 0xff;

      if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
        g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_CORRUPT,
                     _("“%s” is damaged and cannot be opened"), name);
      else if (has_unsaved_log (path))
        g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_READ_ONLY,
                     _("“%s” is read-only, and its latest changes are in “%s-wal”, which can only "
                       "be read in a folder you may write to. Copy both files to such a folder "
                       "and open the copy."), name, name);
      else
        g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_READ_ONLY,
                     _("“%s” is read-only and could not be opened (%s)"), name,
                     db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

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
