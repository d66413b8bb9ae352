/* test-explore-edits.c — what the window does with an analyst's work:
 * unsaved changes survive the sidebar, the export and rename dialogs do
 * what they say, the default window shows chart and table, and messages
 * speak of the editor's fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "equity-explore-page-private.h"
#include "explore-test-util.h"

/* counts down the list boxes met: DATA points to how many are left to pass */
static gboolean
is_nth_list_box (GtkWidget     *widget,
                 gconstpointer  data)
{
  guint *to_pass = (guint *) data;

  return GTK_IS_LIST_BOX (widget) && (*to_pass)-- == 0;
}

/* the sidebar's list box number INDEX, depth first (0: datasets, 1: analyses) */
static GtkListBox *
sidebar_list (EquityWindow *window,
              guint         index)
{
  guint to_pass = index;
  GtkWidget *list = app_test_find_widget (GTK_WIDGET (_equity_window_get_sidebar (window)),
                                          is_nth_list_box, &to_pass);

  g_assert_nonnull (list);
  return GTK_LIST_BOX (list);
}

static GtkListBoxRow *
analysis_row (EquityWindow *window,
              const char   *name)
{
  GtkListBox *list = sidebar_list (window, 1);
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)); i++)
    {
      EquitySavedAnalysis *analysis = g_object_get_data (G_OBJECT (row), "equity-item");

      if (g_strcmp0 (equity_saved_analysis_get_name (analysis), name) == 0)
        return row;
    }

  g_assert_not_reached ();
  return NULL;
}

static const char *
selected_analysis (EquityWindow *window)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (sidebar_list (window, 1));

  return row != NULL
         ? equity_saved_analysis_get_name (g_object_get_data (G_OBJECT (row), "equity-item"))
         : NULL;
}

static char *
spec_string (EquityWindow *window,
             const char   *key)
{
  return equity_analysis_dup_string (equity_analysis_editor_get_analysis (get_editor (window)), key);
}

static char *
saved_string (EquityWindow *window,
              const char   *name,
              const char   *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityAnalysis) saved = equity_analysis_new_from_project (equity_window_get_project (window),
                                                                      name, &error);

  g_assert_no_error (error);
  return equity_analysis_dup_string (saved, key);
}

static void
assert_shows (EquityWindow *window,
              const char   *name)
{
  EquitySavedAnalysis *shown = equity_explore_page_get_analysis (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE)));

  wait_for_page (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE)));
  g_assert_nonnull (shown);
  g_assert_cmpstr (equity_saved_analysis_get_name (shown), ==, name);
}

/* GTK's chooser has read its folder once it names a file */
static gboolean
chooser_ready (gpointer data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (data);

  return file != NULL;
}

/* the chooser shows once the portal was looked for */
static GtkFileChooser *
wait_for_chooser (void)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (app_test_await_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));

  test_await (chooser_ready, chooser, "the file chooser done reading its folder");
  return chooser;
}

static gboolean
chooser_in_folder (gpointer data)
{
  GtkFileChooser *chooser = data;
  GFile *folder = g_object_get_data (G_OBJECT (chooser), "test-folder");
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
  g_autoptr(GFile) parent = file != NULL ? g_file_get_parent (file) : NULL;

  return parent != NULL && g_file_equal (parent, folder);
}

/* The Export button: GTK's chooser answers once it has read the folder,
 * so it is pressed until the chooser goes. */
static gboolean
press_accept (gpointer data)
{
  GtkWidget *chooser = *(GtkWidget **) data;

  /* the chooser is destroyed with its answer */
  if (chooser == NULL || !gtk_widget_get_visible (chooser))
    return TRUE;

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  return FALSE;
}

/* the question shown, once what the last step set off has run; the app
 * asks at once or not at all, so nothing later is missed */
static AdwMessageDialog *
shown_dialog (void)
{
  app_test_drain ();
  return ADW_MESSAGE_DIALOG (app_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  return ADW_MESSAGE_DIALOG (app_test_await_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static gboolean
project_closed (gpointer data)
{
  return equity_window_get_project (data) == NULL;
}

static gboolean
other_project_open (gpointer data)
{
  EquityProject *project = equity_window_get_project (data);

  return project != NULL
         && g_strcmp0 (equity_project_get_path (project), g_object_get_data (data, "test-other")) == 0;
}

/* A person's answer to the question shown: the dialog goes with it */
static void
answer_dialog (const char *response)
{
  AdwMessageDialog *dialog = wait_for_dialog ();

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* What a click on a row of the sidebar does */
static void
click_analysis (EquityWindow *window,
                const char   *name)
{
  gtk_widget_activate (GTK_WIDGET (analysis_row (window, name)));
}

/* Tab and the arrow keys pass over the sidebar's rows: nothing opens, and
 * the changes of the analysis shown stay. */
static void
test_focus_keeps_edits (void)
{
  EquityWindow *window = open_sample ("focus", 1280, 720);
  EquityExplorePage *page = EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE));
  GtkListBox *analyses = sidebar_list (window, 1);
  g_autofree char *reference = NULL;
  g_autofree char *chart = NULL;
  gboolean passed_other = FALSE;

  click_analysis (window, ARRESTS);
  assert_shows (window, ARRESTS);
  g_assert_cmpstr (selected_analysis (window), ==, ARRESTS);
  g_assert_false (equity_explore_page_has_unsaved_changes (page));

  choose (window, "reference", "B");
  _equity_explore_page_set_chart_kind (page, "dots");
  g_assert_true (equity_explore_page_has_unsaved_changes (page));

  /* Tab through the window, as far as the analyses' rows and past them */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar_list (window, 0), 0)));
  for (guint i = 0; i < 40; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (analyses)))
        {
          /* and down the list with the arrows */
          for (guint j = 0; j < 3; j++)
            gtk_widget_child_focus (GTK_WIDGET (analyses), GTK_DIR_DOWN);
          passed_other = TRUE;
          break;
        }
      /* what a key press sets off runs before the next */
      app_test_drain ();
    }
  g_assert_true (passed_other);
  wait_for_page (page);

  assert_shows (window, ARRESTS);
  g_assert_cmpstr (selected_analysis (window), ==, ARRESTS);
  reference = spec_string (window, "reference");
  chart = spec_string (window, "chart");
  g_assert_cmpstr (reference, ==, "B");
  g_assert_cmpstr (chart, ==, "dots");
  g_assert_true (equity_explore_page_has_unsaved_changes (page));

  close_window (window);
}

/* Opening another analysis with changes unsaved asks: Cancel stays,
 * Save keeps them in the project, Discard drops them on request only. */
static void
test_leave_asks (void)
{
  EquityWindow *window = open_sample ("leave", 1280, 720);
  EquityExplorePage *page = EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE));
  AdwMessageDialog *dialog;
  g_autofree char *reference = NULL;
  g_autofree char *saved_reference = NULL;
  g_autofree char *saved_chart = NULL;
  g_autofree char *saved_suppress = NULL;
  g_autofree char *poverty_suppress = NULL;

  click_analysis (window, ARRESTS);
  assert_shows (window, ARRESTS);

  /* Unchanged: opens at once */
  click_analysis (window, POVERTY);
  g_assert_null (shown_dialog ());
  assert_shows (window, POVERTY);
  click_analysis (window, ARRESTS);
  assert_shows (window, ARRESTS);

  choose (window, "reference", "B");
  _equity_explore_page_set_chart_kind (page, "dots");

  /* Cancel: the changes and the sidebar stay on the analysis shown */
  click_analysis (window, POVERTY);
  dialog = wait_for_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  assert_shows (window, ARRESTS);
  g_assert_cmpstr (selected_analysis (window), ==, ARRESTS);
  reference = spec_string (window, "reference");
  g_assert_cmpstr (reference, ==, "B");
  g_assert_true (equity_explore_page_has_unsaved_changes (page));

  /* The same analysis again: still its changes, no question */
  click_analysis (window, ARRESTS);
  g_assert_null (shown_dialog ());
  g_assert_true (equity_explore_page_has_unsaved_changes (page));

  /* Save: the project has the changes, then the other analysis opens */
  click_analysis (window, POVERTY);
  answer_dialog ("save");
  assert_shows (window, POVERTY);
  g_assert_cmpstr (selected_analysis (window), ==, POVERTY);
  saved_reference = saved_string (window, ARRESTS, "reference");
  saved_chart = saved_string (window, ARRESTS, "chart");
  g_assert_cmpstr (saved_reference, ==, "B");
  g_assert_cmpstr (saved_chart, ==, "dots");

  /* Discard, when asked for, drops the changes */
  poverty_suppress = saved_string (window, POVERTY, "suppress-below");
  choose (window, "suppress-below", "50");
  g_assert_true (equity_explore_page_has_unsaved_changes (page));
  gtk_widget_activate_action (GTK_WIDGET (window), "explore.new-analysis", NULL);
  answer_dialog ("discard");
  wait_for_page (page);
  g_assert_null (equity_explore_page_get_analysis (page));
  saved_suppress = saved_string (window, POVERTY, "suppress-below");
  g_assert_cmpstr (saved_suppress, ==, poverty_suppress);

  close_window (window);
}

/* The export dialog: the format chosen sets the name's extension, and the
 * next export starts in the folder of the last. */
static void
test_export_dialog (void)
{
  EquityWindow *window = open_sample ("export", 1280, 720);
  g_autofree char *dir = test_make_tmpdir ();
  g_autofree char *svg_path = g_build_filename (dir, ARRESTS ".svg", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *remembered = NULL;
  GtkFileChooser *chooser;
  GListModel *filters;
  g_autofree char *name = NULL;

  click_analysis (window, ARRESTS);
  assert_shows (window, ARRESTS);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "explore.export-chart", NULL));
  chooser = wait_for_chooser ();
  g_assert_nonnull (chooser);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, ARRESTS ".png");

  /* PNG → SVG → PDF → SVG: the extension follows */
  filters = gtk_file_chooser_get_filters (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 3);
  for (guint i = 0; i < 4; i++)
    {
      static const guint order[] = { 1, 2, 0, 1 };
      static const char * const names[] = { ARRESTS ".svg", ARRESTS ".pdf", ARRESTS ".png", ARRESTS ".svg" };
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, order[i]);

      gtk_file_chooser_set_filter (chooser, filter);
      g_free (name);
      name = gtk_file_chooser_get_current_name (chooser);
      g_assert_cmpstr (name, ==, names[i]);
    }
  g_object_unref (filters);

  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
  g_object_set_data (G_OBJECT (chooser), "test-folder", folder);
  test_await (chooser_in_folder, chooser, "the file chooser in the scratch folder");
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  test_await (press_accept, &chooser, "the file chooser gone after Save");
  if (chooser != NULL)
    g_object_remove_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  g_assert_true (g_file_test (svg_path, G_FILE_TEST_IS_REGULAR));
  remembered = g_settings_get_string (settings, "last-export-folder");
  g_assert_cmpstr (remembered, ==, dir);

  /* the next export opens there */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "explore.export-chart", NULL));
  chooser = wait_for_chooser ();
  g_assert_nonnull (chooser);
  {
    g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (chooser);

    g_assert_nonnull (current);
    g_assert_true (g_file_equal (current, folder));
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  app_test_await_no_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  close_window (window);
  test_remove_tree (dir);
}

static AdwMessageDialog *
open_rename_dialog (EquityWindow *window)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (_equity_window_get_datasets_page (window)),
                                             "dataset.rename", NULL));
  dialog = wait_for_dialog ();
  g_assert_nonnull (dialog);
  return dialog;
}

static const char *
shown_dataset_name (EquityWindow *window)
{
  GListModel *datasets = equity_project_get_datasets (equity_window_get_project (window));
  g_autoptr(EquityDataset) first = g_list_model_get_item (datasets, 0);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (sidebar_list (window, 0));

  g_assert_nonnull (first);
  g_assert_nonnull (row);
  return equity_dataset_get_name (g_object_get_data (G_OBJECT (row), "equity-item"));
}

/* Enter in the rename dialog renames and closes it; Cancel renames nothing. */
static void
test_rename_dialog (void)
{
  EquityWindow *window = open_sample ("rename", 1280, 720);
  g_autofree char *old_name = g_strdup (shown_dataset_name (window));
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  /* Cancel after typing: nothing changes */
  dialog = open_rename_dialog (window);
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Arrests, typed then cancelled");
  gtk_window_close (GTK_WINDOW (dialog));
  app_test_await_no_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_null (app_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (shown_dataset_name (window), ==, old_name);
  g_assert_null (equity_project_find_dataset (equity_window_get_project (window), "Arrests, typed then cancelled"));

  /* Enter: renamed, and the dialog is gone */
  dialog = open_rename_dialog (window);
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Arrests, renamed");
  /* Enter in the entry: its text emits ::activate */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
  app_test_await_no_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_null (app_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (equity_project_find_dataset (equity_window_get_project (window), "Arrests, renamed"));
  g_assert_null (equity_project_find_dataset (equity_window_get_project (window), old_name));
  g_assert_cmpstr (shown_dataset_name (window), ==, "Arrests, renamed");

  close_window (window);
}

/* The default window on a 1366×768 laptop: the inputs beside the chart,
 * not over it, and the table with all its rows in view. */
static void
test_default_layout (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  EquityWindow *window;
  GtkWidget *editor;
  GtkWidget *chart_view;
  GtkWidget *table;
  graphene_rect_t editor_box, chart_box;
  AdwFlap *flap;
  guint n_rows;
  g_autoptr(PangoLayout) layout = NULL;
  int line_height = 0;

  /* the defaults fit the laptop's screen with its panel */
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), <=, 1366);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), <=, 768 - 48);

  window = open_sample ("layout", g_settings_get_int (settings, "window-width"),
                        g_settings_get_int (settings, "window-height"));
  click_analysis (window, ARRESTS);
  assert_shows (window, ARRESTS);
  app_test_settle (GTK_WIDGET (window));

  editor = _equity_explore_page_get_editor (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE)));
  chart_view = _equity_explore_page_get_chart_view (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE)));
  table = _equity_explore_page_get_table (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE)));
  flap = ADW_FLAP (gtk_widget_get_ancestor (editor, ADW_TYPE_FLAP));
  g_assert_false (adw_flap_get_folded (flap));
  g_assert_true (adw_flap_get_reveal_flap (flap));

  g_assert_true (gtk_widget_compute_bounds (editor, GTK_WIDGET (window), &editor_box));
  g_assert_true (gtk_widget_compute_bounds (chart_view, GTK_WIDGET (window), &chart_box));
  g_assert_false (graphene_rect_intersection (&editor_box, &chart_box, NULL));
  g_assert_cmpint (gtk_widget_get_width (chart_view), >=, 560);
  g_assert_cmpint (gtk_widget_get_height (chart_view), >=, 220);

  /* every group's row and the header, each at least a line of text high */
  n_rows = equity_result_get_n_rows (equity_explore_page_get_result (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE))));
  layout = gtk_widget_create_pango_layout (table, "0");
  pango_layout_get_pixel_size (layout, NULL, &line_height);
  g_assert_cmpint (gtk_widget_get_height (table), >=, (int) (n_rows + 1) * line_height);

  /* the ratio column's header, and so the column, is whole in view */
  {
    GtkWidget *ratio = app_test_find_label (table, "Ratio to ");
    GtkWidget *title;
    graphene_rect_t title_box;

    g_assert_nonnull (ratio);
    title = gtk_widget_get_parent (ratio);
    g_assert_true (gtk_widget_compute_bounds (title, table, &title_box));
    g_assert_cmpfloat (title_box.origin.x, >=, 0);
    g_assert_cmpfloat (title_box.origin.x + title_box.size.width, <=, gtk_widget_get_width (table));
  }
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "default-layout"), >, MIN_VARIANCE);

  close_window (window);
}

/* What the window says of an analysis that cannot run names the input by
 * its title in the editor, not by the spec's "[analysis] key"; the notes
 * say which groups no population column counts without spec syntax. */
static void
test_messages_in_user_terms (void)
{
  EquityWindow *window = open_sample ("messages", 1280, 720);
  EquityProject *project = equity_window_get_project (window);
  g_autoptr(EquityAnalysis) broken = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  const char *notes;
  const char *message;

  click_analysis (window, ARRESTS);
  assert_shows (window, ARRESTS);
  notes = _equity_explore_page_get_notes (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE)));
  g_assert_nonnull (notes);
  g_assert_nonnull (strstr (notes, "(U)"));
  g_assert_null (strstr (notes, "[groups]"));

  data = equity_analysis_to_data (equity_analysis_editor_get_analysis (get_editor (window)), NULL);
  broken = equity_analysis_new_from_data (data, -1, "test", &error);
  g_assert_no_error (error);
  equity_analysis_set_string (broken, "population", "No such places");
  equity_analysis_set_string (broken, "name", "Broken");
  g_assert_true (equity_analysis_save (broken, project, &error));
  g_assert_no_error (error);

  click_analysis (window, "Broken");
  wait_for_page (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE)));
  message = equity_explore_page_get_message (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE)));
  g_assert_nonnull (message);
  g_assert_null (strstr (message, "[analysis]"));
  g_assert_true (g_str_has_prefix (message, "Population: "));
  g_assert_nonnull (strstr (message, "No such places"));

  /* the other forms of the core's messages */
  {
    static const struct {
      const char *core;
      const char *window;
    } cases[] = {
      { "saved analysis “Broken”: [groups] B: no column “rc_b”", "Groups, Black (B): no column “rc_b”" },
      { "saved analysis “Broken”: [groups]: missing", "Groups: missing" },
      { "saved analysis “Broken”: [analysis] reference: “H” is not one of the groups",
        "Compare with: “H” is not one of the groups" },
      { "The project is read-only", "The project is read-only" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *said = _equity_explore_page_describe_error (EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE)), cases[i].core);

        g_assert_cmpstr (said, ==, cases[i].window);
      }
  }

  close_window (window);
}

/* Closing the window or the project with unsaved changes asks too; a
 * Save under a new name marks the new analysis in the sidebar. */
static void
test_close_asks (void)
{
  EquityWindow *window = open_sample ("close", 1280, 720);
  EquityExplorePage *page = EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE));
  AdwMessageDialog *dialog;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_reference = NULL;

  click_analysis (window, ARRESTS);
  assert_shows (window, ARRESTS);
  choose (window, "reference", "B");

  /* Save under a new name: the sidebar follows */
  g_assert_true (equity_explore_page_save_analysis (page, "Arrests, Black as reference", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (selected_analysis (window), ==, "Arrests, Black as reference");
  g_assert_false (equity_explore_page_has_unsaved_changes (page));

  choose (window, "reference", "W");
  g_assert_true (equity_explore_page_has_unsaved_changes (page));

  /* Close Project, then Cancel: still open, changes and all */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-project", NULL));
  answer_dialog ("cancel");
  g_assert_nonnull (equity_window_get_project (window));
  g_assert_true (equity_explore_page_has_unsaved_changes (page));

  /* Closing the window, then Cancel: it stays */
  gtk_window_close (GTK_WINDOW (window));
  answer_dialog ("cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Close Project, then Save: the project has the change, and is closed */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-project", NULL));
  dialog = wait_for_dialog ();
  g_assert_nonnull (dialog);
  {
    g_autoptr(EquityProject) project = g_object_ref (equity_window_get_project (window));
    g_autofree char *path = g_strdup (equity_project_get_path (project));
    g_autoptr(EquityProject) reopened = NULL;
    g_autoptr(EquityAnalysis) saved = NULL;

    adw_message_dialog_response (dialog, "save");
    gtk_window_destroy (GTK_WINDOW (dialog));
    test_await (project_closed, window, "the project closed after Save");
    g_assert_null (equity_window_get_project (window));

    reopened = test_open_project (path);
    saved = equity_analysis_new_from_project (reopened, "Arrests, Black as reference", &error);
    g_assert_no_error (error);
    saved_reference = equity_analysis_dup_string (saved, "reference");
    g_assert_cmpstr (saved_reference, ==, "W");
    equity_project_close (reopened);
  }

  close_window (window);
}

/* A new analysis that a person changed is not dropped either: leaving it
 * asks, and Save… asks for its name. */
static void
test_leave_new_asks (void)
{
  EquityWindow *window = open_sample ("leave-new", 1280, 720);
  EquityExplorePage *page = EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE));
  AdwMessageDialog *dialog;

  click_analysis (window, ARRESTS);
  assert_shows (window, ARRESTS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "explore.new-analysis", NULL));
  g_assert_null (shown_dialog ());
  wait_for_page (page);
  g_assert_null (equity_explore_page_get_analysis (page));
  g_assert_null (selected_analysis (window));
  /* what the editor fills in by itself is no change of the user's */
  g_assert_false (equity_explore_page_has_unsaved_changes (page));

  choose (window, "per", "100");
  g_assert_true (equity_explore_page_has_unsaved_changes (page));

  click_analysis (window, POVERTY);
  dialog = wait_for_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save the New Analysis?");
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* the name is asked for, and the new analysis stays */
  dialog = wait_for_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Analysis");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (equity_explore_page_get_analysis (page));
  g_assert_true (equity_explore_page_has_unsaved_changes (page));

  click_analysis (window, POVERTY);
  answer_dialog ("discard");
  assert_shows (window, POVERTY);
  g_assert_false (equity_explore_page_has_unsaved_changes (page));

  close_window (window);
}

/* Opening another project (Open, a recent one) asks first too. */
static void
test_open_other_asks (void)
{
  EquityWindow *window = open_sample ("open-other", 1280, 720);
  EquityExplorePage *page = EQUITY_EXPLORE_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_EXPLORE));
  g_autofree char *other = copy_sample ("open-other-target");
  g_autofree char *first = NULL;

  first = g_strdup (equity_project_get_path (equity_window_get_project (window)));
  click_analysis (window, ARRESTS);
  assert_shows (window, ARRESTS);
  choose (window, "reference", "B");
  g_assert_true (equity_explore_page_has_unsaved_changes (page));

  /* Cancel: the same project, the change still there */
  g_assert_true (equity_window_open_project (window, other));
  answer_dialog ("cancel");
  g_assert_cmpstr (equity_project_get_path (equity_window_get_project (window)), ==, first);
  g_assert_true (equity_explore_page_has_unsaved_changes (page));

  /* Discard: the other project opens */
  g_assert_true (equity_window_open_project (window, other));
  answer_dialog ("discard");
  g_object_set_data (G_OBJECT (window), "test-other", other);
  test_await (other_project_open, window, "the other project open after Discard");
  g_assert_cmpstr (equity_project_get_path (equity_window_get_project (window)), ==, other);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  explore_test_init (&argc, &argv);

  g_test_add_func ("/app/explore/focus-keeps-edits", test_focus_keeps_edits);
  g_test_add_func ("/app/explore/leave-asks", test_leave_asks);
  g_test_add_func ("/app/explore/close-asks", test_close_asks);
  g_test_add_func ("/app/explore/open-other-asks", test_open_other_asks);
  g_test_add_func ("/app/explore/leave-new-asks", test_leave_new_asks);
  g_test_add_func ("/app/explore/export-dialog", test_export_dialog);
  g_test_add_func ("/app/datasets/rename-dialog", test_rename_dialog);
  g_test_add_func ("/app/explore/default-layout", test_default_layout);
  g_test_add_func ("/app/explore/messages-in-user-terms", test_messages_in_user_terms);

  return explore_test_run ();
}
