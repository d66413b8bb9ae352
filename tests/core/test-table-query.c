/* test-table-query.c — a dataset's rows in pages: order, filters, summaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "equity-cell-text.h"
#include "equity-core.h"
#include "equity-project-private.h"
#include "test-util.h"

/* The people table. Values worked out by hand in the tests below. */
typedef struct
{
  gint64      visits;      /* -1: empty */
  const char *name;
  double      score;       /* NAN: empty */
  const char *born;
  const char *note;
} Person;

static const Person people[] = {
  /* rowid 1 */ { 10, "alice", 3.5, "2020-01-05", "O'Brien said \"hi\"" },
  /* rowid 2 */ { -1, "Bob", NAN, "2019-12-31", "100% sure" },
  /* rowid 3 */ { 5, NULL, 1.25, NULL, "a_b" },
  /* rowid 4 */ { 10, "carol", -2, "2021-06-01", "back\\slash" },
  /* rowid 5 */ { -1, "alice", 3.5, "2020-01-05", "50%_off" },
  /* rowid 6 */ { 3, "dave", 0.1, NULL, NULL },
  /* rowid 7 */ { 8, "Éva", 12.5, "2020-02-29", "'; DROP TABLE datasets; --" },
  /* rowid 8 */ { 1, "bob", 7, "2018-07-04", "plain" },
};

enum { VISITS, NAME, SCORE, BORN, NOTE };

/* Creates a dataset and leaves its transaction open for the rows. */
static EquityDataset *
begin_dataset (TestProject            *fixture,
               const char             *name,
               const char * const     *names,
               const EquityColumnType *types,
               guint                   n_columns)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  EquityDataset *dataset;

  for (guint i = 0; i < n_columns; i++)
    g_ptr_array_add (columns, equity_column_new (names[i], types[i], EQUITY_COLUMN_ROLE_NONE));

  g_assert_true (equity_project_begin (fixture->project, &error));
  dataset = equity_project_create_dataset (fixture->project, name, "test", "CSV", columns, &error);
  g_assert_no_error (error);
  return dataset;
}

static EquityDataset *
end_dataset (TestProject   *fixture,
             EquityDataset *dataset,
             guint64        n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (equity_dataset_get_name (dataset));

  g_assert_true (equity_project_finish_dataset (fixture->project, dataset, n_rows, &error));
  g_assert_true (equity_project_commit (fixture->project, &error));
  g_assert_true (equity_project_reload_catalog (fixture->project, &error));
  g_assert_no_error (error);
  g_object_unref (dataset);

  return equity_project_find_dataset (fixture->project, name);
}

static EquityDataset *
create_people (TestProject *fixture)
{
  static const char * const names[] = { "visits", "name", "score", "born", "note" };
  static const EquityColumnType types[] = {
    EQUITY_COLUMN_TYPE_INTEGER, EQUITY_COLUMN_TYPE_TEXT, EQUITY_COLUMN_TYPE_REAL,
    EQUITY_COLUMN_TYPE_DATE, EQUITY_COLUMN_TYPE_TEXT,
  };
  EquityDataset *dataset = begin_dataset (fixture, "people", names, types, G_N_ELEMENTS (types));
  g_autofree char *sql = g_strdup_printf ("INSERT INTO %s VALUES (?1, ?2, ?3, ?4, ?5)",
                                          equity_dataset_get_table_name (dataset));
  sqlite3 *db = equity_project_get_db (fixture->project);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const Person *p = &people[i];

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (p->visits >= 0)
        sqlite3_bind_int64 (stmt, 1, p->visits);
      sqlite3_bind_text (stmt, 2, p->name, -1, SQLITE_STATIC);
      if (!isnan (p->score))
        sqlite3_bind_double (stmt, 3, p->score);
      sqlite3_bind_text (stmt, 4, p->born, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, p->note, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    }
  sqlite3_finalize (stmt);

  return end_dataset (fixture, dataset, G_N_ELEMENTS (people));
}

static EquityTableQuery *
run_query (TestProject   *fixture,
           EquityDataset *dataset,
           int            sort_column,
           gboolean       ascending,
           const char    *filter)
{
  g_autoptr(GError) error = NULL;
  EquityTableQuery *query = equity_table_query_new (fixture->project, dataset, sort_column, ascending, filter);

  g_assert_false (equity_table_query_is_ready (query));
  g_assert_true (equity_table_query_run (query, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (equity_table_query_is_ready (query));
  return query;
}

/* the rowids of every row of QUERY, fetched in pages of PAGE_SIZE */
static char *
rowids_of (EquityTableQuery *query,
           guint             page_size)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint64 n = equity_table_query_get_n_rows (query);

  for (guint64 first = 0; first < n; first += page_size)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EquityTablePage) page = equity_table_query_fetch (query, first, page_size, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->first, ==, first);
      g_assert_cmpuint (page->n_rows, ==, MIN (page_size, n - first));
      for (guint i = 0; i < page->n_rows; i++)
        g_string_append_printf (out, "%s%" G_GINT64_FORMAT, out->len ? "," : "", page->rowids[i]);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_order (TestProject   *fixture,
              EquityDataset *dataset,
              int            sort_column,
              gboolean       ascending,
              const char    *filter,
              const char    *expected)
{
  g_autoptr(EquityTableQuery) query = run_query (fixture, dataset, sort_column, ascending, filter);

  /* the same rows whatever the page size */
  for (guint page_size = 1; page_size <= 9; page_size += 4)
    {
      g_autofree char *rowids = rowids_of (query, page_size);

      g_assert_cmpstr (rowids, ==, expected);
    }
}

/* One ordering of the people table: by SORT_COLUMN (-1: file order),
 * filtered by FILTER, gives the rowids EXPECTED. */
typedef struct
{
  int         sort_column;
  gboolean    ascending;
  const char *filter;
  const char *expected;
} Order;

static void
assert_orders (TestProject   *fixture,
               EquityDataset *dataset,
               const Order   *orders,
               guint          n_orders)
{
  for (guint i = 0; i < n_orders; i++)
    assert_order (fixture, dataset, orders[i].sort_column, orders[i].ascending,
                  orders[i].filter, orders[i].expected);
}

static void
test_paging (TestProject   *fixture,
             gconstpointer  data)
{
  g_autoptr(EquityDataset) dataset = g_object_ref (create_people (fixture));
  g_autoptr(EquityTableQuery) query = run_query (fixture, dataset, -1, TRUE, NULL);
  g_autoptr(EquityTablePage) page = NULL;
  g_autoptr(EquityTablePage) past = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (equity_table_query_get_n_rows (query), ==, 8);

  /* rows 3…5 (rowids 4…6), as display text */
  page = equity_table_query_fetch (query, 3, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->n_rows, ==, 3);
  g_assert_cmpuint (page->n_columns, ==, 5);
  g_assert_cmpint (page->rowids[0], ==, 4);
  g_assert_cmpstr (equity_table_page_get_cell (page, 0, VISITS), ==, "10");
  g_assert_cmpstr (equity_table_page_get_cell (page, 0, NAME), ==, "carol");
  g_assert_cmpstr (equity_table_page_get_cell (page, 0, SCORE), ==, "-2");
  g_assert_cmpstr (equity_table_page_get_cell (page, 0, NOTE), ==, "back\\slash");
  g_assert_null (equity_table_page_get_cell (page, 1, VISITS));
  g_assert_cmpstr (equity_table_page_get_cell (page, 2, SCORE), ==, "0.1");
  g_assert_null (equity_table_page_get_cell (page, 2, BORN));
  g_assert_null (equity_table_page_get_cell (page, 2, NOTE));

  /* a page that runs past the end is cut short; one beyond it is empty */
  g_clear_pointer (&page, equity_table_page_free);
  page = equity_table_query_fetch (query, 6, 256, &error);
  g_assert_cmpuint (page->n_rows, ==, 2);
  g_assert_cmpstr (equity_table_page_get_cell (page, 1, NAME), ==, "bob");
  past = equity_table_query_fetch (query, 8, 256, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (past->n_rows, ==, 0);

  assert_order (fixture, dataset, -1, TRUE, NULL, "1,2,3,4,5,6,7,8");
}

static void
test_sorting (TestProject   *fixture,
              gconstpointer  data)
{
  g_autoptr(EquityDataset) dataset = g_object_ref (create_people (fixture));

  /* empty cells last both ways; ties in file order both ways */
  static const Order orders[] = {
    { VISITS, TRUE, NULL, "8,6,3,7,1,4,2,5" },
    { VISITS, FALSE, NULL, "1,4,7,3,6,8,2,5" },
    { SCORE, FALSE, NULL, "7,8,1,5,3,6,4,2" },
    { SCORE, TRUE, NULL, "4,6,3,1,5,8,7,2" },
    /* text ignores ASCII case: Bob and bob tie */
    { NAME, TRUE, NULL, "1,5,2,8,4,6,7,3" },
    { NAME, FALSE, NULL, "7,6,4,2,8,1,5,3" },
    { BORN, TRUE, NULL, "8,2,1,5,7,4,3,6" },
  };

  assert_orders (fixture, dataset, orders, G_N_ELEMENTS (orders));
}

static void
test_filtering (TestProject   *fixture,
                gconstpointer  data)
{
  g_autoptr(EquityDataset) dataset = g_object_ref (create_people (fixture));

  static const Order orders[] = {
    { -1, TRUE, "", "1,2,3,4,5,6,7,8" },
    { -1, TRUE, "ALICE", "1,5" },
    { -1, TRUE, "o'brien", "1" },
    { -1, TRUE, "\"hi\"", "1" },
    /* LIKE's wildcards are taken literally */
    { -1, TRUE, "%", "2,5" },
    { -1, TRUE, "_", "3,5" },
    { -1, TRUE, "5%", "" },
    { -1, TRUE, "a_b", "3" },
    { -1, TRUE, "\\", "4" },
    { -1, TRUE, "\\%", "" },
    /* dates are searched as written in ISO 8601; numbers are not searched */
    { -1, TRUE, "2020", "1,5,7" },
    { -1, TRUE, "12.5", "" },
    /* with a sort */
    { VISITS, FALSE, "alice", "1,5" },
    /* "b" is also in O'Brien, a_b, back\\slash and TABLE */
    { NAME, TRUE, "b", "1,2,8,4,7,3" },

    /* SQL in the filter is just text */
    { -1, TRUE, "'; DROP TABLE datasets; --", "7" },
  };

  assert_orders (fixture, dataset, orders, G_N_ELEMENTS (orders));
  g_assert_nonnull (equity_project_find_dataset (fixture->project, "people"));
  g_assert_cmpint (test_query_int (equity_project_get_db (fixture->project),
                                   "SELECT count(*) FROM datasets"), ==, 1);
}

static void
test_summaries (TestProject   *fixture,
                gconstpointer  data)
{
  g_autoptr(EquityDataset) dataset = g_object_ref (create_people (fixture));
  g_autoptr(EquityTableQuery) query = equity_table_query_new (fixture->project, dataset, SCORE, FALSE, NULL);
  g_autoptr(EquityTableQuery) filtered = equity_table_query_new (fixture->project, dataset, -1, TRUE, "alice");
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  EquityColumnSummary *s;

  /* needs no run() first */
  summaries = equity_table_query_summarize (query, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 5);

  s = g_ptr_array_index (summaries, VISITS);
  g_assert_cmpint (s->type, ==, EQUITY_COLUMN_TYPE_INTEGER);
  g_assert_cmpuint (s->n_rows, ==, 8);
  g_assert_cmpuint (s->n_nulls, ==, 2);
  g_assert_cmpstr (s->min, ==, "1");
  g_assert_cmpstr (s->max, ==, "10");
  g_assert_true (s->has_mean);
  g_assert_cmpfloat_with_epsilon (s->mean, 37.0 / 6.0, 1e-12);
  g_assert_true (s->has_distinct);
  g_assert_cmpuint (s->n_distinct, ==, 5);

  s = g_ptr_array_index (summaries, NAME);
  g_assert_cmpuint (s->n_nulls, ==, 1);
  g_assert_null (s->min);
  g_assert_false (s->has_mean);
  /* alice, Bob, bob, carol, dave, Éva */
  g_assert_cmpuint (s->n_distinct, ==, 6);

  s = g_ptr_array_index (summaries, SCORE);
  g_assert_cmpuint (s->n_nulls, ==, 1);
  g_assert_cmpstr (s->min, ==, "-2");
  g_assert_cmpstr (s->max, ==, "12.5");
  g_assert_cmpfloat_with_epsilon (s->mean, 25.85 / 7.0, 1e-12);
  g_assert_false (s->has_distinct);

  s = g_ptr_array_index (summaries, BORN);
  g_assert_cmpuint (s->n_nulls, ==, 2);
  g_assert_cmpstr (s->min, ==, "2018-07-04");
  g_assert_cmpstr (s->max, ==, "2021-06-01");
  g_assert_cmpuint (s->n_distinct, ==, 5);

  s = g_ptr_array_index (summaries, NOTE);
  g_assert_cmpuint (s->n_nulls, ==, 1);
  g_assert_cmpuint (s->n_distinct, ==, 7);

  /* over the filtered rows only: rowids 1 and 5 */
  g_clear_pointer (&summaries, g_ptr_array_unref);
  summaries = equity_table_query_summarize (filtered, NULL, &error);
  g_assert_no_error (error);
  s = g_ptr_array_index (summaries, VISITS);
  g_assert_cmpuint (s->n_rows, ==, 2);
  g_assert_cmpuint (s->n_nulls, ==, 1);
  g_assert_cmpstr (s->min, ==, "10");
  g_assert_cmpfloat_with_epsilon (s->mean, 10.0, 1e-12);
  g_assert_cmpuint (s->n_distinct, ==, 1);
  s = g_ptr_array_index (summaries, NAME);
  g_assert_cmpuint (s->n_distinct, ==, 1);

  /* no rows: nothing to take a minimum of */
  {
    g_autoptr(EquityTableQuery) none = equity_table_query_new (fixture->project, dataset, -1, TRUE, "zzz");
    g_autoptr(GPtrArray) empty = equity_table_query_summarize (none, NULL, &error);

    s = g_ptr_array_index (empty, SCORE);
    g_assert_cmpuint (s->n_rows, ==, 0);
    g_assert_null (s->min);
    g_assert_false (s->has_mean);
  }
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const gint64 *x = a;
  const gint64 *y = b;

  /* key (-1: empty, last), then rowid */
  if ((x[0] < 0) != (y[0] < 0))
    return x[0] < 0 ? 1 : -1;
  if (x[0] != y[0])
    return x[0] < y[0] ? -1 : 1;
  return x[1] < y[1] ? -1 : x[1] > y[1];
}

static void
test_big_table (TestProject   *fixture,
                gconstpointer  data)
{
  static const char * const names[] = { "id", "key", "label" };
  static const EquityColumnType types[] = {
    EQUITY_COLUMN_TYPE_INTEGER, EQUITY_COLUMN_TYPE_INTEGER, EQUITY_COLUMN_TYPE_TEXT,
  };
  const guint n = 20000;
  EquityDataset *dataset = begin_dataset (fixture, "big", names, types, 3);
  g_autofree char *sql = g_strdup_printf ("INSERT INTO %s VALUES (?1, ?2, ?3)",
                                          equity_dataset_get_table_name (dataset));
  g_autofree gint64 *keys = g_new (gint64, 2 * n);
  g_autoptr(EquityTableQuery) sorted = NULL;
  g_autoptr(EquityTableQuery) cancelled = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  sqlite3 *db = equity_project_get_db (fixture->project);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("row %u", i);
      gint64 key = i % 97 == 0 ? -1 : (gint64) ((i * 7919u) % 10007u);

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, i);
      if (key >= 0)
        sqlite3_bind_int64 (stmt, 2, key);
      sqlite3_bind_text (stmt, 3, label, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      keys[2 * i] = key;
      keys[2 * i + 1] = i + 1;   /* rowid */
    }
  sqlite3_finalize (stmt);
  dataset = end_dataset (fixture, dataset, n);

  /* sorted, read at pages scattered over the table */
  qsort (keys, n, 2 * sizeof (gint64), compare_keys);
  sorted = run_query (fixture, dataset, 1, TRUE, NULL);
  g_assert_cmpuint (equity_table_query_get_n_rows (sorted), ==, n);
  for (guint first = 0; first < n; first += 4099)
    {
      g_autoptr(EquityTablePage) page = equity_table_query_fetch (sorted, first, EQUITY_TABLE_QUERY_PAGE_SIZE, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < page->n_rows; i++)
        g_assert_cmpint (page->rowids[i], ==, keys[2 * (first + i) + 1]);
    }

  /* a gap in the rowids: file order still counts every row once */
  {
    g_autofree char *delete = g_strdup_printf ("DELETE FROM %s WHERE rowid = 100",
                                               equity_dataset_get_table_name (dataset));
    g_autoptr(EquityTableQuery) plain = NULL;
    g_autoptr(EquityTablePage) page = NULL;

    g_assert_true (equity_project_exec (fixture->project, delete, &error));
    plain = run_query (fixture, dataset, -1, TRUE, NULL);
    g_assert_cmpuint (equity_table_query_get_n_rows (plain), ==, n - 1);
    page = equity_table_query_fetch (plain, 98, 3, &error);
    g_assert_cmpint (page->rowids[0], ==, 99);
    g_assert_cmpint (page->rowids[1], ==, 101);
    g_assert_cmpstr (equity_table_page_get_cell (page, 1, 2), ==, "row 100");
  }

  /* a cancelled run leaves the query unready */
  cancelled = equity_table_query_new (fixture->project, dataset, 2, FALSE, NULL);
  g_cancellable_cancel (cancellable);
  g_assert_false (equity_table_query_run (cancelled, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (equity_table_query_is_ready (cancelled));
}

static void
test_imported (TestProject   *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) file = test_write_file (fixture->dir, "calls.csv",
                                           "id,opened,amount,zip\n"
                                           "7,02/18/2020,1234.5,02801\n"
                                           "8,,,28806\n"
                                           "9,12/31/2021,0.1,28801\n");
  g_autoptr(EquityDataset) dataset = test_import_ok (fixture->project, file, NULL);
  g_autoptr(EquityTableQuery) query = NULL;
  g_autoptr(EquityTablePage) page = NULL;
  g_autoptr(GError) error = NULL;

  query = run_query (fixture, dataset, -1, TRUE, NULL);
  page = equity_table_query_fetch (query, 0, 3, &error);
  g_assert_cmpstr (equity_table_page_get_cell (page, 0, 0), ==, "7");
  /* dates as ISO 8601, keys with their leading zeros */
  g_assert_cmpstr (equity_table_page_get_cell (page, 0, 1), ==, "2020-02-18");
  g_assert_cmpstr (equity_table_page_get_cell (page, 0, 2), ==, "1234.5");
  g_assert_cmpstr (equity_table_page_get_cell (page, 0, 3), ==, "02801");
  g_assert_null (equity_table_page_get_cell (page, 1, 1));
  g_assert_null (equity_table_page_get_cell (page, 1, 2));
  g_assert_cmpstr (equity_table_page_get_cell (page, 2, 2), ==, "0.1");
}

static void
append_u32 (GByteArray *wkb,
            guint32     value)
{
  guint32 le = GUINT32_TO_LE (value);
  g_byte_array_append (wkb, (const guint8 *) &le, 4);
}

static void
append_point (GByteArray *wkb,
              double      x,
              double      y)
{
  double xy[2] = { x, y };
  guint64 raw[2];

  memcpy (raw, xy, sizeof raw);
  raw[0] = GUINT64_TO_LE (raw[0]);
  raw[1] = GUINT64_TO_LE (raw[1]);
  g_byte_array_append (wkb, (const guint8 *) raw, sizeof raw);
}

static void
append_square (GByteArray *wkb)
{
  g_byte_array_append (wkb, (const guint8 *) "\1", 1);
  append_u32 (wkb, 3);
  append_u32 (wkb, 1);
  append_u32 (wkb, 5);
  append_point (wkb, 0, 0);
  append_point (wkb, 1, 0);
  append_point (wkb, 1, 1);
  append_point (wkb, 0, 1);
  append_point (wkb, 0, 0);
}

static void
test_cell_text (void)
{
  g_autoptr(GByteArray) polygon = g_byte_array_new ();
  g_autoptr(GByteArray) multi = g_byte_array_new ();
  g_autoptr(GByteArray) point = g_byte_array_new ();
  static const struct { double value; const char *text; } reals[] = {
    { 0.1, "0.1" }, { 1.0 / 3.0, "0.3333333333333333" }, { 1e300, "1e+300" },
    { -2.0, "-2" }, { 1234.5, "1234.5" }, { 0.30000000000000004, "0.30000000000000004" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (reals); i++)
    {
      g_autofree char *text = equity_format_real (reals[i].value);

      g_assert_cmpstr (text, ==, reals[i].text);
      g_assert_true (g_ascii_strtod (text, NULL) == reals[i].value);
    }

  append_square (polygon);
  g_byte_array_append (multi, (const guint8 *) "\1", 1);
  append_u32 (multi, 6);
  append_u32 (multi, 2);
  append_square (multi);
  append_square (multi);
  g_byte_array_append (point, (const guint8 *) "\1", 1);
  append_u32 (point, 1);
  append_point (point, -82.55, 35.6);

  {
    g_autofree char *a = equity_describe_wkb (polygon->data, polygon->len);
    g_autofree char *b = equity_describe_wkb (multi->data, multi->len);
    g_autofree char *c = equity_describe_wkb (point->data, point->len);
    g_autofree char *d = equity_describe_wkb (polygon->data, polygon->len - 3);

    g_assert_cmpstr (a, ==, "Polygon (5 points)");
    g_assert_cmpstr (b, ==, "MultiPolygon (2 parts, 10 points)");
    g_assert_cmpstr (c, ==, "Point (-82.55, 35.6)");
    /* cut short: said so, not read past the end */
    g_assert_cmpstr (d, ==, "(unreadable geometry)");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) test_add_with_project ("/table-query/" name, func)
  ADD ("paging", test_paging);
  ADD ("sorting", test_sorting);
  ADD ("filtering", test_filtering);
  ADD ("summaries", test_summaries);
  ADD ("big-table", test_big_table);
  ADD ("imported", test_imported);
#undef ADD
  g_test_add_func ("/table-query/cell-text", test_cell_text);

  return g_test_run ();
}
