/* equity-import-pipeline.h — a source's rows, read in chunks on a second thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-dataset-writer.h"
#include "equity-importer-private.h"

G_BEGIN_DECLS

/* A chunk of rows as the reader left them: N_ROWS × the columns' cells.
 * Analyzing, every cell is the field's text (CELL_TEXT, NUL-terminated);
 * writing, the value the column stores. */
typedef struct
{
  EquityCell *cells;        /* n_rows × n_columns */
  double     *boxes;        /* writing with boxes: 4 per row, NAN for none */
  char       *bytes;        /* the cells' text and blobs, each NUL-terminated */
  gsize       n_bytes;
  gsize       bytes_cap;
  guint       n_rows;
  double      fraction;     /* of the source read once the chunk was full */
  /* of the source read at each row that was a multiple of
   * EQUITY_IMPORT_CHECK_EVERY in the source's order */
  double     *checkpoints;
  guint       n_checkpoints;
  GError     *error;        /* reading stopped on this error */
  gboolean    last;         /* the reader sends nothing after this one */
} EquityImportChunk;

typedef struct _EquityImportPipeline EquityImportPipeline;

/* rows of N_COLUMNS cells a chunk holds */
guint                 equity_import_rows_per_chunk      (guint                 n_columns);
/* Starts reading SELF's source from where it is. TYPES: when writing, the
 * column types to convert to (N_NULLS counts each column's empty values),
 * and WANT_BOXES whether rows carry bounding boxes; NULL when analyzing.
 * Chunks hold whole multiples of ROWS_PER_BATCH rows when they can. */
EquityImportPipeline *equity_import_pipeline_start      (EquityImporter       *self,
                                                         EquityColumnType     *types,
                                                         guint64              *n_nulls,
                                                         gboolean              want_boxes,
                                                         guint                 rows_per_batch,
                                                         GCancellable         *cancellable);
/* the next chunk, in the source's order */
EquityImportChunk    *equity_import_pipeline_take       (EquityImportPipeline *pipeline);
/* Hands CHUNK back for reuse. Returns whether to take another: after the
 * last one, no; after a failure (OK false), only to drain the reader. */
gboolean              equity_import_pipeline_give_back  (EquityImportPipeline *pipeline,
                                                         EquityImportChunk    *chunk,
                                                         gboolean              ok);
void                  equity_import_pipeline_finish     (EquityImportPipeline *pipeline);

/* Turns VALUE, the text of field INDEX, into what a column of TYPE stores.
 * DATE receives a rewritten date, which CELL then points to; text and blobs
 * point into VALUE. ERROR says where, unless it is NULL. */
gboolean              equity_import_convert_value       (EquityImporter       *self,
                                                         guint                 index,
                                                         EquityColumnType      type,
                                                         const char           *value,
                                                         gsize                 length,
                                                         EquityCell           *cell,
                                                         char                  date[32],
                                                         guint64              *n_nulls,
                                                         GError              **error);

G_END_DECLS
