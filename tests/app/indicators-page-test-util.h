/* indicators-page-test-util.h — what the Indicators page's tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only: each test binary is one translation unit.
 */

#pragma once

#include "equity-indicators-page-private.h"
#include "explore-test-util.h"

static inline gboolean
page_idle (gpointer data)
{
  return !equity_indicators_page_is_busy (data);
}

static inline void
wait_for_indicators (EquityIndicatorsPage *page)
{
  g_assert_true (app_test_wait_until (page_idle, page, 120000));
  /* a few frames for the list and the chart to be drawn */
  app_test_wait (300);
}

static inline EquityIndicatorsPage *
show_indicators (EquityWindow *window)
{
  adw_view_stack_set_visible_child_name (window->view_stack, "indicators");
  wait_for_indicators (window->indicators_page);
  return window->indicators_page;
}

static inline void
close_indicators (EquityWindow *window)
{
  wait_for_indicators (window->indicators_page);
  close_window (window);
}

