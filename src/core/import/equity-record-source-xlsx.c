/* equity-record-source-xlsx.c — an Excel workbook's sheet, read as a stream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gives the same records as the OGR source gives for the same sheet (the
 * header is the first row with two or more cells, else the first with one;
 * columns empty below it are left out; blank rows are skipped), in constant
 * memory: the sheet is read twice, once to find the header and the columns,
 * then row by row as the importer asks. Every cell comes as text and the
 * importer infers each column's type, as for CSV; cells shown as dates come
 * as ISO 8601. Workbooks laid out in a way this reader does not know (no
 * xl/workbook.xml, a sheet without its part) go to the OGR source.
 */

#define G_LOG_DOMAIN "equity-xlsx"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "equity-error.h"
#include "equity-record-source.h"
#include "equity-xlsx.h"

#define CHECK_EVERY 256

typedef struct
{
  EquityRecordSource  parent;
  EquityXlsxBook     *book;
  guint               sheet;
  gpointer            part;
  guint64             part_size;
  EquityXlsxRows     *rows;
  guint               header_row;
  GArray             *columns;     /* guint: the sheet column of each field */
  char               *description;
  guint64             n_read;
} XlsxSource;

static const char *
sheet_name (XlsxSource *self)
{
  return g_ptr_array_index (self->book->sheet_names, self->sheet);
}

static guint
xlsx_n_fields (EquityRecordSource *source)
{
  return ((XlsxSource *) source)->columns->len;
}

static const char *
xlsx_field (EquityRecordSource *source,
            guint               index,
            gsize              *length)
{
  XlsxSource *self = (XlsxSource *) source;

  return equity_xlsx_rows_cell (self->rows, g_array_index (self->columns, guint, index), length);
}

static int
xlsx_field_type (EquityRecordSource *source,
                 guint               index)
{
  return -1;
}

static guint64
xlsx_line (EquityRecordSource *source)
{
  XlsxSource *self = (XlsxSource *) source;

  return self->rows != NULL ? equity_xlsx_rows_number (self->rows) : 0;
}

static double
xlsx_fraction (EquityRecordSource *source)
{
  XlsxSource *self = (XlsxSource *) source;

  if (self->rows == NULL || self->part_size == 0)
    return 0.0;
  return CLAMP ((double) equity_xlsx_rows_bytes_parsed (self->rows) / (double) self->part_size, 0.0, 1.0);
}

static void
close_sheet (XlsxSource *self)
{
  g_clear_pointer (&self->rows, equity_xlsx_rows_free);
  g_clear_pointer (&self->part, equity_xlsx_part_close);
}

static gboolean
open_sheet (XlsxSource  *self,
            GError     **error)
{
  close_sheet (self);
  self->part = equity_xlsx_book_open_part (self->book, self->sheet, &self->part_size, error);
  if (self->part == NULL)
    return FALSE;
  self->rows = equity_xlsx_rows_new (self->book, sheet_name (self), equity_xlsx_part_read, self->part);
  self->n_read = 0;
  return TRUE;
}

static gboolean
xlsx_rewind (EquityRecordSource  *source,
             GError             **error)
{
  return open_sheet ((XlsxSource *) source, error);
}

static char *
xlsx_describe (EquityRecordSource *source)
{
  return g_strdup (((XlsxSource *) source)->description);
}

static gboolean
xlsx_bbox (EquityRecordSource *source,
           double              extent[4])
{
  return FALSE;
}

static void
xlsx_free (EquityRecordSource *source)
{
  XlsxSource *self = (XlsxSource *) source;

  close_sheet (self);
  g_clear_pointer (&self->book, equity_xlsx_book_free);
  g_clear_pointer (&self->columns, g_array_unref);
  g_free (self->description);
}

static gboolean
xlsx_next (EquityRecordSource  *source,
           GCancellable        *cancellable,
           GError             **error)
{
  XlsxSource *self = (XlsxSource *) source;

  while (TRUE)
    {
      gboolean any = FALSE;

      if (self->n_read++ % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!equity_xlsx_rows_next (self->rows, error))
        return FALSE;
      /* the rows down to the header are not data; blank rows are skipped */
      if (equity_xlsx_rows_number (self->rows) <= self->header_row)
        continue;
      for (guint i = 0; i < self->columns->len && !any; i++)
        {
          gsize length;

          xlsx_field (source, i, &length);
          any = length > 0;
        }
      if (any)
        return TRUE;
    }
}

static const EquityRecordSourceFuncs xlsx_funcs = {
  xlsx_next, xlsx_n_fields, xlsx_field, xlsx_field_type, xlsx_line, xlsx_fraction,
  xlsx_rewind, xlsx_describe, xlsx_bbox, xlsx_free,
};

static GPtrArray *
copy_cells (EquityXlsxRows *rows)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < equity_xlsx_rows_width (rows); i++)
    g_ptr_array_add (cells, g_strdup (equity_xlsx_rows_cell (rows, i, NULL)));
  return cells;
}

/* Where the table starts and which columns it uses, as the OGR source
 * decides it (equity_ogr_scan_sheet): one pass over the whole sheet */
static gboolean
scan_sheet (XlsxSource  *self,
            GError     **error)
{
  g_autoptr(GArray) last_row = g_array_new (FALSE, TRUE, sizeof (guint64));
  g_autoptr(GPtrArray) first_cells = NULL;
  g_autoptr(GPtrArray) wide_cells = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 first_row = 0, wide_row = 0;
  GPtrArray *header;

  if (!open_sheet (self, error))
    return FALSE;
  while (equity_xlsx_rows_next (self->rows, &local_error))
    {
      guint64 row = equity_xlsx_rows_number (self->rows);
      guint width = equity_xlsx_rows_width (self->rows), cells = 0;

      if (last_row->len < width)
        g_array_set_size (last_row, width);
      for (guint i = 0; i < width; i++)
        {
          gsize length;

          equity_xlsx_rows_cell (self->rows, i, &length);
          if (length > 0)
            {
              cells++;
              g_array_index (last_row, guint64, i) = row;
            }
        }
      if (cells >= 1 && first_row == 0)
        {
          first_row = row;
          first_cells = copy_cells (self->rows);
        }
      if (cells >= 2 && wide_row == 0)
        {
          wide_row = row;
          wide_cells = copy_cells (self->rows);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (first_row == 0)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE, _("%s: sheet “%s” is empty"),
                   self->parent.display_name, sheet_name (self));
      return FALSE;
    }

  self->header_row = wide_row != 0 ? wide_row : first_row;
  header = wide_row != 0 ? wide_cells : first_cells;
  for (guint i = 0; i < last_row->len; i++)
    {
      char *name;

      if (g_array_index (last_row, guint64, i) < self->header_row)
        continue;
      name = g_strstrip (g_strdup (i < header->len ? (char *) g_ptr_array_index (header, i) : ""));
      if (name[0] == '\0')
        {
          g_autofree char *letters = equity_xlsx_column_name (i);

          g_free (name);
          name = g_strdup_printf (_("Column %s"), letters);
        }
      g_ptr_array_add (self->parent.names, name);
      g_array_append_val (self->columns, i);
    }
  return open_sheet (self, error);
}

EquityRecordSource *
equity_record_source_new_xlsx (GFile       *file,
                               const char  *sheet,
                               GError     **error)
{
  g_autoptr(EquityRecordSource) source = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  gboolean unsupported = FALSE;
  XlsxSource *self;
  int index;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_get_path (file);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return equity_record_source_new_ogr (file, sheet, error);

  self = g_new0 (XlsxSource, 1);
  self->parent.funcs = &xlsx_funcs;
  self->parent.display_name = g_file_get_basename (file);
  self->parent.format = g_strdup ("XLSX");
  self->parent.names = g_ptr_array_new_with_free_func (g_free);
  self->columns = g_array_new (FALSE, FALSE, sizeof (guint));
  source = &self->parent;

  self->book = equity_xlsx_book_open (path, source->display_name, &unsupported, &local_error);
  if (self->book == NULL && unsupported)
    return equity_record_source_new_ogr (file, sheet, error);
  if (self->book == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  index = equity_xlsx_book_find_sheet (self->book, sheet, error);
  if (index < 0)
    return NULL;
  self->sheet = index;
  if (!scan_sheet (self, error))
    return NULL;

  /* TRANSLATORS: e.g. "Excel workbook, sheet “Candidates”" */
  self->description = g_strdup_printf (_("%s, sheet “%s”"), _("Excel workbook"), sheet_name (self));
  if (self->header_row > 1)
    {
      char *longer = g_strdup_printf (_("%s, header on row %u"), self->description, self->header_row);

      g_free (self->description);
      self->description = longer;
    }
  return g_steal_pointer (&source);
}

EquityRecordSource *
equity_record_source_new_binary (GFile       *file,
                                 const char  *sheet_or_layer,
                                 GError     **error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (basename, -1);

  if (g_str_has_suffix (lower, ".xlsx"))
    return equity_record_source_new_xlsx (file, sheet_or_layer, error);
  return equity_record_source_new_ogr (file, sheet_or_layer, error);
}
