/* equity-scan-stats.c — the scan's statistics: the p-value of one
 * comparison, Benjamini–Hochberg, the ranking, funnel limits, and which
 * gaps are new or closed since the previous scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * docs/methods.md ("The environmental scan") states each rule with its source.
 */

#include "config.h"

#include <math.h>

#include "equity-scan.h"
#include "equity-stats.h"

double
equity_scan_poisson_p (double a,
                       double pop_a,
                       double b,
                       double pop_b)
{
  double n = a + b;
  double share, lower, upper;

  if (!(pop_a > 0.0) || !(pop_b > 0.0) || !(a >= 0.0) || !(b >= 0.0))
    return NAN;
  if (a != floor (a) || b != floor (b))
    return NAN;
  if (n == 0.0)
    return 1.0;

  /* Given a + b events, under equal rates the first group's count is
   * Binomial(a + b, pop_a / (pop_a + pop_b)): the exact conditional test.
   * Two-sided by doubling the smaller tail. */
  share = pop_a / (pop_a + pop_b);
  lower = equity_stats_binomial_cdf (a, n, share);
  upper = a > 0.0 ? 1.0 - equity_stats_binomial_cdf (a - 1.0, n, share) : 1.0;
  return MIN (1.0, 2.0 * MIN (lower, upper));
}

double
equity_scan_wald_p (double ratio,
                    double low,
                    double high,
                    double confidence)
{
  double se, z;

  if (!(ratio > 0.0) || !(low > 0.0) || !isfinite (high) || !(high > low))
    return NAN;
  /* the log interval is symmetric: its half-width is z·SE */
  se = (log (high) - log (low)) / (2.0 * equity_stats_z (confidence));
  z = fabs (log (ratio)) / se;
  return 2.0 * (1.0 - equity_stats_normal_cdf (z));
}

static int
compare_p (gconstpointer a,
           gconstpointer b,
           gpointer      data)
{
  const double *p = data;
  double pa = p[*(const guint *) a];
  double pb = p[*(const guint *) b];

  return (pa > pb) - (pa < pb);
}

void
equity_scan_adjust_bh (const double *p,
                       double       *adjusted,
                       guint         n)
{
  g_autofree guint *order = g_new (guint, n);
  double running = 1.0;

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_p, (gpointer) p);

  /* p_(i) · n / i, made monotone from the largest p down (as R's p.adjust "BH") */
  for (guint k = n; k > 0; k--)
    {
      guint index = order[k - 1];
      double value = p[index] * n / k;

      running = MIN (running, value);
      adjusted[index] = MIN (1.0, running);
    }
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const EquityScanGap *x = *(EquityScanGap * const *) a;
  const EquityScanGap *y = *(EquityScanGap * const *) b;
  double rx = isfinite (x->ratio) ? x->ratio : 0.0;
  double ry = isfinite (y->ratio) ? y->ratio : 0.0;
  /* the interval's near end: the smallest gap the data still support, so a
   * huge ratio on a handful of events does not outrank a sure large one */
  double lx = isfinite (x->ratio_low) ? x->ratio_low : rx;
  double ly = isfinite (y->ratio_low) ? y->ratio_low : ry;
  int c;

  if (x->significant != y->significant)
    return x->significant ? -1 : 1;
  if (lx != ly)
    return lx > ly ? -1 : 1;
  if (rx != ry)
    return rx > ry ? -1 : 1;
  if (x->p_adjusted != y->p_adjusted)
    return x->p_adjusted < y->p_adjusted ? -1 : 1;
  if ((c = g_strcmp0 (x->measure, y->measure)) != 0)
    return c;
  return g_strcmp0 (x->group, y->group);
}

void
equity_scan_rank (GPtrArray *gaps,
                  double     fdr)
{
  guint n = gaps->len;
  g_autofree double *p = g_new (double, n);
  g_autofree double *adjusted = g_new (double, n);

  for (guint i = 0; i < n; i++)
    p[i] = ((EquityScanGap *) g_ptr_array_index (gaps, i))->p;
  equity_scan_adjust_bh (p, adjusted, n);

  for (guint i = 0; i < n; i++)
    {
      EquityScanGap *gap = g_ptr_array_index (gaps, i);

      gap->p_adjusted = adjusted[i];
      gap->significant = adjusted[i] < fdr;
    }
  g_ptr_array_sort (gaps, compare_gaps);
  for (guint i = 0; i < n; i++)
    ((EquityScanGap *) g_ptr_array_index (gaps, i))->rank = i + 1;
}

void
equity_scan_funnel_limits (double  overall_rate,
                           double  population,
                           double  level,
                           double *low,
                           double *high)
{
  double expected = overall_rate * population;
  double tail = (1.0 - level) / 2.0;

  *low = *high = NAN;
  if (!(population > 0.0) || !(overall_rate >= 0.0))
    return;
  /* Exact Poisson limits for an observed count whose mean is EXPECTED, by
   * the gamma (chi-square) form of the Poisson tail: χ²(tail, 2E)/2 and
   * χ²(1 − tail, 2(E + 1))/2 (Spiegelhalter 2005; PHE funnel plot guide). */
  *low = expected > 0.0 ? equity_stats_gamma_quantile (tail, expected) / population : 0.0;
  *high = equity_stats_gamma_quantile (1.0 - tail, expected + 1.0) / population;
}

GPtrArray *
equity_scan_compare (EquityScanRecord *current,
                     EquityScanRecord *previous)
{
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) now = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *closed = g_ptr_array_new_with_free_func ((GDestroyNotify) equity_scan_gap_free);

  for (guint i = 0; previous != NULL && i < previous->gaps->len; i++)
    {
      EquityScanGap *gap = g_ptr_array_index (previous->gaps, i);
      if (gap->significant)
        g_hash_table_insert (before, equity_scan_gap_dup_key (gap), gap);
    }

  for (guint i = 0; i < current->gaps->len; i++)
    {
      EquityScanGap *gap = g_ptr_array_index (current->gaps, i);
      g_autofree char *key = equity_scan_gap_dup_key (gap);

      gap->change = EQUITY_SCAN_CHANGE_NONE;
      if (gap->significant)
        {
          if (previous != NULL)
            gap->change = g_hash_table_contains (before, key) ? EQUITY_SCAN_CHANGE_CONTINUING
                                                              : EQUITY_SCAN_CHANGE_NEW;
          g_hash_table_add (now, g_steal_pointer (&key));
        }
    }

  for (guint i = 0; previous != NULL && i < previous->gaps->len; i++)
    {
      EquityScanGap *gap = g_ptr_array_index (previous->gaps, i);
      g_autofree char *key = equity_scan_gap_dup_key (gap);
      EquityScanGap *copy;

      if (!gap->significant || g_hash_table_contains (now, key))
        continue;
      copy = equity_scan_gap_new ();
      *copy = *gap;
      copy->measure_id = g_strdup (gap->measure_id);
      copy->measure = g_strdup (gap->measure);
      copy->grouping = g_strdup (gap->grouping);
      copy->group = g_strdup (gap->group);
      copy->group_label = g_strdup (gap->group_label);
      copy->reference = g_strdup (gap->reference);
      copy->change = EQUITY_SCAN_CHANGE_CLOSED;
      g_ptr_array_add (closed, copy);
    }
  return closed;
}
