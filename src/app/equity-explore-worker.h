/* equity-explore-worker.h — analyses and the values of columns, computed in
 * a worker thread with a connection of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "equity-core.h"
#include "equity-analysis-choices.h"

G_BEGIN_DECLS

/* Runs a copy of ANALYSIS on the project at PROJECT_PATH and makes its
 * charts: CHART_KIND (bars, dots, trend…; EQUITY_CHART_N_KINDS: the one that
 * suits the result) and, when the result names areas
 * with geometry, a map. PROGRESS is called on the calling thread's main
 * context, never after CANCELLABLE is cancelled. The callback runs even when
 * cancelled: it must check the cancellable before using USER_DATA. */
void          equity_explore_run_async      (const char          *project_path,
                                             EquityAnalysis      *analysis,
                                             EquityChartKind      chart_kind,
                                             GCancellable        *cancellable,
                                             EquityProgressFunc   progress,
                                             gpointer             progress_data,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* MAP is NULL when the result has no areas to draw; MAP_ERROR says why a
 * map that was asked for could not be drawn. */
EquityResult *equity_explore_run_finish     (GAsyncResult        *result,
                                             EquityChart        **chart,
                                             EquityChart        **map,
                                             GError             **map_error,
                                             GError             **error);

/* The distinct values of COLUMN in DATASET (by name), each with a label from
 * the column that best names the rows when WITH_LABELS. */
void          equity_explore_list_choices_async (const char          *project_path,
                                                 const char          *dataset,
                                                 const char          *column,
                                                 gboolean             with_labels,
                                                 EquityChoiceOrder    order,
                                                 guint                limit,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* a GPtrArray of EquityChoice */
GPtrArray    *equity_explore_list_choices_finish (GAsyncResult       *result,
                                                  GError            **error);

G_END_DECLS
