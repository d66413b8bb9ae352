/* app-test-util.h — helpers shared by the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-application.h"

/* the fixtures core and app tests share: scratch folders, data paths, the CLI */
#include "test-util.h"

G_BEGIN_DECLS

/* Pictures below this luminance variance are taken as blank. */
#define MIN_VARIANCE 20.0

/* gtk_test_init + adw_init + the app's icons and style sheet */
void        app_test_init           (int        *argc,
                                     char     ***argv);
/* runs what the main loop has ready (idle callbacks, results handed back by
 * a worker) until nothing is */
void        app_test_drain          (void);
/* waits until WIDGET's frame clock has laid out and drawn N_FRAMES frames */
void        app_test_wait_frames    (GtkWidget  *widget,
                                     guint       n_frames);
/* runs what is pending, waits until WIDGET is mapped with a size and no
 * stack, revealer, leaflet or flap in it is in transition, then for two
 * frames, so what it shows is laid out and drawn */
void        app_test_settle         (GtkWidget  *widget);
/* presents WINDOW and waits until it is mapped and drawn */
void        app_test_show_window    (GtkWindow  *window);
/* waits until a toplevel window of TYPE is shown and returns it */
GtkWindow  *app_test_await_toplevel (GType       type);
/* waits until no toplevel window of TYPE is shown */
void        app_test_await_no_toplevel (GType    type);
/* test_await conditions on an EquityWindow (DATA): it runs no job (an
 * import, an export)… */
gboolean    app_test_window_idle    (gpointer    window);
/* …its import dialog is shown and has read its file */
gboolean    app_test_import_dialog_ready (gpointer window);
/* waits until the caller holds the only reference to OBJECT, drops it and
 * checks that OBJECT is finalized */
void        app_test_await_finalize (gpointer    object);
/* destroys WINDOW (the caller's reference), waits until the caller's is the
 * only reference left and checks that it is finalized */
void        app_test_destroy_window (GtkWindow  *window);
/* renders WIDGET (settled first), saves it as NAME.png in the build folder,
 * returns the variance of its luminance (0 for a blank picture) */
double      app_test_render_png     (GtkWidget  *widget,
                                     const char *name);
/* The application as it runs (its actions, accels, style sheet and help
 * overlay), registered; not unique, so a running app is left alone. */
EquityApplication *app_test_register_app (void);
/* every setting back to its default, the window WIDTH × HEIGHT */
void        app_test_reset_settings (int         width,
                                     int         height);
/* runs the tests, then lets *APP go; returns g_test_run's status */
int         app_test_run            (EquityApplication **app);
/* the first visible toplevel window of TYPE, or NULL */
GtkWindow  *app_test_find_toplevel  (GType       type);
/* the visible labels under WIDGET in the order they are drawn, each
 * followed by "|" */
char       *app_test_dup_labels     (GtkWidget  *widget);
/* how many children WIDGET has (a list box's rows) */
guint       app_test_count_children (GtkWidget  *widget);
/* Writes DIR/service_requests.csv: N_ROWS made-up 311 requests (id,
 * neighborhood, category, days to close, date opened in 2022, cost with
 * every 13th missing); returns its path. */
char       *app_test_write_requests_csv (const char *dir,
                                         guint       n_rows);
/* Fires ACTION on WIDGET, which presents the change-log window; returns
 * it laid out, so that its rows can be read and drawn (slow under ASan),
 * and its list of entries in *LIST. */
GtkWindow  *app_test_open_change_log (GtkWidget   *widget,
                                      const char  *action,
                                      GtkWidget  **list);
/* the change log of one item (KIND, ID) of the project at PATH, read on a
 * connection of its own */
GPtrArray  *app_test_list_changes   (const char *path,
                                     const char *kind,
                                     gint64      id);

/* Whether WIDGET is the one looked for, as DATA describes it. */
typedef gboolean (*AppTestWidgetMatch) (GtkWidget     *widget,
                                        gconstpointer  data);
/* the first widget under ROOT (itself included, depth first) that MATCH
 * accepts with DATA, or NULL */
GtkWidget  *app_test_find_widget     (GtkWidget          *root,
                                      AppTestWidgetMatch  match,
                                      gconstpointer       data);
/* …the first of TYPE */
GtkWidget  *app_test_find_of_type    (GtkWidget          *root,
                                      GType               type);
/* …the first actionable (a button, a row) that fires ACTION */
GtkWidget  *app_test_find_actionable (GtkWidget          *root,
                                      const char         *action);
/* …the first button labelled LABEL */
GtkWidget  *app_test_find_button     (GtkWidget          *root,
                                      const char         *label);
/* …the first label whose text starts with PREFIX */
GtkWidget  *app_test_find_label      (GtkWidget          *root,
                                      const char         *prefix);

G_END_DECLS
