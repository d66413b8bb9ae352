/* equity-import-dialog-private.h — shared by the files of EquityImportDialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-import-dialog.h"
#include "equity-job.h"

G_BEGIN_DECLS

struct _EquityImportDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkWidget       *import_button;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  AdwPreferencesGroup *name_group;
  AdwEntryRow     *name_row;
  GtkWidget       *file_group;
  AdwComboRow     *delimiter_row;
  AdwComboRow     *encoding_row;
  GtkWidget       *header_row;
  GtkSpinButton   *header_spin;
  GtkWidget       *lenient_row;
  GtkSwitch       *lenient_switch;
  AdwComboRow     *layer_row;
  GtkStringList   *layers;
  GtkWidget       *sentinel_group;
  AdwActionRow    *sentinel_row;
  GtkSwitch       *sentinel_switch;
  GtkWidget       *columns_group;
  GtkListBox      *columns_list;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  GtkLabel        *loading_label;
  GtkProgressBar  *progress_bar;
  AdwStatusPage   *failed_page;
  GtkLabel        *summary_label;
  GtkLabel        *preview_caption;
  GtkRevealer     *warnings_revealer;
  GtkLabel        *warnings_label;
  GtkColumnView   *preview_view;

  /* Owned references */
  EquityProject   *project;
  GFile           *file;
  gboolean         is_text;
  gboolean         is_sheet;       /* a workbook: .xlsx, .xlsm, .ods, .xls */
  EquityJob       *job;            /* the analysis running, or NULL */
  EquityImporter  *pending;        /* the importer it works on */
  EquityImporter  *importer;       /* the last one analyzed */
  GtkStringList   *preview_rows;   /* "0" … "n-1": the preview's items */
  gboolean         layers_listed;
  gboolean         name_edited;
  gboolean         updating;       /* the controls are set from code */
  gboolean         reanalyze_queued;
  guint            reanalyze_source;
  guint            loading_source;
};

/* equity-import-dialog.c */
void _equity_import_dialog_update_actions (EquityImportDialog *self);
void _equity_import_dialog_set_error      (EquityImportDialog *self,
                                           const char         *message);

/* equity-import-dialog-analysis.c */
/* Reads the file again with the dialog's settings, replacing any analysis
 * under way. */
void _equity_import_dialog_analyze        (EquityImportDialog *self);
void _equity_import_dialog_fill_columns   (EquityImportDialog *self);

G_END_DECLS
