/* test-methods-doc.c — the worked examples of docs/methods.md are what the program computes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each worked example in the methods page is a Markdown table preceded by
 * "<!-- worked-example: NAME -->". This test reads every such table, runs
 * its inputs through the core's stats functions and checks each printed
 * output to the precision it is printed with, so the page cannot drift from
 * the code (as it did when it showed exact limits for a count of 10, which
 * the analysis gives Byar's approximation).
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "equity-stats.h"

#define MARKER "<!-- worked-example: "
#define CONFIDENCE 0.95

/* a printed cell as a number: "203,119" → 203119, "97.9%" → 97.9; "—" → NAN */
static double
cell_number (const char *cell)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  char *end = NULL;
  double value;

  if (g_str_equal (cell, "—"))
    return NAN;
  for (const char *p = cell; *p != '\0'; p++)
    if (*p != ',' && *p != '%')
      g_string_append_c (plain, *p);
  value = g_ascii_strtod (plain->str, &end);
  if (end == plain->str || *end != '\0')
    g_error ("methods.md: “%s” is not a number", cell);
  return value;
}

/* the digits after the point of a printed number */
static int
cell_decimals (const char *cell)
{
  const char *point = strchr (cell, '.');
  int n = 0;

  if (point == NULL)
    return 0;
  for (const char *p = point + 1; g_ascii_isdigit (*p); p++)
    n++;
  return n;
}

/* COMPUTED, printed as the page prints CELL, must read the same */
static void
assert_printed (const char *what,
                const char *cell,
                double      computed)
{
  g_autofree char *printed = NULL;
  g_autofree char *expected = NULL;

  if (g_str_equal (cell, "—"))
    {
      if (!isnan (computed))
        g_error ("methods.md: %s is printed “—”, the program computes %.6g", what, computed);
      return;
    }
  expected = g_strdup (cell);
  g_strdelimit (expected, ",%", ' ');
  g_strstrip (expected);
  {
    /* drop the separators the page prints between thousands */
    g_auto(GStrv) parts = g_strsplit (expected, " ", -1);
    g_free (expected);
    expected = g_strjoinv ("", parts);
  }
  printed = g_strdup_printf ("%.*f", cell_decimals (cell), computed);
  if (!g_str_equal (printed, expected))
    g_error ("methods.md: %s is printed %s; the program computes %s (%.10g)", what, cell, printed, computed);
}

/* | count | method | lower | upper | — Poisson limits of a count at 95% */
static void
check_poisson_limits (char **cells)
{
  double count = cell_number (cells[0]);
  EquityEstimate estimate;
  EquityStatsFlags flags = equity_stats_poisson (count, CONFIDENCE, &estimate);
  const char *method = (flags & EQUITY_STATS_EXACT) ? "exact" : "Byar";

  if (g_ascii_strcasecmp (cells[1], method) != 0)
    g_error ("methods.md: a count of %s is printed with “%s” limits; the program uses %s", cells[0], cells[1],
             method);
  assert_printed ("the lower limit", cells[2], estimate.low);
  assert_printed ("the upper limit", cells[3], estimate.high);
}

/* | a | P₁ | b | P₀ | method | RR | lower | upper | — the rate ratio at 95% */
static void
check_rate_ratio (char **cells)
{
  EquityEstimate estimate;
  EquityStatsFlags flags = equity_stats_rate_ratio (cell_number (cells[0]), cell_number (cells[1]), NAN,
                                                    cell_number (cells[2]), cell_number (cells[3]), NAN,
                                                    CONFIDENCE, &estimate);
  const char *method = (flags & EQUITY_STATS_MID_P) ? "mid-p" : "log";

  if (g_ascii_strcasecmp (cells[4], method) != 0)
    g_error ("methods.md: a ratio of %s and %s events is printed by “%s”; the program uses %s", cells[0],
             cells[2], cells[4], method);
  assert_printed ("the rate ratio", cells[5], estimate.value);
  assert_printed ("its lower limit", cells[6], estimate.low);
  assert_printed ("its upper limit", cells[7], estimate.high);
}

/* | X | MOE_X | Y | MOE_Y | p | MOE | — an ACS proportion */
static void
check_acs_proportion (char **cells)
{
  double x = cell_number (cells[0]);
  double y = cell_number (cells[2]);
  EquityStatsFlags flags = 0;
  double moe = equity_acs_moe_proportion (x, cell_number (cells[1]), y, cell_number (cells[3]), &flags);

  assert_printed ("the proportion", cells[4], x / y);
  assert_printed ("its margin", cells[5], moe);
}

/* | n | lower | upper | coverage | — the median's 95% interval on the values
 * 1 … n, so its limits are the order statistics' ranks */
static void
check_median_interval (char **cells)
{
  guint n = (guint) cell_number (cells[0]);
  g_autofree double *values = g_new (double, n);
  EquityEstimate estimate;
  double coverage = NAN;

  for (guint i = 0; i < n; i++)
    values[i] = i + 1;
  equity_stats_median (values, n, CONFIDENCE, &estimate);
  /* [x_(j), x_(n−j+1)] covers the median with probability 1 − 2·P(B ≤ j − 1) */
  if (isfinite (estimate.low))
    coverage = 100.0 * (1.0 - 2.0 * equity_stats_binomial_cdf (estimate.low - 1, n, 0.5));
  assert_printed ("the lower limit's rank", cells[1], estimate.low);
  assert_printed ("the upper limit's rank", cells[2], estimate.high);
  assert_printed ("the coverage", cells[3], coverage);
}

typedef struct
{
  const char *name;
  guint       n_cells;
  void      (*check) (char **cells);
  guint       n_rows;
} Example;

static void
test_worked_examples (void)
{
  Example examples[] = {
    { "poisson-limits", 4, check_poisson_limits, 0 },
    { "rate-ratio", 8, check_rate_ratio, 0 },
    { "acs-proportion", 6, check_acs_proportion, 0 },
    { "median-interval", 4, check_median_interval, 0 },
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "docs", "methods.md", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      Example *example = NULL;
      g_autofree char *name = NULL;
      guint row = 0;

      if (!g_str_has_prefix (lines[i], MARKER))
        continue;
      name = g_strndup (lines[i] + strlen (MARKER), strcspn (lines[i] + strlen (MARKER), " "));
      for (guint k = 0; k < G_N_ELEMENTS (examples); k++)
        if (g_str_equal (examples[k].name, name))
          example = &examples[k];
      if (example == NULL)
        g_error ("methods.md line %u: no check for the worked example “%s”", i + 1, name);

      /* the table right below: a header, a rule, then the rows */
      for (guint j = i + 1; lines[j] != NULL && g_str_has_prefix (lines[j], "|"); j++, row++)
        {
          g_auto(GStrv) cells = NULL;
          guint n = 0;

          if (row < 2)
            continue;
          cells = g_strsplit (lines[j] + 1, "|", -1);
          for (n = 0; cells[n] != NULL; n++)
            g_strstrip (cells[n]);
          /* the text after the last "|" is empty */
          if (n != example->n_cells + 1)
            g_error ("methods.md line %u: %u cells, the example “%s” has %u", j + 1, n - 1, name,
                     example->n_cells);
          g_test_message ("methods.md line %u: %s", j + 1, lines[j]);
          example->check (cells);
          example->n_rows++;
        }
    }

  /* every example is on the page: a lost marker must not pass unseen */
  for (guint k = 0; k < G_N_ELEMENTS (examples); k++)
    if (examples[k].n_rows == 0)
      g_error ("methods.md has no rows of the worked example “%s”", examples[k].name);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/methods-doc/worked-examples", test_worked_examples);

  return g_test_run ();
}
