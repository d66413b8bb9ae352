/* equity-table-view-summaries.c — the column summaries beside the rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-table-view"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "equity-table-view-private.h"
#include "equity-utils.h"

/* two decimals at most, grouped: "45.5", "500,000.5" */
static char *
format_mean (double mean)
{
  g_autofree char *fixed = NULL;
  g_autofree char *whole = NULL;
  char *point;

  if (!isfinite (mean) || fabs (mean) >= 1e15)
    return g_strdup_printf ("%.6g", mean);

  fixed = g_strdup_printf ("%.2f", fabs (mean));
  point = strchr (fixed, '.');
  while (point != NULL && g_str_has_suffix (fixed, "0"))
    fixed[strlen (fixed) - 1] = '\0';
  if (g_str_has_suffix (fixed, "."))
    fixed[strlen (fixed) - 1] = '\0';
  point = strchr (fixed, '.');
  whole = equity_format_count (g_ascii_strtoull (fixed, NULL, 10));

  return g_strdup_printf ("%s%s%s", mean < 0 && fabs (mean) >= 0.005 ? "-" : "", whole,
                          point != NULL ? point : "");
}

static void
add_stat (GtkGrid    *grid,
          int         line,
          const char *name,
          const char *value)
{
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *value_label = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (name_label), 0.0);
  gtk_widget_add_css_class (name_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value_label), 1.0);
  gtk_label_set_ellipsize (GTK_LABEL (value_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_grid_attach (grid, name_label, 0, line, 1, 1);
  gtk_grid_attach (grid, value_label, 1, line, 1, 1);
}

static GtkWidget *
create_summary_row (EquityColumn              *column,
                    const EquityColumnSummary *summary)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *name = gtk_label_new (equity_column_get_name (column));
  GtkWidget *type = gtk_label_new (equity_column_type_to_label (summary->type));
  gboolean is_date = summary->type == EQUITY_COLUMN_TYPE_DATE;
  g_autofree char *empty = NULL;
  int line = 1;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_add_css_class (grid, "summary-card");

  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (name, equity_column_get_name (column));
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (type), 1.0);
  gtk_widget_add_css_class (type, "dim-label");
  gtk_widget_add_css_class (type, "caption");
  gtk_grid_attach (GTK_GRID (grid), name, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), type, 1, 0, 1, 1);

  if (summary->n_nulls == 0)
    empty = g_strdup (_("None"));
  else
    {
      g_autofree char *count = equity_format_count (summary->n_nulls);

      /* Translators: empty cells of a column, "12 (0.4%)" */
      empty = g_strdup_printf (_("%s (%.1f%%)"), count,
                               100.0 * summary->n_nulls / MAX (summary->n_rows, 1));
    }
  add_stat (GTK_GRID (grid), line++, _("Empty"), empty);

  if (summary->min != NULL)
    {
      add_stat (GTK_GRID (grid), line++, is_date ? _("Earliest") : _("Lowest"), summary->min);
      add_stat (GTK_GRID (grid), line++, is_date ? _("Latest") : _("Highest"), summary->max);
    }
  /* the mean of codes, identifiers and clock times means nothing */
  if (summary->has_mean && equity_column_get_role (column) != EQUITY_COLUMN_ROLE_KEY &&
      equity_column_get_role (column) != EQUITY_COLUMN_ROLE_IDENTIFIER &&
      equity_column_get_role (column) != EQUITY_COLUMN_ROLE_TIME)
    {
      g_autofree char *mean = format_mean (summary->mean);

      add_stat (GTK_GRID (grid), line++, _("Mean"), mean);
    }
  if (summary->has_distinct)
    {
      g_autofree char *distinct = equity_format_count (summary->n_distinct);

      add_stat (GTK_GRID (grid), line++, _("Distinct values"), distinct);
    }

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  return row;
}

static void
summaries_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(EquityTableView) self = user_data;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *count = NULL;
  GtkWidget *child;
  guint64 n_rows;

  summaries = equity_row_model_summarize_finish (EQUITY_ROW_MODEL (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      EQUITY_ROW_MODEL (object) != self->model)
    return;

  gtk_spinner_stop (self->summary_spinner);
  if (summaries == NULL)
    {
      gtk_label_set_label (self->summary_error, error->message);
      gtk_stack_set_visible_child_name (self->summary_stack, "error");
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->summary_list))) != NULL)
    gtk_list_box_remove (self->summary_list, child);
  for (guint i = 0; i < summaries->len; i++)
    gtk_list_box_append (self->summary_list,
                         create_summary_row (equity_dataset_get_column (self->dataset, i),
                                             g_ptr_array_index (summaries, i)));
  self->n_summaries = summaries->len;

  n_rows = summaries->len > 0 ? ((EquityColumnSummary *) g_ptr_array_index (summaries, 0))->n_rows : 0;
  count = equity_format_count (n_rows);
  if (equity_row_model_get_filter (self->model) != NULL)
    /* Translators: %s is a number of rows, then what they were searched for */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Of the %s row that contains “%s”",
                                             "Of the %s rows that contain “%s”", n_rows),
                                count, equity_row_model_get_filter (self->model));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Of all %s row", "Of all %s rows", n_rows),
                                count);
  gtk_label_set_label (self->summary_subtitle, subtitle);
  gtk_stack_set_visible_child_name (self->summary_stack, "list");
}

void
_equity_table_view_refresh_summaries (EquityTableView *self)
{
  g_cancellable_cancel (self->summary_cancellable);
  g_clear_object (&self->summary_cancellable);
  self->n_summaries = 0;

  if (self->model == NULL || !gtk_revealer_get_reveal_child (self->summary_revealer))
    {
      self->summaries_stale = TRUE;
      return;
    }

  self->summaries_stale = FALSE;
  self->summary_cancellable = g_cancellable_new ();
  gtk_label_set_label (self->summary_subtitle, _("Working out…"));
  gtk_stack_set_visible_child_name (self->summary_stack, "loading");
  gtk_spinner_start (self->summary_spinner);
  equity_row_model_summarize_async (self->model, self->summary_cancellable,
                                    summaries_done_cb, g_object_ref (self));
}
