/* equity-assessments-page-print.c — the assessment shown, printed to a PDF
 * file by the core's renderer in a worker, with progress and Cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-assessments-page"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-assessments-page-private.h"
#include "equity-utils.h"

static void
export_progress_cb (double   fraction,
                    gpointer user_data)
{
  EquityAssessmentsPage *self = user_data;

  gtk_progress_bar_set_fraction (self->export_progress, fraction);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autofree char *path = user_data;
  g_autoptr(GError) error = NULL;
  EquityAssessmentsPage *self;
  gboolean written = equity_assessment_write_pdf_finish (result, &error);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  /* cancelled by Cancel, another project or the page's end: the page may be gone */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  self = g_object_get_data (G_OBJECT (g_task_get_cancellable (G_TASK (result))), "equity-page");
  g_clear_object (&self->export_cancellable);
  gtk_revealer_set_reveal_child (self->export_revealer, FALSE);
  _equity_assessments_page_update_actions (self);
  if (!written)
    {
      equity_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  name = g_path_get_basename (path);
  /* Translators: a toast, %s is a file name */
  message = g_strdup_printf (_("Saved “%s”"), name);
  equity_show_toast (GTK_WIDGET (self), message);
}

void
_equity_assessments_page_print_to (EquityAssessmentsPage *self,
                                   const char            *path)
{
  if (self->project == NULL || self->current == NULL || self->export_cancellable != NULL)
    return;
  /* the document shows what was typed a moment ago too */
  equity_assessments_page_flush (self);
  self->export_cancellable = g_cancellable_new ();
  g_object_set_data (G_OBJECT (self->export_cancellable), "equity-page", self);
  gtk_progress_bar_set_fraction (self->export_progress, 0);
  gtk_revealer_set_reveal_child (self->export_revealer, TRUE);
  _equity_assessments_page_update_actions (self);
  equity_assessment_write_pdf_async (equity_project_get_path (self->project), self->current->id, path,
                                     self->export_cancellable, export_progress_cb, self,
                                     export_done_cb, g_strdup (path));
}

void
_equity_assessments_page_cancel_export (EquityAssessmentsPage *self)
{
  if (self->export_cancellable == NULL)
    return;
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  if (self->export_revealer != NULL)
    gtk_revealer_set_reveal_child (self->export_revealer, FALSE);
  _equity_assessments_page_update_actions (self);
}

static void
chooser_response_cb (GtkNativeDialog       *native,
                     int                    response,
                     EquityAssessmentsPage *self)
{
  g_autofree char *path = equity_file_chooser_dup_path (native, response);

  if (path != NULL)
    {
      g_autofree char *pdf = g_str_has_suffix (path, ".pdf") ? g_strdup (path) : g_strconcat (path, ".pdf", NULL);

      _equity_assessments_page_print_to (self, pdf);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
_equity_assessments_page_choose_pdf (EquityAssessmentsPage *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  if (self->current == NULL)
    return;
  native = gtk_file_chooser_native_new (_("Print Assessment to PDF"), equity_widget_get_window (GTK_WIDGET (self)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  /* a file name cannot hold a slash */
  name = g_strdelimit (g_strconcat (self->current->title, ".pdf", NULL), "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect_object (native, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
