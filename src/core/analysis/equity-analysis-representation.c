/* equity-analysis-representation.c — who holds the seats, against who lives here
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spec keys ([analysis]): members (one row per seat or member), group-column,
 * population, [population-filter]; [groups] value = population column.
 * Seat share with a Wilson interval, over the group's population share (taken
 * as known: a census count), so the ratio's interval is Wilson's scaled.
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include <inttypes.h>

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-analysis-kind.h"

static const EquityFieldInfo representation_fields[] = {
  { "members", EQUITY_FIELD_DATASET, N_("Members"), NULL, NULL, 0, R (GROUP), 0, NULL, NULL },
  { "group-column", EQUITY_FIELD_COLUMN, N_("Group column"), NULL, "members", 0, R (GROUP), 0, NULL, NULL },
  EQUITY_GROUP_POPULATION_FIELDS ("members"),
  { NULL }
};

static const EquityResultMember representation_members[] = {
  { "display_label", EQUITY_MEMBER_DISPLAY_LABEL }, { "members", EQUITY_MEMBER_COUNT },
  { "population", EQUITY_MEMBER_POPULATION }, { "share", EQUITY_MEMBER_SHARE },
  { "share_low", EQUITY_MEMBER_SHARE_LOW }, { "share_high", EQUITY_MEMBER_SHARE_HIGH },
  { "population_share", EQUITY_MEMBER_POPULATION_SHARE }, { "ratio", EQUITY_MEMBER_RATIO },
  { "ratio_low", EQUITY_MEMBER_RATIO_LOW }, { "ratio_high", EQUITY_MEMBER_RATIO_HIGH },
  { "suppressed", EQUITY_MEMBER_SUPPRESSED }, { NULL, EQUITY_MEMBER_END },
};

static gboolean
representation_validate (EquityAnalysisContext  *context,
                         GError                **error)
{
  g_auto(EquityRowFilter) filter = { 0 };
  EquityDataset *members, *population;

  members = _equity_analysis_dataset (context, "members", FALSE, error);
  if (members == NULL || _equity_analysis_column (context, members, NULL, "group-column", FALSE, error) == NULL)
    return FALSE;
  population = _equity_analysis_dataset (context, "population", FALSE, error);
  return population != NULL
         && _equity_analysis_filter (context, population, "population-filter", &filter, error)
         && _equity_analysis_check_groups (context, population, error);
}

static EquityResult *
representation_run (EquityAnalysisContext  *context,
                    GError                **error)
{
  g_autoptr(EquityResult) result = _equity_analysis_new_result (context, EQUITY_KIND_REPRESENTATION);
  g_auto(EquityGroupPopulation) population = { 0 };
  g_auto(EquityRowFilter) filter = { 0 };
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GHashTable) mapped = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *source = NULL;
  g_autofree char *members_text = NULL;
  g_autofree char *population_text = NULL;
  EquityDataset *members = _equity_analysis_dataset (context, "members", FALSE, NULL);
  EquityDataset *population_dataset = _equity_analysis_dataset (context, "population", FALSE, NULL);
  EquityColumn *group = _equity_analysis_column (context, members, NULL, "group-column", FALSE, NULL);
  double seats = 0.0, people = 0.0;
  guint64 unmatched = 0;
  GHashTableIter iter;
  gpointer key, value;

  counts = _equity_analysis_count_by (context, members, group, NULL, NULL, error);
  if (counts == NULL || !_equity_analysis_group_population (context, &population, error)
      || !_equity_analysis_filter (context, population_dataset, "population-filter", &filter, error))
    return NULL;

  for (guint g = 0; g < population.n_groups; g++)
    {
      double *entry = g_hash_table_lookup (counts, population.groups[g]);

      g_hash_table_add (mapped, population.groups[g]);
      seats += entry != NULL ? entry[0] : 0.0;
      people += population.population[g];
    }

  for (guint g = 0; g < population.n_groups; g++)
    {
      EquityResultRow *row = equity_result_add_row (result, population.groups[g]);
      double *entry = g_hash_table_lookup (counts, population.groups[g]);
      EquityEstimate share;

      row->display_label = g_strdup (equity_analysis_group_display_name (population.groups[g]));
      row->count = entry != NULL ? entry[0] : 0.0;
      row->population = population.population[g];
      row->population_moe = population.moe[g];
      row->flags = equity_stats_wilson (row->count, seats, context->confidence, &share);
      row->share = share.value;
      row->share_low = share.low;
      row->share_high = share.high;
      row->population_share = people > 0.0 ? row->population / people : NAN;
      if (row->population_share > 0.0)
        {
          row->ratio = row->share / row->population_share;
          row->ratio_low = row->share_low / row->population_share;
          row->ratio_high = row->share_high / row->population_share;
        }
      else
        row->flags |= EQUITY_STATS_ZERO_DENOMINATOR;
      row->suppressed = _equity_analysis_suppressed (context, row->count);
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (mapped, key))
      {
        equity_result_add_unmatched (result, ((const char *) key)[0] != '\0' ? key : _("(blank)"));
        unmatched += (guint64) ((double *) value)[0];
      }
  equity_result_set_unmatched_events (result, unmatched);
  if (unmatched > 0)
    equity_result_add_note (result, g_dngettext (GETTEXT_PACKAGE,
                                                 "%" PRIu64 " member belongs to a group that no population column counts, and is in no share.",
                                                 "%" PRIu64 " members belong to groups that no population column counts, and are in no share.",
                                                 unmatched), unmatched);

  equity_result_get_overall (result)->count = seats;
  equity_result_get_overall (result)->population = people;
  equity_result_set_units (result, _("share of seats against share of residents"));
  members_text = _equity_analysis_describe_dataset (members, NULL);
  population_text = _equity_analysis_describe_population (population_dataset, &filter, population.n_rows);
  source = g_strdup_printf (_("Members: %s, by %s. Population: %s."), members_text,
                            equity_column_get_name (group), population_text);
  equity_result_set_source_note (result, source);
  return g_steal_pointer (&result);
}

const EquityAnalysisKindInfo equity_analysis_kind_representation = {
  .kind = EQUITY_KIND_REPRESENTATION,
  .label = N_("Representation"),
  .description = N_("Seats held by each group against its share of residents"),
  .flags = EQUITY_KIND_CONFIDENCE | EQUITY_KIND_SUPPRESS | EQUITY_KIND_BY_GROUP,
  .fields = representation_fields,
  .formula = N_("share of seats against share of residents; Wilson interval for the share of seats; ratio of the two shares"),
  .count_title = N_("Members"),
  .json_rows = "groups",
  .json_label = "group",
  .json_members = representation_members,
  .charts = EQUITY_ROW_CHARTS,
  .validate = representation_validate,
  .run = representation_run,
};
