/* equity-csv-reader.c — a streaming CSV/TSV reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is read in fixed chunks and decoded to UTF-8 chunk by chunk, so
 * memory depends on the longest record, never on the file. The parser is a
 * small state machine that can stop at any byte of a chunk and resume in the
 * next one; field bytes go into one growing buffer, NUL-terminated, with an
 * offsets array, so a record costs no allocation once the buffers are warm.
 * docs/csv.md describes what is accepted and why.
 */

#define G_LOG_DOMAIN "equity-csv-reader"

#include "config.h"

#include <string.h>
#ifdef __SSE2__
# include <emmintrin.h>
#endif
#include <glib/gi18n-lib.h>

#include "equity-csv-reader-private.h"
#include "equity-error.h"

G_DEFINE_FINAL_TYPE (EquityCsvReader, equity_csv_reader, G_TYPE_OBJECT)

static void
equity_csv_reader_finalize (GObject *object)
{
  EquityCsvReader *self = (EquityCsvReader *)object;

  g_clear_object (&self->stream);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_error (&self->failure);
  g_clear_pointer (&self->raw, g_free);
  g_clear_pointer (&self->text_buf, g_free);
  g_clear_pointer (&self->fields, g_free);
  g_clear_pointer (&self->offsets, g_free);

  G_OBJECT_CLASS (equity_csv_reader_parent_class)->finalize (object);
}

static void
equity_csv_reader_class_init (EquityCsvReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = equity_csv_reader_finalize;
}

static void
equity_csv_reader_init (EquityCsvReader *self)
{
  self->raw = g_malloc (RAW_CAP + SCAN_SLACK);
  self->text = self->raw;
  self->fields_cap = 256;
  self->fields = g_malloc (self->fields_cap);
  self->offsets_cap = 32;
  self->offsets = g_new0 (gsize, self->offsets_cap);
  self->size = -1;
}

/* 1-based character column of text position POS on the current line */
static guint64
column_at (EquityCsvReader *self,
           gsize            pos)
{
  guint64 column = self->col_base + 1;

  /* every UTF-8 character has exactly one byte that is not a continuation */
  for (gsize i = self->line_start; i < pos; i++)
    column += (self->text[i] & 0xC0) != 0x80;
  return column;
}

static void G_GNUC_PRINTF (6, 7)
set_position_error (EquityCsvReader *self,
                    GError         **error,
                    gint             code,
                    guint64          line,
                    guint64          column,
                    const char      *format,
                    ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, EQUITY_ERROR, code, "%s:%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ": %s",
               self->display_name, line, column, what);
}

/* The quote's column is worked out only when its line is about to be lost
 * (a line break or a new chunk), because counting characters for every
 * quoted field would cost more than the parsing itself. */
static void
resolve_quote_column (EquityCsvReader *self)
{
  if (self->quote_col == 0)
    self->quote_col = column_at (self, self->quote_pos);
}

static gboolean
encoding_error (EquityCsvReader *self,
                GError         **error)
{
  set_position_error (self, error, EQUITY_ERROR_ENCODING, self->line, column_at (self, self->text_pos),
                      "byte 0x%02X is not valid UTF-8; convert the file to UTF-8 or choose its encoding",
                      self->bad_byte);
  return FALSE;
}

/* Moves to the next chunk of text; at the end of input text_len stays 0. */
static gboolean
refill (EquityCsvReader *self,
        GCancellable    *cancellable,
        GError         **error)
{
  /* after a closing quote, a doubled quote in the next chunk reopens it */
  if (self->state == ST_QUOTED || self->state == ST_QUOTE_SEEN)
    resolve_quote_column (self);
  self->col_base = column_at (self, self->text_len) - 1;
  if (self->text_len > 0)
    self->last_was_cr = self->text[self->text_len - 1] == '\r';
  self->line_start = self->text_pos = self->text_len = 0;

  if (self->bad_pending)
    return encoding_error (self, error);

  while (self->text_len == 0 && !(self->eof && self->carry_len == 0))
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !_equity_csv_reader_read_raw (self, cancellable, error))
        return FALSE;
      _equity_csv_reader_decode (self, 0);
      if (self->text_len == 0 && self->bad_pending)
        return encoding_error (self, error);
    }
  return TRUE;
}

/* Reads the first chunk; with DETECT it also settles encoding and delimiter
 * (a rewind keeps what the first pass found). */
static gboolean
start (EquityCsvReader *self,
       gboolean         detect,
       GError         **error)
{
  EquityCsvEncoding bom_encoding = EQUITY_CSV_ENC_UTF8;
  gsize bom;

  g_clear_error (&self->failure);
  self->text = self->raw;
  self->text_len = self->text_pos = self->raw_len = self->carry_len = 0;
  self->n_read = 0;
  self->eof = self->bad_pending = FALSE;
  self->state = ST_FIELD_START;
  self->in_record = self->skip_lf = self->last_was_cr = FALSE;
  self->skip_remaining = self->skip_rows;
  self->line = 1;
  self->record_line = self->n_records = self->col_base = 0;
  self->line_start = self->fields_len = 0;
  self->n_fields = 0;

  if (!_equity_csv_reader_read_raw (self, NULL, error))
    return FALSE;

  bom = equity_csv_bom_length (self->raw, self->raw_len, &bom_encoding);
  if (detect && !self->encoding_forced)
    {
      gboolean non_ascii = FALSE, truncated = FALSE;

      const char *binary;

      self->had_bom = bom > 0;
      if (bom > 0)
        self->encoding = bom_encoding;
      else if (equity_csv_looks_like_utf16 (self->raw, self->raw_len, &self->encoding))
        ;
      else if ((binary = equity_csv_binary_kind (self->raw, self->raw_len)) != NULL)
        {
          g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED,
                       _("%s: not a text file (it looks like %s); a CSV or TSV file must be text"),
                       self->display_name, binary);
          return FALSE;
        }
      else if (equity_csv_utf8_valid_prefix (self->raw, self->raw_len, &non_ascii, &truncated) == self->raw_len ||
               (truncated && !self->eof))
        self->encoding = EQUITY_CSV_ENC_UTF8;
      else
        self->encoding = EQUITY_CSV_ENC_CP1252;
    }
  else if (detect)
    self->had_bom = bom > 0 && bom_encoding == self->encoding;
  /* a UTF-8 BOM is a promise: bad bytes later are errors, not Windows-1252 */
  self->seen_non_ascii = self->had_bom;

  _equity_csv_reader_decode (self, self->had_bom ? bom : 0);

  if (detect && self->delimiter == 0)
    self->delimiter = equity_csv_sniff_delimiter (self->text, self->text_len, self->eof && self->carry_len == 0,
                                       self->skip_rows);
  memset (self->special, 0, sizeof self->special);
  memset (self->qspecial, 0, sizeof self->qspecial);
  self->special[(guchar)self->delimiter] = self->special['"'] = 1;
  self->special['\r'] = self->special['\n'] = 1;
  self->qspecial['"'] = self->qspecial['\r'] = self->qspecial['\n'] = 1;
  /* a NUL would end the field's string early: it is reported instead */
  self->special[0] = self->qspecial[0] = 1;
  return TRUE;
}

EquityCsvReader *
equity_csv_reader_new_for_stream (GInputStream           *stream,
                                  const char             *display_name,
                                  const EquityCsvOptions *options,
                                  GError                **error)
{
  static const EquityCsvOptions defaults = { 0 };
  g_autoptr(EquityCsvReader) self = NULL;
  GSeekable *seekable = G_IS_SEEKABLE (stream) ? G_SEEKABLE (stream) : NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;

  self = g_object_new (EQUITY_TYPE_CSV_READER, NULL);
  self->stream = g_object_ref (stream);
  self->display_name = g_strdup (display_name != NULL ? display_name : "(stream)");
  self->delimiter = options->delimiter;
  self->skip_rows = options->skip_rows;
  self->lenient_quotes = options->lenient_quotes;
  self->skip_blank_lines = options->skip_blank_lines;

  if ((self->delimiter != 0 && strchr ("\"\r\n", self->delimiter) != NULL) || (guchar)self->delimiter >= 0x80)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID, "%s: byte 0x%02X cannot be a CSV delimiter",
                   self->display_name, (guchar)self->delimiter);
      return NULL;
    }
  if (options->encoding != NULL && !equity_csv_parse_encoding (options->encoding, &self->encoding))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED,
                   "%s: the encoding “%s” is not supported (use UTF-8, UTF-16LE, UTF-16BE or WINDOWS-1252)",
                   self->display_name, options->encoding);
      return NULL;
    }
  self->encoding_forced = options->encoding != NULL;

  /* Progress needs the total; a rewind needs to know where we began. */
  if (seekable != NULL && g_seekable_can_seek (seekable))
    {
      self->start_offset = g_seekable_tell (seekable);
      if (g_seekable_seek (seekable, 0, G_SEEK_END, NULL, NULL))
        {
          self->size = g_seekable_tell (seekable) - self->start_offset;
          if (!g_seekable_seek (seekable, self->start_offset, G_SEEK_SET, NULL, error))
            return NULL;
        }
    }

  if (!start (self, TRUE, error))
    return NULL;
  return g_steal_pointer (&self);
}

EquityCsvReader *
equity_csv_reader_new_for_file (GFile                  *file,
                                const EquityCsvOptions *options,
                                GError                **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename != NULL ? basename : "");
  if (!(stream = g_file_read (file, NULL, error)))
    return NULL;
  return equity_csv_reader_new_for_stream (G_INPUT_STREAM (stream), name, options, error);
}

/* Counts the line break at text[pos]; CRLF is one break, so the LF after a
 * CR only moves the line start. */
static inline void
note_newline (EquityCsvReader *self,
              gsize            pos)
{
  gboolean after_cr = pos > 0 ? self->text[pos - 1] == '\r' : self->last_was_cr;

  if (self->text[pos] == '\r' || !after_cr)
    self->line++;
  self->line_start = pos + 1;
  self->col_base = 0;
}

/* Preamble lines are physical lines: quotes in them mean nothing. */
static void
skip_preamble (EquityCsvReader *self)
{
  gsize p = self->text_pos;

  if (self->skip_lf && self->text[p] == '\n')
    p = self->line_start = p + 1;
  self->skip_lf = FALSE;

  while (p < self->text_len && self->text[p] != '\n' && self->text[p] != '\r')
    p++;
  self->text_pos = p;
  if (p < self->text_len)
    {
      note_newline (self, p);
      self->skip_lf = self->text[p] == '\r';
      self->text_pos = p + 1;
      self->skip_remaining--;
    }
}

static inline void
push_field (EquityCsvReader *self,
            gsize            end)
{
  if (G_UNLIKELY (self->n_fields + 2 > self->offsets_cap))
    {
      self->offsets_cap *= 2;
      self->offsets = g_renew (gsize, self->offsets, self->offsets_cap);
    }
  self->offsets[++self->n_fields] = end;
}

static gboolean
nul_error (EquityCsvReader *self,
           GError         **error,
           gsize            p)
{
  set_position_error (self, error, EQUITY_ERROR_ENCODING, self->line, column_at (self, p),
                      _("a NUL character (U+0000) is in the text, which would cut the value short; "
                        "the file is damaged or in another encoding (choose its encoding, or remove "
                        "the NUL characters)"));
  return FALSE;
}

/* The first byte at or after Q that STOP marks: EXTRA (the delimiter
 * outside quotes, '"' inside), '"', CR, LF or NUL, the bytes the special
 * tables hold. Sixteen bytes at a time where the processor has SSE2; the
 * buffers keep SCAN_SLACK bytes after the sentinel for the last look. */
static inline const guchar *
find_special (const guchar *q,
              const guint8 *stop,
              guchar        extra)
{
#ifdef __SSE2__
  const __m128i quote = _mm_set1_epi8 ('"'), cr = _mm_set1_epi8 ('\r');
  const __m128i lf = _mm_set1_epi8 ('\n'), other = _mm_set1_epi8 ((char) extra);
  const __m128i nul = _mm_setzero_si128 ();

  (void) stop;
  for (;; q += 16)
    {
      __m128i bytes = _mm_loadu_si128 ((const __m128i *) q);
      __m128i hits = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (bytes, quote), _mm_cmpeq_epi8 (bytes, cr)),
                                   _mm_or_si128 (_mm_cmpeq_epi8 (bytes, lf),
                                                 _mm_or_si128 (_mm_cmpeq_epi8 (bytes, other),
                                                               _mm_cmpeq_epi8 (bytes, nul))));
      int mask = _mm_movemask_epi8 (hits);

      if (mask != 0)
        return q + __builtin_ctz (mask);
    }
#else
  while (!stop[*q])
    q++;
  return q;
#endif
}

/* Copies the bytes from P up to the first special one to *OUT and returns
 * where that byte is; the chunk's sentinel stops it at the end. */
static inline gsize
copy_run (const guchar  *s,
          gsize          p,
          const guint8  *stop,
          guchar         extra,
          char         **out)
{
  const guchar *q = find_special (s + p, stop, extra);

  memcpy (*out, s + p, q - (s + p));
  *out += q - (s + p);
  return q - s;
}

/* Parses the current chunk. Returns TRUE when a record is complete; FALSE
 * when the chunk ran out or on error. */
static gboolean
scan (EquityCsvReader *self,
      GError         **error)
{
  const guchar *s = self->text;
  const gsize end = self->text_len;
  const guint8 *special = self->special, *qspecial = self->qspecial;
  State state = self->state;
  gsize p = self->text_pos;
  guchar c = 0;
  char *out;

  if (G_UNLIKELY (self->skip_lf))
    {
      if (s[p] == '\n')
        p = self->line_start = p + 1;
      self->skip_lf = FALSE;
    }

  /* One input byte yields at most one output byte. +2: a lenient quote read
   * in the previous chunk may be written in this one, and the final NUL. */
  if (self->fields_len + (end - p) + 2 > self->fields_cap)
    {
      self->fields_cap = MAX (self->fields_cap * 2, self->fields_len + (end - p) + 2);
      self->fields = g_realloc (self->fields, self->fields_cap);
    }
  out = self->fields + self->fields_len;

  while (p < end)
    {
      switch (state)
        {
        case ST_FIELD_START:
          c = s[p];
          if (!self->in_record)
            {
              if ((c == '\n' || c == '\r') && self->skip_blank_lines)
                {
                  note_newline (self, p++);
                  continue;
                }
              self->in_record = TRUE;
              self->record_line = self->line;
            }
          if (c == '"')
            {
              self->quote_pos = p++;
              self->quote_line = self->line;
              self->quote_col = 0;
              state = ST_QUOTED;
              break;
            }
          state = ST_UNQUOTED;
          G_GNUC_FALLTHROUGH;

        case ST_UNQUOTED:
          p = copy_run (s, p, special, (guchar) self->delimiter, &out);
          if (p >= end)
            break;
          c = s[p];
          if (c == '\n' || c == '\r')
            goto end_record;
          if (c == '\0')
            return nul_error (self, error, p);
          if (c == '"' && !self->lenient_quotes)
            {
              set_position_error (self, error, EQUITY_ERROR_PARSE, self->line, column_at (self, p),
                                  "stray quote inside an unquoted field");
              return FALSE;
            }
          if (c == '"')
            *out++ = '"';
          else
            {
              *out++ = '\0';
              push_field (self, out - self->fields);
              state = ST_FIELD_START;
            }
          p++;
          break;

        case ST_QUOTED:
          p = copy_run (s, p, qspecial, '"', &out);
          if (p >= end)
            break;
          if (s[p] == '\0')
            return nul_error (self, error, p);
          if (s[p] == '"')
            state = ST_QUOTE_SEEN;
          else
            {
              /* a line break inside quotes is data, but still a new line */
              resolve_quote_column (self);
              note_newline (self, p);
              *out++ = s[p];
            }
          p++;
          break;

        case ST_QUOTE_SEEN:
          c = s[p];
          if (c == '"')
            {
              *out++ = '"';             /* a doubled quote */
              p++;
              state = ST_QUOTED;
            }
          else if (special[c])
            state = ST_UNQUOTED;        /* which ends the field right here */
          else if (self->lenient_quotes)
            {
              /* An exporter that forgot to double inner quotes ("VINOD
               * "VINNIE" K. GOEL"): the quote was text, the field goes on. */
              *out++ = '"';
              state = ST_QUOTED;
            }
          else
            {
              gsize len = MIN ((gsize)g_utf8_skip[c], end - p);
              gunichar ch = g_utf8_get_char ((const char *)s + p);
              g_autofree char *what = g_unichar_isprint (ch) && ch != '\'' ?
                g_strdup_printf ("'%.*s'", (int)len, s + p) : g_strdup_printf ("U+%04X", ch);

              set_position_error (self, error, EQUITY_ERROR_PARSE, self->line, column_at (self, p),
                                  "unexpected character %s after closing quote", what);
              return FALSE;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  self->state = state;
  self->fields_len = out - self->fields;
  self->text_pos = p;
  return FALSE;

end_record:
  *out++ = '\0';
  push_field (self, out - self->fields);
  self->fields_len = out - self->fields;
  note_newline (self, p);
  self->skip_lf = c == '\r';
  self->text_pos = p + 1;
  self->state = ST_FIELD_START;
  return TRUE;
}

/* The input ended: finish the record in progress, if there is one. */
static gboolean
finish_at_eof (EquityCsvReader  *self,
               GError          **error)
{
  if (!self->in_record)
    return FALSE;

  if (self->state == ST_QUOTED)
    {
      resolve_quote_column (self);
      set_position_error (self, error, EQUITY_ERROR_PARSE, self->quote_line, self->quote_col,
                          "unterminated quoted field that starts here");
      return FALSE;
    }

  self->fields[self->fields_len++] = '\0';
  push_field (self, self->fields_len);
  self->state = ST_FIELD_START;
  return TRUE;
}

gboolean
equity_csv_reader_next_record (EquityCsvReader  *self,
                               GCancellable     *cancellable,
                               GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (EQUITY_IS_CSV_READER (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (self->failure));
      return FALSE;
    }

  self->n_fields = 0;
  self->fields_len = 0;
  self->in_record = FALSE;

  while (local_error == NULL)
    {
      if (self->text_pos >= self->text_len)
        {
          if (!refill (self, cancellable, &local_error))
            break;
          if (self->text_len == 0 && finish_at_eof (self, &local_error))
            {
              self->n_records++;
              return TRUE;
            }
          if (self->text_len == 0)
            {
              self->n_fields = 0;
              break;
            }
        }
      else if (self->skip_remaining > 0)
        skip_preamble (self);
      else if (scan (self, &local_error))
        {
          self->n_records++;
          return TRUE;
        }
    }

  if (local_error != NULL)
    {
      self->failure = g_error_copy (local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return FALSE;
}

guint
equity_csv_reader_get_n_fields (EquityCsvReader *self)
{
  g_return_val_if_fail (EQUITY_IS_CSV_READER (self), 0);

  return self->n_fields;
}

const char *
equity_csv_reader_get_field (EquityCsvReader *self,
                             guint            index,
                             gsize           *length)
{
  g_return_val_if_fail (EQUITY_IS_CSV_READER (self), NULL);
  g_return_val_if_fail (index < self->n_fields, NULL);

  if (length != NULL)
    *length = self->offsets[index + 1] - self->offsets[index] - 1;
  return self->fields + self->offsets[index];
}

const char *
equity_csv_reader_get_fields (EquityCsvReader  *self,
                              const gsize     **offsets)
{
  g_return_val_if_fail (EQUITY_IS_CSV_READER (self), NULL);
  g_return_val_if_fail (offsets != NULL, NULL);

  *offsets = self->offsets;
  return self->fields;
}

guint64
equity_csv_reader_get_line (EquityCsvReader *self)
{
  g_return_val_if_fail (EQUITY_IS_CSV_READER (self), 0);

  return self->record_line;
}

guint64
equity_csv_reader_get_n_records (EquityCsvReader *self)
{
  g_return_val_if_fail (EQUITY_IS_CSV_READER (self), 0);

  return self->n_records;
}

char
equity_csv_reader_get_delimiter (EquityCsvReader *self)
{
  g_return_val_if_fail (EQUITY_IS_CSV_READER (self), 0);

  return self->delimiter;
}

const char *
equity_csv_reader_get_encoding (EquityCsvReader *self)
{
  g_return_val_if_fail (EQUITY_IS_CSV_READER (self), NULL);

  return equity_csv_encoding_name (self->encoding);
}

gboolean
equity_csv_reader_get_had_bom (EquityCsvReader *self)
{
  g_return_val_if_fail (EQUITY_IS_CSV_READER (self), FALSE);

  return self->had_bom;
}

goffset
equity_csv_reader_get_offset (EquityCsvReader *self)
{
  gsize unparsed;

  g_return_val_if_fail (EQUITY_IS_CSV_READER (self), 0);

  /* decoded text can be longer than its bytes: scale what is left back */
  unparsed = self->text_len - MIN (self->text_pos, self->text_len);
  if (self->encoding != EQUITY_CSV_ENC_UTF8 && self->text_len > 0)
    unparsed = (guint64)unparsed * self->chunk_raw_len / self->text_len;
  return MAX (0, self->n_read - (goffset)self->carry_len - (goffset)unparsed);
}

goffset
equity_csv_reader_get_size (EquityCsvReader *self)
{
  g_return_val_if_fail (EQUITY_IS_CSV_READER (self), -1);

  return self->size;
}

gboolean
equity_csv_reader_rewind (EquityCsvReader  *self,
                          GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (EQUITY_IS_CSV_READER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!G_IS_SEEKABLE (self->stream) || !g_seekable_can_seek (G_SEEKABLE (self->stream)))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED,
                   "%s: cannot read the data a second time: the stream cannot seek", self->display_name);
      return FALSE;
    }

  if (!g_seekable_seek (G_SEEKABLE (self->stream), self->start_offset, G_SEEK_SET, NULL, &local_error) ||
      !start (self, FALSE, &local_error))
    {
      g_clear_error (&self->failure);
      self->failure = g_error_copy (local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
