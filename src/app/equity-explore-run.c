/* equity-explore-run.c — running the analysis again after each change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change in the editor runs the analysis again in a worker thread
 * (after a pause of DEBOUNCE_MS, so typing a title runs it once); a newer
 * run cancels the one before.
 */

#define G_LOG_DOMAIN "equity-explore-page"

#include "config.h"

#include <glib/gi18n.h>

#include "equity-explore-page-private.h"
#include "equity-explore-worker.h"

#define DEBOUNCE_MS 150
/* runs shorter than this show no progress bar at all */
#define PROGRESS_DELAY_MS 300

static void
run_progress_cb (double   fraction,
                 gpointer user_data)
{
  EquityExplorePage *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
show_progress_cb (gpointer user_data)
{
  EquityExplorePage *self = user_data;

  self->progress_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *async_result,
             gpointer      user_data)
{
  EquityExplorePage *self = user_data;
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(EquityChart) chart = NULL;
  g_autoptr(EquityChart) map = NULL;
  g_autoptr(GError) map_error = NULL;
  g_autoptr(GError) error = NULL;

  /* A newer run, another project or the page's end cancelled this one:
   * the page may be gone, so it is not touched. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (async_result))))
    return;

  result = equity_explore_run_finish (async_result, &chart, &map, &map_error, &error);
  _equity_explore_page_set_busy (self, FALSE);

  if (result == NULL)
    _equity_explore_page_show_error (self, error->message);
  else
    _equity_explore_page_show_result (self, result, chart, map, map_error);
}

void
_equity_explore_page_cancel_run (EquityExplorePage *self)
{
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  if (self->run_cancellable != NULL)
    g_cancellable_cancel (self->run_cancellable);
  g_clear_object (&self->run_cancellable);
}

void
_equity_explore_page_start_run (EquityExplorePage *self)
{
  g_autofree char *missing = NULL;

  _equity_explore_page_cancel_run (self);

  if (self->project == NULL)
    {
      _equity_explore_page_set_busy (self, FALSE);
      return;
    }

  missing = equity_analysis_editor_dup_missing (self->editor);
  if (missing != NULL)
    {
      _equity_explore_page_set_busy (self, FALSE);
      _equity_explore_page_show_message (self, "equity-explore-symbolic", _("Choose the Inputs"), missing);
      return;
    }

  self->run_cancellable = g_cancellable_new ();
  _equity_explore_page_set_busy (self, TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  if (self->progress_source == 0)
    self->progress_source = g_timeout_add_once (PROGRESS_DELAY_MS, show_progress_cb, self);

  equity_explore_run_async (equity_project_get_path (self->project),
                            equity_analysis_editor_get_analysis (self->editor),
                            _equity_explore_page_spec_chart_kind (self), self->run_cancellable,
                            run_progress_cb, self, run_done_cb, self);
}

static void
debounce_cb (gpointer user_data)
{
  EquityExplorePage *self = user_data;

  self->debounce_source = 0;
  _equity_explore_page_start_run (self);
}

void
_equity_explore_page_schedule_run (EquityExplorePage *self)
{
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  self->debounce_source = g_timeout_add_once (DEBOUNCE_MS, debounce_cb, self);
  if (!self->running)
    _equity_explore_page_set_busy (self, TRUE);
}
