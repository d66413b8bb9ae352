/* indicators-page-test-util.h — what the Indicators page's tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only: each test binary is one translation unit.
 */

#pragma once

#include "equity-indicators-page-private.h"
#include "explore-test-util.h"

/* one year's ratio typed by hand, with its interval (NAN: none) */
typedef struct
{
  double value;
  double low;
  double high;
} TypedRatio;

/* An indicator of ratios typed by hand, one a year from FIRST_YEAR (its
 * baseline), under THEME and TOPIC, its source "Typed for this test". */
static inline EquityIndicator *
typed_indicator_new (const char       *name,
                     const char       *theme,
                     const char       *topic,
                     int               first_year,
                     const TypedRatio *ratios,
                     guint             n_ratios)
{
  EquityIndicator *indicator = equity_indicator_new (name);

  equity_indicator_set_theme (indicator, theme);
  equity_indicator_set_topic (indicator, topic);
  equity_indicator_set_source (indicator, "Typed for this test");
  for (guint i = 0; i < n_ratios; i++)
    {
      EquityIndicatorYear year;

      equity_indicator_year_init (&year, first_year + i);
      year.value = ratios[i].value;
      year.low = ratios[i].low;
      year.high = ratios[i].high;
      equity_indicator_set_value (indicator, &year);
    }
  equity_indicator_set_baseline_year (indicator, first_year);
  return indicator;
}

static inline gboolean
page_idle (gpointer data)
{
  return !equity_indicators_page_is_busy (data);
}

static inline void
wait_for_indicators (EquityIndicatorsPage *page)
{
  test_await (page_idle, page, "the indicators evaluated");
  /* the list and the chart laid out and drawn, when the page is shown (a
   * page behind another is not drawn) */
  if (gtk_widget_get_mapped (GTK_WIDGET (page)))
    app_test_settle (GTK_WIDGET (page));
}

static inline EquityIndicatorsPage *
show_indicators (EquityWindow *window)
{
  adw_view_stack_set_visible_child_name (window->view_stack, "indicators");
  wait_for_indicators (EQUITY_INDICATORS_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_INDICATORS)));
  return EQUITY_INDICATORS_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_INDICATORS));
}

static inline void
close_indicators (EquityWindow *window)
{
  wait_for_indicators (EQUITY_INDICATORS_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_INDICATORS)));
  close_window (window);
}

