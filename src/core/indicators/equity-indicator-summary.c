/* equity-indicator-summary.c — topic, theme and city scores: unweighted
 * means of the level below, year by year (FRAMEWORK-ANCHORS §1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "equity-indicator-evaluation.h"

struct _EquityIndicatorSummary
{
  GPtrArray *indicators;
  GPtrArray *evaluations;
  GArray    *years;   /* int, ascending */
};

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

EquityIndicatorSummary *
equity_indicator_summary_new (GPtrArray *indicators,
                              GPtrArray *evaluations)
{
  EquityIndicatorSummary *self;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_return_val_if_fail (indicators != NULL && evaluations != NULL, NULL);
  g_return_val_if_fail (indicators->len == evaluations->len, NULL);

  self = g_new0 (EquityIndicatorSummary, 1);
  self->indicators = g_ptr_array_ref (indicators);
  self->evaluations = g_ptr_array_ref (evaluations);
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < evaluations->len; i++)
    {
      EquityIndicatorEvaluation *evaluation = g_ptr_array_index (evaluations, i);

      for (guint k = 0; evaluation != NULL && k < equity_indicator_evaluation_get_n_years (evaluation); k++)
        {
          int year = equity_indicator_evaluation_get_year (evaluation, k)->year;

          if (g_hash_table_add (seen, GINT_TO_POINTER (year)))
            g_array_append_val (self->years, year);
        }
    }
  g_array_sort (self->years, compare_ints);
  return self;
}

void
equity_indicator_summary_free (EquityIndicatorSummary *self)
{
  g_ptr_array_unref (self->indicators);
  g_ptr_array_unref (self->evaluations);
  g_array_unref (self->years);
  g_free (self);
}

const int *
equity_indicator_summary_get_years (EquityIndicatorSummary *self,
                                    guint                  *n_years)
{
  if (n_years != NULL)
    *n_years = self->years->len;
  return (const int *) (gpointer) self->years->data;
}

static double
indicator_score (EquityIndicatorSummary *self,
                 guint                   index,
                 int                     year)
{
  EquityIndicatorEvaluation *evaluation = g_ptr_array_index (self->evaluations, index);
  const EquityIndicatorYear *found = evaluation != NULL ? equity_indicator_evaluation_find_year (evaluation, year) : NULL;

  return found != NULL ? found->score : NAN;
}

double
equity_indicator_summary_topic_score (EquityIndicatorSummary *self,
                                      const char             *theme,
                                      const char             *topic,
                                      int                     year)
{
  double sum = 0;
  guint n = 0;

  for (guint i = 0; i < self->indicators->len; i++)
    {
      EquityIndicator *indicator = g_ptr_array_index (self->indicators, i);
      double score;

      if (!g_str_equal (equity_indicator_get_theme (indicator), theme)
          || !g_str_equal (equity_indicator_get_topic (indicator), topic))
        continue;
      score = indicator_score (self, i, year);
      if (!isnan (score))
        sum += score, n++;
    }
  return n > 0 ? sum / n : NAN;
}

/* the distinct values of THEME's topics (or of every theme, THEME NULL), in order */
static GPtrArray *
distinct (EquityIndicatorSummary *self,
          const char             *theme)
{
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < self->indicators->len; i++)
    {
      EquityIndicator *indicator = g_ptr_array_index (self->indicators, i);
      const char *name;

      if (theme != NULL && !g_str_equal (equity_indicator_get_theme (indicator), theme))
        continue;
      name = theme != NULL ? equity_indicator_get_topic (indicator) : equity_indicator_get_theme (indicator);
      if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_ptr_array_add (names, (gpointer) name);
    }
  return names;
}

double
equity_indicator_summary_theme_score (EquityIndicatorSummary *self,
                                      const char             *theme,
                                      int                     year)
{
  g_autoptr(GPtrArray) topics = distinct (self, theme);
  double sum = 0;
  guint n = 0;

  for (guint i = 0; i < topics->len; i++)
    {
      double score = equity_indicator_summary_topic_score (self, theme, g_ptr_array_index (topics, i), year);

      if (!isnan (score))
        sum += score, n++;
    }
  return n > 0 ? sum / n : NAN;
}

double
equity_indicator_summary_city_score (EquityIndicatorSummary *self,
                                     int                     year)
{
  g_autoptr(GPtrArray) themes = distinct (self, NULL);
  double sum = 0;
  guint n = 0;

  for (guint i = 0; i < themes->len; i++)
    {
      double score = equity_indicator_summary_theme_score (self, g_ptr_array_index (themes, i), year);

      if (!isnan (score))
        sum += score, n++;
    }
  return n > 0 ? sum / n : NAN;
}
