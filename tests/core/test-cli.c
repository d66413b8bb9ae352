/* test-cli.c — asheville-equity-cli as outside scripts use it (../shared/CLI.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cli-test-util.h"

static void
test_version_and_help (void)
{
  g_auto(TestRun) run = { 0 };

  g_assert_true (test_run_cli (&run, "--version", NULL));
  g_assert_cmpstr (run.out, ==, "asheville-equity-cli " PACKAGE_VERSION "\n");

  g_assert_true (test_run_cli (&run, "import", "--help", NULL));
  g_assert_nonnull (strstr (run.out, "--skip-rows"));
  g_assert_nonnull (strstr (run.out, "--delimiter"));

  g_assert_false (test_run_cli (&run, "frobnicate", NULL));
  g_assert_nonnull (strstr (run.err, "unknown command"));
}

static void
test_new_and_datasets (TestCliProject *fixture,
                       gconstpointer   data)
{
  g_autoptr(JsonNode) root = NULL;
  g_auto(TestRun) run = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) text = test_write_file (fixture->dir, "notes.txt", "hello");

  g_assert_true (test_run_cli (&run, "new", fixture->project, NULL));
  g_assert_true (g_file_test (fixture->project, G_FILE_TEST_EXISTS));

  before = test_file_checksum (fixture->project);
  g_assert_false (test_run_cli (&run, "new", fixture->project, NULL));
  g_assert_nonnull (strstr (run.err, "already exists"));
  after = test_file_checksum (fixture->project);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (test_run_cli (&run, "datasets", fixture->project, "--json", NULL));
  root = test_parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);

  g_assert_false (test_run_cli (&run, "datasets", g_file_peek_path (text), NULL));
  g_assert_nonnull (strstr (run.err, "not an Asheville Equity project"));
}

static void
test_import_show (TestCliProject *fixture,
                  gconstpointer   data)
{
  g_autoptr(GFile) csv = test_write_file (fixture->dir, "places.csv",
                                          "fips,place,total,share\n"
                                          "3702140,Asheville,94589,0.5\n"
                                          "021,\"Code, with comma\",,1e-1\n");
  g_autoptr(GFile) bad = test_write_file (fixture->dir, "bad.csv", "a,b\n1,2\n3,\"open\n");
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.equity", NULL);
  g_autoptr(JsonNode) imported = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_auto(TestRun) run = { 0 };
  JsonObject *object, *row, *dataset, *column;
  JsonArray *columns, *rows;

  /* the project is missing: import creates it */
  g_assert_true (test_run_cli (&run, "import", fixture->project, g_file_peek_path (csv), "--name", "NC places", "--json", NULL));
  imported = test_parse_json (run.out);
  object = json_node_get_object (imported);
  g_assert_cmpstr (json_object_get_string_member (object, "dataset"), ==, "NC places");
  g_assert_cmpint (json_object_get_int_member (object, "rows"), ==, 2);
  columns = json_object_get_array_member (object, "columns");
  g_assert_cmpuint (json_array_get_length (columns), ==, 4);
  column = json_array_get_object_element (columns, 0);
  g_assert_cmpstr (json_object_get_string_member (column, "name"), ==, "fips");
  /* "021" keeps fips as text */
  g_assert_cmpstr (json_object_get_string_member (column, "type"), ==, "text");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (columns, 2), "type"), ==, "integer");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (columns, 3), "type"), ==, "real");

  g_assert_true (test_run_cli (&run, "show", fixture->project, "NC places", "--format", "json", NULL));
  shown = test_parse_json (run.out);
  rows = json_node_get_array (shown);
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  row = json_array_get_object_element (rows, 1);
  g_assert_cmpstr (json_object_get_string_member (row, "fips"), ==, "021");
  g_assert_cmpstr (json_object_get_string_member (row, "place"), ==, "Code, with comma");
  g_assert_true (json_object_get_null_member (row, "total"));
  g_assert_cmpfloat (json_object_get_double_member (row, "share"), ==, 0.1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rows, 0), "total"), ==, 94589);

  g_assert_true (test_run_cli (&run, "show", fixture->project, "NC places", "--limit", "1", "--offset", "1", NULL));
  g_assert_cmpstr (run.out, ==, "fips,place,total,share\r\n021,\"Code, with comma\",,0.1\r\n");

  test_run_cli (&run, "datasets", fixture->project, "--json", NULL);
  listed = test_parse_json (run.out);
  dataset = json_array_get_object_element (json_node_get_array (listed), 0);
  g_assert_cmpstr (json_object_get_string_member (dataset, "name"), ==, "NC places");
  g_assert_cmpint (json_object_get_int_member (dataset, "rows"), ==, 2);
  g_assert_nonnull (strstr (json_object_get_string_member (dataset, "source"), "places.csv"));
  column = json_array_get_object_element (json_object_get_array_member (dataset, "columns"), 2);
  g_assert_cmpstr (json_object_get_string_member (column, "role"), ==, "population");

  /* a bad file: message with file, line and column; no project left behind */
  g_assert_false (test_run_cli (&run, "import", missing, g_file_peek_path (bad), NULL));
  g_assert_nonnull (strstr (run.err, "bad.csv:3:"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* Repeated and empty headers become distinct JSON keys, with warnings; text
 * from the file in a message never reaches the terminal as control codes. */
static void
test_names_and_escapes (TestCliProject *fixture,
                        gconstpointer   data)
{
  g_autoptr(GFile) dups = test_write_file (fixture->dir, "dups.csv", "dup,dup,\n1,2,3\n");
  /* ESC [2J clears a terminal */
  g_autoptr(GFile) escape = test_write_file (fixture->dir, "escape.csv", "a,b\n1,2,\033[2J\n");
  g_autoptr(JsonNode) shown = NULL;
  g_auto(TestRun) run = { 0 };
  JsonObject *row;

  g_assert_true (test_run_cli (&run, "import", fixture->project, g_file_peek_path (dups), NULL));
  g_assert_nonnull (strstr (run.err, "warning: Column 2 has the same header as an earlier column, “dup”; "
                                        "it is called “dup (2)”"));
  g_assert_nonnull (strstr (run.err, "warning: Column 3 has no name in the header; it is called “column 3”"));

  g_assert_true (test_run_cli (&run, "show", fixture->project, "dups", "--format", "json", NULL));
  shown = test_parse_json (run.out);
  row = json_array_get_object_element (json_node_get_array (shown), 0);
  g_assert_cmpuint (json_object_get_size (row), ==, 3);
  g_assert_cmpint (json_object_get_int_member (row, "dup"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (row, "dup (2)"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (row, "column 3"), ==, 3);

  g_assert_false (test_run_cli (&run, "import", fixture->project, g_file_peek_path (escape), NULL));
  g_assert_null (strchr (run.err, '\033'));
  g_assert_nonnull (strstr (run.err, "escape.csv:2:3: "));
  g_assert_nonnull (strstr (run.err, "“U+001B[2J”"));
}

static void
test_sample (TestCliProject *fixture,
             gconstpointer   data)
{
  g_autoptr(JsonNode) listed = NULL;
  g_auto(TestRun) run = { 0 };
  JsonArray *array;

  g_assert_true (test_run_cli (&run, "sample", fixture->project, NULL));

  g_assert_true (test_run_cli (&run, "datasets", fixture->project, "--json", NULL));
  listed = test_parse_json (run.out);
  array = json_node_get_array (listed);
  g_assert_cmpuint (json_array_get_length (array), ==, 8);

  g_assert_true (test_run_cli (&run, "show", fixture->project, "Asheville arrests 2020–2021", "--limit", "1", "--format", "json", NULL));
  /* the first arrest in the file, its date read as ISO 8601 */
  g_assert_nonnull (strstr (run.out, "\"date_arrested\": \"2020-02-18\""));
  g_assert_nonnull (strstr (run.out, "\"address\": \"100-BLK COXE AVE\""));
}

/* In the child, before exec: no file may grow past the limit, and a write
 * past it fails (EFBIG) instead of killing the program. */
static void
limit_file_size_cb (gpointer data)
{
  struct rlimit limit;

  signal (SIGXFSZ, SIG_IGN);
  getrlimit (RLIMIT_FSIZE, &limit);
  limit.rlim_cur = *(gint64 *) data;
  setrlimit (RLIMIT_FSIZE, &limit);
}

static void
run_cli_with_file_limit (TestRun    *run,
                         gint64      limit,
                         const char *project,
                         const char *file)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("EQUITY_CLI"), "import", project, file, NULL };

  test_run_clear (run);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, limit_file_size_cb, &limit,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
}

static guint
count_datasets (const char *path)
{
  g_auto(TestRun) listed = { 0 };
  g_autoptr(JsonNode) root = NULL;

  g_assert_true (test_run_cli (&listed, "datasets", path, "--json", NULL));
  root = test_parse_json (listed.out);
  return json_array_get_length (json_node_get_array (root));
}

/* Issue 7, 4: the import said it succeeded while the project file, without
 * its -wal, was damaged. */
static void
test_disk_full (TestCliProject *fixture,
                gconstpointer   data)
{
  g_autofree char *wal = g_strconcat (fixture->project, "-wal", NULL);
  g_autofree char *big = test_write_rows_csv (fixture->dir, "big.csv", 30000);
  g_autofree char *small = test_write_rows_csv (fixture->dir, "small.csv", 8000);
  g_auto(TestRun) run = { 0 };
  sqlite3 *db = NULL;
  GStatBuf info;

  g_assert_true (test_run_cli (&run, "import", fixture->project, big, NULL));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (fixture->project, &info), ==, 0);

  /* room for the log of the import, not for the project file to grow */
  run_cli_with_file_limit (&run, info.st_size + 64 * 1024, fixture->project, small);
  g_assert_false (test_run_ok (&run));
  g_assert_nonnull (strstr (run.err, "Nothing was imported"));
  g_assert_nonnull (strstr (run.err, "“p.equity” is full"));
  g_assert_cmpstr (run.out, ==, "");

  /* the file alone is the whole project, as it was */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sqlite3_open_v2 (fixture->project, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpstr (test_query_text (db, "PRAGMA integrity_check"), ==, "ok");
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM datasets"), ==, 1);
  sqlite3_close (db);
  g_assert_cmpuint (count_datasets (fixture->project), ==, 1);
}

/* a TestReadOnlyCheck; DATA is the folder with the CSV and the spec */
static void
assert_reads_but_refuses_changes (const char *path,
                                  gboolean    folder_read_only,
                                  gpointer    data)
{
  g_autofree char *csv = g_build_filename (data, "areas.csv", NULL);
  g_autofree char *spec = g_build_filename (data, "segregation.ini", NULL);
  g_autofree char *chart = g_build_filename (data, "chart.png", NULL);
  g_autofree char *before = test_file_checksum (path);
  g_autofree char *after = NULL;
  g_auto(TestRun) run = { 0 };

  test_run_cli (&run, "datasets", path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (test_run_ok (&run));
  g_assert_nonnull (strstr (run.out, "areas"));

  g_assert_true (test_run_cli (&run, "show", path, "areas", NULL));
  g_assert_nonnull (strstr (run.out, "north,10,30"));

  g_assert_true (test_run_cli (&run, "analyses", path, NULL));
  g_assert_nonnull (strstr (run.out, "Segregation"));

  g_assert_true (test_run_cli (&run, "analyze", path, spec, NULL));

  g_assert_true (test_run_cli (&run, "chart", path, "Segregation", "--out", chart, NULL));
  g_assert_true (g_file_test (chart, G_FILE_TEST_IS_REGULAR));
  g_unlink (chart);

  g_assert_false (test_run_cli (&run, "import", path, csv, "--name", "more", NULL));
  g_assert_nonnull (strstr (run.err, "p.equity"));
  g_assert_nonnull (strstr (run.err, "is read-only"));

  g_assert_false (test_run_cli (&run, "analyze", path, spec, "--save", NULL));
  g_assert_nonnull (strstr (run.err, "p.equity is read-only"));

  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

/* Issue 7, 9: a read-only project failed even to list its datasets, as
 * "damaged". Permission bits decide, so that this holds as root too. */
static void
test_read_only (TestScratch   *scratch,
                gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *folder = g_build_filename (dir, "shared", NULL);
  g_autofree char *path = g_build_filename (folder, "p.equity", NULL);
  g_autoptr(GFile) csv = test_write_file (dir, "areas.csv", "area,a,b\nnorth,10,30\nsouth,40,20\neast,5,5\n");
  g_autoptr(GFile) spec = test_write_file (dir, "segregation.ini",
                                           "[analysis]\nname = Segregation\nkind = dissimilarity\n"
                                           "dataset = areas\ngroup-a = a\ngroup-b = b\n");
  g_auto(TestRun) run = { 0 };

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (test_run_cli (&run, "import", path, g_file_peek_path (csv), NULL));
  g_assert_true (test_run_cli (&run, "analyze", path, g_file_peek_path (spec), "--save", NULL));

  /* a folder that may not be written (nothing appears beside the file),
   * then a file that may not be written */
  test_check_read_only (path, assert_reads_but_refuses_changes, (gpointer) dir);
}

/* Issue 7, 10: SQLite's words for a busy project and a taken name */
static void
test_project_messages (TestCliProject *fixture,
                       gconstpointer   data)
{
  g_autofree char *csv = test_write_rows_csv (fixture->dir, "rows.csv", 10);
  g_auto(TestRun) run = { 0 };
  sqlite3 *other = NULL;

  g_assert_true (test_run_cli (&run, "import", fixture->project, csv, "--name", "arrests", NULL));

  g_assert_false (test_run_cli (&run, "import", fixture->project, csv, "--name", "arrests", NULL));
  g_assert_nonnull (strstr (run.err, "A dataset named “arrests” already exists in “p.equity”; "
                                       "choose another name"));

  /* another program holds a write transaction for longer than we wait */
  g_assert_cmpint (sqlite3_open (fixture->project, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; INSERT INTO metadata VALUES ('k', 'v')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  test_run_cli (&run, "import", fixture->project, csv, "--name", "other", NULL);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_false (test_run_ok (&run));
  g_assert_nonnull (strstr (run.err, "Another program is writing to “p.equity”"));
  g_assert_null (strstr (run.err, "database is locked"));
  g_assert_cmpuint (count_datasets (fixture->project), ==, 1);
}

/* Issue 7, 10: a damaged page met while printing rows was reported as
 * "database disk image is malformed", naming no file. */
static void
test_show_damaged (TestCliProject *fixture,
                   gconstpointer   data)
{
  g_autofree char *csv = test_write_rows_csv (fixture->dir, "rows.csv", 3000);
  g_autofree char *contents = NULL;
  g_auto(TestRun) run = { 0 };
  gsize length = 0;

  g_assert_true (test_run_cli (&run, "import", fixture->project, csv, NULL));

  /* the last page holds the dataset's rows: overwrite it */
  g_assert_true (g_file_get_contents (fixture->project, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16384);
  memset (contents + length - 16384, 0xff, 16384);
  g_assert_true (g_file_set_contents (fixture->project, contents, length, NULL));

  g_assert_false (test_run_cli (&run, "show", fixture->project, "rows", NULL));
  g_assert_nonnull (strstr (run.err, "Could not read the dataset “rows”: “p.equity” is damaged"));
  g_assert_null (strstr (run.err, "malformed"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version-and-help", test_version_and_help);
  test_add_with_cli_project ("/cli/names-and-escapes", test_names_and_escapes);
  test_add_with_cli_project ("/cli/new-and-datasets", test_new_and_datasets);
  test_add_with_cli_project ("/cli/import-show", test_import_show);
  test_add_with_cli_project ("/cli/sample", test_sample);
  test_add_with_cli_project ("/cli/disk-full", test_disk_full);
  test_add_with_scratch ("/cli/read-only", test_read_only);
  test_add_with_cli_project ("/cli/project-messages", test_project_messages);
  test_add_with_cli_project ("/cli/show-damaged", test_show_damaged);

  return g_test_run ();
}
