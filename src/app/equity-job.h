/* equity-job.h — long work done in a thread, with progress for the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define EQUITY_TYPE_JOB (equity_job_get_type ())
G_DECLARE_FINAL_TYPE (EquityJob, equity_job, EQUITY, JOB, GObject)

EquityJob    *equity_job_new                 (const char          *title) G_GNUC_WARN_UNUSED_RESULT;
const char   *equity_job_get_title           (EquityJob           *self);
double        equity_job_get_fraction        (EquityJob           *self);
GCancellable *equity_job_get_cancellable     (EquityJob           *self);
void          equity_job_cancel              (EquityJob           *self);

/* Imports FILE into the project at PROJECT_PATH. The worker opens the
 * project with its own connection; the caller reloads its catalog after. */
void          equity_job_import_async        (EquityJob           *self,
                                              const char          *project_path,
                                              GFile               *file,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      equity_job_import_finish       (EquityJob           *self,
                                              GAsyncResult        *result,
                                              char               **dataset_name,
                                              guint64             *n_rows,
                                              GError             **error);

/* Creates the sample project at PATH. */
void          equity_job_create_sample_async (EquityJob           *self,
                                              const char          *path,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      equity_job_create_sample_finish (EquityJob          *self,
                                               GAsyncResult       *result,
                                               GError            **error);

G_END_DECLS
