/* equity-stats-distributions.c — normal, gamma, beta, t and binomial, from first principles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No tables of magic coefficients: each quantile is a bracketed Newton
 * iteration on a distribution function that keeps its relative precision.
 */

#define G_LOG_DOMAIN "equity-stats"

#include "config.h"

#include <math.h>
#include <float.h>

#include "equity-stats.h"

/* Lentz's continued fractions need a floor that is "zero" without being 0 */
#define TINY 1e-300
#define EPS  1e-15
#define MAX_ITERATIONS 1000000

/* lgamma() writes the global signgam; the analyses run in worker threads */
static double
log_gamma (double x)
{
  int sign;

  return lgamma_r (x, &sign);
}

double
equity_stats_normal_cdf (double x)
{
  return 0.5 * erfc (-x / G_SQRT2);
}

/* The q > 0 whose upper tail ½·erfc(q/√2) is P (0 < P ≤ ½). erfc keeps its
 * relative precision far into the tail, so Newton's method on it reaches
 * full precision even for p = 1e-300; a bracket keeps every step honest. */
static double
upper_tail_quantile (double p)
{
  double lo = 0.0, hi = 40.0;
  double q = sqrt (-2.0 * log (p));

  if (!(q > lo && q < hi))
    q = 0.5 * (lo + hi);

  for (guint i = 0; i < 200; i++)
    {
      double f = 0.5 * erfc (q / G_SQRT2) - p;
      double density = exp (-0.5 * q * q) / sqrt (2.0 * G_PI);
      double next;

      if (f == 0.0)
        break;
      if (f > 0.0)
        lo = q;  /* tail still too heavy: q is too small */
      else
        hi = q;
      next = density > 0.0 ? q + f / density : NAN;
      if (!(next > lo && next < hi))
        next = 0.5 * (lo + hi);
      if (fabs (next - q) <= 4 * DBL_EPSILON * MAX (1.0, q))
        {
          q = next;
          break;
        }
      q = next;
    }
  return q;
}

double
equity_stats_normal_quantile (double p)
{
  if (isnan (p) || p < 0.0 || p > 1.0)
    return NAN;
  if (p == 0.0)
    return -INFINITY;
  if (p == 1.0)
    return INFINITY;
  if (p == 0.5)
    return 0.0;
  if (p < 0.5)
    return -upper_tail_quantile (p);
  return upper_tail_quantile (1.0 - p);
}

double
equity_stats_z (double confidence)
{
  if (!(confidence > 0.0 && confidence < 1.0))
    return NAN;
  return upper_tail_quantile ((1.0 - confidence) / 2.0);
}

/* x^a e^−x / Γ(a), the factor both expansions share */
static double
gamma_prefix (double a,
              double x)
{
  return exp (a * log (x) - x - log_gamma (a));
}

/* P(a, x) by its power series; converges quickly for x < a + 1 */
static double
gamma_series (double a,
              double x)
{
  double term = 1.0 / a, sum = term, ap = a;

  for (guint n = 0; n < MAX_ITERATIONS; n++)
    {
      ap += 1.0;
      term *= x / ap;
      sum += term;
      if (fabs (term) < fabs (sum) * EPS)
        break;
    }
  return sum * gamma_prefix (a, x);
}

/* Q(a, x) by its continued fraction (modified Lentz); for x ≥ a + 1 */
static double
gamma_fraction (double a,
                double x)
{
  double b = x + 1.0 - a, c = 1.0 / TINY, d = 1.0 / b, h = d;

  for (guint i = 1; i < MAX_ITERATIONS; i++)
    {
      double an = -(double) i * (i - a), delta;

      b += 2.0;
      d = an * d + b;
      if (fabs (d) < TINY)
        d = TINY;
      c = b + an / c;
      if (fabs (c) < TINY)
        c = TINY;
      d = 1.0 / d;
      delta = d * c;
      h *= delta;
      if (fabs (delta - 1.0) < EPS)
        break;
    }
  return gamma_prefix (a, x) * h;
}

double
equity_stats_gamma_p (double a,
                      double x)
{
  if (isnan (a) || isnan (x) || a <= 0.0)
    return NAN;
  if (x <= 0.0)
    return 0.0;
  if (isinf (x))
    return 1.0;
  return x < a + 1.0 ? gamma_series (a, x) : 1.0 - gamma_fraction (a, x);
}

double
equity_stats_gamma_q (double a,
                      double x)
{
  if (isnan (a) || isnan (x) || a <= 0.0)
    return NAN;
  if (x <= 0.0)
    return 1.0;
  if (isinf (x))
    return 0.0;
  return x < a + 1.0 ? 1.0 - gamma_series (a, x) : gamma_fraction (a, x);
}

/* An increasing function of x that is 0 at the quantile: the upper quantiles
 * are found on Q so that p = 0.999… keeps its precision. */
static double
gamma_root (double a,
            double x,
            double p)
{
  if (p > 0.5)
    return (1.0 - p) - equity_stats_gamma_q (a, x);
  return equity_stats_gamma_p (a, x) - p;
}

double
equity_stats_gamma_quantile (double p,
                             double a)
{
  double lo = 0.0, hi = MAX (1.0, a), x, z;

  if (isnan (p) || isnan (a) || a <= 0.0 || p < 0.0 || p > 1.0)
    return NAN;
  if (p == 0.0)
    return 0.0;
  if (p == 1.0)
    return INFINITY;

  while (gamma_root (a, hi, p) < 0.0)
    {
      lo = hi;
      hi *= 2.0;
      if (hi > 1e300)
        return INFINITY;
    }

  /* Wilson–Hilferty's cube-root normal approximation as the first guess */
  z = equity_stats_normal_quantile (p);
  x = a * pow (1.0 - 1.0 / (9.0 * a) + z / (3.0 * sqrt (a)), 3.0);
  if (!(x > lo && x < hi))
    x = 0.5 * (lo + hi);

  for (guint i = 0; i < 400; i++)
    {
      double f = gamma_root (a, x, p);
      double density = exp ((a - 1.0) * log (x) - x - log_gamma (a));
      double next;

      if (f == 0.0)
        break;
      if (f < 0.0)
        lo = x;
      else
        hi = x;
      next = density > 0.0 && isfinite (density) ? x - f / density : NAN;
      if (!(next > lo && next < hi))
        next = 0.5 * (lo + hi);
      if (fabs (next - x) <= 4 * DBL_EPSILON * x || hi - lo <= 4 * DBL_EPSILON * hi)
        {
          x = next;
          break;
        }
      x = next;
    }
  return x;
}

double
equity_stats_chisq_quantile (double p,
                             double df)
{
  return 2.0 * equity_stats_gamma_quantile (p, df / 2.0);
}

/* the continued fraction of I_x(a, b) (modified Lentz); for x < (a+1)/(a+b+2) */
static double
beta_fraction (double x,
               double a,
               double b)
{
  double qab = a + b, qap = a + 1.0, qam = a - 1.0;
  double c = 1.0, d = 1.0 - qab * x / qap, h;

  if (fabs (d) < TINY)
    d = TINY;
  d = 1.0 / d;
  h = d;
  for (guint m = 1; m < MAX_ITERATIONS; m++)
    {
      double m2 = 2.0 * m, aa, delta;

      aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1.0 + aa * d;
      if (fabs (d) < TINY)
        d = TINY;
      c = 1.0 + aa / c;
      if (fabs (c) < TINY)
        c = TINY;
      d = 1.0 / d;
      h *= d * c;

      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1.0 + aa * d;
      if (fabs (d) < TINY)
        d = TINY;
      c = 1.0 + aa / c;
      if (fabs (c) < TINY)
        c = TINY;
      d = 1.0 / d;
      delta = d * c;
      h *= delta;
      if (fabs (delta - 1.0) < EPS)
        break;
    }
  return h;
}

double
equity_stats_beta_inc (double x,
                       double a,
                       double b)
{
  double front;

  if (isnan (x) || !(a > 0.0) || !(b > 0.0))
    return NAN;
  if (x <= 0.0)
    return 0.0;
  if (x >= 1.0)
    return 1.0;

  front = exp (log_gamma (a + b) - log_gamma (a) - log_gamma (b)
               + a * log (x) + b * log1p (-x));
  if (x < (a + 1.0) / (a + b + 2.0))
    return front * beta_fraction (x, a, b) / a;
  return 1.0 - front * beta_fraction (1.0 - x, b, a) / b;
}

double
equity_stats_t_cdf (double t,
                    double df)
{
  double tail;

  if (isnan (t) || !(df > 0.0))
    return NAN;
  if (isinf (t))
    return t > 0 ? 1.0 : 0.0;
  tail = 0.5 * equity_stats_beta_inc (df / (df + t * t), df / 2.0, 0.5);
  return t > 0.0 ? 1.0 - tail : tail;
}

double
equity_stats_t_quantile (double p,
                         double df)
{
  double lo = 0.0, hi = 2.0, t, log_norm;

  if (isnan (p) || !(df > 0.0) || p < 0.0 || p > 1.0)
    return NAN;
  if (p == 0.0)
    return -INFINITY;
  if (p == 1.0)
    return INFINITY;
  if (p == 0.5)
    return 0.0;
  if (p < 0.5)
    return -equity_stats_t_quantile (1.0 - p, df);

  while (equity_stats_t_cdf (hi, df) < p)
    {
      lo = hi;
      hi *= 2.0;
      if (hi > 1e300)
        return INFINITY;
    }

  log_norm = log_gamma ((df + 1.0) / 2.0) - log_gamma (df / 2.0) - 0.5 * log (df * G_PI);
  t = equity_stats_normal_quantile (p);
  if (!(t > lo && t < hi))
    t = 0.5 * (lo + hi);
  for (guint i = 0; i < 400; i++)
    {
      double f = equity_stats_t_cdf (t, df) - p;
      double density = exp (log_norm - (df + 1.0) / 2.0 * log1p (t * t / df));
      double next;

      if (f == 0.0)
        break;
      if (f < 0.0)
        lo = t;
      else
        hi = t;
      next = density > 0.0 ? t - f / density : NAN;
      if (!(next > lo && next < hi))
        next = 0.5 * (lo + hi);
      if (fabs (next - t) <= 4 * DBL_EPSILON * t || hi - lo <= 4 * DBL_EPSILON * hi)
        {
          t = next;
          break;
        }
      t = next;
    }
  return t;
}

double
equity_stats_binomial_cdf (double k,
                           double n,
                           double p)
{
  k = floor (k);
  if (isnan (k) || isnan (n) || isnan (p) || n < 0 || p < 0.0 || p > 1.0)
    return NAN;
  if (k < 0.0)
    return 0.0;
  if (k >= n)
    return 1.0;
  if (p == 0.0)
    return 1.0;
  if (p == 1.0)
    return 0.0;
  /* P(X ≤ k) = I_{1−p}(n − k, k + 1) */
  return equity_stats_beta_inc (1.0 - p, n - k, k + 1.0);
}
