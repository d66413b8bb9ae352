/* equity-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EQUITY_TYPE_PREFERENCES_WINDOW (equity_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (EquityPreferencesWindow, equity_preferences_window, EQUITY, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *equity_preferences_window_new (GtkWindow *transient_for);

G_END_DECLS
