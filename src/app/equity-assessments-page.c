/* equity-assessments-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-assessments-page"

#include "config.h"

#include "equity-assessments-page.h"

struct _EquityAssessmentsPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (EquityAssessmentsPage, equity_assessments_page, ADW_TYPE_BIN)

static void
equity_assessments_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), EQUITY_TYPE_ASSESSMENTS_PAGE);

  G_OBJECT_CLASS (equity_assessments_page_parent_class)->dispose (object);
}

static void
equity_assessments_page_class_init (EquityAssessmentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = equity_assessments_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/asheville/Equity/ui/equity-assessments-page.ui");
}

static void
equity_assessments_page_init (EquityAssessmentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
equity_assessments_page_new (void)
{
  return g_object_new (EQUITY_TYPE_ASSESSMENTS_PAGE, NULL);
}
