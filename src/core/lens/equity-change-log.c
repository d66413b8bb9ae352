/* equity-change-log.c — the change log as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-assessment.h"
#include "equity-change-log.h"
#include "equity-error.h"
#include "equity-project-items.h"

static const char *columns[] = { "at", "who", "item_kind", "item_id", "field", "old_value", "new_value" };

/* A spreadsheet opening the CSV runs a cell that starts with = + - @ (or a
 * tab or carriage return) as a formula. As OWASP's CSV-injection advice says,
 * such a value gets a leading apostrophe, which the spreadsheet shows as text;
 * a plain number ("-120.5") cannot be a formula and is left as it is. */
static gboolean
could_run_as_formula (const char *text)
{
  char *end = NULL;

  if (strchr ("=+-@\t\r", text[0]) == NULL || text[0] == '\0')
    return FALSE;
  g_ascii_strtod (text, &end);
  return end == text || *end != '\0';
}

/* RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled */
static void
append_field (GString    *out,
              const char *value)
{
  g_autofree char *guarded = NULL;
  const char *text = value;

  if (text == NULL)
    return;
  if (could_run_as_formula (text))
    text = guarded = g_strconcat ("'", value, NULL);
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* the stored "field" is written, never the label the window shows: the CSV
 * is data, and a script matches on "answer:QUESTION" */
char *
equity_change_log_to_csv (EquityProject  *project,
                          const char     *item_kind,
                          gint64          item_id,
                          GError        **error)
{
  g_autoptr(GPtrArray) rows = equity_project_list_changes (project, item_kind, item_id, error);
  g_autoptr(GString) out = NULL;

  if (rows == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    g_string_append_printf (out, "%s%s", c ? "," : "", columns[c]);
  g_string_append (out, "\r\n");
  for (guint i = 0; i < rows->len; i++)
    {
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_field (out, g_hash_table_lookup (g_ptr_array_index (rows, i), columns[c]));
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
equity_change_log_export_csv (EquityProject  *project,
                              const char     *path,
                              GError        **error)
{
  return equity_change_log_export_item_csv (project, NULL, 0, path, error);
}

gboolean
equity_change_log_export_item_csv (EquityProject  *project,
                                   const char     *item_kind,
                                   gint64          item_id,
                                   const char     *path,
                                   GError        **error)
{
  g_autofree char *text = equity_change_log_to_csv (project, item_kind, item_id, error);
  g_autoptr(GError) local_error = NULL;

  if (text == NULL)
    return FALSE;
  if (!g_file_set_contents (path, text, -1, &local_error))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_FAILED,
                   _("Could not write the change log to “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* the table below holds NULL for an assessment that cannot be read */
static void
template_unref_if_any (EquityLensTemplate *template)
{
  if (template != NULL)
    equity_lens_template_unref (template);
}

void
equity_change_log_label_fields (EquityProject *project,
                                GPtrArray     *changes)
{
  /* assessment id → its template version, or NULL when it cannot be read */
  g_autoptr(GHashTable) templates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           (GDestroyNotify) template_unref_if_any);
  const char *assessment_kind = equity_item_kind_to_string (EQUITY_ITEM_ASSESSMENT);

  g_return_if_fail (EQUITY_IS_PROJECT (project));

  for (guint i = 0; i < changes->len; i++)
    {
      GHashTable *change = g_ptr_array_index (changes, i);
      const char *field = g_hash_table_lookup (change, "field");
      gint64 id = equity_item_get_number (change, "item_id");
      EquityLensTemplate *template = NULL;

      if (field == NULL)
        continue;
      if (g_strcmp0 (g_hash_table_lookup (change, "item_kind"), assessment_kind) == 0
          && g_str_has_prefix (field, EQUITY_ANSWER_FIELD_PREFIX)
          && !g_hash_table_lookup_extended (templates, &id, NULL, (gpointer *) &template))
        {
          /* a deleted assessment's answers keep their ids: nothing to say why */
          template = equity_assessment_load_template (project, id, NULL);
          g_hash_table_insert (templates, g_memdup2 (&id, sizeof id), template);
        }
      g_hash_table_insert (change, g_strdup ("field_label"), equity_assessment_dup_field_label (template, field));
    }
}
