/* equity-cli-indicators.c — list indicators with their scores; add one
 * from a spec file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "equity-cli.h"

static void
print_table (GPtrArray *indicators,
             GPtrArray *evaluations)
{
  for (guint i = 0; i < indicators->len; i++)
    {
      EquityIndicator *indicator = g_ptr_array_index (indicators, i);
      EquityIndicatorEvaluation *evaluation = g_ptr_array_index (evaluations, i);
      gboolean ratio = equity_indicator_get_kind (indicator) == EQUITY_INDICATOR_RATIO;

      g_print ("%s\t%s / %s\t%s\n", equity_indicator_get_name (indicator), equity_indicator_get_theme (indicator),
               equity_indicator_get_topic (indicator),
               equity_indicator_status_to_label (equity_indicator_evaluation_get_status (evaluation)));
      g_print ("  %s\t%s\t%s\t%s\t%s\t%s\t%s\n", C_("column", "year"), ratio ? _("ratio") : _("percent"), _("95% interval"),
               _("rates (A / B)"), _("target"), _("score"), _("change"));
      for (guint k = 0; k < equity_indicator_evaluation_get_n_years (evaluation); k++)
        {
          const EquityIndicatorYear *year = equity_indicator_evaluation_get_year (evaluation, k);
          g_autofree char *value = equity_format_number (year->value, ratio ? 2 : 1);
          g_autofree char *low = equity_format_number (year->low, ratio ? 2 : 1);
          g_autofree char *high = equity_format_number (year->high, ratio ? 2 : 1);
          g_autofree char *rate_a = equity_format_number (year->rate_a, equity_format_rate_decimals (year->rate_a));
          g_autofree char *rate_b = equity_format_number (year->rate_b, equity_format_rate_decimals (year->rate_b));
          g_autofree char *target = equity_format_number (year->target, ratio ? 2 : 1);
          g_autofree char *score = equity_format_number (year->score, 0);
          g_autofree char *change = equity_format_number (year->change, 0);

          g_print ("  %d%s\t%s\t%s–%s\t%s / %s\t%s\t%s\t%s\n", year->year,
                   year->year == equity_indicator_evaluation_get_baseline_year (evaluation) ? "*" : "",
                   value, low, high, rate_a, rate_b, target, score, change);
        }
    }
  if (indicators->len > 0)
    g_print ("%s\n", _("* the baseline year; rates are the disadvantaged (A) and advantaged (B) groups’"));
}

int
equity_cli_indicators (int    argc,
                       char **argv)
{
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) evaluations = NULL;
  gboolean json = FALSE;

  if (!equity_cli_parse_json_option ("indicators", &argc, &argv, 1, &json))
    return EQUITY_CLI_USAGE;
  project = equity_cli_open_project (argv[2], &error);
  if (project == NULL)
    return equity_cli_fail (error);
  indicators = equity_project_list_indicators (project, &error);
  if (indicators == NULL)
    return equity_cli_fail (error);
  /* side by side: every indicator, or the first that cannot be evaluated */
  evaluations = equity_indicator_evaluate_each (project, indicators, NULL, &error);
  if (evaluations == NULL)
    return equity_cli_fail (error);

  if (json)
    equity_cli_print_json (equity_indicators_to_json (indicators, evaluations));
  else
    print_table (indicators, evaluations);
  return equity_cli_close_project (project, EQUITY_CLI_OK);
}

int
equity_cli_indicator_add (int    argc,
                          char **argv)
{
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(EquityIndicator) indicator = NULL;
  g_autoptr(EquityIndicatorEvaluation) evaluation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *spec_name = NULL;
  g_autofree char *values_path = NULL;
  gsize length;
  GOptionEntry entries[] = {
    { "values", 0, 0, G_OPTION_ARG_FILENAME, &values_path,
      N_("Yearly values from a CSV file (year,value[,low,high]) or a Charlotte metric file"), N_("FILE") },
    { NULL }
  };

  if (!equity_cli_parse_options (equity_cli_find_command ("indicator-add"), entries, &argc, &argv, 2))
    return EQUITY_CLI_USAGE;
  if (!g_file_test (argv[2], G_FILE_TEST_EXISTS))
    return equity_cli_fail_message (_("%s: no such project"), argv[2]);
  if (!g_file_get_contents (argv[3], &contents, &length, &error))
    return equity_cli_fail (error);
  project = equity_project_open (argv[2], &error);
  if (project == NULL || !equity_analysis_bind_saved (project, &error))
    return equity_cli_fail (error);
  if (equity_project_is_read_only (project))
    return equity_cli_fail_message (_("%s is read-only: add the indicator to a copy you may change"), argv[2]);

  spec_name = g_filename_display_basename (argv[3]);
  indicator = equity_indicator_new_from_data (project, contents, length, spec_name, &error);
  if (indicator == NULL
      || (values_path != NULL && !equity_indicator_import_values (indicator, values_path, &error)))
    return equity_cli_fail (error);
  /* only an indicator that evaluates is worth keeping */
  evaluation = equity_indicator_evaluate (project, indicator, NULL, &error);
  if (evaluation == NULL || !equity_project_add_indicator (project, indicator, &error))
    return equity_cli_fail (error);
  if (!equity_project_close_checked (project, &error))
    return equity_cli_fail (error);
  g_print (_("Added “%s” (%u years).\n"), equity_indicator_get_name (indicator),
           equity_indicator_evaluation_get_n_years (evaluation));
  return EQUITY_CLI_OK;
}
