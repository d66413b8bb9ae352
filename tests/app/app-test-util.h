/* app-test-util.h — helpers shared by the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

/* the fixtures core and app tests share: scratch folders, data paths, the CLI */
#include "test-util.h"

G_BEGIN_DECLS

/* gtk_test_init + adw_init + the app's icons and style sheet */
void        app_test_init           (int        *argc,
                                     char     ***argv);
/* runs the main loop for MS milliseconds */
void        app_test_wait           (guint       ms);
/* runs the main loop until CONDITION (checked every 20 ms) or TIMEOUT_MS */
gboolean    app_test_wait_until     (gboolean  (*condition) (gpointer data),
                                     gpointer    data,
                                     guint       timeout_ms);
/* presents WINDOW and waits until it is mapped and drawn */
void        app_test_show_window    (GtkWindow  *window);
/* renders WIDGET, saves it as NAME.png in the build folder, returns the
 * variance of its luminance (0 for a blank picture) */
double      app_test_render_png     (GtkWidget  *widget,
                                     const char *name);

G_END_DECLS
