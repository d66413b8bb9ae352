/* equity-suppression.h — which figures of a result are hidden before it is
 * published, so that no small count can be read or worked out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-result.h"

G_BEGIN_DECLS

/* What a withheld figure reads as, in tables and workbooks */
#define EQUITY_MARKER_SUPPRESSED "[c]"

typedef enum
{
  EQUITY_SUPPRESSION_SHOWN,
  EQUITY_SUPPRESSION_PRIMARY,    /* a count from 1 to threshold − 1 */
  EQUITY_SUPPRESSION_SECONDARY,  /* hidden so a primary one cannot be had by subtraction */
} EquitySuppression;

/* Whether RESULT's counts are counts of people or events, which small-cell
 * rules protect (not dollars, not survey estimates). */
gboolean           equity_suppression_applies (EquityResult *result);

/* One state per row of RESULT. Counts from 1 to THRESHOLD − 1 are hidden
 * (zero is shown: a true zero reveals no one). Because a total or the shares
 * are published beside them, a lone hidden row, or hidden rows that add up to
 * less than THRESHOLD, would come back by subtraction: the next-smallest
 * shown non-zero rows are hidden too until neither holds. THRESHOLD 0 or 1
 * hides nothing. Free with g_free(). */
EquitySuppression *equity_suppression_decide  (EquityResult *result,
                                               guint         threshold,
                                               guint        *n_secondary);

/* Marks the rows of RESULT that equity_suppression_decide() hides only to
 * protect others (suppressed_secondary). */
void               equity_suppression_apply   (EquityResult *result,
                                               guint         threshold);

G_END_DECLS
