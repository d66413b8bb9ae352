/* equity-cli-data.c — import and show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "equity-cli.h"
#include "equity-geometry.h"

static gboolean
parse_delimiter (const char  *text,
                 char        *delimiter)
{
  if (text == NULL)
    return TRUE;
  if (g_str_equal (text, "\\t") || g_ascii_strcasecmp (text, "tab") == 0)
    *delimiter = '\t';
  else if (text[0] != '\0' && text[1] == '\0' && strchr (",\t;|", text[0]))
    *delimiter = text[0];
  else
    return FALSE;
  return TRUE;
}

int
equity_cli_import (int    argc,
                   char **argv)
{
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(EquityImporter) importer = NULL;
  g_autoptr(EquityDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *layer = NULL;
  g_autofree char *delimiter_text = NULL;
  g_autofree char *encoding = NULL;
  gboolean json = FALSE;
  gboolean keep_sentinels = FALSE;
  gboolean lenient_quotes = FALSE;
  gboolean created = FALSE;
  int skip_rows = 0;
  int status;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Dataset name (default: the file’s base name)"), N_("NAME") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet, N_("Spreadsheet sheet to read"), N_("NAME") },
    { "layer", 0, 0, G_OPTION_ARG_STRING, &layer, N_("Map layer to read"), N_("NAME") },
    { "skip-rows", 0, 0, G_OPTION_ARG_INT, &skip_rows, N_("Lines to skip before the header"), "N" },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter_text, N_("Field delimiter: , ; | or tab (default: detected)"), "C" },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, N_("Text encoding (default: detected)"), N_("ENC") },
    { "lenient-quotes", 0, 0, G_OPTION_ARG_NONE, &lenient_quotes, N_("Keep a stray quote as text instead of failing"), NULL },
    { "keep-sentinels", 0, 0, G_OPTION_ARG_NONE, &keep_sentinels, N_("Keep missing-value codes such as -999 and N/A as values"), NULL },
    EQUITY_CLI_JSON_OPTION (&json),
    { NULL }
  };
  EquityImportOptions options = { 0 };
  const char *project_path;

  if (!equity_cli_parse_options (equity_cli_find_command ("import"), entries, &argc, &argv, 2))
    return EQUITY_CLI_USAGE;

  project_path = argv[2];
  options.name = name;
  options.sheet = sheet;
  options.layer = layer;
  options.encoding = encoding;
  options.lenient_quotes = lenient_quotes;
  if (skip_rows < 0)
    return equity_cli_fail_message (_("--skip-rows must be 0 or more"));
  options.skip_rows = skip_rows;
  if (!parse_delimiter (delimiter_text, &options.delimiter))
    return equity_cli_fail_message (_("--delimiter must be one of , ; | or tab, not “%s”"), delimiter_text);

  file = g_file_new_for_commandline_arg (argv[3]);
  if (!g_file_query_exists (file, NULL))
    return equity_cli_fail_message (_("%s: no such file"), argv[3]);

  /* Read and check the whole file before the project is touched. */
  importer = equity_importer_new (file, &options);
  if (!equity_importer_analyze (importer, NULL, NULL, NULL, &error))
    return equity_cli_fail (error);
  equity_importer_set_convert_sentinels (importer, !keep_sentinels);

  created = !g_file_test (project_path, G_FILE_TEST_EXISTS);
  project = equity_project_open_or_create (project_path, &error);
  if (project == NULL)
    return equity_cli_fail (error);

  if (name == NULL)
    {
      g_autofree char *unique = equity_project_unique_dataset_name (project, equity_importer_get_name (importer));
      equity_importer_set_name (importer, unique);
    }

  dataset = equity_importer_run (importer, project, NULL, NULL, NULL, &error);
  if (dataset == NULL)
    {
      equity_project_close (project);
      if (created)
        equity_project_remove_files (project_path);
      return equity_cli_fail (error);
    }

  /* Success is told only once the file alone holds the import. */
  status = equity_cli_close_project (project, EQUITY_CLI_OK);
  if (status != EQUITY_CLI_OK)
    return status;

  if (json)
    {
      g_autoptr(JsonNode) root = equity_cli_dataset_to_json (dataset, FALSE);
      JsonObject *object = json_node_get_object (root);
      g_autofree char *description = equity_importer_describe (importer);
      const char * const *warnings = equity_importer_get_warnings (importer);
      JsonArray *array = json_array_new ();

      json_object_set_string_member (object, "format", equity_importer_get_format (importer));
      json_object_set_string_member (object, "description", description);
      for (guint i = 0; warnings[i] != NULL; i++)
        json_array_add_string_element (array, warnings[i]);
      json_object_set_array_member (object, "warnings", array);
      equity_cli_print_json (g_steal_pointer (&root));
    }
  else
    {
      const char * const *warnings = equity_importer_get_warnings (importer);

      g_print (_("Imported %" PRIu64 " rows into “%s”\n"),
               equity_dataset_get_n_rows (dataset), equity_dataset_get_name (dataset));
      for (guint i = 0; warnings[i] != NULL; i++)
        equity_cli_print_error (_("warning: "), warnings[i]);
    }
  return EQUITY_CLI_OK;
}

/* JSON string escaping for the streaming writer below */
static void
write_json_string (FILE       *out,
                   const char *text)
{
  fputc ('"', out);
  for (const unsigned char *p = (const unsigned char *) text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':  fputs ("\\\"", out); break;
        case '\\': fputs ("\\\\", out); break;
        case '\n': fputs ("\\n", out); break;
        case '\r': fputs ("\\r", out); break;
        case '\t': fputs ("\\t", out); break;
        default:
          if (*p < 0x20)
            fprintf (out, "\\u%04x", *p);
          else
            fputc (*p, out);
        }
    }
  fputc ('"', out);
}

static void
write_csv_field (FILE       *out,
                 const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      fputs (text, out);
      return;
    }
  fputc ('"', out);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        fputc ('"', out);
      fputc (*p, out);
    }
  fputc ('"', out);
}

static void
write_value (FILE                *out,
             EquityDatasetReader *reader,
             guint                index,
             gboolean             json)
{
  char number[64];

  switch (equity_dataset_reader_get_kind (reader, index))
    {
    case EQUITY_CELL_NULL:
      if (json)
        fputs ("null", out);
      break;
    case EQUITY_CELL_INTEGER:
      fprintf (out, "%lld", (long long) equity_dataset_reader_get_int64 (reader, index));
      break;
    case EQUITY_CELL_REAL:
      /* shortest text that reads back as the same double */
      {
        static const char *formats[] = {
          "%.1g", "%.2g", "%.3g", "%.4g", "%.5g", "%.6g", "%.7g", "%.8g", "%.9g",
          "%.10g", "%.11g", "%.12g", "%.13g", "%.14g", "%.15g", "%.16g", "%.17g",
        };
        double value = equity_dataset_reader_get_double (reader, index);

        for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
          {
            g_ascii_formatd (number, sizeof number, formats[i], value);
            if (g_ascii_strtod (number, NULL) == value)
              break;
          }
      }
      fputs (number, out);
      break;
    case EQUITY_CELL_BLOB:
      /* The importer stores only geometries as BLOBs (WKB): CLI.md shows them
       * as GeoJSON text, in both formats (a JSON string under --format json). */
      {
        gsize length = 0;
        const guint8 *data = equity_dataset_reader_get_blob (reader, index, &length);
        g_autoptr(EquityGeometry) geometry = equity_geometry_new_from_wkb (data, length, NULL);
        g_autoptr(GString) text = g_string_new (NULL);

        if (geometry != NULL)
          equity_geometry_to_geojson (geometry, text);
        else
          for (gsize i = 0; i < length; i++)
            g_string_append_printf (text, "%02x", data[i]);
        if (json)
          write_json_string (out, text->str);
        else
          write_csv_field (out, text->str);
      }
      break;
    default:
      if (json)
        write_json_string (out, equity_dataset_reader_get_text (reader, index));
      else
        write_csv_field (out, equity_dataset_reader_get_text (reader, index));
    }
}

int
equity_cli_show (int    argc,
                 char **argv)
{
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityDatasetReader) reader = NULL;
  g_autofree char *format = NULL;
  gint64 limit = -1;
  gint64 offset = 0;
  GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT64, &limit, N_("Print at most N rows"), "N" },
    { "offset", 0, 0, G_OPTION_ARG_INT64, &offset, N_("Skip the first N rows"), "N" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format: csv (default) or json"), "csv|json" },
    { NULL }
  };
  EquityDataset *dataset;
  GPtrArray *columns;
  gboolean json;
  guint64 n_rows = 0;

  if (!equity_cli_parse_options (equity_cli_find_command ("show"), entries, &argc, &argv, 2))
    return EQUITY_CLI_USAGE;
  if (format != NULL && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    return equity_cli_fail_message (_("--format must be csv or json, not “%s”"), format);
  if (offset < 0)
    return equity_cli_fail_message (_("--offset must be 0 or more"));
  json = g_strcmp0 (format, "json") == 0;

  project = equity_project_open (argv[2], &error);
  if (project == NULL)
    return equity_cli_fail (error);
  dataset = equity_project_get_dataset (project, argv[3], &error);
  if (dataset == NULL)
    return equity_cli_fail (error);

  columns = equity_dataset_get_columns (dataset);
  reader = equity_dataset_reader_new_page (project, dataset, limit, offset, &error);
  if (reader == NULL)
    return equity_cli_fail (error);

  if (json)
    fputs ("[", stdout);
  else
    {
      for (guint i = 0; i < columns->len; i++)
        {
          if (i > 0)
            fputc (',', stdout);
          write_csv_field (stdout, equity_column_get_name (g_ptr_array_index (columns, i)));
        }
      fputs ("\r\n", stdout);
    }

  while (equity_dataset_reader_next (reader, &error))
    {
      if (json)
        fputs (n_rows ? ",\n  {" : "\n  {", stdout);
      for (guint i = 0; i < columns->len; i++)
        {
          if (i > 0)
            fputs (json ? ", " : ",", stdout);
          if (json)
            {
              write_json_string (stdout, equity_column_get_name (g_ptr_array_index (columns, i)));
              fputs (": ", stdout);
            }
          write_value (stdout, reader, i, json);
        }
      fputs (json ? "}" : "\r\n", stdout);
      n_rows++;
    }

  if (json)
    fputs (n_rows ? "\n]\n" : "]\n", stdout);

  if (error != NULL)
    return equity_cli_fail (error);
  return equity_cli_close_project (project, EQUITY_CLI_OK);
}
