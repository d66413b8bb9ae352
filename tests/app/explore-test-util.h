/* explore-test-util.h — what the Explore tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "app-test-util.h"
#include "equity-analysis-editor.h"
#include "equity-application.h"
#include "equity-chart-view.h"
#include "equity-core.h"
#include "equity-explore-page.h"
#include "equity-result-table.h"
#include "equity-row-picker.h"
#include "equity-window-private.h"

G_BEGIN_DECLS

#define ARRESTS   "Arrests by race, 2020–2021"
#define POVERTY   "Poverty by tract, Buncombe County"
#define CHARLOTTE "311 requests by neighborhood, Charlotte 2019"

extern EquityApplication *explore_test_app;

/* app_test_init, a registered application, and the sample project */
void                  explore_test_init      (int                *argc,
                                              char             ***argv);
/* runs the tests, then removes the sample; returns g_test_run's status */
int                   explore_test_run       (void);
/* where the sample and the tests' files are */
const char           *explore_test_get_dir   (void);

/* Runs the main loop until the page has computed what was asked. */
void                  wait_for_page          (EquityExplorePage  *page);
/* a copy of the sample named NAME.equity, so tests change no other's */
char                 *copy_sample            (const char         *name);
EquityWindow         *open_project           (const char         *path,
                                              int                 width,
                                              int                 height);
EquityWindow         *open_sample            (const char         *name,
                                              int                 width,
                                              int                 height);
/* waits for the page, destroys the window and checks it is finalized */
void                  close_window           (EquityWindow       *window);
/* what a click on the analysis in the sidebar does */
void                  open_analysis          (EquityWindow       *window,
                                              const char         *name);
EquityAnalysisEditor *get_editor             (EquityWindow       *window);
/* chooses in the editor as a person would, and waits for the result */
void                  choose                 (EquityWindow       *window,
                                              const char         *key,
                                              const char         *value);
EquityResultRow      *find_row               (EquityWindow       *window,
                                              const char         *label);
void                  assert_cell            (EquityWindow       *window,
                                              const char         *label,
                                              const char         *column,
                                              const char         *expected);
gboolean              find_point_over_row    (EquityChartView    *view,
                                              guint               row,
                                              double             *x,
                                              double             *y);
GtkEventController   *motion_controller      (GtkWidget          *widget);
guint                 row_index              (EquityResult       *result,
                                              const char         *label);
/* moves the pointer over the row's mark, found with the chart's hit test */
void                  hover_row              (EquityChartView    *view,
                                              EquityResult       *result,
                                              const char         *label);
void                  assert_magic           (const char         *path,
                                              const guint8       *magic,
                                              gsize               length);

G_END_DECLS
