/* equity-cli-analysis.c — analyze and analyses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <math.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "equity-cli.h"
#include "equity-analysis.h"

/* A plain-text table: rows of cells, columns padded to their widest cell
 * (counted in characters, not bytes: "–" is one column). */
typedef struct
{
  GPtrArray *rows;   /* GStrv */
  guint      n_columns;
} Table;

static void
table_print (Table *table)
{
  g_autofree glong *widths = g_new0 (glong, MAX (table->n_columns, 1));

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);

      for (guint c = 0; cells[c] != NULL; c++)
        widths[c] = MAX (widths[c], g_utf8_strlen (cells[c], -1));
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          glong pad = widths[c] - g_utf8_strlen (cells[c], -1);

          /* the label column reads left to right, numbers line up on the right */
          if (c == 0)
            g_string_append (line, cells[c]);
          for (glong i = 0; i < pad; i++)
            g_string_append_c (line, ' ');
          if (c > 0)
            g_string_append (line, cells[c]);
          if (cells[c + 1] != NULL)
            g_string_append (line, "  ");
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
}

/* The table the window shows, column for column (equity-result-columns.h). */
static void
print_rows (EquityResult *result)
{
  Table table = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev), 0 };
  g_autoptr(GArray) columns = equity_result_list_columns (result);
  GPtrArray *cells = g_ptr_array_new ();

  for (guint c = 0; c < columns->len; c++)
    g_ptr_array_add (cells, equity_result_column_dup_title (g_array_index (columns, EquityResultColumn, c), result));
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (table.rows, g_ptr_array_free (cells, FALSE));
  table.n_columns = columns->len;

  for (guint i = 0; i < equity_result_get_n_rows (result); i++)
    {
      const EquityResultRow *row = equity_result_get_row (result, i);

      cells = g_ptr_array_new ();
      for (guint c = 0; c < columns->len; c++)
        g_ptr_array_add (cells, equity_result_column_dup_text (g_array_index (columns, EquityResultColumn, c), row));
      g_ptr_array_add (cells, NULL);
      g_ptr_array_add (table.rows, g_ptr_array_free (cells, FALSE));
    }

  table_print (&table);
  g_ptr_array_unref (table.rows);
}

static void
print_result (EquityResult *result)
{
  const char *kind = equity_result_get_kind (result);
  const char * const *notes = equity_result_get_notes (result);
  g_autofree char *headline = equity_result_dup_headline (result);
  GPtrArray *unmatched = equity_result_get_unmatched (result);
  EquityResultRow *overall = equity_result_get_overall (result);

  g_print ("%s (%s)\n", equity_result_get_title (result), kind);
  if (equity_result_get_units (result) != NULL)
    g_print ("%s\n", equity_result_get_units (result));
  g_print ("\n");
  print_rows (result);

  if (equity_analysis_kind_has_flags (kind, EQUITY_KIND_INDEX))
    g_print ("\n%s: %.4f\n", _("Index"), equity_result_get_index (result));
  if (isfinite (overall->rate))
    {
      g_autofree char *rate = equity_result_column_dup_text (EQUITY_RESULT_COLUMN_RATE, overall);
      g_autofree char *count = equity_result_column_dup_text (EQUITY_RESULT_COLUMN_COUNT, overall);
      g_autofree char *population = equity_result_column_dup_text (EQUITY_RESULT_COLUMN_POPULATION, overall);

      g_print ("\n%s: %s / %s → %s\n", _("Overall"), count, population, rate);
    }
  if (unmatched->len > 0 || equity_result_get_unmatched_events (result) > 0)
    {
      g_autoptr(GString) keys = g_string_new (NULL);

      for (guint i = 0; i < unmatched->len && i < 20; i++)
        g_string_append_printf (keys, "%s%s", i > 0 ? ", " : "", (char *) unmatched->pdata[i]);
      if (unmatched->len > 20)
        g_string_append_printf (keys, _(", and %u more"), unmatched->len - 20);
      g_print (_("Unmatched: %" PRIu64 " events (%s)\n"),
               equity_result_get_unmatched_events (result), keys->str);
    }
  if (equity_result_get_outside (result) > 0)
    g_print (_("Outside every area: %" PRIu64 " events\n"), equity_result_get_outside (result));
  for (guint i = 0; notes[i] != NULL; i++)
    g_print (_("Note: %s\n"), notes[i]);
  if (headline != NULL)
    g_print ("\n%s\n", headline);
  if (equity_result_get_suppress_below (result) > 1)
    g_print (_("Counts from 1 to %u are marked “suppressed”.\n"), equity_result_get_suppress_below (result) - 1);
}

int
equity_cli_analyze (int    argc,
                    char **argv)
{
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(EquityAnalysis) analysis = NULL;
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gboolean save = FALSE;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "save", 0, 0, G_OPTION_ARG_NONE, &save, N_("Store the spec in the project under its name"), NULL },
    EQUITY_CLI_JSON_OPTION (&json),
    { NULL }
  };
  const char *spec_path;

  if (!equity_cli_parse_options (equity_cli_find_command ("analyze"), entries, &argc, &argv, 2))
    return EQUITY_CLI_USAGE;
  spec_path = argv[3];

  project = equity_cli_open_project (argv[2], &error);
  if (project == NULL)
    return equity_cli_fail (error);
  if (save && equity_project_is_read_only (project))
    return equity_cli_fail_message (_("%s is read-only: run the analysis without --save, "
                                      "or save it in a copy you may change"), argv[2]);

  /* SPEC.ini, or the name of an analysis saved in the project */
  if (!g_file_test (spec_path, G_FILE_TEST_EXISTS))
    {
      analysis = equity_analysis_new_from_project (project, spec_path, &error);
      if (analysis == NULL && g_error_matches (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND))
        return equity_cli_fail_message (_("%s: no such file (nor a saved analysis of that name)"), spec_path);
    }
  else
    analysis = equity_analysis_new_from_file (spec_path, &error);
  if (analysis == NULL)
    return equity_cli_fail (error);

  result = equity_analysis_run (analysis, project, NULL, NULL, NULL, &error);
  if (result == NULL)
    return equity_cli_fail (error);

  /* only a spec that ran is worth keeping */
  if (save)
    {
      name = equity_analysis_dup_name (analysis);
      if (!equity_analysis_save (analysis, project, &error))
        return equity_cli_fail (error);
      /* saved means saved in the file alone */
      if (!equity_project_close_checked (project, &error))
        return equity_cli_fail (error);
    }

  if (json)
    equity_cli_print_json (equity_result_to_json (result));
  else
    {
      print_result (result);
      if (save)
        g_print (_("Saved as “%s”.\n"), name);
    }
  return equity_cli_close_project (project, EQUITY_CLI_OK);
}

int
equity_cli_analyses (int    argc,
                     char **argv)
{
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  GListModel *analyses;
  guint n;

  if (!equity_cli_parse_json_option ("analyses", &argc, &argv, 1, &json))
    return EQUITY_CLI_USAGE;
  project = equity_cli_open_project (argv[2], &error);
  if (project == NULL)
    return equity_cli_fail (error);

  analyses = equity_project_get_analyses (project);
  n = g_list_model_get_n_items (analyses);
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(EquitySavedAnalysis) saved = g_list_model_get_item (analyses, i);
          GDateTime *updated = equity_saved_analysis_get_updated_at (saved);
          g_autofree char *when = updated != NULL ? g_date_time_format_iso8601 (updated) : NULL;
          g_autoptr(EquityAnalysis) analysis = NULL;
          g_autofree char *spec = NULL;

          /* the spec names datasets as they are called now, not by id */
          analysis = equity_analysis_new_from_project (project, equity_saved_analysis_get_name (saved), &error);
          if (analysis == NULL)
            return equity_cli_fail (error);
          spec = equity_analysis_to_data (analysis, NULL);

          json_builder_begin_object (builder);
          equity_cli_json_add_strings (builder,
                                       "name", equity_saved_analysis_get_name (saved),
                                       "kind", equity_saved_analysis_get_kind (saved),
                                       "updated_at", when,
                                       "spec", spec,
                                       NULL);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      equity_cli_print_built (builder);
      return equity_cli_close_project (project, EQUITY_CLI_OK);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EquitySavedAnalysis) saved = g_list_model_get_item (analyses, i);
      const char *kind = equity_saved_analysis_get_kind (saved);
      const char *label = equity_analysis_kind_to_label (kind);

      g_print ("%s\t%s\n", equity_saved_analysis_get_name (saved), label != NULL ? label : kind);
    }
  return equity_cli_close_project (project, EQUITY_CLI_OK);
}
