/* equity-importer.c — a file read, its columns' types guessed, its rows stored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-importer"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-cell-text.h"
#include "equity-error.h"
#include "equity-import-checks.h"
#include "equity-import-pipeline.h"
#include "equity-importer-private.h"
#include "equity-project-private.h"

#define MAX_WARNINGS    50


G_DEFINE_FINAL_TYPE (EquityImporter, equity_importer, G_TYPE_OBJECT)

static void
clear_guesses (EquityImporter *self)
{
  if (self->guesses == NULL)
    return;
  for (guint i = 0; i < self->guesses->len; i++)
    equity_type_guess_clear (&g_array_index (self->guesses, EquityTypeGuess, i));
  g_clear_pointer (&self->guesses, g_array_unref);
}

static void
equity_importer_finalize (GObject *object)
{
  EquityImporter *self = EQUITY_IMPORTER (object);

  clear_guesses (self);
  g_clear_object (&self->file);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->sheet, g_free);
  g_clear_pointer (&self->layer, g_free);
  g_clear_pointer (&self->source_label, g_free);
  g_clear_pointer (&self->source, equity_record_source_free);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->date_layouts, g_free);
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->sentinels, g_ptr_array_unref);

  G_OBJECT_CLASS (equity_importer_parent_class)->finalize (object);
}

static void
equity_importer_class_init (EquityImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = equity_importer_finalize;
}

static void
equity_importer_init (EquityImporter *self)
{
  self->convert_sentinels = TRUE;
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->sentinels = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->warnings, NULL);
  g_ptr_array_add (self->sentinels, NULL);
}

static char *
name_from_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  char *dot = strrchr (basename, '.');

  if (dot != NULL && dot != basename)
    *dot = '\0';
  return g_steal_pointer (&basename);
}

EquityImporter *
equity_importer_new (GFile                     *file,
                     const EquityImportOptions *options)
{
  EquityImporter *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (EQUITY_TYPE_IMPORTER, NULL);
  self->file = g_object_ref (file);
  if (options != NULL)
    {
      self->name = g_strdup (options->name);
      self->skip_rows = options->skip_rows;
      self->lenient_quotes = options->lenient_quotes;
      self->delimiter = options->delimiter;
      self->encoding = g_strdup (options->encoding);
      self->sheet = g_strdup (options->sheet);
      self->layer = g_strdup (options->layer);
      self->source_label = g_strdup (options->source_label);
    }
  if (self->name == NULL)
    self->name = name_from_file (file);
  return self;
}

void
_equity_importer_add_warning (EquityImporter *self,
                              char           *message)
{
  if (self->warnings->len > MAX_WARNINGS)
    {
      g_free (message);
      return;
    }
  g_ptr_array_insert (self->warnings, self->warnings->len - 1, message);
}

static EquityRecordSource *
open_source (EquityImporter  *self,
             GError         **error)
{
  if (equity_record_source_is_text (self->file))
    return equity_record_source_new_csv (self->file, self->skip_rows, self->delimiter,
                                         self->encoding, self->lenient_quotes, error);
  return equity_record_source_new_binary (self->file, self->sheet ? self->sheet : self->layer, error);
}

static gboolean
read_header (EquityImporter  *self,
             GCancellable    *cancellable,
             GError         **error)
{
  EquityRecordSource *source = self->source;
  g_autoptr(GError) local_error = NULL;

  if (!source->header_in_data)
    {
      for (guint i = 0; i < source->names->len; i++)
        g_ptr_array_add (self->columns,
                         equity_column_new (g_ptr_array_index (source->names, i),
                                            EQUITY_COLUMN_TYPE_TEXT, EQUITY_COLUMN_ROLE_NONE));
      return TRUE;
    }

  if (!source->funcs->next (source, cancellable, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE,
                     _("%s:%u:1: the file is empty; expected a header row with column names"),
                     source->display_name, self->skip_rows + 1);
      return FALSE;
    }

  for (guint i = 0; i < source->funcs->n_fields (source); i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (source->funcs->field (source, i, NULL)));
      g_ptr_array_add (self->columns, equity_column_new (name, EQUITY_COLUMN_TYPE_TEXT, EQUITY_COLUMN_ROLE_NONE));
    }
  return TRUE;
}

/* Every column gets a name of its own; the warnings keep the header as written. */
static void
name_columns (EquityImporter *self)
{
  g_autoptr(GPtrArray) renamed = g_ptr_array_new_with_free_func (g_free);

  equity_import_name_columns (self->columns, renamed);
  for (guint i = 0; i < renamed->len; i++)
    _equity_importer_add_warning (self, g_strdup (g_ptr_array_index (renamed, i)));
}

/* Types are guessed from the text of every cell but a typed one (GDAL's
 * numbers and dates, geometries: WKB is binary); the first rows are kept
 * for the preview. */
static void
guess_row (EquityImporter   *self,
           const EquityCell *row,
           const int        *field_types)
{
  guint n_columns = self->columns->len;

  for (guint i = 0; i < n_columns; i++)
    {
      EquityTypeGuess *guess = &g_array_index (self->guesses, EquityTypeGuess, i);

      if (field_types[i] >= 0 && row[i].length > 0)
        guess->n_values++;
      else
        equity_type_guess_add (guess, row[i].v.data, row[i].length);
    }

  if (self->preview->len < EQUITY_IMPORT_N_PREVIEW)
    {
      char **preview = g_new0 (char *, n_columns + 1);

      for (guint i = 0; i < n_columns; i++)
        if (row[i].length > 0 && field_types[i] == EQUITY_COLUMN_TYPE_GEOMETRY)
          preview[i] = g_strdup (_("(geometry)"));
        else
          preview[i] = g_strdup (row[i].v.data);
      g_ptr_array_add (self->preview, preview);
    }
}

/* What a row loop does with each chunk of rows the pipeline reads. */
typedef gboolean (*ChunkFunc) (EquityImporter     *self,
                               EquityImportChunk  *chunk,
                               gpointer            data,
                               GError            **error);

/* The row loop analyze() and run() share: SELF's source read through a
 * pipeline (see equity_import_pipeline_start() for TYPES, N_NULLS,
 * WANT_BOXES and ROWS_PER_BATCH), each chunk handed to FUNC in order until
 * reading or FUNC fails; the reader thread is drained and joined either
 * way. */
static gboolean
for_each_chunk (EquityImporter    *self,
                EquityColumnType  *types,
                guint64           *n_nulls,
                gboolean           want_boxes,
                guint              rows_per_batch,
                GCancellable      *cancellable,
                ChunkFunc          func,
                gpointer           data,
                GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  EquityImportPipeline *pipeline;
  gboolean more = TRUE;
  gboolean ok = TRUE;

  pipeline = equity_import_pipeline_start (self, types, n_nulls, want_boxes, rows_per_batch, cancellable);
  while (more)
    {
      EquityImportChunk *chunk = equity_import_pipeline_take (pipeline);

      if (ok && chunk->error != NULL)
        {
          ok = FALSE;
          local_error = g_steal_pointer (&chunk->error);
        }
      else if (ok)
        ok = func (self, chunk, data, &local_error);

      more = equity_import_pipeline_give_back (pipeline, chunk, ok);
    }
  equity_import_pipeline_finish (pipeline);

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

typedef struct
{
  const int          *field_types;
  EquityProgressFunc  progress;
  gpointer            progress_data;
} AnalyzeState;

/* analyze(): every row's text feeds the type guesses */
static gboolean
analyze_chunk (EquityImporter     *self,
               EquityImportChunk  *chunk,
               gpointer            data,
               GError            **error)
{
  AnalyzeState *state = data;
  guint n_columns = self->columns->len;

  for (guint r = 0, checkpoint = 0; r < chunk->n_rows; r++)
    {
      guess_row (self, chunk->cells + (gsize) r * n_columns, state->field_types);
      self->n_rows++;
      /* the fraction read at this very row, as the source saw it */
      if (self->n_rows % EQUITY_IMPORT_CHECK_EVERY == 0 && checkpoint < chunk->n_checkpoints &&
          state->progress != NULL)
        state->progress (chunk->checkpoints[checkpoint++], state->progress_data);
    }
  return TRUE;
}

gboolean
equity_importer_analyze (EquityImporter      *self,
                         EquityProgressFunc   progress,
                         gpointer             progress_data,
                         GCancellable        *cancellable,
                         GError             **error)
{
  EquityRecordSource *source;
  g_autofree int *field_types = NULL;
  AnalyzeState state = { NULL, progress, progress_data };

  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (!self->analyzed, FALSE);

  self->source = open_source (self, error);
  if (self->source == NULL)
    return FALSE;
  source = self->source;

  for (guint i = 0; source->warnings != NULL && i < source->warnings->len; i++)
    _equity_importer_add_warning (self, g_strdup (g_ptr_array_index (source->warnings, i)));
  if (!read_header (self, cancellable, error) ||
      !equity_import_check_n_columns (source->display_name, self->columns->len, error))
    return FALSE;
  name_columns (self);

  self->guesses = g_array_sized_new (FALSE, TRUE, sizeof (EquityTypeGuess), self->columns->len);
  g_array_set_size (self->guesses, self->columns->len);
  for (guint i = 0; i < self->columns->len; i++)
    {
      EquityTypeGuess *guess = &g_array_index (self->guesses, EquityTypeGuess, i);

      equity_type_guess_init (guess);
      equity_type_guess_set_name (guess, equity_column_get_name (g_ptr_array_index (self->columns, i)));
    }

  /* asked here, before a reader thread shares the source */
  field_types = g_new (int, MAX (self->columns->len, 1));
  for (guint i = 0; i < self->columns->len; i++)
    field_types[i] = source->funcs->field_type (source, i);
  state.field_types = field_types;
  /* the rows in chunks, parsed on a second thread for a CSV file */
  if (!for_each_chunk (self, NULL, NULL, FALSE, 0, cancellable, analyze_chunk, &state, error))
    return FALSE;

  if (self->n_ragged > 10)
    _equity_importer_add_warning (self,
                                  g_strdup_printf (ngettext ("%u row in all has fewer fields than the header",
                                                             "%u rows in all have fewer fields than the header",
                                                             self->n_ragged), self->n_ragged));

  _equity_importer_settle_types (self);
  self->analyzed = TRUE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

GFile *
equity_importer_get_file (EquityImporter *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  return self->file;
}

const char *
equity_importer_get_format (EquityImporter *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  return self->source ? self->source->format : NULL;
}

char *
equity_importer_describe (EquityImporter *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  return self->source ? self->source->funcs->describe (self->source) : g_strdup ("");
}

const char *
equity_importer_get_name (EquityImporter *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  return self->name;
}

void
equity_importer_set_name (EquityImporter *self,
                          const char     *name)
{
  g_return_if_fail (EQUITY_IS_IMPORTER (self));
  g_free (self->name);
  self->name = g_strdup (name);
}

guint64
equity_importer_get_n_rows (EquityImporter *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), 0);
  return self->n_rows;
}

GPtrArray *
equity_importer_get_columns (EquityImporter *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  return self->columns;
}

GPtrArray *
equity_importer_get_preview (EquityImporter *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  return self->preview;
}

const char * const *
equity_importer_get_sentinels (EquityImporter *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  return (const char * const *) self->sentinels->pdata;
}

void
equity_importer_set_convert_sentinels (EquityImporter *self,
                                       gboolean        convert)
{
  g_return_if_fail (EQUITY_IS_IMPORTER (self));

  convert = !!convert;
  if (self->convert_sentinels == convert)
    return;
  self->convert_sentinels = convert;
  /* Types and roles depend on it: work them out again (user edits are reset). */
  if (self->analyzed)
    _equity_importer_settle_types (self);
}

const char * const *
equity_importer_get_warnings (EquityImporter *self)
{
  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  return (const char * const *) self->warnings->pdata;
}

typedef struct
{
  EquityDatasetWriter *writer;
  guint64              n_rows;
  EquityProgressFunc   progress;
  gpointer             progress_data;
  GCancellable        *cancellable;
} WriteState;

/* run(): every chunk's converted rows stored through the writer */
static gboolean
write_chunk (EquityImporter     *self,
             EquityImportChunk  *chunk,
             gpointer            data,
             GError            **error)
{
  WriteState *state = data;
  guint64 before = state->n_rows;

  if (!equity_dataset_writer_append (state->writer, chunk->cells, chunk->boxes, chunk->n_rows, error))
    return FALSE;
  state->n_rows += chunk->n_rows;
  if (g_cancellable_set_error_if_cancelled (state->cancellable, error))
    return FALSE;
  if (state->progress != NULL &&
      state->n_rows / EQUITY_IMPORT_CHECK_EVERY != before / EQUITY_IMPORT_CHECK_EVERY)
    state->progress (chunk->fraction, state->progress_data);
  return TRUE;
}

/* The run() loop: the source's rows in chunks (parsed and converted on a
 * second thread for a CSV file), stored through WRITER in batches. */
static gboolean
write_rows (EquityImporter       *self,
            EquityDatasetWriter  *writer,
            EquityProgressFunc    progress,
            gpointer              progress_data,
            GCancellable         *cancellable,
            GError              **error)
{
  EquityRecordSource *source = self->source;
  guint n_columns = self->columns->len;
  g_autofree EquityColumnType *types = g_new (EquityColumnType, MAX (n_columns, 1));
  g_autofree guint64 *n_nulls = g_new0 (guint64, MAX (n_columns, 1));
  WriteState state = { writer, 0, progress, progress_data, cancellable };

  if (!source->funcs->rewind (source, error))
    return FALSE;
  if (source->header_in_data && !source->funcs->next (source, cancellable, error))
    return FALSE;

  for (guint i = 0; i < n_columns; i++)
    types[i] = equity_column_get_column_type (g_ptr_array_index (self->columns, i));

  if (!for_each_chunk (self, types, n_nulls, equity_dataset_writer_wants_boxes (writer),
                       equity_dataset_writer_get_rows_per_insert (writer), cancellable,
                       write_chunk, &state, error))
    return FALSE;
  return equity_dataset_writer_finish (writer, n_nulls, error);
}

EquityDataset *
equity_importer_run (EquityImporter      *self,
                     EquityProject       *project,
                     EquityProgressFunc   progress,
                     gpointer             progress_data,
                     GCancellable        *cancellable,
                     GError             **error)
{
  g_autoptr(EquityDatasetWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *source_path = NULL;

  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (EQUITY_IS_PROJECT (project), NULL);
  g_return_val_if_fail (self->analyzed, NULL);

  source_path = g_strdup (self->source_label);
  if (source_path == NULL)
    source_path = g_file_get_path (self->file);
  if (source_path == NULL)
    source_path = g_file_get_uri (self->file);

  /* Nothing of the import stays unless all of it does: the writer rolls
   * back the catalog entry and the table together. */
  writer = equity_dataset_writer_begin (project, self->name, source_path, self->source->format,
                                        self->columns, equity_import_rows_per_chunk (self->columns->len),
                                        &local_error);
  if (writer == NULL ||
      !write_rows (self, writer, progress, progress_data, cancellable, &local_error))
    {
      g_clear_pointer (&writer, equity_dataset_writer_free);
      if (g_error_matches (local_error, EQUITY_ERROR, EQUITY_ERROR_DISK_FULL))
        {
          g_autofree char *project_name = g_path_get_basename (equity_project_get_path (project));

          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_DISK_FULL,
                       _("Nothing was imported: the disk that holds “%s” is full. The project is "
                         "as it was; free some space and try again."), project_name);
          return NULL;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_clear_pointer (&writer, equity_dataset_writer_free);

  if (!equity_project_reload_catalog (project, error))
    return NULL;
  if (progress != NULL)
    progress (1.0, progress_data);

  return g_object_ref (equity_project_find_dataset (project, self->name));
}

/* The GUI's preview: a cell as equity_importer_run() would store it. */
char *
equity_importer_dup_preview_value (EquityImporter *self,
                                   guint           row,
                                   guint           column,
                                   gboolean       *fits)
{
  GPtrArray *preview;
  const char *value;
  guint64 n_nulls = 0;
  char date[32];
  EquityCell cell;

  g_return_val_if_fail (EQUITY_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (self->analyzed, NULL);
  g_return_val_if_fail (row < self->preview->len && column < self->columns->len, NULL);

  if (fits != NULL)
    *fits = TRUE;

  preview = self->preview;
  value = ((char **) g_ptr_array_index (preview, row))[column];
  if (value == NULL)
    return NULL;

  if (!equity_import_convert_value (self, column,
                                    equity_column_get_column_type (g_ptr_array_index (self->columns, column)),
                                    value, strlen (value), &cell, date, &n_nulls, NULL))
    {
      /* kept as written: the import would stop on it */
      if (fits != NULL)
        *fits = FALSE;
      return g_strdup (value);
    }

  switch (cell.kind)
    {
    case EQUITY_CELL_NULL:
      return NULL;
    case EQUITY_CELL_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, cell.v.integer);
    case EQUITY_CELL_REAL:
      return equity_format_real (cell.v.real);
    case EQUITY_CELL_TEXT:
    case EQUITY_CELL_BLOB:
    default:
      return g_strndup (cell.v.data, cell.length);
    }
}
