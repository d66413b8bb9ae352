/* equity-assessment.c — assessments: answers checked by type, completeness,
 * citations resolved by id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-analysis.h"
#include "equity-assessment.h"
#include "equity-error.h"
#include "equity-project-items.h"
#include "equity-result.h"

/* the words stored, and their labels in the same order; an unknown word
 * reads as the first */
static const char *subjects[] = { "program", "policy", "budget-request", NULL };
static const char *subject_labels[] = { N_("Program"), N_("Policy"), N_("Budget request") };
static const char *statuses[] = { "draft", "in-review", "final", NULL };
static const char *status_labels[] = { N_("Draft"), N_("In review"), N_("Final") };

/* the fields whose value is one of a list of words, and how an error names them */
static const struct
{
  const char  *field;
  const char  *name;
  const char **words;
} choice_fields[] = {
  { "status",  N_("status"),  statuses },
  { "subject", N_("subject"), subjects },
};

static void
answer_free (EquityAnswer *answer)
{
  g_free (answer->question);
  g_free (answer->value);
  g_free (answer->cited_kind);
  g_free (answer);
}

void
equity_assessment_free (EquityAssessment *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->department);
  g_free (self->subject);
  g_free (self->status);
  g_free (self->date);
  g_clear_pointer (&self->template, equity_lens_template_unref);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_free (self);
}

static gboolean
check_date (const char  *value,
            GError     **error)
{
  GDate date;

  if (equity_item_parse_date (value, &date))
    return TRUE;
  g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
               _("“%s” is not a date written as YYYY-MM-DD"), value ? value : "");
  return FALSE;
}

/* the newest version of the template called NAME */
static EquityLensTemplate *
find_latest (EquityProject  *project,
             const char     *name,
             GError        **error)
{
  g_autoptr(GPtrArray) templates = equity_lens_template_list_latest (project, error);

  if (templates == NULL)
    return NULL;
  for (guint i = 0; i < templates->len; i++)
    {
      EquityLensTemplate *template = g_ptr_array_index (templates, i);

      if (g_strcmp0 (template->name, name) == 0)
        return equity_lens_template_ref (template);
    }
  g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND, _("The project has no template named “%s”"), name);
  return NULL;
}

gint64
equity_assessment_create (EquityProject  *project,
                          const char     *template_name,
                          const char     *title,
                          const char     *department,
                          const char     *subject,
                          const char     *date,
                          GError        **error)
{
  g_autoptr(EquityLensTemplate) template = find_latest (project, template_name, error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *template_id = NULL;

  if (template == NULL)
    return 0;
  template_id = g_strdup_printf ("%" G_GINT64_FORMAT, template->id);
  if (title == NULL || *title == '\0')
    {
      g_set_error_literal (error, EQUITY_ERROR, EQUITY_ERROR_INVALID, _("An assessment needs a title"));
      return 0;
    }
  if (date == NULL)
    date = today;
  if (!equity_item_check_one_of (_("subject"), subject, subjects, error) || !check_date (date, error))
    return 0;

  {
    const char *fields[] = { "template_id", template_id, "title", title,
                             "department", department ? department : "",
                             "subject", subject, "date", date, NULL };
    return equity_project_add_item (project, EQUITY_ITEM_ASSESSMENT, fields, error);
  }
}

static EquityAssessment *
assessment_from_row (EquityProject  *project,
                     GHashTable     *row,
                     GError        **error)
{
  g_autoptr(EquityAssessment) self = g_new0 (EquityAssessment, 1);
  g_autoptr(GPtrArray) answers = NULL;

  self->id = equity_item_get_number (row, "id");
  self->title = g_strdup (g_hash_table_lookup (row, "title"));
  self->department = g_strdup (g_hash_table_lookup (row, "department"));
  self->subject = g_strdup (g_hash_table_lookup (row, "subject"));
  self->status = g_strdup (g_hash_table_lookup (row, "status"));
  self->date = g_strdup (g_hash_table_lookup (row, "date"));
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) answer_free);
  self->template = equity_lens_template_load (project, equity_item_get_number (row, "template_id"), error);
  answers = equity_project_list_answers (project, self->id, error);
  if (self->template == NULL || answers == NULL)
    return NULL;
  for (guint i = 0; i < answers->len; i++)
    {
      GHashTable *stored = g_ptr_array_index (answers, i);
      EquityAnswer *answer = g_new0 (EquityAnswer, 1);

      answer->question = g_strdup (g_hash_table_lookup (stored, "question"));
      answer->value = g_strdup (g_hash_table_lookup (stored, "value"));
      answer->cited_kind = g_strdup (g_hash_table_lookup (stored, "cited_kind"));
      answer->cited_id = equity_item_get_number (stored, "cited_id");
      g_hash_table_replace (self->answers, answer->question, answer);
    }
  return g_steal_pointer (&self);
}

EquityAssessment *
equity_assessment_load (EquityProject  *project,
                        gint64          id,
                        GError        **error)
{
  g_autoptr(GHashTable) row = equity_project_get_item (project, EQUITY_ITEM_ASSESSMENT, id, error);

  return row != NULL ? assessment_from_row (project, row, error) : NULL;
}

GPtrArray *
equity_assessment_list (EquityProject  *project,
                        GError        **error)
{
  g_autoptr(GPtrArray) rows = equity_project_list_items (project, EQUITY_ITEM_ASSESSMENT, error);
  g_autoptr(GPtrArray) list = NULL;

  if (rows == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) equity_assessment_free);
  for (guint i = 0; i < rows->len; i++)
    {
      EquityAssessment *assessment = assessment_from_row (project, g_ptr_array_index (rows, i), error);

      if (assessment == NULL)
        return NULL;
      g_ptr_array_add (list, assessment);
    }
  return g_steal_pointer (&list);
}

/* a citation: "dataset:NAME" or a saved analysis's name, resolved to an id */
static gboolean
resolve_citation (EquityProject  *project,
                  const char     *value,
                  const char    **kind,
                  gint64         *id,
                  GError        **error)
{
  if (g_str_has_prefix (value, "dataset:"))
    {
      EquityDataset *dataset = equity_project_find_dataset (project, value + strlen ("dataset:"));

      *kind = "dataset";
      *id = dataset != NULL ? equity_dataset_get_id (dataset) : 0;
    }
  else
    {
      *kind = "analysis";
      *id = equity_project_get_analysis_id (project, value, NULL);
    }
  if (*id != 0)
    return TRUE;
  g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
               _("The project has no saved analysis or dataset “%s” to cite "
                 "(write dataset:NAME for a dataset)"), value);
  return FALSE;
}

static gboolean
check_answer (EquityProject             *project,
              const EquityLensQuestion  *question,
              const char                *value,
              GError                   **error)
{
  static const char *yes_no[] = { "yes", "no", NULL };
  g_auto(GStrv) options = NULL;

  if (question->type == EQUITY_ANSWER_CHOICE || question->type == EQUITY_ANSWER_CHECKLIST)
    {
      options = equity_lens_question_dup_options (project, question, error);
      if (options == NULL)
        return FALSE;
    }

  switch (question->type)
    {
    case EQUITY_ANSWER_CHOICE:
      return equity_item_check_one_of (_("answer"), value, (const char **) options, error);
    case EQUITY_ANSWER_YES_NO:
      return equity_item_check_one_of (_("answer"), value, yes_no, error);
    case EQUITY_ANSWER_CHECKLIST:
      {
        g_auto(GStrv) items = g_strsplit (value, "\n", -1);

        for (guint i = 0; items[i] != NULL; i++)
          if (*items[i] != '\0' && !equity_item_check_one_of (_("answer"), items[i], (const char **) options, error))
            return FALSE;
        return TRUE;
      }
    case EQUITY_ANSWER_TEXT:
    case EQUITY_ANSWER_CITATION:
    default:
      return TRUE;
    }
}

static gboolean is_blank (const char *text);

/* QUESTION_ID of TEMPLATE answered with VALUE: its citation resolved. A
 * blank VALUE erases the answer, whatever the question's type (the window
 * lets a choice or a citation go back to "not answered"). */
static gboolean
check_question_answer (EquityProject       *project,
                       EquityLensTemplate  *template,
                       const char          *title,
                       const char          *question_id,
                       const char          *value,
                       const char         **cited_kind,
                       gint64              *cited_id,
                       GError             **error)
{
  const EquityLensQuestion *question = equity_lens_template_find_question (template, question_id);

  *cited_kind = NULL;
  *cited_id = 0;
  if (question == NULL)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
                   _("The template of “%s” has no question “%s”"), title, question_id);
      return FALSE;
    }
  if (value != NULL && is_blank (value))
    return TRUE;
  if (value == NULL || !check_answer (project, question, value, error))
    {
      if (value == NULL)
        g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID, _("Question “%s” needs an answer"), question_id);
      return FALSE;
    }
  return question->type != EQUITY_ANSWER_CITATION ||
         resolve_citation (project, value, cited_kind, cited_id, error);
}

gboolean
equity_assessment_answer (EquityProject  *project,
                          gint64          id,
                          const char     *question_id,
                          const char     *value,
                          GError        **error)
{
  g_autoptr(EquityAssessment) self = equity_assessment_load (project, id, error);
  const char *cited_kind = NULL;
  gint64 cited_id = 0;

  if (self == NULL ||
      !check_question_answer (project, self->template, self->title, question_id, value,
                              &cited_kind, &cited_id, error))
    return FALSE;
  return equity_project_set_answer (project, id, question_id, value, cited_kind, cited_id, error);
}

gint64
equity_assessment_create_full (EquityProject  *project,
                               const char     *template_name,
                               const char     *title,
                               const char     *department,
                               const char     *subject,
                               const char     *date,
                               const char     *status,
                               GHashTable     *answers,
                               GError        **error)
{
  g_autoptr(EquityLensTemplate) template = find_latest (project, template_name, error);
  GHashTableIter iter;
  gpointer question, value;
  gint64 id;

  if (template == NULL)
    return 0;
  /* everything is checked before the first write */
  if (status != NULL && !equity_item_check_one_of (_("status"), status, statuses, error))
    return 0;
  if (answers != NULL)
    {
      g_hash_table_iter_init (&iter, answers);
      while (g_hash_table_iter_next (&iter, &question, &value))
        {
          const char *cited_kind;
          gint64 cited_id;

          if (!check_question_answer (project, template, title, question, value, &cited_kind, &cited_id, error))
            return 0;
        }
    }
  id = equity_assessment_create (project, template_name, title, department, subject, date, error);
  if (id == 0)
    return 0;
  if (answers != NULL)
    {
      g_hash_table_iter_init (&iter, answers);
      while (g_hash_table_iter_next (&iter, &question, &value))
        if (!equity_assessment_answer (project, id, question, value, error))
          return 0;
    }
  if (status != NULL && !equity_assessment_set_field (project, id, "status", status, error))
    return 0;
  return id;
}

gboolean
equity_assessment_set_field (EquityProject  *project,
                             gint64          id,
                             const char     *field,
                             const char     *value,
                             GError        **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (choice_fields); i++)
    if (g_strcmp0 (field, choice_fields[i].field) == 0
        && !equity_item_check_one_of (_(choice_fields[i].name), value, choice_fields[i].words, error))
      return FALSE;
  if (g_strcmp0 (field, "date") == 0 && !check_date (value, error))
    return FALSE;
  if (g_strcmp0 (field, "template_id") == 0)
    {
      g_set_error_literal (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                           _("An assessment keeps the template version it began with"));
      return FALSE;
    }
  return equity_project_set_item_field (project, EQUITY_ITEM_ASSESSMENT, id, field, value, error);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

double
equity_assessment_complete (EquityAssessment *self,
                            guint             step,
                            guint            *answered,
                            guint            *total)
{
  guint n_answered = 0;
  guint n_total = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->template->questions->len; i++)
    {
      const EquityLensQuestion *question = g_ptr_array_index (self->template->questions, i);
      EquityAnswer *answer;

      if (step != 0 && question->step != step)
        continue;
      n_total++;
      /* an answer erased back to nothing is no answer */
      answer = g_hash_table_lookup (self->answers, question->id);
      if (answer != NULL && !is_blank (answer->value))
        n_answered++;
    }
  if (answered != NULL)
    *answered = n_answered;
  if (total != NULL)
    *total = n_total;
  return n_total > 0 ? (double) n_answered / n_total : 0;
}

char *
equity_assessment_dup_cited_name (EquityProject *project,
                                  EquityAnswer  *answer)
{
  if (g_strcmp0 (answer->cited_kind, "analysis") == 0)
    return equity_project_dup_analysis_name (project, answer->cited_id, NULL);
  if (g_strcmp0 (answer->cited_kind, "dataset") == 0)
    {
      EquityDataset *dataset = equity_project_find_dataset_by_id (project, answer->cited_id);

      return dataset != NULL ? g_strdup (equity_dataset_get_name (dataset)) : NULL;
    }
  return NULL;
}

char *
equity_assessment_dup_cited_headline (EquityProject  *project,
                                      EquityAnswer   *answer,
                                      GError        **error)
{
  g_autofree char *name = equity_assessment_dup_cited_name (project, answer);
  g_autoptr(EquityAnalysis) analysis = NULL;
  g_autoptr(EquityResult) result = NULL;

  if (name == NULL || g_strcmp0 (answer->cited_kind, "analysis") != 0)
    {
      g_set_error_literal (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
                           _("The answer cites no saved analysis that still exists"));
      return NULL;
    }
  analysis = equity_analysis_new_from_project (project, name, error);
  if (analysis != NULL)
    result = equity_analysis_run (analysis, project, NULL, NULL, NULL, error);
  return result != NULL ? equity_result_dup_headline (result) : NULL;
}

/* an unknown word reads as the first */
static const char *
label_of (const char  *word,
          const char **words,
          const char **labels)
{
  const char *label = equity_item_word_label (word, words, labels);

  return label != NULL ? label : _(labels[0]);
}

const char *
equity_assessment_status_label (const char *status)
{
  return label_of (status, statuses, status_labels);
}

const char *
equity_assessment_subject_label (const char *subject)
{
  return label_of (subject, subjects, subject_labels);
}

const char * const *
equity_assessment_get_statuses (void)
{
  return statuses;
}

const char * const *
equity_assessment_get_subjects (void)
{
  return subjects;
}

char *
equity_assessment_dup_answer_text (EquityProject            *project,
                                   const EquityLensQuestion *question,
                                   EquityAnswer             *answer)
{
  g_autofree char *trimmed = NULL;

  if (answer == NULL || answer->value == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (answer->value));
  if (*trimmed == '\0')
    return NULL;
  switch (question->type)
    {
    case EQUITY_ANSWER_YES_NO:
      return g_strdup (g_str_equal (trimmed, "yes") ? _("Yes") : _("No"));
    case EQUITY_ANSWER_CHECKLIST:
      {
        g_auto(GStrv) items = g_strsplit (trimmed, "\n", -1);

        return g_strjoinv (", ", items);
      }
    case EQUITY_ANSWER_CITATION:
      {
        g_autofree char *name = equity_assessment_dup_cited_name (project, answer);

        if (name == NULL)
          return g_strdup (_("Cites an analysis or dataset that no longer exists"));
        /* Translators: what an answer cites: an analysis or a dataset, and its name */
        return g_strdup_printf (g_strcmp0 (answer->cited_kind, "dataset") == 0 ? _("Dataset: %s") : _("Analysis: %s"),
                                name);
      }
    case EQUITY_ANSWER_TEXT:
    case EQUITY_ANSWER_CHOICE:
    default:
      return g_steal_pointer (&trimmed);
    }
}

char *
equity_assessment_dup_field_label (EquityLensTemplate *template,
                                   const char         *field)
{
  const EquityLensQuestion *question = NULL;

  g_return_val_if_fail (field != NULL, NULL);

  if (template != NULL && g_str_has_prefix (field, EQUITY_ANSWER_FIELD_PREFIX))
    question = equity_lens_template_find_question (template, field + strlen (EQUITY_ANSWER_FIELD_PREFIX));
  return g_strdup (question != NULL && question->text != NULL ? question->text : field);
}

EquityLensTemplate *
equity_assessment_load_template (EquityProject  *project,
                                 gint64          id,
                                 GError        **error)
{
  g_autoptr(GHashTable) row = equity_project_get_item (project, EQUITY_ITEM_ASSESSMENT, id, error);

  return row != NULL ? equity_lens_template_load (project, equity_item_get_number (row, "template_id"), error) : NULL;
}
