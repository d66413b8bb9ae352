/* equity-chart-values.c — what is drawn for a row: the measure, its units, the reference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-chart"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-chart-private.h"

const char *
equity_chart_row_label (const EquityResultRow *row)
{
  if (row->display_label != NULL && row->display_label[0] != '\0')
    return row->display_label;
  if (row->label != NULL && row->label[0] != '\0')
    return row->label;
  return _("Overall");
}

gboolean
equity_chart_row_value (EquityChart           *self,
                        const EquityResultRow *row,
                        double                *value,
                        double                *low,
                        double                *high)
{
  double v = NAN;
  double l = NAN;
  double h = NAN;
  double factor = self->percent ? 100.0 : 1.0;

  switch (self->measure)
    {
    case EQUITY_CHART_MEASURE_RATE:
      v = row->rate;
      l = row->rate_low;
      h = row->rate_high;
      break;
    case EQUITY_CHART_MEASURE_MEAN:
      v = row->mean;
      l = row->mean_low;
      h = row->mean_high;
      break;
    case EQUITY_CHART_MEASURE_INDEX:
      v = row->index;
      break;
    case EQUITY_CHART_MEASURE_ESTIMATE:
      v = row->estimate;
      if (isfinite (row->moe) && isfinite (v))
        {
          /* a proportion's margin never reaches below zero */
          l = v >= 0 ? MAX (v - row->moe, 0.0) : v - row->moe;
          h = v + row->moe;
          if (self->percent)
            h = MIN (h, 1.0);
        }
      break;
    case EQUITY_CHART_MEASURE_SHARE:
      v = row->share;
      break;
    case EQUITY_CHART_MEASURE_COUNT:
    default:
      v = row->count;
      break;
    }

  if (value != NULL)
    *value = v * factor;
  if (low != NULL)
    *low = l * factor;
  if (high != NULL)
    *high = h * factor;
  /* a suppressed row's value would let its small count be worked out */
  return isfinite (v) && !equity_result_row_is_hidden (row);
}

double
equity_chart_field_value (EquityChart           *self,
                          const EquityResultRow *row,
                          EquityChartField       field)
{
  switch (field)
    {
    case EQUITY_CHART_FIELD_COUNT:            return row->count;
    case EQUITY_CHART_FIELD_POPULATION:       return row->population;
    case EQUITY_CHART_FIELD_RATE:             return row->rate;
    case EQUITY_CHART_FIELD_RATIO:            return row->ratio;
    case EQUITY_CHART_FIELD_ESTIMATE:         return row->estimate * (self->estimate_percent ? 100.0 : 1.0);
    case EQUITY_CHART_FIELD_SHARE:            return row->share * 100.0;
    case EQUITY_CHART_FIELD_POPULATION_SHARE: return row->population_share * 100.0;
    case EQUITY_CHART_FIELD_AUTO:
    default:
      {
        double value;
        equity_chart_row_value (self, row, &value, NULL, NULL);
        return value;
      }
    }
}

const char *
equity_chart_units (EquityChart *self)
{
  if (self->units != NULL)
    return self->units;
  switch (self->measure)
    {
    case EQUITY_CHART_MEASURE_RATE:     return _("rate per 1,000 people");
    case EQUITY_CHART_MEASURE_MEAN:     return _("mean");
    case EQUITY_CHART_MEASURE_INDEX:    return _("disparity index (100: parity)");
    case EQUITY_CHART_MEASURE_ESTIMATE: return self->percent ? _("percent") : _("estimate");
    case EQUITY_CHART_MEASURE_SHARE:    return _("share, percent");
    case EQUITY_CHART_MEASURE_COUNT:
    default:                            return _("count");
    }
}

char *
equity_chart_default_subtitle (EquityChart *self,
                               gboolean     intervals)
{
  const char *units = equity_chart_units (self);
  g_autofree char *first = g_utf8_strup (units, g_utf8_next_char (units) - units);
  g_autofree char *capitalized = g_strconcat (first, g_utf8_next_char (units), NULL);
  double confidence = equity_result_get_confidence (self->result);

  if (self->measure == EQUITY_CHART_MEASURE_SHARE)
    return g_strdup_printf (_("Share of %s against share of the population"), units);
  if (!intervals)
    return g_steal_pointer (&capitalized);
  if (self->measure == EQUITY_CHART_MEASURE_ESTIMATE)
    return g_strdup_printf (_("%s, with margins of error"), capitalized);
  if (!isfinite (confidence) || confidence <= 0 || confidence >= 1)
    confidence = 0.95;
  {
    g_autofree char *level = equity_chart_format_number (confidence * 100,
                                                         fmod (confidence * 100, 1) == 0 ? 0 : 1);
    return g_strdup_printf (_("%s, with %s%% confidence intervals"), capitalized, level);
  }
}

const char *
equity_chart_field_title (EquityChart      *self,
                          EquityChartField  field)
{
  switch (field)
    {
    case EQUITY_CHART_FIELD_COUNT:            return _("Count");
    case EQUITY_CHART_FIELD_POPULATION:       return _("Population");
    case EQUITY_CHART_FIELD_RATIO:            return _("Rate ratio");
    case EQUITY_CHART_FIELD_SHARE:            return _("Share (%)");
    case EQUITY_CHART_FIELD_POPULATION_SHARE: return _("Share of population (%)");
    case EQUITY_CHART_FIELD_ESTIMATE:         return self->estimate_percent ? _("Estimate (%)") : _("Estimate");
    case EQUITY_CHART_FIELD_RATE:
    case EQUITY_CHART_FIELD_AUTO:
    default:                                  return equity_chart_units (self);
    }
}

gboolean
equity_chart_reference (EquityChart  *self,
                        double       *value,
                        const char  **name)
{
  guint n_rows = equity_result_get_n_rows (self->result);
  EquityResultRow *overall;

  for (guint i = 0; i < n_rows; i++)
    {
      const EquityResultRow *row = equity_result_get_row (self->result, i);

      if (row->is_reference && equity_chart_row_value (self, row, value, NULL, NULL))
        {
          *name = equity_chart_row_label (row);
          return TRUE;
        }
    }

  overall = equity_result_get_overall (self->result);
  if (overall != NULL && equity_chart_row_value (self, overall, value, NULL, NULL))
    {
      *name = equity_chart_row_label (overall);
      return TRUE;
    }

  /* utilization: an index below 80 is the conventional sign of disparity */
  if (self->measure == EQUITY_CHART_MEASURE_INDEX)
    {
      *value = 80;
      *name = _("Disparity threshold");
      return TRUE;
    }

  *value = NAN;
  *name = NULL;
  return FALSE;
}

char *
equity_chart_format_value (EquityChart *self,
                           double       value)
{
  g_autofree char *number = equity_chart_format_number (value, equity_chart_value_decimals (value));

  if (self->percent && isfinite (value))
    return g_strconcat (number, "%", NULL);
  return g_steal_pointer (&number);
}

gboolean
equity_chart_has_intervals (EquityChart *self)
{
  guint n_rows = equity_result_get_n_rows (self->result);

  for (guint i = 0; i < n_rows; i++)
    {
      const EquityResultRow *row = equity_result_get_row (self->result, i);
      double low;
      double high;

      if (equity_chart_row_value (self, row, NULL, &low, &high) && isfinite (low) && isfinite (high))
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  guint  row;
  double value;
} RankedRow;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const RankedRow *ra = a;
  const RankedRow *rb = b;
  gboolean fa = isfinite (ra->value);
  gboolean fb = isfinite (rb->value);

  if (fa != fb)
    return fa ? -1 : 1;
  if (fa && ra->value != rb->value)
    return ra->value > rb->value ? -1 : 1;
  return ra->row < rb->row ? -1 : (ra->row > rb->row);
}

GArray *
equity_chart_rows_to_draw (EquityChart *self,
                           guint        max_rows,
                           guint       *n_candidates)
{
  guint n_rows = equity_result_get_n_rows (self->result);
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (guint));

  *n_candidates = n_rows;
  if (n_rows <= max_rows)
    {
      for (guint i = 0; i < n_rows; i++)
        g_array_append_val (rows, i);
      return rows;
    }

  /* too many to read: the highest values, which a ranking shows first */
  {
    g_autoptr(GArray) ranked = g_array_sized_new (FALSE, FALSE, sizeof (RankedRow), n_rows);

    for (guint i = 0; i < n_rows; i++)
      {
        const EquityResultRow *row = equity_result_get_row (self->result, i);
        RankedRow r = { i, NAN };

        if (!equity_chart_row_value (self, row, &r.value, NULL, NULL))
          r.value = NAN;
        g_array_append_val (ranked, r);
      }
    g_array_sort (ranked, compare_ranked);
    for (guint i = 0; i < max_rows; i++)
      g_array_append_val (rows, g_array_index (ranked, RankedRow, i).row);
  }
  return rows;
}
