/* equity-indicators-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-indicators-page"

#include "config.h"

#include "equity-indicators-page.h"

struct _EquityIndicatorsPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (EquityIndicatorsPage, equity_indicators_page, ADW_TYPE_BIN)

static void
equity_indicators_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), EQUITY_TYPE_INDICATORS_PAGE);

  G_OBJECT_CLASS (equity_indicators_page_parent_class)->dispose (object);
}

static void
equity_indicators_page_class_init (EquityIndicatorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = equity_indicators_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/asheville/Equity/ui/equity-indicators-page.ui");
}

static void
equity_indicators_page_init (EquityIndicatorsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
equity_indicators_page_new (void)
{
  return g_object_new (EQUITY_TYPE_INDICATORS_PAGE, NULL);
}
