/* test-importer.c — file → dataset: types, nulls, hostile names, atomicity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "equity-core.h"
#include "equity-project-private.h"
#include "equity-analysis.h"
#include "test-util.h"

static void
test_types_and_values (TestProject   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) file = test_write_file (fixture->dir, "tracts.csv",
                                      "geoid,county,total,share,day,poverty,note\n"
                                      "37021000100,021,1563,0.25,2020/02/18,120,a\n"
                                      "37021000200,021,\"1,902\",0.5,2021/12/31,-999,\n"
                                      "37021000300,021,88,1e-1,2020/01/01,N/A,\"quoted, comma\"\n");
  g_autoptr(EquityDataset) dataset = NULL;
  sqlite3 *db = equity_project_get_db (fixture->project);
  const char *table;
  g_autofree char *sql = NULL;

  dataset = test_import_ok (fixture->project, file, NULL);
  g_assert_cmpstr (equity_dataset_get_name (dataset), ==, "tracts");
  g_assert_cmpuint (equity_dataset_get_n_rows (dataset), ==, 3);
  g_assert_cmpuint (equity_dataset_get_n_columns (dataset), ==, 7);

  /* a geography key stays text even when every value is a number */
  g_assert_cmpint (equity_column_get_column_type (equity_dataset_get_column (dataset, 0)), ==, EQUITY_COLUMN_TYPE_TEXT);
  g_assert_cmpint (equity_column_get_role (equity_dataset_get_column (dataset, 0)), ==, EQUITY_COLUMN_ROLE_KEY);
  /* the county code keeps its leading zero */
  g_assert_cmpint (equity_column_get_column_type (equity_dataset_get_column (dataset, 1)), ==, EQUITY_COLUMN_TYPE_TEXT);
  g_assert_cmpint (equity_column_get_column_type (equity_dataset_get_column (dataset, 2)), ==, EQUITY_COLUMN_TYPE_INTEGER);
  g_assert_cmpint (equity_column_get_role (equity_dataset_get_column (dataset, 2)), ==, EQUITY_COLUMN_ROLE_POPULATION);
  g_assert_cmpint (equity_column_get_column_type (equity_dataset_get_column (dataset, 3)), ==, EQUITY_COLUMN_TYPE_REAL);
  g_assert_cmpint (equity_column_get_column_type (equity_dataset_get_column (dataset, 4)), ==, EQUITY_COLUMN_TYPE_DATE);
  g_assert_cmpint (equity_column_get_column_type (equity_dataset_get_column (dataset, 5)), ==, EQUITY_COLUMN_TYPE_INTEGER);
  g_assert_cmpuint (equity_column_get_n_nulls (equity_dataset_get_column (dataset, 5)), ==, 2);
  g_assert_cmpuint (equity_column_get_n_nulls (equity_dataset_get_column (dataset, 6)), ==, 1);

  table = equity_dataset_get_table_name (dataset);
  g_free (sql), sql = g_strdup_printf ("SELECT c1 FROM %s WHERE rowid = 1", table);
  g_assert_cmpstr (test_query_text (db, sql), ==, "021");
  g_free (sql), sql = g_strdup_printf ("SELECT sum(c2) FROM %s", table);
  g_assert_cmpint (test_query_int (db, sql), ==, 1563 + 1902 + 88);
  g_free (sql), sql = g_strdup_printf ("SELECT group_concat(c4, ' ') FROM %s", table);
  g_assert_cmpstr (test_query_text (db, sql), ==, "2020-02-18 2021-12-31 2020-01-01");
  g_free (sql), sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE c5 IS NULL", table);
  g_assert_cmpint (test_query_int (db, sql), ==, 2);
  g_free (sql), sql = g_strdup_printf ("SELECT typeof(c3) || typeof(c0) FROM %s WHERE rowid = 3", table);
  g_assert_cmpstr (test_query_text (db, sql), ==, "realtext");
  g_free (sql), sql = g_strdup_printf ("SELECT c6 FROM %s WHERE rowid = 3", table);
  g_assert_cmpstr (test_query_text (db, sql), ==, "quoted, comma");

  /* the catalog kept it all: reopen and look again */
  {
    g_autofree char *path = g_strdup (equity_project_get_path (fixture->project));
    g_autoptr(EquityProject) reopened = NULL;
    EquityDataset *again;

    g_clear_object (&fixture->project);
    reopened = test_open_project (path);
    again = equity_project_find_dataset (reopened, "tracts");
    g_assert_nonnull (again);
    g_assert_cmpuint (equity_dataset_get_n_rows (again), ==, 3);
    g_assert_cmpstr (equity_dataset_get_format (again), ==, "CSV");
    g_assert_cmpuint (equity_column_get_n_nulls (equity_dataset_get_column (again, 5)), ==, 2);
    fixture->project = g_steal_pointer (&reopened);
  }
}

static void
test_hostile_names (TestProject   *fixture,
                    gconstpointer  data)
{
  const char *names[] = { "\"; DROP TABLE datasets; --", "select", "a", "a (2)", "column 5", "it's", "[x]" };
  g_autoptr(GFile) file = test_write_file (fixture->dir, "hostile.csv",
                                      "\"\"\"; DROP TABLE datasets; --\",select,a,a,,it's,[x]\n"
                                      "1,2,3,4,5,6,7\n");
  g_autoptr(EquityImporter) importer = equity_importer_new (file, NULL);
  g_autoptr(EquityDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = equity_project_get_db (fixture->project);

  g_assert_true (equity_importer_analyze (importer, NULL, NULL, NULL, &error));
  equity_importer_set_name (importer, "Robert'); DROP TABLE datasets;--");
  dataset = equity_importer_run (importer, fixture->project, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (equity_dataset_get_n_columns (dataset), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (equity_column_get_name (equity_dataset_get_column (dataset, i)), ==, names[i]);
  g_assert_cmpstr (equity_dataset_get_name (dataset), ==, "Robert'); DROP TABLE datasets;--");
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM datasets"), ==, 1);
}

/* Imports FILE into FIXTURE's project, which must refuse it with CODE and
 * leave the project exactly as it was; returns the refusal's message. */
static char *
import_refused (TestProject *fixture,
                GFile       *file,
                int          code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_project_state (fixture->project);
  g_autofree char *after = NULL;

  g_assert_null (test_import_file (fixture->project, file, NULL, &error));
  g_assert_error (error, EQUITY_ERROR, code);
  after = test_project_state (fixture->project);
  g_assert_cmpstr (before, ==, after);
  return g_strdup (error->message);
}

static void
test_atomic_on_parse_error (TestProject   *fixture,
                            gconstpointer  data)
{
  g_autoptr(GString) contents = g_string_new ("id,name\n");
  g_autoptr(GFile) good = test_write_file (fixture->dir, "good.csv", "x\n1\n");
  g_autoptr(GFile) bad = NULL;
  g_autoptr(EquityDataset) first = NULL;
  g_autofree char *message = NULL;

  first = test_import_ok (fixture->project, good, NULL);

  for (guint i = 1; i < 5000; i++)
    g_string_append_printf (contents, "%u,name %u\n", i, i);
  /* line 5001: a quote that never closes */
  g_string_append (contents, "5000,\"broken\n");
  bad = test_write_file (fixture->dir, "bad.csv", contents->str);

  message = import_refused (fixture, bad, EQUITY_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (message, "bad.csv:5001:"));
}

static void
test_atomic_on_failed_write (TestProject   *fixture,
                             gconstpointer  data)
{
  g_autoptr(GFile) file = test_write_file (fixture->dir, "typed.csv", "code,value\n1,10\n2,20\nX3,30\n");
  g_autoptr(EquityImporter) importer = equity_importer_new (file, NULL);
  g_autoptr(EquityDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_project_state (fixture->project);
  g_autofree char *after = NULL;
  EquityColumn *code;

  g_assert_true (equity_importer_analyze (importer, NULL, NULL, NULL, &error));
  code = g_ptr_array_index (equity_importer_get_columns (importer), 0);
  g_assert_cmpint (equity_column_get_column_type (code), ==, EQUITY_COLUMN_TYPE_TEXT);

  /* the user insists on whole numbers: row 3 cannot be one */
  equity_column_set_column_type (code, EQUITY_COLUMN_TYPE_INTEGER);
  dataset = equity_importer_run (importer, fixture->project, NULL, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "typed.csv:4:1:"));
  g_assert_nonnull (strstr (error->message, "X3"));

  after = test_project_state (fixture->project);
  g_assert_cmpstr (before, ==, after);
}

static void
cancel_at_half (double   fraction,
                gpointer user_data)
{
  if (fraction > 0.5)
    g_cancellable_cancel (user_data);
}

static void
test_cancel (TestProject   *fixture,
             gconstpointer  data)
{
  g_autoptr(GString) contents = g_string_new ("id,value\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(EquityImporter) importer = NULL;
  g_autoptr(EquityDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (contents, "%u,%u.5\n", i, i);
  file = test_write_file (fixture->dir, "big.csv", contents->str);

  importer = equity_importer_new (file, NULL);
  g_assert_true (equity_importer_analyze (importer, NULL, NULL, NULL, &error));
  g_assert_cmpuint (equity_importer_get_n_rows (importer), ==, 100000);

  before = test_project_state (fixture->project);
  dataset = equity_importer_run (importer, fixture->project, cancel_at_half, cancellable, cancellable, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = test_project_state (fixture->project);
  g_assert_cmpstr (before, ==, after);
}

/* What a crash at half an import leaves on disk: the project file and its
 * rollback journal, copied into FOLDER while the import runs; then cancels. */
typedef struct
{
  const char   *path;
  const char   *folder;
  GCancellable *cancellable;
  gboolean      had_journal;
} CrashSnapshot;

static void
snapshot_at_half (double   fraction,
                  gpointer user_data)
{
  CrashSnapshot *crash = user_data;
  const char * const suffixes[] = { "", "-journal", "-wal" };
  g_autofree char *basename = g_path_get_basename (crash->path);

  if (fraction <= 0.5 || g_cancellable_is_cancelled (crash->cancellable))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (crash->path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (crash->folder, "/", basename, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (from, &contents, &length, NULL))
        continue;
      g_assert_true (g_file_set_contents (to, contents, length, NULL));
      if (i == 1)
        crash->had_journal = TRUE;
    }
  g_cancellable_cancel (crash->cancellable);
}

/* Issue 12: a bulk import writes its pages once, straight into the file under
 * a rollback journal, instead of into the log and again at the checkpoint.
 * A process killed midway must still leave the project as it was: the copy
 * taken at half the import (what a kill leaves) opens with the earlier
 * dataset only, undamaged, and the live project is back on its log. */
static void
test_crash_midway (TestProject   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) contents = g_string_new ("id,value,note\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *folder = g_build_filename (fixture->dir, "crash", NULL);
  g_autofree char *copy = NULL;
  g_autofree char *path_basename = NULL;
  g_autofree char *small = test_write_rows_csv (fixture->dir, "small.csv", 100);
  g_autoptr(GFile) small_file = g_file_new_for_path (small);
  g_autoptr(EquityImporter) importer = NULL;
  g_autoptr(EquityDataset) first = NULL;
  g_autoptr(EquityDataset) dataset = NULL;
  g_autoptr(EquityProject) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  CrashSnapshot crash = { equity_project_get_path (fixture->project), folder, cancellable, FALSE };
  GStatBuf before, at_crash;

  first = test_import_ok (fixture->project, small_file, NULL);
  /* more than SQLite's page cache holds, so pages reach the file before the end */
  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (contents, "%u,%u.5,row %u of a file that outgrows the page cache\n", i, i, i);
  file = test_write_file (fixture->dir, "big.csv", contents->str);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  path_basename = g_path_get_basename (crash.path);
  copy = g_build_filename (folder, path_basename, NULL);

  importer = equity_importer_new (file, NULL);
  g_assert_true (equity_importer_analyze (importer, NULL, NULL, NULL, &error));
  g_assert_cmpint (sqlite3_wal_checkpoint_v2 (equity_project_get_db (fixture->project), "main",
                                              SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (g_stat (crash.path, &before), ==, 0);
  dataset = equity_importer_run (importer, fixture->project, snapshot_at_half, &crash, cancellable, &error);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* the new rows went into the file itself, guarded by a journal */
  g_assert_true (crash.had_journal);
  g_assert_cmpint (g_stat (copy, &at_crash), ==, 0);
  g_assert_cmpint (at_crash.st_size, >, before.st_size);
  /* the live project: as it was, on its log again */
  g_assert_cmpstr (test_query_text (equity_project_get_db (fixture->project), "PRAGMA journal_mode"), ==, "wal");
  g_assert_cmpuint (g_list_model_get_n_items (equity_project_get_datasets (fixture->project)), ==, 1);

  /* the crashed copy: SQLite rolls the journal back on opening */
  reopened = test_open_project (copy);
  g_assert_cmpstr (test_query_text (equity_project_get_db (reopened), "PRAGMA integrity_check"), ==, "ok");
  g_assert_cmpuint (g_list_model_get_n_items (equity_project_get_datasets (reopened)), ==, 1);
  g_assert_nonnull (equity_project_find_dataset (reopened, "small"));
  g_assert_true (equity_project_close_checked (reopened, &error));
  g_assert_no_error (error);
}

/* With another connection open (the window's) the import cannot set the log
 * aside: it goes through the log as before, and stores every row. */
static void
test_import_beside_reader (TestProject   *fixture,
                           gconstpointer  data)
{
  g_autofree char *csv = test_write_rows_csv (fixture->dir, "rows.csv", 5000);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autofree char *wal = g_strconcat (equity_project_get_path (fixture->project), "-wal", NULL);
  g_autoptr(EquityDataset) dataset = NULL;
  sqlite3 *other = NULL;
  GStatBuf info;

  g_assert_cmpint (sqlite3_open_v2 (equity_project_get_path (fixture->project), &other, SQLITE_OPEN_READONLY, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (test_query_int (other, "SELECT count(*) FROM datasets"), ==, 0);
  g_assert_cmpint (sqlite3_exec (equity_project_get_db (fixture->project), "PRAGMA wal_autocheckpoint = 0",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  dataset = test_import_ok (fixture->project, file, NULL);
  g_assert_cmpuint (equity_dataset_get_n_rows (dataset), ==, 5000);
  g_assert_cmpstr (test_query_text (equity_project_get_db (fixture->project), "PRAGMA journal_mode"), ==, "wal");
  g_assert_cmpint (g_stat (wal, &info), ==, 0);
  g_assert_cmpint (info.st_size, >, 0);
  g_assert_cmpint (test_query_int (other, "SELECT count(*) FROM datasets"), ==, 1);
  sqlite3_close (other);
}

static void
test_ragged_rows (TestProject   *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) short_rows = test_write_file (fixture->dir, "short.csv", "a,b,c\n1,2,3\n4,5\n6,7,8,\n");
  g_autoptr(GFile) long_rows = test_write_file (fixture->dir, "long.csv", "a,b,c\n1,2,3\n4,5,6,lost?\n");
  g_autoptr(EquityImporter) importer = equity_importer_new (short_rows, NULL);
  g_autoptr(EquityDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *warnings;

  g_assert_true (equity_importer_analyze (importer, NULL, NULL, NULL, &error));
  warnings = equity_importer_get_warnings (importer);
  g_assert_nonnull (warnings[0]);
  g_assert_nonnull (strstr (warnings[0], "Line 3"));
  dataset = equity_importer_run (importer, fixture->project, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (equity_dataset_get_n_rows (dataset), ==, 3);
  g_assert_cmpuint (equity_column_get_n_nulls (equity_dataset_get_column (dataset, 2)), ==, 1);

  /* a longer row with something in the extra cell would lose data: refused */
  g_assert_null (test_import_file (fixture->project, long_rows, NULL, &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "long.csv:3:4:"));
}

static void
test_moe_pairs (TestProject   *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) file = test_write_file (fixture->dir, "acs.csv",
                                      "FIPS,E_TOTPOP,M_TOTPOP,B17001_002E,B17001_002M,Poverty Estimate,Poverty Margin of Error\n"
                                      "37021000100,1563,200,100,40,90,30\n");
  g_autoptr(EquityDataset) dataset = NULL;

  dataset = test_import_ok (fixture->project, file, NULL);
  g_assert_cmpint (equity_column_get_role (equity_dataset_get_column (dataset, 0)), ==, EQUITY_COLUMN_ROLE_KEY);
  g_assert_cmpint (equity_column_get_role (equity_dataset_get_column (dataset, 1)), ==, EQUITY_COLUMN_ROLE_POPULATION);
  g_assert_cmpint (equity_column_get_role (equity_dataset_get_column (dataset, 2)), ==, EQUITY_COLUMN_ROLE_MOE);
  g_assert_cmpstr (equity_column_get_moe_of (equity_dataset_get_column (dataset, 2)), ==, "E_TOTPOP");
  g_assert_cmpstr (equity_column_get_moe_of (equity_dataset_get_column (dataset, 4)), ==, "B17001_002E");
  g_assert_cmpstr (equity_column_get_moe_of (equity_dataset_get_column (dataset, 6)), ==, "Poverty Estimate");
  g_assert_null (equity_column_get_moe_of (equity_dataset_get_column (dataset, 1)));
}

/* Duplicate and empty header names become unique names; the warnings say so
 * and keep the header as written. */
static void
test_unique_column_names (TestProject   *fixture,
                          gconstpointer  data)
{
  const char *names[] = { "dup", "Dup (2)", "DUP (3)", "column 4 (2)", "column 4", "b" };
  g_autoptr(GFile) file = test_write_file (fixture->dir, "dups.csv", "dup,Dup,DUP,,column 4,b\n1,2,3,4,5,6\n");
  g_autoptr(EquityImporter) importer = equity_importer_new (file, NULL);
  g_autoptr(EquityDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warnings = NULL;

  g_assert_true (equity_importer_analyze (importer, NULL, NULL, NULL, &error));
  dataset = equity_importer_run (importer, fixture->project, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (equity_dataset_get_n_columns (dataset), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (equity_column_get_name (equity_dataset_get_column (dataset, i)), ==, names[i]);

  warnings = g_strjoinv ("\n", (char **) equity_importer_get_warnings (importer));
  g_assert_nonnull (strstr (warnings, "Column 2 has the same header as an earlier column, “Dup”; it is called “Dup (2)”"));
  /* a header written as "column 4" keeps that name */
  g_assert_nonnull (strstr (warnings, "Column 4 has no name in the header; it is called “column 4 (2)”"));
  g_assert_null (strstr (warnings, "“b”"));
}

/* More columns than a table can hold: refused before anything is written,
 * with the file, the count and the limit, not SQLite's words. */
static void
test_too_many_columns (TestProject   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GString) contents = g_string_new (NULL);
  g_autoptr(GFile) wide = NULL;
  g_autoptr(GFile) widest = NULL;
  g_autoptr(EquityDataset) dataset = NULL;
  g_autofree char *message = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (contents, "%sc%u", i ? "," : "", i);
  g_string_append (contents, "\n");
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (contents, "%s%u", i ? "," : "", i);
  g_string_append (contents, "\n");
  wide = test_write_file (fixture->dir, "wide.csv", contents->str);
  dataset = test_import_ok (fixture->project, wide, NULL);
  g_assert_cmpuint (equity_dataset_get_n_columns (dataset), ==, 2000);

  g_string_truncate (contents, 0);
  for (guint i = 0; i < 2001; i++)
    g_string_append_printf (contents, "%sc%u", i ? "," : "", i);
  g_string_append (contents, "\n1\n");
  widest = test_write_file (fixture->dir, "widest.csv", contents->str);
  message = import_refused (fixture, widest, EQUITY_ERROR_UNSUPPORTED);
  g_assert_true (g_str_has_prefix (message, "widest.csv: the file has 2001 columns, more than the 2000"));
}

/* Files the importer refuses, each leaving the project as it was, with a
 * message that names the file (and line and column where there is one) and
 * quotes nothing that could act on a terminal. */
static const struct
{
  const char *name;
  const char *contents;
  gssize      length;     /* -1: up to the NUL */
  int         code;
  const char *prefix;     /* how the message begins */
  const char *quoted;     /* NULL, or what it must quote, escaped */
} refusals[] = {
  { "empty.csv", "", -1, EQUITY_ERROR_PARSE, "empty.csv:1:1:", NULL },
  { "esc.csv", "a,b\n1,2\n3,4,\033[2J\033c\n", -1, EQUITY_ERROR_PARSE, "esc.csv:", "“U+001B[2JU+001Bc”" },
  { "nul.csv", "name,count\nAsh\0ville,94589\n", 27, EQUITY_ERROR_ENCODING, "nul.csv:2:4: a NUL character", NULL },
  { "chart.csv", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, EQUITY_ERROR_UNSUPPORTED,
    "chart.csv: not a text file (it looks like a PNG image)", NULL },
};

static void
test_refused_files (TestProject   *fixture,
                    gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, refusals[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *message = NULL;

      g_assert_true (g_file_set_contents (path, refusals[i].contents, refusals[i].length, NULL));
      message = import_refused (fixture, file, refusals[i].code);
      g_assert_true (g_str_has_prefix (message, refusals[i].prefix));
      g_assert_null (strchr (message, '\033'));
      if (refusals[i].quoted != NULL)
        g_assert_nonnull (strstr (message, refusals[i].quoted));
    }
}

/* UTF-16 without a byte-order mark imports with its real names and a warning */
static void
test_utf16_without_bom (TestProject   *fixture,
                        gconstpointer  data)
{
  g_autofree char *utf16 = NULL;
  g_autofree char *utf16_path = g_build_filename (fixture->dir, "utf16.csv", NULL);
  g_autoptr(GFile) utf16_file = g_file_new_for_path (utf16_path);
  g_autoptr(EquityImporter) importer = equity_importer_new (utf16_file, NULL);
  g_autoptr(EquityDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  utf16 = g_convert ("name,count\nAsheville,94589\n", -1, "UTF-16LE", "UTF-8", NULL, &length, NULL);
  g_assert_true (g_file_set_contents (utf16_path, utf16, length, NULL));
  g_assert_true (equity_importer_analyze (importer, NULL, NULL, NULL, &error));
  g_assert_nonnull (strstr (equity_importer_get_warnings (importer)[0], "read as UTF-16LE"));
  dataset = equity_importer_run (importer, fixture->project, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (equity_column_get_name (equity_dataset_get_column (dataset, 0)), ==, "name");
  g_assert_cmpstr (equity_column_get_name (equity_dataset_get_column (dataset, 1)), ==, "count");
}

/* Counts per race from data/samples/SOURCES.md (W 10,314 / B 4,452 / I 163 /
 * A 80 / U 6), which were tallied from the file by the data's curator, and the
 * City of Asheville's 2020 population (94,589) from the same table. */
static void
test_sample_project (TestScratch   *scratch,
                     gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = g_build_filename (dir, "sample.equity", NULL);
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  EquityDataset *arrests, *places, *svi;
  sqlite3 *db;
  g_autofree char *sql = NULL;
  guint race_column;

  project = equity_sample_create (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  db = equity_project_get_db (project);
  g_assert_cmpuint (g_list_model_get_n_items (equity_project_get_datasets (project)), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (equity_project_get_analyses (project)), ==, 3);

  arrests = equity_project_find_dataset (project, "Asheville arrests 2020–2021");
  g_assert_nonnull (arrests);
  g_assert_cmpuint (equity_dataset_get_n_rows (arrests), ==, 15015);
  g_assert_cmpuint (equity_dataset_get_n_columns (arrests), ==, 11);
  g_assert_cmpint (equity_column_get_column_type (equity_dataset_find_column (arrests, "date_arrested")), ==, EQUITY_COLUMN_TYPE_DATE);
  g_assert_cmpint (equity_column_get_role (equity_dataset_find_column (arrests, "subject_race")), ==, EQUITY_COLUMN_ROLE_GROUP);
  /* 1409 is 14:09, not a quantity; armainid repeats (several charges per
   * arrest), so only OBJECTID is offered as the record identifier */
  g_assert_cmpint (equity_column_get_role (equity_dataset_find_column (arrests, "time_arrested")), ==, EQUITY_COLUMN_ROLE_TIME);
  g_assert_cmpint (equity_column_get_role (equity_dataset_find_column (arrests, "OBJECTID")), ==, EQUITY_COLUMN_ROLE_IDENTIFIER);
  g_assert_cmpint (equity_column_get_role (equity_dataset_find_column (arrests, "armainid")), !=, EQUITY_COLUMN_ROLE_IDENTIFIER);
  race_column = equity_column_get_position (equity_dataset_find_column (arrests, "subject_race"));
  sql = g_strdup_printf ("SELECT group_concat(c%u || '=' || n, ' ') FROM (SELECT c%u, count(*) AS n FROM %s GROUP BY c%u ORDER BY n DESC)",
                         race_column, race_column, equity_dataset_get_table_name (arrests), race_column);
  g_assert_cmpstr (test_query_text (db, sql), ==, "W=10314 B=4452 I=163 A=80 U=6");
  g_free (sql);
  sql = g_strdup_printf ("SELECT min(c1) || ' ' || max(c1) FROM %s", equity_dataset_get_table_name (arrests));
  g_assert_cmpstr (test_query_text (db, sql), ==, "2020-01-01 2021-12-31");

  places = equity_project_find_dataset (project, "NC places, 2020 Census race and ethnicity");
  g_assert_nonnull (places);
  g_assert_cmpuint (equity_dataset_get_n_rows (places), ==, 776);
  g_free (sql);
  sql = g_strdup_printf ("SELECT c3 FROM %s WHERE c0 = 3702140", equity_dataset_get_table_name (places));
  g_assert_cmpint (test_query_int (db, sql), ==, 94589);

  svi = equity_project_find_dataset (project, "Buncombe tracts, CDC social vulnerability 2020");
  g_assert_nonnull (svi);
  g_assert_cmpuint (equity_dataset_get_n_rows (svi), ==, 65);
  g_assert_cmpuint (equity_dataset_get_n_columns (svi), ==, 158);
  g_assert_cmpstr (equity_column_get_moe_of (equity_dataset_find_column (svi, "M_POV150")), ==, "E_POV150");

  g_assert_cmpuint (equity_dataset_get_n_rows (equity_project_find_dataset (project, "Buncombe tract boundaries (2010 tracts)")), ==, 56);
  g_assert_cmpuint (equity_dataset_get_n_rows (equity_project_find_dataset (project, "Charlotte neighborhood profile areas")), ==, 462);

  /* Every saved analysis runs on the sample as shipped. The Black arrest rate
   * is 4,452 / 9,938 × 1,000 = 447.98 per 1,000 (counts above, rc_black from
   * the places table); NPA 2's 311 rate is 902 / (21.43 × 100) × 100 = 42.09
   * per 100 residents (r52.csv and d52.csv, 2019). */
  {
    const char *names[] = { "Arrests by race, 2020–2021", "Poverty by tract, Buncombe County",
                            "311 requests by neighborhood, Charlotte 2019" };
    EquityResult *results[G_N_ELEMENTS (names)];

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autoptr(EquityAnalysis) analysis = equity_analysis_new_from_project (project, names[i], &error);

        g_assert_no_error (error);
        results[i] = equity_analysis_run (analysis, project, NULL, NULL, NULL, &error);
        g_assert_no_error (error);
      }
    g_assert_cmpfloat_with_epsilon (equity_result_find_row (results[0], "B")->rate, 447.98, 0.005);
    g_assert_cmpuint (equity_result_get_n_rows (results[1]), ==, 65);
    g_assert_cmpfloat_with_epsilon (equity_result_find_row (results[2], "2")->rate, 42.09, 0.005);
    g_assert_cmpstr (equity_result_get_map_dataset (results[2]), ==, "Charlotte neighborhood profile areas");
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      g_object_unref (results[i]);
  }

  g_clear_object (&project);
  /* making it again over the same file is refused */
  g_assert_null (equity_sample_create (path, NULL, NULL, NULL, &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_EXISTS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) test_add_with_project ("/importer/" name, func)
  ADD ("types-and-values", test_types_and_values);
  ADD ("hostile-names", test_hostile_names);
  ADD ("atomic-on-parse-error", test_atomic_on_parse_error);
  ADD ("atomic-on-failed-write", test_atomic_on_failed_write);
  ADD ("cancel", test_cancel);
  ADD ("crash-midway", test_crash_midway);
  ADD ("import-beside-reader", test_import_beside_reader);
  ADD ("ragged-rows", test_ragged_rows);
  ADD ("moe-pairs", test_moe_pairs);
  ADD ("unique-column-names", test_unique_column_names);
  ADD ("too-many-columns", test_too_many_columns);
  ADD ("refused-files", test_refused_files);
  ADD ("utf16-without-bom", test_utf16_without_bom);
#undef ADD
  test_add_with_scratch ("/importer/sample-project", test_sample_project);

  return g_test_run ();
}
