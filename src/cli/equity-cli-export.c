/* equity-cli-export.c — the council-packet workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "equity-cli.h"

int
equity_cli_export (int    argc,
                   char **argv)
{
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) analyses = NULL;
  g_auto(GStrv) datasets = NULL;
  g_auto(GStrv) assessment_ids = NULL;
  g_autofree gint64 *assessments = NULL;
  g_autofree char *title = NULL;
  g_autofree char *prepared_by = NULL;
  g_autofree char *department = NULL;
  int suppress_below = 0;
  gboolean no_plan = FALSE;
  GOptionEntry entries[] = {
    { "analysis", 0, 0, G_OPTION_ARG_STRING_ARRAY, &analyses,
      N_("A saved analysis to include (repeat it; default: all of them)"), N_("NAME") },
    { "suppress-below", 0, 0, G_OPTION_ARG_INT, &suppress_below,
      N_("Hide counts from 1 to N−1 and whatever would reveal them (default: each analysis's own)"), "N" },
    { "include-data", 0, 0, G_OPTION_ARG_STRING_ARRAY, &datasets,
      N_("Add a dataset's rows as a data sheet (repeat it)"), N_("DATASET") },
    { "no-plan", 0, 0, G_OPTION_ARG_NONE, &no_plan,
      N_("Leave out the Action plan sheet (there is one when the project has actions)"), NULL },
    { "assessment", 0, 0, G_OPTION_ARG_STRING_ARRAY, &assessment_ids,
      N_("Add an equity-lens assessment as a sheet of its own (repeat it)"), N_("ID") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The workbook's title (default: the project's)"), N_("TEXT") },
    { "prepared-by", 0, 0, G_OPTION_ARG_STRING, &prepared_by, N_("Who prepared it"), N_("NAME") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department, N_("The department it comes from"), N_("NAME") },
    { NULL }
  };
  EquityWorkbookOptions options = { 0 };

  if (!equity_cli_parse_options (equity_cli_find_command ("export"), entries, &argc, &argv, 2))
    return EQUITY_CLI_USAGE;
  if (suppress_below < 0)
    return equity_cli_fail_message (_("--suppress-below must be 0 or more, not %d"), suppress_below);
  if (!g_str_has_suffix (argv[3], ".xlsx") && !g_str_has_suffix (argv[3], ".XLSX"))
    return equity_cli_fail_message (_("%s: the workbook's name must end in .xlsx"), argv[3]);
  if (assessment_ids != NULL)
    {
      guint n = g_strv_length (assessment_ids);

      assessments = g_new0 (gint64, n + 1);
      for (guint i = 0; i < n; i++)
        if (!g_ascii_string_to_signed (assessment_ids[i], 10, 1, G_MAXINT64, &assessments[i], NULL))
          return equity_cli_fail_message (_("--assessment takes the id of an assessment, a whole number, not “%s”"),
                                          assessment_ids[i]);
    }
  project = equity_cli_open_project (argv[2], &error);
  if (project == NULL)
    return equity_cli_fail (error);

  options.title = title;
  options.prepared_by = prepared_by;
  options.department = department;
  options.suppress_below = (guint) suppress_below;
  options.analyses = (const char * const *) analyses;
  options.datasets = (const char * const *) datasets;
  options.skip_plan = no_plan;
  options.assessments = assessments;
  if (!equity_workbook_export (project, argv[3], &options, NULL, NULL, NULL, &error))
    return equity_cli_fail (error);
  return equity_cli_close_project (project, EQUITY_CLI_OK);
}
