/* equity-assessments-page-editor.c — the editor of one assessment: its
 * template's steps, a control per question by answer type, saved as you
 * type (the store is the state, so it resumes where it was left)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-assessments-page"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-assessments-page-private.h"
#include "equity-chart-view.h"
#include "equity-utils.h"

/* the status drop-down's items, in order */

static void
question_ui_free (EquityAssessmentQuestionUi *ui)
{
  /* a run still going finds itself cancelled and leaves the freed entry alone */
  if (ui->run != NULL)
    g_cancellable_cancel (ui->run);
  g_clear_object (&ui->run);
  g_strfreev (ui->options);
  g_free (ui);
}

static EquityAnswer *
current_answer (EquityAssessmentsPage *self,
                const char            *question)
{
  return self->current != NULL ? g_hash_table_lookup (self->current->answers, question) : NULL;
}

/* the value the control holds now, as the store keeps it */
static char *
dup_control_value (EquityAssessmentQuestionUi *ui)
{
  switch (ui->question->type)
    {
    case EQUITY_ANSWER_TEXT:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ui->control));
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      }
    case EQUITY_ANSWER_CHECKLIST:
      {
        g_autoptr(GString) value = g_string_new (NULL);
        guint i = 0;

        for (GtkWidget *check = gtk_widget_get_first_child (ui->control); check != NULL;
             check = gtk_widget_get_next_sibling (check), i++)
          if (gtk_check_button_get_active (GTK_CHECK_BUTTON (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (check)))))
            {
              if (value->len > 0)
                g_string_append_c (value, '\n');
              g_string_append (value, ui->options[i]);
            }
        return g_string_free (g_steal_pointer (&value), FALSE);
      }
    case EQUITY_ANSWER_CHOICE:
    case EQUITY_ANSWER_YES_NO:
    case EQUITY_ANSWER_CITATION:
    default:
      {
        guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (ui->control));

        /* item 0 is "Not answered" */
        if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
          return g_strdup ("");
        return g_strdup (ui->options[selected - 1]);
      }
    }
}

static void
update_completeness (EquityAssessmentsPage *self)
{
  g_autofree char *overall = NULL;

  if (self->current == NULL || self->overall_label == NULL)
    return;
  overall = _equity_assessments_dup_completeness (self->current, 0);
  gtk_label_set_text (self->overall_label, overall);
  gtk_progress_bar_set_fraction (self->overall_bar, equity_assessment_complete (self->current, 0, NULL, NULL));
  for (guint i = 0; i < self->n_step_labels; i++)
    {
      g_autofree char *text = _equity_assessments_dup_completeness (self->current, i + 1);

      gtk_label_set_text (self->step_labels[i], text);
    }
  _equity_assessments_page_update_row (self);
}

static void
reload_current (EquityAssessmentsPage *self)
{
  g_autoptr(GError) error = NULL;
  EquityAssessment *fresh = equity_assessment_load (self->project, self->current->id, &error);

  if (fresh == NULL)
    {
      equity_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  g_clear_pointer (&self->current, equity_assessment_free);
  self->current = fresh;
  update_completeness (self);
}

static void show_citation (EquityAssessmentQuestionUi *ui);

static void
save_answer (EquityAssessmentQuestionUi *ui)
{
  EquityAssessmentsPage *self = ui->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  EquityAnswer *old;

  ui->pending = FALSE;
  if (self->project == NULL || self->current == NULL || equity_project_is_read_only (self->project))
    return;
  value = dup_control_value (ui);
  old = current_answer (self, ui->question->id);
  /* nothing changed: no entry in the change log */
  if (g_strcmp0 (old != NULL ? old->value : "", value) == 0)
    return;
  if (!equity_assessment_answer (self->project, self->current->id, ui->question->id, value, &error))
    {
      equity_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  reload_current (self);
  if (ui->question->type == EQUITY_ANSWER_CITATION)
    show_citation (ui);
}

void
equity_assessments_page_flush (EquityAssessmentsPage *self)
{
  g_return_if_fail (EQUITY_IS_ASSESSMENTS_PAGE (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->questions == NULL)
    return;
  for (guint i = 0; i < self->questions->len; i++)
    {
      EquityAssessmentQuestionUi *ui = g_ptr_array_index (self->questions, i);

      if (ui->pending)
        save_answer (ui);
    }
}

static void
save_timeout_cb (gpointer user_data)
{
  EquityAssessmentsPage *self = user_data;

  self->save_source = 0;
  equity_assessments_page_flush (self);
}

static void
text_changed_cb (EquityAssessmentQuestionUi *ui)
{
  EquityAssessmentsPage *self = ui->page;

  if (self->building)
    return;
  ui->pending = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add_once (EQUITY_ASSESSMENT_SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
text_focus_leave_cb (EquityAssessmentQuestionUi *ui)
{
  if (ui->pending)
    save_answer (ui);
}

static void
chosen_cb (EquityAssessmentQuestionUi *ui)
{
  if (!ui->page->building)
    save_answer (ui);
}

static void
citation_run_cb (GObject      *object,
                 GAsyncResult *async_result,
                 gpointer      user_data)
{
  EquityAssessmentQuestionUi *ui = user_data;
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(EquityChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *headline = NULL;

  /* another assessment, another citation or the page's end: ui is gone */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (async_result))))
    return;
  /* a citation shows the chart alone, never the map */
  result = equity_analysis_run_finish (EQUITY_ANALYSIS (object), async_result, &chart, NULL, NULL, &error);
  if (result == NULL)
    {
      gtk_label_set_text (ui->headline, error->message);
      return;
    }
  headline = equity_result_dup_headline (result);
  gtk_label_set_text (ui->headline, headline != NULL ? headline : _("This kind of analysis has no headline sentence; its chart is below."));
  equity_chart_view_set_chart (EQUITY_CHART_VIEW (ui->chart), chart);
  gtk_widget_set_visible (ui->chart, chart != NULL);
}

/* A cited analysis shows its headline and chart, computed now from the data
 * in a worker; a cited dataset shows its name. */
static void
show_citation (EquityAssessmentQuestionUi *ui)
{
  EquityAssessmentsPage *self = ui->page;
  EquityAnswer *answer = current_answer (self, ui->question->id);
  g_autofree char *name = NULL;
  g_autoptr(EquityAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (ui->chart, FALSE);
  name = answer != NULL ? equity_assessment_dup_cited_name (self->project, answer) : NULL;
  if (name == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (ui->headline), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (ui->headline), TRUE);
  if (g_strcmp0 (answer->cited_kind, "analysis") != 0)
    {
      g_autofree char *text = g_strdup_printf (_("Cites the dataset “%s”."), name);

      gtk_label_set_text (ui->headline, text);
      return;
    }
  analysis = equity_analysis_new_from_project (self->project, name, &error);
  if (analysis == NULL)
    {
      gtk_label_set_text (ui->headline, error->message);
      return;
    }
  gtk_label_set_text (ui->headline, _("Computing the headline…"));
  /* a citation changed again: the older run's answer is stale */
  if (ui->run != NULL)
    g_cancellable_cancel (ui->run);
  g_set_object (&ui->run, g_cancellable_new ());
  equity_analysis_run_async (analysis, equity_project_get_path (self->project), EQUITY_CHART_BARS,
                             ui->run, NULL, NULL, citation_run_cb, ui);
}

static GtkWidget *
drop_down_new (EquityAssessmentQuestionUi *ui,
               char                      **labels,
               const char                 *value)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GtkWidget *drop_down;
  guint selected = 0;

  gtk_string_list_append (list, _("Not answered"));
  for (guint i = 0; ui->options[i] != NULL; i++)
    {
      gtk_string_list_append (list, labels != NULL ? labels[i] : ui->options[i]);
      if (g_strcmp0 (value, ui->options[i]) == 0)
        selected = i + 1;
    }
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
  gtk_widget_set_halign (drop_down, GTK_ALIGN_START);
  g_signal_connect_swapped (drop_down, "notify::selected", G_CALLBACK (chosen_cb), ui);
  return drop_down;
}

/* analyses by name, then datasets as "dataset:NAME", as the core reads them */
static void
citation_options (EquityAssessmentsPage  *self,
                  char                 ***options,
                  char                 ***labels)
{
  GListModel *analyses = equity_project_get_analyses (self->project);
  GListModel *datasets = equity_project_get_datasets (self->project);
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (analyses); i++)
    {
      g_autoptr(EquitySavedAnalysis) analysis = g_list_model_get_item (analyses, i);
      const char *name = equity_saved_analysis_get_name (analysis);
      g_autofree char *label = g_strdup_printf (_("Analysis: %s"), name);

      g_strv_builder_add (values, name);
      g_strv_builder_add (names, label);
    }
  for (guint i = 0; i < g_list_model_get_n_items (datasets); i++)
    {
      g_autoptr(EquityDataset) dataset = g_list_model_get_item (datasets, i);
      const char *name = equity_dataset_get_name (dataset);
      g_autofree char *value = g_strdup_printf ("dataset:%s", name);
      g_autofree char *label = g_strdup_printf (_("Dataset: %s"), name);

      g_strv_builder_add (values, value);
      g_strv_builder_add (names, label);
    }
  *options = g_strv_builder_end (values);
  *labels = g_strv_builder_end (names);
}

static GtkWidget *
question_control_new (EquityAssessmentQuestionUi *ui)
{
  EquityAssessmentsPage *self = ui->page;
  EquityAnswer *answer = current_answer (self, ui->question->id);
  const char *value = answer != NULL ? answer->value : "";
  g_autoptr(GError) error = NULL;

  switch (ui->question->type)
    {
    case EQUITY_ANSWER_TEXT:
      {
        GtkWidget *view = gtk_text_view_new ();
        GtkEventController *focus = gtk_event_controller_focus_new ();

        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), value, -1);
        gtk_widget_set_size_request (view, -1, 72);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
        gtk_widget_add_css_class (view, "card");
        g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                                  G_CALLBACK (text_changed_cb), ui);
        g_signal_connect_swapped (focus, "leave", G_CALLBACK (text_focus_leave_cb), ui);
        gtk_widget_add_controller (view, focus);
        return view;
      }
    case EQUITY_ANSWER_YES_NO:
      {
        char *labels[] = { (char *) _("Yes"), (char *) _("No"), NULL };

        ui->options = g_strdupv ((char *[]) { (char *) "yes", (char *) "no", NULL });
        return drop_down_new (ui, labels, value);
      }
    case EQUITY_ANSWER_CHOICE:
      ui->options = equity_lens_question_dup_options (self->project, ui->question, &error);
      if (ui->options == NULL)
        return gtk_label_new (error->message);
      return drop_down_new (ui, NULL, value);
    case EQUITY_ANSWER_CITATION:
      {
        g_auto(GStrv) labels = NULL;
        GtkWidget *drop_down;

        citation_options (self, &ui->options, &labels);
        drop_down = drop_down_new (ui, labels, NULL);
        /* the answer names what it cites by id: select it by its name today */
        if (answer != NULL)
          {
            g_autofree char *name = equity_assessment_dup_cited_name (self->project, answer);
            g_autofree char *stored = g_strcmp0 (answer->cited_kind, "dataset") == 0 ?
                                      g_strdup_printf ("dataset:%s", name) : g_strdup (name);

            for (guint i = 0; name != NULL && ui->options[i] != NULL; i++)
              if (g_strcmp0 (ui->options[i], stored) == 0)
                gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), i + 1);
          }
        ui->headline = GTK_LABEL (gtk_label_new (NULL));
        gtk_label_set_wrap (ui->headline, TRUE);
        gtk_label_set_xalign (ui->headline, 0);
        gtk_label_set_selectable (ui->headline, TRUE);
        gtk_widget_add_css_class (GTK_WIDGET (ui->headline), "citation-headline");
        ui->chart = equity_chart_view_new ();
        gtk_widget_set_size_request (ui->chart, -1, 260);
        return drop_down;
      }
    case EQUITY_ANSWER_CHECKLIST:
    default:
      {
        GtkWidget *flow;
        g_auto(GStrv) checked = g_strsplit (value, "\n", -1);

        ui->options = equity_lens_question_dup_options (self->project, ui->question, &error);
        if (ui->options == NULL)
          return gtk_label_new (error->message);
        flow = equity_check_flow_box_new ();
        gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
        for (guint i = 0; ui->options[i] != NULL; i++)
          {
            GtkWidget *check = gtk_check_button_new_with_label (ui->options[i]);

            gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                         g_strv_contains ((const char * const *) checked, ui->options[i]));
            g_signal_connect_swapped (check, "toggled", G_CALLBACK (chosen_cb), ui);
            gtk_flow_box_append (GTK_FLOW_BOX (flow), check);
          }
        return flow;
      }
    }
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  /* sentences wrap; figures stay on one line */
  gtk_label_set_wrap (GTK_LABEL (label), g_strcmp0 (css_class, "numeric") != 0);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
add_question (EquityAssessmentsPage    *self,
              GtkWidget                *step_box,
              const EquityLensQuestion *question)
{
  EquityAssessmentQuestionUi *ui = g_new0 (EquityAssessmentQuestionUi, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *text = label_new (question->text, NULL);

  ui->page = self;
  ui->question = question;
  g_ptr_array_add (self->questions, ui);

  gtk_box_append (GTK_BOX (box), text);
  if (question->help != NULL)
    gtk_box_append (GTK_BOX (box), label_new (question->help, "dim-label"));
  ui->control = question_control_new (ui);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (ui->control),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, text, NULL, -1);
  gtk_box_append (GTK_BOX (box), ui->control);
  if (ui->headline != NULL)
    {
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (ui->headline));
      gtk_box_append (GTK_BOX (box), ui->chart);
      show_citation (ui);
    }
  gtk_box_append (GTK_BOX (step_box), box);
}

static void
status_chosen_cb (EquityAssessmentsPage *self,
                  GParamSpec            *pspec,
                  GtkDropDown           *drop_down)
{
  guint selected = gtk_drop_down_get_selected (drop_down);
  g_autoptr(GError) error = NULL;

  /* the list holds the core's statuses in their order */
  if (self->building || self->current == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (!equity_assessment_set_field (self->project, self->current->id, "status",
                                    equity_assessment_get_statuses ()[selected], &error))
    {
      equity_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  reload_current (self);
}

/* the packet's sheet, History, its CSV and Delete, in a menu beside the status */
static GtkWidget *
history_menu_button_new (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_append (menu, _("Export to the _Council Packet…"), "assessments.export-sheet");
  g_menu_append (menu, _("_History"), "assessments.history");
  g_menu_append (menu, _("_Export History as CSV…"), "assessments.export-history");
  g_menu_append (menu, _("_Delete Assessment"), "assessments.delete");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (button, _("More Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("More Actions"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
add_header (EquityAssessmentsPage *self)
{
  EquityAssessment *assessment = self->current;
  g_autofree char *info = NULL;
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  const char * const *statuses = equity_assessment_get_statuses ();
  GtkWidget *status = gtk_drop_down_new (equity_word_list_new (NULL, statuses, equity_assessment_status_label), NULL);
  GtkWidget *title = label_new (assessment->title, "title-1");

  /* Translators: department · program, policy or budget request · date · template and its version */
  info = g_strdup_printf (_("%s · %s · %s · %s, version %d"), assessment->department, equity_assessment_subject_label (assessment->subject),
                          assessment->date, assessment->template->name, assessment->template->version);
  gtk_label_set_selectable (GTK_LABEL (title), TRUE);
  gtk_box_append (self->editor_box, title);
  gtk_box_append (self->editor_box, label_new (info, "dim-label"));

  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_strcmp0 (assessment->status, statuses[i]) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (status), i);
  gtk_widget_set_tooltip_text (status, _("Status"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
  g_signal_connect_swapped (status, "notify::selected", G_CALLBACK (status_chosen_cb), self);
  self->status_drop_down = GTK_DROP_DOWN (status);
  gtk_box_append (GTK_BOX (line), status);
  self->overall_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->overall_bar), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->overall_bar), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->overall_bar));
  self->overall_label = GTK_LABEL (label_new (NULL, "numeric"));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->overall_label));
  gtk_box_append (GTK_BOX (line), history_menu_button_new ());
  gtk_box_append (self->editor_box, line);
}

/* A step's button brings its section into view and the keyboard to its
 * first question. */
static void
step_button_clicked_cb (GtkButton             *button,
                        EquityAssessmentsPage *self)
{
  GtkWidget *step_box = g_object_get_data (G_OBJECT (button), "step-box");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->editor_scroller);
  graphene_point_t point;

  GtkWidget *first = g_object_get_data (G_OBJECT (button), "first-control");

  if (gtk_widget_compute_point (step_box, GTK_WIDGET (self->editor_box), &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (adjustment, point.y);
  if (first != NULL && !gtk_widget_grab_focus (first))
    gtk_widget_child_focus (first, GTK_DIR_TAB_FORWARD);
}

static GtkWidget *
step_button_new (EquityAssessmentsPage *self,
                 EquityLensStep        *step,
                 GtkWidget             *step_box)
{
  g_autofree char *label = g_strdup_printf ("%u", step->number);
  /* Translators: the tooltip of a step's button: its number and title */
  g_autofree char *tooltip = g_strdup_printf (_("Step %u. %s"), step->number, step->title);
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (button), "step-box", step_box);
  g_signal_connect (button, "clicked", G_CALLBACK (step_button_clicked_cb), self);
  return button;
}

void
_equity_assessments_page_clear_editor (EquityAssessmentsPage *self)
{
  GtkWidget *child;

  g_clear_handle_id (&self->save_source, g_source_remove);
  /* the controls go first: their handlers hold the question entries */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->editor_box))) != NULL)
    gtk_box_remove (self->editor_box, child);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->template, equity_lens_template_unref);
  g_clear_pointer (&self->step_labels, g_free);
  g_clear_pointer (&self->current, equity_assessment_free);
  self->n_step_labels = 0;
  self->overall_label = NULL;
  self->overall_bar = NULL;
  self->status_drop_down = NULL;
}

void
_equity_assessments_page_show_editor (EquityAssessmentsPage *self,
                                      gint64                 id)
{
  g_autoptr(GError) error = NULL;
  EquityLensTemplate *template;
  GtkWidget *steps_bar;

  /* never lose what was typed in the one shown before */
  equity_assessments_page_flush (self);
  _equity_assessments_page_clear_editor (self);
  if (self->project == NULL)
    return;
  self->current = equity_assessment_load (self->project, id, &error);
  if (self->current == NULL)
    {
      equity_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  self->building = TRUE;
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) question_ui_free);
  /* a save reloads current: the questions live as long as the editor */
  template = self->template = equity_lens_template_ref (self->current->template);
  add_header (self);
  self->n_step_labels = template->steps->len;
  self->step_labels = g_new0 (GtkLabel *, self->n_step_labels);
  steps_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (steps_bar, "linked");
  gtk_widget_set_halign (steps_bar, GTK_ALIGN_START);
  gtk_box_append (self->editor_box, steps_bar);
  for (guint i = 0; i < template->steps->len; i++)
    {
      EquityLensStep *step = g_ptr_array_index (template->steps, i);
      GtkWidget *step_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      /* Translators: a step of an assessment: its number and title */
      g_autofree char *title = g_strdup_printf (_("Step %u. %s"), step->number, step->title);
      GtkWidget *title_label = label_new (title, "title-3");

      gtk_widget_set_hexpand (title_label, TRUE);
      gtk_widget_set_margin_top (step_box, 12);
      gtk_box_append (GTK_BOX (heading), title_label);
      self->step_labels[i] = GTK_LABEL (label_new (NULL, "numeric"));
      gtk_widget_add_css_class (GTK_WIDGET (self->step_labels[i]), "dim-label");
      gtk_box_append (GTK_BOX (heading), GTK_WIDGET (self->step_labels[i]));
      gtk_box_append (GTK_BOX (step_box), heading);
      for (guint j = 0; j < step->questions->len; j++)
        add_question (self, step_box, g_ptr_array_index (step->questions, j));
      gtk_box_append (self->editor_box, step_box);
      {
        GtkWidget *button = step_button_new (self, step, step_box);
        EquityAssessmentQuestionUi *first = g_ptr_array_index (self->questions, self->questions->len - step->questions->len);

        g_object_set_data (G_OBJECT (button), "first-control", first->control);
        gtk_box_append (GTK_BOX (steps_bar), button);
      }
    }
  update_completeness (self);
  /* a project opened read-only is shown, not changed */
  gtk_widget_set_sensitive (GTK_WIDGET (self->editor_box), !equity_project_is_read_only (self->project));
  self->building = FALSE;
}

static EquityAssessmentQuestionUi *
find_question (EquityAssessmentsPage *self,
               const char            *question)
{
  for (guint i = 0; self->questions != NULL && i < self->questions->len; i++)
    {
      EquityAssessmentQuestionUi *ui = g_ptr_array_index (self->questions, i);

      if (g_strcmp0 (ui->question->id, question) == 0)
        return ui;
    }
  return NULL;
}

GtkWidget *
_equity_assessments_page_get_control (EquityAssessmentsPage *self,
                                      const char            *question)
{
  EquityAssessmentQuestionUi *ui = find_question (self, question);

  return ui != NULL ? ui->control : NULL;
}

GtkLabel *
_equity_assessments_page_get_headline (EquityAssessmentsPage *self,
                                       const char            *question)
{
  EquityAssessmentQuestionUi *ui = find_question (self, question);

  return ui != NULL ? ui->headline : NULL;
}

const char *
_equity_assessments_page_get_overall (EquityAssessmentsPage *self)
{
  return self->overall_label != NULL ? gtk_label_get_text (self->overall_label) : NULL;
}
