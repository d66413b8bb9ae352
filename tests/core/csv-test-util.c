/* csv-test-util.c — what the CSV reader's tests share: opening text or a
 * file, reading every record, comparing with a published expectation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "csv-test-util.h"

/* The reader reads 128 KiB chunks; these are the offsets where a chunk ends
 * if that ever becomes 64 or 256 KiB. */
const gsize chunk_boundaries[N_CHUNK_BOUNDARIES] = { 64 * 1024, 128 * 1024, 256 * 1024 };

EquityCsvReader *
open_path (const char             *path,
           const EquityCsvOptions *options,
           GError                **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return equity_csv_reader_new_for_file (file, options, error);
}

EquityCsvReader *
open_bytes (const char             *data,
            gssize                  length,
            const EquityCsvOptions *options,
            GError                **error)
{
  g_autoptr(GInputStream) stream = NULL;

  if (length < 0)
    length = strlen (data);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (data, length), length, g_free);
  return equity_csv_reader_new_for_stream (stream, "t.csv", options, error);
}

/* Every record as a NULL-terminated array (fields copied with their NULs);
 * LINES, if given, gets the line each record starts on. */
GPtrArray *
read_records_full (EquityCsvReader *reader,
                   GArray          *lines,
                   GError         **error)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  while (equity_csv_reader_next_record (reader, NULL, error))
    {
      guint n = equity_csv_reader_get_n_fields (reader);
      char **fields = g_new0 (char *, n + 1);
      guint64 line = equity_csv_reader_get_line (reader);

      if (lines != NULL)
        g_array_append_val (lines, line);

      g_assert_cmpuint (n, >, 0);
      for (guint i = 0; i < n; i++)
        {
          gsize length = 0;
          const char *field = equity_csv_reader_get_field (reader, i, &length);

          g_assert_cmpint (field[length], ==, '\0');
          g_assert_true (g_utf8_validate_len (field, length, NULL) || memchr (field, '\0', length));
          fields[i] = g_memdup2 (field, length + 1);
        }
      g_ptr_array_add (records, fields);
    }

  return records;
}

GPtrArray *
read_records (EquityCsvReader *reader,
              GError         **error)
{
  return read_records_full (reader, NULL, error);
}

GPtrArray *
read_all_bytes_full (const char             *data,
                     gssize                  length,
                     const EquityCsvOptions *options,
                     GArray                 *lines)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityCsvReader) reader = open_bytes (data, length, options, &error);
  GPtrArray *records;

  g_assert_no_error (error);
  records = read_records_full (reader, lines, &error);
  g_assert_no_error (error);
  return records;
}

GPtrArray *
read_all_bytes (const char             *data,
                gssize                  length,
                const EquityCsvOptions *options)
{
  return read_all_bytes_full (data, length, options, NULL);
}

void
assert_lines (GArray        *lines,
              const guint64 *expected,
              guint          n_expected)
{
  g_assert_cmpuint (lines->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpuint (g_array_index (lines, guint64, i), ==, expected[i]);
}

/* EXPECTED is JSON: an array of arrays of strings. */
void
assert_records (GPtrArray  *records,
                const char *expected)
{
  g_autoptr(JsonNode) root = test_parse_json (expected);
  JsonArray *rows = json_node_get_array (root);

  g_assert_cmpuint (records->len, ==, json_array_get_length (rows));
  for (guint r = 0; r < records->len; r++)
    {
      char **fields = g_ptr_array_index (records, r);
      JsonArray *row = json_array_get_array_element (rows, r);

      g_assert_cmpuint (g_strv_length (fields), ==, json_array_get_length (row));
      for (guint f = 0; fields[f] != NULL; f++)
        g_assert_cmpstr (fields[f], ==, json_array_get_string_element (row, f));
    }
}

/* EXPECTED is JSON: objects keyed by the header record. */
void
assert_objects (GPtrArray *records,
                JsonArray *objects)
{
  char **header;

  g_assert_cmpuint (records->len, >=, 1);
  header = g_ptr_array_index (records, 0);
  g_assert_cmpuint (records->len - 1, ==, json_array_get_length (objects));

  for (guint r = 1; r < records->len; r++)
    {
      char **fields = g_ptr_array_index (records, r);
      JsonObject *object = json_array_get_object_element (objects, r - 1);

      g_assert_cmpuint (g_strv_length (fields), ==, g_strv_length (header));
      g_assert_cmpuint (json_object_get_size (object), ==, g_strv_length (header));
      for (guint f = 0; header[f] != NULL; f++)
        g_assert_cmpstr (fields[f], ==, json_object_get_string_member (object, header[f]));
    }
}

JsonNode *
load_json (const char *path)
{
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return test_parse_json (text);
}

void
assert_parse_error (EquityCsvReader *reader,
                    const char      *message)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;

  records = read_records (reader, &error);
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, message);

  /* errors are sticky: the reader does not guess where to go on */
  g_assert_false (equity_csv_reader_next_record (reader, NULL, &again));
  g_assert_error (again, EQUITY_ERROR, EQUITY_ERROR_PARSE);
  g_assert_cmpstr (again->message, ==, message);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

GPtrArray *
list_dir (const char *path,
          const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (suffix == NULL || g_str_has_suffix (name, suffix))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

/* ---------------------------------------------------------------------- */
/* conformance corpora                                                      */
GByteArray *
to_utf16 (const char *utf8,
          gboolean    big_endian,
          gboolean    bom)
{
  g_autofree gunichar2 *units = g_utf8_to_utf16 (utf8, -1, NULL, NULL, NULL);
  GByteArray *bytes = g_byte_array_new ();

  if (bom)
    g_byte_array_append (bytes, (const guint8 *)(big_endian ? "\xfe\xff" : "\xff\xfe"), 2);
  for (gsize i = 0; units[i] != 0; i++)
    {
      guint8 pair[2] = { units[i] & 0xff, units[i] >> 8 };

      if (big_endian)
        {
          pair[0] = units[i] >> 8;
          pair[1] = units[i] & 0xff;
        }
      g_byte_array_append (bytes, pair, 2);
    }
  return bytes;
}


GPtrArray *
read_path (const char              *path,
           const EquityCsvOptions  *options,
           EquityCsvReader        **reader_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityCsvReader) reader = open_path (path, options, &error);
  GPtrArray *records;

  g_assert_no_error (error);
  records = read_records (reader, &error);
  g_assert_no_error (error);
  if (reader_out != NULL)
    *reader_out = g_steal_pointer (&reader);
  return records;
}

char *
corpus_file (const char *corpus,
             const char *folder,
             const char *name,
             const char *extension)
{
  g_autofree char *file_name = g_strconcat (name, ".", extension, NULL);

  return test_data_path ("csv", corpus, folder, file_name, NULL);
}

EquityCsvReader *
open_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  EquityCsvReader *reader = open_bytes (text, -1, NULL, &error);

  g_assert_no_error (error);
  return reader;
}
