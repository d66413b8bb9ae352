/* equity-result-columns.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-result-columns.h"
#include "equity-suppression.h"
#include "equity-analysis-fields.h"

static const struct
{
  const char         *name;
  EquityNumberFormat  format;
  gboolean            interval;
} columns[EQUITY_N_RESULT_COLUMNS] = {
  [EQUITY_RESULT_COLUMN_NAME] = { "name", EQUITY_NUMBER_FORMAT_TEXT, FALSE },
  [EQUITY_RESULT_COLUMN_COUNT] = { "count", EQUITY_NUMBER_FORMAT_COUNT, FALSE },
  [EQUITY_RESULT_COLUMN_POPULATION] = { "population", EQUITY_NUMBER_FORMAT_COUNT, FALSE },
  [EQUITY_RESULT_COLUMN_RATE] = { "rate", EQUITY_NUMBER_FORMAT_RATE, TRUE },
  [EQUITY_RESULT_COLUMN_RATIO] = { "ratio", EQUITY_NUMBER_FORMAT_RATIO, TRUE },
  [EQUITY_RESULT_COLUMN_DIFFERENCE] = { "difference", EQUITY_NUMBER_FORMAT_RATE, TRUE },
  [EQUITY_RESULT_COLUMN_ESTIMATE] = { "estimate", EQUITY_NUMBER_FORMAT_PERCENT, TRUE },
  [EQUITY_RESULT_COLUMN_CV] = { "cv", EQUITY_NUMBER_FORMAT_DECIMAL, FALSE },
  [EQUITY_RESULT_COLUMN_RELIABILITY] = { "reliability", EQUITY_NUMBER_FORMAT_TEXT, FALSE },
  [EQUITY_RESULT_COLUMN_SHARE] = { "share", EQUITY_NUMBER_FORMAT_PERCENT, TRUE },
  [EQUITY_RESULT_COLUMN_POPULATION_SHARE] = { "population-share", EQUITY_NUMBER_FORMAT_PERCENT, FALSE },
  [EQUITY_RESULT_COLUMN_MEAN] = { "mean", EQUITY_NUMBER_FORMAT_DECIMAL, TRUE },
  [EQUITY_RESULT_COLUMN_MEDIAN] = { "median", EQUITY_NUMBER_FORMAT_DECIMAL, TRUE },
  [EQUITY_RESULT_COLUMN_INDEX] = { "index", EQUITY_NUMBER_FORMAT_DECIMAL, FALSE },
  [EQUITY_RESULT_COLUMN_SUPPRESSED] = { "suppressed", EQUITY_NUMBER_FORMAT_FLAG, FALSE },
};

const char *
equity_result_column_to_string (EquityResultColumn column)
{
  g_return_val_if_fail (column < EQUITY_N_RESULT_COLUMNS, NULL);
  return columns[column].name;
}

gboolean
equity_result_column_from_string (const char         *text,
                                  EquityResultColumn *column)
{
  for (guint i = 0; text != NULL && i < EQUITY_N_RESULT_COLUMNS; i++)
    if (g_str_equal (columns[i].name, text))
      {
        *column = i;
        return TRUE;
      }
  return FALSE;
}

EquityNumberFormat
equity_result_column_get_format (EquityResultColumn column)
{
  g_return_val_if_fail (column < EQUITY_N_RESULT_COLUMNS, EQUITY_NUMBER_FORMAT_TEXT);
  return columns[column].format;
}

gboolean
equity_result_column_has_interval (EquityResultColumn column)
{
  g_return_val_if_fail (column < EQUITY_N_RESULT_COLUMNS, FALSE);
  return columns[column].interval;
}

double
equity_result_column_get_value (EquityResultColumn     column,
                                const EquityResultRow *row,
                                double                *low,
                                double                *high)
{
  double value = NAN, l = NAN, h = NAN;

  switch (column)
    {
    case EQUITY_RESULT_COLUMN_COUNT: value = row->count; break;
    case EQUITY_RESULT_COLUMN_POPULATION: value = row->population; break;
    case EQUITY_RESULT_COLUMN_RATE: value = row->rate; l = row->rate_low; h = row->rate_high; break;
    case EQUITY_RESULT_COLUMN_RATIO: value = row->ratio; l = row->ratio_low; h = row->ratio_high; break;
    case EQUITY_RESULT_COLUMN_DIFFERENCE:
      value = row->difference; l = row->difference_low; h = row->difference_high;
      break;
    case EQUITY_RESULT_COLUMN_ESTIMATE:
      value = row->estimate;
      if (isfinite (row->moe))
        {
          l = row->estimate - row->moe;
          h = row->estimate + row->moe;
        }
      break;
    case EQUITY_RESULT_COLUMN_CV: value = row->cv; break;
    case EQUITY_RESULT_COLUMN_SHARE: value = row->share; l = row->share_low; h = row->share_high; break;
    case EQUITY_RESULT_COLUMN_POPULATION_SHARE: value = row->population_share; break;
    case EQUITY_RESULT_COLUMN_MEAN: value = row->mean; l = row->mean_low; h = row->mean_high; break;
    case EQUITY_RESULT_COLUMN_MEDIAN: value = row->median; l = row->median_low; h = row->median_high; break;
    case EQUITY_RESULT_COLUMN_INDEX: value = row->index; break;
    case EQUITY_RESULT_COLUMN_SUPPRESSED: value = row->suppressed ? 1.0 : 0.0; break;
    case EQUITY_RESULT_COLUMN_RELIABILITY:
      value = row->reliability == NULL ? NAN
              : g_str_equal (row->reliability, "high") ? 3.0
              : g_str_equal (row->reliability, "medium") ? 2.0 : 1.0;
      break;
    case EQUITY_RESULT_COLUMN_NAME:
    case EQUITY_N_RESULT_COLUMNS:
    default:
      break;
    }

  if (low != NULL)
    *low = l;
  if (high != NULL)
    *high = h;
  return value;
}

/* "447.98 (434.91–461.33)"; an open upper end is ∞ */
static char *
format_interval (double value,
                 double low,
                 double high,
                 int    decimals,
                 double scale)
{
  g_autofree char *text = equity_format_number (value * scale, decimals);
  g_autofree char *low_text = NULL;
  g_autofree char *high_text = NULL;

  if (isnan (value) || (isnan (low) && isnan (high)))
    return g_steal_pointer (&text);

  low_text = equity_format_number (low * scale, decimals);
  high_text = isnan (high) ? g_strdup ("∞") : equity_format_number (high * scale, decimals);
  /* Translators: an estimate and its confidence interval, "447.98 (434.91–461.33)" */
  return g_strdup_printf (_("%s (%s–%s)"), text, low_text, high_text);
}

char *
equity_result_column_dup_text (EquityResultColumn     column,
                               const EquityResultRow *row)
{
  /* a withheld count, and every figure worked out from it */
  if (equity_result_row_is_hidden (row)
      && column != EQUITY_RESULT_COLUMN_NAME && column != EQUITY_RESULT_COLUMN_POPULATION
      && column != EQUITY_RESULT_COLUMN_POPULATION_SHARE && column != EQUITY_RESULT_COLUMN_RELIABILITY
      && column != EQUITY_RESULT_COLUMN_SUPPRESSED)
    return g_strdup (EQUITY_MARKER_SUPPRESSED);

  switch (column)
    {
    case EQUITY_RESULT_COLUMN_NAME:
      if (row->display_label != NULL && g_strcmp0 (row->display_label, row->label) != 0)
        /* Translators: a group's name and its code, "Black (B)" */
        return g_strdup_printf (_("%s (%s)"), row->display_label, row->label);
      return g_strdup (equity_result_row_get_name (row));
    case EQUITY_RESULT_COLUMN_COUNT:
      return equity_format_number (row->count, row->count == floor (row->count) ? 0 : 2);
    case EQUITY_RESULT_COLUMN_POPULATION:
      return equity_format_number (row->population, row->population == floor (row->population) ? 0 : 1);
    case EQUITY_RESULT_COLUMN_RATE:
      return format_interval (row->rate, row->rate_low, row->rate_high,
                              equity_format_rate_decimals (row->rate), 1.0);
    case EQUITY_RESULT_COLUMN_RATIO:
      return format_interval (row->ratio, row->ratio_low, row->ratio_high, 2, 1.0);
    case EQUITY_RESULT_COLUMN_DIFFERENCE:
      return format_interval (row->difference, row->difference_low, row->difference_high,
                              equity_format_rate_decimals (row->difference), 1.0);
    case EQUITY_RESULT_COLUMN_ESTIMATE:
      if (isnan (row->estimate) || isnan (row->moe))
        return equity_format_percent (row->estimate);
      {
        g_autofree char *estimate = equity_format_percent (row->estimate);
        g_autofree char *moe = equity_format_number (row->moe * 100.0, 1);

        /* Translators: a percentage and its margin of error, "29.0% ± 6.2" */
        return g_strdup_printf (_("%s ± %s"), estimate, moe);
      }
    case EQUITY_RESULT_COLUMN_CV:
      return equity_format_number (row->cv, 1);
    case EQUITY_RESULT_COLUMN_RELIABILITY:
      if (g_strcmp0 (row->reliability, "high") == 0)
        return g_strdup (C_("reliability", "High"));
      if (g_strcmp0 (row->reliability, "medium") == 0)
        return g_strdup (C_("reliability", "Medium"));
      if (g_strcmp0 (row->reliability, "low") == 0)
        return g_strdup (C_("reliability", "Low"));
      return g_strdup (EQUITY_FORMAT_MISSING);
    case EQUITY_RESULT_COLUMN_SHARE:
      if (isnan (row->share) || isnan (row->share_low))
        return equity_format_percent (row->share);
      return format_interval (row->share, row->share_low, row->share_high, 1, 100.0);
    case EQUITY_RESULT_COLUMN_POPULATION_SHARE:
      return equity_format_percent (row->population_share);
    case EQUITY_RESULT_COLUMN_MEAN:
      return format_interval (row->mean, row->mean_low, row->mean_high, 2, 1.0);
    case EQUITY_RESULT_COLUMN_MEDIAN:
      return format_interval (row->median, row->median_low, row->median_high, 2, 1.0);
    case EQUITY_RESULT_COLUMN_INDEX:
      return equity_format_number (row->index, 1);
    case EQUITY_RESULT_COLUMN_SUPPRESSED:
      return g_strdup (row->suppressed ? _("Suppressed")
                       : row->suppressed_secondary ? _("Suppressed (would reveal another)") : "");
    case EQUITY_N_RESULT_COLUMNS:
    default:
      return NULL;
    }
}

char *
equity_result_column_dup_title (EquityResultColumn  column,
                                EquityResult       *result)
{
  const char *kind = equity_result_get_kind (result);
  const char *reference = equity_result_get_reference (result);
  const EquityAnalysisKindInfo *info = equity_analysis_fields_find_kind (kind);
  g_autofree char *per = NULL;

  switch (column)
    {
    case EQUITY_RESULT_COLUMN_NAME:
      if (info != NULL && (info->flags & EQUITY_KIND_BY_GROUP))
        return g_strdup (_("Group"));
      return g_strdup (equity_result_get_map_dataset (result) != NULL ? _("Area") : _("Row"));
    case EQUITY_RESULT_COLUMN_COUNT:
      return g_strdup (info != NULL && info->count_title != NULL ? _(info->count_title) : _("Count"));
    case EQUITY_RESULT_COLUMN_POPULATION:
      return g_strdup (_("Residents"));
    case EQUITY_RESULT_COLUMN_RATE:
      per = equity_format_number (equity_result_get_per (result), 0);
      /* Translators: a column title, "Rate per 1,000" */
      return g_strdup_printf (_("Rate per %s"), per);
    case EQUITY_RESULT_COLUMN_RATIO:
      if (reference != NULL && g_ascii_strcasecmp (reference, "overall") != 0)
        {
          const EquityResultRow *row = equity_result_find_row (result, reference);

          /* Translators: a column title, "Ratio to White" */
          return g_strdup_printf (_("Ratio to %s"), row != NULL ? equity_result_row_get_name (row) : reference);
        }
      return g_strdup (_("Ratio to overall"));
    case EQUITY_RESULT_COLUMN_DIFFERENCE: return g_strdup (_("Difference"));
    case EQUITY_RESULT_COLUMN_ESTIMATE: return g_strdup (_("Estimate"));
    case EQUITY_RESULT_COLUMN_CV: return g_strdup (_("CV %"));
    case EQUITY_RESULT_COLUMN_RELIABILITY: return g_strdup (_("Reliability"));
    case EQUITY_RESULT_COLUMN_SHARE: return g_strdup (_("Share"));
    case EQUITY_RESULT_COLUMN_POPULATION_SHARE:
      return g_strdup (info != NULL && info->population_share_title != NULL ? _(info->population_share_title)
                                                                          : _("Share of residents"));
    case EQUITY_RESULT_COLUMN_MEAN: return g_strdup (_("Mean"));
    case EQUITY_RESULT_COLUMN_MEDIAN: return g_strdup (_("Median"));
    case EQUITY_RESULT_COLUMN_INDEX: return g_strdup (_("Disparity index"));
    case EQUITY_RESULT_COLUMN_SUPPRESSED: return g_strdup (_("Suppressed"));
    case EQUITY_N_RESULT_COLUMNS:
    default:
      return NULL;
    }
}

static gboolean
any_value (EquityResult       *result,
           EquityResultColumn  column)
{
  for (guint i = 0; i < equity_result_get_n_rows (result); i++)
    {
      const EquityResultRow *row = equity_result_get_row (result, i);

      if (column == EQUITY_RESULT_COLUMN_SUPPRESSED ? equity_result_row_is_hidden (row)
          : !isnan (equity_result_column_get_value (column, row, NULL, NULL)))
        return TRUE;
    }
  return FALSE;
}

/* ACS proportions carry their estimate as a share too: one column is enough. */
static gboolean
repeats_estimate (EquityResult       *result,
                  EquityResultColumn  column)
{
  if (column != EQUITY_RESULT_COLUMN_SHARE)
    return FALSE;

  for (guint i = 0; i < equity_result_get_n_rows (result); i++)
    {
      const EquityResultRow *row = equity_result_get_row (result, i);

      if (isnan (row->estimate) || (!isnan (row->share) && row->share != row->estimate))
        return FALSE;
    }
  return TRUE;
}

GArray *
equity_result_list_columns (EquityResult *result)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (EquityResultColumn));

  g_return_val_if_fail (EQUITY_IS_RESULT (result), list);

  for (EquityResultColumn column = 0; column < EQUITY_N_RESULT_COLUMNS; column++)
    if (column == EQUITY_RESULT_COLUMN_NAME || (any_value (result, column) && !repeats_estimate (result, column)))
      g_array_append_val (list, column);
  return list;
}
