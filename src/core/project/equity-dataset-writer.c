/* equity-dataset-writer.c — a new dataset's rows written in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-project"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-dataset-writer.h"
#include "equity-project-file.h"
#include "equity-project-private.h"
#include "equity-schema.h"

/* One statement run per row costs SQLite more than storing the row: an
 * INSERT carries up to this many rows. */
#define ROWS_PER_INSERT 32

struct _EquityDatasetWriter
{
  EquityProject *project;
  EquityDataset *dataset;
  sqlite3       *db;
  sqlite3_stmt  *insert_one;
  sqlite3_stmt  *insert_many;   /* NULL when a statement takes one row */
  sqlite3_stmt  *insert_box;    /* NULL without geometries */
  guint          n_columns;
  guint          rows_per_insert;
  guint64        n_rows;
  gboolean       open;          /* the transaction is ours to end */
  gboolean       rollback_journal;  /* the log is set aside until the end */
};

/* Under the write-ahead log every page of a new table is written twice: into
 * the log, then by the checkpoint into the file. A bulk load under a
 * rollback journal writes its pages once, straight into the file, and stays
 * atomic: pages past the file's old end need no journal (a rollback, or the
 * next open after a crash, cuts the file back), the few changed ones (the
 * catalog) are journaled first. Switching needs the only connection to the
 * file, so while another one (the window's) has it open the log stays;
 * asked without waiting, the switch costs nothing then. A project we may
 * not write keeps its journal: equity_project_begin() refuses it next. */
static gboolean
set_rollback_journal (EquityProject *project)
{
  sqlite3 *db = equity_project_get_db (project);
  sqlite3_stmt *stmt = NULL;
  gboolean set = FALSE;

  if (equity_project_is_read_only (project))
    return FALSE;
  sqlite3_busy_timeout (db, 0);
  if (sqlite3_prepare_v2 (db, "PRAGMA journal_mode = DELETE", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    set = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "delete") == 0;
  sqlite3_finalize (stmt);
  sqlite3_busy_timeout (db, EQUITY_PROJECT_BUSY_TIMEOUT_MS);
  return set;
}

/* back to the project's log once the transaction is over, either way */
static void
restore_log (EquityDatasetWriter *self)
{
  if (!self->rollback_journal)
    return;
  self->rollback_journal = FALSE;
  if (sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Could not return “%s” to its write-ahead log: %s",
               equity_project_get_path (self->project), sqlite3_errmsg (self->db));
}

void
equity_dataset_writer_free (EquityDatasetWriter *self)
{
  if (self == NULL)
    return;
  sqlite3_finalize (self->insert_one);
  sqlite3_finalize (self->insert_many);
  sqlite3_finalize (self->insert_box);
  /* nothing of an unfinished dataset stays: the catalog and the table go together */
  if (self->open)
    equity_project_rollback (self->project);
  restore_log (self);
  g_clear_object (&self->dataset);
  g_clear_object (&self->project);
  g_free (self);
}

static sqlite3_stmt *
prepare_insert (EquityDatasetWriter  *self,
                guint                 n_rows,
                GError              **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  /* table names are generated ("ds_3"), never the user's */
  g_string_append_printf (sql, "INSERT INTO %s VALUES ", equity_dataset_get_table_name (self->dataset));
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r ? ", (" : "(");
      for (guint i = 0; i < self->n_columns; i++)
        g_string_append (sql, i ? ", ?" : "?");
      g_string_append_c (sql, ')');
    }
  if (sqlite3_prepare_v3 (self->db, sql->str, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      equity_schema_set_error (self->db, error, _("Could not prepare the import"));
      return NULL;
    }
  return stmt;
}

/* bounding boxes in an R*Tree beside the table */
static gboolean
prepare_boxes (EquityDatasetWriter  *self,
               GError              **error)
{
  const char *table = equity_dataset_get_bbox_table_name (self->dataset);
  g_autofree char *create = NULL;
  g_autofree char *fill = NULL;

  if (table == NULL)
    return TRUE;
  create = g_strdup_printf ("CREATE VIRTUAL TABLE %s USING rtree (id, min_x, max_x, min_y, max_y)", table);
  fill = g_strdup_printf ("INSERT INTO %s VALUES (?1, ?2, ?3, ?4, ?5)", table);
  if (!equity_project_exec (self->project, create, error))
    return FALSE;
  if (sqlite3_prepare_v2 (self->db, fill, -1, &self->insert_box, NULL) != SQLITE_OK)
    {
      equity_schema_set_error (self->db, error, _("Could not prepare the import"));
      return FALSE;
    }
  return TRUE;
}

EquityDatasetWriter *
equity_dataset_writer_begin (EquityProject  *project,
                             const char     *name,
                             const char     *source,
                             const char     *format,
                             GPtrArray      *columns,
                             guint           max_rows_per_append,
                             GError        **error)
{
  g_autoptr(EquityDatasetWriter) self = NULL;
  guint max_params;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (columns != NULL, NULL);

  self = g_new0 (EquityDatasetWriter, 1);
  self->project = g_object_ref (project);
  self->db = equity_project_get_db (project);
  self->rollback_journal = set_rollback_journal (project);
  if (!equity_project_begin (project, error))
    return NULL;
  self->open = TRUE;
  self->n_columns = columns->len;

  self->dataset = equity_project_create_dataset (project, name, source, format, columns, error);
  if (self->dataset == NULL)
    return NULL;

  /* as many rows as a statement may have parameters for */
  max_params = sqlite3_limit (self->db, SQLITE_LIMIT_VARIABLE_NUMBER, -1);
  self->rows_per_insert = MIN (MIN (ROWS_PER_INSERT, max_params / MAX (self->n_columns, 1)),
                               MAX (max_rows_per_append, 1));
  self->insert_one = prepare_insert (self, 1, error);
  if (self->insert_one == NULL)
    return NULL;
  if (self->rows_per_insert > 1)
    {
      self->insert_many = prepare_insert (self, self->rows_per_insert, error);
      if (self->insert_many == NULL)
        return NULL;
    }
  else
    self->rows_per_insert = 1;
  if (!prepare_boxes (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

guint
equity_dataset_writer_get_rows_per_insert (EquityDatasetWriter *self)
{
  g_return_val_if_fail (self != NULL, 1);
  return self->rows_per_insert;
}

gboolean
equity_dataset_writer_wants_boxes (EquityDatasetWriter *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->insert_box != NULL;
}

static int
bind_cell (sqlite3_stmt     *insert,
           int               param,
           const EquityCell *cell)
{
  /* the cells outlive the statement's run: no copies */
  switch (cell->kind)
    {
    case EQUITY_CELL_INTEGER:
      return sqlite3_bind_int64 (insert, param, cell->v.integer);
    case EQUITY_CELL_REAL:
      return sqlite3_bind_double (insert, param, cell->v.real);
    case EQUITY_CELL_TEXT:
      return sqlite3_bind_text64 (insert, param, cell->v.data, cell->length, SQLITE_STATIC, SQLITE_UTF8);
    case EQUITY_CELL_BLOB:
      return sqlite3_bind_blob64 (insert, param, cell->v.data, cell->length, SQLITE_STATIC);
    case EQUITY_CELL_NULL:
    default:
      return sqlite3_bind_null (insert, param);
    }
}

/* the boxes of the N_ROWS rows the last statement stored */
static gboolean
store_boxes (EquityDatasetWriter  *self,
             const double         *boxes,
             guint                 n_rows,
             GError              **error)
{
  /* a new table's rows take consecutive ids, one statement's too */
  gint64 first_id = sqlite3_last_insert_rowid (self->db) - n_rows + 1;

  for (guint r = 0; r < n_rows; r++)
    {
      const double *box = boxes + 4 * r;

      if (isnan (box[0]))
        continue;
      sqlite3_bind_int64 (self->insert_box, 1, first_id + r);
      for (guint i = 0; i < 4; i++)
        sqlite3_bind_double (self->insert_box, i + 2, box[i]);
      if (sqlite3_step (self->insert_box) != SQLITE_DONE)
        {
          sqlite3_reset (self->insert_box);
          equity_schema_set_error (self->db, error, _("Could not store a row"));
          return FALSE;
        }
      sqlite3_reset (self->insert_box);
    }
  return TRUE;
}

gboolean
equity_dataset_writer_append (EquityDatasetWriter  *self,
                              const EquityCell     *cells,
                              const double         *boxes,
                              guint                 n_rows,
                              GError              **error)
{
  guint row = 0;

  g_return_val_if_fail (self != NULL && self->open, FALSE);

  while (row < n_rows)
    {
      gboolean many = self->insert_many != NULL && n_rows - row >= self->rows_per_insert;
      sqlite3_stmt *insert = many ? self->insert_many : self->insert_one;
      guint n = many ? self->rows_per_insert : 1;
      const EquityCell *first = cells + (gsize) row * self->n_columns;
      int rc = SQLITE_OK;

      for (guint i = 0; i < n * self->n_columns && rc == SQLITE_OK; i++)
        rc = bind_cell (insert, i + 1, &first[i]);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (insert);
      sqlite3_reset (insert);
      if (rc != SQLITE_DONE)
        {
          equity_schema_set_error (self->db, error, _("Could not store a row"));
          return FALSE;
        }
      if (boxes != NULL && self->insert_box != NULL && !store_boxes (self, boxes + 4 * (gsize) row, n, error))
        return FALSE;
      row += n;
      self->n_rows += n;
    }
  return TRUE;
}

gboolean
equity_dataset_writer_finish (EquityDatasetWriter  *self,
                              const guint64        *n_nulls,
                              GError              **error)
{
  g_return_val_if_fail (self != NULL && self->open, FALSE);

  for (guint i = 0; i < self->n_columns; i++)
    equity_column_set_n_nulls (equity_dataset_get_column (self->dataset, i), n_nulls[i]);
  if (!equity_project_finish_dataset (self->project, self->dataset, self->n_rows, error) ||
      !equity_project_commit (self->project, error))
    {
      equity_project_rollback (self->project);
      self->open = FALSE;
      restore_log (self);
      return FALSE;
    }
  self->open = FALSE;
  restore_log (self);
  return TRUE;
}
