/* equity-window-import.c — files into the project: the import dialog, then
 * a job with the window's progress bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-window"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-utils.h"
#include "equity-window-private.h"

static void start_next_import (EquityWindow *self);

static void
close_import_dialog (EquityWindow *self)
{
  g_autoptr(EquityImportDialog) dialog = g_steal_pointer (&self->import_dialog);

  if (dialog == NULL)
    return;
  g_signal_handlers_disconnect_by_data (dialog, self);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
_equity_window_cancel_imports (EquityWindow *self)
{
  g_assert (EQUITY_IS_WINDOW (self));

  g_queue_clear_full (&self->pending_imports, g_object_unref);
  close_import_dialog (self);
}

static void
import_finished_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  EquityJob *job = EQUITY_JOB (object);
  g_autoptr(EquityWindow) self = user_data;
  EquityImportDialog *dialog = g_object_get_data (G_OBJECT (job), "equity-dialog");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  guint64 n_rows = 0;

  if (!equity_job_import_finish (job, result, &name, &n_rows, &error))
    {
      /* The window moved on (closed, other project): nothing to say. */
      if (self->job != job)
        return;

      _equity_window_end_job (self);
      if (g_cancellable_is_cancelled (equity_job_get_cancellable (job)))
        {
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Import cancelled")));
          if (dialog == self->import_dialog)
            close_import_dialog (self);
          start_next_import (self);
        }
      else if (dialog == self->import_dialog)
        /* nothing was imported: the dialog comes back with the reason */
        equity_import_dialog_show_error (dialog, error->message);
      return;
    }

  if (self->job != job)
    return;

  _equity_window_end_job (self);

  if (self->project != NULL)
    {
      g_autoptr(GError) reload_error = NULL;
      g_autofree char *count = equity_format_count (n_rows);
      g_autofree char *message = NULL;

      /* Select the new dataset once the sidebar lists it. */
      g_free (self->select_after_reload);
      self->select_after_reload = g_strdup (name);

      if (!equity_project_reload_catalog (self->project, &reload_error))
        _equity_window_show_error (self, _("Could Not Read the Project’s Catalog"),
                                   reload_error->message);
      else
        _equity_window_select_dataset_by_name (self, name);
      g_clear_pointer (&self->select_after_reload, g_free);

      /* Translators: shown when an import finished, e.g.
       * "Imported 15,015 rows into “arrests”" */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Imported %s row into “%s”",
                                              "Imported %s rows into “%s”",
                                              n_rows),
                                 count, name);
      adw_toast_overlay_add_toast (self->toast_overlay, equity_toast_new (message));
    }

  if (dialog == self->import_dialog)
    close_import_dialog (self);
  start_next_import (self);
}

static void
dialog_import_cb (EquityWindow       *self,
                  EquityImportDialog *dialog)
{
  g_autoptr(EquityJob) job = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;

  g_assert (EQUITY_IS_WINDOW (self));

  if (self->project == NULL || equity_import_dialog_get_importer (dialog) == NULL)
    return;

  if (self->job != NULL)
    {
      equity_import_dialog_show_error (dialog, _("Another task is running: wait for it to finish, or cancel it"));
      return;
    }

  basename = g_file_get_basename (equity_import_dialog_get_file (dialog));
  /* Translators: shown while a file is imported, %s is its name */
  title = g_strdup_printf (_("Importing “%s”…"), basename);
  job = equity_job_new (title);
  g_object_set_data_full (G_OBJECT (job), "equity-dialog", g_object_ref (dialog), g_object_unref);

  /* The window shows the progress and the Cancel button; the dialog waits,
   * hidden, in case the import fails and the person wants to fix it. */
  _equity_window_begin_job (self, job);
  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
  equity_job_import_async (job, equity_project_get_path (self->project),
                           equity_import_dialog_get_importer (dialog),
                           import_finished_cb, g_object_ref (self));
}

static gboolean
dialog_close_request_cb (EquityWindow       *self,
                         EquityImportDialog *dialog)
{
  /* cancelled by the person: on to the next file, while GTK closes this one */
  if (self->import_dialog == dialog)
    {
      g_signal_handlers_disconnect_by_data (dialog, self);
      g_clear_object (&self->import_dialog);
      start_next_import (self);
    }

  return GDK_EVENT_PROPAGATE;
}

static void
start_next_import (EquityWindow *self)
{
  g_autoptr(GFile) file = NULL;

  g_assert (EQUITY_IS_WINDOW (self));

  if (self->import_dialog != NULL || self->job != NULL || self->project == NULL)
    return;

  file = g_queue_pop_head (&self->pending_imports);
  if (file == NULL)
    return;

  self->import_dialog = g_object_ref (equity_import_dialog_new (GTK_WINDOW (self), self->project, file));
  g_signal_connect_object (self->import_dialog, "import", G_CALLBACK (dialog_import_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_dialog, "close-request", G_CALLBACK (dialog_close_request_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->import_dialog));
}

void
equity_window_import_files (EquityWindow  *self,
                            GFile        **files,
                            guint          n_files)
{
  g_return_if_fail (EQUITY_IS_WINDOW (self));

  if (self->project == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Open or create a project to import data into")));
      return;
    }

  for (guint i = 0; i < n_files; i++)
    g_queue_push_tail (&self->pending_imports, g_object_ref (files[i]));

  start_next_import (self);
}

static void
import_response_cb (GtkNativeDialog *native,
                    int              response,
                    EquityWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));

      equity_window_import_files (self, (GFile **) array->pdata, array->len);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
_equity_window_import_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  EquityWindow *self = EQUITY_WINDOW (widget);
  GtkFileChooserNative *native;

  if (self->project == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Import Data"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);

  _equity_window_add_filter (GTK_FILE_CHOOSER (native), _("All supported files"),
              "*.csv", "*.CSV", "*.tsv", "*.TSV", "*.txt", "*.xlsx", "*.XLSX",
              "*.ods", "*.ODS", "*.geojson", "*.json", "*.shp", "*.SHP", "*.gpkg", NULL);
  _equity_window_add_filter (GTK_FILE_CHOOSER (native), _("Comma- and tab-separated values"),
              "*.csv", "*.CSV", "*.tsv", "*.TSV", "*.txt", NULL);
  _equity_window_add_filter (GTK_FILE_CHOOSER (native), _("Spreadsheets (Excel, OpenDocument)"),
              "*.xlsx", "*.XLSX", "*.ods", "*.ODS", NULL);
  _equity_window_add_filter (GTK_FILE_CHOOSER (native), _("Map layers (GeoJSON, Shapefile, GeoPackage)"),
              "*.geojson", "*.json", "*.shp", "*.SHP", "*.gpkg", NULL);
  _equity_window_add_filter (GTK_FILE_CHOOSER (native), _("All files"), "*", NULL);

  g_signal_connect_object (native, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
