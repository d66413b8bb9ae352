/* test-assessments-page.c — the Assessments page on the sample project: the
 * list against the core, answers saved as they are typed, filters, a new
 * assessment through the dialog, the cited analysis' headline, and journey 4
 * steps 1–2 walked through the controls; rendered under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "assessments-test-util.h"
#include "equity-export-dialog.h"
#include "equity-lens-template-editor.h"
#include "explore-test-util.h"

/* the sample has no "Pool visits" analysis (JOURNEYS.md 4); this one has a headline */
#define CITED        ARRESTS

/* the assessment as the store has it, read on a connection of its own */
static EquityAssessment *
load_apart (const char *path,
            const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityProject) project = equity_project_open (path, &error);
  g_autoptr(GPtrArray) list = NULL;
  EquityAssessment *found = NULL;

  g_assert_no_error (error);
  list = equity_assessment_list (project, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      EquityAssessment *assessment = g_ptr_array_index (list, i);

      if (g_strcmp0 (assessment->title, title) == 0)
        found = equity_assessment_load (project, assessment->id, &error);
    }
  g_assert_no_error (error);
  equity_project_close (project);
  g_assert_nonnull (found);
  return found;
}

/* counts the non-blank answers by hand, not through the code under test */
static char *
dup_expected_completeness (EquityAssessment *assessment)
{
  guint answered = 0;
  guint total = assessment->template->questions->len;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, assessment->answers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_autofree char *text = g_strstrip (g_strdup (((EquityAnswer *) value)->value));

      if (*text != '\0')
        answered++;
    }
  return g_strdup_printf ("%d%% · %u of %u", (int) (100.0 * answered / total + 0.5), answered, total);
}

static const char *
row_completeness (GtkListBoxRow *row)
{
  return gtk_label_get_text (g_object_get_data (G_OBJECT (row), "completeness"));
}

static void
type_text (EquityAssessmentsPage *page,
           const char            *question,
           const char            *text)
{
  GtkWidget *view = _equity_assessments_page_get_control (page, question);

  g_test_message ("typing into %s of “%s”", question, page->current != NULL ? page->current->title : "(none)");
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static gboolean
headline_ready (gpointer data)
{
  const char *text = gtk_label_get_text (data);

  return text != NULL && *text != '\0' && strstr (text, "…") == NULL;
}

typedef struct
{
  GtkRoot   *root;
  GtkWidget *within;
} FocusWait;

static gboolean
focus_within (gpointer data)
{
  FocusWait *wait = data;
  GtkWidget *focus = gtk_root_get_focus (wait->root);

  return focus != NULL && (focus == wait->within || gtk_widget_is_ancestor (focus, wait->within));
}

static void
test_list_and_headline (void)
{
  g_autofree char *path = copy_sample ("assessments-list");
  EquityWindow *window = open_project (path, 1180, 760);
  EquityAssessmentsPage *page = show_assessments (window);
  g_autoptr(EquityAssessment) stored = load_apart (path, SAMPLE_TITLE);
  g_autofree char *expected = dup_expected_completeness (stored);
  GtkListBoxRow *row = find_assessment_row (page, SAMPLE_TITLE);
  g_autoptr(EquityProject) apart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *headline = NULL;
  GtkLabel *label;

  g_assert_nonnull (row);
  /* the sample answers 8 of the lens' 18 questions (equity-sample.c) */
  g_assert_cmpstr (expected, ==, "44% · 8 of 18");
  g_assert_cmpstr (row_completeness (row), ==, expected);
  g_assert_true (gtk_list_box_get_selected_row (_equity_assessments_page_get_list_box (page)) == row);
  g_assert_cmpstr (_equity_assessments_page_get_overall (page), ==, expected);

  /* the cited analysis' headline, the same as the core computes apart */
  label = _equity_assessments_page_get_headline (page, "evidence");
  g_assert_nonnull (label);
  test_await (headline_ready, label, "the headline computed");
  apart = test_open_project (path);
  headline = equity_assessment_dup_cited_headline (apart, g_hash_table_lookup (stored->answers, "evidence"), &error);
  g_assert_no_error (error);
  /* an ACS proportion has no headline sentence: the page says so and shows the chart */
  g_assert_null (headline);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "This kind of analysis has no headline sentence; its chart is below.");
  equity_project_close (apart);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "assessments-1180x760"), >, MIN_VARIANCE);

  /* the step buttons under the header: "2" brings the keyboard to the data step */
  {
    GtkWidget *steps_bar = gtk_widget_get_first_child (GTK_WIDGET (page->editor_box));
    GtkWidget *evidence = _equity_assessments_page_get_control (page, "evidence");
    GtkWidget *focus;

    for (guint i = 0; i < 3; i++)
      steps_bar = gtk_widget_get_next_sibling (steps_bar);
    g_assert_true (gtk_widget_has_css_class (steps_bar, "linked"));
    /* a button activated by the keyboard says "clicked" after its press is shown */
    gtk_widget_activate (gtk_widget_get_next_sibling (gtk_widget_get_first_child (steps_bar)));
    {
      FocusWait wait = { GTK_ROOT (window), evidence };

      test_await (focus_within, &wait, "the focus in the evidence step");
    }
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (focus == evidence || gtk_widget_is_ancestor (focus, evidence));
  }

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "assessments-1366x768"), >, MIN_VARIANCE);
  close_window (window);
}

typedef struct
{
  const char *path;
  const char *question;
  const char *value;
} StoredCheck;

static gboolean
answer_stored (gpointer data)
{
  StoredCheck *check = data;
  g_autoptr(EquityAssessment) stored = load_apart (check->path, SAMPLE_TITLE);
  EquityAnswer *answer = g_hash_table_lookup (stored->answers, check->question);

  return answer != NULL && g_strcmp0 (answer->value, check->value) == 0;
}

static void
test_typing_saves (void)
{
  g_autofree char *path = copy_sample ("assessments-typing");
  EquityWindow *window = NULL;
  EquityAssessmentsPage *page;
  g_autoptr(EquityAssessment) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityProject) other = NULL;
  GtkListBoxRow *row;
  StoredCheck check = { path, "plan", "Two lifeguards <b>&amp;</b> =SUM(A1)" };
  gint64 second;

  /* a second assessment to switch to */
  other = test_open_project (path);
  second = equity_assessment_create (other, "Budget request equity check", "Library hours", "Libraries",
                                     "budget-request", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, >, 0);
  equity_project_close (other);

  window = open_project (path, 1180, 760);
  page = show_assessments (window);
  select_assessment (page, SAMPLE_TITLE);
  app_test_drain ();
  row = find_assessment_row (page, SAMPLE_TITLE);
  g_assert_cmpstr (row_completeness (row), ==, "44% · 8 of 18");

  /* typed: nothing is written before the pause, everything after it */
  type_text (page, check.question, check.value);
  g_assert_false (answer_stored (&check));
  test_await (answer_stored, &check, "the answer stored in the project");
  /* by hand: 9 of 18 */
  g_assert_cmpstr (row_completeness (row), ==, "50% · 9 of 18");
  g_assert_cmpstr (_equity_assessments_page_get_overall (page), ==, "50% · 9 of 18");

  /* typed, and at once another assessment chosen: the answer is kept */
  type_text (page, "timeline", "From June 1");
  select_assessment (page, "Library hours");
  stored = load_apart (path, SAMPLE_TITLE);
  g_assert_cmpstr (((EquityAnswer *) g_hash_table_lookup (stored->answers, "timeline"))->value, ==, "From June 1");

  /* typed, and the window closed at once: kept too */
  select_assessment (page, SAMPLE_TITLE);
  type_text (page, "explain", "Each quarter");
  gtk_window_close (GTK_WINDOW (window));
  g_clear_pointer (&stored, equity_assessment_free);
  stored = load_apart (path, SAMPLE_TITLE);
  g_assert_cmpstr (((EquityAnswer *) g_hash_table_lookup (stored->answers, "explain"))->value, ==, "Each quarter");
  app_test_drain ();
}

static gboolean
row_visible (GtkListBoxRow *row)
{
  return gtk_widget_get_child_visible (GTK_WIDGET (row));
}

static gboolean
row_shown (gpointer row)
{
  return row_visible (row);
}

static gboolean
row_hidden (gpointer row)
{
  return !row_visible (row);
}

static void
test_filters (void)
{
  g_autofree char *path = copy_sample ("assessments-filters");
  EquityWindow *window = open_project (path, 1180, 760);
  EquityAssessmentsPage *page = show_assessments (window);
  GtkListBoxRow *row = find_assessment_row (page, SAMPLE_TITLE);
  GtkDropDown *status = _equity_assessments_page_get_status_filter (page);

  g_assert_true (row_visible (row));
  gtk_drop_down_set_selected (status, 3);   /* Final: the sample is a draft */
  app_test_drain ();
  g_assert_false (row_visible (row));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->list_stack), ==, "none");
  gtk_drop_down_set_selected (status, 1);   /* Draft */
  app_test_drain ();
  g_assert_true (row_visible (row));
  gtk_editable_set_text (GTK_EDITABLE (_equity_assessments_page_get_search_entry (page)), "POOLS");
  /* the search entry filters after its own delay */
  test_await (row_shown, row, "the row matched by \"POOLS\"");
  g_assert_true (row_visible (row));
  gtk_editable_set_text (GTK_EDITABLE (_equity_assessments_page_get_search_entry (page)), "library");
  test_await (row_hidden, row, "the row filtered out by \"library\"");
  g_assert_false (row_visible (row));
  close_window (window);
}

/* Journey 4, steps 1–2: a new assessment through the dialog, the data step
 * cites the saved analysis, half the questions answered, reopened. */
static void
answer_through_control (EquityAssessmentsPage *page,
                        const EquityLensQuestion *question)
{
  GtkWidget *control = _equity_assessments_page_get_control (page, question->id);

  switch (question->type)
    {
    case EQUITY_ANSWER_TEXT:
      type_text (page, question->id, "Answered in the window");
      break;
    case EQUITY_ANSWER_CHECKLIST:
      {
        GtkWidget *first = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (control), 0));

        gtk_check_button_set_active (GTK_CHECK_BUTTON (first), TRUE);
        break;
      }
    case EQUITY_ANSWER_CITATION:
      {
        GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (control));

        for (guint i = 0; i < g_list_model_get_n_items (model); i++)
          if (strstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), CITED) != NULL)
            gtk_drop_down_set_selected (GTK_DROP_DOWN (control), i);
        break;
      }
    case EQUITY_ANSWER_CHOICE:
    case EQUITY_ANSWER_YES_NO:
    default:
      gtk_drop_down_set_selected (GTK_DROP_DOWN (control), 1);
    }
}

static gboolean
export_done (gpointer data)
{
  return EQUITY_ASSESSMENTS_PAGE (data)->export_cancellable == NULL;
}

static void
test_journey_4 (void)
{
  g_autofree char *path = copy_sample ("assessments-journey");
  EquityWindow *window = open_project (path, 1366, 768);
  EquityAssessmentsPage *page = show_assessments (window);
  const char *title = "Pool hours, summer <b>&amp;</b>";
  g_autoptr(EquityAssessment) stored = NULL;
  GtkWindow *dialog;
  GtkListBoxRow *row;
  GtkLabel *headline;
  GtkWidget *box;
  GtkWidget *entry;

  gtk_widget_activate_action (GTK_WIDGET (page), "assessments.new", NULL);
  dialog = _equity_assessments_page_get_new_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (dialog), "assessments-new-dialog"), >, MIN_VARIANCE);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  box = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  entry = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
  gtk_editable_set_text (GTK_EDITABLE (entry), title);
  entry = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Parks and Recreation");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  app_test_drain ();

  /* shown as typed, markup characters and all, and selected */
  row = find_assessment_row (page, title);
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_get_selected_row (_equity_assessments_page_get_list_box (page)) == row);
  {
    GtkWidget *title_label = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title_label)), ==, title);
    g_assert_false (gtk_label_get_use_markup (GTK_LABEL (title_label)));
  }
  g_assert_cmpstr (row_completeness (row), ==, "0% · 0 of 18");

  /* the first nine questions, the data step's citation among them */
  stored = load_apart (path, title);
  for (guint i = 0; i < 9; i++)
    answer_through_control (page, g_ptr_array_index (stored->template->questions, i));
  equity_assessments_page_flush (page);
  headline = _equity_assessments_page_get_headline (page, "evidence");
  test_await (headline_ready, headline, "the headline computed");
  {
    g_autoptr(EquityAssessment) saved = load_apart (path, title);
    g_autoptr(EquityProject) apart = equity_project_open (path, NULL);
    g_autofree char *expected = equity_assessment_dup_cited_headline (apart, g_hash_table_lookup (saved->answers, "evidence"), NULL);

    g_assert_nonnull (expected);
    g_assert_cmpstr (gtk_label_get_text (headline), ==, expected);
    equity_project_close (apart);
  }
  g_assert_cmpstr (row_completeness (row), ==, "50% · 9 of 18");
  {
    /* the data step in view: the headline and the chart of the citation */
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (page->editor_scroller);
    graphene_point_t point;

    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (headline), GTK_WIDGET (page->editor_box),
                                             &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (adjustment, point.y - 120);
  }
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "assessments-journey-4"), >, MIN_VARIANCE);

  /* printed to PDF in the worker: the title as typed, read back by pdftotext */
  {
    g_autofree char *pdf = g_build_filename (explore_test_get_dir (), "pool-hours.pdf", NULL);
    g_autofree char *text = NULL;

    g_assert_true (g_action_group_get_action_enabled (equity_assessments_page_get_actions (page), "export-pdf"));
    _equity_assessments_page_print_to (page, pdf);
    g_assert_false (g_action_group_get_action_enabled (equity_assessments_page_get_actions (page), "export-pdf"));
    test_await (export_done, page, "the export done");
    text = test_pdf_text (pdf);
    g_assert_nonnull (strstr (text, title));
    g_assert_nonnull (strstr (text, "Analysis: " CITED));
  }
  close_window (window);

  /* reopened: the same half, the citation still there */
  g_clear_pointer (&stored, equity_assessment_free);
  stored = load_apart (path, title);
  g_assert_cmpstr (((EquityAnswer *) g_hash_table_lookup (stored->answers, "evidence"))->cited_kind, ==, "analysis");
  window = open_project (path, 1366, 768);
  page = show_assessments (window);
  row = find_assessment_row (page, title);
  g_assert_cmpstr (row_completeness (row), ==, "50% · 9 of 18");

  /* step 3: ticked in the export dialog, it gets its sheet in the packet */
  {
    g_autofree char *xlsx = g_build_filename (explore_test_get_dir (), "pool-hours.xlsx", NULL);
    g_autofree char *out = NULL;
    EquityExportDialog *dialog;
    EquityWorkbookOptions options;
    const char *argv[] = { "/usr/bin/python3", "-c",
                           "import sys, openpyxl\n"
                           "book = openpyxl.load_workbook(sys.argv[1])\n"
                           "sheet = [book[n] for n in book.sheetnames if n.startswith('Assessment - ')]\n"
                           "print(len(sheet), sheet[0]['A1'].value, '|', sheet[0]['A3'].value)\n",
                           xlsx, NULL };
    int status = 0;

    /* from the assessment's own menu: the packet's dialog, its sheet ticked */
    g_assert_true (page->current != NULL && g_strcmp0 (page->current->title, title) == 0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "assessments.export-sheet", NULL));
    dialog = EQUITY_EXPORT_DIALOG (app_test_find_toplevel (EQUITY_TYPE_EXPORT_DIALOG));
    g_assert_nonnull (dialog);
    /* listed oldest first: the sample's, then the new one, the only one ticked */
    g_assert_null (equity_export_dialog_get_assessment_check (dialog, 2));
    g_assert_false (gtk_check_button_get_active (equity_export_dialog_get_assessment_check (dialog, 0)));
    g_assert_true (gtk_check_button_get_active (equity_export_dialog_get_assessment_check (dialog, 1)));
    equity_export_dialog_get_options (dialog, &options);
    g_assert_cmpint (options.assessments[0], ==, page->current->id);
    app_test_show_window (GTK_WINDOW (dialog));
    g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (dialog), "assessments-export-dialog"), >, MIN_VARIANCE);
    equity_export_dialog_export_to (dialog, xlsx);
    test_await (app_test_window_idle, window, "the window's job done");
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, NULL, &status, NULL));
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpstr (out, ==, "1 Pool hours, summer <b>&amp;</b> | Status: Draft · Equity lens, version 1 · "
                               "9 of 18 questions answered\n");
  }
  close_window (window);
}

/* An empty project teaches, and opens the templates from its button; a status chosen in the editor is stored, said
 * in words on the row and followed by the status filter. */
static void
test_empty_and_status (void)
{
  g_autofree char *empty_path = test_create_project_file (explore_test_get_dir (), "assessments-empty.equity");
  g_autofree char *path = copy_sample ("assessments-status");
  g_autoptr(EquityAssessment) stored = NULL;
  EquityWindow *window;
  EquityAssessmentsPage *page;
  GtkListBoxRow *row;
  GtkWidget *badge;
  GtkWidget *empty;
  GtkWidget *templates_button;
  GtkWindow *editor;

  window = open_project (empty_path, 1180, 760);
  page = show_assessments (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->stack), ==, "empty");
  g_assert_true (g_action_group_get_action_enabled (equity_assessments_page_get_actions (page), "new"));
  g_assert_false (g_action_group_get_action_enabled (equity_assessments_page_get_actions (page), "export-pdf"));
  g_assert_cmpfloat (app_test_render_png (GTK_WIDGET (window), "assessments-empty"), >, MIN_VARIANCE);
  /* the empty page reaches the templates with a button, not only Ctrl+T */
  empty = gtk_stack_get_child_by_name (page->stack, "empty");
  templates_button = app_test_find_button (empty, "Edit _Templates…");
  g_assert_nonnull (templates_button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (templates_button)), ==, "assessments.templates");
  g_assert_true (gtk_widget_is_sensitive (templates_button));
  g_assert_null (app_test_find_toplevel (EQUITY_TYPE_LENS_TEMPLATE_EDITOR));
  g_signal_emit_by_name (templates_button, "clicked");
  editor = app_test_await_toplevel (EQUITY_TYPE_LENS_TEMPLATE_EDITOR);
  g_assert_nonnull (editor);
  /* the new project's two default templates (data/lens/, by their names) are listed */
  g_assert_nonnull (equity_lens_template_editor_get_list_row (EQUITY_LENS_TEMPLATE_EDITOR (editor), "Equity lens"));
  g_assert_nonnull (equity_lens_template_editor_get_list_row (EQUITY_LENS_TEMPLATE_EDITOR (editor),
                                                              "Budget request equity check"));
  gtk_window_destroy (editor);
  close_window (window);

  window = open_project (path, 1180, 760);
  page = show_assessments (window);
  row = find_assessment_row (page, SAMPLE_TITLE);
  badge = g_object_get_data (G_OBJECT (row), "badge");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "Draft");
  gtk_drop_down_set_selected (page->status_drop_down, 2);   /* Final */
  stored = load_apart (path, SAMPLE_TITLE);
  g_assert_cmpstr (stored->status, ==, "final");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "Final");
  gtk_drop_down_set_selected (_equity_assessments_page_get_status_filter (page), 3);   /* Final */
  app_test_drain ();
  g_assert_true (row_visible (row));
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  explore_test_init (&argc, &argv);

  g_test_add_func ("/assessments/list-and-headline", test_list_and_headline);
  g_test_add_func ("/assessments/typing-saves", test_typing_saves);
  g_test_add_func ("/assessments/filters", test_filters);
  g_test_add_func ("/assessments/journey-4", test_journey_4);
  g_test_add_func ("/assessments/empty-and-status", test_empty_and_status);

  return explore_test_run ();
}
