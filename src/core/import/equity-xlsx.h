/* equity-xlsx.h — an XLSX workbook read as streams of XML (private)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GDAL's XLSX driver builds the whole sheet in memory before the first row
 * is read; a sheet of a million rows then needs close to a gigabyte. Here the
 * zip members are read as streams (minizip, beside zlib) and parsed with libxml2's pull reader, one row at a time.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The parts of a workbook every sheet needs: its sheets, the shared strings
 * (one chunk of NUL-terminated strings and their offsets) and which cell
 * styles show a number as a date or a time. */
typedef struct
{
  char      *path;          /* the .xlsx on disk */
  char      *display_name;
  GPtrArray *sheet_names;   /* in the workbook's order */
  GPtrArray *sheet_parts;   /* zip member of each, e.g. "xl/worksheets/sheet1.xml" */
  GString   *strings;       /* the shared strings, each NUL-terminated */
  GArray    *string_offsets;/* guint32 offset of each in STRINGS */
  GByteArray *style_kinds;  /* per cell style (xf): an EquityXlsxValueKind */
  gboolean   date1904;      /* serial 0 is 1904-01-01 rather than 1899-12-30 */
} EquityXlsxBook;

typedef enum
{
  EQUITY_XLSX_NUMBER = 0,
  EQUITY_XLSX_DATE,
  EQUITY_XLSX_DATETIME,
  EQUITY_XLSX_TIME,
} EquityXlsxValueKind;

/* Opens the workbook at PATH; returns NULL with ERROR set when it is not a
 * workbook this reader understands (then *UNSUPPORTED is TRUE: GDAL may
 * still read it) or when a part is damaged. */
EquityXlsxBook *equity_xlsx_book_open  (const char      *path,
                                        const char      *display_name,
                                        gboolean        *unsupported,
                                        GError         **error);
void            equity_xlsx_book_free  (EquityXlsxBook  *book);
/* The index of the sheet named NAME (exact, then ignoring case), of the
 * first sheet when NAME is NULL; -1 with ERROR listing the sheets. */
int             equity_xlsx_book_find_sheet (EquityXlsxBook  *book,
                                             const char      *name,
                                             GError         **error);
/* Kind of a cell with style STYLE and the "date1904" choice: its value as
 * text, e.g. "2016-03-01", "2016-03-01T08:30:00", "08:30:00". */
void            equity_xlsx_format_serial (GString             *out,
                                           double               serial,
                                           EquityXlsxValueKind  kind,
                                           gboolean             date1904);
/* Whether the number format CODE shows a date, a time or both */
EquityXlsxValueKind equity_xlsx_format_kind (const char *code);

/* The XML of sheet INDEX as a stream: read it with equity_xlsx_part_read;
 * *SIZE is its uncompressed size, for progress */
gpointer        equity_xlsx_book_open_part (EquityXlsxBook  *book,
                                            guint            index,
                                            guint64         *size,
                                            GError         **error);
int             equity_xlsx_part_read      (void            *part,
                                            char            *buffer,
                                            int              length);
void            equity_xlsx_part_close     (gpointer         part);

/* "A" … "Z", "AA", …: how a spreadsheet names COLUMN (from 0) */
char           *equity_xlsx_column_name    (guint            column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EquityXlsxBook, equity_xlsx_book_free)

/* The rows of one sheet, parsed as the XML streams in. */
typedef struct _EquityXlsxRows EquityXlsxRows;

/* READ fills BUFFER with up to LENGTH bytes and returns how many, 0 at the
 * end, -1 on an error (libxml2's xmlInputReadCallback). BOOK may have no
 * shared strings and no styles (the fuzz target). */
typedef int (*EquityXlsxRead) (void *data, char *buffer, int length);

EquityXlsxRows *equity_xlsx_rows_new     (const EquityXlsxBook *book,
                                          const char           *sheet_name,
                                          EquityXlsxRead        read,
                                          void                 *data);
/* Moves to the next row with at least one cell element; FALSE at the end
 * or on an error (then ERROR says file, sheet, row and column). */
gboolean        equity_xlsx_rows_next    (EquityXlsxRows       *rows,
                                          GError              **error);
/* The current row's number in the sheet, from 1 */
guint64         equity_xlsx_rows_number  (EquityXlsxRows       *rows);
/* How many bytes of the sheet's XML the parser has taken in so far */
guint64         equity_xlsx_rows_bytes_parsed (EquityXlsxRows  *rows);
/* How many columns the row reaches (its last cell's column + 1) */
guint           equity_xlsx_rows_width   (EquityXlsxRows       *rows);
/* Column COLUMN's value as text ("" when the cell is empty or absent) */
const char     *equity_xlsx_rows_cell    (EquityXlsxRows       *rows,
                                          guint                 column,
                                          gsize                *length);
void            equity_xlsx_rows_free    (EquityXlsxRows       *rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EquityXlsxRows, equity_xlsx_rows_free)

G_END_DECLS
