/* test-scan-page.c — the Scan page on the sample project, rendered under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "app-test-util.h"
#include "equity-application.h"
#include "equity-core.h"
#include "equity-window-private.h"

/* Pictures below this luminance variance are taken as blank. */
#define MIN_VARIANCE 20.0

static EquityApplication *app;

static gboolean
scan_finished (gpointer data)
{
  return !equity_scan_page_is_running (data);
}

static gboolean
explore_has_result (gpointer data)
{
  return !equity_explore_page_is_busy (data) && equity_explore_page_get_result (data) != NULL;
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);
  return n;
}

/* the text of every label under WIDGET, joined */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

/* Activates the first of LIST's lines (at most 300 are shown) whose measure
 * starts with PREFIX; the activation opens Explore at once, and what it set
 * off runs. */
static void
activate_first_line (GtkWidget        *list,
                     EquityScanRecord *record,
                     const char       *prefix)
{
  for (guint i = 0; i < record->gaps->len && i < 300; i++)
    {
      EquityScanGap *gap = g_ptr_array_index (record->gaps, i);

      if (g_str_has_prefix (gap->measure_id, prefix))
        {
          g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i));
          break;
        }
    }
  app_test_drain ();
}

static void
test_scan_page (void)
{
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Sample project.equity", NULL);
  g_autofree char *empty_path = NULL;
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  EquityWindow *window;
  EquityScanPage *page;
  GtkWidget *list;
  GtkWidget *cancel;
  EquityScan *scan;
  EquityScanRecord *record;
  guint n_stored;

  project = equity_sample_create (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  equity_project_close (project);
  g_clear_object (&project);

  window = g_object_ref (equity_window_new (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  g_assert_true (equity_window_open_project (window, path));
  page = EQUITY_SCAN_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_SCAN));
  adw_view_stack_set_visible_child_name (window->view_stack, "scan");
  app_test_show_window (GTK_WINDOW (window));

  /* the sample's stored scan is shown at once, with its FDR statement */
  scan = equity_scan_page_get_scan (page);
  g_assert_nonnull (scan);
  record = equity_scan_get_record (scan);
  n_stored = record->gaps->len;
  g_assert_cmpuint (n_stored, >, 0);
  list = app_test_find_of_type (GTK_WIDGET (page), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  /* 300 lines, then one that says where the rest are */
  g_assert_cmpuint (count_rows (list), ==, MIN (n_stored, 300) + (n_stored > 300 ? 1 : 0));
  collect_text (GTK_WIDGET (page), text);
  g_assert_nonnull (strstr (text->str, "comparisons are significant after controlling the false discovery rate at 5%"));
  g_assert_nonnull (strstr (text->str, "Significant"));

  /* Run Scan through its action: progress and Cancel while the worker runs,
   * the window responsive, then the new scan compared with the stored one */
  gtk_widget_activate_action (GTK_WIDGET (page), "scan.run", NULL);
  g_assert_true (equity_scan_page_is_running (page));
  cancel = app_test_find_button (GTK_WIDGET (page), "_Cancel");
  g_assert_nonnull (cancel);
  g_assert_true (gtk_widget_get_visible (cancel));
  test_await (scan_finished, page, "the scan finished");
  g_assert_false (gtk_widget_get_visible (cancel));
  scan = equity_scan_page_get_scan (page);
  record = equity_scan_get_record (scan);
  g_assert_cmpuint (record->gaps->len, ==, n_stored);
  g_assert_true (equity_scan_has_previous (scan));
  g_assert_cmpuint (equity_scan_get_funnels (scan)->len, >, 0);
  g_string_truncate (text, 0);
  collect_text (GTK_WIDGET (page), text);
  g_assert_nonnull (strstr (text->str, "Also in the previous scan"));
  g_assert_nonnull (strstr (text->str, "Funnel plot: "));

  /* select the Arrests line: a group measure keeps the funnel shown; then
   * an area line; render the page for a person to look at */
  gtk_list_box_select_row (GTK_LIST_BOX (list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "scan-page"), >, MIN_VARIANCE);

  /* activating a line of a saved analysis opens it in Explore */
  activate_first_line (list, record, "analysis:");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "explore");
  g_assert_nonnull (equity_explore_page_get_analysis (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE))));

  /* a measure the scan built opens in Explore filled in, and unsaved */
  adw_view_stack_set_visible_child_name (window->view_stack, "scan");
  activate_first_line (list, record, "column:");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "explore");
  g_assert_null (equity_explore_page_get_analysis (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE))));
  test_await (explore_has_result, EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE)), "the analysis computed on the Explore page");
  g_assert_cmpstr (equity_result_get_kind (equity_explore_page_get_result (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE)))), ==, "area-rates");
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "scan-opened-in-explore"), >, MIN_VARIANCE);

  /* an empty project teaches what the scan does */
  empty_path = test_create_project_file (dir, "Empty.equity");
  g_assert_true (equity_window_open_project (window, empty_path));
  adw_view_stack_set_visible_child_name (window->view_stack, "scan");
  /* the page is given the project when shown; what that set off runs */
  app_test_drain ();
  g_assert_null (equity_scan_page_get_scan (page));
  g_string_truncate (text, 0);
  collect_text (GTK_WIDGET (page), text);
  g_assert_nonnull (strstr (text->str, "No Scan Yet"));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "scan-page-empty"), >, MIN_VARIANCE);

  app_test_destroy_window (GTK_WINDOW (window));
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  app_test_init (&argc, &argv);
  app = equity_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/app/scan-page", test_scan_page);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
