/* test-util.h — the fixtures core and app tests share: scratch folders,
 * data paths, scratch projects and imports, runs of the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>
#include <glib.h>
#include <sqlite3.h>
#include <json-glib/json-glib.h>

#include "equity-core.h"

G_BEGIN_DECLS

/* relative closeness, so that 1e-300 and 4452 are held to the same digits;
 * RELATIVE 0 asks for the very number (NAN is close to nothing) */
gboolean    test_is_close        (double      actual,
                                  double      expected,
                                  double      relative);
#define assert_close(actual, expected, relative)                                   \
  G_STMT_START {                                                                   \
    double a_ = (actual), e_ = (expected);                                         \
    if (!test_is_close (a_, e_, (relative)))                                       \
      g_error ("%s:%d: %s = %.17g, expected %.17g", __FILE__, __LINE__, #actual, a_, e_); \
  } G_STMT_END

char       *test_make_tmpdir     (void);
void        test_remove_tree     (const char *path);
/* SHA-256 of the file's bytes, or "absent" */
char       *test_file_checksum   (const char *path);
/* Writes an empty project file at PATH as schema VERSION left it (for the
 * migration tests), with one saved analysis named ANALYSIS when not NULL */
void        test_create_old_project (const char *path,
                                     int         version,
                                     const char *analysis);
gint64      test_query_int       (sqlite3    *db,
                                  const char *sql);
/* interned: compare it, don't free it */
const char *test_query_text      (sqlite3    *db,
                                  const char *sql);
/* Writes DIR/NAME: a CSV of N_ROWS rows of padded text (a few thousand fill
 * many pages); returns its path. */
char       *test_write_rows_csv  (const char *dir,
                                  const char *name,
                                  guint       n_rows);
/* How long a wait may take before it fails the test: generous, as under
 * ASan on a busy two-core machine a first map, an import or an export takes
 * many seconds. */
#define TEST_WAIT_TIMEOUT_S 120
/* Runs the main loop until CONDITION (DATA) holds, checked after every event
 * and at least every 20 ms (a worker thread's flag changes without one), or
 * for TIMEOUT_S seconds; no sleep. Whether it held. */
gboolean    test_wait_until      (gboolean  (*condition) (gpointer data),
                                  gpointer    data,
                                  guint       timeout_s);
/* …until CONDITION holds; after TEST_WAIT_TIMEOUT_S the test fails, saying it
 * was waiting for WHAT (rather than hanging) */
#define test_await(condition, data, what) \
  test_await_at (__FILE__, __LINE__, G_STRFUNC, (condition), (data), (what))
void        test_await_at        (const char *file,
                                  int         line,
                                  const char *func,
                                  gboolean  (*condition) (gpointer data),
                                  gpointer    data,
                                  const char *what);
/* An async call's callback that keeps its result: DATA is the
 * GAsyncResult ** to set (NULL until then). */
void        test_keep_result_cb  (GObject      *source,
                                  GAsyncResult *result,
                                  gpointer      data);
/* Runs the main loop until test_keep_result_cb has set *RESULT (failing the
 * test after TEST_WAIT_TIMEOUT_S); returns it, still owned by *RESULT. */
GAsyncResult *test_await_result  (GAsyncResult **result);
/* What a worker reported through test_progress_cb (an EquityProgressFunc
 * whose data is a TestProgress), which checks that every fraction lies in
 * 0…1 and that none goes back. */
typedef struct
{
  guint  n_reports;
  double last;
} TestProgress;

void        test_progress_cb     (double      fraction,
                                  gpointer    data);
/* pages of the PDF at PATH as pdfinfo counts them */
guint       test_pdf_n_pages     (const char *path);
/* the PDF's text as pdftotext reads it, its lines joined by spaces (it
 * breaks them where the layout wrapped: words are compared) */
char       *test_pdf_text        (const char *path);
/* path of a file under tests/data */
char       *test_data_path       (const char *first,
                                  ...) G_GNUC_NULL_TERMINATED;

/* One run of asheville-equity-cli (its path comes from $EQUITY_CLI). */
typedef struct
{
  int   status;
  char *out;
  char *err;
} TestRun;

void        test_run_clear       (TestRun    *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TestRun, test_run_clear)
/* Runs the CLI with the given arguments; TRUE when it exited with status 0. */
gboolean    test_run_cli         (TestRun    *run,
                                  const char *first,
                                  ...) G_GNUC_NULL_TERMINATED;
gboolean    test_run_ok          (TestRun    *run);
/* parses TEXT or fails the test */
JsonNode   *test_parse_json      (const char *text);

/* Writes CONTENTS to DIR/NAME; returns the file. */
GFile      *test_write_file      (const char *dir,
                                  const char *name,
                                  const char *contents);

/* A scratch folder, removed after the test. */
typedef struct
{
  char *dir;
} TestScratch;

void        test_scratch_set_up    (TestScratch   *fixture,
                                    gconstpointer  data);
void        test_scratch_tear_down (TestScratch   *fixture,
                                    gconstpointer  data);
/* Registers FUNC at PATH with a scratch folder as its fixture. */
#define test_add_with_scratch(path, func) \
  g_test_add ((path), TestScratch, NULL, test_scratch_set_up, (func), test_scratch_tear_down)

/* A new project in a scratch folder: the fixture of most tests. Its file is
 * named by the test's data (a file name), or "test.equity". */
typedef struct
{
  char          *dir;
  EquityProject *project;
} TestProject;

void        test_project_set_up    (TestProject   *fixture,
                                    gconstpointer  data);
/* closes the project and removes the folder */
void        test_project_tear_down (TestProject   *fixture,
                                    gconstpointer  data);

/* Registers FUNC at PATH with a scratch project as its fixture. */
#define test_add_with_project(path, func) \
  g_test_add ((path), TestProject, NULL, test_project_set_up, (func), test_project_tear_down)

/* …with the project's file named FILE_NAME (what its messages will say) */
#define test_add_with_named_project(path, file_name, func) \
  g_test_add ((path), TestProject, (file_name), test_project_set_up, (func), test_project_tear_down)

/* …for a table's case: DATA, the case, reaches FUNC; the file is "test.equity" */
void        test_case_project_set_up (TestProject   *fixture,
                                      gconstpointer  data);
#define test_add_case_with_project(path, data, func) \
  g_test_add ((path), TestProject, (data), test_case_project_set_up, (func), test_project_tear_down)

/* Calls CHECK (PATH, FOLDER_READ_ONLY, DATA) twice: with PATH's folder
 * read-only (no "-shm" file may appear beside PATH then), and with PATH
 * itself read-only; each time the permissions are restored after. The
 * permission bits decide, so this holds when the tests run as root. */
typedef void (*TestReadOnlyCheck) (const char *path,
                                   gboolean    folder_read_only,
                                   gpointer    data);
void        test_check_read_only   (const char        *path,
                                    TestReadOnlyCheck  check,
                                    gpointer           data);

/* Creates the project DIR/FILE_NAME or fails the test; PATH_OUT (may be
 * NULL) gets its path. */
EquityProject *test_create_project (const char  *dir,
                                    const char  *file_name,
                                    char       **path_out);
/* Creates the empty project DIR/FILE_NAME and closes it (for a window or a
 * worker to open), or fails the test; returns its path. */
char          *test_create_project_file (const char *dir,
                                         const char *file_name);
/* Creates the sample project DIR/sample.equity or fails the test; PATH_OUT
 * (may be NULL) gets its path. */
EquityProject *test_create_sample_project (const char  *dir,
                                           char       **path_out);
/* Opens the project at PATH, or fails the test. */
EquityProject *test_open_project   (const char  *path);
/* Closes PROJECT with every change folded into its file, or fails the test. */
void           test_close_checked  (EquityProject *project);
/* Imports FILE into PROJECT as an importer does it (analyse, then run);
 * OPTIONS may be NULL. */
EquityDataset *test_import_file    (EquityProject             *project,
                                    GFile                     *file,
                                    const EquityImportOptions *options,
                                    GError                   **error);
/* …the same, failing the test on an error */
EquityDataset *test_import_ok      (EquityProject             *project,
                                    GFile                     *file,
                                    const EquityImportOptions *options);
/* Writes CONTENTS to DIR/NAME.EXTENSION and imports it into PROJECT as the
 * dataset NAME, or fails the test. */
void           test_import_text    (EquityProject             *project,
                                    const char                *dir,
                                    const char                *name,
                                    const char                *extension,
                                    const char                *contents);
/* A snapshot of everything in PROJECT: schema, catalog and row counts (to
 * show that a failed step changed nothing). */
char          *test_project_state  (EquityProject             *project);

G_END_DECLS
