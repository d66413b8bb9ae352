/* equity-project.c
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
#include "equity-project.h"
#include "equity-project-file.h"
#include "equity-saved-analysis.h"
#include "equity-schema.h"

struct _EquityProject
{
  GObject     parent_instance;
  char       *path;
  sqlite3    *db;
  GListStore *datasets;
  GListStore *analyses;
  gboolean    read_only;
};

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

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
exec_sql (EquityProject  *self,
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

  return exec_sql (self, sql, error);
}

static sqlite3_stmt *
prepare (EquityProject  *self,
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
  return exec_sql (self, "PRAGMA foreign_keys = ON", error) &&
         exec_sql (self, "PRAGMA journal_mode = WAL", error) &&
         exec_sql (self, "PRAGMA synchronous = NORMAL", error);
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

  if (db != NULL &&
      sqlite3_prepare_v2 (db, "SELECT application_id, user_version FROM pragma_application_id, pragma_user_version",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
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
  now = now_iso8601 ();

  /* Page size and id go into the file itself before the log takes over.
   * 16 KiB pages make bulk imports and their checkpoint a fifth faster. */
  if (!exec_sql (self, "PRAGMA page_size = 16384", error) ||
      !exec_sql (self, set_app_id, error) ||
      !configure_connection (self, error) ||
      !exec_sql (self, "BEGIN IMMEDIATE", error) ||
      !equity_schema_migrate (self->db, 0, equity_schema_latest_version (), error))
    goto failed;

  stmt = prepare (self, "INSERT INTO metadata (key, value) VALUES ('created_at', ?1)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (!exec_sql (self, "COMMIT", error))
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
  return exec_sql (self, "PRAGMA foreign_keys = ON", error) &&
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
      if (!exec_sql (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!equity_schema_migrate (self->db, version, equity_schema_latest_version (), &local_error) ||
          !exec_sql (self, "COMMIT", &local_error))
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

static GDateTime *
parse_time (const char *text)
{
  return text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

static gboolean
load_columns (EquityProject  *self,
              EquityDataset  *dataset,
              GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self,
                  "SELECT name, type, role, moe_of, n_nulls FROM dataset_columns "
                  "WHERE dataset_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, equity_dataset_get_id (dataset));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(EquityColumn) column = NULL;
      EquityColumnType type = EQUITY_COLUMN_TYPE_TEXT;
      EquityColumnRole role = EQUITY_COLUMN_ROLE_NONE;

      equity_column_type_from_string ((const char *) sqlite3_column_text (stmt, 1), &type);
      equity_column_role_from_string ((const char *) sqlite3_column_text (stmt, 2), &role);
      column = equity_column_new ((const char *) sqlite3_column_text (stmt, 0), type, role);
      equity_column_set_moe_of (column, (const char *) sqlite3_column_text (stmt, 3));
      equity_column_set_n_nulls (column, sqlite3_column_int64 (stmt, 4));
      equity_dataset_add_column (dataset, column);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      equity_schema_set_error (self->db, error, _("Could not read the dataset catalog"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_analyses (EquityProject  *self,
               GError        **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self, "SELECT name, kind, spec, updated_at FROM analyses ORDER BY name COLLATE NOCASE", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) updated = parse_time ((const char *) sqlite3_column_text (stmt, 3));

      g_ptr_array_add (items,
                       equity_saved_analysis_new ((const char *) sqlite3_column_text (stmt, 0),
                                                  (const char *) sqlite3_column_text (stmt, 1),
                                                  (const char *) sqlite3_column_text (stmt, 2),
                                                  updated));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      equity_schema_set_error (self->db, error, _("Could not read the saved analyses"));
      return FALSE;
    }

  g_list_store_splice (self->analyses, 0, g_list_model_get_n_items (G_LIST_MODEL (self->analyses)),
                       items->pdata, items->len);
  return TRUE;
}

gboolean
equity_project_reload_catalog (EquityProject  *self,
                               GError        **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  stmt = prepare (self,
                  "SELECT id, name, source, format, imported_at, row_count FROM datasets "
                  "ORDER BY name COLLATE NOCASE", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EquityDataset *dataset = equity_dataset_new (sqlite3_column_int64 (stmt, 0),
                                                   (const char *) sqlite3_column_text (stmt, 1));
      g_autoptr(GDateTime) imported = parse_time ((const char *) sqlite3_column_text (stmt, 4));

      equity_dataset_set_source (dataset, (const char *) sqlite3_column_text (stmt, 2));
      equity_dataset_set_format (dataset, (const char *) sqlite3_column_text (stmt, 3));
      equity_dataset_set_imported_at (dataset, imported);
      equity_dataset_set_n_rows (dataset, sqlite3_column_int64 (stmt, 5));
      g_ptr_array_add (items, dataset);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      equity_schema_set_error (self->db, error, _("Could not read the dataset catalog"));
      return FALSE;
    }

  for (guint i = 0; i < items->len; i++)
    if (!load_columns (self, g_ptr_array_index (items, i), error))
      return FALSE;

  if (!load_analyses (self, error))
    return FALSE;

  g_list_store_splice (self->datasets, 0, g_list_model_get_n_items (G_LIST_MODEL (self->datasets)),
                       items->pdata, items->len);
  return TRUE;
}

GListModel *
equity_project_get_datasets (EquityProject *self)
{
  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->datasets);
}

GListModel *
equity_project_get_analyses (EquityProject *self)
{
  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->analyses);
}

EquityDataset *
equity_project_find_dataset (EquityProject *self,
                             const char    *name)
{
  guint n;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->datasets));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EquityDataset) dataset = g_list_model_get_item (G_LIST_MODEL (self->datasets), i);

      if (g_strcmp0 (equity_dataset_get_name (dataset), name) == 0)
        return dataset;   /* the store keeps it alive */
    }
  return NULL;
}

char *
equity_project_unique_dataset_name (EquityProject *self,
                                    const char    *base)
{
  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);

  if (base == NULL || *base == '\0')
    base = _("Dataset");
  if (equity_project_find_dataset (self, base) == NULL)
    return g_strdup (base);

  for (guint i = 2; ; i++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s %u", base, i);

      if (equity_project_find_dataset (self, candidate) == NULL)
        return g_steal_pointer (&candidate);
    }
}

static void
set_dataset_name_taken_error (EquityProject  *self,
                              const char     *name,
                              GError        **error)
{
  g_autofree char *basename = g_path_get_basename (self->path);

  g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_EXISTS,
               _("A dataset named “%s” already exists in “%s”; choose another name"),
               name, basename);
}

/* Another program may have taken the name since the catalog was read. */
static void
set_dataset_name_error (EquityProject  *self,
                        const char     *name,
                        const char     *what,
                        GError        **error)
{
  if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
    set_dataset_name_taken_error (self, name, error);
  else
    equity_schema_set_error (self->db, error, what);
}

static gboolean
validate_name (const char  *name,
               const char  *what,
               GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (*stripped == '\0')
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID, _("A %s needs a name"), what);
      return FALSE;
    }
  if (!g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID, _("The name is not valid UTF-8 text"));
      return FALSE;
    }
  return TRUE;
}

gboolean
equity_project_rename_dataset (EquityProject  *self,
                               EquityDataset  *dataset,
                               const char     *new_name,
                               GError        **error)
{
  g_autofree char *detail = NULL;
  g_autofree char *old_name = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (EQUITY_IS_DATASET (dataset), FALSE);

  if (!validate_name (new_name, _("dataset"), error))
    return FALSE;
  if (g_strcmp0 (new_name, equity_dataset_get_name (dataset)) == 0)
    return TRUE;
  if (equity_project_find_dataset (self, new_name) != NULL)
    {
      set_dataset_name_taken_error (self, new_name, error);
      return FALSE;
    }

  stmt = prepare (self, "UPDATE datasets SET name = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, new_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, equity_dataset_get_id (dataset));
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_dataset_name_error (self, new_name, _("Could not rename the dataset"), error);
      return FALSE;
    }

  old_name = g_strdup (equity_dataset_get_name (dataset));
  detail = g_strdup_printf ("%s → %s", old_name, new_name);
  equity_project_log (self, "rename-dataset", detail, NULL);
  if (!equity_project_reload_catalog (self, error))
    return FALSE;
  g_signal_emit (self, signals[DATASET_RENAMED], 0, old_name, new_name);
  return TRUE;
}

gboolean
equity_project_delete_dataset (EquityProject  *self,
                               EquityDataset  *dataset,
                               gboolean        force,
                               GError        **error)
{
  g_autofree char *drop = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) users = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (EQUITY_IS_DATASET (dataset), FALSE);

  name = g_strdup (equity_dataset_get_name (dataset));
  users = equity_project_list_analyses_using (self, dataset, error);
  if (users == NULL)
    return FALSE;
  if (users[0] != NULL && !force)
    {
      g_autofree char *list = g_strjoinv ("”, “", users);

      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Dataset “%s” is used by the saved analysis “%s”; delete it anyway to leave that analysis without its data",
                                "Dataset “%s” is used by the saved analyses “%s”; delete it anyway to leave those analyses without their data",
                                g_strv_length (users)),
                   name, list);
      return FALSE;
    }

  if (!equity_project_begin (self, error))
    return FALSE;

  /* A later import must never get this id: saved analyses that read this
   * dataset would silently read that one instead. */
  stmt = prepare (self,
                  "INSERT INTO metadata (key, value) VALUES ('last_deleted_dataset_id', ?1) "
                  "ON CONFLICT (key) DO UPDATE SET value = MAX(CAST(value AS INTEGER), ?1)",
                  &local_error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, equity_dataset_get_id (dataset));
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      equity_schema_set_error (self->db, &local_error, _("Could not delete the dataset"));
      goto failed;
    }

  drop = g_strdup_printf ("DROP TABLE IF EXISTS %s", equity_dataset_get_table_name (dataset));
  if (!exec_sql (self, drop, &local_error))
    goto failed;
  if (equity_dataset_get_bbox_table_name (dataset) != NULL)
    {
      g_autofree char *drop_bbox = g_strdup_printf ("DROP TABLE IF EXISTS %s",
                                                    equity_dataset_get_bbox_table_name (dataset));
      if (!exec_sql (self, drop_bbox, &local_error))
        goto failed;
    }

  stmt = prepare (self, "DELETE FROM datasets WHERE id = ?1", &local_error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, equity_dataset_get_id (dataset));
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      equity_schema_set_error (self->db, &local_error, _("Could not delete the dataset"));
      goto failed;
    }

  if (!equity_project_log (self, "delete-dataset", name, &local_error) ||
      !equity_project_commit (self, &local_error))
    goto failed;

  return equity_project_reload_catalog (self, error);

failed:
  equity_project_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
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
  return exec_sql (self, "BEGIN IMMEDIATE", error);
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
  return exec_sql (self, "COMMIT", error);
}

void
equity_project_rollback (EquityProject *self)
{
  g_return_if_fail (EQUITY_IS_PROJECT (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static const char *
storage_type (EquityColumnType type)
{
  switch (type)
    {
    case EQUITY_COLUMN_TYPE_INTEGER:  return "INTEGER";
    case EQUITY_COLUMN_TYPE_REAL:     return "REAL";
    case EQUITY_COLUMN_TYPE_GEOMETRY: return "BLOB";
    case EQUITY_COLUMN_TYPE_TEXT:
    case EQUITY_COLUMN_TYPE_DATE:
    default:                          return "TEXT";
    }
}

EquityDataset *
equity_project_create_dataset (EquityProject  *self,
                               const char     *name,
                               const char     *source,
                               const char     *format,
                               GPtrArray      *columns,
                               GError        **error)
{
  g_autoptr(EquityDataset) dataset = NULL;
  g_autoptr(GString) create = NULL;
  g_autofree char *now = now_iso8601 ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (columns != NULL, NULL);

  if (!validate_name (name, _("dataset"), error))
    return NULL;
  if (equity_project_find_dataset (self, name) != NULL)
    {
      set_dataset_name_taken_error (self, name, error);
      return NULL;
    }

  stmt = prepare (self,
                  "INSERT INTO datasets (id, name, source, format, imported_at) VALUES ("
                  "  1 + MAX (COALESCE ((SELECT MAX (id) FROM datasets), 0),"
                  "           COALESCE ((SELECT CAST (value AS INTEGER) FROM metadata"
                  "                      WHERE key = 'last_deleted_dataset_id'), 0)),"
                  "  ?1, ?2, ?3, ?4)",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, format, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_dataset_name_error (self, name, _("Could not add the dataset to the catalog"), error);
      return NULL;
    }

  dataset = equity_dataset_new (sqlite3_last_insert_rowid (self->db), name);
  equity_dataset_set_source (dataset, source);
  equity_dataset_set_format (dataset, format);
  {
    g_autoptr(GDateTime) imported = parse_time (now);
    equity_dataset_set_imported_at (dataset, imported);
  }

  stmt = prepare (self,
                  "INSERT INTO dataset_columns (dataset_id, position, name, type, role, moe_of, n_nulls) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return NULL;

  create = g_string_new (NULL);
  g_string_append_printf (create, "CREATE TABLE %s (", equity_dataset_get_table_name (dataset));

  for (guint i = 0; i < columns->len; i++)
    {
      EquityColumn *column = equity_column_copy (g_ptr_array_index (columns, i));

      equity_dataset_add_column (dataset, column);
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, equity_dataset_get_id (dataset));
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, equity_column_get_name (column), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, equity_column_type_to_string (equity_column_get_column_type (column)), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, equity_column_role_to_string (equity_column_get_role (column)), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, equity_column_get_moe_of (column), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 7, equity_column_get_n_nulls (column));
      rc = sqlite3_step (stmt);
      g_object_unref (column);
      if (rc != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          equity_schema_set_error (self->db, error, _("Could not add the dataset’s columns"));
          return NULL;
        }

      g_string_append_printf (create, "%sc%u %s", i ? ", " : "", i,
                              storage_type (equity_column_get_column_type (g_ptr_array_index (columns, i))));
    }
  sqlite3_finalize (stmt);

  g_string_append (create, ") STRICT");
  if (columns->len == 0)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID, _("The dataset has no columns"));
      return NULL;
    }
  if (!exec_sql (self, create->str, error))
    return NULL;

  return g_steal_pointer (&dataset);
}

gboolean
equity_project_finish_dataset (EquityProject  *self,
                               EquityDataset  *dataset,
                               guint64         n_rows,
                               GError        **error)
{
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  GPtrArray *columns;
  int rc;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (EQUITY_IS_DATASET (dataset), FALSE);

  stmt = prepare (self, "UPDATE datasets SET row_count = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, n_rows);
  sqlite3_bind_int64 (stmt, 2, equity_dataset_get_id (dataset));
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  /* Null counts are known only once every row is in. */
  stmt = prepare (self, "UPDATE dataset_columns SET n_nulls = ?1 WHERE dataset_id = ?2 AND position = ?3", error);
  if (stmt == NULL)
    return FALSE;
  columns = equity_dataset_get_columns (dataset);
  for (guint i = 0; i < columns->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, equity_column_get_n_nulls (g_ptr_array_index (columns, i)));
      sqlite3_bind_int64 (stmt, 2, equity_dataset_get_id (dataset));
      sqlite3_bind_int (stmt, 3, i);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          goto failed;
        }
    }
  sqlite3_finalize (stmt);

  equity_dataset_set_n_rows (dataset, n_rows);
  detail = g_strdup_printf ("%s (%" G_GUINT64_FORMAT " rows from %s)",
                            equity_dataset_get_name (dataset), n_rows,
                            equity_dataset_get_source (dataset) ? equity_dataset_get_source (dataset) : "?");
  return equity_project_log (self, "import", detail, error);

failed:
  equity_schema_set_error (self->db, error, _("Could not update the dataset catalog"));
  return FALSE;
}

gboolean
equity_project_set_column_role (EquityProject     *self,
                                EquityDataset     *dataset,
                                EquityColumn      *column,
                                EquityColumnRole   role,
                                const char        *moe_of,
                                GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (EQUITY_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (EQUITY_IS_COLUMN (column), FALSE);

  stmt = prepare (self,
                  "UPDATE dataset_columns SET role = ?1, moe_of = ?2 WHERE dataset_id = ?3 AND position = ?4",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, equity_column_role_to_string (role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, moe_of, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, equity_dataset_get_id (dataset));
  sqlite3_bind_int (stmt, 4, equity_column_get_position (column));
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      equity_schema_set_error (self->db, error, _("Could not change the column’s role"));
      return FALSE;
    }

  equity_column_set_role (column, role);
  equity_column_set_moe_of (column, moe_of);
  return TRUE;
}

static gboolean
step_done (EquityProject  *self,
           sqlite3_stmt   *stmt,
           const char     *what,
           GError        **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      equity_schema_set_error (self->db, error, what);
      return FALSE;
    }
  return TRUE;
}

gboolean
equity_project_save_analysis (EquityProject  *self,
                              const char     *name,
                              const char     *kind,
                              const char     *spec,
                              GArray         *dataset_ids,
                              GError        **error)
{
  g_autofree char *now = now_iso8601 ();
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (kind != NULL && spec != NULL && dataset_ids != NULL, FALSE);

  if (!validate_name (name, _("analysis"), error))
    return FALSE;
  if (!equity_project_begin (self, error))
    return FALSE;

  stmt = prepare (self,
                  "INSERT INTO analyses (name, kind, spec, bound, created_at, updated_at) "
                  "VALUES (?1, ?2, ?3, 1, ?4, ?4) "
                  "ON CONFLICT (name) DO UPDATE SET kind = ?2, spec = ?3, bound = 1, updated_at = ?4",
                  &local_error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, spec, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, _("Could not save the analysis"), &local_error))
    goto failed;

  stmt = prepare (self,
                  "DELETE FROM analysis_datasets WHERE analysis_id = (SELECT id FROM analyses WHERE name = ?1)",
                  &local_error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, _("Could not save the analysis"), &local_error))
    goto failed;

  for (guint i = 0; i < dataset_ids->len; i++)
    {
      stmt = prepare (self,
                      "INSERT OR IGNORE INTO analysis_datasets (analysis_id, dataset_id) "
                      "SELECT id, ?2 FROM analyses WHERE name = ?1",
                      &local_error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, g_array_index (dataset_ids, gint64, i));
      if (!step_done (self, stmt, _("Could not save the analysis"), &local_error))
        goto failed;
    }

  if (!equity_project_log (self, "save-analysis", name, &local_error)
      || !equity_project_commit (self, &local_error))
    goto failed;
  return load_analyses (self, error);

failed:
  equity_project_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

char *
equity_project_dup_analysis_spec (EquityProject  *self,
                                  const char     *name,
                                  gboolean       *bound,
                                  GError        **error)
{
  char *spec = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);

  stmt = prepare (self, "SELECT spec, bound FROM analyses WHERE name = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      spec = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (bound != NULL)
        *bound = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_finalize (stmt);

  if (spec == NULL)
    g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
                 _("The project has no analysis named “%s”"), name);
  return spec;
}

/* The first column of every row of STMT, as a NULL-terminated array. */
static char **
collect_names (EquityProject  *self,
               sqlite3_stmt   *stmt,
               GError        **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      equity_schema_set_error (self->db, error, _("Could not read the saved analyses"));
      return NULL;
    }
  return g_strv_builder_end (names);
}

char **
equity_project_list_analyses_using (EquityProject  *self,
                                    EquityDataset  *dataset,
                                    GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (EQUITY_IS_DATASET (dataset), NULL);

  stmt = prepare (self,
                  "SELECT a.name FROM analyses a JOIN analysis_datasets d ON d.analysis_id = a.id "
                  "WHERE d.dataset_id = ?1 ORDER BY a.name COLLATE NOCASE",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, equity_dataset_get_id (dataset));
  return collect_names (self, stmt, error);
}

char **
equity_project_list_unbound_analyses (EquityProject  *self,
                                      GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);

  stmt = prepare (self, "SELECT name FROM analyses WHERE bound = 0 ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  return collect_names (self, stmt, error);
}

EquityDataset *
equity_project_find_dataset_by_id (EquityProject *self,
                                   gint64         id)
{
  GListModel *model;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);

  model = G_LIST_MODEL (self->datasets);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EquityDataset) dataset = g_list_model_get_item (model, i);

      if (equity_dataset_get_id (dataset) == id)
        return dataset;
    }
  return NULL;
}

gboolean
equity_project_log (EquityProject  *self,
                    const char     *action,
                    const char     *detail,
                    GError        **error)
{
  g_autofree char *now = now_iso8601 ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);

  stmt = prepare (self, "INSERT INTO audit_log (at, actor, action, detail) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, detail, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      equity_schema_set_error (self->db, error, _("Could not write the audit log"));
      return FALSE;
    }
  return TRUE;
}
