/* equity-import-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-import-preview"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "equity-import-preview.h"
#include "equity-utils.h"

/* The preview's rows are their numbers, as strings */
static void
bind_cell (GtkWidget *cell,
           gpointer   item,
           guint      column,
           gpointer   user_data)
{
  EquityImporter *importer = user_data;
  guint row = atoi (gtk_string_object_get_string (item));
  gboolean fits = TRUE;
  g_autofree char *value = NULL;

  value = equity_importer_dup_preview_value (importer, row, column, &fits);
  equity_data_cell_set_value (cell, value);
  /* marked with a text attribute too, not a style class (see equity_data_cell_set_value()) */
  if (!fits)
    gtk_inscription_set_attributes (GTK_INSCRIPTION (cell), equity_error_attributes ());
  gtk_widget_set_tooltip_text (cell, fits ? NULL : _("Does not fit the column’s type: the import would stop here"));
}

void
equity_import_preview_clear (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  guint n;

  while ((n = g_list_model_get_n_items (columns)) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, n - 1);

      gtk_column_view_remove_column (view, column);
    }
}

/* as wide as the longest value shown, within reason */
static guint
nat_chars_for (EquityImporter *importer,
               guint           position)
{
  GPtrArray *preview = equity_importer_get_preview (importer);
  EquityColumn *column = g_ptr_array_index (equity_importer_get_columns (importer), position);
  guint chars = g_utf8_strlen (equity_column_get_name (column), -1) + 2;

  for (guint i = 0; i < preview->len; i++)
    {
      const char *value = ((char **) g_ptr_array_index (preview, i))[position];

      if (value != NULL)
        chars = MAX (chars, (guint) g_utf8_strlen (value, 64));
    }
  return CLAMP (chars, 6, 28);
}

void
equity_import_preview_fill (GtkColumnView  *view,
                            GtkStringList  *rows,
                            EquityImporter *importer)
{
  GPtrArray *columns = equity_importer_get_columns (importer);
  guint n_rows = equity_importer_get_preview (importer)->len;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  equity_import_preview_clear (view);

  for (guint i = 0; i < n_rows; i++)
    g_ptr_array_add (items, g_strdup_printf ("%u", i));
  g_ptr_array_add (items, NULL);
  gtk_string_list_splice (rows, 0, g_list_model_get_n_items (G_LIST_MODEL (rows)),
                          (const char * const *) items->pdata);

  for (guint i = 0; i < columns->len; i++)
    {
      EquityColumn *column = g_ptr_array_index (columns, i);
      g_autoptr(GtkColumnViewColumn) view_column = NULL;

      view_column = equity_data_column_new (equity_column_get_name (column), equity_column_get_column_type (column), i,
                                            14, nat_chars_for (importer, i),
                                            bind_cell, g_object_ref (importer), g_object_unref);
      gtk_column_view_append_column (view, view_column);
    }
}


char *
equity_import_dup_summary (EquityImporter *importer)
{
  guint64 n_rows = equity_importer_get_n_rows (importer);
  guint n_columns = equity_importer_get_columns (importer)->len;
  g_autofree char *description = equity_importer_describe (importer);
  g_autofree char *count = equity_format_count (n_rows);
  g_autofree char *rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row", "%s rows", n_rows), count);
  g_autofree char *columns = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u column", "%u columns", n_columns),
                                              n_columns);

  /* Translators: "comma-separated, UTF-8 · 15,015 rows · 11 columns" */
  return g_strdup_printf (_("%s · %s · %s"), description, rows, columns);
}

char *
equity_import_dup_caption (EquityImporter *importer)
{
  guint n_preview = equity_importer_get_preview (importer)->len;

  if (n_preview >= equity_importer_get_n_rows (importer))
    return g_strdup (_("Every row, as it will be imported"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The first row, as it will be imported",
                                       "The first %u rows, as they will be imported", n_preview),
                          n_preview);
}
