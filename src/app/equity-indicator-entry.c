/* equity-indicator-entry.c — one indicator as the Indicators page shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page reads the core's indicators through this one file: what the
 * list, the chart and the year table show comes from here; the board
 * itself (equity-indicator-board.c) is the core's.
 */

#define G_LOG_DOMAIN "equity-indicators-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "equity-indicator-entry.h"

struct _EquityIndicatorEntry
{
  GObject                    parent_instance;

  EquityIndicator           *indicator;
  EquityIndicatorEvaluation *evaluation;
  char                      *group_a;
  char                      *group_b;
  char                      *units;
  char                      *error;
};

G_DEFINE_FINAL_TYPE (EquityIndicatorEntry, equity_indicator_entry, G_TYPE_OBJECT)

static void
equity_indicator_entry_finalize (GObject *object)
{
  EquityIndicatorEntry *self = EQUITY_INDICATOR_ENTRY (object);

  g_clear_object (&self->indicator);
  g_clear_pointer (&self->evaluation, equity_indicator_evaluation_unref);
  g_free (self->group_a);
  g_free (self->group_b);
  g_free (self->units);
  g_free (self->error);

  G_OBJECT_CLASS (equity_indicator_entry_parent_class)->finalize (object);
}

static void
equity_indicator_entry_class_init (EquityIndicatorEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = equity_indicator_entry_finalize;
}

static void
equity_indicator_entry_init (EquityIndicatorEntry *self)
{
}

/* "B" → "Black"; an area's key stays as it is; NULL: typed values, no groups */
static char *
group_name (const char *value)
{
  const char *name = value != NULL ? equity_analysis_group_display_name (value) : NULL;

  return g_strdup (name != NULL ? name : value);
}

static EquityIndicatorEntry *
entry_new (EquityIndicator           *indicator,
           EquityIndicatorEvaluation *evaluation,
           const GError              *error)
{
  EquityIndicatorEntry *self = g_object_new (EQUITY_TYPE_INDICATOR_ENTRY, NULL);
  g_autofree char *per = equity_format_number (equity_indicator_get_per (indicator), 0);

  self->indicator = g_object_ref (indicator);
  self->evaluation = evaluation != NULL ? equity_indicator_evaluation_ref (evaluation) : NULL;
  self->error = error != NULL ? g_strdup (error->message) : NULL;
  self->group_a = group_name (equity_indicator_get_group_a (indicator));
  self->group_b = group_name (equity_indicator_get_group_b (indicator));
  if (equity_indicator_get_kind (indicator) == EQUITY_INDICATOR_PERCENTAGE)
    self->units = g_strdup (_("percent"));
  else
    /* Translators: what an indicator's rates count, e.g. "per 1,000 people" */
    self->units = g_strdup_printf (_("per %s people"), per);
  return self;
}

EquityIndicator *
equity_indicator_entry_get_indicator (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);
  return self->indicator;
}

EquityIndicatorEvaluation *
equity_indicator_entry_get_evaluation (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);
  return self->evaluation;
}

gint64
equity_indicator_entry_get_id (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), 0);
  return equity_indicator_get_id (self->indicator);
}

const char *
equity_indicator_entry_get_name (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);
  return equity_indicator_get_name (self->indicator);
}

const char *
equity_indicator_entry_get_theme (EquityIndicatorEntry *self)
{
  const char *theme;

  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);
  theme = equity_indicator_get_theme (self->indicator);
  return theme != NULL && theme[0] != '\0' ? theme : _("No theme");
}

const char *
equity_indicator_entry_get_topic (EquityIndicatorEntry *self)
{
  const char *topic;

  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);
  topic = equity_indicator_get_topic (self->indicator);
  return topic != NULL && topic[0] != '\0' ? topic : _("No topic");
}

const char *
equity_indicator_entry_get_group_a (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);
  return self->group_a;
}

const char *
equity_indicator_entry_get_group_b (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);
  return self->group_b;
}

const char *
equity_indicator_entry_get_units (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);
  return self->units;
}

int
equity_indicator_entry_get_baseline (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), 0);
  return self->evaluation != NULL ? equity_indicator_evaluation_get_baseline_year (self->evaluation)
                                  : equity_indicator_get_baseline_year (self->indicator);
}

const char *
equity_indicator_entry_get_error (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);
  return self->error;
}

EquityIndicatorStatus
equity_indicator_entry_get_status (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), EQUITY_INDICATOR_NO_DATA);
  return self->evaluation != NULL ? equity_indicator_evaluation_get_status (self->evaluation)
                                  : EQUITY_INDICATOR_NO_DATA;
}

guint
equity_indicator_entry_get_n_years (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), 0);
  return self->evaluation != NULL ? equity_indicator_evaluation_get_n_years (self->evaluation) : 0;
}

const EquityIndicatorYear *
equity_indicator_entry_get_year (EquityIndicatorEntry *self,
                                 guint                 index)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);
  g_return_val_if_fail (index < equity_indicator_entry_get_n_years (self), NULL);
  return equity_indicator_evaluation_get_year (self->evaluation, index);
}

const EquityIndicatorYear *
equity_indicator_entry_get_latest (EquityIndicatorEntry *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);

  for (guint i = equity_indicator_entry_get_n_years (self); i > 0; i--)
    {
      const EquityIndicatorYear *year = equity_indicator_entry_get_year (self, i - 1);

      if (!isnan (year->score))
        return year;
    }
  return NULL;
}

/* The trend chart draws a result: a row a year, the value with its
 * interval as the rate, the target of each year and the baseline beside. */
EquityChart *
equity_indicator_entry_create_chart (EquityIndicatorEntry *self)
{
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean percentage;
  EquityChart *chart;

  g_return_val_if_fail (EQUITY_IS_INDICATOR_ENTRY (self), NULL);

  percentage = equity_indicator_get_kind (self->indicator) == EQUITY_INDICATOR_PERCENTAGE;
  result = equity_result_new ("indicator");
  equity_result_set_title (result, equity_indicator_get_name (self->indicator));
  equity_result_set_units (result, percentage ? _("percent")
                                              : _("ratio of the two groups’ rates (1: parity)"));
  for (guint i = 0; i < equity_indicator_entry_get_n_years (self); i++)
    {
      const EquityIndicatorYear *year = equity_indicator_entry_get_year (self, i);
      g_autofree char *label = g_strdup_printf ("%d", year->year);
      EquityResultRow *row = equity_result_add_row (result, label);
      double x = year->year;

      row->rate = year->value;
      row->rate_low = year->low;
      row->rate_high = year->high;
      if (!isnan (year->target))
        {
          g_array_append_val (years, x);
          g_array_append_val (targets, year->target);
        }
    }

  chart = equity_chart_new (result);
  equity_chart_set_kind (chart, EQUITY_CHART_TREND);
  if (equity_indicator_entry_get_baseline (self) > 0)
    equity_chart_set_baseline (chart, equity_indicator_entry_get_baseline (self));
  if (years->len > 0)
    equity_chart_set_targets (chart, (const double *) years->data, (const double *) targets->data,
                              years->len);
  return chart;
}

const char *
equity_indicator_status_to_icon (EquityIndicatorStatus status)
{
  switch (status)
    {
    case EQUITY_INDICATOR_ON_TRACK:  return "object-select-symbolic";
    case EQUITY_INDICATOR_OFF_TRACK: return "dialog-warning-symbolic";
    case EQUITY_INDICATOR_NO_DATA:
    default:                         return "action-unavailable-symbolic";
    }
}

char *
equity_indicator_format_score (double score)
{
  /* a score is whole; a mean of scores keeps a decimal (Dallas: 38.75 → 39.77) */
  if (!isfinite (score))
    return g_strdup (EQUITY_FORMAT_MISSING);
  return equity_format_number (score, fabs (score - round (score)) < 1e-9 ? 0 : 1);
}

char *
equity_indicator_format_change (double change)
{
  g_autofree char *number = NULL;

  if (!isfinite (change))
    return g_strdup (EQUITY_FORMAT_MISSING);
  if (fabs (change) < 0.05)
    return g_strdup ("±0");
  number = equity_indicator_format_score (change);
  /* equity_format_number() writes the minus sign itself */
  return change > 0 ? g_strconcat ("+", number, NULL) : g_steal_pointer (&number);
}

/* The page's list items: one entry for each of the board's indicators,
 * with its evaluation or what went wrong. */
GPtrArray *
equity_indicator_entries_new (EquityIndicatorBoard *board)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (board != NULL, entries);

  for (guint i = 0; i < equity_indicator_board_get_n_indicators (board); i++)
    g_ptr_array_add (entries, entry_new (equity_indicator_board_get_indicator (board, i),
                                         equity_indicator_board_get_evaluation (board, i),
                                         equity_indicator_board_get_error (board, i)));
  return entries;
}
