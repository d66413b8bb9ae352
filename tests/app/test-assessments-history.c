/* test-assessments-history.c — an assessment's history in the shared
 * change-log window (newest first, shown as text, an answer named by its
 * question) and its deletion with
 * Undo on the sample project; rendered under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "assessments-test-util.h"
#include "explore-test-util.h"

static gboolean
reads_markup (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_use_markup (GTK_LABEL (widget));
}

/* An answer typed with markup and a formula shows in the history first, as
 * typed; the history lists exactly the store's entries of that assessment. */
static void
test_history (void)
{
  g_autofree char *path = copy_sample ("assessments-history");
  EquityWindow *window = open_project (path, 1280, 800);
  EquityAssessmentsPage *page = show_assessments (window);
  const char *typed = "<b>Two</b> lifeguards & =SUM(A1)";
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *view;
  GtkWidget *list;
  GtkWindow *history;
  gint64 id;

  select_assessment (page, SAMPLE_TITLE);
  app_test_drain ();
  id = page->current->id;
  view = _equity_assessments_page_get_control (page, "plan");
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), typed, -1);

  /* Ctrl+H: what was typed is saved first, then listed */
  history = app_test_open_change_log (GTK_WIDGET (window), "assessments.history", &list);
  g_assert_true (history == page->history_window);
  changes = app_test_list_changes (path, "assessment", id);
  /* the sample's creation and its eight answers, and ours */
  g_assert_cmpuint (changes->len, ==, 10);
  g_assert_cmpuint (app_test_count_children (list), ==, changes->len);
  g_assert_cmpstr (g_hash_table_lookup (g_ptr_array_index (changes, changes->len - 1), "new_value"), ==, typed);
  labels = app_test_dup_labels (gtk_widget_get_first_child (list));
  /* named by its question's text (data/lens/equity-lens.ini, [question plan]),
   * which ends with its own mark, the stored field "answer:plan" in its tooltip */
  expected = g_strdup_printf ("How will it be carried out, and who leads the work? — → %s|", typed);
  g_assert_true (g_str_has_prefix (labels, expected));
  g_assert_null (strstr (labels, "answer:plan"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (gtk_widget_get_first_child (list)), "“answer:plan”"));
  /* …and drawn as such: no label of the row reads markup */
  g_assert_null (app_test_find_widget (gtk_widget_get_first_child (list), reads_markup, NULL));
  /* the oldest last: the assessment's creation */
  g_clear_pointer (&labels, g_free);
  labels = app_test_dup_labels (gtk_widget_get_last_child (list));
  g_assert_true (g_str_has_prefix (labels, "created: — → "));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (history), "assessments-history"), >, MIN_VARIANCE);
  gtk_window_destroy (history);
  close_window (window);
}

/* Deleted: gone from the list at once, kept in the store until the toast
 * goes; Undo brings back the same id and answers with nothing logged;
 * deleted for good, one entry and the earlier ones kept. */
static void
test_delete_and_undo (void)
{
  g_autofree char *path = copy_sample ("assessments-delete");
  EquityWindow *window = open_project (path, 1280, 800);
  EquityAssessmentsPage *page = show_assessments (window);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  EquityProject *project = equity_window_get_project (window);
  g_autoptr(EquityAssessment) kept = NULL;
  EquityAssessment *gone;
  guint answers;
  gint64 id;

  select_assessment (page, SAMPLE_TITLE);
  app_test_drain ();
  id = page->current->id;
  answers = g_hash_table_size (page->current->answers);
  g_assert_cmpuint (answers, ==, 8);
  before = app_test_list_changes (path, "assessment", id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "assessments.delete", NULL));
  app_test_drain ();
  g_assert_null (find_assessment_row (page, SAMPLE_TITLE));
  g_assert_nonnull (page->delete_toast);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "assessments-deleted-toast"), >, MIN_VARIANCE);
  /* not yet written: Undo has nothing to put back */
  kept = equity_assessment_load (project, id, &error);
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "assessments.undo-delete", NULL));
  app_test_drain ();
  g_assert_nonnull (find_assessment_row (page, SAMPLE_TITLE));
  g_assert_cmpint (page->current->id, ==, id);
  g_assert_cmpuint (g_hash_table_size (page->current->answers), ==, answers);
  after = app_test_list_changes (path, "assessment", id);
  g_assert_cmpuint (after->len, ==, before->len);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Delete on the list, and the toast left to go */
  gtk_widget_grab_focus (GTK_WIDGET (find_assessment_row (page, SAMPLE_TITLE)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "assessments.delete", NULL));
  app_test_drain ();
  adw_toast_dismiss (page->delete_toast);
  app_test_drain ();
  g_assert_null (find_assessment_row (page, SAMPLE_TITLE));
  gone = equity_assessment_load (project, id, &error);
  g_assert_null (gone);
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND);
  after = app_test_list_changes (path, "assessment", id);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpstr (g_hash_table_lookup (g_ptr_array_index (after, i), "id"), ==,
                     g_hash_table_lookup (g_ptr_array_index (before, i), "id"));
  g_assert_cmpstr (g_hash_table_lookup (g_ptr_array_index (after, before->len), "field"), ==, "deleted");
  g_assert_cmpstr (g_hash_table_lookup (g_ptr_array_index (after, before->len), "old_value"), ==, SAMPLE_TITLE);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  explore_test_init (&argc, &argv);

  g_test_add_func ("/assessments/history", test_history);
  g_test_add_func ("/assessments/delete-and-undo", test_delete_and_undo);

  return explore_test_run ();
}
