/* equity-explore-page.h — comparing rates between places and groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-core.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_EXPLORE_PAGE (equity_explore_page_get_type ())
G_DECLARE_FINAL_TYPE (EquityExplorePage, equity_explore_page, EQUITY, EXPLORE_PAGE, AdwBin)

GtkWidget           *equity_explore_page_new          (void);
void                 equity_explore_page_set_project  (EquityExplorePage   *self,
                                                       EquityProject       *project);
EquitySavedAnalysis *equity_explore_page_get_analysis (EquityExplorePage   *self);
void                 equity_explore_page_set_analysis (EquityExplorePage   *self,
                                                       EquitySavedAnalysis *analysis);
/* a readable name for an analysis kind such as "group-rates" */
const char          *equity_explore_page_kind_label   (const char          *kind);

G_END_DECLS
