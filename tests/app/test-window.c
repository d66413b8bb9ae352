/* test-window.c — the main window on real projects, rendered under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "app-test-util.h"
#include "equity-application.h"
#include "equity-core.h"
#include "equity-datasets-page-private.h"
#include "equity-preferences-window.h"
#include "equity-start-page.h"
#include "equity-startup-clock.h"
#include "equity-window-private.h"

static EquityApplication *app;

static const char *expected_pages[] = {
  "datasets", "explore", "scan", "indicators", "assessments", "action-plan",
};

static EquityWindow *
create_window (void)
{
  EquityWindow *window = equity_window_new (GTK_APPLICATION (app));

  /* The test keeps its own reference for g_assert_finalize_object(). */
  return g_object_ref (window);
}

/* a window of the usual size (the settings reset) on the project PATH */
static EquityWindow *
open_window (const char *path)
{
  EquityWindow *window;

  app_test_reset_settings (1180, 760);
  window = create_window ();
  g_assert_true (equity_window_open_project (window, path));
  return window;
}

static void
destroy_window (EquityWindow *window)
{
  app_test_destroy_window (GTK_WINDOW (window));
}

static char *
write_csv (const char *dir)
{
  g_autoptr(GString) csv = g_string_new ("neighborhood,visits,residents,opened\n");
  static const char *names[] = { "Burton Street", "East End", "Emma", "Shiloh", "West Asheville" };
  g_autoptr(GFile) file = NULL;

  for (guint i = 0; i < 250; i++)
    g_string_append_printf (csv, "%s,%u,%u,2021-%02u-%02u\n",
                            names[i % G_N_ELEMENTS (names)], 10 + i % 37, 900 + 13 * i,
                            1 + i % 12, 1 + i % 28);
  file = test_write_file (dir, "pool_visits.csv", csv->str);
  return g_file_get_path (file);
}

static char *
create_project (const char *dir,
                const char *name,
                gboolean    with_data)
{
  g_autofree char *file_name = g_strconcat (name, ".equity", NULL);
  char *path = NULL;
  g_autoptr(EquityProject) project = test_create_project (dir, file_name, &path);

  if (with_data)
    {
      g_autofree char *csv = write_csv (dir);
      g_autoptr(GFile) file = g_file_new_for_path (csv);
      g_autoptr(EquityDataset) dataset = test_import_ok (project, file, NULL);
    }

  equity_project_close (project);
  return path;
}

static guint
count_view_stack_pages (AdwViewStack *stack)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);

  return g_list_model_get_n_items (G_LIST_MODEL (pages));
}

static void
test_start_page (void)
{
  EquityWindow *window;

  app_test_reset_settings (1180, 760);
  window = create_window ();

  g_assert_null (equity_window_get_project (window));
  g_assert_true (_equity_window_shows_start_page (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Asheville Equity");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window)) == FALSE);

  app_test_show_window (GTK_WINDOW (window));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "window-start"), >, MIN_VARIANCE);

  destroy_window (window);
}

static void
test_empty_project (TestScratch   *scratch,
                    gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = create_project (dir, "Empty review", FALSE);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto(GStrv) recent = NULL;
  AdwViewStack *stack;
  EquityWindow *window;

  window = open_window (path);

  g_assert_false (_equity_window_shows_start_page (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Empty review");

  stack = _equity_window_get_view_stack (window);
  g_assert_cmpuint (count_view_stack_pages (stack), ==, G_N_ELEMENTS (expected_pages));
  for (guint i = 0; i < G_N_ELEMENTS (expected_pages); i++)
    g_assert_nonnull (adw_view_stack_get_child_by_name (stack, expected_pages[i]));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "datasets");

  g_assert_cmpuint (equity_sidebar_get_n_dataset_rows (_equity_window_get_sidebar (window)), ==, 0);
  g_assert_cmpuint (equity_sidebar_get_n_analysis_rows (_equity_window_get_sidebar (window)), ==, 0);

  /* Opening a project records it. */
  recent = g_settings_get_strv (settings, "recent-projects");
  g_assert_cmpuint (g_strv_length (recent), ==, 1);
  g_assert_cmpstr (recent[0], ==, path);
  {
    g_autofree char *last = g_settings_get_string (settings, "last-project");
    g_assert_cmpstr (last, ==, path);
  }

  app_test_show_window (GTK_WINDOW (window));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "window-empty-project"), >, MIN_VARIANCE);

  /* Each page renders. */
  for (guint i = 1; i < G_N_ELEMENTS (expected_pages); i++)
    {
      g_autofree char *name = g_strconcat ("window-empty-", expected_pages[i], NULL);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", expected_pages[i]);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, expected_pages[i]);
      g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), name), >, MIN_VARIANCE);
    }

  /* Closing the project goes back to the start page, which lists it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-project", NULL);
  g_assert_null (equity_window_get_project (window));
  g_assert_true (_equity_window_shows_start_page (window));
  {
    g_autofree char *last = g_settings_get_string (settings, "last-project");
    g_assert_cmpstr (last, ==, "");
  }
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "window-start-recent"), >, MIN_VARIANCE);

  destroy_window (window);
}

/* Issue 7, 9: a project that may not be written opens, and says so. */
static void
test_read_only_project (TestScratch   *scratch,
                        gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = create_project (dir, "Archived review", TRUE);
  EquityWindow *window;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  window = open_window (path);

  g_assert_true (equity_project_is_read_only (equity_window_get_project (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Archived review — read-only");
  g_assert_cmpuint (equity_sidebar_get_n_dataset_rows (_equity_window_get_sidebar (window)), ==, 1);

  app_test_show_window (GTK_WINDOW (window));
  /* nothing offers a change it would refuse: rename and delete are off */
  {
    EquityDatasetsPage *page = _equity_window_get_datasets_page (window);
    GListModel *datasets = equity_project_get_datasets (equity_window_get_project (window));
    g_autoptr(EquityDataset) dataset = g_list_model_get_item (datasets, 0);

    equity_datasets_page_set_dataset (page, dataset);
    g_assert_false (gtk_widget_get_sensitive (app_test_find_actionable (GTK_WIDGET (page), "dataset.rename")));
    g_assert_false (gtk_widget_get_sensitive (app_test_find_actionable (GTK_WIDGET (page), "dataset.delete")));
  }
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "window-read-only-project"), >, MIN_VARIANCE);

  destroy_window (window);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
}

static void
test_recent_projects (TestScratch   *scratch,
                      gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *first = create_project (dir, "First", FALSE);
  g_autofree char *second = create_project (dir, "Second", FALSE);
  g_autofree char *gone = g_build_filename (dir, "Gone.equity", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  const char *paths[] = { second, gone, first, NULL };
  EquityStartPage *page;

  app_test_reset_settings (1180, 760);
  g_settings_set_strv (settings, "recent-projects", paths);

  page = g_object_ref_sink (g_object_new (EQUITY_TYPE_START_PAGE, NULL));
  /* missing files are left out */
  g_assert_cmpuint (equity_start_page_get_n_recent (page), ==, 2);

  g_settings_set_strv (settings, "recent-projects", (const char *[]) { first, NULL });
  g_assert_cmpuint (equity_start_page_get_n_recent (page), ==, 1);

  g_assert_finalize_object (page);
}

static void
test_project_with_data (TestScratch   *scratch,
                        gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = create_project (dir, "Pools", TRUE);
  EquityWindow *window;
  EquityDataset *shown;

  window = open_window (path);

  g_assert_cmpuint (equity_sidebar_get_n_dataset_rows (_equity_window_get_sidebar (window)), ==, 1);
  shown = equity_datasets_page_get_dataset (_equity_window_get_datasets_page (window));
  g_assert_nonnull (shown);
  g_assert_cmpstr (equity_dataset_get_name (shown), ==, "pool_visits");
  g_assert_cmpuint (equity_dataset_get_n_rows (shown), ==, 250);

  app_test_show_window (GTK_WINDOW (window));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "window-dataset"), >, MIN_VARIANCE);
  /* wide enough for the switcher in the header: none at the foot */
  g_assert_false (adw_view_switcher_title_get_title_visible (window->switcher_title));
  g_assert_false (adw_view_switcher_bar_get_reveal (window->switcher_bar));

  /* The Details tab lists the columns, made when it is first shown. */
  {
    EquityDatasetsPage *page = _equity_window_get_datasets_page (window);
    GPtrArray *columns = equity_dataset_get_columns (shown);
    guint n_rows = 0;

    g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (page->columns_list)));
    gtk_toggle_button_set_active (page->details_button, TRUE);
    g_assert_false (gtk_toggle_button_get_active (page->rows_button));
    g_assert_cmpstr (gtk_stack_get_visible_child_name (page->tabs), ==, "columns");
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (page->columns_list));
         row != NULL;
         row = gtk_widget_get_next_sibling (row))
      {
        g_assert_cmpuint (n_rows, <, columns->len);
        g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                         equity_column_get_name (g_ptr_array_index (columns, n_rows)));
        n_rows++;
      }
    g_assert_cmpuint (n_rows, ==, columns->len);
    g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "window-dataset-details"), >, MIN_VARIANCE);
    gtk_toggle_button_set_active (page->rows_button, TRUE);
  }

  /* A saved analysis shows up in the sidebar and opens in Explore. */
  {
    EquityProject *project = equity_window_get_project (window);
    g_autoptr(GError) error = NULL;
    g_autoptr(EquitySavedAnalysis) analysis = NULL;

    g_autoptr(EquityAnalysis) spec =
      equity_analysis_new_from_data ("[analysis]\nname=Pool visits by neighborhood\nkind=area-rates\n"
                                     "events=pool_visits\narea_column=neighborhood\n"
                                     "population=residents\nrate_per=1000\n",
                                     -1, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (equity_analysis_save (spec, project, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (equity_sidebar_get_n_analysis_rows (_equity_window_get_sidebar (window)), ==, 1);

    analysis = g_list_model_get_item (equity_project_get_analyses (project), 0);
    g_signal_emit_by_name (_equity_window_get_sidebar (window), "analysis-selected", analysis);
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (_equity_window_get_view_stack (window)), ==, "explore");
    g_assert_true (equity_explore_page_get_analysis (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE))) == analysis);
    g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "window-analysis"), >, MIN_VARIANCE);
  }

  destroy_window (window);
}

/* What drag and drop and the Import… file chooser do: the import dialog
 * reads the file, then Import starts the job. */
static void
start_import (EquityWindow *window,
              GFile        *file)
{
  equity_window_import_files (window, &file, 1);
  g_assert_nonnull (_equity_window_get_import_dialog (window));
  test_await (app_test_import_dialog_ready, window, "the import dialog done reading its file");
  gtk_widget_activate_action (GTK_WIDGET (_equity_window_get_import_dialog (window)), "import.import", NULL);
}

static void
test_import (TestScratch   *scratch,
             gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = create_project (dir, "Import", FALSE);
  g_autofree char *csv = write_csv (dir);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  EquityWindow *window;
  EquityDataset *shown;

  window = open_window (path);
  app_test_show_window (GTK_WINDOW (window));

  start_import (window, file);
  g_assert_true (equity_window_is_busy (window));
  test_await (app_test_window_idle, window, "the window's job done");

  g_assert_cmpuint (g_list_model_get_n_items (equity_project_get_datasets (equity_window_get_project (window))), ==, 1);
  g_assert_cmpuint (equity_sidebar_get_n_dataset_rows (_equity_window_get_sidebar (window)), ==, 1);
  shown = equity_datasets_page_get_dataset (_equity_window_get_datasets_page (window));
  g_assert_nonnull (shown);
  g_assert_cmpstr (equity_dataset_get_name (shown), ==, "pool_visits");

  /* A second import of the same file gets a name of its own. */
  start_import (window, file);
  test_await (app_test_window_idle, window, "the window's job done");
  g_assert_cmpuint (equity_sidebar_get_n_dataset_rows (_equity_window_get_sidebar (window)), ==, 2);
  shown = equity_datasets_page_get_dataset (_equity_window_get_datasets_page (window));
  g_assert_cmpstr (equity_dataset_get_name (shown), !=, "pool_visits");

  app_test_render_png (GTK_WIDGET (window), "window-after-import");

  destroy_window (window);
}

static gboolean
progress_shown (gpointer data)
{
  EquityWindow *window = data;

  return !equity_window_is_busy (window) || gtk_progress_bar_get_fraction (window->job_progress) > 0.0;
}

static void
test_import_cancel (TestScratch   *scratch,
                    gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = create_project (dir, "Cancel", FALSE);
  g_autofree char *csv = app_test_write_requests_csv (dir, 400000);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  EquityWindow *window;

  window = open_window (path);
  app_test_show_window (GTK_WINDOW (window));

  start_import (window, file);
  g_assert_true (equity_window_is_busy (window));
  g_assert_true (gtk_revealer_get_reveal_child (window->job_revealer));
  /* the bar has moved (or the import beat the test to it) */
  test_await (progress_shown, window, "the import's progress shown, or the import done");

  /* cancelled at once: a picture first (which waits for the bar to slide
   * in and be drawn) let the import finish before it could be cancelled */
  if (equity_window_is_busy (window))
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-job", NULL);
      test_await (app_test_window_idle, window, "the window's job done");
      /* a cancelled import leaves the project as it was */
      g_assert_cmpuint (g_list_model_get_n_items (equity_project_get_datasets (equity_window_get_project (window))), ==, 0);
      g_assert_cmpuint (equity_sidebar_get_n_dataset_rows (_equity_window_get_sidebar (window)), ==, 0);
      /* and closes the dialog */
      g_assert_null (_equity_window_get_import_dialog (window));
    }
  else
    g_test_message ("the import finished before it could be cancelled");

  g_assert_false (gtk_revealer_get_reveal_child (window->job_revealer));

  destroy_window (window);
}

static void
test_sample (TestScratch   *scratch,
             gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = g_build_filename (dir, "Sample project.equity", NULL);
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  EquityWindow *window;
  EquitySidebar *sidebar;
  guint n_datasets;
  guint n_analyses;

  project = equity_sample_create (path, NULL, NULL, NULL, &error);
  if (project == NULL && g_error_matches (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED))
    {
      g_test_skip (error->message);
      return;
    }
  g_assert_no_error (error);
  n_datasets = g_list_model_get_n_items (equity_project_get_datasets (project));
  n_analyses = g_list_model_get_n_items (equity_project_get_analyses (project));
  g_assert_cmpuint (n_datasets, >, 0);
  equity_project_close (project);

  window = open_window (path);

  sidebar = _equity_window_get_sidebar (window);
  g_assert_cmpuint (equity_sidebar_get_n_dataset_rows (sidebar), ==, n_datasets);
  g_assert_cmpuint (equity_sidebar_get_n_analysis_rows (sidebar), ==, n_analyses);
  g_assert_nonnull (equity_datasets_page_get_dataset (_equity_window_get_datasets_page (window)));

  app_test_show_window (GTK_WINDOW (window));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "window-sample"), >, MIN_VARIANCE);

  /* The same in the dark style. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "window-sample-dark"), >, MIN_VARIANCE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  destroy_window (window);
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *preferences;

  app_test_reset_settings (1180, 760);
  g_settings_set_enum (settings, "color-scheme", 2);
  g_settings_set_int (settings, "suppress-below", 5);
  g_settings_set_int (settings, "rates-per", 100000);

  preferences = g_object_ref (equity_preferences_window_new (NULL));
  app_test_show_window (GTK_WINDOW (preferences));
  g_assert_cmpfloat (app_test_render_png (preferences, "preferences"), >, MIN_VARIANCE);

  app_test_destroy_window (GTK_WINDOW (preferences));

  /* The defaults the schema promises */
  app_test_reset_settings (1180, 760);
  g_assert_cmpint (g_settings_get_int (settings, "suppress-below"), ==, 11);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "confidence"), 0.95, 1e-9);
  g_assert_cmpint (g_settings_get_int (settings, "rates-per"), ==, 1000);
  g_assert_true (g_settings_get_boolean (settings, "restore-last-project"));
}

static void
test_dark_start_page (void)
{
  EquityWindow *window;

  app_test_reset_settings (1180, 760);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  window = create_window ();
  app_test_show_window (GTK_WINDOW (window));
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "window-start-dark"), >, MIN_VARIANCE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  destroy_window (window);
}

static gboolean
leaflet_still (gpointer data)
{
  return !adw_leaflet_get_child_transition_running (data);
}

static void
test_narrow (TestScratch   *scratch,
             gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = create_project (dir, "Narrow", TRUE);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  EquityWindow *window;

  app_test_reset_settings (1180, 760);
  g_settings_set_int (settings, "window-width", 400);
  g_settings_set_int (settings, "window-height", 720);
  window = create_window ();
  g_assert_true (equity_window_open_project (window, path));
  app_test_show_window (GTK_WINDOW (window));

  /* The sidebar folds away; the dataset is shown with a way back, and the
   * pages are switched from a bar at the foot. */
  g_assert_true (adw_leaflet_get_folded (window->leaflet));
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) == window->content_box);
  g_assert_true (adw_view_switcher_title_get_title_visible (window->switcher_title));
  g_assert_true (adw_view_switcher_bar_get_reveal (window->switcher_bar));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->switcher_bar)));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "window-narrow"), >, MIN_VARIANCE);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  g_assert_true (adw_leaflet_get_visible_child (window->leaflet) == window->sidebar_box);
  test_await (leaflet_still, window->leaflet, "the leaflet's slide to the sidebar over");
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "window-narrow-sidebar"), >, MIN_VARIANCE);

  /* Closing the window keeps its size for next time. */
  g_settings_set_int (settings, "window-width", 1000);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 400);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 720);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  app_test_await_finalize (window);
}

static void
test_about_and_shortcuts (void)
{
  EquityWindow *window;
  GtkWindow *about;
  GtkWindow *shortcuts;

  app_test_reset_settings (1180, 760);
  window = create_window ();
  app_test_show_window (GTK_WINDOW (window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = app_test_await_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (about), "about"), >, MIN_VARIANCE);
  gtk_window_destroy (about);

  /* The shortcuts window is built from the resource when first asked for. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  shortcuts = app_test_await_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (shortcuts), "shortcuts"), >, MIN_VARIANCE);
  gtk_window_close (shortcuts);

  /* Every accelerator the shortcuts window lists is set. */
  {
    static const char *actions[] = {
      "app.new", "app.open", "app.preferences", "app.quit", "win.show-help-overlay",
    };

    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      {
        g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

        g_assert_cmpuint (g_strv_length (accels), >, 0);
      }
  }

  destroy_window (window);
}

static gboolean
window_loaded (gpointer data)
{
  return !equity_window_is_loading (data);
}

static void
first_frame_cb (GtkWidget *widget,
                gpointer   user_data)
{
  char **page = user_data;

  *page = g_strdup (gtk_stack_get_visible_child_name (EQUITY_WINDOW (widget)->main_stack));
}

/* What the app does at start: the window shows that the project is opening
 * while a worker opens it, then the project; the pages after Datasets are
 * given it when first shown. The first frame is painted opening even when
 * the worker is done before it (it takes milliseconds, the first frame far
 * longer): filling the pages waits for the frame after. */
static void
test_load_in_background (TestScratch   *scratch,
                         gconstpointer  data)
{
  g_autofree char *path = create_project (scratch->dir, "Pools", TRUE);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_auto(GStrv) recent = NULL;
  g_autofree char *first_page = NULL;
  EquityWindow *window;

  app_test_reset_settings (1180, 760);
  window = create_window ();
  equity_startup_on_next_frame (GTK_WIDGET (window), first_frame_cb, &first_page);
  equity_window_load_project (window, path);
  g_assert_true (equity_window_is_loading (window));
  g_assert_null (equity_window_get_project (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "loading");
  g_assert_cmpstr (adw_status_page_get_description (window->loading_page), ==, "Pools.equity");
  app_test_show_window (GTK_WINDOW (window));

  test_await (window_loaded, window, "the project loaded");
  g_assert_cmpstr (first_page, ==, "loading");
  g_assert_nonnull (equity_window_get_project (window));
  g_assert_cmpstr (equity_project_get_path (equity_window_get_project (window)), ==, path);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "project");
  g_assert_cmpuint (equity_sidebar_get_n_dataset_rows (_equity_window_get_sidebar (window)), ==, 1);
  g_assert_nonnull (equity_datasets_page_get_dataset (_equity_window_get_datasets_page (window)));
  recent = g_settings_get_strv (settings, "recent-projects");
  g_assert_cmpstr (recent[0], ==, path);

  /* only the page shown is built, and has the project */
  g_assert_cmpuint (window->bound_pages, ==, 0);
  g_assert_null (window->explore_page);
  g_assert_null (window->scan_page);
  g_assert_null (window->indicators_page);
  g_assert_null (window->assessments_page);
  g_assert_null (window->action_plan_page);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "scan");
  g_assert_cmpuint (window->bound_pages, ==, EQUITY_WINDOW_PAGE_SCAN);
  g_assert_nonnull (window->scan_page);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (window->scan_page), GTK_WIDGET (window->view_stack)));
  g_assert_null (window->explore_page);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "indicators");
  g_assert_cmpuint (window->bound_pages, ==, EQUITY_WINDOW_PAGE_SCAN | EQUITY_WINDOW_PAGE_INDICATORS);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "window-loaded-indicators"), >, MIN_VARIANCE);

  /* closing the project lets every page go of it */
  equity_window_close_project (window);
  g_assert_cmpuint (window->bound_pages, ==, 0);
  g_assert_true (_equity_window_shows_start_page (window));

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  app_test_init (&argc, &argv);

  /* A registered application, as when the app runs: its actions, accels,
   * style sheet and help overlay. Not unique, so a running instance of the
   * app is left alone. */
  app = app_test_register_app ();

  g_test_add_func ("/app/window/start-page", test_start_page);
  g_test_add_func ("/app/window/start-page-dark", test_dark_start_page);
  test_add_with_scratch ("/app/window/empty-project", test_empty_project);
  test_add_with_scratch ("/app/window/recent-projects", test_recent_projects);
  test_add_with_scratch ("/app/window/read-only-project", test_read_only_project);
  test_add_with_scratch ("/app/window/project-with-data", test_project_with_data);
  test_add_with_scratch ("/app/window/narrow", test_narrow);
  test_add_with_scratch ("/app/window/import", test_import);
  test_add_with_scratch ("/app/window/import-cancel", test_import_cancel);
  test_add_with_scratch ("/app/window/sample", test_sample);
  test_add_with_scratch ("/app/window/load-in-background", test_load_in_background);
  g_test_add_func ("/app/preferences", test_preferences);
  g_test_add_func ("/app/about-and-shortcuts", test_about_and_shortcuts);

  return app_test_run (&app);
}
