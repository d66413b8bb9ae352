/* equity-action-plan-page-private.h — shared by the action plan page's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-action-plan-page.h"

G_BEGIN_DECLS

struct _EquityActionPlanPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *main_stack;
  GtkStack           *list_stack;
  GtkStack           *editor_stack;
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkWidget          *editor_pane;
  GtkButton          *back_button;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *department_dropdown;
  GtkDropDown        *status_dropdown;
  GtkCheckButton     *overdue_check;
  GtkCheckButton     *off_track_check;
  GtkWidget          *checking_box;   /* shown while the worker evaluates */
  GtkListBox         *action_list;
  GtkBox             *editor_box;

  /* The editor, built in equity-action-plan-editor.c */
  GtkLabel           *goal_label;
  AdwEntryRow        *title_row;
  AdwEntryRow        *department_row;
  AdwEntryRow        *owner_row;
  AdwEntryRow        *due_row;
  GtkCalendar        *calendar;
  AdwComboRow        *status_row;
  AdwComboRow        *priority_row;
  AdwEntryRow        *budget_row;
  AdwEntryRow        *spent_row;
  GtkLabel           *error_label;
  GtkListBox         *indicators_list;
  AdwEntryRow        *note_date_row;
  AdwEntryRow        *note_text_row;
  GtkListBox         *notes_list;
  GtkListBox         *history_list;

  /* Owned references */
  EquityProject      *project;
  GPtrArray          *actions;       /* EquityPlanAction, plan order */
  GPtrArray          *goals;         /* rows of "id", "title" */
  GSimpleActionGroup *page_actions;
  GHashTable         *pending;       /* field → value typed, not saved yet */
  /* indicator id → status from the core's worker; NULL until it answers
   * (no action is marked off track before: never a wrong mark) */
  GHashTable         *statuses;
  GCancellable       *check_cancellable;  /* the evaluation running, or NULL */

  gint64              selected_id;   /* the action in the editor, 0 for none */
  guint               save_source;
  gboolean            loading;       /* filling the editor: not an edit */
  gboolean            shown;
};

void        _equity_plan_remove_all        (GtkListBox *list);
/* an action's row: number, title, status, details and its highlights in
 * words (equity-action-plan-rows.c); a goal's heading row */
GtkWidget  *_equity_action_plan_row_new      (EquityPlanAction *action);
GtkWidget  *_equity_action_plan_goal_row_new (guint             number,
                                              const char       *title);
/* lists the actions again, keeping the selection; the editor is refilled
 * only when RELOAD_EDITOR (never under the user's typing) */
void        _equity_action_plan_page_reload (EquityActionPlanPage *self,
                                             gboolean              reload_editor);
/* the list's selection follows the editor's action */
void        _equity_action_plan_page_sync_selection (EquityActionPlanPage *self);
EquityPlanAction *_equity_action_plan_page_find (EquityActionPlanPage *self,
                                                 gint64                id);

void        _equity_action_plan_editor_build (EquityActionPlanPage *self);
/* shows action ID in the editor (0: none) after saving what was typed */
void        _equity_action_plan_editor_load  (EquityActionPlanPage *self,
                                              gint64                id);
/* writes every pending edit now; FALSE when one was refused (it stays shown) */
gboolean    _equity_action_plan_editor_flush (EquityActionPlanPage *self);
void        _equity_action_plan_editor_load_history (EquityActionPlanPage *self);
/* the linked indicators' list again, with the statuses now known */
void        _equity_action_plan_editor_load_indicators (EquityActionPlanPage *self);
/* the whole change log, in a window of its own; its CSV export */
void        _equity_action_plan_log_show     (EquityActionPlanPage *self);
void        _equity_action_plan_log_export   (EquityActionPlanPage *self);

G_END_DECLS
