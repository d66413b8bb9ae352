/* equity-action-plan-log.c — the project's whole change log, shown and
 * exported for the Action Plan page through the shared change-log window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-action-plan-page"

#include "config.h"

#include "equity-action-plan-page-private.h"
#include "equity-change-log-window.h"

void
_equity_action_plan_log_show (EquityActionPlanPage *self)
{
  equity_change_log_window_present (GTK_WIDGET (self), self->project, NULL, 0, NULL);
}

void
_equity_action_plan_log_export (EquityActionPlanPage *self)
{
  equity_change_log_export (GTK_WIDGET (self), self->project, NULL, 0);
}
