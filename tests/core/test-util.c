/* test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "equity-ogr-util.h"
#include "equity-project-private.h"
#include "equity-schema.h"
#include "test-util.h"

gboolean
test_is_close (double actual,
               double expected,
               double relative)
{
  return fabs (actual - expected) <= relative * MAX (fabs (expected), 1e-300);
}

char *
test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("equity-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
test_remove_tree (const char *path)
{
  /* the core's own (which never follows a link out of the folder), for a
   * folder; a file goes on its own */
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    equity_ogr_remove_tree (path);
  else
    g_unlink (path);
}

char *
test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("absent");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

void
test_create_old_project (const char *path,
                         int         version,
                         const char *analysis)
{
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", (gint32) EQUITY_PROJECT_APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, set_id, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (equity_schema_migrate (db, 0, version, &error));
  g_assert_no_error (error);
  if (analysis != NULL)
    {
      char *insert = sqlite3_mprintf ("INSERT INTO analyses (name, kind, spec, bound, created_at, updated_at) "
                                                 "VALUES (%Q, 'group-rates', '[analysis]', 1, "
                                                 "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');", analysis);

      g_assert_cmpint (sqlite3_exec (db, insert, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_free (insert);
    }
  sqlite3_close (db);
}

gint64
test_query_int (sqlite3    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

const char *
test_query_text (sqlite3    *db,
                 const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  const char *value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_intern_string ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

char *
test_data_path (const char *first,
                ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *relative = NULL;
  const char *part;
  va_list args;

  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  relative = g_build_filenamev ((char **) parts->pdata);
  return g_test_build_filename (G_TEST_DIST, "data", relative, NULL);
}

void
test_run_clear (TestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

gboolean
test_run_cli (TestRun    *run,
              const char *first,
              ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("EQUITY_CLI"));
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_assert_nonnull (g_ptr_array_index (args, 0));
  test_run_clear (run);
  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
  return test_run_ok (run);
}

gboolean
test_run_ok (TestRun *run)
{
  return g_spawn_check_wait_status (run->status, NULL);
}

JsonNode *
test_parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

char *
test_write_rows_csv (const char *dir,
                     const char *name,
                     guint       n_rows)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) text = g_string_new ("id,label,value\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "%u,row %u of %s with some padding text,%u.5\n", i, i, name, i);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  return g_steal_pointer (&path);
}

GFile *
test_write_file (const char *dir,
                 const char *name,
                 const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

EquityProject *
test_create_project (const char  *dir,
                     const char  *file_name,
                     char       **path_out)
{
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  g_autoptr(GError) error = NULL;
  EquityProject *project = equity_project_create (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return project;
}

char *
test_create_project_file (const char *dir,
                          const char *file_name)
{
  char *path = NULL;
  g_autoptr(EquityProject) project = test_create_project (dir, file_name, &path);

  equity_project_close (project);
  return path;
}

void
test_scratch_set_up (TestScratch   *fixture,
                     gconstpointer  data)
{
  fixture->dir = test_make_tmpdir ();
}

void
test_scratch_tear_down (TestScratch   *fixture,
                        gconstpointer  data)
{
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

void
test_project_set_up (TestProject   *fixture,
                     gconstpointer  data)
{
  fixture->dir = test_make_tmpdir ();
  fixture->project = test_create_project (fixture->dir, data != NULL ? data : "test.equity", NULL);
}

void
test_case_project_set_up (TestProject   *fixture,
                          gconstpointer  data)
{
  test_project_set_up (fixture, NULL);
}

void
test_project_tear_down (TestProject   *fixture,
                        gconstpointer  data)
{
  if (fixture->project != NULL)
    equity_project_close (fixture->project);
  g_clear_object (&fixture->project);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

EquityProject *
test_create_sample_project (const char  *dir,
                            char       **path_out)
{
  g_autofree char *path = g_build_filename (dir, "sample.equity", NULL);
  g_autoptr(GError) error = NULL;
  EquityProject *project = equity_sample_create (path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return project;
}

EquityProject *
test_open_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  EquityProject *project = equity_project_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

void
test_close_checked (EquityProject *project)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (equity_project_close_checked (project, &error));
  g_assert_no_error (error);
}

EquityDataset *
test_import_file (EquityProject             *project,
                  GFile                     *file,
                  const EquityImportOptions *options,
                  GError                   **error)
{
  g_autoptr(EquityImporter) importer = equity_importer_new (file, options);

  if (!equity_importer_analyze (importer, NULL, NULL, NULL, error))
    return NULL;
  return equity_importer_run (importer, project, NULL, NULL, NULL, error);
}

EquityDataset *
test_import_ok (EquityProject             *project,
                GFile                     *file,
                const EquityImportOptions *options)
{
  g_autoptr(GError) error = NULL;
  EquityDataset *dataset = test_import_file (project, file, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

void
test_import_text (EquityProject *project,
                  const char    *dir,
                  const char    *name,
                  const char    *extension,
                  const char    *contents)
{
  g_autofree char *file_name = g_strdup_printf ("%s.%s", name, extension);
  g_autoptr(GFile) file = test_write_file (dir, file_name, contents);
  g_autoptr(EquityDataset) dataset = test_import_ok (project, file, &(EquityImportOptions) { .name = name });
}

char *
test_project_state (EquityProject *project)
{
  sqlite3 *db = equity_project_get_db (project);
  g_autoptr(GString) state = g_string_new (NULL);

  g_string_append (state, test_query_text (db, "SELECT coalesce(group_concat(name || ':' || sql, ';'), '') FROM "
                                               "(SELECT name, sql FROM sqlite_master ORDER BY name)"));
  g_string_append_printf (state, "|%" G_GINT64_FORMAT, test_query_int (db, "SELECT count(*) FROM datasets"));
  g_string_append_printf (state, "|%" G_GINT64_FORMAT, test_query_int (db, "SELECT count(*) FROM dataset_columns"));
  g_string_append_printf (state, "|%" G_GINT64_FORMAT, test_query_int (db, "SELECT count(*) FROM audit_log"));
  return g_string_free (g_steal_pointer (&state), FALSE);
}

void
test_check_read_only (const char        *path,
                      TestReadOnlyCheck  check,
                      gpointer           data)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  check (path, TRUE, data);
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  check (path, FALSE, data);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
}

/* what a poppler tool printed, or fails the test */
static char *
run_pdf_tool (const char *argv[])
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return out;
}

guint
test_pdf_n_pages (const char *path)
{
  g_autofree char *info = run_pdf_tool ((const char *[]) { "pdfinfo", path, NULL });
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

char *
test_pdf_text (const char *path)
{
  char *text = run_pdf_tool ((const char *[]) { "pdftotext", path, "-", NULL });

  return g_strdelimit (text, "\n", ' ');
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
test_wait_until (gboolean (*condition) (gpointer data),
                 gpointer   data,
                 guint      timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;
  /* the condition is checked after every event; this wakes the loop for a
   * condition that changes without one (a worker thread's flag) */
  guint wake = g_timeout_add (20, wake_cb, NULL);
  gboolean held;

  while (!(held = condition (data)) && g_get_monotonic_time () <= deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return held;
}

void
test_await_at (const char *file,
               int         line,
               const char *func,
               gboolean  (*condition) (gpointer data),
               gpointer    data,
               const char *what)
{
  if (!test_wait_until (condition, data, TEST_WAIT_TIMEOUT_S))
    {
      g_autofree char *message = g_strdup_printf ("still waiting after %u s for %s",
                                                  TEST_WAIT_TIMEOUT_S, what);

      g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
    }
}

void
test_keep_result_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  GAsyncResult **kept = data;

  g_assert_null (*kept);
  *kept = g_object_ref (result);
}

void
test_progress_cb (double   fraction,
                  gpointer data)
{
  TestProgress *progress = data;

  g_assert_cmpfloat (fraction, >=, progress->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  progress->last = fraction;
  progress->n_reports++;
}

static gboolean
result_kept (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

GAsyncResult *
test_await_result (GAsyncResult **result)
{
  test_await (result_kept, result, "the async call's result");
  return *result;
}
