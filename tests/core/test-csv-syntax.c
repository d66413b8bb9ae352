/* test-csv-syntax.c — syntax, stream and robustness tests of
 * EquityCsvReader (the corpora and real files are in test-csv-reader.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inputs live in tests/data/csv/ (origins in tests/data/SOURCES.md) and are
 * found through G_TEST_SRCDIR=<source>/tests.
 */

#include "config.h"

#include <string.h>

#include "csv-test-util.h"

static void
test_line_endings (void)
{
  g_autoptr(EquityCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint64 lines[8];
  guint n = 0;

  /* CR only, CRLF and LF mixed, with quoted line breaks of each kind */
  reader = open_bytes ("a,b\rc,\"d\re\"\r\nf,g\n\"h\r\ni\",j\n\"k\nl\"\rm,n", -1, NULL, &error);
  g_assert_no_error (error);
  while (equity_csv_reader_next_record (reader, NULL, &error))
    lines[n++] = equity_csv_reader_get_line (reader);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpuint (lines[0], ==, 1);
  g_assert_cmpuint (lines[1], ==, 2);
  g_assert_cmpuint (lines[2], ==, 4);
  g_assert_cmpuint (lines[3], ==, 5);
  g_assert_cmpuint (lines[4], ==, 7);
  g_assert_cmpuint (lines[5], ==, 9);

  {
    g_autoptr(GPtrArray) records = read_all_bytes ("a,b\rc,\"d\re\"\r\nf,g\n\"h\r\ni\",j\n\"k\nl\"\rm,n", -1, NULL);

    assert_records (records,
                    "[[\"a\",\"b\"],[\"c\",\"d\\re\"],[\"f\",\"g\"],[\"h\\r\\ni\",\"j\"],"
                    "[\"k\\nl\"],[\"m\",\"n\"]]");
  }
  {
    /* a trailing line break makes no record, whichever kind it is */
    g_autoptr(GPtrArray) lf = read_all_bytes ("a\n", -1, NULL);
    g_autoptr(GPtrArray) cr = read_all_bytes ("a\r", -1, NULL);
    g_autoptr(GPtrArray) crlf = read_all_bytes ("a\r\n", -1, NULL);
    g_autoptr(GPtrArray) empty = read_all_bytes ("", -1, NULL);
    g_autoptr(GPtrArray) comma = read_all_bytes ("a,", -1, NULL);

    assert_records (lf, "[[\"a\"]]");
    assert_records (cr, "[[\"a\"]]");
    assert_records (crlf, "[[\"a\"]]");
    assert_records (empty, "[]");
    assert_records (comma, "[[\"a\",\"\"]]");
  }
}

static void
test_blank_lines (void)
{
  EquityCsvOptions skip = { .skip_blank_lines = TRUE };
  g_autoptr(GPtrArray) kept = read_all_bytes ("a,b\n\n1,2\r\n\r\n\r\r3,4\n\n", -1, NULL);
  g_autoptr(GPtrArray) skipped = read_all_bytes ("a,b\n\n1,2\r\n\r\n\r\r3,4\n\n", -1, &skip);
  g_autoptr(GPtrArray) quoted = read_all_bytes ("a\n\"\"\n\n", -1, &skip);

  assert_records (kept, "[[\"a\",\"b\"],[\"\"],[\"1\",\"2\"],[\"\"],[\"\"],[\"\"],[\"3\",\"4\"],[\"\"]]");
  assert_records (skipped, "[[\"a\",\"b\"],[\"1\",\"2\"],[\"3\",\"4\"]]");
  /* "" is an empty value, not a blank line */
  assert_records (quoted, "[[\"a\"],[\"\"]]");
}

static void
test_delimiters (void)
{
  static const struct { const char *text; char delimiter; } cases[] = {
    { "a;b;c\n1,5;2,25;3\n4;5;6\n", ';' },            /* decimal commas */
    { "a|b|c\n\"x|y\"|2|3\n", '|' },
    { "a\tb, c\n1\t2, 3, 4\n", '\t' },
    { "name\nAsheville, NC\n", ',' },                  /* one column: default */
    { "a,b;c\n1,2;3\n", ',' },                         /* a tie goes to comma */
    { "\"a;b\",c\n\"1;2\",3\n", ',' },                 /* quotes respected */
    { "", ',' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EquityCsvReader) reader = open_text (cases[i].text);

      g_assert_cmpint (equity_csv_reader_get_delimiter (reader), ==, cases[i].delimiter);
    }

  {
    EquityCsvOptions pipe = { .delimiter = '|' };
    g_autoptr(GPtrArray) records = read_all_bytes ("a,b|c\n", -1, &pipe);

    assert_records (records, "[[\"a,b\",\"c\"]]");
  }
}

static void
test_skip_rows (void)
{
  EquityCsvOptions skip2 = { .skip_rows = 2 };
  EquityCsvOptions skip9 = { .skip_rows = 9 };
  /* preamble lines are physical lines: their quotes mean nothing */
  const char *text = "Report \"Q1\r\nrows: 2\"\ra;b\n1;2\n";
  g_autoptr(EquityCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;

  reader = open_bytes (text, -1, &skip2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (equity_csv_reader_get_delimiter (reader), ==, ';');
  g_assert_true (equity_csv_reader_next_record (reader, NULL, &error));
  g_assert_cmpuint (equity_csv_reader_get_line (reader), ==, 3);
  g_assert_cmpstr (equity_csv_reader_get_field (reader, 0, NULL), ==, "a");
  g_assert_true (equity_csv_reader_next_record (reader, NULL, &error));
  g_assert_cmpuint (equity_csv_reader_get_line (reader), ==, 4);
  g_assert_false (equity_csv_reader_next_record (reader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (equity_csv_reader_get_n_records (reader), ==, 2);

  none = read_all_bytes (text, -1, &skip9);
  g_assert_cmpuint (none->len, ==, 0);
  /* CRLF is one line, CR alone is one too */
  records = read_all_bytes ("x\r\n\r\ra\n", -1, &skip2);
  assert_records (records, "[[\"\"],[\"a\"]]");
}

static void
test_error_positions (void)
{
  static const struct { const char *text; const char *message; } cases[] = {
    /* columns count characters, not bytes */
    { "\xc3\xa9\xc3\xa9,\"x\"y\n", "t.csv:1:7: unexpected character 'y' after closing quote" },
    { "a,\"x\"\x01", "t.csv:1:6: unexpected character U+0001 after closing quote" },
    { "a,\"x\"\xf0\x9f\x98\x8e", "t.csv:1:6: unexpected character '😎' after closing quote" },
    { "a\nb,c\"d\n", "t.csv:2:4: stray quote inside an unquoted field" },
    { "a\r\n\r\n\"x\ny\"z", "t.csv:4:3: unexpected character 'z' after closing quote" },
    { "a,b\n1,\"two\nlines\r\nand \"\"more\"\"", "t.csv:2:3: unterminated quoted field that starts here" },
    { "\"", "t.csv:1:1: unterminated quoted field that starts here" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EquityCsvReader) reader = open_text (cases[i].text);

      assert_parse_error (reader, cases[i].message);
    }
}

/* A NUL would cut a header name or value short: it is an error at its place. */
static void
test_nul_characters (void)
{
  static const struct { const char *text; gsize length; const char *place; } cases[] = {
    { "na\0me,b\n1,2\n", 13, "t.csv:1:3: " },
    { "a,b\n1,x\0y\n", 11, "t.csv:2:4: " },
    { "a,b\n1,\"x\0\"\n", 12, "t.csv:2:5: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EquityCsvReader) reader = NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;

      reader = open_bytes (cases[i].text, cases[i].length, NULL, &error);
      g_assert_no_error (error);
      records = read_records (reader, &error);
      g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_ENCODING);
      g_assert_true (g_str_has_prefix (error->message, cases[i].place));
      g_assert_nonnull (strstr (error->message, "NUL character (U+0000)"));
    }
}

/* UTF-16 without a byte-order mark is recognised by its zero bytes. */
static void
test_utf16_without_bom (void)
{
  const char *text = "name,value\n1,caf\xc3\xa9\n";

  for (guint big_endian = 0; big_endian < 2; big_endian++)
    {
      g_autofree char *encoded = NULL;
      g_autoptr(EquityCsvReader) reader = NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;
      gsize length = 0;

      encoded = g_convert (text, -1, big_endian ? "UTF-16BE" : "UTF-16LE", "UTF-8", NULL, &length, &error);
      g_assert_no_error (error);
      reader = open_bytes (encoded, length, NULL, &error);
      g_assert_no_error (error);
      records = read_records (reader, &error);
      g_assert_no_error (error);
      assert_records (records, "[[\"name\",\"value\"],[\"1\",\"café\"]]");
      g_assert_cmpstr (equity_csv_reader_get_encoding (reader), ==, big_endian ? "UTF-16BE" : "UTF-16LE");
      g_assert_false (equity_csv_reader_get_had_bom (reader));
    }
}

/* A PNG or a zip named .csv is not read as ragged text full of raw bytes. */
static void
test_binary_files (void)
{
  static const struct { const char *data; gsize length; const char *what; } cases[] = {
    { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", 20, "a PNG image" },
    { "PK\x03\x04\x14\0\0\0\x08\0", 10, "a zip archive" },
    { "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20, "binary data" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EquityCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("t.csv: not a text file (it looks like %s", cases[i].what);

      reader = open_bytes (cases[i].data, cases[i].length, NULL, &error);
      g_assert_null (reader);
      g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED);
      g_assert_true (g_str_has_prefix (error->message, expected));
    }
}

/* one padding record, then TAIL */
static GString *
padded (const char *tail,
        gsize       pad)
{
  GString *text = g_string_sized_new (pad + strlen (tail) + 1);

  while (text->len < pad)
    g_string_append_c (text, 'p');
  g_string_append_c (text, '\n');
  g_string_append (text, tail);
  return text;
}

/* Puts each byte of a tricky text on each side of a chunk boundary. */
static void
test_chunk_boundaries (void)
{
  const char *tail = "x,\"q\"\"\r\nz\",\xc3\xa9\xf0\x9f\x98\x8e\r\n\"\",\r\"a\"\n\r\nb\rc";
  const char *expected = "[[\"x\",\"q\\\"\\r\\nz\",\"é😎\"],[\"\",\"\"],[\"a\"],[\"\"],[\"b\"],[\"c\"]]";
  /* the padding record is line 1; the quoted CRLF makes a line of its own */
  static const guint64 expected_lines[] = { 1, 2, 4, 5, 6, 7, 8 };
  EquityCsvOptions comma = { .delimiter = ',' };
  gsize tail_len = strlen (tail);
  glong tail_units = 0;

  g_free (g_utf8_to_utf16 (tail, -1, NULL, &tail_units, NULL));

  for (guint b = 0; b < G_N_ELEMENTS (chunk_boundaries); b++)
    {
      /* TAIL[shift] is the first byte of a chunk */
      for (gsize shift = 0; shift <= tail_len; shift++)
        {
          g_autoptr(GString) text = padded (tail, chunk_boundaries[b] - shift - 1);
          g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint64));
          g_autoptr(GPtrArray) records = read_all_bytes_full (text->str, text->len, &comma, lines);

          assert_lines (lines, expected_lines, G_N_ELEMENTS (expected_lines));
          g_assert_cmpuint (records->len, ==, 7);
          g_ptr_array_remove_index (records, 0);
          assert_records (records, expected);
        }

      /* in UTF-16 (after a 2-byte BOM), code unit SHIFT of TAIL starts a chunk */
      for (glong shift = 0; shift <= tail_units; shift++)
        {
          g_autoptr(GString) text = padded (tail, (chunk_boundaries[b] - 2) / 2 - shift - 1);
          g_autoptr(GByteArray) utf16 = to_utf16 (text->str, b % 2 == 1, TRUE);
          g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint64));
          g_autoptr(GPtrArray) records = read_all_bytes_full ((const char *)utf16->data, utf16->len,
                                                              &comma, lines);

          assert_lines (lines, expected_lines, G_N_ELEMENTS (expected_lines));
          g_assert_cmpuint (records->len, ==, 7);
          g_ptr_array_remove_index (records, 0);
          assert_records (records, expected);
        }
    }
}

/* Columns stay right when the line began chunks ago. */
static void
test_long_line_error (void)
{
  g_autoptr(GString) text = g_string_new ("h\n");
  g_autoptr(EquityCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint chars = 0;

  while (text->len < 300 * 1024)
    {
      g_string_append (text, chars % 2 ? "\xc3\xa9" : "a");
      chars++;
    }
  g_string_append (text, "\"\n");
  reader = open_bytes (text->str, text->len, NULL, &error);
  g_assert_no_error (error);
  message = g_strdup_printf ("t.csv:2:%u: stray quote inside an unquoted field", chars + 1);
  assert_parse_error (reader, message);
  g_clear_object (&reader);
  g_clear_pointer (&message, g_free);

  /* an unterminated quote that opened in an earlier chunk */
  g_string_assign (text, "h\nab,\"");
  while (text->len < 300 * 1024)
    g_string_append (text, "\xc3\xa9\r\n");
  reader = open_bytes (text->str, text->len, NULL, &error);
  g_assert_no_error (error);
  assert_parse_error (reader, "t.csv:2:4: unterminated quoted field that starts here");

  /* the same, when a doubled quote straddles the chunk boundary */
  for (guint b = 0; b < G_N_ELEMENTS (chunk_boundaries); b++)
    {
      g_clear_object (&reader);
      g_string_assign (text, "h\nab,\"");
      while (text->len < chunk_boundaries[b] - 1)
        g_string_append_c (text, 'x');
      g_string_append (text, "\"\"\nmore");
      reader = open_bytes (text->str, text->len, NULL, &error);
      g_assert_no_error (error);
      assert_parse_error (reader, "t.csv:2:4: unterminated quoted field that starts here");
    }
}

/* Random records, written out and read back, across many chunks. */
static void
test_round_trip (void)
{
  static const char * const pieces[] = {
    "a", "Asheville", " ", ",", ";", "\"", "\n", "\r\n", "\r", "é", "😎", "\t", "|", "''", "0.5",
  };
  static const char * const endings[] = { "\n", "\r\n", "\r" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (4180);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) records = NULL;
  EquityCsvOptions comma = { .delimiter = ',' };

  while (text->len < 1024 * 1024)
    {
      guint n = g_rand_int_range (rand, 1, 9);
      char **fields = g_new0 (char *, n + 1);

      for (guint f = 0; f < n; f++)
        {
          g_autoptr(GString) field = g_string_new (NULL);
          guint len = g_rand_int_range (rand, 0, 6);
          gboolean quote;

          for (guint k = 0; k < len; k++)
            g_string_append (field, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
          quote = strpbrk (field->str, ",\"\r\n") != NULL || (n == 1 && len == 0) || g_rand_boolean (rand);
          if (f > 0)
            g_string_append_c (text, ',');
          if (quote)
            {
              g_autofree char *doubled = NULL;
              g_auto(GStrv) parts = g_strsplit (field->str, "\"", -1);

              doubled = g_strjoinv ("\"\"", parts);
              g_string_append_printf (text, "\"%s\"", doubled);
            }
          else
            g_string_append (text, field->str);
          fields[f] = g_string_free (g_steal_pointer (&field), FALSE);
        }
      g_string_append (text, endings[g_rand_int_range (rand, 0, G_N_ELEMENTS (endings))]);
      g_ptr_array_add (expected, fields);
    }

  records = read_all_bytes (text->str, text->len, &comma);
  g_assert_cmpuint (records->len, ==, expected->len);
  for (guint r = 0; r < records->len; r++)
    g_assert_cmpstrv (g_ptr_array_index (records, r), g_ptr_array_index (expected, r));
}

/* ---------------------------------------------------------------------- */
/* streaming API                                                            */

static void
test_cancel (void)
{
  g_autoptr(GString) text = g_string_new ("a,b\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(EquityCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  while (text->len < 1024 * 1024)
    g_string_append (text, "1,2\n");

  reader = open_bytes (text->str, text->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (equity_csv_reader_next_record (reader, cancellable, &error));
  g_cancellable_cancel (cancellable);
  while (equity_csv_reader_next_record (reader, cancellable, &error))
    n++;
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* the chunk in hand is finished, the next one is never read */
  g_assert_cmpuint (n, <, 128 * 1024 / 4);
  g_assert_cmpint (equity_csv_reader_get_offset (reader), <, text->len);
  g_clear_error (&error);
  g_assert_false (equity_csv_reader_next_record (reader, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* a rewind clears it */
  g_assert_true (equity_csv_reader_rewind (reader, &error));
  g_assert_no_error (error);
  records = read_records (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, (text->len) / 4);
}

static void
assert_same_records (GPtrArray *a,
                     GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint r = 0; r < a->len; r++)
    g_assert_cmpstrv (g_ptr_array_index (a, r), g_ptr_array_index (b, r));
}

static void
test_rewind (void)
{
  g_autofree char *vendors = test_data_path ("csv", "real", "vendors", "ncdot_dbe_vendor_directory.csv", NULL);
  g_autofree char *utf16 = test_data_path ("csv", "node-csv-encoding-fixtures", "utf16le-bom-windows.csv", NULL);
  g_autofree char *cp1252 = test_data_path ("csv", "encoding", "windows-1252.csv", NULL);
  const char *paths[] = { vendors, utf16, cp1252 };
  EquityCsvOptions options = { .skip_rows = 2, .lenient_quotes = TRUE };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(EquityCsvReader) reader = NULL;
      g_autoptr(GPtrArray) first = NULL;
      g_autoptr(GPtrArray) second = NULL;
      g_autoptr(GPtrArray) third = NULL;
      g_autoptr(GError) error = NULL;

      options.skip_rows = i == 0 ? 2 : 0;
      reader = open_path (paths[i], &options, &error);
      g_assert_no_error (error);
      first = read_records (reader, &error);
      g_assert_no_error (error);

      g_assert_true (equity_csv_reader_rewind (reader, &error));
      g_assert_cmpuint (equity_csv_reader_get_n_records (reader), ==, 0);
      g_assert_cmpint (equity_csv_reader_get_offset (reader), <=, 128 * 1024);
      second = read_records (reader, &error);
      g_assert_no_error (error);
      assert_same_records (first, second);
      g_assert_cmpuint (equity_csv_reader_get_n_records (reader), ==, first->len);

      /* and in the middle of the file */
      g_assert_true (equity_csv_reader_rewind (reader, &error));
      g_assert_true (equity_csv_reader_next_record (reader, NULL, &error));
      g_assert_true (equity_csv_reader_rewind (reader, &error));
      third = read_records (reader, &error);
      g_assert_no_error (error);
      assert_same_records (first, third);
    }
}

static void
test_unseekable (void)
{
  g_autoptr(GInputStream) memory = g_memory_input_stream_new_from_data ("a,b\n1,2\n", -1, NULL);
  g_autoptr(GCharsetConverter) converter = g_charset_converter_new ("UTF-8", "UTF-8", NULL);
  g_autoptr(GInputStream) stream = g_converter_input_stream_new (memory, G_CONVERTER (converter));
  g_autoptr(EquityCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  reader = equity_csv_reader_new_for_stream (stream, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (equity_csv_reader_get_size (reader), ==, -1);
  records = read_records (reader, &error);
  g_assert_no_error (error);
  assert_records (records, "[[\"a\",\"b\"],[\"1\",\"2\"]]");
  g_assert_cmpint (equity_csv_reader_get_offset (reader), ==, 8);
  g_assert_false (equity_csv_reader_rewind (reader, &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED);
}

static void
test_progress (void)
{
  g_autofree char *csv = test_data_path ("csv", "real", "asheville", "apd_arrests_2020_2021.csv", NULL);
  g_autoptr(EquityCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  goffset last = 0, size;
  guint distinct = 0;

  reader = open_path (csv, NULL, &error);
  g_assert_no_error (error);
  size = equity_csv_reader_get_size (reader);
  g_assert_cmpint (size, ==, 1407214);
  while (equity_csv_reader_next_record (reader, NULL, &error))
    {
      goffset offset = equity_csv_reader_get_offset (reader);

      g_assert_cmpint (offset, >=, last);
      g_assert_cmpint (offset, <=, size);
      distinct += offset != last;
      last = offset;
    }
  g_assert_no_error (error);
  g_assert_cmpint (last, ==, size);
  /* progress moves with every record, not only with every chunk */
  g_assert_cmpuint (distinct, ==, 15016);
}

/* Every input the fuzzer ever crashed on, kept: each must either parse or
 * fail with a located error, under every option set the fuzzer uses. */
static void
test_fuzz_regressions (void)
{
  g_autofree char *dir = test_data_path ("csv", "fuzz-regressions", NULL);
  g_autoptr(GPtrArray) names = list_dir (dir, NULL);
  const EquityCsvOptions option_sets[] = {
    { 0 },
    { .lenient_quotes = TRUE, .skip_rows = 1 },
    { .delimiter = ';', .skip_blank_lines = TRUE },
    { .encoding = "UTF-16BE", .lenient_quotes = TRUE },
    { .encoding = "UTF-8", .delimiter = '\t', .skip_rows = 3 },
  };

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_str_has_suffix (name, ".md"))
        continue;
      g_test_message ("%s", name);
      for (guint o = 0; o < G_N_ELEMENTS (option_sets); o++)
        {
          g_autoptr(EquityCsvReader) reader = NULL;
          g_autoptr(GPtrArray) records = NULL;
          g_autoptr(GError) error = NULL;

          reader = open_path (path, &option_sets[o], &error);
          g_assert_no_error (error);
          records = read_records (reader, &error);
          if (error != NULL)
            {
              g_assert_true (error->domain == EQUITY_ERROR);
              g_assert_true (g_pattern_match_simple ("*:*:*:*", error->message));
            }
        }
    }
}


/* The reader looks for the bytes that end a run sixteen at a time, so a
 * quote, delimiter, CR or LF must be found wherever it falls among those
 * sixteen, and the last look reads past the end of the text. Every field
 * length to 40 with such a byte at every place in it, quoted (where the
 * byte is text) after an unquoted field as long as that place; the file
 * runs over a chunk boundary and ends without a line break. The expected
 * fields are built here, not read. */
static void
test_special_at_every_offset (void)
{
  static const char specials[] = { '"', ',', '\n', '\r' };
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) records = NULL;
  char **last;

  for (guint length = 1; length <= 40; length++)
    for (guint at = 0; at < length; at++)
      for (guint s = 0; s < G_N_ELEMENTS (specials); s++)
        {
          char **record = g_new0 (char *, 3);

          record[0] = g_strnfill (at, 'x');
          record[1] = g_strnfill (length, 'a' + (length + at) % 26);
          record[1][at] = specials[s];
          g_string_append_printf (csv, "%s,\"", record[0]);
          for (const char *c = record[1]; *c != '\0'; c++)
            g_string_append_printf (csv, *c == '"' ? "\"\"" : "%c", *c);
          g_string_append (csv, "\"\n");
          g_ptr_array_add (expected, record);
        }
  last = g_new0 (char *, 3);
  last[0] = g_strnfill (37, 'y');
  last[1] = g_strnfill (19, 'z');
  g_string_append_printf (csv, "%s,%s", last[0], last[1]);
  g_ptr_array_add (expected, last);
  g_assert_cmpuint (csv->len, >, 128 * 1024);

  records = read_all_bytes (csv->str, csv->len, NULL);
  g_assert_cmpuint (records->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      char **want = g_ptr_array_index (expected, i);
      char **got = g_ptr_array_index (records, i);

      g_assert_cmpuint (g_strv_length (got), ==, 2);
      g_assert_cmpstr (got[0], ==, want[0]);
      g_assert_cmpstr (got[1], ==, want[1]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);


  g_test_add_func ("/csv-reader/syntax/line-endings", test_line_endings);
  g_test_add_func ("/csv-reader/syntax/blank-lines", test_blank_lines);
  g_test_add_func ("/csv-reader/syntax/delimiters", test_delimiters);
  g_test_add_func ("/csv-reader/syntax/skip-rows", test_skip_rows);
  g_test_add_func ("/csv-reader/syntax/error-positions", test_error_positions);
  g_test_add_func ("/csv-reader/syntax/chunk-boundaries", test_chunk_boundaries);
  g_test_add_func ("/csv-reader/syntax/long-line-error", test_long_line_error);
  g_test_add_func ("/csv-reader/syntax/round-trip", test_round_trip);

  g_test_add_func ("/csv-reader/stream/cancel", test_cancel);
  g_test_add_func ("/csv-reader/stream/rewind", test_rewind);
  g_test_add_func ("/csv-reader/stream/unseekable", test_unseekable);
  g_test_add_func ("/csv-reader/stream/progress", test_progress);
  g_test_add_func ("/csv-reader/fuzz-regressions", test_fuzz_regressions);
  g_test_add_func ("/csv-reader/nul-characters", test_nul_characters);
  g_test_add_func ("/csv-reader/utf16-without-bom", test_utf16_without_bom);
  g_test_add_func ("/csv-reader/binary-files", test_binary_files);
  g_test_add_func ("/csv-reader/special-at-every-offset", test_special_at_every_offset);

  return g_test_run ();
}
