/* test-chart-map-cache.c — what the map keeps between frames (simplified
 * paths, the plain picture the hover highlight is drawn over) never shows:
 * every frame has the pixels a fresh chart would draw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chart-test-util.h"

#define GRID 12

/* A little-endian WKB polygon: a square cell of the grid whose edges wiggle
 * in steps far below a pixel, so simplification has something to drop */
static GByteArray *
cell_wkb (int    col,
          int    row,
          double shift)
{
  GByteArray *wkb = g_byte_array_new ();
  const int per_side = 40;
  guint32 header[3] = { 3, 1, 4 * per_side + 1 };
  guint8 order = 1;

  g_byte_array_append (wkb, &order, 1);
  g_byte_array_append (wkb, (const guint8 *) &header[0], 4);
  g_byte_array_append (wkb, (const guint8 *) &header[1], 4);
  g_byte_array_append (wkb, (const guint8 *) &header[2], 4);
  for (int i = 0; i <= 4 * per_side; i++)
    {
      int side = (i / per_side) % 4;
      double t = (double) (i % per_side) / per_side;
      double x = side == 0 ? t : side == 1 ? 1 : side == 2 ? 1 - t : 0;
      double y = side == 0 ? 0 : side == 1 ? t : side == 2 ? 1 : 1 - t;
      /* neighbours share the wiggle: it depends on the position only */
      double wiggle = 0.006 * sin ((col + x + row + y) * 40);
      double point[2] = { -82.6 + (col + x + wiggle) * 0.01 + shift, 35.5 + (row + y + wiggle) * 0.01 };

      g_byte_array_append (wkb, (const guint8 *) point, sizeof point);
    }
  return wkb;
}

static EquityAreaSet *
make_grid (double shift)
{
  EquityAreaSet *areas = equity_area_set_new ();

  for (int row = 0; row < GRID; row++)
    for (int col = 0; col < GRID; col++)
      {
        g_autoptr(GByteArray) wkb = cell_wkb (col, row, shift);
        g_autofree char *key = g_strdup_printf ("c%02d%02d", row, col);

        equity_area_set_add (areas, key, wkb->data, wkb->len);
      }
  return areas;
}

/* a rate for each cell, every ninth suppressed (hatched) */
static EquityChart *
make_map (double shift)
{
  g_autoptr(EquityResult) result = equity_result_new ("area-rates");
  g_autoptr(EquityAreaSet) areas = make_grid (shift);
  EquityChart *chart;

  equity_result_set_title (result, "A grid of areas");
  equity_result_set_units (result, "requests per 1,000 residents");
  for (guint i = 0; i < GRID * GRID; i++)
    {
      g_autofree char *key = g_strdup_printf ("c%02u%02u", i / GRID, i % GRID);
      EquityResultRow *row = equity_result_add_row (result, key);

      row->rate = 5 + 90 * pseudo_random (i);
      row->suppressed = i % 9 == 4;
    }
  chart = equity_chart_new (result);
  equity_chart_set_kind (chart, EQUITY_CHART_MAP);
  equity_chart_set_areas (chart, areas);
  return chart;
}

/* the picture drawn whole, highlight and all, in a layout of its own: what
 * the chart drew before it kept anything */
static cairo_surface_t *
render_fresh (EquityChart            *chart,
              int                     width,
              int                     height,
              const EquityChartStyle *style,
              int                     highlighted)
{
  g_autoptr(EquityChartLayout) layout = equity_chart_layout_new (equity_chart_renderer_for_kind (EQUITY_CHART_MAP));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  equity_chart_draw_layout (chart, layout, cr, width, height, style, highlighted);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  guint differ = 0;

  g_assert_cmpint (width, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      differ += pixel (a, x, y) != pixel (b, x, y);
  g_assert_cmpuint (differ, ==, 0);
}

/* draws CHART as the window does and compares it with a fresh drawing of REFERENCE */
static void
assert_frame (EquityChart            *chart,
              EquityChart            *reference,
              int                     width,
              int                     height,
              const EquityChartStyle *style,
              int                     highlighted)
{
  cairo_surface_t *drawn = render_styled (chart, width, height, style, highlighted, NULL);
  cairo_surface_t *fresh = render_fresh (reference, width, height, style, highlighted);

  assert_same_pixels (drawn, fresh);
  cairo_surface_destroy (drawn);
  cairo_surface_destroy (fresh);
}

static void
test_hover_over_kept_frame (void)
{
  g_autoptr(EquityChart) chart = make_map (0);
  g_autoptr(EquityChart) reference = make_map (0);
  cairo_surface_t *plain;
  cairo_surface_t *fresh_plain;

  /* the plain frame, then the pointer over three areas in turn */
  plain = render_styled (chart, 600, 400, NULL, -1, NULL);
  fresh_plain = render_fresh (reference, 600, 400, NULL, -1);
  assert_same_pixels (plain, fresh_plain);
  assert_frame (chart, reference, 600, 400, NULL, 7);
  g_assert_nonnull (chart->layout->frame);
  assert_frame (chart, reference, 600, 400, NULL, 50);
  assert_frame (chart, reference, 600, 400, NULL, 143);

  /* the highlight is really drawn: the hovered frame differs from the plain one */
  {
    cairo_surface_t *hovered = render_styled (chart, 600, 400, NULL, 50, NULL);
    guint differ = 0;

    for (int y = 0; y < 400; y++)
      for (int x = 0; x < 600; x++)
        differ += pixel (hovered, x, y) != pixel (plain, x, y);
    g_assert_cmpuint (differ, >, 20);
    cairo_surface_destroy (hovered);
  }
  /* and a plain frame again is the plain picture */
  {
    cairo_surface_t *again = render_styled (chart, 600, 400, NULL, -1, NULL);

    assert_same_pixels (again, fresh_plain);
    cairo_surface_destroy (again);
  }
  cairo_surface_destroy (plain);
  cairo_surface_destroy (fresh_plain);
}

static void
test_kept_frame_follows_changes (void)
{
  g_autoptr(EquityChart) chart = make_map (0);
  g_autoptr(EquityChart) reference = make_map (0);
  g_autoptr(EquityAreaSet) moved = make_grid (0.03);
  EquityChartStyle dark;

  assert_frame (chart, reference, 600, 400, NULL, 7);

  /* another size: paths and the kept picture are made again */
  assert_frame (chart, reference, 520, 430, NULL, 7);
  assert_frame (chart, reference, 600, 400, NULL, 9);

  /* another style (the theme changed), and back */
  equity_chart_style_init_dark (&dark);
  assert_frame (chart, reference, 600, 400, &dark, 9);
  assert_frame (chart, reference, 600, 400, NULL, 9);

  /* new words */
  assert_frame (chart, reference, 600, 400, NULL, 9);
  equity_chart_set_title (chart, "Another title");
  equity_chart_set_title (reference, "Another title");
  assert_frame (chart, reference, 600, 400, NULL, 9);

  /* new areas (the data changed) */
  equity_chart_set_areas (chart, moved);
  equity_chart_set_areas (reference, moved);
  assert_frame (chart, reference, 600, 400, NULL, 9);
  assert_frame (chart, reference, 600, 400, NULL, 11);
}

/* points kept in one area's outline when drawn at DEVICE_SCALE device
 * pixels per unit */
static int
outline_length (EquityChart *chart,
                double       device_scale)
{
  g_autoptr(EquityChartLayout) layout = equity_chart_layout_new (equity_chart_renderer_for_kind (EQUITY_CHART_MAP));
  EquityChartRect rect = { 0, 0, 600, 400 };

  equity_chart_map_fit (chart, layout->state, &rect, device_scale);
  return equity_chart_map_area_path (layout->state, 0, FALSE, NULL)->num_data;
}

/* A cell is 33 px across at this size (0.12° of latitude in 400 px) and its
 * edges wiggle by 0.2 px (0.006 of a cell) in steps of 0.8 px: on screen the
 * wiggle is within Douglas–Peucker's half pixel and goes, on a 2× screen
 * some of it stays, at print resolution (8 dots a unit) more. */
static void
test_simplified_for_device_pixels (void)
{
  g_autoptr(EquityChart) chart = make_map (0);
  int screen = outline_length (chart, 1);
  int retina = outline_length (chart, 2);
  int print = outline_length (chart, 8);

  g_assert_cmpint (screen, <, retina);
  g_assert_cmpint (retina, <, print);
  /* a square on screen: its corners (2 data each) and a close */
  g_assert_cmpint (screen, <=, 2 * 6 + 1);
  /* at most the 161 points of the ring, and a close */
  g_assert_cmpint (print, <=, 2 * 161 + 1);
}

/* A WKB polygon of square rings, each (x0, y0, x1, y1) counter-clockwise as
 * given, or all clockwise: a hole runs the same way as its outer ring, so
 * only the even-odd rule leaves it empty */
static GByteArray *
squares_wkb (const double *rings,
             guint         n_rings,
             gboolean      clockwise)
{
  GByteArray *wkb = g_byte_array_new ();
  guint32 header[2] = { 3, n_rings };
  guint32 n_points = 5;
  guint8 order = 1;

  g_byte_array_append (wkb, &order, 1);
  g_byte_array_append (wkb, (const guint8 *) header, sizeof header);
  for (guint r = 0; r < n_rings; r++)
    {
      const double *q = rings + 4 * r;
      double points[10] = { q[0], q[1], q[2], q[1], q[2], q[3], q[0], q[3], q[0], q[1] };

      if (clockwise)
        for (int i = 0, j = 4; i < j; i++, j--)
          {
            double x = points[2 * i], y = points[2 * i + 1];

            points[2 * i] = points[2 * j];
            points[2 * i + 1] = points[2 * j + 1];
            points[2 * j] = x;
            points[2 * j + 1] = y;
          }

      g_byte_array_append (wkb, (const guint8 *) &n_points, 4);
      g_byte_array_append (wkb, (const guint8 *) points, sizeof points);
    }
  return wkb;
}

/* every seventh cell a ring around a hole, with an island area filling the
 * hole: the rings at the lowest rate, the islands at the highest; every
 * ring wound CLOCKWISE or counter-clockwise */
static EquityChart *
make_holed_map (gboolean clockwise)
{
  g_autoptr(EquityResult) result = equity_result_new ("area-rates");
  g_autoptr(EquityAreaSet) areas = equity_area_set_new ();
  EquityChart *chart;

  equity_result_set_title (result, "Rings and islands");
  equity_result_set_units (result, "requests per 1,000 residents");
  for (guint i = 0; i < GRID * GRID; i++)
    {
      double x = -82.6 + (i % GRID) * 0.01, y = 35.5 + (i / GRID) * 0.01;
      double rings[8] = { x, y, x + 0.01, y + 0.01, x + 0.003, y + 0.003, x + 0.007, y + 0.007 };
      gboolean holed = i % 7 == 3;
      g_autoptr(GByteArray) cell = squares_wkb (rings, holed ? 2 : 1, clockwise);
      g_autofree char *key = g_strdup_printf ("c%03u", i);
      EquityResultRow *row;

      equity_area_set_add (areas, key, cell->data, cell->len);
      row = equity_result_add_row (result, key);
      row->rate = holed ? 1 : 5 + 90 * pseudo_random (i);
      row->suppressed = i % 9 == 4;
      if (holed)
        {
          g_autoptr(GByteArray) island = squares_wkb (rings + 4, 1, clockwise);
          g_autofree char *island_key = g_strdup_printf ("i%03u", i);

          equity_area_set_add (areas, island_key, island->data, island->len);
          equity_result_add_row (result, island_key)->rate = 99;
        }
    }
  chart = equity_chart_new (result);
  equity_chart_set_kind (chart, EQUITY_CHART_MAP);
  equity_chart_set_areas (chart, areas);
  return chart;
}

/* the pixel at fractions FX, FY across area I's extent as CHART last drew it */
static guint32
pixel_in_area (EquityChart     *chart,
               cairo_surface_t *surface,
               guint            i,
               double           fx,
               double           fy)
{
  const EquityChartArea *area = g_ptr_array_index (chart->map.areas, i);
  double scale, origin_x, origin_y;
  double x = area->extent[0] + fx * (area->extent[1] - area->extent[0]);
  double y = area->extent[2] + fy * (area->extent[3] - area->extent[2]);

  g_assert_true (equity_chart_map_get_transform (chart->layout->state, &scale, &origin_x, &origin_y));
  return pixel (surface, (int) (origin_x + (x - chart->map.extent[0]) * scale),
                (int) (origin_y + (chart->map.extent[3] - y) * scale));
}

/* Filling each class as one path gives the picture filled area by area.
 * They may differ only where two areas meet: filled one by one, the two
 * partly covered edge pixels let a little background through (a seam);
 * filled together, the pixel is covered once. So every pixel away from an
 * edge (its 3×3 neighbourhood one colour) must be the same, and holes must
 * stay holes: an island shows its own class, not its ring's. */
static void
test_batched_fills (gconstpointer data)
{
  gboolean holed = GPOINTER_TO_INT (data);
  g_autoptr(EquityChart) chart = holed ? make_holed_map (FALSE) : make_map (0);
  cairo_surface_t *batched;
  cairo_surface_t *by_area;
  guint uniform = 0;

  batched = render_styled (chart, 600, 400, NULL, -1, NULL);
  equity_chart_map_set_fill_by_area (TRUE);
  by_area = render_fresh (chart, 600, 400, NULL, -1);
  equity_chart_map_set_fill_by_area (FALSE);

  for (int y = 1; y < 399; y++)
    for (int x = 1; x < 599; x++)
      {
        guint32 c = pixel (by_area, x, y);
        gboolean same = TRUE;

        for (int dy = -1; dy <= 1 && same; dy++)
          for (int dx = -1; dx <= 1 && same; dx++)
            same = pixel (by_area, x + dx, y + dy) == c;
        if (!same)
          continue;
        uniform++;
        g_assert_cmphex (pixel (batched, x, y), ==, c);
      }
  /* most of the picture is away from edges: the comparison covered it */
  g_assert_cmpuint (uniform, >, 600 * 400 / 2);

  if (holed)
    {
      EquityChartColor low, high;

      equity_chart_palette_class (0, chart->map.n_classes, &low);
      equity_chart_palette_class (chart->map.n_classes - 1, chart->map.n_classes, &high);
      g_assert_cmpuint (chart->map.n_classes, >, 1);
      /* cell 3 (area 3, two rings) and its island (area 4): the ring low,
       * the island high, in both pictures */
      g_assert_cmpuint (((EquityChartArea *) g_ptr_array_index (chart->map.areas, 3))->n_rings, ==, 2);
      g_assert_cmpuint (((EquityChartArea *) g_ptr_array_index (chart->map.areas, 4))->n_rings, ==, 1);
      g_assert_cmphex (pixel_in_area (chart, batched, 3, 0.15, 0.5), ==, color_rgb (&low));
      g_assert_cmphex (pixel_in_area (chart, batched, 4, 0.5, 0.5), ==, color_rgb (&high));
      g_assert_cmphex (pixel_in_area (chart, by_area, 4, 0.5, 0.5), ==, color_rgb (&high));
    }
  cairo_surface_destroy (batched);
  cairo_surface_destroy (by_area);
}

/* The raster fill adds up each ring's signed coverage, taking outer rings
 * one way round and holes the other, whichever way the file winds them: a
 * file wound the other way, holes and all, draws the same pixels */
static void
test_either_winding (void)
{
  g_autoptr(EquityChart) counter_clockwise = make_holed_map (FALSE);
  g_autoptr(EquityChart) clockwise = make_holed_map (TRUE);
  cairo_surface_t *expected = render_styled (counter_clockwise, 600, 400, NULL, -1, NULL);
  cairo_surface_t *drawn = render_styled (clockwise, 600, 400, NULL, -1, NULL);

  assert_same_pixels (expected, drawn);
  cairo_surface_destroy (expected);
  cairo_surface_destroy (drawn);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/map/cache/hover", test_hover_over_kept_frame);
  g_test_add_func ("/chart/map/cache/changes", test_kept_frame_follows_changes);
  g_test_add_func ("/chart/map/cache/device-pixels", test_simplified_for_device_pixels);
  g_test_add_data_func ("/chart/map/cache/batched-fills", GINT_TO_POINTER (FALSE), test_batched_fills);
  g_test_add_data_func ("/chart/map/cache/batched-fills-holes", GINT_TO_POINTER (TRUE), test_batched_fills);
  g_test_add_func ("/chart/map/cache/either-winding", test_either_winding);
  return g_test_run ();
}
