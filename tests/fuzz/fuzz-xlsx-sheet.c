/* fuzz-xlsx-sheet.c — libFuzzer target for the streaming XLSX sheet parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input is a sheet's XML, read against a workbook with four shared
 * strings and cell styles 1–3 showing dates, date-times and times, in odd
 * chunk sizes so that the parser meets the input split anywhere. Every row
 * is read and checked (rows numbered from 1, cells NUL-terminated and valid
 * UTF-8, no wider than a sheet can be), errors must be located EQUITY_ERROR
 * ones naming the file and the sheet, and a second parse in another chunk
 * size must give the very same rows, or an error too.
 */

#include "config.h"

#include <string.h>

#include "equity-xlsx.h"
#include "fuzz-check.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

typedef struct
{
  const guint8 *data;
  size_t        size;
  size_t        at;
  int           chunk;
} Input;

static int
read_input (void *user_data,
            char *buffer,
            int   length)
{
  Input *input = user_data;
  size_t n = MIN ((size_t) MIN (length, input->chunk), input->size - input->at);

  memcpy (buffer, input->data + input->at, n);
  input->at += n;
  return (int) n;
}

static EquityXlsxBook *
make_book (void)
{
  static const char strings[] = "first\0second\0\xc3\xa9t\xc3\xa9\0";
  static const guint32 offsets[] = { 0, 6, 13, 19 };
  static const guint8 kinds[] = { EQUITY_XLSX_NUMBER, EQUITY_XLSX_DATE, EQUITY_XLSX_DATETIME, EQUITY_XLSX_TIME };
  EquityXlsxBook *book = g_new0 (EquityXlsxBook, 1);

  book->display_name = g_strdup ("fuzz.xlsx");
  book->sheet_names = g_ptr_array_new_with_free_func (g_free);
  book->sheet_parts = g_ptr_array_new_with_free_func (g_free);
  book->strings = g_string_new_len (strings, sizeof strings);
  book->string_offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_vals (book->string_offsets, offsets, G_N_ELEMENTS (offsets));
  book->style_kinds = g_byte_array_new ();
  g_byte_array_append (book->style_kinds, kinds, sizeof kinds);
  return book;
}

static guint64
read_all (EquityXlsxBook *book,
          Input          *input,
          GError        **error)
{
  g_autoptr(EquityXlsxRows) rows = equity_xlsx_rows_new (book, "Data", read_input, input);
  guint64 hash = FUZZ_HASH_START;

  while (equity_xlsx_rows_next (rows, error))
    {
      guint64 row = equity_xlsx_rows_number (rows);
      guint width = equity_xlsx_rows_width (rows);

      g_assert_cmpuint (row, >, 0);
      g_assert_cmpuint (width, <=, 16384);
      g_assert_cmpuint (equity_xlsx_rows_bytes_parsed (rows), <=, input->size);
      hash = fuzz_hash (hash, row);
      for (guint i = 0; i <= width; i++)
        {
          gsize length = 0;
          const char *cell = equity_xlsx_rows_cell (rows, i, &length);

          g_assert_cmpint (cell[length], ==, '\0');
          g_assert_true (g_utf8_validate (cell, length, NULL));
          hash = fuzz_hash_field (hash, cell, length);
        }
      /* past the last cell there is only the empty value */
      g_assert_cmpstr (equity_xlsx_rows_cell (rows, width + 7, NULL), ==, "");
    }
  return hash;
}

static void
check_error (const GError *error)
{
  if (fuzz_check_error (error, "fuzz.xlsx, sheet “Data”"))
    g_assert_true (error->code == EQUITY_ERROR_PARSE);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const int chunks[] = { 4096, 7 };
  g_autoptr(EquityXlsxBook) book = make_book ();
  g_autoptr(GError) first_error = NULL;
  g_autoptr(GError) second_error = NULL;
  Input first_input = { data, size, 0, chunks[size % 2] };
  Input second_input = { data, size, 0, chunks[(size + 1) % 2] };
  guint64 first, second;

  first = read_all (book, &first_input, &first_error);
  check_error (first_error);
  second = read_all (book, &second_input, &second_error);
  check_error (second_error);
  /* how the input is split never changes what a good sheet says, nor
   * whether a sheet is bad; which fault is met first may change, as the
   * parser checks the bytes it has taken in ahead of the rows */
  g_assert_true ((first_error == NULL) == (second_error == NULL));
  if (first_error == NULL)
    g_assert_cmpuint (first, ==, second);
  return 0;
}
