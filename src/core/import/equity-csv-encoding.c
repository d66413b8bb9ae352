/* equity-csv-encoding.c — a CSV file's encoding: told from its first bytes, decoded to UTF-8
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-csv-reader"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-csv-encoding.h"

static const char * const encoding_names[] = { "UTF-8", "UTF-16LE", "UTF-16BE", "WINDOWS-1252" };

const char *
equity_csv_encoding_name (EquityCsvEncoding encoding)
{
  return encoding_names[encoding];
}

gboolean
equity_csv_parse_encoding (const char *name,
                EquityCsvEncoding   *encoding)
{
  static const struct { const char *name; EquityCsvEncoding encoding; } aliases[] = {
    { "UTF-8", EQUITY_CSV_ENC_UTF8 }, { "UTF8", EQUITY_CSV_ENC_UTF8 }, { "UTF-16LE", EQUITY_CSV_ENC_UTF16LE }, { "UTF-16BE", EQUITY_CSV_ENC_UTF16BE },
    { "WINDOWS-1252", EQUITY_CSV_ENC_CP1252 }, { "CP1252", EQUITY_CSV_ENC_CP1252 }, { "ISO-8859-1", EQUITY_CSV_ENC_CP1252 },
    { "LATIN1", EQUITY_CSV_ENC_CP1252 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_ascii_strcasecmp (name, aliases[i].name) == 0)
      {
        *encoding = aliases[i].encoding;
        return TRUE;
      }
  return FALSE;
}

/* TRUE if the eight bytes at P are all ASCII */
static inline gboolean
ascii8 (const guchar *p)
{
  guint64 word;

  memcpy (&word, p, sizeof word);   /* an unaligned load */
  return (word & G_GUINT64_CONSTANT (0x8080808080808080)) == 0;
}

gsize
equity_csv_utf8_valid_prefix (const guchar *s,
                   gsize         n,
                   gboolean     *non_ascii,
                   gboolean     *truncated)
{
  gsize i = 0;

  *truncated = FALSE;
  while (i < n)
    {
      gunichar ch;

      /* most CSV text is ASCII: skip it eight bytes at a time */
      if (i + 8 <= n && ascii8 (s + i))
        i += 8;
      else if (s[i] < 0x80)
        i++;
      else
        {
          ch = g_utf8_get_char_validated ((const char *)s + i, n - i);
          if (ch == (gunichar)-2)
            *truncated = s[i] >= 0xC2 && s[i] <= 0xF4 && n - i < (gsize)g_utf8_skip[s[i]];
          if (ch > 0x10FFFF)
            return i;
          *non_ascii = TRUE;
          i += g_utf8_skip[s[i]];
        }
    }
  return i;
}

static const guint16 cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

gsize
equity_csv_decode_cp1252 (const guchar *r,
                          gsize         n,
                          guchar       *out)
{
  char *o = (char *)out;

  for (gsize i = 0; i < n; i++)
    if (r[i] < 0x80)
      *o++ = r[i];
    else
      o += g_unichar_to_utf8 (r[i] < 0xA0 ? cp1252_high[r[i] - 0x80] : r[i], o);
  return o - (char *)out;
}

gsize
equity_csv_decode_utf16 (const guchar *r,
              gsize         n,
              gboolean      be,
              gboolean      eof,
              guchar       *out,
              gsize        *out_len)
{
  char *o = (char *)out;
  gsize i = 0;

  while (i + 1 < n)
    {
      gunichar u = be ? (r[i] << 8 | r[i + 1]) : (r[i] | r[i + 1] << 8);
      gunichar u2 = i + 3 < n ? (be ? (r[i + 2] << 8 | r[i + 3]) : (r[i + 2] | r[i + 3] << 8)) : 0;

      if (u >= 0xD800 && u <= 0xDBFF && i + 3 >= n && !eof)
        break;                  /* the pair continues in the next chunk */
      i += 2;
      if (u >= 0xD800 && u <= 0xDBFF && u2 >= 0xDC00 && u2 <= 0xDFFF)
        {
          u = 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00);
          i += 2;
        }
      else if (u >= 0xD800 && u <= 0xDFFF)
        u = 0xFFFD;             /* a lone surrogate stands for no text */
      o += g_unichar_to_utf8 (u, o);
    }
  if (eof && i < n)
    {
      o += g_unichar_to_utf8 (0xFFFD, o);   /* an odd byte out at the end */
      i = n;
    }

  *out_len = o - (char *)out;
  return i;
}

gsize
equity_csv_bom_length (const guchar *s,
            gsize         n,
            EquityCsvEncoding     *encoding)
{
  if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
    *encoding = EQUITY_CSV_ENC_UTF8;
  else if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE)
    *encoding = EQUITY_CSV_ENC_UTF16LE;
  else if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF)
    *encoding = EQUITY_CSV_ENC_UTF16BE;
  else
    return 0;
  return *encoding == EQUITY_CSV_ENC_UTF8 ? 3 : 2;
}

/* text in the Latin range has a zero in every other byte, and the bytes
 * between are mostly not zero */
gboolean
equity_csv_looks_like_utf16 (const guchar *s,
                  gsize         n,
                  EquityCsvEncoding     *encoding)
{
  gsize zeros[2] = { 0, 0 };

  n = MIN (n, 4096) & ~(gsize) 1;
  if (n < 4)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    zeros[i & 1] += s[i] == 0;
  if (zeros[1] * 10 >= n / 2 * 9 && zeros[0] * 10 < n / 2)
    *encoding = EQUITY_CSV_ENC_UTF16LE;
  else if (zeros[0] * 10 >= n / 2 * 9 && zeros[1] * 10 < n / 2)
    *encoding = EQUITY_CSV_ENC_UTF16BE;
  else
    return FALSE;
  return TRUE;
}

const char *
equity_csv_binary_kind (const guchar *s,
             gsize         n)
{
  static const struct { const char *magic; gsize length; const char *what; } kinds[] = {
    { "\x89PNG\r\n\x1a\n", 8, N_("a PNG image") },
    { "PK\x03\x04", 4, N_("a zip archive (an .xlsx or .ods workbook is one too)") },
    { "\x1f\x8b", 2, N_("a gzip-compressed file") },
    { "%PDF-", 5, N_("a PDF document") },
    { "\xff\xd8\xff", 3, N_("a JPEG image") },
    { "GIF8", 4, N_("a GIF image") },
    { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, N_("an Office 97–2003 document, such as an .xls workbook") },
    { "SQLite format 3", 16, N_("an SQLite database") },
  };
  gsize n_control = 0, n_nul = 0;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (n >= kinds[i].length && memcmp (s, kinds[i].magic, kinds[i].length) == 0)
      return _(kinds[i].what);

  /* Text has few control characters and no NUL. A NUL now and then is
   * damage, which the parser reports with its place; NULs among many
   * control characters (four NULs or more) are a binary file. */
  n = MIN (n, 4096);
  for (gsize i = 0; i < n; i++)
    if (s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f')
      {
        n_control++;
        n_nul += s[i] == 0;
      }
  if (n_nul >= 4 && n_control * 20 > n)
    return _("binary data");
  return NULL;
}
