/* test-chart-trend.c — a line over years with its target and baseline, and
 * the scatter plot with its least-squares line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chart-test-util.h"

/* ---- trend and scatter ---------------------------------------------------- */

static void
test_trend (void)
{
  g_autoptr(EquityResult) result = make_trend_result ();
  g_autoptr(EquityChart) chart = equity_chart_new (result);
  const EquityChartStyle *style = light_style ();

  g_assert_cmpint (equity_chart_kind_for_result (result), ==, EQUITY_CHART_TREND);
  equity_chart_set_kind (chart, EQUITY_CHART_TREND);
  equity_chart_set_target (chart, 75.0);
  for (guint s = 0; s < G_N_ELEMENTS (chart_test_sizes); s++)
    {
      cairo_surface_t *surface = render (chart, chart_test_sizes[s][0], chart_test_sizes[s][1], "trend");
      double target_y;
      guint dashes = 0;
      guint row;

      assert_margin_clear (surface, color_rgb (&style->background), 8);
      g_assert_true (equity_chart_value_to_pixel (chart, 75.0, &target_y));
      for (int x = 0; x < chart_test_sizes[s][0]; x++)
        for (int dy = -1; dy <= 1; dy++)
          dashes += near (pixel (surface, x, (int) round (target_y) + dy), color_rgb (&style->comparison), 12);
      g_assert_cmpuint (dashes, >, chart_test_sizes[s][0] / 4);

      /* each year's point is where its value maps, and hovering it names the year */
      for (guint i = 0; i < drawn_hits (chart)->len; i++)
        {
          const EquityChartHit *hit = &g_array_index (drawn_hits (chart), EquityChartHit, i);
          double y;
          double x = hit->rect.x + hit->rect.width / 2;

          g_assert_true (equity_chart_value_to_pixel (chart, equity_result_get_row (result, hit->row)->rate, &y));
          g_assert_true (near (pixel (surface, (int) round (x), (int) round (y)), color_rgb (&style->accent), 12));
          g_assert_true (equity_chart_hit_test (chart, x + 2, y - 2, &row));
          g_assert_cmpuint (row, ==, hit->row);
        }
      g_assert_cmpuint (drawn_hits (chart)->len, ==, 9);
      cairo_surface_destroy (surface);
    }
}

static void
test_scatter (void)
{
  g_autoptr(EquityResult) result = make_scatter_result ();
  g_autoptr(EquityChart) chart = equity_chart_new (result);
  const EquityChartStyle *style = light_style ();
  double mx = 0, my = 0;
  guint n = 0;

  equity_chart_set_kind (chart, EQUITY_CHART_SCATTER);
  equity_chart_set_axis_titles (chart, "Residents below the poverty line (%)", "Complaints per 1,000 residents");

  /* the least-squares line passes through the means */
  for (guint i = 0; i < equity_result_get_n_rows (result); i++)
    {
      const EquityResultRow *row = equity_result_get_row (result, i);
      if (row->suppressed)
        continue;
      mx += row->estimate * 100;
      my += row->rate;
      n++;
    }
  mx /= n;
  my /= n;

  for (guint s = 0; s < G_N_ELEMENTS (chart_test_sizes); s++)
    {
      cairo_surface_t *surface = render (chart, chart_test_sizes[s][0], chart_test_sizes[s][1], "scatter");
      double x, y;
      guint line = 0;

      assert_margin_clear (surface, color_rgb (&style->background), 8);
      g_assert_true (equity_chart_x_value_to_pixel (chart, mx, &x));
      g_assert_true (equity_chart_value_to_pixel (chart, my, &y));
      for (int dy = -3; dy <= 3; dy++)
        for (int dx = -3; dx <= 3; dx++)
          line += near (pixel (surface, (int) round (x) + dx, (int) round (y) + dy), color_rgb (&style->comparison), 40);
      g_assert_cmpuint (line, >, 3);
      /* one point per row that may be shown */
      g_assert_cmpuint (drawn_hits (chart)->len, ==, n);
      cairo_surface_destroy (surface);
    }
}

/* The baseline year is marked by a dashed rule across the plot: the column
 * of pixels at that year changes, the rest of the line and its points do
 * not move, and the description names the year. */
static void
test_trend_baseline (void)
{
  g_autoptr(EquityResult) result = make_trend_result ();
  g_autoptr(EquityChart) plain = equity_chart_new (result);
  g_autoptr(EquityChart) marked = equity_chart_new (result);
  const double years[] = { 2014, 2018, 2022 };
  const double targets[] = { 150, 110, 75 };
  g_autofree char *plain_description = NULL;
  g_autofree char *marked_description = NULL;

  g_assert_true (isnan (equity_chart_get_baseline (plain)));
  for (guint k = 0; k < 2; k++)
    {
      EquityChart *charts[] = { plain, marked };

      equity_chart_set_kind (charts[k], EQUITY_CHART_TREND);
      /* as the indicators page draws them: a target for each year */
      equity_chart_set_targets (charts[k], years, targets, G_N_ELEMENTS (years));
    }
  equity_chart_set_baseline (marked, 2016);
  g_assert_cmpfloat (equity_chart_get_baseline (marked), ==, 2016);

  for (guint s = 0; s < G_N_ELEMENTS (chart_test_sizes); s++)
    {
      int width = chart_test_sizes[s][0];
      int height = chart_test_sizes[s][1];
      cairo_surface_t *without = render (plain, width, height, "trend-plain");
      cairo_surface_t *with = render (marked, width, height, "trend-baseline");
      const EquityChartHit *hit_2016 = NULL;
      const EquityChartHit *hit_2020 = NULL;
      GArray *hits = drawn_hits (marked);
      guint changed = 0;
      guint changed_elsewhere = 0;
      int x_2016;
      int x_2020;

      assert_margin_clear (with, color_rgb (&light_style ()->background), 8);
      g_assert_cmpuint (hits->len, ==, drawn_hits (plain)->len);
      for (guint i = 0; i < hits->len; i++)
        {
          const EquityChartHit *hit = &g_array_index (hits, EquityChartHit, i);
          const char *label = equity_result_get_row (result, hit->row)->label;

          /* the baseline moves no point: the same regions as without it */
          g_assert_cmpfloat (hit->rect.x, ==, g_array_index (drawn_hits (plain), EquityChartHit, i).rect.x);
          if (g_str_equal (label, "2016"))
            hit_2016 = hit;
          else if (g_str_equal (label, "2020"))
            hit_2020 = hit;
        }
      g_assert_nonnull (hit_2016);
      g_assert_nonnull (hit_2020);
      x_2016 = (int) round (hit_2016->rect.x + hit_2016->rect.width / 2);
      x_2020 = (int) round (hit_2020->rect.x + hit_2020->rect.width / 2);

      /* down the plot at 2016 (away from the point itself), pixels differ;
       * at 2020, where there is no baseline, none do */
      for (int y = (int) hit_2016->rect.y; y < (int) (hit_2016->rect.y + hit_2016->rect.height); y++)
        {
          changed += pixel (with, x_2016, y) != pixel (without, x_2016, y);
          changed_elsewhere += pixel (with, x_2020, y) != pixel (without, x_2020, y);
        }
      g_assert_cmpuint (changed, >, hit_2016->rect.height / 4);
      g_assert_cmpuint (changed_elsewhere, ==, 0);
      /* the rule is dashed in the ink colour: some of it is dark */
      {
        guint dark = 0;

        for (int y = (int) hit_2016->rect.y; y < (int) (hit_2016->rect.y + hit_2016->rect.height); y++)
          dark += luma (pixel (with, x_2016, y)) < 90;
        g_assert_cmpuint (dark, >, hit_2016->rect.height / 8);
      }
      cairo_surface_destroy (without);
      cairo_surface_destroy (with);
    }

  plain_description = equity_chart_dup_description (plain);
  marked_description = equity_chart_dup_description (marked);
  g_assert_null (strstr (plain_description, "Baseline"));
  g_assert_nonnull (strstr (marked_description, "Baseline: 2016."));

  /* a baseline outside the years drawn is not drawn */
  {
    cairo_surface_t *without = render (plain, 1200, 800, NULL);
    cairo_surface_t *outside;

    equity_chart_set_baseline (marked, 1990);
    outside = render (marked, 1200, 800, NULL);
    g_assert_true (same_pixels (without, outside));
    cairo_surface_destroy (without);
    cairo_surface_destroy (outside);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/trend", test_trend);
  g_test_add_func ("/chart/trend/baseline", test_trend_baseline);
  g_test_add_func ("/chart/scatter", test_scatter);

  return g_test_run ();
}
