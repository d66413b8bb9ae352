/* equity-window-explore.c — the window's actions for the Explore page:
 * new and save analysis, copy and export chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-window"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-window-private.h"

static gboolean
explore_shown (EquityWindow *self)
{
  return self->project != NULL
         && g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "explore") == 0;
}

static void
update_explore_actions (EquityWindow *self)
{
  gboolean shown = explore_shown (self);
  gboolean has_result = equity_explore_page_get_result (self->explore_page) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-analysis", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-analysis",
                                 shown && equity_explore_page_can_save (self->explore_page));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-chart", shown && has_result);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart", shown && has_result);
}

static void
new_analysis_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  equity_explore_page_new_analysis (EQUITY_WINDOW (widget)->explore_page);
}

static void
save_analysis_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  equity_explore_page_show_save_dialog (EQUITY_WINDOW (widget)->explore_page);
}

static void
copy_chart_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  EquityWindow *self = EQUITY_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!equity_explore_page_copy_chart (self->explore_page, &error))
    equity_window_add_toast (self, adw_toast_new (error->message));
  else
    equity_window_add_toast (self, adw_toast_new (_("Chart copied to the clipboard")));
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  equity_explore_page_show_export_dialog (EQUITY_WINDOW (widget)->explore_page);
}

void
_equity_window_class_add_explore_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-analysis", NULL, new_analysis_action);
  gtk_widget_class_install_action (widget_class, "win.save-analysis", NULL, save_analysis_action);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", NULL, copy_chart_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "win.save-analysis", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-chart", NULL);
}

void
_equity_window_init_explore (EquityWindow *self)
{
  g_signal_connect_object (self->explore_page, "notify::result",
                           G_CALLBACK (update_explore_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (update_explore_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::project",
                           G_CALLBACK (update_explore_actions), self, G_CONNECT_SWAPPED);
  update_explore_actions (self);
}
