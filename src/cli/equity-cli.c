/* equity-cli.c — asheville-equity-cli: the core for scripts, tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "equity-cli.h"
#include "equity-import-checks.h"

static const EquityCliCommand commands[] = {
  { "new",      N_("PROJECT"),         N_("Create an empty project"),                 equity_cli_new },
  { "sample",   N_("PROJECT"),         N_("Create the sample project from bundled public data"), equity_cli_sample },
  { "import",   N_("PROJECT FILE"),    N_("Import a CSV, spreadsheet or map layer as a dataset"), equity_cli_import },
  { "datasets", N_("PROJECT"),         N_("List the project’s datasets and their columns"), equity_cli_datasets },
  { "show",     N_("PROJECT DATASET"), N_("Print a dataset’s rows as CSV or JSON"),    equity_cli_show },
  { "rename",   N_("PROJECT DATASET NEW-NAME"), N_("Rename a dataset; saved analyses that read it keep working"), equity_cli_rename },
  { "delete",   N_("PROJECT DATASET"), N_("Delete a dataset; refuses while saved analyses read it, unless --force"), equity_cli_delete },
  { "analyze",  N_("PROJECT SPEC.ini"), N_("Run an analysis spec; --save keeps it in the project"), equity_cli_analyze },
  { "analyses", N_("PROJECT"),         N_("List the project’s saved analyses"),        equity_cli_analyses },
  { "chart",    N_("PROJECT ANALYSIS-NAME --out FILE"), N_("Draw a saved analysis as a PNG, SVG or PDF chart or map"), equity_cli_chart },
  { "export",   N_("PROJECT OUT.xlsx"), N_("Write the council-packet workbook of saved analyses"), equity_cli_export },
  { "indicators", N_("PROJECT"),       N_("List the equity indicators with their scores, change and status"), equity_cli_indicators },
  { "indicator-add", N_("PROJECT SPEC.ini"), N_("Add an equity indicator from a spec file"), equity_cli_indicator_add },
  { "scan",     N_("PROJECT"),         N_("Rank the gaps of every measure and grouping, with Benjamini–Hochberg false-discovery control; --save stores the scan"), equity_cli_scan },
  { "assessments", N_("PROJECT"),      N_("List, begin or answer equity-lens assessments"), equity_cli_assessments },
  { "actions",  N_("PROJECT"),         N_("List or change the action plan’s goals and actions"), equity_cli_actions },
  { "audit",    N_("PROJECT"),         N_("Print the change log of assessments and the action plan as CSV"), equity_cli_audit },
  { "score-table", N_("PROJECT"),      N_("Print the ratio-to-score table; --set FILE.csv, --source or --default change it"), equity_cli_score_table },
};

const EquityCliCommand *
equity_cli_find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

void
equity_cli_print_error (const char *prefix,
                        const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);

  /* text quoted from a file must not act on the terminal (escape sequences) */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = equity_text_for_message (lines[i], -1, G_MAXUINT);

      if (i == 0)
        g_printerr ("%s%s\n", prefix, line);
      else if (lines[i + 1] != NULL || line[0] != '\0')
        g_printerr ("%s\n", line);
    }
}

int
equity_cli_fail (const GError *error)
{
  equity_cli_print_error ("asheville-equity-cli: ", error->message);
  return EQUITY_CLI_FAILED;
}

const char equity_cli_json_option_description[] = N_("Print JSON");

gboolean
equity_cli_parse_json_option (const char   *command,
                              int          *argc,
                              char       ***argv,
                              guint         n_positional,
                              gboolean     *json)
{
  GOptionEntry entries[] = {
    EQUITY_CLI_JSON_OPTION (json),
    { NULL }
  };

  return equity_cli_parse_options (equity_cli_find_command (command), entries, argc, argv, n_positional);
}

EquityProject *
equity_cli_open_project (const char  *path,
                         GError     **error)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND, _("%s: no such project"), path);
      return NULL;
    }
  return equity_project_open (path, error);
}

int
equity_cli_fail_message (const char *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  equity_cli_print_error ("asheville-equity-cli: ", message);
  return EQUITY_CLI_FAILED;
}

gboolean
equity_cli_parse_options (const EquityCliCommand *command,
                          GOptionEntry           *entries,
                          int                    *argc,
                          char                 ***argv,
                          guint                   n_positional)
{
  g_autofree char *parameter = g_strdup_printf ("%s %s", command->name, _(command->args));
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("asheville-equity-cli %s: %s\n", command->name, error->message);
      g_printerr (_("Try “asheville-equity-cli %s --help”.\n"), command->name);
      return FALSE;
    }

  /* argv[0] is the program, argv[1] the command */
  if ((guint) *argc != n_positional + 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr (_("asheville-equity-cli %s: expected %s\n"), command->name, _(command->args));
      g_printerr ("%s", help);
      return FALSE;
    }
  return TRUE;
}

void
equity_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_node_unref (node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

void
equity_cli_print_built (JsonBuilder *builder)
{
  equity_cli_print_json (json_builder_get_root (builder));
}

int
equity_cli_close_project (EquityProject *project,
                          int            status)
{
  g_autoptr(GError) error = NULL;

  if (!equity_project_close_checked (project, &error) && status == EQUITY_CLI_OK)
    return equity_cli_fail (error);
  return status;
}

void
equity_cli_json_add_strings (JsonBuilder *builder,
                             const char  *first_name,
                             ...)
{
  va_list args;

  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    {
      json_builder_set_member_name (builder, name);
      json_builder_add_string_value (builder, va_arg (args, const char *));
    }
  va_end (args);
}

JsonNode *
equity_cli_dataset_to_json (EquityDataset *dataset,
                            gboolean       full)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GPtrArray *columns = equity_dataset_get_columns (dataset);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, full ? "name" : "dataset");
  json_builder_add_string_value (builder, equity_dataset_get_name (dataset));
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, equity_dataset_get_n_rows (dataset));
  if (full)
    {
      GDateTime *imported = equity_dataset_get_imported_at (dataset);
      g_autofree char *when = imported ? g_date_time_format_iso8601 (imported) : NULL;

      equity_cli_json_add_strings (builder,
                                   "source", equity_dataset_get_source (dataset),
                                   "format", equity_dataset_get_format (dataset),
                                   "imported_at", when,
                                   NULL);
    }

  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint i = 0; i < columns->len; i++)
    {
      EquityColumn *column = g_ptr_array_index (columns, i);

      json_builder_begin_object (builder);
      equity_cli_json_add_strings (builder,
                                   "name", equity_column_get_name (column),
                                   "type", equity_column_type_to_string (equity_column_get_column_type (column)),
                                   "role", equity_column_role_to_string (equity_column_get_role (column)),
                                   NULL);
      if (equity_column_get_moe_of (column) != NULL)
        equity_cli_json_add_strings (builder, "moe_of", equity_column_get_moe_of (column), NULL);
      json_builder_set_member_name (builder, "nulls");
      json_builder_add_int_value (builder, equity_column_get_n_nulls (column));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: asheville-equity-cli COMMAND [OPTION…] ARGUMENTS"));
  fprintf (stream, "\n%s\n\n", _("Asheville Equity on the command line: the same core as the app."));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *synopsis = g_strdup_printf ("%s %s", commands[i].name, _(commands[i].args));
      fprintf (stream, "  %-26s %s\n", synopsis, _(commands[i].summary));
    }
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-26s %s\n", "--version", _("Print the program’s version"));
  fprintf (stream, "  %-26s %s\n", "--help", _("Print this help"));
  fprintf (stream, "\n%s\n", _("Run “asheville-equity-cli COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  const EquityCliCommand *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return EQUITY_CLI_USAGE;
    }
  if (g_str_equal (argv[1], "--version") || g_str_equal (argv[1], "-V"))
    {
      g_print ("asheville-equity-cli %s\n", PACKAGE_VERSION);
      return EQUITY_CLI_OK;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return EQUITY_CLI_OK;
    }

  command = equity_cli_find_command (argv[1]);
  if (command == NULL)
    {
      g_printerr (_("asheville-equity-cli: unknown command “%s”\n\n"), argv[1]);
      print_usage (stderr);
      return EQUITY_CLI_USAGE;
    }

  return command->run (argc, argv);
}
