/* equity-indicator-board.h — every indicator of a project evaluated, with
 * what failed, the topic, theme and city means, and the years they are of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "equity-indicator-evaluation.h"
#include "equity-types.h"

G_BEGIN_DECLS

typedef struct _EquityIndicatorBoard EquityIndicatorBoard;

#define EQUITY_TYPE_INDICATOR_BOARD (equity_indicator_board_get_type ())
GType                  equity_indicator_board_get_type   (void) G_GNUC_CONST;
EquityIndicatorBoard  *equity_indicator_board_ref        (EquityIndicatorBoard *self);
void                   equity_indicator_board_unref      (EquityIndicatorBoard *self);

/* Lists PROJECT's indicators (by theme, topic, name) and evaluates each, one
 * after the other; one that cannot be evaluated (its analysis deleted, say)
 * keeps its error and the others are still scored. PROGRESS (may be NULL):
 * 0–1 across all indicators. Fails only when the list cannot be read or on
 * cancelling (G_IO_ERROR_CANCELLED). */
EquityIndicatorBoard  *equity_indicator_board_load       (EquityProject        *project,
                                                          GCancellable         *cancellable,
                                                          EquityProgressFunc    progress,
                                                          gpointer              progress_data,
                                                          GError              **error);
/* …only the indicators whose ids are in IDS (gint64; NULL: all) */
EquityIndicatorBoard  *equity_indicator_board_load_ids   (EquityProject        *project,
                                                          GArray               *ids,
                                                          GCancellable         *cancellable,
                                                          EquityProgressFunc    progress,
                                                          gpointer              progress_data,
                                                          GError              **error);
/* The same in a worker with its own connection to PROJECT_PATH; PROGRESS on
 * the calling thread's main context, never after cancelling. */
void                   equity_indicator_board_load_async (const char           *project_path,
                                                          GCancellable         *cancellable,
                                                          EquityProgressFunc    progress,
                                                          gpointer              progress_data,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
EquityIndicatorBoard  *equity_indicator_board_load_finish (GAsyncResult        *result,
                                                           GError             **error);

guint                      equity_indicator_board_get_n_indicators (EquityIndicatorBoard *self);
EquityIndicator           *equity_indicator_board_get_indicator    (EquityIndicatorBoard *self,
                                                                    guint                 index);
/* NULL where the evaluation failed; then get_error says why */
EquityIndicatorEvaluation *equity_indicator_board_get_evaluation   (EquityIndicatorBoard *self,
                                                                    guint                 index);
const GError              *equity_indicator_board_get_error        (EquityIndicatorBoard *self,
                                                                    guint                 index);
EquityIndicatorSummary    *equity_indicator_board_get_summary      (EquityIndicatorBoard *self);
/* the latest year the city has a score (0: none): the means are of it */
int                        equity_indicator_board_get_year         (EquityIndicatorBoard *self);
/* the first year every theme scored in the board's year had a score too:
 * the baseline of the city's change (0: none) */
int                        equity_indicator_board_get_first_year   (EquityIndicatorBoard *self);
/* The mean score of THEME (TOPIC NULL) or of its TOPIC, or the city's (both
 * NULL), in the board's year or, when that level has none then, its latest
 * before; YEAR (may be NULL): the year of it. NAN when none, or SELF NULL. */
double                     equity_indicator_board_get_mean         (EquityIndicatorBoard *self,
                                                                    const char           *theme,
                                                                    const char           *topic,
                                                                    int                  *year);
/* the city score's change since the first year, or NAN (SELF may be NULL) */
double                     equity_indicator_board_get_city_change  (EquityIndicatorBoard *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EquityIndicatorBoard, equity_indicator_board_unref)

G_END_DECLS
