/* equity-workbook-private.h — what the workbook's sheets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <xlsxwriter.h>

#include "equity-analysis.h"
#include "equity-assessment.h"
#include "equity-result-columns.h"
#include "equity-suppression.h"
#include "equity-workbook.h"
#include "equity-scan.h"

G_BEGIN_DECLS

/* The markers a reader finds explained on the Notes sheet */
#define EQUITY_MARKER_UNRELIABLE "[u]"
#define EQUITY_MARKER_NOT_AVAILABLE "[x]"

/* Text cells stand one indent level off their left edge: printed, text
 * right of a right-aligned number ran into it ("0.0012Yes"). A level takes
 * about two units of column width from the text's lines. */
#define EQUITY_WORKBOOK_TEXT_INDENT        1
#define EQUITY_WORKBOOK_TEXT_INDENT_WIDTH  2.0

typedef struct
{
  lxw_format *title;
  lxw_format *subtitle;
  lxw_format *note;
  lxw_format *wrapped_note;
  lxw_format *heading;
  lxw_format *link;
  lxw_format *text;
  lxw_format *wrap;
  lxw_format *count;
  lxw_format *count_decimal;
  lxw_format *rate;
  lxw_format *ratio;
  lxw_format *percent;
  lxw_format *decimal;
  lxw_format *p_value;
  lxw_format *marker;
  lxw_format *higher;
  lxw_format *lower;
  lxw_format *unreliable;
  /* rows stream to disk (big data sheets): tables become filtered ranges */
  gboolean    constant_memory;
} EquityWorkbookFormats;

/* One analysis as the workbook shows it */
typedef struct
{
  char              *name;        /* saved under */
  char              *sheet;       /* its worksheet */
  EquityAnalysis    *analysis;
  EquityResult      *result;
  guint              n_suppressed;  /* rows withheld (equity_result_row_is_hidden()) */
  guint              n_secondary;
  guint              suppress_below;
  GPtrArray         *notes;       /* char*, numbered on the Notes sheet */
  guint              first_note;  /* the number of its first note */
} EquityWorkbookEntry;

/* Writes ENTRY's sheet: title, source and notes in column A, then the table,
 * the native chart and the picture. */
gboolean _equity_workbook_write_analysis (lxw_workbook                *workbook,
                                          lxw_worksheet               *sheet,
                                          const EquityWorkbookFormats *formats,
                                          EquityWorkbookEntry         *entry,
                                          EquityProject               *project,
                                          const char                  *footer_title,
                                          GError                     **error);
/* The sentence the cover gives ENTRY: its headline, unless the headline
 * names a hidden figure */
char    *_equity_workbook_cover_sentence (EquityWorkbookEntry         *entry);
/* Print setup every sheet shares: letter paper, margins, one page wide,
 * REPEAT_ROW (or -1) repeated, "title — Page N of M" in the footer. */
void     _equity_workbook_print_setup    (lxw_worksheet               *sheet,
                                          const char                  *footer_title,
                                          gboolean                     landscape,
                                          int                          repeat_row);
/* A wide table whose HEADER_ROW stays in view: frozen on screen with its
 * first FROZEN_COLUMNS columns, repeated on every printed (landscape) page */
void     _equity_workbook_hold_header    (lxw_worksheet               *sheet,
                                          const char                  *footer_title,
                                          lxw_row_t                    header_row,
                                          lxw_col_t                    frozen_columns);

/* VALUE in FORMAT, or the not-available marker (explained on the Notes
 * sheet) where the figure does not exist */
void     _equity_workbook_write_figure   (lxw_worksheet               *sheet,
                                          lxw_row_t                    row,
                                          lxw_col_t                    column,
                                          double                       value,
                                          lxw_format                  *format,
                                          const EquityWorkbookFormats *formats);

/* The widths of the first N_WIDTHS columns, from column A, in characters */
void     _equity_workbook_set_widths     (lxw_worksheet               *sheet,
                                          const double                *widths,
                                          guint                        n_widths);

/* The lines TEXT takes wrapped in a column WIDTH characters wide (at
 * least one), and a row made tall enough for LINES of text: a row keeps its
 * stored height when opened, so wrapped text would print over the next */
guint    _equity_workbook_wrapped_lines  (const char                  *text,
                                          double                       width);
void     _equity_workbook_set_row_lines  (lxw_worksheet               *sheet,
                                          lxw_row_t                    row,
                                          guint                        lines);
/* TEXT (NULL: empty) as a string wrapped in COLUMN, WIDTHS[COLUMN] wide,
 * and *LINES raised to the lines it takes: a row's cells are written, then
 * _equity_workbook_set_row_lines() given the most */
void     _equity_workbook_write_wrapped  (lxw_worksheet               *sheet,
                                          lxw_row_t                    row,
                                          lxw_col_t                    column,
                                          const char                  *text,
                                          const double                *widths,
                                          const EquityWorkbookFormats *formats,
                                          guint                       *lines);
/* A note above a table N_WIDTHS columns wide (their WIDTHS), wrapped
 * across all of them: in column A alone a long note ran far past the table,
 * and printing one page wide shrank the table until it could not be read */
void     _equity_workbook_write_wide_note (lxw_worksheet               *sheet,
                                           lxw_row_t                    row,
                                           const char                  *text,
                                           const double                *widths,
                                           guint                        n_widths,
                                           const EquityWorkbookFormats *formats);

/* A header row: the titles given, from column A, then NULL */
void     _equity_workbook_write_headings (lxw_worksheet               *sheet,
                                          lxw_row_t                    row,
                                          const EquityWorkbookFormats *formats,
                                          const char                  *first,
                                          ...) G_GNUC_NULL_TERMINATED;
/* The Indicators sheet: each of INDICATORS with its evaluation in
 * EVALUATIONS (same order), one row a year with the rates behind its score,
 * then the theme and city means. */
gboolean _equity_workbook_write_indicators (lxw_worksheet               *sheet,
                                            const EquityWorkbookFormats *formats,
                                            const char                  *footer_title,
                                            EquityProject               *project,
                                            GPtrArray                   *indicators,
                                            GPtrArray                   *evaluations,
                                            GError                     **error);
/* The Scan sheet: the latest stored scan, ranked, with its FDR statement */
gboolean _equity_workbook_write_scan     (lxw_worksheet               *sheet,
                                          const EquityWorkbookFormats *formats,
                                          EquityScan                  *scan,
                                          const char                  *footer_title,
                                          GError                     **error);
/* The actions the Action plan sheet lists (none when OPTIONS skip it), its
 * name taken in USED when there are some, each marked off track by the
 * STATUSES of the indicators (see equity_plan_statuses_of_evaluations());
 * NULL on error */
GPtrArray *_equity_workbook_list_plan    (EquityProject               *project,
                                          const EquityWorkbookOptions *options,
                                          GHashTable                  *used,
                                          GHashTable                  *statuses,
                                          GError                     **error);
/* The Action plan sheet: ACTIONS (EquityPlanAction, plan order), one row
 * each, naming the INDICATORS they link to with their STATUSES */
gboolean _equity_workbook_write_plan     (lxw_worksheet               *sheet,
                                          const EquityWorkbookFormats *formats,
                                          const char                  *footer_title,
                                          EquityProject               *project,
                                          GPtrArray                   *actions,
                                          GPtrArray                   *indicators,
                                          GHashTable                  *statuses,
                                          GError                     **error);

/* The cover's contents: each sheet's name, the text its link shows (NULL:
 * the name) and one line on what it holds */
GPtrArray *_equity_workbook_contents_new   (void);
void     _equity_workbook_contents_add     (GPtrArray                   *contents,
                                            const char                  *sheet,
                                            const char                  *label,
                                            const char                  *description);
/* Every sheet after the cover, in the workbook's order, with a line each:
 * the analyses' ENTRIES, Indicators, Scan, Action plan, ASSESSMENTS (on
 * ASSESSMENT_SHEETS), Methods, Sources, Notes and DATA_SHEETS */
GPtrArray *_equity_workbook_list_contents  (GPtrArray                   *entries,
                                            gboolean                     has_indicators,
                                            EquityScan                  *scan,
                                            gboolean                     has_plan,
                                            GPtrArray                   *assessments,
                                            GPtrArray                   *assessment_sheets,
                                            GPtrArray                   *data_sheets);
/* "internal:'Sheet'!A1", an apostrophe in the name doubled */
char    *_equity_workbook_internal_link    (const char                  *sheet);
/* The Cover: title, who prepared it and when, then every sheet of CONTENTS
 * linked, in order */
void     _equity_workbook_write_cover      (lxw_worksheet               *sheet,
                                            const EquityWorkbookFormats *formats,
                                            const char                  *title,
                                            const EquityWorkbookOptions *options,
                                            GPtrArray                   *contents);

/* An assessment's sheet: steps, questions, answers as text, what each
 * answer cites, completeness and status */
char    *_equity_workbook_assessment_sheet_name (EquityAssessment            *assessment,
                                                 GHashTable                  *used);
gboolean _equity_workbook_write_assessment (lxw_worksheet               *sheet,
                                            const EquityWorkbookFormats *formats,
                                            EquityProject               *project,
                                            EquityAssessment            *assessment,
                                            const char                  *footer_title,
                                            GError                     **error);

G_END_DECLS
