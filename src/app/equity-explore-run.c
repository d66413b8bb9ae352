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

#include "equity-analysis-fields.h"
#include "equity-explore-page-private.h"

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

/* The title the editor shows for KEY of the analysis shown, or NULL */
static const char *
field_title (EquityExplorePage *self,
             const char        *key)
{
  g_autofree char *kind = equity_analysis_dup_kind (equity_analysis_editor_get_analysis (self->editor));
  const EquityKindInfo *info = equity_analysis_fields_find_kind (kind);

  for (guint i = 0; info != NULL && info->fields[i].key != NULL; i++)
    if (g_str_equal (info->fields[i].key, key))
      return _(info->fields[i].title);

  return NULL;
}

char *
_equity_explore_page_describe_error (EquityExplorePage *self,
                                     const char        *message)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *group = NULL;
  g_autofree char *key = NULL;
  g_autofree char *rest = NULL;
  const char *title;

  /* The core says where in the spec: "SOURCE: [GROUP] KEY: what is wrong".
   * The window says which input, by the title the editor gives it. */
  regex = g_regex_new ("^.*?: \\[([a-z-]+)\\](?: ([^:]+))?: (.*)$", G_REGEX_DOTALL, 0, NULL);
  if (!g_regex_match (regex, message, 0, &match))
    return g_strdup (message);

  group = g_match_info_fetch (match, 1);
  key = g_match_info_fetch (match, 2);
  rest = g_match_info_fetch (match, 3);

  /* "[groups]: …": the groups as a whole */
  if (key[0] == '\0')
    return g_strdup_printf (_("%s: %s"), g_str_equal (group, "groups") ? _("Groups") : group, rest);

  if (g_str_equal (group, "groups"))
    {
      g_autofree char *group_title = equity_analysis_fields_group_title (key);

      /* Translators: an error about the population column of a group, e.g.
       * "Groups, Black (B): …" */
      return g_strdup_printf (_("Groups, %s: %s"), group_title, rest);
    }

  title = field_title (self, key);
  if (title == NULL)
    return g_strdup_printf ("%s: %s", key, rest);

  /* Translators: an input's title and what is wrong with it */
  return g_strdup_printf (_("%s: %s"), title, rest);
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

  result = equity_analysis_run_finish (EQUITY_ANALYSIS (object), async_result,
                                       &chart, &map, &map_error, &error);
  _equity_explore_page_set_busy (self, FALSE);

  if (result == NULL)
    {
      g_autofree char *message = _equity_explore_page_describe_error (self, error->message);

      _equity_explore_page_show_error (self, message);
    }
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

  equity_analysis_run_async (equity_analysis_editor_get_analysis (self->editor),
                             equity_project_get_path (self->project),
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
