/* equity-analysis-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The spec (an EquityAnalysis) is what the editor edits: every choice is
 * written to it at once, and the rows are rebuilt from it when a choice
 * changes which rows there are (the kind, a dataset, how events are placed).
 * Keys the editor has no row for (comments, population-scale) are kept.
 */

#define G_LOG_DOMAIN "equity-explore"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "equity-analysis-editor-private.h"
#include "equity-row-picker.h"

G_DEFINE_FINAL_TYPE (EquityAnalysisEditor, equity_analysis_editor, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const double per_values[] = { 100, 1000, 10000, 100000 };
static const double confidence_values[] = { 0.90, 0.95, 0.99 };


void
_equity_analysis_editor_changed (EquityAnalysisEditor *self)
{
  if (!self->updating)
    {
      self->edited = TRUE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

void
_equity_analysis_editor_add_row (EquityAnalysisEditor *self,
                                 AdwPreferencesGroup  *group,
                                 GtkWidget            *row,
                                 const char           *key)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (group == self->inputs_group ? self->input_rows : self->group_rows, row);
  if (key != NULL)
    g_hash_table_replace (self->rows_by_key, g_strdup (key), row);
}

EquityDataset *
_equity_analysis_editor_dataset_for (EquityAnalysisEditor *self,
                                     const char           *dataset_key)
{
  g_autofree char *name = NULL;

  if (self->project == NULL || dataset_key == NULL)
    return NULL;

  name = equity_analysis_dup_string (self->analysis, dataset_key);
  return name != NULL ? equity_project_find_dataset (self->project, name) : NULL;
}

const EquityFieldInfo *
_equity_analysis_editor_find_field (EquityAnalysisEditor *self,
                                    EquityFieldType       type)
{
  for (guint i = 0; self->kind != NULL && self->kind->fields[i].key != NULL; i++)
    if (self->kind->fields[i].type == type)
      return &self->kind->fields[i];

  return NULL;
}

static void
clear_rows (EquityAnalysisEditor *self)
{
  for (guint i = 0; i < self->input_rows->len; i++)
    adw_preferences_group_remove (self->inputs_group, g_ptr_array_index (self->input_rows, i));
  g_ptr_array_set_size (self->input_rows, 0);
  for (guint i = 0; i < self->group_rows->len; i++)
    adw_preferences_group_remove (self->groups_group, g_ptr_array_index (self->group_rows, i));
  g_ptr_array_set_size (self->group_rows, 0);
  g_hash_table_remove_all (self->rows_by_key);
}

static guint
index_of_value (const double *values,
                guint         n_values,
                double        value)
{
  for (guint i = 0; i < n_values; i++)
    if (fabs (values[i] - value) < 1e-9)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
update_figures (EquityAnalysisEditor *self)
{
  double per = equity_analysis_get_double (self->analysis, "per");
  double confidence = equity_analysis_get_double (self->analysis, "confidence");
  double suppress = equity_analysis_get_double (self->analysis, "suppress-below");
  guint flags = self->kind != NULL ? self->kind->flags : 0;
  guint position;

  /* what the core takes when the spec says nothing (../shared/CLI.md) */
  position = index_of_value (per_values, G_N_ELEMENTS (per_values), isnan (per) ? 1000 : per);
  adw_combo_row_set_selected (self->per_row, position);
  position = index_of_value (confidence_values, G_N_ELEMENTS (confidence_values),
                             isnan (confidence) ? 0.95 : confidence);
  adw_combo_row_set_selected (self->confidence_row, position);
  gtk_spin_button_set_value (self->suppress_spin, isnan (suppress) ? 11 : suppress);

  gtk_widget_set_visible (GTK_WIDGET (self->per_row), flags & EQUITY_KIND_PER);
  gtk_widget_set_visible (GTK_WIDGET (self->confidence_row), flags & EQUITY_KIND_CONFIDENCE);
  gtk_widget_set_visible (self->suppress_row, flags & EQUITY_KIND_SUPPRESS);
  gtk_widget_set_visible (GTK_WIDGET (self->figures_group), flags != 0);
}

/* TEXT (NULL: none) in ROW; setting the text it holds would move the cursor */
static void
show_text (AdwEntryRow *row,
           const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

void
_equity_analysis_editor_rebuild (EquityAnalysisEditor *self)
{
  g_autofree char *kind = equity_analysis_dup_kind (self->analysis);
  g_autofree char *name = equity_analysis_dup_name (self->analysis);
  g_autofree char *note = equity_analysis_dup_string (self->analysis, "source-note");
  guint n_kinds = equity_analysis_fields_get_n_kinds ();

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_cancellable_cancel (self->choices_cancellable);
  g_clear_object (&self->choices_cancellable);
  self->choices_cancellable = g_cancellable_new ();
  self->n_loading = 0;

  self->updating = TRUE;
  clear_rows (self);

  self->kind = equity_analysis_fields_find_kind (kind);
  for (guint i = 0; i < n_kinds; i++)
    if (equity_analysis_fields_get_kind (i) == self->kind)
      adw_combo_row_set_selected (self->kind_row, i);
  adw_preferences_group_set_description (self->analysis_group,
                                         self->kind != NULL ? _(self->kind->description) : NULL);

  show_text (self->title_row, name);
  show_text (self->source_note_row, note);

  for (guint i = 0; self->project != NULL && self->kind != NULL && self->kind->fields[i].key != NULL; i++)
    {
      const EquityFieldInfo *field = &self->kind->fields[i];

      if (!equity_analysis_fields_is_shown (field, self->mode) || (field->flags & EQUITY_FIELD_HIDDEN))
        continue;

      switch (field->type)
        {
        case EQUITY_FIELD_DATASET:
          _equity_analysis_editor_add_dataset_row (self, field);
          break;
        case EQUITY_FIELD_COLUMN:
          _equity_analysis_editor_add_column_row (self, field);
          break;
        case EQUITY_FIELD_MODE:
          _equity_analysis_editor_add_mode_row (self, field);
          break;
        case EQUITY_FIELD_ROW:
          _equity_analysis_editor_add_row_picker (self, field);
          break;
        case EQUITY_FIELD_GROUPS:
        case EQUITY_FIELD_GROUP_COLUMNS:
        case EQUITY_FIELD_REFERENCE:
        default:
          break;
        }
    }

  _equity_analysis_editor_build_groups (self);
  update_figures (self);
  self->updating = FALSE;
}

static void
kind_selected_cb (EquityAnalysisEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);
  const EquityKindInfo *info;
  g_auto(GStrv) keys = NULL;
  g_autoptr(GKeyFile) probe = NULL;
  g_autofree char *data = NULL;

  if (self->updating || selected >= equity_analysis_fields_get_n_kinds ())
    return;

  info = equity_analysis_fields_get_kind (selected);
  if (info == self->kind)
    return;

  /* Keys the new kind does not read could only confuse it. */
  data = equity_analysis_to_data (self->analysis, NULL);
  probe = g_key_file_new ();
  if (g_key_file_load_from_data (probe, data, -1, G_KEY_FILE_NONE, NULL))
    keys = g_key_file_get_keys (probe, "analysis", NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!equity_analysis_fields_knows_key (info, keys[i]))
      equity_analysis_set_string (self->analysis, keys[i], NULL);
  /* A title that only named the old kind names the new one. */
  {
    g_autofree char *name = equity_analysis_dup_name (self->analysis);

    if (name == NULL || (self->kind != NULL && g_str_equal (name, _(self->kind->label))))
      equity_analysis_set_string (self->analysis, "name", _(info->label));
  }

  equity_analysis_set_string (self->analysis, "kind", info->kind);
  self->kind = info;
  self->mode = equity_analysis_fields_get_mode (info, self->analysis);
  _equity_analysis_editor_schedule_rebuild (self);
  _equity_analysis_editor_changed (self);
}

/* The title and the source note: what is typed, trimmed, is the value under
 * the row's "equity-key" (none while blank). */
static void
text_row_changed_cb (GtkEditable          *row,
                     EquityAnalysisEditor *self)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (row)));

  if (self->updating)
    return;

  equity_analysis_set_string (self->analysis, g_object_get_data (G_OBJECT (row), "equity-key"),
                              stripped[0] != '\0' ? stripped : NULL);
  _equity_analysis_editor_changed (self);
}

static void
connect_text_row (EquityAnalysisEditor *self,
                  AdwEntryRow          *row,
                  const char           *key)
{
  g_object_set_data (G_OBJECT (row), "equity-key", (gpointer) key);
  g_signal_connect_object (row, "changed", G_CALLBACK (text_row_changed_cb), self, 0);
}

static void
per_selected_cb (EquityAnalysisEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->per_row);

  if (self->updating || selected >= G_N_ELEMENTS (per_values))
    return;

  equity_analysis_set_double (self->analysis, "per", per_values[selected]);
  _equity_analysis_editor_changed (self);
}

static void
confidence_selected_cb (EquityAnalysisEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->confidence_row);

  if (self->updating || selected >= G_N_ELEMENTS (confidence_values))
    return;

  equity_analysis_set_double (self->analysis, "confidence", confidence_values[selected]);
  _equity_analysis_editor_changed (self);
}

static void
suppress_changed_cb (EquityAnalysisEditor *self)
{
  if (self->updating)
    return;

  equity_analysis_set_double (self->analysis, "suppress-below",
                              gtk_spin_button_get_value_as_int (self->suppress_spin));
  _equity_analysis_editor_changed (self);
}

static void
datasets_changed_cb (EquityAnalysisEditor *self)
{
  _equity_analysis_editor_schedule_rebuild (self);
}

/* The spec names datasets as the user sees them: follow a rename, so the
 * open analysis keeps reading the same data. */
static void
dataset_renamed_cb (EquityAnalysisEditor *self,
                    const char           *old_name,
                    const char           *new_name)
{
  if (self->analysis == NULL)
    return;
  equity_analysis_rename_dataset (self->analysis, old_name, new_name);
  _equity_analysis_editor_schedule_rebuild (self);
}

static void
equity_analysis_editor_dispose (GObject *object)
{
  EquityAnalysisEditor *self = EQUITY_ANALYSIS_EDITOR (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->choices_cancellable != NULL)
    g_cancellable_cancel (self->choices_cancellable);
  g_clear_object (&self->choices_cancellable);
  equity_project_signals_clear (&self->project_signals);
  if (self->rows_by_key != NULL)
    g_hash_table_remove_all (self->rows_by_key);

  /* The scrolled window is both AdwBin's child and a template child. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EQUITY_TYPE_ANALYSIS_EDITOR);

  g_clear_pointer (&self->input_rows, g_ptr_array_unref);
  g_clear_pointer (&self->group_rows, g_ptr_array_unref);
  g_clear_pointer (&self->rows_by_key, g_hash_table_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->analysis);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (equity_analysis_editor_parent_class)->dispose (object);
}

static void
equity_analysis_editor_class_init (EquityAnalysisEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = equity_analysis_editor_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/asheville/Equity/ui/equity-analysis-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EquityAnalysisEditor, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, EquityAnalysisEditor, analysis_group);
  gtk_widget_class_bind_template_child (widget_class, EquityAnalysisEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, EquityAnalysisEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, EquityAnalysisEditor, inputs_group);
  gtk_widget_class_bind_template_child (widget_class, EquityAnalysisEditor, groups_group);
  gtk_widget_class_bind_template_child (widget_class, EquityAnalysisEditor, figures_group);
  gtk_widget_class_bind_template_child (widget_class, EquityAnalysisEditor, per_row);
  gtk_widget_class_bind_template_child (widget_class, EquityAnalysisEditor, confidence_row);
  gtk_widget_class_bind_template_child (widget_class, EquityAnalysisEditor, suppress_row);
  gtk_widget_class_bind_template_child (widget_class, EquityAnalysisEditor, suppress_spin);
  gtk_widget_class_bind_template_child (widget_class, EquityAnalysisEditor, chart_group);
  gtk_widget_class_bind_template_child (widget_class, EquityAnalysisEditor, source_note_row);
}

static void
equity_analysis_editor_init (EquityAnalysisEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->analysis = equity_analysis_new (EQUITY_KIND_GROUP_RATES);
  self->input_rows = g_ptr_array_new ();
  self->group_rows = g_ptr_array_new ();
  self->rows_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->choices_cancellable = g_cancellable_new ();

  for (guint i = 0; i < equity_analysis_fields_get_n_kinds (); i++)
    gtk_string_list_append (kinds, _(equity_analysis_fields_get_kind (i)->label));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  g_hash_table_replace (self->rows_by_key, g_strdup ("kind"), self->kind_row);
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb),
                           self, G_CONNECT_SWAPPED);
  connect_text_row (self, self->title_row, "name");
  connect_text_row (self, self->source_note_row, "source-note");
  g_signal_connect_object (self->per_row, "notify::selected", G_CALLBACK (per_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->confidence_row, "notify::selected", G_CALLBACK (confidence_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->suppress_spin, "value-changed", G_CALLBACK (suppress_changed_cb),
                           self, G_CONNECT_SWAPPED);

  equity_project_signals_init (&self->project_signals, G_CALLBACK (datasets_changed_cb),
                               G_CALLBACK (dataset_renamed_cb), self);

  _equity_analysis_editor_rebuild (self);
}

GtkWidget *
equity_analysis_editor_new (void)
{
  return g_object_new (EQUITY_TYPE_ANALYSIS_EDITOR, NULL);
}

void
equity_analysis_editor_set_project (EquityAnalysisEditor *self,
                                    EquityProject        *project)
{
  g_return_if_fail (EQUITY_IS_ANALYSIS_EDITOR (self));
  g_return_if_fail (!project || EQUITY_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  equity_project_signals_set_project (&self->project_signals, project);
  _equity_analysis_editor_rebuild (self);
}

void
equity_analysis_editor_set_analysis (EquityAnalysisEditor *self,
                                     EquityAnalysis       *analysis)
{
  g_autofree char *data = NULL;
  g_autofree char *kind = NULL;
  EquityAnalysis *copy;

  g_return_if_fail (EQUITY_IS_ANALYSIS_EDITOR (self));
  g_return_if_fail (EQUITY_IS_ANALYSIS (analysis));

  data = equity_analysis_to_data (analysis, NULL);
  copy = equity_analysis_new_from_data (data, -1, equity_analysis_get_source_name (analysis), NULL);
  if (copy == NULL)
    return;

  g_clear_object (&self->analysis);
  self->analysis = copy;
  self->edited = FALSE;
  kind = equity_analysis_dup_kind (copy);
  self->kind = equity_analysis_fields_find_kind (kind);
  self->mode = self->kind != NULL ? equity_analysis_fields_get_mode (self->kind, copy) : 0;
  _equity_analysis_editor_rebuild (self);
}

void
equity_analysis_editor_new_analysis (EquityAnalysisEditor *self,
                                     const char           *kind)
{
  g_autoptr(EquityAnalysis) analysis = NULL;

  g_return_if_fail (EQUITY_IS_ANALYSIS_EDITOR (self));
  g_return_if_fail (kind != NULL);

  analysis = equity_analysis_new (kind);
  equity_analysis_set_string (analysis, "name", equity_analysis_kind_to_label (kind) != NULL
                                                ? equity_analysis_kind_to_label (kind) : kind);
  equity_analysis_set_double (analysis, "per", g_settings_get_int (self->settings, "rates-per"));
  equity_analysis_set_double (analysis, "confidence", g_settings_get_double (self->settings, "confidence"));
  equity_analysis_set_double (analysis, "suppress-below", g_settings_get_int (self->settings, "suppress-below"));
  equity_analysis_editor_set_analysis (self, analysis);
}

void
equity_analysis_editor_set_name (EquityAnalysisEditor *self,
                                 const char           *name)
{
  g_return_if_fail (EQUITY_IS_ANALYSIS_EDITOR (self));

  equity_analysis_set_string (self->analysis, "name", name);
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), name != NULL ? name : "");
  self->updating = FALSE;
}

gboolean
equity_analysis_editor_is_edited (EquityAnalysisEditor *self)
{
  g_return_val_if_fail (EQUITY_IS_ANALYSIS_EDITOR (self), FALSE);

  return self->edited;
}

EquityAnalysis *
equity_analysis_editor_get_analysis (EquityAnalysisEditor *self)
{
  g_return_val_if_fail (EQUITY_IS_ANALYSIS_EDITOR (self), NULL);

  return self->analysis;
}

char *
equity_analysis_editor_dup_missing (EquityAnalysisEditor *self)
{
  g_return_val_if_fail (EQUITY_IS_ANALYSIS_EDITOR (self), NULL);

  if (self->kind == NULL)
    return g_strdup (_("Choose what kind of analysis to run"));
  if (!equity_analysis_has_key (self->analysis, "name"))
    return g_strdup (_("Give the analysis a title"));

  for (guint i = 0; self->kind->fields[i].key != NULL; i++)
    {
      const EquityFieldInfo *field = &self->kind->fields[i];
      g_autofree char *value = NULL;

      if (!equity_analysis_fields_is_shown (field, self->mode))
        continue;

      if (field->type == EQUITY_FIELD_GROUPS || field->type == EQUITY_FIELD_GROUP_COLUMNS)
        {
          g_auto(GStrv) groups = equity_analysis_dup_groups (self->analysis);

          if (groups[0] == NULL)
            return g_strdup (_("Choose the population column of at least one group"));
          continue;
        }

      /* A table of many places (or areas) added up is rarely what a rate
       * per resident means: the user picks the row, or the sum, on purpose. */
      if (field->type == EQUITY_FIELD_ROW && !(field->flags & EQUITY_FIELD_HIDDEN))
        {
          EquityDataset *dataset = _equity_analysis_editor_dataset_for (self, field->dataset_key);

          value = equity_analysis_dup_string (self->analysis, field->key);
          if (dataset != NULL && equity_dataset_get_n_rows (dataset) > 1 && value == NULL)
            /* Translators: %s names an input such as "Population row" */
            return g_strdup_printf (_("Choose the “%s”: one place, or all rows added up"), _(field->title));
          continue;
        }

      if ((field->type != EQUITY_FIELD_DATASET && field->type != EQUITY_FIELD_COLUMN)
          || (field->flags & EQUITY_FIELD_OPTIONAL))
        continue;

      value = equity_analysis_dup_string (self->analysis, field->key);
      if (value == NULL || value[0] == '\0')
        /* Translators: %s names an input of an analysis, e.g. "Population" */
        return g_strdup_printf (_("Choose “%s” to see the result"), _(field->title));
    }

  return NULL;
}

gboolean
equity_analysis_editor_is_loading (EquityAnalysisEditor *self)
{
  g_return_val_if_fail (EQUITY_IS_ANALYSIS_EDITOR (self), FALSE);

  return self->n_loading > 0 || self->rebuild_source != 0;
}

GtkWidget *
equity_analysis_editor_get_row (EquityAnalysisEditor *self,
                                const char           *key)
{
  g_return_val_if_fail (EQUITY_IS_ANALYSIS_EDITOR (self), NULL);

  if (g_strcmp0 (key, "per") == 0)
    return GTK_WIDGET (self->per_row);
  if (g_strcmp0 (key, "confidence") == 0)
    return GTK_WIDGET (self->confidence_row);
  if (g_strcmp0 (key, "suppress-below") == 0)
    return self->suppress_row;
  return g_hash_table_lookup (self->rows_by_key, key);
}

gboolean
equity_analysis_editor_choose (EquityAnalysisEditor *self,
                               const char           *key,
                               const char           *value)
{
  GtkWidget *row;

  g_return_val_if_fail (EQUITY_IS_ANALYSIS_EDITOR (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (g_str_equal (key, "suppress-below") && value != NULL)
    {
      gtk_spin_button_set_value (self->suppress_spin, g_ascii_strtod (value, NULL));
      return TRUE;
    }
  if ((g_str_equal (key, "per") || g_str_equal (key, "confidence")) && value != NULL)
    {
      gboolean per = g_str_equal (key, "per");
      guint position = index_of_value (per ? per_values : confidence_values,
                                       per ? G_N_ELEMENTS (per_values) : G_N_ELEMENTS (confidence_values),
                                       g_ascii_strtod (value, NULL));

      if (position == GTK_INVALID_LIST_POSITION)
        return FALSE;
      adw_combo_row_set_selected (per ? self->per_row : self->confidence_row, position);
      return TRUE;
    }
  if (g_str_equal (key, "kind"))
    {
      for (guint i = 0; i < equity_analysis_fields_get_n_kinds (); i++)
        if (g_strcmp0 (equity_analysis_fields_get_kind (i)->kind, value) == 0)
          {
            adw_combo_row_set_selected (self->kind_row, i);
            return TRUE;
          }
      return FALSE;
    }

  row = g_hash_table_lookup (self->rows_by_key, key);
  if (EQUITY_IS_ROW_PICKER (row))
    {
      equity_row_picker_pick (EQUITY_ROW_PICKER (row), value);
      return TRUE;
    }
  if (ADW_IS_COMBO_ROW (row))
    {
      GPtrArray *values = g_object_get_data (G_OBJECT (row), "equity-values");

      for (guint i = 0; values != NULL && i < values->len; i++)
        if (g_strcmp0 (g_ptr_array_index (values, i), value) == 0)
          {
            adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
            return TRUE;
          }
      return FALSE;
    }
  if (ADW_IS_ACTION_ROW (row))
    {
      GtkWidget *widget = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      if (GTK_IS_SWITCH (widget))
        {
          gtk_switch_set_active (GTK_SWITCH (widget), value != NULL);
          return TRUE;
        }
    }

  return FALSE;
}
