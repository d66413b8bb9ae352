/* equity-plan.h — the city-wide action plan: goals, numbered actions,
 * quarterly progress notes; overdue and off-track actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "equity-indicator.h"
#include "equity-project.h"

G_BEGIN_DECLS

typedef struct
{
  gint64   id;          /* stable; the number below is derived */
  gint64   goal_id;
  char    *number;      /* "1.2": goal 1, its second action */
  char    *goal;        /* the goal's title */
  char    *title;
  char    *department;
  char    *owner;
  char    *due;         /* ISO 8601 date, or NULL */
  char    *status;      /* "not-started", "ongoing", "done", "dropped" */
  char    *priority;    /* "high", "medium", "low" */
  GArray  *indicators;  /* gint64 indicator ids */
  double   budget;      /* NAN when not given */
  double   spent;
  gboolean overdue;
  gboolean off_track;   /* a linked indicator is off track (docs/methods.md §10) */
} EquityPlanAction;

void equity_plan_action_free (EquityPlanAction *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EquityPlanAction, equity_plan_action_free)

/* "Not started", "Ongoing", … for a status as stored; the value itself
 * when it is none of them */
const char *equity_plan_status_to_label (const char *status);
/* the statuses an action may have, in their order, NULL-terminated */
const char * const *equity_plan_get_statuses (void);
/* the priorities, "high" first, NULL-terminated; each as the reader says it */
const char * const *equity_plan_get_priorities    (void);
const char         *equity_plan_priority_to_label (const char *priority);

/* Due before TODAY and neither done nor dropped. */
gboolean  equity_plan_is_overdue      (const char       *due,
                                       const char       *status,
                                       const GDate      *today);

/* returns the new goal's id (it goes last), or 0 */
gint64    equity_plan_add_goal        (EquityProject    *project,
                                       const char       *title,
                                       GError          **error);
gboolean  equity_plan_set_goal_title  (EquityProject    *project,
                                       gint64            goal_id,
                                       const char       *title,
                                       GError          **error);
/* a new action, last under GOAL_ID; returns its id, or 0 */
gint64    equity_plan_add_action      (EquityProject    *project,
                                       gint64            goal_id,
                                       const char       *title,
                                       GError          **error);
/* Checks and sets one field: department, owner, due (YYYY-MM-DD), status,
 * priority, budget, spent (numbers), indicators (ids, "3;7"), title. */
gboolean  equity_plan_set_action_field (EquityProject   *project,
                                        gint64           id,
                                        const char      *field,
                                        const char      *value,
                                        GError         **error);
/* the check alone, for a caller that wants all fields right before the
 * first write; NORMALIZED (may be NULL) gets the value as it would be stored */
gboolean  equity_plan_check_action_field (const char    *field,
                                          const char    *value,
                                          char         **normalized,
                                          GError       **error);
gboolean  equity_plan_add_progress_note (EquityProject  *project,
                                         gint64          action_id,
                                         const char     *date,
                                         const char     *text,
                                         GError        **error);
/* Every action in plan order, numbered, with overdue judged against TODAY
 * (NULL: the local date). */
GPtrArray *equity_plan_list_actions   (EquityProject    *project,
                                       const GDate      *today,
                                       GError          **error);
/* The same list with no indicator evaluated: off_track stays FALSE until
 * equity_plan_mark_off_track(). Quick enough for the main thread, which
 * shows the actions at once and their off-track marks when they are known. */
GPtrArray *equity_plan_list_actions_unchecked (EquityProject *project,
                                               const GDate   *today,
                                               GError       **error);

/* The evaluated status of indicators (docs/methods.md §10), each evaluated
 * once: a table of gint64 id → EquityIndicatorStatus, read with
 * equity_plan_get_indicator_status(). IDS (gint64; NULL: every indicator of
 * PROJECT) says which. One that is gone or cannot be evaluated has no data,
 * which is not off track. NULL only when the indicators cannot be read or
 * CANCELLABLE was cancelled. */
GHashTable *equity_plan_evaluate_indicators        (EquityProject        *project,
                                                    GArray               *ids,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
/* The same for every indicator, in a worker with its own connection to
 * PROJECT_PATH. */
void        equity_plan_evaluate_indicators_async  (const char           *project_path,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GHashTable *equity_plan_evaluate_indicators_finish (GAsyncResult         *result,
                                                    GError              **error);
/* The same table from evaluations the caller already has: the status of
 * each of INDICATORS by its evaluation in EVALUATIONS (same order; a NULL
 * one has no data), so what evaluated them once need not again. */
GHashTable *equity_plan_statuses_of_evaluations    (GPtrArray            *indicators,
                                                    GPtrArray            *evaluations);
/* no data for an id STATUSES does not hold */
EquityIndicatorStatus equity_plan_get_indicator_status (GHashTable   *statuses,
                                                        gint64        indicator_id);
/* Sets each action's off_track: one of its indicators is off track in STATUSES. */
void        equity_plan_mark_off_track             (GPtrArray            *actions,
                                                    GHashTable           *statuses);

/* the action numbered NUMBER ("1.2") or with id "#7"; 0 when none */
gint64    equity_plan_find_action     (GPtrArray        *actions,
                                       const char       *number);

G_END_DECLS
