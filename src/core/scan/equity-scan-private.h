/* equity-scan-private.h — what the scan's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-analysis.h"
#include "equity-scan.h"

G_BEGIN_DECLS

/* a measure to run: what the record keeps, and the spec to run it with */
typedef struct
{
  EquityScanMeasure *measure;
  EquityAnalysis    *analysis;
  char              *grouping;
} EquityScanJob;

void       _equity_scan_job_free       (EquityScanJob  *job);
/* every suitable measure of PROJECT (EquityScanJob); PROBLEMS gets a line
 * for each saved analysis that cannot be read */
GPtrArray *_equity_scan_find_measures  (EquityProject  *project,
                                        GPtrArray      *problems,
                                        GCancellable   *cancellable,
                                        GError        **error);

G_END_DECLS
