/* test-csv-reader.c — conformance and real-file tests of EquityCsvReader:
 * the published corpora, real public files and their encodings (the
 * syntax and stream cases are in test-csv-syntax.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inputs live in tests/data/csv/ (origins in tests/data/SOURCES.md) and are
 * found through G_TEST_SRCDIR=<source>/tests.
 */

#include "config.h"

#include <string.h>

#include "csv-test-util.h"

/* Reads CORPUS/CSV_FOLDER/NAME.csv whole, failing the test on an error;
 * EXPECTED_OUT gets CORPUS/json/NAME.json, the records it should give. */
static GPtrArray *
read_corpus_case (const char       *corpus,
                  const char       *csv_folder,
                  const char       *name,
                  EquityCsvReader **reader_out,
                  JsonNode        **expected_out)
{
  g_autofree char *csv = corpus_file (corpus, csv_folder, name, "csv");
  g_autofree char *json = corpus_file (corpus, "json", name, "json");

  *expected_out = load_json (json);
  return read_path (csv, NULL, reader_out);
}

static void
test_spectrum_case (gconstpointer data)
{
  g_autoptr(EquityCsvReader) reader = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(GPtrArray) records = read_corpus_case ("csv-spectrum-2.0.0", "csvs", data, &reader, &expected);

  g_assert_cmpint (equity_csv_reader_get_delimiter (reader), ==, ',');
  assert_objects (records, json_node_get_array (expected));
}

/* SOURCES.md: the published expectation is wrong (phone number, not an
 * array) and the CSV has bare quotes in an unquoted field. */
static void
test_spectrum_location_coordinates (void)
{
  g_autofree char *csv = corpus_file ("csv-spectrum-2.0.0", "csvs", "location_coordinates", "csv");
  g_autofree char *json = corpus_file ("csv-spectrum-2.0.0", "json", "location_coordinates", "json");
  g_autoptr(JsonNode) expected = load_json (json);
  EquityCsvOptions lenient = { .lenient_quotes = TRUE };
  g_autoptr(EquityCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  char **row;

  reader = open_path (csv, NULL, &error);
  g_assert_no_error (error);
  /* column 22 counts the two U+FFFD before it as one character each */
  assert_parse_error (reader, "location_coordinates.csv:2:22: stray quote inside an unquoted field");
  g_clear_object (&reader);

  records = read_path (csv, &lenient, &reader);
  g_assert_cmpuint (records->len, ==, 2);
  row = g_ptr_array_index (records, 1);
  g_assert_cmpuint (g_strv_length (row), ==, 4);

  object = json_node_get_object (expected);
  g_assert_cmpstr (row[0], ==, "2095257564");
  g_assert_cmpstr (json_object_get_string_member (object, "Contact Phone Number"), ==, "1234567890");
  g_assert_cmpstr (row[1], ==, json_object_get_string_member (object, "Location Coordinates"));
  g_assert_cmpstr (row[1], ==, "37\xef\xbf\xbd" "36'37.8\"N 121\xef\xbf\xbd" "2'17.9\"W");
  g_assert_cmpstr (row[2], ==, "Modesto");
  g_assert_cmpstr (row[3], ==, "Stanislaus");
}

static void
test_sineemore_case (gconstpointer data)
{
  const char *name = data;
  g_autoptr(EquityCsvReader) reader = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(GPtrArray) records = read_corpus_case ("sineemore-csv-test-data", "csv", name, &reader, &expected);

  if (g_str_has_prefix (name, "header-"))
    {
      /* the expectation assumes the header foo,bar,baz */
      g_assert_cmpuint (records->len, >=, 1);
      assert_objects (records, json_node_get_array (expected));
      g_assert_cmpstrv (g_ptr_array_index (records, 0), ((const char *[]) { "foo", "bar", "baz", NULL }));
    }
  else
    {
      g_autofree char *text = json_to_string (expected, FALSE);

      assert_records (records, text);
    }
}

static void
test_sineemore_bad_quotes (void)
{
  static const struct { const char *name; const char *strict; const char *lenient; } cases[] = {
    { "bad-missing-quote",
      "bad-missing-quote.csv:2:3: unterminated quoted field that starts here", NULL },
    { "bad-quotes-with-unescaped-quote",
      "bad-quotes-with-unescaped-quote.csv:2:19: unexpected character ' ' after closing quote",
      "[[\"foo\",\"bar\",\"baz\"],[\"1\",\"Hey, I missed \\\" it\",\"3\"]]" },
    { "bad-unescaped-quote",
      "bad-unescaped-quote.csv:2:8: stray quote inside an unquoted field",
      "[[\"foo\",\"bar\",\"baz\"],[\"1\",\"This \\\"quotes\\\" must be escaped\",\"3\"]]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *csv_name = g_strconcat (cases[i].name, ".csv", NULL);
      g_autofree char *csv = test_data_path ("csv", "sineemore-csv-test-data", "csv", csv_name, NULL);
      EquityCsvOptions lenient = { .lenient_quotes = TRUE };
      g_autoptr(EquityCsvReader) reader = NULL;
      g_autoptr(GError) error = NULL;

      reader = open_path (csv, NULL, &error);
      g_assert_no_error (error);
      assert_parse_error (reader, cases[i].strict);
      g_clear_object (&reader);

      reader = open_path (csv, &lenient, &error);
      g_assert_no_error (error);
      if (cases[i].lenient != NULL)
        {
          g_autoptr(GPtrArray) records = read_records (reader, &error);

          g_assert_no_error (error);
          assert_records (records, cases[i].lenient);
        }
      else    /* lenience does not invent a closing quote */
        assert_parse_error (reader, cases[i].strict);
    }
}

/* Structurally fine CSV whose shape is wrong: the reader returns it as it
 * is and leaves the complaint to the importer. */
static void
test_sineemore_bad_header (void)
{
  static const struct { const char *name; guint n_records; guint counts[2]; } cases[] = {
    { "bad-header-less-fields", 2, { 3, 2 } },
    { "bad-header-more-fields", 2, { 3, 4 } },
    { "bad-header-no-header", 0, { 0, 0 } },
    { "bad-header-wrong-header", 1, { 3, 0 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *csv_name = g_strconcat (cases[i].name, ".csv", NULL);
      g_autofree char *csv = test_data_path ("csv", "sineemore-csv-test-data", "csv", csv_name, NULL);
      g_autoptr(EquityCsvReader) reader = NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;

      records = read_path (csv, NULL, &reader);
      g_assert_cmpuint (records->len, ==, cases[i].n_records);
      for (guint r = 0; r < records->len; r++)
        g_assert_cmpuint (g_strv_length (g_ptr_array_index (records, r)), ==, cases[i].counts[r]);
    }
}

static void
test_node_csv_encodings (void)
{
  static const struct { const char *name; const char *encoding; } cases[] = {
    { "utf16le-bom-windows.csv", "UTF-16LE" },
    { "utf8-bom-windows.csv", "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *csv = test_data_path ("csv", "node-csv-encoding-fixtures", cases[i].name, NULL);
      g_autoptr(EquityCsvReader) reader = NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;

      reader = open_path (csv, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (equity_csv_reader_get_encoding (reader), ==, cases[i].encoding);
      g_assert_true (equity_csv_reader_get_had_bom (reader));
      records = read_records (reader, &error);
      g_assert_no_error (error);
      assert_records (records, "[[\"a\",\"b\",\"c\"],[\"1\",\"2\",\"3\"]]");
      g_assert_cmpint (equity_csv_reader_get_offset (reader), ==, equity_csv_reader_get_size (reader));
    }
}

static void
test_papaparse_samples (void)
{
  g_autofree char *dir = test_data_path ("csv", "papaparse-5.7.1-samples", NULL);
  g_autoptr(GPtrArray) names = list_dir (dir, ".csv");

  g_assert_cmpuint (names->len, ==, 4);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *csv = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(EquityCsvReader) reader = NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;
      guint width;

      records = read_path (csv, NULL, &reader);
      g_assert_cmpuint (records->len, >=, 2);
      width = g_strv_length (g_ptr_array_index (records, 0));
      g_assert_cmpuint (width, >, 1);
      for (guint r = 0; r < records->len; r++)
        g_assert_cmpuint (g_strv_length (g_ptr_array_index (records, r)), ==, width);

      if (g_str_has_prefix (g_ptr_array_index (names, i), "utf-8-bom") ||
          g_str_equal (g_ptr_array_index (names, i), "sample.csv"))
        assert_records (records, "[[\"A\",\"B\",\"C\"],[\"X\",\"Y\",\"Z\"]]");
    }
}

static void
test_gebi_evil (void)
{
  EquityCsvOptions lenient = { .lenient_quotes = TRUE };
  g_autofree char *evil = test_data_path ("csv", "gebi-csv-test-evil", "evil.csv", NULL);
  g_autofree char *evil1 = test_data_path ("csv", "gebi-csv-test-evil", "evil1.csv", NULL);
  g_autofree char *evil2 = test_data_path ("csv", "gebi-csv-test-evil", "evil2.csv", NULL);
  g_autoptr(EquityCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  /* Strict: a quote after ", " is not the start of a quoted field (RFC 4180
   * has no space before the quote), so this is a stray quote: line 7. */
  reader = open_path (evil, NULL, &error);
  g_assert_no_error (error);
  assert_parse_error (reader, "evil.csv:7:11: stray quote inside an unquoted field");
  g_clear_object (&reader);

  /* Lenient: the quotes are text and the comma splits; full-width commas
   * and quotes are never syntax; the blank last line is a record. */
  records = read_path (evil, &lenient, &reader);
  assert_records (records,
                  "[[\"character\",\"quote\"],"
                  "[\"Inigo\",\"You killed my father\\nDarth, I am your father\"],"
                  "[\"Buddha\",\"\"],"
                  "[\"Dada\",\"'dodo'\"],"
                  "[\"Evil Guy\",\"\\\";drop table\"],"
                  "[\"Expert\",\" \\\"Trust me\",\" I'm an expert\\\"\"],"
                  "[\"Balmer\",\"\\\"Developers, Developers\\\"\"],"
                  "[\"Yoda\xef\xbc\x8c" "Do\xef\xbc\x8c" "do not\xef\xbc\x8e" "do not try\"],"
                  "[\"Me\",\"\xef\xbc\x82" "Do not\"],"
                  "[\"quote me\",\" please\xef\xbc\x82\"],"
                  "[\"\"]]");
  g_clear_object (&reader);

  reader = open_path (evil1, NULL, &error);
  g_assert_no_error (error);
  assert_parse_error (reader, "evil1.csv:1:11: stray quote inside an unquoted field");
  g_clear_object (&reader);
  g_clear_pointer (&records, g_ptr_array_unref);

  records = read_path (evil2, NULL, &reader);
  assert_records (records, "[[\"\",\"foo\"]]");
}

/* ---------------------------------------------------------------------- */
/* real files                                                               */

typedef struct
{
  guint   n_records;
  guint   n_fields;       /* of every record */
  guint   ragged;
  guint   with_newline;   /* fields holding a line break */
  guint   with_cr;
  guint   with_delimiter;
} Shape;

/* N_RECORDS records of N_FIELDS fields, RAGGED of them with another count */
static void
assert_shape (const Shape *shape,
              guint        n_records,
              guint        n_fields,
              guint        ragged)
{
  g_assert_cmpuint (shape->n_records, ==, n_records);
  g_assert_cmpuint (shape->n_fields, ==, n_fields);
  g_assert_cmpuint (shape->ragged, ==, ragged);
}

static GPtrArray *
read_real (const char             *path,
           const EquityCsvOptions *options,
           EquityCsvReader       **reader_out,
           Shape                  *shape)
{
  g_autoptr(EquityCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *records;
  char delimiter[2] = { 0 };

  records = read_path (path, options, &reader);
  g_assert_cmpint (equity_csv_reader_get_offset (reader), ==, equity_csv_reader_get_size (reader));

  delimiter[0] = equity_csv_reader_get_delimiter (reader);
  memset (shape, 0, sizeof *shape);
  shape->n_records = records->len;
  shape->n_fields = records->len > 0 ? g_strv_length (g_ptr_array_index (records, 0)) : 0;
  for (guint r = 0; r < records->len; r++)
    {
      char **fields = g_ptr_array_index (records, r);

      shape->ragged += g_strv_length (fields) != shape->n_fields;
      for (guint f = 0; fields[f] != NULL; f++)
        {
          shape->with_newline += strchr (fields[f], '\n') != NULL;
          shape->with_cr += strchr (fields[f], '\r') != NULL;
          shape->with_delimiter += strstr (fields[f], delimiter) != NULL;
        }
    }

  if (reader_out != NULL)
    *reader_out = g_steal_pointer (&reader);
  return records;
}

static void
test_real_vendors (void)
{
  g_autofree char *csv = test_data_path ("csv", "real", "vendors", "ncdot_dbe_vendor_directory.csv", NULL);
  EquityCsvOptions strict = { .skip_rows = 2 };
  EquityCsvOptions lenient = { .skip_rows = 2, .lenient_quotes = TRUE };
  EquityCsvOptions no_blank = { .skip_rows = 2, .lenient_quotes = TRUE, .skip_blank_lines = TRUE };
  g_autoptr(EquityCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) without_blank = NULL;
  g_autoptr(GError) error = NULL;
  Shape shape;
  char **row;

  /* The state's export wraps every value in quotes without doubling the
   * inner ones ("VINOD "VINNIE" K. GOEL"): strict mode says where. */
  reader = open_path (csv, &strict, &error);
  g_assert_no_error (error);
  assert_parse_error (reader, "ncdot_dbe_vendor_directory.csv:323:137: unexpected character 'V' after closing quote");
  g_clear_object (&reader);

  records = read_real (csv, &lenient, &reader, &shape);
  g_assert_cmpint (equity_csv_reader_get_delimiter (reader), ==, ',');
  g_assert_cmpstr (equity_csv_reader_get_encoding (reader), ==, "UTF-8");
  /* header + 2,236 firms + the two empty CRLF lines at the end */
  assert_shape (&shape, 1 + 2236 + 2, 23, 2);
  g_assert_cmpstrv (g_ptr_array_index (records, 2237), ((const char *[]) { "", NULL }));
  g_assert_cmpstrv (g_ptr_array_index (records, 2238), ((const char *[]) { "", NULL }));
  g_assert_cmpuint (shape.with_newline, ==, 3387);
  g_assert_cmpuint (shape.with_cr, ==, 0);

  row = g_ptr_array_index (records, 0);
  g_assert_cmpstr (row[0], ==, "Company Name");     /* CRLF preamble gone */
  g_assert_cmpstr (row[22], ==, "Work Locations");
  row = g_ptr_array_index (records, 1);
  g_assert_cmpstr (row[0], ==, " 123 TRANSPORTATION, LLC  ");   /* padding kept */
  g_assert_cmpstr (row[1], ==, "4130 STONEMILL DRIVE,HIGH POINT, NC 27265");
  g_assert_cmpstr (row[16], ==, "DBE, WBE");
  row = g_ptr_array_index (records, 32);
  g_assert_cmpstr (row[10], ==, "VINOD \"VINNIE\" K. GOEL");
  g_assert_true (g_str_has_prefix (row[18], "000060 - ASPHALT/CONCRETE SAW CUTTING\n000099 - OTHER"));
  row = g_ptr_array_index (records, 1708);
  g_assert_cmpstr (row[10], ==, "\"RENEE\" RUPA DUTIA");

  g_assert_cmpuint (equity_csv_reader_get_n_records (reader), ==, 2239);
  g_clear_object (&reader);

  without_blank = read_real (csv, &no_blank, NULL, &shape);
  g_assert_cmpuint (shape.n_records, ==, 1 + 2236);
  g_assert_cmpuint (shape.ragged, ==, 0);
}

static void
test_real_svi (void)
{
  g_autofree char *buncombe = test_data_path ("csv", "real", "demographics", "cdc_svi2020_buncombe_tract.csv", NULL);
  g_autofree char *nc = test_data_path ("csv", "real", "demographics", "cdc_svi2020_nc_tract.csv", NULL);
  g_autoptr(EquityCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  Shape shape;
  char **row;

  records = read_real (buncombe, NULL, &reader, &shape);
  g_assert_false (equity_csv_reader_get_had_bom (reader));
  assert_shape (&shape, 1 + 65, 158, 0);
  row = g_ptr_array_index (records, 0);
  g_assert_cmpstr (row[0], ==, "ST");
  g_assert_cmpstr (row[3], ==, "STCNTY");
  row = g_ptr_array_index (records, 1);
  g_assert_cmpstr (row[3], ==, "37021");
  g_assert_cmpstr (row[6], ==, "Census Tract 1, Buncombe County, North Carolina");
  g_clear_object (&reader);
  g_clear_pointer (&records, g_ptr_array_unref);

  records = read_real (nc, NULL, &reader, &shape);
  g_assert_true (equity_csv_reader_get_had_bom (reader));
  g_assert_cmpstr (equity_csv_reader_get_encoding (reader), ==, "UTF-8");
  assert_shape (&shape, 1 + 2660, 158, 0);
  row = g_ptr_array_index (records, 0);
  g_assert_cmpstr (row[0], ==, "ST");      /* not "\xef\xbb\xbfST" */
  g_assert_cmpstr (row[157], ==, "MP_OTHERRACE");
  g_assert_cmpuint (equity_csv_reader_get_size (reader), ==, 1952162);
}

static void
test_real_asheville (void)
{
  g_autofree char *tsv = test_data_path ("csv", "real", "asheville", "sanitation_2014", "trash_observations.tsv", NULL);
  g_autofree char *arrests = test_data_path ("csv", "real", "asheville", "apd_arrests_2020_2021.csv", NULL);
  g_autofree char *business = test_data_path ("csv", "real", "asheville", "business_locations.csv", NULL);
  g_autoptr(EquityCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  Shape shape;
  char **row;

  records = read_real (tsv, NULL, &reader, &shape);
  g_assert_cmpint (equity_csv_reader_get_delimiter (reader), ==, '\t');
  assert_shape (&shape, 1 + 948, 22, 0);
  row = g_ptr_array_index (records, 0);
  g_assert_cmpstr (row[0], ==, "centerline_id");
  g_assert_cmpstr (row[21], ==, "time_obs_ex2");
  g_clear_object (&reader);
  g_clear_pointer (&records, g_ptr_array_unref);

  records = read_real (arrests, NULL, &reader, &shape);
  g_assert_cmpint (equity_csv_reader_get_delimiter (reader), ==, ',');
  assert_shape (&shape, 1 + 15015, 11, 0);
  g_assert_cmpuint (shape.with_delimiter, >, 0);       /* quoted commas */
  g_clear_object (&reader);
  g_clear_pointer (&records, g_ptr_array_unref);

  records = read_real (business, NULL, &reader, &shape);
  g_assert_true (equity_csv_reader_get_had_bom (reader));
  assert_shape (&shape, 1 + 41, 3, 0);
  g_assert_cmpstrv (g_ptr_array_index (records, 0), ((const char *[]) { "Location", "Address", "Geo", NULL }));
  row = g_ptr_array_index (records, 1);
  g_assert_cmpstr (row[0], ==, "27 Club");
  g_assert_cmpstr (row[1], ==, "180 Patton Ave, Asheville, NC 28801");
  g_assert_cmpstr (row[2], ==, "35.593324876893845, -82.5591284222902");
}

/* ---------------------------------------------------------------------- */
/* encodings                                                                */

static void
test_windows_1252 (void)
{
  g_autofree char *csv = test_data_path ("csv", "encoding", "windows-1252.csv", NULL);
  g_autoptr(EquityCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  EquityCsvOptions forced_utf8 = { .encoding = "UTF-8" };

  reader = open_path (csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (equity_csv_reader_get_encoding (reader), ==, "WINDOWS-1252");
  records = read_records (reader, &error);
  g_assert_no_error (error);
  /* 0x93/0x94 are curly quotes, never CSV quotes; 0x81 is unassigned and
   * kept as U+0081 so that no byte is lost */
  assert_records (records,
                  "[[\"name\",\"city\",\"note\"],"
                  "[\"José Ramírez\",\"“Asheville”\",\"café € 5\"],"
                  "[\"Renée\",\"São Paulo\",\"… \\u0081\"]]");
  g_clear_object (&reader);

  /* told it is UTF-8, the reader says where it is not */
  reader = open_path (csv, &forced_utf8, &error);
  g_assert_no_error (error);
  g_clear_pointer (&records, g_ptr_array_unref);
  records = read_records (reader, &error);
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==,
                   "windows-1252.csv:2:4: byte 0xE9 is not valid UTF-8; convert the file to UTF-8 or choose its encoding");
  g_assert_cmpuint (records->len, ==, 1);
}

/* Reads LENGTH bytes of DATA, which must fail with the encoding error
 * MESSAGE after N_RECORDS records (-1: any number); returns the reader. */
static EquityCsvReader *
read_encoding_error (const char *data,
                     gsize       length,
                     const char *message,
                     int         n_records)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityCsvReader) reader = open_bytes (data, length, NULL, &error);
  g_autoptr(GPtrArray) records = NULL;

  g_assert_no_error (error);
  records = read_records (reader, &error);
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, message);
  if (n_records >= 0)
    g_assert_cmpuint (records->len, ==, n_records);
  return g_steal_pointer (&reader);
}

/* Invalid UTF-8 after the sniffed prefix: if all before it was ASCII the
 * reader goes on as Windows-1252 (same text so far); after real UTF-8 it
 * fails and names the place. */
static void
test_late_invalid_utf8 (void)
{
  g_autoptr(GString) ascii = g_string_new ("name,n\n");
  g_autoptr(GString) utf8 = g_string_new ("name,n\n");
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(EquityCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  char **row;

  for (guint i = 0; i < 50000; i++)
    {
      g_string_append_printf (ascii, "row,%u\n", i);
      g_string_append_printf (utf8, "r\xc3\xa9,%u\n", i);
    }
  g_string_append (ascii, "Jos\xe9,x\n");
  g_string_append (utf8, "ab\xe9,x\n");
  g_assert_cmpuint (ascii->len, >, 256 * 1024);

  reader = open_bytes (ascii->str, ascii->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (equity_csv_reader_get_encoding (reader), ==, "UTF-8");
  records = read_records (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (equity_csv_reader_get_encoding (reader), ==, "WINDOWS-1252");
  g_assert_cmpuint (records->len, ==, 50002);
  row = g_ptr_array_index (records, 50001);
  g_assert_cmpstr (row[0], ==, "José");
  g_assert_cmpint (equity_csv_reader_get_offset (reader), ==, ascii->len);
  g_clear_object (&reader);
  g_clear_pointer (&records, g_ptr_array_unref);

  reader = read_encoding_error (utf8->str, utf8->len,
                                "t.csv:50002:3: byte 0xE9 is not valid UTF-8; convert the file to UTF-8 or choose its encoding",
                                50001);

  /* a UTF-8 BOM counts as UTF-8 seen: no switch after an ASCII prefix */
  g_string_prepend (ascii, "\xef\xbb\xbf");
  g_clear_object (&reader);
  reader = read_encoding_error (ascii->str, ascii->len,
                                "t.csv:50002:4: byte 0xE9 is not valid UTF-8; convert the file to UTF-8 or choose its encoding",
                                -1);
  g_assert_cmpstr (equity_csv_reader_get_encoding (reader), ==, "UTF-8");

  /* the bad byte as the very first byte of a chunk, past the first one */
  for (guint b = 0; b < G_N_ELEMENTS (chunk_boundaries); b++)
    {
      g_autoptr(EquityCsvReader) at_boundary = NULL;

      g_string_assign (utf8, "\xc3\xa9\n");
      while (utf8->len < 2 * chunk_boundaries[b] - 1)
        g_string_append_c (utf8, 'x');
      g_string_append (utf8, "\n\xe9\n");
      at_boundary = read_encoding_error (utf8->str, utf8->len,
                                         "t.csv:3:1: byte 0xE9 is not valid UTF-8; convert the file to UTF-8 or choose its encoding",
                                         2);
    }
}

static void
test_utf16 (void)
{
  const char *text = "k\xc3\xa9y;v\r\n\"a;\xf0\x9f\x98\x8e\";\"x\r\ny\"\r\n";
  const char *expected = "[[\"kéy\",\"v\"],[\"a;😎\",\"x\\r\\ny\"]]";

  for (guint variant = 0; variant < 3; variant++)
    {
      gboolean big_endian = variant == 1;
      g_autoptr(GByteArray) bytes = to_utf16 (text, big_endian, variant < 2);
      EquityCsvOptions forced = { .encoding = "utf-16le" };
      g_autoptr(EquityCsvReader) reader = NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;

      /* without a BOM UTF-16 is only read when asked for */
      reader = open_bytes ((const char *)bytes->data, bytes->len, variant == 2 ? &forced : NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (equity_csv_reader_get_encoding (reader), ==, big_endian ? "UTF-16BE" : "UTF-16LE");
      g_assert_cmpint (equity_csv_reader_get_delimiter (reader), ==, ';');
      records = read_records (reader, &error);
      g_assert_no_error (error);
      assert_records (records, expected);
      g_assert_cmpint (equity_csv_reader_get_offset (reader), ==, bytes->len);
    }
}

/* UTF-16 that no text can come from becomes U+FFFD, never an error */
static void
test_utf16_damaged (void)
{
  /* "a,<lone high surrogate>,<lone low surrogate>" then half a code unit */
  static const char le[] = "\xff\xfe" "a\0,\0\x00\xd8,\0\x00\xdc\n\0b";
  static const char be[] = "\xfe\xff" "\0a\0,\xd8\x00\0,\xdc\x00\0\n\0b\xd8\x3d";
  g_autoptr(GPtrArray) from_le = read_all_bytes (le, sizeof le - 1, NULL);
  g_autoptr(GPtrArray) from_be = read_all_bytes (be, sizeof be - 1, NULL);

  assert_records (from_le, "[[\"a\",\"\ufffd\",\"\ufffd\"],[\"\ufffd\"]]");
  assert_records (from_be, "[[\"a\",\"\ufffd\",\"\ufffd\"],[\"b\ufffd\"]]");
}

static void
test_encoding_options (void)
{
  EquityCsvOptions unknown = { .encoding = "EBCDIC" };
  EquityCsvOptions latin1 = { .encoding = "ISO-8859-1" };
  EquityCsvOptions bad_delimiter = { .delimiter = '"' };
  g_autoptr(EquityCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  reader = open_bytes ("a,b\n", -1, &unknown, &error);
  g_assert_null (reader);
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  reader = open_bytes ("a,b\n", -1, &bad_delimiter, &error);
  g_assert_null (reader);
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID);
  g_clear_error (&error);

  /* forcing a single-byte encoding on what looks like UTF-8 is obeyed */
  records = read_all_bytes ("\xc3\xa9,b\n", -1, &latin1);
  assert_records (records, "[[\"Ã©\",\"b\"]]");
  g_clear_pointer (&records, g_ptr_array_unref);

  /* a BOM that is not followed by the rest of the file is still stripped */
  records = read_all_bytes ("\xef\xbb\xbf", -1, NULL);
  g_assert_cmpuint (records->len, ==, 0);
}

/* ---------------------------------------------------------------------- */
/* syntax                                                                   */


int
main (int   argc,
      char *argv[])
{
  g_autofree char *spectrum = NULL;
  g_autofree char *sineemore = NULL;
  g_autoptr(GPtrArray) spectrum_names = NULL;
  g_autoptr(GPtrArray) sineemore_names = NULL;

  g_test_init (&argc, &argv, NULL);

  spectrum = test_data_path ("csv", "csv-spectrum-2.0.0", "csvs", NULL);
  spectrum_names = list_dir (spectrum, ".csv");
  g_assert_cmpuint (spectrum_names->len, ==, 12);
  for (guint i = 0; i < spectrum_names->len; i++)
    {
      char *name = g_ptr_array_index (spectrum_names, i);
      g_autofree char *path = NULL;

      name[strlen (name) - 4] = '\0';
      if (g_str_equal (name, "location_coordinates"))
        continue;
      path = g_strconcat ("/csv-reader/csv-spectrum/", name, NULL);
      g_test_add_data_func (path, name, test_spectrum_case);
    }
  g_test_add_func ("/csv-reader/csv-spectrum/location_coordinates", test_spectrum_location_coordinates);

  sineemore = test_data_path ("csv", "sineemore-csv-test-data", "json", NULL);
  sineemore_names = list_dir (sineemore, ".json");
  g_assert_cmpuint (sineemore_names->len, ==, 18);   /* SOURCES.md says 19; the folder has 18 */
  for (guint i = 0; i < sineemore_names->len; i++)
    {
      char *name = g_ptr_array_index (sineemore_names, i);
      g_autofree char *path = NULL;

      name[strlen (name) - 5] = '\0';
      path = g_strconcat ("/csv-reader/sineemore/", name, NULL);
      g_test_add_data_func (path, name, test_sineemore_case);
    }
  g_test_add_func ("/csv-reader/sineemore/bad-quotes", test_sineemore_bad_quotes);
  g_test_add_func ("/csv-reader/sineemore/bad-header", test_sineemore_bad_header);
  g_test_add_func ("/csv-reader/node-csv/encodings", test_node_csv_encodings);
  g_test_add_func ("/csv-reader/papaparse/samples", test_papaparse_samples);
  g_test_add_func ("/csv-reader/gebi/evil", test_gebi_evil);

  g_test_add_func ("/csv-reader/real/vendors", test_real_vendors);
  g_test_add_func ("/csv-reader/real/svi", test_real_svi);
  g_test_add_func ("/csv-reader/real/asheville", test_real_asheville);

  g_test_add_func ("/csv-reader/encoding/windows-1252", test_windows_1252);
  g_test_add_func ("/csv-reader/encoding/late-invalid-utf8", test_late_invalid_utf8);
  g_test_add_func ("/csv-reader/encoding/utf-16", test_utf16);
  g_test_add_func ("/csv-reader/encoding/utf-16-damaged", test_utf16_damaged);
  g_test_add_func ("/csv-reader/encoding/options", test_encoding_options);
  return g_test_run ();
}
