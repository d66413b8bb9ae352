/* equity-progress-relay.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-progress"

#include "config.h"

#include "equity-progress-relay.h"

struct _EquityProgressRelay
{
  gatomicrefcount     ref_count;
  GMainContext       *main_context;
  GCancellable       *cancellable;
  EquityProgressFunc  progress;
  gpointer            progress_data;

  /* Written by the worker, read on the main context. */
  GMutex              mutex;
  double              span_start;
  double              span_length;
  double              fraction;
  gboolean            queued;
};

EquityProgressRelay *
equity_progress_relay_new (EquityProgressFunc  progress,
                           gpointer            progress_data,
                           GCancellable       *cancellable)
{
  EquityProgressRelay *self = g_new0 (EquityProgressRelay, 1);

  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->mutex);
  self->main_context = g_main_context_ref_thread_default ();
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->progress = progress;
  self->progress_data = progress_data;
  self->span_length = 1.0;

  return self;
}

EquityProgressRelay *
equity_progress_relay_ref (EquityProgressRelay *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
equity_progress_relay_unref (EquityProgressRelay *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_mutex_clear (&self->mutex);
  g_main_context_unref (self->main_context);
  g_clear_object (&self->cancellable);
  g_free (self);
}

void
equity_progress_relay_set_span (EquityProgressRelay *self,
                                double               start,
                                double               length)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->mutex);
  self->span_start = start;
  self->span_length = length;
  g_mutex_unlock (&self->mutex);
}

static gboolean
flush_cb (gpointer data)
{
  EquityProgressRelay *self = data;
  double fraction;

  g_mutex_lock (&self->mutex);
  fraction = self->fraction;
  self->queued = FALSE;
  g_mutex_unlock (&self->mutex);

  /* a cancelled run's caller may be gone */
  if (!g_cancellable_is_cancelled (self->cancellable))
    self->progress (fraction, self->progress_data);

  return G_SOURCE_REMOVE;
}

void
equity_progress_relay_report (double   fraction,
                              gpointer data)
{
  EquityProgressRelay *self = data;
  gboolean queue;

  if (self->progress == NULL)
    return;

  g_mutex_lock (&self->mutex);
  self->fraction = CLAMP (self->span_start + self->span_length * fraction, 0.0, 1.0);
  queue = !self->queued;
  self->queued = TRUE;
  g_mutex_unlock (&self->mutex);

  if (queue)
    g_main_context_invoke_full (self->main_context, G_PRIORITY_DEFAULT, flush_cb,
                                equity_progress_relay_ref (self),
                                (GDestroyNotify) equity_progress_relay_unref);
}
