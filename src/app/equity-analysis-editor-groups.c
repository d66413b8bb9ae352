/* equity-analysis-editor-groups.c — the inputs read from the data itself:
 * the population row, the groups found in the events, the reference group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-explore"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-analysis-editor-private.h"
#include "equity-row-picker.h"

/* Population tables have a row per place; more is not a list to pick from. */
#define MAX_ROWS   20000
/* Records carry a handful of group codes; more are not groups. */
#define MAX_GROUPS 40

typedef void (*ChoicesReady) (EquityAnalysisEditor  *self,
                              const EquityFieldInfo *field,
                              GPtrArray             *choices);

typedef struct
{
  EquityAnalysisEditor  *self;
  const EquityFieldInfo *field;
  GCancellable          *cancellable;
  ChoicesReady           ready;
} Request;

static void
choices_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GError) error = NULL;

  choices = equity_analysis_list_choices_finish (result, &error);

  /* A rebuild or dispose cancelled the request: its rows are gone. */
  if (!g_cancellable_is_cancelled (request->cancellable))
    {
      EquityAnalysisEditor *self = request->self;

      if (error != NULL)
        g_warning ("Could not read the values of a column: %s", error->message);
      if (self->n_loading > 0)
        self->n_loading--;
      self->updating = TRUE;
      request->ready (self, request->field, choices);
      self->updating = FALSE;
    }

  g_object_unref (request->cancellable);
  g_free (request);
}

static void
load_choices (EquityAnalysisEditor  *self,
              const EquityFieldInfo *field,
              EquityDataset         *dataset,
              const char            *column,
              gboolean               with_labels,
              EquityChoiceOrder      order,
              guint                  limit,
              ChoicesReady           ready)
{
  Request *request = g_new0 (Request, 1);

  request->self = self;
  request->field = field;
  request->cancellable = g_object_ref (self->choices_cancellable);
  request->ready = ready;
  self->n_loading++;

  equity_analysis_list_choices_async (equity_project_get_path (self->project),
                                      equity_dataset_get_name (dataset), column,
                                      with_labels, order, limit, request->cancellable,
                                      choices_cb, request);
}

/* The population row */

static void
picked_cb (EquityAnalysisEditor *self,
           EquityRowPicker      *picker)
{
  const EquityFieldInfo *field = g_object_get_data (G_OBJECT (picker), "equity-field");
  const char *column = g_object_get_data (G_OBJECT (picker), "equity-column");
  const char *value = equity_row_picker_get_value (picker);
  g_autofree char *filter = NULL;

  if (self->updating || column == NULL)
    return;

  if (g_strcmp0 (value, EQUITY_ANALYSIS_ALL_ROWS) == 0)
    filter = g_strdup (value);
  else if (value != NULL)
    filter = g_strdup_printf ("%s=%s", column, value);
  equity_analysis_set_string (self->analysis, field->key, filter);
  _equity_analysis_editor_changed (self);
}

static void
rows_ready (EquityAnalysisEditor  *self,
            const EquityFieldInfo *field,
            GPtrArray             *choices)
{
  GtkWidget *picker = g_hash_table_lookup (self->rows_by_key, field->key);

  if (EQUITY_IS_ROW_PICKER (picker))
    equity_row_picker_set_choices (EQUITY_ROW_PICKER (picker), choices);
}

/* The column rows are picked by: the filter's, else the dataset's key. */
static EquityColumn *
filter_column (EquityDataset *dataset,
               const char    *name)
{
  static const EquityColumnRole roles[] = { EQUITY_COLUMN_ROLE_KEY, EQUITY_COLUMN_ROLE_IDENTIFIER };

  if (name != NULL)
    return equity_dataset_find_column (dataset, name);

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    for (guint i = 0; i < equity_dataset_get_n_columns (dataset); i++)
      if (equity_column_get_role (equity_dataset_get_column (dataset, i)) == roles[r])
        return equity_dataset_get_column (dataset, i);

  return NULL;
}

void
_equity_analysis_editor_add_row_picker (EquityAnalysisEditor  *self,
                                        const EquityFieldInfo *field)
{
  EquityDataset *dataset = _equity_analysis_editor_dataset_for (self, field->dataset_key);
  g_autofree char *text = equity_analysis_dup_string (self->analysis, field->key);
  g_autofree char *column_name = NULL;
  const char *value = NULL;
  EquityColumn *column = NULL;
  GtkWidget *picker;

  if (text != NULL && strchr (text, '=') != NULL)
    {
      char *equals = strchr (text, '=');

      column_name = g_strstrip (g_strndup (text, equals - text));
      value = g_strstrip (equals + 1);
    }
  else if (g_strcmp0 (text, EQUITY_ANALYSIS_ALL_ROWS) == 0)
    value = text;

  picker = equity_row_picker_new (_(field->title), _(field->none_label));
  if (dataset != NULL)
    column = filter_column (dataset, column_name);

  g_object_set_data (G_OBJECT (picker), "equity-field", (gpointer) field);
  g_object_set_data_full (G_OBJECT (picker), "equity-column",
                          g_strdup (column != NULL ? equity_column_get_name (column) : column_name),
                          g_free);
  equity_row_picker_set_value (EQUITY_ROW_PICKER (picker), value);
  gtk_widget_set_sensitive (picker, column != NULL);
  g_signal_connect_object (picker, "picked", G_CALLBACK (picked_cb), self, G_CONNECT_SWAPPED);
  _equity_analysis_editor_add_row (self, self->inputs_group, picker, field->key);

  if (column != NULL)
    load_choices (self, field, dataset, equity_column_get_name (column), TRUE,
                  EQUITY_CHOICE_ORDER_LABEL, MAX_ROWS, rows_ready);
}

/* The reference group */

static void
remove_group_row (EquityAnalysisEditor *self,
                  const char           *key)
{
  GtkWidget *row = g_hash_table_lookup (self->rows_by_key, key);

  if (row == NULL)
    return;

  g_hash_table_remove (self->rows_by_key, key);
  g_ptr_array_remove (self->group_rows, row);
  adw_preferences_group_remove (self->groups_group, row);
}

static void
add_reference_row (EquityAnalysisEditor *self)
{
  const EquityFieldInfo *field = _equity_analysis_editor_find_field (self, EQUITY_FIELD_REFERENCE);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) groups = equity_analysis_dup_groups (self->analysis);
  g_autofree char *current = equity_analysis_dup_string (self->analysis, "reference");
  GtkWidget *row;
  guint selected;

  remove_group_row (self, "reference");
  if (field == NULL)
    return;

  /* "overall" is the index of disparity's own name for its default */
  if (current != NULL && (field->flags & EQUITY_FIELD_OVERALL) && g_ascii_strcasecmp (current, "overall") == 0)
    g_clear_pointer (&current, g_free);

  g_ptr_array_add (labels, g_strdup (_(field->none_label)));
  g_ptr_array_add (values, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_ptr_array_add (labels, equity_analysis_fields_group_title (groups[i]));
      g_ptr_array_add (values, g_strdup (groups[i]));
    }
  /* Translators: a reference group that is not among the groups */
  selected = _equity_analysis_editor_select_current (labels, values, current, _("“%s” (not a group)"));

  row = _equity_analysis_editor_new_combo_row (self, field, NULL, labels, values, selected);
  _equity_analysis_editor_add_row (self, self->groups_group, row, "reference");
}

/* The groups chosen changed: the reference offers them (without the editor
 * reading its own rebuild as a choice), and the analysis changed. */
static void
groups_changed (EquityAnalysisEditor *self)
{
  self->updating = TRUE;
  add_reference_row (self);
  self->updating = FALSE;
  _equity_analysis_editor_changed (self);
}

/* The groups of the events, each with its population column */

static void
group_selected_cb (EquityAnalysisEditor *self,
                   GParamSpec           *pspec,
                   AdwComboRow          *row)
{
  const char *group = g_object_get_data (G_OBJECT (row), "equity-group");
  const char *column;

  if (!_equity_analysis_editor_get_choice (self, row, NULL, &column))
    return;
  if (column != NULL)
    equity_analysis_set_group (self->analysis, group, column);
  else
    {
      g_autofree char *reference = equity_analysis_dup_string (self->analysis, "reference");

      equity_analysis_remove_group (self->analysis, group);
      if (g_strcmp0 (reference, group) == 0)
        equity_analysis_set_string (self->analysis, "reference", NULL);
    }

  groups_changed (self);
}

static void
add_group_row (EquityAnalysisEditor  *self,
               const EquityFieldInfo *field,
               EquityDataset         *population,
               GPtrArray             *columns,
               const char            *group,
               gboolean               guess)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *current = equity_analysis_dup_group_column (self->analysis, group);
  g_autofree char *title = equity_analysis_fields_group_title (group);
  g_autofree char *key = g_strconcat ("groups/", group, NULL);
  GtkWidget *row;
  guint selected;

  if (current == NULL && guess)
    {
      EquityColumn *column = equity_analysis_fields_guess_group_column (population, group);

      if (column != NULL)
        {
          current = g_strdup (equity_column_get_name (column));
          equity_analysis_set_group (self->analysis, group, current);
        }
    }

  g_ptr_array_add (labels, g_strdup (_(field->none_label)));
  g_ptr_array_add (values, NULL);
  for (guint i = 0; i < columns->len; i++)
    {
      const char *name = equity_column_get_name (g_ptr_array_index (columns, i));

      g_ptr_array_add (labels, g_strdup (name));
      g_ptr_array_add (values, g_strdup (name));
    }
  /* Translators: a group's column a saved analysis names but the dataset lacks */
  selected = _equity_analysis_editor_select_current (labels, values, current, _("“%s” (missing)"));

  row = _equity_analysis_editor_new_combo_row (self, field, title, labels, values, selected);
  g_object_set_data_full (G_OBJECT (row), "equity-group", g_strdup (group), g_free);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (group_selected_cb), self,
                           G_CONNECT_SWAPPED);
  _equity_analysis_editor_add_row (self, self->groups_group, row, key);
}

static void
groups_ready (EquityAnalysisEditor  *self,
              const EquityFieldInfo *field,
              GPtrArray             *choices)
{
  EquityDataset *population = _equity_analysis_editor_dataset_for (self, field->dataset_key);
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) groups = equity_analysis_dup_groups (self->analysis);
  /* a spec with no groups yet gets the columns their names suggest */
  gboolean guess = groups[0] == NULL;

  if (population == NULL)
    return;

  columns = equity_analysis_fields_list_columns (field, population, NULL);
  for (guint i = 0; choices != NULL && i < choices->len; i++)
    {
      const EquityChoice *choice = g_ptr_array_index (choices, i);

      g_hash_table_add (shown, choice->value);
      add_group_row (self, field, population, columns, choice->value, guess);
    }
  /* groups of the spec that no record carries (yet) */
  for (guint i = 0; groups[i] != NULL; i++)
    if (!g_hash_table_contains (shown, groups[i]))
      add_group_row (self, field, population, columns, groups[i], FALSE);

  add_reference_row (self);
  if (guess)
    {
      /* the columns were guessed, not chosen: the spec changed, yet no
       * one edited it */
      gboolean edited = self->edited;

      self->updating = FALSE;
      _equity_analysis_editor_changed (self);
      self->edited = edited;
    }
}

/* group-exposure: columns of the population that count a group each */

static void
group_column_active_cb (EquityAnalysisEditor *self,
                        GParamSpec           *pspec,
                        GtkSwitch            *toggle)
{
  const char *column = g_object_get_data (G_OBJECT (toggle), "equity-group");

  if (self->updating)
    return;

  if (gtk_switch_get_active (toggle))
    equity_analysis_set_group (self->analysis, column, column);
  else
    equity_analysis_remove_group (self->analysis, column);

  groups_changed (self);
}

static void
add_group_column_rows (EquityAnalysisEditor  *self,
                       const EquityFieldInfo *field,
                       EquityDataset         *population)
{
  g_autoptr(GPtrArray) columns = equity_analysis_fields_list_columns (field, population, NULL);
  guint n_preferred = equity_analysis_fields_count_preferred (field, columns, NULL);
  guint n = n_preferred > 0 ? n_preferred : columns->len;

  for (guint i = 0; i < n; i++)
    {
      const char *name = equity_column_get_name (g_ptr_array_index (columns, i));
      g_autofree char *current = equity_analysis_dup_group_column (self->analysis, name);
      g_autofree char *key = g_strconcat ("groups/", name, NULL);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (toggle), current != NULL);
      g_object_set_data_full (G_OBJECT (toggle), "equity-group", g_strdup (name), g_free);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (group_column_active_cb),
                               self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      _equity_analysis_editor_add_row (self, self->groups_group, row, key);
    }
}

void
_equity_analysis_editor_clear_groups (EquityAnalysisEditor *self)
{
  g_auto(GStrv) groups = equity_analysis_dup_groups (self->analysis);

  for (guint i = 0; groups[i] != NULL; i++)
    equity_analysis_remove_group (self->analysis, groups[i]);
  equity_analysis_set_string (self->analysis, "reference", NULL);
}

void
_equity_analysis_editor_build_groups (EquityAnalysisEditor *self)
{
  const EquityFieldInfo *groups = _equity_analysis_editor_find_field (self, EQUITY_FIELD_GROUPS);
  const EquityFieldInfo *columns = _equity_analysis_editor_find_field (self, EQUITY_FIELD_GROUP_COLUMNS);
  EquityDataset *population = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->groups_group), groups != NULL || columns != NULL);
  if (self->project == NULL || (groups == NULL && columns == NULL))
    return;

  if (groups != NULL)
    {
      EquityDataset *events = _equity_analysis_editor_dataset_for (self, groups->values_dataset_key);
      g_autofree char *group_column = equity_analysis_dup_string (self->analysis, groups->pair_key);

      population = _equity_analysis_editor_dataset_for (self, groups->dataset_key);
      if (events == NULL || population == NULL || group_column == NULL
          || equity_dataset_find_column (events, group_column) == NULL)
        {
          adw_preferences_group_set_description (self->groups_group,
                                                 _("Choose the records, their group column and the population first."));
          return;
        }

      adw_preferences_group_set_description (self->groups_group,
                                             _("The population column that counts each group found in the records."));
      load_choices (self, groups, events, group_column, FALSE, EQUITY_CHOICE_ORDER_COUNT,
                    MAX_GROUPS, groups_ready);
      return;
    }

  population = _equity_analysis_editor_dataset_for (self, columns->dataset_key);
  if (population == NULL)
    {
      adw_preferences_group_set_description (self->groups_group,
                                             _("Choose the population first."));
      return;
    }

  adw_preferences_group_set_description (self->groups_group,
                                         _("The columns that count the residents of each group."));
  add_group_column_rows (self, columns, population);
  add_reference_row (self);
}
