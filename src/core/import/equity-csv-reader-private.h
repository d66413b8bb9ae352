/* equity-csv-reader-private.h — what the CSV reader's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "equity-csv-encoding.h"
#include "equity-csv-reader.h"

G_BEGIN_DECLS

/* The fuzz build shrinks the chunk so that every chunk-boundary path runs. */
#ifndef EQUITY_CSV_CHUNK_SIZE
# define EQUITY_CSV_CHUNK_SIZE (128 * 1024)
#endif
#define CHUNK_SIZE   ((gsize) EQUITY_CSV_CHUNK_SIZE)
#define RAW_CAP      (CHUNK_SIZE + 8)           /* + carried bytes, sentinel */
#define TEXT_CAP     (3 * RAW_CAP + 8)          /* Windows-1252: 1 byte → 3 */
/* room after the sentinel for a scan that reads 16 bytes at a time */
#define SCAN_SLACK   16

typedef enum
{
  ST_FIELD_START,
  ST_UNQUOTED,
  ST_QUOTED,
  ST_QUOTE_SEEN,    /* a quote inside a quoted field: doubled quote or the end */
} State;

struct _EquityCsvReader
{
  GObject       parent_instance;

  /* Owned References */
  GInputStream *stream;
  char         *display_name;
  GError       *failure;          /* errors are sticky until rewind */
  guchar       *raw;              /* bytes as read, RAW_CAP */
  guchar       *text_buf;         /* decoded text when not UTF-8, TEXT_CAP */
  char         *fields;           /* NUL-terminated fields of the current record */
  gsize        *offsets;          /* n_fields + 1 starts into fields */

  /* Options and what was detected */
  char          delimiter;
  EquityCsvEncoding encoding;
  gboolean      encoding_forced, had_bom, lenient_quotes, skip_blank_lines;
  guint         skip_rows;
  guint8        special[256];     /* bytes that end a run of unquoted text */
  guint8        qspecial[256];    /* bytes that end a run of quoted text */

  /* Input */
  goffset       start_offset, size, n_read;
  gsize         raw_len;
  guchar        carry[4];         /* an incomplete character at a chunk's end */
  gsize         carry_len;
  guchar       *text;             /* what the parser walks: raw or text_buf */
  gsize         text_len, text_pos;
  gsize         chunk_raw_len;    /* raw bytes behind the current text */
  gboolean      eof, seen_non_ascii;
  gboolean      bad_pending;      /* text stops at bad_byte, not valid UTF-8 */
  guint8        bad_byte;

  /* Parser position */
  State         state;
  gboolean      in_record;
  gboolean      skip_lf;          /* the last line ended on CR: swallow one LF */
  gboolean      last_was_cr;      /* the previous chunk ended with CR */
  guint         skip_remaining;
  guint64       line, record_line, n_records;
  gsize         line_start;       /* where the current line starts in text */
  guint64       col_base;         /* characters of that line in earlier chunks */
  gsize         quote_pos;        /* the opening quote of the current field */
  guint64       quote_line, quote_col;   /* quote_col is 0 until worked out */

  /* Current record */
  gsize         fields_len, fields_cap;
  guint         n_fields, offsets_cap;
};

/* equity-csv-decode.c: the input, a chunk at a time, as UTF-8 text */
gboolean _equity_csv_reader_read_raw (EquityCsvReader *self,
                                      GCancellable    *cancellable,
                                      GError         **error);
void     _equity_csv_reader_decode   (EquityCsvReader *self,
                                      gsize            skip);

G_END_DECLS
