/* equity-lens-template.h — an equity-lens template: steps of questions,
 * stored in the project as key-file text, one version per edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-project.h"

G_BEGIN_DECLS

typedef enum
{
  EQUITY_ANSWER_TEXT,
  EQUITY_ANSWER_CHOICE,      /* one of the options */
  EQUITY_ANSWER_YES_NO,      /* "yes" or "no" */
  EQUITY_ANSWER_CHECKLIST,   /* any of the options, one a line */
  EQUITY_ANSWER_CITATION,    /* a saved analysis or a dataset, by id */
} EquityAnswerType;

typedef struct
{
  char             *id;       /* stable within the template, across versions */
  guint             step;     /* 1-based */
  char             *text;
  char             *help;     /* or NULL */
  EquityAnswerType  type;
  char            **options;  /* choice and checklist; else NULL */
  /* or the distinct values of a dataset's column, bound to ids when the
   * template is saved ("options-from = #12:#3"; written "DATASET:COLUMN") */
  char             *options_from;
  gint64            options_dataset;   /* 0 until bound */
  guint             options_column;
} EquityLensQuestion;

typedef struct
{
  guint      number;
  char      *title;
  GPtrArray *questions;       /* EquityLensQuestion, borrowed from the template */
} EquityLensStep;

typedef struct _EquityLensTemplate EquityLensTemplate;
struct _EquityLensTemplate
{
  gint64     id;              /* this version's id in the project, 0 before saving */
  char      *name;
  int        version;
  char      *spec;            /* the key-file text as given */
  GPtrArray *steps;           /* EquityLensStep */
  GPtrArray *questions;       /* EquityLensQuestion, in step order */
  /*< private >*/
  gatomicrefcount ref_count;
};

GType               equity_lens_template_get_type   (void) G_GNUC_CONST;
EquityLensTemplate *equity_lens_template_ref        (EquityLensTemplate *self);
void                equity_lens_template_unref      (EquityLensTemplate *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EquityLensTemplate, equity_lens_template_unref)

/* Reads and checks TEXT; FILE_NAME names it in errors. Refuses a missing
 * step, a step without questions, a question listed twice or without its
 * group, an unknown answer type, or a choice without options. */
EquityLensTemplate *equity_lens_template_parse      (const char         *text,
                                                     const char         *file_name,
                                                     GError            **error);
/* one stored version, by id */
EquityLensTemplate *equity_lens_template_load       (EquityProject      *project,
                                                     gint64              id,
                                                     GError            **error);
/* the newest version of every template, by name */
GPtrArray          *equity_lens_template_list_latest (EquityProject     *project,
                                                      GError           **error);
/* Checks TEXT and saves it as the next version of the template it names;
 * assessments begun on an earlier version keep that version. */
EquityLensTemplate *equity_lens_template_save       (EquityProject      *project,
                                                     const char         *text,
                                                     const char         *file_name,
                                                     GError            **error);
const EquityLensQuestion *equity_lens_template_find_question (EquityLensTemplate *self,
                                                              const char         *id);
/* the options of QUESTION: its own, or the values of its dataset column
 * read now (a column renamed or a dataset deleted gives an error) */
char              **equity_lens_question_dup_options (EquityProject            *project,
                                                      const EquityLensQuestion *question,
                                                      GError                  **error);
const char         *equity_answer_type_to_string    (EquityAnswerType    type);
/* The key-file text of template NAME, for equity_lens_template_save() to
 * check and store: N_STEPS steps titled STEP_TITLES, and QUESTIONS
 * (EquityLensQuestion) each listed under its ->step in the array's order; a
 * bound options_dataset is written "#dataset:#column". Nothing is checked
 * here: a duplicate id (listed twice, its group written once) or an empty
 * step reaches the parser, which refuses it by step and question. */
char               *equity_lens_template_write      (const char         *name,
                                                     const char * const *step_titles,
                                                     guint               n_steps,
                                                     GPtrArray          *questions);

G_END_DECLS
