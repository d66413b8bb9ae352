/* equity-csv-decode.c — the CSV reader's input, a chunk at a time, as UTF-8 text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-csv-reader"

#include "config.h"

#include <string.h>

#include "equity-csv-reader-private.h"

/* Turns raw[skip..raw_len) into text, keeping an incomplete character back. */
void
_equity_csv_reader_decode (EquityCsvReader *self,
                           gsize            skip)
{
  const guchar *r = self->raw + skip;
  gsize n = self->raw_len - skip, used = n;

  self->bad_pending = FALSE;
  self->text_pos = 0;

  if (self->encoding == EQUITY_CSV_ENC_UTF8)
    {
      gboolean non_ascii = FALSE, truncated = FALSE;

      used = equity_csv_utf8_valid_prefix (r, n, &non_ascii, &truncated);
      self->seen_non_ascii |= non_ascii;
      if (used < n && !(truncated && !self->eof))
        {
          if (!self->encoding_forced && !self->seen_non_ascii)
            {
              /* Everything so far was ASCII, which reads the same in
               * Windows-1252: switching now equals having chosen it first. */
              self->encoding = EQUITY_CSV_ENC_CP1252;
              _equity_csv_reader_decode (self, skip);
              return;
            }
          self->bad_pending = TRUE;
          self->bad_byte = r[used];
        }
      self->text = (guchar *)r;
      self->text_len = used;
    }
  else
    {
      if (self->text_buf == NULL)
        self->text_buf = g_malloc (TEXT_CAP + SCAN_SLACK);
      self->text = self->text_buf;

      if (self->encoding == EQUITY_CSV_ENC_CP1252)
        self->text_len = equity_csv_decode_cp1252 (r, n, self->text_buf);
      else
        used = equity_csv_decode_utf16 (r, n, self->encoding == EQUITY_CSV_ENC_UTF16BE, self->eof,
                             self->text_buf, &self->text_len);
    }

  self->carry_len = self->bad_pending ? 0 : n - used;
  memcpy (self->carry, r + used, self->carry_len);
  self->chunk_raw_len = used;
  /* a sentinel every special table stops at, so scans need no bounds check */
  self->text[self->text_len] = '\n';
}

gboolean
_equity_csv_reader_read_raw (EquityCsvReader *self,
                             GCancellable    *cancellable,
                             GError         **error)
{
  gsize n = 0;

  memcpy (self->raw, self->carry, self->carry_len);
  self->raw_len = self->carry_len;
  self->carry_len = 0;
  if (self->eof)
    return TRUE;

  if (!g_input_stream_read_all (self->stream, self->raw + self->raw_len, CHUNK_SIZE,
                                &n, cancellable, error))
    {
      g_prefix_error (error, "%s: ", self->display_name);
      return FALSE;
    }
  self->raw_len += n;
  self->n_read += n;
  self->eof = n < CHUNK_SIZE;
  return TRUE;
}
