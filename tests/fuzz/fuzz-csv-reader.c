/* fuzz-csv-reader.c — libFuzzer target for EquityCsvReader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input goes through several option sets. For each, every record is
 * read and checked (fields NUL-terminated, valid UTF-8, lines never going
 * back, progress within the size), errors must be located EQUITY_ERROR
 * ones, and after a rewind the second pass must give the very same records
 * and the same error: the reader keeps no state a rewind forgets.
 */

#include "config.h"

#include <string.h>

#include "equity-csv-reader.h"
#include "fuzz-check.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static const EquityCsvOptions option_sets[] = {
  { 0 },
  { .lenient_quotes = TRUE, .skip_rows = 1 },
  { .delimiter = ';', .skip_blank_lines = TRUE },
  { .encoding = "UTF-16BE", .lenient_quotes = TRUE },
  { .encoding = "UTF-8", .delimiter = '\t', .skip_rows = 3 },
};

static void
check_utf8 (const char *field,
            gsize       length)
{
  /* a NUL is a valid character here, it just ends the C string early */
  while (length > 0)
    {
      gsize segment = strnlen (field, length);

      g_assert_true (g_utf8_validate_len (field, segment, NULL));
      if (segment == length)
        break;
      field += segment + 1;
      length -= segment + 1;
    }
}

/* Reads everything; returns a hash of all records and their lines. */
static guint64
read_all (EquityCsvReader *reader,
          GError         **error)
{
  guint64 hash = FUZZ_HASH_START;
  guint64 last_line = 0, n = 0;
  goffset size = equity_csv_reader_get_size (reader);

  while (equity_csv_reader_next_record (reader, NULL, error))
    {
      guint n_fields = equity_csv_reader_get_n_fields (reader);
      guint64 line = equity_csv_reader_get_line (reader);
      goffset offset = equity_csv_reader_get_offset (reader);

      g_assert_cmpuint (n_fields, >, 0);
      g_assert_cmpuint (line, >, last_line);
      g_assert_cmpint (offset, >=, 0);
      g_assert_cmpint (offset, <=, size);
      g_assert_cmpuint (equity_csv_reader_get_n_records (reader), ==, ++n);
      last_line = line;
      hash = fuzz_hash (hash, line);

      for (guint i = 0; i < n_fields; i++)
        {
          gsize length = 0;
          const char *field = equity_csv_reader_get_field (reader, i, &length);

          g_assert_cmpint (field[length], ==, '\0');
          check_utf8 (field, length);
          hash = fuzz_hash_field (hash, field, length);
        }
      /* the end of a record */
      hash = fuzz_hash (hash, 0x200);
    }

  return hash;
}

static void
check_error (const GError *error)
{
  if (!fuzz_check_error (error, "fuzz.csv:"))
    return;
  g_assert_true (error->code == EQUITY_ERROR_PARSE || error->code == EQUITY_ERROR_ENCODING);
  g_assert_true (g_pattern_match_simple ("fuzz.csv:*:*: *", error->message));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  for (guint o = 0; o < G_N_ELEMENTS (option_sets); o++)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, size, NULL);
      g_autoptr(EquityCsvReader) reader = NULL;
      g_autoptr(GError) first_error = NULL;
      g_autoptr(GError) second_error = NULL;
      g_autoptr(GError) error = NULL;
      guint64 first, second, n_records;

      reader = equity_csv_reader_new_for_stream (stream, "fuzz.csv", &option_sets[o], &error);
      /* a file that is not text is refused as a whole, before parsing */
      if (reader == NULL)
        {
          g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED);
          g_assert_true (g_str_has_prefix (error->message, "fuzz.csv: not a text file"));
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpint (equity_csv_reader_get_size (reader), ==, size);

      first = read_all (reader, &first_error);
      check_error (first_error);
      n_records = equity_csv_reader_get_n_records (reader);

      g_assert_true (equity_csv_reader_rewind (reader, &error));
      g_assert_no_error (error);
      second = read_all (reader, &second_error);

      g_assert_cmpuint (first, ==, second);
      g_assert_cmpuint (n_records, ==, equity_csv_reader_get_n_records (reader));
      g_assert_true ((first_error == NULL) == (second_error == NULL));
      if (first_error != NULL)
        g_assert_cmpstr (first_error->message, ==, second_error->message);
      else
        g_assert_cmpint (equity_csv_reader_get_offset (reader), ==, size);
    }

  return 0;
}
