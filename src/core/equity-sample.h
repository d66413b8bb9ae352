/* equity-sample.h — the bundled sample project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-types.h"
#include "equity-project.h"

G_BEGIN_DECLS

/* Creates the sample project at PATH from the real public data compiled into
 * the program (data/samples/), with its saved analyses. Fails if PATH exists.
 * PROGRESS, if given, is called with a fraction 0..1. */
EquityProject *equity_sample_create (const char         *path,
                                     EquityProgressFunc  progress,
                                     gpointer            progress_data,
                                     GCancellable       *cancellable,
                                     GError            **error);

/* equity_sample_create() in a worker thread, built under a temporary name
 * and renamed to PATH when complete; its folder is made if missing. PROGRESS
 * is called on the caller's main context, never once CANCELLABLE is
 * cancelled. */
void           equity_sample_create_async  (const char          *path,
                                            GCancellable        *cancellable,
                                            EquityProgressFunc   progress,
                                            gpointer             progress_data,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean       equity_sample_create_finish (GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
