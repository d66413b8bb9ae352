/* equity-plan.c — goals and actions, their numbering, overdue and off track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "equity-error.h"
#include "equity-plan.h"
#include "equity-project-items.h"

static const char *action_statuses[] = { "not-started", "ongoing", "done", "dropped", NULL };
static const char *action_status_labels[] = { N_("Not started"), N_("Ongoing"), N_("Done"), N_("Dropped") };
static const char *priorities[] = { "high", "medium", "low", NULL };
static const char *priority_labels[] = { N_("High priority"), N_("Medium priority"), N_("Low priority") };
/* goal and position change only by moving the action, which keeps its id */
static const char *settable_fields[] = { "title", "department", "owner", "due", "status", "priority",
                                         "budget", "spent", "indicators", NULL };

void
equity_plan_action_free (EquityPlanAction *self)
{
  if (self == NULL)
    return;
  g_free (self->number);
  g_free (self->goal);
  g_free (self->title);
  g_free (self->department);
  g_free (self->owner);
  g_free (self->due);
  g_free (self->status);
  g_free (self->priority);
  g_clear_pointer (&self->indicators, g_array_unref);
  g_free (self);
}

gboolean
equity_plan_is_overdue (const char  *due,
                        const char  *status,
                        const GDate *today)
{
  GDate due_date;

  g_return_val_if_fail (today != NULL, FALSE);

  if (g_strcmp0 (status, "done") == 0 || g_strcmp0 (status, "dropped") == 0)
    return FALSE;
  return equity_item_parse_date (due, &due_date) && g_date_compare (&due_date, today) < 0;
}

/* one more than the largest position among ROWS (of GOAL_ID, when given) */
static char *
next_position (GPtrArray  *rows,
               const char *goal_id)
{
  gint64 last = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      GHashTable *row = g_ptr_array_index (rows, i);

      if (goal_id == NULL || g_strcmp0 (g_hash_table_lookup (row, "goal_id"), goal_id) == 0)
        last = MAX (last, equity_item_get_number (row, "position"));
    }
  return g_strdup_printf ("%" G_GINT64_FORMAT, last + 1);
}

static gboolean
check_title (const char  *title,
             GError     **error)
{
  if (title != NULL && *title != '\0')
    return TRUE;
  g_set_error_literal (error, EQUITY_ERROR, EQUITY_ERROR_INVALID, _("A goal or an action needs a title"));
  return FALSE;
}

gint64
equity_plan_add_goal (EquityProject  *project,
                      const char     *title,
                      GError        **error)
{
  g_autoptr(GPtrArray) goals = NULL;
  g_autofree char *position = NULL;

  if (!check_title (title, error))
    return 0;
  goals = equity_project_list_items (project, EQUITY_ITEM_GOAL, error);
  if (goals == NULL)
    return 0;
  position = next_position (goals, NULL);
  {
    const char *fields[] = { "position", position, "title", title, NULL };
    return equity_project_add_item (project, EQUITY_ITEM_GOAL, fields, error);
  }
}

gboolean
equity_plan_set_goal_title (EquityProject  *project,
                            gint64          goal_id,
                            const char     *title,
                            GError        **error)
{
  return check_title (title, error) &&
         equity_project_set_item_field (project, EQUITY_ITEM_GOAL, goal_id, "title", title, error);
}

gint64
equity_plan_add_action (EquityProject  *project,
                        gint64          goal_id,
                        const char     *title,
                        GError        **error)
{
  g_autoptr(GHashTable) goal = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *goal_text = g_strdup_printf ("%" G_GINT64_FORMAT, goal_id);
  g_autofree char *position = NULL;

  if (!check_title (title, error))
    return 0;
  goal = equity_project_get_item (project, EQUITY_ITEM_GOAL, goal_id, error);
  if (goal == NULL)
    return 0;
  actions = equity_project_list_items (project, EQUITY_ITEM_ACTION, error);
  if (actions == NULL)
    return 0;
  position = next_position (actions, goal_text);
  {
    const char *fields[] = { "goal_id", goal_text, "position", position, "title", title, NULL };
    return equity_project_add_item (project, EQUITY_ITEM_ACTION, fields, error);
  }
}

/* "3;7" or "3, 7" → "3,7"; NULL when an item is not a positive whole number */
static char *
normalize_ids (const char *text)
{
  g_auto(GStrv) items = g_regex_split_simple ("[;,\\s]+", text, 0, 0);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; items[i] != NULL; i++)
    {
      guint64 id;

      if (*items[i] == '\0')
        continue;
      if (!g_ascii_string_to_unsigned (items[i], 10, 1, G_MAXINT64, &id, NULL))
        return NULL;
      g_string_append_printf (ids, "%s%" G_GUINT64_FORMAT, ids->len ? "," : "", id);
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

gboolean
equity_plan_check_action_field (const char  *field,
                                const char  *value,
                                char       **normalized,
                                GError     **error)
{
  g_autofree char *normal = NULL;
  GDate date;

  if (g_strcmp0 (field, "status") == 0 && !equity_item_check_one_of (_("status"), value, action_statuses, error))
    return FALSE;
  if (g_strcmp0 (field, "priority") == 0 && !equity_item_check_one_of (_("priority"), value, priorities, error))
    return FALSE;
  if (g_strcmp0 (field, "title") == 0 && !check_title (value, error))
    return FALSE;
  if (g_strcmp0 (field, "due") == 0 && value != NULL && !equity_item_parse_date (value, &date))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                   _("The due date must be written as YYYY-MM-DD, not “%s”"), value);
      return FALSE;
    }
  if ((g_strcmp0 (field, "budget") == 0 || g_strcmp0 (field, "spent") == 0) && value != NULL)
    {
      char *end = NULL;
      double amount = g_ascii_strtod (value, &end);

      if (end == value || *end != '\0' || !isfinite (amount) || amount < 0)
        {
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                       _("The %s must be an amount of dollars such as 12500, not “%s”"), field, value);
          return FALSE;
        }
    }
  if (g_strcmp0 (field, "indicators") == 0)
    {
      normal = normalize_ids (value ? value : "");
      if (normal == NULL)
        {
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                       _("Indicators are named by their ids, such as “3;7”, not “%s”"), value);
          return FALSE;
        }
    }
  if (!g_strv_contains (settable_fields, field))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID, _("An action has no field “%s” to set"), field);
      return FALSE;
    }
  if (normalized != NULL)
    *normalized = normal != NULL ? g_steal_pointer (&normal) : g_strdup (value);
  return TRUE;
}

gboolean
equity_plan_set_action_field (EquityProject  *project,
                              gint64          id,
                              const char     *field,
                              const char     *value,
                              GError        **error)
{
  g_autofree char *normal = NULL;

  if (!equity_plan_check_action_field (field, value, &normal, error))
    return FALSE;
  return equity_project_set_item_field (project, EQUITY_ITEM_ACTION, id, field, normal, error);
}

gboolean
equity_plan_add_progress_note (EquityProject  *project,
                               gint64          action_id,
                               const char     *date,
                               const char     *text,
                               GError        **error)
{
  g_autoptr(GHashTable) action = equity_project_get_item (project, EQUITY_ITEM_ACTION, action_id, error);
  GDate parsed;

  if (action == NULL)
    return FALSE;
  if (!equity_item_parse_date (date, &parsed) || text == NULL || *text == '\0')
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                   _("A progress note needs a date written as YYYY-MM-DD and some text"));
      return FALSE;
    }
  return equity_project_add_note (project, action_id, date, text, error);
}

static double
amount_or_nan (const char *text)
{
  return text != NULL ? g_ascii_strtod (text, NULL) : NAN;
}

static EquityPlanAction *
action_from_row (GHashTable    *row,
                 guint          goal_number,
                 guint          action_number,
                 const char    *goal_title,
                 const GDate   *today)
{
  EquityPlanAction *self = g_new0 (EquityPlanAction, 1);
  g_auto(GStrv) ids = g_strsplit (g_hash_table_lookup (row, "indicators"), ",", -1);

  self->id = equity_item_get_number (row, "id");
  self->goal_id = equity_item_get_number (row, "goal_id");
  self->number = g_strdup_printf ("%u.%u", goal_number, action_number);
  self->goal = g_strdup (goal_title);
  self->title = g_strdup (g_hash_table_lookup (row, "title"));
  self->department = g_strdup (g_hash_table_lookup (row, "department"));
  self->owner = g_strdup (g_hash_table_lookup (row, "owner"));
  self->due = g_strdup (g_hash_table_lookup (row, "due"));
  self->status = g_strdup (g_hash_table_lookup (row, "status"));
  self->priority = g_strdup (g_hash_table_lookup (row, "priority"));
  self->budget = amount_or_nan (g_hash_table_lookup (row, "budget"));
  self->spent = amount_or_nan (g_hash_table_lookup (row, "spent"));
  self->overdue = equity_plan_is_overdue (self->due, self->status, today);
  self->indicators = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (ids[i], NULL, 10);

      if (id <= 0)
        continue;
      g_array_append_val (self->indicators, id);
    }
  return self;
}

GPtrArray *
equity_plan_list_actions_unchecked (EquityProject  *project,
                                    const GDate    *today,
                                    GError        **error)
{
  g_autoptr(GPtrArray) goals = equity_project_list_items (project, EQUITY_ITEM_GOAL, error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  GDate local_today;

  if (goals == NULL)
    return NULL;
  rows = equity_project_list_items (project, EQUITY_ITEM_ACTION, error);
  if (rows == NULL)
    return NULL;
  if (today == NULL)
    {
      g_date_clear (&local_today, 1);
      g_date_set_time_t (&local_today, time (NULL));
      today = &local_today;
    }

  /* numbers follow the order of goals, then of actions within each goal */
  actions = g_ptr_array_new_with_free_func ((GDestroyNotify) equity_plan_action_free);
  for (guint g = 0; g < goals->len; g++)
    {
      GHashTable *goal = g_ptr_array_index (goals, g);
      const char *goal_id = g_hash_table_lookup (goal, "id");
      guint n = 0;

      for (guint a = 0; a < rows->len; a++)
        {
          GHashTable *row = g_ptr_array_index (rows, a);

          if (g_strcmp0 (g_hash_table_lookup (row, "goal_id"), goal_id) == 0)
            g_ptr_array_add (actions, action_from_row (row, g + 1, ++n, g_hash_table_lookup (goal, "title"), today));
        }
    }
  return g_steal_pointer (&actions);
}

GPtrArray *
equity_plan_list_actions (EquityProject  *project,
                          const GDate    *today,
                          GError        **error)
{
  g_autoptr(GPtrArray) actions = equity_plan_list_actions_unchecked (project, today, error);
  g_autoptr(GArray) linked = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) statuses = NULL;

  if (actions == NULL)
    return NULL;
  /* only the indicators some action links to are evaluated */
  for (guint i = 0; i < actions->len; i++)
    {
      EquityPlanAction *action = g_ptr_array_index (actions, i);

      g_array_append_vals (linked, action->indicators->data, action->indicators->len);
    }
  statuses = equity_plan_evaluate_indicators (project, linked, NULL, error);
  if (statuses == NULL)
    return NULL;
  equity_plan_mark_off_track (actions, statuses);
  return g_steal_pointer (&actions);
}

gint64
equity_plan_find_action (GPtrArray  *actions,
                         const char *number)
{
  gint64 id = number[0] == '#' ? g_ascii_strtoll (number + 1, NULL, 10) : 0;

  for (guint i = 0; i < actions->len; i++)
    {
      EquityPlanAction *action = g_ptr_array_index (actions, i);

      if ((id != 0 && action->id == id) || (id == 0 && g_strcmp0 (action->number, number) == 0))
        return action->id;
    }
  return 0;
}

const char * const *
equity_plan_get_statuses (void)
{
  return action_statuses;
}

/* a word we do not know (a newer file's) is shown as it is stored */
static const char *
word_to_label (const char  *word,
               const char **words,
               const char **labels)
{
  const char *label = equity_item_word_label (word, words, labels);

  if (label != NULL)
    return label;
  return word != NULL ? word : "";
}

const char *
equity_plan_status_to_label (const char *status)
{
  return word_to_label (status, action_statuses, action_status_labels);
}

const char * const *
equity_plan_get_priorities (void)
{
  return priorities;
}

const char *
equity_plan_priority_to_label (const char *priority)
{
  return word_to_label (priority, priorities, priority_labels);
}
