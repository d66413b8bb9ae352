/* equity-importer.h — file → typed dataset table, in one transaction
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
  const char *name;          /* dataset name; NULL: the file's base name */
  const char *sheet;         /* spreadsheets: sheet to read; NULL: the first */
  const char *layer;         /* GeoPackage and friends: layer; NULL: the first */
  guint       skip_rows;     /* CSV: lines before the header */
  char        delimiter;     /* CSV: 0 to detect */
  const char *encoding;      /* CSV: NULL to detect */
  const char *source_label;  /* recorded as the source; NULL: the file's path */
  gboolean    lenient_quotes; /* CSV: keep stray quotes as text instead of failing */
} EquityImportOptions;

#define EQUITY_TYPE_IMPORTER (equity_importer_get_type ())
G_DECLARE_FINAL_TYPE (EquityImporter, equity_importer, EQUITY, IMPORTER, GObject)

EquityImporter *equity_importer_new             (GFile                     *file,
                                                 const EquityImportOptions *options);
/* Pass 1: reads the whole file, infers each column's type from every value,
 * suggests roles and null sentinels, and keeps the first rows for a preview. */
gboolean        equity_importer_analyze         (EquityImporter            *self,
                                                 EquityProgressFunc         progress,
                                                 gpointer                   progress_data,
                                                 GCancellable              *cancellable,
                                                 GError                   **error);
GFile          *equity_importer_get_file        (EquityImporter            *self);
/* "CSV", "TSV", "XLSX", "GeoJSON", … */
const char     *equity_importer_get_format      (EquityImporter            *self);
/* e.g. "comma-separated, UTF-8" */
char           *equity_importer_describe        (EquityImporter            *self);
const char     *equity_importer_get_name        (EquityImporter            *self);
void            equity_importer_set_name        (EquityImporter            *self,
                                                 const char                *name);
guint64         equity_importer_get_n_rows      (EquityImporter            *self);
/* EquityColumn objects; change their type or role before equity_importer_run() */
GPtrArray      *equity_importer_get_columns     (EquityImporter            *self);
/* up to N_PREVIEW rows as NULL-terminated string arrays (NULL for an empty cell) */
GPtrArray      *equity_importer_get_preview     (EquityImporter            *self);
/* Cell ROW, COLUMN of the preview as equity_importer_run() would store it
 * with the columns' current types: NULL for an empty cell, integers and
 * numbers as stored, dates in ISO 8601. FITS is set to FALSE (and the text
 * given as written) when the value does not fit the column's type, which
 * would stop the import. */
char           *equity_importer_dup_preview_value (EquityImporter          *self,
                                                   guint                    row,
                                                   guint                    column,
                                                   gboolean                *fits);
/* sentinel values seen in the data ("-999", "N/A", …) that would become NULL */
const char * const *equity_importer_get_sentinels (EquityImporter          *self);
void            equity_importer_set_convert_sentinels (EquityImporter      *self,
                                                       gboolean             convert);
/* problems that did not stop the import (ragged rows, …), one per line */
const char * const *equity_importer_get_warnings (EquityImporter           *self);
/* Pass 2: writes the dataset into PROJECT in one transaction. On error or
 * cancellation the project is left exactly as it was. */
EquityDataset  *equity_importer_run             (EquityImporter            *self,
                                                 EquityProject             *project,
                                                 EquityProgressFunc         progress,
                                                 gpointer                   progress_data,
                                                 GCancellable              *cancellable,
                                                 GError                   **error);

/* equity_importer_analyze() in a worker thread. With LIST_LAYERS, also lists
 * the sheets or map layers of a file that is not text. PROGRESS is called on
 * the caller's main context, never once CANCELLABLE is cancelled. The
 * importer belongs to the worker until the callback runs. */
void            equity_importer_analyze_async   (EquityImporter            *self,
                                                 gboolean                   list_layers,
                                                 GCancellable              *cancellable,
                                                 EquityProgressFunc         progress,
                                                 gpointer                   progress_data,
                                                 GAsyncReadyCallback        callback,
                                                 gpointer                   user_data);
/* LAYERS: the sheet or layer names, or NULL when none were listed */
gboolean        equity_importer_analyze_finish  (EquityImporter            *self,
                                                 GAsyncResult              *result,
                                                 char                    ***layers,
                                                 GError                   **error);
/* Imports into the project at PROJECT_PATH in a worker thread, analyzing
 * first (and choosing a free dataset name) when that was not done. The
 * worker opens the project with its own connection; the caller reloads its
 * catalog after. On failure the project is unchanged and the importer can
 * be run again. */
void            equity_importer_run_async       (EquityImporter            *self,
                                                 const char                *project_path,
                                                 GCancellable              *cancellable,
                                                 EquityProgressFunc         progress,
                                                 gpointer                   progress_data,
                                                 GAsyncReadyCallback        callback,
                                                 gpointer                   user_data);
gboolean        equity_importer_run_finish      (EquityImporter            *self,
                                                 GAsyncResult              *result,
                                                 char                     **dataset_name,
                                                 guint64                   *n_rows,
                                                 GError                   **error);

G_END_DECLS
