/* equity-action-plan-page.h — the city-wide action plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EQUITY_TYPE_ACTION_PLAN_PAGE (equity_action_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (EquityActionPlanPage, equity_action_plan_page, EQUITY, ACTION_PLAN_PAGE, AdwBin)

GtkWidget *equity_action_plan_page_new (void);

G_END_DECLS
