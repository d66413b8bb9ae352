/* equity-cli-catalog.c — rename and delete datasets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "equity-cli.h"

/* Opens PATH for a change of its dataset NAME, or says why it cannot and
 * returns NULL. Saved analyses written before they named datasets by id are
 * bound first, so the change cannot break them. */
static EquityProject *
open_for_change (const char     *path,
                 const char     *name,
                 EquityDataset **dataset)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityProject) project = equity_cli_open_project (path, &error);

  *dataset = NULL;
  if (project != NULL && equity_analysis_bind_saved (project, &error))
    *dataset = equity_project_get_dataset (project, name, &error);
  if (project == NULL || *dataset == NULL)
    {
      equity_cli_fail (error);
      return NULL;
    }
  return g_steal_pointer (&project);
}

int
equity_cli_rename (int    argc,
                   char **argv)
{
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };
  EquityDataset *dataset;

  if (!equity_cli_parse_options (equity_cli_find_command ("rename"), entries, &argc, &argv, 3))
    return EQUITY_CLI_USAGE;

  project = open_for_change (argv[2], argv[3], &dataset);
  if (project == NULL)
    return EQUITY_CLI_FAILED;
  if (!equity_project_rename_dataset (project, dataset, argv[4], &error))
    return equity_cli_fail (error);
  return equity_cli_close_project (project, EQUITY_CLI_OK);
}

int
equity_cli_delete (int    argc,
                   char **argv)
{
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Delete it even when saved analyses read it (they will no longer run)"), NULL },
    { NULL }
  };
  EquityDataset *dataset;

  if (!equity_cli_parse_options (equity_cli_find_command ("delete"), entries, &argc, &argv, 2))
    return EQUITY_CLI_USAGE;

  project = open_for_change (argv[2], argv[3], &dataset);
  if (project == NULL)
    return EQUITY_CLI_FAILED;
  if (!equity_project_delete_dataset (project, dataset, force, &error))
    {
      if (g_error_matches (error, EQUITY_ERROR, EQUITY_ERROR_IN_USE))
        return equity_cli_fail_message (_("%s: %s (use --force)"), argv[2], error->message);
      return equity_cli_fail (error);
    }
  return equity_cli_close_project (project, EQUITY_CLI_OK);
}
