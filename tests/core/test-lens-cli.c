/* test-lens-cli.c — assessments, actions and audit on the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JSON keys are the ones ../shared/CLI.md fixes; the sample's figures
 * are counted by hand from src/core/equity-sample.c.
 */

#include "config.h"

#include <string.h>

#include "equity-core.h"
#include "test-util.h"

static void
assert_has_members (JsonObject  *object,
                    const char **names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (!json_object_has_member (object, names[i]))
      g_error ("member “%s” missing", names[i]);
}

static void
test_sample_json (TestScratch   *scratch,
                  gconstpointer  data)
{
  static const char *assessment_keys[] = { "title", "department", "status", "complete", "answers", NULL };
  static const char *action_keys[] = { "id", "title", "goal", "owner", "due", "status", "indicators",
                                       "budget", "spent", "overdue", "off_track", NULL };
  const char *dir = scratch->dir;
  g_autofree char *path = g_build_filename (dir, "sample.equity", NULL);
  g_auto(TestRun) sample = { 0 }, assessments = { 0 }, actions = { 0 }, indicators = { 0 };
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) plan = NULL;
  g_autoptr(JsonNode) listed = NULL;
  JsonObject *assessment, *action;
  JsonArray *answers;
  guint overdue = 0;
  guint arrests = 0;

  g_assert_true (test_run_cli (&sample, "sample", path, NULL));
  g_assert_true (test_run_cli (&assessments, "assessments", path, "--json", NULL));
  list = test_parse_json (assessments.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 1);
  assessment = json_array_get_object_element (json_node_get_array (list), 0);
  assert_has_members (assessment, assessment_keys);
  g_assert_cmpstr (json_object_get_string_member (assessment, "status"), ==, "draft");
  /* 8 of the default template's 18 questions are answered in the sample */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (assessment, "complete"), 8.0 / 18.0, 1e-12);
  answers = json_object_get_array_member (assessment, "answers");
  g_assert_cmpuint (json_array_get_length (answers), ==, 8);
  for (guint i = 0; i < json_array_get_length (answers); i++)
    {
      JsonObject *answer = json_array_get_object_element (answers, i);

      if (g_strcmp0 (json_object_get_string_member (answer, "question"), "evidence") == 0)
        g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (answer, "cited"), "name"),
                         ==, "Poverty by tract, Buncombe County");
    }

  g_assert_true (test_run_cli (&actions, "actions", path, "--json", NULL));
  plan = test_parse_json (actions.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (plan)), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      action = json_array_get_object_element (json_node_get_array (plan), i);
      assert_has_members (action, action_keys);
      overdue += json_object_get_boolean_member (action, "overdue");
      /* only 2.1 (the arrests) and 2.2 (the violent crime gap) link an indicator */
      if (i < 3)
        g_assert_false (json_object_get_boolean_member (action, "off_track"));
    }
  g_assert_cmpuint (overdue, ==, 1);
  action = json_array_get_object_element (json_node_get_array (plan), 3);
  g_assert_cmpstr (json_object_get_string_member (action, "id"), ==, "2.1");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (action, "indicators")), ==, 1);
  /* off track exactly when `indicators` says that indicator is */
  g_assert_true (test_run_cli (&indicators, "indicators", path, "--json", NULL));
  listed = test_parse_json (indicators.out);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (listed)); i++)
    {
      JsonObject *indicator = json_array_get_object_element (json_node_get_array (listed), i);

      if (g_str_has_prefix (json_object_get_string_member (indicator, "name"), "Arrests") && ++arrests)
        g_assert_cmpint (json_object_get_boolean_member (action, "off_track"), ==,
                         g_str_equal (json_object_get_string_member (indicator, "status"), "off-track"));
    }
  g_assert_cmpuint (arrests, ==, 1);
  g_assert_true (json_object_get_null_member (action, "budget"));
  action = json_array_get_object_element (json_node_get_array (plan), 0);
  g_assert_cmpfloat (json_object_get_double_member (action, "budget"), ==, 42000);
}

static void
test_scripted_edits (TestScratch   *scratch,
                     gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = g_build_filename (dir, "p.equity", NULL);
  g_autofree char *spec = g_build_filename (dir, "a.ini", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.ini", NULL);
  g_autofree char *csv = g_build_filename (dir, "log.csv", NULL);
  g_autofree char *action = g_build_filename (dir, "action.ini", NULL);
  g_autofree char *log_text = NULL;
  g_autofree char *before = NULL;
  g_auto(TestRun) run = { 0 };

  g_assert_true (g_file_set_contents (spec, "[assessment]\ntitle = Pools, \"evening\"\ndepartment = Parks\n"
                                      "[answers]\nproposal = Longer hours\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "[template]\nname = Bad\nsteps = 2\n[step 1]\nquestions = a\n"
                                      "[question a]\ntext = A?\ntype = text\n", -1, NULL));
  g_assert_true (g_file_set_contents (action, "[action]\ngoal = 1\ntitle = Evening hours\n"
                                      "due = 2026-01-31\nstatus = ongoing\nindicators = 4\n", -1, NULL));
  g_assert_true (test_run_cli (&run, "new", path, NULL));
  test_run_clear (&run);
  g_assert_true (test_run_cli (&run, "assessments", path, "--add", spec, "--as", "Ana Lyst", NULL));
  test_run_clear (&run);
  g_assert_true (test_run_cli (&run, "assessments", path, "--id", "1", "--answer", "asked-first=yes",
                               "--set", "status=in-review", "--as", "Ana Lyst", NULL));
  test_run_clear (&run);

  /* refusals name the file and the step, and change nothing */
  before = test_file_checksum (path);
  g_assert_false (test_run_cli (&run, "assessments", path, "--template", bad, NULL));
  g_assert_nonnull (strstr (run.err, "bad.ini: step 2 is missing"));
  test_run_clear (&run);
  g_assert_false (test_run_cli (&run, "assessments", path, "--id", "1", "--answer", "asked-first=maybe", NULL));
  g_assert_nonnull (strstr (run.err, "maybe"));
  test_run_clear (&run);
  {
    g_autofree char *after = test_file_checksum (path);
    g_assert_cmpstr (before, ==, after);
  }

  g_assert_true (test_run_cli (&run, "actions", path, "--add-goal", "Equal access to pools", NULL));
  test_run_clear (&run);
  /* a bad field refuses the whole action, before anything is written */
  {
    g_autofree char *bad_action = g_build_filename (dir, "bad-action.ini", NULL);
    g_autofree char *bad_spec = g_build_filename (dir, "bad-spec.ini", NULL);
    g_autofree char *plan_before = test_file_checksum (path);
    g_autofree char *plan_after = NULL;

    g_assert_true (g_file_set_contents (bad_action, "[action]\ngoal = 1\ntitle = X\ndue = soon\n", -1, NULL));
    g_assert_false (test_run_cli (&run, "actions", path, "--add", bad_action, NULL));
    g_assert_nonnull (strstr (run.err, "bad-action.ini: The due date must be written as YYYY-MM-DD"));
    test_run_clear (&run);
    g_assert_true (g_file_set_contents (bad_spec, "[assessment]\ntitle = Y\n[answers]\nproposal = fine\n"
                                        "asked-first = perhaps\n", -1, NULL));
    g_assert_false (test_run_cli (&run, "assessments", path, "--add", bad_spec, NULL));
    g_assert_nonnull (strstr (run.err, "bad-spec.ini: "));
    test_run_clear (&run);
    plan_after = test_file_checksum (path);
    g_assert_cmpstr (plan_before, ==, plan_after);
  }
  g_assert_true (test_run_cli (&run, "actions", path, "--add", action, NULL));
  test_run_clear (&run);
  g_assert_true (test_run_cli (&run, "actions", path, "--today", "2026-02-01", NULL));
  g_assert_nonnull (strstr (run.out, "1.1\tEvening hours"));
  g_assert_nonnull (strstr (run.out, "(overdue)"));
  test_run_clear (&run);

  g_assert_true (test_run_cli (&run, "audit", path, "--csv", csv, NULL));
  g_assert_true (g_file_get_contents (csv, &log_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (log_text, "at,who,item_kind,item_id,field,old_value,new_value\r\n"));
  /* a title with a comma and quotes comes back quoted, its quotes doubled */
  g_assert_nonnull (strstr (log_text, ",Ana Lyst,assessment,1,created,,\"template_id=1; title=Pools, \"\"evening\"\""));
  g_assert_nonnull (strstr (log_text, ",Ana Lyst,assessment,1,status,draft,in-review\r\n"));
  g_assert_nonnull (strstr (log_text, ",action,1,indicators,,4\r\n"));

  /* one item's history alone: created, two answers, the status (by hand above) */
  g_assert_true (test_run_cli (&run, "audit", path, "--item", "assessment:1", NULL));
  {
    g_auto(GStrv) lines = g_strsplit (run.out, "\r\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 1 + 4 + 1);  /* header, 4 entries, the empty tail */
    for (guint i = 1; i < 5; i++)
      g_assert_nonnull (strstr (lines[i], ",assessment,1,"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  test_add_with_scratch ("/lens-cli/sample-json", test_sample_json);
  test_add_with_scratch ("/lens-cli/scripted-edits", test_scripted_edits);

  return g_test_run ();
}
