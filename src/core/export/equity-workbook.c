/* equity-workbook.c — the council-packet workbook: cover, analyses, methods,
 * sources and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-workbook"

#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdarg.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "equity-analysis-fields.h"
#include "equity-analysis-private.h"
#include "equity-error.h"
#include "equity-saved-analysis.h"
#include "equity-cell-text.h"
#include "equity-dataset-reader.h"
#include "equity-indicator-evaluation.h"
#include "equity-plan.h"
#include "equity-workbook-private.h"

#define MAX_SHEET_NAME 31
/* Excel's last row is 1,048,576: one for the header, the rest for data */
#define MAX_DATA_ROWS  1048575
/* data sheets longer than this together are written in constant memory */
#define CONSTANT_MEMORY_ROWS 100000

static void
entry_free (gpointer data)
{
  EquityWorkbookEntry *entry = data;

  g_free (entry->name);
  g_free (entry->sheet);
  g_clear_object (&entry->analysis);
  g_clear_object (&entry->result);
  g_clear_pointer (&entry->notes, g_ptr_array_unref);
  g_free (entry);
}

char *
equity_workbook_sheet_name (const char *name,
                            GHashTable *used)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autofree char *candidate = NULL;
  glong length;

  for (const char *p = name != NULL ? name : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\", (int) c) != NULL || g_unichar_iscntrl (c))
        g_string_append_c (clean, ' ');
      else
        g_string_append_unichar (clean, c);
    }
  g_strstrip (clean->str);
  g_string_set_size (clean, strlen (clean->str));
  while (clean->len > 0 && clean->str[0] == '\'')
    g_string_erase (clean, 0, 1);
  while (clean->len > 0 && clean->str[clean->len - 1] == '\'')
    g_string_truncate (clean, clean->len - 1);
  if (clean->len == 0)
    g_string_assign (clean, _("Analysis"));

  for (guint n = 1; ; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup ("") : g_strdup_printf (" (%u)", n);
      g_autofree char *key = NULL;
      g_autofree char *stem = NULL;

      length = MIN (g_utf8_strlen (clean->str, -1), MAX_SHEET_NAME - g_utf8_strlen (suffix, -1));
      stem = g_utf8_substring (clean->str, 0, length);
      g_free (candidate);
      candidate = g_strconcat (stem, suffix, NULL);
      key = g_utf8_casefold (candidate, -1);
      if (!g_hash_table_contains (used, key))
        {
          g_hash_table_add (used, g_steal_pointer (&key));
          return g_steal_pointer (&candidate);
        }
    }
}

static lxw_format *
add_number_format (lxw_workbook *workbook,
                   const char   *pattern)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_num_format (format, pattern);
  /* level with the first line of wrapped text in the same row */
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  return format;
}

static void
add_formats (lxw_workbook          *workbook,
             EquityWorkbookFormats *formats)
{
  formats->title = workbook_add_format (workbook);
  format_set_bold (formats->title);
  format_set_font_size (formats->title, 16);
  formats->subtitle = workbook_add_format (workbook);
  format_set_italic (formats->subtitle);
  format_set_font_size (formats->subtitle, 12);
  formats->note = workbook_add_format (workbook);
  format_set_font_color (formats->note, 0x404040);
  formats->wrapped_note = workbook_add_format (workbook);
  format_set_font_color (formats->wrapped_note, 0x404040);
  format_set_text_wrap (formats->wrapped_note);
  format_set_align (formats->wrapped_note, LXW_ALIGN_VERTICAL_TOP);
  formats->heading = workbook_add_format (workbook);
  format_set_bold (formats->heading);
  format_set_text_wrap (formats->heading);
  format_set_align (formats->heading, LXW_ALIGN_VERTICAL_BOTTOM);
  format_set_align (formats->heading, LXW_ALIGN_CENTER);
  formats->link = workbook_add_format (workbook);
  format_set_underline (formats->link, LXW_UNDERLINE_SINGLE);
  format_set_font_color (formats->link, 0x1F4E9A);
  /* level with the first line of the cover's wrapped description beside it */
  format_set_align (formats->link, LXW_ALIGN_VERTICAL_TOP);
  formats->text = workbook_add_format (workbook);
  format_set_align (formats->text, LXW_ALIGN_VERTICAL_TOP);
  format_set_indent (formats->text, EQUITY_WORKBOOK_TEXT_INDENT);
  formats->wrap = workbook_add_format (workbook);
  format_set_text_wrap (formats->wrap);
  format_set_align (formats->wrap, LXW_ALIGN_VERTICAL_TOP);
  format_set_indent (formats->wrap, EQUITY_WORKBOOK_TEXT_INDENT);
  formats->count = add_number_format (workbook, "#,##0");
  formats->count_decimal = add_number_format (workbook, "#,##0.00");
  formats->rate = add_number_format (workbook, "#,##0.00");
  formats->ratio = add_number_format (workbook, "0.00");
  formats->percent = add_number_format (workbook, "0.0%");
  formats->decimal = add_number_format (workbook, "#,##0.0");
  /* a tiny p in full (2.17754407E-229) ran over the cells beside it */
  formats->p_value = add_number_format (workbook, "[<0.0001]0.0E+00;0.0000");
  formats->marker = workbook_add_format (workbook);
  format_set_align (formats->marker, LXW_ALIGN_RIGHT);
  format_set_align (formats->marker, LXW_ALIGN_VERTICAL_TOP);
  formats->higher = workbook_add_format (workbook);
  format_set_bg_color (formats->higher, 0xF8D7C4);
  format_set_indent (formats->higher, EQUITY_WORKBOOK_TEXT_INDENT);
  formats->lower = workbook_add_format (workbook);
  format_set_bg_color (formats->lower, 0xCFE3F3);
  format_set_indent (formats->lower, EQUITY_WORKBOOK_TEXT_INDENT);
  formats->unreliable = workbook_add_format (workbook);
  format_set_indent (formats->unreliable, EQUITY_WORKBOOK_TEXT_INDENT);
  format_set_bg_color (formats->unreliable, 0xE6E6E6);
  format_set_italic (formats->unreliable);
}

/* Runs each analysis asked for; the ones that cannot run stop the export
 * with their reason (a packet with a silent gap would mislead). */
static GPtrArray *
collect_entries (EquityProject                *project,
                 const EquityWorkbookOptions  *options,
                 GHashTable                   *used_names,
                 EquityProgressFunc            progress,
                 gpointer                      progress_data,
                 GCancellable                 *cancellable,
                 GError                      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GListModel *saved = equity_project_get_analyses (project);
  guint next_note = 1;

  if (options->analyses != NULL)
    for (guint i = 0; options->analyses[i] != NULL; i++)
      g_ptr_array_add (names, g_strdup (options->analyses[i]));
  else
    for (guint i = 0; i < g_list_model_get_n_items (saved); i++)
      {
        g_autoptr(EquitySavedAnalysis) analysis = g_list_model_get_item (saved, i);

        g_ptr_array_add (names, g_strdup (equity_saved_analysis_get_name (analysis)));
      }
  /* a workbook of data sheets alone is fine; of nothing at all, not */
  if (names->len == 0 && (options->datasets == NULL || options->datasets[0] == NULL))
    {
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_INVALID,
                   _("%s: the project has no saved analysis to export"), equity_project_get_path (project));
      return NULL;
    }

  for (guint i = 0; i < names->len; i++)
    {
      EquityWorkbookEntry *entry = g_new0 (EquityWorkbookEntry, 1);
      double per, confidence;
      const char * const *notes;

      g_ptr_array_add (entries, entry);
      entry->name = g_strdup (g_ptr_array_index (names, i));
      entry->notes = g_ptr_array_new_with_free_func (g_free);
      entry->analysis = equity_analysis_new_from_project (project, entry->name, error);
      if (entry->analysis == NULL)
        return NULL;
      if (!equity_analysis_get_settings (entry->analysis, &per, &confidence, &entry->suppress_below, error))
        return NULL;
      if (options->suppress_below > 0)
        entry->suppress_below = options->suppress_below;
      equity_analysis_set_double (entry->analysis, "suppress-below", entry->suppress_below);
      entry->result = equity_analysis_run (entry->analysis, project, NULL, NULL, cancellable, error);
      if (entry->result == NULL)
        return NULL;
      /* the run withheld the rows at this threshold: count what it hid */
      for (guint r = 0; r < equity_result_get_n_rows (entry->result); r++)
        {
          const EquityResultRow *row = equity_result_get_row (entry->result, r);

          entry->n_suppressed += equity_result_row_is_hidden (row);
          entry->n_secondary += row->suppressed_secondary;
        }
      entry->sheet = equity_workbook_sheet_name (entry->name, used_names);

      notes = equity_result_get_notes (entry->result);
      entry->first_note = next_note;
      for (guint n = 0; notes[n] != NULL; n++)
        g_ptr_array_add (entry->notes, g_strdup (notes[n]));
      next_note += entry->notes->len;

      if (progress != NULL)
        progress (0.6 * (i + 1) / names->len, progress_data);
    }
  return g_steal_pointer (&entries);
}

void
_equity_workbook_write_headings (lxw_worksheet               *sheet,
                                 lxw_row_t                    row,
                                 const EquityWorkbookFormats *formats,
                                 const char                  *first,
                                 ...)
{
  const char *title = first;
  lxw_col_t column = 0;
  va_list args;

  va_start (args, first);
  for (; title != NULL; title = va_arg (args, const char *))
    worksheet_write_string (sheet, row, column++, title, formats->heading);
  va_end (args);
}

/* the columns' widths on the Methods, Sources and Notes sheets, in
 * characters: what is longer wraps within them */
static const double methods_widths[] = { 44, 120, 12, 46 };
static const double sources_widths[] = { 46, 70, 14, 14, 44 };
static const double notes_widths[] = { 12, 30, 130 };

static void
write_methods (lxw_worksheet               *sheet,
               const EquityWorkbookFormats *formats,
               const char                  *title,
               GPtrArray                   *entries)
{
  lxw_row_t r = 0;

  worksheet_write_string (sheet, r++, 0, _("Methods"), formats->title);
  worksheet_write_string (sheet, r++, 0, _("The full formulas, with their sources, are in the program's "
                                            "methods page (docs/methods.md)."), formats->note);
  r++;
  _equity_workbook_write_headings (sheet, r++, formats, _("Analysis"), _("Method"), _("Confidence"), _("Small counts"), NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      EquityWorkbookEntry *entry = g_ptr_array_index (entries, i);
      const EquityKindInfo *info = equity_analysis_fields_find_kind (equity_result_get_kind (entry->result));
      g_autofree char *method = g_strdup_printf ("%s: %s", info != NULL ? _(info->label) : "",
                                                 info != NULL ? _(info->formula) : "");
      g_autofree char *rule = NULL;
      guint lines = 1;

      if (!equity_suppression_applies (entry->result))
        rule = g_strdup (_("not applied: no counts of people (see reliability)"));
      else if (entry->suppress_below > 1)
        rule = g_strdup_printf (_("1 to %u hidden, and what would reveal them"), entry->suppress_below - 1);
      else
        rule = g_strdup (_("none hidden"));

      _equity_workbook_write_wrapped (sheet, r, 0, entry->name, methods_widths, formats, &lines);
      _equity_workbook_write_wrapped (sheet, r, 1, method, methods_widths, formats, &lines);
      worksheet_write_number (sheet, r, 2, equity_result_get_confidence (entry->result), formats->percent);
      _equity_workbook_write_wrapped (sheet, r, 3, rule, methods_widths, formats, &lines);
      _equity_workbook_set_row_lines (sheet, r++, lines);
    }
  r++;
  {
    g_autofree char *bands = g_strdup_printf (_("Reliability of survey estimates (coefficient of variation): "
                                                "high up to %g%%, medium up to %g%%, low above (marked [u])."),
                                              EQUITY_ACS_CV_MEDIUM, EQUITY_ACS_CV_LOW);

    worksheet_write_string (sheet, r++, 0, bands, formats->note);
  }
  worksheet_write_string (sheet, r++, 0, _("Rates of counts: exact Poisson limits below 10 events, Byar's "
                                            "approximation from 10; ratios by the log method."), formats->note);
  _equity_workbook_set_widths (sheet, methods_widths, G_N_ELEMENTS (methods_widths));
  _equity_workbook_print_setup (sheet, title, TRUE, 3);
}

static void
write_sources (lxw_worksheet               *sheet,
               const EquityWorkbookFormats *formats,
               const char                  *title,
               EquityProject               *project,
               GPtrArray                   *entries)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  lxw_row_t r = 0;

  worksheet_write_string (sheet, r++, 0, _("Sources"), formats->title);
  r++;
  _equity_workbook_write_headings (sheet, r++, formats, _("Dataset"), _("Source"), _("Imported"), _("Rows"), _("Used by"), NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      EquityWorkbookEntry *entry = g_ptr_array_index (entries, i);
      const EquityKindInfo *info = equity_analysis_fields_find_kind (equity_result_get_kind (entry->result));

      for (guint f = 0; info != NULL && info->fields[f].key != NULL; f++)
        {
          g_autofree char *name = NULL;
          g_autofree char *imported = NULL;
          g_autofree char *source = NULL;
          EquityDataset *dataset;
          guint lines = 1;

          if (info->fields[f].type != EQUITY_FIELD_DATASET)
            continue;
          name = equity_analysis_dup_string (entry->analysis, info->fields[f].key);
          dataset = name != NULL ? equity_project_find_dataset (project, name) : NULL;
          if (dataset == NULL || g_hash_table_contains (seen, dataset))
            continue;
          g_hash_table_add (seen, dataset);
          /* a file by its base name, never the analyst's local path */
          source = _equity_source_display_name (equity_dataset_get_source (dataset));
          imported = equity_dataset_get_imported_at (dataset) != NULL
                     ? g_date_time_format (equity_dataset_get_imported_at (dataset), "%Y-%m-%d") : g_strdup ("");
          _equity_workbook_write_wrapped (sheet, r, 0, equity_dataset_get_name (dataset), sources_widths,
                                          formats, &lines);
          _equity_workbook_write_wrapped (sheet, r, 1, source, sources_widths, formats, &lines);
          worksheet_write_string (sheet, r, 2, imported, formats->text);
          worksheet_write_number (sheet, r, 3, equity_dataset_get_n_rows (dataset), formats->count);
          _equity_workbook_write_wrapped (sheet, r, 4, entry->name, sources_widths, formats, &lines);
          _equity_workbook_set_row_lines (sheet, r++, lines);
        }
    }
  _equity_workbook_set_widths (sheet, sources_widths, G_N_ELEMENTS (sources_widths));
  _equity_workbook_print_setup (sheet, title, TRUE, 2);
}

static void
write_notes (lxw_worksheet               *sheet,
             const EquityWorkbookFormats *formats,
             const char                  *title,
             GPtrArray                   *entries)
{
  static const struct { const char *marker; const char *meaning; } markers[] = {
    { EQUITY_MARKER_SUPPRESSED, N_("hidden to protect privacy: a count too small to publish, a figure worked out "
                                   "from one, or a figure that would let one be worked out by subtraction") },
    { EQUITY_MARKER_UNRELIABLE, N_("low reliability: a survey estimate whose coefficient of variation is above %g%%") },
    { "[x]", N_("not available: the figure does not apply to this row (an interval with no end, or no reference)") },
  };
  lxw_row_t r = 0;

  worksheet_write_string (sheet, r++, 0, _("Notes"), formats->title);
  worksheet_write_string (sheet, r++, 0, _("A zero is a true zero: it is shown, and it is never a hidden value."),
                          formats->note);
  r++;
  _equity_workbook_write_headings (sheet, r++, formats, _("Note"), _("Sheet"), _("Text"), NULL);
  for (guint m = 0; m < G_N_ELEMENTS (markers); m++)
    {
      g_autofree char *meaning = g_strdup_printf (_(markers[m].meaning), EQUITY_ACS_CV_LOW);
      guint lines = 1;

      worksheet_write_string (sheet, r, 0, markers[m].marker, formats->text);
      worksheet_write_string (sheet, r, 1, _("every sheet"), formats->text);
      _equity_workbook_write_wrapped (sheet, r, 2, meaning, notes_widths, formats, &lines);
      _equity_workbook_set_row_lines (sheet, r++, lines);
    }
  for (guint i = 0; i < entries->len; i++)
    {
      EquityWorkbookEntry *entry = g_ptr_array_index (entries, i);

      for (guint n = 0; n < entry->notes->len; n++)
        {
          /* Translators: a numbered note, as sheets refer to it: "[note 3]" */
          g_autofree char *label = g_strdup_printf (_("[note %u]"), entry->first_note + n);
          guint lines = 1;

          worksheet_write_string (sheet, r, 0, label, formats->text);
          _equity_workbook_write_wrapped (sheet, r, 1, entry->sheet, notes_widths, formats, &lines);
          _equity_workbook_write_wrapped (sheet, r, 2, g_ptr_array_index (entry->notes, n), notes_widths, formats, &lines);
          _equity_workbook_set_row_lines (sheet, r++, lines);
        }
    }
  _equity_workbook_set_widths (sheet, notes_widths, G_N_ELEMENTS (notes_widths));
  _equity_workbook_print_setup (sheet, title, TRUE, 3);
}

/* A dataset written whole, numbers as numbers, read with their stored
 * types; a dataset longer than a sheet goes on over more sheets, each
 * saying so. */
static gboolean
write_data_sheets (lxw_workbook                *workbook,
                   const EquityWorkbookFormats *formats,
                   EquityProject               *project,
                   const char                  *name,
                   const char                  *first_sheet,
                   GHashTable                  *used,
                   GCancellable                *cancellable,
                   GError                     **error)
{
  EquityDataset *dataset = equity_project_get_dataset (project, name, error);
  g_autoptr(EquityDatasetReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *columns;
  lxw_worksheet *sheet = NULL;
  guint64 n_rows, written = 0;
  lxw_row_t r = 0;

  if (dataset == NULL)
    return FALSE;
  columns = equity_dataset_get_columns (dataset);
  n_rows = equity_dataset_get_n_rows (dataset);
  reader = equity_dataset_reader_new_page (project, dataset, -1, 0, error);
  if (reader == NULL)
    return FALSE;

  do
    {
      gboolean more = written < n_rows && equity_dataset_reader_next (reader, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      /* a new sheet at the start and whenever one is full */
      if (sheet == NULL || (more && r > MAX_DATA_ROWS))
        {
          /* Translators: a data sheet's name, "Data - arrests", "Data - arrests (2)" */
          g_autofree char *title = g_strdup_printf (_("Data - %s"), name);
          /* the first one's name was taken when the cover linked to it */
          g_autofree char *sheet_name = sheet == NULL ? g_strdup (first_sheet)
                                                      : equity_workbook_sheet_name (title, used);
          guint64 end = MIN (n_rows, written + MAX_DATA_ROWS);

          sheet = workbook_add_worksheet (workbook, sheet_name);
          for (guint c = 0; c < columns->len; c++)
            worksheet_write_string (sheet, 0, c, equity_column_get_name (g_ptr_array_index (columns, c)),
                                    formats->heading);
          if (written > 0 || end < n_rows)
            {
              g_autofree char *note = g_strdup_printf (_("Rows %" PRIu64 " to %" PRIu64 " of %" PRIu64 " of “%s”: a sheet holds at most "
                                                         "1,048,575 rows"), written + 1, end, n_rows, name);

              worksheet_write_comment (sheet, 0, 0, note);
            }
          worksheet_freeze_panes (sheet, 1, 0);
          r = 1;
        }
      if (!more)
        break;

      for (guint c = 0; c < columns->len; c++)
        switch (equity_dataset_reader_get_kind (reader, c))
          {
          case EQUITY_CELL_INTEGER:
          case EQUITY_CELL_REAL:
            worksheet_write_number (sheet, r, c, equity_dataset_reader_get_double (reader, c), NULL);
            break;
          case EQUITY_CELL_TEXT:
            worksheet_write_string (sheet, r, c, equity_dataset_reader_get_text (reader, c), NULL);
            break;
          case EQUITY_CELL_BLOB:
            {
              gsize length = 0;
              const guint8 *blob = equity_dataset_reader_get_blob (reader, c, &length);
              g_autofree char *shape = equity_describe_wkb (blob, length);

              worksheet_write_string (sheet, r, c, shape, NULL);
            }
            break;
          case EQUITY_CELL_NULL:
          default:
            break;
          }
      r++;
      written++;
      if ((written & 0xffff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  while (TRUE);
  return TRUE;
}

static guint64
count_data_rows (EquityProject               *project,
                 const EquityWorkbookOptions *options)
{
  guint64 n = 0;

  for (guint i = 0; options->datasets != NULL && options->datasets[i] != NULL; i++)
    {
      EquityDataset *dataset = equity_project_find_dataset (project, options->datasets[i]);

      if (dataset != NULL)
        n += equity_dataset_get_n_rows (dataset);
    }
  return n;
}

static gboolean
set_write_error (const char  *path,
                 lxw_error    code,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (code == LXW_ERROR_CREATING_XLSX_FILE || code == LXW_ERROR_CREATING_TMPFILE)
    g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_FAILED,
                 _("%s: the workbook could not be written in %s (is the folder read-only, or the disk full?)"),
                 path, dir);
  else
    g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_FAILED, _("%s: the workbook could not be written: %s"),
                 path, lxw_strerror (code));
  return FALSE;
}

gboolean
equity_workbook_export (EquityProject                *project,
                        const char                   *path,
                        const EquityWorkbookOptions  *options,
                        EquityProgressFunc            progress,
                        gpointer                      progress_data,
                        GCancellable                 *cancellable,
                        GError                      **error)
{
  static const EquityWorkbookOptions defaults = { 0 };
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) evaluations = NULL;
  g_autoptr(GPtrArray) data_sheets = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *project_title = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(EquityScan) scan = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GHashTable) plan_statuses = NULL;
  g_autoptr(GPtrArray) assessments = g_ptr_array_new_with_free_func ((GDestroyNotify) equity_assessment_free);
  g_autoptr(GPtrArray) assessment_sheets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contents = NULL;
  const char *title;
  lxw_workbook_options workbook_options = { 0 };
  lxw_doc_properties properties = { 0 };
  EquityWorkbookFormats formats;
  lxw_workbook *workbook;
  lxw_worksheet *cover;
  lxw_error code;
  int fd;

  g_return_val_if_fail (EQUITY_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  project_title = equity_project_dup_title (project);
  title = options->title != NULL && *options->title != '\0' ? options->title : project_title;

  /* the fixed sheets' names are taken first */
  g_free (equity_workbook_sheet_name (_("Cover"), used));
  g_free (equity_workbook_sheet_name (_("Methods"), used));
  g_free (equity_workbook_sheet_name (_("Sources"), used));
  g_free (equity_workbook_sheet_name (_("Notes"), used));
  entries = collect_entries (project, options, used, progress, progress_data, cancellable, error);
  if (entries == NULL)
    return FALSE;
  indicators = equity_project_list_indicators (project, error);
  if (indicators == NULL)
    return FALSE;
  /* evaluated once, for their sheet and for the plan's off-track marks */
  evaluations = equity_indicator_evaluate_each (project, indicators, cancellable, error);
  if (evaluations == NULL)
    return FALSE;
  plan_statuses = equity_plan_statuses_of_evaluations (indicators, evaluations);
  if (indicators->len > 0)
    g_free (equity_workbook_sheet_name (_("Indicators"), used));
  /* the latest stored scan joins the packet on a sheet of its own */
  scan = equity_scan_load_latest (project, error);
  if (scan == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (scan != NULL)
    g_free (equity_workbook_sheet_name (_("Scan"), used));
  plan = _equity_workbook_list_plan (project, options, used, plan_statuses, error);
  if (plan == NULL)
    return FALSE;
  /* each assessment chosen on a sheet of its own */
  for (guint i = 0; options->assessments != NULL && options->assessments[i] != 0; i++)
    {
      EquityAssessment *assessment = equity_assessment_load (project, options->assessments[i], error);

      if (assessment == NULL)
        return FALSE;
      g_ptr_array_add (assessments, assessment);
      g_ptr_array_add (assessment_sheets, _equity_workbook_assessment_sheet_name (assessment, used));
    }

  /* beside the target, so the final rename cannot cross file systems */
  dir = g_path_get_dirname (path);
  partial = g_build_filename (dir, ".equity-workbook-XXXXXX.xlsx", NULL);
  fd = g_mkstemp_full (partial, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_FAILED,
                   _("%s: the workbook could not be written in %s: %s"), path, dir, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  workbook_options.tmpdir = dir;
  /* with big data sheets every row is flushed to a temporary file when the
   * next one starts, so a million rows cost no more memory than a hundred */
  workbook_options.constant_memory = count_data_rows (project, options) > CONSTANT_MEMORY_ROWS;
  workbook = workbook_new_opt (partial, &workbook_options);
  if (workbook == NULL)
    {
      g_unlink (partial);
      return set_write_error (path, LXW_ERROR_CREATING_XLSX_FILE, error);
    }
  add_formats (workbook, &formats);
  formats.constant_memory = workbook_options.constant_memory;

  cover = workbook_add_worksheet (workbook, _("Cover"));
  for (guint i = 0; options->datasets != NULL && options->datasets[i] != NULL; i++)
    {
      g_autofree char *data_title = g_strdup_printf (_("Data - %s"), options->datasets[i]);

      g_ptr_array_add (data_sheets, equity_workbook_sheet_name (data_title, used));
    }
  contents = _equity_workbook_list_contents (entries, indicators->len > 0, scan, plan->len > 0, assessments,
                                             assessment_sheets, data_sheets);
  _equity_workbook_write_cover (cover, &formats, title, options, contents);
  for (guint i = 0; i < entries->len; i++)
    {
      EquityWorkbookEntry *entry = g_ptr_array_index (entries, i);
      lxw_worksheet *sheet = workbook_add_worksheet (workbook, entry->sheet);

      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !_equity_workbook_write_analysis (workbook, sheet, &formats, entry, project, title, error))
        {
          workbook_close (workbook);
          g_unlink (partial);
          return FALSE;
        }
      if (progress != NULL)
        progress (0.6 + 0.3 * (i + 1) / entries->len, progress_data);
    }
  if (indicators->len > 0
      && !_equity_workbook_write_indicators (workbook_add_worksheet (workbook, _("Indicators")), &formats, title,
                                             project, indicators, evaluations, error))
    {
      workbook_close (workbook);
      g_unlink (partial);
      return FALSE;
    }
  if ((scan != NULL
       && !_equity_workbook_write_scan (workbook_add_worksheet (workbook, _("Scan")), &formats, scan, title, error))
      || (plan->len > 0
          && !_equity_workbook_write_plan (workbook_add_worksheet (workbook, _("Action plan")), &formats, title,
                                           project, plan, indicators, plan_statuses, error)))
    {
      workbook_close (workbook);
      g_unlink (partial);
      return FALSE;
    }
  for (guint i = 0; i < assessments->len; i++)
    if (!_equity_workbook_write_assessment (workbook_add_worksheet (workbook, g_ptr_array_index (assessment_sheets, i)),
                                            &formats, project, g_ptr_array_index (assessments, i), title, error))
      {
        workbook_close (workbook);
        g_unlink (partial);
        return FALSE;
      }
  write_methods (workbook_add_worksheet (workbook, _("Methods")), &formats, title, entries);
  write_sources (workbook_add_worksheet (workbook, _("Sources")), &formats, title, project, entries);
  write_notes (workbook_add_worksheet (workbook, _("Notes")), &formats, title, entries);
  for (guint i = 0; options->datasets != NULL && options->datasets[i] != NULL; i++)
    if (!write_data_sheets (workbook, &formats, project, options->datasets[i],
                            g_ptr_array_index (data_sheets, i), used, cancellable, error))
      {
        workbook_close (workbook);
        g_unlink (partial);
        return FALSE;
      }

  properties.title = (char *) title;
  properties.subject = (char *) _("Equity analysis for a council packet");
  properties.author = (char *) (options->prepared_by != NULL ? options->prepared_by : g_get_real_name ());
  properties.company = (char *) (options->department != NULL ? options->department : "");
  properties.comments = (char *) _("Made with Asheville Equity");
  workbook_set_properties (workbook, &properties);
  worksheet_activate (cover);
  worksheet_set_selection (cover, 0, 0, 0, 0);

  code = workbook_close (workbook);
  if (code != LXW_NO_ERROR)
    {
      g_unlink (partial);
      return set_write_error (path, code, error);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (partial);
      return FALSE;
    }
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_unlink (partial);
      g_set_error (error, EQUITY_ERROR, EQUITY_ERROR_FAILED, _("%s: the workbook could not be put in place: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}
