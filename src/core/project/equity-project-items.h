/* equity-project-items.h — the store of the equity framework's items:
 * lens templates, assessments and their answers, goals, actions and their
 * progress notes, with the change log that records every edit to them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-project.h"

G_BEGIN_DECLS

typedef enum
{
  EQUITY_ITEM_TEMPLATE,
  EQUITY_ITEM_ASSESSMENT,
  EQUITY_ITEM_GOAL,
  EQUITY_ITEM_ACTION,
} EquityItemKind;

/* the kind as the change log spells it: "template", "assessment", … */
const char *equity_item_kind_to_string (EquityItemKind kind);

/* Who the change log names: ACTOR, or when NULL the desktop user's real
 * name (g_get_real_name()). */
void        equity_project_set_actor       (EquityProject   *self,
                                            const char      *actor);
const char *equity_project_get_actor       (EquityProject   *self);

/* A row is a GHashTable of field name → text; a field without a value is
 * absent. "id" is always there. Rows come in a stable order: templates by
 * name and version, assessments by id, goals and actions by position. */
GPtrArray  *equity_project_list_items      (EquityProject   *self,
                                            EquityItemKind   kind,
                                            GError         **error);
GHashTable *equity_project_get_item        (EquityProject   *self,
                                            EquityItemKind   kind,
                                            gint64           id,
                                            GError         **error);
/* FIELDS: name, value, name, value, …, NULL. Logs one "created" entry
 * whose new value lists the fields. Returns the new id, or 0. */
gint64      equity_project_add_item        (EquityProject   *self,
                                            EquityItemKind   kind,
                                            const char     **fields,
                                            GError         **error);
/* Sets one field (NULL clears it) and logs its old and new value in the
 * same transaction. Templates are never edited: add a version instead. */
gboolean    equity_project_set_item_field  (EquityProject   *self,
                                            EquityItemKind   kind,
                                            gint64           id,
                                            const char      *field,
                                            const char      *value,
                                            GError         **error);
/* a new version of template NAME (1 when it is new); returns its id */
gint64      equity_project_add_template_version (EquityProject *self,
                                                 const char    *name,
                                                 const char    *spec,
                                                 GError       **error);

/* Deletes assessment ID and its answers in one transaction, logging one
 * "deleted" entry whose old value is its title; every earlier entry about it
 * stays, and its id is never given to a later assessment. */
gboolean    equity_project_delete_assessment (EquityProject *self,
                                              gint64         id,
                                              GError       **error);

/* Answers: rows of "question", "value", "cited_kind", "cited_id", "updated_at". */
GPtrArray  *equity_project_list_answers    (EquityProject   *self,
                                            gint64           assessment_id,
                                            GError         **error);
/* the change log's field of an answer: this prefix, then the question's id */
#define EQUITY_ANSWER_FIELD_PREFIX "answer:"

/* Last write wins: the old value is read in the same transaction as the
 * write, so two writers each leave their own entry. CITED_KIND is NULL,
 * "analysis" or "dataset". */
gboolean    equity_project_set_answer      (EquityProject   *self,
                                            gint64           assessment_id,
                                            const char      *question,
                                            const char      *value,
                                            const char      *cited_kind,
                                            gint64           cited_id,
                                            GError         **error);

/* Progress notes of an action: rows of "id", "date", "text", oldest first. */
GPtrArray  *equity_project_list_notes      (EquityProject   *self,
                                            gint64           action_id,
                                            GError         **error);
gboolean    equity_project_add_note        (EquityProject   *self,
                                            gint64           action_id,
                                            const char      *date,
                                            const char      *text,
                                            GError         **error);

/* The change log, oldest first: rows of "id", "at", "who", "item_kind",
 * "item_id", "field", "old_value", "new_value". ITEM_KIND NULL lists all;
 * ITEM_ID 0 every item of the kind. */
GPtrArray  *equity_project_list_changes    (EquityProject   *self,
                                            const char      *item_kind,
                                            gint64           item_id,
                                            GError         **error);

/* For the callers' checks before a write: VALUE among ALLOWED, else an
 * error naming FIELD and the allowed values; a date written YYYY-MM-DD. */
gboolean    equity_item_check_one_of          (const char      *field,
                                               const char      *value,
                                               const char     **allowed,
                                               GError         **error);
gboolean    equity_item_parse_date            (const char      *text,
                                               GDate           *date);
/* The label of WORD, LABELS being WORDS' labels in the same order
 * (translated here); NULL when WORD is none of WORDS */
const char *equity_item_word_label            (const char      *word,
                                               const char     **words,
                                               const char     **labels);
/* A whole-number FIELD of ROW (an id, a position), 0 when ROW has none */
gint64      equity_item_get_number            (GHashTable      *row,
                                               const char      *field);

G_END_DECLS
