/* equity-cli-score-table.c — print or change the project's ratio-to-score
 * table (docs/methods.md §10)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "equity-cli.h"

static JsonNode *
score_table_to_json (EquityScoreTable *table)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  equity_cli_json_add_strings (builder, "source", equity_score_table_get_source (table), NULL);
  json_builder_set_member_name (builder, "edited");
  json_builder_add_boolean_value (builder, !equity_score_table_is_published (table));
  json_builder_set_member_name (builder, "bands");
  json_builder_begin_array (builder);
  for (guint i = 0; i < equity_score_table_get_n_bands (table); i++)
    {
      const EquityScoreBand *band = equity_score_table_get_band (table, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "start");
      json_builder_add_double_value (builder, band->start);
      json_builder_set_member_name (builder, "first_score");
      json_builder_add_int_value (builder, band->first_score);
      json_builder_set_member_name (builder, "step");
      json_builder_add_double_value (builder, band->step);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_table (EquityScoreTable *table)
{
  g_autofree char *source = equity_score_table_dup_source_label (table);

  g_print ("%s\t%s\t%s\n", _("ratio from"), _("first score"), _("one point less every"));
  for (guint i = 0; i < equity_score_table_get_n_bands (table); i++)
    {
      const EquityScoreBand *band = equity_score_table_get_band (table, i);

      if (band->step > 0)
        g_print ("%.3f\t%d\t%.3f\n", band->start, band->first_score, band->step);
      else
        g_print ("%.3f\t%d\t—\n", band->start, band->first_score);
    }
  g_print (_("Ratios below the first band score 100. Source: %s\n"), source);
}

int
equity_cli_score_table (int    argc,
                        char **argv)
{
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(EquityScoreTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *set_path = NULL;
  g_autofree char *source = NULL;
  gboolean json = FALSE, restore = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "set", 0, 0, G_OPTION_ARG_FILENAME, &set_path,
      N_("Replace the table by the bands of a CSV file of start,first_score,step lines"), N_("FILE.csv") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, N_("Where the table comes from (stored with it)"), N_("TEXT") },
    { "default", 0, 0, G_OPTION_ARG_NONE, &restore, N_("Restore the published table"), NULL },
    { NULL }
  };

  if (!equity_cli_parse_options (equity_cli_find_command ("score-table"), entries, &argc, &argv, 1))
    return EQUITY_CLI_USAGE;
  if (restore && (set_path != NULL || source != NULL))
    return equity_cli_fail_message (_("--default restores the published table and its source: "
                                      "expected it without --set or --source"));
  project = equity_cli_open_project (argv[2], &error);
  if (project == NULL)
    return equity_cli_fail (error);

  if (restore || set_path != NULL || source != NULL)
    {
      if (equity_project_is_read_only (project))
        return equity_cli_fail_message (_("%s is read-only: change the table of a copy you may change"), argv[2]);
      if (restore)
        table = equity_score_table_new_default ();
      else if (set_path != NULL)
        {
          g_autofree char *name = g_filename_display_basename (set_path);
          /* Translators: the source of a table read by --set without --source */
          g_autofree char *read_from = g_strdup_printf (_("read from %s"), name);

          table = equity_score_table_new_from_csv (set_path, source != NULL ? source : read_from, &error);
        }
      else
        {
          /* --source alone: the same bands, a new source */
          g_autoptr(EquityScoreTable) current = equity_project_dup_score_table (project, &error);

          if (current != NULL)
            table = equity_score_table_new (equity_score_table_get_band (current, 0),
                                            equity_score_table_get_n_bands (current), source);
        }
      /* nothing is written unless the whole table is good */
      if (table == NULL || !equity_project_set_score_table (project, table, &error))
        return equity_cli_fail (error);
    }
  else
    {
      table = equity_project_dup_score_table (project, &error);
      if (table == NULL)
        return equity_cli_fail (error);
    }

  if (json)
    equity_cli_print_json (score_table_to_json (table));
  else
    print_table (table);
  return equity_cli_close_project (project, EQUITY_CLI_OK);
}
