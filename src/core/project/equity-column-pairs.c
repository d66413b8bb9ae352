/* equity-column-pairs.c — two columns of a dataset read side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used to look up one column by another (an area's name by its key) without
 * the analyses composing SQL themselves.
 */

#define G_LOG_DOMAIN "equity-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "equity-column-pairs.h"
#include "equity-project-private.h"
#include "equity-schema.h"

sqlite3_stmt *
equity_project_prepare_column_pairs (EquityProject  *self,
                                     EquityDataset  *dataset,
                                     EquityColumn   *first,
                                     EquityColumn   *second,
                                     GError        **error)
{
  sqlite3 *db = equity_project_get_db (self);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (EQUITY_IS_DATASET (dataset), NULL);

  /* column storage names are c<position>, table names are generated: no quoting needed */
  sql = g_strdup_printf ("SELECT c%u, c%u FROM %s ORDER BY rowid", equity_column_get_position (first),
                         equity_column_get_position (second), equity_dataset_get_table_name (dataset));
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not read the dataset “%s”"),
                                               equity_dataset_get_name (dataset));

      equity_schema_set_error (db, error, what);
      return NULL;
    }
  return stmt;
}
