/* equity-dataset-reader.c — typed column scans of a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-project"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-dataset-reader.h"
#include "equity-error.h"
#include "equity-project-private.h"
#include "equity-schema.h"

struct _EquityDatasetReader
{
  sqlite3      *db;
  sqlite3_stmt *stmt;
  guint         n_columns;
  /* the filter's column comes after the caller's columns */
  gboolean      filtered;
  char         *filter_value;
  /* what a failure says: NULL for the analyses' wording */
  char         *what;
  /* per column: where peek_key() prints a number, or keeps a key it made */
  char        (*key_buffers)[G_ASCII_DTOSTR_BUF_SIZE];
  char        **peeked;
};

static void
set_read_error (EquityDatasetReader  *self,
                sqlite3              *db,
                GError              **error)
{
  if (self != NULL && self->what != NULL)
    equity_schema_set_error (db, error, self->what);
  else
    g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_FAILED, _("Could not read the project: %s"),
                 sqlite3_errmsg (db));
}

static EquityDatasetReader *
reader_prepare (EquityProject        *project,
                const char           *sql,
                guint                 n_columns,
                char                 *what,
                GError              **error)
{
  EquityDatasetReader *self = g_new0 (EquityDatasetReader, 1);

  self->db = equity_project_get_db (project);
  self->n_columns = n_columns;
  self->what = what;
  self->key_buffers = g_malloc0 (sizeof *self->key_buffers * MAX (n_columns, 1));
  self->peeked = g_new0 (char *, MAX (n_columns, 1));
  if (sqlite3_prepare_v2 (self->db, sql, -1, &self->stmt, NULL) != SQLITE_OK)
    {
      set_read_error (self, self->db, error);
      equity_dataset_reader_free (self);
      return NULL;
    }
  return self;
}

EquityDatasetReader *
equity_dataset_reader_new (EquityProject        *project,
                           EquityDataset        *dataset,
                           EquityColumn * const *columns,
                           guint                 n_columns,
                           EquityColumn         *filter_column,
                           const char           *filter_value,
                           GError              **error)
{
  return equity_dataset_reader_new_in_year (project, dataset, columns, n_columns,
                                            filter_column, filter_value, NULL, 0, error);
}

EquityDatasetReader *
equity_dataset_reader_new_in_year (EquityProject        *project,
                                   EquityDataset        *dataset,
                                   EquityColumn * const *columns,
                                   guint                 n_columns,
                                   EquityColumn         *filter_column,
                                   const char           *filter_value,
                                   EquityColumn         *year_column,
                                   int                   year,
                                   GError              **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  EquityDatasetReader *self;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (EQUITY_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (n_columns > 0 || filter_column != NULL, NULL);

  /* The dataset's names never reach SQL: its table is "ds_<id>", its
   * columns "c<position>". */
  for (guint i = 0; i < n_columns; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      if (columns[i] != NULL)
        g_string_append_printf (sql, "c%u", equity_column_get_position (columns[i]));
      else
        g_string_append (sql, "NULL");
    }
  if (filter_column != NULL)
    g_string_append_printf (sql, "%sc%u", n_columns > 0 ? ", " : "",
                            equity_column_get_position (filter_column));
  g_string_append_printf (sql, " FROM %s", equity_dataset_get_table_name (dataset));
  /* dates are stored as ISO 8601 text and years as numbers: both start with
   * the year's four digits */
  if (year_column != NULL)
    g_string_append_printf (sql, " WHERE substr(CAST(c%u AS TEXT), 1, 4) = '%04d'",
                            equity_column_get_position (year_column), year);
  g_string_append (sql, " ORDER BY rowid");

  self = reader_prepare (project, sql->str, n_columns, NULL, error);
  if (self != NULL && filter_column != NULL)
    {
      self->filtered = TRUE;
      self->filter_value = g_strdup (filter_value);
    }
  return self;
}

EquityDatasetReader *
equity_dataset_reader_new_page (EquityProject  *project,
                                EquityDataset  *dataset,
                                gint64          limit,
                                gint64          offset,
                                GError        **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  guint n_columns;
  EquityDatasetReader *self;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (EQUITY_IS_DATASET (dataset), NULL);

  n_columns = equity_dataset_get_n_columns (dataset);
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (sql, "%sc%u", i ? ", " : "", i);
  g_string_append_printf (sql, " FROM %s ORDER BY rowid LIMIT ?1 OFFSET ?2",
                          equity_dataset_get_table_name (dataset));

  /* SQLite's words name no file: say which dataset */
  self = reader_prepare (project, sql->str, n_columns,
                         g_strdup_printf (_("Could not read the dataset “%s”"),
                                          equity_dataset_get_name (dataset)),
                         error);
  if (self == NULL)
    return NULL;
  sqlite3_bind_int64 (self->stmt, 1, limit);
  sqlite3_bind_int64 (self->stmt, 2, offset);
  return self;
}

void
equity_dataset_reader_free (EquityDatasetReader *self)
{
  if (self == NULL)
    return;
  sqlite3_finalize (self->stmt);
  g_free (self->filter_value);
  g_free (self->what);
  g_free (self->key_buffers);
  for (guint i = 0; i < self->n_columns; i++)
    g_free (self->peeked[i]);
  g_free (self->peeked);
  g_free (self);
}

/* The key of any cell: the one place keys are normalised. */
char *
_equity_project_cell_key (sqlite3_stmt *stmt,
                          int           index)
{
  int type = sqlite3_column_type (stmt, index);

  if (type == SQLITE_FLOAT)
    {
      double value = sqlite3_column_double (stmt, index);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      /* 9.0 is the key 9: a code read as a number must still match its text */
      if (value == floor (value) && fabs (value) < 1e15)
        return g_strdup_printf ("%.0f", value);
      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
    }
  if (type == SQLITE_INTEGER)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, index));
  /* text as stored; NULL for NULL */
  return g_strdup ((const char *) sqlite3_column_text (stmt, index));
}

gboolean
equity_dataset_reader_next (EquityDatasetReader  *self,
                            GError              **error)
{
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);

  while ((rc = sqlite3_step (self->stmt)) == SQLITE_ROW)
    {
      g_autofree char *cell = NULL;

      if (!self->filtered)
        return TRUE;
      cell = _equity_project_cell_key (self->stmt, (int) self->n_columns);
      if (g_strcmp0 (cell, self->filter_value) == 0)
        return TRUE;
    }
  if (rc != SQLITE_DONE)
    set_read_error (self, self->db, error);
  return FALSE;
}

EquityCellKind
equity_dataset_reader_get_kind (EquityDatasetReader *self,
                                guint                index)
{
  switch (sqlite3_column_type (self->stmt, (int) index))
    {
    case SQLITE_NULL:
      return EQUITY_CELL_NULL;
    case SQLITE_INTEGER:
      return EQUITY_CELL_INTEGER;
    case SQLITE_FLOAT:
      return EQUITY_CELL_REAL;
    case SQLITE_BLOB:
      return EQUITY_CELL_BLOB;
    default:
      return EQUITY_CELL_TEXT;
    }
}

gboolean
equity_dataset_reader_is_null (EquityDatasetReader *self,
                               guint                index)
{
  return sqlite3_column_type (self->stmt, (int) index) == SQLITE_NULL;
}

double
equity_dataset_reader_get_double (EquityDatasetReader *self,
                                  guint                index)
{
  if (sqlite3_column_type (self->stmt, (int) index) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (self->stmt, (int) index);
}

gint64
equity_dataset_reader_get_int64 (EquityDatasetReader *self,
                                 guint                index)
{
  return sqlite3_column_int64 (self->stmt, (int) index);
}

const char *
equity_dataset_reader_get_text (EquityDatasetReader *self,
                                guint                index)
{
  return (const char *) sqlite3_column_text (self->stmt, (int) index);
}

const guint8 *
equity_dataset_reader_get_blob (EquityDatasetReader *self,
                                guint                index,
                                gsize               *length)
{
  const guint8 *data = sqlite3_column_blob (self->stmt, (int) index);

  *length = (gsize) sqlite3_column_bytes (self->stmt, (int) index);
  return data;
}

char *
equity_dataset_reader_dup_key (EquityDatasetReader *self,
                               guint                index)
{
  return _equity_project_cell_key (self->stmt, (int) index);
}

const char *
equity_dataset_reader_peek_key (EquityDatasetReader *self,
                                guint                index)
{
  char *buffer = self->key_buffers[index];

  switch (sqlite3_column_type (self->stmt, (int) index))
    {
    case SQLITE_NULL:
      return NULL;
    case SQLITE_TEXT:
      return (const char *) sqlite3_column_text (self->stmt, (int) index);
    case SQLITE_INTEGER:
      g_snprintf (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%" G_GINT64_FORMAT,
                  (gint64) sqlite3_column_int64 (self->stmt, (int) index));
      return buffer;
    default:
      g_free (self->peeked[index]);
      self->peeked[index] = _equity_project_cell_key (self->stmt, (int) index);
      return self->peeked[index];
    }
}

/* SQLite calls this every few thousand steps: a non-zero answer interrupts
 * the statement, so a cancelled GROUP BY over a million rows stops early. */
static int
progress_handler_cb (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

gboolean
equity_dataset_read_distinct (EquityProject       *project,
                              EquityDataset       *dataset,
                              EquityColumn        *column,
                              EquityColumn        *label_column,
                              GCancellable        *cancellable,
                              EquityDistinctFunc   func,
                              gpointer             user_data,
                              GError             **error)
{
  g_autofree char *label_sql = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  guint position;
  int rc;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (EQUITY_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (EQUITY_IS_COLUMN (column), FALSE);

  position = equity_column_get_position (column);
  if (label_column != NULL)
    label_sql = g_strdup_printf ("min(c%u)", equity_column_get_position (label_column));
  else
    label_sql = g_strdup ("NULL");

  /* Empty text is no value, as in the analyses. */
  sql = g_strdup_printf ("SELECT c%u, count(*), %s FROM %s "
                         "WHERE c%u IS NOT NULL AND c%u <> '' "
                         "GROUP BY c%u ORDER BY 2 DESC, 1",
                         position, label_sql, equity_dataset_get_table_name (dataset),
                         position, position, position);

  db = equity_project_get_db (project);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      equity_schema_set_error (db, error, _("Could not read the values of a column"));
      return FALSE;
    }

  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, progress_handler_cb, cancellable);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = _equity_project_cell_key (stmt, 0);

      if (key != NULL)
        func (key, (guint64) sqlite3_column_int64 (stmt, 1),
              (const char *) sqlite3_column_text (stmt, 2), user_data);
    }

  if (cancellable != NULL)
    sqlite3_progress_handler (db, 0, NULL, NULL);

  if (rc != SQLITE_DONE && !g_cancellable_set_error_if_cancelled (cancellable, error))
    equity_schema_set_error (db, error, _("Could not read the values of a column"));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

gboolean
equity_dataset_count_distinct (EquityProject        *project,
                               EquityDataset        *dataset,
                               EquityColumn * const *columns,
                               guint                 n_columns,
                               guint64              *counts,
                               GError              **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (EQUITY_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (n_columns > 0, FALSE);

  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (sql, "%scount(DISTINCT c%u)", i > 0 ? ", " : "",
                            equity_column_get_position (columns[i]));
  g_string_append_printf (sql, " FROM %s", equity_dataset_get_table_name (dataset));

  db = equity_project_get_db (project);
  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      equity_schema_set_error (db, error, _("Could not read the values of a column"));
      return FALSE;
    }
  memset (counts, 0, sizeof *counts * n_columns);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    for (guint i = 0; i < n_columns; i++)
      counts[i] = (guint64) sqlite3_column_int64 (stmt, (int) i);
  sqlite3_finalize (stmt);
  return TRUE;
}
