/* equity-import-dialog.h — a file's preview and settings before it is imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "equity-core.h"

G_BEGIN_DECLS

#define EQUITY_TYPE_IMPORT_DIALOG (equity_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (EquityImportDialog, equity_import_dialog, EQUITY, IMPORT_DIALOG, AdwWindow)

/* Reads FILE in a thread (progress, Cancel) and shows what an import into
 * PROJECT would make of it. "import" is emitted when the person confirms:
 * the importer, with their choices, is then ready for equity_importer_run();
 * the dialog stays until it is destroyed or shown an error. Cancel closes
 * the dialog ("close-request"). */
EquityImportDialog *equity_import_dialog_new          (GtkWindow          *parent,
                                                       EquityProject      *project,
                                                       GFile              *file);
GFile              *equity_import_dialog_get_file     (EquityImportDialog *self);
/* the analyzed importer, or NULL while reading or after a failure */
EquityImporter     *equity_import_dialog_get_importer (EquityImportDialog *self);
/* Shows ERROR in the dialog, e.g. after a failed import, and presents it. */
void                equity_import_dialog_show_error   (EquityImportDialog *self,
                                                       const char         *message);

/* for tests */
gboolean            equity_import_dialog_is_ready     (EquityImportDialog *self);
/* "comma-separated, UTF-8 · 15,015 rows · 11 columns" */
const char         *equity_import_dialog_get_summary  (EquityImportDialog *self);
const char         *equity_import_dialog_get_error    (EquityImportDialog *self);
void                equity_import_dialog_set_header_line (EquityImportDialog *self,
                                                          guint               line);
/* text files: keep a quote that belongs to the text (the importer's lenient_quotes) */
void                equity_import_dialog_set_lenient_quotes (EquityImportDialog *self,
                                                             gboolean            lenient);
GtkWidget          *equity_import_dialog_get_lenient_quotes_row (EquityImportDialog *self);
/* what the page shown when the file cannot be read suggests, from the
 * controls this kind of file has */
const char         *equity_import_dialog_get_failure_hint (EquityImportDialog *self);
const char         *equity_import_dialog_get_dataset_name (EquityImportDialog *self);
void                equity_import_dialog_set_dataset_name (EquityImportDialog *self,
                                                           const char         *name);
/* the sheets or layers to choose from (GtkStringObject) */
GListModel         *equity_import_dialog_get_layers   (EquityImportDialog *self);
void                equity_import_dialog_set_layer    (EquityImportDialog *self,
                                                       guint               index);
GtkWidget          *equity_import_dialog_get_column_row (EquityImportDialog *self,
                                                         guint               position);
GtkColumnView      *equity_import_dialog_get_preview  (EquityImportDialog *self);

G_END_DECLS
