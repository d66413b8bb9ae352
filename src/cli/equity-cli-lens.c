/* equity-cli-lens.c — assessments, the action plan and the change log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <glib/gi18n.h>

#include "equity-cli.h"

static EquityProject *
open_existing (const char  *path,
               const char  *actor,
               GError     **error)
{
  EquityProject *project = equity_cli_open_project (path, error);

  if (project != NULL && actor != NULL)
    equity_project_set_actor (project, actor);
  return project;
}

static GKeyFile *
load_spec (const char  *path,
           GError     **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;

  if (!g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE, "%s: %s", path, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&keys);
}

/* "FIELD=VALUE" split at the first "=" */
static gboolean
split_assignment (const char  *text,
                  char       **field,
                  char       **value)
{
  const char *equals = strchr (text, '=');

  if (equals == NULL || equals == text)
    return FALSE;
  *field = g_strndup (text, equals - text);
  *value = g_strdup (equals + 1);
  return TRUE;
}

static void
add_answers (JsonBuilder      *builder,
             EquityProject    *project,
             EquityAssessment *assessment)
{
  json_builder_set_member_name (builder, "answers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < assessment->template->questions->len; i++)
    {
      const EquityLensQuestion *question = g_ptr_array_index (assessment->template->questions, i);
      EquityAnswer *answer = g_hash_table_lookup (assessment->answers, question->id);
      g_autofree char *cited = NULL;

      if (answer == NULL)
        continue;
      json_builder_begin_object (builder);
      equity_json_add_int (builder, "step", question->step);
      equity_json_add_string (builder, "question", question->id);
      equity_json_add_string (builder, "text", question->text);
      equity_json_add_string (builder, "type", equity_answer_type_to_string (question->type));
      equity_json_add_string (builder, "value", answer->value);
      json_builder_set_member_name (builder, "cited");
      cited = equity_assessment_dup_cited_name (project, answer);
      if (answer->cited_kind == NULL)
        json_builder_add_null_value (builder);
      else
        {
          json_builder_begin_object (builder);
          equity_json_add_string (builder, "kind", answer->cited_kind);
          equity_json_add_int (builder, "id", answer->cited_id);
          equity_json_add_string (builder, "name", cited);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_assessments (EquityProject *project,
                   GPtrArray     *assessments,
                   gboolean       json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < assessments->len; i++)
    {
      EquityAssessment *assessment = g_ptr_array_index (assessments, i);
      double complete = equity_assessment_complete (assessment, 0, NULL, NULL);

      if (!json)
        {
          g_print ("%" PRId64 "\t%s\t%s\t%s\t%.0f%%\n", assessment->id, assessment->title,
                   assessment->department, assessment->status, complete * 100);
          continue;
        }
      json_builder_begin_object (builder);
      equity_json_add_int (builder, "id", assessment->id);
      equity_json_add_string (builder, "title", assessment->title);
      equity_json_add_string (builder, "department", assessment->department);
      equity_json_add_string (builder, "subject", assessment->subject);
      equity_json_add_string (builder, "status", assessment->status);
      equity_json_add_string (builder, "date", assessment->date);
      equity_json_add_string (builder, "template", assessment->template->name);
      equity_json_add_int (builder, "template_version", assessment->template->version);
      json_builder_set_member_name (builder, "complete");
      json_builder_add_double_value (builder, complete);
      json_builder_set_member_name (builder, "steps");
      json_builder_begin_array (builder);
      for (guint s = 0; s < assessment->template->steps->len; s++)
        {
          EquityLensStep *step = g_ptr_array_index (assessment->template->steps, s);
          guint answered, total;

          equity_assessment_complete (assessment, step->number, &answered, &total);
          json_builder_begin_object (builder);
          equity_json_add_int (builder, "step", step->number);
          equity_json_add_string (builder, "title", step->title);
          equity_json_add_int (builder, "answered", answered);
          equity_json_add_int (builder, "questions", total);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      add_answers (builder, project, assessment);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (json)
    equity_cli_print_built (builder);
}

/* [assessment] template, title, department, subject, date, status;
 * [answers] QUESTION = VALUE; all checked before anything is saved. */
static gint64
add_assessment (EquityProject  *project,
                const char     *path,
                GError        **error)
{
  g_autoptr(GKeyFile) keys = load_spec (path, error);
  g_autofree char *template = NULL, *title = NULL, *department = NULL, *subject = NULL;
  g_autofree char *date = NULL, *status = NULL;
  g_auto(GStrv) questions = NULL;
  g_autoptr(GHashTable) answers = NULL;
  gint64 id;

  if (keys == NULL)
    return 0;
  template = g_key_file_get_string (keys, "assessment", "template", NULL);
  title = g_key_file_get_string (keys, "assessment", "title", NULL);
  department = g_key_file_get_string (keys, "assessment", "department", NULL);
  subject = g_key_file_get_string (keys, "assessment", "subject", NULL);
  date = g_key_file_get_string (keys, "assessment", "date", NULL);
  status = g_key_file_get_string (keys, "assessment", "status", NULL);
  questions = g_key_file_get_keys (keys, "answers", NULL, NULL);

  answers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; questions != NULL && questions[i] != NULL; i++)
    g_hash_table_insert (answers, questions[i], g_key_file_get_string (keys, "answers", questions[i], NULL));
  id = equity_assessment_create_full (project, template ? template : "Equity lens", title, department,
                                      subject ? subject : "program", date, status, answers, error);
  if (id == 0)
    g_prefix_error (error, "%s: ", path);
  return id;
}

int
equity_cli_assessments (int    argc,
                        char **argv)
{
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *spec = NULL, *template = NULL, *actor = NULL, *pdf = NULL;
  g_auto(GStrv) answers = NULL;
  g_auto(GStrv) sets = NULL;
  gint64 id = 0;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    EQUITY_CLI_JSON_OPTION (&json),
    { "add", 0, 0, G_OPTION_ARG_FILENAME, &spec, N_("Begin an assessment described by SPEC.ini"), N_("SPEC.ini") },
    { "template", 0, 0, G_OPTION_ARG_FILENAME, &template,
      N_("Save FILE.ini as a new version of the template it names"), N_("FILE.ini") },
    { "id", 0, 0, G_OPTION_ARG_INT64, &id, N_("The assessment that --answer and --set change"), N_("ID") },
    { "answer", 0, 0, G_OPTION_ARG_STRING_ARRAY, &answers, N_("Answer a question"), N_("QUESTION=VALUE") },
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &sets,
      N_("Set title, department, subject, status or date"), N_("FIELD=VALUE") },
    { "as", 0, 0, G_OPTION_ARG_STRING, &actor, N_("The name the change log records (default: yours)"), N_("NAME") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Write the assessment --id names as a PDF document to sign"),
      N_("FILE.pdf") },
    { NULL }
  };

  if (!equity_cli_parse_options (equity_cli_find_command ("assessments"), entries, &argc, &argv, 1))
    return EQUITY_CLI_USAGE;
  if ((answers != NULL || sets != NULL) && id == 0)
    return equity_cli_fail_message (_("--answer and --set need --id, the assessment to change"));
  if (pdf != NULL && id == 0)
    return equity_cli_fail_message (_("--pdf needs --id, the assessment to write"));

  project = open_existing (argv[2], actor, &error);
  if (project == NULL)
    return equity_cli_fail (error);

  if (template != NULL)
    {
      g_autofree char *text = NULL;
      g_autoptr(EquityLensTemplate) saved = NULL;

      if (!g_file_get_contents (template, &text, NULL, &error))
        return equity_cli_fail (error);
      saved = equity_lens_template_save (project, text, template, &error);
      if (saved == NULL)
        return equity_cli_fail (error);
      if (!json)
        g_print (_("Saved “%s”, version %d\n"), saved->name, saved->version);
    }
  if (spec != NULL && (id = add_assessment (project, spec, &error)) == 0)
    return equity_cli_fail (error);
  for (guint i = 0; answers != NULL && answers[i] != NULL; i++)
    {
      g_autofree char *question = NULL, *value = NULL;

      if (!split_assignment (answers[i], &question, &value))
        return equity_cli_fail_message (_("--answer takes QUESTION=VALUE, not “%s”"), answers[i]);
      if (!equity_assessment_answer (project, id, question, value, &error))
        return equity_cli_fail (error);
    }
  for (guint i = 0; sets != NULL && sets[i] != NULL; i++)
    {
      g_autofree char *field = NULL, *value = NULL;

      if (!split_assignment (sets[i], &field, &value))
        return equity_cli_fail_message (_("--set takes FIELD=VALUE, not “%s”"), sets[i]);
      if (!equity_assessment_set_field (project, id, field, value, &error))
        return equity_cli_fail (error);
    }

  /* after the changes, so the document shows them */
  if (pdf != NULL)
    {
      if (!equity_assessment_write_pdf (project, id, pdf, NULL, NULL, NULL, &error))
        return equity_cli_fail (error);
      if (!json)
        g_print (_("Wrote %s\n"), pdf);
    }

  assessments = equity_assessment_list (project, &error);
  if (assessments == NULL)
    return equity_cli_fail (error);
  if (json || (spec == NULL && template == NULL && answers == NULL && sets == NULL && pdf == NULL))
    print_assessments (project, assessments, json);
  return equity_cli_close_project (project, EQUITY_CLI_OK);
}

static void
print_actions (EquityProject *project,
               GPtrArray     *actions,
               gboolean       json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < actions->len; i++)
    {
      EquityPlanAction *action = g_ptr_array_index (actions, i);

      if (!json)
        {
          g_print ("%s\t%s\t%s\t%s\t%s%s%s\n", action->number, action->title, action->owner,
                   action->due ? action->due : "—", action->status,
                   action->overdue ? _(" (overdue)") : "", action->off_track ? _(" (off track)") : "");
          continue;
        }
      json_builder_begin_object (builder);
      equity_json_add_string (builder, "id", action->number);
      equity_json_add_int (builder, "action_id", action->id);
      equity_json_add_string (builder, "title", action->title);
      equity_json_add_string (builder, "goal", action->goal);
      equity_json_add_string (builder, "department", action->department);
      equity_json_add_string (builder, "owner", action->owner);
      equity_json_add_string (builder, "due", action->due);
      equity_json_add_string (builder, "status", action->status);
      equity_json_add_string (builder, "priority", action->priority);
      json_builder_set_member_name (builder, "indicators");
      json_builder_begin_array (builder);
      for (guint k = 0; k < action->indicators->len; k++)
        json_builder_add_int_value (builder, g_array_index (action->indicators, gint64, k));
      json_builder_end_array (builder);
      equity_json_add_double (builder, "budget", action->budget);
      equity_json_add_double (builder, "spent", action->spent);
      equity_json_add_boolean (builder, "overdue", action->overdue);
      equity_json_add_boolean (builder, "off_track", action->off_track);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (json)
    equity_cli_print_built (builder);
}

/* [action] goal (its number), title, then any field of --set */
static gboolean
add_action (EquityProject  *project,
            const char     *path,
            GError        **error)
{
  g_autoptr(GKeyFile) keys = load_spec (path, error);
  g_autoptr(GPtrArray) goals = NULL;
  g_auto(GStrv) fields = NULL;
  g_autofree char *title = NULL;
  gint64 goal_number, id;

  if (keys == NULL)
    return FALSE;
  goals = equity_project_list_items (project, EQUITY_ITEM_GOAL, error);
  if (goals == NULL)
    return FALSE;
  goal_number = g_key_file_get_int64 (keys, "action", "goal", NULL);
  title = g_key_file_get_string (keys, "action", "title", NULL);
  if (goal_number < 1 || goal_number > goals->len)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                   _("%s: [action] goal must be the number of one of the plan’s %u goals"), path, goals->len);
      return FALSE;
    }
  fields = g_key_file_get_keys (keys, "action", NULL, NULL);
  /* every field checked before the action is added */
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_string (keys, "action", fields[i], NULL);

      if (!g_str_equal (fields[i], "goal") && !g_str_equal (fields[i], "title") &&
          !equity_plan_check_action_field (fields[i], value, NULL, error))
        {
          g_prefix_error (error, "%s: ", path);
          return FALSE;
        }
    }
  id = equity_plan_add_action (project, g_ascii_strtoll (g_hash_table_lookup (g_ptr_array_index (goals, goal_number - 1), "id"), NULL, 10),
                               title, error);
  for (guint i = 0; id != 0 && fields[i] != NULL; i++)
    {
      g_autofree char *value = NULL;

      if (g_str_equal (fields[i], "goal") || g_str_equal (fields[i], "title"))
        continue;
      value = g_key_file_get_string (keys, "action", fields[i], NULL);
      if (!equity_plan_set_action_field (project, id, fields[i], value, error))
        id = 0;
    }
  if (id == 0)
    g_prefix_error (error, "%s: ", path);
  return id != 0;
}

int
equity_cli_actions (int    argc,
                    char **argv)
{
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *spec = NULL, *goal = NULL, *number = NULL, *note = NULL, *actor = NULL, *today_text = NULL;
  g_auto(GStrv) sets = NULL;
  gboolean json = FALSE;
  GDate today;
  GOptionEntry entries[] = {
    EQUITY_CLI_JSON_OPTION (&json),
    { "add-goal", 0, 0, G_OPTION_ARG_STRING, &goal, N_("Add a goal at the end of the plan"), N_("TITLE") },
    { "add", 0, 0, G_OPTION_ARG_FILENAME, &spec, N_("Add the action described by SPEC.ini"), N_("SPEC.ini") },
    { "id", 0, 0, G_OPTION_ARG_STRING, &number, N_("The action that --set and --note change: 1.2, or #ID"), N_("NUMBER") },
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &sets,
      N_("Set title, department, owner, due, status, priority, budget, spent or indicators"), N_("FIELD=VALUE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Add a dated progress note"), N_("YYYY-MM-DD=TEXT") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Judge overdue actions as of this date"), N_("YYYY-MM-DD") },
    { "as", 0, 0, G_OPTION_ARG_STRING, &actor, N_("The name the change log records (default: yours)"), N_("NAME") },
    { NULL }
  };
  gint64 id = 0;

  if (!equity_cli_parse_options (equity_cli_find_command ("actions"), entries, &argc, &argv, 1))
    return EQUITY_CLI_USAGE;
  if (today_text != NULL && !equity_item_parse_date (today_text, &today))
    return equity_cli_fail_message (_("--today takes a date written as YYYY-MM-DD, not “%s”"), today_text);

  project = open_existing (argv[2], actor, &error);
  if (project == NULL)
    return equity_cli_fail (error);
  if (goal != NULL && equity_plan_add_goal (project, goal, &error) == 0)
    return equity_cli_fail (error);
  if (spec != NULL && !add_action (project, spec, &error))
    return equity_cli_fail (error);

  actions = equity_plan_list_actions (project, today_text ? &today : NULL, &error);
  if (actions == NULL)
    return equity_cli_fail (error);
  if (sets != NULL || note != NULL)
    {
      g_autofree char *date = NULL, *text = NULL;

      if (number == NULL || (id = equity_plan_find_action (actions, number)) == 0)
        return equity_cli_fail_message (_("%s: --set and --note need --id, the number of an action of the plan"),
                                        argv[2]);
      for (guint i = 0; sets != NULL && sets[i] != NULL; i++)
        {
          g_autofree char *field = NULL, *value = NULL;

          if (!split_assignment (sets[i], &field, &value))
            return equity_cli_fail_message (_("--set takes FIELD=VALUE, not “%s”"), sets[i]);
          if (!equity_plan_set_action_field (project, id, field, value, &error))
            return equity_cli_fail (error);
        }
      if (note != NULL && (!split_assignment (note, &date, &text) ||
                           !equity_plan_add_progress_note (project, id, date, text, &error)))
        return error ? equity_cli_fail (error)
                     : equity_cli_fail_message (_("--note takes YYYY-MM-DD=TEXT, not “%s”"), note);
      g_clear_pointer (&actions, g_ptr_array_unref);
      actions = equity_plan_list_actions (project, today_text ? &today : NULL, &error);
      if (actions == NULL)
        return equity_cli_fail (error);
    }
  if (json || (goal == NULL && spec == NULL && sets == NULL && note == NULL))
    print_actions (project, actions, json);
  return equity_cli_close_project (project, EQUITY_CLI_OK);
}

int
equity_cli_audit (int    argc,
                  char **argv)
{
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_autofree char *item = NULL;
  g_auto(GStrv) parts = NULL;
  gint64 item_id = 0;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Write the change log to FILE as CSV"), N_("FILE") },
    { "item", 0, 0, G_OPTION_ARG_STRING, &item,
      N_("Print only the changes to one item: assessment:ID, action:ID, goal:ID or template:ID"), N_("KIND:ID") },
    { NULL }
  };

  if (!equity_cli_parse_options (equity_cli_find_command ("audit"), entries, &argc, &argv, 1))
    return EQUITY_CLI_USAGE;
  project = open_existing (argv[2], NULL, &error);
  if (project == NULL)
    return equity_cli_fail (error);
  if (csv != NULL)
    {
      if (!equity_change_log_export_csv (project, csv, &error))
        return equity_cli_fail (error);
      return equity_cli_close_project (project, EQUITY_CLI_OK);
    }
  if (item != NULL)
    {
      parts = g_strsplit (item, ":", 2);
      if (g_strv_length (parts) != 2 || (item_id = g_ascii_strtoll (parts[1], NULL, 10)) <= 0)
        return equity_cli_fail_message (_("--item takes KIND:ID, such as assessment:1, not “%s”"), item);
    }
  text = equity_change_log_to_csv (project, parts ? parts[0] : NULL, item_id, &error);
  if (text == NULL)
    return equity_cli_fail (error);
  g_print ("%s", text);
  return equity_cli_close_project (project, EQUITY_CLI_OK);
}
