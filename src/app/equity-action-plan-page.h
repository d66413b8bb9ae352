/* equity-action-plan-page.h — the city-wide action plan: goals, numbered
 * actions, an editor that saves as you type, the change log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-core.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_ACTION_PLAN_PAGE (equity_action_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (EquityActionPlanPage, equity_action_plan_page, EQUITY, ACTION_PLAN_PAGE, AdwBin)

GtkWidget    *equity_action_plan_page_new         (void);
void          equity_action_plan_page_set_project (EquityActionPlanPage *self,
                                                   EquityProject        *project);
/* the page's actions (plan.*), for the window to insert */
GActionGroup *equity_action_plan_page_get_actions (EquityActionPlanPage *self);
/* whether the window shows the page: its actions work only then */
void          equity_action_plan_page_set_shown   (EquityActionPlanPage *self,
                                                   gboolean              shown);
/* TRUE while an edit waits for its save (the debounce) */
gboolean      equity_action_plan_page_has_pending (EquityActionPlanPage *self);
/* TRUE while the core's worker evaluates the linked indicators (the
 * off-track marks come when it answers) */
gboolean      equity_action_plan_page_is_checking (EquityActionPlanPage *self);
/* selects the action numbered NUMBER ("2.1"); FALSE when it is not listed */
gboolean      equity_action_plan_page_select      (EquityActionPlanPage *self,
                                                   const char           *number);

G_END_DECLS
