/* equity-project-analyses.c — saved analyses: list, save, read, who uses a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "equity-error.h"
#include "equity-project-private.h"
#include "equity-saved-analysis.h"
#include "equity-schema.h"

gboolean
_equity_project_load_analyses (EquityProject  *self,
                               GError        **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _equity_project_prepare (self, "SELECT name, kind, updated_at FROM analyses ORDER BY name COLLATE NOCASE", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) updated = _equity_project_parse_time ((const char *) sqlite3_column_text (stmt, 2));

      g_ptr_array_add (items,
                       equity_saved_analysis_new ((const char *) sqlite3_column_text (stmt, 0),
                                                  (const char *) sqlite3_column_text (stmt, 1),
                                                  updated));
    }
  if (!_equity_project_rows_done (self, stmt, rc, _("Could not read the saved analyses"), error))
    return FALSE;

  g_list_store_splice (self->analyses, 0, g_list_model_get_n_items (G_LIST_MODEL (self->analyses)),
                       items->pdata, items->len);
  return TRUE;
}
GListModel *
equity_project_get_analyses (EquityProject *self)
{
  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->analyses);
}

EquitySavedAnalysis *
equity_project_find_analysis (EquityProject *self,
                              const char    *name)
{
  GListModel *analyses;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  analyses = G_LIST_MODEL (self->analyses);
  for (guint i = 0; i < g_list_model_get_n_items (analyses); i++)
    {
      g_autoptr(EquitySavedAnalysis) analysis = g_list_model_get_item (analyses, i);

      if (g_strcmp0 (equity_saved_analysis_get_name (analysis), name) == 0)
        return analysis;   /* the store keeps it alive */
    }
  return NULL;
}

gboolean
_equity_project_rows_done (EquityProject  *self,
                           sqlite3_stmt   *stmt,
                           int             rc,
                           const char     *what,
                           GError        **error)
{
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      equity_schema_set_error (self->db, error, what);
      return FALSE;
    }
  return TRUE;
}

gboolean
_equity_project_step_done (EquityProject  *self,
                           sqlite3_stmt   *stmt,
                           const char     *what,
                           GError        **error)
{
  return _equity_project_rows_done (self, stmt, sqlite3_step (stmt), what, error);
}

gboolean
equity_project_save_analysis (EquityProject  *self,
                              const char     *name,
                              const char     *kind,
                              const char     *spec,
                              GArray         *dataset_ids,
                              GError        **error)
{
  g_autofree char *now = _equity_project_now_iso8601 ();
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (kind != NULL && spec != NULL && dataset_ids != NULL, FALSE);

  if (!_equity_project_validate_name (name, _("analysis"), error))
    return FALSE;
  if (!equity_project_begin (self, error))
    return FALSE;

  stmt = _equity_project_prepare (self,
                                  "INSERT INTO analyses (name, kind, spec, bound, created_at, updated_at) "
                                  "VALUES (?1, ?2, ?3, 1, ?4, ?4) "
                                  "ON CONFLICT (name) DO UPDATE SET kind = ?2, spec = ?3, bound = 1, updated_at = ?4",
                                  &local_error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, spec, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!_equity_project_step_done (self, stmt, _("Could not save the analysis"), &local_error))
    goto failed;

  stmt = _equity_project_prepare (self,
                                  "DELETE FROM analysis_datasets WHERE analysis_id = (SELECT id FROM analyses WHERE name = ?1)",
                                  &local_error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!_equity_project_step_done (self, stmt, _("Could not save the analysis"), &local_error))
    goto failed;

  for (guint i = 0; i < dataset_ids->len; i++)
    {
      stmt = _equity_project_prepare (self,
                                      "INSERT OR IGNORE INTO analysis_datasets (analysis_id, dataset_id) "
                                      "SELECT id, ?2 FROM analyses WHERE name = ?1",
                                      &local_error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, g_array_index (dataset_ids, gint64, i));
      if (!_equity_project_step_done (self, stmt, _("Could not save the analysis"), &local_error))
        goto failed;
    }

  if (!equity_project_log (self, "save-analysis", name, &local_error)
      || !equity_project_commit (self, &local_error))
    goto failed;
  return _equity_project_load_analyses (self, error);

failed:
  equity_project_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

char *
equity_project_dup_analysis_spec (EquityProject  *self,
                                  const char     *name,
                                  gboolean       *bound,
                                  GError        **error)
{
  char *spec = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);

  stmt = _equity_project_prepare (self, "SELECT spec, bound FROM analyses WHERE name = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      spec = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (bound != NULL)
        *bound = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_finalize (stmt);

  if (spec == NULL)
    g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
                 _("The project has no analysis named “%s”"), name);
  return spec;
}

/* The first column of every row of STMT, as a NULL-terminated array. */
static char **
collect_names (EquityProject  *self,
               sqlite3_stmt   *stmt,
               GError        **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 0));
  if (!_equity_project_rows_done (self, stmt, rc, _("Could not read the saved analyses"), error))
    return NULL;
  return g_strv_builder_end (names);
}

char **
equity_project_list_analyses_using (EquityProject  *self,
                                    EquityDataset  *dataset,
                                    GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (EQUITY_IS_DATASET (dataset), NULL);

  stmt = _equity_project_prepare (self,
                                  "SELECT a.name FROM analyses a JOIN analysis_datasets d ON d.analysis_id = a.id "
                                  "WHERE d.dataset_id = ?1 ORDER BY a.name COLLATE NOCASE",
                                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, equity_dataset_get_id (dataset));
  return collect_names (self, stmt, error);
}

char **
equity_project_list_unbound_analyses (EquityProject  *self,
                                      GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);

  stmt = _equity_project_prepare (self, "SELECT name FROM analyses WHERE bound = 0 ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  return collect_names (self, stmt, error);
}

char *
equity_project_dup_analysis_name (EquityProject  *self,
                                  gint64          analysis_id,
                                  GError        **error)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);

  stmt = _equity_project_prepare (self, "SELECT name FROM analyses WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, analysis_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (name == NULL)
    g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
                 _("The saved analysis this indicator measures has been deleted"));
  return name;
}

gint64
equity_project_get_analysis_id (EquityProject  *self,
                                const char     *analysis_name,
                                GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), 0);

  stmt = _equity_project_prepare (self, "SELECT id FROM analyses WHERE name = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, analysis_name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (id == 0)
    g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
                 _("The project has no analysis named “%s”"), analysis_name);
  return id;
}
