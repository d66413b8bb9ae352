/* equity-record-source-csv.c — the CSV reader as a record source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-csv-reader.h"
#include "equity-record-source.h"

typedef struct
{
  EquityRecordSource  parent;
  EquityCsvReader    *reader;
} CsvSource;

static gboolean
csv_next (EquityRecordSource  *source,
          GCancellable        *cancellable,
          GError             **error)
{
  return equity_csv_reader_next_record (((CsvSource *) source)->reader, cancellable, error);
}

static guint
csv_n_fields (EquityRecordSource *source)
{
  return equity_csv_reader_get_n_fields (((CsvSource *) source)->reader);
}

static const char *
csv_field (EquityRecordSource *source,
           guint               index,
           gsize              *length)
{
  return equity_csv_reader_get_field (((CsvSource *) source)->reader, index, length);
}

static const char *
csv_fields (EquityRecordSource  *source,
            const gsize        **offsets)
{
  return equity_csv_reader_get_fields (((CsvSource *) source)->reader, offsets);
}

static int
csv_field_type (EquityRecordSource *source,
                guint               index)
{
  return -1;
}

static guint64
csv_line (EquityRecordSource *source)
{
  return equity_csv_reader_get_line (((CsvSource *) source)->reader);
}

static double
csv_fraction (EquityRecordSource *source)
{
  EquityCsvReader *reader = ((CsvSource *) source)->reader;
  goffset size = equity_csv_reader_get_size (reader);

  if (size <= 0)
    return 0.0;
  return CLAMP ((double) equity_csv_reader_get_offset (reader) / (double) size, 0.0, 1.0);
}

static gboolean
csv_rewind (EquityRecordSource  *source,
            GError             **error)
{
  return equity_csv_reader_rewind (((CsvSource *) source)->reader, error);
}

static const char *
delimiter_name (char delimiter)
{
  switch (delimiter)
    {
    case '\t': return _("tab-separated");
    case ';':  return _("semicolon-separated");
    case '|':  return _("pipe-separated");
    case ',':
    default:   return _("comma-separated");
    }
}

static char *
csv_describe (EquityRecordSource *source)
{
  EquityCsvReader *reader = ((CsvSource *) source)->reader;
  const char *encoding = equity_csv_reader_get_encoding (reader);

  if (g_ascii_strcasecmp (encoding, "WINDOWS-1252") == 0)
    encoding = "Windows-1252";
  if (equity_csv_reader_get_had_bom (reader))
    /* TRANSLATORS: e.g. "comma-separated, UTF-8 with byte-order mark" */
    return g_strdup_printf (_("%s, %s with byte-order mark"),
                            delimiter_name (equity_csv_reader_get_delimiter (reader)), encoding);
  return g_strdup_printf ("%s, %s", delimiter_name (equity_csv_reader_get_delimiter (reader)), encoding);
}

static gboolean
csv_bbox (EquityRecordSource *source,
          double              extent[4])
{
  return FALSE;
}

static void
csv_free (EquityRecordSource *source)
{
  g_clear_object (&((CsvSource *) source)->reader);
}

static const EquityRecordSourceFuncs csv_funcs = {
  csv_next, csv_n_fields, csv_field, csv_field_type, csv_line, csv_fraction,
  csv_rewind, csv_describe, csv_bbox, csv_free, csv_fields,
};

EquityRecordSource *
equity_record_source_new_csv (GFile       *file,
                              guint        skip_rows,
                              char         delimiter,
                              const char  *encoding,
                              gboolean     lenient_quotes,
                              GError     **error)
{
  EquityCsvOptions options = { delimiter, encoding, skip_rows, lenient_quotes, FALSE };
  g_autoptr(EquityCsvReader) reader = NULL;
  CsvSource *source;

  reader = equity_csv_reader_new_for_file (file, &options, error);
  if (reader == NULL)
    return NULL;

  source = g_new0 (CsvSource, 1);
  source->parent.funcs = &csv_funcs;
  source->parent.display_name = g_file_get_basename (file);
  source->parent.format = g_strdup (equity_csv_reader_get_delimiter (reader) == '\t' ? "TSV" : "CSV");
  source->parent.header_in_data = TRUE;
  source->reader = g_steal_pointer (&reader);
  /* no byte-order mark, yet every other byte zero: a guess worth telling */
  if (encoding == NULL && g_str_has_prefix (equity_csv_reader_get_encoding (source->reader), "UTF-16") &&
      !equity_csv_reader_get_had_bom (source->reader))
    {
      source->parent.warnings = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (source->parent.warnings,
                       g_strdup_printf (_("The file has no byte-order mark but every other byte is zero: "
                                          "it was read as %s. If the text looks wrong, choose its encoding."),
                                        equity_csv_reader_get_encoding (source->reader)));
    }
  return &source->parent;
}

gboolean
equity_record_source_is_text (GFile *file)
{
  static const char *suffixes[] = { ".csv", ".tsv", ".txt", ".tab", ".dat" };
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (basename, -1);

  /* a folder is a shapefile's home, never a text file */
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;
  /* no extension at all: try it as text */
  return strchr (lower, '.') == NULL;
}

void
equity_record_source_free (EquityRecordSource *source)
{
  if (source == NULL)
    return;
  source->funcs->free (source);
  g_clear_pointer (&source->names, g_ptr_array_unref);
  g_clear_pointer (&source->warnings, g_ptr_array_unref);
  g_free (source->display_name);
  g_free (source->format);
  g_free (source);
}
