/* test-explore.c — the Explore page on the sample project: the saved
 * analyses, their numbers, hover, save, copy and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "explore-test-util.h"

static void
test_arrests (void)
{
  EquityWindow *window = open_sample ("arrests", 1400, 900);
  EquityExplorePage *page = EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE));
  EquityChartView *chart_view = EQUITY_CHART_VIEW (_equity_explore_page_get_chart_view (page));
  EquityResult *result;
  EquityResultRow *row;

  open_analysis (window, ARRESTS);
  g_assert_true (equity_explore_page_get_analysis (page) != NULL);
  g_assert_cmpstr (equity_explore_page_get_message (page), ==, NULL);

  /* The headline, and the table's figures (docs/methods.md §3) */
  g_assert_cmpstr (_equity_explore_page_get_headline (page), ==,
                   "Black: 3.11 times the rate of White (95% CI 3.01–3.22).");
  row = find_row (window, "B");
  g_assert_cmpfloat_with_epsilon (row->rate, 447.977, 0.001);
  g_assert_cmpfloat_with_epsilon (row->rate_low, 434.914, 0.001);
  g_assert_cmpfloat_with_epsilon (row->rate_high, 461.334, 0.001);
  g_assert_cmpfloat_with_epsilon (row->ratio, 3.1129, 0.0001);
  assert_cell (window, "B", "rate", "447.98 (434.91–461.33)");
  assert_cell (window, "B", "ratio", "3.11 (3.01–3.22)");
  assert_cell (window, "B", "name", "Black (B)");
  assert_cell (window, "W", "ratio", "1.00");
  assert_cell (window, "B", "count", "4,452");
  g_assert_nonnull (strstr (_equity_explore_page_get_notes (page), "(U)"));
  g_assert_cmpstr (equity_result_get_reference (equity_explore_page_get_result (page)), ==, "W");

  /* Every chart has a description and its table as an alternative. */
  g_assert_nonnull (equity_chart_view_get_chart (chart_view));
  g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart_view)) == GTK_ACCESSIBLE_ROLE_IMG);

  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "explore-arrests"), >, MIN_VARIANCE);

  /* Hovering the Black bar names its numbers. */
  result = equity_explore_page_get_result (page);
  hover_row (chart_view, result, "B");
  g_assert_cmpint (equity_chart_view_get_hovered_row (chart_view), ==, (int) row_index (result, "B"));
  g_assert_cmpstr (equity_chart_view_get_hover_text (chart_view), ==,
                   "Black: 4,452 arrests, 9,938 residents, 2020 and 2021 together, 448.0 per 1,000 (435–461), 3.11× White (3.01–3.22)");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (chart_view)), ==,
                   equity_chart_view_get_hover_text (chart_view));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "explore-arrests-hover"), >, MIN_VARIANCE);
  g_signal_emit_by_name (motion_controller (GTK_WIDGET (chart_view)), "leave");
  g_assert_null (equity_chart_view_get_hover_text (chart_view));

  /* Another reference group: the ratios are taken against it at once. */
  choose (window, "reference", "B");
  g_assert_cmpstr (equity_result_get_reference (equity_explore_page_get_result (page)), ==, "B");
  row = find_row (window, "W");
  g_assert_cmpfloat_with_epsilon (row->ratio, 1.0 / 3.1129, 0.0001);
  g_assert_cmpfloat_with_epsilon (find_row (window, "B")->ratio, 1.0, 1e-12);
  choose (window, "reference", "W");
  g_assert_cmpfloat_with_epsilon (find_row (window, "B")->ratio, 3.1129, 0.0001);

  /* A higher suppression threshold flags the small groups. */
  g_assert_false (find_row (window, "A")->suppressed);
  g_assert_false (find_row (window, "I")->suppressed);
  choose (window, "suppress-below", "200");
  g_assert_true (find_row (window, "I")->count < 200 ? find_row (window, "I")->suppressed : TRUE);
  g_assert_true (find_row (window, "A")->count < 200 ? find_row (window, "A")->suppressed : TRUE);
  g_assert_true (find_row (window, "A")->suppressed || find_row (window, "I")->suppressed);
  g_assert_false (find_row (window, "B")->suppressed);
  assert_cell (window, "B", "suppressed", "");
  choose (window, "suppress-below", "11");
  g_assert_false (find_row (window, "A")->suppressed);
  g_assert_false (find_row (window, "I")->suppressed);

  /* Rates per 100,000 */
  choose (window, "per", "100000");
  g_assert_cmpfloat_with_epsilon (find_row (window, "B")->rate, 44797.7, 0.1);
  choose (window, "per", "1000");

  /* The dot plot, light and dark */
  _equity_explore_page_set_chart_kind (page, "dots");
  g_assert_cmpint (equity_chart_get_kind (equity_chart_view_get_chart (chart_view)), ==, EQUITY_CHART_DOTS);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "explore-arrests-dots"), >, MIN_VARIANCE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "explore-arrests-dark"), >, MIN_VARIANCE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  _equity_explore_page_set_chart_kind (page, "bars");

  close_window (window);
}

static void
test_save_copy_export (void)
{
  EquityWindow *window = open_sample ("save", 1400, 900);
  EquityExplorePage *page = EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE));
  EquitySidebar *sidebar = _equity_window_get_sidebar (window);
  g_autofree char *dir = test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  GdkClipboard *clipboard;
  guint n_before;
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  open_analysis (window, ARRESTS);

  /* The actions are there for the page shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "explore.copy-chart", NULL));

  /* Save under a new name: the sidebar lists it. */
  n_before = equity_sidebar_get_n_analysis_rows (sidebar);
  choose (window, "reference", "B");
  g_assert_true (equity_explore_page_save_analysis (page, "Arrests against Black residents", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (equity_sidebar_get_n_analysis_rows (sidebar), ==, n_before + 1);
  g_assert_nonnull (equity_explore_page_get_analysis (page));
  g_assert_cmpstr (equity_saved_analysis_get_name (equity_explore_page_get_analysis (page)), ==,
                   "Arrests against Black residents");
  {
    g_autoptr(EquityAnalysis) saved = equity_analysis_new_from_project (equity_window_get_project (window),
                                                                        "Arrests against Black residents",
                                                                        &error);
    g_autofree char *reference = NULL;

    g_assert_no_error (error);
    reference = equity_analysis_dup_string (saved, "reference");
    g_assert_cmpstr (reference, ==, "B");
  }

  /* Ctrl+S asks for the name in a dialog; a name in use is replaced. */
  {
    AdwMessageDialog *dialog;
    GtkEditable *entry;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "explore.save-analysis", NULL));
    dialog = ADW_MESSAGE_DIALOG (app_test_await_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (dialog);
    entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
    g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Arrests against Black residents");
    g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "save"), ==, "_Save");
    gtk_editable_set_text (entry, ARRESTS);
    g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "save"), ==, "_Replace");
    gtk_editable_set_text (entry, "Arrests, Black residents as reference");
    g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (dialog), "explore-save-dialog"), >, MIN_VARIANCE);
    /* the response saves at once; then what it set off runs */
    adw_message_dialog_response (dialog, "save");
    app_test_drain ();
    g_assert_cmpuint (equity_sidebar_get_n_analysis_rows (sidebar), ==, n_before + 2);
  }

  /* Copy: an image on the clipboard */
  g_assert_true (equity_explore_page_copy_chart (page, &error));
  g_assert_no_error (error);
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (page));
  g_assert_true (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard), "image/png"));
  g_assert_true (gdk_clipboard_is_local (clipboard));

  /* Export in each format */
  {
    g_autofree char *png_path = g_build_filename (dir, "arrests.png", NULL);
    g_autofree char *svg_path = g_build_filename (dir, "arrests.svg", NULL);
    g_autofree char *pdf_path = g_build_filename (dir, "arrests.pdf", NULL);
    g_autofree char *svg = NULL;

    g_assert_true (equity_explore_page_export_chart (page, png_path, &error));
    g_assert_no_error (error);
    assert_magic (png_path, png, sizeof png);
    g_assert_true (equity_explore_page_export_chart (page, svg_path, &error));
    g_assert_no_error (error);
    g_file_get_contents (svg_path, &svg, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (svg, "<svg"));
    g_assert_true (equity_explore_page_export_chart (page, pdf_path, &error));
    g_assert_no_error (error);
    assert_magic (pdf_path, (const guint8 *) "%PDF-", 5);

    /* the map of a map result */
    open_analysis (window, CHARLOTTE);
    _equity_explore_page_show_view (page, "map");
    g_free (png_path);
    png_path = g_build_filename (dir, "charlotte-map.png", NULL);
    g_assert_true (equity_explore_page_export_chart (page, png_path, &error));
    g_assert_no_error (error);
    assert_magic (png_path, png, sizeof png);
  }

  close_window (window);
  test_remove_tree (dir);
}

static void
test_maps (void)
{
  EquityWindow *window = open_sample ("maps", 1400, 900);
  EquityExplorePage *page = EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE));
  EquityChartView *map_view = EQUITY_CHART_VIEW (_equity_explore_page_get_map_view (page));
  EquityResult *result;

  open_analysis (window, POVERTY);
  result = equity_explore_page_get_result (page);
  g_assert_cmpstr (equity_result_get_kind (result), ==, "acs-proportion");
  g_assert_cmpuint (equity_result_get_n_rows (result), ==, 65);
  g_assert_nonnull (equity_chart_view_get_chart (map_view));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (map_view)));
  assert_cell (window, "37021000100", "estimate", "29.0% ± 6.2");
  assert_cell (window, "37021000100", "reliability", "Medium");
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "explore-poverty-map"), >, MIN_VARIANCE);

  /* Hovering an area names it, by its name rather than its GEOID. */
  hover_row (map_view, result, "37021000100");
  g_assert_true (g_str_has_prefix (equity_chart_view_get_hover_text (map_view), "Census Tract 1: "));

  open_analysis (window, CHARLOTTE);
  result = equity_explore_page_get_result (page);
  g_assert_cmpstr (equity_result_get_kind (result), ==, "area-rates");
  g_assert_cmpuint (equity_result_get_n_rows (result), ==, 462);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (map_view)));
  g_assert_cmpstr (equity_chart_get_title (equity_chart_view_get_chart (map_view)) != NULL
                   ? equity_chart_get_title (equity_chart_view_get_chart (map_view))
                   : equity_result_get_title (result), ==, CHARLOTTE);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "explore-charlotte-map"), >, MIN_VARIANCE);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "explore-charlotte-map-dark"), >, MIN_VARIANCE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  close_window (window);
}

/* The pictures of the README and docs/: the window as it opens on the
 * sample's first analysis, and a narrow window where the inputs fold away. */
static gboolean
flap_revealed (gpointer data)
{
  return adw_flap_get_reveal_progress (data) >= 1.0;
}

static void
test_window_sizes (void)
{
  EquityWindow *window = open_sample (NULL, 1280, 800);
  EquityExplorePage *page = EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE));
  EquityChartView *chart_view = EQUITY_CHART_VIEW (_equity_explore_page_get_chart_view (page));
  AdwFlap *flap;

  open_analysis (window, ARRESTS);
  g_assert_nonnull (equity_chart_view_get_chart (chart_view));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "main-window"), >, MIN_VARIANCE);
  close_window (window);

  window = open_sample ("narrow", 760, 720);
  page = EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE));
  open_analysis (window, POVERTY);
  /* the flaps fold when the window lays them out */
  app_test_settle (GTK_WIDGET (window));
  flap = ADW_FLAP (gtk_widget_get_ancestor (_equity_explore_page_get_editor (page), ADW_TYPE_FLAP));
  g_assert_nonnull (flap);
  /* the sidebar folds first, then the inputs */
  g_assert_true (adw_flap_get_folded (flap));
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "explore-narrow"), >, MIN_VARIANCE);
  adw_flap_set_reveal_flap (flap, TRUE);
  test_await (flap_revealed, flap, "the inputs' flap slid fully open");
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "explore-narrow-inputs"), >, MIN_VARIANCE);
  close_window (window);
}

/* The window's shortcut for ACTION_NAME, or NULL */
static GtkShortcut *
find_shortcut (GtkWidget  *widget,
               const char *action_name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (action)
              && g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), action_name) == 0)
            return shortcut;
        }
    }
  return NULL;
}

/* The page's explore.* actions keep their keys, window-wide. */
static void
test_shortcuts (void)
{
  EquityWindow *window = open_sample ("shortcuts", 1400, 900);
  static const struct { const char *action; const char *trigger; } keys[] = {
    { "explore.save-analysis", "<Control>s" },
    { "explore.copy-chart", "<Shift><Control>c" },
    { "explore.export-chart", "<Control>e" },
  };

  open_analysis (window, ARRESTS);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = find_shortcut (GTK_WIDGET (window), keys[i].action);
      g_autofree char *trigger = NULL;

      g_assert_nonnull (shortcut);
      trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
      g_assert_cmpstr (trigger, ==, keys[i].trigger);
    }

  /* the key reaches the page's action from the window */
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (find_shortcut (GTK_WIDGET (window), "explore.copy-chart")),
                                               0, GTK_WIDGET (window), NULL));
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  explore_test_init (&argc, &argv);

  g_test_add_func ("/app/explore/arrests", test_arrests);
  g_test_add_func ("/app/explore/save-copy-export", test_save_copy_export);
  g_test_add_func ("/app/explore/maps", test_maps);
  g_test_add_func ("/app/explore/shortcuts", test_shortcuts);
  g_test_add_func ("/app/explore/window-sizes", test_window_sizes);

  return explore_test_run ();
}
