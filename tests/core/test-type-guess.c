/* test-type-guess.c — column types from every value
 *
 * Expected values are worked out by hand from the inputs written here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "equity-type-guess.h"

static EquityColumnType
guess_of (const char * const *values,
          gboolean            convert_sentinels,
          gboolean           *ambiguous)
{
  EquityTypeGuess guess;
  EquityColumnType type;

  equity_type_guess_init (&guess);
  for (guint i = 0; values[i] != NULL; i++)
    equity_type_guess_add (&guess, values[i], strlen (values[i]));
  type = equity_type_guess_result (&guess, convert_sentinels, NULL, ambiguous);
  equity_type_guess_clear (&guess);
  return type;
}

/* the role suggested for a column NAME holding VALUES, the guess told the
 * name first when NAMED (as the importer does); its type in *TYPE */
static EquityColumnRole
suggested_role (const char         *name,
                const char * const *values,
                gboolean            named,
                EquityColumnType   *type)
{
  EquityTypeGuess guess;
  EquityColumnRole role;

  equity_type_guess_init (&guess);
  if (named)
    equity_type_guess_set_name (&guess, name);
  for (guint i = 0; values[i] != NULL; i++)
    equity_type_guess_add (&guess, values[i], strlen (values[i]));
  *type = equity_type_guess_result (&guess, TRUE, NULL, NULL);
  role = equity_type_guess_suggest_role (&guess, name, *type);
  equity_type_guess_clear (&guess);
  return role;
}

static void
test_numbers (void)
{
  gint64 integer = 0;
  double number = 0;

  g_assert_true (equity_parse_integer ("0", &integer));
  g_assert_cmpint (integer, ==, 0);
  g_assert_true (equity_parse_integer ("-42", &integer));
  g_assert_cmpint (integer, ==, -42);
  g_assert_true (equity_parse_integer ("1,234,567", &integer));
  g_assert_cmpint (integer, ==, 1234567);
  g_assert_true (equity_parse_integer ("$2,500", &integer));
  g_assert_cmpint (integer, ==, 2500);
  g_assert_true (equity_parse_integer ("37021000100", &integer));
  g_assert_cmpint (integer, ==, G_GINT64_CONSTANT (37021000100));

  /* codes keep their leading zeros: not numbers */
  g_assert_false (equity_parse_integer ("021", NULL));
  g_assert_false (equity_parse_number ("02134", NULL));
  /* misplaced thousands separators are text */
  g_assert_false (equity_parse_integer ("12,34", NULL));
  g_assert_false (equity_parse_integer ("1234,567", NULL));
  /* too large for 64 bits */
  g_assert_false (equity_parse_integer ("99999999999999999999", NULL));
  g_assert_false (equity_parse_integer ("", NULL));
  g_assert_false (equity_parse_integer ("-", NULL));

  g_assert_true (equity_parse_number ("0.5", &number));
  g_assert_cmpfloat (number, ==, 0.5);
  g_assert_true (equity_parse_number ("-82.551", &number));
  g_assert_cmpfloat (number, ==, -82.551);
  g_assert_true (equity_parse_number ("1.5e3", &number));
  g_assert_cmpfloat (number, ==, 1500.0);
  g_assert_true (equity_parse_number (".25", &number));
  g_assert_cmpfloat (number, ==, 0.25);
  g_assert_true (equity_parse_number ("$1,234.50", &number));
  g_assert_cmpfloat (number, ==, 1234.5);
  g_assert_false (equity_parse_number ("inf", NULL));
  g_assert_false (equity_parse_number ("nan", NULL));
  g_assert_false (equity_parse_number ("0x1F", NULL));
  g_assert_false (equity_parse_number ("1e", NULL));
  g_assert_false (equity_parse_number ("12 apples", NULL));
}

static void
test_dates (void)
{
  char out[32];

  g_assert_true (equity_parse_date ("2020/02/18", EQUITY_DATE_YMD_SLASH, out));
  g_assert_cmpstr (out, ==, "2020-02-18");
  g_assert_true (equity_parse_date ("2019/01/01 12:05:09", EQUITY_DATE_YMD_SLASH, out));
  g_assert_cmpstr (out, ==, "2019-01-01T12:05:09");
  g_assert_true (equity_parse_date ("2/9/2021", EQUITY_DATE_MDY_SLASH, out));
  g_assert_cmpstr (out, ==, "2021-02-09");
  g_assert_true (equity_parse_date ("05-31-2019", EQUITY_DATE_MDY_DASH, out));
  g_assert_cmpstr (out, ==, "2019-05-31");
  /* 2020 is a leap year, 2021 is not */
  g_assert_true (equity_parse_date ("2020-02-29", EQUITY_DATE_YMD_DASH, out));
  g_assert_false (equity_parse_date ("2021-02-29", EQUITY_DATE_YMD_DASH, out));
  g_assert_false (equity_parse_date ("2021-13-01", EQUITY_DATE_YMD_DASH, out));
  g_assert_false (equity_parse_date ("2021-01-01x", EQUITY_DATE_YMD_DASH, out));
  g_assert_false (equity_parse_date ("2021-01-01 25:00", EQUITY_DATE_YMD_DASH, out));
}

static void
test_lat_lon (void)
{
  double lat = 0, lon = 0;

  g_assert_true (equity_parse_lat_lon ("35.5951, -82.5515", &lat, &lon));
  g_assert_cmpfloat (lat, ==, 35.5951);
  g_assert_cmpfloat (lon, ==, -82.5515);
  g_assert_true (equity_parse_lat_lon ("(35.6, -82.5)", &lat, &lon));
  g_assert_false (equity_parse_lat_lon ("135.6, -82.5", &lat, &lon));
  g_assert_false (equity_parse_lat_lon ("Asheville, NC", &lat, &lon));
}

static void
test_column_types (void)
{
  const char *integers[] = { "1", "2", "", "300", NULL };
  const char *reals[] = { "1", "2.5", "-3", NULL };
  const char *codes[] = { "021", "115", "089", NULL };
  const char *iso_dates[] = { "2020-01-01", "2021-12-31", "", NULL };
  const char *us_dates[] = { "01/02/2020", "12/31/2020", NULL };
  const char *ambiguous_dates[] = { "01/02/2020", "03/04/2020", NULL };
  const char *svi[] = { "1563", "-999", "1902", NULL };
  const char *with_na[] = { "12", "N/A", "7", NULL };
  const char *empty[] = { "", "", NULL };
  gboolean ambiguous = FALSE;

  g_assert_cmpint (guess_of (integers, TRUE, NULL), ==, EQUITY_COLUMN_TYPE_INTEGER);
  g_assert_cmpint (guess_of (reals, TRUE, NULL), ==, EQUITY_COLUMN_TYPE_REAL);
  g_assert_cmpint (guess_of (codes, TRUE, NULL), ==, EQUITY_COLUMN_TYPE_TEXT);
  g_assert_cmpint (guess_of (iso_dates, TRUE, NULL), ==, EQUITY_COLUMN_TYPE_DATE);
  /* 12/31 can only be month/day */
  g_assert_cmpint (guess_of (us_dates, TRUE, &ambiguous), ==, EQUITY_COLUMN_TYPE_DATE);
  g_assert_false (ambiguous);
  /* every value reads both ways: kept as text, and said so */
  g_assert_cmpint (guess_of (ambiguous_dates, TRUE, &ambiguous), ==, EQUITY_COLUMN_TYPE_TEXT);
  g_assert_true (ambiguous);
  /* -999 is an integer either way; N/A only once it becomes NULL */
  g_assert_cmpint (guess_of (svi, TRUE, NULL), ==, EQUITY_COLUMN_TYPE_INTEGER);
  g_assert_cmpint (guess_of (with_na, FALSE, NULL), ==, EQUITY_COLUMN_TYPE_TEXT);
  g_assert_cmpint (guess_of (with_na, TRUE, NULL), ==, EQUITY_COLUMN_TYPE_INTEGER);
  g_assert_cmpint (guess_of (empty, TRUE, NULL), ==, EQUITY_COLUMN_TYPE_TEXT);

  g_assert_true (equity_value_is_sentinel ("-999"));
  g_assert_true (equity_value_is_sentinel ("-555555555"));
  g_assert_true (equity_value_is_sentinel ("N/A"));
  g_assert_false (equity_value_is_sentinel ("-998"));
  g_assert_false (equity_value_is_sentinel ("Nancy"));
}

static void
test_roles (void)
{
  const char *races[] = { "W", "B", "W", "A", NULL };
  const char *counts[] = { "1231", "1083", NULL };
  const char *locations[] = { "35.59, -82.55", "(35.60, -82.56)", NULL };
  const char *dates[] = { "2020/02/18", NULL };
  struct { const char *name; const char **values; EquityColumnRole role; } cases[] = {
    { "subject_race", races, EQUITY_COLUMN_ROLE_GROUP },
    { "rc_white", counts, EQUITY_COLUMN_ROLE_POPULATION },
    { "total", counts, EQUITY_COLUMN_ROLE_POPULATION },
    { "GEOID", counts, EQUITY_COLUMN_ROLE_KEY },
    { "fips", counts, EQUITY_COLUMN_ROLE_KEY },
    { "OBJECTID", counts, EQUITY_COLUMN_ROLE_IDENTIFIER },
    { "Geo", locations, EQUITY_COLUMN_ROLE_LOCATION },
    { "date_arrested", dates, EQUITY_COLUMN_ROLE_DATE },
    { "address", races, EQUITY_COLUMN_ROLE_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EquityColumnType type;

      g_assert_cmpint (suggested_role (cases[i].name, cases[i].values, FALSE, &type), ==, cases[i].role);
    }
}

/* time_arrested in the APD file: a 24-hour clock written as HHMM */
static void
test_clock_times (void)
{
  const char *times[] = { "9", "34", "1416", "2359", "0", NULL };
  const char *not_times[] = { "9", "34", "1475", NULL };
  const char *minutes[] = { "9", "34", "45", NULL };
  struct { const char *name; const char **values; EquityColumnRole role; } cases[] = {
    { "time_arrested", times, EQUITY_COLUMN_ROLE_TIME },
    { "Arrest Time", times, EQUITY_COLUMN_ROLE_TIME },
    { "time_arrested", not_times, EQUITY_COLUMN_ROLE_NONE },
    { "response_time_minutes", minutes, EQUITY_COLUMN_ROLE_DURATION },
    { "arrests", times, EQUITY_COLUMN_ROLE_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EquityColumnType type;
      EquityColumnRole role = suggested_role (cases[i].name, cases[i].values, TRUE, &type);

      g_assert_cmpint (type, ==, EQUITY_COLUMN_TYPE_INTEGER);
      g_assert_cmpint (role, ==, cases[i].role);
    }
}

/* armainid repeats (one arrest, several charges): not a record identifier.
 * The values are more than the distinct-value sample keeps. */
static void
test_identifier_unique (void)
{
  for (guint repeat = 0; repeat < 2; repeat++)
    {
      EquityTypeGuess guess;
      EquityColumnType type;

      equity_type_guess_init (&guess);
      equity_type_guess_set_name (&guess, "armainid");
      for (guint j = 0; j < 1000; j++)
        {
          g_autofree char *value = g_strdup_printf ("%u", 568000 + j);

          equity_type_guess_add (&guess, value, strlen (value));
        }
      if (repeat)
        equity_type_guess_add (&guess, "568999", 6);
      type = equity_type_guess_result (&guess, TRUE, NULL, NULL);
      g_assert_cmpint (equity_type_guess_suggest_role (&guess, "armainid", type), ==,
                       repeat ? EQUITY_COLUMN_ROLE_NONE : EQUITY_COLUMN_ROLE_IDENTIFIER);
      equity_type_guess_clear (&guess);
    }
}

static void
test_code_names (void)
{
  g_assert_true (equity_type_guess_name_is_code ("STATEFP"));
  g_assert_true (equity_type_guess_name_is_code ("statefp20"));
  g_assert_true (equity_type_guess_name_is_code ("COUNTYFP"));
  g_assert_true (equity_type_guess_name_is_code ("TRACTCE"));
  g_assert_true (equity_type_guess_name_is_code ("NAME"));
  g_assert_false (equity_type_guess_name_is_code ("ALAND"));
  g_assert_false (equity_type_guess_name_is_code ("E_TOTPOP"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/type-guess/numbers", test_numbers);
  g_test_add_func ("/type-guess/dates", test_dates);
  g_test_add_func ("/type-guess/lat-lon", test_lat_lon);
  g_test_add_func ("/type-guess/column-types", test_column_types);
  g_test_add_func ("/type-guess/roles", test_roles);
  g_test_add_func ("/type-guess/clock-times", test_clock_times);
  g_test_add_func ("/type-guess/identifier-unique", test_identifier_unique);
  g_test_add_func ("/type-guess/code-names", test_code_names);

  return g_test_run ();
}
