/* equity-import-pipeline.c — a source's rows, read in chunks on a second thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a CSV file is split between two threads: a reader thread parses
 * rows into chunks (and, when writing, converts them) while the calling
 * thread guesses types from, or stores, the chunk before. The calling
 * thread alone touches SQLite and the importer's results. N_CHUNKS chunks of
 * about CELLS_PER_CHUNK cells are in flight, so memory does not grow with
 * the file. Other sources (GDAL keeps per-thread state) fill the same chunks
 * in turn on the calling thread.
 */

#define G_LOG_DOMAIN "equity-importer"

#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-cell-text.h"
#include "equity-error.h"
#include "equity-import-checks.h"
#include "equity-import-pipeline.h"

#define CELLS_PER_CHUNK   16384
#define N_CHUNKS          4

struct _EquityImportPipeline
{
  EquityImporter   *self;
  /* when writing, the column types to convert to; NULL when analyzing */
  EquityColumnType *types;
  guint64          *n_nulls;
  gboolean          want_boxes;
  guint             n_columns;
  guint             rows_per_chunk;
  guint64           n_read;   /* rows so far, counted by the thread that fills */
  GCancellable     *cancellable;
  GAsyncQueue      *empty;    /* EquityImportChunk: for the reader to fill */
  GAsyncQueue      *full;     /* EquityImportChunk: for the calling thread */
  GThread          *reader;   /* NULL: chunks are filled in turn on demand */
  int               stop;     /* atomic: the calling thread gave up */
};

/* A quote that belongs to the text is the usual cause of a quote error:
 * say how to keep it. */
static void
explain_quote_error (EquityImporter *self,
                     GError         *error)
{
  g_autofree char *message = NULL;

  if (self->lenient_quotes || !g_error_matches (error, EQUITY_ERROR, EQUITY_ERROR_PARSE) ||
      strstr (error->message, "quote") == NULL || strstr (error->message, "unterminated") != NULL)
    return;
  message = g_strdup_printf (_("%s. If the quote belongs to the text, import with lenient quotes."),
                             error->message);
  g_free (error->message);
  error->message = g_steal_pointer (&message);
}

/* An empty line in a table of several columns holds no value: skip it. In a
 * one-column file it is a real empty value and stays. */
static inline gboolean
is_blank_line (EquityRecordSource *source,
               guint               n_columns)
{
  gsize length = 0;

  if (n_columns < 2 || source->funcs->n_fields (source) != 1)
    return FALSE;
  source->funcs->field (source, 0, &length);
  return length == 0;
}

/* A row longer than the header loses nothing only if its extra cells are empty. */
static gboolean
check_row_width (EquityImporter  *self,
                 gboolean         report,
                 GError         **error)
{
  EquityRecordSource *source = self->source;
  guint n_fields = source->funcs->n_fields (source);
  guint n_columns = self->columns->len;

  if (n_fields == n_columns)
    return TRUE;

  for (guint i = n_columns; i < n_fields; i++)
    {
      gsize length = 0;
      const char *value = source->funcs->field (source, i, &length);

      if (length > 0)
        {
          g_autofree char *shown = equity_text_for_message (value, length, 40);

          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                       _("%s:%" PRIu64 ":%u: this row has %u fields but the header has %u; "
                         "field %u holds “%s”. Fix the row or choose another header line."),
                       source->display_name, source->funcs->line (source), i + 1,
                       n_fields, n_columns, i + 1, shown);
          return FALSE;
        }
    }

  if (report)
    {
      self->n_ragged++;
      if (self->n_ragged <= 10)
        _equity_importer_add_warning (self,
                                      g_strdup_printf (_("Line %" PRIu64 ": %u fields where the header "
                                                         "has %u; missing cells are left empty"),
                                                       source->funcs->line (source), n_fields, n_columns));
    }
  return TRUE;
}

gboolean
equity_import_convert_value (EquityImporter    *self,
                             guint              index,
                             EquityColumnType   type,
                             const char        *value,
                             gsize              length,
                             EquityCell        *cell,
                             char               date[32],
                             guint64           *n_nulls,
                             GError           **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *shown_name = NULL;

  if (length == 0 ||
      (type != EQUITY_COLUMN_TYPE_GEOMETRY && self->convert_sentinels && equity_value_is_sentinel (value)))
    {
      (*n_nulls)++;
      cell->kind = EQUITY_CELL_NULL;
      return TRUE;
    }

  switch (type)
    {
    case EQUITY_COLUMN_TYPE_INTEGER:
      if (equity_parse_integer (value, &cell->v.integer))
        {
          cell->kind = EQUITY_CELL_INTEGER;
          return TRUE;
        }
      break;

    case EQUITY_COLUMN_TYPE_REAL:
      if (equity_parse_number (value, &cell->v.real))
        {
          cell->kind = EQUITY_CELL_REAL;
          return TRUE;
        }
      break;

    case EQUITY_COLUMN_TYPE_DATE:
      {
        guint layout = self->date_layouts[index];

        /* A user-chosen date type has no layout yet: take the first that fits. */
        for (guint l = 1; layout == 0 && l < EQUITY_DATE_ALL; l <<= 1)
          if (equity_parse_date (value, l, NULL))
            layout = self->date_layouts[index] = l;
        if (layout != 0 && equity_parse_date (value, layout, date))
          {
            cell->kind = EQUITY_CELL_TEXT;
            cell->v.data = date;
            cell->length = strlen (date);
            return TRUE;
          }
      }
      break;

    case EQUITY_COLUMN_TYPE_GEOMETRY:
      cell->kind = EQUITY_CELL_BLOB;
      cell->v.data = value;
      cell->length = length;
      return TRUE;

    case EQUITY_COLUMN_TYPE_TEXT:
    default:
      cell->kind = EQUITY_CELL_TEXT;
      cell->v.data = value;
      cell->length = length;
      return TRUE;
    }

  shown = equity_text_for_message (value, length, 40);
  shown_name = equity_text_for_message (equity_column_get_name (g_ptr_array_index (self->columns, index)), -1, 60);
  g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
               _("%s:%" PRIu64 ":%u: “%s” is not %s, but column “%s” was set to that type"),
               self->source->display_name, self->source->funcs->line (self->source), index + 1, shown,
               type == EQUITY_COLUMN_TYPE_INTEGER ? _("a whole number") :
               type == EQUITY_COLUMN_TYPE_REAL ? _("a number") : _("a date"),
               shown_name);
  return FALSE;
}

guint
equity_import_rows_per_chunk (guint n_columns)
{
  return MAX (CELLS_PER_CHUNK / MAX (n_columns, 1), 1);
}

/* Keeps a copy of LENGTH bytes of TEXT and returns where in CHUNK's bytes:
 * an offset until the bytes stop moving (see fill_chunk()). The source
 * reuses its buffer for the next row. */
static gsize
chunk_keep_bytes (EquityImportChunk *chunk,
                  const char        *text,
                  gsize              length)
{
  gsize start = chunk->n_bytes;

  /* an empty value in a chunk with no bytes yet: nothing to copy, nowhere to */
  if (length == 0)
    return start;
  if (start + length > chunk->bytes_cap)
    {
      chunk->bytes_cap = MAX (chunk->bytes_cap * 2, start + length);
      chunk->bytes = g_realloc (chunk->bytes, chunk->bytes_cap);
    }
  memcpy (chunk->bytes + start, text, length);
  chunk->n_bytes += length;
  return start;
}

/* Keeps a copy of CELL's text, a NUL after it. */
static void
chunk_keep_data (EquityImportChunk *chunk,
                 EquityCell        *cell)
{
  gsize start = chunk_keep_bytes (chunk, cell->v.data, cell->length);

  chunk_keep_bytes (chunk, "", 1);
  cell->v.offset = start;
}

typedef enum
{
  RECORD_ROW,     /* ROW holds the record */
  RECORD_SKIP,    /* a blank line: nothing to keep */
  RECORD_END,     /* the source is done, or failed (CHUNK's error) */
} RecordStatus;

/* The work on one record of the source, analyzing or writing: the next
 * record becomes ROW's cells, its text kept in CHUNK. */
static RecordStatus
read_record (EquityImportPipeline *pipeline,
             EquityImportChunk    *chunk,
             EquityCell           *row,
             double               *box)
{
  EquityImporter *self = pipeline->self;
  EquityRecordSource *source = self->source;
  guint n_columns = pipeline->n_columns;
  gboolean analyzing = pipeline->types == NULL;
  const gsize *offsets = NULL;
  const char *block = NULL;
  gsize kept = 0;
  guint n_fields;
  char date[32];

  if (!source->funcs->next (source, pipeline->cancellable, &chunk->error))
    {
      if (analyzing && chunk->error != NULL)
        explain_quote_error (self, chunk->error);
      return RECORD_END;
    }
  if (is_blank_line (source, n_columns))
    return RECORD_SKIP;
  if (!check_row_width (self, analyzing, &chunk->error))
    return RECORD_END;

  n_fields = MIN (source->funcs->n_fields (source), n_columns);
  /* A source whose fields lie back to back has the row kept in one copy,
   * and a field that is kept as it was read points into that copy. */
  if (source->funcs->fields != NULL)
    block = source->funcs->fields (source, &offsets);
  if (block != NULL)
    kept = chunk_keep_bytes (chunk, block, offsets[n_fields]);

  for (guint i = 0; i < n_fields; i++)
    {
      EquityCell *cell = &row[i];
      gsize length = 0;
      const char *value;

      if (block != NULL)
        {
          value = block + offsets[i];
          length = offsets[i + 1] - offsets[i] - 1;
        }
      else
        value = source->funcs->field (source, i, &length);

      if (analyzing)
        {
          cell->kind = EQUITY_CELL_TEXT;
          cell->v.data = value;
          cell->length = length;
        }
      else if (!equity_import_convert_value (self, i, pipeline->types[i], value, length, cell, date,
                                             &pipeline->n_nulls[i], &chunk->error))
        return RECORD_END;
      if (cell->kind != EQUITY_CELL_TEXT && cell->kind != EQUITY_CELL_BLOB)
        continue;
      if (block != NULL && cell->v.data == value)
        cell->v.offset = kept + offsets[i];
      else
        chunk_keep_data (chunk, cell);
    }

  for (guint i = n_fields; i < n_columns; i++)
    {
      if (analyzing)
        {
          row[i].kind = EQUITY_CELL_TEXT;
          row[i].v.data = "";
          row[i].length = 0;
          chunk_keep_data (chunk, &row[i]);
        }
      else
        {
          pipeline->n_nulls[i]++;
          row[i].kind = EQUITY_CELL_NULL;
        }
    }

  if (box != NULL && !source->funcs->bbox (source, box))
    box[0] = box[1] = box[2] = box[3] = NAN;
  return RECORD_ROW;
}

/* Runs on the reader thread, if there is one. */
static void
fill_chunk (EquityImportPipeline *pipeline,
            EquityImportChunk    *chunk)
{
  EquityRecordSource *source = pipeline->self->source;
  guint n_columns = pipeline->n_columns;

  chunk->n_rows = 0;
  chunk->n_bytes = 0;
  chunk->n_checkpoints = 0;
  chunk->last = FALSE;

  while (chunk->n_rows < pipeline->rows_per_chunk && !chunk->last)
    {
      EquityCell *row = chunk->cells + (gsize) chunk->n_rows * n_columns;
      double *box = chunk->boxes != NULL ? chunk->boxes + 4 * (gsize) chunk->n_rows : NULL;

      switch (read_record (pipeline, chunk, row, box))
        {
        case RECORD_ROW:
          chunk->n_rows++;
          if (++pipeline->n_read % EQUITY_IMPORT_CHECK_EVERY == 0)
            chunk->checkpoints[chunk->n_checkpoints++] = source->funcs->fraction (source);
          break;
        case RECORD_SKIP:
          break;
        case RECORD_END:
        default:
          chunk->last = TRUE;
          break;
        }
    }

  /* The bytes stay where they are now: offsets become pointers. */
  for (gsize i = 0; i < (gsize) chunk->n_rows * n_columns; i++)
    if (chunk->cells[i].kind == EQUITY_CELL_TEXT || chunk->cells[i].kind == EQUITY_CELL_BLOB)
      chunk->cells[i].v.data = chunk->bytes + chunk->cells[i].v.offset;
  chunk->fraction = source->funcs->fraction (source);
}

static gpointer
read_chunks (gpointer data)
{
  EquityImportPipeline *pipeline = data;
  gboolean last = FALSE;

  while (!last)
    {
      EquityImportChunk *chunk = g_async_queue_pop (pipeline->empty);

      if (g_atomic_int_get (&pipeline->stop))
        {
          chunk->n_rows = 0;
          chunk->last = TRUE;
        }
      else
        fill_chunk (pipeline, chunk);
      last = chunk->last;
      g_async_queue_push (pipeline->full, chunk);
    }
  return NULL;
}

EquityImportPipeline *
equity_import_pipeline_start (EquityImporter   *self,
                              EquityColumnType *types,
                              guint64          *n_nulls,
                              gboolean          want_boxes,
                              guint             rows_per_batch,
                              GCancellable     *cancellable)
{
  EquityImportPipeline *pipeline = g_new0 (EquityImportPipeline, 1);
  guint n_columns = self->columns->len;

  pipeline->self = self;
  pipeline->types = types;
  pipeline->n_nulls = n_nulls;
  pipeline->want_boxes = want_boxes && types != NULL;
  pipeline->n_columns = n_columns;
  pipeline->rows_per_chunk = equity_import_rows_per_chunk (n_columns);
  /* whole batches in a chunk, if a chunk holds one */
  if (rows_per_batch > 1 && pipeline->rows_per_chunk > rows_per_batch)
    pipeline->rows_per_chunk -= pipeline->rows_per_chunk % rows_per_batch;
  pipeline->cancellable = cancellable;
  pipeline->empty = g_async_queue_new ();
  pipeline->full = g_async_queue_new ();
  pipeline->stop = FALSE;

  for (guint i = 0; i < N_CHUNKS; i++)
    {
      EquityImportChunk *chunk = g_new0 (EquityImportChunk, 1);

      chunk->cells = g_new (EquityCell, (gsize) pipeline->rows_per_chunk * n_columns);
      chunk->checkpoints = g_new (double, pipeline->rows_per_chunk / EQUITY_IMPORT_CHECK_EVERY + 1);
      if (pipeline->want_boxes)
        chunk->boxes = g_new (double, (gsize) pipeline->rows_per_chunk * 4);
      g_async_queue_push (pipeline->empty, chunk);
    }

  /* GDAL keeps per-thread state, so only the CSV reader moves to another
   * thread. Without one (or if it cannot start) chunks are filled in turn. */
  pipeline->reader = NULL;
  if (equity_record_source_is_text (self->file))
    pipeline->reader = g_thread_try_new ("equity-import", read_chunks, pipeline, NULL);
  return pipeline;
}

EquityImportChunk *
equity_import_pipeline_take (EquityImportPipeline *pipeline)
{
  EquityImportChunk *chunk;

  if (pipeline->reader != NULL)
    return g_async_queue_pop (pipeline->full);

  chunk = g_async_queue_pop (pipeline->empty);
  fill_chunk (pipeline, chunk);
  return chunk;
}

gboolean
equity_import_pipeline_give_back (EquityImportPipeline *pipeline,
                                  EquityImportChunk    *chunk,
                                  gboolean              ok)
{
  gboolean last = chunk->last;

  g_clear_error (&chunk->error);
  g_async_queue_push (pipeline->empty, chunk);
  /* the reader stops at its next chunk and sends that one as the last */
  if (!ok)
    g_atomic_int_set (&pipeline->stop, TRUE);
  return !last && (ok || pipeline->reader != NULL);
}

void
equity_import_pipeline_finish (EquityImportPipeline *pipeline)
{
  EquityImportChunk *chunk;

  g_clear_pointer (&pipeline->reader, g_thread_join);
  /* with the reader gone, every chunk is back in the empty queue */
  while ((chunk = g_async_queue_try_pop (pipeline->empty)) != NULL)
    {
      g_clear_error (&chunk->error);
      g_free (chunk->cells);
      g_free (chunk->boxes);
      g_free (chunk->checkpoints);
      g_free (chunk->bytes);
      g_free (chunk);
    }
  g_clear_pointer (&pipeline->empty, g_async_queue_unref);
  g_clear_pointer (&pipeline->full, g_async_queue_unref);
  g_free (pipeline);
}
