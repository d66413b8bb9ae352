/* equity-chart-view.h — a widget that draws an EquityChart in the theme's
 * colours and names the row under the pointer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "equity-core.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_CHART_VIEW (equity_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (EquityChartView, equity_chart_view, EQUITY, CHART_VIEW, GtkWidget)

GtkWidget   *equity_chart_view_new             (void);
EquityChart *equity_chart_view_get_chart       (EquityChartView *self);
/* The view draws CHART in the theme's colours while it shows it. */
void         equity_chart_view_set_chart       (EquityChartView *self,
                                                EquityChart     *chart);
/* Draws the chart again after its kind or style changed, and tells
 * assistive technologies what it now shows. */
void         equity_chart_view_refresh         (EquityChartView *self);
/* the row under the pointer, or -1 */
int          equity_chart_view_get_hovered_row (EquityChartView *self);
/* "4,452 arrests, 9,938 residents, 448.0 per 1,000 (435–461), …" for the
 * row under the pointer, or NULL */
const char  *equity_chart_view_get_hover_text  (EquityChartView *self);
/* Fills STYLE from the widget's theme (light or dark). */
void         equity_chart_view_get_style       (EquityChartView  *self,
                                                EquityChartStyle *style);

G_END_DECLS
