/* equity-project.c — the project object: open, create, close, transactions, the log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-project"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "equity-error.h"
#include "equity-project-file.h"
#include "equity-project-private.h"
#include "equity-saved-analysis.h"
#include "equity-schema.h"


G_DEFINE_FINAL_TYPE (EquityProject, equity_project, G_TYPE_OBJECT)

enum {
  DATASET_RENAMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The first 100 bytes of an SQLite file: magic, then big-endian fields. */
#define SQLITE_HEADER_SIZE        100

int
equity_project_schema_version (void)
{
  return equity_schema_latest_version ();
}

static void
equity_project_finalize (GObject *object)
{
  EquityProject *self = EQUITY_PROJECT (object);

  if (self->db != NULL)
    equity_project_close (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_object (&self->datasets);
  g_clear_object (&self->analyses);

  G_OBJECT_CLASS (equity_project_parent_class)->finalize (object);
}

static void
equity_project_class_init (EquityProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = equity_project_finalize;

  /**
   * EquityProject::dataset-renamed:
   * @old_name: the name it had
   * @new_name: the name it has now
   *
   * An analysis being edited names its datasets as the user sees them, so
   * it follows a rename through this signal (saved ones name them by id).
   */
  signals[DATASET_RENAMED] =
    g_signal_new ("dataset-renamed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
equity_project_init (EquityProject *self)
{
  self->datasets = g_list_store_new (EQUITY_TYPE_DATASET);
  self->analyses = g_list_store_new (EQUITY_TYPE_SAVED_ANALYSIS);
}

void
_equity_project_emit_dataset_renamed (EquityProject *self,
                                      const char    *old_name,
                                      const char    *new_name)
{
  g_signal_emit (self, signals[DATASET_RENAMED], 0, old_name, new_name);
}

char *
_equity_project_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
_equity_project_exec_sql (EquityProject  *self,
                          const char     *sql,
                          GError        **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      equity_schema_set_error (self->db, error, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
equity_project_exec (EquityProject  *self,
                     const char     *sql,
                     GError        **error)
{
  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  return _equity_project_exec_sql (self, sql, error);
}

sqlite3_stmt *
_equity_project_prepare (EquityProject  *self,
                         const char     *sql,
                         GError        **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      equity_schema_set_error (self->db, error, NULL);
      return NULL;
    }
  return stmt;
}

static gboolean
configure_connection (EquityProject  *self,
                      GError        **error)
{
  /* Waiting briefly for a writer in another thread or program beats
   * failing at once. */
  sqlite3_busy_timeout (self->db, EQUITY_PROJECT_BUSY_TIMEOUT_MS);
  return _equity_project_exec_sql (self, "PRAGMA foreign_keys = ON", error) &&
         _equity_project_exec_sql (self, "PRAGMA journal_mode = WAL", error) &&
         _equity_project_exec_sql (self, "PRAGMA synchronous = NORMAL", error);
}

static gboolean
open_connection (EquityProject  *self,
                 int             flags,
                 GError        **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->db, flags | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_FAILED,
                   _("Could not open “%s”: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  return TRUE;
}

/* STMT: the header fields, stepped to its row when it returns TRUE */
static gboolean
query_header_fields (sqlite3       *db,
                     sqlite3_stmt **stmt)
{
  return sqlite3_prepare_v2 (db, "SELECT application_id, user_version FROM pragma_application_id, pragma_user_version",
                             -1, stmt, NULL) == SQLITE_OK &&
         sqlite3_step (*stmt) == SQLITE_ROW;
}

static gboolean
read_header_fields (const char  *path,
                    gboolean     read_only,
                    gint32      *application_id,
                    int         *user_version,
                    GError     **error)
{
  g_autofree char *basename = g_path_get_basename (path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean have_fields = FALSE;
  gboolean ok = FALSE;

  if (read_only)
    {
      db = equity_project_file_open_read_only (path, error);
      if (db == NULL)
        return FALSE;
    }
  /* a writer in another thread holds the file for a moment: wait for it
   * rather than call the project damaged */
  else if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
    sqlite3_busy_timeout (db, EQUITY_PROJECT_BUSY_TIMEOUT_MS);

  if (db != NULL)
    have_fields = query_header_fields (db, &stmt);
  if (db != NULL && !have_fields && !read_only && sqlite3_extended_errcode (db) == SQLITE_READONLY_ROLLBACK)
    {
      /* A program stopped midway through a bulk import left its rollback
       * journal: only a connection that may write can put the file back as
       * it was before that import, which any opening must do first. */
      g_clear_pointer (&stmt, sqlite3_finalize);
      g_clear_pointer (&db, sqlite3_close);
      if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
        sqlite3_busy_timeout (db, EQUITY_PROJECT_BUSY_TIMEOUT_MS);
      if (db != NULL)
        have_fields = query_header_fields (db, &stmt);
    }

  if (have_fields)
    {
      *application_id = sqlite3_column_int (stmt, 0);
      *user_version = sqlite3_column_int (stmt, 1);
      ok = TRUE;
    }
  else
    g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_CORRUPT,
                 _("“%s” is damaged and cannot be opened: %s"), basename,
                 db ? sqlite3_errmsg (db) : "out of memory");

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

/* Checks the magic bytes straight from the file, then the header fields
 * through a read-only connection, so a foreign or newer file is refused
 * before anything could be written to it. */
static gboolean
check_header (const char  *path,
              gboolean     read_only,
              int         *user_version,
              GError     **error)
{
  g_autofree char *basename = g_path_get_basename (path);
  guint8 header[SQLITE_HEADER_SIZE];
  gint32 application_id = 0;
  gssize n_read;
  FILE *fp;

  fp = g_fopen (path, "rb");
  if (fp == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not open “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = fread (header, 1, sizeof header, fp);
  fclose (fp);

  if (n_read < (gssize) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_A_PROJECT,
                   _("“%s” is not an Asheville Equity project (it is not an SQLite database)"),
                   basename);
      return FALSE;
    }

  /* The header fields may be newer in the write-ahead log than in the file
   * (another process has the project open): ask SQLite, read-only. */
  if (!read_header_fields (path, read_only, &application_id, user_version, error))
    return FALSE;

  if ((guint32) application_id != EQUITY_PROJECT_APPLICATION_ID)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_A_PROJECT,
                   _("“%s” is an SQLite database, but not an Asheville Equity project"),
                   basename);
      return FALSE;
    }

  if (*user_version > equity_schema_latest_version ())
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Asheville Equity (file version %d, "
                     "this program reads up to %d). Update the program to open it."),
                   basename, *user_version, equity_schema_latest_version ());
      return FALSE;
    }

  return TRUE;
}

static EquityProject *
project_new (const char *path)
{
  EquityProject *self = g_object_new (EQUITY_TYPE_PROJECT, NULL);

  self->path = g_canonicalize_filename (path, NULL);
  return self;
}

EquityProject *
equity_project_create (const char  *path,
                       GError     **error)
{
  g_autoptr(EquityProject) self = NULL;
  g_autofree char *set_app_id = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_EXISTS,
                   _("“%s” already exists; choose another name"), path);
      return NULL;
    }

  self = project_new (path);
  if (!open_connection (self, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE, error))
    return NULL;

  set_app_id = g_strdup_printf ("PRAGMA application_id = %d", (gint32) EQUITY_PROJECT_APPLICATION_ID);
  now = _equity_project_now_iso8601 ();

  /* Page size and id go into the file itself before the log takes over.
   * 16 KiB pages make bulk imports and their checkpoint a fifth faster. */
  if (!_equity_project_exec_sql (self, "PRAGMA page_size = 16384", error) ||
      !_equity_project_exec_sql (self, set_app_id, error) ||
      !configure_connection (self, error) ||
      !_equity_project_exec_sql (self, "BEGIN IMMEDIATE", error) ||
      !equity_schema_migrate (self->db, 0, equity_schema_latest_version (), error))
    goto failed;

  stmt = _equity_project_prepare (self, "INSERT INTO metadata (key, value) VALUES ('created_at', ?1)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (!_equity_project_exec_sql (self, "COMMIT", error))
    goto failed;

  return g_steal_pointer (&self);

failed:
  /* The file is ours and half-made: remove it with its WAL companions. */
  equity_project_close (self);
  {
    g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
    g_unlink (self->path);
    g_unlink (wal);
    g_unlink (shm);
  }
  return NULL;
}

/* A project we may not write is read as it is: no upgrade, no log. */
static gboolean
open_read_only (EquityProject  *self,
                int             version,
                GError        **error)
{
  if (version < equity_schema_latest_version ())
    {
      g_autofree char *basename = g_path_get_basename (self->path);

      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_READ_ONLY,
                   _("“%s” is read-only, and it was saved by an older version of Asheville Equity: "
                     "it must be upgraded, which changes the file, before this version can read it. "
                     "Open a copy you may change, or make it writable."), basename);
      return FALSE;
    }

  self->db = equity_project_file_open_read_only (self->path, error);
  if (self->db == NULL)
    return FALSE;
  return _equity_project_exec_sql (self, "PRAGMA foreign_keys = ON", error) &&
         equity_project_reload_catalog (self, error);
}

static gboolean
open_existing (EquityProject  *self,
               int             version,
               GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (self->read_only)
    return open_read_only (self, version, error);

  if (!open_connection (self, SQLITE_OPEN_READWRITE, error) ||
      !configure_connection (self, error))
    return FALSE;

  if (version < equity_schema_latest_version ())
    {
      if (!_equity_project_exec_sql (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!equity_schema_migrate (self->db, version, equity_schema_latest_version (), &local_error) ||
          !_equity_project_exec_sql (self, "COMMIT", &local_error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_debug ("Upgraded %s from version %d to %d", self->path, version,
               equity_schema_latest_version ());
    }

  return equity_project_reload_catalog (self, error);
}

EquityProject *
equity_project_open (const char  *path,
                     GError     **error)
{
  g_autoptr(EquityProject) self = NULL;
  g_autoptr(GError) local_error = NULL;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  self = project_new (path);
  self->read_only = equity_project_file_is_read_only (self->path);
  if (!self->read_only)
    equity_project_file_unlock_index (self->path);
  if (!check_header (self->path, self->read_only, &version, error))
    return NULL;

  /* The system may refuse writing where the permissions did not tell
   * (a read-only mount): then read the project as it is. */
  if (!open_existing (self, version, &local_error) &&
      g_error_matches (local_error, EQUITY_ERROR, EQUITY_ERROR_READ_ONLY) && !self->read_only)
    {
      g_clear_pointer (&self->db, sqlite3_close);
      g_clear_error (&local_error);
      self->read_only = TRUE;
      open_existing (self, version, &local_error);
    }
  if (local_error != NULL)
    {
      g_autofree char *basename = g_path_get_basename (path);

      if (g_error_matches (local_error, EQUITY_ERROR, EQUITY_ERROR_CORRUPT))
        g_prefix_error (&local_error, _("“%s” is damaged and cannot be opened. "), basename);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&self);
}

EquityProject *
equity_project_open_or_create (const char  *path,
                               GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return equity_project_open (path, error);
  return equity_project_create (path, error);
}

gboolean
equity_project_close_checked (EquityProject  *self,
                              GError        **error)
{
  gboolean folded;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);

  if (self->db == NULL)
    return TRUE;

  /* SQLite folds the log back on close too, but says nothing when that
   * fails: do it first, where the failure can be reported. Either way the
   * connection closes; a log that could not be folded in stays on disk. */
  folded = equity_project_file_checkpoint (self->db, error);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
  return folded;
}

void
equity_project_close (EquityProject *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (EQUITY_IS_PROJECT (self));

  if (!equity_project_close_checked (self, &error))
    g_warning ("%s", error->message);
}

gboolean
equity_project_is_read_only (EquityProject *self)
{
  g_return_val_if_fail (EQUITY_IS_PROJECT (self), TRUE);
  return self->read_only;
}

const char *
equity_project_get_path (EquityProject *self)
{
  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);
  return self->path;
}

sqlite3 *
equity_project_get_db (EquityProject *self)
{
  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);
  return self->db;
}

char *
equity_project_dup_title (EquityProject *self)
{
  g_autofree char *basename = NULL;
  char *dot;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);

  basename = g_path_get_basename (self->path);
  dot = g_strrstr (basename, ".equity");
  if (dot != NULL && dot != basename && dot[strlen (".equity")] == '\0')
    *dot = '\0';
  return g_steal_pointer (&basename);
}
gboolean
equity_project_begin (EquityProject  *self,
                      GError        **error)
{
  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);

  if (self->read_only)
    {
      g_autofree char *basename = g_path_get_basename (self->path);

      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_READ_ONLY,
                   _("“%s” is read-only, so it cannot be changed"), basename);
      return FALSE;
    }
  return _equity_project_exec_sql (self, "BEGIN IMMEDIATE", error);
}

gboolean
equity_project_commit (EquityProject  *self,
                       GError        **error)
{
  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);

  /* Room for the whole transaction in the file itself, or no commit: the
   * caller rolls back and the project stays as it was. */
  if (!equity_project_file_reserve (self->db, error))
    return FALSE;
  return _equity_project_exec_sql (self, "COMMIT", error);
}

void
equity_project_rollback (EquityProject *self)
{
  g_return_if_fail (EQUITY_IS_PROJECT (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
equity_project_log (EquityProject  *self,
                    const char     *action,
                    const char     *detail,
                    GError        **error)
{
  g_autofree char *now = _equity_project_now_iso8601 ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);

  stmt = _equity_project_prepare (self, "INSERT INTO audit_log (at, actor, action, detail) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, detail, -1, SQLITE_TRANSIENT);
  return _equity_project_step_done (self, stmt, _("Could not write the audit log"), error);
}
