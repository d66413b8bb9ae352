/* equity-project-items.c — SQL for templates, assessments, the action plan
 * and their change log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-project"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "equity-error.h"
#include "equity-project-items.h"
#include "equity-project-private.h"
#include "equity-schema.h"

#define ACTOR_KEY "equity-change-log-actor"

/* Field names reach SQL only through these tables, never from the caller. */
typedef struct
{
  const char  *kind;
  const char  *table;
  const char  *order;
  const char  *title_field;
  const char  *fields[12];
} ItemTable;

static const ItemTable item_tables[] = {
  [EQUITY_ITEM_TEMPLATE]   = { "template", "lens_templates", "name, version", "name",
                               { "name", "version", "spec", "created_at", NULL } },
  [EQUITY_ITEM_ASSESSMENT] = { "assessment", "assessments", "id", "title",
                               { "template_id", "title", "department", "subject", "status", "date", NULL } },
  [EQUITY_ITEM_GOAL]       = { "goal", "plan_goals", "position, id", "title",
                               { "position", "title", NULL } },
  [EQUITY_ITEM_ACTION]     = { "action", "plan_actions", "position, id", "title",
                               { "goal_id", "position", "title", "department", "owner", "indicators",
                                 "due", "status", "priority", "budget", "spent", NULL } },
};

const char *
equity_item_kind_to_string (EquityItemKind kind)
{
  g_return_val_if_fail (kind <= EQUITY_ITEM_ACTION, NULL);
  return item_tables[kind].kind;
}

void
equity_project_set_actor (EquityProject *self,
                          const char    *actor)
{
  g_return_if_fail (EQUITY_IS_PROJECT (self));
  g_object_set_data_full (G_OBJECT (self), ACTOR_KEY, g_strdup (actor), g_free);
}

const char *
equity_project_get_actor (EquityProject *self)
{
  const char *actor;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);
  actor = g_object_get_data (G_OBJECT (self), ACTOR_KEY);
  return actor != NULL && *actor != '\0' ? actor : g_get_real_name ();
}

static gboolean
is_field (const ItemTable *table,
          const char      *field)
{
  for (guint i = 0; table->fields[i] != NULL; i++)
    if (g_strcmp0 (table->fields[i], field) == 0)
      return TRUE;
  return FALSE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Commits when nothing failed so far, else rolls back; either way the
 * first error reaches the caller. */
static gboolean
finish_write (EquityProject  *self,
              GError         *local_error,
              GError        **error)
{
  if (local_error == NULL && equity_project_commit (self, &local_error))
    return TRUE;
  equity_project_rollback (self);
  g_propagate_error (error, local_error);
  return FALSE;
}

/* one change-log entry, inside the caller's transaction */
static gboolean
log_change (EquityProject  *self,
            const char     *item_kind,
            gint64          item_id,
            const char     *field,
            const char     *old_value,
            const char     *new_value,
            GError        **error)
{
  g_autofree char *now = _equity_project_now_iso8601 ();
  sqlite3_stmt *stmt;

  stmt = _equity_project_prepare (self, "INSERT INTO change_log (at, who, item_kind, item_id, field, "
                                  "old_value, new_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, equity_project_get_actor (self), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, item_kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, item_id);
  sqlite3_bind_text (stmt, 5, field, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 6, old_value);
  bind_text_or_null (stmt, 7, new_value);
  return _equity_project_step_done (self, stmt, _("Could not write the change log"), error);
}

/* each column of the current row, by its name; NULLs left out */
static GHashTable *
row_to_table (sqlite3_stmt *stmt)
{
  GHashTable *row = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    if (sqlite3_column_type (stmt, i) != SQLITE_NULL)
      g_hash_table_insert (row, g_strdup (sqlite3_column_name (stmt, i)),
                           g_strdup ((const char *) sqlite3_column_text (stmt, i)));
  return row;
}

/* every row of STMT (its parameters bound), then finalized */
static GPtrArray *
collect_rows (EquityProject  *self,
              sqlite3_stmt   *stmt,
              GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_to_table (stmt));
  if (!_equity_project_rows_done (self, stmt, rc, _("Could not read the project"), error))
    return NULL;
  return g_steal_pointer (&rows);
}

GPtrArray *
equity_project_list_items (EquityProject   *self,
                           EquityItemKind   kind,
                           GError         **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (kind <= EQUITY_ITEM_ACTION, NULL);

  sql = g_strdup_printf ("SELECT * FROM %s ORDER BY %s", item_tables[kind].table, item_tables[kind].order);
  stmt = _equity_project_prepare (self, sql, error);
  return stmt != NULL ? collect_rows (self, stmt, error) : NULL;
}

GHashTable *
equity_project_get_item (EquityProject   *self,
                         EquityItemKind   kind,
                         gint64           id,
                         GError         **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (kind <= EQUITY_ITEM_ACTION, NULL);

  sql = g_strdup_printf ("SELECT * FROM %s WHERE id = ?1", item_tables[kind].table);
  stmt = _equity_project_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rows = collect_rows (self, stmt, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
                   _("The project has no %s with id %" PRId64), item_tables[kind].kind, id);
      return NULL;
    }
  return g_hash_table_ref (g_ptr_array_index (rows, 0));
}

static gint64
insert_item (EquityProject  *self,
             EquityItemKind  kind,
             const char    **fields,
             GError        **error)
{
  const ItemTable *table = &item_tables[kind];
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  guint n = 0;

  for (guint i = 0; fields[i] != NULL; i += 2, n++)
    {
      if (!is_field (table, fields[i]))
        {
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                       _("A %s has no field “%s”"), table->kind, fields[i]);
          return 0;
        }
      g_string_append_printf (columns, "%s%s", n ? ", " : "", fields[i]);
      g_string_append_printf (values, "%s?%u", n ? ", " : "", n + 1);
      if (fields[i + 1] != NULL)
        g_string_append_printf (summary, "%s%s=%s", summary->len ? "; " : "", fields[i], fields[i + 1]);
    }

  /* an id the change log has named is never given again: a deleted item's
   * history must not become a new item's */
  sql = g_strdup_printf ("INSERT INTO %s (id, %s) VALUES ((SELECT max (coalesce ((SELECT max (id) FROM %s), 0), "
                         "coalesce ((SELECT max (item_id) FROM change_log WHERE item_kind = ?%u), 0)) + 1), %s)",
                         table->table, columns->str, table->table, n + 1, values->str);
  stmt = _equity_project_prepare (self, sql, error);
  if (stmt == NULL)
    return 0;
  for (guint i = 0; fields[i] != NULL; i += 2)
    bind_text_or_null (stmt, i / 2 + 1, fields[i + 1]);
  sqlite3_bind_text (stmt, n + 1, table->kind, -1, SQLITE_STATIC);
  if (!_equity_project_step_done (self, stmt, _("Could not save the change"), error))
    return 0;
  id = sqlite3_last_insert_rowid (equity_project_get_db (self));
  if (!log_change (self, table->kind, id, "created", NULL, summary->str, error))
    return 0;
  return id;
}

gint64
equity_project_add_item (EquityProject   *self,
                         EquityItemKind   kind,
                         const char     **fields,
                         GError         **error)
{
  gint64 id;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), 0);
  g_return_val_if_fail (kind <= EQUITY_ITEM_ACTION, 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (!equity_project_begin (self, error))
    return 0;
  id = insert_item (self, kind, fields, error);
  if (id == 0 || !equity_project_commit (self, error))
    {
      equity_project_rollback (self);
      return 0;
    }
  return id;
}

gint64
equity_project_add_template_version (EquityProject  *self,
                                     const char     *name,
                                     const char     *spec,
                                     GError        **error)
{
  g_autofree char *now = _equity_project_now_iso8601 ();
  g_autofree char *version = NULL;
  sqlite3_stmt *stmt;
  gint64 latest = 0;
  gint64 id = 0;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), 0);

  if (!equity_project_begin (self, error))
    return 0;
  stmt = _equity_project_prepare (self, "SELECT coalesce (max (version), 0) FROM lens_templates WHERE name = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        latest = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      version = g_strdup_printf ("%" G_GINT64_FORMAT, latest + 1);
      {
        const char *fields[] = { "name", name, "version", version, "spec", spec, "created_at", now, NULL };
        id = insert_item (self, EQUITY_ITEM_TEMPLATE, fields, error);
      }
    }
  if (id == 0 || !equity_project_commit (self, error))
    {
      equity_project_rollback (self);
      return 0;
    }
  return id;
}

/* the text of one value, or NULL when there is no row or it is NULL */
static char *
query_text (EquityProject  *self,
            const char     *sql,
            gint64          id,
            const char     *key,
            gboolean       *found,
            GError        **error)
{
  sqlite3_stmt *stmt = _equity_project_prepare (self, sql, error);
  char *text = NULL;
  int rc;

  *found = FALSE;
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (key != NULL)
    sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *found = TRUE;
      text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  else if (rc != SQLITE_DONE)
    equity_schema_set_error (equity_project_get_db (self), error, _("Could not read the project"));
  sqlite3_finalize (stmt);
  return text;
}

gboolean
equity_project_set_item_field (EquityProject   *self,
                               EquityItemKind   kind,
                               gint64           id,
                               const char      *field,
                               const char      *value,
                               GError         **error)
{
  const ItemTable *table;
  g_autofree char *select = NULL;
  g_autofree char *update = NULL;
  g_autofree char *old_value = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (kind <= EQUITY_ITEM_ACTION, FALSE);

  table = &item_tables[kind];
  if (kind == EQUITY_ITEM_TEMPLATE || !is_field (table, field))
    {
      if (kind == EQUITY_ITEM_TEMPLATE)
        g_set_error_literal (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                             _("A template is never edited in place: save a new version"));
      else
        g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID, _("A %s has no field “%s”"), table->kind, field);
      return FALSE;
    }

  if (!equity_project_begin (self, error))
    return FALSE;
  select = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", field, table->table);
  old_value = query_text (self, select, id, NULL, &found, &local_error);
  if (local_error == NULL && !found)
    g_set_error (&local_error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
                 _("The project has no %s with id %" PRId64), table->kind, id);
  /* the same value again is no change: nothing to write, nothing to log */
  if (local_error == NULL && g_strcmp0 (old_value, value) == 0)
    return finish_write (self, NULL, error);
  if (local_error == NULL)
    {
      update = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2", table->table, field);
      stmt = _equity_project_prepare (self, update, &local_error);
      if (stmt != NULL)
        {
          bind_text_or_null (stmt, 1, value);
          sqlite3_bind_int64 (stmt, 2, id);
          _equity_project_step_done (self, stmt, _("Could not save the change"), &local_error);
        }
    }
  if (local_error == NULL)
    log_change (self, table->kind, id, field, old_value, value, &local_error);
  return finish_write (self, g_steal_pointer (&local_error), error);
}

gboolean
equity_project_delete_assessment (EquityProject  *self,
                                  gint64          id,
                                  GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *title = NULL;
  const char *deletes[] = { "DELETE FROM assessment_answers WHERE assessment_id = ?1",
                            "DELETE FROM assessments WHERE id = ?1" };
  gboolean found;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);

  if (!equity_project_begin (self, error))
    return FALSE;
  title = query_text (self, "SELECT title FROM assessments WHERE id = ?1", id, NULL, &found, &local_error);
  if (local_error == NULL && !found)
    g_set_error (&local_error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
                 _("The project has no assessment with id %" PRId64), id);
  for (guint i = 0; i < G_N_ELEMENTS (deletes) && local_error == NULL; i++)
    {
      sqlite3_stmt *stmt = _equity_project_prepare (self, deletes[i], &local_error);

      if (stmt == NULL)
        break;
      sqlite3_bind_int64 (stmt, 1, id);
      _equity_project_step_done (self, stmt, _("Could not delete the assessment"), &local_error);
    }
  if (local_error == NULL)
    log_change (self, "assessment", id, "deleted", title, NULL, &local_error);
  return finish_write (self, g_steal_pointer (&local_error), error);
}

GPtrArray *
equity_project_list_answers (EquityProject  *self,
                             gint64          assessment_id,
                             GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);

  stmt = _equity_project_prepare (self, "SELECT question, value, cited_kind, cited_id, updated_at "
                                  "FROM assessment_answers WHERE assessment_id = ?1 ORDER BY question", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  return collect_rows (self, stmt, error);
}

gboolean
equity_project_set_answer (EquityProject  *self,
                           gint64          assessment_id,
                           const char     *question,
                           const char     *value,
                           const char     *cited_kind,
                           gint64          cited_id,
                           GError        **error)
{
  g_autofree char *now = _equity_project_now_iso8601 ();
  g_autofree char *old_value = NULL;
  g_autofree char *field = g_strconcat (EQUITY_ANSWER_FIELD_PREFIX, question, NULL);
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (question != NULL && value != NULL, FALSE);

  if (!equity_project_begin (self, error))
    return FALSE;
  /* read under the write lock: the entry's old value is what this write replaced */
  old_value = query_text (self, "SELECT value FROM assessment_answers WHERE assessment_id = ?1 AND question = ?2",
                          assessment_id, question, &found, &local_error);
  /* typed text saved again unchanged (the editor saves on every pause) is no change */
  if (local_error == NULL && found && cited_kind == NULL && g_strcmp0 (old_value, value) == 0)
    return finish_write (self, NULL, error);
  if (local_error == NULL)
    {
      stmt = _equity_project_prepare (self, "INSERT INTO assessment_answers (assessment_id, question, value, "
                                      "cited_kind, cited_id, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                      "ON CONFLICT (assessment_id, question) DO UPDATE SET value = ?3, "
                                      "cited_kind = ?4, cited_id = ?5, updated_at = ?6", &local_error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, assessment_id);
          sqlite3_bind_text (stmt, 2, question, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, value, -1, SQLITE_TRANSIENT);
          bind_text_or_null (stmt, 4, cited_kind);
          if (cited_kind != NULL)
            sqlite3_bind_int64 (stmt, 5, cited_id);
          sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
          _equity_project_step_done (self, stmt, _("Could not save the answer"), &local_error);
        }
    }
  if (local_error == NULL)
    log_change (self, "assessment", assessment_id, field, old_value, value, &local_error);
  return finish_write (self, g_steal_pointer (&local_error), error);
}

GPtrArray *
equity_project_list_notes (EquityProject  *self,
                           gint64          action_id,
                           GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);

  stmt = _equity_project_prepare (self, "SELECT id, date, text FROM plan_notes WHERE action_id = ?1 "
                                  "ORDER BY date, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, action_id);
  return collect_rows (self, stmt, error);
}

gboolean
equity_project_add_note (EquityProject  *self,
                         gint64          action_id,
                         const char     *date,
                         const char     *text,
                         GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *entry = g_strdup_printf ("%s: %s", date, text);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), FALSE);

  if (!equity_project_begin (self, error))
    return FALSE;
  stmt = _equity_project_prepare (self, "INSERT INTO plan_notes (action_id, date, text) VALUES (?1, ?2, ?3)",
                                  &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, action_id);
      sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
      _equity_project_step_done (self, stmt, _("Could not save the progress note"), &local_error);
    }
  if (local_error == NULL)
    log_change (self, "action", action_id, "progress note", NULL, entry, &local_error);
  return finish_write (self, g_steal_pointer (&local_error), error);
}

GPtrArray *
equity_project_list_changes (EquityProject  *self,
                             const char     *item_kind,
                             gint64          item_id,
                             GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (EQUITY_IS_PROJECT (self), NULL);

  stmt = _equity_project_prepare (self, "SELECT id, at, who, item_kind, item_id, field, old_value, new_value "
                                  "FROM change_log WHERE (?1 IS NULL OR item_kind = ?1) "
                                  "AND (?2 = 0 OR item_id = ?2) ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  bind_text_or_null (stmt, 1, item_kind);
  sqlite3_bind_int64 (stmt, 2, item_id);
  return collect_rows (self, stmt, error);
}

gboolean
equity_item_check_one_of (const char  *field,
                          const char  *value,
                          const char **allowed,
                          GError     **error)
{
  g_autofree char *list = NULL;

  if (value != NULL && g_strv_contains (allowed, value))
    return TRUE;
  list = g_strjoinv (", ", (char **) allowed);
  g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
               _("The %s must be one of %s, not “%s”"), field, list, value ? value : "");
  return FALSE;
}

gboolean
equity_item_parse_date (const char *text,
                        GDate      *date)
{
  g_date_clear (date, 1);
  if (text != NULL && g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}$", text, 0, 0))
    g_date_set_parse (date, text);
  return g_date_valid (date);
}

gint64
equity_item_get_number (GHashTable *row,
                        const char *field)
{
  const char *text = g_hash_table_lookup (row, field);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

const char *
equity_item_word_label (const char  *word,
                        const char **words,
                        const char **labels)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_strcmp0 (word, words[i]) == 0)
      return _(labels[i]);
  return NULL;
}
