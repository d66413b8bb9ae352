/* equity-assessments-page.c — the list of equity-lens assessments, with
 * search and filters; the editor is in equity-assessments-page-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-assessments-page"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-assessments-page-private.h"
#include "equity-utils.h"

G_DEFINE_FINAL_TYPE (EquityAssessmentsPage, equity_assessments_page, ADW_TYPE_BIN)

char *
_equity_assessments_dup_completeness (EquityAssessment *assessment,
                                      guint             step)
{
  guint answered, total;
  double fraction = equity_assessment_complete (assessment, step, &answered, &total);

  /* Translators: an assessment's completeness: percent, answered, questions */
  return g_strdup_printf (_("%.0f%% · %u of %u"), fraction * 100.0, answered, total);
}

static EquityAssessment *
row_get_assessment (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "assessment");
}

static GtkWidget *
row_new (EquityAssessment *assessment)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (assessment->title);
  g_autofree char *info = g_strdup_printf ("%s · %s", assessment->department, assessment->date);
  GtkWidget *subtitle = gtk_label_new (info);
  GtkWidget *badge = gtk_label_new (equity_assessment_status_label (assessment->status));
  g_autofree char *complete = _equity_assessments_dup_completeness (assessment, 0);
  GtkWidget *completeness = gtk_label_new (complete);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  /* the status is said in words; the colour only repeats it */
  gtk_widget_add_css_class (badge, "caption");
  gtk_widget_add_css_class (badge, "assessment-status");
  gtk_widget_add_css_class (badge, assessment->status);
  gtk_label_set_xalign (GTK_LABEL (completeness), 1);
  gtk_widget_set_hexpand (completeness, TRUE);
  gtk_widget_add_css_class (completeness, "caption");
  gtk_widget_add_css_class (completeness, "numeric");
  g_object_set_data (G_OBJECT (row), "completeness", completeness);
  g_object_set_data (G_OBJECT (row), "badge", badge);

  gtk_box_append (GTK_BOX (line), badge);
  gtk_box_append (GTK_BOX (line), completeness);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_box_append (GTK_BOX (box), line);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "assessment", assessment);
  return row;
}

static gboolean
matches (EquityAssessmentsPage *self,
         EquityAssessment      *assessment)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *department = equity_name_filter_get_chosen (self->department_filter);
  const char *status = equity_word_list_get_chosen (self->status_filter, equity_assessment_get_statuses ());
  g_autofree char *text = NULL;

  if (department != NULL && g_strcmp0 (assessment->department, department) != 0)
    return FALSE;
  if (status != NULL && g_strcmp0 (assessment->status, status) != 0)
    return FALSE;
  text = g_strdup_printf ("%s %s", assessment->title, assessment->department);
  return equity_search_matches (search, text);
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  return matches (user_data, row_get_assessment (row));
}

static void
filters_changed_cb (EquityAssessmentsPage *self)
{
  gboolean any = FALSE;

  if (self->assessments == NULL)
    return;
  gtk_list_box_invalidate_filter (self->list_box);
  for (guint i = 0; i < self->assessments->len; i++)
    any |= matches (self, g_ptr_array_index (self->assessments, i));
  gtk_stack_set_visible_child_name (self->list_stack, any ? "list" : "none");
}

static void
row_selected_cb (EquityAssessmentsPage *self,
                 GtkListBoxRow         *row)
{
  if (row == NULL)
    return;
  /* on a narrow window the list covers the editor: step aside for it */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  _equity_assessments_page_show_editor (self, row_get_assessment (row)->id);
  _equity_assessments_page_update_actions (self);
}

static void
fill_department_filter (EquityAssessmentsPage *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < self->assessments->len; i++)
    g_ptr_array_add (names, ((EquityAssessment *) g_ptr_array_index (self->assessments, i))->department);
  equity_name_filter_set_names (self->department_filter, _("Any department"), names);
}

void
_equity_assessments_page_reload (EquityAssessmentsPage *self,
                                 gint64                 select_id)
{
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *first = NULL;
  GtkListBoxRow *chosen = NULL;
  GtkWidget *child;

  g_signal_handlers_block_by_func (self->list_box, row_selected_cb, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_signal_handlers_unblock_by_func (self->list_box, row_selected_cb, self);
  g_clear_pointer (&self->assessments, g_ptr_array_unref);

  if (self->project == NULL)
    {
      _equity_assessments_page_clear_editor (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      _equity_assessments_page_update_actions (self);
      return;
    }

  self->assessments = equity_assessment_list (self->project, &error);
  if (self->assessments == NULL)
    {
      equity_show_toast (GTK_WIDGET (self), error->message);
      self->assessments = g_ptr_array_new ();
    }
  /* one deleted under its Undo toast is gone from the list already */
  for (guint i = 0; i < self->assessments->len; i++)
    if (((EquityAssessment *) g_ptr_array_index (self->assessments, i))->id == self->pending_delete)
      g_ptr_array_remove_index (self->assessments, i);
  gtk_stack_set_visible_child_name (self->stack, self->assessments->len > 0 ? "main" : "empty");
  g_signal_handlers_block_by_func (self->department_filter, filters_changed_cb, self);
  fill_department_filter (self);
  g_signal_handlers_unblock_by_func (self->department_filter, filters_changed_cb, self);

  /* newest first: the one being worked on is usually the latest */
  for (guint i = self->assessments->len; i > 0; i--)
    {
      EquityAssessment *assessment = g_ptr_array_index (self->assessments, i - 1);
      GtkWidget *row = row_new (assessment);

      gtk_list_box_append (self->list_box, row);
      if (first == NULL)
        first = GTK_LIST_BOX_ROW (row);
      if (assessment->id == select_id)
        chosen = GTK_LIST_BOX_ROW (row);
    }
  filters_changed_cb (self);

  if (chosen == NULL)
    chosen = first;
  if (chosen != NULL)
    gtk_list_box_select_row (self->list_box, chosen);
  else
    _equity_assessments_page_clear_editor (self);
  _equity_assessments_page_update_actions (self);
}

/* The selected row follows the store after a save (completeness, status). */
void
_equity_assessments_page_update_row (EquityAssessmentsPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);
  g_autofree char *text = NULL;
  GtkWidget *badge;

  if (row == NULL || self->current == NULL || row_get_assessment (row)->id != self->current->id)
    return;
  text = _equity_assessments_dup_completeness (self->current, 0);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "completeness"), text);
  badge = g_object_get_data (G_OBJECT (row), "badge");
  gtk_widget_remove_css_class (badge, row_get_assessment (row)->status);
  gtk_label_set_text (GTK_LABEL (badge), equity_assessment_status_label (self->current->status));
  gtk_widget_add_css_class (badge, self->current->status);
  /* the row's own copy, for the filters */
  g_free (row_get_assessment (row)->status);
  row_get_assessment (row)->status = g_strdup (self->current->status);
}

void
equity_assessments_page_set_project (EquityAssessmentsPage *self,
                                     EquityProject         *project)
{
  g_return_if_fail (EQUITY_IS_ASSESSMENTS_PAGE (self));

  /* what was typed belongs to the project it was typed in */
  equity_assessments_page_flush (self);
  _equity_assessments_page_commit_delete (self);
  _equity_assessments_page_clear_editor (self);
  g_set_object (&self->project, project);
  _equity_assessments_page_reload (self, 0);
}

void
equity_assessments_page_set_shown (EquityAssessmentsPage *self,
                                   gboolean               shown)
{
  g_return_if_fail (EQUITY_IS_ASSESSMENTS_PAGE (self));

  self->shown = !!shown;
  _equity_assessments_page_update_actions (self);
}

static void
equity_assessments_page_dispose (GObject *object)
{
  EquityAssessmentsPage *self = EQUITY_ASSESSMENTS_PAGE (object);

  _equity_assessments_page_cancel_export (self);
  _equity_assessments_page_commit_delete (self);
  if (self->history_window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->history_window), (gpointer *) &self->history_window);
  self->history_window = NULL;
  _equity_assessments_page_clear_editor (self);
  _equity_assessments_page_clear_actions (self);
  g_clear_pointer (&self->assessments, g_ptr_array_unref);
  g_clear_object (&self->project);
  if (self->new_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->new_dialog), (gpointer *) &self->new_dialog);
  self->new_dialog = NULL;
  /* the rows go with the list, and it says each time that none is selected */
  if (self->list_box != NULL)
    g_signal_handlers_disconnect_by_data (self->list_box, self);
  if (self->department_filter != NULL)
    g_signal_handlers_disconnect_by_data (self->department_filter, self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), EQUITY_TYPE_ASSESSMENTS_PAGE);

  G_OBJECT_CLASS (equity_assessments_page_parent_class)->dispose (object);
}

static void
equity_assessments_page_class_init (EquityAssessmentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = equity_assessments_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/asheville/Equity/ui/equity-assessments-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EquityAssessmentsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EquityAssessmentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EquityAssessmentsPage, department_filter);
  gtk_widget_class_bind_template_child (widget_class, EquityAssessmentsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, EquityAssessmentsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, EquityAssessmentsPage, flap);
  gtk_widget_class_bind_template_child (widget_class, EquityAssessmentsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, EquityAssessmentsPage, editor_box);
  gtk_widget_class_bind_template_child (widget_class, EquityAssessmentsPage, editor_scroller);
  gtk_widget_class_bind_template_child (widget_class, EquityAssessmentsPage, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, EquityAssessmentsPage, export_progress);
}

static void
equity_assessments_page_init (EquityAssessmentsPage *self)
{
  g_autoptr(GListModel) status_words = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* the filter reads the core's statuses by the position chosen */
  status_words = equity_word_list_new (_("Any status"), equity_assessment_get_statuses (),
                                       equity_assessment_status_label);
  gtk_drop_down_set_model (self->status_filter, status_words);

  gtk_list_box_set_filter_func (self->list_box, filter_func, self, NULL);
  g_signal_connect_swapped (self->list_box, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->department_filter, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->status_filter, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  {
    /* Delete on the list deletes the selected assessment (with Undo) */
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                            gtk_named_action_new ("assessments.delete")));
    gtk_widget_add_controller (GTK_WIDGET (self->list_box), keys);
  }
  _equity_assessments_page_init_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
equity_assessments_page_new (void)
{
  return g_object_new (EQUITY_TYPE_ASSESSMENTS_PAGE, NULL);
}

GtkListBox *
_equity_assessments_page_get_list_box (EquityAssessmentsPage *self)
{
  return self->list_box;
}

GtkDropDown *
_equity_assessments_page_get_status_filter (EquityAssessmentsPage *self)
{
  return self->status_filter;
}

GtkSearchEntry *
_equity_assessments_page_get_search_entry (EquityAssessmentsPage *self)
{
  return self->search_entry;
}
