/* equity-analysis-group-exposure.c — what the average member of each group receives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Area rates weighted by where each group lives (METHODS-ANCHORS A1: the
 * Urban Institute's demographic score, with rates in place of shares):
 *   E_g = Σ_i (n_gi / N_g) · a_i / P_i
 * and each group's share of the service, Σ_i (n_gi / P_i) · a_i / Σ_i a_i,
 * against its share of the population. Ecological: it assumes each resident
 * of an area is served like the area as a whole.
 *
 * Spec keys ([analysis]): the event keys of equity-analysis-areas.c,
 * population, population-key, [population-column] (default: the sum of the
 * [groups] columns), [reference]; [groups] value = column of that group's
 * residents in each area.
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-analysis-kind.h"
#include "equity-analysis-compute.h"

static const EquityFieldInfo group_exposure_fields[] = {
  EQUITY_AREA_SOURCE_FIELDS,
  { "value-column", EQUITY_FIELD_COLUMN, N_("Measure"), N_("Count the events"), "events",
    EQUITY_FIELD_OPTIONAL | EQUITY_FIELD_NUMERIC, R (AMOUNT), 0, NULL, NULL },
  EQUITY_AREA_POPULATION_FIELDS,
  { "population-column", EQUITY_FIELD_COLUMN, N_("Residents"), N_("The groups added up"), "population",
    EQUITY_FIELD_OPTIONAL | EQUITY_FIELD_NUMERIC, R (POPULATION), 0, NULL, NULL },
  { "groups", EQUITY_FIELD_GROUP_COLUMNS, N_("Groups"), NULL, "population", EQUITY_FIELD_NUMERIC,
    R (POPULATION), 0, NULL, NULL },
  { "reference", EQUITY_FIELD_REFERENCE, N_("Compare with"), N_("The largest group"), NULL,
    EQUITY_FIELD_OPTIONAL, 0, 0, NULL, NULL },
  EQUITY_MAP_FIELDS (EQUITY_AREA_MODE_KEY),
  { NULL }
};

static const EquityResultMember exposure_members[] = {
  { "display_label", EQUITY_MEMBER_DISPLAY_LABEL }, { "population", EQUITY_MEMBER_POPULATION },
  { "rate", EQUITY_MEMBER_RATE }, { "rate_low", EQUITY_MEMBER_RATE_LOW }, { "rate_high", EQUITY_MEMBER_RATE_HIGH },
  { "ratio", EQUITY_MEMBER_RATIO }, { "ratio_low", EQUITY_MEMBER_RATIO_LOW }, { "ratio_high", EQUITY_MEMBER_RATIO_HIGH },
  { "service", EQUITY_MEMBER_COUNT }, { "service_share", EQUITY_MEMBER_SHARE },
  { "population_share", EQUITY_MEMBER_POPULATION_SHARE },
  { "is_reference", EQUITY_MEMBER_IS_REFERENCE }, { NULL, EQUITY_MEMBER_END },
};

static gboolean
group_exposure_validate (EquityAnalysisContext  *context,
                         GError                **error)
{
  EquityAreaInputs inputs;

  return _equity_analysis_check_area_inputs (context, &inputs, error)
         && _equity_analysis_check_groups (context, inputs.population, error)
         && _equity_analysis_check_optional_numeric (context, inputs.population, NULL, "population-column", error)
         && _equity_analysis_check_reference (context, error)
         && _equity_analysis_check_map (context, error);
}

static EquityResult *
group_exposure_run (EquityAnalysisContext  *context,
                    GError                **error)
{
  g_autoptr(EquityResult) result = _equity_analysis_new_result (context, EQUITY_KIND_GROUP_EXPOSURE);
  EquityAreaInputs inputs;
  g_auto(EquityAreaTable) table = { 0 };
  g_auto(GStrv) groups = equity_analysis_dup_groups (context->analysis);
  g_autofree char *reference_name = _equity_analysis_string (context, "reference");
  g_autofree EquityColumn **columns = NULL;
  g_autofree double *counts = NULL;
  g_autofree double *people = NULL;
  g_autofree double *group_total = NULL;
  g_autofree double *variance = NULL;
  g_autofree char *source = NULL;
  g_autofree char *events_text = NULL;
  g_autofree char *population_text = NULL;
  guint n_groups = g_strv_length (groups), n_slots, reference = 0;
  double total_events = 0.0, total_people = 0.0, lost_events = 0.0;
  double z = equity_stats_z (context->confidence);
  EquityResultRow *overall;
  EquityDataset *events, *population;

  /* checked by group_exposure_validate() */
  _equity_analysis_area_inputs (context, &inputs, NULL);
  events = inputs.events;
  population = inputs.population;
  /* column 0 the total, then one per group */
  columns = g_new0 (EquityColumn *, n_groups + 1);
  columns[0] = _equity_analysis_column (context, population, NULL, "population-column", TRUE, NULL);
  for (guint g = 0; g < n_groups; g++)
    columns[g + 1] = _equity_analysis_column (context, population, EQUITY_GROUPS_GROUP, groups[g], FALSE, NULL);
  if (!_equity_analysis_area_table (context, population, inputs.key, columns, NULL, n_groups + 1, &table, error))
    return NULL;

  n_slots = table.keys->len;
  counts = g_new0 (double, MAX (n_slots, 1));
  people = g_new0 (double, MAX (n_slots, 1));
  if (!_equity_analysis_assign_events (context, table.slots, counts, NULL, result, error))
    return NULL;

  group_total = g_new0 (double, MAX (n_groups, 1));
  for (guint i = 0; i < n_slots; i++)
    {
      double sum = 0.0;

      for (guint g = 0; g < n_groups; g++)
        {
          double n = _equity_area_table_value (&table, i, g + 1);

          if (isfinite (n) && n > 0.0)
            sum += n;
        }
      people[i] = columns[0] != NULL ? _equity_area_table_value (&table, i, 0) : sum;
      if (!(people[i] > 0.0))
        {
          /* no residents: its events cannot be a rate for anyone */
          lost_events += counts[i];
          people[i] = 0.0;
          continue;
        }
      total_events += counts[i];
      total_people += people[i];
      for (guint g = 0; g < n_groups; g++)
        {
          double n = _equity_area_table_value (&table, i, g + 1);

          if (isfinite (n) && n > 0.0)
            group_total[g] += n;
        }
    }

  /* the largest group, unless the spec names one */
  for (guint g = 0; g < n_groups; g++)
    if (group_total[g] > group_total[reference])
      reference = g;
  if (reference_name != NULL)
    for (guint g = 0; g < n_groups; g++)
      if (g_str_equal (groups[g], reference_name))
        reference = g;

  variance = g_new0 (double, MAX (n_groups, 1));
  for (guint g = 0; g < n_groups; g++)
    {
      EquityResultRow *row = equity_result_add_row (result, groups[g]);
      double exposure = 0.0, service = 0.0;

      row->display_label = g_strdup (equity_analysis_group_display_name (groups[g]));
      row->population = group_total[g];
      row->is_reference = g == reference;
      for (guint i = 0; i < n_slots && group_total[g] > 0.0; i++)
        {
          double n = _equity_area_table_value (&table, i, g + 1);
          double weight;

          if (!(people[i] > 0.0) || !(n > 0.0))
            continue;
          weight = n / group_total[g];
          exposure += weight * counts[i] / people[i];
          /* Poisson variance of a_i, carried through the weights */
          variance[g] += weight * weight * counts[i] / (people[i] * people[i]);
          service += n / people[i] * counts[i];
        }
      if (group_total[g] > 0.0)
        {
          row->rate = exposure * context->per;
          row->rate_low = MAX (0.0, (exposure - z * sqrt (variance[g])) * context->per);
          row->rate_high = (exposure + z * sqrt (variance[g])) * context->per;
        }
      row->count = service;
      row->share = total_events > 0.0 ? service / total_events : NAN;
      row->population_share = total_people > 0.0 ? group_total[g] / total_people : NAN;
    }

  for (guint g = 0; g < n_groups && n_groups > 0; g++)
    {
      EquityResultRow *row = equity_result_get_row (result, g);
      EquityResultRow *ref = equity_result_get_row (result, reference);
      double e_g = row->rate / context->per, e_r = ref->rate / context->per;
      double covariance = 0.0, log_variance;

      if (g == reference)
        {
          row->ratio = isfinite (e_r) && e_r > 0.0 ? 1.0 : NAN;
          continue;
        }
      if (!(e_g > 0.0) || !(e_r > 0.0))
        {
          row->ratio = e_r > 0.0 ? e_g / e_r : NAN;
          continue;
        }
      /* both exposures weigh the same areas' counts: Cov = Σ w_gi·w_ri·a_i/P_i² */
      for (guint i = 0; i < n_slots; i++)
        {
          double n_g = _equity_area_table_value (&table, i, g + 1);
          double n_r = _equity_area_table_value (&table, i, reference + 1);

          if (people[i] > 0.0 && n_g > 0.0 && n_r > 0.0)
            covariance += (n_g / group_total[g]) * (n_r / group_total[reference])
                          * counts[i] / (people[i] * people[i]);
        }
      log_variance = variance[g] / (e_g * e_g) + variance[reference] / (e_r * e_r)
                     - 2.0 * covariance / (e_g * e_r);
      row->ratio = e_g / e_r;
      row->ratio_low = row->ratio * exp (-z * sqrt (MAX (0.0, log_variance)));
      row->ratio_high = row->ratio * exp (z * sqrt (MAX (0.0, log_variance)));
    }
  if (n_groups > 0)
    equity_result_set_reference (result, groups[reference]);

  overall = equity_result_get_overall (result);
  overall->count = total_events;
  overall->population = total_people;
  overall->flags = equity_row_set_rate (overall, total_events, NULL, total_people, context->per, context->confidence);
  if (lost_events > 0.0)
    equity_result_add_note (result, _("%.0f events fell in areas with no residents and are in no group’s figure."),
                            lost_events);

  _equity_analysis_set_map (context, result, population, equity_column_get_name (inputs.key));
  _equity_analysis_set_units (context, result, events, NULL);
  events_text = _equity_analysis_describe_dataset (events, NULL);
  population_text = _equity_analysis_describe_dataset (population, NULL);
  source = g_strdup_printf (_("Events: %s, by area. Residents of each group per area: %s. "
                              "Assumes residents of an area are served alike."),
                            events_text, population_text);
  equity_result_set_source_note (result, source);
  return g_steal_pointer (&result);
}

const EquityAnalysisKindInfo equity_analysis_kind_group_exposure = {
  .kind = EQUITY_KIND_GROUP_EXPOSURE,
  .label = N_("Service by where groups live"),
  .description = N_("What the average member of each group receives where they live"),
  .flags = EQUITY_KIND_PER | EQUITY_KIND_CONFIDENCE | EQUITY_KIND_OVERALL | EQUITY_KIND_BY_GROUP
           | EQUITY_KIND_AREA_LIKE,
  .fields = group_exposure_fields,
  .modes = equity_analysis_area_modes,
  .formula = N_("each group's exposure = Σ over areas of (its residents in the area ÷ its residents) × the area's rate; ratio to the reference group"),
  .json_rows = "groups",
  .json_label = "group",
  .json_members = exposure_members,
  .charts = EQUITY_MAP_CHARTS,
  .validate = group_exposure_validate,
  .run = group_exposure_run,
};
