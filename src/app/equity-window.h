/* equity-window.h — a project window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-core.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_WINDOW (equity_window_get_type ())
G_DECLARE_FINAL_TYPE (EquityWindow, equity_window, EQUITY, WINDOW, AdwApplicationWindow)

EquityWindow  *equity_window_new             (GtkApplication *application);
EquityProject *equity_window_get_project     (EquityWindow   *self);
/* Opens the project at PATH in this window, closing the one shown.
 * On failure the window is unchanged and an error dialog is shown. */
gboolean       equity_window_open_project    (EquityWindow   *self,
                                              const char     *path);
/* Opens the project at PATH in a worker while the window shows that it is
 * opening (see equity_window_is_loading()); errors as above. In a window
 * that shows a project already, this is equity_window_open_project(). */
void           equity_window_load_project    (EquityWindow   *self,
                                              const char     *path);
void           equity_window_close_project   (EquityWindow   *self);
/* the file choosers and the sample behind app.new, app.open, app.open-sample */
void           equity_window_choose_new_project (EquityWindow *self);
void           equity_window_choose_project  (EquityWindow   *self);
void           equity_window_open_sample     (EquityWindow   *self);
/* imports each file in turn into the open project */
void           equity_window_import_files    (EquityWindow   *self,
                                              GFile         **files,
                                              guint           n_files);
gboolean       equity_window_is_busy         (EquityWindow   *self);
/* TRUE while a project is being opened (or the sample made) for the window;
 * "notify::loading" when that ends */
gboolean       equity_window_is_loading      (EquityWindow   *self);

G_END_DECLS
