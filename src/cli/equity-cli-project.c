/* equity-cli-project.c — new, sample, datasets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "equity-cli.h"

int
equity_cli_new (int    argc,
                char **argv)
{
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;

  int status;

  if (!equity_cli_parse_options (equity_cli_find_command ("new"), NULL, &argc, &argv, 1))
    return EQUITY_CLI_USAGE;

  project = equity_project_create (argv[2], &error);
  if (project == NULL)
    return equity_cli_fail (error);

  status = equity_cli_close_project (project, EQUITY_CLI_OK);
  if (status == EQUITY_CLI_OK)
    g_print (_("Created %s\n"), equity_project_get_path (project));
  return status;
}

int
equity_cli_sample (int    argc,
                   char **argv)
{
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *datasets;
  int status;

  if (!equity_cli_parse_options (equity_cli_find_command ("sample"), NULL, &argc, &argv, 1))
    return EQUITY_CLI_USAGE;

  project = equity_sample_create (argv[2], NULL, NULL, NULL, &error);
  if (project == NULL)
    return equity_cli_fail (error);

  status = equity_cli_close_project (project, EQUITY_CLI_OK);
  if (status != EQUITY_CLI_OK)
    return status;
  datasets = equity_project_get_datasets (project);
  g_print (_("Created the sample project %s with %u datasets\n"),
           equity_project_get_path (project), g_list_model_get_n_items (datasets));
  return EQUITY_CLI_OK;
}

static void
print_dataset (EquityDataset *dataset)
{
  GPtrArray *columns = equity_dataset_get_columns (dataset);

  g_print ("%s\n", equity_dataset_get_name (dataset));
  g_print ("  %s %" G_GUINT64_FORMAT "\n", _("Rows:"), equity_dataset_get_n_rows (dataset));
  if (equity_dataset_get_source (dataset) != NULL)
    g_print ("  %s %s\n", _("Source:"), equity_dataset_get_source (dataset));
  g_print ("  %s\n", _("Columns:"));
  for (guint i = 0; i < columns->len; i++)
    {
      EquityColumn *column = g_ptr_array_index (columns, i);
      EquityColumnRole role = equity_column_get_role (column);

      g_print ("    %-32s %-9s", equity_column_get_name (column),
               equity_column_type_to_string (equity_column_get_column_type (column)));
      if (role != EQUITY_COLUMN_ROLE_NONE)
        g_print (" %s", equity_column_role_to_string (role));
      if (equity_column_get_moe_of (column) != NULL)
        g_print (" (%s)", equity_column_get_moe_of (column));
      g_print ("\n");
    }
}

int
equity_cli_datasets (int    argc,
                     char **argv)
{
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  GListModel *datasets;
  guint n;

  if (!equity_cli_parse_json_option ("datasets", &argc, &argv, 1, &json))
    return EQUITY_CLI_USAGE;

  project = equity_project_open (argv[2], &error);
  if (project == NULL)
    return equity_cli_fail (error);

  datasets = equity_project_get_datasets (project);
  n = g_list_model_get_n_items (datasets);

  if (json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      g_autoptr(JsonArray) array = json_array_new ();

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(EquityDataset) dataset = g_list_model_get_item (datasets, i);
          json_array_add_element (array, equity_cli_dataset_to_json (dataset, TRUE));
        }
      json_node_set_array (root, array);
      equity_cli_print_json (g_steal_pointer (&root));
      return equity_cli_close_project (project, EQUITY_CLI_OK);
    }

  if (n == 0)
    g_print (_("The project has no datasets. Import one with “asheville-equity-cli import”.\n"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EquityDataset) dataset = g_list_model_get_item (datasets, i);
      if (i > 0)
        g_print ("\n");
      print_dataset (dataset);
    }
  return equity_cli_close_project (project, EQUITY_CLI_OK);
}
