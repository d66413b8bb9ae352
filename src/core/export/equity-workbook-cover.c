/* equity-workbook-cover.c — the council packet's cover: who prepared it,
 * then every sheet of the workbook, linked, with a line on what it holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-workbook"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "equity-workbook-private.h"

typedef struct
{
  char *sheet;
  char *label;
  char *description;
} Content;

static void
content_free (gpointer data)
{
  Content *content = data;

  g_free (content->sheet);
  g_free (content->label);
  g_free (content->description);
  g_free (content);
}

GPtrArray *
_equity_workbook_contents_new (void)
{
  return g_ptr_array_new_with_free_func (content_free);
}

void
_equity_workbook_contents_add (GPtrArray  *contents,
                               const char *sheet,
                               const char *label,
                               const char *description)
{
  Content *content = g_new0 (Content, 1);

  content->sheet = g_strdup (sheet);
  content->label = g_strdup (label != NULL ? label : sheet);
  content->description = g_strdup (description);
  g_ptr_array_add (contents, content);
}

GPtrArray *
_equity_workbook_list_contents (GPtrArray  *entries,
                                gboolean    has_indicators,
                                EquityScan *scan,
                                gboolean    has_plan,
                                GPtrArray  *assessments,
                                GPtrArray  *assessment_sheets,
                                GPtrArray  *data_sheets)
{
  static const struct { const char *sheet; const char *what; } closing[] = {
    { N_("Methods"), N_("How each figure is computed, the confidence level and the rules applied") },
    { N_("Sources"), N_("Each dataset used: its file, when it was imported, its rows") },
    { N_("Notes"), N_("Every numbered note and what the markers [c], [u] and [x] mean") },
  };
  GPtrArray *contents = _equity_workbook_contents_new ();

  for (guint i = 0; i < entries->len; i++)
    {
      EquityWorkbookEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *sentence = _equity_workbook_cover_sentence (entry);

      _equity_workbook_contents_add (contents, entry->sheet, entry->name, sentence);
    }
  if (has_indicators)
    _equity_workbook_contents_add (contents, _("Indicators"), NULL,
                                   _("Each equity indicator by year: score, change, status and the rates behind them"));
  if (scan != NULL)
    {
      g_autofree char *fdr = equity_scan_dup_fdr_note (scan);

      _equity_workbook_contents_add (contents, _("Scan"), NULL, fdr);
    }
  if (has_plan)
    _equity_workbook_contents_add (contents, _("Action plan"), NULL,
                                   _("Each action: lead, due date, status, budget, the indicators it "
                                     "should move, overdue and off track"));
  for (guint i = 0; i < assessments->len; i++)
    {
      EquityAssessment *assessment = g_ptr_array_index (assessments, i);
      /* Translators: an assessment's sheet on the cover: its department,
       * then its status, e.g. "Parks and Recreation · draft: each step's
       * questions and answers, and what they cite" */
      g_autofree char *what = g_strdup_printf (_("%s · %s: each step’s questions and answers, and what they cite"),
                                               assessment->department != NULL ? assessment->department : "",
                                               equity_assessment_status_label (assessment->status));

      _equity_workbook_contents_add (contents, g_ptr_array_index (assessment_sheets, i), NULL, what);
    }
  for (guint i = 0; i < G_N_ELEMENTS (closing); i++)
    _equity_workbook_contents_add (contents, _(closing[i].sheet), NULL, _(closing[i].what));
  for (guint i = 0; i < data_sheets->len; i++)
    _equity_workbook_contents_add (contents, g_ptr_array_index (data_sheets, i), NULL,
                                   _("The rows of a dataset, for readers who check the figures"));
  return contents;
}

/* Excel's reference to a sheet's first cell: the name in apostrophes, an
 * apostrophe in it doubled ("It's" → 'It''s'!A1) */
char *
_equity_workbook_internal_link (const char *sheet)
{
  g_autoptr(GString) link = g_string_new ("internal:'");

  for (const char *c = sheet; *c != '\0'; c++)
    {
      if (*c == '\'')
        g_string_append_c (link, '\'');
      g_string_append_c (link, *c);
    }
  g_string_append (link, "'!A1");
  return g_string_free (g_steal_pointer (&link), FALSE);
}

/* the contents' columns, in Excel's widths (characters of its default
 * font's digit, 7 px at 96 dpi): 40 + 90 are 920 px, 9.6 in, inside a
 * landscape letter page's 9.8 in between its 0.6 in margins */
#define LABEL_WIDTH        40
#define DESCRIPTION_WIDTH  90

static const double contents_widths[] = { LABEL_WIDTH, DESCRIPTION_WIDTH };

void
_equity_workbook_write_cover (lxw_worksheet               *sheet,
                              const EquityWorkbookFormats *formats,
                              const char                  *title,
                              const EquityWorkbookOptions *options,
                              GPtrArray                   *contents)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  const char *who = options->prepared_by != NULL ? options->prepared_by : g_get_real_name ();
  g_autofree char *prepared = NULL;
  lxw_row_t r = 0;

  if (options->department != NULL && *options->department != '\0')
    /* Translators: "Prepared by Maya Lopez, Office of Equity, on 2026-12-03" */
    prepared = g_strdup_printf (_("Prepared by %s, %s, on %s"), who, options->department, date);
  else
    prepared = g_strdup_printf (_("Prepared by %s on %s"), who, date);

  worksheet_write_string (sheet, r++, 0, title, formats->title);
  worksheet_write_string (sheet, r++, 0, prepared, formats->subtitle);
  r++;
  worksheet_write_string (sheet, r++, 0, _("Contents"), formats->heading);
  _equity_workbook_write_headings (sheet, r++, formats, _("Sheet"), _("What it finds"), NULL);
  for (guint i = 0; i < contents->len; i++)
    {
      Content *content = g_ptr_array_index (contents, i);
      g_autofree char *link = _equity_workbook_internal_link (content->sheet);
      guint lines = 1;

      worksheet_write_url_opt (sheet, r, 0, link, formats->link, content->label, NULL);
      /* wrapped within its column: a long one (the scan's) ran past the printed page */
      _equity_workbook_write_wrapped (sheet, r, 1, content->description, contents_widths, formats, &lines);
      _equity_workbook_set_row_lines (sheet, r++, lines);
    }
  worksheet_set_column (sheet, 0, 0, LABEL_WIDTH, NULL);
  worksheet_set_column (sheet, 1, 1, DESCRIPTION_WIDTH, NULL);
  _equity_workbook_print_setup (sheet, title, TRUE, -1);
  worksheet_print_area (sheet, 0, 0, r, 1);
}
