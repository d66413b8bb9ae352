/* equity-progress-relay.h — brings a worker thread's progress to the main
 * context of the caller of an *_async function (private to the core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "equity-types.h"

G_BEGIN_DECLS

typedef struct _EquityProgressRelay EquityProgressRelay;

/* Calls PROGRESS (may be NULL) on the thread-default main context of the
 * caller, never once CANCELLABLE (may be NULL) is cancelled. Updates are
 * coalesced: at most one waits on the main context, and one queued before
 * the worker returns its GTask reaches the caller before the task's callback. */
EquityProgressRelay *equity_progress_relay_new    (EquityProgressFunc   progress,
                                                   gpointer             progress_data,
                                                   GCancellable        *cancellable);
EquityProgressRelay *equity_progress_relay_ref    (EquityProgressRelay *self);
void                 equity_progress_relay_unref  (EquityProgressRelay *self);
/* In the worker: the next reports cover START … START + LENGTH of the whole. */
void                 equity_progress_relay_set_span (EquityProgressRelay *self,
                                                     double               start,
                                                     double               length);
/* An EquityProgressFunc for the worker: DATA is the relay. */
void                 equity_progress_relay_report (double               fraction,
                                                   gpointer             data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EquityProgressRelay, equity_progress_relay_unref)

G_END_DECLS
