/* equity-workbook-plan.c — the council packet's Action plan sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row an action, in plan order: who leads it, by when, its status and
 * money, the indicators it should move with their status, and its latest
 * progress note. Overdue and off track are written as words, so the sheet
 * reads the same printed in black and white.
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "equity-plan.h"
#include "equity-project-items.h"
#include "equity-workbook-private.h"

/* "Name (off track); Name (on track)", the status as STATUSES hold it */
static char *
linked_indicators (EquityPlanAction *action,
                   GPtrArray        *indicators,
                   GHashTable       *statuses)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; action->indicators != NULL && i < action->indicators->len; i++)
    {
      gint64 id = g_array_index (action->indicators, gint64, i);

      for (guint k = 0; k < indicators->len; k++)
        {
          EquityIndicator *indicator = g_ptr_array_index (indicators, k);

          if (equity_indicator_get_id (indicator) != id)
            continue;
          g_string_append_printf (text, "%s%s (%s)", text->len > 0 ? "; " : "",
                                  equity_indicator_get_name (indicator),
                                  equity_indicator_status_to_label (equity_plan_get_indicator_status (statuses, id)));
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* the newest note by date, as "date: text" */
static char *
latest_note (EquityProject *project,
             gint64         action_id)
{
  g_autoptr(GPtrArray) notes = equity_project_list_notes (project, action_id, NULL);
  GHashTable *latest = NULL;

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      GHashTable *note = g_ptr_array_index (notes, i);

      if (latest == NULL || g_strcmp0 (g_hash_table_lookup (note, "date"), g_hash_table_lookup (latest, "date")) >= 0)
        latest = note;
    }
  if (latest == NULL)
    return g_strdup ("");
  return g_strdup_printf ("%s: %s", (char *) g_hash_table_lookup (latest, "date"),
                          (char *) g_hash_table_lookup (latest, "text"));
}

/* the columns' widths, in characters: long text wraps within them */
static const double plan_widths[] = { 28, 8, 40, 13, 13, 13, 13, 13, 13, 13, 36, 10, 10, 40 };

static void
write_money (lxw_worksheet               *sheet,
             lxw_row_t                    row,
             lxw_col_t                    column,
             double                       value,
             const EquityWorkbookFormats *formats)
{
  /* not given stays empty: a zero would say nothing was budgeted */
  if (isfinite (value))
    worksheet_write_number (sheet, row, column, value, formats->count_decimal);
}

GPtrArray *
_equity_workbook_list_plan (EquityProject               *project,
                            const EquityWorkbookOptions *options,
                            GHashTable                  *used,
                            GHashTable                  *statuses,
                            GError                     **error)
{
  GPtrArray *actions;

  if (options->skip_plan)
    return g_ptr_array_new ();
  actions = equity_plan_list_actions_unchecked (project, NULL, error);
  if (actions == NULL)
    return NULL;
  equity_plan_mark_off_track (actions, statuses);
  if (actions->len > 0)
    g_free (equity_workbook_sheet_name (_("Action plan"), used));
  return actions;
}

gboolean
_equity_workbook_write_plan (lxw_worksheet               *sheet,
                             const EquityWorkbookFormats *formats,
                             const char                  *footer_title,
                             EquityProject               *project,
                             GPtrArray                   *actions,
                             GPtrArray                   *indicators,
                             GHashTable                  *statuses,
                             GError                     **error)
{
  lxw_row_t r = 0, header;

  worksheet_write_string (sheet, r++, 0, _("Action plan"), formats->title);
  worksheet_write_string (sheet, r++, 0, _("Overdue: due before today and neither done nor dropped. Off track: "
                                           "an indicator the action is linked to is off track."), formats->note);
  r++;
  header = r;
  _equity_workbook_write_headings (sheet, r++, formats, _("Goal"), _("Number"), _("Action"), _("Lead department"),
                                   _("Lead person"), _("Due"), _("Status"), _("Priority"), _("Budget"), _("Spent"),
                                   _("Linked indicators"), _("Overdue"), _("Off track"), _("Latest progress note"),
                                   NULL);
  for (guint i = 0; i < actions->len; i++, r++)
    {
      EquityPlanAction *action = g_ptr_array_index (actions, i);
      g_autofree char *linked = linked_indicators (action, indicators, statuses);
      g_autofree char *note = latest_note (project, action->id);
      lxw_col_t c = 0;
      guint lines = 1;

      _equity_workbook_write_wrapped (sheet, r, c++, action->goal, plan_widths, formats, &lines);
      _equity_workbook_write_wrapped (sheet, r, c++, action->number, plan_widths, formats, &lines);
      _equity_workbook_write_wrapped (sheet, r, c++, action->title, plan_widths, formats, &lines);
      _equity_workbook_write_wrapped (sheet, r, c++, action->department, plan_widths, formats, &lines);
      _equity_workbook_write_wrapped (sheet, r, c++, action->owner, plan_widths, formats, &lines);
      _equity_workbook_write_wrapped (sheet, r, c++, action->due, plan_widths, formats, &lines);
      _equity_workbook_write_wrapped (sheet, r, c++, equity_plan_status_to_label (action->status), plan_widths, formats, &lines);
      _equity_workbook_write_wrapped (sheet, r, c++, action->priority, plan_widths, formats, &lines);
      write_money (sheet, r, c++, action->budget, formats);
      write_money (sheet, r, c++, action->spent, formats);
      _equity_workbook_write_wrapped (sheet, r, c++, linked, plan_widths, formats, &lines);
      _equity_workbook_write_wrapped (sheet, r, c++, action->overdue ? _("overdue") : _("no"), plan_widths, formats, &lines);
      _equity_workbook_write_wrapped (sheet, r, c++, action->off_track ? _("off track") : _("no"), plan_widths, formats, &lines);
      _equity_workbook_write_wrapped (sheet, r, c++, note, plan_widths, formats, &lines);
      _equity_workbook_set_row_lines (sheet, r, lines);
    }
  _equity_workbook_set_widths (sheet, plan_widths, G_N_ELEMENTS (plan_widths));
  _equity_workbook_hold_header (sheet, footer_title, header, 3);
  return TRUE;
}
