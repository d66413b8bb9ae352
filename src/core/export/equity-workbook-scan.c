/* equity-workbook-scan.c — the workbook's Scan sheet: the latest stored
 * environmental scan, ranked, with its false-discovery statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "equity-error.h"
#include "equity-workbook-private.h"

enum { N_SCAN_COLUMNS = 14 };

/* the columns' widths, in characters */
static const double scan_widths[N_SCAN_COLUMNS] = { 8, 40, 18, 18, 18, 18, 14, 14, 14, 14, 14, 14, 14, 14 };

static void
write_gap (lxw_worksheet               *sheet,
           lxw_row_t                    r,
           const EquityWorkbookFormats *formats,
           const EquityScanGap         *gap)
{
  const char *change = equity_scan_change_to_label (gap->change);

  /* text from the data always goes in as text, never as a formula */
  worksheet_write_number (sheet, r, 0, gap->rank, formats->count);
  worksheet_write_string (sheet, r, 1, gap->measure, formats->text);
  worksheet_write_string (sheet, r, 2, gap->grouping, formats->text);
  worksheet_write_string (sheet, r, 3, equity_scan_gap_get_label (gap), formats->text);
  worksheet_write_string (sheet, r, 4, gap->reference, formats->text);
  worksheet_write_string (sheet, r, 5, gap->group_worse ? equity_scan_gap_get_label (gap) : gap->reference,
                          formats->text);
  if (gap->suppressed)
    {
      /* a withheld count could be worked back from its ratio or its p */
      for (lxw_col_t c = 6; c <= 11; c++)
        worksheet_write_string (sheet, r, c, EQUITY_MARKER_SUPPRESSED, formats->marker);
    }
  else
    {
      _equity_workbook_write_figure (sheet, r, 6, gap->ratio, formats->ratio, formats);
      _equity_workbook_write_figure (sheet, r, 7, gap->ratio_low, formats->ratio, formats);
      _equity_workbook_write_figure (sheet, r, 8, gap->ratio_high, formats->ratio, formats);
      _equity_workbook_write_figure (sheet, r, 9, gap->difference, formats->rate, formats);
      _equity_workbook_write_figure (sheet, r, 10, gap->p, formats->p_value, formats);
      _equity_workbook_write_figure (sheet, r, 11, gap->p_adjusted, formats->p_value, formats);
    }
  worksheet_write_string (sheet, r, 12, gap->significant ? _("Yes") : _("No"), formats->text);
  worksheet_write_string (sheet, r, 13, change != NULL ? change : _("—"), formats->text);
}

gboolean
_equity_workbook_write_scan (lxw_worksheet               *sheet,
                             const EquityWorkbookFormats *formats,
                             EquityScan                  *scan,
                             const char                  *footer_title,
                             GError                     **error)
{
  EquityScanRecord *record = equity_scan_get_record (scan);
  g_autofree char *date = g_date_time_format (record->run_at, "%Y-%m-%d");
  g_autofree char *title = g_strdup_printf (_("Environmental scan of %s"), date);
  g_autofree char *fdr = equity_scan_dup_fdr_note (scan);
  const char *headers[N_SCAN_COLUMNS] = {
    _("Rank"), _("Measure"), _("Grouping"), _("Group"), _("Compared with"), _("Worse off"),
    _("Ratio"), _("Ratio, lower limit"), _("Ratio, upper limit"), _("Rate difference"),
    _("p"), _("Adjusted p (Benjamini–Hochberg)"), _("Significant"), _("Since the previous scan"),
  };
  lxw_table_column header_cells[N_SCAN_COLUMNS] = { { 0 } };
  lxw_table_column *columns[N_SCAN_COLUMNS + 1] = { 0 };
  lxw_table_options table = { 0 };
  lxw_row_t r = 0, header_row, last_row;

  worksheet_write_string (sheet, r++, 0, title, formats->title);
  worksheet_write_string (sheet, r++, 0, fdr, formats->subtitle);
  _equity_workbook_write_wide_note (sheet, r++,
                                    _("Each ratio is the worse-off side’s rate over the other’s, so it is at least 1. "
                                      "p: exact conditional test of two Poisson rates (Wald on the log ratio where "
                                      "counts are not whole). Ranked: significant gaps first, then the larger gap by "
                                      "the low end of its interval, so a large ratio resting on a few events does not "
                                      "come first. The Methods sheet and docs/methods.md §11 explain each rule."),
                                    scan_widths, N_SCAN_COLUMNS, formats);
  _equity_workbook_write_wide_note (sheet, r++,
                                    _("[x]: not available (an interval without an upper end, where a count is 0). "
                                      "[c]: withheld, because a count behind the comparison is small enough to "
                                      "identify people (the analysis's own suppression rule); its ratio or p would "
                                      "give it away."),
                                    scan_widths, N_SCAN_COLUMNS, formats);
  r++;

  header_row = r;
  for (guint c = 0; c < N_SCAN_COLUMNS; c++)
    {
      header_cells[c].header = (char *) headers[c];
      header_cells[c].header_format = formats->heading;
      columns[c] = &header_cells[c];
    }
  worksheet_set_row (sheet, header_row, 45, NULL);
  last_row = header_row + MAX (record->gaps->len, 1);
  table.columns = columns;
  table.style_type = LXW_TABLE_STYLE_TYPE_MEDIUM;
  table.style_type_number = 2;
  if (formats->constant_memory)
    {
      for (guint c = 0; c < N_SCAN_COLUMNS; c++)
        worksheet_write_string (sheet, header_row, c, headers[c], formats->heading);
      worksheet_autofilter (sheet, header_row, 0, last_row, N_SCAN_COLUMNS - 1);
    }
  else if (worksheet_add_table (sheet, header_row, 0, last_row, N_SCAN_COLUMNS - 1, &table) != LXW_NO_ERROR)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_FAILED, _("Could not write the table of the scan"));
      return FALSE;
    }
  for (guint i = 0; i < record->gaps->len; i++)
    write_gap (sheet, header_row + 1 + i, formats, g_ptr_array_index (record->gaps, i));

  _equity_workbook_set_widths (sheet, scan_widths, N_SCAN_COLUMNS);
  _equity_workbook_print_setup (sheet, footer_title, TRUE, header_row);
  return TRUE;
}
