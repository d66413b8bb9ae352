/* equity-analysis-choices.c — the values a spec can take from a dataset's rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "equity-analysis-choices.h"
#include "equity-analysis-private.h"
#include "equity-error.h"
#include "equity-project-private.h"
#include "equity-schema.h"

void
equity_choice_free (EquityChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->value);
  g_free (choice->label);
  g_free (choice);
}

/* SQLite calls this every few thousand steps: a non-zero answer interrupts
 * the statement, so a cancelled GROUP BY over a million rows stops early. */
static int
progress_handler_cb (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

static int
compare_by_label (gconstpointer a,
                  gconstpointer b)
{
  const EquityChoice *x = *(EquityChoice * const *) a;
  const EquityChoice *y = *(EquityChoice * const *) b;
  g_autofree char *kx = g_utf8_collate_key (x->label != NULL ? x->label : x->value, -1);
  g_autofree char *ky = g_utf8_collate_key (y->label != NULL ? y->label : y->value, -1);
  int order = strcmp (kx, ky);

  return order != 0 ? order : g_strcmp0 (x->value, y->value);
}

GPtrArray *
equity_analysis_list_choices (EquityProject      *project,
                              EquityDataset      *dataset,
                              EquityColumn       *column,
                              EquityColumn       *label_column,
                              EquityChoiceOrder   order,
                              guint               limit,
                              GCancellable       *cancellable,
                              GError            **error)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func ((GDestroyNotify) equity_choice_free);
  g_autofree char *label_sql = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  guint position;
  int rc;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (EQUITY_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (EQUITY_IS_COLUMN (column), NULL);
  g_return_val_if_fail (!label_column || EQUITY_IS_COLUMN (label_column), NULL);

  if (equity_column_get_column_type (column) == EQUITY_COLUMN_TYPE_GEOMETRY)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                   _("Column “%s” holds shapes, not values to choose from"),
                   equity_column_get_name (column));
      return NULL;
    }

  position = equity_column_get_position (column);
  if (label_column != NULL && label_column != column
      && equity_column_get_column_type (label_column) != EQUITY_COLUMN_TYPE_GEOMETRY)
    label_sql = g_strdup_printf ("min(c%u)", equity_column_get_position (label_column));
  else
    label_sql = g_strdup ("NULL");

  /* The dataset's name never reaches SQL: its table is "ds_<id>", its
   * columns "c<position>". Empty text is no value, as in the analyses. */
  sql = g_strdup_printf ("SELECT c%u, count(*), %s FROM %s "
                         "WHERE c%u IS NOT NULL AND c%u <> '' "
                         "GROUP BY c%u ORDER BY 2 DESC, 1",
                         position, label_sql, equity_dataset_get_table_name (dataset),
                         position, position, position);

  db = equity_project_get_db (project);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      equity_schema_set_error (db, error, _("Could not read the values of a column"));
      return NULL;
    }

  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, progress_handler_cb, cancellable);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EquityChoice *choice;
      g_autofree char *value = _equity_value_to_key (stmt, 0);

      if (value == NULL)
        continue;

      choice = g_new0 (EquityChoice, 1);
      choice->value = g_steal_pointer (&value);
      choice->n_rows = (guint64) sqlite3_column_int64 (stmt, 1);
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          choice->label = g_strstrip (g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
          if (choice->label[0] == '\0')
            g_clear_pointer (&choice->label, g_free);
        }
      g_ptr_array_add (choices, choice);
    }

  if (cancellable != NULL)
    sqlite3_progress_handler (db, 0, NULL, NULL);

  if (rc != SQLITE_DONE)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
      equity_schema_set_error (db, error, _("Could not read the values of a column"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

  if (order == EQUITY_CHOICE_ORDER_LABEL)
    g_ptr_array_sort (choices, compare_by_label);
  if (limit > 0 && choices->len > limit)
    g_ptr_array_set_size (choices, limit);

  return g_steal_pointer (&choices);
}

EquityColumn *
equity_analysis_guess_label_column (EquityProject  *project,
                                    EquityDataset  *dataset,
                                    EquityColumn   *key,
                                    GError        **error)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  EquityColumn *best = NULL;
  sqlite3_int64 best_count = 1;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (EQUITY_IS_DATASET (dataset), NULL);

  for (guint i = 0; i < equity_dataset_get_n_columns (dataset); i++)
    {
      EquityColumn *column = equity_dataset_get_column (dataset, i);

      if (column == key || equity_column_get_column_type (column) != EQUITY_COLUMN_TYPE_TEXT)
        continue;
      g_string_append_printf (sql, "%scount(DISTINCT c%u)", candidates->len > 0 ? ", " : "",
                              equity_column_get_position (column));
      g_ptr_array_add (candidates, column);
    }
  if (candidates->len == 0)
    return NULL;
  g_string_append_printf (sql, " FROM %s", equity_dataset_get_table_name (dataset));

  db = equity_project_get_db (project);
  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      equity_schema_set_error (db, error, _("Could not read the values of a column"));
      return NULL;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (guint i = 0; i < candidates->len; i++)
        {
          sqlite3_int64 count = sqlite3_column_int64 (stmt, (int) i);

          /* a column that names every row alike ("Buncombe") names none */
          if (count > best_count)
            {
              best_count = count;
              best = g_ptr_array_index (candidates, i);
            }
        }
    }
  sqlite3_finalize (stmt);

  return best;
}
