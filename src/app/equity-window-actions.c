/* equity-window-actions.c — the window's actions, file choosers, jobs and
 * drag and drop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-window"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-utils.h"
#include "equity-window-private.h"

void
_equity_window_show_error (EquityWindow *self,
                           const char   *heading,
                           const char   *message)
{
  g_assert (EQUITY_IS_WINDOW (self));

  equity_show_error_dialog (GTK_WIDGET (self), heading, message);
}

void
_equity_window_update_actions (EquityWindow *self)
{
  gboolean has_project = self->project != NULL;
  gboolean writable = has_project && !equity_project_is_read_only (self->project);

  /* A read-only project says so in the title; nothing offers to change it. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-project", has_project);
  /* a read-only project still exports: it only reads */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-workbook",
                                 has_project && g_list_model_get_n_items (equity_project_get_analyses (self->project)) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-job", self->job != NULL);
}

/* Progress of the running job, shown at the bottom of the window. */

static void
job_fraction_changed_cb (EquityWindow *self,
                         GParamSpec   *pspec,
                         EquityJob    *job)
{
  double fraction = equity_job_get_fraction (job);
  /* Translators: progress of an import, e.g. "42 %" */
  g_autofree char *percent = g_strdup_printf (_("%.0f%%"), fraction * 100.0);

  gtk_progress_bar_set_fraction (self->job_progress, fraction);
  gtk_label_set_label (self->job_percent, percent);
}

void
_equity_window_begin_job (EquityWindow *self,
                         EquityJob    *job)
{
  g_assert (EQUITY_IS_WINDOW (self));
  g_assert (self->job == NULL);

  self->job = g_object_ref (job);
  g_signal_connect_object (job, "notify::fraction",
                           G_CALLBACK (job_fraction_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_label_set_label (self->job_label, equity_job_get_title (job));
  job_fraction_changed_cb (self, NULL, job);
  gtk_spinner_start (self->job_spinner);
  gtk_revealer_set_reveal_child (self->job_revealer, TRUE);
  _equity_window_update_actions (self);
}

void
_equity_window_end_job (EquityWindow *self)
{
  g_assert (EQUITY_IS_WINDOW (self));

  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->job);
  gtk_spinner_stop (self->job_spinner);
  gtk_revealer_set_reveal_child (self->job_revealer, FALSE);
  _equity_window_update_actions (self);
}

void
_equity_window_cancel_jobs (EquityWindow *self)
{
  g_assert (EQUITY_IS_WINDOW (self));

  _equity_window_cancel_imports (self);
  if (self->job != NULL)
    {
      equity_job_cancel (self->job);
      _equity_window_end_job (self);
    }
}

void
_equity_window_add_filter (GtkFileChooser *chooser,
                           const char     *name,
                           const char     *first_pattern,
                           ...)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *pattern = first_pattern;
  va_list args;

  gtk_file_filter_set_name (filter, name);
  va_start (args, first_pattern);
  while (pattern != NULL)
    {
      gtk_file_filter_add_pattern (filter, pattern);
      pattern = va_arg (args, const char *);
    }
  va_end (args);

  gtk_file_chooser_add_filter (chooser, filter);
}

/* Projects */

static void
open_response_cb (GtkNativeDialog *native,
                  int              response,
                  EquityWindow    *self)
{
  g_autofree char *path = equity_file_chooser_dup_path (native, response);

  if (path != NULL)
    equity_window_open_project (self, path);

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
equity_window_choose_project (EquityWindow *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (EQUITY_IS_WINDOW (self));

  native = gtk_file_chooser_native_new (_("Open Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (filter, _("Asheville Equity projects"));
  gtk_file_filter_add_pattern (filter, "*.equity");
  gtk_file_filter_add_mime_type (filter, "application/x-asheville-equity");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  _equity_window_add_filter (GTK_FILE_CHOOSER (native), _("All files"), "*", NULL);

  g_signal_connect_object (native, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
new_response_cb (GtkNativeDialog *native,
                 int              response,
                 EquityWindow    *self)
{
  g_autofree char *chosen = equity_file_chooser_dup_path (native, response);

  if (chosen != NULL)
    {
      g_autofree char *path = equity_ensure_project_suffix (chosen);
      g_autoptr(EquityProject) project = NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        goto out;

      /* The file chooser asked before replacing an existing file. */
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          if (self->project != NULL && g_str_equal (equity_project_get_path (self->project), path))
            equity_window_close_project (self);
          equity_project_remove_files (path);
        }

      project = equity_project_create (path, &error);
      if (project == NULL)
        {
          g_autofree char *name = g_path_get_basename (path);
          /* Translators: the heading of an error dialog, %s is a file name */
          g_autofree char *heading = g_strdup_printf (_("Could Not Create “%s”"), name);

          _equity_window_show_error (self, heading, error->message);
          goto out;
        }

      equity_project_close (project);
      equity_window_open_project (self, path);
    }

out:
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
equity_window_choose_new_project (EquityWindow *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (EQUITY_IS_WINDOW (self));

  native = gtk_file_chooser_native_new (_("New Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("C_reate"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* Translators: the suggested file name of a new project */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Equity review.equity"));

  if (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) != NULL)
    {
      folder = g_file_new_for_path (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS));
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }

  g_signal_connect_object (native, "response", G_CALLBACK (new_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The sample project */

static void
sample_finished_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  EquityJob *job = EQUITY_JOB (object);
  g_autoptr(EquityWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = equity_dup_sample_path ();

  if (!equity_job_create_sample_finish (job, result, &error))
    {
      if (self->job == job)
        {
          _equity_window_end_job (self);
          _equity_window_set_creating_sample (self, FALSE);
          if (!g_cancellable_is_cancelled (equity_job_get_cancellable (job)))
            _equity_window_show_error (self, _("Could Not Create the Sample Project"),
                                       error->message);
        }
      return;
    }

  if (self->job != job)
    return;

  _equity_window_end_job (self);
  /* still loading, without a moment between */
  equity_window_load_project (self, path);
  _equity_window_set_creating_sample (self, FALSE);
}

void
equity_window_open_sample (EquityWindow *self)
{
  g_autofree char *path = equity_dup_sample_path ();
  g_autoptr(EquityJob) job = NULL;

  g_return_if_fail (EQUITY_IS_WINDOW (self));

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      equity_window_load_project (self, path);
      return;
    }

  if (self->job != NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Another task is running: wait for it to finish, or cancel it")));
      return;
    }

  job = equity_job_new (_("Creating the sample project from Asheville open data…"));
  _equity_window_begin_job (self, job);
  _equity_window_set_creating_sample (self, TRUE);
  equity_job_create_sample_async (job, path, sample_finished_cb, g_object_ref (self));
}

/* Drag and drop */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         EquityWindow  *self)
{
  GSList *list;
  g_autoptr(GPtrArray) data_files = g_ptr_array_new ();
  GFile *project_file = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (const GSList *l = list; l != NULL; l = l->next)
    {
      if (equity_is_project_file (l->data))
        project_file = project_file != NULL ? project_file : l->data;
      else
        g_ptr_array_add (data_files, l->data);
    }

  /* A project dropped on the window opens; data files are imported. */
  if (project_file != NULL)
    {
      g_autofree char *path = g_file_get_path (project_file);

      if (path != NULL)
        equity_window_open_project (self, path);
    }
  else if (data_files->len > 0)
    equity_window_import_files (self, (GFile **) data_files->pdata, data_files->len);

  g_slist_free (list);

  return project_file != NULL || data_files->len > 0;
}

/* The actions */

static void
close_project_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  if (!_equity_window_ask_before_closing (EQUITY_WINDOW (widget), FALSE))
    equity_window_close_project (EQUITY_WINDOW (widget));
}

static void
cancel_job_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  EquityWindow *self = EQUITY_WINDOW (widget);

  if (self->job != NULL)
    equity_job_cancel (self->job);
}

static void
open_project_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  equity_window_open_project (EQUITY_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  EquityWindow *self = EQUITY_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  if (self->project == NULL || adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

/* Built when asked for rather than by GtkApplication for every window as
 * it is made (its "gtk/help-overlay.ui" convention), which cost each window
 * some 15 ms before its first frame. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/asheville/Equity/ui/help-overlay.ui");
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (overlay, GTK_WINDOW (widget));
  gtk_window_present (overlay);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  EquityWindow *self = EQUITY_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
}

void
_equity_window_class_add_actions (GtkWidgetClass *widget_class)
{
  static const char * const pages[] = {
    "datasets", "explore", "scan", "indicators", "assessments", "action-plan",
  };

  gtk_widget_class_install_action (widget_class, "win.import", NULL, _equity_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.close-project", NULL, close_project_action);
  gtk_widget_class_install_action (widget_class, "win.export-workbook", NULL, _equity_window_export_workbook_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", "s", _equity_window_open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-job", NULL, cancel_job_action);
  gtk_widget_class_install_action (widget_class, "win.open-project", "s", open_project_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-workbook", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i]);
}

void
_equity_window_init_actions (EquityWindow *self)
{
  GtkDropTarget *target;

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
