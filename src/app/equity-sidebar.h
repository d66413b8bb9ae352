/* equity-sidebar.h — the project's datasets and saved analyses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-core.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_SIDEBAR (equity_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (EquitySidebar, equity_sidebar, EQUITY, SIDEBAR, AdwBin)

GtkWidget     *equity_sidebar_new                  (void);
EquityProject *equity_sidebar_get_project          (EquitySidebar *self);
void           equity_sidebar_set_project          (EquitySidebar *self,
                                                    EquityProject *project);
/* Rows are opened by activation (a click, Enter), never by the focus
 * passing over them; the row opened stays selected. */
/* opens the dataset with that id, as a click on it does; FALSE if it is
 * not listed */
gboolean       equity_sidebar_select_dataset       (EquitySidebar *self,
                                                    gint64         dataset_id);
void           equity_sidebar_select_first_dataset (EquitySidebar *self);
/* Marks the analysis NAME as the one shown (NULL: none), without emitting
 * ::analysis-selected. */
void           equity_sidebar_mark_analysis        (EquitySidebar *self,
                                                    const char    *name);
/* rows shown in the "Datasets" and "Analyses" sections (for tests) */
guint          equity_sidebar_get_n_dataset_rows   (EquitySidebar *self);
guint          equity_sidebar_get_n_analysis_rows  (EquitySidebar *self);

G_END_DECLS
