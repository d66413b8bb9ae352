/* test-score-table-dialog.c — the Indicators page's Score Table dialog: a
 * band edited, refused when it cannot score, saved (the row's score follows
 * at once, the page names the edited table) and undone; rendered under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "equity-score-table-dialog.h"
#include "indicators-page-test-util.h"

#define TYPED "Typed ratios for the score table"

/* the labels of the typed indicator's row in the list */
static char *
dup_row_labels (EquityIndicatorsPage *page)
{
  GtkListBox *list = _equity_indicators_page_get_list_box (page);
  g_autofree char *text = NULL;

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      EquityIndicatorEntry *entry = g_object_get_data (G_OBJECT (row), "equity-indicator-entry");

      if (g_strcmp0 (equity_indicator_entry_get_name (entry), TYPED) == 0)
        text = app_test_dup_labels (gtk_list_box_row_get_child (row));
    }
  g_assert_nonnull (text);
  return g_steal_pointer (&text);
}

/* A copy of the sample with one more indicator of typed ratios: 2020 2.00,
 * 2021 2.12 (the worked value of FRAMEWORK-ANCHORS.md §1, published score 40). */
static char *
copy_with_typed_indicator (void)
{
  char *path = copy_sample ("score-table");
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(EquityIndicator) typed = NULL;
  g_autoptr(GError) error = NULL;
  static const TypedRatio ratios[] = { { 2.00, NAN, NAN }, { 2.12, NAN, NAN } };

  project = test_open_project (path);
  typed = typed_indicator_new (TYPED, "Economy", "Typed", 2020, ratios, G_N_ELEMENTS (ratios));
  g_assert_true (equity_project_add_indicator (project, typed, &error));
  g_assert_no_error (error);
  equity_project_close (project);
  return path;
}

static void
test_edit_save_undo (void)
{
  g_autofree char *path = copy_with_typed_indicator ();
  EquityWindow *window = open_project (path, 1180, 760);
  EquityIndicatorsPage *page;
  EquityScoreTableDialog *dialog;
  GtkWidget *first_remove;
  g_autofree char *labels = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(EquityScoreTable) stored = NULL;
  g_autoptr(GError) error = NULL;

  page = show_indicators (window);

  /* the published table: 2.12 → 40 (Oakland Equity Indicators 2018, Appendix B) */
  labels = dup_row_labels (page);
  g_assert_nonnull (strstr (labels, "|40|score|"));
  g_clear_pointer (&labels, g_free);
  g_assert_null (strstr (gtk_label_get_label (page->score_source_label), "edited"));
  g_assert_nonnull (strstr (gtk_label_get_label (page->score_source_label), "Scores by Oakland Equity Indicators 2018"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "indicators.edit-score-table", NULL));
  dialog = EQUITY_SCORE_TABLE_DIALOG (app_test_find_toplevel (EQUITY_TYPE_SCORE_TABLE_DIALOG));
  g_assert_nonnull (dialog);
  app_test_show_window (GTK_WINDOW (dialog));
  g_assert_null (_equity_score_table_dialog_get_error (dialog));
  g_assert_nonnull (strstr (_equity_score_table_dialog_get_preview (dialog), "ratio\u00a02.12\u00a0→\u00a040"));
  g_assert_nonnull (strstr (_equity_score_table_dialog_get_preview (dialog), "ratio\u00a01.63\u00a0→\u00a055"));
  g_assert_nonnull (strstr (_equity_score_table_dialog_get_preview (dialog), "ratio\u00a03.08\u00a0→\u00a033"));
  g_assert_nonnull (strstr (_equity_score_table_dialog_get_preview (dialog), "ratio\u00a00.75\u00a0→\u00a0100"));

  /* a score outside 1–100 is refused inline, Save disabled */
  gtk_editable_set_text (_equity_score_table_dialog_get_band_entry (dialog, 4, 1), "120");
  g_assert_cmpstr (_equity_score_table_dialog_get_error (dialog), ==,
                   "Band 5: the first score is 120; expected a whole score from 1 to 100");
  g_assert_false (gtk_widget_is_sensitive (_equity_score_table_dialog_get_save_button (dialog)));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (dialog), "score-table-dialog-refused"), >, MIN_VARIANCE);
  /* bands that do not ascend */
  gtk_editable_set_text (_equity_score_table_dialog_get_band_entry (dialog, 4, 1), "40");
  gtk_editable_set_text (_equity_score_table_dialog_get_band_entry (dialog, 4, 0), "1.4");
  g_assert_cmpstr (_equity_score_table_dialog_get_error (dialog), ==,
                   "Band 5: the band starts at 1.400; expected a ratio above the band before’s 1.500");
  gtk_editable_set_text (_equity_score_table_dialog_get_band_entry (dialog, 4, 0), "2.000");

  /* a band added after the last goes on from it; removing the first leaves
   * a table whose first band is not at 1.000 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "score-table.add-band", NULL));
  g_assert_cmpstr (gtk_editable_get_text (_equity_score_table_dialog_get_band_entry (dialog, 7, 0)), ==, "11.000");
  g_assert_null (_equity_score_table_dialog_get_error (dialog));
  first_remove = gtk_widget_get_last_child (gtk_widget_get_parent (
                   GTK_WIDGET (_equity_score_table_dialog_get_band_entry (dialog, 0, 0))));
  g_assert_true (GTK_IS_BUTTON (first_remove));
  g_signal_emit_by_name (first_remove, "clicked");
  g_assert_cmpstr (_equity_score_table_dialog_get_error (dialog), ==,
                   "Band 1: the first band starts at 1.005; expected 1.000 (ratios below it score 100)");
  g_assert_false (gtk_widget_is_sensitive (_equity_score_table_dialog_get_save_button (dialog)));
  /* the published table, and its citation, come back at one click */
  gtk_editable_set_text (_equity_score_table_dialog_get_source (dialog), "something else");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "score-table.restore", NULL));
  g_assert_null (_equity_score_table_dialog_get_error (dialog));
  g_assert_cmpstr (gtk_editable_get_text (_equity_score_table_dialog_get_band_entry (dialog, 0, 0)), ==, "1.000");
  g_assert_cmpstr (gtk_editable_get_text (_equity_score_table_dialog_get_band_entry (dialog, 6, 0)), ==, "10.000");
  g_assert_nonnull (strstr (gtk_editable_get_text (_equity_score_table_dialog_get_source (dialog)),
                            "Oakland Equity Indicators 2018"));

  /* the band from 2.000 now starts at 30: 2.12 → 30 − floor(0.12 / 0.15) = 30 */
  gtk_editable_set_text (_equity_score_table_dialog_get_band_entry (dialog, 4, 1), "30");
  gtk_editable_set_text (_equity_score_table_dialog_get_source (dialog), "Asheville <b>local</b> & table");
  g_assert_null (_equity_score_table_dialog_get_error (dialog));
  g_assert_true (gtk_widget_is_sensitive (_equity_score_table_dialog_get_save_button (dialog)));
  g_assert_nonnull (strstr (_equity_score_table_dialog_get_preview (dialog), "ratio\u00a02.12\u00a0→\u00a030"));
  g_assert_nonnull (strstr (_equity_score_table_dialog_get_preview (dialog), "ratio\u00a03.08\u00a0→\u00a023"));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (dialog), "score-table-dialog"), >, MIN_VARIANCE);
  /* tall enough to show the source and the published table's row too */
  gtk_window_set_default_size (GTK_WINDOW (dialog), 600, 1000);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (dialog), "score-table-dialog-full"), >, MIN_VARIANCE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "score-table.save", NULL));
  app_test_await_no_toplevel (EQUITY_TYPE_SCORE_TABLE_DIALOG);
  wait_for_indicators (page);
  labels = dup_row_labels (page);
  g_assert_nonnull (strstr (labels, "|30|score|"));
  g_clear_pointer (&labels, g_free);
  /* the page names the edited table, as typed */
  g_assert_nonnull (strstr (gtk_label_get_label (page->score_source_label),
                            "Scores by an edited table, source: Asheville <b>local</b> & table"));
  stored = equity_project_dup_score_table (equity_window_get_project (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (equity_score_table_get_band (stored, 4)->first_score, ==, 30);
  g_clear_pointer (&stored, equity_score_table_unref);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "score-table-saved"), >, MIN_VARIANCE);

  /* the toast's Undo button activates this action: the table before, the score before */
  g_assert_true (g_action_group_get_action_enabled (equity_indicators_page_get_actions (page), "undo-score-table"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "indicators.undo-score-table", NULL));
  wait_for_indicators (page);
  labels = dup_row_labels (page);
  g_assert_nonnull (strstr (labels, "|40|score|"));
  stored = equity_project_dup_score_table (equity_window_get_project (window), &error);
  g_assert_no_error (error);
  g_assert_true (equity_score_table_is_published (stored));
  g_assert_false (g_action_group_get_action_enabled (equity_indicators_page_get_actions (page), "undo-score-table"));

  close_indicators (window);
}

int
main (int   argc,
      char *argv[])
{
  explore_test_init (&argc, &argv);
  g_test_add_func ("/score-table-dialog/edit-save-undo", test_edit_save_undo);
  return explore_test_run ();
}
