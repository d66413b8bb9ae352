/* equity-analysis-group-rates.c — events by group over each group's population
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spec keys ([analysis]): events, group-column, [events-filter], [value-column],
 * population, [population-filter], [reference]; [groups] value = population
 * column; [group-moes] value = margin column (ACS populations).
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include <inttypes.h>

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-analysis-private.h"

gboolean
_equity_analysis_group_rates_validate (EquityAnalysisContext  *context,
                      GError                **error)
{
  g_autofree char *reference = _equity_analysis_string (context, "reference");
  g_autofree char *kind = equity_analysis_dup_kind (context->analysis);
  g_auto(EquityRowFilter) events_filter = { 0 };
  g_auto(EquityRowFilter) population_filter = { 0 };
  g_autoptr(GError) local_error = NULL;
  EquityDataset *events, *population;

  events = _equity_analysis_dataset (context, "events", FALSE, error);
  if (events == NULL
      || _equity_analysis_column (context, events, NULL, "group-column", FALSE, error) == NULL
      || !_equity_analysis_filter (context, events, "events-filter", &events_filter, error))
    return FALSE;
  if (_equity_analysis_numeric_column (context, events, NULL, "value-column", TRUE, &local_error) == NULL
      && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  population = _equity_analysis_dataset (context, "population", FALSE, error);
  if (population == NULL
      || !_equity_analysis_filter (context, population, "population-filter", &population_filter, error)
      || !_equity_analysis_check_groups (context, population, error))
    return FALSE;

  /* index-of-disparity may also measure against the rate of all groups */
  if (reference != NULL
      && !(g_ascii_strcasecmp (reference, "overall") == 0
           && g_strcmp0 (kind, EQUITY_KIND_INDEX_OF_DISPARITY) == 0))
    {
      g_autofree char *column = equity_analysis_dup_group_column (context->analysis, reference);

      if (column == NULL)
        {
          _equity_analysis_set_error (context, error, NULL, "reference",
                                      _("“%s” is not one of the groups that have a population column"), reference);
          return FALSE;
        }
    }
  return TRUE;
}

/* Largest population first; the reference of the ratios unless the spec
 * names one. */
static guint
default_reference (const EquityGroupPopulation *population)
{
  guint best = 0;

  for (guint i = 1; i < population->n_groups; i++)
    if (population->population[i] > population->population[best])
      best = i;
  return best;
}

EquityResult *
_equity_analysis_group_rates (EquityAnalysisContext  *context,
                              const char             *kind,
                              GError                **error)
{
  g_autoptr(EquityResult) result = _equity_analysis_new_result (context, kind);
  g_auto(EquityGroupPopulation) population = { 0 };
  g_auto(EquityRowFilter) events_filter = { 0 };
  g_auto(EquityRowFilter) population_filter = { 0 };
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GHashTable) mapped = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *reference_name = _equity_analysis_string (context, "reference");
  g_autofree char *events_text = NULL;
  g_autofree char *population_text = NULL;
  g_autofree char *units = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GString) unmatched_text = g_string_new (NULL);
  EquityDataset *events = _equity_analysis_dataset (context, "events", FALSE, NULL);
  EquityDataset *population_dataset = _equity_analysis_dataset (context, "population", FALSE, NULL);
  EquityColumn *group_column = _equity_analysis_column (context, events, NULL, "group-column", FALSE, NULL);
  EquityColumn *value_column = _equity_analysis_column (context, events, NULL, "value-column", TRUE, NULL);
  EquityResultRow *overall, *reference = NULL;
  double total_count = 0.0, total_population = 0.0, total_moe2 = 0.0;
  gboolean have_moe = FALSE;
  guint reference_index;
  guint64 unmatched = 0;
  GHashTableIter iter;
  gpointer key, value;

  if (!_equity_analysis_filter (context, events, "events-filter", &events_filter, error)
      || !_equity_analysis_filter (context, population_dataset, "population-filter", &population_filter, error))
    return NULL;

  counts = _equity_analysis_count_by (context, events, group_column, value_column, &events_filter, error);
  if (counts == NULL || _equity_analysis_cancelled (context, error))
    return NULL;
  _equity_analysis_progress (context, 0.7);
  if (!_equity_analysis_group_population (context, &population, error))
    return NULL;

  reference_index = default_reference (&population);
  for (guint i = 0; i < population.n_groups; i++)
    if (reference_name != NULL && g_str_equal (population.groups[i], reference_name))
      reference_index = i;

  /* totals first: shares need them */
  for (guint i = 0; i < population.n_groups; i++)
    {
      double *entry = g_hash_table_lookup (counts, population.groups[i]);

      g_hash_table_add (mapped, population.groups[i]);
      total_count += entry != NULL ? entry[value_column != NULL ? 1 : 0] : 0.0;
      total_population += population.population[i];
      if (isfinite (population.moe[i]))
        {
          total_moe2 += population.moe[i] * population.moe[i];
          have_moe = TRUE;
        }
    }

  for (guint i = 0; i < population.n_groups; i++)
    {
      EquityResultRow *row = equity_result_add_row (result, population.groups[i]);
      double *entry = g_hash_table_lookup (counts, population.groups[i]);
      EquityEstimate estimate;

      row->display_label = g_strdup (equity_analysis_group_display_name (population.groups[i]));
      row->count = entry != NULL ? entry[value_column != NULL ? 1 : 0] : 0.0;
      row->population = population.population[i];
      row->population_moe = population.moe[i];
      row->flags = equity_stats_rate (row->count, row->population, context->per,
                                      context->confidence, &estimate);
      row->rate = estimate.value;
      if (value_column == NULL)
        {
          row->rate_low = estimate.low;
          row->rate_high = estimate.high;
        }
      else if (row->population > 0.0)
        row->rate = row->count / row->population * context->per;
      row->share = total_count > 0.0 ? row->count / total_count : NAN;
      row->population_share = total_population > 0.0 ? row->population / total_population : NAN;
      row->suppressed = _equity_analysis_suppressed (context, entry != NULL ? entry[0] : 0.0);
      row->is_reference = i == reference_index;
    }

  reference = equity_result_get_row (result, reference_index);
  equity_result_set_reference (result, reference->label);
  for (guint i = 0; i < population.n_groups; i++)
    {
      EquityResultRow *row = equity_result_get_row (result, i);
      EquityEstimate estimate;

      if (row->is_reference)
        {
          row->ratio = row->population > 0.0 ? 1.0 : NAN;
          row->difference = row->population > 0.0 ? 0.0 : NAN;
          continue;
        }
      if (value_column != NULL)
        {
          /* sums of amounts have no Poisson error: ratios without intervals */
          row->ratio = row->rate / reference->rate;
          row->difference = row->rate - reference->rate;
          continue;
        }
      row->flags |= equity_stats_rate_ratio (row->count, row->population, row->population_moe,
                                             reference->count, reference->population,
                                             reference->population_moe, context->confidence, &estimate);
      row->ratio = estimate.value;
      row->ratio_low = estimate.low;
      row->ratio_high = estimate.high;
      row->flags |= equity_stats_rate_difference (row->count, row->population, row->population_moe,
                                                  reference->count, reference->population,
                                                  reference->population_moe, context->per,
                                                  context->confidence, &estimate);
      row->difference = estimate.value;
      row->difference_low = estimate.low;
      row->difference_high = estimate.high;
    }

  overall = equity_result_get_overall (result);
  overall->count = total_count;
  overall->population = total_population;
  overall->population_moe = have_moe ? sqrt (total_moe2) : NAN;
  {
    EquityEstimate estimate;

    overall->flags = equity_stats_rate (total_count, total_population, context->per,
                                        context->confidence, &estimate);
    overall->rate = estimate.value;
    if (value_column == NULL)
      {
        overall->rate_low = estimate.low;
        overall->rate_high = estimate.high;
      }
    else if (total_population > 0.0)
      overall->rate = total_count / total_population * context->per;
  }

  /* events whose group has no population are reported, never dropped silently */
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (mapped, key))
      {
        const double *entry = value;

        equity_result_add_unmatched (result, ((const char *) key)[0] != '\0' ? key : _("(blank)"));
        unmatched += (guint64) entry[0];
      }
  equity_result_set_unmatched_events (result, unmatched);
  if (unmatched > 0)
    {
      GPtrArray *keys = equity_result_get_unmatched (result);

      for (guint i = 0; i < keys->len; i++)
        g_string_append_printf (unmatched_text, "%s%s", i > 0 ? ", " : "", (char *) keys->pdata[i]);
      note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%" PRIu64 " event belongs to a group that no population column counts (%s), and is in no rate.",
                                           "%" PRIu64 " events belong to groups that no population column counts (%s), and are in no rate.",
                                           unmatched),
                              unmatched, unmatched_text->str);
      equity_result_add_note (result, note);
    }

  events_text = _equity_analysis_describe_dataset (events, &events_filter);
  population_text = _equity_analysis_describe_population (population_dataset, &population_filter, population.n_rows);
  g_free (note);
  note = g_strdup_printf (_("Events: %s, by %s. Population: %s."), events_text,
                          equity_column_get_name (group_column), population_text);
  equity_result_set_source_note (result, note);
  units = _equity_analysis_units (context, value_column != NULL ? equity_column_get_name (value_column)
                                                                 : equity_dataset_get_name (events));
  equity_result_set_units (result, units);
  return g_steal_pointer (&result);
}

static EquityResult *
group_rates_run (EquityAnalysisContext  *context,
                 GError                **error)
{
  return _equity_analysis_group_rates (context, EQUITY_KIND_GROUP_RATES, error);
}

const EquityAnalysisKind equity_analysis_kind_group_rates = {
  EQUITY_KIND_GROUP_RATES, _equity_analysis_group_rates_validate, group_rates_run,
};
