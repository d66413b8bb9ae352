/* equity-job.h — long work of the core, with a title and progress for the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "equity-core.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_JOB (equity_job_get_type ())
G_DECLARE_FINAL_TYPE (EquityJob, equity_job, EQUITY, JOB, GObject)

EquityJob    *equity_job_new                 (const char          *title) G_GNUC_WARN_UNUSED_RESULT;
const char   *equity_job_get_title           (EquityJob           *self);
double        equity_job_get_fraction        (EquityJob           *self);
GCancellable *equity_job_get_cancellable     (EquityJob           *self);
void          equity_job_cancel              (EquityJob           *self);
/* An EquityProgressFunc for core *_async calls run for this job (DATA: the job) */
void          equity_job_report              (double               fraction,
                                              gpointer             data);

/* Reads IMPORTER's whole file (equity_importer_analyze()). With LIST_LAYERS,
 * also lists the sheets or map layers of a file that is not text. The
 * importer belongs to the worker until the callback runs. */
void          equity_job_analyze_async       (EquityJob           *self,
                                              EquityImporter      *importer,
                                              gboolean             list_layers,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* LAYERS: the sheet or layer names, or NULL when none were listed */
gboolean      equity_job_analyze_finish      (EquityJob           *self,
                                              GAsyncResult        *result,
                                              char              ***layers,
                                              GError             **error);

/* Imports with IMPORTER (analyzed first if it was not) into the project at
 * PROJECT_PATH. The worker opens the project with its own connection; the
 * caller reloads its catalog after. On failure the project is unchanged
 * and the importer can be run again. */
void          equity_job_import_async        (EquityJob           *self,
                                              const char          *project_path,
                                              EquityImporter      *importer,
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
