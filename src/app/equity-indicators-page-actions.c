/* equity-indicators-page-actions.c — the Indicators page's actions: new,
 * edit and delete an indicator, undo a delete, and edit the score table
 * with undo (indicators.*)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-indicators-page"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-indicator-dialog.h"
#include "equity-indicators-page-private.h"
#include "equity-score-table-dialog.h"
#include "equity-utils.h"

static void
dialog_saved_cb (EquityIndicatorsPage *self,
                 gint64                id)
{
  self->select_after_load = id;
  equity_indicators_page_reload (self);
}

static void
show_dialog (EquityIndicatorsPage *self,
             EquityIndicatorEntry *entry)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  dialog = equity_indicator_dialog_new (equity_widget_get_window (GTK_WIDGET (self)), self->project,
                                        entry != NULL ? equity_indicator_entry_get_id (entry) : 0, &error);
  if (dialog == NULL)
    {
      equity_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
new_action (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  show_dialog (EQUITY_INDICATORS_PAGE (user_data), NULL);
}

static void
edit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  EquityIndicatorsPage *self = EQUITY_INDICATORS_PAGE (user_data);
  EquityIndicatorEntry *entry = _equity_indicators_page_get_selected (self);

  if (entry != NULL)
    show_dialog (self, entry);
}

/* A toast with Undo running ACTION_NAME; *SLOT holds it while it is shown,
 * DISMISSED_CB (swapped, on the page) lets go of what Undo would restore. */
static void
show_undo_toast (EquityIndicatorsPage  *self,
                 const char            *title,
                 const char            *action_name,
                 AdwToast             **slot,
                 GCallback              dismissed_cb)
{
  AdwToast *toast = equity_undo_toast_new (title, action_name);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  *slot = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) slot);
  g_signal_connect_object (toast, "dismissed", dismissed_cb, self, G_CONNECT_SWAPPED);
  equity_add_toast (GTK_WIDGET (self), toast);
}

static void
undo_toast_dismissed_cb (EquityIndicatorsPage *self,
                         AdwToast             *toast)
{
  if (self->undo_toast == toast)
    {
      g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) &self->undo_toast);
      self->undo_toast = NULL;
      /* Undo is offered as long as the toast is shown (its button runs
       * the action before the toast goes) */
      g_clear_object (&self->deleted);
      _equity_indicators_page_update_actions (self);
    }
}

/* The indicator is gone from the file at once; the toast keeps what it
 * was, so Undo puts it back as it was. */
static void
delete_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  EquityIndicatorsPage *self = EQUITY_INDICATORS_PAGE (user_data);
  EquityIndicatorEntry *entry = _equity_indicators_page_get_selected (self);
  g_autoptr(EquityIndicator) indicator = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (entry == NULL)
    return;

  indicator = equity_project_delete_indicator (self->project, equity_indicator_entry_get_id (entry), &error);
  if (indicator == NULL)
    {
      equity_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  /* one Undo at a time: the toast before lets go of what it would bring back */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_set_object (&self->deleted, indicator);
  /* Translators: a toast, %s is an indicator's name */
  title = g_strdup_printf (_("“%s” deleted"), equity_indicator_entry_get_name (entry));
  show_undo_toast (self, title, "indicators.undo-delete", &self->undo_toast, G_CALLBACK (undo_toast_dismissed_cb));

  self->select_after_load = 0;
  equity_indicators_page_reload (self);
}

static void
undo_delete_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  EquityIndicatorsPage *self = EQUITY_INDICATORS_PAGE (user_data);
  g_autoptr(EquityIndicator) indicator = g_steal_pointer (&self->deleted);
  g_autoptr(GError) error = NULL;

  if (indicator == NULL || self->project == NULL)
    return;

  /* it comes back under its own id, with everything it held */
  if (!equity_project_undelete_indicator (self->project, indicator, &error))
    {
      equity_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  self->select_after_load = equity_indicator_get_id (indicator);
  equity_indicators_page_reload (self);
}

static void
table_toast_dismissed_cb (EquityIndicatorsPage *self,
                          AdwToast             *toast)
{
  if (self->table_toast == toast)
    {
      g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) &self->table_toast);
      self->table_toast = NULL;
      g_clear_pointer (&self->previous_table, equity_score_table_unref);
      _equity_indicators_page_update_actions (self);
    }
}

/* The new table is stored; every score follows it at once, and the toast
 * keeps the table before for Undo. */
static void
score_table_saved_cb (EquityIndicatorsPage *self,
                      EquityScoreTable     *previous)
{
  if (self->table_toast != NULL)
    adw_toast_dismiss (self->table_toast);
  g_clear_pointer (&self->previous_table, equity_score_table_unref);
  self->previous_table = equity_score_table_ref (previous);
  show_undo_toast (self, _("Score table saved; every score follows it"), "indicators.undo-score-table",
                   &self->table_toast, G_CALLBACK (table_toast_dismissed_cb));
  _equity_indicators_page_update_actions (self);
  equity_indicators_page_reload (self);
}

static void
edit_score_table_action (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  EquityIndicatorsPage *self = EQUITY_INDICATORS_PAGE (user_data);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  if (self->project == NULL)
    return;
  dialog = equity_score_table_dialog_new (equity_widget_get_window (GTK_WIDGET (self)), self->project, &error);
  if (dialog == NULL)
    {
      equity_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  g_signal_connect_object (dialog, "saved", G_CALLBACK (score_table_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
undo_score_table_action (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  EquityIndicatorsPage *self = EQUITY_INDICATORS_PAGE (user_data);
  g_autoptr(EquityScoreTable) previous = g_steal_pointer (&self->previous_table);
  g_autoptr(GError) error = NULL;

  if (previous == NULL || self->project == NULL)
    return;
  if (!equity_project_set_score_table (self->project, previous, &error))
    {
      equity_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  _equity_indicators_page_update_actions (self);
  equity_indicators_page_reload (self);
}

static const GActionEntry indicators_actions[] = {
  { "new", new_action },
  { "edit", edit_action },
  { "delete", delete_action },
  { "undo-delete", undo_delete_action },
  { "edit-score-table", edit_score_table_action },
  { "undo-score-table", undo_score_table_action },
};

void
_equity_indicators_page_update_actions (EquityIndicatorsPage *self)
{
  gboolean writable = self->project != NULL && !equity_project_is_read_only (self->project);
  gboolean has_selection = _equity_indicators_page_get_selected (self) != NULL;

  if (self->actions == NULL)
    return;
  /* an indicator is built on a saved analysis: none, nothing to build on */
  equity_page_actions_set_enabled (self->actions, "new", self->shown && writable && _equity_indicators_page_has_analyses (self));
  equity_page_actions_set_enabled (self->actions, "edit", self->shown && writable && has_selection);
  equity_page_actions_set_enabled (self->actions, "delete", self->shown && writable && has_selection);
  equity_page_actions_set_enabled (self->actions, "undo-delete", writable && self->deleted != NULL);
  equity_page_actions_set_enabled (self->actions, "edit-score-table", self->shown && writable);
  equity_page_actions_set_enabled (self->actions, "undo-score-table", writable && self->previous_table != NULL);
}

void
_equity_indicators_page_init_actions (EquityIndicatorsPage *self)
{
  self->actions = equity_page_actions_new (GTK_WIDGET (self), "indicators", indicators_actions, G_N_ELEMENTS (indicators_actions));
  _equity_indicators_page_update_actions (self);
}

void
_equity_indicators_page_clear_actions (EquityIndicatorsPage *self)
{
  equity_page_actions_clear (&self->actions, indicators_actions, G_N_ELEMENTS (indicators_actions));
}

GActionGroup *
equity_indicators_page_get_actions (EquityIndicatorsPage *self)
{
  g_return_val_if_fail (EQUITY_IS_INDICATORS_PAGE (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

void
equity_indicators_page_set_shown (EquityIndicatorsPage *self,
                                  gboolean              shown)
{
  g_return_if_fail (EQUITY_IS_INDICATORS_PAGE (self));

  self->shown = !!shown;
  _equity_indicators_page_update_actions (self);
}
