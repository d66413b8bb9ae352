/* test-chart-trend.c — a line over years with its target, and
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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/trend", test_trend);
  g_test_add_func ("/chart/scatter", test_scatter);

  return g_test_run ();
}
