/* bench-draw-map.c — how long one frame of North Carolina's 2,192 tracts takes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-draw-map [TRACTS.zip|.geojson] [--out PNG] [--draws N]
 *
 * Imports the tracts with the core importer into a scratch project, gives
 * every tract a rate, and draws the choropleth 20 times on a 1200×800 image
 * surface, as the window does when it repaints, then 20 times more with the
 * hover highlight on a different tract each time, as when the pointer moves
 * over the map. Prints the medians:
 *   BENCH draw_map_2192 ours_ms=… target_ms=8 cpu_ms=… PASS|FAIL
 *   BENCH draw_map_2192_hover ours_ms=… target_ms=8 cpu_ms=… PASS|FAIL
 * (cpu_ms: the same frames' processor time, which a busy machine does not inflate)
 * The first draw, which projects and simplifies the paths for this size, is
 * reported on its own line: later frames at the same size reuse them. Every
 * plain frame is drawn whole; a hover frame reuses the plain frame the chart
 * keeps for it and draws only the highlight over it.
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <time.h>
#include <glib/gstdio.h>

#include "equity-core.h"
#include "equity-project-private.h"
#include "chart/equity-chart.h"
#include "analysis/equity-stats.h"

#define N_DRAWS   20
/* a 120 Hz display's frame is 8.3 ms */
#define TARGET_MS 8.0
#define WIDTH     1200
#define HEIGHT    800

static char *
find_default_tracts (void)
{
  /* bench/ sits beside tests/ in the source tree; the build tree is elsewhere */
  const char *candidates[] = {
    SOURCE_ROOT "/tests/data/geo/cb_2018_37_tract_500k.zip",
    "/work/shared/data/buncombe_geo/cb_2018_37_tract_500k.zip",
  };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (g_file_test (candidates[i], G_FILE_TEST_EXISTS))
      return g_strdup (candidates[i]);
  return NULL;
}

static EquityResult *
make_result (EquityProject *project,
             EquityDataset *tracts)
{
  EquityResult *result = equity_result_new ("area-rates");
  EquityColumn *geoid = equity_dataset_find_column (tracts, "GEOID");
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  guint i = 0;

  g_assert (geoid != NULL);
  sql = g_strdup_printf ("SELECT CAST(c%u AS TEXT) FROM %s", equity_column_get_position (geoid),
                         equity_dataset_get_table_name (tracts));
  equity_result_set_title (result, "North Carolina census tracts");
  equity_result_set_units (result, "requests per 1,000 residents");
  equity_result_set_source_note (result, "U.S. Census Bureau cartographic boundaries 2018 (synthetic rates).");
  if (sqlite3_prepare_v2 (equity_project_get_db (project), sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (equity_project_get_db (project)));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      EquityResultRow *row = equity_result_add_row (result, (const char *) sqlite3_column_text (stmt, 0));
      double x = sin (++i * 12.9898) * 43758.5453;

      /* one in forty suppressed, so the hatching is part of the frame */
      row->rate = 5 + 90 * (x - floor (x));
      row->suppressed = i % 40 == 0;
    }
  sqlite3_finalize (stmt);
  return result;
}

/* this thread's processor time in milliseconds: on a busy machine the wall
 * clock also counts the time other processes had the core */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

/* one frame on SURFACE, in milliseconds, until its pixels are there; its
 * processor time in *CPU */
static double
draw_ms (EquityChart     *chart,
         cairo_surface_t *surface,
         int              highlighted_row,
         double          *cpu)
{
  cairo_t *cr = cairo_create (surface);
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();
  double ms;

  equity_chart_draw (chart, cr, WIDTH, HEIGHT, NULL, highlighted_row);
  cairo_surface_flush (surface);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  *cpu = cpu_ms () - cpu_start;
  cairo_destroy (cr);
  return ms;
}

static double
median_of (double *times,
           guint   n)
{
  qsort (times, n, sizeof (double), equity_stats_compare_doubles);
  return n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *tracts_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *project_path = NULL;
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(EquityImporter) importer = NULL;
  g_autoptr(EquityDataset) dataset = NULL;
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(EquityChart) chart = NULL;
  g_autoptr(EquityAreaSet) areas = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *out = NULL;
  EquityImportOptions options = { 0 };
  cairo_surface_t *surface;
  g_autofree double *times = NULL;
  g_autofree double *hover_times = NULL;
  g_autofree double *cpu_times = NULL;
  g_autofree double *hover_cpu_times = NULL;
  double first_cpu;
  double unused_cpu;
  g_autofree int *matched_rows = NULL;
  guint n_draws = N_DRAWS;
  guint n_matched = 0;
  double first_ms = 0;
  double median;
  double hover_median;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--out") && i + 1 < argc)
        out = argv[++i];
      else if (g_str_equal (argv[i], "--draws") && i + 1 < argc)
        {
          n_draws = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
          n_draws = MAX (n_draws, 2);
        }
      else
        tracts_path = g_strdup (argv[i]);
    }
  if (tracts_path == NULL)
    tracts_path = find_default_tracts ();
  if (tracts_path == NULL)
    {
      g_printerr ("bench-draw-map: no tracts file; pass cb_2018_37_tract_500k.zip\n");
      return 2;
    }

  dir = g_dir_make_tmp ("bench-draw-map-XXXXXX", &error);
  g_assert_no_error (error);
  project_path = g_build_filename (dir, "bench.equity", NULL);
  project = equity_project_create (project_path, &error);
  g_assert_no_error (error);

  file = g_file_new_for_path (tracts_path);
  options.name = "tracts";
  importer = equity_importer_new (file, &options);
  if (!equity_importer_analyze (importer, NULL, NULL, NULL, &error) ||
      (dataset = equity_importer_run (importer, project, NULL, NULL, NULL, &error)) == NULL)
    {
      g_printerr ("bench-draw-map: %s\n", error->message);
      return 1;
    }

  result = make_result (project, dataset);
  chart = equity_chart_new (result);
  equity_chart_set_kind (chart, EQUITY_CHART_MAP);
  areas = equity_dataset_load_areas (project, "tracts", "GEOID", &error);
  if (areas == NULL)
    {
      g_printerr ("bench-draw-map: %s\n", error->message);
      return 1;
    }
  equity_chart_set_areas (chart, areas);
  g_printerr ("bench-draw-map: %u areas, %u with a rate\n",
              equity_chart_get_n_areas (chart), equity_chart_get_n_matched_areas (chart));

  /* the rows the pointer can land on: areas with a rate */
  matched_rows = g_new (int, equity_result_get_n_rows (result));
  for (guint i = 0; i < equity_result_get_n_rows (result); i++)
    if (!equity_result_get_row (result, i)->suppressed)
      matched_rows[n_matched++] = (int) i;
  g_assert (n_matched > 0);

  /* one surface for every frame, as a widget keeps its back buffer */
  times = g_new (double, n_draws);
  hover_times = g_new (double, n_draws);
  cpu_times = g_new (double, n_draws);
  hover_cpu_times = g_new (double, n_draws);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  first_ms = draw_ms (chart, surface, -1, &first_cpu);
  for (guint i = 0; i < n_draws; i++)
    times[i] = draw_ms (chart, surface, -1, &cpu_times[i]);
  /* the first hover keeps the plain frame; the pointer then moves on */
  draw_ms (chart, surface, matched_rows[0], &unused_cpu);
  for (guint i = 0; i < n_draws; i++)
    hover_times[i] = draw_ms (chart, surface, matched_rows[(i * 97 + 1) % n_matched], &hover_cpu_times[i]);
  if (out != NULL)
    cairo_surface_write_to_png (surface, out);
  cairo_surface_destroy (surface);

  median = median_of (times, n_draws);
  hover_median = median_of (hover_times, n_draws);

  printf ("BENCH draw_map_2192_first ours_ms=%.1f cpu_ms=%.1f\n", first_ms, first_cpu);
  printf ("BENCH draw_map_2192 ours_ms=%.1f target_ms=%.0f cpu_ms=%.1f %s\n", median, TARGET_MS,
          median_of (cpu_times, n_draws), median < TARGET_MS ? "PASS" : "FAIL");
  printf ("BENCH draw_map_2192_hover ours_ms=%.1f target_ms=%.0f cpu_ms=%.1f %s\n", hover_median, TARGET_MS,
          median_of (hover_cpu_times, n_draws), hover_median < TARGET_MS ? "PASS" : "FAIL");

  g_clear_object (&chart);
  g_clear_object (&project);
  g_unlink (project_path);
  {
    g_autofree char *wal = g_strconcat (project_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (project_path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
