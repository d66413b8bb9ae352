/* test-scan.c — the environmental scan: p-values, Benjamini–Hochberg, the
 * ranking, funnel limits, stored scans and their comparison, the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "equity-core.h"
#include "test-util.h"

/* Exact conditional test worked by hand: 10 events in 1,000 people against
 * 2 in 1,000. Given 12 events and equal populations, the first count is
 * Binomial(12, ½); P(X ≥ 10) = (C(12,10) + C(12,11) + C(12,12)) / 2^12
 * = (66 + 12 + 1) / 4096 = 79/4096, doubled: p = 158/4096 = 0.038574. */
static void
test_poisson_p (void)
{
  g_assert_cmpfloat_with_epsilon (equity_scan_poisson_p (10, 1000, 2, 1000), 158.0 / 4096.0, 1e-12);
  /* the same comparison the other way round */
  g_assert_cmpfloat_with_epsilon (equity_scan_poisson_p (2, 1000, 10, 1000), 158.0 / 4096.0, 1e-12);
  /* equal rates: the doubled tail exceeds 1 and is capped */
  g_assert_cmpfloat (equity_scan_poisson_p (5, 1000, 5, 1000), ==, 1.0);
  /* no events at all: nothing to tell apart */
  g_assert_cmpfloat (equity_scan_poisson_p (0, 1000, 0, 1000), ==, 1.0);
  /* amounts (not whole counts) have no exact test */
  g_assert_true (isnan (equity_scan_poisson_p (2.5, 1000, 1, 1000)));
}

/* Wald on the log ratio: ratio 2 with 95% limits 1 and 4 has
 * SE = ln 4 / (2 × 1.959964) and z = ln 2 / SE = 1.959964, so p = 0.05 by
 * construction (the lower limit touching 1 is p = 0.05). */
static void
test_wald_p (void)
{
  g_assert_cmpfloat_with_epsilon (equity_scan_wald_p (2.0, 1.0, 4.0, 0.95), 0.05, 1e-6);
  g_assert_cmpfloat_with_epsilon (equity_scan_wald_p (0.5, 0.25, 1.0, 0.95), 0.05, 1e-6);
  g_assert_true (isnan (equity_scan_wald_p (2.0, 1.0, NAN, 0.95)));
}

/* Benjamini–Hochberg worked by hand (n = 10, p sorted already):
 *   i   p       p·n/i      adjusted (running minimum from the bottom)
 *   1   0.001   0.010      0.010
 *   2   0.008   0.040      0.040
 *   3   0.039   0.130      0.084
 *   4   0.041   0.1025     0.084
 *   5   0.042   0.084      0.084
 *   6   0.060   0.100      0.100
 *   7   0.074   0.105714   0.105714
 *   8   0.205   0.25625    0.216
 *   9   0.212   0.235556   0.216
 *  10   0.216   0.216      0.216
 * At an FDR of 0.05 only the first two are discoveries, although five raw
 * p-values are below 0.05. The input is given shuffled. */
static const double hand_p[] = { 0.001, 0.008, 0.039, 0.041, 0.042, 0.060, 0.074, 0.205, 0.212, 0.216 };
static const double hand_adjusted[] = { 0.010, 0.040, 0.084, 0.084, 0.084, 0.100, 0.74 / 7.0, 0.216, 0.216, 0.216 };
static const guint shuffle[] = { 7, 2, 9, 0, 5, 3, 8, 1, 6, 4 };

static void
test_bh (void)
{
  double p[10], adjusted[10];

  for (guint i = 0; i < 10; i++)
    p[i] = hand_p[shuffle[i]];
  equity_scan_adjust_bh (p, adjusted, 10);
  for (guint i = 0; i < 10; i++)
    g_assert_cmpfloat_with_epsilon (adjusted[i], hand_adjusted[shuffle[i]], 1e-9);
}

static EquityScanGap *
make_gap (const char *measure_id,
          const char *group,
          double      ratio,
          double      p)
{
  EquityScanGap *gap = equity_scan_gap_new ();

  gap->measure_id = g_strdup (measure_id);
  gap->measure = g_strdup (measure_id);
  gap->grouping = g_strdup ("race");
  gap->group = g_strdup (group);
  gap->reference = g_strdup ("W");
  gap->group_worse = TRUE;
  gap->ratio = ratio;
  gap->ratio_low = ratio * 0.8;
  gap->ratio_high = ratio * 1.2;
  gap->p = p;
  return gap;
}

/* True gaps (p 0.001 and 0.008, the two discoveries above) and null ones
 * with larger ratios but uncertain: the rule puts every significant gap
 * first, larger ratio first among them (here every interval is ±20%, so
 * the interval's near end orders as the ratio), then the rest. */
static void
test_rank (void)
{
  g_autoptr(GPtrArray) gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) equity_scan_gap_free);
  const double ratios[] = { 1.5, 3.0, 1.2, 1.3, 1.1, 1.4, 1.25, 4.0, 2.0, 1.05 };
  const char *expected[] = { "b", "a", "h", "i", "f", "d", "g", "c", "e", "j" };

  for (guint i = 0; i < 10; i++)
    {
      char group[2] = { 'a' + i, 0 };
      g_ptr_array_add (gaps, make_gap ("m", group, ratios[i], hand_p[i]));
    }
  equity_scan_rank (gaps, EQUITY_SCAN_FDR);

  for (guint i = 0; i < 10; i++)
    {
      EquityScanGap *gap = g_ptr_array_index (gaps, i);
      guint index = gap->group[0] - 'a';

      g_assert_cmpstr (gap->group, ==, expected[i]);
      g_assert_cmpuint (gap->rank, ==, i + 1);
      g_assert_cmpfloat_with_epsilon (gap->p_adjusted, hand_adjusted[index], 1e-9);
      g_assert_cmpint (gap->significant, ==, index < 2);
    }
}

/* Size and certainty: among significant gaps the one whose interval's near
 * end is higher ranks first, whatever its point estimate: 3.0 (2.5–3.6)
 * is surely a threefold gap, 6.0 (1.1–30), from a handful of events, may
 * be barely one. Without an interval the ratio itself counts. */
static void
test_rank_by_certainty (void)
{
  g_autoptr(GPtrArray) gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) equity_scan_gap_free);
  EquityScanGap *few = make_gap ("m", "few", 6.0, 0.001);
  EquityScanGap *many = make_gap ("m", "many", 3.0, 0.001);
  EquityScanGap *bare = make_gap ("m", "bare", 2.0, 0.001);

  few->ratio_low = 1.1;
  few->ratio_high = 30.0;
  many->ratio_low = 2.5;
  many->ratio_high = 3.6;
  bare->ratio_low = bare->ratio_high = NAN;
  g_ptr_array_add (gaps, few);
  g_ptr_array_add (gaps, bare);
  g_ptr_array_add (gaps, many);
  equity_scan_rank (gaps, EQUITY_SCAN_FDR);

  g_assert_cmpstr (((EquityScanGap *) g_ptr_array_index (gaps, 0))->group, ==, "many");
  g_assert_cmpstr (((EquityScanGap *) g_ptr_array_index (gaps, 1))->group, ==, "bare");
  g_assert_cmpstr (((EquityScanGap *) g_ptr_array_index (gaps, 2))->group, ==, "few");
}

/* Funnel limits for an area of 1,000 people around an overall rate of 2 per
 * 1,000 (expected count 2). Exact Poisson limits are χ²(α/2, 2E)/2 and
 * χ²(1 − α/2, 2E + 2)/2 events; from the chi-square table of the
 * NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.4:
 * χ²(0.025, 4) = 0.484, χ²(0.975, 6) = 14.449, χ²(0.001, 4) = 0.091,
 * χ²(0.999, 6) = 22.458. So 95%: 0.242 and 7.2245 events; 99.8%: 0.0455 and
 * 11.229 events, over 1,000 people. Check of the first: with L = 0.2422,
 * P(Poisson(L) ≥ 2) = 1 − e^−L (1 + L) = 0.0250. */
static void
test_funnel_limits (void)
{
  double low, high;

  equity_scan_funnel_limits (0.002, 1000, 0.95, &low, &high);
  g_assert_cmpfloat_with_epsilon (low * 1000, 0.484 / 2, 0.0005);
  g_assert_cmpfloat_with_epsilon (high * 1000, 14.449 / 2, 0.0005);
  g_assert_cmpfloat_with_epsilon (1 - exp (-low * 1000) * (1 + low * 1000), 0.025, 1e-6);

  equity_scan_funnel_limits (0.002, 1000, 0.998, &low, &high);
  g_assert_cmpfloat_with_epsilon (low * 1000, 0.091 / 2, 0.0006);
  g_assert_cmpfloat_with_epsilon (high * 1000, 22.458 / 2, 0.0005);

  /* limits narrow as the population grows, always around the overall rate */
  equity_scan_funnel_limits (0.002, 100000, 0.95, &low, &high);
  g_assert_cmpfloat (low, <, 0.002);
  g_assert_cmpfloat (high, >, 0.002);
  g_assert_cmpfloat (high - low, <, 0.0072245 - 0.000242);
}

static EquityScanRecord *
make_record (const char * const *groups,
             const gboolean     *significant,
             guint               n)
{
  EquityScanRecord *record = equity_scan_record_new ();

  g_ptr_array_add (record->measures, equity_scan_measure_new ("analysis:1", "Arrests", "group-rates",
                                                              "Arrests", NULL));
  for (guint i = 0; i < n; i++)
    {
      EquityScanGap *gap = make_gap ("analysis:1", groups[i], 2.0, significant[i] ? 0.001 : 0.5);

      gap->significant = significant[i];
      /* H rests on a small count: the flag must survive storage */
      gap->suppressed = g_str_equal (groups[i], "H");
      gap->p_adjusted = gap->p;
      gap->rank = i + 1;
      g_ptr_array_add (record->gaps, gap);
    }
  return record;
}

/* B stays, A closes, I opens, H is new to the measure altogether. */
static void
test_new_and_closed (TestScratch   *scratch,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityProject) project = test_create_project (scratch->dir, "scans.equity", NULL);
  const char *first_groups[] = { "A", "B", "I" };
  const gboolean first_significant[] = { TRUE, TRUE, FALSE };
  const char *second_groups[] = { "A", "B", "I", "H" };
  const gboolean second_significant[] = { FALSE, TRUE, TRUE, TRUE };
  g_autoptr(EquityScanRecord) first = make_record (first_groups, first_significant, 3);
  g_autoptr(EquityScanRecord) second = make_record (second_groups, second_significant, 4);
  g_autoptr(EquityScan) latest = NULL;
  EquityScanRecord *record;
  GPtrArray *closed;

  g_assert_null (equity_scan_load_latest (project, &error));
  g_assert_no_error (error);

  g_assert_true (equity_project_save_scan (project, first, &error));
  g_assert_no_error (error);
  g_assert_true (equity_project_save_scan (project, second, &error));
  g_assert_cmpint (second->id, >, first->id);

  latest = equity_scan_load_latest (project, &error);
  g_assert_no_error (error);
  g_assert_nonnull (latest);
  g_assert_true (equity_scan_has_previous (latest));
  record = equity_scan_get_record (latest);
  g_assert_cmpint (record->id, ==, second->id);
  g_assert_cmpuint (record->gaps->len, ==, 4);
  g_assert_cmpstr (((EquityScanGap *) g_ptr_array_index (record->gaps, 0))->measure, ==, "Arrests");

  for (guint i = 0; i < record->gaps->len; i++)
    {
      EquityScanGap *gap = g_ptr_array_index (record->gaps, i);
      EquityScanChange expected = g_str_equal (gap->group, "B") ? EQUITY_SCAN_CHANGE_CONTINUING
                                : g_str_equal (gap->group, "A") ? EQUITY_SCAN_CHANGE_NONE
                                : EQUITY_SCAN_CHANGE_NEW;
      g_assert_cmpint (gap->change, ==, expected);
      g_assert_cmpint (gap->suppressed, ==, g_str_equal (gap->group, "H"));
      g_assert_cmpfloat (gap->ratio, ==, 2.0);
      g_assert_cmpfloat_with_epsilon (gap->ratio_low, 1.6, 1e-12);
    }
  closed = equity_scan_get_closed (latest);
  g_assert_cmpuint (closed->len, ==, 1);
  g_assert_cmpstr (((EquityScanGap *) g_ptr_array_index (closed, 0))->group, ==, "A");
  g_assert_cmpint (((EquityScanGap *) g_ptr_array_index (closed, 0))->change, ==, EQUITY_SCAN_CHANGE_CLOSED);

  equity_project_close (project);
}

/* A project of schema 3 (before indicators and scans) opens, keeps its
 * saved analysis and gains the scan tables. */
static void
test_migration (TestScratch   *scratch,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (scratch->dir, "old.equity", NULL);
  g_autoptr(EquityProject) project = NULL;
  sqlite3 *db;

  test_create_old_project (path, 3, "kept");
  project = test_open_project (path);
  g_assert_cmpuint (g_list_model_get_n_items (equity_project_get_analyses (project)), ==, 1);
  equity_project_close (project);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (test_query_int (db, "PRAGMA user_version"), >=, 5);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM scans"), ==, 0);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM analyses WHERE name = 'kept'"), ==, 1);
  sqlite3_close (db);
}

static EquityFunnel *
make_funnel (double outlier_rate)
{
  EquityFunnel *funnel = g_new0 (EquityFunnel, 1);
  const double populations[] = { 500, 1000, 2000, 4000, 8000, 16000 };

  funnel->title = g_strdup ("Requests by area");
  funnel->per = 1000;
  funnel->overall_rate = 10.0;
  funnel->points = g_array_new (FALSE, TRUE, sizeof (EquityFunnelPoint));
  for (guint i = 0; i < G_N_ELEMENTS (populations); i++)
    {
      EquityFunnelPoint point = { g_strdup_printf ("area %u", i), populations[i] / 100, populations[i], 10.0 };
      g_array_append_val (funnel->points, point);
    }
  /* the largest area's rate: far above its 99.8% limit (at 16,000 people
   * and 10 per 1,000 the limit is near 12.4) or within it */
  g_array_index (funnel->points, EquityFunnelPoint, G_N_ELEMENTS (populations) - 1).rate = outlier_rate;
  return funnel;
}

/* how many pixels carry the "above the limits" orange */
static guint
count_orange (cairo_surface_t *surface)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
        n += pixel == 0xd55e00;
      }
  return n;
}

static void
test_funnel_drawing (void)
{
  guint orange[2];

  for (int i = 0; i < 2; i++)
    {
      EquityFunnel *funnel = make_funnel (i == 0 ? 20.0 : 10.5);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, 600);
      cairo_t *cr = cairo_create (surface);

      equity_scan_draw_funnel (cr, funnel, 900, 600);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      if (i == 0)
        {
          g_autofree char *png = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL
                                                   ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                                   "scan-funnel.png", NULL);
          g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
        }
      orange[i] = count_orange (surface);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      equity_funnel_free (funnel);
    }
  /* the outlier is drawn as a filled triangle; inside the limits, nothing is */
  g_assert_cmpuint (orange[0], >, 20);
  g_assert_cmpuint (orange[1], ==, 0);
}

typedef struct
{
  EquityScan *scan;
  GError     *error;
} AsyncRun;

static void
run_async (const char   *path,
           gboolean      save,
           GCancellable *cancellable,
           AsyncRun     *run)
{
  g_autoptr(GAsyncResult) result = NULL;

  equity_scan_run_async (path, save, cancellable, NULL, NULL, test_keep_result_cb, &result);
  run->scan = equity_scan_run_finish (test_await_result (&result), &run->error);
}

/* the worker stores a scan of a project with nothing to compare; cancelled
 * up front, it returns G_IO_ERROR_CANCELLED and stores nothing */
static void
test_async (TestScratch   *scratch,
            gconstpointer  data)
{
  g_autofree char *path = test_create_project_file (scratch->dir, "empty.equity");
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) stored = NULL;
  AsyncRun first = { 0 }, cancelled = { 0 };

  run_async (path, TRUE, cancellable, &first);
  g_assert_no_error (first.error);
  g_assert_nonnull (first.scan);
  g_assert_cmpuint (equity_scan_get_record (first.scan)->gaps->len, ==, 0);

  g_cancellable_cancel (cancellable);
  run_async (path, TRUE, cancellable, &cancelled);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (cancelled.scan);

  project = test_open_project (path);
  stored = equity_project_load_scans (project, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  equity_project_close (project);

  g_object_unref (first.scan);
  g_clear_error (&cancelled.error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scan/poisson-p", test_poisson_p);
  g_test_add_func ("/scan/wald-p", test_wald_p);
  g_test_add_func ("/scan/benjamini-hochberg", test_bh);
  g_test_add_func ("/scan/rank", test_rank);
  g_test_add_func ("/scan/rank-by-certainty", test_rank_by_certainty);
  g_test_add_func ("/scan/funnel-limits", test_funnel_limits);
  test_add_with_scratch ("/scan/new-and-closed", test_new_and_closed);
  test_add_with_scratch ("/scan/migration", test_migration);
  g_test_add_func ("/scan/funnel-drawing", test_funnel_drawing);
  test_add_with_scratch ("/scan/async", test_async);

  return g_test_run ();
}
