/* equity-value-parse.h — numbers, dates, coordinates and missing-value codes read from text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Accepted layouts of a date; the guess keeps those every value fits. */
typedef enum
{
  EQUITY_DATE_YMD_DASH  = 1 << 0,   /* 2020-02-18 */
  EQUITY_DATE_YMD_SLASH = 1 << 1,   /* 2020/02/18 */
  EQUITY_DATE_MDY_SLASH = 1 << 2,   /* 02/18/2020, 2/18/2020 */
  EQUITY_DATE_DMY_SLASH = 1 << 3,   /* 18/02/2020 */
  EQUITY_DATE_MDY_DASH  = 1 << 4,   /* 02-18-2020 */
  EQUITY_DATE_DMY_DASH  = 1 << 5,   /* 18-02-2020 */
  EQUITY_DATE_ALL       = (1 << 6) - 1,
} EquityDateLayout;

/* Whether VALUE is a missing-value code ("-999", "N/A", "-555555555", …). */
gboolean         equity_value_is_sentinel      (const char      *value);
/* Number parsing that accepts "1,234", "$1,234.50" but not codes like "021". */
gboolean         equity_parse_integer          (const char      *value,
                                                gint64          *out);
gboolean         equity_parse_number           (const char      *value,
                                                double          *out);
/* Writes DATE (in LAYOUT) as ISO 8601 into OUT ("2020-02-18", or with a time
 * "2019-01-01T12:00:00"). Returns FALSE when it does not fit the layout. */
gboolean         equity_parse_date             (const char      *value,
                                                guint            layout,
                                                char             out[32]);
/* "35.59, -82.55" or "(35.59, -82.55)" */
gboolean         equity_parse_lat_lon          (const char      *value,
                                                double          *lat,
                                                double          *lon);

/* For the type guess, which reads every value once */
typedef enum
{
  EQUITY_NUMBER_NONE,      /* neither a whole number nor a number */
  EQUITY_NUMBER_INTEGER,   /* a whole number, and so a number too */
  EQUITY_NUMBER_REAL,      /* a number that is not a whole number */
} EquityNumberKind;

/* VALUE read once, as equity_parse_integer() and equity_parse_number()
 * would together; INTEGER and NUMBER may be NULL */
EquityNumberKind _equity_scan_number      (const char       *value,
                                           gint64           *integer,
                                           double           *number);
/* KIND and NUMBER are what _equity_scan_number() says of VALUE. */
gboolean         _equity_is_sentinel      (const char       *value,
                                           EquityNumberKind  kind,
                                           double            number);
/* "021" is a code, "0", "0.5" and "-0.25" are numbers. */
gboolean         _equity_has_leading_zero (const char       *text);

G_END_DECLS
