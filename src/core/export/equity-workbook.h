/* equity-workbook.h — the council-packet workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "equity-project.h"
#include "equity-types.h"

G_BEGIN_DECLS

typedef struct
{
  const char         *title;          /* NULL: the project's title */
  const char         *prepared_by;    /* NULL: the desktop user's name */
  const char         *department;     /* may be NULL */
  guint               suppress_below; /* 0: each analysis's own setting */
  const char * const *analyses;       /* saved analyses by name; NULL: all of them */
  const char * const *datasets;       /* datasets written whole on data sheets; may be NULL */
  gboolean            skip_plan;      /* TRUE: no Action plan sheet (there is one when the project has actions) */
  const gint64       *assessments;    /* assessments by id, each on a sheet, ended by 0; may be NULL */
} EquityWorkbookOptions;

/* Writes the workbook to PATH: a cover with contents and one sentence per
 * analysis, a sheet per analysis (a real table, a native chart and the
 * same picture the window draws), Methods, Sources and Notes. Small counts
 * and whatever would reveal them are hidden. The file is written beside
 * PATH and renamed over it only when complete: a failure or a cancel leaves
 * PATH as it was. */
gboolean equity_workbook_export (EquityProject                *project,
                                 const char                   *path,
                                 const EquityWorkbookOptions  *options,
                                 EquityProgressFunc            progress,
                                 gpointer                      progress_data,
                                 GCancellable                 *cancellable,
                                 GError                      **error);

/* The same in a worker thread that opens PROJECT_PATH with a connection of
 * its own; OPTIONS are copied. PROGRESS runs on the caller's main context. */
void     equity_workbook_export_async  (const char                  *project_path,
                                        const char                  *path,
                                        const EquityWorkbookOptions *options,
                                        GCancellable                *cancellable,
                                        EquityProgressFunc           progress,
                                        gpointer                     progress_data,
                                        GAsyncReadyCallback          callback,
                                        gpointer                     user_data);
gboolean equity_workbook_export_finish (GAsyncResult                *result,
                                        GError                     **error);

/* A valid, unique worksheet name for NAME: at most 31 characters, none of
 * []:*?/\ and no leading or trailing apostrophe; USED holds the names taken
 * (compared without case) and gets the new one. */
char    *equity_workbook_sheet_name (const char *name,
                                     GHashTable *used);

G_END_DECLS
