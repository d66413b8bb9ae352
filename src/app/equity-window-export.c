/* equity-window-export.c — File ▸ Export Workbook…: the dialog, then the
 * workbook written in a worker with the window's progress bar and Cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-window"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-export-dialog.h"
#include "equity-utils.h"
#include "equity-window-private.h"

static void
export_finished_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  EquityJob *job = g_object_get_data (G_OBJECT (result), "equity-job");
  g_autoptr(EquityWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *path = g_object_get_data (G_OBJECT (job), "equity-path");
  EquityExportDialog *dialog = g_object_get_data (G_OBJECT (job), "equity-dialog");

  if (!equity_workbook_export_finish (result, &error))
    {
      if (self->job != job)
        return;
      _equity_window_end_job (self);
      if (g_cancellable_is_cancelled (equity_job_get_cancellable (job)))
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("Export cancelled: the workbook was not written")));
      else
        {
          /* the old file, if any, is as it was: the dialog comes back */
          gtk_widget_set_visible (GTK_WIDGET (dialog), TRUE);
          _equity_window_show_error (self, _("Could Not Export the Workbook"), error->message);
        }
      return;
    }

  if (self->job != job)
    return;
  _equity_window_end_job (self);
  gtk_window_destroy (GTK_WINDOW (dialog));
  {
    g_autofree char *name = g_path_get_basename (path);
    g_autofree char *folder = g_path_get_dirname (path);
    /* Translators: a toast after the workbook was written, %s its file name */
    g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);
    AdwToast *toast = equity_toast_new (message);

    adw_toast_set_button_label (toast, _("Open _Folder"));
    adw_toast_set_action_name (toast, "win.open-folder");
    adw_toast_set_action_target_value (toast, g_variant_new_string (folder));
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
}

/* The task's own callback gets the job back through the result. */
static void
export_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  EquityJob *job = user_data;

  g_object_set_data_full (G_OBJECT (result), "equity-job", job, g_object_unref);
  export_finished_cb (object, result, g_object_get_data (G_OBJECT (job), "equity-window"));
}

static void
dialog_export_cb (EquityWindow       *self,
                  const char         *path,
                  EquityExportDialog *dialog)
{
  g_autoptr(EquityJob) job = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *title = NULL;
  EquityWorkbookOptions options;

  if (self->project == NULL)
    return;
  if (self->job != NULL)
    {
      _equity_window_show_error (self, _("Could Not Export the Workbook"),
                                 _("Another task is running: wait for it to finish, or cancel it"));
      return;
    }

  equity_export_dialog_get_options (dialog, &options);
  /* Translators: shown while the workbook is written, %s is its file name */
  title = g_strdup_printf (_("Exporting “%s”…"), basename);
  job = equity_job_new (title);
  g_object_set_data_full (G_OBJECT (job), "equity-path", g_strdup (path), g_free);
  g_object_set_data_full (G_OBJECT (job), "equity-dialog", g_object_ref (dialog), g_object_unref);
  /* the callback owns this reference of the window */
  g_object_set_data (G_OBJECT (job), "equity-window", g_object_ref (self));

  _equity_window_begin_job (self, job);
  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
  equity_workbook_export_async (equity_project_get_path (self->project), path, &options,
                                equity_job_get_cancellable (job), equity_job_report, job,
                                export_ready_cb, g_object_ref (job));
}

void
_equity_window_export_workbook_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param)
{
  EquityWindow *self = EQUITY_WINDOW (widget);
  EquityExportDialog *dialog;

  if (self->project == NULL)
    return;
  dialog = equity_export_dialog_new (GTK_WINDOW (self), self->project);
  g_signal_connect_object (dialog, "export", G_CALLBACK (dialog_export_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_equity_window_open_folder_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  g_autoptr(GFile) folder = g_file_new_for_path (g_variant_get_string (param, NULL));
  g_autofree char *uri = g_file_get_uri (folder);
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    _equity_window_show_error (EQUITY_WINDOW (widget), _("Could Not Open the Folder"), error->message);
}
