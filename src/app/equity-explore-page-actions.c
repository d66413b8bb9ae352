/* equity-explore-page-actions.c — the Explore page's actions: new and save
 * analysis, copy and export chart (explore.*)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-explore-page"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-explore-page-private.h"
#include "equity-utils.h"

static void
new_analysis_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  /* the window asks first what becomes of unsaved changes */
  g_signal_emit_by_name (user_data, "new-analysis-requested");
}

static void
save_analysis_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  equity_explore_page_show_save_dialog (EQUITY_EXPLORE_PAGE (user_data));
}

static void
copy_chart_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  EquityExplorePage *self = EQUITY_EXPLORE_PAGE (user_data);
  g_autoptr(GError) error = NULL;

  if (!equity_explore_page_copy_chart (self, &error))
    equity_show_toast (GTK_WIDGET (self), error->message);
  else
    equity_show_toast (GTK_WIDGET (self), _("Chart copied to the clipboard"));
}

static void
export_chart_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  equity_explore_page_show_export_dialog (EQUITY_EXPLORE_PAGE (user_data));
}

static const GActionEntry explore_actions[] = {
  { "new-analysis", new_analysis_action },
  { "save-analysis", save_analysis_action },
  { "copy-chart", copy_chart_action },
  { "export-chart", export_chart_action },
};

void
_equity_explore_page_update_actions (EquityExplorePage *self)
{
  gboolean has_result = self->result != NULL;

  equity_page_actions_set_enabled (self->actions, "new-analysis", self->shown);
  equity_page_actions_set_enabled (self->actions, "save-analysis", self->shown && equity_explore_page_can_save (self));
  equity_page_actions_set_enabled (self->actions, "copy-chart", self->shown && has_result);
  equity_page_actions_set_enabled (self->actions, "export-chart", self->shown && has_result);
}

void
_equity_explore_page_init_actions (EquityExplorePage *self)
{
  self->actions = equity_page_actions_new (GTK_WIDGET (self), "explore", explore_actions, G_N_ELEMENTS (explore_actions));
  g_signal_connect (self, "notify::result", G_CALLBACK (_equity_explore_page_update_actions), NULL);
  _equity_explore_page_update_actions (self);
}

void
_equity_explore_page_clear_actions (EquityExplorePage *self)
{
  equity_page_actions_clear (&self->actions, explore_actions, G_N_ELEMENTS (explore_actions));
}

GActionGroup *
equity_explore_page_get_actions (EquityExplorePage *self)
{
  g_return_val_if_fail (EQUITY_IS_EXPLORE_PAGE (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

void
equity_explore_page_set_shown (EquityExplorePage *self,
                               gboolean           shown)
{
  g_return_if_fail (EQUITY_IS_EXPLORE_PAGE (self));

  self->shown = !!shown;
  _equity_explore_page_update_actions (self);
}
