/* equity-cli-chart.c — chart: a saved analysis drawn to PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "equity-cli.h"
#include "equity-analysis.h"
#include "chart/equity-chart.h"

static gboolean
has_chart_extension (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".png") || g_str_has_suffix (lower, ".svg") ||
         g_str_has_suffix (lower, ".pdf");
}

int
equity_cli_chart (int    argc,
                  char **argv)
{
  g_autofree char *out = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *source_note = NULL;
  gboolean dark = FALSE;
  int width = 1200;
  int height = 800;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_("Write the chart to FILE: .png, .svg or .pdf (required)"), N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (default 1200)"), N_("PX") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (default 800)"), N_("PX") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("bars, dots, map, trend or scatter (default: a map when the analysis has areas, "
         "a trend when its rows are years, else bars)"), N_("KIND") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Title (default: the analysis’s name)"), N_("TEXT") },
    { "source-note", 0, 0, G_OPTION_ARG_STRING, &source_note,
      N_("Source note at the bottom (default: the analysis’s sources)"), N_("TEXT") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Light text on a dark background"), NULL },
    { NULL }
  };
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(EquityAnalysis) analysis = NULL;
  g_autoptr(EquityResult) result = NULL;
  g_autoptr(EquityChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  EquityChartStyle style;
  EquityChartKind kind;

  if (!equity_cli_parse_options (equity_cli_find_command ("chart"), entries, &argc, &argv, 2))
    return EQUITY_CLI_USAGE;

  /* everything that can be checked before the analysis runs is checked first */
  if (out == NULL)
    {
      g_printerr (_("asheville-equity-cli chart: --out FILE is required\n"));
      return EQUITY_CLI_USAGE;
    }
  if (!has_chart_extension (out))
    return equity_cli_fail_message (_("Cannot write “%s”: a chart is saved as .png, .svg or .pdf"), out);
  if (kind_text != NULL && !equity_chart_kind_from_string (kind_text, &kind))
    {
      g_printerr (_("asheville-equity-cli chart: unknown --kind “%s”: use bars, dots, map, trend or scatter\n"),
                  kind_text);
      return EQUITY_CLI_USAGE;
    }

  /* open, not open_or_create: drawing never makes a project */
  project = equity_project_open (argv[2], &error);
  if (project == NULL)
    return equity_cli_fail (error);
  analysis = equity_analysis_new_from_project (project, argv[3], &error);
  if (analysis == NULL)
    return equity_cli_fail (error);
  result = equity_analysis_run (analysis, project, NULL, NULL, NULL, &error);
  if (result == NULL)
    return equity_cli_fail (error);

  chart = equity_chart_new (result);
  if (kind_text == NULL)
    kind = equity_chart_kind_for_result (result);
  equity_chart_set_kind (chart, kind);

  name = equity_analysis_dup_name (analysis);
  if (title != NULL)
    equity_chart_set_title (chart, title);
  else if (equity_result_get_title (result) == NULL)
    equity_chart_set_title (chart, name != NULL ? name : argv[3]);
  if (source_note != NULL)
    equity_chart_set_source_note (chart, source_note);
  if (dark)
    equity_chart_style_init_dark (&style);
  else
    equity_chart_style_init_light (&style);

  if (kind == EQUITY_CHART_MAP)
    {
      const char *dataset = equity_result_get_map_dataset (result);
      const char *key = equity_result_get_map_key (result);

      if (dataset == NULL || key == NULL)
        return equity_cli_fail_message (_("Analysis “%s” names no areas with geometry to map: "
                                          "choose another --kind, or add map = DATASET and "
                                          "map-key = COLUMN to its spec"), argv[3]);
      g_autoptr(EquityAreaSet) areas = NULL;

      areas = equity_dataset_load_areas (project, dataset, key, &error);
      if (areas == NULL)
        return equity_cli_fail (error);
      equity_chart_set_areas (chart, areas);
    }

  if (!equity_chart_save (chart, out, width, height, &style, &error))
    return equity_cli_fail (error);

  g_print (_("Wrote %s (%d×%d, %s)\n"), out, width, height, equity_chart_kind_to_string (kind));
  return equity_cli_close_project (project, EQUITY_CLI_OK);
}
