/* equity-stats.c — the formulas: intervals, ratios, ACS margins, indices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-stats"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "equity-stats.h"

static void
estimate_clear (EquityEstimate *out)
{
  out->value = NAN;
  out->low = NAN;
  out->high = NAN;
}

int
equity_stats_compare_doubles (gconstpointer a,
                              gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static gboolean
valid_confidence (double confidence)
{
  return confidence > 0.0 && confidence < 1.0;
}

/* what a count or a population must be to divide by (FALSE for NAN) */
static gboolean
positive_finite (double x)
{
  return x > 0.0 && isfinite (x);
}

/* OUT's interval on the log scale: value × exp(±z·se) */
static void
set_log_interval (EquityEstimate *out,
                  double          z,
                  double          se)
{
  out->low = out->value * exp (-z * se);
  out->high = out->value * exp (z * se);
}

EquityStatsFlags
equity_stats_poisson_exact (double          count,
                            double          confidence,
                            EquityEstimate *out)
{
  double alpha = 1.0 - confidence;

  estimate_clear (out);
  if (!(count >= 0.0) || !isfinite (count) || !valid_confidence (confidence))
    return EQUITY_STATS_INVALID;

  /* the chi-square form: L = χ²(α/2; 2x)/2 = qgamma(α/2, x),
   *                      U = χ²(1−α/2; 2x+2)/2 = qgamma(1−α/2, x+1) */
  out->value = count;
  out->low = count > 0.0 ? equity_stats_gamma_quantile (alpha / 2.0, count) : 0.0;
  out->high = equity_stats_gamma_quantile (1.0 - alpha / 2.0, count + 1.0);
  return EQUITY_STATS_EXACT | (count == 0.0 ? EQUITY_STATS_ZERO_COUNT : 0);
}

EquityStatsFlags
equity_stats_poisson_byar (double          count,
                           double          confidence,
                           EquityEstimate *out)
{
  double z = equity_stats_z (confidence);
  double x1 = count + 1.0;

  estimate_clear (out);
  if (!positive_finite (count) || !valid_confidence (confidence))
    return EQUITY_STATS_INVALID;

  out->value = count;
  out->low = count * pow (1.0 - 1.0 / (9.0 * count) - z / (3.0 * sqrt (count)), 3.0);
  out->high = x1 * pow (1.0 - 1.0 / (9.0 * x1) + z / (3.0 * sqrt (x1)), 3.0);
  return EQUITY_STATS_OK;
}

EquityStatsFlags
equity_stats_poisson (double          count,
                      double          confidence,
                      EquityEstimate *out)
{
  if (count >= 10.0)
    return equity_stats_poisson_byar (count, confidence, out);
  return equity_stats_poisson_exact (count, confidence, out);
}

EquityStatsFlags
equity_stats_rate (double          count,
                   double          population,
                   double          per,
                   double          confidence,
                   EquityEstimate *out)
{
  EquityStatsFlags flags;
  double scale;

  estimate_clear (out);
  if (!positive_finite (population))
    return EQUITY_STATS_ZERO_DENOMINATOR | (count == 0.0 ? EQUITY_STATS_ZERO_COUNT : 0);

  flags = equity_stats_poisson (count, confidence, out);
  scale = per / population;
  out->value *= scale;
  out->low *= scale;
  out->high *= scale;
  return flags;
}

EquityStatsFlags
equity_stats_wilson (double          x,
                     double          n,
                     double          confidence,
                     EquityEstimate *out)
{
  double z = equity_stats_z (confidence);
  double z2 = z * z, centre, spread, denominator;

  estimate_clear (out);
  if (!positive_finite (n))
    return EQUITY_STATS_ZERO_DENOMINATOR;
  if (!(x >= 0.0) || x > n || !valid_confidence (confidence))
    return EQUITY_STATS_INVALID;

  centre = 2.0 * x + z2;
  spread = z * sqrt (z2 + 4.0 * x * (1.0 - x / n));
  denominator = 2.0 * (n + z2);
  out->value = x / n;
  out->low = MAX (0.0, (centre - spread) / denominator);
  out->high = MIN (1.0, (centre + spread) / denominator);
  return x == 0.0 ? EQUITY_STATS_ZERO_COUNT : EQUITY_STATS_OK;
}

/* (SE_P / P)², 0 for a population without a margin */
static double
relative_variance (double moe,
                   double population)
{
  double se;

  if (!isfinite (moe))
    return 0.0;
  se = moe / EQUITY_ACS_Z;
  return (se / population) * (se / population);
}

EquityStatsFlags
equity_stats_rate_ratio (double          a,
                         double          pop_a,
                         double          moe_pop_a,
                         double          b,
                         double          pop_b,
                         double          moe_pop_b,
                         double          confidence,
                         EquityEstimate *out)
{
  double alpha = 1.0 - confidence;
  double z = equity_stats_z (confidence);
  double base = pop_b / pop_a;

  estimate_clear (out);
  if (!positive_finite (pop_a) || !positive_finite (pop_b))
    return EQUITY_STATS_ZERO_DENOMINATOR;
  if (!(a >= 0.0) || !(b >= 0.0) || !valid_confidence (confidence))
    return EQUITY_STATS_INVALID;
  if (a == 0.0 && b == 0.0)
    return EQUITY_STATS_ZERO_COUNT;

  if (a > 0.0 && b > 0.0)
    {
      double se = sqrt (1.0 / a + 1.0 / b
                        + relative_variance (moe_pop_a, pop_a)
                        + relative_variance (moe_pop_b, pop_b));

      out->value = (a / pop_a) / (b / pop_b);
      set_log_interval (out, z, se);
      return EQUITY_STATS_OK;
    }

  /* One count is 0, so ln RR is undefined. Conditional on n = a + b, a is
   * Binomial(n, π) with π/(1 − π) = RR·P_a/P_b. The mid-p limits for π have a
   * closed form at the ends: ½(1 − π)ⁿ = α/2 and ½πⁿ = α/2. */
  if (a == 0.0)
    {
      out->value = 0.0;
      out->low = 0.0;
      out->high = (pow (alpha, -1.0 / b) - 1.0) * base;
      return EQUITY_STATS_ZERO_COUNT | EQUITY_STATS_MID_P;
    }
  out->value = NAN;
  out->low = base / (pow (alpha, -1.0 / a) - 1.0);
  out->high = NAN;
  return EQUITY_STATS_ZERO_COUNT | EQUITY_STATS_MID_P | EQUITY_STATS_UNBOUNDED;
}

EquityStatsFlags
equity_stats_rate_difference (double          a,
                              double          pop_a,
                              double          moe_pop_a,
                              double          b,
                              double          pop_b,
                              double          moe_pop_b,
                              double          per,
                              double          confidence,
                              EquityEstimate *out)
{
  double z = equity_stats_z (confidence);
  double rate_a, rate_b, variance, se;

  estimate_clear (out);
  if (!positive_finite (pop_a) || !positive_finite (pop_b))
    return EQUITY_STATS_ZERO_DENOMINATOR;
  if (!(a >= 0.0) || !(b >= 0.0) || !valid_confidence (confidence))
    return EQUITY_STATS_INVALID;

  rate_a = a / pop_a;
  rate_b = b / pop_b;
  /* Var(a/P) ≈ a/P² + (a/P)²·(SE_P/P)²: Poisson, plus the delta-method term */
  variance = a / (pop_a * pop_a) + b / (pop_b * pop_b)
             + rate_a * rate_a * relative_variance (moe_pop_a, pop_a)
             + rate_b * rate_b * relative_variance (moe_pop_b, pop_b);
  se = sqrt (variance) * per;
  out->value = (rate_a - rate_b) * per;
  out->low = out->value - z * se;
  out->high = out->value + z * se;
  return (a == 0.0 || b == 0.0) ? EQUITY_STATS_ZERO_COUNT : EQUITY_STATS_OK;
}

EquityStatsFlags
equity_stats_ratio_to_total (double          a,
                             double          pop,
                             double          se_pop,
                             double          total,
                             double          total_pop,
                             double          se_total_pop,
                             double          confidence,
                             EquityEstimate *out)
{
  double alpha = 1.0 - confidence;
  double z = equity_stats_z (confidence);
  double weight, variance;

  estimate_clear (out);
  if (!positive_finite (pop) || !positive_finite (total_pop))
    return EQUITY_STATS_ZERO_DENOMINATOR;
  if (!(a >= 0.0) || !(total >= a) || !valid_confidence (confidence))
    return EQUITY_STATS_INVALID;
  if (total == 0.0)
    return EQUITY_STATS_ZERO_COUNT | EQUITY_STATS_ZERO_DENOMINATOR;

  weight = pop / total_pop;
  out->value = (a / total) / weight;

  if (a == 0.0)
    {
      /* a ~ Binomial(A, π): mid-p upper limit ½(1 − π)^A = α/2 */
      out->low = 0.0;
      out->high = (1.0 - pow (alpha, 1.0 / total)) / weight;
      return EQUITY_STATS_ZERO_COUNT | EQUITY_STATS_MID_P;
    }
  if (a == total)
    {
      out->low = pow (alpha, 1.0 / total) / weight;
      out->high = 1.0 / weight;
      return EQUITY_STATS_MID_P;
    }

  /* ln(a/A): Var = 1/a + 1/A − 2·Cov = 1/a − 1/A since a is part of A.
   * ln(p/P) likewise: s_p²/p² + S²/P² − 2·s_p²/(p·P). */
  variance = 1.0 / a - 1.0 / total;
  if (isfinite (se_pop) && isfinite (se_total_pop))
    {
      double s2 = se_pop * se_pop;
      double pop_variance = s2 / (pop * pop) + se_total_pop * se_total_pop / (total_pop * total_pop)
                            - 2.0 * s2 / (pop * total_pop);
      variance += MAX (0.0, pop_variance);
    }
  set_log_interval (out, z, sqrt (variance));
  return EQUITY_STATS_OK;
}

double
equity_acs_moe_sum (const double *estimates,
                    const double *moes,
                    guint         n)
{
  double sum = 0.0, largest_zero = -1.0;

  for (guint i = 0; i < n; i++)
    {
      double moe = isfinite (moes[i]) ? fabs (moes[i]) : 0.0;

      /* the MOE of a zero estimate is the same for every cell of a table, so
       * adding each of them would count that one uncertainty many times */
      if (estimates[i] == 0.0)
        largest_zero = MAX (largest_zero, moe);
      else
        sum += moe * moe;
    }
  if (largest_zero >= 0.0)
    sum += largest_zero * largest_zero;
  return sqrt (sum);
}

double
equity_acs_moe_proportion (double            x,
                           double            moe_x,
                           double            y,
                           double            moe_y,
                           EquityStatsFlags *flags)
{
  EquityStatsFlags local = EQUITY_STATS_OK;
  double p, radicand, result;

  if (!positive_finite (y))
    {
      local = EQUITY_STATS_ZERO_DENOMINATOR;
      result = NAN;
    }
  else if (!isfinite (moe_x) || !isfinite (moe_y) || !isfinite (x))
    {
      local = EQUITY_STATS_MISSING_MOE;
      result = NAN;
    }
  else
    {
      p = x / y;
      radicand = moe_x * moe_x - p * p * moe_y * moe_y;
      /* a radicand ≤ 0 would give an impossible 0 (or imaginary) margin */
      if (radicand <= 0.0 && (moe_x != 0.0 || moe_y != 0.0))
        {
          radicand = moe_x * moe_x + p * p * moe_y * moe_y;
          local |= EQUITY_STATS_RATIO_FALLBACK;
        }
      result = sqrt (MAX (0.0, radicand)) / y;
    }
  if (flags != NULL)
    *flags |= local;
  return result;
}

double
equity_acs_moe_ratio (double x,
                      double moe_x,
                      double y,
                      double moe_y)
{
  double r;

  if (!positive_finite (y) || !isfinite (moe_x) || !isfinite (moe_y))
    return NAN;
  r = x / y;
  return sqrt (moe_x * moe_x + r * r * moe_y * moe_y) / y;
}

double
equity_acs_moe_product (double a,
                        double moe_a,
                        double b,
                        double moe_b)
{
  if (!isfinite (moe_a) || !isfinite (moe_b))
    return NAN;
  return sqrt (a * a * moe_b * moe_b + b * b * moe_a * moe_a);
}

double
equity_acs_cv (double estimate,
               double moe)
{
  if (!isfinite (estimate) || estimate == 0.0 || !isfinite (moe))
    return NAN;
  return (fabs (moe) / EQUITY_ACS_Z) / fabs (estimate) * 100.0;
}

const char *
equity_acs_reliability (double cv)
{
  /* an estimate whose error cannot be judged is not one to lean on */
  if (isnan (cv) || cv > EQUITY_ACS_CV_LOW)
    return "low";
  if (cv > EQUITY_ACS_CV_MEDIUM)
    return "medium";
  return "high";
}

double
equity_stats_dissimilarity (const double *a,
                            const double *b,
                            guint         n)
{
  double total_a = 0.0, total_b = 0.0, sum = 0.0;

  for (guint i = 0; i < n; i++)
    {
      total_a += a[i];
      total_b += b[i];
    }
  if (!(total_a > 0.0) || !(total_b > 0.0))
    return NAN;
  for (guint i = 0; i < n; i++)
    sum += fabs (a[i] / total_a - b[i] / total_b);
  return sum / 2.0;
}

double
equity_stats_index_of_disparity (const double *rates,
                                 guint         n,
                                 double        reference)
{
  double sum = 0.0;

  if (n == 0 || !positive_finite (reference))
    return NAN;
  for (guint i = 0; i < n; i++)
    sum += fabs (rates[i] - reference);
  return sum / n / reference * 100.0;
}

double
equity_stats_disparity_index (double utilization,
                              double availability)
{
  if (!(availability > 0.0) || !isfinite (utilization))
    return NAN;
  return utilization / availability * 100.0;
}

static int
compare_by_value (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const double *values = user_data;
  double x = values[*(const guint *) a], y = values[*(const guint *) b];

  return (x > y) - (x < y);
}

double
equity_stats_gini (const double *values,
                   const double *weights,
                   guint         n)
{
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  double total_weight = 0.0, total_amount = 0.0;
  double cumulative_amount = 0.0, gini = 1.0;
  guint used = 0;

  for (guint i = 0; i < n; i++)
    if (isfinite (values[i]) && weights[i] > 0.0)
      {
        order[used++] = i;
        total_weight += weights[i];
        total_amount += weights[i] * values[i];
      }
  if (used == 0 || !(total_amount > 0.0))
    return NAN;

  g_qsort_with_data (order, used, sizeof (guint), compare_by_value, (gpointer) values);
  for (guint k = 0; k < used; k++)
    {
      guint i = order[k];
      double previous = cumulative_amount;

      cumulative_amount += weights[i] * values[i] / total_amount;
      /* the trapezoid under the Lorenz curve over this slice of people */
      gini -= weights[i] / total_weight * (cumulative_amount + previous);
    }
  return gini;
}

EquityStatsFlags
equity_stats_mean (const double   *values,
                   gsize           n,
                   double          confidence,
                   EquityEstimate *out,
                   double         *sd)
{
  double mean = 0.0, m2 = 0.0, deviation, t;

  estimate_clear (out);
  if (sd != NULL)
    *sd = NAN;
  if (n == 0)
    return EQUITY_STATS_ZERO_DENOMINATOR;

  /* Welford's update: no catastrophic cancellation on large values */
  for (gsize i = 0; i < n; i++)
    {
      double delta = values[i] - mean;

      mean += delta / (i + 1);
      m2 += delta * (values[i] - mean);
    }
  out->value = mean;
  if (n < 2 || !valid_confidence (confidence))
    return EQUITY_STATS_OK;

  deviation = sqrt (m2 / (n - 1));
  if (sd != NULL)
    *sd = deviation;
  t = equity_stats_t_quantile (1.0 - (1.0 - confidence) / 2.0, n - 1);
  out->low = mean - t * deviation / sqrt (n);
  out->high = mean + t * deviation / sqrt (n);
  return EQUITY_STATS_OK;
}

EquityStatsFlags
equity_stats_median (const double   *sorted,
                     gsize           n,
                     double          confidence,
                     EquityEstimate *out)
{
  double alpha = 1.0 - confidence;
  gsize lo, hi;

  estimate_clear (out);
  if (n == 0)
    return EQUITY_STATS_ZERO_DENOMINATOR;

  out->value = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  if (!valid_confidence (confidence))
    return EQUITY_STATS_INVALID;

  /* [x_(j), x_(n−j+1)] covers the median with probability 1 − 2·P(B ≤ j − 1),
   * B ~ Binomial(n, ½); take the largest j that still covers 1 − α */
  if (2.0 * equity_stats_binomial_cdf (0, n, 0.5) > alpha)
    return EQUITY_STATS_OK;  /* too few values for any interval at this level */
  lo = 1;
  hi = (n + 1) / 2;
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo + 1) / 2;

      if (2.0 * equity_stats_binomial_cdf (mid - 1, n, 0.5) <= alpha)
        lo = mid;
      else
        hi = mid - 1;
    }
  out->low = sorted[lo - 1];
  out->high = sorted[n - lo];
  return EQUITY_STATS_OK;
}

const char *
equity_stats_reliability_label (const char *reliability)
{
  if (g_strcmp0 (reliability, "high") == 0)
    /* TRANSLATORS: reliability of an estimate */
    return C_("reliability", "high");
  if (g_strcmp0 (reliability, "medium") == 0)
    return C_("reliability", "medium");
  if (g_strcmp0 (reliability, "low") == 0)
    return C_("reliability", "low");
  return reliability;
}
