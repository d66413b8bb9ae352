/* equity-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EQUITY_TYPE_APPLICATION (equity_application_get_type ())
G_DECLARE_FINAL_TYPE (EquityApplication, equity_application, EQUITY, APPLICATION, AdwApplication)

EquityApplication *equity_application_new          (void) G_GNUC_WARN_UNUSED_RESULT;
GSettings         *equity_application_get_settings (EquityApplication *self);

G_END_DECLS
