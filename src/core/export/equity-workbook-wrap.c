/* equity-workbook-wrap.c — rows tall enough for the text wrapped in them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxlsxwriter 1.1.4 cannot fit a row to its wrapped text, and Excel and
 * LibreOffice keep a row's stored height on opening: a long cell left at
 * the default height prints over the row beneath it. The writer counts the
 * lines each wrapped cell takes and gives its row one default row height
 * (15 pt) per line of the tallest.
 */

#include "config.h"

#include <string.h>

#include "equity-workbook-private.h"

/* Prose is narrower than the digit a column's width counts: the scan's
 * sentence printed (LibreOffice, Carlito for Calibri) 113 characters on the
 * first line of a 90-wide column, 1.26 a width; 1.15 leaves a margin for
 * wide letters and bold. */
#define PROSE_CHARACTERS_PER_WIDTH 1.15

/* the lines one paragraph (no line breaks) takes, broken greedily between
 * words as a spreadsheet does, a word longer than a line broken inside it */
static guint
paragraph_lines (const char *start,
                 const char *end,
                 glong       per_line)
{
  guint lines = 1;
  glong used = 0;
  const char *p = start;

  while (p < end)
    {
      const char *word_end;
      glong length;

      while (p < end && *p == ' ')
        p++;
      if (p == end)
        break;
      word_end = p;
      while (word_end < end && *word_end != ' ')
        word_end++;
      length = g_utf8_strlen (p, word_end - p);
      if (used > 0 && used + 1 + length <= per_line)
        used += 1 + length;
      else
        {
          if (used > 0)
            lines++;
          /* a word longer than the line fills whole lines of its own */
          while (length > per_line)
            {
              lines++;
              length -= per_line;
            }
          used = length;
        }
      p = word_end;
    }
  return lines;
}

guint
_equity_workbook_wrapped_lines (const char *text,
                                double      width)
{
  glong per_line = MAX (1, (glong) (width * PROSE_CHARACTERS_PER_WIDTH));
  guint lines = 0;
  const char *p = text;

  if (text == NULL || *text == '\0')
    return 1;
  for (;;)
    {
      const char *newline = strchr (p, '\n');
      const char *end = newline != NULL ? newline : p + strlen (p);

      lines += paragraph_lines (p, end, per_line);
      if (newline == NULL)
        break;
      p = newline + 1;
    }
  return lines;
}

void
_equity_workbook_write_wrapped (lxw_worksheet               *sheet,
                                lxw_row_t                    row,
                                lxw_col_t                    column,
                                const char                  *text,
                                const double                *widths,
                                const EquityWorkbookFormats *formats,
                                guint                       *lines)
{
  guint text_lines = _equity_workbook_wrapped_lines (text, widths[column] - EQUITY_WORKBOOK_TEXT_INDENT_WIDTH);

  /* typed text is a string cell, never a formula */
  worksheet_write_string (sheet, row, column, text != NULL ? text : "", formats->wrap);
  *lines = MAX (*lines, text_lines);
}

void
_equity_workbook_set_row_lines (lxw_worksheet *sheet,
                                lxw_row_t      row,
                                guint          lines)
{
  if (lines > 1)
    worksheet_set_row (sheet, row, lines * LXW_DEF_ROW_HEIGHT, NULL);
}

void
_equity_workbook_write_wide_note (lxw_worksheet               *sheet,
                                  lxw_row_t                    row,
                                  const char                  *text,
                                  const double                *widths,
                                  guint                        n_widths,
                                  const EquityWorkbookFormats *formats)
{
  double width = 0;

  for (guint c = 0; c < n_widths; c++)
    width += widths[c];
  worksheet_merge_range (sheet, row, 0, row, n_widths - 1, text, formats->wrapped_note);
  _equity_workbook_set_row_lines (sheet, row, _equity_workbook_wrapped_lines (text, width));
}
