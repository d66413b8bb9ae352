/* equity-assessments-page-actions.c — the Assessments page's actions: a new
 * assessment through a dialog, printing one to PDF and cancelling that
 * (assessments.*)
 *
 * History and deletion: equity-assessments-page-history.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-assessments-page"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-assessments-page-private.h"
#include "equity-lens-template-editor.h"
#include "equity-utils.h"


typedef struct
{
  EquityAssessmentsPage *page;
  GtkEntry              *title;
  GtkEntry              *department;
  GtkDropDown           *subject;
  GtkDropDown           *template;
  GPtrArray             *templates;   /* EquityLensTemplate */
} NewDialog;

static void
new_dialog_free (NewDialog *dialog)
{
  g_clear_pointer (&dialog->templates, g_ptr_array_unref);
  g_free (dialog);
}

static void
new_response_cb (AdwMessageDialog *message,
                 const char       *response,
                 NewDialog        *dialog)
{
  EquityAssessmentsPage *self = dialog->page;
  g_autoptr(GError) error = NULL;
  EquityLensTemplate *template;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (dialog->title));
  const char *department = gtk_editable_get_text (GTK_EDITABLE (dialog->department));
  guint subject = gtk_drop_down_get_selected (dialog->subject);
  guint chosen = gtk_drop_down_get_selected (dialog->template);
  gint64 id;

  if (g_strcmp0 (response, "create") != 0 || self->project == NULL || chosen >= dialog->templates->len
      || subject == GTK_INVALID_LIST_POSITION)
    return;
  template = g_ptr_array_index (dialog->templates, chosen);
  id = equity_assessment_create (self->project, template->name, title, department,
                                 equity_assessment_get_subjects ()[subject], NULL, &error);
  if (id == 0)
    {
      equity_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  _equity_assessments_page_reload (self, id);
}

static void
new_fields_changed_cb (NewDialog *dialog)
{
  GtkWidget *message = gtk_widget_get_ancestor (GTK_WIDGET (dialog->title), ADW_TYPE_MESSAGE_DIALOG);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (dialog->title))));
  g_autofree char *department = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (dialog->department))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (message), "create",
                                           *title != '\0' && *department != '\0');
}

static GtkWidget *
labelled (GtkWidget  *box,
          const char *text,
          GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return widget;
}

static void
new_action (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  EquityAssessmentsPage *self = EQUITY_ASSESSMENTS_PAGE (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  NewDialog *dialog;
  GtkWidget *message;
  GtkWidget *box;

  if (self->project == NULL)
    return;
  dialog = g_new0 (NewDialog, 1);
  dialog->page = self;
  dialog->templates = equity_lens_template_list_latest (self->project, &error);
  if (dialog->templates == NULL)
    {
      equity_show_toast (GTK_WIDGET (self), error->message);
      new_dialog_free (dialog);
      return;
    }
  for (guint i = 0; i < dialog->templates->len; i++)
    gtk_string_list_append (names, ((EquityLensTemplate *) g_ptr_array_index (dialog->templates, i))->name);

  message = adw_message_dialog_new (equity_widget_get_window (GTK_WIDGET (self)), _("New Assessment"),
                                    _("A department assesses one program, policy or budget request. "
                                      "Answers are saved as you type."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  dialog->title = GTK_ENTRY (labelled (box, _("_Title"), gtk_entry_new ()));
  gtk_entry_set_activates_default (dialog->title, TRUE);
  dialog->department = GTK_ENTRY (labelled (box, _("_Department"), gtk_entry_new ()));
  gtk_entry_set_activates_default (dialog->department, TRUE);
  dialog->subject = GTK_DROP_DOWN (labelled (box, _("_Assesses a"),
                                             gtk_drop_down_new (equity_word_list_new (NULL, equity_assessment_get_subjects (),
                                                                                      equity_assessment_subject_label),
                                                                NULL)));
  dialog->template = GTK_DROP_DOWN (labelled (box, _("T_emplate"),
                                              gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL)));
  /* the full six-step lens is the usual choice */
  for (guint i = 0; i < dialog->templates->len; i++)
    if (g_strcmp0 (((EquityLensTemplate *) g_ptr_array_index (dialog->templates, i))->name, "Equity lens") == 0)
      gtk_drop_down_set_selected (dialog->template, i);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (message), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message), "cancel", _("_Cancel"),
                                    "create", _("C_reate"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (message), "cancel");
  g_signal_connect_swapped (dialog->title, "changed", G_CALLBACK (new_fields_changed_cb), dialog);
  g_signal_connect_swapped (dialog->department, "changed", G_CALLBACK (new_fields_changed_cb), dialog);
  new_fields_changed_cb (dialog);
  g_signal_connect_data (message, "response", G_CALLBACK (new_response_cb), dialog,
                         (GClosureNotify) (void (*) (void)) new_dialog_free, 0);
  self->new_dialog = GTK_WINDOW (message);
  g_object_add_weak_pointer (G_OBJECT (message), (gpointer *) &self->new_dialog);
  gtk_window_present (GTK_WINDOW (message));
}

static void
export_pdf_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  _equity_assessments_page_choose_pdf (EQUITY_ASSESSMENTS_PAGE (user_data));
}

static void
cancel_export_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  _equity_assessments_page_cancel_export (EQUITY_ASSESSMENTS_PAGE (user_data));
}

static void
history_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  _equity_assessments_page_show_history (EQUITY_ASSESSMENTS_PAGE (user_data));
}

static void
export_history_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  _equity_assessments_page_export_history (EQUITY_ASSESSMENTS_PAGE (user_data));
}

static void
delete_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  _equity_assessments_page_delete (EQUITY_ASSESSMENTS_PAGE (user_data));
}

static void
undo_delete_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  _equity_assessments_page_undo_delete (EQUITY_ASSESSMENTS_PAGE (user_data));
}

static void
templates_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  EquityAssessmentsPage *self = EQUITY_ASSESSMENTS_PAGE (user_data);
  EquityLensTemplateEditor *editor;

  if (self->project == NULL)
    return;
  editor = equity_lens_template_editor_new (equity_widget_get_window (GTK_WIDGET (self)), self->project);
  /* new assessments see the new versions; the list shows which they use */
  g_signal_connect_object (editor, "destroy", G_CALLBACK (_equity_assessments_page_templates_closed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
export_sheet_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  _equity_assessments_page_export_sheet (EQUITY_ASSESSMENTS_PAGE (user_data));
}

static const GActionEntry assessments_actions[] = {
  { "export-sheet", export_sheet_action },
  { "templates", templates_action },
  { "new", new_action },
  { "history", history_action },
  { "export-history", export_history_action },
  { "delete", delete_action },
  { "undo-delete", undo_delete_action },
  { "export-pdf", export_pdf_action },
  { "cancel-export", cancel_export_action },
};

void
_equity_assessments_page_update_actions (EquityAssessmentsPage *self)
{
  gboolean writable = self->project != NULL && !equity_project_is_read_only (self->project);

  if (self->actions == NULL)
    return;
  equity_page_actions_set_enabled (self->actions, "new", self->shown && writable);
  /* Ctrl+P prints only while the page is shown, one document at a time */
  equity_page_actions_set_enabled (self->actions, "export-pdf", self->shown && self->current != NULL && self->export_cancellable == NULL);
  equity_page_actions_set_enabled (self->actions, "cancel-export", self->export_cancellable != NULL);
  equity_page_actions_set_enabled (self->actions, "templates", self->shown && self->project != NULL);
  equity_page_actions_set_enabled (self->actions, "export-sheet", self->shown && self->current != NULL);
  equity_page_actions_set_enabled (self->actions, "history", self->shown && self->current != NULL);
  equity_page_actions_set_enabled (self->actions, "export-history", self->shown && self->current != NULL);
  equity_page_actions_set_enabled (self->actions, "delete", self->shown && writable && self->current != NULL);
}

void
_equity_assessments_page_init_actions (EquityAssessmentsPage *self)
{
  self->actions = equity_page_actions_new (GTK_WIDGET (self), "assessments", assessments_actions, G_N_ELEMENTS (assessments_actions));
  _equity_assessments_page_update_actions (self);
}

void
_equity_assessments_page_clear_actions (EquityAssessmentsPage *self)
{
  equity_page_actions_clear (&self->actions, assessments_actions, G_N_ELEMENTS (assessments_actions));
}

GActionGroup *
equity_assessments_page_get_actions (EquityAssessmentsPage *self)
{
  g_return_val_if_fail (EQUITY_IS_ASSESSMENTS_PAGE (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

void
_equity_assessments_page_templates_closed (EquityAssessmentsPage *self)
{
  if (self->project != NULL)
    _equity_assessments_page_reload (self, self->current != NULL ? self->current->id : 0);
}

GtkWindow *
_equity_assessments_page_get_new_dialog (EquityAssessmentsPage *self)
{
  return self->new_dialog;
}
