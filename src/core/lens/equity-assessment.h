/* equity-assessment.h — an equity-lens assessment of a program, policy or
 * budget request: its answers, on the template version it began with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-lens-template.h"

G_BEGIN_DECLS

typedef struct
{
  char   *question;
  char   *value;        /* as given; a checklist's choices one a line */
  char   *cited_kind;   /* "analysis", "dataset" or NULL */
  gint64  cited_id;
} EquityAnswer;

typedef struct
{
  gint64              id;
  char               *title;
  char               *department;
  char               *subject;     /* "program", "policy", "budget-request" */
  char               *status;      /* "draft", "in-review", "final" */
  char               *date;        /* ISO 8601 */
  EquityLensTemplate *template;    /* the version it began with */
  GHashTable         *answers;     /* question id → EquityAnswer */
} EquityAssessment;

void              equity_assessment_free      (EquityAssessment *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EquityAssessment, equity_assessment_free)

/* Begins an assessment on the newest version of TEMPLATE_NAME; DATE NULL
 * means today. Returns its id, or 0. */
gint64            equity_assessment_create    (EquityProject     *project,
                                               const char        *template_name,
                                               const char        *title,
                                               const char        *department,
                                               const char        *subject,
                                               const char        *date,
                                               GError           **error);
/* The same with its first answers (question id → value, or NULL) and its
 * status (or NULL: draft), all checked before anything is written. */
gint64            equity_assessment_create_full (EquityProject   *project,
                                                 const char      *template_name,
                                                 const char      *title,
                                                 const char      *department,
                                                 const char      *subject,
                                                 const char      *date,
                                                 const char      *status,
                                                 GHashTable      *answers,
                                                 GError         **error);
EquityAssessment *equity_assessment_load      (EquityProject     *project,
                                               gint64             id,
                                               GError           **error);
/* every assessment, oldest first */
GPtrArray        *equity_assessment_list      (EquityProject     *project,
                                               GError           **error);
/* Checks VALUE against the question's type (a choice among its options,
 * "yes"/"no", checklist items one a line; a citation names a saved
 * analysis, or "dataset:NAME") and saves it, logged. */
gboolean          equity_assessment_answer    (EquityProject     *project,
                                               gint64             id,
                                               const char        *question,
                                               const char        *value,
                                               GError           **error);
/* title, department, subject, status or date */
gboolean          equity_assessment_set_field (EquityProject     *project,
                                               gint64             id,
                                               const char        *field,
                                               const char        *value,
                                               GError           **error);
/* answered / questions of step STEP (1-based), or of all steps when STEP is 0 */
double            equity_assessment_complete  (EquityAssessment  *self,
                                               guint              step,
                                               guint             *answered,
                                               guint             *total);
/* the cited analysis's or dataset's name as it is called today */
char             *equity_assessment_dup_cited_name (EquityProject *project,
                                                    EquityAnswer  *answer);
/* The headline of the cited analysis, computed now from the data; NULL
 * without an error for a kind that has no headline sentence. */
char             *equity_assessment_dup_cited_headline (EquityProject *project,
                                                        EquityAnswer  *answer,
                                                        GError       **error);

/* "Draft", "In review", "Final"; "Program", "Policy", "Budget request" */
const char       *equity_assessment_status_label  (const char    *status);
const char       *equity_assessment_subject_label (const char    *subject);
/* the words themselves, in the order above, NULL-terminated */
const char * const *equity_assessment_get_statuses (void);
const char * const *equity_assessment_get_subjects (void);
/* ANSWER as a reader reads it (Yes/No, a checklist joined by commas, what a
 * citation names today); NULL when the question is not answered */
char             *equity_assessment_dup_answer_text (EquityProject            *project,
                                                     const EquityLensQuestion *question,
                                                     EquityAnswer             *answer);

/* How an assessment's history names FIELD, a change log entry's field: an
 * answer ("answer:QUESTION") by its question's text in TEMPLATE, the version
 * the assessment began with; FIELD itself for any other field, or when
 * TEMPLATE is NULL or has no such question. */
char             *equity_assessment_dup_field_label (EquityLensTemplate *template,
                                                     const char         *field);
/* The template version assessment ID began with, read without its answers */
EquityLensTemplate *equity_assessment_load_template (EquityProject      *project,
                                                     gint64              id,
                                                     GError            **error);

G_END_DECLS
