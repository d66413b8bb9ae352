/* equity-assessments-page.h — equity-lens assessments of programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EQUITY_TYPE_ASSESSMENTS_PAGE (equity_assessments_page_get_type ())
G_DECLARE_FINAL_TYPE (EquityAssessmentsPage, equity_assessments_page, EQUITY, ASSESSMENTS_PAGE, AdwBin)

GtkWidget *equity_assessments_page_new (void);

G_END_DECLS
