/* equity-import-checks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-importer"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-column.h"
#include "equity-error.h"
#include "equity-import-checks.h"

gboolean
equity_import_check_n_columns (const char  *display_name,
                               guint        n_columns,
                               GError     **error)
{
  if (n_columns <= EQUITY_IMPORT_MAX_COLUMNS)
    return TRUE;
  g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED,
               _("%s: the file has %u columns, more than the %u a dataset can hold; "
                 "keep only the columns you need (or split the file) and import it again"),
               display_name, n_columns, EQUITY_IMPORT_MAX_COLUMNS);
  return FALSE;
}

/* Names are told apart without regard to case: "ID" and "id" would be
 * confused by anyone who picks a column by name. */
static gboolean
name_is_taken (GHashTable *taken,
               const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_hash_table_contains (taken, folded);
}

static void
take_name (GHashTable *taken,
           const char *name)
{
  g_hash_table_add (taken, g_utf8_casefold (name, -1));
}

/* whether NAME is free: not given to a column yet, and not written in the
 * header for a later column (so that a header "dup (2)" keeps its name) */
static gboolean
name_is_free (GHashTable *used,
              GHashTable *written,
              const char *name)
{
  return !name_is_taken (used, name) && !name_is_taken (written, name);
}

void
equity_import_name_columns (GPtrArray *columns,
                            GPtrArray *warnings)
{
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < columns->len; i++)
    take_name (written, equity_column_get_name (g_ptr_array_index (columns, i)));

  for (guint i = 0; i < columns->len; i++)
    {
      EquityColumn *column = g_ptr_array_index (columns, i);
      g_autofree char *header = g_strdup (equity_column_get_name (column));
      g_autofree char *name = NULL;

      if (header[0] != '\0' && !name_is_taken (used, header))
        {
          take_name (used, header);
          continue;
        }

      if (header[0] == '\0')
        {
          /* Translators: the name given to a column whose header is empty */
          name = g_strdup_printf (_("column %u"), i + 1);
          for (guint n = 2; !name_is_free (used, written, name); n++)
            {
              g_free (name);
              name = g_strdup_printf (_("column %u (%u)"), i + 1, n);
            }
          g_ptr_array_add (warnings, g_strdup_printf (_("Column %u has no name in the header; it is called “%s”"),
                                                      i + 1, name));
        }
      else
        {
          g_autofree char *shown = equity_text_for_message (header, -1, 60);
          g_autofree char *shown_name = NULL;

          for (guint n = 2; name == NULL || !name_is_free (used, written, name); n++)
            {
              g_free (name);
              /* Translators: a second column with the same name, "dup (2)" */
              name = g_strdup_printf (_("%s (%u)"), header, n);
            }
          shown_name = equity_text_for_message (name, -1, 70);
          g_ptr_array_add (warnings, g_strdup_printf (_("Column %u has the same header as an earlier column, "
                                                        "“%s”; it is called “%s”"),
                                                      i + 1, shown, shown_name));
        }
      take_name (used, name);
      equity_column_set_name (column, name);
    }
}

char *
equity_text_for_message (const char *text,
                         gssize      length,
                         guint       max_chars)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *end;
  const char *p = text;
  guint n_chars = 0;

  if (text == NULL)
    return g_strdup ("");
  end = text + (length < 0 ? strlen (text) : (gsize) length);

  while (p < end)
    {
      gunichar ch = g_utf8_get_char_validated (p, end - p);

      if (n_chars++ == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (ch == (gunichar) -1 || ch == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      if (g_unichar_iscntrl (ch) || ch == 0x2028 || ch == 0x2029)
        g_string_append_printf (out, "U+%04X", ch);
      else
        g_string_append_unichar (out, ch);
      p = g_utf8_next_char (p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
