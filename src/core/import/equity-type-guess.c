/* equity-type-guess.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "equity-type-guess.h"

/* Census and CDC missing-value codes, and the usual spreadsheet spellings of
 * "no value". A -999 in an SVI file is not minus nine hundred people. */
static const char *text_sentinels[] = {
  "N/A", "n/a", "NA", "#N/A", "(X)", "null", "NULL", "-", "*", "**", "***",
};
static const double number_sentinels[] = {
  -999, -222222222, -333333333, -555555555, -666666666, -888888888, -999999999,
};

void
equity_type_guess_init (EquityTypeGuess *guess)
{
  memset (guess, 0, sizeof *guess);
  for (guint i = 0; i < 2; i++)
    {
      guess->all_integer[i] = TRUE;
      guess->all_number[i] = TRUE;
      guess->date_layouts[i] = EQUITY_DATE_ALL;
    }
  guess->all_lat_lon_pair = TRUE;
  guess->min_number = INFINITY;
  guess->max_number = -INFINITY;
  guess->distinct = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guess->sentinels_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
equity_type_guess_clear (EquityTypeGuess *guess)
{
  g_clear_pointer (&guess->distinct, g_hash_table_unref);
  g_clear_pointer (&guess->sentinels_seen, g_hash_table_unref);
}

gboolean
equity_value_is_sentinel (const char *value)
{
  double number;

  /* Every code starts with one of these: most values are out at once. */
  if (strchr ("Nn#(-*", value[0]) == NULL || value[0] == '\0')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (text_sentinels); i++)
    if (strcmp (value, text_sentinels[i]) == 0)
      return TRUE;

  if (equity_parse_number (value, &number))
    for (guint i = 0; i < G_N_ELEMENTS (number_sentinels); i++)
      if (number == number_sentinels[i])
        return TRUE;

  return FALSE;
}

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
static gboolean
has_leading_zero (const char *text)
{
  if (*text == '-' || *text == '+')
    text++;
  return text[0] == '0' && g_ascii_isdigit (text[1]);
}

gboolean
equity_parse_integer (const char *value,
                      gint64     *out)
{
  char buf[64];
  const char *p;
  char *end = NULL;
  gint64 result;

  if (!strip_number (value, buf, sizeof buf) || has_leading_zero (buf))
    return FALSE;

  p = buf;
  if (*p == '-' || *p == '+')
    p++;
  if (*p == '\0')
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

gboolean
equity_parse_number (const char *value,
                     double     *out)
{
  char buf[64];
  const char *p;
  char *end = NULL;
  gboolean digits = FALSE;
  double result;

  if (!strip_number (value, buf, sizeof buf) || has_leading_zero (buf))
    return FALSE;

  /* Only plain decimal notation: no "inf", "nan" or hexadecimal. */
  p = buf;
  if (*p == '-' || *p == '+')
    p++;
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

  if (year < 1000 || month < 1 || month > 12 || day < 1 ||
      day > g_date_get_days_in_month (month, year))
    return FALSE;

  if (out != NULL)
    {
      if (has_time)
        g_snprintf (out, 32, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second);
      else
        g_snprintf (out, 32, "%04d-%02d-%02d", year, month, day);
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

static void
narrow (EquityTypeGuess *guess,
        guint            which,
        const char      *value)
{
  if (guess->all_integer[which] && !equity_parse_integer (value, NULL))
    guess->all_integer[which] = FALSE;
  if (guess->all_number[which] && !guess->all_integer[which] && !equity_parse_number (value, NULL))
    guess->all_number[which] = FALSE;
  if (guess->date_layouts[which] != 0)
    for (guint layout = 1; layout < EQUITY_DATE_ALL; layout <<= 1)
      if ((guess->date_layouts[which] & layout) && !equity_parse_date (value, layout, NULL))
        guess->date_layouts[which] &= ~layout;
}

void
equity_type_guess_add (EquityTypeGuess *guess,
                       const char      *value,
                       gsize            length)
{
  double number, lat, lon;

  if (length == 0)
    {
      guess->n_empty++;
      return;
    }
  guess->n_values++;

  /* [0]: every value as written; [1]: with missing-value codes left out */
  narrow (guess, 0, value);
  if (equity_value_is_sentinel (value))
    {
      guess->n_sentinels++;
      if (g_hash_table_size (guess->sentinels_seen) < 16)
        g_hash_table_add (guess->sentinels_seen, g_strdup (value));
    }
  else
    {
      narrow (guess, 1, value);
      if (equity_parse_number (value, &number))
        {
          guess->min_number = MIN (guess->min_number, number);
          guess->max_number = MAX (guess->max_number, number);
          if (has_leading_zero (value))
            guess->any_leading_zero = TRUE;
        }
      else if (g_ascii_isdigit (value[0]) && has_leading_zero (value))
        guess->any_leading_zero = TRUE;
    }

  if (guess->all_lat_lon_pair && !equity_parse_lat_lon (value, &lat, &lon))
    guess->all_lat_lon_pair = FALSE;

  if (!guess->too_many_distinct && !g_hash_table_contains (guess->distinct, value))
    {
      if (g_hash_table_size (guess->distinct) >= EQUITY_TYPE_GUESS_MAX_DISTINCT)
        guess->too_many_distinct = TRUE;
      else
        g_hash_table_add (guess->distinct, g_strndup (value, length));
    }
}

/* Prefer the layouts analysts meet most: ISO first, then US order. */
static const guint layout_order[] = {
  EQUITY_DATE_YMD_DASH, EQUITY_DATE_YMD_SLASH, EQUITY_DATE_MDY_SLASH,
  EQUITY_DATE_MDY_DASH, EQUITY_DATE_DMY_SLASH, EQUITY_DATE_DMY_DASH,
};

EquityColumnType
equity_type_guess_result (EquityTypeGuess *guess,
                          gboolean         convert_sentinels,
                          guint           *date_layout,
                          gboolean        *ambiguous_date)
{
  guint which = convert_sentinels ? 1 : 0;
  guint layouts = guess->date_layouts[which];
  guint64 n_real_values = guess->n_values - (convert_sentinels ? guess->n_sentinels : 0);

  if (date_layout)
    *date_layout = 0;
  if (ambiguous_date)
    *ambiguous_date = FALSE;

  if (n_real_values == 0)
    return EQUITY_COLUMN_TYPE_TEXT;
  if (guess->all_integer[which])
    return EQUITY_COLUMN_TYPE_INTEGER;
  if (guess->all_number[which])
    return EQUITY_COLUMN_TYPE_REAL;

  if (layouts != 0)
    {
      gboolean month_first = (layouts & (EQUITY_DATE_MDY_SLASH | EQUITY_DATE_MDY_DASH)) != 0;
      gboolean day_first = (layouts & (EQUITY_DATE_DMY_SLASH | EQUITY_DATE_DMY_DASH)) != 0;

      /* Every value fits both 02/03 readings: refuse to guess, keep the text. */
      if (month_first && day_first)
        {
          if (ambiguous_date)
            *ambiguous_date = TRUE;
          return EQUITY_COLUMN_TYPE_TEXT;
        }
      for (guint i = 0; i < G_N_ELEMENTS (layout_order); i++)
        if (layouts & layout_order[i])
          {
            if (date_layout)
              *date_layout = layout_order[i];
            return EQUITY_COLUMN_TYPE_DATE;
          }
    }

  return EQUITY_COLUMN_TYPE_TEXT;
}

static gboolean
name_matches (const char          *lower,
              const char * const  *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_equal (lower, words[i]))
      return TRUE;
  return FALSE;
}

static gboolean
name_contains (const char          *lower,
               const char * const  *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (lower, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

EquityColumnRole
equity_type_guess_suggest_role (EquityTypeGuess  *guess,
                                const char       *name,
                                EquityColumnType  type)
{
  static const char * const key_names[] = {
    "geoid", "geoid10", "geoid20", "fips", "geocode", "tract", "tractce", "tract_id",
    "block_group", "neighborhood", "npa", "zip", "zipcode", "zip_code", "affgeoid", NULL };
  static const char * const lat_names[] = { "lat", "latitude", "y_lat", NULL };
  static const char * const lon_names[] = { "lon", "lng", "long", "longitude", "x_lon", NULL };
  static const char * const group_words[] = {
    "race", "ethnic", "gender", "sex", "mwbe", "hub cert", "certification", "firm type", NULL };
  static const char * const id_names[] = {
    "id", "objectid", "objectid_1", "fid", "ogc_fid", "incident_number", "armainid", NULL };
  static const char * const population_words[] = { "pop", NULL };
  static const char * const population_names[] = { "total", "tot", NULL };
  static const char * const amount_words[] = {
    "amount", "cost", "dollar", "spent", "budget", "paid", "award", "salary", "price", NULL };
  static const char * const duration_words[] = { "days", "duration", "hours", "minutes", NULL };
  static const char * const count_words[] = { "count", "cases", "incidents", "calls", NULL };
  g_autofree char *lower = g_utf8_strdown (name ? name : "", -1);

  if (type == EQUITY_COLUMN_TYPE_GEOMETRY)
    return EQUITY_COLUMN_ROLE_GEOMETRY;
  if (type == EQUITY_COLUMN_TYPE_DATE)
    return EQUITY_COLUMN_ROLE_DATE;
  if (name_matches (lower, key_names))
    return EQUITY_COLUMN_ROLE_KEY;
  if (name_matches (lower, id_names))
    return EQUITY_COLUMN_ROLE_IDENTIFIER;

  if (type == EQUITY_COLUMN_TYPE_REAL || type == EQUITY_COLUMN_TYPE_INTEGER)
    {
      if (name_matches (lower, lat_names) && guess->min_number >= -90 && guess->max_number <= 90)
        return EQUITY_COLUMN_ROLE_LATITUDE;
      if (name_matches (lower, lon_names) && guess->min_number >= -180 && guess->max_number <= 180)
        return EQUITY_COLUMN_ROLE_LONGITUDE;
      if (name_contains (lower, amount_words))
        return EQUITY_COLUMN_ROLE_AMOUNT;
      if (name_contains (lower, duration_words))
        return EQUITY_COLUMN_ROLE_DURATION;
    }

  if (type == EQUITY_COLUMN_TYPE_INTEGER || type == EQUITY_COLUMN_TYPE_REAL)
    {
      /* Census counts of people: rc_white, eth_hispanic, E_TOTPOP, total */
      if (guess->min_number >= 0 &&
          (name_contains (lower, population_words) || name_matches (lower, population_names) ||
           g_str_has_prefix (lower, "rc_") || g_str_has_prefix (lower, "eth_")))
        return EQUITY_COLUMN_ROLE_POPULATION;
      if (name_contains (lower, count_words) && guess->min_number >= 0)
        return EQUITY_COLUMN_ROLE_COUNT;
    }

  if (type == EQUITY_COLUMN_TYPE_TEXT)
    {
      if (guess->n_values > 0 && guess->all_lat_lon_pair)
        return EQUITY_COLUMN_ROLE_LOCATION;
      if (name_contains (lower, group_words))
        return EQUITY_COLUMN_ROLE_GROUP;
    }

  return EQUITY_COLUMN_ROLE_NONE;
}
