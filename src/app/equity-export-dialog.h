/* equity-export-dialog.h — what goes into the council-packet workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-core.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_EXPORT_DIALOG (equity_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EquityExportDialog, equity_export_dialog, EQUITY, EXPORT_DIALOG, AdwWindow)

/* Offers PROJECT's saved analyses (all ticked) and datasets (none). It emits
 * ::export with the file chosen; the window writes it in a worker. */
EquityExportDialog *equity_export_dialog_new         (GtkWindow          *parent,
                                                      EquityProject      *project);
/* What was chosen; the strings and arrays live as long as the dialog. */
void                equity_export_dialog_get_options (EquityExportDialog *self,
                                                      EquityWorkbookOptions *options);
/* for tests: the rows that tick an analysis or a dataset */
GtkCheckButton     *equity_export_dialog_get_check   (EquityExportDialog *self,
                                                      const char         *name);
/* whether Export… is offered: at least one analysis ticked */
gboolean            equity_export_dialog_can_export  (EquityExportDialog *self);
/* what the Export… button does after the file chooser */
void                equity_export_dialog_export_to   (EquityExportDialog *self,
                                                      const char         *path);

/* the check of the Nth assessment listed (0-based), or NULL */
GtkCheckButton     *equity_export_dialog_get_assessment_check (EquityExportDialog *self,
                                                               guint               n);

G_END_DECLS
