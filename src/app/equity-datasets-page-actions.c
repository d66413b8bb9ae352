/* equity-datasets-page-actions.c — renaming and deleting the dataset shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-datasets-page"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-datasets-page-private.h"
#include "equity-utils.h"

static void
show_error (EquityDatasetsPage *self,
            const char         *heading,
            const GError       *error)
{
  equity_show_error_dialog (GTK_WIDGET (self), heading, error->message);
}

static void
rename_entry_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  const char *text = gtk_editable_get_text (entry);
  const char *old_name = g_object_get_data (G_OBJECT (dialog), "equity-old-name");
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  adw_message_dialog_set_response_enabled (dialog, "rename",
                                           stripped[0] != '\0' && g_strcmp0 (stripped, old_name) != 0);
}

static void
rename_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    EquityDatasetsPage *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *new_name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityDataset) dataset = NULL;

  if (!g_str_equal (response, "rename") || self->project == NULL || self->dataset == NULL)
    return;

  new_name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  dataset = g_object_ref (self->dataset);

  if (!equity_project_rename_dataset (self->project, dataset, new_name, &error))
    {
      show_error (self, _("Could Not Rename the Dataset"), error);
      return;
    }

  _equity_datasets_page_update (self);
}

void
_equity_datasets_page_rename_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  EquityDatasetsPage *self = EQUITY_DATASETS_PAGE (widget);
  const char *name;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->dataset == NULL)
    return;

  name = equity_dataset_get_name (self->dataset);
  body = g_strdup_printf (_("Saved analyses that use “%s” will use the new name."), name);

  dialog = equity_confirm_dialog_new (widget, _("Rename Dataset"), body,
                                      "rename", _("_Rename"), ADW_RESPONSE_SUGGESTED, TRUE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "rename", FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "equity-old-name", g_strdup (name), g_free);

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New name"),
                                  -1);
  g_signal_connect (entry, "changed", G_CALLBACK (rename_entry_changed_cb), dialog);
  /* Enter presses the Rename button, which renames and closes the dialog
   * (a response alone would leave it open, with a Cancel that cancels
   * nothing); while Rename is off, Enter does nothing. */
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
delete_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    EquityDatasetsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityDataset) dataset = NULL;
  g_autofree char *name = NULL;
  g_autofree char *toast = NULL;

  if (!g_str_equal (response, "delete") || self->project == NULL || self->dataset == NULL)
    return;

  dataset = g_object_ref (self->dataset);
  name = g_strdup (equity_dataset_get_name (dataset));

  /* the dialog listed the analyses that read it: the user chose */
  if (!equity_project_delete_dataset (self->project, dataset, TRUE, &error))
    {
      show_error (self, _("Could Not Delete the Dataset"), error);
      return;
    }

  /* Translators: shown after a dataset was deleted */
  toast = g_strdup_printf (_("Deleted “%s”"), name);
  equity_show_toast (GTK_WIDGET (self), toast);
}

void
_equity_datasets_page_delete_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  EquityDatasetsPage *self = EQUITY_DATASETS_PAGE (widget);
  guint64 n_rows;
  g_autofree char *heading = NULL;
  g_autofree char *count = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) users = NULL;
  GtkWidget *dialog;

  if (self->dataset == NULL)
    return;

  n_rows = equity_dataset_get_n_rows (self->dataset);
  count = equity_format_count (n_rows);
  heading = g_strdup_printf (_("Delete “%s”?"), equity_dataset_get_name (self->dataset));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its %s row will be removed from the project. The source file is not touched.",
                                       "Its %s rows will be removed from the project. The source file is not touched.",
                                       n_rows),
                          count);
  users = equity_project_list_analyses_using (self->project, self->dataset, NULL);
  if (users != NULL && users[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("”, “", users);
      g_autofree char *use = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "The saved analysis “%s” reads it and will no longer run.",
                                                           "The saved analyses “%s” read it and will no longer run.",
                                                           g_strv_length (users)),
                                              list);
      char *both = g_strconcat (body, "\n\n", use, NULL);

      g_free (body);
      body = both;
    }

  dialog = equity_confirm_dialog_new (widget, heading, body,
                                      "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE, FALSE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
