/* equity-csv-reader.h — a streaming CSV/TSV reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  /* 0 to detect among ',', '\t', ';', '|' */
  char        delimiter;
  /* NULL to detect: "UTF-8", "UTF-16LE", "UTF-16BE" (with BOM), else "WINDOWS-1252" */
  const char *encoding;
  /* physical lines skipped before the header (preamble) */
  guint       skip_rows;
  /* instead of failing with a parse error, take a stray quote inside an
   * unquoted field as a literal character, and a quote inside a quoted
   * field that is followed by other text (not by the delimiter, a line
   * break or the end) as a literal quote, the field going on */
  gboolean    lenient_quotes;
  /* skip lines that are completely empty instead of returning each as a
   * record with one empty field (the RFC 4180 reading, and the default:
   * in a one-column file an empty line is an empty value) */
  gboolean    skip_blank_lines;
} EquityCsvOptions;

#define EQUITY_TYPE_CSV_READER (equity_csv_reader_get_type ())
G_DECLARE_FINAL_TYPE (EquityCsvReader, equity_csv_reader, EQUITY, CSV_READER, GObject)

EquityCsvReader *equity_csv_reader_new_for_file   (GFile                  *file,
                                                   const EquityCsvOptions *options,
                                                   GError                **error);
EquityCsvReader *equity_csv_reader_new_for_stream (GInputStream           *stream,
                                                   const char             *display_name,
                                                   const EquityCsvOptions *options,
                                                   GError                **error);
/* Reads the next record. Returns FALSE at the end (error unset) or on error.
 * Fields stay valid until the next call. All text is UTF-8. */
gboolean          equity_csv_reader_next_record   (EquityCsvReader  *self,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
guint             equity_csv_reader_get_n_fields  (EquityCsvReader  *self);
const char       *equity_csv_reader_get_field     (EquityCsvReader  *self,
                                                   guint             index,
                                                   gsize            *length);
/* The current record's fields back to back, each NUL-terminated: field I
 * starts at OFFSETS[I], and OFFSETS[n_fields] is where the last one ends. */
const char       *equity_csv_reader_get_fields    (EquityCsvReader  *self,
                                                   const gsize     **offsets);
/* 1-based physical line on which the current record starts */
guint64           equity_csv_reader_get_line      (EquityCsvReader  *self);
/* records returned so far (the header counts as one) */
guint64           equity_csv_reader_get_n_records (EquityCsvReader  *self);
char              equity_csv_reader_get_delimiter (EquityCsvReader  *self);
const char       *equity_csv_reader_get_encoding  (EquityCsvReader  *self);
gboolean          equity_csv_reader_get_had_bom   (EquityCsvReader  *self);
/* bytes of input consumed, and total size when known (else -1): for progress */
goffset           equity_csv_reader_get_offset    (EquityCsvReader  *self);
goffset           equity_csv_reader_get_size      (EquityCsvReader  *self);
/* Starts again from the first record after the skipped rows (needs a seekable stream). */
gboolean          equity_csv_reader_rewind        (EquityCsvReader  *self,
                                                   GError          **error);

G_END_DECLS
