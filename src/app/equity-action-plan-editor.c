/* equity-action-plan-editor.c — the selected action's editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saves as you type: an edit waits 500 ms for the next keystroke, then is
 * written; leaving the field, choosing another action, leaving the page or
 * closing the window writes it at once. A value the core refuses (a budget
 * that is not a number, a date that is not one) stays in its field with the
 * core's message under it, and the stored value is kept.
 */

#define G_LOG_DOMAIN "equity-action-plan-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "equity-action-plan-page-private.h"
#include "equity-change-log-window.h"
#include "equity-utils.h"

#define SAVE_DELAY_MS 500

gboolean
_equity_action_plan_editor_flush (EquityActionPlanPage *self)
{
  GHashTableIter iter;
  gpointer field, value;
  g_autoptr(GString) errors = g_string_new (NULL);
  gboolean saved = FALSE;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->project == NULL || self->selected_id == 0 || g_hash_table_size (self->pending) == 0)
    return TRUE;
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &field, &value))
    {
      g_autoptr(GError) error = NULL;

      if (equity_plan_set_action_field (self->project, self->selected_id, field, value, &error))
        saved = TRUE;
      else
        g_string_append_printf (errors, "%s%s", errors->len > 0 ? "\n" : "", error->message);
    }
  g_hash_table_remove_all (self->pending);
  gtk_label_set_label (self->error_label, errors->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), errors->len > 0);
  if (saved && !gtk_widget_in_destruction (GTK_WIDGET (self)))
    _equity_action_plan_page_reload (self, FALSE);
  return errors->len == 0;
}

static gboolean
save_timeout_cb (gpointer data)
{
  EquityActionPlanPage *self = data;

  self->save_source = 0;
  _equity_action_plan_editor_flush (self);
  return G_SOURCE_REMOVE;
}

static void
queue_edit (EquityActionPlanPage *self,
            const char           *field,
            const char           *value)
{
  if (self->loading || self->selected_id == 0)
    return;
  g_hash_table_replace (self->pending, g_strdup (field), g_strdup (value));
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
entry_changed_cb (GtkEditable          *editable,
                  EquityActionPlanPage *self)
{
  queue_edit (self, g_object_get_data (G_OBJECT (editable), "field"), gtk_editable_get_text (editable));
}

static void
focus_leave_cb (EquityActionPlanPage *self)
{
  _equity_action_plan_editor_flush (self);
}

static void
combo_changed_cb (AdwComboRow          *row,
                  GParamSpec           *pspec,
                  EquityActionPlanPage *self)
{
  const char * const *values = g_object_get_data (G_OBJECT (row), "values");
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  /* a choice is complete at once: no reason to wait */
  queue_edit (self, g_object_get_data (G_OBJECT (row), "field"), values[selected]);
  if (!self->loading)
    _equity_action_plan_editor_flush (self);
}

static AdwEntryRow *
add_entry_row (EquityActionPlanPage *self,
               GtkWidget            *group,
               const char           *title,
               const char           *field)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  if (field != NULL)
    {
      g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), self);
      g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
    }
  gtk_widget_add_controller (row, focus);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

static AdwComboRow *
add_combo_row (EquityActionPlanPage *self,
               GtkWidget            *group,
               const char           *title,
               const char           *field,
               const char * const   *values,
               const char *        (*label) (const char *))
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GListModel) model = equity_word_list_new (NULL, values, label);

  adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  g_object_set_data (G_OBJECT (row), "values", (gpointer) values);
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_COMBO_ROW (row);
}

static void
day_selected_cb (EquityActionPlanPage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  if (self->loading)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), text);
  _equity_action_plan_editor_flush (self);
}

static GtkListBox *
add_list (GtkWidget *group)
{
  GtkWidget *list = equity_boxed_list_new ();

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  return GTK_LIST_BOX (list);
}

static void
indicator_toggled_cb (GtkCheckButton       *check,
                      EquityActionPlanPage *self)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  if (self->loading)
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->indicators_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *box = g_object_get_data (G_OBJECT (row), "check");

      if (box != NULL && gtk_check_button_get_active (box))
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 0 ? ";" : "",
                                (gint64) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "indicator-id")));
    }
  queue_edit (self, "indicators", ids->str);
  _equity_action_plan_editor_flush (self);
}

static void
add_note_cb (EquityActionPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->note_date_row));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_text_row));

  _equity_action_plan_editor_flush (self);
  if (!equity_plan_add_progress_note (self->project, self->selected_id, date, text, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->note_text_row), "");
  _equity_action_plan_editor_load (self, self->selected_id);
}

/* A titled group of the editor, with DESCRIPTION under the title (NULL: none) */
static GtkWidget *
add_group (EquityActionPlanPage *self,
           const char           *title,
           const char           *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->editor_box, group);
  return group;
}

void
_equity_action_plan_editor_build (EquityActionPlanPage *self)
{
  GtkWidget *group;
  GtkWidget *button;
  GtkWidget *popover;

  self->goal_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->goal_label, 0);
  gtk_label_set_wrap (self->goal_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->goal_label), "title-3");
  gtk_box_append (self->editor_box, GTK_WIDGET (self->goal_label));

  group = add_group (self, _("Action"), _("Saved as you type."));
  self->title_row = add_entry_row (self, group, _("_Title"), "title");
  self->department_row = add_entry_row (self, group, _("Lead _department"), "department");
  self->owner_row = add_entry_row (self, group, _("Lead _person"), "owner");
  self->due_row = add_entry_row (self, group, _("D_ue (YYYY-MM-DD)"), "due");
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Pick the due date"));
  gtk_widget_add_css_class (button, "flat");
  adw_entry_row_add_suffix (self->due_row, button);
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  self->status_row = add_combo_row (self, group, _("_Status"), "status",
                                    equity_plan_get_statuses (), equity_plan_status_to_label);
  self->priority_row = add_combo_row (self, group, _("P_riority"), "priority",
                                      equity_plan_get_priorities (), equity_plan_priority_to_label);
  self->budget_row = add_entry_row (self, group, _("_Budget allocated"), "budget");
  self->spent_row = add_entry_row (self, group, _("Budget s_pent"), "spent");
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (self->editor_box, GTK_WIDGET (self->error_label));

  group = add_group (self, _("Linked Indicators"), _("The action is off track when one of these is."));
  self->indicators_list = add_list (group);

  group = add_group (self, _("Progress Notes"), NULL);
  self->note_date_row = add_entry_row (self, group, _("Note _date (YYYY-MM-DD)"), NULL);
  self->note_text_row = add_entry_row (self, group, _("_Note"), NULL);
  button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_entry_row_add_suffix (self->note_text_row, button);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_note_cb), self);
  g_signal_connect_swapped (self->note_text_row, "entry-activated", G_CALLBACK (add_note_cb), self);
  adw_entry_row_set_show_apply_button (self->note_text_row, FALSE);
  self->notes_list = add_list (group);

  group = add_group (self, _("History"), _("Every change to this action, newest first; never edited."));
  self->history_list = add_list (group);
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title_text = g_markup_escape_text (title, -1);
  g_autofree char *subtitle_text = g_markup_escape_text (subtitle != NULL ? subtitle : "", -1);

  /* the project's text is shown as text, never markup */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_text);
  return row;
}

void
_equity_action_plan_editor_load_history (EquityActionPlanPage *self)
{
  g_autoptr(GPtrArray) changes = NULL;

  _equity_plan_remove_all (self->history_list);
  if (self->project == NULL || self->selected_id == 0)
    return;
  changes = equity_project_list_changes (self->project, "action", self->selected_id, NULL);
  for (guint i = changes != NULL ? changes->len : 0; i > 0; i--)
    gtk_list_box_append (self->history_list, equity_change_log_row_new (g_ptr_array_index (changes, i - 1)));
}

static void
load_indicators (EquityActionPlanPage *self,
                 EquityPlanAction     *action)
{
  g_autoptr(GPtrArray) indicators = equity_project_list_indicators (self->project, NULL);

  _equity_plan_remove_all (self->indicators_list);
  for (guint i = 0; indicators != NULL && i < indicators->len; i++)
    {
      EquityIndicator *indicator = g_ptr_array_index (indicators, i);
      gint64 id = equity_indicator_get_id (indicator);
      /* evaluated by the core's worker, never here: until it answers, say so */
      const char *status = self->statuses == NULL
                           ? _("Checking against its target…")
                           : equity_indicator_status_to_label (equity_plan_get_indicator_status (self->statuses, id));
      GtkWidget *row = text_row (equity_indicator_get_name (indicator), status);
      GtkWidget *check = gtk_check_button_new ();
      gboolean linked = FALSE;

      for (guint j = 0; action->indicators != NULL && j < action->indicators->len; j++)
        linked |= g_array_index (action->indicators, gint64, j) == id;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), linked);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "check", check);
      g_object_set_data (G_OBJECT (row), "indicator-id", GINT_TO_POINTER ((int) id));
      g_signal_connect (check, "toggled", G_CALLBACK (indicator_toggled_cb), self);
      gtk_list_box_append (self->indicators_list, row);
    }
  if (indicators == NULL || indicators->len == 0)
    gtk_list_box_append (self->indicators_list,
                         text_row (_("No indicators yet"), _("Make one on the Indicators page to link it here.")));
}

void
_equity_action_plan_editor_load_indicators (EquityActionPlanPage *self)
{
  EquityPlanAction *action = _equity_action_plan_page_find (self, self->selected_id);
  gboolean loading = self->loading;

  if (action == NULL)
    return;
  self->loading = TRUE;
  load_indicators (self, action);
  self->loading = loading;
}

static void
set_combo (AdwComboRow *row,
           const char  *value)
{
  const char * const *values = g_object_get_data (G_OBJECT (row), "values");

  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      adw_combo_row_set_selected (row, i);
}

static void
set_number (AdwEntryRow *row,
            double       value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE] = "";

  if (!isnan (value))
    g_ascii_formatd (text, sizeof text, "%.15g", value);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

void
_equity_action_plan_editor_load (EquityActionPlanPage *self,
                                 gint64                id)
{
  EquityPlanAction *action;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *goal = NULL;

  /* the old action's edits go to the old action */
  if (self->selected_id != id)
    _equity_action_plan_editor_flush (self);
  self->selected_id = id;
  action = _equity_action_plan_page_find (self, id);
  _equity_action_plan_page_sync_selection (self);
  gtk_stack_set_visible_child_name (self->editor_stack, action != NULL ? "editor" : "none");
  if (action == NULL)
    {
      self->selected_id = 0;
      return;
    }
  self->loading = TRUE;
  /* Translators: an action's number and its goal, e.g. "Action 1.2 — Equal access to pools" */
  goal = g_strdup_printf (_("Action %s — %s"), action->number, action->goal);
  gtk_label_set_label (self->goal_label, goal);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), action->title);
  gtk_editable_set_text (GTK_EDITABLE (self->department_row), action->department ? action->department : "");
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), action->owner ? action->owner : "");
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), action->due ? action->due : "");
  if (action->due != NULL)
    {
      int y, m, d;

      if (sscanf (action->due, "%d-%d-%d", &y, &m, &d) == 3)
        {
          g_autoptr(GDateTime) date = g_date_time_new_local (y, m, d, 0, 0, 0);

          if (date != NULL)
            gtk_calendar_select_day (self->calendar, date);
        }
    }
  set_combo (self->status_row, action->status);
  set_combo (self->priority_row, action->priority);
  set_number (self->budget_row, action->budget);
  set_number (self->spent_row, action->spent);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->note_date_row), today);
  load_indicators (self, action);
  _equity_plan_remove_all (self->notes_list);
  notes = equity_project_list_notes (self->project, id, NULL);
  for (guint i = notes != NULL ? notes->len : 0; i > 0; i--)
    {
      GHashTable *note = g_ptr_array_index (notes, i - 1);

      gtk_list_box_append (self->notes_list, text_row (g_hash_table_lookup (note, "text"),
                                                       g_hash_table_lookup (note, "date")));
    }
  if (notes == NULL || notes->len == 0)
    gtk_list_box_append (self->notes_list, text_row (_("No progress notes yet"),
                                                     _("Add one each quarter: what moved, what is stuck.")));
  _equity_action_plan_editor_load_history (self);
  self->loading = FALSE;
}
