/* equity-type-guess.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <float.h>
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
  guess->all_hhmm = TRUE;
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
  g_clear_pointer (&guess->value_hashes, g_array_unref);
}

static const char * const id_names[] = {
  "id", "objectid", "objectid_1", "fid", "ogc_fid", "incident_number", "armainid", NULL };

static gboolean name_matches (const char          *lower,
                              const char * const  *words);

void
equity_type_guess_set_name (EquityTypeGuess *guess,
                            const char      *name)
{
  g_autofree char *lower = g_utf8_strdown (name ? name : "", -1);

  if (name_matches (lower, id_names) && guess->value_hashes == NULL)
    guess->value_hashes = g_array_new (FALSE, FALSE, sizeof (guint64));
}

/* FNV-1a, 64 bits: a collision among millions of values is unlikely enough
 * (and would only withhold the identifier suggestion). */
static guint64
hash_value (const char *value,
            gsize       length)
{
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);

  for (gsize i = 0; i < length; i++)
    {
      hash ^= (guchar) value[i];
      hash *= G_GUINT64_CONSTANT (1099511628211);
    }
  return hash;
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

/* The reference readings, for every shape scan_number() leaves open */
static gboolean
parse_integer_slow (const char *value,
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

static gboolean
parse_number_slow (const char *value,
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

typedef enum
{
  NUMBER_NONE,      /* neither a whole number nor a number */
  NUMBER_INTEGER,   /* a whole number, and so a number too */
  NUMBER_REAL,      /* a number that is not a whole number */
} NumberKind;

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
static NumberKind
scan_number (const char *value,
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
        return NUMBER_NONE;

#if FLT_EVAL_METHOD == 0
      if (!dot && n_digits <= 18)
        {
          gint64 whole = negative ? -(gint64) mantissa : (gint64) mantissa;
          double real = (double) mantissa;

          if (integer != NULL)
            *integer = whole;
          if (number != NULL)
            *number = negative ? -real : real;
          return NUMBER_INTEGER;
        }
      if (dot && n_digits <= 15)
        {
          double real = (double) mantissa / exact_powers_of_ten[n_fraction];

          if (number != NULL)
            *number = negative ? -real : real;
          return NUMBER_REAL;
        }
#endif
    }
  else
    {
      for (; *p != '\0'; p++)
        if (!numeric_byte[*p])
          return NUMBER_NONE;
    }

  if (parse_integer_slow (value, integer))
    {
      if (number != NULL)
        parse_number_slow (value, number);
      return NUMBER_INTEGER;
    }
  if (parse_number_slow (value, number))
    return NUMBER_REAL;
  return NUMBER_NONE;
}

gboolean
equity_parse_integer (const char *value,
                      gint64     *out)
{
  gint64 integer;

  if (scan_number (value, &integer, NULL) != NUMBER_INTEGER)
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

  if (scan_number (value, NULL, &number) == NUMBER_NONE)
    return FALSE;
  if (out != NULL)
    *out = number;
  return TRUE;
}

/* KIND and NUMBER are what scan_number() says of VALUE. */
static gboolean
is_sentinel (const char *value,
             NumberKind  kind,
             double      number)
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

  if (kind != NUMBER_NONE)
    for (guint i = 0; i < G_N_ELEMENTS (number_sentinels); i++)
      if (number == number_sentinels[i])
        return TRUE;

  return FALSE;
}

gboolean
equity_value_is_sentinel (const char *value)
{
  double number = 0;
  NumberKind kind = NUMBER_NONE;

  /* only a minus sign starts both a code and a number */
  if (value[0] == '-')
    kind = scan_number (value, NULL, &number);
  return is_sentinel (value, kind, number);
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

/* KIND is what scan_number() says of VALUE. */
/* 9, 34, 1416: hours and minutes of a 24-hour clock without the colon */
static gboolean
is_hhmm (const char *value,
         NumberKind  kind,
         double      number)
{
  gint64 clock = (gint64) number;

  return kind == NUMBER_INTEGER && strlen (value) <= 4 && g_ascii_isdigit (value[0]) &&
         clock >= 0 && clock <= 2359 && clock % 100 < 60;
}

static void
narrow (EquityTypeGuess *guess,
        guint            which,
        const char      *value,
        NumberKind       kind)
{
  if (guess->all_integer[which] && kind != NUMBER_INTEGER)
    guess->all_integer[which] = FALSE;
  if (guess->all_number[which] && !guess->all_integer[which] && kind == NUMBER_NONE)
    guess->all_number[which] = FALSE;
  /* every layout starts with a digit: one look rules text out of all six */
  if (guess->date_layouts[which] != 0 && !g_ascii_isdigit (value[0]))
    guess->date_layouts[which] = 0;
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
  double number = 0, lat, lon;
  NumberKind kind;

  if (length == 0)
    {
      guess->n_empty++;
      return;
    }
  guess->n_values++;

  /* One reading of the value serves every question below. */
  kind = scan_number (value, NULL, &number);

  /* [0]: every value as written; [1]: with missing-value codes left out */
  narrow (guess, 0, value, kind);
  if (is_sentinel (value, kind, number))
    {
      guess->n_sentinels++;
      if (g_hash_table_size (guess->sentinels_seen) < 16)
        g_hash_table_add (guess->sentinels_seen, g_strdup (value));
    }
  else
    {
      narrow (guess, 1, value, kind);
      if (guess->all_hhmm && !is_hhmm (value, kind, number))
        guess->all_hhmm = FALSE;
      if (kind != NUMBER_NONE)
        {
          guess->min_number = MIN (guess->min_number, number);
          guess->max_number = MAX (guess->max_number, number);
          if (has_leading_zero (value))
            guess->any_leading_zero = TRUE;
        }
      else if (g_ascii_isdigit (value[0]) && has_leading_zero (value))
        guess->any_leading_zero = TRUE;
    }

  /* a pair needs its comma: most columns are ruled out without a copy */
  if (guess->all_lat_lon_pair &&
      (strchr (value, ',') == NULL || !equity_parse_lat_lon (value, &lat, &lon)))
    guess->all_lat_lon_pair = FALSE;

  if (guess->value_hashes != NULL && !guess->too_many_values)
    {
      guint64 hash = hash_value (value, length);

      /* 400 MB of hashes at most; a column that long is not offered as an id */
      if (guess->value_hashes->len >= 50000000)
        guess->too_many_values = TRUE;
      else
        g_array_append_val (guess->value_hashes, hash);
    }

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

static int
compare_hashes (gconstpointer a,
                gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

/* A record identifier names one record: no value may repeat. */
static gboolean
values_are_unique (EquityTypeGuess *guess)
{
  if (guess->n_empty > 0 && guess->n_values > 0)
    return FALSE;
  if (guess->value_hashes == NULL || guess->too_many_values)
    return !guess->too_many_distinct && g_hash_table_size (guess->distinct) == guess->n_values;

  g_array_sort (guess->value_hashes, compare_hashes);
  for (guint i = 1; i < guess->value_hashes->len; i++)
    if (g_array_index (guess->value_hashes, guint64, i) == g_array_index (guess->value_hashes, guint64, i - 1))
      return FALSE;
  return TRUE;
}

gboolean
equity_type_guess_name_is_code (const char *name)
{
  /* Census TIGER/Line code fields, also with a vintage suffix (STATEFP20) */
  static const char * const code_names[] = {
    "statefp", "countyfp", "tractce", "blkgrpce", "blockce", "placefp", "cousubfp", "zcta5ce",
    "name", NULL };
  g_autofree char *lower = g_utf8_strdown (name ? name : "", -1);
  gsize len = strlen (lower);

  /* "statefp20", "name10" */
  while (len > 0 && g_ascii_isdigit (lower[len - 1]))
    lower[--len] = '\0';
  return name_matches (lower, code_names);
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
  static const char * const population_words[] = { "pop", NULL };
  static const char * const population_names[] = { "total", "tot", NULL };
  static const char * const amount_words[] = {
    "amount", "cost", "dollar", "spent", "budget", "paid", "award", "salary", "price", NULL };
  static const char * const duration_words[] = { "days", "duration", "hours", "minutes", NULL };
  static const char * const count_words[] = { "count", "cases", "incidents", "calls", NULL };
  static const char * const time_words[] = { "time", "hhmm", NULL };
  g_autofree char *lower = g_utf8_strdown (name ? name : "", -1);

  if (type == EQUITY_COLUMN_TYPE_GEOMETRY)
    return EQUITY_COLUMN_ROLE_GEOMETRY;
  if (type == EQUITY_COLUMN_TYPE_DATE)
    return EQUITY_COLUMN_ROLE_DATE;
  if (name_matches (lower, key_names))
    return EQUITY_COLUMN_ROLE_KEY;
  if (name_matches (lower, id_names) && values_are_unique (guess))
    return EQUITY_COLUMN_ROLE_IDENTIFIER;
  /* a clock time written as HHMM: 1416 is 14:16, and its mean means nothing */
  if (type == EQUITY_COLUMN_TYPE_INTEGER && guess->all_hhmm && guess->n_values > guess->n_sentinels &&
      name_contains (lower, time_words) && !name_contains (lower, duration_words))
    return EQUITY_COLUMN_ROLE_TIME;

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
