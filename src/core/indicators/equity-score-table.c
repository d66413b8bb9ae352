/* equity-score-table.c — ratio → equity score, and the percentage rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-error.h"
#include "equity-indicator-private.h"
#include "equity-score-table.h"

struct _EquityScoreTable
{
  gatomicrefcount  ref_count;
  GArray          *bands;   /* EquityScoreBand, ascending */
  char            *source;
};

G_DEFINE_BOXED_TYPE (EquityScoreTable, equity_score_table,
                     equity_score_table_ref, equity_score_table_unref)

/* Oakland Equity Indicators 2018, full report, Appendix B (p. 150), where the
 * City of Oakland credits the conversion to the CUNY Institute for State and
 * Local Governance; restated from ../shared/FRAMEWORK-ANCHORS.md §1. */
static const EquityScoreBand default_bands[] = {
  { 1.000, 100, 0.000 },
  { 1.005,  99, 0.005 },
  { 1.100,  80, 0.020 },
  { 1.500,  60, 0.025 },
  { 2.000,  40, 0.150 },
  { 5.000,  20, 0.250 },
  { 10.000,  1, 0.000 },
};
#define DEFAULT_SOURCE "Oakland Equity Indicators 2018, full report, Appendix B (p. 150): " \
                       "ratio-to-score conversion of the CUNY Institute for State and Local Governance"

EquityScoreTable *
equity_score_table_new (const EquityScoreBand *bands,
                        guint                  n_bands,
                        const char            *source)
{
  EquityScoreTable *self = g_new0 (EquityScoreTable, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->bands = g_array_sized_new (FALSE, FALSE, sizeof (EquityScoreBand), n_bands);
  g_array_append_vals (self->bands, bands, n_bands);
  self->source = g_strdup (source);
  return self;
}

EquityScoreTable *
equity_score_table_new_default (void)
{
  return equity_score_table_new (default_bands, G_N_ELEMENTS (default_bands), DEFAULT_SOURCE);
}

EquityScoreTable *
equity_score_table_ref (EquityScoreTable *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
equity_score_table_unref (EquityScoreTable *self)
{
  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->bands);
      g_free (self->source);
      g_free (self);
    }
}

guint
equity_score_table_get_n_bands (EquityScoreTable *self)
{
  return self->bands->len;
}

const EquityScoreBand *
equity_score_table_get_band (EquityScoreTable *self,
                             guint             index)
{
  g_return_val_if_fail (index < self->bands->len, NULL);
  return &g_array_index (self->bands, EquityScoreBand, index);
}

const char *
equity_score_table_get_source (EquityScoreTable *self)
{
  return self->source;
}

/* thousandths, so 1.005 is exactly 1005 and the floor below never slips */
static gint64
thousandths (double value)
{
  return (gint64) llround (value * 1000.0);
}

double
equity_score_table_score (EquityScoreTable *self,
                          double            ratio)
{
  gint64 r;
  const EquityScoreBand *band = NULL;
  gint64 start, step;
  double score;

  if (isnan (ratio))
    return NAN;
  /* the method reads R to three decimals */
  r = thousandths (ratio);
  for (guint i = 0; i < self->bands->len; i++)
    {
      const EquityScoreBand *candidate = &g_array_index (self->bands, EquityScoreBand, i);

      if (r < thousandths (candidate->start))
        break;
      band = candidate;
    }
  if (band == NULL)
    return 100;

  start = thousandths (band->start);
  step = thousandths (band->step);
  score = step > 0 ? band->first_score - (double) ((r - start) / step) : band->first_score;
  return CLAMP (score, 1, 100);
}

double
equity_score_percentage (double   percentage,
                         gboolean higher_is_worse)
{
  gint64 good;

  if (isnan (percentage))
    return NAN;
  good = thousandths (higher_is_worse ? 100.0 - percentage : percentage);
  /* rounded up: 48.4 % scores 49, as Oakland scored 51.6 % of curbs not accessible */
  return CLAMP ((double) ((good + 999) / 1000), 1, 100);
}

EquityScoreTable *
equity_project_dup_score_table (EquityProject  *project,
                                GError        **error)
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bands = g_array_new (FALSE, FALSE, sizeof (EquityScoreBand));
  g_autofree char *source = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);

  if (!_equity_project_read_score_bands (project, numbers, &source, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* an older project opened read-only, or a table emptied: the method's own */
      return equity_score_table_new_default ();
    }
  for (guint i = 0; i + 2 < numbers->len; i += 3)
    {
      EquityScoreBand band = {
        g_array_index (numbers, double, i),
        (int) g_array_index (numbers, double, i + 1),
        g_array_index (numbers, double, i + 2),
      };
      g_array_append_val (bands, band);
    }
  return equity_score_table_new ((const EquityScoreBand *) (gpointer) bands->data, bands->len, source);
}

gboolean
equity_project_set_score_table (EquityProject     *project,
                                EquityScoreTable  *table,
                                GError           **error)
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (double));

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), FALSE);

  for (guint i = 0; i < table->bands->len; i++)
    {
      const EquityScoreBand *band = &g_array_index (table->bands, EquityScoreBand, i);
      double triple[3] = { band->start, band->first_score, band->step };

      if (band->first_score < 1 || band->first_score > 100 || band->step < 0 || isnan (band->start))
        {
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                       _("Band %u of the score table: scores run from 1 to 100 and steps are 0 or more"), i + 1);
          return FALSE;
        }
      g_array_append_vals (numbers, triple, 3);
    }
  return _equity_project_write_score_bands (project, (const double *) (gpointer) numbers->data,
                                            table->bands->len, table->source, error);
}
