/* equity-action-plan-log.c — the project's whole change log: a window that
 * lists it, filterable by item kind and never editable, and its CSV export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-action-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-action-plan-page-private.h"
#include "equity-utils.h"

/* the kinds in the filter's order; NULL: every kind */
static const char * const log_kinds[] = { NULL, "goal", "action", "assessment", "template", "indicator" };

static void
fill_log (GtkDropDown *kinds,
          GParamSpec  *pspec,
          GtkListBox  *list)
{
  EquityProject *project = g_object_get_data (G_OBJECT (list), "project");
  guint kind = gtk_drop_down_get_selected (kinds);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  _equity_plan_remove_all (list);
  changes = equity_project_list_changes (project, kind < G_N_ELEMENTS (log_kinds) ? log_kinds[kind] : NULL,
                                         0, &error);
  for (guint i = changes != NULL ? changes->len : 0; i > 0; i--)
    {
      GHashTable *change = g_ptr_array_index (changes, i - 1);
      GtkWidget *row = _equity_action_plan_change_row (change);
      /* Translators: an item of the change log, e.g. "action 3" */
      g_autofree char *item = g_strdup_printf (_("%s %s"), (char *) g_hash_table_lookup (change, "item_kind"),
                                               (char *) g_hash_table_lookup (change, "item_id"));
      GtkWidget *label = gtk_label_new (item);

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (list, row);
    }
  if (error != NULL)
    gtk_list_box_append (list, gtk_label_new (error->message));
}

void
_equity_action_plan_log_show (EquityActionPlanPage *self)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *kinds = gtk_drop_down_new_from_strings ((const char *[]) {
    _("Every kind"), _("Goals"), _("Actions"), _("Assessments"), _("Templates"), _("Indicators"), NULL });
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export…"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Change Log"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 560);
  gtk_widget_set_tooltip_text (kinds, _("Show changes to one kind of item"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), kinds);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "plan.export-log");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export);
  gtk_box_append (GTK_BOX (box), header);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_widget_set_margin_top (list, 12);
  gtk_widget_set_margin_bottom (list, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  /* the export button reaches the page's actions */
  gtk_widget_insert_action_group (window, "plan", G_ACTION_GROUP (self->page_actions));
  g_object_set_data_full (G_OBJECT (list), "project", g_object_ref (self->project), g_object_unref);
  /* for tests: the list and its filter */
  g_object_set_data (G_OBJECT (window), "log-list", list);
  g_object_set_data (G_OBJECT (list), "kinds", kinds);
  g_signal_connect (kinds, "notify::selected", G_CALLBACK (fill_log), list);
  fill_log (GTK_DROP_DOWN (kinds), NULL, GTK_LIST_BOX (list));
  gtk_window_present (GTK_WINDOW (window));
}

static void
export_response_cb (GtkNativeDialog      *chooser,
                    int                   response,
                    EquityActionPlanPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->project != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      if (!equity_change_log_export_csv (self->project, path, &error))
        equity_show_toast (GTK_WIDGET (self), error->message);
      else
        equity_show_toast (GTK_WIDGET (self), _("Change log exported"));
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

void
_equity_action_plan_log_export (EquityActionPlanPage *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Change Log"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("change-log.csv"));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
