/* equity-workbook-indicators.c — the council packet's Indicators sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every score is shown beside the two rates it comes from, since a score
 * alone hides whether everyone is badly off (FRAMEWORK-ANCHORS §1).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "equity-indicator-evaluation.h"
#include "equity-workbook-private.h"

/* the columns' widths, in characters: theme, topic and indicator, then
 * sixteen of figures and the status */
static const double indicator_widths[] = { 16, 16, 44, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10 };

static void
write_year (lxw_worksheet               *sheet,
            lxw_row_t                    row,
            const EquityWorkbookFormats *formats,
            EquityIndicator             *indicator,
            EquityIndicatorEvaluation   *evaluation,
            const EquityIndicatorYear   *year)
{
  gboolean ratio = equity_indicator_get_kind (indicator) == EQUITY_INDICATOR_RATIO;
  lxw_format *value_format = ratio ? formats->ratio : formats->decimal;
  const double rates[] = { year->rate_a, year->rate_a_low, year->rate_a_high,
                           year->rate_b, year->rate_b_low, year->rate_b_high };
  guint lines = 1;
  lxw_col_t c = 0;

  /* text typed by the analyst, wrapped: a long name cut off at the next
   * column hides what it is */
  _equity_workbook_write_wrapped (sheet, row, c++, equity_indicator_get_theme (indicator), indicator_widths,
                                  formats, &lines);
  _equity_workbook_write_wrapped (sheet, row, c++, equity_indicator_get_topic (indicator), indicator_widths,
                                  formats, &lines);
  _equity_workbook_write_wrapped (sheet, row, c++, equity_indicator_get_name (indicator), indicator_widths,
                                  formats, &lines);
  _equity_workbook_set_row_lines (sheet, row, lines);
  /* general numbers in the text format: at the top, level with the wrapped names */
  worksheet_write_number (sheet, row, c++, year->year, formats->text);
  worksheet_write_string (sheet, row, c++,
                          year->year == equity_indicator_evaluation_get_baseline_year (evaluation) ? _("baseline") : "",
                          formats->text);
  worksheet_write_string (sheet, row, c++, ratio ? _("ratio") : _("percent"), formats->text);
  _equity_workbook_write_figure (sheet, row, c++, year->value, value_format, formats);
  _equity_workbook_write_figure (sheet, row, c++, year->low, value_format, formats);
  _equity_workbook_write_figure (sheet, row, c++, year->high, value_format, formats);
  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    _equity_workbook_write_figure (sheet, row, c++, rates[i], formats->rate, formats);
  _equity_workbook_write_figure (sheet, row, c++, year->target, value_format, formats);
  _equity_workbook_write_figure (sheet, row, c++, year->score, formats->text, formats);
  _equity_workbook_write_figure (sheet, row, c++, year->change, formats->text, formats);
  worksheet_write_string (sheet, row, c++,
                          equity_indicator_status_to_label (equity_indicator_evaluation_get_status (evaluation)),
                          formats->text);
}

static void
write_note (lxw_worksheet               *sheet,
            lxw_row_t                    row,
            const char                  *text,
            const EquityWorkbookFormats *formats)
{
  _equity_workbook_write_wide_note (sheet, row, text, indicator_widths, G_N_ELEMENTS (indicator_widths), formats);
}

/* theme means, then the city's, one column a year */
static lxw_row_t
write_means (lxw_worksheet               *sheet,
             lxw_row_t                    r,
             const EquityWorkbookFormats *formats,
             GPtrArray                   *indicators,
             GPtrArray                   *evaluations)
{
  g_autoptr(EquityIndicatorSummary) summary = equity_indicator_summary_new (indicators, evaluations);
  g_autoptr(GPtrArray) themes = g_ptr_array_new ();
  guint n_years;
  const int *years = equity_indicator_summary_get_years (summary, &n_years);

  worksheet_write_string (sheet, r++, 0, _("Theme and city scores: unweighted means of the level below"),
                          formats->subtitle);
  worksheet_write_string (sheet, r, 0, _("Level"), formats->heading);
  worksheet_write_string (sheet, r, 1, _("Name"), formats->heading);
  for (guint y = 0; y < n_years; y++)
    worksheet_write_number (sheet, r, 2 + y, years[y], formats->heading);
  r++;
  for (guint i = 0; i < indicators->len; i++)
    {
      const char *theme = equity_indicator_get_theme (g_ptr_array_index (indicators, i));

      if (!g_ptr_array_find_with_equal_func (themes, theme, g_str_equal, NULL))
        g_ptr_array_add (themes, (gpointer) theme);
    }
  for (guint t = 0; t <= themes->len; t++, r++)
    {
      gboolean city = t == themes->len;

      worksheet_write_string (sheet, r, 0, city ? _("City") : _("Theme"), formats->text);
      worksheet_write_string (sheet, r, 1, city ? "" : (const char *) g_ptr_array_index (themes, t), formats->text);
      for (guint y = 0; y < n_years; y++)
        _equity_workbook_write_figure (sheet, r, 2 + y,
                                       city ? equity_indicator_summary_city_score (summary, years[y])
                                            : equity_indicator_summary_theme_score (summary, g_ptr_array_index (themes, t), years[y]),
                                       formats->decimal, formats);
    }
  return r;
}

gboolean
_equity_workbook_write_indicators (lxw_worksheet               *sheet,
                                   const EquityWorkbookFormats *formats,
                                   const char                  *footer_title,
                                   EquityProject               *project,
                                   GPtrArray                   *indicators,
                                   GPtrArray                   *evaluations,
                                   GError                     **error)
{
  g_autoptr(EquityScoreTable) table = equity_project_dup_score_table (project, error);
  g_autofree char *score_note = NULL;
  g_autofree char *table_source = NULL;
  lxw_row_t r = 0, header;

  if (table == NULL)
    return FALSE;

  /* an edited table says so, so a score never changes meaning silently */
  table_source = equity_score_table_dup_source_label (table);
  score_note = g_strdup_printf (_("Score: 1–100 by the ratio-to-score table of %s (stored in the project), or for "
                                  "a percentage the percentage of the good outcome, rounded up. Change: the score "
                                  "minus the baseline year’s."), table_source);
  worksheet_write_string (sheet, r++, 0, _("Equity indicators"), formats->title);
  write_note (sheet, r++, score_note, formats);
  write_note (sheet, r++, _("Ratio: group A’s rate over group B’s (B over A for a good outcome), "
                            "so that above 1 means inequity; 95% intervals by the log method. "
                            "A is the disadvantaged group (or the most), B the advantaged (or the least)."),
              formats);
  write_note (sheet, r++, _("Status: on track when the latest year’s interval reaches its target "
                            "in the good direction; off track when it does not; no data without a "
                            "value or a target."), formats);
  for (guint i = 0; i < indicators->len; i++)
    {
      EquityIndicator *indicator = g_ptr_array_index (indicators, i);
      const char *source = equity_indicator_evaluation_get_source (g_ptr_array_index (evaluations, i));
      g_autofree char *line = g_strdup_printf (_("%s — source: %s (A: %s; B: %s)"), equity_indicator_get_name (indicator),
                                               source != NULL ? source : "—",
                                               equity_indicator_get_group_a (indicator) != NULL ? equity_indicator_get_group_a (indicator) : "—",
                                               equity_indicator_get_group_b (indicator) != NULL ? equity_indicator_get_group_b (indicator) : "—");

      write_note (sheet, r++, line, formats);
    }
  r++;

  header = r;
  _equity_workbook_write_headings (sheet, r++, formats, _("Theme"), _("Topic"), _("Indicator"), _("Year"),
                                   _("Baseline"), _("Measure"), _("Value"), _("Low"), _("High"),
                                   _("Rate A"), _("A low"), _("A high"), _("Rate B"), _("B low"), _("B high"),
                                   _("Target"), _("Score"), _("Change"), _("Status"), NULL);
  for (guint i = 0; i < indicators->len; i++)
    {
      EquityIndicatorEvaluation *evaluation = g_ptr_array_index (evaluations, i);

      for (guint k = 0; k < equity_indicator_evaluation_get_n_years (evaluation); k++)
        write_year (sheet, r++, formats, g_ptr_array_index (indicators, i), evaluation,
                    equity_indicator_evaluation_get_year (evaluation, k));
    }
  r++;
  r = write_means (sheet, r, formats, indicators, evaluations);

  _equity_workbook_set_widths (sheet, indicator_widths, G_N_ELEMENTS (indicator_widths));
  _equity_workbook_hold_header (sheet, footer_title, header, 3);
  return TRUE;
}
