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
#include "equity-value-parse.h"

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

/* What is wrong with BAND, the INDEX-th (0-based) after PREVIOUS (NULL for
 * the first), or NULL; *COLUMN gets the CSV column (1 start, 2 first score,
 * 3 step) the problem lies in. */
static char *
dup_band_problem (const EquityScoreBand *band,
                  const EquityScoreBand *previous,
                  guint                 *column)
{
  g_autofree char *start = g_strdup_printf ("%.3f", band->start);

  *column = 1;
  if (previous == NULL && thousandths (band->start) != 1000)
    return g_strdup_printf (_("the first band starts at %s; expected 1.000 (ratios below it score 100)"), start);
  if (previous != NULL && thousandths (band->start) <= thousandths (previous->start))
    return g_strdup_printf (_("the band starts at %s; expected a ratio above the band before’s %.3f"),
                            start, previous->start);
  *column = 2;
  if (band->first_score < 1 || band->first_score > 100)
    return g_strdup_printf (_("the first score is %d; expected a whole score from 1 to 100"), band->first_score);
  *column = 3;
  if (!(band->step >= 0))
    return g_strdup_printf (_("the step is %g; expected 0 (one score for the whole band) or more"), band->step);
  return NULL;
}

gboolean
equity_score_table_validate (EquityScoreTable  *self,
                             GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->bands->len == 0)
    {
      g_set_error_literal (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                           _("The score table has no bands; expected at least one, starting at 1.000"));
      return FALSE;
    }
  for (guint i = 0; i < self->bands->len; i++)
    {
      guint column;
      g_autofree char *problem = dup_band_problem (&g_array_index (self->bands, EquityScoreBand, i),
                                                   i > 0 ? &g_array_index (self->bands, EquityScoreBand, i - 1) : NULL,
                                                   &column);

      if (problem != NULL)
        {
          /* Translators: "Band 2: the first score is 120; expected …" */
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID, _("Band %u: %s"), i + 1, problem);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
equity_score_table_is_published (EquityScoreTable *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->bands->len != G_N_ELEMENTS (default_bands))
    return FALSE;
  for (guint i = 0; i < self->bands->len; i++)
    {
      const EquityScoreBand *band = &g_array_index (self->bands, EquityScoreBand, i);

      if (thousandths (band->start) != thousandths (default_bands[i].start)
          || band->first_score != default_bands[i].first_score
          || thousandths (band->step) != thousandths (default_bands[i].step))
        return FALSE;
    }
  return TRUE;
}

char *
equity_score_table_dup_source_label (EquityScoreTable *self)
{
  const char *source;

  g_return_val_if_fail (self != NULL, NULL);

  source = self->source != NULL && self->source[0] != '\0' ? self->source : _("no source given");
  if (equity_score_table_is_published (self))
    return g_strdup (source);
  /* Translators: the source of a ratio-to-score table whose bands differ from the published one */
  return g_strdup_printf (_("%s (edited)"), source);
}

EquityScoreTable *
equity_score_table_new_from_csv (const char  *path,
                                 const char  *source,
                                 GError     **error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) bands = g_array_new (FALSE, FALSE, sizeof (EquityScoreBand));
  g_autoptr(GError) local_error = NULL;
  g_autoptr(EquityScoreTable) table = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  lines = _equity_csv_read_lines (path, error);
  if (lines == NULL)
    return NULL;
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) cells = NULL;
      EquityScoreBand band;
      double numbers[3];
      gint64 score;
      guint column;
      g_autofree char *problem = NULL;

      cells = _equity_csv_split_line (lines[l]);
      if (cells == NULL)
        continue;
      for (guint c = 0; cells[c] != NULL; c++)
        g_strstrip (cells[c]);
      if (!equity_parse_number (cells[0], &numbers[0]))
        {
          if (bands->len == 0 && l == 0)
            continue;   /* a header line */
          _equity_csv_error (error, path, l + 1, 1, _("expected a ratio such as 1.005"));
          return NULL;
        }
      if (g_strv_length (cells) != 3)
        {
          _equity_csv_error (error, path, l + 1, MIN (g_strv_length (cells), 3) + 1,
                             _("expected three values: start,first_score,step"));
          return NULL;
        }
      if (!equity_parse_integer (cells[1], &score))
        {
          _equity_csv_error (error, path, l + 1, 2, _("expected a whole score from 1 to 100"));
          return NULL;
        }
      if (!equity_parse_number (cells[2], &numbers[2]))
        {
          _equity_csv_error (error, path, l + 1, 3, _("expected a step such as 0.025 (0 for none)"));
          return NULL;
        }
      band.start = numbers[0];
      band.first_score = (int) CLAMP (score, G_MININT, G_MAXINT);
      band.step = numbers[2];
      problem = dup_band_problem (&band, bands->len > 0 ? &g_array_index (bands, EquityScoreBand, bands->len - 1) : NULL,
                                  &column);
      if (problem != NULL)
        {
          _equity_csv_error (error, path, l + 1, column, problem);
          return NULL;
        }
      g_array_append_val (bands, band);
    }
  table = equity_score_table_new ((const EquityScoreBand *) (gpointer) bands->data, bands->len, source);
  if (!equity_score_table_validate (table, &local_error))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID, "%s: %s", name, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&table);
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

  if (!equity_score_table_validate (table, error))
    return FALSE;
  for (guint i = 0; i < table->bands->len; i++)
    {
      const EquityScoreBand *band = &g_array_index (table->bands, EquityScoreBand, i);
      double triple[3] = { band->start, band->first_score, band->step };

      g_array_append_vals (numbers, triple, 3);
    }
  return _equity_project_write_score_bands (project, (const double *) (gpointer) numbers->data,
                                            table->bands->len, table->source, error);
}
