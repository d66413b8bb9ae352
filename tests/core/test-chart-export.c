/* test-chart-export.c — charts written as PNG, SVG and PDF; styles and the
 * hovered row, which come with each drawing and never stay on the chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chart-test-util.h"

static void
test_files (TestScratch   *scratch,
            gconstpointer  data)
{
  g_autoptr(EquityResult) result = make_group_result ();
  g_autoptr(EquityChart) chart = equity_chart_new (result);
  const char *dir = scratch->dir;
  struct { const char *name; const char *magic; gsize magic_length; } files[] = {
    { "chart.png", "\x89PNG\r\n\x1a\n", 8 },
    { "chart.PDF", "%PDF-", 5 },
    { "chart.svg", "<?xml", 5 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (equity_chart_save (chart, path, 1200, 800, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      g_assert_cmpmem (contents, files[i].magic_length, files[i].magic, files[i].magic_length);
      if (g_str_has_suffix (files[i].name, ".svg"))
        g_assert_nonnull (strstr (contents, "<svg"));
    }

  /* a name that says no format, a folder that is not there, a silly size:
   * refused, with what went wrong, and nothing written */
  {
    struct { const char *name; int width; GQuark domain; int code; const char *says; } refused[] = {
      { "chart.gif", 1200, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED, NULL },
      { "missing/chart.png", 1200, 0, 0, "chart.png" },
      { "huge.png", 100000, EQUITY_ERROR, EQUITY_ERROR_INVALID, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autofree char *path = g_build_filename (dir, refused[i].name, NULL);

        g_assert_false (equity_chart_save (chart, path, refused[i].width, 800, NULL, &error));
        g_assert_nonnull (error);
        if (refused[i].domain != 0)
          g_assert_error (error, refused[i].domain, refused[i].code);
        if (refused[i].says != NULL)
          g_assert_nonnull (strstr (error->message, refused[i].says));
        g_clear_error (&error);
        g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      }
  }

  png = equity_chart_to_png_bytes (chart, 640, 480, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (png), >, 1000);
  g_assert_cmpmem (g_bytes_get_data (png, NULL), 8, "\x89PNG\r\n\x1a\n", 8);

}

static void
test_dark_style (void)
{
  g_autoptr(EquityResult) result = make_group_result ();
  g_autoptr(EquityChart) chart = equity_chart_new (result);
  EquityChartStyle dark;
  cairo_surface_t *surface;

  surface = render (chart, 1200, 800, NULL);
  g_assert_cmphex (pixel (surface, 3, 3), ==, 0xffffff);
  cairo_surface_destroy (surface);

  equity_chart_style_init_dark (&dark);
  surface = render_styled (chart, 1200, 800, &dark, -1, "bars-dark");
  g_assert_cmphex (pixel (surface, 3, 3), ==, color_rgb (&dark.background));
  assert_margin_clear (surface, color_rgb (&dark.background), 8);
  /* the bars take the dark style's accent */
  {
    const EquityChartHit *black = find_hit (chart, 1);
    double x;
    g_assert_true (equity_chart_value_to_pixel (chart, 300, &x));
    g_assert_true (near (pixel (surface, (int) x, (int) (black->rect.y + black->rect.height * 0.3)),
                         color_rgb (&dark.accent), 10));
  }
  cairo_surface_destroy (surface);
}

/* hover: the row under the pointer is drawn in the highlight colour */
static void
test_highlight (void)
{
  g_autoptr(EquityResult) result = make_group_result ();
  g_autoptr(EquityChart) chart = equity_chart_new (result);
  const EquityChartStyle *style = light_style ();
  cairo_surface_t *surface;
  const EquityChartHit *black;
  const EquityChartHit *multi;
  double x;

  surface = render_styled (chart, 1200, 800, NULL, 1, "bars-hover");
  black = find_hit (chart, 1);
  multi = find_hit (chart, 4);
  g_assert_true (equity_chart_value_to_pixel (chart, 50, &x));
  g_assert_true (near (pixel (surface, (int) x, (int) (black->rect.y + black->rect.height * 0.3)),
                       color_rgb (&style->highlight), 6));
  g_assert_true (near (pixel (surface, (int) x, (int) (multi->rect.y + multi->rect.height * 0.3)),
                       color_rgb (&style->accent), 6));
  cairo_surface_destroy (surface);
}

/* The window draws in the dark theme with a row hovered; a file is written
 * meanwhile in the light style. The window's next frame is the same, pixel
 * for pixel, as its last, and hover still answers from the window's layout. */
static void
test_export_leaves_drawing (TestScratch   *scratch,
                            gconstpointer  data)
{
  struct { EquityChartKind kind; EquityResult *(*make) (void); int hovered; } cases[] = {
    { EQUITY_CHART_BARS, make_group_result, 1 },
    { EQUITY_CHART_DOTS, make_share_result, 0 },
    { EQUITY_CHART_TREND, make_trend_result, 3 },
    { EQUITY_CHART_SCATTER, make_scatter_result, 5 },
  };
  const char *dir = scratch->dir;
  EquityChartStyle dark;

  equity_chart_style_init_dark (&dark);
  dark.font_scale = 1.3;
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(EquityResult) result = cases[c].make ();
      g_autoptr(EquityChart) chart = equity_chart_new (result);
      g_autoptr(GBytes) png = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
      cairo_surface_t *before;
      cairo_surface_t *after;
      cairo_surface_t *file;
      cairo_surface_t *light;
      guint n_hits;
      guint row = G_MAXUINT;
      const EquityChartHit *hovered;

      equity_chart_set_kind (chart, cases[c].kind);
      before = render_styled (chart, 900, 600, &dark, cases[c].hovered, NULL);
      n_hits = drawn_hits (chart)->len;
      hovered = find_hit (chart, cases[c].hovered);
      g_assert_nonnull (hovered);

      /* two files of another size and style, drawn through the same chart */
      png = equity_chart_to_png_bytes (chart, 1200, 800, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (equity_chart_save (chart, path, 640, 480, NULL, &error));
      g_assert_no_error (error);

      /* the window's hover regions are still those of its own 900×600 frame */
      g_assert_cmpuint (drawn_hits (chart)->len, ==, n_hits);
      g_assert_true (equity_chart_hit_test (chart, hovered->rect.x + hovered->rect.width / 2,
                                            hovered->rect.y + hovered->rect.height / 2, &row));
      g_assert_cmpuint (row, ==, (guint) cases[c].hovered);

      after = render_styled (chart, 900, 600, &dark, cases[c].hovered, NULL);
      g_assert_true (same_pixels (before, after));

      /* and the file has the light style with nothing hovered: the same
       * pixels as a light drawing of the chart at that size */
      file = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (file), ==, CAIRO_STATUS_SUCCESS);
      light = render (chart, 640, 480, NULL);
      g_assert_true (same_pixels (file, light));
      g_assert_cmphex (pixel (file, 3, 3), ==, color_rgb (&light_style ()->background));

      cairo_surface_destroy (before);
      cairo_surface_destroy (after);
      cairo_surface_destroy (file);
      cairo_surface_destroy (light);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  test_add_with_scratch ("/chart/files", test_files);
  g_test_add_func ("/chart/dark", test_dark_style);
  g_test_add_func ("/chart/highlight", test_highlight);
  test_add_with_scratch ("/chart/export/leaves-drawing", test_export_leaves_drawing);

  return g_test_run ();
}
