/* equity-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-import-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "equity-import-dialog-private.h"
#include "equity-import-preview.h"
#include "equity-utils.h"

/* the header line is read again once the spin button rests this long */
#define REANALYZE_DELAY_MS 400


G_DEFINE_FINAL_TYPE (EquityImportDialog, equity_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_equity_import_dialog_update_actions (EquityImportDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  gboolean exists = self->project != NULL && equity_project_find_dataset (self->project, name) != NULL;
  gboolean name_ok = name[0] != '\0' && !exists;

  if (exists)
    {
      /* Translators: %s is a dataset name */
      g_autofree char *message = g_strdup_printf (_("A dataset named “%s” exists already: choose another name."), name);

      adw_preferences_group_set_description (self->name_group, message);
    }
  else
    adw_preferences_group_set_description (self->name_group, NULL);

  if (name_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import",
                                 self->importer != NULL && self->job == NULL &&
                                 !self->reanalyze_queued && name_ok);
}

void
_equity_import_dialog_set_error (EquityImportDialog *self,
                                 const char         *message)
{
  equity_error_revealer_set (self->error_revealer, self->error_label, message);
}

/* The controls */

static void
reanalyze_cb (gpointer data)
{
  EquityImportDialog *self = data;

  self->reanalyze_source = 0;
  _equity_import_dialog_analyze (self);
}

static void
option_changed_cb (EquityImportDialog *self)
{
  if (self->updating)
    return;
  _equity_import_dialog_analyze (self);
}

static void
header_changed_cb (EquityImportDialog *self)
{
  if (self->updating)
    return;

  /* clicking through lines 1, 2, 3 … reads the file once, at the end */
  g_clear_handle_id (&self->reanalyze_source, g_source_remove);
  self->reanalyze_source = g_timeout_add_once (REANALYZE_DELAY_MS, reanalyze_cb, self);
  self->reanalyze_queued = TRUE;
  _equity_import_dialog_update_actions (self);
}

static void
sentinels_changed_cb (EquityImportDialog *self)
{
  if (self->updating || self->importer == NULL)
    return;

  /* types and roles are worked out again with or without the codes */
  equity_importer_set_convert_sentinels (self->importer, gtk_switch_get_active (self->sentinel_switch));
  _equity_import_dialog_fill_columns (self);
  equity_import_preview_fill (self->preview_view, self->preview_rows, self->importer);
}

static void
name_changed_cb (EquityImportDialog *self)
{
  if (!self->updating)
    self->name_edited = TRUE;
  _equity_import_dialog_update_actions (self);
}

static void
name_activated_cb (EquityImportDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "import.import", NULL);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  EquityImportDialog *self = EQUITY_IMPORT_DIALOG (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  if (self->importer == NULL || self->job != NULL || name[0] == '\0')
    return;

  equity_importer_set_name (self->importer, name);
  _equity_import_dialog_set_error (self, NULL);
  g_signal_emit (self, signals[SIGNAL_IMPORT], 0);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
equity_import_dialog_dispose (GObject *object)
{
  EquityImportDialog *self = EQUITY_IMPORT_DIALOG (object);

  if (self->job != NULL)
    {
      equity_job_cancel (self->job);
      g_signal_handlers_disconnect_by_data (self->job, self);
      g_clear_object (&self->job);
    }
  g_clear_handle_id (&self->reanalyze_source, g_source_remove);
  g_clear_handle_id (&self->loading_source, g_source_remove);
  if (self->preview_view != NULL)
    equity_import_preview_clear (self->preview_view);

  gtk_widget_dispose_template (GTK_WIDGET (self), EQUITY_TYPE_IMPORT_DIALOG);

  g_clear_object (&self->pending);
  g_clear_object (&self->importer);
  g_clear_object (&self->preview_rows);
  g_clear_object (&self->project);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (equity_import_dialog_parent_class)->dispose (object);
}

static void
equity_import_dialog_class_init (EquityImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = equity_import_dialog_dispose;

  /**
   * EquityImportDialog::import:
   *
   * The person chose Import: the importer is ready to run.
   */
  signals[SIGNAL_IMPORT] =
    g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/asheville/Equity/ui/equity-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, name_group);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, header_row);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, header_spin);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, lenient_row);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, lenient_switch);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, layer_row);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, layers);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, sentinel_group);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, sentinel_row);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, sentinel_switch);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, columns_list);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, loading_label);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, failed_page);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, preview_caption);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, warnings_revealer);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, EquityImportDialog, preview_view);

  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "import.import", NULL);
}

static void
equity_import_dialog_init (EquityImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->preview_rows = gtk_string_list_new (NULL);
  equity_column_view_show_rows (self->preview_view, G_LIST_MODEL (self->preview_rows));

  g_signal_connect_object (self->delimiter_row, "notify::selected", G_CALLBACK (option_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->encoding_row, "notify::selected", G_CALLBACK (option_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->layer_row, "notify::selected", G_CALLBACK (option_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lenient_switch, "notify::active", G_CALLBACK (option_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->header_spin, "value-changed", G_CALLBACK (header_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sentinel_switch, "notify::active", G_CALLBACK (sentinels_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (name_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "entry-activated", G_CALLBACK (name_activated_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_visible (self->sentinel_group, FALSE);
  adw_entry_row_set_activates_default (self->name_row, FALSE);
  _equity_import_dialog_update_actions (self);
}

EquityImportDialog *
equity_import_dialog_new (GtkWindow     *parent,
                          EquityProject *project,
                          GFile         *file)
{
  EquityImportDialog *self;
  g_autofree char *basename = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (EQUITY_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->project = g_object_ref (project);
  self->file = g_object_ref (file);

  basename = g_file_get_basename (file);
  lower = g_ascii_strdown (basename, -1);

  /* the file's name, made unique; the analysis may not get as far */
  {
    g_autofree char *stem = g_strdup (basename);
    g_autofree char *name = NULL;
    char *dot = strrchr (stem, '.');

    if (dot != NULL && dot != stem)
      *dot = '\0';
    name = equity_project_unique_dataset_name (project, stem);
    self->updating = TRUE;
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
    self->updating = FALSE;
  }
  self->is_text = g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv") ||
                  g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".tab");
  self->is_sheet = g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xlsm") ||
                   g_str_has_suffix (lower, ".ods") || g_str_has_suffix (lower, ".xls");
  adw_window_title_set_subtitle (self->window_title, basename);

  /* text files have a separator, encoding and header line; workbooks and
   * map files a sheet or layer, once they are listed */
  gtk_widget_set_visible (GTK_WIDGET (self->delimiter_row), self->is_text);
  gtk_widget_set_visible (GTK_WIDGET (self->encoding_row), self->is_text);
  gtk_widget_set_visible (self->header_row, self->is_text);
  gtk_widget_set_visible (self->lenient_row, self->is_text);
  gtk_widget_set_visible (GTK_WIDGET (self->layer_row), FALSE);
  gtk_widget_set_visible (self->file_group, self->is_text);

  _equity_import_dialog_analyze (self);
  return self;
}

GFile *
equity_import_dialog_get_file (EquityImportDialog *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORT_DIALOG (self), NULL);
  return self->file;
}

EquityImporter *
equity_import_dialog_get_importer (EquityImportDialog *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORT_DIALOG (self), NULL);
  return self->importer;
}

void
equity_import_dialog_show_error (EquityImportDialog *self,
                                 const char         *message)
{
  g_return_if_fail (EQUITY_IS_IMPORT_DIALOG (self));

  _equity_import_dialog_set_error (self, message);
  /* the person may fix a type and try again, or cancel */
  gtk_window_present (GTK_WINDOW (self));
}

gboolean
equity_import_dialog_is_ready (EquityImportDialog *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORT_DIALOG (self), FALSE);
  return self->job == NULL && !self->reanalyze_queued;
}

const char *
equity_import_dialog_get_summary (EquityImportDialog *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORT_DIALOG (self), NULL);
  return self->importer != NULL ? gtk_label_get_label (self->summary_label) : NULL;
}

const char *
equity_import_dialog_get_error (EquityImportDialog *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORT_DIALOG (self), NULL);
  return equity_error_revealer_get (self->error_revealer, self->error_label);
}

void
equity_import_dialog_set_header_line (EquityImportDialog *self,
                                      guint               line)
{
  g_return_if_fail (EQUITY_IS_IMPORT_DIALOG (self));
  gtk_spin_button_set_value (self->header_spin, line);
}

void
equity_import_dialog_set_lenient_quotes (EquityImportDialog *self,
                                         gboolean            lenient)
{
  g_return_if_fail (EQUITY_IS_IMPORT_DIALOG (self));
  gtk_switch_set_active (self->lenient_switch, lenient);
}

GtkWidget *
equity_import_dialog_get_lenient_quotes_row (EquityImportDialog *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORT_DIALOG (self), NULL);
  return self->lenient_row;
}

const char *
equity_import_dialog_get_failure_hint (EquityImportDialog *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORT_DIALOG (self), NULL);
  return adw_status_page_get_description (self->failed_page);
}

void
equity_import_dialog_set_dataset_name (EquityImportDialog *self,
                                       const char         *name)
{
  g_return_if_fail (EQUITY_IS_IMPORT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
}

GtkWidget *
equity_import_dialog_get_column_row (EquityImportDialog *self,
                                     guint               position)
{
  g_return_val_if_fail (EQUITY_IS_IMPORT_DIALOG (self), NULL);
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->columns_list, position));
}

GtkColumnView *
equity_import_dialog_get_preview (EquityImportDialog *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORT_DIALOG (self), NULL);
  return self->preview_view;
}

const char *
equity_import_dialog_get_dataset_name (EquityImportDialog *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORT_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

GListModel *
equity_import_dialog_get_layers (EquityImportDialog *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORT_DIALOG (self), NULL);
  return G_LIST_MODEL (self->layers);
}

void
equity_import_dialog_set_layer (EquityImportDialog *self,
                                guint               index)
{
  g_return_if_fail (EQUITY_IS_IMPORT_DIALOG (self));
  adw_combo_row_set_selected (self->layer_row, index);
}
