/* equity-chart-summary.c — the chart in words: hover text and the accessible description
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-chart"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-chart-private.h"
#include "equity-stats.h"

/* "arrests per 1,000 residents" → "arrests", "per 1,000", "residents" */
static void
split_units (const char  *units,
             char       **events,
             char       **per,
             char       **people)
{
  const char *p = units != NULL ? strstr (units, " per ") : NULL;

  if (p == NULL)
    {
      *events = g_strdup (units != NULL && units[0] != '\0' ? units : _("events"));
      *per = NULL;
      *people = g_strdup (_("people"));
      return;
    }

  *events = g_strndup (units, p - units);
  p += 1;
  {
    const char *amount = p + strlen ("per ");
    const char *space = strchr (amount, ' ');

    if (space == NULL)
      {
        *per = g_strdup (p);
        *people = g_strdup (_("people"));
      }
    else
      {
        *per = g_strndup (p, space - p);
        *people = g_strdup (space + 1);
      }
  }
}

static char *
format_interval (double low,
                 double high,
                 int    decimals,
                 const char *suffix)
{
  g_autofree char *l = equity_chart_format_number (low, decimals);
  g_autofree char *h = equity_chart_format_number (high, decimals);

  return g_strdup_printf ("(%s–%s%s)", l, h, suffix != NULL ? suffix : "");
}

static char *
format_count (double value)
{
  /* counts are whole; summed amounts keep their cents */
  return equity_chart_format_number (value, value == floor (value) ? 0 : 2);
}

char *
equity_chart_dup_row_summary (EquityChart *self,
                              guint        row_index)
{
  const EquityResultRow *row;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *events = NULL;
  g_autofree char *per = NULL;
  g_autofree char *people = NULL;
  const char *reference_name = NULL;
  double reference_value;

  g_return_val_if_fail (EQUITY_IS_CHART (self), NULL);
  g_return_val_if_fail (row_index < equity_result_get_n_rows (self->result), NULL);

  row = equity_result_get_row (self->result, row_index);
  split_units (equity_result_get_units (self->result), &events, &per, &people);
  equity_chart_reference (self, &reference_value, &reference_name);

  if (equity_result_row_is_hidden (row))
    {
      guint below = equity_result_get_suppress_below (self->result);

      if (row->suppressed_secondary)
        /* its count is not small: it is withheld so a small one stays hidden */
        g_ptr_array_add (parts, g_strdup (_("Suppressed so that a smaller count cannot be worked out")));
      else if (below > 1)
        g_ptr_array_add (parts, g_strdup_printf (_("Suppressed: fewer than %u %s"), below, events));
      else
        g_ptr_array_add (parts, g_strdup (_("Suppressed")));
      if (isfinite (row->population))
        {
          g_autofree char *population = format_count (row->population);
          g_ptr_array_add (parts, g_strdup_printf ("%s %s", population, people));
        }
      g_ptr_array_add (parts, NULL);
      return g_strjoinv (", ", (char **) parts->pdata);
    }

  switch (self->measure)
    {
    case EQUITY_CHART_MEASURE_RATE:
      if (isfinite (row->count))
        {
          g_autofree char *count = format_count (row->count);
          g_ptr_array_add (parts, g_strdup_printf ("%s %s", count, events));
        }
      if (isfinite (row->population))
        {
          g_autofree char *population = format_count (row->population);

          if (isfinite (row->population_moe))
            {
              g_autofree char *moe = format_count (row->population_moe);
              g_ptr_array_add (parts, g_strdup_printf ("%s (±%s) %s", population, moe, people));
            }
          else
            g_ptr_array_add (parts, g_strdup_printf ("%s %s", population, people));
        }
      if (isfinite (row->rate))
        {
          g_autofree char *rate = equity_chart_format_number (row->rate, equity_chart_value_decimals (row->rate));
          g_autofree char *interval = NULL;

          if (isfinite (row->rate_low) && isfinite (row->rate_high))
            interval = format_interval (row->rate_low, row->rate_high,
                                        equity_chart_interval_decimals (row->rate), NULL);
          g_ptr_array_add (parts, g_strdup_printf ("%s %s%s%s", rate,
                                                   per != NULL ? per : _("per person"),
                                                   interval != NULL ? " " : "",
                                                   interval != NULL ? interval : ""));
        }
      break;

    case EQUITY_CHART_MEASURE_ESTIMATE:
      {
        double value;
        double low;
        double high;
        g_autofree char *text = NULL;

        equity_chart_row_value (self, row, &value, &low, &high);
        text = equity_chart_format_value (self, value);
        if (isfinite (row->moe))
          {
            double moe = row->moe * (self->percent ? 100.0 : 1.0);
            g_autofree char *m = equity_chart_format_number (moe, equity_chart_value_decimals (value));
            g_ptr_array_add (parts, g_strdup_printf ("%s ± %s%s", text, m, self->percent ? "%" : ""));
          }
        else
          g_ptr_array_add (parts, g_steal_pointer (&text));
        if (isfinite (row->cv))
          {
            g_autofree char *cv = equity_chart_format_number (row->cv, 0);
            g_ptr_array_add (parts, g_strdup_printf (_("CV %s%%"), cv));
          }
        if (row->reliability != NULL)
          g_ptr_array_add (parts, g_strdup_printf (_("%s reliability"), equity_stats_reliability_label (row->reliability)));
      }
      break;

    case EQUITY_CHART_MEASURE_MEAN:
      {
        g_autofree char *mean = equity_chart_format_number (row->mean, equity_chart_value_decimals (row->mean));
        g_autofree char *interval = NULL;

        if (isfinite (row->mean_low) && isfinite (row->mean_high))
          interval = format_interval (row->mean_low, row->mean_high,
                                      equity_chart_interval_decimals (row->mean), NULL);
        g_ptr_array_add (parts, g_strdup_printf (_("mean %s%s%s"), mean, interval != NULL ? " " : "",
                                                 interval != NULL ? interval : ""));
        if (isfinite (row->median))
          {
            g_autofree char *median = equity_chart_format_number (row->median,
                                                                  equity_chart_value_decimals (row->median));
            g_ptr_array_add (parts, g_strdup_printf (_("median %s"), median));
          }
        if (isfinite (row->count))
          {
            g_autofree char *count = format_count (row->count);
            g_ptr_array_add (parts, g_strdup_printf ("%s %s", count, events));
          }
      }
      break;

    case EQUITY_CHART_MEASURE_INDEX:
      {
        g_autofree char *index = equity_chart_format_number (row->index, 1);

        g_ptr_array_add (parts, g_strdup_printf (_("disparity index %s"), index));
        if (isfinite (row->share))
          {
            g_autofree char *share = equity_chart_format_number (row->share * 100, 1);
            g_ptr_array_add (parts, g_strdup_printf (_("%s%% of %s"), share, events));
          }
      }
      break;

    case EQUITY_CHART_MEASURE_SHARE:
      {
        g_autofree char *share = equity_chart_format_number (row->share * 100, 1);

        g_ptr_array_add (parts, g_strdup_printf (_("%s%% of %s"), share, events));
        if (isfinite (row->population_share))
          {
            g_autofree char *population = equity_chart_format_number (row->population_share * 100, 1);
            g_ptr_array_add (parts, g_strdup_printf (_("%s%% of %s"), population, people));
          }
      }
      break;

    case EQUITY_CHART_MEASURE_COUNT:
    default:
      if (isfinite (row->count))
        {
          g_autofree char *count = format_count (row->count);
          g_ptr_array_add (parts, g_strdup_printf ("%s %s", count, events));
        }
      break;
    }

  if (row->is_reference)
    g_ptr_array_add (parts, g_strdup (_("reference group")));
  else if (isfinite (row->ratio))
    {
      g_autofree char *ratio = equity_chart_format_number (row->ratio, 2);
      g_autofree char *interval = NULL;

      if (isfinite (row->ratio_low) && isfinite (row->ratio_high))
        interval = format_interval (row->ratio_low, row->ratio_high, 2, NULL);
      g_ptr_array_add (parts, g_strdup_printf ("%s× %s%s%s", ratio,
                                               reference_name != NULL ? reference_name : _("reference"),
                                               interval != NULL ? " " : "",
                                               interval != NULL ? interval : ""));
    }

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

void
equity_chart_extremes_add (EquityChartExtremes   *extremes,
                           const EquityResultRow *row,
                           double                 value)
{
  if (value > extremes->high_value)
    {
      extremes->high_value = value;
      extremes->highest = row;
    }
  if (value < extremes->low_value)
    {
      extremes->low_value = value;
      extremes->lowest = row;
    }
}

void
equity_chart_append_extremes (EquityChart               *self,
                              GString                   *text,
                              const EquityChartExtremes *extremes)
{
  g_autofree char *h = NULL;
  g_autofree char *l = NULL;

  if (extremes->highest == NULL || extremes->lowest == NULL)
    return;
  h = equity_chart_format_value (self, extremes->high_value);
  l = equity_chart_format_value (self, extremes->low_value);
  g_string_append_printf (text, _(" Highest %s, %s; lowest %s, %s."),
                          equity_chart_row_label (extremes->highest), h,
                          equity_chart_row_label (extremes->lowest), l);
}

char *
equity_chart_describe_ranked (EquityChart *self,
                              const char  *what)
{
  guint n_rows = equity_result_get_n_rows (self->result);
  EquityChartExtremes extremes = EQUITY_CHART_EXTREMES_INIT;
  guint n_suppressed = 0;
  guint n_shown = 0;
  GString *text = g_string_new (NULL);
  const char *reference_name;
  double reference_value;

  for (guint i = 0; i < n_rows; i++)
    {
      const EquityResultRow *row = equity_result_get_row (self->result, i);
      double value;

      if (equity_result_row_is_hidden (row))
        n_suppressed++;
      if (!equity_chart_row_value (self, row, &value, NULL, NULL))
        continue;
      n_shown++;
      equity_chart_extremes_add (&extremes, row, value);
    }

  {
    const char *kind = equity_result_get_kind (self->result);
    const char *noun;

    /* what a row is, in a listener's words */
    if (self->kind == EQUITY_CHART_TREND)
      noun = ngettext ("year", "years", n_rows);
    else if (kind != NULL && strstr (kind, "area") != NULL)
      noun = ngettext ("area", "areas", n_rows);
    else if (kind != NULL && strstr (kind, "group") != NULL)
      noun = ngettext ("group", "groups", n_rows);
    else
      noun = ngettext ("row", "rows", n_rows);
    g_string_append_printf (text, "%s: %s, %u %s.", what, equity_chart_units (self), n_rows, noun);
  }
  if (n_shown > 1)
    equity_chart_append_extremes (self, text, &extremes);
  if (equity_chart_reference (self, &reference_value, &reference_name))
    {
      g_autofree char *r = equity_chart_format_value (self, reference_value);
      g_string_append_printf (text, _(" Reference: %s, %s."), reference_name, r);
    }
  if (n_suppressed > 0)
    g_string_append_printf (text, _(" %u suppressed for small numbers."), n_suppressed);
  return g_string_free (text, FALSE);
}

char *
equity_chart_dup_description (EquityChart *self)
{
  g_autofree char *headline = NULL;
  g_autofree char *body = NULL;
  const char *title;

  g_return_val_if_fail (EQUITY_IS_CHART (self), NULL);

  body = equity_chart_renderer_for_kind (self->kind)->describe (self);

  title = equity_chart_get_title (self);
  if (equity_result_get_n_rows (self->result) > 0)
    headline = equity_result_dup_headline (self->result);
  if (headline != NULL && headline[0] != '\0')
    return g_strdup_printf ("%s%s%s %s", title != NULL ? title : "", title != NULL ? ". " : "", headline, body);
  return g_strdup_printf ("%s%s%s", title != NULL ? title : "", title != NULL ? ". " : "", body);
}
