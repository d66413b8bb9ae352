/* equity-lens-template.c — reading, checking and versioning lens templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-analysis-choices.h"
#include "equity-dataset.h"
#include "equity-error.h"
#include "equity-lens-template.h"
#include "equity-project-items.h"

G_DEFINE_BOXED_TYPE (EquityLensTemplate, equity_lens_template,
                     equity_lens_template_ref, equity_lens_template_unref)

static const char *answer_types[] = {
  [EQUITY_ANSWER_TEXT]      = "text",
  [EQUITY_ANSWER_CHOICE]    = "choice",
  [EQUITY_ANSWER_YES_NO]    = "yes-no",
  [EQUITY_ANSWER_CHECKLIST] = "checklist",
  [EQUITY_ANSWER_CITATION]  = "citation",
};

const char *
equity_answer_type_to_string (EquityAnswerType type)
{
  g_return_val_if_fail (type <= EQUITY_ANSWER_CITATION, NULL);
  return answer_types[type];
}

static void
question_free (EquityLensQuestion *question)
{
  g_free (question->id);
  g_free (question->text);
  g_free (question->help);
  g_strfreev (question->options);
  g_free (question->options_from);
  g_free (question);
}

static void
step_free (EquityLensStep *step)
{
  g_free (step->title);
  g_ptr_array_unref (step->questions);
  g_free (step);
}

EquityLensTemplate *
equity_lens_template_ref (EquityLensTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
equity_lens_template_unref (EquityLensTemplate *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->name);
  g_free (self->spec);
  g_ptr_array_unref (self->steps);
  g_ptr_array_unref (self->questions);
  g_free (self);
}

/* GKeyFile merges a group written twice; a question written twice must be
 * refused instead, so the raw lines are looked at first. */
static gboolean
check_duplicate_groups (const char  *text,
                        const char  *file_name,
                        GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      gpointer first;

      if (line[0] != '[' || !g_str_has_prefix (line, "[question "))
        continue;
      if (g_hash_table_lookup_extended (seen, line, NULL, &first))
        {
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                       _("%s, line %u: the group %s is written twice (first on line %u): "
                         "every question needs its own id"),
                       file_name, i + 1, line, GPOINTER_TO_UINT (first));
          return FALSE;
        }
      g_hash_table_insert (seen, g_steal_pointer (&line), GUINT_TO_POINTER (i + 1));
    }
  return TRUE;
}

static gboolean
parse_question (GKeyFile            *keys,
                const char          *file_name,
                guint                step,
                const char          *id,
                EquityLensQuestion **out,
                GError             **error)
{
  g_autofree char *group = g_strdup_printf ("question %s", id);
  g_autofree char *type = NULL;
  EquityLensQuestion *question;
  guint t;

  if (!g_key_file_has_group (keys, group))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                   _("%s, step %u: question “%s” has no [%s] group"), file_name, step, id, group);
      return FALSE;
    }
  type = g_key_file_get_string (keys, group, "type", NULL);
  for (t = 0; t < G_N_ELEMENTS (answer_types); t++)
    if (g_strcmp0 (type, answer_types[t]) == 0)
      break;
  if (t == G_N_ELEMENTS (answer_types))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                   _("%s, step %u, question “%s”: type must be text, choice, yes-no, checklist "
                     "or citation, not “%s”"), file_name, step, id, type ? type : "");
      return FALSE;
    }

  question = g_new0 (EquityLensQuestion, 1);
  question->id = g_strdup (id);
  question->step = step;
  question->type = t;
  question->text = g_key_file_get_string (keys, group, "text", NULL);
  question->help = g_key_file_get_string (keys, group, "help", NULL);
  question->options = g_key_file_get_string_list (keys, group, "options", NULL, NULL);
  question->options_from = g_key_file_get_string (keys, group, "options-from", NULL);
  *out = question;
  if (question->options_from != NULL)
    {
      guint64 dataset = 0, column = 0;
      g_auto(GStrv) parts = g_strsplit (question->options_from, ":", 2);

      if (g_strv_length (parts) != 2 || *parts[0] == '\0' || *parts[1] == '\0')
        {
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                       _("%s, step %u, question “%s”: options-from is written DATASET:COLUMN"),
                       file_name, step, id);
          return FALSE;
        }
      if (parts[0][0] == '#' && parts[1][0] == '#' &&
          g_ascii_string_to_unsigned (parts[0] + 1, 10, 1, G_MAXINT64, &dataset, NULL) &&
          g_ascii_string_to_unsigned (parts[1] + 1, 10, 0, G_MAXUINT, &column, NULL))
        {
          question->options_dataset = dataset;
          question->options_column = column;
        }
    }

  if (question->text == NULL || *question->text == '\0')
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                   _("%s, step %u, question “%s”: the question has no text"), file_name, step, id);
      return FALSE;
    }
  if ((t == EQUITY_ANSWER_CHOICE || t == EQUITY_ANSWER_CHECKLIST) &&
      (question->options == NULL || question->options[0] == NULL) && question->options_from == NULL)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                   _("%s, step %u, question “%s”: a %s question needs options"), file_name, step, id, type);
      return FALSE;
    }
  return TRUE;
}

EquityLensTemplate *
equity_lens_template_parse (const char  *text,
                            const char  *file_name,
                            GError     **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(EquityLensTemplate) self = NULL;
  g_autoptr(GHashTable) step_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  int n_steps;

  g_return_val_if_fail (text != NULL && file_name != NULL, NULL);

  if (!check_duplicate_groups (text, file_name, error))
    return NULL;
  if (!g_key_file_load_from_data (keys, text, -1, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE, "%s: %s", file_name, local_error->message);
      return NULL;
    }

  self = g_new0 (EquityLensTemplate, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->spec = g_strdup (text);
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) question_free);
  self->name = g_key_file_get_string (keys, "template", "name", NULL);
  n_steps = g_key_file_get_integer (keys, "template", "steps", NULL);
  if (self->name == NULL || *self->name == '\0' || n_steps <= 0)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                   _("%s: the [template] group needs a name and the number of steps"), file_name);
      return NULL;
    }

  /* a [step N] beyond the declared count is as wrong as one left out */
  groups = g_key_file_get_groups (keys, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      char *end = NULL;
      gint64 number;

      if (!g_str_has_prefix (groups[i], "step "))
        continue;
      number = g_ascii_strtoll (groups[i] + 5, &end, 10);
      if (*end != '\0' || number < 1 || number > n_steps)
        {
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                       _("%s: [%s] is not one of the %d steps the template declares"),
                       file_name, groups[i], n_steps);
          return NULL;
        }
    }

  for (int number = 1; number <= n_steps; number++)
    {
      g_autofree char *group = g_strdup_printf ("step %d", number);
      g_auto(GStrv) ids = NULL;
      EquityLensStep *step;

      if (!g_key_file_has_group (keys, group))
        {
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                       _("%s: step %d is missing (the template declares %d steps)"),
                       file_name, number, n_steps);
          return NULL;
        }
      step = g_new0 (EquityLensStep, 1);
      step->number = number;
      step->title = g_key_file_get_string (keys, group, "title", NULL);
      step->questions = g_ptr_array_new ();
      g_ptr_array_add (self->steps, step);

      ids = g_key_file_get_string_list (keys, group, "questions", NULL, NULL);
      if (ids == NULL || ids[0] == NULL)
        {
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                       _("%s: step %d has no questions"), file_name, number);
          return NULL;
        }
      for (guint i = 0; ids[i] != NULL; i++)
        {
          EquityLensQuestion *question = NULL;
          char *id = g_strstrip (ids[i]);
          gpointer first;

          if (g_hash_table_lookup_extended (step_of, id, NULL, &first))
            {
              g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                           _("%s, step %d: question id “%s” is used twice (also in step %u)"),
                           file_name, number, id, GPOINTER_TO_UINT (first));
              return NULL;
            }
          g_hash_table_insert (step_of, g_strdup (id), GUINT_TO_POINTER (number));
          if (!parse_question (keys, file_name, number, id, &question, error))
            {
              if (question != NULL)
                question_free (question);
              return NULL;
            }
          g_ptr_array_add (self->questions, question);
          g_ptr_array_add (step->questions, question);
        }
    }

  return g_steal_pointer (&self);
}

const EquityLensQuestion *
equity_lens_template_find_question (EquityLensTemplate *self,
                                    const char         *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->questions->len; i++)
    {
      const EquityLensQuestion *question = g_ptr_array_index (self->questions, i);

      if (g_strcmp0 (question->id, id) == 0)
        return question;
    }
  return NULL;
}

static EquityLensTemplate *
template_from_row (GHashTable  *row,
                   GError     **error)
{
  g_autofree char *label = g_strdup_printf ("%s (version %s)", (char *) g_hash_table_lookup (row, "name"),
                                            (char *) g_hash_table_lookup (row, "version"));
  EquityLensTemplate *self = equity_lens_template_parse (g_hash_table_lookup (row, "spec"), label, error);

  if (self == NULL)
    return NULL;
  self->id = equity_item_get_number (row, "id");
  self->version = atoi (g_hash_table_lookup (row, "version"));
  /* the row's name is the one versions are counted under */
  g_free (self->name);
  self->name = g_strdup (g_hash_table_lookup (row, "name"));
  return self;
}

EquityLensTemplate *
equity_lens_template_load (EquityProject  *project,
                           gint64          id,
                           GError        **error)
{
  g_autoptr(GHashTable) row = equity_project_get_item (project, EQUITY_ITEM_TEMPLATE, id, error);

  return row != NULL ? template_from_row (row, error) : NULL;
}

GPtrArray *
equity_lens_template_list_latest (EquityProject  *project,
                                  GError        **error)
{
  g_autoptr(GPtrArray) rows = equity_project_list_items (project, EQUITY_ITEM_TEMPLATE, error);
  g_autoptr(GPtrArray) templates = NULL;

  if (rows == NULL)
    return NULL;
  templates = g_ptr_array_new_with_free_func ((GDestroyNotify) equity_lens_template_unref);
  /* rows come by name, then version: the last of each name is the newest */
  for (guint i = 0; i < rows->len; i++)
    {
      GHashTable *row = g_ptr_array_index (rows, i);
      GHashTable *next = i + 1 < rows->len ? g_ptr_array_index (rows, i + 1) : NULL;
      EquityLensTemplate *template;

      if (next != NULL && g_strcmp0 (g_hash_table_lookup (row, "name"), g_hash_table_lookup (next, "name")) == 0)
        continue;
      template = template_from_row (row, error);
      if (template == NULL)
        return NULL;
      g_ptr_array_add (templates, template);
    }
  return g_steal_pointer (&templates);
}

/* "DATASET:COLUMN" by name → "#id:#position", in the text to be stored */
static char *
bind_options_from (EquityProject       *project,
                   EquityLensTemplate  *template,
                   const char          *text,
                   const char          *file_name,
                   GError             **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  gboolean changed = FALSE;

  g_key_file_load_from_data (keys, text, -1, G_KEY_FILE_KEEP_COMMENTS, NULL);
  for (guint i = 0; i < template->questions->len; i++)
    {
      EquityLensQuestion *question = g_ptr_array_index (template->questions, i);
      g_autofree char *group = NULL;
      g_autofree char *bound = NULL;
      g_auto(GStrv) parts = NULL;
      EquityDataset *dataset;
      EquityColumn *column;

      if (question->options_from == NULL || question->options_dataset != 0)
        continue;
      parts = g_strsplit (question->options_from, ":", 2);
      dataset = equity_project_find_dataset (project, g_strstrip (parts[0]));
      column = dataset != NULL ? equity_dataset_find_column (dataset, g_strstrip (parts[1])) : NULL;
      if (column == NULL)
        {
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
                       _("%s, step %u, question “%s”: the project has no dataset “%s” with a column “%s”"),
                       file_name, question->step, question->id, parts[0], parts[1]);
          return NULL;
        }
      group = g_strdup_printf ("question %s", question->id);
      bound = g_strdup_printf ("#%" G_GINT64_FORMAT ":#%u", equity_dataset_get_id (dataset),
                               equity_column_get_position (column));
      g_key_file_set_string (keys, group, "options-from", bound);
      changed = TRUE;
    }
  return changed ? g_key_file_to_data (keys, NULL, NULL) : g_strdup (text);
}

char **
equity_lens_question_dup_options (EquityProject             *project,
                                  const EquityLensQuestion  *question,
                                  GError                   **error)
{
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GStrvBuilder) options = NULL;
  EquityDataset *dataset;
  EquityColumn *column = NULL;

  if (question->options_from == NULL)
    return g_strdupv (question->options);
  dataset = equity_project_find_dataset_by_id (project, question->options_dataset);
  if (dataset != NULL && question->options_column < equity_dataset_get_n_columns (dataset))
    column = equity_dataset_get_column (dataset, question->options_column);
  if (column == NULL)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND,
                   _("The options of question “%s” come from a dataset that is no longer in the project"),
                   question->id);
      return NULL;
    }
  choices = equity_analysis_list_choices (project, dataset, column, NULL, EQUITY_CHOICE_ORDER_LABEL, 0,
                                          NULL, error);
  if (choices == NULL)
    return NULL;
  options = g_strv_builder_new ();
  for (guint i = 0; i < choices->len; i++)
    g_strv_builder_add (options, ((EquityChoice *) g_ptr_array_index (choices, i))->value);
  return g_strv_builder_end (options);
}

EquityLensTemplate *
equity_lens_template_save (EquityProject  *project,
                           const char     *text,
                           const char     *file_name,
                           GError        **error)
{
  g_autoptr(EquityLensTemplate) checked = equity_lens_template_parse (text, file_name, error);
  g_autofree char *bound = NULL;
  gint64 id;

  if (checked == NULL)
    return NULL;
  bound = bind_options_from (project, checked, text, file_name, error);
  if (bound == NULL)
    return NULL;
  id = equity_project_add_template_version (project, checked->name, bound, error);
  return id != 0 ? equity_lens_template_load (project, id, error) : NULL;
}

/* one group's keys, escaped the way GKeyFile reads them back */
static void
append_group (GString    *text,
              GKeyFile   *keys)
{
  g_autofree char *data = g_key_file_to_data (keys, NULL, NULL);

  g_string_append (text, data);
  g_string_append_c (text, '\n');
}

char *
equity_lens_template_write (const char         *name,
                            const char * const *step_titles,
                            guint               n_steps,
                            GPtrArray          *questions)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GKeyFile) head = g_key_file_new ();
  g_autoptr(GHashTable) written = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (name != NULL && questions != NULL, NULL);

  g_key_file_set_string (head, "template", "name", name);
  g_key_file_set_integer (head, "template", "steps", n_steps);
  append_group (text, head);
  for (guint step = 1; step <= n_steps; step++)
    {
      g_autoptr(GKeyFile) keys = g_key_file_new ();
      g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
      g_auto(GStrv) id_list = NULL;
      g_autofree char *group = g_strdup_printf ("step %u", step);

      for (guint i = 0; i < questions->len; i++)
        {
          const EquityLensQuestion *question = g_ptr_array_index (questions, i);

          if (question->step == step)
            g_strv_builder_add (ids, question->id != NULL ? question->id : "");
        }
      id_list = g_strv_builder_end (ids);
      g_key_file_set_string (keys, group, "title", step_titles != NULL && step_titles[step - 1] != NULL
                                                   ? step_titles[step - 1] : "");
      g_key_file_set_string_list (keys, group, "questions", (const char * const *) id_list,
                                  g_strv_length (id_list));
      append_group (text, keys);

      /* a duplicate id is listed in its step but its group written once:
       * the parser then refuses it naming the step and the question, not a
       * line of text the user never saw */
      for (guint i = 0; i < questions->len; i++)
        {
          const EquityLensQuestion *question = g_ptr_array_index (questions, i);
          g_autoptr(GKeyFile) qkeys = NULL;
          g_autofree char *qgroup = NULL;

          if (question->step != step || !g_hash_table_add (written, question->id != NULL ? question->id : ""))
            continue;
          qkeys = g_key_file_new ();
          qgroup = g_strdup_printf ("question %s", question->id != NULL ? question->id : "");
          g_key_file_set_string (qkeys, qgroup, "text", question->text != NULL ? question->text : "");
          if (question->help != NULL && *question->help != '\0')
            g_key_file_set_string (qkeys, qgroup, "help", question->help);
          g_key_file_set_string (qkeys, qgroup, "type", equity_answer_type_to_string (question->type));
          if (question->options_dataset != 0)
            {
              g_autofree char *bound = g_strdup_printf ("#%" G_GINT64_FORMAT ":#%u", question->options_dataset,
                                                        question->options_column);

              g_key_file_set_string (qkeys, qgroup, "options-from", bound);
            }
          else if (question->options_from != NULL && *question->options_from != '\0')
            g_key_file_set_string (qkeys, qgroup, "options-from", question->options_from);
          else if (question->options != NULL && question->options[0] != NULL)
            g_key_file_set_string_list (qkeys, qgroup, "options", (const char * const *) question->options,
                                        g_strv_length (question->options));
          append_group (text, qkeys);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
