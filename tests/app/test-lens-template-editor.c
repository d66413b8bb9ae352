/* test-lens-template-editor.c — the assessment templates window on the
 * sample project: the list with the versions assessments use, a question
 * edited, a template with a duplicate id refused with its message and
 * nothing stored, then saved as version 2 while the sample's assessment
 * stays on version 1; closing with changes asks. Rendered under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "assessments-test-util.h"
#include "equity-lens-template-editor.h"

#define LENS "Equity lens"

/* a question's row: its subtitle is the question's id */
static gboolean
is_question (GtkWidget     *widget,
             gconstpointer  id)
{
  return ADW_IS_EXPANDER_ROW (widget) && g_strcmp0 (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (widget)), id) == 0;
}

/* the question row of ID, anywhere under WIDGET */
static GtkWidget *
find_question_row (GtkWidget  *widget,
                   const char *id)
{
  return app_test_find_widget (widget, is_question, id);
}

static void
set_field (GtkWidget  *question,
           const char *field,
           const char *text)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (question), field);

  g_assert_true (ADW_IS_ENTRY_ROW (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* the newest version of the lens and how many versions there are, read apart */
static int
newest_version (const char *path,
                guint      *n_template_entries)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityProject) project = equity_project_open (path, &error);
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int version = 0;

  g_assert_no_error (error);
  templates = equity_lens_template_list_latest (project, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < templates->len; i++)
    if (g_strcmp0 (((EquityLensTemplate *) g_ptr_array_index (templates, i))->name, LENS) == 0)
      version = ((EquityLensTemplate *) g_ptr_array_index (templates, i))->version;
  entries = equity_project_list_changes (project, "template", 0, &error);
  g_assert_no_error (error);
  *n_template_entries = entries->len;
  equity_project_close (project);
  return version;
}

static void
test_edit_refuse_save (void)
{
  g_autofree char *path = copy_sample ("templates");
  EquityWindow *window = open_project (path, 1280, 800);
  EquityAssessmentsPage *page = show_assessments (window);
  EquityLensTemplateEditor *editor;
  g_autoptr(EquityAssessment) kept = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  GtkWidget *question;
  guint entries_before;
  guint entries_after;
  gint64 sample_id;

  select_assessment (page, SAMPLE_TITLE);
  /* the selection shows the assessment at once; what it set off runs */
  app_test_drain ();
  sample_id = page->current->id;
  g_assert_cmpint (newest_version (path, &entries_before), ==, 1);

  /* Ctrl+T: the list says which version the sample's assessment uses */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "assessments.templates", NULL));
  editor = EQUITY_LENS_TEMPLATE_EDITOR (app_test_await_toplevel (EQUITY_TYPE_LENS_TEMPLATE_EDITOR));
  g_assert_nonnull (editor);
  row = equity_lens_template_editor_get_list_row (editor, LENS);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Version 1 · 6 steps, 18 questions · 1 assessment uses version 1");
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (editor), "templates-list"), >, MIN_VARIANCE);

  /* opened: a question reworded, with text that is not markup */
  g_signal_emit_by_name (row, "activated");
  /* the template opens at once; what that set off runs */
  app_test_drain ();
  question = find_question_row (GTK_WIDGET (editor), "outcomes");
  g_assert_nonnull (question);
  set_field (question, "text", "Which results matter most <b>and</b> for whom?");
  g_assert_true (equity_lens_template_editor_is_modified (editor));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (question), TRUE);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (editor), "templates-editor"), >, MIN_VARIANCE);

  /* the id of step 1's third question given to the second: refused, named, nothing stored */
  question = find_question_row (GTK_WIDGET (editor), "neighborhoods");
  set_field (question, "id", "outcomes");
  /* the save is checked and stored at once */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "templates.save", NULL));
  g_assert_nonnull (equity_lens_template_editor_get_error (editor));
  g_test_message ("refused: %s", equity_lens_template_editor_get_error (editor));
  g_assert_cmpstr (equity_lens_template_editor_get_error (editor), ==,
                   "Not saved. " LENS ", step 1: question id “outcomes” is used twice (also in step 1)");
  g_assert_cmpint (newest_version (path, &entries_after), ==, 1);
  g_assert_cmpuint (entries_after, ==, entries_before);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (editor), "templates-refused"), >, MIN_VARIANCE);

  /* put right, its options now from the first dataset's third column, and
   * saved: version 2, one entry in the change log */
  set_field (question, "id", "neighborhoods");
  adw_combo_row_set_selected (g_object_get_data (G_OBJECT (question), "dataset"), 1);
  adw_combo_row_set_selected (g_object_get_data (G_OBJECT (question), "column"), 2);
  g_assert_null (equity_lens_template_editor_get_error (editor));
  /* the save is checked and stored at once */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "templates.save", NULL));
  g_assert_null (equity_lens_template_editor_get_error (editor));
  g_assert_false (equity_lens_template_editor_is_modified (editor));
  g_assert_cmpint (newest_version (path, &entries_after), ==, 2);
  g_assert_cmpuint (entries_after, ==, entries_before + 1);
  row = equity_lens_template_editor_get_list_row (editor, LENS);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Version 2 · 6 steps, 18 questions · 1 assessment uses version 1");

  /* the sample's assessment keeps version 1 and its wording */
  kept = equity_assessment_load (equity_window_get_project (window), sample_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kept->template->version, ==, 1);
  g_assert_cmpstr (equity_lens_template_find_question (kept->template, "outcomes")->text, ==,
                   "Which results for residents matter most, and for whom?");
  {
    g_autoptr(GPtrArray) latest = equity_lens_template_list_latest (equity_window_get_project (window), &error);
    EquityLensTemplate *lens = NULL;

    for (guint i = 0; i < latest->len; i++)
      if (g_strcmp0 (((EquityLensTemplate *) g_ptr_array_index (latest, i))->name, LENS) == 0)
        lens = g_ptr_array_index (latest, i);
    g_assert_nonnull (lens);
    g_assert_cmpstr (equity_lens_template_find_question (lens, "outcomes")->text, ==,
                     "Which results matter most <b>and</b> for whom?");
    {
      g_autoptr(EquityDataset) first = g_list_model_get_item (equity_project_get_datasets (equity_window_get_project (window)), 0);
      const EquityLensQuestion *neighborhoods = equity_lens_template_find_question (lens, "neighborhoods");
      g_autofree char *bound = g_strdup_printf ("#%" G_GINT64_FORMAT ":#2", equity_dataset_get_id (first));

      g_assert_cmpstr (neighborhoods->options_from, ==, bound);
      g_assert_cmpint (neighborhoods->options_dataset, ==, equity_dataset_get_id (first));
      g_assert_cmpuint (neighborhoods->options_column, ==, 2);
    }
  }
  gtk_window_destroy (GTK_WINDOW (editor));
  close_window (window);
}

/* Closing with changes asks; Cancel keeps them, Discard closes. */
static void
test_close_asks (void)
{
  g_autofree char *path = copy_sample ("templates-close");
  EquityWindow *window = open_project (path, 1280, 800);
  EquityLensTemplateEditor *editor;
  AdwMessageDialog *dialog;
  GtkWidget *question;
  guint entries;

  show_assessments (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "assessments.templates", NULL));
  editor = EQUITY_LENS_TEMPLATE_EDITOR (app_test_await_toplevel (EQUITY_TYPE_LENS_TEMPLATE_EDITOR));
  g_assert_true (equity_lens_template_editor_open (editor, LENS));
  question = find_question_row (GTK_WIDGET (editor), "proposal");
  set_field (question, "text", "Changed");
  gtk_window_close (GTK_WINDOW (editor));
  dialog = ADW_MESSAGE_DIALOG (app_test_await_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  app_test_show_window (GTK_WINDOW (dialog));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (dialog), "templates-discard"), >, MIN_VARIANCE);
  adw_message_dialog_response (dialog, "cancel");
  app_test_drain ();
  g_assert_true (equity_lens_template_editor_is_modified (editor));

  gtk_window_close (GTK_WINDOW (editor));
  dialog = ADW_MESSAGE_DIALOG (app_test_await_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  /* the editor closes from an idle */
  app_test_await_no_toplevel (EQUITY_TYPE_LENS_TEMPLATE_EDITOR);
  g_assert_null (app_test_find_toplevel (EQUITY_TYPE_LENS_TEMPLATE_EDITOR));
  g_assert_cmpint (newest_version (path, &entries), ==, 1);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  explore_test_init (&argc, &argv);

  g_test_add_func ("/templates/edit-refuse-save", test_edit_refuse_save);
  g_test_add_func ("/templates/close-asks", test_close_asks);

  return explore_test_run ();
}
