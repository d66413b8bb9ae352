/* equity-dataset-reader.h — reading a dataset's rows without writing SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reader scans chosen columns of a dataset in row order, optionally only
 * the rows whose FILTER column holds VALUE (compared as keys are: see
 * equity_dataset_reader_dup_key()). The analyses, the editor's choices and
 * the CLI read datasets through it, so the table layout ("ds_<id>", "c<n>")
 * stays inside src/core/project/.
 */

#pragma once

#include <gio/gio.h>

#include "equity-project.h"

G_BEGIN_DECLS

typedef struct _EquityDatasetReader EquityDatasetReader;

/* A scan of COLUMNS (N_COLUMNS of them; a NULL entry reads as NULL in every
 * row) of DATASET. FILTER_COLUMN may be NULL (every row). */
EquityDatasetReader *equity_dataset_reader_new       (EquityProject        *project,
                                                      EquityDataset        *dataset,
                                                      EquityColumn * const *columns,
                                                      guint                 n_columns,
                                                      EquityColumn         *filter_column,
                                                      const char           *filter_value,
                                                      GError              **error);
/* …only the rows whose YEAR_COLUMN (a date or a year number; NULL: every
 * row) falls in YEAR */
EquityDatasetReader *equity_dataset_reader_new_in_year (EquityProject        *project,
                                                        EquityDataset        *dataset,
                                                        EquityColumn * const *columns,
                                                        guint                 n_columns,
                                                        EquityColumn         *filter_column,
                                                        const char           *filter_value,
                                                        EquityColumn         *year_column,
                                                        int                   year,
                                                        GError              **error);
/* …of every column, LIMIT rows (−1: all) after skipping OFFSET */
EquityDatasetReader *equity_dataset_reader_new_page  (EquityProject        *project,
                                                      EquityDataset        *dataset,
                                                      gint64                limit,
                                                      gint64                offset,
                                                      GError              **error);
/* Moves to the next row; FALSE at the end, or with ERROR set on failure. */
gboolean             equity_dataset_reader_next      (EquityDatasetReader  *self,
                                                      GError              **error);
void                 equity_dataset_reader_free      (EquityDatasetReader  *self);

typedef enum
{
  EQUITY_CELL_NULL,
  EQUITY_CELL_INTEGER,
  EQUITY_CELL_REAL,
  EQUITY_CELL_TEXT,
  EQUITY_CELL_BLOB,
} EquityCellKind;

/* how the cell is stored */
EquityCellKind       equity_dataset_reader_get_kind  (EquityDatasetReader  *self,
                                                      guint                 index);
gboolean             equity_dataset_reader_is_null   (EquityDatasetReader  *self,
                                                      guint                 index);
/* the cell as a number; NAN for NULL (text reads as its leading number) */
double               equity_dataset_reader_get_double (EquityDatasetReader *self,
                                                       guint                index);
gint64               equity_dataset_reader_get_int64 (EquityDatasetReader  *self,
                                                      guint                 index);
/* the cell's text as stored; NULL for NULL; valid until the next row */
const char          *equity_dataset_reader_get_text  (EquityDatasetReader  *self,
                                                      guint                 index);
const guint8        *equity_dataset_reader_get_blob  (EquityDatasetReader  *self,
                                                      guint                 index,
                                                      gsize                *length);
/* A cell as the text keys match on: integers in decimal, reals that are whole
 * numbers without ".0", text as stored; NULL for NULL. */
char                *equity_dataset_reader_dup_key   (EquityDatasetReader  *self,
                                                      guint                 index);
/* …without allocating for text and integers: valid until the next row */
const char          *equity_dataset_reader_peek_key  (EquityDatasetReader  *self,
                                                      guint                 index);

/* Each distinct non-empty value of COLUMN with its number of rows and the
 * least text of LABEL_COLUMN (may be NULL) among them, most rows first, ties
 * by value. Cancelling CANCELLABLE interrupts the scan. */
typedef void (*EquityDistinctFunc) (const char *key,
                                    guint64     n_rows,
                                    const char *label,
                                    gpointer    user_data);
gboolean             equity_dataset_read_distinct    (EquityProject        *project,
                                                      EquityDataset        *dataset,
                                                      EquityColumn         *column,
                                                      EquityColumn         *label_column,
                                                      GCancellable         *cancellable,
                                                      EquityDistinctFunc    func,
                                                      gpointer              user_data,
                                                      GError              **error);
/* COUNTS[i]: how many distinct values COLUMNS[i] holds */
gboolean             equity_dataset_count_distinct   (EquityProject        *project,
                                                      EquityDataset        *dataset,
                                                      EquityColumn * const *columns,
                                                      guint                 n_columns,
                                                      guint64              *counts,
                                                      GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EquityDatasetReader, equity_dataset_reader_free)

G_END_DECLS
