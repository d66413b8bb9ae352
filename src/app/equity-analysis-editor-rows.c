/* equity-analysis-editor-rows.c — the rows of datasets, columns and modes,
 * and what choosing in them writes to the spec
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-explore"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-analysis-editor-private.h"

/* Spec keys that only make sense with the dataset another key names. */
static const struct { const char *dataset_key; const char *key; } dependents[] = {
  { "events", "events-filter" },
  { "population", "population-scale" },
};

static void
schedule_rebuild_cb (gpointer data)
{
  EquityAnalysisEditor *self = data;

  self->rebuild_source = 0;
  _equity_analysis_editor_rebuild (self);
}

/* Rows are never destroyed from their own signal handlers: later. */
void
_equity_analysis_editor_schedule_rebuild (EquityAnalysisEditor *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_once (schedule_rebuild_cb, self);
}

gboolean
_equity_analysis_editor_get_choice (EquityAnalysisEditor  *self,
                                    AdwComboRow           *row,
                                    guint                 *position,
                                    const char           **value)
{
  GPtrArray *values = g_object_get_data (G_OBJECT (row), "equity-values");
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || values == NULL || selected >= values->len)
    return FALSE;
  if (position != NULL)
    *position = selected;
  *value = g_ptr_array_index (values, selected);
  return TRUE;
}

static void
combo_selected_cb (EquityAnalysisEditor *self,
                   GParamSpec           *pspec,
                   AdwComboRow          *row)
{
  const EquityFieldInfo *field = g_object_get_data (G_OBJECT (row), "equity-field");
  guint selected;
  const char *value;

  if (field == NULL || !_equity_analysis_editor_get_choice (self, row, &selected, &value))
    return;

  switch (field->type)
    {
    case EQUITY_FIELD_MODE:
      self->mode = self->kind->modes[selected].mode;
      /* the keys of the other ways to place events would win over these */
      for (guint i = 0; self->kind->fields[i].key != NULL; i++)
        if (!equity_analysis_fields_is_shown (&self->kind->fields[i], self->mode))
          equity_analysis_set_string (self->analysis, self->kind->fields[i].key, NULL);
      _equity_analysis_editor_schedule_rebuild (self);
      break;

    case EQUITY_FIELD_DATASET:
      equity_analysis_set_string (self->analysis, field->key, value);
      for (guint i = 0; self->kind->fields[i].key != NULL; i++)
        {
          const EquityFieldInfo *other = &self->kind->fields[i];

          if ((other->type == EQUITY_FIELD_COLUMN || other->type == EQUITY_FIELD_ROW)
              && g_strcmp0 (other->dataset_key, field->key) == 0)
            equity_analysis_set_string (self->analysis, other->key, NULL);
          else if ((other->type == EQUITY_FIELD_GROUPS || other->type == EQUITY_FIELD_GROUP_COLUMNS)
                   && (g_strcmp0 (other->dataset_key, field->key) == 0
                       || g_strcmp0 (other->values_dataset_key, field->key) == 0))
            _equity_analysis_editor_clear_groups (self);
        }
      for (guint i = 0; i < G_N_ELEMENTS (dependents); i++)
        if (g_str_equal (dependents[i].dataset_key, field->key))
          equity_analysis_set_string (self->analysis, dependents[i].key, NULL);
      _equity_analysis_editor_schedule_rebuild (self);
      break;

    case EQUITY_FIELD_COLUMN:
      equity_analysis_set_string (self->analysis, field->key, value);
      for (guint i = 0; self->kind->fields[i].key != NULL; i++)
        {
          const EquityFieldInfo *other = &self->kind->fields[i];

          if (g_strcmp0 (other->pair_key, field->key) != 0)
            continue;
          if (other->type == EQUITY_FIELD_GROUPS)
            {
              _equity_analysis_editor_clear_groups (self);
              _equity_analysis_editor_schedule_rebuild (self);
            }
          else if (other->type == EQUITY_FIELD_COLUMN)
            {
              /* a margin of error follows its estimate */
              equity_analysis_set_string (self->analysis, other->key, NULL);
              _equity_analysis_editor_schedule_rebuild (self);
            }
        }
      break;

    case EQUITY_FIELD_REFERENCE:
      equity_analysis_set_string (self->analysis, field->key, value);
      break;

    case EQUITY_FIELD_ROW:
    case EQUITY_FIELD_GROUPS:
    case EQUITY_FIELD_GROUP_COLUMNS:
    default:
      return;
    }

  _equity_analysis_editor_changed (self);
}

/* A combo row whose choices' values are kept beside it, index for index
 * (NULL for the choice of none). */
GtkWidget *
_equity_analysis_editor_new_combo_row (EquityAnalysisEditor  *self,
                                       const EquityFieldInfo *field,
                                       const char            *title,
                                       GPtrArray             *labels,
                                       GPtrArray             *values,
                                       guint                  selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (model, g_ptr_array_index (labels, i));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : _(field->title));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data (G_OBJECT (row), "equity-field", (gpointer) field);
  g_object_set_data_full (G_OBJECT (row), "equity-values", g_ptr_array_ref (values),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (combo_selected_cb), self,
                           G_CONNECT_SWAPPED);
  return row;
}

/* The choice of none: "No map" for an optional input, else "Choose…". */
static void
add_none_choice (const EquityFieldInfo *field,
                 GPtrArray             *labels,
                 GPtrArray             *values)
{
  if (field->flags & EQUITY_FIELD_OPTIONAL)
    g_ptr_array_add (labels, g_strdup (_(field->none_label)));
  else
    g_ptr_array_add (labels, g_strdup (_("Choose…")));
  g_ptr_array_add (values, NULL);
}

/* A value the spec names but the choices lack stays visible, so the error
 * the analysis reports can be seen and corrected. */
guint
_equity_analysis_editor_select_current (GPtrArray  *labels,
                                        GPtrArray  *values,
                                        const char *current,
                                        const char *missing_format)
{
  if (current == NULL)
    return 0;

  for (guint i = 1; i < values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (values, i), current) == 0)
      return i;

  g_ptr_array_add (labels, g_strdup_printf (missing_format, current));
  g_ptr_array_add (values, g_strdup (current));
  return values->len - 1;
}

void
_equity_analysis_editor_add_dataset_row (EquityAnalysisEditor  *self,
                                         const EquityFieldInfo *field)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) datasets = equity_analysis_fields_list_datasets (field, self->project);
  g_autofree char *current = equity_analysis_dup_string (self->analysis, field->key);
  guint selected;

  add_none_choice (field, labels, values);
  for (guint i = 0; i < datasets->len; i++)
    {
      const char *name = equity_dataset_get_name (g_ptr_array_index (datasets, i));

      g_ptr_array_add (labels, g_strdup (name));
      g_ptr_array_add (values, g_strdup (name));
    }

  /* Translators: a dataset a saved analysis names but the project lacks */
  selected = _equity_analysis_editor_select_current (labels, values, current, _("“%s” (missing)"));
  _equity_analysis_editor_add_row (self, self->inputs_group,
                                   _equity_analysis_editor_new_combo_row (self, field, NULL, labels, values, selected),
                                   field->key);
}

void
_equity_analysis_editor_add_column_row (EquityAnalysisEditor  *self,
                                        const EquityFieldInfo *field)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *current = equity_analysis_dup_string (self->analysis, field->key);
  EquityDataset *dataset = _equity_analysis_editor_dataset_for (self, field->dataset_key);
  GtkWidget *row;
  guint selected;

  add_none_choice (field, labels, values);
  if (dataset != NULL)
    {
      EquityColumn *pair = NULL;
      g_autoptr(GPtrArray) columns = NULL;

      if (field->pair_key != NULL)
        {
          g_autofree char *pair_name = equity_analysis_dup_string (self->analysis, field->pair_key);

          pair = pair_name != NULL ? equity_dataset_find_column (dataset, pair_name) : NULL;
        }

      columns = equity_analysis_fields_list_columns (field, dataset, pair);
      for (guint i = 0; i < columns->len; i++)
        {
          const char *name = equity_column_get_name (g_ptr_array_index (columns, i));

          g_ptr_array_add (labels, g_strdup (name));
          g_ptr_array_add (values, g_strdup (name));
        }

      /* A required input starts at the column whose role fits it. */
      if (current == NULL && !(field->flags & EQUITY_FIELD_OPTIONAL)
          && equity_analysis_fields_count_preferred (field, columns, pair) > 0)
        {
          current = g_strdup (equity_column_get_name (g_ptr_array_index (columns, 0)));
          equity_analysis_set_string (self->analysis, field->key, current);
        }
    }

  /* Translators: a column a saved analysis names but the project lacks */
  selected = _equity_analysis_editor_select_current (labels, values, current, _("“%s” (missing)"));
  row = _equity_analysis_editor_new_combo_row (self, field, NULL, labels, values, selected);
  gtk_widget_set_sensitive (row, dataset != NULL);
  _equity_analysis_editor_add_row (self, self->inputs_group, row, field->key);
}

void
_equity_analysis_editor_add_mode_row (EquityAnalysisEditor  *self,
                                      const EquityFieldInfo *field)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;

  for (guint i = 0; self->kind->modes[i].key != NULL; i++)
    {
      g_ptr_array_add (labels, g_strdup (_(self->kind->modes[i].label)));
      g_ptr_array_add (values, g_strdup (self->kind->modes[i].key));
      if (self->kind->modes[i].mode == self->mode)
        selected = i;
    }

  _equity_analysis_editor_add_row (self, self->inputs_group,
                                   _equity_analysis_editor_new_combo_row (self, field, NULL, labels, values, selected),
                                   field->key);
}
