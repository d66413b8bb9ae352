/* equity-dataset-geometry.c — the areas of a spatial dataset, read from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "equity-dataset-geometry.h"
#include "equity-error.h"
#include "equity-project-private.h"

EquityAreaSet *
equity_dataset_load_areas (EquityProject  *project,
                           const char     *dataset_name,
                           const char     *key_column,
                           GError        **error)
{
  g_autoptr(EquityAreaSet) areas = NULL;
  g_autofree char *sql = NULL;
  EquityDataset *dataset;
  EquityColumn *geometry;
  EquityColumn *key;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (dataset_name != NULL, NULL);
  g_return_val_if_fail (key_column != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dataset = equity_project_find_dataset (project, dataset_name);
  if (dataset == NULL)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
                   _("No dataset “%s” in %s"), dataset_name, equity_project_get_path (project));
      return NULL;
    }
  geometry = equity_dataset_get_geometry_column (dataset);
  if (geometry == NULL)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                   _("Dataset “%s” has no geometry to draw a map with"), dataset_name);
      return NULL;
    }
  key = equity_dataset_find_column (dataset, key_column);
  if (key == NULL)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
                   _("Dataset “%s” has no column “%s”"), dataset_name, key_column);
      return NULL;
    }

  /* table and column names are generated ("ds_3", "c0"), never the user's */
  db = equity_project_get_db (project);
  sql = g_strdup_printf ("SELECT c%u, c%u FROM %s ORDER BY rowid",
                         equity_column_get_position (key), equity_column_get_position (geometry),
                         equity_dataset_get_table_name (dataset));
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_CORRUPT, _("Could not read the areas of “%s”: %s"),
                   dataset_name, sqlite3_errmsg (db));
      return NULL;
    }

  areas = equity_area_set_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *area_key = _equity_project_cell_key (stmt, 0);
      /* the blob before its length: asking for the length first may convert it */
      const guint8 *wkb = sqlite3_column_blob (stmt, 1);
      gsize length = sqlite3_column_bytes (stmt, 1);

      equity_area_set_add (areas, area_key, wkb, length);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_CORRUPT, _("Could not read the areas of “%s”: %s"),
                   dataset_name, sqlite3_errmsg (db));
      return NULL;
    }
  return g_steal_pointer (&areas);
}
