/* equity-indicator-dialog.h — create or edit an indicator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-core.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_INDICATOR_DIALOG (equity_indicator_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EquityIndicatorDialog, equity_indicator_dialog, EQUITY, INDICATOR_DIALOG, AdwWindow)

/* A dialog that creates an indicator in PROJECT (ID 0) or edits the
 * indicator ID; NULL with ERROR when that one cannot be read. Emits
 * ::saved (gint64 id) once it is saved, then closes. */
GtkWindow *equity_indicator_dialog_new (GtkWindow     *parent,
                                        EquityProject *project,
                                        gint64         id,
                                        GError       **error);

G_END_DECLS
