/* test-action-plan-page.c — the Action Plan page on the sample project: the
 * numbered list and its highlights against the core's own flags, the
 * filters, journey 5 step 2 (an edit typed in the editor reaches the store
 * after the debounce, with one change log entry per field, named as in
 * preferences), an edit kept when switching away, the history; rendered
 * under Xvfb at the two window sizes people use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "equity-action-plan-page-private.h"
#include "equity-export-dialog.h"
#include "equity-preferences-window.h"
#include "indicators-page-test-util.h"

#define LOG_NAME "R. Reviewer (test)"

/* one line per row of the list: its labels */
static char *
list_text (EquityActionPlanPage *page)
{
  GString *text = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (page->action_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *labels = app_test_dup_labels (row);

      g_string_append (text, labels);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* the line of the list for the action numbered NUMBER, or NULL */
static char *
row_text (EquityActionPlanPage *page,
          const char           *number)
{
  g_autofree char *text = list_text (page);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%s|", number);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i]);
  return NULL;
}

static void
assert_listed (EquityActionPlanPage *page,
               const char           *number)
{
  g_autofree char *line = row_text (page, number);

  g_assert_nonnull (line);
}

static gboolean
checked (gpointer page)
{
  return !equity_action_plan_page_is_checking (page);
}

typedef struct
{
  EquityProject *project;
  const char    *actor;
} ActorWait;

static gboolean
actor_is (gpointer data)
{
  ActorWait *wait = data;

  return g_strcmp0 (equity_project_get_actor (wait->project), wait->actor) == 0;
}

/* Waits until the project's changes are signed ACTOR. */
static void
await_actor (EquityProject *project,
             const char    *actor)
{
  ActorWait wait = { project, actor };

  test_await (actor_is, &wait, "the project's actor set from the preference");
}

/* the page shown, its indicators evaluated by the core's worker */
static EquityActionPlanPage *
show_plan (EquityWindow *window)
{
  adw_view_stack_set_visible_child_name (window->view_stack, "action-plan");
  /* the page is given the project when shown, which starts the check */
  app_test_drain ();
  test_await (checked, EQUITY_ACTION_PLAN_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_ACTION_PLAN)), "the actions checked against their indicators");
  return EQUITY_ACTION_PLAN_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_ACTION_PLAN));
}

/* the sample's actions as the core lists them, on a connection of its own */
static GPtrArray *
core_actions (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityProject) project = equity_project_open (path, &error);
  GPtrArray *actions;

  g_assert_no_error (error);
  actions = equity_plan_list_actions (project, NULL, &error);
  g_assert_no_error (error);
  equity_project_close (project);
  return actions;
}

static EquityPlanAction *
core_action (GPtrArray  *actions,
             const char *number)
{
  gint64 id = equity_plan_find_action (actions, number);

  for (guint i = 0; i < actions->len; i++)
    if (((EquityPlanAction *) g_ptr_array_index (actions, i))->id == id)
      return g_ptr_array_index (actions, i);
  g_assert_not_reached ();
}

static void
test_list (void)
{
  g_autofree char *path = copy_sample ("list");
  g_autoptr(GPtrArray) actions = core_actions (path);
  EquityWindow *window = open_project (path, 1366, 768);
  EquityActionPlanPage *page = show_plan (window);
  g_autofree char *text = list_text (page);

  g_assert_cmpuint (actions->len, ==, 5);
  /* every action is listed with its number, under its goal's number */
  for (guint i = 0; i < actions->len; i++)
    {
      EquityPlanAction *action = g_ptr_array_index (actions, i);
      g_autofree char *line = row_text (page, action->number);

      g_assert_nonnull (line);
      g_assert_nonnull (strstr (line, action->title));
      /* the highlights say it in words, exactly where the core flags it */
      g_assert_true ((strstr (line, "|Overdue|") != NULL) == action->overdue);
      g_assert_true ((strstr (line, "|Indicator off track|") != NULL) == action->off_track);
    }
  g_assert_true (core_action (actions, "1.2")->overdue);
  g_assert_true (core_action (actions, "2.1")->off_track);
  g_assert_true (g_str_has_prefix (text, "1  "));
  g_assert_nonnull (strstr (text, "\n2  "));

  /* opened again: the actions are listed at once, no indicator evaluated on
   * this thread; until the worker answers no row is marked, the page says
   * it is checking, and then the marks are the core's */
  {
    EquityProject *project = g_object_ref (equity_window_get_project (window));
    gint64 start;

    equity_action_plan_page_set_project (page, NULL);
    start = g_get_monotonic_time ();
    equity_action_plan_page_set_project (page, project);
    g_test_message ("listed in %.3f s", (g_get_monotonic_time () - start) / 1e6);
    g_assert_true (equity_action_plan_page_is_checking (page));
    g_assert_true (gtk_widget_get_visible (page->checking_box));
    g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (page->off_track_check)));
    for (guint i = 0; i < actions->len; i++)
      {
        g_autofree char *line = row_text (page, ((EquityPlanAction *) g_ptr_array_index (actions, i))->number);

        g_assert_nonnull (line);
        g_assert_null (strstr (line, "|Indicator off track|"));
      }
    app_test_render_png (GTK_WIDGET (window), "action-plan-checking");
    test_await (checked, page, "the actions checked against their indicators");
    g_assert_false (gtk_widget_get_visible (page->checking_box));
    g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (page->off_track_check)));
    for (guint i = 0; i < actions->len; i++)
      {
        EquityPlanAction *action = g_ptr_array_index (actions, i);
        g_autofree char *line = row_text (page, action->number);

        g_assert_true ((strstr (line, "|Indicator off track|") != NULL) == action->off_track);
      }
    g_object_unref (project);
  }

  app_test_render_png (GTK_WIDGET (window), "action-plan-1366x768");
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  app_test_render_png (GTK_WIDGET (window), "action-plan-1180x760");

  /* filters: overdue only, then off track only, then a search */
  gtk_check_button_set_active (page->overdue_check, TRUE);
  assert_listed (page, "1.2");
  for (guint i = 0; i < actions->len; i++)
    {
      EquityPlanAction *action = g_ptr_array_index (actions, i);
      g_autofree char *line = row_text (page, action->number);

      g_assert_true ((line != NULL) == action->overdue);
    }
  gtk_check_button_set_active (page->overdue_check, FALSE);
  gtk_check_button_set_active (page->off_track_check, TRUE);
  for (guint i = 0; i < actions->len; i++)
    {
      EquityPlanAction *action = g_ptr_array_index (actions, i);
      g_autofree char *line = row_text (page, action->number);

      g_assert_true ((line != NULL) == action->off_track);
    }
  gtk_check_button_set_active (page->off_track_check, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (page->search_entry), "no action has this text");
  g_signal_emit_by_name (page->search_entry, "search-changed");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->list_stack), ==, "none");
  gtk_editable_set_text (GTK_EDITABLE (page->search_entry), "");
  g_signal_emit_by_name (page->search_entry, "search-changed");
  assert_listed (page, "2.1");
  close_window (window);
}

static gboolean
saved (gpointer data)
{
  return !equity_action_plan_page_has_pending (data);
}

static guint
count_changes (GPtrArray  *changes,
               const char *field)
{
  guint n = 0;

  for (guint i = 0; i < changes->len; i++)
    n += g_strcmp0 (g_hash_table_lookup (g_ptr_array_index (changes, i), "field"), field) == 0;
  return n;
}

/* Journey 5 step 2: 2.1 gets a new status and its spent budget, typed */
static gboolean
has_width (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0;
}

static void
test_edit (void)
{
  g_autofree char *path = copy_sample ("edit");
  g_autoptr(GPtrArray) before = core_actions (path);
  EquityPlanAction *old = core_action (before, "2.1");
  gint64 id = old->id;
  g_autoptr(GPtrArray) log_before = app_test_list_changes (path, "action", id);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) log_after = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  EquityWindow *window;
  EquityActionPlanPage *page;
  const char *new_status = g_strcmp0 (old->status, "done") == 0 ? "ongoing" : "done";
  guint status_index = g_strcmp0 (new_status, "done") == 0 ? 2 : 1;
  GHashTable *entry;
  g_autofree char *history = NULL;
  char old_spent[G_ASCII_DTOSTR_BUF_SIZE];

  /* opening resets every setting: the name is set on the open window, which
   * passes it on to its project */
  window = open_project (path, 1366, 768);
  g_settings_set_string (settings, "log-name", LOG_NAME);
  page = show_plan (window);
  g_assert_true (equity_action_plan_page_select (page, "2.1"));
  g_assert_cmpint (page->selected_id, ==, id);

  adw_combo_row_set_selected (page->status_row, status_index);
  /* typed a key at a time: the debounce writes it once */
  gtk_editable_set_text (GTK_EDITABLE (page->spent_row), "1");
  gtk_editable_set_text (GTK_EDITABLE (page->spent_row), "12");
  gtk_editable_set_text (GTK_EDITABLE (page->spent_row), "1250");
  gtk_editable_set_text (GTK_EDITABLE (page->spent_row), "12500.5");
  g_assert_true (equity_action_plan_page_has_pending (page));
  test_await (saved, page, "the edits saved");

  after = core_actions (path);
  g_assert_cmpstr (core_action (after, "2.1")->status, ==, new_status);
  g_assert_cmpfloat (core_action (after, "2.1")->spent, ==, 12500.5);
  log_after = app_test_list_changes (path, "action", id);
  g_assert_cmpuint (log_after->len, ==, log_before->len + 2);
  g_assert_cmpuint (count_changes (log_after, "status"), ==, count_changes (log_before, "status") + 1);
  g_assert_cmpuint (count_changes (log_after, "spent"), ==, count_changes (log_before, "spent") + 1);
  for (guint i = log_before->len; i < log_after->len; i++)
    {
      entry = g_ptr_array_index (log_after, i);
      g_assert_cmpstr (g_hash_table_lookup (entry, "who"), ==, LOG_NAME);
      if (g_str_equal (g_hash_table_lookup (entry, "field"), "status"))
        {
          g_assert_cmpstr (g_hash_table_lookup (entry, "old_value"), ==, old->status);
          g_assert_cmpstr (g_hash_table_lookup (entry, "new_value"), ==, new_status);
        }
      else
        {
          g_assert_cmpstr (g_hash_table_lookup (entry, "new_value"), ==, "12500.5");
          if (isnan (old->spent))
            g_assert_null (g_hash_table_lookup (entry, "old_value"));
          else
            {
              g_ascii_formatd (old_spent, sizeof old_spent, "%.15g", old->spent);
              g_assert_cmpstr (g_hash_table_lookup (entry, "old_value"), ==, old_spent);
            }
        }
    }
  /* the history shows the change, newest first */
  history = app_test_dup_labels (GTK_WIDGET (page->history_list));
  g_assert_true (g_str_has_prefix (history, "spent: ") || g_str_has_prefix (history, "status: "));
  g_assert_nonnull (strstr (history, "→ 12500.5|" LOG_NAME ", "));
  /* new rows are laid out in a later frame: slow under AddressSanitizer */
  test_await (has_width, gtk_widget_get_parent (GTK_WIDGET (page->history_list)), "the history laid out");
  app_test_render_png (gtk_widget_get_parent (GTK_WIDGET (page->history_list)), "action-plan-history");

  /* a bad number is refused with the core's message, nothing stored */
  gtk_editable_set_text (GTK_EDITABLE (page->budget_row), "twelve");
  test_await (saved, page, "the edits saved");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->error_label)));
  g_assert_cmpstr (gtk_label_get_label (page->error_label), !=, "");
  g_clear_pointer (&log_before, g_ptr_array_unref);
  log_before = app_test_list_changes (path, "action", id);
  g_assert_cmpuint (log_before->len, ==, log_after->len);

  /* switching away right after typing keeps the edit */
  gtk_editable_set_text (GTK_EDITABLE (page->owner_row), "D. Smith, Parks");
  g_assert_true (equity_action_plan_page_select (page, "1.1"));
  g_assert_false (equity_action_plan_page_has_pending (page));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = core_actions (path);
  g_assert_cmpstr (core_action (after, "2.1")->owner, ==, "D. Smith, Parks");
  g_assert_cmpstr (core_action (after, "1.1")->owner, !=, "D. Smith, Parks");

  /* the list's selection and the editor show the same action */
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (gtk_list_box_get_selected_row (page->action_list)),
                                                       "action-id")), ==, page->selected_id);
  g_assert_true (equity_action_plan_page_select (page, "2.1"));
  g_assert_cmpint (page->selected_id, ==, id);
  app_test_render_png (GTK_WIDGET (window), "action-plan-edit-1366x768");
  close_window (window);
  g_settings_reset (settings, "log-name");
}

/* Journey 5 of JOURNEYS.md, walked in the window: the Indicators page marks
 * the sample's off-track indicators; on the Action Plan page exactly the
 * actions tied to them are highlighted (2.1 arrests, 2.2 violent crime); one
 * gets a new status and spent budget, typed; the history and the whole log
 * say who changed what and when */
static void
test_journey (void)
{
  g_autofree char *path = copy_sample ("journey");
  g_autoptr(GPtrArray) actions = core_actions (path);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *labels = NULL;
  g_autofree char *history = NULL;
  g_autofree char *who_when = NULL;
  EquityWindow *window = open_project (path, 1366, 768);
  EquityActionPlanPage *page;
  EquityPlanAction *walk = core_action (actions, "2.2");
  GHashTable *entry;
  GtkWindow *log;
  GtkWidget *list;
  guint n_off_track = 0;
  guint n_marked = 0;

  g_settings_set_string (settings, "log-name", LOG_NAME);

  /* 1: Indicators — each one's status in words; the off-track ones counted */
  show_indicators (window);
  labels = app_test_dup_labels (GTK_WIDGET (EQUITY_INDICATORS_PAGE (_equity_window_get_page (window, EQUITY_WINDOW_PAGE_INDICATORS))));
  indicators = equity_project_list_indicators (equity_window_get_project (window), NULL);
  for (guint i = 0; i < indicators->len; i++)
    {
      EquityIndicator *indicator = g_ptr_array_index (indicators, i);
      g_autoptr(EquityIndicatorEvaluation) evaluation = equity_indicator_evaluate (equity_window_get_project (window),
                                                                                  indicator, NULL, NULL);

      g_assert_nonnull (strstr (labels, equity_indicator_get_name (indicator)));
      n_off_track += equity_indicator_evaluation_get_status (evaluation) == EQUITY_INDICATOR_OFF_TRACK;
    }
  g_assert_cmpuint (n_off_track, >=, 2);
  {
    g_autofree char *count = g_strdup_printf (" · %u off track", n_off_track);

    g_assert_nonnull (strstr (labels, count));
  }
  app_test_render_png (GTK_WIDGET (window), "journey5-1-indicators");

  /* 2: Action plan — the two actions tied to off-track indicators, only they */
  page = show_plan (window);
  for (guint i = 0; i < actions->len; i++)
    {
      EquityPlanAction *action = g_ptr_array_index (actions, i);
      g_autofree char *line = row_text (page, action->number);

      g_assert_cmpint (strstr (line, "|Indicator off track|") != NULL, ==, action->off_track);
      n_marked += action->off_track;
    }
  g_assert_cmpuint (n_marked, ==, 2);
  g_assert_true (core_action (actions, "2.1")->off_track && walk->off_track);
  app_test_render_png (GTK_WIDGET (window), "journey5-2-highlighted");

  /* 3: 2.2 started, and what it spent so far */
  g_assert_true (equity_action_plan_page_select (page, "2.2"));
  g_assert_cmpstr (walk->status, ==, "not-started");
  adw_combo_row_set_selected (page->status_row, 1);
  gtk_editable_set_text (GTK_EDITABLE (page->spent_row), "8");
  gtk_editable_set_text (GTK_EDITABLE (page->spent_row), "850");
  test_await (saved, page, "the edits saved");
  /* saved and listed again: the mark stays, with no new evaluation */
  g_assert_false (equity_action_plan_page_is_checking (page));
  {
    g_autofree char *line = row_text (page, "2.2");

    g_assert_nonnull (strstr (line, "|Ongoing|"));
    g_assert_nonnull (strstr (line, "spent 850"));
    g_assert_nonnull (strstr (line, "|Indicator off track|"));
  }

  /* 4: the log — who (the name in preferences), when (today), what, old → new */
  changes = app_test_list_changes (path, "action", walk->id);
  entry = g_ptr_array_index (changes, changes->len - 1);
  g_assert_cmpstr (g_hash_table_lookup (entry, "field"), ==, "spent");
  g_assert_null (g_hash_table_lookup (entry, "old_value"));
  g_assert_cmpstr (g_hash_table_lookup (entry, "new_value"), ==, "850");
  g_assert_cmpstr (g_hash_table_lookup (entry, "who"), ==, LOG_NAME);
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (entry, "at"), today));
  entry = g_ptr_array_index (changes, changes->len - 2);
  g_assert_cmpstr (g_hash_table_lookup (entry, "field"), ==, "status");
  g_assert_cmpstr (g_hash_table_lookup (entry, "old_value"), ==, "not-started");
  g_assert_cmpstr (g_hash_table_lookup (entry, "new_value"), ==, "ongoing");
  history = app_test_dup_labels (GTK_WIDGET (page->history_list));
  who_when = g_strdup_printf ("spent: — → 850|%s, %s", LOG_NAME, today);
  g_assert_true (g_str_has_prefix (history, who_when));
  g_assert_nonnull (strstr (history, "status: not-started → ongoing|" LOG_NAME));
  test_await (has_width, gtk_widget_get_parent (GTK_WIDGET (page->history_list)), "the history laid out");
  app_test_render_png (GTK_WIDGET (window), "journey5-3-edited");

  log = app_test_open_change_log (GTK_WIDGET (page), "plan.show-log", &list);
  g_clear_pointer (&labels, g_free);
  labels = app_test_dup_labels (gtk_widget_get_first_child (list));
  g_assert_true (g_str_has_prefix (labels, "spent: — → 850|"));
  app_test_render_png (GTK_WIDGET (log), "journey5-4-log");
  gtk_window_destroy (log);
  close_indicators (window);
  g_settings_reset (settings, "log-name");
}

/* the whole change log: every entry, newest first, narrowed by kind */
static void
test_log_window (void)
{
  g_autofree char *path = copy_sample ("log");
  EquityWindow *window = open_project (path, 1366, 768);
  EquityActionPlanPage *page = show_plan (window);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  GtkWidget *list;
  GtkWindow *log;
  g_autofree char *labels = NULL;
  GHashTable *newest;

  /* one entry of our own, so the newest is known */
  g_assert_true (equity_action_plan_page_select (page, "1.3"));
  gtk_editable_set_text (GTK_EDITABLE (page->owner_row), "@SUM(A1)");
  test_await (saved, page, "the edits saved");
  all = equity_project_list_changes (equity_window_get_project (window), NULL, 0, NULL);
  goals = equity_project_list_changes (equity_window_get_project (window), "goal", 0, NULL);
  g_assert_cmpuint (goals->len, >, 0);
  g_assert_cmpuint (goals->len, <, all->len);
  newest = g_ptr_array_index (all, all->len - 1);
  g_assert_cmpstr (g_hash_table_lookup (newest, "new_value"), ==, "@SUM(A1)");

  log = app_test_open_change_log (GTK_WIDGET (page), "plan.show-log", &list);
  g_assert_cmpuint (app_test_count_children (list), ==, all->len);
  labels = app_test_dup_labels (gtk_widget_get_first_child (list));
  /* newest first, shown as text */
  g_assert_true (g_str_has_prefix (labels, "owner: M. Okafor → @SUM(A1)|"));
  app_test_render_png (GTK_WIDGET (log), "action-plan-log");
  gtk_drop_down_set_selected (g_object_get_data (G_OBJECT (list), "kinds"), 1);
  g_assert_cmpuint (app_test_count_children (list), ==, goals->len);
  gtk_window_destroy (log);
  close_window (window);
}

/* an action is dropped (the core keeps it), one is added and named by typing */
static void
test_add_and_drop (void)
{
  g_autofree char *path = copy_sample ("add");
  EquityWindow *window = open_project (path, 1366, 768);
  EquityActionPlanPage *page = show_plan (window);
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *line = NULL;
  gint64 added;

  g_assert_true (equity_action_plan_page_select (page, "2.2"));
  gtk_widget_activate_action (GTK_WIDGET (page), "plan.drop-action", NULL);
  after = core_actions (path);
  g_assert_cmpuint (after->len, ==, 5);
  g_assert_cmpstr (core_action (after, "2.2")->status, ==, "dropped");
  line = row_text (page, "2.2");
  g_assert_nonnull (strstr (line, "|Dropped|"));

  gtk_widget_activate_action (GTK_WIDGET (page), "plan.add-action", NULL);
  added = page->selected_id;
  g_assert_cmpint (added, !=, 0);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (page->title_row))
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (page->title_row)));
  gtk_editable_set_text (GTK_EDITABLE (page->title_row), "Quarterly stop data <b>review</b>");
  /* leaving the page saves at once */
  adw_view_stack_set_visible_child_name (window->view_stack, "datasets");
  g_assert_false (equity_action_plan_page_has_pending (page));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = core_actions (path);
  g_assert_cmpuint (after->len, ==, 6);
  g_assert_cmpint (core_action (after, "2.3")->id, ==, added);
  g_assert_cmpstr (core_action (after, "2.3")->title, ==, "Quarterly stop data <b>review</b>");
  /* shown as typed, not as markup */
  g_clear_pointer (&line, g_free);
  line = row_text (page, "2.3");
  g_assert_nonnull (strstr (line, "|Quarterly stop data <b>review</b>|"));
  close_window (window);
}

/* the name typed in Preferences is the one the open project's log records;
 * emptied, the desktop user's real name */
static void
test_log_name_preference (void)
{
  g_autofree char *path = copy_sample ("name");
  EquityWindow *window = open_project (path, 1366, 768);
  EquityProject *project = equity_window_get_project (window);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *preferences = equity_preferences_window_new (GTK_WINDOW (window));
  GtkWidget *row;
  g_autofree char *stored = NULL;

  g_assert_cmpstr (equity_project_get_actor (project), ==, g_get_real_name ());
  app_test_show_window (GTK_WINDOW (preferences));
  row = app_test_find_of_type (preferences, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Maya Lopez, Office of Equity");
  /* the setting's change reaches the window through the main loop */
  await_actor (project, "Maya Lopez, Office of Equity");
  stored = g_settings_get_string (settings, "log-name");
  g_assert_cmpstr (stored, ==, "Maya Lopez, Office of Equity");
  g_assert_cmpstr (equity_project_get_actor (project), ==, "Maya Lopez, Office of Equity");
  app_test_render_png (preferences, "preferences-log-name");
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  await_actor (project, g_get_real_name ());
  g_assert_cmpstr (equity_project_get_actor (project), ==, g_get_real_name ());
  gtk_window_destroy (GTK_WINDOW (preferences));
  close_window (window);
}

/* a project without a plan teaches what a plan is; its button starts one */
static void
test_empty (void)
{
  g_autofree char *path = test_create_project_file (explore_test_get_dir (), "empty.equity");
  g_autoptr(GPtrArray) actions = NULL;
  EquityWindow *window;
  EquityActionPlanPage *page;

  window = open_project (path, 1180, 760);
  page = show_plan (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->main_stack), ==, "empty");
  app_test_render_png (GTK_WIDGET (window), "action-plan-empty");
  gtk_widget_activate_action (GTK_WIDGET (page), "plan.add-goal", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->main_stack), ==, "plan");
  actions = core_actions (path);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpstr (((EquityPlanAction *) g_ptr_array_index (actions, 0))->number, ==, "1.1");
  g_assert_cmpint (page->selected_id, ==, ((EquityPlanAction *) g_ptr_array_index (actions, 0))->id);
  close_window (window);
}

/* closing the window right after typing keeps the edit */
static void
test_close_keeps_edit (void)
{
  g_autofree char *path = copy_sample ("close");
  EquityWindow *window = open_project (path, 1366, 768);
  EquityActionPlanPage *page = show_plan (window);
  g_autoptr(GPtrArray) after = NULL;

  g_assert_true (equity_action_plan_page_select (page, "1.2"));
  gtk_editable_set_text (GTK_EDITABLE (page->spent_row), "950");
  g_assert_true (equity_action_plan_page_has_pending (page));
  close_window (window);
  after = core_actions (path);
  g_assert_cmpfloat (core_action (after, "1.2")->spent, ==, 950);
}

/* the council packet's dialog offers the Action plan sheet, ticked */
static void
test_export_option (void)
{
  g_autofree char *path = copy_sample ("export");
  EquityWindow *window = open_project (path, 1366, 768);
  EquityExportDialog *dialog = equity_export_dialog_new (GTK_WINDOW (window), equity_window_get_project (window));
  EquityWorkbookOptions options;
  g_autofree char *labels = NULL;

  app_test_show_window (GTK_WINDOW (dialog));
  labels = app_test_dup_labels (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (labels, "|Action plan|"));
  equity_export_dialog_get_options (dialog, &options);
  g_assert_false (options.skip_plan);
  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  explore_test_init (&argc, &argv);
  g_test_add_func ("/action-plan-page/list", test_list);
  g_test_add_func ("/action-plan-page/edit", test_edit);
  g_test_add_func ("/action-plan-page/journey-5", test_journey);
  g_test_add_func ("/action-plan-page/add-and-drop", test_add_and_drop);
  g_test_add_func ("/action-plan-page/empty", test_empty);
  g_test_add_func ("/action-plan-page/close-keeps-edit", test_close_keeps_edit);
  g_test_add_func ("/action-plan-page/export-option", test_export_option);
  g_test_add_func ("/action-plan-page/log-name-preference", test_log_name_preference);
  g_test_add_func ("/action-plan-page/log-window", test_log_window);
  return explore_test_run ();
}
