/* equity-project-indicators.c — indicators, their yearly values and the
 * ratio-to-score table in the project file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-project"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-error.h"
#include "equity-indicator-private.h"
#include "equity-project-private.h"
#include "equity-schema.h"

#define INDICATOR_COLUMNS \
  "id, name, theme, topic, direction, kind, analysis_id, year_column, years, " \
  "group_a, group_b, source, per, baseline_year, goal_year, goal_value"

/* value … target, in EquityIndicatorYear's order */
#define VALUE_COLUMNS \
  "value, low, high, count_a, population_a, count_b, population_b, " \
  "rate_a, rate_a_low, rate_a_high, rate_b, rate_b_low, rate_b_high"
#define N_VALUE_COLUMNS 13

/* Projects opened read-only are not upgraded: schema 3 has no indicators. */
static gboolean
has_indicators (EquityProject *self)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'indicators'",
                          -1, &stmt, NULL) == SQLITE_OK)
    found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

static double
column_double (sqlite3_stmt *stmt,
               int           index)
{
  return sqlite3_column_type (stmt, index) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, index);
}

static void
bind_double (sqlite3_stmt *stmt,
             int           index,
             double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           index,
                  gint64        value,
                  gboolean      is_null)
{
  if (is_null)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

static gboolean
read_values (EquityProject    *self,
             EquityIndicator  *indicator,
             GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _equity_project_prepare (self, "SELECT year, " VALUE_COLUMNS ", target FROM indicator_values "
                                  "WHERE indicator_id = ?1 ORDER BY year", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, equity_indicator_get_id (indicator));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EquityIndicatorYear year;
      double *numbers = &year.value;

      equity_indicator_year_init (&year, sqlite3_column_int (stmt, 0));
      for (int i = 0; i < N_VALUE_COLUMNS; i++)
        numbers[i] = column_double (stmt, 1 + i);
      year.target = column_double (stmt, 1 + N_VALUE_COLUMNS);
      equity_indicator_set_value (indicator, &year);
    }
  return _equity_project_rows_done (self, stmt, rc, _("Could not read the indicators"), error);
}

static EquityIndicator *
indicator_from_row (sqlite3_stmt *stmt)
{
  EquityIndicator *indicator = equity_indicator_new ((const char *) sqlite3_column_text (stmt, 1));
  g_auto(GStrv) year_words = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  EquityIndicatorDirection direction = EQUITY_INDICATOR_HIGHER_IS_WORSE;
  EquityIndicatorKind kind = EQUITY_INDICATOR_RATIO;

  _equity_indicator_set_id (indicator, sqlite3_column_int64 (stmt, 0));
  equity_indicator_set_theme (indicator, (const char *) sqlite3_column_text (stmt, 2));
  equity_indicator_set_topic (indicator, (const char *) sqlite3_column_text (stmt, 3));
  equity_indicator_direction_from_string ((const char *) sqlite3_column_text (stmt, 4), &direction);
  equity_indicator_set_direction (indicator, direction);
  equity_indicator_kind_from_string ((const char *) sqlite3_column_text (stmt, 5), &kind);
  equity_indicator_set_kind (indicator, kind);

  year_words = g_strsplit (sqlite3_column_type (stmt, 8) == SQLITE_NULL ? "" : (const char *) sqlite3_column_text (stmt, 8), ",", -1);
  for (guint i = 0; year_words[i] != NULL; i++)
    if (*year_words[i] != '\0')
      {
        int year = atoi (year_words[i]);
        g_array_append_val (years, year);
      }
  equity_indicator_set_analysis (indicator,
                                 sqlite3_column_int64 (stmt, 6),  /* NULL (a deleted analysis) reads 0 */
                                 sqlite3_column_type (stmt, 7) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 7),
                                 (const int *) (gpointer) years->data, years->len);
  equity_indicator_set_groups (indicator, (const char *) sqlite3_column_text (stmt, 9),
                               (const char *) sqlite3_column_text (stmt, 10));
  equity_indicator_set_source (indicator, (const char *) sqlite3_column_text (stmt, 11));
  equity_indicator_set_per (indicator, sqlite3_column_double (stmt, 12));
  equity_indicator_set_baseline_year (indicator, sqlite3_column_int (stmt, 13));
  equity_indicator_set_goal (indicator, sqlite3_column_int (stmt, 14), column_double (stmt, 15));
  return indicator;
}

static GPtrArray *
select_indicators (EquityProject  *self,
                   const char     *name,
                   GError        **error)
{
  g_autoptr(GPtrArray) indicators = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  if (!has_indicators (self))
    return g_steal_pointer (&indicators);

  stmt = _equity_project_prepare (self,
                                  name == NULL
                                  ? "SELECT " INDICATOR_COLUMNS " FROM indicators "
                                    "ORDER BY theme COLLATE NOCASE, topic COLLATE NOCASE, name COLLATE NOCASE"
                                  : "SELECT " INDICATOR_COLUMNS " FROM indicators WHERE name = ?1",
                                  error);
  if (stmt == NULL)
    return NULL;
  if (name != NULL)
    sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (indicators, indicator_from_row (stmt));
  if (!_equity_project_rows_done (self, stmt, rc, _("Could not read the indicators"), error))
    return NULL;

  for (guint i = 0; i < indicators->len; i++)
    if (!read_values (self, g_ptr_array_index (indicators, i), error))
      return NULL;
  return g_steal_pointer (&indicators);
}

GPtrArray *
equity_project_list_indicators (EquityProject  *self,
                                GError        **error)
{
  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);
  return select_indicators (self, NULL, error);
}

EquityIndicator *
equity_project_find_indicator (EquityProject  *self,
                               const char     *name,
                               GError        **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  found = select_indicators (self, name, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
                   _("The project has no indicator named “%s”"), name);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

/* …saying which name is taken when an indicator's name is */
static gboolean
step_done (EquityProject  *self,
           sqlite3_stmt   *stmt,
           const char     *what,
           GError        **error)
{
  if (_equity_project_step_done (self, stmt, what, error))
    return TRUE;
  if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
    {
      g_clear_error (error);
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_EXISTS, _("%s: another indicator already has that name"), what);
    }
  return FALSE;
}

static char *
years_text (EquityIndicator *indicator)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_years;
  const int *years = equity_indicator_get_years (indicator, &n_years);

  for (guint i = 0; i < n_years; i++)
    g_string_append_printf (text, "%s%d", i > 0 ? "," : "", years[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* INSERT (a new id, or ID again for an undo) or UPDATE by id, then the values */
static gboolean
write_indicator (EquityProject    *self,
                 EquityIndicator  *indicator,
                 gboolean          insert,
                 gboolean          keep_id,
                 GError          **error)
{
  g_autofree char *now = _equity_project_now_iso8601 ();
  g_autofree char *years = years_text (indicator);
  const char *what = _("Could not save the indicator");
  GArray *values = equity_indicator_get_values (indicator);
  gint64 id = equity_indicator_get_id (indicator);
  sqlite3_stmt *stmt;

  stmt = _equity_project_prepare (self,
                                  insert
                                  ? "INSERT INTO indicators (id, name, theme, topic, direction, kind, analysis_id, "
                                    "year_column, years, group_a, group_b, source, per, baseline_year, goal_year, "
                                    "goal_value, created_at, updated_at) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)"
                                  : "UPDATE indicators SET name = ?2, theme = ?3, topic = ?4, direction = ?5, kind = ?6, "
                                    "analysis_id = ?7, year_column = ?8, years = ?9, group_a = ?10, group_b = ?11, "
                                    "source = ?12, per = ?13, baseline_year = ?14, goal_year = ?15, goal_value = ?16, "
                                    "updated_at = ?17 WHERE id = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  bind_int_or_null (stmt, 1, id, insert && !keep_id);
  sqlite3_bind_text (stmt, 2, equity_indicator_get_name (indicator), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, equity_indicator_get_theme (indicator), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, equity_indicator_get_topic (indicator), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, equity_indicator_direction_to_string (equity_indicator_get_direction (indicator)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, equity_indicator_kind_to_string (equity_indicator_get_kind (indicator)), -1, SQLITE_STATIC);
  bind_int_or_null (stmt, 7, equity_indicator_get_analysis_id (indicator), equity_indicator_get_analysis_id (indicator) <= 0);
  bind_int_or_null (stmt, 8, equity_indicator_get_year_column (indicator), equity_indicator_get_year_column (indicator) < 0);
  sqlite3_bind_text (stmt, 9, years, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, equity_indicator_get_group_a (indicator), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, equity_indicator_get_group_b (indicator), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, equity_indicator_get_source (indicator), -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 13, equity_indicator_get_per (indicator));
  bind_int_or_null (stmt, 14, equity_indicator_get_baseline_year (indicator), equity_indicator_get_baseline_year (indicator) == 0);
  bind_int_or_null (stmt, 15, equity_indicator_get_goal_year (indicator), equity_indicator_get_goal_year (indicator) == 0);
  bind_double (stmt, 16, equity_indicator_get_goal_value (indicator));
  sqlite3_bind_text (stmt, 17, now, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, what, error))
    return FALSE;
  if (insert)
    _equity_indicator_set_id (indicator, sqlite3_last_insert_rowid (self->db));
  id = equity_indicator_get_id (indicator);

  stmt = _equity_project_prepare (self, "DELETE FROM indicator_values WHERE indicator_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, what, error))
    return FALSE;

  for (guint i = 0; i < values->len; i++)
    {
      const EquityIndicatorYear *year = &g_array_index (values, EquityIndicatorYear, i);
      const double *numbers = &year->value;

      stmt = _equity_project_prepare (self,
                                      "INSERT INTO indicator_values (indicator_id, year, " VALUE_COLUMNS ", target) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, year->year);
      for (int k = 0; k < N_VALUE_COLUMNS; k++)
        bind_double (stmt, 3 + k, numbers[k]);
      bind_double (stmt, 3 + N_VALUE_COLUMNS, year->target);
      if (!step_done (self, stmt, what, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_in_transaction (EquityProject    *self,
                     EquityIndicator  *indicator,
                     gboolean          insert,
                     gboolean          keep_id,
                     const char       *action,
                     GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 old_id = equity_indicator_get_id (indicator);

  if (!_equity_project_validate_name (equity_indicator_get_name (indicator), _("indicator"), error))
    return FALSE;
  if (!has_indicators (self))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_READ_ONLY,
                   _("This project was opened read-only from an older version, so it cannot hold indicators"));
      return FALSE;
    }
  if (!equity_project_begin (self, error))
    return FALSE;
  if (!write_indicator (self, indicator, insert, keep_id, &local_error)
      || !equity_project_log (self, action, equity_indicator_get_name (indicator), &local_error)
      || !equity_project_commit (self, &local_error))
    {
      equity_project_rollback (self);
      _equity_indicator_set_id (indicator, old_id);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
equity_project_add_indicator (EquityProject    *self,
                              EquityIndicator  *indicator,
                              GError          **error)
{
  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (EQUITY_IS_INDICATOR (indicator), FALSE);
  return save_in_transaction (self, indicator, TRUE, FALSE, "add-indicator", error);
}

gboolean
equity_project_update_indicator (EquityProject    *self,
                                 EquityIndicator  *indicator,
                                 GError          **error)
{
  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (EQUITY_IS_INDICATOR (indicator), FALSE);
  g_return_val_if_fail (equity_indicator_get_id (indicator) > 0, FALSE);
  return save_in_transaction (self, indicator, FALSE, FALSE, "update-indicator", error);
}

gboolean
equity_project_undelete_indicator (EquityProject    *self,
                                   EquityIndicator  *indicator,
                                   GError          **error)
{
  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (EQUITY_IS_INDICATOR (indicator), FALSE);
  return save_in_transaction (self, indicator, TRUE, TRUE, "undelete-indicator", error);
}

EquityIndicator *
equity_project_delete_indicator (EquityProject  *self,
                                 gint64          id,
                                 GError        **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) local_error = NULL;
  EquityIndicator *deleted = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);

  all = equity_project_list_indicators (self, error);
  if (all == NULL)
    return NULL;
  for (guint i = 0; i < all->len && deleted == NULL; i++)
    if (equity_indicator_get_id (g_ptr_array_index (all, i)) == id)
      deleted = g_ptr_array_index (all, i);
  if (deleted == NULL)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
                   _("The project has no such indicator; it may have been deleted already"));
      return NULL;
    }

  if (!equity_project_begin (self, error))
    return NULL;
  stmt = _equity_project_prepare (self, "DELETE FROM indicators WHERE id = ?1", &local_error);
  if (stmt == NULL
      || (sqlite3_bind_int64 (stmt, 1, id), !step_done (self, stmt, _("Could not delete the indicator"), &local_error))
      || !equity_project_log (self, "delete-indicator", equity_indicator_get_name (deleted), &local_error)
      || !equity_project_commit (self, &local_error))
    {
      equity_project_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_object_ref (deleted);
}

gboolean
_equity_project_read_score_bands (EquityProject  *self,
                                  GArray         *bands,
                                  char          **source,
                                  GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!has_indicators (self))
    return FALSE;
  stmt = _equity_project_prepare (self, "SELECT start, first_score, step FROM score_bands ORDER BY start", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int i = 0; i < 3; i++)
      {
        double number = sqlite3_column_double (stmt, i);
        g_array_append_val (bands, number);
      }
  if (!_equity_project_rows_done (self, stmt, rc, _("Could not read the equity score table"), error))
    return FALSE;

  stmt = _equity_project_prepare (self, "SELECT value FROM metadata WHERE key = 'score-source'", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *source = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return bands->len > 0;
}

gboolean
_equity_project_write_score_bands (EquityProject  *self,
                                   const double   *bands,
                                   guint           n_bands,
                                   const char     *source,
                                   GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *what = _("Could not save the equity score table");
  sqlite3_stmt *stmt;

  if (!equity_project_begin (self, error))
    return FALSE;
  if (!_equity_project_exec_sql (self, "DELETE FROM score_bands", &local_error))
    goto failed;
  for (guint i = 0; i < n_bands; i++)
    {
      stmt = _equity_project_prepare (self, "INSERT INTO score_bands (start, first_score, step) VALUES (?1, ?2, ?3)",
                                      &local_error);
      if (stmt == NULL)
        goto failed;
      for (int k = 0; k < 3; k++)
        sqlite3_bind_double (stmt, 1 + k, bands[3 * i + k]);
      if (!step_done (self, stmt, what, &local_error))
        goto failed;
    }
  stmt = _equity_project_prepare (self, "INSERT OR REPLACE INTO metadata (key, value) VALUES ('score-source', ?1)",
                                  &local_error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, source, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, what, &local_error)
      || !equity_project_log (self, "set-score-table", source, &local_error)
      || !equity_project_commit (self, &local_error))
    goto failed;
  return TRUE;

failed:
  equity_project_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
