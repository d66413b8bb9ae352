/* test-project.c — the project file: create, open, migrate, refuse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "equity-core.h"
#include "equity-project-private.h"
#include "equity-schema.h"
#include "test-util.h"

static void
test_create (TestScratch   *scratch,
             gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = g_build_filename (dir, "new.equity", NULL);
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  project = equity_project_create (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  db = equity_project_get_db (project);
  g_assert_cmpint (test_query_int (db, "PRAGMA application_id"), ==, EQUITY_PROJECT_APPLICATION_ID);
  g_assert_cmpint (test_query_int (db, "PRAGMA user_version"), ==, equity_project_schema_version ());
  g_assert_cmpint (test_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpstr (test_query_text (db, "PRAGMA journal_mode"), ==, "wal");
  g_assert_cmpint (test_query_int (db, "PRAGMA page_size"), ==, 16384);
  g_assert_cmpuint (g_list_model_get_n_items (equity_project_get_datasets (project)), ==, 0);

  {
    g_autofree char *title = equity_project_dup_title (project);
    g_assert_cmpstr (title, ==, "new");
  }

  /* a second connection, as the GUI's import worker or the CLI would open,
   * while the first still has the project open */
  {
    g_autoptr(EquityProject) second = equity_project_open (path, &error);

    g_assert_no_error (error);
    g_assert_nonnull (second);
  }

  /* creating over an existing file is refused and leaves it alone */
  equity_project_close (project);
  {
    g_autofree char *before = test_file_checksum (path);
    g_autoptr(EquityProject) again = equity_project_create (path, &error);
    g_autofree char *after = NULL;

    g_assert_null (again);
    g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_EXISTS);
    g_clear_error (&error);
    after = test_file_checksum (path);
    g_assert_cmpstr (before, ==, after);
  }
}

static void
assert_refused (const char *path,
                int         code,
                const char *message_part)
{
  g_autofree char *before = test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityProject) project = equity_project_open (path, &error);

  g_assert_null (project);
  g_assert_error (error, EQUITY_ERROR, code);
  g_assert_nonnull (strstr (error->message, message_part));

  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuse_foreign (TestScratch   *scratch,
                     gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *text = g_build_filename (dir, "notes.equity", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.equity", NULL);
  g_autofree char *other_db = g_build_filename (dir, "other.equity", NULL);
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (text, "name,value\na,1\n", -1, NULL));
  assert_refused (text, EQUITY_ERROR_NOT_A_PROJECT, "not an SQLite database");

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused (empty, EQUITY_ERROR_NOT_A_PROJECT, "not an SQLite database");

  /* an SQLite database of some other program */
  g_assert_cmpint (sqlite3_open (other_db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (other_db, EQUITY_ERROR_NOT_A_PROJECT, "not an Asheville Equity project");
}

static void
test_refuse_newer (TestScratch   *scratch,
                   gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = g_build_filename (dir, "future.equity", NULL);
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", equity_project_schema_version () + 1);
  g_autoptr(EquityProject) project = NULL;
  sqlite3 *db = NULL;

  project = equity_project_create (path, NULL);
  g_assert_nonnull (project);
  g_clear_object (&project);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, set_version, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (path, EQUITY_ERROR_TOO_NEW, "newer version");
}

/* A file as version 1 of the program wrote it: only the first migration. */
static void
make_version_1_file (const char *path,
                     gboolean    break_next_migration)
{
  sqlite3 *db = NULL;

  test_create_old_project (path, 1, NULL);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO datasets (name, source, format, imported_at, row_count) "
                                 "VALUES ('old data', 'old.csv', 'CSV', '2025-01-01T00:00:00Z', 0);"
                                 "INSERT INTO dataset_columns (dataset_id, position, name, type) VALUES (1, 0, 'x', 'integer');"
                                 "CREATE TABLE \"ds_1\" (c0 INTEGER) STRICT;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  if (break_next_migration)
    /* a table in the way makes migration 2 fail half-way */
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE audit_log (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_migrate (TestScratch   *scratch,
              gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = g_build_filename (dir, "old.equity", NULL);
  g_autoptr(EquityProject) project = NULL;
  sqlite3 *db;

  make_version_1_file (path, FALSE);

  project = test_open_project (path);
  db = equity_project_get_db (project);
  g_assert_cmpint (test_query_int (db, "PRAGMA user_version"), ==, equity_project_schema_version ());
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'analyses'"), ==, 1);
  /* the data of the old file is all still there */
  g_assert_cmpuint (g_list_model_get_n_items (equity_project_get_datasets (project)), ==, 1);
  g_assert_nonnull (equity_project_find_dataset (project, "old data"));
}

static void
test_migrate_failure_rolls_back (TestScratch   *scratch,
                                 gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = g_build_filename (dir, "old.equity", NULL);
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  make_version_1_file (path, TRUE);

  project = equity_project_open (path, &error);
  g_assert_null (project);
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "version 2"));

  /* still a version 1 file, without any of migration 2's tables */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (test_query_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'metadata'"), ==, 0);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM datasets"), ==, 1);
  sqlite3_close (db);
}

static void
test_refuse_damaged (TestScratch   *scratch,
                     gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = g_build_filename (dir, "damaged.equity", NULL);
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  sqlite3 *db = NULL;

  project = equity_project_create (path, NULL);
  g_assert_nonnull (project);
  g_clear_object (&project);
  /* fold the WAL into the main file so the damage below hits real pages */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* overwrite the schema page after the 100-byte header with garbage */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  memset (contents + 100, 0xA5, 1000);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  {
    g_autofree char *before = test_file_checksum (path);
    g_autofree char *after = NULL;

    project = equity_project_open (path, &error);
    g_assert_null (project);
    g_assert_nonnull (error);
    g_assert_true (error->domain == EQUITY_ERROR);
    g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_CORRUPT);
    g_assert_nonnull (strstr (error->message, "damaged"));
    after = test_file_checksum (path);
    g_assert_cmpstr (before, ==, after);
  }
}

static void
test_catalog_rename_delete (TestProject   *fixture,
                            gconstpointer  data)
{
  EquityProject *project = fixture->project;
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EquityDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unique = NULL;
  sqlite3 *db = equity_project_get_db (project);

  g_ptr_array_add (columns, equity_column_new ("geoid", EQUITY_COLUMN_TYPE_TEXT, EQUITY_COLUMN_ROLE_KEY));
  g_ptr_array_add (columns, equity_column_new ("total", EQUITY_COLUMN_TYPE_INTEGER, EQUITY_COLUMN_ROLE_POPULATION));

  g_assert_true (equity_project_begin (project, &error));
  dataset = equity_project_create_dataset (project, "tracts", "tracts.csv", "CSV", columns, &error);
  g_assert_no_error (error);
  g_assert_true (equity_project_finish_dataset (project, dataset, 0, &error));
  g_assert_true (equity_project_commit (project, &error));
  g_assert_true (equity_project_reload_catalog (project, &error));

  g_clear_object (&dataset);
  dataset = g_object_ref (equity_project_find_dataset (project, "tracts"));
  g_assert_cmpuint (equity_dataset_get_n_columns (dataset), ==, 2);
  g_assert_cmpint (equity_column_get_role (equity_dataset_get_column (dataset, 0)), ==, EQUITY_COLUMN_ROLE_KEY);

  unique = equity_project_unique_dataset_name (project, "tracts");
  g_assert_cmpstr (unique, ==, "tracts 2");

  g_assert_true (equity_project_rename_dataset (project, dataset, "Buncombe tracts", &error));
  g_assert_no_error (error);
  g_assert_null (equity_project_find_dataset (project, "tracts"));
  g_assert_nonnull (equity_project_find_dataset (project, "Buncombe tracts"));
  /* the old name is gone: the error names the project's file and the name asked for */
  g_assert_true (equity_project_get_dataset (project, "Buncombe tracts", &error)
                 == equity_project_find_dataset (project, "Buncombe tracts"));
  g_assert_no_error (error);
  g_assert_null (equity_project_get_dataset (project, "tracts", &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, equity_project_get_path (project)));
  g_assert_nonnull (strstr (error->message, "“tracts”"));
  g_clear_error (&error);

  /* empty names are refused */
  g_assert_false (equity_project_rename_dataset (project, equity_project_find_dataset (project, "Buncombe tracts"), "  ", &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (equity_project_delete_dataset (project, equity_project_find_dataset (project, "Buncombe tracts"), FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (equity_project_get_datasets (project)), ==, 0);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'ds_%'"), ==, 0);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM dataset_columns"), ==, 0);
  /* every change is in the audit log, in order */
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM audit_log"), ==, 3);
  g_assert_cmpstr (test_query_text (db, "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit_log ORDER BY id)"),
                   ==, "import rename-dataset delete-dataset");
}

static void
test_saved_analyses (TestProject   *fixture,
                     gconstpointer  data)
{
  EquityProject *project = fixture->project;
  g_autoptr(GError) error = NULL;
  g_autofree char *spec = NULL;
  GListModel *analyses = equity_project_get_analyses (project);

  g_autoptr(GArray) no_datasets = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean bound = FALSE;
  g_autoptr(EquitySavedAnalysis) first = NULL;

  g_assert_true (equity_project_save_analysis (project, "Arrests by race", "group-rates", "[analysis]\nkind = group-rates\n", no_datasets, &error));
  g_assert_true (equity_project_save_analysis (project, "Arrests by race", "group-rates", "[analysis]\nkind = group-rates\nper = 100\n", no_datasets, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (analyses), ==, 1);

  spec = equity_project_dup_analysis_spec (project, "Arrests by race", &bound, &error);
  g_assert_nonnull (strstr (spec, "per = 100"));
  g_assert_true (bound);

  /* found by its name in the list, the one item the second save replaced */
  first = g_list_model_get_item (analyses, 0);
  g_assert_nonnull (first);
  g_assert_true (equity_project_find_analysis (project, "Arrests by race") == first);
  g_assert_null (equity_project_find_analysis (project, "arrests by race"));

  g_assert_null (equity_project_dup_analysis_spec (project, "nothing", NULL, &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND);
}

static EquityDataset *
import_csv (EquityProject  *project,
            const char     *csv_path,
            const char     *name,
            GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (csv_path);

  return test_import_file (project, file, &(EquityImportOptions) { .name = name }, error);
}

/* imports CSV_PATH as NAME, or fails the test */
static EquityDataset *
import_csv_ok (EquityProject *project,
               const char    *csv_path,
               const char    *name)
{
  g_autoptr(GFile) file = g_file_new_for_path (csv_path);

  return test_import_ok (project, file, &(EquityImportOptions) { .name = name });
}

/* the message of an import PROJECT must refuse with CODE, having imported nothing */
static char *
import_refused (EquityProject *project,
                const char    *csv_path,
                const char    *name,
                int            code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityDataset) dataset = import_csv (project, csv_path, name, &error);

  g_assert_null (dataset);
  g_assert_error (error, EQUITY_ERROR, code);
  return g_strdup (error->message);
}

static gint64
file_size (const char *path)
{
  GStatBuf info;

  return g_stat (path, &info) == 0 ? info.st_size : -1;
}

/* A full disk, made deterministic: no file of ours may grow past LIMIT
 * bytes (a write past it fails with EFBIG instead of killing us). */
static struct rlimit saved_file_limit;

static void
limit_file_size (gint64 limit)
{
  struct rlimit limited;

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved_file_limit), ==, 0);
  limited = saved_file_limit;
  limited.rlim_cur = limit;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);
}

static void
unlimit_file_size (void)
{
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved_file_limit), ==, 0);
}

/* the datasets a copy of the project file alone holds, "a,b" */
static char *
datasets_of_file_alone (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *copy = g_build_filename (dir, "copy-alone.equity", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  GListModel *datasets;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  project = test_open_project (copy);
  g_assert_cmpstr (test_query_text (equity_project_get_db (project), "PRAGMA integrity_check"), ==, "ok");
  datasets = equity_project_get_datasets (project);
  for (guint i = 0; i < g_list_model_get_n_items (datasets); i++)
    {
      g_autoptr(EquityDataset) dataset = g_list_model_get_item (datasets, i);
      g_string_append_printf (names, "%s%s", i ? "," : "", equity_dataset_get_name (dataset));
    }
  test_close_checked (project);
  g_unlink (copy);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Creates the project DIR/FILE_NAME with CSV_PATH imported as "rows", and
 * closes it. */
static void
create_rows_project (const char *dir,
                     const char *file_name,
                     const char *csv_path)
{
  g_autoptr(EquityProject) project = test_create_project (dir, file_name, NULL);
  g_autoptr(EquityDataset) dataset = import_csv_ok (project, csv_path, "rows");

  g_assert_false (equity_project_is_read_only (project));
  test_close_checked (project);
}

/* Imports SMALL into the project at PATH while no file may grow past
 * LIMIT bytes: refused as a full disk, it leaves the file alone as the
 * project it was (only "big"); returns the message. */
static char *
import_on_full_disk (const char *path,
                     const char *small,
                     gint64      limit)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(EquityProject) project = test_open_project (path);
  g_autofree char *names = NULL;
  char *message;

  limit_file_size (limit);
  message = import_refused (project, small, "small", EQUITY_ERROR_DISK_FULL);
  unlimit_file_size ();
  test_close_checked (project);

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  names = datasets_of_file_alone (path);
  g_assert_cmpstr (names, ==, "big");
  return message;
}

/* Issue 7, 4: an import that fits in the log but not in the file itself
 * reported success and left a file that was damaged without its -wal. */
static void
test_disk_full_import (TestScratch   *scratch,
                       gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = g_build_filename (dir, "full.equity", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *big = test_write_rows_csv (dir, "big.csv", 30000);
  g_autofree char *small = test_write_rows_csv (dir, "small.csv", 8000);
  g_autoptr(EquityProject) project = equity_project_create (path, NULL);
  g_autoptr(EquityDataset) dataset = import_csv_ok (project, big, "big");
  g_autofree char *message = NULL;

  test_close_checked (project);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* the log (about as large as the small import) fits; the file, which
   * must grow by as much, does not */
  message = import_on_full_disk (path, small, file_size (path) + 64 * 1024);
  g_assert_nonnull (strstr (message, "full.equity"));
  g_assert_nonnull (strstr (message, "disk"));
  g_assert_nonnull (strstr (message, "Nothing was imported"));
  g_clear_pointer (&message, g_free);

  /* a disk that cannot even hold the log: the same message, not SQLite's */
  message = import_on_full_disk (path, small, 32 * 1024);
  g_assert_nonnull (strstr (message, "“full.equity” is full"));
  g_assert_null (strstr (message, "database or disk"));
}

/* Closing reports a log it could not fold back, and where the changes are. */
static void
test_close_reports_failure (TestScratch   *scratch,
                            gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = g_build_filename (dir, "close.equity", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *csv = test_write_rows_csv (dir, "rows.csv", 8000);
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_detail = NULL;

  create_rows_project (dir, "close.equity", csv);

  /* a change made one statement at a time: committed into the log, while
   * the file itself may not grow any more */
  project = test_open_project (path);
  long_detail = g_strnfill (200 * 1024, 'x');
  limit_file_size (file_size (path));
  g_assert_true (equity_project_log (project, "test", long_detail, &error));
  g_assert_no_error (error);
  g_assert_false (equity_project_close_checked (project, &error));
  unlimit_file_size ();
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "close.equity"));
  g_assert_nonnull (strstr (error->message, "close.equity-wal"));
  g_clear_error (&error);

  /* nothing was lost: the log is there, and the next close folds it in */
  g_assert_cmpint (file_size (wal), >, 0);
  g_clear_object (&project);
  project = test_open_project (path);
  g_assert_cmpint (test_query_int (equity_project_get_db (project),
                                   "SELECT count(*) FROM audit_log WHERE action = 'test'"), ==, 1);
  test_close_checked (project);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* a TestReadOnlyCheck: a project that may not be written opens read-only,
 * reads, refuses changes and stays as it was */
static void
assert_read_only_project (const char *path,
                          gboolean    folder_read_only,
                          gpointer    data)
{
  g_autofree char *before = test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GArray) no_datasets = g_array_new (FALSE, FALSE, sizeof (gint64));
  EquityDataset *dataset;

  project = test_open_project (path);
  g_assert_true (equity_project_is_read_only (project));
  g_assert_cmpuint (g_list_model_get_n_items (equity_project_get_datasets (project)), ==, 1);
  dataset = equity_project_find_dataset (project, "rows");
  g_assert_nonnull (dataset);

  g_assert_false (equity_project_rename_dataset (project, dataset, "renamed", &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_assert_nonnull (strstr (error->message, "ro.equity"));
  g_clear_error (&error);

  g_assert_false (equity_project_delete_dataset (project, dataset, TRUE, &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (equity_project_save_analysis (project, "a", "group-rates", "[analysis]\n",
                                                no_datasets, &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);

  test_close_checked (project);
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  /* a folder without write permission: no log may appear beside the file */
  if (folder_read_only)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);

      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    }
}

/* Issue 7, 9: a project that may not be written opened as "damaged". The
 * permission bits decide, so that the test holds when run as root. */
static void
test_read_only (TestScratch   *scratch,
                gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *path = g_build_filename (folder, "ro.equity", NULL);
  g_autofree char *csv = test_write_rows_csv (dir, "rows.csv", 100);
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  create_rows_project (folder, "ro.equity", csv);

  /* a folder without write permission (nothing may appear beside the
   * file), then the file without (in a folder that may hold SQLite's index
   * beside it) */
  test_check_read_only (path, assert_read_only_project, NULL);

  /* writable again, it is an ordinary project */
  project = test_open_project (path);
  g_assert_false (equity_project_is_read_only (project));
  g_assert_true (equity_project_rename_dataset (project, equity_project_find_dataset (project, "rows"),
                                                "renamed", &error));
  g_assert_no_error (error);
  g_clear_object (&project);
}

/* A read-only folder cannot hold the index needed to read changes still in
 * the log: those changes are read, or the open fails; never skipped. */
static void
test_read_only_with_log (TestScratch   *scratch,
                         gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = g_build_filename (dir, "log.equity", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *copy = g_build_filename (folder, "log.equity", NULL);
  g_autofree char *copy_wal = g_build_filename (folder, "log.equity-wal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *csv = test_write_rows_csv (dir, "rows.csv", 100);
  g_autofree char *contents = NULL;
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(EquityProject) reader = NULL;
  g_autoptr(EquityDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  project = equity_project_create (path, NULL);
  g_assert_cmpint (sqlite3_exec (equity_project_get_db (project), "PRAGMA wal_autocheckpoint = 0",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  dataset = import_csv_ok (project, csv, "rows");
  /* a bulk import writes straight into the file; a change after it goes to the log */
  g_assert_true (equity_project_rename_dataset (project, dataset, "renamed", &error));
  g_assert_no_error (error);

  /* copied while open: the rename is only in the log */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (wal, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 0);
  g_assert_true (g_file_set_contents (copy_wal, contents, length, NULL));
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  reader = equity_project_open (copy, &error);
  if (reader != NULL)
    {
      g_assert_no_error (error);
      g_assert_true (equity_project_is_read_only (reader));
      g_assert_nonnull (equity_project_find_dataset (reader, "renamed"));
    }
  else
    {
      g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_READ_ONLY);
      g_assert_nonnull (strstr (error->message, "log.equity-wal"));
    }
  g_clear_object (&reader);
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
}

/* Issue 7, 10: "database is locked" */
static void
test_message_busy (TestProject   *fixture,
                   gconstpointer  data)
{
  const char *path = equity_project_get_path (fixture->project);
  g_autofree char *csv = test_write_rows_csv (fixture->dir, "rows.csv", 10);
  g_autoptr(EquityDataset) dataset = NULL;
  g_autofree char *message = NULL;
  sqlite3 *other = NULL;

  /* another program in the middle of writing */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; INSERT INTO metadata VALUES ('k', 'v')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  message = import_refused (fixture->project, csv, "rows", EQUITY_ERROR_BUSY);
  g_assert_nonnull (strstr (message, "Another program is writing to “busy.equity”"));
  g_assert_nonnull (strstr (message, "try again"));
  g_assert_null (strstr (message, "locked"));

  /* once it has finished, the same import goes through */
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  dataset = import_csv_ok (fixture->project, csv, "rows");
}

/* Issue 7, 10: "UNIQUE constraint failed: datasets.name", met when another
 * program took the name after this one read the catalog */
static void
test_message_name_taken (TestProject   *fixture,
                         gconstpointer  data)
{
  static const char taken[] = "A dataset named “arrests” already exists in “names.equity”; choose another name";
  g_autofree char *csv = test_write_rows_csv (fixture->dir, "rows.csv", 10);
  g_autoptr(EquityProject) other = test_open_project (equity_project_get_path (fixture->project));
  g_autoptr(EquityDataset) dataset = import_csv_ok (other, csv, "arrests");
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  message = import_refused (fixture->project, csv, "arrests", EQUITY_ERROR_EXISTS);
  g_assert_cmpstr (message, ==, taken);
  g_clear_pointer (&message, g_free);

  /* the same words when the catalog already knows */
  g_assert_true (equity_project_reload_catalog (fixture->project, &error));
  message = import_refused (fixture->project, csv, "arrests", EQUITY_ERROR_EXISTS);
  g_assert_cmpstr (message, ==, taken);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  test_add_with_scratch ("/project/create", test_create);
  test_add_with_scratch ("/project/refuse-foreign", test_refuse_foreign);
  test_add_with_scratch ("/project/refuse-newer", test_refuse_newer);
  test_add_with_scratch ("/project/refuse-damaged", test_refuse_damaged);
  test_add_with_scratch ("/project/migrate", test_migrate);
  test_add_with_scratch ("/project/migrate-failure-rolls-back", test_migrate_failure_rolls_back);
  test_add_with_named_project ("/project/catalog-rename-delete", "catalog.equity", test_catalog_rename_delete);
  test_add_with_named_project ("/project/saved-analyses", "analyses.equity", test_saved_analyses);
  test_add_with_scratch ("/project/disk-full-import", test_disk_full_import);
  test_add_with_scratch ("/project/close-reports-failure", test_close_reports_failure);
  test_add_with_scratch ("/project/read-only", test_read_only);
  test_add_with_scratch ("/project/read-only-with-log", test_read_only_with_log);
  test_add_with_named_project ("/project/message-busy", "busy.equity", test_message_busy);
  test_add_with_named_project ("/project/message-name-taken", "names.equity", test_message_name_taken);

  return g_test_run ();
}
