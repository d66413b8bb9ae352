/* equity-project-catalog.c — datasets and their columns: load, create, rename, delete, roles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-project"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-error.h"
#include "equity-project-private.h"
#include "equity-schema.h"

GDateTime *
_equity_project_parse_time (const char *text)
{
  return text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

/* Finalizes STMT; an error with MESSAGE unless its last step (RC) was done. */
static gboolean
finish_statement (EquityProject  *self,
                  sqlite3_stmt   *stmt,
                  int             rc,
                  const char     *message,
                  GError        **error)
{
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  equity_schema_set_error (self->db, error, message);
  return FALSE;
}

static gboolean
load_columns (EquityProject  *self,
              EquityDataset  *dataset,
              GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _equity_project_prepare (self,
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
  if (!finish_statement (self, stmt, rc, _("Could not read the dataset catalog"), error))
    return FALSE;
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

  stmt = _equity_project_prepare (self,
                                  "SELECT id, name, source, format, imported_at, row_count FROM datasets "
                                  "ORDER BY name COLLATE NOCASE", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EquityDataset *dataset = equity_dataset_new (sqlite3_column_int64 (stmt, 0),
                                                   (const char *) sqlite3_column_text (stmt, 1));
      g_autoptr(GDateTime) imported = _equity_project_parse_time ((const char *) sqlite3_column_text (stmt, 4));

      equity_dataset_set_source (dataset, (const char *) sqlite3_column_text (stmt, 2));
      equity_dataset_set_format (dataset, (const char *) sqlite3_column_text (stmt, 3));
      equity_dataset_set_imported_at (dataset, imported);
      equity_dataset_set_n_rows (dataset, sqlite3_column_int64 (stmt, 5));
      g_ptr_array_add (items, dataset);
    }
  if (!finish_statement (self, stmt, rc, _("Could not read the dataset catalog"), error))
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    if (!load_columns (self, g_ptr_array_index (items, i), error))
      return FALSE;

  if (!_equity_project_load_analyses (self, error))
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

EquityDataset *
equity_project_get_dataset (EquityProject  *self,
                            const char     *name,
                            GError        **error)
{
  EquityDataset *dataset = equity_project_find_dataset (self, name);

  if (dataset == NULL)
    g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND, _("%s: the project has no dataset named “%s”"),
                 self->path, name);
  return dataset;
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

gboolean
_equity_project_validate_name (const char  *name,
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

  if (!_equity_project_validate_name (new_name, _("dataset"), error))
    return FALSE;
  if (g_strcmp0 (new_name, equity_dataset_get_name (dataset)) == 0)
    return TRUE;
  if (equity_project_find_dataset (self, new_name) != NULL)
    {
      set_dataset_name_taken_error (self, new_name, error);
      return FALSE;
    }

  stmt = _equity_project_prepare (self, "UPDATE datasets SET name = ?1 WHERE id = ?2", error);
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
  _equity_project_emit_dataset_renamed (self, old_name, new_name);
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
  stmt = _equity_project_prepare (self,
                                  "INSERT INTO metadata (key, value) VALUES ('last_deleted_dataset_id', ?1) "
                                  "ON CONFLICT (key) DO UPDATE SET value = MAX(CAST(value AS INTEGER), ?1)",
                                  &local_error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, equity_dataset_get_id (dataset));
  if (!finish_statement (self, stmt, sqlite3_step (stmt), _("Could not delete the dataset"), &local_error))
    goto failed;

  drop = g_strdup_printf ("DROP TABLE IF EXISTS %s", equity_dataset_get_table_name (dataset));
  if (!_equity_project_exec_sql (self, drop, &local_error))
    goto failed;
  if (equity_dataset_get_bbox_table_name (dataset) != NULL)
    {
      g_autofree char *drop_bbox = g_strdup_printf ("DROP TABLE IF EXISTS %s",
                                                    equity_dataset_get_bbox_table_name (dataset));
      if (!_equity_project_exec_sql (self, drop_bbox, &local_error))
        goto failed;
    }

  stmt = _equity_project_prepare (self, "DELETE FROM datasets WHERE id = ?1", &local_error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, equity_dataset_get_id (dataset));
  if (!finish_statement (self, stmt, sqlite3_step (stmt), _("Could not delete the dataset"), &local_error))
    goto failed;

  if (!equity_project_log (self, "delete-dataset", name, &local_error) ||
      !equity_project_commit (self, &local_error))
    goto failed;

  return equity_project_reload_catalog (self, error);

failed:
  equity_project_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
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
  g_autofree char *now = _equity_project_now_iso8601 ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (columns != NULL, NULL);

  if (!_equity_project_validate_name (name, _("dataset"), error))
    return NULL;
  if (equity_project_find_dataset (self, name) != NULL)
    {
      set_dataset_name_taken_error (self, name, error);
      return NULL;
    }

  stmt = _equity_project_prepare (self,
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
    g_autoptr(GDateTime) imported = _equity_project_parse_time (now);
    equity_dataset_set_imported_at (dataset, imported);
  }

  stmt = _equity_project_prepare (self,
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
  if (!_equity_project_exec_sql (self, create->str, error))
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

  stmt = _equity_project_prepare (self, "UPDATE datasets SET row_count = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, n_rows);
  sqlite3_bind_int64 (stmt, 2, equity_dataset_get_id (dataset));
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  /* Null counts are known only once every row is in. */
  stmt = _equity_project_prepare (self, "UPDATE dataset_columns SET n_nulls = ?1 WHERE dataset_id = ?2 AND position = ?3", error);
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

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (EQUITY_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (EQUITY_IS_COLUMN (column), FALSE);

  stmt = _equity_project_prepare (self,
                                  "UPDATE dataset_columns SET role = ?1, moe_of = ?2 WHERE dataset_id = ?3 AND position = ?4",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, equity_column_role_to_string (role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, moe_of, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, equity_dataset_get_id (dataset));
  sqlite3_bind_int (stmt, 4, equity_column_get_position (column));
  if (!finish_statement (self, stmt, sqlite3_step (stmt), _("Could not change the column’s role"), error))
    return FALSE;

  equity_column_set_role (column, role);
  equity_column_set_moe_of (column, moe_of);
  return TRUE;
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
