/* equity-indicator-dialog.c — create or edit an indicator: its name, theme
 * and topic, the saved analysis it reads, the two groups compared, the
 * direction, the years, the baseline and the target, all from drop-downs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-indicators-page"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "equity-indicator-dialog-private.h"
#include "equity-indicator-entry.h"
#include "equity-utils.h"


G_DEFINE_FINAL_TYPE (EquityIndicatorDialog, equity_indicator_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* goal ratios offered: parity, and steps on the way there */
static const double goal_ratios[] = { 1.0, 1.1, 1.25, 1.5, 2.0 };

static void
show_error (EquityIndicatorDialog *self,
            const char            *message)
{
  equity_error_revealer_set (self->error_revealer, self->error_label, message);
}

static void
set_strings (AdwComboRow        *row,
             const char * const *strings)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (strings);

  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static const char *
selected_string (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static void
select_string (AdwComboRow *row,
               const char  *value)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; model != NULL && value != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), value) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
}

static void
fill_analyses (EquityIndicatorDialog *self)
{
  GListModel *analyses = equity_project_get_analyses (self->project);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (analyses); i++)
    {
      g_autoptr(EquitySavedAnalysis) analysis = g_list_model_get_item (analyses, i);

      g_strv_builder_add (names, equity_saved_analysis_get_name (analysis));
    }
  strv = g_strv_builder_end (names);
  set_strings (self->analysis_row, (const char * const *) strv);
}

static int
selected_year (AdwComboRow *row,
               GArray      *years)
{
  guint i = adw_combo_row_get_selected (row);

  return years != NULL && i < years->len ? g_array_index (years, int, i) : 0;
}

static void
select_year (AdwComboRow *row,
             GArray      *years,
             int          year)
{
  for (guint i = 0; years != NULL && i < years->len; i++)
    if (g_array_index (years, int, i) == year)
      adw_combo_row_set_selected (row, i);
}

static const char *
selected_group (EquityIndicatorDialog *self,
                AdwComboRow           *row)
{
  guint i = adw_combo_row_get_selected (row);

  return self->group_values != NULL && i < self->group_values->len
         ? g_ptr_array_index (self->group_values, i) : NULL;
}

static void
select_group (EquityIndicatorDialog *self,
              AdwComboRow           *row,
              const char            *value)
{
  guint i;

  if (value != NULL && self->group_values != NULL
      && g_ptr_array_find_with_equal_func (self->group_values, value, g_str_equal, &i))
    adw_combo_row_set_selected (row, i);
}

static char *
trimmed_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* What is missing, in the words of the rows; NULL: it can be saved. */
static const char *
missing_choice (EquityIndicatorDialog *self)
{
  g_autofree char *name = trimmed_text (self->name_row);

  if (name[0] == '\0')
    return _("Name the indicator.");
  if (selected_string (self->analysis_row) == NULL)
    return _("Choose the saved analysis it reads.");
  if (self->n_loading > 0)
    return _("Reading the groups and years of the analysis…");
  if (selected_group (self, self->group_a_row) == NULL || selected_group (self, self->group_b_row) == NULL)
    return _("The analysis has no groups or areas to compare.");
  if (g_strcmp0 (selected_group (self, self->group_a_row), selected_group (self, self->group_b_row)) == 0)
    return _("Choose two different groups or areas.");
  if (selected_string (self->year_column_row) == NULL)
    return _("The analysis’s events have no year or date column.");
  if (self->years == NULL || self->years->len == 0)
    return _("The year column holds no years.");
  if (selected_year (self->first_year_row, self->years) > selected_year (self->last_year_row, self->years))
    return _("The first year comes after the last.");
  if (selected_year (self->baseline_row, self->years) < selected_year (self->first_year_row, self->years)
      || selected_year (self->baseline_row, self->years) > selected_year (self->last_year_row, self->years))
    return _("Choose a baseline year among the years evaluated.");
  if (selected_year (self->goal_year_row, self->years) <= selected_year (self->baseline_row, self->years))
    return _("The goal year must come after the baseline year.");
  return NULL;
}

static void
update_save (EquityIndicatorDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicator.save", missing_choice (self) == NULL);
  gtk_widget_set_tooltip_text (self->save_button, missing_choice (self));
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static void
fill_years (EquityIndicatorDialog *self,
            GPtrArray             *choices)
{
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  int pending_first = self->pending.first_year;

  g_clear_pointer (&self->years, g_array_unref);
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  /* a year column holds years; a date column, dates that begin with one */
  for (guint i = 0; choices != NULL && i < choices->len; i++)
    {
      const EquityChoice *choice = g_ptr_array_index (choices, i);
      int year = (int) g_ascii_strtoll (choice->value, NULL, 10);
      gboolean seen = FALSE;

      if (year < 1900 || year > 2100)
        continue;
      for (guint j = 0; j < self->years->len && !seen; j++)
        seen = g_array_index (self->years, int, j) == year;
      if (!seen)
        g_array_append_val (self->years, year);
    }
  g_array_sort (self->years, compare_ints);
  for (guint i = 0; i < self->years->len; i++)
    {
      g_autofree char *label = g_strdup_printf ("%d", g_array_index (self->years, int, i));

      g_strv_builder_add (labels, label);
    }
  strv = g_strv_builder_end (labels);

  set_strings (self->first_year_row, (const char * const *) strv);
  set_strings (self->last_year_row, (const char * const *) strv);
  set_strings (self->baseline_row, (const char * const *) strv);
  set_strings (self->goal_year_row, (const char * const *) strv);
  if (self->years->len > 0)
    {
      /* by default: every year, the first as the baseline, the last as the goal */
      adw_combo_row_set_selected (self->last_year_row, self->years->len - 1);
      adw_combo_row_set_selected (self->goal_year_row, self->years->len - 1);
    }
  if (pending_first != 0)
    {
      select_year (self->first_year_row, self->years, self->pending.first_year);
      select_year (self->last_year_row, self->years, self->pending.last_year);
      select_year (self->baseline_row, self->years, self->pending.baseline);
      select_year (self->goal_year_row, self->years, self->pending.goal_year);
      self->pending.first_year = 0;
    }
}

static void
loaded (EquityIndicatorDialog *self)
{
  if (self->n_loading > 0)
    self->n_loading--;
  update_save (self);
}

static void
years_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(EquityIndicatorDialog) self = user_data;
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GError) error = NULL;

  choices = equity_analysis_list_choices_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (choices == NULL)
    show_error (self, error->message);
  fill_years (self, choices);
  loaded (self);
}

static void
year_column_changed_cb (EquityIndicatorDialog *self)
{
  const char *column = selected_string (self->year_column_row);

  fill_years (self, NULL);
  if (column == NULL || self->dataset == NULL)
    {
      update_save (self);
      return;
    }
  self->n_loading++;
  equity_analysis_list_choices_async (equity_project_get_path (self->project), self->dataset, column,
                                      FALSE, EQUITY_CHOICE_ORDER_LABEL, 0, self->cancellable,
                                      years_cb, g_object_ref (self));
  update_save (self);
}

/* The rows of the analysis's result are what can be compared: its groups,
 * or its areas. */
static void
groups_cb (GObject      *source,
           GAsyncResult *async_result,
           gpointer      user_data)
{
  g_autoptr(EquityIndicatorDialog) self = user_data;
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  const EquityResultRow *highest = NULL;
  const EquityResultRow *lowest = NULL;
  const EquityResultRow *reference = NULL;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (async_result))))
    return;
  result = equity_analysis_run_finish (EQUITY_ANALYSIS (source), async_result, NULL, NULL, NULL, &error);
  if (result == NULL)
    show_error (self, error->message);

  g_ptr_array_set_size (self->group_values, 0);
  for (guint i = 0; result != NULL && i < equity_result_get_n_rows (result); i++)
    {
      const EquityResultRow *row = equity_result_get_row (result, i);

      if (row->label == NULL)
        continue;
      if (highest == NULL || row->rate > highest->rate)
        highest = row;
      if (lowest == NULL || row->rate < lowest->rate)
        lowest = row;
      if (row->is_reference)
        reference = row;
      g_ptr_array_add (self->group_values, g_strdup (row->label));
      g_strv_builder_add (names, equity_result_row_get_name (row));
    }
  strv = g_strv_builder_end (names);
  set_strings (self->group_a_row, (const char * const *) strv);
  set_strings (self->group_b_row, (const char * const *) strv);

  /* a first guess: the highest rate against the reference group, or the lowest */
  if (highest != NULL)
    {
      select_group (self, self->group_a_row, highest->label);
      select_group (self, self->group_b_row, reference != NULL ? reference->label : lowest->label);
    }
  if (self->pending.group_a != NULL)
    {
      select_group (self, self->group_a_row, self->pending.group_a);
      select_group (self, self->group_b_row, self->pending.group_b);
      g_clear_pointer (&self->pending.group_a, g_free);
    }
  loaded (self);
}

static gboolean
is_year_column (EquityColumn *column)
{
  g_autofree char *name = g_utf8_strdown (equity_column_get_name (column), -1);

  return equity_column_get_column_type (column) == EQUITY_COLUMN_TYPE_DATE
         || equity_column_get_role (column) == EQUITY_COLUMN_ROLE_DATE
         || strstr (name, "year") != NULL;
}

static void
analysis_changed_cb (EquityIndicatorDialog *self)
{
  const char *name = selected_string (self->analysis_row);
  g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autoptr(GError) error = NULL;
  EquityDataset *dataset = NULL;

  /* what was being read for the analysis before is of no use now */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->n_loading = 0;
  g_clear_object (&self->spec);
  g_clear_pointer (&self->dataset, g_free);
  g_ptr_array_set_size (self->group_values, 0);
  set_strings (self->group_a_row, NULL);
  set_strings (self->group_b_row, NULL);
  show_error (self, NULL);

  if (name != NULL)
    self->spec = equity_analysis_new_from_project (self->project, name, &error);
  if (name != NULL && self->spec == NULL)
    show_error (self, error->message);
  if (self->spec != NULL)
    {
      dataset = _equity_indicator_dialog_find_events (self->project, self->spec);
      self->dataset = dataset != NULL ? g_strdup (equity_dataset_get_name (dataset)) : NULL;
    }

  for (guint i = 0; dataset != NULL && i < equity_dataset_get_n_columns (dataset); i++)
    {
      EquityColumn *column = equity_dataset_get_column (dataset, i);

      if (is_year_column (column))
        g_strv_builder_add (columns, equity_column_get_name (column));
    }
  strv = g_strv_builder_end (columns);
  g_signal_handlers_block_by_func (self->year_column_row, year_column_changed_cb, self);
  set_strings (self->year_column_row, (const char * const *) strv);
  if (self->pending.year_column != NULL)
    {
      select_string (self->year_column_row, self->pending.year_column);
      g_clear_pointer (&self->pending.year_column, g_free);
    }
  g_signal_handlers_unblock_by_func (self->year_column_row, year_column_changed_cb, self);

  if (self->spec != NULL)
    {
      self->n_loading++;
      equity_analysis_run_async (self->spec, equity_project_get_path (self->project), EQUITY_CHART_BARS,
                                 self->cancellable, NULL, NULL, groups_cb, g_object_ref (self));
    }
  year_column_changed_cb (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  EquityIndicatorDialog *self = EQUITY_INDICATOR_DIALOG (widget);
  EquityIndicatorChoices choices = { 0 };
  g_autoptr(GError) error = NULL;
  guint goal = adw_combo_row_get_selected (self->goal_row);
  gint64 saved_id = 0;
  gboolean saved;

  if (missing_choice (self) != NULL)
    {
      show_error (self, missing_choice (self));
      return;
    }

  choices.name = trimmed_text (self->name_row);
  choices.theme = trimmed_text (self->theme_row);
  choices.topic = trimmed_text (self->topic_row);
  choices.analysis = g_strdup (selected_string (self->analysis_row));
  choices.group_a = g_strdup (selected_group (self, self->group_a_row));
  choices.group_b = g_strdup (selected_group (self, self->group_b_row));
  choices.higher_is_better = adw_combo_row_get_selected (self->direction_row) == 1;
  choices.year_column = g_strdup (selected_string (self->year_column_row));
  choices.first_year = selected_year (self->first_year_row, self->years);
  choices.last_year = selected_year (self->last_year_row, self->years);
  choices.baseline = selected_year (self->baseline_row, self->years);
  choices.goal_year = selected_year (self->goal_year_row, self->years);
  choices.goal = goal < G_N_ELEMENTS (goal_ratios) ? goal_ratios[goal] : 1.0;

  saved = _equity_indicator_dialog_save (self, &choices, &saved_id, &error);
  _equity_indicator_choices_clear (&choices);
  if (!saved)
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, saved_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
equity_indicator_dialog_dispose (GObject *object)
{
  EquityIndicatorDialog *self = EQUITY_INDICATOR_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), EQUITY_TYPE_INDICATOR_DIALOG);
  g_clear_object (&self->project);
  g_clear_object (&self->spec);
  g_clear_pointer (&self->dataset, g_free);
  g_clear_pointer (&self->group_values, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  _equity_indicator_choices_clear (&self->pending);
  g_clear_object (&self->editing);

  G_OBJECT_CLASS (equity_indicator_dialog_parent_class)->dispose (object);
}

static void
equity_indicator_dialog_class_init (EquityIndicatorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = equity_indicator_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/asheville/Equity/ui/equity-indicator-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorDialog, topic_row);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorDialog, analysis_row);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorDialog, group_a_row);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorDialog, group_b_row);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorDialog, direction_row);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorDialog, year_column_row);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorDialog, first_year_row);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorDialog, last_year_row);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorDialog, baseline_row);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorDialog, goal_year_row);
  gtk_widget_class_bind_template_child (widget_class, EquityIndicatorDialog, goal_row);

  gtk_widget_class_install_action (widget_class, "indicator.save", NULL, save_action);
}

static void
equity_indicator_dialog_init (EquityIndicatorDialog *self)
{
  const char *directions[] = {
    /* Translators: the direction of an indicator's measure, as arrests or poverty */
    _("Higher is worse"),
    /* Translators: …as income or home ownership */
    _("Higher is better"),
    NULL,
  };
  g_autoptr(GStrvBuilder) goals = g_strv_builder_new ();
  g_auto(GStrv) goal_strv = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->group_values = g_ptr_array_new_with_free_func (g_free);

  set_strings (self->direction_row, directions);
  for (guint i = 0; i < G_N_ELEMENTS (goal_ratios); i++)
    {
      g_autofree char *number = equity_format_number (goal_ratios[i], 2);
      /* Translators: the goal ratio 1.00: both groups' rates equal */
      g_autofree char *parity = g_strdup_printf (_("%s (parity)"), number);

      g_strv_builder_add (goals, goal_ratios[i] == 1.0 ? parity : number);
    }
  goal_strv = g_strv_builder_end (goals);
  set_strings (self->goal_row, (const char * const *) goal_strv);

  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (update_save), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->analysis_row, "notify::selected", G_CALLBACK (analysis_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->year_column_row, "notify::selected", G_CALLBACK (year_column_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->group_a_row, "notify::selected", G_CALLBACK (update_save),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->group_b_row, "notify::selected", G_CALLBACK (update_save),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->first_year_row, "notify::selected", G_CALLBACK (update_save),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->last_year_row, "notify::selected", G_CALLBACK (update_save),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->baseline_row, "notify::selected", G_CALLBACK (update_save),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->goal_year_row, "notify::selected", G_CALLBACK (update_save),
                           self, G_CONNECT_SWAPPED);
}

GtkWindow *
equity_indicator_dialog_new (GtkWindow     *parent,
                             EquityProject *project,
                             gint64         id,
                             GError       **error)
{
  EquityIndicatorDialog *self;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);

  self = g_object_new (EQUITY_TYPE_INDICATOR_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->project = g_object_ref (project);
  if (id != 0)
    {
      if (!_equity_indicator_dialog_read (self, id, error))
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return NULL;
        }
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Indicator"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->pending.name);
      gtk_editable_set_text (GTK_EDITABLE (self->theme_row), self->pending.theme != NULL ? self->pending.theme : "");
      gtk_editable_set_text (GTK_EDITABLE (self->topic_row), self->pending.topic != NULL ? self->pending.topic : "");
      adw_combo_row_set_selected (self->direction_row, self->pending.higher_is_better ? 1 : 0);
      for (guint i = 0; i < G_N_ELEMENTS (goal_ratios); i++)
        if (fabs (goal_ratios[i] - self->pending.goal) < 1e-9)
          adw_combo_row_set_selected (self->goal_row, i);
    }
  /* the analysis edited (or the first) is read once, when chosen */
  g_signal_handlers_block_by_func (self->analysis_row, analysis_changed_cb, self);
  fill_analyses (self);
  if (self->pending.analysis != NULL)
    select_string (self->analysis_row, self->pending.analysis);
  g_signal_handlers_unblock_by_func (self->analysis_row, analysis_changed_cb, self);
  analysis_changed_cb (self);
  if (self->editing != NULL && equity_indicator_get_analysis_id (self->editing) == 0)
    show_error (self, _("This indicator’s yearly values were typed or imported. Saving here measures it "
                        "with the saved analysis chosen above instead."));
  return GTK_WINDOW (self);
}
