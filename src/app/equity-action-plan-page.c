/* equity-action-plan-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-action-plan-page"

#include "config.h"

#include "equity-action-plan-page.h"

struct _EquityActionPlanPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (EquityActionPlanPage, equity_action_plan_page, ADW_TYPE_BIN)

static void
equity_action_plan_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), EQUITY_TYPE_ACTION_PLAN_PAGE);

  G_OBJECT_CLASS (equity_action_plan_page_parent_class)->dispose (object);
}

static void
equity_action_plan_page_class_init (EquityActionPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = equity_action_plan_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/asheville/Equity/ui/equity-action-plan-page.ui");
}

static void
equity_action_plan_page_init (EquityActionPlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
equity_action_plan_page_new (void)
{
  return g_object_new (EQUITY_TYPE_ACTION_PLAN_PAGE, NULL);
}
