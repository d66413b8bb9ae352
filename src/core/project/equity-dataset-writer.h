/* equity-dataset-writer.h — a new dataset's rows written in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-dataset-reader.h"   /* EquityCellKind, the same kinds read and written */
#include "equity-project.h"

G_BEGIN_DECLS

/* A value as it goes into the table */
typedef struct
{
  EquityCellKind kind;
  gsize          length;    /* of data */
  union
  {
    gint64      integer;
    double      real;
    const char *data;       /* text or blob */
    gsize       offset;     /* the same, for a caller whose buffer may still move */
  } v;
} EquityCell;

/* Begin, append rows, finish: the catalog entry, the table and its rows are
 * committed together by finish, or not at all (freeing an unfinished writer
 * rolls everything back). */
typedef struct _EquityDatasetWriter EquityDatasetWriter;

/* Begins a transaction and creates the dataset NAME with COLUMNS
 * (EquityColumn). MAX_ROWS_PER_APPEND caps the rows one statement stores:
 * the caller's batches are no longer than that. */
EquityDatasetWriter *equity_dataset_writer_begin        (EquityProject        *project,
                                                         const char           *name,
                                                         const char           *source,
                                                         const char           *format,
                                                         GPtrArray            *columns,
                                                         guint                 max_rows_per_append,
                                                         GError              **error);
/* how many rows one statement stores: batches of a multiple of it go fastest */
guint                equity_dataset_writer_get_rows_per_insert (EquityDatasetWriter *self);
/* whether append() wants the rows' bounding boxes (a dataset with geometries) */
gboolean             equity_dataset_writer_wants_boxes  (EquityDatasetWriter  *self);
/* Stores N_ROWS rows of CELLS (row by row, a cell per column), which need
 * only live through the call. BOXES: NULL, or min_x, max_x, min_y, max_y for
 * each row, NAN for a row without one. */
gboolean             equity_dataset_writer_append       (EquityDatasetWriter  *self,
                                                         const EquityCell     *cells,
                                                         const double         *boxes,
                                                         guint                 n_rows,
                                                         GError              **error);
/* Records each column's count of empty values (N_NULLS, one per column) and
 * the row count, and commits; rolls back on failure. */
gboolean             equity_dataset_writer_finish       (EquityDatasetWriter  *self,
                                                         const guint64        *n_nulls,
                                                         GError              **error);
void                 equity_dataset_writer_free         (EquityDatasetWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EquityDatasetWriter, equity_dataset_writer_free)

G_END_DECLS
