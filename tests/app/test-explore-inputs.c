/* test-explore-inputs.c — the Explore page's inputs: an analysis made by
 * choosing, events placed in areas by location, specs that cannot run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "explore-test-util.h"

/* Journey 1, step 4: the arrests analysis made by choosing, not typing. */
static void
test_build_by_choosing (void)
{
  EquityWindow *window = open_sample ("build", 1400, 900);
  EquityExplorePage *page = EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE));
  EquityAnalysisEditor *editor = get_editor (window);
  EquityRowPicker *picker;
  g_autofree char *missing = NULL;
  g_autofree char *group_column = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "explore");
  gtk_widget_activate_action (GTK_WIDGET (window), "explore.new-analysis", NULL);
  choose (window, "kind", "group-rates");
  wait_for_page (page);
  missing = equity_analysis_editor_dup_missing (editor);
  g_assert_nonnull (missing);
  g_assert_nonnull (equity_explore_page_get_message (page));
  g_assert_null (equity_explore_page_get_result (page));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "explore-new"), >, MIN_VARIANCE);

  choose (window, "events", "Asheville arrests 2020–2021");
  /* the group column is the one whose role says so */
  group_column = equity_analysis_dup_string (equity_analysis_editor_get_analysis (editor), "group-column");
  g_assert_cmpstr (group_column, ==, "subject_race");
  choose (window, "population", "NC places, 2020 Census race and ethnicity");

  /* 776 places are not added up unasked: the row is chosen first */
  g_clear_pointer (&missing, g_free);
  missing = equity_analysis_editor_dup_missing (editor);
  g_assert_nonnull (strstr (missing, "Population row"));
  g_assert_null (equity_explore_page_get_result (page));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (equity_analysis_editor_get_row (editor, "population-filter"))),
                   ==, "Not chosen yet");

  /* The row is picked from the place names, not typed. */
  picker = EQUITY_ROW_PICKER (equity_analysis_editor_get_row (editor, "population-filter"));
  g_assert_cmpuint (equity_row_picker_get_n_choices (picker), ==, 776);
  choose (window, "population-filter", "3702140");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (picker)), ==, "Asheville (3702140)");

  /* Groups found in the records got the columns their names suggest. */
  g_assert_nonnull (equity_analysis_editor_get_row (editor, "groups/U"));
  choose (window, "groups/B", "rc_black");
  choose (window, "reference", "W");

  g_assert_null (equity_explore_page_get_message (page));
  g_assert_cmpfloat_with_epsilon (find_row (window, "B")->ratio, 3.1129, 0.0001);
  g_assert_cmpfloat_with_epsilon (find_row (window, "B")->rate, 447.977, 0.001);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "explore-built"), >, MIN_VARIANCE);

  /* Adding up every place is a choice the spec then says out loud */
  {
    g_autofree char *filter = NULL;

    choose (window, "population-filter", "*");
    filter = equity_analysis_dup_string (equity_analysis_editor_get_analysis (editor), "population-filter");
    g_assert_cmpstr (filter, ==, "*");
    g_assert_null (equity_explore_page_get_message (page));
    /* the state's Black residents (the sum over all 776 rows) are more than Asheville's 9,938 */
    g_assert_cmpfloat (find_row (window, "B")->population, >, 9938.0 * 100);
    choose (window, "population-filter", "3702140");
  }

  /* Leaving a group out */
  choose (window, "groups/I", NULL);
  g_assert_null (find_row (window, "I"));

  /* Every kind can be chosen, and shows what it still needs. */
  for (guint i = 0; i < 9; i++)
    {
      const char * const *kinds = equity_analysis_list_kinds ();

      if (kinds[i] == NULL)
        break;
      choose (window, "kind", kinds[i]);
      g_assert_true (equity_explore_page_get_result (page) != NULL
                     || equity_explore_page_get_message (page) != NULL);
    }

  close_window (window);
}

/* Renaming a dataset that the open analysis and a saved one read keeps
 * both computing the same numbers; deleting it first says who reads it. */
static void
test_rename_used_dataset (void)
{
  EquityWindow *window = open_sample ("rename-used", 1400, 900);
  EquityExplorePage *page = EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE));
  EquityProject *project = equity_window_get_project (window);
  EquityAnalysisEditor *editor = get_editor (window);
  const char *places = "NC places, 2020 Census race and ethnicity";
  g_autoptr(GError) error = NULL;
  g_autofree char *population = NULL;
  GtkWindow *dialog;
  double ratio;

  open_analysis (window, ARRESTS);
  ratio = find_row (window, "B")->ratio;
  /* published-table check lives in test-cli-analysis: 3.1129 by hand from 4,452/9,938 and White */
  g_assert_cmpfloat_with_epsilon (ratio, 3.1129, 0.0001);

  g_assert_true (equity_project_rename_dataset (project, equity_project_find_dataset (project, places),
                                                "Census places", &error));
  g_assert_no_error (error);
  wait_for_page (page);
  population = equity_analysis_dup_string (equity_analysis_editor_get_analysis (editor), "population");
  g_assert_cmpstr (population, ==, "Census places");

  /* the rename is no unsaved change; the analysis runs again with the new
   * name, and the saved one too */
  g_assert_false (equity_explore_page_has_unsaved_changes (page));
  choose (window, "reference", "W");
  g_assert_null (equity_explore_page_get_message (page));
  g_assert_cmpfloat (find_row (window, "B")->ratio, ==, ratio);
  open_analysis (window, POVERTY);
  open_analysis (window, ARRESTS);
  g_assert_null (equity_explore_page_get_message (page));
  g_assert_cmpfloat (find_row (window, "B")->ratio, ==, ratio);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "explore-after-rename"), >, MIN_VARIANCE);

  /* asking to delete it names the analysis that reads it */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "datasets");
  equity_datasets_page_set_dataset (window->datasets_page, equity_project_find_dataset (project, "Census places"));
  gtk_widget_activate_action (GTK_WIDGET (window->datasets_page), "dataset.delete", NULL);
  dialog = app_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ARRESTS));
  app_test_show_window (dialog);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (dialog), "delete-dialog-lists-analyses"), >, MIN_VARIANCE);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (dialog);
  g_assert_nonnull (equity_project_find_dataset (project, "Census places"));

  close_window (window);
}

/* Events placed by their location in the tracts' shapes: the spatial join
 * runs in a worker, reports progress, and the window stays responsive. */
static char *
write_points (const char *dir,
              guint       n_points)
{
  g_autoptr(GString) csv = g_string_new ("request_id,lat,lon\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20201);
  g_autoptr(GFile) file = NULL;

  /* Buncombe County's bounding box, more or less */
  for (guint i = 0; i < n_points; i++)
    g_string_append_printf (csv, "%u,%.5f,%.5f\n", i,
                            g_rand_double_range (rand, 35.42, 35.82),
                            g_rand_double_range (rand, -82.88, -82.27));
  file = test_write_file (dir, "service_points.csv", csv->str);
  return g_file_get_path (file);
}

static void
fraction_cb (GObject    *bar,
             GParamSpec *pspec,
             guint      *n_updates)
{
  (*n_updates)++;
}

/* The page's computation watched: how often the main loop turned while it ran. */
typedef struct
{
  EquityExplorePage *page;
  guint              n_busy_turns;
} Watch;

static gboolean
page_idle_counting (gpointer data)
{
  Watch *watch = data;

  if (!equity_explore_page_is_busy (watch->page))
    return TRUE;
  watch->n_busy_turns++;
  return FALSE;
}

static void
test_points_in_areas (void)
{
  g_autofree char *path = copy_sample ("points");
  g_autofree char *csv = write_points (explore_test_get_dir (), 120000);
  EquityWindow *window;
  EquityExplorePage *page;
  GtkWidget *progress_bar;
  guint n_updates = 0;
  Watch watch = { 0 };

  /* the points join the sample as a dataset of their own */
  {
    g_autoptr(EquityProject) project = equity_project_open (path, NULL);
    g_autoptr(GFile) file = g_file_new_for_path (csv);
    g_autoptr(EquityDataset) dataset = test_import_ok (project, file, NULL);

    equity_project_close (project);
  }

  window = open_project (path, 1400, 900);
  page = EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "explore");
  choose (window, "kind", "area-rates");
  choose (window, "events", "service_points");
  choose (window, "locate", "lat-column");
  g_assert_nonnull (equity_analysis_editor_get_row (get_editor (window), "lat-column"));
  g_assert_null (equity_analysis_editor_get_row (get_editor (window), "area-column"));
  choose (window, "areas", "Buncombe tract boundaries (2010 tracts)");
  choose (window, "areas-key", "GEOID");
  choose (window, "population", "Buncombe tracts, 2020 Census race and ethnicity");
  choose (window, "population-key", "geocode");

  /* The residents column starts at the one whose role says so; choosing it
   * again runs the join once more, watched this time. */
  progress_bar = _equity_explore_page_get_progress_bar (page);
  g_signal_connect (progress_bar, "notify::fraction", G_CALLBACK (fraction_cb), &n_updates);
  g_assert_true (equity_analysis_editor_choose (get_editor (window), "per", "10000"));
  watch.page = page;
  test_await (page_idle_counting, &watch, "the points joined to the areas");
  g_signal_handlers_disconnect_by_func (progress_bar, fraction_cb, &n_updates);

  /* the main loop kept turning while the worker joined the points */
  g_assert_cmpuint (watch.n_busy_turns, >, 1);
  g_assert_cmpuint (n_updates, >, 0);
  g_assert_null (equity_explore_page_get_message (page));
  {
    EquityResult *result = equity_explore_page_get_result (page);
    EquityResultRow *overall = equity_result_get_overall (result);

    g_assert_cmpstr (equity_result_get_kind (result), ==, "area-rates");
    g_assert_cmpuint (equity_result_get_n_rows (result), >=, 56);
    /* every point fell in a tract or outside all of them */
    g_assert_cmpfloat (overall->count + equity_result_get_outside (result)
                       + equity_result_get_unmatched_events (result), ==, 120000);
    g_assert_cmpuint (equity_result_get_outside (result), >, 0);
    /* and the page says how many were left out */
    g_assert_nonnull (_equity_explore_page_get_notes (page));
    g_assert_nonnull (strstr (_equity_explore_page_get_notes (page), "lie in no area"));
    /* the title followed the kind */
    g_assert_cmpstr (equity_result_get_title (result), ==, "Rates by area");
  }
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "explore-points"), >, MIN_VARIANCE);

  close_window (window);
}

/* A spec the project cannot run is shown inline, not as a crash or dialog. */
static void
test_errors (void)
{
  EquityWindow *window = open_sample ("errors", 1180, 760);
  EquityExplorePage *page = EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE));
  EquityProject *project = equity_window_get_project (window);
  g_autoptr(GError) error = NULL;

  g_autoptr(EquityAnalysis) broken =
    equity_analysis_new_from_data ("[analysis]\nname = Broken\nkind = group-rates\nevents = Gone\n"
                                   "group-column = race\npopulation = Gone too\n\n[groups]\nW = white\n",
                                   -1, NULL, &error);

  g_assert_true (equity_analysis_save (broken, project, &error));
  g_assert_no_error (error);
  open_analysis (window, "Broken");
  g_assert_null (equity_explore_page_get_result (page));
  g_assert_nonnull (equity_explore_page_get_message (page));
  g_assert_nonnull (strstr (equity_explore_page_get_message (page), "Gone"));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "explore-error"), >, MIN_VARIANCE);

  /* An input chosen away says what is missing. */
  open_analysis (window, ARRESTS);
  g_assert_nonnull (equity_explore_page_get_result (page));
  g_assert_true (equity_analysis_editor_choose (get_editor (window), "population", NULL));
  wait_for_page (page);
  g_assert_nonnull (equity_explore_page_get_message (page));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  explore_test_init (&argc, &argv);

  g_test_add_func ("/app/explore/build-by-choosing", test_build_by_choosing);
  g_test_add_func ("/app/explore/rename-used-dataset", test_rename_used_dataset);
  g_test_add_func ("/app/explore/points-in-areas", test_points_in_areas);
  g_test_add_func ("/app/explore/errors", test_errors);

  return explore_test_run ();
}
