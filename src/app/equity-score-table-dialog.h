/* equity-score-table-dialog.h — edit the project's ratio-to-score table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-core.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_SCORE_TABLE_DIALOG (equity_score_table_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EquityScoreTableDialog, equity_score_table_dialog, EQUITY, SCORE_TABLE_DIALOG, AdwWindow)

/* A dialog on PROJECT's score table; NULL with ERROR when the table cannot
 * be read. Emits ::saved (EquityScoreTable *previous) once the edited table
 * is stored, then closes. */
GtkWindow  *equity_score_table_dialog_new (GtkWindow     *parent,
                                           EquityProject *project,
                                           GError       **error);

/* for tests: the entry of band BAND (0-based), COLUMN 0 start, 1 first
 * score, 2 step; the preview and the inline error as shown */
GtkEditable *_equity_score_table_dialog_get_band_entry (EquityScoreTableDialog *self,
                                                        guint                   band,
                                                        guint                   column);
const char  *_equity_score_table_dialog_get_preview    (EquityScoreTableDialog *self);
const char  *_equity_score_table_dialog_get_error      (EquityScoreTableDialog *self);
GtkEditable *_equity_score_table_dialog_get_source     (EquityScoreTableDialog *self);
GtkWidget   *_equity_score_table_dialog_get_save_button (EquityScoreTableDialog *self);

G_END_DECLS
