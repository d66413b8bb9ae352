/* equity-record-source.h — what the importer reads rows from (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "equity-column.h"

G_BEGIN_DECLS

/* A reader of rows of text fields, with an optional first row of column names.
 * The CSV reader and the OGR reader (spreadsheets, map layers) both give one. */
typedef struct _EquityRecordSource EquityRecordSource;

typedef struct
{
  gboolean    (*next)       (EquityRecordSource *source, GCancellable *cancellable, GError **error);
  guint       (*n_fields)   (EquityRecordSource *source);
  const char *(*field)      (EquityRecordSource *source, guint index, gsize *length);
  /* a fixed type for field INDEX (geometry, typed spreadsheet cells), or -1 to infer */
  int         (*field_type) (EquityRecordSource *source, guint index);
  guint64     (*line)       (EquityRecordSource *source);
  double      (*fraction)   (EquityRecordSource *source);
  gboolean    (*rewind)     (EquityRecordSource *source, GError **error);
  char       *(*describe)   (EquityRecordSource *source);
  /* the bounding box (lon/lat) of the current record's geometry; FALSE if it has none */
  gboolean    (*bbox)       (EquityRecordSource *source, double extent[4]);
  void        (*free)       (EquityRecordSource *source);
  /* Optional: the current record's fields back to back, each NUL-terminated,
   * field I at OFFSETS[I] and the end at OFFSETS[n_fields], so that a row is
   * kept with one copy; NULL where the source holds its fields apart. */
  const char *(*fields)     (EquityRecordSource *source, const gsize **offsets);
} EquityRecordSourceFuncs;

struct _EquityRecordSource
{
  const EquityRecordSourceFuncs *funcs;
  char                          *display_name;   /* file name for messages */
  char                          *format;         /* "CSV", "TSV", "XLSX", … */
  /* the first record holds column names (CSV); else names come from NAMES */
  gboolean                       header_in_data;
  GPtrArray                     *names;
  /* what the source changed or assumed while opening the file, for the
   * import's warnings (char *), or NULL */
  GPtrArray                     *warnings;
};

EquityRecordSource *equity_record_source_new_csv (GFile        *file,
                                                  guint         skip_rows,
                                                  char          delimiter,
                                                  const char   *encoding,
                                                  gboolean      lenient_quotes,
                                                  GError      **error);
/* Spreadsheets (XLSX, ODS, XLS) and map layers (GeoJSON, Shapefile, GeoPackage)
 * through GDAL/OGR. Geometry fields are given as WKB in longitude/latitude
 * (EPSG:4326) with field_type EQUITY_COLUMN_TYPE_GEOMETRY. */
EquityRecordSource *equity_record_source_new_ogr (GFile        *file,
                                                  const char   *sheet_or_layer,
                                                  GError      **error);
/* An Excel workbook's sheet (.xlsx), streamed in constant memory
 * (equity-record-source-xlsx.c); what it cannot read goes to the OGR source */
EquityRecordSource *equity_record_source_new_xlsx (GFile       *file,
                                                   const char  *sheet,
                                                   GError     **error);
/* What is not text: an .xlsx through the streaming reader, the rest
 * through the OGR source */
EquityRecordSource *equity_record_source_new_binary (GFile       *file,
                                                     const char  *sheet_or_layer,
                                                     GError     **error);
/* Whether FILE is read by the CSV reader (by its name: .csv, .tsv, .txt, .tab) */
gboolean            equity_record_source_is_text (GFile        *file);
void                equity_record_source_free    (EquityRecordSource *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EquityRecordSource, equity_record_source_free)

G_END_DECLS
