/* equity-type-guess.c — a column's type and role, guessed from its values
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

/* KIND is what scan_number() says of VALUE. */
/* 9, 34, 1416: hours and minutes of a 24-hour clock without the colon */
static gboolean
is_hhmm (const char *value,
         EquityNumberKind  kind,
         double      number)
{
  gint64 clock = (gint64) number;

  return kind == EQUITY_NUMBER_INTEGER && strlen (value) <= 4 && g_ascii_isdigit (value[0]) &&
         clock >= 0 && clock <= 2359 && clock % 100 < 60;
}

static void
narrow (EquityTypeGuess *guess,
        guint            which,
        const char      *value,
        EquityNumberKind       kind)
{
  if (guess->all_integer[which] && kind != EQUITY_NUMBER_INTEGER)
    guess->all_integer[which] = FALSE;
  if (guess->all_number[which] && !guess->all_integer[which] && kind == EQUITY_NUMBER_NONE)
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
  EquityNumberKind kind;

  if (length == 0)
    {
      guess->n_empty++;
      return;
    }
  guess->n_values++;

  /* One reading of the value serves every question below. */
  kind = _equity_scan_number (value, NULL, &number);

  /* [0]: every value as written; [1]: with missing-value codes left out */
  narrow (guess, 0, value, kind);
  if (_equity_is_sentinel (value, kind, number))
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
      if (kind != EQUITY_NUMBER_NONE)
        {
          guess->min_number = MIN (guess->min_number, number);
          guess->max_number = MAX (guess->max_number, number);
          if (_equity_has_leading_zero (value))
            guess->any_leading_zero = TRUE;
        }
      else if (g_ascii_isdigit (value[0]) && _equity_has_leading_zero (value))
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
