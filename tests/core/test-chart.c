/* test-chart.c — bars and dots drawn to image surfaces and checked pixel by
 * pixel; numbers, words, and what every kind of chart answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Environment:
 *   EQUITY_CHART_OUTPUT_DIR=DIR   also save every picture drawn here into DIR, to look at
 *   EQUITY_CHART_UPDATE_GOLDEN=1  rewrite tests/data/charts/golden-bars-1200x800.png
 *                                 from this build (then look at it before committing)
 */

#include "config.h"

#include "chart-test-util.h"

#define GOLDEN_NAME "golden-bars-1200x800.png"

/* Where a bar of ACCENT over BACKGROUND ends along row Y, to a fraction of a
 * pixel: the last pixel's coverage is read from the red channel, where the
 * two colours differ most. */
static double
bar_end (cairo_surface_t *surface,
         int              y,
         int              x0,
         guint32          accent,
         guint32          background)
{
  int ar = (accent >> 16) & 0xff;
  int br = (background >> 16) & 0xff;
  int x = cairo_image_surface_get_width (surface) - 2;

  /* from the right: a reference line may cross the bar on its way */
  while (x > x0 && !near (pixel (surface, x, y), accent, 6))
    x--;
  x++;
  return x + (double) (br - (int) ((pixel (surface, x, y) >> 16) & 0xff)) / (br - ar);
}

/* rows of the bar's own colour at column X, from the band's top: its top edge */
static int
bar_top (cairo_surface_t       *surface,
         const EquityChartHit  *hit,
         int                    x,
         guint32                accent)
{
  for (int y = (int) hit->rect.y; y < (int) (hit->rect.y + hit->rect.height); y++)
    if (near (pixel (surface, x, y), accent, 6))
      return y;
  return -1;
}

/* ---- bars --------------------------------------------------------------- */

static void
test_bars_geometry (void)
{
  g_autoptr(EquityResult) result = make_group_result ();
  g_autoptr(EquityChart) chart = equity_chart_new (result);
  const EquityChartStyle *style = light_style ();

  for (guint s = 0; s < G_N_ELEMENTS (chart_test_sizes); s++)
    {
      int width = chart_test_sizes[s][0];
      int height = chart_test_sizes[s][1];
      cairo_surface_t *surface = render (chart, width, height, "bars");
      const EquityChartHit *black = find_hit (chart, 1);
      const EquityChartHit *white = find_hit (chart, 0);
      const EquityChartHit *indian = find_hit (chart, 3);
      double ref_x, end_x, low_x, high_x, zero_x;
      int y;
      int ref_column = -1;
      int ref_hits = 0;

      g_assert_nonnull (black);
      g_assert_nonnull (white);
      g_assert_nonnull (indian);
      assert_margin_clear (surface, color_rgb (&style->background), 8);

      /* the reference line is where White's 144.0 maps: count its dashes down the bars */
      g_assert_true (equity_chart_value_to_pixel (chart, 144.0, &ref_x));
      for (y = (int) white->rect.y; y < (int) (black->rect.y + black->rect.height); y++)
        for (int x = (int) ref_x - 4; x <= (int) ref_x + 4; x++)
          if (near (pixel (surface, x, y), color_rgb (&style->comparison), 12))
            {
              ref_hits++;
              ref_column = x;
            }
      g_assert_cmpint (ref_hits, >, 10);
      g_assert_cmpfloat (fabs (ref_column - ref_x), <=, 2.0);

      /* the Black bar ends at 448.0: measured on a line just inside its top
       * edge, above the whisker and its caps */
      g_assert_true (equity_chart_value_to_pixel (chart, 448.0, &end_x));
      g_assert_true (equity_chart_value_to_pixel (chart, 0, &zero_x));
      {
        guint32 accent = color_rgb (&style->accent);
        guint32 background = color_rgb (&style->background);
        const EquityChartHit *multi = find_hit (chart, 4);
        int top = bar_top (surface, black, (int) zero_x + 3, accent);
        int multi_top = bar_top (surface, multi, (int) zero_x + 3, accent);
        double black_end;
        double multi_end;

        g_assert_cmpint (top, >, 0);
        g_assert_cmpint (multi_top, >, 0);
        black_end = bar_end (surface, top + 3, (int) zero_x + 3, accent, background);
        g_assert_cmpfloat (fabs (black_end - end_x), <=, 2.0);

        /* and it is as long, from zero, as 448/83.4 of another bar:
         * a check that does not trust the chart's own scale */
        multi_end = bar_end (surface, multi_top + 3, (int) zero_x + 3, accent, background);
        g_assert_cmpfloat (fabs ((black_end - zero_x) / (multi_end - zero_x) - 448.0 / 83.4), <, 0.03);
      }

      /* whisker caps: dark ink at both interval ends, at the bar's centre height */
      g_assert_true (equity_chart_value_to_pixel (chart, 435.0, &low_x));
      g_assert_true (equity_chart_value_to_pixel (chart, 461.2, &high_x));
      for (guint end = 0; end < 2; end++)
        {
          double x = end == 0 ? low_x : high_x;
          int center = (int) (black->rect.y + black->rect.height / 2);
          int dark = 0;

          for (int dy = -6; dy <= 6; dy++)
            for (int dx = -2; dx <= 2; dx++)
              dark += luma (pixel (surface, (int) round (x) + dx, center + dy)) < 90;
          g_assert_cmpint (dark, >=, 8);
        }
      /* above the cap, beyond the bar, is background: the cap is a cap */
      g_assert_true (near (pixel (surface, (int) round (high_x), (int) black->rect.y + 1),
                           color_rgb (&style->background), 2));

      /* the suppressed row has no bar, only words */
      {
        int accent = 0;
        int ink = 0;

        for (int yy = (int) indian->rect.y; yy < (int) (indian->rect.y + indian->rect.height); yy++)
          for (int x = (int) zero_x + 2; x < width - 20; x++)
            {
              guint32 p = pixel (surface, x, yy);
              accent += near (p, color_rgb (&style->accent), 30);
              ink += luma (p) < 200;
            }
        g_assert_cmpint (accent, ==, 0);
        g_assert_cmpint (ink, >, 20);
      }

      /* hover finds the row under the pointer */
      {
        guint row = G_MAXUINT;

        g_assert_true (equity_chart_hit_test (chart, end_x - 5, black->rect.y + black->rect.height / 2, &row));
        g_assert_cmpuint (row, ==, 1);
        g_assert_false (equity_chart_hit_test (chart, 2, 2, &row));
      }

      cairo_surface_destroy (surface);
    }
}

static void
test_bars_many_rows (void)
{
  g_autoptr(EquityResult) result = equity_result_new ("area-rates");
  g_autoptr(EquityChart) chart = NULL;
  cairo_surface_t *surface;
  guint top = 0;
  double best = -1;

  equity_result_set_title (result, "Sanitation requests by tract");
  equity_result_set_units (result, "requests per 1,000 residents");
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *label = g_strdup_printf ("Tract %02u", i);
      EquityResultRow *row = equity_result_add_row (result, label);

      row->rate = 10 + 1000 * pseudo_random (i);
      if (row->rate > best)
        {
          best = row->rate;
          top = i;
        }
    }
  chart = equity_chart_new (result);
  surface = render (chart, 1200, 800, "bars-many");
  assert_margin_clear (surface, 0xffffff, 8);
  /* too many to read: the highest come first, and the rest are said to be left out */
  g_assert_cmpuint (drawn_hits (chart)->len, <, 60);
  g_assert_cmpuint (drawn_hits (chart)->len, >=, 15);
  g_assert_cmpuint (g_array_index (drawn_hits (chart), EquityChartHit, 0).row, ==, top);
  cairo_surface_destroy (surface);
}

static void
test_empty_and_tiny (void)
{
  g_autoptr(EquityResult) result = equity_result_new ("group-rates");
  g_autoptr(EquityChart) chart = equity_chart_new (result);

  for (EquityChartKind kind = 0; kind < EQUITY_CHART_N_KINDS; kind++)
    {
      cairo_surface_t *surface;

      equity_chart_set_kind (chart, kind);
      surface = render (chart, 600, 400, NULL);
      assert_margin_clear (surface, 0xffffff, 4);
      cairo_surface_destroy (surface);
      /* too small to lay out is not a crash */
      surface = render (chart, 20, 20, NULL);
      cairo_surface_destroy (surface);
    }
}

/* Long words everywhere, big numbers, small pictures: nothing may spill out */
static void
test_long_text (void)
{
  g_autoptr(EquityResult) result = equity_result_new ("group-rates");
  g_autoptr(EquityChart) chart = NULL;
  const char *labels[] = {
    "Native Hawaiian and Other Pacific Islander alone, not Hispanic or Latino",
    "Black or African American", "White", "Some other race",
  };
  static const int small[][2] = { { 800, 600 }, { 600, 400 }, { 1200, 500 } };

  equity_result_set_title (result, "Residential code-enforcement complaints received by the Development "
                                   "Services Department per thousand residents, by race of the property owner, "
                                   "fiscal years 2019 through 2023");
  equity_result_set_units (result, "complaints per 1,000 residents");
  equity_result_set_source_note (result, "Sources: City of Asheville Development Services Department, "
                                         "complaint log exported 2023-07-01, with owner race matched from the "
                                         "Buncombe County voter file by parcel; 2020 Census P.L. 94-171 "
                                         "redistricting data for the City of Asheville; see methods sheet.");
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      EquityResultRow *row = equity_result_add_row (result, labels[i]);

      row->rate = 1234567.5 / (i + 1);
      row->rate_low = row->rate * 0.9;
      row->rate_high = row->rate * 1.1;
      row->is_reference = i == 2;
    }
  chart = equity_chart_new (result);

  for (EquityChartKind kind = 0; kind < EQUITY_CHART_N_KINDS; kind++)
    for (guint s = 0; s < G_N_ELEMENTS (small); s++)
      {
        g_autofree char *name = g_strdup_printf ("long-%s", equity_chart_kind_to_string (kind));
        cairo_surface_t *surface;

        equity_chart_set_kind (chart, kind);
        surface = render (chart, small[s][0], small[s][1], name);
        assert_margin_clear (surface, 0xffffff, 6);
        cairo_surface_destroy (surface);
      }
}

/* ---- dots --------------------------------------------------------------- */

static void
test_dots (void)
{
  g_autoptr(EquityResult) result = make_group_result ();
  g_autoptr(EquityChart) chart = equity_chart_new (result);
  const EquityChartStyle *style = light_style ();

  equity_chart_set_kind (chart, EQUITY_CHART_DOTS);
  for (guint s = 0; s < G_N_ELEMENTS (chart_test_sizes); s++)
    {
      cairo_surface_t *surface = render (chart, chart_test_sizes[s][0], chart_test_sizes[s][1], "dots");
      const EquityChartHit *black = find_hit (chart, 1);
      const EquityChartHit *white = find_hit (chart, 0);
      double x;

      assert_margin_clear (surface, color_rgb (&style->background), 8);
      /* the dot sits at the value; the reference group's dot is in the comparison colour */
      g_assert_true (equity_chart_value_to_pixel (chart, 448.0, &x));
      g_assert_true (near (pixel (surface, (int) round (x), (int) (black->rect.y + black->rect.height / 2) - 3),
                           color_rgb (&style->accent), 12));
      g_assert_true (equity_chart_value_to_pixel (chart, 144.0, &x));
      g_assert_true (near (pixel (surface, (int) round (x) + 3, (int) (white->rect.y + white->rect.height / 2) - 3),
                           color_rgb (&style->comparison), 12));
      /* a dot plot does not start at zero: the axis hugs the data */
      g_assert_true (equity_chart_value_to_pixel (chart, 0, &x));
      cairo_surface_destroy (surface);
    }
}

static void
test_dumbbell (void)
{
  g_autoptr(EquityResult) result = make_share_result ();
  g_autoptr(EquityChart) chart = equity_chart_new (result);
  cairo_surface_t *surface;
  const EquityChartHit *white;
  double x;

  equity_chart_set_kind (chart, EQUITY_CHART_DOTS);
  surface = render (chart, 1200, 800, "dumbbell");
  assert_margin_clear (surface, 0xffffff, 8);
  white = find_hit (chart, 0);
  /* the hollow end at 74% of the population: background inside, accent ring */
  g_assert_true (equity_chart_value_to_pixel (chart, 74.0, &x));
  g_assert_true (near (pixel (surface, (int) round (x), (int) (white->rect.y + white->rect.height / 2)),
                       0xffffff, 8));
  g_assert_true (equity_chart_value_to_pixel (chart, 86.0, &x));
  g_assert_true (near (pixel (surface, (int) round (x), (int) (white->rect.y + white->rect.height / 2)),
                       color_rgb (&light_style ()->accent), 12));
  cairo_surface_destroy (surface);
}

/* ---- words ---------------------------------------------------------------- */

static void
test_summary_and_description (void)
{
  g_autoptr(EquityResult) result = make_group_result ();
  g_autoptr(EquityChart) chart = equity_chart_new (result);
  g_autofree char *black = equity_chart_dup_row_summary (chart, 1);
  g_autofree char *white = equity_chart_dup_row_summary (chart, 0);
  g_autofree char *indian = equity_chart_dup_row_summary (chart, 3);
  g_autofree char *description = equity_chart_dup_description (chart);

  g_assert_cmpstr (black, ==, "4,452 arrests, 9,938 residents, 448.0 per 1,000 (435–461), 3.11× White (3.01–3.22)");
  g_assert_nonnull (strstr (white, "reference group"));
  /* a suppressed row never says its count */
  g_assert_null (strstr (indian, "7 "));
  g_assert_nonnull (strstr (indian, "fewer than 11"));
  g_assert_nonnull (strstr (description, "Black"));
  g_assert_nonnull (strstr (description, "White"));
}

static void
test_numbers (void)
{
  struct { double value; int decimals; const char *text; } cases[] = {
    { 0, 0, "0" }, { 999, 0, "999" }, { 1000, 0, "1,000" }, { 1234567.891, 1, "1,234,567.9" },
    { -4452, 0, "−4,452" }, { -0.04, 1, "0.0" }, { 448, 1, "448.0" }, { 0.126, 2, "0.13" },
    { NAN, 1, "—" },  /* one marker for a missing value everywhere (equity-format.h) */
    { INFINITY, 2, "∞" }, { -INFINITY, 2, "−∞" },  /* a ratio over a rate of 0 is not missing */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = equity_chart_format_number (cases[i].value, cases[i].decimals);
      g_assert_cmpstr (text, ==, cases[i].text);
    }

  {
    double min = 0, max = 461.2;
    int decimals;
    g_autoptr(GArray) ticks = equity_chart_nice_ticks (&min, &max, 5, &decimals);

    g_assert_cmpfloat (max, ==, 500);
    g_assert_cmpuint (ticks->len, ==, 6);
    g_assert_cmpfloat (g_array_index (ticks, double, 1), ==, 100);
    g_assert_cmpint (decimals, ==, 0);
  }
  {
    double min = 0.12, max = 0.47;
    int decimals;
    g_autoptr(GArray) ticks = equity_chart_nice_ticks (&min, &max, 4, &decimals);

    g_assert_cmpfloat (fabs (min - 0.1), <, 1e-12);
    g_assert_cmpfloat (fabs (max - 0.5), <, 1e-12);
    g_assert_cmpint (decimals, ==, 1);
    g_assert_cmpuint (ticks->len, ==, 5);
  }

  for (EquityChartKind kind = 0; kind < EQUITY_CHART_N_KINDS; kind++)
    {
      EquityChartKind back;
      g_assert_true (equity_chart_kind_from_string (equity_chart_kind_to_string (kind), &back));
      g_assert_cmpint (back, ==, kind);
    }
  {
    EquityChartKind back;
    g_assert_false (equity_chart_kind_from_string ("pie", &back));
  }
}

/* ---- every kind --------------------------------------------------------- */

/* Each kind's renderer answers the pointer over what it drew and says the
 * chart in words; the map's own case is in test-chart-map.c. */
static void
test_kinds_hit_and_describe (void)
{
  struct {
    EquityChartKind  kind;
    EquityResult  *(*make) (void);
    const char      *opening;   /* the description's body starts so */
  } cases[] = {
    { EQUITY_CHART_BARS, make_group_result, "Bar chart: arrests per 1,000 residents, 5 groups." },
    { EQUITY_CHART_DOTS, make_group_result, "Dot plot: arrests per 1,000 residents, 5 groups." },
    { EQUITY_CHART_TREND, make_trend_result, "Trend: stops per 1,000 residents, 9 years." },
    { EQUITY_CHART_SCATTER, make_scatter_result, "Scatter plot: complaints per 1,000 residents, 48 areas." },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(EquityResult) result = cases[c].make ();
      g_autoptr(EquityChart) chart = equity_chart_new (result);
      g_autofree char *description = NULL;
      cairo_surface_t *surface;
      GArray *hits;
      guint row = G_MAXUINT;

      equity_chart_set_kind (chart, cases[c].kind);
      /* nothing drawn yet: nothing under the pointer */
      g_assert_false (equity_chart_hit_test (chart, 600, 400, &row));
      surface = render (chart, 1200, 800, NULL);
      hits = drawn_hits (chart);
      g_assert_cmpuint (hits->len, >, 0);
      for (guint i = 0; i < hits->len; i++)
        {
          const EquityChartHit *hit = &g_array_index (hits, EquityChartHit, i);

          /* the centre of each row's region answers with that row */
          g_assert_true (equity_chart_hit_test (chart, hit->rect.x + hit->rect.width / 2,
                                                hit->rect.y + hit->rect.height / 2, &row));
          g_assert_cmpuint (row, ==, hit->row);
        }
      /* the corner of the picture is no row's */
      g_assert_false (equity_chart_hit_test (chart, 1, 1, &row));

      description = equity_chart_dup_description (chart);
      if (strstr (description, cases[c].opening) == NULL)
        g_error ("%s: “%s” does not say “%s”", equity_chart_kind_to_string (cases[c].kind),
                 description, cases[c].opening);
      /* a new kind is another picture: the old regions are gone */
      equity_chart_set_kind (chart, (cases[c].kind + 1) % EQUITY_CHART_N_KINDS);
      g_assert_false (equity_chart_hit_test (chart, 600, 400, &row));
      cairo_surface_destroy (surface);
    }
}

/* A golden picture catches what the targeted checks do not: spacing, type,
 * order of drawing. Fonts differ between machines, so the comparison allows
 * small differences and a few pixels of shifted text. */
static gboolean
have_cantarell (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  PangoFontDescription *wanted = pango_font_description_from_string ("Cantarell 12");
  PangoFont *font = pango_font_map_load_font (map, context, wanted);
  gboolean found = FALSE;

  if (font != NULL)
    {
      PangoFontDescription *got = pango_font_describe (font);

      found = g_ascii_strcasecmp (pango_font_description_get_family (got), "Cantarell") == 0;
      pango_font_description_free (got);
      g_object_unref (font);
    }
  pango_font_description_free (wanted);
  g_object_unref (context);
  return found;
}

static void
test_golden (void)
{
  g_autoptr(EquityResult) result = make_group_result ();
  g_autoptr(EquityChart) chart = equity_chart_new (result);
  g_autofree char *golden_path = test_data_path ("charts", GOLDEN_NAME, NULL);
  cairo_surface_t *surface;
  cairo_surface_t *golden;
  guint differing = 0;

  /* the golden picture was drawn in Cantarell; another face moves every word */
  if (!have_cantarell ())
    {
      g_test_skip ("Cantarell is not installed (fonts-cantarell)");
      return;
    }
  surface = render (chart, 1200, 800, NULL);

  if (g_getenv ("EQUITY_CHART_UPDATE_GOLDEN") != NULL)
    {
      g_assert_cmpint (cairo_surface_write_to_png (surface, golden_path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("rewrote %s", golden_path);
    }

  golden = cairo_image_surface_create_from_png (golden_path);
  g_assert_cmpint (cairo_surface_status (golden), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (golden), ==, 1200);
  g_assert_cmpint (cairo_image_surface_get_height (golden), ==, 800);
  for (int y = 0; y < 800; y++)
    for (int x = 0; x < 1200; x++)
      differing += !near (pixel (surface, x, y), pixel (golden, x, y), 48);
  g_test_message ("%u of 960,000 pixels differ from the golden picture", differing);
  /* 0.5%: antialiasing and hinting, not a moved bar or a lost label */
  g_assert_cmpuint (differing, <, 4800);

  cairo_surface_destroy (golden);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/numbers", test_numbers);
  g_test_add_func ("/chart/bars/geometry", test_bars_geometry);
  g_test_add_func ("/chart/bars/many-rows", test_bars_many_rows);
  g_test_add_func ("/chart/empty", test_empty_and_tiny);
  g_test_add_func ("/chart/long-text", test_long_text);
  g_test_add_func ("/chart/dots", test_dots);
  g_test_add_func ("/chart/dots/dumbbell", test_dumbbell);
  g_test_add_func ("/chart/summary", test_summary_and_description);
  g_test_add_func ("/chart/kinds/hit-and-describe", test_kinds_hit_and_describe);
  g_test_add_func ("/chart/golden", test_golden);

  return g_test_run ();
}
