/* test-lens.c — equity-lens templates and assessments, and their change log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Completeness is counted here by hand from the template text; the change
 * log is checked entry by entry against the edits the test made.
 */

#include "config.h"

#include <string.h>

#include "equity-core.h"
#include "equity-project-private.h"
#include "equity-schema.h"
#include "test-util.h"

/* a project whose changes are logged as a fixed person's */
static void
lens_set_up (TestProject   *fixture,
             gconstpointer  data)
{
  test_project_set_up (fixture, "lens.equity");
  equity_project_set_actor (fixture->project, "Test Analyst");
}

#define lens_test_add(path, func) \
  g_test_add ((path), TestProject, NULL, lens_set_up, (func), test_project_tear_down)

/* two steps: step 1 has three questions, step 2 two */
static const char small_template[] =
  "[template]\nname = Small lens\nsteps = 2\n"
  "[step 1]\ntitle = One\nquestions = what;where;ready\n"
  "[question what]\ntext = What is it?\ntype = text\n"
  "[question where]\ntext = Where?\ntype = checklist\noptions = Shiloh;Southside;Montford\n"
  "[question ready]\ntext = Ready?\ntype = yes-no\n"
  "[step 2]\ntitle = Two\nquestions = effect;how\n"
  "[question effect]\ntext = Effect?\ntype = choice\noptions = Widen;Narrow\n"
  "[question how]\ntext = How?\ntype = text\n";

static gint64
start_small (TestProject *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityLensTemplate) template = equity_lens_template_save (fixture->project, small_template,
                                                                      "small.ini", &error);
  gint64 id;

  g_assert_no_error (error);
  g_assert_cmpint (template->version, ==, 1);
  id = equity_assessment_create (fixture->project, "Small lens", "Pool hours", "Parks and Recreation",
                                 "program", "2026-03-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
answer (TestProject    *fixture,
        gint64      id,
        const char *question,
        const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (equity_assessment_answer (fixture->project, id, question, value, &error));
  g_assert_no_error (error);
}

static EquityAssessment *
load_ok (TestProject *fixture,
         gint64       id)
{
  g_autoptr(GError) error = NULL;
  EquityAssessment *assessment = equity_assessment_load (fixture->project, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (assessment);
  return assessment;
}

/* an answer the store must refuse with CODE, saying MESSAGE_PART (if not NULL) */
static void
answer_refused (TestProject *fixture,
                gint64       id,
                const char  *question,
                const char  *value,
                int          code,
                const char  *message_part)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (equity_assessment_answer (fixture->project, id, question, value, &error));
  g_assert_error (error, EQUITY_ERROR, code);
  if (message_part != NULL)
    g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_default_templates (TestProject       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = equity_lens_template_list_latest (fixture->project, &error);
  EquityLensTemplate *budget, *lens;

  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 2);
  budget = g_ptr_array_index (templates, 0);
  lens = g_ptr_array_index (templates, 1);
  g_assert_cmpstr (budget->name, ==, "Budget request equity check");
  g_assert_cmpstr (lens->name, ==, "Equity lens");
  /* the six steps of FRAMEWORK-ANCHORS §2 (GARE toolkit), three questions each */
  g_assert_cmpuint (lens->steps->len, ==, 6);
  g_assert_cmpuint (lens->questions->len, ==, 18);
  g_assert_cmpstr (((EquityLensStep *) g_ptr_array_index (lens->steps, 1))->title, ==, "Data");
  g_assert_cmpint (equity_lens_template_find_question (lens, "evidence")->type, ==, EQUITY_ANSWER_CITATION);
}

static void
test_completeness (TestProject       *fixture,
                   gconstpointer  data)
{
  gint64 id = start_small (fixture);
  g_autoptr(EquityAssessment) empty = load_ok (fixture, id);
  g_autoptr(EquityAssessment) half = NULL;
  guint answered, total;

  g_assert_cmpfloat (equity_assessment_complete (empty, 0, &answered, &total), ==, 0);
  g_assert_cmpuint (total, ==, 5);

  answer (fixture, id, "what", "Longer pool hours at Walton Street");
  answer (fixture, id, "where", "Southside\nShiloh");
  answer (fixture, id, "how", "  ");   /* blank: not an answer */
  answer (fixture, id, "effect", "Narrow");

  /* by hand: step 1 has 2 of 3, step 2 has 1 of 2 ("how" is blank), all 3 of 5 */
  half = load_ok (fixture, id);
  g_assert_cmpfloat_with_epsilon (equity_assessment_complete (half, 1, &answered, &total), 2.0 / 3.0, 1e-12);
  g_assert_cmpuint (answered, ==, 2);
  g_assert_cmpuint (total, ==, 3);
  g_assert_cmpfloat (equity_assessment_complete (half, 2, &answered, &total), ==, 0.5);
  g_assert_cmpfloat (equity_assessment_complete (half, 0, &answered, &total), ==, 0.6);
  /* stored as given, markup and all */
  answer (fixture, id, "what", "<b>Pools</b> & =SUM(A1)");
  g_clear_pointer (&half, equity_assessment_free);
  half = load_ok (fixture, id);
  g_assert_cmpstr (((EquityAnswer *) g_hash_table_lookup (half->answers, "what"))->value, ==,
                   "<b>Pools</b> & =SUM(A1)");

  /* a choice set back to "not answered" in the window is erased, not refused:
   * by hand, step 2 then has 0 of 2 ("how" blank, "effect" erased) */
  answer (fixture, id, "effect", "");
  g_clear_pointer (&half, equity_assessment_free);
  half = load_ok (fixture, id);
  g_assert_cmpfloat (equity_assessment_complete (half, 2, &answered, &total), ==, 0);
  g_assert_cmpuint (total, ==, 2);
}

static void
test_answer_checks (TestProject       *fixture,
                    gconstpointer  data)
{
  gint64 id = start_small (fixture);
  g_autoptr(GError) error = NULL;

  answer_refused (fixture, id, "ready", "maybe", EQUITY_ERROR_INVALID, NULL);
  answer_refused (fixture, id, "where", "Shiloh\nAtlantis", EQUITY_ERROR_INVALID, "Atlantis");
  answer_refused (fixture, id, "nope", "x", EQUITY_ERROR_NOT_FOUND, NULL);
  g_assert_false (equity_assessment_set_field (fixture->project, id, "status", "approved", &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID);
  g_clear_error (&error);
  /* refused answers left nothing behind, not even a log entry */
  g_assert_cmpint (test_query_int (equity_project_get_db (fixture->project),
                                   "SELECT count(*) FROM assessment_answers"), ==, 0);
}

static void
test_template_versions (TestProject       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = start_small (fixture);
  g_autoptr(EquityLensTemplate) second = NULL;
  g_autoptr(EquityAssessment) old = NULL;
  g_autofree char *edited = NULL;
  gint64 newer;

  answer (fixture, id, "effect", "Widen");

  /* the edit rewords a question and drops an option already chosen */
  {
    g_autoptr(GString) text = g_string_new (small_template);
    g_string_replace (text, "Effect?", "What will it do to the gaps?", 0);
    g_string_replace (text, "options = Widen;Narrow", "options = Narrow;Keep", 0);
    edited = g_string_free (g_steal_pointer (&text), FALSE);
  }
  second = equity_lens_template_save (fixture->project, edited, "small.ini", &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->version, ==, 2);

  old = load_ok (fixture, id);
  g_assert_cmpint (old->template->version, ==, 1);
  g_assert_cmpstr (equity_lens_template_find_question (old->template, "effect")->text, ==, "Effect?");
  g_assert_cmpstr (((EquityAnswer *) g_hash_table_lookup (old->answers, "effect"))->value, ==, "Widen");
  /* its questions still take the old options */
  answer (fixture, id, "effect", "Widen");

  newer = equity_assessment_create (fixture->project, "Small lens", "Library hours", "Libraries",
                                    "policy", NULL, &error);
  g_assert_no_error (error);
  answer_refused (fixture, newer, "effect", "Widen", EQUITY_ERROR_INVALID, NULL);
}

static void
assert_refused (const char *text,
                const char *first_part,
                const char *second_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityLensTemplate) template = equity_lens_template_parse (text, "bad.ini", &error);

  g_assert_null (template);
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "bad.ini"));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, first_part));
  g_assert_nonnull (strstr (error->message, second_part));
}

static void
test_bad_templates (void)
{
  static const struct
  {
    const char *find;   /* replaced by CHANGE; NULL: CHANGE is appended */
    const char *change;
    const char *first_part;
    const char *second_part;
  } cases[] = {
    /* step 2 taken out */
    { "[step 2]\ntitle = Two\nquestions = effect;how\n", "", "step 2 is missing", "2 steps" },
    /* an id listed in two steps */
    { "questions = effect;how", "questions = effect;what", "step 2", "“what” is used twice (also in step 1)" },
    /* a [question] group written twice */
    { NULL, "[question how]\ntext = Again?\ntype = text\n", "line 27",
      "[question how] is written twice (first on line 24)" },
    /* a step beyond the count, and a question without its group */
    { NULL, "[step 3]\ntitle = Three\nquestions = x\n", "[step 3]", "2 steps" },
    { "questions = effect;how", "questions = effect;how;why", "step 2", "“why” has no [question why] group" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new (small_template);

      if (cases[i].find != NULL)
        g_string_replace (text, cases[i].find, cases[i].change, 0);
      else
        g_string_append (text, cases[i].change);
      assert_refused (text->str, cases[i].first_part, cases[i].second_part);
    }
}

static void
test_citation (TestProject       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityAssessment) assessment = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GArray) no_datasets = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = equity_assessment_create (fixture->project, "Equity lens", "Pools", "Parks", "program",
                                        NULL, &error);
  EquityAnswer *cited;

  g_assert_no_error (error);
  answer_refused (fixture, id, "evidence", "No such analysis", EQUITY_ERROR_NOT_FOUND, NULL);

  g_assert_true (equity_project_save_analysis (fixture->project, "Pool visits", "group-rates",
                                               "[analysis]\nkind = group-rates\n", no_datasets, &error));
  g_assert_no_error (error);
  answer (fixture, id, "evidence", "Pool visits");
  assessment = equity_assessment_load (fixture->project, id, &error);
  cited = g_hash_table_lookup (assessment->answers, "evidence");
  g_assert_cmpstr (cited->cited_kind, ==, "analysis");
  g_assert_cmpint (cited->cited_id, ==, equity_project_get_analysis_id (fixture->project, "Pool visits", NULL));
  name = equity_assessment_dup_cited_name (fixture->project, cited);
  g_assert_cmpstr (name, ==, "Pool visits");
}

static const char *
field (GPtrArray  *rows,
       guint       index,
       const char *name)
{
  return g_hash_table_lookup (g_ptr_array_index (rows, index), name);
}

static void
test_audit_trail (TestProject       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  guint before = test_query_int (equity_project_get_db (fixture->project), "SELECT count(*) FROM change_log");
  gint64 id = start_small (fixture);
  sqlite3 *db = equity_project_get_db (fixture->project);
  g_autofree char *item = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  answer (fixture, id, "what", "first");
  answer (fixture, id, "what", "second");
  answer (fixture, id, "what", "second");  /* saved again unchanged: no change, no entry */
  g_assert_true (equity_assessment_set_field (fixture->project, id, "status", "in-review", &error));
  g_assert_true (equity_assessment_set_field (fixture->project, id, "status", "in-review", &error));

  /* the template's version, the assessment, two answers, the status: five entries */
  log = equity_project_list_changes (fixture->project, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, before + 5);
  g_assert_cmpstr (field (log, before, "item_kind"), ==, "template");
  g_assert_cmpstr (field (log, before + 1, "field"), ==, "created");
  g_assert_cmpstr (field (log, before + 1, "item_id"), ==, item);
  g_assert_cmpstr (field (log, before + 2, "field"), ==, "answer:what");
  g_assert_null (field (log, before + 2, "old_value"));
  g_assert_cmpstr (field (log, before + 2, "new_value"), ==, "first");
  g_assert_cmpstr (field (log, before + 3, "old_value"), ==, "first");
  g_assert_cmpstr (field (log, before + 3, "new_value"), ==, "second");
  g_assert_cmpstr (field (log, before + 4, "field"), ==, "status");
  g_assert_cmpstr (field (log, before + 4, "old_value"), ==, "draft");
  g_assert_cmpstr (field (log, before + 4, "new_value"), ==, "in-review");
  g_assert_cmpstr (field (log, before + 4, "who"), ==, "Test Analyst");
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       field (log, before + 4, "at"), 0, 0));

  /* the log refuses to be edited or emptied, even by raw SQL */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE change_log SET new_value = 'x'", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_TRIGGER);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM change_log", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_TRIGGER);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM change_log"), ==, before + 5);
}

/* The history names an answer by its question's text in the assessment's own
 * version (the texts below are small_template's), any other field and an
 * unknown question by the stored field; the CSV keeps the stored field. */
static void
test_field_labels (TestProject   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = start_small (fixture);
  gint64 gone = equity_assessment_create (fixture->project, "Small lens", "Library hours", "Libraries",
                                          "policy", NULL, &error);
  g_autoptr(EquityLensTemplate) template = NULL;
  g_autoptr(EquityLensTemplate) second = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *what = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *status = NULL;
  g_autofree char *no_template = NULL;

  g_assert_no_error (error);
  answer (fixture, id, "what", "Longer pool hours");
  answer (fixture, id, "effect", "Narrow");
  answer (fixture, gone, "ready", "yes");
  g_assert_true (equity_assessment_set_field (fixture->project, id, "status", "in-review", &error));
  /* a later version rewords a question: the assessment keeps its own words */
  {
    g_autoptr(GString) text = g_string_new (small_template);
    g_string_replace (text, "Effect?", "What will it do to the gaps?", 0);
    edited = g_string_free (g_steal_pointer (&text), FALSE);
  }
  second = equity_lens_template_save (fixture->project, edited, "small.ini", &error);
  g_assert_no_error (error);
  g_assert_true (equity_project_delete_assessment (fixture->project, gone, &error));

  template = equity_assessment_load_template (fixture->project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (template->version, ==, 1);
  what = equity_assessment_dup_field_label (template, "answer:what");
  g_assert_cmpstr (what, ==, "What is it?");
  unknown = equity_assessment_dup_field_label (template, "answer:removed-later");
  g_assert_cmpstr (unknown, ==, "answer:removed-later");
  status = equity_assessment_dup_field_label (template, "status");
  g_assert_cmpstr (status, ==, "status");
  no_template = equity_assessment_dup_field_label (NULL, "answer:what");
  g_assert_cmpstr (no_template, ==, "answer:what");
  g_assert_null (equity_assessment_load_template (fixture->project, gone, &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* the whole log: created, two answers, the status; the deleted one's answer keeps its id */
  log = equity_project_list_changes (fixture->project, NULL, 0, &error);
  g_assert_no_error (error);
  equity_change_log_label_fields (fixture->project, log);
  for (guint i = 0; i < log->len; i++)
    {
      const char *stored = field (log, i, "field");
      const char *label = field (log, i, "field_label");
      gint64 item = g_ascii_strtoll (field (log, i, "item_id"), NULL, 10);
      gboolean of_assessment = g_strcmp0 (field (log, i, "item_kind"), "assessment") == 0;

      if (of_assessment && item == id && g_strcmp0 (stored, "answer:what") == 0)
        g_assert_cmpstr (label, ==, "What is it?");
      else if (of_assessment && item == id && g_strcmp0 (stored, "answer:effect") == 0)
        g_assert_cmpstr (label, ==, "Effect?");
      else
        g_assert_cmpstr (label, ==, stored);
    }

  csv = equity_change_log_to_csv (fixture->project, "assessment", id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, ",answer:what,,Longer pool hours\r\n"));
  g_assert_null (strstr (csv, "What is it?"));
}

static void
test_concurrent_edits (TestProject       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityProject) second = NULL;
  g_autoptr(EquityAssessment) result = NULL;
  g_autoptr(GPtrArray) log = NULL;
  gint64 id = start_small (fixture);

  second = test_open_project (equity_project_get_path (fixture->project));
  equity_project_set_actor (second, "Second Window");

  /* both windows loaded the assessment before either wrote */
  answer (fixture, id, "what", "from the first window");
  g_assert_true (equity_assessment_answer (second, id, "what", "from the second window", &error));
  g_assert_true (equity_assessment_answer (second, id, "how", "only the second answered this", &error));
  answer (fixture, id, "ready", "yes");
  g_assert_no_error (error);

  result = equity_assessment_load (fixture->project, id, &error);
  g_assert_cmpstr (((EquityAnswer *) g_hash_table_lookup (result->answers, "what"))->value, ==,
                   "from the second window");
  g_assert_cmpstr (((EquityAnswer *) g_hash_table_lookup (result->answers, "how"))->value, ==,
                   "only the second answered this");
  g_assert_cmpstr (((EquityAnswer *) g_hash_table_lookup (result->answers, "ready"))->value, ==, "yes");

  log = equity_project_list_changes (second, "assessment", id, &error);
  /* created, then the four answers; the second write names the first as its old value */
  g_assert_cmpuint (log->len, ==, 5);
  g_assert_cmpstr (field (log, 1, "who"), ==, "Test Analyst");
  g_assert_cmpstr (field (log, 2, "who"), ==, "Second Window");
  g_assert_cmpstr (field (log, 2, "old_value"), ==, "from the first window");
  g_assert_cmpstr (field (log, 2, "new_value"), ==, "from the second window");
  equity_project_close (second);
}

/* The sample's assessment cites its poverty analysis by id. An answer that
 * cites the arrests analysis shows that analysis' own headline, run now. */
static void
test_sample_headline (TestScratch   *scratch,
                      gconstpointer  data)
{
  const char *arrests = "Arrests by race, 2020–2021";
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityProject) project = test_create_sample_project (scratch->dir, NULL);
  g_autoptr(EquityAssessment) assessment = NULL;
  g_autoptr(EquityAssessment) other = NULL;
  g_autoptr(EquityAnalysis) analysis = NULL;
  g_autoptr(EquityResult) result = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *expected = NULL;
  EquityAnswer *evidence;
  gint64 id;

  assessment = equity_assessment_load (project, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (assessment->status, ==, "draft");
  evidence = g_hash_table_lookup (assessment->answers, "evidence");
  g_assert_cmpstr (evidence->cited_kind, ==, "analysis");
  g_assert_cmpint (evidence->cited_id, ==, equity_project_get_analysis_id (project, "Poverty by tract, Buncombe County", NULL));

  id = equity_assessment_create (project, "Equity lens", "Stops review", "Police", "policy", NULL, &error);
  g_assert_true (equity_assessment_answer (project, id, "evidence", arrests, &error));
  g_assert_no_error (error);
  other = equity_assessment_load (project, id, &error);
  headline = equity_assessment_dup_cited_headline (project, g_hash_table_lookup (other->answers, "evidence"),
                                                   &error);
  g_assert_no_error (error);

  analysis = equity_analysis_new_from_project (project, arrests, &error);
  result = equity_analysis_run (analysis, project, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  expected = equity_result_dup_headline (result);
  g_assert_nonnull (expected);
  g_assert_cmpstr (headline, ==, expected);
  g_clear_object (&project);
}

static void
test_migrate_from_3 (TestScratch   *scratch,
                     gconstpointer  data)
{
  const char *dir = scratch->dir;
  g_autofree char *path = g_build_filename (dir, "v3.equity", NULL);
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;

  test_create_old_project (path, 3, "Old");

  project = test_open_project (path);
  g_assert_cmpint (test_query_int (equity_project_get_db (project), "PRAGMA user_version"), ==, 6);
  templates = equity_lens_template_list_latest (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, 2);
  g_assert_cmpint (equity_project_get_analysis_id (project, "Old", NULL), ==, 1);
  g_assert_cmpint (equity_assessment_create (project, "Equity lens", "After upgrade", "Parks", "program",
                                             NULL, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&project);
}

/* Deleting an assessment takes its answers and leaves exactly one entry; the
 * log keeps every entry about it, and a later assessment gets a new id so
 * that history is never mistaken for its own. */
static void
test_delete_assessment (TestProject       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(EquityAssessment) gone = NULL;
  sqlite3 *db = equity_project_get_db (fixture->project);
  gint64 id = start_small (fixture);
  gint64 next;
  guint all_before;

  answer (fixture, id, "what", "Longer pool hours");
  answer (fixture, id, "ready", "yes");
  before = equity_project_list_changes (fixture->project, "assessment", id, &error);
  g_assert_no_error (error);
  /* created and two answers */
  g_assert_cmpuint (before->len, ==, 3);
  all_before = test_query_int (db, "SELECT count(*) FROM change_log");

  g_assert_true (equity_project_delete_assessment (fixture->project, id, &error));
  g_assert_no_error (error);
  after = equity_project_list_changes (fixture->project, "assessment", id, &error);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM change_log"), ==, all_before + 1);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpstr (field (after, i, "id"), ==, field (before, i, "id"));
  g_assert_cmpstr (field (after, before->len, "field"), ==, "deleted");
  g_assert_cmpstr (field (after, before->len, "old_value"), ==, "Pool hours");
  g_assert_null (field (after, before->len, "new_value"));
  g_assert_cmpstr (field (after, before->len, "who"), ==, "Test Analyst");

  /* its history as CSV: the header and its four entries, the deletion last */
  {
    g_autofree char *csv_path = g_build_filename (fixture->dir, "history.csv", NULL);
    g_autofree char *csv = NULL;
    g_auto(GStrv) lines = NULL;

    g_assert_true (equity_change_log_export_item_csv (fixture->project, "assessment", id, csv_path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
    lines = g_strsplit (g_strchomp (csv), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 5);
    g_assert_true (g_str_has_prefix (lines[0], "at,who,item_kind,item_id,field,old_value,new_value"));
    g_assert_nonnull (strstr (lines[4], ",deleted,Pool hours,"));
  }

  /* its answers went with it */
  answers = equity_project_list_answers (fixture->project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 0);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM assessment_answers"), ==, 0);
  gone = equity_assessment_load (fixture->project, id, &error);
  g_assert_null (gone);
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* deleted twice: refused, nothing logged */
  g_assert_false (equity_project_delete_assessment (fixture->project, id, &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM change_log"), ==, all_before + 1);

  /* it was the newest: SQLite alone would hand its id out again */
  next = equity_assessment_create (fixture->project, "Small lens", "Pool hours again", "Parks and Recreation",
                                   "program", "2026-03-02", &error);
  g_assert_no_error (error);
  g_assert_cmpint (next, ==, id + 1);
}

/* What the window's template editor writes reads back as it was given, odd
 * text and all; a duplicate id or an empty step reaches the parser, which
 * refuses it naming the step and the question. */
static void
test_template_write (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityLensTemplate) small = equity_lens_template_parse (small_template, "small.ini", &error);
  g_autoptr(EquityLensTemplate) back = NULL;
  g_autoptr(EquityLensTemplate) refused = NULL;
  const char *titles[] = { "One; and a half", "Two\nlines" };
  EquityLensQuestion *what;
  g_autofree char *text = NULL;
  g_autofree char *original_id = NULL;

  g_assert_no_error (error);
  what = g_ptr_array_index (small->questions, 0);
  g_free (what->text);
  what->text = g_strdup ("What is it? <b>=SUM(A1)</b>\nSecond line; with a semicolon");
  text = equity_lens_template_write (small->name, titles, small->steps->len, small->questions);
  back = equity_lens_template_parse (text, "written", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "Small lens");
  g_assert_cmpuint (back->steps->len, ==, 2);
  g_assert_cmpstr (((EquityLensStep *) g_ptr_array_index (back->steps, 1))->title, ==, "Two\nlines");
  g_assert_cmpuint (back->questions->len, ==, small->questions->len);
  for (guint i = 0; i < small->questions->len; i++)
    {
      EquityLensQuestion *a = g_ptr_array_index (small->questions, i);
      EquityLensQuestion *b = g_ptr_array_index (back->questions, i);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpuint (a->step, ==, b->step);
      g_assert_cmpint (a->type, ==, b->type);
      g_assert_true ((a->options == NULL) == (b->options == NULL));
      if (a->options != NULL)
        g_assert_true (g_strv_equal ((const char * const *) a->options, (const char * const *) b->options));
    }

  /* "how" (step 2) renamed "what", the id step 1 uses */
  g_clear_pointer (&text, g_free);
  what = g_ptr_array_index (small->questions, 4);
  original_id = g_steal_pointer (&what->id);
  what->id = g_strdup ("what");
  text = equity_lens_template_write (small->name, titles, 2, small->questions);
  refused = equity_lens_template_parse (text, "Small lens", &error);
  g_assert_null (refused);
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "Small lens, step 2: question id “what” is used twice (also in step 1)");
  g_clear_error (&error);

  /* every question moved out of step 2: the step is there, empty */
  g_clear_pointer (&text, g_free);
  g_free (what->id);
  what->id = g_steal_pointer (&original_id);
  for (guint i = 0; i < small->questions->len; i++)
    ((EquityLensQuestion *) g_ptr_array_index (small->questions, i))->step = 1;
  text = equity_lens_template_write (small->name, titles, 2, small->questions);
  refused = equity_lens_template_parse (text, "Small lens", &error);
  g_assert_null (refused);
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "Small lens: step 2 has no questions");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  lens_test_add ("/lens/default-templates", test_default_templates);
  lens_test_add ("/lens/completeness", test_completeness);
  lens_test_add ("/lens/answer-checks", test_answer_checks);
  lens_test_add ("/lens/template-versions", test_template_versions);
  lens_test_add ("/lens/field-labels", test_field_labels);
  g_test_add_func ("/lens/bad-templates", test_bad_templates);
  g_test_add_func ("/lens/template-write", test_template_write);
  lens_test_add ("/lens/citation", test_citation);
  lens_test_add ("/lens/audit-trail", test_audit_trail);
  lens_test_add ("/lens/concurrent-edits", test_concurrent_edits);
  lens_test_add ("/lens/delete-assessment", test_delete_assessment);
  test_add_with_scratch ("/lens/sample-headline", test_sample_headline);
  test_add_with_scratch ("/lens/migrate-from-3", test_migrate_from_3);

  return g_test_run ();
}
