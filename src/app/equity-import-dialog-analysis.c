/* equity-import-dialog-analysis.c — reading the file in a thread and
 * showing what the import dialog found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-import-columns.h"
#include "equity-import-dialog-private.h"
#include "equity-import-preview.h"

/* a quick analysis swaps the preview without showing the progress page */
#define LOADING_DELAY_MS 200

static const char delimiters[] = { 0, ',', '\t', ';', '|' };
static const char * const encodings[] = { NULL, "UTF-8", "WINDOWS-1252", "UTF-16LE" };

static void
column_changed_cb (gpointer user_data,
                   guint    position,
                   gboolean type_changed)
{
  EquityImportDialog *self = user_data;

  /* values, alignment and checks follow the type */
  if (type_changed)
    equity_import_preview_fill (self->preview_view, self->preview_rows, self->importer);
}

void
_equity_import_dialog_fill_columns (EquityImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_list))) != NULL)
    gtk_list_box_remove (self->columns_list, child);

  gtk_widget_set_visible (self->columns_group, self->importer != NULL);
  if (self->importer == NULL)
    return;

  for (guint i = 0; i < equity_importer_get_columns (self->importer)->len; i++)
    gtk_list_box_append (self->columns_list,
                         equity_import_column_row_new (self->importer, i, column_changed_cb, self));
}

static void
fill_sentinels (EquityImportDialog *self)
{
  const char * const *sentinels = equity_importer_get_sentinels (self->importer);
  guint n = g_strv_length ((char **) sentinels);
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *title = NULL;

  gtk_widget_set_visible (self->sentinel_group, n > 0);
  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      if (i < 3)
        g_string_append_printf (shown, "%s%s", i ? ", " : "", sentinels[i]);
      g_string_append_printf (all, "%s“%s”", i ? ", " : "", sentinels[i]);
    }
  if (n > 3)
    g_string_append (shown, " …");

  /* Translators: %s lists codes that mark missing values, e.g. "-999, N/A" */
  title = g_strdup_printf (_("Treat %s as empty"), shown->str);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sentinel_row), title);
  adw_action_row_set_subtitle (self->sentinel_row, all->str);
}

static void
fill_summary (EquityImportDialog *self)
{
  const char * const *lines = equity_importer_get_warnings (self->importer);
  g_autofree char *summary = equity_import_dup_summary (self->importer);
  g_autofree char *caption = equity_import_dup_caption (self->importer);
  g_autofree char *warnings = g_strjoinv ("\n", (char **) lines);

  gtk_label_set_label (self->summary_label, summary);
  gtk_label_set_label (self->preview_caption, caption);
  gtk_label_set_label (self->warnings_label, warnings);
  gtk_revealer_set_reveal_child (self->warnings_revealer, lines[0] != NULL);
}

static void
fill_layers (EquityImportDialog  *self,
             char               **layers)
{
  const char *format = equity_importer_get_format (self->importer);
  gboolean sheets = g_strcmp0 (format, "XLSX") == 0 || g_strcmp0 (format, "ODS") == 0 ||
                    g_strcmp0 (format, "XLS") == 0;

  self->layers_listed = TRUE;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->layer_row), sheets ? _("Sheet") : _("Layer"));
  self->updating = TRUE;
  gtk_string_list_splice (self->layers, 0, g_list_model_get_n_items (G_LIST_MODEL (self->layers)),
                          (const char * const *) layers);
  adw_combo_row_set_selected (self->layer_row, 0);
  self->updating = FALSE;
  /* one sheet or layer: nothing to choose */
  gtk_widget_set_visible (GTK_WIDGET (self->layer_row), layers != NULL && g_strv_length (layers) > 1);
  gtk_widget_set_visible (self->file_group, layers != NULL && g_strv_length (layers) > 1);
}

static void
show_analysis (EquityImportDialog *self)
{
  if (!self->name_edited)
    {
      g_autofree char *name = equity_project_unique_dataset_name (self->project,
                                                                  equity_importer_get_name (self->importer));

      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
      self->updating = FALSE;
    }

  self->updating = TRUE;
  gtk_switch_set_active (self->sentinel_switch, TRUE);
  self->updating = FALSE;

  fill_summary (self);
  fill_sentinels (self);
  _equity_import_dialog_fill_columns (self);
  equity_import_preview_fill (self->preview_view, self->preview_rows, self->importer);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
job_fraction_cb (EquityImportDialog *self,
                 GParamSpec         *pspec,
                 EquityJob          *job)
{
  gtk_progress_bar_set_fraction (self->progress_bar, equity_job_get_fraction (job));
}

static void
show_loading_cb (gpointer data)
{
  EquityImportDialog *self = data;

  self->loading_source = 0;
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

/* What to try next, naming only controls this kind of file has. */
static const char *
failure_hint (EquityImportDialog *self)
{
  gboolean several = g_list_model_get_n_items (G_LIST_MODEL (self->layers)) > 1;

  if (self->is_text)
    return _("The file could not be read with these settings. Change the separator, encoding, "
             "header line or lenient quotes above, as the message says.");
  if (self->is_sheet && several)
    return _("This sheet could not be read. Choose another sheet above, or fix the workbook in a "
             "spreadsheet program.");
  if (self->is_sheet)
    return _("The workbook could not be read. Fix it in a spreadsheet program, or save the sheet "
             "as CSV and import that.");
  if (several)
    return _("This layer could not be read. Choose another layer above, or export the file again "
             "from the program that made it.");
  return _("The file could not be read. Check that it is complete (a shapefile needs its .shp, "
           ".shx and .dbf files), or export it again from the program that made it.");
}

static void
analyze_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  EquityJob *job = EQUITY_JOB (object);
  g_autoptr(EquityImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) layers = NULL;
  gboolean ok;

  ok = equity_job_analyze_finish (job, result, &layers, &error);
  if (job != self->job)
    return;

  g_signal_handlers_disconnect_by_data (job, self);
  g_clear_object (&self->job);
  g_clear_handle_id (&self->loading_source, g_source_remove);
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_sensitive (GTK_WIDGET (self->columns_list), TRUE);

  g_clear_object (&self->importer);
  if (!ok)
    {
      g_clear_object (&self->pending);
      _equity_import_dialog_set_error (self, error->message);
      adw_status_page_set_description (self->failed_page, failure_hint (self));
      _equity_import_dialog_fill_columns (self);
      equity_import_preview_clear (self->preview_view);
      gtk_widget_set_visible (self->sentinel_group, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      _equity_import_dialog_update_actions (self);
      return;
    }

  self->importer = g_steal_pointer (&self->pending);
  _equity_import_dialog_set_error (self, NULL);
  if (!self->layers_listed && !self->is_text)
    fill_layers (self, layers);
  show_analysis (self);
  _equity_import_dialog_update_actions (self);
}

void
_equity_import_dialog_analyze (EquityImportDialog *self)
{
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autofree char *loading = NULL;
  g_autofree char *layer = NULL;
  EquityImportOptions options = { 0 };
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);
  guint encoding = adw_combo_row_get_selected (self->encoding_row);

  g_clear_handle_id (&self->reanalyze_source, g_source_remove);
  self->reanalyze_queued = FALSE;

  /* a newer choice replaces the analysis under way */
  if (self->job != NULL)
    {
      equity_job_cancel (self->job);
      g_signal_handlers_disconnect_by_data (self->job, self);
      g_clear_object (&self->job);
    }
  g_clear_object (&self->pending);

  if (self->is_text)
    {
      options.delimiter = delimiter < G_N_ELEMENTS (delimiters) ? delimiters[delimiter] : 0;
      options.encoding = encoding < G_N_ELEMENTS (encodings) ? encodings[encoding] : NULL;
      options.skip_rows = (guint) gtk_spin_button_get_value_as_int (self->header_spin) - 1;
      options.lenient_quotes = gtk_switch_get_active (self->lenient_switch);
    }
  else if (self->layers_listed && g_list_model_get_n_items (G_LIST_MODEL (self->layers)) > 0)
    {
      layer = g_strdup (gtk_string_list_get_string (self->layers, adw_combo_row_get_selected (self->layer_row)));
      options.sheet = layer;
      options.layer = layer;
    }

  self->pending = equity_importer_new (self->file, &options);
  /* Translators: shown while a file is read, %s is its name */
  loading = g_strdup_printf (_("Reading “%s”…"), basename);
  self->job = equity_job_new (loading);
  gtk_label_set_label (self->loading_label, loading);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  g_signal_connect_object (self->job, "notify::fraction", G_CALLBACK (job_fraction_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_sensitive (GTK_WIDGET (self->columns_list), FALSE);
  if (self->importer == NULL)
    show_loading_cb (self);
  else if (self->loading_source == 0)
    self->loading_source = g_timeout_add_once (LOADING_DELAY_MS, show_loading_cb, self);

  equity_job_analyze_async (self->job, self->pending, !self->layers_listed, analyze_done_cb,
                            g_object_ref (self));
  _equity_import_dialog_update_actions (self);
}
