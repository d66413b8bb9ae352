/* equity-workbook-sheet.c — one analysis on its own sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Laid out as accessible public workbooks are (FRAMEWORK-ANCHORS §5): the
 * title, source and notes at the top of column A, then one real table with
 * one header row and no blank rows, markers instead of colour alone.
 */

#define G_LOG_DOMAIN "equity-workbook"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "equity-chart.h"
#include "equity-dataset-geometry.h"
#include "equity-error.h"
#include "equity-workbook-private.h"

/* A column of the sheet's table: a figure, or one end of its interval */
typedef enum
{
  PART_VALUE,
  PART_LOW,
  PART_HIGH,
  PART_COMPARED,   /* "higher", "lower", … than the reference */
  PART_MARKER,     /* [c], [u] */
} Part;

typedef struct
{
  EquityResultColumn column;
  Part               part;
  char              *header;
} SheetColumn;

static void
sheet_column_clear (gpointer data)
{
  g_free (((SheetColumn *) data)->header);
}

/* Figures a hidden count can be worked back from */
static gboolean
derived_from_count (EquityResultColumn column)
{
  switch (column)
    {
    case EQUITY_RESULT_COLUMN_NAME:
    case EQUITY_RESULT_COLUMN_POPULATION:
    case EQUITY_RESULT_COLUMN_POPULATION_SHARE:
    case EQUITY_RESULT_COLUMN_RELIABILITY:
      return FALSE;
    default:
      return TRUE;
    }
}

static gboolean
any_interval (EquityResult       *result,
              EquityResultColumn  column)
{
  for (guint i = 0; i < equity_result_get_n_rows (result); i++)
    {
      double low, high;

      equity_result_column_get_value (column, equity_result_get_row (result, i), &low, &high);
      if (isfinite (low) || isfinite (high))
        return TRUE;
    }
  return FALSE;
}

static GArray *
plan_columns (EquityWorkbookEntry *entry)
{
  GArray *plan = g_array_new (FALSE, FALSE, sizeof (SheetColumn));
  g_autoptr(GArray) shown = equity_result_list_columns (entry->result);
  double confidence = equity_result_get_confidence (entry->result);
  g_autofree char *level = equity_format_number (confidence * 100.0, fmod (confidence * 100.0, 1.0) == 0 ? 0 : 1);
  gboolean has_ratio = FALSE;

  g_array_set_clear_func (plan, sheet_column_clear);
  for (guint i = 0; i < shown->len; i++)
    {
      EquityResultColumn column = g_array_index (shown, EquityResultColumn, i);
      g_autofree char *title = equity_result_column_dup_title (column, entry->result);
      SheetColumn value = { column, PART_VALUE, NULL };

      /* the marker column below says which rows are hidden, in words */
      if (column == EQUITY_RESULT_COLUMN_SUPPRESSED)
        continue;
      value.header = g_strdup (title);
      g_array_append_val (plan, value);
      if (column == EQUITY_RESULT_COLUMN_RATIO)
        has_ratio = TRUE;
      if (equity_result_column_has_interval (column) && any_interval (entry->result, column))
        {
          /* survey estimates carry the Census Bureau's 90% margins, whatever the analysis' level */
          const char *at = column == EQUITY_RESULT_COLUMN_ESTIMATE ? "90" : level;
          /* Translators: a column title, "Rate per 1,000: lower 95% limit" */
          SheetColumn low = { column, PART_LOW, g_strdup_printf (_("%s: lower %s%% limit"), title, at) };
          /* Translators: a column title, "Rate per 1,000: upper 95% limit" */
          SheetColumn high = { column, PART_HIGH, g_strdup_printf (_("%s: upper %s%% limit"), title, at) };

          g_array_append_val (plan, low);
          g_array_append_val (plan, high);
        }
    }
  if (has_ratio)
    {
      SheetColumn compared = { EQUITY_RESULT_COLUMN_RATIO, PART_COMPARED, g_strdup (_("Compared with reference")) };

      g_array_append_val (plan, compared);
    }
  {
    SheetColumn marker = { EQUITY_RESULT_COLUMN_NAME, PART_MARKER, g_strdup (_("Marker")) };

    g_array_append_val (plan, marker);
  }
  return plan;
}

static lxw_format *
number_format (const EquityWorkbookFormats *formats,
               EquityResultColumn           column,
               double                       value)
{
  switch (equity_result_column_get_format (column))
    {
    case EQUITY_NUMBER_FORMAT_COUNT:
      return value == floor (value) ? formats->count : formats->count_decimal;
    case EQUITY_NUMBER_FORMAT_RATE: return formats->rate;
    case EQUITY_NUMBER_FORMAT_RATIO: return formats->ratio;
    case EQUITY_NUMBER_FORMAT_PERCENT: return formats->percent;
    case EQUITY_NUMBER_FORMAT_DECIMAL: return formats->decimal;
    case EQUITY_NUMBER_FORMAT_TEXT:
    case EQUITY_NUMBER_FORMAT_FLAG:
    default:
      return formats->text;
    }
}

/* "higher" when the whole interval of the ratio is above 1, … */
static const char *
compared_text (const EquityResultRow *row)
{
  if (row->is_reference)
    return _("reference");
  if (isfinite (row->ratio_low) && row->ratio_low > 1.0)
    return _("higher");
  if (isfinite (row->ratio_high) && row->ratio_high < 1.0)
    return _("lower");
  if (isfinite (row->ratio))
    return _("no difference the data can show");
  return "";
}

static char *
marker_text (const EquityResultRow *row)
{
  GString *text = g_string_new (NULL);

  if (equity_result_row_is_hidden (row))
    g_string_append (text, EQUITY_MARKER_SUPPRESSED);
  if (g_strcmp0 (row->reliability, "low") == 0)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", EQUITY_MARKER_UNRELIABLE);
  return g_string_free (text, FALSE);
}

/* Text is always written as text: an imported "=HYPERLINK(…)" stays words. */
static void
write_cell (lxw_worksheet               *sheet,
            lxw_row_t                    r,
            lxw_col_t                    c,
            const EquityWorkbookFormats *formats,
            const SheetColumn           *column,
            const EquityResultRow       *row)
{
  double value, low, high, number;
  g_autofree char *text = NULL;

  if (column->part == PART_MARKER)
    {
      text = marker_text (row);
      worksheet_write_string (sheet, r, c, text, formats->marker);
      return;
    }
  if (equity_result_row_is_hidden (row) && derived_from_count (column->column))
    {
      worksheet_write_string (sheet, r, c, EQUITY_MARKER_SUPPRESSED, formats->marker);
      return;
    }
  if (column->part == PART_COMPARED)
    {
      worksheet_write_string (sheet, r, c, compared_text (row), formats->text);
      return;
    }
  if (equity_result_column_get_format (column->column) == EQUITY_NUMBER_FORMAT_TEXT)
    {
      text = equity_result_column_dup_text (column->column, row);
      worksheet_write_string (sheet, r, c, text != NULL ? text : "", formats->text);
      return;
    }

  value = equity_result_column_get_value (column->column, row, &low, &high);
  number = column->part == PART_LOW ? low : column->part == PART_HIGH ? high : value;
  if (isfinite (number))
    worksheet_write_number (sheet, r, c, number, number_format (formats, column->column, value));
  else
    /* an open end or a figure that does not apply: said, never left blank */
    worksheet_write_string (sheet, r, c, column->part == PART_HIGH && isfinite (low) ? "∞" : "[x]",
                            formats->marker);
}

static void
write_native_chart (lxw_workbook        *workbook,
                    lxw_worksheet       *sheet,
                    EquityWorkbookEntry *entry,
                    GArray              *plan,
                    lxw_row_t            header_row,
                    lxw_row_t            anchor_row)
{
  lxw_row_t first = header_row + 1, last = header_row + equity_result_get_n_rows (entry->result);
  int value = -1, low = -1, high = -1;
  lxw_chart *chart;
  lxw_chart_line no_line = { .none = LXW_TRUE };
  lxw_chart_line high_low = { .color = 0x404040, .width = 1.5 };
  g_autofree char *title = NULL;

  /* the first figure with an interval; else the first figure */
  for (guint c = 0; c < plan->len && low < 0; c++)
    {
      SheetColumn *column = &g_array_index (plan, SheetColumn, c);

      if (column->part == PART_LOW)
        {
          low = c;
          high = c + 1;
          value = c - 1;
        }
    }
  for (guint c = 1; c < plan->len && value < 0; c++)
    if (g_array_index (plan, SheetColumn, c).part == PART_VALUE)
      value = c;
  if (value < 0 || equity_result_get_n_rows (entry->result) == 0)
    return;

  /* libxlsxwriter has no custom error bars: the interval is drawn as a
   * line chart's high-low lines between its two ends, the estimate a dot */
  chart = workbook_add_chart (workbook, LXW_CHART_LINE);
  title = g_strdup (g_array_index (plan, SheetColumn, value).header);
  chart_title_set_name (chart, title);
  {
    lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

    chart_series_set_categories (series, entry->sheet, first, 0, last, 0);
    chart_series_set_values (series, entry->sheet, first, value, last, value);
    chart_series_set_name (series, title);
    chart_series_set_line (series, &no_line);
    chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
    chart_series_set_marker_size (series, 7);
  }
  if (low >= 0)
    {
      for (int end = low; end <= high; end++)
        {
          lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

          chart_series_set_categories (series, entry->sheet, first, 0, last, 0);
          chart_series_set_values (series, entry->sheet, first, end, last, end);
          chart_series_set_name (series, g_array_index (plan, SheetColumn, end).header);
          chart_series_set_line (series, &no_line);
          chart_series_set_marker_type (series, LXW_CHART_MARKER_NONE);
        }
      chart_set_high_low_lines (chart, &high_low);
    }
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  {
    lxw_chart_options options = { .x_scale = 1.4, .y_scale = 1.3, .description = title };

    worksheet_insert_chart_opt (sheet, anchor_row, 0, chart, &options);
  }
}

static gboolean
insert_picture (lxw_worksheet       *sheet,
                EquityWorkbookEntry *entry,
                EquityProject       *project,
                lxw_row_t            anchor_row,
                GError             **error)
{
  g_autoptr(EquityChart) chart = equity_chart_new (entry->result);
  g_autoptr(GBytes) png = NULL;
  g_autofree char *description = NULL;
  lxw_image_options options = { .x_scale = 0.5, .y_scale = 0.5 };
  const char *map = equity_result_get_map_dataset (entry->result);

  /* the map when its areas can be read, else the bars of the same numbers */
  if (equity_chart_get_kind (chart) == EQUITY_CHART_MAP)
    {
      g_autoptr(EquityAreaSet) areas = map != NULL
        ? equity_dataset_load_areas (project, map, equity_result_get_map_key (entry->result), NULL) : NULL;

      if (areas != NULL)
        equity_chart_set_areas (chart, areas);
      else
        equity_chart_set_kind (chart, EQUITY_CHART_BARS);
    }
  png = equity_chart_to_png_bytes (chart, 1200, 800, NULL, error);
  if (png == NULL)
    return FALSE;
  description = equity_chart_dup_description (chart);
  options.description = description;
  if (worksheet_insert_image_buffer_opt (sheet, anchor_row, 0, g_bytes_get_data (png, NULL),
                                         g_bytes_get_size (png), &options) != LXW_NO_ERROR)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_FAILED, _("Could not put the chart of “%s” in the workbook"),
                   entry->name);
      return FALSE;
    }
  return TRUE;
}

gboolean
_equity_workbook_write_analysis (lxw_workbook                *workbook,
                                 lxw_worksheet               *sheet,
                                 const EquityWorkbookFormats *formats,
                                 EquityWorkbookEntry         *entry,
                                 EquityProject               *project,
                                 const char                  *footer_title,
                                 GError                     **error)
{
  g_autoptr(GArray) plan = plan_columns (entry);
  EquityResult *result = entry->result;
  guint n_rows = equity_result_get_n_rows (result);
  const char *units = equity_result_get_units (result);
  const char *source = equity_result_get_source_note (result);
  g_autofree lxw_table_column **headers = NULL;
  g_autofree lxw_table_column *header_cells = NULL;
  lxw_table_options table = { 0 };
  lxw_row_t r = 0, header_row, last_row;

  worksheet_write_string (sheet, r++, 0, equity_result_get_title (result), formats->title);
  if (units != NULL)
    worksheet_write_string (sheet, r++, 0, units, formats->subtitle);
  if (source != NULL)
    {
      /* Translators: the first words of a sheet's source line */
      g_autofree char *line = g_strdup_printf (_("Source: %s"), source);

      worksheet_write_string (sheet, r++, 0, line, formats->note);
    }
  for (guint i = 0; i < entry->notes->len; i++)
    {
      g_autofree char *label = g_strdup_printf (_("[note %u]"), entry->first_note + i);
      g_autofree char *line = g_strdup_printf ("%s %s", label, (char *) g_ptr_array_index (entry->notes, i));

      worksheet_write_string (sheet, r++, 0, line, formats->note);
    }
  if (entry->n_suppressed > 0)
    {
      g_autofree char *rule = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%s: counts from 1 to %u, every figure worked out from them, "
                                                            "and %u more row so that none can be had by subtraction, are not shown.",
                                                            "%s: counts from 1 to %u, every figure worked out from them, "
                                                            "and %u more rows so that none can be had by subtraction, are not shown.",
                                                            entry->n_secondary),
                                               EQUITY_MARKER_SUPPRESSED, entry->suppress_below - 1,
                                               entry->n_secondary);

      worksheet_write_string (sheet, r++, 0, rule, formats->note);
    }
  r++;

  header_row = r;
  headers = g_new0 (lxw_table_column *, plan->len + 1);
  header_cells = g_new0 (lxw_table_column, plan->len);
  for (guint c = 0; c < plan->len; c++)
    {
      header_cells[c].header = g_array_index (plan, SheetColumn, c).header;
      header_cells[c].header_format = formats->heading;
      headers[c] = &header_cells[c];
    }
  /* rows go out in order (the workbook keeps constant memory): the header
   * row's height and the table, which writes the header, come first */
  worksheet_set_row (sheet, header_row, 45, NULL);
  last_row = header_row + MAX (n_rows, 1);
  table.columns = headers;
  table.style_type = LXW_TABLE_STYLE_TYPE_MEDIUM;
  table.style_type_number = 2;
  if (formats->constant_memory)
    {
      /* libxlsxwriter has no tables in constant-memory mode: the same header,
       * with a filter on it */
      for (guint c = 0; c < plan->len; c++)
        worksheet_write_string (sheet, header_row, c, header_cells[c].header, formats->heading);
      worksheet_autofilter (sheet, header_row, 0, last_row, plan->len - 1);
    }
  else if (worksheet_add_table (sheet, header_row, 0, last_row, plan->len - 1, &table) != LXW_NO_ERROR)
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_FAILED, _("Could not write the table of “%s”"), entry->name);
      return FALSE;
    }
  for (guint i = 0; i < n_rows; i++)
    for (guint c = 0; c < plan->len; c++)
      write_cell (sheet, header_row + 1 + i, c, formats, &g_array_index (plan, SheetColumn, c),
                  equity_result_get_row (result, i));

  /* colour repeats what the "Compared with reference" words and the
   * markers say, never more */
  for (guint c = 0; c < plan->len; c++)
    if (g_array_index (plan, SheetColumn, c).part == PART_MARKER)
      {
        char column_name[16];
        g_autofree char *formula = NULL;
        lxw_conditional_format unreliable = { .type = LXW_CONDITIONAL_TYPE_FORMULA,
                                              .format = formats->unreliable };

        /* the whole row of a low-reliability estimate, greyed */
        lxw_col_to_name (column_name, c, LXW_TRUE);
        formula = g_strdup_printf ("=ISNUMBER(SEARCH(\"%s\",%s%u))", EQUITY_MARKER_UNRELIABLE, column_name,
                                   header_row + 2);
        unreliable.value_string = formula;
        worksheet_conditional_format_range (sheet, header_row + 1, 0, last_row, plan->len - 1, &unreliable);
      }
  for (guint c = 0; c < plan->len; c++)
    if (g_array_index (plan, SheetColumn, c).part == PART_COMPARED)
      {
        lxw_conditional_format higher = { .type = LXW_CONDITIONAL_TYPE_TEXT,
                                          .criteria = LXW_CONDITIONAL_CRITERIA_TEXT_BEGINS_WITH,
                                          .value_string = _("higher"), .format = formats->higher };
        lxw_conditional_format lower = { .type = LXW_CONDITIONAL_TYPE_TEXT,
                                         .criteria = LXW_CONDITIONAL_CRITERIA_TEXT_BEGINS_WITH,
                                         .value_string = _("lower"), .format = formats->lower };

        worksheet_conditional_format_range (sheet, header_row + 1, c, last_row, c, &higher);
        worksheet_conditional_format_range (sheet, header_row + 1, c, last_row, c, &lower);
      }

  worksheet_set_column (sheet, 0, 0, 34, NULL);
  worksheet_set_column (sheet, 1, plan->len - 1, 14, NULL);
  for (guint c = 0; c < plan->len; c++)
    if (g_array_index (plan, SheetColumn, c).part == PART_COMPARED)
      worksheet_set_column (sheet, c, c, 30, NULL);
  worksheet_freeze_panes (sheet, header_row + 1, 1);

  write_native_chart (workbook, sheet, entry, plan, header_row, last_row + 2);
  if (!insert_picture (sheet, entry, project, last_row + 24, error))
    return FALSE;

  _equity_workbook_print_setup (sheet, footer_title, plan->len > 6, header_row);
  worksheet_print_area (sheet, 0, 0, last_row + 24 + 21, plan->len - 1);
  return TRUE;
}

char *
_equity_workbook_cover_sentence (EquityWorkbookEntry *entry)
{
  g_autofree char *headline = equity_result_dup_headline (entry->result);

  for (guint i = 0; headline != NULL && i < equity_result_get_n_rows (entry->result); i++)
    {
      const EquityResultRow *row = equity_result_get_row (entry->result, i);

      if (equity_result_row_is_hidden (row)
          && strstr (headline, equity_result_row_get_name (row)) != NULL)
        return g_strdup (_("Its main figure rests on counts too small to publish; see its sheet."));
    }
  if (headline == NULL)
    /* Translators: the cover's line for an analysis with no one comparison, "65 rows, each with …" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row, with its margin of error or interval; see its sheet.",
                                         "%u rows, each with its margin of error or interval; see its sheet.",
                                         equity_result_get_n_rows (entry->result)),
                            equity_result_get_n_rows (entry->result));
  return g_steal_pointer (&headline);
}

void
_equity_workbook_print_setup (lxw_worksheet *sheet,
                              const char    *footer_title,
                              gboolean       landscape,
                              int            repeat_row)
{
  g_autoptr(GString) footer = g_string_new ("&L");
  lxw_header_footer_options options = { .margin = 0.3 };

  /* & starts a code in Excel's footers: a title's own & is doubled */
  for (const char *p = footer_title; p != NULL && *p != '\0'; p++)
    g_string_append (footer, *p == '&' ? "&&" : (char[]) { *p, '\0' });
  g_string_append (footer, _("&RPage &P of &N"));

  worksheet_set_paper (sheet, 1);  /* US letter */
  if (landscape)
    worksheet_set_landscape (sheet);
  else
    worksheet_set_portrait (sheet);
  worksheet_set_margins (sheet, 0.6, 0.6, 0.75, 0.75);
  worksheet_fit_to_pages (sheet, 1, 0);
  if (repeat_row >= 0)
    worksheet_repeat_rows (sheet, repeat_row, repeat_row);
  worksheet_set_footer_opt (sheet, footer->str, &options);
}

void
_equity_workbook_hold_header (lxw_worksheet *sheet,
                              const char    *footer_title,
                              lxw_row_t      header_row,
                              lxw_col_t      frozen_columns)
{
  worksheet_freeze_panes (sheet, header_row + 1, frozen_columns);
  _equity_workbook_print_setup (sheet, footer_title, TRUE, (int) header_row);
}

void
_equity_workbook_write_figure (lxw_worksheet               *sheet,
                               lxw_row_t                    row,
                               lxw_col_t                    column,
                               double                       value,
                               lxw_format                  *format,
                               const EquityWorkbookFormats *formats)
{
  if (isfinite (value))
    worksheet_write_number (sheet, row, column, value, format);
  else
    worksheet_write_string (sheet, row, column, EQUITY_MARKER_NOT_AVAILABLE, formats->marker);
}

void
_equity_workbook_set_widths (lxw_worksheet *sheet,
                             const double  *widths,
                             guint          n_widths)
{
  for (guint c = 0; c < n_widths; c++)
    worksheet_set_column (sheet, c, c, widths[c], NULL);
}
