/* equity-table-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-table-query"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-cell-text.h"
#include "equity-error.h"
#include "equity-project-private.h"
#include "equity-schema.h"
#include "equity-table-query.h"

/* how many SQLite virtual machine steps between checks for cancellation */
#define PROGRESS_OPS 20000

struct _EquityTableQuery
{
  GObject        parent_instance;

  EquityProject *project;
  EquityDataset *dataset;
  char          *path;         /* the project file, for the worker's connection */
  char          *table;        /* quoted table name */
  guint          n_columns;
  EquityColumnType *types;
  int            sort_column;
  gboolean       ascending;
  char          *filter;       /* NULL for none */

  /* set by run() */
  gboolean       ready;
  guint64        n_rows;
  gint64         first_rowid;  /* without ORDER: row i is rowid first_rowid + i */
  GArray        *rowids;       /* else: the rowid of each row, in order */
};

G_DEFINE_FINAL_TYPE (EquityTableQuery, equity_table_query, G_TYPE_OBJECT)

void
equity_table_page_free (EquityTablePage *page)
{
  if (page == NULL)
    return;

  for (gsize i = 0; i < (gsize) page->n_rows * page->n_columns; i++)
    g_free (page->cells[i]);
  g_free (page->cells);
  g_free (page->rowids);
  g_free (page);
}

const char *
equity_table_page_get_cell (EquityTablePage *page,
                            guint            row,
                            guint            column)
{
  g_return_val_if_fail (page != NULL, NULL);
  g_return_val_if_fail (row < page->n_rows && column < page->n_columns, NULL);

  return page->cells[(gsize) row * page->n_columns + column];
}

void
equity_column_summary_free (EquityColumnSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->min);
  g_free (summary->max);
  g_free (summary);
}

static void
equity_table_query_finalize (GObject *object)
{
  EquityTableQuery *self = EQUITY_TABLE_QUERY (object);

  g_clear_object (&self->project);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->table, g_free);
  g_clear_pointer (&self->types, g_free);
  g_clear_pointer (&self->filter, g_free);
  g_clear_pointer (&self->rowids, g_array_unref);

  G_OBJECT_CLASS (equity_table_query_parent_class)->finalize (object);
}

static void
equity_table_query_class_init (EquityTableQueryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = equity_table_query_finalize;
}

static void
equity_table_query_init (EquityTableQuery *self)
{
  self->sort_column = -1;
  self->ascending = TRUE;
}

EquityTableQuery *
equity_table_query_new (EquityProject *project,
                        EquityDataset *dataset,
                        int            sort_column,
                        gboolean       ascending,
                        const char    *filter)
{
  EquityTableQuery *self;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (EQUITY_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (sort_column < (int) equity_dataset_get_n_columns (dataset), NULL);

  self = g_object_new (EQUITY_TYPE_TABLE_QUERY, NULL);
  self->project = g_object_ref (project);
  self->dataset = g_object_ref (dataset);
  self->path = g_strdup (equity_project_get_path (project));
  self->table = g_strdup (equity_dataset_get_table_name (dataset));
  self->n_columns = equity_dataset_get_n_columns (dataset);
  self->types = g_new0 (EquityColumnType, MAX (self->n_columns, 1));
  for (guint i = 0; i < self->n_columns; i++)
    self->types[i] = equity_column_get_column_type (equity_dataset_get_column (dataset, i));
  self->ascending = !!ascending;
  if (sort_column >= 0 && self->types[sort_column] != EQUITY_COLUMN_TYPE_GEOMETRY)
    self->sort_column = sort_column;
  if (filter != NULL && filter[0] != '\0')
    self->filter = g_strdup (filter);

  return self;
}

EquityDataset *
equity_table_query_get_dataset (EquityTableQuery *self)
{
  g_return_val_if_fail (EQUITY_IS_TABLE_QUERY (self), NULL);
  return self->dataset;
}

int
equity_table_query_get_sort_column (EquityTableQuery *self)
{
  g_return_val_if_fail (EQUITY_IS_TABLE_QUERY (self), -1);
  return self->sort_column;
}

gboolean
equity_table_query_get_ascending (EquityTableQuery *self)
{
  g_return_val_if_fail (EQUITY_IS_TABLE_QUERY (self), TRUE);
  return self->ascending;
}

const char *
equity_table_query_get_filter (EquityTableQuery *self)
{
  g_return_val_if_fail (EQUITY_IS_TABLE_QUERY (self), NULL);
  return self->filter;
}

gboolean
equity_table_query_can_sort (EquityTableQuery *self,
                             guint             position)
{
  g_return_val_if_fail (EQUITY_IS_TABLE_QUERY (self), FALSE);
  return position < self->n_columns && self->types[position] != EQUITY_COLUMN_TYPE_GEOMETRY;
}

gboolean
equity_table_query_is_ready (EquityTableQuery *self)
{
  g_return_val_if_fail (EQUITY_IS_TABLE_QUERY (self), FALSE);
  return self->ready;
}

guint64
equity_table_query_get_n_rows (EquityTableQuery *self)
{
  g_return_val_if_fail (EQUITY_IS_TABLE_QUERY (self), 0);
  return self->n_rows;
}

/* SQL */

/* " WHERE (c1 LIKE ?1 ESCAPE '\' OR …)", or "" without a filter. The
 * pattern is bound, never spliced in. */
static void
append_where (EquityTableQuery *self,
              GString          *sql)
{
  gboolean any = FALSE;

  if (self->filter == NULL)
    return;

  g_string_append (sql, " WHERE (");
  for (guint i = 0; i < self->n_columns; i++)
    {
      if (self->types[i] != EQUITY_COLUMN_TYPE_TEXT && self->types[i] != EQUITY_COLUMN_TYPE_DATE)
        continue;
      g_string_append_printf (sql, "%sc%u LIKE ?1 ESCAPE '\\'", any ? " OR " : "", i);
      any = TRUE;
    }
  /* nothing to search in: nothing matches */
  if (!any)
    g_string_append (sql, "0");
  g_string_append (sql, ")");
}

static char *
like_pattern (const char *filter)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = filter; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

static void
bind_filter (EquityTableQuery *self,
             sqlite3_stmt     *stmt)
{
  if (self->filter != NULL && sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_text (stmt, 1, like_pattern (self->filter), -1, g_free);
}

static int
progress_handler_cb (void *data)
{
  /* non-zero interrupts the statement */
  return g_cancellable_is_cancelled (data);
}

/* A read-only connection of the calling thread's own. */
static sqlite3 *
open_reader (EquityTableQuery  *self,
             GCancellable      *cancellable,
             GError           **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_FAILED, _("Could not open “%s”: %s"),
                   self->path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);
  /* sorts of a million rows want more than the default 2 MB of cache */
  sqlite3_exec (db, "PRAGMA cache_size = -65536", NULL, NULL, NULL);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, PROGRESS_OPS, progress_handler_cb, cancellable);

  return db;
}

static gboolean
set_step_error (sqlite3       *db,
                int            rc,
                GCancellable  *cancellable,
                GError       **error)
{
  if (rc == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  equity_schema_set_error (db, error, _("Could not read the dataset"));
  return FALSE;
}

/* The one row SQL gives (a count), or NULL with ERROR set. */
static sqlite3_stmt *
select_one_row (sqlite3       *db,
                const char    *sql,
                GCancellable  *cancellable,
                GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      equity_schema_set_error (db, error, _("Could not read the dataset"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_step_error (db, rc, cancellable, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

static void
append_order (EquityTableQuery *self,
              GString          *sql)
{
  const char *direction = self->ascending ? "ASC" : "DESC";

  if (self->sort_column < 0)
    {
      g_string_append (sql, " ORDER BY rowid");
      return;
    }

  g_string_append_printf (sql, " ORDER BY c%d%s %s NULLS LAST, rowid",
                          self->sort_column,
                          self->types[self->sort_column] == EQUITY_COLUMN_TYPE_TEXT ? " COLLATE NOCASE" : "",
                          direction);
}

gboolean
equity_table_query_run (EquityTableQuery    *self,
                        EquityProgressFunc   progress,
                        gpointer             progress_data,
                        GCancellable        *cancellable,
                        GError             **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GArray) rowids = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  guint64 expected;
  int rc;

  g_return_val_if_fail (EQUITY_IS_TABLE_QUERY (self), FALSE);
  g_return_val_if_fail (!self->ready, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  db = open_reader (self, cancellable, error);
  if (db == NULL)
    return FALSE;

  /* File order over every row: rows are numbered from the first rowid when
   * the rowids have no gaps, as after an import. */
  if (self->filter == NULL && self->sort_column < 0)
    {
      g_string_printf (sql, "SELECT count(*), min(rowid), max(rowid) FROM %s", self->table);
      stmt = select_one_row (db, sql->str, cancellable, error);
      if (stmt == NULL)
        goto failed;
      self->n_rows = sqlite3_column_int64 (stmt, 0);
      self->first_rowid = sqlite3_column_int64 (stmt, 1);
      if (self->n_rows == 0 ||
          (guint64) (sqlite3_column_int64 (stmt, 2) - self->first_rowid + 1) == self->n_rows)
        {
          sqlite3_finalize (stmt);
          sqlite3_close (db);
          self->ready = TRUE;
          return TRUE;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  g_string_printf (sql, "SELECT count(*) FROM %s", self->table);
  stmt = select_one_row (db, sql->str, cancellable, error);
  if (stmt == NULL)
    goto failed;
  expected = MAX (sqlite3_column_int64 (stmt, 0), 1);
  g_clear_pointer (&stmt, sqlite3_finalize);

  g_string_printf (sql, "SELECT rowid FROM %s", self->table);
  append_where (self, sql);
  append_order (self, sql);
  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    goto sql_error;
  bind_filter (self, stmt);

  if (progress != NULL)
    progress (-1.0, progress_data);

  rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
      if (progress != NULL && rowids->len % 65536 == 0)
        progress ((double) rowids->len / expected, progress_data);
    }
  if (rc != SQLITE_DONE)
    {
      set_step_error (db, rc, cancellable, error);
      goto failed;
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  self->n_rows = rowids->len;
  self->rowids = g_steal_pointer (&rowids);
  self->ready = TRUE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;

sql_error:
  equity_schema_set_error (db, error, _("Could not read the dataset"));
failed:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return FALSE;
}

static void
append_columns (EquityTableQuery *self,
                GString          *sql)
{
  g_string_append (sql, "SELECT rowid");
  for (guint i = 0; i < self->n_columns; i++)
    g_string_append_printf (sql, ", c%u", i);
  g_string_append_printf (sql, " FROM %s", self->table);
}

static void
read_row (EquityTableQuery *self,
          sqlite3_stmt     *stmt,
          EquityTablePage  *page,
          guint             row)
{
  page->rowids[row] = sqlite3_column_int64 (stmt, 0);
  for (guint c = 0; c < self->n_columns; c++)
    page->cells[(gsize) row * self->n_columns + c] = equity_cell_text (stmt, c + 1);
}

EquityTablePage *
equity_table_query_fetch (EquityTableQuery  *self,
                          guint64            first,
                          guint              n,
                          GError           **error)
{
  g_autoptr(EquityTablePage) page = g_new0 (EquityTablePage, 1);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (EQUITY_IS_TABLE_QUERY (self), NULL);
  g_return_val_if_fail (self->ready, NULL);

  db = equity_project_get_db (self->project);
  if (db == NULL)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_FAILED, _("The project is closed"));
      return NULL;
    }

  n = first < self->n_rows ? (guint) MIN ((guint64) n, self->n_rows - first) : 0;
  page->first = first;
  page->n_columns = self->n_columns;
  page->rowids = g_new0 (gint64, MAX (n, 1));
  page->cells = g_new0 (char *, MAX ((gsize) n * self->n_columns, 1));
  if (n == 0)
    return g_steal_pointer (&page);

  append_columns (self, sql);
  if (self->rowids == NULL)
    g_string_append (sql, " WHERE rowid >= ?1 ORDER BY rowid LIMIT ?2");
  else
    g_string_append (sql, " WHERE rowid = ?1");

  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      equity_schema_set_error (db, error, _("Could not read the dataset"));
      return NULL;
    }

  if (self->rowids == NULL)
    {
      /* a range of rowids: one walk down the table's b-tree */
      sqlite3_bind_int64 (stmt, 1, self->first_rowid + (gint64) first);
      sqlite3_bind_int64 (stmt, 2, n);
      while (page->n_rows < n && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        read_row (self, stmt, page, page->n_rows++);
    }
  else
    {
      /* rows in the recorded order: one lookup each */
      for (guint i = 0; i < n; i++)
        {
          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, g_array_index (self->rowids, gint64, first + i));
          rc = sqlite3_step (stmt);
          if (rc != SQLITE_ROW)
            break;
          read_row (self, stmt, page, page->n_rows++);
          rc = SQLITE_DONE;
        }
    }

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      equity_schema_set_error (db, error, _("Could not read the dataset"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&page);
}

/* Summaries */

#define has_range(type) ((type) == EQUITY_COLUMN_TYPE_INTEGER || (type) == EQUITY_COLUMN_TYPE_REAL || \
                         (type) == EQUITY_COLUMN_TYPE_DATE)
#define has_distinct(type) ((type) == EQUITY_COLUMN_TYPE_INTEGER || (type) == EQUITY_COLUMN_TYPE_TEXT || \
                            (type) == EQUITY_COLUMN_TYPE_DATE)

GPtrArray *
equity_table_query_summarize (EquityTableQuery  *self,
                              GCancellable      *cancellable,
                              GError           **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*)");
  g_autoptr(GPtrArray) summaries = NULL;
  sqlite3_stmt *stmt = NULL;
  guint64 n_rows;
  sqlite3 *db;
  int rc;
  int index = 1;

  g_return_val_if_fail (EQUITY_IS_TABLE_QUERY (self), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* one pass over the table for every column */
  for (guint i = 0; i < self->n_columns; i++)
    {
      EquityColumnType type = self->types[i];

      g_string_append_printf (sql, ", count(c%u)", i);
      if (has_range (type))
        g_string_append_printf (sql, ", min(c%u), max(c%u)", i, i);
      if (type == EQUITY_COLUMN_TYPE_INTEGER || type == EQUITY_COLUMN_TYPE_REAL)
        g_string_append_printf (sql, ", avg(c%u)", i);
      if (has_distinct (type))
        g_string_append_printf (sql, ", count(DISTINCT c%u)", i);
    }
  g_string_append_printf (sql, " FROM %s", self->table);
  append_where (self, sql);

  db = open_reader (self, cancellable, error);
  if (db == NULL)
    return NULL;

  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      equity_schema_set_error (db, error, _("Could not read the dataset"));
      sqlite3_close (db);
      return NULL;
    }
  bind_filter (self, stmt);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_step_error (db, rc, cancellable, error);
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      return NULL;
    }

  n_rows = sqlite3_column_int64 (stmt, 0);
  summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) equity_column_summary_free);
  for (guint i = 0; i < self->n_columns; i++)
    {
      EquityColumnSummary *summary = g_new0 (EquityColumnSummary, 1);
      EquityColumnType type = self->types[i];

      summary->type = type;
      summary->n_rows = n_rows;
      summary->n_nulls = n_rows - sqlite3_column_int64 (stmt, index++);
      if (has_range (type))
        {
          summary->min = equity_cell_text (stmt, index++);
          summary->max = equity_cell_text (stmt, index++);
        }
      if (type == EQUITY_COLUMN_TYPE_INTEGER || type == EQUITY_COLUMN_TYPE_REAL)
        {
          summary->has_mean = sqlite3_column_type (stmt, index) != SQLITE_NULL;
          summary->mean = sqlite3_column_double (stmt, index++);
        }
      if (has_distinct (type))
        {
          summary->has_distinct = TRUE;
          summary->n_distinct = sqlite3_column_int64 (stmt, index++);
        }
      g_ptr_array_add (summaries, summary);
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_steal_pointer (&summaries);
}
