/* equity-indicators-page.h — indicators with baselines, targets and trends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-core.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_INDICATORS_PAGE (equity_indicators_page_get_type ())
G_DECLARE_FINAL_TYPE (EquityIndicatorsPage, equity_indicators_page, EQUITY, INDICATORS_PAGE, AdwBin)

GtkWidget    *equity_indicators_page_new          (void);
void          equity_indicators_page_set_project  (EquityIndicatorsPage *self,
                                                   EquityProject        *project);
/* Evaluates every indicator again, in a worker (the page stays usable). */
void          equity_indicators_page_reload       (EquityIndicatorsPage *self);
/* TRUE while the indicators are being evaluated */
gboolean      equity_indicators_page_is_busy      (EquityIndicatorsPage *self);
/* the page's actions (indicators.*), for the window to insert */
GActionGroup *equity_indicators_page_get_actions  (EquityIndicatorsPage *self);
/* whether the window shows the page: its actions work only then */
void          equity_indicators_page_set_shown    (EquityIndicatorsPage *self,
                                                   gboolean              shown);

G_END_DECLS
