/* test-chart.c — charts drawn to image surfaces, checked pixel by pixel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Environment:
 *   EQUITY_CHART_OUTPUT_DIR=DIR   also save every picture drawn here into DIR, to look at
 *   EQUITY_CHART_UPDATE_GOLDEN=1  rewrite tests/data/charts/golden-bars-1200x800.png
 *                                 from this build (then look at it before committing)
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "equity-core.h"
#include "equity-project-private.h"
#include "chart/equity-chart-private.h"
#include "test-util.h"

/* Saves SPEC (key-file text that carries its name) bound to ids, as the app does. */
static gboolean
save_spec (EquityProject  *project,
           const char     *spec,
           GError        **error)
{
  g_autoptr(EquityAnalysis) analysis = equity_analysis_new_from_data (spec, -1, NULL, error);

  return analysis != NULL && equity_analysis_save (analysis, project, error);
}

#define GOLDEN_NAME "golden-bars-1200x800.png"

static const int sizes[][2] = { { 1200, 800 }, { 1920, 1080 } };

/* ---- results built with the public API -------------------------------- */

/* Arrests by race, shaped like the journey's: Black 448.0 per 1,000, 3.11× White */
static EquityResult *
make_group_result (void)
{
  EquityResult *result = equity_result_new ("group-rates");
  EquityResultRow *row;

  equity_result_set_title (result, "Arrests by race, 2020–2021");
  equity_result_set_units (result, "arrests per 1,000 residents");
  equity_result_set_source_note (result, "Sources: Asheville Police Department arrests 2020–2021; "
                                         "2020 Census P.L. 94-171, City of Asheville.");
  equity_result_set_reference (result, "W");

  row = equity_result_add_row (result, "W");
  row->display_label = g_strdup ("White");
  row->count = 10380;
  row->population = 72087;
  row->rate = 144.0;
  row->rate_low = 141.2;
  row->rate_high = 146.8;
  row->ratio = 1;
  row->is_reference = TRUE;

  row = equity_result_add_row (result, "B");
  row->display_label = g_strdup ("Black");
  row->count = 4452;
  row->population = 9938;
  row->rate = 448.0;
  row->rate_low = 435.0;
  row->rate_high = 461.2;
  row->ratio = 3.11;
  row->ratio_low = 3.01;
  row->ratio_high = 3.22;

  row = equity_result_add_row (result, "A");
  row->display_label = g_strdup ("Asian");
  row->count = 38;
  row->population = 1630;
  row->rate = 23.3;
  row->rate_low = 16.5;
  row->rate_high = 32.0;
  row->ratio = 0.16;
  row->ratio_low = 0.12;
  row->ratio_high = 0.22;

  row = equity_result_add_row (result, "I");
  row->display_label = g_strdup ("American Indian");
  row->count = 7;
  row->population = 385;
  row->suppressed = TRUE;

  row = equity_result_add_row (result, "M");
  row->display_label = g_strdup ("Two or more races");
  row->count = 512;
  row->population = 6140;
  row->rate = 83.4;
  row->rate_low = 76.3;
  row->rate_high = 90.9;
  row->ratio = 0.58;
  row->ratio_low = 0.53;
  row->ratio_high = 0.63;

  return result;
}

static double
pseudo_random (guint i)
{
  double x = sin (i * 12.9898 + 78.233) * 43758.5453;

  return x - floor (x);
}

static EquityResult *
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

static EquityResult *
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

static EquityResult *
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

static cairo_surface_t *
render (EquityChart *chart,
        int          width,
        int          height,
        const char  *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  const char *dir = g_getenv ("EQUITY_CHART_OUTPUT_DIR");

  equity_chart_draw (chart, cr, width, height);
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

static guint32
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

static guint32
color_rgb (const EquityChartColor *color)
{
  return ((guint32) round (color->red * 255) << 16) |
         ((guint32) round (color->green * 255) << 8) |
         (guint32) round (color->blue * 255);
}

static gboolean
near (guint32 a,
      guint32 b,
      int     tolerance)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (abs ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > tolerance)
      return FALSE;
  return TRUE;
}

static int
luma (guint32 c)
{
  return (int) (0.299 * ((c >> 16) & 0xff) + 0.587 * ((c >> 8) & 0xff) + 0.114 * (c & 0xff));
}

/* Nothing may be drawn in the outer MARGIN pixels: text that overflows its
 * box, a legend pushed off the side, a label clamped wrongly all land there. */
static void
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

static const EquityChartHit *
find_hit (EquityChart *chart,
          guint        row)
{
  for (guint i = 0; i < chart->hits->len; i++)
    if (g_array_index (chart->hits, EquityChartHit, i).row == row)
      return &g_array_index (chart->hits, EquityChartHit, i);
  return NULL;
}

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
  const EquityChartStyle *style = equity_chart_get_style (chart);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      int width = sizes[s][0];
      int height = sizes[s][1];
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
  g_assert_cmpuint (chart->hits->len, <, 60);
  g_assert_cmpuint (chart->hits->len, >=, 15);
  g_assert_cmpuint (g_array_index (chart->hits, EquityChartHit, 0).row, ==, top);
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
  const EquityChartStyle *style = equity_chart_get_style (chart);

  equity_chart_set_kind (chart, EQUITY_CHART_DOTS);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = render (chart, sizes[s][0], sizes[s][1], "dots");
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
                       color_rgb (&equity_chart_get_style (chart)->accent), 12));
  cairo_surface_destroy (surface);
}

/* ---- map ---------------------------------------------------------------- */

typedef struct
{
  char          *dir;
  EquityProject *project;
} MapFixture;

static void
import_file (EquityProject *project,
             const char    *path,
             const char    *name)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EquityImportOptions options = { 0 };
  g_autoptr(EquityImporter) importer = NULL;
  g_autoptr(EquityDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  options.name = name;
  importer = equity_importer_new (file, &options);
  g_assert_true (equity_importer_analyze (importer, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  dataset = equity_importer_run (importer, project, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
}

static void
map_fixture_setup (MapFixture    *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *geojson = test_data_path ("geo", "buncombe_tracts_cb2018_500k.geojson", NULL);
  g_autoptr(GError) error = NULL;

  fixture->dir = test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "map.equity", NULL);
  fixture->project = equity_project_create (path, &error);
  g_assert_no_error (error);
  import_file (fixture->project, geojson, "tracts");
}

static void
map_fixture_teardown (MapFixture    *fixture,
                      gconstpointer  data)
{
  g_clear_object (&fixture->project);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* The map's areas read from the store and handed to the chart */
static gboolean
load_map (EquityChart    *chart,
          EquityProject  *project,
          const char     *dataset,
          const char     *key_column,
          GError        **error)
{
  g_autoptr(EquityAreaSet) areas = equity_dataset_load_areas (project, dataset, key_column, error);

  if (areas == NULL)
    return FALSE;
  equity_chart_set_areas (chart, areas);
  return TRUE;
}

/* A rate for each of Buncombe's 56 tracts: every 11th suppressed, every 13th
 * without a row at all, every 7th unreliable. */
static EquityResult *
make_area_result (EquityProject *project)
{
  EquityResult *result = equity_result_new ("area-rates");
  EquityDataset *tracts = equity_project_find_dataset (project, "tracts");
  EquityColumn *geoid = equity_dataset_find_column (tracts, "GEOID");
  g_autofree char *sql = g_strdup_printf ("SELECT CAST(c%u AS TEXT) FROM %s ORDER BY 1",
                                          equity_column_get_position (geoid),
                                          equity_dataset_get_table_name (tracts));
  sqlite3_stmt *stmt = NULL;
  guint i = 0;

  equity_result_set_title (result, "Sanitation service requests by census tract");
  equity_result_set_units (result, "requests per 1,000 residents");
  equity_result_set_source_note (result, "Sources: Asheville sanitation requests 2014; "
                                         "U.S. Census Bureau cartographic boundaries 2018.");
  equity_result_set_map (result, "tracts", "GEOID");
  g_assert_cmpint (sqlite3_prepare_v2 (equity_project_get_db (project), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      EquityResultRow *row;

      i++;
      if (i % 13 == 5)
        continue;
      row = equity_result_add_row (result, key);
      row->population = 2000 + 3000 * pseudo_random (i + 7);
      row->rate = 5 + 90 * pseudo_random (i) * pseudo_random (i + 3);
      row->count = round (row->rate * row->population / 1000);
      row->suppressed = i % 11 == 3;
      row->reliability = i % 7 == 2 ? "low" : "high";
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (i, ==, 56);
  return result;
}

static double
distance_to_segment (double px, double py,
                     double ax, double ay,
                     double bx, double by)
{
  double dx = bx - ax;
  double dy = by - ay;
  double t = (dx * dx + dy * dy) > 0 ? ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy) : 0;

  t = CLAMP (t, 0, 1);
  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

/* The point of AREA farthest from its edges, in pixels, found on a grid:
 * a centroid may fall outside a crescent-shaped tract, this cannot. */
static gboolean
interior_point (EquityChart     *chart,
                EquityChartArea *area,
                double          *out_x,
                double          *out_y,
                double          *clearance)
{
  double best = -1;

  for (int gy = 1; gy < 40; gy++)
    for (int gx = 1; gx < 40; gx++)
      {
        double ux = area->extent[0] + (area->extent[1] - area->extent[0]) * gx / 40.0;
        double uy = area->extent[2] + (area->extent[3] - area->extent[2]) * gy / 40.0;
        double x = chart->map_origin_x + (ux - chart->map_extent[0]) * chart->map_scale;
        double y = chart->map_origin_y + (chart->map_extent[3] - uy) * chart->map_scale;
        double nearest = G_MAXDOUBLE;
        gboolean inside = FALSE;

        /* inside by even-odd over the area's own rings (holes included) */
        for (guint r = 0; r < area->n_rings; r++)
          for (guint p = area->ring_starts[r], q = area->ring_starts[r + 1] - 1; p < area->ring_starts[r + 1]; q = p++)
            {
              double xi = area->coords[2 * p], yi = area->coords[2 * p + 1];
              double xj = area->coords[2 * q], yj = area->coords[2 * q + 1];
              if ((yi > uy) != (yj > uy) && ux < (xj - xi) * (uy - yi) / (yj - yi) + xi)
                inside = !inside;
            }
        if (!inside)
          continue;
        /* and how far from every edge, in pixels */
        for (guint r = 0; r < area->n_rings; r++)
          for (guint p = area->ring_starts[r]; p + 1 < area->ring_starts[r + 1]; p++)
            {
              double ax = chart->map_origin_x + (area->coords[2 * p] - chart->map_extent[0]) * chart->map_scale;
              double ay = chart->map_origin_y + (chart->map_extent[3] - area->coords[2 * p + 1]) * chart->map_scale;
              double bx = chart->map_origin_x + (area->coords[2 * p + 2] - chart->map_extent[0]) * chart->map_scale;
              double by = chart->map_origin_y + (chart->map_extent[3] - area->coords[2 * p + 3]) * chart->map_scale;

              nearest = MIN (nearest, distance_to_segment (x, y, ax, ay, bx, by));
            }
        if (nearest > best)
          {
            best = nearest;
            *out_x = x;
            *out_y = y;
          }
      }
  *clearance = best;
  return best > 0;
}

static void
test_map (MapFixture    *fixture,
          gconstpointer  data)
{
  g_autoptr(EquityResult) result = make_area_result (fixture->project);
  g_autoptr(EquityChart) chart = equity_chart_new (result);
  g_autoptr(GError) error = NULL;
  const EquityChartStyle *style = equity_chart_get_style (chart);

  g_assert_cmpint (equity_chart_kind_for_result (result), ==, EQUITY_CHART_MAP);
  equity_chart_set_kind (chart, EQUITY_CHART_MAP);
  g_assert_true (load_map (chart, fixture->project, "tracts", "GEOID", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (equity_chart_get_n_areas (chart), ==, 56);
  /* every 13th tract has no row: 56 − 4 */
  g_assert_cmpuint (equity_chart_get_n_matched_areas (chart), ==, 52);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      int width = sizes[s][0];
      int height = sizes[s][1];
      cairo_surface_t *surface = render (chart, width, height, "map");
      guint n_checked = 0;
      guint n_hatched = 0;
      int map_right = 0;

      assert_margin_clear (surface, color_rgb (&style->background), 8);
      g_assert_cmpuint (chart->n_classes, ==, 5);

      for (guint i = 0; i < chart->areas->len; i++)
        {
          EquityChartArea *area = g_ptr_array_index (chart->areas, i);
          double x = 0, y = 0, clearance = 0;

          map_right = MAX (map_right, (int) (chart->map_origin_x +
                                             (area->extent[1] - chart->map_extent[0]) * chart->map_scale));
          if (!interior_point (chart, area, &x, &y, &clearance) || clearance < 6)
            continue;

          if (area->klass >= 0)
            {
              EquityChartColor expected;
              guint row;

              equity_chart_palette_class (area->klass, chart->n_classes, &expected);
              if (!near (pixel (surface, (int) x, (int) y), color_rgb (&expected), 3))
                g_error ("tract %s at (%.0f, %.0f) is %06x, not class %d's %06x", area->key, x, y,
                         pixel (surface, (int) x, (int) y), area->klass, color_rgb (&expected));
              g_assert_true (equity_chart_hit_test (chart, x, y, &row));
              g_assert_cmpint ((int) row, ==, area->row);
              n_checked++;
            }
          else if (clearance >= 8)
            {
              /* hatching: both the hatch ink and the ground show inside */
              guint ground = 0;
              guint ink = 0;

              for (int dy = -5; dy <= 5; dy++)
                for (int dx = -5; dx <= 5; dx++)
                  {
                    guint32 p = pixel (surface, (int) x + dx, (int) y + dy);
                    ground += near (p, color_rgb (&style->no_data), 6);
                    ink += near (p, color_rgb (&style->muted), 40);
                  }
              g_assert_cmpuint (ground, >, 10);
              g_assert_cmpuint (ink, >, 5);
              n_hatched++;
            }
        }
      g_assert_cmpuint (n_checked, >=, 25);
      g_assert_cmpuint (n_hatched, >=, 1);

      /* the legend, right of the map, has a swatch of every class colour */
      for (guint k = 0; k < chart->n_classes; k++)
        {
          EquityChartColor color;
          guint count = 0;

          equity_chart_palette_class (k, chart->n_classes, &color);
          for (int y = 0; y < height; y++)
            for (int x = map_right + 4; x < width; x++)
              count += near (pixel (surface, x, y), color_rgb (&color), 2);
          g_assert_cmpuint (count, >, 200);
        }

      /* the aspect is kept: one degree of latitude is 1/cos φ₀ degrees of longitude */
      {
        double lat_px = (chart->map_extent[3] - chart->map_extent[2]) * chart->map_scale;
        double lon_deg = (chart->map_extent[1] - chart->map_extent[0]) / cos (35.6 * G_PI / 180);
        double lon_px = (chart->map_extent[1] - chart->map_extent[0]) * chart->map_scale;

        g_assert_cmpfloat (fabs (lon_px / lat_px - lon_deg * cos (35.6 * G_PI / 180) /
                                 (chart->map_extent[3] - chart->map_extent[2])), <, 0.01);
      }
      cairo_surface_destroy (surface);
    }

  {
    g_autofree char *description = equity_chart_dup_description (chart);
    g_assert_nonnull (strstr (description, "56 areas"));
    g_assert_nonnull (strstr (description, "not shown"));
  }
}

/* A legend class's bounds read back from its text: "8 to under 24" (upper
 * bound excluded), "24 to 60" or "8 – 23" (included), "8" (one value). */
static void
legend_bounds (EquityChart *chart,
               guint        k,
               double      *low,
               double      *high,
               gboolean    *high_included)
{
  g_autofree char *label = equity_chart_map_class_label (chart, k);
  g_auto(GStrv) parts = NULL;

  g_assert_nonnull (label);
  if (strstr (label, " to under ") != NULL)
    {
      parts = g_strsplit (label, " to under ", 2);
      *high_included = FALSE;
    }
  else if (strstr (label, " to ") != NULL)
    {
      parts = g_strsplit (label, " to ", 2);
      *high_included = TRUE;
    }
  else
    {
      parts = g_strsplit (label, " – ", 2);
      *high_included = TRUE;
    }
  *low = g_ascii_strtod (parts[0], NULL);
  *high = parts[1] != NULL ? g_ascii_strtod (parts[1], NULL) : *low;
}

/* Every area's value lies in its own class as the legend states it, and no
 * value the legend can state lies in two classes. */
static void
assert_legend_exact (EquityChart *chart,
                     gboolean     closed_ranges)
{
  cairo_surface_t *surface = render (chart, 1200, 800, NULL);

  cairo_surface_destroy (surface);
  g_assert_cmpuint (chart->n_classes, >=, 3);
  for (guint k = 0; k < chart->n_classes; k++)
    {
      double low, high, next_low, next_high;
      gboolean included, next_included;

      legend_bounds (chart, k, &low, &high, &included);
      g_assert_cmpfloat (low, <=, high);
      if (k + 1 == chart->n_classes)
        {
          g_assert_true (included);
          continue;
        }
      legend_bounds (chart, k + 1, &next_low, &next_high, &next_included);
      /* "0 – 7", "8 – 23": a whole unit apart; "0 to under 8", "8 to …": met, not shared */
      g_assert_cmpint (included, ==, closed_ranges);
      if (closed_ranges)
        g_assert_cmpfloat (fabs (next_low - high - pow (10, -(double) chart->class_decimals)), <, 1e-9);
      else
        g_assert_cmpfloat (next_low, ==, high);
    }
  for (guint i = 0; i < chart->areas->len; i++)
    {
      EquityChartArea *area = g_ptr_array_index (chart->areas, i);
      double value, low, high;
      gboolean included;

      if (area->klass < 0)
        continue;
      g_assert_true (equity_chart_row_value (chart, equity_result_get_row (chart->result, area->row),
                                             &value, NULL, NULL));
      legend_bounds (chart, (guint) area->klass, &low, &high, &included);
      g_assert_cmpfloat (value, >=, low);
      if (included)
        g_assert_cmpfloat (value, <=, high);
      else
        g_assert_cmpfloat (value, <, high);
    }
}

static void
test_map_legend (MapFixture    *fixture,
                 gconstpointer  data)
{
  g_autoptr(EquityResult) rates = make_area_result (fixture->project);
  g_autoptr(EquityResult) whole = make_area_result (fixture->project);
  g_autoptr(EquityChart) rates_chart = equity_chart_new (rates);
  g_autoptr(EquityChart) whole_chart = equity_chart_new (whole);
  g_autoptr(GError) error = NULL;

  /* rates with decimals: "a to under b", the next class from b */
  equity_chart_set_kind (rates_chart, EQUITY_CHART_MAP);
  g_assert_true (load_map (rates_chart, fixture->project, "tracts", "GEOID", &error));
  g_assert_no_error (error);
  assert_legend_exact (rates_chart, FALSE);

  /* whole numbers, and some on the breaks: closed ranges that do not meet */
  for (guint i = 0; i < equity_result_get_n_rows (whole); i++)
    {
      EquityResultRow *row = equity_result_get_row (whole, i);

      row->rate = round (row->rate);
    }
  equity_chart_set_kind (whole_chart, EQUITY_CHART_MAP);
  g_assert_true (load_map (whole_chart, fixture->project, "tracts", "GEOID", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (whole_chart->class_decimals, ==, 0);
  assert_legend_exact (whole_chart, TRUE);
}

static void
test_map_errors (MapFixture    *fixture,
                 gconstpointer  data)
{
  g_autoptr(EquityResult) result = make_group_result ();
  g_autoptr(EquityChart) chart = equity_chart_new (result);
  g_autoptr(GError) error = NULL;

  g_assert_false (load_map (chart, fixture->project, "nope", "GEOID", &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (load_map (chart, fixture->project, "tracts", "nope", &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* no row matches a tract: everything is hatched, nothing crashes */
  g_assert_true (load_map (chart, fixture->project, "tracts", "GEOID", &error));
  g_assert_cmpuint (equity_chart_get_n_matched_areas (chart), ==, 0);
  equity_chart_set_kind (chart, EQUITY_CHART_MAP);
  cairo_surface_destroy (render (chart, 1200, 800, NULL));
}

/* ---- the command line ------------------------------------------------------ */

static void
write_and_import (MapFixture *fixture,
                  const char *name,
                  const char *contents)
{
  g_autofree char *file = g_strconcat (name, ".csv", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, file, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  import_file (fixture->project, path, name);
}

static void
assert_png (const char *path,
            int         width,
            int         height)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  cairo_surface_destroy (surface);
}

static void
test_cli_chart (MapFixture    *fixture,
                gconstpointer  data)
{
  g_autofree char *project = g_strdup (equity_project_get_path (fixture->project));
  g_autofree char *png = g_build_filename (fixture->dir, "rates.png", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "rates.pdf", NULL);
  g_autofree char *map = g_build_filename (fixture->dir, "map.png", NULL);
  g_autofree char *gif = g_build_filename (fixture->dir, "rates.gif", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) events = g_string_new ("id,race\n");
  g_autoptr(GString) poverty = g_string_new ("geoid,poor,poor_moe,people,people_moe\n");
  g_autoptr(GError) error = NULL;
  TestRun run = { 0 };
  sqlite3_stmt *stmt = NULL;
  guint i = 0;

  /* meson test says where the program is; run by hand, say EQUITY_CLI=… */
  if (g_getenv ("EQUITY_CLI") == NULL)
    {
      g_test_skip ("EQUITY_CLI is not set");
      return;
    }

  /* 300 events among 2,000 White residents, 250 among 500 Black residents */
  for (guint k = 0; k < 550; k++)
    g_string_append_printf (events, "%u,%s\n", k, k < 300 ? "W" : "B");
  write_and_import (fixture, "events", events->str);
  write_and_import (fixture, "pop", "place,rc_white,rc_black\nAsheville,2000,500\n");
  g_assert_true (save_spec (fixture->project,
                                               "[analysis]\nname = Stops by race\nkind = group-rates\n"
                                               "events = events\ngroup-column = race\npopulation = pop\n"
                                               "reference = W\n\n[groups]\nW = rc_white\nB = rc_black\n",
                                               &error));
  g_assert_no_error (error);

  /* an ACS proportion for each tract, mapped on the tracts by GEOID */
  {
    EquityDataset *tracts = equity_project_find_dataset (fixture->project, "tracts");
    EquityColumn *geoid = equity_dataset_find_column (tracts, "GEOID");
    g_autofree char *sql = g_strdup_printf ("SELECT CAST(c%u AS TEXT) FROM %s ORDER BY 1",
                                            equity_column_get_position (geoid),
                                            equity_dataset_get_table_name (tracts));

    g_assert_cmpint (sqlite3_prepare_v2 (equity_project_get_db (fixture->project), sql, -1, &stmt, NULL),
                     ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        i++;
        g_string_append_printf (poverty, "%s,%u,%u,%u,%u\n", sqlite3_column_text (stmt, 0),
                                200 + 37 * (i % 17), 40 + i % 9, 3000 + 11 * i, 120);
      }
    sqlite3_finalize (stmt);
  }
  write_and_import (fixture, "poverty", poverty->str);
  g_assert_true (save_spec (fixture->project,
                                               "[analysis]\nname = Poverty by tract\nkind = acs-proportion\n"
                                               "dataset = poverty\nkey-column = geoid\nnumerator = poor\n"
                                               "numerator-moe = poor_moe\ndenominator = people\n"
                                               "denominator-moe = people_moe\nmap = tracts\nmap-key = GEOID\n",
                                               &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->project);
  before = test_file_checksum (project);

  g_assert_true (test_run_cli (&run, "chart", project, "Stops by race", "--out", png, NULL));
  assert_png (png, 1200, 800);
  test_run_clear (&run);
  g_assert_true (test_run_cli (&run, "chart", project, "Stops by race", "--out", pdf, "--kind", "dots",
                          "--width", "1920", "--height", "1080", NULL));
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  }
  test_run_clear (&run);

  /* the analysis names its map: a map by default */
  g_assert_true (test_run_cli (&run, "chart", project, "Poverty by tract", "--out", map, NULL));
  g_assert_nonnull (strstr (run.out, "map"));
  assert_png (map, 1200, 800);
  test_run_clear (&run);

  /* failures: one clear message, a non-zero exit, nothing written */
  g_assert_false (test_run_cli (&run, "chart", project, "Stops by race", "--out", gif, NULL));
  g_assert_nonnull (strstr (run.err, "rates.gif"));
  g_assert_false (g_file_test (gif, G_FILE_TEST_EXISTS));
  test_run_clear (&run);
  g_assert_false (test_run_cli (&run, "chart", project, "No such analysis", "--out", png, NULL));
  g_assert_nonnull (strstr (run.err, "No such analysis"));
  test_run_clear (&run);
  g_assert_false (test_run_cli (&run, "chart", project, "Stops by race", "--out", png, "--kind", "pie", NULL));
  g_assert_nonnull (strstr (run.err, "pie"));
  test_run_clear (&run);
  g_assert_false (test_run_cli (&run, "chart", project, "Stops by race", "--out", png, "--kind", "map", NULL));
  g_assert_nonnull (strstr (run.err, "map"));
  test_run_clear (&run);
  g_assert_false (test_run_cli (&run, "chart", project, "Stops by race", NULL));
  test_run_clear (&run);

  /* drawing reads the project and never changes it */
  after = test_file_checksum (project);
  g_assert_cmpstr (before, ==, after);
}

/* ---- trend and scatter ---------------------------------------------------- */

static void
test_trend (void)
{
  g_autoptr(EquityResult) result = make_trend_result ();
  g_autoptr(EquityChart) chart = equity_chart_new (result);
  const EquityChartStyle *style = equity_chart_get_style (chart);

  g_assert_cmpint (equity_chart_kind_for_result (result), ==, EQUITY_CHART_TREND);
  equity_chart_set_kind (chart, EQUITY_CHART_TREND);
  equity_chart_set_target (chart, 75.0);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = render (chart, sizes[s][0], sizes[s][1], "trend");
      double target_y;
      guint dashes = 0;
      guint row;

      assert_margin_clear (surface, color_rgb (&style->background), 8);
      g_assert_true (equity_chart_value_to_pixel (chart, 75.0, &target_y));
      for (int x = 0; x < sizes[s][0]; x++)
        for (int dy = -1; dy <= 1; dy++)
          dashes += near (pixel (surface, x, (int) round (target_y) + dy), color_rgb (&style->comparison), 12);
      g_assert_cmpuint (dashes, >, sizes[s][0] / 4);

      /* each year's point is where its value maps, and hovering it names the year */
      for (guint i = 0; i < chart->hits->len; i++)
        {
          const EquityChartHit *hit = &g_array_index (chart->hits, EquityChartHit, i);
          double y;
          double x = hit->rect.x + hit->rect.width / 2;

          g_assert_true (equity_chart_value_to_pixel (chart, equity_result_get_row (result, hit->row)->rate, &y));
          g_assert_true (near (pixel (surface, (int) round (x), (int) round (y)), color_rgb (&style->accent), 12));
          g_assert_true (equity_chart_hit_test (chart, x + 2, y - 2, &row));
          g_assert_cmpuint (row, ==, hit->row);
        }
      g_assert_cmpuint (chart->hits->len, ==, 9);
      cairo_surface_destroy (surface);
    }
}

static void
test_scatter (void)
{
  g_autoptr(EquityResult) result = make_scatter_result ();
  g_autoptr(EquityChart) chart = equity_chart_new (result);
  const EquityChartStyle *style = equity_chart_get_style (chart);
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

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = render (chart, sizes[s][0], sizes[s][1], "scatter");
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
      g_assert_cmpuint (chart->hits->len, ==, n);
      cairo_surface_destroy (surface);
    }
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

/* ---- files and styles ----------------------------------------------------- */

static void
test_files (void)
{
  g_autoptr(EquityResult) result = make_group_result ();
  g_autoptr(EquityChart) chart = equity_chart_new (result);
  g_autofree char *dir = test_make_tmpdir ();
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

      g_assert_true (equity_chart_save (chart, path, 1200, 800, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      g_assert_cmpmem (contents, files[i].magic_length, files[i].magic, files[i].magic_length);
      if (g_str_has_suffix (files[i].name, ".svg"))
        g_assert_nonnull (strstr (contents, "<svg"));
    }

  /* a name that says no format, a folder that is not there, a silly size */
  {
    g_autofree char *path = g_build_filename (dir, "chart.gif", NULL);
    g_assert_false (equity_chart_save (chart, path, 1200, 800, &error));
    g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED);
    g_clear_error (&error);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  {
    g_autofree char *path = g_build_filename (dir, "missing", "chart.png", NULL);
    g_assert_false (equity_chart_save (chart, path, 1200, 800, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "chart.png"));
    g_clear_error (&error);
  }
  {
    g_autofree char *path = g_build_filename (dir, "huge.png", NULL);
    g_assert_false (equity_chart_save (chart, path, 100000, 800, &error));
    g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID);
    g_clear_error (&error);
  }

  png = equity_chart_to_png_bytes (chart, 640, 480, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (png), >, 1000);
  g_assert_cmpmem (g_bytes_get_data (png, NULL), 8, "\x89PNG\r\n\x1a\n", 8);

  test_remove_tree (dir);
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
  equity_chart_set_style (chart, &dark);
  surface = render (chart, 1200, 800, "bars-dark");
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
  const EquityChartStyle *style = equity_chart_get_style (chart);
  cairo_surface_t *surface;
  const EquityChartHit *black;
  const EquityChartHit *multi;
  double x;

  equity_chart_set_highlighted_row (chart, 1);
  surface = render (chart, 1200, 800, "bars-hover");
  black = find_hit (chart, 1);
  multi = find_hit (chart, 4);
  g_assert_true (equity_chart_value_to_pixel (chart, 50, &x));
  g_assert_true (near (pixel (surface, (int) x, (int) (black->rect.y + black->rect.height * 0.3)),
                       color_rgb (&style->highlight), 6));
  g_assert_true (near (pixel (surface, (int) x, (int) (multi->rect.y + multi->rect.height * 0.3)),
                       color_rgb (&style->accent), 6));
  cairo_surface_destroy (surface);
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
  g_test_add ("/chart/map", MapFixture, NULL, map_fixture_setup, test_map, map_fixture_teardown);
  g_test_add ("/chart/map/legend", MapFixture, NULL, map_fixture_setup, test_map_legend, map_fixture_teardown);
  g_test_add ("/chart/map/errors", MapFixture, NULL, map_fixture_setup, test_map_errors, map_fixture_teardown);
  g_test_add ("/chart/cli", MapFixture, NULL, map_fixture_setup, test_cli_chart, map_fixture_teardown);
  g_test_add_func ("/chart/trend", test_trend);
  g_test_add_func ("/chart/scatter", test_scatter);
  g_test_add_func ("/chart/summary", test_summary_and_description);
  g_test_add_func ("/chart/files", test_files);
  g_test_add_func ("/chart/dark", test_dark_style);
  g_test_add_func ("/chart/highlight", test_highlight);
  g_test_add_func ("/chart/golden", test_golden);

  return g_test_run ();
}
