/* equity-action-plan-rows.c — the rows of the Action Plan page's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-action-plan-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "equity-action-plan-page-private.h"
#include "equity-utils.h"

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* a highlight says what it is in words, the icon and colour only help */
static GtkWidget *
make_flag (const char *icon_name,
           const char *text,
           const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  gtk_widget_add_css_class (box, css_class);
  return box;
}

static char *
format_money (double value)
{
  if (isnan (value))
    return g_strdup (EQUITY_FORMAT_MISSING);
  /* cents only when there are some */
  return equity_format_number (value, value == floor (value) ? 0 : 2);
}

GtkWidget *
_equity_action_plan_row_new (EquityPlanAction *action)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *flags = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *status = gtk_label_new (equity_plan_status_to_label (action->status));
  g_autofree char *budget = format_money (action->budget);
  g_autofree char *spent = format_money (action->spent);
  /* Translators: lead department, person, due date, priority, then budget
   * allocated and spent, e.g. "Parks · R. Jones · due 2026-06-30 · High priority · 42,000 / 12,500" */
  g_autofree char *details = g_strdup_printf (_("%s · %s · due %s · %s · budget %s, spent %s"),
                                              action->department ? action->department : _("no department"),
                                              action->owner ? action->owner : _("no lead"),
                                              action->due ? action->due : _("not set"),
                                              equity_plan_priority_to_label (action->priority),
                                              budget, spent);
  GtkWidget *title = make_label (action->title, "heading");
  GtkWidget *number;

  gtk_widget_set_hexpand (title, TRUE);
  number = make_label (action->number, "numeric");
  /* "1.12" stays on one line */
  gtk_label_set_wrap (GTK_LABEL (number), FALSE);
  gtk_label_set_width_chars (GTK_LABEL (number), 4);
  gtk_widget_set_valign (number, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (top), number);
  gtk_box_append (GTK_BOX (top), title);
  gtk_widget_add_css_class (status, "caption-heading");
  gtk_widget_add_css_class (status, g_strcmp0 (action->status, "done") == 0 ? "success" : "dim-label");
  gtk_widget_set_valign (status, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (top), status);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), make_label (details, "dim-label"));
  if (action->overdue)
    gtk_box_append (GTK_BOX (flags), make_flag ("alarm-symbolic", _("Overdue"), "error"));
  if (action->off_track)
    gtk_box_append (GTK_BOX (flags), make_flag ("dialog-warning-symbolic", _("Indicator off track"), "warning"));
  if (gtk_widget_get_first_child (flags) != NULL)
    gtk_box_append (GTK_BOX (box), flags);
  else
    g_object_ref_sink (flags), g_object_unref (flags);
  equity_widget_set_margins (box, 8, 8, 12, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "action-id", GINT_TO_POINTER ((int) action->id));
  return row;
}

GtkWidget *
_equity_action_plan_goal_row_new (guint       number,
                                  const char *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  g_autofree char *text = g_strdup_printf ("%u  %s", number, title);
  GtkWidget *label = make_label (text, "title-4");

  equity_widget_set_margins (label, 10, 6, 12, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}
