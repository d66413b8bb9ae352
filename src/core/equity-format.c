/* equity-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "equity-format.h"

char *
equity_format_number (double value,
                      int    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 16];
  char format[16];
  GString *out;
  const char *point;
  gsize n_int;

  /* a ratio over a rate of 0 is infinite, which is not the same as missing */
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "−∞");
  if (isnan (value))
    return g_strdup (EQUITY_FORMAT_MISSING);

  decimals = CLAMP (decimals, 0, 9);
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, fabs (value));

  out = g_string_new (NULL);
  /* the sign belongs only to values that round away from zero */
  if (value < 0 && g_ascii_strtod (buffer, NULL) != 0)
    g_string_append (out, "−");

  point = strchr (buffer, '.');
  n_int = point != NULL ? (gsize) (point - buffer) : strlen (buffer);
  for (gsize i = 0; i < n_int; i++)
    {
      if (i > 0 && (n_int - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, buffer[i]);
    }
  if (point != NULL)
    g_string_append (out, point);

  return g_string_free (out, FALSE);
}

char *
equity_format_percent (double share)
{
  g_autofree char *number = NULL;

  if (!isfinite (share))
    return g_strdup (EQUITY_FORMAT_MISSING);
  number = equity_format_number (share * 100.0, 1);
  return g_strconcat (number, "%", NULL);
}

int
equity_format_rate_decimals (double value)
{
  return fabs (value) >= 1000.0 ? 0 : 2;
}
