/* assessments-test-util.h — what the Assessments page's tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only: each test binary is one translation unit.
 */

#pragma once

#include "equity-assessments-page-private.h"
#include "explore-test-util.h"

#define SAMPLE_TITLE "Summer hours at city pools"

static inline EquityAssessmentsPage *
show_assessments (EquityWindow *window)
{
  adw_view_stack_set_visible_child_name (window->view_stack, "assessments");
  /* shown, laid out, and bound to the project on its first show */
  app_test_settle (GTK_WIDGET (EQUITY_ASSESSMENTS_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_ASSESSMENTS))));
  return EQUITY_ASSESSMENTS_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_ASSESSMENTS));
}

/* the list's row of the assessment called TITLE, or NULL */
static inline GtkListBoxRow *
find_assessment_row (EquityAssessmentsPage *page,
                     const char            *title)
{
  GtkListBox *list = _equity_assessments_page_get_list_box (page);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      EquityAssessment *assessment = g_object_get_data (G_OBJECT (row), "assessment");

      if (assessment != NULL && g_strcmp0 (assessment->title, title) == 0)
        return GTK_LIST_BOX_ROW (row);
    }
  return NULL;
}

/* selects the assessment called TITLE in the list */
static inline void
select_assessment (EquityAssessmentsPage *page,
                   const char            *title)
{
  GtkListBoxRow *row = find_assessment_row (page, title);

  g_assert_nonnull (row);
  gtk_list_box_select_row (_equity_assessments_page_get_list_box (page), row);
}
