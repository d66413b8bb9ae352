/* equity-action-plan-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Goals and their numbered actions on the left, with search and filters;
 * the selected action's editor on the right (equity-action-plan-editor.c),
 * which saves as you type. Nothing is ever deleted: an action is dropped
 * (its status, with undo), and every change is in the change log
 * (equity-action-plan-log.c).
 */

#define G_LOG_DOMAIN "equity-action-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-action-plan-page-private.h"
#include "equity-utils.h"

G_DEFINE_FINAL_TYPE (EquityActionPlanPage, equity_action_plan_page, ADW_TYPE_BIN)


void
_equity_plan_remove_all (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

EquityPlanAction *
_equity_action_plan_page_find (EquityActionPlanPage *self,
                               gint64                id)
{
  for (guint i = 0; self->actions != NULL && i < self->actions->len; i++)
    {
      EquityPlanAction *action = g_ptr_array_index (self->actions, i);

      if (action->id == id)
        return action;
    }
  return NULL;
}

static gboolean
action_matches (EquityActionPlanPage *self,
                EquityPlanAction     *action)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *department = equity_name_filter_get_chosen (self->department_dropdown);
  const char *status = equity_word_list_get_chosen (self->status_dropdown, equity_plan_get_statuses ());
  g_autofree char *text = NULL;

  if (gtk_check_button_get_active (self->overdue_check) && !action->overdue)
    return FALSE;
  if (gtk_check_button_get_active (self->off_track_check) && !action->off_track)
    return FALSE;
  if (status != NULL && g_strcmp0 (action->status, status) != 0)
    return FALSE;
  if (department != NULL && g_strcmp0 (action->department, department) != 0)
    return FALSE;
  text = g_strjoin (" ", action->number, action->title, action->goal,
                    action->department ? action->department : "",
                    action->owner ? action->owner : "", NULL);
  return equity_search_matches (search, text);
}

static gboolean
any_filter (EquityActionPlanPage *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0'
         || gtk_check_button_get_active (self->overdue_check)
         || gtk_check_button_get_active (self->off_track_check)
         || gtk_drop_down_get_selected (self->status_dropdown) > 0
         || equity_name_filter_get_chosen (self->department_dropdown) != NULL;
}

/* the departments named in the plan, for the filter; keeps the choice */
static void
update_departments (EquityActionPlanPage *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; self->actions != NULL && i < self->actions->len; i++)
    g_ptr_array_add (names, ((EquityPlanAction *) g_ptr_array_index (self->actions, i))->department);
  self->loading = TRUE;
  equity_name_filter_set_names (self->department_dropdown, _("Any department"), names);
  self->loading = FALSE;
}

static void
fill_list (EquityActionPlanPage *self)
{
  GtkListBoxRow *selected_row = NULL;
  guint shown = 0;

  self->loading = TRUE;
  _equity_plan_remove_all (self->action_list);
  for (guint g = 0; self->goals != NULL && g < self->goals->len; g++)
    {
      GHashTable *goal = g_ptr_array_index (self->goals, g);
      gint64 goal_id = g_ascii_strtoll (g_hash_table_lookup (goal, "id"), NULL, 10);
      GtkWidget *goal_row = _equity_action_plan_goal_row_new (g + 1, g_hash_table_lookup (goal, "title"));
      guint under = 0;

      gtk_list_box_append (self->action_list, goal_row);
      for (guint i = 0; self->actions != NULL && i < self->actions->len; i++)
        {
          EquityPlanAction *action = g_ptr_array_index (self->actions, i);
          GtkWidget *row;

          if (action->goal_id != goal_id || !action_matches (self, action))
            continue;
          row = _equity_action_plan_row_new (action);
          gtk_list_box_append (self->action_list, row);
          under++;
          if (action->id == self->selected_id)
            selected_row = GTK_LIST_BOX_ROW (row);
        }
      /* a filtered list shows only the goals with a match */
      if (under == 0 && any_filter (self))
        gtk_list_box_remove (self->action_list, goal_row);
      shown += under;
    }
  if (selected_row != NULL)
    gtk_list_box_select_row (self->action_list, selected_row);
  self->loading = FALSE;
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || !any_filter (self) ? "list" : "none");
}

void
_equity_action_plan_page_reload (EquityActionPlanPage *self,
                                 gboolean              reload_editor)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->goals, g_ptr_array_unref);
  if (self->project != NULL)
    {
      self->goals = equity_project_list_items (self->project, EQUITY_ITEM_GOAL, &error);
      if (self->goals != NULL)
        self->actions = equity_plan_list_actions_unchecked (self->project, NULL, &error);
      if (self->actions != NULL && self->statuses != NULL)
        equity_plan_mark_off_track (self->actions, self->statuses);
      if (error != NULL)
        equity_show_toast (GTK_WIDGET (self), error->message);
    }
  gtk_stack_set_visible_child_name (self->main_stack,
                                    self->goals != NULL && self->goals->len > 0 ? "plan" : "empty");
  update_departments (self);
  fill_list (self);
  if (_equity_action_plan_page_find (self, self->selected_id) == NULL)
    _equity_action_plan_editor_load (self, 0);
  else if (reload_editor)
    _equity_action_plan_editor_load (self, self->selected_id);
  else
    _equity_action_plan_editor_load_history (self);
}

static void
show_checking (EquityActionPlanPage *self)
{
  gboolean checking = self->check_cancellable != NULL;

  gtk_widget_set_visible (self->checking_box, checking);
  /* "off track only" means nothing before the first answer */
  gtk_widget_set_sensitive (GTK_WIDGET (self->off_track_check), self->statuses != NULL);
}

static void
indicators_checked_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      data)
{
  EquityActionPlanPage *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) statuses = equity_plan_evaluate_indicators_finish (result, &error);

  /* cancelled: the page has moved on (another project, or it is gone) */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->check_cancellable);
  if (statuses == NULL)
    {
      equity_show_toast (GTK_WIDGET (self), error->message);
      statuses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    }
  g_clear_pointer (&self->statuses, g_hash_table_unref);
  self->statuses = g_steal_pointer (&statuses);
  if (self->actions != NULL)
    equity_plan_mark_off_track (self->actions, self->statuses);
  show_checking (self);
  fill_list (self);
  _equity_action_plan_editor_load_indicators (self);
}

/* Evaluates the project's indicators in the core's worker; the marks shown
 * meanwhile are the last answer's, or none. */
static void
check_indicators (EquityActionPlanPage *self)
{
  if (self->check_cancellable != NULL)
    g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  if (self->project != NULL)
    {
      self->check_cancellable = g_cancellable_new ();
      equity_plan_evaluate_indicators_async (equity_project_get_path (self->project), self->check_cancellable,
                                             indicators_checked_cb, self);
    }
  show_checking (self);
}

gboolean
equity_action_plan_page_is_checking (EquityActionPlanPage *self)
{
  g_return_val_if_fail (EQUITY_IS_ACTION_PLAN_PAGE (self), FALSE);
  return self->check_cancellable != NULL;
}

static void
filters_changed_cb (EquityActionPlanPage *self)
{
  if (self->loading)
    return;
  fill_list (self);
}

void
_equity_action_plan_page_sync_selection (EquityActionPlanPage *self)
{
  gboolean loading = self->loading;

  self->loading = TRUE;
  gtk_list_box_unselect_all (self->action_list);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->action_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (self->selected_id != 0
        && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "action-id")) == self->selected_id)
      gtk_list_box_select_row (self->action_list, GTK_LIST_BOX_ROW (row));
  self->loading = loading;
}

static void
row_selected_cb (EquityActionPlanPage *self,
                 GtkListBoxRow        *row)
{
  gint64 id;

  if (self->loading)
    return;
  id = row != NULL ? GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "action-id")) : 0;
  if (id != 0 && id != self->selected_id)
    _equity_action_plan_editor_load (self, id);
  /* a narrow window shows one side at a time: the editor of the row picked */
  if (id != 0)
    adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
}

static void
back_clicked_cb (EquityActionPlanPage *self)
{
  _equity_action_plan_editor_flush (self);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

gboolean
equity_action_plan_page_select (EquityActionPlanPage *self,
                                const char           *number)
{
  gint64 id;

  g_return_val_if_fail (EQUITY_IS_ACTION_PLAN_PAGE (self), FALSE);

  id = self->actions != NULL ? equity_plan_find_action (self->actions, number) : 0;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->action_list)); id != 0 && row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "action-id")) == id)
      {
        gtk_list_box_select_row (self->action_list, GTK_LIST_BOX_ROW (row));
        /* the list scrolls to it (its viewport follows the focus): an
         * action low in a long plan is seen with its highlights; the
         * selection may have listed the actions again, with new rows */
        if (gtk_list_box_get_selected_row (self->action_list) != NULL)
          gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (self->action_list)));
        return TRUE;
      }
  return FALSE;
}

/* ——— page actions (plan.*) ——— */

/* the selected action's goal, else the last goal; 0 when there is none */
static gint64
current_goal_id (EquityActionPlanPage *self)
{
  EquityPlanAction *action = _equity_action_plan_page_find (self, self->selected_id);

  if (action != NULL)
    return action->goal_id;
  if (self->goals != NULL && self->goals->len > 0)
    return g_ascii_strtoll (g_hash_table_lookup (g_ptr_array_index (self->goals, self->goals->len - 1), "id"),
                            NULL, 10);
  return 0;
}

static void
add_goal_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       data)
{
  EquityActionPlanPage *self = data;
  g_autoptr(GError) error = NULL;
  guint number = self->goals != NULL ? self->goals->len + 1 : 1;
  /* Translators: the title a new goal starts with, %u is its number */
  g_autofree char *title = g_strdup_printf (_("Goal %u"), number);
  gint64 goal;

  _equity_action_plan_editor_flush (self);
  goal = equity_plan_add_goal (self->project, title, &error);
  if (goal == 0 || equity_plan_add_action (self->project, goal, _("New action"), &error) == 0)
    {
      equity_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  _equity_action_plan_page_reload (self, FALSE);
  equity_show_toast (GTK_WIDGET (self), _("Goal added with a first action; rename it from the menu"));
  {
    g_autofree char *first = g_strdup_printf ("%u.1", number);
    equity_action_plan_page_select (self, first);
  }
}

static void
add_action_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       data)
{
  EquityActionPlanPage *self = data;
  g_autoptr(GError) error = NULL;
  gint64 goal_id, id;

  _equity_action_plan_editor_flush (self);
  goal_id = current_goal_id (self);
  if (goal_id == 0)
    {
      add_goal_activated (NULL, NULL, self);
      return;
    }
  id = equity_plan_add_action (self->project, goal_id, _("New action"), &error);
  if (id == 0)
    {
      equity_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  /* the filters could hide the new action: it must be seen to be edited */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_check_button_set_active (self->overdue_check, FALSE);
  gtk_check_button_set_active (self->off_track_check, FALSE);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->department_dropdown, 0);
  self->selected_id = 0;
  _equity_action_plan_page_reload (self, FALSE);
  _equity_action_plan_editor_load (self, id);
  fill_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          data)
{
  EquityActionPlanPage *self = data;
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  gint64 goal_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "goal-id"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "rename") != 0)
    return;
  if (!equity_plan_set_goal_title (self->project, goal_id, gtk_editable_get_text (entry), &error))
    {
      equity_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  _equity_action_plan_page_reload (self, TRUE);
}

static void
rename_goal_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       data)
{
  EquityActionPlanPage *self = data;
  EquityPlanAction *selected = _equity_action_plan_page_find (self, self->selected_id);
  GtkWidget *dialog, *entry;

  if (selected == NULL)
    {
      equity_show_toast (GTK_WIDGET (self), _("Select an action of the goal to rename"));
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Rename Goal"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), selected->goal);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "rename", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "goal-id", GINT_TO_POINTER ((int) selected->goal_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  EquityActionPlanPage *page;
  gint64                id;
  char                 *status;
} DropUndo;

static void
drop_undo_free (gpointer data)
{
  DropUndo *undo = data;

  g_object_unref (undo->page);
  g_free (undo->status);
  g_free (undo);
}

static void
drop_undone_cb (AdwToast *toast,
                DropUndo *undo)
{
  g_autoptr(GError) error = NULL;

  if (!equity_plan_set_action_field (undo->page->project, undo->id, "status", undo->status, &error))
    equity_show_toast (GTK_WIDGET (undo->page), error->message);
  _equity_action_plan_page_reload (undo->page, TRUE);
}

/* The core keeps every action (the log refers to it): dropping sets the
 * status "dropped", which the toast undoes. */
static void
drop_action_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       data)
{
  EquityActionPlanPage *self = data;
  EquityPlanAction *selected;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  DropUndo *undo;
  AdwToast *toast;

  _equity_action_plan_editor_flush (self);
  selected = _equity_action_plan_page_find (self, self->selected_id);
  if (selected == NULL || g_strcmp0 (selected->status, "dropped") == 0)
    return;
  undo = g_new0 (DropUndo, 1);
  undo->page = g_object_ref (self);
  undo->id = selected->id;
  undo->status = g_strdup (selected->status);
  /* Translators: %s is an action's number, e.g. "1.2" */
  title = g_strdup_printf (_("Action %s dropped"), selected->number);
  if (!equity_plan_set_action_field (self->project, selected->id, "status", "dropped", &error))
    {
      drop_undo_free (undo);
      equity_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  _equity_action_plan_page_reload (self, TRUE);
  toast = equity_undo_toast_new (title, NULL);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (drop_undone_cb), undo,
                         (GClosureNotify) (void (*) (void)) drop_undo_free, 0);
  equity_add_toast (GTK_WIDGET (self), toast);
}

static void
focus_search_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       data)
{
  EquityActionPlanPage *self = data;

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_log_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       data)
{
  _equity_action_plan_editor_flush (data);
  _equity_action_plan_log_show (data);
}

static void
export_log_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       data)
{
  _equity_action_plan_editor_flush (data);
  _equity_action_plan_log_export (data);
}

static const GActionEntry page_entries[] = {
  { .name = "add-goal", .activate = add_goal_activated },
  { .name = "add-action", .activate = add_action_activated },
  { .name = "rename-goal", .activate = rename_goal_activated },
  { .name = "drop-action", .activate = drop_action_activated },
  { .name = "focus-search", .activate = focus_search_activated },
  { .name = "show-log", .activate = show_log_activated },
  { .name = "export-log", .activate = export_log_activated },
};

/* the page's actions work on a project that can change, while it is shown */
static void
update_actions (EquityActionPlanPage *self)
{
  gboolean enabled = self->shown && self->project != NULL && !equity_project_is_read_only (self->project);

  for (guint i = 0; i < G_N_ELEMENTS (page_entries); i++)
    equity_page_actions_set_enabled (self->page_actions, page_entries[i].name, enabled);
}

GActionGroup *
equity_action_plan_page_get_actions (EquityActionPlanPage *self)
{
  g_return_val_if_fail (EQUITY_IS_ACTION_PLAN_PAGE (self), NULL);
  return G_ACTION_GROUP (self->page_actions);
}

gboolean
equity_action_plan_page_has_pending (EquityActionPlanPage *self)
{
  g_return_val_if_fail (EQUITY_IS_ACTION_PLAN_PAGE (self), FALSE);
  return self->save_source != 0;
}

void
equity_action_plan_page_set_project (EquityActionPlanPage *self,
                                     EquityProject        *project)
{
  g_return_if_fail (EQUITY_IS_ACTION_PLAN_PAGE (self));

  /* what was typed for the old project is saved there first */
  _equity_action_plan_editor_flush (self);
  if (!g_set_object (&self->project, project))
    return;
  self->selected_id = 0;
  g_clear_pointer (&self->statuses, g_hash_table_unref);
  _equity_action_plan_page_reload (self, TRUE);
  check_indicators (self);
  update_actions (self);
}

void
equity_action_plan_page_set_shown (EquityActionPlanPage *self,
                                   gboolean              shown)
{
  g_return_if_fail (EQUITY_IS_ACTION_PLAN_PAGE (self));

  /* the indicators may have changed on their page meanwhile */
  if (shown && !self->shown && self->statuses != NULL)
    check_indicators (self);
  self->shown = !!shown;
  /* what was typed is saved when the page is left */
  if (!shown)
    _equity_action_plan_editor_flush (self);
  update_actions (self);
}

static void
equity_action_plan_page_dispose (GObject *object)
{
  EquityActionPlanPage *self = EQUITY_ACTION_PLAN_PAGE (object);

  /* never lose an edit: what waits for the debounce is written now */
  _equity_action_plan_editor_flush (self);
  if (self->check_cancellable != NULL)
    g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  g_clear_pointer (&self->statuses, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), EQUITY_TYPE_ACTION_PLAN_PAGE);
  g_clear_object (&self->project);
  equity_page_actions_clear (&self->page_actions, page_entries, G_N_ELEMENTS (page_entries));
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->goals, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (equity_action_plan_page_parent_class)->dispose (object);
}

static void
equity_action_plan_page_class_init (EquityActionPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = equity_action_plan_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/asheville/Equity/ui/equity-action-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EquityActionPlanPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, EquityActionPlanPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, EquityActionPlanPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EquityActionPlanPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, EquityActionPlanPage, editor_pane);
  gtk_widget_class_bind_template_child (widget_class, EquityActionPlanPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, EquityActionPlanPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EquityActionPlanPage, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EquityActionPlanPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EquityActionPlanPage, overdue_check);
  gtk_widget_class_bind_template_child (widget_class, EquityActionPlanPage, off_track_check);
  gtk_widget_class_bind_template_child (widget_class, EquityActionPlanPage, checking_box);
  gtk_widget_class_bind_template_child (widget_class, EquityActionPlanPage, action_list);
  gtk_widget_class_bind_template_child (widget_class, EquityActionPlanPage, editor_box);
}

static void
equity_action_plan_page_init (EquityActionPlanPage *self)
{
  g_autoptr(GListModel) status_words = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* the bin's own child, not a template child: AdwBin unparents it itself */
  self->main_stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->page_actions = equity_page_actions_new (GTK_WIDGET (self), "plan", page_entries, G_N_ELEMENTS (page_entries));
  /* the filter reads the core's statuses by the position chosen */
  status_words = equity_word_list_new (_("Any status"), equity_plan_get_statuses (), equity_plan_status_to_label);
  gtk_drop_down_set_model (self->status_dropdown, status_words);

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->overdue_check, "toggled", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->off_track_check, "toggled", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->department_dropdown, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->action_list, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  _equity_action_plan_editor_build (self);
  equity_action_plan_page_set_project (self, NULL);
}

GtkWidget *
equity_action_plan_page_new (void)
{
  return g_object_new (EQUITY_TYPE_ACTION_PLAN_PAGE, NULL);
}
