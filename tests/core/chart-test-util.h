/* chart-test-util.h — results to chart, and pixels to check, for the chart tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by test-chart.c, test-chart-map.c, test-chart-trend.c and
 * test-chart-export.c (header-only: each test binary is one translation unit).
 *
 * Environment:
 *   EQUITY_CHART_OUTPUT_DIR=DIR   also save every picture drawn into DIR, to look at
 */

#pragma once

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "equity-core.h"
#include "chart/equity-chart-private.h"
#include "test-util.h"

/* the sizes most checks are repeated at: a slide and full HD */
static const int chart_test_sizes[][2] = { { 1200, 800 }, { 1920, 1080 } };

/* ---- results built with the public API -------------------------------- */

/* Arrests by race, shaped like the journey's: Black 448.0 per 1,000, 3.11× White */
static inline EquityResult *
make_group_result (void)
{
  static const struct {
    const char *code;
    const char *name;
    double count, population, rate, rate_low, rate_high, ratio, ratio_low, ratio_high;
  } groups[] = {
    { "W", "White", 10380, 72087, 144.0, 141.2, 146.8, 1, NAN, NAN },
    { "B", "Black", 4452, 9938, 448.0, 435.0, 461.2, 3.11, 3.01, 3.22 },
    { "A", "Asian", 38, 1630, 23.3, 16.5, 32.0, 0.16, 0.12, 0.22 },
    { "I", "American Indian", 7, 385, NAN, NAN, NAN, NAN, NAN, NAN },
    { "M", "Two or more races", 512, 6140, 83.4, 76.3, 90.9, 0.58, 0.53, 0.63 },
  };
  EquityResult *result = equity_result_new ("group-rates");

  equity_result_set_title (result, "Arrests by race, 2020–2021");
  equity_result_set_units (result, "arrests per 1,000 residents");
  equity_result_set_source_note (result, "Sources: Asheville Police Department arrests 2020–2021; "
                                         "2020 Census P.L. 94-171, City of Asheville.");
  equity_result_set_reference (result, "W");

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      EquityResultRow *row = equity_result_add_row (result, groups[i].code);

      row->display_label = g_strdup (groups[i].name);
      row->count = groups[i].count;
      row->population = groups[i].population;
      row->rate = groups[i].rate;
      row->rate_low = groups[i].rate_low;
      row->rate_high = groups[i].rate_high;
      row->ratio = groups[i].ratio;
      row->ratio_low = groups[i].ratio_low;
      row->ratio_high = groups[i].ratio_high;
      row->is_reference = i == 0;
      /* American Indian: 7 arrests, below the threshold of 11 */
      row->suppressed = !isfinite (groups[i].rate);
    }

  return result;
}

static inline double
pseudo_random (guint i)
{
  double x = sin (i * 12.9898 + 78.233) * 43758.5453;

  return x - floor (x);
}

static inline EquityResult *
make_trend_result (void)
{
  EquityResult *result = equity_result_new ("indicator");

  equity_result_set_title (result, "Traffic stops of Black drivers");
  equity_result_set_units (result, "stops per 1,000 residents");
  equity_result_set_source_note (result, "Source: Asheville Police Department traffic stops, 2014–2022.");
  for (guint year = 2014; year <= 2022; year++)
    {
      g_autofree char *label = g_strdup_printf ("%u", year);
      EquityResultRow *row = equity_result_add_row (result, label);
      double value = 160 - (year - 2014) * 9.5 + 12 * pseudo_random (year);

      row->rate = value;
      row->rate_low = value - 8 - 4 * pseudo_random (year + 100);
      row->rate_high = value + 8 + 4 * pseudo_random (year + 200);
      row->count = value * 10;
      row->population = 10000;
    }
  return result;
}

static inline EquityResult *
make_scatter_result (void)
{
  EquityResult *result = equity_result_new ("area-rates");

  equity_result_set_title (result, "Code-enforcement complaints and poverty, by tract");
  equity_result_set_units (result, "complaints per 1,000 residents");
  equity_result_set_source_note (result, "Sources: Asheville 311 requests, 2021; ACS 2017–2021 5-year estimates.");
  for (guint i = 0; i < 48; i++)
    {
      g_autofree char *label = g_strdup_printf ("Tract %u", i + 1);
      EquityResultRow *row = equity_result_add_row (result, label);

      row->estimate = 0.04 + 0.36 * pseudo_random (i);
      row->rate = 8 + 95 * row->estimate + 14 * (pseudo_random (i + 500) - 0.5);
      row->count = row->rate * 4;
      row->population = 4000;
      row->suppressed = i == 7;
    }
  return result;
}

static inline EquityResult *
make_share_result (void)
{
  EquityResult *result = equity_result_new ("representation");
  const char *groups[] = { "White", "Black", "Hispanic or Latino", "Asian", "Two or more races" };
  const double seats[] = { 0.86, 0.09, 0.02, 0.0, 0.03 };
  const double people[] = { 0.74, 0.105, 0.075, 0.015, 0.065 };

  equity_result_set_title (result, "Boards and commissions by race and ethnicity");
  equity_result_set_units (result, "seats");
  equity_result_set_source_note (result, "Source: City Clerk, board rosters 2023; 2020 Census.");
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      EquityResultRow *row = equity_result_add_row (result, groups[i]);

      row->share = seats[i];
      row->population_share = people[i];
    }
  return result;
}

/* ---- pixels ------------------------------------------------------------- */

/* Draws CHART as a window would, in STYLE (NULL: light) with HIGHLIGHTED
 * hovered; saved as NAME-WxH.png into $EQUITY_CHART_OUTPUT_DIR when set. */
static inline cairo_surface_t *
render_styled (EquityChart            *chart,
               int                     width,
               int                     height,
               const EquityChartStyle *style,
               int                     highlighted,
               const char             *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  const char *dir = g_getenv ("EQUITY_CHART_OUTPUT_DIR");

  equity_chart_draw (chart, cr, width, height, style, highlighted);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (dir != NULL && name != NULL)
    {
      g_autofree char *file = g_strdup_printf ("%s-%dx%d.png", name, width, height);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      g_mkdir_with_parents (dir, 0755);
      cairo_surface_write_to_png (surface, path);
    }
  return surface;
}

static inline guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  /* everything is drawn over an opaque background: no unpremultiplying */
  return *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

static inline guint32
color_rgb (const EquityChartColor *color)
{
  return ((guint32) round (color->red * 255) << 16) |
         ((guint32) round (color->green * 255) << 8) |
         (guint32) round (color->blue * 255);
}

static inline gboolean
near (guint32 a,
      guint32 b,
      int     tolerance)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (abs ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > tolerance)
      return FALSE;
  return TRUE;
}

static inline int
luma (guint32 c)
{
  return (int) (0.299 * ((c >> 16) & 0xff) + 0.587 * ((c >> 8) & 0xff) + 0.114 * (c & 0xff));
}

/* Nothing may be drawn in the outer MARGIN pixels: text that overflows its
 * box, a legend pushed off the side, a label clamped wrongly all land there. */
static inline void
assert_margin_clear (cairo_surface_t *surface,
                     guint32          background,
                     int              margin)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        if (x >= margin && x < width - margin && y >= margin && y < height - margin)
          continue;
        if (!near (pixel (surface, x, y), background, 2))
          g_error ("ink at (%d, %d) in the %d px margin of a %dx%d chart: %06x",
                   x, y, margin, width, height, pixel (surface, x, y));
      }
}

/* the light style, which a chart is drawn in unless told otherwise */
static inline const EquityChartStyle *
light_style (void)
{
  static EquityChartStyle light;

  equity_chart_style_init_light (&light);
  return &light;
}

/* in the light style, nothing hovered */
static inline cairo_surface_t *
render (EquityChart *chart,
        int          width,
        int          height,
        const char  *name)
{
  return render_styled (chart, width, height, NULL, -1, name);
}

/* the hit regions of the last equity_chart_draw() */
static inline GArray *
drawn_hits (EquityChart *chart)
{
  g_assert_nonnull (chart->layout);
  return chart->layout->hits;
}

static inline const EquityChartHit *
find_hit (EquityChart *chart,
          guint        row)
{
  GArray *hits = drawn_hits (chart);

  for (guint i = 0; i < hits->len; i++)
    if (g_array_index (hits, EquityChartHit, i).row == row)
      return &g_array_index (hits, EquityChartHit, i);
  return NULL;
}

/* every pixel of A and B the same */
static inline gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  g_assert_cmpint (cairo_image_surface_get_width (a), ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b), (gsize) stride * height) == 0;
}
