/* equity-csv-encoding.h — what the CSV reader tells from a file's first bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  EQUITY_CSV_ENC_UTF8,
  EQUITY_CSV_ENC_UTF16LE,
  EQUITY_CSV_ENC_UTF16BE,
  EQUITY_CSV_ENC_CP1252,
} EquityCsvEncoding;

/* "UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1252" */
const char  *equity_csv_encoding_name     (EquityCsvEncoding  encoding);
/* NAME as the user wrote it ("utf8", "latin1", …); FALSE when unknown */
gboolean     equity_csv_parse_encoding    (const char        *name,
                                           EquityCsvEncoding *encoding);

/* The length of a byte-order mark at S (its encoding in *ENCODING), or 0 */
gsize        equity_csv_bom_length        (const guchar      *s,
                                           gsize              n,
                                           EquityCsvEncoding *encoding);
/* UTF-16 without a byte-order mark */
gboolean     equity_csv_looks_like_utf16  (const guchar      *s,
                                           gsize              n,
                                           EquityCsvEncoding *encoding);
/* What a file that is not text is, by its first bytes ("a PNG image"), or NULL */
const char  *equity_csv_binary_kind       (const guchar      *s,
                                           gsize              n);

/* Length of the longest valid UTF-8 prefix; *TRUNCATED tells whether what
 * stops it may be a character cut off by the end of the buffer. */
gsize        equity_csv_utf8_valid_prefix (const guchar      *s,
                                           gsize              n,
                                           gboolean          *non_ascii,
                                           gboolean          *truncated);
/* Decodes Windows-1252 into OUT (3 × N bytes suffice); returns OUT's length */
gsize        equity_csv_decode_cp1252     (const guchar      *r,
                                           gsize              n,
                                           guchar            *out);
/* Decodes UTF-16 into OUT; returns the bytes used (a split pair waits). */
gsize        equity_csv_decode_utf16      (const guchar      *r,
                                           gsize              n,
                                           gboolean           be,
                                           gboolean           eof,
                                           guchar            *out,
                                           gsize             *out_len);

/* The delimiter (',', '\t', ';' or '|') that gives the most consistent
 * field count over the first records after SKIP_ROWS preamble lines;
 * COMPLETE when S holds the whole file. */
char         equity_csv_sniff_delimiter   (const guchar      *s,
                                           gsize              n,
                                           gboolean           complete,
                                           guint              skip_rows);

G_END_DECLS
