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

#include "equity-analysis-kind.h"
#include "equity-analysis-compute.h"

static const EquityFieldInfo group_rates_fields[] = {
  EQUITY_GROUP_RATE_FIELDS,
  { "reference", EQUITY_FIELD_REFERENCE, N_("Compare with"), N_("The largest group"), NULL,
    EQUITY_FIELD_OPTIONAL, 0, 0, NULL, NULL },
  { NULL }
};

/* CLI.md's keys first; the rest are extras a reader or a chart may want */
const EquityResultMember equity_group_rate_members[] = {
  { "display_label", EQUITY_MEMBER_DISPLAY_LABEL }, EQUITY_RATE_MEMBERS,
  { "ratio", EQUITY_MEMBER_RATIO }, { "ratio_low", EQUITY_MEMBER_RATIO_LOW }, { "ratio_high", EQUITY_MEMBER_RATIO_HIGH },
  { "difference", EQUITY_MEMBER_DIFFERENCE }, { "difference_low", EQUITY_MEMBER_DIFFERENCE_LOW },
  { "difference_high", EQUITY_MEMBER_DIFFERENCE_HIGH }, { "share", EQUITY_MEMBER_SHARE },
  { "population_share", EQUITY_MEMBER_POPULATION_SHARE }, { "suppressed", EQUITY_MEMBER_SUPPRESSED },
  { "is_reference", EQUITY_MEMBER_IS_REFERENCE }, { NULL, EQUITY_MEMBER_END },
};

gboolean
_equity_analysis_group_rates_validate (EquityAnalysisContext  *context,
                                       GError                **error)
{
  g_auto(EquityRowFilter) events_filter = { 0 };
  g_auto(EquityRowFilter) population_filter = { 0 };
  EquityDataset *events, *population;

  events = _equity_analysis_dataset (context, "events", FALSE, error);
  if (events == NULL
      || _equity_analysis_column (context, events, NULL, "group-column", FALSE, error) == NULL
      || !_equity_analysis_filter (context, events, "events-filter", &events_filter, error)
      || !_equity_analysis_check_optional_numeric (context, events, NULL, "value-column", error))
    return FALSE;

  population = _equity_analysis_dataset (context, "population", FALSE, error);
  return population != NULL
         && _equity_analysis_filter (context, population, "population-filter", &population_filter, error)
         && _equity_analysis_check_groups (context, population, error)
         /* index-of-disparity may also measure against the rate of all groups */
         && _equity_analysis_check_reference (context, error);
}

/* Largest population first; the reference of the ratios unless the input
 * names one. */
static guint
find_reference (const EquityGroupRatesInput *input)
{
  guint best = 0;

  for (guint i = 1; i < input->n_groups; i++)
    if (input->population[i] > input->population[best])
      best = i;
  for (guint i = 0; input->reference != NULL && i < input->n_groups; i++)
    if (g_str_equal (input->groups[i], input->reference))
      best = i;
  return best;
}

void
equity_group_rates_compute (const EquityGroupRatesInput *input,
                            EquityResult                *result)
{
  EquityRateSettings settings = equity_rate_settings_of (result);
  double per = settings.per, confidence = settings.confidence;
  gboolean amounts = input->amounts != NULL;
  const double *counts = amounts ? input->amounts : input->events;
  EquityResultRow *overall, *reference;
  double total_count = 0.0, total_population = 0.0, total_moe2 = 0.0;
  gboolean have_moe = FALSE;
  guint reference_index;

  reference_index = find_reference (input);

  /* totals first: shares need them */
  for (guint i = 0; i < input->n_groups; i++)
    {
      total_count += counts[i];
      total_population += input->population[i];
      if (isfinite (input->population_moe[i]))
        {
          total_moe2 += input->population_moe[i] * input->population_moe[i];
          have_moe = TRUE;
        }
    }

  for (guint i = 0; i < input->n_groups; i++)
    {
      EquityResultRow *row = equity_result_add_row (result, input->groups[i]);

      row->display_label = g_strdup (equity_analysis_group_display_name (input->groups[i]));
      row->count = counts[i];
      row->population = input->population[i];
      row->population_moe = input->population_moe[i];
      row->flags |= equity_row_set_rate (row, row->count, amounts ? &row->count : NULL, row->population,
                                         per, confidence);
      row->share = total_count > 0.0 ? row->count / total_count : NAN;
      row->population_share = total_population > 0.0 ? row->population / total_population : NAN;
      row->suppressed = equity_rate_settings_suppress (&settings, input->events[i]);
      row->is_reference = i == reference_index;
    }

  reference = input->n_groups > 0 ? equity_result_get_row (result, reference_index) : NULL;
  if (reference != NULL)
    equity_result_set_reference (result, reference->label);
  for (guint i = 0; i < input->n_groups; i++)
    {
      EquityResultRow *row = equity_result_get_row (result, i);
      EquityEstimate estimate;

      if (row->is_reference)
        {
          row->ratio = row->population > 0.0 ? 1.0 : NAN;
          row->difference = row->population > 0.0 ? 0.0 : NAN;
          continue;
        }
      if (amounts)
        {
          /* sums of amounts have no Poisson error: ratios without intervals */
          row->ratio = row->rate / reference->rate;
          row->difference = row->rate - reference->rate;
          continue;
        }
      row->flags |= equity_stats_rate_ratio (row->count, row->population, row->population_moe,
                                             reference->count, reference->population,
                                             reference->population_moe, confidence, &estimate);
      row->ratio = estimate.value;
      row->ratio_low = estimate.low;
      row->ratio_high = estimate.high;
      row->flags |= equity_stats_rate_difference (row->count, row->population, row->population_moe,
                                                  reference->count, reference->population,
                                                  reference->population_moe, per,
                                                  confidence, &estimate);
      row->difference = estimate.value;
      row->difference_low = estimate.low;
      row->difference_high = estimate.high;
    }

  overall = equity_result_get_overall (result);
  overall->count = total_count;
  overall->population = total_population;
  overall->population_moe = have_moe ? sqrt (total_moe2) : NAN;
  overall->flags = equity_row_set_rate (overall, total_count, amounts ? &total_count : NULL, total_population,
                                        per, confidence);
}

/* events whose group has no population are reported, never dropped silently */
static void
add_unmatched (EquityResult                *result,
               GHashTable                  *counts,
               const EquityGroupPopulation *population)
{
  g_autoptr(GHashTable) mapped = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) unmatched_text = g_string_new (NULL);
  guint64 unmatched = 0;
  GHashTableIter iter;
  gpointer key, value;
  GPtrArray *keys;

  for (guint i = 0; i < population->n_groups; i++)
    g_hash_table_add (mapped, population->groups[i]);

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (mapped, key))
      {
        const double *entry = value;

        equity_result_add_unmatched (result, ((const char *) key)[0] != '\0' ? key : _("(blank)"));
        unmatched += (guint64) entry[0];
      }
  equity_result_set_unmatched_events (result, unmatched);
  if (unmatched == 0)
    return;

  keys = equity_result_get_unmatched (result);
  for (guint i = 0; i < keys->len; i++)
    g_string_append_printf (unmatched_text, "%s%s", i > 0 ? ", " : "", (char *) keys->pdata[i]);
  equity_result_add_note (result, g_dngettext (GETTEXT_PACKAGE,
                                               "%" PRIu64 " event belongs to a group that no population column counts (%s), and is in no rate.",
                                               "%" PRIu64 " events belong to groups that no population column counts (%s), and are in no rate.",
                                               unmatched),
                          unmatched, unmatched_text->str);
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
  g_autofree char *reference = _equity_analysis_string (context, "reference");
  g_autofree char *events_text = NULL;
  g_autofree char *population_text = NULL;
  g_autofree char *note = NULL;
  g_autofree double *events_by_group = NULL;
  g_autofree double *amounts_by_group = NULL;
  EquityDataset *events = _equity_analysis_dataset (context, "events", FALSE, NULL);
  EquityDataset *population_dataset = _equity_analysis_dataset (context, "population", FALSE, NULL);
  EquityColumn *group_column = _equity_analysis_column (context, events, NULL, "group-column", FALSE, NULL);
  EquityColumn *value_column = _equity_analysis_column (context, events, NULL, "value-column", TRUE, NULL);
  EquityGroupRatesInput input = { 0 };

  if (!_equity_analysis_filter (context, events, "events-filter", &events_filter, error)
      || !_equity_analysis_filter (context, population_dataset, "population-filter", &population_filter, error))
    return NULL;

  counts = _equity_analysis_count_by (context, events, group_column, value_column, &events_filter, error);
  if (counts == NULL || _equity_analysis_cancelled (context, error))
    return NULL;
  _equity_analysis_progress (context, 0.7);
  if (!_equity_analysis_group_population (context, &population, error))
    return NULL;

  events_by_group = g_new0 (double, MAX (population.n_groups, 1));
  amounts_by_group = g_new0 (double, MAX (population.n_groups, 1));
  for (guint i = 0; i < population.n_groups; i++)
    {
      const double *entry = g_hash_table_lookup (counts, population.groups[i]);

      events_by_group[i] = entry != NULL ? entry[0] : 0.0;
      amounts_by_group[i] = entry != NULL ? entry[1] : 0.0;
    }
  input.n_groups = population.n_groups;
  input.groups = (const char * const *) population.groups;
  input.events = events_by_group;
  input.amounts = value_column != NULL ? amounts_by_group : NULL;
  input.population = population.population;
  input.population_moe = population.moe;
  input.reference = reference;
  equity_group_rates_compute (&input, result);

  add_unmatched (result, counts, &population);
  events_text = _equity_analysis_describe_dataset (events, &events_filter);
  population_text = _equity_analysis_describe_population (population_dataset, &population_filter, population.n_rows);
  note = g_strdup_printf (_("Events: %s, by %s. Population: %s."), events_text,
                          equity_column_get_name (group_column), population_text);
  equity_result_set_source_note (result, note);
  _equity_analysis_set_units (context, result, events, value_column);
  return g_steal_pointer (&result);
}

static EquityResult *
group_rates_run (EquityAnalysisContext  *context,
                 GError                **error)
{
  return _equity_analysis_group_rates (context, EQUITY_KIND_GROUP_RATES, error);
}

const EquityAnalysisKindInfo equity_analysis_kind_group_rates = {
  .kind = EQUITY_KIND_GROUP_RATES,
  .label = N_("Rates by group"),
  .description = N_("Events per resident of each group, against a reference group"),
  .flags = EQUITY_KIND_PER | EQUITY_KIND_CONFIDENCE | EQUITY_KIND_SUPPRESS | EQUITY_KIND_OVERALL | EQUITY_KIND_BY_GROUP,
  .fields = group_rates_fields,
  .formula = N_("rate = events ÷ residents × per; interval exact (Poisson) below 10 events, Byar from 10; ratio to the reference by the log method (mid-p when a count is 0)"),
  .json_rows = "groups",
  .json_label = "group",
  .json_members = equity_group_rate_members,
  .charts = EQUITY_ROW_CHARTS,
  .validate = _equity_analysis_group_rates_validate,
  .run = group_rates_run,
};
