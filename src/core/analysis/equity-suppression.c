/* equity-suppression.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule follows the practice FRAMEWORK-ANCHORS §5 cites (CMS: no cell may
 * show 1–10 nor let one be derived; Washington DOH: secondary suppression
 * so no hidden cell comes back by subtraction).
 */

#define G_LOG_DOMAIN "equity-analysis"

#include "config.h"

#include <math.h>

#include "equity-suppression.h"
#include "equity-analysis-fields.h"

gboolean
equity_suppression_applies (EquityResult *result)
{
  return equity_analysis_kind_has_flags (equity_result_get_kind (result), EQUITY_KIND_SUPPRESS);
}

static gboolean
is_small (double count,
          guint  threshold)
{
  return isfinite (count) && count >= 1.0 && count < (double) threshold;
}

EquitySuppression *
equity_suppression_decide (EquityResult *result,
                           guint         threshold,
                           guint        *n_secondary)
{
  guint n_rows = equity_result_get_n_rows (result);
  EquitySuppression *states = g_new0 (EquitySuppression, MAX (n_rows, 1));
  guint n_hidden = 0, added = 0;
  double hidden_sum = 0.0;

  if (n_secondary != NULL)
    *n_secondary = 0;
  if (threshold <= 1 || !equity_suppression_applies (result))
    return states;

  for (guint i = 0; i < n_rows; i++)
    {
      double count = equity_result_get_row (result, i)->count;

      if (is_small (count, threshold))
        {
          states[i] = EQUITY_SUPPRESSION_PRIMARY;
          n_hidden++;
          hidden_sum += count;
        }
    }

  /* complementary cells, smallest first, until the hidden ones can only be
   * had together and together they are no small count */
  while (n_hidden > 0 && (n_hidden == 1 || hidden_sum < threshold))
    {
      guint best = G_MAXUINT;

      for (guint i = 0; i < n_rows; i++)
        {
          double count = equity_result_get_row (result, i)->count;

          if (states[i] == EQUITY_SUPPRESSION_SHOWN && isfinite (count) && count > 0.0
              && (best == G_MAXUINT || count < equity_result_get_row (result, best)->count))
            best = i;
        }
      if (best == G_MAXUINT)
        break;
      states[best] = EQUITY_SUPPRESSION_SECONDARY;
      n_hidden++;
      added++;
      hidden_sum += equity_result_get_row (result, best)->count;
    }

  if (n_secondary != NULL)
    *n_secondary = added;
  return states;
}

void
equity_suppression_apply (EquityResult *result,
                          guint         threshold)
{
  g_autofree EquitySuppression *states = equity_suppression_decide (result, threshold, NULL);

  for (guint i = 0; i < equity_result_get_n_rows (result); i++)
    equity_result_get_row (result, i)->suppressed_secondary = states[i] == EQUITY_SUPPRESSION_SECONDARY;
}
