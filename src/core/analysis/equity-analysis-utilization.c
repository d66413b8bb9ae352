/* equity-analysis-utilization.c — contract dollars by firm group against availability
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Disparity index = utilization share / availability share × 100; below 80
 * is a substantial disparity (the four-fifths rule, 29 CFR 1607.4(D)).
 *
 * Spec keys ([analysis]): contracts, group-column, value-column (dollars),
 * availability (one row per firm group), availability-group-column,
 * availability-column (available firms, or dollar-weighted availability:
 * any measure, turned into shares).
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include <inttypes.h>

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-analysis-kind.h"

static const EquityFieldInfo utilization_fields[] = {
  { "contracts", EQUITY_FIELD_DATASET, N_("Contracts"), NULL, NULL, 0, R (AMOUNT), 0, NULL, NULL },
  { "group-column", EQUITY_FIELD_COLUMN, N_("Firm group"), NULL, "contracts", 0, R (GROUP), 0, NULL, NULL },
  { "value-column", EQUITY_FIELD_COLUMN, N_("Dollars"), NULL, "contracts", EQUITY_FIELD_NUMERIC, R (AMOUNT), 0, NULL, NULL },
  { "availability", EQUITY_FIELD_DATASET, N_("Availability"), NULL, NULL, 0, R (GROUP), 0, NULL, NULL },
  { "availability-group-column", EQUITY_FIELD_COLUMN, N_("Firm group"), NULL, "availability", 0, R (GROUP), 0, NULL, NULL },
  { "availability-column", EQUITY_FIELD_COLUMN, N_("Available firms"), NULL, "availability", EQUITY_FIELD_NUMERIC,
    R (COUNT) | R (AMOUNT), 0, NULL, NULL },
  { NULL }
};

static const EquityResultMember utilization_members[] = {
  { "display_label", EQUITY_MEMBER_DISPLAY_LABEL }, { "dollars", EQUITY_MEMBER_COUNT },
  { "utilization", EQUITY_MEMBER_SHARE }, { "availability", EQUITY_MEMBER_POPULATION_SHARE },
  { "disparity_index", EQUITY_MEMBER_INDEX }, { "substantial_disparity", EQUITY_MEMBER_FLAGGED },
  { NULL, EQUITY_MEMBER_END },
};

#define SUBSTANTIAL_DISPARITY 80.0

static gboolean
utilization_validate (EquityAnalysisContext  *context,
                      GError                **error)
{
  EquityDataset *contracts, *availability;

  contracts = _equity_analysis_dataset (context, "contracts", FALSE, error);
  if (contracts == NULL
      || _equity_analysis_column (context, contracts, NULL, "group-column", FALSE, error) == NULL
      || _equity_analysis_numeric_column (context, contracts, NULL, "value-column", FALSE, error) == NULL)
    return FALSE;
  availability = _equity_analysis_dataset (context, "availability", FALSE, error);
  return availability != NULL
         && _equity_analysis_column (context, availability, NULL, "availability-group-column", FALSE, error) != NULL
         && _equity_analysis_numeric_column (context, availability, NULL, "availability-column", FALSE, error) != NULL;
}

static EquityResult *
utilization_run (EquityAnalysisContext  *context,
                 GError                **error)
{
  g_autoptr(EquityResult) result = _equity_analysis_new_result (context, EQUITY_KIND_UTILIZATION);
  g_auto(EquityAreaTable) table = { 0 };
  g_autoptr(GHashTable) dollars = NULL;
  g_autofree char *source = NULL;
  g_autofree char *contracts_text = NULL;
  g_autofree char *availability_text = NULL;
  EquityDataset *contracts = _equity_analysis_dataset (context, "contracts", FALSE, NULL);
  EquityDataset *availability = _equity_analysis_dataset (context, "availability", FALSE, NULL);
  EquityColumn *group = _equity_analysis_column (context, contracts, NULL, "group-column", FALSE, NULL);
  EquityColumn *value = _equity_analysis_column (context, contracts, NULL, "value-column", FALSE, NULL);
  EquityColumn *available_group = _equity_analysis_column (context, availability, NULL,
                                                           "availability-group-column", FALSE, NULL);
  EquityColumn *available = _equity_analysis_column (context, availability, NULL, "availability-column",
                                                     FALSE, NULL);
  double total_dollars = 0.0, total_available = 0.0, unmatched_dollars = 0.0;
  guint64 unmatched = 0;
  GHashTableIter iter;
  gpointer key, entry;

  dollars = _equity_analysis_count_by (context, contracts, group, value, NULL, error);
  if (dollars == NULL
      || !_equity_analysis_area_table (context, availability, available_group, &available, NULL, 1, &table, error))
    return NULL;

  for (guint i = 0; i < table.keys->len; i++)
    {
      const double *spent = g_hash_table_lookup (dollars, g_ptr_array_index (table.keys, i));
      double share = _equity_area_table_value (&table, i, 0);

      total_dollars += spent != NULL ? spent[1] : 0.0;
      total_available += isfinite (share) && share > 0.0 ? share : 0.0;
    }

  for (guint i = 0; i < table.keys->len; i++)
    {
      const char *name = g_ptr_array_index (table.keys, i);
      const double *spent = g_hash_table_lookup (dollars, name);
      EquityResultRow *row = equity_result_add_row (result, name);
      double share = _equity_area_table_value (&table, i, 0);

      row->count = spent != NULL ? spent[1] : 0.0;
      row->share = total_dollars > 0.0 ? row->count / total_dollars : NAN;
      row->population_share = total_available > 0.0 && isfinite (share) ? share / total_available : NAN;
      row->index = equity_stats_disparity_index (row->share, row->population_share);
      row->ratio = row->index / 100.0;
      row->flagged = isfinite (row->index) && row->index < SUBSTANTIAL_DISPARITY;
    }

  g_hash_table_iter_init (&iter, dollars);
  while (g_hash_table_iter_next (&iter, &key, &entry))
    if (!g_hash_table_contains (table.slots, key))
      {
        equity_result_add_unmatched (result, ((const char *) key)[0] != '\0' ? key : _("(blank)"));
        unmatched += (guint64) ((double *) entry)[0];
        unmatched_dollars += ((double *) entry)[1];
      }
  equity_result_set_unmatched_events (result, unmatched);
  if (unmatched > 0)
    equity_result_add_note (result, g_dngettext (GETTEXT_PACKAGE,
                                                 "%" PRIu64 " contract (%.2f dollars) has a firm group with no availability and is left out.",
                                                 "%" PRIu64 " contracts (%.2f dollars) have firm groups with no availability and are left out.",
                                                 unmatched), unmatched, unmatched_dollars);

  equity_result_get_overall (result)->count = total_dollars;
  equity_result_set_units (result, _("disparity index (100 = parity; below 80 = substantial disparity)"));
  contracts_text = _equity_analysis_describe_dataset (contracts, NULL);
  availability_text = _equity_analysis_describe_dataset (availability, NULL);
  source = g_strdup_printf (_("Contracts: %s, %s by %s. Availability: %s, %s. Statistical significance "
                              "is not tested."),
                            contracts_text, equity_column_get_name (value),
                            equity_column_get_name (group), availability_text,
                            equity_column_get_name (available));
  equity_result_set_source_note (result, source);
  return g_steal_pointer (&result);
}

const EquityAnalysisKindInfo equity_analysis_kind_utilization = {
  .kind = EQUITY_KIND_UTILIZATION,
  .label = N_("Contract utilization"),
  .description = N_("Contract dollars by firm group against availability"),
  .flags = EQUITY_KIND_BY_GROUP,
  .fields = utilization_fields,
  .formula = N_("disparity index = share of dollars ÷ share of available firms × 100; below 80 is a substantial disparity (four-fifths rule)"),
  .count_title = N_("Dollars"),
  .population_share_title = N_("Availability"),
  .json_rows = "groups",
  .json_label = "group",
  .json_members = utilization_members,
  .charts = EQUITY_ROW_CHARTS,
  .validate = utilization_validate,
  .run = utilization_run,
};
