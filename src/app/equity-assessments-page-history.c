/* equity-assessments-page-history.c — an assessment's history (its change
 * log entries, in the shared change-log window, and their CSV) and its
 * deletion with Undo
 *
 * Deleting waits for the Undo toast: the assessment leaves the list at once
 * and the store deletes it (one "deleted" entry, its answers with it, its
 * earlier entries kept) only when the toast goes without Undo, the project
 * changes or the page goes. Undo therefore gives back the same id and answers
 * without writing anything, and the log never shows a delete undone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-assessments-page"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-assessments-page-private.h"
#include "equity-change-log-window.h"
#include "equity-export-dialog.h"
#include "equity-utils.h"

void
_equity_assessments_page_show_history (EquityAssessmentsPage *self)
{
  if (self->project == NULL || self->current == NULL)
    return;
  /* what was typed is in the history before it is shown */
  equity_assessments_page_flush (self);
  self->history_window = equity_change_log_window_present (GTK_WIDGET (self), self->project, "assessment",
                                                           self->current->id, self->current->title);
  g_object_add_weak_pointer (G_OBJECT (self->history_window), (gpointer *) &self->history_window);
}

void
_equity_assessments_page_export_history (EquityAssessmentsPage *self)
{
  if (self->project == NULL || self->current == NULL)
    return;
  equity_assessments_page_flush (self);
  equity_change_log_export (GTK_WIDGET (self), self->project, "assessment", self->current->id);
}

/* the toast may outlive its dismissal: it must not clear a later one's pointer */
static void
forget_toast (EquityAssessmentsPage *self)
{
  if (self->delete_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->delete_toast), (gpointer *) &self->delete_toast);
  self->delete_toast = NULL;
}

/* writes the deletion the toast was offering to undo, if any */
void
_equity_assessments_page_commit_delete (EquityAssessmentsPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->pending_delete;

  self->pending_delete = 0;
  forget_toast (self);
  if (id == 0 || self->project == NULL)
    return;
  if (!equity_project_delete_assessment (self->project, id, &error))
    equity_show_toast (GTK_WIDGET (self), error->message);
}

static void
toast_dismissed_cb (AdwToast              *toast,
                    EquityAssessmentsPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "assessment-id"));

  /* an Undo, or a later deletion, has already settled it */
  if (self->pending_delete == id)
    _equity_assessments_page_commit_delete (self);
}

void
_equity_assessments_page_delete (EquityAssessmentsPage *self)
{
  g_autofree char *title = NULL;
  AdwToast *toast;
  gint64 id;

  if (self->project == NULL || self->current == NULL)
    return;
  equity_assessments_page_flush (self);
  /* one Undo at a time: an earlier deletion is written now */
  _equity_assessments_page_commit_delete (self);
  id = self->current->id;
  /* Translators: a toast after deleting an assessment, with Undo */
  title = g_strdup_printf (_("“%s” deleted"), self->current->title);
  self->pending_delete = id;
  _equity_assessments_page_reload (self, 0);

  toast = equity_undo_toast_new (title, "assessments.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "assessment-id", GSIZE_TO_POINTER (id));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  forget_toast (self);
  self->delete_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->delete_toast);
  equity_add_toast (GTK_WIDGET (self), toast);
}

void
_equity_assessments_page_undo_delete (EquityAssessmentsPage *self)
{
  gint64 id = self->pending_delete;

  if (id == 0)
    return;
  self->pending_delete = 0;
  if (self->delete_toast != NULL)
    adw_toast_dismiss (self->delete_toast);
  forget_toast (self);
  _equity_assessments_page_reload (self, id);
}

/* The council packet's export dialog, from the window (its worker, progress
 * and Cancel), with this assessment's sheet ticked. */
void
_equity_assessments_page_export_sheet (EquityAssessmentsPage *self)
{
  g_autoptr(GPtrArray) listed = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  guint index = G_MAXUINT;

  if (self->project == NULL || self->current == NULL)
    return;
  equity_assessments_page_flush (self);
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.export-workbook", NULL))
    return;
  /* the dialog lists the assessments the way the core does, oldest first */
  listed = equity_assessment_list (self->project, NULL);
  for (guint i = 0; listed != NULL && i < listed->len; i++)
    if (((EquityAssessment *) g_ptr_array_index (listed, i))->id == self->current->id)
      index = i;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkCheckButton *check;

      if (!EQUITY_IS_EXPORT_DIALOG (window) || gtk_window_get_transient_for (window) != GTK_WINDOW (root))
        continue;
      check = equity_export_dialog_get_assessment_check (EQUITY_EXPORT_DIALOG (window), index);
      if (check != NULL)
        gtk_check_button_set_active (check, TRUE);
    }
}
