/* test-chart-map.c — the choropleth of Buncombe County's tracts, its legend,
 * its hover, and the command line's chart command
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "equity-project-private.h"
#include "chart-test-util.h"

/* Saves SPEC (key-file text that carries its name) bound to ids, as the app does. */
static gboolean
save_spec (EquityProject  *project,
           const char     *spec,
           GError        **error)
{
  g_autoptr(EquityAnalysis) analysis = equity_analysis_new_from_data (spec, -1, NULL, error);

  return analysis != NULL && equity_analysis_save (analysis, project, error);
}

/* the project map.equity with Buncombe's tracts imported as "tracts" */
static void
map_project_set_up (TestProject   *fixture,
                    gconstpointer  data)
{
  g_autofree char *geojson = test_data_path ("geo", "buncombe_tracts_cb2018_500k.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (geojson);
  g_autoptr(EquityDataset) tracts = NULL;

  test_project_set_up (fixture, "map.equity");
  tracts = test_import_ok (fixture->project, file, &(EquityImportOptions) { .name = "tracts" });
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

/* the GEOIDs of the imported tracts, in order */
static GStrv
tract_geoids (EquityProject *project)
{
  EquityDataset *tracts = equity_project_find_dataset (project, "tracts");
  EquityColumn *geoid = equity_dataset_find_column (tracts, "GEOID");
  g_autofree char *sql = g_strdup_printf ("SELECT CAST(c%u AS TEXT) FROM %s ORDER BY 1",
                                          equity_column_get_position (geoid),
                                          equity_dataset_get_table_name (tracts));
  g_autoptr(GStrvBuilder) geoids = g_strv_builder_new ();
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (equity_project_get_db (project), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (geoids, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_strv_builder_end (geoids);
}

/* A rate for each of Buncombe's 56 tracts: every 11th suppressed, every 13th
 * without a row at all, every 7th unreliable. */
static EquityResult *
make_area_result (EquityProject *project)
{
  EquityResult *result = equity_result_new ("area-rates");
  g_auto(GStrv) geoids = tract_geoids (project);

  equity_result_set_title (result, "Sanitation service requests by census tract");
  equity_result_set_units (result, "requests per 1,000 residents");
  equity_result_set_source_note (result, "Sources: Asheville sanitation requests 2014; "
                                         "U.S. Census Bureau cartographic boundaries 2018.");
  equity_result_set_map (result, "tracts", "GEOID");
  g_assert_cmpuint (g_strv_length (geoids), ==, 56);
  for (guint k = 0; geoids[k] != NULL; k++)
    {
      guint i = k + 1;
      EquityResultRow *row;

      if (i % 13 == 5)
        continue;
      row = equity_result_add_row (result, geoids[k]);
      row->population = 2000 + 3000 * pseudo_random (i + 7);
      row->rate = 5 + 90 * pseudo_random (i) * pseudo_random (i + 3);
      row->count = round (row->rate * row->population / 1000);
      row->suppressed = i % 11 == 3;
      row->reliability = i % 7 == 2 ? "low" : "high";
    }
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
/* Where the last drawing put the map: projected units to pixels */
typedef struct
{
  double scale;
  double origin_x;
  double origin_y;
  double extent[4];
} MapTransform;

static void
drawn_transform (EquityChart  *chart,
                 MapTransform *t)
{
  g_assert_nonnull (chart->layout);
  g_assert_true (equity_chart_map_get_transform (chart->layout->state, &t->scale, &t->origin_x, &t->origin_y));
  memcpy (t->extent, chart->map.extent, sizeof t->extent);
}

static gboolean
interior_point (EquityChart     *chart,
                EquityChartArea *area,
                double          *out_x,
                double          *out_y,
                double          *clearance)
{
  double best = -1;
  MapTransform t;

  drawn_transform (chart, &t);

  for (int gy = 1; gy < 40; gy++)
    for (int gx = 1; gx < 40; gx++)
      {
        double ux = area->extent[0] + (area->extent[1] - area->extent[0]) * gx / 40.0;
        double uy = area->extent[2] + (area->extent[3] - area->extent[2]) * gy / 40.0;
        double x = t.origin_x + (ux - t.extent[0]) * t.scale;
        double y = t.origin_y + (t.extent[3] - uy) * t.scale;
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
              double ax = t.origin_x + (area->coords[2 * p] - t.extent[0]) * t.scale;
              double ay = t.origin_y + (t.extent[3] - area->coords[2 * p + 1]) * t.scale;
              double bx = t.origin_x + (area->coords[2 * p + 2] - t.extent[0]) * t.scale;
              double by = t.origin_y + (t.extent[3] - area->coords[2 * p + 3]) * t.scale;

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
test_map (TestProject   *fixture,
          gconstpointer  data)
{
  g_autoptr(EquityResult) result = make_area_result (fixture->project);
  g_autoptr(EquityChart) chart = equity_chart_new (result);
  g_autoptr(GError) error = NULL;
  const EquityChartStyle *style = light_style ();

  g_assert_cmpint (equity_chart_kind_for_result (result), ==, EQUITY_CHART_MAP);
  equity_chart_set_kind (chart, EQUITY_CHART_MAP);
  g_assert_true (load_map (chart, fixture->project, "tracts", "GEOID", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (equity_chart_get_n_areas (chart), ==, 56);
  /* every 13th tract has no row: 56 − 4 */
  g_assert_cmpuint (equity_chart_get_n_matched_areas (chart), ==, 52);

  for (guint s = 0; s < G_N_ELEMENTS (chart_test_sizes); s++)
    {
      int width = chart_test_sizes[s][0];
      int height = chart_test_sizes[s][1];
      cairo_surface_t *surface = render (chart, width, height, "map");
      guint n_checked = 0;
      guint n_hatched = 0;
      int map_right = 0;
      MapTransform t;

      drawn_transform (chart, &t);
      assert_margin_clear (surface, color_rgb (&style->background), 8);
      g_assert_cmpuint (chart->map.n_classes, ==, 5);

      for (guint i = 0; i < chart->map.areas->len; i++)
        {
          EquityChartArea *area = g_ptr_array_index (chart->map.areas, i);
          double x = 0, y = 0, clearance = 0;

          map_right = MAX (map_right, (int) (t.origin_x +
                                             (area->extent[1] - t.extent[0]) * t.scale));
          if (!interior_point (chart, area, &x, &y, &clearance) || clearance < 6)
            continue;

          if (area->klass >= 0)
            {
              EquityChartColor expected;
              guint row;

              equity_chart_palette_class (area->klass, chart->map.n_classes, &expected);
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
      for (guint k = 0; k < chart->map.n_classes; k++)
        {
          EquityChartColor color;
          guint count = 0;

          equity_chart_palette_class (k, chart->map.n_classes, &color);
          for (int y = 0; y < height; y++)
            for (int x = map_right + 4; x < width; x++)
              count += near (pixel (surface, x, y), color_rgb (&color), 2);
          g_assert_cmpuint (count, >, 200);
        }

      /* the aspect is kept: one degree of latitude is 1/cos φ₀ degrees of longitude */
      {
        double lat_px = (t.extent[3] - t.extent[2]) * t.scale;
        double lon_deg = (t.extent[1] - t.extent[0]) / cos (35.6 * G_PI / 180);
        double lon_px = (t.extent[1] - t.extent[0]) * t.scale;

        g_assert_cmpfloat (fabs (lon_px / lat_px - lon_deg * cos (35.6 * G_PI / 180) /
                                 (t.extent[3] - t.extent[2])), <, 0.01);
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
  g_assert_cmpuint (chart->map.n_classes, >=, 3);
  for (guint k = 0; k < chart->map.n_classes; k++)
    {
      double low, high, next_low, next_high;
      gboolean included, next_included;

      legend_bounds (chart, k, &low, &high, &included);
      g_assert_cmpfloat (low, <=, high);
      if (k + 1 == chart->map.n_classes)
        {
          g_assert_true (included);
          continue;
        }
      legend_bounds (chart, k + 1, &next_low, &next_high, &next_included);
      /* "0 – 7", "8 – 23": a whole unit apart; "0 to under 8", "8 to …": met, not shared */
      g_assert_cmpint (included, ==, closed_ranges);
      if (closed_ranges)
        g_assert_cmpfloat (fabs (next_low - high - pow (10, -(double) chart->map.class_decimals)), <, 1e-9);
      else
        g_assert_cmpfloat (next_low, ==, high);
    }
  for (guint i = 0; i < chart->map.areas->len; i++)
    {
      EquityChartArea *area = g_ptr_array_index (chart->map.areas, i);
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
test_map_legend (TestProject   *fixture,
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
  g_assert_cmpuint (whole_chart->map.class_decimals, ==, 0);
  assert_legend_exact (whole_chart, TRUE);
}

static void
test_map_errors (TestProject   *fixture,
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

/* A file drawn while the window shows the map keeps its own paths: the
 * window's transform, hover and next frame are what they were, and the file
 * is the light map at its own size. */
static void
test_map_export (TestProject   *fixture,
                 gconstpointer  data)
{
  g_autoptr(EquityChart) chart = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "map.png", NULL);
  EquityChartStyle dark;
  MapTransform before;
  MapTransform after;
  cairo_surface_t *window;
  cairo_surface_t *again;
  cairo_surface_t *file;
  cairo_surface_t *light;
  guint hovered = G_MAXUINT;
  double x = 0, y = 0, clearance = 0;

  {
    g_autoptr(EquityResult) result = make_area_result (fixture->project);

    chart = equity_chart_new (result);
    equity_chart_set_kind (chart, EQUITY_CHART_MAP);
    g_assert_true (load_map (chart, fixture->project, "tracts", "GEOID", &error));
    g_assert_no_error (error);
  }
  equity_chart_style_init_dark (&dark);
  window = render_styled (chart, 900, 600, &dark, 0, NULL);
  drawn_transform (chart, &before);
  /* the first tract with a class, found by its interior, as a pointer would */
  for (guint i = 0; i < chart->map.areas->len && hovered == G_MAXUINT; i++)
    {
      EquityChartArea *area = g_ptr_array_index (chart->map.areas, i);

      if (area->klass >= 0 && interior_point (chart, area, &x, &y, &clearance) && clearance > 3)
        hovered = (guint) area->row;
    }
  g_assert_cmpuint (hovered, !=, G_MAXUINT);

  png = equity_chart_to_png_bytes (chart, 1600, 1000, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (equity_chart_save (chart, path, 1200, 800, NULL, &error));
  g_assert_no_error (error);

  drawn_transform (chart, &after);
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);
  {
    guint row = G_MAXUINT;

    g_assert_true (equity_chart_hit_test (chart, x, y, &row));
    g_assert_cmpuint (row, ==, hovered);
  }
  again = render_styled (chart, 900, 600, &dark, 0, NULL);
  g_assert_true (same_pixels (window, again));

  file = cairo_image_surface_create_from_png (path);
  light = render (chart, 1200, 800, NULL);
  g_assert_true (same_pixels (file, light));

  cairo_surface_destroy (window);
  cairo_surface_destroy (again);
  cairo_surface_destroy (file);
  cairo_surface_destroy (light);
}

/* ---- the command line ------------------------------------------------------ */

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
test_cli_chart (TestProject   *fixture,
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

  /* meson test says where the program is; run by hand, say EQUITY_CLI=… */
  if (g_getenv ("EQUITY_CLI") == NULL)
    {
      g_test_skip ("EQUITY_CLI is not set");
      return;
    }

  /* 300 events among 2,000 White residents, 250 among 500 Black residents */
  for (guint k = 0; k < 550; k++)
    g_string_append_printf (events, "%u,%s\n", k, k < 300 ? "W" : "B");
  test_import_text (fixture->project, fixture->dir, "events", "csv", events->str);
  test_import_text (fixture->project, fixture->dir, "pop", "csv", "place,rc_white,rc_black\nAsheville,2000,500\n");
  g_assert_true (save_spec (fixture->project,
                                               "[analysis]\nname = Stops by race\nkind = group-rates\n"
                                               "events = events\ngroup-column = race\npopulation = pop\n"
                                               "reference = W\n\n[groups]\nW = rc_white\nB = rc_black\n",
                                               &error));
  g_assert_no_error (error);

  /* an ACS proportion for each tract, mapped on the tracts by GEOID */
  {
    g_auto(GStrv) geoids = tract_geoids (fixture->project);

    for (guint k = 0; geoids[k] != NULL; k++)
      {
        guint i = k + 1;

        g_string_append_printf (poverty, "%s,%u,%u,%u,%u\n", geoids[k],
                                200 + 37 * (i % 17), 40 + i % 9, 3000 + 11 * i, 120);
      }
  }
  test_import_text (fixture->project, fixture->dir, "poverty", "csv", poverty->str);
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

  /* failures: one clear message, a non-zero exit, nothing written; an
   * option list ends at the first NULL, so a case without --kind or --out
   * simply has fewer arguments */
  {
    struct { const char *analysis; const char *out; const char *kind; const char *says; } failures[] = {
      { "Stops by race", gif, NULL, "rates.gif" },
      { "No such analysis", png, NULL, "No such analysis" },
      { "Stops by race", png, "pie", "pie" },
      { "Stops by race", png, "map", "map" },
      { "Stops by race", NULL, NULL, NULL },
    };

    for (guint f = 0; f < G_N_ELEMENTS (failures); f++)
      {
        g_assert_false (test_run_cli (&run, "chart", project, failures[f].analysis,
                                      failures[f].out != NULL ? "--out" : NULL, failures[f].out,
                                      failures[f].kind != NULL ? "--kind" : NULL, failures[f].kind, NULL));
        if (failures[f].says != NULL)
          g_assert_nonnull (strstr (run.err, failures[f].says));
        test_run_clear (&run);
      }
    g_assert_false (g_file_test (gif, G_FILE_TEST_EXISTS));
  }

  /* drawing reads the project and never changes it */
  after = test_file_checksum (project);
  g_assert_cmpstr (before, ==, after);
}

int
main (int    argc,
      char **argv)
{
  static const struct {
    const char *path;
    void      (*run) (TestProject *fixture, gconstpointer data);
  } tests[] = {
    { "/chart/map", test_map },
    { "/chart/map/legend", test_map_legend },
    { "/chart/map/export", test_map_export },
    { "/chart/map/errors", test_map_errors },
    { "/chart/cli", test_cli_chart },
  };

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    g_test_add (tests[i].path, TestProject, NULL, map_project_set_up, tests[i].run, test_project_tear_down);

  return g_test_run ();
}
