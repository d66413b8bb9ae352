/* equity-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-export"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-export-dialog.h"
#include "equity-utils.h"

struct _EquityExportDialog
{
  AdwWindow             parent_instance;

  AdwEntryRow          *title_row;
  AdwEntryRow          *prepared_by_row;
  AdwEntryRow          *department_row;
  AdwPreferencesGroup  *analyses_group;
  AdwPreferencesGroup  *datasets_group;
  GtkSpinButton        *suppress_spin;
  GtkWidget            *export_button;

  EquityProject        *project;
  GSettings            *settings;
  GHashTable           *analysis_checks;  /* name → GtkCheckButton */
  GHashTable           *dataset_checks;
  GtkCheckButton       *plan_check;       /* NULL when the project has no actions */
  AdwPreferencesGroup  *assessments_group;
  GPtrArray            *assessment_checks; /* GtkCheckButton, its "assessment-id" set */
  GtkFileChooserNative *chooser;
  /* what get_options() hands out */
  char                 *title;
  char                 *prepared_by;
  char                 *department;
  GStrv                 analyses;
  GStrv                 datasets;
  gint64               *assessments;       /* ticked ids, ended by 0 */
};

G_DEFINE_FINAL_TYPE (EquityExportDialog, equity_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkCheckButton *
add_check_row (AdwPreferencesGroup *group,
               GHashTable          *checks,
               const char          *name,
               const char          *subtitle,
               gboolean             active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  /* names come from data: never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (group, row);
  g_hash_table_insert (checks, g_strdup (name), check);
  return GTK_CHECK_BUTTON (check);
}

static GStrv
ticked (GHashTable *checks,
        GListModel *order,
        gboolean    analyses)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (order); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (order, i);
      const char *name = analyses ? equity_saved_analysis_get_name (EQUITY_SAVED_ANALYSIS (item))
                                  : equity_dataset_get_name (EQUITY_DATASET (item));
      GtkCheckButton *check = g_hash_table_lookup (checks, name);

      if (check != NULL && gtk_check_button_get_active (check))
        g_strv_builder_add (names, name);
    }
  return g_strv_builder_end (names);
}

/* An analysis at least: a workbook of nothing helps no one. */
static void
update_export (EquityExportDialog *self)
{
  g_auto(GStrv) analyses = ticked (self->analysis_checks, equity_project_get_analyses (self->project), TRUE);

  gtk_widget_set_sensitive (self->export_button, analyses[0] != NULL);
}

static void
chooser_response_cb (EquityExportDialog   *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autofree char *path = equity_file_chooser_dup_path (GTK_NATIVE_DIALOG (chooser), response);
  g_autofree char *folder = NULL;

  g_clear_object (&self->chooser);
  if (path == NULL)
    return;

  /* Excel opens it by its extension */
  if (!g_str_has_suffix (path, ".xlsx"))
    {
      char *with = g_strconcat (path, ".xlsx", NULL);

      g_free (path);
      path = with;
    }
  folder = g_path_get_dirname (path);
  g_settings_set_string (self->settings, "last-export-folder", folder);
  equity_export_dialog_export_to (self, path);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  EquityExportDialog *self = EQUITY_EXPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *folder = g_settings_get_string (self->settings, "last-export-folder");
  g_autofree char *name = NULL;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));

  self->chooser = gtk_file_chooser_native_new (_("Export Workbook"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  name = g_strconcat (title[0] != '\0' ? title : _("Equity review"), ".xlsx", NULL);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  if (folder[0] != '\0')
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), dir, NULL);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
equity_export_dialog_finalize (GObject *object)
{
  EquityExportDialog *self = EQUITY_EXPORT_DIALOG (object);

  g_clear_object (&self->project);
  g_clear_object (&self->settings);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->analysis_checks, g_hash_table_unref);
  g_clear_pointer (&self->dataset_checks, g_hash_table_unref);
  g_free (self->title);
  g_free (self->prepared_by);
  g_free (self->department);
  g_strfreev (self->analyses);
  g_strfreev (self->datasets);
  g_clear_pointer (&self->assessment_checks, g_ptr_array_unref);
  g_clear_pointer (&self->assessments, g_free);

  G_OBJECT_CLASS (equity_export_dialog_parent_class)->finalize (object);
}

static void
equity_export_dialog_class_init (EquityExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = equity_export_dialog_finalize;

  /**
   * EquityExportDialog::export:
   * @path: the workbook to write
   */
  signals[EXPORT] = g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/asheville/Equity/ui/equity-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EquityExportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, EquityExportDialog, prepared_by_row);
  gtk_widget_class_bind_template_child (widget_class, EquityExportDialog, department_row);
  gtk_widget_class_bind_template_child (widget_class, EquityExportDialog, analyses_group);
  gtk_widget_class_bind_template_child (widget_class, EquityExportDialog, datasets_group);
  gtk_widget_class_bind_template_child (widget_class, EquityExportDialog, assessments_group);
  gtk_widget_class_bind_template_child (widget_class, EquityExportDialog, suppress_spin);
  gtk_widget_class_bind_template_child (widget_class, EquityExportDialog, export_button);
  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
}

static void
equity_export_dialog_init (EquityExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APPLICATION_ID);
  self->analysis_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->dataset_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->assessment_checks = g_ptr_array_new ();
}

/* Each assessment may go on a sheet of its own; none is ticked at first. */
static void
add_assessment_rows (EquityExportDialog *self)
{
  g_autoptr(GPtrArray) assessments = equity_assessment_list (self->project, NULL);
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->assessments_group), assessments != NULL && assessments->len > 0);
  for (guint i = 0; assessments != NULL && i < assessments->len; i++)
    {
      EquityAssessment *assessment = g_ptr_array_index (assessments, i);
      guint answered, total;
      g_autofree char *subtitle = NULL;
      GtkCheckButton *check;

      equity_assessment_complete (assessment, 0, &answered, &total);
      /* Translators: an assessment in the export dialog: department, status, answered, questions */
      subtitle = g_strdup_printf (_("%s · %s · %u of %u answered"), assessment->department,
                                  equity_assessment_status_label (assessment->status), answered, total);
      /* two assessments may share a title: the rows are told apart by id */
      check = add_check_row (self->assessments_group, titles, assessment->title, subtitle, FALSE);
      g_object_set_data_full (G_OBJECT (check), "assessment-id", g_memdup2 (&assessment->id, sizeof (gint64)), g_free);
      g_ptr_array_add (self->assessment_checks, check);
      g_hash_table_remove_all (titles);
    }
}

EquityExportDialog *
equity_export_dialog_new (GtkWindow     *parent,
                          EquityProject *project)
{
  EquityExportDialog *self;
  GListModel *analyses, *datasets;
  g_autofree char *title = NULL;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);

  self = g_object_new (EQUITY_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);

  title = equity_project_dup_title (project);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  gtk_editable_set_text (GTK_EDITABLE (self->prepared_by_row), g_get_real_name ());
  gtk_spin_button_set_value (self->suppress_spin, g_settings_get_int (self->settings, "suppress-below"));

  analyses = equity_project_get_analyses (project);
  for (guint i = 0; i < g_list_model_get_n_items (analyses); i++)
    {
      g_autoptr(EquitySavedAnalysis) analysis = g_list_model_get_item (analyses, i);
      GtkCheckButton *check = add_check_row (self->analyses_group, self->analysis_checks,
                                             equity_saved_analysis_get_name (analysis),
                                             equity_analysis_kind_to_label (equity_saved_analysis_get_kind (analysis)),
                                             TRUE);

      g_signal_connect_object (check, "toggled", G_CALLBACK (update_export), self, G_CONNECT_SWAPPED);
    }
  /* the action plan's sheet, ticked, when there is a plan */
  {
    g_autoptr(GPtrArray) actions = equity_project_list_items (project, EQUITY_ITEM_ACTION, NULL);
    g_autoptr(GHashTable) plan_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    if (actions != NULL && actions->len > 0)
      self->plan_check = add_check_row (self->analyses_group, plan_checks, _("Action plan"),
                                        _("Each action with its status, budget and linked indicators"), TRUE);
  }
  datasets = equity_project_get_datasets (project);
  for (guint i = 0; i < g_list_model_get_n_items (datasets); i++)
    {
      g_autoptr(EquityDataset) dataset = g_list_model_get_item (datasets, i);
      g_autofree char *count = equity_format_count (equity_dataset_get_n_rows (dataset));
      /* Translators: how long a dataset is, "15,015 rows" */
      g_autofree char *rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row", "%s rows",
                                                            equity_dataset_get_n_rows (dataset)),
                                               count);

      add_check_row (self->datasets_group, self->dataset_checks, equity_dataset_get_name (dataset), rows, FALSE);
    }
  add_assessment_rows (self);
  update_export (self);
  return self;
}

void
equity_export_dialog_get_options (EquityExportDialog    *self,
                                  EquityWorkbookOptions *options)
{
  g_return_if_fail (EQUITY_IS_EXPORT_DIALOG (self));

  g_free (self->title);
  self->title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_free (self->prepared_by);
  self->prepared_by = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->prepared_by_row))));
  g_free (self->department);
  self->department = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->department_row))));
  g_strfreev (self->analyses);
  self->analyses = ticked (self->analysis_checks, equity_project_get_analyses (self->project), TRUE);
  g_strfreev (self->datasets);
  self->datasets = ticked (self->dataset_checks, equity_project_get_datasets (self->project), FALSE);

  *options = (EquityWorkbookOptions) { 0 };
  options->title = self->title[0] != '\0' ? self->title : NULL;
  options->prepared_by = self->prepared_by[0] != '\0' ? self->prepared_by : NULL;
  options->department = self->department[0] != '\0' ? self->department : NULL;
  /* 0 would hide nothing; 1 likewise: both say "no suppression" */
  options->suppress_below = MAX (1, gtk_spin_button_get_value_as_int (self->suppress_spin));
  options->analyses = (const char * const *) self->analyses;
  options->datasets = (const char * const *) self->datasets;
  options->skip_plan = self->plan_check != NULL && !gtk_check_button_get_active (self->plan_check);
  g_free (self->assessments);
  self->assessments = g_new0 (gint64, self->assessment_checks->len + 1);
  for (guint i = 0, n = 0; i < self->assessment_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->assessment_checks, i);

      if (gtk_check_button_get_active (check))
        self->assessments[n++] = *(gint64 *) g_object_get_data (G_OBJECT (check), "assessment-id");
    }
  options->assessments = self->assessments;
}

/* the check of the Nth assessment listed (0-based), or NULL */
GtkCheckButton *
equity_export_dialog_get_assessment_check (EquityExportDialog *self,
                                           guint               n)
{
  g_return_val_if_fail (EQUITY_IS_EXPORT_DIALOG (self), NULL);

  return n < self->assessment_checks->len ? g_ptr_array_index (self->assessment_checks, n) : NULL;
}

GtkCheckButton *
equity_export_dialog_get_check (EquityExportDialog *self,
                                const char         *name)
{
  GtkCheckButton *check;

  g_return_val_if_fail (EQUITY_IS_EXPORT_DIALOG (self), NULL);

  check = g_hash_table_lookup (self->analysis_checks, name);
  return check != NULL ? check : g_hash_table_lookup (self->dataset_checks, name);
}

void
equity_export_dialog_export_to (EquityExportDialog *self,
                                const char         *path)
{
  g_return_if_fail (EQUITY_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  g_signal_emit (self, signals[EXPORT], 0, path);
}

gboolean
equity_export_dialog_can_export (EquityExportDialog *self)
{
  g_return_val_if_fail (EQUITY_IS_EXPORT_DIALOG (self), FALSE);

  return gtk_widget_get_sensitive (self->export_button);
}
