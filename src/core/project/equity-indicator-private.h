/* equity-indicator-private.h — what the store and the evaluation share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-indicator.h"

G_BEGIN_DECLS

void     _equity_indicator_set_id          (EquityIndicator  *self,
                                            gint64            id);

/* The project's ratio-to-score table: BANDS gets (start, first score, step)
 * triples as doubles, SOURCE its source. FALSE with nothing read when the
 * project predates indicators (read-only files are not upgraded). */
gboolean _equity_project_read_score_bands  (EquityProject    *project,
                                            GArray           *bands,
                                            char            **source,
                                            GError          **error);
gboolean _equity_project_write_score_bands (EquityProject    *project,
                                            const double     *bands,
                                            guint             n_bands,
                                            const char       *source,
                                            GError          **error);

/* "NAME, line LINE, column COLUMN: PROBLEM" for a CSV file read by an
 * indicator (equity-indicator-io.c); always FALSE */
gboolean _equity_csv_error                 (GError          **error,
                                            const char       *path,
                                            guint             line,
                                            guint             column,
                                            const char       *problem);
/* The lines of the small CSV file at PATH, a lone CR ending a line too;
 * NULL with EQUITY_ERROR_NOT_FOUND when it cannot be read */
char   **_equity_csv_read_lines            (const char       *path,
                                            GError          **error);
/* LINE's cells (split at commas: these files quote nothing); NULL when
 * LINE is blank */
char   **_equity_csv_split_line            (char             *line);

G_END_DECLS
