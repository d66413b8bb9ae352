/* equity-scan-page.h — the environmental scan: run it, read the ranked gaps
 * and the funnel plot, open a gap's analysis in Explore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-core.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_SCAN_PAGE (equity_scan_page_get_type ())
G_DECLARE_FINAL_TYPE (EquityScanPage, equity_scan_page, EQUITY, SCAN_PAGE, AdwBin)

GtkWidget  *equity_scan_page_new          (void);
/* shows PROJECT's latest stored scan (or the empty state); NULL clears */
void        equity_scan_page_set_project  (EquityScanPage *self,
                                           EquityProject  *project);
/* the scan shown, or NULL */
EquityScan *equity_scan_page_get_scan     (EquityScanPage *self);
gboolean    equity_scan_page_is_running   (EquityScanPage *self);

/* Signal ::open-measure (ANALYSIS, SPEC): a line was activated. ANALYSIS is
 * the saved analysis's name, or NULL for a measure the scan built, whose
 * key-file SPEC is then given to open unsaved. */

G_END_DECLS
