/* explore-test-util.c — what the Explore tests share: the sample project,
 * windows on copies of it, and waiting for the page without sleeping
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "explore-test-util.h"

EquityApplication *explore_test_app;
static char *sample_dir;
static char *sample_path;

void
explore_test_init (int    *argc,
                   char ***argv)
{
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;

  app_test_init (argc, argv);

  explore_test_app = app_test_register_app ();

  sample_dir = test_make_tmpdir ();
  sample_path = g_build_filename (sample_dir, "Sample.equity", NULL);
  project = equity_sample_create (sample_path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  equity_project_close (project);
}

int
explore_test_run (void)
{
  int ret = g_test_run ();

  test_remove_tree (sample_dir);
  g_clear_pointer (&sample_path, g_free);
  g_clear_pointer (&sample_dir, g_free);
  g_clear_object (&explore_test_app);
  return ret;
}

const char *
explore_test_get_dir (void)
{
  return sample_dir;
}

static gboolean
page_idle (gpointer data)
{
  return !equity_explore_page_is_busy (data);
}

/* Runs the main loop until the page has computed what was asked. */
void
wait_for_page (EquityExplorePage *page)
{
  test_await (page_idle, page, "the Explore page's computation");
  /* what it set off, for the frame that shows it */
  app_test_drain ();
}

/* Each test works on a copy of the sample, so saving in one changes no other. */
char *
copy_sample (const char *name)
{
  /* a folder each (NULL: the sample's own), so every copy keeps the title
   * "Sample project" */
  g_autofree char *dir = g_build_filename (sample_dir, name, NULL);
  char *path = g_build_filename (dir, "Sample project.equity", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_get_contents (sample_path, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

EquityWindow *
open_project (const char *path,
              int         width,
              int         height)
{
  EquityWindow *window;

  app_test_reset_settings (width, height);
  window = g_object_ref (equity_window_new (GTK_APPLICATION (explore_test_app)));
  g_assert_true (equity_window_open_project (window, path));
  app_test_show_window (GTK_WINDOW (window));
  return window;
}

EquityWindow *
open_sample (const char *name,
             int         width,
             int         height)
{
  g_autofree char *path = copy_sample (name);

  return open_project (path, width, height);
}

void
close_window (EquityWindow *window)
{
  wait_for_page (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE)));
  app_test_destroy_window (GTK_WINDOW (window));
}

/* What a click on the analysis in the sidebar does. */
void
open_analysis (EquityWindow *window,
               const char   *name)
{
  GListModel *analyses = equity_project_get_analyses (equity_window_get_project (window));

  for (guint i = 0; i < g_list_model_get_n_items (analyses); i++)
    {
      g_autoptr(EquitySavedAnalysis) analysis = g_list_model_get_item (analyses, i);

      if (g_strcmp0 (equity_saved_analysis_get_name (analysis), name) == 0)
        {
          g_signal_emit_by_name (_equity_window_get_sidebar (window), "analysis-selected", analysis);
          g_assert_cmpstr (adw_view_stack_get_visible_child_name (_equity_window_get_view_stack (window)),
                           ==, "explore");
          wait_for_page (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE)));
          return;
        }
    }

  g_assert_not_reached ();
}

EquityAnalysisEditor *
get_editor (EquityWindow *window)
{
  return EQUITY_ANALYSIS_EDITOR (_equity_explore_page_get_editor (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE))));
}

void
choose (EquityWindow *window,
        const char   *key,
        const char   *value)
{
  wait_for_page (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE)));
  g_assert_true (equity_analysis_editor_choose (get_editor (window), key, value));
  wait_for_page (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE)));
}

EquityResultRow *
find_row (EquityWindow *window,
          const char   *label)
{
  EquityResult *result = equity_explore_page_get_result (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE)));

  g_assert_nonnull (result);
  return equity_result_find_row (result, label);
}

void
assert_cell (EquityWindow *window,
             const char   *label,
             const char   *column,
             const char   *expected)
{
  EquityResultTable *table = EQUITY_RESULT_TABLE (_equity_explore_page_get_table (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE))));
  g_autofree char *text = equity_result_table_dup_cell (table, label, column);

  g_assert_cmpstr (text, ==, expected);
}

/* A point over ROW: the chart's own hit test, on a grid over the widget. */
gboolean
find_point_over_row (EquityChartView *view,
                     guint            row,
                     double          *x,
                     double          *y)
{
  EquityChart *chart = equity_chart_view_get_chart (view);
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  int height = gtk_widget_get_height (GTK_WIDGET (view));

  for (int j = 2; j < height; j += 3)
    for (int i = 2; i < width; i += 3)
      {
        guint hit;

        if (equity_chart_hit_test (chart, i, j, &hit) && hit == row)
          {
            *x = i;
            *y = j;
            return TRUE;
          }
      }

  return FALSE;
}

GtkEventController *
motion_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        return controller;
    }

  return NULL;
}

guint
row_index (EquityResult *result,
           const char   *label)
{
  for (guint i = 0; i < equity_result_get_n_rows (result); i++)
    if (g_strcmp0 (equity_result_get_row (result, i)->label, label) == 0)
      return i;

  g_assert_not_reached ();
  return 0;
}

void
hover_row (EquityChartView *view,
           EquityResult    *result,
           const char      *label)
{
  double x = 0.0, y = 0.0;

  /* the chart lays itself out when drawn */
  app_test_settle (GTK_WIDGET (view));
  g_assert_true (find_point_over_row (view, row_index (result, label), &x, &y));
  g_signal_emit_by_name (motion_controller (GTK_WIDGET (view)), "motion", x, y);
}

void
assert_magic (const char   *path,
              const guint8 *magic,
              gsize         length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (size, >, length);
  g_assert_cmpmem (contents, length, magic, length);
}
