/* equity-analysis-outcomes.c — mean and median of a value by group or area
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spec keys ([analysis]): events, value-column, and group-column or
 * area-column (what to break the values down by), [events-filter];
 * [map] + [map-key] to draw it by area.
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include <inttypes.h>

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-analysis-kind.h"

/* Outcomes are broken down by group or by area. */
enum {
  MODE_BY_GROUP = 1 << 0,
  MODE_BY_AREA = 1 << 1,
};

static const EquityModeInfo outcome_modes[] = {
  { "group-column", N_("Group"), MODE_BY_GROUP },
  { "area-column", N_("Area"), MODE_BY_AREA },
  { NULL }
};

static const EquityFieldInfo outcomes_fields[] = {
  EQUITY_EVENTS_FIELDS,
  { "value-column", EQUITY_FIELD_COLUMN, N_("Value"), NULL, "events", EQUITY_FIELD_NUMERIC,
    R (DURATION) | R (AMOUNT) | R (COUNT), 0, NULL, NULL },
  { "by", EQUITY_FIELD_MODE, N_("Compare by"), NULL, NULL, 0, 0, 0, NULL, NULL },
  { "group-column", EQUITY_FIELD_COLUMN, N_("Group column"), NULL, "events", 0, R (GROUP), MODE_BY_GROUP, NULL, NULL },
  { "area-column", EQUITY_FIELD_COLUMN, N_("Area key"), NULL, "events", 0, KEYS, MODE_BY_AREA, NULL, NULL },
  EQUITY_MAP_FIELDS (MODE_BY_AREA),
  { NULL }
};

static const EquityResultMember outcome_members[] = {
  { "display_label", EQUITY_MEMBER_DISPLAY_LABEL }, { "n", EQUITY_MEMBER_COUNT },
  { "mean", EQUITY_MEMBER_MEAN }, { "mean_low", EQUITY_MEMBER_MEAN_LOW }, { "mean_high", EQUITY_MEMBER_MEAN_HIGH },
  { "median", EQUITY_MEMBER_MEDIAN }, { "median_low", EQUITY_MEMBER_MEDIAN_LOW },
  { "median_high", EQUITY_MEMBER_MEDIAN_HIGH }, { "ratio", EQUITY_MEMBER_RATIO },
  { "suppressed", EQUITY_MEMBER_SUPPRESSED }, { NULL, EQUITY_MEMBER_END },
};

static EquityColumn *
by_column (EquityAnalysisContext *context,
           EquityDataset         *events,
           const char           **key)
{
  *key = equity_analysis_has_key (context->analysis, "group-column") ? "group-column" : "area-column";
  return _equity_analysis_column (context, events, NULL, *key, TRUE, NULL);
}

static gboolean
outcomes_validate (EquityAnalysisContext  *context,
                   GError                **error)
{
  g_auto(EquityRowFilter) filter = { 0 };
  EquityDataset *events = _equity_analysis_dataset (context, "events", FALSE, error);
  const char *key;

  if (events == NULL
      || _equity_analysis_numeric_column (context, events, NULL, "value-column", FALSE, error) == NULL
      || !_equity_analysis_filter (context, events, "events-filter", &filter, error))
    return FALSE;
  if (!equity_analysis_has_key (context->analysis, "group-column")
      && !equity_analysis_has_key (context->analysis, "area-column"))
    {
      _equity_analysis_set_error (context, error, NULL, "group-column",
                                  _("missing (give group-column or area-column: what to compare)"));
      return FALSE;
    }
  by_column (context, events, &key);
  if (_equity_analysis_column (context, events, NULL, key, FALSE, error) == NULL)
    return FALSE;
  return _equity_analysis_check_map (context, error);
}

static void
fill_row (EquityAnalysisContext *context,
          EquityResultRow       *row,
          GArray                *values)
{
  EquityEstimate estimate;

  g_array_sort (values, equity_stats_compare_doubles);
  row->count = values->len;
  row->flags = equity_stats_mean ((double *) values->data, values->len, context->confidence, &estimate, NULL);
  row->mean = estimate.value;
  row->mean_low = estimate.low;
  row->mean_high = estimate.high;
  row->flags |= equity_stats_median ((double *) values->data, values->len, context->confidence, &estimate);
  row->median = estimate.value;
  row->median_low = estimate.low;
  row->median_high = estimate.high;
  row->suppressed = _equity_analysis_suppressed (context, values->len);
}

static EquityResult *
outcomes_run (EquityAnalysisContext  *context,
              GError                **error)
{
  g_autoptr(EquityResult) result = _equity_analysis_new_result (context, EQUITY_KIND_OUTCOMES);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_array_unref);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GList) keys = NULL;
  g_auto(EquityRowFilter) filter = { 0 };
  g_autoptr(EquityDatasetReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *source = NULL;
  g_autofree char *described = NULL;
  EquityDataset *events = _equity_analysis_dataset (context, "events", FALSE, NULL);
  EquityColumn *value = _equity_analysis_column (context, events, NULL, "value-column", FALSE, NULL);
  const char *by_key;
  EquityColumn *by = by_column (context, events, &by_key);
  EquityResultRow *overall;
  guint64 blank = 0;

  if (!_equity_analysis_filter (context, events, "events-filter", &filter, error))
    return NULL;
  {
    EquityColumn *columns[2] = { by, value };

    reader = equity_dataset_reader_new (context->project, events, columns, 2,
                                        filter.column, filter.value, error);
  }
  if (reader == NULL)
    return NULL;
  while (equity_dataset_reader_next (reader, &local_error))
    {
      g_autofree char *key = NULL;
      double x;
      GArray *values;

      /* rows without a value take no part */
      if (equity_dataset_reader_is_null (reader, 1))
        continue;
      key = equity_dataset_reader_dup_key (reader, 0);
      x = equity_dataset_reader_get_double (reader, 1);
      g_array_append_val (all, x);
      if (key == NULL || key[0] == '\0')
        {
          blank++;
          continue;
        }
      values = g_hash_table_lookup (groups, key);
      if (values == NULL)
        {
          values = g_array_new (FALSE, FALSE, sizeof (double));
          g_hash_table_insert (groups, g_steal_pointer (&key), values);
        }
      g_array_append_val (values, x);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  overall = equity_result_get_overall (result);
  fill_row (context, overall, all);

  keys = g_list_sort (g_hash_table_get_keys (groups), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      EquityResultRow *row = equity_result_add_row (result, l->data);

      if (g_str_equal (by_key, "group-column"))
        row->display_label = g_strdup (equity_analysis_group_display_name (l->data));
      fill_row (context, row, g_hash_table_lookup (groups, l->data));
      row->ratio = overall->mean != 0.0 ? row->mean / overall->mean : NAN;
    }
  if (blank > 0)
    equity_result_add_note (result, g_dngettext (GETTEXT_PACKAGE,
                                                 "%" PRIu64 " value has no %s: it counts in the overall figures only.",
                                                 "%" PRIu64 " values have no %s: they count in the overall figures only.",
                                                 blank), blank, equity_column_get_name (by));

  if (g_str_equal (by_key, "area-column"))
    {
      _equity_analysis_set_map (context, result, NULL, NULL);
      if (!_equity_analysis_label_areas (context, result, NULL, NULL, error))
        return NULL;
    }
  equity_result_set_units (result, equity_column_get_name (value));
  described = _equity_analysis_describe_dataset (events, NULL);
  source = g_strdup_printf (_("%s: %s by %s; mean with a t interval, median with an order-statistic interval."),
                            described, equity_column_get_name (value),
                            equity_column_get_name (by));
  equity_result_set_source_note (result, source);
  return g_steal_pointer (&result);
}

const EquityAnalysisKindInfo equity_analysis_kind_outcomes = {
  .kind = EQUITY_KIND_OUTCOMES,
  .label = N_("Outcomes by group or area"),
  .description = N_("Mean and median of a value, such as days to close a request"),
  .flags = EQUITY_KIND_CONFIDENCE | EQUITY_KIND_SUPPRESS | EQUITY_KIND_OVERALL,
  .fields = outcomes_fields,
  .modes = outcome_modes,
  .formula = N_("mean with Student's t interval; median with the distribution-free interval between order statistics"),
  .count_title = N_("Values"),
  .json_rows = "rows",
  .json_label = "label",
  .json_members = outcome_members,
  .charts = EQUITY_MAP_CHARTS,
  .validate = outcomes_validate,
  .run = outcomes_run,
};
