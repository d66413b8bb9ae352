/* equity-stats-distributions.c — normal, gamma, beta, t and binomial
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The functions come from the GNU Scientific Library, whose special
 * functions are tested far beyond what a project of our size could do; this
 * file only fixes what our callers expect at the edges (NAN for input that
 * makes no sense, the limits at 0 and 1, and upper quantiles taken from the
 * upper tail so p = 0.999… keeps its precision).
 */

#define G_LOG_DOMAIN "equity-stats"

#include "config.h"

#include <math.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>

#include "equity-stats.h"

/* GSL aborts the process on a domain or underflow error unless told not
 * to; every input is checked here first, and a result GSL cannot give
 * becomes NAN rather than a crash. */
static void
ensure_gsl_quiet (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      gsl_set_error_handler_off ();
      g_once_init_leave (&initialized, 1);
    }
}

double
equity_stats_normal_cdf (double x)
{
  if (isnan (x))
    return NAN;
  return gsl_cdf_ugaussian_P (x);
}

/* The quantiles of a distribution symmetric about 0 that need no search:
 * NAN outside [0, 1] (and for NAN), ∓∞ at the ends, 0 at the middle. */
static gboolean
symmetric_quantile_edge (double  p,
                         double *value)
{
  if (isnan (p) || p < 0.0 || p > 1.0)
    *value = NAN;
  else if (p == 0.0)
    *value = -INFINITY;
  else if (p == 1.0)
    *value = INFINITY;
  else if (p == 0.5)
    *value = 0.0;
  else
    return FALSE;
  return TRUE;
}

double
equity_stats_normal_quantile (double p)
{
  double edge;

  if (symmetric_quantile_edge (p, &edge))
    return edge;
  /* from the nearer tail, where the distribution keeps its precision */
  if (p < 0.5)
    return -gsl_cdf_ugaussian_Qinv (p);
  return gsl_cdf_ugaussian_Qinv (1.0 - p);
}

double
equity_stats_z (double confidence)
{
  if (!(confidence > 0.0 && confidence < 1.0))
    return NAN;
  return gsl_cdf_ugaussian_Qinv ((1.0 - confidence) / 2.0);
}

/* a special function's value, NAN when GSL failed without a usable one
 * (an underflow still leaves a usable 0) */
static double
sf_value (int                  status,
          const gsl_sf_result *result)
{
  if (status != GSL_SUCCESS && !(isfinite (result->val) && result->val >= 0.0))
    return NAN;
  return result->val;
}

static double
gamma_inc (double   a,
           double   x,
           gboolean upper)
{
  gsl_sf_result result;

  ensure_gsl_quiet ();
  if (isnan (a) || isnan (x) || a <= 0.0)
    return NAN;
  if (x <= 0.0)
    return upper ? 1.0 : 0.0;
  if (isinf (x))
    return upper ? 0.0 : 1.0;
  return sf_value (upper ? gsl_sf_gamma_inc_Q_e (a, x, &result) : gsl_sf_gamma_inc_P_e (a, x, &result),
                   &result);
}

double
equity_stats_gamma_p (double a,
                      double x)
{
  return gamma_inc (a, x, FALSE);
}

double
equity_stats_gamma_q (double a,
                      double x)
{
  return gamma_inc (a, x, TRUE);
}

double
equity_stats_gamma_quantile (double p,
                             double a)
{
  ensure_gsl_quiet ();
  if (isnan (p) || isnan (a) || a <= 0.0 || p < 0.0 || p > 1.0)
    return NAN;
  if (p == 0.0)
    return 0.0;
  if (p == 1.0)
    return INFINITY;
  if (p > 0.5)
    return gsl_cdf_gamma_Qinv (1.0 - p, a, 1.0);
  return gsl_cdf_gamma_Pinv (p, a, 1.0);
}

double
equity_stats_chisq_quantile (double p,
                             double df)
{
  return 2.0 * equity_stats_gamma_quantile (p, df / 2.0);
}

double
equity_stats_beta_inc (double x,
                       double a,
                       double b)
{
  gsl_sf_result result;

  ensure_gsl_quiet ();
  if (isnan (x) || !(a > 0.0) || !(b > 0.0))
    return NAN;
  if (x <= 0.0)
    return 0.0;
  if (x >= 1.0)
    return 1.0;
  return sf_value (gsl_sf_beta_inc_e (a, b, x, &result), &result);
}

double
equity_stats_t_cdf (double t,
                    double df)
{
  ensure_gsl_quiet ();
  if (isnan (t) || !(df > 0.0))
    return NAN;
  if (isinf (t))
    return t > 0 ? 1.0 : 0.0;
  return gsl_cdf_tdist_P (t, df);
}

double
equity_stats_t_quantile (double p,
                         double df)
{
  double edge;

  ensure_gsl_quiet ();
  if (!(df > 0.0))
    return NAN;
  if (symmetric_quantile_edge (p, &edge))
    return edge;
  if (p < 0.5)
    return -gsl_cdf_tdist_Qinv (p, df);
  return gsl_cdf_tdist_Qinv (1.0 - p, df);
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
  /* P(X ≤ k) = I_{1−p}(n − k, k + 1): no limit on n, unlike gsl_cdf_binomial_P's unsigned int */
  return equity_stats_beta_inc (1.0 - p, n - k, k + 1.0);
}
