/* equity-format.h — how numbers are written, the same in the window, the
 * charts, the command line and the workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The text of a missing value */
#define EQUITY_FORMAT_MISSING "—"

/* 15,015 and 1,234.5 with a true minus sign (never "−0.0"), whatever the
 * machine's locale; EQUITY_FORMAT_MISSING for NaN, "∞" or "−∞" for infinities. */
char *equity_format_number        (double value,
                                   int    decimals);
/* 0.290 → "29.0%" */
char *equity_format_percent       (double share);
/* the decimals a rate is written with: none from a thousand up, else two */
int   equity_format_rate_decimals (double value);

G_END_DECLS
