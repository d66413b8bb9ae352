/* equity-window-explore.c — the window around the Explore page: which page
 * is shown, and unsaved changes asked about before an analysis is left
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-window"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-window-private.h"
#include "equity-utils.h"

/* Explore is built when first needed: until then nothing is shown in it */
static EquitySavedAnalysis *
shown_analysis (EquityWindow *self)
{
  return self->explore_page != NULL ? equity_explore_page_get_analysis (self->explore_page) : NULL;
}

static gboolean
has_unsaved_changes (EquityWindow *self)
{
  return self->explore_page != NULL && equity_explore_page_has_unsaved_changes (self->explore_page);
}

static EquityExplorePage *
explore_page (EquityWindow *self)
{
  return EQUITY_EXPLORE_PAGE (_equity_window_get_page (self, EQUITY_WINDOW_PAGE_EXPLORE));
}

/* What follows once the analysis shown may be left */
typedef enum
{
  LEAVE_TO_ANALYSIS,      /* the saved analysis TARGET, or a new one */
  LEAVE_CLOSING_PROJECT,
  LEAVE_CLOSING_WINDOW,
  LEAVE_TO_PROJECT,       /* another project, at PATH */
} LeaveReason;

static void
leave_analysis (EquityWindow        *self,
                LeaveReason          reason,
                EquitySavedAnalysis *target,
                const char          *path)
{
  switch (reason)
    {
    case LEAVE_TO_ANALYSIS:
      _equity_window_bind_page (self, EQUITY_WINDOW_PAGE_EXPLORE);
      if (target != NULL)
        {
          equity_explore_page_set_analysis (explore_page (self), target);
          adw_view_stack_set_visible_child_name (self->view_stack, "explore");
          adw_leaflet_set_visible_child (self->leaflet, self->content_box);
        }
      else
        equity_explore_page_new_analysis (explore_page (self));
      break;

    case LEAVE_CLOSING_PROJECT:
      equity_window_close_project (self);
      break;

    case LEAVE_CLOSING_WINDOW:
      self->may_close = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;

    case LEAVE_TO_PROJECT:
      _equity_window_open_project_now (self, path);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     EquityWindow     *self)
{
  EquitySavedAnalysis *target = g_object_get_data (G_OBJECT (dialog), "equity-target");
  const char *path = g_object_get_data (G_OBJECT (dialog), "equity-path");
  LeaveReason reason = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "equity-reason"));
  EquitySavedAnalysis *shown = shown_analysis (self);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") == 0 && shown == NULL)
    /* a new analysis needs a name first; then the user goes on */
    equity_explore_page_show_save_dialog (self->explore_page);
  else if (g_strcmp0 (response, "save") == 0)
    {
      g_autofree char *name = g_strdup (equity_saved_analysis_get_name (shown));

      if (!equity_explore_page_save_analysis (self->explore_page, name, &error))
        {
          /* nothing is lost: the changes stay in view */
          _equity_window_show_error (self, _("Could Not Save the Analysis"), error->message);
          return;
        }
      leave_analysis (self, reason, target, path);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    leave_analysis (self, reason, target, path);
  else
    /* the sidebar stays on the analysis that stays */
    equity_sidebar_mark_analysis (self->sidebar,
                                  shown != NULL ? equity_saved_analysis_get_name (shown) : NULL);
}

/* Leaves the analysis shown for REASON; first asks what becomes of its
 * unsaved changes, if it has any. */
static void
confirm_leave_analysis (EquityWindow        *self,
                        LeaveReason          reason,
                        EquitySavedAnalysis *target,
                        const char          *path)
{
  EquitySavedAnalysis *shown = shown_analysis (self);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (!has_unsaved_changes (self))
    {
      leave_analysis (self, reason, target, path);
      return;
    }

  /* The same analysis again: its changes stay in view. */
  if (reason == LEAVE_TO_ANALYSIS && target != NULL && shown != NULL
      && g_strcmp0 (equity_saved_analysis_get_name (target), equity_saved_analysis_get_name (shown)) == 0)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "explore");
      adw_leaflet_set_visible_child (self->leaflet, self->content_box);
      return;
    }

  if (shown != NULL)
    {
      /* Translators: %s is the name of a saved analysis */
      heading = g_strdup_printf (_("Save Changes to “%s”?"), equity_saved_analysis_get_name (shown));
      dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                       _("The analysis was changed since it was saved. Changes that are not saved are lost."));
    }
  else
    dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save the New Analysis?"),
                                     _("The analysis shown was never saved. If it is not saved, it is lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", shown != NULL ? _("_Save") : _("_Save…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "equity-reason", GUINT_TO_POINTER (reason));
  if (target != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "equity-target", g_object_ref (target), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "equity-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_equity_window_open_analysis (EquityWindow        *self,
                              EquitySavedAnalysis *analysis)
{
  g_return_if_fail (EQUITY_IS_WINDOW (self));
  g_return_if_fail (EQUITY_IS_SAVED_ANALYSIS (analysis));

  confirm_leave_analysis (self, LEAVE_TO_ANALYSIS, analysis, NULL);
}

gboolean
_equity_window_ask_before_closing (EquityWindow *self,
                                   gboolean      whole_window)
{
  g_return_val_if_fail (EQUITY_IS_WINDOW (self), FALSE);

  if ((whole_window && self->may_close)
      || !has_unsaved_changes (self))
    return FALSE;

  confirm_leave_analysis (self, whole_window ? LEAVE_CLOSING_WINDOW : LEAVE_CLOSING_PROJECT, NULL, NULL);
  return TRUE;
}

gboolean
_equity_window_ask_before_opening (EquityWindow *self,
                                   const char   *path)
{
  g_return_val_if_fail (EQUITY_IS_WINDOW (self), FALSE);

  if (!has_unsaved_changes (self))
    return FALSE;
  confirm_leave_analysis (self, LEAVE_TO_PROJECT, NULL, path);
  return TRUE;
}

/* The sidebar marks the saved analysis shown, also after Save As. */
static void
shown_analysis_changed_cb (EquityWindow *self)
{
  EquitySavedAnalysis *shown = shown_analysis (self);

  equity_sidebar_mark_analysis (self->sidebar, shown != NULL ? equity_saved_analysis_get_name (shown) : NULL);
}

/* explore.new-analysis: the page asks, the window first settles the changes */
static void
new_analysis_requested_cb (EquityWindow *self)
{
  confirm_leave_analysis (self, LEAVE_TO_ANALYSIS, NULL, NULL);
}

/* The page owns its actions; the window's menu and these shortcuts reach them
 * through the group the window inserts when it builds the page. */
void
_equity_window_class_add_explore_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "explore.save-analysis", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "explore.copy-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "explore.export-chart", NULL);
}

/* A line of the scan opens its analysis: a saved one is selected, a built
 * one is filled in as a new analysis. */
static void
scan_open_measure_cb (EquityWindow *self,
                      const char   *analysis_name,
                      const char   *spec_text,
                      gpointer      page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityAnalysis) spec = NULL;

  if (self->project == NULL)
    return;
  if (analysis_name != NULL)
    {
      EquitySavedAnalysis *saved = equity_project_find_analysis (self->project, analysis_name);

      if (saved != NULL)
        {
          adw_view_stack_set_visible_child_name (self->view_stack, "explore");
          _equity_window_open_analysis (self, saved);
          return;
        }
      _equity_window_show_error (self, _("The Analysis Is Gone"),
                                 _("The scan ran a saved analysis that has since been deleted or renamed. "
                                   "Run the scan again."));
      return;
    }
  if (has_unsaved_changes (self))
    {
      _equity_window_show_error (self, _("Explore Has Unsaved Changes"),
                                 _("Save or discard the changes to the analysis in Explore, then open the "
                                   "scan’s measure again."));
      return;
    }
  spec = spec_text != NULL ? equity_analysis_new_from_data (spec_text, -1, NULL, &error) : NULL;
  if (spec == NULL)
    {
      _equity_window_show_error (self, _("The Measure Cannot Be Opened"),
                                 error != NULL ? error->message : _("The scan kept no spec for it."));
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "explore");
  _equity_window_bind_page (self, EQUITY_WINDOW_PAGE_EXPLORE);
  equity_explore_page_open_spec (explore_page (self), spec);
}

/* wires a page just built: Explore, or the Scan page that opens its
 * measures there */
void
_equity_window_explore_page_built (EquityWindow     *self,
                                   EquityWindowPage  page)
{
  if (page == EQUITY_WINDOW_PAGE_SCAN)
    {
      g_signal_connect_object (self->scan_page, "open-measure",
                               G_CALLBACK (scan_open_measure_cb), self, G_CONNECT_SWAPPED);
      return;
    }

  g_signal_connect_object (self->explore_page, "new-analysis-requested",
                           G_CALLBACK (new_analysis_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->explore_page, "notify::analysis",
                           G_CALLBACK (shown_analysis_changed_cb), self, G_CONNECT_SWAPPED);
}
