/* equity-startup-clock.h — how long the window took to appear, measured from
 * the start of the process (the window benchmark, bench/cases/window.sh)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* the environment variable that turns the report on: the app prints when
 * each step of its start-up finished, then "first_frame_s=… loaded_s=…" on
 * standard output (the first frame painted; the first painted with the
 * project open, the same when it was open in time), and quits */
#define EQUITY_STARTUP_REPORT_ENV "EQUITY_STARTUP_REPORT"

/* …and with this one set to a folder, it saves the window as it was drawn
 * then into first-frame.png and loaded.png there */
#define EQUITY_STARTUP_PICTURES_ENV "EQUITY_STARTUP_PICTURES"

typedef void (*EquityFirstFrameFunc) (GtkWidget *window,
                                      gpointer   user_data);

gboolean equity_startup_report_enabled     (void);
/* seconds since the kernel started this process (not since main()) */
double   equity_startup_clock_seconds      (void);
/* with the report on, prints "startup: SECONDS (main thread CPU …) WHAT" on
 * standard error */
void     equity_startup_mark               (const char          *what);
/* saves WINDOW's picture as NAME.png in EQUITY_STARTUP_PICTURES, if set */
void     equity_startup_save_picture       (GtkWidget           *window,
                                            const char          *name);
/* calls FUNC once, right after WINDOW painted its next frame (its first,
 * when it is not realized yet) */
void     equity_startup_on_next_frame      (GtkWidget           *window,
                                            EquityFirstFrameFunc func,
                                            gpointer             user_data);

G_END_DECLS
