/* equity-workbook-assessment.c — an equity-lens assessment on a sheet of its
 * own in the council packet: each step with its questions and answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "equity-assessment.h"
#include "equity-workbook-private.h"

/* the columns' widths, in characters: step, question, answer, citation
 * and completeness */
static const double assessment_widths[] = { 22, 45, 60, 30, 12 };

/* "Assessment - TITLE", unique among the workbook's sheets */
char *
_equity_workbook_assessment_sheet_name (EquityAssessment *assessment,
                                        GHashTable       *used)
{
  /* Translators: the name of a workbook sheet, %s is an assessment's title */
  g_autofree char *name = g_strdup_printf (_("Assessment - %s"), assessment->title);

  return equity_workbook_sheet_name (name, used);
}

/* Every cell is written as a string: an answer that starts with "=" is
 * the resident's words, never a formula. */
gboolean
_equity_workbook_write_assessment (lxw_worksheet               *sheet,
                                   const EquityWorkbookFormats *formats,
                                   EquityProject               *project,
                                   EquityAssessment            *assessment,
                                   const char                  *footer_title,
                                   GError                     **error)
{
  EquityLensTemplate *template = assessment->template;
  g_autofree char *info = NULL;
  g_autofree char *status = NULL;
  guint answered, total;
  lxw_row_t r = 0, header_row;

  worksheet_write_string (sheet, r++, 0, assessment->title, formats->title);
  /* Translators: department · program, policy or budget request · date */
  info = g_strdup_printf (_("%s · %s · %s"), assessment->department,
                          equity_assessment_subject_label (assessment->subject), assessment->date);
  worksheet_write_string (sheet, r++, 0, info, formats->subtitle);
  equity_assessment_complete (assessment, 0, &answered, &total);
  /* Translators: status, template and version, answered and questions */
  status = g_strdup_printf (_("Status: %s · %s, version %d · %u of %u questions answered"),
                            equity_assessment_status_label (assessment->status), template->name,
                            template->version, answered, total);
  worksheet_write_string (sheet, r++, 0, status, formats->note);
  r++;

  header_row = r;
  _equity_workbook_write_headings (sheet, r++, formats, _("Step"), _("Question"), _("Answer"),
                                   _("Cited analysis or dataset"), _("Step complete"), NULL);
  for (guint i = 0; i < template->steps->len; i++)
    {
      EquityLensStep *step = g_ptr_array_index (template->steps, i);
      /* Translators: a step's number and title */
      g_autofree char *step_title = g_strdup_printf (_("%u. %s"), step->number, step->title);
      double fraction = equity_assessment_complete (assessment, step->number, NULL, NULL);

      for (guint j = 0; j < step->questions->len; j++, r++)
        {
          const EquityLensQuestion *question = g_ptr_array_index (step->questions, j);
          EquityAnswer *answer = g_hash_table_lookup (assessment->answers, question->id);
          g_autofree char *text = equity_assessment_dup_answer_text (project, question, answer);
          g_autofree char *cited = answer != NULL ? equity_assessment_dup_cited_name (project, answer) : NULL;
          guint lines = 1;

          _equity_workbook_write_wrapped (sheet, r, 0, step_title, assessment_widths, formats, &lines);
          _equity_workbook_write_wrapped (sheet, r, 1, question->text, assessment_widths, formats, &lines);
          if (text != NULL)
            _equity_workbook_write_wrapped (sheet, r, 2, text, assessment_widths, formats, &lines);
          else
            worksheet_write_string (sheet, r, 2, _("Not answered"), formats->marker);
          _equity_workbook_write_wrapped (sheet, r, 3, cited, assessment_widths, formats, &lines);
          worksheet_write_number (sheet, r, 4, fraction, formats->percent);
          _equity_workbook_set_row_lines (sheet, r, lines);
        }
    }
  worksheet_autofilter (sheet, header_row, 0, MAX (r - 1, header_row), G_N_ELEMENTS (assessment_widths) - 1);
  _equity_workbook_set_widths (sheet, assessment_widths, G_N_ELEMENTS (assessment_widths));
  _equity_workbook_print_setup (sheet, footer_title, TRUE, header_row);
  return TRUE;
}
