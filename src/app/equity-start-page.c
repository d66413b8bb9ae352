/* equity-start-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-start-page"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-start-page.h"
#include "equity-utils.h"

struct _EquityStartPage
{
  AdwBin      parent_instance;

  /* Template widgets */
  GtkWidget  *recent_box;
  GtkListBox *recent_list;

  /* Owned references */
  GSettings  *settings;
  guint       n_recent;
  gboolean    listed;       /* the list was made once */
};

G_DEFINE_FINAL_TYPE (EquityStartPage, equity_start_page, ADW_TYPE_BIN)

static void
remove_clicked_cb (GtkButton       *button,
                   EquityStartPage *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "equity-path");

  g_assert (EQUITY_IS_START_PAGE (self));

  equity_recent_projects_remove (self->settings, path);
}

static void
row_activated_cb (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  EquityStartPage *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "equity-path");

  g_assert (EQUITY_IS_START_PAGE (self));

  if (path != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-project", "s", path);
}

static GtkWidget *
create_recent_row (EquityStartPage *self,
                   const char      *path)
{
  g_autofree char *title = equity_dup_title_for_path (path);
  g_autofree char *folder = equity_dup_display_folder (path);
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s” From Recent Projects"), title);
  GtkWidget *row;
  GtkWidget *icon;
  GtkWidget *button;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, path);
  g_object_set_data_full (G_OBJECT (row), "equity-path", g_strdup (path), g_free);

  icon = gtk_image_new_from_icon_name ("x-office-spreadsheet-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Project"),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_tooltip_text (button, _("Remove From Recent Projects"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "equity-path", g_strdup (path), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
equity_start_page_reload (EquityStartPage *self)
{
  g_auto(GStrv) paths = NULL;
  GtkWidget *child;

  g_assert (EQUITY_IS_START_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  paths = equity_recent_projects_dup (self->settings);
  self->n_recent = g_strv_length (paths);

  for (guint i = 0; paths[i] != NULL; i++)
    gtk_list_box_append (self->recent_list, create_recent_row (self, paths[i]));

  gtk_widget_set_visible (self->recent_box, self->n_recent > 0);
  self->listed = TRUE;
}

static void
recent_changed_cb (GSettings       *settings,
                   const char      *key,
                   EquityStartPage *self)
{
  equity_start_page_reload (self);
}

static void
equity_start_page_map (GtkWidget *widget)
{
  /* Projects may have been moved or deleted since the list was built. */
  equity_start_page_reload (EQUITY_START_PAGE (widget));

  GTK_WIDGET_CLASS (equity_start_page_parent_class)->map (widget);
}

static void
equity_start_page_dispose (GObject *object)
{
  EquityStartPage *self = (EquityStartPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), EQUITY_TYPE_START_PAGE);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (equity_start_page_parent_class)->dispose (object);
}

static void
equity_start_page_class_init (EquityStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = equity_start_page_dispose;
  widget_class->map = equity_start_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/asheville/Equity/ui/equity-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EquityStartPage, recent_box);
  gtk_widget_class_bind_template_child (widget_class, EquityStartPage, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
equity_start_page_init (EquityStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (recent_changed_cb), self, 0);
  /* The list (a look at each file on disk) is made when the page is shown,
   * in map(): a window that opens a project at once never needs it. */
}

GtkWidget *
equity_start_page_new (void)
{
  return g_object_new (EQUITY_TYPE_START_PAGE, NULL);
}

guint
equity_start_page_get_n_recent (EquityStartPage *self)
{
  g_return_val_if_fail (EQUITY_IS_START_PAGE (self), 0);

  if (!self->listed)
    equity_start_page_reload (self);
  return self->n_recent;
}
