/* equity-assessment-document.h — an assessment as a signable PDF document
 * (letter paper), for the window's Print and the CLI's --pdf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "equity-project.h"
#include "equity-types.h"

G_BEGIN_DECLS

/* Writes assessment ID of PROJECT to PATH (replaced whole or left alone):
 * title, department, date, status, each step with its questions and
 * answers, the headline and chart of each cited analysis computed now,
 * page numbers and a signature block. */
gboolean equity_assessment_write_pdf        (EquityProject       *project,
                                             gint64               id,
                                             const char          *path,
                                             EquityProgressFunc   progress,
                                             gpointer             progress_data,
                                             GCancellable        *cancellable,
                                             GError             **error);
/* the same in a worker, on a connection of its own to PROJECT_PATH */
void     equity_assessment_write_pdf_async  (const char          *project_path,
                                             gint64               id,
                                             const char          *path,
                                             GCancellable        *cancellable,
                                             EquityProgressFunc   progress,
                                             gpointer             progress_data,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean equity_assessment_write_pdf_finish (GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
