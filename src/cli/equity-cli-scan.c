/* equity-cli-scan.c — `scan`: the environmental scan of every measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "equity-cli.h"

static void
print_text (EquityScan *scan)
{
  EquityScanRecord *record = equity_scan_get_record (scan);
  g_autofree char *note = equity_scan_dup_fdr_note (scan);

  for (guint i = 0; i < record->gaps->len; i++)
    {
      EquityScanGap *gap = g_ptr_array_index (record->gaps, i);
      g_autofree char *ratio = equity_format_number (gap->ratio, 2);
      g_autofree char *low = equity_format_number (gap->ratio_low, 2);
      g_autofree char *high = equity_format_number (gap->ratio_high, 2);
      const char *change = equity_scan_change_to_label (gap->change);

      g_print ("%u\t%s\t%s\t%s\t%s (%s–%s)\tp=%.3g\tadj=%.3g\t%s%s%s\n",
               gap->rank, gap->measure, gap->grouping, equity_scan_gap_get_label (gap),
               ratio, low, high, gap->p, gap->p_adjusted,
               gap->significant ? _("significant") : _("not significant"),
               change != NULL ? "\t" : "", change != NULL ? change : "");
    }
  g_print ("%s\n", note);
  for (const char * const *problem = equity_scan_get_problems (scan); *problem != NULL; problem++)
    g_printerr (_("Left out: %s\n"), *problem);
}

int
equity_cli_scan (int    argc,
                 char **argv)
{
  g_autoptr(EquityProject) project = NULL;
  g_autoptr(EquityScan) scan = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  gboolean save = FALSE;
  GOptionEntry entries[] = {
    EQUITY_CLI_JSON_OPTION (&json),
    { "save", 0, 0, G_OPTION_ARG_NONE, &save, N_("Store the scan in the project, to compare later scans with"), NULL },
    { NULL }
  };

  if (!equity_cli_parse_options (equity_cli_find_command ("scan"), entries, &argc, &argv, 1))
    return EQUITY_CLI_USAGE;
  project = equity_cli_open_project (argv[2], &error);
  if (project == NULL)
    return equity_cli_fail (error);

  scan = equity_scan_run (project, NULL, NULL, NULL, &error);
  if (scan == NULL || (save && !equity_scan_save (scan, project, &error)))
    {
      equity_project_close (project);
      return equity_cli_fail (error);
    }

  if (json)
    equity_cli_print_json (equity_scan_to_json (scan));
  else
    print_text (scan);
  return equity_cli_close_project (project, EQUITY_CLI_OK);
}
