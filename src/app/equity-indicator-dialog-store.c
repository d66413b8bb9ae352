/* equity-indicator-dialog-store.c — what the indicator dialog reads from
 * and saves to the core's indicator: saved analyses by id, the year column
 * by its position, in today's names for the rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-indicators-page"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-indicator-dialog-private.h"

void
_equity_indicator_choices_clear (EquityIndicatorChoices *choices)
{
  g_clear_pointer (&choices->name, g_free);
  g_clear_pointer (&choices->theme, g_free);
  g_clear_pointer (&choices->topic, g_free);
  g_clear_pointer (&choices->analysis, g_free);
  g_clear_pointer (&choices->group_a, g_free);
  g_clear_pointer (&choices->group_b, g_free);
  g_clear_pointer (&choices->year_column, g_free);
}

EquityDataset *
_equity_indicator_dialog_find_events (EquityProject  *project,
                                      EquityAnalysis *spec)
{
  g_autofree char *name = equity_analysis_dup_string (spec, "events");

  if (name == NULL)
    name = equity_analysis_dup_string (spec, "dataset");
  return name != NULL ? equity_project_find_dataset (project, name) : NULL;
}

static EquityColumn *
find_column_at (EquityDataset *dataset,
                int            position)
{
  for (guint i = 0; dataset != NULL && position >= 0 && i < equity_dataset_get_n_columns (dataset); i++)
    if ((int) equity_column_get_position (equity_dataset_get_column (dataset, i)) == position)
      return equity_dataset_get_column (dataset, i);
  return NULL;
}

/* The choices the indicator ID was made with, in today's names. */
gboolean
_equity_indicator_dialog_read (EquityIndicatorDialog  *self,
                               gint64                  id,
                               GError                **error)
{
  g_autoptr(GPtrArray) indicators = equity_project_list_indicators (self->project, error);
  g_autoptr(EquityAnalysis) spec = NULL;
  EquityIndicator *indicator = NULL;
  EquityColumn *column;
  const int *years;
  guint n_years = 0;

  if (indicators == NULL)
    return FALSE;
  for (guint i = 0; i < indicators->len && indicator == NULL; i++)
    if (equity_indicator_get_id (g_ptr_array_index (indicators, i)) == id)
      indicator = g_ptr_array_index (indicators, i);
  if (indicator == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The indicator is no longer in the project."));
      return FALSE;
    }

  self->editing = equity_indicator_copy (indicator);
  self->pending.name = g_strdup (equity_indicator_get_name (indicator));
  self->pending.theme = g_strdup (equity_indicator_get_theme (indicator));
  self->pending.topic = g_strdup (equity_indicator_get_topic (indicator));
  self->pending.group_a = g_strdup (equity_indicator_get_group_a (indicator));
  self->pending.group_b = g_strdup (equity_indicator_get_group_b (indicator));
  self->pending.higher_is_better = equity_indicator_get_direction (indicator) == EQUITY_INDICATOR_HIGHER_IS_BETTER;
  self->pending.baseline = equity_indicator_get_baseline_year (indicator);
  self->pending.goal_year = equity_indicator_get_goal_year (indicator);
  self->pending.goal = equity_indicator_get_goal_value (indicator);
  years = equity_indicator_get_years (indicator, &n_years);
  if (n_years > 0)
    {
      self->pending.first_year = years[0];
      self->pending.last_year = years[n_years - 1];
    }

  /* typed values have no analysis: the dialog then starts on the first */
  if (equity_indicator_get_analysis_id (indicator) != 0)
    self->pending.analysis = equity_project_dup_analysis_name (self->project,
                                                               equity_indicator_get_analysis_id (indicator), NULL);
  if (self->pending.analysis != NULL)
    spec = equity_analysis_new_from_project (self->project, self->pending.analysis, NULL);
  column = spec != NULL ? find_column_at (_equity_indicator_dialog_find_events (self->project, spec),
                                          equity_indicator_get_year_column (indicator)) : NULL;
  if (column != NULL)
    self->pending.year_column = g_strdup (equity_column_get_name (column));
  return TRUE;
}

/* Saves CHOICES as a new indicator, or over the one edited (what the
 * dialog does not ask, such as typed values, stays as it was). */
gboolean
_equity_indicator_dialog_save (EquityIndicatorDialog  *self,
                               const EquityIndicatorChoices          *choices,
                               gint64                 *saved_id,
                               GError                **error)
{
  g_autoptr(EquityIndicator) indicator = NULL;
  g_autoptr(EquityAnalysis) spec = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  EquityDataset *events;
  EquityColumn *column;
  gint64 analysis_id;

  analysis_id = equity_project_get_analysis_id (self->project, choices->analysis, error);
  if (analysis_id <= 0)
    return FALSE;
  spec = equity_analysis_new_from_project (self->project, choices->analysis, error);
  if (spec == NULL)
    return FALSE;
  events = _equity_indicator_dialog_find_events (self->project, spec);
  column = events != NULL ? equity_dataset_find_column (events, choices->year_column) : NULL;
  if (column == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is a column's name */
                   _("The analysis’s events have no column “%s”."), choices->year_column);
      return FALSE;
    }

  /* every year the column holds, from the first chosen to the last */
  for (guint i = 0; i < self->years->len; i++)
    {
      int year = g_array_index (self->years, int, i);

      if (year >= choices->first_year && year <= choices->last_year)
        g_array_append_val (years, year);
    }

  indicator = self->editing != NULL ? g_object_ref (self->editing) : equity_indicator_new (choices->name);
  equity_indicator_set_name (indicator, choices->name);
  equity_indicator_set_theme (indicator, choices->theme);
  equity_indicator_set_topic (indicator, choices->topic);
  equity_indicator_set_kind (indicator, EQUITY_INDICATOR_RATIO);
  equity_indicator_set_direction (indicator, choices->higher_is_better ? EQUITY_INDICATOR_HIGHER_IS_BETTER
                                                                       : EQUITY_INDICATOR_HIGHER_IS_WORSE);
  equity_indicator_set_analysis (indicator, analysis_id, equity_column_get_position (column),
                                 (const int *) years->data, years->len);
  equity_indicator_set_groups (indicator, choices->group_a, choices->group_b);
  equity_indicator_set_baseline_year (indicator, choices->baseline);
  equity_indicator_set_goal (indicator, choices->goal_year, choices->goal);

  if (self->editing != NULL ? !equity_project_update_indicator (self->project, indicator, error)
                            : !equity_project_add_indicator (self->project, indicator, error))
    return FALSE;
  *saved_id = equity_indicator_get_id (indicator);
  return TRUE;
}
