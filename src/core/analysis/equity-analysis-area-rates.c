/* equity-analysis-area-rates.c — events per resident of each area, against the whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spec keys ([analysis]): the event keys of equity-analysis-areas.c, and
 * population, population-key, population-column, [population-moe-column],
 * [population-scale] (people per unit of the population column, default 1),
 * [label-column] (the areas' names in population; default a name-like column);
 * [map] + [map-key] name the geometries to draw when events carry keys.
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-analysis-private.h"

gboolean
_equity_analysis_check_map (EquityAnalysisContext  *context,
                            GError                **error)
{
  EquityDataset *map;

  if (!equity_analysis_has_key (context->analysis, "map"))
    return TRUE;
  map = _equity_analysis_dataset (context, "map", FALSE, error);
  if (map == NULL)
    return FALSE;
  if (equity_dataset_get_geometry_column (map) == NULL)
    {
      _equity_analysis_set_error (context, error, NULL, "map", _("dataset “%s” has no geometry"),
                                  equity_dataset_get_name (map));
      return FALSE;
    }
  return _equity_analysis_column (context, map, NULL, "map-key", FALSE, error) != NULL;
}

void
_equity_analysis_set_map (EquityAnalysisContext *context,
                          EquityResult          *result,
                          EquityDataset         *keyed,
                          const char            *keyed_key)
{
  g_autofree char *areas = _equity_analysis_string (context, "areas");
  g_autofree char *areas_key = _equity_analysis_string (context, "areas-key");
  g_autofree char *map = _equity_analysis_string (context, "map");
  g_autofree char *map_key = _equity_analysis_string (context, "map-key");

  if (map != NULL)
    equity_result_set_map (result, map, map_key);
  else if (areas != NULL && areas_key != NULL)
    equity_result_set_map (result, areas, areas_key);
  else if (keyed != NULL && equity_dataset_get_geometry_column (keyed) != NULL)
    equity_result_set_map (result, equity_dataset_get_name (keyed), keyed_key);
}

static gboolean
area_rates_validate (EquityAnalysisContext  *context,
                     GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  EquityDataset *population;

  if (!_equity_analysis_check_area_source (context, error))
    return FALSE;
  population = _equity_analysis_dataset (context, "population", FALSE, error);
  if (population == NULL
      || _equity_analysis_column (context, population, NULL, "population-key", FALSE, error) == NULL
      || _equity_analysis_numeric_column (context, population, NULL, "population-column", FALSE, error) == NULL)
    return FALSE;
  if (_equity_analysis_numeric_column (context, population, NULL, "population-moe-column", TRUE,
                                       &local_error) == NULL && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return _equity_analysis_check_label_column (context, population, error) &&
         _equity_analysis_check_map (context, error);
}

static void
add_table_notes (EquityResult          *result,
                 const EquityAreaTable *table,
                 EquityDataset         *population)
{
  if (table->n_duplicates > 0)
    {
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u row of “%s” repeats an area key; its figures were added to that area.",
                                                            "%u rows of “%s” repeat an area key; their figures were added to those areas.",
                                                            table->n_duplicates),
                                               table->n_duplicates, equity_dataset_get_name (population));
      equity_result_add_note (result, note);
    }
  if (table->n_blank > 0)
    {
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u row of “%s” has no area key and is left out.",
                                                            "%u rows of “%s” have no area key and are left out.",
                                                            table->n_blank),
                                               table->n_blank, equity_dataset_get_name (population));
      equity_result_add_note (result, note);
    }
}

static EquityResult *
area_rates_run (EquityAnalysisContext  *context,
                GError                **error)
{
  g_autoptr(EquityResult) result = _equity_analysis_new_result (context, EQUITY_KIND_AREA_RATES);
  g_auto(EquityAreaTable) table = { 0 };
  g_autofree double *counts = NULL;
  g_autofree double *sums = NULL;
  g_autofree double *rates = NULL;
  g_autofree double *weights = NULL;
  g_autofree char *units = NULL;
  g_autofree char *source = NULL;
  g_autofree char *events_text = NULL;
  g_autofree char *population_text = NULL;
  EquityDataset *events = _equity_analysis_dataset (context, "events", FALSE, NULL);
  EquityDataset *population = _equity_analysis_dataset (context, "population", FALSE, NULL);
  EquityColumn *key = _equity_analysis_column (context, population, NULL, "population-key", FALSE, NULL);
  EquityColumn *value_column = _equity_analysis_column (context, events, NULL, "value-column", TRUE, NULL);
  EquityColumn *columns[2];
  const gboolean is_moe[2] = { FALSE, TRUE };
  EquityResultRow *overall;
  double total_events = 0.0, total_amount = 0.0, total_population = 0.0, total_variance = 0.0;
  gboolean have_moe = FALSE;
  double population_scale;
  guint n_slots, zero_population = 0;

  columns[0] = _equity_analysis_column (context, population, NULL, "population-column", FALSE, NULL);
  columns[1] = _equity_analysis_column (context, population, NULL, "population-moe-column", TRUE, NULL);
  if (!_equity_analysis_area_table (context, population, key, columns, is_moe, 2, &table, error))
    return NULL;
  n_slots = table.keys->len;
  counts = g_new0 (double, MAX (n_slots, 1));
  sums = g_new0 (double, MAX (n_slots, 1));
  _equity_analysis_progress (context, 0.05);

  if (!_equity_analysis_assign_events (context, table.slots, counts, sums, result, error))
    return NULL;
  /* rows that carry a count of events: their sums are the counts */
  if (value_column == NULL &&
      _equity_analysis_column (context, events, NULL, "count-column", TRUE, NULL) != NULL)
    for (guint slot = 0; slot < n_slots; slot++)
      counts[slot] = sums[slot];
  _equity_analysis_progress (context, 0.9);

  /* Some tables count people in hundreds or thousands (the Charlotte Quality
   * of Life denominators): population-scale turns them into people. */
  population_scale = equity_analysis_get_double (context->analysis, "population-scale");
  if (!isfinite (population_scale) || population_scale <= 0.0)
    population_scale = 1.0;
  for (guint slot = 0; slot < n_slots; slot++)
    {
      _equity_area_table_value (&table, slot, 0) *= population_scale;
      _equity_area_table_value (&table, slot, 1) *= population_scale;
    }

  for (guint slot = 0; slot < n_slots; slot++)
    {
      double people = _equity_area_table_value (&table, slot, 0);
      double moe = _equity_area_table_value (&table, slot, 1);

      total_events += counts[slot];
      total_amount += sums[slot];
      if (isfinite (people))
        total_population += people;
      if (isfinite (moe))
        {
          total_variance += (moe / EQUITY_ACS_Z) * (moe / EQUITY_ACS_Z);
          have_moe = TRUE;
        }
    }

  overall = equity_result_get_overall (result);
  overall->count = value_column != NULL ? total_amount : total_events;
  overall->population = total_population;
  overall->population_moe = have_moe ? sqrt (total_variance) * EQUITY_ACS_Z : NAN;
  {
    EquityEstimate estimate;

    overall->flags = equity_stats_rate (total_events, total_population, context->per,
                                        context->confidence, &estimate);
    overall->rate = estimate.value;
    overall->rate_low = estimate.low;
    overall->rate_high = estimate.high;
    if (value_column != NULL)
      {
        /* dollars have no Poisson error: no interval for sums */
        overall->rate = total_population > 0.0 ? total_amount / total_population * context->per : NAN;
        overall->rate_low = overall->rate_high = NAN;
      }
  }

  rates = g_new (double, MAX (n_slots, 1));
  weights = g_new (double, MAX (n_slots, 1));
  for (guint slot = 0; slot < n_slots; slot++)
    {
      EquityResultRow *row = equity_result_add_row (result, g_ptr_array_index (table.keys, slot));
      double people = _equity_area_table_value (&table, slot, 0);
      double moe = _equity_area_table_value (&table, slot, 1);
      EquityEstimate estimate;

      row->count = value_column != NULL ? sums[slot] : counts[slot];
      row->population = people;
      row->population_moe = moe;
      row->flags = equity_stats_rate (counts[slot], people, context->per, context->confidence, &estimate);
      if (row->flags & EQUITY_STATS_ZERO_DENOMINATOR)
        zero_population++;
      row->share = overall->count > 0.0 ? row->count / overall->count : NAN;
      row->population_share = total_population > 0.0 && isfinite (people) ? people / total_population : NAN;
      row->suppressed = _equity_analysis_suppressed (context, counts[slot]);

      if (value_column != NULL)
        {
          row->rate = people > 0.0 ? sums[slot] / people * context->per : NAN;
          row->ratio = row->rate / overall->rate;
        }
      else
        {
          row->rate = estimate.value;
          row->rate_low = estimate.low;
          row->rate_high = estimate.high;
          row->flags |= equity_stats_ratio_to_total (counts[slot], people,
                                                     isfinite (moe) ? moe / EQUITY_ACS_Z : NAN,
                                                     total_events, total_population,
                                                     have_moe ? sqrt (total_variance) : NAN,
                                                     context->confidence, &estimate);
          row->ratio = estimate.value;
          row->ratio_low = estimate.low;
          row->ratio_high = estimate.high;
        }
      rates[slot] = row->rate;
      weights[slot] = isfinite (people) ? people : 0.0;
    }

  /* how unevenly the service per resident is spread: 0 = evenly */
  equity_result_set_number (result, "gini", equity_stats_gini (rates, weights, n_slots));

  add_table_notes (result, &table, population);
  if (zero_population > 0)
    {
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u area has no population: its rate is not defined.",
                                                            "%u areas have no population: their rates are not defined.",
                                                            zero_population),
                                               zero_population);
      equity_result_add_note (result, note);
    }

  _equity_analysis_set_map (context, result, population, equity_column_get_name (key));
  if (!_equity_analysis_label_areas (context, result, population, key, error))
    return NULL;
  units = _equity_analysis_units (context, value_column != NULL ? equity_column_get_name (value_column)
                                                                : equity_dataset_get_name (events));
  equity_result_set_units (result, units);
  events_text = _equity_analysis_describe_dataset (events, NULL);
  population_text = _equity_analysis_describe_dataset (population, NULL);
  source = g_strdup_printf (_("Events: %s. Population: %s, column %s, by %s."),
                            events_text, population_text,
                            equity_column_get_name (columns[0]), equity_column_get_name (key));
  equity_result_set_source_note (result, source);
  return g_steal_pointer (&result);
}

const EquityAnalysisKind equity_analysis_kind_area_rates = {
  EQUITY_KIND_AREA_RATES, area_rates_validate, area_rates_run,
};
