/* equity-analysis-index-of-disparity.c — one number for the spread of group rates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spec keys: those of group-rates; reference defaults to "overall".
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-analysis-kind.h"

static const EquityFieldInfo index_of_disparity_fields[] = {
  EQUITY_GROUP_RATE_FIELDS,
  { "reference", EQUITY_FIELD_REFERENCE, N_("Compare with"), N_("All groups together"), NULL,
    EQUITY_FIELD_OPTIONAL | EQUITY_FIELD_OVERALL, 0, 0, NULL, NULL },
  { NULL }
};

/* index-of-disparity: the same inputs; the mean absolute gap between each
 * group's rate and the reference rate (default: the rate of all groups
 * together), as a percentage of the reference rate (Pearcy & Keppel 2002). */
static EquityResult *
index_of_disparity_run (EquityAnalysisContext  *context,
                        GError                **error)
{
  g_autoptr(EquityResult) result = _equity_analysis_group_rates (context, EQUITY_KIND_INDEX_OF_DISPARITY, error);
  g_autofree char *reference_name = _equity_analysis_string (context, "reference");
  g_autoptr(GArray) rates = NULL;
  gboolean against_overall;
  double reference_rate;

  if (result == NULL)
    return NULL;

  against_overall = reference_name == NULL || g_ascii_strcasecmp (reference_name, "overall") == 0;
  rates = g_array_new (FALSE, FALSE, sizeof (double));
  if (against_overall)
    {
      EquityResultRow *overall = equity_result_get_overall (result);

      reference_rate = overall->rate;
      equity_result_set_reference (result, "overall");
      for (guint i = 0; i < equity_result_get_n_rows (result); i++)
        {
          EquityResultRow *row = equity_result_get_row (result, i);

          row->is_reference = FALSE;
          /* the ratios are taken against the overall rate here */
          row->ratio = row->rate / reference_rate;
          row->ratio_low = row->ratio_high = NAN;
          row->difference = row->rate - reference_rate;
          row->difference_low = row->difference_high = NAN;
        }
    }
  else
    reference_rate = equity_result_find_row (result, reference_name)->rate;

  for (guint i = 0; i < equity_result_get_n_rows (result); i++)
    {
      EquityResultRow *row = equity_result_get_row (result, i);

      if (!row->is_reference && isfinite (row->rate))
        g_array_append_val (rates, row->rate);
    }
  equity_result_set_index (result, equity_stats_index_of_disparity ((double *) rates->data, rates->len,
                                                                     reference_rate));
  return g_steal_pointer (&result);
}

const EquityAnalysisKindInfo equity_analysis_kind_index_of_disparity = {
  .kind = EQUITY_KIND_INDEX_OF_DISPARITY,
  .label = N_("Index of disparity"),
  .description = N_("One number for how far group rates are from the reference"),
  .flags = EQUITY_KIND_PER | EQUITY_KIND_CONFIDENCE | EQUITY_KIND_SUPPRESS | EQUITY_KIND_OVERALL
           | EQUITY_KIND_BY_GROUP | EQUITY_KIND_INDEX,
  .fields = index_of_disparity_fields,
  .formula = N_("ID = mean of |group rate − reference rate| ÷ reference rate × 100 (Pearcy and Keppel)"),
  .json_rows = "groups",
  .json_label = "group",
  .json_members = equity_group_rate_members,
  .charts = EQUITY_ROW_CHARTS,
  .validate = _equity_analysis_group_rates_validate,
  .run = index_of_disparity_run,
};
