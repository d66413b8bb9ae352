/* test-xlsx-stream.c — the streaming XLSX reader against GDAL's, cell by cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GDAL's XLSX driver (through the OGR record source) is the independent
 * reader: on every sheet of the real workbooks in tests/data/xlsx both must
 * give the same column names, the same rows on the same sheet lines and the
 * same value in every cell, and where GDAL fixes a column's type, the
 * importer's inference over our text must reach that type.
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <cpl_vsi.h>

#include "equity-error.h"
#include "equity-record-source.h"
#include "equity-type-guess.h"
#include "equity-xlsx.h"
#include "test-util.h"

/* A number cell may be written differently for the same binary value: GDAL
 * prints it with 15 digits in a column it types, as the file has it
 * ("80.540000000000006") in one it leaves as text; ours has 15 digits
 * whenever they give the same value. Then both must be that one double. */
static gboolean
same_value (const char *gdal,
            const char *ours)
{
  char *end_gdal = NULL, *end_ours = NULL;
  double a, b;

  if (g_str_equal (gdal, ours))
    return TRUE;
  a = g_ascii_strtod (gdal, &end_gdal);
  b = g_ascii_strtod (ours, &end_ours);
  return end_gdal != gdal && *end_gdal == '\0' && end_ours != ours && *end_ours == '\0' && a == b;
}

static void
compare_sheet (const char *path,
               const char *sheet)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityRecordSource) gdal = equity_record_source_new_ogr (file, sheet, &error);
  g_autoptr(EquityRecordSource) ours = NULL;
  g_autofree EquityTypeGuess *guesses = NULL;
  guint64 n_rows = 0, n_cells = 0;
  guint n_fields;

  g_assert_no_error (error);
  ours = equity_record_source_new_xlsx (file, sheet, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ours->format, ==, "XLSX");
  g_assert_false (ours->header_in_data);
  g_assert_cmpuint (ours->names->len, ==, gdal->names->len);
  for (guint i = 0; i < gdal->names->len; i++)
    g_assert_cmpstr (g_ptr_array_index (ours->names, i), ==, g_ptr_array_index (gdal->names, i));
  {
    g_autofree char *a = gdal->funcs->describe (gdal);
    g_autofree char *b = ours->funcs->describe (ours);
    g_assert_cmpstr (b, ==, a);
  }

  n_fields = gdal->funcs->n_fields (gdal);
  guesses = g_new0 (EquityTypeGuess, n_fields);
  for (guint i = 0; i < n_fields; i++)
    equity_type_guess_init (&guesses[i]);

  while (gdal->funcs->next (gdal, NULL, &error))
    {
      g_assert_no_error (error);
      g_assert_true (ours->funcs->next (ours, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (ours->funcs->line (ours), ==, gdal->funcs->line (gdal));
      g_assert_cmpuint (ours->funcs->n_fields (ours), ==, n_fields);
      for (guint i = 0; i < n_fields; i++)
        {
          gsize length;
          const char *a = gdal->funcs->field (gdal, i, NULL);
          const char *b = ours->funcs->field (ours, i, &length);
          if (!same_value (a, b))
            g_error ("%s, sheet %s, line %" G_GUINT64_FORMAT ", field %u: GDAL “%s”, ours “%s”", path,
                     sheet, gdal->funcs->line (gdal), i, a, b);
          equity_type_guess_add (&guesses[i], b, length);
          n_cells++;
        }
      n_rows++;
    }
  g_assert_no_error (error);
  g_assert_false (ours->funcs->next (ours, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (ours->funcs->fraction (ours), ==, 1.0);

  for (guint i = 0; i < n_fields; i++)
    {
      int fixed = gdal->funcs->field_type (gdal, i);
      guint layout;
      gboolean ambiguous;
      EquityColumnType inferred = equity_type_guess_result (&guesses[i], FALSE, &layout, &ambiguous);

      if (fixed >= 0 && guesses[i].n_values > 0)
        {
          if ((int) inferred != fixed)
            g_error ("%s, sheet %s, column %s: GDAL's type %d, inferred %d", path, sheet,
                     (char *) g_ptr_array_index (gdal->names, i), fixed, inferred);
        }
      equity_type_guess_clear (&guesses[i]);
    }
  g_test_message ("%s, sheet %s: %" G_GUINT64_FORMAT " rows, %" G_GUINT64_FORMAT " cells alike",
                  path, sheet, n_rows, n_cells);
  g_assert_cmpuint (n_rows, >, 0);
}

static void
test_real_workbooks (void)
{
  g_autofree char *folder = test_data_path ("xlsx", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n_sheets = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(EquityXlsxBook) book = NULL;
      g_autoptr(GError) error = NULL;
      gboolean unsupported;

      if (!g_str_has_suffix (name, ".xlsx"))
        continue;
      book = equity_xlsx_book_open (path, name, &unsupported, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < book->sheet_names->len; i++, n_sheets++)
        compare_sheet (path, g_ptr_array_index (book->sheet_names, i));
    }
  /* five workbooks, the candidates' with two sheets */
  g_assert_cmpuint (n_sheets, ==, 6);
}

/* A workbook written member by member, for what real files rarely show */
static char *
write_workbook (const char *dir,
                const char *name,
                const char *workbook_pr,
                const char *strings,
                const char *styles,
                const char *sheet)
{
  char *path = g_build_filename (dir, name, NULL);
  const char *members[][2] = {
    { "xl/workbook.xml", NULL },
    { "xl/_rels/workbook.xml.rels",
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
      " Target=\"worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\""
      " Target=\"/xl/sharedStrings.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\""
      " Target=\"styles.xml\"/></Relationships>" },
    { "xl/sharedStrings.xml", strings },
    { "xl/styles.xml", styles },
    { "xl/worksheets/sheet1.xml", sheet },
  };
  g_autofree char *workbook = g_strdup_printf (
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">%s"
    "<sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>", workbook_pr);

  members[0][1] = workbook;
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autofree char *vsi = g_strdup_printf ("/vsizip/%s/%s", path, members[i][0]);
      VSILFILE *file = VSIFOpenL (vsi, "wb");

      g_assert_nonnull (file);
      g_assert_cmpuint (VSIFWriteL (members[i][1], 1, strlen (members[i][1]), file), ==, strlen (members[i][1]));
      g_assert_cmpint (VSIFCloseL (file), ==, 0);
    }
  return path;
}

#define STRINGS "<sst><si><t>name</t></si><si><t>when</t></si><si><r><t>ru</t></r><r><t>n</t></r>" \
                "<rPh><t>ignored</t></rPh></si><si><t xml:space=\"preserve\"> x </t></si></sst>"
/* styles: 0 general, 1 built-in 14 (date), 2 custom yyyy-mm-dd hh:mm, 3 custom "[Red]0.00" */
#define STYLES "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd hh:mm\"/>" \
               "<numFmt numFmtId=\"165\" formatCode=\"[Red]0.00&quot;d&quot;\"/></numFmts>" \
               "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs><xf numFmtId=\"0\"/>" \
               "<xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/></cellXfs></styleSheet>"

static EquityRecordSource *
open_written (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return equity_record_source_new_xlsx (file, NULL, error);
}

static void
check_row (EquityRecordSource *source,
           guint64             line,
           const char * const *cells)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (source->funcs->next (source, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (source->funcs->line (source), ==, line);
  for (guint i = 0; cells[i] != NULL; i++)
    g_assert_cmpstr (source->funcs->field (source, i, NULL), ==, cells[i]);
}

static void
test_cells (TestScratch   *fixture,
            gconstpointer  data)
{
  /* row 1 has a title alone; the header is row 3 (the first with two cells);
   * B and D are named by the header, C is empty in it, E only above it */
  static const char sheet[] =
    "<worksheet><sheetData>"
    "<row r=\"1\"><c r=\"E1\" t=\"inlineStr\"><is><t>Title</t></is></c></row>"
    "<row r=\"3\"><c r=\"B3\" t=\"s\"><v>0</v></c><c r=\"D3\" t=\"s\"><v>1</v></c></row>"
    "<row r=\"4\"><c r=\"B4\" t=\"s\"><v>2</v></c><c t=\"b\"><v>1</v></c><c s=\"1\"><v>42430</v></c></row>"
    "<row r=\"5\"/>"
    "<row r=\"6\"><c r=\"B6\" t=\"s\"><v>3</v></c><c r=\"D6\" s=\"2\"><v>42430.75</v></c></row>"
    "<row r=\"7\"><c r=\"C7\" t=\"e\"><v>#N/A</v></c><c r=\"D7\" s=\"3\"><v>1.5</v></c></row>"
    "<row><c r=\"B8\" t=\"str\"><v>formula text</v></c><c r=\"D8\" s=\"1\"><v>1</v></c></row>"
    "</sheetData></worksheet>";
  g_autofree char *path = write_workbook (fixture->dir, "cells.xlsx", "", STRINGS, STYLES, sheet);
  g_autofree char *path1904 = write_workbook (fixture->dir, "cells1904.xlsx", "<workbookPr date1904=\"1\"/>",
                                              STRINGS, STYLES, sheet);
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityRecordSource) source = open_written (path, &error);
  g_autoptr(EquityRecordSource) source1904 = NULL;
  g_autofree char *description = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (source->names->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (source->names, 0), ==, "name");
  g_assert_cmpstr (g_ptr_array_index (source->names, 1), ==, "Column C");
  g_assert_cmpstr (g_ptr_array_index (source->names, 2), ==, "when");
  description = source->funcs->describe (source);
  g_assert_cmpstr (description, ==, "Excel workbook, sheet “Data”, header on row 3");

  /* 42430 is 2016-03-01 in the 1900 system (Excel shows it so; also
   * 25569 + 16861 days from 1970-01-01); .75 is 18:00. The 1904 system
   * adds 1,462 days: 2020-03-02. A rich text's runs join; phonetic runs go. */
  check_row (source, 4, (const char *[]) { "run", "1", "2016-03-01", NULL });
  check_row (source, 6, (const char *[]) { " x ", "", "2016-03-01T18:00:00", NULL });
  check_row (source, 7, (const char *[]) { "", "#N/A", "1.5", NULL });
  check_row (source, 8, (const char *[]) { "formula text", "", "1900-01-01", NULL });
  g_assert_false (source->funcs->next (source, NULL, &error));
  g_assert_no_error (error);

  /* a rewind gives the same rows again */
  g_assert_true (source->funcs->rewind (source, &error));
  check_row (source, 4, (const char *[]) { "run", "1", "2016-03-01", NULL });

  source1904 = open_written (path1904, &error);
  g_assert_no_error (error);
  check_row (source1904, 4, (const char *[]) { "run", "1", "2020-03-02", NULL });
}

static void
test_errors (TestScratch   *fixture,
             gconstpointer  data)
{
  static const char bad_string[] =
    "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
    "<row r=\"5\"><c r=\"A5\"><v>1</v></c><c r=\"C5\" t=\"s\"><v>7</v></c></row></sheetData></worksheet>";
  static const char truncated[] =
    "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
    "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><v>2";
  g_autofree char *bad_path = write_workbook (fixture->dir, "bad.xlsx", "", STRINGS, STYLES, bad_string);
  g_autofree char *cut_path = write_workbook (fixture->dir, "cut.xlsx", "", STRINGS, STYLES, truncated);
  g_autoptr(GError) error = NULL;
  g_autoptr(EquityRecordSource) source = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (bad_path);

  /* the scan for the header reads the whole sheet and meets the bad cell */
  source = open_written (bad_path, &error);
  g_assert_null (source);
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "bad.xlsx, sheet “Data”, cell C5 (row 5, column C): "
                                       "the workbook has no shared text number “7”");
  g_clear_error (&error);

  source = open_written (cut_path, &error);
  g_assert_null (source);
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "cut.xlsx, sheet “Data”, cell B2 (row 2, column B): "
                                                   "the sheet’s XML is damaged"));
  g_clear_error (&error);

  /* an unknown sheet names the ones there are */
  g_assert_null (equity_record_source_new_xlsx (file, "Other", &error));
  g_assert_error (error, EQUITY_ERROR, EQUITY_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "bad.xlsx: there is no sheet named “Other”; the sheets are “Data”");
}

static void
test_format_kind (void)
{
  /* ECMA-376 part 1, 18.8.30: y, d date; h, s time; m either; quoted text,
   * escapes and [colour] say nothing; [h] is an elapsed time */
  g_assert_cmpint (equity_xlsx_format_kind ("General"), ==, EQUITY_XLSX_NUMBER);
  g_assert_cmpint (equity_xlsx_format_kind ("0.00"), ==, EQUITY_XLSX_NUMBER);
  g_assert_cmpint (equity_xlsx_format_kind ("[Red]0.00\"d\""), ==, EQUITY_XLSX_NUMBER);
  g_assert_cmpint (equity_xlsx_format_kind ("0\\d"), ==, EQUITY_XLSX_NUMBER);
  g_assert_cmpint (equity_xlsx_format_kind ("mm/dd/yyyy"), ==, EQUITY_XLSX_DATE);
  g_assert_cmpint (equity_xlsx_format_kind ("[$-409]mmmm d, yyyy"), ==, EQUITY_XLSX_DATE);
  g_assert_cmpint (equity_xlsx_format_kind ("yyyy-mm-dd hh:mm"), ==, EQUITY_XLSX_DATETIME);
  g_assert_cmpint (equity_xlsx_format_kind ("h:mm AM/PM"), ==, EQUITY_XLSX_TIME);
  g_assert_cmpint (equity_xlsx_format_kind ("[h]:mm"), ==, EQUITY_XLSX_TIME);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/xlsx-stream/real-workbooks", test_real_workbooks);
  test_add_with_scratch ("/xlsx-stream/cells", test_cells);
  test_add_with_scratch ("/xlsx-stream/errors", test_errors);
  g_test_add_func ("/xlsx-stream/format-kind", test_format_kind);
  return g_test_run ();
}
