/* equity-analysis-async.h — an analysis and its charts, computed in a worker
 * thread with a connection of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "equity-analysis.h"
#include "equity-chart.h"

G_BEGIN_DECLS

/* Runs a copy of SELF on the project at PROJECT_PATH and makes its charts:
 * CHART_KIND (bars, dots, trend…; EQUITY_CHART_N_KINDS: the one that suits
 * the result) and, when the result names areas with geometry, a map.
 * PROGRESS is called on the calling thread's main context, never after
 * CANCELLABLE is cancelled. The callback runs even when cancelled: it must
 * check the cancellable before using USER_DATA. */
void          equity_analysis_run_async     (EquityAnalysis      *self,
                                             const char          *project_path,
                                             EquityChartKind      chart_kind,
                                             GCancellable        *cancellable,
                                             EquityProgressFunc   progress,
                                             gpointer             progress_data,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* MAP is NULL when the result has no areas to draw; MAP_ERROR says why a
 * map that was asked for could not be drawn. */
EquityResult *equity_analysis_run_finish    (EquityAnalysis      *self,
                                             GAsyncResult        *result,
                                             EquityChart        **chart,
                                             EquityChart        **map,
                                             GError             **map_error,
                                             GError             **error);

G_END_DECLS
