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

#include "equity-analysis-kind.h"
#include "equity-analysis-compute.h"

static const EquityFieldInfo area_rates_fields[] = {
  EQUITY_AREA_SOURCE_FIELDS,
  { "count-column", EQUITY_FIELD_COLUMN, N_("Events in each row"), N_("One event a row"), "events",
    EQUITY_FIELD_OPTIONAL | EQUITY_FIELD_NUMERIC, R (COUNT), 0, NULL, NULL },
  { "value-column", EQUITY_FIELD_COLUMN, N_("Measure"), N_("Count the events"), "events",
    EQUITY_FIELD_OPTIONAL | EQUITY_FIELD_NUMERIC, R (AMOUNT), 0, NULL, NULL },
  EQUITY_AREA_POPULATION_FIELDS,
  { "population-column", EQUITY_FIELD_COLUMN, N_("Residents"), NULL, "population", EQUITY_FIELD_NUMERIC,
    R (POPULATION), 0, NULL, NULL },
  { "population-moe-column", EQUITY_FIELD_COLUMN, N_("Margin of error of residents"), N_("None: a count"),
    "population", EQUITY_FIELD_OPTIONAL | EQUITY_FIELD_NUMERIC, R (MOE), 0, "population-column", NULL },
  { "label-column", EQUITY_FIELD_COLUMN, N_("Area names"), N_("A column called name, if any"), "population",
    EQUITY_FIELD_OPTIONAL, 0, 0, NULL, NULL },
  EQUITY_MAP_FIELDS (EQUITY_AREA_MODE_KEY),
  { NULL }
};

/* "label": the area's name (label-column), null when it has none */
static const EquityResultMember area_members[] = {
  { "label", EQUITY_MEMBER_LABEL }, { "display_label", EQUITY_MEMBER_DISPLAY_LABEL }, EQUITY_RATE_MEMBERS,
  { "ratio_to_overall", EQUITY_MEMBER_RATIO }, { "ratio_low", EQUITY_MEMBER_RATIO_LOW },
  { "ratio_high", EQUITY_MEMBER_RATIO_HIGH }, { "share", EQUITY_MEMBER_SHARE },
  { "population_share", EQUITY_MEMBER_POPULATION_SHARE },
  { "suppressed", EQUITY_MEMBER_SUPPRESSED }, { NULL, EQUITY_MEMBER_END },
};

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
  EquityAreaInputs inputs;

  return _equity_analysis_check_area_inputs (context, &inputs, error)
         && _equity_analysis_numeric_column (context, inputs.population, NULL, "population-column", FALSE, error) != NULL
         && _equity_analysis_check_optional_numeric (context, inputs.population, NULL, "population-moe-column", error)
         && _equity_analysis_check_label_column (context, inputs.population, error) &&
         _equity_analysis_check_map (context, error);
}

/* FORMAT ("%u rows of “%s” …") with N and DATASET's name, when N > 0 */
static void
add_rows_note (EquityResult  *result,
               guint          n,
               const char    *format,
               EquityDataset *dataset)
{
  if (n > 0)
    equity_result_add_note (result, format, n, equity_dataset_get_name (dataset));
}

static void
add_table_notes (EquityResult          *result,
                 const EquityAreaTable *table,
                 EquityDataset         *population)
{
  add_rows_note (result, table->n_duplicates,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%u row of “%s” repeats an area key; its figures were added to that area.",
                              "%u rows of “%s” repeat an area key; their figures were added to those areas.",
                              table->n_duplicates),
                 population);
  add_rows_note (result, table->n_blank,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%u row of “%s” has no area key and is left out.",
                              "%u rows of “%s” have no area key and are left out.",
                              table->n_blank),
                 population);
}

void
equity_area_rates_compute (const EquityAreaRatesInput *input,
                           EquityResult               *result)
{
  EquityRateSettings settings = equity_rate_settings_of (result);
  double per = settings.per, confidence = settings.confidence;
  gboolean amounts = input->amounts != NULL;
  g_autofree double *rates = g_new (double, MAX (input->n_areas, 1));
  g_autofree double *weights = g_new (double, MAX (input->n_areas, 1));
  double total_events = 0.0, total_amount = 0.0, total_population = 0.0, total_variance = 0.0;
  gboolean have_moe = FALSE;
  guint zero_population = 0;
  EquityResultRow *overall;
  EquityEstimate estimate;

  for (guint i = 0; i < input->n_areas; i++)
    {
      double people = input->population[i];
      double moe = input->population_moe[i];

      total_events += input->events[i];
      total_amount += amounts ? input->amounts[i] : 0.0;
      if (isfinite (people))
        total_population += people;
      if (isfinite (moe))
        {
          total_variance += (moe / EQUITY_ACS_Z) * (moe / EQUITY_ACS_Z);
          have_moe = TRUE;
        }
    }

  overall = equity_result_get_overall (result);
  overall->count = amounts ? total_amount : total_events;
  overall->population = total_population;
  overall->population_moe = have_moe ? sqrt (total_variance) * EQUITY_ACS_Z : NAN;
  overall->flags = equity_row_set_rate (overall, total_events, amounts ? &total_amount : NULL, total_population,
                                        per, confidence);

  for (guint i = 0; i < input->n_areas; i++)
    {
      EquityResultRow *row = equity_result_add_row (result, input->keys[i]);
      double events = input->events[i];
      double people = input->population[i];
      double moe = input->population_moe[i];

      row->count = amounts ? input->amounts[i] : events;
      row->population = people;
      row->population_moe = moe;
      row->flags = equity_row_set_rate (row, events, amounts ? &input->amounts[i] : NULL, people, per, confidence);
      if (row->flags & EQUITY_STATS_ZERO_DENOMINATOR)
        zero_population++;
      row->share = overall->count > 0.0 ? row->count / overall->count : NAN;
      row->population_share = total_population > 0.0 && isfinite (people) ? people / total_population : NAN;
      row->suppressed = equity_rate_settings_suppress (&settings, events);

      if (amounts)
        row->ratio = row->rate / overall->rate;
      else
        {
          row->flags |= equity_stats_ratio_to_total (events, people,
                                                     isfinite (moe) ? moe / EQUITY_ACS_Z : NAN,
                                                     total_events, total_population,
                                                     have_moe ? sqrt (total_variance) : NAN,
                                                     confidence, &estimate);
          row->ratio = estimate.value;
          row->ratio_low = estimate.low;
          row->ratio_high = estimate.high;
        }
      rates[i] = row->rate;
      weights[i] = isfinite (people) ? people : 0.0;
    }

  /* how unevenly the service per resident is spread: 0 = evenly */
  equity_result_set_number (result, "gini", equity_stats_gini (rates, weights, input->n_areas));

  if (zero_population > 0)
    equity_result_add_note (result, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u area has no population: its rate is not defined.",
                                                 "%u areas have no population: their rates are not defined.",
                                                 zero_population),
                                    zero_population);
}

static EquityResult *
area_rates_run (EquityAnalysisContext  *context,
                GError                **error)
{
  g_autoptr(EquityResult) result = _equity_analysis_new_result (context, EQUITY_KIND_AREA_RATES);
  g_auto(EquityAreaTable) table = { 0 };
  g_autofree double *counts = NULL;
  g_autofree double *sums = NULL;
  g_autofree double *people = NULL;
  g_autofree double *moes = NULL;
  g_autofree char *source = NULL;
  g_autofree char *events_text = NULL;
  g_autofree char *population_text = NULL;
  EquityAreaInputs inputs;
  EquityDataset *events, *population;
  EquityColumn *key;
  EquityColumn *value_column;
  EquityColumn *columns[2];
  const gboolean is_moe[2] = { FALSE, TRUE };
  EquityAreaRatesInput input = { 0 };
  double population_scale;
  guint n_slots;

  /* checked by area_rates_validate() */
  _equity_analysis_area_inputs (context, &inputs, NULL);
  events = inputs.events;
  population = inputs.population;
  key = inputs.key;
  value_column = _equity_analysis_column (context, events, NULL, "value-column", TRUE, NULL);
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
  people = g_new (double, MAX (n_slots, 1));
  moes = g_new (double, MAX (n_slots, 1));
  for (guint slot = 0; slot < n_slots; slot++)
    {
      people[slot] = _equity_area_table_value (&table, slot, 0) * population_scale;
      moes[slot] = _equity_area_table_value (&table, slot, 1) * population_scale;
    }

  /* the table's notes come before those of the figures */
  add_table_notes (result, &table, population);
  input.n_areas = n_slots;
  input.keys = (const char * const *) table.keys->pdata;
  input.events = counts;
  input.amounts = value_column != NULL ? sums : NULL;
  input.population = people;
  input.population_moe = moes;
  equity_area_rates_compute (&input, result);

  _equity_analysis_set_map (context, result, population, equity_column_get_name (key));
  if (!_equity_analysis_label_areas (context, result, population, key, error))
    return NULL;
  _equity_analysis_set_units (context, result, events, value_column);
  events_text = _equity_analysis_describe_dataset (events, NULL);
  population_text = _equity_analysis_describe_dataset (population, NULL);
  source = g_strdup_printf (_("Events: %s. Population: %s, column %s, by %s."),
                            events_text, population_text,
                            equity_column_get_name (columns[0]), equity_column_get_name (key));
  equity_result_set_source_note (result, source);
  return g_steal_pointer (&result);
}

const EquityAnalysisKindInfo equity_analysis_kind_area_rates = {
  .kind = EQUITY_KIND_AREA_RATES,
  .label = N_("Rates by area"),
  .description = N_("Events per resident of each area, against the whole city"),
  .flags = EQUITY_KIND_PER | EQUITY_KIND_CONFIDENCE | EQUITY_KIND_SUPPRESS | EQUITY_KIND_OVERALL
           | EQUITY_KIND_AREA_LIKE,
  .fields = area_rates_fields,
  .modes = equity_analysis_area_modes,
  .formula = N_("rate = events ÷ residents × per for each area; interval exact below 10 events, Byar from 10; ratio to the rate over all areas by the log method"),
  .json_rows = "areas",
  .json_label = "area",
  .json_members = area_members,
  .charts = EQUITY_MAP_CHARTS,
  .validate = area_rates_validate,
  .run = area_rates_run,
};
