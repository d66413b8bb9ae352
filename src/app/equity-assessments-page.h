/* equity-assessments-page.h — equity-lens assessments of programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-core.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_ASSESSMENTS_PAGE (equity_assessments_page_get_type ())
G_DECLARE_FINAL_TYPE (EquityAssessmentsPage, equity_assessments_page, EQUITY, ASSESSMENTS_PAGE, AdwBin)

GtkWidget    *equity_assessments_page_new         (void);
/* saves what was typed in the old project, then lists PROJECT's */
void          equity_assessments_page_set_project (EquityAssessmentsPage *self,
                                                   EquityProject         *project);
/* saves every answer typed and not yet saved (before the window closes) */
void          equity_assessments_page_flush       (EquityAssessmentsPage *self);
void          equity_assessments_page_set_shown   (EquityAssessmentsPage *self,
                                                   gboolean               shown);
GActionGroup *equity_assessments_page_get_actions (EquityAssessmentsPage *self);

G_END_DECLS
