/* equity-value-parse.c — numbers, dates, coordinates and missing-value codes read from text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "equity-value-parse.h"

/* Census and CDC missing-value codes, and the usual spreadsheet spellings of
 * "no value". A -999 in an SVI file is not minus nine hundred people. */
static const char *text_sentinels[] = {
  "N/A", "n/a", "NA", "#N/A", "(X)", "null", "NULL", "-", "*", "**", "***",
};
static const double number_sentinels[] = {
  -999, -222222222, -333333333, -555555555, -666666666, -888888888, -999999999,
};

/* Copies VALUE without a leading "$" and thousands separators into BUF.
 * Returns FALSE if the separators are not in groups of three. */
static gboolean
strip_number (const char *value,
              char       *buf,
              gsize       buf_size)
{
  const char *p = value;
  gsize n = 0;
  int digits_since_comma = -1;   /* -1: no comma seen yet */
  int leading_digits = 0;
  gboolean in_fraction = FALSE;

  if (*p == '-' || *p == '+')
    buf[n++] = *p++;
  if (*p == '$')
    p++;

  for (; *p != '\0'; p++)
    {
      if (n + 2 >= buf_size)
        return FALSE;
      if (*p == ',' && !in_fraction)
        {
          if ((digits_since_comma == -1 && (leading_digits < 1 || leading_digits > 3)) ||
              (digits_since_comma != -1 && digits_since_comma != 3))
            return FALSE;
          digits_since_comma = 0;
          continue;
        }
      if (*p == '.')
        {
          if (digits_since_comma != -1 && digits_since_comma != 3)
            return FALSE;
          in_fraction = TRUE;
        }
      else if (g_ascii_isdigit (*p) && !in_fraction)
        {
          if (digits_since_comma == -1)
            leading_digits++;
          else
            digits_since_comma++;
        }
      else if (*p == 'e' || *p == 'E')
        in_fraction = TRUE;
      buf[n++] = *p;
    }
  if (digits_since_comma != -1 && !in_fraction && digits_since_comma != 3)
    return FALSE;
  buf[n] = '\0';
  return TRUE;
}


/* "021" is a code, "0", "0.5" and "-0.25" are numbers. */
gboolean
_equity_has_leading_zero (const char *text)
{
  if (*text == '-' || *text == '+')
    text++;
  return text[0] == '0' && g_ascii_isdigit (text[1]);
}

#define NUMBER_BUFFER 64

/* VALUE stripped of grouping into BUF (NUMBER_BUFFER bytes): the text after
 * its sign, or NULL when it is no number or a code with a leading zero */
static const char *
unsigned_part (const char *value,
               char       *buf)
{
  const char *p = buf;

  if (!strip_number (value, buf, NUMBER_BUFFER) || _equity_has_leading_zero (buf))
    return NULL;
  if (*p == '-' || *p == '+')
    p++;
  return p;
}

/* The reference readings, for every shape scan_number() leaves open */
static gboolean
parse_integer_slow (const char *value,
                    gint64     *out)
{
  char buf[NUMBER_BUFFER];
  const char *p = unsigned_part (value, buf);
  char *end = NULL;
  gint64 result;

  if (p == NULL || *p == '\0')
    return FALSE;
  for (; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  errno = 0;
  result = g_ascii_strtoll (buf, &end, 10);
  if (errno != 0 || *end != '\0')
    return FALSE;
  if (out != NULL)
    *out = result;
  return TRUE;
}

static gboolean
parse_number_slow (const char *value,
                   double     *out)
{
  char buf[NUMBER_BUFFER];
  const char *p = unsigned_part (value, buf);
  char *end = NULL;
  gboolean digits = FALSE;
  double result;

  if (p == NULL)
    return FALSE;
  /* Only plain decimal notation: no "inf", "nan" or hexadecimal. */
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '-' || *p == '+')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p != '\0')
    return FALSE;

  errno = 0;
  result = g_ascii_strtod (buf, &end);
  if (errno != 0 || *end != '\0' || !isfinite (result))
    return FALSE;
  if (out != NULL)
    *out = result;
  return TRUE;
}


/* Powers of ten that a double holds exactly */
static const double exact_powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* Bytes that can appear in something parse_*_slow() accept: any other byte
 * is copied into their buffer as it is, and fails their grammar. */
static const guint8 numeric_byte[256] = {
  ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
  ['7'] = 1, ['8'] = 1, ['9'] = 1, ['.'] = 1, [','] = 1, ['e'] = 1, ['E'] = 1,
  ['+'] = 1, ['-'] = 1, ['$'] = 1,
};

/* Reads VALUE once, as equity_parse_integer() and equity_parse_number() would
 * together, so that a column's values are not each parsed several times.
 *
 * The shapes almost every cell has (-82.55151, 1234, 0.5) are read here. A
 * whole number of at most 18 digits fits a gint64, and its double is the same
 * correctly rounded conversion strtod() makes. A decimal of at most 15
 * digits is an exact integer divided by an exact power of ten: one IEEE
 * division, rounded once, which is again what strtod() returns. Anything with
 * a byte no number has is text. The rest ("1,234", "$5", "1e3", very long
 * digit runs) goes to the slow readers, so the answers never differ. */
EquityNumberKind
_equity_scan_number (const char *value,
             gint64     *integer,
             double     *number)
{
  const guchar *p = (const guchar *) value;
  const guchar *start;
  gboolean negative = FALSE;
  gboolean dot = FALSE;
  guint64 mantissa = 0;
  guint n_digits = 0;
  guint n_fraction = 0;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  start = p;

  for (;; p++)
    {
      guint digit = *p - '0';

      if (digit < 10)
        {
          /* past 19 digits the value is unused: the slow path takes it */
          if (n_digits < 19)
            mantissa = mantissa * 10 + digit;
          n_digits++;
          n_fraction += dot;
        }
      else if (*p == '.' && !dot)
        dot = TRUE;
      else
        break;
    }

  if (*p == '\0' && n_digits > 0)
    {
      /* "021", "-007", "00.5": codes, not numbers */
      if (start[0] == '0' && g_ascii_isdigit (start[1]))
        return EQUITY_NUMBER_NONE;

#if FLT_EVAL_METHOD == 0
      if (!dot && n_digits <= 18)
        {
          gint64 whole = negative ? -(gint64) mantissa : (gint64) mantissa;
          double real = (double) mantissa;

          if (integer != NULL)
            *integer = whole;
          if (number != NULL)
            *number = negative ? -real : real;
          return EQUITY_NUMBER_INTEGER;
        }
      if (dot && n_digits <= 15)
        {
          double real = (double) mantissa / exact_powers_of_ten[n_fraction];

          if (number != NULL)
            *number = negative ? -real : real;
          return EQUITY_NUMBER_REAL;
        }
#endif
    }
  else
    {
      for (; *p != '\0'; p++)
        if (!numeric_byte[*p])
          return EQUITY_NUMBER_NONE;
    }

  if (parse_integer_slow (value, integer))
    {
      if (number != NULL)
        parse_number_slow (value, number);
      return EQUITY_NUMBER_INTEGER;
    }
  if (parse_number_slow (value, number))
    return EQUITY_NUMBER_REAL;
  return EQUITY_NUMBER_NONE;
}

gboolean
equity_parse_integer (const char *value,
                      gint64     *out)
{
  gint64 integer;

  if (_equity_scan_number (value, &integer, NULL) != EQUITY_NUMBER_INTEGER)
    return FALSE;
  if (out != NULL)
    *out = integer;
  return TRUE;
}

gboolean
equity_parse_number (const char *value,
                     double     *out)
{
  double number;

  if (_equity_scan_number (value, NULL, &number) == EQUITY_NUMBER_NONE)
    return FALSE;
  if (out != NULL)
    *out = number;
  return TRUE;
}

gboolean
_equity_is_sentinel (const char       *value,
                     EquityNumberKind  kind,
                     double            number)
{
  /* Every code starts with one of these: most values are out at once. */
  switch (value[0])
    {
    case 'N': case 'n': case '#': case '(': case '-': case '*':
      break;
    default:
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (text_sentinels); i++)
    if (text_sentinels[i][0] == value[0] && strcmp (value, text_sentinels[i]) == 0)
      return TRUE;

  if (kind != EQUITY_NUMBER_NONE)
    for (guint i = 0; i < G_N_ELEMENTS (number_sentinels); i++)
      if (number == number_sentinels[i])
        return TRUE;

  return FALSE;
}

gboolean
equity_value_is_sentinel (const char *value)
{
  double number = 0;
  EquityNumberKind kind = EQUITY_NUMBER_NONE;

  /* only a minus sign starts both a code and a number */
  if (value[0] == '-')
    kind = _equity_scan_number (value, NULL, &number);
  return _equity_is_sentinel (value, kind, number);
}

static gboolean
read_digits (const char **p,
             guint        min,
             guint        max,
             int         *out)
{
  guint n = 0;
  int value = 0;

  while (g_ascii_isdigit (**p) && n < max)
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  if (n < min || g_ascii_isdigit (**p))
    return FALSE;
  *out = value;
  return TRUE;
}

/* Year 1000 to 9999 and month 1 to 12 only, as equity_parse_date() reads them */
static int
days_in_month (int month,
               int year)
{
  static const guint8 days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)))
    return 29;
  return days[month - 1];
}

/* Writes VALUE (0 <= VALUE < 10^WIDTH) as WIDTH digits with leading zeros */
static char *
put_digits (char *out,
            int   value,
            guint width)
{
  for (guint i = width; i > 0; i--)
    {
      out[i - 1] = '0' + value % 10;
      value /= 10;
    }
  return out + width;
}

gboolean
equity_parse_date (const char *value,
                   guint       layout,
                   char        out[32])
{
  const char *p = value;
  int a, b, c, year, month, day;
  int hour = 0, minute = 0, second = 0;
  gboolean has_time = FALSE;
  char sep;

  switch (layout)
    {
    case EQUITY_DATE_YMD_DASH:
    case EQUITY_DATE_YMD_SLASH:
      sep = layout == EQUITY_DATE_YMD_DASH ? '-' : '/';
      if (!read_digits (&p, 4, 4, &a) || *p++ != sep ||
          !read_digits (&p, 1, 2, &b) || *p++ != sep ||
          !read_digits (&p, 1, 2, &c))
        return FALSE;
      year = a, month = b, day = c;
      break;

    case EQUITY_DATE_MDY_SLASH:
    case EQUITY_DATE_DMY_SLASH:
    case EQUITY_DATE_MDY_DASH:
    case EQUITY_DATE_DMY_DASH:
      sep = (layout == EQUITY_DATE_MDY_SLASH || layout == EQUITY_DATE_DMY_SLASH) ? '/' : '-';
      if (!read_digits (&p, 1, 2, &a) || *p++ != sep ||
          !read_digits (&p, 1, 2, &b) || *p++ != sep ||
          !read_digits (&p, 4, 4, &c))
        return FALSE;
      year = c;
      month = (layout == EQUITY_DATE_MDY_SLASH || layout == EQUITY_DATE_MDY_DASH) ? a : b;
      day = (layout == EQUITY_DATE_MDY_SLASH || layout == EQUITY_DATE_MDY_DASH) ? b : a;
      break;

    default:
      return FALSE;
    }

  if (*p == ' ' || *p == 'T')
    {
      p++;
      if (!read_digits (&p, 1, 2, &hour) || *p++ != ':' || !read_digits (&p, 2, 2, &minute))
        return FALSE;
      if (*p == ':')
        {
          p++;
          if (!read_digits (&p, 2, 2, &second))
            return FALSE;
        }
      if (hour > 23 || minute > 59 || second > 59)
        return FALSE;
      has_time = TRUE;
    }
  if (*p != '\0')
    return FALSE;

  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > days_in_month (month, year))
    return FALSE;

  /* Written by hand: this runs for every cell of a date column, and
   * printf-style formatting would cost more than the parsing above. */
  if (out != NULL)
    {
      char *o = out;

      o = put_digits (o, year, 4);
      *o++ = '-';
      o = put_digits (o, month, 2);
      *o++ = '-';
      o = put_digits (o, day, 2);
      if (has_time)
        {
          *o++ = 'T';
          o = put_digits (o, hour, 2);
          *o++ = ':';
          o = put_digits (o, minute, 2);
          *o++ = ':';
          o = put_digits (o, second, 2);
        }
      *o = '\0';
    }
  return TRUE;
}

gboolean
equity_parse_lat_lon (const char *value,
                      double     *lat,
                      double     *lon)
{
  g_autofree char *copy = g_strstrip (g_strdup (value));
  char *text = copy;
  char *comma;
  gsize len = strlen (text);

  if (len >= 2 && text[0] == '(' && text[len - 1] == ')')
    {
      text[len - 1] = '\0';
      text++;
    }
  comma = strchr (text, ',');
  if (comma == NULL)
    return FALSE;
  *comma = '\0';
  g_strstrip (text);
  g_strstrip (comma + 1);
  if (!equity_parse_number (text, lat) || !equity_parse_number (comma + 1, lon))
    return FALSE;
  return *lat >= -90 && *lat <= 90 && *lon >= -180 && *lon <= 180;
}
