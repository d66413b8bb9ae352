/* equity-indicators-page.h — indicators with baselines, targets and trends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EQUITY_TYPE_INDICATORS_PAGE (equity_indicators_page_get_type ())
G_DECLARE_FINAL_TYPE (EquityIndicatorsPage, equity_indicators_page, EQUITY, INDICATORS_PAGE, AdwBin)

GtkWidget *equity_indicators_page_new (void);

G_END_DECLS
