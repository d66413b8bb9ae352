/* equity-indicator-evaluation.h — an indicator's years scored: ratio, score,
 * change, target and status; and the topic, theme and city means
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "equity-indicator.h"
#include "equity-score-table.h"

G_BEGIN_DECLS

typedef struct _EquityIndicatorEvaluation EquityIndicatorEvaluation;

#define EQUITY_TYPE_INDICATOR_EVALUATION (equity_indicator_evaluation_get_type ())
GType                      equity_indicator_evaluation_get_type   (void) G_GNUC_CONST;
EquityIndicatorEvaluation *equity_indicator_evaluation_ref        (EquityIndicatorEvaluation *self);
void                       equity_indicator_evaluation_unref      (EquityIndicatorEvaluation *self);

/* Every year of SELF: its saved analysis run once per year (each year's
 * events only), or its stored values; scored by PROJECT's score table. */
EquityIndicatorEvaluation *equity_indicator_evaluate        (EquityProject       *project,
                                                             EquityIndicator     *indicator,
                                                             GCancellable        *cancellable,
                                                             GError             **error);
/* Each of INDICATORS evaluated, in their order; NULL at the first that
 * cannot be, with ERROR naming it */
GPtrArray                 *equity_indicator_evaluate_each   (EquityProject       *project,
                                                             GPtrArray           *indicators,
                                                             GCancellable        *cancellable,
                                                             GError             **error);
/* The same in a worker with its own connection to PROJECT_PATH; PROGRESS
 * on the calling thread's main context, never after cancelling. */
void                       equity_indicator_evaluate_async  (EquityIndicator     *indicator,
                                                             const char          *project_path,
                                                             GCancellable        *cancellable,
                                                             EquityProgressFunc   progress,
                                                             gpointer             progress_data,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
EquityIndicatorEvaluation *equity_indicator_evaluate_finish (EquityIndicator     *indicator,
                                                             GAsyncResult        *result,
                                                             GError             **error);
/* Scores YEARS (stored or computed values) without reading a project: the
 * pure part of equity_indicator_evaluate(), for tests and typed values. */
EquityIndicatorEvaluation *equity_indicator_evaluation_new  (EquityIndicator     *indicator,
                                                             EquityScoreTable    *table,
                                                             GArray              *years);

guint                      equity_indicator_evaluation_get_n_years (EquityIndicatorEvaluation *self);
const EquityIndicatorYear *equity_indicator_evaluation_get_year    (EquityIndicatorEvaluation *self,
                                                                    guint                      index);
/* the year YEAR, or NULL */
const EquityIndicatorYear *equity_indicator_evaluation_find_year   (EquityIndicatorEvaluation *self,
                                                                    int                        year);
int                        equity_indicator_evaluation_get_baseline_year (EquityIndicatorEvaluation *self);
/* docs/methods.md, "Indicator status" */
EquityIndicatorStatus      equity_indicator_evaluation_get_status  (EquityIndicatorEvaluation *self);
/* what each year's numbers came from, for notes (text as given) */
const char                *equity_indicator_evaluation_get_source  (EquityIndicatorEvaluation *self);

/* Unweighted means per year: a topic's score is the mean of its indicators'
 * scores that year, a theme's the mean of its topics', the city's the mean
 * of the themes' (levels without a score that year are left out). */
typedef struct _EquityIndicatorSummary EquityIndicatorSummary;

/* INDICATORS and EVALUATIONS side by side */
EquityIndicatorSummary *equity_indicator_summary_new       (GPtrArray              *indicators,
                                                            GPtrArray              *evaluations);
void                    equity_indicator_summary_free      (EquityIndicatorSummary *self);
/* every year any indicator has, ascending */
const int              *equity_indicator_summary_get_years (EquityIndicatorSummary *self,
                                                            guint                  *n_years);
/* NAN when there is no score that year */
double                  equity_indicator_summary_topic_score (EquityIndicatorSummary *self,
                                                              const char             *theme,
                                                              const char             *topic,
                                                              int                     year);
double                  equity_indicator_summary_theme_score (EquityIndicatorSummary *self,
                                                              const char             *theme,
                                                              int                     year);
double                  equity_indicator_summary_city_score  (EquityIndicatorSummary *self,
                                                              int                     year);

/* The JSON of `indicators --json` (../shared/CLI.md): one object per
 * indicator, numbers that do not apply as null. EVALUATIONS beside
 * INDICATORS; a NULL evaluation lists no years. */
JsonNode               *equity_indicators_to_json          (GPtrArray              *indicators,
                                                            GPtrArray              *evaluations);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EquityIndicatorEvaluation, equity_indicator_evaluation_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EquityIndicatorSummary, equity_indicator_summary_free)

G_END_DECLS
